"""Workbooks written for the reader's tests: sheets of rows, merged ranges, error cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook


def write_book(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    merged: tuple[str, ...] = (),
    errors: bool = False,
    hidden: frozenset[str] = frozenset(),
) -> Path:
    """A workbook of these sheets, in order; `merged` ranges are merged in the first sheet;
    with `errors`, a cell whose text starts with '#' is stored as a spreadsheet error; the
    `hidden` sheets are hidden (the first visible one is the active sheet)."""
    workbook = Workbook()
    for index, (title, rows) in enumerate(sheets.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
        if index == 0:
            for cells in merged:
                if _size(cells) <= MERGED_BY_OPENPYXL:
                    sheet.merge_cells(cells)
        for line in sheet.iter_rows() if errors else ():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("#"):
                    cell.data_type = "e"
        if title in hidden:
            sheet.sheet_state = "hidden"
    if hidden:
        workbook.active = next(i for i, title in enumerate(sheets) if title not in hidden)
    workbook.save(path)
    large = [cells for cells in merged if _size(cells) > MERGED_BY_OPENPYXL]
    if large:
        _merge_in_xml(path, large)
    return path


# openpyxl makes an object for every cell of a merged range (a column merged to the sheet's
# end took 50 s to merge and 30 s to save); larger ranges are written into the sheet's XML
MERGED_BY_OPENPYXL = 10_000


def _size(cells: str) -> int:
    from openpyxl.utils.cell import range_boundaries

    low_col, low_row, high_col, high_row = range_boundaries(cells)
    return (high_col - low_col + 1) * (high_row - low_row + 1)


def _merge_in_xml(path: Path, ranges: list[str]) -> None:
    """Merge these ranges of the first sheet by writing them into its XML, as a spreadsheet
    program saves them (the cells besides each range's first are empty already)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode()
    cells = "".join(f'<mergeCell ref="{r}"/>' for r in ranges)
    found = re.search(r'<mergeCells count="(\d+)">', xml)
    if found:  # (besides ranges openpyxl merged)
        count = int(found.group(1)) + len(ranges)
        xml = xml.replace(found.group(0), f'<mergeCells count="{count}">' + cells, 1)
    else:
        merged = f'<mergeCells count="{len(ranges)}">{cells}</mergeCells>'
        xml = xml.replace("</sheetData>", "</sheetData>" + merged, 1)
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for part, data in parts.items():
            book.writestr(part, data)
