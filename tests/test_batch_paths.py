"""`ddtool batch` inputs and output folders: mistyped paths, one file under two spellings,
stale reports of an earlier run, and its own reports never read as members."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import copy_members, read_summary
from typer.testing import CliRunner

from ddtool.batch import BatchOptions, run_batch
from ddtool.cli import app


def test_every_missing_input_is_named_before_any_work(tmp_path: Path) -> None:
    """A mistyped path beside a good one was dropped: "1 of 1 members", exit 0."""
    found = copy_members(tmp_path / "members" / "north", "coffee")
    typo = tmp_path / "members" / "nroth"
    gone = tmp_path / "members" / "nosuch.yaml"
    out = tmp_path / "out"
    args = ["batch", str(found), str(typo), str(gone), "-o", str(out)]
    done = CliRunner().invoke(app, args, env={"COLUMNS": "1000"})  # (long paths, one line)
    said = done.output
    assert done.exit_code == 2, said
    assert f"{typo}: no such file or folder (did you mean {found}?)" in said
    assert f"{gone}: no such file or folder. Nothing was assessed" in said
    assert "Traceback" not in said and "internal error" not in said
    assert not out.exists()


def test_a_member_folder_holds_only_what_this_run_wrote(tmp_path: Path) -> None:
    """Reports of an earlier run stayed beside a result that no longer lists them."""
    folder = copy_members(tmp_path / "in", "coffee")
    out = tmp_path / "out"
    member = out / "coffee"
    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx", ".html"), jobs=1))
    (member / "notes.txt").write_text("the user's own\n", encoding="utf-8")

    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1))
    names = {"assessment.json", "report.xlsx", "result.json", "notes.txt"}
    assert {p.name for p in member.iterdir()} == names

    # resumed as it is, but a report an older run left beside it goes
    (member / "report.md").write_text("# old\n", encoding="utf-8")
    resumed = run_batch(
        [folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1, resume=True)
    )
    assert resumed.skipped == 1
    assert {p.name for p in member.iterdir()} == names

    (folder / "coffee.yaml").write_text("suppliers: [", encoding="utf-8")
    run_batch([folder], out, BatchOptions(jobs=1))
    assert {p.name for p in member.iterdir()} == {"result.json", "notes.txt"}
    assert json.loads((member / "result.json").read_text())["status"] == "failed"


@pytest.mark.parametrize("inside", [True, False], ids=["out-in-members", "out-is-members"])
def test_reports_of_a_member_interrupted_before_its_result_are_not_members(
    tmp_path: Path, inside: bool
) -> None:
    """Without result.json, a member's own report.xlsx and report.csv were read as members."""
    folder = copy_members(tmp_path / "members", "cocoa", "coffee")
    out = folder / "out" if inside else folder
    args = ["batch", str(folder), "-o", str(out), "--format", "xlsx,csv", "-j", "1"]
    assert CliRunner().invoke(app, args).exit_code == 0
    (out / "cocoa" / "result.json").unlink()  # interrupted between its writes
    done = CliRunner().invoke(app, [*args, "--resume"])
    assert done.exit_code == 0, done.output
    summary = read_summary(out)
    assert (summary["members"], summary["assessed"]) == (2, 2)
    assert sorted(r["member"] for r in summary["ranking"]) == ["cocoa", "coffee"]


def test_one_file_under_several_spellings_is_one_member(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_members(tmp_path, "coffee")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "coffee.yaml")
    monkeypatch.chdir(tmp_path)
    spellings = ["coffee.yaml", str(tmp_path / "coffee.yaml"), "./coffee.yaml", "link.yaml"]
    result = run_batch([Path(s) for s in spellings], tmp_path / "out", BatchOptions(jobs=1))
    assert [(r["member"], r["file"]) for r in result.records] == [("coffee", "coffee.yaml")]


@pytest.mark.parametrize(
    ("name", "told"),
    [
        ("summary.yaml", None),  # (a name the batch does not write: a member like any)
        ("SUMMARY.XLSX", "the batch's summary"),
        ("summary.json", None),  # (no chain format: not read as a member)
    ],
)
def test_a_members_file_the_batch_would_write_over_is_refused(
    tmp_path: Path, name: str, told: str | None
) -> None:
    """A member's workbook named summary.xlsx, in the folder given as the output folder, was
    assessed and then replaced by the batch's summary, and the run exited 0."""
    folder = copy_members(tmp_path / "members", "coffee")
    source = next(p for p in folder.iterdir() if p.suffix == ".yaml")
    if told is not None:
        book = tmp_path / "book.xlsx"
        assert CliRunner().invoke(app, ["template", "-o", str(book)]).exit_code == 0
        (folder / name).write_bytes(book.read_bytes())
    elif name.endswith(".yaml"):
        (folder / name).write_bytes(source.read_bytes())
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(folder), "-q"])
    if told is None:
        assert done.exit_code == 0, done.output
        return
    assert done.exit_code == 2, done.output
    assert f"({told}) is a member's file the batch would write over" in done.output
    assert "Nothing was assessed" in done.output
    # nothing written, nothing replaced
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_files_of_no_chain_format_in_a_folder_are_named(tmp_path: Path) -> None:
    """A member's list sent as a PDF or a ZIP was skipped without a word: '1 of 1 members
    assessed', the member missing from the ranking unnoticed."""
    folder = copy_members(tmp_path / "members", "coffee")
    (folder / "Supplier_list_Bauer.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "fromemail.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)], env={"COLUMNS": "400"})
    assert done.exit_code == 0, done.output
    assert "files of no chain format" in done.output
    assert "Supplier_list_Bauer.pdf, fromemail.zip" in done.output
    summary = read_summary(out)
    [not_member] = summary["not_members"]
    assert not_member["names"] == ["Supplier_list_Bauer.pdf", "fromemail.zip"]
    # the batch's own files in its output folder are none of them, run after run
    again = CliRunner().invoke(app, ["batch", str(folder), "-o", str(folder)])
    again = CliRunner().invoke(app, ["batch", str(folder), "-o", str(folder)])
    assert again.exit_code == 0, again.output
    assert "summary.json" not in again.output.split("not read as members", 1)[-1]


def test_files_of_the_same_content_are_said_to_be_ranked_twice(tmp_path: Path) -> None:
    """A member's file and its copy in an archive folder were ranked as two members, their
    flags counted twice in the hotspots, with no word of it."""
    folder = copy_members(tmp_path / "members", "coffee", "services")
    (folder / "archive").mkdir()
    (folder / "archive" / "coffee.yaml").write_bytes((folder / "coffee.yaml").read_bytes())
    done = CliRunner().invoke(
        app, ["batch", str(folder), "-o", str(tmp_path / "out")], env={"COLUMNS": "400"}
    )
    assert done.exit_code == 0, done.output
    said = [line for line in done.output.splitlines() if "of the same content" in line]
    assert len(said) == 1
    assert f"{folder / 'archive' / 'coffee.yaml'}, {folder / 'coffee.yaml'}" in said[0]
    assert "services" not in said[0]
