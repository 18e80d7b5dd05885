"""Input checks only: read, normalise, build the graph; collect every problem."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddtool.errors import Location, Problem, ProblemList
from ddtool.graph import build_graph, told_with_unread_buyers
from ddtool.reference.countries import normalise_country
from ddtool.sources import ReadOptions, SectorMatcher, read_chain


@dataclass(slots=True)
class ValidationResult:
    """What validate found in one chain."""

    files: list[str]
    problems: list[Problem]
    suppliers: int = 0
    tiers: int = 0
    gaps: Counter[str] = field(default_factory=Counter)
    # the columns (YAML: keys) kept as the user's own, not read as any field, in the order
    # found; and whether any supplier has a name (a name column under a header no alias
    # knows, "Firmierung", is one of them until it is mapped)
    own_columns: list[str] = field(default_factory=list)
    named: bool = True
    tables: bool = True  # read from a table (its columns are mapped with --map), not YAML
    # the sheets read of each workbook read as a sheet per tier (several sheets of one file)
    sheets: dict[str, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def gap_text(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in sorted(self.gaps.items()))

    def own_text(self, map_hint: Callable[[str, str], str]) -> str:
        """The columns not read, briefly, for the line that says the chain is valid: "your
        own columns (kept, not read as fields): 'Firmierung', 'Bemerkung'"; and, where no
        supplier has a name, how to read one of them as the names (`map_hint(header,
        field)`: how the user maps a header)."""
        if not self.own_columns:
            return ""
        shown = ", ".join(repr(c) for c in self.own_columns[:OWN_SHOWN])
        more = len(self.own_columns) - OWN_SHOWN
        text = f"your own columns (kept, not read as fields): {shown}" + (
            f" and {more} more" if more > 0 else ""
        )
        if not self.named:
            [header] = self.own_columns if len(self.own_columns) == 1 else ["HEADER"]
            how = map_hint(header, "name") if self.tables else "write that key as 'name'"
            text += f"; no supplier names read: if they are in one of these, {how}"
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "ok": self.ok,
            "suppliers": self.suppliers,
            "tiers": self.tiers,
            "data_gaps": dict(sorted(self.gaps.items())),
            "own_columns": self.own_columns,
            "sheets": self.sheets,
            "problems": [p.as_dict() for p in self.problems],
        }


OWN_SHOWN = 5  # own columns the line names; the rest are counted (the JSON lists every one)


def validate_chain(
    paths: list[Path],
    options: ReadOptions,
    sectors: SectorMatcher | None = None,
    as_of: dt.date | None = None,
) -> ValidationResult:
    """Validate one chain made of one or more files."""
    chain, problems = read_chain(paths, options, sectors)
    result = ValidationResult([str(p) for p in paths], [])
    # the files that could not be opened; the chain's checks run over the others, as
    # assess runs them, so that every problem of every file is told at once
    unread = {
        p.location.file
        for p in problems.items
        if p.type
        in {
            "file-not-found",
            "unsupported-file",
            "not-a-workbook",
            "empty-file",
            "yaml-syntax",
            "unsafe-yaml-tag",
            "not-text",
            "file-too-large",
            "too-many-rows",
            "too-many-cells",
            "alias-bomb",
            "too-deep",
            "is-a-directory",
            "unreadable-file",
        }
    }
    opened = any(file not in unread for file in chain.files)
    graph_problems = ProblemList()
    if opened:
        supply = build_graph(chain, graph_problems, max_tiers=options.max_tiers)
        result.tiers = supply.depth
        if not chain.suppliers and not problems.has_errors():
            problems.error("no-suppliers", "no suppliers found", Location(str(paths[0])))
    problems.extend(
        told_with_unread_buyers(
            graph_problems, problems, chain.unread_sheets, options.sheet is not None
        )
    )
    if chain.suppliers:
        from ddtool.assess import run_date

        problems.extend(chain.dates_after(as_of or run_date()))
    result.problems = problems.items
    result.suppliers = len(chain.suppliers)
    result.sheets = {file: read for file, read in chain.sheets_read().items() if len(read) > 1}
    own: dict[str, None] = {}  # (ordered, each once)
    for s in chain.suppliers:
        if s.attributes:
            own.update(dict.fromkeys(s.attributes))
    result.own_columns = list(own)
    result.named = any(s.name for s in chain.suppliers)
    result.tables = any(Path(p).suffix.lower() not in (".yaml", ".yml") for p in paths)
    for s in chain.suppliers:
        if s.country is None and normalise_country(s.country_raw).unknown:
            result.gaps["without country"] += 1
        if s.sector is None:
            result.gaps["without sector"] += 1
    return result
