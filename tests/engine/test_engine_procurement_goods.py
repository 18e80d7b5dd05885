"""A hospital group's and a parts maker's goods as their buyers write them: Sialkot
workshops working surgical instruments, a German maker of mica powder, hospital textiles
("cotton scrubs", "hospital bed linen"), German names of listed goods ("Glimmer",
"Holzkohle") and German sector words ("Gebäudereinigung", "Kabelbaumfertigung")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, named_supplier


def _entry(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in doc["suppliers"] if s["id"] == sid)


def _reason(doc: dict[str, Any], sid: str, risk_type: str) -> str:
    flag = next(f for f in doc["flags"] if f["supplier_id"] == sid and f["risk_type"] == risk_type)
    return str(doc["bases"][flag["basis"]]["reason"])


@pytest.mark.parametrize(
    "product",
    ["forged blanks for surgical instruments", "polishing of surgical instruments"],
)
def test_a_workshop_working_a_listed_good_takes_its_listing(tmp_path: Path, product: str) -> None:
    """Before, a Sialkot forging workshop was flagged on Pakistan's Furniture listing, 'its
    products name none of the goods listed'."""
    doc = assessed_data(
        tmp_path, "retail-general", [named_supplier("S", "PAK", "general-manufacturing", [product])]
    )
    assert [x["good"] for x in _entry(doc, "S")["listings"]] == ["Surgical Instruments"]
    assert _reason(doc, "S", "child_labour") == (
        "Surgical Instruments from Pakistan is on the US DOL List of Goods (2022): listed for"
        " child labour"
    )


def test_a_broad_sectors_listings_stay_where_products_say_none(tmp_path: Path) -> None:
    """'Steel fittings' from a Pakistani general manufacturer say none of its listed goods:
    all of them apply, said to be the sector's, as before."""
    doc = assessed_data(
        tmp_path,
        "retail-general",
        [named_supplier("S", "PAK", "general-manufacturing", ["steel fittings"])],
    )
    goods = [x["good"] for x in _entry(doc, "S")["listings"]]
    assert {"Furniture", "Glass Bangles", "Surgical Instruments"} <= set(goods)
    assert "its products name none of the goods listed" in _reason(doc, "S", "child_labour")


# (products of a German general manufacturer, whether mica mines are inferred beneath it)
MAKERS = [
    pytest.param(["mica powder"], True, id="mica powder"),
    pytest.param(["mica"], True, id="mica"),
    pytest.param(["Glimmer"], True, id="Glimmer"),
    pytest.param(["widgets"], False, id="no good named"),
]


@pytest.mark.parametrize(("products", "mines"), MAKERS)
def test_a_general_manufacturer_naming_a_key_good_works_its_chain(
    tmp_path: Path, products: list[str], mines: bool
) -> None:
    """Before, a German pigment maker of 'mica powder' had nothing inferred beneath it and
    came out low, with no data gap."""
    doc = assessed_data(
        tmp_path, "retail-general", [named_supplier("S", "DEU", "general-manufacturing", products)]
    )
    beneath = inferred_beneath(doc, "S")
    assert any(s["sector"] == "artisanal-mining" for s in beneath.values()) is mines
    entry = _entry(doc, "S")
    if mines:
        assert entry["exposure"]["child_labour"]["level"] == "critical"
    else:
        assert beneath == {}
        assert entry["data_gaps"] == []


# (country, products, the sector scored, the listing, if any)
GOODS = [
    ("PAK", ["cotton scrubs"], "garment-manufacturing", None),
    ("PAK", ["cotton surgical gowns"], "garment-manufacturing", None),
    ("PAK", ["hospital bed linen"], "fabric-manufacturing", None),
    ("PAK", ["forceps"], "general-manufacturing", "Surgical Instruments"),
    ("IND", ["Glimmer"], "artisanal-mining", "Mica"),
    ("BRA", ["Holzkohle"], "timber-forestry", "Charcoal"),
    ("COD", ["Kobalthydroxid"], "artisanal-mining", "Cobalt ore (heterogenite)"),
]


@pytest.mark.parametrize(("country", "products", "sector", "listing"), GOODS)
def test_goods_as_buyers_write_them(
    tmp_path: Path, country: str, products: list[str], sector: str, listing: str | None
) -> None:
    doc = assessed_data(tmp_path, "retail-general", [named_supplier("S", country, None, products)])
    entry = _entry(doc, "S")
    assert entry["sector"] == sector
    if listing is not None:
        assert listing in [x["good"] for x in entry["listings"]]


@pytest.mark.parametrize(
    ("written", "sector"),
    [
        ("Gebäudereinigung", "cleaning-services"),
        ("Wachdienst", "security-services"),
        ("Kabelbaumfertigung", "electronic-components"),
        ("Reifenherstellung", "rubber-products"),
        ("Kautschukplantage", "rubber-plantations"),
        ("Lithiumraffinerie", "smelting-refining"),
    ],
)
def test_german_sector_words(tmp_path: Path, written: str, sector: str) -> None:
    supplier = {"id": "S", "name": "S", "country": "DEU", "sector": written}
    doc = assessed_data(tmp_path, "retail-general", [supplier])
    assert _entry(doc, "S")["sector"] == sector


# (sector, products, whether mines are left out for minerals the data has no origins of)
UNMODELLED = [
    pytest.param("smelting-refining", ["nickel sulphate"], ("nickel",), id="nickel sulphate"),
    pytest.param(
        "smelting-refining", ["neodymium oxide", "rare earth oxides"], ("rare earths",), id="REE"
    ),
    pytest.param("general-manufacturing", ["sintered NdFeB magnets"], None, id="magnets"),
    pytest.param("smelting-refining", ["spherical graphite"], ("graphite",), id="graphite"),
    pytest.param(
        "smelting-refining", ["metallurgical-grade silicon"], ("silicon",), id="silicon metal"
    ),
    # the smelter's metal named in its sector text alone (no products)
    pytest.param("aluminium smelter", [], ("aluminium",), id="an aluminium smelter"),
    pytest.param("silicon metal smelter", [], ("silicon",), id="a silicon smelter"),
    # a mineral the data follows beside it, or a product naming none: as before
    pytest.param("smelting-refining", ["cobalt sulphate"], None, id="cobalt"),
    pytest.param("smelting-refining", ["nickel sulphate", "cobalt sulphate"], None, id="both"),
    pytest.param("electronics-manufacturing", ["nickel strips", "BMS PCBA"], None, id="EMS"),
]


@pytest.mark.parametrize(("sector", "products", "gap"), UNMODELLED)
def test_minerals_the_data_has_no_origins_of_are_a_gap(
    tmp_path: Path, sector: str, products: list[str], gap: tuple[str, ...] | None
) -> None:
    """Before, a Chinese refiner of 'nickel sulphate' had the world's gold, tin, tantalum,
    tungsten and mica mines inferred beneath it, critical, and no word of nickel."""
    doc = assessed_data(tmp_path, "retail-general", [named_supplier("S", "CHN", sector, products)])
    beneath = inferred_beneath(doc, "S")
    gaps = _entry(doc, "S")["data_gaps"]
    if gap is None:
        assert not any("the risk data has no origins" in g for g in gaps)
        if sector != "general-manufacturing":
            assert beneath
        return
    assert beneath == {}
    assert gaps == [
        "tiers below not mapped, none inferred: the risk data has no origins of the minerals"
        f" its products name (no production shares, no mines it follows) ({', '.join(gap)})"
    ]


@pytest.mark.parametrize(
    ("country", "products", "farm"),
    [
        ("TUR", ["hazelnut kernels"], "hazelnut-farming"),
        ("MDG", ["vanilla beans"], "vanilla-farming"),
        ("KEN", ["black tea"], "tea-farming"),
        ("DEU", ["office chairs"], None),  # no listed good of a farm: nothing, as before
    ],
)
def test_an_exporter_of_a_listed_crop_has_its_farms_beneath(
    tmp_path: Path, country: str, products: list[str], farm: str | None
) -> None:
    """Before, a Turkish exporter of 'hazelnut kernels' (wholesale trade) had nothing
    inferred beneath it and came out low on child labour, on a data gap."""
    doc = assessed_data(
        tmp_path, "retail-general", [named_supplier("S", country, "wholesale-trade", products)]
    )
    beneath = inferred_beneath(doc, "S")
    if farm is None:
        assert beneath == {}
        assert _entry(doc, "S")["data_gaps"][0].startswith("tiers below not mapped, none inferred")
        return
    assert {s["sector"] for s in beneath.values()} == {farm}
    assert _entry(doc, "S")["exposure"]["child_labour"]["level"] != "low"


@pytest.mark.parametrize(
    ("products", "stage", "minerals"),
    [
        (["spherical graphite anode material"], "graphite", "graphite"),
        (["NdFeB permanent magnets"], "rare-earths", "rare earths"),
        (["nickel strips"], "nickel", "nickel"),
    ],
)
def test_a_component_maker_of_unmodelled_minerals_rests_on_missing_data(
    tmp_path: Path, products: list[str], stage: str, minerals: str
) -> None:
    """A Chinese component maker of graphite anodes or magnets got one smelter beneath it
    with nothing under it, said to be so because "the buyer's products deny it", and the
    company's exposure read plain low. The smelter is one of those minerals now, nothing
    inferred beneath it being a gap of the data that bears on the chain's level."""
    maker = named_supplier("S", "CHN", "electronic-components", products)
    doc = assessed_data(tmp_path, "electronics-manufacturing", [maker])
    node_id = f"inferred:smelting-refining:{stage}@CHN"
    [node] = [s for s in doc["suppliers"] if s["inferred"]]
    assert node["id"] == node_id
    assert node["assumption"].endswith(
        f"nothing inferred beneath it: the buyer's products name minerals the risk data has no"
        f" origins of ({minerals})"
    )
    assert any(g.endswith(f"({minerals})") for g in node["data_gaps"])
    exposure = doc["summary"]["exposure"]
    assert all(e["data_gaps"] for e in exposure.values() if e["level"] != "critical")


def test_a_country_in_the_mix_by_its_listing_alone_sets_the_worst_case_of_that_risk_only(
    tmp_path: Path,
) -> None:
    """North Korea's gold is listed for forced labour alone and has no published share: its
    child-labour score, from a modern-slavery prevalence alone, set the child-labour worst
    case of the world's gold mines beneath a refiner (0.9025), above every origin listed for
    child labour."""
    from ddtool.profiles import load_profiles

    listed = {g.iso3: g.child_labour for g in load_profiles().goods if g.good == "Gold"}
    assert listed["PRK"] is False  # (the premise: listed for forced labour alone)
    refiner = named_supplier("R", "CHE", "smelting-refining", ["gold bars"])
    doc = assessed_data(tmp_path, "jewellery-manufacturing", [refiner])
    [mines] = [s for s in doc["suppliers"] if s["id"].startswith("inferred:artisanal-mining:gold")]
    worst = {rt: w["country"] for rt, w in mines["worst_case"].items()}
    assert worst["child_labour"] != "PRK"
    assert listed.get(worst["child_labour"], True)  # (listed for child labour, or a share)
