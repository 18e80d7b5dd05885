"""A member's outputs are put in place together: a batch stopped between two of its files
leaves its folder as the earlier run left it (or no folder), never the new assessment beside
the earlier reports; stopped while they are renamed, it stops after the last, and says the
member was written. Temporary files a killed run left are removed by the next."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from batch_support import copy_members, read_summary

import ddtool.batch
from ddtool import atomic
from ddtool.atomic import published_together, remove_together, write_atomic
from ddtool.batch import BatchOptions, run_batch

THREE = BatchOptions(formats=(".json", ".xlsx", ".html"), jobs=1)


@pytest.fixture
def stops() -> Iterator[None]:
    """Ctrl-C raises KeyboardInterrupt, as the command line sets it; the handler of before
    is put back after."""

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    earlier = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, earlier)


def _files(folder: Path) -> dict[str, bytes]:
    """Every file in a folder (hidden ones too), by name."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _stop_at_second_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C as the batch writes its second file (a member's first report)."""
    real = ddtool.batch.write_atomic
    calls: list[Path] = []

    def write(path: Path, data: bytes | str) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(path, data)

    monkeypatch.setattr(ddtool.batch, "write_atomic", write)


def _changed(folder: Path) -> None:
    """cocoa's chain changed since the earlier run."""
    path = folder / "cocoa.yaml"
    path.write_text(path.read_text().replace("share: 0.6", "share: 0.2"))


def test_a_rerun_stopped_between_a_members_files_leaves_its_folder_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new assessment.json stayed beside the earlier run's report.xlsx and report.html,
    with no result.json, and the message said nothing was half-written."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    out = tmp_path / "out"
    run_batch([folder], out, THREE)
    before = {name: _files(out / name) for name in ("cocoa", "coffee")}
    summary = (out / "summary.json").read_bytes()
    _changed(folder)
    with monkeypatch.context() as patched:
        _stop_at_second_file(patched)
        with pytest.raises(KeyboardInterrupt) as stopped:
            run_batch([folder], out, THREE)
    assert {name: _files(out / name) for name in ("cocoa", "coffee")} == before
    assert (out / "summary.json").read_bytes() == summary  # (it still describes them)
    assert stopped.value.__notes__ == [
        "The batch stopped before it was done: 0 of 2 members written in this run, 2 not"
        f" written (cocoa, coffee); {out / 'summary.json'} and summary.xlsx were not written"
        " (those of the earlier run are kept: no member folder was rewritten). Run the same"
        " command with --resume to go on where it stopped."
    ]
    resumed = run_batch([folder], out, replace(THREE, resume=True))
    assert resumed.skipped == 1  # (coffee: cocoa changed, and is assessed again)
    run_batch([folder], tmp_path / "fresh", THREE)
    assert read_summary(out) == read_summary(tmp_path / "fresh")
    assert _files(out / "cocoa") == _files(tmp_path / "fresh" / "cocoa")


def test_a_first_run_stopped_between_a_members_files_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The member's assessment.json stayed, alone in its folder (no reports, no result)."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    out = tmp_path / "out"
    _stop_at_second_file(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        run_batch([folder], out, THREE)
    assert not out.exists()


@pytest.mark.usefixtures("stops")
def test_a_stop_while_a_members_files_are_renamed_comes_after_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C as cocoa's assessment.json was put in place stopped the run there: the earlier
    reports stayed beside it, and the run said cocoa was not written."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    out = tmp_path / "out"
    run_batch([folder], out, THREE)
    _changed(folder)
    real = os.replace

    def renamed(source: str, target: str | Path) -> None:
        real(source, target)
        if Path(target).name == "assessment.json":
            signal.raise_signal(signal.SIGINT)

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt) as stopped:
        patched.setattr(atomic.os, "replace", renamed)
        run_batch([folder], out, THREE)
    run_batch([folder], tmp_path / "fresh", THREE)
    assert _files(out / "cocoa") == _files(tmp_path / "fresh" / "cocoa")  # this run's, all
    assert stopped.value.__notes__ == [
        "The batch stopped before it was done: 1 of 2 members written in this run (cocoa), 1"
        f" not written (coffee); {out / 'summary.json'} and summary.xlsx were not written"
        " (those of the earlier run were removed: they no longer matched). Run the same"
        " command with --resume to go on where it stopped."
    ]
    assert not (out / "summary.json").exists() and not (out / "summary.xlsx").exists()


def test_temporary_files_a_killed_run_left_are_removed(tmp_path: Path) -> None:
    """A run killed while it wrote a member's files (SIGKILL) left their temporary files,
    full-size, in the member's folder for good; a file of the user's there stays."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    out = tmp_path / "out"
    run_batch([folder], out, THREE)
    left = [out / "cocoa" / ".report.html.k1ll3d_x.tmp", out / "coffee" / ".result.json.abc.tmp"]
    mine = out / "cocoa" / ".notes.tmp"
    for path in [*left, mine]:
        path.write_text("{}")
    _changed(folder)  # (cocoa is written again, coffee resumed)
    result = run_batch([folder], out, replace(THREE, resume=True))
    assert result.skipped == 1
    assert [path.exists() for path in left] == [False, False] and mine.exists()
    assert json.loads((out / "cocoa" / "result.json").read_text())["status"] == "ok"


def test_a_removal_waits_for_the_files_written_with_it(tmp_path: Path) -> None:
    """remove_together in a published_together block removes the file as the block puts its
    files in place, not before, and not at all when the block fails."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text("old")
    with pytest.raises(KeyboardInterrupt), published_together():
        remove_together(old)
        write_atomic(new, "new")
        raise KeyboardInterrupt
    assert [p.name for p in tmp_path.iterdir()] == ["old.json"]
    with published_together():
        remove_together(old)
        assert old.exists()
        write_atomic(new, "new")
    assert [p.name for p in tmp_path.iterdir()] == ["new.json"]
