"""A reading of a supplier's products (methodology §7): a maker's name before a made good
is read in any case ("Samsung Smartphones", "LG smartphones", "SAMSUNG SMARTPHONES" are
smartphones, as "Samsung smartphones" is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data as _assess
from chain_support import inferred_beneath
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
