"""Neutralise spreadsheet formula injection in any cell text we export (xlsx and CSV)."""

from __future__ import annotations

from typing import Any

# a cell starting with one of these can be run as a formula by spreadsheet programs
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def is_risky(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def csv_cell(value: Any) -> Any:
    """CSV: prefix risky text with an apostrophe, the OWASP-recommended neutraliser."""
    if isinstance(value, str) and is_risky(value):
        return "'" + value
    return value
