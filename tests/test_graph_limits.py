"""Chain shapes that would cost out of proportion: thousands of tiers (a buyer column filled
down) are one error at the first supplier too deep; thousands of unknown buyers get a near
id by spelling only as far as a budget of comparisons goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool import graph
from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.sources import read_chain


def _chain_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "chain.csv"
    path.write_text("Supplier ID,Supplier name,Buyer ID\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def _filled_down(count: int) -> list[str]:
    """Each row naming the row above it as its buyer: one path, `count` tiers deep."""
    return [f"S{i},Supplier {i},{'' if i == 0 else f'S{i - 1}'}" for i in range(count)]


@pytest.mark.parametrize(
    ("rows", "limit", "expected"),
    [
        (_filled_down(5), 5, None),
        (_filled_down(6), 5, ("S5", 6, 7)),
        # a supplier whose first path is short but which is also reached deeper: its
        # deepest tier counts (D is at tiers 1 and 4)
        (["A,a,", "B,b,A", "C,c,B", "D,d,A;C"], 3, ("D", 4, 5)),
        (["A,a,", "B,b,A", "C,c,B", "D,d,A;C"], 4, None),
    ],
)
def test_a_chain_deeper_than_the_limit_is_one_error(
    tmp_path: Path, rows: list[str], limit: int, expected: tuple[str, int, int] | None
) -> None:
    chain, _ = read_chain([_chain_file(tmp_path, rows)])
    found = ProblemList()
    supply = build_graph(chain, found, max_tiers=limit)
    if expected is None:
        assert not found.errors and supply.depth <= limit
        return
    supplier, tier, row = expected
    [error] = found.errors
    assert error.type == "too-many-tiers"
    assert f"supplier {supplier!r} is at tier {tier}" in error.message
    assert (error.location.row, error.location.column) == (row, "Buyer ID")


def test_the_limit_is_an_option(tmp_path: Path) -> None:
    path = _chain_file(tmp_path, _filled_down(120))
    refused = CliRunner().invoke(app, ["validate", str(path)])
    assert refused.exit_code == 2 and "more than 100 tiers deep" in refused.output
    taken = CliRunner().invoke(app, ["validate", str(path), "--max-tiers", "200"])
    assert taken.exit_code == 0, taken.output
    assessed = CliRunner().invoke(
        app, ["assess", str(path), "--max-tiers", "200", "-q", "-o", str(tmp_path / "a.json")]
    )
    assert assessed.exit_code == 0, assessed.output


def test_near_ids_by_spelling_are_looked_up_within_a_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"S{i},Supplier {i}," for i in range(10)]
    rows += [f"T{i},Trader {i},Sx{i}" for i in range(5)]  # each a slip of S{i}
    chain, _ = read_chain([_chain_file(tmp_path, rows)])
    ids = len(chain.suppliers) + 1  # (the company's id too)
    monkeypatch.setattr(graph, "_SPELLING_BUDGET", 3 * ids)  # three lookups
    found = ProblemList()
    build_graph(chain, found)
    suggestions = [p.suggestion for p in found.errors if p.type == "unknown-buyer"]
    assert suggestions == ["'S0'", "'S1'", "'S2'", None, None]


def test_a_chain_too_deep_still_has_its_other_link_problems_reported(tmp_path: Path) -> None:
    rows = ["A,a,B", "B,b,A", *_filled_down(8)]  # a cycle, and a chain 8 tiers deep
    chain, _ = read_chain([_chain_file(tmp_path, rows)])
    found = ProblemList()
    build_graph(chain, found, max_tiers=5)
    assert sorted(p.type for p in found.errors) == ["cycle", "too-many-tiers"]


def test_near_names_are_looked_up_within_the_same_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A buyer written near a supplier's name is compared with every name too, in the same
    budget as the ids: a file of thousands of unknown buyers stays fast."""
    rows = [f"S{i},Firm Number {i}," for i in range(10)]
    rows += [f"T{i},Trader {i},Firm Numbr {i}" for i in range(5)]  # each a slip of a name
    chain, _ = read_chain([_chain_file(tmp_path, rows)])
    ids = len(chain.suppliers) + 1  # (the company's id too)
    names = len(chain.suppliers)  # (each name distinct)
    monkeypatch.setattr(graph, "_SPELLING_BUDGET", 2 * (ids + names))  # two lookups
    found = ProblemList()
    build_graph(chain, found)
    suggestions = [p.suggestion for p in found.errors if p.type == "unknown-buyer"]
    assert [s and s.split(",")[0] for s in suggestions] == ["'S0'", "'S1'", None, None, None]
