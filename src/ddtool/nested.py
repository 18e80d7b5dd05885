"""Walks over a user's own nested values (lists and mappings, such as a YAML key holding
`{visits: [{year: 2024}]}`) that never recurse: such a value may be nested as deep as a
file allows (libyaml reads 1,000 levels), deeper than Python recurses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _same(value: Any) -> Any:
    return value


def rebuilt(
    value: Any,
    leaf: Callable[[Any], Any],
    key: Callable[[Any], Any] = _same,
    keep: Callable[[Any], bool] | None = None,
) -> Any:
    """A copy of a value of nested lists and mappings (a tree: what a reader refuses of a
    value that holds itself is not given), each key of a mapping through `key` (those `keep`
    refuses left out, with their values) and every other value through `leaf`."""
    if not isinstance(value, dict | list):
        return leaf(value)
    top: dict[Any, Any] | list[Any] = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any]] = [(value, top)]
    while stack:
        source, target = stack.pop()
        if isinstance(source, dict):
            for name, item in source.items():
                if keep is not None and not keep(name):
                    continue
                target[key(name)] = _copy_of(item, leaf, stack)
        else:
            for item in source:
                target.append(_copy_of(item, leaf, stack))
    return top


def _copy_of(item: Any, leaf: Callable[[Any], Any], stack: list[tuple[Any, Any]]) -> Any:
    """An item's copy: a single value through `leaf`, a collection empty (filled from the
    stack)."""
    if isinstance(item, dict):
        copy: Any = {}
    elif isinstance(item, list):
        copy = []
    else:
        return leaf(item)
    stack.append((item, copy))
    return copy


def levels(value: Any, most: int) -> int:
    """How many levels of lists and mappings a value is (0 for a single value, 1 for
    `[1, 2]`, 2 for `{"a": [1]}`), counted no further than one past `most`; iterative."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > deepest:
            deepest = depth
            if depth > most:
                break
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


class _Written(str):
    """Text flow_text writes as it is (a bracket, a separator), not a value."""


def flow_text(value: Any, single: Callable[[Any], str]) -> str:
    """A value as YAML's flow style writes it, `{visits: [2024, 2025], note: ok}`, each
    single value (and key) through `single`; iterative."""
    parts: list[str] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, _Written):
            parts.append(item)
            continue
        if isinstance(item, dict):
            pieces: list[Any] = [_Written("{")]
            for index, (name, child) in enumerate(item.items()):
                pieces += [_Written((", " if index else "") + single(name) + ": "), child]
            pieces.append(_Written("}"))
        elif isinstance(item, list):
            pieces = [_Written("[")]
            for index, child in enumerate(item):
                pieces += [_Written(", ")] if index else []
                pieces.append(child)
            pieces.append(_Written("]"))
        else:
            parts.append(single(item))
            continue
        stack.extend(reversed(pieces))
    return "".join(parts)
