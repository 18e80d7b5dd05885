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
) -> Path:
    """A workbook of these sheets, in order; `merged` ranges are merged in the first sheet;
    with `errors`, a cell whose text starts with '#' is stored as a spreadsheet error."""
    workbook = Workbook()
    for index, (title, rows) in enumerate(sheets.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
        if index == 0:
            for cells in merged:
                sheet.merge_cells(cells)
        for line in sheet.iter_rows() if errors else ():
            for cell in line:
                if isinstance(cell.value, str) and cell.value.startswith("#"):
                    cell.data_type = "e"
    workbook.save(path)
    return path
