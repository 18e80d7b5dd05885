"""Advice for an id given twice: one supplier of several buyers is given once, but two
suppliers sharing an id need another id. Before, two rows of different names, countries and
sectors were told to be merged, which for a row beneath the other made a cycle."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.assess import assess
from ddtool.errors import InputError

HEADER = "Supplier ID,Supplier name,Country,Sector,Buyer IDs\n"

CASES = [
    pytest.param(
        "A,Acme Trading,Spain,seafood trade,\nB,Beta,Spain,seafood trade,A\n"
        "A,Orsted Fishing,Taiwan,fishing vessels,B\n",
        "the two have different names, countries and sectors, so they look like two"
        " suppliers sharing one id: give one of them another id",
        id="two suppliers",
    ),
    pytest.param(
        "A,Acme Trading,Spain,seafood trade,\nB,Beta,Spain,seafood trade,\n"
        "A,acme trading,Spain,seafood trade,B\n",
        "a supplier of several buyers is given once; give 'A' once and add 'B' to its 'Buyer IDs'",
        id="one supplier of two buyers",
    ),
    pytest.param(
        "A,Acme,Spain,seafood trade,\nB,Beta,Spain,seafood trade,\nA,Acme,Portugal,,B\n",
        "the two have different countries, so they look like two suppliers",
        id="a country apart",
    ),
]


@pytest.mark.parametrize(("rows", "told"), CASES)
def test_the_advice_for_an_id_given_twice(tmp_path: Path, rows: str, told: str) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        assess([path])
    messages = [p.message for p in raised.value.problems if p.type == "duplicate-id"]
    assert len(messages) == 1 and told in messages[0]
