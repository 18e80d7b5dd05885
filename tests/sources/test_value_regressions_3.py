"""Reviewed regressions in reading values, third round.

1. A certification followed by a number that is no date was a `bad-date` ("Fairtrade valid
   1.5 years", "SA8000 valid 3/4 sites", "ASC valid 2026 farms"): text after an expiry word
   whose date cannot be read is a bad-date only where all of it is written as a date ("2023",
   "Q4 2025") or it really begins as a date (a day, month and year in digits, a month and its
   year, a month's name, a day and a month's name, a rough word and a year: "Mid 2023"); a
   bare number, a fraction, a range or a year followed by other words stays part of the name,
   as at 133ec8b.
2. A compound of "farm" or "mill" not listed was a `bad-tier` ("Kaffeefarm", "Yarnmill"): any
   word of at least 3 letters before it is read, but those of a deny list ("Windmill",
   "Treadmill", "Tiermill", "Windfarm", "Watermill", "Solarfarm").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chain_support import assert_a_bad_date, read_cell, year_alone

from ddtool.sources.values import ValueProblem, begins_as_date, leading_expiry, parse_tier

# --- 1. a number that is no date after an expiry word ----------------------------------------

NAMES = [
    # (the cell: all of it the name, no issue, as at 133ec8b)
    "Fairtrade valid 1.5 years",
    "Organic valid 1-2 years",
    "SA8000 valid 3/4 sites",
    "SA8000 valid 12/2 sites",
    "SA8000 valid 2 - 3 years",
    "SA8000 valid 10.5.3 scope",
    "Fairtrade valid 1 2026 site",
    "GOTS valid 12 2026 sites",
    "ASC valid 2026 farms",
    "Fairtrade valid 2023 to 2026",
    "RSPO valid 2025-26 season",
    "Fairtrade valid 31/12 every year",
    "RA until Q4 2025 pending",
    "RA valid until 2026 (renewal 2027-06-30)",
    "BSCI until 2023 audit",
    "RA valid until end of 2026x",
]


@pytest.mark.parametrize("cell", NAMES)
def test_a_number_that_is_no_date_after_an_expiry_word_stays_a_name(
    tmp_path: Path, cell: str
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    # (no date problem; a name that says the certification is pending says it is not held)
    held = [] if "pending" not in cell else [["certification-not-held"]]
    assert problems.flatten(["type"]) == held
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


DATED: list[tuple[str, tuple[str, dt.date]]] = [
    ("SA8000 valid until 2023-06-30 for 2 sites", ("SA8000", dt.date(2023, 6, 30))),
    ("RA valid until June 2026", ("RA", dt.date(2026, 6, 30))),
    ("SA8000 valid 2026-06-30", ("SA8000", dt.date(2026, 6, 30))),
    ("GOTS valid 06/2026 2 sites", ("GOTS", dt.date(2026, 6, 30))),
]


@pytest.mark.parametrize(("cell", "read"), DATED)
def test_a_date_after_an_expiry_word_is_still_read(
    tmp_path: Path, cell: str, read: tuple[str, dt.date]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["type", "message"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [read]


UNREAD_AS = "valid until: expected a date such as 2025-03-14, got"
UNREAD: list[tuple[str, str]] = [
    # (the cell, its bad-date: all of it written as a date, or it really begins as one)
    ("RA valid until Mid 2023", f"certification 'RA' {UNREAD_AS} 'Mid 2023'"),
    ("RA valid until Spring 2026", f"certification 'RA' {UNREAD_AS} 'Spring 2026'"),
    ("SA8000 bis Frühjahr 2026 geplant", f"certification 'SA8000' {UNREAD_AS} 'Frühjahr 2026'"),
    ("RA until Q4 2025", f"certification 'RA' {UNREAD_AS} 'Q4 2025'"),
    ("BSCI until 2023", f"certification 'BSCI' valid until: {year_alone('2023')}"),
    (
        "RA valid until 31.02.2024 for 2 sites",
        "certification 'RA' valid until: '31.02.2024' does not exist: February 2024 has 29"
        " days, not 31",
    ),
    ("RA valid until 31 Foo 2024 renewal", f"certification 'RA' {UNREAD_AS} '31 Foo 2024'"),
    ("RA valid until tomorrow or so", f"certification 'RA' {UNREAD_AS} 'tomorrow'"),
    (
        "RA valid 13/2026 maybe",
        "certification 'RA' valid until: '13/2026' does not exist: there is no month 13",
    ),
    (
        "Fairtrade expired",
        "certification 'Fairtrade' expired: no date is given; write the expiry date, such as"
        " 2026-06-30",
    ),
]


@pytest.mark.parametrize(("cell", "message"), UNREAD)
def test_a_date_that_cannot_be_read_is_still_a_bad_date(
    tmp_path: Path, cell: str, message: str
) -> None:
    assert_a_bad_date(tmp_path, cell, message)


NO_DATES = ["1.5 years", "3/4 sites", "1-2 years", "2 - 3 years", "10.5.3 scope", "2026 farms"]
NO_DATES += ["2023 to 2026", "2025-26 season", "31/12 every year", "Q4 2025 pending"]
NO_DATES += ["12 2026 sites", "1 2026 site"]


@pytest.mark.parametrize("text", NO_DATES)
def test_leading_expiry_of_a_number_that_is_no_date(text: str) -> None:
    assert not begins_as_date(text)
    assert leading_expiry(text) is None


DATE_STARTS = ["31.02.2024 x", "2024-13-45 x", "13/2026 x", "2026-06 x", "31 Feb x"]
DATE_STARTS += ["1st June x", "June x", "Mid 2023 x", "Mid-2023 x", "end of June 2026 x"]
DATE_STARTS += ["Herbst 2026 x", "heute x"]


@pytest.mark.parametrize("text", DATE_STARTS)
def test_text_that_really_begins_as_a_date(text: str) -> None:
    assert begins_as_date(text)


def test_leading_expiry_of_a_date_that_cannot_be_read_with_text_after_it() -> None:
    with pytest.raises(ValueProblem) as caught:
        leading_expiry("Mid 2023 renewal")
    assert str(caught.value) == "expected a date such as 2025-03-14, got 'Mid 2023'"


# --- 2. tier compounds of "farm" and "mill": a deny list ---------------------------------------

TIERS: list[tuple[str, int]] = [
    # (as at 133ec8b)
    ("Kaffeefarm", 4),
    ("Fischfarm", 4),
    ("Lachsfarm", 4),
    ("Baumwollfarm", 4),
    ("Teefarm", 4),
    ("Hühnerfarm", 4),
    ("Schweinefarm", 4),
    ("Catfishfarm", 4),
    ("Tilapiafarm", 4),
    ("Pearlfarm", 4),
    ("Rubberfarm", 4),
    ("Palmfarm", 4),
    ("Cashewfarm", 4),
    ("Cashewfarms", 4),
    ("Weavingmill", 2),
    ("Knittingmill", 2),
    ("Dyeingmill", 2),
    ("Yarnmill", 2),
    ("Fabricmill", 2),
    ("Palmoilmill", 2),
    ("Spinnmill", 2),
]


@pytest.mark.parametrize(("written", "tier"), TIERS)
def test_any_compound_of_farm_or_mill_is_a_tier(written: str, tier: int) -> None:
    assert parse_tier(written) == tier


NOT_TIERS = ["Windmill", "Treadmill", "Hamill", "Tiermill", "Windfarm", "Windmill Lane"]
NOT_TIERS += ["Watermill", "Solarfarm", "Windfarms", "Farmacia", "million"]


@pytest.mark.parametrize("written", NOT_TIERS)
def test_a_denied_compound_is_no_tier(written: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_tier(written)
    assert str(caught.value) == f"expected a tier such as 'Tier 2', got {written!r}"
