"""The risk register as CSV (one row per flag) for spreadsheets; formula injection neutralised."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ddtool.atomic import atomic_open
from ddtool.deferred import Deferred, ahead
from ddtool.document import (
    PerBasis,
    flag_evidence,
    flag_expander,
    flag_measures,
    said_not_shown,
)
from ddtool.reporters.interface import Reporter
from ddtool.reporters.json_report import copy_file
from ddtool.reporters.markdown_report import distinct_sources
from ddtool.reporters.safe_text import csv_cells
from ddtool.reporters.shown import (
    evidence_text,
    flag_country,
    flag_gaps_text,
    level_shown,
    measure_text,
    sector_text,
    supplier_regions,
)

COLUMNS = (
    "flag_id",
    "supplier_id",
    "supplier_name",
    "inferred",
    "tiers",
    "path",
    "country",
    "region",
    "sector",
    "risk_type",
    "level",
    "likelihood",
    "severity",
    "priority",
    "reason",
    # the gaps in what is known of the flag's supplier (its own score's, and tiers not mapped)
    "data_gaps",
    "evidence",
    "sources",
    "measures",
    "owner",
    "due_date",
    "status",
    # how many more measures fit the flag than `measures` lists (six at most per flag)
    "measures_not_shown",
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
        " | ".join(map(measure_text, flag_measures(document, flag))),
    ]


def _own_cells(flag: dict[str, Any], regions: dict[str, str]) -> list[Any]:
    """The cells of a flag before its evidence: its supplier, where it sits, its scores (a
    low level on missing data reads "low (data gap)", as in the other reports)."""
    return [
        flag.get("id", ""),
        flag.get("supplier_id", ""),
        flag.get("supplier_name") or "",
        "yes" if flag.get("inferred") else "no",
        ", ".join(str(t) for t in flag.get("tiers", [])),
        " > ".join(str(p) for p in flag.get("path", [])),
        flag_country(flag),
        regions.get(str(flag.get("supplier_id")), ""),
        sector_text(flag.get("sector"), flag.get("sector_as_written")),
        flag.get("risk_type", ""),
        level_shown(flag, flag.get("level", "")),
        _number(flag.get("likelihood")),
        _number(flag.get("severity")),
        _number(flag.get("priority")),
        flag.get("reason") or "",
        flag_gaps_text(flag),
    ]


_LAST_CELLS = ["", "", "open"]  # owner, due date, status: for the user to fill in


def _not_shown_cell(flag: dict[str, Any]) -> int | str:
    """How many more measures fit the flag; empty where the document does not say (saved
    before schema 2.2): 0 would claim that none is left out."""
    count = said_not_shown(flag)
    return "" if count is None else count


def flag_row(flag: dict[str, Any], document: dict[str, Any]) -> list[Any]:
    """One register row for a flag, every text cell neutralised against formula injection
    (for a few rows: each call looks up the supplier regions anew, row_chunks once)."""
    regions = supplier_regions(document.get("suppliers", []))
    return csv_cells(
        [
            *_own_cells(flag, regions),
            *_shared_cells(flag, document),
            *_LAST_CELLS,
            _not_shown_cell(flag),
        ]
    )


def csv_chunks(document: dict[str, Any], rows_per_chunk: int = 2000) -> Iterator[str]:
    """The register as CSV text in pieces: header plus one row per flag (as flag_row gives
    it), CRLF line endings, no BOM. A large register (10^5 suppliers: 243,000 rows, 430 MB)
    is never held whole."""
    rows = row_chunks(document, document.get("flags", []), rows_per_chunk)
    yield _HEADER + next(rows)  # (there is always a last piece, empty without flags)
    yield from rows


def _header() -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(COLUMNS)
    return buffer.getvalue()


_HEADER = _header()


def row_chunks(
    document: dict[str, Any], flags: list[dict[str, Any]], rows_per_chunk: int = 2000
) -> Iterator[str]:
    """The rows of these flags of the document, in pieces.

    The evidence, sources and measures cells, most of each row, are the same for every flag
    with the same basis: they are written as CSV once per basis and joined to each row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    piece = io.StringIO(newline="")
    cells = csv.writer(piece, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")

    def tail_of(flag: dict[str, Any]) -> str:
        """The rest of a row after its own cells, as CSV."""
        piece.seek(0)
        piece.truncate()
        cells.writerow(
            csv_cells([*_shared_cells(flag, document), *_LAST_CELLS, _not_shown_cell(flag)])
        )
        return piece.getvalue()

    tails = PerBasis(tail_of)
    regions = supplier_regions(document.get("suppliers", []))
    for count, flag in enumerate(map(flag_expander(document), flags), 1):
        tail = tails(flag)
        writer.writerow(csv_cells(_own_cells(flag, regions)))
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


# From this many flags, the second half of the rows is written by a forked process on the
# second core while this one writes the first (where forking is available; see
# ddtool.deferred): on 10^5 suppliers (243,000 rows), making the rows takes about 7 s
AHEAD_FROM = 20_000


def _encoded(document: dict[str, Any]) -> Callable[[list[dict[str, Any]]], Iterator[bytes]]:
    def rows(flags: list[dict[str, Any]]) -> Iterator[bytes]:
        return (chunk.encode() for chunk in row_chunks(document, flags))

    return rows


class CsvReporter(Reporter):
    suffix = ".csv"
    name = "csv"

    def write(self, document: dict[str, Any], path: Path) -> None:
        flags: list[dict[str, Any]] = document.get("flags", [])
        rows = _encoded(document)
        # (only while this is the only thread: a fork copies no other, and the locks they
        # hold stay held in the copy; a Dask worker, for one, runs tasks in threads)
        alone = threading.active_count() == 1
        cut = len(flags) // 2 if len(flags) >= AHEAD_FROM and alone else len(flags)
        later = Deferred(lambda: flags[cut:])
        ahead([(later, rows)] if cut < len(flags) else [])
        try:
            with atomic_open(path) as handle:
                # the BOM makes Excel read the file as UTF-8 (accents in supplier names survive)
                handle.write("\ufeff".encode() + _HEADER.encode())
                for chunk in rows(flags[:cut]):
                    handle.write(chunk)
                spill = later.spilled()
                if spill is None:  # not forked, or the forked process failed: written here
                    for chunk in rows(later.value()):
                        handle.write(chunk)
                else:
                    with spill:
                        copy_file(spill, handle)
        finally:
            later.close()  # (stops the forked process if this one stopped first)
