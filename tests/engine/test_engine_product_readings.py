"""Two readings of a supplier's products (methodology §7): a container or a canned good is
no tin ("tea tin", "tin cans", "tins": no tin mines beneath a tea wholesaler or a food
packer; "tin", "tin ingots", "cassiterite" are tin as before); and a maker's name before a
made good is read in any case ("Samsung Smartphones", "LG smartphones", "SAMSUNG
SMARTPHONES" are smartphones, as "Samsung smartphones" is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import MINERALS, inferred_beneath
from chain_support import assessed_data as _assess
from chain_support import mined_beneath as _mined
from chain_support import supplier_entry as _supplier

from ddtool.document import NOTHING_FOLLOWED, UNMAPPED_BELOW
from ddtool.profiles import load_profiles

GARMENTS = {
    "garment-manufacturing",
    "textile-finishing",
    "fabric-manufacturing",
    "yarn-spinning",
    "cotton-ginning",
    "cotton-farming",
}
ELECTRONICS = {
    "electronics-manufacturing",
    "electronic-components",
    "smelting-refining",
    "mineral-trading",
    "artisanal-mining",
    "industrial-mining",
}


def _entry(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    [entry] = [s for s in doc["suppliers"] if s["id"] == supplier_id]
    return entry


def _sectors_beneath(doc: dict[str, Any], supplier_id: str) -> set[str]:
    return {s["sector"] for s in inferred_beneath(doc, supplier_id).values()}


# -- a tin container, or a tinned good, is no tin -----------------------------------------------

# (a product, whether it says the metal tin: the words the commodities of the mines are read by)
TIN_SAID = [
    # a container, or what is packed in one
    ("tea tin", False),
    ("Tea Tin", False),
    ("cookie tin", False),
    ("chocolate tin", False),
    ("tin cans", False),
    ("tin can", False),
    ("TIN CANS", False),
    ("tin boxes", False),
    ("tins", False),
    ("tea tins", False),
    ("tea in tins", False),
    ("tuna in tin cans", False),
    ("tinned tomatoes", False),
    # the metal, its ore and its forms
    ("tin", True),
    ("Tin", True),
    ("tin ingots", True),
    ("tin solder", True),
    ("tin concentrate", True),
    ("tin ore", True),
    ("refined tin", True),
    ("Bolivian tin", True),
    ("lead-free tin", True),
    ("tin ingots in boxes", True),
]


@pytest.mark.parametrize(("product", "tin"), TIN_SAID)
def test_a_tin_container_says_no_tin(product: str, tin: bool) -> None:
    assert ("tin" in load_profiles().words_said(product)) is tin


# (a product, the listed good it names)
TIN_GOODS = [
    ("tins", None),
    ("Tins", None),
    ("tea tin", None),
    ("tin cans", None),
    ("tinned tomatoes", "Tomatoes"),
    ("tin", "Tin"),
    ("tin concentrate", "Tin"),
    ("tin ore", "Tin ore (cassiterite)"),
    ("cassiterite", "Tin ore (cassiterite)"),
]


@pytest.mark.parametrize(("product", "good"), TIN_GOODS)
def test_tins_are_no_tin_but_tin_is(product: str, good: str | None) -> None:
    """'tins' (the metal is counted in no tins) is no longer read as Tin, in the singular."""
    assert load_profiles().match_good(product) == good


# (a supplier's sector, its products, the commodities of the mines inferred beneath it)
TIN_MINED = [
    # a tea wholesaler, a food packer, a general retailer: no tin mines
    pytest.param("wholesale-trade", ["tea tin"], set(), id="wholesaler: tea tin"),
    pytest.param("wholesale-trade", ["Tea Tin"], set(), id="wholesaler: Tea Tin"),
    pytest.param("wholesale-trade", ["tin cans"], set(), id="wholesaler: tin cans"),
    pytest.param("wholesale-trade", ["tin boxes"], set(), id="wholesaler: tin boxes"),
    pytest.param("wholesale-trade", ["tins"], set(), id="wholesaler: tins"),
    pytest.param("wholesale-trade", ["cookie tin"], set(), id="wholesaler: cookie tin"),
    pytest.param("wholesale-trade", ["tinned tomatoes"], set(), id="wholesaler: tinned tomatoes"),
    pytest.param("retail-general", ["tin boxes"], set(), id="retailer: tin boxes"),
    pytest.param("food-manufacturing", ["tin cans"], set(), id="food packer: tin cans"),
    pytest.param("food-manufacturing", ["tinned tomatoes"], set(), id="food packer: tinned"),
    # a supplier of the minerals chain naming a container: it narrows nothing
    pytest.param("mineral-trading", ["tea tin"], MINERALS, id="mineral trader: tea tin"),
    pytest.param("battery-manufacturing", ["tin cans"], MINERALS, id="battery maker: tin cans"),
    # the metal, its ore and its forms: tin, as before
    pytest.param("wholesale-trade", ["tin"], {"tin"}, id="wholesaler: tin"),
    pytest.param("wholesale-trade", ["tin ingots"], {"tin"}, id="wholesaler: tin ingots"),
    pytest.param("wholesale-trade", ["tin solder"], {"tin"}, id="wholesaler: tin solder"),
    pytest.param("wholesale-trade", ["tin concentrate"], {"tin"}, id="wholesaler: concentrate"),
    pytest.param("wholesale-trade", ["cassiterite"], {"tin"}, id="wholesaler: cassiterite"),
    pytest.param("wholesale-trade", ["tin ore"], {"tin"}, id="wholesaler: tin ore"),
    pytest.param("wholesale-trade", ["refined tin"], {"tin"}, id="wholesaler: refined tin"),
    pytest.param("mineral-trading", ["tin ore"], {"tin"}, id="mineral trader: tin ore"),
    pytest.param("smelting-refining", ["tin ingots"], {"tin"}, id="smelter: tin ingots"),
    pytest.param("electronics-manufacturing", ["tin solder"], {"tin"}, id="EMS: tin solder"),
]


@pytest.mark.parametrize(("sector", "products", "mined"), TIN_MINED)
def test_no_tin_mines_beneath_a_tin_container(
    tmp_path: Path, sector: str, products: list[str], mined: set[str]
) -> None:
    doc = _assess(tmp_path, "retail-general", [_supplier("S", sector, products, [])])
    assert _mined(doc, "S") == mined


@pytest.mark.parametrize("product", ["tea tin", "tin cans", "tin boxes", "tins"])
def test_a_wholesaler_of_tin_containers_has_the_gap_of_nothing_followed(
    tmp_path: Path, product: str
) -> None:
    """Nothing is inferred beneath it, and its gap says that nothing it names is followed:
    never a plain low on mines it does not buy from."""
    doc = _assess(tmp_path, "retail-general", [_supplier("S", "wholesale-trade", [product], [])])
    assert inferred_beneath(doc, "S") == {}
    assert _entry(doc, "S")["data_gaps"] == [NOTHING_FOLLOWED]


# -- a maker's name before a made good, in any case ---------------------------------------------

# (a product, the sectors whose made goods it names)
BRANDS = [
    ("samsung smartphones", ("electronics-manufacturing",)),
    ("Samsung smartphones", ("electronics-manufacturing",)),
    ("Samsung Smartphones", ("electronics-manufacturing",)),
    ("SAMSUNG SMARTPHONES", ("electronics-manufacturing",)),
    ("LG smartphones", ("electronics-manufacturing",)),
    ("lg smartphones", ("electronics-manufacturing",)),
    ("LG Smartphones", ("electronics-manufacturing",)),
    ("Nike T-Shirts", ("garment-manufacturing",)),
    ("NIKE T-SHIRTS", ("garment-manufacturing",)),
    ("nike t-shirts", ("garment-manufacturing",)),
    ("Lindt Chocolate", ("chocolate-manufacturing",)),
    ("LINDT CHOCOLATE", ("chocolate-manufacturing",)),
    ("Men's Jeans", ("garment-manufacturing",)),
    ("MEN'S JEANS", ("garment-manufacturing",)),
    ("T-SHIRTS", ("garment-manufacturing",)),
    ("dress shirts", ("garment-manufacturing",)),
    # a word the taxonomy knows keeps its reading, capitalised at the start or not
    ("Coffee machines", ()),
    ("COFFEE MACHINES", ()),
    ("coffee machines", ()),
    ("Smartphone Cases", ()),
    ("Chocolate Milk", ()),
    # a likeness of the good, or another material: no maker's name, in any case
    ("Carob chocolate", ()),
    ("Carob Chocolate", ()),
    ("carob chocolate", ()),
    ("Dummy smartphones", ()),
    ("imitation t-shirts", ()),
    # a shorthand of a chemistry: what it is made of, not whose
    ("NMC cathode", ()),
    ("nmc cathode", ()),
    ("LFP batteries", ()),
    ("lfp batteries", ()),
]


@pytest.mark.parametrize(("product", "sectors"), BRANDS)
def test_a_makers_name_is_read_in_any_case(product: str, sectors: tuple[str, ...]) -> None:
    assert load_profiles().made_good_sectors(product) == sectors


@pytest.mark.parametrize("product", [product for product, _ in BRANDS])
def test_case_does_not_change_what_a_product_names(product: str) -> None:
    profiles = load_profiles()
    readings = {
        profiles.made_good_sectors(written)
        for written in (product, product.casefold(), product.upper(), product.title())
    }
    assert len(readings) == 1, readings


# (the wholesaler's products, the sectors of every stage inferred beneath it)
BRANDS_BENEATH = [
    pytest.param(["Samsung Smartphones"], ELECTRONICS, id="Samsung Smartphones"),
    pytest.param(["samsung smartphones"], ELECTRONICS, id="samsung smartphones"),
    pytest.param(["SAMSUNG SMARTPHONES"], ELECTRONICS, id="SAMSUNG SMARTPHONES"),
    pytest.param(["LG smartphones"], ELECTRONICS, id="LG smartphones"),
    pytest.param(["Men's Jeans"], GARMENTS, id="Men's Jeans"),
    pytest.param(["T-SHIRTS"], GARMENTS, id="T-SHIRTS"),
    pytest.param(["Nike T-Shirts"], GARMENTS, id="Nike T-Shirts"),
    pytest.param(["COFFEE MACHINES"], set(), id="COFFEE MACHINES: nothing"),
]


@pytest.mark.parametrize(("products", "sectors"), BRANDS_BENEATH)
def test_a_wholesaler_of_a_brands_goods_gets_their_chain_in_any_case(
    tmp_path: Path, products: list[str], sectors: set[str]
) -> None:
    doc = _assess(tmp_path, "retail-general", [_supplier("S", "wholesale-trade", products, [])])
    assert _sectors_beneath(doc, "S") == sectors
    assert _entry(doc, "S")["data_gaps"] == ([UNMAPPED_BELOW] if sectors else [NOTHING_FOLLOWED])
