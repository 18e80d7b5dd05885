"""A value a risk-data overlay gives is marked as the overlay's wherever it is shown: an
auditor tells it from the bundled, sourced figure."""

from __future__ import annotations

from pathlib import Path

from profile_support import ghana_overlay
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.profiles import load_profiles
from ddtool.scoring import indicator_evidence

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"


def _overlay(tmp_path: Path) -> Path:
    """An overlay raising Ghana's modern-slavery prevalence from the bundled row's value."""
    return ghana_overlay(tmp_path / "overlay2027", "9.0")


def test_an_overlay_value_is_marked_and_a_bundled_one_is_not(tmp_path: Path) -> None:
    profiles = load_profiles([_overlay(tmp_path)])
    given = profiles.indicator("GHA", "gsi2023_prevalence_per_1000")
    bundled = profiles.indicator("CIV", "gsi2023_prevalence_per_1000")
    assert given is not None and bundled is not None
    assert (given.number, given.overlay) == (9.0, "overlay2027/countries.csv")
    assert bundled.overlay == ""
    assert indicator_evidence(given, profiles).note.startswith(
        "from the overlay overlay2027/countries.csv"
    )
    assert "overlay" not in indicator_evidence(bundled, profiles).note


def test_the_assessment_explain_and_profiles_show_name_the_overlay(tmp_path: Path) -> None:
    folder = _overlay(tmp_path)
    doc = assess([SAMPLES / "cocoa.yaml"], AssessOptions(profiles=[folder])).document
    facts = [e for e in doc["evidence"].values() if e["indicator"].startswith("gsi2023_prev")]
    marked = {e["indicator"] for e in facts if "from the overlay" in e.get("note", "")}
    assert marked == {"gsi2023_prevalence_per_1000 (GHA)"}
    runner = CliRunner()
    shown = runner.invoke(
        app,
        ["profiles", "show", "country", "GHA", "--profiles", str(folder)],
        env={"COLUMNS": "250"},
    )
    assert shown.exit_code == 0, shown.output
    [line] = [x for x in shown.output.splitlines() if "gsi2023_prevalence" in x]
    assert "9 per 1,000" in line and "from the overlay overlay2027/countries.csv" in line
    explained = runner.invoke(
        app,
        ["explain", str(SAMPLES / "cocoa.yaml"), "FARM-GH-1", "--profiles", str(folder)],
        env={"COLUMNS": "1000"},  # (no cell wrapped)
    )
    assert explained.exit_code == 0, explained.output
    rows = [x for x in explained.output.splitlines() if "modern slavery per 1,000" in x]
    # (credited to the overlay, as the registers credit it, the source its row names behind
    # it in the note)
    credit = (
        "2023, the overlay overlay2027/countries.csv (given with --profiles) — from the overlay"
    )
    behind = "[source behind it: Global Slavery Index 2023 (estimates for 2021) (2023)]"
    assert rows and all(credit in x and behind in x for x in rows)


def _sector_overlay(tmp_path: Path) -> Path:
    """An overlay re-rating cocoa farming: child labour likelihood 0.95."""
    import yaml

    bundled = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / "risk_profiles" / "sectors.yaml").read_text("utf-8")
    )["sectors"]
    cocoa = next(s for s in bundled if s["id"] == "cocoa-farming")
    cocoa["risk"]["child_labour"] = {**cocoa["risk"]["child_labour"], "likelihood": 0.95}
    folder = tmp_path / "rerated"
    folder.mkdir()
    (folder / "sectors.yaml").write_text(yaml.safe_dump({"sectors": [cocoa]}), "utf-8")
    return folder


def test_a_sector_rating_an_overlay_gives_is_marked_everywhere(tmp_path: Path) -> None:
    """Re-rated sectors read "ddtool rating" in the evidence and "own" in explain, as if
    the project's: an auditor could not tell the override."""
    folder = _sector_overlay(tmp_path)
    doc = assess([SAMPLES / "cocoa.yaml"], AssessOptions(profiles=[folder])).document
    ratings = [
        e
        for e in doc["evidence"].values()
        if "(cocoa-farming)" in e["indicator"]
        and e["indicator"].startswith(("sector inherent likelihood", "severity ("))
    ]
    assert len(ratings) == 6 and all(
        e["indicator"].endswith("rating from the overlay rerated/sectors.yaml")
        and e["source"] == "the overlay rerated/sectors.yaml (given with --profiles)"
        for e in ratings
    )
    assert any(e["value"] == 0.95 for e in ratings)
    bundled = assess([SAMPLES / "cocoa.yaml"]).document
    assert not any("overlay" in e["indicator"] for e in bundled["evidence"].values())
    runner = CliRunner()
    shown = runner.invoke(
        app, ["profiles", "show", "sector", "cocoa-farming", "--profiles", str(folder)]
    )
    assert "from the overlay rerated/sectors.yaml: its ratings are not ddtool's" in shown.output
    explained = runner.invoke(
        app,
        ["explain", str(SAMPLES / "cocoa.yaml"), "FARM-GH-1", "--profiles", str(folder)],
        env={"COLUMNS": "1000"},  # (no cell wrapped)
    )
    rows = [x for x in explained.output.splitlines() if "sector inherent likelihood" in x]
    # (the rating credited to the overlay, as the registers credit it)
    credit = "│ the overlay rerated/sectors.yaml (given with --profiles) — "
    assert rows and all(credit in x for x in rows)
