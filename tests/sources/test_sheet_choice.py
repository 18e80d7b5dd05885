"""The sheet read without --sheet: a supplier sheet named in Italian, Portuguese or Dutch
("Fornitori", "Fornecedores", "Leveranciers") as in the other languages, and a legend's,
an example's or instructions' sheet first passed over for the next with a supplier header.

A workbook whose first sheet was "Legenda" (the header and one example row) and whose second
was "Fornitori" (40 suppliers) was assessed as the example row alone, exit 0, with a warning
that called the real list "also a supplier sheet, not read"."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ddtool.sources.reading import read_chain

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector"]
EXAMPLE = [["EX-1", "Example Ltd", "Italy", "garment manufacturing"]]
LIST = [[f"S{i}", f"Supplier {i}", "India", "yarn spinning"] for i in range(1, 6)]


def _workbook(tmp_path: Path, sheets: list[tuple[str, list[list[str]] | None]]) -> Path:
    """Sheets in order, each with the header and its rows (None: a note, no header)."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets:
        sheet = book.create_sheet(name)
        if rows is None:
            sheet.append(["Fill in one row per supplier."])
            continue
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "suppliers.xlsx"
    book.save(path)
    return path


# the sheets in order, and the ids read
CASES = [
    pytest.param([("Legenda", EXAMPLE), ("Fornitori", LIST)], "S", id="Italian name"),
    pytest.param([("Legenda", EXAMPLE), ("Foglio2", LIST)], "S", id="legend first"),
    pytest.param([("Instructions", None), ("Sheet2", LIST)], "S", id="instructions first"),
    pytest.param([("Example", EXAMPLE), ("Data", LIST)], "S", id="example first"),
    pytest.param([("Info", None), ("Fornecedores", LIST)], "S", id="Portuguese name"),
    pytest.param([("Overzicht", EXAMPLE), ("Leveranciers", LIST)], "S", id="Dutch name"),
    # a first sheet of no such name is read, as before
    pytest.param([("Overview", EXAMPLE), ("Sheet2", LIST)], "EX", id="another first sheet"),
    # a supplier sheet named with such a word is no legend: "Key suppliers", "List of
    # suppliers", "Supplier notes" are read as before
    pytest.param([("Key suppliers", LIST), ("Sheet2", EXAMPLE)], "S", id="key suppliers"),
    pytest.param([("List of suppliers", LIST), ("Data", EXAMPLE)], "S", id="list of"),
    pytest.param([("Key accounts", LIST), ("Data", EXAMPLE)], "S", id="key words"),
    # an example's or instructions' sheet in other words and languages
    pytest.param([("Sample", EXAMPLE), ("Data", LIST)], "S", id="sample"),
    pytest.param([("Esempio compilazione", EXAMPLE), ("Foglio2", LIST)], "S", id="esempio"),
    pytest.param([("Muster", EXAMPLE), ("Tabelle2", LIST)], "S", id="muster"),
    pytest.param([("Voorbeeld", EXAMPLE), ("Blad2", LIST)], "S", id="voorbeeld"),
    # nothing else with a header: the legend is what there is
    pytest.param([("Legenda", EXAMPLE), ("Note", None)], "EX", id="the legend alone"),
]


@pytest.mark.parametrize(("sheets", "read"), CASES)
def test_the_sheet_read_is_the_supplier_list(
    tmp_path: Path, sheets: list[tuple[str, list[list[str]] | None]], read: str
) -> None:
    chain, problems = read_chain([_workbook(tmp_path, sheets)])
    assert not problems.has_errors()
    assert {s.id[:2] if read == "EX" else s.id[0] for s in chain.suppliers} == {read}


def test_a_legend_is_not_called_a_supplier_sheet_left_unread(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [("Legenda", EXAMPLE), ("Fornitori", LIST)])
    chain, problems = read_chain([path])
    assert len(chain.suppliers) == len(LIST)
    assert "other-supplier-sheets" not in {p.type for p in problems.warnings}


def test_a_buyer_on_a_sheet_not_read_says_the_sheet(tmp_path: Path) -> None:
    """A workbook of one sheet per tier read with --sheet 'Tier 2': its suppliers' buyers
    are on 'Tier 1', which is not read; the unknown-buyer errors name the sheets not read
    (they said only that the buyer was not in the chain)."""
    from ddtool.sources.interface import ReadOptions
    from ddtool.validate import validate_chain

    book = Workbook()
    book.remove(book.active)
    tier1 = book.create_sheet("Tier 1")
    tier1.append([*HEADER, "Buyer ID"])
    tier1.append(["T1-A", "Dhaka Knit", "Bangladesh", "garment manufacturing", ""])
    tier2 = book.create_sheet("Tier 2")
    tier2.append([*HEADER, "Buyer ID"])
    tier2.append(["T2-A", "Aksu Spinning", "China", "yarn spinning", "T1-A"])
    path = tmp_path / "per_tier.xlsx"
    book.save(path)
    result = validate_chain([path], ReadOptions(sheet="Tier 2"))
    [error] = [p for p in result.problems if p.type == "unknown-buyer"]
    assert error.message.endswith(
        "(the workbook's sheet 'Tier 1' holds suppliers too and is not read: sheets named by"
        " their tiers are read together when no --sheet is given)"
    )
    # without --sheet, the two are read together, and the buyer is found
    assert validate_chain([path], ReadOptions()).ok
