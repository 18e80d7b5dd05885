"""YAML reader: nested and flat forms (mixed), safe loading only, line numbers kept."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

import yaml

from ddtool.errors import Location, ProblemList
from ddtool.sources.columns import FIELDS
from ddtool.sources.interface import ChainReader, RawChain, RawRecord, ReadOptions

_LINE = "__line__"
_KEY_LINES = "__key_lines__"
_MARKERS = (_LINE, _KEY_LINES)
MAX_EXPANDED_NODES = 5_000_000

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML keys that map straight onto supplier fields: the table fields, with audits as a list
_KEYS = (set(FIELDS) - {"audit_standard", "audit_date", "audit_result"}) | {"audits"}


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that records the line of each mapping, and each key written twice in
    one mapping."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[str, int, int]] = []  # key, first line, repeated line

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # the keys written in this mapping, before a merge (<<) adds those of another, which
        # it may override: a key written twice here is a value YAML would drop
        written: dict[str, int] = {}
        for key, _ in node.value:
            if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                line = key.start_mark.line + 1
                if str(key.value) in written:
                    self.duplicates.append((str(key.value), written[str(key.value)], line))
                else:
                    written[str(key.value)] = line
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        mapping[_KEY_LINES] = {
            str(key.value): key.start_mark.line + 1
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
        return mapping

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
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}\.[0-9]{3}")
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_long_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _LineLoader.construct_grouped_float)
_LineLoader.add_constructor("tag:yaml.org,2002:bool", _LineLoader.construct_plain_bool)


def _expanded_size(value: Any, limit: int) -> int:
    """Number of values once aliases are expanded (memoised per object, so a bomb is cheap)."""
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, done = stack.pop()
        if not isinstance(item, dict | list):
            continue
        children = list(item.values() if isinstance(item, dict) else item)
        if done:
            total = 1 + sum(sizes.get(id(c), 1) for c in children)
            sizes[id(item)] = min(total, limit + 1)
            continue
        if id(item) in sizes:
            continue
        sizes[id(item)] = 1  # provisional; also stops self-referencing loops
        stack.append((item, True))
        stack.extend((c, False) for c in children if isinstance(c, dict | list))
    return sizes.get(id(value), 1)


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of value, stopping at limit (iterative: no recursion error)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    deepest = 0
    seen: set[int] = set()
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict | list) and id(item) not in seen:
            seen.add(id(item))
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


class YamlReader(ChainReader):
    """Reads hand-written YAML chains."""

    suffixes = (".yaml", ".yml")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        problems = ProblemList()
        chain = RawChain(str(path), [], problems)
        where = Location(str(path))
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            problems.error("bad-encoding", _encoding_message(path.read_bytes()), where)
            return chain
        if not text.strip():
            problems.error("empty-file", "the file is empty", where)
            return chain
        try:
            loader = _LineLoader(text)
            try:
                data = loader.get_single_data()
            finally:
                loader.dispose()
        except yaml.constructor.ConstructorError as e:
            line = e.problem_mark.line + 1 if e.problem_mark else None
            tag = str(e.problem or "").replace("could not determine a constructor for the tag", "")
            problems.error(
                "unsafe-yaml-tag",
                f"tag {tag.strip()} refused: only plain YAML data is read, nothing is executed",
                Location(str(path), line=line),
            )
            return chain
        except yaml.MarkedYAMLError as e:
            mark = e.problem_mark or e.context_mark
            line = mark.line + 1 if mark else None
            opened = e.context_mark
            where_opened = ""
            if e.problem and e.context and opened is not None and opened.line + 1 != line:
                # the parser finds a bracket not closed where the next thing starts: say
                # where it was opened ("while parsing a flow mapping" at line 1)
                hint = "a bracket not closed?" if "flow" in e.context else "check the indentation"
                where_opened = (
                    f" ({e.context.removeprefix('while ')} that starts at line"
                    f" {opened.line + 1}, column {opened.column + 1}: {hint})"
                )
            problems.error(
                "yaml-syntax",
                f"invalid YAML: {e.problem or e.context}{where_opened}",
                Location(str(path), line=line),
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
        if loader.duplicates:
            return chain
        if _expanded_size(data, MAX_EXPANDED_NODES) > MAX_EXPANDED_NODES:
            problems.error(
                "alias-bomb",
                f"aliases expand to more than {MAX_EXPANDED_NODES:,} values: refused",
                where,
            )
            return chain
        if _depth(data, options.max_depth) > options.max_depth:
            problems.error(
                "too-deep",
                f"nesting deeper than {options.max_depth} levels: refused"
                " (raise the limit with --max-depth)",
                where,
            )
            return chain
        if isinstance(data, list):
            suppliers: Any = data
        elif isinstance(data, dict):
            company = data.get("company")
            if isinstance(company, dict):
                chain.company_location = Location(str(path), line=company.get(_LINE))
                chain.company = {k: v for k, v in company.items() if k not in _MARKERS}
            elif isinstance(company, str):
                chain.company = {"name": company}
            suppliers = data.get("suppliers")
            if suppliers is None:
                problems.error(
                    "no-suppliers",
                    "no 'suppliers:' list (expected keys: company, suppliers)",
                    Location(str(path), line=data.get(_LINE)),
                )
                return chain
        else:
            problems.error(
                "bad-structure", "expected a mapping with 'company' and 'suppliers'", where
            )
            return chain
        self._walk(path, suppliers, None, chain, data)
        return chain

    def _walk(
        self, path: Path, items: Any, parent: str | None, chain: RawChain, owner: Any
    ) -> None:
        """Flatten nested suppliers; iterative so that deep nesting cannot recurse."""
        stack: list[tuple[Any, str | None, Any]] = [(items, parent, owner)]
        while stack:
            entries, parent_id, holder = stack.pop()
            line = holder.get(_LINE) if isinstance(holder, dict) else None
            if not isinstance(entries, list):
                chain.problems.error(
                    "bad-structure",
                    "'suppliers' must be a list of suppliers",
                    Location(str(path), line=line),
                )
                continue
            nested: list[tuple[Any, str | None, Any]] = []
            for entry in entries:
                if not isinstance(entry, dict):
                    chain.problems.error(
                        "bad-structure",
                        f"a supplier must be a mapping of keys, got {type(entry).__name__}"
                        f" {str(entry)[:40]!r}",
                        Location(str(path), line=line),
                    )
                    continue
                loc = Location(str(path), line=entry.get(_LINE))
                fields: dict[str, Any] = {}
                extras: dict[str, Any] = {}
                for key, value in entry.items():
                    if key in (*_MARKERS, "suppliers"):
                        continue
                    if isinstance(key, str) and key in _KEYS:
                        fields[key] = _strip_lines(value)
                    else:
                        extras[str(key)] = _strip_lines(value)
                record = RawRecord(
                    fields, loc, extras=extras, parent=parent_id, lines=entry.get(_KEY_LINES, {})
                )
                chain.records.append(record)
                if "suppliers" in entry:
                    own_id = entry.get("id")
                    nested.append(
                        (entry["suppliers"], None if own_id is None else str(own_id), entry)
                    )
            stack.extend(reversed(nested))


def _encoding_message(raw: bytes) -> str:
    """Where a file that is not UTF-8 goes wrong: the line, column and value of its first bad
    byte, what that byte is in Windows-1252 (what such files usually are), and the fix."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        raw[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        reason, at = e.reason, bom + e.start
    else:  # (only called for a file that did not decode)
        return "not UTF-8 text; save the file as UTF-8"
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
    )


def _strip_lines(value: Any) -> Any:
    """Drop the line markers from values kept as data (audits, certifications, extras)."""
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in _MARKERS}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value
