"""Instances made column by column are the instances the constructor makes."""

from __future__ import annotations

from itertools import repeat

import pytest

from ddtool.errors import Location
from ddtool.propagation import Exposure
from ddtool.scoring import Score
from ddtool.slots import made_from_columns


def test_locations_made_from_columns_equal_constructed_ones() -> None:
    rows = [2, 3, 10]
    made = made_from_columns(
        Location,
        len(rows),
        file=repeat("a.xlsx"),
        sheet=repeat("Suppliers"),
        row=rows,
        column=repeat(None),
        line=repeat(None),
    )
    expected = [Location("a.xlsx", "Suppliers", row) for row in rows]
    assert made == expected
    assert [hash(m) for m in made] == [hash(e) for e in expected]
    assert [str(m) for m in made] == [str(e) for e in expected]
    with pytest.raises(AttributeError):
        made[0].row = 5  # type: ignore[misc]  # still frozen


def test_every_field_must_be_given() -> None:
    score = Score(0.5, 0.5, 0.25, "medium")
    with pytest.raises(AssertionError, match="every field of Exposure"):
        made_from_columns(Exposure, 1, score=[score], source=["S1"])
    [made] = made_from_columns(Exposure, 1, score=[score], source=["S1"], weighted=[0.1])
    assert made == Exposure(score, "S1", 0.1)
