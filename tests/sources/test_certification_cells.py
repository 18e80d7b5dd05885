"""Certifications written in table cells, with or without their expiry date, and how the
evidence tells a checked date from one taken as current."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess
from ddtool.errors import ProblemList
from ddtool.model import Chain
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
    # an expiry split from its certification by a list separator belongs to it
    ("SA8000, valid until 2024-01-01", [("SA8000", dt.date(2024, 1, 1))]),
    ("SA8000; expires 2024-01-01", [("SA8000", dt.date(2024, 1, 1))]),
    ("SA8000 | bis 30.06.2026", [("SA8000", dt.date(2026, 6, 30))]),
    ("SA8000, valid until Jan 31, 2024", [("SA8000", dt.date(2024, 1, 31))]),
    ("Rainforest Alliance; valid until June 2026", [("Rainforest Alliance", dt.date(2026, 6, 30))]),
    ("SA8000 expiring 2024-01-01", [("SA8000", dt.date(2024, 1, 1))]),
    (
        "SA8000, valid until 2024-01-01, Fairtrade",
        [("SA8000", dt.date(2024, 1, 1)), ("Fairtrade", None)],
    ),
    # a certification whose name merely holds an expiry word is one of its own
    ("SA8000, BIS", [("SA8000", None), ("BIS", None)]),
    # standards of the Bureau of Indian Standards, not the German "bis" (until) and a date
    ("SA8000; BIS ISI 15885", [("SA8000", None), ("BIS ISI 15885", None)]),
    ("GOTS 7.0 | BIS 12", [("GOTS 7.0", None), ("BIS 12", None)]),
    ("SA8000, BIS 14543", [("SA8000", None), ("BIS 14543", None)]),
    ("BIS 14543:2016", [("BIS 14543:2016", None)]),
    ("SA8000, valid", [("SA8000", None), ("valid", None)]),
    ("BIS certified, SA8000", [("BIS certified", None), ("SA8000", None)]),
    ("ISO 45001:2018", [("ISO 45001:2018", None)]),
]


def _read_cell(tmp_path: Path, cell: str) -> tuple[Chain, ProblemList]:
    """A table of one supplier whose certifications cell is this one, read."""
    path = tmp_path / "chain.csv"
    path.write_text(f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n', "utf-8")
    return read_chain([path])


@pytest.mark.parametrize(("cell", "read"), CELLS)
def test_a_cell_gives_the_certification_and_its_expiry_date(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]]
) -> None:
    chain, problems = _read_cell(tmp_path, cell)
    assert problems.errors == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read


@pytest.mark.parametrize(
    ("cell", "kind", "says"),
    [
        ("SA8000 until tomorrow", "bad-date", "valid until: expected a date"),
        (
            "SA8000 (until 31.13.2026)",
            "bad-date",
            "valid until: '31.13.2026' does not exist: there is no",
        ),
        ("RA valid until 2026-02-30", "bad-date", "February 2026 has 28 days, not 30"),
        # a certificate is never taken as current on a date the reader does not place
        ("valid until 2026-01-01", "bad-certification", "gives an expiry but no certification"),
        ("(valid until 2026-01-01)", "bad-certification", "gives an expiry but no certification"),
        ("Fairtrade, expired", "bad-date", "certification 'Fairtrade' expired: no date is given"),
        ("SA8000 2024-01-01", "bad-date", "write 'SA8000 valid until 2024-01-01'"),
        ("SA8000 - 31.12.2024", "bad-date", "write 'SA8000 valid until 31.12.2024'"),
        # an expiry after a separator whose date cannot be read: the certification's error
        ("SA8000, expired 2023", "bad-date", "certification 'SA8000' valid until: a year"),
        ("GOTS 7.0, until 2027", "bad-date", "certification 'GOTS 7.0' valid until: a year"),
        ("SA8000; until 31 Feb 2024", "bad-date", "'31 Feb 2024' does not exist"),
    ],
)
def test_an_expiry_date_that_is_no_date_is_a_located_error(
    tmp_path: Path, cell: str, kind: str, says: str
) -> None:
    _chain, problems = _read_cell(tmp_path, cell)
    [error] = problems.errors
    assert (error.type, error.location.row, error.location.column) == (kind, 2, "Certifications")
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


def test_a_separated_expiry_scores_as_the_same_cell_without_the_separator(tmp_path: Path) -> None:
    """The certificate expired: neither supplier is credited with a current one."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Certifications\n"
        'A,a,BGD,garment manufacturing,"SA8000, valid until 2024-01-01"\n'
        'B,b,BGD,garment manufacturing,"SA8000 valid until 2024-01-01"\n',
        "utf-8",
    )
    result = assess([path], AssessOptions(as_of=dt.date(2026, 6, 1)))
    risks = {sid: result.risks[sid].by_type["human_trafficking"] for sid in ("A", "B")}
    assert risks["A"].score == risks["B"].score
    assert risks["A"].adjustments == risks["B"].adjustments
    assert "certification 'SA8000' expired 2024-01-01" in [r for r, _ in risks["A"].adjustments]


EXPIRY_COLUMNS: list[tuple[str, str, list[tuple[str, dt.date | None]], str | None]] = [
    # (the expiry column's header, its cell, the certifications read, a warning's words)
    ("Certification expiry", "2024-01-01", [("SA8000", dt.date(2024, 1, 1))], None),
    ("Valid until", "30.06.2026", [("SA8000", dt.date(2026, 6, 30))], None),
    ("Gültig bis", "June 2026", [("SA8000", dt.date(2026, 6, 30))], None),
    ("Contract expiry", "2024-01-01", [("SA8000", None)], None),  # another date
    ("Certification expiry", "soon", [("SA8000", None)], "the value of row 2 is no date"),
    ("Valid until", "45000", [("SA8000", None)], "the value of row 2 is no date (row 2: expected"),
    ("Valid until", "20231231", [("SA8000", dt.date(2023, 12, 31))], None),  # (was no date)
    ("Valid until", "20231331", [("SA8000", None)], "the value of row 2 is no date (row 2:"),
]


@pytest.mark.parametrize(("header", "cell", "read", "warns"), EXPIRY_COLUMNS)
def test_a_column_of_expiry_dates_dates_the_certification_beside_it(
    tmp_path: Path,
    header: str,
    cell: str,
    read: list[tuple[str, dt.date | None]],
    warns: str | None,
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Certifications,{header}\nS1,Alpha,SA8000,{cell}\n", "utf-8"
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read
    warnings = [(w.type, w.location.column) for w in problems.warnings]
    assert warnings == ([] if warns is None else [("unmapped-column", header)])
    assert warns is None or warns in problems.warnings[0].message


def test_an_expiry_date_beside_several_certifications_is_kept_and_said(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Certifications,Certification expiry\n"
        "S1,Alpha,SA8000,2024-01-01\n"
        'S2,Beta,"SA8000, Fairtrade",2025-01-01\n',
        "utf-8",
    )
    chain, problems = read_chain([path])
    read = {s.id: [(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers}
    assert read == {
        "S1": [("SA8000", dt.date(2024, 1, 1))],
        "S2": [("SA8000", None), ("Fairtrade", None)],
    }
    [warning] = problems.warnings
    assert warning.type == "unmapped-column"
    assert "the date of row 3 is kept as an attribute" in warning.message
    assert chain.suppliers[1].attributes == {"Certification expiry": "2025-01-01"}


def test_a_placeholder_in_the_expiry_column_is_no_date_and_dates_the_others(
    tmp_path: Path,
) -> None:
    """One 'n/a' refused the whole column: every certificate was taken as current."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Certifications,Expiry date\n"
        "S1,Alpha,SA8000,2024-01-01\n"
        "S2,Beta,SA8000,n/a\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.items == []
    read = {s.id: [(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers}
    assert read == {"S1": [("SA8000", dt.date(2024, 1, 1))], "S2": [("SA8000", None)]}


def test_a_value_that_is_no_date_leaves_the_other_dates_of_the_column(tmp_path: Path) -> None:
    """One cell that is no date dropped every date of the column: an expired certificate
    beside it was taken as current."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Certifications,Expiry date\n"
        "S1,Alpha,SA8000,2023-12-31\n"
        "S2,Beta,SA8000,see certificate\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    read = {s.id: [(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers}
    assert read == {"S1": [("SA8000", dt.date(2023, 12, 31))], "S2": [("SA8000", None)]}
    [warning] = problems.warnings
    assert "the value of row 3 is no date: kept as an attribute" in warning.message
    assert chain.suppliers[1].attributes == {"Expiry date": "see certificate"}
