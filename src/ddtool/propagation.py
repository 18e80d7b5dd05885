"""Hidden-tier inference (down to raw-material origin) and exposure roll-up (up to the company)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ddtool.config import Config
from ddtool.graph import SupplyGraph
from ddtool.model import RISK_TYPES, Supplier
from ddtool.profiles import OriginShare, Profiles
from ddtool.reference.countries import display_name
from ddtool.scoring import Evidence, Score, Scorer, SupplierRisk


@dataclass(frozen=True, slots=True)
class Origin:
    """One origin country in an inferred supplier's mix (weight None: share not published)."""

    iso3: str | None
    weight: float | None
    share: OriginShare | None


@dataclass(slots=True)
class InferredSupplier:
    """A supplier nobody mapped, inferred from the sector inputs and production shares."""

    id: str
    sector: str
    commodity: str | None
    country: str | None  # intermediate stages: assumed in the buyer's country
    lean: str | None  # raw materials: the buyer's own producing country, if any
    origins: list[Origin]
    expected: dict[str, Score]
    worst: dict[str, tuple[Score, str | None]]
    evidence: dict[str, list[Evidence]]
    buyers: set[str] = field(default_factory=set)
    depth: int = 1


@dataclass(frozen=True, slots=True)
class Exposure:
    """What lies beneath a supplier for one risk type: the maximum and a share-weighted figure."""

    score: Score  # of the supplier where the maximum sits (its worst case if inferred)
    source: str  # the supplier id where the maximum sits
    weighted: float  # share-weighted priority, for ranking


KEY_CHAINS = frozenset({"cocoa", "coffee", "cotton", "minerals", "seafood"})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


class Inference:
    """Adds inferred suppliers under branches that stop above raw-material origin."""

    def __init__(self, supply: SupplyGraph, profiles: Profiles, scorer: Scorer, config: Config):
        self.supply = supply
        self.profiles = profiles
        self.scorer = scorer
        self.config = config
        self.nodes: dict[str, InferredSupplier] = {}
        self._closure: dict[str, set[str]] = {}
        self._origin_scores: dict[tuple[str, str | None, str | None], SupplierRisk] = {}

    def run(
        self,
        sector_of: dict[str, str | None],
        countries: dict[str, str | None],
        products: dict[str, list[str]],
    ) -> None:
        """Infer every input stage that no mapped supplier covers, for every supplier and the
        company: a branch that stops above raw-material origin is continued by inference."""
        succ, pred = self.supply.graph._succ, self.supply.graph._pred
        order = self.supply.order
        assert order is not None, "inference needs an acyclic chain"
        # the sectors mapped anywhere beneath each supplier (one bottom-up pass; sets are
        # shared where nothing is added, so memory stays linear)
        empty: frozenset[str] = frozenset()
        beneath: dict[str, frozenset[str]] = {}
        for node in reversed(order):
            below = empty
            for child in succ[node]:
                child_set = beneath[child]
                if not child_set <= below:
                    below = below | child_set if below else child_set
            own = sector_of.get(node)
            beneath[node] = below if not own or own in below else below | {own}
        for node in sorted(sector_of):
            sector = self.profiles.sectors.get(sector_of[node] or "")
            if sector is None or not sector.inputs:
                continue
            # Commission work: a subcontractor in its buyer's own stage, or a stage whose
            # input is its buyer's own product (a dye house finishing a mill's fabric), gets
            # its material from that buyer, whose own suppliers are mapped or inferred.
            buyer_sectors = {sector_of.get(b) for b in pred[node]}
            if sector.id in buyer_sectors:
                continue
            mapped: frozenset[str] = frozenset().union(*(beneath[c] for c in succ[node]))
            # inputs of one value chain are alternatives (artisanal or industrial mines; a
            # fabric mill or a finisher): one mapped supplier among them covers the group
            groups: dict[str, list[str]] = {}
            for upstream in sector.inputs:
                chain = self.profiles.sectors[upstream].chain
                # only stages of one key value chain are alternatives; other inputs
                # (bricks, stone, timber for construction) are each needed
                key = chain if chain in KEY_CHAINS else upstream
                groups.setdefault(key, []).append(upstream)
            hint = products.get(node, [])
            for group in groups.values():
                covered = {u for g in group for u in (g, *self._upstream(g))}
                if covered & (mapped | buyer_sectors):
                    continue  # mapped suppliers cover this input (or a stage beneath it)
                for upstream in group:
                    self._attach(node, upstream, countries.get(node), 1, hint)

    def _upstream(self, sector_id: str) -> set[str]:
        """Every stage beneath a sector (its inputs, their inputs …)."""
        cached = self._closure.get(sector_id)
        if cached is None:
            cached = set()
            stack = list(self.profiles.sectors[sector_id].inputs)
            while stack:
                item = stack.pop()
                if item not in cached:
                    cached.add(item)
                    stack.extend(self.profiles.sectors[item].inputs)
            self._closure[sector_id] = cached
        return cached

    def _commodities(self, commodities: tuple[str, ...], hint: list[str]) -> tuple[str, ...]:
        """The commodities the buyer's products name ('cobalt hydroxide' → cobalt), else all."""
        words = {w for p in hint for w in re.findall(r"[a-z]+", p.casefold())}
        named = tuple(c for c in commodities if set(re.findall(r"[a-z]+", c)) & words)
        return named or commodities

    def _attach(
        self, buyer: str, sector_id: str, country: str | None, depth: int, hint: list[str]
    ) -> None:
        if depth > self.config.scoring.inference_depth:
            return
        sector = self.profiles.sectors[sector_id]
        targets: list[str] = []
        if sector.commodities:
            for commodity in self._commodities(sector.commodities, hint):
                targets.append(self._raw(sector_id, commodity, country, depth))
        elif (origin := self._at_origin(sector_id, country, hint)) is not None:
            # a first-processing stage (ginning, milling, trading) sits where the raw
            # material grows when the buyer's country does not produce it
            for commodity, raw_sector in origin:
                node_id = self._raw(sector_id, commodity, country, depth)
                raw_id = self._raw(raw_sector, commodity, country, depth + 1)
                self.nodes[raw_id].buyers.add(node_id)
                self.supply.graph.add_edge(node_id, raw_id, share=None, inferred=True)
                targets.append(node_id)
        else:
            node_id = f"inferred:{sector_id}@{country or 'unknown'}"
            if node_id not in self.nodes:
                self._intermediate(node_id, sector_id, country, depth)
                self.supply.graph.add_node(node_id, inferred=True)
                for upstream in sector.inputs:
                    self._attach(node_id, upstream, country, depth + 1, hint)
            targets.append(node_id)
        for target in targets:
            self.nodes[target].buyers.add(buyer)
            self.supply.graph.add_edge(buyer, target, share=None, inferred=True)

    def _at_origin(
        self, sector_id: str, country: str | None, hint: list[str]
    ) -> list[tuple[str, str]] | None:
        """(commodity, raw sector) pairs when a stage only processes raw materials that
        the buyer's country does not produce; None otherwise."""
        sector = self.profiles.sectors[sector_id]
        inputs = [self.profiles.sectors[i] for i in sector.inputs]
        if not inputs or any(not i.commodities for i in inputs):
            return None
        pairs = [(c, i.id) for i in inputs for c in self._commodities(i.commodities, hint)]
        for commodity, _ in pairs:
            if any(o.iso3 == country and o.share_pct for o in self.profiles.origins[commodity]):
                return None
        return pairs

    def _origin_risk(
        self, sector_id: str, iso3: str | None, commodity: str | None = None
    ) -> SupplierRisk:
        key = (sector_id, iso3, commodity)
        if key not in self._origin_scores:
            # the commodity as a product narrows listings to its own good (cotton lint →
            # Cotton, not Cottonseed) when the taxonomy knows it
            good = self.profiles.match_good(commodity) if commodity else None
            probe = Supplier.model_construct(
                id=f"origin:{sector_id}@{iso3}",
                country=iso3,
                sector=sector_id,
                products=[good] if good else [],
                buyers=[],
                certifications=[],
                audits=[],
                attributes={},
                migrant_pct=None,
            )
            self._origin_scores[key] = self.scorer.score(probe, sector_id)
        return self._origin_scores[key]

    def _intermediate(self, node_id: str, sector_id: str, country: str | None, depth: int) -> None:
        risk = self._origin_risk(sector_id, country)
        self.nodes[node_id] = InferredSupplier(
            id=node_id,
            sector=sector_id,
            commodity=None,
            country=country,
            lean=None,
            origins=[Origin(country, 1.0, None)],
            expected={rt: d.score for rt, d in risk.by_type.items()},
            worst={rt: (d.score, country) for rt, d in risk.by_type.items()},
            evidence={rt: d.evidence for rt, d in risk.by_type.items()},
            depth=depth,
        )

    def _raw(self, sector_id: str, commodity: str, country: str | None, depth: int) -> str:
        shares = [o for o in self.profiles.origins.get(commodity, []) if o.iso3 != "CN-XJ"]
        producers = {o.iso3 for o in shares if o.share_pct}
        lean = country if country in producers else None
        node_id = f"inferred:{sector_id}:{_slug(commodity)}@{lean or 'world'}"
        if node_id in self.nodes:
            return node_id
        total = sum(o.share_pct or 0.0 for o in shares)
        origins: list[Origin] = []
        lean_weight = self.config.scoring.own_country_lean if lean else 0.0
        for o in shares:
            iso3 = None if o.iso3 == "OTH" else o.iso3
            if o.share_pct is None or total == 0:
                origins.append(Origin(iso3, None, o))
                continue
            weight = (1 - lean_weight) * o.share_pct / total
            if o.iso3 == lean:
                weight += lean_weight
            origins.append(Origin(iso3, weight, o))
        expected: dict[str, Score] = {}
        worst: dict[str, tuple[Score, str | None]] = {}
        evidence: dict[str, list[Evidence]] = {}
        thresholds = self.config.thresholds
        for rt in RISK_TYPES:
            like = sev = prio = 0.0
            top: tuple[Score, str | None] | None = None
            items: list[Evidence] = []
            for origin in origins:
                detail = self._origin_risk(sector_id, origin.iso3, commodity).by_type[rt]
                sc = detail.score
                if origin.weight:
                    like += origin.weight * sc.likelihood
                    sev += origin.weight * sc.severity
                    prio += origin.weight * sc.priority
                if top is None or sc.priority > top[0].priority:
                    top = (sc, origin.iso3)
                if detail.floor > 0 and origin.share is not None:
                    share = origin.share
                    share_text = (
                        f"{share.share_pct:g}% of world {commodity} production"
                        if share.share_pct is not None
                        else f"a producer of {commodity} (share not published)"
                    )
                    src = self.profiles.sources.get(share.source_id)
                    items.append(
                        Evidence(
                            f"origin {display_name(share.iso3)}: {detail.floor_reason}",
                            share.share_pct,
                            share.year,
                            src.name if src else share.source_name,
                            note=share_text,
                        )
                    )
            expected[rt] = Score(
                round(like, 4), round(sev, 4), round(prio, 4), thresholds.level(prio)
            )
            assert top is not None
            worst[rt] = top
            mix = ", ".join(
                f"{o.iso3 or 'other'} {o.weight:.0%}"
                for o in origins
                if o.weight and o.weight >= 0.02
            )
            items.insert(
                0,
                Evidence(
                    f"inferred origin mix for {commodity}"
                    + (
                        f" (leaning {self.config.scoring.own_country_lean:.0%} to {lean})"
                        if lean
                        else ""
                    ),
                    mix,
                    max((o.share.year for o in origins if o.share), default=None),
                    "production shares in risk_profiles/origins.csv (see sources)",
                ),
            )
            evidence[rt] = items
        self.nodes[node_id] = InferredSupplier(
            id=node_id,
            sector=sector_id,
            commodity=commodity,
            country=None,
            lean=lean,
            origins=origins,
            expected=expected,
            worst=worst,
            evidence=evidence,
            depth=depth,
        )
        self.supply.graph.add_node(node_id, inferred=True)
        return node_id


def roll_up_exposure(
    supply: SupplyGraph,
    own_max: dict[str, tuple[Score, ...]],
    own_expected: dict[str, tuple[float, ...]],
) -> dict[str, dict[str, Exposure]]:
    """One reverse-topological pass: every node gets the maximum and weighted exposure beneath.

    own_max / own_expected hold one value per risk type, in RISK_TYPES order.
    """
    succ = supply.graph._succ
    order = supply.order
    assert order is not None, "exposure needs an acyclic chain"
    zero = Score(0.0, 0.0, 0.0, "low")
    count = len(RISK_TYPES)
    best: dict[str, list[tuple[Score, str]]] = {}
    mixed: dict[str, list[float]] = {}
    for node in reversed(order):
        own = own_max.get(node)
        top = [(own[i] if own else zero, node) for i in range(count)]
        expected = own_expected.get(node)
        weighted = list(expected) if expected else [0.0] * count
        children = succ[node]
        if children:
            mix = [0.0] * count
            for child, w in _child_weights(node, children):
                child_best, child_mix = best[child], mixed[child]
                for i in range(count):
                    if child_best[i][0].priority > top[i][0].priority or (
                        child_best[i][0].priority == top[i][0].priority
                        and top[i][1] != node
                        and child_best[i][1] < top[i][1]
                    ):
                        top[i] = child_best[i]
                    mix[i] += w * child_mix[i]
            weighted = [max(weighted[i], mix[i]) for i in range(count)]
        best[node] = top
        mixed[node] = weighted
    return {
        node: {
            rt: Exposure(best[node][i][0], best[node][i][1], round(mixed[node][i], 4))
            for i, rt in enumerate(RISK_TYPES)
        }
        for node in best
    }


def _child_weights(node: str, children: dict[str, dict[str, Any]]) -> list[tuple[str, float]]:
    """Shares as given; suppliers without a share split the rest equally; then normalised."""
    given = [(c, attrs.get("share")) for c, attrs in children.items()]
    known = sum(v for _, v in given if v is not None)
    unknown = sum(1 for _, v in given if v is None)
    rest = max(0.0, 1.0 - known) / unknown if unknown else 0.0
    weights = [(c, v if v is not None else rest) for c, v in given]
    total = sum(w for _, w in weights)
    if total <= 0:
        return [(c, 1.0 / len(weights)) for c, _ in weights]
    return [(c, w / total) for c, w in weights]
