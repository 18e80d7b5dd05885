"""Flags → remediation measures from the catalogue, fitted to risk type, sector, data gaps and
the sector's main risk indicators, six at most per flag (and how many more fit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ddtool.profiles import CAPTURE, Measure, Profiles, said_caught, said_caught_too

MAX_MEASURES = 6
GAP_PLACES = 3  # of the six, at most three for the measures that close data gaps


def measure_dict(measure: Measure, profiles: Profiles) -> dict[str, Any]:
    return {
        "id": measure.id,
        "step": measure.step,
        "step_name": profiles.step_name(measure.step),
        "title": measure.title,
        "action": measure.action,
        "owner": measure.owner,
        "reference": measure.reference,
    }


# which data-gap measure closes which gap (ids in risk_profiles/remediation.yaml)
GAP_MEASURES: tuple[tuple[str, str], ...] = (
    ("country unknown", "gap-origin-country"),
    ("sector", "gap-sector-products"),
    ("no country data", "gap-audit-reports"),
    ("tiers below not mapped", "gap-map-tier2"),
)
# "country unknown" on a supplier that grows, mines or catches nothing (a processor, a
# factory, a haulier; mapped, or an inferred stage in a country not known): it has no
# raw-material origin to give, but the country of its own site
SITE_COUNTRY = "gap-site-country"


@dataclass(frozen=True, slots=True, eq=False)
class Handles:
    """What a supplier is known to handle, for the measures written for some of it only
    (Measure.inputs, Measure.goods): the raw-material sectors its goods come from and the
    listed goods its products name; None where the data does not tell.

    Made once for each distinct pair (HandledBeneath.handles), and so compared and hashed
    by identity, at C speed: it is part of the key of each supplier's flags, 10^5 of them
    (a dataclass's own hash, made in Python, cost 0.07 s there)."""

    inputs: frozenset[str] | None = None
    goods: frozenset[str] | None = None

    def fits(self, measure: Measure) -> bool:
        """Whether a measure applies to what the supplier handles (or may handle)."""
        if measure.inputs and self.inputs is not None and self.inputs.isdisjoint(measure.inputs):
            return False
        return not (
            measure.goods and self.goods is not None and self.goods.isdisjoint(measure.goods)
        )


UNKNOWN = Handles()


class HandledBeneath:
    """What each supplier handles, read from the chain: the raw-material stages (mapped or
    inferred) beneath it along its sector's inputs, and the goods its products name. Only
    worked out for the suppliers of sectors a measure is written for some of (the others
    get UNKNOWN, at no cost on large chains)."""

    def __init__(
        self,
        profiles: Profiles,
        succ: Mapping[str, Mapping[str, Any]],
        sector_of: Callable[[str], str | None],
    ) -> None:
        self.profiles, self.succ, self.sector_of = profiles, succ, sector_of
        fitted = {s for m in profiles.measures if m.inputs or m.goods for s in m.sectors}
        self.sectors: frozenset[str] | None = (
            None if "*" in fitted else frozenset(fitted)  # (None: every sector)
        )
        self._raw_of: dict[str, frozenset[str]] = {}
        self._beneath: dict[str, frozenset[str]] = {}
        self._products: dict[
            tuple[str, tuple[str, ...]], tuple[frozenset[str] | None, frozenset[str]]
        ] = {}
        # each distinct Handles once (they are told apart by identity)
        self._made: dict[tuple[frozenset[str] | None, frozenset[str] | None], Handles] = {}

    def handles(self, node: str, sector: str | None, products: Sequence[str] = ()) -> Handles:
        """What a supplier (mapped or inferred) of this sector handles, with its products."""
        if sector is None or (self.sectors is not None and sector not in self.sectors):
            return UNKNOWN
        named, from_goods = self._by_products(sector, tuple(products))
        if self.profiles.sectors[sector].stage == "raw":  # (a vessel: itself, nothing beneath)
            inputs = frozenset({sector}) | from_goods
        else:
            inputs = self._raw_beneath(node) | from_goods
        key = (inputs or None, named)
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = UNKNOWN if key == (None, None) else Handles(*key)
        return found

    def _by_products(
        self, sector: str, products: tuple[str, ...]
    ) -> tuple[frozenset[str] | None, frozenset[str]]:
        """The listed goods the products name (None unless each names one: 'surimi' names
        none), and the raw-material sectors of the sector's that they come from; once for
        each sector and products (suppliers repeat them). A product a state makes a distinct
        product names both, and comes from its material's sector ('dried squid': Dried Fish
        and Squid, from vessels; see Profiles.good_named)."""
        key = (sector, products)
        found = self._products.get(key)
        if found is not None:
            return found
        raw = self.raw_inputs(sector)
        goods = [self.profiles.good_named(p) for p in products]
        made = [self.profiles.match_good(p) for p in products]  # ('dried squid': Dried Fish)
        named = frozenset(g for g in (*goods, *made) if g) if goods and all(goods) else None
        # each product's good's sector; a product said caught in the wild, the vessels
        # whatever its good is listed under ("wild-caught shrimp": vessels, not farms)
        sectors = self.profiles.sectors
        capture = {s for s in raw if any(CAPTURE in c for c in sectors[s].commodities)}
        from_goods: set[str] = set()
        for product, good in zip(products, goods, strict=True):
            if good and said_caught(product):
                from_goods |= capture
            elif good:  # ("wild or aquacultured shrimp": the farms and the vessels)
                from_goods.add(self.profiles.good_sectors[good])
                if said_caught_too(product):
                    from_goods |= capture
        found = self._products[key] = (named, frozenset(from_goods & raw))
        return found

    def raw_inputs(self, sector: str) -> frozenset[str]:
        """The raw-material sectors a sector's goods come from, along its inputs (itself for
        a raw-material stage: a farm, mine or fishing vessel)."""
        found = self._raw_of.get(sector)
        if found is None:
            sectors = self.profiles.sectors
            raw: set[str] = set()
            seen, stack = {sector}, [sector]
            while stack:
                current = sectors.get(stack.pop())
                if current is None:
                    continue
                if current.stage == "raw":
                    raw.add(current.id)
                    continue
                for upstream in current.inputs:
                    if upstream not in seen:
                        seen.add(upstream)
                        stack.append(upstream)
            found = self._raw_of[sector] = frozenset(raw)
        return found

    def _raw_beneath(self, node: str) -> frozenset[str]:
        """The raw-material stages beneath a node that its sector's goods come from: its
        suppliers of those stages, and theirs beneath the suppliers that handle the same
        materials (a trader between a cannery and its vessels; not its haulier)."""
        if node in self._beneath:
            return self._beneath[node]
        stack, done = [node], self._beneath
        while stack:  # (iterative: chains may run deeper than Python's recursion limit)
            current = stack[-1]
            sector = self.sector_of(current)
            raw = self.raw_inputs(sector) if sector is not None else frozenset()
            if sector is not None and self.profiles.sectors[sector].stage == "raw":
                done[current] = frozenset({sector})
                stack.pop()
                continue
            pending = [
                s
                for s in self.succ.get(current, ())
                if s not in done and self._related(s, raw) and s not in stack
            ]
            if pending:
                stack.extend(pending)
                continue
            found: set[str] = set()
            for supplier in self.succ.get(current, ()):
                if supplier in done and self._related(supplier, raw):
                    found |= done[supplier] & raw
            done[current] = frozenset(found)
            stack.pop()
        return done[node]

    def _related(self, supplier: str, raw: frozenset[str]) -> bool:
        """Whether a supplier handles some of these raw materials (by its sector)."""
        sector = self.sector_of(supplier)
        return sector is not None and not raw.isdisjoint(self.raw_inputs(sector))


def _raw_stage(profiles: Profiles, sector: str | None) -> bool:
    """Whether a sector is a raw-material stage of the taxonomy (farm, mine, vessel)."""
    found = profiles.sectors.get(sector) if sector is not None else None
    return found is not None and found.stage == "raw"


@dataclass(frozen=True, slots=True)
class Selection:
    """A flag's measures, and how many more of the catalogue fit it but are not shown (the
    places are MAX_MEASURES)."""

    measures: list[dict[str, Any]]
    not_shown: int


def select_measures(
    profiles: Profiles,
    risk_type: str,
    sector: str | None,
    inferred: bool,
    gaps: list[str],
    handles: Handles = UNKNOWN,
    state_imposed: bool = False,
) -> Selection:
    """Measures for one flag: the steps that close its data gaps first (at most GAP_PLACES),
    then the risk's own (those written for what some suppliers handle only where this one
    may handle it): first, for each main risk indicator of the sector (SectorRisk.indicators)
    that no measure chosen addresses, the first measure in due-diligence order that does;
    then the rest, the sector's own before the generic ones, each in step order, while
    places are left. Those of the risk's own are shown in step order, then by id. A flag of
    a region with state-imposed forced labour (`state_imposed`: regions) has that indicator
    addressed first, by a measure of any sector."""
    by_id = {m.id: m for m in profiles.measures}
    chosen: list[Measure] = []
    if inferred:  # (nobody to ask at an inferred stage: the supplier above it is asked)
        first = by_id.get("gap-map-inferred") or by_id.get("gap-map-tier2")
        if first is not None:
            chosen.append(first)
        chosen.extend(
            m
            for m in profiles.measures_for("data_gap", sector)
            if sector in m.sectors and handles.fits(m)
        )
    # (a stage that grows, mines or catches nothing has no raw-material origin to give,
    # mapped or inferred: an inferred garment factory of unknown country under a brand is
    # asked where it works, as a mapped one is; the supplier above it is asked, by the
    # measure before, for the sites it buys from)
    own_site = not _raw_stage(profiles, sector) and SITE_COUNTRY in by_id
    for gap in gaps:
        for needle, measure_id in GAP_MEASURES:
            if inferred and measure_id == "gap-map-tier2":
                continue  # (mapping beneath it is mapping it: the measure above says so)
            if own_site and measure_id == "gap-origin-country":
                measure_id = SITE_COUNTRY
            if measure_id == "gap-sector-products" and "labour recruiter" in gap:
                continue  # (it has no sector to ask for: its own measures come first)
            if needle in gap and measure_id in by_id and by_id[measure_id] not in chosen:
                chosen.append(by_id[measure_id])
    fitting = dict.fromkeys(chosen)  # (every measure that fits the flag, for the count)
    chosen = chosen[:GAP_PLACES]
    budget = MAX_MEASURES - len(chosen)
    # the risk's measures that fit, in due-diligence order (the sector's own first at a step)
    candidates = [
        m for m in profiles.measures_for(risk_type, sector) if m not in chosen and handles.fits(m)
    ]
    indicators = main_indicators(profiles, risk_type, sector)
    if state_imposed:
        indicators = (STATE_IMPOSED, *indicators)
        candidates += [
            m
            for m in profiles.measures
            if STATE_IMPOSED in m.addresses
            and risk_type in m.risk_types
            and m not in candidates
            and m not in chosen
        ]
    fitting.update(dict.fromkeys(candidates))
    picked = _addressing(indicators, candidates, chosen, budget)
    specific = [m for m in candidates if sector in m.sectors]
    generic = [m for m in candidates if m not in specific]
    for m in specific + generic:
        if len(picked) >= budget:
            break
        if m not in picked:
            picked.append(m)
    order = {step: i for i, (step, _) in enumerate(profiles.steps)}
    picked.sort(key=lambda m: (order.get(m.step, 99), m.id))
    chosen.extend(picked)
    return Selection([measure_dict(m, profiles) for m in chosen], len(fitting) - len(chosen))


# the risk indicator of a region where the state organises forced labour (regions)
STATE_IMPOSED = "state-imposed-labour"


def main_indicators(profiles: Profiles, risk_type: str, sector: str | None) -> tuple[str, ...]:
    """The main risk indicators of a sector for a risk type, as sectors.yaml names them
    (none for a sector not known)."""
    found = profiles.sectors.get(sector) if sector is not None else None
    risk = found.risk.get(risk_type) if found is not None else None
    return risk.indicators if risk is not None else ()


def _addressing(
    indicators: Sequence[str], candidates: list[Measure], chosen: list[Measure], budget: int
) -> list[Measure]:
    """For each main indicator in turn that no measure chosen addresses, the first of the
    candidates (in due-diligence order) that does, while places are left."""
    addressed = {a for m in chosen for a in m.addresses}
    picked: list[Measure] = []
    for indicator in indicators:
        if len(picked) >= budget:
            break
        if indicator in addressed:
            continue
        found = next((m for m in candidates if indicator in m.addresses), None)
        if found is not None:
            picked.append(found)
            addressed.update(found.addresses)
    return picked
