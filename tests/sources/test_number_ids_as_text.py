"""A number column exported as text ('1001.0', as a CSV of a spreadsheet or a data frame
writes it) holds the ids a workbook's number cells give: '1001'."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import read_chain
from ddtool.sources.values import as_id, whole_numbers


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (["1001.0", "1002.0"], ["1001", "1002"]),
        (["1001.0", "1001", ""], ["1001", "1001", ""]),
        (["1001", "1002"], None),  # (nothing to read otherwise)
        (["1.0", "1.1", "1"], None),  # (a version or an outline number: kept as written)
        (["1001.00"], None),  # (no spreadsheet writes a number so)
        (["A1.0", "1.0"], None),
        (["١٠٠١.0"], None),  # (digits of another script: no number a spreadsheet writes)
        ([".0"], None),
    ],
)
def test_whole_numbers(written: list[str], expected: list[str] | None) -> None:
    assert whole_numbers(written) == expected


def test_as_id_reads_a_number_not_a_text() -> None:
    assert (as_id(1001.0), as_id("1001.0"), as_id(" 1.0 ")) == ("1001", "1001.0", "1.0")


@pytest.mark.parametrize(
    ("rows", "links", "errors"),
    [
        # ids and buyers both exported as numbers: linked as in the workbook
        ("1001.0,Foo,\n1002.0,Bar,1001.0\n", {"1002": ["1001"]}, []),
        # ids exported as numbers, buyers typed: linked
        ("1001.0,Foo,\n1002.0,Bar,1001\n", {"1002": ["1001"]}, []),
        # '1001.0' and '1001' are one id: used twice
        ("1001.0,Foo,\n1001,Dup,\n", {}, ["duplicate-id"]),
        # ids typed, buyers exported as numbers: linked
        ("1001,Foo,\n1002,Bar,1001.0\n", {"1002": ["1001"]}, []),
        # outline numbers: '1.0' is not '1'
        ("1.0,Alpha,\n1.1,Beta,1.0\n1,Gamma,1.0\n", {"1.1": ["1.0"], "1": ["1.0"]}, []),
    ],
)
def test_number_ids_written_as_text(
    tmp_path: Path, rows: str, links: dict[str, list[str]], errors: list[str]
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text("Supplier ID,Supplier name,Buyer ID\n" + rows, encoding="utf-8")
    chain, problems = read_chain([path])
    from ddtool.graph import build_graph

    build_graph(chain, problems)
    assert [p.type for p in problems.errors] == errors
    for supplier in chain.suppliers:
        assert supplier.buyers == links.get(supplier.id, supplier.buyers)


@pytest.mark.parametrize(
    ("files", "links"),
    [
        # ids and buyers of two files written as numbers: the second names the first's ids
        (
            {
                "a.csv": "1001.0,Farm A,\n1002.0,Farm B,\n",
                "b.csv": "2001.0,Coop C,1001.0\n2002.0,Coop D,1002.0\n",
            },
            {"2001": ["1001"], "2002": ["1002"]},
        ),
        # the company's id named as the ids are written
        ({"a.csv": "1001.0,Farm A,5000.0\n"}, {"1001": ["5000"]}),
    ],
)
def test_number_ids_across_files_and_the_company(
    tmp_path: Path, files: dict[str, str], links: dict[str, list[str]]
) -> None:
    from ddtool.graph import build_graph

    company = tmp_path / "company.yaml"
    company.write_text("company:\n  name: Acme\n  id: 5000\nsuppliers: []\n", encoding="utf-8")
    paths = [company]
    for name, rows in files.items():
        path = tmp_path / name
        path.write_text("Supplier ID,Supplier name,Buyer ID\n" + rows, encoding="utf-8")
        paths.append(path)
    chain, problems = read_chain(paths)
    build_graph(chain, problems)
    assert not problems.errors
    assert {s.id: s.buyers for s in chain.suppliers if s.buyers} == links
