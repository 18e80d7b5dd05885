"""`diff`: a flag's Country cell reads as the assessment's registers write it, in the
terminal, Markdown and Excel diffs: "unknown" where its supplier's country is not known (a
blank reads as not filled in), and an inferred supplier's flag with where its worst case comes
from ("CHN (worst case of its origin mix)", "IND (worst case with the country unknown)"), not
a bare code that reads as where the supplier is."""

from __future__ import annotations

import json
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console

from ddtool.assess import AssessOptions, assess
from ddtool.diff import diff_assessments, load_for_diff
from ddtool.document import register
from ddtool.reporters.diff_report import render_diff_terminal, write_diff
from ddtool.reporters.shown import flag_country

GARMENTS = {"sector": "garment-manufacturing", "products": ["shirts"]}
# last year's suppliers and this year's: one moved to a country not known (its flags change,
# those of the stages inferred beneath it are re-identified), one known and one not known
# removed (their flags resolved) and added (their flags new)
OLD = [
    {"id": "G3", "name": "Porto Shirts", "country": "Portugal", **GARMENTS},
    {"id": "R1", "name": "Dhaka Shirts", "country": "Bangladesh", **GARMENTS},
    {"id": "U1", "name": "Somewhere Shirts", "country": "unknown", **GARMENTS},
]
NEW = [
    {"id": "G3", "name": "Porto Shirts", "country": "unknown", **GARMENTS},
    {"id": "N1", "name": "Karachi Shirts", "country": "Pakistan", **GARMENTS},
    {"id": "U2", "name": "Elsewhere Shirts", "country": "", **GARMENTS},
    # (cocoa farms at cocoa's origin mix: a stage new to the chain; a Pakistani shirt
    # maker's cotton farms are Pakistan's, ginned there)
    {"id": "N2", "name": "Zaandam Cocoa", "country": "Netherlands", "sector": "cocoa-processing"},
]


def _assessed(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    chain = tmp_path / f"{name}.yaml"
    company = {"name": "Nordic Apparel AB", "country": "Sweden", "sector": "apparel-retail"}
    chain.write_text(yaml.safe_dump({"company": company, "suppliers": suppliers}), "utf-8")
    settings = tmp_path / "low.yaml"
    settings.write_text("flag_level: low\n", "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        document = assess([chain], AssessOptions(config=settings)).data
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(document), "utf-8")
    return document


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The two assessments, their diff and its three outputs."""
    tmp_path = tmp_path_factory.mktemp("diff")
    old, new = _assessed(tmp_path, "old", OLD), _assessed(tmp_path, "new", NEW)
    diff = diff_assessments(
        load_for_diff(tmp_path / "old.json"), load_for_diff(tmp_path / "new.json")
    )
    console = Console(width=600, record=True)
    render_diff_terminal(diff, console)
    write_diff(diff, tmp_path / "d.md")
    write_diff(diff, tmp_path / "d.xlsx")
    return {
        "old": {str(f["id"]): flag_country(f) for f in register(old)},
        "new": {str(f["id"]): flag_country(f) for f in register(new)},
        "diff": diff,
        "terminal": console.export_text(),
        "md": (tmp_path / "d.md").read_text("utf-8"),
        "xlsx": load_workbook(tmp_path / "d.xlsx"),
    }


# the diff's table, its Markdown section and Excel sheet, and the register the flag's
# country is read from (resolved flags: last year's)
TABLES = [
    ("new_flags", "New flags", "new"),
    ("resolved_flags", "Resolved flags", "old"),
    ("changed_flags", "Changed flags", "new"),
    ("reidentified_flags", "Re-identified flags", "new"),
]


def _md_rows(md: str, title: str) -> list[dict[str, str]]:
    """The rows of the Markdown diff's table under the heading that begins so, by column."""
    part = md.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in part.splitlines() if line.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split(" | ")]
    return [
        dict(zip(header, (c.strip() for c in line.strip("|").split(" | ")), strict=True))
        for line in lines[2:]
    ]


def _sheet_rows(book: Any, title: str) -> list[dict[str, Any]]:
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_chains_have_a_flag_of_each_kind(made: dict[str, Any]) -> None:
    """(what the cases below rest on: every table has flags, mapped and inferred, with the
    country known and not known)"""
    diff = made["diff"]
    for table, _, _ in TABLES:
        assert diff[table], table
    shown = {made["new"][str(f["id"])] for f in diff["new_flags"]}
    assert "unknown" in shown and "PAK" in shown
    assert any(text.endswith("(worst case of its origin mix)") for text in shown)
    again = {made["new"][str(f["id"])] for f in diff["reidentified_flags"]}
    assert any(text.endswith("(worst case with the country unknown)") for text in again)
    assert "unknown" in {made["old"][str(f["id"])] for f in diff["resolved_flags"]}


@pytest.mark.parametrize(("table", "title", "side"), TABLES, ids=[t[0] for t in TABLES])
def test_a_flags_country_reads_as_in_the_register(
    made: dict[str, Any], table: str, title: str, side: str
) -> None:
    rows = made["diff"][table]
    expected = {str(r["id"]): made[side][str(r["id"])] for r in rows}
    assert all(expected.values())  # (none blank)
    md = _md_rows(made["md"], title)
    assert {r["id"]: r["country"] for r in md} == expected
    sheet = _sheet_rows(made["xlsx"], title)
    assert {r["id"]: r["country"] for r in sheet} == expected
    if table in ("changed_flags", "reidentified_flags"):
        old_id = "old_id" if table == "reidentified_flags" else "id"
        was = {str(r["id"]): made["old"][str(r[old_id])] for r in rows}
        assert {r["id"]: r["old_country"] for r in sheet} == was
        if table == "changed_flags":
            assert {r["id"]: r["old_country"] for r in md} == was
    # the terminal: its country column, a move as "was → is"
    for flag_id, country in expected.items():
        (line,) = [line for line in made["terminal"].splitlines() if flag_id in line]
        if table != "reidentified_flags":  # (its table has no country column)
            assert f" {country} " in line or f"→ {country} " in line, line


@pytest.mark.parametrize(
    ("table", "title", "supplier", "column", "shown"),
    [
        ("suppliers_added", "Suppliers added", "U2", "country", "unknown"),
        ("suppliers_removed", "Suppliers removed", "U1", "country", "unknown"),
        ("suppliers_changed", "Suppliers changed", "G3", "new", "unknown"),
        ("suppliers_changed", "Suppliers changed", "G3", "old", "PRT"),
    ],
)
def test_a_suppliers_country_not_known_reads_unknown(
    made: dict[str, Any], table: str, title: str, supplier: str, column: str, shown: str
) -> None:
    md = [r for r in _md_rows(made["md"], title) if r["id"] == supplier]
    sheet = [r for r in _sheet_rows(made["xlsx"], title) if r["id"] == supplier]
    assert [r[column] for r in md] == [r[column] for r in sheet] == [shown]
    column_at = 2 if table != "suppliers_changed" else 3 if column == "old" else 4
    # (the rows of this table: the tier-1 ranking's table names a supplier too)
    lines = made["terminal"].split(title, 1)[1].splitlines()[1:]
    table = list(takewhile(lambda line: line[:1] in "┏┃┡│└", lines))
    rows = [
        [c.strip() for c in line.split("│")[1:-1]] for line in table if f"│ {supplier} " in line
    ]
    assert [row[column_at] for row in rows] == [shown]
