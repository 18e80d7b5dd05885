"""The one interface every chain reader implements, and the raw records they produce."""

from __future__ import annotations

import codecs
import errno
import os
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from itertools import repeat
from pathlib import Path
from typing import Any

from ddtool.errors import Location, ProblemList
from ddtool.slots import made_from_columns

# Limits that keep a hostile file from exhausting the machine; each can be raised by option.
DEFAULT_MAX_FILE_MB = 200
DEFAULT_MAX_ROWS = 1_000_000
DEFAULT_MAX_DEPTH = 64  # YAML nesting, from the top or a supplier's entry (not its suppliers)
# the most --max-depth takes: a value nested deeper breaks the outputs (JSON is written at
# most 255 levels deep, and Python recurses no deeper than 1,000 levels)
MOST_MAX_DEPTH = 200
DEFAULT_MAX_INFLATE_MB = 1000  # what a workbook may unpack to
# tiers a chain may have: real ones have a dozen at most; thousands are a data error (each
# row naming the row above as its buyer), and each supplier holds its path from the company
DEFAULT_MAX_TIERS = 100
# the most each limit that has a most can be raised to, by the field of its option (a
# recorded limit is held to it as the option is: a saved assessment is read within it again)
MOST_LIMITS = {"max_depth": MOST_MAX_DEPTH}


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits a file is read within, each the field of the option that raises it
    (`max_tiers`: `--max-tiers`), as `assess`, `validate` and `batch` take them."""

    max_file_mb: int = DEFAULT_MAX_FILE_MB
    max_rows: int = DEFAULT_MAX_ROWS
    max_depth: int = DEFAULT_MAX_DEPTH
    max_inflate_mb: int = DEFAULT_MAX_INFLATE_MB
    max_tiers: int = DEFAULT_MAX_TIERS

    def as_dict(self) -> dict[str, int]:
        """Each limit by its field name, in the order above."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, recorded: dict[str, Any], least: int | None = None) -> Limits:
        """The limits a record gives by their field names (the others the defaults); a
        ValueError for a name that is no limit's, a value that is no whole number (below
        `least`, where given), or one above what its option takes (`MOST_LIMITS`)."""
        known = cls().as_dict()
        for name, value in recorded.items():
            if name not in known:
                raise ValueError(f"unknown limit {name!r}")
            if type(value) is not int or (least is not None and value < least):
                of = f" of {least} or more" if least is not None else ""
                raise ValueError(f"limit {name} {value!r} is not a whole number{of}")
            most = MOST_LIMITS.get(name)
            if most is not None and value > most:
                raise ValueError(
                    f"limit {name} {value:,} is more than {option_flag(name)} takes ({most:,})"
                )
        return cls(**recorded)

    def admits(self, other: Limits) -> bool:
        """Whether every file read within `other` is read within these too (no limit lower):
        a limit only refuses a file, it never changes what is read from one within it."""
        mine = self.as_dict()
        return all(mine[name] >= value for name, value in other.as_dict().items())


def size_over(size: int, limit_mb: int) -> str:
    """A size (in bytes) over a limit in MB, written as precisely as it takes to read as
    more than the limit: "250 MB" over 200, "1.4 MB" over 1, never "1 MB" over 1 (down to
    the byte, for a size just over it)."""
    mb = size / 1_048_576
    for places in range(4):
        text = f"{mb:,.{places}f}"
        if float(text.replace(",", "")) > limit_mb:
            return f"{text} MB"
    return f"{size:,} bytes"


def option_flag(name: str) -> str:
    """The command-line option of a field: `max_tiers` → `--max-tiers`."""
    return "--" + name.replace("_", "-")


@dataclass(slots=True)
class ReadOptions:
    """Options shared by all readers; the limits are those of `Limits` (see `within`)."""

    column_map: dict[str, str] = field(default_factory=dict)  # header as written -> field
    sheet: str | None = None
    max_file_mb: int = DEFAULT_MAX_FILE_MB
    max_rows: int = DEFAULT_MAX_ROWS
    max_depth: int = DEFAULT_MAX_DEPTH
    max_inflate_mb: int = DEFAULT_MAX_INFLATE_MB
    max_tiers: int = DEFAULT_MAX_TIERS
    # how the user maps a header to a field, for the hints: "--map" on assess and validate,
    # "config" in a batch (the columns: block of its --config file)
    mapped_by: str = "--map"
    # where a mapping not given as --map is written: header -> "ddtool.yaml, line 4"
    map_given_in: dict[str, str] = field(default_factory=dict)
    # the names that make an audit's standard a labour audit (Config.audit_names): the
    # settings' where they are read (Config.merge_reading); None for the defaults'
    labour_audits: tuple[str, ...] | None = None
    # a workbook's sheet read again, or one of its tier sheets read with the first
    # (RawChain.tier_sheets): the same workbook, read a moment ago, is not checked again
    tier_sheet: bool = False

    @classmethod
    def within(cls, limits: Limits, **options: Any) -> ReadOptions:
        """Read options with these limits (and any of the others)."""
        return cls(
            max_file_mb=limits.max_file_mb,
            max_rows=limits.max_rows,
            max_depth=limits.max_depth,
            max_inflate_mb=limits.max_inflate_mb,
            max_tiers=limits.max_tiers,
            **options,
        )

    def limits(self) -> Limits:
        """The limits these options read within."""
        return Limits(**{name: getattr(self, name) for name in Limits().as_dict()})

    @property
    def in_batch(self) -> bool:
        """Whether a batch reads the file (its headers mapped in the settings): each file is
        one member there, and no sheet can be chosen, so advice to choose a sheet with
        --sheet or to give files together does not fit."""
        return self.mapped_by == "config"

    def map_hint(self, header: str = "Header", target: str = "field") -> str:
        """How to map this header to this field, as the user can."""
        if self.mapped_by == "config":
            return f"a columns: entry '{header}: {target}' in the --config file"
        return f"--map '{header}={target}'"


@dataclass(slots=True)
class RawRecord:
    """One supplier as found in a file: canonical field names, raw values, where it was."""

    fields: dict[str, Any]
    location: Location
    columns: dict[str, str] = field(default_factory=dict)  # field -> column label in the file
    extras: dict[str, Any] = field(default_factory=dict)  # unmapped columns/keys, kept
    parent: str | None = None  # buyer id implied by YAML nesting
    lines: dict[str, int] = field(default_factory=dict)  # YAML: key -> line

    def where(self, field_name: str) -> Location:
        """The location of one field: the cell for tables, the key's line for YAML (named as
        the key is written: a slip read as the field, 'contry', is named so)."""
        if field_name in self.lines:
            loc = self.location
            key = self.columns.get(field_name, field_name)
            return Location(loc.file, loc.sheet, loc.row, key, self.lines[field_name])
        return self.location.with_column(self.columns.get(field_name))


@dataclass(slots=True)
class RawTable:
    """A supplier table column by column: one value per kept row (None for a blank cell).

    Table readers hand their rows over this way because 10^5 rows are normalised much faster
    column by column (each distinct country, sector or number is read once) than record by
    record; `records()` gives the same content as RawRecords.
    """

    path: str
    sheet: str | None
    rows: list[int]  # the file's row number of each kept row
    values: dict[str, Sequence[Any]]  # field -> its column, in the header's order
    columns: dict[str, str]  # field -> column label in the file
    # unmapped columns: (label, column); a label can repeat (a second 'Country' column)
    extras: list[tuple[str, Sequence[Any]]] = field(default_factory=list)
    # the rows holding one text alone, in the id or name column, by position: the text (a
    # section title where it names a sector, which the reader cannot tell: see read_chain)
    alone: dict[int, str] = field(default_factory=dict)
    # the labels of the columns read, in the file's order, and how the user maps a header to
    # the id (ReadOptions.map_hint: a batch has no --map): the no-id-column error gives both,
    # as the user sees the header and as the command can be told
    headers: list[str] = field(default_factory=list)
    id_hint: str = "--map 'Header=id'"

    def locations(self) -> list[Location]:
        """The location of each row."""
        return made_from_columns(
            Location,
            len(self.rows),
            file=repeat(self.path),
            sheet=repeat(self.sheet),
            row=self.rows,
            column=repeat(None),
            line=repeat(None),
        )

    def where(self, index: int, field_name: str) -> Location:
        """The location of one field of one row (its cell), as RawRecord.where gives it."""
        return Location(self.path, self.sheet, self.rows[index], self.columns.get(field_name))

    def records(self) -> list[RawRecord]:
        """The rows as RawRecords: fields and extras hold the non-blank cells only."""
        fields = list(self.values.items())
        extras = self.extras
        return [
            RawRecord(
                {name: value for name, column in fields if (value := column[index]) is not None},
                location,
                self.columns,
                {name: value for name, column in extras if (value := column[index]) is not None},
            )
            for index, location in enumerate(self.locations())
        ]


@dataclass(slots=True)
class RawChain:
    """Everything one file holds before normalisation.

    Table readers fill `table` and leave `records` empty (read_raw builds them from the table);
    normalisation reads the table when there is one.
    """

    path: str
    records: list[RawRecord]
    problems: ProblemList
    company: dict[str, Any] | None = None
    company_location: Location | None = None
    # where each of the company's fields was read (a Company sheet's cells), for its problems
    company_cells: dict[str, Location] = field(default_factory=dict)
    table: RawTable | None = None
    # written by `ddtool template` (a workbook with its hidden sheet of dropdown lists, a YAML
    # file that begins with its first line): the example's values left are told (see
    # ddtool.sources.reading)
    template: bool = False
    # written by a template of before the company's country and sector were left blank, which
    # filled in a sample company (a workbook whose hidden lists lack the mark of today's, a
    # YAML file that begins with the first line of then): the sample left is told (see
    # ddtool.sources.normalise.normalise_company); today's template has none to leave
    template_sample: bool = False
    # the file as it was when its reading began (size, modification time, inode, device):
    # a file changed before it was hashed is told by it (see read_chain)
    signature: tuple[int, ...] | None = None
    # a workbook's other sheets that have a supplier header too, not read (one sheet is read
    # per workbook): an unknown buyer found on one of them is told so (graph)
    unread_sheets: list[str] = field(default_factory=list)
    # a workbook's other tier sheets ("Tier 2", "Tier 3" beside the "Tier 1" read), read as
    # parts of the same chain, each as --sheet would read it (see read_chain)
    tier_sheets: list[str] = field(default_factory=list)
    # one of those other tier sheets (its file's signature and hash are its first part's)
    tier_part: bool = False


# how `ddtool template` marks what it writes (see RawChain.template): the workbook's hidden
# sheet of the Country and Sector dropdowns, the YAML file's first line
TEMPLATE_LISTS_SHEET = "Lists"
# the headers of the template's supplier table, in order (a CSV template is told by them: it
# has no other mark; ddtool.template writes them)
TEMPLATE_HEADERS = (
    "Supplier ID",
    "Supplier name",
    "Country",
    "Region",
    "Sector",
    "Products",
    "Buyer IDs",
    "Share",
    "Workers",
    "Female %",
    "Migrant %",
    "Certifications",
    "Audit standard",
    "Audit date",
    "Audit result",
    "Tier",
)
TEMPLATE_YAML_HEAD = (
    "# ddtool supplier chain. Fill in your company, and replace the example entries with your"
    " suppliers."
)
# what tells today's template from those that filled in a sample company, whose country and
# sector a user may have left (RawChain.template_sample): the mark atop the workbook's hidden
# lists, beside their headers (those templates had none), and the YAML file's first line
# (theirs was TEMPLATE_YAML_HEAD_SAMPLE). A CSV template has no company
TEMPLATE_LISTS_MARK = "Template of ddtool: the company's country and sector left blank"
TEMPLATE_YAML_HEAD_SAMPLE = (
    "# ddtool supplier chain. Replace the example entries with your suppliers."
)


class ChainReader(ABC):
    """Reads one file format into a RawChain; problems are collected, never raised."""

    suffixes: tuple[str, ...] = ()

    @abstractmethod
    def read(self, path: Path, options: ReadOptions) -> RawChain:
        """Read path; a file that cannot be opened at all gives a RawChain with an error."""


def file_signature(path: Path | str) -> tuple[int, ...] | None:
    """A file's size, modification time, inode and device, or None if it cannot be read:
    what changes when the file is written."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


def bom_encoding(raw: bytes) -> str | None:
    """UTF-32 or UTF-16, when the bytes start with its byte-order mark (UTF-32's first: the
    little-endian UTF-16 mark begins the same)."""
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def zeros_encoding(raw: bytes) -> str | None:
    """UTF-16 without its byte-order mark (some exports and editors leave it out), told by
    its zero bytes: every second byte nothing but zero, as Latin text's are in it (the other
    half: the letters)."""
    head = raw[:4096]
    if len(head) < 8:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    for zeros, letters, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.95 * len(zeros) and letters.count(0) <= 0.05 * len(letters):
            return encoding
    return None


def link_loop(path: Path) -> Path | None:
    """The first part of a path, from the top, that is a symbolic link in a loop, if any
    (told by the system's own error, whatever the Python version's pathlib does)."""
    for part in [*reversed(path.parents), path]:
        if part.is_symlink():
            try:
                os.stat(part)
            except OSError as e:
                if e.errno == errno.ELOOP:
                    return part
    return None


def distinct_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """The files given, each once (a file given again by the same name, by another path to
    it or through a link, is the same file: read twice, each of its suppliers would be an id
    used twice), and each repeat with the file it repeats."""
    seen: dict[tuple[int, int] | str, Path] = {}
    kept: list[Path] = []
    repeats: list[tuple[Path, Path]] = []
    for path in paths:
        try:
            info = os.stat(path)
            key: tuple[int, int] | str = (info.st_dev, info.st_ino)
        except (OSError, ValueError):  # (not there: the reader says so)
            key = os.path.realpath(path)
        first = seen.setdefault(key, path)
        if first is path:
            kept.append(path)
        else:
            repeats.append((path, first))
    return kept, repeats
