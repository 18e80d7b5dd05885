"""A certificate is not credited where the latest audit of the same scheme failed: a
Fairtrade certificate beside a Fairtrade audit 'non-compliant', 'BSCI' beside an amfori
BSCI grade E. Before, both were counted: the certificate's credit (-0.05) and the failed
audit's uplift (+0.10)."""

from __future__ import annotations

import datetime as dt

import pytest

from ddtool.config import Config
from ddtool.model import Audit, Certification, Supplier
from ddtool.profiles import load_profiles
from ddtool.scoring import Scorer

PROFILES = load_profiles()
AS_OF = dt.date(2026, 6, 1)
OLD, NEW = dt.date(2025, 9, 1), dt.date(2026, 3, 1)

# (certifications, audits) -> the certification credits (negative) they earn
Named = str | tuple[str, dt.date]  # a certification's name, or its name and expiry date
CASES: dict[str, tuple[list[Named], list[tuple[str, dt.date, str]], float]] = {
    "Fairtrade, its audit failed": (["Fairtrade"], [("Fairtrade", OLD, "non-compliant")], 0.0),
    "BSCI, amfori BSCI grade E": (["BSCI"], [("amfori BSCI", NEW, "E")], 0.0),
    "SA8000, its audit failed": (["SA8000"], [("SA 8000", NEW, "fail")], 0.0),
    # a later pass of the scheme: the certificate stands
    "Fairtrade, failed then passed": (
        ["Fairtrade"],
        [("Fairtrade", OLD, "fail"), ("Fairtrade", NEW, "pass")],
        -0.05,
    ),
    # failed after a pass: not credited
    "Fairtrade, passed then failed": (
        ["Fairtrade"],
        [("Fairtrade", OLD, "pass"), ("Fairtrade", NEW, "fail")],
        0.0,
    ),
    # another scheme's failure: the certificate stands
    "SA8000, a SMETA audit failed": (["SA8000"], [("SMETA", NEW, "fail")], -0.05),
    "two schemes, one failed": (
        ["SA8000", "Fairtrade"],
        [("Fairtrade", NEW, "non-compliant")],
        -0.05,
    ),
    # an audit too old to count says nothing of the certificate now
    "Fairtrade, an old failed audit": (
        ["Fairtrade"],
        [("Fairtrade", dt.date(2022, 1, 1), "fail")],
        -0.05,
    ),
    # an audit of another site, unit or a subcontractor says nothing of the supplier's own
    # certificate. Before: no credit
    "SA8000, its subcontractor site's audit failed": (
        ["SA8000"],
        [("SA8000 (subcontractor site)", NEW, "failed"), ("SA8000", OLD, "passed")],
        -0.05,
    ),
    "SA8000, a sub-contractor's audit failed": (
        ["SA8000"],
        [("SA8000 sub-contractor", NEW, "failed")],
        -0.05,
    ),
    "amfori BSCI, its second unit failed": (
        ["amfori BSCI"],
        [("amfori BSCI - second unit", NEW, "E")],
        -0.05,
    ),
    "SA8000, its site 2 failed": (["SA8000"], [("SA8000 site 2", NEW, "fail")], -0.05),
    # a certificate expiring more than 3 years after the failed audit was most likely issued
    # after it (ddtool's own rule): it stands. Before: no credit
    "SA8000 valid until 2028-09-30, failed 2025-03-01": (
        [("SA8000", dt.date(2028, 9, 30))],
        [("SA8000", dt.date(2025, 3, 1), "failed")],
        -0.05,
    ),
    # within 3 years of it: not credited, as before
    "SA8000 valid until 2028-03-01, failed 2025-03-01": (
        [("SA8000", dt.date(2028, 3, 1))],
        [("SA8000", dt.date(2025, 3, 1), "failed")],
        0.0,
    ),
    "SA8000 valid until 2027-06-30, failed 2026-03-01": (
        [("SA8000", dt.date(2027, 6, 30))],
        [("SA8000", NEW, "failed")],
        0.0,
    ),
}


def _adjustments(
    certifications: list[Named], audits: list[tuple[str, dt.date, str]]
) -> list[tuple[str, float]]:
    supplier = Supplier(
        id="P",
        country="HND",
        sector="coffee-farming",
        sector_raw="coffee-farming",
        certifications=[
            Certification(name=c)
            if isinstance(c, str)
            else Certification(name=c[0], valid_until=c[1])
            for c in certifications
        ],
        audits=[Audit(standard=s, date=d, result=r) for s, d, r in audits],
    )
    risk = Scorer(PROFILES, Config(), AS_OF).score(supplier, "coffee-farming")
    return list(risk.by_type["forced_labour"].adjustments)


@pytest.mark.parametrize(("certifications", "audits", "credit"), CASES.values(), ids=list(CASES))
def test_a_certificate_is_not_credited_where_its_schemes_latest_audit_failed(
    certifications: list[Named], audits: list[tuple[str, dt.date, str]], credit: float
) -> None:
    adjustments = _adjustments(certifications, audits)
    certified = [d for label, d in adjustments if label.startswith("certification ")]
    assert round(sum(certified), 4) == credit
    assert len(certified) == len(certifications)  # (each on record)


# a certificate -> what its evidence says where the latest audit of its scheme failed
WHY: dict[str, tuple[Named, str]] = {
    "no expiry": (
        "BSCI",
        "certification 'BSCI' held (no expiry date given: taken as current), but not credited:"
        " the latest audit of the same scheme ('amfori BSCI', 2026-03-01) failed",
    ),
    "with expiry": (
        ("BSCI", dt.date(2027, 6, 30)),
        "certification 'BSCI' held (valid until 2027-06-30), but not credited: the latest"
        " audit of the same scheme ('amfori BSCI', 2026-03-01) failed",
    ),
}


@pytest.mark.parametrize(("certification", "said"), WHY.values(), ids=list(WHY))
def test_the_evidence_says_why(certification: Named, said: str) -> None:
    adjustments = _adjustments([certification], [("amfori BSCI", NEW, "E")])
    assert (said, 0.0) in adjustments


# (case, certifications, audits, the certification's credit, what its evidence says)
PROGRAMMES: list[tuple[str, list[Named], list[tuple[str, dt.date, str]], float, str]] = [
    ("the programme's name alone", ["amfori BSCI"], [], -0.05, "taken as current"),
    # the same audit written in both columns: credited once, as the audit
    (
        "its audit passed, in the window",
        ["amfori BSCI"],
        [("amfori BSCI", NEW, "B")],
        0.0,
        "no further credit (the same scheme's audit 'amfori BSCI' of 2026-03-01 is credited",
    ),
    # its latest audit aged out: no current 'certificate' either
    (
        "its audit out of the window",
        ["amfori BSCI"],
        [("amfori BSCI", dt.date(2021, 2, 1), "B")],
        0.0,
        "not taken as current, the latest audit of the same scheme ('amfori BSCI',"
        " 2021-02-01) is older than 24 months",
    ),
    ("SMETA, its audit passed", ["SMETA"], [("SMETA", NEW, "passed")], 0.0, "no further credit"),
    # a smelter's RMAP status beside its RMAP assessment: one assessment, credited once
    (
        "RMAP conformant, its assessment conformant",
        ["RMAP conformant"],
        [("RMAP", NEW, "conformant")],
        0.0,
        "no further credit",
    ),
    # a scheme that certifies keeps its certificate beside its audit
    ("SA8000 beside its audit", ["SA8000"], [("SA8000", NEW, "passed")], -0.05, "valid"),
    (
        "Fairtrade beside an old audit",
        ["Fairtrade"],
        [("Fairtrade", dt.date(2021, 1, 1), "pass")],
        -0.05,
        "valid",
    ),
    # an expiry date given: a certificate as written
    (
        "BSCI with an expiry date",
        [("amfori BSCI", dt.date(2027, 1, 1))],
        [("amfori BSCI", NEW, "B")],
        -0.05,
        "valid until 2027-01-01",
    ),
]


@pytest.mark.parametrize(
    ("certifications", "audits", "credit", "said"),
    [p[1:] for p in PROGRAMMES],
    ids=[p[0] for p in PROGRAMMES],
)
def test_an_audit_programmes_name_among_certifications_is_its_audit(
    certifications: list[Named], audits: list[tuple[str, dt.date, str]], credit: float, said: str
) -> None:
    """amfori BSCI and SMETA issue audit ratings, not certificates: 'amfori BSCI' in an ERP's
    certifications column beside the BSCI audit earned the credit twice, and beside a
    five-year-old audit still earned a certificate's credit for ever."""
    adjustments = _adjustments(certifications, audits)
    [(label, effect)] = [(la, d) for la, d in adjustments if la.startswith("certification ")]
    assert round(effect, 4) == credit
    assert said in label
