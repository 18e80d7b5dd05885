"""What an audit committee asks first of a year-on-year diff: did the company's exposure go
up or down, and which tier-1 suppliers moved in the ranking. Before, the diff reported
neither (both assessments held them), counted a supplier under a new id as added and
removed without a word, matched a re-keyed supplier by its name only as written, and with
-q said nothing of two assessments of different companies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, tier1_changes
from ddtool.reporters.diff_report import render_diff_markdown
from ddtool.reporters.shown import chain_levels

FARM = {"id": "F1", "name": "Farm group", "country": "CIV", "sector": "cocoa-farming"}
OFFICE = {"id": "L1", "name": "Forwarder", "country": "DEU", "sector": "logistics-transport"}
MILL = {"id": "M1", "name": "Grinder", "country": "NLD", "sector": "cocoa-processing"}


def _doc(tmp_path: Path, name: str, suppliers: list[dict[str, Any]], company: str = "X") -> Any:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": company}, "suppliers": suppliers}), "utf-8")
    return assess([path]).data


def test_the_companys_exposure_before_and_after(tmp_path: Path) -> None:
    old = _doc(tmp_path, "old", [OFFICE])
    new = _doc(tmp_path, "new", [OFFICE, FARM])
    diff = diff_assessments(old, new)
    rows = {row["risk_type"]: row for row in diff["exposure"]}
    assert list(rows) == ["child_labour", "forced_labour", "human_trafficking"]
    for risk_type, row in rows.items():
        was, now = old["summary"]["exposure"][risk_type], new["summary"]["exposure"][risk_type]
        assert (row["old_priority"], row["new_priority"]) == (was["priority"], now["priority"])
        assert row["new_from"] == now["from"]
        assert row["direction"] == "up"  # (the farm's listing: critical, from low)
    assert diff["summary"]["exposure_up"] == 3 and diff["summary"]["exposure_down"] == 0
    back = diff_assessments(new, old)
    assert {row["direction"] for row in back["exposure"]} == {"down"}
    same = diff_assessments(old, old)
    assert {row["direction"] for row in same["exposure"]} == {"same"}
    md = render_diff_markdown(diff)
    assert "## Company exposure" in md and "| child labour | low | critical |" in md


def test_tier1_suppliers_that_moved_in_the_ranking(tmp_path: Path) -> None:
    farm_under_mill = {**FARM, "buyers": ["M1"]}
    old = _doc(tmp_path, "old", [MILL, OFFICE])
    new = _doc(tmp_path, "new", [MILL, OFFICE, farm_under_mill])
    diff = diff_assessments(old, new)
    moved = {row["id"]: row for row in diff["tier1_changes"]}
    # the grinder's farms mapped in Côte d'Ivoire, not inferred over the origin mix: its
    # weighted figure moves; the forwarder, unchanged, is not listed
    assert set(moved) == {"M1"}
    row = moved["M1"]
    assert (row["old_rank"], row["new_rank"]) == (1, 1)
    assert row["new_level"] == row["old_level"] == "critical"
    assert row["new_weighted_priority"] != row["old_weighted_priority"]
    assert diff["summary"]["tier1_changed"] == 1
    # a tier-1 supplier dropped: its rank is None in the new assessment
    gone = diff_assessments(old, _doc(tmp_path, "gone", [MILL]))
    assert [(r["id"], r["old_rank"], r["new_rank"]) for r in gone["tier1_changes"]] == [
        ("L1", 2, None)
    ]


# (the old and the new tier-1 entry's level and on_a_gap, and the levels the change lists:
# None where the entry did not change). "medium (data gap)" and "high (data gap)" were
# listed as "medium" and "high": a gap closed at that level was no change
TIER1_LEVELS: list[tuple[tuple[str, bool], tuple[str, bool], tuple[str, str] | None]] = [
    (("medium", True), ("medium", False), ("medium (data gap)", "medium")),
    (("high", True), ("critical", False), ("high (data gap)", "critical")),
    (("high", False), ("high", True), ("high", "high (data gap)")),
    (("low", True), ("low", False), ("low (data gap)", "low")),
    (("critical", True), ("critical", True), None),
    (("medium", False), ("medium", False), None),
]


@pytest.mark.parametrize(("old", "new", "listed"), TIER1_LEVELS)
def test_a_tier1_level_is_compared_as_the_ranking_shows_it(
    old: tuple[str, bool], new: tuple[str, bool], listed: tuple[str, str] | None
) -> None:
    def document(level: str, on_a_gap: bool) -> dict[str, Any]:
        entry = {"id": "T1", "name": "Mill", "level": level, "on_a_gap": on_a_gap}
        entry |= {"weighted_priority": 0.4, "max_priority": 0.4}
        return {"summary": {"tier1_ranking": [entry]}}

    changes = tier1_changes(document(*old), document(*new), {})
    if listed is None:
        assert changes == []
    else:
        assert [(c["old_level"], c["new_level"]) for c in changes] == [listed]


def test_a_resolved_flag_now_low_on_a_data_gap_says_so(tmp_path: Path) -> None:
    """A supplier whose sector is no longer matched this year: its flag is resolved, and its
    level now is "low (data gap)", not a plain low, in the JSON's `now_data_gaps` and in
    the Markdown diff, as the ranking of the same diff gives it."""
    harness = {"id": "H1", "name": "Cotton farm", "country": "MAR", "sector": "cotton-farming"}
    old = _doc(tmp_path, "old", [OFFICE, harness])
    new = _doc(tmp_path, "new", [OFFICE, {**harness, "sector": "Kabelbaumproduktion mit Extras"}])
    diff = diff_assessments(old, new)
    resolved = [f for f in diff["resolved_flags"] if f["supplier_id"] == "H1"]
    assert resolved
    entry = next(s for s in new["suppliers"] if s["id"] == "H1")
    for flag in resolved:
        assert flag["now_level"] == entry["risk"][flag["risk_type"]]["level"]
        if flag["now_level"] == "low":
            assert flag["now_data_gaps"] == ["sector not matched"]
    assert any(f["now_level"] == "low" for f in resolved)
    assert "low (data gap)" in render_diff_markdown(diff).split("## Resolved")[1]
    # a plain low (nothing missing) has none
    gone = diff_assessments(old, _doc(tmp_path, "gone", [OFFICE]))
    assert all(f["now_data_gaps"] == [] for f in gone["resolved_flags"])


@pytest.mark.parametrize(
    "renamed",
    ["FARM GROUP", "Farm  group", " farm group "],
)
def test_a_supplier_rekeyed_with_its_name_spelled_anew_is_matched(
    tmp_path: Path, renamed: str
) -> None:
    old = _doc(tmp_path, "old", [OFFICE, FARM])
    new = _doc(tmp_path, "new", [OFFICE, {**FARM, "id": "F-0001", "name": renamed}])
    diff = diff_assessments(old, new)
    assert [a["same_as"] for a in diff["suppliers_added"]] == ["F1"]
    assert diff["new_flags"] == diff["resolved_flags"] == []
    assert "| Suppliers added | 1 (1 of them under a new id) |" in render_diff_markdown(diff)


def test_two_companies_are_told_with_q_and_in_every_output(tmp_path: Path) -> None:
    runner = CliRunner()
    paths = []
    for name, company in (("old", "X"), ("new", "Y")):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(_doc(tmp_path, name, [OFFICE], company)), "utf-8")
        paths.append(str(path))
    book = tmp_path / "d.xlsx"
    done = runner.invoke(app, ["diff", *paths, "-q", "-o", str(book)])
    assert done.exit_code == 0, done.output
    assert "warning: the two assessments are of different companies: 'X' and 'Y'" in done.output
    about = [row[1] for row in load_workbook(book)["About"].iter_rows(values_only=True)]
    assert any("different companies" in str(value) for value in about)


def test_a_resolved_flag_of_a_supplier_still_in_the_chain_gives_its_level_now(
    tmp_path: Path,
) -> None:
    """A flag level raised in the settings alone 'resolved' 17 flags of suppliers whose risk
    had not changed, with nothing to tell them from those of suppliers gone."""
    spinner = {"id": "Y1", "name": "Spinner", "country": "IND", "sector": "yarn-spinning"}
    suppliers = [OFFICE, spinner]
    old = _doc(tmp_path, "old", suppliers)
    chain = tmp_path / "new.yaml"
    chain.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    settings = tmp_path / "high.yaml"
    settings.write_text("flag_level: critical\n", "utf-8")
    from ddtool.assess import AssessOptions

    new = assess([chain], AssessOptions(config=settings)).data
    diff = diff_assessments(old, new)
    resolved = diff["resolved_flags"]
    assert resolved and all(f["now_level"] is not None for f in resolved)
    levels = {(f["supplier_id"], f["risk_type"]): f["now_level"] for f in resolved}
    for (supplier, risk_type), level in levels.items():
        entry = next(s for s in new["suppliers"] if s["id"] == supplier)
        assert entry["risk"][risk_type]["level"] == level != "critical"
    assert diff["summary"]["resolved_still_in_chain"] == len(resolved)
    assert "still in the chain" in render_diff_markdown(diff)
    # a supplier gone: no level now
    gone = diff_assessments(old, _doc(tmp_path, "gone", [OFFICE]))
    assert {f["now_level"] for f in gone["resolved_flags"]} == {None}
    assert gone["summary"]["resolved_still_in_chain"] == 0


@pytest.mark.parametrize(
    ("name", "what"), [("chain.yaml", "a chain file or a register"), ("report.md", "a report")]
)
def test_a_chain_file_or_report_given_to_diff_is_named(
    tmp_path: Path, name: str, what: str
) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_doc(tmp_path, "old", [OFFICE])), "utf-8")
    other = tmp_path / name
    other.write_text("suppliers:\n  - {id: A}\n", "utf-8")
    done = CliRunner().invoke(app, ["diff", str(old), str(other), "-q"])
    assert done.exit_code == 2
    assert f"it looks like {what}; give the assessment JSON" in done.output


def test_the_markdown_diff_gives_each_flags_sector_and_priority(tmp_path: Path) -> None:
    """The Excel diff listed them; the Markdown diff left them out."""
    diff = diff_assessments(_doc(tmp_path, "old", [OFFICE]), _doc(tmp_path, "new", [OFFICE, FARM]))
    md = render_diff_markdown(diff)
    header = next(
        line for line in md.split("## New flags", 1)[1].splitlines() if line.startswith("|")
    )
    assert header.endswith("| country | sector | priority |")
    row = next(f for f in diff["new_flags"] if f["supplier_id"] == "F1")
    assert f"| cocoa-farming | {row['priority']} |" in md


def test_a_certificate_expired_by_a_later_as_of_date_is_a_change_said_so(tmp_path: Path) -> None:
    """The same file assessed after its certificate's expiry: its flags move up, and the
    table of suppliers changed says why ("valid until 2025-12-31" → "expired 2025-12-31"),
    as it says an audit aged out of its window. Before, the change was left out (a
    reviewer's new flags had no reason), and the note of the unchanged input file now says
    that the two assessments are as of two days."""
    from ddtool.assess import AssessOptions

    def made(name: str, until: str, as_of: str) -> Any:
        cert = f"Rainforest Alliance (valid until {until})"
        farm = {**FARM, "certifications": [cert]}
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": [farm]}), "utf-8")
        import datetime as dt

        return assess([path], AssessOptions(as_of=dt.date.fromisoformat(as_of))).data

    before = made("a", "2025-12-31", "2025-06-30")
    later = made("a", "2025-12-31", "2026-06-30")
    diff = diff_assessments(before, later)
    [change] = diff["suppliers_changed"]
    assert change["field"] == "certifications"
    assert any("valid until 2025-12-31" in str(v) for v in change["old"])
    assert any("expired 2025-12-31" in str(v) for v in change["new"])
    assert not diff["input_changed"]
    md = render_diff_markdown(diff)
    assert (
        "The input file is unchanged (same sha256); the assessments are as of 2025-06-30 and"
        " 2026-06-30, so audits and certificates may have aged or expired between them" in md
    )
    # the same day: no change, and the plain note
    again = diff_assessments(later, made("a", "2025-12-31", "2026-06-30"))
    assert again["suppliers_changed"] == []
    assert "The input file is unchanged (same sha256).\n" in render_diff_markdown(again)


def test_a_priority_moved_within_a_level_is_listed(tmp_path: Path) -> None:
    """A failed audit raises a tannery's priorities from 0.37 to 0.46, medium both years.
    Before, the diff said "Changed flags: none": the year-on-year effect of an audit (or of a
    measure taken) within a level was only a line among the suppliers changed."""
    tannery = {"id": "L1", "name": "Tannery", "country": "IND", "sector": "leather-tanning"}
    failed = {**tannery, "audits": [{"standard": "SMETA", "date": "2025-05-01", "result": "fail"}]}
    old = _doc(tmp_path, "old", [tannery])
    new = _doc(tmp_path, "new", [failed])
    diff = diff_assessments(old, new)
    assert diff["changed_flags"] == []
    moved = diff["priority_changes"]
    assert {m["risk_type"] for m in moved} == {"child_labour", "forced_labour", "human_trafficking"}
    for m in moved:
        assert m["old_level"] == m["new_level"] == "medium"
        assert m["new_priority"] > m["old_priority"] and m["direction"] == "up"
    sizes = [m["new_priority"] - m["old_priority"] for m in moved]
    assert sizes == sorted(sizes, reverse=True)  # (the largest move first)
    assert diff["summary"]["priority_changed"] == 3 == diff["summary"]["priority_up"]
    md = render_diff_markdown(diff)
    assert "| Priority changes within a level | 3 (3 up, 0 down) |" in md
    assert "## Priority changes within a level" in md
    back = diff_assessments(new, old)
    assert back["summary"]["priority_down"] == 3
    assert diff_assessments(old, old)["priority_changes"] == []


@pytest.mark.parametrize("command", ["diff", "report"])
def test_a_workbook_given_as_an_assessment_is_named(tmp_path: Path, command: str) -> None:
    """A chain workbook (no UTF-8 text) given to `report` or `diff`: said to look like a chain
    file, with what to give. Before, "not UTF-8 text" alone."""
    old = tmp_path / "old.json"
    old.write_text(json.dumps(_doc(tmp_path, "old", [OFFICE])), "utf-8")
    book = tmp_path / "suppliers.xlsx"
    book.write_bytes(b"PK\x03\x04\xff\xfe" + bytes(range(200, 256)))
    args = ["diff", str(old), str(book)] if command == "diff" else ["report", str(book)]
    done = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "out.md")])
    assert done.exit_code == 2
    text = " ".join(done.output.split())
    assert "not UTF-8 text): it looks like a chain file or a register; give the assessment" in text


def test_a_medium_exposure_on_missing_data_is_shown_so(tmp_path: Path) -> None:
    """The reports said "medium (data gap)" where a supplier of no known sector bore on the
    company's forced-labour exposure; the diff said "medium", so a gap closed did not show."""
    unknown = {"id": "A1", "name": "Agency", "country": "PAK", "sector": "widget stuff"}
    known = {**unknown, "sector": "logistics-transport"}
    old, new = _doc(tmp_path, "old", [unknown]), _doc(tmp_path, "new", [known])
    shown = chain_levels(old)
    [row] = [r for r in diff_assessments(old, new)["exposure"] if r["risk_type"] == "forced_labour"]
    assert row["old_level"] == shown["forced_labour"]
    assert row["old_level"].endswith("(data gap)") and not row["old_level"].startswith("low")
    assert row["new_level"] == chain_levels(new)["forced_labour"]
