"""One reading of schemes' names, for certifications and audit standards alike: whole words,
without regard to case and punctuation, the spaces and hyphens inside a name optional, and
every name of a scheme read as that scheme ("Firma" is not IRMA, "SA 8000" is SA8000, "UTZ
Certified" is Rainforest Alliance, "Fair Trade Certified" is Fair Trade USA, not
Fairtrade)."""

from __future__ import annotations

import datetime as dt

import pytest

from ddtool.config import Config
from ddtool.model import Audit, Certification, Supplier
from ddtool.profiles import load_profiles
from ddtool.schemes import Scheme, SchemeNames, audit_standards
from ddtool.scoring import Scorer

PROFILES = load_profiles()
AS_OF = dt.date(2026, 1, 1)
JUNE = dt.date(2025, 6, 1)
CERT, AUDIT = "certification", "audit"

# a text -> the scheme it names (its id, and what the default settings list it as), or None
SCHEMES: dict[str, tuple[str, Scheme | None]] = {
    "a name": ("SA8000", Scheme("sa8000", CERT)),
    "a name with a space": ("SA 8000", Scheme("sa8000", CERT)),
    "a name with a hyphen": ("sa-8000 certified", Scheme("sa8000", CERT)),
    "two words joined by a hyphen": ("amfori-BSCI", Scheme("amforibsci", CERT)),
    "two words joined": ("amforiBSCI audit", Scheme("amforibsci", CERT)),
    "an alias": ("BSCI", Scheme("amforibsci", CERT)),
    "an alias beside a word": ("UTZ Certified", Scheme("rainforestalliance", CERT)),
    "a short name beside a word": ("GOTS certified", Scheme("gots", CERT)),
    "the letters of a name in a word": ("ISO 9001 (Firma Schmidt)", None),
    "a name the start of a word": ("Shrink-wrapping food contact certificate", None),
    "a name alone": ("IRMA", Scheme("irma", CERT)),
    # an acronym that is an ordinary word: in capitals beside other words, or alone
    "an ordinary word beside others": ("food wrap certificate", None),
    "an ordinary word's acronym in capitals": ("WRAP Gold", Scheme("wrap", CERT)),
    "an ordinary word's acronym alone": ("wrap", Scheme("wrap", CERT)),
    "another such word": ("grasp of labour rights", None),
    "Fairtrade": ("Fairtrade", Scheme("fairtrade", CERT)),
    "Fair Trade alone is Fairtrade": ("Fair Trade", Scheme("fairtrade", CERT)),
    "Fairtrade's mark beside a word": ("Fairtrade Certified", Scheme("fairtrade", CERT)),
    "Fair Trade USA": ("Fair Trade USA", Scheme("fairtradeusa", CERT)),
    "Fair Trade USA written joined": ("Fairtrade USA", Scheme("fairtradeusa", CERT)),
    "Fair Trade USA's label": ("Fair Trade Certified", Scheme("fairtradeusa", CERT)),
    "the RBA's audit": ("RBA VAP", Scheme("rba", CERT)),
    "the RBA": ("RBA", Scheme("rba", CERT)),
    "a labour audit only": ("Sedex", Scheme("sedex", AUDIT)),
    "a certification before a labour audit": ("Sedex SMETA", Scheme("smeta", CERT)),
    "a name amid words": ("SMETA 4-pillar (SAQ completed)", Scheme("smeta", CERT)),
    "no scheme": ("ISO 9001", None),
    # the carpet label under its old name, known though the default settings list neither
    "GoodWeave": ("GoodWeave", Scheme("goodweave", None)),
    "GoodWeave under its old name": ("Rugmark", Scheme("goodweave", None)),
}


@pytest.mark.parametrize(("text", "scheme"), SCHEMES.values(), ids=list(SCHEMES))
def test_a_text_names_a_scheme_by_its_whole_words(text: str, scheme: Scheme | None) -> None:
    assert audit_standards().schemes.scheme(text) == scheme


def test_a_scheme_known_by_name_but_not_listed_is_read_as_itself() -> None:
    listed = [c for c in Config().recognised_certifications if c != "Fair Trade USA"]
    names = SchemeNames(listed)
    assert names.scheme("Fair Trade USA") == Scheme("fairtradeusa", None)
    assert names.scheme("Fair Trade Certified") == Scheme("fairtradeusa", None)
    assert names.scheme("Fair Trade") == Scheme("fairtrade", CERT)


def _total(
    certifications: list[Certification], audits: list[Audit], config: Config | None = None
) -> tuple[float, list[tuple[str, float]]]:
    supplier = Supplier(
        id="P",
        country="TUR",
        sector="garment-manufacturing",
        sector_raw="garment-manufacturing",
        certifications=certifications,
        audits=audits,
    )
    scorer = Scorer(PROFILES, config or Config(), AS_OF)
    adjustments = list(
        scorer.score(supplier, "garment-manufacturing").by_type["forced_labour"].adjustments
    )
    return round(sum(delta for _, delta in adjustments), 4), adjustments


# certifications -> the sum of their credits
CERTIFIED: dict[str, tuple[list[str], float]] = {
    "the letters of IRMA in a word": (["ISO 9001 (Firma Schmidt)"], 0.0),
    "the letters of WRAP in a word": (["Shrink-wrapping food contact certificate"], 0.0),
    "UTZ beside a word": (["UTZ Certified"], -0.05),
    "SA8000 written apart": (["SA 8000"], -0.05),
    "GOTS beside a word": (["GOTS certified"], -0.05),
    "Rainforest Alliance and UTZ: one scheme": (["Rainforest Alliance", "UTZ Certified"], -0.05),
    "SA8000 joined and apart: one scheme": (["SA8000", "SA 8000"], -0.05),
    "Fair Trade USA joined and apart: one scheme": (["Fairtrade USA", "Fair Trade USA"], -0.05),
    "Fair Trade USA and its label: one scheme": (["Fair Trade USA", "Fair Trade Certified"], -0.05),
    "Fairtrade and Fair Trade USA's label: two schemes": (
        ["Fairtrade", "Fair Trade Certified"],
        -0.1,
    ),
    "Fairtrade and Fair Trade: one scheme": (["Fairtrade", "Fair Trade"], -0.05),
    "a labour audit is no certification": (["Sedex"], 0.0),
}


@pytest.mark.parametrize(("names", "total"), CERTIFIED.values(), ids=list(CERTIFIED))
def test_a_certification_is_credited_as_the_scheme_it_names(names: list[str], total: float) -> None:
    found, adjustments = _total([Certification(name=name) for name in names], [])
    assert found == total, adjustments
    assert len(adjustments) == len(names)


def test_a_scheme_the_settings_do_not_list_is_not_credited() -> None:
    config = Config(
        recognised_certifications=[
            c for c in Config().recognised_certifications if c != "Fair Trade USA"
        ]
    )
    names = ["Fair Trade USA", "Fair Trade Certified", "Fairtrade USA"]
    found, adjustments = _total([Certification(name=name) for name in names], [], config)
    assert found == 0.0
    assert all(
        said.endswith("not among the settings' recognised certifications")
        for said, _ in adjustments
    )


# audits (standard, result) of one day -> the sum of their adjustments
AUDITED: dict[str, tuple[list[tuple[str, str]], float]] = {
    "UTZ beside a word": ([("UTZ Certified", "pass")], -0.05),
    "GOTS beside a word": ([("GOTS certified", "pass")], -0.05),
    "SA8000 written apart": ([("SA 8000", "pass")], -0.05),
    "the RBA's audit and the RBA: one audit": ([("RBA VAP", "pass"), ("RBA", "pass")], -0.05),
    "BSCI joined and apart: one audit": ([("amfori-BSCI", "pass"), ("BSCI", "pass")], -0.05),
    "SA8000 passed, SA 8000 failed: the same audit": (
        [("SA8000", "pass"), ("SA 8000", "fail")],
        0.1,
    ),
    "an audit whose self-assessment is done": ([("SMETA 4-pillar (SAQ completed)", "pass")], -0.05),
    "an audit and a self-assessment": ([("Sedex SMETA", "pass"), ("Sedex SAQ", "pass")], -0.05),
    "the RBA's self-assessment": ([("RBA SAQ", "pass")], 0.0),
    "Sedex's self-assessment": ([("Sedex SAQ", "pass")], 0.0),
    "a self-assessment alone": ([("self-assessment questionnaire", "pass")], 0.0),
}


@pytest.mark.parametrize(("audits", "total"), AUDITED.values(), ids=list(AUDITED))
def test_an_audit_is_credited_as_the_scheme_it_names(
    audits: list[tuple[str, str]], total: float
) -> None:
    written = [Audit(standard=standard, date=JUNE, result=result) for standard, result in audits]
    found, adjustments = _total([], written)
    assert found == total, adjustments
    assert len(adjustments) == len(audits)


@pytest.mark.parametrize(
    ("standard", "self_assessment"),
    [
        ("Sedex SAQ", True),
        ("RBA SAQ", True),
        ("RBA's SAQ", True),
        ("Sedex online SAQ", True),
        ("amfori BSCI Selbstauskunft", True),
        ("Sedex self-assessment questionnaire (SAQ)", True),
        ("SMETA 4-pillar (SAQ completed)", False),
        ("SA8000 audit, questionnaire", False),
        ("Sedex SMETA (SAQ)", False),
        ("SMETA audit and Sedex SAQ", False),
    ],
)
def test_a_self_assessment_beside_an_audit_is_that_audit(
    standard: str, self_assessment: bool
) -> None:
    assert audit_standards().self_assessment(standard) is self_assessment


@pytest.mark.parametrize(
    "text", ["UTZ Certified", "GOTS certified", "SA 8000", "amfori-BSCI", "Fair Trade Certified"]
)
def test_a_certification_and_an_audit_of_one_text_are_read_alike(text: str) -> None:
    cert, _ = _total([Certification(name=text)], [])
    audit, _ = _total([], [Audit(standard=text, date=JUNE, result="pass")])
    assert cert == audit == -0.05
