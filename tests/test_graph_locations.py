"""Graph problems of a YAML entry point at the line of its key; an unknown buyer's
suggestion is never the supplier's own id, and tells ids of digits apart by their zeros."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.sources import read_chain

BLOCK = """\
company:
  name: Acme
suppliers:
  - id: P1
    name: One
    country: GH
    sector: cocoa processing
    buyers: [P3]
  - id: P2
    name: Two
    country: GH
    sector: cocoa farming
    share: 0.5
    workers: 10
    buyers: [P2, P9]
  - id: P3
    name: Three
    country: GH
    sector: cocoa farming
    buyers:
      - P1
"""


def _graph_problems(path: Path) -> list[tuple[str, int | None, str | None, str | None]]:
    chain, _ = read_chain([path])
    problems = ProblemList()
    build_graph(chain, problems)
    return [(p.type, p.location.line, p.location.column, p.suggestion) for p in problems.items]


def test_graph_problems_point_at_the_line_of_the_key(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(BLOCK, encoding="utf-8")
    found = _graph_problems(path)
    assert ("self-loop", 15, "buyers", None) in found
    assert ("unknown-buyer", 15, "buyers", None) in found  # (P9: no id is near)
    assert [line for kind, line, *_ in found if kind == "cycle"] == [8]


ZEROS = "'0012' (ids are read as written: leading zeros count)"
COMPANY = "'ACME', the company's id (a blank buyers cell names it too)"


@pytest.mark.parametrize(
    ("rows", "company", "expected"),
    [
        # the supplier's own id in another case: following it would make a self-loop
        ("A1,Alpha,\nB1,Beta,b1\n", None, None),
        # ids of digits: '12' is not '0012', but probably meant it
        (
            "0012,Alpha,\nB1,Beta,12\n",
            None,
            "'0012' (ids are read as written: leading zeros count)",
        ),
        (
            "0012,Alpha,\n12x,Beta,12\n",
            None,
            "'0012' (ids are read as written: leading zeros count)",
        ),
        # the word 'company' where the company has an id of its own
        (
            "A1,Alpha,company\n",
            "ACME",
            "'ACME', the company's id (a blank buyers cell names it too)",
        ),
        # another supplier's id in another case: that one
        ("A1,Alpha,\nB1,Beta,a1\n", None, "'A1'"),
    ],
)
def test_an_unknown_buyers_suggestion(
    tmp_path: Path, rows: str, company: str | None, expected: str | None
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text("id,name,buyers\n" + rows, encoding="utf-8")
    chain, _ = read_chain([path])
    if company is not None:
        chain.company.id = company
    problems = ProblemList()
    build_graph(chain, problems)
    [unknown] = [p for p in problems.items if p.type == "unknown-buyer"]
    assert unknown.suggestion == expected


@pytest.mark.parametrize("buyer", ["①", "²", "١٢"])
def test_a_buyer_of_other_digits_is_unknown_without_a_failure(tmp_path: Path, buyer: str) -> None:
    """Digits of other scripts ('①', '²') are digits to str.isdigit, but no number to int."""
    path = tmp_path / "chain.csv"
    path.write_text(f"id,name,buyers\n0012,Alpha,\n²x,Beta,{buyer}\n", encoding="utf-8")
    chain, _ = read_chain([path])
    problems = ProblemList()
    build_graph(chain, problems)
    assert [p.type for p in problems.errors] == ["unknown-buyer"]


# a chain three tiers deep (S1 > S2 > S3) read within two tiers: S3 is the supplier too deep
TOO_DEEP_CASES = {
    # nested under S2, S3 has no 'buyers:' key: it was located at one ("line 8, key
    # 'buyers'"), a key not in the file
    "nested: at its id": (
        "suppliers:\n"
        "  - id: S1\n"
        "    suppliers:\n"
        "      - id: S2\n"
        "        suppliers:\n"
        "          - id: S3\n"
        "            name: Three\n",
        (6, "id"),
    ),
    "nested, its id not first: at its id": (
        "suppliers:\n"
        "  - id: S1\n"
        "    suppliers:\n"
        "      - id: S2\n"
        "        suppliers:\n"
        "          - name: Three\n"
        "            country: GH\n"
        "            id: S3\n",
        (8, "id"),
    ),
    "nested, naming a buyer too: at its buyers": (
        "suppliers:\n"
        "  - id: S1\n"
        "    suppliers:\n"
        "      - id: S2\n"
        "        suppliers:\n"
        "          - id: S3\n"
        "            buyers: [S1]\n",
        (7, "buyers"),
    ),
    "flat: at its buyers": (
        "suppliers:\n"
        "  - {id: S1}\n"
        "  - {id: S2, buyers: [S1]}\n"
        "  - id: S3\n"
        "    name: Three\n"
        "    buyers: [S2]\n",
        (6, "buyers"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), TOO_DEEP_CASES.values(), ids=TOO_DEEP_CASES)
def test_a_supplier_too_deep_is_located_at_a_key_it_has(
    tmp_path: Path, text: str, expected: tuple[int, str]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text("company: {name: Acme}\n" + text, encoding="utf-8")
    chain, _ = read_chain([path])
    problems = ProblemList()
    build_graph(chain, problems, max_tiers=2)
    found = [(p.location.line, p.location.column) for p in problems.items]
    assert found == [(expected[0] + 1, expected[1])]  # (+1: the company's line)
