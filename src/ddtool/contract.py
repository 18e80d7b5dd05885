"""What every assessment JSON that ddtool writes holds (schema 1.x and 2.x alike), checked in a
saved file before `ddtool report` renders it and before `ddtool diff` compares it: what is
missing, of the wrong type, out of range, named twice, pointing nowhere, miscounted or of a
level its priority does not have is an error that says where (`$.flags[12].priority: a
number from 0 to 1 expected, got "high"`), not a failure halfway through the outputs, nor a
report that quietly shows something else.

A report reads every part, so it needs every part (`complete`). A diff reads what identifies
flags and suppliers and shows the rest with defaults, so it needs only the ids and the flags'
levels; but what a file does hold must still be of its type, each id must be there once and
each reference must lead somewhere. `assess --verify` checks the saved file as a diff does
(as it reads it once, after the re-run: `Streamed`), says what is wrong with it before
anything of its inputs, and compares the rest with the re-run as it is.

The parts are described once, as data (`Record`, `ListOf`, `PerKey`, `Catalogue` of `Scalar`
and `Number` values), and each description checks in two ways: a whole column of values at
once, in passes at C level (`all_good`), and value by value, only where those passes find
something wrong, to say where (`problems`). The passes read each object twice (its keys, its
values) and each value once or twice: the 10^5 suppliers and 243,000 flags of a large chain
(some 7 million values) take about 2 s for a report, 1 s for a diff, against 2.5 s to read
the file."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from itertools import chain, compress, filterfalse, pairwise, repeat, starmap
from math import isfinite
from operator import contains, eq, is_, itemgetter, methodcaller
from pathlib import Path
from typing import Any

from ddtool.collector import collector_paused
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.nested import levels
from ddtool.sources.interface import MOST_MAX_DEPTH

_SHOWN = 10  # problems listed; the rest are counted
# entries of a long list checked together; a chunk with a problem is looked at entry by
# entry (which takes about a second for 10^5 entries)
_CHUNK = 50_000
_NONE: type = type(None)
_keys = dict.keys
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

Found = tuple[str, str]  # a place (`$.flags[3].level`) and what is wrong there


def _shown(value: Any) -> str:
    """A value as the file has it, cut short: `"high"`, `null`, `NaN`, `{}`."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):  # (not from a JSON file)
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _key_place(where: str, key: str) -> str:
    """`$.summary.flags` for a plain key, `$.evidence["EV-1"]` for any other."""
    return f"{where}.{key}" if _PLAIN_KEY.fullmatch(key) else f"{where}[{_shown(key)}]"


def _names(keys: Iterable[str]) -> str:
    return ", ".join(map(repr, keys))


def _without_nulls(values: list[Any]) -> list[Any]:
    return list(filterfalse(partial(is_, None), values))


# Columns kept as they are checked, by their path (".supplier_id", ".exposure.*.from",
# ".buyers[]"): the references and counts read them, not every entry again.
Sink = dict[str, list[Any]]


def _keep(sink: Sink | None, at: str, values: list[Any]) -> None:
    if sink is not None and at in sink:
        sink[at].extend(values)


def _by_shape(values: list[Any]) -> list[tuple[tuple[str, ...], list[Any]]] | None:
    """Objects in groups of one shape (the same keys in the same order), each with its keys;
    None when one of the values is no object.

    All that ddtool writes of one kind has one shape, or a few (an inferred flag has
    `expected`). The keys of the objects of one size are laid end to end: when the i-th of
    each n keys is the first object's i-th, all have its shape, found in one pass."""
    try:
        lengths = list(map(len, values))
        widths = set(lengths)
        groups = []
        for width in widths:
            group = (
                values
                if len(widths) == 1
                else list(compress(values, map(eq, lengths, repeat(width))))
            )
            keys = list(chain.from_iterable(map(_keys, group)))
            shape = tuple(group[0])
            if _one_shape(keys, shape, len(group)):
                groups.append((shape, group))
            else:  # (the same keys in another order, or others: written by hand)
                shapes = list(map(tuple, map(_keys, group)))
                groups += [
                    (each, list(compress(group, map(eq, shapes, repeat(each)))))
                    for each in dict.fromkeys(shapes)
                ]
    except TypeError:  # (no object: no length, or no keys)
        return None
    return groups


def _one_shape(keys: list[str], shape: tuple[str, ...], count: int) -> bool:
    width = len(shape)
    return len(keys) == width * count and all(
        keys[i::width].count(key) == count for i, key in enumerate(shape)
    )


class Spec:
    """What a value holds; checks a column of such values at once, or one value."""

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        """Whether every value is good, found in passes at C level (False may also mean:
        look closer, value by value). The columns `sink` asks for are kept in it."""
        raise NotImplementedError

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        """What is wrong with one value, each with its place."""
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Spec):
    """A value of one of some types; with `choices`, one of those (or null, when null is
    among the types); with `filled`, not empty; with `form`, a value other than null that
    `form` finds of its form (a date, a year: read once for each distinct value)."""

    what: str
    types: frozenset[type]
    choices: frozenset[str] | None = None
    filled: bool = False
    form: Callable[[Any], bool] | None = None

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        _keep(sink, at, values)
        if self.choices is not None:  # (only texts, or null, are among the choices)
            try:
                return set(values) <= self.choices | ({None} if _NONE in self.types else set())
            except TypeError:  # (not hashable)
                return False
        if not set(map(type, values)) <= self.types:
            return False
        if self.form is not None:  # (texts and numbers: the types hold nothing else)
            distinct = set(values)
            distinct.discard(None)
            if not all(map(self.form, distinct)):
                return False
        return not self.filled or all(values)

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        good = type(value) in self.types and bool(value or not self.filled)
        if good and self.choices is not None and value is not None:
            good = value in self.choices  # (a text: its type is checked first)
        if good and self.form is not None and value is not None:
            good = self.form(value)
        if not good:
            yield where, f"{self.what} expected, got {_shown(value)}"


def _finite(numbers: Iterable[float]) -> bool:
    """(An integer is finite, however long: isfinite cannot take one beyond a float.)"""
    try:
        return all(map(isfinite, numbers))
    except OverflowError:
        return all(isfinite(n) for n in numbers if type(n) is float)


@dataclass(frozen=True)
class Number(Spec):
    """A finite number (a boolean is none), from `low` to `high` where given; with `whole`,
    an integer; with `null`, or null."""

    what: str
    low: float | None = None
    high: float | None = None
    whole: bool = False
    null: bool = False
    types: frozenset[type] = field(init=False)

    def __post_init__(self) -> None:
        kinds = {int} if self.whole else {int, float}
        object.__setattr__(self, "types", frozenset(kinds | ({_NONE} if self.null else set())))

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        _keep(sink, at, values)
        types = set(map(type, values))
        if not types <= self.types:
            return False
        # the figures repeat (rounded to 4 decimals): their distinct values are few; NaN
        # and the infinities are not finite
        distinct = set(_without_nulls(values) if _NONE in types else values)
        return not distinct or (
            _finite(distinct)
            and (self.low is None or min(distinct) >= self.low)
            and (self.high is None or max(distinct) <= self.high)
        )

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if value is None and self.null:
            return
        good = type(value) in self.types - {_NONE} and _finite([value])
        if not (
            good
            and (self.low is None or value >= self.low)
            and (self.high is None or value <= self.high)
        ):
            yield where, f"{self.what} expected, got {_shown(value)}"


@dataclass(frozen=True)
class ListOf(Spec):
    """A list of values of one kind."""

    item: Spec

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        if not set(map(type, values)) <= {list}:
            return False
        return self.item.all_good(list(chain.from_iterable(values)), complete, sink, at + "[]")

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if type(value) is not list:
            yield where, f"a list expected, got {_shown(value)}"
            return
        for i, item in enumerate(value):
            yield from self.item.problems(f"{where}[{i}]", item, complete)


@dataclass(frozen=True)
class PerKey(Spec):
    """An object with one value for each of some keys, and no other (a score per risk
    type, a count per level)."""

    keys: tuple[str, ...]
    name: str  # what a key is: "risk type", "level"
    value: Spec

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        groups = _by_shape(values)
        if groups is None or any(
            len(shape) != len(self.keys) or set(shape) != set(self.keys) for shape, _ in groups
        ):
            return False
        flat = list(chain.from_iterable(map(dict.values, values)))
        return self.value.all_good(flat, complete, sink, at + ".*")

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if type(value) is not dict:
            yield where, f"an object with a value per {self.name} expected, got {_shown(value)}"
            return
        missing = [key for key in self.keys if key not in value]
        if missing:
            yield where, f"no {_names(missing)}"
        for key in value:
            if key not in self.keys:
                yield where, f"unknown {self.name} {_shown(key)}"
        for key in self.keys:
            if key in value:
                yield from self.value.problems(f"{where}.{key}", value[key], complete)


@dataclass(frozen=True)
class Catalogue(Spec):
    """An object of entries by id (the bases, the evidence facts, the measures)."""

    entry: Spec

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        if not set(map(type, values)) <= {dict}:
            return False
        flat = list(chain.from_iterable(map(dict.values, values)))
        return self.entry.all_good(flat, complete, sink, at + "{}")

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if type(value) is not dict:
            yield where, f"an object expected, got {_shown(value)}"
            return
        for key, entry in value.items():
            yield from self.entry.problems(_key_place(where, key), entry, complete)


@dataclass(frozen=True)
class OwnValue(Spec):
    """A value of the user's own (an extra column, a YAML key the chain format does not
    have): a single value, or a list or object of such values (a YAML key's list or mapping,
    kept as written), nested no deeper than `most` levels, as the YAML it is read from is
    (--max-depth takes at most that)."""

    single: Scalar
    most: int

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        _keep(sink, at, values)
        if set(map(type, values)) <= self.single.types:
            return True  # (all single values: a table's columns, most YAML keys)
        return not any(next(self.problems("", v, complete), None) for v in values)

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if levels(value, self.most) > self.most:
            yield (
                where,
                (
                    f"a list or object nested at most {self.most} levels (as YAML is read at most)"
                    f" expected, got one nested deeper: {_shown(value)}"
                ),
            )
            return
        # (iterative, as it is bounded only once it is checked)
        stack: list[tuple[str, Any]] = [(where, value)]
        while stack:
            place, item = stack.pop()
            if isinstance(item, dict):
                stack.extend((_key_place(place, k), v) for k, v in reversed(item.items()))
            elif isinstance(item, list):
                stack.extend((f"{place}[{i}]", v) for i, v in reversed(list(enumerate(item))))
            elif type(item) not in self.single.types:
                yield (
                    place,
                    (
                        f"{self.single.what}, or a list or object of such values, expected, got"
                        f" {_shown(item)}"
                    ),
                )


# how much a field is needed: by every reader (it identifies), by a report (which renders
# everything), or by none (when there, it is of its kind)
ALWAYS, REPORT, OPTIONAL = "always", "report", "optional"


# the sink's column of the distinct (priority, level) pairs of a Record `levelled` (under the
# Record's path: "<levels>" for a flag, ".risk.*<levels>" for a supplier's scores)
_PAIRS = "<levels>"


class Record(Spec):
    """An object with fields, each of a kind and needed ALWAYS, by a REPORT, or OPTIONAL;
    other keys are let be. With `null`, or null. With `levelled`, its priority field and
    level field: the distinct pairs of the two are kept (see Contract.levels)."""

    def __init__(
        self,
        fields: Mapping[str, tuple[Spec, str]],
        null: bool = False,
        levelled: tuple[str, str] | None = None,
    ) -> None:
        self.fields = dict(fields)
        self.null = null
        self.levelled = levelled
        self._needed = {
            complete: frozenset(
                key
                for key, (_, need) in fields.items()
                if need == ALWAYS or (complete and need == REPORT)
            )
            for complete in (True, False)
        }

    def all_good(
        self, values: list[Any], complete: bool, sink: Sink | None = None, at: str = ""
    ) -> bool:
        """Objects of one shape are read a column at a time from their values laid end to
        end (the i-th of each n values is the i-th key's): each object is read twice (its
        keys, its values), not once a field."""
        if self.null:
            values = _without_nulls(values)
        if not values:
            return True
        groups = _by_shape(values)
        if groups is None:
            return False
        needed = self._needed[complete]
        for shape, group in groups:
            if not needed.issubset(shape):
                return False
            flat = list(chain.from_iterable(map(dict.values, group)))
            width = len(shape)
            columns: dict[str, list[Any]] = {}
            for i, key in enumerate(shape):
                kind = self.fields.get(key)
                if kind is not None:
                    column = columns[key] = flat[i::width]
                    if not kind[0].all_good(column, complete, sink, f"{at}.{key}"):
                        return False
            if self.levelled and sink is not None and at + _PAIRS in sink:
                # (the distinct pairs of priority and level: none where the shape lacks one)
                priority, level = self.levelled
                if priority in columns and level in columns:
                    pairs = zip(columns[priority], columns[level], strict=True)
                    sink[at + _PAIRS].extend(set(pairs))
        return True

    def problems(self, where: str, value: Any, complete: bool) -> Iterator[Found]:
        if value is None and self.null:
            return
        if type(value) is not dict:
            yield where, f"an object expected, got {_shown(value)}"
            return
        missing = self._needed[complete] - value.keys()
        if missing:
            yield where, f"no {_names(sorted(missing))}"
        for key, (spec, _) in self.fields.items():
            if key in value:
                yield from spec.problems(f"{where}.{key}", value[key], complete)


# ------------------------------------------------------------------- what each part holds


def _text(what: str = "a text", *, null: bool = False, filled: bool = False) -> Scalar:
    types = frozenset({str, _NONE} if null else {str})
    return Scalar(what + (" or null" if null else ""), types, filled=filled)


def _one_of(what: str, choices: Iterable[str], *, null: bool = False) -> Scalar:
    listed = ", ".join(choices)
    types = frozenset({str, _NONE} if null else {str})
    return Scalar(f"{what} ({listed})" + (" or null" if null else ""), types, frozenset(choices))


TEXT, TEXT_OR_NULL = _text(), _text(null=True)
ID = _text("an id (a text, not empty)", filled=True)
# (an id that names something else: an empty one names nothing, as the references say)
REF = Scalar("an id (a text)", frozenset({str}))
TEXTS, REFS = ListOf(TEXT), ListOf(REF)
BOOLEAN = Scalar("true or false", frozenset({bool}))
FRACTION = Number("a number from 0 to 1", 0, 1)
NUMBER_OR_NULL = Number("a number or null", null=True)
COUNT = Number("a whole number, 0 or more", 0, whole=True)
WHOLE_OR_NULL = Number("a whole number or null", whole=True, null=True)
# a year as ddtool writes one: a whole number (0 where an overlay's production share gives
# none), or a text of a year or a range of years
_YEAR_TEXT = re.compile(r"[0-9]{4}(?:\s*[-\u2013]\s*[0-9]{4})?")


def _a_year(value: int | str) -> bool:
    if isinstance(value, int):  # (not true or false: the types are checked first)
        return 0 <= value <= 9999
    return _YEAR_TEXT.fullmatch(value) is not None


def _a_date(value: str) -> bool:
    """A calendar date written YYYY-MM-DD (`options.as_of`)."""
    try:
        return len(value) == 10 and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _a_time(value: str) -> bool:
    """An ISO 8601 time (`generated_at`: 2026-01-01T00:00:00+00:00), as the reports read it."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


YEAR = Scalar(
    'a year (2022, "2022" or "2016-2021") or null',
    frozenset({int, str, _NONE}),
    form=_a_year,
)
DATE_OR_NULL = Scalar("a date (2026-01-01) or null", frozenset({str, _NONE}), form=_a_date)
TIME = Scalar("an ISO 8601 time (2026-01-01T00:00:00+00:00)", frozenset({str}), form=_a_time)
LEVEL, LEVEL_OR_NULL = _one_of("a level", LEVELS), _one_of("a level", LEVELS, null=True)
RISK_TYPE = _one_of("a risk type", RISK_TYPES)
FACT_VALUE = Scalar("a number, a text or null", frozenset({int, float, str, bool, _NONE}))
CELL = Scalar("a text, a number, true, false or null", frozenset({int, float, str, bool, _NONE}))
TIERS = ListOf(COUNT)
OWN_VALUE = OwnValue(CELL, MOST_MAX_DEPTH)


def _per_risk_type(value: Spec) -> PerKey:
    return PerKey(RISK_TYPES, "risk type", value)


_SCORE = {
    "likelihood": (FRACTION, REPORT),
    "severity": (FRACTION, REPORT),
    "priority": (FRACTION, REPORT),
    "level": (LEVEL, REPORT),
}
# (each of these holds a level and the priority it is the level of: Contract.levels)
_LEVELLED = ("priority", "level")
SCORE = Record(_SCORE, levelled=_LEVELLED)
# what lies beneath a supplier: the likelihood and severity of the maximum only in 1.x
SUPPLIER_EXPOSURE = Record(
    {
        "level": (LEVEL, REPORT),
        "priority": (FRACTION, REPORT),
        "from": (REF, REPORT),
        "weighted_priority": (FRACTION, REPORT),
        "likelihood": (FRACTION, OPTIONAL),
        "severity": (FRACTION, OPTIONAL),
        # (2.3) true where data gaps bear on its level (absent where none do)
        "on_a_gap": (BOOLEAN, OPTIONAL),
    },
    levelled=_LEVELLED,
)
_CHAIN_EXPOSURE = {**_SCORE, "from": (REF, REPORT), "weighted_priority": (FRACTION, OPTIONAL)}
CHAIN_EXPOSURE = Record(_CHAIN_EXPOSURE)
# the summary's: (2.3) with the data gaps that bear on its level
SUMMARY_EXPOSURE = Record({**_CHAIN_EXPOSURE, "data_gaps": (TEXTS, OPTIONAL)})

SUPPLIER = Record(
    {
        "id": (ID, ALWAYS),
        "name": (TEXT_OR_NULL, REPORT),
        "country": (TEXT_OR_NULL, REPORT),
        "sector": (TEXT_OR_NULL, REPORT),
        "tiers": (TIERS, REPORT),
        "inferred": (BOOLEAN, REPORT),
        "buyers": (REFS, REPORT),
        "risk": (_per_risk_type(SCORE), REPORT),
        "exposure": (_per_risk_type(SUPPLIER_EXPOSURE), REPORT),
        "data_gaps": (TEXTS, REPORT),
        "country_name": (TEXT_OR_NULL, OPTIONAL),
        "region": (TEXT_OR_NULL, OPTIONAL),
        "sector_as_written": (TEXT_OR_NULL, OPTIONAL),
        "path": (REFS, OPTIONAL),  # (2.x; a 1.x flag holds it)
        "share": (NUMBER_OR_NULL, OPTIONAL),
        "workers": (NUMBER_OR_NULL, OPTIONAL),
        "female_pct": (NUMBER_OR_NULL, OPTIONAL),
        "migrant_pct": (NUMBER_OR_NULL, OPTIONAL),
        # (2.1) each as its score counted it
        "certifications": (TEXTS, OPTIONAL),
        "audits": (TEXTS, OPTIONAL),
        "assumption": (TEXT_OR_NULL, OPTIONAL),
        # extra columns of the input, by name (a diff compares them); a YAML key's list or
        # mapping as written
        "attributes": (Catalogue(OWN_VALUE), OPTIONAL),
        # (every inferred supplier has one: see Contract.suppliers)
        "worst_case": (
            _per_risk_type(
                Record({**_SCORE, "country": (TEXT_OR_NULL, REPORT)}, levelled=_LEVELLED)
            ),
            OPTIONAL,
        ),
    }
)
FLAG = Record(
    {
        "id": (ID, ALWAYS),
        "level": (LEVEL, ALWAYS),
        "supplier_id": (REF, REPORT),
        "risk_type": (RISK_TYPE, REPORT),
        "likelihood": (FRACTION, REPORT),
        "severity": (FRACTION, REPORT),
        "priority": (FRACTION, REPORT),
        "inferred": (BOOLEAN, REPORT),
        "basis": (REF, OPTIONAL),  # (2.x)
        "expected": (SCORE, OPTIONAL),  # (an inferred flag's)
        # what a 1.x flag holds inline, and a 2.x flag finds through its supplier and basis
        "supplier_name": (TEXT_OR_NULL, OPTIONAL),
        "path": (REFS, OPTIONAL),
        "reason": (TEXT, OPTIONAL),
        "country": (TEXT_OR_NULL, OPTIONAL),
        "sector": (TEXT_OR_NULL, OPTIONAL),
        "tiers": (TIERS, OPTIONAL),
        "data_gaps": (TEXTS, OPTIONAL),
        "evidence": (REFS, OPTIONAL),
        "remediation": (REFS, OPTIONAL),
    },
    levelled=_LEVELLED,
)
_INLINE_FLAG_KEYS = frozenset({"supplier_name", "path", "reason"})

SUMMARY = Record(
    {
        "suppliers": (COUNT, REPORT),
        "inferred_suppliers": (COUNT, REPORT),
        "tiers": (COUNT, REPORT),
        "flags": (COUNT, REPORT),
        "flags_by_level": (PerKey(LEVELS, "level", COUNT), REPORT),
        "flags_by_risk_type": (_per_risk_type(COUNT), REPORT),
        "highest_level": (LEVEL_OR_NULL, REPORT),
        "data_gaps": (COUNT, REPORT),
        "suppliers_without_country": (COUNT, REPORT),
        "suppliers_without_sector": (COUNT, REPORT),
        "exposure": (_per_risk_type(SUMMARY_EXPOSURE), REPORT),
        "tier1_ranking": (
            ListOf(
                Record(
                    {
                        "id": (REF, REPORT),
                        "name": (TEXT_OR_NULL, REPORT),
                        "max_priority": (FRACTION, REPORT),
                        "weighted_priority": (FRACTION, REPORT),
                        "level": (LEVEL, REPORT),
                        # (2.4) whether data gaps bear on its level
                        "on_a_gap": (BOOLEAN, OPTIONAL),
                    }
                )
            ),
            REPORT,
        ),
    }
)
_LOCATION = Record(
    {
        "file": (TEXT_OR_NULL, OPTIONAL),
        "sheet": (TEXT_OR_NULL, OPTIONAL),
        "row": (WHOLE_OR_NULL, OPTIONAL),
        "column": (TEXT_OR_NULL, OPTIONAL),
        "line": (WHOLE_OR_NULL, OPTIONAL),
    },
    null=True,
)
# every top-level part but the two long lists (ddtool.diff.check_assessment has already
# checked that the parts every reader needs are there, as objects and lists)
TOP = Record(
    {
        "schema_version": (TEXT, ALWAYS),
        "tool": (Record({"name": (TEXT, REPORT), "version": (TEXT, REPORT)}), ALWAYS),
        "generated_at": (TIME, REPORT),
        "profiles": (
            Record(
                {
                    "version": (TEXT, REPORT),
                    "sha256": (TEXT, REPORT),
                    "overlays": (TEXTS, REPORT),
                    "goods_edition": (TEXT_OR_NULL, REPORT),
                }
            ),
            ALWAYS,
        ),
        "input": (
            Record(
                {
                    "path": (TEXT, REPORT),
                    "sha256": (TEXT, REPORT),
                    "files": (
                        ListOf(
                            Record(
                                {
                                    "path": (TEXT, REPORT),
                                    "sha256": (TEXT, REPORT),
                                    "sheets": (TEXTS, OPTIONAL),  # (2.7)
                                }
                            )
                        ),
                        OPTIONAL,
                    ),
                }
            ),
            ALWAYS,
        ),
        "options": (
            Record(
                {
                    "as_of": (DATE_OR_NULL, REPORT),
                    "config": (TEXT_OR_NULL, OPTIONAL),
                    "sheet": (TEXT_OR_NULL, OPTIONAL),
                    "company": (TEXT_OR_NULL, OPTIONAL),
                }
            ),
            REPORT,
        ),
        "company": (
            Record(
                {
                    "id": (ID, REPORT),
                    "name": (TEXT, REPORT),
                    "country": (TEXT_OR_NULL, REPORT),
                    "sector": (TEXT_OR_NULL, REPORT),
                    "exposure": (_per_risk_type(CHAIN_EXPOSURE), REPORT),
                }
            ),
            ALWAYS,
        ),
        "summary": (SUMMARY, ALWAYS),
        "data_gaps": (
            ListOf(Record({"supplier_id": (REF, REPORT), "gap": (TEXT, REPORT)})),
            OPTIONAL,
        ),
        "warnings": (
            ListOf(
                Record(
                    {
                        "message": (TEXT, REPORT),
                        "type": (TEXT_OR_NULL, OPTIONAL),
                        "severity": (TEXT_OR_NULL, OPTIONAL),
                        "suggestion": (TEXT_OR_NULL, OPTIONAL),
                        "location": (_LOCATION, OPTIONAL),
                    }
                )
            ),
            OPTIONAL,
        ),
        # (the bases are 2.x's: a flag that names one needs them, see Contract.references)
        "bases": (
            Catalogue(
                Record(
                    {
                        "reason": (TEXT, REPORT),
                        "evidence": (REFS, REPORT),
                        "remediation": (REFS, REPORT),
                        "measures_not_shown": (COUNT, OPTIONAL),  # (2.2)
                    }
                )
            ),
            OPTIONAL,
        ),
        "evidence": (
            Catalogue(
                Record(
                    {
                        "indicator": (TEXT, REPORT),
                        "value": (FACT_VALUE, REPORT),
                        "year": (YEAR, REPORT),
                        "source": (TEXT, REPORT),
                        "note": (TEXT_OR_NULL, OPTIONAL),
                    }
                )
            ),
            OPTIONAL,
        ),
        "measures": (
            Catalogue(
                Record(
                    {
                        key: (TEXT, REPORT)
                        for key in ("step", "step_name", "title", "action", "owner", "reference")
                    }
                )
            ),
            OPTIONAL,
        ),
        "sources": (
            ListOf(
                Record(
                    {
                        "id": (TEXT, REPORT),
                        "name": (TEXT, REPORT),
                        "publisher": (TEXT_OR_NULL, REPORT),
                        "year": (YEAR, REPORT),
                        "licence": (TEXT_OR_NULL, REPORT),
                        "location": (TEXT_OR_NULL, REPORT),
                        "note": (TEXT_OR_NULL, OPTIONAL),
                    }
                )
            ),
            OPTIONAL,
        ),
    }
)


# ------------------------------------------------------------------------------ references

# ids named somewhere, each with a label that says where (see Contract._references)
Named = Callable[[], Iterable[tuple[Any, Any]]]

# the columns of the long lists that the references and counts read
# (and the paths of the flags' and suppliers' scores, whose levels Contract.levels reads)
_FLAG_SCORES = ("", ".expected")
_SUPPLIER_SCORES = (".risk.*", ".worst_case.*", ".exposure.*")
_FLAG_COLUMNS = (
    ".id",
    ".level",
    ".risk_type",
    ".supplier_id",
    ".basis",
    *(at + _PAIRS for at in _FLAG_SCORES),
)
_SUPPLIER_COLUMNS = (
    ".id",
    ".inferred",
    ".buyers[]",
    ".path[]",
    ".exposure.*.from",
    *(at + _PAIRS for at in _SUPPLIER_SCORES),
)


def _strings(values: Iterable[Any]) -> set[str]:
    """The texts among values (what is not a text, the type checks report)."""
    return {value for value in values if type(value) is str}


def _listed_ids(holders: Callable[[], Iterable[tuple[Any, Any]]], key: str) -> Named:
    """The ids in each holder's list `key`, labelled (the holder's label, the place in the
    list)."""

    def named() -> Iterator[tuple[Any, Any]]:
        for label, holder in holders():
            listed = holder.get(key) if type(holder) is dict else None
            if type(listed) is list:
                for j, value in enumerate(listed):
                    yield (label, j), value

    return named


def _list_place(where: str, key: str, label: tuple[Any, int]) -> str:
    """`$.suppliers[3].buyers[0]`, `$.bases["BA-1"].evidence[2]`."""
    holder, j = label
    at = _key_place(where, holder) if type(holder) is str else f"{where}[{holder}]"
    return f"{at}.{key}[{j}]"


def _sources_of(holders: Callable[[], Iterable[tuple[Any, Any]]]) -> Named:
    """Where the maximum of each risk type of each holder's exposure sits, labelled
    (the holder's label, the risk type)."""

    def named() -> Iterator[tuple[Any, Any]]:
        for label, holder in holders():
            exposure = holder.get("exposure") if isinstance(holder, dict) else None
            if isinstance(exposure, dict):
                for rt in RISK_TYPES:
                    if isinstance(exposure.get(rt), dict):
                        yield (label, rt), exposure[rt].get("from")

    return named


def _field(entries: list[Any], key: str) -> list[Any]:
    """Each entry's `key` (None where it has none, or is no object: the type checks report
    that)."""
    return [entry.get(key) if type(entry) is dict else None for entry in entries]


def _of_each(entries: list[Any], key: str) -> Named:
    """Each entry's `key`, labelled by its place."""
    return lambda: enumerate(_field(entries, key))


def _flags(n: int) -> str:
    """`1 flag in $.flags is`, `3 flags in $.flags are`."""
    return f"{n:,} flag in $.flags is" if n == 1 else f"{n:,} flags in $.flags are"


# The checks run with the cyclic collector paused (`@collector_paused()`): the columns they
# keep and the lists they lay out are long (10^5 suppliers: millions of items), and every
# collection that what they allocate sets off would walk them all again (0.2 s for a list of
# 12,000 pairs).


class Contract:
    """Checks the parts of one assessment read whole, and keeps the problems found, each with
    its place. `complete`: everything a report reads; else what a diff reads (see the
    module's docstring)."""

    def __init__(self, complete: bool = True) -> None:
        self.complete = complete
        self.problems: list[str] = []
        self.count = 0
        # the columns the references and counts read, kept as the lists are checked (None
        # when something in a list is malformed: they are then read entry by entry)
        self._suppliers: Sink | None = None
        self._flags: Sink | None = None
        self._ids: set[str] | None = None  # the suppliers' ids
        # whether the long lists' entries are at hand (see Streamed: where they are not,
        # what only they would say is counted as a problem, untold)
        self._entries = True
        # the problems of the company's id, told before the references that name it (see
        # references), not again with the other top-level parts
        self._told_first: set[Found] = set()

    def _add(self, where: str, what: str) -> None:
        self.count += 1
        if len(self.problems) < _SHOWN:
            self.problems.append(f"{where}: {what}")

    def _add_all(self, found: Iterable[Found]) -> None:
        for where, what in found:
            self._add(where, what)

    def _untold(self) -> None:
        """Something the entries would say, and they are not at hand (see Streamed)."""
        self.count += 1

    def _each(
        self, where: str, entries: list[Any], spec: Spec, columns: Iterable[str]
    ) -> Sink | None:
        """Every entry of a long list, a chunk at a time; the columns asked for, when every
        entry is well formed."""
        sink: Sink | None = {column: [] for column in columns}
        for start in range(0, len(entries), _CHUNK):
            chunk = entries[start : start + _CHUNK]
            if not spec.all_good(chunk, self.complete, sink):
                sink = None
                for i, entry in enumerate(chunk, start):
                    self._add_all(spec.problems(f"{where}[{i}]", entry, self.complete))
        return sink

    def _once(self, where: str, entries: list[Any], kept: Sink | None) -> set[str]:
        """Each id once (of a flag or a supplier named twice, a report or a diff shows
        one); the ids, as a set. (An entry that is no object, or has no id, the type checks
        report.)"""
        # (the ids kept as the entries were checked: all texts, in another order)
        ids = kept[".id"] if kept else _field(entries, "id")
        distinct = set(ids) if kept else _strings(ids)
        if len(distinct) == len(ids):
            return distinct
        first: dict[str, int] = {}
        for i, value in enumerate(_field(entries, "id")):
            if type(value) is not str:
                continue
            if value in first:
                self._add(
                    f"{where}[{i}].id", f"{_shown(value)} is also the id of {where}[{first[value]}]"
                )
            else:
                first[value] = i
        return set(first)

    @collector_paused()
    def suppliers(self, entries: list[Any]) -> None:
        """Every supplier entry, each id once, each inferred one with its worst case."""
        self._suppliers = self._each("$.suppliers", entries, SUPPLIER, _SUPPLIER_COLUMNS)
        self._ids = self._once("$.suppliers", entries, self._suppliers)
        if self.complete:
            # (each entry an object where all were well formed; else looked at one by one)
            flagged = (
                map(methodcaller("get", "inferred"), entries)
                if self._suppliers is not None
                else _field(entries, "inferred")
            )
            inferred = compress(range(len(entries)), flagged)
            for i in inferred:
                if "worst_case" not in entries[i]:
                    self._add(f"$.suppliers[{i}]", "no 'worst_case' (an inferred supplier)")

    @collector_paused()
    def flags(self, flags: list[Any]) -> None:
        """Every flag, each id once, each of schema 2.x or 1.x."""
        self._flags = self._each("$.flags", flags, FLAG, _FLAG_COLUMNS)
        self._once("$.flags", flags, self._flags)
        all_two_x = self._flags and len(self._flags[".basis"]) == len(flags)
        if self.complete and not all_two_x and not _of_a_schema(flags):
            for i, flag in enumerate(flags):
                # (a flag that is no object, the type checks report)
                if type(flag) is dict and not _of_a_schema([flag]):
                    self._add(
                        f"$.flags[{i}]", "neither a 'basis' (2.x) nor its reason and path (1.x)"
                    )

    @collector_paused()
    def references(self, document: dict[str, Any]) -> None:
        """Each id named in the long lists leads somewhere: a flag's supplier and basis, the
        facts and measures a 1.x flag lists; a supplier's buyers, path and exposure sources
        are suppliers or the company. Then the summary counts what the lists hold."""
        suppliers, flags = document["suppliers"], document["flags"]
        kept, flagged = self._suppliers, self._flags
        ids = self._supplier_ids(document)
        parties = ids | _strings([_company_id(document)])
        if not COMPANY_ID.all_good([document.get("company")], True):
            # (every supplier's path names it, and a buyer of tier 1: what is wrong with the
            # company's id is told first, not hidden behind each reference to it)
            self._told_first = set(COMPANY_ID.problems("$.company", document.get("company"), True))
            self._add_all(sorted(self._told_first))
        in_suppliers = ("supplier", "$.suppliers")
        self._references(
            _of_each(flags, "supplier_id"),
            "$.flags[{}].supplier_id".format,
            ids,
            *in_suppliers,
            flagged[".supplier_id"] if flagged else None,
        )
        # (a flag's basis, kept as the flags were checked: all of them that name one)
        if (
            len(flagged[".basis"])
            if flagged
            else any(type(flag) is dict and "basis" in flag for flag in flags)
        ):
            bases = document.get("bases")
            if type(bases) is dict:
                self._references(
                    _of_each(flags, "basis"),
                    "$.flags[{}].basis".format,
                    bases.keys(),
                    "basis",
                    "$.bases",
                    flagged[".basis"] if flagged else None,
                )
            else:
                self._add("$", "no 'bases' object, and the flags name their basis")
        if not (flagged and len(flagged[".basis"]) == len(flags)):  # (1.x flags)
            if not self._entries:
                self._untold()
            else:
                one_x = [
                    (i, flag)
                    for i, flag in enumerate(flags)
                    if type(flag) is dict and "basis" not in flag
                ]
                self._catalogued(document, "$.flags", one_x)
        for key in ("buyers", "path"):
            self._references(
                _listed_ids(partial(enumerate, suppliers), key),
                partial(_list_place, "$.suppliers", key),
                parties,
                *in_suppliers,
                kept[f".{key}[]"] if kept else None,
            )
        if self.complete:  # (a diff keeps no supplier's exposure)
            self._references(
                _sources_of(partial(enumerate, suppliers)),
                lambda at: f"$.suppliers[{at[0]}].exposure.{at[1]}.from",
                parties,
                *in_suppliers,
                kept[".exposure.*.from"] if kept else None,
            )
        self._counts(document)

    def _supplier_ids(self, document: dict[str, Any]) -> set[str]:
        if self._ids is None:
            self._ids = _strings(_field(document["suppliers"], "id"))
        return self._ids

    def _catalogued(
        self, document: dict[str, Any], where: str, holders: list[tuple[Any, Any]]
    ) -> None:
        """The facts and measures that each holder (a basis, a 1.x flag) lists are in the
        `evidence` and `measures` catalogues."""
        for key, catalogue, what in (
            ("evidence", "evidence", "fact"),
            ("remediation", "measures", "measure"),
        ):
            entries = document.get(catalogue)
            try:  # (the lists of a well-formed document, in passes at C level)
                listed: list[Any] | None = list(
                    chain.from_iterable(map(itemgetter(key), map(itemgetter(1), holders)))
                )
            except (KeyError, TypeError):
                listed = None
            self._references(
                _listed_ids(lambda: holders, key),
                partial(_list_place, where, key),
                entries.keys() if type(entries) is dict else set(),
                what,
                f"$.{catalogue}",
                listed,
            )

    def _references(
        self,
        named: Named,
        place: Callable[[Any], str],
        known: AbstractSet[str],
        what: str,
        where_known: str,
        ids: list[Any] | None = None,
    ) -> None:
        """Each id that `named` gives (with its label, for `place`) is among `known`. With
        `ids` (the same ids, gathered as the list was checked), they are looked at one by
        one only when one of them is not known, to say where."""
        try:
            found = set(ids if ids is not None else map(itemgetter(1), named()))
        except TypeError:  # (an id that is no text: the type checks report it)
            found = _strings(map(itemgetter(1), named()))
        missing = _strings(found.difference(known))
        if missing and not self._entries and ids is not None:
            self._untold()  # (where each is named, the entries say)
        elif missing:
            for label, value in named():
                if type(value) is str and value in missing:
                    self._add(place(label), f"no {what} {_shown(value)} in {where_known}")

    def _counts(self, document: dict[str, Any]) -> None:
        """The summary's counts are those of the flags, suppliers and data gaps."""
        summary, flags, suppliers = (
            document.get("summary"),
            document["flags"],
            document["suppliers"],
        )
        if type(summary) is not dict:
            return
        total = len(flags)
        self._count(summary, "flags", total, f"$.flags holds {total:,}")
        flagged = self._flags
        named_levels = flagged[".level"] if flagged else _field(flags, "level")
        levels = Counter(level for level in named_levels if type(level) is str)
        # (a flag's level lost or not known, the type checks report: how many flags are of
        # each level is then not known)
        known = levels.keys() <= set(LEVELS) and levels.total() == total
        by_level = summary.get("flags_by_level") if known else None
        if isinstance(by_level, dict):
            for level in LEVELS:
                n = levels[level]
                self._count(by_level, level, n, f"{_flags(n)} {level}", "flags_by_level")
        highest = next((level for level in reversed(LEVELS) if levels[level]), None)
        stated = summary.get("highest_level", highest)
        if known and stated in (*LEVELS, None) and stated != highest:
            self._add(
                "$.summary.highest_level",
                f"{_shown(stated)}, but the highest level in $.flags is {_shown(highest)}",
            )
        by_type = summary.get("flags_by_risk_type")
        named = flagged[".risk_type"] if flagged else _field(flags, "risk_type")
        try:
            risk_types = Counter(named)
        except TypeError:  # (a risk type that is no text: the type checks report it)
            risk_types = Counter({None: 1})
        if len(named) < total or None in risk_types:  # (a flag without: a diff reads it)
            by_type = None
        if isinstance(by_type, dict):
            for rt in RISK_TYPES:
                n = risk_types[rt]
                self._count(by_type, rt, n, f"{_flags(n)} of {rt}", "flags_by_risk_type")
        kept = self._suppliers
        inferred = kept[".inferred"] if kept else _field(suppliers, "inferred")
        if len(inferred) == len(suppliers) and set(map(type, inferred)) <= {bool}:
            n = sum(inferred)
            mapped = len(inferred) - n
            self._count(summary, "suppliers", mapped, f"$.suppliers holds {mapped:,} mapped")
            self._count(summary, "inferred_suppliers", n, f"$.suppliers holds {n:,} inferred")
        gaps = document.get("data_gaps")
        if type(gaps) is list:
            self._count(summary, "data_gaps", len(gaps), f"$.data_gaps holds {len(gaps):,}")

    def _count(
        self, counts: dict[str, Any], key: str, actual: int, says: str, part: str = ""
    ) -> None:
        """A count of the summary (when a whole number: else the type checks report it),
        and what it counts."""
        stated = counts.get(key)
        if type(stated) is int and stated != actual:
            where = f"$.summary.{part}.{key}" if part else f"$.summary.{key}"
            self._add(where, f"{stated:,}, but {says}")

    @collector_paused()
    def top(self, document: dict[str, Any]) -> None:
        """The company, the summary, the catalogues and the other top-level parts; the
        facts and measures of each basis; the suppliers named in the exposure of the
        company and of the summary, in the data gaps and in the tier-1 ranking."""
        if not TOP.all_good([document], self.complete):
            found = TOP.problems("$", document, self.complete)
            self._add_all(f for f in found if f not in self._told_first)
        bases = document.get("bases")
        if type(bases) is dict:
            self._catalogued(document, "$.bases", list(bases.items()))
        ids = self._supplier_ids(document)
        parties = ids | _strings([_company_id(document)])
        for part in ("company", "summary"):
            self._references(
                _sources_of(partial(list, [(part, document.get(part))])),
                lambda at: f"$.{at[0]}.exposure.{at[1]}.from",
                parties,
                "supplier",
                "$.suppliers",
            )
        summary = document.get("summary")
        for where, entries, key in (
            ("$.data_gaps", document.get("data_gaps"), "supplier_id"),
            (
                "$.summary.tier1_ranking",
                summary.get("tier1_ranking") if type(summary) is dict else None,
                "id",
            ),
        ):
            if type(entries) is list:
                self._references(
                    _of_each(entries, key),
                    f"{where}[{{}}].{key}".format,
                    ids,
                    "supplier",
                    "$.suppliers",
                )
        self._borne_gaps(document)

    def _borne_gaps(self, document: dict[str, Any]) -> None:
        """The data gaps the summary says bear on the chain's exposure (2.3) are gaps of the
        document's suppliers (in `data_gaps`), and there are none at critical, which no
        data gap can raise (a report would show "critical (data gap)"); nor is a tier-1
        supplier's critical level on a data gap (2.4)."""
        summary = document.get("summary")
        if type(summary) is not dict:
            return
        ranking = summary.get("tier1_ranking")
        for i, entry in enumerate(ranking if type(ranking) is list else ()):
            on_a_gap = type(entry) is dict and entry.get("on_a_gap") is True
            if on_a_gap and entry.get("level") == LEVELS[-1]:
                self._add(
                    f"$.summary.tier1_ranking[{i}].on_a_gap",
                    "false expected at critical, which no data gap can raise",
                )
        exposure = summary.get("exposure")
        if type(exposure) is not dict:
            return
        borne = [
            (rt, e["data_gaps"])
            for rt, e in exposure.items()
            if type(e) is dict and type(e.get("data_gaps")) is list and e["data_gaps"]
        ]
        for rt, _ in borne:
            if exposure[rt].get("level") == LEVELS[-1]:
                self._add(
                    f"$.summary.exposure.{rt}.data_gaps",
                    "none expected at critical, which no data gap can raise",
                )
        listed = document.get("data_gaps")
        if borne and type(listed) is list:
            self._references(
                lambda: [((rt, i), gap) for rt, gaps in borne for i, gap in enumerate(gaps)],
                lambda at: f"$.summary.exposure.{at[0]}.data_gaps[{at[1]}]",
                _strings(g.get("gap") for g in listed if type(g) is dict),
                "data gap",
                "$.data_gaps",
            )

    @collector_paused()
    def levels(self, document: dict[str, Any]) -> None:
        """Each level is the one its priority has under the thresholds the document records
        (the level of a score, of an exposure, of a flag, of a tier-1 supplier's maximum):
        a report that said "low (priority 0.81)" would contradict itself. Read per distinct
        pair of priority and level, as kept when the lists were checked; the entries are
        looked at only where a pair is wrong, to say where. Nothing is judged where the
        document records no thresholds (or thresholds TOP reports as malformed)."""
        rule = _LevelRule.recorded(document, self if self.complete else None)
        if rule is None:
            return
        for pairs, scores in (
            (_kept_pairs(self._flags, _FLAG_SCORES), partial(_flag_scores, document["flags"])),
            (
                _kept_pairs(self._suppliers, _SUPPLIER_SCORES),
                partial(_supplier_scores, document["suppliers"]),
            ),
            (_ranked_pairs(document), partial(_ranked_scores, document)),
            (None, partial(_exposure_scores, document)),
        ):
            if pairs is not None and all(starmap(rule.allows, pairs)):
                continue
            if pairs is not None and not self._entries:
                self._untold()  # (where, the entries say)
                continue
            for where, key, priority, level in scores():
                if not rule.allows(priority, level):
                    self._add(f"{where}.level", rule.contradiction(key, priority, level))

    def check(self, document: dict[str, Any]) -> None:
        """Every part of a document read whole, in the order ddtool.diff.read_assessment
        checks them."""
        self.suppliers(document["suppliers"])
        self.flags(document["flags"])
        self.references(document)
        self.top(document)
        self.levels(document)

    def reason(self) -> str | None:
        """The problems found, as one text; None when there are none."""
        if not self.count:
            return None
        more = self.count - len(self.problems)
        return "; ".join(self.problems) + (f"; and {more:,} more" if more else "")


# the company's id, which every supplier's path names (see Contract.references)
COMPANY_ID = Record({"id": (ID, ALWAYS)})

# what identifies the entries of the long lists, which every reader of them needs
_IDENTIFIED = (
    ("suppliers", Record({"id": (ID, ALWAYS)})),
    ("flags", Record({"id": (ID, ALWAYS), "level": (LEVEL, ALWAYS)})),
)


def identified(document: dict[str, Any]) -> str | None:
    """What is wrong with what identifies the flags and supplier entries of a document (each
    an object with an id, a flag with a known level), each place named as `Contract.reason`
    names it; None when nothing is. For a document handed to ddtool.diff unchecked: one
    read from a file is checked whole (`Contract.check`), which says this too."""
    contract = Contract(complete=False)
    for key, spec in _IDENTIFIED:
        contract._each(f"$.{key}", document[key], spec, ())
    return contract.reason()


class _Fed:
    """One long list checked as its entries come, a chunk at a time (as Contract._each
    checks it whole), keeping only the columns asked for. With `fields`, an entry is kept
    with only those of its keys until its chunk is checked: the fields of its Record, all
    the check reads of it (the others it lets be), under keys shared by all the entries
    (each entry read from the file has keys of its own, slower to compare)."""

    def __init__(
        self, spec: Spec, columns: Iterable[str], fields: tuple[str, ...] | None = None
    ) -> None:
        self.spec = spec
        self.sink: Sink | None = {column: [] for column in columns}
        self.fields = fields
        self.chunk: list[Any] = []
        self.count = 0

    def add(self, entry: Any) -> None:
        if self.fields is not None and type(entry) is dict:
            entry = {key: entry[key] for key in self.fields if key in entry}
        self.chunk.append(entry)
        if len(self.chunk) == _CHUNK:
            self._check()

    def _check(self) -> None:
        if self.sink is not None and not self.spec.all_good(self.chunk, False, self.sink):
            self.sink = None  # (something is wrong, or may be: told by Contract.check)
        self.count += len(self.chunk)
        self.chunk = []

    def done(self) -> Sink | None:
        """The columns kept, when every entry was well formed; else None."""
        if self.chunk:
            self._check()
        return self.sink


class Streamed:
    """The check of what a diff reads (`Contract(complete=False)`), the entries of the long
    lists fed to it one by one as a file is read, and dropped a chunk at a time once
    checked: only the columns the references and counts read are kept, not the entries
    (kept as a diff keeps them, those of a 10^5-supplier assessment raised the peak of
    `assess --verify` by some 240 MB).

    It says only whether nothing is wrong. Where something is, or may be, or it cannot tell
    without the entries (1.x flags), `Contract.check` of the document read whole says what
    is wrong, and where; each check here is that check's, on the same values."""

    def __init__(self) -> None:
        self._fed = {
            "suppliers": _Fed(SUPPLIER, _SUPPLIER_COLUMNS),
            "flags": _Fed(FLAG, _FLAG_COLUMNS, tuple(FLAG.fields)),
        }

    def feed(self, key: str, entry: Any) -> None:
        """An entry of the list under `key` ("suppliers" or "flags"), as a diff keeps it."""
        self._fed[key].add(entry)

    def good(self, document: dict[str, Any]) -> bool:
        """Whether `Contract(complete=False).check` would find nothing wrong: `document` is
        the assessment, its long lists as long as those fed (what their entries hold is
        not read)."""
        kept, flagged = self._fed["suppliers"].done(), self._fed["flags"].done()
        if kept is None or flagged is None:
            return False
        for key in ("suppliers", "flags"):
            if self._fed[key].count != len(document[key]):
                return False
        for sink in (kept, flagged):  # (each id once: all texts, as they were checked)
            if len(set(sink[".id"])) != len(sink[".id"]):
                return False
        contract = Contract(complete=False)
        contract._entries = False
        contract._suppliers, contract._flags = kept, flagged
        contract._ids = set(kept[".id"])
        contract.references(document)
        contract.top(document)
        contract.levels(document)
        return not contract.count


# ------------------------------------------------------------------- levels and priorities

# half the last of the four decimals a priority is written with: the expected score of an
# inferred supplier once took its level from its priority before that was rounded (0.29996:
# low, written 0.3); a level either side of a threshold that close is not contradicted, so
# that the assessments written so still read
_HALF_UNIT = 0.00005 * (1 + 1e-9)

# a score's place, the key of its priority, its priority and its level
Scored = tuple[str, str, Any, Any]
# the lower bounds of the levels above low, as `options.settings.thresholds` records them
THRESHOLDS = Record({key: (FRACTION, ALWAYS) for key in LEVELS[1:]})


class _LevelRule:
    """The levels the thresholds a document records give to its priorities."""

    def __init__(self, thresholds: Any) -> None:
        self.thresholds = thresholds  # (a ddtool.config.Thresholds, read as recorded)
        self.said = ", ".join(f"{key} {getattr(thresholds, key):g}" for key in LEVELS[1:])

    @classmethod
    def recorded(cls, document: dict[str, Any], told: Contract | None) -> _LevelRule | None:
        """The rule of the thresholds `options.settings.thresholds` records; None where it
        records none, or thresholds that are not numbers from 0 to 1 rising from medium to
        critical: what is wrong with them is told to `told` (a report's check; a diff does
        not read them, and `assess --verify` says what is wrong with the settings
        recorded in its own words)."""
        options = document.get("options")
        settings = options.get("settings") if type(options) is dict else None
        if type(settings) is not dict or "thresholds" not in settings:
            return None
        recorded = settings["thresholds"]
        where = "$.options.settings.thresholds"
        if not THRESHOLDS.all_good([recorded], True):
            if told is not None:
                told._add_all(THRESHOLDS.problems(where, recorded, True))
            return None
        bounds = [recorded[key] for key in LEVELS[1:]]
        if any(below > above for below, above in pairwise(bounds)):
            if told is not None:
                got = ", ".join(map("{} {}".format, LEVELS[1:], map(_shown, bounds)))
                told._add(
                    where, f"thresholds rising from medium to high to critical expected, got {got}"
                )
            return None
        from ddtool.config import Thresholds

        medium, high, critical = bounds
        return cls(Thresholds.model_construct(medium=medium, high=high, critical=critical))

    def allows(self, priority: Any, level: Any) -> bool:
        """Whether `level` is the level of `priority`, written to four decimals (what is not
        a priority or a level, the type checks report)."""
        if type(priority) not in (int, float) or type(level) is not str or level not in LEVELS:
            return True
        if not (isfinite(priority) and 0 <= priority <= 1):
            return True
        rank = LEVELS.index(level)
        low = LEVELS.index(self.thresholds.level(priority - _HALF_UNIT))
        return low <= rank <= LEVELS.index(self.thresholds.level(priority + _HALF_UNIT))

    def contradiction(self, key: str, priority: float, level: str) -> str:
        """`"low", but priority 0.81 is critical under the recorded thresholds (…)`."""
        return (
            f"{_shown(level)}, but {key} {_shown(priority)} is"
            f" {self.thresholds.level(priority)} under the thresholds the file records"
            f" ({self.said})"
        )


def _kept_pairs(kept: Sink | None, at: Iterable[str]) -> set[Any] | None:
    """The distinct (priority, level) pairs kept of a long list's scores at the paths `at`;
    None when they were not kept (something in the list is malformed)."""
    if kept is None:
        return None
    return set(chain.from_iterable(kept[path + _PAIRS] for path in at))


def _flag_scores(flags: list[Any]) -> Iterator[Scored]:
    """Each flag's score, and an inferred flag's expected score."""
    for i, flag in enumerate(flags):
        if type(flag) is dict:
            yield f"$.flags[{i}]", "priority", flag.get("priority"), flag.get("level")
            expected = flag.get("expected")
            if type(expected) is dict:
                yield (
                    f"$.flags[{i}].expected",
                    "priority",
                    expected.get("priority"),
                    expected.get("level"),
                )


def _per_risk_type_scores(where: str, scores: Any) -> Iterator[Scored]:
    if type(scores) is dict:
        for rt in RISK_TYPES:
            score = scores.get(rt)
            if type(score) is dict:
                yield f"{where}.{rt}", "priority", score.get("priority"), score.get("level")


def _supplier_scores(suppliers: list[Any]) -> Iterator[Scored]:
    """Each supplier's own score, worst case and exposure, per risk type."""
    for i, supplier in enumerate(suppliers):
        if type(supplier) is dict:
            for key in ("risk", "worst_case", "exposure"):
                yield from _per_risk_type_scores(f"$.suppliers[{i}].{key}", supplier.get(key))


def _ranking(document: dict[str, Any]) -> Any:
    summary = document.get("summary")
    return summary.get("tier1_ranking") if type(summary) is dict else None


def _ranked_pairs(document: dict[str, Any]) -> set[Any] | None:
    """The distinct (max_priority, level) pairs of the tier-1 ranking (a list as long as
    there are tier-1 suppliers); None when an entry is malformed."""
    ranking = _ranking(document)
    try:
        return set(map(itemgetter("max_priority", "level"), ranking or []))
    except (KeyError, TypeError):
        return None


def _ranked_scores(document: dict[str, Any]) -> Iterator[Scored]:
    ranking = _ranking(document)
    for i, entry in enumerate(ranking if type(ranking) is list else []):
        if type(entry) is dict:
            where = f"$.summary.tier1_ranking[{i}]"
            yield where, "max_priority", entry.get("max_priority"), entry.get("level")


def _exposure_scores(document: dict[str, Any]) -> Iterator[Scored]:
    """The company's exposure and the summary's, per risk type."""
    for part in ("company", "summary"):
        holder = document.get(part)
        if type(holder) is dict:
            yield from _per_risk_type_scores(f"$.{part}.exposure", holder.get("exposure"))


def _of_a_schema(flags: list[dict[str, Any]]) -> bool:
    """Each flag names its basis (2.x), or holds its reason and path (1.x) (False where one
    is no object: the flags are then looked at one by one)."""
    try:
        return all(map(contains, flags, repeat("basis"))) or all(
            map(_INLINE_FLAG_KEYS.issubset, map(_keys, flags))
        )
    except TypeError:
        return False


def _company_id(document: dict[str, Any]) -> Any:
    company = document.get("company")
    return company.get("id") if type(company) is dict else None


# ----------------------------------------------------------------- a file that is no assessment

# what other JSON ddtool writes starts with (the first key and value, as written)
_OTHER_FILES = (
    (
        re.compile(r'\A\s*\{\s*"kind"\s*:\s*"ddtool-diff"'),
        "a ddtool diff (written by `ddtool diff`), not an assessment: {command} reads the"
        " assessment JSON that `ddtool assess … -o FILE.json` writes; a diff is rendered by"
        " `ddtool diff OLD.json NEW.json -o diff.md` (or .xlsx, .json)",
    ),
    (
        re.compile(r'\A\s*\{\s*"schema_version"\s*:\s*"[^"]*"\s*,\s*"members"\s*:'),
        "the summary of a `ddtool batch` run, not an assessment: {command} reads the"
        " assessment JSON of one chain (each member's is assessment.json in its folder)",
    ),
)


def unreadable_reason(path: Path, error: Exception, command: str) -> str | None:
    """A clearer message than `error` (raised when `path` could not be read as an
    assessment) where there is one: the file is another ddtool file (a diff, a batch
    summary, one of the registers an assessment is written as) given in an assessment's
    place, or it is cut off. None otherwise."""
    cause = error.__cause__
    if isinstance(cause, json.JSONDecodeError):
        cut = _cut_off(cause)
        if cut is not None:
            return f"{path}: not a ddtool assessment JSON ({cut})"
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff")
    except OSError:
        return None
    for start, what in _OTHER_FILES:
        if start.match(head):
            return f"{path}: {what.format(command=command)}"
    if head.lstrip()[:1] not in ("{", "["):  # (a JSON text is no register)
        from ddtool.sources.table_source import own_output

        register = own_output(path)
        if register is not None:
            return (
                f"{path}: {register} written by ddtool (an assessment's output), not the"
                f" assessment JSON: {command} reads the assessment JSON it was written from"
                " (`ddtool assess … -o FILE.json`)"
            )
    return None


# the rest of a number or of true, false or null cut short at the end of a text
_PARTIAL_TOKEN = re.compile(r"[-+.0-9eE]+|t(?:ru?)?|f(?:a(?:ls?)?)?|n(?:ul?)?")


def _cut_off(error: json.JSONDecodeError) -> str | None:
    """Where a JSON text stops short, when the parser failed because it ended: a file
    copied or written in part. None for any other error."""
    text = error.doc
    end = len(text.rstrip())
    if not end:
        return "the file is empty: was it saved in full?"
    # (an unterminated string ran to the end: its start is where the parser says; a number
    # or a literal cut short, "0." or "tr", fails where its last part starts)
    partial = _PARTIAL_TOKEN.fullmatch(text, error.pos, end) is not None
    if not (error.msg.startswith("Unterminated string") or error.pos >= end or partial):
        return None
    line = text.count("\n", 0, end) + 1
    column = end - (text.rfind("\n", 0, end) + 1)  # (of its last character)
    where = (
        f"inside a text that begins at line {error.lineno}, column {error.colno}"
        if error.msg.startswith("Unterminated string")
        else "before the JSON is complete"
    )
    return (
        f"invalid JSON at line {line}, column {column}: the file is cut off there, {where};"
        " was it copied or saved in full?"
    )
