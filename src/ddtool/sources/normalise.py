"""Normalise raw records into Suppliers: countries to ISO3, sectors to taxonomy ids, numbers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain, compress, repeat
from operator import attrgetter, itemgetter
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ddtool.errors import Location, Problem, ProblemList, Severity, path_text, shown_name
from ddtool.model import (
    AUDIT_RESULTS,
    Audit,
    Certification,
    Company,
    OtherSector,
    Supplier,
)
from ddtool.nested import rebuilt
from ddtool.reference.countries import (
    begins_the_name,
    country_place,
    display_name,
    may_name_place,
    normalise_country,
)
from ddtool.sources.columns import FIELDS
from ddtool.sources.interface import RawChain, RawRecord, RawTable
from ddtool.sources.values import (
    DIRECTION_FORMATS,
    HOLDS_DIRECTION_CONTROL,
    ValueProblem,
    as_id,
    as_text,
    cell_text,
    direction_told,
    direction_trick,
    estimate_told,
    fraction_column,
    has_separator,
    is_placeholder,
    leading_expiry,
    month_of,
    number_readings,
    parse_date,
    parse_expiry,
    parse_int,
    parse_number,
    parse_pct,
    parse_tier,
    split_list,
    unicode_id,
    unicode_text,
    whole_numbers,
)

if TYPE_CHECKING:  # (imported where used: ddtool.schemes reads denials with ddtool.profiles,
    # which imports this module)
    from ddtool.schemes import AuditStandards


@dataclass(frozen=True, slots=True)
class SectorMatch:
    """The outcome of matching a sector as written to the taxonomy."""

    id: str | None
    suggestion: str | None = None
    note: str | None = None  # why the text has no sector, when that is known
    # what the sector read assumes that the text does not say (a mine's scale), told in a
    # `sector-scale-unknown` warning: "does not say whether the mine is artisanal or …"
    assumed: str | None = None
    # the minerals a mine's sector text names ("cobalt mining": cobalt), which stand for
    # the supplier's products where those name no good (Supplier.sector_minerals)
    products: tuple[str, ...] = ()
    # the other sectors a text names beside the one read (services, other sectors of goods)
    # and how it is scored, told in a `several-sectors` warning: "names 'artisanal-mining'
    # (…) and 'logistics-transport' …"
    beside: str | None = None
    # the other sectors of goods a text names beside the worse, read as `id`, each with its
    # minerals ("fishing and fish farming": aquaculture; Supplier.other_sectors)
    others: tuple[OtherSector, ...] = ()
    # the parts of a text naming several sectors read spelt right, as each alone is
    # suggested: each as written, spelt right and the name of the sector it reads as
    # ("fishing and fish farmng": 'fish farmng', 'fish farming', aquaculture), told in an
    # `unknown-sector` warning (`misspelt`) with those sectors as its suggestion
    respelt: tuple[tuple[str, str, str], ...] = ()
    # the parts of a text naming a sector that name none, each as written with the sector
    # suggested for it ("logistics; beedi rolling": 'beedi rolling'), told in an
    # `unknown-sector` warning (`unmatched_told`); the score takes, on each risk type, no
    # less than a sector not known's (`others` holds one of the id NO_SECTOR)
    unmatched: tuple[tuple[str, str | None], ...] = ()

    @property
    def unmatched_told(self) -> str | None:
        """The parts of a text naming a sector that name none, told (`unmatched`)."""
        if not self.unmatched:
            return None
        one = len(self.unmatched) == 1
        parts = [repr(part) for part, _ in self.unmatched]
        listed = f"{', '.join(parts[:-1])} and {parts[-1]}" if parts[1:] else parts[0]
        return (
            f"has {'a part' if one else 'parts'} naming no sector in the taxonomy: {listed};"
            f" {'its' if one else 'their'} part of the score is no data, never low (a data"
            " gap): on each risk type the supplier scores no lower than a sector not known;"
            " give the sector of that work"
        )

    @property
    def misspelt(self) -> str | None:
        """What a text naming several sectors reads spelt right, told (`respelt`)."""
        if not self.respelt:
            return None
        one = len(self.respelt) == 1
        it, them = ("it", "it") if one else ("each", "them")
        parts = [
            f"{w!r} is read as {r!r} ({name[:1].lower()}{name[1:]})" for w, r, name in self.respelt
        ]
        listed = f"{', '.join(parts[:-1])} and {parts[-1]}" if parts[1:] else parts[0]
        return (
            f"has {'a part' if one else 'parts'} not in the taxonomy, a word of {it} reading"
            f" as misspelt: {listed}, as {it} alone is suggested; write {them} as the"
            f" taxonomy spells {them}"
        )


class SectorMatcher(Protocol):
    """The hook the risk profiles fill: sector text to taxonomy id, product text to a
    listed good.

    The same text always gives the same match: a table asks once per distinct sector.
    """

    def match_sector(self, value: str) -> SectorMatch: ...

    def sector_named(self, value: str) -> str | None: ...

    def match_good(self, product: str) -> str | None: ...

    def good_chain(self, product: str) -> str | None: ...

    def good_suggestion(self, product: str) -> str | None: ...


class NoTaxonomy:
    """Accepts any sector string as it is (used before the taxonomy is loaded); knows no
    goods."""

    def match_sector(self, value: str) -> SectorMatch:
        return SectorMatch(value.strip())

    def sector_named(self, value: str) -> str | None:
        return None

    def match_good(self, product: str) -> str | None:
        return None

    def good_chain(self, product: str) -> str | None:
        return None

    def good_suggestion(self, product: str) -> str | None:
        return None


Where = Location | Callable[[], Location]


def _at(where: Where) -> Location:
    """Locations are built only when a problem is reported (10^5 rows rarely have one)."""
    return where() if callable(where) else where


@dataclass(frozen=True, slots=True)
class _Issue:
    """A problem with a value, before it is located: a table reads a repeated value once and
    reports its problem at each row that holds it."""

    type: str
    message: str
    severity: Severity = "error"
    suggestion: str | None = None

    def at(self, location: Location) -> Problem:
        return Problem(self.type, self.message, location, self.severity, self.suggestion)


Issues = tuple[_Issue, ...]
_R = TypeVar("_R")


def _report(problems: ProblemList, issues: Issues, where: Where) -> None:
    location = _at(where)
    problems.extend([issue.at(location) for issue in issues])


def _reported(found: tuple[_R, Issues], where: Where, problems: ProblemList) -> _R:
    """A converted value, with its problems reported where it was found."""
    value, issues = found
    if issues:
        _report(problems, issues, where)
    return value


def _country_value(
    value: Any, what: str = "country"
) -> tuple[tuple[str | None, str | None], Issues]:
    """(ISO3, the country as written) and the problem with it.

    A country is a code, as an id is: one holding a control character, or a direction
    control that can make it show as another (U+202E before 'TH' shows 'HT', Haiti, where
    it reads Thailand), is refused, and read as no country. The score rests on it, and a
    warning beside a report scored for a country the file does not show is too easily
    passed over; the direction marks a right-to-left text carries are dropped, as in a
    name."""
    if value is None:
        return (None, None), ()
    # (YAML's true and false as the file writes them, not as Python's True and False)
    raw = str(value).lower() if isinstance(value, bool) else as_text(value)
    if type(value) is str and not (value.isascii() and value.isprintable()):
        hidden = _hidden(value.strip(), what)
        if hidden is not None:
            trick = None if _CONTROL.search(value) else direction_trick(value)
            if trick is not None:  # (what it is read as: maybe another country than it shows)
                iso3 = normalise_country(raw).iso3
                hidden = _Issue(
                    "unsafe-characters",
                    f"{what} {value.strip()[:60]!r} holds {direction_told(trick)}: it is read"
                    f" as {raw[:60]!r}{f' ({display_name(iso3)})' if iso3 else ''}, not as it"
                    " shows; remove it (a country is a code, matched as it is read)",
                )
            return (None, raw or None), (hidden,)
    match = normalise_country(raw)
    issues: Issues = ()
    if match.not_read_as is not None:  # ("NA", "N.A.", "S.D.": not Namibia, not Sudan)
        name, code = display_name(match.not_read_as), match.not_read_as
        issues = (
            _Issue(
                "country-not-available",
                f"{what} {raw!r} is read as 'not available' (a data gap), not as {name}"
                f" (for {name}, write {name!r} or {code!r})",
                "warning",
            ),
        )
    elif match.iso3 is None and not match.unknown:
        why, suggestion = match.why, match.suggestion
        if why is None and _names_the_xuar(raw):  # ("Xinjiang", "Xinjiang, China")
            why = (
                "a place in China (the Xinjiang Uyghur Autonomous Region), not a country:"
                " write the country China, and the place in the region column or after"
                " the country's comma ('China, Xinjiang')"
            )
            suggestion = suggestion or f"{display_name('CHN')} (CHN)"
        elif (
            why is None
            and not (suggestion and begins_the_name(raw, suggestion))
            and (countries := _countries_of_region(raw))
        ):
            # ("Pará", "Minas Gerais": a Brazilian member's state in the country column; it
            # was "did you mean Paraguay?")
            named = " or ".join(f"{display_name(iso)} ({iso})" for iso in countries)
            why = (
                f"a state, province or region of {named}, not a country: write the country,"
                " and the place in the region column or after the country's comma"
            )
            suggestion = named
        issues = (
            _Issue(
                "unknown-country",
                f"{'ambiguous' if ' or ' in (suggestion or '') else 'unknown'} {what}"
                f" {raw!r}" + (f": {why}" if why else ""),
                suggestion=suggestion,
            ),
        )
    return (match.iso3, raw or None), issues


def _countries_of_region(text: str) -> list[str]:
    """The countries a country text not read as a country is a region of (regions)."""
    from ddtool.regions import countries_of_region

    return countries_of_region(text) if text else []


def _names_the_xuar(text: str) -> bool:
    """Whether a country text not read as a country names the XUAR or a place in it."""
    from ddtool.regions import xuar_place

    return bool(text) and xuar_place(text, None) is not None


def _place_where(raw: str) -> str:
    """Where a country text writes the place after the country: 'after its comma', 'in its
    brackets' or 'after its dash'."""
    if "," in raw:
        return "after its comma"
    return "in its brackets" if "(" in raw else "after its dash"


def _placed_region(iso3: str, raw: str, place: str, region: str | None) -> tuple[str, _Issue]:
    """The region of a supplier whose country is written with a place after its comma
    ("China, Xinjiang"): the place, after the region given where there is one and it does
    not hold it ("Hotan" and "Xinjiang": "Hotan, Xinjiang"); and the warning that says so.
    The place is never dropped: in China it may place the supplier in the XUAR (regions)."""
    if region and place.casefold() in region.casefold():
        kept = region
    else:
        kept = f"{region}, {place}" if region else place
    return kept, _Issue(
        "country-region",
        f"country {raw!r} is read as {display_name(iso3)} ({iso3}), and {place!r}"
        f" {_place_where(raw)} as {'part of ' if region else ''}its region ({kept!r}): give"
        " the region in a region column",
        "warning",
    )


def _country(
    value: Any, where: Where, problems: ProblemList, what: str = "country"
) -> tuple[str | None, str | None]:
    return _reported(_country_value(value, what), where, problems)


def _sector_value(
    value: Any, sectors: SectorMatcher
) -> tuple[tuple[str | None, str | None], Issues]:
    """(taxonomy id, the sector as written) and the problem with it."""
    if value is None:
        return (None, None), ()
    raw = as_text(value)
    # as for countries: "we do not know", a data gap; and a text with no letter or digit
    # ("-", a zero-width space), which says no more than a blank cell
    if is_placeholder(raw):
        return (None, None), ()
    match = sectors.match_sector(raw)
    issues: Issues = ()
    if match.id is None:
        issues = (
            _Issue(
                "unknown-sector",
                f"sector {raw!r} is not in the taxonomy"
                + (f" ({match.note})" if match.note else "")
                # (a sector whose text says why it has none is not guessed from products;
                # one that says nothing is, where a supplier's products name goods of one
                # sector: the clause says so whole, its condition and what follows)
                + (
                    ";"
                    if match.note
                    else "; unless the supplier's products name goods of one sector, which"
                    " is then taken as its sector,"
                )
                + " its part of the score is no data, never low (a data gap)",
                "warning",
                match.suggestion,
            ),
        )
    else:
        unmatched = " or ".join(dict.fromkeys(s for _, s in match.unmatched if s)) or None
        issues = tuple(
            _Issue(kind, f"sector {raw!r} {told}", "warning", suggestion)
            for kind, told, suggestion in (
                ("unknown-sector", match.misspelt, match.suggestion),
                ("unknown-sector", match.unmatched_told, unmatched),
                ("several-sectors", match.beside, None),
                ("sector-scale-unknown", match.assumed, None),
            )
            if told is not None
        )
    return (match.id, raw), issues


def _minerals_of_sector(
    products: list[str], sector_raw: str | None, sectors: SectorMatcher
) -> tuple[str, ...]:
    """The minerals a mine's sector text names ('cobalt mining', 'artisanal gold mine':
    cobalt, gold; a refinery's, 'gold refinery'), where its products name no good of their
    chain (none, only what they deny, 'no gold', or a good of another chain only: 'grain' of
    a gold refinery is its gold's form, no cereal): they say which of the mining sector's
    listings apply, and which mines are beneath the others, as a products cell would. Kept
    apart from the products, which stay as written."""
    if sector_raw is None:
        return ()
    minerals = sectors.match_sector(sector_raw).products
    if not minerals:
        return ()
    chains = {sectors.good_chain(mineral) for mineral in minerals} - {None}
    for product in products:
        if sectors.match_good(product) is not None and (
            not chains or sectors.good_chain(product) in chains
        ):
            return ()
    return minerals


def _others_of_sector(
    products: list[str], sector_raw: str | None, sectors: SectorMatcher
) -> tuple[OtherSector, ...]:
    """The other sectors of goods a sector text names beside the one it is read as
    ('fishing and fish farming': aquaculture), each with its minerals where the products
    name no good (as _minerals_of_sector)."""
    if sector_raw is None:
        return ()
    others = sectors.match_sector(sector_raw).others
    if any(other.minerals for other in others) and any(
        sectors.match_good(product) is not None for product in products
    ):
        return tuple(OtherSector(other.id) for other in others)
    return others


def _unmatched_products(
    products: list[list[str]], sectors: SectorMatcher
) -> list[tuple[int, Issues]]:
    """The products, row by row, that are no listed good's name but are written as one
    would be with a slip ('cocoa beanz'): the sector a supplier's products give where it
    has none, and the listings they select, take a good's name as written, so a slip would
    miss a listing without a word. Each distinct product is looked up once."""
    said: dict[str, Issues] = {}
    for item in {item for items in products for item in items}:
        suggestion = sectors.good_suggestion(item)
        if suggestion is not None:
            said[item] = (
                _Issue(
                    "unmatched-product",
                    f"product {item!r} is not the name of a good of the US DOL List of"
                    " Goods, but is written much like one: goods are matched as written, so"
                    " a listing may be missed",
                    "warning",
                    repr(suggestion),
                ),
            )
    if not said:
        return []
    return [
        (index, tuple(issue for item in items if item in said for issue in said[item]))
        for index, items in enumerate(products)
        if any(item in said for item in items)
    ]


def _sector(
    value: Any, where: Where, problems: ProblemList, sectors: SectorMatcher
) -> tuple[str | None, str | None]:
    return _reported(_sector_value(value, sectors), where, problems)


def _yes_no(value: Any, field: str, thing: str) -> tuple[Any, Issues]:
    """A list field's value without its yes/no values (a spreadsheet's TRUE and FALSE, as a
    cell or as a CSV file writes them; YAML's true and false), which name no product or
    certification: a column of ticks read as the field, or a cell a spreadsheet turned into
    a boolean. They are dropped with a warning, never read as an item named 'True'."""
    if _is_yes_no(value):
        found, value = [value], None
    elif type(value) is str and has_separator(value) and _YES_NO_WORD.search(value.casefold()):
        items = split_list(value)  # ("TRUE; cocoa beans": the items but the yes/no one)
        found = [item for item in items if _is_yes_no(item)]
        if not found:
            return value, ()
        value = [item for item in items if not _is_yes_no(item)]
    elif isinstance(value, list) and any(map(_is_yes_no, value)):
        found = [item for item in value if _is_yes_no(item)]
        value = [item for item in value if not _is_yes_no(item)]
    else:
        return value, ()
    shown = " and ".join(
        dict.fromkeys(str(flag).upper() if type(flag) is bool else as_text(flag) for flag in found)
    )
    return value, (
        _Issue(
            "yes-no-value",
            f"{field} holds the yes/no value {shown}, which names no {thing}: it is not read"
            f" (write the {thing}'s name; is a column of ticks read as {field}?)",
            "warning",
        ),
    )


# a yes/no cell as a CSV file (or a text cell) writes it: a spreadsheet saves a ticked cell
# so, in its language (TRUE, WAHR, VRAI, VERDADERO)
_YES_NO_WORDS = frozenset({"true", "false", "wahr", "falsch", "vrai", "faux", "verdadero", "falso"})
_YES_NO_WORD = re.compile(r"\b(?:true|false|wahr|falsch|vrai|faux|verdadero|falso)\b")


def _is_yes_no(value: Any) -> bool:
    """A yes/no value: a boolean, or a whole text that is one as read (TRUE, "false", WAHR;
    TRUE with a right-to-left mark)."""
    return type(value) is bool or (
        type(value) is str and as_text(value).casefold() in _YES_NO_WORDS
    )


def yes_no_in(column: Sequence[Any]) -> bool:
    """Whether a column may hold a yes/no value (a boolean, or a text with such a word): one
    C-level search through its text, the cells looked at one by one only then."""
    kinds = set(map(type, column))
    if bool in kinds:
        return True
    texts = column if kinds <= {str} else [v for v in column if type(v) is str]
    return bool(texts) and _YES_NO_WORD.search("\0".join(texts).casefold()) is not None


def _certifications_value(value: Any) -> tuple[list[Certification], Issues]:
    value, yes_no = _yes_no(value, "certifications", "certification")
    issues: list[_Issue] = [*yes_no]
    items = _with_expiries(
        _with_years(value if isinstance(value, list) else split_list(value)), issues
    )
    out: list[Certification] = []
    for item in items:
        dated = False
        if isinstance(item, dict):
            name = item.get("name") or item.get("standard")
            if not name:
                issues.append(_Issue("bad-certification", "a certification needs a 'name'"))
                continue
            valid_until = None
            if item.get("valid_until") is not None:
                try:
                    valid_until = parse_expiry(item["valid_until"])
                except ValueProblem as e:
                    issues.append(_Issue("bad-date", f"certification valid_until: {e}"))
            written = str(name).strip()
            name = as_text(name)
        elif item is not None and str(item).strip():
            written = str(item).strip()
            if is_placeholder(written):
                continue  # ('N/D', 'não informado', '-': no certification named, as a blank)
            name, valid_until, issue = _certification_text(as_text(item))
            if issue is None and valid_until is None:
                issue = _trailing_date(name)
                if issue is not None and _not_held_issue(name) is not None:
                    issue = None  # (not held, whatever its dates: 'formerly … 2015-2020')
            if issue is not None:
                issues.append(issue)
                dated = True  # (its date is the problem said: 'Fairtrade expired')
        else:
            continue
        # (as written: the direction controls are not read; shown in the evidence and by
        # explain, and matched to the recognised schemes: refused as an id is)
        hidden = _hidden(written, "certification")
        if hidden is not None:
            issues.append(hidden)
            continue
        if not dated:
            not_held = _not_held_issue(name, valid_until is not None)
            if not_held is not None:
                issues.append(not_held)
        out.append(Certification.model_construct(name=name, valid_until=valid_until))
    return out, tuple(issues)


def _not_held_issue(name: str, dated: bool = False) -> _Issue | None:
    """The warning of a certification whose name says it is not held (certification_not_held:
    'Fairtrade (suspended)', 'not Fairtrade certified', 'SA8000 in progress'), which the
    score does not credit; `dated`: its expiry is given (not_held_with_expiry)."""
    from ddtool.schemes import not_held_advice, not_held_note, not_held_with_expiry

    said = not_held_with_expiry(name, dated)
    if said is None:
        return None
    note = not_held_note(said)
    return _Issue(
        "certification-not-held",
        f"certification {name!r} says {said!r}{f' ({note})' if note else ''}: it is read as not"
        f" held, and earns no credit ({not_held_advice(said)})",
        "warning",
    )


def _hidden(
    text: str, what: str, quoted: bool = True, code: bool = True, option: str | None = None
) -> _Issue | None:
    """The issue with a text as written that holds a control character, or a direction
    control that can make it show in another order than it is read (direction_trick): the
    text itself quoted in it, escaped, where the field does not locate it alone.

    A control character is refused. Such a direction control is refused in a `code` (an id,
    a buyer, a certification or an audit: matched as read, and what they match counts), and
    warned of in a text shown to people (a name, a region, a sector), which is read without
    it, as every direction control is (unicode_text)."""
    if _UNSAFE.search(text) is None:
        return None
    control = _CONTROL.search(text)
    if control is not None:
        return _Issue(
            "unsafe-characters",
            f"{what}{f' {text[:60]!r}' if quoted else ''} contains the control character"
            f" U+{ord(control.group()):04X} (it would reach the terminal and the reports);"
            " remove it",
        )
    return _direction_issue(text, what, quoted, code, option)


def _direction_issue(
    text: str, what: str, quoted: bool, code: bool, option: str | None = None
) -> _Issue | None:
    """The issue with a text holding a direction control that can make it show in another
    order than it is read (see _hidden); of a text given with a command-line `option`
    ('--company'), which has no file to check it against, the text only as read: the
    control is named in words."""
    trick = direction_trick(text)
    if trick is None:  # (embeddings and isolates, each closed: as the marks, dropped)
        return None
    if code:
        return _Issue(
            "unsafe-characters",
            f"{what}{f' {text[:60]!r}' if quoted else ''} holds {direction_told(trick)};"
            " remove it (a code is matched as it is read, not as it shows)",
        )
    if option is not None:
        return _Issue(
            "text-direction",
            f"{what} holds {direction_told(trick)}: it is read without it, as"
            f" {as_text(text)[:60]!r}; check the {option} value",
            "warning",
        )
    return _Issue(
        "text-direction",
        f"{what} {text[:60]!r} holds {direction_told(trick)}: it is read without it, as"
        f" {as_text(text)[:60]!r}; check it against the file",
        "warning",
    )


# a month's name and a day at the end of an item, and a year: "SA8000 valid until Jan 31, 2024"
# is split at its comma into two items ([…] in YAML too), which are one
_MONTH_DAY = re.compile(r"\b(?P<month>[^\W\d_]{3,})\.?\s*\d{1,2}(?:st|nd|rd|th)?$")
_YEAR = re.compile(r"\d{4}")


def _with_years(items: list[Any]) -> list[Any]:
    """The items of a list of certifications, a year split from its date by the comma in
    "Jan 31, 2024" joined to it again (a year alone is no certification)."""
    if len(items) < 2:
        return items
    out: list[Any] = []
    for item in items:
        if (  # (each as read: a year with a direction mark is the year)
            out
            and type(item) in (str, int)
            and _YEAR.fullmatch(as_text(item))
            and isinstance(out[-1], str)
            and (day := _MONTH_DAY.search(as_text(out[-1]))) is not None
            and month_of(day.group("month")) is not None
        ):
            out[-1] = f"{out[-1].rstrip()}, {str(item).strip()}"
        else:
            out.append(item)
    return out


def _trailing_date(name: str) -> _Issue | None:
    """The bad-date of a certification whose name ends with a date, with no expiry word in
    it ("SA8000 2024-01-01", "Fairtrade Dec 2023", "SA8000 12/2023"): the date could be the
    expiry or the day it was granted, and a certificate is never taken as current on a
    guess; of one whose name ends with a period ("SA8000 (2021-2023)", "SA8000
    2021-2023"): its end is not said to be the expiry, and a year is no expiry date; of one
    whose date is said to be the day it was issued ("SA8000 issued 2019-01-01"); and of one
    whose name ends with a full date that does not exist ("SA8000 32/12/2023"). Numbers after
    a word that says they are the certificate's number ("SA8000 No. 15/2024", "Fairtrade
    (FLO 28/2019)", "SA8000 Cert. No. 07/2023") are an identifier, part of the name, and so
    are a month and its year whose month is none ("SA8000 13/2023": no word says it is a
    date) and a standard's version ("ISO 45001:2018", "SA8000:2014")."""
    if not any(map(str.isdigit, name)) or any(
        w.group("word").casefold() not in _NAMES_WORDS for w in _EXPIRY_WORD.finditer(name)
    ):
        return None  # (no date; or a word says what its dates are)
    period = _TRAILING_PERIOD.search(name)
    if period is not None and _period_read(period):
        if _numbered(name, period.start(), period.group()):
            return None  # (a certificate's number: "SA8000 Reg. No. 2021-2023")
        before, _issued = _written_before(name, period.start())
        first, last = period.group("first", "last")
        if last is not None:  # ("2021-2023", "2021-23": years)
            year = max(first, last) if len(last) == 4 else first[:2] + last
            how = (
                f"write the day it ends: '{before} valid until {year}-12-31', its month"
                f" ('valid until December {year}') or 'valid until end of {year}'"
            )
        else:
            how = f"if it ends on the expiry, write '{before} valid until {period.group('end')}'"
        return _Issue(
            "bad-date",
            f"certification {name!r} ends with a period ({period.group().strip(' ()')}) and"
            f" no expiry date: {how}",
        )
    found = _TRAILING_DATE.search(name)
    if found is None or not _months_named(found, "month"):
        return None  # (a name's numbers: "SA8000 13/2023" has no month 13, and says no date)
    date = found.group("date")
    if _numbered(name, found.start(), date):
        return None  # (a certificate's number: "SA8000 Cert. No. 07/2023")
    before, issued = _written_before(name, found.start())
    if _NUMBERS_ONLY.fullmatch(date):
        try:
            parse_expiry(date)
        except ValueProblem as e:
            return _Issue(
                "bad-date",
                f"certification {name!r} ends with numbers written as a date, but {date} is"
                f" not a date ({e}): write its expiry date, such as '{before} valid until"
                " 2026-06-30'",
            )
    if issued is not None:
        return _Issue(
            "bad-date",
            f"certification {name!r} gives the day it was issued ({issued} {date}), not its"
            " expiry, and a certificate is never taken as current from it: write its expiry"
            f" date instead, such as '{before} valid until 2026-06-30'",
        )
    return _Issue(
        "bad-date",
        f"certification {name!r} ends with a date without saying what it is: if it is the"
        f" expiry, write '{before} valid until {date}'",
    )


def _numbered(name: str, start: int, numbers: str) -> bool:
    """Whether numbers found at `start` in a certification's name, written as a date or a
    period, are its certificate's number: numbers only, after a word that says so ("No.",
    "Nr.", "#", "Cert.", "Certificate", "ID", "FLO", "Reg.", "License")."""
    return (
        _NUMBERS_ONLY.fullmatch(numbers.strip(" ()")) is not None
        and _NUMBER_WORD_AT_END.search(name, 0, start) is not None
    )


def _written_before(name: str, start: int) -> tuple[str, str | None]:
    """The certification's name before a date or period found at `start` in it, without
    the word before the date that says it is the day it was issued ("SA8000 issued
    2019-01-01", "SA8000 (valid from 2019-01-01)"), and that word (None: none)."""
    before = name[:start]
    issued = _ISSUED_AT_END.search(before)
    word = None if issued is None else issued.group("word")
    if issued is not None:
        before = before[: issued.start()]
    before = before.rstrip(" (:–—-")
    # (a bracket the date was in closed before it: "SA8000 (audit 03/2024)" is "SA8000
    # (audit)", and a suggestion written after it never leaves one open)
    return before + ")" * max(0, before.count("(") - before.count(")")), word


def _date_after_expiry(certification: str, date: str) -> _Issue:
    """The bad-date of a date split by a separator from a certification that gives its
    expiry ("Fairtrade (valid until 2026-06-30), 12/2023"): it says nothing of what it is,
    and is not read."""
    return _Issue(
        "bad-date",
        f"certification {certification!r} is followed by {date!r}, a date without a word"
        " saying what it is, after the certification's own expiry: it is not read; remove it,"
        " or say what it is",
    )


def _only_a_date(item: str) -> bool:
    """Whether a list item is only a date, a month and its year or a period, maybe after a
    word saying it is the day it was issued ("12/2023", "Dec 2023", "2021-2023", "13/2023",
    "issued 2019-01-01"): it names no certification, and belongs to the one before it
    ("Fairtrade, 12/2023" is "Fairtrade 12/2023"). A year alone is none ("Fairtrade, 2024"
    is two items, as "2024" alone is a name's: "GOTS (2026)")."""
    if _DATE_ITEM_START.match(item) is None:
        return False  # (most items, in one look: a name, "WRAP (valid until 2028-12-30)")
    issued = _ISSUED_AT_START.match(item)
    text = item[issued.end() :] if issued is not None else item
    period = _TRAILING_PERIOD.match(text)
    if period is not None and _period_read(period):
        return True
    found = _TRAILING_DATE.match(text)
    if found is not None and _months_named(found, "month"):
        return True
    return _TRAILING_NUMBERS.match(text) is not None


# the years a certificate's period may hold, and the most years it may span: a range of
# years beyond them is a number of the name ("REACH 1907/2006", a regulation's number;
# "OEKO-TEX 100 2023/45")
_PERIOD_YEARS = range(1990, 2101)
_PERIOD_MAX_YEARS = 10


def _period_read(period: re.Match[str]) -> bool:
    """Whether a period found at the end of a name is one: of years, both a certificate's
    (_PERIOD_YEARS), the last after the first, 1 to 10 years after it where written in two
    digits ("2021-2023", "2010-2025", "2023/24"; not "2023-12", December 2023, "2023/45" nor
    "1907/2006"); of dates, each month named a month."""
    first, last = period.group("first", "last")
    if last is None:
        return _months_named(period, "month1", "month")
    start = int(first)
    if len(last) == 4:  # (a long period of a certificate's years is one still: "2010-2025")
        return start in _PERIOD_YEARS and int(last) in _PERIOD_YEARS and int(last) > start
    end = start - start % 100 + int(last)
    return start in _PERIOD_YEARS and end in _PERIOD_YEARS and 0 < end - start <= _PERIOD_MAX_YEARS


def _months_named(found: re.Match[str], *groups: str) -> bool:
    """Whether the months' names a date found holds are months ("Dec 2023", not "Standard
    2023"): `groups` are those of its names."""
    return all(
        (month := found.group(group)) is None or month_of(month) is not None for group in groups
    )


def _with_expiries(items: list[Any], issues: list[_Issue]) -> list[Any]:
    """The items of a list of certifications, an expiry or a date split from its
    certification by a separator ("SA8000, valid until 2024-01-01", "Fairtrade; expired",
    "Fairtrade, 12/2023") joined to it again, read as the cell without that separator is: it
    is no certification of its own, and the one before it is not current. An expiry or a
    date before any certification is a bad-certification."""
    out: list[Any] = []
    for item in items:
        # (a date of YAML's, or a year, as a cell's text: "[Fairtrade, 2023-12-31]")
        text = str(item) if type(item) in (int, dt.date) else item
        if not isinstance(text, str):
            out.append(item)
            continue
        read = as_text(text)  # (as read, as the item is)
        if _is_expiry(read):
            what = "an expiry"
        elif _only_a_date(read):
            what = "a date"
        else:
            out.append(item)
            continue
        if out and isinstance(out[-1], str):
            if what == "a date" and _certification_text(as_text(out[-1]))[1] is not None:
                issues.append(_date_after_expiry(as_text(out[-1]), read))
            else:
                out[-1] = f"{out[-1].rstrip()} {text.strip()}"
        else:
            issues.append(
                _Issue(
                    "bad-certification",
                    f"{read[:60]!r} gives {what} but no certification: write the"
                    " certification's name before it, such as 'SA8000 valid until 2026-06-30'",
                )
            )
    return out


# the words before a certification's expiry date in a cell: "Rainforest Alliance (valid
# until 2026-06-30)", "SA8000 bis 30.06.2026", "Fairtrade (jusqu'au 30/06/2026)", "Fairtrade
# expired 2023-12-31", "SA8000 abgelaufen am 31.12.2023", "SA8000 thru 2023-12-31"; each a
# whole word ("Bisphenol" holds no "bis", "export" no "exp"). "valid from" and "valid since"
# give the day it was issued (_ISSUED), no expiry
_EXPIRED = r"expired|abgelaufen|expir(?:é|ée)|vencid[oa]|verlopen"
# the expiry words that are a name's words too, where no date follows them: "Fairtrade
# through cooperative 2019-01-01" ends with a date that is not said to be the expiry
_NAMES_WORDS = frozenset({"through", "thru"})
_UNTIL = (
    r"valid\s+(?:until|till|to|through|thru)|valid(?!\s+(?:from|since)(?!\w))|until|till"
    r"|through|thru"
    r"|(?:expires|expire|expired|expiring)(?:\s+(?:on|since))?|expiry(?:\s+date)?"
    r"|expiration(?:\s+date)?|exp\.?"
    r"|g(?:ü|ue)ltig\s+bis(?:\s+zum)?|bis(?:\s+zum)?|abgelaufen(?:\s+(?:am|seit))?|ablauf"
    r"|valable\s+jusqu'?au|jusqu'?au|expir(?:é|ée)(?:\s+le)?"
    r"|v(?:á|a)lido\s+hasta|hasta|vence(?:\s+em)?|vencid[oa](?:\s+(?:el|em))?"
    # (Portuguese: "válido até", "validade", "vence em", "vencido em")
    r"|v(?:á|a)lid[oa]\s+at(?:é|e)|validade|até"
    # (Dutch: "geldig tot", "geldig t/m", "verloopt op", "vervalt op", "verlopen op")
    r"|geldig\s+(?:tot(?:\s+en\s+met)?|t/m)|verloopt(?:\s+op)?|vervalt(?:\s+op)?"
    r"|verlopen(?:\s+(?:op|sinds))?|vervaldatum"
)
# "Name (word date)" or "Name (date)"
_PARENTHESISED = re.compile(
    rf"^(?P<name>.+?)\s*\(\s*(?:(?P<word>{_UNTIL})(?!\w)\s*:?\s*)?(?P<date>[^()]*?)\s*\)$",
    re.IGNORECASE,
)
# "Name word date", "Name expired": each expiry word after a name, and what follows it
_EXPIRY_WORD = re.compile(rf"\s+(?P<word>{_UNTIL})(?!\w)\s*:?\s*", re.IGNORECASE)
_LAPSED = re.compile(_EXPIRED, re.IGNORECASE)
# a list item that may be an expiry, not a certification (see _is_expiry): an expiry word
# alone ("expired"), or one and what follows it ("valid until 2024-01-01", "(bis
# 30.06.2026)"; "BIS 14543", a standard of the Bureau of Indian Standards, is a certification)
_EXPIRY_ITEM = re.compile(
    rf"\(?\s*(?P<word>{_UNTIL})(?!\w)\s*:?\s*(?P<rest>.*?)\)?$", re.IGNORECASE | re.DOTALL
)


_DATE_START = re.compile(r"\d|[^\W\d_]{3,}\.?\s*\d")


def _is_expiry(item: str) -> bool:
    """Whether a list item is an expiry, not a certification (see _EXPIRY_ITEM): a word
    saying it lapsed, or an expiry word and what begins as a date is written ("bis
    30.06.2026", "until June 2026", "expired 2023": the last a bad-date of the certification
    before it); "BIS 14543", a standard of the Bureau of Indian Standards, is none."""
    found = _EXPIRY_ITEM.match(item)
    if found is None:
        return False
    word, rest = found.group("word", "rest")
    if not rest:  # (a word alone: one saying it lapsed is an expiry, "valid" a name's)
        return _LAPSED.fullmatch(word.strip()) is not None
    if word == "BIS":  # (the Bureau, in capitals: "BIS 14543" is its standard)
        return False
    # what begins as a date is written: a digit, or a word and a digit ("June 2026", "mid
    # 2026"); one that cannot be read is then the certification's bad-date, never a name
    return _DATE_START.match(rest) is not None


# a date at the end of a certification's name, with no expiry word before it, maybe in
# parentheses: a full date ("SA8000 2024-01-01", "SA8000 - 31.12.2024", "SA8000 31 December
# 2023", "SA8000 Dec 31, 2023") or a month and its year ("Fairtrade Dec 2023", "Fairtrade
# 2023-12", "SA8000 12/2023"; a month's name checked by month_of: "Fairtrade Standard 2023"
# is a name). A year alone is part of names ("ISO 45001:2018", "GOTS (2026)")
_YEAR_19_20 = r"(?:19|20)\d\d"


def _date_at_end(month: str) -> str:
    """A full date, or a month and its year, as _TRAILING_DATE finds it; a month's name in
    the group `month`."""
    return (
        r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
        # (day first with hyphens, "31-12-2025": a day and a month that may be, a
        # certificate's year; "BSCI 12-34-5678" is an identifier, part of the name)
        rf"|(?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|1[0-2])-{_YEAR_19_20}"
        rf"|(?:0?[1-9]|1[0-2])\s*[./-]\s*{_YEAR_19_20}|{_YEAR_19_20}\s*[./-]\s*(?:0?[1-9]|1[0-2])"
        rf"|(?:\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s*)?(?P<{month}>[^\W\d_]{{3,}})\.?[\s/,-]*"
        rf"(?:de\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*)?{_YEAR_19_20}"
    )


_TRAILING_DATE = re.compile(
    rf"(?:^|[\s(:–—-])\s*(?P<date>{_date_at_end('month')})\)?\s*$", re.IGNORECASE
)
# numbers written as a month and its year whose month is none ("13/2023", "2023-13",
# "00/2023"): a list item of them alone belongs to the certification before it (_only_a_date),
# and is part of its name, as in "SA8000 13/2023"
_TRAILING_NUMBERS = re.compile(
    rf"(?:^|[\s(:–—-])\s*(?P<date>\d{{1,2}}\s*[./-]\s*{_YEAR_19_20}"
    rf"|{_YEAR_19_20}\s*[/-]\s*\d{{1,2}})\)?\s*$"
)
_NUMBERS_ONLY = re.compile(r"[\d\s./-]+")
# the words before a certificate's number, at the end of the text before numbers written as a
# date ("SA8000 No. 15/2024", "SA8000 Nr. 07/2023", "Fairtrade (FLO 28/2019)", "SA8000 Cert.
# No. 07/2023", "Reg. 12/2020", "License # 03/2021"): the numbers are an identifier, no date
_NUMBER_WORD_AT_END = re.compile(
    r"(?:(?:^|(?<=[\s(]))(?:no|nr|n[°º]|cert|certificate|id|flo|reg|licen[cs]e)\.?|#)\s*:?\s*$",
    re.IGNORECASE,
)
# the words before a date that say it is the day a certificate was issued ("SA8000 issued
# 2019-01-01", "SA8000 issue date: 2019-01-01", "SA8000 (valid from 2019-01-01)", "SA8000
# certified since 12/2019"): no expiry
_ISSUED = (
    r"(?:certified\s+)?(?:issued(?:\s+on)?|issue\s+date|date\s+of\s+issue"
    r"|(?:valid\s+)?(?:since|from))"
)
_ISSUED_AT_END = re.compile(rf"(?:^|[\s(–—-])\s*(?P<word>{_ISSUED})\s*:?\s*$", re.IGNORECASE)
_ISSUED_AT_START = re.compile(rf"\(?\s*{_ISSUED}(?!\w)\s*:?", re.IGNORECASE)
# how a list item that is only a date begins (see _only_a_date): a digit, or a word and a
# digit ("Dec 2023", "from 2021"), maybe after such a word ("issue date: 2019-01-01")
_DATE_ITEM_START = re.compile(
    rf"[\s(]*(?:{_ISSUED}(?!\w)\s*:?\s*)?(?:\d|[^\W\d_]{{3,}}\.?\s*\d)", re.IGNORECASE
)
# a period at the end of a certification's name, with no expiry word before it, maybe in
# parentheses: a range of years ("SA8000 2021-2023", "SA8000 (2021–2023)", "SA8000 2021-23",
# "Fairtrade 2023/24", "SA8000 from 2021 to 2023", "SA8000 valid from 2021 to 2023") or of
# dates ("SA8000 (01/2021 - 12/2023)"): its end is not said to be the expiry date, and a
# year is none
_TRAILING_PERIOD = re.compile(
    rf"(?:^|[\s(:–—-])\s*(?:(?:valid\s+)?from\s+)?"
    rf"(?:(?P<first>{_YEAR_19_20})\s*(?:[-–—/]|to\b)\s*(?P<last>{_YEAR_19_20}|\d\d)"
    rf"|(?:{_date_at_end('month1')})\s*(?:[-–—]|to\b)\s*(?P<end>{_date_at_end('month')}))"
    r"\)?\s*$",
    re.IGNORECASE,
)


def _certification_text(text: str) -> tuple[str, dt.date | None, _Issue | None]:
    """A certification written in a cell, with its expiry date when the cell gives one.

    The date is what follows an expiry word ("valid until June 2026") or stands in
    parentheses ("RA (2026-06-30)"), read by leading_expiry: a month and its year is the last
    day of the month, and a date followed by other text is read as the longest run of words
    that is one ("SA8000 valid until 2023-06-30 for 2 sites", "RA valid until 2023-06-30
    (extended)"): the name is what comes before the expiry word, the text after the date is
    dropped. Text after an expiry word that does not begin as a date is written ("SA8000 valid
    for 3 sites") is part of the name; text that does but whose date cannot be read ("valid
    until 31 Feb 2024", "until Mid 2023", "until 2023 audit") is a bad-date, and so is
    "expired" without a date that can be read: such a certification is never taken as current.
    """
    candidates: list[tuple[str, str | None, str]]  # (the name, the expiry word, what follows)
    found = _PARENTHESISED.match(text)
    if found is not None:
        name, word, date = found.group("name", "word", "date")
        if word and not date:  # "SA8000 (valid until)", "Fairtrade (abgelaufen)"
            return text, None, _no_date(name, word)
        candidates = [(name, word, date)]
    else:
        candidates = []
    # each expiry word in turn: "SA8000 valid for 3 sites until June 2026", and one before
    # parentheses that give no date: "RA valid until 2023-06-30 (extended)"
    candidates += [
        (text[: w.start()], w.group("word"), text[w.end() :])
        for w in _EXPIRY_WORD.finditer(text)
        if w.start()
    ]
    unread: _Issue | None = None  # the first date that cannot be read
    for name, word, date in candidates:
        if not date:
            continue
        try:
            expiry = leading_expiry(date) if word else parse_expiry(date)
        except ValueProblem as e:
            if unread is None and word:
                unread = _Issue("bad-date", f"certification {name!r} valid until: {e}")
            continue
        if expiry is not None:
            return name, expiry, None
    if unread is not None:
        return text, None, unread
    for name, word, date in candidates:  # "Fairtrade expired", "… expired last year"
        if word and _LAPSED.match(word):
            return text, None, _no_date(name, word, date)
    # a name: "Rainforest Alliance (RA)", "Fairtrade (2019 standard)", "SA8000 valid for 3 sites"
    return text, None, None


def _no_date(name: str, word: str, written: str = "") -> _Issue:
    """The bad-date of an expiry word without a date: a certification said to have expired
    is never taken as current."""
    given = f"{written!r} is no date" if written else "no date is given"
    return _Issue(
        "bad-date",
        f"certification {name!r} {word}: {given}; write the expiry date, such as 2026-06-30",
    )


def _certifications(value: Any, where: Where, problems: ProblemList) -> list[Certification]:
    if value is None:
        return []
    return _reported(_certifications_value(value), where, problems)


def _audit_value(item: dict[str, Any]) -> tuple[Audit, Issues]:
    """An audit from its standard, date and result keys."""
    date = None
    issues: Issues = ()
    if item.get("date") is not None:
        try:
            date = parse_date(item["date"])
        except ValueProblem as e:
            issues = (_Issue("bad-date", f"audit date: {e}"),)
    standard, result = item.get("standard") or "audit", item.get("result")
    audit = Audit.model_construct(
        standard=as_text(standard),
        date=date,
        result=None if result is None else as_text(result).casefold(),
    )
    # (as written: the direction controls are not read)
    for what, text in (("audit standard", standard), ("audit result", result)):
        hidden = None if text is None else _hidden(str(text).strip(), what)
        if hidden is not None:  # (shown in the evidence and by explain: an error)
            issues = (*issues, hidden)
    return audit, issues


def _audit_result_issues(result: Any, standard: str, others: list[int] | None = None) -> Issues:
    """A result the score does not know of an audit of this standard (neither passed,
    failed nor one it records without counting, nor a grade of the scheme it names:
    read_audit_result): a warning, as a failed audit read as unknown would lose its uplift;
    given once per distinct result, with the `others` rows that hold it too."""
    from ddtool.schemes import grading_scheme, read_audit_result, reads_as_a_grade

    text = "" if result is None else as_text(result)  # (as read: without direction marks)
    if not text or read_audit_result(standard, text).outcome is not None:
        return ()
    from rapidfuzz import fuzz, process

    # a misspelling of the whole word ("faild"), not a word inside ("not failed": 'fail')
    # nor a grade's letter ("C": 'rejected')
    near = (
        process.extractOne(
            text.casefold(), sorted(AUDIT_RESULTS), scorer=fuzz.ratio, score_cutoff=85
        )
        if len(text) >= 4
        else None
    )
    also = _also_in_rows(others)
    if reads_as_a_grade(text):  # ('B' of a SMETA audit: SMETA grades no site)
        scheme = grading_scheme(standard)  # ('Gold' of an amfori BSCI audit: WRAP's grade)
        also = (
            f"; a grade is read only of the standards whose grades ddtool reads (amfori"
            f" BSCI A to E, WRAP Platinum, Gold, Silver), and {standard!r} is none: write"
            f" its result (pass, fail){also}"
            if scheme is None
            else f"; a grade is read only as the standard's own (amfori BSCI A to E, WRAP"
            f" Platinum, Gold, Silver), and {text!r} is no grade of {scheme}{also}"
        )
    return (
        _Issue(
            "unknown-audit-result",
            f"audit result {text!r} is neither passed nor failed for the score, and is not"
            " counted (write 'pass', 'fail' or 'conditional'; docs/input-format.md lists"
            f" the other words read){also}",
            "warning",
            f"'{near[0]}'" if near else None,
        ),
    )


MAX_ROWS_NAMED = 10  # the other rows a warning given once per distinct value names


def _also_in_rows(others: list[int] | None) -> str:
    """The other rows a warning given once per distinct value names: '; the same in rows 4,
    7 and 12 more'; nothing where there are none."""
    if not others:
        return ""
    shown = ", ".join(map(str, others[:MAX_ROWS_NAMED]))
    more = len(others) - MAX_ROWS_NAMED
    return f"; the same in rows {shown}" + (f" and {more:,} more" if more > 0 else "")


def _audit_standard_issues(
    audit: Audit, standards: AuditStandards, others: list[int] | None = None
) -> Issues:
    """The warning of a passed audit whose standard is not known to audit labour conditions
    (see AuditStandards): its pass earns no credit, where the standard may be meant as a
    labour audit. None for another result (a failure counts all the same; any other, none),
    nor for a self-assessment, which earns no credit anyway. Given once per distinct
    standard, with the `others` rows that hold it too."""
    from ddtool.schemes import read_audit_result

    standard = audit.standard
    passed = read_audit_result(standard, audit.result).outcome == "passed"
    if not passed or standards.self_assessment(standard):
        return ()
    scope = standards.scope(standard)
    if scope.labour is not None:
        return ()
    also = _also_in_rows(others)
    if scope.what:  # (no standard given)
        text = (
            "a passed audit without a standard is not known to audit labour conditions,"
            " and earns no credit; write the standard it follows, such as SMETA, SA8000 or"
            f" amfori BSCI{also}"
        )
    else:
        text = (
            f"audit standard {standard!r} is not known to audit labour conditions: its pass"
            " earns no credit. If it is a social or labour audit, write the programme it"
            " follows (SMETA, SA8000, amfori BSCI …) or name it under labour_audits in the"
            f" settings (--config){also}"
        )
    return (_Issue("unknown-audit-standard", text, "warning"),)


def _default_standards() -> AuditStandards:
    """The reading of audit standards by the default settings."""
    from ddtool.schemes import audit_standards

    return audit_standards()


def _audits(
    record: RawRecord, problems: ProblemList, standards: AuditStandards | None
) -> list[Audit]:
    """A record's audits, with their problems; a passed audit whose standard is not known
    to audit labour conditions is warned of at it where `standards` are given (a YAML
    entry's: a table's are, once per standard, by _table_audit_standards)."""
    fields = record.fields
    items: list[Any] = []
    if "audits" in fields:
        value = fields["audits"]
        items = value if isinstance(value, list) else [value]
    elif "audit_standard" in fields or "audit_date" in fields:
        items = [
            {
                "standard": fields.get("audit_standard") or "audit",
                "date": fields.get("audit_date"),
                "result": fields.get("audit_result"),
            }
        ]
    out: list[Audit] = []
    for index, item in enumerate(items):
        where = record.where("audit_date")
        if not isinstance(item, dict):
            problems.error(
                "bad-audit", "an audit needs standard, date and result keys", record.location
            )
            continue
        audit = _reported(_audit_value(item), where, problems)
        out.append(audit)
        standard_issues = () if standards is None else _audit_standard_issues(audit, standards)
        for key, issues in (
            ("standard", standard_issues),
            ("result", _audit_result_issues(item.get("result"), audit.standard)),
        ):
            if not issues:
                continue
            at = record.where(f"audit_{key}" if f"audit_{key}" in fields else "audits")
            line = record.lines.get(f"audits[{index}].{key}")  # (YAML: the audit's own)
            if line is not None:
                at = Location(at.file, at.sheet, at.row, key, line)
            _report(problems, issues, at)
    return out


# The number fields: the bounds of their values. No workplace has ten million workers (the
# largest employers in the world have about two million, across all their sites); a count
# beyond it is a typing or unit error, and one beyond 2^64 cannot be written to JSON at all.
MAX_WORKERS = 10_000_000
_BOUNDS: dict[str, tuple[float, float]] = {
    "workers": (0, MAX_WORKERS),
    "share": (0, 1),
    "female_pct": (0, 100),
    "migrant_pct": (0, 100),
}


_PERCENTAGES = ("female_pct", "migrant_pct")
# the words of a count of farms, farmers, members or families in a workers cell, in the
# languages headers are read in
_NOT_WORKERS = re.compile(
    r"\b(?:(?:small ?holder|farmer|grower|producer|member|household|farm|fam[ií]l"
    r"|produtor|productor|producteur|agricultor|membro|miembro|cooperad|betrieb"
    r"|landwirt|bauer|haushalt|exploitation|menage)\w*)"
)
# what each number field takes, as a message tells it
_TAKES = {
    "workers": f"a whole number of workers from 0 to {MAX_WORKERS:,}",
    "share": "a share from 0 to 1 (or 0% to 100%)",
    "female_pct": "a percentage from 0 to 100",
    "migrant_pct": "a percentage from 0 to 100",
}


def _fraction_columns(table: RawTable) -> set[str]:
    """The percentage fields whose column holds spreadsheet fractions (fraction_column)."""
    return {
        name
        for name in _PERCENTAGES
        if name in table.values and fraction_column(table.values[name])
    }


def _fraction_read(value: Any) -> float | None:
    """The number of a percentage cell that may be a fraction (a number cell, or a number
    written as text without '%'); None for any other value."""
    if type(value) in (int, float):
        return float(value)
    if type(value) is not str:
        return None
    try:
        number, percent = parse_number(value)
    except ValueProblem:
        return None
    return None if percent else number


# a placeholder that in a number field may mean none of them, 0 ("none" migrant workers):
# told, as before, not read as a blank
_NONE_AS_NUMBER = frozenset({"none", "nil", "no", "zero", "keine", "aucun", "ninguno"})


def _number_value(
    name: str, value: Any, table: bool, fractions: bool = False
) -> tuple[float | None, Issues]:
    """A number field's value, or None and the problem with it. With `fractions`, a
    percentage column holds spreadsheet fractions only, so its whole numbers are too
    (1 is 100 %, as a cell formatted 0% shows it). Otherwise a table's number cell between 0
    and 1 is a fraction (parse_pct), and a text is read as typed: a column of texts that
    holds a number above 1 holds percentages ('0.5' beside '1.5' is 0.5 %)."""
    if value is None or (
        type(value) is str
        and is_placeholder(value)
        and not any(map(str.isdigit, value))
        and value.strip().casefold() not in _NONE_AS_NUMBER
    ):
        return None, ()  # (a placeholder, 'N/A', '-', 'unknown', says no more than a blank)
    if fractions and (fraction := _fraction_read(value)) is not None and 0 <= fraction <= 1:
        return round(fraction * 100, 6), ()
    try:
        number, percent = _parsed(name, value, table)
    except ValueProblem as e:  # (an estimate, 'ca. 300': which number to write, if any)

        def accepted(figure: str) -> bool:
            """Whether the estimate's figure would itself be read ('ca. 300' is no
            percentage, '~ 45%' no worker count)."""
            return _number_value(name, figure, table, fractions)[0] is not None

        told = estimate_told(value, accepted, _TAKES[name])
        if not told and name == "workers" and _NOT_WORKERS.search(str(value).casefold()):
            # ("1.200 pequenos produtores", "350 farmers", "ca. 2.500 famílias")
            told = (
                ": a count of farms, farmers or families is no workforce (a farm's family and"
                " hired hands are); write the workers, or leave it blank (a data gap)"
            )
        return None, (_Issue("bad-number", f"{name}: {e}{told}"),)
    low, high = _BOUNDS[name]
    if not low <= number <= high:
        if name == "share" and percent:  # ("120%", or 120 in a column of percentages)
            shown = _shown(round(number * 100, 6))
            return None, (_Issue("out-of-range", f"share {shown} % must be between 0 % and 100 %"),)
        bound = f"between {_shown(low)} and {_shown(high)}"
        # a share written as a percentage without its sign ("Anteil %": 60)
        hint = (
            f" (write {_shown(number)}% or {_shown(number / 100)})"
            if (name == "share" and 1 < number <= 100 and not percent)
            else ""
        )
        return None, (_Issue("out-of-range", f"{name} {_shown(number)} must be {bound}{hint}"),)
    if table and name in _PERCENTAGES and type(value) in (int, float) and value == 1:
        # Excel stores "100%" typed into a cell as 1; in a column of whole percentages it
        # cannot be told from 1 %, and the cell's format is not read
        return number, (
            _Issue(
                "ambiguous-percent",
                f"{name} 1 is read as 1 %; a cell that shows 100 % holds 1 too: if 100 % is"
                " meant, write 100",
                "warning",
            ),
        )
    return number, ()


def _parsed(name: str, value: Any, table: bool) -> tuple[float, bool]:
    """A number field's number, before its range is checked, and whether a share was
    written with '%' ("6000%" is no share without it)."""
    if name == "share":
        number, percent = parse_number(value)
        return (number / 100 if percent else number), percent
    if name == "workers":
        return parse_int(value), False
    return parse_pct(value, fraction_allowed=table), False


def _shown(number: float) -> str:
    """A number as people write it: 10,000,000 (not 1e+07), 0.5; 1e+30 as that."""
    return f"{number:,.0f}" if float(number).is_integer() and abs(number) < 1e15 else f"{number:g}"


def _number(
    record: RawRecord, name: str, problems: ProblemList, table: bool, fractions: bool = False
) -> float | None:
    value = record.fields.get(name)
    if value is None:
        return None
    found = _number_value(name, value, table, fractions)
    return _reported(found, partial(record.where, name), problems)


def _workers_value(value: Any) -> tuple[int | None, Issues]:
    number, issues = _number_value("workers", value, True)
    return (None if number is None else int(number)), issues


def _tier_value(value: Any) -> tuple[int | None, Issues]:
    if value is None:
        return None, ()
    try:
        return parse_tier(value), ()
    except ValueProblem as e:
        return None, (_Issue("bad-tier", f"tier: {e}"),)


# Control characters (C0 but tab and line breaks, DEL, C1): never text, and they would reach
# the terminal and the reports
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# a control character, or a direction control that may make a text show as something it is
# not (a name that shows "Safe Farm" but sorts and matches as another): _hidden then looks
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a\u202b\u202d\u202e\u2066-\u2068]")
# (the sector too: the one written but not in the taxonomy is shown as written)
# (the id's is graph._MAX_ID too: a buyer longer than it is refused there)
MAX_LENGTH = {"id": 100, "name": 300, "region": 200, "sector": 200}


def _text_issues(
    name: str, value: str, limit: int, code: bool, option: str | None = None
) -> Issues:
    """Hidden characters or an absurd length in an id, name, region or sector (a `code`:
    an id; see _hidden), given in a file or with a command-line `option`."""
    hidden = _hidden(value, name, quoted=False, code=code, option=option)
    issues: Issues = () if hidden is None else (hidden,)
    if len(value) > limit:
        issues += (
            _Issue("too-long", f"{name} is {len(value):,} characters long, more than {limit}"),
        )
    return issues


def company_option(name: str, problems: ProblemList) -> str:
    """The company's name given with --company, checked as a name in a file is (a control
    character refused, a direction control warned of, an absurd length refused) and read as
    one: the option reaches the terminal and every report as the file's name would."""
    issues = _text_issues("company name", name, MAX_LENGTH["name"], code=False, option="--company")
    if issues:
        _report(problems, issues, Location("--company"))
    return as_text(name)


def _check_text(record: RawRecord, problems: ProblemList) -> bool:
    """Refuse ids, names, regions and sectors with hidden characters or absurd lengths."""
    ok = True
    for name, limit in MAX_LENGTH.items():
        value = record.fields.get(name)
        if not isinstance(value, str):
            continue
        issues = _text_issues(name, value, limit, name == "id")
        if issues:
            _report(problems, issues, record.where(name))
            ok = False
    hidden = _buyers_hidden(record.fields.get("buyers"))
    if hidden is not None:
        _report(problems, (hidden,), record.where("buyers"))
        ok = False
    return ok


def _buyers_hidden(value: Any) -> _Issue | None:
    """The issue with a buyers cell or list whose text holds a direction control that can
    make an id show as another (_hidden; a control character makes the buyer no id of the
    chain, an unknown-buyer)."""
    return _list_direction(value, "buyers", code=True)


def _products_hidden(value: Any) -> _Issue | None:
    """The warning of a products cell or list whose text holds a direction control that can
    make a good's name show as another: read without it (as a sector is), each product is
    matched to the goods of the US DOL List of Goods as read, so that one that shows 'cocoa
    beans' may select no listing."""
    return _list_direction(value, "products", code=False)


def _list_direction(value: Any, what: str, code: bool) -> _Issue | None:
    """The issue with a cell or a list of texts holding a direction control that can make
    it show as another (_direction_issue)."""
    for item in value if isinstance(value, list) else [value]:
        if type(item) is str and DIRECTION_FORMATS.search(item) is not None:
            issue = _direction_issue(item, what, True, code)
            if issue is not None:
                return issue
    return None


def normalise_record(
    record: RawRecord,
    sectors: SectorMatcher,
    problems: ProblemList,
    table: bool,
    fractions: Collection[str] = (),
    standards: AuditStandards | None = None,
) -> Supplier | None:
    """One raw record to a Supplier; problems are collected, a record without id is dropped.
    `standards` tells the audits' standards that audit labour conditions (None: by the
    default settings), where a YAML entry's passed audit of another is warned of (a
    table's, once per standard: _table_audit_standards)."""
    fields = record.fields
    raw_id = fields.get("id")
    if raw_id is None or not as_id(raw_id):
        name = fields.get("name")
        problems.error("missing-id", _missing_id(name), record.where("id"))
        return None
    _check_text(record, problems)
    country, country_raw = _country(
        fields.get("country"), lambda: record.where("country"), problems
    )
    sector, sector_raw = _sector(
        fields.get("sector"), lambda: record.where("sector"), problems, sectors
    )
    # (an item of invisible characters only is none, as a blank cell)
    buyers = [buyer for buyer in map(as_id, split_list(fields.get("buyers"))) if buyer]
    parent = None if record.parent is None else as_id(record.parent)  # (as its own id is)
    if parent and parent not in buyers:
        buyers.insert(0, parent)
    tier = _reported(_tier_value(fields.get("tier")), partial(record.where, "tier"), problems)
    workers = _number(record, "workers", problems, table)
    name = fields.get("name")
    region = fields.get("region")
    if country is not None and country_raw is not None and may_name_place(country_raw):
        place = country_place(country_raw)
        if place is not None:
            written = None if region is None else as_text(region) or None
            region, issue = _placed_region(country, country_raw, place, written)
            _report(problems, (issue,), record.where("country"))
    hidden = _products_hidden(fields.get("products"))
    if hidden is not None:
        _report(problems, (hidden,), record.where("products"))
    products_value = _reported(
        _yes_no(fields.get("products"), "products", "product"),
        lambda: record.where("products"),
        problems,
    )
    products = _texts_of(split_list(products_value))
    for _index, issues in _unmatched_products([products], sectors):
        _report(problems, issues, record.where("products"))
    return Supplier.trusted(
        id=as_id(raw_id),
        name=None if name is None else as_text(name) or None,  # (blank: no name)
        country=country,
        country_raw=country_raw,
        region=None if region is None else as_text(region) or None,
        sector=sector,
        sector_raw=sector_raw,
        products=products,
        sector_minerals=_minerals_of_sector(products, sector_raw, sectors),
        other_sectors=_others_of_sector(products, sector_raw, sectors),
        buyers=buyers,
        share=_number(record, "share", problems, table),
        workers=None if workers is None else int(workers),
        female_pct=_number(record, "female_pct", problems, table, "female_pct" in fractions),
        migrant_pct=_number(record, "migrant_pct", problems, table, "migrant_pct" in fractions),
        certifications=_certifications(
            fields.get("certifications"), lambda: record.where("certifications"), problems
        ),
        audits=_audits(record, problems, None if table else standards or _default_standards()),
        tier_declared=tier,
        attributes=_attributes(record.extras),
        location=record.location,
    )


def _missing_id(name: Any) -> str:
    return "supplier without an id" + (f" (name {str(name)[:60]!r})" if name else "")


# --- tables, column by column ----------------------------------------------------------------

# the fields normalise_table reads; a table with another (a column mapped by configuration to
# a YAML key such as 'audits') takes the record by record path
_TABLE_FIELDS = frozenset(FIELDS)
_TEXT_KINDS = frozenset({str, type(None)})
# the values that read the same when equal (but for 0.0 and -0.0), unlike 1, 1.0 and True
_CACHED_KINDS = frozenset({str, float, type(None)})


class _RowProblems:
    """Problems found column by column, reported row by row in normalise_record's order."""

    def __init__(self, table: RawTable) -> None:
        self.table = table
        self.found: list[tuple[int, Problem]] = []
        self.dropped: set[int] = set()  # rows without an id: no other problem is reported

    def add(self, name: str, found: list[tuple[int, Issues]]) -> None:
        """Place the issues found in one column (row index, issues) at their cells."""
        for index, issues in found:
            if index not in self.dropped:
                location = self.table.where(index, name)
                self.found.extend((index, issue.at(location)) for issue in issues)

    def report(self, problems: ProblemList) -> None:
        # a stable sort: the problems of one row stay in the order the columns were read
        self.found.sort(key=itemgetter(0))
        problems.extend([problem for _, problem in self.found])


def _convert(
    column: Sequence[Any] | None, size: int, convert: Callable[[Any], tuple[_R, Issues]]
) -> tuple[list[_R], list[tuple[int, Issues]]]:
    """Convert each value of a column; the issues found, by row index.

    A column repeats a few countries, sectors or numbers thousands of times, so each distinct
    value is converted once where equal values read the same: texts, blanks and floats (but
    0.0 and -0.0, converted one by one). In a column with other values (1, 1.0 and True are
    one dict key but read differently) only texts and blanks are converted once.
    """
    if column is None:
        result, _ = convert(None)
        return [result] * size, []
    found: list[tuple[int, Issues]] = []
    if set(map(type, column)) <= _CACHED_KINDS:
        distinct = dict.fromkeys(column)  # in the column's order: faster to visit than a set
        results: dict[Any, _R] = {}
        issues: dict[Any, Issues] = {}
        for value, (result, seen) in zip(distinct, map(convert, distinct), strict=True):
            results[value] = result
            if seen:
                issues[value] = seen
        out = list(map(results.__getitem__, column))
        if 0.0 in distinct:  # 0.0 and -0.0 are one key but read differently: each on its own
            issues.pop(0.0, None)
            for index, value in enumerate(column):
                if value == 0.0:
                    out[index], seen = convert(value)
                    if seen:
                        found.append((index, seen))
        if issues:
            found += [(i, issues[v]) for i, v in enumerate(column) if v in issues]
        return out, found
    done: dict[str | None, tuple[_R, Issues]] = {}
    out = []
    for index, value in enumerate(column):
        if value is None or type(value) is str:
            pair = done.get(value)
            if pair is None:
                pair = done[value] = convert(value)
        else:
            pair = convert(value)
        out.append(pair[0])
        if pair[1]:
            found.append((index, pair[1]))
    return out, found


def _texts(column: Sequence[Any] | None, size: int) -> Sequence[str | None]:
    """Names and regions as normalise_record reads them: text, stripped, in NFC (as_text)."""
    if column is None:
        return [None] * size
    if set(map(type, column)) == {str}:
        return _nfc(list(map(str.strip, column)))
    return _nfc([None if value is None else cell_text(value) for value in column])


def _nfc(texts: Sequence[Any]) -> Sequence[Any]:
    """Texts (and other values) with each text in NFC and without direction controls, as
    as_text gives it: one check of all the column's text at once (ASCII, or NFC already
    without them: most files), and where that finds a text to compose, each distinct one
    composed once."""
    try:
        joined = "\0".join(filter(None, texts))
    except TypeError:  # (values other than texts: numbers, dates)
        joined = "\0".join([value for value in texts if isinstance(value, str)])
    if joined.isascii() or (
        unicodedata.is_normalized("NFC", joined) and HOLDS_DIRECTION_CONTROL(joined) is None
    ):
        return texts
    forms = {  # (a text of nothing but direction controls is a blank cell)
        value: unicode_text(value) or None
        for value in dict.fromkeys(texts)
        if isinstance(value, str)
        and not (unicodedata.is_normalized("NFC", value) and HOLDS_DIRECTION_CONTROL(value) is None)
    }
    return list(map(forms.get, texts, texts))


def _texts_of(items: list[str]) -> list[str]:
    """split_list's items in NFC (as_text)."""
    return [item if item.isascii() else as_text(item) for item in items]


def _attributes(extras: dict[str, Any]) -> dict[str, Any]:
    """A record's own keys or columns, their texts in NFC (as_text) as the fields' are (in
    a YAML key's list or mapping too)."""
    if all(
        type(value) not in (str, list, dict) or (type(value) is str and value.isascii())
        for value in extras.values()
    ):
        return extras
    return {
        key: rebuilt(value, _nfc_text, _nfc_text)
        if type(value) in (list, dict)
        else _nfc_text(value)
        for key, value in extras.items()
    }


def _nfc_text(value: Any) -> Any:
    """A text in NFC (as_text); any other value as it is."""
    return as_text(value) if type(value) is str and not value.isascii() else value


def _check_texts(column: Sequence[Any], name: str, limit: int) -> list[tuple[int, Issues]]:
    """_check_text for a whole column: one search through all its text, and value by value
    only when it finds something."""
    texts = column if set(map(type, column)) == {str} else [v for v in column if isinstance(v, str)]
    if not texts:
        return []
    joined = " ".join(texts)
    # printable ASCII holds none of the unsafe characters: no need for the regex
    safe = (joined.isascii() and joined.isprintable()) or _UNSAFE.search(joined) is None
    if safe and max(map(len, texts)) <= limit:
        return []
    found: list[tuple[int, Issues]] = []
    for index, value in enumerate(column):
        if isinstance(value, str) and (issues := _text_issues(name, value, limit, name == "id")):
            found.append((index, issues))
    return found


def _check_directions(
    column: Sequence[Any], written: str, hidden: Callable[[Any], _Issue | None]
) -> list[tuple[int, Issues]]:
    """`hidden` (_buyers_hidden, _products_hidden) for a whole column: one search through
    all its text (`written`), and cell by cell only when it finds something."""
    if DIRECTION_FORMATS.search(written) is None:
        return []
    found: list[tuple[int, Issues]] = []
    for index, value in enumerate(column):
        if (issue := hidden(value)) is not None:
            found.append((index, (issue,)))
    return found


def _item_lists(
    column: Sequence[Any] | None, size: int, item: Callable[[str], str] | None = None
) -> list[list[str]]:
    """Each row's split_list of its cell, item() of each item (as_text's NFC without one):
    a fresh list per row.

    Most cells hold one item: when no text in the column holds a separator, each text that is
    not blank is one item (stripped), read without splitting cell by cell; where a text is
    not in NFC (as_text), each distinct cell is read once.
    """
    if column is None:
        return [[] for _ in range(size)]
    if set(map(type, column)) <= _TEXT_KINDS:
        joined = "\0".join(filter(None, column))
        if not has_separator(joined) and (
            item is not None
            or joined.isascii()
            or (
                unicodedata.is_normalized("NFC", joined) and HOLDS_DIRECTION_CONTROL(joined) is None
            )
        ):
            return [
                [value.strip() if item is None else item(value.strip())]
                if value and not value.isspace()
                else []
                for value in column
            ]
    lists, _ = _convert(column, size, partial(_items, item=item or as_text))
    return list(map(list, lists))


def _items(value: Any, item: Callable[[str], str] | None) -> tuple[tuple[str, ...], Issues]:
    items = split_list(value)
    return tuple(items if item is None else map(item, items)), ()


def _certification_list(value: Any) -> tuple[tuple[Certification, ...], Issues]:
    # Certifications are frozen: suppliers can share them (each gets its own list)
    certifications, issues = _certifications_value(value)
    return tuple(certifications), issues


_AUDIT_FIELDS = ("audit_standard", "audit_date", "audit_result")
_KEYED_TEXT = frozenset({str, type(None)})
_KEYED_DATE = frozenset({str, type(None), dt.date, dt.datetime})


def _table_audits(
    table: RawTable, size: int, row_problems: _RowProblems
) -> list[tuple[Audit, ...]]:
    """Each row's audit (standard, date and result columns), as normalise_record reads it."""
    standards = table.values.get("audit_standard")
    dates = table.values.get("audit_date")
    if standards is None and dates is None:
        return [()] * size
    columns = [table.values.get(name) or [None] * size for name in _AUDIT_FIELDS]
    # (the standard the date column's header names in brackets, where no column gives one:
    # "Factory audit (SMETA) date")
    named = _bracketed(table.columns.get("audit_date")) if standards is None else None
    if named:
        columns[0] = [named if date is not None else None for date in columns[1]]
    # Audits are frozen: rows with the same cells share one (each supplier gets its own list),
    # with its problems and the result the score does not know, if so
    done: dict[tuple[Any, ...], tuple[tuple[Audit, ...], Issues, str | None]] = {}
    out: list[tuple[Audit, ...]] = []
    found: list[tuple[int, Issues]] = []
    from ddtool.schemes import read_audit_result

    # each result the score does not know, the standard of its first row, and its rows
    unknown_rows: dict[str, tuple[str, list[int]]] = {}
    for index, key in enumerate(zip(*columns, strict=True)):
        standard, date, result = key
        if standard is None and date is None:
            out.append(())
            continue
        # (texts, and a date a workbook holds as one: 1, 1.0 and True are one key, but are
        # read differently)
        same = (
            type(standard) in _KEYED_TEXT
            and type(result) in _KEYED_TEXT
            and type(date) in _KEYED_DATE
        )
        made = done.get(key) if same else None
        if made is None:
            audit, issues = _audit_value(
                {"standard": standard or "audit", "date": date, "result": result}
            )
            unknown = None  # (the result as read, as the audit holds it)
            if (
                result is not None
                and read_audit_result(audit.standard, read := as_text(result)).outcome is None
            ):
                unknown = read
            made = ((audit,), issues, unknown)
            if same:
                done[key] = made
        audits, issues, unknown = made
        out.append(audits)
        if issues:
            found.append((index, issues))
        if unknown is not None:
            unknown_rows.setdefault(unknown, (audits[0].standard, []))[1].append(index)
    row_problems.add("audit_date", found)
    results: list[tuple[int, Issues]] = []
    for text, (standard, indexes) in unknown_rows.items():  # once per distinct result,
        others = [table.rows[i] for i in indexes[1:]]  # at its first row
        issues = _audit_result_issues(text, standard, others)
        if issues:
            results.append((indexes[0], issues))
    row_problems.add("audit_result", results)
    return out


# the words of a header that says its numbers are percentages ("Anteil %", "Share (pct)")
_PERCENT_HEADER = re.compile(
    r"%|(?<![^\W\d_])(?:pct|percent|percentage|prozent|porcentaje|pourcentage)(?![^\W\d_])",
    re.I,
)


def _percent_shares(column: Sequence[Any] | None, header: str | None) -> Sequence[Any] | None:
    """A share column whose header says it holds percentages ("Anteil %", "Order volume
    %"), its numbers from 0 to 100 written without '%' read as percentages (35.5 as 35.5 %),
    where one of them at least is above 1 (one above 100 then reads as a percentage above
    100 %, an error said so); else as it is (a workbook's cells formatted as percentages hold
    fractions: 0.355 shows 35.5 %)."""
    if column is None or not header or not _PERCENT_HEADER.search(header):
        return column
    readings = number_readings(column)
    if not any(1 < number <= 100 for number, percent in readings.values() if not percent):
        return column
    # (one above 100 is a percentage too, told as one above 100 %)
    bare = {v for v, (number, percent) in readings.items() if not percent and number >= 0}
    return [f"{value}%" if value in bare and type(value) is not bool else value for value in column]


def _bracketed(header: str | None) -> str | None:
    """The audit standard a header names in brackets ('SMETA' of 'Factory audit (SMETA)
    date'), where it is one the settings' reading knows ('dd/mm/yyyy' of 'Audit date
    (dd/mm/yyyy)' is none)."""
    found = re.search(r"\(([^()]+)\)", header or "")
    text = found.group(1).strip() if found else ""
    return text if text and _default_standards().scope(text).labour is not None else None


def _table_ids(table: RawTable, row_problems: _RowProblems) -> tuple[list[str], bool]:
    """Each row's id as as_id reads it, a row without one dropped, with a problem; and
    whether the ids were written as a number column exported as text ('1001.0')."""
    size = len(table.rows)
    raw_ids = table.values.get("id")
    if raw_ids is None:
        if size:  # one reason for the whole table, not a missing id in every row
            # (in the file's order, as the user sees them; a table made otherwise, its
            # fields' then its own columns)
            labels = table.headers or [
                *table.columns.values(),
                *(label for label, _ in table.extras),
            ]
            row_problems.found.append(
                (
                    -1,
                    Problem(
                        "no-id-column",
                        "no column is read as the supplier id"
                        + (f" (the columns: {', '.join(labels)})" if labels else "")
                        + f"; head it 'id' or 'Supplier ID', or map it: {table.id_hint}",
                        Location(table.path, table.sheet),
                    ),
                )
            )
            row_problems.dropped.update(range(size))
        return [""] * size, False
    numbered = False
    if set(map(type, raw_ids)) == {str}:
        ids = list(map(str.strip, raw_ids))  # as_id of a text
        if not all(map(str.isascii, ids)):
            ids = [i if i.isascii() else unicode_id(i) for i in ids]
        if ".0\0" in "\0".join(ids) + "\0":  # (rare: a number column exported as '1001.0')
            numbers = whole_numbers(ids)
            if numbers is not None:
                ids, numbered = numbers, True
    else:
        ids = ["" if value is None else as_id(value) for value in raw_ids]
    if "" in ids:
        names = table.values.get("name")
        for index, id_ in enumerate(ids):
            if not id_:
                name = None if names is None else names[index]
                missing = Problem("missing-id", _missing_id(name), table.where(index, "id"))
                row_problems.found.append((index, missing))
                row_problems.dropped.add(index)
    return ids, numbered


def _buyers_as_numbers(buyers: list[list[str]], ids: list[str], numbered: bool) -> list[list[str]]:
    """Buyers written as a number column exported as text ('1001.0') read as the ids of
    their numbers ('1001'): every one, when the table's ids were written so too (a buyer in
    another file, or the company, is then named as the ids are); otherwise each one whose
    number is an id of the table and which is not one as written ('1.0' beside an id '1.0'
    is that id)."""
    known = set(ids)

    def read(item: str) -> str:
        if item in known or not item.endswith(".0"):
            return item
        number = item[:-2]
        if not (number.isascii() and number.isdigit()):
            return item
        return number if numbered or number in known else item

    return [list(map(read, items)) for items in buyers]


def _whole_ids(cells: Sequence[Any], buyers: list[list[str]], ids: list[str]) -> None:
    """A buyers cell that is, whole, the id of a supplier of the table holding a separator
    ('1001,01' in a semicolon file) names that supplier, not one for each part."""
    listed = {i for i in ids if i and has_separator(i)}
    for index, cell in enumerate(cells):
        if type(cell) is str and has_separator(cell) and (whole := as_id(cell)) in listed:
            buyers[index] = [whole]


def normalise_table(
    table: RawTable, sectors: SectorMatcher, problems: ProblemList
) -> list[Supplier]:
    """A table's suppliers: what normalise_record gives for each of its records, problems in
    the same order, read column by column (10^5 rows repeat a few countries and sectors)."""
    fractions = _fraction_columns(table)  # (the same for both ways of reading the table)
    if not table.values.keys() <= _TABLE_FIELDS:
        built = [normalise_record(r, sectors, problems, True, fractions) for r in table.records()]
        return [supplier for supplier in built if supplier is not None]
    size = len(table.rows)
    column = table.values.get
    row_problems = _RowProblems(table)
    # the columns in the order normalise_record reads the fields, so that the problems of one
    # row are reported in the same order
    ids, numbered = _table_ids(table, row_problems)
    for name, limit in MAX_LENGTH.items():
        texts = column(name)
        if texts is not None:
            row_problems.add(name, _check_texts(texts, name, limit))
    places, found = _convert(column("country"), size, _country_value)
    # (a place written after the country's comma, "China, Xinjiang": its region, see
    # _placed_region; each distinct text with a comma looked at once)
    regions = _texts(column("region"), size)
    with_place = {
        raw: place
        for raw in {raw for _, raw in places if raw is not None and may_name_place(raw)}
        if (place := country_place(raw)) is not None
    }
    if with_place:
        placed: list[tuple[int, Issues]] = []
        regions = list(regions)
        for index, (iso3, raw) in enumerate(places):
            if iso3 is not None and raw in with_place:
                regions[index], issue = _placed_region(iso3, raw, with_place[raw], regions[index])
                placed.append((index, (issue,)))
        found = [*found, *placed]
    row_problems.add("country", found)
    sector_ids, found = _convert(column("sector"), size, partial(_sector_value, sectors=sectors))
    row_problems.add("sector", found)
    raw_buyers = column("buyers")
    # (the column's text, searched at C speed: '.0' and direction controls in no id are the
    # usual case)
    written = "" if raw_buyers is None else "\0".join(map(str, filter(None, raw_buyers)))
    if not written.isascii():
        row_problems.add("buyers", _check_directions(raw_buyers or [], written, _buyers_hidden))
    buyers = _item_lists(raw_buyers, size, as_id)
    if not written.isascii():  # (an item of invisible characters only is none, as a blank)
        buyers = [[buyer for buyer in items if buyer] for items in buyers]
    if ".0" in written:
        buyers = _buyers_as_numbers(buyers, ids, numbered)
    if raw_buyers is not None and has_separator("\0".join(filter(None, ids))):
        _whole_ids(raw_buyers, buyers, ids)
    tiers, found = _convert(column("tier"), size, _tier_value)
    row_problems.add("tier", found)
    workers, found = _convert(column("workers"), size, _workers_value)
    row_problems.add("workers", found)
    numbers: dict[str, list[float | None]] = {}
    # (a share column whose header says it holds percentages, "Anteil %": 35.5 is 35.5 %)
    shares = _percent_shares(column("share"), table.columns.get("share"))
    for name in ("share", "female_pct", "migrant_pct"):
        numbers[name], found = _convert(
            shares if name == "share" else column(name),
            size,
            partial(_number_value, name, table=True, fractions=name in fractions),
        )
        row_problems.add(name, found)
    certifications, found = _convert(column("certifications"), size, _certification_list)
    row_problems.add("certifications", found)
    audits = _table_audits(table, size, row_problems)
    raw_products = column("products")
    if raw_products is not None:  # (as the buyers: one search through the column's text)
        written = "\0".join([value for value in raw_products if type(value) is str])
        if not written.isascii():
            row_problems.add("products", _check_directions(raw_products, written, _products_hidden))
    if raw_products is not None and yes_no_in(raw_products):
        raw_products, found = _convert(
            raw_products, size, partial(_yes_no, field="products", thing="product")
        )
        row_problems.add("products", found)
    products = _item_lists(raw_products, size)
    row_problems.add("products", _unmatched_products(products, sectors))
    row_problems.report(problems)

    if table.extras:
        labels = [label for label, _ in table.extras]
        extras = [_nfc(values) for _, values in table.extras]
        attributes = [
            {label: value for label, value in zip(labels, cells, strict=True) if value is not None}
            for cells in zip(*extras, strict=True)
        ]
    else:
        attributes = [{} for _ in range(size)]
    countries, countries_raw = _unzipped(places)
    sectors_found, sectors_raw = _unzipped(sector_ids)
    # (a mine's sector text naming its minerals: once per distinct text, rows only if any)
    minerals: Sequence[tuple[str, ...]] = [()] * size
    others: Sequence[tuple[OtherSector, ...]] = [()] * size
    matches = [sectors.match_sector(raw) for raw in set(sectors_raw) if raw is not None]
    if any(match.products for match in matches):
        minerals = list(map(partial(_minerals_of_sector, sectors=sectors), products, sectors_raw))
    if any(match.others for match in matches):  # (a text naming two sectors of goods)
        others = list(map(partial(_others_of_sector, sectors=sectors), products, sectors_raw))
    by_row = zip(
        ids,
        _texts(column("name"), size),
        countries,
        countries_raw,
        regions,
        sectors_found,
        sectors_raw,
        products,
        minerals,
        others,
        buyers,
        numbers["share"],
        workers,
        numbers["female_pct"],
        numbers["migrant_pct"],
        map(list, certifications),  # a list of its own for each supplier
        map(list, audits),
        tiers,
        attributes,
        table.locations(),
        strict=True,
    )
    # each row's fields as a dict in the order declared (rows without an id were reported
    # and are left out), made in C: dict(zip(names, values))
    kept = compress(by_row, ids)
    return Supplier.from_rows(map(dict, map(partial(zip, strict=True), repeat(_ROW_FIELDS), kept)))


# the fields of a table row: every field of Supplier, in the order it declares them (the
# order of the columns zipped in normalise_table; strict zips catch a field more or less)
_ROW_FIELDS = tuple(Supplier.model_fields)


def _unzipped(pairs: Sequence[tuple[Any, Any]]) -> tuple[Sequence[Any], Sequence[Any]]:
    """A column of pairs as two columns."""
    if not pairs:
        return [], []
    first, second = zip(*pairs, strict=True)
    return first, second


# the placeholders `ddtool template` writes (see ddtool.template): never real data
TEMPLATE_COMPANY = "Your company name"
TEMPLATE_SUPPLIERS = frozenset({"Example Cocoa Cooperative", "Example farm group"})
# the example whose row holds the example audit and values (TEMPLATE_AUDIT, TEMPLATE_VALUES)
TEMPLATE_SUPPLIER_AUDITED = "Example Cocoa Cooperative"
# the country and sector of the template's sample company, as the template filled them in
# before it left them blank: left so, they are read as the company's own, and its sector
# infers the chains beneath it (a garment retailer read as a chocolate maker gets inferred
# cocoa and sugar farms). Told only in a file such a template wrote (RawChain.template_sample):
# a German chocolate maker's own file, or today's template filled in by one, says so of itself
TEMPLATE_COMPANY_SAMPLE = {"country": "Germany", "sector": "chocolate-manufacturing"}
# the audit of the template's example supplier, and its other values beside its name: a row
# whose name was overwritten with a supplier's may keep them (cells left as they were), and
# the audit would then lower that supplier's score (see template_leftovers)
TEMPLATE_AUDIT = Audit.model_construct(standard="SMETA", date=dt.date(2025, 3, 14), result="pass")
TEMPLATE_VALUES: tuple[tuple[str, object], ...] = (
    ("region", "Nawa"),
    ("share", 0.6),
    ("workers", 250),
    ("female_pct", 30),
    ("migrant_pct", 10),
)
TEMPLATE_CERTIFICATION = "Rainforest Alliance"


def template_leftovers(
    suppliers: Sequence[Supplier], problems: ProblemList, where: Location
) -> None:
    """Warn of each supplier that still holds the audit of the template's example row (its
    standard, date and result), naming the example's other values it holds: left in the
    cells when the name was overwritten, they would be read as that supplier's own (an audit
    and a certification lower its score). Only where an audit of that date is listed at all
    (one test over every audit); never for an example row left as it is, which is refused
    (a `template-example` error) and so read as no supplier's own."""
    day = TEMPLATE_AUDIT.date
    audits = chain.from_iterable(map(attrgetter("audits"), suppliers))
    if day not in map(attrgetter("date"), audits):
        return
    example = (TEMPLATE_AUDIT.standard, day, TEMPLATE_AUDIT.result)
    for supplier in suppliers:
        if supplier.name in TEMPLATE_SUPPLIERS or not any(
            (a.standard, a.date, a.result) == example for a in supplier.audits
        ):
            continue
        held = [f"audit {TEMPLATE_AUDIT.standard!r} of {day} ({TEMPLATE_AUDIT.result})"]
        if any(c.name == TEMPLATE_CERTIFICATION for c in supplier.certifications):
            held.append(f"certification {TEMPLATE_CERTIFICATION!r}")
        held += [
            f"{key} {value!r}" for key, value in TEMPLATE_VALUES if getattr(supplier, key) == value
        ]
        problems.warning(
            "template-example-values",
            f"{supplier.name!r} ({supplier.id}) still holds values of the template's example"
            f" row: {', '.join(held)}. If they are not this supplier's, clear them: they are"
            " read as its own (a passed audit, and a certification, lower its score)",
            supplier.location or where,
        )


def normalise_company(
    raw: RawChain, sectors: SectorMatcher, problems: ProblemList, root: bool = True
) -> Company:
    """The company from a YAML 'company:' block or a 'Company' sheet. `root` False: a block
    that does not name the chain's company (another file names it), whose name, if it has
    none, stays blank rather than being the file's."""
    data = raw.company or {}
    where = raw.company_location or Location(raw.path)
    cells = raw.company_cells
    country, country_raw = _country(
        data.get("country"), cells.get("country", where), problems, "company country"
    )
    sector, sector_raw = _sector(data.get("sector"), cells.get("sector", where), problems, sectors)
    company_id = as_id(data["id"]) if data.get("id") is not None else "company"
    name = as_text(data.get("name") or "")
    for field_name in ("id", "name"):
        # (shown in every report and at the head of the terminal's: checked as a supplier's,
        # as written)
        written = data.get(field_name)
        if written is None:
            continue
        issues = _text_issues(
            f"company {field_name}",
            str(written).strip(),
            MAX_LENGTH[field_name],
            field_name == "id",
        )
        _report(problems, issues, cells.get(field_name, where))
    stem = path_text(PurePath(raw.path).stem)
    if not root and _given_name(data) is None:
        name = ""  # (the chain's company is named by another file)
    elif not name:  # as without any company: named after the file (a batch tells them apart)
        name = stem
        problems.warning(
            "company-name",
            f"the company has no name: named after the file, {stem!r}",
            cells.get("name", where),
        )
    elif name == TEMPLATE_COMPANY:
        name = stem
        problems.warning(
            "template-company",
            f"the company is still the template's {TEMPLATE_COMPANY!r} (named after the file,"
            f" {stem!r}, here): give your company's name, country and sector",
            cells.get("name", where),
        )
    if raw.template_sample and all(
        isinstance(data.get(key), str) and as_text(data[key]) == sample
        for key, sample in TEMPLATE_COMPANY_SAMPLE.items()
    ):
        problems.warning(
            "template-company-sample",
            f"the company's country {TEMPLATE_COMPANY_SAMPLE['country']!r} and sector"
            f" {TEMPLATE_COMPANY_SAMPLE['sector']!r} are the template's sample, read as your"
            " company's: its sector infers the chains beneath it (cocoa and sugar). If your"
            " company is not a German chocolate maker, give its own country and sector",
            cells.get("sector", where),
        )
    return Company.model_construct(
        id=company_id,
        name=name,
        country=country,
        country_raw=country_raw,
        sector=sector,
        sector_raw=sector_raw,
        location=where,
    )


def _given_name(data: dict[str, Any]) -> str | None:
    """The name a company block gives, as read; None for none, or the template's."""
    name = as_text(data.get("name") or "")
    return name if name and name != TEMPLATE_COMPANY else None


def _merge_company(
    company: Company, root: RawChain, other: Company, raw: RawChain, problems: ProblemList
) -> None:
    """Fill in the chain's company (from `root`) with what another file's company gives that
    it lacks (its country, its sector), where that company names no other; warn of each value
    of it that differs from the chain's (name, country, sector), at that file's company."""
    given = _given_name(raw.company or {})
    differs = []
    if given is not None and given != company.name:
        differs.append(("name", given, company.name))
    for key in ("country", "sector"):
        value, used = getattr(other, key), getattr(company, key)
        if value is None:
            continue
        if used is None and (given is None or given == company.name):
            setattr(company, key, value)
            setattr(company, f"{key}_raw", getattr(other, f"{key}_raw"))
        elif used is not None and value != used:
            differs.append((key, value, used))
    if not differs:
        return
    named = (
        "the first file that names it"
        if _given_name(root.company or {}) is not None
        else "named after it, as no file names the company"
    )
    problems.warning(
        "company-conflict",
        "this file's company differs from the chain's: "
        + ", ".join(f"{key} {value!r} (used: {used!r})" for key, value, used in differs)
        + f"; the chain's company is {company.name!r}, from {shown_name(root.path)} ({named}),"
        " and another file's company only fills in what it lacks",
        raw.company_location or Location(raw.path),
    )


def normalise_records(
    raws: list[RawChain],
    sectors: SectorMatcher,
    problems: ProblemList,
    standards: AuditStandards | None = None,
) -> tuple[Company | None, list[Supplier]]:
    """Normalise every file's records. The first file whose company gives a name names the
    company (without any, the first file with a company); the other files' companies fill in
    only the country and sector it lacks, and each of their values that differs from the
    chain's is a `company-conflict` warning. `standards` tells the audits' standards that
    audit labour conditions (None: by the default settings)."""
    standards = standards or _default_standards()
    blocks = [raw for raw in raws if raw.company is not None]
    root = next((raw for raw in blocks if _given_name(raw.company or {}) is not None), None)
    root = root or (blocks[0] if blocks else None)
    company: Company | None = None
    before: list[tuple[RawChain, Company]] = []  # the companies of the files before the root's
    suppliers: list[Supplier] = []
    for raw in raws:
        table = not raw.path.lower().endswith((".yaml", ".yml"))
        if raw is root:
            company = normalise_company(raw, sectors, problems)
            for other_raw, other in before:
                _merge_company(company, raw, other, other_raw, problems)
        elif raw.company is not None and root is not None:
            other = normalise_company(raw, sectors, problems, root=False)
            if company is None:
                before.append((raw, other))
            else:
                _merge_company(company, root, other, raw, problems)
        start = len(suppliers)
        if raw.table is not None:
            suppliers.extend(normalise_table(raw.table, sectors, problems))
        else:
            for record in raw.records:
                supplier = normalise_record(record, sectors, problems, table, (), standards)
                if supplier is not None:
                    suppliers.append(supplier)
        if table:
            _table_audit_standards(raw, suppliers[start:], standards, problems)
            _undated_audits(raw, problems)
    return company, suppliers


# words of a header that names a date ("Factory audit (SMETA) date", "Audit-Datum")
_DATE_WORDS = ("date", "datum", "fecha", "data", "day")


def _undated_audits(raw: RawChain, problems: ProblemList) -> None:
    """Warn of a table's audit results given without a date (`undated-audit`): no audit
    counts without the day it was done, and a failed one would lose its uplift unseen. Once
    per distinct result, at its first row, naming the others; where the table has no audit
    date or standard column at all, once for the column, with the --map of the file's own
    column that names an audit and a date ('Factory audit date (SMETA)'). The same whether
    the table is read column by column or record by record."""
    table = raw.table
    records = raw.records
    fields = table.columns if table is not None else records[0].columns if records else {}
    if "audit_result" not in fields:
        return
    if table is not None:
        results = table.values.get("audit_result") or []
        dates = table.values.get("audit_date") or [None] * len(results)
    else:
        results = [record.fields.get("audit_result") for record in records]
        dates = [record.fields.get("audit_date") for record in records]
    # (each result given without a date, with its rows: located once found, a few)
    undated: dict[str, list[Location]] = {}
    for index, (result, date) in enumerate(zip(results, dates, strict=True)):
        if date is None and result is not None and (text := as_text(result)):
            undated.setdefault(text, []).append(
                table.where(index, "audit_result")
                if table is not None
                else records[index].where("audit_result")
            )
    if not undated:
        return
    own = (
        [label for label, _ in table.extras]
        if table is not None
        else list(dict.fromkeys(key for record in records for key in record.extras))
    )
    if "audit_standard" not in fields and "audit_date" not in fields:
        dated = [
            label
            for label in own
            if "audit" in label.casefold() and any(w in label.casefold() for w in _DATE_WORDS)
        ]
        first = min((at[0] for at in undated.values()), key=lambda at: at.row or 0)
        problems.warning(
            "undated-audit",
            "audit results are given, but no audit date or standard column is read: no audit"
            " is counted, passed or failed; map the column of the audit dates",
            first,
            suggestion=f"--map '{dated[0]}=audit_date'" if dated else None,
        )
        return
    for text, (first, *others) in undated.items():
        rows = [at.row for at in others if at.row is not None]
        also = ""
        if rows:
            shown = ", ".join(map(str, rows[:5])) + (", …" if len(rows) > 5 else "")
            also = f" (and in row{'s' if len(rows) > 1 else ''} {shown})"
        problems.warning(
            "undated-audit",
            f"audit result {text!r} without an audit date{also}: the audit is not counted,"
            " passed or failed; give the date it was done",
            first,
        )


def _table_audit_standards(
    raw: RawChain, suppliers: list[Supplier], standards: AuditStandards, problems: ProblemList
) -> None:
    """Warn of the passed audits of a table whose standard is not known to audit labour
    conditions (_audit_standard_issues), once per distinct standard, at its first row (its
    audit standard cell, or its audit date's where the table has no standards), naming the
    other rows: a column of 10^5 rows repeats a few standards. The same whether the table
    is read column by column or record by record."""
    table = raw.table
    fields = table.columns if table is not None else raw.records[0].columns if raw.records else {}
    if "audit_standard" not in fields and "audit_date" not in fields:
        return
    # each standard of a passed audit: the first such audit, and the rows that hold one
    found: dict[str, tuple[Audit, list[Location]]] = {}
    from ddtool.schemes import read_audit_result

    for supplier in filter(attrgetter("audits"), suppliers):
        for audit in supplier.audits:
            if (
                supplier.location is not None
                and read_audit_result(audit.standard, audit.result).outcome == "passed"
            ):
                held = found.setdefault(audit.standard, (audit, []))[1]
                if not held or held[-1] is not supplier.location:
                    held.append(supplier.location)
    column = fields.get("audit_standard") or fields.get("audit_date")
    for audit, (first, *others) in found.values():
        rows = [at.row for at in others if at.row is not None]
        issues = _audit_standard_issues(audit, standards, rows)
        if issues:
            _report(problems, issues, first.with_column(column))
