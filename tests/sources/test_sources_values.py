"""Values as people write them in spreadsheets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from ddtool.sources.values import (
    ValueProblem,
    as_id,
    fraction_column,
    parse_date,
    parse_int,
    parse_number,
    parse_pct,
    parse_share,
    parse_tier,
    split_list,
)


def pct_table(value: Any) -> float:
    return parse_pct(value, fraction_allowed=True)


def pct_yaml(value: Any) -> float:
    return parse_pct(value, fraction_allowed=False)


VALUES: list[tuple[Callable[[Any], Any], Any, Any]] = [
    (parse_number, "71.0%", (71.0, True)),
    (parse_number, "12 %", (12.0, True)),
    (parse_number, "1,200", (1200.0, False)),
    (parse_number, "1.200,5", (1200.5, False)),
    (parse_number, "1,200.5", (1200.5, False)),
    (parse_number, "0,6", (0.6, False)),
    (parse_number, "12\u00a0000", (12000.0, False)),
    (parse_number, 3, (3.0, False)),
    (pct_table, "71.0%", 71.0),
    (pct_table, "12 %", 12.0),
    (pct_table, 0.71, 71.0),
    # a table's text is read as typed: its column tells whether it holds fractions
    (pct_table, "0.71", 0.71),
    (pct_table, "0,71", 0.71),
    (pct_table, "0.71%", 0.71),
    (pct_table, "1", 1.0),
    (pct_yaml, "0.71", 0.71),
    (pct_table, 45, 45.0),
    (pct_yaml, 0.71, 0.71),
    (parse_share, "60%", 0.6),
    (parse_share, "0,6", 0.6),
    (parse_share, 0.6, 0.6),
    (parse_int, "1,200", 1200),
    (parse_int, 1200.0, 1200),
    (parse_tier, "Tier 2", 2),
    (parse_tier, "T3", 3),
    (parse_tier, "Fabric mill", 2),
    (parse_tier, "Spinning mill", 3),
    (parse_tier, "Final assembly", 1),
    (parse_tier, 4.0, 4),
    (parse_tier, 99, 99),
    (parse_tier, "Tier 007", 7),
    (parse_tier, "Tier 0 fabric mill", 2),  # no tier 0: the words give it
    (parse_tier, "ISO 9001 fabric mill", 2),  # nor tier 9001
    # numbers written as text, as a CSV or a text cell holds them
    (parse_tier, "2", 2),
    (parse_tier, "02", 2),
    (parse_tier, "2.0", 2),
    (parse_tier, "2,0", 2),
    (parse_tier, "+3", 3),
    (parse_tier, "000002", 2),
    (parse_date, "14.03.2025", dt.date(2025, 3, 14)),
    (parse_date, "2025-03-14", dt.date(2025, 3, 14)),
    (parse_date, "14/03/2025", dt.date(2025, 3, 14)),
    (parse_date, "2025-03-14T09:30:00", dt.date(2025, 3, 14)),
    (parse_date, dt.datetime(2025, 3, 14, 9, 30), dt.date(2025, 3, 14)),
    (as_id, 1001.0, "1001"),
    (as_id, " S-1 ", "S-1"),
    (split_list, "A; B, C|D", ["A", "B", "C", "D"]),
    (split_list, 1001.0, ["1001"]),
    (split_list, None, []),
]


@pytest.mark.parametrize(
    ("parse", "value", "expected"),
    VALUES,
    ids=[f"{p.__name__}-{v!r}" for p, v, _ in VALUES],
)
def test_values(parse: Callable[[Any], Any], value: Any, expected: Any) -> None:
    assert parse(value) == (pytest.approx(expected) if isinstance(expected, float) else expected)


# (a percentage column's values; whether it holds fractions, read as a spreadsheet holds them)
FRACTION_COLUMNS: list[tuple[list[Any], bool]] = [
    (["0.95", "0.9", "0.45"], True),
    (["0", "1", "0.5", "0.2"], True),
    ([0.45, "1", None], True),
    (["0.5", "n/a"], True),  # (a text of no number is its own problem)
    (["0.5", "1.5", "2", "0.8"], False),  # a number above 1: percentages
    (["0.5", "40"], False),
    ([0.5, 40], False),
    (["0.5", "40%"], False),  # written with '%': a percent
    (["0.5%", "0.3"], False),
    (["1", "0"], False),  # none between 0 and 1: whole percentages
    (["-0.5"], False),
    ([], False),
]


@pytest.mark.parametrize(("values", "fractions"), FRACTION_COLUMNS)
def test_a_column_holds_fractions_only_with_no_number_above_1(
    values: list[Any], fractions: bool
) -> None:
    assert fraction_column(values) is fractions


BAD_VALUES: list[tuple[Callable[[Any], Any], Any]] = [
    (parse_number, "abc"),
    (parse_number, True),
    (parse_number, float("nan")),
    (parse_number, "1e999"),
    (parse_int, "12.5"),
    (parse_int, "12%"),
    (parse_tier, "Tier 0"),
    (parse_tier, "warehouse"),
    (parse_tier, 0),
    (parse_tier, 100),
    (parse_tier, 1e30),
    (parse_tier, "Tier 100"),
    (parse_tier, "Tier 123456789012345678901234567890"),
    (parse_tier, "T" + "9" * 5000),  # more digits than int() reads
    (parse_tier, "ISO 9001"),
    (parse_tier, 10**400),  # beyond any float
    (parse_tier, 1.5),
    # the same numbers written as text are no tier either (not tier 2, 1 or 1)
    (parse_tier, "2.5"),
    (parse_tier, "-1"),
    (parse_tier, "1e1"),
    (parse_tier, "0"),
    (parse_tier, "100"),
    (parse_tier, ".5"),
    (parse_number, 10**400),
    (parse_date, "14th March"),
    (parse_date, "2025-02-30"),
]


@pytest.mark.parametrize(
    ("parse", "value"), BAD_VALUES, ids=[f"{p.__name__}-{v!r}" for p, v in BAD_VALUES]
)
def test_bad_values_raise_value_problem(parse: Callable[[Any], Any], value: Any) -> None:
    with pytest.raises(ValueProblem):
        parse(value)


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (45000, "as a spreadsheet counts days it is 2023-03-15"),
        (45000.0, "as a spreadsheet counts days it is 2023-03-15"),
        (12.5, None),
        (3, None),
        (float("nan"), None),
        (True, None),
    ],
)
def test_a_date_cell_that_lost_its_format_is_told(value: Any, hint: str | None) -> None:
    """45000 in an audit date column: a date cell without its date format, never guessed."""
    with pytest.raises(ValueProblem) as raised:
        parse_date(value)
    assert (hint in str(raised.value)) if hint else ("spreadsheet" not in str(raised.value))
