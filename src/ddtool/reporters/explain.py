"""`ddtool explain`: every number behind one supplier, in the order it was computed.

Every text from the input or the risk profiles (names, ids, sources, reasons, paths) is
shown as `Text`, never read as markup: a supplier named `Dhaka Knit [/x]` is shown as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ddtool.assess import Assessment
from ddtool.config import Scoring
from ddtool.document import (
    ADJUSTMENT,
    GUESSED,
    INFERRED_GAP,
    UNMAPPED_BELOW,
    indicator_words,
    low_on_a_gap,
)
from ddtool.model import RISK_TYPES, Supplier
from ddtool.propagation import gap_beneath
from ddtool.reference.countries import display_name
from ddtool.reporters.fitted import fitted
from ddtool.reporters.shown import (
    GAP_LEVEL,
    PRIORITY_RULE,
    evidence_meta,
    evidence_said,
    evidence_source,
    evidence_text,
    figure_text,
    gap_level,
    levels_text,
)
from ddtool.reporters.terminal import LEVEL_STYLE, RISK_NAMES
from ddtool.scoring import (
    DEFAULT_SEVERITY,
    LIST_2024,
    REGION_FLOOR,
    SEVERITY_FACT,
    Evidence,
    RiskDetail,
    Scorer,
    indicator_evidence,
    label_scaling,
    missing_indicators,
    overlay_credit,
    rated_base,
    unknown_sector_base,
    worst_case_evidence,
)

if TYPE_CHECKING:
    from ddtool.profiles import Indicator
    from ddtool.propagation import InferredSupplier


def explain_supplier(result: Assessment, supplier_id: str, console: Console) -> None:
    """Print the worked calculation for a real or an inferred supplier."""
    doc = {s["id"]: s for s in result.data["suppliers"]}[supplier_id]
    cfg = result.config
    console.print(Text.assemble((doc["name"] or supplier_id, "bold"), f" ({supplier_id})"))
    written = doc.get("sector_as_written")
    mix = str(doc.get("assumption") or "").startswith("origin mix")
    where = doc["country"] or ("origin mix (below)" if mix else "unknown")
    console.print(
        Text(
            f"country {where}"
            f"{' — ' + display_name(doc['country']) if doc['country'] else ''};"
            f" sector {doc['sector'] or 'unknown'}"
            f"{f' (as written: {written})' if written else ''};"
            f" tiers {doc['tiers']};"
            f" path {' → '.join(result.supply.first_path.get(supplier_id, []))}"
        )
    )
    read = result.supply.suppliers.get(supplier_id)
    reading = result.read_as_trader.get(supplier_id)
    if reading is not None:  # (why tiers are inferred beneath a supplier of no sector)
        console.print(Text(f"read as a trader: {reading}"))
    if read is not None and read.sector_minerals:
        # (the listings they select are the score's: say where they come from)
        mine = read.sector is not None
        console.print(
            Text(
                f"{'minerals' if mine else 'goods'} read from the sector text:"
                f" {', '.join(read.sector_minerals)} (its products name no good; they choose"
                + (
                    " among the mining sector's listings as products would)"
                    if mine
                    else " its listings as products would)"
                )
            )
        )
    # (a sector text naming several sectors of goods: each risk type is the higher score)
    named = [sector for sector in (doc["sector"], *_others(read)) if sector is not None]
    if len(named) > 1:
        console.print(
            Text(
                f"sectors named in the sector text: {', '.join(named)} (scored as"
                f" {named[0]}, the worse; on each risk type as the one of them that scores"
                " highest there)"
            )
        )
    t = cfg.thresholds
    console.print(
        f"method: base = {cfg.scoring.sector_weight:g} × sector + "
        f"{1 - cfg.scoring.sector_weight:g} × country; likelihood = max(listing floor,"
        f" clamp(base + adjustments)); {PRIORITY_RULE};"
        f" {levels_text(t.medium, t.high, t.critical)}"
    )
    if supplier_id in result.inferred:
        _explain_inferred(result, supplier_id, doc, console)
        return
    risk = result.risks[supplier_id]
    # a sector taken from the products: the base and severity are each the higher of its
    # rating's and those of a sector not known (methodology, section 3.2)
    sector = doc["sector"]
    guessed = any(GUESSED in gap for gap in risk.gaps)
    for rt in RISK_TYPES:
        d = risk.by_type[rt]
        console.rule(f"{RISK_NAMES[rt]}")
        table = Table(show_header=True, header_style="bold")
        table.add_column("step")
        table.add_column("value", justify="right")
        table.add_column("source / note")
        # the facts the registers give for this score, each shown once: beside the step it
        # is a figure of, else as a row of its own (a listing with its edition, year and 2024
        # change; a listed good handled; the 2024 list's changes)
        facts = _Facts(d.evidence)
        _country_rows(table, d, facts, result)
        if d.sector_likelihood is not None:
            rated = d.sector or sector
            fact = facts.take(SECTOR_FACT, value=d.sector_likelihood)
            overlay = result.profiles.sectors[rated].overlay if rated else ""
            _add_row(
                table,
                "sector inherent likelihood"
                + (" (taken from products)" if guessed else "")
                + (f" ({rated})" if len(named) > 1 else ""),
                f"{d.sector_likelihood:.4f}",
                _source(fact)
                if fact
                else d.sector_rationale + (f" — from the overlay {overlay}" if overlay else ""),
            )
        else:
            facts.take(SECTOR_FACT, value=NO_DATA)
            unknown = cfg.scoring.no_data_sector_score
            _add_row(
                table,
                "sector inherent likelihood",
                f"no data ({unknown:g})",
                f"sector unknown: weighted in as {unknown:g} ({cfg.scoring.sector_weight:g} ×"
                f" {unknown:g} + {1 - cfg.scoring.sector_weight:g} × country score), and never"
                " lowering the country score (base = the higher of that blend and the country"
                " score)",
            )
        if guessed and d.sector_likelihood is not None:
            # (the base as a sector not known: the fact of a sector taken from products)
            facts.take(SECTOR_FACT, value=NO_DATA)
            _guessed_base(table, d, sector or "", cfg.scoring)
        else:
            _add_row(table, "base", f"{d.base:.4f}", "")
        for label, delta in d.adjustments:
            fact = facts.take(ADJUSTMENT + label, exact=True)
            _add_row(table, f"adjustment: {label}", f"{delta:+.4f}", _source(fact))
        if d.floor:
            # (a region's floor: regions)
            floor = "region floor" if d.region == REGION_FLOOR else "listing floor"
            _add_row(table, floor, f"{d.floor:.4f}", d.floor_reason)
        severity = facts.take(SEVERITY_FACT)
        for left in facts.rest():  # (listings, goods handled, the 2024 list's changes …)
            _fact_row(table, left)
        _add_row(table, "likelihood", f"{d.score.likelihood:.4f}", "")
        _add_row(table, "severity", f"{d.score.severity:.4f}", _severity_said(d, guessed, severity))
        _add_row(table, "priority", f"{d.score.priority:.4f}", "likelihood × severity")
        _add_row(table, "level", _level(d.score.level, _on_a_gap(result, supplier_id, rt)), "")
        ex = result.exposure[supplier_id][rt]
        # (with "(data gap)" where a supplier at or beneath it is low on missing data of
        # this risk type, whichever supplier the maximum sits on: as every report shows it)
        shown = _level(ex.score.level, gap_beneath(result.gaps_beneath, supplier_id, rt))
        _add_row(
            table,
            "exposure (max beneath)",
            Text.assemble(f"{ex.score.priority:.4f} ", shown),
            f"from {ex.source}; share-weighted {ex.weighted:.4f}",
        )
        console.print(fitted(table))
    if risk.worst is not None:
        console.rule("country unknown: worst case")
        for rt in RISK_TYPES:
            score, iso3 = risk.worst[rt]
            own = risk.by_type[rt].score
            used = "flagged and rolled up at this" if score.priority > own.priority else "below"
            own_level = GAP_LEVEL if own.level == "low" else own.level  # (no country data)
            # (another sector the sector text names, where its worst case is the higher)
            other = (risk.worst_sectors or {}).get(rt)
            what = f"the sector {other}, named in the sector text," if other else "the sector"
            console.print(
                Text(
                    f"{RISK_NAMES[rt]}: {what} scored in {display_name(iso3)} ({iso3}),"
                    f" where it is listed or scores highest: likelihood {score.likelihood:.4f}"
                    f" x severity {score.severity:.4f} = priority {score.priority:.4f}"
                    f" ({score.level}); own score {own.priority:.4f} ({own_level}): {used}"
                    " worst case"
                )
            )
            # what set it, as a flag raised at it gives it (assess: the sector named)
            for fact in worst_case_evidence(
                other or sector,
                iso3,
                score,
                (risk.worst_reasons or {}).get(rt, ""),
                (risk.worst_listed or {}).get(rt, ()),
            ):
                console.print(Text(f"  {evidence_text(fact.as_dict())}"))
    gaps = _mapped_gaps(result, supplier_id)
    if gaps:
        console.print(Text(f"data gaps: {', '.join(gaps)}"))


# how the facts a step of the table is shown with begin, and their value where it is missing
COUNTRY_FACT = "country indicators ("  # (no data, or the coverage of few figures)
SECTOR_FACT = "sector inherent likelihood ("
NO_DATA = "no data"


class _Facts:
    """The facts of one score (its detail's evidence, as the registers give them), taken as
    the steps they are shown beside are written; the rest are rows of their own."""

    def __init__(self, facts: list[Evidence]) -> None:
        self._left = list(facts)

    def take(self, start: str, exact: bool = False, value: object = None) -> Evidence | None:
        """The first fact left whose indicator begins with `start` (is it, `exact`), of this
        value where one is given, taken; None where there is none."""
        for at, fact in enumerate(self._left):
            if (fact.indicator == start if exact else fact.indicator.startswith(start)) and (
                value is None or fact.value == value
            ):
                return self._left.pop(at)
        return None

    def indicator(self, item: Indicator, result: Assessment, withheld: bool = False) -> Evidence:
        """The fact of a country figure (one withheld: with why it is not scored), as the
        registers give it: its indicator named with its country (and sex), its source's
        catalogue name, year and note (less certain copy, the source's quality flag)."""
        made = indicator_evidence(item, result.profiles)
        found = self.take(made.indicator, exact=True, value=None if withheld else made.value)
        return found or made

    def rest(self) -> list[Evidence]:
        left, self._left = self._left, []
        return left


def _country_rows(table: Table, d: RiskDetail, facts: _Facts, result: Assessment) -> None:
    """The rows of a country score: each indicator's figure (named, with its year, source and
    note, as the registers give them), each withheld or missing, and the score."""
    for part in d.country.parts:
        ind = part.indicator
        fact = facts.indicator(ind, result)
        _add_row(
            table,
            # the indicator the figure is, named as the registers name it (which age group's
            # working children, the country, the sex), with how it is scaled
            f"country: {indicator_words(fact.indicator)}{label_scaling(part.name)}",
            f"{figure_text(ind)} → {part.subscore:.4f} (w {part.weight:g})",
            _source(fact),
        )
    for ind in d.country.withheld:
        fact = facts.indicator(ind, result, withheld=True)
        figure = f"{figure_text(ind)} (not scored)"
        _add_row(table, f"country: {indicator_words(fact.indicator)}", figure, _source(fact))
    if d.country.iso3 is not None and not d.country.no_data:
        # the indicators of the country score without a figure: a gap, not a zero
        for label, weight in missing_indicators(d.country, d.risk_type):
            gap = facts.take(f"{label} ({d.country.iso3})", exact=True, value=NO_DATA)
            _add_row(
                table,
                f"country: {label}",
                f"no data (w {weight:g})",
                _source(gap)
                if gap
                else "no figure for this country: left out of the weighted mean, not counted as"
                " low",
            )
    if d.country.no_data:
        none = facts.take(COUNTRY_FACT, value=NO_DATA)
        _add_row(
            table,
            "country score",
            f"{d.country.score:.4f}",
            _source(none) if none else "no data: never scored as low",
        )
        return
    coverage = facts.take(COUNTRY_FACT)  # (where the figures are few)
    _add_row(
        table,
        "country score",
        f"{d.country.score:.4f}",
        f"weighted mean of the {len(d.country.parts)} indicators with data"
        f" (coverage {d.country.coverage:.0%} of the weights)"
        # (below the thin coverage, what the score makes of the missing weight, as said)
        + (f"; {coverage.source.removeprefix('ddtool: ')}" if coverage else ""),
    )


def _source(fact: Evidence | None) -> str:
    """Where a figure shown beside it comes from, as the registers say it."""
    return "" if fact is None else evidence_source(fact.as_dict())


def _fact_row(table: Table, fact: Evidence) -> None:
    """A fact of the score shown beside no step, as a row: what it is, and what it says as
    the registers give it (a listing: its edition, year and change in the 2024 edition). A
    change of the 2024 list is shown to check, never scored."""
    scored = "not scored" if fact.indicator.startswith(LIST_2024) else ""
    _add_row(table, indicator_words(fact.indicator), scored, evidence_said(fact.as_dict()))


def _others(read: Supplier | None) -> list[str]:
    """The other sectors of goods a supplier's sector text names (Supplier.other_sectors)."""
    return [] if read is None else [other.id for other in read.other_sectors]


def _guessed_base(table: Table, d: RiskDetail, sector: str, scoring: Scoring) -> None:
    """The base of a supplier whose sector is taken from its products, step by step: with
    the sector's rating, as a sector not known, and the higher of the two (a guess may raise
    the score, never lower it below that of a sector not known; see Scorer._guessed)."""
    weight = scoring.sector_weight
    assert d.sector_likelihood is not None
    rated = rated_base(d.sector_likelihood, d.country.value, scoring)
    unknown = unknown_sector_base(d.country.value, scoring)
    _add_row(
        table,
        "base with the sector's rating",
        f"{rated:.4f}",
        f"{weight:g} × sector ({sector}, taken from products) + {1 - weight:g} × country",
    )
    _add_row(
        table,
        "base as a sector not known",
        f"{unknown:.4f}",
        f"the sector weighted in as no data ({scoring.no_data_sector_score:g}), never lowering"
        " the country score",
    )
    higher = "as a sector not known" if unknown > rated else "with the sector's rating"
    _add_row(
        table,
        "base",
        f"{d.base:.4f}",
        f"the higher of the two ({higher}): a sector taken from products is still a data"
        " gap, and never scores lower than a sector not known",
    )


def _severity_note(d: RiskDetail, guessed: bool) -> str:
    """Where a score's severity comes from, as its evidence says (Scorer._severity_evidence):
    the sector's rating; the default for a sector not known (also for a sector taken from
    products rated below it); or a listed good's floor, raised from one of these."""
    default = DEFAULT_SEVERITY[d.risk_type]
    rated = d.sector_severity
    if rated is None:
        own, source = default, "default for an unknown sector"
    elif guessed and default > rated:
        own, source = (
            default,
            f"the default for a sector not known ({default:g}), as it is above the rating"
            f" {rated:g} of the sector taken from products (which never lowers it)",
        )
    elif guessed:
        own, source = (
            rated,
            "the sector's severity (taken from products; the default for a sector not known,"
            f" {default:g}, is not above it)",
        )
    else:
        own, source = rated, "the sector's severity"
    fact = next((e for e in d.evidence if e.indicator.startswith(SEVERITY_FACT)), None)
    if fact is not None and fact.indicator.endswith("): listed good"):
        listed = fact.note.split(";")[0]  # ("GOOD (COUNTRY) is listed; …")
        return f"raised to the listing's severity floor ({listed}) from {own:g}: {source}"
    if fact is not None and fact.indicator.endswith("): region"):
        return f"raised to a listing's severity floor for the region from {own:g}: {source}"
    return source


def _severity_said(d: RiskDetail, guessed: bool, fact: Evidence | None) -> str:
    """Where a score's severity comes from (_severity_note), with the year and source of its
    fact where that is a rating (the project's, or an overlay's), as the registers cite it;
    a rule of ddtool's (a listing's floor, the default) is what the note says already."""
    note = _severity_note(d, guessed)
    if fact is None or fact.source.startswith("ddtool: "):
        return note
    return f"{note} ({evidence_meta(fact.as_dict())})"


def _on_a_gap(result: Assessment, supplier_id: str, risk_type: str) -> bool:
    """Whether a supplier is low on this risk type while data it is scored on is missing
    (as the reports say "low (data gap)", see document.low_on_a_gap): a mapped supplier's
    own score, an inferred stage's worst case where its own score's data is missing (a
    country not known)."""
    risk = result.risks.get(supplier_id)
    if risk is None:
        node = result.inferred.get(supplier_id)
        if node is None:  # (the company)
            return False
        entry = {"inferred": True, "data_gaps": [INFERRED_GAP, *node.gaps]}
        return low_on_a_gap(entry, node.worst[risk_type][0].level, risk_type)
    entry = {"data_gaps": _mapped_gaps(result, supplier_id)}
    return low_on_a_gap(entry, risk.by_type[risk_type].score.level, risk_type)


def _mapped_gaps(result: Assessment, supplier_id: str) -> list[str]:
    """A mapped supplier's data gaps, as the assessment records them: its score's, and
    that of the tiers beneath it (inferred, or nothing mapped nor inferred beneath a trader
    of anything or a supplier whose products deny the goods beneath its sector)."""
    gaps = list(result.risks[supplier_id].gaps)
    if any(below in result.inferred for below in result.supply.succ.get(supplier_id, {})):
        gaps.append(UNMAPPED_BELOW)
    elif supplier_id in result.unfollowed:  # (NOTHING_FOLLOWED, DENIED_BELOW)
        gaps.append(result.unfollowed[supplier_id])
    return gaps


def _level(level: str, on_a_gap: bool) -> Text:
    """A level as the reports show it, styled: low on missing data is no low risk ("low
    (data gap)"); an exposure's higher level on which data gaps bear, "medium (data gap)",
    is styled as its level."""
    shown = gap_level(level, on_a_gap)
    return Text(shown, style="yellow" if shown == GAP_LEVEL else LEVEL_STYLE[level])


def _add_row(table: Table, *cells: str | Text) -> None:
    """A row of the table, its text shown as it is: indicator and source names, reasons,
    certification names and ids come from the profiles and the input, and a square bracket
    in them (`Fairtrade [2024]`) is no markup."""
    table.add_row(*(cell if isinstance(cell, Text) else Text(cell) for cell in cells))


def _origin_weights(result: Assessment, node: InferredSupplier) -> str | None:
    """How the origins' weights are made: their production shares, normalised, with the
    lean to the buyer's own producing country; None for a stage without origins."""
    shares = [o.share.share_pct for o in node.origins if o.share and o.share.share_pct]
    total = sum(shares)
    if not node.origins or (not total and not node.lean):
        return None
    if not total:  # (listed in the buyer's country, no share published anywhere)
        return f"origin weights: no production shares: {node.lean}, the buyer's country, weighs 1"
    lean = result.config.scoring.own_country_lean if node.lean else 0.0
    text = (
        f"origin weights: each origin's share of {node.shares_of} ÷ {total:g}% (the shares given)"
    )
    if node.lean:
        text += (
            f", × {1 - lean:g}; {node.lean}, the buyer's country, gets {lean:g} more (the"
            " settings' own_country_lean)"
        )
    return text + "; an origin without a share is not weighted (its worst case still counts)"


def _explain_inferred(
    result: Assessment, supplier_id: str, doc: dict[str, Any], console: Console
) -> None:
    node = result.inferred[supplier_id]
    console.print(
        Text.assemble(
            ("inferred", "magenta"),
            ": no supplier was mapped here."
            f" Buyers: {', '.join(sorted(node.buyers))}."
            " Map this tier to replace the inference with real data.",
        )
    )
    # where the stage is placed, and why: a stage in a country not known is a deliberate
    # worst case over the countries where its sector is listed, not input left out
    assumption = doc.get("assumption")
    if assumption:
        console.print(Text(f"assumption: {assumption}"))
    from ddtool.propagation import Inference

    weights = _origin_weights(result, node)
    if weights:
        console.print(Text(weights))
    # one probe and one scorer for every origin and risk type (scores are cached inside)
    probe = Inference(result.supply, result.profiles, _scorer(result), result.config)
    origins = {o.iso3: o for o in node.origins}
    # an intermediate stage in a country not known (its buyer's): scored with no country
    # data, and flagged at the worst case over the countries where its sector is listed
    unknown = "country unknown" in node.gaps
    nowhere = "country unknown" if unknown else "other countries"
    for rt in RISK_TYPES:
        console.rule(RISK_NAMES[rt])
        table = Table(header_style="bold")
        table.add_column("origin")
        table.add_column("weight", justify="right")
        table.add_column("likelihood", justify="right")
        table.add_column("severity", justify="right")
        table.add_column("priority", justify="right")
        table.add_column(f"{node.shares_of} share")
        table.add_column("floor reason")
        for iso3, origin in origins.items():
            d = probe._origin_risk(node.sector, iso3, node.commodity, node.said).by_type[rt]
            share = origin.share
            source = share and result.profiles.sources.get(share.source_id)
            _add_row(
                table,
                iso3 or nowhere,
                "—" if origin.weight is None else f"{origin.weight:.4f}",
                f"{d.score.likelihood:.4f}",
                f"{d.score.severity:.4f}",
                f"{d.score.priority:.4f}",
                "—"
                if share is None
                else (
                    ("no share" if share.share_pct is None else f"{share.share_pct:g}%")
                    + f" ({share.year}, "
                    + (
                        f"{overlay_credit(share.overlay)}; source behind it: "
                        if share.overlay
                        else ""
                    )
                    + f"{source.name if source else share.source_name})"
                ),
                d.floor_reason,
            )
        console.print(fitted(table))
        e, (w, c) = node.expected[rt], node.worst[rt]
        unweighted = [o.iso3 or "other" for o in node.origins if o.weight is None]
        basis = f"{node.shares_of} share" + (
            f"; not weighted, no share in the risk data: {', '.join(unweighted)}"
            if unweighted
            else ""
        )
        expected = (
            f"own score with no country data: priority {e.priority:.4f} "
            + (GAP_LEVEL if e.level == "low" else e.level)
            if unknown
            else f"expected (weighted by {basis}): likelihood {e.likelihood:.4f}, severity"
            f" {e.severity:.4f}, priority {e.priority:.4f} {e.level} (each the weighted sum of"
            " the origins' figures)"
        )
        console.print(
            Text.assemble(
                f"{expected}; worst case: {w.priority:.4f} ",
                _level(w.level, _on_a_gap(result, supplier_id, rt)),
                f" ({c or nowhere})",
            )
        )
        # (what it rolls up, as a mapped supplier's: the stages inferred beneath it too)
        ex = result.exposure[supplier_id][rt]
        console.print(
            Text.assemble(
                f"exposure (max beneath): {ex.score.priority:.4f} ",
                _level(ex.score.level, gap_beneath(result.gaps_beneath, supplier_id, rt)),
                f" from {ex.source}; share-weighted {ex.weighted:.4f}",
            )
        )
        # the facts a flag of the stage rests on, as the registers give them: the origin mix,
        # the listings (edition, year, change in the 2024 edition) and shares of the listed
        # origins, and the figures of the worst case's
        facts = Table(header_style="bold")
        facts.add_column("fact behind the worst case")
        facts.add_column("value (year, source) — note")
        for fact in node.evidence[rt]:
            _add_row(facts, indicator_words(fact.indicator), evidence_said(fact.as_dict()))
        console.print(fitted(facts))
    if unknown:
        _unknown_worst_case(probe.scorer, node, console)
    console.print(Text(f"data gaps: {', '.join([INFERRED_GAP, *node.gaps])}"))


def _unknown_worst_case(scorer: Scorer, node: InferredSupplier, console: Console) -> None:
    """An inferred stage in a country not known: the worst case over the countries where
    its sector (its good) is listed, as for a mapped supplier of unknown country, and
    whether it is flagged at it (where it is above its own score with no country data)."""
    sector, commodity = node.sector, node.commodity
    goods = scorer.profiles.commodity_goods(commodity, sector) if commodity else []
    worst = scorer.worst_case_unknown_country(sector, goods, node.said or None)
    what = f"{commodity} ({sector})" if commodity else sector
    console.rule("country unknown: worst case")
    for rt in RISK_TYPES:
        own = node.expected[rt]
        own_level = GAP_LEVEL if own.level == "low" else own.level  # (no country data)
        if not worst:
            console.print(
                Text(
                    f"{RISK_NAMES[rt]}: {what} is listed in no country; own score"
                    f" {own.priority:.4f} ({own_level}) with no country data: flagged and"
                    " rolled up at it"
                )
            )
            continue
        score, iso3 = worst[rt]
        used = "flagged and rolled up at this" if score.priority > own.priority else "below"
        console.print(
            Text(
                f"{RISK_NAMES[rt]}: {what} scored in {display_name(iso3)} ({iso3}), where it is"
                f" listed or scores highest: likelihood {score.likelihood:.4f} x severity"
                f" {score.severity:.4f} = priority {score.priority:.4f} ({score.level}); own"
                f" score {own.priority:.4f} ({own_level}) with no country data: {used} worst"
                " case"
            )
        )


def _scorer(result: Assessment) -> Scorer:
    import datetime as dt

    return Scorer(
        result.profiles, result.config, dt.date.fromisoformat(result.data["options"]["as_of"])
    )
