"""A certification followed by a month and its year, or by a period, with no word saying what
it is (in the cell, or split from it by a separator), by numbers written as a date that is
none, or by the day it was issued, and one whose renewal failed: none is credited as a
current certificate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chain_support import read_cell

from ddtool.assess import AssessOptions, assess
from ddtool.errors import Problem
from ddtool.model import Chain
from ddtool.schemes import certification_not_held
from ddtool.sources import read_chain


def _the_bad_date(tmp_path: Path, cell: str) -> tuple[Chain, Problem]:
    """The chain a certifications cell is read into, and the one error it gives: a
    bad-date at its row and column."""
    chain, problems = read_cell(tmp_path, cell)
    [error] = problems.errors
    assert (error.type, error.location.row, error.location.column) == (
        "bad-date",
        2,
        "Certifications",
    )
    return chain, error


# a Certifications cell -> what its located bad-date says: a month and its year at the end
# of the name is a date without a word saying what it is (the expiry, or the day it was
# granted?), as a full date there is; a period's end is not said to be the expiry, and a
# year is no expiry date. Each was credited as current ("taken as current")
UNSAID: dict[str, str] = {
    "a month's name and its year": (
        "certification 'Fairtrade Dec 2023' ends with a date without saying what it is: if"
        " it is the expiry, write 'Fairtrade valid until Dec 2023'"
    ),
    "a month in full, in German": "write 'SA8000 valid until Dezember 2023'",
    "a year and its month": "write 'Fairtrade valid until 2023-12'",
    "a month and its year": "write 'SA8000 valid until 12/2023'",
    "after a dash": "write 'SA8000 valid until Dec 2023'",
    "a day, a month's name and a year": "write 'SA8000 valid until 31 December 2023'",
    "a range of years": (
        "certification 'SA8000 2021-2023' ends with a period (2021-2023) and no expiry"
        " date: write the day it ends: 'SA8000 valid until 2023-12-31', its month ('valid"
        " until December 2023') or 'valid until end of 2023'"
    ),
    "a range of years in parentheses": "period (2021-2023) and no expiry date",
    "a range of years with an en dash": "write the day it ends: 'SA8000 valid until 2023-12-31'",
    "a range of years, the last in two digits": "write the day it ends: 'SA8000 valid until 2023",
    "a season": "write the day it ends: 'Fairtrade valid until 2024-12-31'",
    "from a year to a year": "period (from 2021 to 2023) and no expiry date",
    "a range of months": "if it ends on the expiry, write 'SA8000 valid until Dec 2023'",
    "a range of dates": (
        "period (2021-01-01 - 2023-12-31) and no expiry date: if it ends on the expiry,"
        " write 'SA8000 valid until 2023-12-31'"
    ),
    "'through' in the name": "write 'Fairtrade through cooperative valid until 2019-01-01'",
    "a period of ten years": "write the day it ends: 'SA8000 valid until 2030-12-31'",
    "a date in a bracket": (
        "certification 'SA8000 (audit 03/2024)' ends with a date without saying what it is:"
        " if it is the expiry, write 'SA8000 (audit) valid until 03/2024'"
    ),
}
CELLS = {
    "a month's name and its year": "Fairtrade Dec 2023",
    "a month in full, in German": "SA8000 Dezember 2023",
    "a year and its month": "Fairtrade 2023-12",
    "a month and its year": "SA8000 12/2023",
    "after a dash": "SA8000 - Dec 2023",
    "a day, a month's name and a year": "SA8000 31 December 2023",
    "a range of years": "SA8000 2021-2023",
    "a range of years in parentheses": "SA8000 (2021-2023)",
    "a range of years with an en dash": "SA8000 2021 – 2023",
    "a range of years, the last in two digits": "SA8000 2021-23",
    "a season": "Fairtrade 2023/24",
    "from a year to a year": "SA8000 from 2021 to 2023",
    "a range of months": "SA8000 (Jan 2021 - Dec 2023)",
    "a range of dates": "SA8000 (2021-01-01 - 2023-12-31)",
    "'through' in the name": "Fairtrade through cooperative 2019-01-01",
    "a period of ten years": "SA8000 2020-2030",
    "a period of fifteen years": "SA8000 2010-2025",
    "a date in a bracket": "SA8000 (audit 03/2024)",
}


@pytest.mark.parametrize("case", list(UNSAID), ids=list(UNSAID))
def test_a_date_or_period_without_a_word_is_a_located_error(tmp_path: Path, case: str) -> None:
    _chain, error = _the_bad_date(tmp_path, CELLS[case])
    assert UNSAID[case] in error.message


# a Certifications cell -> the certifications read (name and expiry), without an error: a
# date in parentheses is the expiry; a year alone, or a word that is no month before a
# year, is part of the name; a status says it is not held whatever its dates
READ: dict[str, tuple[str, list[tuple[str, dt.date | None]], list[str]]] = {
    "a month and its year in parentheses": (
        "Fairtrade (Dec 2023)",
        [("Fairtrade", dt.date(2023, 12, 31))],
        [],
    ),
    "a year alone": ("Fairtrade 2023", [("Fairtrade 2023", None)], []),
    "a year alone in parentheses": ("GOTS (2026)", [("GOTS (2026)", None)], []),
    "a word that is no month": (
        "Fairtrade Standard 2023",
        [("Fairtrade Standard 2023", None)],
        [],
    ),
    "a standard's year": ("ISO 45001:2018", [("ISO 45001:2018", None)], []),
    "a standard's version": ("SA8000:2014", [("SA8000:2014", None)], []),
    "a standard's version after a space": (
        "ISO 9001: 2015",
        [("ISO 9001: 2015", None)],
        [],
    ),
    "no month 13": ("SA8000 v13/2014", [("SA8000 v13/2014", None)], []),
    "held once, for a period": (
        "Fairtrade (formerly certified 2015-2020)",
        [("Fairtrade (formerly certified 2015-2020)", None)],
        ["certification-not-held"],
    ),
    "an expiry word before the month": (
        "SA8000 valid until Dec 2023",
        [("SA8000", dt.date(2023, 12, 31))],
        [],
    ),
}


@pytest.mark.parametrize(("cell", "read", "warned"), READ.values(), ids=list(READ))
def test_a_date_said_or_no_date_reads_as_before(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]], warned: list[str]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.errors == []
    assert [p.type for p in problems.items] == warned
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read


# a certification's name -> what in it says it is not held (None: held). A renewal that
# failed or was refused means the certification was not renewed, as 'not renewed' says; a
# renewal still awaited says nothing of the certification
RENEWALS: dict[str, str | None] = {
    "SA8000 (renewal failed)": "renewal failed",
    "SA8000 (renewal refused)": "renewal refused",
    "SA8000 renewal rejected": "renewal rejected",
    "SA8000 renewal denied": "renewal denied",
    "Fairtrade (recertification failed)": "recertification failed",
    "Fairtrade (renewal unsuccessful)": "renewal unsuccessful",
    "SA8000 refused renewal": "renewal refused",
    "SA8000 unsuccessful recertification": "recertification unsuccessful",
    "SA8000 renewal not granted": "renewal not granted",
    "SA8000 (recertification audit: nicht bestanden)": "recertification nicht bestanden",
    "SA8000 Verlängerung abgelehnt": "verlangerung abgelehnt",
    "Fairtrade renouvellement refusé": "renouvellement refuse",
    "SA8000 (failed recertification audit)": "failed",
    "Fairtrade not renewed": "not",
    # awaited, or passed: held
    "SA8000 renewal in progress": None,
    "Fairtrade (renewal pending)": None,
    "Fairtrade (pending renewal)": None,
    "SA8000 pending recertification": None,
    "SA8000 Verlängerung beantragt": None,
    "SA8000 (renewal audit passed)": None,
    "SA8000 certified (next audit scheduled 2026)": None,
}


@pytest.mark.parametrize(("name", "said"), RENEWALS.items(), ids=list(RENEWALS))
def test_a_failed_renewal_says_the_certification_is_not_held(name: str, said: str | None) -> None:
    assert certification_not_held(name) == said


def test_a_failed_renewal_earns_no_credit(tmp_path: Path) -> None:
    """Each of R1 to R3 was credited as valid and taken as current, lowering forced-labour
    likelihood below that of R0, which names no certification."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Certifications\n"
        "R0,A,GHA,cocoa farming,\n"
        "R1,B,GHA,cocoa farming,SA8000 (renewal failed)\n"
        "R2,C,GHA,cocoa farming,Fairtrade (recertification failed)\n"
        "R3,D,GHA,cocoa farming,SA8000 renewal refused\n"
        "R4,E,GHA,cocoa farming,Fairtrade (renewal pending)\n",
        "utf-8",
    )
    result = assess([path], AssessOptions(as_of=dt.date(2025, 6, 1)))
    likelihood = {
        supplier: risk.by_type["forced_labour"].score.likelihood
        for supplier, risk in result.risks.items()
    }
    for supplier in ("R1", "R2", "R3"):
        assert likelihood[supplier] == likelihood["R0"]
    assert likelihood["R4"] < likelihood["R0"]  # (an awaited renewal: still held)
    warned = [(p.type, p.location.row) for p in result.warnings]
    assert warned == [("certification-not-held", row) for row in (3, 4, 5)]


# a Certifications cell whose date is split from its certification by a separator -> the
# cell without it: the date names no certification, and is read as part of the one before
# it. "Fairtrade, 12/2023" was "Fairtrade", taken as current, and a certification "12/2023"
SPLIT: dict[str, tuple[str, str]] = {
    "a month and its year after a comma": ("Fairtrade, 12/2023", "Fairtrade 12/2023"),
    "a month's name after a semicolon": ("Fairtrade; Dec 2023", "Fairtrade Dec 2023"),
    "a year and its month on a new line": ("Fairtrade\n2023-12", "Fairtrade 2023-12"),
    "a full date after a bar": ("SA8000 | 31.12.2023", "SA8000 31.12.2023"),
    "a range of years": ("SA8000, 2021-2023", "SA8000 2021-2023"),
    "a date that is none": ("SA8000, 13/2023", "SA8000 13/2023"),
    "the day it was issued": ("SA8000, issued 2019-01-01", "SA8000 issued 2019-01-01"),
    "a date in parentheses": ("Fairtrade, (12/2023)", "Fairtrade (12/2023)"),
    "an expiry word": ("Fairtrade, valid until 12/2023", "Fairtrade valid until 12/2023"),
    "through": ("Fairtrade, thru 12/2023", "Fairtrade thru 12/2023"),
}


@pytest.mark.parametrize(("split", "whole"), SPLIT.values(), ids=list(SPLIT))
def test_a_date_split_from_its_certification_is_read_as_the_cell_without_the_split(
    tmp_path: Path, split: str, whole: str
) -> None:
    chain, problems = read_cell(tmp_path, split)
    whole_chain, whole_problems = read_cell(tmp_path, whole)
    fields = ["severity", "type", "row", "column", "message"]
    assert problems.flatten(fields) == whole_problems.flatten(fields)
    read = [(c.name, c.valid_until) for c in chain.suppliers[0].certifications]
    assert read == [(c.name, c.valid_until) for c in whole_chain.suppliers[0].certifications]
    assert len(read) == 1  # (no certification named by the date alone)


def test_a_date_split_from_its_certification_is_its_bad_date(tmp_path: Path) -> None:
    """The certification is not credited as current: the cell is a located bad-date."""
    chain, problems = read_cell(tmp_path, "Fairtrade, 12/2023")
    assert problems.flatten(["type", "row", "column", "message"]) == [
        [
            "bad-date",
            2,
            "Certifications",
            "certification 'Fairtrade 12/2023' ends with a date without saying what it is:"
            " if it is the expiry, write 'Fairtrade valid until 12/2023'",
        ]
    ]
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [
        ("Fairtrade 12/2023", None)
    ]


# a Certifications cell of several items -> the certifications read and the problems' types:
# a list of schemes is still a list, a date joins the one just before it, a year alone or a
# name with a date stays an item of its own; a date before any certification names none,
# and one after a certification that gives its expiry is not read
LISTS: dict[str, tuple[str, list[tuple[str, dt.date | None]], list[str]]] = {
    "two schemes": (
        "Fairtrade, Rainforest Alliance",
        [("Fairtrade", None), ("Rainforest Alliance", None)],
        [],
    ),
    "a date between two schemes": (
        "Fairtrade, 12/2023; Rainforest Alliance",
        [("Fairtrade 12/2023", None), ("Rainforest Alliance", None)],
        ["bad-date"],
    ),
    "an expiry in parentheses, then a scheme": (
        "Fairtrade, (Dec 2023), SA8000",
        [("Fairtrade", dt.date(2023, 12, 31)), ("SA8000", None)],
        [],
    ),
    "a year alone": ("Fairtrade, 2024", [("Fairtrade", None), ("2024", None)], []),
    "a name with a word that is no month": (
        "Fairtrade, Standard 2023",
        [("Fairtrade", None), ("Standard 2023", None)],
        [],
    ),
    "a date before any certification": (
        "12/2023, Fairtrade",
        [("Fairtrade", None)],
        ["bad-certification"],
    ),
    "a date after a certification's expiry": (
        "Fairtrade (valid until 2026-06-30), 12/2023",
        [("Fairtrade", dt.date(2026, 6, 30))],
        ["bad-date"],
    ),
}


@pytest.mark.parametrize(("cell", "read", "found"), LISTS.values(), ids=list(LISTS))
def test_a_list_of_certifications_and_dates(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]], found: list[str]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read
    assert problems.flatten(["type", "row", "column"]) == [
        [kind, 2, "Certifications"] for kind in found
    ]


def test_a_date_before_or_after_a_dated_certification_says_why(tmp_path: Path) -> None:
    _chain, problems = read_cell(tmp_path, "12/2023, Fairtrade")
    assert [p.message for p in problems.errors] == [
        "'12/2023' gives a date but no certification: write the certification's name"
        " before it, such as 'SA8000 valid until 2026-06-30'"
    ]
    _chain, problems = read_cell(tmp_path, "Fairtrade (valid until 2026-06-30), 12/2023")
    assert [p.message for p in problems.errors] == [
        "certification 'Fairtrade (valid until 2026-06-30)' is followed by '12/2023', a date"
        " without a word saying what it is, after the certification's own expiry: it is not"
        " read; remove it, or say what it is"
    ]


def test_a_yaml_date_after_a_certification_is_its_date(tmp_path: Path) -> None:
    """A YAML list's date ([Fairtrade, 2023-12-31]) is read as the cell's text is."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n"
        "  - {id: S1, name: Alpha, country: GHA, sector: cocoa farming,"
        " certifications: [Fairtrade, 2023-12-31]}\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [
        ("Fairtrade 2023-12-31", None)
    ]
    assert [(p.type, p.message) for p in problems.errors] == [
        (
            "bad-date",
            "certification 'Fairtrade 2023-12-31' ends with a date without saying what it"
            " is: if it is the expiry, write 'Fairtrade valid until 2023-12-31'",
        )
    ]


# a certification's name ending with numbers written as a full date that is none -> what
# its located bad-date says: no part of the name, and never credited (a standard's version,
# after a colon or a letter, is part of the name: READ)
NOT_A_DATE: dict[str, str] = {
    "SA8000 32/12/2023": (
        "32/12/2023 is not a date ('32/12/2023' does not exist: December 2023 has 31 days, not 32)"
    ),
    "SA8000 12/31/2023": "if it is December 31, write 2023-12-31",
}


@pytest.mark.parametrize(("cell", "said"), NOT_A_DATE.items(), ids=list(NOT_A_DATE))
def test_numbers_written_as_a_date_that_is_none_are_a_located_error(
    tmp_path: Path, cell: str, said: str
) -> None:
    chain, error = _the_bad_date(tmp_path, cell)
    assert error.message.startswith(f"certification {cell!r} ends with numbers written as")
    assert said in error.message
    assert error.message.endswith("such as 'SA8000 valid until 2026-06-30'")
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


# a certification's name ending with numbers that are no date -> read as its name, without
# an expiry (taken as current), with no error: a certificate's number after a word saying so
# (each was a bad-date, "there is no month 15", with the fix 'SA8000 No. valid until …'),
# and a month and its year whose month is none, which no word says is a date
NUMBERED: list[str] = [
    "SA8000 No. 15/2024",
    "Fairtrade (FLO 28/2019)",
    "SA8000 Cert. No. 07/2023",  # (a month that is one, after a certificate's number word)
    "SA8000 Nr. 07/2023",
    "SA8000 No 12/2023",
    "SA8000 # 03/2021",
    "Fairtrade (FLO 07/2019)",
    "SA8000 Certificate 2023-12",
    "SA8000 ID: 2024-01-01",
    "SA8000 Reg. 2021-2023",
    "SA8000 License 12/2020",
    "Fairtrade Licence 12/2020",
    "SA8000 13/2023",
    "SA8000 (13/2023)",
    "Fairtrade 00/2023",
    "SA8000 13.2023",
    "SA8000 2023-13",
    "SA8000 2023/15",
    # (a range of years beyond a certificate's, or its end in two digits more than ten
    # years on: a number)
    "REACH 1907/2006",
    "EU Organic Regulation 889/2008",
    "OEKO-TEX 100 2023/45",
    "SA8000 (1985-1990)",
    "SA8000 2024-2023",
]


@pytest.mark.parametrize("cell", NUMBERED, ids=NUMBERED)
def test_numbers_that_are_no_date_are_part_of_the_name(tmp_path: Path, cell: str) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.errors == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


# a certificate's number word before a date that is one, written with a month's name, or
# after an expiry word, reads as before: the date is the certificate's
STILL_DATED: dict[str, tuple[str, dt.date | None, str | None]] = {
    "a month's name after a number word": (
        "SA8000 Cert. Dec 2023",
        None,
        "ends with a date without saying what it is",
    ),
    "an impossible month after an expiry word": (
        "SA8000 valid until 13/2023",
        None,
        "valid until: '13/2023' does not exist: there is no month 13",
    ),
    "a number, then its expiry": (
        "SA8000 No. 12345 valid until 2026-06-30",
        dt.date(2026, 6, 30),
        None,
    ),
}


@pytest.mark.parametrize(("cell", "until", "said"), STILL_DATED.values(), ids=list(STILL_DATED))
def test_a_date_beside_a_number_word_is_read_as_before(
    tmp_path: Path, cell: str, until: dt.date | None, said: str | None
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert [p.type for p in problems.errors] == ([] if said is None else ["bad-date"])
    if said is not None:
        assert said in problems.errors[0].message
    assert [c.valid_until for c in chain.suppliers[0].certifications] == [until]


def test_a_certificate_number_is_credited_as_current(tmp_path: Path) -> None:
    """The cells of the reproduction cert_no.csv: three bad-date errors, no assessment. Each
    is credited as its scheme without a date is."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Certifications\n"
        "R0,A,GHA,cocoa farming,\n"
        "R1,B,GHA,cocoa farming,Fairtrade\n"
        "N1,C,GHA,cocoa farming,Fairtrade (FLO 28/2019)\n"
        "N2,D,GHA,cocoa farming,Fairtrade Cert. No. 07/2023\n",
        "utf-8",
    )
    result = assess([path], AssessOptions(as_of=dt.date(2026, 1, 10)))
    likelihood = {
        supplier: risk.by_type["forced_labour"].score.likelihood
        for supplier, risk in result.risks.items()
    }
    assert likelihood["R1"] < likelihood["R0"]
    assert likelihood["N1"] == likelihood["N2"] == likelihood["R1"]


# a certification with "thru" or "through" before its expiry -> the expiry read ("SA8000
# thru 2023-12-31" was refused, told to write 'SA8000 thru valid until 2023-12-31')
THROUGH: dict[str, tuple[str, dt.date]] = {
    "SA8000 thru 2023-12-31": ("SA8000", dt.date(2023, 12, 31)),
    "SA8000 through 31.12.2023": ("SA8000", dt.date(2023, 12, 31)),
    "Fairtrade THRU Dec 2023": ("Fairtrade", dt.date(2023, 12, 31)),
    "Fairtrade (through 2026-06-30)": ("Fairtrade", dt.date(2026, 6, 30)),
    "SA8000 valid through 2023-12-31": ("SA8000", dt.date(2023, 12, 31)),
}


@pytest.mark.parametrize(("cell", "read"), THROUGH.items(), ids=list(THROUGH))
def test_thru_and_through_give_the_expiry(
    tmp_path: Path, cell: str, read: tuple[str, dt.date]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.items == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [read]


# a certification with the day it was issued -> the name to write its expiry after. It is
# a located bad-date whose fix leaves the day it was issued out ('SA8000 issued 2019-01-01'
# was told to write 'SA8000 issued valid until 2019-01-01'); "valid from" and "valid since"
# were read as a name, and taken as current
ISSUED: dict[str, str] = {
    "SA8000 issued 2019-01-01": "SA8000",
    "SA8000 issued on 2019-01-01": "SA8000",
    "SA8000 issue date: 2019-01-01": "SA8000",
    "SA8000 date of issue 01.01.2019": "SA8000",
    "SA8000 (issued Jan 2019)": "SA8000",
    "Fairtrade since 12/2019": "Fairtrade",
    "Fairtrade certified since 2019-01-01": "Fairtrade",
    "SA8000 from 2019-01-01": "SA8000",
    "SA8000 valid from 2019-01-01": "SA8000",
    "SA8000 (valid since 2019-01-01)": "SA8000",
    "Rainforest Alliance - issued 2019-01-01": "Rainforest Alliance",
}


@pytest.mark.parametrize(("cell", "name"), ISSUED.items(), ids=list(ISSUED))
def test_the_day_a_certificate_was_issued_is_no_expiry(
    tmp_path: Path, cell: str, name: str
) -> None:
    chain, error = _the_bad_date(tmp_path, cell)
    told, fix = error.message.split(": write ")
    assert told.startswith(f"certification {cell!r} gives the day it was issued (")
    assert fix == f"its expiry date instead, such as '{name} valid until 2026-06-30'"
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


def test_a_period_from_the_day_it_was_issued_names_its_end(tmp_path: Path) -> None:
    """The words "valid from" before a period are the period's: 'SA8000 valid from
    2019-01-01 to 2023-12-31' was read as a name and taken as current."""
    _chain, problems = read_cell(tmp_path, "SA8000 valid from 2019-01-01 to 2023-12-31")
    assert [(p.type, p.message) for p in problems.errors] == [
        (
            "bad-date",
            "certification 'SA8000 valid from 2019-01-01 to 2023-12-31' ends with a period"
            " (valid from 2019-01-01 to 2023-12-31) and no expiry date: if it ends on the"
            " expiry, write 'SA8000 valid until 2023-12-31'",
        )
    ]
