"""Many instances of a slotted dataclass at once, for the large-chain hot paths."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sized
from dataclasses import fields
from itertools import repeat
from typing import Any, TypeVar

T = TypeVar("T")


def made_from_columns(cls: type[T], count: int, **columns: Iterable[Any]) -> list[T]:
    """`count` instances of the slotted dataclass `cls`, field by field from the columns
    (one value per instance each; every field must be given).

    Made in a few C-level passes, without `__init__`: a frozen dataclass's `__init__` is a
    Python call setting each field through object.__setattr__, which on 10^5 suppliers costs
    more than the work the objects are made for.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    assert sorted(names) == sorted(columns), f"every field of {cls.__name__} once"
    assert all(len(c) == count for c in columns.values() if isinstance(c, Sized)), "lengths"
    made = list(map(object.__new__, repeat(cls, count)))
    slots = vars(cls)
    for name in names:
        deque(map(slots[name].__set__, made, columns[name]), maxlen=0)
    return made
