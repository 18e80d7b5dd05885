"""Every report says the settings an assessment was made with: "the defaults" where no settings
file was given (whatever an earlier ddtool's defaults were), else the file and each value it
set that is not the default. A setting an earlier assessment does not record (one added to
ddtool since) is not said to differ, nor is an earlier default (certifications recognised
then) said to be a setting."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.reporters.shown import settings_text

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_1 = ROOT / "tests" / "assets" / "diff" / "cocoa-schema-1.0.json"
CHAIN = ROOT / "sample_chains" / "cocoa.yaml"
SETTINGS = "thresholds:\n  critical: 0.9\nscoring:\n  audit_valid_months: 12\n"
SET = "thresholds.critical 0.9 (default 0.7); scoring.audit_valid_months 12 (default 24)"
Document = dict[str, Any]
Edit = Callable[[Document], None]


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    """The cocoa chain assessed with the defaults, and with a settings file (`ddtool.yaml`)."""
    config = tmp_path_factory.mktemp("settings") / "ddtool.yaml"
    config.write_text(SETTINGS, encoding="utf-8")
    return {
        "defaults": assess([CHAIN]).data,
        "file": assess([CHAIN], AssessOptions(config=config)).data,
    }


def _settings(edit: Callable[[dict[str, Any]], None]) -> Edit:
    return lambda d: edit(d["options"]["settings"])


def _not_recorded(d: dict[str, Any]) -> None:
    """As a schema 1.x assessment records its settings: without those added since."""
    for key in ("no_data_sector_score", "thin_country_coverage"):
        del d["scoring"][key]


def _earlier_certifications(d: dict[str, Any]) -> None:
    """As an earlier ddtool's defaults were: two more certifications recognised."""
    d["recognised_certifications"] += ["Fishing Industry Association", "MSC"]


def _back_to_the_defaults(d: dict[str, Any]) -> None:
    d["thresholds"]["critical"] = 0.7
    d["scoring"]["audit_valid_months"] = 24


# (case, the document, its edit, what the reports say: {config} the settings file's path)
CASES: list[tuple[str, str, Edit, str | None]] = [
    ("the defaults", "defaults", lambda d: None, "the defaults"),
    ("an earlier schema's defaults", "defaults", _settings(_not_recorded), "the defaults"),
    (
        "an earlier ddtool's defaults",
        "defaults",
        _settings(_earlier_certifications),
        "the defaults",
    ),
    ("a settings file", "file", lambda d: None, "{config}: " + SET),
    ("a settings file, in an earlier schema", "file", _settings(_not_recorded), "{config}: " + SET),
    (
        "a settings file that recognises more",
        "file",
        _settings(lambda d: d["recognised_certifications"].append("MSC")),
        "{config}: " + SET + "; recognised_certifications +MSC",
    ),
    (
        "a settings file that sets the defaults",
        "file",
        _settings(_back_to_the_defaults),
        "{config}: the defaults",
    ),
    ("no settings recorded", "defaults", lambda d: d["options"].pop("settings"), None),
]


@pytest.mark.parametrize(("case", "made_with", "edit", "says"), CASES, ids=[c[0] for c in CASES])
def test_the_settings_said_are_those_set(
    documents: dict[str, Document], case: str, made_with: str, edit: Edit, says: str | None
) -> None:
    document = json.loads(json.dumps(documents[made_with]))
    edit(document)
    config = document["options"]["config"]
    assert settings_text(document) == (None if says is None else says.format(config=config))


def _said(tmp_path: Path, saved: Path) -> list[str]:
    """The settings the terminal, Markdown and Excel reports of `saved` say."""
    md, xlsx = tmp_path / "r.md", tmp_path / "r.xlsx"
    done = CliRunner().invoke(
        app, ["report", str(saved), "-o", str(md), "-o", str(xlsx)], env={"COLUMNS": "300"}
    )
    assert done.exit_code == 0, done.output
    terminal = next(line for line in done.output.splitlines() if "Settings" in line)
    markdown = next(line for line in md.read_text("utf-8").splitlines() if "| Settings |" in line)
    summary = load_workbook(xlsx)["Summary"].iter_rows(values_only=True)
    excel = next(row[1] for row in summary if row[0] == "Settings")
    return [
        terminal.split("Settings", 1)[1].strip(" │"),
        markdown.split("| Settings |", 1)[1].strip(" |").replace("\\", ""),
        str(excel),
    ]


def test_a_schema_1_assessment_made_with_the_defaults_says_so(tmp_path: Path) -> None:
    """It records no settings file, and neither the two settings added since nor the
    certifications recognised by default then (MSC among them): it said
    "scoring.no_data_sector_score None (default 0.5); …; recognised_certifications +MSC"."""
    assert json.loads(SCHEMA_1.read_text("utf-8"))["options"]["config"] is None
    assert _said(tmp_path, SCHEMA_1) == ["the defaults"] * 3


def test_a_settings_file_s_values_are_said_in_every_report(
    tmp_path: Path, documents: dict[str, Document]
) -> None:
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps(documents["file"]), encoding="utf-8")
    config = documents["file"]["options"]["config"]
    assert _said(tmp_path, saved) == [f"{config}: {SET}"] * 3
