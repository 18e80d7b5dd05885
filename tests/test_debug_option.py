"""`--debug` shows the traceback of a failure, wherever it is written before `--`: before the
command (`ddtool --debug assess FILE`) or after it (`ddtool assess FILE --debug`, which was
refused as "No such option")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ddtool.cli import _debug_first

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "sample_chains" / "services.yaml")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["assess", "f.yaml"], ["assess", "f.yaml"]),
        (["--debug", "assess", "f.yaml"], ["--debug", "assess", "f.yaml"]),
        (["assess", "f.yaml", "--debug"], ["--debug", "assess", "f.yaml"]),
        (["assess", "--debug", "f.yaml", "-q"], ["--debug", "assess", "f.yaml", "-q"]),
        # after `--` it is a file's name, not the option
        (["assess", "--", "--debug"], ["assess", "--", "--debug"]),
        (["validate", "a.csv", "--", "x", "--debug"], ["validate", "a.csv", "--", "x", "--debug"]),
        ([], []),
    ],
)
def test_debug_is_put_first(args: list[str], expected: list[str]) -> None:
    assert _debug_first(args) == expected


@pytest.mark.parametrize(
    ("args", "traceback"),
    [
        (["assess", SAMPLE, "-q"], False),
        (["--debug", "assess", SAMPLE, "-q"], True),
        (["assess", SAMPLE, "-q", "--debug"], True),
    ],
)
def test_debug_shows_the_traceback_wherever_written(args: list[str], traceback: bool) -> None:
    """A setting that is no date fails the run (exit 2 without --debug, a message only)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}
    run = subprocess.run(
        [sys.executable, "-m", "ddtool", *args], capture_output=True, text=True, env=env
    )
    assert "No such option" not in run.stderr
    assert "SOURCE_DATE_EPOCH='yesterday' is not a date" in run.stderr
    assert ("Traceback (most recent call last)" in run.stderr) is traceback
    if not traceback:
        assert run.returncode == 2
