"""`diff`: a supplier under a new id (`same_as` a removed one) keeps its findings. Its flags
that match the removed supplier's are re-identified, not new and resolved, in every output,
and trip `--fail-on-new` only when their level rose across the threshold."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, is_empty, new_at_or_above
from ddtool.reporters.diff_report import render_diff_markdown, render_diff_terminal, write_diff

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"

# A cocoa cooperative in Ghana (flagged: child labour critical, forced labour and trafficking
# medium) with a farm group beneath it, which names it as its buyer.
TRADER = {"id": "T1", "name": "Trader", "country": "GHA", "sector": "cocoa-trading"}
COOP = {
    "id": "C2",
    "name": "Sefwi Growers",
    "country": "GHA",
    "sector": "cocoa-farming",
    "products": ["cocoa beans"],
    "buyers": ["T1"],
}
FARM = {"id": "F1", "name": "Farm group", "country": "GHA", "sector": "cocoa-farming"}
FAILED_AUDIT = {"audits": [{"standard": "SMETA", "date": "2025-10-01", "result": "fail"}]}
PASSED_AUDIT = {"audits": [{"standard": "SMETA", "date": "2025-10-01", "result": "pass"}]}


def flag_id(supplier_id: str, risk_type: str) -> str:
    """A flag's stable id, as docs/json-contract.md defines it."""
    return "FL-" + hashlib.sha1(f"{supplier_id}|{risk_type}".encode()).hexdigest()[:10]


def chain(
    tmp_path: Path, name: str, coop: dict[str, Any], extra: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The assessment of the chain with this cooperative (the farm group buys from its id)."""
    path = tmp_path / f"{name}.yaml"
    farm = {**FARM, "buyers": [coop["id"]]}
    path.write_text(
        yaml.safe_dump(
            {"company": {"name": "X"}, "suppliers": [TRADER, coop, farm, *(extra or [])]}
        ),
        "utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([path]).data


@pytest.fixture(scope="module")
def last_year(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return chain(tmp_path_factory.mktemp("old"), "old", COOP)


# (case, the cooperative's entry this year, other suppliers added this year,
#  re-identified (risk type, old level, new level, direction), new flags (supplier, risk type),
#  resolved flags (supplier, risk type), --fail-on-new LEVEL -> risk types it fails on)
CASES: list[
    tuple[str, dict[str, Any], list[dict[str, Any]], list[Any], list[Any], list[Any], Any]
] = [
    (
        "id recased",
        {**COOP, "id": "c2"},
        [],
        [
            (CL, "critical", "critical", "same"),
            (FL, "medium", "medium", "same"),
            (HT, "medium", "medium", "same"),
        ],
        [],
        [],
        {"medium": [], "high": [], "critical": []},
    ),
    (
        "new id, same name, country and sector",
        {**COOP, "id": "GH-COOP-0002"},
        [],
        [
            (CL, "critical", "critical", "same"),
            (FL, "medium", "medium", "same"),
            (HT, "medium", "medium", "same"),
        ],
        [],
        [],
        {"medium": [], "high": [], "critical": []},
    ),
    (
        "id recased and a failed audit: forced labour rose to high",
        {**COOP, "id": "c2", **FAILED_AUDIT},
        [],
        [
            (CL, "critical", "critical", "same"),
            (FL, "medium", "high", "up"),
            (HT, "medium", "medium", "same"),
        ],
        [],
        [],
        {"medium": [], "high": [FL], "critical": []},
    ),
    (
        "id recased and a passed audit: trafficking fell below the flag level",
        {**COOP, "id": "c2", **PASSED_AUDIT},
        [],
        [(CL, "critical", "critical", "same"), (FL, "medium", "medium", "same")],
        [],
        [("C2", HT)],
        {"medium": [], "high": [], "critical": []},
    ),
    (
        # an export without accents or punctuation ("FAZENDA SAO JOAO" for "Fazenda São
        # João"): the name as the possible-duplicate check compares it
        "new id, the name without its punctuation",
        {**COOP, "id": "GH-COOP-0003", "name": "SEFWI-GROWERS."},
        [],
        [
            (CL, "critical", "critical", "same"),
            (FL, "medium", "medium", "same"),
            (HT, "medium", "medium", "same"),
        ],
        [],
        [],
        {"medium": [], "high": [], "critical": []},
    ),
    (
        "another supplier: new and resolved",
        {**COOP, "id": "X9", "name": "Other growers"},
        [],
        [],
        [("X9", CL), ("X9", FL), ("X9", HT)],
        [("C2", CL), ("C2", FL), ("C2", HT)],
        {"medium": [CL, FL, HT], "high": [CL], "critical": [CL]},
    ),
    (
        "id recased beside another of the same name: the recased one is it, the other new",
        {**COOP, "id": "c2"},
        [{**COOP, "id": "C2-B", "buyers": ["T1"]}],
        [
            (CL, "critical", "critical", "same"),
            (FL, "medium", "medium", "same"),
            (HT, "medium", "medium", "same"),
        ],
        [("C2-B", CL), ("C2-B", FL), ("C2-B", HT)],
        [],
        {"medium": [CL, FL, HT], "high": [CL], "critical": [CL]},
    ),
]


@pytest.mark.parametrize(
    ("coop", "extra", "reidentified", "new", "resolved", "fails"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_flags_of_a_supplier_under_a_new_id_are_re_identified(
    tmp_path: Path,
    last_year: dict[str, Any],
    coop: dict[str, Any],
    extra: list[dict[str, Any]],
    reidentified: list[tuple[str, str, str, str]],
    new: list[tuple[str, str]],
    resolved: list[tuple[str, str]],
    fails: dict[str, list[str]],
) -> None:
    diff = diff_assessments(last_year, chain(tmp_path, "new", coop, extra))
    keys = "old_id old_supplier_id id supplier_id risk_type old_level new_level direction"
    found = sorted(tuple(r[k] for k in keys.split()) for r in diff["reidentified_flags"])
    assert found == sorted(
        (flag_id("C2", rt), "C2", flag_id(coop["id"], rt), coop["id"], rt, was, now, way)
        for rt, was, now, way in reidentified
    )
    assert sorted((f["supplier_id"], f["risk_type"]) for f in diff["new_flags"]) == new
    assert sorted((f["supplier_id"], f["risk_type"]) for f in diff["resolved_flags"]) == resolved
    summary = diff["summary"]
    assert (summary["new_flags"], summary["resolved_flags"]) == (len(new), len(resolved))
    assert summary["reidentified_flags"] == len(reidentified)
    assert summary["reidentified_up"] == sum(1 for r in reidentified if r[3] == "up")
    # the terminal's headline counts them, and how many rose or fell, as the Markdown does
    console = Console(width=300, record=True)
    render_diff_terminal(diff, console)
    headline = console.export_text().splitlines()[0]
    ups = [r[3] for r in reidentified]
    assert (
        f"{len(ups)} re-identified ({ups.count('up')} up, {ups.count('down')} down)" in headline
    ) is bool(reidentified)
    # (child labour is the cooperative's one critical flag)
    assert summary["new_flags_by_level"]["critical"] == sum(1 for _, rt in new if rt == CL)
    for level, risk_types in fails.items():
        assert sorted(f["risk_type"] for f in new_at_or_above(diff, level)) == risk_types
    # the farm group buys from the cooperative under its new id: not a change of buyer
    assert [c for c in diff["suppliers_changed"] if c["id"] == "F1"] == (
        []
        if reidentified
        else [
            {
                "id": "F1",
                "name": "Farm group",
                "field": "buyers",
                "old": ["C2"],
                "new": [coop["id"]],
            }
        ]
    )
    assert not is_empty(diff)


def test_re_identified_flags_in_every_output(tmp_path: Path, last_year: dict[str, Any]) -> None:
    """Terminal, Markdown, JSON and Excel: a category of their own, named as such, with the
    sentence on added suppliers that may be removed ones; the JSON of diff 1.1 keeps every
    key it had."""
    diff = diff_assessments(last_year, chain(tmp_path, "new", {**COOP, "id": "c2"}))
    pairs = {(flag_id("C2", rt), flag_id("c2", rt)) for rt in (CL, FL, HT)}

    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert (
        "Assessment diff: 0 new, 0 resolved, 0 changed (0 up, 0 down), 3 re-identified (0 up,"
        " 0 down);" in text
    )
    assert "Re-identified flags (3)" in text and "C2 → c2" in text
    assert all(f"{old} → {new}" in text for old, new in pairs)
    assert "New flags" not in text and "Resolved flags" not in text
    assert "may be removed ones under a new id" in text

    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert (
        "| Re-identified flags (same finding under a new id: a supplier's or an inferred"
        " tier's) | 3 (0 up, 0 down) |" in md
    )
    assert "| New flags | 0 |" in md and "| Resolved flags | 0 |" in md
    section = md.split("## Re-identified flags", 1)[1].split("## ", 1)[0]
    assert all(f"| {old} | {new} | " in section for old, new in pairs)
    assert "may be removed ones under a new id (same\\_as)" in md

    write_diff(diff, tmp_path / "d.json")
    saved = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert saved["schema_version"] == "1.13"
    assert {(r["old_id"], r["id"]) for r in saved["reidentified_flags"]} == pairs
    keys_of_1_1 = {
        "kind",
        "schema_version",
        "old",
        "new",
        "summary",
        "profiles_changed",
        "profiles",
        "input_changed",
        "input",
        "new_flags",
        "resolved_flags",
        "changed_flags",
        "suppliers_added",
        "suppliers_removed",
        "suppliers_changed",
    }
    assert keys_of_1_1 <= set(saved)
    assert {
        "new_flags",
        "resolved_flags",
        "changed_flags",
        "changed_up",
        "changed_down",
        "new_flags_by_level",
        "suppliers_added",
        "suppliers_removed",
        "suppliers_changed",
        "company_changed",
        "profiles_changed",
        "input_changed",
    } <= set(saved["summary"])
    assert saved["suppliers_added"] == [
        {
            "id": "c2",
            "name": "Sefwi Growers",
            "country": "GHA",
            "sector": "cocoa-farming",
            "sector_as_written": "cocoa-farming",
            "same_as": "C2",
            "may_be": [],
        }
    ]

    write_diff(diff, tmp_path / "d.xlsx")
    book = load_workbook(tmp_path / "d.xlsx")
    rows = list(book["Re-identified flags"].iter_rows(values_only=True))
    entries = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {(e["old_id"], e["id"]) for e in entries} == pairs
    assert {e["risk_type"] for e in entries} == {
        "child labour",
        "forced labour",
        "human trafficking",
    }
    assert book["New flags"].max_row == book["Resolved flags"].max_row == 1  # headers only
    about = dict(book["About"].iter_rows(values_only=True))
    assert about["reidentified_flags"] == 3
    assert "may be removed ones under a new id" in str(about["note"])


def test_the_auditors_recased_workbook_does_not_fail_the_gate(tmp_path: Path) -> None:
    """The report's case: COOP-GH-2 written coop-gh-2 throughout the cocoa workbook."""
    openpyxl = pytest.importorskip("openpyxl")
    old_book = tmp_path / "old.xlsx"
    shutil.copy(SAMPLES / "cocoa_suppliers.xlsx", old_book)
    book = openpyxl.load_workbook(old_book)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "COOP-GH-2" in cell.value:
                    cell.value = cell.value.replace("COOP-GH-2", "coop-gh-2")
    book.save(tmp_path / "new.xlsx")
    runner = CliRunner()
    for name in ("old", "new"):
        done = runner.invoke(
            app,
            ["assess", str(tmp_path / f"{name}.xlsx"), "-q", "-o", str(tmp_path / f"{name}.json")],
            env={"SOURCE_DATE_EPOCH": "1767225600"},
        )
        assert done.exit_code == 0, done.output
    done = runner.invoke(
        app,
        [
            "diff",
            str(tmp_path / "old.json"),
            str(tmp_path / "new.json"),
            "--fail-on-new",
            "high",
            "-o",
            str(tmp_path / "d.json"),
        ],
        env={"COLUMNS": "200"},
    )
    assert done.exit_code == 0, done.output
    assert "0 new, 0 resolved" in done.output and "3 re-identified" in done.output
    saved = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert {
        (r["old_supplier_id"], r["supplier_id"], r["risk_type"], r["level"])
        for r in saved["reidentified_flags"]
    } == {
        ("COOP-GH-2", "coop-gh-2", CL, "critical"),
        ("COOP-GH-2", "coop-gh-2", FL, "medium"),
        ("COOP-GH-2", "coop-gh-2", HT, "medium"),
    }
    assert saved["summary"]["suppliers_changed"] == 0  # the farms' buyer is the same one


def _ginnery_chain(tmp_path: Path, name: str, country: str, mill: str = "T2") -> dict[str, Any]:
    """A garment maker's spinner (under this id) buying from a ginnery in this country: the
    cotton farms beneath it are inferred, in the ginnery's country where it produces cotton
    (seed cotton is ginned near the fields)."""
    path = tmp_path / f"{name}.yaml"
    suppliers = [
        {"id": "T1", "name": "Maker", "country": "BGD", "sector": "garment-manufacturing"},
        {
            "id": mill,
            "name": "Mill",
            "country": "BGD",
            "sector": "textile-spinning",
            "buyers": ["T1"],
        },
        {
            "id": "T3",
            "name": "Gin",
            "country": country,
            "sector": "cotton-ginning",
            "buyers": [mill],
        },
    ]
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    return assess([path]).data


# (the ginnery's country before and after; whether its farms' findings rise to critical: a
# Pakistani ginnery's farms are Pakistan's, high for child labour; a German one's are of
# cotton's origin mix, critical at its worst case, China's forced child labour)
@pytest.mark.parametrize(
    ("before", "after", "risen"),
    [("DEU", "TKM", False), ("TKM", "PAK", False), ("PAK", "DEU", True)],
)
def test_an_inferred_tier_inferred_again_under_a_new_id_keeps_its_findings(
    tmp_path: Path, before: str, after: str, risen: bool
) -> None:
    """The ginnery moved country: the farms inferred beneath it lean elsewhere and take a new
    id (…@world → …@TKM). Their flags are the same findings: re-identified, not three new
    critical flags and three resolved ones that fail `--fail-on-new critical`."""
    old = _ginnery_chain(tmp_path, "old", before)
    new = _ginnery_chain(tmp_path, "new", after)
    [was] = [s["id"] for s in old["suppliers"] if s["inferred"]]
    [now] = [s["id"] for s in new["suppliers"] if s["inferred"]]
    # (the same stage: farms of cotton's origin mix, or a producing country's own farms)
    assert was != now and was.split("@")[0].split(":")[:2] == now.split("@")[0].split(":")[:2]
    diff = diff_assessments(old, new)
    assert {(r["old_supplier_id"], r["supplier_id"]) for r in diff["reidentified_flags"]} == {
        (was, now)
    }
    assert len(diff["reidentified_flags"]) == 3  # one per risk type
    inferred = [f for k in ("new_flags", "resolved_flags") for f in diff[k] if f["inferred"]]
    assert inferred == []
    reached = [f for f in new_at_or_above(diff, "critical") if f.get("inferred")]
    assert bool(reached) == risen
    assert {f["id"] for f in reached} <= {r["id"] for r in diff["reidentified_flags"]}


def test_an_inferred_tier_that_could_be_either_of_two_is_paired_with_neither(
    tmp_path: Path,
) -> None:
    """Two ginneries in Germany share the farms inferred beneath them (…@world); each moved,
    to Turkmenistan and to Pakistan. Which of the two new inferred tiers the old one became is
    not known, so neither is paired (new and resolved, as before)."""

    def assessed(name: str, countries: tuple[str, str]) -> dict[str, Any]:
        path = tmp_path / f"{name}.yaml"
        suppliers = [
            {"id": "T1", "name": "Maker", "country": "BGD", "sector": "garment-manufacturing"},
            {"id": "T2", "name": "Mill", "country": "BGD", "sector": "textile-spinning"},
            *(
                {"id": f"G{i}", "name": f"Gin {i}", "country": country, "buyers": ["T2"]}
                | {"sector": "cotton-ginning"}
                for i, country in enumerate(countries)
            ),
        ]
        suppliers[1]["buyers"] = ["T1"]
        path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
        return assess([path]).data

    old, new = assessed("old", ("DEU", "DEU")), assessed("new", ("TKM", "PAK"))
    assert [s["buyers"] for s in old["suppliers"] if s["inferred"]] == [["G0", "G1"]]
    diff = diff_assessments(old, new)
    assert not [r for r in diff["reidentified_flags"] if r.get("inferred")]
    assert [f for f in diff["resolved_flags"] if f["inferred"]]


def test_every_stage_inferred_beneath_a_supplier_that_moved_is_re_identified(
    tmp_path: Path,
) -> None:
    """A garment maker moved from Bangladesh to Turkmenistan: the finishing, fabric and
    spinning stages inferred beneath it, each the buyer of the next, all take new ids
    (…@BGD → …@TKM). Each is paired once its buyer is: no inferred flag is new or resolved."""
    text = (SAMPLES / "garment.yaml").read_text("utf-8")
    moved = yaml.safe_load(text)
    [maker] = [s for s in moved["suppliers"] if s["id"] == "G-BD-2"]
    maker["country"] = "Turkmenistan"
    (tmp_path / "moved.yaml").write_text(yaml.safe_dump(moved, allow_unicode=True), "utf-8")
    old = assess([SAMPLES / "garment.yaml"]).data
    new = assess([tmp_path / "moved.yaml"]).data
    diff = diff_assessments(old, new)
    assert not [f for k in ("new_flags", "resolved_flags") for f in diff[k] if f["inferred"]]
    paired = {(r["old_supplier_id"], r["supplier_id"]) for r in diff["reidentified_flags"]}
    stages = {(a.rpartition("@")[0], b.rpartition("@")[0]) for a, b in paired}
    assert all(a == b for a, b in stages)
    assert {b.rpartition("@")[2] for _, b in paired} >= {"TKM"}
    assert len({a for a, _ in paired}) >= 3  # finishing, fabric and spinning at least


def test_the_same_as_note_counts_the_renamed_suppliers_flags_only(tmp_path: Path) -> None:
    """The spinner took a new id and the ginnery beneath it moved country: the farms inferred
    beneath re-identify too, but they are no flags of the renamed supplier (the note said
    "14 of their flags" where 3 were)."""
    from ddtool.reporters.diff_report import _same_as_note

    old = _ginnery_chain(tmp_path, "old", "DEU")
    new = _ginnery_chain(tmp_path, "new", "TKM", mill="T2X")
    diff = diff_assessments(old, new)
    [added] = diff["suppliers_added"]
    assert (added["id"], added["same_as"]) == ("T2X", "T2")
    own = [r for r in diff["reidentified_flags"] if r["supplier_id"] == "T2X"]
    inferred = [r for r in diff["reidentified_flags"] if r["supplier_id"].startswith("inferred:")]
    assert own and inferred
    note = _same_as_note(diff)
    assert note is not None and f"; {len(own)} of their flags match a removed one's" in note


def test_the_resolved_flags_of_a_supplier_gone_from_the_chain_say_so(
    tmp_path: Path, last_year: dict[str, Any]
) -> None:
    """A ranch left out of the new file resolved its flags, a critical one among them, which
    read as remediation; the diff now says that their supplier is gone."""
    diff = diff_assessments(last_year, chain(tmp_path, "new", {**COOP, "id": "X9", "name": "X"}))
    md = render_diff_markdown(diff)
    assert "3 resolved flags are of a supplier no longer in the chain" in md
    resolved = md.split("## Resolved flags", 1)[1].split("## Changed flags", 1)[0]
    assert resolved.count("| gone |") == 3
    console = Console(width=300, record=True)
    render_diff_terminal(diff, console)
    assert "3 resolved flags are of a supplier no longer in the chain" in console.export_text()
