"""An audit is credited only where its standard audits labour conditions, and a certification
only where it is held: a passed food-safety, quality, environmental or chain-of-custody audit
lowers no labour risk, a failed one raises none, and 'Fairtrade (suspended)' or 'not
Fairtrade certified' is no Fairtrade certificate."""

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
from ddtool.sources import read_chain

PROFILES = load_profiles()
AS_OF = dt.date(2026, 11, 27)
MAY = dt.date(2026, 5, 1)
NO_LABOUR = "not a labour audit"
NOT_KNOWN = "not known to audit labour conditions"

# an audit's standard and result -> the sum of its adjustments, and what its evidence says
AUDITS: dict[str, tuple[str, str, float, str]] = {
    "a social audit": ("SMETA", "pass", -0.05, "audit 'SMETA' of 2026-05-01 passed"),
    "a social audit, failed": ("SMETA", "fail", 0.1, "audit 'SMETA' of 2026-05-01 failed"),
    "an audit of a recognised scheme": ("Rainforest Alliance", "pass", -0.05, "passed"),
    "a programme in the settings' labour audits": ("RBA VAP", "pass", -0.05, "passed"),
    "minerals due diligence": ("RMI RMAP", "pass", -0.05, "passed"),
    "a buyer's code-of-conduct audit": ("Acme code of conduct audit", "pass", -0.05, "passed"),
    "a social audit in German": ("Sozialaudit", "pass", -0.05, "passed"),
    "an ethical trade audit of a food-safety body": ("BRCGS Ethical Trade", "pass", -0.05, ""),
    "a social audit with an environment pillar": (
        "SMETA 4-pillar incl. environment",
        "pass",
        -0.05,
        "",
    ),
    "food safety": (
        "BRCGS Food Safety",
        "pass",
        0.0,
        f"audit 'BRCGS Food Safety' of 2026-05-01 passed: {NO_LABOUR} (food safety): no credit",
    ),
    "quality": ("ISO 9001", "pass", 0.0, f"{NO_LABOUR} (quality): no credit"),
    "environmental": ("ISO 14001", "pass", 0.0, f"{NO_LABOUR} (environmental): no credit"),
    "the MSC fisheries standard": ("MSC", "pass", 0.0, f"{NO_LABOUR} (environmental)"),
    "chain of custody": (
        "MSC Chain of Custody",
        "pass",
        0.0,
        f"{NO_LABOUR} (chain of custody): no credit",
    ),
    "chain of custody of a scheme that audits farms": (
        "Rainforest Alliance Chain of Custody",
        "pass",
        0.0,
        f"{NO_LABOUR} (chain of custody)",
    ),
    "occupational safety management": ("ISO 45001", "pass", 0.0, f"{NO_LABOUR} (occupational"),
    "a failed food-safety audit": (
        "BRCGS Food Safety",
        "fail",
        0.0,
        f"audit 'BRCGS Food Safety' of 2026-05-01 failed: {NO_LABOUR} (food safety): no uplift",
    ),
    "an unknown standard": ("Customer audit", "pass", 0.0, f"passed: {NOT_KNOWN}: no credit"),
    "no standard given": (
        "audit",
        "pass",
        0.0,
        f"passed: no standard given, so {NOT_KNOWN}: no credit",
    ),
    "an unknown standard, failed": (
        "Customer audit",
        "fail",
        0.1,
        f"failed ({NOT_KNOWN}: a failure counts all the same)",
    ),
    "a name holding a scheme's letters is not it": ("Firma Müller Audit", "pass", 0.0, NOT_KNOWN),
}

# a certification's name -> the credit it earns, and what its evidence says
CERTIFICATIONS: dict[str, tuple[str, float, str]] = {
    "held": ("Fairtrade", 0.05, "valid (no expiry date given: taken as current)"),
    "suspended": ("Fairtrade (suspended)", 0.0, "not held (it says 'suspended'): no credit"),
    "decertified": ("Rainforest Alliance - decertified", 0.0, "(it says 'decertified')"),
    "an applicant": ("Fairtrade applicant", 0.0, "(it says 'applicant')"),
    "in progress": ("SA8000 in progress", 0.0, "(it says 'in progress')"),
    "denied": ("not Fairtrade certified", 0.0, "(it says 'not')"),
    "revoked": ("SA8000 revoked", 0.0, "(it says 'revoked')"),
    "withdrawn": ("BSCI withdrawn", 0.0, "(it says 'withdrawn')"),
    "non-conformant": ("RMAP non-conformant", 0.0, "(it says 'non conformant')"),
    "denied in German": ("kein Fairtrade", 0.0, "(it says 'kein')"),
    "denied in Spanish": ("sin certificación Fairtrade", 0.0, "(it says 'sin')"),
    "suspended in French": ("Fairtrade (suspendu)", 0.0, "(it says 'suspendu')"),
    "a denial at the end": ("Fairtrade: no", 0.0, "(it says 'no')"),
    "a word of holding denied": ("SA8000 not certified", 0.0, "(it says 'not')"),
    "applied for": ("Fairtrade applied for", 0.0, "(it says 'applied for')"),
    "a denial of something else": ("Fairtrade (non-GMO)", 0.05, "valid"),
    "a word only like a status": ("SA8000 applied to all sites", 0.05, "valid"),
    "a renewal's status": ("SA8000, renewal in progress", 0.05, "valid"),
    # a chain-of-custody certificate of a scheme the settings do not list is told as one, as
    # one of a listed scheme is: it was 'not a recognised social scheme'
    "a chain of custody of a scheme not listed": (
        "MSC Chain of Custody",
        0.0,
        ": not a labour certification (chain of custody): no credit",
    ),
    "a chain of custody, abbreviated": (
        "MSC CoC",
        0.0,
        ": not a labour certification (chain of custody): no credit",
    ),
    "an environmental standard alone is no labour certification": (
        "MSC",
        0.0,
        ": not a labour certification (environmental): no credit",
    ),
    "a name of no scheme": (
        "Our Own Label",
        0.0,
        ": not among the settings' recognised certifications",
    ),
    # a certificate of a programme whose audits are credited (the settings' labour_audits):
    # it was 'not a recognised social scheme', beside its audit credited
    "a labour audit programme's certificate": (
        "RJC COP",
        0.0,
        ": of a labour audit programme (the settings' labour_audits), not a certification"
        " ddtool credits: its audit, given with its date and result, is credited",
    ),
}


def _adjustments(
    certifications: list[Certification], audits: list[Audit], config: Config | None = None
) -> list[tuple[str, float]]:
    supplier = Supplier(
        id="P",
        country="THA",
        sector="seafood-processing",
        sector_raw="seafood-processing",
        certifications=certifications,
        audits=audits,
    )
    scorer = Scorer(PROFILES, config or Config(), AS_OF)
    risk = scorer.score(supplier, "seafood-processing")
    return list(risk.by_type["child_labour"].adjustments)


@pytest.mark.parametrize(("standard", "result", "total", "said"), AUDITS.values(), ids=list(AUDITS))
def test_an_audit_counts_only_where_it_audits_labour_conditions(
    standard: str, result: str, total: float, said: str
) -> None:
    [(label, delta)] = _adjustments([], [Audit(standard=standard, date=MAY, result=result)])
    assert round(delta, 4) == total
    assert said in label


@pytest.mark.parametrize(
    ("name", "credit", "said"), CERTIFICATIONS.values(), ids=list(CERTIFICATIONS)
)
def test_a_certification_not_held_earns_nothing(name: str, credit: float, said: str) -> None:
    [(label, delta)] = _adjustments([Certification(name=name)], [])
    assert round(-delta, 4) == credit
    assert label.startswith(f"certification '{name}'") and said in label


def test_non_labour_audits_do_not_fill_the_cap_of_labour_audits() -> None:
    """Two food-safety passes first (the latest first) leave room for the social audit."""
    audits = [
        Audit(standard="BRCGS Food Safety", date=MAY, result="pass"),
        Audit(standard="IFS Food", date=MAY, result="pass"),
        Audit(standard="SMETA", date=dt.date(2026, 3, 1), result="pass"),
        Audit(standard="amfori BSCI", date=dt.date(2026, 2, 1), result="pass"),
    ]
    adjustments = _adjustments([], audits)
    assert round(sum(delta for _, delta in adjustments), 4) == -0.1
    assert [d for label, d in adjustments if "SMETA" in label or "BSCI" in label] == [-0.05] * 2


def test_the_settings_name_a_buyers_own_audit_as_a_labour_audit() -> None:
    audit = Audit(standard="Acme supplier audit", date=MAY, result="pass")
    assert _adjustments([], [audit])[0][1] == 0.0
    config = Config(labour_audits=[*Config().labour_audits, "Acme supplier audit"])
    assert _adjustments([], [audit], config) == [
        ("audit 'Acme supplier audit' of 2026-05-01 passed", -0.05)
    ]


CANNERY = """\
company: {name: Audit Test GmbH, country: DE}
suppliers:
  - {id: A0, name: none, country: THA, sector: seafood-processing, products: [canned tuna]}
  - id: A1
    name: foodsafety
    country: THA
    sector: seafood-processing
    products: [canned tuna]
    audits:
      - {standard: BRCGS Food Safety, date: 2026-05-01, result: pass}
      - {standard: ISO 9001, date: 2026-03-01, result: pass}
  - id: A2
    name: msc
    country: THA
    sector: seafood-processing
    products: [canned tuna]
    audits:
      - {standard: MSC Chain of Custody, date: 2026-05-01, result: pass}
"""
COCOA = """\
company: {name: Cert Test GmbH, country: DE}
suppliers:
  - {id: C0, name: none, country: GHA, sector: cocoa-farming, products: [cocoa beans]}
  - {id: C1, name: suspended, country: GHA, sector: cocoa-farming, products: [cocoa beans], certifications: [Fairtrade (suspended)]}
  - {id: C2, name: decert, country: GHA, sector: cocoa-farming, products: [cocoa beans], certifications: [Rainforest Alliance - decertified]}
  - {id: C3, name: applicant, country: GHA, sector: cocoa-farming, products: [cocoa beans], certifications: [Fairtrade applicant, SA8000 in progress]}
  - {id: C4, name: not, country: GHA, sector: cocoa-farming, products: [cocoa beans], certifications: [not Fairtrade certified]}
"""  # noqa: E501


def _assessed(tmp_path: Path, text: str) -> dict[str, dict[str, dict[str, object]]]:
    chain = tmp_path / "chain.yaml"
    chain.write_text(text, "utf-8")
    out = tmp_path / "a.json"
    args = ["assess", str(chain), "--as-of", "2026-11-27", "-o", str(out), "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    document = json.loads(out.read_text("utf-8"))
    return {s["id"]: s["risk"] for s in document["suppliers"]}


def test_a_cannerys_food_safety_and_quality_audits_leave_its_labour_risk(tmp_path: Path) -> None:
    """The passed BRCGS and ISO 9001 audits took child labour from 0.338 (medium) to 0.263
    (low), and the MSC chain-of-custody audit 0.05 off each likelihood."""
    risk = _assessed(tmp_path, CANNERY)
    for supplier in ("A1", "A2"):
        assert risk[supplier] == risk["A0"]
    assert (risk["A1"]["child_labour"]["priority"], risk["A1"]["child_labour"]["level"]) == (
        0.338,
        "medium",
    )


def test_lapsed_and_denied_certifications_leave_a_farms_risk(tmp_path: Path) -> None:
    """Each was credited 0.05 as valid, taking trafficking from 0.3209 (medium) to 0.2759."""
    risk = _assessed(tmp_path, COCOA)
    for supplier in ("C1", "C2", "C3", "C4"):
        assert risk[supplier] == risk["C0"]
    trafficking = risk["C1"]["human_trafficking"]
    assert (trafficking["priority"], trafficking["level"]) == (0.3209, "medium")


NOT_HELD = "certification-not-held"
CUSTODY = "not a labour certification (chain of custody): no credit"
RMAP_ACTIVE = (
    "not held (it says 'active': RMI lists a smelter or refiner as Active once it has committed"
    " to or is undergoing its RMAP assessment, and as Conformant only once it has passed): no"
    " credit"
)

# a certification's name -> the scheme it names, the credit it earns, the warning reading it
# gives (or None) and what its evidence says: a name that says the certification was held
# once, is on hold or awaited is not held; one of a chain-of-custody or environmental
# standard is no labour certification, whatever scheme it is of; words of a renewal never
# make a certification not held; a failing grade of a scheme that grades is no pass
READINGS: dict[str, tuple[str, str, float, str | None, str]] = {
    "formerly": ("formerly Fairtrade certified", "fairtrade", 0.0, NOT_HELD, "'formerly'"),
    "previously": ("previously SA8000 certified", "sa8000", 0.0, NOT_HELD, "'previously'"),
    "ex-": ("ex-Fairtrade", "fairtrade", 0.0, NOT_HELD, "(it says 'ex')"),
    "formerly, in German": (
        "ehemals Fairtrade-zertifiziert",
        "fairtrade",
        0.0,
        NOT_HELD,
        "'ehemals'",
    ),
    "formerly, in Spanish": (
        "anteriormente certificado Fairtrade",
        "fairtrade",
        0.0,
        NOT_HELD,
        "'anteriormente'",
    ),
    "on hold": ("Fairtrade (on hold)", "fairtrade", 0.0, NOT_HELD, "(it says 'on hold')"),
    "awaited": ("Fairtrade awaiting certificate", "fairtrade", 0.0, NOT_HELD, "'awaiting'"),
    "in process, in Portuguese": (
        "Fairtrade em processo",
        "fairtrade",
        0.0,
        NOT_HELD,
        "'em processo'",
    ),
    "in process, in Spanish": ("Fairtrade en proceso", "fairtrade", 0.0, NOT_HELD, "'en proceso'"),
    "suspended, in Portuguese": ("SA8000 (suspenso)", "sa8000", 0.0, NOT_HELD, "'suspenso'"),
    "chain of custody": (
        "Rainforest Alliance Chain of Custody",
        "rainforestalliance",
        0.0,
        None,
        CUSTODY,
    ),
    "a supply-chain certification": ("RSPO Supply Chain Certification", "rspo", 0.0, None, CUSTODY),
    "a supply-chain certificate": (
        "Rainforest Alliance supply chain certificate",
        "rainforestalliance",
        0.0,
        None,
        CUSTODY,
    ),
    "mass balance": ("Rainforest Alliance Mass Balance", "rainforestalliance", 0.0, None, CUSTODY),
    "mass balance, abbreviated": ("RSPO MB", "rspo", 0.0, None, CUSTODY),
    "segregated": ("RSPO Segregated", "rspo", 0.0, None, CUSTODY),
    "identity preserved": ("RSPO Identity Preserved", "rspo", 0.0, None, CUSTODY),
    "environmental": (
        "amfori BSCI BEPI",
        "amforibsci",
        0.0,
        None,
        "not a labour certification (environmental): no credit",
    ),
    "a renewal awaited": ("Fairtrade (pending renewal)", "fairtrade", 0.05, None, "valid"),
    "a renewal awaited, after": ("Fairtrade (renewal pending)", "fairtrade", 0.05, None, "valid"),
    "a recertification awaited": ("SA8000 pending recertification", "sa8000", 0.05, None, "valid"),
    "lapsed, its renewal awaited": (
        "SA8000 suspended pending recertification",
        "sa8000",
        0.0,
        NOT_HELD,
        "'suspended'",
    ),
    "a failing grade": ("amfori BSCI rating E", "amforibsci", 0.0, NOT_HELD, "'rating e'"),
    "a failing grade, D": ("BSCI rating D", "amforibsci", 0.0, NOT_HELD, "'rating d'"),
    "a failing grade, as a grade": (
        "amfori BSCI grade E",
        "amforibsci",
        0.0,
        NOT_HELD,
        "'grade e'",
    ),
    "a failing grade after the name": ("amfori BSCI: E", "amforibsci", 0.0, NOT_HELD, "'bsci e'"),
    "a failing grade after the name, described": (
        "amfori BSCI D (insufficient)",
        "amforibsci",
        0.0,
        NOT_HELD,
        "'bsci d'",
    ),
    "a passing grade after the name, described": (
        "amfori BSCI C (acceptable)",
        "amforibsci",
        0.05,
        None,
        "valid",
    ),
    "a passing grade": ("amfori BSCI rating B", "amforibsci", 0.05, None, "valid"),
    "a passing grade, C": ("BSCI grade C", "amforibsci", 0.05, None, "valid"),
    "a level of certification": ("WRAP Gold", "wrap", 0.05, None, "valid"),
    "a level of certification, silver": ("WRAP Silver", "wrap", 0.05, None, "valid"),
    "'and' in Portuguese is no grade": ("amfori BSCI e SA8000", "amforibsci", 0.05, None, "valid"),
    "formerly, after the scheme": (
        "SA8000 formerly certified",
        "sa8000",
        0.0,
        NOT_HELD,
        "'formerly'",
    ),
    "formerly, at the end": ("Fairtrade (formerly)", "fairtrade", 0.0, NOT_HELD, "'formerly'"),
    "formerly, with its dates": (
        "Fairtrade (formerly certified 2015-2020)",
        "fairtrade",
        0.0,
        NOT_HELD,
        "'formerly'",
    ),
    "the scheme's old name": (
        "Rainforest Alliance (formerly UTZ)",
        "rainforestalliance",
        0.05,
        None,
        "valid",
    ),
    "the scheme's old name, ex-": (
        "Rainforest Alliance (ex-UTZ)",
        "rainforestalliance",
        0.05,
        None,
        "valid",
    ),
    "the scheme's old name, in German": (
        "Rainforest Alliance (ehemals UTZ)",
        "rainforestalliance",
        0.05,
        None,
        "valid",
    ),
    "an Incoterm": ("Fairtrade (ex works)", "fairtrade", 0.05, None, "valid"),
    "an Incoterm, hyphenated": ("Fairtrade ex-works", "fairtrade", 0.05, None, "valid"),
    "the next audit": (
        "SA8000 certified (next audit scheduled 2026)",
        "sa8000",
        0.05,
        None,
        "valid",
    ),
    "an audit, after certified": (
        "SA8000 certified, audit scheduled",
        "sa8000",
        0.05,
        None,
        "valid",
    ),
    "an audit, not yet certified": (
        "SA8000 audit scheduled",
        "sa8000",
        0.0,
        NOT_HELD,
        "'scheduled'",
    ),
    "an audit, after a status": (
        "SA8000 certificate pending, audit scheduled",
        "sa8000",
        0.0,
        NOT_HELD,
        "'pending'",
    ),
    "an extension planned": (
        "SA8000 (planned extension to second site)",
        "sa8000",
        0.05,
        None,
        "valid",
    ),
    "another site in progress": (
        "SA8000 (certification in progress for site 2)",
        "sa8000",
        0.05,
        None,
        "valid",
    ),
    "a second site in progress": (
        "SA8000 in progress for the second site",
        "sa8000",
        0.05,
        None,
        "valid",
    ),
    "planned": ("SA8000 planned", "sa8000", 0.0, NOT_HELD, "'planned'"),
    "certification in progress": (
        "SA8000 certification in progress",
        "sa8000",
        0.0,
        NOT_HELD,
        "'in progress'",
    ),
    "planned for all sites": ("SA8000 planned for all sites", "sa8000", 0.0, NOT_HELD, "'planned'"),
    # RMI's 'Active' is a smelter committed to or undergoing its RMAP assessment, not yet
    # conformant: it was credited as held
    "RMAP's Active": ("RMAP Active", "rmap", 0.0, NOT_HELD, RMAP_ACTIVE),
    "RMAP's Active, after RMI": ("RMI RMAP - active", "rmap", 0.0, NOT_HELD, RMAP_ACTIVE),
    "RMAP's Active, first": ("Active (RMAP)", "rmap", 0.0, NOT_HELD, RMAP_ACTIVE),
    # beside a word of holding it, RMAP's status is of a certificate held (they were read as
    # RMI's Active, not held)
    "RMAP certified, active": ("RMAP certified (active)", "rmap", 0.05, None, "valid"),
    "RMAP audit passed, active": ("RMAP audit passed - active", "rmap", 0.05, None, "valid"),
    "RMAP passed, active": ("RMAP passed (active)", "rmap", 0.05, None, "valid"),
    "RMAP compliance, active": ("RMAP compliance: active", "rmap", 0.05, None, "valid"),
    "RMAP conformity, active": ("RMAP conformity: active", "rmap", 0.05, None, "valid"),
    "RMAP approved, active": ("RMAP approved - active", "rmap", 0.05, None, "valid"),
    "RMAP valid, active": ("RMAP valid, active", "rmap", 0.05, None, "valid"),
    "RMAP active until": ("RMAP active until 2026-12-31", "rmap", 0.05, None, "valid"),
    "RMAP certificate active": ("RMAP certificate active", "rmap", 0.05, None, "valid"),
    # RMI's name alone is read as before (the smelters' Active was said of them); said to
    # be a membership, it is a company's commitment, no site's RMAP status (it was credited)
    "RMI active": ("RMI active", "rmap", 0.05, None, "valid"),
    "RMI member, active": (
        "RMI member (active)",
        "rmap",
        0.0,
        None,
        ": a membership, not a certificate: no credit",
    ),
    "RMI active member": (
        "RMI active member",
        "rmap",
        0.0,
        None,
        ": a membership, not a certificate: no credit",
    ),
    "EICC/RMI active": ("EICC/RMI active", "rmap", 0.05, None, "valid"),
    "RMAP's Conformant": ("RMAP Conformant", "rmap", 0.05, None, "valid"),
    "RMAP's Conformant, active": ("RMAP conformant (active)", "rmap", 0.05, None, "valid"),
    "RMAP's Active denied": ("RMAP not active", "rmap", 0.0, NOT_HELD, "(it says 'not')"),
    "active, of another scheme": ("Fairtrade active", "fairtrade", 0.05, None, "valid"),
    "active, of another scheme, in brackets": ("SA8000 (active)", "sa8000", 0.05, None, "valid"),
    "suspended at another site": (
        "SA8000 suspended at site 2",
        "sa8000",
        0.0,
        NOT_HELD,
        "'suspended'",
    ),
}


@pytest.mark.parametrize(
    ("name", "scheme", "credit", "warning", "said"), READINGS.values(), ids=list(READINGS)
)
def test_a_certification_is_read_alike_for_its_scheme_credit_and_warning(
    tmp_path: Path, name: str, scheme: str, credit: float, warning: str | None, said: str
) -> None:
    scorer = Scorer(PROFILES, Config(), AS_OF)
    assert scorer._schemes.scheme(name) == (scheme, "certification")
    [(label, delta)] = _adjustments([Certification(name=name)], [])
    assert round(-delta, 4) == credit
    assert label.startswith(f"certification '{name}'") and said in label
    path = tmp_path / "chain.yaml"
    path.write_text(
        f"suppliers:\n  - id: S1\n    country: THA\n    certifications: [{json.dumps(name)}]\n",
        "utf-8",
    )
    _, problems = read_chain([path])
    assert problems.flatten(["type"]) == ([[warning]] if warning else [])


# an audit's standard and result -> its credit, and what its evidence says: the scope of a
# standard read as a certification's is (chain of custody, environmental: none), and the
# word forms and results of a social audit in French, Portuguese, Spanish and German
AUDITS_READ: dict[str, tuple[str, str, float, str]] = {
    "a supply-chain audit of a scheme": (
        "Rainforest Alliance supply chain audit",
        "pass",
        0.0,
        f"{NO_LABOUR} (chain of custody): no credit",
    ),
    "an environmental audit of a scheme": (
        "BSCI Environmental (BEPI)",
        "pass",
        0.0,
        f"{NO_LABOUR} (environmental): no credit",
    ),
    "a mass-balance audit": ("RSPO MB audit", "pass", 0.0, f"{NO_LABOUR} (chain of custody)"),
    "a supply-chain law's labour audit": ("LkSG supply chain audit", "pass", -0.05, "passed"),
    "a social audit with its pillars": ("SMETA 4-pillar environmental", "pass", -0.05, "passed"),
    "a social audit in French": ("audit de conformité sociale", "réussi", -0.05, "passed"),
    "social audits in French": ("audits sociales", "approuvé", -0.05, "passed"),
    "a social audit in Portuguese": ("Auditoria social SMETA", "aprovado", -0.05, "passed"),
    "a labour audit in Portuguese": ("auditoria trabalhista", "aprovada", -0.05, "passed"),
    "an ethical audit in French": ("audit éthique", "réussie", -0.05, "passed"),
    "a labour audit in Spanish": ("auditoría laboral", "aprobada", -0.05, "passed"),
    "failed in Portuguese": ("SMETA", "reprovado", 0.1, "failed"),
    "failed in Spanish": ("SMETA", "suspendido", 0.1, "failed"),
    "failed in French": ("SMETA", "échouée", 0.1, "failed"),
    "failed in German": ("Sozialaudit", "nicht bestanden", 0.1, "failed"),
    "passed in German": ("Sozialaudit", "bestanden", -0.05, "passed"),
    "passed with conditions, in German": (
        "Sozialaudit",
        "bestanden mit Auflagen",
        0.0,
        "result 'bestanden mit Auflagen': not counted",
    ),
    "passed with conditions": (
        "SMETA",
        "pass with conditions",
        0.0,
        "result 'pass with conditions': not counted",
    ),
    "passed with conditions, past tense": (
        "SMETA",
        "Passed with conditions",
        0.0,
        "result 'Passed with conditions': not counted",
    ),
    "passed conditionally": ("SMETA", "conditionally passed", 0.0, "not counted"),
    "approved with conditions": ("SMETA", "approved with conditions", 0.0, "not counted"),
    "passed with observations": ("SMETA", "pass with observations", 0.0, "not counted"),
}


# an audit's standard and result written as a grade -> its adjustment and its evidence: a
# grade of a scheme that grades is a pass or a failure (amfori BSCI A to C pass, D and E
# fail; WRAP's Platinum, Gold and Silver pass), the evidence saying the grade; a grade of a
# standard that grades no site is not counted
AUDIT_GRADES: dict[str, tuple[str, str, float, str]] = {
    "amfori BSCI A": ("amfori BSCI", "A", -0.05, "of 2026-05-01: grade A (acceptable): passed"),
    "amfori BSCI rating B": (
        "amfori BSCI",
        "rating B",
        -0.05,
        "audit 'amfori BSCI' of 2026-05-01: rating B (acceptable): passed",
    ),
    "BSCI Note B": ("BSCI", "Note B", -0.05, "note B (acceptable): passed"),
    "amfori BSCI grade C": ("amfori BSCI", "grade C", -0.05, "grade C (acceptable): passed"),
    "amfori BSCI D": ("amfori BSCI", "D", 0.1, "of 2026-05-01: grade D (insufficient): failed"),
    "amfori BSCI rating E": ("amfori BSCI", "rating E", 0.1, "rating E (unacceptable): failed"),
    "WRAP Platinum": ("WRAP", "Platinum", -0.05, "'WRAP' of 2026-05-01: Platinum (certified)"),
    "WRAP Gold": ("WRAP", "Gold", -0.05, "Gold (certified): passed"),
    "WRAP Silver": ("WRAP", "silver", -0.05, "Silver (certified): passed"),
    "a grade of SMETA": ("SMETA", "B", 0.0, "result 'B': not counted"),
    "SMETA's findings": ("SMETA", "non-compliances: 3", 0.0, "'non-compliances: 3': not counted"),
    "a grade without a standard": ("audit", "rating B", 0.0, "result 'rating B': not counted"),
    "a BSCI letter among other words": ("amfori BSCI", "B - 3 findings", 0.0, "not counted"),
    "a WRAP level of another scheme": ("SA8000", "Gold", 0.0, "result 'Gold': not counted"),
    "a pass in words still": ("amfori BSCI", "pass", -0.05, "amfori BSCI' of 2026-05-01 passed"),
    # a grade followed by words that say what it is: the evidence says the grade read
    "a grade described": (
        "amfori BSCI",
        "C (acceptable)",
        -0.05,
        "audit 'amfori BSCI' of 2026-05-01: grade C (acceptable): passed",
    ),
    "a grade and a colon": ("amfori BSCI", "B: acceptable", -0.05, "grade B (acceptable): passed"),
    "a grade word, described": ("BSCI", "Grade B - good", -0.05, "grade B (acceptable): passed"),
    "a failing grade described": (
        "amfori BSCI",
        "rating D (insufficient)",
        0.1,
        "rating D (insufficient): failed",
    ),
    "a failing grade after the scheme, described": (
        "amfori BSCI",
        "amfori BSCI E (unacceptable)",
        0.1,
        "grade E (unacceptable): failed",
    ),
    "a level of certification": ("WRAP", "Gold certification", -0.05, "Gold (certified): passed"),
    "a word with a grade's letter": (
        "amfori BSCI",
        "Completed",
        0.0,
        "result 'Completed': not counted",
    ),
    "a letter that is a word": ("amfori BSCI", "A lot of issues", 0.0, "not counted"),
    "a word that is no grade": ("amfori BSCI", "Done", 0.0, "result 'Done': not counted"),
    "a grade said to be the other outcome": ("amfori BSCI", "B (insufficient)", 0.0, "not counted"),
    "a grade described of SMETA": ("SMETA", "C (acceptable)", 0.0, "not counted"),
}


@pytest.mark.parametrize(
    ("standard", "result", "total", "said"), AUDIT_GRADES.values(), ids=list(AUDIT_GRADES)
)
def test_a_grade_of_a_scheme_that_grades_is_its_pass_or_failure(
    standard: str, result: str, total: float, said: str
) -> None:
    [(label, delta)] = _adjustments([], [Audit(standard=standard, date=MAY, result=result)])
    assert round(delta, 4) == total
    assert said in label


@pytest.mark.parametrize(
    ("standard", "result", "total", "said"), AUDITS_READ.values(), ids=list(AUDITS_READ)
)
def test_an_audits_scope_and_result_are_read_in_every_language_kept(
    standard: str, result: str, total: float, said: str
) -> None:
    [(label, delta)] = _adjustments([], [Audit(standard=standard, date=MAY, result=result)])
    assert round(delta, 4) == total
    assert said in label
