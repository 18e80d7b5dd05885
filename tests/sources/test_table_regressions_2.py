"""Regressions of the table reader against 37cef6d, found in a second review: numeric buyer ids
under a merged header, headers in two scripts matched by their Latin fragment, Company sheet
comments read as values, and certification expiries under a merged header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.sources import read_chain
from ddtool.sources.columns import hint_header, match_header
from ddtool.sources.table_source import _company_from_sheet

# -- 1: numbers under a merged buyers header are ids --------------------------------------------

# (the cells under "Buyer IDs" merged over E1:F1, each row's buyers, attributes, the warning's how)
BUYER_CELLS: list[tuple[str, list[tuple[Any, Any]], list[list[str]], list[dict[str, Any]], str]] = [
    (
        "number cells",
        [(1001, 1002), (1001, None)],
        [["1001", "1002"], ["1001"]],
        [{}, {}],
        "the values of a row are read together, as one list",
    ),
    (
        "numbers beside texts",
        [("1001", 1002), (1001, "1002")],
        [["1001", "1002"], ["1001", "1002"]],
        [{}, {}],
        "the values of a row are read together, as one list",
    ),
    (
        "dates are still no buyers",
        [(1001, dt.datetime(2024, 6, 30)), (1001, None)],
        [["1001"], ["1001"]],
        [{"Buyer IDs (F)": dt.date(2024, 6, 30)}, {}],
        "the values of a row are read together, as one list; column F holds dates, no buyers;"
        " column F is kept as an attribute named 'Buyer IDs (F)'",
    ),
]


@pytest.mark.parametrize(
    ("cells", "buyers", "attributes", "how"),
    [case[1:] for case in BUYER_CELLS],
    ids=[case[0] for case in BUYER_CELLS],
)
def test_numbers_under_a_merged_buyers_header_are_ids(
    tmp_path: Path,
    cells: list[tuple[Any, Any]],
    buyers: list[list[str]],
    attributes: list[dict[str, Any]],
    how: str,
) -> None:
    """Column F was kept as an attribute ('column F holds numbers, no buyers'): 1002 lost."""
    rows: list[list[Any]] = [["Supplier ID", "Name", "Country", "Sector", "Buyer IDs", None]]
    rows += [[1000 + n, f"Garment {n}", "Bangladesh", "garment", None, None] for n in (1, 2)]
    rows += [
        [2000 + n, f"Fabric {n}", "India", "fabric manufacturing", first, second]
        for n, (first, second) in enumerate(cells, 1)
    ]
    path = write_book(tmp_path / "buyers.xlsx", {"Suppliers": rows}, merged=("E1:F1",))
    chain, problems = read_chain([path])
    assert [s.buyers for s in chain.suppliers] == [[], [], *buyers]
    assert [s.attributes for s in chain.suppliers] == [{}, {}, *attributes]
    assert [(p.type, p.message) for p in problems.items] == [
        (
            "merged-cells",
            "cells E1:F1 are merged: the header 'Buyer IDs' is read for columns E–F; " + how,
        )
    ]


# -- 2: a header in two scripts is matched by separate translations only ------------------------

# (the header, the field it is read as, the hint given when it is none)
TWO_SCRIPTS: list[tuple[str, str | None, str | None]] = [
    # a word of the other script in a Latin word's part qualifies it: no field
    ("客户 ID", None, None),
    ("联系人 Name", None, None),
    ("母公司 ID", None, None),
    ("买方 ID", None, None),
    ("ID заказчика", None, None),
    ("Supplier name供应商名称", None, None),
    # a bracket of a qualifier: no field, a hint
    ("Workers (外籍)", None, "workers"),
    ("Name (联系人)", None, None),
    # a bracket of a translation, and parts split by '/' or '|'
    ("Workers (人数)", "workers", "workers"),
    ("Country (国家)", "country", "country"),
    ("Supplier ID / 供应商编号", "id", None),
    ("Supplier ID | 供应商编号", "id", None),
    ("Страна / Country", "country", "country"),
    # every Latin part must be a field's header by itself
    ("Country / Something (国家)", None, "country"),
]


@pytest.mark.parametrize(("header", "field", "hint"), TWO_SCRIPTS)
def test_a_header_in_two_scripts_matches_by_separate_translations_only(
    header: str, field: str | None, hint: str | None
) -> None:
    """The first six were read by their Latin fragment ('客户 ID' as the id), and so were
    'Workers (外籍)' (foreign workers: the workers), 'Name (联系人)' (a contact's name) and
    'Country / Something (国家)'."""
    assert (match_header(header, {}), hint_header(header)) == (field, hint)


# (the CSV, the suppliers as (id, name, attributes), the problems as (type, severity, column))
TWO_SCRIPT_TABLES: list[tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]]]] = [
    (  # two id columns: an error, exit 2
        "Supplier ID,Name,Country,Sector,客户 ID\nS1,Alpha,Ghana,cocoa trading,\n"
        "S2,Beta,Ghana,cocoa farming,S1\n",
        [("S1", "Alpha", {}), ("S2", "Beta", {"客户 ID": "S1"})],
        [("unmapped-column", "warning", "客户 ID")],
    ),
    (  # the contact person was the supplier's name
        "ID,Country,Sector,联系人 Name,Buyer\nS1,Ghana,cocoa trading,J. Doe,\n",
        [("S1", None, {"联系人 Name": "J. Doe"})],
        [],
    ),
]


@pytest.mark.parametrize(("text", "suppliers", "found"), TWO_SCRIPT_TABLES)
def test_a_qualified_header_in_two_scripts_is_kept_as_an_attribute(
    tmp_path: Path, text: str, suppliers: list[tuple[Any, ...]], found: list[tuple[Any, ...]]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, "utf-8")
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.attributes) for s in chain.suppliers] == suppliers
    assert [(p.type, p.severity, p.location.column) for p in problems.items] == found


# -- 3: Company sheet comments are no values -----------------------------------------------------

# (the Company sheet's rows, its merged ranges, the company read, each field's cell)
COMPANY: list[
    tuple[str, list[list[Any]], tuple[Any, ...], dict[str, Any], dict[str, tuple[int, int]]]
] = [
    (
        "comments right of the values: blank fields",
        [
            ["Name", "Acme GmbH", "legal name"],
            ["Country", None, "tbc by legal"],
            # (review 3: most rows' values must sit in B for C to be comments)
            ["Sector", "chocolate", "to be confirmed"],
        ],
        (),
        {"name": "Acme GmbH", "sector": "chocolate"},
        {"name": (1, 2), "country": (2, 1), "sector": (3, 2)},
    ),
    (
        "a label merged over A:B has its value in C",
        [
            ["Name", None, "Acme GmbH"],
            ["Country", "Germany", None],
            ["Sector", "chocolate manufacturing", None],
        ],
        (((0, 0), (0, 1)),),
        {"name": "Acme GmbH", "country": "Germany", "sector": "chocolate manufacturing"},
        {"name": (1, 3), "country": (2, 2), "sector": (3, 2)},
    ),
    (
        "a label merged over A:B: a cell right of its value is a comment",
        [["Name", None, None, "legal name"], ["Country", "Germany", None, None]],
        (((0, 0), (0, 1)),),
        {"country": "Germany"},
        {"name": (1, 1), "country": (2, 2)},
    ),
]


@pytest.mark.parametrize(
    ("rows", "merged", "company", "cells"),
    [case[1:] for case in COMPANY],
    ids=[case[0] for case in COMPANY],
)
def test_a_company_value_is_in_the_leftmost_column_holding_one(
    rows: list[list[Any]],
    merged: tuple[Any, ...],
    company: dict[str, Any],
    cells: dict[str, tuple[int, int]],
) -> None:
    """The comments were read as the country and the sector (the column most fields' cells
    are in: C); the name merged over A:B was taken for a comment."""
    found: dict[str, tuple[int, int]] = {}
    assert _company_from_sheet(rows, found, merged) == company
    assert found == cells


# (the Company sheet, its merged ranges, the company as (name, country, sector), the problems)
COMPANY_BOOKS: list[tuple[list[list[Any]], tuple[str, ...], tuple[Any, ...], list[Any]]] = [
    (
        [
            ["Name", "Acme GmbH", "legal name"],
            ["Country", None, "tbc by legal"],
            # (review 3: most rows' values must sit in B for C to be comments)
            ["Sector", "chocolate", "to be confirmed"],
        ],
        (),
        ("Acme GmbH", None, "chocolate"),
        [],
    ),
    (
        [
            ["Name", None, "Acme GmbH"],
            ["Country", "Germany", None],
            ["Sector", "chocolate manufacturing", None],
        ],
        ("A1:B1",),
        ("Acme GmbH", "DEU", "chocolate manufacturing"),
        [],
    ),
]


@pytest.mark.parametrize(("company", "merged", "read", "found"), COMPANY_BOOKS)
def test_a_company_sheet_is_read_end_to_end(
    tmp_path: Path,
    company: list[list[Any]],
    merged: tuple[str, ...],
    read: tuple[Any, ...],
    found: list[Any],
) -> None:
    """'unknown company country 'tbc by legal'' (exit 2); the merged name: named after the
    file."""
    suppliers = [["Supplier ID", "Name", "Country", "Sector"], ["S1", "Alpha", "Ghana", "cocoa"]]
    sheets = {"Company": company, "Suppliers": suppliers}
    path = write_book(tmp_path / "company.xlsx", sheets, merged=merged)
    chain, problems = read_chain([path])
    assert (chain.company.name, chain.company.country, chain.company.sector) == read
    assert [(p.type, p.location.sheet) for p in problems.items] == found


# -- 4: expiries beside merged certifications ----------------------------------------------------

# (the cells under "Certifications" merged over E1:F1, each row's (name, valid until),
# attributes, the warning's how)
CERT_CELLS: list[tuple[str, list[tuple[Any, Any]], list[list[Any]], list[dict[str, Any]], str]] = [
    (
        "a month and its year",
        [("SA8000", "06/2023"), ("SA8000", "12/2023"), ("SA8000", None)],
        [
            [("SA8000", dt.date(2023, 6, 30))],
            [("SA8000", dt.date(2023, 12, 31))],
            [("SA8000", None)],
        ],
        [{}, {}, {}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('SA8000 (valid until 06/2023)')",
    ),
    (
        "a date and a month's name",
        [("SA8000", "30.06.2023"), ("BSCI", "June 2023")],
        [[("SA8000", dt.date(2023, 6, 30))], [("BSCI", dt.date(2023, 6, 30))]],
        [{}, {}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('SA8000 (valid until 30.06.2023)')",
    ),
    (
        "a certification with an expiry of its own keeps it",
        [("SA8000 bis 30.06.2023", dt.datetime(2027, 6, 30)), ("BSCI", dt.datetime(2023, 6, 30))],
        [[("SA8000", dt.date(2023, 6, 30))], [("BSCI", dt.date(2023, 6, 30))]],
        [{"Certifications (F)": dt.date(2027, 6, 30)}, {}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('BSCI (valid until 2023-06-30)'); a date"
        " in column F with no certification beside it is no certification; column F is kept as"
        " an attribute named 'Certifications (F)'",
    ),
]


@pytest.mark.parametrize(
    ("cells", "certifications", "attributes", "how"),
    [case[1:] for case in CERT_CELLS],
    ids=[case[0] for case in CERT_CELLS],
)
def test_expiries_beside_merged_certifications(
    tmp_path: Path,
    cells: list[tuple[Any, Any]],
    certifications: list[list[Any]],
    attributes: list[dict[str, Any]],
    how: str,
) -> None:
    """'06/2023' and 'June 2023' were read as certifications; the column's 2027-06-30 replaced
    the expired 30.06.2023 a cell gave itself."""
    rows: list[list[Any]] = [["Supplier ID", "Name", "Country", "Sector", "Certifications", None]]
    rows += [
        [f"S{n}", f"Mill {n}", "India", "yarn spinning", name, expiry]
        for n, (name, expiry) in enumerate(cells, 1)
    ]
    path = write_book(tmp_path / "cert.xlsx", {"Suppliers": rows}, merged=("E1:F1",))
    chain, problems = read_chain([path])
    assert [
        [(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers
    ] == certifications
    assert [s.attributes for s in chain.suppliers] == attributes
    assert [(p.type, p.message) for p in problems.items] == [
        (
            "merged-cells",
            "cells E1:F1 are merged: the header 'Certifications' is read for columns E–F; " + how,
        )
    ]
