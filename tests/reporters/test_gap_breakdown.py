"""The data gaps by kind, as every report's summary gives them, and the Country cell of a
supplier whose country is not known.

A retailer's one garment maker of unknown country: the stages it buys are placed where it
buys (`inferred:SECTOR@unknown`), their country unknown too. The summaries count those with
the inferred suppliers ("5 inferred suppliers, 3 of these without country"), name the unmapped
tiers below the maker, and say the same in the terminal, Markdown, HTML and Excel; the JSON
summary's fields keep their meaning (mapped suppliers only). Every register writes the
maker's unknown country as "unknown", not as a blank cell."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.document import (
    COUNTRY_UNKNOWN,
    INFERRED_GAP,
    NOTHING_FOLLOWED,
    UNMAPPED_BELOW,
    denied_below,
    gap_counts,
)

CHAIN = """\
company:
  name: Test Retail GmbH
  country: Germany
  sector: apparel-retail
suppliers:
  - id: G1
    name: Garment Unknown Ltd
    country: unknown
    sector: garment-manufacturing
    products: [t-shirts]
"""
KINDS = (
    "1 without country, 0 without sector, 5 inferred suppliers, 3 of these without country,"
    " 1 with tiers below not mapped"
)
BREAKDOWN = f"10 ({KINDS})"
SUFFIXES = ("json", "csv", "xlsx", "html", "md")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The chain assessed once to every format, with the terminal report."""
    where = tmp_path_factory.mktemp("breakdown")
    chain = where / "u.yaml"
    chain.write_text(CHAIN, encoding="utf-8")
    outs = {ext: where / f"u.{ext}" for ext in SUFFIXES}
    args = ["assess", str(chain), *(arg for out in outs.values() for arg in ("-o", str(out)))]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    doc = json.loads(outs["json"].read_text(encoding="utf-8"))
    return {"outs": outs, "doc": doc, "terminal": " ".join(result.output.split())}


def test_the_json_summary_keeps_its_meaning(run: dict[str, Any]) -> None:
    summary = run["doc"]["summary"]
    # (mapped suppliers only: the inferred stages of unknown country are in data_gaps)
    assert (summary["data_gaps"], summary["suppliers_without_country"]) == (10, 1)
    placed = [g["supplier_id"] for g in run["doc"]["data_gaps"] if g["gap"] == COUNTRY_UNKNOWN]
    assert sorted(placed) == [
        "G1",
        "inferred:fabric-manufacturing@unknown",
        "inferred:textile-finishing@unknown",
        "inferred:yarn-spinning@unknown",
    ]


def _summary_gaps(run: dict[str, Any], shown: str) -> str:
    """The data gaps as one report's summary gives them."""
    outs = run["outs"]
    if shown == "terminal":
        return str(re.search(r"│ Data gaps +(.*?) +│", run["terminal"]).group(1))  # type: ignore[union-attr]
    if shown == "md":
        return outs["md"].read_text("utf-8").split("| Data gaps | ")[1].split(" |")[0]
    if shown == "html":
        html = outs["html"].read_text("utf-8")
        return html.split("<tr><th>Data gaps</th><td>")[1].split("</td>")[0]
    rows = dict(load_workbook(outs["xlsx"])["Summary"].iter_rows(values_only=True))
    return f"{rows['Data gaps']} ({rows['Data gaps by kind']})"


@pytest.mark.parametrize("shown", ["terminal", "md", "html", "xlsx"])
def test_every_summary_gives_the_same_breakdown(run: dict[str, Any], shown: str) -> None:
    assert _summary_gaps(run, shown) == BREAKDOWN


def test_a_saved_assessment_reports_the_same_breakdown(run: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "again.md"
    result = CliRunner().invoke(app, ["report", str(run["outs"]["json"]), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert f"| Data gaps | {BREAKDOWN} |" in out.read_text("utf-8")


def _gaps(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"supplier_id": sid, "gap": gap} for sid, gap in pairs]


STAGE = "inferred:yarn-spinning@unknown"
FARM = "inferred:cotton-farming:cotton-lint@world"

# case: (summary counts: data gaps, without country, without sector, inferred; the gaps;
# the breakdown)
CASES = {
    "a stage of unknown country alone": (
        (3, 0, 0, 1),
        _gaps(("S1", UNMAPPED_BELOW), (STAGE, INFERRED_GAP), (STAGE, COUNTRY_UNKNOWN)),
        "3 (0 without country, 0 without sector, 1 inferred supplier, 1 of these without"
        " country, 1 with tiers below not mapped)",
    ),
    "mapped suppliers of unknown country, no stage": (
        (2, 2, 0, 0),
        _gaps(("S1", COUNTRY_UNKNOWN), ("S2", COUNTRY_UNKNOWN)),
        "2 (2 without country, 0 without sector, 0 inferred suppliers)",
    ),
    "country data, per risk type": (
        (3, 0, 1, 0),
        _gaps(
            ("S1", "sector unknown"),
            ("S2", "no country data for forced_labour"),
            ("S2", "little country data for child_labour (15%)"),
        ),
        "3 (0 without country, 1 without sector, 0 inferred suppliers,"
        " 2 with little or no country data for a risk type)",
    ),
    "tiers below neither mapped nor inferred: a trader of anything, a denial of all": (
        (2, 0, 0, 0),
        _gaps(("W1", NOTHING_FOLLOWED), ("Y1", denied_below(["cotton (lint)"]))),
        "2 (0 without country, 0 without sector, 0 inferred suppliers,"
        " 2 with tiers below neither mapped nor inferred)",
    ),
    "an origin mix of few published shares is another gap": (
        (2, 0, 0, 1),
        _gaps(
            (FARM, INFERRED_GAP),
            (FARM, "origin mix: shares published for 60% of world cotton (lint) production"),
        ),
        "2 (0 without country, 0 without sector, 1 inferred supplier,"
        " 1 other (see the list of data gaps))",
    ),
    "a document without its list of gaps: the summary's counts": (
        (4, 1, 0, 2),
        None,
        "4 (1 without country, 0 without sector, 2 inferred suppliers,"
        " 1 other (see the list of data gaps))",
    ),
}


@pytest.mark.parametrize(("counts", "gaps", "text"), CASES.values(), ids=CASES)
def test_gap_counts(
    counts: tuple[int, int, int, int], gaps: list[dict[str, str]] | None, text: str
) -> None:
    total, country, sector, inferred = counts
    summary = {
        "data_gaps": total,
        "suppliers_without_country": country,
        "suppliers_without_sector": sector,
        "inferred_suppliers": inferred,
    }
    document: dict[str, Any] = {"summary": summary}
    if gaps is not None:
        assert len(gaps) == total  # (as a document holds them)
        document["data_gaps"] = gaps
    assert gap_counts(document) == text


# ------------------------------------------------- the Country cell of an unknown country


def _maker_countries(run: dict[str, Any], shown: str) -> set[Any]:
    """The Country cells of the maker's rows in one register."""
    outs = run["outs"]
    if shown == "csv":
        with outs["csv"].open(encoding="utf-8-sig", newline="") as f:
            return {r["country"] for r in csv.DictReader(f) if r["supplier_id"] == "G1"}
    if shown in ("xlsx register", "xlsx suppliers"):
        name = "Risk register" if shown == "xlsx register" else "Suppliers"
        sheet = load_workbook(outs["xlsx"])[name]
        header = [c.value for c in sheet[1]]
        at, country = header.index("Supplier ID"), header.index("Country")
        rows = sheet.iter_rows(min_row=2, values_only=True)
        return {r[country] for r in rows if r[at] == "G1"}
    if shown == "html":
        html = outs["html"].read_text("utf-8")
        data = re.search(r'<script type="application/json" id="ddtool-data">(.*?)</script>', html)
        assert data is not None
        rows = json.loads(data.group(1))["register"]
        return {r["country"] for r in rows if r["supplier_id"] == "G1"}
    # (each high or critical flag: "### Level: risk — name (G1)", a few lines, "- Country: …;")
    text = outs["md"].read_text("utf-8")
    return set(re.findall(r"\(G1\)\n\n(?:- .*\n)*?- Country: ([^;\n]*);", text))


@pytest.mark.parametrize("shown", ["csv", "xlsx register", "xlsx suppliers", "html", "md"])
def test_every_register_says_the_country_is_unknown(run: dict[str, Any], shown: str) -> None:
    assert _maker_countries(run, shown) == {"unknown"}


def test_the_stages_placed_in_an_unknown_country_say_so_in_the_suppliers_sheet(
    run: dict[str, Any],
) -> None:
    sheet = load_workbook(run["outs"]["xlsx"])["Suppliers"]
    header = [c.value for c in sheet[1]]
    at, country = header.index("Supplier ID"), header.index("Country")
    shown = {r[at]: r[country] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert shown[STAGE] == "unknown"
    assert shown[FARM] is None  # (an origin mix: its assumption says where)


def test_the_terminal_tree_says_country_unknown_for_a_mapped_supplier(
    run: dict[str, Any],
) -> None:
    assert "Garment Unknown Ltd country unknown garment-manufacturing" in run["terminal"]
    assert "country?" not in run["terminal"]
