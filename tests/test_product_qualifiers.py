"""A product's qualifiers (state, processing, grade, standard, packing, origin) leave the
listed good it names as it is: 'frozen skipjack tuna' is Fish, as 'skipjack tuna' is, and a
seafood processor with only that product handles the catch of vessels, not farmed shrimp;
no qualifier turns a product into another good ('tin cans'), and no word of another good or
of work beside a good's name is read as one ('cocoa butter', 'coffee machine'). A good denied
is none ('not tuna'). Seafood dried or salted is Dried Fish, but what is handled beneath it
and inferred there follows its species ('dried squid': vessels; 'dried shrimp': farms). The
cases are data: tests/assets/products/qualified_goods.yaml."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess
from ddtool.profiles import _NAMED_ALONE, load_profiles, said_caught, said_caught_too, text_key

ROOT = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "products" / "qualified_goods.yaml").read_text(encoding="utf-8")
)


def _names() -> list[str]:
    """Every good's name and alias in good_sectors.csv (but those named alone only, and a
    chemical formula, read as the whole product only: 'Co(OH)2')."""
    with (ROOT / "risk_profiles" / "good_sectors.csv").open(encoding="utf-8", newline="") as f:
        return [
            name
            for row in csv.DictReader(f)
            for name in (row["good"], *row["aliases"].split(";"))
            if name.strip()
            and text_key(name) not in _NAMED_ALONE  # (named alone only: "oro", "caña")
            and not any(c.isdigit() for c in name)
        ]


@pytest.mark.parametrize("case", CASES, ids=[case["product"] for case in CASES])
def test_a_product_names_its_good_whatever_its_qualifiers(case: dict[str, Any]) -> None:
    profiles = load_profiles()
    product = case["product"]
    assert profiles.match_good(product) == case["good"]
    assert profiles.good_named(product) == case.get("named", case["good"])


def test_the_cases_hold_enough_products_and_hard_negatives() -> None:
    assert len(CASES) >= 30
    assert sum(case["good"] is None and "named" not in case for case in CASES) >= 15


# qualifiers that are no word of any good's name: beside any name, they leave its good as is
QUALIFIED = [
    "frozen {}",
    "organic {}",
    "premium {}",
    "{}, grade A",
    "{} in 50 kg bags",
    "bagged {}",
    "Ivorian {}",
    "{} from Ghana",
    "100% {}",
    "non-GMO {}",
]


@pytest.mark.parametrize("written", QUALIFIED)
def test_a_qualifier_beside_any_name_of_a_good_names_the_same_good(written: str) -> None:
    profiles = load_profiles()
    differ = [
        (name, profiles.match_good(name), profiles.match_good(written.format(name)))
        for name in _names()
        if profiles.match_good(written.format(name)) != profiles.match_good(name)
    ]
    assert differ == []


# words beside a good's name that make it another good or work
OTHER = ["{} machine", "{} oil", "{} swabs", "{} nets", "{} plated connectors", "{} cans"]


@pytest.mark.parametrize("written", OTHER)
def test_no_qualifier_reads_another_good_or_work_as_the_good(written: str) -> None:
    """(A name with a bracket is left out: 'Tin ore (cassiterite) cans' is read as its name
    before the bracket, as it was before qualifiers were read.)"""
    profiles = load_profiles()
    named = [
        (text, good)
        for name in _names()
        if "(" not in name
        for text in (written.format(name), "frozen " + written.format(name))
        if (good := profiles.match_good(text)) is not None
    ]
    assert named == []


# what a Thai seafood processor naming one product gets inferred beneath it, nothing being
# mapped there: the species its product names decides, whatever state it is in (a squid or
# a tuna, dried or salted, is caught; a shrimp farmed unless said caught or not farmed)
VESSELS, FARMS = "fishing-vessels", "aquaculture"
BENEATH = [
    ("dried squid", {VESSELS}),
    ("salted squid", {VESSELS}),
    ("dried tuna", {VESSELS}),
    ("salted tuna", {VESSELS}),
    ("dried skipjack, 25 kg", {VESSELS}),
    ("dried fish", {VESSELS}),
    ("frozen skipjack tuna", {VESSELS}),
    ("dried shrimp", {FARMS}),
    ("dried black tiger shrimp", {FARMS}),
    ("frozen shrimp", {FARMS}),
    ("shrimp, not farmed", {VESSELS}),
    ("wild-caught shrimp, not farmed", {VESSELS}),
    ("farm-raised shrimp, not wild-caught", {FARMS}),
    ("wild or aquacultured shrimp", {VESSELS, FARMS}),
    # no good named: both, as for a processor naming nothing
    ("not tuna", {VESSELS, FARMS}),
    ("vegan tuna", {VESSELS, FARMS}),
    ("surimi", {VESSELS, FARMS}),
]


@pytest.mark.parametrize(("product", "sources"), BENEATH, ids=[p for p, _ in BENEATH])
def test_a_seafood_processor_gets_the_sources_of_the_species_its_product_names(
    tmp_path: Path, product: str, sources: set[str]
) -> None:
    supplier = {
        "id": "P1",
        "name": "processor",
        "country": "THA",
        "sector": "seafood-processing",
        "products": [product],
    }
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        yaml.safe_dump({"company": {"name": "X", "country": "NLD"}, "suppliers": [supplier]}),
        encoding="utf-8",
    )
    doc = assess([chain]).data
    inferred = {s["sector"] for s in doc["suppliers"] if s["inferred"]}
    assert inferred == sources


# how a product says its seafood was got: said_caught (the vessels, whatever its good is
# listed under) and said_caught_too (the vessels beside the farms); a denial denies only the
# words of how it was got that follow it
CAUGHT = [
    ("wild-caught shrimp", True, True),
    ("shrimp, not farmed", True, True),
    ("non-farmed shrimp", True, True),
    ("wild-caught shrimp, not farmed", True, True),
    ("antibiotic-free wild-caught shrimp", True, True),
    ("not frozen, wild-caught tuna", True, True),
    ("wild or aquacultured shrimp", False, True),
    ("farm-raised shrimp, not wild-caught", False, False),
    ("farmed shrimp, no wild broodstock", False, False),
    ("antibiotic-free farmed shrimp", False, False),
    ("frozen shrimp", False, False),
]


@pytest.mark.parametrize(("product", "caught", "too"), CAUGHT, ids=[c[0] for c in CAUGHT])
def test_how_seafood_was_got_is_read_with_its_denials(
    product: str, caught: bool, too: bool
) -> None:
    assert (said_caught(product), said_caught_too(product)) == (caught, too)
