"""The supplier graph: company → tier 1 → …, structural checks and tiers."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

import networkx as nx
from rapidfuzz import process

from ddtool.errors import Location, ProblemList
from ddtool.model import Chain, Supplier

SHARE_TOLERANCE = 1e-6


@dataclass(slots=True)
class SupplyGraph:
    """A DiGraph whose edges point from buyer to supplier (towards the origin)."""

    graph: nx.DiGraph
    company_id: str
    suppliers: dict[str, Supplier]
    tiers: dict[str, list[int]] = field(default_factory=dict)
    first_path: dict[str, list[str]] = field(default_factory=dict)

    @property
    def depth(self) -> int:
        return max((max(t) for t in self.tiers.values() if t), default=0)


def _loc(supplier: Supplier, fallback: str, column: str | None = None) -> Location:
    if supplier.location is None:
        return Location(fallback)
    return supplier.location.with_column(column) if column else supplier.location


def build_graph(chain: Chain, problems: ProblemList) -> SupplyGraph:
    """Build the graph and collect every structural problem (never stops at the first)."""
    fallback = chain.files[0] if chain.files else "<input>"
    company_id = chain.company.id
    graph = nx.DiGraph()
    graph.add_node(company_id)
    by_id: dict[str, Supplier] = {}
    for supplier in chain.suppliers:
        if supplier.id == company_id:
            problems.error(
                "duplicate-id",
                f"supplier id {supplier.id!r} is the company's own id",
                _loc(supplier, fallback, "id"),
            )
            continue
        if supplier.id in by_id:
            first = by_id[supplier.id].location
            problems.error(
                "duplicate-id",
                f"duplicate supplier id {supplier.id!r} (first defined at {first})",
                _loc(supplier, fallback, "id"),
            )
            continue
        by_id[supplier.id] = supplier
        graph.add_node(supplier.id)
    ids = list(by_id)
    order = {supplier_id: i for i, supplier_id in enumerate(ids)}
    broken_links: set[str] = set()  # suppliers whose buyer link was already reported
    for supplier in by_id.values():
        buyers = supplier.buyers or [company_id]
        for buyer in dict.fromkeys(buyers):
            where = _loc(supplier, fallback, "buyers")
            if buyer == supplier.id:
                problems.error(
                    "self-loop", f"supplier {supplier.id!r} names itself as its buyer", where
                )
                broken_links.add(supplier.id)
                continue
            if buyer != company_id and buyer not in by_id:
                best = process.extractOne(buyer, ids, score_cutoff=75) if ids else None
                problems.error(
                    "unknown-buyer",
                    f"supplier {supplier.id!r} names buyer {buyer!r}, which is not in the chain",
                    where,
                    suggestion=repr(best[0]) if best else None,
                )
                broken_links.add(supplier.id)
                continue
            graph.add_edge(buyer, supplier.id, share=supplier.share)
    cyclic = _check_cycles(graph, by_id, order, problems, fallback)
    _check_shares(graph, by_id, company_id, problems, fallback)
    supply = SupplyGraph(graph, company_id, by_id)
    compute_tiers(supply)
    for supplier_id, supplier in by_id.items():
        if supplier_id not in supply.first_path:
            if supplier_id in broken_links or supplier_id in cyclic:
                continue
            problems.error(
                "unreachable",
                f"supplier {supplier_id!r} cannot be reached from the company"
                " (it only supplies suppliers in a cycle)",
                _loc(supplier, fallback),
            )
        elif supplier.tier_declared is not None and supplier.tier_declared not in supply.tiers.get(
            supplier_id, []
        ):
            tiers = ", ".join(str(t) for t in supply.tiers[supplier_id])
            problems.warning(
                "tier-mismatch",
                f"declared tier {supplier.tier_declared} but the buyer links put it at tier"
                f" {tiers}",
                _loc(supplier, fallback, "tier"),
            )
    return supply


def _check_cycles(
    graph: nx.DiGraph,
    by_id: dict[str, Supplier],
    order: dict[str, int],
    problems: ProblemList,
    fallback: str,
) -> set[str]:
    """Report each cycle once, with its path; return the suppliers in cycles."""
    cyclic: set[str] = set()
    for component in sorted(nx.strongly_connected_components(graph), key=lambda c: min(c)):
        if len(component) < 2:
            continue
        cyclic.update(component)
        cycle = nx.find_cycle(graph.subgraph(component))
        nodes = [edge[0] for edge in cycle] + [cycle[0][0]]
        # report it against the supplier that closes the loop, in file order
        first = min(component, key=lambda n: order.get(n, -1))
        problems.error(
            "cycle",
            "cycle in the chain: " + " → ".join(nodes) + " (buyers supply themselves)",
            _loc(by_id[first], fallback, "buyers") if first in by_id else Location(fallback),
        )
    return cyclic


def _check_shares(
    graph: nx.DiGraph,
    by_id: dict[str, Supplier],
    company_id: str,
    problems: ProblemList,
    fallback: str,
) -> None:
    totals: dict[str, float] = defaultdict(float)
    for buyer, _supplier, share in graph.edges(data="share"):
        if share is not None:
            totals[buyer] += share
    for buyer, total in sorted(totals.items()):
        if total > 1 + SHARE_TOLERANCE:
            children = sorted(s for s in graph.successors(buyer))
            where = _loc(by_id[buyer], fallback) if buyer in by_id else Location(fallback)
            problems.error(
                "shares-over-one",
                f"shares of the suppliers of {buyer!r} add up to {total:.2f}, more than 1"
                f" ({', '.join(children[:6])}{' …' if len(children) > 6 else ''})",
                where,
            )


def compute_tiers(supply: SupplyGraph) -> None:
    """Tiers: every depth at which a supplier is reached; the first path by BFS (sorted)."""
    graph, root = supply.graph, supply.company_id
    parent: dict[str, str | None] = {root: None}
    queue: deque[str] = deque([root])
    while queue:
        node = queue.popleft()
        for child in sorted(graph.successors(node)):
            if child not in parent:
                parent[child] = node
                queue.append(child)
    paths: dict[str, list[str]] = {root: [root]}
    for node in parent:  # BFS order: a parent's path exists before its children's
        up = parent[node]
        if up is not None:
            paths[node] = [*paths[up], node]
    supply.first_path = {n: p for n, p in paths.items() if n != root}
    reachable = graph.subgraph(parent)
    tiers: dict[str, set[int]] = {root: {0}}
    if nx.is_directed_acyclic_graph(reachable):
        for node in nx.topological_sort(reachable):
            for child in reachable.successors(node):
                tiers.setdefault(child, set()).update(t + 1 for t in tiers[node])
    else:
        for node, path in paths.items():
            tiers[node] = {len(path) - 1}
    supply.tiers = {n: sorted(t) for n, t in tiers.items() if n != root}
