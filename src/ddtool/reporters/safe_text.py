"""Neutralise spreadsheet formula injection in the CSV cells we export (the xlsx writer,
ddtool.reporters.xlsx, stores every text as a string: no cell of it can be a formula)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# a cell starting with one of these can be run as a formula by spreadsheet programs
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cells(values: Iterable[Any]) -> list[Any]:
    """CSV cells: risky text prefixed with an apostrophe (the OWASP-recommended neutraliser),
    other values as they are. One comprehension: a register writes millions of cells."""
    return ["'" + v if type(v) is str and v.startswith(FORMULA_PREFIXES) else v for v in values]
