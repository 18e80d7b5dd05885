"""A file that is no assessment, given to `ddtool report` or `ddtool diff`, is named for what
it is: another ddtool file (a diff, a batch summary) with the command that reads an
assessment, or a file cut off, with the line and column where it ends."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from saved_support import saved_services
from typer.testing import CliRunner

from ddtool.cli import app

CUT = "was it copied or saved in full?"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return saved_services(tmp_path_factory)


def _diff_file(saved: Path, folder: Path) -> Path:
    out = folder / "changes.json"
    done = CliRunner().invoke(app, ["diff", str(saved), str(saved), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    return out


def _batch_summary(saved: Path, folder: Path) -> Path:
    out = folder / "summary.json"  # (as `ddtool batch` writes it: see docs/json-contract.md)
    summary = {"schema_version": "1.0", "members": 1, "assessed": 1, "failed": 0}
    out.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return out


# (case, how the file is made, what the message says after the file's name)
OTHER_FILES: list[tuple[str, Callable[[Path, Path], Path], str]] = [
    (
        "a diff",
        _diff_file,
        "a ddtool diff (written by `ddtool diff`), not an assessment: `ddtool {command}` reads"
        " the assessment JSON that `ddtool assess … -o FILE.json` writes",
    ),
    (
        "a batch summary",
        _batch_summary,
        "the summary of a `ddtool batch` run, not an assessment: `ddtool {command}` reads the"
        " assessment JSON of one chain",
    ),
]


def _args(command: str, saved: Path, given: Path, out: Path) -> list[str]:
    """The command line that reads `given` as a saved assessment."""
    if command == "assess --verify":
        return ["assess", "--verify", str(given), "-q"]
    first = [str(saved)] if command == "diff" else []
    return [command, *first, str(given), "-q", "-o", str(out)]


@pytest.mark.parametrize("command", ["report", "diff", "assess --verify"])
@pytest.mark.parametrize(("case", "make", "says"), OTHER_FILES, ids=[c[0] for c in OTHER_FILES])
def test_another_ddtool_file_is_named_for_what_it_is(
    tmp_path: Path,
    saved: Path,
    command: str,
    case: str,
    make: Callable[[Path, Path], Path],
    says: str,
) -> None:
    given = make(saved, tmp_path)
    done = CliRunner().invoke(app, _args(command, saved, given, tmp_path / "r.md"))
    assert done.exit_code == 2, done.output
    text = " ".join(done.output.split())
    assert text.startswith(f"error: {given}: {says.format(command=command)}"), text
    assert "missing 'tool'" not in text and not (tmp_path / "r.md").exists()


@pytest.fixture(scope="module")
def registers(saved: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The registers `report` writes of the saved assessment, in a folder of their own."""
    folder = tmp_path_factory.mktemp("registers")
    outputs = [str(folder / f"register{suffix}") for suffix in (".xlsx", ".csv", ".html", ".md")]
    done = CliRunner().invoke(
        app, ["report", str(saved), "-q", *(a for o in outputs for a in ("-o", o))]
    )
    assert done.exit_code == 0, done.output
    return folder


# (a register, what it is said to be)
REGISTERS = [
    (".xlsx", "an Excel risk register"),
    (".csv", "a CSV risk register"),
    (".html", "an HTML risk register"),
    (".md", "a Markdown risk register"),
]


@pytest.mark.parametrize("command", ["report", "diff", "assess --verify"])
@pytest.mark.parametrize(("suffix", "what"), REGISTERS, ids=[r[0] for r in REGISTERS])
def test_a_register_is_named_for_what_it_is(
    tmp_path: Path, saved: Path, registers: Path, command: str, suffix: str, what: str
) -> None:
    """A register given for the assessment JSON it was written from is said to be one (as
    `assess` says of one given as a chain), not "not UTF-8 text" or "invalid JSON"."""
    given = registers / f"register{suffix}"
    done = CliRunner().invoke(app, _args(command, saved, given, tmp_path / "r.md"))
    assert done.exit_code == 2, done.output
    assert " ".join(done.output.split()) == (
        f"error: {given}: {what} written by ddtool (an assessment's output), not the assessment"
        f" JSON: `ddtool {command}` reads the assessment JSON it was written from (`ddtool"
        " assess … -o FILE.json`)"
    )
    assert not (tmp_path / "r.md").exists()


def _cut_in_a_text(text: str) -> tuple[str, str]:
    """Cut inside the first supplier's name: the file ends in a text."""
    at = text.index('"name": "', text.index('"suppliers"')) + len('"name": "') + 3
    return text[:at], "inside a text that begins at line {line}, column {start}"


def _cut_between_values(text: str) -> tuple[str, str]:
    at = text.index('"flags"') + len('"flags": [')
    return text[:at], "before the JSON is complete"


@pytest.mark.parametrize(
    ("cut", "command"),
    [
        (_cut_in_a_text, "report"),
        (_cut_between_values, "report"),
        (_cut_in_a_text, "diff"),
        (_cut_between_values, "assess --verify"),
    ],
)
def test_a_file_cut_off_says_where_it_ends(
    tmp_path: Path, saved: Path, cut: Callable[[str], tuple[str, str]], command: str
) -> None:
    text, where = cut(saved.read_text(encoding="utf-8"))
    given = tmp_path / "cut.json"
    given.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    # where the file ends, and where the text it ends in begins (its opening quote)
    line, column = len(lines), len(lines[-1])
    start = lines[-1].rindex('"') + 1
    done = CliRunner().invoke(app, _args(command, saved, given, tmp_path / "r.json"))
    assert done.exit_code == 2, done.output
    expected = (
        f"error: {given}: not a ddtool assessment JSON (invalid JSON at line {line}, column"
        f" {column}: the file is cut off there, {where.format(line=line, start=start)}; {CUT})"
    )
    assert " ".join(done.output.split()) == expected
    assert not (tmp_path / "r.json").exists()


def test_json_that_is_not_cut_off_says_what_the_parser_says(tmp_path: Path, saved: Path) -> None:
    """(A mistake inside the file is no cut: the parser's own words, with the place.)"""
    text = saved.read_text(encoding="utf-8").replace('"flags": [', '"flags": [,', 1)
    given = tmp_path / "broken.json"
    given.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(app, ["report", str(given), "-q", "-o", str(tmp_path / "r.md")])
    assert done.exit_code == 2
    out = " ".join(done.output.split())
    assert "invalid JSON at line" in out and "Expecting value" in out and CUT not in out


def test_an_empty_file_says_so(tmp_path: Path) -> None:
    given = tmp_path / "empty.json"
    given.write_text("\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["report", str(given), "-q", "-o", str(tmp_path / "r.md")])
    assert done.exit_code == 2
    assert " ".join(done.output.split()) == (
        f"error: {given}: not a ddtool assessment JSON (the file is empty: was it saved in full?)"
    )
