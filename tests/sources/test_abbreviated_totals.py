"""Totals rows labelled by an abbreviation or in Italian (review rev152, section 15).

"Tot." and "Totale fornitori: 2" in the name column, with only sums beside them, were read as
suppliers without an id (`missing-id`), while "Totale generale" was skipped as a totals row.
A total word abbreviated with its dot ("Tot.", "Ges.", "Subtot.", "Tot. gen.") is read as the
word, and the suppliers or rows a totals row counts may be named in Italian and Dutch too
("fornitori", "leveranciers", "righe"). A name that holds other words ("Total Energies",
"Totalfarma S.p.A.") stays a supplier, and so does an abbreviation without its dot ("Tot").
The suppliers so named make a section title too, as "Lieferanten" does ("Fornitori").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.errors import ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.table_source import table_from_rows

_ = None
HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Share", "Workers"]
SUPPLIERS = [
    ["A1", "Dhaka Denim", "BD", "garment manufacturing", "40%", 100],
    ["A2", "Lahore Knit", "PK", "garment manufacturing", "30%", 200],
]

TOTALS: list[tuple[list[Any], bool]] = [
    # (the row below the suppliers, whether it is read as a totals row)
    ([_, "Tot.", _, _, "70%", 300], True),
    ([_, "TOT.", _, _, "70%", 300], True),
    ([_, "Totale fornitori: 2", _, _, "70%", 300], True),
    ([_, "Tot. fornitori: 2", _, _, "70%", 300], True),
    ([_, "Tot. gen.", _, _, "70%", 300], True),
    ([_, "Totale complessivo", _, _, "70%", 300], True),
    ([_, "Totali", _, _, "70%", 300], True),
    ([_, "Subtotale", _, _, "70%", 300], True),
    ([_, "Subtot.", _, _, "70%", 300], True),
    ([_, "Totale righe: 2", _, _, "70%", 300], True),
    ([_, "Numero di fornitori: 2", _, _, "70%", 300], True),
    ([_, "Ges.", _, _, "70%", 300], True),
    ([_, "Ges. 2 Lieferanten", _, _, "70%", 300], True),
    ([_, "Gesamt: 3 Lieferanten", _, _, "70%", 300], True),
    ([_, "Total fournisseurs : 2", _, _, "70%", 300], True),
    ([_, "Tot. fournisseurs", _, _, "70%", 300], True),
    ([_, "Tot. proveedores", _, _, "70%", 300], True),
    ([_, "Totaal leveranciers: 2", _, _, "70%", 300], True),
    ([_, "Aantal leveranciers: 2", _, _, "70%", 300], True),
    (["Tot.", _, _, _, "70%", 300], True),
    (["Tot.", "3 fornitori", _, _, "70%", 300], True),
    (["Ges.", "3 Lieferanten", _, _, "70%", 300], True),
    ([_, "Totale generale", _, _, "70%", 300], True),  # (as before)
    # suppliers: a name with other words, an abbreviation without its dot, an id
    ([_, "Total Energies", _, _, "70%", 300], False),
    ([_, "Totalfarma S.p.A.", _, _, "70%", 300], False),
    ([_, "Tot", _, _, "70%", 300], False),
    ([_, "Ges", _, _, "70%", 300], False),
    ([_, "Tot. Energies", _, _, "70%", 300], False),
    ([_, "Ges. m.b.H.", _, _, "70%", 300], False),
    ([_, "Totale fornitori: 2", "IT", _, "70%", 300], False),
    ([_, "Tot.", _, "retail", "70%", 300], False),
    (["TOT.1", _, _, _, "70%", 300], False),
    (["A3", "Tot.", _, _, "70%", 300], False),
]


@pytest.mark.parametrize(("row", "total"), TOTALS, ids=[" | ".join(map(str, r)) for r, _ in TOTALS])
def test_an_abbreviated_or_italian_totals_row_is_no_supplier(row: list[Any], total: bool) -> None:
    problems = ProblemList()
    table = table_from_rows("t.csv", None, [HEADER, *SUPPLIERS, row], ReadOptions(), problems)
    assert table is not None
    assert list(table.values["id"]) == (["A1", "A2"] if total else ["A1", "A2", row[0]])
    told = [(p.type, p.location.row) for p in problems.items if p.type == "total-row"]
    assert told == ([("total-row", 4)] if total else [])


def test_the_reviewed_totals_rows_are_skipped_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "totals.csv"
    path.write_text(
        "Supplier ID;Supplier name;Country;Sector;Share;Workers\n"
        "A1;Dhaka Denim;Bangladesh;garment manufacturing;40%;100\n"
        "A2;Lahore Knit;Pakistan;garment manufacturing;30%;200\n"
        ";Totale generale;;;70%;300\n"
        ";Tot.;;;70%;300\n"
        ";Totale fornitori: 2;;;70%;300\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["A1", "A2"]
    assert problems.flatten(["severity", "type", "row"]) == [
        ["warning", "total-row", 4],
        ["warning", "total-row", 5],
        ["warning", "total-row", 6],
    ]
    assert problems.items[1].message == (
        "the row holds only 'Tot.' and numbers (Share 70%, Workers 300): read as a totals row"
        " (a sum or a count), not as a supplier; it is skipped"
    )


SECTIONS: list[tuple[list[Any], bool]] = [
    # (a row alone in the id or name column, whether it is read as a section title): the
    # suppliers a totals row counts name a section's suppliers too
    (["Fornitori", _, _, _, _, _], True),
    ([_, "Fornitori Tier 2", _, _, _, _], True),
    (["Leveranciers", _, _, _, _, _], True),
    ([_, "Fornitori Tessili S.r.l.", _, _, _, _], False),
]


@pytest.mark.parametrize(("row", "section"), SECTIONS, ids=[str(r[0] or r[1]) for r, _ in SECTIONS])
def test_the_suppliers_in_italian_and_dutch_make_a_section_title(
    row: list[Any], section: bool
) -> None:
    problems = ProblemList()
    table_from_rows("t.csv", None, [HEADER, *SUPPLIERS, row], ReadOptions(), problems)
    told = [(p.type, p.location.row) for p in problems.items if p.type == "section-row"]
    assert told == ([("section-row", 4)] if section else [])
