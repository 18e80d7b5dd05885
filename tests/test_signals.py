"""Ending a run from outside: a termination request or Ctrl-C in the middle of a write
leaves no half-written file, and a reader that stops early does not fail the run."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from batch_support import batch_with_workers, workers_left

from ddtool.deferred import can_fork

ROOT = Path(__file__).resolve().parents[1]

# the run's JSON writer sends the signal to its own process once its temporary file holds
# part of the output: deterministic, where a signal from outside would race the run
STOP_MID_WRITE = """
import os, signal, sys
from ddtool.reporters import json_report
from ddtool.cli import main

real = json_report.dump_bytes

def dump_then_signal(document):
    data = real(document)
    os.kill(os.getpid(), {signum})  # the temporary file is open: the signal arrives here
    return data

json_report.dump_bytes = dump_then_signal
sys.argv = ["ddtool", "assess", {chain!r}, "-q", "-o", {out!r}]
main()
"""


@pytest.mark.parametrize(
    ("signum", "code", "word"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
)
def test_a_signal_during_a_write_leaves_no_file(
    tmp_path: Path, signum: int, code: int, word: str
) -> None:
    out = tmp_path / "out" / "a.json"
    out.parent.mkdir()
    chain = str(ROOT / "sample_chains" / "cocoa.yaml")
    script = STOP_MID_WRITE.format(signum=int(signum), chain=chain, out=str(out))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == code, done.stderr
    assert done.stderr.startswith(word)
    assert os.listdir(out.parent) == []  # neither the output nor its temporary file


@pytest.mark.parametrize(
    ("args", "code", "start"),
    [
        (["profiles", "show", "country", "CIV"], 0, "Côte d'Ivoire"),
        (["validate", "{bad}", "--format", "json"], 2, "["),  # printed, not through rich
        (["validate", "{bad}", "2>&1"], 2, ""),  # its error lines go to the pipe too
    ],
)
def test_a_reader_that_stops_early_does_not_change_the_exit_code(
    tmp_path: Path, args: list[str], code: int, start: str
) -> None:
    bad = tmp_path / "bad.yaml"
    # more output than a pipe holds (64 KB), so the writer meets the closed pipe
    rows = "".join(f"  - {{id: A{i}, name: a, buyers: [Z]}}\n" for i in range(1500))
    bad.write_text("suppliers:\n" + rows, "utf-8")
    words = " ".join(a.format(bad=bad) for a in args)
    command = f"{sys.executable} -m ddtool {words} | head -c 1"
    done = subprocess.run(
        ["bash", "-c", command + "; exit ${PIPESTATUS[0]}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == code, done.stderr
    assert done.stdout.startswith(start[:1])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_batch_leaves_no_worker_behind(tmp_path: Path, signum: int) -> None:
    batch, workers = batch_with_workers(tmp_path)
    batch.send_signal(signum)
    assert batch.wait(timeout=60) in (130, 143)
    assert workers_left(workers) == []


# the signal comes inside the interpreter's callback after a fork in this process (the
# logging module registers one): an exception raised there would be printed and lost
STOP_AS_IT_FORKS = """
import os, signal, sys
import ddtool.assess
from ddtool.reporters import json_report
from ddtool.cli import main

ddtool.assess.INDENT_LIMIT = json_report.INDENT_LIMIT = 0  # (the cocoa chain forks too)
sent = []

def after_fork():
    if not sent:
        sent.append(True)
        os.kill(os.getpid(), {signum})
        sum(range(10_000))  # (the handler runs here, in the callback)

os.register_at_fork(after_in_parent=after_fork)
sys.argv = ["ddtool", *{args!r}]
main()
"""


# (a batch forks its workers itself where they are started by forking, not by a fork server
# or afresh, as Python 3.14 does on Linux and every version on macOS and Windows)
FORKED_WORKERS = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers not forked by the batch"
)


@pytest.mark.skipif(not can_fork(), reason="forking needs Linux and a second core")
@pytest.mark.parametrize(
    ("command", "signum", "code"),
    [
        ("assess", signal.SIGINT, 130),
        ("assess", signal.SIGTERM, 143),
        pytest.param("batch", signal.SIGINT, 130, marks=FORKED_WORKERS),
        pytest.param("batch", signal.SIGTERM, 143, marks=FORKED_WORKERS),
    ],
)
def test_a_signal_as_the_run_forks_stops_it(
    tmp_path: Path, command: str, signum: int, code: int
) -> None:
    out = tmp_path / "out"
    if command == "assess":
        args = ["assess", str(ROOT / "sample_chains" / "cocoa.yaml"), "-q", "-o", f"{out}.json"]
    else:
        members = tmp_path / "members"
        members.mkdir()
        for i in range(4):
            (members / f"m{i}.yaml").write_bytes(
                (ROOT / "sample_chains" / "cocoa.yaml").read_bytes()
            )
        args = ["batch", str(members), "-o", str(out), "-j", "2", "--format", "json"]
    script = STOP_AS_IT_FORKS.format(signum=int(signum), args=args)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    if command == "assess":
        assert not Path(f"{out}.json").exists()
        assert os.listdir(tmp_path) == []  # nor its temporary file
    else:  # stopped as its workers started: no member written, no summary
        assert "stopped before it was done: 0 of 4 members written" in done.stderr
        assert not (out / "summary.json").exists()
