"""A hospital group's ERP export and a German parts maker's SAP export: the parent vendor
and "Vorlieferant von" columns, a share column whose header says percent ("Anteil %": 35.5),
a factory audit's date column that names its standard ("Factory audit (SMETA) date"), and
audit results given without a date. Before, the date column was kept as an attribute and
every audit was dropped without a word (a failed one too), and "Anteil %" of 35.5 was an
error in every row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain
from ddtool.sources.columns import match_header

HEADERS = [
    ("Parent Vendor No.", "buyers"),
    ("Parent Vendor Number", "buyers"),
    ("Vorlieferant von", "buyers"),
    ("Unterlieferant von", "buyers"),
    ("Share of spend", "share"),
    ("Factory audit (SMETA) date", "audit_date"),
    ("Social audit date", "audit_date"),
    ("SMETA audit date", "audit_date"),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_an_erps_headers(header: str, field: str) -> None:
    assert match_header(header, {}) == field


def _read(tmp_path: Path, text: str) -> tuple[Any, list[list[Any]]]:
    path = tmp_path / "vendors.csv"
    path.write_text(text, encoding="utf-8")
    chain, problems = read_chain([path])
    return chain, problems.flatten(["severity", "type", "row", "column", "message"])


# (share header, cells, shares read, errors)
SHARES = [
    pytest.param("Anteil %", ['"35,5"', '"64,5"'], [0.355, 0.645], 0, id="Anteil %, 35,5"),
    pytest.param("Order volume %", ["30", "70"], [0.3, 0.7], 0, id="Order volume %, 30"),
    pytest.param("Share (pct)", ["30", "70"], [0.3, 0.7], 0, id="Share (pct)"),
    # fractions under a percent header: a workbook's percentage cells hold them so
    pytest.param("Anteil %", ["0.3", "0.7"], [0.3, 0.7], 0, id="fractions"),
    # written with '%': as before
    pytest.param("Anteil %", ["30%", "70%"], [0.3, 0.7], 0, id="with %"),
    # no percent in the header: 30 is no share, as before
    pytest.param("Share", ["30", "70"], [None, None], 2, id="no % in the header"),
    # a number above 100 beside them: a percentage above 100 %, an error
    pytest.param("Anteil %", ["30", "170"], [0.3, None], 1, id="above 100"),
]


@pytest.mark.parametrize(("header", "cells", "shares", "errors"), SHARES)
def test_a_share_column_whose_header_says_percent(
    tmp_path: Path, header: str, cells: list[str], shares: list[float | None], errors: int
) -> None:
    chain, found = _read(
        tmp_path,
        f"Vendor No.,Supplier Name,Country,Buyer,{header}\n"
        "1,Parent,Germany,,\n"
        f"2,A,Pakistan,1,{cells[0]}\n"
        f"3,B,India,1,{cells[1]}\n",
    )
    assert [s.share for s in chain.suppliers[1:]] == shares
    assert sum(1 for p in found if p[0] == "error" and p[1] == "out-of-range") == errors


def test_a_share_above_100_in_a_column_of_percentages_is_told_as_one(tmp_path: Path) -> None:
    """The column is read as percentages (60 is 60 %): 120 beside it is 120 %, not "share 120
    must be between 0 and 1", which says 60 is wrong too."""
    _, found = _read(
        tmp_path,
        "Vendor No.,Supplier Name,Country,Buyer,Share %\n"
        "1,Parent,Germany,,\n2,A,Pakistan,1,60\n3,B,India,1,120\n",
    )
    assert [p[4] for p in found if p[1] == "out-of-range"] == [
        "share 120 % must be between 0 % and 100 %"
    ]


def test_a_factory_audits_date_column_names_its_standard(tmp_path: Path) -> None:
    chain, found = _read(
        tmp_path,
        "Vendor No.,Supplier Name,Country,Factory audit (SMETA) date,Audit result\n"
        "1,Karachi Linen,Pakistan,2025-03-12,fail\n"
        "2,Lahore Gowns,Pakistan,2025-04-01,pass\n",
    )
    audits = [
        [(a.standard, a.date.isoformat() if a.date else None, a.result) for a in s.audits]
        for s in chain.suppliers
    ]
    assert audits == [[("SMETA", "2025-03-12", "fail")], [("SMETA", "2025-04-01", "pass")]]
    assert found == []


def test_audit_results_without_a_date_column_are_told(tmp_path: Path) -> None:
    chain, found = _read(
        tmp_path,
        "Vendor No.,Supplier Name,Country,Date of factory visit (SMETA),Audit result\n"
        "1,Karachi Linen,Pakistan,2025-03-12,fail\n",
    )
    assert chain.suppliers[0].audits == []
    assert [p[:4] for p in found] == [["warning", "undated-audit", 2, "Audit result"]]
    assert "no audit is counted, passed or failed" in found[0][4]


def test_an_audit_result_without_its_date_is_told(tmp_path: Path) -> None:
    _, found = _read(
        tmp_path,
        "Vendor No.,Supplier Name,Country,Audit standard,Audit date,Audit result\n"
        "1,A,Pakistan,SMETA,2025-03-12,fail\n"
        "2,B,Pakistan,SMETA,,fail\n"
        "3,C,Pakistan,SMETA,,fail\n"
        "4,D,Pakistan,SMETA,,pass\n",
    )
    assert [p[:4] for p in found] == [
        ["warning", "undated-audit", 3, "Audit result"],
        ["warning", "undated-audit", 5, "Audit result"],
    ]
    assert found[0][4] == (
        "audit result 'fail' without an audit date (and in row 4): the audit is not counted,"
        " passed or failed; give the date it was done"
    )


def test_a_date_format_in_brackets_is_no_standard(tmp_path: Path) -> None:
    """'Last audit (date)' says what the column holds, not the audit's standard."""
    chain, _ = _read(
        tmp_path,
        "Vendor No.,Supplier Name,Country,Last audit (date),Audit result\n"
        "1,Karachi Linen,Pakistan,2025-03-12,fail\n",
    )
    assert [a.standard for a in chain.suppliers[0].audits] == ["audit"]
