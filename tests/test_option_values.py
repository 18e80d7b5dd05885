"""Option values that make no sense are usage errors (exit 2), not odd runs."""

from __future__ import annotations

import os
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
        # so was an empty input: "error: .: a directory, not a chain file"
        (["validate", ""], "an empty path"),
        (["assess", SAMPLE, " ", "-q"], "an empty path"),
        (["report", "", "-o", "out.md"], "an empty path"),
        (["diff", SAMPLE, ""], "an empty path"),
        (["batch", "", "-o", "out"], "an empty path"),
        (["explain", "", "S1"], "an empty path"),
        (["explain", SAMPLE, ""], "an empty supplier id"),
        (["assess", SAMPLE, "-q", "--profiles", ""], "an empty path"),
        (["assess", SAMPLE, "-q", "--config", ""], "an empty path"),
        (["validate", SAMPLE, "--config", ""], "an empty path"),
        (["assess", "--verify", ""], "an empty path"),
        # a limit below 1 was taken ("5 rows, more than the limit of -1")
        (["validate", SAMPLE, "--max-rows", "-1"], "--max-rows"),
        (["assess", SAMPLE, "--max-rows", "0"], "--max-rows"),
        (["validate", SAMPLE, "--max-file-mb", "0"], "--max-file-mb"),
        (["validate", SAMPLE, "--max-depth", "-5"], "--max-depth"),
        # deeper values break the outputs (the JSON writer, Python's recursion)
        (["validate", SAMPLE, "--max-depth", "201"], "--max-depth"),
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


def test_an_output_that_is_the_input_under_another_name_is_refused(tmp_path: Path) -> None:
    """On a file system that ignores case (macOS, Windows) `-o vendors.yaml` is the input
    `Vendors.yaml`; here a second name of the same file (a hard link) stands for it."""
    given = tmp_path / "Vendors.csv"
    text = "Supplier ID,Supplier name,Country,Sector\nS1,Mill,BGD,garment manufacturing\n"
    given.write_text(text, encoding="utf-8")
    other = tmp_path / "vendors.csv"
    os.link(given, other)
    result = CliRunner().invoke(app, ["assess", str(given), "-q", "-o", str(other)])
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert "refusing to overwrite an input file, a chain file this run reads (" in said
    assert said.endswith(": choose another -o path")
    assert given.read_text(encoding="utf-8") == text


SAMPLE = Path(__file__).resolve().parents[1] / "sample_chains" / "coffee.yaml"


@pytest.mark.parametrize(
    ("command", "as_of", "warned"),
    [
        (["assess", str(SAMPLE)], "2999-01-01", True),
        (["assess", str(SAMPLE), "-q"], "2999-01-01", False),  # -q: no warnings
        (["assess", str(SAMPLE)], "2025-06-30", False),
        # after the day SOURCE_DATE_EPOCH pins, not after today: no warning
        (["assess", str(SAMPLE)], "2026-01-02", False),
        (["explain", str(SAMPLE), "FARM-BR-1"], "2999-01-01", True),
    ],
)
def test_an_as_of_after_today_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], as_of: str, warned: bool
) -> None:
    """A later as-of judges certificates as they will stand: allowed, and said on stderr
    (today is the day it is, whatever SOURCE_DATE_EPOCH pins)."""
    import datetime as dt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert dt.date.today() >= dt.date(2026, 1, 2)
    args = [*command, "--as-of", as_of]
    if command[0] == "assess":
        args += ["-o", str(tmp_path / "a.json")]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    line = f"warning: --as-of {as_of} is after today ({dt.date.today()}): certificates and"
    assert (line in done.stderr) is warned


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["--fail-on", "hgh"],
            "'hgh' is not a level: one of low, medium, high, critical (did you mean 'high'?)",
        ),
        (["--fail-on", "severe"], "'severe' is not a level: one of low, medium, high, critical"),
    ],
)
def test_a_level_written_wrong_gets_the_closest(tmp_path: Path, args: list[str], said: str) -> None:
    """It said "Value error, 'hgh' is not one of …", with no suggestion."""
    done = CliRunner().invoke(app, ["assess", str(SAMPLE), "-q", *args])
    assert done.exit_code == 2
    assert said in " ".join(done.output.split())
    assert "Value error" not in done.output


@pytest.mark.parametrize("written", ["HIGH", "High", " high "])
def test_a_level_in_another_case_is_the_level(tmp_path: Path, written: str) -> None:
    done = CliRunner().invoke(
        app, ["assess", str(SAMPLE), "-q", "--fail-on", written, "-o", str(tmp_path / "a.json")]
    )
    assert done.exit_code == 1  # (the coffee chain reaches high)
    assert "--fail-on high reached" in done.stderr
