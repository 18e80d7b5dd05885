"""The risk register as CSV (one row per flag) for spreadsheets; formula injection neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ddtool.atomic import write_atomic
from ddtool.document import flag_evidence, flag_measures, register
from ddtool.reporters.interface import Reporter
from ddtool.reporters.markdown_report import distinct_sources, evidence_text
from ddtool.reporters.safe_text import csv_cell

COLUMNS = (
    "flag_id",
    "supplier_id",
    "supplier_name",
    "inferred",
    "tiers",
    "path",
    "country",
    "sector",
    "risk_type",
    "level",
    "likelihood",
    "severity",
    "priority",
    "reason",
    "evidence",
    "sources",
    "measures",
    "owner",
    "due_date",
    "status",
)


def _number(value: Any) -> float | str:
    """Numbers stay numbers; anything else becomes blank or neutralised text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return float(value)
    return "" if value is None else str(value)


def flag_row(flag: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    """One register row for a flag, every text cell neutralised against formula injection."""
    evidence = flag_evidence(document, flag)
    row: list[Any] = [
        flag.get("id", ""),
        flag.get("supplier_id", ""),
        flag.get("supplier_name") or "",
        "yes" if flag.get("inferred") else "no",
        ", ".join(str(t) for t in flag.get("tiers", [])),
        " > ".join(str(p) for p in flag.get("path", [])),
        flag.get("country") or "",
        flag.get("sector") or "",
        flag.get("risk_type", ""),
        flag.get("level", ""),
        _number(flag.get("likelihood")),
        _number(flag.get("severity")),
        _number(flag.get("priority")),
        flag.get("reason") or "",
        " | ".join(evidence_text(e) for e in evidence),
        " | ".join(distinct_sources([flag], document)),
        " | ".join(str(m.get("title", "")) for m in flag_measures(document, flag)),
        "",
        "",
        "open",
    ]
    return [csv_cell(v) for v in row]


def render_csv(document: dict[str, Any]) -> str:
    """The register as CSV text: header plus one row per flag, CRLF line endings, no BOM."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for flag in register(document):
        writer.writerow(flag_row(flag, document))
    return buffer.getvalue()


class CsvReporter(Reporter):
    suffix = ".csv"
    name = "csv"

    def write(self, document: dict[str, Any], path: Path) -> None:
        # the BOM makes Excel read the file as UTF-8 (accents in supplier names survive)
        write_atomic(path, "\ufeff" + render_csv(document))
