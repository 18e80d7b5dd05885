"""Certifications written in table cells, with or without their expiry date, and how the
evidence tells a checked date from one taken as current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess
from ddtool.sources import read_chain

CELLS: list[tuple[str, list[tuple[str, dt.date | None]]]] = [
    # (the cell as written, the certifications read: name and expiry date)
    ("Rainforest Alliance", [("Rainforest Alliance", None)]),
    ("Rainforest Alliance (RA)", [("Rainforest Alliance (RA)", None)]),
    ("Fairtrade (2019 standard)", [("Fairtrade (2019 standard)", None)]),
    ("GOTS (2026)", [("GOTS (2026)", None)]),  # a year alone is no date
    (
        "Rainforest Alliance (valid until 2026-06-30)",
        [("Rainforest Alliance", dt.date(2026, 6, 30))],
    ),
    ("RA (2025-12-31)", [("RA", dt.date(2025, 12, 31))]),
    ("SA8000 bis 30.06.2026", [("SA8000", dt.date(2026, 6, 30))]),
    ("SA8000 gültig bis 30.06.2026", [("SA8000", dt.date(2026, 6, 30))]),
    ("Fairtrade (jusqu'au 30/06/2026)", [("Fairtrade", dt.date(2026, 6, 30))]),
    ("Fairtrade (válido hasta 30/06/2026)", [("Fairtrade", dt.date(2026, 6, 30))]),
    ("BSCI valid: 2026-05-01", [("BSCI", dt.date(2026, 5, 1))]),
    ("Bonsucro expires 2027-01-31", [("Bonsucro", dt.date(2027, 1, 31))]),
    (
        "SA8000 (until 2026-06-30); Fairtrade",
        [("SA8000", dt.date(2026, 6, 30)), ("Fairtrade", None)],
    ),
]


@pytest.mark.parametrize(("cell", "read"), CELLS)
def test_a_cell_gives_the_certification_and_its_expiry_date(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]]
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n', "utf-8")
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ("SA8000 until tomorrow", "valid until: expected a date"),
        ("SA8000 (until 31.13.2026)", "valid until: '31.13.2026' does not exist: there is no"),
        ("RA valid until 2026-02-30", "February 2026 has 28 days, not 30"),
    ],
)
def test_an_expiry_date_that_is_no_date_is_a_located_error(
    tmp_path: Path, cell: str, says: str
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n', "utf-8")
    _chain, problems = read_chain([path])
    [error] = problems.errors
    assert (error.type, error.location.row, error.location.column) == (
        "bad-date",
        2,
        "Certifications",
    )
    assert says in error.message


def test_the_evidence_says_whether_the_expiry_date_was_given(tmp_path: Path) -> None:
    """An auditor tells a checked certificate from one taken as current."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Certifications\n"
        'S1,A,GHA,cocoa farming,"Rainforest Alliance (valid until 2030-06-30)"\n'
        "S2,B,GHA,cocoa farming,Rainforest Alliance\n"
        'S3,C,GHA,cocoa farming,"Rainforest Alliance (valid until 2025-12-31)"\n',
        "utf-8",
    )
    result = assess([path], AssessOptions(as_of=dt.date(2026, 6, 1)))
    notes = {
        supplier_id: [
            reason
            for reason, _ in risk.by_type["child_labour"].adjustments
            if "certification" in reason
        ]
        for supplier_id, risk in result.risks.items()
    }
    assert notes == {
        "S1": ["certification 'Rainforest Alliance' valid until 2030-06-30"],
        "S2": [
            "certification 'Rainforest Alliance' valid (no expiry date given: taken as current)"
        ],
        "S3": ["certification 'Rainforest Alliance' expired 2025-12-31"],
    }
