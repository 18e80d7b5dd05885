"""An inferred supplier's flag sits in the origin its worst case comes from: every register
says so beside the country, so that no reader takes the origin for where the supplier is;
a mapped supplier's flag shows its own country alone."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from ddtool.assess import assess
from ddtool.document import INFERRED_GAP, register
from ddtool.reporters.csv_report import CsvReporter
from ddtool.reporters.excel_report import ExcelReporter
from ddtool.reporters.html_report import _register_rows
from ddtool.reporters.markdown_report import render_markdown
from ddtool.reporters.shown import WORST_ORIGIN, flag_country

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"


@pytest.fixture(scope="module")
def cocoa() -> dict[str, Any]:
    return assess([SAMPLES / "cocoa.yaml"]).data


def _expected(document: dict[str, Any]) -> dict[str, str]:
    """Each flag's country as the registers should show it."""
    out = {}
    for flag in register(document):
        country = flag["country"] or ""
        out[flag["id"]] = f"{country} ({WORST_ORIGIN})" if flag["inferred"] and country else country
    return out


def test_the_sample_has_inferred_and_mapped_flags(cocoa: dict[str, Any]) -> None:
    kinds = {bool(flag.get("inferred")) for flag in register(cocoa)}
    assert kinds == {True, False}


@pytest.mark.parametrize(
    ("flag", "shown"),
    [
        ({"country": "CIV", "inferred": True}, "CIV (worst case of its origin mix)"),
        ({"country": "CIV", "inferred": False}, "CIV"),
        ({"country": "CIV"}, "CIV"),
        # a stage in a country not known: the worst case over the countries where its
        # sector is listed, no origin mix
        (
            {"country": "ARG", "inferred": True, "data_gaps": [INFERRED_GAP, "country unknown"]},
            "ARG (worst case with the country unknown)",
        ),
        (
            {"country": "CIV", "inferred": True, "data_gaps": [INFERRED_GAP]},
            f"CIV ({WORST_ORIGIN})",
        ),
        ({"country": "DEU", "inferred": False, "data_gaps": ["country unknown"]}, "DEU"),
        # a mapped supplier of unknown country: said so, not a blank cell
        ({"country": None, "inferred": False, "data_gaps": ["country unknown"]}, "unknown"),
        ({"country": None, "inferred": True}, ""),
        ({"inferred": False}, ""),
    ],
)
def test_flag_country(flag: dict[str, Any], shown: str) -> None:
    assert flag_country(flag) == shown


def test_the_excel_register(cocoa: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "register.xlsx"
    ExcelReporter().write(cocoa, out)
    sheet = load_workbook(out)["Risk register"]
    header = [c.value for c in sheet[1]]
    rows = sheet.iter_rows(min_row=2, values_only=True)
    shown = {r[header.index("Flag ID")]: r[header.index("Country")] or "" for r in rows}
    assert shown == _expected(cocoa)


def test_the_csv_register(cocoa: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "register.csv"
    CsvReporter().write(cocoa, out)
    text = out.read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    at, country = header.index("flag_id"), header.index("country")
    assert {row[at]: row[country] for row in rows} == _expected(cocoa)


def test_the_html_register(cocoa: dict[str, Any]) -> None:
    rows = _register_rows(cocoa)
    inferred = [row for row in rows if row["supplier"].endswith("(inferred)")]
    assert inferred and all(row["country"].endswith(f"({WORST_ORIGIN})") for row in inferred)
    assert all(WORST_ORIGIN not in row["country"] for row in rows if row not in inferred)


def test_the_markdown_report(cocoa: dict[str, Any]) -> None:
    text = render_markdown(cocoa)
    assert f"({WORST_ORIGIN})" in text


def test_the_html_chart_of_flags_by_country_keeps_inferred_flags_apart(
    cocoa: dict[str, Any],
) -> None:
    from ddtool.reporters.html_report import _flag_charts

    charts = _flag_charts(cocoa)
    text = repr(charts)
    assert f"({WORST_ORIGIN})" in text
