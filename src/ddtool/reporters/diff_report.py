"""Render a diff of two assessments: JSON, Markdown, Excel, and a rich terminal summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ddtool.atomic import atomic_open, write_atomic
from ddtool.diff import ATTRIBUTE_FIELD, setting_default, shown_level
from ddtool.document import ASSUMED_COUNTRY, COUNTRY_UNKNOWN
from ddtool.reporters.fitted import fitted
from ddtool.reporters.interface import ReporterError
from ddtool.reporters.markdown_report import cell, inline, more_rows, risk_name, short
from ddtool.reporters.shown import (
    GAP_LEVEL,
    UNKNOWN_CELL,
    flag_country,
    level_colour,
    own_value_text,
    sector_text,
    value_text,
)
from ddtool.reporters.terminal import LEVEL_STYLE, RISK_NAMES

if TYPE_CHECKING:
    from ddtool.reporters.xlsx import XlsxBook

FLAG_COLUMNS = ("id", "level", "risk_type", "supplier_id", "supplier_name", "inferred", "country")
FLAG_COLUMNS_FULL = (*FLAG_COLUMNS, "sector", "priority", "path", "reason")
# the Markdown diff's flags: with the priority and sector the Excel diff gives (its path and
# reason are long: the Excel and JSON diffs hold them)
FLAG_COLUMNS_MD = (*FLAG_COLUMNS, "sector", "priority")
# a resolved flag's supplier now: its level of that risk type, if it is still in the chain
RESOLVED_COLUMNS = (*FLAG_COLUMNS_MD, "now_level")
RESOLVED_COLUMNS_FULL = (*FLAG_COLUMNS_FULL, "now_level", "now_priority")
# the flags whose level stayed and whose priority moved (diff JSON 1.11)
PRIORITY_TITLE = "Priority changes within a level"
CHANGED_COLUMNS = (
    "id",
    "old_level",
    "new_level",
    "direction",
    "risk_type",
    "supplier_id",
    "supplier_name",
    "inferred",
    "country",
    "old_country",
    "sector",
    "old_sector",
    "old_priority",
    "new_priority",
    "path",
    "reason",
)
# (in the Markdown: the first ten, with the priorities after the levels and direction)
CHANGED_COLUMNS_MD = (*CHANGED_COLUMNS[:4], "old_priority", "new_priority", *CHANGED_COLUMNS[4:10])
# a flag of an added supplier `same_as` a removed one, and that removed one's flag it matches
REIDENTIFIED_COLUMNS = (
    "old_id",
    "id",
    "old_level",
    "new_level",
    "direction",
    "risk_type",
    "old_supplier_id",
    "supplier_id",
    "supplier_name",
    "country",
)
# (and in the workbook, the other columns of a changed flag)
REIDENTIFIED_COLUMNS_FULL = (
    *REIDENTIFIED_COLUMNS,
    *(column for column in CHANGED_COLUMNS if column not in REIDENTIFIED_COLUMNS),
)
REIDENTIFIED_TEXT = (
    "the same finding (same risk type) of a removed supplier and of the added one that may be"
    " it under a new id (same_as), or of an inferred tier inferred again under a new id (its"
    " buyer moved country): not counted as new or resolved"
)
SUPPLIER_COLUMNS = ("id", "name", "country", "sector")
ADDED_COLUMNS = (*SUPPLIER_COLUMNS, "same_as", "may_be")
SUPPLIER_CHANGE_COLUMNS = ("id", "name", "field", "old", "new")
EXPOSURE_COLUMNS = (
    "risk_type",
    "old_level",
    "new_level",
    "old_priority",
    "new_priority",
    "direction",
    "old_weighted_priority",
    "new_weighted_priority",
    "weighted_direction",
    "old_from",
    "new_from",
)
# the company's share-weighted exposure (diff JSON 1.12), and what a side that does not
# record it reads (an assessment that leaves out the optional figure): not known, not 0
WEIGHTED_COLUMNS = ("old_weighted_priority", "new_weighted_priority", "weighted_direction")
NOT_KNOWN = "not known"
TIER1_COLUMNS = (
    "id",
    "name",
    "old_rank",
    "new_rank",
    "old_level",
    "new_level",
    "old_weighted_priority",
    "new_weighted_priority",
)
TIER1_COLUMNS_FULL = (*TIER1_COLUMNS, "old_max_priority", "new_max_priority", "old_id")
# each mapped supplier's data gaps closed and opened, and its own exposure where it moved
# (diff JSON 1.13)
SUPPLIER_GAPS_TITLE = "Suppliers' data gaps closed and opened"
SUPPLIER_GAP_COLUMNS = ("id", "name", "closed", "opened")
SUPPLIER_EXPOSURE_TITLE = "Suppliers' own exposure"
# (the company's exposure columns up to its direction, each supplier's after its id and name)
SUPPLIER_EXPOSURE_COLUMNS = (
    "id",
    "name",
    *EXPOSURE_COLUMNS[: EXPOSURE_COLUMNS.index("direction") + 1],
)
SUPPLIER_EXPOSURE_TEXT = (
    "each mapped supplier in both whose own exposure (the highest level at or beneath it,"
    " as the reports show it) or its priority moved, per risk type: a tier mapped beneath"
    " a supplier moves it even where no flag changes (an inferred tier other suppliers still"
    " buy from keeps its flags)"
)
# the rows of each of those tables the terminal prints (a large chain's may be thousands);
# the JSON and Excel diffs list them all, the Markdown diff the first MAX_TABLE_ROWS
TERMINAL_ROWS = 10


def write_diff(diff: dict[str, Any], path: Path) -> None:
    """Write a diff to path atomically; the format follows the suffix (.json, .md, .xlsx)."""
    path = Path(path)
    writers: dict[str, Callable[[dict[str, Any], Path], None]] = {
        ".json": _write_json,
        ".md": _write_markdown,
        ".xlsx": _write_xlsx,
    }
    suffix = path.suffix.lower()
    writer = writers.get(suffix)
    if writer is None:
        raise ReporterError(
            f"{path}: unknown diff output format '{suffix or '(none)'}';"
            f" use one of {', '.join(writers)}"
        )
    writer(diff, path)


def dumps_diff(diff: dict[str, Any]) -> str:
    """Deterministic JSON text of a diff."""
    return _dump_bytes(diff).decode("utf-8")


def _dump_bytes(diff: dict[str, Any]) -> bytes:
    """The diff as indented JSON (two spaces, UTF-8, a final newline), written by orjson as
    the assessment is: a diff of large chains lists 10^5 flags."""
    # (no integer beyond what orjson writes: the assessments' reader refuses them)
    return orjson.dumps(diff, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def _write_json(diff: dict[str, Any], path: Path) -> None:
    write_atomic(path, _dump_bytes(diff))


# ------------------------------------------------------------------------------------- Markdown


def _text(value: Any) -> str:
    if isinstance(value, list):
        return " > ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _values(value: Any) -> str:
    """A changed field's value as text: a list (buyers) as its items; a record (an audit
    of an assessment that holds them) as its fields; a number as value_text writes it."""
    if isinstance(value, list):
        if any(isinstance(v, dict) for v in value):
            return "; ".join(_values(v) for v in value) or "none"
        return ", ".join(str(v) for v in value) or "none"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_values(v)}" for k, v in value.items() if v is not None)
    # a number as the registers write it: a whole one without ".0" (migrant_pct 30, not 30.0)
    return "not given" if value is None else value_text(value)


def _profiles_text(profiles: dict[str, Any]) -> str:
    """Risk profiles as a diff names them: version, short hash and overlays, enough to tell
    apart two of one version."""
    overlays = profiles.get("overlays") or []
    return (
        f"{profiles.get('version')} (sha256 {short(profiles.get('sha256'))}"
        + (f", overlays {', '.join(str(o) for o in overlays)}" if overlays else "")
        + ")"
    )


# settings a note names with their values, and items of a list setting; the rest are
# counted (the JSON diff has all)
SETTINGS_SHOWN = 8
ITEMS_SHOWN = 6


def _setting_text(change: dict[str, Any]) -> str:
    """One changed setting: its key and values (`flag_level medium → high`); a list by the
    items it gained and lost; a setting one assessment does not record as _unrecorded_text
    says it."""
    old, new = change["old"], change["new"]
    if (old is None) != (new is None):
        return _unrecorded_text(change)
    if isinstance(old, list) and isinstance(new, list):
        return f"{change['key']} {_items_text(old, new)}"
    if isinstance(old, dict | list) or isinstance(new, dict | list):
        return str(change["key"])
    return f"{change['key']} {old} → {new}"


def _items_text(old: list[Any], new: list[Any]) -> str:
    """What a list setting gained and lost (`+Our Label, -UTZ`), the first few."""
    items = [f"+{v}" for v in new if v not in old] + [f"-{v}" for v in old if v not in new]
    more = len(items) - ITEMS_SHOWN
    return ", ".join(items[:ITEMS_SHOWN]) + (f" (+{more} more)" if more > 0 else "")


def _unrecorded_text(change: dict[str, Any]) -> str:
    """A setting one assessment does not record (made before ddtool had it) and the other
    sets to other than its default: which one lacks it, and how the other differs from the
    default (a value at its default is no change: diff.settings_changes)."""
    key, old, new = change["key"], change["old"], change["new"]
    absent, other, value = ("old", "new", new) if old is None else ("new", "old", old)
    text = f"{key} not recorded in the {absent} assessment (made before the setting existed)"
    known, default = setting_default(str(key))
    if known and isinstance(default, list) and isinstance(value, list):
        return f"{text}, not the default in the {other} one: {_items_text(default, value)}"
    if known and not isinstance(value, dict | list):
        return f"{text}, {value} in the {other} one (default {default})"
    if isinstance(value, dict | list):
        return f"{text}, set in the {other} one"
    return f"{text}, {value} in the {other} one"


def _settings_note(diff: dict[str, Any]) -> str | None:
    """What to make of assessments made with other settings (`--config`): which differ,
    from which file to which, and that the changes may come from them."""
    changes = diff.get("settings_changes") or []
    if not changes:
        return None
    files = [diff[side].get("config") or "the defaults" for side in ("old", "new")]
    shown = [_setting_text(c) for c in changes[:SETTINGS_SHOWN]]
    more = len(changes) - SETTINGS_SHOWN
    return (
        "the settings differ"
        # (one file name in both: the file was edited in between)
        + (f" ({files[0]} → {files[1]})" if files[0] != files[1] else "")
        + f": {'; '.join(shown)}"
        + (f" (+{more} more)" if more > 0 else "")
        + ". Some changes may come from the settings rather than from the supply chain"
    )


def _suppliers_changed_title(diff: dict[str, Any]) -> str:
    """The title of the table of changed suppliers: how many suppliers, and how many rows
    (one per changed field), which the headline's count alone would not match."""
    suppliers, fields = diff["summary"]["suppliers_changed"], len(diff["suppliers_changed"])
    return (
        f"Suppliers changed ({suppliers} supplier{'' if suppliers == 1 else 's'},"
        f" {fields} field{'' if fields == 1 else 's'})"
    )


def _same_as_note(diff: dict[str, Any]) -> str | None:
    """What to make of added suppliers that may be removed ones under a new id."""
    same = [a for a in diff["suppliers_added"] if a.get("same_as")]
    if not same:
        return None
    # (their own: the re-identified flags of inferred tiers inferred again are not)
    ids = {str(a["id"]) for a in same}
    found = sum(1 for r in diff.get("reidentified_flags", ()) if r.get("supplier_id") in ids)
    return (
        f"{len(same)} added supplier(s) may be removed ones under a new id (same_as): if so,"
        " keep the old id, so that their flags keep their ids"
        + (
            f"; {found} of their flags match a removed one's (same risk type) and are listed"
            " as re-identified, not as new and resolved"
            if found
            else ""
        )
    )


# the groups of added suppliers matched ambiguously a note names; the JSON and Excel diffs
# list every added supplier's `may_be`
AMBIGUOUS_SHOWN = 5


def _ambiguous_note(diff: dict[str, Any]) -> str | None:
    """What to make of added suppliers that match removed ones, but not one to one (see
    ddtool.diff._same_as): which may be which, and that none is taken for another. Each
    group says why it is not one to one: several added suppliers that may each be the same
    removed one(s), one that may be either of several, or one that may be a removed one
    another added supplier may be too."""
    groups: dict[tuple[str, ...], list[str]] = {}
    claimants: dict[str, list[str]] = {}
    for entry in diff["suppliers_added"]:
        if entry.get("may_be"):
            was = tuple(map(str, entry["may_be"]))
            groups.setdefault(was, []).append(str(entry["id"]))
            for removed_id in was:
                claimants.setdefault(removed_id, []).append(str(entry["id"]))
    if not groups:
        return None
    count = sum(map(len, groups.values()))
    shown = []
    for was, ids in list(groups.items())[:AMBIGUOUS_SHOWN]:
        each = "each " if len(ids) > 1 else ""
        text = f"{_either(ids, 'and')} may {each}be {_either(was, 'or')}"
        # one that may be one: another added supplier may be that one too
        others = [i for i in claimants[was[0]] if i != ids[0]] if len(ids) == len(was) == 1 else []
        if others:
            text += f", as may {_either(others, 'and')}"
        shown.append(text)
    more = len(groups) - AMBIGUOUS_SHOWN
    return (
        f"{count} added supplier(s) match removed ones, but not one to one, so none is"
        f" marked same_as: {'; '.join(shown)}"
        + (f" (+{more} more: see may_be)" if more > 0 else "")
        + ". None is taken for another: their flags are listed as new and the removed"
        " ones' as resolved"
    )


def _either(ids: Sequence[str], word: str) -> str:
    """'D1', 'D1 or D2', 'D1, D2 or D3' (the first 5, then how many more)."""
    shown = list(ids[:5]) + ([f"{len(ids) - 5} more"] if len(ids) > 5 else [])
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} {word} {shown[-1]}"


def unchanged_input_text(diff: dict[str, Any]) -> str:
    """What a diff of one input file says of it: unchanged, and where the assessments are as
    of two days, that what changed for a supplier comes from the time between them."""
    old, new = diff["old"].get("as_of"), diff["new"].get("as_of")
    text = "The input file is unchanged (same sha256)"
    if old and new and old != new:
        text += (
            f"; the assessments are as of {old} and {new}, so audits and certificates may have"
            " aged or expired between them (see the suppliers changed)"
        )
    return text


def _as_of_text(diff: dict[str, Any]) -> str:
    """The two assessments' as-of dates (which audits and certificates counted)."""
    old, new = diff["old"].get("as_of"), diff["new"].get("as_of")
    return f"as of {old or 'n/a'} (old) and {new or 'n/a'} (new)"


def warning_texts(diff: dict[str, Any]) -> list[str]:
    """The diff's warnings as sentences without their final stop (the OLD assessment later
    than the NEW one, see ddtool.diff.dates_reversed; assessments of different schema
    versions, see ddtool.diff.schema_differs); none in a diff before JSON 1.6."""
    return [str(w["message"]) for w in diff.get("warnings") or () if w.get("message")]


def exposure_text(diff: dict[str, Any]) -> str | None:
    """The company's exposure before and after, one clause per risk type: its level and
    maximum priority, and its share-weighted priority, and which of them moved ("child
    labour critical (0.81; weighted 0.6807) → high (0.66; weighted 0.5), down, weighted
    down"; "child labour critical (0.81; weighted 0.6807 → 0.5829), weighted down", a
    share changed; "forced labour critical (0.81; weighted 0.6287), unchanged"); a weighted
    figure an assessment does not record reads "not known", and is never said unchanged.
    None in a diff before JSON 1.10, or where neither assessment gives it; a diff before
    1.12 gives no weighted figure."""
    rows = diff.get("exposure") or []
    if not rows:
        return None
    said = []
    for row in rows:
        name = RISK_NAMES.get(row["risk_type"], row["risk_type"])
        # (a diff before JSON 1.12 gives no weighted figure: its clauses as they were)
        known = "weighted_direction" in row
        figures = row.get("old_weighted_priority"), row.get("new_weighted_priority")
        was, now = (NOT_KNOWN if value is None else _figure(value) for value in figures)
        weighted_moved = row.get("weighted_direction")
        if row["direction"] == "same" and row["old_level"] == row["new_level"]:
            one = figures[0] == figures[1]
            weighted = "" if not known else f"; weighted {was if one else f'{was} → {now}'}"
            if not known or weighted_moved == "same":
                moved = "unchanged"
            elif weighted_moved is None:  # (not known on one side: nor whether it moved)
                moved = "level and priority unchanged"
            else:
                moved = f"weighted {weighted_moved}"
            said.append(
                f"{name} {row['new_level']} ({_figure(row['new_priority'])}{weighted}), {moved}"
            )
            continue
        old_weighted, new_weighted = (f"; weighted {v}" if known else "" for v in (was, now))
        moved = str(row["direction"])
        if weighted_moved is not None:
            moved += f", weighted {'unchanged' if weighted_moved == 'same' else weighted_moved}"
        said.append(
            f"{name} {row['old_level']} ({_figure(row['old_priority'])}{old_weighted}) →"
            f" {row['new_level']} ({_figure(row['new_priority'])}{new_weighted}), {moved}"
        )
    return "; ".join(said)


def exposure_rows(diff: dict[str, Any]) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """The columns and rows of the company exposure table (Markdown, Excel): a weighted
    figure or direction not known written so, not as a blank cell (which reads as not filled
    in); a diff before JSON 1.12 without the weighted columns."""
    rows = diff.get("exposure") or []
    if rows and all("weighted_direction" in row for row in rows):
        shown = [
            {**row, **{c: NOT_KNOWN for c in WEIGHTED_COLUMNS if row.get(c) is None}}
            for row in rows
        ]
        return EXPOSURE_COLUMNS, shown
    return tuple(c for c in EXPOSURE_COLUMNS if c not in WEIGHTED_COLUMNS), rows


def _figure(value: Any) -> str:
    return "n/a" if value is None else f"{value:.4g}" if isinstance(value, float) else str(value)


def _under_new_ids(diff: dict[str, Any]) -> str:
    """' (2 of them under a new id)' where added suppliers are removed ones under a new id
    (`same_as`), each counted as added and as removed; else ''."""
    same = sum(1 for a in diff["suppliers_added"] if a.get("same_as"))
    return f" ({same} of them under a new id)" if same else ""


def _profiles_note(diff: dict[str, Any]) -> str | None:
    """A note when the two assessments used different risk data."""
    if not diff.get("profiles_changed"):
        return None
    p = diff["profiles"]
    return (
        f"the risk profiles changed ({_profiles_text(p['old'])} → {_profiles_text(p['new'])}):"
        " some changes may come from new risk data rather than from the supply chain"
    )


def company_note(diff: dict[str, Any]) -> str | None:
    """A warning when the two assessments are not of the same company."""
    if not diff["summary"].get("company_changed"):
        return None
    old, new = diff["old"], diff["new"]
    key = "company" if old.get("company") != new.get("company") else "company_id"
    return (
        f"the two assessments are of different companies: {old.get(key)!r} and"
        f" {new.get(key)!r}" + ("" if key == "company" else " (company ids)")
    )


def _change_rows(diff: dict[str, Any], numbers: bool = False) -> list[dict[str, Any]]:
    """The changed supplier fields as rows of text (with `numbers`, a number as it is: a
    workbook's cell); a sector by its text as written where the taxonomy does not know it
    (see _sector_text)."""

    def shown(value: Any) -> Any:
        if numbers and isinstance(value, int | float) and not isinstance(value, bool):
            return value
        return _values(value)

    rows = []
    for c in diff["suppliers_changed"]:
        if c.get("field") == "sector":
            old = _sector_text(c["old"], c.get("old_as_written"))
            new = _sector_text(c["new"], c.get("new_as_written"))
        elif str(c.get("field")).startswith(ATTRIBUTE_FIELD):
            # (a YAML key's list or mapping as written, `[x, y]`: not as a list of buyers)
            old, new = (
                own_value_text(value) if isinstance(value, list | dict) else shown(value)
                for value in (c["old"], c["new"])
            )
        elif c.get("field") == "country":
            # (a mapped supplier's country is null only where it is not known: said so)
            old, new = (UNKNOWN_CELL if v is None else shown(v) for v in (c["old"], c["new"]))
        else:
            old, new = shown(c["old"]), shown(c["new"])
        rows.append({**c, "old": old, "new": new})
    return rows


def supplier_gap_rows(diff: dict[str, Any]) -> list[dict[str, Any]]:
    """The suppliers' data gaps closed and opened as the tables show them: each list as
    its gaps, "; " between them (a gap's text may hold a comma), "none" for none."""
    return [
        {**row, "closed": _gaps_text(row.get("closed")), "opened": _gaps_text(row.get("opened"))}
        for row in diff.get("supplier_gaps") or []
    ]


def _gaps_text(gaps: Any) -> str:
    return "; ".join(map(str, gaps or ())) or "none"


def supplier_moves_text(diff: dict[str, Any]) -> str:
    """What the headline adds of the suppliers' own exposure and data gaps where any moved
    ("; suppliers' own exposure 0 up, 3 down; data gaps 1 closed, 0 opened"); "" where
    none did, or the diff is before JSON 1.13."""
    s = diff["summary"]
    up, down = s.get("supplier_exposure_up") or 0, s.get("supplier_exposure_down") or 0
    closed, opened = s.get("gaps_closed") or 0, s.get("gaps_opened") or 0
    text = f"; suppliers' own exposure {up} up, {down} down" if up or down else ""
    return text + (f"; data gaps {closed} closed, {opened} opened" if closed or opened else "")


def supplier_gaps_title(diff: dict[str, Any]) -> str:
    """The title of the table of suppliers' data gaps: how many suppliers, how many gaps
    closed and opened."""
    s, count = diff["summary"], len(diff.get("supplier_gaps") or ())
    return (
        f"{SUPPLIER_GAPS_TITLE} ({count} supplier{'' if count == 1 else 's'}:"
        f" {s.get('gaps_closed', 0)} closed, {s.get('gaps_opened', 0)} opened)"
    )


def supplier_exposure_title(diff: dict[str, Any]) -> str:
    """The title of the table of suppliers' own exposure: how many rows (one per supplier
    and risk type that moved), up and down."""
    s, count = diff["summary"], len(diff.get("supplier_exposure") or ())
    return (
        f"{SUPPLIER_EXPOSURE_TITLE} ({count} moved: {s.get('supplier_exposure_up', 0)} up,"
        f" {s.get('supplier_exposure_down', 0)} down)"
    )


def supplier_not_known_note(diff: dict[str, Any]) -> str | None:
    """What could not be compared of the suppliers in both: their own exposure, their data
    gaps, where an assessment does not record them (one of an earlier schema, or made by
    hand); None where everything was."""
    s = diff["summary"]
    said = [
        f"suppliers' {what} not known for {count} of the suppliers in both"
        for what, count in (
            ("own exposure", s.get("supplier_exposure_not_known") or 0),
            ("data gaps", s.get("supplier_gaps_not_known") or 0),
        )
        if count
    ]
    if not said:
        return None
    return (
        f"{'; '.join(said)}: an assessment does not record them (one of an earlier schema),"
        " so they are not compared"
    )


def _supplier_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Suppliers added or removed as the tables show them: a sector the taxonomy does not
    know by its text as written (see _sector_text), not as a blank; a country not known
    as "unknown" (they are mapped suppliers, whose country is null only where it is not
    known), as the registers write it; the removed ones an added one may be, "D1, D2"."""
    shown = []
    for row in rows:
        if row.get("sector") is None and row.get("sector_as_written"):
            row = {**row, "sector": sector_text(None, row["sector_as_written"])}
        if not row.get("country"):
            row = {**row, "country": UNKNOWN_CELL}
        if isinstance(row.get("may_be"), list):  # (an id list, not a path)
            row = {**row, "may_be": ", ".join(map(str, row["may_be"])) or None}
        shown.append(row)
    return shown


def _sector_text(sector: Any, written: Any) -> str:
    """A supplier's sector in a change, as the registers show it (sector_text: where the
    taxonomy does not know it, the text as written and that); "not given" where there is
    neither."""
    return sector_text(sector, written) or "not given"


def _levels_shown(row: dict[str, Any]) -> dict[str, Any]:
    """A flag row with its levels, countries and sectors as the assessment's reports show
    them: "low (data gap)" where a low level rests on missing data (see
    ddtool.diff.shown_level), a country as the registers write it (see _country_shown), a
    sector the taxonomy does not know as written (see sector_text); other rows as they
    are."""
    if "level" not in row:
        return row
    shown = dict(row)
    gaps, old_gaps = row.get("data_gaps"), row.get("old_data_gaps")
    shown["level"] = shown_level(row["level"], gaps)
    for key, of in (
        ("new_level", gaps),
        ("old_level", old_gaps),
        ("now_level", row.get("now_data_gaps")),  # (a resolved flag's supplier now)
    ):
        if key in row:
            shown[key] = shown_level(row[key], of)
    if "now_level" in row and row["now_level"] is None:  # (its supplier gone from the chain)
        shown["now_level"] = "gone"
    for key in ("country", "old_country"):
        if key in row:
            shown[key] = _country_shown(row, key) or None
    for key in ("sector", "old_sector"):
        if key in row:
            shown[key] = sector_text(row[key], row.get(f"{key}_as_written")) or None
    return shown


def _country_shown(row: dict[str, Any], key: str) -> str:
    """A flag row's country (`country`, or a changed flag's `old_country`) as the registers
    write a flag's Country cell (flag_country): "unknown" where its supplier's country is not
    known (the row's `country_unknown`, `old_country_unknown`), an inferred supplier's flag
    with where its worst case comes from ("CHN (worst case of its origin mix)"), or placed in
    its buyer's country ("BGD (assumed: the buyer's country)": the row's `country_assumed`,
    `old_country_assumed`)."""
    unknown = row.get(f"{key}_unknown")
    gaps = [COUNTRY_UNKNOWN] if unknown else []
    assumed = row[key] if row.get(f"{key}_assumed") else None
    flag = {"country": row[key], "inferred": row.get("inferred"), "data_gaps": gaps}
    return flag_country({**flag, ASSUMED_COUNTRY: assumed})


# A diff to read (in a ticket or an e-mail): past this, each table says how many rows more
# there are; the JSON and Excel diffs list them all
MAX_TABLE_ROWS = 1000
# where every row of a table cut short is
_ALL_OF_THEM = ": the JSON and Excel diffs (`-o diff.json`, `-o diff.xlsx`) list them all."


def _md_table(
    rows: list[dict[str, Any]], columns: tuple[str, ...], whole: bool = False
) -> list[str]:
    """A Markdown table of the rows, its first MAX_TABLE_ROWS unless `whole` (a table of
    one row per risk type)."""
    if not rows:
        return ["None.", ""]
    limit = len(rows) if whole else MAX_TABLE_ROWS
    out = ["| " + " | ".join(columns) + " |", "| " + " | ".join("---" for _ in columns) + " |"]
    for row in map(_levels_shown, rows[:limit]):
        values = [_text(row.get(c)) for c in columns]
        values = [
            risk_name(v) if c == "risk_type" else v for c, v in zip(columns, values, strict=True)
        ]
        out.append("| " + " | ".join(cell(v) for v in values) + " |")
    out += more_rows(len(rows), limit, _ALL_OF_THEM)
    return [*out, ""]


def render_diff_markdown(diff: dict[str, Any]) -> str:
    """The diff as Markdown text."""
    s = diff["summary"]
    old, new = diff["old"], diff["new"]
    renamed = _under_new_ids(diff)
    lines = [
        f"# Assessment diff: {inline(new.get('company') or old.get('company'))}",
        "",
        f"Old: as of {inline(old.get('as_of') or 'n/a')}, generated"
        f" {inline(old.get('generated_at'))}, input sha256 {short(old['input'].get('sha256'))}."
        f" New: as of {inline(new.get('as_of') or 'n/a')}, generated"
        f" {inline(new.get('generated_at'))}, input sha256 {short(new['input'].get('sha256'))}.",
        "",
        "| Change | Count |",
        "| --- | --- |",
        f"| New flags | {s['new_flags']} |",
        f"| Resolved flags | {s['resolved_flags']} |",
        f"| Changed flags | {s['changed_flags']}"
        f" ({s['changed_up']} up, {s['changed_down']} down) |",
        *(
            [
                f"| Priority changes within a level | {s['priority_changed']}"
                f" ({s['priority_up']} up, {s['priority_down']} down) |"
            ]
            if "priority_changed" in s
            else []
        ),
        "| Re-identified flags (same finding under a new id: a supplier's or an inferred"
        " tier's) |"
        f" {s.get('reidentified_flags', 0)}"
        f" ({s.get('reidentified_up', 0)} up, {s.get('reidentified_down', 0)} down) |",
        f"| Suppliers added | {s['suppliers_added']}{renamed} |",
        f"| Suppliers removed | {s['suppliers_removed']}{renamed} |",
        f"| Suppliers changed | {s['suppliers_changed']} |",
        f"| Tier-1 suppliers whose ranking changed | {s.get('tier1_changed', 0)} |",
        *(
            [
                f"| Suppliers' data gaps | {s['gaps_closed']} closed, {s['gaps_opened']}"
                f" opened ({len(diff['supplier_gaps'])} supplier"
                f"{'' if len(diff['supplier_gaps']) == 1 else 's'}) |",
                "| Suppliers' own exposure moved (per risk type) |"
                f" {len(diff['supplier_exposure'])} ({s['supplier_exposure_up']} up,"
                f" {s['supplier_exposure_down']} down) |",
            ]
            if "supplier_gaps" in diff
            else []
        ),
        "",
    ]

    for warning in warning_texts(diff):
        lines += [f"> **Warning:** {inline(warning)}.", ""]
    note = company_note(diff)
    if note:
        lines += [f"> **Warning:** {inline(note)}.", ""]
    if diff["profiles_changed"]:
        p = diff["profiles"]
        lines += [
            f"> **Note:** the risk profiles changed ({inline(_profiles_text(p['old']))} →"
            f" {inline(_profiles_text(p['new']))}). Some changes may come from new risk data"
            " rather than from the supply chain.",
            "",
        ]
    settings = _settings_note(diff)
    if settings:
        lines += [f"> **Note:** {inline(settings)}.", ""]
    for same_as in (_same_as_note(diff), _ambiguous_note(diff)):
        if same_as:
            lines += [f"> **Note:** {inline(same_as)}.", ""]
    if not diff["input_changed"]:
        lines += [f"{unchanged_input_text(diff)}.", ""]
    if "exposure" in diff:  # (since diff JSON 1.10)
        exposure = exposure_rows(diff)
        lines += [
            "## Company exposure",
            "",
            *_md_table(exposure[1], exposure[0], whole=True),
        ]
        lines += [
            "## Tier-1 ranking changes",
            "",
            *_md_table(diff.get("tier1_changes") or [], TIER1_COLUMNS),
        ]
    lines += ["## New flags", "", *_md_table(diff["new_flags"], FLAG_COLUMNS_MD)]
    lines += ["## Resolved flags", ""]
    still = diff["summary"].get("resolved_still_in_chain")
    if still:
        lines += [f"{_still_text(still)}.", ""]
    gone = diff["summary"]["resolved_flags"] - (still or 0)
    if gone and "resolved_still_in_chain" in diff["summary"]:
        lines += [f"{_gone_text(gone)}.", ""]
    lines += _md_table(diff["resolved_flags"], RESOLVED_COLUMNS)
    lines += ["## Changed flags", "", *_md_table(diff["changed_flags"], CHANGED_COLUMNS_MD)]
    if "priority_changes" in diff:  # (since diff JSON 1.11)
        lines += [
            f"## {PRIORITY_TITLE}",
            "",
            *_md_table(diff["priority_changes"], CHANGED_COLUMNS_MD),
        ]
    reidentified = diff.get("reidentified_flags") or []
    lines += ["## Re-identified flags", ""]
    if reidentified:
        lines += [REIDENTIFIED_TEXT[0].upper() + REIDENTIFIED_TEXT[1:] + ".", ""]
    lines += _md_table(reidentified, REIDENTIFIED_COLUMNS)
    added = _supplier_rows(diff["suppliers_added"])
    removed = _supplier_rows(diff["suppliers_removed"])
    lines += ["## Suppliers added", "", *_md_table(added, ADDED_COLUMNS)]
    lines += ["## Suppliers removed", "", *_md_table(removed, SUPPLIER_COLUMNS)]
    lines += [
        f"## {_suppliers_changed_title(diff)}",
        "",
        *_md_table(_change_rows(diff), SUPPLIER_CHANGE_COLUMNS),
    ]
    if "supplier_gaps" in diff:  # (since diff JSON 1.13)
        lines += [f"## {supplier_gaps_title(diff)}", ""]
        lines += _md_table(supplier_gap_rows(diff), SUPPLIER_GAP_COLUMNS)
        lines += [f"## {supplier_exposure_title(diff)}", ""]
        if diff["supplier_exposure"]:
            lines += [SUPPLIER_EXPOSURE_TEXT[0].upper() + SUPPLIER_EXPOSURE_TEXT[1:] + ".", ""]
        lines += _md_table(diff["supplier_exposure"], SUPPLIER_EXPOSURE_COLUMNS)
        not_known = supplier_not_known_note(diff)
        if not_known:
            lines += [f"> **Note:** {inline(not_known[0].upper() + not_known[1:])}.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _write_markdown(diff: dict[str, Any], path: Path) -> None:
    write_atomic(path, render_diff_markdown(diff))


# ---------------------------------------------------------------------------------------- Excel


def _cell(value: Any) -> Any:
    """A cell's value: lists joined as a path; numbers, booleans and blanks as they are;
    anything else as text (which the writer never stores as a formula)."""
    if isinstance(value, list):
        return " > ".join(str(v) for v in value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


def _sheet(
    book: XlsxBook, title: str, columns: tuple[str, ...], rows: list[dict[str, Any]]
) -> None:
    """A sheet of these rows, its columns as wide as the first 200 rows need (8 to 60); flag
    levels as the reports show them (see _levels_shown)."""
    first = [_levels_shown(row) for row in rows[:200]]
    widths = [
        min(max(max([len(name), *(len(_text(row.get(name))) for row in first)]) + 2, 8), 60)
        for name in columns
    ]
    sheet = book.sheet(title, list(zip(columns, widths, strict=True)), wrap=False)
    for row in map(_levels_shown, rows):
        sheet.append([_shown(name, row.get(name)) for name in columns])


def _shown(column: str, value: Any) -> Any:
    """A cell as the Markdown diff and the register show it: risk types and yes/no in
    words."""
    if column == "risk_type" and isinstance(value, str):
        return risk_name(value)
    if column == "inferred" and isinstance(value, bool):
        return "yes" if value else "no"
    return _cell(value)


def _write_xlsx(diff: dict[str, Any], path: Path) -> None:
    from ddtool.reporters.xlsx import XlsxBook

    about = [
        {"item": f"{side} {key}", "value": diff[side].get(key)}
        for side in ("old", "new")
        for key in ("company", "as_of", "generated_at", "tool_version", "schema_version")
    ]
    for side in ("old", "new"):
        profiles = diff[side]["profiles"]
        about += [
            {"item": f"{side} input path", "value": diff[side]["input"].get("path")},
            {"item": f"{side} input sha256", "value": diff[side]["input"].get("sha256")},
            {"item": f"{side} profiles version", "value": profiles.get("version")},
            {"item": f"{side} profiles sha256", "value": profiles.get("sha256")},
            {"item": f"{side} profiles overlays", "value": _values(profiles.get("overlays"))},
        ]
        about.append({"item": f"{side} settings file", "value": diff[side].get("config")})
    about += [
        {"item": k, "value": v} for k, v in diff["summary"].items() if not isinstance(v, dict)
    ]
    about += [
        # (a long list by its first items: a cell holds at most 32,767 characters)
        {"item": f"setting {c['key']}", "value": _setting_text(c)}
        for c in diff.get("settings_changes") or []
    ]
    for note in (
        *warning_texts(diff),
        company_note(diff),
        _profiles_note(diff),
        _settings_note(diff),
        _same_as_note(diff),
        _ambiguous_note(diff),
        supplier_not_known_note(diff),
    ):
        if note:
            about.append({"item": "note", "value": note[0].upper() + note[1:] + "."})
    about.append({"item": "generated by", "value": "ddtool diff"})
    with atomic_open(path) as handle, XlsxBook(handle) as book:
        if "exposure" in diff:  # (since diff JSON 1.10)
            _sheet(book, "Company exposure", *exposure_rows(diff))
            _sheet(
                book, "Tier-1 ranking changes", TIER1_COLUMNS_FULL, diff.get("tier1_changes") or []
            )
        _sheet(book, "New flags", FLAG_COLUMNS_FULL, diff["new_flags"])
        _sheet(book, "Resolved flags", RESOLVED_COLUMNS_FULL, diff["resolved_flags"])
        _sheet(book, "Changed flags", CHANGED_COLUMNS, diff["changed_flags"])
        if "priority_changes" in diff:  # (since diff JSON 1.11)
            _sheet(book, "Priority changes", CHANGED_COLUMNS, diff["priority_changes"])
        _sheet(
            book,
            "Re-identified flags",
            REIDENTIFIED_COLUMNS_FULL,
            diff.get("reidentified_flags") or [],
        )
        _sheet(book, "Suppliers added", ADDED_COLUMNS, _supplier_rows(diff["suppliers_added"]))
        _sheet(
            book, "Suppliers removed", SUPPLIER_COLUMNS, _supplier_rows(diff["suppliers_removed"])
        )
        _sheet(book, "Suppliers changed", SUPPLIER_CHANGE_COLUMNS, _change_rows(diff, True))
        if "supplier_gaps" in diff:  # (since diff JSON 1.13)
            _sheet(book, "Supplier data gaps", SUPPLIER_GAP_COLUMNS, supplier_gap_rows(diff))
            _sheet(book, "Supplier exposure", SUPPLIER_EXPOSURE_COLUMNS, diff["supplier_exposure"])
        _sheet(book, "About", ("item", "value"), about)


# ------------------------------------------------------------------------------------- terminal


def _level(level: Any) -> Text:
    """A level as shown, coloured as the assessment's terminal summary colours it: a low
    level on missing data ("low (data gap)") not as low risk, a higher one ("medium (data
    gap)", a supplier's exposure) as its level (level_colour)."""
    text = "" if level is None else str(level)
    return Text(
        text, style="yellow" if text == GAP_LEVEL else LEVEL_STYLE.get(level_colour(text), "")
    )


def _gone_text(count: int) -> str:
    """What the resolved flags of suppliers gone from the chain are: no remediation."""
    return (
        f"{count} resolved flag{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} of a"
        ' supplier no longer in the chain (left out of the new file, its level now "gone"):'
        " no measure is shown to have worked; where it still supplies under another id or"
        " name, give it the one it had"
    )


def _still_text(count: int) -> str:
    """What the resolved flags of suppliers still in the chain are."""
    return (
        f"{count} resolved flag{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} of a"
        " supplier still in the chain, its level now below the flag level (the level now is"
        " given): the risk fell, or the flag level or thresholds changed"
    )


def _flags_table(
    title: str, rows: list[dict[str, Any]], changed: bool = False, resolved: bool = False
) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    table.add_column("level")  # (a changed one "high → critical": a table at 80 columns)
    if changed:
        table.add_column("priority")
    table.add_column("risk")
    table.add_column("supplier", max_width=40)
    table.add_column("country")
    if resolved:
        table.add_column("now")
    table.add_column("flag", style="dim")
    for row in map(_levels_shown, rows):
        name = str(row.get("supplier_name") or row.get("supplier_id") or "")
        if row.get("inferred"):
            name += " (inferred)"
        level = row.get("new_level") if changed else row.get("level")
        shown = _level(level)
        if changed:
            shown = Text.assemble(_level(row.get("old_level")), " → ", shown)
        cells = [shown]
        if changed:
            cells.append(Text(_moved(row.get("old_priority"), row.get("new_priority"))))
        cells += [
            Text(RISK_NAMES.get(str(row.get("risk_type")), str(row.get("risk_type")))),
            Text(name),  # Text, not str: user text must never be read as rich markup
            Text(
                _moved(row.get("old_country"), row.get("country"))
                if changed
                else str(row.get("country") or "")
            ),
        ]
        if resolved:  # (the supplier's level now, or gone from the chain)
            now = row.get("now_level")
            now_shown = shown_level(now, row.get("now_data_gaps")) if now else None
            cells.append(_level(now_shown) if now_shown else Text("gone", style="dim"))
        cells += [
            Text(str(row.get("id"))),
        ]
        table.add_row(*cells)
    return table


def _reidentified_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(
        title=f"Re-identified flags ({len(rows)}): {REIDENTIFIED_TEXT}",
        title_justify="left",
    )
    table.add_column("level")
    table.add_column("risk")
    table.add_column("supplier", max_width=40)
    table.add_column("supplier id")
    table.add_column("flag", style="dim")
    for row in map(_levels_shown, rows):
        level = _level(row.get("new_level"))
        if row.get("old_level") != row.get("new_level"):
            level = Text.assemble(_level(row.get("old_level")), " → ", level)
        table.add_row(
            level,
            Text(RISK_NAMES.get(str(row.get("risk_type")), str(row.get("risk_type")))),
            Text(str(row.get("supplier_name") or "")),
            Text(_moved(row.get("old_supplier_id"), row.get("supplier_id"))),
            Text(_moved(row.get("old_id"), row.get("id"))),
        )
    return table


def render_diff_terminal(diff: dict[str, Any], console: Console) -> None:
    """Print a concise summary of a diff: counts and as-of dates, then new, changed,
    re-identified and resolved flags, and suppliers."""
    s = diff["summary"]
    reidentified = diff.get("reidentified_flags") or []
    head = Text("Assessment diff: ", style="bold")
    head.append(f"{s['new_flags']} new", style="bold red" if s["new_flags"] else "green")
    head.append(f", {s['resolved_flags']} resolved, {s['changed_flags']} changed")
    head.append(f" ({s['changed_up']} up, {s['changed_down']} down)")
    if s.get("priority_changed"):
        head.append(f", {s['priority_changed']} with priority moved within a level")
    if reidentified:
        head.append(f", {len(reidentified)} re-identified")
        up, down = s.get("reidentified_up"), s.get("reidentified_down")
        if up is not None and down is not None:  # (in the summary since diff JSON 1.2)
            head.append(f" ({up} up, {down} down)")
    # (each under a new id both added and removed: said so)
    head.append(f"; suppliers +{s['suppliers_added']} -{s['suppliers_removed']}")
    head.append(_under_new_ids(diff))
    head.append(f", {s['suppliers_changed']} changed")
    head.append(supplier_moves_text(diff))
    console.print(head)
    console.print(Text(f"Assessments {_as_of_text(diff)}.", style="dim"))
    exposure = exposure_text(diff)
    if exposure:
        console.print(Text(f"Company exposure: {exposure}."))
    if diff["profiles_changed"]:
        p = diff["profiles"]
        console.print(
            Text(
                f"Risk profiles changed: {_profiles_text(p['old'])} →"
                f" {_profiles_text(p['new'])}; some changes may come from new risk data.",
                style="yellow",
            )
        )
    settings = _settings_note(diff)
    if settings:
        console.print(Text(settings[0].upper() + settings[1:] + ".", style="yellow"))
    tier1 = diff.get("tier1_changes") or []
    if tier1:
        table = Table(title=f"Tier-1 ranking changes ({len(tier1)})", title_justify="left")
        for column in ("id", "name", "rank", "level", "weighted"):
            table.add_column(column)
        for row in tier1:
            table.add_row(
                Text(_text(row["id"])),
                Text(_text(row.get("name"))),
                Text(_moved_value(row.get("old_rank"), row.get("new_rank"))),
                Text(_moved_value(row.get("old_level"), row.get("new_level"))),
                Text(
                    _moved_value(row.get("old_weighted_priority"), row.get("new_weighted_priority"))
                ),
            )
        console.print(fitted(table))
    if diff["new_flags"]:
        console.print(fitted(_flags_table("New flags", diff["new_flags"])))
    if diff["changed_flags"]:
        console.print(fitted(_flags_table("Changed flags", diff["changed_flags"], changed=True)))
    if diff.get("priority_changes"):
        console.print(fitted(_flags_table(PRIORITY_TITLE, diff["priority_changes"], changed=True)))
    if reidentified:
        console.print(fitted(_reidentified_table(reidentified)))
    if diff["resolved_flags"]:
        resolved = diff["resolved_flags"]
        console.print(fitted(_flags_table("Resolved flags", resolved, resolved=True)))
        still = s.get("resolved_still_in_chain")
        if still:
            console.print(Text(f"{_still_text(still)}.", style="dim"))
        gone = s["resolved_flags"] - (still or 0)
        if gone and "resolved_still_in_chain" in s:
            console.print(Text(f"{_gone_text(gone)}.", style="dim"))
    for rows, title, columns in (
        (
            _supplier_rows(diff["suppliers_added"]),
            f"Suppliers added ({s['suppliers_added']})",
            ADDED_COLUMNS,
        ),
        (
            _supplier_rows(diff["suppliers_removed"]),
            f"Suppliers removed ({s['suppliers_removed']})",
            SUPPLIER_COLUMNS,
        ),
        (_change_rows(diff), _suppliers_changed_title(diff), SUPPLIER_CHANGE_COLUMNS),
    ):
        if not rows:
            continue
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(Text(_text(row.get(c))) for c in columns))
        console.print(fitted(table))
    _print_supplier_moves(diff, console)
    for same_as in (_same_as_note(diff), _ambiguous_note(diff)):
        if same_as:
            console.print(Text(f"{same_as}.", style="yellow"))


def _print_supplier_moves(diff: dict[str, Any], console: Console) -> None:
    """The suppliers' data gaps closed and opened and their own exposure that moved, each
    table its first TERMINAL_ROWS rows and how many more (see _more_line); what could not
    be compared, said so."""
    gaps = supplier_gap_rows(diff)
    if gaps:
        table = Table(title=supplier_gaps_title(diff), title_justify="left")
        for column in SUPPLIER_GAP_COLUMNS:
            table.add_column(column, max_width=40 if column == "name" else None)
        for row in gaps[:TERMINAL_ROWS]:
            table.add_row(*(Text(_text(row.get(c))) for c in SUPPLIER_GAP_COLUMNS))
        console.print(fitted(table))
        _more_line(len(gaps), console)
    moved = diff.get("supplier_exposure") or []
    if moved:
        table = Table(title=supplier_exposure_title(diff), title_justify="left")
        for column in ("id", "name", "risk", "level", "priority"):
            table.add_column(column, max_width=40 if column == "name" else None)
        for row in moved[:TERMINAL_ROWS]:
            table.add_row(
                Text(_text(row.get("id"))),
                Text(_text(row.get("name"))),
                Text(RISK_NAMES.get(str(row.get("risk_type")), str(row.get("risk_type")))),
                _moved_level(row.get("old_level"), row.get("new_level")),
                Text(_moved_value(row.get("old_priority"), row.get("new_priority"))),
            )
        console.print(fitted(table))
        _more_line(len(moved), console)
    not_known = supplier_not_known_note(diff)
    if not_known:
        console.print(Text(f"{not_known[0].upper()}{not_known[1:]}.", style="dim"))


def _moved_level(old: Any, new: Any) -> Text:
    """'critical → low', each level coloured; the level alone where it stayed (the
    priority moved)."""
    if old == new:
        return _level(new)
    return Text.assemble(_level(old), " → ", _level(new))


def _more_line(count: int, console: Console) -> None:
    """Below a table cut at TERMINAL_ROWS rows: how many more, and where they all are."""
    for line in more_rows(count, TERMINAL_ROWS, _ALL_OF_THEM)[1:]:
        console.print(Text(line, style="dim"))


def _moved_value(old: Any, new: Any) -> str:
    """'3 → 1' where a value changed ('—' for none: not in tier 1 then); the value alone
    where it did not."""
    was, now = ("—" if v is None else _text(v) for v in (old, new))
    return now if was == now else f"{was} → {now}"


def _moved(old: Any, new: Any) -> str:
    """'BGD → VNM' when a flagged supplier moved country (or an id changed); the country
    alone otherwise."""
    if old and new and old != new:
        return f"{old} → {new}"
    return str(new or "")
