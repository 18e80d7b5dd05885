"""A grade is read only where the words after it say what it is, wherever it is written: after
a word of grading ('Rating C'), first ('C') or after the scheme's name ('amfori BSCI C'). A
grade followed by a word of the other outcome ('Rating: C (failed)', 'Note B (unzureichend)')
or by other words ('Grade B - 3 findings', 'Rating A lot of issues') is no grade: the audit is
not counted, and reading it gives a warning, never the credit of a pass."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddtool.config import Config
from ddtool.model import Audit, Supplier
from ddtool.profiles import load_profiles
from ddtool.schemes import certification_not_held, read_audit_result
from ddtool.scoring import Scorer
from ddtool.sources import read_chain

PROFILES = load_profiles()
AS_OF = dt.date(2026, 11, 27)
MAY = dt.date(2026, 5, 1)

# an audit's standard and result -> what the score makes of it ('passed', 'failed' or None,
# not counted) and the grade its evidence shows (or None)
RESULTS: dict[str, tuple[str, str, str | None, str | None]] = {
    # a grade after a word of grading, then a word of the other outcome: which is meant?
    "rating, failed in parentheses": ("amfori BSCI", "Rating: C (failed)", None, None),
    "rating, failed after a dash": ("amfori BSCI", "Rating C - failed", None, None),
    "rating, zero tolerance": ("amfori BSCI", "Rating C - zero tolerance", None, None),
    "rating, a zero-tolerance finding": (
        "amfori BSCI",
        "Rating C, zero tolerance finding",
        None,
        None,
    ),
    "rating, fail": ("amfori BSCI", "Rating B: fail", None, None),
    "rating, unacceptable": ("amfori BSCI", "rating B (unacceptable)", None, None),
    "rating, insufficient": ("amfori BSCI", "Rating B - insufficient", None, None),
    "note, unzureichend": ("amfori BSCI", "Note B (unzureichend)", None, None),
    "note, nicht bestanden": ("amfori BSCI", "Note C (nicht bestanden)", None, None),
    "rating, not passed": ("amfori BSCI", "Rating C - not passed", None, None),
    "rating, échoué": ("amfori BSCI", "Rating B (échoué)", None, None),
    "Bewertung, insuffisant": ("amfori BSCI", "Bewertung C (insuffisant)", None, None),
    "rating, left open": ("amfori BSCI", "Rating C (pending)", None, None),
    "a failing grade said good": ("amfori BSCI", "Grade D (good)", None, None),
    "a level said expired": ("WRAP", "Rating Gold (expired)", None, None),
    # a grade after a word of grading, then other words: no grade
    "grade, findings": ("amfori BSCI", "Grade B - 3 findings", None, None),
    "rating, a letter that is a word": ("amfori BSCI", "Rating A lot of issues", None, None),
    # the same without a word of grading, as before
    "failed in parentheses": ("amfori BSCI", "C (failed)", None, None),
    "failed after a dash": ("amfori BSCI", "B - failed", None, None),
    "the other outcome": ("amfori BSCI", "B (insufficient)", None, None),
    "findings": ("amfori BSCI", "B - 3 findings", None, None),
    "a letter that is a word": ("amfori BSCI", "A lot of issues", None, None),
    "described, then zero tolerance": ("amfori BSCI", "C (acceptable) zero tolerance", None, None),
    # words that say what the grade is, wherever it is written: read
    "rating alone": ("amfori BSCI", "Rating C", "passed", "rating C (acceptable)"),
    "overall rating": ("amfori BSCI", "Overall rating: C", "passed", "rating C (acceptable)"),
    "rating, described": ("amfori BSCI", "Rating: B (good)", "passed", "rating B (acceptable)"),
    "note, described in German": (
        "amfori BSCI",
        "Note C (akzeptabel)",
        "passed",
        "note C (acceptable)",
    ),
    "rating, failing and failed": (
        "amfori BSCI",
        "Rating D - nicht bestanden",
        "failed",
        "rating D (insufficient)",
    ),
    "rating, failing and zero tolerance": (
        "amfori BSCI",
        "Rating E (zero tolerance)",
        "failed",
        "rating E (unacceptable)",
    ),
    "described and failed": (
        "amfori BSCI",
        "D (insufficient) - failed",
        "failed",
        "grade D (insufficient)",
    ),
    "described and failed, in German": (
        "amfori BSCI",
        "D (unzureichend, nicht bestanden)",
        "failed",
        "grade D (insufficient)",
    ),
    "described and passed": ("amfori BSCI", "C (acceptable) - pass", "passed", "grade C"),
    "a level, described": ("WRAP", "Rating: Gold certification", "passed", "rating Gold"),
}


def _adjustment(audit: Audit) -> tuple[str, float]:
    supplier = Supplier(
        id="P",
        country="BGD",
        sector="garment-manufacturing",
        sector_raw="garment-manufacturing",
        audits=[audit],
    )
    risk = Scorer(PROFILES, Config(), AS_OF).score(supplier, "garment-manufacturing")
    [adjustment] = risk.by_type["human_trafficking"].adjustments
    return adjustment


@pytest.mark.parametrize(
    ("standard", "result", "outcome", "shown"), RESULTS.values(), ids=list(RESULTS)
)
def test_a_grade_is_read_only_where_the_words_after_it_say_what_it_is(
    standard: str, result: str, outcome: str | None, shown: str | None
) -> None:
    read = read_audit_result(standard, result)
    assert read.outcome == outcome
    assert (read.grade is None) is (shown is None)
    if read.grade is not None and shown is not None:
        assert read.grade.shown().startswith(shown)
    label, delta = _adjustment(Audit(standard=standard, date=MAY, result=result))
    if outcome is None:
        assert round(delta, 4) == 0.0
        assert f"result {result!r}: not counted" in label
    else:
        assert round(delta, 4) == (-0.05 if outcome == "passed" else 0.1)
        assert f": {shown}" in label and label.endswith(outcome)


def test_a_grade_said_to_have_failed_is_a_warning_not_a_pass(tmp_path: Path) -> None:
    """'Rating: C (failed)' and 'Rating C - zero tolerance' were credited as passed (-0.05),
    without a warning, where 'C (failed)' was a warning and not counted."""
    path = tmp_path / "aud.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Audit standard,Audit date,Audit result\n"
        "G1,a,BGD,garment manufacturing,amfori BSCI,2026-05-01,Rating: C (failed)\n"
        "G2,b,BGD,garment manufacturing,amfori BSCI,2026-05-01,C (failed)\n"
        "G3,c,BGD,garment manufacturing,amfori BSCI,2026-05-01,Rating C - zero tolerance\n"
        "G4,d,BGD,garment manufacturing,amfori BSCI,2026-05-01,fail\n"
        "G5,e,BGD,garment manufacturing,amfori BSCI,2026-05-01,Rating C\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=PROFILES)
    warned = [p.location.row for p in problems.items if p.type == "unknown-audit-result"]
    assert warned == [2, 3, 4]
    deltas = {s.id: round(_adjustment(s.audits[0])[1], 4) for s in chain.suppliers if s.audits}
    assert deltas == {"G1": 0.0, "G2": 0.0, "G3": 0.0, "G4": 0.1, "G5": -0.05}


# a certification's name -> what in it says it is not held (None: held): a failing grade
# after a word of grading says so whatever follows it, as a certification is credited only
# where held; a passing one, or a failing one after the scheme's name with other words
# after it, does not
CERTIFICATIONS: dict[str, tuple[str, str | None]] = {
    "a failing grade": ("amfori BSCI rating E", "rating e"),
    "a failing grade and its year": ("amfori BSCI (rating D, 2024)", "rating d"),
    "a failing grade said good": ("BSCI rating D (good)", "rating d"),
    "a failing grade, described": ("amfori BSCI D (insufficient)", "bsci d"),
    "a passing grade said failed": ("amfori BSCI rating C (failed)", "failed"),
    "a passing grade": ("amfori BSCI rating B", None),
    "'and' in Portuguese": ("amfori BSCI e SA8000", None),
}


@pytest.mark.parametrize(("name", "said"), CERTIFICATIONS.values(), ids=list(CERTIFICATIONS))
def test_a_certifications_failing_grade_says_it_is_not_held(name: str, said: str | None) -> None:
    assert certification_not_held(name) == said
