"""Paths told as they are: a link in a loop or to nothing, a missing --profiles folder, a
--sheet a YAML file cannot use, a file name with a line break (escaped, one line)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import Location, shown_name
from ddtool.sources import ReadOptions, read_chain

SAMPLE = Path(__file__).resolve().parents[1] / "sample_chains" / "cocoa.yaml"


def test_links_that_lead_to_no_file_say_why(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "gone.yaml").symlink_to("nothere.yaml")
    _, problems = read_chain([tmp_path / "a.yaml", tmp_path / "gone.yaml"])
    assert [p.message for p in problems.errors] == [
        "a symbolic link in a loop (it leads back to itself): no file is there",
        "a symbolic link to a file that does not exist (nothere.yaml)",
    ]


def test_a_missing_profiles_folder_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    done = CliRunner().invoke(app, ["validate", str(SAMPLE), "--profiles", str(missing)])
    assert done.exit_code == 2
    assert f"{missing}: no such folder; --profiles must be a directory" in done.output


def test_sheet_is_said_not_to_be_used_on_yaml() -> None:
    _, problems = read_chain([SAMPLE], ReadOptions(sheet="Suppliers"))
    assert [(p.type, p.message) for p in problems.warnings] == [
        ("sheet-not-used", "--sheet 'Suppliers' is not used: a YAML file has no sheets")
    ]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("new\nline.yaml", "new\\nline.yaml"),
        ("tab\there.csv", "tab\\there.csv"),
        ("Lieferanten é 2026.xlsx", "Lieferanten é 2026.xlsx"),
    ],
)
def test_a_name_is_shown_on_one_line(name: str, shown: str) -> None:
    assert shown_name(name) == shown
    assert str(Location(name, row=3)) == f"{shown}, row 3"


@pytest.mark.parametrize("where", ["loop.json", "loop/out.json"])
def test_an_output_through_a_link_in_a_loop_is_a_usage_error(tmp_path: Path, where: str) -> None:
    loop = tmp_path / "loop" if "/" in where else tmp_path / "loop.json"
    loop.symlink_to(loop)
    out = tmp_path / where
    done = CliRunner().invoke(app, ["assess", str(SAMPLE), "-q", "-o", str(out)])
    assert done.exit_code == 2
    assert "a symbolic link in a loop" in done.output and "internal error" not in done.output


def _again(tmp_path: Path) -> dict[str, list[str]]:
    """The same chain file given again: by the same name, by another path, through a link."""
    (tmp_path / "link.yaml").symlink_to(SAMPLE)
    other = SAMPLE.parent / ".." / SAMPLE.parent.name / SAMPLE.name
    return {
        "same name": [str(SAMPLE), str(SAMPLE)],
        "another path": [str(SAMPLE), str(other)],
        "a link": [str(SAMPLE), str(tmp_path / "link.yaml")],
    }


@pytest.mark.parametrize("how", ["same name", "another path", "a link"])
def test_a_chain_file_given_again_is_read_once(tmp_path: Path, how: str) -> None:
    """It was read twice: every supplier an id used twice (27 errors pointing at themselves)."""
    files = _again(tmp_path)[how]
    out = tmp_path / "out.json"
    done = CliRunner().invoke(app, ["assess", *files, "-o", str(out)])
    assert done.exit_code == 0, done.output
    also = "" if how == "same name" else f" (as {files[1]})"
    assert f"note: {SAMPLE} is given again{also}: it is read once" in done.output
    doc = json.loads(out.read_text("utf-8"))
    assert [f["path"] for f in doc["input"]["files"]] == [str(SAMPLE)]
    assert doc["warnings"] == []  # (the same document as from the file given once)
    verified = CliRunner().invoke(app, ["assess", "--verify", str(out)])
    assert verified.exit_code == 0, verified.output
    for command in (["validate", "--merge", *files], ["explain", *files, "COOP-CI-3"]):
        done = CliRunner().invoke(app, command)
        assert done.exit_code == 0, done.output
        assert "is given again" in done.output
