"""A certification without an expiry date is read as current; where a column of the user's
own (remarks, notes: not read) says in words that it ended or when it ends, the reader warns
at that cell, once per row, quoting it and saying how to have the date read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain
from tests.workbook_support import write_book

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Certifications", "Remarks"]

# (the certifications cell, the remarks cell, whether it warns)
CELLS: list[tuple[Any, Any, bool]] = [
    ("Rainforest Alliance", "RA certificate expired 2025-12-31, renewal pending", True),
    ("Bonsucro", "Bonsucro certified until 2026-09-30", True),
    ("SA8000", "Zertifikat gültig bis 31.12.2025", True),
    ("SA8000", "Zertifikat abgelaufen", True),
    ("Fairtrade", "certificat expiré le 30/06/2025", True),
    ("Fairtrade", "certificado vencido", True),
    ("Fairtrade", "valid until June 2026", True),
    ("Fairtrade", "Good supplier, visited 2025-03-01", False),
    ("Fairtrade", "open until late", False),
    (None, "RA certificate expired 2025-12-31", False),  # (nothing credited)
    ("Fairtrade (valid until 2027-06-30)", "expires 2027-06-30", False),  # (its own date)
]


@pytest.mark.parametrize(("certs", "remarks", "warns"), CELLS)
def test_an_expiry_in_remarks_is_warned_of_at_its_cell(
    tmp_path: Path, certs: Any, remarks: Any, warns: bool
) -> None:
    book = write_book(
        tmp_path / "w.xlsx",
        {
            "Suppliers": [
                HEADER,
                ["S1", "Farm A", "GHA", "cocoa farming", "Fairtrade", "fine"],
                ["S2", "Farm B", "GHA", "cocoa farming", certs, remarks],
            ]
        },
    )
    _chain, problems = read_chain([book])
    said = [w for w in problems.warnings if w.type == "expiry-in-remarks"]
    if not warns:
        assert said == []
        return
    [warning] = said
    assert (warning.location.row, warning.location.column) == (3, "Remarks")
    assert f"column 'Remarks' says \"{remarks}\"" in warning.message
    assert "'Valid until' column" in warning.message


def test_once_per_row_and_a_long_remark_cut(tmp_path: Path) -> None:
    long = "RA certificate expired 2025-12-31; " + "renewal audit booked with the body " * 5
    book = write_book(
        tmp_path / "w.xlsx",
        {
            "Suppliers": [
                [*HEADER, "Notes"],
                ["S1", "Farm A", "GHA", "cocoa farming", "Rainforest Alliance", long, "expired"],
            ]
        },
    )
    _chain, problems = read_chain([book])
    [warning] = [w for w in problems.warnings if w.type == "expiry-in-remarks"]
    assert warning.location.column == "Remarks"
    quoted = warning.message.split('says "')[1].split('"')[0]
    assert quoted.endswith("…") and len(quoted) <= 80
    assert quoted.startswith("RA certificate expired 2025-12-31;")
