"""A number written as a range ("85-90%" migrant workers, "80 to 90" workers): said to be a
range, with the figure to write. Before, it was a bare "expected a number", where an
estimate ("approx. 90%") got guidance."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.profiles import load_profiles
from ddtool.sources import ReadOptions, read_chain


@pytest.mark.parametrize(
    ("header", "written", "told"),
    [
        ("% Migrant", "85-90%", "a range, not a figure; write one figure (the higher, 90%"),
        ("% Migrant", "85 - 90", "a range, not a figure; write one figure (the higher, 90"),
        ("Workers", "80 to 90", "a range, not a figure; write one figure (the higher, 90"),
        ("Workers", "1-2", "a range, not a figure; write one figure (the higher, 2,"),
        ("Workers", "ca. 300", "an estimate, not a figure; write the number (300)"),
        # a count of farms or families, as a tobacco leaf buyer's register writes its growers
        ("Workers", "1.200 pequenos produtores", "a count of farms, farmers or families is no"),
        ("Trabalhadores", "ca. 2.500 famílias", "a count of farms, farmers or families is no"),
        ("Workers", "350 smallholders", "a count of farms, farmers or families is no"),
    ],
)
def test_a_range_in_a_number_field_is_told(
    tmp_path: Path, header: str, written: str, told: str
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Country,Sector,{header}\nA,A,Qatar,construction,{written}\n",
        encoding="utf-8",
    )
    _, problems = read_chain([path], ReadOptions(), load_profiles())
    [problem] = [p for p in problems.items if p.type == "bad-number"]
    assert told in problem.message
