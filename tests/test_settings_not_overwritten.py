"""An output never replaces a file the run reads besides its chain: the --config file, a
profile file of an overlay given with --profiles or of the bundled data, however the two
paths are spelled (relative, `./`, absolute, through a symbolic link, in another case)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ddtool.profiles
from ddtool.cli import app
from ddtool.profiles import bundled_dir

ROOT = Path(__file__).resolve().parents[1]
CHAIN = str(ROOT / "sample_chains" / "services.yaml")
HELD = "what the user keeps here\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with an overlay `ov` (its countries.csv), a settings file and links to both,
    made the current folder."""
    (tmp_path / "ov").mkdir()
    (tmp_path / "ov" / "countries.csv").write_text(HELD, encoding="utf-8")
    (tmp_path / "settings.json").write_text(HELD, encoding="utf-8")
    (tmp_path / "linked-ov").symlink_to("ov")
    (tmp_path / "linked.json").symlink_to("settings.json")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _refused(args: list[str], held: Path, what: str = "") -> None:
    """The run refused, saying which input the output is (`what`) and what to do."""
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 2, done.output
    said = " ".join(done.output.split())
    assert "refusing to overwrite an input file" in said
    if what:
        assert f"refusing to overwrite an input file, {what}" in said
        assert said.endswith(": choose another -o path")
    assert held.read_text(encoding="utf-8") == HELD


OVERLAY_SPELLINGS: list[tuple[str, Callable[[Path], str]]] = [
    ("ov", lambda _: "ov/countries.csv"),
    ("./ov/", lambda _: "./ov/countries.csv"),
    ("ov", lambda here: str(here / "ov" / "countries.csv")),
    ("ov", lambda _: "ov/../ov/countries.csv"),
    ("linked-ov", lambda _: "ov/countries.csv"),
    ("ov", lambda _: "linked-ov/countries.csv"),
    ("ov", lambda _: "ov/COUNTRIES.csv"),
]


@pytest.mark.parametrize(("given", "output"), OVERLAY_SPELLINGS)
def test_assess_refuses_an_overlays_file(
    folder: Path, given: str, output: Callable[[Path], str]
) -> None:
    _refused(
        ["assess", CHAIN, "--profiles", given, "-q", "-o", output(folder)],
        folder / "ov" / "countries.csv",
        f"a risk-profile file of the overlay {Path(given).name!r} this run reads",
    )


@pytest.mark.parametrize(
    ("given", "output"),
    [
        ("settings.json", "settings.json"),
        ("./settings.json", "settings.json"),
        ("settings.json", "SETTINGS.json"),
        ("linked.json", "settings.json"),
        ("settings.json", "linked.json"),
    ],
)
def test_assess_refuses_the_settings_file(folder: Path, given: str, output: str) -> None:
    what = "the --config settings file this run reads"
    _refused(
        ["assess", CHAIN, "--config", given, "-q", "-o", output], folder / "settings.json", what
    )
    _refused(
        ["assess", CHAIN, "--config", str(folder / given), "-q", "-o", str(folder / output)],
        folder / "settings.json",
        what,
    )


def test_assess_refuses_a_bundled_profile_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The bundled data stood in for by a folder of the test's: should the check fail, the
    run writes there, not over the real data.)"""
    bundled = folder / "bundled"
    bundled.mkdir()
    (bundled / "countries.csv").write_text(HELD, encoding="utf-8")
    monkeypatch.setattr(ddtool.profiles, "bundled_dir", lambda: bundled)
    _refused(
        ["assess", CHAIN, "-q", "-o", "bundled/countries.csv"],
        bundled / "countries.csv",
        "a file of the bundled risk data this run reads",
    )


def test_template_refuses_an_overlays_file_even_with_force(folder: Path) -> None:
    _refused(
        ["template", "--profiles", "ov", "-o", "ov/countries.csv", "--force"],
        folder / "ov" / "countries.csv",
        "a risk-profile file of the overlay 'ov' this run reads",
    )


@pytest.mark.parametrize("name", ["summary.json", "acme/assessment.json", "acme/report.md"])
def test_batch_refuses_a_settings_file_it_would_write(folder: Path, name: str) -> None:
    held = folder / "out" / name
    held.parent.mkdir(parents=True)
    held.write_text(HELD, encoding="utf-8")
    _refused(["batch", CHAIN, "-o", "out", "--config", f"out/{name}", "-q"], held)
    _refused(["batch", CHAIN, "-o", "./out/", "--config", str(held), "-q"], held)


def test_an_output_beside_the_overlay_files_is_written(folder: Path) -> None:
    """Only the files read are refused: a report may go into the overlay's folder."""
    (folder / "ov" / "countries.csv").write_bytes((bundled_dir() / "countries.csv").read_bytes())
    done = CliRunner().invoke(app, ["assess", CHAIN, "--profiles", "ov", "-q", "-o", "ov/r.json"])
    assert done.exit_code == 0, done.output
    assert (folder / "ov" / "r.json").is_file()
