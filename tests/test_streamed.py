"""Reading a JSON object key by key and its long lists item by item (ddtool.streamed)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddtool.streamed import NotStreamable, as_text, read_object


def _kept(_: int, item: Any) -> Any:
    return item


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        " \n{ }\n ",
        '{"a": 1}',
        '{"a":[1,2,3],"b":{"a":[1]}}',
        '{\n  "a": [\n    1,\n    {"x": [2]}\n  ],\n  "c": null\n}',
        '{"a":[]}',
        '{"a":[ \n ]}',
        '{"a":{"not":"a list"}}',
        '{"a":NaN,"b":[Infinity]}',
        '{"é":"ü","a":["\\u00e9\\"]"]}',
    ],
)
def test_reads_what_json_reads(text: str) -> None:
    assert read_object(text, {"a": _kept}) == json.loads(text)


@pytest.mark.parametrize(
    "text",
    ["", "[]", '"x"', "{", '{"a"}', '{"a":1,}', '{"a":[1,]}', '{"a":[1 2]}', '{"a":1} x'],
)
def test_refuses_what_is_not_a_json_object(text: str) -> None:
    with pytest.raises(NotStreamable):
        read_object(text, {"a": _kept})


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"a":1,"b":2,"a":[3]}', "the key 'a' appears twice"),
        ('{"a":[' + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deeply"),
        ('{"a":[1180591620717411303424]}', "an integer beyond 64 bits (22 digits)"),
        ('{"b":-9223372036854775809}', "an integer beyond 64 bits"),
        ('{"b":' + "1" * 5000 + "}", "4300"),
        ('{"a":1}  \n x', "extra data at character 11"),
    ],
)
def test_says_why_it_refuses(text: str, reason: str) -> None:
    with pytest.raises(NotStreamable, match=re.escape(reason)):
        read_object(text, {"a": _kept})


@pytest.mark.parametrize("number", [2**64 - 1, -(2**63), 0, -1])
def test_reads_every_64_bit_integer(number: int) -> None:
    assert read_object(f'{{"a":[{number}]}}', {"a": _kept}) == {"a": [number]}


@pytest.mark.parametrize(
    "text", ['{"a":1', '{"a":[1', '{"a":[1,', "{1:2}", '{"a" 1}', '{"a":[1]', '{"a":1 "b":2}']
)
def test_refuses_a_cut_or_broken_object(text: str) -> None:
    with pytest.raises(NotStreamable):
        read_object(text, {"a": _kept})


def test_each_item_goes_through_its_function_with_its_position() -> None:
    seen: list[tuple[int, Any]] = []

    def keep_id(i: int, item: Any) -> Any:
        seen.append((i, item))
        return item["id"]

    text = '{"before":[{"id":0}],"items":[{"id":"a","x":1},\n {"id":"b"}],"after":2}'
    assert read_object(text, {"items": keep_id}) == {
        "before": [{"id": 0}],
        "items": ["a", "b"],
        "after": 2,
    }
    assert seen == [(0, {"id": "a", "x": 1}), (1, {"id": "b"})]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ('{"a":1,"b":[2],"c":3}', {"a": 1}),
        ('{"b":[2],"c":3}', {}),
        ('{"a":1,"c":3}', {"a": 1, "c": 3}),
        ('{"a":1,"b":[2,', {"a": 1}),  # what follows is not read, so not checked
    ],
)
def test_stops_before_a_key(text: str, read: dict[str, Any]) -> None:
    assert read_object(text, stop_before=("b",)) == read


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b'{"a":1}', '{"a":1}'),
        (b'\xef\xbb\xbf{"a":1}', '{"a":1}'),
        ('{"a":"é"}'.encode(), '{"a":"é"}'),
    ],
)
def test_as_text_drops_a_bom(data: bytes, text: str) -> None:
    assert as_text(data) == text


def test_as_text_refuses_what_is_not_utf8() -> None:
    with pytest.raises(NotStreamable):
        as_text(b'{"name": "Soci\xe9t\xe9"}')


_INTEGERS = st.integers(min_value=-(2**63), max_value=2**64 - 1)  # what JSON writers take
_SCALARS = st.none() | st.booleans() | _INTEGERS | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(
    st.dictionaries(st.sampled_from(["a", "b", "c", "items"]), _VALUES, max_size=4),
    st.sampled_from([None, 0, 1, 2, "\t"]),
    st.booleans(),
)
def test_any_object_reads_as_json_reads_it(
    document: dict[str, Any], indent: int | str | None, ascii_only: bool
) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    counted: list[int] = []

    def counting(i: int, item: Any) -> Any:
        counted.append(i)
        return item

    assert read_object(text, {"items": counting}) == json.loads(text)
    items = document.get("items")
    assert counted == (list(range(len(items))) if isinstance(items, list) else [])


_BEYOND = st.integers(min_value=2**64) | st.integers(max_value=-(2**63) - 1)


@given(_BEYOND, st.booleans())
def test_an_integer_beyond_64_bits_is_refused_wherever_it_is(number: int, in_list: bool) -> None:
    text = json.dumps({"a": [1, {"b": number}]} if in_list else {"c": number})
    with pytest.raises(NotStreamable, match="beyond 64 bits"):
        read_object(text, {"a": _kept})
