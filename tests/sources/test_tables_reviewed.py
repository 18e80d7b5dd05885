"""Reviewed defects of the table readers: a hidden sheet, a stray byte, a syntax error, a
repeated header, a stray cell far down, fractions among whole percentages, a bad --map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import parse_column_map

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]


def _where(problems: Any, *types: str) -> list[tuple[Any, ...]]:
    """Problems as (type, severity, sheet, row, column), of these types."""
    return [
        (p.type, p.severity, p.location.sheet, p.location.row, p.location.column)
        for p in problems.items
        if p.type in types
    ]


# -- 1: a hidden sheet -------------------------------------------------------------------------


def _hidden_book(path: Path, sheets: dict[str, list[list[Any]]], hidden: set[str]) -> Path:
    return write_book(path, sheets, hidden=frozenset(hidden))


OLD_AND_NEW = {
    "Suppliers": [HEADER, ["OLD-1", "Old farm", "Ghana", "cocoa farming", None]],
    "Suppliers 2025": [HEADER, ["NEW-1", "New farm", "Côte d'Ivoire", "cocoa farming", None]],
}


def test_a_visible_sheet_is_read_before_a_hidden_one_named_alike(tmp_path: Path) -> None:
    path = _hidden_book(tmp_path / "book.xlsx", OLD_AND_NEW, {"Suppliers"})
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["NEW-1"]
    [warning] = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert "only sheet 'Suppliers 2025' is read; 'Suppliers' (hidden) also" in warning.message
    assert _where(problems, "hidden-sheet") == []


def test_a_hidden_sheet_chosen_by_sheet_is_read_and_said_to_be_hidden(tmp_path: Path) -> None:
    path = _hidden_book(tmp_path / "book.xlsx", OLD_AND_NEW, {"Suppliers"})
    chain, problems = read_chain([path], ReadOptions(sheet="Suppliers"))
    assert [s.id for s in chain.suppliers] == ["OLD-1"]
    assert _where(problems, "hidden-sheet") == [
        ("hidden-sheet", "warning", "Suppliers", None, None)
    ]


def test_the_only_sheet_with_a_header_read_though_hidden_is_said_to_be(tmp_path: Path) -> None:
    sheets = {"Notes": [["Please keep one row per supplier"]], "Data": OLD_AND_NEW["Suppliers"]}
    path = _hidden_book(tmp_path / "book.xlsx", sheets, {"Data"})
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["OLD-1"]
    assert [p.type for p in problems.warnings] == ["other-sheet-read", "hidden-sheet"]
    assert "no visible sheet has a supplier header" in problems.warnings[1].message


# -- 2: one byte that is not UTF-8 -----------------------------------------------------------

UTF8_BUT_ONE = (
    b"Supplier ID,Supplier name,Country,Sector\n"
    + "S1,Farm one,Côte d'Ivoire,cocoa farming\n".encode()
    + b"S2,Caf\xe9 farm,Ghana,cocoa farming\n"
    + "S3,Farm three,Côte d'Ivoire,cocoa farming\n".encode()
)


def test_a_utf8_file_with_one_bad_byte_is_an_error_at_its_cell(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(UTF8_BUT_ONE)
    chain, problems = read_chain([path])
    assert _where(problems, "bad-encoding", "encoding-fallback", "unknown-country") == [
        ("bad-encoding", "error", None, 3, "Supplier name")
    ]
    assert "0xE9" in problems.errors[0].message and "'Café farm'" in problems.errors[0].message
    assert [(s.name, s.country) for s in chain.suppliers] == [
        ("Farm one", "CIV"),
        ("Café farm", "GHA"),
        ("Farm three", "CIV"),
    ]


def test_a_cp1252_file_is_read_as_such_and_the_warning_names_the_first_accent(
    tmp_path: Path,
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(
        b"Supplier ID,Supplier name,Country\nS1,Farm one,Ghana\nS2,Soubr\xe9 Planteurs,CIV\n"
    )
    chain, problems = read_chain([path])
    assert _where(problems, "bad-encoding", "encoding-fallback") == [
        ("encoding-fallback", "warning", None, 3, "Supplier name")
    ]
    assert "row 3 ('Soubré Planteurs')" in problems.items[0].message
    assert chain.suppliers[1].name == "Soubré Planteurs"


# cp1252 files with a byte pair that is valid UTF-8 by chance (an accented capital and a
# symbol): read as cp1252 throughout, not as UTF-8 with bad bytes at their other accents
CP1252_LOOKING_UTF8 = {
    # 'É®' is the UTF-8 pair for 'ɮ'
    "registered-mark": (
        "Supplier ID,Supplier name,Country,Sector\r\n"
        "S1,Société Ivoirienne de Cacao,Côte d'Ivoire,cocoa farming\r\n"
        "S2,NESTLÉ® Professional,Switzerland,food manufacturing\r\n"
        "S3,Peña Hermanos,Perú,coffee farming\r\n",
        [
            ("Société Ivoirienne de Cacao", "CIV"),
            ("NESTLÉ® Professional", "CHE"),
            ("Peña Hermanos", "PER"),
        ],
    ),
    # 'É' and a no-break space are the UTF-8 pair for 'ɠ'
    "no-break-space": (
        "Supplier ID,Supplier name,Country,Sector\r\n"
        "S1,Société Ivoirienne de Cacao,Côte d'Ivoire,cocoa farming\r\n"
        "S2,CAFÉ\xa0DU MONDE SARL,France,coffee roasting\r\n"
        "S3,Müller Straße GmbH,Germany,chocolate manufacturing\r\n"
        "S4,Weiß & Söhne,Germany,chocolate manufacturing\r\n",
        [
            ("Société Ivoirienne de Cacao", "CIV"),
            ("CAFÉ\xa0DU MONDE SARL", "FRA"),
            ("Müller Straße GmbH", "DEU"),
            ("Weiß & Söhne", "DEU"),
        ],
    ),
    # one pair by chance ('É…', 'Ʌ') and one accent: no more UTF-8 than not
    "one-each": (
        "Supplier ID,Supplier name,Country\r\nS1,CAFÉ…,France\r\nS2,Soubré Farm,CIV\r\n",
        [("CAFÉ…", "FRA"), ("Soubré Farm", "CIV")],
    ),
}


@pytest.mark.parametrize("case", CP1252_LOOKING_UTF8)
def test_a_cp1252_file_with_a_pair_valid_as_utf8_is_read_as_cp1252(
    tmp_path: Path, case: str
) -> None:
    text, read = CP1252_LOOKING_UTF8[case]
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode("cp1252"))
    chain, problems = read_chain([path])
    assert _where(problems, "bad-encoding", "encoding-fallback") == [
        ("encoding-fallback", "warning", None, 2, "Supplier name")
    ]
    assert problems.errors == []
    assert [(s.name, s.country) for s in chain.suppliers] == read


# -- 3: the rows above a syntax error are checked --------------------------------------------

CSV_HEADER = "Supplier ID,Supplier name,Country,Sector,Buyer ID\n"


@pytest.mark.parametrize(
    ("body", "syntax_row"),
    [
        # a quote never closed, in row 4
        ('S1,Farm,Ivry Coast,,\nS2,Farm,Ghana,,\nS3,"Farm three,Ghana,,\nS4,F,GH,,\n', 4),
        # the same, after a quote that is read leniently ("Farm "two): it hid the one above
        ('S1,Farm,Ivry Coast,,\nS2,"Farm "two,Ghana,,\nS3,"Farm three,Ghana,,\nS4,F,GH,,\n', 4),
        # a cell larger than the CSV module takes
        ("S1,Farm,Ivry Coast,,\nS2,Farm,Ghana,,\nS3," + "x" * 140_000 + ",GH,,\n", 4),
    ],
)
def test_the_rows_above_a_csv_syntax_error_are_checked_too(
    tmp_path: Path, body: str, syntax_row: int
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV_HEADER + body, encoding="utf-8")
    chain, problems = read_chain([path])
    assert [(p.type, p.location.row) for p in problems.errors] == [
        ("csv-syntax", syntax_row),
        ("unknown-country", 2),
    ]
    assert "the rows below it are not read" in problems.errors[0].message
    assert [s.id for s in chain.suppliers] == ["S1", "S2"]


def test_a_syntax_error_in_the_first_row_says_nothing_is_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text('"Supplier ID,Supplier name\nS1,Farm\n', encoding="utf-8")
    _chain, problems = read_chain([path])
    assert [(p.type, p.location.row) for p in problems.items] == [("csv-syntax", 1)]
    assert "nothing is read" in problems.errors[0].message


# -- 4: the header row repeated below --------------------------------------------------------


@pytest.mark.parametrize(
    "repeat",
    [
        "Supplier ID,Supplier name,Country,Sector,Buyer ID",
        " supplier id , SUPPLIER  NAME,country,Sector,BuyerID",
    ],
)
def test_a_repeated_header_row_is_skipped_with_a_warning(tmp_path: Path, repeat: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        CSV_HEADER + f"S1,Farm one,Ghana,cocoa farming,\n{repeat}\nS2,Farm two,Ghana,,S1\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert _where(problems, *{p.type for p in problems.items}) == [
        ("repeated-header", "warning", None, 3, None)
    ]
    assert [s.id for s in chain.suppliers] == ["S1", "S2"]


def test_a_row_like_the_header_but_in_one_cell_is_still_a_supplier(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(CSV_HEADER + "Supplier ID,Supplier name,Ghana,,\n", encoding="utf-8")
    chain, problems = read_chain([path])
    assert "repeated-header" not in {p.type for p in problems.items}
    assert [s.id for s in chain.suppliers] == ["Supplier ID"]


def test_a_repeated_header_in_a_workbook_is_skipped(tmp_path: Path) -> None:
    rows = [HEADER, ["S1", "Farm", "Ghana", None, None], HEADER, ["S2", "Farm", "GH", None, "S1"]]
    chain, problems = read_chain([write_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    assert _where(problems, "repeated-header") == [
        ("repeated-header", "warning", "Suppliers", 3, None)
    ]
    assert [s.id for s in chain.suppliers] == ["S1", "S2"]


# -- 5: a stray cell far below the table -----------------------------------------------------


def _stray_book(
    path: Path, cell: str | None, value: str = "", suppliers: int = 3, spaced: bool = False
) -> Path:
    """A sheet of cocoa farms (a blank row before each, where `spaced`), and `value` in
    `cell` (none without a cell)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suppliers"
    sheet.append(HEADER)
    for index in range(suppliers):
        if spaced:
            sheet.append([])
        sheet.append([f"S{index}", f"Farm {index}", "Ghana", "cocoa farming", None])
    if cell is not None:
        sheet[cell] = value
    book.save(path)
    return path


@pytest.mark.parametrize("cell", ["Z50", "E9"])  # beyond the limit, and within it
def test_blank_rows_at_a_sheets_end_do_not_count_against_the_row_limit(
    tmp_path: Path, cell: str
) -> None:
    path = _stray_book(tmp_path / "book.xlsx", cell, " ")
    chain, problems = read_chain([path], ReadOptions(max_rows=10))
    assert problems.errors == []
    assert [s.id for s in chain.suppliers] == ["S0", "S1", "S2"]


@pytest.mark.parametrize(
    ("max_rows", "says"),
    [
        # the table's 4 rows are within the limit: the stray value is named, to be deleted
        (
            10,
            "50 rows, more than the limit of 10, though only 5 of them hold anything: the"
            " last, row 50, has a value in Z50, far below the table (a stray value?); delete"
            " it, or clear the rows below the table, and save the workbook again",
        ),
        # more rows are filled than the limit: the limit is what there is to raise
        (3, "50 rows, more than the limit of 3 (raise it with --max-rows)"),
    ],
)
def test_a_filled_cell_beyond_the_row_limit_is_still_too_many_rows(
    tmp_path: Path, max_rows: int, says: str
) -> None:
    path = _stray_book(tmp_path / "book.xlsx", "Z50", "x")
    _chain, problems = read_chain([path], ReadOptions(max_rows=max_rows))
    [error] = problems.errors
    assert (error.type, error.location.sheet, error.message) == ("too-many-rows", "Suppliers", says)


def test_a_table_with_blank_rows_between_its_rows_is_not_told_of_a_stray_value(
    tmp_path: Path,
) -> None:
    # (its last row is a supplier: deleting it would only move the error up two rows)
    path = _stray_book(tmp_path / "book.xlsx", None, suppliers=8, spaced=True)
    _chain, problems = read_chain([path], ReadOptions(max_rows=12))
    assert [error.message for error in problems.errors] == [
        "17 rows, more than the limit of 12 (raise it with --max-rows)"
    ]


# -- 6: fractions among whole percentages ----------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "read", "warned"),
    [
        ([40, 0.5, 12], [40.0, 50.0, 12.0], [3]),  # mostly whole: 0.5 may mean 0.5 %
        ([40, 0.5, 0.25, 12, 0], [40.0, 50.0, 25.0, 12.0, 0.0], [3, 4]),
        ([0.4, 0.5, 0.12], [40.0, 50.0, 12.0], []),  # fractions only: formatted as %
        ([0.4, 0.5, 12], [40.0, 50.0, 12.0], []),  # mostly fractions
    ],
)
def test_a_fraction_among_whole_percentages_is_ambiguous(
    tmp_path: Path, cells: list[float], read: list[float], warned: list[int]
) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "% Migrant"]]
    rows += [[f"S{i}", f"Farm {i}", value] for i, value in enumerate(cells)]
    chain, problems = read_chain([write_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    assert [s.migrant_pct for s in chain.suppliers] == read
    found = [p for p in problems.items if p.type == "ambiguous-percent"]
    assert [(p.location.row, p.location.column) for p in found] == [
        (row, "% Migrant") for row in warned
    ]
    if warned:
        assert "migrant_pct 0.5 is read as 50 %" in found[0].message
        assert "(40 in row 2)" in found[0].message


def test_a_csv_text_below_1_among_percentages_is_read_as_typed(tmp_path: Path) -> None:
    """A CSV's 0.5 among whole percentages is a percentage, 0.5 %: its column holds numbers
    above 1, so the text is read as typed (a workbook's number cell 0.5 is a spreadsheet
    fraction, with a warning)."""
    path = tmp_path / "list.csv"
    path.write_text("Supplier ID,% Migrant\nS1,40\nS2,0.5\nS3,12\n", encoding="utf-8")
    chain, problems = read_chain([path])
    assert [s.migrant_pct for s in chain.suppliers] == [40.0, 0.5, 12.0]
    assert [p for p in problems.items if p.type == "ambiguous-percent"] == []


# -- 7: a --map without a header, or a header mapped twice ------------------------------------


@pytest.mark.parametrize(
    ("specs", "says"),
    [
        (["=country"], "no header before '='"),
        ([" =country"], "no header before '='"),
        (["Land=countyr"], "(did you mean 'country'?)"),
        (["Land=country", "LAND=name"], "mapped twice, also to 'country'"),
    ],
)
def test_a_map_naming_no_header_or_one_twice_is_a_usage_error(specs: list[str], says: str) -> None:
    with pytest.raises(ValueError, match=r".") as raised:
        parse_column_map(specs)
    assert says in str(raised.value)


def test_the_same_map_given_twice_is_no_error() -> None:
    assert parse_column_map(["Land=country", "Land=country"]) == {"Land": "country"}


def test_validate_with_a_map_without_a_header_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Supplier ID,Supplier name,Land\nS1,Farm,Ghana\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(path), "--map", "=country"])
    assert result.exit_code == 2
    assert "no header before '='" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_pasted_cell_with_many_accents_is_still_the_bad_line(tmp_path: Path) -> None:
    """One cp1252 cell with more accents than the rest of the UTF-8 file held ('Société
    Générale Café' against one 'ô'): counted by bytes, it made the file cp1252 and garbled the
    correct cells ("CÃ´te d'Ivoire"). Lines vote: one valid line with an accented letter
    against one bad line is UTF-8."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"Supplier ID,Supplier name,Country,Sector\n"
        + "S1,Farm one,Côte d'Ivoire,cocoa farming\n".encode()
        + "S2,Société Générale Café,Ghana,cocoa farming\n".encode("cp1252")
    )
    chain, problems = read_chain([path])
    assert [p.type for p in problems.items] == ["bad-encoding"]
    assert [(s.name, s.country) for s in chain.suppliers] == [
        ("Farm one", "CIV"),
        ("Société Générale Café", "GHA"),
    ]
