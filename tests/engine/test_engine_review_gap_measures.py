"""A flag on a mapped supplier with inferred suppliers beneath it carries that gap, and its
measures start with mapping the tier below, as the methodology (sections 5 and 6) says."""

from __future__ import annotations

from pathlib import Path

from ddtool.assess import assess
from ddtool.document import UNMAPPED_BELOW, flag_measures, register

ROOT = Path(__file__).resolve().parents[2]


def test_a_mapped_flag_with_inferred_tiers_beneath_starts_with_mapping_them() -> None:
    doc = assess([ROOT / "sample_chains" / "garment.yaml"]).data
    flags = [f for f in register(doc) if f["supplier_id"] == "G-BD-2"]
    assert {f["risk_type"] for f in flags} == {
        "child_labour",
        "forced_labour",
        "human_trafficking",
    }
    for flag in flags:
        assert flag["data_gaps"] == [UNMAPPED_BELOW]
        assert flag_measures(doc, flag)[0]["id"] == "gap-map-tier2"


def test_the_methodology_says_the_gap_measures_apply_to_mapped_flags() -> None:
    text = " ".join((ROOT / "docs" / "methodology.md").read_text(encoding="utf-8").split())
    assert "does not apply to flags at present" not in text
    assert "so the last row applies to it too" in text
