"""The risk register as CSV (one row per flag) for spreadsheets; formula injection neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ddtool.atomic import atomic_open
from ddtool.document import PerBasis, flag_evidence, flag_measures, register
from ddtool.reporters.interface import Reporter
from ddtool.reporters.markdown_report import distinct_sources, evidence_text
from ddtool.reporters.safe_text import csv_cells

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


def _shared_cells(flag: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """The evidence, sources and measures cells of a flag (the same for every flag with the
    same basis)."""
    evidence = flag_evidence(document, flag)
    return [
        " | ".join(evidence_text(e) for e in evidence),
        " | ".join(distinct_sources([flag], document)),
        " | ".join(str(m.get("title", "")) for m in flag_measures(document, flag)),
    ]


def _own_cells(flag: dict[str, Any]) -> list[Any]:
    """The cells of a flag before its evidence: its supplier, where it sits, its scores."""
    return [
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
    ]


_LAST_CELLS = ["", "", "open"]  # owner, due date, status: for the user to fill in


def flag_row(flag: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    """One register row for a flag, every text cell neutralised against formula injection."""
    return csv_cells([*_own_cells(flag), *_shared_cells(flag, document), *_LAST_CELLS])


def csv_chunks(document: dict[str, Any], rows_per_chunk: int = 2000) -> Iterator[str]:
    """The register as CSV text in pieces: header plus one row per flag (as flag_row gives
    it), CRLF line endings, no BOM. A large register (10^5 suppliers: 243,000 rows, 430 MB)
    is never held whole.

    The evidence, sources and measures cells, most of each row, are the same for every flag
    with the same basis: they are written as CSV once per basis and joined to each row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    piece = io.StringIO(newline="")
    cells = csv.writer(piece, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")

    def tail_of(flag: dict[str, Any]) -> str:
        """The rest of a row after its own cells, as CSV."""
        piece.seek(0)
        piece.truncate()
        cells.writerow(csv_cells([*_shared_cells(flag, document), *_LAST_CELLS]))
        return piece.getvalue()

    tails = PerBasis(tail_of)
    for count, flag in enumerate(register(document), 1):
        tail = tails(flag)
        writer.writerow(csv_cells(_own_cells(flag)))
        buffer.seek(buffer.tell() - 2)  # the row goes on with its tail, after a comma
        buffer.write(",")
        buffer.write(tail)
        if count % rows_per_chunk == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def render_csv(document: dict[str, Any]) -> str:
    """The register as CSV text: header plus one row per flag, CRLF line endings, no BOM."""
    return "".join(csv_chunks(document))


class CsvReporter(Reporter):
    suffix = ".csv"
    name = "csv"

    def write(self, document: dict[str, Any], path: Path) -> None:
        with atomic_open(path) as handle:
            # the BOM makes Excel read the file as UTF-8 (accents in supplier names survive)
            handle.write("\ufeff".encode())
            for chunk in csv_chunks(document):
                handle.write(chunk.encode())
