"""YAML reader: nested and flat forms (mixed), safe loading only, line numbers kept."""

from __future__ import annotations

import bisect
import calendar
import codecs
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import yaml

from ddtool.errors import Location, ProblemList
from ddtool.model import audit_outcome
from ddtool.nested import rebuilt
from ddtool.sources.columns import (
    ALIAS_TO_FIELD,
    FIELDS,
    SLIPS_READ,
    expiry_header,
    header_key,
    values_fit,
)
from ddtool.sources.interface import (
    MOST_MAX_DEPTH,
    TEMPLATE_YAML_HEAD,
    TEMPLATE_YAML_HEAD_SAMPLE,
    ChainReader,
    RawChain,
    RawRecord,
    ReadOptions,
    bom_encoding,
    zeros_encoding,
)
from ddtool.sources.values import (
    ValueProblem,
    as_id,
    expiry_problem,
    parse_date,
    parse_expiry,
    parse_number,
    split_list,
)
from ddtool.sources.yaml_tabs import tab_lines, tab_message, tab_problem, yaml_lines

_LINE = "__line__"
_KEY_LINES = "__key_lines__"
_MARKERS = (_LINE, _KEY_LINES)
MAX_EXPANDED_NODES = 5_000_000

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# the next alias as written after a list item's end (or a list's start): past spaces, line
# ends, commas, a flow list's '[', the next item's '-' and comments ("- *s1 # again *s1": the
# one after '#' is no alias), '*' and its anchor's name
_ALIAS = re.compile(r"(?:[\s,\-\[]|#[^\n]*)*(\*[^\s,\[\]{}]+)")

# YAML keys that map straight onto supplier fields: the table fields, with audits as a list
_TABLE_ONLY = ("audit_standard", "audit_date", "audit_result")
_KEYS = (set(FIELDS) - set(_TABLE_ONLY)) | {"audits"}
# the fields a key slipped from one's name is read as, when its value fits (as headers are)
_SLIPS_READ = (SLIPS_READ & _KEYS) | {"audits"}
_SUPPLIER_KEYS = frozenset(_KEYS | {"suppliers"})
_TOP_KEYS = frozenset({"company", "suppliers"})
_COMPANY_KEYS = frozenset({"id", "name", "country", "sector"})
_AUDIT_KEYS = frozenset({"standard", "date", "result"})
_CERTIFICATION_KEYS = frozenset({"name", "standard", "valid_until"})
# an audit's keys by the table's audit columns they are read as ('outcome' as 'Audit outcome')
_AUDIT_COLUMNS = {"audit_standard": "standard", "audit_date": "date", "audit_result": "result"}
# the fields that hold one value each, and those that hold a list of single values
_SINGLE = frozenset(
    {
        "id",
        "name",
        "country",
        "region",
        "sector",
        "share",
        "workers",
        "female_pct",
        "migrant_pct",
        "tier",
    }
)
_LISTS = ("products", "buyers")
_LIST_FIELDS = frozenset({*_LISTS, "certifications"})  # (a supplier's lists of single values)
_NUMBERS = ("share", "workers", "female_pct", "migrant_pct", "tier")

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_COMMA_TAIL = re.compile(r",[ \t]*")


_ItemLines = dict[int, tuple[list[Any], list[int]]]


def _id_like(text: str) -> bool:
    """Whether a text is written as a supplier id is, not as a person's or firm's name: no
    space, and a digit ('S1', 'T-104', 'COOP-CI-2'; not 'Jane Doe', 'Purchasing')."""
    return bool(text) and not any(c.isspace() for c in text) and any(c.isdigit() for c in text)


class _ImpossibleDate(str):
    """A value written as a date that does not exist (2025-13-01, 2026-02-30): kept as the
    text written, with where it is and why it is no date, for a located error where a date
    is read (elsewhere, an id say, it is that text)."""

    line: int
    column: int
    reason: str


# a comment right after a value, its '#' followed by no space: text that may have meant to be
# the value's ('Baz #1 supplier'), up to the end of the line
_CUT_BY_COMMENT = re.compile(r"[ \t]+(#[^\s#][^\n]*)")
# the keys of free text, where a '#' may belong to the value (a name, a product or part code,
# a certificate's number); a code, a number or a date holds none ('country: GH #Ghana')
_FREE_TEXT = frozenset({"id", "name", "region", "products", "buyers", "certifications", "standard"})


_YAML_TAG = "tag:yaml.org,2002:"


class _RefusedPairs(yaml.constructor.ConstructorError):
    """A tag read as a list of pairs (`!!omap`, `!!pairs`), refused where it is written."""


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that records the line of each mapping and of each list item, and each
    key written twice in one mapping."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.text = stream
        self.duplicates: list[tuple[str, int, int]] = []  # key, first line, repeated line
        # the line of each item of each list, by the list's id (lists carry no marker; the
        # list is kept with them, so that its id is not another's)
        self.item_lines: _ItemLines = {}
        # numbers split at a comma in a {…} mapping: key, text as written, line
        self.split_numbers: list[tuple[str, str, int]] = []
        # values cut at a comma in a {…} mapping: key, value as read, text as written, the
        # text cut off, line
        self.cut_at_commas: list[tuple[str, str, str, str, int]] = []
        # values an unquoted ' #' cut short: key, value as read, the text cut off, line
        self.cut_values: list[tuple[str, str, str, int]] = []
        self._joined: set[int] = set()  # the value nodes joined again from their parts
        self._line_starts: list[int] = []  # (made when an alias is first located)
        # keys that are lists or mappings, left out with their values: line, kind, as written
        self.bad_keys: list[tuple[int, str, str]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if node.flow_style:
            self._join_split_numbers(node)
            self._find_cut_values(node)
        # the keys written in this mapping, before a merge (<<) adds those of another, which
        # it may override: a key written twice here is a value YAML would drop
        written: dict[str, int] = {}
        merged_at: int | None = None  # the line of its '<<', where the keys merged are used
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag == "tag:yaml.org,2002:merge":
                merged_at = merged_at or key.start_mark.line + 1
            elif isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                if str(key.value) in written:
                    self.duplicates.append((str(key.value), written[str(key.value)], line))
                else:
                    written[str(key.value)] = line
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and str(key.value) in _FREE_TEXT:
                items = value.value if isinstance(value, yaml.SequenceNode) else [value]
                for item in items:
                    if isinstance(item, yaml.ScalarNode):
                        self._comment_after(str(key.value), item)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        mapping[_KEY_LINES] = {
            str(key.value): written.get(str(key.value), merged_at or key.start_mark.line + 1)
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
        return mapping

    def _comment_after(self, key: str, value: yaml.ScalarNode) -> None:
        """Record a value of free text an unquoted ' #' may have cut short: YAML reads the
        rest of the line as a comment, so `name: Baz #1 supplier` is the name 'Baz' and
        `- SKU #12` the product 'SKU'. A comment such as `# Ghana` (a space after '#') is
        taken as one."""
        if value.style or value.start_mark.line != value.end_mark.line:
            return
        found = _CUT_BY_COMMENT.match(self.text, value.end_mark.index)
        if found is not None:
            cut = found.group(1).rstrip()
            self.cut_values.append((key, str(value.value), cut, value.start_mark.line + 1))

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        """The mapping's pairs once a merge (<<) has added another's: a key that is a list
        or a mapping (`? [a, b]`) left out with its value, so that the rest is read, and
        the ids and texts of _AS_WRITTEN kept as written."""
        super().flatten_mapping(node)
        if any(not isinstance(key, yaml.ScalarNode) for key, _ in node.value):
            kept: list[tuple[yaml.Node, yaml.Node]] = []
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    kept.append((key, value))
                    continue
                text = " ".join(self.text[key.start_mark.index : key.end_mark.index].split())
                kind = "a list" if isinstance(key, yaml.SequenceNode) else "a mapping"
                self.bad_keys.append((key.start_mark.line + 1, kind, text))
            node.value = kept
        for key, value in node.value:
            if key.value in _AS_WRITTEN:
                if isinstance(value, yaml.SequenceNode):
                    for item in value.value:
                        _keep_written(item)
                else:
                    _keep_written(value)

    def _join_split_numbers(self, node: yaml.MappingNode) -> None:
        """Join a number that YAML split at its comma in a {…} mapping again: in
        `{workers: 1,200}` the comma ends the value, 1, and `200` becomes a key without a
        value. Such a key (bare digits, no colon, right after a number and a comma) is no
        key anyone writes: the value is read as written, '1,200', as a table cell is."""
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        for key, value in node.value:
            if pairs and self._continues_number(pairs[-1][1], key, value):
                before_key, before = pairs[-1]
                text = self.text[before.start_mark.index : key.end_mark.index]
                joined = yaml.ScalarNode(_STR, text, before.start_mark, key.end_mark, style="'")
                self._joined.add(id(joined))
                pairs[-1] = (before_key, joined)
                found = (str(before_key.value), text, before.start_mark.line + 1)
                if id(before) in self._joined:  # (1,200,000: a third part)
                    self.split_numbers[-1] = found
                else:
                    self.split_numbers.append(found)
                continue
            pairs.append((key, value))
        node.value = pairs

    def _find_cut_values(self, node: yaml.MappingNode) -> None:
        """Record each value YAML cut at a comma in a {…} mapping, and leave out the keys it
        made of the rest: in `{products: sugar, cocoa beans}` the comma ends the value,
        sugar, and `cocoa beans` becomes a key without a value (no ':' after it). Such a key,
        on the line of the value before it, is no key anyone writes but the rest of that
        value (a name 'Abidjan Trading, Inc' is cut the same way)."""
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        end: int | None = None  # where the last value (or the last part cut off it) ends
        for key, value in node.value:
            if pairs and end is not None and self._cut_off(pairs[-1][1], end, key, value):
                field, before = pairs[-1]
                text = self.text[before.start_mark.index : key.end_mark.index]
                rest = self.text[before.end_mark.index : key.end_mark.index].lstrip(", \t")
                line = before.start_mark.line + 1
                found = (str(field.value), str(before.value), text, rest, line)
                if end != before.end_mark.index:
                    self.cut_at_commas[-1] = found  # (a third part: 'T1, T2, T3')
                else:
                    self.cut_at_commas.append(found)
                end = key.end_mark.index
                continue
            pairs.append((key, value))
            plain = isinstance(value, yaml.ScalarNode) and not (
                value.tag == _NULL and value.value == ""
            )
            end = value.end_mark.index if plain else None
        node.value = pairs

    def _cut_off(self, before: yaml.Node, end: int, key: yaml.Node, value: yaml.Node) -> bool:
        """Whether key, with no value, is the rest of the value before it cut at a comma:
        right after it on its line, past a comma, and no ':' after it."""
        return (
            isinstance(before, yaml.ScalarNode)
            and isinstance(key, yaml.ScalarNode)
            and isinstance(value, yaml.ScalarNode)
            and value.tag == _NULL
            and value.value == ""
            and value.start_mark.index == key.end_mark.index
            and key.start_mark.line == before.end_mark.line
            and _COMMA_TAIL.fullmatch(self.text, end, key.start_mark.index) is not None
        )

    def _continues_number(self, before: yaml.Node, key: yaml.Node, value: yaml.Node) -> bool:
        """Whether key is the digits after a comma that split the number before it."""
        if not (isinstance(before, yaml.ScalarNode) and isinstance(key, yaml.ScalarNode)):
            return False
        number = id(before) in self._joined or (before.tag in (_INT, _FLOAT) and not before.style)
        return (
            number
            and not key.style
            and str(key.value).isascii()
            and str(key.value).isdigit()
            and isinstance(value, yaml.ScalarNode)
            and value.tag == _NULL
            and value.value == ""
            and _COMMA_TAIL.fullmatch(self.text, before.end_mark.index, key.start_mark.index)
            is not None
        )

    def _line_at(self, index: int) -> int:
        """The line of a character of the text."""
        if not self._line_starts:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return bisect.bisect_right(self._line_starts, index)

    def construct_item_lines(self, node: yaml.SequenceNode) -> Iterator[list[Any]]:
        """A list, with the line of each of its items recorded (an empty or wrong entry is
        reported at its own line)."""
        data: list[Any] = []
        lines: list[int] = []
        cursor = node.start_mark.index
        for item in node.value:
            if item.start_mark.index >= cursor:
                lines.append(item.start_mark.line + 1)
                cursor = item.end_mark.index
                continue
            # an alias of a node written above (`- *supplier`) is that node: at the alias
            found = _ALIAS.match(self.text, cursor)
            lines.append(
                item.start_mark.line + 1 if found is None else self._line_at(found.start(1))
            )
            cursor = cursor if found is None else found.end()
        self.item_lines[id(data)] = (data, lines)
        yield data
        data.extend(self.construct_sequence(node))

    def construct_checked_timestamp(self, node: yaml.ScalarNode) -> Any:
        """A date or time, unless it does not exist (2025-13-01, 2026-02-30): then the text
        as written, marked with why, and reading goes on (a date field reports it)."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            found = _ImpossibleDate(str(node.value))
            found.line = node.start_mark.line + 1
            found.column = node.start_mark.column + 1
            found.reason = _why_no_date(self.timestamp_regexp.match(str(node.value)))
            return found

    def construct_long_int(self, node: yaml.ScalarNode) -> int:
        """An integer, unless it is written with more digits than any value of a chain has
        (Python refuses to read more than 4,300, and no number of more than 308 becomes a
        float): a located error, not a failure in the middle of reading."""
        if len(str(node.value)) > MAX_INT_DIGITS:
            raise yaml.MarkedYAMLError(
                problem=f"a number of {len(str(node.value)):,} digits (at most"
                f" {MAX_INT_DIGITS} are read)",
                problem_mark=node.start_mark,
            )
        if not _DECIMAL.fullmatch(str(node.value)):
            # YAML 1.1 reads 0012 as octal 10, 0x1A as hex and 12:30 as base 60: in a supplier
            # list these are ids and codes, kept as written (a number field still reads them)
            return str(node.value)  # type: ignore[return-value]
        value: int = self.construct_yaml_int(node)
        return value

    def construct_set_as_list(self, node: yaml.MappingNode) -> Iterator[list[Any]]:
        """A set (`!!set {a, b}`) as the list of its members: a list where one value
        belongs is reported as such (a set built from a mapping would hold its line
        markers)."""
        data: list[Any] = []
        yield data
        data.extend(key for key in self.construct_mapping(node) if key not in _MARKERS)

    def construct_refused_pairs(self, node: yaml.Node) -> Any:
        """An ordered mapping (`!!omap`) or a list of pairs (`!!pairs`): a located error with
        what to write instead (PyYAML reads either as a list of pairs, which neither the
        supplier list nor any field takes, and no key of it would be read)."""
        raise _RefusedPairs(
            None,
            None,
            f"{node.tag.replace(_YAML_TAG, '!!')} is not read: remove the tag and write a plain"
            " mapping (key: value; its keys are read in the order written), and under"
            " 'suppliers:' a list with one mapping per supplier ('- id: S1', its other keys"
            " under it)",
            node.start_mark,
        )

    def construct_refused_binary(self, node: yaml.Node) -> Any:
        """Bytes (`!!binary`, base64): a located error (read as Python's bytes, an id would
        be "b'hello'", and a buyer naming it the same bytes would link to it)."""
        raise _RefusedPairs(
            None,
            None,
            "!!binary is not read: a supplier list holds text; remove the tag and write the"
            " value as text",
            node.start_mark,
        )

    def construct_plain_bool(self, node: yaml.ScalarNode) -> bool | str:
        """true and false are booleans; YAML 1.1's yes, no, on and off are kept as written:
        in a supplier list they are text (`country: NO` is Norway, not False)."""
        if str(node.value).lower() in ("true", "false"):
            value: bool = self.construct_yaml_bool(node)
            return value
        return str(node.value)

    def construct_grouped_float(self, node: yaml.ScalarNode) -> float | str:
        """A float, unless it is written as a whole number with dots grouping thousands
        (`workers: 1.200`, as German, Spanish and many other locales write 1200): kept as
        written, so that a worker count reads 1200, as in a table, not 1.2 (a number field
        still reads it: `share: 1.500` is 1.5 as before)."""
        if _GROUPED.fullmatch(str(node.value)):
            return str(node.value)
        value: float = self.construct_yaml_float(node)
        return value


MAX_INT_DIGITS = 100
# the keys whose values are ids or texts, kept as written where YAML 1.1 would read a number
# (`id: 4711_01` is not 471101, `id: 10.20` not 10.2, `company: 1024` is the name '1024')
_AS_WRITTEN = frozenset({"id", "buyers", "name", "region", "company"})
# what YAML 1.1 would read as other than text: numbers, true and false, dates and times
_READ_AS_WRITTEN = frozenset({_INT, _FLOAT, _BOOL, _TIMESTAMP})
# a whole number written with a decimal point, as a spreadsheet exports an id (1001.0)
_WHOLE = re.compile(r"[-+]?[0-9]+\.0+")


def _keep_written(node: yaml.Node) -> None:
    """A number, a boolean or a date written plainly, as the text written (`4711_01`,
    `10.20`, `1e3`, `true`, `2025-03-14 10:00`); but a whole number exported with its
    decimal point is that number (`1001.0` is '1001', as a spreadsheet's number cell is
    read), and one of more than MAX_INT_DIGITS digits is left to construct_long_int (an
    error wherever it is)."""
    if (
        isinstance(node, yaml.ScalarNode)
        and node.tag in _READ_AS_WRITTEN
        and not node.style
        and len(str(node.value)) <= MAX_INT_DIGITS
    ):
        text = str(node.value)
        if node.tag == _FLOAT and _WHOLE.fullmatch(text):
            text = str(int(text.split(".", 1)[0]))
        node.tag = _STR
        node.value = text


_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_long_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _LineLoader.construct_grouped_float)
_LineLoader.add_constructor("tag:yaml.org,2002:bool", _LineLoader.construct_plain_bool)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_item_lines)
_LineLoader.add_constructor("tag:yaml.org,2002:set", _LineLoader.construct_set_as_list)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_checked_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:omap", _LineLoader.construct_refused_pairs)
_LineLoader.add_constructor("tag:yaml.org,2002:pairs", _LineLoader.construct_refused_pairs)
_LineLoader.add_constructor("tag:yaml.org,2002:binary", _LineLoader.construct_refused_binary)


def _why_no_date(parts: re.Match[str] | None) -> str:
    """Why a value written as a date is none: the month, the day or the time of day."""
    if parts is None:  # (the resolver matched it: never)
        return "it is no date"
    year, month, day = (int(parts.group(name)) for name in ("year", "month", "day"))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return "there is no year 0"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days, not {day}"
    return f"there is no time of day {parts.group('hour')}:{parts.group('minute')}"


def _expanded(value: Any, limits: tuple[int, int]) -> tuple[int, int]:
    """The values and the characters of text once aliases are expanded, each stopping just
    past its limit (memoised per object, so that a bomb is cheap: one long text named by
    thousands of aliases counts each time it is named)."""
    most_values, most_chars = limits
    sizes: dict[int, tuple[int, int]] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, done = stack.pop()
        if not isinstance(item, dict | list):
            continue
        children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
        if done:
            values = chars = 0
            for child in children:
                if isinstance(child, dict | list):
                    below = sizes.get(id(child), (1, 0))
                    values, chars = values + below[0], chars + below[1]
                else:
                    values, chars = values + 1, chars + len(str(child))
            if isinstance(item, dict):
                values -= len(item)  # (its keys are no values of their own)
            sizes[id(item)] = (min(1 + values, most_values + 1), min(chars, most_chars + 1))
            continue
        if id(item) in sizes:
            continue
        sizes[id(item)] = (1, 0)  # provisional; also stops self-referencing loops
        stack.append((item, True))
        stack.extend((c, False) for c in children if isinstance(c, dict | list))
    if isinstance(value, dict | list):
        return sizes[id(value)]
    return 1, len(str(value))


# how a collection is counted in the nesting: a value, the top of the file or a supplier's
# entry (from which nesting is counted afresh), or a list of supplier entries
_VALUE, _ENTRY, _ENTRIES = 0, 1, 2
_ENDLESS = 1 << 62  # the nesting of a value that holds itself (an alias inside its anchor)
# the nesting libyaml reads, at most (its MAX_NESTING_LEVEL): deeper is a syntax error of its own
YAML_MOST_LEVELS = 1000


def _deep_value_key(text: str) -> tuple[str | None, int | None] | None:
    """Where a file libyaml refuses as nested too deep is so within a value, not by its
    suppliers nested in one another: the key (and its line) of the outermost value on the
    way down to where libyaml stops; None when the levels are the tiers' (or it cannot
    tell). Read as events, up to where libyaml stops: only for a file refused."""
    # each open collection: its role, its kind, the key it reads now (None while its next
    # key is awaited) and that key's line, and the key it is under and that key's line
    open_: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, yaml.CollectionStartEvent):
                mapping = isinstance(event, yaml.MappingStartEvent)
                if open_:
                    parent = open_[-1]
                    key, key_line = parent[2], parent[3]
                    if parent[1] == "mapping" and parent[2] is None:  # (a key that is a list)
                        key, key_line = None, _event_line(event)
                    role = _child_role(parent, mapping, top=len(open_) == 1)
                    if parent[1] == "mapping":
                        parent[2] = None  # (its value read: the next key awaited)
                else:
                    key, key_line = None, None
                    role = _ENTRY if mapping else _ENTRIES
                open_.append([role, "mapping" if mapping else "list", None, None, key, key_line])
            elif isinstance(event, yaml.CollectionEndEvent):
                open_.pop()
            elif isinstance(event, yaml.ScalarEvent | yaml.AliasEvent) and open_:
                mapping_ = open_[-1]
                if mapping_[1] == "mapping":
                    if mapping_[2] is None:  # (a key: an alias's, by its anchor)
                        written = getattr(event, "value", None) or f"*{event.anchor}"
                        mapping_[2], mapping_[3] = written, _event_line(event)
                    else:
                        mapping_[2] = None
    except yaml.YAMLError:
        # where libyaml stops: within a value open, or (a flow value, '[[[…', which it reads
        # ahead before it gives the value's start) in the value of the key read last
        first = next((c for c in open_ if c[0] == _VALUE), None)
        if first is not None:
            return first[4], first[5]
        last = open_[-1] if open_ else None
        if last is not None and last[1] == "mapping" and last[2] not in (None, "suppliers"):
            return last[2], last[3]
    return None


def _event_line(event: yaml.Event) -> int | None:
    return None if event.start_mark is None else event.start_mark.line + 1


def _child_role(parent: list[Any], mapping: bool, top: bool) -> int:
    """The role of a collection in an open one (see _deep_value_key): a supplier's entry in
    a list of them, a list of them under a supplier's (or the top's) 'suppliers:', else a
    value; the company's mapping (`top`: in the top) as an entry, whose keys hold values."""
    role, kind, key = parent[0], parent[1], parent[2]
    if role == _ENTRY and kind == "mapping" and key == "suppliers" and not mapping:
        return _ENTRIES
    if (role == _ENTRIES or (top and kind == "mapping" and key == "company")) and mapping:
        return _ENTRY
    return _VALUE


def _parts(item: Any, role: int) -> Iterator[tuple[Any, int, Any]]:
    """The collections nested in one, each with its role and its key (or index): the entries
    of a list of suppliers are left out, as the nesting is counted afresh in each."""
    if isinstance(item, dict):
        for key, child in item.items():
            if isinstance(child, dict | list) and key not in _MARKERS:
                held = role == _ENTRY and key == "suppliers" and isinstance(child, list)
                yield child, _ENTRIES if held else _VALUE, key
        return
    for index, child in enumerate(item):
        if isinstance(child, dict) and role == _ENTRIES:
            continue
        if isinstance(child, dict | list):
            yield child, _VALUE, index


def _levels(top: Any, role: int, known: dict[tuple[int, int], int]) -> int:
    """How many levels of lists and mappings one is, itself included (aliases count as the
    values they name, _ENDLESS for one that holds itself); iterative, memoised in known."""
    stack: list[tuple[Any, int, list[tuple[Any, int, Any]] | None]] = [(top, role, None)]
    while stack:
        item, kind, parts = stack.pop()
        if parts is not None:
            below = max((known[id(c), r] for c, r, _ in parts), default=0)
            known[id(item), kind] = min(1 + below, _ENDLESS)
        elif (id(item), kind) not in known:
            # (marked until done: a value met again below itself is nested without end)
            known[id(item), kind] = _ENDLESS
            parts = list(_parts(item, kind))
            stack.append((item, kind, parts))
            stack.extend((c, r, None) for c, r, _ in parts)
    return known[id(top), role]


def _tree_levels(top: Any, role: int, limit: int) -> int:
    """How many levels of lists and mappings one is, as _levels, for a file without aliases
    (a tree: no memo needed), stopping past limit."""
    deepest = 0
    stack = [(top, role, 1)]
    while stack:
        item, kind, depth = stack.pop()
        if depth > deepest:
            deepest = depth
            if depth > limit:
                break
        stack.extend((c, r, depth + 1) for c, r, _ in _parts(item, kind))
    return deepest


def _too_deep(
    data: Any, limit: int, item_lines: _ItemLines, aliases: bool
) -> tuple[int | None, bool] | None:
    """Where the data is nested more than limit levels deep, counted from the top of the
    file and afresh from each supplier's entry (nested suppliers are tiers, which
    --max-tiers limits): the line of the first value too deep, and whether it holds itself;
    None if nowhere. Aliases (where the file may hold any) count as the values they name."""
    if not isinstance(data, dict | list):
        return None
    known: dict[tuple[int, int], int] = {}
    # the top and each supplier's entry, in the order written (each once: an alias of an
    # enclosing list of suppliers is _walk's to report)
    tops: list[tuple[Any, int]] = [(data, _ENTRY if isinstance(data, dict) else _ENTRIES)]
    seen: set[int] = set()
    while tops:
        item, role = tops.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        levels = _levels(item, role, known) if aliases else _tree_levels(item, role, limit)
        if levels > limit:
            _levels(item, role, known)  # (the levels of each value within, to follow)
            return _deepest_line(item, role, limit, known, item_lines)
        held = item.get("suppliers") if isinstance(item, dict) else item
        if isinstance(held, list):
            tops.extend((e, _ENTRY) for e in reversed(held) if isinstance(e, dict))
    return None


def _deepest_line(
    item: Any, role: int, limit: int, known: dict[tuple[int, int], int], item_lines: _ItemLines
) -> tuple[int | None, bool]:
    """The line of the first value nested more than limit levels below item (which is
    nested too deep; of the alias that nests it so), and whether it holds itself."""
    line = item.get(_LINE) if isinstance(item, dict) else 1
    depth = 1
    on_path = {id(item)}
    while depth <= limit:
        lines = (
            item.get(_KEY_LINES, {})
            if isinstance(item, dict)
            else dict(enumerate(item_lines.get(id(item), ((), []))[1]))
        )
        child, kind, key = next(
            (c, r, k) for c, r, k in _parts(item, role) if depth + known[id(c), r] > limit
        )
        # (the text of an alias's anchor is above it: it is nested as deep at the alias)
        line = max(lines.get(key, line) or 0, line or 0) or None
        if id(child) in on_path:  # (an alias of a value it is inside)
            return line, True
        item, role, depth = child, kind, depth + 1
        on_path.add(id(child))
    return line, False


# The characters YAML refuses anywhere in a file (PyYAML's Reader.NON_PRINTABLE): the control
# characters but tab and the line breaks, DEL, the C1 controls but NEL, lone surrogates,
# U+FFFE and U+FFFF. The parser stops at the first, naming only its offset.
_REFUSED = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REFUSED_SHOWN = 20  # characters located one by one, of each kind; the rest are counted


def _refused_reported(text: str, path: str, problems: ProblemList) -> str:
    """The text with each character YAML refuses (_REFUSED) replaced by U+FFFD, each located
    (line and column): an `unsafe-characters` error in a value or a key, where it would reach
    the terminal and the reports; a warning in a comment, which is not read. The file is then
    read as replaced, so that its other problems are found in the same run. A line of only
    form feeds, vertical tabs and spaces (an old page break) is a blank line: a warning."""
    text = _page_breaks_blank(text, path, problems)
    replaced = _REFUSED.sub("\ufffd", text)
    read = _token_spans(replaced)
    starts = [start for start, _ in read]
    in_values: list[tuple[int, int, str]] = []
    in_comments: list[tuple[int, int, str]] = []
    line, line_start, counted = 1, 0, 0
    for found in _REFUSED.finditer(text):
        at = found.start()
        breaks = text.count("\n", counted, at)
        if breaks:
            line += breaks
            line_start = text.rindex("\n", counted, at) + 1
        counted = at
        index = bisect.bisect_right(starts, at) - 1
        in_token = index >= 0 and at < read[index][1]
        # (past the point a syntax error stopped the scan: taken as read, an error)
        unknown = not read or at >= read[-1][1]
        kind = in_values if in_token or unknown else in_comments
        kind.append((line, at - line_start + 1, found.group()))
    for line, column, char in in_values[:_REFUSED_SHOWN]:
        problems.error(
            "unsafe-characters",
            f"column {column} holds the {_character(char)} (it would reach the terminal and"
            " the reports; YAML refuses it): remove it (the rest of the file is read with U+FFFD,"
            " the replacement character, in its place)",
            Location(path, line=line),
        )
    for line, column, char in in_comments[:_REFUSED_SHOWN]:
        problems.warning(
            "comment-control-character",
            f"a comment holds the {_character(char)} at column {column}, which YAML refuses"
            " anywhere in a file: the comment is not read, but remove it",
            Location(path, line=line),
        )
    for kind, report in ((in_values, problems.error), (in_comments, problems.warning)):
        if len(kind) > _REFUSED_SHOWN:
            report(
                "unsafe-characters" if kind is in_values else "comment-control-character",
                f"and {len(kind) - _REFUSED_SHOWN:,} more such characters from this line on",
                Location(path, line=kind[_REFUSED_SHOWN][0]),
            )
    return replaced


# a line of nothing but spaces, tabs, form feeds and vertical tabs, with at least one of
# the last two (a page break some editors and old exports write between parts of a file)
_PAGE_BREAK_LINE = re.compile("^[ \t\f\v]*[\f\v][ \t\f\v]*$", re.MULTILINE)


def _page_breaks_blank(text: str, path: str, problems: ProblemList) -> str:
    """The text with each line of only page-break whitespace (_PAGE_BREAK_LINE) made blank
    (spaces in place of the form feeds and vertical tabs), each such line warned of: it
    holds nothing to read, so it is no error (YAML refuses the characters themselves)."""
    if "\f" not in text and "\v" not in text:
        return text
    lines = [text.count("\n", 0, found.start()) + 1 for found in _PAGE_BREAK_LINE.finditer(text)]
    for line in lines[:_REFUSED_SHOWN]:
        problems.warning(
            "comment-control-character",
            "this line holds only a form feed or vertical tab (a page break), which YAML"
            " refuses anywhere in a file: read as a blank line, but remove it",
            Location(path, line=line),
        )
    if len(lines) > _REFUSED_SHOWN:
        problems.warning(
            "comment-control-character",
            f"and {len(lines) - _REFUSED_SHOWN:,} more such lines from this line on",
            Location(path, line=lines[_REFUSED_SHOWN]),
        )
    return _PAGE_BREAK_LINE.sub(lambda found: " " * len(found.group()), text)


def _character(char: str) -> str:
    """'control character U+0007', 'character U+FFFE'."""
    control = "control character" if unicodedata.category(char) == "Cc" else "character"
    return f"{control} U+{ord(char):04X}"


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Where YAML's tokens lie in a text (start and end offsets, in order): what is read; a
    character outside them is in a comment (or a space). As far as the scan gets: a syntax
    error stops it, and the parse reports that."""
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=_Base):
            if token.end_mark.index > token.start_mark.index:
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass
    return spans


class YamlReader(ChainReader):
    """Reads hand-written YAML chains."""

    suffixes = (".yaml", ".yml")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        problems = ProblemList()
        chain = RawChain(str(path), [], problems)
        where = Location(str(path))
        if options.sheet is not None:  # (said, not ignored: as for a CSV file)
            problems.warning(
                "sheet-not-used",
                f"--sheet '{options.sheet}' is not used: a YAML file has no sheets",
                where,
            )
        try:
            raw = path.read_bytes()
        except OSError as e:  # (no permission, say: as a table's reader says it)
            problems.error("unreadable-file", f"cannot open: {e.strerror}", where)
            return chain
        # UTF-16 or UTF-32 with its byte-order mark (a Windows editor's "Unicode"), as YAML
        # allows, and UTF-16 without one, told by its zero bytes as YAML's own rules tell it
        wide = bom_encoding(raw) or zeros_encoding(raw)
        try:
            text = raw.decode(wide or "utf-8-sig")
        except UnicodeDecodeError as e:
            if wide is not None:
                problems.error(
                    "bad-encoding",
                    f"not valid {wide.upper()} text (at byte offset {e.start}: {e.reason});"
                    " save the file as UTF-8",
                    where,
                )
                return chain
            message, line = _encoding_message(raw)
            problems.error("bad-encoding", message, Location(str(path), line=line))
            return chain
        if not text.strip():
            problems.error("empty-file", "the file is empty", where)
            return chain
        if _REFUSED.search(text) is not None:  # (one pass at C speed; almost never)
            text = _refused_reported(text, str(path), problems)
        try:
            loader = _LineLoader(text)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
        except _RefusedPairs as e:
            line = e.problem_mark.line + 1 if e.problem_mark else None
            problems.error("bad-structure", str(e.problem), Location(str(path), line=line))
            return chain
        except yaml.constructor.ConstructorError as e:
            line = e.problem_mark.line + 1 if e.problem_mark else None
            problem = str(e.problem or "")
            tag = problem.replace("could not determine a constructor for the tag", "")
            if tag == problem:  # (no tag: a merge (<<) of no mapping, say)
                problems.error(
                    "bad-structure", f"invalid YAML: {problem}", Location(str(path), line=line)
                )
                return chain
            problems.error(
                "unsafe-yaml-tag",
                f"tag {tag.strip()} refused: only plain YAML data is read, nothing is executed",
                Location(str(path), line=line),
            )
            return chain
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else None
            told = _quote_or_document(e, text)
            if told is not None:  # (the parser's words name neither)
                message, line = told
                problems.error(
                    "yaml-syntax", f"invalid YAML: {message}", Location(str(path), line=line)
                )
                return chain
            if e.problem == "exceeded maximum nesting depth":  # (libyaml's own limit)
                in_value = _deep_value_key(text)
                if in_value is not None:  # (a value nested so deep, not the tiers)
                    key, key_line = in_value
                    problems.error(
                        "too-deep",
                        f"a value nested deeper than YAML is read ({YAML_MOST_LEVELS:,} levels"
                        " of lists and mappings one inside another): refused. A value is read"
                        f" nested at most {options.max_depth} levels deep, counted from the"
                        " top of the file or of the supplier's entry it is in (--max-depth"
                        f" raises it to {MOST_MAX_DEPTH})",
                        Location(str(path), line=key_line or line, column=key),
                    )
                    return chain
                problems.error(
                    "too-deep",
                    f"nesting deeper than YAML is read ({YAML_MOST_LEVELS:,} levels of lists"
                    " and mappings; a supplier nested in another takes two, so about"
                    f" {YAML_MOST_LEVELS // 2} tiers): refused. Write a chain this deep flat,"
                    " each supplier under the top 'suppliers:' naming its buyer in 'buyers:',"
                    " or as a table",
                    Location(str(path), line=line),
                )
                return chain
            tab = tab_problem(e, text)
            if tab is not None and e.problem_mark is not None:
                # (the parser's words do not say a tab is the trouble; it stops at the first,
                # and every line indented with one is told)
                tab_at = (e.problem_mark.line + 1, e.problem_mark.column + 1)
                for at, column in tab_lines(text, tab_at):
                    problems.error(
                        "yaml-syntax",
                        f"invalid YAML: {tab_message(column)}",
                        Location(str(path), line=at),
                    )
                return chain
            message, line = syntax_said(e, text)
            problems.error(
                "yaml-syntax", f"invalid YAML: {message}", Location(str(path), line=line)
            )
            return chain
        except (yaml.YAMLError, RecursionError) as e:
            problems.error("yaml-syntax", f"invalid YAML: {e}", where)
            return chain
        for key, first, line in sorted(loader.duplicates, key=lambda d: d[2]):
            problems.error(
                "duplicate-key",
                f"key {key!r} appears twice at the same level (also at line {first}): only"
                " the last would be read; remove or rename one",
                Location(str(path), line=line),
            )
        for line, kind, text in loader.bad_keys:
            problems.error(
                "bad-structure",
                f"a key must be text, got {kind} {text[:60]}: the key and its value are not read",
                Location(str(path), line=line),
            )
        if any(key == "suppliers" for key, _, _ in loader.duplicates):
            return chain  # (two lists of suppliers: which is meant is unknown; not read)
        # (any other key written twice stays an error, and the rest of the file is read)
        # (an alias needs an anchor: a file without both an '&' and a '*', most, is spared the
        # count; the text limit is what a file of the largest size holds)
        most = options.max_file_mb * 1_048_576
        aliased = "&" in text and "*" in text
        values, chars = _expanded(data, (MAX_EXPANDED_NODES, most)) if aliased else (0, 0)
        if values > MAX_EXPANDED_NODES:
            problems.error(
                "alias-bomb",
                f"aliases expand to more than {MAX_EXPANDED_NODES:,} values: refused",
                where,
            )
            return chain
        if chars > most:
            problems.error(
                "alias-bomb",
                f"aliases expand to more than {options.max_file_mb:,} MB of text (the limit of"
                " --max-file-mb): refused",
                where,
            )
            return chain
        deep = _too_deep(data, options.max_depth, loader.item_lines, aliased)
        if deep is not None:
            line, endless = deep
            problems.error(
                "too-deep",
                "a value nested in itself (an alias inside the value its anchor names):"
                " it has no end; refused"
                if endless
                else f"a value nested deeper than {options.max_depth} levels (lists and"
                " mappings one inside another, counted from the top of the file or of the"
                " supplier's entry it is in): refused (raise the limit with --max-depth)",
                Location(str(path), line=line),
            )
            return chain
        for key, text, line in loader.split_numbers:
            write = f"write {_plain_number(text)} or " if key in _NUMBERS else ""
            problems.warning(
                "comma-in-number",
                f"the comma in {text} ended the value at {text.split(',', 1)[0]} (in {{…}} YAML"
                f" ends a value at each comma): read as {text!r}, as a table cell is;"
                f" {write}quote it: '{text}'",
                Location(str(path), line=line, column=key),
            )
        for key, value, text, rest, line in loader.cut_at_commas:
            quoted, listed = f'{key}: "{text}"', f"{key}: [{text}]"
            # (no list where the key holds one value: a supplier's field, or an audit's or
            # certification's key, 'date', 'valid_until', 'expires')
            single = key not in _LIST_FIELDS and (
                key in _SINGLE
                or _part_key(key, "audit") is not None
                or _part_key(key, "certification") is not None
            )
            fix = (
                f"quote it, {quoted}"
                if single
                else f"write a list, {listed}, or quote it, {quoted}"
            )
            problems.error(
                "comma-in-value",
                f"{key} is cut at the comma: read as {value!r}, and {rest!r} is not read (in"
                f" {{…}} YAML ends a value at each comma): {fix}",
                Location(str(path), line=line, column=key),
            )
        for key, value, cut, line in loader.cut_values:
            whole = f"{value} {cut}".strip()
            read_as = repr(value) if value else "blank"
            problems.warning(
                "comment-in-value",
                f"{key} is read as {read_as}: in YAML an unquoted ' #' starts a comment, so"
                f' {cut!r} is not read. If it belongs to the value, quote it: "{whole}"; if it'
                " is a comment, a space after '#' says so",
                Location(str(path), line=line, column=key),
            )
        check = _Check(str(path), problems, loader.item_lines)
        check.text = text
        if isinstance(data, list):
            suppliers: Any = data
        elif isinstance(data, dict):
            lines = data.get(_KEY_LINES, {})
            misspelt = check.keys(data, _TOP_KEYS, "top-level key", aliases=False)
            company = data.get("company")
            if isinstance(company, dict):
                chain.company_location = Location(str(path), line=company.get(_LINE))
                # each key's own line, as a supplier's problems are located: the block's
                # first line is most often its name's, not the bad country's
                chain.company_cells = {
                    key: check.at(line, key)
                    for key, line in company.get(_KEY_LINES, {}).items()
                    if isinstance(key, str) and isinstance(line, int)
                }
                chain.company = check.company(company)
                chain.template_sample = text.startswith(TEMPLATE_YAML_HEAD_SAMPLE)
                chain.template = chain.template_sample or text.startswith(TEMPLATE_YAML_HEAD)
            elif isinstance(company, list):
                problems.error(
                    "bad-structure",
                    "'company' must be a mapping (name, id, country, sector) or a name, got a list",
                    check.at(lines.get("company"), "company"),
                )
            elif company is not None:  # a name ('company: 1024' as written: see _AS_WRITTEN)
                chain.company = {"name": str(_strip_lines(company))}
            suppliers = data.get("suppliers")
            if suppliers is None:
                near = misspelt.get("suppliers")
                problems.error(
                    "no-suppliers",
                    "no 'suppliers:' list (expected keys: company, suppliers)"
                    + (f"; {near!r} is not read" if near else ""),
                    check.at(lines.get(near) or lines.get("suppliers") or data.get(_LINE)),
                    suggestion="'suppliers'" if near else None,
                )
                return chain
        else:
            problems.error(
                "bad-structure", "expected a mapping with 'company' and 'suppliers'", where
            )
            return chain
        check.suppliers = suppliers
        company_id = chain.company.get("id") if isinstance(chain.company, dict) else None
        if company_id is not None and not isinstance(company_id, dict | list):
            check.company_id = as_id(company_id)
        self._walk(check, suppliers, None, chain, data)
        return chain

    def _walk(
        self, check: _Check, items: Any, parent: str | None, chain: RawChain, owner: Any
    ) -> None:
        """Flatten nested suppliers in the order they are written (a nested entry before
        the entries after its parent's); iterative so that deep nesting cannot recurse."""
        # the lists being read, the innermost last: each with its entries left (and their
        # lines), the id of the supplier it is under, and its id(); a list that is open
        # already (an alias of an enclosing list) would be read without end
        stack: list[tuple[Iterator[tuple[Any, int | None]], str | None, int]] = []
        open_lists: set[int] = set()
        # each list and entry read, by its id(), with where it was first given (the line
        # of the first id) and the supplier it is under: met again, it is an alias's
        given: dict[int, tuple[int | None, str | None]] = {}

        def enter(entries: Any, parent_id: str | None, holder: Any) -> None:
            lines = holder.get(_KEY_LINES, {}) if isinstance(holder, dict) else {}
            line = lines.get("suppliers", holder.get(_LINE) if isinstance(holder, dict) else None)
            if entries is None:
                return  # ('suppliers:' with nothing: no suppliers beneath, as an empty list)
            if not isinstance(entries, list):
                # (at the line of the key 'suppliers' that holds them; a bare list is a list)
                chain.problems.error(
                    "bad-structure",
                    f"'suppliers' must be a list of suppliers, got {_described(entries)}",
                    check.at(line, "suppliers"),
                )
                return
            if id(entries) in open_lists:
                chain.problems.error(
                    "bad-structure",
                    "'suppliers' holds a list it is part of (an alias of an enclosing list):"
                    " its suppliers would supply themselves without end; it is not read",
                    check.at(line, "suppliers"),
                )
                return
            if id(entries) in given:  # (an alias of a list read already: `suppliers: *farms`)
                check.repeated(entries, given[id(entries)], line, parent_id)
                return
            open_lists.add(id(entries))
            lines = check.lines_of(entries)
            first = next((e for e in entries if isinstance(e, dict)), None)
            at = None if first is None else first.get(_KEY_LINES, {}).get("id", first.get(_LINE))
            given[id(entries)] = (at, parent_id)
            pairs = zip(entries, lines, strict=True)
            stack.append((pairs, parent_id, id(entries)))

        enter(items, parent, owner)
        while stack:
            pairs, parent_id, list_id = stack[-1]
            step = next(pairs, None)
            if step is None:
                stack.pop()
                open_lists.discard(list_id)
                continue
            entry, line = step
            if not isinstance(entry, dict):
                chain.problems.error(
                    "bad-structure",
                    "a supplier must be a mapping of keys, got "
                    + (
                        "an empty entry (nothing, or null, after its '-')"
                        if entry is None
                        else _described(entry)
                        if isinstance(entry, list)
                        else f"{type(entry).__name__} {str(entry)[:40]!r}"
                    ),
                    check.at(line),
                )
                continue
            if id(entry) in given:  # (an alias of an entry read already: `- *shared`)
                check.repeated(entry, given[id(entry)], line, parent_id)
                continue
            # (an alias of an entry written above, `- *supplier`: at its own line, each key
            # too)
            alias = line is not None and line != entry.get(_LINE)
            own_line = entry.get(_KEY_LINES, {}).get("id", entry.get(_LINE))
            given[id(entry)] = (line if alias else own_line, parent_id)
            read = check.supplier(entry, parent_id)
            if read is not None:
                fields, extras, keys = read
                record = RawRecord(
                    fields,
                    Location(check.path, line=line if alias else entry.get(_LINE)),
                    columns=keys,
                    extras=extras,
                    parent=parent_id,
                    lines={} if alias else entry.get(_KEY_LINES, {}),
                )
                chain.records.append(record)
            if "suppliers" in entry:
                # (the id as read, and as the entry's own id is: 'id: [A]' is A, 'P4 ' P4)
                own_id = None if read is None else read[0].get("id")
                own = None if own_id is None else as_id(own_id) or None
                enter(entry["suppliers"], own, entry)


class _Check:
    """The checks of the YAML reader on what a file holds: the shape of each value, keys
    that look like a field's, dates that do not exist; each problem at its own line."""

    def __init__(self, path: str, problems: ProblemList, item_lines: _ItemLines) -> None:
        self.path = path
        self.problems = problems
        self.item_lines = item_lines
        # the file's suppliers and company id: the ids a buyer link written here can name
        self.suppliers: Any = None
        self.company_id = "company"
        self._ids: frozenset[str] | None = None
        self.text = ""  # (the file's text: where an alias is written, told on the error path)

    def repeated(
        self,
        value: Any,
        first: tuple[int | None, str | None],
        line: int | None,
        parent: str | None,
    ) -> None:
        """Report an alias that gives again an entry, or a list of them, read already: one
        duplicate-id at the alias, naming the ids it repeats (those nested in them too),
        which are not read again."""
        first_line, first_parent = first
        entries = value if isinstance(value, list) else [value]
        ids = _ids_written(entries)
        if not ids:
            return  # (entries without a usable id: said where they are written)
        alias, name = _alias_at(self.text, line)
        tops = [i for i in map(_entry_id, entries) if i is not None]
        shown = ", ".join(map(repr, ids[:5])) + (" …" if len(ids) > 5 else "")
        what = "entry" if isinstance(value, dict) else "entries"
        if isinstance(value, dict) and len(ids) > 1:
            what += ", and the suppliers nested in it,"
        message = (
            f"duplicate supplier {'id' if len(ids) == 1 else 'ids'} {shown} (first defined at"
            f" {self.at(first_line)}): {f'the alias {name}' if name else 'an alias'} repeats"
            f" the {what} defined there"
        )
        if parent is not None and parent != first_parent and tops:
            named = ", ".join(map(repr, tops[:5])) + (" …" if len(tops) > 5 else "")
            message += (
                f"; a supplier of several buyers is given once: give {named} once and add"
                f" {parent!r} to {'its' if len(tops) == 1 else 'their'} 'buyers' (nested"
                " under one buyer, a supplier keeps that one too)"
            )
        else:
            message += "; give each supplier once, or give them different ids"
        self.problems.error("duplicate-id", message, self.at(alias))

    def at(self, line: int | None, key: str | None = None) -> Location:
        """The location of a line (and key) of the file."""
        return Location(self.path, line=line, column=key)

    def lines_of(self, items: list[Any]) -> list[int | None]:
        """The line of each item of a list read from the file."""
        found = self.item_lines.get(id(items))
        if found is None or found[0] is not items:
            return [None] * len(items)
        return list(found[1])

    def ids(self) -> frozenset[str]:
        """The ids a buyer link in this file can name: its suppliers' and the company's."""
        if self._ids is None:
            self._ids = frozenset(_ids_in(self.suppliers)) | {self.company_id}
        return self._ids

    def keys(
        self,
        mapping: dict[Any, Any],
        known: frozenset[str],
        what: str,
        aliases: bool,
        parent: str | None = None,
        renames: dict[str, str] | None = None,
    ) -> dict[str, str]:
        """Warn of each key that is no known one but looks like one (the same in another
        case, misspelt, or, with aliases, a table header of it); the keys by what they
        look like. `parent`: the id of the supplier a nested entry is under. `renames`,
        when given (a supplier entry's keys), receives each key read as the field it is a
        slip of (as the table readers read a slipped header), by its key."""
        lines = mapping.get(_KEY_LINES, {})
        found: dict[str, str] = {}
        nears: list[tuple[str, str, str]] = []
        for key in mapping:
            if not isinstance(key, str) or key in known or key in _MARKERS:
                continue
            many = isinstance(mapping[key], dict | list)
            near = _near_key(key, known, aliases, many)
            # a key judged by what it holds: entries written as suppliers are would be lost
            # whatever its name ('sub_suppliers', 'farms', 'tier_2'), unless it is read as
            # 'suppliers' in another case or spelling where the entry gives no such key
            spelt = near is not None and near[0] == "suppliers" and "suppliers" not in mapping
            if many and not spelt and not _named_other(key) and _supplier_entries(mapping[key]):
                near = ("suppliers", "entries")
            if near is not None:
                nears.append((key, *near))
        # (the name in another case before a slip: 'Country' is read beside 'contry')
        nears.sort(key=lambda near: near[2] != "case")
        for key, meant, how in nears:
            value = mapping[key]
            if how == "entries":
                found.setdefault(meant, key)
                if what != "top-level key" or "suppliers" in mapping:
                    self._entries_key(mapping, key, what, lines.get(key))
                continue  # (at the top without 'suppliers:': no-suppliers names the key)
            if how != "case" and (
                (meant in mapping and meant != key)
                or (meant in _TABLE_ONLY and "audits" in mapping)
            ):
                continue  # (beside the field itself, a key of the user's own: 'city', 'sectors')
            if what == "key" and meant == "suppliers" and not isinstance(value, dict | list):
                continue  # ('supplied: since 2019': suppliers are a list of entries, no text)
            found.setdefault(meant, key)
            if what == "top-level key" and meant == "suppliers" and "suppliers" not in mapping:
                continue  # (reported as no-suppliers, with the suggestion)
            if renames is not None and meant in renames.values() and how != "alias":
                first = next(k for k, m in renames.items() if m == meant)
                self.problems.warning(
                    "unmapped-key",
                    f"key {key!r} is written much like {meant!r} too, but key {first!r} is"
                    " read as it: it is kept as an attribute; keep one",
                    self.at(lines.get(key), key),
                    suggestion=f"'{meant}'",
                )
                continue
            readable = (
                renames is not None
                and how != "alias"
                and meant in _SLIPS_READ
                and meant not in mapping
            )
            if readable and renames is not None and self._fits(meant, value, parent):
                renames[key] = meant
                self.problems.warning(
                    "misspelt-key",
                    f"key {key!r} is not a field's name but is written much like {meant!r}"
                    f" ({'another case' if how == 'case' else 'a slip'}): it is read as"
                    f" {meant!r}; correct the key",
                    self.at(lines.get(key), key),
                    suggestion=f"'{meant}'",
                )
                continue
            lost = meant not in mapping and self._holds_links(meant, value, parent)
            how = "unfit" if readable else how  # (a slip, of a value the field does not take)
            self._unread_key(key, meant, how, what, lines.get(key), lost)
        return found

    def _entries_key(self, mapping: dict[Any, Any], key: str, what: str, line: int | None) -> None:
        """Report a key that holds entries written as suppliers are but is not read as
        'suppliers': they would be left out of the chain, and its risk read lower."""
        entries = _supplier_entries(mapping[key])
        named = [_entry_name(entry) for entry in entries[:4]]
        shown = ", ".join(repr(name) for name in named[:3] if name) or "without ids"
        shown += " …" if len(entries) > 3 else ""
        held = f"{what} {key!r} holds entries written as suppliers ({shown})"
        if not _names_suppliers(key):
            # (a key of the user's own records, 'factories', 'clients': never blocking)
            self.problems.warning(
                "unmapped-key",
                f"{held}: these entries look like suppliers and are not assessed: name the"
                " key 'suppliers' if they are",
                self.at(line, key),
                suggestion="'suppliers'",
            )
            return
        if what == "company key":
            message = (
                f"{held}, but the company block reads only its id, name, country and sector:"
                " it is ignored, and the suppliers it holds are lost; give them in the"
                " top-level 'suppliers'"
            )
        elif what == "top-level key":
            message = (
                f"{held}, but only 'suppliers' is read as the chain's suppliers: it is"
                " ignored, and the suppliers it holds are lost; move them into 'suppliers'"
            )
        else:
            fix = (
                "move them into its 'suppliers'"
                if "suppliers" in mapping
                else "name the key 'suppliers'"
            )
            message = (
                f"{held}, but only a key 'suppliers' is read as the suppliers beneath a"
                f" supplier: it is kept as an attribute, and the suppliers it holds are lost;"
                f" {fix}"
            )
        self.problems.error("unmapped-key", message, self.at(line, key), suggestion="'suppliers'")

    def _fits(self, meant: str, value: Any, parent: str | None) -> bool:
        """Whether a key's value fits the field it looks like (see _SLIPS_READ): buyer
        links for the buyers (_holds_links), a list or a text for the products and the
        certifications, a single value for the others. A key is one entry's: its value is
        read and checked as the field's (a misspelt country under 'contry:' is reported as
        an unknown country, not kept out of sight)."""
        if meant == "buyers":
            return self._holds_links(meant, value, parent)
        if meant == "audits":  # (audits, each a mapping: 'Audits:', 'audit: {…}')
            items = value if isinstance(value, list) else [value]
            return bool(items) and all(isinstance(item, dict) for item in items)
        value = _strip_lines(value)
        if meant in ("products", "certifications"):
            return isinstance(value, str | list) and bool(value)
        value = _unlisted(value)
        if value is None or value == "" or isinstance(value, dict | list):
            return False
        # a count or a percentage is told by its value ('shares: 1200' is no share)
        return meant not in _NUMBERS or values_fit(meant, [value])

    def _holds_links(self, meant: str, value: Any, parent: str | None) -> bool:
        """Whether a key taken for `buyers` or `suppliers` holds what that field would read:
        suppliers (a list or mapping of them), or buyer links (a list, or a text naming ids
        of this file; a contact's name, 'buyer: Jane Doe', is none). The supplier a nested
        entry is under is its buyer already."""
        if meant == "suppliers":
            return isinstance(value, dict | list)
        if meant != "buyers" or isinstance(value, dict) or value is None:
            return False
        items = value if isinstance(value, list) else split_list(_strip_lines(value))
        named = {
            as_id(_strip_lines(item))
            for item in items
            if item is not None and not isinstance(item, dict | list)
        }
        named.discard(as_id(parent) if parent is not None else "")
        if isinstance(value, list):
            return bool(named) or any(isinstance(item, dict | list) for item in value)
        # an id of this file, or one written as ids are (no space, a digit: 'S1', 'T-104'),
        # which may be a supplier of another file given with it
        return not named.isdisjoint(self.ids()) or any(map(_id_like, named))

    def _unread_key(
        self, key: str, meant: str, how: str, what: str, line: int | None, lost: bool
    ) -> None:
        """Report a key that is not read though it looks like the key `meant`; `lost`: it
        holds buyer links or suppliers that the chain would have."""
        if meant in _TABLE_ONLY:
            # (a supplier's audit not read lowers no score it should: an error, as a key of
            # an audit that is not read)
            report = self.problems.error if what == "key" else self.problems.warning
            report(
                "unmapped-key",
                f"{what} {key!r} names a table column; in YAML an audit is written in"
                " 'audits:' ({standard: …, date: …, result: …}): it is kept as an attribute"
                " and not read",
                self.at(line, key),
                suggestion="'audits'",
            )
            return
        why = {
            "case": "keys are written exactly as the field names",
            "spelling": "no key has this name",
            "alias": "a table header; in YAML the key is the field's name",
            "unfit": f"its value is not one {meant!r} takes",
        }[how]
        kept = "kept as an attribute" if what == "key" else "ignored"
        message = f"{what} {key!r} is not read as {meant!r} ({why}): it is {kept}"
        if lost:
            message += {
                "buyers": ", and the buyer links it names are lost",
                "suppliers": ", and the suppliers it holds are lost",
            }[meant]
        # a lost link or list of suppliers changes the chain itself: an error, unless the
        # key is a word of its own that tables read as the field ('customer')
        if lost and how != "alias":
            self.problems.error(
                "unmapped-key", message, self.at(line, key), suggestion=f"'{meant}'"
            )
        else:
            self.problems.warning(
                "unmapped-key", message, self.at(line, key), suggestion=f"'{meant}'"
            )

    def company(self, company: dict[Any, Any]) -> dict[str, Any]:
        """The company block's keys, with those of the wrong shape reported and left out."""
        self.keys(company, _COMPANY_KEYS, "company key", aliases=True)
        lines = company.get(_KEY_LINES, {})
        out: dict[str, Any] = {}
        for key, value in company.items():
            if key in _MARKERS:
                continue
            if key in _COMPANY_KEYS:
                value = _unlisted(value)
                if isinstance(value, dict | list):
                    self._not_single(f"company {key}", value, lines.get(key), key)
                    continue
            out[key] = _strip_lines(value)
        return out

    def supplier(
        self, entry: dict[Any, Any], parent: str | None = None
    ) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]] | None:
        """A supplier entry's fields, extras and the keys read as fields they are slips of
        (by field), its problems reported; None when its id is not one (a list or a
        mapping). `parent`: the id of the supplier it is under."""
        renames: dict[str, str] = {}
        self.keys(entry, _SUPPLIER_KEYS, "key", aliases=True, parent=parent, renames=renames)
        lines: dict[str, int] = entry.get(_KEY_LINES, {})
        for key, meant in renames.items():  # (a problem of the field is at the key's line)
            if key in lines:
                lines[meant] = lines[key]
        fields: dict[str, Any] = {}
        extras: dict[str, Any] = {}
        usable = True
        for key, value in entry.items():
            if key in (*_MARKERS, "suppliers"):
                continue
            key = renames.get(key, key)
            if not (isinstance(key, str) and key in _KEYS):
                extras[str(key)] = _strip_lines(value)
                continue
            line = lines.get(key)
            if key in _SINGLE:
                value = _unlisted(value)
                if key == "tier" and _is_list_of_single(value):
                    # several tiers, as ddtool's JSON writes them ([2, 3]): read as the
                    # table cell '2, 3' is, by its first tier (as before YAML was checked)
                    value = ", ".join(str(_strip_lines(item)) for item in value)
                if isinstance(value, dict | list):
                    self._not_single(key, value, line, key)
                    usable = usable and key != "id"
                    continue
            if key in _LISTS:
                value = self._list_of_single(key, value, line)
            elif key == "audits":
                value = self._audits(value, line)
                # each audit's result and standard lines, for a result the score does not
                # know and a standard not known to audit labour conditions, and its date's,
                # for a date after the as-of date (Chain.dates_after)
                lines.update(_part_lines(key, value, ("result", "standard", "date")))
            elif key == "certifications":
                value = self._certifications(value, line)
                # each certification's expiry line (a date far ahead: Chain.dates_after)
                lines.update(_part_lines(key, value, ("valid_until",)))
            fields[key] = _strip_lines(value)
        keys = {meant: key for key, meant in renames.items()}
        return (fields, extras, keys) if usable else None

    def _not_single(self, name: str, value: Any, line: int | None, key: str) -> None:
        """Report a list or a mapping where one value belongs."""
        self.problems.error(
            "bad-structure",
            f"{name} must be a single value{' or a list of them' if name == 'tier' else ''},"
            f" got {_kind(value)} {_shown(value)}"
            + (
                ": a supplier with several ids is several suppliers"
                if name == "id" and isinstance(value, list)
                else ""
            ),
            self.at(line, key),
        )

    def _list_of_single(self, key: str, value: Any, line: int | None) -> Any:
        """A list of single values (products, buyers): items that are lists or mappings
        are reported and left out."""
        if isinstance(value, dict):
            self.problems.error(
                "bad-structure",
                f"{key} must be a list such as [A, B] or a single value, got a mapping"
                f" {_shown(value)}",
                self.at(line, key),
            )
            return None
        if not isinstance(value, list):
            return value
        kept: list[Any] = []
        for item, item_line in zip(value, self.lines_of(value), strict=True):
            if isinstance(item, dict | list):
                self.problems.error(
                    "bad-structure",
                    f"each item of {key} must be a single value, got {_kind(item)}"
                    f" {_shown(item)}"
                    + (" (two buyers are written [A, B])" if key == "buyers" else ""),
                    self.at(item_line or line, key),
                )
            else:
                kept.append(item)
        return kept

    def _audits(self, value: Any, line: int | None) -> list[Any]:
        """The audits, each a mapping (one mapping alone is one audit): anything else, and
        a date that cannot be read, reported at its own line and left out."""
        if value is None:
            return []  # ('audits:' with nothing: no audits)
        items = value if isinstance(value, list) else [value]
        out: list[Any] = []
        for item, item_line in zip(items, self.lines_of(items), strict=True):
            where = self.at(item_line or line, "audits")
            if not isinstance(item, dict):
                self.problems.error(
                    "bad-audit",
                    "an audit needs standard, date and result keys, got "
                    + ("an empty entry" if item is None else _described(item)),
                    where,
                )
                continue
            item = self._part_keys(item, "audit")
            audit = self._singles(item, _AUDIT_KEYS, "audit", line)
            audit["date"] = self._date(audit.get("date"), "audit date", item, line)
            out.append(audit)
        return out

    def _certifications(self, value: Any, line: int | None) -> Any:
        """The certifications: names, or mappings with a name and valid_until."""
        if isinstance(value, dict):
            value = [value]  # (one certification written as a mapping)
        if not isinstance(value, list):
            return value
        out: list[Any] = []
        for item, item_line in zip(value, self.lines_of(value), strict=True):
            if isinstance(item, list):
                self.problems.error(
                    "bad-certification",
                    f"each certification must be a name or a mapping with a name, got a list"
                    f" {_shown(item)}",
                    self.at(item_line or line, "certifications"),
                )
                continue
            if isinstance(item, dict):
                item = self._part_keys(item, "certification")
                item = self._singles(item, _CERTIFICATION_KEYS, "certification", line)
                if not (item.get("name") or item.get("standard")):
                    # (said at the entry, not at the list's key lines above it)
                    self.problems.error(
                        "bad-certification",
                        "a certification needs a 'name'",
                        self.at(item_line or line, "certifications"),
                    )
                    continue
                item["valid_until"] = self._date(
                    item.get("valid_until"), "certification valid_until", item, line
                )
            out.append(item)
        return out

    def _part_keys(self, item: dict[Any, Any], what: str) -> dict[Any, Any]:
        """An audit's or certification's mapping with each key read as the key it names
        (_part_key: in another case or spacing, or a header the table readers read as that
        column); a key that names none, or a second key naming one, is an error: its value
        (a failed result, an expiry) would be lost, and the score with it."""
        known = _AUDIT_KEYS if what == "audit" else _CERTIFICATION_KEYS
        lines: dict[str, int] = item.get(_KEY_LINES, {})
        out: dict[Any, Any] = {}
        read_from: dict[str, str] = {}  # each key read, by the key written
        for key, value in item.items():
            if key in _MARKERS:
                out[key] = value
                continue
            meant = _part_key(key, what) if isinstance(key, str) else None
            if meant is None:
                self._unknown_part_key(item, key, what, known)
                continue
            if meant in read_from:
                self.problems.error(
                    "unmapped-key",
                    f"{what} keys {read_from[meant]!r} and {key!r} both give its {meant}:"
                    f" {key!r} is not read; keep one",
                    self.at(lines.get(key), str(key)),
                )
                continue
            read_from[meant] = key
            out[meant] = value
        out[_KEY_LINES] = {
            **lines,
            **{meant: lines[key] for meant, key in read_from.items() if key in lines},
        }
        return out

    def _unknown_part_key(
        self, item: dict[Any, Any], key: Any, what: str, known: frozenset[str]
    ) -> None:
        """Report a key of an audit or certification that names none of its keys, with the
        key it probably means: one a letter or two away, else the one its value fits; never
        one the entry already gives. A certification's date under a key of its issue or
        start ('date', 'issued', 'valid_from', 'since') is said not to be read: only the
        expiry is."""
        value = _strip_lines(item[key])
        given = {
            "name" if read == "standard" and what == "certification" else read
            for other in item
            if isinstance(other, str) and other not in _MARKERS and other != key
            if (read := _part_key(other, what)) is not None
        }
        free = [name for name in sorted(known) if name not in given]
        if what == "certification":
            free = [name for name in ("name", "valid_until") if name not in given]
        near = _near_key(str(key), frozenset(free), False) if free else None
        dated = isinstance(value, dt.date) or (
            isinstance(value, str) and expiry_problem(value) is None
        )
        note = ""
        meant: str | None
        if near is not None:
            meant = f"'{near[0]}'"
        elif what == "audit":
            if dated:
                meant = "'date'" if "date" not in given else None
            elif isinstance(value, str) and audit_outcome(value) is not None:
                meant = "'result'" if "result" not in given else None
            else:
                meant = " or ".join(f"'{name}'" for name in free) or None
                if len(free) == 3:
                    meant = "'standard', 'date' or 'result'"
        elif dated and _issue_key(str(key)):
            meant = None  # (its issue or start: no expiry)
            note = "; a certification is read by its expiry only (valid_until), not the day it"
            note += " was issued or began"
        elif dated:
            meant = "'valid_until'" if "valid_until" not in given else None
        elif isinstance(value, str) and isinstance(item.get("name"), str):
            # (a status: the name says it, 'SA8000 (suspended)', as a table cell does)
            meant = f"name: '{item['name']} ({value})'"
        else:
            meant = " or ".join(f"'{name}'" for name in free) or None
        reads = "standard, date and result" if what == "audit" else "name and valid_until"
        article = "an" if what == "audit" else "a"
        self.problems.error(
            "unmapped-key",
            f"{what} key {str(key)!r} is not read ({article} {what} is read from {reads}, or the"
            " table's headers of them): "
            + ("it holds nothing" if value is None else f"{_described(value)} would be lost")
            + note,
            self.at(item.get(_KEY_LINES, {}).get(key), str(key)),
            suggestion=meant,
        )

    def _singles(
        self, item: dict[Any, Any], known: Collection[str], what: str, line: int | None
    ) -> dict[Any, Any]:
        """An audit's or certification's mapping, its known keys that hold a list or a
        mapping reported and left out."""
        lines = item.get(_KEY_LINES, {})
        out: dict[Any, Any] = {}
        for key, value in item.items():
            if key in known:
                value = _unlisted(value)
                if isinstance(value, dict | list):
                    self._not_single(f"{what} {key}", value, lines.get(key, line), key)
                    continue
            out[key] = value
        return out

    def _date(self, value: Any, what: str, item: dict[Any, Any], line: int | None) -> Any:
        """A date of an audit or certification as written, or None when it cannot be read
        (reported at its line, so that it is not reported again at the supplier's)."""
        if value is None:
            return None
        key = "date" if what == "audit date" else "valid_until"
        at = self.at(item.get(_KEY_LINES, {}).get(key, line), key)
        if isinstance(value, _ImpossibleDate):
            self.problems.error(
                "bad-date",
                f"{what}: {value} (column {value.column}) does not exist: {value.reason}",
                self.at(value.line, key),
            )
            return None
        try:  # (an expiry of a month or a year is its last day: see parse_expiry)
            (parse_date if key == "date" else parse_expiry)(value)
        except ValueProblem as e:
            self.problems.error("bad-date", f"{what}: {e}", at)
            return None
        return value


@functools.cache
def _name_slips() -> tuple[tuple[str, str], ...]:
    """The table headers (as header_key writes them) that are a field name with a letter
    left out, added, changed or swapped ('buyer', 'product'), each with that name: a key a
    letter away from one is a slip of it, as the header is read as the field."""
    from rapidfuzz.distance import OSA

    return tuple(
        sorted(
            (alias, name)
            for alias, name in ALIAS_TO_FIELD.items()
            if alias != header_key(name)
            and len(alias) >= 4
            and OSA.distance(alias, header_key(name), score_cutoff=1) <= 1
        )
    )


@functools.lru_cache(maxsize=4096)  # (the same keys of one's own in every entry)
def _near_key(
    key: str, known: frozenset[str], aliases: bool, many: bool = False
) -> tuple[str, str] | None:
    """The known key a key that is none probably means, and how it differs: "case" (the
    same in another case or punctuation: 'Country', 'female-pct'), "spelling" (a letter or
    two away: 'contry', 'byers', 'buyer'; or a letter from a header that is such a slip: 'byer')
    or "alias" (a header the table readers read as
    it: 'migrant percent', 'county'). `many`: the key holds a list or a mapping, which no
    field of a single value does ('supplier:' with a list is no name)."""
    from rapidfuzz.distance import OSA  # (only for a file with keys of its own)

    written = header_key(key)
    if not written:
        return None
    by_key = {header_key(name): name for name in known}
    if written in by_key:
        return by_key[written], "case"
    misspelt, fewest = None, 3
    for form, name in by_key.items():
        # a slip of one letter in a short name, of two in a long one; names of fewer than
        # four letters ('id') are too close to too many words
        most = 1 if len(form) <= 6 else 2
        distance = OSA.distance(written, form, score_cutoff=most)
        if len(form) >= 4 and distance <= most and distance < fewest:
            misspelt, fewest = name, distance
    if misspelt is None:
        # a slip of a name's slip read as the name ('byer': 'buyer', of 'buyers'), those of
        # four letters or more as above
        misspelt = next(
            (
                name
                for slip, name in _name_slips()
                if name in known and OSA.distance(written, slip, score_cutoff=1) <= 1
            ),
            None,
        )
    field = ALIAS_TO_FIELD.get(written) if aliases else None
    if (
        field is not None
        and field != misspelt
        and (field in known or field in _TABLE_ONLY)
        and not (many and misspelt is not None and field in _SINGLE)
    ):
        return field, "alias"  # ('county' is a region, not a misspelt country)
    return None if misspelt is None else (misspelt, "spelling")


@functools.lru_cache(maxsize=1024)  # (the same keys in every audit)
def _part_key(key: str, what: str) -> str | None:
    """The key of an audit ("audit") or a certification a key is read as: itself, the key
    in another case or spacing ('Result', 'valid until', 'validUntil'), or a header the
    table readers read as that column, the word 'audit' or 'certification' understood
    ('outcome' as 'Audit outcome', 'expires' and 'gueltig_bis' as an expiry column);
    None for any other."""
    known = _AUDIT_KEYS if what == "audit" else _CERTIFICATION_KEYS
    if key in known:
        return key
    written = header_key(key)
    named = next((name for name in sorted(known) if header_key(name) == written), None)
    if named is not None:
        return named
    fields = {ALIAS_TO_FIELD.get(header_key(text)) for text in (key, f"{what} {key}")}
    if what == "audit":
        return next((_AUDIT_COLUMNS[f] for f in fields if f in _AUDIT_COLUMNS), None)
    if "certifications" in fields:
        return "name"
    # the words of the key ('expiry_date', 'expiryDate', 'gültig-bis'), as a header's
    return "valid_until" if expiry_header(" ".join(_key_words(key))) else None


def _key_words(key: str) -> list[str]:
    """A key's words, however joined ('expiry_date', 'expiryDate', 'gültig-bis')."""
    return re.findall(r"[^\W_]+", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key))


# the words of a key that dates a certification's issue or start, not its expiry
_ISSUE_WORDS = frozenset(
    {"issue", "issued", "from", "since", "start", "started", "starts", "begin", "granted"}
    | {"report", "effective", "certified", "awarded"}
)
_CERTIFICATE_WORDS = frozenset({"date", "certificate", "certification", "cert"})


def _issue_key(key: str) -> bool:
    """Whether a certification's key names the day it was issued or began ('date',
    'issued', 'valid_from', 'since', 'report_date', 'issueDate'), not its expiry."""
    words = {word.lower() for word in _key_words(key)}
    if "date" in words and words <= _CERTIFICATE_WORDS:
        return True  # ('date', 'certificate_date': the day it was dated)
    return bool(words & _ISSUE_WORDS) and words <= _ISSUE_KEY_WORDS


# the words a key naming the day a certificate was issued or began is made of (_issue_key)
_ISSUE_KEY_WORDS = _ISSUE_WORDS | _CERTIFICATE_WORDS | {"valid", "on", "of"}


def _unlisted(value: Any) -> Any:
    """A list of one single value as that value ('country: [Ghana]' is Ghana); anything
    else as it is."""
    if isinstance(value, list) and len(value) == 1 and not isinstance(value[0], dict | list):
        return value[0]
    return value


def _is_list_of_single(value: Any) -> bool:
    """Whether value is a list, not empty, of single values (no lists or mappings)."""
    return (
        isinstance(value, list)
        and bool(value)
        and not any(isinstance(item, dict | list) for item in value)
    )


def _entry_id(entry: Any) -> str | None:
    """A supplier entry's id as read, or None where it has none usable."""
    own = _unlisted(entry.get("id")) if isinstance(entry, dict) else None
    if own is None or isinstance(own, dict | list):
        return None
    return as_id(_strip_lines(own)) or None


def _ids_written(entries: list[Any]) -> list[str]:
    """The ids of entries and of the suppliers nested in them, in the order written (each
    list once: iterative)."""
    found: dict[str, None] = {}  # (in order, each once)
    stack: list[Any] = list(reversed(entries))
    seen: set[int] = set()
    while stack:
        entry = stack.pop()
        if not isinstance(entry, dict) or id(entry) in seen:
            continue
        seen.add(id(entry))
        own = _entry_id(entry)
        if own is not None:
            found.setdefault(own)
        below = entry.get("suppliers")
        if isinstance(below, list) and id(below) not in seen:
            seen.add(id(below))
            stack.extend(reversed(below))
    return list(found)


# an alias as written: '*' and its anchor's name (the same characters as _ALIAS reads)
_ALIAS_NAME = re.compile(r"\*[^\s,\[\]{}]+")


def _alias_at(text: str, line: int | None) -> tuple[int | None, str | None]:
    """The line and the name ('*farms') of the first alias written at or after a line (a
    key's alias may follow on the next line), comments aside; the line as given when none
    is found near it."""
    if line is None:
        return None, None
    lines = yaml_lines(text)
    for at in range(line - 1, min(line + 2, len(lines))):
        code = re.sub(r"(^|\s)#.*", "", lines[at])
        found = _ALIAS_NAME.search(code)
        if found is not None:
            return at + 1, found.group()
    return line, None


def _ids_in(suppliers: Any) -> set[str]:
    """The ids of a file's suppliers, nested ones too, as read (iterative; each list once)."""
    found: set[str] = set()
    stack: list[Any] = [suppliers]
    seen: set[int] = set()
    while stack:
        entries = stack.pop()
        if not isinstance(entries, list) or id(entries) in seen:
            continue
        seen.add(id(entries))
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            own = _unlisted(entry.get("id"))
            if own is not None and not isinstance(own, dict | list):
                found.add(as_id(_strip_lines(own)))
            stack.append(entry.get("suppliers"))
    return found


# the keys of a supplier's entry no other kind of entry is likely to hold beside a name or
# an id: where it is, what it does or makes, whom it sells to, and its suppliers (a contact,
# a document or a site has an id and a name, a site its workers too)
_SUPPLIER_SIGNS = frozenset({"country", "sector", "products", "buyers", "tier", "suppliers"})


def _supplier_entry(item: Any) -> bool:
    """Whether a mapping is written as a supplier's entry is: an id or a name with a field
    only a supplier has (a country, a sector, products, buyers, a tier, suppliers); keys in
    any case. An id with a name alone, or with workers, is any record's ('contacts: [{id:
    C-17, name: …}]', 'sites: [{id: SITE-A, name: Unit 1, workers: 420}]')."""
    if not isinstance(item, dict):
        return False
    keys = {k.casefold() for k in item if isinstance(k, str) and k not in _MARKERS}
    return not keys.isdisjoint({"id", "name"}) and not keys.isdisjoint(_SUPPLIER_SIGNS)


# the words of a key that say it holds records of another kind than suppliers: a supplier's
# or the company's sites, people, papers, audits, brands, goods or complaints, whatever
# fields they give ('sites: [{id: HQ, country: Germany}]', 'styles: [{products: …}]'). A
# key of factories, farms or mills is judged by what it holds: they may be suppliers
_OTHER_RECORDS = frozenset(
    {"site", "facility", "location", "premises", "office", "warehouse", "address"}
    | {"contact", "person", "people", "staff", "employee", "document", "file", "attachment"}
    | {"certificate", "certification", "cert", "licence", "license", "permit"}
    | {"audit", "assessment", "inspection", "visit", "finding", "capa"}
    | {"brand", "label", "style", "article", "sku", "item", "order", "contract"}
    | {"grievance", "complaint", "incident", "case"}
    | {"owner", "shareholder", "customer", "subsidiary", "branch"}
)
# keys whose words together say they hold records of another kind ('group_companies')
_OTHER_KEYS = frozenset({"group companies", "group company"})
# the words of a key that say it holds suppliers ('sub_suppliers', 'vendors', 'tier_2',
# 'children', 'upstream', 'farms', 'Lieferanten'): entries written as suppliers under it are
# an error; under any other key ('factories', 'clients') a warning
_SUPPLIER_KEY_WORDS = frozenset(
    {"supplier", "vendor", "lieferant", "fournisseur", "proveedor", "tier", "subcontract"}
    | {"upstream", "child", "farm"}
)


def _names_suppliers(key: str) -> bool:
    """Whether a key's name says it holds suppliers (_SUPPLIER_KEY_WORDS, or 'sub' as a
    word of its own: 'sub_tier')."""
    words = [word.casefold() for word in _key_words(key)]
    return "sub" in words or any(part in word for word in words for part in _SUPPLIER_KEY_WORDS)


def _named_other(key: str) -> bool:
    """Whether a key's name says it holds records of another kind than suppliers
    (_OTHER_RECORDS: 'sites', 'production_sites', 'supplier_sites', 'Contacts'), its last
    word naming no suppliers ('site_suppliers' are suppliers)."""
    words = [word.casefold() for word in _key_words(key)]
    if not words or words[-1].startswith("supplier"):
        return False
    if " ".join(words) in _OTHER_KEYS:
        return True
    return any(not _OTHER_RECORDS.isdisjoint(_word_forms(word)) for word in words)


def _word_forms(word: str) -> set[str]:
    """A key's word and the singulars it may be of ('facilities', 'cases', 'addresses')."""
    forms = {word}
    if word.endswith("s"):
        forms |= {word[:-1], word[:-2]}
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    return forms


def _supplier_entries(value: Any) -> list[dict[Any, Any]]:
    """The entries written as suppliers are that a value holds: a list of them, one entry
    alone, or a mapping of them by their ids; none for anything else."""
    if isinstance(value, list):
        return [item for item in value if _supplier_entry(item)]
    if isinstance(value, dict):
        if _supplier_entry(value):
            return [value]
        return [item for k, item in value.items() if k not in _MARKERS and _supplier_entry(item)]
    return []


def _entry_name(entry: dict[Any, Any]) -> str:
    """An entry's id as written, else its name ("" without either)."""
    for key in ("id", "name"):
        found = next(
            (v for k, v in entry.items() if isinstance(k, str) and k.casefold() == key), None
        )
        found = _unlisted(_strip_lines(found))
        if found is not None and not isinstance(found, dict | list):
            return str(found)
    return ""


def _kind(value: Any) -> str:
    """What a value of the wrong shape is, in words."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"{type(value).__name__}"


_SHOWN_LEVELS = 20  # levels of a value a message shows (it shows 60 characters of it)


def _shown(value: Any, levels: int = _SHOWN_LEVELS) -> str:
    """A value as written in YAML, shortened (no Python reprs in messages); what is nested
    deeper than a message shows is "…" (a value may be nested hundreds deep)."""
    if isinstance(value, dict | list) and levels <= 0:
        return "…"
    if isinstance(value, dict):
        text = (
            "{"
            + ", ".join(
                f"{k}: {_shown(v, levels - 1)}" for k, v in value.items() if k not in _MARKERS
            )
            + "}"
        )
    elif isinstance(value, list):
        text = "[" + ", ".join(_shown(v, levels - 1) for v in value) + "]"
    else:
        text = _scalar(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _described(value: Any) -> str:
    """A value of the wrong kind, in words: 'a list [A, B]', "'bad'", 'nothing'."""
    if isinstance(value, dict | list):
        return f"{_kind(value)} {_shown(value)}"
    if value is None:
        return "nothing (an empty value)"
    return repr(_scalar(value)[:40])


def _scalar(value: Any) -> str:
    """A single value as YAML writes it: null, true and false, not Python's None, True and
    False."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _plain_number(text: str) -> str:
    """A number written with a comma as YAML reads it unquoted: '1,200' is 1200."""
    try:
        number, _ = parse_number(text)
    except ValueProblem:
        return text.replace(",", "")
    return str(int(number)) if number.is_integer() else str(number)


def _part_lines(key: str, value: Any, parts: tuple[str, ...]) -> dict[str, int]:
    """The lines of these keys of each mapping in a list ("audits[1].date"): the mapping's
    own line where it gives no such key."""
    found: dict[str, int] = {}
    for index, item in enumerate(value if isinstance(value, list) else [value]):
        if isinstance(item, dict):
            for part in parts:
                at = item.get(_KEY_LINES, {}).get(part) or item.get(_LINE)
                if at is not None:
                    found[f"{key}[{index}].{part}"] = at
    return found


def syntax_said(
    e: yaml.MarkedYAMLError, text: str, settings: str | None = None
) -> tuple[str, int | None]:
    """What a YAML syntax error is, in words that say what to write, and its line: a quote
    left open or a second document (_quote_or_document); a bracket not closed or a block
    not indented as the one it is in, told where it was opened; a value holding ': '. The
    parser's words otherwise. (A chain file's and a settings file's alike: `settings` names
    what a settings file holds, for a second document in one.)"""
    told = _quote_or_document(e, text, settings)
    if told is not None:
        return told
    mark = e.problem_mark or e.context_mark
    line = mark.line + 1 if mark else None
    opened = e.context_mark
    where_opened = ""
    if e.problem and e.context and opened is not None and opened.line + 1 != line:
        # the parser finds a bracket not closed where the next thing starts: say where it
        # was opened ("while parsing a flow mapping" at line 1); a block left where the next
        # line is not indented as it is: check the indentation
        hint = ""
        if "flow" in e.context:
            hint = ": a bracket not closed?"
            if " #" in _text_line(text, opened.line):
                # ('[SKU #12]': the comment took the closing bracket)
                hint += " An unquoted ' #' starts a comment: quote a value holding '#'"
        elif "block" in e.context:
            hint = ": check the indentation"
        where_opened = (
            f" ({e.context.removeprefix('while ')} that starts at line"
            f" {opened.line + 1}, column {opened.column + 1}{hint})"
        )
    hint = ""
    if str(e.problem).startswith("mapping values are not allowed"):
        # a value with ': ' in it ('name: Foo: Bar'), or a key indented too far
        hint = (
            " (a value holding ': ' must be quoted: name: \"Foo: Bar\"; or a key is"
            " indented deeper than the key before it)"
        )
    return f"{e.problem or e.context}{where_opened}{hint}", line


def _quote_or_document(
    e: yaml.MarkedYAMLError, text: str, settings: str | None = None
) -> tuple[str, int] | None:
    """What is wrong, and at which line, where a YAML syntax error comes of a quote or a
    second document, whose causes the parser's words do not say: a quote left open (told
    at its line, not at the end of the file), a quote or an apostrophe inside a quoted text
    that ends it ('Côte d'Ivoire'), a second document after '---'. None for any other."""
    problem, context = str(e.problem or ""), str(e.context or "")
    opened, mark = e.context_mark, e.problem_mark
    if "another document" in problem and mark is not None:
        return (
            "a second document begins here ('---'): a file holds one chain; remove the"
            " '---', or split the file, one chain per file"
            if settings is None
            else f"a second document begins here ('---'): a {settings} holds one; remove the '---'",
            mark.line + 1,
        )
    lines = yaml_lines(text)
    if "quoted scalar" in context and "unexpected" in problem and opened is not None:
        # (the parser reads on to the end of the file, or to a '---', for the closing quote)
        written = lines[opened.line] if opened.line < len(lines) else ""
        quote, rest = written[opened.column : opened.column + 1], written[opened.column + 1 :]
        rest = rest.rstrip()
        closed = f": close it, {quote}{rest}{quote}" if rest and quote not in rest else ""
        return (
            f"a quote opened here (column {opened.column + 1}) is not closed{closed}",
            opened.line + 1,
        )
    if mark is None or not text[mark.index : mark.index + 1].isalnum():
        return None
    # the parser stops at a word right after a quoted text: the text it read ended at a
    # quote or an apostrophe meant as part of it (scanned again: on the error path only)
    found = None
    try:
        for token in yaml.scan(text, Loader=_Base):
            if token.start_mark.index >= mark.index:
                break
            if isinstance(token, yaml.ScalarToken) and token.end_mark.index == mark.index:
                found = token if not token.plain else None
    except yaml.YAMLError:
        pass
    if found is None:
        return None
    start, end = found.start_mark, found.end_mark
    quote = text[start.index]
    if start.line != end.line:
        return (
            f"a quote opened here (column {start.column + 1}) is not closed on its line: the"
            f" text runs on to the quote at line {end.line + 1}, column {end.column}; close"
            " it where it ends",
            start.line + 1,
        )
    written = lines[start.line]
    # the text meant: up to the next quote that ends a value ('Côte d'Ivoire', before a
    # comma, a bracket, a comment or the end of the line)
    closing = re.compile(re.escape(quote) + r"(?=[ \t]*(?:[,\]}]|#|$))").search(written, end.column)
    meant = written[start.column + 1 : closing.start()] if closing is not None else None
    if quote == "'":
        what = "apostrophe"
        fix = (
            f'write it in double quotes, "{meant}", or double the apostrophe,'
            f" '{meant.replace(chr(39), chr(39) * 2)}'"
            if meant is not None and '"' not in meant and "\\" not in meant
            else "write such a text in double quotes, or double each apostrophe in it ('')"
        )
    else:
        what = "double quote"
        fix = (
            f"write it in single quotes, '{meant}', or write each double quote in it as \\\""
            if meant is not None and "'" not in meant
            else 'write each double quote in it as \\"'
        )
    shown = f" in {quote}{meant}{quote}" if meant is not None else ""
    return (
        f"the {what}{shown} (column {end.column}) ends the text quoted at column"
        f" {start.column + 1}: {fix}",
        start.line + 1,
    )


def _text_line(text: str, index: int) -> str:
    """Line `index` (from 0) of a text, or "" past its end."""
    lines = text.splitlines()
    return lines[index] if 0 <= index < len(lines) else ""


def _encoding_message(raw: bytes) -> tuple[str, int | None]:
    """Where a file that is not UTF-8 goes wrong: the line, column and value of its first bad
    byte, what that byte is in Windows-1252 (what such files usually are), and the fix; and
    that line."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        raw[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        reason, at = e.reason, bom + e.start
    else:  # (only called for a file that did not decode)
        return "not UTF-8 text; save the file as UTF-8", None
    before = raw[:at]
    # line breaks as YAML counts them: \r\n, \n or a lone \r
    line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r"), bom - 1) + 1
    column = len(before[start:].decode("utf-8")) + 1  # characters: all before decode
    byte = raw[at]
    try:
        char = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # (five bytes mean nothing in Windows-1252 either)
        char = ""
    seen = f"; '{char}' in Windows-1252" if char and char.isprintable() else ""
    return (
        f"not UTF-8 text: line {line}, column {column} holds the byte 0x{byte:02X} ({reason},"
        f" at byte offset {at}{seen}); save the file as UTF-8"
    ), line


def _strip_lines(value: Any) -> Any:
    """Drop the line markers from values kept as data (audits, certifications, extras), and
    keep a date that does not exist as the plain text written (iterative: a value may be
    nested as deep as --max-depth lets it, or a reader's caller)."""
    if isinstance(value, dict | list):
        return rebuilt(value, _as_written, _as_written, _not_marker)
    return str(value) if isinstance(value, _ImpossibleDate) else value


def _as_written(value: Any) -> Any:
    """A single value kept as data: a date that does not exist as the text written."""
    return str(value) if isinstance(value, _ImpossibleDate) else value


def _not_marker(key: Any) -> bool:
    return key not in _MARKERS
