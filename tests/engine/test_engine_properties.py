"""Invariants of the engine, checked on generated inputs (hypothesis)."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddtool.assess import assess
from ddtool.config import Config
from ddtool.model import RISK_TYPES, Supplier
from ddtool.profiles import Indicator, Profiles, load_profiles
from ddtool.scoring import Scorer

PROFILES = load_profiles()
COUNTRIES = sorted(PROFILES.indicators)
SECTORS = sorted(PROFILES.sectors)
AS_OF = dt.date(2025, 11, 25)

# how to make each scored indicator "worse" (higher risk)
_ITUC_UP = {"1": "2", "2": "3", "3": "4", "4": "5", "5": "5+", "5+": "5+"}


def _worse(item: Indicator, step: float) -> Indicator:
    name = item.indicator
    if name == "ituc_global_rights_index_rating":
        value = _ITUC_UP.get(item.value, item.value)
    elif name.endswith("_status"):
        value = "not_ratified"
    elif name.startswith("ilab_ratified"):
        value = "no"
    elif item.number is not None:
        value = str(item.number + step)
    else:
        return item
    number = None
    with contextlib.suppress(ValueError):
        number = float(value)
    return Indicator(
        **{**{k: getattr(item, k) for k in Indicator.__slots__}, "value": value, "number": number}
    )


def _with_indicator(profiles: Profiles, new: Indicator) -> Profiles:
    changed = copy.copy(profiles)
    indicators = dict(profiles.indicators)
    country = {k: list(v) for k, v in indicators[new.iso3].items()}
    country[new.indicator] = [new if i.sex == new.sex else i for i in country[new.indicator]]
    indicators[new.iso3] = country
    changed.indicators = indicators
    return changed


@settings(max_examples=150, deadline=None)
@given(
    iso3=st.sampled_from(COUNTRIES),
    sector=st.one_of(st.none(), st.sampled_from(SECTORS)),
    pick=st.integers(min_value=0, max_value=10_000),
    step=st.floats(min_value=0.01, max_value=50),
    migrant=st.one_of(st.none(), st.floats(min_value=0, max_value=100)),
)
def test_raising_any_indicator_never_lowers_any_score(
    iso3: str, sector: str | None, pick: int, step: float, migrant: float | None
) -> None:
    items = [i for values in PROFILES.indicators[iso3].values() for i in values]
    item = items[pick % len(items)]
    supplier = Supplier.model_construct(
        id="S",
        country=iso3,
        sector=sector,
        products=[],
        buyers=[],
        certifications=[],
        audits=[],
        attributes={},
        migrant_pct=migrant,
    )
    before = Scorer(PROFILES, Config(), AS_OF).score(supplier, sector)
    after = Scorer(_with_indicator(PROFILES, _worse(item, step)), Config(), AS_OF).score(
        supplier, sector
    )
    for rt in RISK_TYPES:
        b, a = before.by_type[rt].score, after.by_type[rt].score
        assert a.likelihood >= b.likelihood - 1e-9, (item.indicator, rt)
        assert a.severity >= b.severity - 1e-9
        assert a.priority >= b.priority - 1e-9


def _beneath(sector_id: str) -> set[str]:
    out: set[str] = set()
    stack = list(PROFILES.sectors[sector_id].inputs)
    while stack:
        item = stack.pop()
        if item not in out:
            out.add(item)
            stack.extend(PROFILES.sectors[item].inputs)
    return out


def _mapped_exposure(result: Any) -> dict[str, dict[str, float]]:
    """Maximum priority beneath each node over mapped suppliers only (inferred ones left out)."""
    graph = result.supply.graph.subgraph([*result.supply.suppliers, result.supply.company_id])
    out: dict[str, dict[str, float]] = {}
    for node in reversed(list(nx.topological_sort(graph))):
        own = result.risks.get(node)
        out[node] = {
            rt: max(
                [own.by_type[rt].score.priority if own else 0.0]
                + [out[c][rt] for c in graph.successors(node)]
            )
            for rt in RISK_TYPES
        }
    return out


def _chain(
    n: int, draw_sector: list[str], draw_country: list[str], parents: list[int]
) -> dict[str, Any]:
    suppliers = []
    for i in range(n):
        entry: dict[str, Any] = {
            "id": f"S{i}",
            "name": f"Supplier {i}",
            "country": draw_country[i],
            "sector": draw_sector[i],
        }
        if i > 0 and parents[i] >= 0:
            entry["buyers"] = [f"S{parents[i] % i}"]
        suppliers.append(entry)
    return {"company": {"name": "Buyer", "country": "DEU"}, "suppliers": suppliers}


chains = st.integers(min_value=1, max_value=8).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.lists(st.sampled_from(SECTORS), min_size=n, max_size=n),
        st.lists(st.sampled_from(COUNTRIES), min_size=n, max_size=n),
        st.lists(st.integers(min_value=-1, max_value=50), min_size=n, max_size=n),
    )
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    chain=chains,
    new_sector=st.sampled_from(SECTORS),
    new_country=st.sampled_from(COUNTRIES),
    under=st.integers(min_value=0, max_value=50),
)
def test_adding_a_supplier_never_lowers_its_buyers_maximum_exposure(
    tmp_path_factory: Any,
    chain: tuple[int, list[str], list[str], list[int]],
    new_sector: str,
    new_country: str,
    under: int,
) -> None:
    n, sectors, countries, parents = chain
    data = _chain(n, sectors, countries, parents)
    folder: Path = tmp_path_factory.mktemp("chain")
    before_path = folder / "before.yaml"
    before_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    buyer = f"S{under % n}"
    data["suppliers"].append(
        {
            "id": "NEW",
            "name": "New",
            "country": new_country,
            "sector": new_sector,
            "buyers": [buyer],
        }
    )
    after_path = folder / "after.yaml"
    after_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    before = assess([before_path])
    after = assess([after_path])
    above = nx.ancestors(after.supply.graph, "NEW")
    assert buyer in above and "company" in above
    mapped_before, mapped_after = _mapped_exposure(before), _mapped_exposure(after)
    # Inferred tiers are assumptions that real data replaces: a new supplier in a stage that
    # was inferred may lower the inferred worst case. Otherwise nothing may go down.
    # a stage inferred under any supplier above the new one may now be mapped
    sectors_above = {data["suppliers"][int(n[1:])]["sector"] for n in above if n.startswith("S")}
    replaces_inference = any(new_sector in _beneath(sector) for sector in sectors_above)
    for node in above:
        for rt in RISK_TYPES:
            assert mapped_after[node][rt] >= mapped_before[node][rt] - 1e-9, (node, rt)
            if not replaces_inference:
                assert (
                    after.exposure[node][rt].score.priority
                    >= before.exposure[node][rt].score.priority - 1e-9
                ), (node, rt)
    # output is deterministic
    assert assess([after_path]).to_json() == after.to_json()
