"""A second Ctrl-C or SIGTERM that comes while a stopped run removes its temporary files
does not cut the removal short: no full-size temporary file is left beside the outputs, and
the run ends as the first signal says."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from ddtool import atomic
from ddtool.atomic import atomic_open, published_together

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def stops() -> Iterator[list[int]]:
    """Ctrl-C and SIGTERM raise KeyboardInterrupt, as the command line sets them (each
    noted); the handlers of before are put back after."""
    received: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        received.append(signum)
        raise KeyboardInterrupt

    earlier = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    for signum in earlier:
        signal.signal(signum, stop)
    try:
        yield received
    finally:
        for signum, handler in earlier.items():
            signal.signal(signum, handler)


def _signal_on_first_unlink(monkeypatch: pytest.MonkeyPatch, signum: int) -> list[str]:
    """os.unlink as atomic.py calls it, sending `signum` to this process as it removes the
    first file (a second signal, in the middle of the clean-up); the files removed."""
    real: Callable[[str], None] = os.unlink
    removed: list[str] = []

    def unlink(path: str) -> None:
        if not removed:
            signal.raise_signal(signum)
        real(path)
        removed.append(path)

    monkeypatch.setattr(atomic.os, "unlink", unlink)
    return removed


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_second_signal_while_the_held_files_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stops: list[int]
) -> None:
    outputs = [tmp_path / name for name in ("o.json", "o.html", "o.md")]
    for out in outputs:
        out.write_text("old", encoding="utf-8")
    removed = _signal_on_first_unlink(monkeypatch, signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), published_together():
        for out in outputs:
            with atomic_open(out) as handle:
                handle.write(b"x" * 100_000)
        os.kill(os.getpid(), signal.SIGTERM)  # (the first: the run is stopped)
    assert _left(tmp_path) == []
    assert len(removed) == 3
    assert [out.read_text(encoding="utf-8") for out in outputs] == ["old"] * 3
    assert stops == [signal.SIGTERM]  # (the second is dropped: the first says how it ends)


def test_a_second_signal_while_a_stopped_write_removes_its_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stops: list[int]
) -> None:
    _signal_on_first_unlink(monkeypatch, signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), atomic_open(tmp_path / "o.xlsx") as handle:
        handle.write(b"x" * 100_000)
        os.kill(os.getpid(), signal.SIGINT)
    assert _left(tmp_path) == []
    assert stops == [signal.SIGINT]


def test_a_signal_during_the_removal_after_an_error_still_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stops: list[int]
) -> None:
    """After an error that is no stop (a full disk), a signal that comes as the files are
    removed is acted on once they are gone."""
    _signal_on_first_unlink(monkeypatch, signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), published_together():
        for name in ("o.json", "o.md"):
            with atomic_open(tmp_path / name) as handle:
                handle.write(b"x")
        raise OSError(28, "No space left on device")
    assert _left(tmp_path) == []
    assert stops == [signal.SIGTERM]


# the run's Markdown writer sends SIGTERM once the other outputs are written but not yet in
# place; atomic.py's os.unlink then sends SIGINT as it removes the first of those
STOPPED_TWICE = """
import os, signal, sys
from ddtool import atomic
from ddtool.reporters import markdown_report
from ddtool.cli import main

real_unlink, real_render = os.unlink, markdown_report.render_markdown
sent = []

def unlink(path):
    if ".o.json." in path and not sent:
        sent.append(1)
        os.kill(os.getpid(), signal.SIGINT)
    real_unlink(path)

def render_then_stop(document):
    text = real_render(document)
    os.kill(os.getpid(), signal.SIGTERM)
    return text

atomic.os.unlink = unlink
markdown_report.render_markdown = render_then_stop
sys.argv = ["ddtool", "assess", {chain!r}, "-q", "-o", "o.json", "-o", "o.html", "-o", "o.md"]
main()
"""


def test_a_run_stopped_twice_leaves_no_temporary_file_and_ends_as_first_told(
    tmp_path: Path,
) -> None:
    chain = str(ROOT / "sample_chains" / "coffee.yaml")
    for name in ("o.json", "o.html", "o.md"):
        (tmp_path / name).write_text("old", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", STOPPED_TWICE.format(chain=chain)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    assert done.returncode == 143, done.stderr
    assert done.stderr.startswith("terminated:")
    assert _left(tmp_path) == []
    assert {p.read_text(encoding="utf-8") for p in tmp_path.iterdir()} == {"old"}
