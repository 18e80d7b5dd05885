"""A text in letters other than Latin is no placeholder.

values.is_placeholder asked is_unknown_text, whose key keeps ASCII letters only: a text in
Cyrillic, Chinese or Arabic letters folded to "", the key of a blank, and was read as a
placeholder. A buyer so written was told as a placeholder, and a sector, tier or number of
workers so written was dropped as a blank without a word. Such a text is read as written (an
unknown sector, a bad tier or number), and the placeholders are as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.profiles import load_profiles
from ddtool.sources import read_chain
from ddtool.sources.values import is_placeholder

PLACEHOLDERS = [
    # (the value, whether it says no more than a blank)
    ("-", True),
    ("—", True),
    ("?", True),
    ("\u200b", True),  # (a zero-width space: no letter or digit)
    ("n/a", True),
    ("N/A", True),
    ("n.d.", True),
    ("k.A.", True),
    ("unknown", True),
    ("inconnu", True),
    ("desconhecido", True),
    ("Текстиль", False),
    ("纺织", False),
    ("شركة الكاكاو", False),
    ("второй", False),
    ("A1", False),
    ("cotton", False),
]


@pytest.mark.parametrize(("value", "placeholder"), PLACEHOLDERS)
def test_only_a_placeholder_is_read_as_one(value: str, placeholder: bool) -> None:
    assert is_placeholder(value) is placeholder


def test_a_table_in_other_letters_is_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Tier,Workers\n"
        "A1,Ткацкая фабрика,Russia,Текстиль,второй,сто\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert sorted(problems.flatten(["type", "column"])) == [
        ["bad-number", "Workers"],
        ["bad-tier", "Tier"],
        ["unknown-sector", "Sector"],
    ]
    assert chain.suppliers[0].sector_raw == "Текстиль"
