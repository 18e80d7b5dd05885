"""A certification followed by a month and its year, or by a period, with no word saying what
it is, and one whose renewal failed: neither is credited as a current certificate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chain_support import read_cell

from ddtool.assess import AssessOptions, assess
from ddtool.schemes import certification_not_held

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
}


@pytest.mark.parametrize("case", list(UNSAID), ids=list(UNSAID))
def test_a_date_or_period_without_a_word_is_a_located_error(tmp_path: Path, case: str) -> None:
    _chain, problems = read_cell(tmp_path, CELLS[case])
    [error] = problems.errors
    assert (error.type, error.location.row, error.location.column) == (
        "bad-date",
        2,
        "Certifications",
    )
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
