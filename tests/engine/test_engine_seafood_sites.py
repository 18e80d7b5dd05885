"""A seafood importer's sector texts that name a site working goods ('processing plant',
'peeling', 'pre-processing', 'empacadora') beside products naming raw seafood. Before, the
products alone gave the sector: a packing plant of "frozen shrimp" was scored as a shrimp
farm, and a peeling site of squid as a fishing vessel (critical on forced labour)."""

from __future__ import annotations

from pathlib import Path

import pytest
from chain_support import assessed_data

from ddtool.assess import _site_of_work

# (sector text, products, the sector it is scored as, or None: read as a trader of them)
SITES = [
    pytest.param("processing plant", ["frozen shrimp"], "seafood-processing", id="a plant"),
    pytest.param("peeling", ["squid", "cuttlefish"], "seafood-processing", id="peeling"),
    pytest.param("pre-processing", ["skipjack tuna"], "seafood-processing", id="pre-processing"),
    pytest.param("empacadora", ["camarón"], "seafood-processing", id="empacadora"),
    pytest.param("plant", ["cocoa beans"], "cocoa-processing", id="a cocoa plant"),
    # cotton's chain has several stages working it: none is chosen, and no farm either
    pytest.param("plant", ["cotton"], None, id="cotton: several stages"),
    # a producer's or a vessel's word: the products still give the raw sector
    pytest.param("factory trawler", ["fish"], "fishing-vessels", id="a factory trawler"),
    pytest.param("shrimp farm processing", ["shrimp"], "aquaculture", id="a farm's word"),
]


@pytest.mark.parametrize(("sector", "products", "scored_as"), SITES)
def test_a_site_working_goods_is_not_taken_for_their_farm_or_vessel(
    tmp_path: Path, sector: str, products: list[str], scored_as: str | None
) -> None:
    supplier = {"id": "S", "name": "S", "country": "THA", "sector": sector, "products": products}
    doc = assessed_data(tmp_path, "retail", [supplier])
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    assert entry["sector"] == scored_as
    if scored_as is None:  # (read as a trader: told why)
        told = [w["message"] for w in doc["warnings"] if w["type"] == "read-as-trader"]
        assert told and "names a stage working its products" in told[0]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("processing plant", "processing"),
        ("Pengolahan ikan", "Pengolahan"),
        ("shrimp peeling shed", "peeling"),
        ("enlatadora de atún", "enlatadora"),
        ("Reismühle", "Reismühle"),
        ("rice mill", "mill"),
        ("fish processing vessel", None),
        ("cocoa farm", None),
        ("planter", None),
        ("", None),
    ],
)
def test_the_words_of_a_site_of_work(text: str, site: str | None) -> None:
    assert _site_of_work(text) == site


# (sector text, name, products, the vessels inferred beneath it)
REDUCTION = [
    pytest.param(
        "fishmeal",
        "Pesquera Norte",
        ["fishmeal 65% protein (anchoveta)"],
        {"inferred:fishing-vessels@PER"},
        id="a fishmeal plant: Peruvian vessels",
    ),
    pytest.param(
        "seafood processing",
        "Planta Chimbote",
        ["harina de pescado", "aceite de pescado"],
        {"inferred:fishing-vessels@PER"},
        id="by its products, in Spanish: no farm beneath it either",
    ),
    pytest.param(
        "tuna cannery",
        "Conservera del Pacífico",
        ["canned tuna", "fishmeal"],
        {"inferred:fishing-vessels:fish-seafood-capture-fisheries@PER"},
        id="a cannery's offcuts: its tuna landed anywhere, as before",
    ),
]


@pytest.mark.parametrize(("sector", "name", "products", "vessels"), REDUCTION)
def test_a_fishmeal_plants_vessels_land_near_it(
    tmp_path: Path, sector: str, name: str, products: list[str], vessels: set[str]
) -> None:
    """Before, a Chimbote fishmeal plant's vessels were the world's fisheries, the worst
    case Ghana's, and one of 'harina de pescado' had shrimp farms inferred beneath it."""
    plant = {"id": "P", "name": name, "country": "PER", "sector": sector, "products": products}
    doc = assessed_data(tmp_path, "food-manufacturing", [plant])
    beneath = {s["id"] for s in doc["suppliers"] if s["inferred"] and s["buyers"] == ["P"]}
    assert beneath == vessels


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("kapal penangkap ikan", "fishing-vessels"),
        ("buque atunero", "fishing-vessels"),
        ("pengolahan ikan", "seafood-processing"),
        ("enlatadora de atún", "seafood-processing"),
        ("harina de pescado", "seafood-processing"),
    ],
)
def test_a_seafood_teams_sector_words(text: str, sector: str) -> None:
    from ddtool.profiles import load_profiles

    assert load_profiles().match_sector(text).id == sector
