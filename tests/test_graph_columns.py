"""A problem the graph finds in a table names the column as the table heads it, and a share
problem points at a share cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.sources import read_chain

GERMAN = (
    "Lieferanten-Nr;Lieferant;Land;Liefert an;Stufe;Anteil\n"
    "L1;Alpha;DE;;1;\n"
    "L2;Beta;BD;L9;1;\n"  # an unknown buyer
    "L1;Gamma;BD;L2;2;\n"  # a reused id
    "L3;Delta;BD;L3;2;\n"  # its own buyer
    "L4;Epsilon;BD;L1;3;\n"  # tier 2 by its buyer
    "L5;Zeta;BD;L1;2;0.7\n"
    "L6;Eta;BD;L1;2;0.6\n"  # with L5's, more than the whole
)


@pytest.mark.parametrize(
    ("problem", "row", "column"),
    [
        ("duplicate-id", 4, "Lieferanten-Nr"),
        ("unknown-buyer", 3, "Liefert an"),
        ("self-loop", 5, "Liefert an"),
        ("tier-mismatch", 6, "Stufe"),
        ("shares-over-one", 7, "Anteil"),
    ],
)
def test_graph_problems_name_the_tables_own_header(
    tmp_path: Path, problem: str, row: int, column: str
) -> None:
    path = tmp_path / "lieferanten.csv"
    path.write_text(GERMAN, "utf-8")
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    assert [(p.location.row, p.location.column) for p in found.items if p.type == problem] == [
        (row, column)
    ]


def test_yaml_problems_keep_the_key_and_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text("suppliers:\n  - {id: A, name: Alpha, buyers: [Z]}\n", "utf-8")
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    [problem] = found.items
    assert (problem.type, problem.location.column, problem.location.line) == (
        "unknown-buyer",
        "buyers",
        2,
    )


@pytest.mark.parametrize(
    ("ids", "warned"),
    [
        (["A-1", "a-1"], [(3, "'A-1' and 'a-1'")]),
        (["A-1", "B-1", "a-1", "b-1"], [(4, "'A-1' and 'a-1'"), (5, "'B-1' and 'b-1'")]),
        (["A-1", "B-1"], []),
        (["Straße", "STRASSE"], [(3, "'Straße' and 'STRASSE'")]),  # (casefold: ß is ss)
    ],
)
def test_ids_that_differ_only_in_case_are_warned(
    tmp_path: Path, ids: list[str], warned: list[tuple[int, str]]
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name\n" + "".join(f"{i},Name {i}\n" for i in ids), "utf-8"
    )
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    got = [(p.location.row, p.message) for p in found.items if p.type == "ids-differ-in-case"]
    assert [row for row, _ in got] == [row for row, _ in warned]
    assert all(pair in message for (_, message), (_, pair) in zip(got, warned, strict=True))
    assert all(p.severity == "warning" for p in found.items)
