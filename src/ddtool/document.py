"""Helpers for reading an assessment document (the JSON contract) in reporters."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Generic, TypeVar

from ddtool.model import LEVELS

# What a schema-2 flag leaves to its supplier entry and its basis (schema 1 wrote them inline)
_FROM_SUPPLIER = (
    ("supplier_name", "name"),
    ("sector", "sector"),
    ("sector_as_written", "sector_as_written"),
    ("tiers", "tiers"),
)
_FROM_SUPPLIER_LISTS = (("path", "path"), ("data_gaps", "data_gaps"))
_FROM_BASIS = ("reason", "evidence", "remediation")
# how many measures fit a flag beyond those its basis lists (schema 2.2; 0 before)
NOT_SHOWN = "measures_not_shown"
# an inferred supplier's flag joined with its supplier: the country the stage is placed in
ASSUMED_COUNTRY = "assumed_country"


def basis_id_of(reason: str, evidence: list[str], measures: list[str], not_shown: int) -> str:
    """The id of a flag's basis: `BA-` and the first 10 hex digits of SHA-1 of the reason,
    the evidence ids, an empty string and the measure ids, and where measures are not shown
    an empty string and their count, joined by the unit separator (the same basis has the
    same id in every run; one whose measures are all shown, the id it had in schema 2.1)."""
    parts = [reason, *evidence, "", *measures]
    if not_shown:
        parts += ["", str(not_shown)]
    return "BA-" + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


def _resolve(
    document: dict[str, Any], flag: dict[str, Any], key: str, catalogue: str, with_id: bool
) -> list[dict[str, Any]]:
    """Items of a flag listed by id (schema 1.x and 2.x) and stored once in a top-level
    catalogue; items given inline (dicts) are passed through."""
    stored = document.get(catalogue, {})
    out: list[dict[str, Any]] = []
    for item in flag.get(key, []):
        if isinstance(item, dict):
            out.append(item)
        elif item in stored:
            out.append({"id": item, **stored[item]} if with_id else stored[item])
    return out


# the gap of a supplier with inferred suppliers beneath it: its own score is complete
UNMAPPED_BELOW = "tiers below not mapped (inferred)"
# the gap of a wholesaler, importer or general retailer (a sector with no inputs) with no
# supplier of goods mapped beneath it (a haulier or a cleaner sells it none) whose products
# name no good inference can follow, or no products: nothing at all is known of what it
# sells, so its own low score is no low risk
# (unlike UNMAPPED_BELOW, low_on_a_gap counts it)
NOTHING_FOLLOWED = (
    "tiers below not mapped, none inferred: it names no product that is a listed good or a good"
    " of a key value chain (cocoa, coffee, cotton and garments, minerals and electronics,"
    " seafood)"
)
# the gap of a supplier of a sector with inputs, with no supplier of goods mapped beneath it,
# beneath which nothing is inferred because its products deny the raw goods its sector's
# inputs hold (a yarn spinner of "yarn; not cotton"): as NOTHING_FOLLOWED, its own level is
# all that is known (low_on_a_gap counts it); the goods follow in brackets (denied_below)
# (no word "sector" in it: that would ask for the supplier's sector, see remediation)
DENIED_BELOW = (
    "tiers below not mapped, none inferred: its products deny the raw goods the risk data"
    " follows beneath it"
)


def denied_below(goods: Iterable[str]) -> str:
    """DENIED_BELOW with the goods denied: "… beneath it (cotton (lint))"."""
    return f"{DENIED_BELOW} ({', '.join(goods)})"


# likewise, where the products are made of a material that replaces those raw goods
# ('nitrile gloves': no natural rubber; sectors.yaml's replaced_by); the goods follow in
# brackets (replaced_below)
REPLACED_BELOW = (
    "tiers below not mapped, none inferred: its products are made of materials that replace"
    " the raw goods the risk data follows beneath it"
)


def replaced_below(goods: Iterable[str]) -> str:
    """REPLACED_BELOW with the goods replaced: "… beneath it (natural rubber)"."""
    return f"{REPLACED_BELOW} ({', '.join(goods)})"


# the gap of a supplier whose products name only minerals of the mines the risk data has no
# origins of ("nickel sulphate", "spherical graphite"), with those minerals in brackets
# (unmodelled_below): nothing is inferred beneath it, and what is there is not known
UNMODELLED_BELOW = (
    "tiers below not mapped, none inferred: the risk data has no origins of the minerals its"
    " products name (no production shares, no mines it follows)"
)


def unmodelled_below(minerals: Iterable[str]) -> str:
    """UNMODELLED_BELOW with the minerals: "… follows) (graphite, nickel)"."""
    return f"{UNMODELLED_BELOW} ({', '.join(minerals)})"


# the gap of a supplier whose every product is recycled material, with the raw goods in
# brackets (recycled_below)
RECYCLED_BELOW = (
    "tiers below not mapped, none inferred: its products are recycled material, not newly"
    " mined, grown or caught, and the risk data follows no raw goods beneath them"
)


def recycled_below(goods: Iterable[str]) -> str:
    """RECYCLED_BELOW with the raw goods its sector's inputs hold: "… beneath them (gold)"."""
    return f"{RECYCLED_BELOW} ({', '.join(goods)})"


# the gap of the deepest inferred stage where `scoring.inference_depth` stops inference above
# its inputs (a fabric mill with no spinner, gin or cotton farm inferred beneath it): as
# NOTHING_FOLLOWED, what lies beneath is neither mapped nor inferred, so its level is not all
# there is (low_on_a_gap counts it); the depth follows (depth_reached)
DEPTH_REACHED = "tiers below not inferred (inference depth"


def depth_reached(depth: int) -> str:
    """DEPTH_REACHED with the depth: "tiers below not inferred (inference depth 2 reached)"."""
    return f"{DEPTH_REACHED} {depth} reached)"


# the gap of every inferred supplier (ddtool.assess writes it): its being inferred, not a
# figure its level rests on (an origin mix's worst case is scored on its origins' data)
INFERRED_GAP = "inferred: no supplier mapped at this tier"
# the gap of a supplier whose country is not known, mapped or inferred (ddtool.scoring)
COUNTRY_UNKNOWN = "country unknown"
# the gap of a supplier whose sector text names a sector and, beside it, a part that names
# none ("logistics; beedi rolling"): scored no lower than a sector not known (ddtool.scoring)
SECTOR_PART_NOT_MATCHED = "sector not matched in part"
# how the labels of the supplier adjustments (ddtool.scoring) for a certification and an
# audit begin: the supplier entries list them, and a flag's evidence holds them too
CERTIFICATION_LABEL = "certification '"
AUDIT_LABEL = "audit '"
# how a supplier adjustment's fact names it ("supplier adjustment: audit 'SMETA' of …")
ADJUSTMENT = "supplier adjustment: "


def held_labels(labels: Iterable[str]) -> tuple[list[str], list[str]]:
    """Of a supplier's adjustment labels, those of its certifications and of its audits,
    each sorted (as the supplier entries list them, and a diff compares them)."""
    found = sorted(labels)
    return (
        [label for label in found if label.startswith(CERTIFICATION_LABEL)],
        [label for label in found if label.startswith(AUDIT_LABEL)],
    )


# how the data gap of a sector guessed from the products names it ("sector not given (taken
# from products: toy-manufacturing)")
GUESSED = "(taken from products: "


def gap_parts(document: Mapping[str, Any]) -> list[str]:
    """The data gaps of an assessment by kind, as every report's summary names them, counts
    that add up to the summary's total: the mapped suppliers without country, without
    sector, the inferred suppliers and those of them placed in a country not known, those
    with tiers below not mapped, those with tiers below neither mapped nor inferred (a trader
    of anything, a supplier whose denials leave nothing to infer, an inferred stage where the
    inference depth is reached), the gaps in country data,
    and the rest.

    The summary gives the first three (their JSON fields); the others are counted in the
    document's `data_gaps` (every gap, as its summary counts them), by distinct gap text."""
    summary = document.get("summary") or {}
    total = summary.get("data_gaps", 0)
    listed = document.get("data_gaps")
    gaps = [g for g in listed if isinstance(g, dict)] if isinstance(listed, list) else []
    kinds = Counter(str(g.get("gap")) for g in gaps)
    mapped = summary.get("suppliers_without_country", 0)
    inferred = summary.get("inferred_suppliers", 0)
    placed = 0  # inferred suppliers in a country not known (`inferred:SECTOR@unknown`)
    if kinds[COUNTRY_UNKNOWN] > mapped and kinds[INFERRED_GAP]:
        # (an inferred supplier is one with INFERRED_GAP: every inferred one has it)
        ids = {g.get("supplier_id") for g in gaps if g.get("gap") == INFERRED_GAP}
        placed = sum(
            1 for g in gaps if g.get("gap") == COUNTRY_UNKNOWN and g.get("supplier_id") in ids
        )
    country_data = sum(
        n for gap, n in kinds.items() if gap.startswith((NO_COUNTRY_DATA, LITTLE_COUNTRY_DATA))
    )
    sector = summary.get("suppliers_without_sector", 0)
    # (of them, those scored as a sector their products name: still none the file gives)
    guessed = sum(n for gap, n in kinds.items() if GUESSED in gap)
    parts = [
        f"{mapped} without country",
        f"{sector} without sector"
        + (f" ({guessed} of them scored as a sector taken from products)" if guessed else ""),
        f"{inferred} inferred {_suppliers(inferred)}",
    ]
    if placed:  # (a gap of their own beside their being inferred, counted so)
        parts.append(f"{placed} of these without country")
    named = mapped + placed + sector + inferred
    # (a trader of anything, or a supplier whose denials leave nothing to infer beneath it)
    unfollowed = sum(
        n
        for gap, n in kinds.items()
        if gap == NOTHING_FOLLOWED
        or gap.startswith(
            (DENIED_BELOW, REPLACED_BELOW, RECYCLED_BELOW, UNMODELLED_BELOW, DEPTH_REACHED)
        )
    )
    for count, what in (
        (kinds[SECTOR_PART_NOT_MATCHED], "with a part of the sector not matched"),
        (kinds[UNMAPPED_BELOW], "with tiers below not mapped"),
        (unfollowed, "with tiers below neither mapped nor inferred"),
        (country_data, "with little or no country data for a risk type"),
    ):
        if count:  # (named where there are any)
            parts.append(f"{count} {what}")
            named += count
    other = total - named
    if other > 0:  # origin mixes of few published shares; gaps an older document words apart
        parts.append(f"{other} other (see the list of data gaps)")
    return parts


def _suppliers(count: int) -> str:
    return "supplier" if count == 1 else "suppliers"


def gap_counts(document: Mapping[str, Any]) -> str:
    """The data gaps of an assessment and what they are (see gap_parts): "10 (1 without
    country, 0 without sector, 5 inferred suppliers, 3 of these without country, …)"."""
    total = (document.get("summary") or {}).get("data_gaps", 0)
    return f"{total} ({', '.join(gap_parts(document))})"


def supplier_scores(entry: dict[str, Any]) -> dict[str, Any]:
    """The score each risk type of a supplier is shown and flagged at: an inferred
    supplier's worst case; a mapped one's own score, or the worst case its unknown country
    may hide where that is higher (as its flags have it)."""
    worst = entry.get("worst_case") or {}
    if entry.get("inferred"):
        return dict(worst)
    own = entry.get("risk") or {}
    return {
        rt: worst[rt]
        if isinstance(worst.get(rt), dict)
        and isinstance(score, dict)
        and (worst[rt].get("priority") or 0) > (score.get("priority") or 0)
        else score
        for rt, score in own.items()
    }


# the data gaps of a supplier that are no data of its own score (see low_on_a_gap)
NOT_OF_ITS_SCORE = (UNMAPPED_BELOW, INFERRED_GAP)


def of_its_score(gap: Any, risk_type: str | None = None) -> bool:
    """Whether a data gap of a supplier is one of data its own level rests on (see
    low_on_a_gap), for one risk type where given (another's country data is not)."""
    return gap not in NOT_OF_ITS_SCORE and (risk_type is None or gap_of(gap, risk_type))


def low_on_a_gap(entry: dict[str, Any], level: str | None, risk_type: str | None = None) -> bool:
    """Whether a supplier's level is low while data it is scored on is missing: the reports
    then say "data gap" beside it and do not colour it as low risk (a missing figure is
    never low risk). Unmapped tiers inferred beneath it are not data of its own score
    (UNMAPPED_BELOW: what they hide is scored there), nor is an inferred supplier's being
    inferred (INFERRED_GAP: its level is a worst case over its origins); an inferred
    stage's gap of its own score is (a stage in a country not known: "country unknown", as
    for a mapped supplier), and so is a trader of anything beneath which nothing is mapped
    nor inferred (NOTHING_FOLLOWED: its low level is all that is known of what it sells),
    and a supplier beneath which nothing is mapped, nor inferred because its products deny
    the goods beneath its sector (DENIED_BELOW: likewise).

    For one risk type (`risk_type`, or a flag row's own), a gap in the country data of
    another risk type ("no country data for forced_labour") does not count; without one,
    every gap does (a supplier's level over all risk types)."""
    if level != "low":
        return False
    risk_type = risk_type or entry.get("risk_type")
    return any(of_its_score(gap, risk_type) for gap in entry.get("data_gaps") or ())


def gaps_rested_on(entry: dict[str, Any], low_only: bool = False) -> dict[str, list[str]]:
    """The risk types a supplier's level rests on missing data of, each with the gaps of its
    own score of that risk type (of_its_score); none where its level of no risk type does.
    What bears on the exposure above it (chain_gaps, and a supplier's exposure: see
    exposure_on_a_gap).

    A level rests on missing data wherever data its score of that risk type is made from is
    missing, whatever the level (at the score it is shown at: supplier_scores): a low one
    (it reads "low (data gap)"), a medium scored with no country and no sector, a worst
    case over the countries a blank country may be. What the missing data hides may be
    worse, and is never lower risk. Critical, which nothing can raise, does not. Before
    schema 2.6 only a low level counted (`low_only`: low_on_a_gap), a supplier at medium or
    above keeping its level; `assess --verify` compares a file saved so by that rule."""
    gaps = entry.get("data_gaps")
    if not gaps:
        return {}
    found: dict[str, list[str]] = {}
    for rt, score in supplier_scores(entry).items():
        if not isinstance(score, dict):
            continue
        level = score.get("level")
        if low_only and not low_on_a_gap(entry, level, rt):
            continue
        if not gap_bears(level):
            continue
        own = [gap for gap in gaps if of_its_score(gap, rt)]
        if own:
            found[rt] = own
    return found


def gap_bears(level: Any) -> bool:
    """Whether data gaps can bear on an exposure's level: at every level but critical,
    which nothing can raise."""
    return bool(level != LEVELS[-1])


def chain_gaps(
    suppliers: Iterable[dict[str, Any]], levels: Mapping[str, Any], low_only: bool = False
) -> dict[str, list[str]]:
    """The data gaps that bear on a chain's exposure (the company's, a batch member's), by
    risk type, given the exposure's level of each (`levels`): the gaps of its own score
    (of_its_score, of that risk type) of every supplier whose level of that risk type rests
    on missing data (gaps_rested_on), each text once, in the order of the entries.

    Such a level is no level known (what the missing data hides may be worse), so it bears
    on the chain's level whichever supplier the maximum sits on (a haulier's medium above a
    wholesaler beneath which nothing is known, a known medium beside a supplier of which
    only the name is known), at every level but critical, which nothing can raise. The gaps
    that are no data of a supplier's own score do not (inferred tiers beneath it, an
    inferred supplier's being inferred), nor another risk type's country data. With
    `low_only`, by the rule before schema 2.6 (gaps_rested_on).

    An assessment holds them (schema 2.3: the summary exposure's `data_gaps`, made once as
    it is assessed); exposure_gaps reads them, and calls this for an earlier document."""
    found: dict[str, dict[str, None]] = {rt: {} for rt in levels}
    raisable = [rt for rt, level in levels.items() if gap_bears(level)]
    if not raisable:  # (every level critical: no supplier need be looked at)
        return {rt: [] for rt in levels}
    for entry in suppliers:
        low = gaps_rested_on(entry, low_only)
        for rt in raisable:
            if rt in low:
                found[rt].update(dict.fromkeys(low[rt]))
    return {rt: list(texts) for rt, texts in found.items()}


# what an exposure of the summary (schema 2.3) holds of the data gaps that bear on it
EXPOSURE_GAPS = "data_gaps"
# what a supplier's exposure of a risk type holds (schema 2.3), true, where data gaps bear
# on its level (see exposure_on_a_gap); absent where none do
EXPOSURE_ON_A_GAP = "on_a_gap"


def holds_gaps(document: Mapping[str, Any]) -> bool:
    """Whether an assessment says which data gaps bear on the exposures (schema 2.3: its
    summary exposure's `data_gaps`, a supplier exposure's `on_a_gap`), as it was assessed;
    an earlier one does not, and what it holds is read to tell them (chain_gaps,
    exposure_on_a_gap)."""
    exposure = (document.get("summary") or {}).get("exposure")
    return (
        isinstance(exposure, dict)
        and bool(exposure)
        and all(isinstance(e, dict) and EXPOSURE_GAPS in e for e in exposure.values())
    )


def exposure_gaps(document: Mapping[str, Any]) -> dict[str, list[str]]:
    """The data gaps that bear on the chain's exposure, by risk type (see chain_gaps): as
    the document holds them, else (an earlier document's) read from its supplier entries."""
    exposure = (document.get("summary") or {}).get("exposure") or {}
    if holds_gaps(document):
        return {rt: list(e[EXPOSURE_GAPS] or ()) for rt, e in exposure.items()}
    levels = {rt: e.get("level") for rt, e in exposure.items()}
    return chain_gaps(document.get("suppliers") or [], levels)


def exposure_on_a_gap(
    suppliers: Iterable[dict[str, Any]], low_only: bool = False
) -> dict[str, set[str]]:
    """For each supplier at or above one whose level rests on missing data (gaps_rested_on;
    with `low_only`, by the rule before schema 2.6), the risk types it rests on missing
    data of: what bears on each supplier's exposure, by id, read from the entries (their
    buyers) of a document that does not hold it (see holds_gaps). As for the chain's, it
    bears at every level but critical (gap_bears)."""
    entries = list(suppliers)
    marks: dict[str, set[str]] = {}
    todo: list[tuple[str, set[str]]] = []
    for entry in entries:
        low = gaps_rested_on(entry, low_only)
        if low:
            todo.append((str(entry.get("id")), set(low)))
    if not todo:
        return marks
    buyers = {str(e.get("id")): [str(b) for b in e.get("buyers") or ()] for e in entries}
    while todo:  # (up the chain: each supplier is marked once per risk type at most)
        sid, risk_types = todo.pop()
        new = risk_types - marks.get(sid, set())
        if not new:
            continue
        marks.setdefault(sid, set()).update(new)
        todo.extend((buyer, new) for buyer in buyers.get(sid, ()))
    return marks


# how a gap in one risk type's country data begins, the risk type after it (ddtool.scoring
# writes them: "no country data for forced_labour", "little country data for child_labour
# (15%)")
# the country indicators a score reads, by their codes in the data, as the reports name
# them in words (the code kept beside: "modern slavery per 1,000 (gsi2023_prevalence_per_1000,
# CIV)"); as ddtool.scoring.COUNTRY_SPECS names them, without their scaling
INDICATOR_NAMES = {
    "gsi2023_prevalence_per_1000": "modern slavery per 1,000",
    "ituc_global_rights_index_rating": "ITUC rights rating",
    "ilo_C138_status": "C138 ratified?",
    "ilo_C182_status": "C182 ratified?",
    "ilo_C029_status": "C029 ratified?",
    "ilo_P029_status": "P029 ratified?",
    "ilo_C105_status": "C105 ratified?",
    "ilab_ratified_UN_Palermo_trafficking_protocol": "Palermo Protocol ratified?",
    "ilo_informal_employment_rate_pct": "informal employment (%)",
    **{
        f"ilab_working_children_pct_age_{ages}": "working children (% of age group)"
        for ages in ("5-14", "10-14", "7-14", "6-14")
    },
}


def indicator_words(indicator: str) -> str:
    """An evidence item's indicator with the code of a country indicator named in words
    ("gsi2023_prevalence_per_1000 (CIV)": "modern slavery per 1,000
    (gsi2023_prevalence_per_1000, CIV)"); any other as it is."""
    code, _, rest = indicator.partition(" (")
    name = INDICATOR_NAMES.get(code)
    if name is None:
        return indicator
    return f"{name} ({code}, {rest}" if rest.endswith(")") else f"{name} ({code})"


NO_COUNTRY_DATA = "no country data for "
LITTLE_COUNTRY_DATA = "little country data for "


def gap_of(gap: str, risk_type: str) -> bool:
    """Whether a data gap bears on this risk type: a gap of no risk type in particular
    ("country unknown"), or one of this risk type's."""
    for start in (NO_COUNTRY_DATA, LITTLE_COUNTRY_DATA):
        if gap.startswith(start):
            return gap[len(start) :].split(" ", 1)[0] == risk_type
    return True


def measures_not_shown(flag: dict[str, Any]) -> int:
    """How many measures fit a flag (joined with its basis, see register) beyond those it
    lists: the places are six (0 where the document does not say: before schema 2.2)."""
    count = said_not_shown(flag)
    return count if count is not None and count > 0 else 0


def said_not_shown(flag: dict[str, Any]) -> int | None:
    """measures_not_shown as the document says it; None where it does not (a basis saved
    before schema 2.2, a schema-1 flag): not a claim that nothing is left out."""
    count = flag.get(NOT_SHOWN)
    return count if type(count) is int and count >= 0 else None


def flag_measures(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The remediation measures of a flag, from the document's `measures` catalogue."""
    return _resolve(document, flag, "remediation", "measures", with_id=True)


def flag_evidence(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a flag, from the document's `evidence` catalogue."""
    return _resolve(document, flag, "evidence", "evidence", with_id=False)


def register(document: dict[str, Any], limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The flags with everything a register row shows, in the document's order.

    A schema-2 flag names its supplier and its basis (reason, evidence ids, measure ids, stored
    once in `bases`); this joins them back, so each flag comes out with `supplier_name`, `path`,
    `country`, `sector`, `tiers`, `data_gaps`, `reason`, `evidence` and `remediation`, as
    schema 1 wrote them inline, and `measures_not_shown` (schema 2.2: the basis's count, else
    None); an inferred supplier's flag also with `assumed_country`, the country the stage is
    placed in (its buyer's), None for an origin mix. Flags that already hold those fields pass
    through unchanged.
    """
    flags: list[dict[str, Any]] = document.get("flags", [])
    if limit is not None:
        flags = flags[:limit]
    return map(flag_expander(document), flags)


def flag_expander(document: dict[str, Any]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """register's join for one flag at a time (for callers that need only some flags)."""
    bases: dict[str, dict[str, Any]] = document.get("bases") or {}
    suppliers: dict[str, dict[str, Any]] = {}

    def expand(flag: dict[str, Any]) -> dict[str, Any]:
        if "basis" not in flag and ("sector_as_written" in flag or flag.get("sector")):
            return flag
        if not suppliers:  # the supplier index, made at the first flag that needs it
            suppliers.update((str(s.get("id")), s) for s in document.get("suppliers", []))
        supplier = suppliers.get(str(flag.get("supplier_id")), {})
        if "basis" not in flag:  # schema 1: all inline but the text of an unknown sector
            return {**flag, "sector_as_written": supplier.get("sector_as_written")}
        return expand_flag(flag, supplier, bases)

    return expand


def placed_in_one_country(flag: Mapping[str, Any]) -> bool:
    """Whether an inferred supplier's flag (joined with its supplier) is of a stage placed in
    one country, its buyer's (`inferred:fabric-manufacturing@BGD`: `assumed_country`), not of
    an origin mix, whose flag's country is only the origin its worst case comes from (a flag
    of a document that does not say is taken as one)."""
    assumed = flag.get(ASSUMED_COUNTRY)
    return bool(flag.get("inferred")) and bool(assumed) and assumed == flag.get("country")


def expand_flag(
    flag: dict[str, Any], supplier: dict[str, Any], bases: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """One schema-2 flag joined with its supplier entry and its basis."""
    out = dict(flag)
    for key, source in _FROM_SUPPLIER:
        out[key] = supplier.get(source)
    for key, source in _FROM_SUPPLIER_LISTS:
        out[key] = supplier.get(source) or []
    if flag.get("inferred"):  # an inferred supplier's flag sits in its worst-case origin
        worst = (supplier.get("worst_case") or {}).get(str(flag.get("risk_type"))) or {}
        out["country"] = worst.get("country")
        # the one country it is placed in (its buyer's); None for an origin mix or a stage in
        # a country not known, whose flag's country is only where the worst case comes from
        out[ASSUMED_COUNTRY] = supplier.get("country")
    else:
        out["country"] = supplier.get("country")
    basis = bases.get(str(flag.get("basis")), {})
    for key in _FROM_BASIS:
        out[key] = basis.get(key, "" if key == "reason" else [])
    out[NOT_SHOWN] = basis.get(NOT_SHOWN)  # (None: the basis does not say, before 2.2)
    return out


T = TypeVar("T")


class PerBasis(Generic[T]):
    """A value made once per basis: what a flag's evidence and measures give (texts, sources),
    for every flag that shares them. Register flags of one basis share their evidence and
    measure lists, so these are keyed by the lists; each list is kept alive here while the
    cache lives, so that no id is reused for another list (schema-1 flags hold theirs inline,
    and simply miss)."""

    def __init__(self, make: Callable[[dict[str, Any]], T]) -> None:
        self._make = make
        self._values: dict[tuple[int, int], T] = {}
        self._alive: list[tuple[Any, Any]] = []

    def __call__(self, flag: dict[str, Any]) -> T:
        lists = flag.get("evidence"), flag.get("remediation")
        key = id(lists[0]), id(lists[1])
        value = self._values.get(key)
        if value is None:
            self._alive.append(lists)
            value = self._values[key] = self._make(flag)
        return value
