"""Layouts of supplier tables that were misread: two tables on one sheet (the first was taken
for title rows), a totals row of amounts of money (read as a supplier), an Excel 2003 XML
spreadsheet named .xls (called a web page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.errors import ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.table_source import table_from_rows

_ = None
HEADER = ["Supplier ID", "Supplier name", "Country", "Sector"]
FIRST = [
    ["S-01", "Abidjan Cocoa Farmers Coop", "Côte d'Ivoire", "cocoa farming"],
    ["S-02", "Dhaka Knit Ltd", "Bangladesh", "garment manufacturing"],
    ["S-03", "Kivu Artisanal Mining", "DR Congo", "cobalt artisanal mining"],
]
SECOND = [["S-04", "Hamburg Logistics GmbH", "Germany", "logistics", "freight"]]


def _found(problems: ProblemList, *types: str) -> list[tuple[str, str, int | None]]:
    return [(p.type, p.severity, p.location.row) for p in problems.items if p.type in types]


# -- two tables on one sheet ----------------------------------------------------------------

LAYOUTS: list[tuple[str, list[list[Any]], list[str], list[tuple[str, str, int]]]] = [
    # (case, the sheet's rows, the ids read, the problems about its layout)
    (
        # the second header names one known field more: it was taken as the header, and the
        # three suppliers above it were skipped as title rows without a word
        "second header names more fields",
        [
            ["Existing suppliers"],
            HEADER,
            *FIRST,
            [],
            ["New suppliers onboarded 2026"],
            [*HEADER, "Products"],
            *SECOND,
        ],
        ["S-01", "S-02", "S-03", "S-04"],
        [("second-table", "error", 8)],
    ),
    (
        "second header names as many fields, in other columns",
        [
            HEADER,
            *FIRST[:2],
            [],
            ["Tier 2"],
            ["Supplier ID", "Supplier name", "Buyer ID", "Country"],
            ["T2-1", "Narayanganj Fabrics", "S-02", "Bangladesh"],
        ],
        ["S-01", "S-02", "T2-1"],
        [("second-table", "error", 6)],
    ),
    (
        "second header right below the rows, without a title",
        [HEADER, *FIRST, [*HEADER, "Products", "Workers"], SECOND[0]],
        ["S-01", "S-02", "S-03", "S-04"],
        [("second-table", "error", 5)],
    ),
    (
        "second header spelt otherwise",
        [["Lieferanten"], HEADER, *FIRST[:1], [], ["Lieferanten-ID", "Lieferantenname", "Land"]],
        ["S-01"],
        [("second-table", "error", 5)],
    ),
    # as before: the header repeated is skipped with a warning
    (
        "header repeated",
        [HEADER, *FIRST[:2], [" supplier id", "SUPPLIER NAME", "Country", "Sector"], FIRST[2]],
        ["S-01", "S-02", "S-03"],
        [("repeated-header", "warning", 4)],
    ),
    # as before: title rows, and a shorter header line above the header, are no table
    (
        "title rows above the header",
        [["Supplier master data"], ["exported 2026-10-01"], [], HEADER, *FIRST],
        ["S-01", "S-02", "S-03"],
        [],
    ),
    (
        "a header line above the header, no rows under it",
        [["ID", "Name"], HEADER, *FIRST],
        ["S-01", "S-02", "S-03"],
        [],
    ),
    # a first table of the user's own columns beside the id is still one: its rows give ids
    (
        "a first table of labels and notes, its rows giving ids",
        [
            ["Supplier ID", "Notes", "Country", "Remarks"],
            ["S-01", "long-standing", "Côte d'Ivoire", "visited 2025"],
            ["S-02", "new", "Ghana", "visited 2026"],
            [],
            [*HEADER, "Products"],
            *SECOND,
        ],
        ["S-01", "S-02", "S-04"],
        [("second-table", "error", 5)],
    ),
    *(
        # one row of values under an earlier header is a block of details above the table
        # (a vendor's number, a site, a reference), no first table: the table below is read
        (case, [above, values, [], [*HEADER, "Products"], *SECOND], ["S-04"], [])
        for case, above, values in [
            (
                "a vendor's details above the table",
                ["Vendor no.", "Company", "Country"],
                ["V-100", "Acme Apparel GmbH", "Germany"],
            ),
            (
                "a site's details above the table",
                ["Site ID", "Site name", "Country"],
                ["SITE-7", "Gazipur plant", "Bangladesh"],
            ),
            (
                "a reference above the table",
                ["Supplier ID", "Notes", "Country", "Remarks"],
                ["S-01", "long-standing", "Côte d'Ivoire", "visited 2025"],
            ),
        ]
    ),
    *(
        # lines of a label and its value above the table (the company's or the supplier's
        # details of a questionnaire): the header below them was a second table's, the
        # table read under the labels' row without an id column (no assessment)
        (case, [*above, [], [*HEADER, "Products"], *SECOND], ["S-04"], [])
        for case, above in {
            "the company's details above the table": [
                ["Company name", "Acme Apparel GmbH", "Country", "Germany"],
                ["Date", "2026-01-10"],
            ],
            "a questionnaire's supplier above the table": [
                ["Supplier", "Gazipur Apparels Ltd", "Country", "Bangladesh", _],
                ["Address", "Plot 12, BSCIC, Gazipur", "Contact", "J. Rahman", _],
            ],
            "a supplier's id and details above the table": [
                ["Supplier ID", "SUP-1", "Country", "Bangladesh"],
                ["Address", "Plot 12, BSCIC, Gazipur", "Contact", "J. Rahman"],
            ],
            "a row of names without ids above the table": [
                ["Supplier name", "Country", "Sector"],
                ["Dhaka Knit Ltd", "Bangladesh", "garment manufacturing"],
            ],
            "an id column whose rows give no id": [
                ["Supplier ID", "Supplier name", "Country"],
                [_, "to be assigned", "Bangladesh"],
            ],
        }.items()
    ),
]


@pytest.mark.parametrize(
    ("case", "rows", "ids", "told"), LAYOUTS, ids=[layout[0] for layout in LAYOUTS]
)
def test_no_table_above_the_header_is_skipped_as_title_rows(
    case: str, rows: list[list[Any]], ids: list[str], told: list[tuple[str, str, int]]
) -> None:
    problems = ProblemList()
    table = table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    assert table is not None
    assert [v for v in list(table.values["id"]) if v is not None] == ids
    assert _found(problems, "second-table", "repeated-header", "note-row") == told


def test_the_second_table_is_named_with_both_headers_and_its_title(tmp_path: Path) -> None:
    """The reproduction twotables_silent.xlsx: '2 suppliers, OK' before, without the co-op
    of Côte d'Ivoire, the garment maker of Bangladesh and the cobalt mine of DR Congo."""
    rows = [
        ["Existing suppliers"],
        HEADER,
        *FIRST,
        [],
        ["New suppliers onboarded 2026"],
        [*HEADER, "Products"],
        *SECOND,
    ]
    chain, problems = read_chain([write_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    assert [s.id for s in chain.suppliers] == ["S-01", "S-02", "S-03", "S-04"]
    [error] = problems.errors
    assert (error.type, error.location.sheet, error.location.row) == (
        "second-table",
        "Suppliers",
        8,
    )
    assert error.message.startswith(
        "row 8 is a second header row (Supplier ID, Supplier name, Country, Sector, Products)"
        " below the table read from the header in row 2: the sheet holds two tables. The row"
        " is not read as a supplier, nor its title in row 7, 'New suppliers onboarded 2026';"
    )
    assert "--sheet" in error.message


def test_a_questionnaire_with_its_details_above_the_table_is_read(tmp_path: Path) -> None:
    """The details of a supplier questionnaire above its table of sub-suppliers gave a
    second-table error at the table's header and a no-id-column error: no assessment."""
    path = tmp_path / "questionnaire.csv"
    path.write_text(
        "Supplier,Gazipur Apparels Ltd,Country,Bangladesh,\n"
        'Address,"Plot 12, BSCIC, Gazipur",Contact,J. Rahman,\n'
        ",,,,\n"
        "Supplier ID,Supplier name,Country,Sector,Products\n"
        "SS-1,Narayanganj Knit Composite Ltd,Bangladesh,fabric manufacturing,knitted fabric\n"
        "SS-2,Multan Spinning Mills Ltd,Pakistan,yarn spinning,cotton yarn\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [(s.id, s.country, list(s.products)) for s in chain.suppliers] == [
        ("SS-1", "BGD", ["knitted fabric"]),
        ("SS-2", "PAK", ["cotton yarn"]),
    ]


def test_a_csv_of_two_tables_is_told_to_be_split_into_files(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Existing suppliers;;;;\nSupplier ID;Supplier name;Country;Sector;\n"
        "S-01;Abidjan Cocoa Farmers Coop;CI;cocoa farming;\n"
        "S-02;Accra Cocoa Traders;GH;cocoa trading;\n;;;;\n"
        "Supplier ID;Supplier name;Country;Sector;Products\n"
        "S-04;Hamburg Logistics GmbH;DE;logistics;freight\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S-01", "S-02", "S-04"]
    [error] = problems.errors
    assert (error.type, error.location.row) == ("second-table", 6)
    assert "the file holds two tables" in error.message and "its title" not in error.message
    assert "each table in a file of its own" in error.message


# -- a totals row of amounts of money -------------------------------------------------------

SPEND = ["Supplier ID", "Supplier name", "Country", "Spend", "Workers"]
AMOUNTS = [
    # (the spend in the row below the suppliers, with 'Summe' and 2550 workers; whether the
    # row is a totals row)
    ("250.000,00", True),
    ("250.000,00 €", True),
    ("€250,000.00", True),
    ("€ 250.000", True),
    ("EUR 250.000", True),
    ("250 000 EUR", True),
    ("$250,000", True),
    ("US$ 250,000", True),
    ("CHF 250'000.00", True),
    ("-€ 5.000", True),
    # no amount: the row stays a supplier's (an error of its own, not a skipped row)
    ("EUR", False),
    ("ABC 250", False),
    ("€ 250 $", False),
    ("tbc", False),
]


@pytest.mark.parametrize(("spend", "total"), AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_a_totals_row_of_amounts_of_money_is_no_supplier(spend: str, total: bool) -> None:
    rows = [
        SPEND,
        ["1001", "Dhaka Knit Ltd", "BD", "120.000,00 €", 1850],
        ["1002", "Istanbul Tekstil", "TR", "80.000,00 €", 700],
        ["Summe", _, _, spend, 2550],
    ]
    problems = ProblemList()
    table = table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    assert table is not None
    assert list(table.values["id"]) == (["1001", "1002"] if total else ["1001", "1002", "Summe"])
    assert _found(problems, "total-row") == ([("total-row", "warning", 4)] if total else [])


def test_a_supplier_with_an_amount_stays_a_supplier() -> None:
    rows = [SPEND, ["1001", "Dhaka Knit Ltd", "BD", "€ 120.000", 1850], ["1003", _, _, "€ 5", _]]
    problems = ProblemList()
    table = table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    assert table is not None and list(table.values["id"]) == ["1001", "1003"]
    assert problems.items == []


def test_the_spend_export_has_no_phantom_supplier(tmp_path: Path) -> None:
    """The reproduction spend.csv: 'Summe' was a tier-1 supplier of 2550 workers."""
    path = tmp_path / "spend.csv"
    path.write_text(
        "Lieferantennummer;Lieferantenname;Land;Liefert an;Einkaufsvolumen;Beschäftigte\n"
        "1001;Dhaka Knit Ltd;BD;;120.000,00 €;1850\n"
        "1003;Narayanganj Fabrics;BD;1001;50.000,00 €;400\n"
        ";;;;;\nSumme;;;;250.000,00 €;2550\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["1001", "1003"]
    assert _found(problems, "total-row") == [("total-row", "warning", 5)]
    assert "(Einkaufsvolumen 250.000,00 €, Beschäftigte 2550)" in problems.items[0].message


# -- an Excel 2003 XML spreadsheet named .xls -----------------------------------------------

XML_2003 = (
    b'<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
    b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
    b' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
    b'<Worksheet ss:Name="Suppliers"><Table>\n<Row><Cell><Data ss:Type="String">Supplier ID'
    b"</Data></Cell></Row>\n</Table></Worksheet></Workbook>\n"
)
MARKUP = [
    ("Excel 2003 XML", XML_2003, "an Excel 2003 XML spreadsheet"),
    ("without its instruction", XML_2003.replace(b"<?mso-application", b"<?other"), "Excel 2003"),
    ("web page", b"<html><body><table><tr><td>ID</td></tr></table></body></html>", "web page"),
    ("web page as XHTML", b'<?xml version="1.0"?>\n<html><body><table/></body></html>', "web page"),
    ("table of a page", b"<meta charset='utf-8'><table><tr><td>ID</td></tr></table>", "web page"),
    ("other XML", b'<?xml version="1.0"?><Export><Table/></Export>', "an XML file"),
]


@pytest.mark.parametrize(("case", "content", "says"), MARKUP, ids=[m[0] for m in MARKUP])
def test_markup_named_xls_is_told_by_what_it_is(
    tmp_path: Path, case: str, content: bytes, says: str
) -> None:
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    _chain, problems = read_chain([path])
    [error] = problems.items
    assert error.type == "not-a-workbook" and says in error.message, error.message
    assert ("a web page" in error.message) == (says == "web page"), error.message
