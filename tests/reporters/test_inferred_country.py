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
from ddtool.reporters.shown import (
    ASSUMED_IN_BUYERS_COUNTRY,
    WORST_ORIGIN,
    WORST_UNKNOWN,
    flag_country,
)

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"


@pytest.fixture(scope="module")
def cocoa() -> dict[str, Any]:
    return assess([SAMPLES / "cocoa.yaml"]).data


def _said(flag: dict[str, Any]) -> str:
    """What an inferred flag's country is said to be: the worst case of its origin mix, or,
    for a stage in a country not known (its gap "country unknown": the sample's beet farms,
    Sugar Beets being listed in no country but Turkiye, not Germany), the worst case over
    the countries where its good is listed."""
    return WORST_UNKNOWN if "country unknown" in (flag.get("data_gaps") or ()) else WORST_ORIGIN


def _expected(document: dict[str, Any]) -> dict[str, str]:
    """Each flag's country as the registers should show it."""
    out = {}
    for flag in register(document):
        country = flag["country"] or ""
        out[flag["id"]] = f"{country} ({_said(flag)})" if flag["inferred"] and country else country
    return out


def test_the_sample_has_inferred_and_mapped_flags(cocoa: dict[str, Any]) -> None:
    kinds = {bool(flag.get("inferred")) for flag in register(cocoa)}
    assert kinds == {True, False}
    # inferred flags of both kinds: of an origin mix, and in a country not known
    said = {_said(flag) for flag in register(cocoa) if flag["inferred"]}
    assert said == {WORST_ORIGIN, WORST_UNKNOWN}


@pytest.mark.parametrize(
    ("flag", "shown"),
    [
        ({"country": "CIV", "inferred": True}, "CIV (worst case of its origin mix)"),
        # a stage placed in its buyer's country: one origin, no mix
        (
            {"country": "BGD", "inferred": True, "assumed_country": "BGD"},
            "BGD (assumed: the buyer's country)",
        ),
        ({"country": "CHN", "inferred": True, "assumed_country": None}, f"CHN ({WORST_ORIGIN})"),
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
    said = {flag["id"]: _said(flag) for flag in register(cocoa) if flag["inferred"]}
    assert inferred and {row["id"] for row in inferred} == set(said)
    assert all(row["country"].endswith(f"({said[row['id']]})") for row in inferred)
    assert {said[row["id"]] for row in inferred} == {WORST_ORIGIN, WORST_UNKNOWN}
    for row in rows:
        if row not in inferred:
            assert WORST_ORIGIN not in row["country"] and WORST_UNKNOWN not in row["country"]


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


# a Bangladeshi garment maker with nothing mapped beneath it: its finishing, fabric and yarn
# stages are placed in Bangladesh, the ginning and cotton beneath them at the origin mix
PLACED = "id,name,country,sector,buyers\nA1,Alpha Garments,Bangladesh,garment-manufacturing,\n"


@pytest.fixture(scope="module")
def placed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    where = tmp_path_factory.mktemp("placed")
    chain = where / "chain.csv"
    chain.write_text(PLACED, encoding="utf-8")
    return assess([chain]).data


def test_a_stage_placed_in_its_buyers_country_is_said_so_in_every_register(
    placed: dict[str, Any], tmp_path: Path
) -> None:
    entries = {s["id"]: s for s in placed["suppliers"]}
    expected: dict[str, str] = {}
    for flag in register(placed):
        if not flag["inferred"]:
            continue
        origins = [o["country"] for o in entries[flag["supplier_id"]]["origins"]]
        # (the JSON's one origin, weight 1, is the stage's own country; a mix has many)
        said = ASSUMED_IN_BUYERS_COUNTRY if origins == [flag["country"]] else WORST_ORIGIN
        expected[flag["id"]] = f"{flag['country']} ({said})"
    assert "BGD (assumed: the buyer's country)" in expected.values()
    assert any(text.endswith(f"({WORST_ORIGIN})") for text in expected.values())
    ExcelReporter().write(placed, tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx")["Risk register"]
    header = [c.value for c in sheet[1]]
    at, country = header.index("Flag ID"), header.index("Country")
    rows = sheet.iter_rows(min_row=2, values_only=True)
    assert {r[at]: r[country] for r in rows if r[at] in expected} == expected
    CsvReporter().write(placed, tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        found = {r["flag_id"]: r["country"] for r in csv.DictReader(f)}
    assert {k: v for k, v in found.items() if k in expected} == expected
    html = {r["id"]: r["country"] for r in _register_rows(placed)}
    named = {k: v.replace("BGD (", "Bangladesh (BGD) (") for k, v in expected.items()}
    assert {k: html[k] for k in named if named[k].startswith("Bangladesh")} == {
        k: v for k, v in named.items() if v.startswith("Bangladesh")
    }
    markdown = render_markdown(placed)
    assert "BGD (assumed: the buyer's country)" in markdown
    assert f"BGD ({WORST_ORIGIN})" not in markdown
