"""`diff`: the company's share-weighted exposure before and after (diff JSON 1.12). A supplier's
share changed moves the company's weighted priority and leaves its level and maximum as they
were: the diff said "critical (0.81), unchanged" and `"direction": "same"` of an exposure
whose weighted figure fell by 0.1 (review rev151 §4). Now the terminal, Markdown, Excel and
JSON diffs give the weighted figure of both assessments and which way it moved, and a figure
an assessment does not record reads "not known", never "unchanged"."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.diff import diff_assessments
from ddtool.model import RISK_TYPES
from ddtool.reporters.diff_report import render_diff_markdown, render_diff_terminal
from ddtool.reporters.shown import RISK_NAMES
from ddtool.reporters.terminal import RISK_NAMES as TERMINAL_NAMES

SCHEMA_1_0 = Path(__file__).resolve().parent / "assets" / "diff" / "cocoa-schema-1.0.json"
FARM = {"id": "F1", "name": "Farm group", "country": "CIV", "sector": "cocoa-farming"}
OFFICE = {"id": "L1", "name": "Forwarder", "country": "DEU", "sector": "logistics-transport"}
BASE = [{**OFFICE, "share": 0.5}, {**FARM, "share": 0.5}]
WEIGHTED = ("old_weighted_priority", "new_weighted_priority", "weighted_direction")

# (case, the new chain (the old one is BASE), how the level and maximum priority moved
#  (`direction`), how the weighted priority moved (`weighted_direction`), each risk type's
#  clause in the terminal, its figures filled in from the two assessments)
CASES: list[tuple[str, list[dict[str, Any]], str, str, str]] = [
    (
        # the farm's share down: the maximum still sits on it, the weighted figure falls
        "a share changed",
        [{**OFFICE, "share": 0.8}, {**FARM, "share": 0.2}],
        "same",
        "down",
        "{name} {new_level} ({new_priority}; weighted {old_weighted} → {new_weighted}),"
        " weighted down",
    ),
    (
        # the farm from Côte d'Ivoire to Ecuador: both move
        "a country changed",
        [{**OFFICE, "share": 0.5}, {**FARM, "share": 0.5, "country": "ECU"}],
        "down",
        "down",
        "{name} {old_level} ({old_priority}; weighted {old_weighted}) → {new_level}"
        " ({new_priority}; weighted {new_weighted}), down, weighted down",
    ),
    (
        "nothing changed",
        BASE,
        "same",
        "same",
        "{name} {new_level} ({new_priority}; weighted {new_weighted}), unchanged",
    ),
]


def _yaml(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    return path


def _chain(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> Path:
    """The chain assessed and saved as `name`.json."""
    saved = tmp_path / f"{name}.json"
    saved.write_text(json.dumps(assess([_yaml(tmp_path, name, suppliers)]).data), "utf-8")
    return saved


def _figure(value: float) -> str:
    return f"{value:.4g}"


def _clauses(template: str, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Each risk type's clause as the template says it, with the two assessments' figures:
    the level and maximum of the summary, the weighted priority of the company."""
    clauses = []
    for risk_type in RISK_TYPES:
        was, now = old["summary"]["exposure"][risk_type], new["summary"]["exposure"][risk_type]
        clauses.append(
            template.format(
                name=TERMINAL_NAMES[risk_type],
                old_level=was["level"],
                new_level=now["level"],
                old_priority=_figure(was["priority"]),
                new_priority=_figure(now["priority"]),
                old_weighted=_figure(old["company"]["exposure"][risk_type]["weighted_priority"]),
                new_weighted=_figure(new["company"]["exposure"][risk_type]["weighted_priority"]),
            )
        )
    return clauses


def _md_rows(md: str) -> dict[str, dict[str, str]]:
    """The Markdown diff's company exposure table, a row per risk type by its column names."""
    table = md.split("## Company exposure\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    columns = [c.strip() for c in table[0].strip("|").split("|")]
    rows = [
        dict(zip(columns, (c.strip() for c in line.strip("|").split("|")), strict=True))
        for line in table[2:]
    ]
    return {row["risk_type"]: row for row in rows}


def _sheet_rows(path: Path) -> dict[str, dict[str, Any]]:
    """The Excel diff's Company exposure sheet, a row per risk type by its column names."""
    rows = list(load_workbook(path)["Company exposure"].iter_rows(values_only=True))
    found = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return {str(row["risk_type"]): row for row in found}


@pytest.mark.parametrize(
    ("suppliers", "direction", "weighted", "clause"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_weighted_exposure_in_every_output(
    tmp_path: Path, suppliers: list[dict[str, Any]], direction: str, weighted: str, clause: str
) -> None:
    old_path, new_path = _chain(tmp_path, "old", BASE), _chain(tmp_path, "new", suppliers)
    old, new = (json.loads(p.read_text("utf-8")) for p in (old_path, new_path))
    outputs = [tmp_path / f"d.{suffix}" for suffix in ("json", "md", "xlsx")]
    done = CliRunner().invoke(
        app,
        ["diff", str(old_path), str(new_path), *(a for o in outputs for a in ("-o", str(o)))],
        env={"COLUMNS": "400"},
    )
    assert done.exit_code == 0, done.output

    # JSON: both assessments' figures, and which way each moved
    saved = json.loads(outputs[0].read_text("utf-8"))
    assert saved["schema_version"] == "1.13"
    rows = {row["risk_type"]: row for row in saved["exposure"]}
    assert list(rows) == list(RISK_TYPES)
    for risk_type, row in rows.items():
        was = old["company"]["exposure"][risk_type]["weighted_priority"]
        now = new["company"]["exposure"][risk_type]["weighted_priority"]
        assert (row["old_weighted_priority"], row["new_weighted_priority"]) == (was, now)
        assert row["direction"] == direction
        assert row["weighted_direction"] == weighted
        assert (now < was, now == was) == (weighted == "down", weighted == "same")
    summary = saved["summary"]
    assert summary["exposure_weighted_down"] == (3 if weighted == "down" else 0)
    assert summary["exposure_weighted_up"] == 0
    assert summary["exposure_down"] == (3 if direction == "down" else 0)

    # terminal: each clause as the case says it; never "unchanged" where the figure moved
    line = next(s for s in done.stdout.splitlines() if s.startswith("Company exposure: "))
    assert line == f"Company exposure: {'; '.join(_clauses(clause, old, new))}."
    assert ("unchanged" in line) is (direction == weighted == "same")

    # Markdown and Excel: the same figures and directions as the JSON
    md = _md_rows(outputs[1].read_text("utf-8"))
    sheet = _sheet_rows(outputs[2])
    for risk_type, row in rows.items():
        name = RISK_NAMES[risk_type]
        for column in (*WEIGHTED, "direction"):
            assert md[name][column] == str(row[column])
            assert sheet[name][column] == row[column]


@pytest.mark.parametrize(
    "lacking", [("old",), ("new",), ("old", "new")], ids=["old lacks it", "new lacks it", "both"]
)
def test_an_assessment_without_the_weighted_figure_still_diffs(
    tmp_path: Path, lacking: tuple[str, ...]
) -> None:
    """A schema-1.0 assessment whose company exposure does not record the weighted figure (it
    is optional): the diff reads it as not known, says so in every output, and gives no
    direction for it, nor calls it unchanged."""
    document = json.loads(SCHEMA_1_0.read_text("utf-8"))
    paths = {}
    for side in ("old", "new"):
        saved = copy.deepcopy(document)
        if side in lacking:
            for entry in saved["company"]["exposure"].values():
                del entry["weighted_priority"]
        paths[side] = tmp_path / f"{side}.json"
        paths[side].write_text(json.dumps(saved), "utf-8")
    outputs = [tmp_path / f"d.{suffix}" for suffix in ("json", "md", "xlsx")]
    done = CliRunner().invoke(
        app,
        [
            "diff",
            str(paths["old"]),
            str(paths["new"]),
            *(a for o in outputs for a in ("-o", str(o))),
        ],
        env={"COLUMNS": "400"},
    )
    assert done.exit_code == 0, done.output

    saved = json.loads(outputs[0].read_text("utf-8"))
    for row in saved["exposure"]:
        figure = document["company"]["exposure"][row["risk_type"]]["weighted_priority"]
        for side in ("old", "new"):
            assert row[f"{side}_weighted_priority"] == (None if side in lacking else figure)
        assert row["weighted_direction"] is None and row["direction"] == "same"
    assert saved["summary"]["exposure_weighted_up"] == saved["summary"]["exposure_weighted_down"]
    assert saved["summary"]["exposure_weighted_down"] == 0

    line = next(s for s in done.stdout.splitlines() if s.startswith("Company exposure: "))
    was, now = (
        "not known"
        if side in lacking
        else _figure(document["company"]["exposure"]["child_labour"]["weighted_priority"])
        for side in ("old", "new")
    )
    weighted = was if was == now else f"{was} → {now}"
    assert (
        f"child labour critical (0.81; weighted {weighted}), level and priority unchanged;" in line
    )
    assert "unchanged;" not in line.replace("level and priority unchanged;", "")

    md = _md_rows(outputs[1].read_text("utf-8"))
    sheet = _sheet_rows(outputs[2])
    for side in lacking:
        assert md["child labour"][f"{side}_weighted_priority"] == "not known"
        assert sheet["child labour"][f"{side}_weighted_priority"] == "not known"
    assert md["child labour"]["weighted_direction"] == "not known"
    assert sheet["child labour"]["weighted_direction"] == "not known"


def test_a_diff_before_json_1_12_renders_as_it_did(tmp_path: Path) -> None:
    """A diff JSON written before the weighted figure (1.10, 1.11) has none: its exposure
    clauses and table read as they did, with no column left blank."""
    old = assess([_yaml(tmp_path, "old", BASE)]).data
    diff = diff_assessments(old, copy.deepcopy(old))
    for row in diff["exposure"]:
        for key in WEIGHTED:
            row.pop(key, None)
    console = Console(width=400, record=True)
    render_diff_terminal(diff, console)
    assert "Company exposure: child labour critical (0.81), unchanged;" in console.export_text()
    md = render_diff_markdown(diff)
    assert (
        "| risk_type | old_level | new_level | old_priority | new_priority | direction |"
        " old_from | new_from |"
    ) in md
    assert "weighted" not in md.split("## Company exposure", 1)[1].split("## Tier-1", 1)[0]
