"""Commission work (methodology §7): a supplier in its buyer's own stage, or whose input is
its buyer's own product, gets its material from that buyer, so nothing is inferred beneath
it. Only a buyer in its own country is taken to send it material, and only where its
products say it works the buyer's good."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chain_support import assessed_data, inferred_beneath, supplier_entry


def _entry(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    return next(s for s in doc["suppliers"] if s["id"] == supplier_id)


def test_a_peeling_shed_abroad_from_its_processor_gets_its_shrimp_farms(tmp_path: Path) -> None:
    """A Thai peeling shed selling to a processor in Viet Nam peels shrimp bought in
    Thailand: the farms beneath it lean to Thailand, where shrimp is listed, and its
    exposure carries that listing."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("VN", "seafood-processing", ["frozen shrimp"], [], "VNM"),
            supplier_entry("FARM", "aquaculture", ["shrimp"], ["VN"], "VNM"),
            supplier_entry("SHED", "seafood-processing", ["shrimp"], ["VN"], "THA"),
        ],
    )
    beneath = inferred_beneath(doc, "SHED")
    assert list(beneath) == ["inferred:aquaculture:shrimp-farmed@THA"]
    shed = _entry(doc, "SHED")
    assert shed["exposure"]["forced_labour"]["from"] == "inferred:aquaculture:shrimp-farmed@THA"
    assert shed["exposure"]["forced_labour"]["level"] == "critical"
    assert "tiers below not mapped (inferred)" in shed["data_gaps"]


def test_a_peeling_shed_in_its_processors_country_is_commission_work(tmp_path: Path) -> None:
    """The documented rule stands in one country: the shed peels its processor's shrimp,
    whose farms are mapped or inferred beneath the processor."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("PROC", "seafood-processing", ["frozen shrimp"], [], "THA"),
            supplier_entry("SHED", "seafood-processing", ["shrimp"], ["PROC"], "THA"),
        ],
    )
    assert not inferred_beneath(doc, "SHED")
    assert "inferred:aquaculture:shrimp-farmed@THA" in inferred_beneath(doc, "PROC")


def test_a_subcontractor_of_unknown_country_is_commission_work(tmp_path: Path) -> None:
    """Where a country is not known, the subcontractor is not known to be abroad."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("PROC", "seafood-processing", ["frozen shrimp"], [], "THA"),
            {"id": "SHED", "name": "SHED", "sector": "seafood-processing", "buyers": ["PROC"]},
        ],
    )
    assert not inferred_beneath(doc, "SHED")


def test_a_fishmeal_plant_selling_to_a_shrimp_farm_gets_its_vessels(tmp_path: Path) -> None:
    """Fishmeal is made from wild catch: the farm it sells to is its customer, not the
    source of its fish, so the vessels are inferred beneath it, with its data gap."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("FARM", "aquaculture", ["shrimp"], [], "THA"),
            supplier_entry("MEAL", "seafood-processing", ["fishmeal"], ["FARM"], "THA"),
        ],
    )
    beneath = inferred_beneath(doc, "MEAL")
    assert list(beneath) == ["inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"]
    meal = _entry(doc, "MEAL")
    assert "tiers below not mapped (inferred)" in meal["data_gaps"]
    assert meal["exposure"]["forced_labour"]["from"] in beneath


def test_a_processor_of_the_farms_own_good_is_commission_work(tmp_path: Path) -> None:
    """A processor whose products are its buyer's good (a farm's shrimp packed for it), or
    that names nothing, works what the farm sends it: nothing is inferred beneath it."""
    for products in (["frozen shrimp"], []):
        doc = assessed_data(
            tmp_path,
            "seafood-trading",
            [
                supplier_entry("FARM", "aquaculture", ["shrimp"], [], "THA"),
                supplier_entry("PACK", "seafood-processing", products, ["FARM"], "THA"),
            ],
        )
        assert not inferred_beneath(doc, "PACK"), products
