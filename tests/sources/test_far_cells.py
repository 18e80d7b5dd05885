"""Workbooks the reader must refuse before it parses them: a cell far from the table (read
from A1 its sheet would be a rectangle of billions of cells) and a damaged compressed part."""

from __future__ import annotations

import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ddtool.sources import ReadOptions, read_chain, table_source
from ddtool.sources.table_source import _sheet_extent

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector"]
ROWS = [["S1", "Farm one", "Ghana", "cocoa farming"], ["S2", "Farm two", "Ghana", "cocoa farming"]]


def _book(path: Path, far: dict[str, dict[str, object]]) -> Path:
    """A workbook of a Suppliers and a Company sheet, with the cells `far` gives by sheet."""
    book = Workbook()
    suppliers = book.active
    assert suppliers is not None
    suppliers.title = "Suppliers"
    for row in [HEADER, *ROWS]:
        suppliers.append(row)
    company = book.create_sheet("Company")
    company.append(["Company name", "Acme Cocoa"])
    for name, cells in far.items():
        for cell, value in cells.items():
            book[name][cell] = value
    book.save(path)
    return path


def _sheet_xml(path: Path, rows: bytes) -> Path:
    """A workbook whose Suppliers sheet's rows are this XML (cells placed by position)."""
    _book(path, {})
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    head, _rows, tail = xml.partition(b"<sheetData>")[0], None, xml.partition(b"</sheetData>")[2]
    parts["xl/worksheets/sheet1.xml"] = head + b"<sheetData>" + rows + b"</sheetData>" + tail
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("sheet", "cells", "refused"),
    [
        ("Suppliers", {"XFD900000": 1}, "XFD900000"),
        ("Suppliers", {"XFD5000": "x"}, "XFD5000"),
        ("Company", {"XFD900000": 1}, "XFD900000"),  # a sheet other than the one read
        ("Suppliers", {"A1048000": "x", "AH2": "y"}, "A1048000 and AH2"),  # row and column
        ("Suppliers", {"Z1048000": " "}, None),  # 26 columns by 1,048,000: within the limit
        ("Suppliers", {"AF1000": "x"}, None),
    ],
)
def test_a_cell_far_from_the_table_is_refused_before_the_sheet_is_read(
    tmp_path: Path, sheet: str, cells: dict[str, object], refused: str | None
) -> None:
    path = _book(tmp_path / "far.xlsx", {sheet: cells})
    _chain, problems = read_chain([path], ReadOptions(sheet="Suppliers"))
    far = [p for p in problems.errors if p.type == "too-many-cells"]
    if refused is None:
        assert far == []
        return
    [error] = far
    assert (error.location.file, error.location.sheet) == (str(path), sheet)
    assert error.message.startswith(f"a cell at {refused}, far from the table")
    assert "--max-rows" in error.message and "delete that cell" in error.message


@pytest.mark.parametrize(
    ("rows", "extent"),
    [
        # cells without a reference are placed after the cell before them, in the row after
        # the row before: the reader puts them there
        (b"<row r='900000'>" + b"<c/>" * 16383 + b"<c><v>1</v></c></row>", (900_000, 16_384)),
        (b"<row><c r='XFD3'><v>1</v></c><c><v>2</v></c></row>", (3, 16_385)),
        (
            b"<row r='2'><c r='A2'><v>1</v></c></row>"
            + b"<row/>" * 50
            + b"<row><c><v>1</v></c></row>",
            (53, 1),
        ),
        # a cell tag with a prefix of its own is a cell to the reader
        (
            b"<row r='2'><c r='A2'><v>1</v></c>"
            b"<x:c xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'"
            b" r='XFD900000'><x:v>1</x:v></x:c></row>",
            (900_000, 16_384),
        ),
        # a cell with no content is left out by the reader: it spans nothing
        (
            b"<row r='900000'><c r='XFD900000' s='1'/></row>"
            b"<row r='2'><c r='B2'><v>1</v></c></row>",
            (2, 2),
        ),
    ],
)
def test_the_extent_follows_the_cells_as_the_reader_places_them(
    tmp_path: Path, rows: bytes, extent: tuple[int, int]
) -> None:
    path = _sheet_xml(tmp_path / "placed.xlsx", rows)
    with zipfile.ZipFile(path) as package:
        found = _sheet_extent(package, package.getinfo("xl/worksheets/sheet1.xml"))
    assert found is not None and found.last == extent


def test_an_ordinary_sheet_needs_no_closer_look(tmp_path: Path) -> None:
    path = _book(tmp_path / "plain.xlsx", {})
    with zipfile.ZipFile(path) as package:
        assert _sheet_extent(package, package.getinfo("xl/worksheets/sheet1.xml")) is None


def _wide_book(path: Path, columns: int, far: dict[str, object]) -> Path:
    """A workbook whose Suppliers sheet has this many columns (and the cells `far` gives)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Suppliers")
    extra = [f"Note {n}" for n in range(columns - len(HEADER))]
    sheet.append([*HEADER, *extra])
    for row in ROWS:
        sheet.append([*row, *[f"{row[0]} note {n}" for n in range(len(extra))]])
    book.save(path)
    return _book_cells(path, far)


def _book_cells(path: Path, far: dict[str, object]) -> Path:
    """The workbook with these cells added to its first sheet's XML (as their own rows)."""
    rows = b"".join(
        b'<row r="%s"><c r="%s" t="inlineStr"><is><t>%s</t></is></c></row>'
        % (cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode(), cell.encode(), str(value).encode())
        for cell, value in far.items()
    )
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = xml.replace(b"</sheetData>", rows + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("columns", "far", "looked_closer"),
    [
        (30, {}, False),
        (33, {}, False),  # to AG: 33 columns by 999,999 rows are within the limit
        (33, {"A999999": "x"}, False),
        (8, {"AG999999": "x"}, False),
        (34, {}, True),  # AH: the cells are placed one by one
        (8, {"A1000000": "x"}, True),
        (8, {"BA2": "x"}, True),
    ],
)
def test_a_wide_sheet_is_told_within_the_limit_without_placing_each_cell(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: int,
    far: dict[str, object],
    looked_closer: bool,
) -> None:
    path = _wide_book(tmp_path / "wide.xlsx", columns, far)

    def placed(*_args: object) -> None:
        raise AssertionError("placed cell by cell")

    monkeypatch.setattr(table_source, "_exact_extent", placed)
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
        if looked_closer:
            with pytest.raises(AssertionError, match="placed cell by cell"):
                _sheet_extent(package, info)
        else:
            assert _sheet_extent(package, info) is None


@pytest.mark.parametrize(
    ("rows", "first", "last"),
    [
        # the reader's rectangle begins at the first cell, not at A1: a small table far down
        # and to the right is small
        (
            b"<row r='1048570'><c r='XFA1048570'><v>1</v></c></row>"
            b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
            (1_048_570, 16_381),
            (1_048_576, 16_384),
        ),
        (
            b"<row r='5'><c r='C5'><v>1</v></c></row><row r='3'><c r='E3'><v>1</v></c></row>",
            (3, 3),
            (5, 5),
        ),
    ],
)
def test_the_span_begins_at_the_first_cell(
    tmp_path: Path, rows: bytes, first: tuple[int, int], last: tuple[int, int]
) -> None:
    path = _sheet_xml(tmp_path / "corner.xlsx", rows)
    with zipfile.ZipFile(path) as package:
        found = _sheet_extent(package, package.getinfo("xl/worksheets/sheet1.xml"))
    assert found is not None and (found.first, found.last) == (first, last)
    _chain, problems = read_chain([path], ReadOptions(sheet="Suppliers"))
    assert [p for p in problems.errors if p.type == "too-many-cells"] == []


def _limit_memory() -> None:  # (run in the child: the reader must not allocate gigabytes)
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_the_command_refuses_a_far_cell_without_taking_the_memory(tmp_path: Path) -> None:
    path = _book(tmp_path / "far.xlsx", {"Suppliers": {"XFD900000": 1}})
    good = tmp_path / "good.csv"
    good.write_text("Supplier ID,Supplier name,Country,Sector\nS1,Farm,Ghana,cocoa farming\n")
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", "validate", str(good), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "too-many-cells" in done.stderr and str(path) in done.stderr
    assert str(good) in done.stdout + done.stderr  # every file is reported


def _flipped(path: Path, offset: int) -> Path:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    out = path.with_name(f"flip{offset}.xlsx")
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("where", [0.1, 0.25, 0.5, 0.75, 0.9])
@pytest.mark.parametrize("method", [zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA, zipfile.ZIP_BZIP2])
def test_a_damaged_compressed_part_is_a_located_broken_workbook(
    tmp_path: Path, where: float, method: int
) -> None:
    plain = _book(tmp_path / "plain.xlsx", {"Suppliers": {"A40": "x" * 3000}})
    with zipfile.ZipFile(plain) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    book = tmp_path / "book.xlsx"
    with zipfile.ZipFile(book, "w", method) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with zipfile.ZipFile(book) as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    flipped = _flipped(book, start + int(info.compress_size * where))
    _chain, problems = read_chain([flipped], ReadOptions())
    [error] = problems.errors
    assert error.type == "not-a-workbook" and error.location.file == str(flipped)
    assert "cut short or damaged" in error.message
