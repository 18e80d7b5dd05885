"""`ddtool batch` run again: the output of earlier batches among the inputs is never read as
members, a run stopped half-way leaves no summary that no longer matches its member folders
(nor an empty folder), and member folders of members gone since are named."""

from __future__ import annotations

import errno
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from batch_support import SAMPLES, copy_members, read_summary

import ddtool.batch
from ddtool.batch import (
    SUMMARY_FILES,
    BatchError,
    BatchOptions,
    anonymise_key,
    pseudonym,
    run_batch,
)

XLSX_CSV = BatchOptions(formats=(".json", ".xlsx", ".csv"), jobs=1)


def _earlier_inside(folder: Path) -> tuple[Path, Path]:
    """An earlier batch wrote into members/reports-2026; this one writes reports-2027."""
    run_batch([folder], folder / "reports-2026", XLSX_CSV)
    return folder / "reports-2026", folder / "reports-2027"


def _earlier_is_members(folder: Path) -> tuple[Path, Path]:
    """An earlier batch wrote into the members folder itself; this one into a subfolder."""
    run_batch([folder], folder, XLSX_CSV)
    return folder, folder / "reports"


def _earlier_interrupted(folder: Path) -> tuple[Path, Path]:
    """An earlier batch stopped after a member's reports, before its result and summary."""
    run_batch([folder], folder / "old", XLSX_CSV)
    for name in ("summary.json", "summary.xlsx", "cocoa/result.json", "coffee/result.json"):
        (folder / "old" / name).unlink()
    return folder / "old", folder / "new"


def _earlier_nested(folder: Path) -> tuple[Path, Path]:
    """An earlier batch's output in a subfolder of the members, and this run's output in
    a folder of the earlier output folder (never read either)."""
    run_batch([folder], folder / "north" / "out", XLSX_CSV)
    return folder / "north" / "out", folder / "north" / "out" / "again"


# (an earlier output folder and this run's), the files of the earlier one not read:
# summary.xlsx and each member's report.xlsx and report.csv
EARLIER = [
    (_earlier_inside, 5),
    (_earlier_is_members, 5),
    (_earlier_interrupted, 4),
    (_earlier_nested, 5),
]


@pytest.mark.parametrize(("earlier", "unread"), EARLIER, ids=lambda c: getattr(c, "__name__", ""))
@pytest.mark.parametrize("resume", [False, True])
def test_files_an_earlier_batch_wrote_are_never_members(
    tmp_path: Path, earlier: Any, unread: int, resume: bool
) -> None:
    """The report.xlsx of an earlier batch's folders were ranked as members ("report"), its
    summary.xlsx and report.csv listed as failed members."""
    folder = copy_members(tmp_path / "members", "cocoa", "coffee")
    old, out = earlier(folder)
    for _ in range(2):  # (the second time, this run's own output is there too)
        result = run_batch([folder], out, BatchOptions(jobs=1, resume=resume))
        summary = read_summary(out)
        assert sorted(r["member"] for r in result.records) == ["cocoa", "coffee"]
        assert (summary["members"], summary["assessed"], summary["failed"]) == (2, 2, 0)
        assert summary["not_members"] == [
            {
                "path": str(old),
                "reason": "the output of an earlier batch (its summary and member folders)",
                "files": unread,
                "names": [],
            }
        ]
        assert result.notes[0] == (
            f"not read as members: {unread} files in {old}, the output of an earlier batch"
            " (its summary and member folders)"
        )


def test_this_runs_output_folder_is_not_read_when_it_lies_in_the_members(tmp_path: Path) -> None:
    """Anything in this run's own output folder is its own: not a member; a file of a chain
    format there that no batch wrote is named (it was left out without a word)."""
    folder = copy_members(tmp_path / "members", "cocoa")
    out = folder / "out"
    out.mkdir()
    shutil.copy(SAMPLES / "coffee.yaml", out / "coffee.yaml")
    result = run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1))
    again = run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1))
    assert [r["member"] for r in result.records + again.records] == ["cocoa", "cocoa"]
    for run in (result, again):
        [left] = run.summary["not_members"]
        assert (left["files"], left["names"]) == (1, ["coffee.yaml"])


def _fail_on_call(
    monkeypatch: pytest.MonkeyPatch, call: int, error: Callable[[], BaseException]
) -> None:
    """Every write of the batch from the `call`-th on raises `error()` (a full disk, Ctrl-C)."""
    real = ddtool.batch.write_atomic
    calls = []

    def write(path: Path, data: bytes | str) -> None:
        calls.append(path)
        if len(calls) >= call:
            raise error()
        real(path, data)

    monkeypatch.setattr(ddtool.batch, "write_atomic", write)


def _disk_full() -> OSError:
    return OSError(errno.ENOSPC, "cannot be written: No space left on device", "the/file")


# how the re-run stops, at which write: members are written in name order (cocoa, coffee,
# services), each as assessment.json then result.json, then summary.json (the 7th write);
# then what the run wrote, and how many members the next run with --resume finds complete
STOPPED_AT_COFFEE = "1 of 3 members written in this run (cocoa), 2 not written (coffee, services)"
STOPPED_AT_SUMMARY = "3 of 3 members written in this run (cocoa, coffee, services)"
STOPS = [
    ("ctrl-c-at-a-member", 3, KeyboardInterrupt, STOPPED_AT_COFFEE, 2),
    ("disk-full-at-a-member", 3, _disk_full, STOPPED_AT_COFFEE, 2),
    ("ctrl-c-at-the-summary", 7, KeyboardInterrupt, STOPPED_AT_SUMMARY, 3),
    ("disk-full-at-the-summary", 7, _disk_full, STOPPED_AT_SUMMARY, 3),
]


@pytest.mark.parametrize(
    ("call", "error", "written", "complete"), [s[1:] for s in STOPS], ids=[s[0] for s in STOPS]
)
def test_a_rerun_stopped_half_way_leaves_no_summary_out_of_step(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    call: int,
    error: Callable[[], BaseException],
    written: str,
    complete: int,
) -> None:
    """The summary of the earlier run stayed, describing member folders since rewritten."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee", "services")
    out = tmp_path / "out"
    json_only = BatchOptions(formats=(".json",), jobs=1)
    run_batch([folder], out, json_only)
    shutil.copy(SAMPLES / "seafood.yaml", folder / "coffee.yaml")  # (changed since)
    interrupted = error is KeyboardInterrupt
    with monkeypatch.context() as patched:
        _fail_on_call(patched, call, error)
        with pytest.raises(KeyboardInterrupt if interrupted else BatchError) as stopped:
            run_batch([folder], out, json_only)
    assert not (out / "summary.json").exists() and not (out / "summary.xlsx").exists()
    said = "\n".join(stopped.value.__notes__) if interrupted else str(stopped.value)
    assert said.endswith(
        f"The batch stopped before it was done: {written}; "
        f"{out / 'summary.json'} and summary.xlsx were not written (those of the earlier run"
        " were removed: they no longer matched). Run the same command with --resume to go on"
        " where it stopped."
    )
    if not interrupted:
        assert said.startswith("the/file: cannot be written: No space left on device. ")
    resumed = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True))
    assert resumed.skipped == complete
    run_batch([folder], tmp_path / "fresh", json_only)
    assert read_summary(out) == read_summary(tmp_path / "fresh")


@pytest.mark.parametrize("existing", [False, True], ids=["new-output-folder", "rerun"])
def test_a_full_disk_leaves_no_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    """A member whose first file could not be written left its folder behind, empty."""
    folder = copy_members(tmp_path / "in", "cocoa", "services")
    out = tmp_path / "out" / "2026"
    if existing:
        run_batch([folder / "services.yaml"], out, BatchOptions(formats=(".json",), jobs=1))
    _fail_on_call(monkeypatch, 1, _disk_full)  # (cocoa's first file)
    with pytest.raises(BatchError, match="No space left on device"):
        run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    if existing:  # the other member's folder as it was, and the summary that describes it
        assert sorted(p.name for p in out.iterdir()) == ["services", *SUMMARY_FILES]
    else:  # nothing at all: not even the output folder the run would have made
        assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("anonymise", [False, True])
def test_member_folders_of_members_gone_since_are_named(tmp_path: Path, anonymise: bool) -> None:
    """Folders of members removed since the last run stayed, full reports and all, and
    nothing said so: the summary had one member fewer."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee", "services")
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1, anonymise=anonymise)
    run_batch([folder], out, options)
    (out / "mine").mkdir()  # a folder of the user's: not a member's
    (folder / "coffee.yaml").unlink()
    (folder / "services.yaml").rename(folder / "services-2027.yaml")
    result = run_batch([folder], out, options)
    summary = read_summary(out)
    assert summary["members"] == 2
    gone = [{"member": name, "folder": name} for name in ("coffee", "services")]
    if anonymise:  # (pseudonyms of their paths from the folder given; no folder names)
        key, _ = anonymise_key(out)
        gone = [{"member": pseudonym(f"{g['member']}.yaml", key), "folder": None} for g in gone]
    assert summary["earlier_members"] == gone
    assert result.notes == [
        f"2 member folders in {out} are from an earlier run, for a member not in this one, and"
        " not in the summary (left as they are): coffee, services"
    ]
    for name in ("coffee", "services"):  # left as they are
        assert json.loads((out / name / "result.json").read_text())["status"] == "ok"


def test_a_rerun_stopped_before_any_member_was_written_keeps_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stopped while the first members were being assessed, the run rewrote no member folder:
    the earlier summary still describes them all, and is kept."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    before = (out / "summary.json").read_bytes()

    def assessing(*args: Any) -> Any:
        raise KeyboardInterrupt
        yield  # (a generator, as the runner is)

    monkeypatch.setattr(ddtool.batch, "_run_local", assessing)
    with pytest.raises(KeyboardInterrupt) as stopped:
        run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    assert stopped.value.__notes__ == [
        "The batch stopped before it was done: 0 of 2 members written in this run, 2 not"
        f" written (cocoa, coffee); {out / 'summary.json'} and summary.xlsx were not written"
        " (those of the earlier run are kept: no member folder was rewritten). Run the same"
        " command with --resume to go on where it stopped."
    ]
    assert (out / "summary.json").read_bytes() == before
