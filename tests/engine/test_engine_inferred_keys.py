"""Inferred stages are shared only where the whole chain inferred beneath them is the same,
and a trader beneath a processor sells it what it works (methodology, sections 7 and 8)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, supplier_entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddtool.model import RISK_TYPES

# buyers whose inferred chains reach a first-processing stage at the origin mix, over raw
# materials that lean to some countries (a listing there, no published share) and not
# to others, and some that do not: (sector, products)
BUYERS = [
    ("seafood-trade", ["frozen shrimp"]),
    ("seafood-trade", []),
    ("seafood-processing", ["canned tuna"]),
    ("cocoa-processing", ["cocoa butter"]),
    ("smelting-refining", ["gold bullion"]),
    ("mineral-trading", ["tin ore"]),
    ("yarn-spinning", ["cotton yarn"]),
    ("garment-manufacturing", ["t-shirts"]),
]
COUNTRIES = ["THA", "BGD", "NLD", "SLE", "CHE", "UGA", "CIV", "VNM", "IND", "ECU", "TWN", "DEU"]


def _seen(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    """What an assessment says of a supplier and the chain inferred beneath it: its exposure
    and each inferred stage's id, origins, expected and worst-case scores."""
    entry = next(s for s in doc["suppliers"] if s["id"] == supplier_id)
    beneath = inferred_beneath(doc, supplier_id)
    return {
        "exposure": entry["exposure"],
        "beneath": {
            node_id: (node["origins"], node["risk"], node["worst_case"])
            for node_id, node in beneath.items()
        },
    }


def _alone_and_beside(
    tmp: Path, first: tuple[str, list[str], str], second: tuple[str, list[str], str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the assessment says of the first buyer alone, and beside the second."""
    one = supplier_entry("A", first[0], first[1], [], first[2])
    two = supplier_entry("B", second[0], second[1], [], second[2])
    (tmp / "alone").mkdir()
    (tmp / "both").mkdir()
    alone = assessed_data(tmp / "alone", "retail-general", [one])
    both = assessed_data(tmp / "both", "retail-general", [one, two])
    return _seen(alone, "A"), _seen(both, "A")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a Thai shrimp exporter beside a Bangladeshi one: the processors at the world's
        # origin mix over farms leaning to Thailand, not Bangladesh
        (("seafood-trade", ["frozen shrimp"], "THA"), ("seafood-trade", ["frozen shrimp"], "BGD")),
        # a Dutch grinder beside one in Sierra Leone: its cocoa traders buy from the world's
        # farms, not Sierra Leone's
        (
            ("cocoa-processing", ["cocoa butter"], "NLD"),
            ("cocoa-processing", ["cocoa butter"], "SLE"),
        ),
        # a Swiss refiner beside a Ugandan one: its gold traders buy from the world's mines
        (
            ("smelting-refining", ["gold bullion"], "CHE"),
            ("smelting-refining", ["gold bullion"], "UGA"),
        ),
        (
            ("smelting-refining", ["gold bullion"], "UGA"),
            ("smelting-refining", ["gold bullion"], "CHE"),
        ),
    ],
)
def test_a_second_buyer_of_another_country_changes_nothing_of_the_first(
    tmp_path: Path, first: tuple[str, list[str], str], second: tuple[str, list[str], str]
) -> None:
    """An inferred stage shared by two buyers whose sub-chains beneath it differ mixed them:
    the Thai exporter's exposure came from Bangladesh's farms, its weighted trafficking fell
    from high to medium, once a Bangladeshi exporter was added."""
    alone, beside = _alone_and_beside(tmp_path, first, second)
    assert beside == alone


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    first=st.sampled_from(BUYERS),
    second=st.sampled_from(BUYERS),
    same=st.booleans(),
    countries=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
)
def test_adding_a_buyer_of_another_country_never_changes_the_first_buyers_exposure(
    first: tuple[str, list[str]],
    second: tuple[str, list[str]],
    same: bool,
    countries: list[str],
) -> None:
    """Exposure never depends on unrelated branches (section 8): the first buyer's exposure,
    and every stage inferred beneath it, are the same beside a second buyer of another
    country (of the same sector and products, or of another) as alone."""
    other = first if same else second
    with tempfile.TemporaryDirectory() as tmp:
        alone, beside = _alone_and_beside(Path(tmp), (*first, countries[0]), (*other, countries[1]))
    assert beside == alone


@pytest.mark.parametrize(
    ("sector", "products", "country", "stage"),
    [
        # over farms leaning to the buyer's country: the id says so
        (
            "seafood-trade",
            ["frozen shrimp"],
            "BGD",
            "inferred:seafood-processing:shrimp-farmed@world>BGD",
        ),
        (
            "seafood-trade",
            ["frozen shrimp"],
            "THA",
            "inferred:seafood-processing:shrimp-farmed@world>THA",
        ),
        (
            "cocoa-processing",
            ["cocoa butter"],
            "SLE",
            "inferred:cocoa-trading:cocoa-beans@world>SLE",
        ),
        ("smelting-refining", ["gold bullion"], "UGA", "inferred:mineral-trading:gold@world>UGA"),
        # over the world's raw materials, or leaning to a country itself: as before
        ("cocoa-processing", ["cocoa butter"], "NLD", "inferred:cocoa-trading:cocoa-beans@world"),
        ("smelting-refining", ["gold bullion"], "CHE", "inferred:mineral-trading:gold@world"),
        (
            "seafood-trade",
            ["frozen shrimp"],
            "DEU",
            "inferred:seafood-processing:shrimp-farmed@world",
        ),
        (
            "seafood-trade",
            ["frozen shrimp"],
            "VNM",
            "inferred:seafood-processing:shrimp-farmed@VNM",
        ),
    ],
)
def test_a_stage_at_the_origin_mix_is_named_by_the_lean_it_passes_down(
    tmp_path: Path, sector: str, products: list[str], country: str, stage: str
) -> None:
    """The id of a first-processing stage at the origin mix carries the lean of the raw
    materials beneath it where it has none itself (">BGD"), and is as before elsewhere, so
    saved assessments that were right diff cleanly."""
    doc = assessed_data(
        tmp_path, "retail-general", [supplier_entry("A", sector, products, [], country)]
    )
    beneath = inferred_beneath(doc, "A")
    assert stage in beneath
    node = beneath[stage]
    raw = [n for n in beneath.values() if "A" not in n["buyers"] and stage in n["buyers"]]
    assert raw, "the raw materials beneath the stage"
    if ">" in stage:
        lean = stage.rpartition(">")[2]
        assert all(n["id"].endswith(f"@{lean}") for n in raw)
        assert node["assumption"].endswith(
            f"beneath it leaning to {lean} (the buyer's own country)"
        )
    else:
        assert ">" not in "".join(beneath)


def _cannery(
    trader: dict[str, Any], cannery_products: list[str] | None = None
) -> list[dict[str, Any]]:
    cannery = supplier_entry(
        "CAN",
        "seafood-processing",
        ["canned tuna"] if cannery_products is None else cannery_products,
        [],
        "THA",
    )
    return [cannery, {**trader, "buyers": ["CAN"]}]


VESSELS_THA = "inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"


@pytest.mark.parametrize(
    ("trader", "cannery_products", "beneath_trader"),
    [
        # a seafood trader naming fish: as a distributor of it does, it covers the cannery's
        # fish, and sells it fish from vessels (no processor beneath it)
        (
            supplier_entry("TRD", "seafood-trade", ["frozen skipjack tuna"], [], "THA"),
            None,
            {VESSELS_THA},
        ),
        # a distributor of it
        (
            supplier_entry("TRD", "wholesale-trade", ["frozen skipjack tuna"], [], "THA"),
            None,
            {VESSELS_THA},
        ),
        # a seafood trader naming nothing trades what the cannery takes: its fish
        (supplier_entry("TRD", "seafood-trade", [], [], "THA"), None, {VESSELS_THA}),
        # beneath a cannery naming nothing, a trader naming nothing sells it vessels' and
        # farms' seafood
        (
            supplier_entry("TRD", "seafood-trade", [], [], "THA"),
            [],
            {VESSELS_THA, "inferred:aquaculture:shrimp-farmed@THA"},
        ),
    ],
)
def test_a_trader_beneath_a_cannery_covers_its_fish_and_buys_from_vessels(
    tmp_path: Path,
    trader: dict[str, Any],
    cannery_products: list[str] | None,
    beneath_trader: set[str],
) -> None:
    """A seafood trader of "frozen skipjack tuna" beneath a Thai cannery covered nothing: the
    cannery got vessels inferred beside it, the gap "tiers below not mapped (inferred)" and
    "Map tier 2" on its flags, though its tier 2 is mapped; the trader got a seafood
    processor at the world's origin mix (Thailand left out) with vessels beneath."""
    doc = assessed_data(tmp_path, "retail-general", _cannery(trader, cannery_products))
    cannery = next(s for s in doc["suppliers"] if s["id"] == "CAN")
    assert "tiers below not mapped (inferred)" not in cannery["data_gaps"]
    # (nothing inferred beside the trader: its fish is inferred once, beneath it)
    assert not [s["id"] for s in doc["suppliers"] if s["inferred"] and "CAN" in s["buyers"]]
    assert set(inferred_beneath(doc, "TRD")) == beneath_trader
    assert not any(s["sector"] == "seafood-processing" and s["inferred"] for s in doc["suppliers"])
    for flag in doc["flags"]:
        if flag["supplier_id"] == "CAN":
            assert "gap-map-tier2" not in doc["bases"][flag["basis"]]["remediation"]


def test_a_trader_selling_to_others_too_keeps_its_processors(tmp_path: Path) -> None:
    """A seafood trader that sells to the company besides a cannery sells processed seafood
    too: a processor stays inferred beneath it; it still covers the cannery's fish."""
    trader = supplier_entry("TRD", "seafood-trade", ["frozen skipjack tuna"], [], "THA")
    suppliers = _cannery(trader)
    suppliers[1]["buyers"] = ["CAN", "company"]
    doc = assessed_data(tmp_path, "retail-general", suppliers)
    beneath = inferred_beneath(doc, "TRD")
    assert {n["sector"] for n in beneath.values()} == {"seafood-processing", "fishing-vessels"}
    cannery = next(s for s in doc["suppliers"] if s["id"] == "CAN")
    assert "tiers below not mapped (inferred)" not in cannery["data_gaps"]
    assert set(RISK_TYPES) == set(cannery["exposure"])
