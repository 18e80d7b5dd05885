"""Compare two assessment documents: new, resolved, changed and re-identified flags, and
suppliers added, removed and changed.

No printing here; the CLI renders the result (see ddtool.reporters.diff_report).
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from itertools import chain
from pathlib import Path, PurePath, PureWindowsPath
from typing import Any, NamedTuple

from ddtool.collector import collector_paused
from ddtool.contract import Contract, _shown, identified
from ddtool.document import (
    ADJUSTMENT,
    COUNTRY_UNKNOWN,
    EXPOSURE_ON_A_GAP,
    flag_expander,
    held_labels,
    holds_gaps,
    low_on_a_gap,
    of_its_score,
    placed_in_one_country,
)
from ddtool.errors import DdtoolError, UsageError
from ddtool.graph import alike_key
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.reporters.shown import (
    ExposureLevels,
    chain_levels,
    gap_level,
    level_shown,
    shown_rank,
    value_text,
)
from ddtool.streamed import NotStreamable, PerItem, as_text, read_object

DIFF_SCHEMA_VERSION = "1.13"
SUPPORTED_MAJORS = ("1", "2")
REQUIRED_KEYS = (
    "schema_version",
    "tool",
    "profiles",
    "input",
    "company",
    "flags",
    "suppliers",
    "summary",
)

# the parts of a flag worth showing in a diff (the full flag stays in the assessment)
FLAG_FIELDS = (
    "id",
    "supplier_id",
    "supplier_name",
    "inferred",
    "risk_type",
    "level",
    "priority",
    "country",
    "sector",
    "sector_as_written",
    "path",
    "reason",
)
# (the sector as written, too: where the taxonomy does not know it, `sector` is null)
SUPPLIER_FIELDS = ("id", "name", "country", "sector", "sector_as_written")
# what a supplier in both assessments may have changed: the fields of its entry that come
# from the input (a move, a new sector or buyer, more migrant workers); what the engine
# derives from them (tiers, path, risk, gaps) is not listed. `certifications` and `audits`
# are compared as the entries hold them, or else as the flags' evidence records them
# (RECORDED_FIELDS); each column of extra attributes as `attributes.NAME`.
CHANGE_FIELDS = (
    "name",
    "country",
    "region",
    "sector",
    "products",
    "share",
    "buyers",
    "workers",
    "female_pct",
    "migrant_pct",
    "certifications",
    "audits",
)
# a supplier adjustment of the score (ddtool.scoring) as its flags' evidence names it, and
# the field of the supplier's own record each kind comes from
RECORDED_FIELDS = ("certifications", "audits")  # (as held_labels splits them)
# the fields whose items' order says nothing (a list of products or buyers written in
# another order is the same list)
UNORDERED_FIELDS = ("products", "buyers", *RECORDED_FIELDS)
ATTRIBUTE_FIELD = "attributes."
# what a diff reads of a supplier entry: its own fields (the sector as written, shown where
# the taxonomy does not know it), and what a flag it shows takes from it (see
# ddtool.document.expand_flag: its data gaps say whether a low level rests on missing data)
_READ_OF_SUPPLIERS = (
    "sector_as_written",
    "inferred",
    "path",
    "worst_case",
    "attributes",
    "data_gaps",
)


class AssessmentFileError(DdtoolError):
    """A file given to `diff` (or `report`) is not a usable assessment JSON."""


def load_assessment(path: Path) -> dict[str, Any]:
    """Read an assessment JSON whole; raises AssessmentFileError naming the file when it is
    not one."""
    document = read_assessment(path, {})
    _check_identified(document, str(path))
    return document


def _check_identified(document: dict[str, Any], label: str) -> None:
    """Raise AssessmentFileError (message starts with label) unless each flag and supplier
    entry is an object with an id, each flag of a known level (contract.identified)."""
    reason = identified(document)
    if reason is not None:
        raise AssessmentFileError(f"{label}: not a valid ddtool assessment JSON ({reason})")


def file_bytes(path: Path) -> bytes:
    """The file's bytes; AssessmentFileError naming it when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as e:
        raise AssessmentFileError(f"{path}: cannot read file ({e.strerror or e})") from e


def _unreadable(path: Path, reason: NotStreamable) -> AssessmentFileError:
    """Why the file cannot be read key by key: where the standard parser stops (line and
    column), what the file is if it is JSON but no assessment, or else the item reader's
    reason (a key named twice, an integer beyond 64 bits)."""
    check_assessment(_parsed(path, file_bytes(path).removeprefix(codecs.BOM_UTF8)), str(path))
    return AssessmentFileError(f"{path}: not a ddtool assessment JSON ({reason})")


def _parsed(path: Path, data: bytes) -> Any:
    """The file as the standard parser reads it whole; AssessmentFileError saying where it
    stops when it is not JSON."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        hint = _not_json_hint(path)  # (a workbook, say: no text at all, and said so)
        # (where, in a text: the line, and the byte in the file, as a chain file is told)
        line = data.count(b"\n", 0, e.start) + 1
        where = "" if hint else f": line {line}, byte {e.start}, 0x{data[e.start]:02x}"
        raise AssessmentFileError(
            f"{path}: not a ddtool assessment JSON (not UTF-8 text{where})" + hint
        ) from e
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise AssessmentFileError(
            f"{path}: not a ddtool assessment JSON (invalid JSON at line {e.lineno},"
            f" column {e.colno}: {e.msg})" + _not_json_hint(path)
        ) from e
    except RecursionError:
        raise AssessmentFileError(
            f"{path}: not a ddtool assessment JSON (values nested too deeply)"
        ) from None
    except ValueError:  # (an integer of more digits than Python converts: no figure ddtool writes)
        found = re.search(r"\d{4301,}", text)
        where = ""
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            where = f" at line {line}, column {column}"
        raise AssessmentFileError(
            f"{path}: not a ddtool assessment JSON (a number of more than 4,300 digits{where}:"
            " no figure of an assessment is one)"
        ) from None


# what a file of another suffix than .json may be, said after a JSON error: a chain file (or
# a register, which shares the table suffixes: ddtool.sources.SUFFIXES), or a report
_REPORT_SUFFIXES = (".md", ".html", ".htm")


def _not_json_hint(path: Path) -> str:
    """What to give instead, where the suffix says the file is no assessment JSON."""
    from ddtool.sources import SUFFIXES

    suffix = path.suffix.lower()
    if suffix in SUFFIXES:
        what = "a chain file or a register"
    elif suffix in _REPORT_SUFFIXES:
        what = "a report"
    else:
        return ""
    return (
        f": it looks like {what}; give the assessment JSON that `ddtool assess FILE -o"
        " FILE.json` writes"
    )


def load_for_diff(path: Path, text: str | None = None) -> dict[str, Any]:
    """An assessment as `diff_assessments` reads it: each supplier entry keeps only what a
    diff reads (its risk and a mapped supplier's exposure by their levels and priorities;
    its listings and the rest are dropped as each entry is read).
    Two large assessments then fit in memory together: a 10^5-supplier one read whole takes
    about 1.2 GB, and its supplier entries are most of it. `text` is the file's text when
    already read (assessment_text)."""
    return read_assessment(path, {"suppliers": slim_supplier}, text=text)


# what a diff keeps of a supplier entry
_KEPT_OF_SUPPLIERS = (*SUPPLIER_FIELDS, *CHANGE_FIELDS, *_READ_OF_SUPPLIERS)


def slim_supplier(_: int, entry: Any) -> Any:
    """A supplier entry as load_for_diff keeps it: what a diff reads of it (and so what
    invalid_reason checks of it)."""
    if not isinstance(entry, dict):  # left as it is, for check_assessment to report
        return entry
    kept = {key: entry[key] for key in _KEPT_OF_SUPPLIERS if key in entry}
    risk = entry.get("risk")
    if isinstance(risk, dict):  # (its levels, for a resolved flag's supplier still there)
        kept["risk"] = {
            rt: {k: value.get(k) for k in ("level", "priority")}
            for rt, value in risk.items()
            if isinstance(value, dict)
        }
    exposure = entry.get("exposure")
    if isinstance(exposure, dict) and not entry.get("inferred"):
        # (a mapped supplier's own exposure, its level as shown: see supplier_moves; what
        # else it holds, where its maximum sits and the weighted figure, is not read)
        try:
            kept["exposure"] = _shared_exposure(_exposure_key(exposure))
        except TypeError:  # (a value no JSON ddtool writes holds: left for the check to say)
            kept["exposure"] = _exposure_of(_exposure_key(exposure))
    return kept


# what a diff keeps of a mapped supplier's exposure of a risk type (supplier_moves): its
# level, priority and whether gaps bear on it (`on_a_gap`), each with its type (1 is not
# 1.0 nor true: each is written, or refused, as it is)
_ExposureKey = tuple[tuple[str, Any, type, Any, type, Any, type], ...]
_ABSENT_KEY = object()  # (a field the exposure does not hold)


def _exposure_key(exposure: dict[str, Any]) -> _ExposureKey:
    """What a diff keeps of a supplier's exposure, as a key to share it by."""
    key = []
    for rt, value in exposure.items():
        if type(value) is dict:
            level = value.get("level", _ABSENT_KEY)
            priority = value.get("priority", _ABSENT_KEY)
            gap = value.get(EXPOSURE_ON_A_GAP, _ABSENT_KEY)
            key.append((rt, level, type(level), priority, type(priority), gap, type(gap)))
    return tuple(key)


def _exposure_of(key: _ExposureKey) -> dict[str, Any]:
    """The exposure a key was made of, with only what a diff keeps of it."""
    return {
        rt: {
            name: value
            for name, value in (("level", level), ("priority", priority), (EXPOSURE_ON_A_GAP, gap))
            if value is not _ABSENT_KEY
        }
        for rt, level, _, priority, _, gap, _ in key
    }


@lru_cache(maxsize=1 << 14)
def _shared_exposure(key: _ExposureKey) -> dict[str, Any]:
    """One kept exposure for the suppliers whose exposures hold the same (a 10^5-supplier
    chain's mapped suppliers share about 4,000: the few maxima beneath them), where each
    its own took about 100 MB. Read only, never changed."""
    return _exposure_of(key)


def invalid_reason(path: Path, document: dict[str, Any]) -> str | None:
    """What is wrong in an assessment read as load_for_diff reads it, as an error naming the
    file: an id not of its kind or named twice, a reference that leads nowhere, a summary
    count that disagrees (ddtool.contract, what a diff or a verification reads); None when
    nothing is."""
    contract = Contract(complete=False)
    contract.check(document)
    reason = contract.reason()
    return None if reason is None else f"{path}: not a valid ddtool assessment JSON ({reason})"


def read_assessment(
    path: Path,
    per_item: Mapping[str, PerItem],
    *,
    text: str | None = None,
    stop_before: Collection[str] = (),
    complete: bool = False,
) -> dict[str, Any]:
    """An assessment read key by key, the items of the lists named in `per_item` passed
    through its functions one by one as they are read (see ddtool.streamed); raises
    AssessmentFileError naming the file when it is not an assessment.

    `text` is the file's text when already read (assessment_text). With `stop_before`, only
    the keys before the first of those are read, and the document is not checked. `complete`:
    check every part the reports read (ddtool.contract), not only what identifies flags and
    suppliers (all a diff or a verification needs: they read the rest with defaults, or
    compare it as it is).
    """
    path = Path(path)
    try:
        with collector_paused():
            document = read_object(
                assessment_text(path) if text is None else text, per_item, stop_before
            )
    except NotStreamable as e:
        raise _unreadable(path, e) from None
    if not stop_before:
        check_assessment(document, str(path))
    if complete:
        contract = Contract()
        contract.check(document)
        reason = contract.reason()
        if reason is not None:
            raise AssessmentFileError(f"{path}: not a complete ddtool assessment JSON ({reason})")
    return document


def assessment_text(path: Path) -> str:
    """The file's text; AssessmentFileError naming it when it is not UTF-8 text."""
    try:
        return as_text(file_bytes(path))
    except NotStreamable as e:
        raise _unreadable(path, e) from None


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words (null, an array), not Python's (NoneType)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, int | float) else "an object"


def check_assessment(document: Any, label: str) -> None:
    """Raise AssessmentFileError (message starts with label) unless document is an assessment:
    an object of a supported schema, with its top-level parts. What its flags and supplier
    entries hold (an id, a known level) the contract's check says, each place named
    (ddtool.contract: `Contract.check`, or `identified` for a document handed in unchecked)."""
    prefix = f"{label}: not a ddtool assessment JSON"
    if not isinstance(document, dict):
        raise AssessmentFileError(f"{prefix} (top level is {_json_kind(document)}, not an object)")
    written = document.get("schema_version", "")
    if not isinstance(written, str):  # (as ddtool.contract says of any other text)
        raise AssessmentFileError(
            f"{label}: not a valid ddtool assessment JSON ($.schema_version: a text expected,"
            f" got {_shown(written)})"
        )
    version = schema_numbers(written)
    missing = [k for k in REQUIRED_KEYS if k not in document]
    if missing and (not written or (version is not None and str(version[0]) in SUPPORTED_MAJORS)):
        raise AssessmentFileError(f"{prefix} (missing {', '.join(repr(k) for k in missing)})")
    refused = _refused_version(written, version)
    if refused is not None:
        raise AssessmentFileError(f"{prefix} ($.schema_version: {refused})")
    if not isinstance(document["flags"], list) or not isinstance(document["suppliers"], list):
        raise AssessmentFileError(f"{prefix} ('flags' and 'suppliers' must be lists)")
    not_objects = [
        key for key in ("tool", "profiles", "input", "company") if type(document[key]) is not dict
    ]
    if not_objects:
        raise AssessmentFileError(
            f"{prefix} ({', '.join(repr(key) for key in not_objects)} must be"
            f" {'objects' if len(not_objects) > 1 else 'an object'})"
        )


_SCHEMA_VERSION = re.compile(r"([0-9]+)\.([0-9]+)")


def schema_numbers(version: str) -> tuple[int, int] | None:
    """A schema version as numbers ("2.6" → (2, 6)); None where it is not MAJOR.MINOR."""
    found = _SCHEMA_VERSION.fullmatch(version)
    return None if found is None else (int(found[1]), int(found[2]))


def _refused_version(written: str, version: tuple[int, int] | None) -> str | None:
    """Why an assessment of this schema version cannot be read, or None where it can: one
    that is no MAJOR.MINOR, of a major version this ddtool does not read, or newer than the
    one it writes (written by a later ddtool: what that added would be read as missing)."""
    from ddtool.assess import SCHEMA_VERSION

    reads = " and ".join(
        f"{major}.x" if major != SCHEMA_VERSION.split(".")[0] else f"{major}.0 to {SCHEMA_VERSION}"
        for major in SUPPORTED_MAJORS
    )
    if version is None:
        return f"{_shown(written)} is not a schema version (MAJOR.MINOR); this ddtool reads {reads}"
    if version > tuple(map(int, SCHEMA_VERSION.split("."))):
        return (
            f"{written} is newer than this ddtool writes ({SCHEMA_VERSION}): a later ddtool"
            f" wrote it; this ddtool reads {reads}"
        )
    if str(version[0]) not in SUPPORTED_MAJORS:
        return f"{written} is not supported; this ddtool reads {reads}"
    return None


def _rank(level: str) -> int:
    return LEVELS.index(level) if level in LEVELS else -1


def _flag_entry(flag: dict[str, Any]) -> dict[str, Any]:
    """A flag as a diff lists it (a flag joined with its supplier, see document.register):
    the FLAG_FIELDS, the data gaps its level rests on (`data_gaps`, see _gaps_of), and
    whether its supplier's country is not known (`country_unknown`: a mapped supplier's, or
    an inferred stage's placed in a country not known; the diffs then write its Country cell
    as the registers do, "unknown", or "ARG (worst case with the country unknown)"), and
    whether it is an inferred stage placed in that one country, its buyer's
    (`country_assumed`: "BGD (assumed: the buyer's country)", not an origin mix's worst case)."""
    return {
        **{k: flag.get(k) for k in FLAG_FIELDS},
        "data_gaps": _gaps_of(flag),
        "country_unknown": _country_unknown(flag),
        "country_assumed": placed_in_one_country(flag),
    }


def _with_now(
    entry: dict[str, Any], new_entries: dict[str, dict[str, Any]], renamed: dict[str, str]
) -> dict[str, Any]:
    """A resolved flag with its supplier's level and priority of that risk type in the new
    assessment (`now_level`, `now_priority`), where the supplier is still in the chain (under
    its id, or its new id): below the flag level now, or the flag level raised; None where
    it is gone (or the new assessment gives no level)."""
    supplier = str(entry.get("supplier_id"))
    now = new_entries.get(renamed.get(supplier, supplier)) or {}
    risk = (now.get("risk") or {}).get(str(entry.get("risk_type"))) or {}
    level = risk.get("level") if isinstance(risk, dict) else None
    entry["now_level"] = level or None
    entry["now_priority"] = risk.get("priority") if level else None
    # (and the gaps a low level now rests on, as a flag's `data_gaps`: "low (data gap)")
    entry["now_data_gaps"] = (
        _gaps_of(
            {"level": level, "risk_type": entry.get("risk_type"), "data_gaps": now.get("data_gaps")}
        )
        if level
        else []
    )
    return entry


def _country_unknown(flag: dict[str, Any]) -> bool:
    """Whether a flag's supplier has its country unknown (its gap COUNTRY_UNKNOWN)."""
    return COUNTRY_UNKNOWN in (flag.get("data_gaps") or ())


def _gaps_of(flag: dict[str, Any]) -> list[str]:
    """The data gaps a flag's level rests on (a flag joined with its supplier): where it is
    low while data its supplier is scored on for its risk type is missing (low_on_a_gap),
    those gaps of the supplier, other than "tiers below not mapped (inferred)" and an inferred
    supplier's being inferred (NOT_OF_ITS_SCORE, as low_on_a_gap leaves them out: an inferred
    stage's gap of its own score, "country unknown", is one, and so is nothing known beneath
    a trader of anything, NOTHING_FOLLOWED, or beneath a supplier whose products deny the
    goods beneath its sector, DENIED_BELOW); none at any other level. The reports
    show such a flag as "low (data gap)" (see shown_level), as the batch summary keeps an
    exposure's gaps beside its plain level."""
    if not low_on_a_gap(flag, flag.get("level")):
        return []
    risk_type = flag.get("risk_type")
    return [
        str(gap)
        for gap in flag.get("data_gaps") or ()
        if of_its_score(gap, None if risk_type is None else str(risk_type))
    ]


def _on_a_gap(flag: dict[str, Any], suppliers: dict[str, dict[str, Any]]) -> bool:
    """Whether a flag as stored is low on missing data (as _gaps_of finds for it joined with
    its supplier), without joining it: a schema-2 flag's gaps are on its supplier's entry
    (`suppliers`, mapped and inferred, see _entries: an inferred supplier's entry holds the
    gaps of its own score too), a 1.x flag holds them inline."""
    entry = suppliers.get(str(flag.get("supplier_id"))) if "basis" in flag else flag
    return entry is not None and low_on_a_gap(entry, flag.get("level"), flag.get("risk_type"))


def shown_level(level: Any, gaps: Any) -> str:
    """A level of a flag the diff lists as the reports show it (reporters.shown.level_shown):
    "low (data gap)" where a low level rests on missing data (the flag's `data_gaps`, or a
    changed flag's `old_data_gaps`), else the level."""
    return level_shown({"data_gaps": gaps or []}, "" if level is None else str(level))


def _shown_rank(level: Any, gaps: Any) -> int:
    """Where a level as shown stands (reporters.shown.shown_rank): "low (data gap)" above
    plain low."""
    return shown_rank(shown_level(level, gaps))


def _flag_order(entry: dict[str, Any]) -> tuple[int, str]:
    """Highest level as shown first ("low (data gap)" before low), then id."""
    return (-_shown_rank(entry.get("level"), entry.get("data_gaps")), str(entry["id"]))


def _mapped(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {str(s["id"]): s for s in document["suppliers"] if not s.get("inferred")}


def _entries(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every supplier's entry by its id, the inferred ones' too (their flags' gaps)."""
    return {str(s["id"]): s for s in document["suppliers"]}


def _meta(document: dict[str, Any]) -> dict[str, Any]:
    profiles = document.get("profiles") or {}
    source = document.get("input") or {}
    options = document.get("options")
    overlays = profiles.get("overlays")
    return {
        "company": (document.get("company") or {}).get("name"),
        "company_id": (document.get("company") or {}).get("id"),
        "generated_at": document.get("generated_at"),
        "as_of": options.get("as_of") if isinstance(options, dict) else None,
        "config": options.get("config") if isinstance(options, dict) else None,
        "tool_version": (document.get("tool") or {}).get("version"),
        "schema_version": document.get("schema_version"),
        "input": {"path": source.get("path"), "sha256": source.get("sha256")},
        "profiles": {
            "version": profiles.get("version"),
            "sha256": profiles.get("sha256"),
            "overlays": [str(o) for o in overlays] if isinstance(overlays, list) else [],
        },
    }


def diff_assessments(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    old_label: str = "old assessment",
    new_label: str = "new assessment",
    checked: bool = False,
) -> dict[str, Any]:
    """Compare two assessment documents; flags are matched by their stable id, and the flags
    of a supplier under a new id (`same_as`) with the removed supplier's of the same risk
    type. `checked`: both are as read_assessment returns them, checked already."""
    if not checked:
        for document, label in ((old, old_label), (new, new_label)):
            check_assessment(document, label)
            _check_identified(document, label)
    old_suppliers, new_suppliers = _mapped(old), _mapped(new)
    suppliers_added = [
        {k: new_suppliers[i].get(k) for k in SUPPLIER_FIELDS}
        for i in sorted(new_suppliers.keys() - old_suppliers.keys())
    ]
    suppliers_removed = [
        {k: old_suppliers[i].get(k) for k in SUPPLIER_FIELDS}
        for i in sorted(old_suppliers.keys() - new_suppliers.keys())
    ]
    _same_as(suppliers_added, suppliers_removed)
    renamed = _renamed(suppliers_added)

    # flags are matched as stored; only those shown are joined with their supplier and
    # basis (schema 2; 1.x flags hold it all inline): 10^5 suppliers give 243,000 flags
    old_flags = {str(f["id"]): f for f in old["flags"]}
    new_flags = {str(f["id"]): f for f in new["flags"]}
    old_full, new_full = flag_expander(old), flag_expander(new)
    only_new = new_flags.keys() - old_flags.keys()
    only_old = old_flags.keys() - new_flags.keys()
    old_entries, new_entries = _entries(old), _entries(new)
    reinferred = _reinferred(old_entries, new_entries, renamed)
    # an inferred stage inferred again that is in both assessments: its flags in both
    kept_old = reinferred.keys() & new_entries.keys()
    kept_new = {i for ids in reinferred.values() for i in ids} & old_entries.keys()
    pairs = _same_findings(
        [new_flags[i] for i in only_new] + _flags_of(new_flags, kept_new, only_new),
        [old_flags[i] for i in only_old] + _flags_of(old_flags, kept_old, only_old),
        {**{was: [now] for was, now in renamed.items()}, **reinferred},
    )
    paired_old = {str(before["id"]) for before, _ in pairs}
    paired_new = {str(after["id"]) for _, after in pairs}

    added = [_flag_entry(new_full(new_flags[i])) for i in only_new - paired_new]
    resolved = [
        _with_now(_flag_entry(old_full(old_flags[i])), new_entries, renamed)
        for i in only_old - paired_old
    ]
    changed: list[dict[str, Any]] = []
    # flags whose level stayed and whose priority moved (a failed audit, a certificate, a
    # migrant share): what year on year shows of the measures taken, within a level
    moved: list[dict[str, Any]] = []
    for flag_id in old_flags.keys() & new_flags.keys():
        before, after = old_flags[flag_id], new_flags[flag_id]
        if before["level"] != after["level"] or (
            # low, and into or out of missing data: "low" and "low (data gap)" in the reports
            before["level"] == "low"
            and _on_a_gap(before, old_entries) != _on_a_gap(after, new_entries)
        ):
            changed.append(_level_change(old_full(before), new_full(after)))
        elif _priority_of(before) != _priority_of(after):
            moved.append(_priority_change(old_full(before), new_full(after)))
    reidentified = [
        {
            **_level_change(old_full(before), new_full(after)),
            "old_id": before["id"],
            "old_supplier_id": before.get("supplier_id"),
        }
        for before, after in pairs
    ]
    added.sort(key=_flag_order)
    resolved.sort(key=_flag_order)
    changed.sort(key=_flag_order)
    moved.sort(key=_moved_order)
    reidentified.sort(key=_flag_order)

    uncompared: dict[str, int] = {}
    both = _in_both(old_suppliers, new_suppliers, renamed)
    suppliers_changed = _supplier_changes(
        old, new, old_suppliers, new_suppliers, renamed, uncompared, both=both
    )
    compared = len(both)
    moves = supplier_moves(old, new, both, old_suppliers, new_suppliers)

    old_meta, new_meta = _meta(old), _meta(new)
    company_changed = old_meta["company_id"] != new_meta["company_id"] or (
        old_meta["company"] != new_meta["company"]
        # a company without a name is named after its file: monthly files differ by name
        and not (_named_after_file(old_meta) or _named_after_file(new_meta))
    )
    # (the overlays' paths are not the data: their content is in the hash)
    profiles_changed = any(
        old_meta["profiles"][k] != new_meta["profiles"][k] for k in ("version", "sha256")
    )
    input_changed = old_meta["input"]["sha256"] != new_meta["input"]["sha256"]
    changed_settings = settings_changes(
        _settings(old), _settings(new), defaults=unrecorded_defaults(old, new)
    )
    reversed_dates = dates_reversed(old_meta, new_meta)
    other_schema = schema_differs(old_meta, new_meta, uncompared, compared)
    exposure = exposure_changes(old, new)
    tier1 = tier1_changes(old, new, renamed)
    return {
        "kind": "ddtool-diff",
        "schema_version": DIFF_SCHEMA_VERSION,
        "old": old_meta,
        "new": new_meta,
        "summary": {
            "new_flags": len(added),
            "resolved_flags": len(resolved),
            "changed_flags": len(changed),
            "changed_up": sum(1 for c in changed if c["direction"] == "up"),
            "changed_down": sum(1 for c in changed if c["direction"] == "down"),
            "priority_changed": len(moved),
            "priority_up": sum(1 for m in moved if m["direction"] == "up"),
            "priority_down": sum(1 for m in moved if m["direction"] == "down"),
            "reidentified_flags": len(reidentified),
            "reidentified_up": sum(1 for r in reidentified if r["direction"] == "up"),
            "reidentified_down": sum(1 for r in reidentified if r["direction"] == "down"),
            "resolved_still_in_chain": sum(1 for f in resolved if f["now_level"] is not None),
            "new_flags_by_level": {
                lvl: sum(1 for f in added if f["level"] == lvl) for lvl in LEVELS
            },
            "suppliers_added": len(suppliers_added),
            "suppliers_removed": len(suppliers_removed),
            "suppliers_ambiguous": sum(1 for a in suppliers_added if a["may_be"]),
            "suppliers_changed": len({c["id"] for c in suppliers_changed}),
            "company_changed": company_changed,
            "profiles_changed": profiles_changed,
            "settings_changed": bool(changed_settings),
            "input_changed": input_changed,
            "dates_reversed": reversed_dates is not None,
            "schema_differs": other_schema is not None,
            "exposure_up": sum(1 for e in exposure if e["direction"] == "up"),
            "exposure_down": sum(1 for e in exposure if e["direction"] == "down"),
            "exposure_weighted_up": sum(1 for e in exposure if e["weighted_direction"] == "up"),
            "exposure_weighted_down": sum(1 for e in exposure if e["weighted_direction"] == "down"),
            "tier1_changed": len(tier1),
            "gaps_closed": sum(len(g["closed"]) for g in moves.gaps),
            "gaps_opened": sum(len(g["opened"]) for g in moves.gaps),
            "supplier_gaps_not_known": moves.gaps_not_known,
            "supplier_exposure_up": sum(1 for e in moves.exposure if e["direction"] == "up"),
            "supplier_exposure_down": sum(1 for e in moves.exposure if e["direction"] == "down"),
            "supplier_exposure_not_known": moves.exposure_not_known,
        },
        # what to know before reading on, each with a type, a message and what it is about
        # (as an assessment's input warnings are)
        "warnings": [w for w in (reversed_dates, other_schema) if w is not None],
        "profiles_changed": profiles_changed,
        "profiles": {"old": old_meta["profiles"], "new": new_meta["profiles"]},
        "settings_changed": bool(changed_settings),
        "settings_changes": changed_settings,
        "input_changed": input_changed,
        "input": {"old": old_meta["input"], "new": new_meta["input"]},
        "exposure": exposure,
        "tier1_changes": tier1,
        "new_flags": added,
        "resolved_flags": resolved,
        "changed_flags": changed,
        "priority_changes": moved,
        "reidentified_flags": reidentified,
        "suppliers_added": suppliers_added,
        "suppliers_removed": suppliers_removed,
        "suppliers_changed": suppliers_changed,
        "supplier_gaps": moves.gaps,
        "supplier_exposure": moves.exposure,
    }


def _direction(was: tuple[int, float], now: tuple[int, float]) -> str:
    """'up', 'down' or 'same': by the level as shown, then by the priority."""
    return "up" if now > was else "down" if now < was else "same"


def exposure_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The company's exposure per risk type, before and after (the summary's `exposure`): its
    level as the reports show it ("low (data gap)"), its priority and the supplier its
    maximum sits on, and whether it went up or down (by level, then priority); and its
    share-weighted priority (the company's `exposure`), which a change of shares moves with
    the maximum left as it was, and whether that went up or down (`weighted_direction`, None
    where either assessment does not record it); one row per risk type that either
    assessment gives."""
    was_all = (old.get("summary") or {}).get("exposure") or {}
    now_all = (new.get("summary") or {}).get("exposure") or {}
    # (as every report of each shows it: "medium (data gap)" too, see chain_levels)
    was_shown, now_shown = chain_levels(old), chain_levels(new)
    was_weighted, now_weighted = _weighted_exposure(old), _weighted_exposure(new)
    rows = []
    for risk_type in [*RISK_TYPES, *sorted((was_all.keys() | now_all.keys()) - set(RISK_TYPES))]:
        was, now = was_all.get(risk_type), now_all.get(risk_type)
        if not isinstance(was, dict) or not isinstance(now, dict):
            continue
        old_level, new_level = was_shown[risk_type], now_shown[risk_type]
        old_priority, new_priority = was.get("priority") or 0.0, now.get("priority") or 0.0
        old_weighted, new_weighted = was_weighted.get(risk_type), now_weighted.get(risk_type)
        rows.append(
            {
                "risk_type": risk_type,
                "old_level": old_level,
                "new_level": new_level,
                "old_priority": was.get("priority"),
                "new_priority": now.get("priority"),
                "old_from": was.get("from"),
                "new_from": now.get("from"),
                "direction": _direction(
                    (shown_rank(old_level), old_priority), (shown_rank(new_level), new_priority)
                ),
                "old_weighted_priority": old_weighted,
                "new_weighted_priority": new_weighted,
                # (not known where either assessment does not record it: no direction)
                "weighted_direction": (
                    None
                    if old_weighted is None or new_weighted is None
                    else _direction((0, old_weighted), (0, new_weighted))
                ),
            }
        )
    return rows


def _weighted_exposure(document: dict[str, Any]) -> dict[str, float]:
    """The company's share-weighted priority per risk type (its `exposure`'s
    `weighted_priority`); a risk type it is not recorded for (optional in the contract) is
    left out, not known rather than 0."""
    exposure = (document.get("company") or {}).get("exposure")
    weighted: dict[str, float] = {}
    for risk_type, entry in (exposure if isinstance(exposure, dict) else {}).items():
        value = entry.get("weighted_priority") if isinstance(entry, dict) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            weighted[str(risk_type)] = value
    return weighted


def tier1_changes(
    old: dict[str, Any], new: dict[str, Any], renamed: dict[str, str]
) -> list[dict[str, Any]]:
    """The tier-1 suppliers whose place in the ranking (the summary's `tier1_ranking`: rank,
    level as shown, weighted and maximum priority) changed, with those that entered or left
    tier 1 (a rank of None on that side); one under a new id (`same_as`) is matched with its
    old entry. In the new ranking's order, then those that left."""

    def ranked(document: dict[str, Any]) -> dict[str, tuple[int, dict[str, Any]]]:
        rows = (document.get("summary") or {}).get("tier1_ranking") or []
        return {str(r.get("id")): (i, r) for i, r in enumerate(rows, 1) if isinstance(r, dict)}

    def level(row: dict[str, Any] | None) -> str | None:
        if row is None:
            return None
        # (an exposure: "medium (data gap)" and "high (data gap)" too, as the ranking shows it)
        level = row.get("level")
        return gap_level("" if level is None else str(level), bool(row.get("on_a_gap")))

    before, after = ranked(old), ranked(new)
    earlier = {renamed.get(key, key): value for key, value in before.items()}
    old_ids = {now: was for was, now in renamed.items()}
    changes = []
    for key in [*after, *(k for k in earlier if k not in after)]:
        old_rank, was = earlier.get(key, (None, None))
        new_rank, now = after.get(key, (None, None))
        figures = [
            (name, None if was is None else was.get(name), None if now is None else now.get(name))
            for name in ("weighted_priority", "max_priority")
        ]
        if old_rank == new_rank and level(was) == level(now) and all(a == b for _, a, b in figures):
            continue
        row = now if now is not None else was
        assert row is not None
        entry: dict[str, Any] = {
            "id": key,
            "old_id": old_ids.get(key),
            "name": row.get("name"),
            "old_rank": old_rank,
            "new_rank": new_rank,
            "old_level": level(was),
            "new_level": level(now),
        }
        for name, a, b in figures:
            entry[f"old_{name}"], entry[f"new_{name}"] = a, b
        changes.append(entry)
    return changes


# the dates an assessment is placed in time by, first the one that decides: the as-of date
# (which certificates and audits counted), then, where those are equal or one is not
# recorded, when it was made
ORDER_DATES = (("as_of", "as of"), ("generated_at", "generated"))


def dates_reversed(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any] | None:
    """A warning (type "dates-reversed") when the old assessment (as _meta describes it) is
    later than the new one, by its as-of date or else when it was made: the two files were
    most likely given the wrong way round, and every new flag would then be a resolved one.
    None when they are in order, or their dates cannot be compared."""
    for key, words in ORDER_DATES:
        was, now = _moment(old.get(key)), _moment(new.get(key))
        if was is None or now is None or was == now:
            continue
        if was < now:
            return None
        return {
            "type": "dates-reversed",
            "date": key,
            "old": old[key],
            "new": new[key],
            "message": (
                f"the OLD assessment ({words} {old[key]}) is later than the NEW one ({words}"
                f" {new[key]}): the arguments may be swapped (give the earlier one first)"
            ),
        }
    return None


def schema_differs(
    old: dict[str, Any], new: dict[str, Any], uncompared: dict[str, int], compared: int
) -> dict[str, Any] | None:
    """A warning (type "schema-differs") when the two assessments (as _meta describes them)
    are of different schema versions: both versions, and the supplier fields that could not
    be compared (`not_compared`: each with how many of the `compared` suppliers in both it
    could not be compared for), those the earlier schema does not record, so that a change
    of them is not listed. None when the versions are the same."""
    was, now = str(old.get("schema_version")), str(new.get("schema_version"))
    if was == now:
        return None
    earlier = min((was, now), key=lambda v: schema_numbers(v) or (0, 0))
    fields = [(f, uncompared[f]) for f in CHANGE_FIELDS if f in uncompared]
    named = [f if n == compared else f"{f} (for {n} of {compared} suppliers)" for f, n in fields]
    if named:
        listed = f"{', '.join(named[:-1])} and {named[-1]}" if len(named) > 1 else named[0]
        said = (
            f"{listed} could not be compared (schema {earlier} does not record them):"
            " a change of them is not listed"
        )
    elif compared:
        said = "every field of the suppliers in both was compared"
    else:
        said = "no supplier is in both to compare"
    return {
        "type": "schema-differs",
        "old": was,
        "new": now,
        "not_compared": [{"field": f, "suppliers": n} for f, n in fields],
        "message": f"the OLD assessment is of schema {was} and the NEW one of {now}: {said}",
    }


def _moment(value: Any) -> datetime | None:
    """A recorded date or time as a point in time (a date at its midnight, a time without
    a zone in UTC, as ddtool writes them); None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _settings(document: dict[str, Any]) -> dict[str, Any] | None:
    """The settings an assessment was made with (`options.settings`: every value, defaults
    included), or None when it does not record them."""
    options = document.get("options")
    settings = options.get("settings") if isinstance(options, dict) else None
    return settings if isinstance(settings, dict) else None


def settings_changes(
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
    prefix: str = "",
    *,
    defaults: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Each setting with another value in the two assessments, `{key, old, new}` with a
    dotted key (`thresholds.critical`), in the order the settings list them; a value only
    one of them records is null in the other. None when either records no settings: what
    it was made with is not known, so nothing can be said to have changed.

    A setting only one of them records (one added to ddtool after the other was made) is
    no change where its value is its default in `defaults` (the settings tree the absent
    value is taken from, unrecorded_defaults): the assessment without it was made before
    there was anything to set. Another value is a change, its absent side null."""
    if old is None or new is None:
        return []
    changes: list[dict[str, Any]] = []
    for key in [*old, *(k for k in new if k not in old)]:
        if not prefix and key in _NOT_SCORING:
            continue
        was, now = old.get(key), new.get(key)
        default = defaults.get(key, _ABSENT) if defaults is not None else _ABSENT
        if isinstance(was, dict) and isinstance(now, dict):
            below = default if isinstance(default, dict) else None
            changes += settings_changes(was, now, f"{prefix}{key}.", defaults=below)
        elif (key in old) == (key in new):
            if not _same_setting(was, now):
                changes.append({"key": f"{prefix}{key}", "old": was, "new": now})
        elif default is _ABSENT or not _same_setting(old.get(key, default), new.get(key, default)):
            changes.append({"key": f"{prefix}{key}", "old": was, "new": now})
    return changes


# (a setting no defaults know)
_ABSENT = object()


def default_settings() -> dict[str, Any]:
    """Every setting at this ddtool's default, as an assessment records its settings."""
    from ddtool.config import Config

    return Config().model_dump(mode="json")


def unrecorded_defaults(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The value to take for a setting one assessment does not record (settings_changes):
    the other one's where that was made with no settings file (its values are then all the
    defaults of the ddtool that made it, whatever today's are), else today's default."""
    defaults = default_settings()
    for document in (new, old):
        settings = _settings(document)
        options = document.get("options")
        if settings is not None and isinstance(options, dict) and not options.get("config"):
            defaults = _overlaid(defaults, settings)
    return defaults


def _overlaid(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """`base` with the values of `over` in their place, block by block."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        if isinstance(below, dict) and isinstance(value, dict):
            merged[key] = _overlaid(below, value)
        else:
            merged[key] = value
    return merged


def setting_default(key: str) -> tuple[bool, Any]:
    """Whether this ddtool has a setting of this dotted key (`scoring.inference_depth`),
    and its default."""
    found: Any = default_settings()
    for part in key.split("."):
        if not isinstance(found, dict) or part not in found:
            return False, None
        found = found[part]
    return True, found


# settings that say how a file is read, not how it is scored: the headers the columns: block
# maps are in each assessment's `column_map` (the same map given with --map is no change)
_NOT_SCORING = frozenset({"columns"})


def _same_setting(was: Any, now: Any) -> bool:
    """Whether two values of a setting are the same; a list in another order is (the
    certifications recognised are a set, whatever order the file lists them in)."""
    if isinstance(was, list) and isinstance(now, list):
        return sorted(map(json.dumps, was)) == sorted(map(json.dumps, now))
    return bool(was == now)


def _named_after_file(meta: dict[str, Any]) -> bool:
    """Whether an assessment's company bears its input file's name (given none, or the
    template's placeholder): such a name says nothing about which company it is."""
    path = str(meta["input"].get("path") or "")
    # (a path written on Windows, read elsewhere)
    stem = (PureWindowsPath if "\\" in path else PurePath)(path).stem
    return bool(path) and meta["company"] in (stem, "Company")


def _same_as(added: list[dict[str, Any]], removed: list[dict[str, Any]]) -> None:
    """Mark each added supplier that may be a removed one under a new id (`same_as`): the
    ids differ only in case, or the name, country and sector are those of one removed
    supplier alone, and no other added supplier may be that one. An id spelled anew in an
    export is then not read as a new supplier. The matches are decided by strength: an id
    that differs from a removed one's only in case, neither shared with another added or
    removed supplier, is that supplier, which no weaker match (by name) may then be; only
    the rest are matched by name. Where a match is not one to one (two added suppliers may
    be one removed, or one may be either of two), none is marked: which is which is not
    known. Each added supplier's `may_be` then lists the removed ones it may be (empty where
    it is `same_as` one, or matches none). Names are compared in any case, their spaces
    as one ("EA H'LEO  GROUP" is "Ea H'leo group"), then also without their accents and
    punctuation, as the possible-duplicate check compares them ("FAZENDA SAO JOAO" is
    "Fazenda São João": graph.alike_key)."""

    def id_key(entry: dict[str, Any]) -> tuple[Any, ...]:
        return ("id", str(entry["id"]).casefold())

    def keys(entry: dict[str, Any]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = [id_key(entry)]
        if entry.get("name"):
            # (a name as an export spells it anew: in other case, spaces doubled; then
            # without its accents and punctuation, "FAZENDA SAO JOAO" for "Fazenda São João")
            name = " ".join(str(entry["name"]).split()).casefold()
            found.append(("as", name, entry.get("country"), entry.get("sector")))
            alike = alike_key(str(entry["name"]))
            found.append(("alike", alike, entry.get("country"), entry.get("sector")))
        return found

    # the sure matches first: an id recased, alone of its spelling on both sides
    removed_by_id: dict[tuple[Any, ...], list[str]] = {}
    for entry in removed:
        removed_by_id.setdefault(id_key(entry), []).append(entry["id"])
    added_by_id = Counter(map(id_key, added))
    sure: dict[int, str] = {}
    for index, entry in enumerate(added):
        ids = removed_by_id.get(id_key(entry), [])
        if len(ids) == 1 and added_by_id[id_key(entry)] == 1:
            sure[index] = ids[0]
    taken = set(sure.values())
    # the rest: the removed suppliers each added one may be, of those no sure match took:
    # those of the first key that finds one alone, else of the first that finds several
    by_key: dict[tuple[Any, ...], list[str]] = {}
    for entry in removed:
        if entry["id"] not in taken:
            for key in keys(entry):
                by_key.setdefault(key, []).append(entry["id"])
    candidates: list[list[str]] = []
    for index, entry in enumerate(added):
        found: list[str] = []
        if index in sure:
            found = [sure[index]]
        else:
            for key in keys(entry):
                ids = by_key.get(key, [])
                if len(ids) == 1:
                    found = ids
                    break
                found = found or ids
        candidates.append(found)
    claimed = Counter(chain.from_iterable(candidates))
    for entry, found in zip(added, candidates, strict=True):
        one = len(found) == 1 and claimed[found[0]] == 1
        entry["same_as"] = found[0] if one else None
        entry["may_be"] = [] if one else sorted(found)


def _priority_of(flag: dict[str, Any]) -> float | None:
    priority = flag.get("priority")
    return float(priority) if isinstance(priority, int | float) else None


def _priority_change(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """A flag whose level stayed and whose priority moved, as _level_change gives it, with
    the direction of the priority."""
    entry = _level_change(before, after)
    old, new = _priority_of(before) or 0.0, _priority_of(after) or 0.0
    entry["direction"] = "up" if new > old else "down"
    return entry


def _moved_order(entry: dict[str, Any]) -> tuple[float, str]:
    """The largest move of priority first, then id."""
    old, new = entry.get("old_priority"), entry.get("new_priority")
    size = (
        abs(float(new) - float(old))
        if isinstance(old, int | float) and isinstance(new, int | float)
        else 0.0
    )
    return (-size, str(entry["id"]))


def _level_change(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The later flag's entry with what it was: level, priority, the data gaps a low level
    rested on, and its supplier's country and sector (a move to another country or sector
    is often why the level changed). The direction is that of the levels as the reports
    show them: a low level coming to rest on missing data ("low" → "low (data gap)") is
    `up`, what is known of the risk having worsened; one no longer resting on it `down`."""
    entry = _flag_entry(after)
    old_gaps = _gaps_of(before)
    old_rank = _shown_rank(before["level"], old_gaps)
    new_rank = _shown_rank(after["level"], entry["data_gaps"])
    entry.update(
        old_country=before.get("country"),
        old_country_unknown=_country_unknown(before),
        old_country_assumed=placed_in_one_country(before),
        old_sector=before.get("sector"),
        old_sector_as_written=before.get("sector_as_written"),
        old_level=before["level"],
        new_level=after["level"],
        old_data_gaps=old_gaps,
        old_priority=before.get("priority"),
        new_priority=after.get("priority"),
        direction="up" if new_rank > old_rank else "down" if new_rank < old_rank else "same",
    )
    return entry


def _renamed(added: list[dict[str, Any]]) -> dict[str, str]:
    """Removed supplier id → the id of the added supplier `same_as` it (one to one, see
    _same_as)."""
    return {
        str(entry["same_as"]): str(entry["id"])
        for entry in added
        if entry.get("same_as") is not None
    }


def _reinferred(
    old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]], renamed: dict[str, str]
) -> dict[str, list[str]]:
    """Inferred supplier of the old assessment → the inferred ones of the new that are the
    same stage inferred again: the same sector and commodity (_stage_of) under a buyer that
    left the one for the other (a buyer under a new id, `same_as`, or an inferred stage
    inferred again, counts as itself). A buyer that moved country leans its inferred farms
    to another country, and a first-processing stage that sat at the commodity's origin mix
    (`inferred:cotton-ginning:cotton-lint@world`) is assumed in the buyer's new country when
    that grows the commodity (`inferred:cotton-ginning@PAK`): their flags are the same
    findings, not new ones and resolved ones, whatever form the id takes. One side may be
    in both assessments: a stage that merged into one another buyer already had (a trader
    that moved to China buys the Chinese lithium mines another trader there had), or that
    a buyer left for one of its own. Several stages may become one, and a stage of no one
    commodity (a trader assumed in its buyer's country) one for each commodity it worked,
    and a stage at the origin mix that buyers of several countries shared one for each lean
    it now passes down (`…shrimp-farmed@world` → `…@world>THA` under the Thai buyers and
    `…@world>BGD` under the Bangladeshi one; and back); where one could be either of two of
    a kind (farms at the origin mix under two ginneries, one of which moved to Turkmenistan
    and the other to Pakistan), it is paired with neither."""
    # (each assessment's entries gone through once: 10^5 of them, a few hundred inferred)
    waiting = [node_id for node_id, entry in old.items() if entry.get("inferred")]
    inferred_now = [node_id for node_id, entry in new.items() if entry.get("inferred")]
    gone = any(node_id not in new for node_id in waiting)
    if not gone and all(node_id in old for node_id in inferred_now):
        return {}
    # every inferred supplier of the new assessment: its stage, and it by its sector and each
    # of its buyers
    stage_now: dict[str, tuple[str, str | None]] = {}
    under: dict[tuple[str, str], list[str]] = {}
    for node_id in inferred_now:
        stage_now[node_id] = _stage_of(node_id, new[node_id])
        for buyer in new[node_id].get("buyers") or ():
            under.setdefault((stage_now[node_id][0], str(buyer)), []).append(node_id)
    place = {node_id: i for i, node_id in enumerate(waiting)}
    # the buyers of the old assessment as the new one names them (a buyer under a new id, an
    # inferred stage inferred again: as each is paired), of each stage waiting and of each
    # candidate in both assessments; and who buys from a stage waiting, to name anew
    named: dict[str, set[str]] = {}
    fed: dict[str, list[str]] = {}
    in_both = [node_id for node_id in stage_now if node_id in old and node_id not in place]
    for node_id in (*waiting, *in_both):
        named[node_id] = set()
        for buyer in map(str, old[node_id].get("buyers") or ()):
            named[node_id].add(renamed.get(buyer, buyer))
            if buyer in place:
                fed.setdefault(buyer, []).append(node_id)
    # the buyers each had in the old assessment, before any pairing names them anew
    had = {node_id: frozenset(buyers) for node_id, buyers in named.items()}
    # the stages whose pairing a candidate in both assessments stood in, by its buyers
    weighed_by: dict[str, set[str]] = {}

    def paired_with(node_id: str) -> list[str]:
        """The inferred suppliers of the new assessment this one is, as its buyers and its
        candidates' are named now; none where it is none or could be either of two."""
        kept = node_id in new
        left = named[node_id]
        if kept:  # (the buyers that left it)
            left = left - set(map(str, new[node_id].get("buyers") or ()))
        sector, commodity = _stage_of(node_id, old[node_id])
        closeness: dict[str, int] = {}
        for buyer in left:
            for other in under.get((sector, buyer), ()):
                # in both, and under that buyer then, as this one was: nothing merged into
                # it (but where this one's buyer is another inferred again as one that was
                # in both, its stages merged into those beneath that one: a trader that moved
                # buys from the mines another buyer's trader there had); and one in both for
                # one in both: no flag is new or resolved
                if other in old:
                    if kept:
                        continue
                    weighed_by.setdefault(other, set()).add(node_id)
                    if buyer in named[other] and buyer in had[node_id]:
                        continue
                rank = _closeness(node_id, commodity, other, stage_now[other][1])
                if rank is not None:
                    closeness[other] = rank
        if not closeness:
            return []
        best = min(closeness.values())
        found = sorted(other for other, rank in closeness.items() if rank == best)
        commodities = [stage_now[other][1] for other in found]
        # one, or one for each commodity a stage of no one commodity worked, or one for each
        # lean a stage at the origin mix now passes down
        if (
            len(found) == 1
            or (
                commodity is None
                and None not in commodities
                and len(set(commodities)) == len(commodities)
            )
            or _split_by_lean(node_id, found)
        ):
            return found
        return []

    # round by round down the chain: a stage whose buyer is itself an inferred stage inferred
    # again (a spinner's under a finisher's, when the garment maker moved) is paired once
    # that buyer is. A stage is looked at again only once a round's pairings have named anew
    # its buyers, or those of a candidate it weighed: nothing else it is paired by changes,
    # so it would pair no more than it did. (Looking at every stage waiting in every round,
    # its buyers and each candidate's named anew for each buyer, took most of a second on a
    # 10^5-supplier diff where one country's suppliers moved: the buyers of its cotton farms
    # times those of the farms they moved to.)
    pairs: dict[str, list[str]] = {}
    again = waiting
    while again:
        paired = {node_id: found for node_id in again if (found := paired_with(node_id))}
        pairs.update(paired)
        renewed: set[str] = set()
        for was, nows in paired.items():
            for node_id in fed.get(was, ()):
                named[node_id].update(nows)
                renewed.add(node_id)
        looked = {node_id for other in renewed for node_id in weighed_by.get(other, ())}
        again = sorted((renewed & place.keys() | looked) - pairs.keys(), key=place.__getitem__)
    return pairs


def _stage_of(node_id: str, entry: dict[str, Any]) -> tuple[str, str | None]:
    """An inferred supplier's sector, and the commodity (or good) it is the stage of: its
    one product, None for a stage assumed in its buyer's country, which works whatever is
    inferred beneath it. The sector is read from the id where the entry lacks it."""
    sector = entry.get("sector")
    if not isinstance(sector, str) or not sector:
        sector = node_id.removeprefix("inferred:").rpartition("@")[0].partition(":")[0]
    products = entry.get("products")
    if isinstance(products, list) and len(products) == 1:
        return sector, _text_key(str(products[0]), any_case=True)
    return sector, None


def _split_by_lean(node_id: str, found: list[str]) -> bool:
    """Whether these inferred suppliers of the new assessment are one stage at the origin mix
    of the old (`inferred:seafood-processing:shrimp-farmed@world`) keyed by the lean each
    passes down to what lies beneath it (`…@world>THA`, `…@world>BGD`, see
    docs/methodology.md §7): the stage its buyers shared, split as their chains beneath it
    differ. Each is that stage for the buyers it is under, not a guess between places."""
    return all(other.startswith(f"{node_id}>") for other in found)


def _closeness(
    node_id: str, commodity: str | None, other: str, other_commodity: str | None
) -> int | None:
    """How close an inferred supplier of the new assessment is to one of the old of the same
    sector under the same buyer, lower being closer: 0 the same id but for the country after
    "@", 1 the same commodity, 2 a stage of no one commodity on either side (a ginnery at the
    origin mix of cotton lint, and one in a country growing it); None of another commodity."""
    if node_id.rpartition("@")[0] == other.rpartition("@")[0]:
        return 0
    if commodity == other_commodity:
        return 1
    return 2 if commodity is None or other_commodity is None else None


def _same_findings(
    later: list[dict[str, Any]],
    earlier: list[dict[str, Any]],
    renamed: Mapping[str, Collection[str]],
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(old flag, new flag) pairs that are one finding under a new supplier id: a flag of the
    old assessment (`earlier`: only in it, or of an inferred supplier inferred again while in
    both) and one of the new (`later`: likewise), of a removed supplier and the added one
    `same_as` it, or of an inferred one and one it was inferred again as (`renamed`), of the
    same risk type (what a flag id hashes besides the supplier id) and both mapped or both
    inferred. Inferred stages merged into one pair several old flags with one new flag, and
    a stage split by commodity one old flag with several."""
    if not renamed:
        return []
    by_finding: dict[tuple[str, Any, bool], list[dict[str, Any]]] = {}
    for flag in earlier:
        for now_id in renamed.get(str(flag.get("supplier_id")), ()):
            key = (now_id, flag.get("risk_type"), bool(flag.get("inferred")))
            by_finding.setdefault(key, []).append(flag)
    pairs = []
    for after in later:
        key = (str(after.get("supplier_id")), after.get("risk_type"), bool(after.get("inferred")))
        pairs += [(before, after) for before in by_finding.pop(key, ())]
    return pairs


def _flags_of(
    flags: dict[str, dict[str, Any]], supplier_ids: Collection[str], but: Collection[str]
) -> list[dict[str, Any]]:
    """The flags of these suppliers, but those of ids in `but` (already listed)."""
    if not supplier_ids:
        return []
    return [
        flag
        for flag_id, flag in flags.items()
        if flag_id not in but and str(flag.get("supplier_id")) in supplier_ids
    ]


def _supplier_changes(
    old: dict[str, Any],
    new: dict[str, Any],
    old_suppliers: dict[str, dict[str, Any]],
    new_suppliers: dict[str, dict[str, Any]],
    renamed: dict[str, str],
    uncompared: dict[str, int] | None = None,
    *,
    both: list[tuple[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """One entry per changed field of each mapped supplier in both assessments, and of each
    added one `same_as` a removed one (under its new id), in id order, then field order.

    A field an earlier schema lacks is not a change; nor is a buyer under a new id (the
    added supplier `same_as` the removed one stands in its place). `uncompared` counts, per
    field, the suppliers it could not be compared for (one entry or both lack it). `both`:
    the pairs of ids _in_both gives, where already made."""
    if both is None:
        both = _in_both(old_suppliers, new_suppliers, renamed)
    # what the flags' evidence records of certifications and audits, for the suppliers an
    # entry of which lacks them (of a 2.0 assessment: the entries hold them from 2.1)
    lacking = [
        (was, now)
        for was, now in both
        if not all(f in old_suppliers[was] and f in new_suppliers[now] for f in RECORDED_FIELDS)
    ]
    records = (
        _records(old, {was for was, _ in lacking}),
        _records(new, {now for _, now in lacking}),
    )
    columns = sorted(_attribute_columns(old_suppliers) & _attribute_columns(new_suppliers))
    changes: list[dict[str, Any]] = []
    for was_id, now_id in both:
        before, after = old_suppliers[was_id], new_suppliers[now_id]
        held = records[0].get(was_id), records[1].get(now_id)
        for field in CHANGE_FIELDS:
            if field in before and field in after:
                was, now = before[field], after[field]
            elif field in RECORDED_FIELDS and held[0] is not None and held[1] is not None:
                was, now = held[0][field], held[1][field]
            else:  # an earlier schema lacks it; or no flag records what the supplier holds
                if uncompared is not None:
                    uncompared[field] = uncompared.get(field, 0) + 1
                continue
            if field == "sector":
                if not _same_sector(before, after):
                    changes.append(
                        {
                            **_change(now_id, after, field, was, now),
                            "old_as_written": before.get("sector_as_written"),
                            "new_as_written": after.get("sector_as_written"),
                        }
                    )
            elif not _same_value(field, was, now, renamed):
                changes.append(_change(now_id, after, field, was, now))
        for column in columns:
            was = (before.get("attributes") or {}).get(column)
            now = (after.get("attributes") or {}).get(column)
            if was != now and _shown_key(was) != _shown_key(now):
                changes.append(_change(now_id, after, ATTRIBUTE_FIELD + column, was, now))
    return changes


def _in_both(
    old_suppliers: dict[str, dict[str, Any]],
    new_suppliers: dict[str, dict[str, Any]],
    renamed: dict[str, str],
) -> list[tuple[str, str]]:
    """(old id, new id) of each mapped supplier in both assessments, and of each added one
    `same_as` a removed one, in the order of the new ids."""
    both = [(i, i) for i in old_suppliers.keys() & new_suppliers.keys()]
    both += list(renamed.items())
    both.sort(key=lambda ids: ids[1])
    return both


class SupplierMoves(NamedTuple):
    """What moved of the mapped suppliers in both assessments beside their fields (see
    supplier_moves)."""

    gaps: list[dict[str, Any]]
    exposure: list[dict[str, Any]]
    # the suppliers whose data gaps, or own exposure of some risk type, one assessment (or
    # both) does not record: not compared
    gaps_not_known: int
    exposure_not_known: int


def supplier_moves(
    old: dict[str, Any],
    new: dict[str, Any],
    both: list[tuple[str, str]],
    old_suppliers: dict[str, dict[str, Any]],
    new_suppliers: dict[str, dict[str, Any]],
) -> SupplierMoves:
    """The data gaps each mapped supplier in both assessments (`both`, see _in_both) closed
    and opened, and its own exposure where it moved, each gone through once.

    A supplier's gaps are its entry's `data_gaps` (a mine mapped beneath a smelter closes
    its "tiers below not mapped (inferred)"; a country blanked opens "country unknown"):
    `{id, name, closed, opened}`, each list in the order its entry lists them, in id order,
    for the suppliers with one or the other. Its exposure is the highest level at or
    beneath it (its entry's `exposure`), which moves while no flag does when the inferred
    tier beneath it stays for other buyers: one row per risk type whose level as the
    reports show it ("low (data gap)", "medium (data gap)": ExposureLevels) or priority
    moved, `{id, name, risk_type, old_level, new_level, old_priority, new_priority,
    direction}` (`up` or `down` by the level as shown, then the priority), by supplier:
    the highest level as shown on either side first, then the largest move between levels,
    then of priority, then by id; each one's rows in risk-type order. An entry that does
    not record them (an earlier schema, a document made by hand) is not compared, only
    counted. Inferred suppliers are not looked at: what is inferred, and its gaps, are the
    engine's."""
    levels = ExposureLevels(old), ExposureLevels(new)
    # both say which gaps bear on each exposure (schema 2.3): an exposure kept alike in both
    # (most suppliers': one object, see _shared_exposure) is shown alike, not looked into
    held = holds_gaps(old) and holds_gaps(new)
    recorded: dict[int, bool] = {}  # (whether such a kept exposure is whole, by its identity)
    gaps: list[dict[str, Any]] = []
    moved: list[tuple[tuple[int, int, float, str], list[dict[str, Any]]]] = []
    gaps_not_known = exposure_not_known = 0
    for was_id, now_id in both:
        before, after = old_suppliers[was_id], new_suppliers[now_id]
        was_gaps, now_gaps = before.get("data_gaps"), after.get("data_gaps")
        if isinstance(was_gaps, list) and isinstance(now_gaps, list):
            if was_gaps != now_gaps:  # (most suppliers: the same list, not looked into)
                closed, opened = _left_out(was_gaps, now_gaps), _left_out(now_gaps, was_gaps)
                if closed or opened:
                    gaps.append(
                        {
                            "id": now_id,
                            "name": after.get("name"),
                            "closed": closed,
                            "opened": opened,
                        }
                    )
        else:
            gaps_not_known += 1
        kept = before.get("exposure")
        if (
            held
            and isinstance(kept, dict)
            and (kept is after.get("exposure") or kept == after.get("exposure"))
        ):
            whole = recorded.get(id(kept))
            if whole is None:
                whole = recorded[id(kept)] = all(_recorded(kept.get(rt)) for rt in RISK_TYPES)
            exposure_not_known += not whole
            continue
        rows: list[dict[str, Any]] = []
        top = step = -1  # (the highest level as shown, the largest move between levels)
        size = 0.0  # (the largest move of priority)
        unknown = False
        for risk_type in RISK_TYPES:
            was = _own_exposure(before, risk_type, levels[0])
            now = _own_exposure(after, risk_type, levels[1])
            if was is None or now is None:
                unknown = True
                continue
            ranks = shown_rank(was[0]), shown_rank(now[0])
            direction = _direction((ranks[0], float(was[1])), (ranks[1], float(now[1])))
            if direction == "same":
                continue
            top, step = max(top, *ranks), max(step, abs(ranks[1] - ranks[0]))
            size = max(size, abs(float(now[1]) - float(was[1])))
            rows.append(
                {
                    "id": now_id,
                    "name": after.get("name"),
                    "risk_type": risk_type,
                    "old_level": was[0],
                    "new_level": now[0],
                    "old_priority": was[1],
                    "new_priority": now[1],
                    "direction": direction,
                }
            )
        exposure_not_known += unknown
        if rows:
            moved.append(((-top, -step, -size, now_id), rows))
    moved.sort(key=lambda item: item[0])
    exposure = [row for _, rows in moved for row in rows]
    return SupplierMoves(gaps, exposure, gaps_not_known, exposure_not_known)


def _left_out(gaps: list[Any], other: list[Any]) -> list[Any]:
    """The gaps not in the other list, each once, in their order (a supplier has a few)."""
    found: list[Any] = []
    for gap in gaps:
        if gap not in other and gap not in found:
            found.append(gap)
    return found


def _own_exposure(
    entry: dict[str, Any], risk_type: str, levels: ExposureLevels
) -> tuple[str, int | float] | None:
    """A supplier's exposure of a risk type: its level as the reports show it and its
    priority (as written); None where its entry does not record them."""
    exposure = entry.get("exposure")
    value = exposure.get(risk_type) if isinstance(exposure, dict) else None
    if not isinstance(value, dict) or not _recorded(value):
        return None
    return levels.level(entry, risk_type), value["priority"]


def _recorded(value: Any) -> bool:
    """Whether an exposure of a risk type records its level and priority."""
    if not isinstance(value, dict) or value.get("level") not in LEVELS:
        return False
    priority = value.get("priority")
    return isinstance(priority, int | float) and not isinstance(priority, bool)


def _shown_key(value: Any) -> Any:
    """An extra column's value as it is compared: as the reports show it. A number by its
    text (value_text: a workbook's number cell 4728.0 reads 4728, as a CSV's text "4728"
    does, and 4728.5 as "4728.5"), so that a column read as a number in one file and as
    text in the other is no change where it reads the same; text as _text_key compares it
    ("04728" still differs from 4728: it reads otherwise); any other value as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value_text(value)
    return _text_key(value)


def _text_key(value: Any, *, any_case: bool = False) -> Any:
    """A value as it is compared: text in one Unicode normalisation form (NFC: "Société"
    composed or decomposed is one name), and in `any_case` also case-folded; any other
    value as it is."""
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFC", value)
    return unicodedata.normalize("NFC", text.casefold()) if any_case else text


def _same_value(field: str, was: Any, now: Any, renamed: dict[str, str]) -> bool:
    """Whether a supplier field holds the same in both assessments, its text compared in one
    normalisation form (_text_key): products, buyers (one perhaps under its new id),
    certifications and audits in any order; products, certifications and audits also in any
    case ("Cocoa Beans", "cocoa beans": products are matched to goods in any case;
    "Rainforest Alliance", "rainforest alliance": the score recognises them alike, and the
    labels quote the name as written). Buyers are ids, compared as they are."""
    if was == now and (
        field != "buyers" or not isinstance(was, list) or renamed.keys().isdisjoint(map(str, was))
    ):
        # (written alike is alike in any form, order and case: most fields of most suppliers
        # of a 10^5-supplier diff, not normalised and sorted then; buyers unless one of them
        # took a new id)
        return True
    if field not in UNORDERED_FIELDS or not isinstance(was, list) or not isinstance(now, list):
        return bool(_text_key(was) == _text_key(now))
    if field == "buyers":
        return sorted(renamed.get(str(b), str(b)) for b in was) == sorted(map(str, now))
    # (a certificate that expired between the two as-of dates is a change, "valid until
    # 2026-06-30" to "expired 2026-06-30", as an audit aged out of its window is: the flags
    # it moves have their reason in the table)
    return sorted(_text_key(str(v), any_case=True) for v in was) == sorted(
        _text_key(str(v), any_case=True) for v in now
    )


def _same_sector(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether a supplier's sector is the same in both assessment entries: the same taxonomy
    sector, however written; or, where the taxonomy knows neither (`sector` null), the same
    text as written (`sector_as_written`: "widget-making" to "gadget-making" is a change),
    in any case and normalisation form, as the taxonomy matches it. An entry of an earlier
    schema without the text as written is compared by its sector alone."""
    was, now = before.get("sector"), after.get("sector")
    if was is not None or now is not None:
        return bool(was == now)
    if "sector_as_written" not in before or "sector_as_written" not in after:
        return True
    return bool(
        _text_key(before["sector_as_written"], any_case=True)
        == _text_key(after["sector_as_written"], any_case=True)
    )


def _change(
    supplier_id: str, entry: dict[str, Any], field: str, was: Any, now: Any
) -> dict[str, Any]:
    return {"id": supplier_id, "name": entry.get("name"), "field": field, "old": was, "new": now}


def _attribute_columns(suppliers: dict[str, dict[str, Any]]) -> set[str]:
    """The extra columns an assessment's suppliers have (a column only one assessment has
    is another file layout, not a change of each supplier)."""
    columns: set[str] = set()
    for entry in suppliers.values():
        attributes = entry.get("attributes")
        if isinstance(attributes, dict):
            columns.update(map(str, attributes))
    return columns


def _records(document: dict[str, Any], supplier_ids: set[str]) -> dict[str, dict[str, list[str]]]:
    """The certifications and audits of these suppliers as their flags' evidence records
    them (the supplier adjustments of ddtool.scoring: "certification 'Fairtrade' valid",
    "audit 'SMETA' of 2025-10-01 passed"), for those with a flag; none for a 1.x document:
    ddtool recorded supplier adjustments as evidence only after schema 2.0, so nothing can
    be said of what its suppliers held (and none when no supplier is asked for)."""
    if not supplier_ids or str(document.get("schema_version", "")).split(".")[0] == "1":
        return {}
    bases: dict[str, Any] = document.get("bases") or {}
    catalogue: dict[str, Any] = document.get("evidence") or {}
    per_basis: dict[str, tuple[str, ...]] = {}

    def adjustments(facts: Any) -> tuple[str, ...]:
        found = []
        for fact in facts if isinstance(facts, list) else ():
            if not isinstance(fact, dict):  # an id in the catalogue, else the fact inline
                fact = catalogue.get(fact) if isinstance(fact, str) else None
            indicator = fact.get("indicator") if isinstance(fact, dict) else None
            if isinstance(indicator, str) and indicator.startswith(ADJUSTMENT):
                found.append(indicator.removeprefix(ADJUSTMENT))
        return tuple(found)

    labels: dict[str, set[str]] = {}
    for flag in document["flags"]:
        supplier_id = str(flag.get("supplier_id"))
        if supplier_id not in supplier_ids or flag.get("inferred"):
            continue
        basis = flag.get("basis")
        if isinstance(basis, str):
            found = per_basis.get(basis)
            if found is None:
                found = per_basis[basis] = adjustments((bases.get(basis) or {}).get("evidence"))
        else:  # the evidence inline
            found = adjustments(flag.get("evidence"))
        labels.setdefault(supplier_id, set()).update(found)
    # split once per distinct set of labels (most suppliers share one: none), read-only
    split: dict[frozenset[str], dict[str, list[str]]] = {}
    records = {}
    for supplier_id, held in labels.items():
        key = frozenset(held)
        record = split.get(key)
        if record is None:
            record = split[key] = dict(zip(RECORDED_FIELDS, held_labels(key), strict=True))
        records[supplier_id] = record
    return records


def is_empty(diff: dict[str, Any]) -> bool:
    """True when nothing a reader acts on changed (flags and mapped suppliers)."""
    return not any(
        diff.get(k)
        for k in (
            "new_flags",
            "resolved_flags",
            "changed_flags",
            "reidentified_flags",
            "suppliers_added",
            "suppliers_removed",
            "suppliers_changed",
        )
    )


def new_at_or_above(diff: dict[str, Any], level: str) -> list[dict[str, Any]]:
    """Flags for `--fail-on-new`: new flags at or above level, plus escalations that crossed it.

    An existing flag that rose from below the level to at or above it is new risk at that level
    for a gate, so it is included (its entry carries direction "up" and old_level); so is a
    re-identified one (the same finding under a new supplier id) that rose across it.
    """
    if level not in LEVELS:
        raise UsageError(f"unknown level '{level}'; use one of {', '.join(LEVELS)}")
    floor = LEVELS.index(level)
    found = [f for f in diff["new_flags"] if _rank(str(f["level"])) >= floor]
    found += [
        c
        for c in [*diff["changed_flags"], *diff.get("reidentified_flags", ())]
        if _rank(str(c["new_level"])) >= floor > _rank(str(c["old_level"]))
    ]
    return sorted(found, key=_flag_order)
