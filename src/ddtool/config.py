"""Assessment settings: level thresholds, flag level, scoring weights (ddtool.yaml)."""

from __future__ import annotations

import codecs
import itertools
import math
import re
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from ddtool.errors import InputError, Location, Problem
from ddtool.sources.columns import FIELDS, MAPPED_TOGETHER, header_key, parse_column_map
from ddtool.sources.interface import ReadOptions
from ddtool.sources.yaml_tabs import tab_problem

FlagLevel = Literal["low", "medium", "high", "critical"]
# strict: a settings file is typed by hand, and `true` or "24" where a number belongs is a
# slip to point out, not a value to convert (pydantic would read true as 1.0)
_STRICT = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)
# the settings of a section whose values must not fall from one to the next, and why
_ORDERED: dict[str, tuple[tuple[str, ...], str]] = {
    "thresholds": (("medium", "high", "critical"), ""),
    # methodology, section 3.5: a forced child labour listing is the strongest; its
    # trafficking floor (listing_floor) is what the listing implies, never above the
    # forced labour floor of what it says (forced_child_labour_floor)
    "scoring": (
        ("listing_floor", "forced_child_labour_floor"),
        ": a forced child labour listing, the strongest, sets child and forced labour no"
        " lower than a listing of either alone, and the trafficking it implies (at"
        " listing_floor) no higher than the forced labour it names (methodology, section 3.5)",
    ),
}


def _order_problem(
    section: str, values: dict[str, float], defaults: frozenset[str] = frozenset()
) -> str | None:
    """The complaint when the settings of a section given do not keep their order
    (_ORDERED; each of `defaults`, not written, said to be the default)."""
    keys, why = _ORDERED[section]
    named = [(key, values[key]) for key in keys if key in values]

    def shown(key: str, value: float) -> str:
        return f"{value:g}" + (" (the default: not given)" if key in defaults else "")

    for (low, below), (high, above) in itertools.pairwise(named):
        if below > above:
            return (
                f"{section} must satisfy {' <= '.join(keys)}, but {low} is"
                f" {shown(low, below)} and {high} {shown(high, above)}{why}"
            )
    return None


def _kept_in_order(section: str, model: BaseModel) -> None:
    """Raise the complaint of _order_problem for a section's values, if any."""
    keys, _ = _ORDERED[section]
    problem = _order_problem(section, {key: getattr(model, key) for key in keys})
    if problem:
        raise ValueError(problem)


# the lowest a no-data score may be set to: no data is never scored as low risk, and a
# country or sector part without data scored below 0.5, less likely than not, would read a
# gap as lower risk than an even chance (the default). The bound is on the likelihood scale
# the score is on; the thresholds are on the priority scale (likelihood x severity) and are
# not compared with it (gap_below_medium says where they leave a gap's priority)
NO_DATA_FLOOR = 0.5


def _no_data_score(value: float) -> float:
    """A no-data score set in the settings: refused below NO_DATA_FLOOR."""
    if value < NO_DATA_FLOOR:
        text = (
            f"a no-data score must be at least {NO_DATA_FLOOR:g}, not {value:g}: no data is"
            " never scored as low risk, and a gap scored below 0.5 would be read as less likely"
            " than not"
        )
        raise PydanticCustomError("value_error", text, {"error": text})
    return value


def _certification_names(names: list[str]) -> list[str]:
    """Names of schemes (the recognised certifications, the labour audits), none blank (a
    blank name recognises nothing: a slip). A name given twice, or in two cases, is
    harmless: names are compared without regard to case."""
    blank = [str(index + 1) for index, name in enumerate(names) if not name.split()]
    if blank:
        text = f"item{'s' if len(blank) > 1 else ''} {', '.join(blank)} blank: give a name"
        raise PydanticCustomError("value_error", text, {"error": text})
    return names


# the names of one scheme (renamed, merged into another, or named by its owner beside its
# programme's name), its id the first's: a supplier holding it under two of them holds one
# certification, and an audit of it written under two of them on one day is one audit, each
# credited once (ddtool.schemes.SchemeNames). A name here is known whether or not the settings
# list it, so that it is read as its scheme ("Fair Trade USA" is not Fairtrade); the scheme
# is credited only where the settings list one of its names.
SCHEME_ALIASES: tuple[tuple[str, ...], ...] = (
    ("amfori BSCI", "BSCI"),  # the Business Social Compliance Initiative, amfori's since 2018
    ("Better Cotton", "BCI"),  # the Better Cotton Initiative, renamed in 2022
    ("Fair Labor Association", "FLA"),
    # Fairtrade International's mark, written apart: "Fair Trade" alone is taken as it
    ("Fairtrade", "Fair Trade"),
    # left Fairtrade International in 2011; its label reads "Fair Trade Certified"
    ("Fair Trade USA", "Fair Trade Certified"),
    ("Rainforest Alliance", "UTZ"),  # merged in 2018: one certification programme since 2020
    # the Responsible Business Alliance, and its Validated Audit Process
    ("RBA", "Responsible Business Alliance", "RBA VAP", "VAP"),
    ("RMAP", "RMI"),  # the Responsible Minerals Initiative's assurance process
    ("GoodWeave", "Rugmark"),  # the carpet label, renamed in 2009; labels still say Rugmark
    ("GOTS", "Global Organic Textile Standard"),  # (its social criteria: ILO-based)
)
# names of schemes whose words name them only written apart as here: "Fairtrade certified"
# is Fairtrade International's, "Fair Trade Certified" Fair Trade USA's label
SCHEME_NAMES_AS_WRITTEN: frozenset[str] = frozenset({"Fair Trade Certified"})


_PROBE = "header"


def _column_field(target: str) -> str:
    """A columns: target, judged by the function that judges --map (one rule for both)."""
    try:
        field = parse_column_map([f"{_PROBE}={target}"]).get(_PROBE)
    except ValueError:
        field = None
    if field is None:  # (also a target holding '=', which --map would have split at)
        from ddtool.graph import closest_id

        best = closest_id(target, list(FIELDS))
        raise PydanticCustomError(
            "unknown_field",
            "{message}",
            {
                "message": f"unknown field {target!r}; fields are {', '.join(FIELDS)}",
                "suggestion": repr(best) if best else None,
            },
        )
    return field


def _column_header(header: str) -> str:
    """A columns: header: as --map refuses one, an empty header would map no column."""
    if not header.strip():
        raise PydanticCustomError(
            "empty_header",
            "{message}",
            {"message": "an empty header maps no column: write the header as the file has it"},
        )
    return header


class Thresholds(BaseModel):
    """Lower bounds of priority for each level above 'low'."""

    model_config = _STRICT

    medium: float = Field(0.3, ge=0, le=1)
    high: float = Field(0.5, ge=0, le=1)
    critical: float = Field(0.7, ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        _kept_in_order("thresholds", self)
        return self

    def level(self, priority: float) -> str:
        if priority >= self.critical:
            return "critical"
        if priority >= self.high:
            return "high"
        if priority >= self.medium:
            return "medium"
        return "low"


class Scoring(BaseModel):
    """Weights and bounds of the scoring method (see docs/methodology.md)."""

    model_config = _STRICT

    sector_weight: float = Field(0.5, ge=0, le=1)
    listing_floor: float = Field(0.8, ge=0, le=1)
    forced_child_labour_floor: float = Field(0.9, ge=0, le=1)
    listing_severity_floor: float = Field(0.7, ge=0, le=1)
    downstream_floor: float = Field(0.6, ge=0, le=1)
    # (at least NO_DATA_FLOOR: _no_data_score)
    no_data_country_score: Annotated[float, AfterValidator(_no_data_score)] = Field(
        NO_DATA_FLOOR, ge=0, le=1
    )
    no_data_sector_score: Annotated[float, AfterValidator(_no_data_score)] = Field(
        NO_DATA_FLOOR, ge=0, le=1
    )
    # below this share of the indicator weights, a country's score is too thin to stand on
    # its own: the missing share counts as no data (no_data_country_score)
    thin_country_coverage: float = Field(0.33, ge=0, le=1)
    migrant_uplift: float = Field(0.1, ge=0, le=0.5)
    failed_audit_uplift: float = Field(0.1, ge=0, le=0.5)
    certification_credit: float = Field(0.05, ge=0, le=0.2)
    audit_credit: float = Field(0.05, ge=0, le=0.2)
    max_mitigation: float = Field(0.15, ge=0, le=0.5)
    audit_valid_months: int = Field(24, ge=1, le=120)
    inference_depth: int = Field(8, ge=1, le=20)
    own_country_lean: float = Field(0.5, ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Scoring:
        _kept_in_order("scoring", self)
        return self


class Config(BaseModel):
    """Everything a ddtool.yaml may set."""

    model_config = _STRICT

    thresholds: Thresholds = Thresholds()
    flag_level: FlagLevel = "medium"
    scoring: Scoring = Scoring()
    # header as written -> field; a mistyped field would drop its column without a word
    columns: dict[
        Annotated[str, AfterValidator(_column_header)],
        Annotated[str, AfterValidator(_column_field)],
    ] = Field(default_factory=dict)
    recognised_certifications: Annotated[list[str], AfterValidator(_certification_names)] = Field(
        default_factory=lambda: [
            "Rainforest Alliance",
            "UTZ",
            "Fairtrade",
            "Fair Trade USA",
            "SA8000",
            "SMETA",
            "amfori BSCI",
            "BSCI",
            "WRAP",
            "Fair Wear",
            "Fair Labor Association",
            "FLA",
            "RMAP",
            "RMI",
            "IRMA",
            "Fairmined",
            "Better Cotton",
            "BCI",
            "GOTS",
            "Bonsucro",
            "RSPO",
            "ASC",
            "BAP",
            "Fair Trade",
            "4C",
            "Fair for Life",
            "SLCP",
            "RBA",
        ]
    )
    # the audit programmes that audit labour conditions beside the recognised certifications
    # (which certify nothing, or whose audits go by another name): an audit whose standard
    # names neither earns no credit unless its words say it is a labour audit (ddtool.schemes)
    labour_audits: Annotated[list[str], AfterValidator(_certification_names)] = Field(
        default_factory=lambda: [
            "RBA VAP",
            "VAP",
            "Sedex",
            "ICS",
            "WCA",
            "Higg FSLM",
            "FSLM",
            "GRASP",
            "ETI",
            "Better Work",
            "Together for Sustainability",
            "TfS",
            "ITSCI",
            "RJC",
            "LBMA",
        ]
    )

    def merge_columns(self, options: ReadOptions, path: Path | str | None) -> None:
        """Take this config's columns into the read options (see column_map), noting each
        entry in effect as one of the --config file at `path` (a warning says where a mapping
        is written). Told from the mappings themselves, an entry the options already hold
        (as a re-run's, recorded merged) is noted alike."""
        options.column_map = self.column_map(options.column_map)
        where = f"a columns: entry of {path}" if path else "a columns: entry of the settings"
        options.map_given_in.update(
            (header, where)
            for header, target in options.column_map.items()
            if self.columns.get(header) == target
        )

    def audit_names(self) -> tuple[str, ...]:
        """The names that make an audit's standard a labour audit (ddtool.schemes): the
        recognised certifications and the labour audits."""
        return (*self.recognised_certifications, *self.labour_audits)

    def merge_reading(self, options: ReadOptions, path: Path | str | None) -> None:
        """Take what this config says of reading into the read options: its columns
        (merge_columns), and the names of labour audits, by which the readers warn of an
        audit whose standard is not known to audit labour conditions."""
        self.merge_columns(options, path)
        options.labour_audits = self.audit_names()

    def column_map(self, given: dict[str, str]) -> dict[str, str]:
        """The column names to read: this config's, overridden by those given (--map). A
        header is one however it is written ("Staat", "STAAT": header_key), so a --map of a
        header the config maps too replaces the config's entry; and a --map of a field the
        config reads from another header replaces that entry too (`Staat: country` in the
        config, `--map 'Land=country'`: 'Land' is read, 'Staat' kept as an attribute), but for
        the fields read from several columns together (the region's)."""
        if not self.columns:
            return dict(given)
        taken = {header_key(header) for header in given}
        fields = set(given.values()) - MAPPED_TOGETHER
        kept = {
            h: f for h, f in self.columns.items() if header_key(h) not in taken and f not in fields
        }
        return {**kept, **given}


# a key's position in the file: its path from the top (keys, list indexes) -> its line
_Path = tuple[str | int, ...]
_SECTIONS: dict[str, type[BaseModel]] = {"thresholds": Thresholds, "scoring": Scoring}


def load_config(path: Path | None) -> Config:
    """Read ddtool.yaml; every problem in a bad file is reported at once, located at its
    line and key, as an InputError."""
    if path is None:
        return Config()
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(
            [Problem("config-unreadable", f"cannot read: {e.strerror}", Location(name))]
        ) from e
    text = _decode(raw, name)
    data, lines, written, problems = _parse(text, name)
    if data is None:  # an empty file (or only comments): the defaults
        data = {}
    problems += _columns_mapped_twice(data, lines, name)
    try:
        config = Config.model_validate(data)
    except ValidationError as e:
        problems += validation_problems(e.errors(), data, lines, name, written)
    else:
        if not problems:
            return config
    problems.sort(key=lambda p: p.location.line or 0)
    raise InputError(problems)


def _decode(raw: bytes, name: str) -> str:
    """The file's text; a file that is not UTF-8 is located at its first bad byte."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    try:
        return raw[bom:].decode("utf-8")
    except UnicodeDecodeError as e:
        at = bom + e.start
        line = raw.count(b"\n", 0, at) + 1
        raise InputError(
            [
                Problem(
                    "config-encoding",
                    f"not UTF-8 text ({e.reason} at byte {at}, 0x{raw[at]:02x});"
                    " save the file as UTF-8",
                    Location(name, line=line),
                )
            ]
        ) from None


class _SettingsLoader(yaml.SafeLoader):
    """The safe loader, which also reads a number written with an exponent but no point
    (`3e-1`, as YAML 1.2 does; YAML 1.1 reads it as text) as the number it is."""


_SettingsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def _parse(text: str, name: str) -> tuple[Any, dict[_Path, int], dict[_Path, _Path], list[Problem]]:
    """The YAML data, the line of each key, the path as written of each key that is no text
    (_key_lines), and each key written twice at one level."""
    loader = _SettingsLoader(text)
    try:
        node = loader.get_single_node()
        lines, repeats, written = _key_lines(node, loader) if node is not None else ({}, [], {})
        data = loader.construct_document(node) if node is not None else None
    except yaml.constructor.ConstructorError as e:
        if "could not determine a constructor" not in str(e.problem):
            raise _syntax_error(e, name, text) from None
        tag = str(e.problem).replace("could not determine a constructor for the tag", "")
        raise InputError(
            [
                Problem(
                    "config-syntax",
                    f"tag {tag.strip()} refused: only plain YAML data is read",
                    _mark_location(e, name),
                )
            ]
        ) from None
    except yaml.MarkedYAMLError as e:
        raise _syntax_error(e, name, text) from None
    except (yaml.YAMLError, RecursionError) as e:
        raise InputError([Problem("config-syntax", f"invalid YAML: {e}", Location(name))]) from None
    except ValueError as e:  # (a date that does not exist, 2025-13-01: the constructor's error)
        found = _impossible_date(node, loader) if node is not None else None
        line, value = found if found is not None else (None, "")
        raise InputError(
            [
                Problem(
                    "config-syntax",
                    f"the date {value!r} does not exist ({e}): write a real date, or quote it"
                    " if it is meant as text",
                    Location(name, line=line),
                )
            ]
        ) from None
    finally:
        loader.dispose()
    problems = [
        Problem(
            "config-duplicate-key",
            f"key {_dotted(key)!r} is written twice at one level (lines {first} and {line}):"
            " only the last would be read; remove or merge one",
            Location(name, line=line, column=_dotted(key)),
        )
        for key, first, line in repeats
    ]
    return data, lines, written, problems


def _columns_mapped_twice(data: Any, lines: dict[_Path, int], name: str) -> list[Problem]:
    """The columns: entries that map a header an entry above maps to another field, written
    otherwise ("Land: country", "LAND: region"): as --map refuses them, an error at each one's
    line (a header holds one field; which one would be read depended on the order)."""
    given = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(given, dict):
        return []
    first: dict[str, tuple[str, str]] = {}  # header_key -> (header as written, its field)
    problems: list[Problem] = []
    for header, written in given.items():
        target = written.strip() if isinstance(written, str) else None
        if not isinstance(header, str) or not header.strip() or target not in FIELDS:
            continue  # (reported by the validation)
        key = header_key(header)
        if key not in first:
            first[key] = (header, target)
            continue
        other, field = first[key]
        if field != target:
            at = ("columns", header)
            problems.append(
                Problem(
                    "config-invalid",
                    f"the header {header!r} is mapped twice, also to {field!r} (as {other!r},"
                    f" line {lines.get(('columns', other), '?')}: headers are compared without"
                    " regard to case, spaces or punctuation); a column holds one field: keep"
                    " one",
                    _locate(at, lines, name),
                )
            )
    return problems


def _mark_location(e: yaml.MarkedYAMLError, name: str) -> Location:
    mark = e.problem_mark or e.context_mark
    return Location(name, line=mark.line + 1 if mark else None)


def _syntax_error(e: yaml.MarkedYAMLError, name: str, text: str) -> InputError:
    """A settings file's syntax error, in the words a chain file's is told in (where a quote
    or a bracket was opened, what to write), at its line."""
    tab = tab_problem(e, text)
    if tab is not None:
        return InputError(
            [Problem("config-syntax", f"invalid YAML: {tab}", _mark_location(e, name))]
        )
    from ddtool.sources.yaml_source import syntax_said

    said, line = syntax_said(e, text, "settings file")
    return InputError(
        [Problem("config-syntax", f"invalid YAML: {said}", Location(name, line=line))]
    )


# the tags of the keys that are no text once read (`123:`, `true:`, `2025-01-01:`)
_NOT_TEXT = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null", "timestamp")
)


def _key_lines(
    root: yaml.Node, loader: yaml.SafeLoader | None = None
) -> tuple[dict[_Path, int], list[tuple[_Path, int, int]], dict[_Path, _Path]]:
    """The line of each key and list item (the last, for a repeated key: the one read), each
    repeat as (path, first line, line), and the path as written of each key that is no text
    once read (`123:`, `true:`; with `loader`, which reads them): validation names such a
    key by its value (123, 1), and its line is found by that too. Read from the node tree,
    before construction rewrites merge keys (`<<`) into the mappings."""
    lines: dict[_Path, int] = {(): root.start_mark.line + 1}
    written: dict[_Path, _Path] = {}
    repeats: list[tuple[_Path, int, int]] = []
    stack: list[tuple[_Path, yaml.Node]] = [((), root)]
    seen: set[int] = set()  # an alias is walked once, at its anchor (no alias bomb)
    while stack:
        at, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
                line = key.start_mark.line + 1
                if key.value in first:
                    repeats.append(((*at, key.value), first[key.value], line))
                else:
                    first[key.value] = line
                lines[(*at, key.value)] = line
                if loader is not None and key.tag in _NOT_TEXT:
                    read = _key_value(loader, key)
                    if read is not _UNREAD:
                        # (as pydantic names a key: a whole number as it is, else its repr)
                        named = read if isinstance(read, int) else repr(read)
                        lines[(*at, named)] = line
                        written[(*at, named)] = (*at, key.value)
                stack.append(((*at, key.value), value))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[(*at, index)] = item.start_mark.line + 1
                stack.append(((*at, index), item))
    repeats.sort(key=lambda r: r[2])
    return lines, repeats, written


_UNREAD = object()  # (a key _key_value cannot read)


def _key_value(loader: yaml.SafeLoader, key: yaml.ScalarNode) -> Any:
    """A key as the loader reads it (123, True, a date); _UNREAD when it cannot (a date that
    does not exist: construction reports it)."""
    try:
        return loader.construct_object(key)
    except (yaml.YAMLError, ValueError, OverflowError):
        loader.recursive_objects.pop(key, None)  # (left behind by the failed construction)
        return _UNREAD


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _impossible_date(root: yaml.Node, loader: yaml.SafeLoader) -> tuple[int, str] | None:
    """The line and text of the first date of the file that does not exist (2025-13-01),
    which YAML's constructor refuses with a bare ValueError; None when there is none."""
    stack: list[yaml.Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _TIMESTAMP:
                try:
                    loader.construct_yaml_timestamp(node)
                except ValueError:
                    return node.start_mark.line + 1, str(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in reversed(node.value) for part in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def validation_problems(
    errors: list[ErrorDetails],
    data: Any,
    lines: dict[_Path, int],
    name: str,
    written: dict[_Path, _Path] | None = None,
) -> list[Problem]:
    """pydantic's errors in plain words, each at the line of its key (a key that is no text,
    `123:` or `true:`, at its own line and as written: `columns.true`, with `written` from
    _key_lines); and the order of the thresholds and of the listing floors (_ORDERED), which
    pydantic checks only once every key of the section is valid."""
    problems: list[Problem] = []
    sections = data if isinstance(data, dict) else {}
    for err in errors:
        at: _Path = tuple(part for part in err["loc"] if part != "[key]")
        message, suggestion = _explain(err, at)
        given = sections.get(at[0]) if len(at) == 1 and at[0] in _ORDERED else None
        if err["type"] == "value_error" and isinstance(given, dict):
            # (the order: with the defaults the file does not give said to be those)
            keys = _ORDERED[str(at[0])][0]
            model = _SECTIONS[str(at[0])]
            defaults = frozenset(k for k in keys if k not in given)
            valid = {k: given.get(k, model.model_fields[k].default) for k in keys}
            message = _order_problem(str(at[0]), valid, defaults) or message
        where = _locate(at, lines, name)
        shown = (written or {}).get(at)
        if shown is not None:
            where = Location(name, line=where.line, column=_dotted(shown))
        problems.append(Problem("config-invalid", message, where, suggestion=suggestion))
    failed = {tuple(err["loc"]) for err in errors}
    for section, (keys, _) in _ORDERED.items():
        given = sections.get(section)
        # a failed key stopped pydantic's order check; a failed section needs none
        checked = (section,) in failed or not any(loc[:1] == (section,) for loc in failed)
        if not isinstance(given, dict) or checked:
            continue
        model = _SECTIONS[section]
        valid = {
            key: given.get(key, model.model_fields[key].default)
            for key in keys
            if (section, key) not in failed
        }
        order = _order_problem(section, valid, frozenset(k for k in keys if k not in given))
        if order:
            problems.append(Problem("config-invalid", order, _locate((section,), lines, name)))
    return problems


def _locate(at: _Path, lines: dict[_Path, int], name: str) -> Location:
    """The line of the key at `at`, else of the nearest enclosing key that has one."""
    for size in range(len(at), -1, -1):
        line = lines.get(at[:size])
        if line is not None:
            return Location(name, line=line, column=_dotted(at) or None)
    return Location(name, column=_dotted(at) or None)


def _dotted(at: _Path) -> str:
    """A key path as written in messages: scoring.sector_weight, recognised_certifications[0]."""
    text = ""
    for part in at:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _shown(value: Any) -> str:
    """A YAML value as the user wrote it, for 'should be …, not …'."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    if isinstance(value, int | float):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _keys_of(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def _bounds(at: _Path) -> str:
    """'from 0 to 1': the range a numeric setting accepts."""
    model = _SECTIONS.get(str(at[0])) if len(at) == 2 else None
    low = high = None
    if model is not None and at[1] in model.model_fields:
        for rule in model.model_fields[str(at[1])].metadata:
            low = getattr(rule, "ge", low)
            high = getattr(rule, "le", high)
    return f"from {low:g} to {high:g}" if low is not None and high is not None else "in range"


def _explain(err: ErrorDetails, at: _Path) -> tuple[str, str | None]:
    """The message and the "did you mean" for one pydantic error, in plain words."""
    from ddtool.graph import closest_id

    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    shown = _shown(value)
    if kind == "extra_forbidden":
        model = Config if len(at) == 1 else _SECTIONS.get(str(at[0]), Config)
        what = f"setting {at[-1]!r}" if model is Config else f"key {at[-1]!r} in {at[0]}"
        best = closest_id(str(at[-1]), list(model.model_fields))
        if best:
            return f"unknown {what}", repr(best)
        return f"unknown {what}; the keys are {_keys_of(model)}", None
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if not at:
            return f"the file should hold settings (keys {_keys_of(Config)}), not {shown}", None
        section = _SECTIONS.get(str(at[0])) if len(at) == 1 else None
        keys = f"keys {_keys_of(section)}" if section else "'header as written: field' lines"
        return f"should be a mapping ({keys}), not {shown}", None
    if kind == "list_type":
        hint = f" (write [{value}])" if isinstance(value, str) else ""
        return f"should be a list of names, not {shown}{hint}", None
    if kind in ("float_type", "float_parsing", "finite_number"):
        hint = " (write it without quotes)" if _is_number(value) else ""
        return f"should be a number {_bounds(at)}, not {shown}{hint}", None
    if kind in ("int_type", "int_parsing", "int_from_float"):
        hint = " (write it without quotes)" if _is_number(value) else ""
        if isinstance(value, float) and value.is_integer():  # (24.0: not "not 24")
            shown, hint = repr(value), f" (write it without the point: {int(value)})"
        return f"should be a whole number {_bounds(at)}, not {shown}{hint}", None
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"should be {_bounds(at)}, not {shown}", None
    if kind == "literal_error":
        choices = get_args(FlagLevel)
        best = closest_id(str(value), list(choices)) if isinstance(value, str) else None
        return (
            f"should be one of {', '.join(choices)}, not {shown}",
            repr(best) if best else None,
        )
    if kind == "string_type":
        what = "the header" if err["loc"][-1:] == ("[key]",) else "the value"
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            return f"{what} should be one name, not {shown} (write {value[0]})", None
        return f"{what} should be text, not {shown} (put it in quotes)", None
    if kind == "unknown_field":
        return str(ctx["message"]), ctx.get("suggestion")
    if kind == "value_error" and "error" in ctx:
        return str(ctx["error"]), None
    return str(err["msg"]), None


def _is_number(value: Any) -> bool:
    """Whether text reads as a number (a number written in quotes)."""
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True
