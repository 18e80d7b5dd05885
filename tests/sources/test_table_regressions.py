"""Regressions of the table reader against 512ca51, found in review: bilingual headers, a first
supplier row read as a second header row, one-value fields and certifications under a header
merged over columns of their own, Company sheet values away from their label, the buyers
hint of a column naming the company, and camelCase headers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import header_key, hint_header, match_header, parse_column_map
from ddtool.sources.table_source import _company_from_sheet


def _problems(problems: ProblemList, *types: str) -> list[tuple[Any, ...]]:
    """Problems as (type, severity, sheet, row, column, message); of these types, if given."""
    return [
        (p.type, p.severity, p.location.sheet, p.location.row, p.location.column, p.message)
        for p in problems.items
        if not types or p.type in types
    ]


def _run(*args: str) -> tuple[int, Any]:
    """A `ddtool` command's exit code and its JSON output (stdout)."""
    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout) if result.stdout.strip() else None


# -- 2: headers written in two scripts ---------------------------------------------------------

# (a header, the field it is read as)
BILINGUAL: list[tuple[str, str | None]] = [
    ("Supplier ID / 供应商编号", "id"),
    ("Supplier name / 供应商名称", "name"),
    ("Country (国家)", "country"),
    ("Sector (行业)", "sector"),
    ("Buyer (买方)", "buyers"),
    ("Workers (人数)", "workers"),
    ("Name (Название)", "name"),
    ("Страна / Country", "country"),
    ("Supplier name供应商名称", None),  # (a part of both scripts: a qualifier or not, unknown)
    ("国家【Country】", "country"),
    ("Supplier ID / Vendor ID / 供应商编号", "id"),  # (two parts, one field)
    ("Country / Region (国家/地区)", None),  # (two parts, two fields: none)
    # in one script: by the whole header only
    ("供应商编号", None),
    ("供应商名称", None),
    ("Country / Region", None),
    ("Name (contact)", None),
]


@pytest.mark.parametrize(("header", "field"), BILINGUAL)
def test_a_header_in_two_scripts_matches_by_its_parts(header: str, field: str | None) -> None:
    """All were None: the key of "Country (国家)" was 'country国家'."""
    assert match_header(header, {}) == field


def test_headers_wholly_in_another_script_still_differ() -> None:
    assert header_key("供应商编号") != header_key("供应商名称")
    mapping = parse_column_map(["供应商编号=id"])
    assert (match_header("供应商编号", mapping), match_header("供应商名称", mapping)) == (
        "id",
        None,
    )


BILINGUAL_CSV = (
    "Supplier ID / 供应商编号,Supplier name / 供应商名称,Country (国家),Sector (行业),"
    "Buyer (买方),Workers (人数)\n"
    "S1,Golden Thread,China,garment manufacturing,,1200\n"
    "S2,Silk Road,China,fabric mill,S1,300\n"
)


def test_a_bilingual_header_row_is_read(tmp_path: Path) -> None:
    """'no header row found' (exit 2)."""
    path = tmp_path / "bilingual.csv"
    path.write_text(BILINGUAL_CSV, "utf-8")
    chain, problems = read_chain([path])
    assert [
        (s.id, s.name, s.country, s.sector, s.buyers, s.workers, s.attributes)
        for s in chain.suppliers
    ] == [
        ("S1", "Golden Thread", "CHN", "garment manufacturing", [], 1200, {}),
        ("S2", "Silk Road", "CHN", "fabric mill", ["S1"], 300, {}),
    ]
    assert problems.items == []
    code, found = _run("validate", "--format", "json", str(path))
    assert (code, found[0]["problems"]) == (0, [])


# (the CSV, the --map given, the suppliers as (id, name, workers, attributes), the problems)
BILINGUAL_MAPS: list[tuple[str, list[str], list[tuple[Any, ...]], list[tuple[Any, ...]]]] = [
    (  # a mapping of a wholly Chinese header beside bilingual ones
        "供应商编号,Supplier name / 供应商名称,Country (国家)\nS1,Alpha,China\n",
        ["供应商编号=id"],
        [("S1", "Alpha", None, {})],
        [],
    ),
    (  # a mapping of a header's Latin part: it names the column (no unused-map)
        "Supplier ID,Supplier name,Menge (数量)\nS1,Alpha,35\n",
        ["Menge=workers"],
        [("S1", "Alpha", 35, {})],
        [],
    ),
]


@pytest.mark.parametrize(("text", "maps", "suppliers", "found"), BILINGUAL_MAPS)
def test_bilingual_headers_with_mappings(
    tmp_path: Path,
    text: str,
    maps: list[str],
    suppliers: list[tuple[Any, ...]],
    found: list[tuple[Any, ...]],
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, "utf-8")
    chain, problems = read_chain([path], ReadOptions(column_map=parse_column_map(maps)))
    assert [(s.id, s.name, s.workers, s.attributes) for s in chain.suppliers] == suppliers
    assert [(p.type, p.severity) for p in problems.items] == found


def test_a_bare_name_in_two_scripts_is_a_contacts_name(tmp_path: Path) -> None:
    """Both name columns ranked alike: a duplicate-column error."""
    path = tmp_path / "names.csv"
    path.write_text("Supplier ID;Lieferant;Name (Название);Land\nS1;Alpha;J. Doe;Ghana\n", "utf-8")
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.attributes) for s in chain.suppliers] == [
        ("S1", "Alpha", {"Name (Название)": "J. Doe"})
    ]
    assert [(p.type, p.severity, p.location.column) for p in problems.items] == [
        ("duplicate-column", "warning", "Name (Название)")
    ]


# -- 3: a first supplier row is no second header row --------------------------------------------

ALL_MERGED = {
    "Suppliers": [
        ["Supplier ID", None, "Name", None, "Country", None, "Sector", None, "Buyer", None],
        ["S1", None, "Golden Thread Ltd", None, "China", None, "garment manufacturing"]
        + [None] * 3,
        ["S2", None, "Silk Road Co", None, "China", None, "fabric mill", None, "S1", None],
        ["S3", None, "Cotton Co", None, "India", None, "spinning mill", None, "S2", None],
    ]
}


def test_headers_all_merged_over_two_columns_head_their_first(tmp_path: Path) -> None:
    """Row 2 was read as the header ('S1' …): every supplier lost, a no-header error."""
    merged = ("A1:B1", "C1:D1", "E1:F1", "G1:H1", "I1:J1")
    path = write_book(tmp_path / "all_merged.xlsx", ALL_MERGED, merged=merged)
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.country, s.buyers) for s in chain.suppliers] == [
        ("S1", "Golden Thread Ltd", "CHN", []),
        ("S2", "Silk Road Co", "CHN", ["S1"]),
        ("S3", "Cotton Co", "IND", ["S2"]),
    ]
    assert problems.items == []
    code, found = _run("validate", "--format", "json", str(path))
    assert (code, found[0]["problems"]) == (0, [])


# (the rows, the ranges merged, the suppliers as (id, name, attributes), whether the header
# is read from two rows)
TWO_ROWS: list[tuple[str, list[list[Any]], tuple[str, ...], list[tuple[Any, ...]], bool]] = [
    (
        "names no alias, a supplier's row after them",
        [
            ["Supplier ID", "Supplier name", "Contact", None],
            [None, None, "Person", "Email"],
            ["S1", "Alpha", "J. Doe", "j@example.org"],
        ],
        ("C1:D1",),
        [("S1", "Alpha", {"Person": "J. Doe", "Email": "j@example.org"})],
        True,
    ),
    (  # (the row of names is the header row: it names more fields)
        "names of fields under every group",
        [
            ["Supplier", None, "Location", None],
            ["ID", "Name", "Country", "City"],
            ["S1", "Alpha", "Ghana", "Tema"],
            ["S2", "Beta", "Ghana", "Accra"],
        ],
        ("A1:B1", "C1:D1"),
        [("S1", "Alpha", {}), ("S2", "Beta", {})],
        False,
    ),
    (
        "texts under every column of every group, rows alike below",
        [
            ["Supplier ID", None, "Supplier name", None, "Country", None],
            ["S1", "OLD-1", "Golden Thread", "金线", "China", "CHN"],
            ["S2", "OLD-2", "Silk Road", "丝路", "China", "CHN"],
        ],
        ("A1:B1", "C1:D1", "E1:F1"),
        [
            (
                "S1",
                "Golden Thread",
                {"Supplier ID (B)": "OLD-1", "Supplier name (D)": "金线", "Country (F)": "CHN"},
            ),
            (
                "S2",
                "Silk Road",
                {"Supplier ID (B)": "OLD-2", "Supplier name (D)": "丝路", "Country (F)": "CHN"},
            ),
        ],
        False,
    ),
    (
        "one text under a group, one under another",
        [
            ["Supplier ID", "Supplier name", "Contact", None, "Notes", None],
            [None, None, "J. Doe", None, "audit due", None],
            ["S1", "Alpha", None, None, None, None],
        ],
        ("C1:D1", "E1:F1"),
        [("S1", "Alpha", {})],  # (and row 2 a supplier without an id)
        False,
    ),
]


@pytest.mark.parametrize(
    ("rows", "merged", "suppliers", "two_rows"),
    [case[1:] for case in TWO_ROWS],
    ids=[case[0] for case in TWO_ROWS],
)
def test_a_two_row_header_only_where_the_row_beneath_reads_as_names(
    tmp_path: Path,
    rows: list[list[Any]],
    merged: tuple[str, ...],
    suppliers: list[tuple[Any, ...]],
    two_rows: bool,
) -> None:
    path = write_book(tmp_path / "two.xlsx", {"Suppliers": rows}, merged=merged)
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.attributes) for s in chain.suppliers] == suppliers
    said = [p.message for p in problems.items if "heads the columns named beneath" in p.message]
    assert bool(said) == two_rows


# -- 4: a one-value field merged over columns of its own ---------------------------------------

# (the sheet, the merged range, the suppliers as (id, name, country, attributes), the warning)
ONE_VALUE: list[tuple[str, list[list[Any]], str, list[tuple[Any, ...]], tuple[str, str]]] = [
    (
        "an English and a Chinese name",
        [
            ["Supplier ID", "Supplier name", None, "Country", "Sector", "Buyer"],
            ["S1", "Golden Thread Ltd", "金线有限公司", "China", "garment manufacturing", None],
            ["S2", "Silk Road Co", "丝路公司", "China", "fabric mill", "S1"],
            ["S3", None, "棉花公司", "China", "spinning mill", "S2"],
        ],
        "B1:C1",
        [
            ("S1", "Golden Thread Ltd", "CHN", {"Supplier name (C)": "金线有限公司"}),
            ("S2", "Silk Road Co", "CHN", {"Supplier name (C)": "丝路公司"}),
            ("S3", "棉花公司", "CHN", {"Supplier name (C)": "棉花公司"}),
        ],
        (
            "Supplier name",
            "cells B1:C1 are merged: the header 'Supplier name' is read for columns B–C; a"
            " supplier has one name: it is read from column B (from the next filled one where"
            " it is blank); column C is kept as an attribute named 'Supplier name (C)'",
        ),
    ),
    (
        "a country and its code",
        [
            ["Supplier ID", "Name", "Country", None, "Sector", "Buyer"],
            ["S1", "Golden Thread Ltd", "China", "CHN", "garment manufacturing", None],
            ["S2", "Silk Road Co", "Bangladesh", "BGD", "fabric mill", "S1"],
        ],
        "C1:D1",
        [
            ("S1", "Golden Thread Ltd", "CHN", {"Country (D)": "CHN"}),
            ("S2", "Silk Road Co", "BGD", {"Country (D)": "BGD"}),
        ],
        (
            "Country",
            "cells C1:D1 are merged: the header 'Country' is read for columns C–D; a supplier"
            " has one country: it is read from column C (from the next filled one where it is"
            " blank); column D is kept as an attribute named 'Country (D)'",
        ),
    ),
]


@pytest.mark.parametrize(
    ("rows", "merged", "suppliers", "warning"),
    [case[1:] for case in ONE_VALUE],
    ids=[case[0] for case in ONE_VALUE],
)
def test_a_one_value_field_merged_over_columns_of_its_own_keeps_the_others(
    tmp_path: Path,
    rows: list[list[Any]],
    merged: str,
    suppliers: list[tuple[Any, ...]],
    warning: tuple[str, str],
) -> None:
    """A merged-header error on every row (exit 2)."""
    path = write_book(tmp_path / "one.xlsx", {"Suppliers": rows}, merged=(merged,))
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.country, s.attributes) for s in chain.suppliers] == suppliers
    assert _problems(problems) == [("merged-cells", "warning", "Suppliers", 1, *warning)]
    code, found = _run("validate", "--format", "json", str(path))
    assert (code, [p["type"] for p in found[0]["problems"]]) == (0, ["merged-cells"])


# -- 11: dates under a merged list header ------------------------------------------------------

CERTS_HEADER = ["Supplier ID", "Name", "Country", "Sector", "Certification", None, "Buyer"]


def _cert_rows(*cells: tuple[Any, Any]) -> list[list[Any]]:
    """A Suppliers sheet: one supplier for each pair of cells under "Certification"."""
    return [CERTS_HEADER] + [
        [f"S{n}", f"Farm {n}", "China", "garment manufacturing", name, expiry, None]
        for n, (name, expiry) in enumerate(cells, 1)
    ]


CERT_CELLS: list[tuple[str, list[tuple[Any, Any]], list[list[str]], list[dict[str, Any]], str]] = [
    (
        "expiry dates after certifications",
        [("SA8000", dt.datetime(2024, 6, 30)), ("BSCI", dt.datetime(2027, 6, 30))],
        [["SA8000 2024-06-30"], ["BSCI 2027-06-30"]],
        [{}, {}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('SA8000 (valid until 2024-06-30)')",
    ),
    (
        "a date written as text",
        [("SA8000", "30.06.2024"), ("BSCI", None)],
        [["SA8000 2024-06-30"], ["BSCI None"]],
        [{}, {}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('SA8000 (valid until 30.06.2024)')",
    ),
    (
        "a date with no certification beside it",
        [("SA8000", dt.datetime(2024, 6, 30)), (None, dt.datetime(2027, 6, 30))],
        [["SA8000 2024-06-30"], []],
        [{}, {"Certification (F)": dt.date(2027, 6, 30)}],
        "the values of a row are read together, as one list; the dates in column F are read as"
        " the expiry of the certification beside them ('SA8000 (valid until 2024-06-30)'); a"
        " date in column F with no certification beside it is no certification; column F is"
        " kept as an attribute named 'Certification (F)'",
    ),
    (
        "two certifications in a cell: whose date?",
        [("SA8000; BSCI", dt.datetime(2024, 6, 30))],
        [["SA8000 None", "BSCI None"]],
        [{"Certification (F)": dt.date(2024, 6, 30)}],
        "the values of a row are read together, as one list; a date in column F with no"
        " certification beside it is no certification; column F is kept as an attribute named"
        " 'Certification (F)'",
    ),
    (
        "certificate numbers",
        [("SA8000", 12345), ("BSCI", 67890)],
        [["SA8000 None"], ["BSCI None"]],
        [{"Certification (F)": 12345}, {"Certification (F)": 67890}],
        "the values of a row are read together, as one list; column F holds numbers, no"
        " certifications; column F is kept as an attribute named 'Certification (F)'",
    ),
    (
        "a second certification: joined",
        [("SA8000", "BSCI")],
        [["SA8000 None", "BSCI None"]],
        [{}],
        "the values of a row are read together, as one list",
    ),
]


@pytest.mark.parametrize(
    ("cells", "certifications", "attributes", "how"),
    [case[1:] for case in CERT_CELLS],
    ids=[case[0] for case in CERT_CELLS],
)
def test_dates_under_a_merged_certification_header_are_no_certifications(
    tmp_path: Path,
    cells: list[tuple[Any, Any]],
    certifications: list[list[str]],
    attributes: list[dict[str, Any]],
    how: str,
) -> None:
    """The date was read as a certification named '2024-06-30'."""
    path = write_book(tmp_path / "cert.xlsx", {"Suppliers": _cert_rows(*cells)}, merged=("E1:F1",))
    chain, problems = read_chain([path])
    assert [
        [f"{c.name} {c.valid_until}" for c in s.certifications] for s in chain.suppliers
    ] == certifications
    assert [s.attributes for s in chain.suppliers] == attributes
    assert _problems(problems, "merged-cells") == [
        (
            "merged-cells",
            "warning",
            "Suppliers",
            1,
            "Certification",
            f"cells E1:F1 are merged: the header 'Certification' is read for columns E–F; {how}",
        )
    ]


def test_dates_under_a_merged_buyers_header_are_kept(tmp_path: Path) -> None:
    rows = [
        ["Supplier ID", "Name", "Country", "Buyer IDs", None],
        ["S1", "Alpha", "China", None, None],
        ["S2", "Beta", "China", "S1", dt.datetime(2024, 6, 30)],
    ]
    path = write_book(tmp_path / "buyers.xlsx", {"Suppliers": rows}, merged=("D1:E1",))
    chain, problems = read_chain([path])
    assert [(s.buyers, s.attributes) for s in chain.suppliers] == [
        ([], {}),
        (["S1"], {"Buyer IDs (E)": dt.date(2024, 6, 30)}),
    ]
    assert [p.message for p in problems.items] == [
        "cells D1:E1 are merged: the header 'Buyer IDs' is read for columns D–E; the values of a"
        " row are read together, as one list; column E holds dates, no buyers; column E is kept"
        " as an attribute named 'Buyer IDs (E)'"
    ]


def test_a_merged_certification_expiry_is_assessed_as_expired(tmp_path: Path) -> None:
    """SA8000 was taken as current (no expiry), beside a certification '2024-06-30'."""
    cells = [("SA8000", dt.datetime(2024, 6, 30)), ("BSCI", dt.datetime(2027, 6, 30))]
    path = write_book(tmp_path / "cert.xlsx", {"Suppliers": _cert_rows(*cells)}, merged=("E1:F1",))
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app, ["assess", str(path), "--as-of", "2025-01-01", "-q", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text("utf-8"))
    assert [(s["id"], s["certifications"]) for s in document["suppliers"] if not s["inferred"]] == [
        ("S1", ["certification 'SA8000' expired 2024-06-30"]),
        ("S2", ["certification 'BSCI' valid until 2027-06-30"]),
    ]


# -- 5: Company sheet values away from their label ---------------------------------------------

# (the Company sheet's rows, the company read, each field's cell as (row, column from 1))
COMPANY: list[tuple[str, list[list[Any]], dict[str, Any], dict[str, tuple[int, int]]]] = [
    (
        "labels merged over A:B, values in C",
        [
            ["Company name", "", "Acme Apparel GmbH"],
            ["Country", "", "Germany"],
            ["Sector", "", "apparel retail"],
        ],
        {"name": "Acme Apparel GmbH", "country": "Germany", "sector": "apparel retail"},
        {"name": (1, 3), "country": (2, 3), "sector": (3, 3)},
    ),
    (
        "column B blank",
        [["Company name", None, "Acme Apparel GmbH"], ["Country", None, "Germany"]],
        {"name": "Acme Apparel GmbH", "country": "Germany"},
        {"name": (1, 3), "country": (2, 3)},
    ),
    (
        "most values in B: a blank value beside a comment is blank",
        [
            ["Company name", "Acme", "our group"],
            ["Sector", "apparel retail", None],
            ["Country", None, "tbc by legal"],
        ],
        {"name": "Acme", "sector": "apparel retail"},
        {"name": (1, 2), "sector": (2, 2), "country": (3, 1)},
    ),
    (
        "a tie: the leftmost column",
        [["Company name", "Acme", "our group"], ["Land", None, "Deutschland"]],
        {"name": "Acme"},
        {"name": (1, 2), "country": (2, 1)},
    ),
    (
        # (rule changed in review 2, and again in review 3: the column holding the most field
        # rows' values is the values'; a stray cell left of it is no value)
        "a value left of the others' column: the others are comments",
        [
            ["Company name", None, "Acme"],
            ["Country", "Germany", None],
            ["Sector", None, "apparel retail"],
        ],
        {"name": "Acme", "sector": "apparel retail"},
        {"name": (1, 3), "country": (2, 1), "sector": (3, 3)},
    ),
    (
        "a Value header fixes the column: a blank value is blank",
        [
            ["Field", None, "Value", "Comment"],
            ["Company name", None, "Acme", None],
            ["Country", None, None, "tbc by legal"],
        ],
        {"name": "Acme"},
        {"name": (2, 3), "country": (3, 1)},
    ),
    (
        "labels in two scripts",
        [["Company name (公司名称)", "Acme"], ["Country (国家)", "Germany"]],
        {"name": "Acme", "country": "Germany"},
        {"name": (1, 2), "country": (2, 2)},
    ),
]


@pytest.mark.parametrize(
    ("rows", "company", "cells"),
    [case[1:] for case in COMPANY],
    ids=[case[0] for case in COMPANY],
)
def test_a_company_value_is_the_first_filled_cell_in_the_values_column(
    rows: list[list[Any]], company: dict[str, Any], cells: dict[str, tuple[int, int]]
) -> None:
    """The first two were read as no company at all."""
    found: dict[str, tuple[int, int]] = {}
    assert _company_from_sheet(rows, found) == company
    assert found == cells


def test_a_company_sheet_with_merged_labels_is_read_end_to_end(tmp_path: Path) -> None:
    """The company was named after the file, with no country or sector."""
    sheets = {
        "Company": [
            ["Company name", None, "Acme Apparel GmbH"],
            ["Country", None, "Germny"],
            ["Sector", None, "apparel retail"],
        ],
        "Suppliers": [
            ["Supplier ID", "Name", "Country", "Sector"],
            ["S1", "Golden Thread Ltd", "China", "garment manufacturing"],
        ],
    }
    path = write_book(tmp_path / "company.xlsx", sheets, merged=("A1:B1", "A2:B2", "A3:B3"))
    chain, problems = read_chain([path])
    assert (chain.company.name, chain.company.sector) == ("Acme Apparel GmbH", "apparel retail")
    assert [
        (p.type, p.location.sheet, p.location.row, p.location.column) for p in problems.items
    ] == [("unknown-country", "Company", 2, "C")]


# -- 6: the buyers hint of a column naming the company -----------------------------------------

HINT_CSV = (
    "id,name,country,sector,{header}\n"
    "T1,Alpha,BGD,garment factory,{first}\n"
    "T2,Delta,BGD,garment factory,{first}\n"
    "T3,Eps,VNM,garment factory,{first}\n"
    "B1,Beta,IND,fabric mill,T1\n"
    "B2,Gamma,IND,spinning mill,B1\n"
)

# (the header, the tier-1 rows' buyer cell, the hint given)
COMPANY_HINTS: list[tuple[str, str, str | None]] = [
    ("Main customer", "company", "buyers"),
    ("Main customer", "", "buyers"),
    ("Main customer", "Walmart", None),  # (no id of the chain: the customers' names)
    ("Customer since", "2019", None),
    ("BuyerRef", "company", "buyers"),  # (camelCase)
]


@pytest.mark.parametrize(("header", "first", "hint"), COMPANY_HINTS)
def test_the_company_counts_as_a_known_buyer_for_the_hint(
    tmp_path: Path, header: str, first: str, hint: str | None
) -> None:
    """'Main customer' naming 'company' in three rows of five got no hint: the links lost."""
    path = tmp_path / "b4.csv"
    path.write_text(HINT_CSV.format(header=header, first=first), "utf-8")
    _chain, problems = read_chain([path])
    assert _problems(problems, "unmapped-column") == (
        []
        if hint is None
        else [
            (
                "unmapped-column",
                "warning",
                None,
                None,
                header,
                f"column '{header}' looks like the {hint} column but matches no known name; it is"
                " kept as one of the file's own columns",
            )
        ]
    )


@pytest.mark.parametrize(
    ("company", "named"),
    [
        ([["Id", "ACME"], ["Name", "Acme GmbH"]], "ACME"),
        ([["Id", "ACME"], ["Name", "Acme GmbH"]], "Acme GmbH"),
        ([["Name", "Acme GmbH"]], "company"),
    ],
)
def test_the_company_sheets_id_and_name_count_as_known_buyers(
    tmp_path: Path, company: list[list[Any]], named: str
) -> None:
    rows = [["Supplier ID", "Name", "Country", "Sector", "Main customer"]]
    rows += [[f"T{n}", f"Tier one {n}", "BGD", "garment factory", named] for n in (1, 2, 3)]
    rows += [["B1", "Beta", "IND", "fabric mill", "T1"]]
    path = write_book(tmp_path / "chain.xlsx", {"Suppliers": rows, "Company": company})
    _chain, problems = read_chain([path])
    assert [(p.type, p.location.column, p.suggestion) for p in problems.items] == [
        ("unmapped-column", "Main customer", "--map 'Main customer=buyers'")
    ]


def test_a_company_sheet_chosen_first_still_names_the_company(tmp_path: Path) -> None:
    """The Company sheet first is read as the company, and the sheet after it for the
    suppliers (without an other-sheet-read warning: a Company sheet holds no suppliers); its
    name names the company in a column."""
    rows = [["Supplier ID", "Name", "Country", "Main customer"]]
    rows += [["T1", "A", "Ghana", "Acme GmbH"], ["T2", "B", "Ghana", "Acme GmbH"]]
    rows += [["B1", "C", "Ghana", "T1"]]
    sheets = {"Company": [["Name", "Acme GmbH"], ["Country", "Germany"]], "Liste": rows}
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert (chain.company.name, chain.company.country) == ("Acme GmbH", "DEU")
    assert [(p.type, p.location.sheet, p.location.column) for p in problems.items] == [
        ("unmapped-column", "Liste", "Main customer"),
    ]


# -- minor: camelCase headers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        ("BuyerRef", "buyers"),
        ("ParentCode", "buyers"),
        ("CustomerID", "buyers"),
        ("NoOfWorkers", "workers"),
        ("countryCode2", "country"),
        ("KundenNr", None),  # (the supplier's account: no buyer)
        ("TransparentSourcing", None),
        ("PAYSLIPS", None),
    ],
)
def test_a_camel_case_header_is_read_as_its_words(header: str, hint: str | None) -> None:
    """None: a hint needs whole words, and 'buyerref' is one."""
    assert hint_header(header) == hint
