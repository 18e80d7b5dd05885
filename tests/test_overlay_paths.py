"""An overlay is recorded as it was given with --profiles, as the input's path is: the JSON
and the reports do not depend on where the folders are on this machine, and --verify finds
an overlay given relatively."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.profiles import _load
from ddtool.verify import verify

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
OVERLAY = (
    "iso3,indicator,value,year,sex,source_id\n"
    "BGD,gsi2023_prevalence_per_1000,30,2025,total,walkfree-gsi-2023\n"
)


def _project(folder: Path) -> Path:
    """A folder holding a chain and an overlay `ov` beside it."""
    (folder / "ov").mkdir(parents=True)
    (folder / "ov" / "countries.csv").write_text(OVERLAY, "utf-8")
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "cocoa.yaml")
    return folder


def _assess(*args: str) -> None:
    done = CliRunner().invoke(app, ["assess", "cocoa.yaml", "-q", *args])
    assert done.exit_code == 0, done.output


@pytest.fixture(autouse=True)
def _pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.mark.parametrize(
    ("given", "recorded"), [("ov", "ov"), ("./ov/", "ov"), ("../here/ov", "../here/ov")]
)
def test_a_relative_overlay_is_recorded_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, recorded: str
) -> None:
    monkeypatch.chdir(_project(tmp_path / "here"))
    _assess("--profiles", given, "-o", "a.json", "-o", "a.md")
    document = json.loads(Path("a.json").read_text("utf-8"))
    assert document["profiles"]["overlays"] == [recorded]
    assert f"+ overlay {recorded}" in Path("a.md").read_text("utf-8")


def test_an_absolute_overlay_is_recorded_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    _assess("--profiles", str(tmp_path / "ov"), "-o", "a.json")
    document = json.loads(Path("a.json").read_text("utf-8"))
    assert document["profiles"]["overlays"] == [str(tmp_path / "ov")]


def test_the_same_command_in_two_folders_gives_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = []
    for name in ("one", "two/deeper"):
        monkeypatch.chdir(_project(tmp_path / name))
        _assess("--profiles", "ov", "-o", "a.json", "-o", "a.md", "-o", "a.html")
        made.append([Path(f"a.{s}").read_bytes() for s in ("json", "md", "html")])
    assert made[0] == made[1]


def test_verify_finds_a_relative_overlay_from_the_folder_it_was_made_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    _assess("--profiles", "ov", "-o", "a.json")
    result = verify(Path("a.json"))
    assert result.reproduced, result.reasons
    assert not any("overlays" in said for said in result.checked)  # (recorded alike)


def test_verify_finds_a_relative_overlay_beside_the_json_from_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path / "made"))
    _assess("--profiles", "ov", "-o", "a.json")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = verify(Path("../made/a.json"))
    assert result.reproduced, result.reasons


def test_verify_finds_a_relative_overlay_with_an_absolute_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The input is found where it is, the re-run made here: the overlay is not here, but
    beside the JSON."""
    made = _project(tmp_path / "made")
    monkeypatch.chdir(made)
    done = CliRunner().invoke(
        app, ["assess", str(made / "cocoa.yaml"), "-q", "--profiles", "ov", "-o", "a.json"]
    )
    assert done.exit_code == 0, done.output
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = verify(made / "a.json")
    assert result.reproduced, result.reasons


def test_verify_says_an_overlay_with_other_data_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    _assess("--profiles", "ov", "-o", "a.json")
    (tmp_path / "ov" / "countries.csv").write_text(OVERLAY.replace(",30,", ",31,"), "utf-8")
    _load.cache_clear()  # (what this process read before: a run reads the profiles once)
    result = verify(Path("a.json"))
    assert not result.reproduced
    assert any("risk profiles differ" in said for said in result.reasons)
