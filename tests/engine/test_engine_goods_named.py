"""How products name goods for inference (methodology §3.5 and §7): a battery named in the
singular or the plural, by its chemistry or with the unit it is built in, keeps its whole
chain of mines; a wholesaler of jewellery, rings or necklaces gets the jeweller, of gold
where gold is named, of every mine where silver or a stone or no material is, and none for
a piece of another material ("plastic bracelets"); a good's name in the singular before
another word ("hazelnut spread") names the good as its plural does, beside what the product
gives without it, never in its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import MINERALS, inferred_beneath
from chain_support import assessed_data as _assess
from chain_support import mined_beneath as _mined
from chain_support import supplier_entry as _supplier

from ddtool.profiles import load_profiles, other_number

COBALT_ASM = "inferred:artisanal-mining:cobalt@world"


def doc_supplier(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    """A supplier of an assessment document, by its id."""
    return next(s for s in doc["suppliers"] if s["id"] == supplier_id)


# -- a battery, singular or plural, by its chemistry or not: its whole chain -----------------

BATTERY_NAMES = [
    "lithium-ion batteries",
    "lithium-ion battery",
    "lithium ion battery",
    "Lithium-Ion Battery",
    "lithium battery",
    "lithium batteries",
    "cobalt battery",
    "battery",
    "batteries",
    "EV battery",
    "EV batteries",
    "battery modules",
    "battery cells",
    "EV battery cells",
    "lithium-ion battery packs",
]


@pytest.mark.parametrize("product", BATTERY_NAMES)
def test_a_battery_in_either_number_is_a_battery(product: str) -> None:
    assert load_profiles().made_good_sectors(product) == ("battery-manufacturing",)


@pytest.mark.parametrize(
    "product",
    ["lithium-ion battery", "lithium ion battery", "li-ion battery", "Lithium-Ion Batteries"],
)
def test_the_listed_battery_is_named_in_the_singular_too(product: str) -> None:
    assert load_profiles().match_good(product) == "Lithium-Ion Batteries"


@pytest.mark.parametrize(
    ("key", "other"),
    [
        ("batterie", "battery"),
        ("ev battery", "ev batterie"),
        ("lithium ion batterie", "lithium ion battery"),
        ("strawberrie", "strawberry"),
        ("cookie", "cooky"),  # (a form no one writes: it matches nothing)
        ("toy", "toy"),  # (a vowel before the y: its plural is in -ys)
        ("tin", "tin"),
    ],
)
def test_other_number_turns_a_word_in_ies_either_way(key: str, other: str) -> None:
    assert other_number(key) == other


@pytest.mark.parametrize(
    "product",
    ["lithium-ion battery", "lithium ion battery", "lithium battery", "cobalt battery"],
)
def test_a_battery_maker_naming_its_chemistry_gets_every_mine(tmp_path: Path, product: str) -> None:
    """It was narrowed to the chemistry's mines (lithium's: child labour 0.36, medium), while
    "lithium-ion batteries" got all of them, cobalt from the DR Congo among them."""
    doc = _assess(
        tmp_path, "retail-general", [_supplier("B", "battery-manufacturing", [product], [])]
    )
    assert _mined(doc, "B") == MINERALS
    assert COBALT_ASM in inferred_beneath(doc, "B")


@pytest.mark.parametrize(
    "product", ["EV batteries", "battery", "battery modules", "EV battery cells", "EV battery"]
)
def test_a_wholesaler_of_batteries_gets_the_battery_chain(tmp_path: Path, product: str) -> None:
    """It got nothing inferred ("low (data gap)") for any of these but "EV battery"."""
    doc = _assess(
        tmp_path,
        "retail-general",
        [_supplier("W", "wholesale-trade", [product], [], country="DEU")],
    )
    beneath = inferred_beneath(doc, "W")
    assert [s["sector"] for s in beneath.values() if "W" in s["buyers"]] == [
        "battery-manufacturing"
    ]
    assert _mined(doc, "W") == MINERALS
    assert COBALT_ASM in beneath


# -- jewellery at a wholesaler: the jeweller, narrowed to gold only where gold is named -------

# (a product, the sectors whose made goods it names)
JEWELLERY_READINGS = [
    ("gold rings", ("jewellery-manufacturing",)),
    ("silver and gold jewellery", ("jewellery-manufacturing",)),
    ("gold and silver jewellery", ("jewellery-manufacturing",)),
    ("silver jewellery", ("jewellery-manufacturing",)),
    ("diamond jewellery", ("jewellery-manufacturing",)),
    ("diamond rings", ("jewellery-manufacturing",)),
    ("emerald rings", ("jewellery-manufacturing",)),
    ("gold necklaces", ("jewellery-manufacturing",)),
    ("silver bracelets", ("jewellery-manufacturing",)),
    ("18k gold rings", ("jewellery-manufacturing",)),
    ("sterling silver necklaces", ("jewellery-manufacturing",)),
    ("rings", ("jewellery-manufacturing",)),
    ("bracelets", ("jewellery-manufacturing",)),
    ("earrings", ("jewellery-manufacturing",)),
    # a word saying which piece it is, as "rings" alone
    ("wedding rings", ("jewellery-manufacturing",)),
    ("Wedding Rings", ("jewellery-manufacturing",)),
    ("engagement rings", ("jewellery-manufacturing",)),
    ("gold wedding rings", ("jewellery-manufacturing",)),
    ("diamond engagement rings", ("jewellery-manufacturing",)),
    ("stud earrings", ("jewellery-manufacturing",)),
    # a material denied is no part of it
    ("jewellery, no plastic", ("jewellery-manufacturing",)),
    # another material than a precious metal or gem, or a likeness of it: none
    ("plastic bracelets", ()),
    ("leather bracelets", ()),
    ("fabric bracelets", ()),
    ("plastic jewellery", ()),
    ("leather cufflinks", ()),
    ("silicone rings", ()),
    ("stainless steel rings", ()),
    ("titanium rings", ()),
    ("wooden bangles", ()),
    ("glass beaded necklaces", ()),
    ("beaded necklaces", ()),
    ("rubber bracelets", ()),
    ("costume jewellery", ()),
    ("fashion jewellery", ()),
    ("fashion earrings", ()),
    ("friendship bracelets", ()),
    # a ring of another trade is none: no maker's name is read before a name of goods alone
    ("piston rings", ()),
    ("frozen squid rings", ()),
    ("onion rings", ()),
]


@pytest.mark.parametrize(("product", "sectors"), JEWELLERY_READINGS)
def test_pieces_of_jewellery_and_their_materials_are_jewellery(
    product: str, sectors: tuple[str, ...]
) -> None:
    assert load_profiles().made_good_sectors(product) == sectors


def test_a_name_of_goods_alone_names_no_suppliers_sector() -> None:
    """'rings' names jewellery in products, never a supplier's sector ('piston rings')."""
    profiles = load_profiles()
    assert profiles.match_sector("piston rings").id is None
    assert profiles.match_sector("rings").id is None


GOLD_JEWELLER = "inferred:jewellery-manufacturing:gold@unknown"
GEMS = "inferred:gemstone-mining@unknown"

# (a wholesaler's product, the jeweller inferred beneath it, the mines beneath that, the gem
# mines' goods, if named)
JEWELLERY_WHOLESALERS = [
    ("gold jewellery", GOLD_JEWELLER, {"gold"}, "inferred:gemstone-mining@unknown"),
    ("gold rings", GOLD_JEWELLER, {"gold"}, "inferred:gemstone-mining@unknown"),
    ("silver and gold jewellery", GOLD_JEWELLER, {"gold"}, "inferred:gemstone-mining@unknown"),
    (
        "silver jewellery",
        "inferred:jewellery-manufacturing@unknown",
        MINERALS,
        "inferred:gemstone-mining@unknown",
    ),
    (
        "diamond jewellery",
        "inferred:jewellery-manufacturing:diamonds@unknown",
        MINERALS,
        "inferred:gemstone-mining:diamonds@unknown",
    ),
    # a piece alone, or with a word saying which piece, is what "jewellery" alone is
    *[
        (piece, "inferred:jewellery-manufacturing@unknown", MINERALS, GEMS)
        for piece in ("jewellery", "bracelets", "earrings", "rings", "wedding rings")
    ],
]


@pytest.mark.parametrize(("product", "jeweller", "mined", "gems"), JEWELLERY_WHOLESALERS)
def test_a_jewellery_wholesaler_gets_the_jeweller_and_all_beneath_it(
    tmp_path: Path, product: str, jeweller: str, mined: set[str], gems: str
) -> None:
    doc = _assess(
        tmp_path,
        "retail-general",
        [_supplier("W", "wholesale-trade", [product], [], country="IND")],
    )
    beneath = inferred_beneath(doc, "W")
    assert [i for i, s in beneath.items() if "W" in s["buyers"]] == [jeweller]
    assert _mined(doc, "W") == mined
    assert beneath[gems]["buyers"] == [jeweller]


@pytest.mark.parametrize(
    "product",
    [
        "plastic bracelets",
        "leather bracelets",
        "costume jewellery",
        "fashion earrings",
        "stainless steel rings",
        "beaded necklaces",
    ],
)
def test_a_wholesaler_of_costume_jewellery_is_a_data_gap(tmp_path: Path, product: str) -> None:
    """A wholesaler of "plastic bracelets" or "leather bracelets" got the jeweller and its
    mines, artisanal gold among them (critical); such a product names no good of a key
    chain, so nothing is inferred and the exposure rests on a data gap, as for any product
    the taxonomy does not name."""
    doc = _assess(
        tmp_path,
        "retail-general",
        [_supplier("W", "wholesale-trade", [product], [], country="DEU")],
    )
    beneath = inferred_beneath(doc, "W")
    if product == "costume jewellery":  # (Fashion Accessories, a listed good: its makers)
        assert list(beneath) == ["inferred:general-manufacturing:fashion-accessories@unknown"]
        return
    assert beneath == {}
    exposure = doc_supplier(doc, "W")["exposure"]
    assert {t: (e["from"], e.get("on_a_gap")) for t, e in exposure.items()} == {
        t: ("W", True) for t in ("child_labour", "forced_labour", "human_trafficking")
    }


def test_wholesalers_naming_different_stones_share_no_jeweller(tmp_path: Path) -> None:
    """The diamond jewellery's gem mines are diamonds'; the silver jewellery's every gem's."""
    doc = _assess(
        tmp_path,
        "retail-general",
        [
            _supplier("D", "wholesale-trade", ["diamond jewellery"], [], country="IND"),
            _supplier("S", "wholesale-trade", ["silver jewellery"], [], country="IND"),
        ],
    )
    gems = {
        i: s["buyers"]
        for i, s in inferred_beneath(doc, "S").items()
        if s["sector"] == "gemstone-mining"
    }
    assert gems == {
        "inferred:gemstone-mining@unknown": ["inferred:jewellery-manufacturing@unknown"]
    }
    assert "inferred:gemstone-mining:diamonds@unknown" in inferred_beneath(doc, "D")


# -- a good's name in the singular before another word names the good -------------------------

# (a product, the goods it names by a good's singular said as an adjective)
ADJECTIVES = [
    ("hazelnut spread", ("Hazelnuts",)),
    ("hazelnut paste", ("Hazelnuts",)),
    ("chocolate hazelnut spread", ("Hazelnuts",)),
    ("Hazelnut Spread, no palm oil", ("Hazelnuts",)),
    ("peanut butter", ("Peanuts",)),
    ("strawberry jam", ("Strawberries",)),
    # the plural, or the good alone, is its name, read as before (good_named)
    ("hazelnuts", ()),
    ("hazelnut", ()),
    ("chocolate-coated coffee beans", ()),
    # a name as written, with no plural ('cocoa butter' is cocoa processing's)
    ("cocoa butter", ()),
    ("shrimp paste", ()),
    # a container after it, or a denial of it
    ("sardine tins", ()),
    ("hazelnut-free spread", ()),
    ("spread, no hazelnut", ()),
]


@pytest.mark.parametrize(("product", "goods"), ADJECTIVES)
def test_a_goods_singular_before_another_word_names_it(
    product: str, goods: tuple[str, ...]
) -> None:
    assert load_profiles().adjective_goods(product) == goods


HAZELNUT_FARMS = "inferred:hazelnut-farming:hazelnuts-in-shell@world"


CROP_FARMS_WORLD = "inferred:crop-farming@world"


@pytest.mark.parametrize(
    ("products", "expected"),
    [
        # the good itself: its farms alone
        (["hazelnuts"], [HAZELNUT_FARMS]),
        # one ingredient said as an adjective: its farms beside the crop farms, at origin
        # (the Netherlands is listed for no crop: not known to produce one)
        (["hazelnut spread"], [CROP_FARMS_WORLD, HAZELNUT_FARMS]),
        (["hazelnut paste"], [CROP_FARMS_WORLD, HAZELNUT_FARMS]),
        (["chocolate hazelnut spread"], [CROP_FARMS_WORLD, HAZELNUT_FARMS]),
        # nothing named: crop farms of no good named, as before, at origin
        (["hazelnut-free spread"], [CROP_FARMS_WORLD]),
        (["cocoa butter"], [CROP_FARMS_WORLD]),
    ],
)
def test_a_food_maker_of_hazelnut_spread_gets_the_hazelnut_farms(
    tmp_path: Path, products: list[str], expected: list[str]
) -> None:
    """A Dutch maker of "hazelnut spread" got crop farms of no good named in the Netherlands
    (0.2638, low); the hazelnut farms are added beside crop farms at origin, the worst case
    over every crop's listings (the Netherlands is not known to grow crops), whence its
    exposure comes (critical); Türkiye's hazelnuts, listed for child labour, are its
    hazelnuts' main origin (0.68, high), and its exposure where it names hazelnuts alone."""
    doc = _assess(
        tmp_path,
        "retail-general",
        [_supplier("F", "food-manufacturing", products, [], country="NLD")],
    )
    beneath: dict[str, Any] = inferred_beneath(doc, "F")
    assert sorted(i for i, s in beneath.items() if "F" in s["buyers"]) == expected
    if HAZELNUT_FARMS in expected:
        worst = beneath[HAZELNUT_FARMS]["worst_case"]["child_labour"]
        assert (worst["country"], worst["level"]) == ("TUR", "high")
        exposure = doc_supplier(doc, "F")["exposure"]["child_labour"]
        worst = (CROP_FARMS_WORLD, "critical") if CROP_FARMS_WORLD in expected else None
        assert (exposure["from"], exposure["level"]) == (worst or (HAZELNUT_FARMS, "high"))


CROP_FARMS_IND = "inferred:crop-farming@IND"

# (an Indian food maker's products, the stages inferred for it, where its exposure comes
# from: India's crop farms are critical, 0.81 for child and forced labour; the hazelnut
# farms' worst, Türkiye's, high, 0.68)
INGREDIENTS = [
    (["wafers"], [CROP_FARMS_IND], CROP_FARMS_IND),
    (["hazelnut cookies", "wafers"], [CROP_FARMS_IND, HAZELNUT_FARMS], CROP_FARMS_IND),
    (["hazelnut cookies"], [CROP_FARMS_IND, HAZELNUT_FARMS], CROP_FARMS_IND),
    (["hazelnut wafers"], [CROP_FARMS_IND, HAZELNUT_FARMS], CROP_FARMS_IND),
    (["chocolate hazelnut spread"], [CROP_FARMS_IND, HAZELNUT_FARMS], CROP_FARMS_IND),
    (["hazelnut coffee"], [CROP_FARMS_IND, HAZELNUT_FARMS], CROP_FARMS_IND),
    (
        ["rice", "hazelnut cookies"],
        ["inferred:crop-farming:rice@IND", HAZELNUT_FARMS],
        "inferred:crop-farming:rice@IND",
    ),
    # the good itself narrows to its farms; an ingredient said beside it adds nothing
    (["hazelnuts"], [HAZELNUT_FARMS], HAZELNUT_FARMS),
    (["hazelnuts", "hazelnut cookies"], [HAZELNUT_FARMS], HAZELNUT_FARMS),
]


@pytest.mark.parametrize(("products", "expected", "source"), INGREDIENTS)
def test_an_ingredient_said_as_an_adjective_is_added_never_in_place(
    tmp_path: Path, products: list[str], expected: list[str], source: str
) -> None:
    """A maker of "hazelnut cookies" beside "wafers" took its exposure from the hazelnut
    farms alone (child labour 0.68, high) where "wafers" alone gave India's crop farms
    (0.81, critical): naming a product more lowered the risk."""
    doc = _assess(
        tmp_path,
        "retail-general",
        [_supplier("F", "food-manufacturing", products, [], country="IND")],
    )
    beneath = inferred_beneath(doc, "F")
    assert sorted(i for i, s in beneath.items() if "F" in s["buyers"]) == expected
    exposure = doc_supplier(doc, "F")["exposure"]
    assert exposure["child_labour"]["from"] == source
    if source == CROP_FARMS_IND:
        assert [exposure[t]["level"] for t in ("child_labour", "forced_labour")] == [
            "critical",
            "critical",
        ]
