"""Rows of a supplier table that are no supplier: totals rows that count their rows or sum
with a sign (read as phantom suppliers), section titles inside the table (read as suppliers
without data), and the template's example row (its share counted in the share check)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.profiles import load_profiles
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.table_source import table_from_rows

_ = None
HEADER = ["Supplier ID", "Supplier name", "Buyer ID", "Country", "Sector", "Spend", "Workers"]
SUPPLIERS = [
    ["S1", "Dhaka Knit Ltd", _, "BD", "garment manufacturing", "€ 120.000", 1850],
    ["S2", "Istanbul Tekstil", _, "TR", "garment manufacturing", "€ 80.000", 300],
]


def _read(row: list[Any]) -> tuple[list[Any], list[tuple[str, int | None]]]:
    """The ids read from the table with `row` below its suppliers, and the problems told."""
    problems = ProblemList()
    table = table_from_rows("t.csv", None, [HEADER, *SUPPLIERS, row], ReadOptions(), problems)
    assert table is not None
    return list(table.values["id"]), [(p.type, p.location.row) for p in problems.items]


# -- totals rows ---------------------------------------------------------------------------

TOTALS: list[tuple[str, list[Any], bool]] = [
    # (case, the row below the suppliers, whether it is read as a totals row)
    ("Gesamt and a count", ["Gesamt", "3 Lieferanten", _, _, _, _, 2550], True),
    ("Total and a count", ["Total", "3 suppliers", _, _, _, "€ 250.000", 2550], True),
    ("Somme and a count", ["Somme", "12 fournisseurs", _, _, _, _, 2550], True),
    ("Suma and a count", ["Suma", "Número de proveedores: 3", _, _, _, _, 2550], True),
    ("sum sign", ["Σ", _, _, _, _, _, 2550], True),
    ("n-ary sum sign", ["∑", _, _, _, _, "€ 250.000", 2550], True),
    ("sum sign in the name column", [_, "Σ", _, _, _, _, 2550], True),
    ("count alone in the name column", [_, "3 Lieferanten", _, _, _, _, 2550], True),
    ("Gesamtsumme", ["Gesamtsumme", _, _, _, _, _, 2550], True),
    ("Insgesamt", ["Insgesamt", _, _, _, _, _, 2550], True),
    ("Totaal", ["Totaal", _, _, _, _, _, 2550], True),
    ("Totale", ["Totale", _, _, _, _, _, 2550], True),
    ("Suma", ["Suma", _, _, _, _, _, 2550], True),
    # suppliers: a country or a sector of their own, or a name that counts nothing
    ("Total Energies", ["S3", "Total Energies", _, "France", "oil refining", _, 300], False),
    ("count with a country", ["Gesamt", "3 Lieferanten", _, "DE", _, _, 9], False),
    ("count with a sector", ["Gesamt", "3 suppliers", _, _, "retail", _, 9], False),
    ("total word and a name", ["Gesamt", "Gesamt Textil GmbH", _, _, _, _, 2550], False),
    ("id and a count-like name", ["S3", "3 Lieferanten", _, _, _, _, 2550], False),
    ("count of something else", ["Total", "3 containers", _, _, _, _, 2550], False),
]


@pytest.mark.parametrize(("case", "row", "total"), TOTALS, ids=[t[0] for t in TOTALS])
def test_a_totals_row_that_counts_or_signs_its_sum_is_no_supplier(
    case: str, row: list[Any], total: bool
) -> None:
    ids, problems = _read(row)
    assert ids == (["S1", "S2"] if total else ["S1", "S2", row[0]])
    assert [p for p in problems if p[0] == "total-row"] == ([("total-row", 4)] if total else [])


def test_a_totals_row_names_the_count_it_holds() -> None:
    problems = ProblemList()
    rows = [HEADER, *SUPPLIERS, ["Gesamt", "3 Lieferanten", _, _, _, _, 2550]]
    table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    [told] = problems.items
    assert told.message.startswith(
        "the row holds only 'Gesamt', '3 Lieferanten' and numbers (Workers 2550): read as a"
        " totals row"
    )


# -- section titles ------------------------------------------------------------------------

SECTIONS: list[tuple[str, list[Any], bool]] = [
    # (case, the row below the suppliers, whether it is read as a section title)
    ("tier and suppliers", ["Tier 2 suppliers", _, _, _, _, _, _], True),
    ("tier alone", ["Tier 3", _, _, _, _, _, _], True),
    ("tier in roman numerals", ["Tier II", _, _, _, _, _, _], True),
    ("ordinal tier", ["2nd tier suppliers", _, _, _, _, _, _], True),
    ("in the name column", [_, "Tier 2 suppliers", _, _, _, _, _], True),
    ("German", ["Lieferanten Stufe 2", _, _, _, _, _, _], True),
    ("German suppliers alone", ["Lieferanten", _, _, _, _, _, _], True),
    ("French", ["Fournisseurs de rang 2", _, _, _, _, _, _], True),
    ("Spanish", ["Proveedores nivel 3", _, _, _, _, _, _], True),
    ("direct suppliers", ["Direct suppliers", _, _, _, _, _, _], True),
    ("sub-suppliers", [_, "Sub-suppliers", _, _, _, _, _], True),
    ("suppliers in a country", ["Suppliers in Bangladesh", _, _, _, _, _, _], True),
    ("a country's suppliers", ["Indian suppliers", _, _, _, _, _, _], False),
    ("a group of countries", ["Asia", _, _, _, _, _, _], True),
    ("a group of countries in words", ["Latin America", _, _, _, _, _, _], True),
    ("a tier of a group", ["Tier 2 – South-East Asia", _, _, _, _, _, _], True),
    # suppliers: an id or a name alone, a legal form, or other cells
    ("short id", ["T1", _, _, _, _, _, _], False),
    ("tier word without a number", ["Tier", _, _, _, _, _, _], False),
    ("number alone", [_, "3", _, _, _, _, _], False),
    ("direction alone", ["North", _, _, _, _, _, _], False),
    ("a country alone", ["Bangladesh", _, _, _, _, _, _], False),
    ("a company named suppliers", [_, "Global Suppliers Ltd", _, _, _, _, _], False),
    ("a company in a group's name", [_, "Asia Trading Co", _, _, _, _, _], False),
    ("a title with a country", ["Tier 2 suppliers", _, _, "BD", _, _, _], False),
    ("a title with workers", ["Tier 2 suppliers", _, _, _, _, _, 300], False),
    ("a title with a buyer", ["Tier 2", _, "S1", _, _, _, _], False),
    ("in the buyers column", [_, _, "Tier 2 suppliers", _, _, _, _], False),
    # an id written as one token with a digit is an id, never a title
    ("an id of a group", ["EU-01", _, _, _, _, _, _], False),
    ("an id of a group in capitals", ["ASIA-01", _, _, _, _, _, _], False),
    ("an id of a group without a dash", ["ASIA1", _, _, _, _, _, _], False),
    ("an id of a tier", ["TIER-2", _, _, _, _, _, _], False),
    ("an id of a region", ["EMEA-12", _, _, _, _, _, _], False),
    ("an id of a continent", ["Europe-3", _, _, _, _, _, _], False),
    ("a group with a number", ["Asia 2", _, _, _, _, _, _], False),
    ("a group in capitals", ["LATAM", _, _, _, _, _, _], True),
    ("a tier in German", ["Stufe 3", _, _, _, _, _, _], True),
    # the suppliers and a place alone may be a company's name, a title with a word around
    ("a group's suppliers", [_, "Africa Suppliers", _, _, _, _, _], False),
    ("a region's suppliers", [_, "Far East Suppliers", _, _, _, _, _], False),
    ("suppliers in a group", [_, "Suppliers in Asia", _, _, _, _, _], True),
    ("direct suppliers of a group", [_, "Direct suppliers – Asia", _, _, _, _, _], True),
]


@pytest.mark.parametrize(("case", "row", "section"), SECTIONS, ids=[s[0] for s in SECTIONS])
def test_a_section_title_in_the_table_is_skipped_with_a_warning(
    case: str, row: list[Any], section: bool
) -> None:
    ids, problems = _read(row)
    assert ids == (["S1", "S2"] if section else ["S1", "S2", row[0]])
    told = [p for p in problems if p[0] == "section-row"]
    assert told == ([("section-row", 4)] if section else [])


def test_the_twotables2_sheet_reads_its_suppliers_only(tmp_path: Path) -> None:
    """The reproduction twotables2.xlsx: a repeated header, and titles 'Tier 2 suppliers'
    and 'Tier 3' read as two suppliers without data."""
    header = ["Supplier ID", "Supplier name", "Buyer ID", "Country", "Sector"]
    rows: list[list[Any]] = [
        ["Tier 1 suppliers", _, _, _, _],
        header,
        ["T1-1", "Dhaka Knit Ltd", _, "Bangladesh", "garment manufacturing"],
        ["T1-2", "Istanbul Tekstil", _, "Turkey", "garment manufacturing"],
        [_, _, _, _, _],
        ["Tier 2 suppliers", _, _, _, _],
        header,
        ["T2-1", "Narayanganj Fabrics", "T1-1", "Bangladesh", "fabric mill"],
        ["T2-2", "Coimbatore Spinners", "T1-1", "India", "yarn spinning"],
        [_, _, _, _, _],
        ["Tier 3", _, _, _, _],
        ["T3-1", "Cotton farm", "T2-2", "India", "cotton farming"],
    ]
    path = write_book(tmp_path / "twotables2.xlsx", {"Suppliers": rows})
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["T1-1", "T1-2", "T2-1", "T2-2", "T3-1"]
    assert [(p.type, p.location.row) for p in problems.items] == [
        ("repeated-header", 7),
        ("section-row", 6),
        ("section-row", 11),
    ]
    message = next(p.message for p in problems.items if p.type == "section-row")
    assert "'Tier 2 suppliers': read as a section title" in message
    assert "not as a supplier" in message


@pytest.mark.parametrize(
    ("title", "section"),
    [
        ("Garment manufacturing", True),
        ("Cocoa farming suppliers", True),
        ("Lieferanten Garment manufacturing", True),
        ("Dhaka Knit", False),
        ("Garment manufacturing Ltd", False),
    ],
)
def test_a_title_naming_a_sector_is_skipped_where_the_sectors_are_known(
    tmp_path: Path, title: str, section: bool
) -> None:
    path = tmp_path / "sectors.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector\n"
        "S1,Dhaka Knit Ltd,BD,garment manufacturing\n"
        f",{title},,\n"
        "S2,Istanbul Tekstil,TR,garment manufacturing\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert [s.name for s in chain.suppliers] == ["Dhaka Knit Ltd", "Istanbul Tekstil"]
    told = [(p.type, p.location.row) for p in problems.items if p.type == "section-row"]
    assert told == ([("section-row", 3)] if section else [])
    # (a title is told once; a name alone, a supplier without an id, is refused as it was)
    refused = [(p.type, p.location.row) for p in problems.items if p.type == "missing-id"]
    assert refused == ([] if section else [("missing-id", 3)])


@pytest.mark.parametrize(
    ("row", "told"),
    [
        ("EU-01,,,", None),  # an id alone: a supplier with data gaps
        ("ASIA-01,,,", None),
        ("TIER-2,,,", None),
        (",Africa Suppliers,,", "missing-id"),  # a name alone: refused as it was
        (",Middle East Suppliers,,", "missing-id"),
        (",EU Suppliers,,", "missing-id"),
        (",Tier 2 suppliers,,", "section-row"),
        ("Asia,,,", "section-row"),
    ],
)
def test_an_id_or_a_name_alone_stays_a_supplier(tmp_path: Path, row: str, told: str | None) -> None:
    path = tmp_path / "lone.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector\n"
        "S1,Dhaka Knit Ltd,BD,garment manufacturing\n"
        f"{row}\n"
        "S2,Istanbul Tekstil,TR,garment manufacturing\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    ids = [s.id for s in chain.suppliers]
    assert ids == (["S1", row.split(",")[0], "S2"] if told is None else ["S1", "S2"])
    assert [(p.type, p.location.row) for p in problems.items] == (
        [] if told is None else [(told, 3)]
    )


# -- the template's example row ------------------------------------------------------------


def _filled_template(tmp_path: Path, rows: list[list[Any]]) -> Path:
    """A workbook template with its example row left in and `rows` added below it."""
    out = tmp_path / "t.xlsx"
    assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    workbook = load_workbook(out)
    sheet = workbook["Suppliers"]
    header = [cell.value for cell in sheet[1]]
    for number, values in enumerate(rows, start=3):
        for col, (field, value) in enumerate(zip(header, values, strict=False), start=1):
            if value is not None and field is not None:
                sheet.cell(number, col, value)
    workbook.save(out)
    return out


# the template's columns: ID, name, country, region, sector, products, buyers, share …
EXAMPLES: list[tuple[str, list[list[Any]]]] = [
    (
        # the reproduction xc.xlsx: G1's share 0.7 and the example's 0.6 made 1.30
        "shares",
        [
            ["G1", "Dhaka Knit Ltd", "Bangladesh", _, "garment-manufacturing", _, _, 0.7],
            ["G2", "Tiruppur Mills", "India", _, "fabric-manufacturing", _, "G1"],
            ["G3", "Gin Co", "Uzbekistan", _, "cotton-ginning", _, "G2"],
        ],
    ),
    (
        # a supplier of the user's under the example's id: one supplier, not a duplicate
        "its id used",
        [["SUP-001", "Dhaka Knit Ltd", "Bangladesh", _, "garment-manufacturing", _, _, 0.7]],
    ),
    (
        # the example's buyer left as a supplier not in the chain, or itself
        "its buyer",
        [["G1", "Dhaka Knit Ltd", "Bangladesh", _, "garment-manufacturing"]],
    ),
    (
        # a supplier under the example: linked, and its shares checked as its own
        "a supplier under it",
        [["G1", "Farm Ltd", "Ghana", _, "cocoa-farming", _, "SUP-001", 0.5]],
    ),
]


@pytest.mark.parametrize(("case", "rows"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_example_row_left_in_is_told_only_as_the_example(
    tmp_path: Path, case: str, rows: list[list[Any]]
) -> None:
    path = _filled_template(tmp_path, rows)
    if case == "its buyer":
        workbook = load_workbook(path)
        workbook["Suppliers"]["G2"] = "NOT-THERE"
        workbook["Suppliers"]["R2"] = 3  # (a declared tier the links would contradict)
        workbook.save(path)
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 2, result.output
    [report] = json.loads(result.stdout)
    errors = [
        (p["type"], p["location"]["row"]) for p in report["problems"] if p["severity"] == "error"
    ]
    assert errors == [("template-example", 2)]


def test_the_example_row_is_never_a_supplier_of_the_chain_checked(tmp_path: Path) -> None:
    path = _filled_template(
        tmp_path, [["G1", "Dhaka Knit Ltd", "Bangladesh", _, "garment-manufacturing", _, _, 0.7]]
    )
    chain, _problems = read_chain([path])
    example = next(s for s in chain.suppliers if s.id == "SUP-001")
    assert (example.share, example.buyers, example.tier_declared) == (None, [], None)
    mine = next(s for s in chain.suppliers if s.id == "G1")
    assert mine.share == 0.7
