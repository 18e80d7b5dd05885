"""The fast paths of the graph, scoring and roll-up give what the plain algorithms give.

Each plain algorithm is written out here as simply as it reads in the documentation; the
engine's versions take shortcuts for 10^5-supplier chains and must agree with them exactly.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import replace
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddtool.config import Config
from ddtool.errors import ProblemList
from ddtool.graph import SupplyGraph, build_graph
from ddtool.model import RISK_TYPES, Audit, Certification, Chain, Company, Supplier
from ddtool.profiles import load_profiles
from ddtool.propagation import Exposure, _per_key, roll_up_exposure
from ddtool.scoring import Score, Scorer, half_up

PROFILES = load_profiles()
COUNTRIES = sorted(PROFILES.indicators)[:40]
SECTORS = sorted(PROFILES.sectors)
AS_OF = dt.date(2025, 11, 25)
LEVELS = ("low", "medium", "high", "critical")


@st.composite
def chains(draw: st.DrawFn, acyclic: bool = True) -> Chain:
    """Suppliers S0…Sn, each buying from earlier ones (a DAG with shared suppliers); with
    `acyclic` False some also name later ones, unknown ids or themselves."""
    count = draw(st.integers(min_value=1, max_value=40))
    suppliers = []
    for i in range(count):
        earlier = [f"S{j}" for j in range(i)]
        options = [*earlier, "company"]
        if not acyclic:
            options += [*(f"S{j}" for j in range(i, count)), "NOPE"]
        buyers = draw(st.lists(st.sampled_from(options), max_size=3)) if options else []
        share = draw(
            st.one_of(st.none(), st.sampled_from([0.1, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.65]))
        )
        tier = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=4)))
        suppliers.append(Supplier(id=f"S{i}", buyers=buyers, share=share, tier_declared=tier))
    return Chain(company=Company(), suppliers=suppliers, files=["chain.yaml"])


def _plain_order(supply: SupplyGraph) -> list[str] | None:
    """Kahn's algorithm: sources in id order, the last ready node placed next."""
    succ, pred = supply.graph._succ, supply.graph._pred
    indegree = {node: len(pred[node]) for node in succ}
    ready = sorted(node for node, count in indegree.items() if count == 0)
    order: list[str] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for child in succ[node]:
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    return order if len(order) == len(succ) else None


def _plain_paths(supply: SupplyGraph) -> dict[str, list[str]]:
    """Breadth-first search from the company, children in id order."""
    succ, root = supply.graph._succ, supply.company_id
    paths = {root: [root]}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for child in sorted(succ[node]):
            if child not in paths:
                paths[child] = [*paths[node], child]
                queue.append(child)
    del paths[root]
    return paths


def _plain_tiers(supply: SupplyGraph, order: list[str]) -> dict[str, list[int]]:
    """Every depth at which the company reaches a supplier."""
    succ, root = supply.graph._succ, supply.company_id
    depths: dict[str, set[int]] = {root: {0}}
    for node in order:
        for child in succ[node]:
            if node in depths:
                depths.setdefault(child, set()).update(t + 1 for t in depths[node])
    return {node: sorted(d) for node, d in depths.items() if node != root}


@settings(max_examples=300, deadline=None)
@given(chain=chains())
def test_graph_order_tiers_and_first_paths_match_the_plain_algorithms(chain: Chain) -> None:
    supply = build_graph(chain, ProblemList())
    order = _plain_order(supply)
    assert order is not None
    assert supply.order == order
    assert supply.tiers == _plain_tiers(supply, order)
    assert list(supply.tiers) == list(_plain_tiers(supply, order))  # same key order
    assert supply.first_path == _plain_paths(supply)


@settings(max_examples=300, deadline=None)
@given(chain=chains(acyclic=False))
def test_graph_with_cycles_and_broken_links_keeps_first_paths_and_order(chain: Chain) -> None:
    supply = build_graph(chain, ProblemList())
    assert supply.order == _plain_order(supply)
    assert supply.first_path == _plain_paths(supply)
    assert set(supply.tiers) == set(supply.first_path)
    for node, path in supply.first_path.items():
        assert min(supply.tiers[node]) == len(path) - 1


def _beneath(succ: Any, node: str) -> set[str]:
    """The node and every node beneath it."""
    seen, todo = {node}, [node]
    while todo:
        for child in succ[todo.pop()]:
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _plain_roll_up(
    supply: SupplyGraph, own: dict[str, tuple[tuple[Score, ...], tuple[float, ...], int]]
) -> tuple[dict[str, dict[str, Exposure]], dict[str, int]]:
    """The roll-up as specified: the highest priority beneath (the node's own on a tie,
    then the smallest supplier id), the share-weighted figure (worked in decimals from the
    shares as written and the suppliers' printed weighted figures, rounded half up), and
    whether a node at or beneath it is low on missing data of the risk type (its bit),
    where the level is below critical."""
    assert supply.order is not None
    succ = supply.graph._succ
    zero = Score(0.0, 0.0, 0.0, "low")
    best: dict[str, list[tuple[Score, str]]] = {}
    mixed: dict[str, list[float]] = {}
    for node in reversed(supply.order):
        scores, expected, _bits = own.get(node, ((zero,) * 3, (0.0,) * 3, 0))
        top = [(score, node) for score in scores]
        weighted = list(expected)
        children = succ[node]
        if children:
            given = [
                (c, None if v is None else Fraction(repr(v)))
                for c, v in ((c, children[c].get("share")) for c in sorted(children))
            ]
            known = sum((v for _, v in given if v is not None), Fraction(0))
            unknown = sum(1 for _, v in given if v is None)
            rest = max(Fraction(0), 1 - known) / unknown if unknown else Fraction(0)
            weights = [(c, v if v is not None else rest) for c, v in given]
            total = sum((w for _, w in weights), Fraction(0))
            if total <= 0:
                weights = [(c, Fraction(1, len(weights))) for c, _ in weights]
            else:
                weights = [(c, w / total) for c, w in weights]
            mix = [Fraction(0)] * 3
            for child, w in weights:
                for i in range(3):
                    score, source = best[child][i]
                    if score.priority > top[i][0].priority or (
                        score.priority == top[i][0].priority
                        and top[i][1] != node
                        and source < top[i][1]
                    ):
                        top[i] = (score, source)
                    mix[i] += w * Fraction(repr(mixed[child][i]))
            weighted = [max(weighted[i], half_up(mix[i])) for i in range(3)]
        best[node], mixed[node] = top, weighted

    def on_a_gap(node: str, i: int) -> bool:
        if best[node][i][0].level == "critical":
            return False
        return any(own.get(n, ((), (), 0))[2] & (1 << i) for n in _beneath(succ, node))

    exposure = {
        node: {
            rt: Exposure(best[node][i][0], best[node][i][1], mixed[node][i])
            for i, rt in enumerate(RISK_TYPES)
        }
        for node in best
    }
    gaps = {node: sum(1 << i for i in range(3) if on_a_gap(node, i)) for node in best}
    return exposure, {node: bits for node, bits in gaps.items() if bits}


@settings(max_examples=200, deadline=None)
@given(
    chain=chains(),
    figures=st.lists(
        st.tuples(
            st.sampled_from([0.0, 0.1, 0.25, 0.3333, 0.5, 0.81]),
            # an expected priority: a printed figure, four decimals
            st.integers(min_value=0, max_value=10_000).map(lambda units: units / 10_000),
        ),
        min_size=3,
        max_size=3,
    ),
    spread=st.integers(min_value=1, max_value=7),
    # the risk types each of the figures is low on missing data of (one bit each)
    gaps=st.lists(st.integers(min_value=0, max_value=7), min_size=3, max_size=3),
)
def test_roll_up_matches_the_plain_roll_up(
    chain: Chain, figures: list[tuple[float, float]], spread: int, gaps: list[int]
) -> None:
    supply = build_graph(chain, ProblemList())
    # a few distinct figures, shared between suppliers as the engine shares them
    pool = []
    for turn in range(3):
        shifted = figures[turn:] + figures[:turn]
        scores = tuple(Score(p, 1.0, p, LEVELS[int(p * 3.9)]) for p, _ in shifted)
        # (low on missing data: a low level only)
        low = sum(1 << i for i, score in enumerate(scores) if score.level == "low")
        pool.append((scores, tuple(e for _, e in shifted), gaps[turn] & low))
    own = {
        node: pool[i % 3]
        for i, node in enumerate(supply.suppliers)
        if i % spread != spread - 1  # some nodes have no own figures
    }
    assert roll_up_exposure(supply, own) == _plain_roll_up(supply, own)


@pytest.mark.parametrize(
    ("keys", "values", "expected"),
    [
        ((), [], []),
        (("a",), [1, 2], [{"a": 1}, {"a": 2}]),
        (("a", "b"), [1, 2, 3, 4], [{"a": 1, "b": 2}, {"a": 3, "b": 4}]),
        (("a", "b", "c"), [1, 2, 3, 4, 5, 6], [{"a": 1, "b": 2, "c": 3}, {"a": 4, "b": 5, "c": 6}]),
        (("a", "b", "c", "d"), [1, 2, 3, 4], [{"a": 1, "b": 2, "c": 3, "d": 4}]),
    ],
)
def test_per_key_groups_consecutive_values(
    keys: tuple[str, ...], values: list[int], expected: list[dict[str, int]]
) -> None:
    assert _per_key(values, keys) == expected


def test_per_key_refuses_a_partial_group() -> None:
    with pytest.raises(ValueError):
        _per_key([1, 2, 3, 4], ("a", "b", "c"))


@settings(max_examples=150, deadline=None)
@given(
    country=st.one_of(st.none(), st.sampled_from(COUNTRIES)),
    sector=st.one_of(st.none(), st.sampled_from(SECTORS)),
    migrants=st.lists(st.sampled_from([None, 0, 0.0, 5, 12.5, 30, 90, 100]), min_size=1),
    certified=st.booleans(),
    audit=st.sampled_from([None, "pass", "fail"]),
)
def test_migrant_shares_only_move_forced_labour_and_trafficking(
    country: str | None,
    sector: str | None,
    migrants: list[float | None],
    certified: bool,
    audit: str | None,
) -> None:
    """Suppliers differing only in their migrant share are scored from one shared score;
    each gets its own score object, equal to scoring it alone."""
    extra: dict[str, Any] = {
        "certifications": [Certification(name="SA8000")] if certified else [],
        "audits": [Audit(standard="SMETA", date=dt.date(2025, 6, 1), result=audit)]
        if audit
        else [],
    }
    shared = Scorer(PROFILES, Config(), AS_OF)
    bare = Supplier(id="B", country=country, sector=sector, sector_raw=sector, **extra)
    plain = Scorer(PROFILES, Config(), AS_OF).score(bare, sector)
    for migrant in migrants:
        supplier = Supplier(
            id="S", country=country, sector=sector, sector_raw=sector, migrant_pct=migrant, **extra
        )
        risk = shared.score_supplier(supplier, sector)
        alone = Scorer(PROFILES, Config(), AS_OF).score_supplier(supplier, sector)
        assert risk.by_type == alone.by_type
        assert (risk.gaps, risk.listings, risk.handled, risk.worst) == (
            alone.gaps,
            alone.listings,
            alone.handled,
            alone.worst,
        )
        for rt, detail in risk.by_type.items():
            before = plain.by_type[rt]
            if rt == "child_labour" or not migrant:
                assert detail == before
                continue
            uplift = round(Config().scoring.migrant_uplift * migrant / 100, 4)
            migrants_line = (f"migrant workers {migrant:g}%", uplift)
            assert detail.adjustments == [migrants_line, *before.adjustments]
            assert detail.score.likelihood >= before.score.likelihood
            # the uplift is shown as evidence too, after the facts of the shared score
            *carried, shown = detail.evidence
            assert (detail.base, detail.floor, carried) == (
                before.base,
                before.floor,
                before.evidence,
            )
            assert (shown.indicator, shown.value) == (
                f"supplier adjustment: migrant workers {migrant:g}%",
                uplift,
            )
            # every other field is carried over as it was (the adjusted detail is made field
            # by field, not with dataclasses.replace)
            unadjusted = replace(
                detail, adjustments=before.adjustments, score=before.score, evidence=carried
            )
            assert unadjusted == before


@pytest.mark.parametrize(
    ("date", "counted"),
    [
        (dt.date(2025, 6, 1), True),  # within 24 months before the as-of date
        (AS_OF, True),
        (AS_OF + dt.timedelta(days=1), False),  # not yet held on the as-of date
        (dt.date(2062, 1, 1), False),  # a mistyped year
        (dt.date(2020, 1, 1), False),  # too old
    ],
)
def test_a_passed_audit_counts_only_within_the_window_before_the_as_of_date(
    date: dt.date, counted: bool
) -> None:
    audited = Supplier(
        id="A",
        country="GHA",
        sector="cocoa-farming",
        audits=[Audit(standard="SMETA", date=date, result="pass")],
    )
    bare = Supplier(id="B", country="GHA", sector="cocoa-farming")
    scorer = Scorer(PROFILES, Config(), AS_OF)
    with_audit = scorer.score(audited, "cocoa-farming").by_type["forced_labour"]
    without = scorer.score(bare, "cocoa-farming").by_type["forced_labour"]
    credit = [value for text, value in with_audit.adjustments if "SMETA" in text]
    assert len(credit) == 1
    assert (credit[0] < 0) == counted
    assert (with_audit.score.likelihood < without.score.likelihood) == counted


@pytest.mark.parametrize("country", ["DEU", "CHE", "GHA", None])
@pytest.mark.parametrize("sector_raw", [None, "widget polishing"])
def test_a_supplier_without_a_matched_sector_is_scored_as_no_data_never_lowered(
    country: str | None, sector_raw: str | None
) -> None:
    """A missing sector is no data, weighted in as a country without data is: it raises a
    low country score, never lowers a high one, and ranks no higher than a known sector."""
    supplier = Supplier(id="S", country=country, sector=None, sector_raw=sector_raw)
    scorer = Scorer(PROFILES, Config(), AS_OF)
    risk = scorer.score(supplier, None)
    scoring = Config().scoring
    for rt in RISK_TYPES:
        alone = scorer.country_score(country, rt).score
        weighted = scoring.sector_weight * scoring.no_data_sector_score
        expected = max(alone, weighted + (1 - scoring.sector_weight) * alone)
        assert risk.by_type[rt].base == pytest.approx(expected, abs=1e-4)  # (rounded)
        assert risk.by_type[rt].base >= round(alone, 4)
        shown = [e for e in risk.by_type[rt].evidence if e.value == "no data"]
        assert bool([e for e in shown if "sector" in e.indicator]) == (expected > alone)


PRODUCTS = [
    "cocoa beans",
    "Cocoa Beans lot 7",
    "cotton yarn 30s",
    "cassiterite concentrate",
    "frozen shrimp",
    "gold dore bars",
    "part 123",
    "hazelnut kernels",
    "cotton t-shirts",
    "Kakaobohnen",
    "tea",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["CIV", "GHA", "IND", "CHN", "BGD", "DEU", "COD", "THA", None]),
            st.sampled_from([*SECTORS[:12], "cocoa-farming", "yarn-spinning", None]),
            st.lists(st.sampled_from(PRODUCTS), max_size=3),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_score_shared_by_what_the_products_say_is_the_score_of_each(
    rows: list[tuple[str | None, str | None, list[str]]],
) -> None:
    """Products written apart that select the same listings and name the same 2024 goods
    share one score (part numbers, lot numbers): each supplier's is what scoring it alone
    gives."""
    shared = Scorer(PROFILES, Config(), AS_OF)
    for i, (country, sector, products) in enumerate(rows):
        supplier = Supplier(id=f"S{i}", country=country, sector=sector, products=products)
        alone = Scorer(PROFILES, Config(), AS_OF).score(supplier, sector)
        got = shared.score_supplier(supplier, sector)
        assert got.gaps == alone.gaps
        assert [x.good for x in got.listings] == [x.good for x in alone.listings]
        for rt in RISK_TYPES:
            a, b = got.by_type[rt], alone.by_type[rt]
            assert (a.score, a.floor, a.floor_reason, a.evidence) == (
                b.score,
                b.floor,
                b.floor_reason,
                b.evidence,
            )


def test_products_that_say_the_same_share_one_score() -> None:
    scorer = Scorer(PROFILES, Config(), AS_OF)
    first, second = (
        scorer.score_supplier(
            Supplier(id=i, country="BGD", sector="garment-manufacturing", products=[p]),
            "garment-manufacturing",
        )
        for i, p in (("A", "part 123"), ("B", "part 456"))
    )
    assert first is second
