"""Dates as Excel and ERP exports write them to CSV (review rev152, section 13).

1. A datetime with its time after a space ("2025-03-14 00:00:00", "14/03/2025 13:45") is the
   date, as one with its time after a 'T' was already; a time that is none ("25:00", "12:75")
   leaves the value refused.
2. The months' usual short names without their dot, and their Italian, Portuguese and Dutch
   names, are read as the English, German, French and Spanish ones were ("14 fév 2025",
   "14 gen 2025", "14 mrt 2025").
3. A two-digit year ("14-Mar-25", Excel's d-mmm-yy, and "14/03/25") stays refused (14/03/25
   may as well be 2014-03-25), with a message saying how it would be read and what to write,
   as the message for a date typed as a number does.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chain_support import assert_a_bad_date, read_cell

from ddtool.sources import read_chain
from ddtool.sources.values import ValueProblem, parse_date

MARCH_14 = dt.date(2025, 3, 14)

# --- 1. a datetime's time after a space ----------------------------------------------------

DATETIMES = [
    # (the value as exported, the date read)
    ("2025-03-14 00:00:00", MARCH_14),
    ("2025-03-14 00:00", MARCH_14),
    ("2025-03-14 23:59:59", MARCH_14),
    ("2025-03-14 13:45:10.123", MARCH_14),
    ("14/03/2025 00:00:00", MARCH_14),
    ("14.03.2025 13:45", MARCH_14),
    ("14-03-2025 9:05", MARCH_14),
    ("14/3/2025 1:45 PM", MARCH_14),
    ("14/3/2025 1:45 p.m.", MARCH_14),
    ("14 Mar 2025 10:30", MARCH_14),
    ("2025-03-14T10:30:00", MARCH_14),  # (as before)
]


@pytest.mark.parametrize(("value", "date"), DATETIMES)
def test_a_datetime_with_its_time_after_a_space_is_its_date(value: str, date: dt.date) -> None:
    assert parse_date(value) == date


NO_TIMES = [
    # (a value whose part after the date is no time, and the message: refused as before)
    ("2025-03-14 25:00", "expected a date such as 2025-03-14, got '2025-03-14 25:00'"),
    ("2025-03-14 12:75", "expected a date such as 2025-03-14, got '2025-03-14 12:75'"),
    (
        "2025-03-14 00:00 am Ende",
        "expected a date such as 2025-03-14, got '2025-03-14 00:00 am Ende'",
    ),
    ("2025-03-14 1200", "expected a date such as 2025-03-14, got '2025-03-14 1200'"),
    # (a day that does not exist is said so, its time aside)
    (
        "2025-02-30 00:00:00",
        "'2025-02-30 00:00:00' does not exist: February 2025 has 28 days, not 30",
    ),
]


@pytest.mark.parametrize(("value", "message"), NO_TIMES)
def test_what_follows_a_date_and_is_no_time_is_refused(value: str, message: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_date(value)
    assert str(refused.value) == message


# --- 2. the months' names ------------------------------------------------------------------

MONTHS = [
    # (French, short without the dot and full)
    ("14 janv 2025", 1),
    ("14 fév 2025", 2),
    ("14 fev 2025", 2),
    ("14 févr 2025", 2),
    ("14 févr. 2025", 2),
    ("14 avr 2025", 4),
    ("14 juil 2025", 7),
    ("14 juill. 2025", 7),
    ("14 aoû 2025", 8),
    ("14 sept 2025", 9),
    ("14 oct 2025", 10),
    ("14 nov 2025", 11),
    ("14 déc 2025", 12),
    ("14-fév-2025", 2),
    # (Italian, short and full)
    ("14 gen 2025", 1),
    ("14 feb 2025", 2),
    ("14 mar 2025", 3),
    ("14 apr 2025", 4),
    ("14 mag 2025", 5),
    ("14 giu 2025", 6),
    ("14 lug 2025", 7),
    ("14 ago 2025", 8),
    ("14 set 2025", 9),
    ("14 ott 2025", 10),
    ("14 nov 2025", 11),
    ("14 dic 2025", 12),
    ("14-gen-2025", 1),
    ("14 gennaio 2025", 1),
    ("14 febbraio 2025", 2),
    ("14 marzo 2025", 3),
    ("14 aprile 2025", 4),
    ("14 maggio 2025", 5),
    ("14 giugno 2025", 6),
    ("14 luglio 2025", 7),
    ("14 agosto 2025", 8),
    ("14 settembre 2025", 9),
    ("14 ottobre 2025", 10),
    ("14 novembre 2025", 11),
    ("14 dicembre 2025", 12),
    # (Portuguese: "out", an English word, is not read; "outubro" is)
    ("14 de janeiro de 2025", 1),
    ("14 de fevereiro de 2025", 2),
    ("14 de março de 2025", 3),
    ("14 de maio de 2025", 5),
    ("14 de junho de 2025", 6),
    ("14 de julho de 2025", 7),
    ("14 de setembro de 2025", 9),
    ("14 de outubro de 2025", 10),
    ("14 de novembro de 2025", 11),
    ("14 de dezembro de 2025", 12),
    # (Dutch)
    ("14 januari 2025", 1),
    ("14 februari 2025", 2),
    ("14 maart 2025", 3),
    ("14 mrt 2025", 3),
    ("14 mei 2025", 5),
    ("14 augustus 2025", 8),
    ("14 okt 2025", 10),
]


@pytest.mark.parametrize(("value", "month"), MONTHS)
def test_a_month_by_its_usual_name_is_read(value: str, month: int) -> None:
    assert parse_date(value) == dt.date(2025, month, 14)


def test_an_english_word_is_no_month() -> None:
    with pytest.raises(ValueProblem):
        parse_date("14 out 2025")


# --- 3. a two-digit year -------------------------------------------------------------------

TWO_DIGIT_YEARS = [
    # (the value, how it would be read, the same written with its four-digit year)
    ("14-Mar-25", "2025-03-14", "14-Mar-2025"),
    ("14/03/25", "2025-03-14", "14/03/2025"),
    ("14.3.25", "2025-03-14", "14.3.2025"),
    ("14-03-25", "2025-03-14", "14-03-2025"),
    ("14 fév 25", "2025-02-14", "14 fév 2025"),
    ("1-Jan-29", "2029-01-01", "1-Jan-2029"),
    ("14-Mar-95", "1995-03-14", "14-Mar-1995"),  # (30 to 99: the last century, as Excel)
    ("14-Mar-30", "1930-03-14", "14-Mar-1930"),
]


@pytest.mark.parametrize(("value", "meant", "full"), TWO_DIGIT_YEARS)
def test_a_two_digit_year_says_how_it_would_be_read(value: str, meant: str, full: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_date(value)
    assert str(refused.value) == (
        f"{value!r} has a two-digit year: if {meant} is meant, write {meant} or {full}"
    )


def test_a_two_digit_year_with_its_time_quotes_the_value_as_written() -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_date("14/03/25 00:00")
    assert str(refused.value) == (
        "'14/03/25 00:00' has a two-digit year: if 2025-03-14 is meant, write 2025-03-14 or"
        " 14/03/2025"
    )


@pytest.mark.parametrize("value", ["31/02/25", "14 Foo 25", "14/13/25", "Mar 14, 25"])
def test_a_two_digit_year_of_no_such_day_or_month_is_told_as_before(value: str) -> None:
    with pytest.raises(ValueProblem) as refused:
        parse_date(value)
    assert str(refused.value) == f"expected a date such as 2025-03-14, got {value!r}"


# --- in a table, as the review read it -----------------------------------------------------

CSV_DATES = (
    "Supplier ID;Supplier name;Country;Sector;Audit standard;Audit date;Audit result\n"
    "D1;Dhaka Denim;Bangladesh;garment manufacturing;SMETA;14-Mar-25;pass\n"
    "D2;Dhaka Knit;Bangladesh;garment manufacturing;SMETA;2025-03-14 00:00:00;pass\n"
    "D3;Dhaka Tex;Bangladesh;garment manufacturing;SMETA;14/03/25;pass\n"
    "D4;Dhaka Wear;Bangladesh;garment manufacturing;SMETA;14 fév 2025;pass\n"
)


def test_the_reviewed_export_reads_its_dates_and_says_how_to_write_the_others(
    tmp_path: Path,
) -> None:
    path = tmp_path / "csv_dates.csv"
    path.write_text(CSV_DATES, encoding="utf-8")
    chain, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column", "message"]) == [
        [
            "bad-date",
            2,
            "Audit date",
            "audit date: '14-Mar-25' has a two-digit year: if 2025-03-14 is meant, write"
            " 2025-03-14 or 14-Mar-2025",
        ],
        [
            "bad-date",
            4,
            "Audit date",
            "audit date: '14/03/25' has a two-digit year: if 2025-03-14 is meant, write"
            " 2025-03-14 or 14/03/2025",
        ],
    ]
    dates = {s.id: [a.date for a in s.audits] for s in chain.suppliers}
    assert dates["D2"] == [MARCH_14]
    assert dates["D4"] == [dt.date(2025, 2, 14)]


def test_a_certifications_expiry_with_its_time_is_its_date(tmp_path: Path) -> None:
    chain, problems = read_cell(tmp_path, "SA8000 valid until 2026-06-30 00:00:00")
    assert not problems.items
    [held] = chain.suppliers[0].certifications
    assert (held.name, held.valid_until) == ("SA8000", dt.date(2026, 6, 30))


def test_a_certifications_expiry_with_a_two_digit_year_says_how_to_write_it(
    tmp_path: Path,
) -> None:
    assert_a_bad_date(
        tmp_path,
        "SA8000 (valid until 14-Mar-25)",
        "certification 'SA8000' valid until: '14-Mar-25' has a two-digit year: if 2025-03-14"
        " is meant, write 2025-03-14 or 14-Mar-2025",
    )
