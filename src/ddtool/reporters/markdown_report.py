"""The assessment as Markdown, for e-mail and tickets: summary, input warnings, top flags,
details, data gaps."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ddtool.atomic import write_atomic
from ddtool.document import (
    PerBasis,
    flag_evidence,
    flag_measures,
    gap_counts,
    measures_not_shown,
    register,
)
from ddtool.reporters.interface import Reporter
from ddtool.reporters.plan import remediation_plan
from ddtool.reporters.shown import (
    RISK_NAMES,
    UNKNOWN_CELL,
    ExposureLevels,
    chain_levels,
    country_and_region,
    evidence_text,
    exposure_text,
    flag_country,
    flag_counts,
    level_rule_text,
    level_shown,
    not_shown_text,
    sector_text,
    settings_text,
    sources_behind,
    supplier_regions,
    warning_place,
    warning_text,
)

MAX_TOP_FLAGS = 25
# A report to read, not the register: past these, it says how many more there are and where
# they all are (the JSON, CSV and Excel outputs). 10^5 suppliers give 243,000 flags.
MAX_DETAILED_FLAGS = 1000
MAX_GAP_ROWS = 1000
MAX_WARNING_ROWS = 1000
DETAIL_LEVELS = ("critical", "high")


def inline(value: Any) -> str:
    """User text on one line (newlines would end a table row or a bullet), with HTML escaped
    (many Markdown renderers, mail clients and wikis render raw tags) and the characters that
    make links, emphasis and code escaped: a supplier's name shows as it is written."""
    text = "" if value is None else str(value)
    text = " ".join(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    text = text.translate(_MARKUP)  # no tag can form; "&" stays readable
    # nor a link from a bare address: renderers link "https://…" and "www.…" themselves
    return _WWW.sub(lambda m: m.group(0)[:-1] + "\\.", text.replace("://", ":\\/\\/"))


_WWW = re.compile(r"(?i)\bwww\.")
# backslashes too, so that user text ending in "\" cannot un-escape what follows
_MARKUP = str.maketrans({"<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_[]~"}})


def cell(value: Any) -> str:
    """User text safe inside a Markdown table cell (no row break, no column break)."""
    return inline(value).replace("|", "\\|")


def risk_name(risk_type: str) -> str:
    return RISK_NAMES.get(risk_type, risk_type.replace("_", " "))


def short(digest: Any, length: int = 12) -> str:
    return str(digest or "")[:length] or "n/a"


def supplier_label(flag: dict[str, Any]) -> str:
    name = str(flag.get("supplier_name") or flag.get("supplier_id", ""))
    # an inferred supplier's name says so already ("inferred coffee farming (…)")
    shown = flag.get("inferred") and not name.startswith("inferred")
    return f"{name} (inferred)" if shown else name


def source_names(document: dict[str, Any]) -> frozenset[str]:
    """The names of the sources of the profiles (the document's `sources`)."""
    return frozenset(str(source.get("name")) for source in document.get("sources") or [])


def cited_sources(source: str, names: Collection[str]) -> list[str]:
    """The sources a fact's `source` text names, as every report lists them: the sources of
    the profiles it joins with "; " (an inferred origin mix cites the publication of each of
    its shares: "USDA FAS Post …; World Agricultural Production, Table 17: …"), each once;
    any other text whole, as the JSON has it ("ddtool: a listed good's severity floor (…)"
    is that source, not "ddtool"; a source's name may hold "; " and ": " itself)."""
    if source in names or "; " not in source:
        return [source]
    parts = source.split("; ")
    # from the end: the names parts[start:] join (the longest first), None if they join none
    joined: dict[int, list[str] | None] = {len(parts): []}
    for start in range(len(parts) - 1, -1, -1):
        joined[start] = None
        for end in range(len(parts), start, -1):
            name, rest = "; ".join(parts[start:end]), joined[end]
            if name in names and rest is not None:
                joined[start] = [name, *rest]
                break
    named = joined[0]
    return list(dict.fromkeys(named)) if named else [source]


def distinct_sources(
    flags: list[dict[str, Any]], document: dict[str, Any], behind: bool = False
) -> list[str]:
    """Every source the flags' evidence cites (see cited_sources), once each, in first-seen
    order; with `behind`, each fact's followed by the source its note names as the one behind
    it (the fact a ddtool sector rating rests on), as the Excel register's Sources sheet
    counts it used."""
    names = source_names(document)
    seen: dict[str, None] = {}
    for flag in flags:
        for item in flag_evidence(document, flag):
            if item.get("source"):
                seen.update(dict.fromkeys(cited_sources(str(item["source"]), names)))
            if behind:
                seen.update(dict.fromkeys(sources_behind(item, document.get("sources") or [])))
    return list(seen)


# how every report names the input files, and the hash over all of them
InputRow = tuple[str, str, str]  # label, path (or, for the hash over all, a note), sha256


def inputs(document: dict[str, Any], one: str = "Input") -> tuple[list[InputRow], InputRow | None]:
    """Each input file with its own SHA-256 in the order given (`input.files`; a document
    without that list names one file, hashed by `input.sha256`), labelled `one` alone, else
    'Input file 2 of 3'; and with several files, the one hash over all of them (none of the
    files' own), labelled and explained so: every report names the inputs this way."""
    given: dict[str, Any] = document.get("input") or {}
    files = [
        (str(f.get("path") or "") + _sheets_read(f.get("sheets")), str(f.get("sha256") or ""))
        for f in given.get("files") or []
    ] or [(str(given.get("path") or ""), str(given.get("sha256") or ""))]
    count = len(files)
    rows = [
        (one if count == 1 else f"Input file {i} of {count}", path, sha256)
        for i, (path, sha256) in enumerate(files, 1)
    ]
    combined = str(given.get("sha256") or "") if count > 1 else ""
    note = f"one hash over all {count} input files, in the order given"
    return rows, (("Input files combined", note, combined) if combined else None)


def _sheets_read(sheets: list[str] | None) -> str:
    """The sheets of a workbook read, as written after its path (", sheets 'Tier 1', 'Tier 2'
    and 'Tier 3'"); nothing for a CSV or YAML file, or a document of schema 2.6 or before."""
    if not sheets:
        return ""
    named = [repr(str(sheet)) for sheet in sheets]
    if len(named) == 1:
        return f", sheet {named[0]}"
    return f", sheets {', '.join(named[:-1])} and {named[-1]}"


class _ReadFlags:
    """What the report takes from the flags, in one pass (the flags are not all kept): the
    first ones, the first high and critical ones, how many of each, and every source cited."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.top: list[dict[str, Any]] = []
        self.serious: list[dict[str, Any]] = []
        self.count = self.serious_count = 0
        sources: dict[str, None] = {}
        cited = PerBasis(lambda flag: distinct_sources([flag], document, behind=True))
        for flag in register(document):
            self.count += 1
            if len(self.top) < MAX_TOP_FLAGS:
                self.top.append(flag)
            if flag.get("level") in DETAIL_LEVELS:
                self.serious_count += 1
                if len(self.serious) < MAX_DETAILED_FLAGS:
                    self.serious.append(flag)
            sources.update(dict.fromkeys(cited(flag)))
        self.sources = list(sources)


def render_markdown(document: dict[str, Any]) -> str:
    """The whole report as Markdown text (deterministic for a given document)."""
    flags = _ReadFlags(document)
    lines: list[str] = []
    lines += _title(document)
    lines += _summary(document)
    lines += _warnings(document)
    lines += _top_flags(flags.top, flags.count)
    lines += _details(flags.serious, flags.serious_count, document)
    lines += _plan(document)
    lines += _data_gaps(document)
    lines += _sources(flags.sources, document)
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(document: dict[str, Any]) -> list[str]:
    company = document.get("company", {})
    return [
        f"# Human-rights due diligence assessment: {inline(company.get('name'))}",
        "",
        "Child labour, forced labour and human trafficking risk in the supply chain"
        f" (ddtool {inline(document.get('tool', {}).get('version'))}).",
        "",
    ]


def _summary(document: dict[str, Any]) -> list[str]:
    s = document.get("summary", {})
    profiles = document.get("profiles", {})
    company = document.get("company", {})
    rows: list[tuple[str, str]] = [
        (
            "Company",
            f"{cell(company.get('name'))} ({cell(company.get('country') or 'country not given')})",
        ),
        ("Assessed as of", cell((document.get("options") or {}).get("as_of") or "not recorded")),
        ("Suppliers mapped", str(s.get("suppliers", 0))),
        ("Suppliers inferred", str(s.get("inferred_suppliers", 0))),
        ("Tiers", str(s.get("tiers", 0))),
        ("Flags", str(s.get("flags", 0))),
    ]
    # low on missing data counted apart from plain low, in the register's words
    rows += [(f"Flags {level}", str(n)) for level, n in flag_counts(document).items()]
    for rt, n in s.get("flags_by_risk_type", {}).items():
        rows.append((f"Flags {risk_name(rt)}", str(n)))
    exposure, levels = ExposureLevels(document), chain_levels(document)
    for rt, e in s.get("exposure", {}).items():
        source = f", from {cell(exposure.source(e))}" if e.get("from") else ""
        where = f"priority {e.get('priority')}{source}"
        # on missing data: "low (data gap; priority …)", never plain low; "medium (data gap; …)"
        rows.append((f"Chain exposure {risk_name(rt)}", exposure_text(levels[rt], where)))
    rows += [
        # by kind, in the words of the terminal and HTML summaries
        ("Data gaps", cell(gap_counts(document))),
        (
            "Risk profiles",
            f"{cell(profiles.get('version'))} (sha256 {short(profiles.get('sha256'))})"
            + "".join(f" + overlay {cell(o)}" for o in profiles.get("overlays") or []),
        ),
        *([("Settings", cell(settings))] if (settings := settings_text(document)) else []),
        # how each level follows from its priority, under the thresholds in force
        ("Levels", cell(level_rule_text(document))),
        *_input_rows(document),
        ("Generated at", cell(document.get("generated_at"))),
    ]
    out = ["## Summary", "", "| Item | Value |", "| --- | --- |"]
    out += [f"| {label} | {value} |" for label, value in rows]
    return [*out, ""]


def _input_rows(document: dict[str, Any]) -> list[tuple[str, str]]:
    """A row per input file with its own hash; with several, one more with the hash over all
    of them, so named (it is no file's own)."""
    rows, combined = inputs(document)
    shown = [(label, f"{cell(path)} (sha256 {short(sha256)})") for label, path, sha256 in rows]
    if combined:
        label, note, sha256 = combined
        shown.append((label, f"sha256 {short(sha256)} ({note})"))
    return shown


def _warnings(document: dict[str, Any]) -> list[str]:
    """The input warnings (a sheet or a row not read, say) with their places, as the JSON
    and the Excel register's Warnings sheet list them."""
    warnings: list[dict[str, Any]] = document.get("warnings") or []
    out = [f"## Warnings ({len(warnings):,})" if warnings else "## Warnings", ""]
    if not warnings:
        return [*out, "None.", ""]
    out += ["| Type | Where | Message |", "| --- | --- | --- |"]
    for warning in warnings[:MAX_WARNING_ROWS]:
        out.append(
            f"| {cell(warning.get('type') or 'warning')} | {cell(warning_place(warning))}"
            f" | {cell(warning_text(warning))} |"
        )
    out += more_rows(
        len(warnings),
        MAX_WARNING_ROWS,
        " warnings. Every warning is in the JSON (`warnings`) and in the Excel register's"
        " Warnings sheet.",
    )
    return [*out, ""]


def more_rows(count: int, limit: int, where: str) -> list[str]:
    """The note below a table cut at `limit` of `count` rows: how many more, and `where`
    they all are ("… and 1,204 more warnings. Every warning is in …")."""
    return ["", f"… and {count - limit:,} more{where}"] if count > limit else []


def _top_flags(shown: list[dict[str, Any]], count: int) -> list[str]:
    title = f"## Top flags ({len(shown)} of {count})" if count else "## Top flags"
    if not count:
        return [title, "", "No flags at or above the flag level.", ""]
    out = [
        title,
        "",
        "| Level | Risk type | Supplier | Path | Reason |",
        "| --- | --- | --- | --- | --- |",
    ]
    for flag in shown:
        level = level_shown(flag, flag.get("level") or "")  # on missing data, not low risk
        out.append(
            f"| {cell(level)} | {cell(risk_name(str(flag.get('risk_type'))))}"
            f" | {cell(supplier_label(flag))} | {cell(' → '.join(map(str, flag.get('path', []))))}"
            f" | {cell(flag.get('reason'))} |"
        )
    return [*out, ""]


def _details(serious: list[dict[str, Any]], count: int, document: dict[str, Any]) -> list[str]:
    if not serious:
        return []
    out = ["## High and critical flags", ""]
    regions = supplier_regions(document.get("suppliers", []))
    if count > len(serious):
        out += [
            f"The first {len(serious):,} of {count:,} high and critical flags, highest priority"
            " first. Every flag, with its evidence and measures, is in the JSON, CSV and Excel"
            " outputs (`ddtool report ASSESSMENT.json -o register.xlsx`).",
            "",
        ]
    for flag in serious:
        out += [
            f"### {inline(flag.get('level')).capitalize()}:"
            f" {inline(risk_name(str(flag.get('risk_type'))))}"
            f" — {inline(supplier_label(flag))} ({inline(flag.get('supplier_id'))})",
            "",
            f"- Flag: `{inline(flag.get('id'))}`",
            f"- Path: {inline(' → '.join(map(str, flag.get('path', []))))}",
            "- Country: "
            + inline(
                country_and_region(
                    flag_country(flag) or UNKNOWN_CELL, regions.get(str(flag.get("supplier_id")))
                )
            )
            + ";"
            " sector: "
            + inline(sector_text(flag.get("sector"), flag.get("sector_as_written")) or "unknown"),
            f"- Likelihood {flag.get('likelihood')}, severity {flag.get('severity')},"
            f" priority {flag.get('priority')}",
            f"- Reason: {inline(flag.get('reason'))}",
            "",
        ]
        evidence = flag_evidence(document, flag)
        if evidence:
            out += ["Evidence:", ""]
            out += [f"- {inline(evidence_text(item))}" for item in evidence]
            out.append("")
        measures = flag_measures(document, flag)
        if measures:
            out += ["Measures:", ""]
            out += [
                f"- {inline(m.get('step_name') or m.get('step'))}: {inline(m.get('title'))}"
                f" — {inline(m.get('owner') or 'owner to be named')}"
                for m in measures
            ]
            more = measures_not_shown(flag)
            if more:
                out.append(f"- {not_shown_text(more)}")
            out.append("")
    return out


def _plan(document: dict[str, Any]) -> list[str]:
    """The remediation plan (see ddtool.reporters.plan): one row per measure the flags call
    for, as the Excel register's Remediation plan sheet has them."""
    entries = remediation_plan(document)
    out = ["## Remediation plan", ""]
    if not entries:
        return [*out, "No flags, so no measures.", ""]
    out += [
        "One row per measure the flags call for, in the order of the due-diligence steps, then"
        " the most flags first; the Excel register's Remediation plan sheet has the same rows,"
        " with an owner, a due date and a status to fill in.",
        "",
        "| Step | Measure | What to do | Who | Risk types | Flags | Suppliers |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in entries:
        m = entry.measure
        out.append(
            f"| {cell(m.get('step_name') or m.get('step'))} | {cell(m.get('title'))}"
            f" | {cell(m.get('action'))} | {cell(m.get('owner'))}"
            f" | {cell(entry.risk_types_text())} | {entry.flags:,}"
            f" | {cell(entry.suppliers_text())} |"
        )
    return [*out, ""]


def _data_gaps(document: dict[str, Any]) -> list[str]:
    gaps: list[dict[str, Any]] = document.get("data_gaps", [])
    out = ["## Data gaps", ""]
    if not gaps:
        return [*out, "None.", ""]
    names = {s.get("id"): s for s in document.get("suppliers", [])}
    out += ["| Supplier | Gap |", "| --- | --- |"]
    for gap in gaps[:MAX_GAP_ROWS]:
        sid = gap.get("supplier_id")
        supplier = names.get(sid, {})
        name = supplier.get("name") or sid
        label = f"{name} ({sid})" + (" (inferred)" if supplier.get("inferred") else "")
        out.append(f"| {cell(label)} | {cell(gap.get('gap'))} |")
    out += more_rows(
        len(gaps),
        MAX_GAP_ROWS,
        " data gaps. Every gap is in the JSON (`data_gaps`) and in the Excel register's"
        " Suppliers sheet.",
    )
    return [*out, ""]


# what a Sources list says of what it lists after the published sources
OWN_RULES = (
    "Cited where no published source gives the figure (ddtool's own rules and settings, the"
    " input, and the user's own figures in an overlay given with --profiles):"
)


def _sources(sources: list[str], document: dict[str, Any]) -> list[str]:
    """The sources the flags cite, as the Excel register's Sources sheet marks them used:
    each with its publisher and year ("Name — Publisher, 2023") and the risk data's note on
    how far its copy can be trusted, where it has one; then, apart, what a fact
    cites in their place ("ddtool: no data is scored as 0.5 …", the supplier's own record),
    which is no publication."""
    if not sources:
        return []
    catalogue = {str(source.get("name")): source for source in document.get("sources") or []}
    # one bullet per source: source texts contain their own ";" and ","
    out = ["## Sources", ""]
    for name in sources:
        if name in catalogue:
            about = ", ".join(
                str(catalogue[name][key])
                for key in ("publisher", "year")
                if catalogue[name].get(key) not in (None, "")
            )
            note = catalogue[name].get("note")
            out.append(
                f"- {inline(name)}"
                + (f" — {inline(about)}" if about else "")
                + (f" ({inline(str(note))})" if note else "")
            )
    own = [name for name in sources if name not in catalogue]
    if own:
        out += ["", OWN_RULES, "", *(f"- {inline(name)}" for name in own)]
    return [*out, ""]


class MarkdownReporter(Reporter):
    suffix = ".md"
    name = "markdown"

    def write(self, document: dict[str, Any], path: Path) -> None:
        write_atomic(path, render_markdown(document))
