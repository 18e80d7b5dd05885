"""The supplier graph: tiers, first paths and structural problems."""

from __future__ import annotations

from typing import Any

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import Chain, Company, Supplier


def chain(*suppliers: dict[str, Any]) -> Chain:
    """A chain under the default company from supplier keyword dicts."""
    return Chain(company=Company(), suppliers=[Supplier(**s) for s in suppliers])


def test_supplier_reached_at_two_depths_reports_both_tiers() -> None:
    problems = ProblemList()
    supply = build_graph(
        chain(
            {"id": "A"},
            {"id": "B", "buyers": ["A"]},
            {"id": "X", "buyers": ["A", "B"]},
        ),
        problems,
    )
    assert problems.items == []
    assert supply.tiers == {"A": [1], "B": [2], "X": [2, 3]}
    assert supply.first_path["X"] == ["company", "A", "X"]
    assert supply.depth == 3


def test_cycle_message_prints_the_path() -> None:
    problems = ProblemList()
    build_graph(
        chain({"id": "A"}, {"id": "B", "buyers": ["A", "C"]}, {"id": "C", "buyers": ["B"]}),
        problems,
    )
    assert problems.flatten(["type"]) == [["cycle"]]
    assert "B → C → B" in problems.items[0].message


GRAPH_CASES: list[tuple[str, list[dict[str, Any]], list[list[Any]]]] = [
    ("self-loop", [{"id": "P", "buyers": ["P"]}], [["self-loop", "error"]]),
    (
        "unknown-buyer",
        [{"id": "PROC-1"}, {"id": "F", "buyers": ["PROC-11"]}],
        [["unknown-buyer", "error"]],
    ),
    ("duplicate-id", [{"id": "S"}, {"id": "S"}], [["duplicate-id", "error"]]),
    ("company-id-reused", [{"id": "company"}], [["duplicate-id", "error"]]),
    (
        "shares-over-one",
        [
            {"id": "P"},
            {"id": "F1", "buyers": ["P"], "share": 0.7},
            {"id": "F2", "buyers": ["P"], "share": 0.6},
        ],
        [["shares-over-one", "error"]],
    ),
    (
        "shares-summing-to-one-with-float-noise",
        [
            {"id": "P"},
            {"id": "F1", "buyers": ["P"], "share": 0.1},
            {"id": "F2", "buyers": ["P"], "share": 0.2},
            {"id": "F3", "buyers": ["P"], "share": 0.7},
        ],
        [],
    ),
    (
        "unreachable-behind-a-cycle",
        [{"id": "B", "buyers": ["C"]}, {"id": "C", "buyers": ["B"]}, {"id": "D", "buyers": ["C"]}],
        [["cycle", "error"], ["unreachable", "error"]],
    ),
    (
        "tier-mismatch",
        [{"id": "A"}, {"id": "B", "buyers": ["A"], "tier_declared": 1}],
        [["tier-mismatch", "warning"]],
    ),
]


@pytest.mark.parametrize(
    ("suppliers", "expected"), [c[1:] for c in GRAPH_CASES], ids=[c[0] for c in GRAPH_CASES]
)
def test_graph_problems(suppliers: list[dict[str, Any]], expected: list[list[Any]]) -> None:
    problems = ProblemList()
    build_graph(chain(*suppliers), problems)
    assert problems.flatten(["type", "severity"]) == expected


def test_unknown_buyer_suggests_the_nearest_id() -> None:
    problems = ProblemList()
    build_graph(chain({"id": "PROC-1"}, {"id": "F", "buyers": ["PROC-11"]}), problems)
    assert problems.flatten(["suggestion"]) == [["'PROC-1'"]]
