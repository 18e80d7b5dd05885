"""Certifications and audits give the same score and evidence in whatever order a file lists
them: which of them is "no further credit" does not follow the file's order."""

from __future__ import annotations

import datetime as dt
from itertools import permutations

import pytest

from ddtool.config import Config
from ddtool.model import Audit, Certification, Supplier
from ddtool.profiles import load_profiles
from ddtool.scoring import Scorer

PROFILES = load_profiles()
AS_OF = dt.date(2026, 1, 1)

CERTIFICATIONS = {
    "three valid, two credited": [
        Certification(name="SA8000"),
        Certification(name="amfori BSCI"),
        Certification(name="WRAP"),
    ],
    "expired and valid of one scheme": [
        Certification(name="SA8000", valid_until=dt.date(2025, 1, 1)),
        Certification(name="SA8000", valid_until=dt.date(2027, 1, 1)),
        Certification(name="WRAP"),
    ],
}
AUDITS = {
    "three passed, two credited": [
        Audit(standard="SMETA", date=dt.date(2025, 6, 1), result="passed"),
        Audit(standard="BSCI", date=dt.date(2025, 3, 1), result="passed"),
        Audit(standard="SA8000", date=dt.date(2025, 9, 1), result="passed"),
    ],
    "passed, failed and undated": [
        Audit(standard="SMETA", date=dt.date(2025, 6, 1), result="passed"),
        Audit(standard="SMETA", date=dt.date(2025, 6, 1), result="failed"),
        Audit(standard="BSCI", date=None, result="passed"),
        Audit(standard="BSCI", date=dt.date(2025, 8, 1), result="passed"),
    ],
}


def _evidence(certifications: list[Certification], audits: list[Audit]) -> list[object]:
    supplier = Supplier(
        id="S",
        country="BGD",
        sector="garment-manufacturing",
        sector_raw="garment-manufacturing",
        certifications=certifications,
        audits=audits,
    )
    risk = Scorer(PROFILES, Config(), AS_OF).score(supplier, "garment-manufacturing")
    return [
        (rt, d.adjustments, d.score, list(d.evidence)) for rt, d in sorted(risk.by_type.items())
    ]


@pytest.mark.parametrize("certifications", CERTIFICATIONS.values(), ids=list(CERTIFICATIONS))
@pytest.mark.parametrize("audits", AUDITS.values(), ids=list(AUDITS))
def test_the_order_of_certifications_and_audits_changes_nothing(
    certifications: list[Certification], audits: list[Audit]
) -> None:
    first = _evidence(certifications, audits)
    assert len(first[0][1]) >= len(certifications) + len(audits)  # each one on record
    for certs in permutations(certifications):
        for held in permutations(audits):
            assert _evidence(list(certs), list(held)) == first


def test_the_latest_audits_take_the_credit() -> None:
    """Of three passed audits (two count), the oldest is the one without further credit."""
    adjustments = _evidence([], AUDITS["three passed, two credited"])[0][1]
    without = [text for text, delta in adjustments if "no further credit" in text]
    assert without == [
        "audit 'BSCI' of 2025-03-01 passed: no further credit (passed audits count at most 0.1)"
    ]
