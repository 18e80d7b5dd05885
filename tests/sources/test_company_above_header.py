"""The company an export names in the rows above its supplier header ("Unternehmen: |
Nordsee Feinkost Import GmbH | Land: | Deutschland | Branche: | seafood importer") is read
as the chain's company where the workbook has no Company sheet, and so are a CSV file's.

An SAP export's company row was passed over: the register was titled with the file's name,
"lieferanten_2025", its country "not given", and the next year's diff compared two
companies named after two files."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from ddtool.sources.reading import read_chain

HEADER = ["Lieferanten-Nr.", "Name", "Land", "Branche"]
ROW = ["S1", "Songkhla Canning", "Thailand", "seafood processing"]


def _workbook(tmp_path: Path, above: list[list[Any]], company_sheet: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Lieferanten"
    for row in [*above, [], HEADER, ROW]:
        sheet.append(row)
    if company_sheet:
        other = book.create_sheet("Unternehmen")
        other.append(["Name", "Sheet Company GmbH"])
    path = tmp_path / "lieferanten_2025.xlsx"
    book.save(path)
    return path


TITLE = ["Lieferantenliste Menschenrechte (LkSG) - Export SAP"]
# the rows above the header, and the company read (name, country) or None
CASES = [
    pytest.param(
        [
            TITLE,
            ["Unternehmen:", "Nordsee Feinkost Import GmbH", "Land:", "Deutschland"],
        ],
        ("Nordsee Feinkost Import GmbH", "Deutschland"),
        id="labels and values",
    ),
    pytest.param([["Company: Acme Foods Ltd"]], ("Acme Foods Ltd", None), id="one cell"),
    pytest.param([["Unternehmen:", "Land:", "Deutschland"]], None, id="a blank name"),
    pytest.param([TITLE, ["Stand: 2025-06-30"]], None, id="a title and a date"),
    pytest.param([["Unternehmen", "Nordsee"]], None, id="no colon: a title's words"),
    # a preparer's name, an export's filters: no company
    pytest.param([["Name:", "Jane Doe"], ["Country:", "All"]], None, id="a preparer, a filter"),
    pytest.param(
        [["Prepared by: Jane Doe"], ["Ragione sociale:", "Tessitura Rossi S.p.A."]],
        ("Tessitura Rossi S.p.A.", None),
        id="Italian",
    ),
]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize(("above", "company"), CASES)
def test_the_company_above_the_header_is_read(
    tmp_path: Path, above: list[list[Any]], company: tuple[str, str | None] | None, kind: str
) -> None:
    """(A CSV export's company row was passed over, as a workbook's once was.)"""
    written = _workbook(tmp_path, above) if kind == "xlsx" else _csv(tmp_path, above)
    chain, problems = read_chain([written])
    assert not problems.has_errors()
    assert [s.id for s in chain.suppliers] == ["S1"]
    if company is None:
        assert chain.company.name == "lieferanten_2025"
    else:
        assert (chain.company.name, chain.company.country_raw) == company


def test_a_company_sheet_wins(tmp_path: Path) -> None:
    above = [["Unternehmen:", "Nordsee Feinkost Import GmbH"]]
    chain, _ = read_chain([_workbook(tmp_path, above, company_sheet=True)])
    assert chain.company.name == "Sheet Company GmbH"


def _csv(tmp_path: Path, above: list[list[Any]]) -> Path:
    path = tmp_path / "lieferanten_2025.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([*above, [], HEADER, ROW])
    return path


def test_a_csv_files_company_country_is_checked_at_its_cell(tmp_path: Path) -> None:
    above = [["Unternehmen:", "Nordsee Feinkost Import GmbH", "Land:", "Deutschlnd"]]
    _, problems = read_chain([_csv(tmp_path, above)])
    (error,) = problems.errors
    assert error.type == "unknown-country"
    assert (error.location.row, error.location.column, error.location.sheet) == (1, "D", None)
    assert error.suggestion == "Germany (DEU)"
