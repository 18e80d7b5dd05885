"""A buyers cell that joins several ids or names by '/', '&', '+' or 'and' (no list
separators) is refused as an unknown buyer, and its suggestion names the buyers it holds and
how a list is written; a real id holding '/' is matched as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.sources import read_chain
from tests.workbook_support import write_book

HOW = "several buyers are separated by ';', ',' or '|'"
HEAD = "id,name,country,buyers\n"
ROWS = "A01,Alpha,DE,\nA02,Beta,DE,\nB1,Gamma,DE,\nX/1,Delta,DE,\n"


def _unknown(tmp_path: Path, cell: str, name: str = "chain.csv") -> list[tuple[str, str | None]]:
    path = tmp_path / name
    path.write_text(f'{HEAD}{ROWS}S9,Sigma,BD,"{cell}"\n', "utf-8")
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    return [(p.message, p.suggestion) for p in found.items if p.type == "unknown-buyer"]


@pytest.mark.parametrize(
    ("cell", "suggestion"),
    [
        ("A01/A02", f"buyers 'A01' and 'A02', written 'A01; A02': {HOW}"),
        ("A01 / A02", f"buyers 'A01' and 'A02', written 'A01; A02': {HOW}"),
        ("A01 & B1", f"buyers 'A01' and 'B1', written 'A01; B1': {HOW}"),
        ("A01+A02+B1", f"buyers 'A01', 'A02' and 'B1', written 'A01; A02; B1': {HOW}"),
        ("A01 and A02", f"buyers 'A01' and 'A02', written 'A01; A02': {HOW}"),
        ("a01/a02", f"buyers 'A01' and 'A02', written 'A01; A02': {HOW}"),
        ("A01/A02 & B1", f"buyers 'A01', 'A02' and 'B1', written 'A01; A02; B1': {HOW}"),
        ("X/1 & A01", f"buyers 'X/1' and 'A01', written 'X/1; A01': {HOW}"),
        ("Alpha / Beta", f"buyers 'A01' and 'A02' (given by id), written 'A01; A02': {HOW}"),
        ("A01/Z9", None),  # a part that is none of the chain's: no guess
        ("S9/A01", None),  # the supplier itself among them: no buyer of its own
    ],
)
def test_a_cell_joining_known_buyers_is_refused_with_them_named(
    tmp_path: Path, cell: str, suggestion: str | None
) -> None:
    [(message, found)] = _unknown(tmp_path, cell)
    assert message == f"supplier 'S9' names buyer {cell!r}, which is not in the chain"
    assert found == suggestion


def test_an_id_holding_a_slash_is_matched_as_written(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f"{HEAD}{ROWS}S9,Sigma,BD,X/1\n", "utf-8")
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    assert [p for p in found.items if p.severity == "error"] == []


def test_number_ids_joined_in_a_workbook(tmp_path: Path) -> None:
    path = write_book(
        tmp_path / "chain.xlsx",
        {
            "Suppliers": [
                ["id", "name", "country", "buyers"],
                [1001, "Alpha", "DE", None],
                [1002, "Beta", "DE", None],
                [2001, "Gamma", "BD", "1001/1002"],
            ]
        },
    )
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    [problem] = [p for p in found.items if p.type == "unknown-buyer"]
    assert problem.suggestion == f"buyers '1001' and '1002', written '1001; 1002': {HOW}"
    assert (problem.location.sheet, problem.location.row) == ("Suppliers", 4)
