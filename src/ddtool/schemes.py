"""What a certification or an audit's standard says of itself: whether a certification is
held at all ("Fairtrade (suspended)", "not SA8000 certified"), and whether an audit audits
labour conditions (SMETA does; a food-safety, quality, environmental or chain-of-custody
audit does not). Read once per distinct text, by the readers (for their warnings) and by
the score (for its credits), so that both say the same."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ddtool.model import audit_outcome
from ddtool.profiles import DENIED, DENYING, DOUBTFUL, SAID, exact_key, read_denials, text_key

# --- certifications: held, or not --------------------------------------------------------

# words (exact_key's) that say a certification is not held now: it lapsed (suspended,
# revoked, withdrawn, decertified …) or is not yet granted (an applicant, a candidate,
# planned …); in English, German, French and Spanish, as supplier lists are kept. A result
# of an audit that failed or is still open ('non-conformant', 'in progress', 'pending',
# 'en cours') says so too: audit_outcome reads those, as it reads an audit's result.
_NOT_HELD_WORDS = frozenset(
    {
        "suspended",
        "suspension",
        "revoked",
        "revocation",
        "withdrawn",
        "withdrawal",
        "lapsed",
        "expired",
        "decertified",
        "delisted",
        "cancelled",
        "canceled",
        "terminated",
        "invalid",
        "invalidated",
        "inactive",
        "applicant",
        "application",
        "candidate",
        "candidacy",
        "planned",
        "aspiring",
        "prospective",
        "none",
    }
    # German
    | {"ausgesetzt", "suspendiert", "entzogen", "widerrufen", "zuruckgezogen"}
    | {"zurueckgezogen", "abgelaufen", "erloschen", "ungultig", "ungueltig", "beantragt"}
    | {"antrag", "angestrebt", "geplant", "bewerber", "kandidat"}
    # French
    | {"suspendu", "suspendue", "revoque", "revoquee", "retire", "retiree", "annule"}
    | {"annulee", "expire", "expiree", "decertifie", "decertifiee", "candidat", "candidature"}
    | {"prevu", "prevue", "planifie", "planifiee", "invalide", "aucun", "aucune"}
    # Spanish
    | {"suspendido", "suspendida", "revocado", "revocada", "retirado", "retirada"}
    | {"cancelado", "cancelada", "vencido", "vencida", "caducado", "caducada", "solicitado"}
    | {"solicitada", "solicitud", "candidato", "candidata", "previsto", "prevista"}
    | {"planificado", "planificada", "planeado", "planeada", "ninguno", "ninguna"}
)
_NOT_HELD_PHRASES = (
    ("applied", "for"),  # (not 'applied' alone: 'SA8000 applied to all sites')
    ("applying", "for"),
    ("in", "preparation"),
    ("in", "process"),
    ("working", "towards"),
    ("not", "yet"),
    ("no", "longer"),
    ("in", "vorbereitung"),
    ("in", "bearbeitung"),
    ("en", "preparation"),
    ("en", "proceso"),
    ("en", "tramite"),
    ("en", "curso"),
)
# words of a certification that a denial before them makes it not held ('SA8000 not
# certified', 'Fairtrade not renewed', 'RMAP non-conformant', 'nicht zertifiziert')
_HOLDING_WORDS = frozenset(
    {"certified", "certification", "certificate", "cert", "valid", "current", "active"}
    | {"renewed", "held", "approved", "compliant", "conformant", "verified", "audited"}
    | {"applicable", "member", "zertifiziert", "zertifikat", "zertifizierung", "gultig"}
    | {"gueltig", "konform", "certifie", "certifiee", "certificat", "valide", "conforme"}
    | {"certificado", "certificada", "certificacion", "valido", "valida", "vigente"}
)
# words of another language that deny, read as the English word read_denials knows
# ('kein Fairtrade' is 'no Fairtrade'; 'nicht zertifiziert', 'sin certificación')
_DENIAL_WORDS = {
    "kein": "no",
    "keine": "no",
    "keinen": "no",
    "keiner": "no",
    "nein": "no",
    "nicht": "not",
    "ohne": "without",
    "pas": "not",
    "sans": "without",
    "sin": "without",
}
# a certification's renewal: what follows it says how the renewal stands, not whether the
# certification is held ('SA8000, renewal in progress', 'Verlängerung beantragt')
_RENEWAL = frozenset(
    {"renewal", "recertification", "rezertifizierung", "verlangerung", "verlaengerung"}
    | {"renouvellement", "renovacion", "surveillance", "reaudit"}
)


@lru_cache(maxsize=4096)  # (certifications repeat across suppliers and rows)
def certification_not_held(name: str) -> str | None:
    """What in a certification's name says it is not held now, as read ('suspended', 'not',
    'in progress', 'non conformant'); None for a name that says nothing of the kind.

    A status word or phrase says so ('Fairtrade (suspended)', 'Rainforest Alliance -
    decertified', 'Fairtrade applicant', 'SA8000 in progress', 'RMAP non-conformant',
    'Fairtrade: none'), as a result an audit failed or left open does (audit_outcome). So
    does a denial (read_denials, the one reading of denials): one that leaves nothing said
    but the scheme's name and words of holding it ('not Fairtrade certified', 'no
    Fairtrade', 'non-Fairtrade', 'kein Fairtrade', 'sin certificación'), one that denies
    a word of holding it ('SA8000 not certified', 'Fairtrade not renewed'), or one at the
    end ('Fairtrade: no'). A denial of something else is no denial of the certification
    ('Fairtrade (non-GMO)', 'Organic (Bisphenol free)'), and words after a renewal are the
    renewal's ('SA8000, renewal in progress')."""
    words = exact_key(name).split()
    held = next((i for i, word in enumerate(words) if word in _RENEWAL), len(words))
    words = words[:held]
    if not words:
        return None
    for size in (3, 2, 1):  # (the longest first: 'not compliant', not 'compliant')
        for start in range(len(words) - size + 1):
            phrase = words[start : start + size]
            text = " ".join(phrase)
            if (
                (size == 1 and text in _NOT_HELD_WORDS)
                or (size == 2 and tuple(phrase) in _NOT_HELD_PHRASES)
                or audit_outcome(text) in ("failed", "other")
            ):
                return text
    return _denial(name, tuple(words))


def _denial(name: str, words: tuple[str, ...]) -> str | None:
    """The word of a denial of the certification a name names (see certification_not_held),
    or None; `words` are its words (exact_key's) up to any renewal."""
    read = [_DENIAL_WORDS.get(word, word) for word in words]
    if read[-1] in ("no", "not", "non", "without"):  # ('Fairtrade: no', 'SA8000 – nein')
        return words[-1]
    # (read as written, its punctuation too: 'Organic (Bisphenol free)' denies Bisphenol)
    english = _OTHER_DENIALS.sub(lambda m: _DENIAL_WORDS[m.group().casefold()], name)
    at = read_denials(english).at[: len(words)]
    if DENYING not in at:
        return None
    denied = [w for w, part in zip(read, at, strict=False) if part in (DENIED, DOUBTFUL)]
    said = [w for w, part in zip(read, at, strict=False) if part == SAID]
    if not denied:
        return None
    if any(w in _HOLDING_WORDS for w in denied) or all(w in _HOLDING_WORDS for w in said):
        return words[at.index(DENYING)]
    return None


_OTHER_DENIALS = re.compile(rf"\b(?:{'|'.join(_DENIAL_WORDS)})\b", re.IGNORECASE)


# --- audits: of labour conditions, or of something else ----------------------------------


class AuditScope(NamedTuple):
    """What an audit's standard audits: labour conditions (True), something else (False,
    `what` naming it: 'food safety'), or not known (None; `what` is 'no standard given'
    where none is)."""

    labour: bool | None
    what: str = ""


LABOUR_AUDIT = AuditScope(True)
NOT_KNOWN = AuditScope(None)
NO_STANDARD = AuditScope(None, "no standard given")
# the standard the readers give an audit written without one
NO_STANDARD_GIVEN = "audit"

# the words of a standard that say it audits labour conditions, as exact_key writes them:
# a social, labour, ethical, human-rights, working-conditions, recruitment or code-of-
# conduct audit, a buyer's as a programme's ('Walmart social audit', 'supplier code of
# conduct audit', 'CSR audit'), in English, German, French and Spanish
_LABOUR_WORDS = re.compile(
    r"\b(?:social|socially|labou?r|ethical|human rights?|workers?|working conditions?"
    r"|workplace conditions?|work conditions?|code of conduct|supplier code|csr"
    r"|recruitment|employment|lksg"
    r"|\w*sozial\w*|arbeitsbeding\w*|arbeitsrecht\w*|arbeitsnorm\w*|menschenrecht\w*"
    r"|verhaltenskodex\w*|travail|droits humains|droits de l homme|code de conduite"
    r"|laboral\w*|trabajo|derechos humanos|codigo de conducta|trabalho|trabalhista)\b"
)
# a chain-of-custody standard: it follows a certified good through the traders and
# processors that handle it, and audits no one's labour conditions, even one of a scheme
# that does at the farm ('Rainforest Alliance Chain of Custody', 'RSPO Supply Chain
# Certification', 'MSC Chain of Custody'); told before the names of such schemes
_CHAIN_OF_CUSTODY = re.compile(
    r"\b(?:chain of custody|traceability|tracabilite|trazabilidad|ruc?e?kverfolgbarkeit"
    r"|supply chain certific\w*|mass balance)\b"
)
# the other kinds of audit, which say nothing of labour conditions (told after the labour
# names and words: 'SMETA 4-pillar incl. environment' is SMETA, 'BRCGS Ethical Trade' an
# ethical trade audit)
_OTHER_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "food safety",
        re.compile(
            r"\b(?:food|haccp|brcg?s?|ifs|sqf|fssc\w*|iso 22000|gfsi|globalg a p|globalgap"
            r"|global gap|gmp|good manufacturing|primus\w*|lebensmittel\w*|alimentaire"
            r"|alimentari\w*|inocuidad)\b"
        ),
    ),
    (
        "quality",
        re.compile(
            r"\b(?:quality|qualitat\w*|qualitaet\w*|qualite|calidad|iso 9001|iatf\w*"
            r"|as ?9100|iso 13485|qms)\b"
        ),
    ),
    (
        "environmental",
        re.compile(
            r"\b(?:environment\w*|umwelt\w*|environnement\w*|ambiental\w*|medio ?ambient\w*"
            r"|iso 14001|emas|msc|marine stewardship|bepi|higg fem|zdhc|bluesign|organic"
            r"|biologique|okolog\w*|oekolog\w*|ecologic\w*|iso 50001|energy|energie"
            r"|carbon|climate|ghg)\b"
        ),
    ),
    (
        "occupational health and safety",
        re.compile(
            r"\b(?:iso 45001|ohsas\w*|occupational health\w*|health and safety|health safety"
            r"|ehs|hse|arbeitsschutz|arbeitssicherheit|sante securite|seguridad y salud"
            r"|salud ocupacional)\b"
        ),
    ),
    (
        "security",
        re.compile(r"\b(?:security|c tpat|ctpat|aeo|iso 27001|iso 28000|tisax|tapa)\b"),
    ),
    ("product safety", re.compile(r"\b(?:product safety|produktsicherheit|product compliance)\b")),
    ("financial", re.compile(r"\b(?:financial|finance|finanz\w*|financier\w*)\b")),
)


class AuditStandards:
    """Tells what an audit's standard audits (scope), by the names of the schemes and
    programmes that audit labour conditions (the settings' recognised certifications and
    labour audits), once per distinct standard.

    A standard is a labour audit where it names one of them, as whole words of it, without
    regard to case and punctuation ('RBA VAP', 'SMETA 4-pillar', 'RMI-RMAP'; not 'Firma
    Müller' for IRMA) or says it is one
    (_LABOUR_WORDS); another kind where it is a chain-of-custody standard (whatever scheme
    it names) or names another kind (_OTHER_KINDS); not known otherwise, and where it names
    no standard at all ('audit', the readers' word for an audit written without one)."""

    def __init__(self, names: Iterable[str]) -> None:
        self._names = sorted({f" {text_key(name)} " for name in names} - {"  "})
        self._read: dict[str, AuditScope] = {}

    def scope(self, standard: str) -> AuditScope:
        """What the standard audits (see the class)."""
        found = self._read.get(standard)
        if found is None:
            found = self._read[standard] = self._scope(standard)
        return found

    def _scope(self, standard: str) -> AuditScope:
        words = exact_key(standard)
        if not words or words == NO_STANDARD_GIVEN:
            return NO_STANDARD
        if _CHAIN_OF_CUSTODY.search(words):
            return AuditScope(False, "chain of custody")
        key = f" {text_key(standard)} "
        if any(name in key for name in self._names) or _LABOUR_WORDS.search(words):
            return LABOUR_AUDIT
        for kind, pattern in _OTHER_KINDS:
            if pattern.search(words):
                return AuditScope(False, kind)
        return NOT_KNOWN


def scope_note(scope: AuditScope) -> str:
    """Why an audit of this scope earns no credit, as the evidence and the warnings say it:
    'not a labour audit (food safety)', 'no standard given, so not known to audit labour
    conditions', 'not known to audit labour conditions'."""
    if scope.labour is False:
        return f"not a labour audit ({scope.what})"
    if scope.what:
        return f"{scope.what}, so not known to audit labour conditions"
    return "not known to audit labour conditions"


@lru_cache(maxsize=8)  # (one set of names per settings file; the defaults' in most runs)
def audit_standards(names: tuple[str, ...] | None = None) -> AuditStandards:
    """The reading of audit standards by these names (Config.audit_names), or by the default
    settings' where None."""
    if names is None:
        from ddtool.config import Config

        names = Config().audit_names()
    return AuditStandards(names)
