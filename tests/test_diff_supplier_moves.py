"""Each mapped supplier's data gaps closed and opened and its own exposure, before and after
(diff JSON 1.13). A minerals manager mapped a tantalum mine beneath a smelter: the smelter's
gap "tiers below not mapped (inferred)" closed and its exposure fell from critical (from the
inferred mine) to low, while no flag changed (the inferred mines stay for the other
smelter). The diff said "0 new, 0 resolved, 0 changed" and nothing of the smelter."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, load_for_diff
from ddtool.reporters.diff_report import render_diff_markdown, render_diff_terminal
from ddtool.reporters.shown import RISK_NAMES
from ddtool.reporters.terminal import RISK_NAMES as TERMINAL_RISK_NAMES

CAP = {
    "id": "CAP-1",
    "name": "Capacitor maker",
    "country": "China",
    "sector": "electronic-components",
    "products": ["tantalum capacitors"],
}
SMELTER = {
    "id": "SM-1",
    "name": "Smelter one",
    "country": "Kazakhstan",
    "sector": "smelting-refining",
    "products": ["tantalum powder"],
    "buyers": ["CAP-1"],
    "share": 0.5,
}
OTHER_SMELTER = {**SMELTER, "id": "SM-2", "name": "Smelter two"}
MINE = {
    "id": "MINE-1",
    "name": "Pitinga mine",
    "country": "Brazil",
    "sector": "industrial-mining",
    "products": ["tantalum concentrate"],
    "buyers": ["SM-1"],
    "share": 1.0,
}
FORWARDER = {"id": "L1", "name": "Forwarder", "country": "DEU", "sector": "logistics-transport"}
GRINDER = {"id": "M1", "name": "Grinder", "country": "NLD", "sector": "cocoa-processing"}
SMELTERS = [CAP, SMELTER, OTHER_SMELTER]
BLANKED = {**FORWARDER, "country": ""}
UNMAPPED = "tiers below not mapped (inferred)"
CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"

# (case, old chain, new chain, gaps {id, closed, opened}, exposure rows {id, risk type, old
# level, new level, direction}, whether any flag list is not empty)
CASES: list[tuple[str, list[Any], list[Any], list[Any], list[Any], bool]] = [
    (
        "a mine mapped beneath a smelter",
        SMELTERS,
        [*SMELTERS, MINE],
        [("SM-1", [UNMAPPED], [])],
        [
            ("SM-1", CL, "critical", "low", "down"),
            ("SM-1", FL, "critical", "medium", "down"),
            ("SM-1", HT, "critical", "medium", "down"),
        ],
        False,  # (the inferred mines stay beneath the other smelter: no flag moves)
    ),
    (
        "a smelter under a new id, its mine mapped",
        SMELTERS,
        [CAP, {**SMELTER, "id": "SM-01"}, OTHER_SMELTER, {**MINE, "buyers": ["SM-01"]}],
        [("SM-01", [UNMAPPED], [])],
        [
            ("SM-01", CL, "critical", "low", "down"),
            ("SM-01", FL, "critical", "medium", "down"),
            ("SM-01", HT, "critical", "medium", "down"),
        ],
        True,  # (its flags re-identified under the new id)
    ),
    (
        "a country blanked",
        [FORWARDER, GRINDER],
        [BLANKED, GRINDER],
        [("L1", [], ["country unknown"])],
        [
            ("L1", CL, "low", "low (data gap)", "up"),
            ("L1", FL, "low", "medium (data gap)", "up"),
            ("L1", HT, "low", "medium (data gap)", "up"),
        ],
        True,  # (its worst case flagged)
    ),
    (
        "the country given again",
        [BLANKED, GRINDER],
        [FORWARDER, GRINDER],
        [("L1", ["country unknown"], [])],
        [
            ("L1", CL, "low (data gap)", "low", "down"),
            ("L1", FL, "medium (data gap)", "low", "down"),
            ("L1", HT, "medium (data gap)", "low", "down"),
        ],
        True,
    ),
    ("nothing changed", SMELTERS, SMELTERS, [], [], False),
]
IDS = [case[0] for case in CASES]
FLAG_LISTS = (
    "new_flags",
    "resolved_flags",
    "changed_flags",
    "priority_changes",
    "reidentified_flags",
)


def _assessed(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> Any:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    return assess([path]).data


def _saved(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> Path:
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(_assessed(tmp_path, name, suppliers)), "utf-8")
    return path


def _exposure(document: dict[str, Any], supplier_id: str, risk_type: str) -> Any:
    entry = next(s for s in document["suppliers"] if s["id"] == supplier_id)
    return entry["exposure"][risk_type]["priority"]


@pytest.mark.parametrize(("case", "old", "new", "gaps", "moved", "flags"), CASES, ids=IDS)
def test_each_suppliers_gaps_and_own_exposure_before_and_after(
    tmp_path: Path,
    case: str,
    old: list[Any],
    new: list[Any],
    gaps: list[Any],
    moved: list[Any],
    flags: bool,
) -> None:
    before, after = _assessed(tmp_path, "old", old), _assessed(tmp_path, "new", new)
    diff = diff_assessments(before, after)
    assert diff["schema_version"] == "1.13"
    assert [(g["id"], g["closed"], g["opened"]) for g in diff["supplier_gaps"]] == gaps
    rows = diff["supplier_exposure"]
    assert [
        (r["id"], r["risk_type"], r["old_level"], r["new_level"], r["direction"]) for r in rows
    ] == moved
    renamed = {a["id"]: a["same_as"] for a in diff["suppliers_added"] if a["same_as"]}
    for row in rows:  # (each assessment's own figure: the supplier entry's exposure)
        was_id = renamed.get(row["id"], row["id"])
        assert row["old_priority"] == _exposure(before, was_id, row["risk_type"])
        assert row["new_priority"] == _exposure(after, row["id"], row["risk_type"])
        assert row["name"] == next(s["name"] for s in new if s["id"] == row["id"])
    assert any(diff[key] for key in FLAG_LISTS) == flags
    s = diff["summary"]
    assert (s["gaps_closed"], s["gaps_opened"]) == (
        sum(len(g[1]) for g in gaps),
        sum(len(g[2]) for g in gaps),
    )
    assert (s["supplier_exposure_up"], s["supplier_exposure_down"]) == (
        sum(1 for m in moved if m[4] == "up"),
        sum(1 for m in moved if m[4] == "down"),
    )
    assert s["supplier_exposure_not_known"] == s["supplier_gaps_not_known"] == 0


def test_a_mine_mapped_beneath_a_smelter_moves_no_flag_and_is_told(tmp_path: Path) -> None:
    """The reviewer's case, said in the headline: before, "0 new, 0 resolved, 0 changed"
    and nothing of the smelter."""
    diff = diff_assessments(
        _assessed(tmp_path, "old", SMELTERS), _assessed(tmp_path, "new", [*SMELTERS, MINE])
    )
    console = Console(width=300, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert (
        "Assessment diff: 0 new, 0 resolved, 0 changed (0 up, 0 down); suppliers +1 -0,"
        " 0 changed; suppliers' own exposure 0 up, 3 down; data gaps 1 closed, 0 opened"
    ) in text
    assert f"│ SM-1 │ Smelter one │ {UNMAPPED} │ none   │" in text
    assert "critical → low" in text and "critical → medium" in text


@pytest.mark.parametrize("case", [CASES[0], CASES[2]], ids=[CASES[0][0], CASES[2][0]])
def test_the_terminal_markdown_excel_and_json_diffs_agree(tmp_path: Path, case: Any) -> None:
    _, old, new, *_ = case
    paths = [_saved(tmp_path, "old", old), _saved(tmp_path, "new", new)]
    outputs = [tmp_path / f"d.{suffix}" for suffix in ("json", "md", "xlsx")]
    done = CliRunner().invoke(
        app,
        ["diff", *map(str, paths), *(a for out in outputs for a in ("-o", str(out)))],
        env={"COLUMNS": "250"},
    )
    assert done.exit_code == 0, done.output
    saved = json.loads(outputs[0].read_text("utf-8"))
    # the JSON written is the diff made of the two files
    made = diff_assessments(*(load_for_diff(path) for path in paths))
    for key in ("supplier_gaps", "supplier_exposure"):
        assert saved[key] == made[key] and saved[key]
    gaps = [
        (g["id"], g["name"], "; ".join(g["closed"]) or "none", "; ".join(g["opened"]) or "none")
        for g in saved["supplier_gaps"]
    ]
    rows = [
        (
            r["id"],
            r["name"],
            RISK_NAMES[r["risk_type"]],
            r["old_level"],
            r["new_level"],
            r["old_priority"],
            r["new_priority"],
            r["direction"],
        )
        for r in saved["supplier_exposure"]
    ]
    s = saved["summary"]
    counts = (s["gaps_closed"], s["gaps_opened"], s["supplier_exposure_up"])
    counts += (s["supplier_exposure_down"],)
    # Markdown: the counts, and each row
    md = outputs[1].read_text("utf-8")
    assert (
        f"| Suppliers' data gaps | {counts[0]} closed, {counts[1]} opened ({len(gaps)} supplier) |"
    ) in md
    assert (
        f"| Suppliers' own exposure moved (per risk type) | {len(rows)} ({counts[2]} up,"
        f" {counts[3]} down) |"
    ) in md
    for row in [*gaps, *rows]:
        assert "| " + " | ".join(map(str, row)) + " |" in md
    # Excel: the sheets hold the same rows, the About sheet the same counts
    book = load_workbook(outputs[2])
    assert list(book["Supplier data gaps"].iter_rows(values_only=True))[1:] == gaps
    assert list(book["Supplier exposure"].iter_rows(values_only=True))[1:] == rows
    about = dict(book["About"].iter_rows(values_only=True))
    keys = ("gaps_closed", "gaps_opened", "supplier_exposure_up", "supplier_exposure_down")
    assert tuple(about[k] for k in keys) == counts
    # the terminal: the counts in the headline, and each row
    text = done.stdout
    assert (
        f"suppliers' own exposure {counts[2]} up, {counts[3]} down; data gaps {counts[0]}"
        f" closed, {counts[1]} opened"
    ) in " ".join(text.split())
    lines = [" ".join(line.replace("│", " ").split()) for line in text.splitlines()]
    for supplier_id, name, closed, opened in gaps:
        assert f"{supplier_id} {name} {closed} {opened}" in lines
    for supplier_id, name, risk_name, old_level, new_level, was, now, _ in rows:
        level = new_level if old_level == new_level else f"{old_level} → {new_level}"
        risk = TERMINAL_RISK_NAMES[next(r for r, n in RISK_NAMES.items() if n == risk_name)]
        assert f"{supplier_id} {name} {risk} {level} {was} → {now}" in lines


def test_nothing_changed_lists_nothing(tmp_path: Path) -> None:
    """The same assessment twice: no row, the counts 0, the headline and the terminal as
    they were (no table, no clause), the Markdown's sections saying so."""
    document = _assessed(tmp_path, "old", [*SMELTERS, MINE, FORWARDER, BLANKED | {"id": "L2"}])
    diff = diff_assessments(document, document)
    assert diff["supplier_gaps"] == diff["supplier_exposure"] == []
    assert all(
        diff["summary"][key] == 0
        for key in (
            "gaps_closed",
            "gaps_opened",
            "supplier_gaps_not_known",
            "supplier_exposure_up",
            "supplier_exposure_down",
            "supplier_exposure_not_known",
        )
    )
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert text.splitlines()[0].endswith("; suppliers +0 -0, 0 changed")
    assert "Suppliers'" not in text and "not known" not in text
    md = render_diff_markdown(diff)
    assert "| Suppliers' data gaps | 0 closed, 0 opened (0 suppliers) |" in md
    for title in (
        "## Suppliers' data gaps closed and opened (0 suppliers: 0 closed, 0 opened)",
        "## Suppliers' own exposure (0 moved: 0 up, 0 down)",
    ):
        assert f"{title}\n\nNone.\n" in md


def test_the_terminal_prints_the_first_rows_and_says_how_many_more(tmp_path: Path) -> None:
    """Twelve forwarders' countries blanked: the terminal's tables stop at 10 rows and say
    how many more, and where they all are; the Markdown lists all twelve."""
    forwarders = [{**FORWARDER, "id": f"L{i:02}", "name": f"Forwarder {i}"} for i in range(12)]
    diff = diff_assessments(
        _assessed(tmp_path, "old", forwarders),
        _assessed(tmp_path, "new", [{**f, "country": ""} for f in forwarders]),
    )
    assert len(diff["supplier_gaps"]) == 12 and len(diff["supplier_exposure"]) == 36
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    where = ": the JSON and Excel diffs (`-o diff.json`, `-o diff.xlsx`) list them all."
    assert f"… and 2 more{where}" in text and f"… and 26 more{where}" in text
    tables = text.split("Suppliers' data gaps closed and opened", 1)[1]
    assert sum(1 for line in tables.splitlines() if "│ L" in line) == 10 + 10
    md = render_diff_markdown(diff).split("## Suppliers' data gaps", 1)[1]
    assert sum(1 for line in md.splitlines() if line.startswith("| L")) == 12 + 36
    assert "… and" not in md


@pytest.mark.parametrize("quiet", [True, False])
def test_an_assessment_without_the_suppliers_exposure_still_diffs(
    tmp_path: Path, quiet: bool
) -> None:
    """An assessment whose supplier entries do not record their exposure (an earlier
    schema): the diff is made, their gaps compared, their exposure said not known in every
    output, never taken for unchanged."""
    old = _assessed(tmp_path, "old", SMELTERS)
    for entry in old["suppliers"]:
        entry.pop("exposure")
    paths = [tmp_path / "old.json", _saved(tmp_path, "new", [*SMELTERS, MINE])]
    paths[0].write_text(json.dumps(old), "utf-8")
    outputs = [tmp_path / f"d.{suffix}" for suffix in ("json", "md", "xlsx")]
    done = CliRunner().invoke(
        app,
        [
            "diff",
            *map(str, paths),
            *(["-q"] if quiet else []),
            *(a for out in outputs for a in ("-o", str(out))),
        ],
        env={"COLUMNS": "250"},
    )
    assert done.exit_code == 0, done.output
    saved = json.loads(outputs[0].read_text("utf-8"))
    assert saved["supplier_exposure"] == []
    assert saved["summary"]["supplier_exposure_not_known"] == 3  # (the three in both)
    assert [g["id"] for g in saved["supplier_gaps"]] == ["SM-1"]
    said = "Suppliers' own exposure not known for 3 of the suppliers in both"
    assert said in outputs[1].read_text("utf-8")
    about = [row[1] for row in load_workbook(outputs[2])["About"].iter_rows(values_only=True)]
    assert any(str(value).startswith(said) for value in about)
    if not quiet:
        assert said in " ".join(done.stdout.split())


def test_an_assessment_before_schema_2_3_shows_the_levels_its_reports_show(
    tmp_path: Path,
) -> None:
    """A document that does not say which gaps bear on each exposure (before 2.3: no
    `on_a_gap`, no `data_gaps` in the summary's exposure) is read as its reports read it,
    from its entries: the same rows, "medium (data gap)" included."""
    before = _assessed(tmp_path, "old", [FORWARDER, GRINDER])
    after = _assessed(tmp_path, "new", [BLANKED, GRINDER])
    expected = diff_assessments(before, after)["supplier_exposure"]
    for document in (before, after):
        document["schema_version"] = "2.2"
        for exposure in document["summary"]["exposure"].values():
            exposure.pop("data_gaps")
        for entry in document["suppliers"]:
            for exposure in entry["exposure"].values():
                exposure.pop("on_a_gap", None)
    assert diff_assessments(before, after)["supplier_exposure"] == expected
    assert {row["new_level"] for row in expected} == {"low (data gap)", "medium (data gap)"}


def test_the_schema_1_0_assessment_diffs_against_itself_with_nothing_moved() -> None:
    """A 1.0 assessment (its suppliers' exposure without `on_a_gap`) against itself."""
    path = Path(__file__).resolve().parent / "assets" / "diff" / "cocoa-schema-1.0.json"
    document = load_for_diff(path)
    diff = diff_assessments(document, document)
    assert diff["supplier_gaps"] == diff["supplier_exposure"] == []
    assert diff["summary"]["supplier_exposure_not_known"] == 0


def test_a_diff_keeps_one_exposure_for_the_suppliers_whose_exposures_are_alike(
    tmp_path: Path,
) -> None:
    """What keeps a 10^5-supplier diff's memory as it was: the exposures kept are shared,
    and hold only the level, the priority and whether gaps bear on it."""
    twins = [{**FORWARDER, "id": f"L{i}"} for i in range(3)]
    path = _saved(tmp_path, "old", twins)
    kept = [s["exposure"] for s in load_for_diff(path)["suppliers"] if not s["inferred"]]
    assert kept[0] is kept[1] is kept[2]
    assert all(set(e) <= {"level", "priority", "on_a_gap"} for e in kept[0].values())
