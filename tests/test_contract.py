"""A saved assessment is checked for what every ddtool assessment holds (ddtool.contract) before
`report` renders it: what is missing or malformed is an error that names the file and the
place, and every problem is listed (up to ten, the rest counted). (The values edited by hand,
and what `diff` checks, are in test_saved_checks.py.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, load_for_diff, read_assessment
from ddtool.errors import DdtoolError

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_1 = ROOT / "tests" / "assets" / "diff" / "cocoa-schema-1.0.json"
Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        return assess([ROOT / "sample_chains" / "cocoa.yaml"]).data


def _flag_basis_lost(d: dict[str, Any]) -> None:
    del d["flags"][2]["basis"]


def _many(d: dict[str, Any]) -> None:
    for entry in d["suppliers"][:12]:
        del entry["risk"]


# (case, edit, what the error says; each problem with its place)
CASES: list[tuple[str, Edit, list[str]]] = [
    ("summary emptied", lambda d: d.update(summary={}), ["$.summary: no 'data_gaps', 'exposure'"]),
    ("company without its exposure", lambda d: d["company"].pop("exposure"), ["$.company: no"]),
    (
        "a flag's risk type lost",
        lambda d: d["flags"][0].pop("risk_type"),
        ["$.flags[0]: no 'risk_type'"],
    ),
    (
        "a flag's risk type unknown",
        lambda d: d["flags"][1].update(risk_type="slavery"),
        [
            "$.flags[1].risk_type: a risk type (child_labour, forced_labour, human_trafficking)"
            ' expected, got "slavery"'
        ],
    ),
    ("a 2.x flag without its basis", _flag_basis_lost, ["$.flags[2]: neither a 'basis'"]),
    (
        "a supplier's risk lost",
        lambda d: d["suppliers"][0].pop("risk"),
        ["$.suppliers[0]: no 'risk'"],
    ),
    (
        "a supplier's exposure level unknown",
        lambda d: d["suppliers"][1]["exposure"]["forced_labour"].update(level="severe"),
        [
            "$.suppliers[1].exposure.forced_labour.level: a level (low, medium, high, critical)"
            ' expected, got "severe"'
        ],
    ),
    (
        "a supplier's risk type lost",
        lambda d: d["suppliers"][2]["risk"].pop("child_labour"),
        ["$.suppliers[2].risk: no 'child_labour'"],
    ),
    (
        "a supplier's certifications one text, not a list",
        lambda d: d["suppliers"][0].update(certifications="Fairtrade"),
        ['$.suppliers[0].certifications: a list expected, got "Fairtrade"'],
    ),
    (
        "an audit a number",
        lambda d: d["suppliers"][1].update(audits=[2025]),
        ["$.suppliers[1].audits[0]: a text expected, got 2025"],
    ),
    (
        "tiers a number",
        lambda d: d["suppliers"][3].update(tiers=2),
        ["$.suppliers[3].tiers: a list expected, got 2"],
    ),
    (
        "a level count lost",
        lambda d: d["summary"]["flags_by_level"].pop("low"),
        ["$.summary.flags_by_level: no 'low'"],
    ),
    (
        "two problems",
        lambda d: (d["suppliers"][0].pop("name"), d["flags"][0].pop("priority")),
        ["$.suppliers[0]: no 'name'", "$.flags[0]: no 'priority'"],
    ),
    ("many problems", _many, ["$.suppliers[9]: no 'risk'; and 2 more"]),
    (
        "a flag's and a supplier's level not known",
        lambda d: (
            d["flags"][40].update(level="Critical"),
            d["suppliers"][7]["risk"]["child_labour"].update(level="severe"),
        ),
        [
            "$.suppliers[7].risk.child_labour.level: a level (low, medium, high, critical)"
            ' expected, got "severe"',
            '$.flags[40].level: a level (low, medium, high, critical) expected, got "Critical"',
        ],
    ),
    (
        "a score's priority lost",
        lambda d: d["suppliers"][4]["risk"]["human_trafficking"].pop("priority"),
        ["$.suppliers[4].risk.human_trafficking: no 'priority'"],
    ),
    (
        "a level that is a list",
        lambda d: d["suppliers"][5]["risk"]["child_labour"].update(level=["low"]),
        [
            "$.suppliers[5].risk.child_labour.level: a level (low, medium, high, critical)"
            ' expected, got ["low"]'
        ],
    ),
    (
        "a risk type that is a list",
        lambda d: d["flags"][3].update(risk_type=["child_labour"]),
        [
            "$.flags[3].risk_type: a risk type (child_labour, forced_labour, human_trafficking)"
            ' expected, got ["child_labour"]'
        ],
    ),
    (
        "the company's exposure without a risk type",
        lambda d: d["company"]["exposure"].pop("forced_labour"),
        ["$.company.exposure: no 'forced_labour'"],
    ),
    (
        "the tier-1 ranking an object",
        lambda d: d["summary"].update(tier1_ranking={}),
        ["$.summary.tier1_ranking: a list expected, got {}"],
    ),
    (
        "a supplier entry deleted",
        lambda d: d["suppliers"].remove(
            next(s for s in d["suppliers"] if s["id"] == d["flags"][0]["supplier_id"])
        ),
        ["$.flags[0].supplier_id: no supplier ", " in $.suppliers"],
    ),
    (
        "a basis lost",
        lambda d: d["bases"].pop(d["flags"][0]["basis"]),
        ["$.flags[0].basis: no basis ", " in $.bases"],
    ),
    (
        "a basis without its evidence",
        lambda d: d["bases"][d["flags"][0]["basis"]].pop("evidence"),
        ['$.bases["BA-', "\"]: no 'evidence'"],
    ),
    (
        "the options a text",
        lambda d: d.update(options="x"),
        ['$.options: an object expected, got "x"'],
    ),
    (
        "the warnings an object",
        lambda d: d.update(warnings={}),
        ["$.warnings: a list expected, got {}"],
    ),
    (
        "the sources an object",
        lambda d: d.update(sources={}),
        ["$.sources: a list expected, got {}"],
    ),
    # what the reports read beyond those (each fact's fields, each warning's message, the
    # time of the run in the HTML report): checked too, before anything is written
    (
        "the facts not objects",
        lambda d: d.update(evidence=dict.fromkeys(d["evidence"], "x")),
        ['$.evidence["EV-', '"]: an object expected, got "x"', " more)"],
    ),
    (
        "a warning a number",
        lambda d: d.update(warnings=[1]),
        ["$.warnings[0]: an object expected, got 1"],
    ),
    ("the time of the run lost", lambda d: d.pop("generated_at"), ["$: no 'generated_at'"]),
    (
        "a warning without its message",
        lambda d: d.update(warnings=[{"type": "note-row", "location": "x"}]),
        ["$.warnings[0]: no 'message'", '$.warnings[0].location: an object expected, got "x"'],
    ),
]


def test_a_schema_1_flag_without_its_reason_is_named(tmp_path: Path) -> None:
    document = json.loads(SCHEMA_1.read_text(encoding="utf-8"))
    del document["flags"][1]["reason"]
    path = _saved(tmp_path, document, lambda d: None)
    with pytest.raises(DdtoolError, match=r"\$\.flags\[1\]: neither a 'basis'"):
        read_assessment(path, {}, complete=True)


@pytest.mark.parametrize("suffix", [".xlsx", ".html", ".md", ".csv", ".json"])
def test_each_format_refuses_before_writing(
    tmp_path: Path, document: dict[str, Any], suffix: str
) -> None:
    """A fact of the catalogue without its fields (the Markdown, Excel and HTML reports show
    each one) is found before any output is made, and named with its place."""
    fact = sorted(document["evidence"])[0]
    path = _saved(tmp_path, document, lambda d: d["evidence"].update({fact: {}}))
    out = tmp_path / f"r{suffix}"
    done = CliRunner().invoke(app, ["report", str(path), "-q", "-o", str(out)])
    assert done.exit_code == 2, done.output
    text = " ".join(done.output.split())
    assert f"{path}: not a complete ddtool assessment JSON" in text
    assert f"$.evidence[\"{fact}\"]: no 'indicator', 'source', 'value', 'year'" in text
    assert "internal error" not in text and not out.exists()


def _saved(tmp_path: Path, document: dict[str, Any], edit: Edit) -> Path:
    edited = json.loads(json.dumps(document))
    edit(edited)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(edited), encoding="utf-8")
    return path


@pytest.mark.parametrize(("case", "edit", "says"), CASES, ids=[c[0] for c in CASES])
def test_what_is_missing_is_named_with_its_place(
    tmp_path: Path, document: dict[str, Any], case: str, edit: Edit, says: list[str]
) -> None:
    path = _saved(tmp_path, document, edit)
    with pytest.raises(DdtoolError) as info:
        read_assessment(path, {}, complete=True)
    message = str(info.value)
    assert message.startswith(f"{path}: not a complete ddtool assessment JSON (")
    for part in says:
        assert part in message
    if case == "many problems":
        assert message.count("no 'risk'") == 10


def test_report_refuses_an_incomplete_assessment_and_diff_and_verify_read_it(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    """A diff reads what it shows with defaults; a verification compares what is there."""
    path = _saved(tmp_path, document, lambda d: d["flags"][0].pop("risk_type"))
    runner = CliRunner()
    report = runner.invoke(app, ["report", str(path), "-q", "-o", str(tmp_path / "r.xlsx")])
    assert report.exit_code == 2, report.output
    assert "no 'risk_type'" in report.output and "internal error" not in report.output
    assert not (tmp_path / "r.xlsx").exists()
    assert runner.invoke(app, ["diff", str(path), str(path), "-q"]).exit_code == 0
    assert load_for_diff(path)["flags"][0]["id"] == document["flags"][0]["id"]


@pytest.mark.parametrize("suffix", [".xlsx", ".html", ".md", ".csv", ".json"])
def test_an_assessment_of_schema_1_is_read_and_rendered(tmp_path: Path, suffix: str) -> None:
    """Saved by an earlier ddtool: flags hold their supplier's name, path and reason inline."""
    out = tmp_path / f"report{suffix}"
    done = CliRunner().invoke(app, ["report", str(SCHEMA_1), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert out.stat().st_size > 0


def test_an_assessment_of_schema_1_diffs_against_schema_2(document: dict[str, Any]) -> None:
    """The same chain assessed by the earlier ddtool and by this one: flag ids are stable
    across schema versions, so nothing is changed. Resolved are only the flags of the
    sugarcane farm the earlier ddtool inferred beneath a beet-sugar factory (since then,
    products that name another raw good stand for the usual input), and new only those of
    the beet farms now inferred for it at origin (Germany is not known to grow them: Sugar
    Beets are listed in Türkiye alone, methodology section 7)."""
    old = load_for_diff(SCHEMA_1)
    assert old["schema_version"] == "1.0" and "reason" in old["flags"][0]
    diff = diff_assessments(old, document)
    summary = diff["summary"]
    assert summary["changed_flags"] == 0
    assert {(f["supplier_id"], f["risk_type"], f["level"]) for f in diff["new_flags"]} == {
        ("inferred:crop-farming:sugar-beets@world", "child_labour", "high"),
        ("inferred:crop-farming:sugar-beets@world", "forced_labour", "medium"),
        ("inferred:crop-farming:sugar-beets@world", "human_trafficking", "medium"),
    }
    resolved = {(f["supplier_id"], f["path"][-2]) for f in diff["resolved_flags"]}
    assert resolved == {("inferred:sugarcane-farming:sugarcane@world", "SUG-DE-1")}
    assert summary["resolved_flags"] == 3
    assert summary["suppliers_added"] == summary["suppliers_removed"] == 0
