"""Table readers: Excel (.xlsx/.xlsm/.xls/.ods via calamine) and CSV, one row per supplier."""

from __future__ import annotations

import bisect
import codecs
import csv
import datetime as dt
import html
import io
import lzma
import posixpath
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress, islice, pairwise, repeat
from operator import is_
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ddtool.errors import Location, ProblemList
from ddtool.sources.columns import (
    ADDRESS,
    FIELDS,
    SLIPS_READ,
    by_its_parts,
    expiry_header,
    header_key,
    header_lookup,
    header_words,
    hint_header,
    mapped_by_user,
    match_header,
    near_header,
    region_rank,
    role_only,
    sector_header_rank,
    slipped_header,
    values_fit,
)
from ddtool.sources.interface import (
    TEMPLATE_LISTS_MARK,
    TEMPLATE_LISTS_SHEET,
    ChainReader,
    RawChain,
    RawTable,
    ReadOptions,
    bom_encoding,
    file_signature,
    size_over,
    zeros_encoding,
)
from ddtool.sources.values import (
    ValueProblem,
    as_id,
    as_text,
    cell_text,
    expiry_problem,
    fraction_column,
    is_placeholder,
    number_readings,
    parse_date,
    parse_expiry,
    parse_number,
    split_list,
)

if TYPE_CHECKING:
    from python_calamine import CalamineWorkbook

HEADER_SCAN_ROWS = 30
_SUPPLIER_SHEET = re.compile(
    r"supplier|vendor|partner|facilit|factor|chain|tier|lieferant|fournisseur|proveedor"
    r"|fornitor|fornecedor|leverancier",
    re.I,
)
# sheets that explain or feed the list, not the list: a legend, instructions, an example,
# the lists a dropdown reads from ("Legenda" with one example row before "Fornitori")
_NOT_LIST_SHEET = re.compile(
    r"^(?:legend|legenda|l[ée]gende|leyenda|key|instructions?|anleitung|hinweise|istruzioni"
    r"|mode d'emploi|instrucciones|read ?me|help|hilfe|aiuto|aide|ayuda|notes?|notizen"
    r"|example|examples|esempio|esempi|beispiel|exemple|ejemplo|template|vorlage|modello"
    r"|mod[èe]le|plantilla|lists?|listen|dropdowns?|lookups?|codes|settings|cover|deckblatt)"
    r"(?:\s*(?:\d+|sheet|tab|page|first|\(.*\)))?$"
    # an example's or instructions' sheet, whatever follows ("Esempio compilazione",
    # "Sample entry", "Instruções de preenchimento")
    r"|^(?:sample|samples|example|esempio|beispiel|exemple|ejemplo|exemplo|voorbeeld|muster"
    r"|instructions?|istruzioni|instrucciones|instru[çc][õo]es|instructies|anleitung)\b",
    re.I,
)


# a sheet named by its tier's number: "Tier 2", "Tier-2 suppliers", "T2", "2nd tier",
# "Lieferanten Stufe 2", "Fournisseurs rang 2", "Proveedores nivel 2", "Fornitori livello 2"
_TIER_SHEET_WORDS = r"(?:tier|level|stufe|ebene|rang|niveau|nivel|n[íi]vel|livello|laag|kiwango)"
_TIER_SHEET = re.compile(
    rf"(?:^|[^a-z]){_TIER_SHEET_WORDS}\s*[-_.#]?\s*(\d{{1,2}}|i{{1,3}}|iv|v)(?![\da-z])"
    rf"|(?:^|[^a-z0-9])(\d{{1,2}})(?:st|nd|rd|th|e|[èe]me|er|\.)?\s*[-_]?\s*{_TIER_SHEET_WORDS}"
    r"(?![a-z])"
    r"|^\s*t(\d{1,2})\s*$",
    re.I,
)
_TIER_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
# a sheet of two tiers or more ("Tier 1 & 2", "Tiers 2-3", "Tier 1/2"): no one tier's
_TIERS_JOINED = re.compile(r"(?i)\d\s*(?:&|/|-|–|\+|,|and|und|et|y|e)\s*\d")


def sheet_tier(name: str) -> int | None:
    """The tier a sheet's name gives ("Tier 2 suppliers", "Level II", "2. Stufe": 2), None
    where it names none."""
    found = _TIER_SHEET.search(name)
    if found is None or _TIERS_JOINED.search(name):
        return None
    number = next(group for group in found.groups() if group is not None)
    return int(number) if number.isdigit() else _TIER_ROMAN[number.lower()]


# what a header on a sheet named by a tier may add to the tier above's name when it names the
# supplier of that tier each row supplies ("Tier 2 supplier ID" on "Tier 3"): a buyer's id
_TIER_BUYER_WORDS = frozenset(
    {
        *(
            f"{who} {key}".strip()
            for who in ("", "supplier", "suppliers", "vendor", "buyer", "customer")
            for key in ("", "id", "ids", "no", "nr", "number", "code", "ref", "reference")
        ),
        *("lieferant", "lieferanten", "lieferant nr", "lieferanten nr", "lieferantennummer"),
        *("fournisseur", "fournisseurs", "id fournisseur", "code fournisseur"),
        *("proveedor", "proveedores", "id proveedor", "codigo proveedor"),
        *("fornecedor", "fornecedores", "id fornecedor", "codigo fornecedor"),
        *("fornitore", "fornitori", "id fornitore", "codice fornitore"),
        *("leverancier", "leveranciers", "leveranciernummer"),
    }
    - {""}
)


def tier_supplier_header(label: str) -> int | None:
    """The tier whose supplier a header names by id ("Tier 2 supplier ID", "Tier-2 vendor
    no", "Lieferant Stufe 2": 2), None for any other header ("Tier 2 audit date", "Tier 2
    supplier name": a buyer is named by its id)."""
    found = _TIER_SHEET.search(label)
    if found is None or _TIERS_JOINED.search(label):
        return None
    rest = header_words(label[: found.start()] + " " + label[found.end() :])
    if rest not in _TIER_BUYER_WORDS:
        return None
    return sheet_tier(label)


def _tier_sheets(read: str, others: dict[str, set[str]], hidden: set[str]) -> list[str]:
    """The other sheets read with the one read as a workbook's sheets per tier: where the
    sheet read is named by a tier ("Tier 1"), each other visible sheet with a supplier header
    (`others`: the fields each names) and an id column that is named by a tier of its own
    ("Tier 2", "Tier 3"). A sheet named
    as another's tier ("Tier 2" beside "Tier 2 (old)"), a hidden one and any other supplier
    sheet ("Audits", "Suppliers 2025") are not read, and a warning names them."""
    if sheet_tier(read) is None or read in hidden:
        return []
    named = [
        (name, tier)
        for name in others
        if name not in hidden and (tier := sheet_tier(name)) is not None
    ]
    counted = Counter([sheet_tier(read), *(tier for _, tier in named)])
    readable = {tier: name for name, tier in named if counted[tier] == 1 and "id" in others[name]}
    # (the tiers next to one another from the sheet read's, up and down: a sheet beyond a
    # tier not read would hold suppliers whose buyers are not read either)
    first = sheet_tier(read) or 0
    together = []
    for step in (1, -1):
        tier = first + step
        while tier in readable:
            together.append(readable[tier])
            tier += step
    return [name for name, _ in named if name in together]


def _not_list_sheet(name: str) -> bool:
    """Whether a sheet's name says it explains or feeds the list (_NOT_LIST_SHEET), and not
    that it holds suppliers ("Key suppliers", "List of suppliers" do)."""
    text = name.strip()
    return bool(_NOT_LIST_SHEET.match(text)) and not _SUPPLIER_SHEET.search(text)


_COMPANY_SHEET = re.compile(
    r"^(company|our company|buyer|about|unternehmen|firma|entreprise|soci[eé]t[eé]|empresa"
    r"|bedrijf|ons bedrijf|onderneming|kampuni)$",
    re.I,
)


def column_letter(index: int) -> str:
    """0-based column index to a spreadsheet letter (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(letters: str) -> int:
    """A spreadsheet column's letters to its 0-based index (A -> 0, AB -> 27)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_rows(
    rows: Sequence[Sequence[Any]], column_map: dict[str, str]
) -> list[tuple[int, dict[int, str]]]:
    """The rows among the first that could head the table, each with the fields it names by
    column: two known fields or more, the id or the name among them."""
    found: list[tuple[int, dict[int, str]]] = []
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        for col, cell in enumerate(row):
            if isinstance(cell, str) and cell.strip():
                target = match_header(cell, column_map)
                if target is not None and target not in mapping.values():
                    mapping[col] = target
        named = "id" in mapping.values() or "name" in mapping.values()
        if named and len(mapping) >= 2:
            found.append((index, mapping))
    return found


def _filled(row: Sequence[Any]) -> int:
    """How many cells of a row are filled."""
    return sum(not _blank(v) for v in row)


def _has_rows(rows: Sequence[Sequence[Any]]) -> bool:
    """Whether these rows (those under a header row) hold a table's rows: one with two filled
    cells or more (a title or a note fills one)."""
    return any(_filled(row) >= 2 for row in rows)


def _chosen_header(
    rows: Sequence[Sequence[Any]], candidates: list[tuple[int, dict[int, str]]]
) -> tuple[int, dict[int, str]] | None:
    """The header among the rows that could be one: the row naming most known fields (the
    first on a tie), unless an earlier one heads a table of suppliers (_heads_table: two
    tables on one sheet): then the first such, so that no table above the header is taken
    for title rows (the header below it is told by table_from_rows). Lines of a label and
    its value above the table ('Company name, Acme GmbH, Country, Germany', 'Date,
    2026-01-10') head none."""
    if not candidates:
        return None
    best = max(candidates, key=lambda found: len(found[1]))  # (the first of the most)
    for (index, mapping), (following, _) in pairwise(candidates):
        if index >= best[0]:
            break
        if _heads_table(rows[index], mapping, rows[index + 1 : following]):
            return index, mapping
    return best


MIN_TABLE_ROWS = 2  # under an earlier header for it to head a first table (_heads_table)
MAX_LABEL_ROWS = 10  # of a block of labels and values above a table (_labels_and_values)


def _heads_table(
    header: Sequence[Any], mapping: dict[int, str], rows: Sequence[Sequence[Any]]
) -> bool:
    """Whether a header row above another one heads a table of suppliers of its own: it
    has an id column, and two rows under it or more (rows of two filled cells or more: one
    row of values is a block of details, "Vendor no. | Company | Country" over one
    supplier's) of which one gives an id, and it is no block of labels and values
    (_labels_and_values)."""
    id_col = next((col for col, field in mapping.items() if field == "id"), None)
    if id_col is None or sum(_filled(row) >= 2 for row in rows) < MIN_TABLE_ROWS:
        return False
    if all(id_col >= len(row) or _blank(row[id_col]) for row in rows):
        return False
    return not _labels_and_values(header, mapping, rows)


def _labels_and_values(
    header: Sequence[Any], mapping: dict[int, str], rows: Sequence[Sequence[Any]]
) -> bool:
    """Whether a row that names fields, and the rows under it, are lines of a label and its
    value, as a form gives a supplier's or the company's details ('Supplier ID, SUP-1,
    Country, Bangladesh' above 'Address, Plot 12, Contact, J. Rahman'): each field the row
    names is followed by a value that names none, and nothing else is filled; the rows
    under it are few, and give text without a digit where the row gives its labels (a
    supplier's row gives an id there)."""
    filled = [col for col, cell in enumerate(header) if not _blank(cell)]
    labels = [col for col in filled if col in mapping]
    values = [col + 1 for col in labels]
    if not labels or sorted(labels + values) != filled or any(v in mapping for v in values):
        return False
    lines = [row for row in rows if _filled(row) > 0]
    if len(lines) >= MAX_LABEL_ROWS:
        return False
    return all(
        col >= len(row)
        or _blank(row[col])
        or (isinstance(row[col], str) and not any(map(str.isdigit, row[col])))
        for row in lines
        for col in labels
    )


def find_header(
    rows: Sequence[Sequence[Any]], column_map: dict[str, str]
) -> tuple[int, dict[int, str]] | None:
    """Find the header row among the first rows: the one naming most known fields, or the
    first with rows under it where the sheet holds two tables (_chosen_header)."""
    return _chosen_header(rows, _header_rows(rows, column_map))


# A reader's cleaning of cells: given a column (or a cell), the distinct texts in it that need
# cleaning (most need none), each with the value kept (None for a blank) and, for a spreadsheet
# error value such as #N/A, the error as shown (reported as a problem)
Cleaner = Callable[[Sequence[Any]], dict[str, tuple[Any, str | None]]]


def table_from_rows(
    path: str,
    sheet: str | None,
    rows: Sequence[Sequence[Any]],
    options: ReadOptions,
    problems: ProblemList,
    clean: Cleaner | None = None,
    merged_header: dict[int, list[int]] | None = None,
    company_ids: AbstractSet[str] = frozenset({"company"}),
) -> RawTable | None:
    """Turn table rows (header somewhere near the top) into a table, column by column.

    Without `clean` the cells arrive cleaned (blank -> None); with it, text cells are cleaned
    here, once per distinct text of a column, and the error values it finds are reported.
    `merged_header`: the header cells of a workbook merged across columns, each one's first
    column with the others under it (_merged_header): their values are its field's.
    `company_ids`: the ids a buyer link can name besides the table's (the company's id, and
    its name where a Company sheet gives one), for the hint of a buyers column.
    """
    head: Sequence[Sequence[Any]] = rows[:HEADER_SCAN_ROWS]
    if clean is not None:
        head = [[_clean_cell(v, clean) for v in row] for row in head]
    candidates = _header_rows(head, options.column_map)
    found = _chosen_header(head, candidates)
    if found is None:
        problems.error(
            "no-header",
            "no header row found in the first "
            f"{HEADER_SCAN_ROWS} rows: expected columns such as 'Supplier ID', 'Supplier name',"
            f" 'Country', 'Sector', 'Buyer ID' (for others use {options.map_hint()})",
            Location(path, sheet=sheet),
        )
        return None
    header_index, mapping = found
    header = head[header_index]
    where = Location(path, sheet=sheet, row=header_index + 1)
    _unused_maps(header, options, problems, where)
    duplicates, regions = _resolve_doubles(header, mapping, options, problems, where)
    labels: dict[int, str] = {}
    seen_labels: dict[str, int] = {}
    for col, cell in enumerate(header):
        label = _column_label(header, col)
        mapped_twice = isinstance(cell, str) and match_header(cell, options.column_map) is not None
        if label in seen_labels and col not in mapping and not mapped_twice:
            problems.warning(
                "duplicate-header",
                f"header '{label}' appears twice (columns {column_letter(seen_labels[label])}"
                f" and {column_letter(col)}); the second is kept as"
                f" '{label} ({column_letter(col)})'",
                Location(path, sheet=sheet, row=header_index + 1, column=label),
            )
            label = f"{label} ({column_letter(col)})"
        seen_labels.setdefault(label, col)
        labels[col] = label
    start = header_index + 1
    body = rows[start:]
    width = len(header)
    found_errors: list[tuple[int, int, str]] = []
    columns = _columns(body, width)
    if clean is not None:
        columns = [
            _clean_column(column, clean, col, start, found_errors)
            for col, column in enumerate(columns)
        ]
    # cells beyond the header's width, for the rows that have some (a shifted row?)
    tails: dict[int, list[Any]] = {}
    if max(map(len, body), default=0) > width:
        for index, row in enumerate(body):
            if len(row) > width:
                tail = list(row[width:])
                if clean is not None:
                    tail = [
                        _clean_cell(v, clean, (start + index, width + k), found_errors)
                        for k, v in enumerate(tail)
                    ]
                tails[index] = tail
    second_tables = _second_headers(head, candidates, header_index, sheet, options.in_batch)
    if second_tables:
        # (the rows are skipped: blank, they are no supplier and hold no column's values)
        editable = [list(column) for column in columns]
        for index, title, message in second_tables:
            for line in (index, title):
                if line is not None:
                    for column in editable:
                        column[line - start] = None
                    tails.pop(line - start, None)
            problems.error("second-table", message, Location(path, sheet=sheet, row=index + 1))
        columns = list(editable)
    # a header slipped from a known one ('Contry', 'Suplier ID') is read as its field when
    # the column's values fit it (before anything is told by what the table holds)
    _read_slips(labels, columns, mapping, company_ids, where, options, problems)
    _read_site_country(labels, columns, mapping)
    field_cols = {field: col for col, field in mapping.items()}
    for row_index, col, text in sorted(found_errors):  # (rows below the header only)
        # in a field ddtool reads, an error; in a column of the user's own, read as blank
        report = problems.error if col in mapping else problems.warning
        report(
            "error-value",
            f"the cell holds the spreadsheet error {text} (a broken formula in the source"
            " workbook); "
            + ("fix it there" if col in mapping else "it reads as blank in this column of yours"),
            Location(
                path, sheet=sheet, row=row_index + 1, column=labels.get(col, column_letter(col))
            ),
        )
    under, own = _join_merged_header(
        columns, _header_groups(header, merged_header), mapping, labels, where, problems
    )
    extra_cols = [
        c
        for c in labels
        if c not in mapping and c not in regions[1:] and (c not in under or c in own)
    ]
    if "certifications" in field_cols:
        _expiry_columns(
            columns, field_cols["certifications"], extra_cols, labels, start, where, problems
        )
    _blank_headers(header, columns, labels, mapping, under, start, where, problems)
    # a header that looks like a field's is named when its values fit the field too
    # ("Customer since" holding years is no buyers column); one of the people a percentage
    # counts whose field another column holds too ("Anteil Wanderarbeiter (%)" beside
    # "Migrant %") as well: a figure of the score kept without a word (a header of a field
    # by name is told as a duplicate)
    hinted = {
        col: target
        for col, label in labels.items()
        if col not in mapping
        and (target := hint_header(label)) is not None
        and (
            target not in mapping.values()
            or (target in _HELD_HINTS and match_header(label, options.column_map) is None)
        )
    }
    ids: AbstractSet[str] = frozenset()
    if "buyers" in hinted.values() and "id" in field_cols:
        # (a column naming the company, "company" in the rows of tier 1, names buyers too)
        ids = _ids(columns[field_cols["id"]]) | company_ids
    for col, target in hinted.items():
        label = labels[col]
        if hint_header(label, columns[col], ids) is None:
            continue
        at = Location(path, sheet=sheet, column=label)  # (its header: no row to name)
        if target in field_cols:
            problems.warning(
                "unmapped-column",
                f"column '{label}' looks like the {target} column too, but column"
                f" '{labels[field_cols[target]]}' is read as it: '{label}' matches no known"
                " name and is kept as one of the file's own columns; map the one to read",
                at,
            )
            continue
        problems.warning(
            "unmapped-column",
            f"column '{label}' looks like the {target} column but matches no known name;"
            " it is kept as one of the file's own columns",
            at,
            suggestion=options.map_hint(label, target),
        )
    _misspelt_headers(
        [c for c in extra_cols if c not in hinted], labels, mapping, where, options, problems
    )
    country_pair = duplicates.pop("country", None)  # (told once the rows are known)
    for fld, (first, second) in duplicates.items():
        _duplicate_error(fld, (first, second), header, labels, where, options, problems)
    # (found before the region columns are read together: a repeat holds their headers)
    repeats = _repeated_headers(header, columns, tails)
    if regions:
        columns[regions[0]] = _joined_regions(columns, regions)
    blank = _blank_rows(columns, tails)
    for index in repeats:
        blank.add(index)
        problems.warning(
            "repeated-header",
            f"the row repeats the header row (row {header_index + 1}): a second table or a"
            " printout's page header pasted below? It is skipped, not read as a supplier",
            Location(path, sheet=sheet, row=start + index + 1),
        )
    extra_set = set(extra_cols)
    numeric = [col in extra_set or mapping.get(col) in _NUMBER_FIELDS for col in range(width)]
    roles = (field_cols.get("id"), field_cols.get("name"))
    lone: dict[int, str] = {}
    places = (field_cols.get("country"), field_cols.get("sector"))
    skipped_rows = _skipped_rows(columns, tails, numeric, blank, roles, lone, places)
    for index, skipped in skipped_rows.items():
        blank.add(index)
        kind, message = _skip_message(skipped, labels)
        problems.warning(kind, message, Location(path, sheet=sheet, row=start + index + 1))
    for index, tail in tails.items():
        if index not in blank and any(v is not None for v in tail):
            problems.error(
                "extra-cells",
                f"{len(body[index])} cells but the header has {width}: values beyond column"
                f" {column_letter(width - 1)} belong to no column (a shifted row?)",
                Location(path, sheet=sheet, row=start + index + 1),
            )
    kept: Sequence[int] = range(len(body))
    if blank:
        kept = [index for index in kept if index not in blank]
        columns = [[column[index] for index in kept] for column in columns]
    numbers = [start + 1 + index for index in kept]
    if lone:
        # (the kept rows' positions, where a blank or skipped row was left out)
        position_of = {index: position for position, index in enumerate(kept)}
        alone = {position_of[i]: text for i, text in lone.items() if i in position_of}
    else:
        alone = {}
    for fld in _PERCENT_FIELDS:
        if fld in field_cols:
            col = field_cols[fld]
            _mixed_percentages(
                fld, columns[col], numbers, Location(path, sheet, None, labels[col]), problems
            )
    for fld in ("id", "buyers"):
        if fld in field_cols:
            col = field_cols[fld]
            _date_ids(
                fld, columns[col], numbers, Location(path, sheet, None, labels[col]), problems
            )
    if country_pair is not None:
        read = _two_country_columns(
            country_pair, header, labels, columns, numbers, where, options, problems
        )
        if read is not None and read not in mapping:
            other = field_cols["country"]
            del mapping[other]
            mapping[read] = "country"
            field_cols["country"] = read
            extra_cols = sorted({*extra_cols, other} - {read})
    rivals = [col for col in extra_cols if col not in under]  # (a merged header's: told)
    _rival_countries(labels, columns, mapping, rivals, numbers, where, options, problems)
    if "certifications" in field_cols:
        _expiry_in_remarks(
            columns[field_cols["certifications"]],
            [(labels[col], columns[col]) for col in extra_cols if not expiry_header(labels[col])],
            numbers,
            Location(path, sheet),
            problems,
        )
    extras = [(labels[col], columns[col]) for col in extra_cols]
    if "sector" in field_cols:
        col = field_cols["sector"]
        if sector_header_rank(labels[col]) and not mapped_by_user(labels[col], options.column_map):
            columns[col], role_values = _without_roles(columns[col])
            if role_values is not None:  # (kept under the column's header, as written)
                extras.append((labels[col], role_values))
    return RawTable(
        path,
        sheet,
        numbers,
        {field: columns[col] for field, col in field_cols.items()},
        {field: labels[col] for field, col in field_cols.items()},
        extras,
        alone,
        [labels[col] for col in sorted({*field_cols.values(), *extra_cols})],
        options.map_hint("Header", "id"),
    )


MAX_HEADER_CELLS_SHOWN = 6  # of a second header row, in its message


def _second_headers(
    head: Sequence[Sequence[Any]],
    candidates: list[tuple[int, dict[int, str]]],
    header_index: int,
    sheet: str | None,
    in_batch: bool = False,
) -> list[tuple[int, int | None, str]]:
    """The header rows of a second table below the table read, among the first rows: each
    row's index, the index of its title row (the nearest filled row above it, when that holds
    one text only), and the message that says so. A header row below the table's rows is
    one, unless it repeats the header (told as `repeated-header`); one right under the header
    is a second line of it, read as before. `in_batch`: a batch, which reads one table of each
    member's file and has no --sheet, gets advice it can follow."""
    start = header_index + 1
    header = head[header_index]
    wanted = [_same_cell(cell) for cell in header]
    found: list[tuple[int, int | None, str]] = []
    for index, _mapping in candidates:
        if index <= header_index or not _has_rows(head[start:index]):
            continue
        row = head[index]
        same = [_same_cell(row[col]) if col < len(row) else None for col in range(len(header))]
        if same == wanted and all(_blank(cell) for cell in row[len(header) :]):
            continue  # the header repeated (told by _repeated_headers)
        above = next((k for k in range(index - 1, header_index, -1) if _filled(head[k])), None)
        title: int | None = None
        if above is not None and _filled(head[above]) == 1:
            text = next(v for v in head[above] if not _blank(v))
            if isinstance(text, str):
                title = above
        cells = [_shown_text(v) for v in head[index] if not _blank(v)]
        shown = ", ".join(cells[:MAX_HEADER_CELLS_SHOWN])
        if len(cells) > MAX_HEADER_CELLS_SHOWN:
            shown += ", …"
        titled = ""
        if title is not None:
            text = _shown_text(next(v for v in head[title] if not _blank(v)))
            titled = f", nor its title in row {title + 1}, {text[:60]!r}"
        holder = "sheet" if sheet is not None else "file"
        apart = (
            "keep the other table out of this member's file (a batch reads one table of each"
            " member's file, and each file is a member of its own)"
            if in_batch
            else "each table on a sheet of its own (choose the sheet with --sheet)"
            if sheet is not None
            else "each table in a file of its own (give the files together: ddtool assess"
            " tier1.csv tier2.csv)"
        )
        found.append(
            (
                index,
                title,
                f"row {index + 1} is a second header row ({shown}) below the table read from"
                f" the header in row {header_index + 1}: the {holder} holds two tables. The"
                f" row is not read as a supplier{titled}; the rows below it are read under the"
                f" columns of row {header_index + 1}, which may not be theirs. Put all"
                f" suppliers in one table under one header row, or {apart}",
            )
        )
    return found


# an end of validity said in words ("expired", "valid until", "gültig bis", "abgelaufen",
# "expiré", "vencido"), or "until" with a date after it
_EXPIRY_SAID = re.compile(
    r"\b(?:expir\w*|valid (?:until|till|thru|through)|gültig bis|gueltig bis|abgelaufen"
    r"|läuft ab|expiré\w*|vencid\w*|caducad\w*|valable jusqu\w*|válid\w* hasta"
    r"|geldig tot|geldig t/m|verlopen|verloopt|vervalt"
    r"|(?:until|till|bis|hasta|jusqu'au) \d)",
    re.IGNORECASE,
)


def _expiry_in_remarks(
    certifications: Sequence[Any],
    others: list[tuple[str, Sequence[Any]]],
    numbers: list[int],
    where: Location,
    problems: ProblemList,
) -> None:
    """An `expiry-in-remarks` warning, once per row, where the row's certification gives no
    expiry (so it is read as current) and a column of the user's own says one in words
    ("RA certificate expired 2025-12-31"): ddtool reads no remarks, and the credit beside
    such a cell would read as overlooking it. Each column is searched whole first (one
    search over its joined text); only the rows of a column that hits are read, each
    distinct text once."""
    from ddtool.sources.normalise import _certification_text  # (rows that hit only)

    hits: dict[int, tuple[str, str]] = {}  # row index: (column, text)
    for label, column in others:
        texts = [v if isinstance(v, str) else "" for v in column]
        if not _EXPIRY_SAID.search("\0".join(texts)):
            continue
        said: dict[str, bool] = {}
        for index, text in enumerate(texts):
            if not text or index in hits:
                continue
            found = said.get(text)
            if found is None:
                found = said[text] = _EXPIRY_SAID.search(text) is not None
            if found:
                hits[index] = (label, text)
    undated: dict[str, bool] = {}  # (each distinct certifications cell read once)
    for index, (label, text) in sorted(hits.items()):
        cell = certifications[index]
        if cell is None or not str(cell).strip():
            continue
        key = str(cell)
        without = undated.get(key)
        if without is None:
            without = undated[key] = any(
                _certification_text(item)[1:] == (None, None) for item in split_list(key)
            )
        if not without:
            continue
        quoted = " ".join(text.split())
        if len(quoted) > 80:
            quoted = quoted[:79].rstrip() + "…"
        problems.warning(
            "expiry-in-remarks",
            f"the certification '{key}' gives no expiry date, so it is credited as current;"
            f" column '{label}' says \"{quoted}\", which ddtool does not read: give the date"
            " in a 'Valid until' column (or in the cell: 'SA8000 (valid until 2026-06-30)')"
            " to have it read",
            Location(where.file, sheet=where.sheet, row=numbers[index], column=label),
        )


def _duplicate_error(
    fld: str,
    pair: tuple[int, int],
    header: Sequence[Any],
    labels: dict[int, str],
    where: Location,
    options: ReadOptions,
    problems: ProblemList,
    differ: str = "",
) -> None:
    """The `duplicate-column` error of two columns that match one field (`differ`: the first
    row where they differ, as told after the field's name)."""
    first, second = pair
    first_text, second_text = labels[first], str(header[second]).strip()
    named = f"'{first_text}' ({column_letter(first)}) and '{second_text}' ({column_letter(second)})"
    # a mapping names a header's text: two headers alike are told apart in the file only
    remedy = (
        "keep one (delete the other, or rename it in the file)"
        if header_key(first_text) == header_key(second_text)
        else f"keep one, or choose the one to read ({options.map_hint(second_text, fld)} reads"
        f" '{second_text}' and keeps '{first_text}' as an attribute)"
    )
    problems.error(
        "duplicate-column",
        f"columns {named} both hold '{fld}'{differ}; {remedy}",
        where.with_column(f"{second_text} ({column_letter(second)})"),
    )


# a header of a country's code ("Country code", "ISO", "Ländercode", "Code pays")
_CODE_HEADER = re.compile(r"code|(?<!\S)(?:iso\d?|alpha|codigo|cod|kurzel|kuerzel)(?!\S)").search


def _two_country_columns(
    pair: tuple[int, int],
    header: Sequence[Any],
    labels: dict[int, str],
    columns: Sequence[Sequence[Any]],
    numbers: list[int],
    where: Location,
    options: ReadOptions,
    problems: ProblemList,
) -> int | None:
    """Settle two columns that match the country ("Country code" beside "Country name"),
    once the rows are known: where they name the same country in every row (after
    normalisation: 'BD' and 'Bangladesh' are one; a row where the other is blank names none
    other), one is read and the other kept as the user's own column, with a
    `duplicate-column` warning; the one of names is read where one header is of codes
    ("Country code", "ISO", "Ländercode"; a name is what the user wrote and sees), else the
    first. Where the other names another country in some row, which one is scored is never a
    guess: the `duplicate-column` error, naming the first such row. Returns the column read,
    or None for the error."""
    first, second = pair
    texts = {col: str(header[col]).strip() for col in pair}
    codes = [_CODE_HEADER(header_words(texts[col])) is not None for col in pair]
    read, other = (second, first) if codes == [True, False] else (first, second)
    differ = _first_difference(columns[read], columns[other])
    if differ is not None:
        ours = columns[read][differ]
        named = f"'{texts[read]}' ({column_letter(read)})"
        theirs = f"'{texts[other]}' ({column_letter(other)})"
        told = ", and " + _differs_in(numbers[differ], theirs, columns[other][differ], named, ours)
        _duplicate_error("country", pair, header, labels, where, options, problems, told)
        return None
    hint = options.map_hint(texts[other], "country")
    alike = header_key(texts[read]) == header_key(texts[other])
    problems.warning(
        "duplicate-column",
        f"columns '{texts[first]}' ({column_letter(first)}) and '{texts[second]}'"
        f" ({column_letter(second)}) both hold the country and name the same country in every"
        f" row: '{texts[read]}' ({column_letter(read)}) is read as the country and"
        f" '{texts[other]}' kept as an attribute"
        + ("" if alike else f"; to read '{texts[other]}', use {hint}"),
        where.with_column(f"{texts[other]} ({column_letter(other)})"),
    )
    return read


MAX_DATE_IDS = 20  # date cells of an id or buyers column named one by one; the rest counted
T = TypeVar("T")


def _each_then_counted(
    problems: ProblemList,
    kind: str,
    found: Sequence[T],
    limit: int,
    each: Callable[[T], tuple[str, Location]],
    more: Callable[[int, T], tuple[str, Location]],
) -> None:
    """A warning of this kind for each of the first `limit` things found (`each`: its message
    and location), and one counting the rest (`more`, given their count and the first)."""
    for item in found[:limit]:
        problems.warning(kind, *each(item))
    if len(found) > limit:
        problems.warning(kind, *more(len(found) - limit, found[limit]))


def _date_ids(
    field: str, column: Sequence[Any], numbers: list[int], where: Location, problems: ProblemList
) -> None:
    """A `date-as-id` warning at each cell of a workbook's id or buyers column that holds a
    date (read as its ISO text, '2025-03-04'): a spreadsheet makes a date of an id typed as
    '3-4', '1/2' or 'MAR1' in a cell not formatted as Text, and the id typed is lost."""
    kinds = set(map(type, column))
    if dt.date not in kinds and dt.datetime not in kinds:
        return  # (most columns: texts and numbers; a CSV's texts)
    what = "supplier id" if field == "id" else "buyer id"
    dated = [index for index, value in enumerate(column) if isinstance(value, dt.date)]
    _each_then_counted(
        problems,
        "date-as-id",
        dated,
        MAX_DATE_IDS,
        lambda index: (
            f"the cell holds a date, read as the {what} '{as_id(column[index])}': a spreadsheet"
            " makes a date of an id typed as '3-4', '1/2' or 'MAR1'; if another id was typed,"
            " format the column as Text and type it again",
            Location(where.file, where.sheet, numbers[index], where.column),
        ),
        lambda count, index: (
            f"{count:,} more cells of this column hold dates, read as {what}s; check them",
            Location(where.file, where.sheet, numbers[index], where.column),
        ),
    )


def _words(whole: str, parts: str) -> re.Pattern[str]:
    """A pattern of a header's words (header_words): each word of `whole` a whole word, with
    a plural ending ("factories", "instalaciones"), each of `parts` anywhere in a word
    (German compounds: "Fertigungsland", "Firmensitz")."""
    words = [
        rf"{re.escape(w[:-1])}(?:y|ies)" if w.endswith("y") else rf"{re.escape(w)}(?:s|es)?"
        for w in whole.split()
    ]
    return re.compile(
        rf"(?<!\S)(?:{'|'.join(words)})(?!\S)|(?:{'|'.join(map(re.escape, parts.split()))})"
    )


# words of a header naming the country of the supplier's own work or site, where its risk
# lies ("Country of production", "Factory country", "Land der Produktion", "Pays de
# fabrication", "País de la planta"): beside the country column, a rival of it
_OWN_SITE_WORDS = (
    """
    production producing produced producer manufacture manufactured manufacturing
    manufacturer fabrication fabricated factory plant site facility mill farm mine
    mining workplace worksite workshop work operation operating processing refinery
    refiner smelter
    plantation premises assembly usine fabrique atelier exploitation ferme travail
    installation transformation produccion fabricacion fabrica planta sitio
    instalacion finca granja mina taller operacion trabajo elaboracion manufactura
    procesamiento plantacion producao fabricacao fazenda usina instalacao trabalho
    processamento plantacao productie fabriek produzione fabbrica stabilimento
    impianto
    """,
    """
    herstell produktion produziert fertigung werk fabrik standort betrieb muhle
    plantage arbeitsort arbeitsstatt
    """,
)
# words of a header naming another place than the supplier's work, though with a word of a
# site ("Ship-from factory country", "Raw material production country", "HQ / plant
# country", "Nationality of factory workers"): a country of goods, of trade, of a company's
# seat or of people, the user's own column
_OTHER_PLACE_WORDS = (
    """
    destination dest ship shipping shipped shipment delivery deliver delivered
    export exporter exporting exported import importer imported importing transit
    port loading consignee sale sales sold selling market customer client buyer
    purchase purchasing procurement billing bill invoice invoicing hq head
    headquarter office registration registered incorporation incorporated legal
    domicile seat mailing postal parent owner ownership bank tax vat currency
    phone telephone language nationality citizenship citizen worker employee staff
    migrant recruitment recruiter agency agent raw material ingredient input
    component sub subcontractor subsupplier previous former expedition livraison
    vente marche facturation siege social nationalite matiere travailleur employe
    importation exportation sous soustraitant maison destino envio entrega venta
    mercado cliente comprador compra facturacion sede nacionalidad materia
    trabajador empleado importacion exportacion domicilio registro matriz
    subcontratista subproveedor venda faturamento nacionalidade trabalhador
    exportacao importacao
    """,
    """
    ziel bestimmung versand export import verkauf absatz markt kunde rechnung
    einkauf sitz registr zentrale mutter staatsangeh nationalit rohstoff werkstoff
    material mitarbeit arbeiter arbeitnehmer beschaftigt unterauftrag subunternehm
    vorliefer
    """,
)


def own_site_country(header: str) -> bool:
    """Whether a header (one hint_header reads as the country's) names the country of the
    supplier's own work or site: a word of production, a factory, plant, site, farm or mine
    and none of another place (_OTHER_PLACE_WORDS: destination, shipping, a raw material's origin,
    sales, a head office, workers' nationality)."""
    own, other = _site_patterns()
    words = header_words(header)
    return own.search(words) is not None and other.search(words) is None


@cache
def _site_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """_OWN_SITE_WORDS' and _OTHER_PLACE_WORDS' patterns, made on first use (a table with a
    second column of a country: most have none, and they take 4 ms to make)."""
    return _words(*_OWN_SITE_WORDS), _words(*_OTHER_PLACE_WORDS)


def _rival_countries(
    labels: dict[int, str],
    columns: Sequence[Sequence[Any]],
    mapping: dict[int, str],
    cols: list[int],
    numbers: list[int],
    where: Location,
    options: ReadOptions,
    problems: ProblemList,
) -> None:
    """A `duplicate-column` error for each of these columns of the user's own whose header
    names the country of the supplier's own work or site in other words than an alias
    ("Country of production", "Factory country", "Land der Produktion": own_site_country) and
    whose values are countries (half of its filled cells, as a slip's), beside the column
    read as the country, where it names another country in some row (_first_difference):
    which country's risk a supplier is scored on (its head office's or its factory's?) is
    never a guess. Any other header with a country ("Destination country", "Country of
    origin of raw material", "HQ country", "Sales country") is the user's own column. No
    error when a mapping (--map, the settings' columns) names the column read: the user's
    choice. (A second column of workers or sectors in other words, "Workers housed", "Sector
    code", is most often something else.)"""
    read = next((col for col, target in mapping.items() if target == "country"), None)
    if read is None or mapped_by_user(labels[read], options.column_map):
        return
    named = f"'{labels[read]}' ({column_letter(read)})"
    for col in cols:
        label = labels[col]
        if match_header(label, options.column_map) is not None:
            continue  # (a second column of the country's own name: a duplicate, told above)
        if (
            hint_header(label) != "country"
            or not own_site_country(label)
            or not values_fit("country", columns[col], mostly=_HALF)
            # (a mine's or farm's country beside a site's own: where its material is from)
            or (
                own_site_country(labels[read])
                and _ORIGIN_WORDS.search(header_words(label)) is not None
            )
        ):
            continue
        differ = _first_difference(columns[read], columns[col])
        if differ is None:
            continue  # (it names no other country in any row: the same scores either way)
        ours = columns[read][differ]
        shown = "; " + _differs_in(numbers[differ], "it", columns[col][differ], named, ours)
        problems.error(
            "duplicate-column",
            f"column '{label}' ({column_letter(col)}) holds countries too, but {named} is read"
            f" as the supplier's country, the one scored{shown}; choose the one to read"
            f" ({options.map_hint(label, 'country')} reads '{label}' and keeps"
            f" '{labels[read]}' as an attribute; {options.map_hint(labels[read], 'country')}"
            f" reads '{labels[read]}' and keeps '{label}' as one)",
            where.with_column(f"{label} ({column_letter(col)})"),
        )


def _differs_in(row: int, other: str, theirs: Any, named: str, ours: Any) -> str:
    """Where a second country column names another country than the one read: "in row 2 it
    names 'Bangladesh' and 'Country' (C) 'Germany'" (or "… where 'Country' (C) is blank")."""
    return f"in row {row} {other} names '{_shown_text(theirs)}'" + (
        f" where {named} is blank" if ours is None else f" and {named} '{_shown_text(ours)}'"
    )


def _first_difference(read: Sequence[Any], rival: Sequence[Any]) -> int | None:
    """The first row where a rival country column names a country other than the one read
    (or one where none is read); None when it names none other. Each distinct value is
    looked up once."""
    from ddtool.reference.countries import normalise_country  # (only for a rival column)

    codes: dict[Any, str | None] = {None: None}

    def code(value: Any) -> str | None:
        if value not in codes:
            # (a text no country, as read: with or without a direction mark, one text)
            codes[value] = normalise_country(str(value)).iso3 or as_text(value).casefold()
        return codes[value]

    return next(
        (
            index
            for index, (ours, theirs) in enumerate(zip(read, rival, strict=True))
            if theirs is not None and code(theirs) != code(ours)
        ),
        None,
    )


_PERCENT_FIELDS = ("female_pct", "migrant_pct")
MAX_MIXED_CELLS = 20  # fractions named one by one in a column of whole percentages


def _mixed_percentages(
    field: str, column: Sequence[Any], numbers: list[int], where: Location, problems: ProblemList
) -> None:
    """Warn of the cells of a table's percentage column whose number between 0 and 1 (or 1)
    is read as a spreadsheet fraction (0.5 is 50 %, as a cell formatted as a percentage holds
    it) where another percentage may be meant (`ambiguous-percent`):

    - in a column of fractions (fraction_column: every number from 0 to 1, none with '%'),
      the numbers written as text (a CSV's every cell, a workbook cell formatted as Text), all
      read as fractions, 1 as 100 %: one warning for the column, for a text shows what was
      typed and '0.5' under "Migrant %" may mean 0.5 % (a number cell may show 50 % where
      it holds 0.5: no warning);
    - in a column of percentages (a number above 1, or one written with '%'), where its texts
      are read as typed ('0.5' beside '1.5' is 0.5 %), each number cell between 0 and 1, when
      the column's numbers are mostly percentages (40, 0.5, 12): beside 40 and 12 it may mean
      0.5 % (a 1 among whole percentages is warned of where it is read). "Mostly": half of
      the numbers but zeros, or more, above 1, written with '%' or as text.

    Each distinct value is read once; a column without a number between 0 and 1 is left at
    that."""
    readings = number_readings(column)
    if not any(not percent and 0 < number < 1 for number, percent in readings.values()):
        return  # (most columns: whole percentages, or none)
    cells = [
        (index, *reading)
        for index, value in enumerate(column)
        if value is not None and (reading := readings.get(value)) is not None and reading[0]
    ]
    if fraction_column(column):
        typed = [(index, number) for index, number, _ in cells if type(column[index]) is str]
        if typed:
            _text_fractions(field, column, typed, numbers, where, problems)
        return
    # (percentages: those above 1 or written with '%', and the texts, read as typed)
    above = [
        index
        for index, number, percent in cells
        if percent or number > 1 or type(column[index]) is str
    ]
    fractions = [
        (index, number)
        for index, number, percent in cells
        if not percent and 0 < number < 1 and type(column[index]) in (int, float)
    ]
    if not fractions or 2 * len(above) < len(cells):
        return  # (a column of number cells formatted as percentages, mostly)
    whole = above[0]
    shown_whole = f"{_shown_text(column[whole])} in row {numbers[whole]}"

    def each(fraction: tuple[int, float]) -> tuple[str, Location]:
        index, number = fraction
        shown, pct = _shown_text(column[index]), _shown(round(number * 100, 6))
        return (
            f"{field} {shown} is read as {pct} % (a spreadsheet fraction, as a cell formatted"
            f" as a percentage holds it), but this column also holds percentages"
            f" ({shown_whole}): if {shown} % is meant, write {shown}%; if {pct} %, write {pct}",
            Location(where.file, where.sheet, numbers[index], where.column),
        )

    _each_then_counted(
        problems,
        "ambiguous-percent",
        fractions,
        MAX_MIXED_CELLS,
        each,
        lambda count, first: (
            f"{count:,} more cells of {field} below 1 are read as fractions beside percentages"
            f" ({shown_whole}); check them",
            Location(where.file, where.sheet, numbers[first[0]], where.column),
        ),
    )


def _text_fractions(
    field: str,
    column: Sequence[Any],
    typed: list[tuple[int, float]],
    numbers: list[int],
    where: Location,
    problems: ProblemList,
) -> None:
    """The one `ambiguous-percent` warning of a column of fractions for its numbers written
    as text (`typed`: each one's index and number, zeros left out), at the column: how many
    are read as fractions, the first between 0 and 1 and the rows of the 1s read as 100 %,
    and how to write either reading so that it is no guess."""
    between = next(((i, n) for i, n in typed if n < 1), None)
    ones = [numbers[index] for index, number in typed if number == 1]
    told: list[str] = []
    if between is not None:
        index, number = between
        told.append(
            f"'{_shown_text(column[index])}' (row {numbers[index]}) as"
            f" {_shown(round(number * 100, 6))} %"
        )
    if ones:
        told.append(f"1 as 100 % ({_rows_listed(ones)})")
    example = "1" if between is None else _shown_text(column[between[0]])
    pct = "100" if between is None else _shown(round(between[1] * 100, 6))
    count = f"{len(typed):,} numbers" if len(typed) > 1 else "number"
    verb = "are" if len(typed) > 1 else "is"
    problems.warning(
        "ambiguous-percent",
        f"{field}: every number of this column is from 0 to 1, so its {count} written as"
        f" text (not as a number cell) {verb} read as fractions, as a spreadsheet holds a"
        f" percentage: {' and '.join(told)}; to make the reading sure, write each with '%'"
        f" ({pct}% for {pct} %; {example}% if {example} % is meant)",
        where,
    )


def _rows_listed(rows: list[int]) -> str:
    """'row 3', 'rows 3 and 7', 'rows 3, 7, 9, 12, 20 and 4 more' (the first five named)."""
    if len(rows) == 1:
        return f"row {rows[0]}"
    if len(rows) <= 5:
        return f"rows {', '.join(map(str, rows[:-1]))} and {rows[-1]}"
    return f"rows {', '.join(map(str, rows[:5]))} and {len(rows) - 5:,} more"


def _unused_maps(
    header: Sequence[Any], options: ReadOptions, problems: ProblemList, where: Location
) -> None:
    """A mapping (--map, the settings' columns) that names no header of the table: mistyped,
    its column would be kept as an attribute, or lost, without a word. One from the settings
    says where it is written. In a batch, only where a header of the table is much like
    it (a typo: "Sektr" beside "Sector"): its settings map the headers of all its members'
    layouts, and each member's table has only some of them (every member was warned of
    the others, and its own warnings buried)."""
    texts = [cell for cell in header if isinstance(cell, str) and cell.strip()]
    keys = {header_key(text) for text in texts}
    for given, target in options.column_map.items():
        if header_key(given) in keys:
            continue
        if any(header_lookup(text, {header_key(given): target}) for text in texts):
            continue  # (a part of a header in two scripts: "Menge" of "Menge (数量)")
        from ddtool.graph import closest_id  # (only when a mapping is unused)

        best = closest_id(given, texts)
        # (in a batch, a header far from all of this table's is another member's; one much
        # like one of them is a typo: "Sektr" is 73 like "Sector" by edit similarity)
        if best is None and options.in_batch and closest_id(given, texts, 70) is None:
            continue
        problems.warning(
            "unused-map",
            f"the mapping '{given}={target}'"
            + (f" ({options.map_given_in[given]})" if given in options.map_given_in else "")
            + " names no column of this table",
            where,
            suggestion=f"'{best}={target}'" if best else None,
        )


def _column_label(header: Sequence[Any], col: int) -> str:
    """A column's label: its header as written, or its letter when the header is blank."""
    cell = header[col] if col < len(header) else None
    return str(cell).strip() if not _blank(cell) else column_letter(col)


# the fields a column hinted as one is named for though another column holds it
_HELD_HINTS = frozenset({"female_pct", "migrant_pct"})


# a slipped header's own word for its field: half of its values fitting the field will do
# (the others, misspelt countries or unknown buyers, are reported as such)
_HALF = 0.5


def _read_slips(
    labels: dict[int, str],
    columns: list[Sequence[Any]],
    mapping: dict[int, str],
    company_ids: AbstractSet[str],
    where: Location,
    options: ReadOptions,
    problems: ProblemList,
) -> None:
    """Read as its field (into `mapping`), with a warning, each column whose header is a
    slip of a known one ('Contry', 'Suplier ID', 'Byer ID') of a field of SLIPS_READ that
    no other column holds, when its values fit the field (values_fit; a buyers column's
    values are ids of the table); not one with a word of a field ('Customers', 'Anteil
    Einkauf': other words, which the hints name). Left as an attribute, a misspelt country
    column would turn every supplier into one of no country, its values unchecked."""
    held = set(mapping.values())
    slips: list[tuple[int, str, str]] = []
    for col, label in labels.items():
        if col in mapping or hint_header(label) is not None:
            continue  # (a header in other words, 'Customers', 'Parent company': only named)
        near = slipped_header(label)
        if near is not None and near[1] in SLIPS_READ and near[1] not in held:
            slips.append((col, *near))
    # the id column first (a misspelt buyers column is told by the ids of the table), then
    # in the order of the columns
    slips.sort(key=lambda slip: (slip[2] != "id", slip[0]))
    read_as: dict[str, int] = {}  # the column read as each field
    for col, written, target in slips:
        label = labels[col]
        if target in read_as:  # a second slip of one field: one column holds it
            problems.warning(
                "unmapped-column",
                f"column '{label}' is written much like '{written}' too, but column"
                f" '{labels[read_as[target]]}' is read as the {target} column: it is kept as"
                " an attribute; keep one, or map the one to read",
                where.with_column(label),
                suggestion=options.map_hint(label, target),
            )
            continue
        ids: AbstractSet[str] = frozenset()
        if target == "buyers":
            id_col = next((c for c, field in mapping.items() if field == "id"), None)
            if id_col is None:
                continue
            ids = _ids(columns[id_col]) | company_ids
        if not values_fit(target, columns[col], ids, _HALF):
            continue  # (named below, and kept as an attribute)
        mapping[col] = target
        read_as[target] = col
        problems.warning(
            "misspelt-header",
            f"column '{label}' matches no known header but is written much like '{written}':"
            f" it is read as the {target} column; correct the header, or map it",
            where.with_column(label),
            suggestion=options.map_hint(label, target),
        )


# "Country/Region", "Country / Region" (Microsoft's and many platforms' word for a country):
# read as the country where no column is and it holds countries, not regions ("APAC")
_COUNTRY_REGION = "countryregion"
# the words of a raw material's origin beside a site's ("Mine country", "Farm country",
# "Country of mine origin"): where a refiner's or trader's material comes from, no country of
# its own work (told beside a country column as a rival: _rival_countries)
_ORIGIN_WORDS = re.compile(r"\b(?:mine|mines|farm|farms|origin|origine|origen|source|raw)\b")
# (of those, an origin's words say it whatever the list: "Country of mine origin")
_ORIGIN_ONLY = re.compile(r"\b(?:origin|origine|origen|source|raw)\b")


def _origin_alone(label: str) -> bool:
    """Whether a mine's or farm's country header names a site, not an origin ("Mine
    country", "Farm country"; not "Country of mine origin")."""
    return _ORIGIN_ONLY.search(header_words(label)) is None


def _read_site_country(
    labels: dict[int, str], columns: list[Sequence[Any]], mapping: dict[int, str]
) -> None:
    """Read as the country (into `mapping`) the one column whose header names the country
    of the supplier's own work or site in other words than an alias ("Country of
    Operation", "Factory country", "Land der Produktion": own_site_country; not of a mine,
    farm or origin, a trader's material's), when no column is read as the country and its
    values are countries (half of its filled cells, as a slip's): the country a supplier is
    scored on is that of its work. Beside a column read
    as the country it is a rival (_rival_countries); two such columns, neither (which one
    is scored is never a guess: both are named, to be mapped)."""
    if "country" in mapping.values():
        return
    found = [
        col
        for col, label in labels.items()
        if col not in mapping
        and (own_site_country(label) or header_key(label) == _COUNTRY_REGION)
        and hint_header(label) == "country"
        and values_fit("country", columns[col], mostly=_HALF)
    ]
    # (a mine's or a farm's country beside another site's is where a refiner's or trader's
    # material comes from; alone, on a list of mines or farms, it is the supplier's own)
    own = [c for c in found if _ORIGIN_WORDS.search(header_words(labels[c])) is None]
    if len(own) == 1 or (not own and len(found) == 1 and _origin_alone(labels[found[0]])):
        mapping[(own or found)[0]] = "country"


def _misspelt_headers(
    cols: list[int],
    labels: dict[int, str],
    mapping: dict[int, str],
    where: Location,
    options: ReadOptions,
    problems: ProblemList,
) -> None:
    """A warning for each of these columns (kept as attributes) whose header is a slip of a
    known one of a field no other column holds, not read as it (_read_slips): a field whose
    values cannot be told ('Regoin'), or values that do not fit it ('Wokers' holding
    names)."""
    taken = set(mapping.values())
    for col in cols:
        label = labels[col]
        near = near_header(label)
        if near is None or near[1] in taken:
            continue
        written, target = near
        problems.warning(
            "unmapped-column",
            f"column '{label}' matches no known header but is written much like '{written}'"
            f" (the {target} column): it is kept as an attribute, not read as {target}; correct"
            " the header, or map it",
            where.with_column(label),
            suggestion=options.map_hint(label, target),
        )
        taken.add(target)


def _ids(column: Sequence[Any]) -> frozenset[str]:
    """The ids of an id column, as buyers name them (once per distinct value)."""
    return frozenset(as_id(value) for value in _distinct(column) if value is not None) - {""}


# the fields that hold lists: the values of a header merged over several columns join them
_LIST_FIELDS = frozenset({"products", "buyers", "certifications"})


def _header_groups(
    header: Sequence[Any], merged_header: dict[int, list[int]] | None
) -> dict[int, list[int]]:
    """The merged header cells that head columns of their own: each one's first column (its
    text) and the blank columns under the rest of it."""
    groups: dict[int, list[int]] = {}
    for first, rest in (merged_header or {}).items():
        if first < len(header) and not _blank(header[first]):
            under = [col for col in rest if col < len(header) and _blank(header[col])]
            if under:
                groups[first] = under
    return groups


def _join_merged_header(
    columns: list[Sequence[Any]],
    groups: dict[int, list[int]],
    mapping: dict[int, str],
    labels: dict[int, str],
    where: Location,
    problems: ProblemList,
) -> tuple[set[int], set[int]]:
    """Read the columns under a header cell merged across them ("Buyer IDs" over E1:F1) as
    its field's, as the sheet shows them, with one `merged-cells` warning for each group
    with values beneath its merged part that says how.

    A field of one value (name, country …) whose rows fill one of the columns at most reads
    that cell; when a row fills several, they are columns of their own ("Supplier name"
    over an English and a Chinese name, "Country" over "China | CHN"): the field is read
    from the first (from the next filled one where it is blank), the others are kept as
    attributes named by the header and their letter ("Supplier name (C)"). A list field
    (buyers, products, certifications) joins a row's values ("P1; P2"), but for a column of
    dates or numbers only, which holds no items: dates right after certifications are their
    expiry ("SA8000 (valid until 2024-06-30)"), any other such column is kept as an
    attribute. A column of the user's own keeps a row's values together.

    Returns the columns under the merged parts (no blank-header warning for them), and
    those of them kept as attributes (`labels` names them); the others are left blank.
    """
    under: set[int] = set()
    kept: set[int] = set()
    for first, rest in groups.items():
        under.update(rest)
        filled = [col for col in rest if columns[col].count(None) != len(columns[col])]
        if not filled:
            continue  # (nothing under the merged part: merged for its looks)
        label, field = labels[first], mapping.get(first)
        letters = f"{column_letter(first)}–{column_letter(rest[-1])}"
        span = f"{column_letter(first)}{where.row}:{column_letter(rest[-1])}{where.row}"
        own: list[int] = []  # (the columns kept as attributes)
        if field is not None and field not in _LIST_FIELDS:
            how, own = _one_value_group(columns, first, filled, field)
        elif field is not None:
            how, own = _list_group(columns, first, filled, field)
        else:
            columns[first] = _joined(columns, [first, *filled])
            how = "the values of a row are kept together"
        for col in filled:
            if col in own:
                labels[col] = f"{label} ({column_letter(col)})"
                kept.add(col)
            else:
                columns[col] = [None] * len(columns[col])
        if own:
            named = " and ".join(f"'{labels[col]}'" for col in own)
            how += (
                f"; column {column_letter(own[0])} is kept as an attribute named {named}"
                if len(own) == 1
                else f"; columns {', '.join(map(column_letter, own))} are kept as attributes"
                f" named {named}"
            )
        problems.warning(
            "merged-cells",
            f"cells {span} are merged: the header '{label}' is read for columns {letters}; {how}",
            where.with_column(label),
        )
    return under, kept


def _joined(
    columns: Sequence[Sequence[Any]], cols: list[int], show: Callable[[Any], str] | None = None
) -> list[Any]:
    """The values of these columns in each row: the one filled cell, or the filled cells'
    values joined as a list ("P1; P2"), each as `show` writes it (as the sheet shows it;
    buyers as ids: as_id)."""
    write = _shown_text if show is None else show
    joined: list[Any] = []
    for cells in zip(*(columns[col] for col in cols), strict=True):
        if cells.count(None) >= len(cells) - 1:  # (most rows: one value at most)
            joined.append(next((v for v in cells if v is not None), None))
        else:
            joined.append("; ".join(write(v) for v in cells if v is not None))
    return joined


def _one_value_group(
    columns: list[Sequence[Any]], first: int, filled: list[int], field: str
) -> tuple[str, list[int]]:
    """A field of one value under a merged header: how it is read, and the columns kept as
    attributes (_join_merged_header). `columns[first]` is given the field's values."""
    cols = [first, *filled]
    several = any(
        cells.count(None) < len(cells) - 1
        for cells in zip(*(columns[col] for col in cols), strict=True)
    )
    columns[first] = _first_filled(columns, cols)
    if not several:
        return f"a row gives its {field} in one of them", []
    return (
        f"a supplier has one {field}: it is read from column {column_letter(first)} (from"
        " the next filled one where it is blank)",
        filled,
    )


def _first_filled(columns: Sequence[Sequence[Any]], cols: list[int]) -> list[Any]:
    """The first filled cell of these columns in each row (None: all blank)."""
    values = list(columns[cols[0]])
    if None not in values:
        return values
    for index, value in enumerate(values):
        if value is None:
            values[index] = next(
                (columns[col][index] for col in cols[1:] if columns[col][index] is not None),
                None,
            )
    return values


def _list_group(
    columns: list[Sequence[Any]], first: int, filled: list[int], field: str
) -> tuple[str, list[int]]:
    """A list field under a merged header: how it is read, and the columns kept as
    attributes (_join_merged_header). `columns[first]` is given the field's lists; a
    column of dates right after a column of certifications is their expiry, joined to each
    row's certification ("SA8000 (valid until 2024-06-30)"); a date with no certification
    beside it stays in its column, kept as an attribute.

    Numbers are ids for the buyers ("1001 | 1002" is "1001; 1002", as as_id writes a
    number), so only a column of dates holds no buyers; for the other list fields
    (certifications, products) a column of dates or of numbers holds no items."""
    kinds = {col: _value_kind(columns[col], field) for col in filled}
    notes: list[str] = []
    own: list[int] = []
    for col in filled:
        if kinds[col] is None:
            continue
        before = col - 1
        if field == "certifications" and kinds[col] == "date" and kinds.get(before) is None:
            example = _join_expiry(columns, before, col)
            if example is not None:
                notes.append(
                    f"the dates in column {column_letter(col)} are read as the expiry of the"
                    f" certification beside them ({example!r})"
                )
            if columns[col].count(None) != len(columns[col]):
                notes.append(
                    f"a date in column {column_letter(col)} with no certification beside it"
                    " is no certification"
                )
                own.append(col)
        else:
            notes.append(f"column {column_letter(col)} holds {kinds[col]}s, no {field}")
            own.append(col)
    items = [first, *(col for col in filled if kinds[col] is None)]
    columns[first] = _joined(columns, items, as_id if field == "buyers" else None)
    how = "the values of a row are read together, as one list"
    return "; ".join([how, *notes]), own


def _value_kind(column: Sequence[Any], field: str = "") -> str | None:
    """'date' for a column whose filled cells are all dates (date cells, or texts that
    read as one as an expiry is read, parse_expiry: "30.06.2024", "06/2024", "June 2024"),
    'number' for one of numbers (and dates), None for any other (each distinct value looked
    at once: a merged header's columns only). For the buyers a number is an id, as a text
    is: a column holding one is None."""
    kind = "date"
    ids = field == "buyers"
    for value in _distinct(column):
        if value is None or isinstance(value, dt.date):
            continue
        if _is_number(value):
            if ids:
                return None
            kind = "number"
            continue
        if not isinstance(value, str):
            return None
        try:
            parse_expiry(value)
        except ValueProblem:
            return None
    return kind


def _join_expiry(columns: list[Sequence[Any]], names: int, dates: int) -> str | None:
    """Write each row's date of column `dates` after its certification in column `names`
    ("SA8000 (valid until 2024-06-30)", as a cell gives an expiry), where that cell names one
    certification without a date of its own (as the certification reader finds one:
    "SA8000 bis 30.06.2023", "RA (2026-06-30)"); the dates joined are left blank. Returns
    the first certification so written (None: none)."""
    from ddtool.sources.normalise import _certification_text  # (merged certifications only)

    named, dated = list(columns[names]), list(columns[dates])
    example: str | None = None
    own_expiry: dict[str, bool] = {}  # (each distinct certification read once)
    for index, (name, date) in enumerate(zip(named, dated, strict=True)):
        if name is None or date is None:
            continue
        items = split_list(name)
        if len(items) != 1 or "(" in items[0]:
            continue  # (several certifications, or one with its own expiry: the date stays)
        dated_already = own_expiry.get(items[0])
        if dated_already is None:
            _name, expiry, issue = _certification_text(items[0])
            dated_already = own_expiry[items[0]] = expiry is not None or issue is not None
        if dated_already:
            continue  # ("SA8000 bis 30.06.2023", "BSCI expired": the cell's own expiry)
        if isinstance(date, dt.datetime):
            shown = date.date().isoformat()
        elif isinstance(date, dt.date):
            shown = date.isoformat()
        else:
            shown = _shown(date).strip()  # (a date as the cell writes it: "30.06.2024")
        named[index] = f"{items[0]} (valid until {shown})"
        dated[index] = None
        if example is None:
            example = named[index]
    columns[names], columns[dates] = named, dated
    return example


def _expiry_columns(
    columns: list[Sequence[Any]],
    names: int,
    extra: list[int],
    labels: dict[int, str],
    start: int,
    where: Location,
    problems: ProblemList,
) -> None:
    """A column of the user's own headed as the certificates' expiry ("Certification
    expiry", "Valid until") gives each row's certification its date, as a merged header's
    dates do (_join_expiry: "SA8000 (valid until 2024-06-30)"). A date it cannot give (the
    cell beside it names several certifications, or one with a date of its own), or a
    value that is no date, is kept in the column and said: those certifications are not
    read as dated by it."""
    for col in extra:
        if not expiry_header(labels[col]):
            continue
        # a placeholder ('n/a', '-') is no date, as a blank is none
        cells = [None if type(v) is str and is_placeholder(v) else v for v in columns[col]]
        # each distinct value: itself where a date, the date a whole number spells (20231231,
        # as the audit date reads it), else None (a day count of a cell that lost its date
        # format is none: never guessed)
        read = {
            v: v if _value_kind([v]) == "date" else _spelt_date(v)
            for v in _distinct(cells)
            if v is not None
        }
        dates = [None if v is None else read[v] for v in cells]
        others = [i for i, v in enumerate(cells) if v is not None and read[v] is None]
        label = labels[col]
        at = where.with_column(label)
        if others:
            first = cells[others[0]]
            why = expiry_problem(first) if _is_number(first) else None
            problems.warning(
                "unmapped-column",
                f"column '{label}' gives the certifications' expiry dates, but the"
                f" {_rows_said(others, start)} no date"
                + (f" (row {start + others[0] + 1}: {why})" if why else "")
                + ": kept as an attribute, the certification beside each is read as its own"
                " cell dates it (without a date: taken as current)",
                at,
            )
        if not any(v is not None for v in dates):
            continue
        columns[col] = dates
        _join_expiry(columns, names, col)
        # (the dates not given, kept as the cells hold them: 20231231, not a date read)
        left = [index for index, value in enumerate(columns[col]) if value is not None]
        if left:
            problems.warning(
                "unmapped-column",
                f"column '{label}' gives the certifications' expiry dates, but a date can only"
                " be given to a cell naming one certification without a date of its own: the"
                f" {_rows_said(left, start, 'date')} kept as an attribute; write each date after"
                " its certification ('SA8000 valid until 2026-06-30')",
                at,
            )
        if others or left:  # (the values that are no dates, and the dates not given, back
            # in the column kept as attributes as the cells hold them: 20231231, not a date)
            kept = list(columns[col])
            for i in [*others, *left]:
                kept[i] = cells[i]
            columns[col] = kept


def _spelt_date(value: Any) -> Any:
    """The date a whole number of eight digits spells as YYYYMMDD (a number cell's 20231231,
    a CSV's '20231231'), read as the audit date reads it (parse_date); None for any other
    value, and for a number that is no such day (20231331, a day count such as 45291)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    text = cell_text(value)
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return parse_date(text)
    except ValueProblem:
        return None


def _rows_said(indexes: list[int], start: int, what: str = "value") -> str:
    """'value of row 3 is', 'values of rows 3, 5, 9 … are' (the first five rows)."""
    rows = ", ".join(str(start + index + 1) for index in indexes[:5])
    more = " …" if len(indexes) > 5 else ""
    if len(indexes) == 1:
        return f"{what} of row {rows} is"
    return f"{what}s of rows {rows}{more} are"


def _blank_headers(
    header: Sequence[Any],
    columns: Sequence[Sequence[Any]],
    labels: dict[int, str],
    mapping: dict[int, str],
    under: set[int],
    start: int,
    where: Location,
    problems: ProblemList,
) -> None:
    """Warn of each column without a header that holds values (kept as an attribute named
    by its letter): right after a list field's column (`Buyer IDs;;Products`, a header
    written over two columns, or merged where the file does not say so, as in CSV), its
    values are likely more of that field's, and they would be lost to it without a word."""
    for col, column in enumerate(columns):
        if col in under or col >= len(header) or not _blank(header[col]):
            continue
        if column.count(None) == len(column):
            continue  # (a blank column: nothing kept, nothing lost)
        index, value = next((i, v) for i, v in enumerate(column) if v is not None)
        letter = column_letter(col)
        left = col - 1
        while left >= 0 and _blank(header[left]):
            left -= 1
        field = mapping.get(left) if left >= 0 else None
        message = (
            f"column {letter} has no header but holds values ({_shown(value).strip()[:40]!r}"
            f" in row {start + index + 1}, …): they are kept as an attribute named '{letter}'"
        )
        suggestion = None
        if field in _LIST_FIELDS:
            other = labels[left]
            message += (
                f"; they are likely more {field} of '{other}' ({column_letter(left)}), whose"
                f" header spans both columns: write them into column {column_letter(left)}"
                " (separated by ';'), or give the column a header"
            )
            suggestion = f"'{other}'"
        else:
            message += "; give the column a header"
        problems.warning(
            "blank-header",
            message,
            Location(where.file, where.sheet, start + index + 1, letter),
            suggestion=suggestion,
        )


# a bare "Name" beside another name column is a contact's name ("Firma; Name; Vorname"); a
# bare company word beside a supplier's name column is the group's ("Empresa; Proveedor"):
# the rank of a name column's header, the supplier's own column (0) read before the others
_GENERIC_NAMES = {
    **{header_key(word): 2 for word in ("name", "nom")},
    **{
        header_key(word): 1 for word in ("société", "entreprise", "empresa", "unternehmen", "firma")
    },
}


# the headers of a name column that SAP's exports use for the supplier's number ("Lieferant",
# its vendor account) beside its name ("Lieferant; Name des Lieferanten", "Lieferant; Name 1")
_NUMBER_OR_NAME = frozenset({header_key("Lieferant")})


def _supplier_number(
    texts: dict[int, str],
    mapping: dict[int, str],
    options: ReadOptions,
    problems: ProblemList,
    where: Location,
) -> int | None:
    """Of name columns, the one headed "Lieferant" beside one of the supplier's own name
    ("Name des Lieferanten", "Lieferantenname", "Name 1"), unless a mapping names it: SAP's
    vendor number. It is read as the supplier's id where no column is ("Lieferant; Name des
    Lieferanten"), else kept as an attribute ("Kreditor; Lieferant; Name 1"), with a warning
    either way. Returns its column, or None where there is none such."""
    numbers = [
        col
        for col, text in texts.items()
        if header_key(text) in _NUMBER_OR_NAME and not mapped_by_user(text, options.column_map)
    ]
    if len(numbers) != 1:
        return None
    [col] = numbers
    names = [c for c in texts if c != col and _name_rank(texts[c]) == 0]
    if not names:  # ("Lieferant" alone, or beside a bare "Name" or a company word)
        return None
    name = texts[names[0]]
    said = (
        f"column '{texts[col]}' ({column_letter(col)}) beside '{name}' ({column_letter(names[0])})"
    )
    if "id" in mapping.values():
        read = (
            f"{said} holds the supplier's number, as SAP exports it: '{name}' is read as the"
            " name and it is kept as an attribute"
        )
    else:
        mapping[col] = "id"
        read = (
            f"{said} holds the supplier's number, as SAP exports it: it is read as the"
            f" supplier's id and '{name}' as the name"
        )
    problems.warning(
        "duplicate-column",
        f"{read}; to read '{texts[col]}' as the name, use {options.map_hint(texts[col], 'name')}",
        where.with_column(texts[col]),
    )
    return col


def _resolve_doubles(
    header: Sequence[Any],
    mapping: dict[int, str],
    options: ReadOptions,
    problems: ProblemList,
    where: Location,
) -> tuple[dict[str, tuple[int, int]], list[int]]:
    """Settle the columns that match a field another column matches too.

    A column named by a mapping (--map, the settings' columns) is read, the others kept as
    attributes; of name columns, the supplier's own ("Lieferant", "Proveedor") is read before a
    bare company word ("Unternehmen", "Empresa": the group's), and that before a bare "Name" or
    "Nom" (a contact's), with a warning, and "Lieferant" beside a column of the supplier's
    name is its number (_supplier_number); region columns ("Provincia", "Ciudad") are read
    together, the finer place first. Any other pair is returned, to be reported as an error;
    `mapping` is changed to the columns read. Returns the pairs, and the region columns to
    join (the first is the one the region is read from; none when there is one).
    """
    doubles: dict[str, list[int]] = {}
    for col, cell in enumerate(header):
        if isinstance(cell, str) and col not in mapping:
            target = match_header(cell, options.column_map)
            if target is not None and target in mapping.values():
                first = next(c for c, f in mapping.items() if f == target)
                doubles.setdefault(target, [first]).append(col)
    pairs: dict[str, tuple[int, int]] = {}
    regions: list[int] = []
    for fld, cols in doubles.items():
        texts = {col: str(header[col]).strip() for col in cols}
        if fld == "name":
            number = _supplier_number(texts, mapping, options, problems, where)
            if number is not None:
                if mapping.get(number) == "name":
                    del mapping[number]
                cols = [col for col in cols if col != number]
                del texts[number]
                if len(cols) == 1:
                    mapping[cols[0]] = "name"
                    continue
        chosen = [col for col in cols if mapped_by_user(texts[col], options.column_map)]
        whole = [col for col in cols if not by_its_parts(texts[col], options.column_map)]
        if len(chosen) == 1:
            read = chosen[0]  # the user's choice: the others are their own columns
        elif len(whole) == 1:
            # a header naming the field whole ("Product") before one naming it only by its
            # parts ("Product / Material"), kept as the user's own column
            read = whole[0]
        elif fld == "region":
            ranks = [region_rank(texts[col]) for col in cols]
            regions = (
                sorted(cols, key=lambda col: (region_rank(texts[col]), col))
                if None not in ranks
                else list(cols)
            )
            named = [f"'{texts[col]}' ({column_letter(col)})" for col in regions]
            # (an address beside its town or province, as most exports give them, is read
            # with them, the address first, without a word)
            if ADDRESS not in ranks:
                problems.warning(
                    "duplicate-column",
                    f"columns {', '.join(named[:-1])} and {named[-1]}"
                    f" {'both' if len(named) == 2 else 'all'} hold the region: it is"
                    " read from them together, the finer place first"
                    f" ('{', '.join(texts[col] for col in regions)}')",
                    where.with_column(texts[regions[0]]),
                )
            read = regions[0]
        elif fld == "name" and _one_first(kinds := [_name_rank(texts[col]) for col in cols]):
            read = cols[kinds.index(min(kinds))]
            others = [col for col in cols if col != read]
            other = texts[others[0]]
            kept = " and ".join(f"'{texts[col]}' ({column_letter(col)})" for col in others)
            listed = ", ".join(f"'{texts[col]}'" for col in others)
            guess = "a contact's" if _name_rank(other) == 2 else "the company's or group's"
            problems.warning(
                "duplicate-column",
                f"columns '{texts[read]}' ({column_letter(read)}) and {kept} could hold the"
                f" supplier's name: '{texts[read]}' is read as the name and"
                f" {listed} ({guess} name?) kept as"
                f" {'an attribute' if len(others) == 1 else 'attributes'}; to read '{other}'"
                f" as the name, use {options.map_hint(other, 'name')}",
                where.with_column(other),
            )
        elif fld == "sector" and _one_first(
            strength := [sector_header_rank(texts[c]) for c in cols]
        ):
            # "Sector" beside "Activity type" or "Type of business": the latter is the user's
            # own column, as it was before those headers were read as the sector's
            read = cols[strength.index(min(strength))]
        else:
            pairs[fld] = (cols[0], cols[1])
            continue
        for col in cols:
            mapping.pop(col, None)
        mapping[read] = fld
    return pairs, regions


def _without_roles(column: Sequence[Any]) -> tuple[Sequence[Any], list[Any] | None]:
    """A column headed as a supplier's business ("Type of business") with its values that
    name a role or legal form only ("Manufacturer", "Trader", "Private limited company")
    left blank: such a value says no sector, and read as one ("manufacturer" is general
    manufacturing) it would stand before what the products say. Each distinct text read
    once; the column as it is where none is such. Second, those values alone (None where
    the column reads as a sector), kept as the file's own column: what the file says of a
    supplier is never dropped; None where there are none."""
    roles = {
        text for text in set(column) if isinstance(text, str) and text.strip() and role_only(text)
    }
    if not roles:
        return column, None
    kept = [value if value in roles else None for value in column]
    return [None if value in roles else value for value in column], kept


def _name_rank(text: str) -> int:
    """A name column's rank: 0 the supplier's own ("Lieferant"), 1 a bare company word
    ("Unternehmen"), 2 a bare "Name" or "Nom" (a contact's?)."""
    rank = header_lookup(text, _GENERIC_NAMES)
    return 0 if rank is None else rank


def _one_first(ranks: list[int]) -> bool:
    """Whether one column alone has the first rank."""
    return ranks.count(min(ranks)) == 1


def _joined_regions(columns: Sequence[Sequence[Any]], regions: list[int]) -> list[Any]:
    """The region columns' values read together, in the order given ("Pitalito, Huila"); a
    place written already is written once: "Huila" beside "Pitalito, Huila" is left out,
    and a later value that holds an earlier one takes its place ("Huila" then "Pitalito,
    Huila" is "Pitalito, Huila"). Joined once per distinct tuple of values: the rows repeat
    few places."""
    joined: dict[tuple[Any, ...], Any] = {}
    for cells in zip(*(columns[col] for col in regions), strict=True):
        if cells in joined:
            continue
        parts: list[tuple[str, set[str]]] = []  # each value written, and its places
        for value in cells:
            if value is None:
                continue
            text = _shown(value).strip()
            pieces = {p.strip().casefold() for p in text.split(",") if p.strip()}
            seen = set().union(*(had for _, had in parts))
            if not pieces or pieces <= seen:
                continue
            held = [i for i, (_, had) in enumerate(parts) if had <= pieces]
            if held:  # it holds those written before: it is written where the first was
                parts[held[0]] = (text, pieces)
                parts = [part for i, part in enumerate(parts) if i not in held[1:]]
            elif pieces & seen:  # in part written before: the places not yet written
                new = [p.strip() for p in text.split(",") if p.strip().casefold() not in seen]
                parts.append((", ".join(dict.fromkeys(new)), pieces - seen))
            else:
                parts.append((text, pieces))
        joined[cells] = ", ".join(text for text, _ in parts) if parts else None
    return [joined[cells] for cells in zip(*(columns[col] for col in regions), strict=True)]


def _columns(rows: Sequence[Sequence[Any]], width: int) -> list[Sequence[Any]]:
    """The first `width` columns of rows; a short row reads as blank (None) at its end."""
    if rows and min(map(len, rows)) >= width:
        return list(islice(zip(*rows, strict=False), width))
    return [[row[col] if col < len(row) else None for row in rows] for col in range(width)]


def _clean_column(
    column: Sequence[Any],
    clean: Cleaner,
    col: int,
    start: int,
    errors: list[tuple[int, int, str]],
) -> Sequence[Any]:
    """Clean a column as its cleaner says; record the rows of its error values.

    The cleaner looks at each distinct text once (texts repeat: countries, blanks) and most
    need no cleaning: much cheaper than cleaning cell by cell. A text never equals a value of
    another type, so looking the cells up by value changes texts only.
    """
    changes = clean(column)
    if not changes:
        return column
    shown = {value: error for value, (_, error) in changes.items() if error is not None}
    if shown:
        errors.extend(
            (start + index, col, shown[value])
            for index, value in enumerate(column)
            if type(value) is str and value in shown
        )
    cleaned = {value: new for value, (new, _) in changes.items()}
    return list(map(cleaned.get, column, column))


def _clean_cell(
    value: Any,
    clean: Cleaner,
    at: tuple[int, int] | None = None,
    errors: list[tuple[int, int, str]] | None = None,
) -> Any:
    """Clean one cell; an error value is recorded at (row index, column) when errors is given."""
    change = clean((value,)).get(value) if type(value) is str else None
    if change is None:
        return value
    cleaned, error = change
    if error is not None and errors is not None and at is not None:
        errors.append((*at, error))
    return cleaned


def _same_cell(value: Any) -> Any:
    """A cell as compared with a header cell: a text without case or spaces."""
    return "".join(value.split()).casefold() if isinstance(value, str) else value


def _repeated_headers(
    header: Sequence[Any], columns: Sequence[Sequence[Any]], tails: dict[int, list[Any]]
) -> list[int]:
    """Indexes of the rows below the header that repeat it (the same cells, but for case and
    spaces): a second table pasted below the first, a printout's page header. A supplier
    named 'Supplier ID' whose country is 'Country' is no supplier."""
    texts = [col for col, cell in enumerate(header) if isinstance(cell, str) and col < len(columns)]
    if not texts:
        return []
    first = texts[0]
    column = columns[first]
    # one search through the column's texts at C speed first: in most tables no cell holds
    # the header's longest word, and no cell is compared one by one
    word = max(str(header[first]).casefold().split(), key=len, default="")
    if word not in "\0".join(map(str, column)).casefold():
        return []
    wanted = [_same_cell(cell) for cell in header]
    found = []
    for index, value in enumerate(column):
        if (
            isinstance(value, str)
            and _same_cell(value) == wanted[first]
            and all(_same_cell(columns[col][index]) == wanted[col] for col in range(len(columns)))
            and all(v is None for v in tails.get(index, ()))
        ):
            found.append(index)
    return found


def _blank_rows(columns: Sequence[Sequence[Any]], tails: dict[int, list[Any]]) -> set[int]:
    """Indexes of the rows whose cells are all blank (None), cells beyond the header included."""
    if any(None not in column for column in columns):
        return set()  # a column without blanks: no row is blank
    return {
        index
        for index, cells in enumerate(zip(*columns, strict=True))
        if cells.count(None) == len(cells) and all(v is None for v in tails.get(index, ()))
    }


# the fields that hold numbers: a totals row sums them
_NUMBER_FIELDS = frozenset({"share", "workers", "female_pct", "migrant_pct"})
_NOTE_WORDS = 4  # "Hinweis: Angaben ohne Gewähr", "Source: ERP export 2026"
# the first word (or two) of a totals row's label: "Total", "Summe: 2 Lieferanten", "Grand total"
_TOTAL_WORDS = frozenset(
    {
        "total",
        "totals",
        "totaal",
        "totale",
        "totali",
        "totales",
        "totaux",
        "totalt",
        "sum",
        "sums",
        "summe",
        "summen",
        "gesamt",
        "gesamtsumme",
        "gesamtergebnis",
        "insgesamt",
        "zwischensumme",
        "endsumme",
        "subtotal",
        "subtotals",
        "subtotale",
        "subtotaal",
        "somme",
        "suma",
        "sumas",
        "grand total",
        "sub total",
        "sous total",
        "suma total",
        "jumla",  # (Swahili)
        "jumla kuu",
        "σ",  # (the sum sign, Greek capital sigma, as a word)
        "∑",  # (the n-ary summation sign)
    }
)
# words that qualify a total in its label: "Grand total", "Total général", "Sub-total"
_TOTAL_QUALIFIERS = frozenset(
    {"grand", "sub", "sous", "general", "generale", "général", "générale", "allgemein"}
    | {"complessivo", "complessiva"}
)
# a total word or its qualifier abbreviated, with its dot ("Tot.", "Ges.", "Tot. gen.",
# "Tot. proveedores"), read as the word: without the dot "Tot" or "Ges" may be an id or a name
_TOTAL_ABBREVIATED = re.compile(r"\b(tot|ges|subtot|gen)\.(?!\w)")
_TOTAL_ABBREVIATIONS = {"tot": "total", "ges": "gesamt", "subtot": "subtotal", "gen": "general"}
_LABEL_COLON = re.compile(r":(\s|$)")  # "Stand: Q3/2026"; not an id such as "SAP:1001"
# what a totals row counts: "Total: 2 suppliers", "Summe: 12 Lieferanten", "Totale fornitori:
# 2", or its rows
_COUNTED_ROWS = frozenset({"rows", "zeilen", "lignes", "filas", "righe", "rijen", "linhas"})
_COUNTED = frozenset(
    {
        "supplier",
        "suppliers",
        "vendor",
        "vendors",
        "lieferant",
        "lieferanten",
        "fournisseur",
        "fournisseurs",
        "proveedor",
        "proveedores",
        "fornecedor",
        "fornecedores",
        "fornitore",
        "fornitori",
        "leverancier",
        "leveranciers",
        *_COUNTED_ROWS,
    }
)
_DATE = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b")
# the words of a label (the summation sign is no letter, but a word of a totals row)
_LABEL_WORDS = re.compile(r"\w+|∑")


def _label_words(text: str) -> list[str]:
    """The words of a label, in lower case, a total word abbreviated read as the word ("Tot.
    proveedores": "total", "proveedores")."""
    text = _TOTAL_ABBREVIATED.sub(lambda m: _TOTAL_ABBREVIATIONS[m.group(1)], text.casefold())
    return _LABEL_WORDS.findall(text)


# words that say a count: "Anzahl Lieferanten: 3", "Number of suppliers 3"
_COUNT_WORDS = frozenset(
    {"anzahl", "count", "number", "of", "nombre", "de", "numero", "número", "di", "aantal", "van"}
)
# the words of a section title inside a table ("Tier 2 suppliers", "Lieferanten Stufe 3",
# "Fournisseurs de rang 2", "Direct suppliers – Asia"): a tier, the suppliers, and the words
# around them
_TIER_WORDS = frozenset({"tier", "tiers", "stufe", "ebene", "rang", "niveau", "nivel", "level"})
_SUPPLIER_WORDS = (_COUNTED - _COUNTED_ROWS) | {
    "subcontractor",
    "subcontractors",
    "subsupplier",
    "subsuppliers",
    "unterlieferant",
    "unterlieferanten",
    "vorlieferant",
    "vorlieferanten",
    "traitant",
    "traitants",
    "subcontratista",
    "subcontratistas",
}
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"})
_ORDINAL = re.compile(r"\d+(st|nd|rd|th|e|er|ère|te|ter|º|°)?")
_SECTION_FILLERS = frozenset(
    {
        *("of", "in", "from", "the", "and", "for", "with", "other", "others", "new", "all"),
        *("direct", "indirect", "main", "key", "strategic", "critical", "sub", "list"),
        *("first", "second", "third", "fourth", "fifth"),
        *("der", "die", "das", "aus", "und", "mit", "für", "weitere", "neue", "direkte"),
        *("indirekte", "liste", "übersicht", "erste", "zweite", "dritte", "vierte"),
        *("de", "des", "du", "la", "le", "les", "et", "en", "autres", "nouveaux", "sous"),
        *("directs", "indirects", "premier", "deuxième", "troisième"),
        *("y", "del", "los", "las", "otros", "nuevos", "directos", "indirectos", "lista"),
        *("primer", "segundo", "tercer", "cuarto"),
    }
)
# the names of groups of countries a table's suppliers are listed under ("Asia", "EU",
# "Latin America", "Südostasien"), as words, and the words that qualify them
_COUNTRY_GROUPS = frozenset(
    {
        *("asia", "europe", "africa", "america", "americas", "oceania", "eu", "emea", "apac"),
        *("latam", "mena", "asean", "caribbean", "balkans", "scandinavia", "east", "world"),
        *("overseas", "asien", "europa", "afrika", "amerika", "ozeanien", "nordamerika"),
        *("südamerika", "lateinamerika", "mittelamerika", "südostasien", "ostasien", "südasien"),
        *("osteuropa", "westeuropa", "nordafrika", "westafrika", "ostafrika", "osten", "ausland"),
        *("asie", "afrique", "amérique", "océanie", "orient", "américa", "oriente", "mundo"),
    }
)
_GROUP_QUALIFIERS = frozenset(
    {
        *("north", "south", "west", "central", "eastern", "western", "southern", "northern"),
        *("southeast", "latin", "middle", "sub", "saharan", "near", "far", "pacific", "rest"),
        *("of", "the", "naher", "nord", "sud", "est", "ouest", "latine", "moyen", "medio"),
        *("sudeste", "del", "de", "la", "und", "and", "et", "y"),
    }
)
# words of a company's legal form: a text holding one names a supplier, never a section
_LEGAL_FORMS = frozenset(
    {
        *("ltd", "limited", "llc", "inc", "corp", "corporation", "co", "company", "plc"),
        *("gmbh", "ag", "kg", "ohg", "ug", "sa", "sas", "sarl", "srl", "spa", "bv", "nv"),
        *("pvt", "pte", "bhd", "sdn", "tbk", "pt", "cv", "jsc", "oy", "ab", "as", "kft"),
        *("coop", "cooperative", "cooperativa", "coopérative", "group", "holding", "trading"),
    }
)


@dataclass(frozen=True, slots=True)
class _Skipped:
    """A row read as a note or a totals row: its label (column, text) and its numbers."""

    label: tuple[int, str] | None
    numbers: list[tuple[int, Any]]
    total: bool
    section: bool = False  # a section title ("Tier 2 suppliers"): its label alone
    count: str | None = None  # a count beside a totals row's label ("3 Lieferanten")


def _skipped_rows(
    columns: Sequence[Sequence[Any]],
    tails: dict[int, list[Any]],
    numeric: Sequence[bool],
    blank: set[int],
    roles: tuple[int | None, int | None] = (None, None),
    lone: dict[int, str] | None = None,
    places: tuple[int | None, int | None] = (None, None),
) -> dict[int, _Skipped]:
    """The rows that are no supplier: a note, or a totals row, by index.

    Such a row has a label or numbers and nothing else: its first filled cell a text, and
    every other filled cell a number in a number column (share, workers, percentages, or a
    column of the user's own). The label makes it a note when it is in the table's first
    column and holds "word: " or four words or more (a note merged across the table has its
    text in the first cell), a totals row when its first word is Total, Summe, Gesamt …
    anywhere; numbers without a label make a totals row too. A row with an id and a name, or
    an id alone ("T1", "Acme Ltd"), stays a supplier, as does a name alone ("Farm one",
    "Total Nigeria Plc", "Cooperative Agricole du Nord Soubre", without an id): a cell of the
    name column (roles: the id and name columns) is a label only when it is a total word with
    counts and dates only ("Zwischensumme", "Total: 2 suppliers", "Total 2026") or, in the
    table's first column, "word: " ("Source: ERP export") or a note of four words or more
    with a date and no numbers. A text alone in its row in the id or name column makes a
    section title when it reads as one (_section_title). `lone`, when given, is filled with
    the other rows of such a text alone (index: text), a section title the sectors may name.
    A totals row may also count its rows in the name column beside its label ("Gesamt | 3
    Lieferanten"): looked at among the rows without a country and a sector (`places`: their
    columns).
    """
    candidates: Iterable[int] = _label_rows(columns, numeric)
    counted = _placeless(columns, places, roles[1])
    if counted:
        candidates = sorted({*candidates, *counted})
    found: dict[int, _Skipped] = {}
    for index in candidates:
        if index in blank or any(v is not None for v in tails.get(index, ())):
            continue
        skipped = _skipped_row([column[index] for column in columns], numeric, roles[1], roles[0])
        if skipped is None and lone is not None:
            _lone_text(columns, index, roles, lone)
        if skipped is not None:
            found[index] = skipped
    return found


def _label_rows(columns: Sequence[Sequence[Any]], numeric: Sequence[bool]) -> Iterable[int]:
    """The rows that may hold one text cell at most (a label), by index."""
    texts = [col for col, is_number in enumerate(numeric) if not is_number]
    if len(texts) < 2:
        return range(len(columns[0]) if columns else 0)
    # a row of one text cell at most is blank in either of any two text columns: two
    # without blanks (the ids and names, mostly) leave no row to look at; otherwise the two
    # fullest give the rows to look at, found without a Python step each
    full = 0
    for col in texts:
        full += None not in columns[col]
        if full == 2:
            return ()
    fullest = sorted(texts, key=lambda col: columns[col].count(None))[:2]
    return sorted(
        {
            index
            for col in fullest
            for index in compress(range(len(columns[col])), map(is_, columns[col], repeat(None)))
        }
    )


def _placeless(
    columns: Sequence[Sequence[Any]],
    places: tuple[int | None, int | None],
    name_col: int | None,
) -> list[int]:
    """The rows without a country and a sector (of those columns the table has) whose name
    holds a digit: where a totals row may count its rows ("3 Lieferanten"), by index."""
    held = [col for col in places if col is not None]
    if name_col is None or not held or None not in columns[held[0]]:
        return []
    first, *others = held
    names = columns[name_col]
    return [
        index
        for index in compress(range(len(columns[first])), map(is_, columns[first], repeat(None)))
        if all(columns[col][index] is None for col in others)
        and isinstance(name := names[index], str)
        and any(map(str.isdigit, name))
    ]


def _lone_text(
    columns: Sequence[Sequence[Any]],
    index: int,
    roles: tuple[int | None, int | None],
    lone: dict[int, str],
) -> None:
    """Note a row's text where it is the row's one filled cell, in the id or name column."""
    texts = [
        (col, column[index]) for col, column in enumerate(columns) if column[index] is not None
    ]
    if len(texts) == 1 and texts[0][0] in roles and isinstance(texts[0][1], str):
        if texts[0][0] == roles[0] and _one_token_id(texts[0][1]):
            return  # (an id: "EU-01", "TIER-2")
        lone[index] = texts[0][1].strip()


def _one_token_id(text: str) -> bool:
    """Whether a text of the id column is written as an id: one token, no whitespace, with a
    digit ("EU-01", "ASIA1", "TIER-2", "Europe-3"), never a section title; a word alone
    ("Asia", "Lieferanten", "Sub-suppliers") may be one."""
    text = text.strip()
    return bool(text) and not any(c.isspace() for c in text) and any(c.isdigit() for c in text)


def section_rest(text: str) -> str | None:
    """What a text alone in its row names besides a section title's words ("Cocoa
    suppliers": "cocoa"), where that may name a sector; None where it names a company (a
    legal form) or is too long for a title."""
    words = _LABEL_WORDS.findall(text.casefold())
    if not words or len(words) > _SECTION_WORDS or not _LEGAL_FORMS.isdisjoint(words):
        return None
    rest = [
        w
        for w in words
        if w not in _SUPPLIER_WORDS and w not in _SECTION_FILLERS and w not in _TIER_WORDS
    ]
    return " ".join(rest) or None


def _skipped_row(
    cells: Sequence[Any],
    numeric: Sequence[bool],
    name_col: int | None = None,
    id_col: int | None = None,
) -> _Skipped | None:
    """The note, totals row or section title these cells make (see _skipped_rows), or None:
    a supplier."""
    filled = [(col, value) for col, value in enumerate(cells) if value is not None]
    if not filled:
        return None
    label: tuple[int, str] | None = None
    col, first = filled[0]
    if isinstance(first, str) and not (numeric[col] and _is_summed(first)):
        label = (col, first.strip())
        filled = filled[1:]
    if not all(numeric[c] and _is_summed(v) for c, v in filled):
        return _counted_total(label, filled, numeric, name_col)
    if label is None:
        return _Skipped(None, filled, True)  # numbers alone: a sum below the table
    col, text = label
    words = _label_words(text)
    if (
        not filled
        and col in (id_col, name_col)
        and not (col == id_col and _one_token_id(text))
        and _section_title(words)
    ):
        return _Skipped(label, [], False, section=True)
    if col == name_col:
        # a name is a supplier's ("Total Nigeria Plc", "Sum Agro Ltd", "Cooperative Agricole du
        # Nord Soubre"); a label only when it reads as none: a total word with counts and
        # dates only ("Total: 2 suppliers", "Total 2026"), a count alone ("3 Lieferanten"),
        # or, in the table's first column (where a note merged across the table is),
        # "Word: …" or a note with a date
        if _total_label(words):
            if all(
                w in _TOTAL_WORDS or w in _TOTAL_QUALIFIERS or w in _COUNTED or w.isdigit()
                for w in words
            ):
                return _Skipped(label, filled, True)
            return None
        if _count_text(words):
            return _Skipped(label, filled, True)
        if col == 0 and (
            _LABEL_COLON.search(text)
            or (not filled and len(text.split()) >= _NOTE_WORDS and _DATE.search(text))
        ):
            return _Skipped(label, filled, bool(filled))
        return None
    if _total_label(words):
        return _Skipped(label, filled, True)
    if col == 0 and (
        _LABEL_COLON.search(text) or (len(text.split()) >= _NOTE_WORDS and len(cells) >= 3)
    ):
        return _Skipped(label, filled, bool(filled))
    return None


def _total_label(words: Sequence[str]) -> bool:
    """Whether a label's words begin as a totals row's: "Total", "Grand total", "Σ"."""
    return bool(words) and (words[0] in _TOTAL_WORDS or " ".join(words[:2]) in _TOTAL_WORDS)


def _count_text(words: Sequence[str]) -> bool:
    """Whether a text's words are a count of suppliers or rows: "3 Lieferanten", "12
    fournisseurs", "Number of suppliers: 3"."""
    return (
        any(w.isdigit() for w in words)
        and any(w in _COUNTED for w in words)
        and all(w.isdigit() or w in _COUNTED or w in _COUNT_WORDS for w in words)
    )


def _counted_total(
    label: tuple[int, str] | None,
    others: list[tuple[int, Any]],
    numeric: Sequence[bool],
    name_col: int | None,
) -> _Skipped | None:
    """A totals row whose label ("Gesamt", "Σ") has a count of what it sums in the name
    column beside it ("3 Lieferanten") and numbers else, or None."""
    if label is None or name_col is None or label[0] == name_col:
        return None
    count = next((v for c, v in others if c == name_col), None)
    if (
        not isinstance(count, str)
        or not _count_text(_label_words(count))
        or not _total_label(_label_words(label[1]))
        or not all(numeric[c] and _is_summed(v) for c, v in others if c != name_col)
    ):
        return None
    numbers = [(c, v) for c, v in others if c != name_col]
    return _Skipped(label, numbers, True, count=count.strip())


def _section_title(words: Sequence[str]) -> bool:
    """Whether a text alone in its row (in the id or name column) reads as a section title
    of the table's suppliers: a tier ("Tier 3", "Stufe 2", "2nd tier"), the suppliers ("Tier
    2 suppliers", "Lieferanten", "Fournisseurs de rang 2") or a group of countries ("Asia",
    "Latin America"), with at most words around them that name no company (no legal form),
    a country ("Suppliers in Bangladesh") or a group of countries. A tier's word needs its
    number: "T1" or "Tier" alone may be an id."""
    if not words or len(words) > _SECTION_WORDS or not _LEGAL_FORMS.isdisjoint(words):
        return False
    numbered = any(_ORDINAL.fullmatch(w) or w in _ROMAN for w in words)
    tier = numbered and not _TIER_WORDS.isdisjoint(words)
    named = not _SUPPLIER_WORDS.isdisjoint(words)
    rest = [
        w
        for w in words
        if w not in _TIER_WORDS
        and w not in _SUPPLIER_WORDS
        and w not in _SECTION_FILLERS
        and w not in _ROMAN
        and not _ORDINAL.fullmatch(w)
    ]
    # the suppliers and a place alone, without a tier or a word around them ("Africa
    # Suppliers", "Far East Suppliers") may be a company's name: a title only with one
    # ("Suppliers in Bangladesh", "Direct suppliers – Asia", "Tier 2 suppliers Asia")
    bare = rest and not tier and all(w in _SUPPLIER_WORDS or w in rest for w in words)
    if all(w in _COUNTRY_GROUPS or w in _GROUP_QUALIFIERS for w in rest):
        # (a group of countries alone, "Asia", "Latin America", "Rest of world"; never its
        # qualifiers alone: "North")
        if (named and bare) or (numbered and not tier):
            return False  # (nor with a number but no tier: "Asia 2", "Africa 01")
        return tier or named or not _COUNTRY_GROUPS.isdisjoint(words)
    if not (tier or named) or bare:
        return False
    from ddtool.reference.countries import normalise_country  # (a title's rest only)

    return normalise_country(" ".join(rest)).iso3 is not None


_SECTION_WORDS = 8  # a section title is short: "Tier 2 suppliers – Bangladesh and India"


def _shown(value: Any) -> str:
    """A cell's value as the sheet shows it: 500, not 500.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _shown_text(value: Any) -> str:
    """A cell's value as the sheet shows it, stripped: an item of a list joined (_joined)."""
    return _shown(value).strip()


def _is_number(value: Any) -> bool:
    """Whether a cell holds a number: a number cell, or a text such as '1,200' or '65%'."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if not isinstance(value, str):
        return False
    try:
        parse_number(value)
    except ValueProblem:
        return False
    return True


# the signs of currencies written beside an amount; a dollar may follow a country's letters
# ("US$", "R$", "HK$")
_CURRENCY_SIGNS = "$€£¥₹₽₺₩₪₫₦₱₴₵₸₲₡฿"
# an amount of money: a number with a currency's sign or code before or after it
# ("250.000,00 €", "€250,000.00", "EUR 250.000", "US$ 1,200", "-€ 50")
_AMOUNT = re.compile(
    rf"[-+−]?\s*(?P<before>[A-Z]{{0,2}}[{_CURRENCY_SIGNS}]|[A-Z]{{3}})?\s*"
    r"(?P<number>[-+]?\s*\d[\d.,'\s]*)"
    rf"(?P<after>[{_CURRENCY_SIGNS}]|[A-Z]{{3}})?"
)


@cache
def _currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of currencies (and RMB, as the yuan is often written)."""
    import pycountry

    return frozenset({currency.alpha_3 for currency in pycountry.currencies} | {"RMB"})


def _is_amount(text: str) -> bool:
    """Whether a text is an amount of money: a number with one currency's sign or ISO code
    before or after it."""
    found = _AMOUNT.fullmatch(text.strip())
    if found is None:
        return False
    before, after = found.group("before"), found.group("after")
    if (before is None) == (after is None):
        return False  # no currency, or two
    mark = before or after
    return (mark[-1] in _CURRENCY_SIGNS or mark in _currency_codes()) and _is_number(
        found.group("number")
    )


def _is_summed(value: Any) -> bool:
    """Whether a totals row's cell holds what it sums: a number, or an amount of money."""
    return _is_number(value) or (isinstance(value, str) and _is_amount(value))


def section_message(shown: str) -> str:
    """The message of a row read as a section title, its text shown quoted."""
    return (
        f"the row holds only the text {shown}: read as a section title (a heading of the"
        " suppliers below it), not as a supplier; it is skipped, never scored"
    )


def _skip_message(skipped: _Skipped, labels: dict[int, str]) -> tuple[str, str]:
    """The problem type and message for a skipped row."""
    text = ""
    if skipped.label is not None:
        label = skipped.label[1]
        text = repr(label[:60] + ("…" if len(label) > 60 else ""))
    if skipped.section:
        return "section-row", section_message(text)
    if skipped.count is not None:
        text += f", {skipped.count!r}"
    if not skipped.total:
        return "note-row", (
            f"the row holds only the text {text}: read as a note (a merged comment row?), not"
            " as a supplier"
        )
    numbers = ", ".join(f"{labels[col]} {_shown(value)}" for col, value in skipped.numbers[:3])
    if len(skipped.numbers) > 3:
        numbers += f" +{len(skipped.numbers) - 3} more"
    held = " and ".join(part for part in (text, f"numbers ({numbers})" if numbers else "") if part)
    return "total-row", (
        f"the row holds only {held}: read as a totals row (a sum or a count), not as a"
        " supplier; it is skipped"
    )


# the labels of a Company sheet's fields (English, German, French, Spanish); in a sheet about
# the company, "Nom" and "Name" are its name
_COMPANY_FIELDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "name",
            "company",
            "company name",
            "our company",
            "firma",
            "firmenname",
            "unternehmen",
            "unternehmensname",
            "nom",
            "societe",
            "entreprise",
            "nom de l entreprise",
            "nom de la societe",
            "raison sociale",
            "empresa",
            "nombre",
            "nombre de la empresa",
            "razon social",
            "ragione sociale",
            "azienda",
            "nome da empresa",
            "razao social",
            "naam",
            "bedrijf",
            "bedrijfsnaam",
            "naam bedrijf",
            "onderneming",
            "jina",
            "jina la kampuni",
            "kampuni",
        ],
        "name",
    ),
    **dict.fromkeys(
        [
            "country",
            "country of incorporation",
            "headquarters",
            "land",
            "sitz",
            "pays",
            "siege",
            "pais",
            "sede",
            "vestigingsland",
            "nchi",
        ],
        "country",
    ),
    **dict.fromkeys(
        [
            "sector",
            "industry",
            "branche",
            "sektor",
            "secteur",
            "secteur d activite",
            "industria",
            "setor",
            "atividade",
            "ramo de atividade",
            "sekta",
        ],
        "sector",
    ),
    **dict.fromkeys(["id", "company id", "kennung", "identifiant"], "id"),
}


_COMPANY_KEYS = {header_key(label): name for label, name in _COMPANY_FIELDS.items()}
# the labels that name a company as such (not "Name", "Nom" or "Nombre" alone: above a
# table, a preparer's or a contact's): the row of the company above a header
_COMPANY_WORDS = frozenset(
    key
    for key, field in _COMPANY_KEYS.items()
    if field == "name"
    and key not in {header_key(word) for word in ("name", "nom", "nombre", "naam", "jina")}
)


# the header of a Company sheet's value column ("Field | Value | Comment")
_VALUE_HEADERS = dict.fromkeys(
    map(header_key, ("value", "wert", "valeur", "valor", "angabe")), True
)


def _value_header(cell: Any) -> bool:
    """Whether a cell heads a Company sheet's value column ("Value", "Wert (值)")."""
    return isinstance(cell, str) and header_lookup(cell, _VALUE_HEADERS) is not None


def _company_from_sheet(
    rows: Iterable[Sequence[Any]],
    cells: dict[str, tuple[int, int]] | None = None,
    merged: Iterable[_Range] = (),
) -> dict[str, Any]:
    """Read a Field/Value sheet naming the company: the first row of a field that has a value
    counts. `cells` gets each field's cell (row, column; from 1), where its problems are
    located, or the field's label where its value is blank. `merged` are the sheet's merged
    ranges ((row, column) from 0, first and last): a label merged across columns ends where
    its range does.

    A column headed "Value" (a header row: "Field | Value | Comment") holds the values: a
    blank cell there is a blank field, never the comment beside it ("Country | | tbc by
    legal"). Without one, the values are in the column right of the labels that holds the
    value (a row's first filled cell there; one right of it is its comment: "Name | Acme |
    legal name") of the most field rows (of a tie, the leftmost; a label's value column starts past
    its label's end: "Name" merged over A:B has its value in C where the others have theirs
    in B). A row whose cell there is blank has a blank value: a cell of another column is a
    comment or a stray note ("Country | | tbc by legal", "Name | (legal) | Acme" where the
    other fields' values are in C), never the value, and never moves the other fields'.
    """
    ends = {first: last[1] for first, last in merged if first[0] == last[0]}
    # each field's row: its number, the field, its label's column, its label's last column,
    # its value's column (None: to be chosen) and its filled cells right of the label
    fields: list[tuple[int, str, int, int, int | None, dict[int, Any]]] = []
    value_col: int | None = None
    for number, row in enumerate(rows, 1):
        label_col = next((col for col, cell in enumerate(row) if not _blank(cell)), None)
        if label_col is None or not isinstance(row[label_col], str):
            continue
        found = header_lookup(row[label_col], _COMPANY_KEYS)
        if found is None:
            if value_col is None:  # a header row: "Field | Value | Comment"
                value_col = next(
                    (
                        col
                        for col, cell in enumerate(row)
                        if col > label_col and _value_header(cell)
                    ),
                    None,
                )
            continue
        label_end = max(label_col, ends.get((number - 1, label_col), label_col))
        filled = {c: row[c] for c in range(label_end + 1, len(row)) if not _blank(row[c])}
        if value_col is None and filled:
            first_col = min(filled)
            if _value_header(filled[first_col]):
                value_col = (
                    first_col  # a header row whose first cell names a field: "Company | Value"
                )
                continue
        fixed = value_col is not None and value_col > label_end
        fields.append((number, found, label_col, label_end, value_col if fixed else None, filled))
    # the values' column: the one right of the labels that holds the value (the first filled
    # cell; one right of it is its comment) of the most field rows, the leftmost of a tie
    counts: dict[int, int] = {}
    for *_, col, filled in fields:
        if col is None and filled:
            counts[min(filled)] = counts.get(min(filled), 0) + 1
    majority = min(counts, key=lambda c: (-counts[c], c)) if counts else None
    company: dict[str, Any] = {}
    for number, found, label_col, label_end, col, filled in fields:
        if col is None and majority is not None:
            col = max(majority, label_end + 1)  # (past a merged label's end)
        value = filled.get(col) if col is not None else None
        if found not in company and not _blank(value):
            company[found] = value
            if cells is not None and col is not None:
                cells[found] = (number, col + 1)
        elif cells is not None and found not in company and found not in cells:
            cells[found] = (number, label_col + 1)  # (blank: its label, until a value)
    return company


def _company_above(
    read: _SheetRead,
) -> tuple[dict[str, Any], Location, dict[str, Location]] | None:
    """The company the rows above a sheet's supplier header name, as an export's title rows
    give it: a label with a colon and its value in the next filled cell ("Unternehmen: |
    Nordsee Feinkost Import GmbH | Land: | Deutschland"), or both in one cell ("Company:
    Acme GmbH"); None where they name none (a company needs its name). Labels are the
    Company sheet's (_COMPANY_FIELDS); a label without its colon is a title's word."""
    rows, found = read.header()
    if found is None:
        return None
    fields: dict[str, Any] = {}
    cells: dict[str, Location] = {}
    for number, row in enumerate(rows[: found[0]], 1):
        filled = [(col, cell) for col, cell in enumerate(row) if not _blank(cell)]
        # (only the row that names the company by a company's word, "Unternehmen:",
        # "Company:", not a preparer's "Name:", an export's "ID:" or a filter's "Country:")
        if "name" in fields or not any(
            isinstance(cell, str)
            and ":" in cell
            and header_key(cell.partition(":")[0]) in _COMPANY_WORDS
            for _, cell in filled
        ):
            continue
        for at, (col, cell) in enumerate(filled):
            if not isinstance(cell, str) or ":" not in cell:
                continue
            label, _, rest = cell.partition(":")
            field = header_lookup(label, _COMPANY_KEYS)
            if field is None or field in fields:
                continue
            value: Any = rest.strip() or None
            where = col
            if value is None and at + 1 < len(filled):
                where, value = filled[at + 1]
                if isinstance(value, str) and value.rstrip().endswith(":"):
                    continue  # (the next label: this one's value is blank)
            if value is not None:
                fields[field] = value
                cells[field] = read.where(number, column_letter(where))
    if "name" not in fields:
        return None
    return fields, read.where(), cells


def _company_sheet(
    workbook: CalamineWorkbook, path: Path, names: list[str], sheet: str
) -> tuple[dict[str, Any], Location, dict[str, Location]] | None:
    """The company a workbook's Company sheet names (the last such sheet that can be read,
    other than `sheet`, the suppliers'), where the sheet is, and where each of its fields
    was read; None without one."""
    company: tuple[dict[str, Any], Location, dict[str, Location]] | None = None
    for name in names:
        if name != sheet and _COMPANY_SHEET.match(name.strip()):
            try:
                found = workbook.get_sheet_by_name(name)
                rows = found.to_python()
            except Exception:  # calamine raises its own error types
                continue
            merged = _merged_ranges(found)
            if merged is None:  # (an older calamine: an xlsx sheet's, from its XML)
                merged = _merged_from_xml(_SheetRead(path, name, rows, ReadOptions()))
            cells: dict[str, tuple[int, int]] = {}
            fields = _company_from_sheet(rows, cells, merged)
            located = {
                key: Location(str(path), sheet=name, row=row, column=column_letter(col - 1))
                for key, (row, col) in cells.items()
            }
            company = (fields, Location(str(path), sheet=name), located)
    return company


def _lists_marked(workbook: CalamineWorkbook) -> bool:
    """Whether the template's hidden lists bear today's mark beside their headers (see
    TEMPLATE_LISTS_MARK): the template that wrote them left the company's country and sector
    blank. (A sheet that cannot be read: no mark.)"""
    try:
        head = workbook.get_sheet_by_name(TEMPLATE_LISTS_SHEET).to_python(nrows=1)
    except Exception:  # calamine raises its own error types
        return False
    return bool(head) and TEMPLATE_LISTS_MARK in head[0]


def _company_ids(company: tuple[dict[str, Any], Location, dict[str, Location]] | None) -> set[str]:
    """The ids a buyer column can name the company by: its id ("company" unless the Company
    sheet gives one), and its name where the sheet gives one."""
    fields = company[0] if company is not None else {}
    ids = {as_id(fields["id"]) if fields.get("id") is not None else "company"}
    if not _blank(fields.get("name")):
        ids.add(as_id(fields["name"]))
    return ids


_ENCRYPTED = (
    "the workbook is password-protected or encrypted; remove the password (File > Info >"
    " Protect Workbook) and save it again, or export CSV"
)
# the last workbook read, by path: its signature when read, its worksheet parts as checked
# (_inspect_package) and what their XML shows (_scan_workbook); its tier sheets read after it
# take them from here
_PACKAGE_SEEN: dict[str, tuple[tuple[int, ...], list[zipfile.ZipInfo], _Scan | None]] = {}


class ExcelReader(ChainReader):
    """Reads workbooks with python-calamine (fast, no formula evaluation, no macros)."""

    suffixes = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        from concurrent.futures import ThreadPoolExecutor

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
        suffix = path.suffix.lower()
        zipped = suffix in (".xlsx", ".xlsm", ".ods", ".xlsb")
        if suffix == ".xls" and magic.startswith(b"PK"):
            zipped = True  # a newer workbook saved with the old name: read by its content
        elif suffix == ".xls" and not magic.startswith(b"\xd0\xcf\x11\xe0"):
            if _text_table(path):  # a system's "Excel" export that is text: tab-separated
                as_text = CsvReader().read(path, options)
                as_text.problems.warning(
                    "text-table",
                    "the file is a text table (tab-, semicolon- or comma-separated) saved with an"
                    " Excel name: read as text, as a spreadsheet program opens it",
                    where,
                )
                return as_text
            problems.error("not-a-workbook", _not_old_excel(path, magic), where)
            return chain
        if zipped and magic.startswith(b"\xd0\xcf\x11\xe0"):
            # an OLE container: an encrypted workbook, or an Excel 97-2003 one (.xls) named as
            # a newer one, told apart by the streams it holds
            if _ole_stream(path) in ("Workbook", "Book"):
                problems.error(
                    "misnamed-workbook",
                    f"an Excel 97-2003 workbook (.xls) saved with the name {path.suffix}: rename"
                    " it to .xls, or open it and save it as .xlsx",
                    where,
                )
                return chain
            problems.error("encrypted-workbook", _ENCRYPTED, where)
            return chain
        if zipped and not magic.startswith(b"PK"):
            problems.error(
                "not-a-workbook",
                f"not a valid {path.suffix} workbook (the content is text or another format);"
                " save it again from your spreadsheet program or export CSV",
                where,
            )
            return chain
        sheets: list[zipfile.ZipInfo] = []
        # (a tier sheet read after the workbook's first sheet: the package was checked and
        # scanned whole then, and is the same file; not checked and scanned again per sheet)
        signature = file_signature(path)
        seen = _PACKAGE_SEEN.get(str(path)) if options.tier_sheet else None
        if seen is not None and seen[0] == signature:
            _, sheets, scanned = seen
            loading = ProblemList()
            loaded = self._load(path, options, loading, where, zipped)
        else:
            if zipped:
                inspected = _inspect_package(path, options, problems, where)
                if inspected is None:
                    return chain
                sheets = inspected
            # Scanning the sheets for formulas and error values reads all their XML (0.2 s for
            # 10^5 rows): it runs while calamine parses (which releases the GIL), on another
            # core when there is one. The problems calamine finds are reported after the
            # scan's, in the order the two steps had when they ran one after the other.
            loading = ProblemList()
            scanned = None
            with ThreadPoolExecutor(max_workers=1) as pool:
                ods = zipped and suffix == ".ods"  # (its merges and hidden rows: _scan_ods)
                scan = pool.submit(_scan_workbook, path, sheets) if sheets or ods else None
                loaded = self._load(path, options, loading, where, zipped)
                if scan is not None:
                    scanned = scan.result()
            _PACKAGE_SEEN.clear()  # (the last workbook read only)
            if signature is not None and (scanned is None or scanned.broken is None):
                _PACKAGE_SEEN[str(path)] = (signature, sheets, scanned)
        if scanned is not None and scanned.broken is not None:
            problems.error("not-a-workbook", scanned.broken, where)
            return chain
        problems.extend(loading)
        if loaded is None:
            return chain
        workbook, names, hidden, sheet, rows, merged = loaded
        ods_merged = scanned.merged if scanned is not None else None
        if merged is None and ods_merged is not None:
            merged = ods_merged.get(sheet, [])  # (calamine gives none for .ods)
        if _is_register(workbook, names):
            register = _OWN_OUTPUT.format(what="an Excel risk register")
            problems.error("ddtool-output", register, where)
            return chain
        # (marked to be calculated when opened: the sheet's saved results are stand-ins only
        # when each is 0 or empty, _stand_ins_only)
        marked = scanned is not None and scanned.uncalculated
        # (read first: a column naming the company as its suppliers' buyer is told by it)
        company = _company_sheet(workbook, path, names, sheet)
        first = ProblemList()
        read = _SheetRead(path, sheet, rows, options)
        uncalculated = marked and _stand_ins_only(read)
        if uncalculated:
            _blank_uncalculated(read)
        groups = _merged_header(read, merged, first)
        _fill_merged(read, merged, first)
        chain.table = table_from_rows(
            str(path),
            sheet,
            rows,
            options,
            first,
            clean=_excel_cleaning,
            merged_header=groups,
            company_ids=_company_ids(company),
        )
        if chain.table is None and options.sheet is None and first.has_errors():
            # the sheet chosen by its name has no header (a "Supplier guidance" sheet before
            # "Suppliers"): the first sheet that has one is read instead, and said so
            other = _sheet_with_header(workbook, path, names, hidden, sheet, options)
            if other is not None:
                other_name, other_rows, other_merged = other
                if other_merged is None and ods_merged is not None:
                    other_merged = ods_merged.get(other_name, [])
                problems.warning(
                    "other-sheet-read",
                    f"sheet '{sheet}' has no header row; sheet '{other_name}' has one and is"
                    " read instead "
                    + (
                        # (a batch has no --sheet: what the officer can check instead)
                        "(a batch has no --sheet: check that it holds the member's suppliers)"
                        if options.in_batch
                        else "(choose with --sheet)"
                    ),
                    Location(str(path), sheet=other_name),
                )
                sheet, first = other_name, ProblemList()
                # (the sheet chosen first may be the Company sheet; this one is no longer)
                company = _company_sheet(workbook, path, names, sheet)
                read = _SheetRead(path, sheet, other_rows, options)
                uncalculated = marked and _stand_ins_only(read)
                if uncalculated:
                    _blank_uncalculated(read)
                groups = _merged_header(read, other_merged, first)
                _fill_merged(read, other_merged, first)
                chain.table = table_from_rows(
                    str(path),
                    sheet,
                    other_rows,
                    options,
                    first,
                    clean=_excel_cleaning,
                    merged_header=groups,
                    company_ids=_company_ids(company),
                )
        # formulas told of the sheets read that hold them (those of other sheets, a list of
        # choices say, are not), the Company sheet's once, with the workbook's first sheet
        told = [(sheet, uncalculated)]
        if company is not None and not (options.tier_sheet and options.sheet is not None):
            told.append((str(company[1].sheet), marked))
        for name, stand_ins in told:
            if not _formulas_on(path, name, scanned):
                continue
            problems.warning(
                "formulas",
                "the sheet has formulas, and the workbook was saved without calculating them"
                " (it asks to be calculated when opened, and every value saved with a formula"
                " is 0 or empty): those values are stand-ins, no results, and read as blank"
                if stand_ins
                else "the sheet has formulas: their last saved results are read; a formula"
                " never saved by a spreadsheet program has no result and reads as blank",
                Location(str(path), sheet=name),
            )
        if sheet in hidden:
            problems.warning(
                "hidden-sheet",
                f"sheet '{sheet}' is hidden in the workbook (a spreadsheet program does not show"
                " it) and is read"
                + (
                    ", as --sheet asks: check that it holds the current list"
                    if options.sheet is not None
                    else ": no visible sheet has a supplier header; check that it holds the"
                    " current list"
                ),
                Location(str(path), sheet=sheet),
            )
        problems.extend(first)
        if scanned is not None and scanned.errors and chain.table is not None:
            _error_values(read, problems)
        if scanned is not None and scanned.formulas and chain.table is not None:
            skipped = {
                p.location.row
                for p in first.items
                if p.type in _SKIPPED_ROWS and p.location.row is not None
            }
            _formulas_without_result(read, skipped, problems, uncalculated)
        if scanned is not None and scanned.hidden_rows and chain.table is not None:
            _hidden_rows(path, sheet, chain.table.rows, scanned.hidden_rows, problems)
        if options.sheet is None:
            others = _supplier_sheets(workbook, path, names, sheet, options)
            if chain.table is not None:  # (the others read with it: read_chain)
                chain.tier_sheets = _tier_sheets(sheet, others, hidden)
            rest = [name for name in others if name not in chain.tier_sheets]
            chain.unread_sheets = _other_supplier_sheets(
                {name: others[name] for name in rest},
                path,
                hidden,
                sheet,
                options,
                problems,
                chain.tier_sheets,
            )
        elif options.tier_sheet:  # (a tier sheet: the first one read names the sheets not read)
            pass
        elif chain.table is not None:  # (--sheet chose it: the others are told where needed)
            chain.unread_sheets = list(_supplier_sheets(workbook, path, names, sheet, options))
        if company is None and chain.table is not None:
            # (no Company sheet: the rows above the header may name it, as exports do)
            company = _company_above(read)
        if company is not None:
            chain.company, chain.company_location, chain.company_cells = company
            chain.template = TEMPLATE_LISTS_SHEET in hidden
            chain.template_sample = chain.template and not _lists_marked(workbook)
        return chain

    def _load(
        self,
        path: Path,
        options: ReadOptions,
        problems: ProblemList,
        where: Location,
        zipped: bool,
    ) -> (
        tuple[CalamineWorkbook, list[str], set[str], str, list[list[Any]], list[_Range] | None]
        | None
    ):
        """Open the workbook (`zipped`: its content is a zip package, whatever its name) and
        read the supplier sheet's cells as they are, and its merged ranges (None: not
        known). Returns the workbook, its sheets, the hidden ones, the sheet read, its rows
        and its merged ranges."""
        from python_calamine import CalamineWorkbook

        try:
            if zipped and path.suffix.lower() == ".xls":
                with path.open("rb") as handle:  # a newer workbook with the old name:
                    workbook = CalamineWorkbook.from_filelike(handle)  # read by its content
            else:
                workbook = CalamineWorkbook.from_path(str(path))
            names = list(workbook.sheet_names)
        except Exception as e:  # calamine raises its own error types for broken files
            if type(e).__name__ == "PasswordError":  # (an Excel 97-2003 workbook's password)
                problems.error("encrypted-workbook", _ENCRYPTED, where)
            else:
                problems.error("not-a-workbook", _unreadable("the workbook", e), where)
            return None
        if not names:
            problems.error("empty-file", "the workbook has no sheets", where)
            return None
        hidden = _hidden_sheets(workbook)
        sheet = self._choose_sheet(names, hidden, options, problems, where, workbook, path)
        if sheet is None:
            return None
        merged: list[_Range] | None
        rows: list[list[Any]] | _TooLong
        try:
            found = workbook.get_sheet_by_name(sheet)
            rows = _sheet_rows(found, options.max_rows)
            merged = _merged_ranges(found)
        except Exception as e:
            # what calamine cannot read (shared strings where it does not look for them),
            # openpyxl may: the sheet is read the slow way rather than not at all
            fallback = _openpyxl_rows(path, sheet)
            if fallback is None:
                problems.error("not-a-workbook", _unreadable(f"sheet '{sheet}'", e), where)
                return None
            rows, merged = _filled_rows(fallback), None
            if len(rows) > options.max_rows:
                rows = _TooLong(len(rows))
        if isinstance(rows, _TooLong):
            problems.error(
                "too-many-rows", rows.message(options.max_rows), Location(str(path), sheet=sheet)
            )
            return None
        return workbook, names, hidden, sheet, rows, merged

    @staticmethod
    def _choose_sheet(
        names: list[str],
        hidden: set[str],
        options: ReadOptions,
        problems: ProblemList,
        where: Location,
        workbook: CalamineWorkbook,
        path: Path,
    ) -> str | None:
        """The sheet to read: the one --sheet names, else the first visible sheet named as a
        supplier sheet, else the first visible sheet (a hidden sheet, kept by the workbook's
        owner and not shown, is mostly an old list)."""
        if options.sheet is not None:
            if options.sheet in names:
                return options.sheet
            # sheet names are told apart without regard to case, as a spreadsheet program
            # does (it refuses "tier 2" beside "Tier 2"): one named so in another case is it
            same = [name for name in names if name.casefold() == options.sheet.casefold()]
            if len(same) == 1:
                return same[0]
            if len(same) > 1:
                problems.error(
                    "unknown-sheet",
                    f"--sheet '{options.sheet}' is {' and '.join(same)} alike, written in"
                    " another case: give the name as the sheet writes it",
                    where,
                )
                return None
            from rapidfuzz import fuzz, process

            # a name written much like it ('Supplers'), else the sheet read without --sheet
            # (a name like none, 'Suppliers' among 'Stammdaten 2026' and 'Notes', is meant
            # for the sheet of suppliers, not for the sheet its letters are nearest)
            near = process.extractOne(
                options.sheet.casefold(),
                [name.casefold() for name in names],
                scorer=fuzz.ratio,
                score_cutoff=_NEAR_SHEET,
            )
            best = names[near[2]] if near else ExcelReader._default_sheet(names, hidden)
            # (the one read without --sheet: another with a header, where it has none)
            if (
                not near
                and best is not None
                and _supplier_header(workbook, path, best, options) is None
            ):
                best = next(
                    (
                        name
                        for name in names
                        if name != best
                        and name not in hidden
                        and not _COMPANY_SHEET.match(name.strip())
                        and _supplier_header(workbook, path, name, options) is not None
                    ),
                    best,
                )
            problems.error(
                "unknown-sheet",
                f"no sheet named '{options.sheet}' (sheets: {', '.join(names)})",
                where,
                suggestion=f"'{best}'" if best else None,
            )
            return None
        default = ExcelReader._default_sheet(names, hidden)
        if default is None or not _not_list_sheet(default):
            return default
        # a legend, instructions or an example first: the first other visible sheet with a
        # supplier header, where there is one (the legend's one example row is no list)
        return next(
            (
                name
                for name in names
                if name not in hidden
                and not _not_list_sheet(name)
                and not _COMPANY_SHEET.match(name.strip())
                and _supplier_header(workbook, path, name, options) is not None
            ),
            default,
        )

    @staticmethod
    def _default_sheet(names: list[str], hidden: set[str]) -> str | None:
        """The sheet read without --sheet: the first visible sheet named as a supplier
        sheet, else the first visible sheet (else the first sheet); a legend's, an
        example's or instructions' sheet first is passed over where another has a supplier
        header (see _choose_sheet)."""
        visible = [name for name in names if name not in hidden] or names
        for name in visible:
            if _SUPPLIER_SHEET.search(name) and not _COMPANY_SHEET.match(name.strip()):
                return name
        # (the Company sheet first holds no suppliers: the sheet after it, where there is one)
        others = [name for name in visible if not _COMPANY_SHEET.match(name.strip())]
        return next(iter(others or visible), None)


MAX_ERROR_CELLS = 20  # error cells named one by one; the rest are counted
# how near (0 to 100, as rapidfuzz's ratio) a --sheet not found is to a sheet it names
_NEAR_SHEET = 75
_SKIPPED_ROWS = ("note-row", "total-row", "section-row")


class _SheetRead:
    """One workbook sheet being read: its rows, and what is worked out from them once per
    read (where its header is, its XML)."""

    def __init__(self, path: Path, name: str | None, rows: list[list[Any]], options: ReadOptions):
        # (name: the sheet's; None for a CSV file's one table)
        self.path = path
        self.name = name
        self.rows = rows
        self.options = options
        self._found: tuple[list[list[Any]], tuple[int, dict[int, str]] | None] | None = None
        self._xml: str | None = None
        self._xml_read = False

    def header(self) -> tuple[list[list[Any]], tuple[int, dict[int, str]] | None]:
        """The sheet's first rows, cleaned, and where its supplier header is (None: nowhere)."""
        if self._found is None:
            self._found = _header(self.rows, self.options)
        return self._found

    def forget_header(self) -> None:
        """Find the header again: its rows were changed (a two-row header read as one)."""
        self._found = None

    def xml(self) -> str | None:
        """The sheet's XML: an xlsx sheet's; None for other formats, or when not found."""
        if not self._xml_read:
            self._xml_read = True
            if self.name is not None and self.path.suffix.lower() in (".xlsx", ".xlsm"):
                self._xml = _sheet_xml(self.path, self.name)
        return self._xml

    def where(self, row: int | None = None, column: str | None = None) -> Location:
        return Location(str(self.path), sheet=self.name, row=row, column=column)


def _error_values(read: _SheetRead, problems: ProblemList) -> None:
    """A warning at each cell of the sheet read, below its header, that holds a spreadsheet
    error (read as blank); the whole file named when the cells cannot be found."""
    text = read.xml()
    if text is None:
        problems.warning(
            "error-values",
            "some cells hold spreadsheet errors (#N/A, #REF! …) saved by the source"
            " workbook; they read as blank (a data gap)",
            read.where(),
        )
        return
    head, found = read.header()
    if found is None:
        return
    header = head[found[0]]
    below = [(row, col, error) for row, col, error in _error_cells(text) if row > found[0] + 1]
    for row, col, error in below[:MAX_ERROR_CELLS]:
        problems.warning(
            "error-values",
            f"the cell holds the spreadsheet error {error} saved by the source workbook; it"
            " reads as blank (a data gap)",
            read.where(row, _column_label(header, col)),
        )
    if len(below) > MAX_ERROR_CELLS:
        problems.warning(
            "error-values",
            f"{len(below) - MAX_ERROR_CELLS:,} more cells hold spreadsheet errors; they read as"
            " blank (a data gap)",
            read.where(),
        )


# the runs of hidden rows a warning lists (the rest are counted)
MAX_HIDDEN_RUNS = 10


def _hidden_rows(
    path: Path,
    sheet: str,
    rows: list[int],
    hidden_rows: dict[str, list[int]],
    problems: ProblemList,
) -> None:
    """One warning for the table's rows a spreadsheet program does not show (hidden, or
    filtered out of view): they are read like the others, which whoever hid them may not
    expect (a filter showing the current suppliers only). `hidden_rows` holds each
    worksheet part's (an .ods file's: each sheet's, by its name)."""
    part: str | None = sheet
    if path.suffix.lower() != ".ods":
        try:
            with zipfile.ZipFile(path) as package:
                part = _sheet_part(package, sheet)
        except (KeyError, *_BROKEN_PACKAGE):
            return
    hidden = set(hidden_rows.get(part or "", ()))
    kept = [row for row in rows if row in hidden]
    if not kept:
        return
    runs = _runs(kept)
    shown = ", ".join(map(_run_text, runs[:MAX_HIDDEN_RUNS]))
    if len(runs) > MAX_HIDDEN_RUNS:
        shown += f" and {sum(map(len, runs[MAX_HIDDEN_RUNS:])):,} more"
    noun, are, they, them = ("rows", "are", "They are", "them")
    if len(kept) == 1:
        noun, are, they, them = ("row", "is", "It is", "it")
    problems.warning(
        "hidden-rows",
        f"{len(kept):,} {noun} of the table {are} hidden in the workbook (hidden, or filtered"
        f" out of view): {noun} {shown}. {they} read and assessed like the others: unhide"
        f" {them} to check, or delete {them} to leave {them} out",
        Location(str(path), sheet=sheet, row=kept[0]),
    )


def _formulas_on(path: Path, sheet: str, scanned: _Scan | None) -> bool:
    """Whether a sheet holds formulas, by the scan of its workbook's parts (where the scan
    does not know them by part, whether any sheet does)."""
    if scanned is None or not scanned.formulas:
        return False
    if scanned.formula_parts is None:
        return True
    try:
        with zipfile.ZipFile(path) as package:
            part = _sheet_part(package, sheet)
    except (KeyError, *_BROKEN_PACKAGE):
        return True
    return part is None or part in scanned.formula_parts  # (not found: as any sheet's)


def _sheet_part(package: zipfile.ZipFile, sheet: str) -> str | None:
    """The part of an xlsx package that holds a sheet, found by its name (None: not found)."""
    book = package.read("xl/workbook.xml").decode("utf-8", "replace")
    rid = None
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name = re.search(r'\bname="([^"]*)"', tag)
        if name is not None and html.unescape(name.group(1)) == sheet:
            ident = re.search(r'\b(?:\w+:)?id="([^"]*)"', tag)
            rid = ident.group(1) if ident else None
    target = None
    for link, _kind, found in _relationships(package):
        if rid is not None and link == rid:
            target = found
    if target is None:
        return None
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def _relationships(
    package: zipfile.ZipFile,
) -> list[tuple[str | None, str | None, str | None]]:
    """The workbook's relationships, in order: each one's Id, Type and Target (None where
    the attribute is missing; the target as written)."""
    links = package.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    found = []
    for tag in re.findall(r"<(?:\w+:)?Relationship\b[^>]*>", links):
        values = [re.search(rf'\b{name}="([^"]*)"', tag) for name in ("Id", "Type", "Target")]
        ident, kind, target = (value.group(1) if value else None for value in values)
        found.append((ident, kind, target))
    return found


def _strings_part(package: zipfile.ZipFile) -> str | None:
    """The part of an xlsx package that holds its shared strings, found by the workbook's
    relationships as Excel does ("xl/sharedStrings.xml" mostly; None: not found)."""
    for _ident, kind, found in _relationships(package):
        if kind is not None and found is not None and kind.endswith("/sharedStrings"):
            target = html.unescape(found)
            if target.startswith("/"):
                return posixpath.normpath(target.lstrip("/"))
            return posixpath.normpath(f"xl/{target}")
    return None


def _sheet_xml(path: Path, sheet: str) -> str | None:
    """The XML of an xlsx sheet, found by its name; None when its part cannot be found."""
    try:
        with zipfile.ZipFile(path) as package:
            part = _sheet_part(package, sheet)
            return None if part is None else package.read(part).decode("utf-8", "replace")
    except (KeyError, *_BROKEN_PACKAGE):
        return None


def _local(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rpartition("}")[2]


def _xlsx_head(path: Path, sheet: str, count: int) -> list[list[Any]] | None:
    """The first `count` rows of an xlsx sheet, read from its XML up to them only (calamine
    parses a whole sheet: 0.6 s for an order sheet of 10^5 rows, where 30 rows are wanted);
    None when the sheet's XML cannot be read so. The package was checked by _inspect_package
    (no entity declarations)."""
    from xml.etree.ElementTree import ParseError, iterparse

    rows: list[list[Any]] = []
    shared: dict[int, list[tuple[int, int]]] = {}  # string index -> (row, column) of its cells
    try:
        with zipfile.ZipFile(path) as package:
            part = _sheet_part(package, sheet)
            if part is None:
                return None
            with package.open(part) as member:
                for _event, element in iterparse(member):
                    tag = _local(element.tag)
                    if tag == "sheetData":
                        break
                    if tag != "row":
                        continue
                    number = int(element.get("r") or len(rows) + 1)
                    if number > count:
                        break
                    rows.extend([] for _ in range(number - len(rows)))
                    row = rows[number - 1]
                    for cell in element:
                        ref = re.match(r"[A-Z]+", cell.get("r") or "")
                        col = column_index(ref.group()) if ref else len(row)
                        row.extend(None for _ in range(col + 1 - len(row)))
                        kind = cell.get("t")
                        if kind == "inlineStr":
                            row[col] = "".join(
                                t.text or "" for t in cell.iter() if _local(t.tag) == "t"
                            )
                            continue
                        value = next((v.text for v in cell if _local(v.tag) == "v"), None)
                        if value is None:
                            continue
                        if kind == "s":
                            shared.setdefault(int(value), []).append((number - 1, col))
                        elif kind in ("str", "e"):
                            row[col] = value
                        elif kind != "b":
                            row[col] = float(value)
                    element.clear()
            strings = _strings_part(package) if shared else None
            if shared and (strings is None or strings not in package.namelist()):
                return None  # (calamine finds them, or says what is wrong)
            if shared and strings is not None:
                last = max(shared)
                with package.open(strings) as member:
                    index = 0
                    for _event, element in iterparse(member):
                        if _local(element.tag) != "si":
                            continue
                        for at_row, at_col in shared.get(index, ()):
                            rows[at_row][at_col] = "".join(
                                t.text or ""
                                for piece in element
                                if _local(piece.tag) in ("t", "r")
                                for t in piece.iter()
                                if _local(t.tag) == "t"
                            )
                        element.clear()
                        index += 1
                        if index > last:
                            break
    except (KeyError, ValueError, ParseError, *_BROKEN_PACKAGE):
        return None
    return rows


def _error_cells(text: str) -> list[tuple[int, int, str]]:
    """The cells of an xlsx sheet's XML that hold an error value: (row, 0-based column, the
    error as shown), in the order of the sheet."""
    cells: list[tuple[int, int, str]] = []
    at = text.find('t="e"')
    while at != -1:
        start, end = text.rfind("<c ", 0, at), text.find(">", at)
        ref = re.search(r'\br="([A-Z]+)([0-9]+)"', text[start:end])
        close = text.find("</c>", end)
        value = re.search(r"<v>([^<]*)</v>", text[end:close]) if close != -1 else None
        if start != -1 and ref is not None:
            shown = html.unescape(value.group(1)) if value else "error"
            cells.append((int(ref.group(2)), column_index(ref.group(1)), shown))
        at = text.find('t="e"', end)
    return cells


# A formula with no saved result: nothing, or an empty value, between its formula and the end
# of its cell. A cached empty text (t="str" and <v></v>) is a result, told apart by its type.
# The pattern starts with the text "<f" (or "<x:f" in a workbook whose tags have a prefix), so
# that the search skips to the formulas at C speed.
_NO_RESULT = re.compile(r"<f\b[^>]*?(?:/>|>([^<]*)</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>")
_NO_RESULT_PREFIXED = re.compile(
    r"<(\w+):f\b[^>]*?(?:/>|>([^<]*)</\1:f>)\s*(?:<\1:v\s*/>|<\1:v>\s*</\1:v>)?\s*</\1:c>"
)
_CELL_START = re.compile(r"<(?:\w+:)?c\b[^>]*>")
# any formula, with a saved value or not (in a workbook never calculated, its value is none)
_ANY_FORMULA = re.compile(r"<f\b[^>]*?(?:/>|>([^<]*)</f>)")
_ANY_FORMULA_PREFIXED = re.compile(r"<(\w+):f\b[^>]*?(?:/>|>([^<]*)</\1:f>)")


def _formula_cells(text: str, every: bool = False) -> list[tuple[int, int, str]]:
    """The cells of a sheet's XML whose formula has no saved result (a file written by a
    program that does not calculate), or, `every`, all its formula cells (a workbook whose
    formulas were never calculated: the values saved with them are none): (row, 0-based
    column, the formula as written)."""
    cells: list[tuple[int, int, str]] = []
    # (by the sheet's own tags: a data validation's <xm:f> in an unprefixed sheet is none)
    prefixed = re.search(r"<\w+:worksheet\b", text[:4096]) is not None
    if every:
        pattern = _ANY_FORMULA_PREFIXED if prefixed else _ANY_FORMULA
    else:
        pattern = _NO_RESULT_PREFIXED if prefixed else _NO_RESULT
    for found in pattern.finditer(text):
        # the cell's start tag, just before its formula (a window: never a search to the start)
        near = max(0, found.start() - 1000)
        start = max(text.rfind("<c ", near, found.start()), text.rfind(":c ", near, found.start()))
        tag = _CELL_START.match(text, text.rfind("<", near, start + 1)) if start != -1 else None
        if tag is None or (not every and 't="str"' in tag.group()):
            continue  # (a saved empty text)
        ref = re.search(r'\br="([A-Z]+)([0-9]+)"', tag.group())
        if ref is not None:
            formula = html.unescape(found.group(2 if prefixed else 1) or "").strip()
            cells.append((int(ref.group(2)), column_index(ref.group(1)), formula))
    return cells


# the fields that make the chain's structure: a formula without a result there is an error,
# saying what is lost
_LOST = {
    "id": "the supplier has no id",
    "buyers": "the supplier's buyers are lost (it would be read as tier 1)",
}
MAX_FORMULA_CELLS = 5  # formula cells listed per column in a warning; the rest are counted


# the value saved after a formula (its cell's <v>), if any
_SAVED_VALUE = re.compile(r"\s*<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _stand_ins_only(read: _SheetRead) -> bool:
    """Whether every formula of a sheet whose workbook asks to be calculated when opened
    (calcPr fullCalcOnLoad) is saved with 0 or nothing: the mark of a workbook never
    calculated (XlsxWriter saves 0 for each). A formula saved with any other value (a text,
    a number not 0: "cocoa beans" from a VLOOKUP) shows results were calculated and saved,
    and they are read as any workbook's."""
    text = read.xml()
    if text is None:
        return False
    prefixed = re.search(r"<\w+:worksheet\b", text[:4096]) is not None
    for found in (_ANY_FORMULA_PREFIXED if prefixed else _ANY_FORMULA).finditer(text):
        saved = _SAVED_VALUE.match(text, found.end())
        value = saved.group(1).strip() if saved is not None else ""
        if value and value not in ("0", "0.0"):
            try:
                if float(value) == 0:
                    continue
            except ValueError:
                pass
            return False
    return True


def _blank_uncalculated(read: _SheetRead) -> None:
    """Read every formula cell of a sheet whose workbook was never calculated as blank: the
    value saved with it (XlsxWriter saves 0) is no result, and a percentage or a share of 0
    read from it would be a figure the file never held (a data gap, not a zero)."""
    text = read.xml()
    if text is None:
        return
    rows = read.rows
    for row, col, _formula in _formula_cells(text, every=True):
        if row <= len(rows) and col < len(rows[row - 1]):
            rows[row - 1][col] = ""


def _formulas_without_result(
    read: _SheetRead, skipped: set[int], problems: ProblemList, uncalculated: bool = False
) -> None:
    """Name the cells below the header, but in note and totals rows, whose formula has no
    saved result (they read as blank; a row of them only would vanish as a blank row): an
    error at each one in the id and buyers columns, which make the chain's structure (20
    named, then the rest counted in one more), elsewhere one warning per column, listing its
    cells. `uncalculated`: the workbook's formulas were never calculated, and every formula
    cell is one (_blank_uncalculated)."""
    text = read.xml()
    cells = _formula_cells(text, uncalculated) if text is not None and "f" in text else []
    if not cells:
        return
    head, found = read.header()
    if found is None:
        return
    header_index, mapping = found
    header = head[header_index]
    by_column: dict[int, list[tuple[int, str]]] = {}
    for row, col, formula in cells:
        if row > header_index + 1 and row not in skipped:
            by_column.setdefault(col, []).append((row, formula))

    def shown(col: int, row: int, formula: str) -> str:
        return f"{column_letter(col)}{row}" + (f" ={formula}" if formula else "")

    # (a program that does not calculate saves no result, or a stand-in such as 0 with the
    # workbook marked to be calculated when opened)
    why = (
        "the workbook was saved by a program that does not calculate (its formulas are marked"
        " to be calculated when opened, and every value saved with them is 0 or empty: a"
        " stand-in, no result)"
        if uncalculated
        else "the file was written by a program that does not calculate"
    )

    for col, found_cells in sorted(by_column.items()):
        field = mapping.get(col)
        label = _column_label(header, col)
        if field in _LOST:
            for row, formula in found_cells[:MAX_ERROR_CELLS]:
                problems.error(
                    "formula-without-result",
                    f"the cell holds a formula ({shown(col, row, formula)}) with no saved"
                    f" result, so it reads as blank and {_LOST[field]}: {why}; open it in a"
                    " spreadsheet program and save it, or type the values",
                    read.where(row, label),
                )
            rest = found_cells[MAX_ERROR_CELLS:]
            if rest:
                listed = ", ".join(shown(col, row, f) for row, f in rest[:MAX_FORMULA_CELLS])
                more = len(rest) - MAX_FORMULA_CELLS
                problems.error(
                    "formula-without-result",
                    f"+{len(rest):,} more cells of this column hold formulas with no saved result"
                    f" ({listed}{f' +{more:,} more' if more > 0 else ''}): they read as blank,"
                    f" and for each {_LOST[field]}; open the file in a spreadsheet program and"
                    " save it, or type the values",
                    read.where(rest[0][0], label),
                )
            continue
        listed = ", ".join(shown(col, row, f) for row, f in found_cells[:MAX_FORMULA_CELLS])
        if len(found_cells) > MAX_FORMULA_CELLS:
            listed += f" +{len(found_cells) - MAX_FORMULA_CELLS:,} more"
        count = len(found_cells)
        problems.warning(
            "formula-without-result",
            f"{count:,} {'cell holds a formula' if count == 1 else 'cells hold formulas'}"
            f" with no saved result ({listed}): {'it reads' if count == 1 else 'they read'} as"
            f" blank (a data gap): {why}; open the file in a spreadsheet program and save it to"
            " store the results",
            read.where(found_cells[0][0], label),
        )


# A merged range as calamine gives it: ((first row, first column), (last row, last column)),
# 0-based, of the whole sheet (the rows read start at A1)
_Range = tuple[tuple[int, int], tuple[int, int]]
MAX_MERGED_RANGES = 20  # merged ranges named one by one; the rest are counted


def _openpyxl_rows(path: Path, sheet: str) -> list[list[Any]] | None:
    """An xlsx sheet's cells as calamine gives them (from A1, rows of one width, whole
    numbers as floats), read with openpyxl; None when it cannot read them either."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return None
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():  # (its warnings about styles and extensions)
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
        try:
            found = book[sheet]
            found.reset_dimensions()  # the size the file states may be wrong: read them all
            rows = [list(row) for row in found.iter_rows(values_only=True)]
        finally:
            book.close()
    except Exception:  # openpyxl raises many error types for files it cannot read
        return None
    while rows and all(value is None for value in rows[-1]):
        rows.pop()
    width = max(map(len, rows), default=0)
    return [list(map(_as_calamine, [*row, *[None] * (width - len(row))])) for row in rows]


def _as_calamine(value: Any) -> Any:
    """An openpyxl cell value as calamine gives it: a blank as "", a whole number as a float,
    a date without a time (openpyxl's midnight) as a date."""
    if value is None:
        return ""
    if type(value) is int:
        return float(value)
    if type(value) is dt.datetime and value.time() == dt.time():
        return value.date()
    return value


def _merged_ranges(sheet: Any) -> list[_Range] | None:
    """The merged ranges of a calamine sheet; None when this calamine does not give them."""
    try:
        ranges = getattr(sheet, "merged_cell_ranges", None)
    except Exception:  # calamine raises its own error types
        return None
    return None if ranges is None else list(ranges)


def _merged_from_xml(read: _SheetRead) -> list[_Range]:
    """The merged ranges of an xlsx sheet, read from its XML (older calamine)."""
    text = read.xml()
    if text is None or "<mergeCell " not in text:
        return []
    ranges: list[_Range] = []
    for first, row0, last, row1 in re.findall(
        r'<mergeCell\s[^>]*\bref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"', text
    ):
        ranges.append(((int(row0) - 1, column_index(first)), (int(row1) - 1, column_index(last))))
    return ranges


def _runs(numbers: list[int]) -> list[list[int]]:
    """Sorted numbers as runs of consecutive ones: [3, 4, 5, 9] is [[3, 4, 5], [9]]."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _run_text(run: list[int]) -> str:
    """A run of numbers as a message writes it: '3–5', or '9' alone."""
    return f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0])


def _row_runs(numbers: list[int]) -> str:
    """Row numbers as runs: 'each of rows 3–5', 'rows 3–4 and 6'."""
    shown = list(map(_run_text, _runs(numbers)))
    if len(shown) == 1:
        return f"each of rows {shown[0]}"
    return f"rows {', '.join(shown[:-1])} and {shown[-1]}"


def _merged_header(
    read: _SheetRead, merged: list[_Range] | None, problems: ProblemList
) -> dict[int, list[int]]:
    """The header cells merged across columns ("Buyer IDs" over E1:F1): each one's first
    column, with the other columns it spans (their values are its field's: table_from_rows).

    A two-row header, a group header merged over columns ("Location" over C1:D1) with the
    columns' names beneath it in the next row ("Country", "City") and nothing else in that
    row, is read as one header of the names beneath: they are written into the header row,
    and the row beneath is left blank (it is no supplier), with a `merged-cells` warning.
    """
    rows = read.rows
    if merged is None and read.path.suffix.lower() in _XLSX:
        merged = _merged_from_xml(read)
    wide = [r for r in merged or () if r[1][1] > r[0][1]]
    if not wide:
        return {}  # (most sheets: no work at all)
    head, found = read.header()
    if found is None:
        return {}
    header_index = found[0]
    header = head[header_index]
    width = len(header)
    # (title cells merged above the header are left as they are)
    spans = sorted(
        (c0, min(c1, width - 1), r1 > r0)
        for (r0, c0), (r1, c1) in wide
        if r0 == header_index and c0 < width - 1 and not _blank(header[c0])
    )
    if not spans:
        return {}
    named = _names_beneath(rows, header_index, width, spans, read.options.column_map)
    if named:
        number = header_index + 1  # (the header's row as the sheet shows it)
        beneath = rows[number]
        for c0, c1, _tall in spans:
            names = [col for col in range(c0, c1 + 1) if col in named]
            if not names:
                continue
            group = str(header[c0]).strip()
            shown = ", ".join(repr(str(beneath[col]).strip()) for col in names)
            problems.warning(
                "merged-cells",
                f"cells {column_letter(c0)}{number}:{column_letter(c1)}{number} are merged:"
                f" '{group}' heads the columns named beneath it in row {number + 1} ({shown});"
                f" the header is read from rows {number}–{number + 1}, with those names",
                read.where(number, group),
            )
            for col in range(c0, c1 + 1):
                rows[header_index][col] = beneath[col] if col in named else ""
        rows[number] = [""] * len(beneath)
        read.forget_header()
        spans = [span for span in spans if not named.intersection(range(span[0], span[1] + 1))]
    return {c0: list(range(c0 + 1, c1 + 1)) for c0, c1, _tall in spans}


def _names_beneath(
    rows: list[list[Any]],
    header_index: int,
    width: int,
    spans: list[tuple[int, int, bool]],
    column_map: dict[str, str],
) -> set[int]:
    """The columns of a two-row header named in the row beneath the header. Empty when it is
    no such row: when in doubt, none (a first supplier's row read as a header loses it, and
    may lose the header: a sheet whose headers are all merged over two columns).

    That row holds texts under the merged group headers one row high (`spans`: first and
    last column, and whether the range is taller), two or more under each group it names
    (one text under a group is a value: the first of a column merged for its looks), and
    nothing else (a supplier's row has its id, its name beside them). And the texts read
    as names: one of them is a header ddtool reads (an alias, a mapping), or the next filled
    row is no such row (it holds a value outside the groups, or one that is no text), as a
    supplier's row is not."""
    if header_index + 1 >= len(rows):
        return set()
    grouped = {col for c0, c1, _tall in spans for col in range(c0, c1 + 1)}
    cells = _beneath_cells(rows[header_index + 1], width)
    if not _only_texts_under(cells, grouped):
        return set()
    named: set[int] = set()
    for c0, c1, tall in spans:
        texts = [col for col in range(c0, c1 + 1) if isinstance(cells[col], str)]
        if len(texts) == 1 or (texts and tall):
            return set()  # (a value under a group, or a text inside a taller merged range)
        named.update(texts)
    if not named:
        return set()
    if any(match_header(cells[col], column_map) is not None for col in named):
        return named
    following = next((row for row in rows[header_index + 2 :] if not all(map(_blank, row))), None)
    if following is None or _only_texts_under(_beneath_cells(following, width), grouped):
        return set()  # (more rows alike: values of a table whose headers are all merged)
    return named


def _beneath_cells(row: Sequence[Any], width: int) -> list[Any]:
    """A row's first `width` cells, cleaned as a sheet's (blank -> None)."""
    cells = [_clean_cell(value, _excel_cleaning) for value in row[:width]]
    return cells + [None] * (width - len(cells))


def _only_texts_under(cells: list[Any], grouped: set[int]) -> bool:
    """Whether a row holds texts under the merged group headers (`grouped`) and nothing
    else: no value outside them, no number or date under them."""
    return all(
        value is None or (col in grouped and isinstance(value, str))
        for col, value in enumerate(cells)
    )


def _fill_merged(read: _SheetRead, merged: list[_Range] | None, problems: ProblemList) -> None:
    """Give each merged range below the header its value in every supplier row it spans, as
    the sheet shows it (calamine reads the value in its first cell only): "Bangladesh" merged
    over three suppliers' Country cells is the country of all three. A range one row high (a
    note merged across the table) keeps its value in its first cell; a range that spans
    columns too gives it to its first column, as such a row does. A row that is blank but for
    the range, or a note or totals row ("Zwischensumme" below the suppliers it sums), is
    left as it is, and so are the rows below the table's last filled row (a range merged to
    the sheet's end). Each range filled is named, with the rows it is read in."""
    rows = read.rows
    if merged is None and read.path.suffix.lower() in (".xlsx", ".xlsm"):
        merged = _merged_from_xml(read)
    tall = [r for r in merged or () if r[1][0] > r[0][0]]
    if not tall:
        return  # (most sheets: no work at all)
    head, found = read.header()
    if found is None:
        return
    header_index, mapping = found
    header = head[header_index]
    width = len(header)
    last = len(rows) - 1
    while last > header_index and all(map(_blank, rows[last])):
        last -= 1
    numeric = [col not in mapping or mapping[col] in _NUMBER_FIELDS for col in range(width)]
    name_col = next((col for col, field in mapping.items() if field == "name"), None)
    id_col = next((col for col, field in mapping.items() if field == "id"), None)
    supplier_rows: dict[int, bool] = {}

    def supplier_row(index: int) -> bool:
        """Whether a row, as it is before any filling, is a supplier's (not blank, not a note
        or a totals row)."""
        row = rows[index]
        cells = [_clean_cell(value, _excel_cleaning) for value in row[:width]]
        cells += [None] * (width - len(cells))
        if any(not _blank(value) for value in row[width:]):
            return True  # (cells beyond the header: reported as a shifted row)
        if all(value is None for value in cells):
            return False
        return _skipped_row(cells, numeric, name_col, id_col) is None

    spans: list[tuple[_Range, Any, list[int]]] = []
    for (row0, col), (row1, col1) in sorted(tall):
        if row0 <= header_index or row0 > last:
            continue  # the title and header rows are read as they are
        value = rows[row0][col] if col < len(rows[row0]) else None
        if _blank(value):
            continue
        targets = []
        for index in range(row0 + 1, min(row1, last) + 1):
            if index not in supplier_rows:
                supplier_rows[index] = supplier_row(index)
            if supplier_rows[index] and col < len(rows[index]) and _blank(rows[index][col]):
                targets.append(index)
        if targets:
            spans.append((((row0, col), (row1, col1)), value, targets))
    for _range, value, targets in spans:  # (filled once every row is judged as it was)
        col = _range[0][1]
        for index in targets:
            rows[index][col] = value
    for ((row0, col), (row1, col1)), value, targets in spans[:MAX_MERGED_RANGES]:
        shown = value.strip() if isinstance(value, str) else _shown(value)
        problems.warning(
            "merged-cells",
            f"cells {column_letter(col)}{row0 + 1}:{column_letter(col1)}{row1 + 1} are merged:"
            f" their value {shown[:60]!r} is read in"
            f" {_row_runs([row0 + 1] + [index + 1 for index in targets])}, as the sheet"
            " shows it"
            + (
                # (an id merged down: one supplier written over several rows, each row then
                # read as a supplier of that id, a duplicate-id error)
                ": each of those rows is read as a supplier of that id; to list one"
                " supplier's several products or buyers, write them in one row, joined by"
                " ';'"
                if col == id_col
                else ""
            ),
            read.where(row0 + 1, _column_label(header, col)),
        )
    if len(spans) > MAX_MERGED_RANGES:
        problems.warning(
            "merged-cells",
            f"{len(spans) - MAX_MERGED_RANGES:,} more merged ranges are read the same way:"
            " their value in each row they span",
            read.where(),
        )


def _header(
    rows: Sequence[Sequence[Any]], options: ReadOptions
) -> tuple[list[list[Any]], tuple[int, dict[int, str]] | None]:
    """A workbook sheet's first rows, cleaned, and where its supplier header is (None:
    nowhere among them)."""
    head = [[_clean_cell(v, _excel_cleaning) for v in row] for row in rows[:HEADER_SCAN_ROWS]]
    return head, find_header(head, options.column_map)


def _supplier_header(
    workbook: CalamineWorkbook, path: Path, name: str, options: ReadOptions
) -> set[str] | None:
    """The fields a sheet's supplier header row names (None: no such row, or the sheet cannot
    be read). Only the sheet's first rows are read where the format allows it (an xlsx
    sheet's XML): a sheet of 10^5 orders is not parsed to find it has no supplier header."""
    head = _xlsx_head(path, name, HEADER_SCAN_ROWS) if path.suffix.lower() in _XLSX else None
    if head is None:
        try:
            head = workbook.get_sheet_by_name(name).to_python(nrows=HEADER_SCAN_ROWS)
        except Exception:  # calamine raises its own error types
            return None
    found = _header(head, options)[1]
    return None if found is None else set(found[1].values())


_XLSX = (".xlsx", ".xlsm")


def _sheet_with_header(
    workbook: CalamineWorkbook,
    path: Path,
    names: list[str],
    hidden: set[str],
    tried: str,
    options: ReadOptions,
) -> tuple[str, list[list[Any]], list[_Range] | None] | None:
    """The first sheet other than `tried` with a supplier header row, a visible one with an
    id column first (then a visible one, then a hidden one with an id column), with its rows
    and its merged ranges."""
    headers = {
        name: _supplier_header(workbook, path, name, options)
        for name in names
        if name != tried and not _COMPANY_SHEET.match(name.strip())
    }
    found = [name for name, fields in headers.items() if fields is not None]
    for name in sorted(found, key=lambda name: (name in hidden, "id" not in (headers[name] or ()))):
        try:
            sheet = workbook.get_sheet_by_name(name)
            rows = _sheet_rows(sheet, options.max_rows)
        except Exception:  # an unreadable sheet is passed over
            continue
        if not isinstance(rows, _TooLong):
            return name, rows, _merged_ranges(sheet)
    return None


def _hidden_sheets(workbook: CalamineWorkbook) -> set[str]:
    """The names of the workbook's hidden sheets ("very hidden" ones too); none when this
    calamine does not say."""
    try:
        from python_calamine import SheetVisibleEnum

        return {
            sheet.name
            for sheet in workbook.sheets_metadata
            if sheet.visible != SheetVisibleEnum.Visible
        }
    except Exception:  # (an older calamine, or a format it reads no visibility of)
        return set()


def _filled_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """The rows without the blank ones at the end (cells blank or spaces only)."""
    last = len(rows)
    while last and all(map(_blank, rows[last - 1])):
        last -= 1
    return rows if last == len(rows) else rows[:last]


@dataclass(frozen=True, slots=True)
class _TooLong:
    """A sheet whose filled rows reach beyond the row limit: the number of its last filled
    row and, when that row alone is beyond the limit (a stray value far below the table),
    how many rows are filled and the first cell of the last one."""

    last: int
    filled: int | None = None
    cell: str | None = None

    def message(self, max_rows: int) -> str:
        over = f"{self.last:,} rows, more than the limit of {max_rows:,}"
        if self.filled is None or self.cell is None:
            return f"{over} (raise it with --max-rows)"
        return (
            f"{over}, though only {self.filled:,} of them hold anything: the last, row"
            f" {self.last:,}, has a value in {self.cell}, far below the table (a stray"
            " value?); delete it, or clear the rows below the table, and save the"
            " workbook again"
        )


def _sheet_rows(sheet: Any, max_rows: int) -> list[list[Any]] | _TooLong:
    """A calamine sheet's rows from A1, without the blank rows at its end; or, when more
    rows than `max_rows` are filled, where the last filled one is (_TooLong).

    A sheet's used range ends at its last cell with anything in it: a space typed in
    Z1048000, or a cell formatted there, makes a table of 3 rows a million rows long. Such
    rows are no rows of the table and are not counted against the limit."""
    end = getattr(sheet, "end", None)
    if end is None or end[0] + 1 <= max_rows:
        return _filled_rows(sheet.to_python(skip_empty_area=False))
    # more rows than the limit in the used range: find its last filled row, one row at a
    # time, before the rows are made Python lists (a million, for a stray cell)
    count = filled_count = 0
    last = before_last = -1
    last_row: list[Any] = []
    for index, row in enumerate(sheet.iter_rows()):
        count += 1
        # (a row of empty cells, as most are, told at C speed)
        if row.count("") != len(row) and not all(map(_blank, row)):
            before_last, last, last_row = last, index, row
            filled_count += 1
    # (the rows iterated end at the range's last row, whatever row they start at)
    first = end[0] - (count - 1) + 1  # (the number of the first row iterated)
    filled = first + last if last >= 0 else 0
    if filled > max_rows:
        # a stray value: the last filled row alone beyond the limit, the others within it
        # (a table with blank rows between its rows may reach beyond it with its own)
        if before_last >= 0 and first + before_last > max_rows:
            return _TooLong(filled)
        start = getattr(sheet, "start", None) or (0, 0)
        column = next(i for i, value in enumerate(last_row) if not _blank(value))
        return _TooLong(filled, filled_count, f"{column_letter(start[1] + column)}{filled}")
    return _filled_rows(sheet.to_python(skip_empty_area=False, nrows=filled)) if filled else []


def _supplier_sheets(
    workbook: CalamineWorkbook, path: Path, names: list[str], read: str, options: ReadOptions
) -> dict[str, set[str]]:
    """The sheets other than the one read that have a supplier header row with an id
    column, each with the fields its header names. A sheet of orders naming suppliers
    (Lieferant, Land, Artikel) has no id column; a sheet named as a supplier sheet ("Tier 2",
    "Lieferanten Stufe 2") needs none."""
    found = {}
    for name in names:
        # (a legend's or an example's sheet: its rows explain the list, see _choose_sheet)
        if name == read or _COMPANY_SHEET.match(name.strip()) or _not_list_sheet(name):
            continue
        fields = _supplier_header(workbook, path, name, options)
        if fields is not None and ("id" in fields or _SUPPLIER_SHEET.search(name)):
            found[name] = fields
    return found


def unread_supplier_sheets(path: Path, read: str, options: ReadOptions) -> list[str]:
    """The sheets of a workbook other than the one read that have a supplier header (those
    the other-supplier-sheets warning names); none if the workbook cannot be opened."""
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        names = list(workbook.sheet_names)
    except Exception:  # calamine raises its own error types (the file was read before)
        return []
    return list(_supplier_sheets(workbook, path, names, read, options))


def _other_supplier_sheets(
    found: dict[str, set[str]],
    path: Path,
    hidden: set[str],
    read: str,
    options: ReadOptions,
    problems: ProblemList,
    together: list[str],
) -> list[str]:
    """Warn of the other sheets that have a supplier header row with an id column too
    (`found`, with the fields each names), whatever their names ("Suppliers 2026" as well
    as "Lieferanten"), not read with the sheet read (and those `together` with it, a
    workbook's sheets per tier): their suppliers would otherwise be left out without a word.
    Where a sheet names a tier, the warning says what keeps it from being read as one.
    Returns those sheets."""
    if not found:
        return []
    listed = ", ".join(f"'{name}'" + (" (hidden)" if name in hidden else "") for name in found)
    shown = f"'{read}'{' (hidden)' if read in hidden else ''}"
    why = _not_together(read, found, hidden, together)
    problems.warning(
        "other-supplier-sheets",
        (
            f"only sheet {shown} is read; "
            if not together
            else f"sheets {', '.join(map(repr, [read, *together]))} are read, a sheet per tier; "
        )
        + f"{listed} also"
        f" {'has a supplier header' if len(found) == 1 else 'have supplier headers'} and"
        f" {'is' if len(found) == 1 else 'are'} not read: put all suppliers in one sheet"
        + (
            # (sheets of tiers that are not read together: what keeps them apart)
            ", or make them a sheet per tier, read together (" + "; ".join(why) + ")" if why else ""
        )
        + (
            # (a batch reads one sheet of each member file and has no --sheet; a sheet
            # saved as a file of its own would be a member of its own, not a tier)
            " (a batch reads one sheet of each member's file, and each file is a member"
            " of its own: sheets saved as files apart would be members apart)"
            if options.in_batch
            else ", or save each sheet as CSV and give the files together"
            " (ddtool assess tier1.csv tier2.csv)"
        ),
        Location(str(path), sheet=next(iter(found))),
    )
    return list(found)


def _not_together(
    read: str, others: dict[str, set[str]], hidden: set[str], together: list[str]
) -> list[str]:
    """What keeps sheets named by a tier from being read as a workbook's sheets per tier
    (_tier_sheets), each said as what to do: the sheet read not named by one, a hidden
    sheet, two of one tier, one without an id column. None where no sheet names a tier."""
    sheets = [read, *others]
    tiers = [sheet_tier(name) for name in sheets]
    if all(tier is None for tier in tiers):
        return []
    why = [f"name '{read}' by its tier ('Tier 1')"] if tiers[0] is None else []
    why += [
        f"unhide '{name}' (or delete it, if it is an old copy)"
        for name, tier in zip(sheets, tiers, strict=True)
        if name in hidden and tier is not None
    ]
    named: dict[int, list[str]] = {}
    for name, tier in zip([*sheets, *together], [*tiers, *map(sheet_tier, together)], strict=True):
        if tier is not None and name not in hidden:
            named.setdefault(tier, []).append(name)
    why += [
        f"{' and '.join(map(repr, alike))} name the same tier: one sheet per tier"
        for alike in named.values()
        if len(alike) > 1
    ]
    why += [
        f"give '{name}' an id column"
        for name, tier in zip(others, tiers[1:], strict=True)
        if tier is not None and name not in hidden and "id" not in others[name]
    ]
    return why


ERROR_VALUES = frozenset(
    {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"}
)


def _trimmed_texts(values: Sequence[Any], padding: str | None) -> bool:
    """Whether the values are all texts, none padded (with whitespace when padding is None).

    Most columns are, but for blanks: this tests them at C speed, without a Python step per
    value (a column of ids or names holds 10^5 distinct values).
    """
    if set(map(type, values)) != {str}:
        return False
    return list(map(str.strip, values, repeat(padding))) == list(values)


def _distinct(values: Sequence[Any]) -> Iterable[Any]:
    """The distinct values in their order (a large set is visited in hash order: far slower)."""
    return dict.fromkeys(values)


def _cleaning(values: Sequence[Any], padding: str | None) -> dict[str, tuple[Any, str | None]]:
    """Text trimmed, blanks None, spreadsheet error codes returned as errors; a text counts
    as padded when it starts or ends with one of `padding` (any whitespace when None)."""
    # no text starts with '#' (an error code?): one search through them all, joined
    if _trimmed_texts(values, padding) and "\0#" not in "\0" + "\0".join(values):
        return {"": (None, None)} if "" in values else {}  # only blanks change
    # the texts that are not plain (blank, padded or an error code), tested one by one
    return {
        value: _clean_text(value)
        for value in _distinct(values)
        if type(value) is str and (not value or value[0] == "#" or value.strip(padding) != value)
    }


def _excel_cleaning(values: Sequence[Any]) -> dict[str, tuple[Any, str | None]]:
    """A workbook's text cells: padding is a space, tab or line end."""
    return _cleaning(values, " \t\n")


def _clean_text(value: str) -> tuple[Any, str | None]:
    stripped = value.strip()
    if stripped.upper() in ERROR_VALUES:
        return None, stripped
    return (stripped if stripped else None), None


# what reading a broken or unsupported zip package raises (a damaged deflated, LZMA or bzip2
# part raises its decompressor's error; one cut short, EOFError)
_BROKEN_PACKAGE = (
    zipfile.BadZipFile,
    OSError,
    RuntimeError,
    NotImplementedError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    UnicodeDecodeError,  # (a part's name marked as UTF-8 that is not)
)


# what a zipped workbook is, by the parts it holds
_PACKAGE_KINDS = {
    ".ods": "an OpenDocument spreadsheet",
    ".xlsx": "an Excel workbook",
    ".xlsb": "an Excel binary workbook",
}


def _package_kind(parts: AbstractSet[str]) -> str | None:
    """The suffix a zipped workbook's parts say it has; None when they say no workbook."""
    if "xl/workbook.bin" in parts:
        return ".xlsb"
    if "xl/workbook.xml" in parts:
        return ".xlsx"
    return ".ods" if "content.xml" in parts else None


def _misnamed(suffix: str, kind: str) -> bool:
    """Whether a workbook of this kind cannot be read under this workbook suffix (.xlsm is
    an .xlsx with macros); an .xls whose content is a newer workbook is read by its content,
    and a file under another name (a register copied as .json) is told by its content."""
    if suffix not in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        return False
    return {".xlsm": ".xlsx"}.get(suffix, suffix) != kind


def _inspect_package(
    path: Path, options: ReadOptions, problems: ProblemList, where: Location
) -> list[zipfile.ZipInfo] | None:
    """Check a zipped workbook before parsing it: size once unpacked, entity declarations.

    Returns its worksheet parts, for _scan_workbook to look for formulas and error values, or
    None when it must not be read.
    """
    limit = options.max_inflate_mb * 1_048_576
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            total = sum(info.file_size for info in infos)
            if total > limit:
                problems.error(
                    "zip-bomb",
                    f"the workbook unpacks to {size_over(total, options.max_inflate_mb)}, more"
                    " than the limit of"
                    f" {options.max_inflate_mb:,} MB: refused (raise it with --max-inflate-mb)",
                    where,
                )
                return None
            parts = {info.filename for info in infos}
            other = _package_kind(parts)
            if other is not None and _misnamed(path.suffix.lower(), other):
                kind = _PACKAGE_KINDS[other]
                problems.error(
                    "misnamed-workbook",
                    f"{kind} ({other}) saved with the name {path.suffix}: rename it to {other}",
                    where,
                )
                return None
            if other is None:
                shown = ", ".join(sorted(parts)[:3]) + (" …" if len(parts) > 3 else "")
                problems.error(
                    "not-a-workbook",
                    "a zip archive, not a workbook: it holds no workbook part"
                    f" ({shown or 'empty'}); unpack it, or save the table again from your"
                    " spreadsheet program",
                    where,
                )
                return None
            sheets: list[zipfile.ZipInfo] = []
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")):
                    continue
                # the sheets before a refused part are scanned first: a broken one is the error
                # reported, as when each sheet was scanned as soon as it was checked
                try:
                    with package.open(info) as member:
                        head = member.read(4096)
                except _BROKEN_PACKAGE:
                    _scan_sheets(package, sheets)
                    raise
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    _scan_sheets(package, sheets)
                    problems.error(
                        "xml-entities",
                        f"part {info.filename} declares XML entities (a document type);"
                        " refused: workbooks saved by spreadsheet programs never do",
                        where,
                    )
                    return None
                if info.filename.startswith("xl/worksheets/"):
                    sheets.append(info)
            if other != ".ods" and _far_cells(package, sheets, options, problems, where):
                return None
            return sheets
    except _BROKEN_PACKAGE as e:
        problems.error("not-a-workbook", _broken(e), where)
        return None


# the columns a sheet may span at --max-rows rows (or at Excel's 1,048,576, when the limit is
# lower: a stray cell far below a table is no row of it); 32 columns of a million rows are a
# gigabyte for the reader, near what --max-inflate-mb lets a sheet's XML hold
SPAN_COLUMNS = 32
EXCEL_ROWS = 1_048_576
# A cell start tag worth a closer look: any but one whose reference comes first and lies
# within AG999999 (33 columns by 999,999 rows: within the budget whatever the limits). One
# search (from the literal "<c", at C speed) tells the sheets saved by spreadsheet programs.
_FAR_TAG = re.compile(rb'<c(?=[\s/>])(?! r="(?:A[A-G]?|[B-Z])\d{1,6}")')
# (where the sheet's tags have a namespace prefix, or a cell's has one of its own, as in
# <x:c xmlns:x="…">, which the reader reads too: rare, read cell by cell)
_PREFIXED = re.compile(rb"<\w+:worksheet\b")
_PREFIXED_CELL = re.compile(rb":c[\s/>]")
_CELL_OR_ROW = re.compile(rb"<(?:\w+:)?(c|row)(?=[\s/>])([^>]*)>")
_REFERENCE = re.compile(rb'\sr\s*=\s*["\']([A-Za-z]*)(\d*)["\']')
# the decompressed XML searched at a time
_CHUNK = 1 << 22


def cell_budget(options: ReadOptions) -> int:
    """The cells a sheet's rectangle (from its first to its farthest row and column) may hold."""
    return max(options.max_rows, EXCEL_ROWS) * SPAN_COLUMNS


@dataclass(frozen=True, slots=True)
class _Extent:
    """Where a worksheet's cells lie, as the reader places them (rows and columns from 1)."""

    last: tuple[int, int]  # the farthest row and the farthest column
    first: tuple[int, int]  # the first row and the first column
    cell: str  # the cells reaching farthest down and farthest right ("A1 and XFD2")

    @property
    def span(self) -> tuple[int, int]:
        """The rows and columns of the rectangle the reader builds, first cell to last."""
        return self.last[0] - self.first[0] + 1, self.last[1] - self.first[1] + 1


def _far_cells(
    package: zipfile.ZipFile,
    sheets: list[zipfile.ZipInfo],
    options: ReadOptions,
    problems: ProblemList,
    where: Location,
) -> bool:
    """Refuse the worksheets whose cells span more than the cell budget (True: one is).

    The reader makes a sheet one rectangle from its first cell to its farthest row and
    column: one value typed in XFD900000 below a table at A1 would take 470 GB. The extent
    is found from the cells' references in the XML (a declared <dimension> may say
    anything), before the reader sees the sheet."""
    budget = cell_budget(options)
    names: dict[str, str] | None = None
    refused = False
    for info in sheets:
        if not info.filename.endswith(".xml"):
            continue
        extent = _sheet_extent(package, info)
        if extent is None:
            continue
        rows, columns = extent.span
        if rows * columns <= budget:
            continue
        if names is None:
            names = _sheet_names_by_part(package)
        name = names.get(info.filename, info.filename)
        problems.error(
            "too-many-cells",
            f"a cell at {extent.cell}, far from the table: from its first cell to its last"
            f" the sheet spans {rows:,} rows by {columns:,} columns ({rows * columns:,}"
            f" cells), more than the limit of {budget:,} ({max(options.max_rows, EXCEL_ROWS):,}"
            f" rows by {SPAN_COLUMNS} columns); delete that cell (or clear the rows and columns"
            " beyond the table) and save the workbook again, or raise the limit with --max-rows",
            Location(where.file, sheet=name),
        )
        refused = True
    return refused


def _sheet_extent(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Extent | None:
    """Where a worksheet part's cells lie; None when every cell names its place first and
    none is beyond AG999999 (then the sheet spans at most 33 columns by 999,999 rows, within
    the budget whatever the limits)."""
    with package.open(info) as member:
        chunk = member.read(_CHUNK)
        if _PREFIXED.search(chunk, 0, 4096):
            chunk = b""  # (read cell by cell below)
        carried = b""  # a tag cut by the end of the chunk before
        while chunk:
            # (a tag cut by the chunk's end is searched with the next chunk's start)
            opened = chunk.rfind(b"<")
            cut = opened if opened > chunk.rfind(b">") else len(chunk)
            if carried:
                joined = carried + chunk[: chunk.find(b">") + 1]
                if _FAR_TAG.search(joined) or _PREFIXED_CELL.search(joined):
                    break
            if _FAR_TAG.search(chunk, 0, cut) or _PREFIXED_CELL.search(chunk, 0, cut):
                break
            carried = chunk[cut:]
            if not (chunk := member.read(_CHUNK)):
                return None
    return _exact_extent(package, info)


def _exact_extent(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> _Extent:
    """Where a worksheet part's cells with content lie, placed as the reader places them: by
    their reference, or after the cell or row before."""
    row = col = -1
    far_row = far_col = (-1, -1)  # (row, column) of the cell farthest down, farthest right
    first_row = first_col = 1 << 62
    with package.open(info) as member:
        carried = b""
        while chunk := member.read(_CHUNK):
            text = carried + chunk
            opened = text.rfind(b"<")
            if opened > text.rfind(b">"):
                text, carried = text[:opened], text[opened:]
            else:
                carried = b""
            for kind, attributes in _CELL_OR_ROW.findall(text):
                reference = _REFERENCE.search(attributes)
                if kind == b"row":
                    row = (
                        int(reference.group(2)) - 1 if reference and reference.group(2) else row + 1
                    )
                    col = -1
                    continue
                if reference is not None and reference.group(1) and reference.group(2):
                    row = int(reference.group(2)) - 1
                    col = column_index(reference.group(1).decode().upper())
                else:
                    col += 1
                    row = max(row, 0)
                if attributes.endswith(b"/"):
                    continue  # no content: the reader leaves it out
                first_row, first_col = min(first_row, row), min(first_col, col)
                if row > far_row[0]:
                    far_row = (row, col)
                if col > far_col[1]:
                    far_col = (row, col)
    if far_row[0] < 0:
        return _Extent((0, 0), (1, 1), "A1")  # no cell: nothing to build
    cells = [f"{column_letter(c)}{r + 1}" for r, c in dict.fromkeys((far_row, far_col))]
    return _Extent(
        (far_row[0] + 1, far_col[1] + 1), (first_row + 1, first_col + 1), " and ".join(cells)
    )


def _sheet_names_by_part(package: zipfile.ZipFile) -> dict[str, str]:
    """The sheets' names by the part each is held in (none found: an empty map)."""
    try:
        book = package.read("xl/workbook.xml").decode("utf-8", "replace")
        targets = {link: target for link, _kind, target in _relationships(package)}
    except (KeyError, *_BROKEN_PACKAGE):
        return {}
    names = {}
    for tag in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name = re.search(r'\bname="([^"]*)"', tag)
        ident = re.search(r'\b(?:\w+:)?id="([^"]*)"', tag)
        target = targets.get(ident.group(1)) if ident else None
        if name is not None and target is not None:
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            names[posixpath.normpath(part)] = html.unescape(name.group(1))
    return names


def _text_table(path: Path) -> bool:
    """Whether a file is a delimited text table (UTF-8, UTF-16 with its mark, or cp1252):
    its first line that is not blank has a tab, semicolon or comma, and it is no markup."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(4096)
    except OSError:
        return False
    wide = _wide_encoding(raw)
    if wide is None and b"\x00" in raw:
        return False
    text = raw.decode(wide or "utf-8-sig", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):  # HTML or XML: said what it is by _not_old_excel
        return False
    first = next((line for line in text.splitlines() if line.strip()), "")
    return any(mark in first for mark in "\t;,")


def _ole_stream(path: Path) -> str | None:
    """Which of the streams that tell an OLE (compound) file apart it holds: "Workbook" (or
    "Book") in an Excel 97-2003 workbook, "EncryptedPackage" in an encrypted newer one.
    Their names are in its directory, as UTF-16, wherever its sectors are (an encrypted
    package's own bytes are random); the encrypted one is looked for first."""
    try:
        with path.open("rb") as handle:
            content = handle.read(64 << 20)
    except OSError:
        return None
    names = ("EncryptedPackage", "Workbook", "Book")
    return next((n for n in names if (n + "\0").encode("utf-16-le") in content), None)


def _not_old_excel(path: Path, magic: bytes) -> str:
    """What a .xls file that is no Excel 97-2003 workbook is, and what to do about it."""
    head = b""
    try:
        with path.open("rb") as handle:
            head = handle.read(2048).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        head = magic.lower()
    page = "a web page (HTML), as some systems export 'Excel' files"
    # (an Excel 2003 XML spreadsheet, and other XML, holds <Table> elements too: an XML file
    # is told by its marks, and is a web page only when it holds <html>)
    spreadsheet = (
        b"urn:schemas-microsoft-com:office:spreadsheet" in head or b'progid="excel.sheet"' in head
    )
    if head.startswith((b"<!doctype html", b"<html")):
        kind = page
    elif head.startswith((b"<?xml", b"<workbook")) and spreadsheet:
        kind = "an Excel 2003 XML spreadsheet (XML Spreadsheet 2003), which is not read"
    elif head.startswith(b"<?xml"):
        kind = page if b"<html" in head else "an XML file (Excel 2003 XML or another export)"
    elif b"<table" in head:
        kind = page
    else:
        kind = "text or another format"
    return (
        f"not a valid .xls workbook: the content is {kind}; open it in your spreadsheet"
        " program and save it as .xlsx, or export CSV"
    )


def _unreadable(what: str, e: BaseException) -> str:
    """What the reader could not read of a workbook, in words, with what it said."""
    said = str(e).strip() or type(e).__name__
    kind = type(e).__name__
    if kind == "WorksheetNotFound":
        damage = "the workbook lists it, but the part holding its cells is missing"
        said = ""
    elif kind == "XmlError":
        damage = "its XML is damaged or cut short"
    elif said.startswith("Cfb error"):  # (the container of an Excel 97-2003 workbook)
        damage = "its container is damaged: it is no Excel 97-2003 workbook as saved"
    else:
        damage = "the file is damaged, or of a kind the reader does not know"
    detail = f" (the reader said: {said})" if said else ""
    return (
        f"cannot read {what}: {damage}{detail}; save it again from your spreadsheet program,"
        " or export CSV"
    )


def _broken(e: BaseException) -> str:
    """What a broken workbook package means, and what to do about it."""
    why = "a part's name is not valid UTF-8 text" if isinstance(e, UnicodeDecodeError) else e
    return (
        f"the workbook's package is broken ({why}): the file is cut short or damaged (a"
        " download or an e-mail attachment that did not arrive whole?); save it again from"
        " your spreadsheet program or export CSV"
    )


@dataclass(frozen=True, slots=True)
class _Scan:
    """What the worksheets' XML shows: formulas, error values, hidden rows (each part's row
    numbers), or a broken package."""

    formulas: bool = False
    errors: bool = False
    broken: str | None = None
    hidden_rows: dict[str, list[int]] | None = None
    # an .ods file's merged ranges, by sheet name (None: not read, an .xlsx file's)
    merged: dict[str, list[_Range]] | None = None
    # the workbook's formulas were never calculated: it asks to be calculated when opened
    # (calcPr fullCalcOnLoad), as programs that write formulas without results mark it
    uncalculated: bool = False
    # the worksheet parts that hold formulas (None: not known by part)
    formula_parts: frozenset[str] | None = None


def _scan_workbook(path: Path, sheets: list[zipfile.ZipInfo]) -> _Scan:
    """Scan a workbook's worksheet parts (checked by _inspect_package) for formulas, errors
    and hidden rows."""
    try:
        with zipfile.ZipFile(path) as package:
            if not sheets and path.suffix.lower() == ".ods":
                return _scan_ods(package)
            scanned = _scan_sheets(package, sheets)
            if scanned.formulas and _never_calculated(package):
                return replace(scanned, uncalculated=True)
            return scanned
    except _BROKEN_PACKAGE as e:
        return _Scan(broken=_broken(e))


_FULL_CALC = re.compile(
    r"<(?:\w+:)?calcPr\b[^>]*\sfullCalcOnLoad\s*=\s*[\"'](?:1|true)[\"']", re.IGNORECASE
)


def _never_calculated(package: zipfile.ZipFile) -> bool:
    """Whether an xlsx workbook asks to be calculated in full when opened (calcPr
    fullCalcOnLoad): what programs that write formulas without calculating them (XlsxWriter,
    openpyxl) save, with a stand-in value (0) or none for each; a spreadsheet program that
    calculates and saves a workbook drops the mark."""
    try:
        book = package.read("xl/workbook.xml").decode("utf-8", "replace")
    except KeyError:
        return False
    return _FULL_CALC.search(book) is not None


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
# the rows an .ods row repeated counts at most (one saved so far below a table, blank, is
# repeated to the sheet's end; a row with values repeated is a few rows)
_ODS_REPEATS = 1 << 20


def _ods_count(element: Any, name: str) -> int:
    """A repeat or span count of an .ods element (1 when not given or not a number)."""
    value = element.get(_ODS_TABLE + name)
    return int(value) if value is not None and value.isdigit() and int(value) > 0 else 1


def _scan_ods(package: zipfile.ZipFile) -> _Scan:
    """An .ods file's merged ranges and hidden rows (hidden, or filtered out of view), by
    sheet, from its content.xml (checked by _inspect_package), which calamine does not give.
    The XML is parsed only where it holds a merge or a row's visibility: most files read it
    once, as bytes searched."""
    from xml.etree.ElementTree import ParseError, iterparse

    try:
        with package.open("content.xml") as member:
            content = member.read()
    except KeyError:
        return _Scan()
    if b"-spanned=" not in content and b"visibility=" not in content:
        return _Scan(merged={})
    merged: dict[str, list[_Range]] = {}
    hidden_rows: dict[str, list[int]] = {}
    name = ""
    row = col = 0
    row_hidden = row_filled = False
    try:
        for event, element in iterparse(io.BytesIO(content), ("start", "end")):
            tag = element.tag
            if not tag.startswith(_ODS_TABLE):
                if event == "start" and tag.endswith("}p"):
                    row_filled = True  # (a paragraph of text in a cell)
                continue
            tag = tag[len(_ODS_TABLE) :]
            if tag == "table" and event == "start":
                name, row = element.get(_ODS_TABLE + "name") or "", 0
            elif tag == "table-row" and event == "start":
                col, row_filled = 0, False
                visibility = element.get(_ODS_TABLE + "visibility")
                row_hidden = visibility not in (None, "visible")
            elif tag == "table-row":
                repeat = min(_ods_count(element, "number-rows-repeated"), _ODS_REPEATS)
                if row_hidden and row_filled:
                    hidden_rows.setdefault(name, []).extend(range(row + 1, row + repeat + 1))
                row += repeat
                element.clear()
            elif tag in ("table-cell", "covered-table-cell") and event == "start":
                if element.get(_ODS_OFFICE + "value-type") is not None:
                    row_filled = True
                across = _ods_count(element, "number-columns-spanned")
                down = _ods_count(element, "number-rows-spanned")
                if tag == "table-cell" and (across > 1 or down > 1):
                    merged.setdefault(name, []).append(
                        ((row, col), (row + down - 1, col + across - 1))
                    )
                col += _ods_count(element, "number-columns-repeated")
    except ParseError:
        return _Scan(merged={})  # (calamine says what is wrong with it)
    return _Scan(merged=merged, hidden_rows=hidden_rows)


# a row's start tag, with its attributes (a prefix where the sheet's XML uses one)
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb"\shidden\s*=\s*[\"'](?:1|true)[\"']")
_ROW_NUMBER = re.compile(rb"\sr\s*=\s*[\"'](\d+)[\"']")


def _scan_sheets(package: zipfile.ZipFile, sheets: list[zipfile.ZipInfo]) -> _Scan:
    """Whether the sheets hold formulas and error values, and the rows each hides (hidden,
    or filtered out of view: a spreadsheet program saves both as hidden)."""
    errors = False
    hidden_rows: dict[str, list[int]] = {}
    formula_parts: set[str] = set()
    for info in sheets:
        hidden: list[int] = []
        formulas = False
        with package.open(info) as member:
            carried = b""  # a tag cut by the end of the last chunk
            while chunk := member.read(1 << 20):
                # one search for "<f" (rare) before the two for a formula's tag
                formulas = formulas or (b"<f" in chunk and (b"<f>" in chunk or b"<f " in chunk))
                errors = errors or b't="e"' in chunk
                # (rare: one search, then the row tags; the chunk is joined to the tag the
                # last one cut only then)
                if b"hidden" in chunk or (carried and b"hidden" in carried + chunk[:64]):
                    for tag in _ROW_TAG.findall(carried + chunk):
                        number = _ROW_NUMBER.search(tag)
                        if number is not None and _HIDDEN.search(tag):
                            hidden.append(int(number.group(1)))
                opened = chunk.rfind(b"<")
                carried = chunk[opened:] if opened > chunk.rfind(b">") else b""
        if hidden:
            hidden_rows[info.filename] = sorted(set(hidden))
        if formulas:
            formula_parts.add(info.filename)
    return _Scan(
        bool(formula_parts), errors, hidden_rows=hidden_rows, formula_parts=frozenset(formula_parts)
    )


# What tells ddtool's own registers (outputs of assess and report) from a chain: the sheets
# of the Excel register and the first headers of its register sheet (sheet names alone are
# common in due-diligence workbooks), the columns of the CSV one (tests check them against
# the reporters)
REGISTER_SHEETS = frozenset({"Summary", "Risk register", "Suppliers", "Remediation plan"})
REGISTER_HEADERS = ("Flag ID", "Supplier", "Supplier ID", "Inferred")
REGISTER_CSV_COLUMNS = frozenset({"flag_id", "supplier_id", "risk_type", "priority", "measures"})


def _is_register(workbook: CalamineWorkbook, names: list[str]) -> bool:
    """Whether a workbook is ddtool's Excel register: its sheets, and its register sheet's
    header (as ddtool writes it; a user's columns added after it change nothing)."""
    if not REGISTER_SHEETS.issubset(names):
        return False
    try:
        head = workbook.get_sheet_by_name("Risk register").to_python(nrows=1)
    except Exception:  # calamine raises its own error types
        return False
    return bool(head) and tuple(str(c).strip() for c in head[0][:4]) == REGISTER_HEADERS


def _is_csv_register(header: Iterable[Any]) -> bool:
    """Whether a table's first row is the header of ddtool's CSV register (its columns, in
    any order; a user's columns added change nothing)."""
    return REGISTER_CSV_COLUMNS.issubset(str(cell).strip() for cell in header)


# what tells ddtool's HTML and Markdown registers (outputs of assess and report, which no
# chain reader reads): the HTML's generator, the Markdown's title and the tool it names
REGISTER_HTML_GENERATOR = '<meta name="generator" content="ddtool '
REGISTER_MARKDOWN_TITLE = "# Human-rights due diligence assessment: "
_OWN_HEAD = 1 << 16  # bytes read to tell an output of ddtool by its content


def own_output(path: Path) -> str | None:
    """Which of ddtool's own registers `path` is, by its content whatever its name ("an
    Excel risk register", "a CSV risk register", "an HTML risk register", "a Markdown risk
    register"), as a chain reader tells the Excel and CSV ones; None for any other file,
    or one that cannot be read (said for a file given where an assessment JSON is read)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_OWN_HEAD)
    except OSError:
        return None
    if head.startswith(b"PK"):
        return "an Excel risk register" if _is_register_workbook(path) else None
    if b"\x00" in head:
        return None
    text = head.decode("utf-8-sig", errors="replace")
    if REGISTER_HTML_GENERATOR in text[:4096]:
        return "an HTML risk register"
    if text.startswith(REGISTER_MARKDOWN_TITLE) and "(ddtool " in text[:4096]:
        return "a Markdown risk register"
    lines = _first_lines(text, HEADER_SCAN_ROWS)
    if lines:
        header = next(csv.reader([lines[0]], delimiter=_delimiter(lines)), [])
        if _is_csv_register(header):
            return "a CSV risk register"
    return None


def _is_register_workbook(path: Path) -> bool:
    """Whether a zipped file is ddtool's Excel register (checked as a chain workbook is
    before it is opened: a package that must not be read is none)."""
    from python_calamine import CalamineWorkbook

    if _inspect_package(path, ReadOptions(), ProblemList(), Location(str(path))) is None:
        return False
    try:
        with path.open("rb") as handle:
            workbook = CalamineWorkbook.from_filelike(handle)
            return _is_register(workbook, list(workbook.sheet_names))
    except Exception:  # calamine raises its own error types for broken files
        return False


_OWN_OUTPUT = (
    "{what} written by ddtool (an assessment's output), not a chain: its rows are flags"
    " and assessed suppliers, inferred tiers among them, not the chain as mapped. Give the"
    " chain file it was made from; `ddtool report`, `ddtool diff` and `ddtool assess"
    " --verify` read the JSON assessment"
)


class CsvReader(ChainReader):
    """Reads CSV: comma or semicolon, UTF-8 with or without BOM, cp1252 as fallback."""

    suffixes = (".csv", ".tsv", ".txt")

    def read(self, path: Path, options: ReadOptions) -> RawChain:
        problems = ProblemList()
        chain = RawChain(str(path), [], problems)
        where = Location(str(path))
        if options.sheet is not None:  # (a text table has one table: said, not ignored)
            problems.warning(
                "sheet-not-used",
                f"--sheet '{options.sheet}' is not used: a CSV file has no sheets",
                where,
            )
        try:
            raw = path.read_bytes()
        except OSError as e:
            problems.error("unreadable-file", f"cannot open: {e.strerror}", where)
            return chain
        if not raw.removeprefix(codecs.BOM_UTF8).strip():  # (a byte-order mark alone too)
            problems.error("empty-file", "the file is empty", where)
            return chain
        wide = _wide_encoding(raw)  # Excel's "Unicode Text" is UTF-16 with a byte-order mark
        if wide is None and b"\x00" in raw[:4096]:
            problems.error(
                "not-text",
                "binary content, not a CSV text file (is it a workbook saved as .csv?)",
                where,
            )
            return chain
        # how the text was decoded when it is not valid UTF-8: "bytes", UTF-8 but for some
        # bytes (each an error at its cell); "cp1252", Windows-1252 throughout
        fallback: str | None = None
        try:
            text = raw.decode(wide or "utf-8-sig")
        except UnicodeDecodeError as e:
            if wide is not None:
                # (the line of the first bad bytes, as the text before them has its lines)
                before = raw[: e.start].decode(wide, errors="replace")
                line = before.count("\n") + 1
                problems.error(
                    "not-text",
                    f"not valid {wide.upper()} text (at byte offset {e.start}: {e.reason});"
                    " save the file again as UTF-8 (CSV UTF-8)",
                    Location(str(path), line=line),
                )
                return chain
            text = raw.decode("utf-8-sig", errors="surrogateescape")
            if raw.startswith(codecs.BOM_UTF8) or _mostly_utf8(text):
                # UTF-8 but for some bytes (a cell pasted from an older program): read as
                # cp1252 throughout, its correct rows would be garbled ("CÃ´te d'Ivoire")
                fallback = "bytes"
            else:
                text = raw.decode("cp1252", errors="replace")
                fallback = "cp1252"
        if wide is not None and not text.lstrip("\ufeff").strip():  # (its byte-order mark alone)
            problems.error("empty-file", "the file is empty", where)
            return chain
        delimiter = _delimiter(_first_lines(text, HEADER_SCAN_ROWS))
        rows, syntax = _csv_rows(text, delimiter, options.max_rows)
        if rows and _is_csv_register(rows[0]):
            problems.error("ddtool-output", _OWN_OUTPUT.format(what="a CSV risk register"), where)
            return chain
        if len(rows) > options.max_rows:
            problems.error(
                "too-many-rows",
                f"more than the limit of {options.max_rows:,} row"
                f"{'' if options.max_rows == 1 else 's'} (raise it with --max-rows)",
                where,
            )
            return chain
        if fallback == "bytes":
            _undecodable_bytes(str(path), rows, options, problems)
        elif fallback == "cp1252":
            problems.warning("encoding-fallback", *_fallback_message(str(path), rows, options))
        if '"' in text:
            for row, (cell, column) in _stray_quotes(text, delimiter, len(rows)):
                read = rows[row - 1][column] if column < len(rows[row - 1]) else ""
                problems.warning(
                    "stray-quote",
                    f"the quoted cell {cell!r} (cell {column + 1} of the row) holds a quote that"
                    " is not doubled, or text after its closing quote: it is read as"
                    f" spreadsheet programs read it, {read!r}; a quote inside a quoted cell is"
                    ' written twice ("")',
                    Location(str(path), row=row),
                )
        if syntax is not None:
            row, reason = syntax
            problems.error(
                "csv-syntax",
                f"invalid CSV: {reason}; "
                + (
                    "this row and the rows below it are not read (the rows above it are"
                    " checked): fix it and validate again"
                    if row > 1
                    else "nothing is read: fix it and validate again"
                ),
                Location(str(path), row=row),
            )
            if not rows:
                return chain
            # the rows above it are read and checked, so that all their problems are reported
            # now; no header among them is no error of its own (the header may be below)
            found = ProblemList()
            chain.table = table_from_rows(
                str(path), None, rows, options, found, clean=_csv_cleaning
            )
            problems.extend([p for p in found.items if p.type != "no-header"])
            return chain
        chain.table = table_from_rows(str(path), None, rows, options, problems, clean=_csv_cleaning)
        if chain.table is not None:
            # (the rows above the header may name the company, as a workbook's do)
            company = _company_above(_SheetRead(path, None, rows, options))
            if company is not None:
                chain.company, chain.company_location, chain.company_cells = company
        return chain


# a byte that did not decode as UTF-8 (kept as U+DC80-U+DCFF by surrogateescape)
_BAD_BYTE = re.compile("[\udc80-\udcff]")
# written after the text to find a quoted cell never closed: a cell still open at the end of
# the text takes it in (a noncharacter: never in a user's file)
_END = "\ufdd0"
MAX_BAD_BYTES = 20  # bad bytes named at their cells; the rest are counted


def _csv_rows(
    text: str, delimiter: str, max_rows: int
) -> tuple[list[list[str]], tuple[int, str] | None]:
    """The rows of a CSV text, and where and why its syntax fails (row number, reason), if
    it does: then the rows are those above that row. Reading stops once there are more rows
    than `max_rows`.

    Read as spreadsheet programs read it (text after a closing quote, "Acme" ,DE, is kept),
    but a quoted cell never closed is an error: it would take in every row after it, silently.
    """
    ended = text if text.endswith(("\n", "\r")) else text + "\n"
    reader = csv.reader(io.StringIO(ended + _END, newline=""), delimiter=delimiter, strict=False)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) > max_rows and row != [_END]:
                return rows, None
    except csv.Error as e:
        reason = str(e)
        if reason.startswith("field larger than field limit"):
            limit = csv.field_size_limit()
            reason = (
                f"a cell of this row is longer than {limit:,} characters (a quote opened and"
                " never closed, taking in the rows after it? A text that long is no supplier's)"
            )
        return rows, (len(rows) + 1, reason)
    if rows and rows[-1] == [_END]:
        rows.pop()
        return rows, None
    rows.pop()  # (the row whose quoted cell took in the rest of the file)
    return rows, (
        len(rows) + 1,
        'a quoted cell in this row is never closed (a missing or extra "?): every row after it'
        " would be read into that cell",
    )


def _stray_quotes(text: str, delimiter: str, count: int) -> list[tuple[int, tuple[str, int]]]:
    """The rows (their numbers, at most `count`) of a CSV text with a quoted cell that holds a
    quote not doubled or text after its closing quote ("a "b" c", "Tr"ader), as written; a
    space after the closing quote ("Acme" ,DE) is none. A strict reading finds the rows
    (0.07 s for 10^5 rows, for a file with quotes at all); the rare rows it finds are read
    again character by character."""
    ended = text if text.endswith(("\n", "\r")) else text + "\n"
    strict = csv.reader(io.StringIO(ended, newline=""), delimiter=delimiter, strict=True)
    bad_lines: list[int] = []
    while True:
        try:
            next(strict)
        except StopIteration:
            break
        except csv.Error:
            bad_lines.append(strict.line_num)
    if not bad_lines:
        return []
    # each row's last line, as the rows are read (not strictly): the row of a bad line
    loose = csv.reader(io.StringIO(ended, newline=""), delimiter=delimiter, strict=False)
    ends = [loose.line_num for _ in islice(loose, count)]
    # (the lines as the csv module counts them: at \r, \n and \r\n only, not at the
    # other line breaks str.splitlines knows, U+2028 or a form feed, which a cell may hold)
    lines = io.StringIO(ended, newline="").readlines()
    found: dict[int, tuple[str, int]] = {}
    for line in bad_lines:
        index = bisect.bisect_left(ends, line)
        if index >= len(ends) or index + 1 in found:
            continue
        first = ends[index - 1] if index else 0
        cell = _stray_cell("".join(lines[first : ends[index]]), delimiter)
        if cell is not None:
            found[index + 1] = cell
    return sorted(found.items())


def _stray_cell(raw: str, delimiter: str) -> tuple[str, int] | None:
    """The first quoted cell of a row's text with a lone quote inside or text after its
    closing quote (a space or tab there is none), as written, and its place in the row;
    None: no such cell."""
    at, end, column = 0, len(raw), 0
    while at < end:
        if raw[at] != '"':  # an unquoted cell: its quotes are text
            stop = raw.find(delimiter, at)
            at = end if stop < 0 else stop + 1
            column += 1
            continue
        start, at = at, at + 1
        while at < end:  # to the closing quote (a doubled one is a quote of the text)
            if raw[at] == '"':
                if raw.startswith('""', at):
                    at += 2
                    continue
                break
            at += 1
        stop = raw.find(delimiter, at + 1)
        stop = end if stop < 0 else stop
        if raw[at + 1 : stop].strip():
            return raw[start:stop].rstrip("\r\n"), column
        at = stop + 1
        column += 1
    return None


def _mostly_utf8(text: str) -> bool:
    """Whether a text that is not all valid UTF-8 (decoded with surrogateescape) is UTF-8 with
    some bad bytes rather than Windows-1252, by a vote of its lines that hold bytes beyond
    ASCII: those that are valid UTF-8 against those that are not; on a tie, UTF-8 where a
    valid line holds an accented letter as UTF-8 writes it ('ô', 'ñ').

    One valid line is not enough: in cp1252 an accented capital followed by a symbol ('É®',
    'É' and a no-break space) is a valid UTF-8 pair ('ɮ'), but its other accented lines are
    not UTF-8; a UTF-8 file with a cell pasted from an older program ('Société Générale') has
    that one bad line among its UTF-8 ones (however many accents the cell holds).
    """
    valid = bad = 0
    accented = False
    for line in text.splitlines():
        if line.isascii():
            continue
        if _BAD_BYTE.search(line):
            bad += 1
        else:
            valid += 1
            accented = accented or _UTF8_LETTER.search(line) is not None
    return valid > bad or (valid == bad and accented)


# the accented Latin letters (Latin-1 Supplement and Latin Extended-A) UTF-8 text holds; a
# cp1252 byte pair read as UTF-8 by accident gives other characters ('ɮ', 'ɠ')
_UTF8_LETTER = re.compile("[\u00c0-\u017f]")


def _undecodable_bytes(
    path: str, rows: list[list[str]], options: ReadOptions, problems: ProblemList
) -> None:
    """Report each cell of a UTF-8 file that holds a byte that is not UTF-8, at its row and
    column, and read the byte as Windows-1252 does (what such a byte mostly is: an 'é' pasted
    from an older program), so that its row is checked as the user sees it."""
    located: list[tuple[int, int, int, str]] = []  # row index, column, the byte, the cell read
    for index, row in enumerate(rows):
        if not _BAD_BYTE.search("\0".join(row)):
            continue
        for col, cell in enumerate(row):
            bad = _BAD_BYTE.search(cell)
            if bad is not None:
                row[col] = _BAD_BYTE.sub(_as_cp1252, cell)
                located.append((index, col, ord(bad.group()) - 0xDC00, row[col]))
    header = _csv_header(rows, options)
    for index, col, byte, cell in located[:MAX_BAD_BYTES]:
        char = bytes([byte]).decode("cp1252", errors="replace")
        taken = f" (the byte taken as '{char}', as in Windows-1252)" if char.isprintable() else ""
        problems.error(
            "bad-encoding",
            f"the byte 0x{byte:02X} is not UTF-8, but the rest of the file is: the cell is read"
            f" as {cell.strip()[:60]!r}{taken}; check it, and save the file as UTF-8",
            Location(path, row=index + 1, column=_column_label(header, col)),
        )
    if len(located) > MAX_BAD_BYTES:
        problems.error(
            "bad-encoding",
            f"{len(located) - MAX_BAD_BYTES:,} more cells hold bytes that are not UTF-8; save"
            " the file as UTF-8",
            Location(path),
        )


def _csv_header(rows: list[list[str]], options: ReadOptions) -> list[Any]:
    """A CSV's header row, cleaned, to name the columns of problems found before the table is
    read (none: no header among the first rows)."""
    head = [[_clean_cell(v, _csv_cleaning) for v in row] for row in rows[:HEADER_SCAN_ROWS]]
    found = find_header(head, options.column_map)
    return head[found[0]] if found is not None else []


def _as_cp1252(found: re.Match[str]) -> str:
    """A byte kept by surrogateescape, as Windows-1252 reads it."""
    return bytes([ord(found.group()) - 0xDC00]).decode("cp1252", errors="replace")


def _fallback_message(
    path: str, rows: list[list[str]], options: ReadOptions
) -> tuple[str, Location]:
    """The encoding-fallback warning, at the first cell with a character beyond ASCII (the
    one to check)."""
    message = "not UTF-8; read as Windows-1252 (cp1252)"
    first = next((index for index, row in enumerate(rows) if not "".join(row).isascii()), None)
    if first is None:
        return message, Location(path)
    col, cell = next((c, v) for c, v in enumerate(rows[first]) if not v.isascii())
    header = _csv_header(rows, options)
    return (
        f"{message}: check that its accented characters read right, the first in row"
        f" {first + 1} ({cell.strip()[:60]!r})",
        Location(path, row=first + 1, column=_column_label(header, col)),
    )


def _wide_encoding(raw: bytes) -> str | None:
    """UTF-32 or UTF-16, when the bytes start with its byte-order mark; UTF-16 without one
    (some exports leave it out) when every second byte is nothing but zero, as Latin text's
    are in it (the other half: the letters)."""
    marked = bom_encoding(raw) or zeros_encoding(raw)
    if marked is not None:
        return marked
    head = raw[:4096]
    if len(head) >= 8:
        head = head[: len(head) // 2 * 2]
        # text in other scripts (Japanese names) has no zero bytes: UTF-16 that decodes
        # strictly (random bytes hold a lone surrogate half within a few hundred) into lines
        # of cells, all of it printable text
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = head.decode(encoding)
            except UnicodeDecodeError:
                continue
            printable = sum(c.isprintable() or c in "\t\r\n" for c in text)
            if "\n" in text and any(c in text for c in "\t,;") and printable == len(text):
                return encoding
    return None


def _delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number of cells most often
    (a table's rows all have its width); on a tie, the one that occurs most. Counting
    alone took commas inside a semicolon file's product lists for the delimiter."""
    sample = "\n".join(lines)

    def rows_alike(delimiter: str) -> int:
        if delimiter not in sample:
            return 0
        widths: Counter[int] = Counter()
        try:
            for row in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
                if len(row) > 1:
                    widths[len(row)] += 1
        except csv.Error:  # (the rows above count: a comma file with a cell longer than the
            # field limit, 'A;' 70,000 times in it, is still a comma file, its long row an
            # error of its own, located; counting none took ';' for its delimiter)
            pass
        return max(widths.values(), default=0)

    def lines_with(delimiter: str) -> int:
        return sum(delimiter in line for line in lines)

    # (on a tie, the one on more lines, then the one that occurs most: a comma file whose
    # first row holds a ';' list longer than the field limit splits no row in full with ','
    # (the long row stops the reader), one row with ';', the long one: the header's commas
    # tell)
    candidates = (";", ",", "\t", "|")
    return max(candidates, key=lambda d: (rows_alike(d), lines_with(d), sample.count(d)))


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], splitting only the start of a large text.

    When a prefix splits into more than count lines, its first count lines end within it.
    """
    size = 1 << 16
    while True:
        lines = text[:size].splitlines()
        if len(lines) > count or size >= len(text):
            return lines[:count]
        size *= 4


def _csv_cleaning(values: Sequence[Any]) -> dict[str, tuple[Any, str | None]]:
    """A CSV's cells: padding is any whitespace. Decimal commas are read by the number
    fields (parse_number), not here: ids, names and lists keep their commas as written
    (`1001,1002` is two buyers in a semicolon file, not a number)."""
    return _cleaning(values, None)


__all__ = [
    "FIELDS",
    "CsvReader",
    "ExcelReader",
    "column_letter",
    "table_from_rows",
]
