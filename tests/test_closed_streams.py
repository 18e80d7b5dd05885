"""Printing never decides how a run ends: with stdout or stderr closed (`>&-`), or a reader
that is gone (a pipe nobody reads), every command still writes its files and ends with the
exit code the run decided, with no traceback.

Closed, a stream is None in Python: every command ended in a traceback and exit 1 (flushing
None), a gate reached or not, and a missing input exited 1 instead of 2. Help, the version
and usage errors printed to a reader that was gone exited 1 too (the command-line library's
answer to a broken pipe).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COCOA = str(ROOT / "sample_chains" / "cocoa.yaml")
COFFEE = str(ROOT / "sample_chains" / "coffee.yaml")

# (arguments, exit code, file the run writes): {out} is a folder of the test's own, {a} and
# {b} are the assessments of the cocoa and the coffee chain
COMMANDS: dict[str, tuple[list[str], int, str | None]] = {
    "validate": (["validate", COCOA], 0, None),
    "validate-json": (["validate", "--format", "json", COCOA], 0, None),
    "validate-missing": (["validate", "{out}/nosuch.csv"], 2, None),
    "assess": (["assess", COCOA, "-o", "{out}/a.json"], 0, "a.json"),
    "assess-gate": (["assess", COCOA, "--fail-on", "high", "-o", "{out}/a.md"], 1, "a.md"),
    "explain": (["explain", COCOA, "GRD-NL-1"], 0, None),
    "report": (["report", "{a}", "-o", "{out}/r.md"], 0, "r.md"),
    "diff-gate": (
        ["diff", "{b}", "{a}", "--fail-on-new", "high", "-o", "{out}/d.json"],
        1,
        "d.json",
    ),
    "batch": (
        ["batch", "{members}", "-o", "{out}/b", "--format", "json", "-j", "1"],
        0,
        "b/summary.json",
    ),
    "batch-gate": (
        ["batch", "{members}", "-o", "{out}/b", "--format", "json", "-j", "1", "--fail-on", "high"],
        1,
        "b/summary.json",
    ),
    "template": (["template", "-o", "{out}/t.csv"], 0, "t.csv"),
    "profiles": (["profiles", "show", "country", "CIV"], 0, None),
    "help": (["--help"], 0, None),
    "version": (["--version"], 0, None),
    "usage-error": (["assess", "--no-such-option"], 2, None),
}

# how stdout and stderr are given: closed, a pipe whose reader is gone, or a file kept
CLOSED, GONE, KEPT = "closed", "gone", "kept"
STREAMS = {
    "stdout-closed": (CLOSED, KEPT),
    "stderr-closed": (KEPT, CLOSED),
    "both-closed": (CLOSED, CLOSED),
    "stdout-gone": (GONE, KEPT),
    "stderr-gone": (KEPT, GONE),
    "both-gone": (GONE, GONE),
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The saved assessments and the member folder the commands read."""
    folder = tmp_path_factory.mktemp("inputs")
    members = folder / "members"
    members.mkdir()
    (members / "cocoa.yaml").write_bytes(Path(COCOA).read_bytes())
    paths = {"a": str(folder / "a.json"), "b": str(folder / "b.json"), "members": str(members)}
    for chain, out in ((COFFEE, paths["b"]), (COCOA, paths["a"])):
        ddtool = [sys.executable, "-m", "ddtool", "assess", chain, "-q", "-o", out]
        subprocess.run(ddtool, check=True, capture_output=True, timeout=120)
    return paths


def _run(argv: list[str], streams: tuple[str, str], kept: Path) -> int:
    """Run with stdout and stderr given as `streams`; what a kept one holds goes to `kept`."""
    with kept.open("wb") as log:
        given: list[int | None] = []
        gone: list[int] = []
        for how in streams:
            if how == GONE:
                read, write = os.pipe()
                os.close(read)  # (gone before the run starts: every write to it fails)
                gone.append(write)
                given.append(write)
            else:
                given.append(log.fileno() if how == KEPT else None)
        closing = " ".join(
            redirect
            for redirect, how in zip((">&-", "2>&-"), streams, strict=True)
            if how == CLOSED
        )
        command = ["bash", "-c", f'exec "$@" {closing}', "bash", *argv]
        try:
            done = subprocess.run(command, stdout=given[0], stderr=given[1], timeout=120)
        finally:
            for fd in gone:
                os.close(fd)
    return done.returncode


# a run of exit code 2 under every way of giving the streams; each other command under one of
# them, in turn (a run is a process start: the whole product would take a minute)
EVERY_WAY = ("validate-missing",)
CASES = [
    pytest.param(COMMANDS[name], streams, id=f"{name}-{way}")
    for at, name in enumerate(COMMANDS)
    for step, (way, streams) in enumerate(STREAMS.items())
    if name in EVERY_WAY or step == at % len(STREAMS)
]


@pytest.mark.parametrize(("command", "streams"), CASES)
def test_the_exit_code_is_the_runs_whatever_its_streams(
    tmp_path: Path,
    inputs: dict[str, str],
    command: tuple[list[str], int, str | None],
    streams: tuple[str, str],
) -> None:
    args, code, written = command
    out = tmp_path / "out"
    out.mkdir()
    argv = [sys.executable, "-m", "ddtool", *(a.format(out=out, **inputs) for a in args)]
    kept = tmp_path / "kept.txt"
    assert _run(argv, streams, kept) == code
    printed = kept.read_text("utf-8", errors="replace")
    assert "Traceback" not in printed and "Exception ignored" not in printed
    if written:
        assert (out / written).stat().st_size > 0
    if streams[0] == KEPT and streams[1] != KEPT:
        # (what stderr would have shown never lands among stdout's output)
        assert not [line for line in printed.splitlines() if line.lower().startswith("error")]


# the run's JSON writer sends the signal to its own process once its temporary file holds
# part of the output (as in test_signals)
STOP_MID_WRITE = """
import os, sys
from ddtool.reporters import json_report
from ddtool.cli import main

real = json_report.dump_bytes

def dump_then_signal(document):
    data = real(document)
    os.kill(os.getpid(), {signum})
    return data

json_report.dump_bytes = dump_then_signal
sys.argv = ["ddtool", "assess", {chain!r}, "-o", {out!r}]
main()
"""


@pytest.mark.parametrize(
    ("signum", "code", "streams"),
    [
        pytest.param(signum, code, STREAMS[way], id=f"{signum.name}-{way}")
        for signum, code, ways in (
            (signal.SIGTERM, 143, ("stdout-closed", "both-gone")),
            (signal.SIGINT, 130, ("stderr-closed", "both-gone")),
        )
        for way in ways
    ],
)
def test_a_stopped_run_keeps_its_exit_code_whatever_its_streams(
    tmp_path: Path, streams: tuple[str, str], signum: int, code: int
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    script = STOP_MID_WRITE.format(signum=int(signum), chain=COCOA, out=str(out / "a.json"))
    kept = tmp_path / "kept.txt"
    assert _run([sys.executable, "-c", script], streams, kept) == code
    assert "Traceback" not in kept.read_text("utf-8", errors="replace")
    assert os.listdir(out) == []
