"""A number column exported as text ('1001.0', as a CSV of a spreadsheet or a data frame
writes it) holds the ids a workbook's number cells give: '1001'."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import read_chain
from ddtool.sources.values import as_id


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1001.0", "1001"),
        (" 1001.0 ", "1001"),
        (1001.0, "1001"),
        ("1001.00", "1001.00"),  # (no spreadsheet writes a number so: kept as written)
        ("1.05", "1.05"),
        ("A1.0", "A1.0"),
        ("v2.0", "v2.0"),
        ("١٠٠١.0", "١٠٠١.0"),  # (digits of another script: no number a spreadsheet writes)
        (".0", ".0"),
    ],
)
def test_as_id(written: object, expected: str) -> None:
    assert as_id(written) == expected


@pytest.mark.parametrize(
    ("rows", "links", "errors"),
    [
        # ids and buyers both exported as numbers: linked as in the workbook
        ("1001.0,Foo,\n1002.0,Bar,1001.0\n", {"1002": ["1001"]}, []),
        # ids exported as numbers, buyers typed: linked
        ("1001.0,Foo,\n1002.0,Bar,1001\n", {"1002": ["1001"]}, []),
        # '1001.0' and '1001' are one id: used twice
        ("1001.0,Foo,\n1001,Dup,\n", {}, ["duplicate-id"]),
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
