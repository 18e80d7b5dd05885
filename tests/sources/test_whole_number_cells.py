"""A workbook's number cell holding a whole number (what Excel stores when a user types
20250314 or 2025) is read and shown as the number typed, not as 20250314.0."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain
from ddtool.sources.values import ValueProblem, as_text, parse_date, parse_expiry, parse_tier
from tests.workbook_support import write_book

# a cell's value -> the date read
DATES = [
    (20250314.0, dt.date(2025, 3, 14)),  # (was refused as '20250314.0')
    (20250314, dt.date(2025, 3, 14)),
    ("20250314", dt.date(2025, 3, 14)),
]


@pytest.mark.parametrize(("value", "date"), DATES)
def test_a_date_typed_as_digits_is_read_from_a_number_cell(value: Any, date: dt.date) -> None:
    assert parse_date(value) == date
    assert parse_expiry(value) == date


# a cell's value -> the start of the message (what the user typed, never '.0')
REFUSED = [
    (parse_date, 2025.0, "expected a date such as 2025-03-14, got '2025'"),
    (parse_date, 45730.0, "expected a date such as 2025-03-14, got '45730', a number: as"),
    (parse_date, 12.5, "expected a date such as 2025-03-14, got '12.5'"),
    (parse_expiry, 2026.0, "a year alone is no expiry date: write the day it ends ('2026-12-31')"),
    (parse_tier, 100.0, "expected a tier number from 1 to 99, got 100"),
    (parse_tier, 0.0, "expected a tier number from 1 to 99, got 0"),
    (parse_tier, 1.5, "expected a tier number from 1 to 99, got 1.5"),
]


@pytest.mark.parametrize(("parse", "value", "message"), REFUSED)
def test_a_refused_number_cell_is_quoted_as_typed(parse: Any, value: Any, message: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse(value)
    assert str(refused.value).startswith(message)
    assert ".0'" not in str(refused.value) and not str(refused.value).endswith(".0")


@pytest.mark.parametrize(
    ("value", "text"), [(840.0, "840"), (2025.0, "2025"), (-0.0, "-0"), (1.5, "1.5"), (7, "7")]
)
def test_a_number_cell_read_as_text_is_the_number_typed(value: Any, text: str) -> None:
    assert as_text(value) == text


HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Audit standard", "Audit date"]
HEADER += ["Audit result", "Tier"]


def test_a_workbooks_number_cells_are_read_and_told_as_typed(tmp_path: Path) -> None:
    """A workbook: a date typed as 20250314 is read; a year, a country code
    and a tier typed as numbers are refused, each quoted as typed."""
    book = write_book(
        tmp_path / "d.xlsx",
        {
            "Suppliers": [
                HEADER,
                ["A1", "One", "Ghana", "cocoa-trading", "SMETA", 20250314, "pass", 1],
                ["A2", "Two", "Ghana", "cocoa-trading", "SMETA", 2025, "pass", 1],
                ["A3", "Three", 840, "cocoa-trading", "SMETA", "2025-03-14", 7, 100],
            ]
        },
    )
    chain, problems = read_chain([book])
    audits = {s.id: [a.date for a in s.audits] for s in chain.suppliers}
    assert audits["A1"] == [dt.date(2025, 3, 14)]
    messages = {(p.location.row, p.type): p.message for p in problems.items}
    assert messages[(3, "bad-date")] == (
        "audit date: expected a date such as 2025-03-14, got '2025'"
    )
    assert messages[(4, "unknown-country")] == "unknown country '840'"
    assert messages[(4, "bad-tier")] == "tier: expected a tier number from 1 to 99, got 100"
    assert messages[(4, "unknown-audit-result")].startswith("audit result '7' is neither")
    assert (2, "bad-date") not in messages
    assert not any(".0'" in p.message or " 100.0" in p.message for p in problems.items)
