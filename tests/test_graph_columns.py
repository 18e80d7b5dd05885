"""A problem the graph finds in a table names the column as the table heads it, and a share
problem points at a share cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
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


@pytest.mark.parametrize(
    ("rows", "warned"),
    [
        # one name (case aside), country (as written or as its code) and sector: warned at
        # the second, naming both
        (
            ["A1,Kakao Coop,CIV,cocoa-farming", "A2,KAKAO COOP,CI,cocoa-farming"],
            [(3, "'A1' and 'A2'")],
        ),
        # another country, another sector, another name: told apart
        (["A1,Kakao Coop,CIV,cocoa-farming", "A2,Kakao Coop,GHA,cocoa-farming"], []),
        (["A1,Kakao Coop,CIV,cocoa-farming", "A2,Kakao Coop,CIV,cocoa-trading"], []),
        (["A1,Kakao Coop,CIV,cocoa-farming", "A2,Kakao Coop 2,CIV,cocoa-farming"], []),
        # runs of spaces (a no-break space among them) aside
        (
            ["A1,Kakao  Coop,CIV,cocoa-farming", "A2,Kakao\u00a0Coop ,CIV,cocoa-farming"],
            [(3, "'A1' and 'A2'")],
        ),
        # sectors not known: told apart as written, and named as written when alike
        (["A1,Widget Co,DEU,widget making", "A2,Widget Co,DEU,gadget polishing"], []),
        (
            ["A1,Widget Co,DEU,widget making", "A2,Widget Co,DEU,Widget  Making"],
            [(3, "sector (widget making)")],
        ),
        # ids that differ only in case are told as that (ids-differ-in-case), not twice
        (["A-1,Kakao Coop,CIV,cocoa-farming", "a-1,Kakao Coop,CIV,cocoa-farming"], []),
        # one warning per name, country and sector, in the order of the rows they are at
        (
            [
                "A1,Farm,CIV,cocoa-farming",
                "A2,Mill,GHA,cocoa-processing",
                "A3,Mill,GHA,cocoa-processing",
                "A4,Farm,CIV,cocoa-farming",
                "A5,Farm,GHA,cocoa-farming",
                "A6,Farm,GHA,cocoa-farming",
            ],
            [(4, "'A2' and 'A3'"), (5, "'A1' and 'A4'"), (7, "'A5' and 'A6'")],
        ),
        # no name: nothing to compare
        (["A1,,CIV,cocoa-farming", "A2,,CIV,cocoa-farming"], []),
        # one country and sector not given are alike too
        (["A1,Mill,,", "A2,Mill,,"], [(3, "'A1' and 'A2'")]),
        # many alike: one warning, five ids named and the count of the rest
        (
            [f"F{i},Farm,GHA,cocoa-farming" for i in range(1, 8)],
            [(3, "7 suppliers 'F1', 'F2', 'F3', 'F4', 'F5' and 2 more")],
        ),
    ],
)
def test_suppliers_alike_by_name_country_and_sector_are_warned(
    tmp_path: Path, rows: list[str], warned: list[tuple[int, str]]
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text("Supplier ID,Supplier name,Country,Sector\n" + "\n".join(rows) + "\n", "utf-8")
    chain, _problems = read_chain([path])
    found = ProblemList()
    build_graph(chain, found)
    got = [p for p in found.items if p.type == "possible-duplicate"]
    assert [(p.location.row, p.location.column) for p in got] == [
        (row, "Supplier name") for row, _ in warned
    ]
    assert all(ids in p.message for p, (_, ids) in zip(got, warned, strict=True))
    assert all(p.severity == "warning" for p in found.items)


def test_a_possible_duplicate_in_yaml_is_at_the_line_of_its_name(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Buyer}\n"
        "suppliers:\n"
        "  - id: A1\n"
        "    name: Kakao Coop\n"
        "    country: CIV\n"
        "  - id: A2\n"
        "    country: CIV\n"
        "    name: Kakao Coop\n",
        "utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    (warning,) = [p for p in report["problems"] if p["type"] == "possible-duplicate"]
    assert warning["location"]["line"] == 8
    assert "suppliers 'A1' and 'A2' have the same name 'Kakao Coop'" in warning["message"]
