"""Option values that make no sense are usage errors (exit 2), not odd runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

SAMPLE = str(Path(__file__).resolve().parents[1] / "sample_chains" / "cocoa.yaml")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # an empty -o (an unset variable) was the current folder: "error: .: unknown output
        # format", or a batch written into the folder the command ran in
        (["assess", SAMPLE, "-q", "-o", ""], "an empty path"),
        (["report", SAMPLE, "-o", " "], "an empty path"),
        (["diff", SAMPLE, SAMPLE, "-o", ""], "an empty path"),
        (["batch", SAMPLE, "-o", ""], "an empty path"),
        (["template", "-o", ""], "an empty path"),
        # a limit below 1 was taken ("5 rows, more than the limit of -1")
        (["validate", SAMPLE, "--max-rows", "-1"], "--max-rows"),
        (["assess", SAMPLE, "--max-rows", "0"], "--max-rows"),
        (["validate", SAMPLE, "--max-file-mb", "0"], "--max-file-mb"),
        (["validate", SAMPLE, "--max-depth", "-5"], "--max-depth"),
        (["validate", SAMPLE, "--max-inflate-mb", "0"], "--max-inflate-mb"),
    ],
)
def test_a_senseless_option_value_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert list(tmp_path.iterdir()) == []  # nothing written where the command ran
