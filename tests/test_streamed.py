"""Reading a JSON object key by key and its long lists item by item (ddtool.streamed)."""

from __future__ import annotations

import json
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
        '{"a":1,"a":[2]}',
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


_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
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
