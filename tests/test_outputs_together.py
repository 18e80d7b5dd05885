"""Several outputs of one run (`assess`, `report`, `diff`) are put in place together: when one
cannot be written, none is, every file that was there keeps its content, no temporary file is
left, and the error says that no output was changed; when a rename itself fails, the error
names the outputs replaced and those that keep their earlier content, even with -q."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from saved_support import saved_services
from typer.testing import CliRunner

import ddtool.assess
import ddtool.reporters.json_report as json_report
from ddtool import atomic
from ddtool.cli import app
from ddtool.deferred import can_fork

ROOT = Path(__file__).resolve().parents[1]
CHAIN = ROOT / "sample_chains" / "cocoa.yaml"
EARLIER = "from an earlier run\n"
NO_SPACE = "No space left on device"

# (command, its arguments before the outputs, three outputs: the second one fails)
COMMANDS: list[tuple[str, list[str], list[str]]] = [
    ("assess", [str(CHAIN), "-q"], ["a.json", "b.xlsx", "c.html"]),
    ("report", ["{saved}", "-q"], ["a.md", "b.csv", "c.xlsx"]),
    ("diff", ["{saved}", "{saved}", "-q"], ["a.md", "b.json", "c.xlsx"]),
]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return saved_services(tmp_path_factory)


def _run(command: str, arguments: list[str], outputs: list[Path], saved: Path) -> str:
    """Run the command in this process: its exit code must be 2; its output on one line."""
    args = [a.format(saved=saved) for a in arguments]
    done = CliRunner().invoke(app, [command, *args, *(a for o in outputs for a in ("-o", str(o)))])
    text = " ".join(done.output.split())  # (the terminal wraps long lines)
    assert done.exit_code == 2, text
    return text


def _fail_made(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file of output `name` cannot be made (its folder full)."""
    made = tempfile.mkstemp

    def mkstemp(*args: Any, prefix: str = "", **kwargs: Any) -> tuple[int, str]:
        if prefix.startswith(f".{name}."):
            raise OSError(28, NO_SPACE)
        return made(*args, prefix=prefix, **kwargs)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)


def _fail_written(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills as output `name` is written (its data cannot be synced)."""
    synced = os.fsync

    def fsync(fd: int) -> None:
        if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(f".{name}."):
            raise OSError(28, NO_SPACE)
        synced(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)


FAILURES: dict[str, Callable[[str, pytest.MonkeyPatch], None]] = {
    "as it is made": _fail_made,
    "as it is written": _fail_written,
}


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc/self/fd")
@pytest.mark.parametrize("failure", list(FAILURES))
@pytest.mark.parametrize(("command", "arguments", "names"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_failed_output_changes_no_output(
    tmp_path: Path,
    saved: Path,
    monkeypatch: pytest.MonkeyPatch,
    failure: str,
    command: str,
    arguments: list[str],
    names: list[str],
) -> None:
    first, failing, last = outputs = [tmp_path / name for name in names]
    for earlier in (first, last):
        earlier.write_text(EARLIER, encoding="utf-8")
    FAILURES[failure](failing.name, monkeypatch)
    text = _run(command, arguments, outputs, saved)
    assert text == (
        f"error: {failing}: cannot be written: {NO_SPACE}; no output was changed: {first},"
        f" {failing} and {last} were not written (no output was left half-written; {first}"
        f" and {last} keep their earlier content)"
    )
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, last.name])  # no temporary
    assert first.read_text(encoding="utf-8") == last.read_text(encoding="utf-8") == EARLIER


@pytest.mark.parametrize(("command", "arguments", "names"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_a_failed_rename_names_the_outputs_replaced_and_not(
    tmp_path: Path,
    saved: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    arguments: list[str],
    names: list[str],
) -> None:
    first, failing, last = outputs = [tmp_path / name for name in names]
    for earlier in (first, failing):
        earlier.write_text(EARLIER, encoding="utf-8")
    renamed = os.replace

    def replace(source: Any, target: Any) -> None:
        if Path(target) == failing:  # (the disk lost, say)
            raise OSError(5, "Input/output error")
        renamed(source, target)

    monkeypatch.setattr(atomic.os, "replace", replace)
    text = _run(command, arguments, outputs, saved)
    assert text == (
        f"error: {failing}: cannot be written: Input/output error; {first} was written;"
        f" {failing} and {last} were not (no output was left half-written; {failing} keeps its"
        " earlier content)"
    )
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, failing.name])  # no temporary
    assert first.read_text(encoding="utf-8") != EARLIER
    assert failing.read_text(encoding="utf-8") == EARLIER


def test_a_bug_in_one_diff_output_changes_none(
    tmp_path: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ddtool.reporters.diff_report as diff_report

    def broken(diff: dict[str, Any], path: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(diff_report, "_write_json", broken)
    outputs = [tmp_path / name for name in ("d.md", "d.json", "d.xlsx")]
    outputs[0].write_text(EARLIER, encoding="utf-8")
    text = _run("diff", [str(saved), str(saved), "-q"], outputs, saved)
    assert text.startswith(
        "error: internal error: RuntimeError: boom (run with --debug for a traceback);"
        " no output was changed:"
    ), text
    assert os.listdir(tmp_path) == ["d.md"]
    assert outputs[0].read_text(encoding="utf-8") == EARLIER


@pytest.mark.skipif(not can_fork(), reason="forking needs Linux and a second core")
def test_a_json_built_ahead_and_then_abandoned_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The JSON is written first, from the parts a forked process serialised; the workbook
    after it fails: the JSON is not put in place. A run that succeeds then writes the same
    JSON as a run with that one output."""
    monkeypatch.setattr(ddtool.assess, "INDENT_LIMIT", 0)  # (the large-chain path)
    monkeypatch.setattr(json_report, "INDENT_LIMIT", 0)
    monkeypatch.setattr(json_report, "CHUNK", 5)
    outputs = [tmp_path / name for name in ("a.json", "b.xlsx", "c.md")]
    outputs[0].write_text(EARLIER, encoding="utf-8")
    with monkeypatch.context() as patched:
        _fail_made("b.xlsx", patched)
        _run("assess", [str(CHAIN), "-q"], outputs, tmp_path)
    assert os.listdir(tmp_path) == ["a.json"]
    assert outputs[0].read_text(encoding="utf-8") == EARLIER
    args = ["assess", str(CHAIN), "-q", *(a for o in outputs for a in ("-o", str(o)))]
    assert CliRunner().invoke(app, args).exit_code == 0
    alone = tmp_path / "alone" / "a.json"
    assert CliRunner().invoke(app, ["assess", str(CHAIN), "-q", "-o", str(alone)]).exit_code == 0
    assert outputs[0].read_bytes() == alone.read_bytes()


def test_a_stop_during_the_renames_comes_after_the_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = [tmp_path / name for name in ("a.md", "b.md", "c.md")]
    renamed = os.replace

    def replace_and_stop(source: Any, target: Any) -> None:
        renamed(source, target)
        os.kill(os.getpid(), signal.SIGINT)  # (Ctrl-C just after the first rename)

    monkeypatch.setattr(atomic.os, "replace", replace_and_stop)
    handler = signal.getsignal(signal.SIGINT)
    with pytest.raises(KeyboardInterrupt), atomic.published_together():
        for out in outputs:
            atomic.write_atomic(out, f"new {out.name}\n")
    assert [out.read_text(encoding="utf-8") for out in outputs] == [
        f"new {out.name}\n" for out in outputs
    ]
    assert sorted(os.listdir(tmp_path)) == ["a.md", "b.md", "c.md"]
    assert signal.getsignal(signal.SIGINT) is handler  # (as it was)


# the Markdown output opens its temporary file, writes part of it and waits there for the
# signal, which the test sends once that file is there (the outputs before it are written)
WAIT_MID_WRITE = """
import sys, time
from pathlib import Path
from ddtool import atomic
import {module} as target
from ddtool.cli import main

def write_and_wait(path, data):
    if Path(path).suffix != ".md":
        return atomic.write_atomic(path, data)
    with atomic.atomic_open(path) as handle:
        handle.write(data[:100].encode() if isinstance(data, str) else data[:100])
        handle.flush()
        time.sleep(120)

target.write_atomic = write_and_wait
sys.argv = ["ddtool", *{args!r}]
main()
"""

# (command, the module whose Markdown writing waits, its arguments with three outputs, the
# signal, the exit code and the word for it)
STOPPED: list[tuple[str, str, list[str], int, int, str]] = [
    (
        "assess",
        "ddtool.reporters.markdown_report",
        ["assess", str(CHAIN), "-q", "-o", "a.json", "-o", "b.md", "-o", "c.csv"],
        signal.SIGTERM,
        143,
        "terminated",
    ),
    (
        "diff",
        "ddtool.reporters.diff_report",
        ["diff", "{saved}", "{saved}", "-q", "-o", "a.json", "-o", "b.md", "-o", "c.xlsx"],
        signal.SIGINT,
        130,
        "interrupted",
    ),
]


@pytest.mark.parametrize(
    ("command", "module", "args", "signum", "code", "word"), STOPPED, ids=[s[0] for s in STOPPED]
)
def test_a_run_stopped_midway_changes_no_output(
    tmp_path: Path,
    saved: Path,
    command: str,
    module: str,
    args: list[str],
    signum: int,
    code: int,
    word: str,
) -> None:
    (tmp_path / "a.json").write_text(EARLIER, encoding="utf-8")
    script = WAIT_MID_WRITE.format(module=module, args=[a.format(saved=saved) for a in args])
    run = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not any(tmp_path.glob(".b.md.*.tmp")):
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the run never reached its second output"
            time.sleep(0.05)
        run.send_signal(signum)
        _, stderr = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
            run.communicate()
    last = args[-1]
    assert run.returncode == code, stderr
    assert stderr.strip() == (
        f"{word}: a.json, b.md and {last} were not written (no output was left half-written;"
        " a.json keeps its earlier content)"
    )
    assert os.listdir(tmp_path) == ["a.json"]
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == EARLIER
