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


def _unknown(tmp_path: Path, cell: str, rows: str = ROWS) -> list[tuple[str, str | None]]:
    path = tmp_path / "chain.csv"
    path.write_text(f'{HEAD}{rows}S9,Sigma,BD,"{cell}"\n', "utf-8")
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


# ids and names holding a joining word, beside ids of their parts
JOINED_ROWS = (
    f"{ROWS}Smith & Sons,Smith and Sons Ltd,DE,\nSmith,Smith Trading,DE,\nSons,Sons Export,DE,\n"
    "Y1,Textiles,DE,\nY2,Confecciones,DE,\nT1,Textiles y Confecciones SA,DE,\n"
)
SMITH_NAMED = (
    "'Smith & Sons', the id of the supplier named 'Smith and Sons Ltd': buyers are given by id"
)


@pytest.mark.parametrize(
    ("cell", "suggestion"),
    [
        # the whole cell matches one buyer (by name, spelling, case): never split
        ("Smith and Sons", SMITH_NAMED),
        ("Smith&Sons", "'Smith & Sons'"),
        ("Smith et Sons", "'Smith & Sons'"),
        ("smith / sons", "'Smith & Sons'"),
        (
            "Textiles y Confecciones",
            "'T1', the id of the supplier named 'Textiles y Confecciones SA': buyers are given"
            " by id",
        ),
        # the longest id or name first, from the left
        (
            "Smith & Sons & A01",
            f"buyers 'Smith & Sons' and 'A01', written 'Smith & Sons; A01': {HOW}",
        ),
        (
            "A01 & Smith & Sons",
            f"buyers 'A01' and 'Smith & Sons', written 'A01; Smith & Sons': {HOW}",
        ),
        (
            "Smith and Sons and A01",
            f"buyers 'Smith & Sons' and 'A01' (given by id), written 'Smith & Sons; A01': {HOW}",
        ),
        (
            "Smith & Sons/A02",
            f"buyers 'Smith & Sons' and 'A02', written 'Smith & Sons; A02': {HOW}",
        ),
        # no whole match: the parts
        ("Y1 y Y2", f"buyers 'Y1' and 'Y2', written 'Y1; Y2': {HOW}"),
        ("Sons / Smith", f"buyers 'Sons' and 'Smith', written 'Sons; Smith': {HOW}"),
    ],
)
def test_a_whole_match_comes_before_a_split_and_the_longest_part_first(
    tmp_path: Path, cell: str, suggestion: str
) -> None:
    [(message, found)] = _unknown(tmp_path, cell, JOINED_ROWS)
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
