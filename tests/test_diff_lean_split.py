"""`diff`: a stage at the origin mix that buyers of several countries shared, now keyed by the
lean it passes down (docs/methodology.md §7: `…shrimp-farmed@world` became `…@world>THA` under
the Thai traders and `…@world>BGD` under the Bangladeshi one), keeps its findings. Its flags
are re-identified to each stage it split into under the same buyers, and back, not new and
resolved, and do not trip `--fail-on-new`.

The assessment of before the stages were keyed by their lean is this one's with each such
stage merged back into the one at the mix (`unleaned`): one node under all their buyers, its
flags' ids those of its id.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.assess import assess, flag_id
from ddtool.cli import app
from ddtool.diff import diff_assessments, invalid_reason, new_at_or_above

CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"
RISKS = (CL, FL, HT)
MIX = "inferred:seafood-processing:shrimp-farmed@world"
THA, BGD = f"{MIX}>THA", f"{MIX}>BGD"


def trader(supplier_id: str, country: str) -> dict[str, Any]:
    return {
        "id": supplier_id,
        "name": f"Shrimp trader {supplier_id}",
        "country": country,
        "sector": "seafood-trade",
        "products": ["frozen shrimp"],
    }


TH1, TH2, BD1, DE1 = (
    trader("TH-T1", "THA"),
    trader("TH-T2", "THA"),
    trader("BD-T1", "BGD"),
    trader("DE-T1", "DEU"),
)


def assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    path = tmp_path / "chain.yaml"
    company = {"name": "Nordfisch GmbH", "country": "DEU", "sector": "wholesale-trade"}
    path.write_text(yaml.safe_dump({"company": company, "suppliers": suppliers}), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([path]).data


def unleaned(document: dict[str, Any]) -> dict[str, Any]:
    """The assessment as it was before a stage at the origin mix was keyed by the lean it
    passes down: each `…@world>ISO` named `…@world` wherever it is named, one node under all
    their buyers with one flag of each risk type, and the summary's counts made again."""

    def plain(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("inferred:"):
            return value.partition(">")[0]
        if isinstance(value, dict):
            return {plain(key): plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value

    old = plain(document)
    suppliers: dict[str, dict[str, Any]] = {}
    for entry in old["suppliers"]:
        entry["buyers"] = list(dict.fromkeys(entry.get("buyers") or ()))
        if entry["id"] in suppliers:
            kept = suppliers[entry["id"]]
            kept["buyers"] = sorted({*kept["buyers"], *entry["buyers"]})
        else:
            suppliers[entry["id"]] = entry
    old["suppliers"] = list(suppliers.values())
    flags: dict[str, dict[str, Any]] = {}
    for flag in old["flags"]:
        flag["id"] = flag_id(flag["supplier_id"], flag["risk_type"])
        flags.setdefault(flag["id"], flag)
    old["flags"] = list(flags.values())
    gaps = {json.dumps(gap, sort_keys=True): gap for gap in old["data_gaps"]}
    old["data_gaps"] = list(gaps.values())
    levels = Counter(flag["level"] for flag in old["flags"])
    old["summary"].update(
        flags=len(old["flags"]),
        flags_by_level={level: levels[level] for level in old["summary"]["flags_by_level"]},
        flags_by_risk_type={
            rt: sum(1 for flag in old["flags"] if flag["risk_type"] == rt)
            for rt in old["summary"]["flags_by_risk_type"]
        },
        inferred_suppliers=sum(1 for entry in old["suppliers"] if entry.get("inferred")),
        data_gaps=len(old["data_gaps"]),
    )
    return old


def as_is(document: dict[str, Any]) -> dict[str, Any]:
    return document


Make = Callable[[dict[str, Any]], dict[str, Any]]

# (case, suppliers, how the old and the new assessment are made of this one's,
#  the stages keyed by their lean this assessment has, the pairs re-identified
#  (old supplier, new supplier) for each risk type)
CASES: list[tuple[str, list[dict[str, Any]], Make, Make, list[str], list[tuple[str, str]]]] = [
    (
        "two Thai traders and a Bangladeshi one: split in two",
        [TH1, TH2, BD1],
        unleaned,
        as_is,
        [BGD, THA],
        [(MIX, BGD), (MIX, THA)],
    ),
    (
        "beside a German trader, which keeps the stage at the mix",
        [TH1, BD1, DE1],
        unleaned,
        as_is,
        [BGD, THA],
        [(MIX, BGD), (MIX, THA)],
    ),
    (
        "merged back into one (the assessments the other way round)",
        [TH1, TH2, BD1],
        as_is,
        unleaned,
        [BGD, THA],
        [(BGD, MIX), (THA, MIX)],
    ),
    (
        "one country's traders alone: one stage for another",
        [TH1, TH2],
        unleaned,
        as_is,
        [THA],
        [(MIX, THA)],
    ),
]


@pytest.mark.parametrize(
    ("suppliers", "make_old", "make_new", "leaned", "pairs"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_stage_split_by_its_lean_is_reidentified(
    tmp_path: Path,
    suppliers: list[dict[str, Any]],
    make_old: Make,
    make_new: Make,
    leaned: list[str],
    pairs: list[tuple[str, str]],
) -> None:
    document = assessed(tmp_path, suppliers)
    inferred = {s["id"] for s in document["suppliers"] if s.get("inferred")}
    assert sorted(i for i in inferred if ">" in i) == leaned  # (the chain is what the case says)
    old, new = make_old(document), make_new(document)
    assert invalid_reason(Path("old.json"), old) is None
    assert invalid_reason(Path("new.json"), new) is None
    diff = diff_assessments(old, new)
    assert diff["new_flags"] == []
    assert diff["resolved_flags"] == []
    assert sorted(
        (r["old_supplier_id"], r["supplier_id"], r["risk_type"]) for r in diff["reidentified_flags"]
    ) == sorted((was, now, risk) for was, now in pairs for risk in RISKS)
    assert all(r["direction"] == "same" for r in diff["reidentified_flags"])
    assert new_at_or_above(diff, "medium") == []


def test_the_cli_gate_is_not_tripped_by_the_split(tmp_path: Path) -> None:
    document = assessed(tmp_path, [TH1, TH2, BD1])
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(unleaned(document)), "utf-8")
    new.write_text(json.dumps(document), "utf-8")
    out = tmp_path / "diff.json"
    result = CliRunner().invoke(
        app, ["diff", str(old), str(new), "--fail-on-new", "medium", "-q", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text("utf-8"))["summary"]
    assert (summary["new_flags"], summary["resolved_flags"]) == (0, 0)
    assert summary["reidentified_flags"] == 2 * len(RISKS)
