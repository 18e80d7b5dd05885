"""The Excel risk register for auditors: Summary, Risk register, Suppliers, Remediation plan,
Sources, Warnings. Streamed row by row into the file (see ddtool.reporters.xlsx), so large
registers stay cheap."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ddtool.atomic import atomic_open
from ddtool.document import (
    PerBasis,
    flag_evidence,
    flag_measures,
    gap_parts,
    low_on_a_gap,
    measures_not_shown,
    register,
    supplier_scores,
)
from ddtool.reporters.interface import Reporter
from ddtool.reporters.markdown_report import cited_sources, inputs, source_names
from ddtool.reporters.plan import Plan
from ddtool.reporters.shown import (
    RISK_NAMES,
    ExposureLevels,
    chain_levels,
    evidence_text,
    exposure_text,
    flag_country,
    flag_counts,
    flag_gaps_text,
    level_colour,
    level_rule_text,
    level_shown,
    measure_lines,
    own_value_text,
    sector_text,
    settings_text,
    sources_behind,
    supplier_country,
    supplier_regions,
    warning_cells,
)
from ddtool.reporters.xlsx import Inline, XlsxBook

LEVEL_FILL = {
    "low": "C6EFCE",
    "medium": "FFEB9C",
    "high": "F8CBAD",
    "critical": "FF7C80",
}
STATUSES = ("open", "in progress", "mitigated", "closed")
# rows above which long text is not wrapped: Excel sizes every wrapped row when it opens
# the file, which takes long on large registers
WRAP_LIMIT = 5000

REGISTER_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Flag ID", 15),
    ("Supplier", 34),
    ("Supplier ID", 16),
    ("Inferred", 9),
    # the first (lowest) tier, a number (it sorts and filters as one); then every tier, as text
    ("Tier", 7),
    ("All tiers", 9),
    ("Path", 40),
    ("Country", 9),
    ("Region", 16),
    ("Sector", 22),
    ("Risk type", 17),
    ("Likelihood", 10),
    ("Severity", 9),
    ("Priority", 9),
    ("Level", 9),
    ("Reason", 50),
    ("Data gaps", 30),
    ("Evidence", 70),
    ("Sources", 45),
    ("Measures", 60),
    ("Owner", 18),
    ("Due date", 12),
    ("Status", 12),
)


def _evidence_text(evidence: list[dict[str, Any]]) -> str:
    return "\n".join(map(evidence_text, evidence))


# the Sources sheet's Kind of a source of the risk profiles' catalogue
PUBLICATION = "publication"


def _own_source(text: str) -> tuple[str, str]:
    """The Kind and the publisher of what a fact cites where no publication gives the
    figure: an overlay, for a figure of an overlay ("the overlay dir/sectors.yaml (given with
    --profiles)"), the input (the supplier's own record), both given by the user; else a
    ddtool rule (its rules and settings), given by ddtool."""
    if text.startswith("the overlay ") and text.endswith("(given with --profiles)"):
        return "overlay", "the user (an overlay given with --profiles)"
    if text.startswith("the supplier's own record"):
        return "input", "the user (the input), weighed by ddtool's settings"
    return "ddtool rule", "ddtool"


def _catalogue_source(source: str, names: Iterable[str]) -> str:
    """The catalogue source a source cited by a fact (see cited_sources) is, for the Sources
    sheet's "used" mark: the source itself, or a name it starts with before ": " and a
    detail (a name may hold ": " itself, as "World Agricultural Production, Table 17: Cotton
    …" does); else the source as cited (no catalogue source: "ddtool: …")."""
    cited = [n for n in names if source == n or source.startswith(n + ": ")]
    return max(cited, key=len) if cited else source


def _sources_text(evidence: list[dict[str, Any]], names: frozenset[str]) -> str:
    """The sources the evidence cites, one a line, each once, named as the CSV and the
    Markdown report name them (see cited_sources)."""
    cited = (name for e in evidence for name in cited_sources(str(e["source"]), names))
    return "\n".join(dict.fromkeys(cited))


def _cell_text(value: Any) -> str:
    """A value of the user's own column as text: a whole number without ".0", a date as ISO,
    a YAML key's list or mapping as written in YAML's flow style ("[x, y]")."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return own_value_text(value)


def _when(value: Any, kind: type[dt.date]) -> Any:
    """A saved date (as_of) or time (generated_at, UTC) as a date cell, which a spreadsheet
    sorts and filters as one; text that reads as neither stays as written."""
    if not isinstance(value, str) or not value:
        return value or ""
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if kind is dt.datetime:
        return when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
    return when.date() if len(value) == 10 else value


def _exposure_text(levels: ExposureLevels, exposure: dict[str, Any], shown: str) -> str:
    """'high (priority 0.6, from S1)'; on missing data 'low (data gap; priority …)'."""
    return exposure_text(shown, f"priority {exposure['priority']}, from {levels.source(exposure)}")


def _tiers(tiers: list[int]) -> tuple[int | None, str]:
    """The Tier and All tiers cells: the first (lowest) tier as a number, so that the column
    sorts and filters as numbers, and every tier as text ('2, 3'; '2' for one); None and ""
    for none."""
    return (min(tiers) if tiers else None), ", ".join(str(t) for t in tiers)


class ExcelReporter(Reporter):
    suffix = ".xlsx"
    name = "xlsx"

    def write(self, document: dict[str, Any], path: Path) -> None:
        with atomic_open(path) as handle, XlsxBook(handle, LEVEL_FILL) as book:
            self._summary(book, document)
            plan = self._register(book, document)
            self._suppliers(book, document)
            self._plan(book, plan)
            self._sources(book, document)
            self._warnings(book, document)

    @staticmethod
    def _summary(book: XlsxBook, doc: dict[str, Any]) -> None:
        sheet = book.sheet("Summary", (("Item", 34), ("Value", 90)))
        s, company, profiles = doc["summary"], doc["company"], doc["profiles"]
        for name, value in [
            ("Company", company["name"]),
            ("Company country", company.get("country") or "not given"),
            ("Suppliers mapped", s["suppliers"]),
            ("Suppliers inferred (assumptions to replace by mapping)", s["inferred_suppliers"]),
            ("Tiers", s["tiers"]),
            ("Flags", s["flags"]),
        ]:
            sheet.append([name, value])
        # the item names the level: coloured as the register's Level cells are (low on
        # missing data counted apart from plain low, with no fill)
        for level, n in flag_counts(doc).items():
            sheet.append([f"Flags {level}", n], fill=level, fill_column=0)
        for rt, n in s["flags_by_risk_type"].items():
            sheet.append([f"Flags {RISK_NAMES[rt]}", n])
        exposure, shown = ExposureLevels(doc), chain_levels(doc)
        for rt, e in s["exposure"].items():
            sheet.append(
                [f"Chain exposure: {RISK_NAMES[rt]}", _exposure_text(exposure, e, shown[rt])],
                # (low on missing data not coloured as low risk; "medium (data gap)" as medium)
                fill=level_colour(shown[rt]),
                fill_column=1,
            )
        rows: list[tuple[str, Any]] = [
            ("Data gaps", s["data_gaps"]),
            # by kind, in the words of the other reports' summaries (the total a number above)
            ("Data gaps by kind", ", ".join(gap_parts(doc))),
            ("Suppliers without country", s["suppliers_without_country"]),
            ("Suppliers without sector", s["suppliers_without_sector"]),
            ("Input warnings (see the Warnings sheet)", len(doc.get("warnings") or [])),
            ("Generated at (UTC)", _when(doc.get("generated_at"), dt.datetime)),
            ("Assessed as of", _when(doc.get("options", {}).get("as_of"), dt.date)),
            ("Tool", f"{doc['tool']['name']} {doc['tool']['version']}"),
            ("Risk profiles", f"{profiles['version']} (sha256 {profiles['sha256']})"),
            *(("Profile overlay", overlay) for overlay in profiles.get("overlays") or []),
            *([("Settings", settings)] if (settings := settings_text(doc)) else []),
            # how each level follows from its priority, under the thresholds in force
            ("Levels", level_rule_text(doc)),
            ("Goods list edition", profiles.get("goods_edition", "")),
        ]
        # each input file with its own hash; with several, the hash over all of them apart
        files, combined = inputs(doc)
        rows += [(label, f"{path} (sha256 {sha256})") for label, path, sha256 in files]
        if combined:
            rows.append((combined[0], f"sha256 {combined[2]} ({combined[1]})"))
        for name, value in rows:
            sheet.append([name, value])

    @staticmethod
    def _register(book: XlsxBook, doc: dict[str, Any]) -> Plan:
        """The register sheet; returns the remediation plan its flags make (see _plan)."""
        sheet = book.sheet("Risk register", REGISTER_COLUMNS, wrap=len(doc["flags"]) <= WRAP_LIMIT)
        names = [c for c, _ in REGISTER_COLUMNS]
        level_col = names.index("Level")
        sources = source_names(doc)
        regions = supplier_regions(doc["suppliers"])

        # the evidence, sources and measures cells and the measures, made once per basis
        def basis_parts(flag: dict[str, Any]) -> tuple[tuple[str, str, str], list[Any]]:
            evidence, measures = flag_evidence(doc, flag), flag_measures(doc, flag)
            texts = (
                _evidence_text(evidence),
                _sources_text(evidence, sources),
                "\n".join(measure_lines(measures, measures_not_shown(flag))),
            )
            return texts, measures

        parts_of = PerBasis(basis_parts)
        # In a large register, the evidence of a basis that only one flag has (a supplier's
        # own audits make one per flag) is written in its cell and not kept: held for the
        # shared strings, 10^5 such flags took 0.6 GB. (Small registers: all shared.)
        uses = Counter(flag.get("basis") for flag in doc["flags"]) if not sheet.wrap else {}
        plan = Plan(doc)  # per measure: its flags' risk types and suppliers
        for flag in register(doc):
            basis = flag.get("basis")
            if basis is not None and uses.get(basis) == 1:
                (evidence_text, *others), measures = basis_parts(flag)
                text = (Inline(evidence_text), *others)
            else:
                text, measures = parts_of(flag)
            risk_name = RISK_NAMES.get(flag["risk_type"], flag["risk_type"])
            # "low (data gap)" on missing data, not coloured as low risk (no fill's name)
            level = level_shown(flag, flag["level"])
            # a mapped supplier with its name ("T3-04 (Kolwezi cobalt)"): an owner is given
            # suppliers to call; an inferred one's id says what it is
            named = None if flag.get("inferred") else flag.get("supplier_name")
            plan.add(flag["supplier_id"], named, flag["risk_type"], measures)
            sheet.append(
                [
                    flag["id"],
                    flag.get("supplier_name") or flag["supplier_id"],
                    flag["supplier_id"],
                    "yes" if flag.get("inferred") else "no",
                    *_tiers(flag.get("tiers") or []),
                    " > ".join(flag["path"]),
                    flag_country(flag),
                    regions.get(flag["supplier_id"], ""),
                    sector_text(flag.get("sector"), flag.get("sector_as_written")),
                    risk_name,
                    flag["likelihood"],
                    flag["severity"],
                    flag["priority"],
                    level,
                    flag.get("reason", ""),
                    flag_gaps_text(flag),
                    *text,
                    "",
                    "",
                    "open",
                ],
                fill=level,
                fill_column=level_col,
            )
        sheet.validate_list(
            names.index("Status"),
            STATUSES,
            extra_rows=500,
            error_title="Status",
            error="Choose open, in progress, mitigated or closed.",
        )
        return plan

    @staticmethod
    def _suppliers(book: XlsxBook, doc: dict[str, Any]) -> None:
        columns: list[tuple[str, int]] = [
            ("Supplier ID", 16),
            ("Supplier", 34),
            ("Inferred", 9),
            # the first (lowest) tier, a number; then every tier, as text (as the register)
            ("Tier", 7),
            ("All tiers", 9),
            ("Country", 9),
            ("Region", 16),
            ("Sector", 22),
            ("Sector as written", 22),
            ("Buyers", 24),
            ("Share", 7),
            ("Workers", 9),
            ("Female %", 9),
            ("Migrant %", 9),
            # each as the score counted it (valid, expired, passed, not counted …)
            ("Certifications", 40),
            ("Audits", 40),
        ]
        for rt in RISK_NAMES.values():
            columns += [(f"{rt}: likelihood", 11), (f"{rt}: priority", 10), (f"{rt}: level", 10)]
        columns += [(f"exposure {rt}: level", 12) for rt in RISK_NAMES.values()]
        columns += [("Data gaps", 40), ("Assumption (inferred)", 50), ("Your own columns", 40)]
        names = [name for name, _ in columns]
        # the share, a fraction of the buyer's input, shown as a percentage (0.55: 55%) beside
        # Female % and Migrant % (numbers from 0 to 100); the cell keeps the number as saved
        sheet = book.sheet(
            "Suppliers",
            columns,
            wrap=len(doc["suppliers"]) <= WRAP_LIMIT,
            percent=(names.index("Share"),),
        )
        # the level cells, coloured as the register's are ("low (data gap)" has no fill)
        level_columns = [names.index(f"{rt}: level") for rt in RISK_NAMES.values()]
        level_columns += [names.index(f"exposure {rt}: level") for rt in RISK_NAMES.values()]
        exposure = ExposureLevels(doc)
        for s in doc["suppliers"]:
            scores = supplier_scores(s)
            values: list[Any] = [
                s["id"],
                s.get("name") or "",
                "yes" if s.get("inferred") else "no",
                *_tiers(s.get("tiers") or []),
                supplier_country(s),
                s.get("region") or "",
                s.get("sector") or "",
                s.get("sector_as_written") or "",
                ", ".join(s.get("buyers", [])),
                s.get("share"),
                s.get("workers"),
                s.get("female_pct"),
                s.get("migrant_pct"),
                "; ".join(s.get("certifications") or ()),
                "; ".join(s.get("audits") or ()),
            ]
            levels = []
            for rt in RISK_NAMES:
                r = scores[rt]
                levels.append(r["level"])
                # low on missing data reads so: a filter on "low" does not find it
                values += [r["likelihood"], r["priority"], level_shown(s, r["level"], rt)]
            # an exposure on which data gaps bear says so, as the chain's does: a supplier
            # at or beneath it is low on missing data ("low (data gap)", "medium (data gap)")
            values += [exposure.level(s, rt) for rt in RISK_NAMES]
            values += ["; ".join(s.get("data_gaps", [])), s.get("assumption", "")]
            # the columns of the user's own file kept as attributes ("Notes: visited 2024")
            own = s.get("attributes")
            values.append("; ".join(f"{k}: {_cell_text(v)}" for k, v in own.items()) if own else "")
            top = max(levels, key=list(LEVEL_FILL).index)
            # low on missing data is not coloured as low risk (its gaps are in the row)
            sheet.append(
                values,
                fill=None if low_on_a_gap(s, top) else top,
                fill_column=1,
                # ("medium (data gap)" coloured as medium, "low (data gap)" not at all)
                fills={column: level_colour(values[column]) for column in level_columns},
            )

    @staticmethod
    def _plan(book: XlsxBook, plan: Plan) -> None:
        """One row per measure the flags call for, by due-diligence step (in the order of
        the profiles), then the most flags first (see ddtool.reporters.plan)."""
        columns = (
            ("Step", 26),
            ("Measure", 44),
            ("What to do", 80),
            ("Who", 34),
            ("Reference", 50),
            ("Risk types", 30),
            ("Flags", 12),
            ("Suppliers", 60),
            ("Owner", 18),
            ("Due date", 12),
            ("Status", 12),
        )
        sheet = book.sheet("Remediation plan", columns)
        for entry in plan.entries():
            m = entry.measure
            sheet.append(
                [
                    m["step_name"],
                    m["title"],
                    m["action"],
                    m["owner"],
                    m["reference"],
                    entry.risk_types_text(),
                    entry.flags,
                    entry.suppliers_text(),
                    "",
                    "",
                    "open",
                ]
            )
        sheet.validate_list(
            len(columns) - 1,
            STATUSES,
            extra_rows=200,
            error_title="Status",
            error="Choose open, in progress, mitigated or closed.",
        )

    @staticmethod
    def _sources(book: XlsxBook, doc: dict[str, Any]) -> None:
        """One row per source under one header row, so that the sheet sorts and filters as a
        table: every source of the risk profiles (Kind "publication"), used in this register
        or not, then what a fact cites where no publication gives the figure, with its Kind
        ("ddtool rule", "input", "overlay"), as the Markdown report lists them apart. The
        profiles' version and hash, any overlays and the input files with their hashes are
        on the Summary sheet."""
        sheet = book.sheet(
            "Sources",
            (
                ("Source", 60),
                ("Kind", 12),
                ("Publisher", 36),
                ("Year", 7),
                ("Licence", 50),
                ("Location", 70),
                ("Used in this register", 12),
                ("Note", 60),
            ),
        )
        facts: list[dict[str, Any]] = list(doc.get("evidence", {}).values())
        if not facts:  # documents with evidence inline in each flag
            facts = [e for f in register(doc) for e in flag_evidence(doc, f)]
        names, sources = source_names(doc), doc.get("sources", [])
        # a source is used where a fact cites it, or names it as the source behind it (the
        # fact a ddtool sector rating rests on), as the Markdown report's Sources list it
        used: set[str | None] = set()
        own: dict[str, None] = {}  # what a fact cites where no publication gives the figure
        for fact in facts:
            for cited in cited_sources(str(fact["source"]), names):
                found = _catalogue_source(cited, names)
                used.add(found)
                if found not in names and cited:
                    own[cited] = None
            used.update(sources_behind(fact, sources))
        for src in sources:
            sheet.append(
                [
                    src["name"],
                    PUBLICATION,
                    src["publisher"],
                    src["year"],
                    src["licence"],
                    src["location"],
                    "yes" if src["name"] in used else "no",
                    src.get("note") or "",
                ]
            )
        for text in own:  # (no publication: as the Markdown report lists them apart)
            kind, publisher = _own_source(text)
            sheet.append([text, kind, publisher, "", "", "", "yes", ""])

    @staticmethod
    def _warnings(book: XlsxBook, doc: dict[str, Any]) -> None:
        """What the input checks warned of (a sheet not read, a note row skipped), one row
        each with its place, as the JSON has them: the register lists what was not read.
        Long messages wrap only up to WRAP_LIMIT rows, as in the register: a vendor list can
        give a warning per row, and Excel sizes every wrapped row when it opens the file."""
        warnings: list[dict[str, Any]] = doc.get("warnings") or []
        sheet = book.sheet(
            "Warnings",
            (
                ("Type", 24),
                ("Severity", 10),
                ("Message", 90),
                ("Suggestion", 20),
                ("File", 40),
                ("Sheet", 20),
                ("Row", 7),
                ("Column", 20),
                ("Line", 7),
            ),
            wrap=len(warnings) <= WRAP_LIMIT,
        )
        for warning in warnings:
            sheet.append(warning_cells(warning))
