"""The sector a supplier of no sector of its own is taken to be in from its products: a
product that names a sector is that sector's; a good's name, plain or with qualifiers of its
grade or standard, is its sector's; a good beside other words (worked: 'roasted', 'canned',
'frozen'; packed; got otherwise: 'wild-caught shrimp') may be in no sector of its grower's,
and then no sector is guessed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess
from ddtool.profiles import load_profiles


@pytest.mark.parametrize(
    ("product", "sector"),
    [
        ("cocoa beans", "cocoa-farming"),
        ("organic cocoa beans", "cocoa-farming"),
        ("grade A cocoa beans", "cocoa-farming"),
        # an origin or packing beside the good: it may be anyone's, no guess
        ("Ivorian cocoa beans in jute bags", ""),
        ("tuna in tin cans", ""),
        # how a seafood was got, against its good's sector (shrimp: aquaculture)
        ("wild-caught shrimp", ""),
        ("shrimp, not farmed", ""),
        # one word naming a sector may be many things: a snack, an ingot of anything
        ("chips", None),
        ("ingots", None),
        ("dried cocoa beans", "cocoa-farming"),  # (a farm dries its beans)
        ("coffee", "coffee-farming"),
        ("roasted coffee", "coffee-roasting"),  # the name of a sector
        ("roasted coffee beans", ""),
        ("frozen skipjack tuna", ""),
        ("canned tuna loins", ""),
        ("coffee machine", None),
        # one word naming a sector and a worked form of a good: made as the two words are
        ("fishmeal", "seafood-processing"),
        ("fish meal", "seafood-processing"),
        ("office supplies", None),
        # one word that is a made good of the sector it is an alias of: as in two words
        ("shirts", "garment-manufacturing"),
        ("jeans", "garment-manufacturing"),
        ("hoodies", "garment-manufacturing"),
        ("t-shirts", "garment-manufacturing"),
        ("denim jeans", "garment-manufacturing"),
    ],
)
def test_the_sector_a_product_says(product: str, sector: str | None) -> None:
    assert load_profiles([]).product_sector(product) == sector


@pytest.mark.parametrize(
    ("products", "sector"),
    [
        (["roasted coffee"], "coffee-roasting"),
        (["coffee"], "coffee-farming"),
        (["organic cocoa beans", "cocoa beans"], "cocoa-farming"),
        # a worked good beside its raw one: the supplier may be either, no guess
        (["roasted coffee beans", "coffee"], None),
        (["roasted coffee beans"], None),
        (["coffee", "cocoa beans"], None),
        # a product naming nothing does not stand in the way
        (["coffee", "office supplies"], "coffee-farming"),
        (["shirts"], "garment-manufacturing"),
        (["jeans"], "garment-manufacturing"),
    ],
)
def test_a_supplier_of_no_sector_is_guessed_from_its_products(
    tmp_path: Path, products: list[str], sector: str | None
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme, country: DEU}\n"
        f"suppliers:\n  - {{id: S1, country: BRA, products: {products!r}}}\n",
        encoding="utf-8",
    )
    result = assess([path], AssessOptions())
    [entry] = [s for s in result.data["suppliers"] if s["id"] == "S1"]
    assert entry["sector"] == sector


@pytest.mark.parametrize(
    ("product", "country", "sector"),
    [
        # a one-word made good gives its sector only where the sector's goods are listed in
        # the country (Garments: Türkiye, Bangladesh); elsewhere none: a retailer or a
        # forwarder of shirts in Germany is no garment factory
        ("shirts", "TUR", "garment-manufacturing"),
        ("hoodies", "BGD", "garment-manufacturing"),
        ("shirts", "DEU", None),
        ("jeans", "BEL", None),
        ("smartphones", "NLD", None),
        ("shirts", None, None),
        # two words or more: as before, anywhere
        ("t-shirts", "DEU", "garment-manufacturing"),
        ("roasted coffee", "DEU", "coffee-roasting"),
    ],
)
def test_a_one_word_made_good_says_its_sector_where_it_is_made(
    product: str, country: str | None, sector: str | None
) -> None:
    assert load_profiles([]).product_sector_in(product, country) == sector


@pytest.mark.parametrize(
    ("country", "products", "sector"),
    [
        ("CIV", ["cocoa beans"], "cocoa-farming"),
        # a farm only where the country grows the good: an importer in the Netherlands, a
        # trader in Singapore is none
        ("NLD", ["cocoa beans"], None),
        ("SGP", ["organic cotton"], None),
        ("DEU", ["green coffee beans"], None),
        # a sector of no raw material may be anywhere
        ("DEU", ["roasted coffee"], "coffee-roasting"),
    ],
)
def test_a_farm_is_guessed_only_where_its_good_grows(
    tmp_path: Path, country: str, products: list[str], sector: str | None
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme, country: DEU}\n"
        f"suppliers:\n  - {{id: S1, country: {country}, products: {products!r}}}\n",
        encoding="utf-8",
    )
    [entry] = [s for s in assess([path], AssessOptions()).data["suppliers"] if s["id"] == "S1"]
    assert entry["sector"] == sector


@pytest.mark.parametrize("sector", ["", ", sector: importer"])
def test_a_trader_of_no_sector_is_no_farm_beneath_its_buyer(tmp_path: Path, sector: str) -> None:
    """Taken for a cotton farm, a Singapore trader of "organic cotton" was scored as a farm
    there, with nothing inferred beneath it: read as a trader of it, the cotton farms at
    their origin mix are inferred beneath it, as beneath an importer of it (which covers
    for the garment maker above it what an importer covers: tests/engine/
    test_engine_read_as_trader.py)."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: N, country: DEU, sector: apparel-retail}\n"
        "suppliers:\n"
        "  - {id: G1, country: BGD, sector: garment-manufacturing, products: [cotton t-shirts]}\n"
        f"  - {{id: CT, country: SGP{sector}, products: [organic cotton], buyers: [G1]}}\n",
        encoding="utf-8",
    )
    result = assess([path])
    [entry] = [s for s in result.data["suppliers"] if s["id"] == "CT"]
    assert entry["sector"] != "cotton-farming"
    assert {(node.sector, tuple(node.buyers)) for node in result.inferred.values()} == {
        ("cotton-farming", ("CT",))
    }


@pytest.mark.parametrize(
    ("product", "good"),
    [
        # Spanish names of goods listed for Colombia and its neighbours: a Colombian trader of
        # "café" was low, its Coffee listing missed ("café verde" was read)
        ("café", "Coffee"),
        ("carbón", "Coal"),
        ("carbón vegetal", "Charcoal"),
        ("esmeraldas", "Emeralds"),
        ("uvas", "Grapes"),
        ("oro en veta", "Gold"),
        ("oro refinado", "Gold"),
        ("flores", "Flowers"),
        ("rosas", "Flowers"),
        ("aceite crudo de palma", "Crude Palm Oil"),
        ("racimos de fruta fresca", "Palm Fruit"),
        # (a café's name, or a café's goods, are none)
        ("Cafe Nero", None),
        ("café; cacao", None),
    ],
)
def test_spanish_names_of_listed_goods(product: str, good: str | None) -> None:
    assert load_profiles([]).match_good(product) == good
