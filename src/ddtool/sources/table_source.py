"""Table readers: Excel (.xlsx/.xlsm/.xls/.ods via calamine) and CSV, one row per supplier."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ddtool.errors import Location, ProblemList
from ddtool.sources.columns import FIELDS, hint_header, match_header
from ddtool.sources.interface import ChainReader, RawChain, RawRecord, ReadOptions

HEADER_SCAN_ROWS = 30
_SUPPLIER_SHEET = re.compile(r"supplier|vendor|partner|facilit|factor|chain|tier", re.I)
_COMPANY_SHEET = re.compile(r"^(company|our company|buyer|about)$", re.I)


def column_letter(index: int) -> str:
    """0-based column index to a spreadsheet letter (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def find_header(
    rows: Sequence[Sequence[Any]], column_map: dict[str, str]
) -> tuple[int, dict[int, str]] | None:
    """Find the header row among the first rows: the one naming most known fields."""
    best: tuple[int, dict[int, str]] | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        for col, cell in enumerate(row):
            if isinstance(cell, str) and cell.strip():
                target = match_header(cell, column_map)
                if target is not None and target not in mapping.values():
                    mapping[col] = target
        named = "id" in mapping.values() or "name" in mapping.values()
        if named and len(mapping) >= 2 and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def records_from_rows(
    path: str,
    sheet: str | None,
    rows: Sequence[Sequence[Any]],
    options: ReadOptions,
    problems: ProblemList,
    row_numbers: Sequence[int] | None = None,
    errors: Sequence[tuple[int, int, str]] = (),
) -> list[RawRecord]:
    """Turn table rows (header somewhere near the top) into raw records."""
    found = find_header(rows, options.column_map)
    if found is None:
        problems.error(
            "no-header",
            "no header row found in the first "
            f"{HEADER_SCAN_ROWS} rows: expected columns such as 'Supplier ID', 'Supplier name',"
            " 'Country', 'Sector', 'Buyer ID' (use --map 'Header=field' for others)",
            Location(path, sheet=sheet),
        )
        return []
    header_index, mapping = found
    header = rows[header_index]
    duplicates: dict[str, list[str]] = {}
    for col, cell in enumerate(header):
        if isinstance(cell, str) and col not in mapping:
            target = match_header(cell, options.column_map)
            if target is not None and target in mapping.values():
                first = next(c for c, f in mapping.items() if f == target)
                duplicates[target] = [
                    f"'{header[first]}' ({column_letter(first)})",
                    f"'{cell}' ({column_letter(col)})",
                ]
    labels: dict[int, str] = {}
    seen_labels: dict[str, int] = {}
    for col, cell in enumerate(header):
        label = str(cell).strip() if not _blank(cell) else column_letter(col)
        mapped_twice = isinstance(cell, str) and match_header(cell, options.column_map) is not None
        if label in seen_labels and col not in mapping and not mapped_twice:
            problems.warning(
                "duplicate-header",
                f"header '{label}' appears twice (columns {column_letter(seen_labels[label])}"
                f" and {column_letter(col)}); the second is kept as"
                f" '{label} ({column_letter(col)})'",
                Location(path, sheet=sheet, row=_row_no(header_index, row_numbers), column=label),
            )
            label = f"{label} ({column_letter(col)})"
        seen_labels.setdefault(label, col)
        labels[col] = label
    field_cols = {field: col for col, field in mapping.items()}
    field_pairs = tuple(field_cols.items())
    extra_cols = [c for c in labels if c not in mapping]
    columns = {field: labels[col] for field, col in field_cols.items()}
    for row_index, col, text in errors:
        if row_index > header_index:
            problems.error(
                "error-value",
                f"the cell holds the spreadsheet error {text} (a broken formula in the source"
                " workbook); fix it there",
                Location(
                    path,
                    sheet=sheet,
                    row=_row_no(row_index, row_numbers),
                    column=labels.get(col, column_letter(col)),
                ),
            )
    for col, label in labels.items():
        target = hint_header(label) if col not in mapping else None
        if target is not None and target not in mapping.values():
            problems.warning(
                "unmapped-column",
                f"column '{label}' looks like the {target} column but matches no known name;"
                " it is kept as an attribute",
                Location(path, sheet=sheet, row=_row_no(header_index, row_numbers), column=label),
                suggestion=f"--map '{label}={target}'",
            )
    for fld, cols in duplicates.items():
        problems.error(
            "duplicate-column",
            f"columns {' and '.join(cols)} both hold '{fld}'; keep one, or name the other"
            " with --map",
            Location(path, sheet=sheet, row=_row_no(header_index, row_numbers), column=cols[1]),
        )
    records: list[RawRecord] = []
    width = len(header)
    for index in range(header_index + 1, len(rows)):
        row = rows[index]
        # cells arrive cleaned (blank -> None), so a blank row is all None
        if not any(v is not None for v in row):
            continue
        size = len(row)
        loc = Location(path, sheet=sheet, row=_row_no(index, row_numbers))
        if size > width and any(v is not None for v in row[width:]):
            problems.error(
                "extra-cells",
                f"{size} cells but the header has {width}: values beyond column"
                f" {column_letter(width - 1)} belong to no column (a shifted row?)",
                loc,
            )
        fields = {f: row[c] for f, c in field_pairs if c < size and row[c] is not None}
        extras = (
            {labels[c]: row[c] for c in extra_cols if c < size and row[c] is not None}
            if extra_cols
            else {}
        )
        records.append(RawRecord(fields, loc, columns, extras))
    return records


def _row_no(index: int, row_numbers: Sequence[int] | None) -> int:
    return row_numbers[index] if row_numbers is not None else index + 1


def _company_from_sheet(rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    """Read a two-column Field/Value sheet naming the company."""
    company: dict[str, Any] = {}
    for row in rows:
        cells = [c for c in row if not _blank(c)]
        if len(cells) >= 2 and isinstance(cells[0], str):
            key = cells[0].strip().casefold()
            if key in ("name", "company", "company name"):
                company["name"] = cells[1]
            elif key in ("country", "country of incorporation", "headquarters"):
                company["country"] = cells[1]
            elif key in ("sector", "industry"):
                company["sector"] = cells[1]
            elif key == "id":
                company["id"] = cells[1]
    return company


class ExcelReader(ChainReader):
    """Reads workbooks with python-calamine (fast, no formula evaluation, no macros)."""

    suffixes = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        from python_calamine import CalamineWorkbook

        problems = ProblemList()
        chain = RawChain(str(path), [], problems)
        where = Location(str(path))
        try:
            with path.open("rb") as handle:
                magic = handle.read(8)
        except OSError as e:
            problems.error("unreadable-file", f"cannot open: {e.strerror}", where)
            return chain
        if not magic:
            problems.error("empty-file", "the file is empty", where)
            return chain
        zipped = path.suffix.lower() in (".xlsx", ".xlsm", ".ods", ".xlsb")
        if zipped and magic.startswith(b"\xd0\xcf\x11\xe0"):
            problems.error(
                "encrypted-workbook",
                "the workbook is password-protected or encrypted; remove the password"
                " (File > Info > Protect Workbook) and save it again, or export CSV",
                where,
            )
            return chain
        if zipped and not magic.startswith(b"PK"):
            problems.error(
                "not-a-workbook",
                f"not a valid {path.suffix} workbook (the content is text or another format);"
                " save it again from your spreadsheet program or export CSV",
                where,
            )
            return chain
        formulas = False
        if zipped:
            inspected = _inspect_package(path, options, problems, where)
            if inspected is None:
                return chain
            formulas = inspected
        try:
            workbook = CalamineWorkbook.from_path(str(path))
            names = list(workbook.sheet_names)
        except Exception as e:  # calamine raises its own error types for broken files
            problems.error("not-a-workbook", f"cannot read the workbook: {e}", where)
            return chain
        if not names:
            problems.error("empty-file", "the workbook has no sheets", where)
            return chain
        sheet = self._choose_sheet(names, options, problems, where)
        if sheet is None:
            return chain
        try:
            rows = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
        except Exception as e:
            problems.error("not-a-workbook", f"cannot read sheet '{sheet}': {e}", where)
            return chain
        if len(rows) > options.max_rows:
            problems.error(
                "too-many-rows",
                f"{len(rows):,} rows, more than the limit of {options.max_rows:,}"
                " (raise it with --max-rows)",
                Location(str(path), sheet=sheet),
            )
            return chain
        errors: list[tuple[int, int, str]] = []
        rows = [
            [
                v if (type(v) is not str) or _plain(v) else _cell(v, r, c, errors)
                for c, v in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
        if formulas:
            problems.warning(
                "formulas",
                "the sheet has formulas: their last saved results are read; a formula never"
                " saved by a spreadsheet program has no result and reads as blank",
                Location(str(path), sheet=sheet),
            )
        chain.records = records_from_rows(str(path), sheet, rows, options, problems, errors=errors)
        for name in names:
            if name != sheet and _COMPANY_SHEET.match(name.strip()):
                try:
                    company_rows = workbook.get_sheet_by_name(name).to_python()
                except Exception:
                    continue
                chain.company = _company_from_sheet(company_rows)
                chain.company_location = Location(str(path), sheet=name)
        return chain

    @staticmethod
    def _choose_sheet(
        names: list[str], options: ReadOptions, problems: ProblemList, where: Location
    ) -> str | None:
        if options.sheet is not None:
            if options.sheet in names:
                return options.sheet
            from rapidfuzz import process

            best = process.extractOne(options.sheet, names)
            problems.error(
                "unknown-sheet",
                f"no sheet named '{options.sheet}' (sheets: {', '.join(names)})",
                where,
                suggestion=f"'{best[0]}'" if best else None,
            )
            return None
        for name in names:
            if _SUPPLIER_SHEET.search(name) and not _COMPANY_SHEET.match(name.strip()):
                return name
        return names[0]


def _plain(text: str) -> bool:
    """A string cell that needs no cleaning (most cells): not blank, trimmed, no error code."""
    return bool(text) and text[0] not in " #\t\n" and text[-1] not in " \t\n"


ERROR_VALUES = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"}
)


def _cell(value: str, row: int, col: int, errors: list[tuple[int, int, str]]) -> Any:
    """Trim text; blanks become None; spreadsheet error values are recorded as problems."""
    stripped = value.strip()
    if stripped.upper() in ERROR_VALUES:
        errors.append((row, col, stripped))
        return None
    return stripped if stripped else None


def _inspect_package(
    path: Path, options: ReadOptions, problems: ProblemList, where: Location
) -> bool | None:
    """Check a zipped workbook before parsing it: size once unpacked, entity declarations.

    Returns whether its sheets hold formulas, or None when it must not be read.
    """
    import zipfile

    limit = options.max_inflate_mb * 1_048_576
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            total = sum(info.file_size for info in infos)
            if total > limit:
                problems.error(
                    "zip-bomb",
                    f"the workbook unpacks to {total / 1_048_576:,.0f} MB, more than the limit of"
                    f" {options.max_inflate_mb:,} MB: refused (raise it with --max-inflate-mb)",
                    where,
                )
                return None
            formulas = errors = False
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                with package.open(info) as member:
                    head = member.read(4096)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    problems.error(
                        "xml-entities",
                        f"part {info.filename} declares XML entities (a document type);"
                        " refused: workbooks saved by spreadsheet programs never do",
                        where,
                    )
                    return None
                if info.filename.startswith("xl/worksheets/") and not (formulas and errors):
                    with package.open(info) as member:
                        while chunk := member.read(1 << 20):
                            formulas = formulas or b"<f>" in chunk or b"<f " in chunk
                            errors = errors or b't="e"' in chunk
                            if formulas and errors:
                                break
            if errors:
                problems.warning(
                    "error-values",
                    "some cells hold spreadsheet errors (#N/A, #REF! …) saved by the source"
                    " workbook; they read as blank (a data gap)",
                    where,
                )
            return formulas
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
        problems.error("not-a-workbook", f"the workbook's package is broken: {e}", where)
        return None


class CsvReader(ChainReader):
    """Reads CSV: comma or semicolon, UTF-8 with or without BOM, cp1252 as fallback."""

    suffixes = (".csv", ".tsv", ".txt")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        problems = ProblemList()
        chain = RawChain(str(path), [], problems)
        where = Location(str(path))
        try:
            raw = path.read_bytes()
        except OSError as e:
            problems.error("unreadable-file", f"cannot open: {e.strerror}", where)
            return chain
        if not raw.strip():
            problems.error("empty-file", "the file is empty", where)
            return chain
        if b"\x00" in raw[:4096]:
            problems.error(
                "not-text",
                "binary content, not a CSV text file (is it a workbook saved as .csv?)",
                where,
            )
            return chain
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
            problems.warning("encoding-fallback", "not UTF-8; read as Windows-1252 (cp1252)", where)
        sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
        delimiter = max((";", ",", "\t", "|"), key=sample.count)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows: list[list[Any]] = []
        try:
            for row in reader:
                rows.append([_csv_cell(v, delimiter) for v in row])
                if len(rows) > options.max_rows:
                    problems.error(
                        "too-many-rows",
                        f"more than the limit of {options.max_rows:,} rows"
                        " (raise it with --max-rows)",
                        where,
                    )
                    return chain
        except csv.Error as e:
            problems.error(
                "csv-syntax", f"invalid CSV: {e}", Location(str(path), row=len(rows) + 1)
            )
            return chain
        chain.records = records_from_rows(str(path), None, rows, options, problems)
        return chain


def _csv_cell(value: str, delimiter: str) -> Any:
    stripped = value.strip()
    if not stripped:
        return None
    # European decimal comma ("12,5"); three digits after the comma read as thousands
    if delimiter == ";" and "," in stripped and re.fullmatch(r"-?\d+,(\d{1,2}|\d{4,})", stripped):
        return stripped.replace(",", ".")
    return stripped


__all__ = ["FIELDS", "CsvReader", "ExcelReader", "column_letter", "records_from_rows"]
