"""A whole number in a column of the certificates' expiry dates ("Valid until" 20231231,
a workbook's number cell or a CSV's text) is the date it spells, as an audit date typed so
is read; any other number is refused, said at the column with its row and why."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain
from tests.workbook_support import write_book

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Certifications", "Valid until"]
HEADER += ["Audit standard", "Audit date", "Audit result"]
AUDIT = ["SMETA", 20231231, "pass"]  # (its date typed as a number too: read)

# (the expiry cell, the expiry read, the warning's words: None for none)
CELLS: list[tuple[Any, dt.date | None, str | None]] = [
    (20231231, dt.date(2023, 12, 31), None),  # (was no date: taken as current)
    (20231231.0, dt.date(2023, 12, 31), None),
    ("20231231", dt.date(2023, 12, 31), None),  # (a cell formatted as text)
    (20260630, dt.date(2026, 6, 30), None),
    (
        45291,
        None,
        "the value of row 2 is no date (row 2: expected a date such as 2025-03-14, got"
        " '45291', a number: as a spreadsheet counts days it is 2023-12-31",
    ),
    (20231331, None, "the value of row 2 is no date (row 2: expected a date such as"),
    (2026, None, "(row 2: a year alone is no expiry date: write the day it ends ('2026-12-31')"),
    (20231231.5, None, "the value of row 2 is no date (row 2: expected a date such as"),
    (202312, None, "the value of row 2 is no date"),  # (six digits spell no YYYYMMDD)
]


@pytest.mark.parametrize(("cell", "expiry", "warns"), CELLS)
def test_a_whole_number_in_the_expiry_column_is_the_date_it_spells(
    tmp_path: Path, cell: Any, expiry: dt.date | None, warns: str | None
) -> None:
    book = write_book(
        tmp_path / "w.xlsx",
        {
            "Suppliers": [
                HEADER,
                ["S1", "Farm A", "GHA", "cocoa farming", "Fairtrade", cell, *AUDIT],
            ]
        },
    )
    chain, problems = read_chain([book])
    assert problems.errors == []
    [supplier] = chain.suppliers
    assert [(c.name, c.valid_until) for c in supplier.certifications] == [("Fairtrade", expiry)]
    assert [a.date for a in supplier.audits] == [dt.date(2023, 12, 31)]  # (read as it was)
    if warns is None:
        assert problems.warnings == []
        assert "Valid until" not in supplier.attributes
    else:
        [warning] = problems.warnings
        assert (warning.type, warning.location.column) == ("unmapped-column", "Valid until")
        assert warns in warning.message
        assert ".0'" not in warning.message


def test_a_spelt_date_not_given_is_kept_as_typed(tmp_path: Path) -> None:
    """A number date beside several certifications is kept as the cell holds it."""
    book = write_book(
        tmp_path / "w.xlsx",
        {
            "Suppliers": [
                HEADER,
                ["S1", "Farm A", "GHA", "cocoa farming", "Fairtrade", 20231231],
                ["S2", "Farm B", "GHA", "cocoa farming", "Fairtrade; RA", 20231231],
            ]
        },
    )
    chain, problems = read_chain([book])
    read = {s.id: [(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers}
    assert read == {
        "S1": [("Fairtrade", dt.date(2023, 12, 31))],
        "S2": [("Fairtrade", None), ("RA", None)],
    }
    [warning] = problems.warnings
    assert "the date of row 3 is kept as an attribute" in warning.message
    assert chain.suppliers[1].attributes == {"Valid until": 20231231}  # (the cell, not a date)
