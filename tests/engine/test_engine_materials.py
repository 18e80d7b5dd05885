"""Goods that are kinds of other goods, and materials that replace a raw good.

A product naming a kind of a good names that good too (good_sectors.csv's kind_of: rubber
gloves are gloves, so China's listing of Gloves is a Chinese maker's of rubber gloves, even in
a broad sector). A supplier whose every product is made of a material that replaces a raw
good (sectors.yaml's replaced_by: nitrile and vinyl gloves hold no natural rubber) gets no farms
of that good inferred beneath it, and a data gap saying why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, named_supplier

from ddtool.document import REPLACED_BELOW, replaced_below
from ddtool.profiles import load_profiles

# (country, sector, products, the listings it takes as (good, country))
KINDS = [
    pytest.param(
        "CHN",
        "general-manufacturing",
        ["rubber gloves"],
        {("Gloves", "CHN")},
        id="a Chinese general manufacturer of rubber gloves: Gloves, not fireworks",
        # before: Artificial Flowers, Christmas Decorations, Fireworks, Hair Products, Nails
    ),
    pytest.param(
        "CHN", None, ["rubber gloves"], {("Gloves", "CHN")}, id="no sector: Gloves (as before)"
    ),
    pytest.param(
        "MYS",
        "rubber-products",
        ["nitrile gloves"],
        {("Rubber Gloves", "MYS")},
        id="Malaysia: its own Rubber Gloves",
    ),
    pytest.param(
        "MYS",
        "general-manufacturing",
        ["work gloves"],
        set(),
        id="gloves are no kind of rubber gloves: Malaysia's Rubber Gloves not taken",
    ),
    pytest.param(
        "PRY",
        "crop-farming",
        ["chile peppers"],
        {("Peppers", "PRY")},
        id="chile peppers in Paraguay: its Peppers",
    ),
    pytest.param(
        "MEX",
        "crop-farming",
        ["bell peppers"],
        set(),
        id="peppers are no kind of chile peppers: Mexico's Chile Peppers not taken",
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "listings"), KINDS)
def test_a_kind_of_a_good_takes_the_goods_listing(
    tmp_path: Path,
    country: str,
    sector: str | None,
    products: list[str],
    listings: set[tuple[str, str]],
) -> None:
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", country, sector, products)])
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    assert {(x["good"], x["country"]) for x in entry["listings"]} == listings


def test_the_kinds_are_the_datas() -> None:
    profiles = load_profiles()
    assert profiles.good_kinds == {
        "Rubber Gloves": "Gloves",
        "Chile Peppers": "Peppers",
        "Granite": "Stones",
    }
    for kind, good in profiles.good_kinds.items():
        assert profiles.good_sectors[kind] == profiles.good_sectors[good]


@pytest.mark.parametrize(
    ("kind_of", "message"),
    [
        ("Glovs", "which is no good in good_sectors.csv (did you mean 'Gloves'?)"),
        ("Rubber", "a good of another sector (rubber-plantations)"),
        ("Rubber Gloves", "cannot be kinds of each other"),
    ],
)
def test_a_bad_kind_is_located(tmp_path: Path, kind_of: str, message: str) -> None:
    from ddtool.errors import DdtoolError

    (tmp_path / "good_sectors.csv").write_text(
        f"good,sector,aliases,kind_of\nRubber Gloves,rubber-products,rubber gloves,{kind_of}\n",
        "utf-8",
    )
    with pytest.raises(DdtoolError) as raised:
        load_profiles([tmp_path])
    text = str(raised.value)
    assert "good_sectors.csv: row 2, column kind_of" in text
    assert message in text


GAP = replaced_below(["natural rubber"])
UNMAPPED = "tiers below not mapped (inferred)"

# (country, sector, products, its gap of the tiers below)
REPLACED = [
    pytest.param("MYS", "rubber-products", ["nitrile gloves"], GAP, id="nitrile gloves"),
    pytest.param(
        "MYS",
        None,
        ["nitrile examination gloves, powder-free"],
        GAP,
        id="nitrile examination gloves, its sector taken from them",
    ),
    pytest.param("CHN", "rubber-products", ["vinyl gloves"], GAP, id="vinyl gloves"),
    pytest.param("THA", "rubber-products", ["nitrile rubber gloves"], GAP, id="nitrile rubber"),
    pytest.param(
        "THA", "rubber-products", ["latex-free nitrile gloves"], GAP, id="latex-free nitrile"
    ),
    pytest.param(
        "MYS",
        "rubber-products",
        ["nitrile gloves", "latex gloves"],
        UNMAPPED,
        id="latex gloves beside them: the plantations inferred",
    ),
    pytest.param(
        "MYS",
        "rubber-products",
        ["latex and nitrile gloves"],
        UNMAPPED,
        id="latex and nitrile in one product: the plantations inferred",
    ),
    pytest.param(
        "CHN",
        "rubber-products",
        ["natural rubber latex gloves"],
        UNMAPPED,
        id="natural rubber latex",
    ),
    pytest.param("THA", "rubber-products", ["tyres"], UNMAPPED, id="tyres"),
    # natural rubber beside a synthetic one: tyres and belts of SBR hold it too, and so do
    # boots of PVC and rubber, and a hybrid of nitrile and latex
    pytest.param("THA", "rubber-products", ["sbr tyres"], UNMAPPED, id="sbr tyres"),
    pytest.param(
        "THA", "rubber-products", ["synthetic rubber tyres"], UNMAPPED, id="synthetic rubber"
    ),
    pytest.param("CHN", "rubber-products", ["pvc and rubber boots"], UNMAPPED, id="pvc and rubber"),
    pytest.param(
        "MYS", "rubber-products", ["hybrid nitrile-latex gloves"], UNMAPPED, id="hybrid gloves"
    ),
    pytest.param("THA", "rubber-products", [], UNMAPPED, id="no products"),
]


@pytest.mark.parametrize(("country", "sector", "products", "gap"), REPLACED)
def test_no_farms_beneath_goods_of_a_material_that_replaces_them(
    tmp_path: Path, country: str, sector: str | None, products: list[str], gap: str
) -> None:
    """Before, a Malaysian maker of nitrile gloves had natural rubber plantations of the
    world's origin mix inferred beneath it, critical, and exposed to them."""
    doc = assessed_data(tmp_path, "retail", [named_supplier("S", country, sector, products)])
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    assert [g for g in entry["data_gaps"] if g.startswith("tiers below")] == [gap]
    beneath = {s["sector"] for s in inferred_beneath(doc, "S").values()}
    if gap.startswith(REPLACED_BELOW):
        assert not beneath
        assert {"supplier_id": "S", "gap": gap} in doc["data_gaps"]
    else:
        assert beneath == {"rubber-plantations"}


def test_replaced_by_only_for_a_raw_sector(tmp_path: Path) -> None:
    from ddtool.errors import DdtoolError

    (tmp_path / "sectors.yaml").write_text(
        "sectors:\n  - id: rubber-products\n    replaced_by: [nitrile]\n", "utf-8"
    )
    with pytest.raises(DdtoolError) as raised:
        load_profiles([tmp_path])
    assert "replaced_by: only a sector of commodities" in str(raised.value)


# -- goods, sectors and headers as the trade writes them --------------------------------------

# Congo's listings of artisanal mining's goods (cobalt, copper, gold, coltan, cassiterite,
# wolframite): a mine that names its own minerals keeps them all
COD_MINES = sorted(
    {g.good for g in load_profiles().goods if g.iso3 == "COD" and g.sector == "artisanal-mining"}
)

# (country, sector, products, the listings it takes): each took another before
TRADE_LISTINGS = [
    pytest.param(
        "ETH",
        "fabric-manufacturing",
        ["100% cotton jersey 180gsm"],
        set(),
        id="knitted jersey is no hand-woven textile (before: Ethiopia's, critical)",
    ),
    pytest.param(
        "ETH",
        "fabric-manufacturing",
        ["cotton fabric"],
        {"Textiles (hand-woven)"},
        id="fabric that may be hand-woven keeps it",
    ),
    pytest.param(
        "ETH",
        "fabric-manufacturing",
        ["knitted and woven fabrics"],
        {"Textiles (hand-woven)"},
        id="knitted beside woven keeps it",
    ),
    pytest.param(
        "ETH",
        "fabric-manufacturing",
        ["raw wool fleece"],
        {"Textiles (hand-woven)"},
        id="a fleece of wool is no knitted cloth",
    ),
    pytest.param(
        "ZWE",
        "artisanal-mining",
        ["lithium ore"],
        set(),
        id="a lithium mine is no gold mine (before: Zimbabwe's Gold)",
    ),
    pytest.param(
        "ZWE",
        "artisanal-mining",
        ["spodumene concentrate", "petalite"],
        set(),
        id="lithium by its ores' names",
    ),
    pytest.param("ZWE", "artisanal-mining", [], {"Gold"}, id="a mine naming nothing: its gold"),
    pytest.param("ZWE", "artisanal-mining", ["gold doré"], {"Gold"}, id="a gold mine: its gold"),
    # a mineral of the mine's own beside another keeps its listings; copper is artisanal
    # mining's own good (Copper), though none of its commodities
    pytest.param(
        "NGA",
        "artisanal-mining",
        ["tantalite and lepidolite concentrate"],
        {"Gold"},
        id="tantalite beside lepidolite: the mine's own",
    ),
    pytest.param(
        "COD",
        "artisanal-mining",
        ["3T minerals incl. lithium-bearing pegmatites"],
        set(COD_MINES),
        id="3T beside lithium: the mine's own",
    ),
    pytest.param(
        "COD",
        "artisanal-mining",
        ["heterogenite and malachite ore"],
        set(COD_MINES),
        id="malachite is copper, the mine's own good",
    ),
    pytest.param(
        "CHN",
        "general-manufacturing",
        ["LiPo pouch cells"],
        {"Lithium-Ion Batteries"},
        id="LiPo cells are lithium-ion batteries (before: China's fireworks)",
    ),
    pytest.param(
        "COD",
        "industrial-mining",
        ["Co(OH)2"],
        {"Cobalt ore (heterogenite)"},
        id="Co(OH)2 is cobalt hydroxide (before: none)",
    ),
    pytest.param(
        "MDG",
        "artisanal-mining",
        ["muscovite mica flakes"],
        {"Mica"},
        id="muscovite mica (before: none)",
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "listings"), TRADE_LISTINGS)
def test_goods_as_the_trade_writes_them_take_their_listings(
    country: str, sector: str, products: list[str], listings: set[str]
) -> None:
    applies, _ = load_profiles().listings_for(country, sector, products)
    assert {listing.good for listing in applies} == listings


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("lithium brine", "industrial-mining"),
        ("spodumene mine", "industrial-mining"),
        ("lithium refinery", "smelting-refining"),
        ("pCAM producer", "battery-manufacturing"),
        ("battery cell manufacturer", "battery-manufacturing"),
        # a cell of another kind is no battery's ('solar cell manufacturer'), nor is ODM
        # (a business model, of toys and cosmetics too) electronics
        ("solar cell manufacturer", "solar-module-manufacturing"),
        ("ODM toys", "toy-manufacturing"),
        ("cosmetics OEM/ODM", None),
        ("solder manufacturer", "electronic-components"),
        ("Cutting|Sewing", "garment-manufacturing"),
        ("cutting & sewing", "garment-manufacturing"),
        # before as after: a word of work alone names no sector
        ("Sewing", None),
        ("Weaving", None),
    ],
)
def test_sector_texts_as_the_trade_writes_them(text: str, sector: str | None) -> None:
    assert load_profiles().match_sector(text).id == sector


@pytest.mark.parametrize(
    ("product", "good"),
    [
        ("lint cotton", "Cotton"),
        ("raw cotton bales", "Cotton"),
        ("nitrile examination gloves", "Rubber Gloves"),
        ("disposable nitrile gloves", "Rubber Gloves"),
        ("powder-free nitrile gloves", "Rubber Gloves"),
        ("examination gloves", "Rubber Gloves"),
        ("surgical gloves", "Rubber Gloves"),
        ("work gloves", "Gloves"),
        ("LiPo pouch cells", "Lithium-Ion Batteries"),
        ("phlogopite mica scrap", "Mica"),
        ("solar wafers", "Photovoltaic Wafers"),
        ("cotton gloves", None),
    ],
)
def test_products_as_the_trade_writes_them(product: str, good: str | None) -> None:
    assert load_profiles().match_good(product) == good


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Products / Material", "products"),
        ("Country | Land", "country"),
        ("Country / Region", None),
        ("Name / Contact", None),
    ],
)
def test_a_header_of_parts_naming_one_field(header: str, field: str | None) -> None:
    from ddtool.sources.columns import match_header

    assert match_header(header, {}) == field


def test_a_ginnerys_farms_are_in_its_country(tmp_path: Path) -> None:
    """Seed cotton is ginned near the fields: beneath a Turkmen ginnery, Turkmenistan's own
    farms, with its Cotton listing (before: leaning to it, at China's worst case); beneath
    an Uzbek one, whose share of world cotton the risk data lacks, the origin mix still."""
    doc = assessed_data(
        tmp_path,
        "garment-manufacturing",
        [
            named_supplier("G-TKM", "TKM", "cotton-ginning", ["cotton"]),
            named_supplier("G-UZB", "UZB", "cotton-ginning", ["cotton"]),
        ],
    )
    below = {k: v for k, v in inferred_beneath(doc, "G-TKM").items()}
    assert list(below) == ["inferred:cotton-farming@TKM"]
    farm = below["inferred:cotton-farming@TKM"]
    assert [(o["country"], o["weight"]) for o in farm["origins"]] == [("TKM", 1.0)]
    # (Turkmenistan's Cotton listing: child and forced labour, floored at 0.8)
    worst = farm["worst_case"]
    assert {rt: (worst[rt]["country"], worst[rt]["likelihood"]) for rt in worst} == {
        "child_labour": ("TKM", 0.8),
        "forced_labour": ("TKM", 0.8),
        "human_trafficking": ("TKM", 0.6467),
    }
    assert "ginned near the fields" in farm["assumption"]
    assert list(inferred_beneath(doc, "G-UZB")) == ["inferred:cotton-farming:cotton-lint@world"]


@pytest.mark.parametrize(
    ("header", "cell", "field", "value"),
    [
        ("Product / Material", "latex", "products", ["gloves"]),
        ("Country code / Country name", "CN / China", "country", "CHN"),
        ("City / Region", "Dongguan / Guangdong", "region", "Guangdong"),
    ],
)
def test_a_header_by_its_parts_beside_one_naming_its_field_whole_is_the_users_own(
    tmp_path: Path, header: str, cell: str, field: str, value: Any
) -> None:
    """Before, a second column of the field was an error (`duplicate-column`) or was read
    with the first ("Guangdong, Dongguan / Guangdong")."""
    from ddtool.assess import assess

    chain = tmp_path / "chain.csv"
    chain.write_text(
        f"Supplier ID,Supplier name,Country,Product,Region,{header}\n"
        f"S1,A,China,gloves,Guangdong,{cell}\n",
        "utf-8",
    )
    doc = assess([chain]).data
    entry = doc["suppliers"][0]
    assert entry[field] == value
    assert entry["attributes"] == {header: cell}
    assert not [w for w in doc["warnings"] if w["type"] == "duplicate-column"]


@pytest.mark.parametrize("product", ["Sn ingot", "tin ingot", "SnPb solder bar"])
def test_tins_symbol_names_tin(tmp_path: Path, product: str) -> None:
    """An Indonesian smelter of "Sn ingot" smelts tin: the mines and traders beneath it are
    tin's alone (before, a trader of cobalt, copper, gold, lithium, mica, tantalum and
    tungsten, and their mines, were inferred beneath it too)."""
    doc = assessed_data(
        tmp_path,
        "electronics-manufacturing",
        [named_supplier("S", "IDN", "smelting-refining", [product])],
    )
    beneath = inferred_beneath(doc, "S")
    assert beneath
    assert all(":tin@" in node_id for node_id in beneath), sorted(beneath)


# -- seafood as the trade writes it -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("shrimp packing plant", "seafood-processing"),  # (was read as a trader's)
        ("empacadora de camarón", "seafood-processing"),  # (was a shrimp farm's)
        ("transshipment", "fishing-vessels"),  # (was none)
        ("squid jiggers", "fishing-vessels"),
        ("Surimi plant", "seafood-processing"),
        ("fish broker", "seafood-trade"),
        # as before: a reefer carries fruit and other cargo as well as fish
        ("reefer container", "logistics-transport"),
        ("reefer vessel", None),
    ],
)
def test_seafood_sector_texts(text: str, sector: str) -> None:
    assert load_profiles().match_sector(text).id == sector


def test_wild_caught_sea_shrimp_is_shrimp_caught(tmp_path: Path) -> None:
    """Before, "wild-caught sea shrimp" named no good: a Vietnamese supplier of no sector
    of it had nothing inferred beneath it. It is read as a trader of caught shrimp, the fleet
    beneath it, as "wild-caught shrimp" is."""
    assert load_profiles().match_good("wild-caught sea shrimp") == "Shrimp"
    doc = assessed_data(
        tmp_path, "retail", [named_supplier("S", "VNM", None, ["wild-caught sea shrimp"])]
    )
    beneath = {s["sector"] for s in inferred_beneath(doc, "S").values()}
    assert beneath == {"seafood-processing", "fishing-vessels"}


@pytest.mark.parametrize(
    "products", [[], ["fishmeal 65% protein"], ["steam dried fishmeal"], ["fishmeal"]]
)
def test_a_fishmeal_plant_is_fed_by_the_fleet_not_shrimp_farms(
    tmp_path: Path, products: list[str]
) -> None:
    """Before, an Indian "fishmeal plant" had farmed shrimp inferred beneath it (Thailand's
    for a Thai one: critical on its shrimp listing) unless its products said "fishmeal"
    alone."""
    doc = assessed_data(
        tmp_path, "food-manufacturing", [named_supplier("S", "IND", "fishmeal plant", products)]
    )
    assert {s["sector"] for s in inferred_beneath(doc, "S").values()} == {"fishing-vessels"}


def test_mauritius_in_french() -> None:
    from ddtool.reference.countries import normalise_country

    assert [normalise_country(c).iso3 for c in ("Île Maurice", "Iles Maurice", "Mauritanie")] == [
        "MUS",
        "MUS",
        "MRT",
    ]
