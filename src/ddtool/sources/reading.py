"""Reading a chain: the reader for each file (YAML, Excel, CSV), then normalisation to the model."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Any

from ddtool.errors import Location, ProblemList, path_text
from ddtool.model import Chain, Company, Supplier
from ddtool.reference.countries import normalise_country
from ddtool.sources import ahead
from ddtool.sources.columns import header_key, match_header
from ddtool.sources.interface import (
    TEMPLATE_HEADERS,
    ChainReader,
    RawChain,
    RawTable,
    ReadOptions,
    distinct_files,
    file_signature,
    link_loop,
    size_over,
)
from ddtool.sources.normalise import (
    TEMPLATE_SUPPLIER_AUDITED,
    TEMPLATE_SUPPLIERS,
    NoTaxonomy,
    SectorMatcher,
    company_option,
    normalise_records,
    template_leftovers,
)
from ddtool.sources.table_source import (
    CsvReader,
    ExcelReader,
    section_message,
    section_rest,
    sheet_tier,
    tier_supplier_header,
)
from ddtool.sources.values import as_id, as_text, split_list
from ddtool.sources.yaml_source import YamlReader

READERS: tuple[ChainReader, ...] = (YamlReader(), ExcelReader(), CsvReader())
SUFFIXES: tuple[str, ...] = tuple(s for r in READERS for s in r.suffixes)


def reader_for(path: Path) -> ChainReader | None:
    """The reader for a file, by its suffix."""
    suffix = path.suffix.lower()
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    return None


def read_raw(path: Path, options: ReadOptions) -> RawChain:
    """Read one file without normalising; a missing or unsupported file is a located error."""
    raw = _read(path, options)
    if raw.table is not None:
        raw.records = raw.table.records()
    return raw


def _read(path: Path, options: ReadOptions) -> RawChain:
    """read_raw, leaving a table's records unbuilt (normalisation reads the table itself)."""
    problems = ProblemList()
    where = Location(str(path))
    if not path.exists():
        problems.error("file-not-found", _not_found(path), where)
        return RawChain(str(path), [], problems)
    if path.is_dir():
        problems.error("is-a-directory", "a directory, not a chain file", where)
        return RawChain(str(path), [], problems)
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):  # (a pipe is read once: it could not be hashed too)
        problems.error(
            "not-a-file",
            "a pipe, socket or device, not a file: save the chain to a file and give its path",
            where,
        )
        return RawChain(str(path), [], problems)
    if info.st_size / 1_048_576 > options.max_file_mb:
        problems.error(
            "file-too-large",
            f"{size_over(info.st_size, options.max_file_mb)}, more than the limit of"
            f" {options.max_file_mb:,} MB"
            " (raise it with --max-file-mb)",
            where,
        )
        return RawChain(str(path), [], problems)
    reader = reader_for(path)
    if reader is None and path.suffix.lower() == ".json":
        problems.error(
            "unsupported-file",
            "a JSON file, not a chain: chains are read from YAML, Excel or CSV; an assessment"
            " JSON written by `ddtool assess` is read by `ddtool report`, `ddtool diff` and"
            " `ddtool assess --verify`",
            where,
        )
        return RawChain(str(path), [], problems)
    if reader is None:
        problems.error(
            "unsupported-file",
            f"unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUFFIXES)}",
            where,
        )
        return RawChain(str(path), [], problems)
    early = ahead.take(path, options)
    if early is not None:
        return early
    before = file_signature(path)
    raw = reader.read(path, options)
    raw.signature = before
    return raw


def _read_parts(path: Path, options: ReadOptions) -> list[RawChain]:
    """A file's parts of the chain: the file, and where it is a workbook with a sheet per
    tier ("Tier 1", "Tier 2", "Tier 3"), each of its other tier sheets, read as --sheet
    would read it; buyers are found across them, as across files given together."""
    raw = _read(path, options)
    if not raw.tier_sheets:
        return [raw]
    raw = _with_tier_buyers(raw, path, options)
    parts = [raw]
    for sheet in raw.tier_sheets:
        alone = replace(options, sheet=sheet, tier_sheet=True)
        part = _with_tier_buyers(ExcelReader().read(path, alone), path, alone)
        part.tier_part = True
        if raw.company is not None or any(p.company is not None for p in parts[1:]):
            # (the company is the first part's that names one: a Company sheet is read with
            # every sheet, and its problems are told once)
            part.company, part.company_location, part.company_cells = None, None, {}
        parts.append(part)
    _tier_sheets_unlinked(parts, options)
    _maps_used_on_a_sheet(parts, options)
    return parts


def _with_tier_buyers(part: RawChain, path: Path, options: ReadOptions) -> RawChain:
    """A tier sheet without a column of buyers read again with its column naming the tier
    above's supplier by id as its buyers ("Tier 2 supplier ID" on "Tier 3": each row's
    buyer), as `--map 'Tier 2 supplier ID=buyers'` would read it; any other part as read."""
    table = part.table
    if table is None or table.sheet is None or _buyers_given(table):
        return part
    tier = sheet_tier(table.sheet)
    above = [
        label
        for label, _ in table.extras
        if tier is not None and tier_supplier_header(label) == tier - 1
    ]
    if len(above) != 1:  # (none, or two that could each be it)
        return part
    # (a template's column of buyers left blank is then kept as an attribute, as beside any
    # column mapped to the buyers; the same workbook, read a moment ago, is not checked and
    # scanned again)
    mapped = {**options.column_map, above[0]: "buyers"}
    again = ExcelReader().read(path, replace(options, column_map=mapped, tier_sheet=True))
    again.signature = part.signature
    return again


def _buyers_given(table: RawTable) -> bool:
    """Whether a table has a column of buyers with a buyer in it."""
    buyers = table.values.get("buyers")
    return buyers is not None and any(value is not None for value in buyers)


def _maps_used_on_a_sheet(parts: list[RawChain], options: ReadOptions) -> None:
    """A mapping that names a column of one of a workbook's tier sheets is used: the other
    sheets' `unused-map` warnings of it are dropped (each sheet is read as a table of its own,
    and the columns of a tier sheet differ: 'Tier 2 supplier ID' on tier 3 only)."""
    labels = {
        header_key(label)
        for part in parts
        if part.table is not None
        for label in [*part.table.columns.values(), *(label for label, _ in part.table.extras)]
    }
    used = [
        f"the mapping '{given}={target}'"
        for given, target in options.column_map.items()
        if header_key(given) in labels
    ]
    if not used:
        return
    for part in parts:
        part.problems.items = [
            problem
            for problem in part.problems.items
            if problem.type != "unused-map" or not problem.message.startswith(tuple(used))
        ]


def _sheet_tiers(raws: list[RawChain]) -> dict[tuple[str, str], int]:
    """The tier each sheet of a workbook read as a sheet per tier stands for in the chain:
    its name's, counted from the lowest sheet's, whose suppliers supply the company ("Tier 0"
    for the company's own sites, or a list beginning at "Tier 2", count so too)."""
    found: dict[tuple[str, str], int] = {}
    for raw in raws:
        if (raw.tier_sheets or raw.tier_part) and raw.table is not None and raw.table.sheet:
            found[raw.path, raw.table.sheet] = sheet_tier(raw.table.sheet) or 0
    lowest = {path: min(t for (p, _), t in found.items() if p == path) for path, _ in found}
    # (a sheet without buyers is told once, as unlinked-tier-sheet, not row by row)
    unlinked = {
        (problem.location.file, problem.location.sheet)
        for raw in raws
        for problem in raw.problems.items
        if problem.type == "unlinked-tier-sheet"
    }
    return {
        (path, sheet): tier - lowest[path] + 1
        for (path, sheet), tier in found.items()
        if (path, sheet) not in unlinked
    }


def _tier_sheets_unlinked(parts: list[RawChain], options: ReadOptions) -> None:
    """A tier sheet below the lowest without buyers (no column of them, or one left blank) is
    an error (`unlinked-tier-sheet`): its suppliers could not be placed under their buyers,
    and would be read as the company's direct suppliers."""
    tiers = {
        part.table.sheet or "": sheet_tier(part.table.sheet or "") or 0
        for part in parts
        if part.table is not None
    }
    if not tiers:
        return
    lowest = min(tiers, key=tiers.__getitem__)  # (the sheet of the lowest tier)
    first = tiers[lowest]
    for part in parts:
        table = part.table
        if table is None:
            continue
        tier = sheet_tier(table.sheet or "")
        if tier is None or tier <= first:
            continue
        buyers = table.values.get("buyers")
        if buyers is not None and (not table.rows or any(v is not None for v in buyers)):
            continue
        given = (
            "has no column of buyers"
            if buyers is None
            else f"its column of buyers ('{table.columns['buyers']}') is blank"
        )
        # a column of its own naming a tier above it: its buyers ("Tier 2 supplier ID" on
        # "Tier 3"), as --map would read it
        above = [
            label
            for label, _ in table.extras
            if (named := sheet_tier(label)) is not None and named < tier
        ]
        part.problems.error(
            "unlinked-tier-sheet",
            f"sheet '{table.sheet}' is read as a tier below sheet '{lowest}', but {given}:"
            " its suppliers cannot be placed"
            " under the suppliers they supply (they would be read as the company's direct"
            " suppliers); give each one's buyer id ('Buyer ID')"
            + ("" if options.in_batch else ", or read one sheet alone with --sheet"),
            Location(table.path, table.sheet, None, table.columns.get("buyers")),
            suggestion=options.map_hint(above[0], "buyers") if above else None,
        )


def _not_found(path: Path) -> str:
    """Why a path leads to no file: none there, or a symbolic link to none, or in a loop."""
    if link_loop(path) is not None:
        return "a symbolic link in a loop (it leads back to itself): no file is there"
    if path.is_symlink():
        return f"a symbolic link to a file that does not exist ({os.readlink(path)})"
    return "no such file"


def file_sha256(paths: list[Path]) -> str:
    """One SHA-256 over the input files, in the order given."""
    return file_digests(paths)[0]


def file_digests(paths: list[Path]) -> tuple[str, list[str]]:
    """One SHA-256 over the input files, in the order given, and each file's own ("" for a
    file that cannot be read). Each file is read once; one file's own is the chain's."""
    digest = hashlib.sha256()
    each: list[str] = []
    for path in paths:
        try:
            # (a pipe would block: it is refused when read)
            data = path.read_bytes() if path.is_file() else None
        except OSError:
            data = None
        if data is None:
            each.append("")
            continue
        digest.update(data)
        each.append(hashlib.sha256(data).hexdigest() if len(paths) > 1 else "")
    combined = digest.hexdigest()
    return combined, [combined] if len(paths) == 1 else each


def _by_template(raw: RawChain) -> bool:
    """Whether `ddtool template` wrote the file: marked so (RawChain.template), or a table
    whose headers are the template's own, every one (a CSV template has no other mark)."""
    if raw.template:
        return True
    table = raw.table
    if table is None:
        return False
    labels = {*table.columns.values(), *(label for label, _ in table.extras)}
    return labels == set(TEMPLATE_HEADERS)


def read_chain(
    paths: list[Path],
    options: ReadOptions | None = None,
    sectors: SectorMatcher | None = None,
    company_name: str | None = None,
    clock: Callable[[str], None] | None = None,
) -> tuple[Chain, ProblemList]:
    """Read one chain from one or more files (parts of the same chain) and normalise it.

    `clock`, when given, is told when the reading ("read") and the normalising
    ("normalise") are done (the benchmark times the stages)."""
    options = options or ReadOptions()
    sectors = sectors or NoTaxonomy()
    problems = ProblemList()
    paths, _ = distinct_files(paths)  # (the command line says which were given again)
    raws = [raw for path in paths for raw in _read_parts(path, options)]
    if clock is not None:
        clock("read")
    _section_titles(raws, sectors)
    unmapped_by_values(raws, sectors, options)
    for raw in raws:
        problems.extend(raw.problems)
    from ddtool.schemes import audit_standards

    standards = audit_standards(options.labour_audits)
    company, suppliers = normalise_records(raws, sectors, problems, standards)
    if company is None:
        company = Company(name=path_text(Path(paths[0]).stem))
    # the files whose example row holding the audit is still there (refused below): another
    # row's audit of that day is its own, not the example's left in it
    kept = {
        s.location.file
        for s in suppliers
        if s.name == TEMPLATE_SUPPLIER_AUDITED and s.location is not None
    }
    if not TEMPLATE_SUPPLIERS.isdisjoint(map(attrgetter("name"), suppliers)):
        suppliers = _examples_refused(suppliers, company.id, problems, Location(str(paths[0])))
    # (in another file, not a template's, an audit of that day is its own)
    templates = {raw.path for raw in raws if _by_template(raw)} - kept
    if templates:
        in_templates = [s for s in suppliers if s.location and s.location.file in templates]
        template_leftovers(in_templates, problems, Location(str(paths[0])))
    if company_name:  # given on the command line: the file's lack of a name is no matter
        company = company.model_copy(update={"name": company_option(company_name, problems)})
        problems.items = [
            p for p in problems.items if p.type not in ("company-name", "template-company")
        ]
    combined, each = file_digests(paths)
    for path, raw in zip(paths, [raw for raw in raws if not raw.tier_part], strict=True):
        if raw.signature is not None and file_signature(path) != raw.signature:
            problems.error(
                "input-changed",
                "the file changed while it was read (written to, replaced or truncated): what"
                " was read is not what its hash would record; run again once it is written",
                Location(str(path)),
            )
    chain = Chain(
        company=company,
        suppliers=suppliers,
        files=[str(p) for p in paths],
        sha256=combined,
        file_hashes=each,
        headers={
            (raw.table.path, raw.table.sheet): dict(raw.table.columns)
            for raw in raws
            if raw.table is not None
        },
        unread_sheets={raw.path: raw.unread_sheets for raw in raws if raw.unread_sheets},
        sheet_tiers=_sheet_tiers(raws),
        key_lines={
            (record.location.file, record.location.line): record.lines
            for raw in raws
            for record in raw.records
            # (an alias of an entry, `- *supplier`, has no keys of its own at its line)
            if record.location.line is not None
        },
    )
    if clock is not None:
        clock("normalise")
    return chain, problems


def _examples_refused(
    suppliers: list[Supplier], company_id: str, problems: ProblemList, where: Location
) -> list[Supplier]:
    """Refuse each of the template's example suppliers left in (`template-example`), and
    leave it out of the chain's checks, so that it is told that one way only: its share,
    buyers and declared tier are not read (it stands under the company, its examples of a
    tier below it under it), and where another supplier, or the company, has its id, it is
    left out (that id is theirs). It is never scored: the error stops an assessment."""
    taken = {s.id for s in suppliers if s.name not in TEMPLATE_SUPPLIERS} | {company_id}
    placed: set[str] = set()  # the examples kept, each under one kept before it (no cycle)
    kept: list[Supplier] = []
    for supplier in suppliers:
        if supplier.name not in TEMPLATE_SUPPLIERS:
            kept.append(supplier)
            continue
        problems.error(
            "template-example",
            f"{supplier.name!r} ({supplier.id}) is the template's example, not a"
            " supplier: overwrite it with your first supplier, or delete it",
            supplier.location or where,
        )
        if supplier.id in taken:
            continue
        taken.add(supplier.id)  # (an example row copied: once)
        buyers = [b for b in supplier.buyers if b in placed][:1]
        placed.add(supplier.id)
        kept.append(
            supplier.model_copy(update={"buyers": buyers, "share": None, "tier_declared": None})
        )
    return kept


def _section_titles(raws: list[RawChain], sectors: SectorMatcher) -> None:
    """Leave out of each table the rows holding one text alone, in the id or name column,
    that names a sector ("Garment manufacturing", "Cocoa suppliers"), each with a warning:
    section titles, as the reader tells those naming a tier, the suppliers or a group of
    countries (it knows no sectors)."""
    for raw in raws:
        table = raw.table
        if table is None or not table.alone:
            continue
        titles = [
            position
            for position, text in sorted(table.alone.items())
            if (rest := section_rest(text)) is not None and sectors.sector_named(rest) is not None
        ]
        for position in titles:
            text = table.alone[position]
            raw.problems.warning(
                "section-row",
                section_message(repr(text[:60] + ("…" if len(text) > 60 else ""))),
                Location(table.path, table.sheet, table.rows[position]),
            )
        table.alone = {}
        if not titles:
            continue
        left = set(titles)
        kept = [position for position in range(len(table.rows)) if position not in left]
        table.rows = [table.rows[position] for position in kept]
        table.values = {
            field: [column[position] for position in kept] for field, column in table.values.items()
        }
        table.extras = [(label, [column[p] for p in kept]) for label, column in table.extras]


# A column of the user's own is taken for a field by its values when most of the first of them
# read as that field's: enough to tell a column of countries from one of remarks, and cheap
# on 10^5 rows
_SAMPLE = 200
_MOSTLY = 0.8
# answers that read as countries ("no" is Norway) but fill yes/no columns
_ANSWERS = frozenset({"no", "non", "nein", "yes", "si", "sí", "ja", "oui", "x", "ok"})
# the fields a column's values can show, in the order they are tried
_BY_VALUES = ("buyers", "country", "sector", "products")
# a column of languages holds country codes (DE, FR, ES, IT, PT): no country column
_LANGUAGE = ("language", "sprache", "langue", "idioma", "lingua")


def unmapped_by_values(raws: list[RawChain], sectors: SectorMatcher, options: ReadOptions) -> None:
    """Warn of a table column kept as an attribute whose values are mostly the ids of
    suppliers in this chain, countries or sectors, when the table has no such column: its
    header is one ddtool does not know ("Abnehmer", "Herkunft"), and without the warning the
    chain would be flattened, or its countries lost, without a word (`unmapped-column`)."""
    wanted = [
        raw
        for raw in raws
        if raw.table is not None
        and raw.table.extras
        and any(field not in raw.table.values for field in _BY_VALUES)
    ]
    if not wanted:
        return  # (most tables: every column known)
    chain_ids: set[str] | None = None
    for raw in wanted:
        table = raw.table
        assert table is not None
        hinted = {p.location.column for p in raw.problems.items if p.type == "unmapped-column"}
        found: set[str] = set()
        for label, column in table.extras:
            if label in hinted or match_header(label, options.column_map) is not None:
                continue  # (a header of a field: a second column of it, reported as such)
            key = header_key(label)
            for field in _BY_VALUES:
                if field in table.values or field in found:
                    continue
                if field == "buyers":
                    if "id" not in table.values:
                        continue
                    if chain_ids is None:
                        chain_ids = _chain_ids(raws)
                    seen = _mostly(column, _buyer_test(table, chain_ids))
                    what = "ids of suppliers in this chain"
                elif field == "country":
                    if any(word in key for word in _LANGUAGE):
                        continue
                    seen = _mostly(column, _is_country)
                    what = "countries"
                elif field == "sector":
                    if isinstance(sectors, NoTaxonomy):
                        continue  # (no taxonomy to tell sectors by)
                    seen = _mostly(column, _sector_test(sectors))
                    what = "sectors"
                else:
                    if isinstance(sectors, NoTaxonomy):
                        continue
                    seen = _goods(column, sectors)
                    what = "goods"
                if seen is None:
                    continue
                index, value = seen
                found.add(field)
                raw.problems.warning(
                    "unmapped-column",
                    f"column '{label}' holds {what} ({str(value).strip()[:40]!r} in row"
                    f" {table.rows[index]}, …): it looks like the {field} column but matches no"
                    " known name; it is kept as an attribute",
                    Location(table.path, table.sheet, table.rows[index], label),
                    suggestion=options.map_hint(label, field),
                )
                break


def _mostly(
    column: Sequence[Any], test: Callable[[int, Any], bool], share: float = _MOSTLY
) -> tuple[int, Any] | None:
    """The first cell passing `test` (row index, value), when most of the column's first
    filled cells do (`share` of them; 0: any one); None otherwise."""
    filled = list(islice(((i, v) for i, v in enumerate(column) if v is not None), _SAMPLE))
    if not filled:
        return None
    passed = [(index, value) for index, value in filled if test(index, value)]
    return passed[0] if passed and len(passed) >= share * len(filled) else None


def _chain_ids(raws: list[RawChain]) -> set[str]:
    """The supplier ids of every file of the chain."""
    ids: set[str] = set()
    for raw in raws:
        if raw.table is not None:
            ids.update(as_id(v) for v in raw.table.values.get("id", ()) if v is not None)
        else:
            ids.update(as_id(r.fields["id"]) for r in raw.records if r.fields.get("id") is not None)
    ids.discard("")
    return ids


def _buyer_test(table: RawTable, ids: set[str]) -> Callable[[int, Any], bool]:
    """Whether a cell names suppliers of the chain, none the row's own (a copy of the id
    column names its own)."""
    own = table.values["id"]

    def test(index: int, value: Any) -> bool:
        items = [as_id(item) for item in split_list(value)]
        mine = own[index]
        return bool(items) and all(
            item in ids and (mine is None or item != as_id(mine)) for item in items
        )

    return test


def _is_country(_index: int, value: Any) -> bool:
    if not isinstance(value, str) or as_text(value).casefold() in _ANSWERS:  # (as read)
        return False
    return normalise_country(value).iso3 is not None


def _short_text(value: Any) -> bool:
    """A cell that may name a sector or a good: a short text that is no country."""
    return (
        isinstance(value, str)
        and bool(value.strip())
        and len(value.split()) <= 6
        and normalise_country(value).iso3 is None
    )


def _sector_test(sectors: SectorMatcher) -> Callable[[int, Any], bool]:
    """Whether a cell names a sector, and no good ('cotton' and 't-shirts' beside it are a
    column of products, not of sectors)."""

    def test(_index: int, value: Any) -> bool:
        return (
            _short_text(value)
            and sectors.match_good(value) is None
            and sectors.match_sector(value).id is not None
        )

    return test


def _goods(column: Sequence[Any], sectors: SectorMatcher) -> tuple[int, Any] | None:
    """The first good of a column (row index, value) whose first filled cells are mostly
    goods or the things a sector makes ('cotton', 'cocoa', 't-shirts'), goods among them."""

    def test(_index: int, value: Any) -> bool:
        return _short_text(value) and (
            sectors.match_good(value) is not None or sectors.match_sector(value).id is not None
        )

    if _mostly(column, test) is None:
        return None
    # (the first good is the one shown: 'cotton', rather than 't-shirts')
    return _mostly(
        column,
        lambda index, value: test(index, value) and sectors.match_good(value) is not None,
        share=0,
    )
