"""`ddtool batch --resume` takes a member's figures from its assessment, not its result.json.

A resumed member's counts were copied from its result.json unchecked, while its exposure was
read again from its assessment.json: a result.json that said otherwise (edited, or written
by another tool) made the summary contradict itself and the member's own reports (cocoa
ranked with "many" suppliers and 0 flags, yet a critical exposure, while its assessment held
27 suppliers and 52 flags). Every figure of a resumed member is now read from its
assessment, as when it was assessed.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from batch_support import copy_members, read_summary

from ddtool.batch import RESULT_FILE, BatchOptions, run_batch

OPTIONS = BatchOptions(formats=(".json",), jobs=1)
# what the summary holds of each member's figures (the rest says when and how it was made)
FIGURES = ("ranking", "ranking_by_risk_type", "hotspots")

# a figure of cocoa's result.json → the value written over it
TAMPERED: dict[str, dict[str, Any]] = {
    "counts-of-another-chain": {
        "suppliers": "many",
        "flags": 0,
        "flags_by_level": {"low": 0, "medium": 0, "high": 0, "critical": 0},
    },
    "inferred-suppliers": {"inferred_suppliers": 0},
    "low-flags-on-a-gap": {"flags_low_on_a_gap": 9},
    "data-gap-rate": {"data_gap_rate": 1.0},
    "hotspots": {"hotspots": {"FRA|retail": 99}},
    "company": {"company": "Another Company Ltd"},
    "exposure": {
        "exposure": {
            rt: {"level": "low", "priority": 0.0, "weighted_priority": 0.0, "data_gaps": []}
            for rt in ("child_labour", "forced_labour", "human_trafficking")
        }
    },
}


@pytest.mark.parametrize("figures", TAMPERED.values(), ids=TAMPERED.keys())
def test_a_resumed_members_figures_are_those_of_its_assessment(
    tmp_path: Path, figures: dict[str, Any]
) -> None:
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    first, out = tmp_path / "first", tmp_path / "out"
    run_batch([folder], first, OPTIONS)
    shutil.copytree(first, out)
    result = out / "cocoa" / RESULT_FILE
    record = json.loads(result.read_text(encoding="utf-8"))
    assert all(record[name] != value for name, value in figures.items())
    record.update(figures)
    result.write_text(json.dumps(record), encoding="utf-8")

    again = run_batch([folder], out, replace(OPTIONS, resume=True))

    assert again.skipped == 2  # (resumed, not assessed again: resuming stays fast)
    expected, summary = read_summary(first), read_summary(out)
    assert {k: summary[k] for k in FIGURES} == {k: expected[k] for k in FIGURES}
    assessment = json.loads((out / "cocoa" / "assessment.json").read_text(encoding="utf-8"))
    cocoa = next(row for row in summary["ranking"] if row["member"] == "cocoa")
    counts = ("suppliers", "inferred_suppliers", "flags", "flags_by_level")
    assert {k: cocoa[k] for k in counts} == {k: assessment["summary"][k] for k in counts}
    assert cocoa["company"] == assessment["company"]["name"]
