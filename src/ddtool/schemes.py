"""What a certification or an audit's standard says of itself: whether a certification is
held at all ("Fairtrade (suspended)", "not SA8000 certified"), and whether an audit audits
labour conditions (SMETA does; a food-safety, quality, environmental or chain-of-custody
audit does not). Read once per distinct text, by the readers (for their warnings) and by
the score (for its credits), so that both say the same."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from ddtool.model import audit_outcome
from ddtool.profiles import DENIED, DENYING, DOUBTFUL, SAID, exact_key, read_denials

# --- audits' results ----------------------------------------------------------------------


# --- certifications: held, or not --------------------------------------------------------

# words (exact_key's) that say a certification is not held now: it lapsed (suspended,
# revoked, withdrawn, decertified, formerly held …) or is not yet granted (an applicant, a
# candidate, planned, awaited …); in English, German, French, Spanish and Portuguese, as
# supplier lists are kept. A result
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
        "awaiting",
        "awaited",
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
    # Portuguese
    | {"suspenso", "suspensa", "revogado", "revogada", "expirado", "expirada"}
    | {"solicitacao", "planejado", "planejada", "nenhum", "nenhuma"}
    # Dutch
    | {"verlopen", "geschorst", "opgeschort", "ingetrokken", "vervallen", "ongeldig"}
    | {"aangevraagd", "aanvraag", "gepland", "kandidaat"}
)
# words (exact_key's) that say a certification was held once: they say so of the scheme they
# stand before ('formerly Fairtrade certified', 'ex-Fairtrade', 'ehemals Fairtrade', 'old
# UTZ certificate'), or of
# the certification where no more than words of holding it or numbers follow them ('SA8000
# formerly certified', 'Fairtrade (formerly)'); followed by another name, they give the
# scheme's old name ('Rainforest Alliance (formerly UTZ)', 'Rainforest Alliance (ex-UTZ)'),
# and 'ex works' is an Incoterm ('Fairtrade (ex works)'), no status
_HELD_ONCE_WORDS = frozenset(
    {"formerly", "former", "previously", "ex", "legacy", "old", "previous"}
    | {"ehemals", "ehemalig", "ehemalige", "ehemaliger", "ehemaliges", "vormals", "fruher"}
    | {"frueher", "anciennement", "auparavant", "precedemment", "ancien", "ancienne"}
    | {"anteriormente", "antiguamente"}
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
    ("en", "espera"),
    ("on", "hold"),
    ("em", "processo"),
    ("em", "andamento"),
    ("em", "preparacao"),
    ("em", "curso"),
    ("em", "tramitacao"),
    ("em", "espera"),
)
# the grades of the schemes that grade, by scheme (SchemeNames' id): what each is called,
# and whether it is a pass. amfori BSCI rates a site A to E: A to C are acceptable, D
# (insufficient) and E (unacceptable) are no pass; WRAP's levels of certification
# (Platinum, Gold, Silver) are all certified. The one reading of a grade, of a
# certification's name ('amfori BSCI rating E' is not held) as of an audit's result
# ('rating B' of an amfori BSCI audit is a pass): read_grade
_SCHEME_GRADES: dict[str, dict[str, tuple[str, bool]]] = {
    "amfori BSCI": {
        "a": ("acceptable", True),
        "b": ("acceptable", True),
        "c": ("acceptable", True),
        "d": ("insufficient", False),
        "e": ("unacceptable", False),
    },
    "WRAP": {
        "platinum": ("certified", True),
        "gold": ("certified", True),
        "silver": ("certified", True),
    },
}
# the schemes' names by their ids (SchemeNames': "amforibsci"), and all their grades
_NAME_OF = {exact_key(name).replace(" ", ""): name for name in _SCHEME_GRADES}
_ALL_GRADES = {grade: said for grades in _SCHEME_GRADES.values() for grade, said in grades.items()}
_FAILING_GRADES = {grade: said for grade, said in _ALL_GRADES.items() if not said[1]}
# the words that say a grade follows ('rating E', 'Bewertung D', 'note E', 'calificación E')
_GRADE_WORDS = frozenset(
    {"rating", "rated", "grade", "graded", "score", "scored", "result", "level"}
    | {"bewertung", "benotung", "note", "calificacion", "clasificacion", "nota"}
    | {"classificacao", "avaliacao", "valutazione", "punteggio", "livello"}
)
# the last words of the schemes whose grade may follow their name alone ('amfori BSCI E',
# 'WRAP Gold')
_GRADED_SCHEMES = frozenset(exact_key(name).split()[-1] for name in _SCHEME_GRADES)
# the words that may follow a grade written first or after the scheme's name, and say what
# it is ('C (acceptable)', 'B: good', 'A (very good)', 'Gold certification', 'amfori BSCI E
# (unacceptable)'), by whether they say a pass (True), a failure (False) or neither (None):
# what the schemes call their grades (amfori BSCI's A very good, B good, C acceptable, D
# insufficient, E unacceptable), in the languages supplier lists are kept, and words of a
# grade or a level of certification. A grade followed by any other word is none ('A lot of
# issues', 'B - 3 findings'), nor is one followed by a word that says the other outcome ('B
# (insufficient)': which is meant?)
_AFTER_A_GRADE: dict[str, bool | None] = (
    dict.fromkeys(
        {"good", "acceptable", "gut", "akzeptabel", "bon", "bonne", "bueno", "buena"}
        | {"aceptable", "bom", "boa", "aceitavel", "buono", "buona", "accettabile"},
        True,
    )
    | dict.fromkeys(
        {"insufficient", "unacceptable", "unzureichend", "inakzeptabel", "insuffisant"}
        | {"insuffisante", "inacceptable", "insuficiente", "inaceptable", "inaceitavel"}
        | {"insufficiente", "inaccettabile"},
        False,
    )
    | {meaning: passed for grades in _SCHEME_GRADES.values() for meaning, passed in grades.values()}
    | dict.fromkeys(
        _GRADE_WORDS
        | {"very", "sehr", "tres", "muy", "muito", "molto"}
        | {"certification", "certificate", "cert", "status", "stufe", "niveau", "nivel"}
        | {"zertifizierung", "zertifikat", "zertifiziert", "certifie", "certifiee"}
        | {"certificat", "certificado", "certificada", "certificacion", "certificacao"}
        | {"certificato", "certificata", "certificazione"},
        None,
    )
)


def _describes(after: tuple[str, ...] | list[str], passed: bool) -> bool:
    """Whether the words after a grade (exact_key's) only say what it is: each one of
    _AFTER_A_GRADE or in a result read as an audit's result is (audit_outcome, the longest
    first: 'E - failed', 'D - not passed', 'E (zero tolerance)'), and none of them the other
    outcome ('B (insufficient)', 'C (failed)', 'C - zero tolerance', 'B (nicht bestanden)')
    nor a result left open ('C (pending)'); no words at all do too. Any other word makes it
    no grade ('A lot of issues', 'B - 3 findings')."""
    own = "passed" if passed else "failed"
    at = 0
    while at < len(after):
        for size in (3, 2, 1):  # (the longest first: 'not passed', not 'passed')
            said = (
                audit_outcome(" ".join(after[at : at + size])) if at + size <= len(after) else None
            )
            if said is not None:
                break
        if said is None:  # (one word: size is 1)
            if after[at] not in _AFTER_A_GRADE:
                return False  # (a word that says nothing of a grade: 'a lot of issues')
            if _AFTER_A_GRADE[after[at]] is (not passed):
                return False
        elif said != own:  # (the other outcome, or one left open: 'C (pending)')
            return False
        at += size
    return True


class Grade(NamedTuple):
    """A grade of a scheme that grades, as read (read_grade): its words (exact_key's: 'rating
    e', 'bsci e', 'b'), what the scheme calls it ('acceptable') and whether it is a pass."""

    words: str
    meaning: str
    passed: bool

    def shown(self) -> str:
        """The grade as the evidence says it: 'rating B (acceptable)', 'grade C
        (acceptable)', 'Gold (certified)'."""
        *before, grade = self.words.split()
        grade = grade.upper() if len(grade) == 1 else grade.capitalize()
        if before and before[0] in _GRADE_WORDS:
            said = f"{before[0]} {grade}"
        else:
            said = f"grade {grade}" if len(grade) == 1 else grade
        return f"{said} ({self.meaning})"


def read_grade(
    words: tuple[str, ...] | list[str], grades: dict[str, tuple[str, bool]] = _ALL_GRADES
) -> Grade | None:
    """The grade these words (exact_key's) give, of these grades (a scheme's: _SCHEME_GRADES;
    by default any scheme's), or None: a grade after a word of grading ('rating B', 'Note B',
    'grade C', 'amfori BSCI rating E'), written first or after the scheme's name ('B',
    'Platinum', 'amfori BSCI E', 'WRAP Gold'), wherever it is written with nothing after it
    but words that say what it is (_describes: 'C (acceptable)', 'Rating B: good', 'Gold
    certification', 'D - failed'; not 'Rating A lot of issues', 'Grade B - 3 findings', nor a
    grade followed by a word of the other outcome, 'Rating: C (failed)', 'Note B
    (unzureichend)': which is meant is not known)."""
    for at, word in enumerate(words):
        found = grades.get(word)
        if found is None:
            continue
        before = words[at - 1] if at else ""
        if not (at == 0 or before in _GRADE_WORDS or before in _GRADED_SCHEMES):
            continue
        if _describes(words[at + 1 :], found[1]):
            return Grade(f"{before} {word}" if before else word, *found)
    return None


def _failing_grade_named(words: list[str]) -> str | None:
    """The words of a failing grade after a word of grading that a certification's name
    (exact_key's words) names, whatever follows it ('amfori BSCI rating E', 'BSCI (rating D,
    2024)'), or None: a certification is credited only where held, and a name that speaks of
    its failing grade says it is not, where words after it would leave the grade unread as
    an audit's result (read_grade)."""
    for at in range(1, len(words)):
        if words[at] in _FAILING_GRADES and words[at - 1] in _GRADE_WORDS:
            return f"{words[at - 1]} {words[at]}"
    return None


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
    "geen": "no",
    "niet": "not",
    "zonder": "without",
}
# a certification's renewal: the words about it say how the renewal stands, not whether the
# certification is held ('SA8000, renewal in progress', 'Verlängerung beantragt', 'Fairtrade
# (pending renewal)'): those after it, and those just before it that say it is awaited
_RENEWAL = frozenset(
    {"renewal", "recertification", "rezertifizierung", "verlangerung", "verlaengerung"}
    | {"renouvellement", "renovacion", "renovacao", "recertificacion", "recertificacao"}
    | {"surveillance", "reaudit", "recertified", "rinnovo", "ricertificazione"}
)
# the words that may stand just before a renewal and say it is awaited ('pending
# recertification', 'awaiting renewal', 'applied for renewal', 'en attente de
# renouvellement'; not 'suspended': 'SA8000 suspended pending recertification' is not held)
_BEFORE_RENEWAL = frozenset(
    {"pending", "awaiting", "awaited", "due", "scheduled", "planned", "applied", "applying"}
    | {"for", "of", "in", "process", "progress", "preparation", "under", "way", "the", "a"}
    | {"ausstehend", "ausstehende", "beantragt", "beantragte", "geplant", "geplante", "zur"}
    | {"der", "die", "in", "bearbeitung", "en", "attente", "cours", "de", "du", "la", "le"}
    | {"prevu", "prevue", "pendiente", "proceso", "tramite", "curso", "solicitada"}
    | {"solicitado", "prevista", "previsto", "pendente", "em", "processo", "andamento", "da"}
    | {"do", "to", "at", "fur", "fuer", "pour", "para"}
    # (Italian: 'in corso di rinnovo', 'rinnovo in attesa', 'ricertificazione programmata')
    | {"corso", "attesa", "di", "del", "della", "previsto", "programmato", "programmata"}
    | {"pianificato", "pianificata", "richiesto", "richiesta"}
)
# the words that say a renewal failed or was refused ('SA8000 (renewal failed)', 'renewal
# refused', 'recertification rejected', 'unsuccessful renewal', 'Verlängerung abgelehnt',
# 'renouvellement refusé'): the certification was not renewed, so it is not held, as
# 'Fairtrade not renewed' is not. An audit's result that failed says so too ('recertification
# audit: nicht bestanden', audit_outcome), and a denial of its success ('renewal not granted')
_RENEWAL_REFUSED = frozenset(
    {"failed", "fail", "failure", "refused", "rejected", "denied", "declined", "unsuccessful"}
    | {"abgelehnt", "gescheitert", "verweigert", "misslungen", "refuse", "refusee", "rejete"}
    | {"rejetee", "echoue", "echouee", "echec", "rechazado", "rechazada", "denegado"}
    | {"denegada", "fallido", "fallida", "recusado", "recusada", "negado", "negada"}
    | {"rifiutato", "rifiutata", "respinto", "respinta", "negato", "negata", "fallito"}
    | {"fallita"}
)
# the words of a renewal's success that a denial before them says it failed ('renewal not
# granted', 'recertification not successful', 'Rezertifizierung nicht erteilt')
_RENEWAL_SUCCESS = frozenset(
    {"granted", "approved", "successful", "accepted", "passed", "erteilt", "genehmigt"}
    | {"bestanden", "accorde", "accordee", "aprobado", "aprobada", "concedido", "concedida"}
    | {"concesso", "concessa", "approvato", "approvata", "superato", "superata"}
)
_RENEWAL_DENIAL = frozenset({"not", "nicht", "non", "no", "pas", "nao"})


# other matters a certification's name may speak of beside the certification, whose words
# say how that matter stands, not whether the certification is held (as a renewal's do):
# an extension of it (to another site: 'SA8000 (planned extension to second site)'), with
# the words just before it that say it is awaited; its next audit ('SA8000 certified (next
# audit scheduled 2026)'); another site ('SA8000 (certification in progress for site 2)',
# a site numbered or said to be another), with the words just before it that say it is
# awaited; and an audit, where a word of its being held is said outright before it ('SA8000
# certified, audit scheduled'; not 'SA8000 audit scheduled', an audit for a certification
# not yet granted)
_EXTENSION = frozenset(
    {"extension", "extensions", "erweiterung", "ampliacion", "ampliacao", "extensao"}
)
_NEXT = frozenset(
    {"next", "upcoming", "nachste", "naechste", "nachstes", "naechstes", "nachsten"}
    | {"naechsten", "prochain", "prochaine", "proximo", "proxima", "prossimo", "prossima"}
)
_SITE = frozenset({"site", "sites", "standort", "standorte", "sitio", "sitios"})
# the words before a site that say it is another ('second site', 'weiteren Standort')
_ANOTHER = frozenset(
    {"second", "2nd", "third", "3rd", "other", "another", "additional", "new", "further"}
    | {"zweiten", "zweiter", "weiteren", "weiterer", "anderen", "neuen", "autre", "nouveau"}
    | {"nouvel", "seconde", "deuxieme", "segundo", "segunda", "otro", "otra", "nuevo", "nueva"}
    | {"outro", "outra", "novo", "nova"}
)
_AUDIT = frozenset({"audit", "audits", "auditoria", "auditorias"})
# the words that say outright a certification is held, before an audit's words
_HELD_OUTRIGHT = frozenset(
    {"certified", "certificate", "zertifiziert", "zertifikat", "certifie", "certifiee"}
    | {"certificat", "certificado", "certificada", "valid", "valide", "valido", "valida"}
    | {"gultig", "gueltig", "vigente", "certificato", "certificata"}
)
# the words that may follow a word of having held a certification and leave it the
# certification's ('SA8000 formerly certified', 'Fairtrade (formerly until 2020)')
# the words before 'old' that make it an age, not a certification held once
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
_HELD_ONCE_AFTER = _HOLDING_WORDS | {"until", "till", "to", "from", "since", "in", "bis"}
_HELD_ONCE_AFTER |= {"seit", "jusqu", "jusque", "hasta", "desde", "ate", "by", "von"}


def _own_words(words: list[str]) -> list[str]:
    """The words of a certification's name (exact_key's) that speak of the certification:
    those before any of another matter (a renewal, an extension, a next audit, another site,
    an audit after it is said to be held: _RENEWAL, _EXTENSION, _NEXT, _SITE, _AUDIT), and
    before the words just before a renewal, an extension or another site that say it is
    awaited (_BEFORE_RENEWAL)."""
    for at, word in enumerate(words):
        if word in _NEXT or (word in _AUDIT and not _HELD_OUTRIGHT.isdisjoint(words[:at])):
            return words[:at]
        if word in _SITE:
            if at > 0 and words[at - 1] in _ANOTHER:
                at -= 1
            elif not (at + 1 < len(words) and words[at + 1].isdigit()):
                continue
        elif word not in _RENEWAL and word not in _EXTENSION:
            continue
        while at > 0 and words[at - 1] in _BEFORE_RENEWAL:
            at -= 1
        return words[:at]
    return words


def _renewal_refused(words: list[str]) -> str | None:
    """The words (exact_key's) of a renewal said to have failed or been refused, its word
    first ('renewal failed', 'recertification rejected', 'renewal not granted'), or None.
    They are the words just before a renewal that say so ('failed renewal', 'refused
    recertification') and those after it, up to another matter (an extension, a next audit:
    _own_words); a renewal awaited ('renewal pending', 'pending recertification') is none."""
    for at, word in enumerate(words):
        if word not in _RENEWAL:
            continue
        start = at
        while start > 0 and (
            words[start - 1] in _BEFORE_RENEWAL or words[start - 1] in _RENEWAL_REFUSED
        ):
            start -= 1
        end = at + 1
        while end < len(words) and words[end] not in _NEXT and words[end] not in _EXTENSION:
            end += 1
        for where in range(start, end):
            said = words[where]
            if said in _RENEWAL_REFUSED:
                return f"{word} {said}"
            after = words[where + 1 : where + 2]
            if said in _RENEWAL_DENIAL and after and after[0] in _RENEWAL_SUCCESS:
                return f"{word} {said} {after[0]}"
            if audit_outcome(" ".join(words[where : where + 2])) == "failed":
                return f"{word} {' '.join(words[where : where + 2])}"
    return None


def _held_once(words: list[str], at: int) -> bool:
    """Whether the word at `at`, one of having held a certification (_HELD_ONCE_WORDS), says
    so of the certification: it begins the name (before the scheme: 'formerly Fairtrade
    certified', 'ex-Fairtrade'; not 'ex works', an Incoterm), or nothing follows it but words
    of holding it, of dates and numbers ('SA8000 formerly certified', 'Fairtrade (ex)'); not
    where it gives another name ('Rainforest Alliance (formerly UTZ)')."""
    if words[at] == "ex" and words[at + 1 : at + 2] == ["works"]:
        return False
    if words[at] == "old" and at and (words[at - 1].isdigit() or words[at - 1] in _AGE_UNITS):
        return False  # (an age: 'SA8000 (certificate 2 years old)')
    return at == 0 or all(w in _HELD_ONCE_AFTER or w.isdigit() for w in words[at + 1 :])


# words of having held a certification that are also words of names ('Legacy Mills SA8000',
# 'Old Town Cooperative Fairtrade'): they say it was held once only as its status
# (_said_as_status), and never beside a word that says it is held
_HELD_ONCE_OR_NAME = frozenset({"legacy", "old", "previous"})
_HELD_NOW = frozenset({"certified", "held", "valid", "current"})


def _said_as_status(name: str, word: str) -> bool:
    """Whether `word` (of _HELD_ONCE_OR_NAME) qualifies the certification as its status: in
    brackets ('UTZ (legacy)'), at the end after a dash, comma or colon ('UTZ - old'), or
    directly before the scheme's name ('legacy UTZ', 'old Fairtrade certificate'); not as a
    part of a name ('Legacy Mills SA8000'), and not where a word says it is held ('SA8000
    certified, 6 months old')."""
    words, named = _status_schemes().named(name)
    if not _HELD_NOW.isdisjoint(words):
        return False
    if any(w == word and n.start == at + 1 for at, w in enumerate(words) for n in named):
        return True
    low = name.lower()
    return bool(
        re.search(rf"\(\s*{word}\s*\)", low) or re.search(rf"[-\u2013\u2014,:]\s*{word}\W*$", low)
    )


# the statuses of a scheme's own list that say its certification is not held, where the same
# word of another scheme says it is ('Fairtrade active' is held), by the scheme's id
# (SchemeNames'), each with what it means there: the Responsible Minerals Initiative lists
# a smelter or refiner as 'Active' once it has committed to its RMAP assessment or is
# undergoing it, and as 'Conformant' only once it has passed ('RMAP Active', 'RMI RMAP -
# active'). Beside a word of conformance ('RMAP conformant (active)') or of holding it
# ('RMAP certified (active)', 'RMAP audit passed - active', 'RMAP active until 2026-12-31')
# the name says it passed, and the status is not read. The status is the list's, so it is
# read only where the name names the list ('RMAP'): 'RMI member (active)' is a company's
# membership of the initiative, no site's assessment (_STATUS_NAMES).
_SCHEME_STATUSES: dict[str, dict[str, str]] = {
    "rmap": {
        "active": (
            "RMI lists a smelter or refiner as Active once it has committed to or is undergoing"
            " its RMAP assessment, and as Conformant only once it has passed"
        ),
    },
}
_STATUS_MEANINGS = {
    word: meaning for statuses in _SCHEME_STATUSES.values() for word, meaning in statuses.items()
}
# what to write instead where such a status is not what the list says of the site, by the
# status (_SCHEME_STATUSES)
_STATUS_ADVICE: dict[str, str] = {
    "active": "if RMI lists it as Conformant, write 'RMAP conformant'",
}
_CONFORMANCE_WORDS = frozenset(
    {
        *("conformant", "conformance", "compliant", "konform", "conforme", "conformes"),
        *("conformity", "compliance", "konformitat", "certified", "certificate", "zertifikat"),
        *("passed", "approved", "accredited", "valid", "until", "standing"),
    }
)
# the words that name a scheme's own list, by the scheme's id: a status is read beside them
_STATUS_NAMES: dict[str, frozenset[str]] = {"rmap": frozenset({"rmap"})}


def not_held_note(said: str) -> str:
    """What a scheme's own status that certification_not_held read as not held means (RMAP's
    'active': _SCHEME_STATUSES), for the evidence and the warning to say beside it, as a word
    that says a certification is held elsewhere would puzzle a reader; '' for any other."""
    return _STATUS_MEANINGS.get(said, "")


def not_held_advice(said: str) -> str:
    """What the certification-not-held warning advises for a certification read as not held
    by what it says (`said`): for a scheme's own status, how to write the one that earns
    credit (_STATUS_ADVICE); for any other, to write the name alone or with its expiry."""
    return _STATUS_ADVICE.get(
        said,
        "if it is held, write its name alone, or with its expiry: 'SA8000 valid until 2027-06-30'",
    )


def not_held_with_expiry(name: str, dated: bool) -> str | None:
    """certification_not_held of a certification with its expiry date given or not
    (`dated`): a scheme's own status beside an expiry is of a certificate held ('RMAP active
    until 2026-12-31'), as a smelter the list calls Active has passed nothing that expires."""
    said = certification_not_held(name)
    if said is not None and dated and said in _STATUS_MEANINGS:
        return None
    return said


def _scheme_status(name: str, words: list[str]) -> str | None:
    """The status of the scheme a certification's name names (_SCHEME_STATUSES) that says it
    is not held ('RMAP Active': 'active'), or None."""
    if not _CONFORMANCE_WORDS.isdisjoint(words):
        return None
    found = [word for word in words if word in _STATUS_MEANINGS]
    if not found:  # (most names: the schemes are not read)
        return None
    _, named = _status_schemes().named(name)
    for scheme in named:
        if _STATUS_NAMES.get(scheme.scheme, frozenset()).isdisjoint(words):
            continue  # (another name of the scheme: 'RMI active member')
        for word in found:
            if word in _SCHEME_STATUSES.get(scheme.scheme, {}):
                return word
    return None


@lru_cache(maxsize=1)
def _status_schemes() -> SchemeNames:
    """The reading of the names of the schemes with statuses of their own (SCHEME_ALIASES
    name them all, whatever the settings list)."""
    return SchemeNames(())


@lru_cache(maxsize=4096)  # (certifications repeat across suppliers and rows)
def certification_not_held(name: str) -> str | None:
    """What in a certification's name says it is not held now, as read ('suspended', 'not',
    'in progress', 'non conformant', 'rating e'); None for a name that says nothing of the
    kind.

    A status word or phrase says so ('Fairtrade (suspended)', 'Rainforest Alliance -
    decertified', 'formerly Fairtrade certified', 'Fairtrade (on hold)', 'Fairtrade
    applicant', 'SA8000 in progress', 'RMAP non-conformant', 'Fairtrade: none'), as a
    result an audit failed or left open does (audit_outcome), a failing grade of a
    scheme that grades ('amfori BSCI rating E': read_grade), and a status of the scheme's
    own list that says it has not passed yet ('RMAP Active': _scheme_status). So
    does a denial (read_denials, the one reading of denials): one that leaves nothing said
    but the scheme's name and words of holding it ('not Fairtrade certified', 'no
    Fairtrade', 'non-Fairtrade', 'kein Fairtrade', 'sin certificación'), one that denies
    a word of holding it ('SA8000 not certified', 'Fairtrade not renewed'), or one at the
    end ('Fairtrade: no'). A denial of something else is no denial of the certification
    ('Fairtrade (non-GMO)', 'Organic (Bisphenol free)'); a word of having held it is the
    certification's only before the scheme or with nothing but words of holding and dates
    after it (_held_once: not 'Rainforest Alliance (formerly UTZ)', 'Fairtrade (ex works)');
    and the words about another matter are that matter's (_own_words): a renewal, an
    extension, another site (those after it and those just before it that say it is
    awaited: 'SA8000, renewal in progress', 'Fairtrade (pending renewal)', 'SA8000 (planned
    extension to second site)', 'SA8000 (certification in progress for site 2)'), a next
    audit, and an audit after the certification is said outright to be held ('SA8000
    certified (next audit scheduled 2026)')."""
    every = exact_key(name).split()
    words = _own_words(every)
    if not words:
        return None
    for size in (3, 2, 1):  # (the longest first: 'not compliant', not 'compliant')
        for start in range(len(words) - size + 1):
            phrase = words[start : start + size]
            text = " ".join(phrase)
            if (
                (size == 1 and text in _NOT_HELD_WORDS)
                or (
                    size == 1
                    and text in _HELD_ONCE_WORDS
                    and _held_once(words, start)
                    and (text not in _HELD_ONCE_OR_NAME or _said_as_status(name, text))
                )
                or (size == 2 and tuple(phrase) in _NOT_HELD_PHRASES)
                or audit_outcome(text) in ("failed", "other")
            ):
                return text
    grade = read_grade(words, _FAILING_GRADES)
    if grade is not None:
        return grade.words
    failing = _failing_grade_named(words)
    if failing is not None:
        return failing
    denial = _denial(name, tuple(words))
    if denial is not None:
        return denial
    status = _scheme_status(name, words)  # ('RMAP Active': not yet conformant)
    if status is not None or len(words) == len(every):
        return status
    return _renewal_refused(every)  # ('SA8000 (renewal failed)': it was not renewed)


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
CHAIN_OF_CUSTODY = AuditScope(False, "chain of custody")
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
    # (a word's forms: French 'sociale(s)', Portuguese 'sociais', 'éthique', 'ético' …)
    r"|\b(?:sociale|sociales|sociais|ethique|ethisch\w*|etic[ao]s?|trabajador\w*"
    r"|trabalhador\w*|travailleur\w*|direitos humanos|condicoes de trabalho|laborais)\b"
)
# a chain-of-custody standard: it follows a certified good through the traders and
# processors that handle it (its chain of custody, a mass balance, segregated or identity-
# preserved goods), and audits no one's labour conditions, even one of a scheme that does
# at the farm ('Rainforest Alliance Chain of Custody', 'RSPO MB', 'MSC Chain of Custody');
# told before the names of such schemes, whatever else the text says
_CHAIN_OF_CUSTODY = re.compile(
    r"\b(?:chain of custody|traceability|tracabilite|trazabilidad|rastreabilidade"
    r"|ruc?e?kverfolgbarkeit|mass balance|massenbilanz|bilan massique|balance de masas?"
    r"|balanco de massa|segregated|segregation|identity preserved|book and claim"
    r"|supply chain certific\w*"
    r"|(?:rspo|rainforest alliance|ra|fsc|pefc|msc|asc|utz) (?:mb|sg|ip|coc|scc|sccs))\b"
)
# the other kinds of audit or certification a text may say it is beside the name of a scheme
# that audits labour conditions ('Rainforest Alliance supply chain certificate', 'BSCI
# Environmental (BEPI)'), told before the scheme's name too, unless its words say it is a
# labour audit (_LABOUR_WORDS: 'LkSG supply chain audit', 'SMETA 4-pillar incl.
# environment', which is a social audit with an environment pillar)
_BESIDE_A_SCHEME: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chain of custody", re.compile(r"\bsupply chain\b")),
    ("environmental", re.compile(r"\b(?:bepi|environmental|environnemental\w*|umweltaudit)\b")),
)
# the words that keep a text a labour audit beside those of _BESIDE_A_SCHEME
_STILL_LABOUR = re.compile(r"\b(?:\d ?pillars?|pillars?|due diligence)\b")
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


class Scheme(NamedTuple):
    """A scheme a text names: its id (one for all its names: SCHEME_ALIASES) and what the
    settings list it as: 'certification' (a recognised certification), 'audit' (a labour
    audit only) or None (a scheme known by name, not listed: credited as nothing)."""

    id: str
    listed: str | None


# (the order a scheme listed both ways is taken in: as a certification)
_LISTED_RANK = {"certification": 0, "audit": 1, None: 2}
# the words of a self-assessment (exact_key's): a questionnaire the supplier answers about
# itself (Sedex's SAQ, a buyer's supplier questionnaire, a self-declaration), which no auditor
# checked; the words of a self-declaration joined or apart ("self assessment",
# "Selbstauskunft", "autoevaluacion")
_SELF_ASSESSMENT = re.compile(
    r"\bself ?(?:assess|audit|evalua|declar|report|certif|check)\w*"
    r"|\bsaq\b|\w*(?:questionnaire|cuestionario|fragebogen)\w*"
    r"|\w*selbst ?(?:auskunft|bewert|beurteil|einsch|audit|erkl|check|verpflicht)\w*"
    r"|\bauto ?(?:evalua|diagnos|declara|audit)\w*"
)
# words that may stand between a scheme and the self-assessment it owns ("Sedex online SAQ",
# "RBA's SAQ")
_OWNER_WORDS = frozenset({"s", "online", "supplier", "site", "facility", "platform"})


# schemes' acronyms that are ordinary words too ("wrap", "grasp"): beside other words, read
# as the scheme only where written in capitals, "WRAP Gold", not "food wrap certificate"
_WORD_NAMES = {word.casefold(): re.compile(rf"\b{word}\b").search for word in ("WRAP", "GRASP")}


class SchemeNames:
    """The one reading of schemes' names in a text, a certification's name as an audit's
    standard, once per distinct text.

    A text names a scheme where consecutive whole words of it are one of the scheme's names,
    without regard to case and punctuation, and the spaces and hyphens inside the name
    optional: "SA 8000" and "sa8000" are SA8000, "amfori-BSCI" and "amforiBSCI" amfori BSCI,
    "Fairtrade USA" Fair Trade USA; "Firma" is not IRMA, nor "Shrink-wrapping" WRAP. The
    names are the settings' (recognised certifications and labour audits) and every name of
    SCHEME_ALIASES, each read as its scheme (the aliases' first); a name of
    SCHEME_NAMES_AS_WRITTEN only with its words apart as written. Where names overlap, the
    longest is read ("Fair Trade USA", not "Fair Trade" in it); where a text names several
    schemes, it is the one the settings list as a certification before one they list as an
    audit, before one they do not list, then the longest, then the first."""

    def __init__(self, certifications: Iterable[str], audits: Iterable[str] = ()) -> None:
        from ddtool.config import SCHEME_ALIASES, SCHEME_NAMES_AS_WRITTEN

        scheme_of = {_joined(name): _joined(names[0]) for names in SCHEME_ALIASES for name in names}
        # each name joined, as the scheme's id, and its words where they must be apart
        self._names: dict[str, tuple[str, tuple[str, ...] | None]] = {}
        self._listed: dict[str, str] = {}  # the schemes the settings list, as what
        for listed, names in (("audit", audits), ("certification", certifications)):
            for name in names:
                key = _joined(name)
                if key:  # (a blank name is refused by the settings; none is read)
                    self._listed[scheme_of.get(key, key)] = listed
                    self._names[key] = (scheme_of.get(key, key), None)
        for names in SCHEME_ALIASES:
            for name in names:
                apart = tuple(exact_key(name).split()) if name in SCHEME_NAMES_AS_WRITTEN else None
                self._names[_joined(name)] = (_joined(names[0]), apart)
        self._longest = max(map(len, self._names), default=0)
        # each text's words and the schemes it names; the scheme it is; whether it is a
        # self-assessment (each worked out once per distinct text)
        self._read: dict[str, tuple[tuple[str, ...], tuple[_Named, ...]]] = {}
        self._schemes: dict[str, Scheme | None] = {}
        self._assessed: dict[str, bool] = {}

    def named(self, text: str) -> tuple[tuple[str, ...], tuple[_Named, ...]]:
        """The words of a text (exact_key's) and the schemes it names, each where it is named
        (the longest of overlapping names), in the order of the words."""
        found = self._read.get(text)
        if found is None:
            found = self._read[text] = self._named(text)
        return found

    def _named(self, text: str) -> tuple[tuple[str, ...], tuple[_Named, ...]]:
        words = tuple(exact_key(text).split())
        found: list[_Named] = []
        for start in range(len(words)):
            joined = ""
            for end in range(start + 1, len(words) + 1):
                joined += words[end - 1]
                if len(joined) > self._longest:
                    break
                name = self._names.get(joined)
                if name is not None and joined in _WORD_NAMES and len(words) > 1:
                    # (an ordinary word beside others, "food wrap", "grasp of": the scheme
                    # only in capitals, as its acronym is written)
                    name = name if _WORD_NAMES[joined](text) else None
                if name is not None and (name[1] is None or name[1] == words[start:end]):
                    scheme = name[0]
                    found.append(_Named(start, end, len(joined), scheme, self._listed.get(scheme)))
        if len(found) > 1:  # (the longest of overlapping names)
            kept: list[_Named] = []
            for named in sorted(found, key=lambda n: (-n.size, n.start)):
                if all(named.end <= k.start or k.end <= named.start for k in kept):
                    kept.append(named)
            found = sorted(kept)
        return words, tuple(found)

    def scheme(self, text: str) -> Scheme | None:
        """The scheme a text names (see the class); None where it names none."""
        try:
            return self._schemes[text]
        except KeyError:
            pass
        _, named = self.named(text)
        found = None
        if named:
            best = min(named, key=lambda n: (_LISTED_RANK[n.listed], -n.size, n.start))
            found = Scheme(best.scheme, best.listed)
        self._schemes[text] = found
        return found

    def self_assessment(self, text: str) -> bool:
        """Whether an audit's standard is a self-assessment, no audit: it says it is one (a
        self-assessment, a self-audit, self-evaluation or self-declaration, an SAQ, a
        questionnaire: _SELF_ASSESSMENT) and names no listed scheme but the one whose
        self-assessment it is, named just before it ("Sedex SAQ", "RBA self-assessment",
        "amfori BSCI Selbstauskunft"). A text naming a scheme's audit beside it is that audit
        ("SMETA 4-pillar (SAQ completed)", "SA8000 audit, questionnaire")."""
        found = self._assessed.get(text)
        if found is None:
            found = self._assessed[text] = self._self_assessment(text)
        return found

    def _self_assessment(self, text: str) -> bool:
        words, named = self.named(text)
        key = " ".join(words)
        said = [m.span() for m in _SELF_ASSESSMENT.finditer(key)]
        if not said:
            return False
        # the words of the self-assessment, and where each run of them begins
        starts = [0]
        for word in words:
            starts.append(starts[-1] + len(word) + 1)
        assessed: set[int] = set()
        for begin, end in said:
            first = bisect_right(starts, begin) - 1
            last = bisect_right(starts, end - 1) - 1
            assessed.update(range(first, last + 1))
        owned = set()  # (the word after each scheme's name, and any owner words after it)
        for i in sorted(assessed):
            if i - 1 not in assessed:
                before = i
                while before > 0 and words[before - 1] in _OWNER_WORDS:
                    before -= 1
                owned.add(before)
        return all(n.listed is None or n.end in owned for n in named)


class _Named(NamedTuple):
    """A scheme named in a text: the words that name it (start, end), their letters (size),
    the scheme's id and what the settings list it as (Scheme.listed)."""

    start: int
    end: int
    size: int
    scheme: str
    listed: str | None


def _joined(name: str) -> str:
    """A scheme's name without case, punctuation or spaces ("SA 8000" is "sa8000")."""
    return exact_key(name).replace(" ", "")


class AuditStandards:
    """Tells what an audit's standard audits (scope), by the names of the schemes and
    programmes that audit labour conditions (the settings' recognised certifications and
    labour audits, read by SchemeNames), once per distinct standard, and whether it is a
    self-assessment (SchemeNames.self_assessment).

    A standard is a labour audit where it names one of them ('RBA VAP', 'SMETA 4-pillar',
    'RMI-RMAP', 'SA 8000'; not 'Firma Müller' for IRMA) or says it is one (_LABOUR_WORDS);
    another kind where it is a chain-of-custody standard (whatever scheme it names) or
    names another kind (_OTHER_KINDS); not known otherwise, and where it names no standard
    at all ('audit', the readers' word for an audit written without one)."""

    def __init__(self, schemes: SchemeNames) -> None:
        self.schemes = schemes
        self._read: dict[str, AuditScope] = {}

    def scope(self, standard: str) -> AuditScope:
        """What the standard audits (see the class)."""
        found = self._read.get(standard)
        if found is None:
            found = self._read[standard] = self._scope(standard)
        return found

    def self_assessment(self, standard: str) -> bool:
        """Whether the standard is a self-assessment, no audit (SchemeNames.self_assessment)."""
        return self.schemes.self_assessment(standard)

    def _scope(self, standard: str) -> AuditScope:
        words = exact_key(standard)
        if not words or words == NO_STANDARD_GIVEN:
            return NO_STANDARD
        if _CHAIN_OF_CUSTODY.search(words):
            return CHAIN_OF_CUSTODY
        labour = _LABOUR_WORDS.search(words) is not None
        scheme = self.schemes.scheme(standard)
        if labour:
            return LABOUR_AUDIT
        if scheme is not None and scheme.listed is not None:
            if _STILL_LABOUR.search(words) is None:
                for kind, pattern in _BESIDE_A_SCHEME:
                    if pattern.search(words):
                        return AuditScope(False, kind)
            return LABOUR_AUDIT
        for kind, pattern in _OTHER_KINDS:
            if pattern.search(words):
                return AuditScope(False, kind)
        return NOT_KNOWN


class AuditResult(NamedTuple):
    """What the score makes of an audit's result (read_audit_result): 'passed', 'failed',
    'other' (recorded, not counted) or None (not known), and the grade it was read from,
    where it is one."""

    outcome: str | None
    grade: Grade | None = None


_NOT_READ = AuditResult(None)


@lru_cache(maxsize=4096)  # (standards and results repeat across audits and rows)
def read_audit_result(standard: str, result: str | None) -> AuditResult:
    """An audit's result as the score reads it: by its words (audit_outcome: 'pass',
    'nicht bestanden', 'pending'), or, where its standard names a scheme that grades
    (_SCHEME_GRADES: amfori BSCI, WRAP), as that scheme's grade (read_grade: 'rating B' is
    a pass, 'D' a failure, 'Gold' a pass). A grade of a standard that does not grade (SMETA,
    'audit') is not known, as any other result is."""
    outcome = audit_outcome(result)
    if outcome is not None or not result:
        return AuditResult(outcome)
    name = grading_scheme(standard)
    if name is None:
        return _NOT_READ
    grades = _SCHEME_GRADES[name]
    grade = read_grade(exact_key(result).split(), grades)
    if grade is None:
        return _NOT_READ
    return AuditResult("passed" if grade.passed else "failed", grade)


def reads_as_a_grade(result: str) -> bool:
    """Whether a result is a grade of some scheme that grades ('B', 'rating B', 'Gold'),
    whatever the audit's standard."""
    return read_grade(exact_key(result).split()) is not None


def grading_scheme(standard: str) -> str | None:
    """The name of the scheme that grades (_SCHEME_GRADES: 'amfori BSCI', 'WRAP') an audit's
    standard names ('BSCI', 'amfori-BSCI audit'), or None."""
    scheme = _grading_schemes().scheme(standard)
    return None if scheme is None else _NAME_OF.get(scheme.id)


@lru_cache(maxsize=1)
def _grading_schemes() -> SchemeNames:
    """The reading of the names of the schemes that grade (whatever the settings list)."""
    return SchemeNames(_SCHEME_GRADES)


def scope_note(scope: AuditScope, of: str = "audit") -> str:
    """Why an audit (or, `of` 'certification', a certification) of this scope earns no
    credit, as the evidence and the warnings say it: 'not a labour audit (food safety)',
    'not a labour certification (chain of custody): no credit', 'no standard given, so not
    known to audit labour conditions', 'not known to audit labour conditions'."""
    if of == "certification":
        return f"not a labour certification ({scope.what}): no credit"
    if scope.labour is False:
        return f"not a labour audit ({scope.what})"
    if scope.what:
        return f"{scope.what}, so not known to audit labour conditions"
    return "not known to audit labour conditions"


@lru_cache(maxsize=8)  # (one set of names per settings file; the defaults' in most runs)
def audit_standards(
    names: tuple[str, ...] | None = None, certifications: tuple[str, ...] = ()
) -> AuditStandards:
    """The reading of audit standards by the names of these labour audits and recognised
    certifications (Config.labour_audits, recognised_certifications; the readers give all
    as `names`: Config.audit_names), or by the default settings' where `names` is None."""
    if names is None:
        from ddtool.config import Config

        config = Config()
        names = tuple(config.labour_audits)
        certifications = tuple(config.recognised_certifications)
    return AuditStandards(SchemeNames(certifications, names))
