"""The trade's own words for its goods and its actors, as a gold refiner, a cocoa grinder
and a coffee roaster write them: recycled material (no mine beneath it), goods of jute (no
cotton farms beneath them), a cooperative's members and a washing station's farms (in its
own country), a first stage at origin under an importer abroad (no commission work), a
refinery's minerals named in its sector text, a jeweller's by a karat mark, and the
products of an artisanal mine that name its commodity in other words ('alluvial gold')."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, named_supplier

from ddtool.document import RECYCLED_BELOW, recycled_below
from ddtool.profiles import load_profiles


def _beneath(doc: dict[str, Any], sid: str) -> set[str]:
    return set(inferred_beneath(doc, sid))


def _gap_of_tiers(doc: dict[str, Any], sid: str) -> list[str]:
    entry = next(s for s in doc["suppliers"] if s["id"] == sid)
    return [g for g in entry["data_gaps"] if g.startswith("tiers below")]


UNMAPPED = "tiers below not mapped (inferred)"

# (country, sector, products, its gap of the tiers below)
RECYCLED = [
    pytest.param(
        "CHE", "smelting-refining", ["scrap gold"], recycled_below(["gold"]), id="scrap gold"
    ),
    pytest.param(
        "ITA", "wholesale-trade", ["recycled gold"], recycled_below(["gold"]), id="recycled gold"
    ),
    pytest.param(
        "CHE",
        "smelting-refining",
        ["recycled gold", "reclaimed silver"],
        recycled_below(["gold"]),
        id="every product recycled",
    ),
    pytest.param(
        "ITA", "smelting-refining", ["oro da recupero"], recycled_below(["gold"]), id="Italian"
    ),
    pytest.param(
        "IND",
        "yarn-spinning",
        ["recycled cotton yarn"],
        recycled_below(["cotton (lint)"]),
        id="recycled cotton yarn: no cotton farms",
    ),
    # recycled in part, or beside mined material: the mines and farms inferred
    pytest.param(
        "CHE", "smelting-refining", ["recycled and mined gold"], UNMAPPED, id="recycled and mined"
    ),
    pytest.param(
        "CHE", "smelting-refining", ["scrap gold", "gold doré"], UNMAPPED, id="doré beside it"
    ),
    pytest.param("IND", "yarn-spinning", ["30% recycled cotton yarn"], UNMAPPED, id="30%"),
    pytest.param("IND", "yarn-spinning", ["recycled cotton blend yarn"], UNMAPPED, id="blend"),
    pytest.param("CHE", "smelting-refining", ["gold"], UNMAPPED, id="gold"),
    # scrap mica is a grade of mined mica, picked at the mines
    pytest.param("IND", "mineral-trading", ["phlogopite mica scrap"], UNMAPPED, id="mica scrap"),
    pytest.param("IND", "mineral-trading", ["phlogopite scrap"], UNMAPPED, id="phlogopite scrap"),
    # other senses of the words: made for recycling, a secondary battery, oil recovered
    pytest.param("CHN", "battery-manufacturing", ["secondary batteries"], UNMAPPED, id="secondary"),
    pytest.param(
        "COD", "mineral-trading", ["gold recovered from tailings"], UNMAPPED, id="tailings"
    ),
    # a metal's secondary or scrap forms are recycled
    pytest.param(
        "CHE",
        "smelting-refining",
        ["dental scrap"],
        recycled_below(
            ["cobalt", "copper", "gold", "lithium", "mica", "tantalum", "tin", "tungsten"]
        ),
        id="dental scrap",
    ),
    pytest.param(
        "CHE",
        "smelting-refining",
        ["secondary gold"],
        recycled_below(["gold"]),
        id="secondary gold",
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "gap"), RECYCLED)
def test_nothing_is_inferred_beneath_recycled_material(
    tmp_path: Path, country: str, sector: str, products: list[str], gap: str
) -> None:
    """Before, a Swiss recycler of scrap gold had artisanal and industrial gold mines of the
    world's origin mix inferred beneath it, six critical flags."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", country, sector, products)])
    assert _gap_of_tiers(doc, "S") == [gap]
    if gap.startswith(RECYCLED_BELOW):
        assert not _beneath(doc, "S")
        assert {"supplier_id": "S", "gap": gap} in doc["data_gaps"]
    else:
        assert _beneath(doc, "S")


# (sector, products, whether cotton farms are inferred beneath it)
FIBRES = [
    pytest.param("jute mill", ["jute bags"], False, id="jute bags: no cotton"),
    pytest.param("fabric-manufacturing", ["hessian sacks"], False, id="hessian sacks"),
    pytest.param("fabric-manufacturing", ["burlap and jute sacking"], False, id="burlap"),
    pytest.param("fabric-manufacturing", ["jute and cotton fabric"], True, id="jute and cotton"),
    # other fibres may be blended with cotton, or woven on a cotton warp: kept
    pytest.param("fabric-manufacturing", ["jute sacks with printed logo"], False, id="a logo"),
    pytest.param("fabric-manufacturing", ["tote bags of jute and canvas"], True, id="canvas"),
    pytest.param("garment-manufacturing", ["polyester t-shirts"], True, id="polyester"),
    pytest.param("carpet-weaving", ["wool carpets"], True, id="wool carpets"),
    pytest.param("fabric-manufacturing", ["cotton fabric"], True, id="cotton"),
]


@pytest.mark.parametrize(("sector", "products", "cotton"), FIBRES)
def test_no_cotton_farms_beneath_goods_of_jute(
    tmp_path: Path, sector: str, products: list[str], cotton: bool
) -> None:
    """Before, an Indian jute mill had yarn spinning, cotton ginning and cotton farms
    inferred beneath it, the farms high on India's cotton listing."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", "IND", sector, products)])
    sectors = {s["sector"] for s in inferred_beneath(doc, "S").values()}
    assert ("cotton-farming" in sectors) is cotton


# (country, sector text, name, the inferred farm beneath it: cocoa beans or green coffee)
COOPERATIVES = [
    pytest.param(
        "PER",
        "cocoa cooperative",
        "Cooperativa Agraria Norandino",
        "inferred:cocoa-farming@PER",
        id="a Peruvian cooperative: its members' farms in Peru",
    ),
    pytest.param(
        "CIV",
        "cocoa trading",
        "Coopérative Agricole de Soubré",
        "inferred:cocoa-farming@CIV",
        id="a cooperative by its name",
    ),
    pytest.param(
        "CIV",
        "cocoa exporter",
        "Ivorian Exporter SA",
        "inferred:cocoa-farming:cocoa-beans@CIV",
        id="an exporter: the origin mix leaning to its country, as before",
    ),
    pytest.param(
        "NLD",
        "cocoa cooperative",
        "Dutch cocoa coop",
        "inferred:cocoa-farming:cocoa-beans@world",
        id="in a country that grows none: the world's mix, as before",
    ),
    pytest.param(
        "ETH",
        "coffee washing station",
        "Kochere Washing Station",
        "inferred:coffee-farming@ETH",
        id="an Ethiopian washing station: its farms in Ethiopia",
    ),
    pytest.param(
        "HND",
        "Beneficio",
        "Beneficio Las Flores",
        "inferred:coffee-farming@HND",
        id="a Honduran beneficio: its farms in Honduras",
    ),
    pytest.param(
        "HND",
        "beneficio seco",
        "Seco SA",
        "inferred:coffee-farming:coffee-green-beans@HND",
        id="a dry mill: the mix leaning to its country, as before",
    ),
    pytest.param(
        "HND",
        "beneficio seco",
        "Beneficio San Juan S.A.",
        "inferred:coffee-farming:coffee-green-beans@HND",
        id="a dry mill named 'Beneficio': its sector text tells",
    ),
    pytest.param(
        "PER",
        "coffee cooperative",
        "Cooperativa Agraria Cafetalera",
        "inferred:coffee-farming@PER",
        id="a Peruvian coffee cooperative: its members' farms in Peru",
    ),
    pytest.param(
        "UGA",
        "coffee exporter",
        "Kyagalanyi Coffee Ltd",
        "inferred:coffee-farming:coffee-green-beans@UGA",
        id="a coffee exporter: the origin mix leaning to its country, as before",
    ),
    # a licensed buying company buys Ghana's cocoa from its farmers (before: the world's mix,
    # its flags at Côte d'Ivoire's worst case, and no Ghana in the report)
    pytest.param(
        "GHA",
        "licensed buying company",
        "Kumasi LBC",
        "inferred:cocoa-farming@GHA",
        id="a Ghanaian licensed buying company: the farms of Ghana",
    ),
]


@pytest.mark.parametrize(("country", "sector", "name", "farms"), COOPERATIVES)
def test_a_cooperatives_or_washing_stations_farms_are_near_it(
    tmp_path: Path, country: str, sector: str, name: str, farms: str
) -> None:
    """Before, half of a Peruvian cocoa or coffee cooperative's farms, or an Ethiopian
    washing station's, were placed at the world's mix and flagged critical on Côte
    d'Ivoire's forced child labour listing (Ethiopia's and Peru's coffee are not listed)."""
    coffee = "coffee" in sector or "beneficio" in sector.casefold()
    good = "green coffee" if coffee else "cocoa beans"
    supplier = named_supplier("S", country, sector, [good]) | {"name": name}
    doc = assessed_data(tmp_path, "retail", [supplier])
    assert _beneath(doc, "S") == {farms}
    if "@world" not in farms and ":" not in farms.removeprefix("inferred:"):
        entry = next(s for s in doc["suppliers"] if s["id"] == farms)
        assert entry["country"] == country


# (sector text, products, the commodities of the mines inferred beneath it)
MINERALS = [
    pytest.param("gold refinery", ["bullion", "grain", "kilobars"], {"gold"}, id="gold refinery"),
    pytest.param("refinería de oro", ["lingotes"], {"gold"}, id="refinería de oro"),
    pytest.param("tin smelter", [], {"tin"}, id="tin smelter"),
    pytest.param(
        "jewellery manufacturing", ["gold chains", "22k bangles"], {"gold"}, id="a karat mark"
    ),
    pytest.param("jewellery manufacturing", ["18 kt rings"], {"gold"}, id="18 kt"),
    pytest.param("jewellery manufacturing", ["22k ornaments"], {"gold"}, id="22k ornaments"),
    pytest.param("exportador de oro", ["oro", "doré"], {"gold"}, id="exportador de oro"),
]


@pytest.mark.parametrize(("sector", "products", "minerals"), MINERALS)
def test_the_mines_beneath_a_refinery_or_jeweller_are_of_its_minerals(
    tmp_path: Path, sector: str, products: list[str], minerals: set[str]
) -> None:
    """Before, a gold refinery selling bullion, grain and kilobars had cobalt, lithium, mica,
    tin, tantalum and tungsten mines inferred beneath it, and a jeweller of gold chains and
    22k bangles too."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", "IND", sector, products)])
    mines = {
        node.split(":")[2].split("@")[0]
        for node in _beneath(doc, "S")
        if node.startswith(("inferred:artisanal-mining:", "inferred:industrial-mining:"))
    }
    assert mines == minerals


# (country, products, the listings an artisanal mine takes)
LISTINGS = [
    pytest.param("GHA", ["gold"], {"Gold"}, id="gold"),
    pytest.param("GHA", ["alluvial gold"], {"Gold"}, id="alluvial gold"),
    pytest.param("GHA", ["gold dust"], {"Gold"}, id="gold dust"),
    pytest.param("GHA", ["gold nuggets"], {"Gold"}, id="gold nuggets"),
    pytest.param("GHA", ["artisanal gold"], {"Gold"}, id="artisanal gold"),
    pytest.param("GHA", ["or"], {"Gold"}, id="or, in French"),
    pytest.param("COD", ["or brut"], {"Gold"}, id="or brut: not all of Congo's six"),
    pytest.param("COD", ["small-scale gold"], {"Gold"}, id="small-scale gold"),
    pytest.param(
        "COD",
        ["artisanal gold", "cassiterite"],
        {"Gold", "Tin ore (cassiterite)"},
        id="gold and cassiterite",
    ),
    pytest.param("BOL", ["plata"], {"Silver"}, id="plata: Bolivia's silver alone"),
]


@pytest.mark.parametrize(("country", "products", "goods"), LISTINGS)
def test_an_artisanal_mine_takes_the_listing_its_products_name(
    country: str, products: list[str], goods: set[str]
) -> None:
    """Before, 'alluvial gold', 'gold dust', 'placer gold' and 'gold nuggets' left a Ghanaian
    artisanal mine with no listing at all (high, not critical), and 'or' left a Congolese one
    with all six of Congo's mining listings."""
    applies, _handled = load_profiles().listings_for(country, "artisanal-mining", products)
    assert {listing.good for listing in applies} == goods


# (product, the listed good it names)
GOODS = [
    ("jute sacks", "Jute (textiles)"),
    ("sacs de jute", "Jute (textiles)"),
    ("hessian bags", "Jute (textiles)"),
    ("gunny bags", "Jute (textiles)"),
    ("or", "Gold"),
    ("poudre d'or", "Gold"),
    ("gold bullion", "Gold"),
    ("plata", "Silver"),
    ("silver doré", "Silver"),
    # French "or" in a longer text is a conjunction
    ("China or Taiwan", None),
    ("wild or farmed shrimp", None),
    ("t-shirts, or similar", None),
    ("scrap gold", None),
]


@pytest.mark.parametrize(("product", "good"), GOODS)
def test_the_trades_words_for_its_goods(product: str, good: str | None) -> None:
    profiles = load_profiles()
    assert profiles.match_good(product) == good
    if good is None:  # (nor read as gold by a word of it)
        assert profiles.good_named(product) != "Gold"


def test_a_first_stage_at_origin_under_an_importer_abroad_buys_its_own_harvest(
    tmp_path: Path,
) -> None:
    """A German importer with a Brazilian farm mapped beneath it, beside a Honduran coffee
    cooperative and a Ugandan exporter: those were taken to mill the importer's own coffee
    (commission work), nothing inferred beneath them, low with no data gap."""
    importer = named_supplier("IMP", "DEU", "green coffee importer", [])
    farm = named_supplier("FARM", "BRA", "coffee farming", []) | {"buyers": ["IMP"]}
    coop = named_supplier("COOP", "HND", "coffee cooperative", []) | {"buyers": ["IMP"]}
    exporter = named_supplier("EXP", "UGA", "coffee exporter", []) | {"buyers": ["IMP"]}
    doc = assessed_data(tmp_path, "coffee-roasting", [importer, farm, coop, exporter])
    assert _beneath(doc, "COOP") == {"inferred:coffee-farming@HND"}
    assert _beneath(doc, "EXP") == {"inferred:coffee-farming:coffee-green-beans@UGA"}
    assert _gap_of_tiers(doc, "EXP") == [UNMAPPED]


# (sector text of the supplier under an exporter of its own country and stage, what is
# inferred beneath it)
UNDER_AN_EXPORTER = [
    pytest.param(
        "wet mill", {"inferred:coffee-farming@ETH"}, id="a wet mill: its farms in Ethiopia"
    ),
    pytest.param("coffee washing station", {"inferred:coffee-farming@ETH"}, id="a washing station"),
    pytest.param(
        "coffee cooperative", {"inferred:coffee-farming@ETH"}, id="a cooperative's members"
    ),
    # a dry mill may hull the exporter's own parchment (toll milling): commission work
    pytest.param("dry mill", set(), id="a dry mill: the exporter's coffee, as before"),
]


@pytest.mark.parametrize(("sector", "farms"), UNDER_AN_EXPORTER)
def test_a_first_stage_under_its_own_countrys_exporter_buys_its_own_harvest(
    tmp_path: Path, sector: str, farms: set[str]
) -> None:
    """An Ethiopian wet mill under an Ethiopian exporter (both coffee milling) was taken to
    mill the exporter's coffee: no farm beneath it, no data gap, and the farms it buys from
    placed beneath the exporter at the world's mix."""
    exporter = named_supplier("EXP", "ETH", "coffee exporter", [])
    mill = named_supplier("MILL", "ETH", sector, []) | {"buyers": ["EXP"]}
    doc = assessed_data(tmp_path, "coffee-roasting", [exporter, mill])
    assert _beneath(doc, "MILL") == farms
    assert _gap_of_tiers(doc, "MILL") == ([UNMAPPED] if farms else [])
    # the exporter's other sources stay inferred beneath it
    assert _beneath(doc, "EXP") == {"inferred:coffee-farming:coffee-green-beans@ETH"}


NOTE = (
    "general manufacturing (other goods) in China: its products name none of the goods listed"
    " for its sector there, and do not rule them out, so the highest of them is its floor: "
)


@pytest.mark.parametrize(
    ("products", "noted"),
    [
        (["USB-C cables"], True),
        (["corrugated cartons", "EPE foam inserts"], True),
        (["fireworks"], False),  # (the listing its products name)
        ([], False),  # (nothing said of what it makes)
    ],
)
def test_a_broad_sectors_listing_says_the_products_name_none_of_its_goods(
    tmp_path: Path, products: list[str], noted: bool
) -> None:
    """Before, a Chinese cable maker read as general manufacturing was flagged 'Fireworks
    from China is on the US DOL List of Goods', with nothing to say it makes none; then with
    a note after it, which readers passed over: the reason now begins with its sector."""
    supplier = named_supplier("S", "CHN", "general-manufacturing", products)
    doc = assessed_data(tmp_path, "electronics-manufacturing", [supplier])
    reasons = [
        doc["bases"][f["basis"]]["reason"]
        for f in doc["flags"]
        if f["supplier_id"] == "S" and "US DOL List" in doc["bases"][f["basis"]]["reason"]
    ]
    assert reasons
    assert all(r.startswith(NOTE) is noted for r in reasons)


def test_the_goods_a_supplier_of_no_sector_may_be_for_trafficking_are_forced_child_labours(
    tmp_path: Path,
) -> None:
    """The list names no goods for trafficking: the evidence said 'goods listed in MMR for
    human trafficking'."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", "MMR", None, [])])
    facts = [e["indicator"] for e in doc["evidence"].values()]
    assert (
        "goods listed in MMR for human trafficking (the sector not known may be one)" not in facts
    )
    assert (
        "goods listed in MMR for forced child labour (taken as trafficking risk) (the sector not"
        " known may be one)" in facts
    )


@pytest.mark.parametrize(
    ("country", "sector", "products", "farms"),
    [
        # its own country's region or people named: the farms near it, as with no place
        (
            "ETH",
            "coffee washing station",
            ["washed Yirgacheffe Grade 1"],
            "inferred:coffee-farming@ETH",
        ),
        ("THA", "sugar mill", ["Thai raw sugar"], "inferred:sugarcane-farming@THA"),
        ("SLE", "cocoa cooperative", ["Sierra Leone cocoa beans"], "inferred:cocoa-farming@SLE"),
        # another country's: where the goods are from, the mix
        ("IDN", "sugar mill", ["Thai raw sugar"], "inferred:sugarcane-farming:sugarcane@IDN"),
    ],
)
def test_a_product_naming_its_suppliers_own_country_keeps_the_farms_near_it(
    tmp_path: Path, country: str, sector: str, products: list[str], farms: str
) -> None:
    """Before, a region or people of the supplier's own country in its products ('washed
    Yirgacheffe' of an Ethiopian washing station, 'Thai raw sugar' of a Thai mill) was
    taken to say the goods were from elsewhere: its farms at the world's mix."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", country, sector, products)])
    assert farms in _beneath(doc, "S")
