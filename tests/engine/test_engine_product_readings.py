"""Three readings of a supplier's products (methodology §7): a container or a canned good
is no tin ("tea tin", "tin cans", "tins": no tin mines beneath a tea wholesaler or a food
packer; "tin", "tin ingots", "cassiterite" are tin as before); a jeweller's "gold jewellery"
is worked from gold, so the mines beneath it are gold's, not every mineral of the group
(a lithium battery keeps its whole chain); and a maker's name before a made good is read
in any case ("Samsung Smartphones", "LG smartphones", "SAMSUNG SMARTPHONES" are
smartphones, as "Samsung smartphones" is)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import MINERALS, inferred_beneath
from chain_support import assessed_data as _assess
from chain_support import mined_beneath as _mined
from chain_support import supplier_entry as _supplier

from ddtool.document import NOTHING_FOLLOWED, UNMAPPED_BELOW
from ddtool.errors import ProfileError
from ddtool.profiles import bundled_dir, load_profiles

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


# -- a good worked from the mineral it names: that mineral's mines ------------------------------

# (a supplier's sector, its products, the commodities of the mines inferred beneath it)
WORKED_FROM = [
    pytest.param(
        "jewellery-manufacturing", ["gold jewellery"], {"gold"}, id="jeweller: gold jewellery"
    ),
    pytest.param(
        "jewellery-manufacturing", ["Gold Jewellery"], {"gold"}, id="jeweller: Gold Jewellery"
    ),
    pytest.param("jewellery-manufacturing", ["gold rings"], {"gold"}, id="jeweller: gold rings"),
    pytest.param(
        "jewellery-manufacturing",
        ["silver and gold jewellery"],
        {"gold"},
        id="jeweller: silver and gold jewellery (silver: no mines' commodity)",
    ),
    pytest.param(
        "jewellery-manufacturing",
        ["gold jewellery", "tin solder"],
        {"gold", "tin"},
        id="jeweller: gold jewellery and tin solder",
    ),
    pytest.param("wholesale-trade", ["gold jewellery"], {"gold"}, id="wholesaler: gold jewellery"),
    pytest.param("retail-general", ["gold jewellery"], {"gold"}, id="retailer: gold jewellery"),
    # a jeweller naming no mineral, or one that is no commodity of the mines: every mine
    pytest.param("jewellery-manufacturing", ["jewellery"], MINERALS, id="jeweller: jewellery"),
    pytest.param(
        "jewellery-manufacturing", ["silver jewellery"], MINERALS, id="jeweller: silver jewellery"
    ),
    # a mineral beside another made good is its chemistry, not all it holds: every mine
    pytest.param(
        "battery-manufacturing", ["lithium batteries"], MINERALS, id="battery: lithium batteries"
    ),
    pytest.param(
        "electronic-components",
        ["tantalum capacitors"],
        MINERALS,
        id="components: tantalum capacitors",
    ),
    pytest.param("wholesale-trade", ["lithium batteries"], MINERALS, id="wholesaler: lithium"),
]


@pytest.mark.parametrize(("sector", "products", "mined"), WORKED_FROM)
def test_a_good_worked_from_the_mineral_it_names_gets_that_minerals_mines(
    tmp_path: Path, sector: str, products: list[str], mined: set[str]
) -> None:
    doc = _assess(tmp_path, "retail-general", [_supplier("S", sector, products, [])])
    assert _mined(doc, "S") == mined


@pytest.mark.parametrize("sector", ["jewellery-manufacturing", "wholesale-trade"])
def test_gold_jewellery_keeps_its_gemstones(tmp_path: Path, sector: str) -> None:
    """Gold says what the metal is, not that no stone is set in it: the gem mines stay, and
    a wholesaler gets the jeweller's stage as one of 'jewellery' does, narrowed to gold."""
    doc = _assess(tmp_path, "retail-general", [_supplier("S", sector, ["gold jewellery"], [])])
    beneath = inferred_beneath(doc, "S")
    assert "gemstone-mining" in {s["sector"] for s in beneath.values()}
    if sector == "wholesale-trade":
        assert [s["id"] for s in beneath.values() if "S" in s["buyers"]] == [
            "inferred:jewellery-manufacturing:gold@unknown"
        ]
    assert _entry(doc, "S")["data_gaps"] == [UNMAPPED_BELOW]


def _overlay_jewellery(folder: Path, **fields: Any) -> Path:
    import yaml

    bundled = yaml.safe_load((bundled_dir() / "sectors.yaml").read_text(encoding="utf-8"))
    sector = next(s for s in bundled["sectors"] if s["id"] == "jewellery-manufacturing")
    sector.update(fields)
    folder.mkdir(exist_ok=True)
    (folder / "sectors.yaml").write_text(yaml.safe_dump({"sectors": [sector]}), "utf-8")
    return folder


def test_the_bundled_jeweller_is_made_of_the_mineral_named_and_a_raw_stage_cannot_be(
    tmp_path: Path,
) -> None:
    profiles = load_profiles()
    assert [s.id for s in profiles.sectors.values() if s.made_of_named_mineral] == [
        "jewellery-manufacturing"
    ]
    overlay = _overlay_jewellery(tmp_path / "ok", made_of_named_mineral=False)
    assert not load_profiles([overlay]).sectors["jewellery-manufacturing"].made_of_named_mineral
    broken = _overlay_jewellery(tmp_path / "raw", stage="raw", inputs=[])
    with pytest.raises(ProfileError, match="made_of_named_mineral"):
        load_profiles([broken])


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
