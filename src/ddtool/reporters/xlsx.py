"""A streaming writer for the xlsx outputs (risk register, batch summary, diff).

Rows go straight into each sheet's XML inside the zip as they are appended, and every
string into one shared-strings table (registers repeat their texts: evidence, measures,
countries), but for text marked Inline, which no other cell repeats: it is written in its
cell, and not held until the book is closed. It knows only what the registers use: text,
numbers, booleans and dates; a styled, frozen, filtered header row; column widths; wrapped text; a
fill per risk level; fractions shown as percentages; list validations. Every string is stored as
text, so no cell can ever hold a formula.

The same cells written by openpyxl took about ten times as long (its per-cell objects and
XML serialiser). LibreOffice, openpyxl and calamine read the result as they read openpyxl's
file of the same cells. Zip entries carry a fixed date, so the same rows give the same bytes
(with the same Python and zlib).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import queue
import re
import threading
import zipfile
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import IO, Any

from ddtool.errors import DdtoolError

MAX_ROWS = 1_048_576  # an Excel sheet's limit, the header row included
MAX_COLUMNS = 16_384
WRAP_FROM = 41  # text this long (or longer) wraps, where the sheet wraps text
THREAD_FROM = 4 << 20  # bytes of an entry's XML after which a second thread compresses

HEADER_FILL = "305496"
HEADER_FONT_COLOUR = "FFFFFF"

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # zip entries: the same rows give the same bytes

# characters XML 1.0 cannot hold (a spreadsheet program would refuse the file): dropped
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN = re.compile("[^&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff_]*")
_EXCEL_ESCAPE = re.compile("(_x[0-9A-Fa-f]{4}_)")


class Inline(str):
    """Text written in its cell, not in the shared-strings table: for long text that no
    other cell repeats (the book would hold every shared string until it is closed)."""

    __slots__ = ()


_TEXT = (str, Inline)  # (the kinds of text a cell takes, looked up by type: fast)
# what a formula starts with, in a spreadsheet program: text starting so gets a quote prefix
_FORMULA_START = frozenset("=+-@")


class SheetLimitError(DdtoolError):
    """More rows or columns than an Excel sheet holds."""


def column_letter(index: int) -> str:
    """The letters of a 1-based column index: 1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    """Text for element content: illegal characters dropped, markup escaped (a carriage
    return as a reference: an XML parser reads a literal one as a newline), and text that
    reads as Excel's own escape (_x0041_) kept as written."""
    if _PLAIN.fullmatch(value):  # most text: nothing to change
        return value
    if _ILLEGAL.search(value):
        value = _ILLEGAL.sub("", value)
    if "_x" in value:
        value = _EXCEL_ESCAPE.sub(r"_x005F\1", value)
    # str.replace scans in C; str.translate looks each character up (10 times slower here)
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


# the most characters a cell holds (counted as UTF-16 units: an emoji is two), and the length
# above which a text is counted so (a longer one makes a workbook Excel must repair)
MAX_CELL = 32_767
_LONG = MAX_CELL // 2


def _capped(value: str) -> str:
    """A text cut to what a cell holds, saying how much is left out (a shared supplier's
    buyers: the JSON has them all); a text that fits, as it is. Of its own kind (Inline)."""
    # (a character beyond the first plane is two UTF-16 units; a lone surrogate one)
    wide = [i for i, c in enumerate(value) if ord(c) > 0xFFFF]
    if len(value) + len(wide) <= MAX_CELL:
        return value
    budget, end = MAX_CELL - 120, MAX_CELL - 120  # (room for the note below)
    for count, i in enumerate(wide, 1):  # each wide character before the end takes a unit
        if i >= end:
            break
        end = budget - count
    note = f" … (cut here: {len(value) - end:,} more characters; the JSON has them all)"
    return type(value)(value[:end] + note)


def _attr(value: str) -> str:
    """Text for an attribute value: as _text, and quotes, tabs and line ends as references
    (an XML parser reads a literal tab or newline in an attribute as a space)."""
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


class _Entry:
    """A zip entry. Past its first few megabytes it is written from a second thread: zlib
    compresses (and the file is written) without holding the interpreter lock, so
    compression runs on another core while this thread makes the next rows. Small entries
    (most registers) are written here: a thread would cost more than it saves. Chunks queue
    up to a few megabytes; an error in the thread is raised here, at the next write or at
    close."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self.name = name
        self._handle: IO[bytes] = archive.open(_entry(name), "w")
        self._written = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not None:
            if self._error is None:  # after an error, only drain what is queued
                try:
                    self._handle.write(chunk)
                except BaseException as error:  # raised in the writing thread
                    self._error = error

    def write(self, text: str) -> None:
        data = text.encode()
        if self._thread is None:
            self._handle.write(data)
            self._written += len(data)
            if self._written >= THREAD_FROM:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            return
        if self._error is not None:
            raise self._error
        self._queue.put(data)

    def close(self, abandon: bool = False) -> None:
        """Wait for what is queued; close the entry (unless the file is being abandoned)."""
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()
            if self._error is not None and not abandon:
                raise self._error
        self._handle.close()


_EPOCH = dt.datetime(1899, 12, 30)  # day 0 of a spreadsheet's day count (1900 date system)


def date_styles(fills: int) -> tuple[int, int]:
    """The styles of a date cell and of a date-and-time cell, after the `fills` named fills'
    styles and their quote-prefixed twins (see _Styles)."""
    after = 2 * (3 + 2 * fills)
    return after, after + 1


def percent_styles(fills: int) -> tuple[int, int]:
    """The styles of a fraction shown as a whole percentage (0.55: 55%) and as one with two
    decimals (0.125: 12.50%), after the date styles (see date_styles)."""
    after = date_styles(fills)[1] + 1
    return after, after + 1


def _percent_style(value: Any, styles: tuple[int, int]) -> int:
    """The percent style of a number (0 for anything else): whole where the percentage is
    whole, else with two decimals; the cell keeps the number as it is."""
    if type(value) not in (int, float) or not math.isfinite(value):
        return 0
    percent = value * 100
    return styles[0] if abs(percent - round(percent)) < 1e-9 else styles[1]


def _day_count(value: dt.date) -> str:
    """A date (a date and time: UTC, without its zone) as a spreadsheet counts days."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        return repr((value - _EPOCH) / dt.timedelta(days=1))
    return str((value - _EPOCH.date()).days)


class _Styles:
    """The fixed cell formats: 0 plain, 1 header, 2 wrapped, then per named fill colour
    one plain and one wrapped (in the order the fills were given); then each of these again
    with a quote prefix (`quoted` on from the first); then a date and a date with its time,
    written as ISO 8601 reads them (2026-11-27, 2026-11-27 12:02:46), not as the reader's
    locale would; then a fraction as a whole percentage (0%) and as one with two decimals
    (0.00%), Excel's built-in formats 9 and 10."""

    def __init__(self, fills: Mapping[str, str]) -> None:
        self.fills = list(fills.values())
        self.fill_style = {name: 3 + 2 * i for i, name in enumerate(fills)}
        self.quoted = 3 + 2 * len(self.fills)  # (added to a style: its quote-prefixed twin)

    def xml(self) -> str:
        fills = [
            '<fill><patternFill patternType="none"/></fill>',
            '<fill><patternFill patternType="gray125"/></fill>',
        ]
        fills += [
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{colour}"/>'
            f'<bgColor indexed="64"/></patternFill></fill>'
            for colour in (HEADER_FILL, *self.fills)
        ]
        wrap = '<alignment vertical="top" wrapText="1"/>'
        xfs = [
            '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
            '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0"'
            ' applyFont="1" applyFill="1"/>',
            f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"'
            f' applyAlignment="1">{wrap}</xf>',
        ]
        for i in range(len(self.fills)):
            fill = f'fontId="0" fillId="{3 + i}" borderId="0" xfId="0" applyFill="1"'
            xfs.append(f'<xf numFmtId="0" {fill}/>')
            xfs.append(f'<xf numFmtId="0" {fill} applyAlignment="1">{wrap}</xf>')
        # each again with a quote prefix, for text that starts as a formula does: a cell the
        # user edits (F2, Enter) stays text, and never becomes a live formula
        xfs += [xf.replace("<xf ", '<xf quotePrefix="1" ', 1) for xf in xfs]
        xfs += [
            f'<xf numFmtId="{number}" fontId="0" fillId="0" borderId="0" xfId="0"'
            ' applyNumberFormat="1"/>'
            for number in (164, 165, 9, 10)
        ]
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{_MAIN}">'
            '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
            '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm:ss"/></numFmts>'
            '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            f'<font><b/><sz val="11"/><color rgb="FF{HEADER_FONT_COLOUR}"/><name val="Calibri"/>'
            '<family val="2"/></font></fonts>'
            f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
            "</borders>"
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            "</cellStyleXfs>"
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


class Sheet:
    """One sheet being written: the header row is written when it is made; `append` writes
    a row at once; `close` (called by the book) adds the filter and validations.

    It holds the book's strings and styles, not the book (which holds the sheets): a
    reference cycle would outlive a run that freezes the collector (see assess)."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        strings: dict[str, str],
        fill_style: Mapping[str, int],
        index: int,
        title: str,
        columns: Sequence[tuple[str, float]],
        wrap: bool,
        percent: Sequence[int] = (),
    ) -> None:
        if not 0 < len(title) <= 31 or any(c in title for c in "[]:*?/\\"):
            raise ValueError(f"not a sheet name Excel accepts: {title!r}")
        if not 0 < len(columns) <= MAX_COLUMNS:
            raise SheetLimitError(f"sheet {title!r}: {len(columns)} columns (1 to 16,384)")
        self.strings, self.fill_style = strings, fill_style
        self._quoted = 3 + 2 * len(fill_style)  # (see _Styles: a style's quote-prefixed twin)
        self._dates = date_styles(len(fill_style))
        # the columns of fractions shown as percentages (0-based), and their two styles
        self._percent = tuple(percent)
        self._percent_styles = percent_styles(len(fill_style))
        self.index, self.title = index, title
        self.wrap = wrap  # long text wraps (off for large registers: Excel opens them faster)
        self.width = len(columns)
        self.rows = 0
        self._letters = [column_letter(i) for i in range(1, len(columns) + 1)]
        self._validations: list[tuple[str, str, Mapping[str, str]]] = []
        self._chunk: list[str] = []
        self._out = _Entry(archive, f"xl/worksheets/sheet{index}.xml")
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
            for i, (_, width) in enumerate(columns, 1)
        )
        self._out.write(
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
            "</sheetView></sheetViews>"
            '<sheetFormatPr defaultRowHeight="15"/>'
            f"<cols>{cols}</cols><sheetData>"
        )
        self.append([name for name, _ in columns], style=1)

    def append(
        self,
        values: Sequence[Any],
        fill: str | None = None,
        fill_column: int = -1,
        style: int = 0,
        fills: Mapping[int, str | None] | None = None,
    ) -> None:
        """Write one row, a value per column. `fill` (the name of one of the book's fills;
        others are ignored) colours the cell at `fill_column`, and `fills` more cells (column:
        fill name, as `fill`); `style` applies to every cell (the header's)."""
        if self.rows >= MAX_ROWS:
            raise SheetLimitError(
                f"sheet {self.title!r} would have more than {MAX_ROWS - 1:,} rows below its"
                " header, more than an Excel sheet holds; write the JSON or CSV instead"
            )
        self.rows += 1
        row = str(self.rows)
        # the style of each filled cell, by column
        fill_style = self.fill_style.get(fill, 0) if fill is not None else 0
        filled = {fill_column: fill_style} if fill_style and 0 <= fill_column < self.width else {}
        for column, name in (fills or {}).items():
            named = self.fill_style.get(name, 0) if name is not None else 0
            if named and 0 <= column < self.width:
                filled[column] = named
        for column in self._percent:  # (a fraction: 0.55 shows as 55%, the cell holds 0.55)
            if style_of := _percent_style(values[column], self._percent_styles):
                filled[column] = style_of
        cell = self._cell
        if style or self.wrap:
            cells = []
            for index, (letter, value) in enumerate(zip(self._letters, values, strict=True)):
                s = style or filled.get(index, 0)
                if not style and self.wrap and type(value) in _TEXT and len(value) >= WRAP_FROM:
                    s = s + 1 if s else 2  # the wrapped twin of the style
                cells.append(cell(letter + row, value, s))
        else:  # the rows of large sheets: unstyled text and numbers written here, at once
            strings = self.strings
            cells = []
            for letter, value in zip(self._letters, values, strict=True):
                kind = type(value)  # (a blank cell is "": the cells stay in column order)
                if kind is str and value and value[0] not in _FORMULA_START and len(value) <= _LONG:
                    at = strings.get(value)
                    if at is None:
                        at = strings[value] = str(len(strings))
                    cells.append(f'<c r="{letter}{row}" t="s"><v>{at}</v></c>')
                elif kind is int or (kind is float and math.isfinite(value)):
                    cells.append(f'<c r="{letter}{row}"><v>{value!r}</v></c>')
                elif value is None or (kind is str and not value):
                    cells.append("")
                else:
                    cells.append(cell(letter + row, value, 0))
            for column, fill_style in filled.items():
                cells[column] = cell(self._letters[column] + row, values[column], fill_style)
        self._chunk.append(f'<row r="{row}">{"".join(cells)}</row>')
        if len(self._chunk) >= 2000:
            self._flush()

    def _cell(self, ref: str, value: Any, s: int) -> str:
        """One cell's XML (empty for a blank cell without a style)."""
        kind = type(value)
        if kind in _TEXT and value[:1] in _FORMULA_START:
            s += self._quoted  # (text as a formula starts: it stays text when edited)
        attrs = f' s="{s}"' if s else ""
        if value is None or (kind in _TEXT and not value):
            return f'<c r="{ref}"{attrs}/>' if s else ""
        if kind is bool:
            return f'<c r="{ref}"{attrs} t="b"><v>{int(value)}</v></c>'
        if kind is dt.date or kind is dt.datetime:  # (its own format: a fill is not kept)
            style = self._dates[kind is dt.datetime]
            return f'<c r="{ref}" s="{style}"><v>{_day_count(value)}</v></c>'
        if kind is int or (kind is float and math.isfinite(value)):
            return f'<c r="{ref}"{attrs}><v>{value!r}</v></c>'
        # (text that reads as Excel's own escape, or as a part of one, is shared: not every
        # reader takes the escape back in a cell's own text as in a shared one)
        if kind in _TEXT and len(value) > _LONG:
            value = _capped(value)
        if kind is Inline and "_x" not in value and "x005" not in value.casefold():
            space = ' xml:space="preserve"' if value != value.strip() else ""
            return f'<c r="{ref}"{attrs} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
        text = value if kind is str else str(value)  # anything else (a date, NaN) as text
        strings = self.strings
        at = strings.get(text)
        if at is None:
            at = strings[text] = str(len(strings))
        return f'<c r="{ref}"{attrs} t="s"><v>{at}</v></c>'

    def validate_list(
        self, column: int, choices: Sequence[str], extra_rows: int, **messages: str
    ) -> None:
        """A drop-down list on a column (0-based), from row 2 to `extra_rows` past the last
        row written; messages: error_title, error (shown on a wrong entry)."""
        listed = ",".join(choices)
        if any(c in choice for choice in choices for c in ',"') or len(listed) > 255:
            raise ValueError(f"not a list Excel accepts in a validation: {listed!r}")
        letter = column_letter(column + 1)
        last = min(max(self.rows, 2) + extra_rows, MAX_ROWS)
        self._validations.append((f"{letter}2:{letter}{last}", listed, messages))

    def _flush(self) -> None:
        self._out.write("".join(self._chunk))
        self._chunk.clear()

    @property
    def filter_range(self) -> str:
        """The header and the rows written (at least one row), as the filter takes them."""
        return f"A1:{self._letters[-1]}{max(self.rows, 2)}"

    def abandon(self) -> None:
        """Close the sheet's entry as it is (the file is being abandoned)."""
        self._out.close(abandon=True)

    def close(self) -> None:
        self._flush()
        tail = [f'</sheetData><autoFilter ref="{self.filter_range}"/>']
        if self._validations:
            tail.append(f'<dataValidations count="{len(self._validations)}">')
            for ref, choices, messages in self._validations:
                error = ""
                if "error" in messages:
                    title = _attr(messages.get("error_title", ""))
                    error = f' showErrorMessage="1" errorTitle="{title}"'
                    error += f' error="{_attr(messages["error"])}"'
                tail.append(
                    f'<dataValidation type="list" allowBlank="1"{error} sqref="{ref}">'
                    f"<formula1>{_text(chr(34) + choices + chr(34))}</formula1></dataValidation>"
                )
            tail.append("</dataValidations>")
        tail.append(
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5"'
            ' footer="0.5"/></worksheet>'
        )
        self._out.write("".join(tail))
        self._out.close()


class _Zip(zipfile.ZipFile):
    """A zip that, abandoned after a failed write (a full disk), stays quiet when collected:
    the error was raised where it happened, and the file is removed (see atomic_open)."""

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            super().__del__()


class XlsxBook:
    """An xlsx file written as it goes into an open binary handle (see atomic_open): make
    sheets one after another with `sheet`, then `close` (or use it as a context manager;
    on an error nothing more is written)."""

    def __init__(
        self, handle: IO[bytes], fills: Mapping[str, str] | None = None, creator: str = "ddtool"
    ) -> None:
        # zlib's default level: level 1 measured 8-13 % faster on the 10^5 register (the
        # compression runs beside the rows) for a file 28 % larger
        self.zip = _Zip(handle, "w", compression=zipfile.ZIP_DEFLATED)
        self.styles = _Styles(fills or {})
        self.creator = creator
        # each distinct text and its index in the shared strings (as written in a cell)
        self.string_index: dict[str, str] = {}
        self.sheets: list[Sheet] = []

    def sheet(
        self,
        title: str,
        columns: Sequence[tuple[str, float]],
        wrap: bool = True,
        percent: Sequence[int] = (),
    ) -> Sheet:
        """A new sheet (the one before it is finished), with its header row written; the
        numbers of the `percent` columns (0-based) are fractions, shown as percentages."""
        if title.casefold() in (s.title.casefold() for s in self.sheets):
            raise ValueError(f"a sheet is already named {title!r} (Excel ignores case)")
        if self.sheets:
            self.sheets[-1].close()
        made = Sheet(
            self.zip,
            self.string_index,
            self.styles.fill_style,
            len(self.sheets) + 1,
            title,
            columns,
            wrap,
            percent,
        )
        self.sheets.append(made)
        return made

    def _write(self, name: str, text: str) -> None:
        self.zip.writestr(_entry(name), text.encode())

    def close(self) -> None:
        if self.sheets:
            self.sheets[-1].close()
        self._shared_strings()
        count = len(self.sheets)
        self._write("xl/styles.xml", self.styles.xml())
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{_text(_quoted(s.title))}!{_absolute(s.filter_range)}</definedName>"
            for i, s in enumerate(self.sheets)
        )
        sheets = "".join(
            f'<sheet name="{_attr(s.title)}" sheetId="{s.index}" r:id="rId{s.index}"/>'
            for s in self.sheets
        )
        self._write(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f"<sheets>{sheets}</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>',
        )
        rels = [
            f'<Relationship Id="rId{s.index}" Type="{_DOC_TYPE}/worksheet"'
            f' Target="worksheets/sheet{s.index}.xml"/>'
            for s in self.sheets
        ]
        rels.append(
            f'<Relationship Id="rId{count + 1}" Type="{_DOC_TYPE}/styles" Target="styles.xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{count + 2}" Type="{_DOC_TYPE}/sharedStrings"'
            ' Target="sharedStrings.xml"/>'
        )
        self._write("xl/_rels/workbook.xml.rels", _relationships(rels))
        self._write(
            "docProps/core.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            "<cp:coreProperties"
            ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{_text(self.creator)}</dc:creator></cp:coreProperties>",
        )
        self._write(
            "_rels/.rels",
            _relationships(
                [
                    f'<Relationship Id="rId1" Type="{_DOC_TYPE}/officeDocument"'
                    ' Target="xl/workbook.xml"/>',
                    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/'
                    '2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
                ]
            ),
        )
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{s.index}.xml"'
            f' ContentType="{_CT}.worksheet+xml"/>'
            for s in self.sheets
        )
        self._write(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels"'
            ' ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
            '<Override PartName="/docProps/core.xml"'
            ' ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            f"{overrides}</Types>",
        )
        self.zip.close()

    def _shared_strings(self) -> None:
        strings = self.string_index
        out = _Entry(self.zip, "xl/sharedStrings.xml")
        try:
            out.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="{_MAIN}" uniqueCount="{len(strings)}">'
            )
            chunk: list[str] = []
            for text in strings:  # in the order of their indices (dicts keep it)
                escaped = _text(text)
                if text != text.strip():  # leading or trailing spaces, tabs or newlines
                    chunk.append(f'<si><t xml:space="preserve">{escaped}</t></si>')
                else:
                    chunk.append(f"<si><t>{escaped}</t></si>")
                if len(chunk) >= 5000:
                    out.write("".join(chunk))
                    chunk.clear()
            chunk.append("</sst>")
            out.write("".join(chunk))
        except BaseException:
            out.close(abandon=True)
            raise
        out.close()

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            try:
                self.close()
            except BaseException:
                self._abandon()
                raise
            return
        self._abandon()

    def _abandon(self) -> None:
        """After an error the file is abandoned (atomic_open removes it): the last sheet's
        entry and its thread are stopped, and the zip is closed only so that nothing is left
        open, whatever that writes."""
        with contextlib.suppress(Exception):
            if self.sheets:
                self.sheets[-1].abandon()
            self.zip.close()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    return info


def _absolute(cells: str) -> str:
    """A1:T9 as $A$1:$T$9."""
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", cells)


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _relationships(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG_REL}">{"".join(items)}</Relationships>'
    )
