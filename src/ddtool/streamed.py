"""Reading a large JSON object without holding all of it at once: its keys one by one, and the
items of its long lists one at a time, each handed to a function as soon as it is read.

A 10^5-supplier assessment is 158 MB of JSON and about 1.2 GB of Python objects read whole.
`ddtool diff` keeps a few fields of each supplier entry, and `ddtool assess --verify` compares
each entry and flag with the re-run's and keeps none, so neither needs the whole file in
memory. The standard library's decoder reads one value at a given place in the text
(`raw_decode`), which is all this needs.

Only what the file holds decides the result: the values read are those `json.loads` gives
(the same decoder), in the file's order. A text that is not a JSON object, names a key
twice, nests too deeply or holds an integer beyond 64 bits (which no JSON writer here could
write again) raises `NotStreamable`, for the caller to read it the usual way and report what
is wrong.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ddtool.reporters.json_report import INTEGERS


def _integer(text: str) -> int:
    value = int(text)  # (a ValueError beyond 4,300 digits)
    if value not in INTEGERS:
        raise ValueError(f"an integer beyond 64 bits ({len(text)} digits)")
    return value


_DECODER = json.JSONDecoder(parse_int=_integer)
_SPACE = json.decoder.WHITESPACE.match  # type: ignore[attr-defined]

# what to do with each item of a list: called with its position and the item
PerItem = Callable[[int, Any], Any]


class NotStreamable(ValueError):
    """The text is not a JSON object that can be read key by key (invalid or another type)."""


def as_text(data: bytes) -> str:
    """UTF-8 bytes (with or without a BOM) as text; NotStreamable when they are not UTF-8."""
    try:
        return data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as e:
        raise NotStreamable(str(e)) from e


def read_object(
    text: str,
    per_item: Mapping[str, PerItem] | None = None,
    stop_before: Collection[str] = (),
) -> dict[str, Any]:
    """The JSON object in `text`, read key by key.

    The items of a list under a key in `per_item` are passed to its function one by one as
    they are read (with their position), and the list holds what it returns. At the first
    key in `stop_before`, the keys read so far are returned, and the rest is not read.
    """
    per_item = per_item or {}
    try:
        i = _SPACE(text, 0).end()
        if text[i : i + 1] != "{":
            raise NotStreamable("not a JSON object")
        i = _SPACE(text, i + 1).end()
        document: dict[str, Any] = {}
        if text[i : i + 1] == "}":
            i += 1
        else:
            while True:
                if text[i : i + 1] != '"':
                    raise NotStreamable(f"a key expected at character {i}")
                key, i = _DECODER.raw_decode(text, i)
                if key in stop_before:
                    return document
                if key in document:  # json.loads keeps the last; items were handed out
                    raise NotStreamable(f"the key {key!r} appears twice")
                i = _SPACE(text, i).end()
                if text[i : i + 1] != ":":
                    raise NotStreamable(f"':' expected at character {i}")
                i = _SPACE(text, i + 1).end()
                each = per_item.get(key)
                if each is not None and text[i : i + 1] == "[":
                    document[key], i = _read_items(text, i + 1, each)
                else:
                    document[key], i = _DECODER.raw_decode(text, i)
                i = _SPACE(text, i).end()
                mark = text[i : i + 1]
                if mark == "}":
                    i += 1
                    break
                if mark != ",":
                    raise NotStreamable(f"',' or '}}' expected at character {i}")
                i = _SPACE(text, i + 1).end()
        i = _SPACE(text, i).end()
        if i != len(text):
            raise NotStreamable(f"extra data at character {i}")
    except NotStreamable:
        raise
    except RecursionError:
        raise NotStreamable("values nested too deeply") from None
    except ValueError as e:  # JSONDecodeError, or a number no writer takes
        raise NotStreamable(str(e)) from e
    return document


def _read_items(text: str, i: int, each: PerItem) -> tuple[list[Any], int]:
    """The items of the list whose '[' ends before i, each passed through `each`; and the
    place after its ']'."""
    kept: list[Any] = []
    keep = kept.append
    decode = _DECODER.raw_decode
    i = _SPACE(text, i).end()
    if text[i : i + 1] == "]":
        return kept, i + 1
    position = 0
    while True:
        item, i = decode(text, i)
        keep(each(position, item))
        position += 1
        mark = text[i : i + 1]
        if mark not in (",", "]"):  # whitespace (an indented file), or not JSON
            i = _SPACE(text, i).end()
            mark = text[i : i + 1]
        if mark == "]":
            return kept, i + 1
        if mark != ",":
            raise NotStreamable(f"',' or ']' expected at character {i}")
        i += 1
        if text[i : i + 1] in (" ", "\n", "\r", "\t"):
            i = _SPACE(text, i).end()
