"""A supplier id merged down over two rows (one supplier written over two rows, a product
in each) is read in both, a duplicate id: the merged-cells warning of the id column says so
and how to write it, beside the duplicate-id error."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ddtool.sources.reading import read_chain


def test_a_merged_id_says_each_row_is_read_as_a_supplier(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "Suppliers"
    sheet.append(["Supplier ID", "Supplier name", "Country", "Products"])
    sheet.append(["A1", "Dhaka Knit", "Bangladesh", "t-shirts"])
    sheet.append(["A2", "Tirupur Spinning", "India", "cotton yarn"])
    sheet.append([None, None, "India", "sewing thread"])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:B4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    _, problems = read_chain([path])
    merged = {p.location.column: p.message for p in problems.items if p.type == "merged-cells"}
    assert merged["Supplier ID"].startswith("cells A3:A4 are merged: their value 'A2'")
    assert "each of those rows is read as a supplier of that id" in merged["Supplier ID"]
    assert "read as a supplier" not in merged["Supplier name"]
