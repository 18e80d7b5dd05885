"""A certification or an audit is credited once: one scheme under two of its names (in another
case, or an alias: BSCI and amfori BSCI), one audit listed twice (the same standard and date),
and a self-assessment is no audit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.config import Config
from ddtool.model import Audit, Certification, Supplier
from ddtool.profiles import load_profiles
from ddtool.scoring import Scorer

PROFILES = load_profiles()
AS_OF = dt.date(2026, 1, 1)
PASS, FAIL = "pass", "fail"
OCT, NOV = dt.date(2025, 10, 1), dt.date(2025, 11, 1)

# certifications -> the credit they earn together (at most 0.1: two schemes)
CERTIFICATIONS: dict[str, tuple[list[Certification], float]] = {
    "one scheme": ([Certification(name="SA8000")], 0.05),
    "two schemes": ([Certification(name="SA8000"), Certification(name="BSCI")], 0.1),
    "one scheme written alike twice": (
        [Certification(name="SA8000"), Certification(name="SA8000")],
        0.05,
    ),
    "one scheme in two cases": ([Certification(name="SA8000"), Certification(name="sa8000")], 0.05),
    "one scheme under two names": (
        [Certification(name="BSCI"), Certification(name="amfori BSCI")],
        0.05,
    ),
    "a name holding an alias": (
        [Certification(name="amfori BSCI audit"), Certification(name="BSCI")],
        0.05,
    ),
    "a name and its abbreviation": (
        [Certification(name="Fair Labor Association"), Certification(name="FLA")],
        0.05,
    ),
    "a scheme and another of its names, and a third scheme": (
        [
            # (not Better Cotton, credited at farms alone: this supplier is a garment maker)
            Certification(name="Fairtrade"),
            Certification(name="Fair Trade"),
            Certification(name="SA8000"),
        ],
        0.1,
    ),
    "expired and valid of one scheme": (
        [
            Certification(name="SA8000", valid_until=dt.date(2025, 1, 1)),
            Certification(name="sa8000", valid_until=dt.date(2027, 1, 1)),
        ],
        0.05,
    ),
}
# audits -> the sum of their adjustments (a credit negative, the failed audits' uplift positive)
AUDITS: dict[str, tuple[list[Audit], float]] = {
    "one audit": ([Audit(standard="SMETA", date=OCT, result=PASS)], -0.05),
    "two audits of two dates": (
        [
            Audit(standard="SMETA", date=OCT, result=PASS),
            Audit(standard="SMETA", date=NOV, result=PASS),
        ],
        -0.1,
    ),
    "one audit listed twice": (
        [
            Audit(standard="SMETA", date=OCT, result=PASS),
            Audit(standard="SMETA", date=OCT, result=PASS),
        ],
        -0.05,
    ),
    "one audit in two cases and two words for a pass": (
        [
            Audit(standard="SMETA", date=OCT, result=PASS),
            Audit(standard="smeta", date=OCT, result="passed"),
        ],
        -0.05,
    ),
    "one audit under two names of its scheme": (
        [
            Audit(standard="BSCI", date=OCT, result=PASS),
            Audit(standard="amfori BSCI", date=OCT, result=PASS),
        ],
        -0.05,
    ),
    "an audit and a self-assessment questionnaire": (
        [
            Audit(standard="SMETA", date=OCT, result=PASS),
            Audit(standard="self-assessment questionnaire", date=NOV, result=PASS),
        ],
        -0.05,
    ),
    "a self-assessment alone": ([Audit(standard="Sedex SAQ", date=OCT, result=PASS)], 0.0),
    "a self-assessment in German": (
        [Audit(standard="Lieferanten-Selbstauskunft", date=OCT, result=PASS)],
        0.0,
    ),
    "a failed self-assessment is still a failure": (
        [Audit(standard="Self Assessment", date=OCT, result=FAIL)],
        0.1,
    ),
    "one audit listed as passed and as failed": (
        [
            Audit(standard="SMETA", date=OCT, result=PASS),
            Audit(standard="SMETA", date=OCT, result=FAIL),
        ],
        0.1,
    ),
}


def _adjustments(
    certifications: list[Certification], audits: list[Audit]
) -> list[tuple[str, float]]:
    supplier = Supplier(
        id="P",
        country="PRT",
        sector="garment-manufacturing",
        sector_raw="garment-manufacturing",
        certifications=certifications,
        audits=audits,
    )
    risk = Scorer(PROFILES, Config(), AS_OF).score(supplier, "garment-manufacturing")
    return list(risk.by_type["forced_labour"].adjustments)


@pytest.mark.parametrize(
    ("certifications", "credit"), CERTIFICATIONS.values(), ids=list(CERTIFICATIONS)
)
def test_a_scheme_is_credited_once(certifications: list[Certification], credit: float) -> None:
    adjustments = _adjustments(certifications, [])
    assert round(-sum(delta for _, delta in adjustments), 4) == credit
    # every certification held is on record, the one not credited again said so
    assert len(adjustments) == len(certifications)


@pytest.mark.parametrize(("audits", "total"), AUDITS.values(), ids=list(AUDITS))
def test_an_audit_is_credited_once_and_a_self_assessment_not(
    audits: list[Audit], total: float
) -> None:
    adjustments = _adjustments([], audits)
    assert round(sum(delta for _, delta in adjustments), 4) == total
    assert len(adjustments) == len(audits)


@pytest.mark.parametrize(
    ("certifications", "audits", "said"),
    [
        (
            [Certification(name="SA8000"), Certification(name="sa8000")],
            [],
            "certification 'sa8000' valid (no expiry date given: taken as current): no further"
            " credit (the same scheme as 'SA8000', credited once)",
        ),
        (
            [Certification(name="BSCI"), Certification(name="amfori BSCI")],
            [],
            "certification 'BSCI' valid (no expiry date given: taken as current): no further"
            " credit (the same scheme as 'amfori BSCI', credited once)",
        ),
        (
            [],
            [Audit(standard="SMETA", date=OCT, result=PASS)] * 2,
            "audit 'SMETA' of 2025-10-01 passed: no further credit (the same audit as 'SMETA' of"
            " 2025-10-01, credited once)",
        ),
        (
            [],
            [Audit(standard="self-assessment questionnaire", date=NOV, result=PASS)],
            "audit 'self-assessment questionnaire' of 2025-11-01 passed: a self-assessment, not"
            " an audit: no credit",
        ),
        (
            [],
            [
                Audit(standard="SMETA", date=OCT, result=PASS),
                Audit(standard="SMETA", date=OCT, result=FAIL),
            ],
            "audit 'SMETA' of 2025-10-01 passed: no credit (the same audit is also listed as"
            " failed)",
        ),
    ],
)
def test_what_is_not_credited_says_why(
    certifications: list[Certification], audits: list[Audit], said: str
) -> None:
    assert (said, 0.0) in _adjustments(certifications, audits)


@pytest.mark.parametrize(
    ("standard", "self_assessment"),
    [
        ("self-assessment questionnaire", True),
        ("SAQ", True),
        ("Sedex SAQ", True),
        ("Supplier questionnaire", True),
        ("Self-declaration", True),
        ("Selbstauskunft", True),
        ("Selbsteinschätzung", True),
        ("Autoévaluation", True),
        ("autoevaluación", True),
        ("SMETA", False),
        ("amfori BSCI", False),
        ("audit", False),  # (a standard not given)
        ("second-party audit", False),
        ("SLCP", False),
        ("SMETA 4-pillar (SAQ completed)", False),
        ("RBA SAQ", True),
    ],
)
def test_a_self_assessment_is_told_by_its_standard(standard: str, self_assessment: bool) -> None:
    from ddtool.schemes import audit_standards

    assert audit_standards().self_assessment(standard) is self_assessment


def test_the_chain_of_a_certification_listed_twice_scores_as_one(tmp_path: Path) -> None:
    """Portuguese garment makers, 20 % migrants: one SA8000 gave forced labour 0.3579
    (medium, flagged); SA8000 listed twice, or BSCI under both its names, gave 0.3079 (low, no
    flag); the same audit twice, or an audit and a self-assessment, likewise."""
    made = "country: Portugal, sector: garment-manufacturing, migrant_pct: 20"
    audit = "{standard: SMETA, date: 2025-10-01, result: pass}"
    held = {
        "P1": "certifications: [SA8000]",
        "P2": "certifications: [SA8000, sa8000]",
        "P3": "certifications: [BSCI, amfori BSCI]",
        "P4": f"audits: [{audit}]",
        "P5": f"audits: [{audit}, {audit}]",
        "P6": f"audits: [{audit}, {{standard: self-assessment questionnaire, date: 2025-10-02,"
        " result: pass}]",
    }
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: Acme, country: Germany, sector: apparel-retail}\nsuppliers:\n"
        + "".join(f"  - {{id: {i}, name: {i}, {made}, {text}}}\n" for i, text in held.items()),
        "utf-8",
    )
    out = tmp_path / "a.json"
    result = CliRunner().invoke(
        app, ["assess", str(chain), "-q", "--as-of", "2026-11-27", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text("utf-8"))
    forced = {
        s["id"]: (s["risk"]["forced_labour"]["likelihood"], s["risk"]["forced_labour"]["level"])
        for s in doc["suppliers"]
        if not s["inferred"]
    }
    assert forced == dict.fromkeys(held, (0.3579, "medium"))
    flagged = {f["supplier_id"] for f in doc["flags"] if f["risk_type"] == "forced_labour"}
    assert set(held) <= flagged
