"""Rows a spreadsheet program does not show (hidden, or filtered out of view) are read like
the others, and one warning says which."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from ddtool.sources import read_chain
from ddtool.sources.table_source import _scan_sheets

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]


def _book(path: Path, count: int, hidden: list[int], blank_after: int = 0) -> Path:
    """A supplier sheet of `count` rows under its header, with these sheet rows hidden."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suppliers"
    sheet.append(HEADER)
    for i in range(1, count + 1):
        sheet.append([f"S{i}", f"Farm {i}", "Ghana", "cocoa farming", None])
    for row in hidden:
        sheet.row_dimensions[row].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("count", "hidden", "expected"),
    [
        (10, [4], ("1 row of the table is hidden", "row 4.", "It is read", 4)),
        (10, [3, 4, 5, 9], ("4 rows of the table are hidden", "rows 3–5, 9.", "They are", 3)),
        # a hidden header row, and a hidden blank row under the table: no rows of the table
        (10, [1, 30], None),
        (10, [], None),
        # many runs: the first ten are listed, the rows of the rest counted
        (
            40,
            list(range(2, 42, 2)),
            ("20 rows of the table", "2, 4, 6, 8, 10, 12, 14, 16, 18, 20 and 10 more.", "", 2),
        ),
    ],
)
def test_hidden_rows_are_read_and_said_to_be(
    tmp_path: Path, count: int, hidden: list[int], expected: tuple[str, str, str, int] | None
) -> None:
    path = _book(tmp_path / "book.xlsx", count, hidden)
    chain, problems = read_chain([path])
    assert len(chain.suppliers) == count  # read like the others
    found = [p for p in problems.items if p.type == "hidden-rows"]
    if expected is None:
        assert found == []
        return
    [warning] = found
    head, rows, verb, first = expected
    assert warning.severity == "warning"
    assert head in warning.message and rows in warning.message and verb in warning.message
    assert "filtered out of view" in warning.message
    assert (warning.location.sheet, warning.location.row) == ("Suppliers", first)


def _package(xml: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", xml)
    package = zipfile.ZipFile(data)
    return package, package.infolist()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (b'<row r="3" hidden="1"><c r="A3"/></row>', [3]),
        (b"<row hidden='true' r='7' spans='1:5'/>", [7]),
        (b'<x:row r="9" hidden="1"/>', [9]),
        (b'<row r="4" hidden="0"/><row r="5" customHeight="1"/>', []),
        # a hidden column is no hidden row
        (b'<cols><col min="2" max="2" hidden="1"/></cols><row r="2"/>', []),
    ],
)
def test_the_scan_finds_hidden_row_tags(rows: bytes, expected: list[int]) -> None:
    package, parts = _package(b"<worksheet><sheetData>" + rows + b"</sheetData></worksheet>")
    found = _scan_sheets(package, parts).hidden_rows or {}
    assert found.get("xl/worksheets/sheet1.xml", []) == expected


@pytest.mark.parametrize("cut", range(-12, 12, 3))
def test_a_row_tag_cut_by_the_end_of_a_chunk_is_found(cut: int) -> None:
    tag = b'<row r="77" hidden="1">'
    # the tag placed so that the 1 MiB chunk boundary falls at `cut` bytes into it (or before)
    before = (1 << 20) - 10 - cut
    xml = b"<sheetData>" + b" " * (before - 11) + tag + b"</row></sheetData>"
    package, parts = _package(xml)
    assert (_scan_sheets(package, parts).hidden_rows or {}) == {"xl/worksheets/sheet1.xml": [77]}
