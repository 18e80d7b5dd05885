"""Reading a chain: the reader for each file (YAML, Excel, CSV), then normalisation to the model."""

from __future__ import annotations

import hashlib
from operator import attrgetter
from pathlib import Path

from ddtool.errors import Location, ProblemList
from ddtool.model import Chain, Company
from ddtool.sources import ahead
from ddtool.sources.interface import ChainReader, RawChain, ReadOptions
from ddtool.sources.normalise import (
    TEMPLATE_SUPPLIERS,
    NoTaxonomy,
    SectorMatcher,
    normalise_records,
)
from ddtool.sources.table_source import CsvReader, ExcelReader
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
        problems.error("file-not-found", "no such file", where)
        return RawChain(str(path), [], problems)
    if path.is_dir():
        problems.error("is-a-directory", "a directory, not a chain file", where)
        return RawChain(str(path), [], problems)
    size_mb = path.stat().st_size / 1_048_576
    if size_mb > options.max_file_mb:
        problems.error(
            "file-too-large",
            f"{size_mb:,.0f} MB, more than the limit of {options.max_file_mb} MB"
            " (raise it with --max-file-mb)",
            where,
        )
        return RawChain(str(path), [], problems)
    reader = reader_for(path)
    if reader is None:
        problems.error(
            "unsupported-file",
            f"unsupported file type '{path.suffix or '(none)'}'; use one of {', '.join(SUFFIXES)}",
            where,
        )
        return RawChain(str(path), [], problems)
    early = ahead.take(path, options)
    return reader.read(path, options) if early is None else early


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
            data = path.read_bytes()
        except OSError:
            each.append("")
            continue
        digest.update(data)
        each.append(hashlib.sha256(data).hexdigest() if len(paths) > 1 else "")
    combined = digest.hexdigest()
    return combined, [combined] if len(paths) == 1 else each


def read_chain(
    paths: list[Path],
    options: ReadOptions | None = None,
    sectors: SectorMatcher | None = None,
    company_name: str | None = None,
) -> tuple[Chain, ProblemList]:
    """Read one chain from one or more files (parts of the same chain) and normalise it."""
    options = options or ReadOptions()
    sectors = sectors or NoTaxonomy()
    problems = ProblemList()
    raws = [_read(path, options) for path in paths]
    for raw in raws:
        problems.extend(raw.problems)
    company, suppliers = normalise_records(raws, sectors, problems)
    if company is None:
        company = Company(name=Path(paths[0]).stem)
    if not TEMPLATE_SUPPLIERS.isdisjoint(map(attrgetter("name"), suppliers)):
        for supplier in suppliers:
            if supplier.name in TEMPLATE_SUPPLIERS:
                problems.error(
                    "template-example",
                    f"{supplier.name!r} ({supplier.id}) is the template's example, not a"
                    " supplier: overwrite it with your first supplier, or delete it",
                    supplier.location or Location(str(paths[0])),
                )
    if company_name:  # given on the command line: the file's lack of a name is no matter
        company = company.model_copy(update={"name": company_name})
        problems.items = [
            p for p in problems.items if p.type not in ("company-name", "template-company")
        ]
    combined, each = file_digests(paths)
    chain = Chain(
        company=company,
        suppliers=suppliers,
        files=[str(p) for p in paths],
        sha256=combined,
        file_hashes=each,
    )
    return chain, problems
