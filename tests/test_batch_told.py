"""What a batch tells the officer who runs it, in words that fit a batch: a member assessed
with warnings (a second supplier sheet left unread) is counted and shown, not a bare "ok";
advice names the settings' columns: entry, as a batch has no --map or --sheet; a company's
bad country is located at its own key; a Ctrl-C while --resume checks the earlier outputs
gets the stop report; and the files left out as no members are named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batch_support import copy_members, read_summary
from typer.testing import CliRunner

import ddtool.batch
from ddtool.batch import NAMES_SHOWN, BatchOptions, run_batch
from ddtool.cli import app

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector"]
SUPPLIERS = [
    ["S1", "Cocoa Farm One", "CIV", "cocoa-farming"],
    ["S2", "Cocoa Farm Two", "GHA", "cocoa-farming"],
    ["S3", "Cocoa Trader", "CIV", "cocoa-trade"],
]


def _invoke(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def _two_sheets(path: Path) -> Path:
    """A workbook of last year's list (one supplier) and this year's (three), as a member
    sends it: the first sheet is read, the second one is not."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Suppliers 2025"
    for row in [HEADER, SUPPLIERS[0]]:
        first.append(row)
    second = book.create_sheet("Suppliers 2026")
    for row in [HEADER, *SUPPLIERS]:
        second.append(row)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def test_a_member_with_a_sheet_left_unread_is_counted_and_told(tmp_path: Path) -> None:
    """The second sheet's suppliers were left out with "ok" and exit 0; the warning was in
    the member's assessment.json alone, and told to give files together, which in a batch
    makes two members."""
    from openpyxl import load_workbook

    _two_sheets(tmp_path / "in" / "twosheets.xlsx")
    copy_members(tmp_path / "in", "services")
    out = tmp_path / "out"
    done = _invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1")
    assert done.exit_code == 0, done.output
    [line] = [x for x in done.output.splitlines() if "] twosheets " in x]
    assert line.endswith(
        "twosheets ok, 1 warning: "
        f"{tmp_path / 'in' / 'twosheets.xlsx'}, sheet 'Suppliers 2026': only sheet 'Suppliers"
        " 2025' is read; 'Suppliers 2026' also has a supplier header and is not read: put all"
        " suppliers in one sheet (a batch reads one sheet of each member's file, and each file"
        " is a member of its own: sheets saved as files apart would be members apart)"
        " [other-supplier-sheets]"
    )
    [services] = [x for x in done.output.splitlines() if "] services " in x]
    assert services.endswith("services ok")
    assert "1 member assessed with warnings" in done.output
    assert done.output.splitlines()[-1].endswith(": twosheets (1)")
    ranking = {row["member"]: row for row in read_summary(out)["ranking"]}
    assert (ranking["twosheets"]["warnings"], ranking["services"]["warnings"]) == (1, 0)
    record = json.loads((out / "twosheets" / "result.json").read_text("utf-8"))
    assert record["warnings"] == 1 and "other-supplier-sheets" in record["first_warning"]
    sheet = load_workbook(out / "summary.xlsx")["Ranking"]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Warnings")
    assert {row[1]: row[column] for row in rows[1:]} == {"twosheets": 1, "services": 0}
    # resumed, the member is counted as before (its figures are read again)
    again = _invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--resume")
    assert "2 resumed" in again.output and "1 member assessed with warnings" in again.output
    assert {row["member"]: row["warnings"] for row in read_summary(out)["ranking"]} == {
        "twosheets": 1,
        "services": 0,
    }


def test_anonymised_the_warned_members_are_named_as_the_failures_are(tmp_path: Path) -> None:
    """Anonymised, the line of members assessed with warnings named them by their names
    alone, which the summary's pseudonyms could not be matched to: the pseudonym, then the
    name, as a failure's line gives them; and a long first warning is cut on the progress
    line (its whole text is in the member's result.json)."""
    _two_sheets(tmp_path / "in" / "twosheets.xlsx")
    out = tmp_path / "out"
    done = _invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--anonymise")
    assert done.exit_code == 0, done.output
    [pseudonym] = [row["member"] for row in read_summary(out)["ranking"]]
    assert pseudonym != "twosheets"
    assert done.output.splitlines()[-1].endswith(f": {pseudonym} (twosheets) (1)")


def test_a_resumed_members_result_gets_the_figures_read_again(tmp_path: Path) -> None:
    """A member kept by --resume had its result.json written again only where its name or
    path changed, so one written by an earlier version never got its `warnings`."""
    _two_sheets(tmp_path / "in" / "twosheets.xlsx")
    out = tmp_path / "out"
    assert _invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1").exit_code == 0
    path = out / "twosheets" / "result.json"
    record = json.loads(path.read_text("utf-8"))
    del record["warnings"], record["first_warning"]  # (as an earlier version wrote it)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", "utf-8")
    again = _invoke("batch", str(tmp_path / "in"), "-o", str(out), "-j", "1", "--resume")
    assert "1 resumed" in again.output
    record = json.loads(path.read_text("utf-8"))
    assert record["warnings"] == 1 and "other-supplier-sheets" in record["first_warning"]


def test_a_long_first_warning_is_cut_on_the_progress_line() -> None:
    from ddtool.cli import _FIRST_WARNING_SHOWN, _warned

    record = {"warnings": 2, "first_warning": "sheet 'x' " * 100 + "[other-supplier-sheets]"}
    shown = _warned(record)
    assert shown.startswith(", 2 warnings, the first: sheet 'x'")
    assert shown.endswith("… [other-supplier-sheets]")
    assert len(shown) < _FIRST_WARNING_SHOWN + 60
    assert _warned({"warnings": 1, "first_warning": "short"}) == ", 1 warning: short"
    assert _warned({"warnings": 0}) == ""


# the command, and how its no-id-column error says to map a header to the id
NO_ID_HINTS = [
    (["validate"], "--map 'Header=id'"),
    (["assess"], "--map 'Header=id'"),
    (["batch", "-j", "1"], "a columns: entry 'Header: id' in the --config file"),
]


@pytest.mark.parametrize(("command", "hint"), NO_ID_HINTS, ids=["validate", "assess", "batch"])
def test_the_no_id_column_error_fits_the_command_and_keeps_the_files_order(
    tmp_path: Path, command: list[str], hint: str
) -> None:
    """Batch said "--map 'Header=id'", which it rejects, and listed the columns in another
    order than the file's (Country, Supplier, Name)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "noid.csv").write_text("Supplier,Name,Country\nA1,Acme,CIV\n", "utf-8")
    target = folder if command[0] == "batch" else folder / "noid.csv"
    out = ["-o", str(tmp_path / ("out" if command[0] == "batch" else "out.json"))]
    done = _invoke(command[0], str(target), *(out if command[0] != "validate" else []))
    said = done.output.replace("\n", " ")
    assert (
        "no column is read as the supplier id (the columns: Supplier, Name, Country); head it"
        f" 'id' or 'Supplier ID', or map it: {hint} [no-id-column]"
    ) in said, said


COMPANY_COUNTRY = (
    "company:\n  name: X\n  country: Atlantis\nsuppliers:\n- id: A\n  name: a\n"
    "  country: Narnia\n  sector: cocoa-farming\n"
)
# the command (with its output), for each of which the company's country is located alike
COMMANDS = [["validate"], ["assess", "-o", "{out}.json"], ["batch", "-o", "{out}", "-j", "1"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_an_unknown_company_country_is_located_at_its_key(
    tmp_path: Path, command: list[str]
) -> None:
    """It was `line 2: unknown company country 'Atlantis'`, line 2 being the company's name,
    while a supplier's was located exactly (`line 7, key 'country'`)."""
    path = tmp_path / "line.yaml"
    path.write_text(COMPANY_COUNTRY, "utf-8")
    args = [part.format(out=tmp_path / "out") for part in command[1:]]
    said = _invoke(command[0], str(path), *args).output.replace("\n", " ")
    assert f"{path}, line 3, key 'country': unknown company country 'Atlantis'" in said, said
    assert f"{path}, line 7, key 'country': unknown country 'Narnia'" in said


def test_a_ctrl_c_while_resume_checks_gets_the_stop_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped while --resume read the earlier assessments, the run said only "interrupted",
    none of what was complete nor that --resume goes on; and it said nothing while it read."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee", "services")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    real, checked = ddtool.batch._complete, []

    def complete(*args: Any) -> Any:
        checked.append(args[1])
        if len(checked) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(ddtool.batch, "_complete", complete)
    told: list[str] = []
    with pytest.raises(KeyboardInterrupt) as stopped:
        run_batch(
            [folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True), None, told.append
        )
    assert told == [f"--resume: checking the earlier outputs of 3 members in {out}"]
    assert stopped.value.__notes__ == [
        "The batch stopped before it was done: 0 of 3 members written in this run, 2 not"
        " checked yet (coffee, services), 1 complete from an earlier run;"
        f" {out / 'summary.json'} and summary.xlsx were not written (those of the earlier run"
        " are kept: no member folder was rewritten). Run the same command with --resume to go"
        " on where it stopped."
    ]
    # on the command line, the report and the advice are printed, as for a stop at a member
    checked.clear()
    done = _invoke("batch", str(folder), "-o", str(out), "-j", "1", "--resume")
    said = done.output.replace("\n", " ")
    assert "--resume: checking the earlier outputs of 3 members" in said
    assert "The batch stopped before it was done" in said and "with --resume" in said


README = "Read me first\nThese are our suppliers\n"
# the text files left out beside a member (folder → names), and how the terminal names them
NOTES = [
    ("one", {".": ["README.txt"], "sub": ["notes.txt"]}),
    ("many", {".": [f"note-{i:02d}.txt" for i in range(NAMES_SHOWN + 2)]}),
]


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
@pytest.mark.parametrize(("case", "left_out"), NOTES, ids=[n[0] for n in NOTES])
def test_the_files_left_out_as_no_members_are_named(
    tmp_path: Path, case: str, left_out: dict[str, list[str]], anonymise: bool
) -> None:
    """They were counted per folder ("1 file in m5"), never named, while the docs said the
    run names them."""
    from openpyxl import load_workbook

    folder = copy_members(tmp_path / "in", "services")
    for where, names in left_out.items():
        (folder / where).mkdir(exist_ok=True)
        for name in names:
            (folder / where / name).write_text(README, "utf-8")
    out = tmp_path / "out"
    result = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=anonymise))
    reason = (
        "text with no table in it (notes, read-me files: no tab, comma, semicolon or bar in"
        " the first line)"
    )
    expected = []
    for where, names in left_out.items():
        place = folder if where == "." else folder / where
        listed = ", ".join(names[:NAMES_SHOWN])
        if len(names) > NAMES_SHOWN:
            listed += f" and {len(names) - NAMES_SHOWN} more (all in summary.json)"
        files = f"{len(names)} file{'s' if len(names) > 1 else ''}"
        expected.append(f"not read as members: {files} in {place}, {reason}: {listed}")
    assert result.notes == expected  # (the terminal is the operator's: named either way)
    summary = read_summary(out)["not_members"]
    assert [item["names"] for item in summary] == [
        [] if anonymise else names for names in left_out.values()
    ]
    about = load_workbook(out / "summary.xlsx")["About"]
    rows = [row[1] for row in about.iter_rows(values_only=True) if row[0] == "not read as members"]
    first = left_out["."][0]
    assert all(first not in str(row) for row in rows) if anonymise else first in str(rows[0])


# a member's workbook whose advice once named --sheet or `ddtool assess` (sheet → rows), the
# problem's type, and what the batch says instead
SHEET_ADVICE = [
    (
        "two-supplier-sheets",
        {"Suppliers 2025": [HEADER, SUPPLIERS[0]], "Suppliers 2026": [HEADER, *SUPPLIERS]},
        "other-supplier-sheets",
        "a batch reads one sheet of each member's file",
    ),
    (
        "no-header-on-the-sheet-named",
        {"Suppliers": [["See the next sheet"]], "Data": [HEADER, *SUPPLIERS]},
        "other-sheet-read",
        "a batch has no --sheet: check that it holds the member's suppliers",
    ),
    (
        "two-tables-on-a-sheet",
        {
            "Suppliers": [
                HEADER,
                *SUPPLIERS[:2],
                [],
                ["Tier 2"],
                ["ID", "Name", "Country", "Sector"],
                SUPPLIERS[2],
            ]
        },
        "second-table",
        "a batch reads one table of each member's file",
    ),
]


@pytest.mark.parametrize(
    ("sheets", "problem", "said"), [a[1:] for a in SHEET_ADVICE], ids=[a[0] for a in SHEET_ADVICE]
)
def test_sheet_advice_in_a_batch_is_advice_a_batch_can_follow(
    tmp_path: Path, sheets: dict[str, list[list[str]]], problem: str, said: str
) -> None:
    """The advice said to choose the sheet with --sheet or to give the files together with
    `ddtool assess`: a batch has no --sheet, and a file of its own is a member of its own."""
    from openpyxl import Workbook

    book = Workbook()
    for index, (name, rows) in enumerate(sheets.items()):
        sheet = book.active if index == 0 else book.create_sheet(name)
        assert sheet is not None
        sheet.title = name
        for row in rows:
            sheet.append(row)
    folder = tmp_path / "in"
    folder.mkdir()
    book.save(folder / "member.xlsx")
    run_batch([folder], tmp_path / "out", BatchOptions(formats=(".json",), jobs=1))
    record = json.loads((tmp_path / "out" / "member" / "result.json").read_text("utf-8"))
    text = record.get("first_warning") or record.get("error") or ""
    assert f"[{problem}]" in text and said in text, text
    assert "choose the sheet with --sheet" not in text and "choose with --sheet" not in text
    assert "ddtool assess" not in text


def test_a_first_run_with_resume_checks_nothing_and_says_nothing_of_it(tmp_path: Path) -> None:
    """--resume into a folder not made yet said it was checking the earlier outputs of every
    member, of which there were none."""
    folder = copy_members(tmp_path / "members", "coffee", "services")
    told: list[str] = []
    out = tmp_path / "out"
    run_batch(
        [folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True), None, told.append
    )
    assert told == []
    assert read_summary(out)["assessed"] == 2


def test_a_link_leading_nowhere_fails_with_its_type(tmp_path: Path) -> None:
    folder = copy_members(tmp_path / "members", "coffee")
    (folder / "linked.csv").symlink_to(tmp_path / "nowhere.csv")
    for anonymise in ([], ["--anonymise"]):
        out = tmp_path / f"out{len(anonymise)}"
        done = _invoke("batch", str(folder), "-o", str(out), *anonymise)
        assert done.exit_code == 0, done.output
        [failure] = read_summary(out)["failures"]
        assert failure["error"].endswith(" does not exist [broken-link]")
        assert ("nowhere.csv" in failure["error"]) is not bool(anonymise)


def test_a_members_errors_are_told_in_the_order_of_their_places() -> None:
    """An unknown buyer (a check of the whole chain, found after the cells') came after the
    countries of later rows, where the "(+N more)" cut could hide the lower row."""
    from ddtool.batch import _problems_text
    from ddtool.errors import Location, Problem

    problems = [
        Problem("unknown-country", "unknown country 'Chna'", Location("m.csv", row=2)),
        Problem("unknown-country", "unknown country 'Vietnm'", Location("m.csv", row=6)),
        Problem("unknown-buyer", "names buyer 'T-9'", Location("m.csv", row=5)),
        Problem("no-header", "no header row", Location("m.csv")),
    ]
    text = _problems_text(problems)
    rows = [text.index(part) for part in ("no header", "'Chna'", "'T-9'", "'Vietnm'")]
    assert rows == sorted(rows)
