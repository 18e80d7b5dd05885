"""Inherent likelihood and severity per supplier and risk type, with the evidence behind them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, cast

from ddtool.config import Config, Scoring, Thresholds
from ddtool.document import (
    ADJUSTMENT,
    COUNTRY_UNKNOWN,
    GUESSED,
    LITTLE_COUNTRY_DATA,
    NO_COUNTRY_DATA,
    SECTOR_PART_NOT_MATCHED,
)
from ddtool.errors import Location, Problem
from ddtool.model import (
    NO_SECTOR,
    RISK_TYPES,
    Audit,
    Certification,
    Supplier,
)
from ddtool.profiles import (
    LISTED_FOR,
    GoodChange,
    GoodListing,
    Indicator,
    Profiles,
    Sector,
    exact_key,
    names_a_recruiter,
    text_key,
)
from ddtool.reference.countries import display_name
from ddtool.regions import XUAR_FACT, XUAR_NAME, XUAR_REASON, Placed, xuar_place
from ddtool.schemes import (
    CHAIN_OF_CUSTODY,
    audit_standards,
    not_held_note,
    not_held_with_expiry,
    read_audit_result,
    scope_note,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact behind a number: what it is, its value, year and source."""

    indicator: str
    value: Any
    year: int | None
    source: str
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "indicator": self.indicator,
            "value": self.value,
            "year": self.year,
            "source": self.source,
        }
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Score:
    """Likelihood, severity, their priority and its level."""

    likelihood: float
    severity: float
    priority: float
    level: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "likelihood": self.likelihood,
            "severity": self.severity,
            "priority": self.priority,
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class CountryPart:
    """One country indicator as used in a country score."""

    name: str
    raw: str
    subscore: float
    weight: float
    indicator: Indicator


@dataclass(frozen=True, slots=True)
class CountryScore:
    """A country's score for one risk type: weighted mean of the indicators it has."""

    iso3: str | None
    score: float
    parts: tuple[CountryPart, ...]
    coverage: float  # share of the weights that had data
    no_data: bool
    withheld: tuple[Indicator, ...] = ()  # values shown, not scored (errors in the source)
    thin: bool = False  # too few indicators: the missing weight was counted as no data
    # the main indicator missing where its source covers the country (Ghana's working-
    # children rate, of half the weight, where the ILAB Findings cover Ghana): what is
    # missing, a data gap though enough weight stands for the score (see Scorer.
    # country_score); "" where none is
    unrated: str = ""

    @property
    def value(self) -> float:
        """The score as the base takes it: as shown, rounded half up to four decimals (a
        reader working out the base from the printed score gets the printed base)."""
        return self.score

    @property
    def on_ratifications(self) -> bool:
        """Whether it rests on treaty ratifications alone (no figure of work): thin, it is
        then blended with no data both ways (see Scorer.country_score)."""
        return bool(self.parts) and all(p.name in RATIFICATION_LABELS for p in self.parts)


@dataclass(slots=True)
class RiskDetail:
    """Every step of one supplier's score for one risk type (what `explain` prints)."""

    risk_type: str
    country: CountryScore
    sector_likelihood: float | None
    sector_severity: float | None
    sector_rationale: str
    base: float
    adjustments: list[tuple[str, float]]
    floor: float
    floor_reason: str
    score: Score
    evidence: list[Evidence]
    # the sector whose rating it took: the supplier's, or another its sector text names
    # (Scorer._worst_reading); None for a sector not known
    sector: str | None = None
    # a region that sets a floor of its own (regions, forced labour): REGION_FLOOR where the
    # floor is the region's, REGION_BESIDE where a listing's as high or higher is, else ""
    region: str = ""
    # how the evidence was made, where it was made from another detail's (the detail of the
    # score without credits or a migrant uplift): that evidence with these facts inserted
    # at this index. The report works out the ids of the facts from it, once for the facts
    # the two share. (Not the detail's content: equal details may be made either way.)
    made_from: tuple[RiskDetail, int, list[Evidence]] | None = field(
        default=None, compare=False, repr=False
    )


@dataclass(slots=True)
class SupplierRisk:
    """All risk types for one supplier, plus its data gaps."""

    by_type: dict[str, RiskDetail]
    gaps: list[str] = field(default_factory=list)
    listings: list[GoodListing] = field(default_factory=list)
    handled: list[GoodListing] = field(default_factory=list)
    # country unknown: the worst case over the countries where the sector is listed, and
    # what set it there (the listing's floor, or the country's figures)
    worst: dict[str, tuple[Score, str]] | None = None
    worst_reasons: dict[str, str] | None = None
    # and the facts of the listings there that set it (see Scorer.worst_listed)
    worst_listed: dict[str, list[Evidence]] | None = None
    # the sector each worst case is of, where the sector text names several sectors of
    # goods and it is not the supplier's (Scorer._worst_reading)
    worst_sectors: dict[str, str] | None = None


def _ituc(value: str) -> float | None:
    return {"1": 0.0, "2": 0.2, "3": 0.4, "4": 0.6, "5": 0.8, "5+": 1.0}.get(value.strip())


@dataclass(frozen=True, slots=True)
class _Scaled:
    """A figure as a sub-score: the figure over a limit, held to 0–1."""

    limit: int

    def __call__(self, value: str) -> float | None:
        try:
            return min(1.0, max(0.0, float(value) / self.limit))
        except ValueError:
            return None

    def exact(self, value: str) -> Fraction | None:
        """The sub-score of the figure as written (4.1 / 15, not the binary float's)."""
        try:
            return min(Fraction(1), max(Fraction(0), Fraction(value.strip()) / self.limit))
        except (ValueError, ZeroDivisionError):
            return None


def _scaled(limit: int) -> _Scaled:
    return _Scaled(limit)


def _exact_subscore(fn: Callable[[str], float | None], value: str, subscore: float) -> Fraction:
    """A sub-score as the decimal it is: a scaled figure's from the figure as written, a
    rating's or a ratification's (0, 0.2, …, 1) as written."""
    exact = fn.exact(value) if isinstance(fn, _Scaled) else None
    return exact if exact is not None else decimal_value(subscore)


def _not_ratified(value: str) -> float | None:
    return {"ratified": 0.0, "not_ratified": 1.0, "denounced": 1.0}.get(value.strip())


def _no_is_risk(value: str) -> float | None:
    return {"yes": 0.0, "no": 1.0}.get(value.strip().casefold())


# (label, indicator names tried in order, subscore function, weight) per risk type.
_WORKING_CHILDREN = (
    "ilab_working_children_pct_age_5-14",
    "ilab_working_children_pct_age_10-14",
    "ilab_working_children_pct_age_7-14",
    "ilab_working_children_pct_age_6-14",
)
Spec = tuple[str, tuple[str, ...], Callable[[str], float | None], float]


def coverage_text(country: CountryScore) -> str:
    """How much of a country score's weight had figures, and the main indicator missing
    where one is (CountryScore.unrated): '20%', '50%: no working-children rate'."""
    return f"{country.coverage:.0%}" + (f": {country.unrated}" if country.unrated else "")


# an indicator every country the ILAB Findings assess has (its advancement level): where it
# is and the working-children rate is not, the rate is a gap of the source's coverage
_ILAB_COVERED = "ilab_advancement_level"
UNRATED_WORKING_CHILDREN = "no working-children rate"
COUNTRY_SPECS: dict[str, tuple[Spec, ...]] = {
    "child_labour": (
        ("working children (% of age group), /30", _WORKING_CHILDREN, _scaled(30), 0.5),
        ("modern slavery per 1,000, /15", ("gsi2023_prevalence_per_1000",), _scaled(15), 0.15),
        ("ITUC rights rating", ("ituc_global_rights_index_rating",), _ituc, 0.1),
        ("C138 ratified? (no → 1)", ("ilo_C138_status",), _not_ratified, 0.05),
        ("C182 ratified? (no → 1)", ("ilo_C182_status",), _not_ratified, 0.05),
        (
            "informal employment (%), /100",
            ("ilo_informal_employment_rate_pct",),
            _scaled(100),
            0.15,
        ),
    ),
    "forced_labour": (
        ("modern slavery per 1,000, /15", ("gsi2023_prevalence_per_1000",), _scaled(15), 0.5),
        ("ITUC rights rating", ("ituc_global_rights_index_rating",), _ituc, 0.2),
        ("C029 ratified? (no → 1)", ("ilo_C029_status",), _not_ratified, 0.04),
        ("P029 ratified? (no → 1)", ("ilo_P029_status",), _not_ratified, 0.03),
        ("C105 ratified? (no → 1)", ("ilo_C105_status",), _not_ratified, 0.03),
        ("informal employment (%), /100", ("ilo_informal_employment_rate_pct",), _scaled(100), 0.2),
    ),
    "human_trafficking": (
        ("modern slavery per 1,000, /15", ("gsi2023_prevalence_per_1000",), _scaled(15), 0.6),
        ("ITUC rights rating", ("ituc_global_rights_index_rating",), _ituc, 0.15),
        (
            "Palermo Protocol ratified? (no → 1)",
            ("ilab_ratified_UN_Palermo_trafficking_protocol",),
            _no_is_risk,
            0.1,
        ),
        (
            "informal employment (%), /100",
            ("ilo_informal_employment_rate_pct",),
            _scaled(100),
            0.15,
        ),
    ),
}


def missing_indicators(country: CountryScore, risk_type: str) -> list[tuple[str, float]]:
    """The indicators of a country's score (their names, as COUNTRY_SPECS gives them without
    the scaling, and weights) that have no figure for it: none bundled, none readable. A
    figure withheld is not among them (it is shown, with why it is not scored)."""
    scored = {part.name for part in country.parts}
    withheld = {ind.indicator for ind in country.withheld}
    return [
        (_plain_label(label), weight)
        for label, names, _fn, weight in COUNTRY_SPECS[risk_type]
        if label not in scored and withheld.isdisjoint(names)
    ]


def _spec_weight(risk_type: str, indicator: str) -> float:
    """The weight of the country indicator of this name in a risk type's score
    (COUNTRY_SPECS)."""
    return next(
        weight for _label, names, _fn, weight in COUNTRY_SPECS[risk_type] if indicator in names
    )


def _plain_label(label: str) -> str:
    """An indicator's name without how it is scaled: "working children (% of age group)"."""
    return label.split(", /")[0].removesuffix(" (no → 1)")


def label_scaling(label: str) -> str:
    """How an indicator of COUNTRY_SPECS is scaled, as its label says it after its name:
    ", /30", " (no → 1)", "" (an ITUC rating)."""
    return label.removeprefix(_plain_label(label))


# the indicators of a country score that are a treaty's status, not a figure of work
RATIFICATION_LABELS = frozenset(
    label
    for specs in COUNTRY_SPECS.values()
    for label, _names, fn, _weight in specs
    if fn in (_not_ratified, _no_is_risk)
)
RATING_SOURCE = "ddtool-rating"  # the manifest's source for the sector ratings
ADDED_SOURCE = "ilab-goods-2024-changes"  # the changes of the 2024 list that are known
LIST_2024 = "US DOL List of Goods 2024: "  # how the evidence of those changes begins
SEVERITY_FACT = "severity ("  # how the evidence of a score's severity begins
LISTED_FACT = "US DOL List of Goods: "  # and that of a listing of the supplier's goods
# a listing an overlay gives (the user's own, not the US DOL list's)
OVERLAY_LISTED_FACT = "Goods listing from the overlay "


def overlay_credit(overlay: str) -> str:
    """What a figure an overlay gives ("dir/countries.csv") cites as its source: the overlay,
    the user's, never ddtool nor the source the overlay names (that is named in the fact's
    note as the source behind it: see behind_note)."""
    return f"the overlay {overlay} (given with --profiles)"


def behind_note(profiles: Profiles, source_id: str, written: str = "") -> str:
    """How a fact's note names the source behind its figure: "[source behind it: NAME
    (YEAR)]", the source's catalogue name, else the name written beside the figure."""
    source = profiles.sources.get(source_id)
    named = f"{source.name} ({source.year})" if source else written or source_id
    return f"[source behind it: {named}]"


def listing_fact(listing: GoodListing) -> str:
    """The indicator of a listing's fact: the US DOL list's, or the overlay file's."""
    if listing.overlay:
        return f"{OVERLAY_LISTED_FACT}{listing.overlay}: {listing.good} ({listing.country})"
    return f"{LISTED_FACT}{listing.good} ({listing.country})"


def is_listing_fact(indicator: str) -> bool:
    """Whether a fact is a listing's (see listing_fact)."""
    return indicator.startswith((LISTED_FACT, OVERLAY_LISTED_FACT))


DEFAULT_SEVERITY = {"child_labour": 0.7, "forced_labour": 0.85, "human_trafficking": 0.9}
# a worst case of an unknown country is made once for each sector, products and what an
# inferred stage's buyer's products say it works (see Scorer.worst_case_unknown_country)
WorstKey = tuple[str, tuple[str, ...], tuple[str, ...] | None]
# the recognised schemes that certify farms alone (their ids, SchemeNames'), with the
# sectors credited and what one held elsewhere is: at a ginnery, spinning mill or garment
# factory, Better Cotton says the cotton it buys may be Better Cotton (mass balance), nothing
# of its own workers
FARM_SCHEMES: dict[str, tuple[tuple[str, ...], str]] = {
    "bettercotton": (
        ("cotton-farming",),
        "Better Cotton licenses cotton farms, not this site (at a gin, mill or factory it"
        " says the cotton bought may be Better Cotton)",
    ),
}
# the gap of a sector text that names a labour recruiter, which has no sector of its own
RECRUITER_GAP = "sector not matched (a labour recruiter: none of its own)"


def rated_base(likelihood: float, country: float, scoring: Scoring) -> float:
    """The base of a supplier whose sector is rated: the sector's likelihood and the country
    score (as shown) weighed by `sector_weight`, rounded half up (see half_up)."""
    weight = decimal_value(scoring.sector_weight)
    return half_up(weight * decimal_value(likelihood) + (1 - weight) * decimal_value(country))


def unknown_sector_base(country: float, scoring: Scoring) -> float:
    """The base of a supplier whose sector is not known: the sector's part weighted in as no
    data, as a country without data is, and only ever raising the country's score (a
    missing figure is not a low one, nor may it lower a high one). A sector taken from the
    products never gives a base below it (see Scorer._guessed)."""
    return max(country, rated_base(scoring.no_data_sector_score, country, scoring))


def gap_priorities(config: Config) -> dict[str, float]:
    """The priority of a supplier of which nothing is known (no country, no sector), by
    risk type, under `config`: its no-data base times the default severity, each step
    rounded as a score's (section 3.7 of the methodology)."""
    scoring = config.scoring
    base = unknown_sector_base(scoring.no_data_country_score, scoring)
    return {
        risk_type: half_up(decimal_value(base) * decimal_value(severity))
        for risk_type, severity in DEFAULT_SEVERITY.items()
    }


def gap_below_medium(config: Config, where: str | None) -> Problem | None:
    """The warning when the thresholds of `config` put a supplier of which nothing is known
    below medium on any risk type (its level low, though it rests on no data at all); None
    when they do not. The no-data scores are likelihoods, the thresholds priorities: a
    priority below medium is allowed, and said."""
    medium = config.thresholds.medium
    below = {rt: p for rt, p in gap_priorities(config).items() if p < medium}
    if not below:
        return None
    said = ", ".join(f"{rt.replace('_', ' ')} {p:g}" for rt, p in below.items())
    likelihood = unknown_sector_base(config.scoring.no_data_country_score, config.scoring)
    return Problem(
        "gap-below-medium",
        f"with thresholds.medium {medium:g}, a supplier of which nothing is known (no"
        f" country, no sector: likelihood {likelihood:g}, the no-data scores) has a priority"
        f" below medium on {said}: its level there is low, resting on no data, not on low"
        " figures (its data gaps are listed); a medium threshold of at most"
        f" {min(below.values()):g} keeps it medium",
        Location(where or "settings"),
        "warning",
    )


def decimal_value(figure: float) -> Fraction:
    """A figure as the decimal it is written with (0.1 is 1/10, not the binary float nearest
    it), as a reader working it out by hand takes it."""
    return Fraction(repr(figure))


def half_up(value: Fraction) -> float:
    """A value rounded to four decimals as by hand: half up (0.22725 is 0.2273, 0.13125 is
    0.1313), a half of a negative value away from zero. Every rounded step of a score is
    rounded so, from the decimals of the rounded steps before it: the printed figures
    worked out by hand give the printed result (no binary rounding moves a half)."""
    units = value * 10_000
    return half_up_units(units.numerator, units.denominator) / 10_000


def half_up_units(numerator: int, denominator: int) -> int:
    """A number of ten-thousandths, numerator / denominator (denominator > 0), rounded to a
    whole one as half_up rounds: half up, a half of a negative number away from zero. For
    sums kept as whole numbers over one denominator (the exposure roll-up's share-weighted
    figures), which need no Fraction per step."""
    whole = (2 * abs(numerator) + denominator) // (2 * denominator)
    return whole if numerator >= 0 else -whole


def worst_case_evidence(
    what: str | None, where: str, worst: Score, why: str, listed: Sequence[Evidence] = ()
) -> list[Evidence]:
    """The worst case an unknown country may hide, as the facts a flag raised at it rests
    on (a mapped supplier's, or an inferred raw good's): the worst case, scored by ddtool,
    and the listings that set it, each a fact of the DOL list with its year and source."""
    return [
        Evidence(
            f"worst case with the country unknown: {what} in {display_name(where)} ({where})",
            f"likelihood {worst.likelihood} x severity {worst.severity} = priority"
            f" {worst.priority} ({worst.level})",
            None,
            "ddtool: the sector scored in each country where it or its products are listed",
            note=why,
        ),
        *listed,
    ]


def _unnamed_note(
    profiles: Profiles, sector: Sector | None, products: list[str], listings: list[GoodListing]
) -> str:
    """How a flag's reason begins where a broad sector's listings apply to a supplier whose
    products are given but name none of their goods: with its sector, whose listed goods
    its products do not rule out, before the highest of them ("general manufacturing (other
    goods) in China: its products name none of the goods listed for its sector there, …;
    the highest of them: Fireworks from China is on …"), so that a steel-tube mill is not
    said to make fireworks; "" otherwise."""
    if sector is None or not sector.broad or not products or not listings:
        return ""
    if not set(profiles.named_goods(products)).isdisjoint(g.good for g in listings):
        return ""
    if profiles.says_a_good(products, [g.good for g in listings]):
        return ""  # ('forged blanks for surgical instruments': Surgical Instruments)
    return (
        f"{sector.name.lower()} in {display_name(listings[0].iso3)}: its products name none of"
        " the goods listed for its sector there, and do not rule them out, so the highest of"
        " them is its floor: "
    )


def _worst_facts(evidence: Sequence[Evidence]) -> list[Evidence]:
    """The facts of a worst case's score in its country that the flag's own evidence does not
    hold: the country's indicators (each with its year and source), the listings that apply
    there and the severity; not the sector's rating, which the supplier's own score gives."""
    return [e for e in evidence if not e.indicator.startswith(_SECTOR_FACT)]


# a membership of a scheme's organisation, named as a certification ("RBA member", "amfori
# member", "Mitglied der Fair Wear Foundation", "membre de la FLA"): a company's commitment,
# no site audited or certified
_MEMBERSHIP = re.compile(
    r"(?i)\b(?:members?|membership|mitglied(?:schaft)?|membres?|adh[ée]rent|miembros?|"
    r"membros?|signator(?:y|ies))\b"
)


# the words of a certificate or an audit beside a membership's ("RSPO certified (RSPO member
# no 1-0001)", "Sedex Members Ethical Trade Audit (SMETA)"): a certification all the same
_CERTIFIED = re.compile(r"(?i)certif|zertifi|audit|\bsmeta\b|\bsa8000\b|\bconformant\b|\bvalid\b")


# how the evidence of a sector's inherent likelihood begins (its rating, the overlay's, or
# that of a sector taken from products)
_SECTOR_FACT = "sector inherent likelihood ("


def _own_figures(detail: RiskDetail, iso3: str) -> str:
    """What a worst case without a listing rests on: the sector's rating and the country's
    indicators, named (North Korea's child labour: its modern-slavery prevalence alone)."""
    names = sorted({part.indicator.indicator for part in detail.country.parts})
    figures = ", ".join(names) if names else "none: scored as no data"
    return f"the sector's and {display_name(iso3)}'s own figures (the country's: {figures})"


def _has_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether `run` occurs in `words`, word for word ("frozen squid" has "squid"), and not
    as what a product is free of ("lead-free solder", "nickel free")."""
    size = len(run)
    return any(
        words[i : i + size] == run and words[i + size : i + size + 1] != ("free",)
        for i in range(len(words) - size + 1)
    )


def _removal_note(listing: GoodListing, risk_type: str) -> str:
    """A listing's 2024 removal, as evidence of one risk type: where the removal is reported
    for other risk types only (GoodListing.removed_for: the reason the source quotes is
    child labour's), the evidence of this one says so, not that its own listing was removed
    (the source does not say)."""
    change = listing.change_2024
    if not change:
        return ""
    # (the change's text says what it is first, "removed: 'child labor …'": said once)
    change = change.removeprefix("removed: ")
    if risk_type not in listing.removed_for:
        reported = ", ".join(LISTED_FOR.get(r, r) for r in listing.removed_for)
        return (
            f"a removal in the 2024 edition is reported for {reported}; for this risk type"
            f" the source says nothing (still scored): {change}"
        )
    return f"removed in the 2024 edition: {change}"


# words of a scheme of another kind whose standard may hold social criteria too (the Global
# Organic Textile Standard, an organic label with fair-trade terms): an unlisted one is left
# to the settings' list, not said to be no labour certification
_MAY_HOLD_SOCIAL = re.compile(r"\b(?:organic\w*|bio\w*|okolog\w*|oekolog\w*|ecolog\w*|fair\w*)\b")


def indicator_label(item: Indicator, profiles: Profiles) -> str:
    source = profiles.sources.get(item.source_id)
    return source.name if source else item.source_name


# a source row's note saying its year is not that of the survey behind the figure
_NO_SURVEY_YEAR = "survey year not given"


def indicator_evidence(item: Indicator, profiles: Profiles) -> Evidence:
    note = ""
    if item.uncertain:  # the first clause says what kind of copy it is
        note = "less certain copy: " + item.verification.split(";")[0].strip()[:120]
    if item.quality:  # the source's own flag: "Unreliable", "Break in series"
        note = f"{note}; {item.quality}" if note else item.quality
    if _NO_SURVEY_YEAR in item.note:  # (the ILAB Findings: the year is the edition's)
        undated = (
            f"the year is the {item.year} edition's: the source gives no year of the survey"
            " behind the figure, which may be years older"
        )
        note = f"{note}; {undated}" if note else undated
    source = indicator_label(item, profiles)
    if item.overlay:  # a value the user's overlay gives, not the bundled data: credited to it
        note = f"from the overlay {item.overlay}" + (f"; {note}" if note else "")
        note = f"{note} {behind_note(profiles, item.source_id, item.source_name)}"
        source = overlay_credit(item.overlay)
    sex = "" if item.sex == "total" else f", {item.sex}"
    return Evidence(
        indicator=f"{item.indicator} ({item.iso3}{sex})",
        value=item.number if item.number is not None else item.value,
        year=item.year,
        source=source,
        note=note,
    )


# a score without credits, its bases (rounded, as shown) and where the credits' facts go (_plain)
_Plain = tuple[SupplierRisk, tuple[float, ...], tuple[int, ...]]
# certifications' and audits' adjustments (label, delta), the same as facts, and their sum
# (_credits)
_Credits = tuple[list[tuple[str, float]], list[Evidence], float]


# what raised a severity to a listing's floor where a region did (Scorer._severity_evidence)
REGION_RAISED = "\x00region"
# RiskDetail.region: the floor is the region's, or a listing's with the region beside it
REGION_FLOOR, REGION_BESIDE = "floor", "beside"


class Scorer:
    """Scores suppliers; country scores are cached per distinct country."""

    def __init__(self, profiles: Profiles, config: Config, as_of: dt.date) -> None:
        self.profiles = profiles
        self.config = config
        self.as_of = as_of
        self._country: dict[tuple[str | None, str], CountryScore] = {}
        self._scores: dict[tuple[Any, ...], SupplierRisk] = {}
        # the scores of suppliers whose sector text names several sectors of goods
        self._worst_readings: dict[tuple[Any, ...], SupplierRisk] = {}
        self._unadjusted: dict[tuple[Any, ...], tuple[SupplierRisk, tuple[float, ...]]] = {}
        # each migrant share's uplift, and the same as a fact
        self._uplifts: dict[float, tuple[tuple[str, float], list[Evidence]]] = {}
        # scores without credits, and credits, by what they are made from (see _new_score)
        self._plains: dict[tuple[Any, ...], _Plain] = {}
        self._held_credits: dict[tuple[Any, ...], _Credits] = {}
        self._finals: dict[tuple[float, float, float, float], Score] = {}
        # each credit as a fact, one object for all the suppliers it is the same for (a
        # passed audit of one day and standard): the report's catalogue looks facts up by it
        self._credit_facts: dict[tuple[str, float], Evidence] = {}
        self._audit_cutoff = _months_before(as_of, config.scoring.audit_valid_months)
        self._programme_ids: frozenset[str] | None = None
        # what each audit standard audits: labour conditions, or not, and the schemes that
        # certifications and audits name, read alike once per text (ddtool.schemes)
        self._standards = audit_standards(
            tuple(config.labour_audits), tuple(config.recognised_certifications)
        )
        self._schemes = self._standards.schemes
        self._added_2024 = {
            c.iso3: c for c in profiles.goods_changes if c.change.startswith("new_country")
        }
        # goods new on the 2024 list, their countries not known: named by a product's words
        # (each by its name and by its aliases in good_sectors.csv: "PVC" for Polyvinyl
        # chloride, named by the 2024 edition as a good never listed before)
        new_goods = {c.good: c for c in profiles.goods_changes if c.change.startswith("new_good")}
        self._new_goods_2024 = {
            tuple(text_key(name).split()): change
            for good, change in new_goods.items()
            if good
            for name in [
                good,
                *(alias for alias, of in profiles.good_aliases.items() if of == good),
            ]
        }
        self._facts: dict[int, Evidence] = {}
        self._missing: dict[tuple[str, str], list[Evidence]] = {}
        # scores by what the products say (see _said_key)
        self._said: dict[tuple[Any, ...], SupplierRisk] = {}
        self._may_be: dict[tuple[str, str, tuple[str, ...]], list[Evidence]] = {}
        self._severities: dict[tuple[str | None, str, float, str, bool], Evidence] = {}
        self._sector_facts: dict[tuple[str, str], Evidence] = {}
        # worst cases of an unknown country, by sector, products and what an inferred stage's
        # buyer's products say it works (None: a mapped supplier's; see the methods' `said`)
        self._worst: dict[WorstKey, dict[str, tuple[Score, str]] | None] = {}
        self._worst_reasons: dict[WorstKey, dict[str, str]] = {}
        self._worst_listed: dict[WorstKey, dict[str, list[Evidence]]] = {}
        # the fact a supplier in the XUAR is floored on (regions), if the risk data has it
        self._xuar_fact = next(
            (row for row in profiles.facts if row.get("fact_id", "").strip() == XUAR_FACT),
            None,
        )
        self._xuar_floors: dict[Placed, tuple[str, Evidence]] = {}

    def xuar(self, supplier: Supplier) -> Placed | None:
        """What places a supplier in the XUAR (regions.xuar_place), for one in China, where
        the risk data holds the fact its floor rests on; else None."""
        if supplier.country != "CHN" or self._xuar_fact is None:
            return None
        return xuar_place(supplier.region, supplier.name)

    def _xuar_floor(self, placed: Placed) -> tuple[str, Evidence]:
        """The reason of the forced-labour floor of a supplier in the XUAR, and its fact,
        made once for each text that places one there."""
        found = self._xuar_floors.get(placed)
        if found is not None:
            return found
        row = self._xuar_fact
        assert row is not None
        year = int(row["reference_year"]) if row["reference_year"].strip().isdigit() else None
        source = self.profiles.sources.get(row["source_id"].strip())
        fact = Evidence(
            f"region: {XUAR_NAME}",
            f"{row['value']} {row['unit']}".strip(),
            year,
            source.name if source else row["source_id"],
            note=f"{XUAR_FACT}: goods from China on the US DOL List of Goods, a count of a"
            " later edition than the bundled 2022 one, as the press reported it (the 2022"
            " edition's goods for China are those the evidence beside it names); placed in"
            f" the region by its {placed.field} {placed.text!r}; ddtool's region rule, not a"
            " listing: floored on forced labour as a forced-labour listing floors"
            " (settings: listing_floor, listing_severity_floor), whatever its goods",
        )
        reason = (
            f"{XUAR_REASON} (its {placed.field} {placed.text!r}); goods from China"
            f" on the US DOL List of Goods: {fact.value} ({year or 'year not known'});"
            " floored as a forced-labour listing"
        )
        found = self._xuar_floors[placed] = (reason, fact)
        return found

    def _goods_it_may_be(
        self, iso3: str | None, risk_type: str, named: tuple[str, ...] = ()
    ) -> list[Evidence]:
        """For a supplier whose sector is not known: the goods listed in its country for the
        risk type, which its work may be (not scored: which one, if any, is not known), but
        those its products name (`named`: their listings are scored, as its listing floor)."""
        if iso3 is None:
            return []
        key = (iso3, risk_type, named)
        cached = self._may_be.get(key)
        if cached is None:
            # one fact for the goods of each source: those an overlay lists are the user's,
            # credited to the overlay, never the US DOL list's
            by_source: dict[tuple[str, str], list[GoodListing]] = {}
            for g in self.profiles.country_goods(iso3, risk_type):
                if g.good not in named:
                    by_source.setdefault((g.overlay, g.source_id), []).append(g)
            # (the list names no goods for trafficking: those listed for forced child labour
            # stand for it, as its floors take them)
            words = (
                "forced child labour (taken as trafficking risk)"
                if risk_type == "human_trafficking"
                else risk_type.replace("_", " ")
            )
            cached = self._may_be[key] = []
            for (overlay, source_id), goods in by_source.items():
                note = (
                    "not scored: the supplier's sector is not known; if its work is among"
                    " these goods, give its sector or products and the listing applies"
                )
                cached.append(
                    Evidence(
                        f"goods listed in {iso3} for {words}"
                        + (f" in the overlay {overlay}" if overlay else "")
                        + " (the sector not known may be one)",
                        ", ".join(dict.fromkeys(g.good for g in goods)),
                        max(g.year for g in goods),
                        overlay_credit(overlay)
                        if overlay
                        else self.profiles.sources[source_id].name,
                        note=f"{note} {behind_note(self.profiles, source_id)}" if overlay else note,
                    )
                )
        return cached

    def _missing_evidence(self, country: CountryScore, risk_type: str) -> list[Evidence]:
        """The indicators of a country score that have no figure for the country, each as
        "no data" with its weight: left out of its weighted mean, which rests on the others;
        where none has a figure, every one of them, the score being no data as a whole (said
        by a fact of its own). Made once for each country and risk type."""
        if country.iso3 is None:
            return []
        key = (country.iso3, risk_type)
        cached = self._missing.get(key)
        if cached is None:
            scoring = self.config.scoring
            if country.no_data:
                why = (
                    "left out: no indicator has a figure: the country score is no data"
                    f" ({scoring.no_data_country_score:g}, never low risk)"
                )
            elif country.thin:  # (the missing weight is no data: see country_score)
                why = (
                    f"not left out: the indicators with a figure are {country.coverage:.0%}"
                    f" of the weights, below {scoring.thin_country_coverage:.0%}, so the"
                    f" missing weight is scored as {scoring.no_data_country_score:g}"
                    + (
                        " (treaty ratifications alone: no figure of work)"
                        if country.on_ratifications
                        else " where that raises the score (no data, never low risk)"
                    )
                )
            else:
                why = (
                    "left out: the score rests on the indicators with a figure"
                    f" ({country.coverage:.0%} of the weights)"
                )
            cached = self._missing[key] = [
                Evidence(
                    f"{label} ({country.iso3})",
                    "no data",
                    None,
                    "ddtool: no figure for this country in the risk data (not counted as low)",
                    note=f"weight {weight:g}, {why}",
                )
                for label, weight in missing_indicators(country, risk_type)
            ]
        return cached

    def country_score(self, iso3: str | None, risk_type: str) -> CountryScore:
        key = (iso3, risk_type)
        cached = self._country.get(key)
        if cached is not None:
            return cached
        parts: list[CountryPart] = []
        exact: list[Fraction] = []  # the parts' sub-scores as the decimals they are
        withheld: list[Indicator] = []
        total = sum(spec[3] for spec in COUNTRY_SPECS[risk_type])
        if iso3 is not None:
            for label, names, fn, weight in COUNTRY_SPECS[risk_type]:
                for name in names:
                    item = self.profiles.indicator(iso3, name)
                    if item is None:
                        continue
                    if item.withheld:
                        withheld.append(item)
                        continue
                    sub = fn(item.value)
                    if sub is not None:
                        parts.append(CountryPart(label, item.value, sub, weight, item))
                        exact.append(_exact_subscore(fn, item.value, sub))
                        break
        have = sum(p.weight for p in parts)
        if have == 0:
            result = CountryScore(
                iso3,
                self.config.scoring.no_data_country_score,
                (),
                0.0,
                no_data=True,
                withheld=tuple(withheld),
            )
        else:
            # worked out in decimals from the figures as written, and rounded half up once,
            # as by hand (a mean of exactly 0.70945 is 0.7095, whatever its binary float)
            weights = [decimal_value(p.weight) for p in parts]
            weighed = sum(weights, Fraction(0))
            mean = sum((x * w for x, w in zip(exact, weights, strict=True)), Fraction(0)) / weighed
            coverage = have / total
            scoring = self.config.scoring
            thin = coverage < scoring.thin_country_coverage
            if thin:  # two ratifications alone must not make a country's risk 0: the missing
                # share counts as no data, and only ever raises the score (as for a sector)
                share = weighed / sum(
                    (decimal_value(spec[3]) for spec in COUNTRY_SPECS[risk_type]), Fraction(0)
                )
                no_data = decimal_value(scoring.no_data_country_score)
                blended = share * mean + (1 - share) * no_data
                # nor make it 1: a treaty not ratified says what a state signed, not what
                # happens at work (and a territory ratifies none of its own), so a mean of
                # ratifications alone is blended both ways; a high mean of figures stays
                ratifications = all(part.name in RATIFICATION_LABELS for part in parts)
                mean = blended if ratifications else max(mean, blended)  # (on_ratifications)
            unrated = ""
            if (
                not thin
                and risk_type == "child_labour"
                and parts[0].name != COUNTRY_SPECS[risk_type][0][0]
                and iso3 is not None
                and self.profiles.indicator(iso3, _ILAB_COVERED) is not None
            ):
                unrated = UNRATED_WORKING_CHILDREN
            result = CountryScore(
                iso3, half_up(mean), tuple(parts), coverage, False, tuple(withheld), thin, unrated
            )
        self._country[key] = result
        return result

    def worst_case_unknown_country(
        self, sector_id: str, products: list[str], said: tuple[str, ...] | None = None
    ) -> dict[str, tuple[Score, str]] | None:
        """For a supplier whose country is unknown: its sector scored in every country where
        the sector (or its products) is listed, before supplier-specific adjustments.

        With `said`, for an inferred stage (no products of its own): what its buyer's
        products say it works (Profiles.stage_said), so that it is scored where, and with
        the listings that, its stage in a known country would be (Profiles.stage_listings:
        a spinner for a maker of cotton t-shirts is not scored for silk thread)."""
        key = (sector_id, tuple(products), said)
        if key in self._worst:
            return self._worst[key]
        worst: dict[str, tuple[Score, str]] | None = None
        reasons = self._worst_reasons[key] = {}
        listed = self._worst_listed[key] = {}
        if said is None:
            countries = self.profiles.listed_countries(sector_id, products)
        else:
            countries = self.profiles.stage_countries(sector_id, said)
        if countries:
            worst = {}
            for iso3 in countries:
                probe = Supplier.model_construct(
                    id="probe",
                    country=iso3,
                    sector=sector_id,
                    products=list(products),
                    buyers=[],
                    certifications=[],
                    audits=[],
                    attributes={},
                    migrant_pct=None,
                )
                stage = (
                    None if said is None else self.profiles.stage_listings(iso3, sector_id, said)
                )
                risk = self.score(probe, sector_id, stage)
                for rt, detail in risk.by_type.items():
                    if rt not in worst or detail.score.priority > worst[rt][0].priority:
                        worst[rt] = (detail.score, iso3)
                        reasons[rt] = detail.floor_reason or _own_figures(detail, iso3)
                        listed[rt] = _worst_facts(detail.evidence)
        self._worst[key] = worst
        return worst

    def worst_reasons(
        self, sector_id: str, products: list[str], said: tuple[str, ...] | None = None
    ) -> dict[str, str]:
        """What set each risk type's worst case (see worst_case_unknown_country)."""
        self.worst_case_unknown_country(sector_id, products, said)
        return self._worst_reasons[(sector_id, tuple(products), said)]

    def worst_listed(
        self, sector_id: str, products: list[str], said: tuple[str, ...] | None = None
    ) -> dict[str, list[Evidence]]:
        """The facts each risk type's worst case rests on in its country (see
        worst_case_unknown_country and _worst_facts): the country's indicators, the listings
        that apply there and the severity, each with its year and source, so that the figure
        flagged can be worked out from the register alone."""
        self.worst_case_unknown_country(sector_id, products, said)
        return self._worst_listed[(sector_id, tuple(products), said)]

    def _new_goods(self, products: list[str]) -> list[Evidence]:
        """Goods new on the 2024 list (their countries not in the bundled data) that the
        products name: shown for the user to check, never scored."""
        found: list[Evidence] = []
        words = [tuple(text_key(p).split()) for p in products]
        present = {word for each in words for word in each}  # (a good's first word must be)
        told: set[int] = set()  # (a good named by its name and an alias: told once)
        for good, change in self._new_goods_2024.items():
            if (
                good
                and good[0] in present
                and id(change) not in told
                and any(_has_run(w, good) for w in words)
            ):
                told.add(id(change))
                found.append(
                    _change_evidence(
                        self.profiles,
                        change,
                        f"{change.good} newly listed",
                        "countries not in the bundled data: check the current list for this"
                        " supplier's country",
                    )
                )
        return found

    def _severity_evidence(
        self,
        sector: str | None,
        risk_type: str,
        own: float,
        severity: float,
        raised_by: str,
        default: bool = False,
    ) -> Evidence:
        """Where a score's severity comes from (the other half of its priority), made once
        for each sector, risk type and cause: its sector's rating, the default for a sector
        not known (`default`: also for a sector guessed from products rated below it), or
        the floor a listed good raises it to."""
        key = (sector, risk_type, severity, raised_by, default)
        found = self._severities.get(key)
        if found is None:
            rating = self.profiles.sources.get(RATING_SOURCE)
            if raised_by == REGION_RAISED:
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}): region",
                    severity,
                    None,
                    "ddtool: a forced-labour listing's severity floor (settings:"
                    " listing_severity_floor), for a supplier in a region that sets one",
                    note=f"{XUAR_REASON}; the sector's own severity is {own}",
                )
            elif raised_by:
                before = f"the sector's own severity is {own}"
                if sector is not None and default:  # (a sector taken from products)
                    rated = self.profiles.sectors[sector].risk[risk_type].severity
                    before = (
                        f"before it, the default severity for a sector not known, {own}, as"
                        f" it is above the {sector} rating's {rated}"
                    )
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}): listed good",
                    severity,
                    None,
                    "ddtool: a listed good's severity floor (settings: listing_severity_floor;"
                    " 0.9 for forced child labour)",
                    note=f"{raised_by} is listed; {before}",
                )
            elif sector is not None and default:
                rated = self.profiles.sectors[sector].risk[risk_type].severity
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}) ({sector} taken from"
                    " products), default",
                    severity,
                    None,
                    "ddtool: the default severity for a sector not known, as it is above the"
                    f" {sector} rating's {rated} (a sector taken from products never lowers it)",
                )
            elif sector is not None and (overlay := self.profiles.sectors[sector].overlay):
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}) ({sector}), rating from the"
                    f" overlay {overlay}",
                    severity,
                    None,
                    overlay_credit(overlay),
                    note="the sector's rated severity (see the sector's rationale)",
                )
            elif sector is not None:
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}) ({sector}), ddtool rating",
                    severity,
                    rating.year if rating else None,
                    rating.name if rating else RATING_SOURCE,
                    note="the sector's rated severity (see the sector's rationale)",
                )
            else:
                found = Evidence(
                    f"{SEVERITY_FACT}{risk_type.replace('_', ' ')}) (sector not known)",
                    severity,
                    None,
                    "ddtool: the default severity for a sector not known",
                )
            self._severities[key] = found
        return found

    def _sector_fact(self, sector: Sector, risk_type: str) -> Evidence:
        """A sector's inherent likelihood as a fact, made once per sector and risk type:
        suppliers whose scores are their own (certifications, audits written apart) share
        it, with its rationale."""
        key = (sector.id, risk_type)
        fact = self._sector_facts.get(key)
        if fact is not None:
            return fact
        p = self.profiles
        sr = sector.risk[risk_type]
        # the rating is the project's judgement; the source it rests on is named in the
        # note, not credited with the number
        rating = p.sources.get(RATING_SOURCE)
        rests_on = p.rests_on(sr)
        if sector.overlay:  # a rating of the user's, not the project's: said so
            fact = Evidence(
                f"sector inherent likelihood ({sector.id}), rating from the overlay"
                f" {sector.overlay}",
                sr.likelihood,
                None,
                overlay_credit(sector.overlay),
                note=f"{sr.rationale} [source behind it: {rests_on}]",
            )
        else:
            fact = Evidence(
                f"sector inherent likelihood ({sector.id}), ddtool rating",
                sr.likelihood,
                rating.year if rating else None,
                rating.name if rating else RATING_SOURCE,
                note=f"{sr.rationale} [source behind it: {rests_on}]",
            )
        self._sector_facts[key] = fact
        return fact

    def _guessed(
        self,
        sector_id: str,
        risk_type: str,
        country: float,
        base: float,
        severity: float,
    ) -> tuple[float, float, list[Evidence]]:
        """The base and severity of a supplier whose sector is guessed from its products:
        no lower than a supplier whose sector is not known (a gap never lowers a score),
        with the fact of what raised the base (_severity_evidence says where the severity
        comes from). A sector not known is weighted in as no data (base = max(country,
        w × no data + (1 − w) × country)), with the default severity."""
        s = self.config.scoring
        unknown = unknown_sector_base(country, s)
        facts: list[Evidence] = []
        if unknown > base:
            facts.append(
                Evidence(
                    f"sector inherent likelihood ({sector_id} taken from products)",
                    "no data",
                    None,
                    f"ddtool: no data is scored as {s.no_data_sector_score} (never as low"
                    f" risk): the base is the higher of this and the {sector_id} rating's",
                )
            )
        return max(base, unknown), max(severity, DEFAULT_SEVERITY[risk_type]), facts

    def _farm_schemes_in(self, supplier: Supplier) -> bool:
        """Whether a supplier lists a certification of a farms' scheme (FARM_SCHEMES)."""
        return any(self._certified(c.name) in FARM_SCHEMES for c in supplier.certifications)

    def _certified(self, name: str) -> str | None:
        """The recognised certification a certification's name names (SchemeNames.scheme:
        "SA 8000 certified" is SA8000, "UTZ Certified" Rainforest Alliance), as one id for
        all its names; None for a name of none, or of a scheme the settings list as a labour
        audit only or not at all ("Sedex", "Fair Trade USA" where it is not listed)."""
        scheme = self._schemes.scheme(name)
        return scheme.id if scheme is not None and scheme.listed == "certification" else None

    def _same_audit(self, audit: Audit) -> tuple[str, dt.date | None]:
        """What tells one audit from another: its standard (as the scheme it names, where it
        names one: "amfori BSCI" and "BSCI" are one, "RBA VAP" and "RBA", "SA8000" and
        "SA 8000") and its date."""
        scheme = self._schemes.scheme(audit.standard)
        return scheme.id if scheme is not None else text_key(audit.standard), audit.date

    def _scheme_audits(
        self, audits: Sequence[Audit], windowed: bool
    ) -> Iterator[tuple[str, dt.date, Audit]]:
        """The audits of recognised schemes that bear on a certificate of theirs, each with
        its scheme's id and its date: dated, not after the as-of date (and, `windowed`, not
        older than the audits' window), of labour conditions or of a scope not known, and of
        the supplier's own site ('SA8000 (subcontractor site)' is not)."""
        for audit in audits:
            date = audit.date
            if date is None or date > self.as_of or (windowed and date < self._audit_cutoff):
                continue
            scheme = self._schemes.scheme(audit.standard)
            if scheme is None or self._standards.scope(audit.standard).labour is False:
                continue
            if not _of_another_site(audit):
                yield scheme.id, date, audit

    def _failed_last(self, audits: Sequence[Audit]) -> dict[str, Audit]:
        """The recognised schemes whose latest audit that counts (_scheme_audits, within the
        audits' window) failed, each with that audit: a certificate of the scheme is then not
        credited ('Fairtrade' beside a Fairtrade audit 'non-compliant', 'BSCI' beside an
        amfori BSCI grade E). Of audits of one scheme on its latest date, a failure of any
        counts."""
        latest: dict[str, tuple[dt.date, Audit | None]] = {}
        for scheme, date, audit in self._scheme_audits(audits, windowed=True):
            failed = read_audit_result(audit.standard, audit.result).outcome == "failed"
            seen = latest.get(scheme)
            if seen is None or date > seen[0]:
                latest[scheme] = (date, audit if failed else None)
            elif date == seen[0] and failed and seen[1] is None:
                latest[scheme] = (date, audit)
        return {scheme: audit for scheme, (_, audit) in latest.items() if audit is not None}

    def _programmes(self) -> frozenset[str]:
        """The scheme ids of AUDIT_PROGRAMMES, under the settings' reading of names."""
        if self._programme_ids is None:
            found = (self._schemes.scheme(name) for name in AUDIT_PROGRAMMES)
            self._programme_ids = frozenset(s.id for s in found if s is not None)
        return self._programme_ids

    def _latest_audits(self, audits: Sequence[Audit]) -> dict[str, Audit]:
        """The latest audit of each recognised scheme (_scheme_audits), however old."""
        latest: dict[str, tuple[dt.date, Audit]] = {}
        for scheme, date, audit in self._scheme_audits(audits, windowed=False):
            if scheme not in latest or date > latest[scheme][0]:
                latest[scheme] = (date, audit)
        return {scheme: audit for scheme, (_, audit) in latest.items()}

    def _audit_of_undated(self, cert: Certification, audit: Audit | None) -> str | None:
        """What a certificate of no expiry date of an audit programme that issues no
        certificates (AUDIT_PROGRAMMES: 'amfori BSCI', 'SMETA', an ERP's certifications
        column holds their names) earns beside an audit of its own scheme: the name is the
        audit, not a certificate apart. Its scheme's latest audit older than the audits'
        window makes it no current certificate (no credit); a passed one within the window
        is credited as the audit, once (no further credit for the name). None where it has
        an expiry date, is of a scheme that certifies (Fairtrade, SA8000), or no audit of its
        scheme is listed, or its latest neither."""
        if cert.valid_until is not None or audit is None or audit.date is None:
            return None
        scheme = self._schemes.scheme(cert.name)
        if scheme is None or scheme.id not in self._programmes():
            return None
        months = self.config.scoring.audit_valid_months
        if audit.date < self._audit_cutoff:
            return (
                f"certification '{cert.name}' (no expiry date given): not taken as current,"
                f" the latest audit of the same scheme ('{audit.standard}', {audit.date}) is"
                f" older than {months} months: no credit"
            )
        if read_audit_result(audit.standard, audit.result).outcome == "passed":
            return (
                f"certification '{cert.name}' (no expiry date given): no further credit (the"
                f" same scheme's audit '{audit.standard}' of {audit.date} is credited: one"
                " scheme's audit credited once)"
            )
        return None

    def _mitigation(self, supplier: Supplier) -> tuple[list[tuple[str, float]], float]:
        """Credits for valid certifications and recent passed audits; uplift for failed ones.

        Taken in an order of their own, not the file's (certifications by name, audits the
        latest first), so that the same certifications and audits written in another order
        give the same evidence: which of them gets "no further credit" included.

        A scheme is credited once, however many of its names are listed (SA8000 and SA 8000,
        BSCI and amfori BSCI: SchemeNames); an audit too (one scheme or standard and date,
        listed twice), and not where it is also listed as failed. A self-assessment is no
        audit (AuditStandards.self_assessment): its pass earns no
        credit (a failure it reports is still a failed audit's uplift: an adverse finding
        counts whoever reports it).

        A certification whose name says it is not held ('Fairtrade (suspended)', 'not
        SA8000 certified', 'amfori BSCI rating E': certification_not_held) earns nothing,
        nor one of a scheme whose latest audit failed (_failed_last),
        nor one that says it is of another kind than labour conditions, as an audit's
        standard would ('Rainforest Alliance Chain of Custody', 'RSPO MB': AuditStandards,
        the one reading of both). An audit counts only
        where its standard audits labour conditions (AuditStandards): a pass of another
        kind (food safety, quality, environmental, chain of custody), or of a standard not
        known to, earns no credit; a failure of another kind no uplift (it says nothing of
        labour), while one of a standard not known still counts (it may be of labour)."""
        s = self.config.scoring
        credits: list[tuple[str, float]] = []
        uplift = 0.0
        cert_total = 0.0
        certifications = supplier.certifications
        if len(certifications) > 1:
            certifications = sorted(certifications, key=_certification_order)
        credited: dict[str, str] = {}  # the schemes credited, by the name that earned it
        # the schemes whose latest audit counted failed: their certificates earn nothing
        failed_last = self._failed_last(supplier.audits) if certifications else {}
        # the latest audit of each scheme, whatever its age: a certificate of no expiry date
        # stands on it (see _audit_of_undated)
        latest_audits = self._latest_audits(supplier.audits) if certifications else {}
        for cert in certifications:
            not_held = not_held_with_expiry(cert.name, cert.valid_until is not None)
            if not_held is not None:
                note = not_held_note(not_held)
                said = f"'{not_held}': {note}" if note else f"'{not_held}'"
                credits.append(
                    (f"certification '{cert.name}' not held (it says {said}): no credit", 0.0)
                )
                continue
            if _MEMBERSHIP.search(cert.name) and not _CERTIFIED.search(cert.name):
                # ('RBA member': a commitment, no site certified; not 'Fairtrade certified SPO
                # (member cooperative)')
                credits.append(
                    (
                        f"certification '{cert.name}': a membership, not a certificate: no credit",
                        0.0,
                    )
                )
                continue
            scheme = self._certified(cert.name)
            scope = self._standards.scope(cert.name)
            # (a chain-of-custody certificate is told as such whatever scheme it is of,
            # listed or not: 'RSPO MB', 'MSC CoC', 'MSC Chain of Custody')
            # (and one not listed whose name says another kind of scheme: 'MSC', 'ISO 14001',
            # 'BRCGS Food', not a social scheme left off the list, which it would invite;
            # an organic textile standard may have social criteria: its name says not)
            if scope.labour is False and (
                scheme is not None
                or scope == CHAIN_OF_CUSTODY
                or not _MAY_HOLD_SOCIAL.search(exact_key(cert.name))
            ):
                credits.append(
                    (f"certification '{cert.name}': {scope_note(scope, 'certification')}", 0.0)
                )
                continue
            if scheme is None:
                programme = self._schemes.scheme(cert.name)
                said = (
                    f"certification '{cert.name}': of a labour audit programme (the"
                    " settings' labour_audits), not a certification ddtool credits: its"
                    " audit, given with its date and result, is credited"
                    if programme is not None and programme.listed == "audit"
                    else f"certification '{cert.name}': not among the settings'"
                    " recognised certifications"
                )
                credits.append((said, 0.0))
                continue
            if cert.valid_until is not None and cert.valid_until < self.as_of:
                credits.append((f"certification '{cert.name}' expired {cert.valid_until}", 0.0))
                continue
            farms = FARM_SCHEMES.get(scheme)
            if farms is not None and supplier.sector not in (None, *farms[0]):
                # (Better Cotton licenses farms: at a mill or factory it says of the cotton
                # bought, not of the site's own workers)
                credits.append((f"certification '{cert.name}': {farms[1]}: no credit", 0.0))
                continue
            valid = (
                f"valid until {cert.valid_until}"
                if cert.valid_until is not None
                else "valid (no expiry date given: taken as current)"
            )
            last = failed_last.get(scheme)
            if last is not None and not _issued_after(cert.valid_until, last):
                held = (
                    f"valid until {cert.valid_until}"
                    if cert.valid_until is not None
                    else "no expiry date given: taken as current"
                )
                credits.append(
                    (
                        f"certification '{cert.name}' held ({held}), but not credited: the"
                        f" latest audit of the same scheme ('{last.standard}', {last.date})"
                        " failed",
                        0.0,
                    )
                )
                continue
            as_audit = self._audit_of_undated(cert, latest_audits.get(scheme))
            if as_audit is not None:
                credits.append((as_audit, 0.0))
                continue
            first = credited.get(scheme)
            if first is not None:
                credits.append(
                    (
                        f"certification '{cert.name}' {valid}: no further credit (the same"
                        f" scheme as '{first}', credited once)",
                        0.0,
                    )
                )
                continue
            credit = min(s.certification_credit, 2 * s.certification_credit - cert_total)
            if credit <= 0:  # (said, so that every certification held is on record)
                credits.append(
                    (
                        f"certification '{cert.name}' {valid}: no further credit"
                        f" (certifications count at most {2 * s.certification_credit:g})",
                        0.0,
                    )
                )
                continue
            credited[scheme] = cert.name
            cert_total += credit
            credits.append((f"certification '{cert.name}' {valid}", -credit))
        audit_total = 0.0
        cutoff = self._audit_cutoff
        audits = supplier.audits
        failed: set[tuple[str, dt.date | None]] = set()  # audits listed as failed
        if len(audits) > 1:
            audits = sorted(audits, key=_audit_order)
            failed = {
                self._same_audit(a)
                for a in audits
                if read_audit_result(a.standard, a.result).outcome == "failed"
            }
        passed: dict[tuple[str, dt.date | None], str] = {}  # those credited, by standard
        for audit in audits:
            if audit.date is None:
                credits.append((f"audit '{audit.standard}' without date: not counted", 0.0))
                continue
            if audit.date > self.as_of:  # not yet held on the as-of date (or a mistyped year)
                credits.append(
                    (
                        f"audit '{audit.standard}' of {audit.date} after the as-of date"
                        f" {self.as_of}: not counted",
                        0.0,
                    )
                )
                continue
            if audit.date < cutoff:
                credits.append(
                    (
                        f"audit '{audit.standard}' of {audit.date} older than "
                        f"{s.audit_valid_months} months: not counted",
                        0.0,
                    )
                )
                continue
            result, grade = read_audit_result(audit.standard, audit.result)
            # (a grade read as a pass or a failure is said: 'rating B (acceptable): passed')
            graded = f": {grade.shown()}:" if grade is not None else ""
            if result == "failed":
                said = f"audit '{audit.standard}' of {audit.date}{graded} failed"
                scope = self._standards.scope(audit.standard)
                if scope.labour is False:  # (it says nothing of labour conditions)
                    credits.append((f"{said}: {scope_note(scope)}: no uplift", 0.0))
                    continue
                if scope.labour is None:  # (what failed is not known: it may be labour)
                    said += f" ({scope_note(scope)}: a failure counts all the same)"
                delta = s.failed_audit_uplift if uplift == 0 else 0.0
                uplift = s.failed_audit_uplift
                credits.append((said, delta))
            elif result == "passed":
                said = f"audit '{audit.standard}' of {audit.date}{graded} passed"
                if self._standards.self_assessment(audit.standard):
                    credits.append((f"{said}: a self-assessment, not an audit: no credit", 0.0))
                    continue
                scope = self._standards.scope(audit.standard)
                if scope.labour is not True:
                    credits.append((f"{said}: {scope_note(scope)}: no credit", 0.0))
                    continue
                same = self._same_audit(audit)
                first = passed.get(same)
                if same in failed or first is not None:
                    credits.append(
                        (
                            f"{said}: no credit (the same audit is also listed as failed)"
                            if same in failed
                            else f"{said}: no further credit (the same audit as '{first}'"
                            f" of {audit.date}, credited once)",
                            0.0,
                        )
                    )
                    continue
                credit = min(s.audit_credit, 2 * s.audit_credit - audit_total)
                if credit > 0:
                    passed[same] = audit.standard
                    audit_total += credit
                    credits.append((said, -credit))
                else:  # (said, so that every audit held is on record)
                    credits.append(
                        (
                            f"{said}: no further credit"
                            f" (passed audits count at most {2 * s.audit_credit:g})",
                            0.0,
                        )
                    )
            else:
                credits.append(
                    (
                        f"audit '{audit.standard}' of {audit.date} result "
                        f"'{audit.result or 'none'}': not counted",
                        0.0,
                    )
                )
        mitigation = cert_total + audit_total
        if mitigation > s.max_mitigation:
            credits.append(
                (
                    f"mitigation capped at {s.max_mitigation:g}",
                    half_up(decimal_value(mitigation) - decimal_value(s.max_mitigation)),
                )
            )
            mitigation = s.max_mitigation
        return credits, half_up(decimal_value(uplift) - decimal_value(mitigation))

    def score_supplier(self, supplier: Supplier, sector_id: str | None) -> SupplierRisk:
        """Score a supplier, shared with every supplier that has the same inputs to the score
        (suppliers repeat country, sector and products; the result is treated as read-only)."""
        # (products_read, without its call on the path of every supplier)
        products = supplier.products_read() if supplier.sector_minerals else supplier.products
        certifications = supplier.certifications
        audits = supplier.audits
        # (the country tested here too: no call for the suppliers of every other country)
        placed = self.xuar(supplier) if supplier.country == "CHN" else None
        key: tuple[Any, ...] = (
            supplier.migrant_pct,
            supplier.country if placed is None else (supplier.country, placed),
            sector_id,
            # (no sector text, a text, or a recruiter's: the gap of a sector not known says
            # which, and so does its flag's reason and measures, see _score)
            0
            if not supplier.sector_raw
            else 2
            if sector_id is None and names_a_recruiter(supplier.sector_raw)
            else 1,
            supplier.sector is None,  # a sector guessed from the products (see _guessed)
        )
        if products or certifications or audits:  # else a shorter key: the usual case
            key += (
                tuple(products),
                tuple((c.name, c.valid_until) for c in certifications),
                tuple((a.standard, a.date, a.result) for a in audits),
            )
        if supplier.other_sectors and sector_id is not None and sector_id == supplier.sector:
            return self._worst_reading(key, supplier, sector_id)
        cached = self._scores.get(key)
        if cached is None:
            # products written apart that say the same to the score (the listings they
            # select, the 2024 goods they name: part numbers, descriptions) share one score
            same = self._said_key(key, supplier, sector_id)
            cached = self._said.get(same) if same is not None else None
            if cached is None:
                cached = self._new_score(key, supplier, sector_id)
                if same is not None:
                    self._said[same] = cached
            self._scores[key] = cached
        return cached

    def _worst_reading(
        self, key: tuple[Any, ...], supplier: Supplier, sector_id: str
    ) -> SupplierRisk:
        """The score of a supplier whose sector text names several sectors of goods (its
        sector, the worse, and Supplier.other_sectors): on each risk type, the highest of its
        scores as each of them, each read as it would be alone (its own listings, minerals
        and rating), so it is never below any (which is meant is not known). Shared, as
        score_supplier's, by every supplier with the same inputs."""
        others = supplier.other_sectors
        found = self._worst_readings.get((key, others))
        if found is None:
            read = [(sector_id, supplier.sector_minerals), *others]
            # (a part of the text naming no sector, NO_SECTOR: read as a sector not known)
            readings = [
                self.score_supplier(
                    supplier.model_copy(
                        update={
                            "sector": sector or None,
                            "sector_minerals": minerals,
                            "other_sectors": (),
                        }
                    ),
                    sector or None,
                )
                for sector, minerals in read
            ]
            found = _highest_of(readings, [sector or UNNAMED_PART for sector, _ in read])
            if any(sector == NO_SECTOR for sector, _ in read):
                # (after the gaps of its country, where a sector's gap goes)
                gaps = found.gaps
                at = sum(1 for gap in gaps if gap == COUNTRY_UNKNOWN)
                gaps.insert(at, SECTOR_PART_NOT_MATCHED)
            self._worst_readings[(key, others)] = found
        return found

    def _said_key(
        self, key: tuple[Any, ...], supplier: Supplier, sector_id: str | None
    ) -> tuple[Any, ...] | None:
        """The score's key with the products replaced by what they say to the score: the
        listings that apply and those only handled (listings_for), and the goods new on the
        2024 list they name (_new_goods); None where the products say more (a supplier of
        unknown country: its worst case reads them) or there are none."""
        products = supplier.products_read()
        if not products or supplier.country is None:
            return None
        listings, handled = self.profiles.listings_for(supplier.country, sector_id, products)
        said = (
            tuple(map(id, listings)),
            tuple(map(id, handled)),
            tuple(e.indicator for e in self._new_goods(products)),
        )
        return (*key[:5], said, *key[6:])

    def _new_score(
        self, key: tuple[Any, ...], supplier: Supplier, sector_id: str | None
    ) -> SupplierRisk:
        # the migrant share only moves two likelihoods: the rest is scored once for every
        # share (key[1:] is the key without it)
        unadjusted = self._unadjusted.get(key[1:])
        if unadjusted is None:
            # and the certifications and audits only add their credits: the rest is scored
            # once for every set of them (suppliers hold their own, with their own dates)
            plain_key = key[1:6] if len(key) > 5 and key[5] else key[1:5]
            plain = self._plains.get(plain_key)
            if plain is None:
                plain = self._plains[plain_key] = self._plain(supplier, sector_id, None)
            held = key[6:]
            # (a farm's scheme credits its farms alone: the sector is then part of the key)
            held_key = (supplier.sector if self._farm_schemes_in(supplier) else None, held)
            credits = self._held_credits.get(held_key)
            if credits is None:
                credits = self._held_credits[held_key] = self._credits(supplier)
            unadjusted = self._unadjusted[key[1:]] = self._credited(plain, credits)
            fresh = unadjusted[0] is not plain[0]  # (made just now, for this supplier)
        else:
            fresh = False
        risk, bases = unadjusted
        made = self._with_migrants(risk, bases, supplier.migrant_pct)
        if made is risk and not fresh:  # no migrant uplift: a score object of its own
            made = _own_copy(risk, dict(risk.by_type))
        if supplier.country is None and sector_id is not None:
            products = supplier.products_read()
            made.worst = self.worst_case_unknown_country(sector_id, products)
            made.worst_reasons = self.worst_reasons(sector_id, products)
            made.worst_listed = self.worst_listed(sector_id, products)
        return made

    def score(
        self, supplier: Supplier, sector_id: str | None, listings: list[GoodListing] | None = None
    ) -> SupplierRisk:
        """Score one supplier for every risk type."""
        return self._with_migrants(
            *self._score(supplier, sector_id, listings), supplier.migrant_pct
        )

    def _with_migrants(
        self, risk: SupplierRisk, bases: tuple[float, ...], migrant_pct: float | None
    ) -> SupplierRisk:
        """A score without a migrant uplift (and the base likelihoods behind it), with the
        uplift for `migrant_pct` added (a new score; the same one when there is none)."""
        if not migrant_pct:
            return risk
        found = self._uplifts.get(migrant_pct)
        if found is None:
            made = (
                f"migrant workers {migrant_pct:g}%",
                half_up(
                    decimal_value(self.config.scoring.migrant_uplift)
                    * decimal_value(migrant_pct)
                    / 100
                ),
            )
            found = self._uplifts[migrant_pct] = made, [_adjustment_evidence(*made)]
        uplift, facts = found
        thresholds = self.config.thresholds
        by_type = dict(risk.by_type)
        for risk_type, base in zip(RISK_TYPES, bases, strict=True):
            if risk_type == "child_labour":
                continue  # no uplift for migrant workers
            detail = by_type[risk_type]
            adjustments = [uplift, *detail.adjustments]
            score = _final_score(base, adjustments, detail.floor, detail.score.severity, thresholds)
            evidence = detail.evidence
            by_type[risk_type] = _adjusted(
                detail, adjustments, score, [*evidence, *facts], (detail, len(evidence), facts)
            )
        return _own_copy(risk, by_type)

    def _score(
        self, supplier: Supplier, sector_id: str | None, listings: list[GoodListing] | None
    ) -> tuple[SupplierRisk, tuple[float, ...]]:
        """Score one supplier for every risk type, leaving its migrant share out; with the
        base likelihood per risk type (rounded half up, as shown)."""
        return self._credited(self._plain(supplier, sector_id, listings), self._credits(supplier))

    def _credits(self, supplier: Supplier) -> _Credits:
        """The supplier's certifications and audits as adjustments, and as facts."""
        credits, _net = self._mitigation(supplier)
        made = self._credit_facts
        facts = [
            made.get(credit) or made.setdefault(credit, _adjustment_evidence(*credit))
            for credit in credits
        ]
        return credits, facts, sum(delta for _, delta in credits)

    def _credited(self, plain: _Plain, held: _Credits) -> tuple[SupplierRisk, tuple[float, ...]]:
        """A score without credits (_plain) with these credits: adjustments after any already
        there, their facts where the score's evidence keeps them (after the country's)."""
        risk, bases, cuts = plain
        credits, facts, total = held
        if not credits:
            return risk, bases
        thresholds, finals = self.config.thresholds, self._finals
        by_type: dict[str, RiskDetail] = {}
        for (risk_type, detail), base, cut in zip(risk.by_type.items(), bases, cuts, strict=True):
            adjustments = [*detail.adjustments, *credits]
            # (the same figures give the same score: one object for all, made once; a plain
            # score has no adjustments, so the sum is the credits' own, added as
            # _final_score adds them)
            key = (base, total, detail.floor, detail.score.severity)
            score = finals.get(key)
            if score is None:
                score = finals[key] = _final_score(
                    base, adjustments, detail.floor, detail.score.severity, thresholds
                )
            evidence = detail.evidence
            by_type[risk_type] = _adjusted(
                detail,
                adjustments,
                score,
                [*evidence[:cut], *facts, *evidence[cut:]],
                (detail, cut, facts),
            )
        return _own_copy(risk, by_type), bases

    def _plain(
        self, supplier: Supplier, sector_id: str | None, listings: list[GoodListing] | None
    ) -> _Plain:
        """The score without the supplier's certifications and audits (see _credited), its
        base likelihoods, and where in each risk type's evidence their facts go."""
        p, s, thresholds = self.profiles, self.config.scoring, self.config.thresholds
        sector = p.sectors.get(sector_id) if sector_id else None
        handled: list[GoodListing] = []
        if listings is None:
            listings, handled = p.listings_for(
                supplier.country, sector_id, supplier.products_read()
            )
        gaps: list[str] = []
        if supplier.country is None:
            gaps.append(COUNTRY_UNKNOWN)
        if sector is None:
            gaps.append(
                "sector unknown"
                if not supplier.sector_raw
                # (a recruiter has none, and is not asked for one: see remediation)
                else RECRUITER_GAP
                if names_a_recruiter(supplier.sector_raw)
                else "sector not matched"
            )
        # a sector guessed from the products (none given, or none matched): still a gap, and
        # scored no lower than a sector not known (see _guessed)
        guessed = False
        if sector is not None and supplier.sector is None:
            guessed = True
            gaps.append(
                ("sector not given" if not supplier.sector_raw else "sector not matched")
                + f" {GUESSED}{sector.id})"
            )
        by_type: dict[str, RiskDetail] = {}
        bases: list[float] = []
        cuts: list[int] = []
        # a broad sector's listings applied to a supplier whose products name none of their
        # goods ("ABS housings" of a Chinese general manufacturer: China's fireworks): its
        # flag's reason says the listing is its sector's, not a good it is known to make
        unnamed = _unnamed_note(p, sector, supplier.products_read(), listings)
        placed = self.xuar(supplier)
        for risk_type in RISK_TYPES:
            country = self.country_score(supplier.country, risk_type)
            if supplier.country is not None and country.no_data:
                gaps.append(f"{NO_COUNTRY_DATA}{risk_type}")
            elif country.thin or country.unrated:
                gaps.append(f"{LITTLE_COUNTRY_DATA}{risk_type} ({coverage_text(country)})")
            evidence: list[Evidence] = []
            if sector is not None:
                sr = sector.risk[risk_type]
                base = rated_base(sr.likelihood, country.value, s)
                severity = sr.severity
                evidence.append(self._sector_fact(sector, risk_type))
                if guessed:
                    base, severity, facts = self._guessed(
                        sector.id, risk_type, country.value, base, severity
                    )
                    evidence += facts
            else:
                # the sector's part is not known: weighted in as no data (unknown_sector_base)
                base = unknown_sector_base(country.value, s)
                severity = DEFAULT_SEVERITY[risk_type]
                if base > country.value:
                    evidence.append(
                        Evidence(
                            "sector inherent likelihood ("
                            + ("sector unknown" if not supplier.sector_raw else "not matched")
                            + ")",
                            "no data",
                            None,
                            f"ddtool: no data is scored as {s.no_data_sector_score}"
                            " (never as low risk)",
                        )
                    )
                named = tuple(p.named_goods(supplier.products_read())) if supplier.products else ()
                evidence += self._goods_it_may_be(supplier.country, risk_type, named)
            for part in country.parts:
                item = self._facts.get(id(part.indicator))
                if item is None:
                    item = self._facts[id(part.indicator)] = indicator_evidence(part.indicator, p)
                evidence.append(item)
            for kept_out in country.withheld:
                shown = indicator_evidence(kept_out, p)
                weight = _spec_weight(risk_type, kept_out.indicator)
                evidence.append(
                    replace(
                        shown,
                        note=f"not scored: {kept_out.withheld}; weight {weight:g}, left out as"
                        " missing (not counted as low)",
                    )
                )
            evidence += self._missing_evidence(country, risk_type)
            if country.thin:
                evidence.append(
                    Evidence(
                        f"country indicators ({supplier.country}): coverage",
                        f"{country.coverage:.0%} of the indicator weights",
                        None,
                        f"ddtool: below {s.thin_country_coverage:.0%}, the missing weight is"
                        f" scored as {s.no_data_country_score}"
                        + (
                            " (treaty ratifications alone: no figure of work, neither low nor"
                            " high risk)"
                            if country.on_ratifications
                            else " where that raises the score (no data, never low risk)"
                        ),
                    )
                )
            if country.no_data:
                evidence.append(
                    Evidence(
                        f"country indicators ({supplier.country or 'country unknown'})",
                        "no data",
                        None,
                        "ddtool: no data is scored as "
                        f"{s.no_data_country_score} (never as low risk)",
                    )
                )
            cuts.append(len(evidence))  # (the credits' facts go here: _credited)
            floor, reason = 0.0, ""
            own_severity, raised_by = severity, ""
            for listing in listings:
                if risk_type in listing.risk_types:
                    level_floor = (
                        s.forced_child_labour_floor
                        if listing.forced_child_labour and risk_type != "human_trafficking"
                        else s.listing_floor
                    )
                    if level_floor > floor:
                        floor = level_floor
                        reason = _listing_text(listing)
                    listed = s.listing_severity_floor if not listing.forced_child_labour else 0.9
                    if listed > severity:
                        severity, raised_by = listed, f"{listing.good} ({listing.country})"
                elif risk_type in listing.downstream_types and s.downstream_floor > floor:
                    floor, reason = s.downstream_floor, _listing_text(listing)
            covering = [g.good for g in listings if risk_type in g.risk_types]
            if reason and len(covering) > 1:  # the floor is one listing's: say it is not alone
                others = [g for g in dict.fromkeys(covering) if not reason.startswith(f"{g} from")]
                if others:
                    reason += f"; also listed here: {', '.join(others)}"
            if reason and unnamed:
                reason = unnamed + reason
            region_fact, region = None, ""
            if placed is not None and risk_type == "forced_labour":
                region_reason, region_fact = self._xuar_floor(placed)
                if s.listing_floor > floor:
                    floor, reason, region = s.listing_floor, region_reason, REGION_FLOOR
                elif reason:  # (a listing floors it as high or higher: the region is said too)
                    reason += f"; also {XUAR_REASON}"
                    region = REGION_BESIDE
                if s.listing_severity_floor > severity:
                    severity, raised_by = s.listing_severity_floor, REGION_RAISED
            for listing in listings:
                if risk_type in listing.risk_types or risk_type in listing.downstream_types:
                    # (a removal the user's overlay records says so)
                    note = _removal_note(listing, risk_type) + listing.recorded_by
                    # (the inputs a downstream listing is taken to mean: ddtool's reading,
                    # kept out of the value, which is what the list says)
                    note = "; ".join(filter(None, (note, listing.inputs_read)))
                    if listing.overlay:  # the user's listing: credited to the overlay
                        note = f"{note} {behind_note(p, listing.source_id)}".lstrip()
                    evidence.append(
                        Evidence(
                            listing_fact(listing),
                            listing.listed_as,
                            listing.year,
                            overlay_credit(listing.overlay)
                            if listing.overlay
                            else p.sources[listing.source_id].name,
                            note=note,
                        )
                    )
            if region_fact is not None:
                evidence.append(region_fact)
            added = self._added_2024.get(supplier.country or "")
            if added is not None:
                # the 2024 list names the country, not its goods nor their risk types (a
                # listing for forced child labour stands for trafficking): shown on each
                # risk type, never scored
                evidence.append(
                    _change_evidence(
                        p,
                        added,
                        f"{added.country} newly listed",
                        "goods not in the bundled data: check the current list for this"
                        " supplier's goods",
                    )
                )
            evidence += self._new_goods(supplier.products_read())
            for listing in handled:
                if risk_type in listing.risk_types:
                    evidence.append(
                        Evidence(
                            "handles a listed good"
                            + (f" (the overlay {listing.overlay})" if listing.overlay else "")
                            + f": {listing.good} ({listing.country})",
                            listing.listed_and_read + HANDLED_NOTE,
                            listing.year,
                            overlay_credit(listing.overlay)
                            if listing.overlay
                            else p.sources[listing.source_id].name,
                            note=behind_note(p, listing.source_id) if listing.overlay else "",
                        )
                    )
            evidence.append(
                self._severity_evidence(
                    sector.id if sector else None,
                    risk_type,
                    own_severity,
                    severity,
                    raised_by,
                    guessed
                    and sector is not None
                    and own_severity > sector.risk[risk_type].severity,
                )
            )
            score = _final_score(base, [], floor, severity, thresholds)
            bases.append(base)
            by_type[risk_type] = RiskDetail(
                risk_type=risk_type,
                country=country,
                sector_likelihood=sector.risk[risk_type].likelihood if sector else None,
                sector_severity=sector.risk[risk_type].severity if sector else None,
                sector_rationale=sector.risk[risk_type].rationale if sector else "",
                base=base,
                adjustments=[],
                floor=floor,
                floor_reason=reason,
                score=score,
                evidence=evidence,
                sector=sector.id if sector else None,
                region=region,
            )
        risk = SupplierRisk(by_type, sorted(set(gaps)), listings, handled)
        return risk, tuple(bases), tuple(cuts)


def _adjustment_evidence(label: str, delta: float) -> Evidence:
    """A supplier adjustment as a fact behind the number: the reports show the evidence,
    and without it a flagged likelihood could not be worked out from them."""
    return Evidence(
        ADJUSTMENT + label,
        delta,
        None,
        "the supplier's own record in the input, weighed by ddtool's settings (scoring)",
    )


def _adjusted(
    detail: RiskDetail,
    adjustments: list[tuple[str, float]],
    score: Score,
    evidence: list[Evidence],
    made_from: tuple[RiskDetail, int, list[Evidence]],
) -> RiskDetail:
    """The detail with other adjustments and score (dataclasses.replace, without its field
    introspection: this runs for every distinct migrant share of every distinct score)."""
    return RiskDetail(
        risk_type=detail.risk_type,
        country=detail.country,
        sector_likelihood=detail.sector_likelihood,
        sector_severity=detail.sector_severity,
        sector_rationale=detail.sector_rationale,
        base=detail.base,
        adjustments=adjustments,
        floor=detail.floor,
        floor_reason=detail.floor_reason,
        score=score,
        evidence=evidence,
        sector=detail.sector,
        region=detail.region,
        made_from=made_from,
    )


# how the fact of a supplier whose sector text names several sectors names a part of it
# that names none (scored as a sector not known: Scorer._worst_reading)
UNNAMED_PART = "a part naming no sector (scored as a sector not known)"
# how a supplier whose sector text names several sectors of goods is scored, as a fact
WORSE_OF_SECTORS = (
    "ddtool: a sector text naming several sectors of goods is scored, on each risk type, as"
    " the one of them that scores highest there (which is meant is not known, and the lower"
    " risk is not assumed)"
)
UNNAMED_PART_NOTE = (
    "; a part naming no sector is read as a sector not known (its part of the score no"
    " data, never low)"
)


def _highest_of(readings: list[SupplierRisk], sectors: list[str]) -> SupplierRisk:
    """Scores of one supplier read as each of several sectors (Scorer._worst_reading) as
    one: on each risk type the detail of the highest priority (of equals, the higher
    likelihood, then the first: the sector it is read as), with a fact saying so; the
    listings of all, and the worst case of an unknown country that is highest."""
    first = readings[0]
    by_type: dict[str, RiskDetail] = {}
    for risk_type in RISK_TYPES:
        details = [reading.by_type[risk_type] for reading in readings]
        best = max(
            range(len(details)),
            key=lambda i: (details[i].score.priority, details[i].score.likelihood, -i),
        )
        detail = details[best]
        fact = Evidence(
            (
                "sector as written names a sector and a part naming none: "
                if UNNAMED_PART in sectors
                else "sector as written names several sectors of goods: "
            )
            + ", ".join(
                f"{sector} (priority {d.score.priority:.4f})"
                for sector, d in zip(sectors, details, strict=True)
            ),
            f"scored as {sectors[best]}, the highest",
            None,
            WORSE_OF_SECTORS + (UNNAMED_PART_NOTE if UNNAMED_PART in sectors else ""),
        )
        evidence = detail.evidence
        by_type[risk_type] = _adjusted(
            detail,
            detail.adjustments,
            detail.score,
            [*evidence, fact],
            (detail, len(evidence), [fact]),
        )
    listings = list({id(g): g for reading in readings for g in reading.listings}.values())
    handled = [
        g
        for g in {id(g): g for reading in readings for g in reading.handled}.values()
        if g not in listings
    ]
    made = SupplierRisk(by_type, list(first.gaps), listings, handled)
    if any(reading.worst is not None for reading in readings):  # (a country not known)
        made.worst, made.worst_reasons, made.worst_listed = {}, {}, {}
        made.worst_sectors = {}
        for risk_type in RISK_TYPES:
            highest = max(
                range(len(readings)),
                key=lambda i: (_worst_priority(readings[i], risk_type), -i),
            )
            reading = readings[highest]
            if reading.worst is None or risk_type not in reading.worst:
                continue
            made.worst[risk_type] = reading.worst[risk_type]
            if highest:
                made.worst_sectors[risk_type] = sectors[highest]
            if reading.worst_reasons and risk_type in reading.worst_reasons:
                made.worst_reasons[risk_type] = reading.worst_reasons[risk_type]
            if reading.worst_listed and risk_type in reading.worst_listed:
                made.worst_listed[risk_type] = reading.worst_listed[risk_type]
    return made


def _worst_priority(risk: SupplierRisk, risk_type: str) -> float:
    """The priority of the worst case an unknown country may hide, -1 where none."""
    if risk.worst is None or risk_type not in risk.worst:
        return -1.0
    return risk.worst[risk_type][0].priority


# what the fact of a listed good a supplier handles says of it: the farms, mines or vessels
# the listing is about are beneath it, mapped or inferred, and in its exposure
HANDLED_NOTE = " (at the production stage; see exposure)"


def sent_material(risk: SupplierRisk, buyers: tuple[str, ...]) -> SupplierRisk:
    """The score of a supplier taken to work material its buyers (each as a reader knows
    it: "VN Processor (S6)") send it (commission work,
    propagation.Inference.commissioned), whose facts of a listed good it handles say so: its
    exposure holds no farm, mine or vessel of its own, so the listing is not in it. It sits
    with the buyers' sources where they are in the listed country; a source of the
    supplier's own there (a peeling shed buying shrimp near it) is not mapped. The same
    score where it handles none."""
    if not risk.handled:
        return risk
    by_type: dict[str, RiskDetail] = {}
    sent_by = ", ".join(buyers)
    several = len(buyers) > 1
    whose = "the buyers'" if several else "the buyer's"
    for risk_type, detail in risk.by_type.items():
        evidence = list(detail.evidence)
        for i, fact in enumerate(evidence):
            value = fact.value
            if not isinstance(value, str) or not value.endswith(HANDLED_NOTE):
                continue
            country = fact.indicator.rpartition(" (")[2].rstrip(")")
            evidence[i] = replace(
                fact,
                value=value[: -len(HANDLED_NOTE)]
                + f", at the production stage, not in its exposure: it is taken to work"
                f" material its buyer{'s' if several else ''} {sent_by}"
                f" send{'' if several else 's'} it (commission work); {whose} sources carry"
                f" the listing only where they are in {country}, and any source of its own"
                f" in {country} is not mapped",
            )
        by_type[risk_type] = replace(detail, evidence=evidence, made_from=None)
    return replace(risk, by_type=by_type)


def _own_copy(risk: SupplierRisk, by_type: dict[str, RiskDetail]) -> SupplierRisk:
    """A score with these details and its own lists of the score's gaps and listings (the
    details are shared: every score is read-only)."""
    return SupplierRisk(by_type, list(risk.gaps), list(risk.listings), list(risk.handled))


def _final_score(
    base: float,
    adjustments: list[tuple[str, float]],
    floor: float,
    severity: float,
    thresholds: Thresholds,
) -> Score:
    """Likelihood from the (rounded) base and its adjustments, held at the floor; priority
    and level: each rounded half up from the decimals of the figures before it (half_up)."""
    figures = [base, *(delta for _, delta in adjustments), floor, severity]
    units = list(map(_ten_thousandths, figures))
    if None not in units:  # (the usual case, worked in whole ten-thousandths: the same, faster)
        *summed, lowest, weight = cast("list[int]", units)
        held = max(lowest, min(10_000, max(0, sum(summed))))
        likelihood, severity = held / 10_000, weight / 10_000
        priority = (held * weight + 5_000) // 10_000 / 10_000
    else:
        exact = list(map(decimal_value, figures))
        *added, at_least, rated = exact
        clamped = min(Fraction(1), max(Fraction(0), sum(added, Fraction(0))))
        likelihood = half_up(max(at_least, clamped))
        severity = half_up(rated)
        priority = printed_product(likelihood, severity)
    return Score(likelihood, severity, priority, thresholds.level(priority))


def printed_product(likelihood: float, severity: float) -> float:
    """The product of two figures of four decimals, rounded to four as an auditor multiplying
    them by hand rounds it: half up (0.0375 × 0.5 = 0.01875: 0.0188; the product of the
    binary floats, 0.018749…, rounded to 0.0187): half_up, as every rounded step."""
    return half_up(decimal_value(likelihood) * decimal_value(severity))


def _ten_thousandths(figure: float) -> int | None:
    """A figure of at most four decimals in whole ten-thousandths (0.4523: 4523), its decimal
    value exactly; None for a figure of more decimals."""
    units = round(figure * 10_000)
    return units if units / 10_000 == figure else None


def _change_evidence(p: Profiles, change: GoodChange, what: str, value: str) -> Evidence:
    """A change of the 2024 list as a fact (shown, never scored): credited to the confirmed
    changes' source, or, one an overlay records, to the overlay, with the source its row
    names behind it."""
    if change.overlay:
        return Evidence(
            f"{LIST_2024}{what} (the overlay {change.overlay})",
            value,
            change.year,
            overlay_credit(change.overlay),
            note=behind_note(p, change.source_id),
        )
    source = p.sources.get(change.source_id) or p.sources.get(ADDED_SOURCE)
    return Evidence(
        f"{LIST_2024}{what}", value, change.year, source.name if source else change.source
    )


def _listing_text(listing: GoodListing) -> str:
    where = (
        f"is listed in the overlay {listing.overlay}"
        if listing.overlay
        else "is on the US DOL List of Goods"
    )
    country = display_name(listing.iso3)
    # (a listing the 2024 edition removed is still scored on the 2022 edition: said where
    # the listing is, not only in the evidence)
    removed = ""
    if listing.removed_for:
        reported = " and ".join(dict.fromkeys(LISTED_FOR.get(r, r) for r in listing.removed_for))
        removed = (
            f"; the 2024 edition removed it for {reported}{listing.recorded_by} (scored on the"
            f" {listing.year} edition all the same)"
        )
    return (
        f"{listing.good} from {country} {where} ({listing.year}): {listing.listed_and_read}"
        + removed
    )


# audit programmes that issue audit reports and ratings, not certificates: their name in a
# certifications column is the audit the supplier had (Scorer._audit_of_undated)
AUDIT_PROGRAMMES = ("amfori BSCI", "SMETA", "SLCP", "RBA", "RMAP")


def _certification_order(cert: Certification) -> tuple[str, bool, int, str]:
    """Certifications by name (as the score compares them), the latest expiry first."""
    until = cert.valid_until
    return (text_key(cert.name), until is not None, _later_first(until), cert.name)


def _audit_order(audit: Audit) -> tuple[bool, int, str, str, str]:
    """Audits the latest first (undated ones last), then by standard and result."""
    return (
        audit.date is None,
        _later_first(audit.date),
        text_key(audit.standard),
        text_key(audit.result or ""),
        audit.standard,
    )


def _later_first(day: dt.date | None) -> int:
    """A key that sorts the later days first (None: 0, as it sorts apart)."""
    return -day.toordinal() if day is not None else 0


def _months_before(day: dt.date, months: int) -> dt.date:
    import calendar

    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


# ddtool's own rule, for no scheme's certificate cycle is in the data: a certificate that
# expires more than this many years after a failed audit was most likely issued after it
CERT_ISSUED_AFTER_YEARS = 3

# the words of an audit's standard or result that say it was of another site than the
# supplier's own ('SA8000 (subcontractor site)', 'SMETA - second unit')
_OTHER_SITE = frozenset({"subcontractor", "subcontractors", "subcontracted", "subcontracting"})
_OTHER_SITE_BEFORE = frozenset({"other", "another", "second", "third", "separate", "sister"})
_SITE_WORDS = frozenset({"site", "sites", "unit", "units", "plant", "factory", "facility"})


def _of_another_site(audit: Audit) -> bool:
    """Whether an audit's text names another site, unit or a subcontractor: its failure says
    nothing of the supplier's own certificate."""
    words = exact_key(f"{audit.standard} {audit.result or ''}").split()
    for at, word in enumerate(words):
        after = words[at + 1 : at + 2]
        if word in _OTHER_SITE or (word == "sub" and after and after[0].startswith("contract")):
            return True
        if word in _OTHER_SITE_BEFORE and after and after[0] in _SITE_WORDS:
            return True
        if word in _SITE_WORDS and after and after[0].isdigit() and int(after[0]) >= 2:
            return True
    return False


def _issued_after(valid_until: dt.date | None, failed: Audit) -> bool:
    """Whether a certificate expiring on `valid_until` was most likely issued after the failed
    audit: it expires more than CERT_ISSUED_AFTER_YEARS years after the audit's date."""
    if valid_until is None or failed.date is None:
        return False
    # (as many months after it: 29 February falls on the 28th)
    return valid_until > _months_before(failed.date, -12 * CERT_ISSUED_AFTER_YEARS)
