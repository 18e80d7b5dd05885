"""Input checks only: read, normalise, build the graph; collect every problem."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddtool.errors import Location, Problem, ProblemList
from ddtool.graph import build_graph
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

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def gap_text(self) -> str:
        return ", ".join(f"{n} {what}" for what, n in sorted(self.gaps.items()))

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "ok": self.ok,
            "suppliers": self.suppliers,
            "tiers": self.tiers,
            "data_gaps": dict(sorted(self.gaps.items())),
            "problems": [p.as_dict() for p in self.problems],
        }


def validate_chain(
    paths: list[Path], options: ReadOptions, sectors: SectorMatcher | None = None
) -> ValidationResult:
    """Validate one chain made of one or more files."""
    chain, problems = read_chain(paths, options, sectors)
    result = ValidationResult([str(p) for p in paths], [])
    opened = not any(
        p.type
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
            "alias-bomb",
            "too-deep",
            "is-a-directory",
            "unreadable-file",
        }
        for p in problems.items
    )
    graph_problems = ProblemList()
    if opened:
        supply = build_graph(chain, graph_problems, max_tiers=options.max_tiers)
        result.tiers = supply.depth
        if not chain.suppliers and not problems.has_errors():
            problems.error("no-suppliers", "no suppliers found", Location(str(paths[0])))
    problems.extend(graph_problems)
    result.problems = problems.items
    result.suppliers = len(chain.suppliers)
    for s in chain.suppliers:
        if s.country is None and normalise_country(s.country_raw).unknown:
            result.gaps["without country"] += 1
        if s.sector is None:
            result.gaps["without sector"] += 1
    return result
