"""The walks over a user's own nested values copy, measure and write them at any depth,
without recursion."""

from __future__ import annotations

from typing import Any

import pytest

from ddtool.nested import flow_text, levels, rebuilt


def _lists(depth: int, inner: Any = 1) -> Any:
    value = inner
    for _ in range(depth):
        value = [value]
    return value


def _maps(depth: int) -> Any:
    value: Any = "end"
    for _ in range(depth):
        value = {"a": value, "#": 0}
    return value


# a value and its levels, by what it is
LEVELS = {
    "a single value": (1, 0),
    "an empty list": ([], 1),
    "a list in a list": ([1, [2]], 2),
    "a mapping in a list in a mapping": ({"a": [{}]}, 3),
    "10,000 lists": (_lists(10_000), 10_000),
}


@pytest.mark.parametrize(("value", "expected"), LEVELS.values(), ids=LEVELS)
def test_levels_are_counted_at_any_depth(value: Any, expected: int) -> None:
    assert levels(value, 20_000) == expected


def test_levels_are_counted_no_further_than_one_past_the_most() -> None:
    assert levels(_lists(10_000), 200) == 201


def test_a_value_10000_deep_is_copied_its_keys_and_single_values_through_functions() -> None:
    copied = rebuilt(_maps(10_000), str.upper, str.upper, lambda key: key != "#")
    depth = 0
    while isinstance(copied, dict):
        assert list(copied) == ["A"]
        copied, depth = copied["A"], depth + 1
    assert (copied, depth) == ("END", 10_000)


def test_a_copy_is_new_and_in_order() -> None:
    value = {"b": [1, {"c": [2, 3]}], "a": []}
    copied = rebuilt(value, lambda v: v * 10)
    assert copied == {"b": [10, {"c": [20, 30]}], "a": []}
    assert list(copied) == ["b", "a"] and copied["a"] is not value["a"]


FLOW = [
    ([], "[]"),
    ({}, "{}"),
    (["x", "y"], "[x, y]"),
    ({"a": 1, "b": [None, {"c": "d"}]}, "{a: 1, b: [None, {c: d}]}"),
    (_lists(3, "x"), "[[[x]]]"),
]


@pytest.mark.parametrize(("value", "expected"), FLOW, ids=[f for _, f in FLOW])
def test_flow_text_writes_a_value_as_yamls_flow_style(value: Any, expected: str) -> None:
    assert flow_text(value, str) == expected


def test_flow_text_writes_a_value_10000_deep() -> None:
    assert flow_text(_lists(10_000), str) == "[" * 10_000 + "1" + "]" * 10_000
