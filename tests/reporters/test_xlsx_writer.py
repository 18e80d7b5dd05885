"""The streaming xlsx writer: what it writes reads back the same in openpyxl and calamine."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import math
import threading
import time
import weakref
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from typer.testing import CliRunner

from ddtool.atomic import atomic_open
from ddtool.cli import app
from ddtool.reporters import xlsx
from ddtool.reporters.xlsx import SheetLimitError, XlsxBook, column_letter

FILLS = {"low": "C6EFCE", "critical": "FF7C80"}
SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"


def _book(rows: list[list[Any]], wrap: bool = True, **append: Any) -> bytes:
    buffer = io.BytesIO()
    with XlsxBook(buffer, FILLS) as book:
        sheet = book.sheet("Data", [("First", 10), ("Second", 20.5), ("Third", 30)], wrap=wrap)
        for row in rows:
            sheet.append(row, **append)
    return buffer.getvalue()


def _cells(data: bytes) -> list[Any]:
    ws = load_workbook(io.BytesIO(data))["Data"]
    return list(ws.iter_rows(min_row=2))


@pytest.mark.parametrize(
    ("value", "read", "data_type"),
    [
        ("text", "text", "s"),
        ("=1+1", "=1+1", "s"),  # never a formula
        ("@SUM(A1)", "@SUM(A1)", "s"),
        ("a & b < c > d \" ' ", "a & b < c > d \" ' ", "s"),
        ("  padded\n", "  padded\n", "s"),
        ("line one\nline two", "line one\nline two", "s"),
        ("carriage\r\nreturn\r", "carriage\r\nreturn\r", "s"),
        ("_x0041_ stays as written", "_x0041_ stays as written", "s"),
        ("bell\x07 and nul\x00 dropped", "bell and nul dropped", "s"),
        ("Côte d’Ivoire 🌱", "Côte d’Ivoire 🌱", "s"),
        (42, 42, "n"),
        (-7, -7, "n"),
        (0.1, 0.1, "n"),
        (1e-05, 1e-05, "n"),
        (2.5e16, 2.5e16, "n"),
        (True, True, "b"),
        (False, False, "b"),
        (None, None, "n"),
        ("", None, "n"),
        (math.nan, "nan", "s"),
        (math.inf, "inf", "s"),
        # dates are date cells (openpyxl reads a date cell as a datetime)
        (dt.date(2024, 5, 1), dt.datetime(2024, 5, 1), "d"),
        (dt.datetime(2024, 5, 1, 13, 30, 15), dt.datetime(2024, 5, 1, 13, 30, 15), "d"),
        (dt.date(1900, 3, 1), dt.datetime(1900, 3, 1), "d"),
    ],
)
def test_values_read_back_as_written(value: Any, read: Any, data_type: str) -> None:
    (row,) = _cells(_book([["before", value, 1]]))
    assert row[0].value == "before" and row[2].value == 1
    assert row[1].value == read and row[1].data_type == data_type
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(_book([["before", value, 1]])))
    # (calamine reads a date cell in the date format as a date, one with a time as a datetime)
    expected = value if isinstance(value, dt.date) else ("" if read is None else read)
    assert calamine.get_sheet_by_name("Data").to_python()[1][1] == expected


def test_header_columns_frozen_pane_and_filter() -> None:
    data = _book([["a", 1, None], ["b", 2, "c"]])
    ws = load_workbook(io.BytesIO(data))["Data"]
    header = next(ws.iter_rows(max_row=1))
    assert [c.value for c in header] == ["First", "Second", "Third"]
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("305496") for c in header)
    assert all(c.font.color.rgb.endswith("FFFFFF") for c in header)
    assert [ws.column_dimensions[k].width for k in "ABC"] == [10, 20.5, 30]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:C3"


@pytest.mark.parametrize(
    ("wrap", "fill", "text", "fill_rgb", "wrapped"),
    [
        (True, None, "x" * 40, "00000000", False),
        (True, None, "x" * 41, "00000000", True),
        (False, None, "x" * 41, "00000000", False),
        (True, "critical", "short", "FFFF7C80", False),
        (True, "critical", "x" * 80, "FFFF7C80", True),
        (False, "low", "x" * 80, "FFC6EFCE", False),
        (True, "unknown level", "short", "00000000", False),
    ],
)
def test_fill_and_wrap(
    wrap: bool, fill: str | None, text: str, fill_rgb: str, wrapped: bool
) -> None:
    (row,) = _cells(_book([[text, "other", 3]], wrap=wrap, fill=fill, fill_column=0))
    assert row[0].fill.fgColor.rgb == fill_rgb
    assert bool(row[0].alignment.wrap_text) is wrapped
    assert row[1].fill.fgColor.rgb == "00000000"  # only the fill column is coloured
    assert row[2].alignment.wrap_text is None  # numbers never wrap


def test_list_validation_and_several_sheets() -> None:
    buffer = io.BytesIO()
    with XlsxBook(buffer) as book:
        first = book.sheet("First sheet", [("Status", 12)])
        first.append(["open"])
        first.validate_list(0, ("open", "closed"), extra_rows=10, error_title="T", error='a "b"')
        second = book.sheet("It's second", [("N", 5)])
        for n in range(5):
            second.append([n])
    wb = load_workbook(buffer)
    assert wb.sheetnames == ["First sheet", "It's second"]
    (validation,) = wb["First sheet"].data_validations.dataValidation
    assert str(validation.sqref) == "A2:A12"
    assert validation.formula1 == '"open,closed"'
    assert validation.error == 'a "b"' and validation.errorTitle == "T"
    assert [c.value for c in wb["It's second"]["A"]] == ["N", 0, 1, 2, 3, 4]
    assert wb["It's second"].auto_filter.ref == "A1:A6"


@pytest.mark.parametrize(
    "text",
    [
        "text",
        "=1+1",
        "a & b < c > d \" ' ",
        "  padded\n",
        "carriage\r\nreturn\r",
        "_x0041_ stays as written",
        "ax005F_b",
        "Côte d’Ivoire 🌱",
        "evidence " * 500,
        "",
    ],
)
@pytest.mark.parametrize("wrap", [True, False])
def test_inline_text_reads_back_as_shared_text_does(text: str, wrap: bool) -> None:
    """Text marked Inline is written in its cell (not in the shared strings) and reads back
    as the same text written plainly does, in openpyxl and calamine; text that reads as
    Excel's escape (_x0041_) is shared all the same (openpyxl reads no escape in a cell)."""
    inline, shared = (
        _book([["before", value, 1]], wrap=wrap) for value in (xlsx.Inline(text), text)
    )
    with zipfile.ZipFile(io.BytesIO(inline)) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
        cells = archive.read("xl/worksheets/sheet1.xml").decode()
    in_cell = text and "_x" not in text and "x005" not in text.casefold()
    shared_too = text and not in_cell
    assert strings.count("<si>") == (5 if shared_too else 4)  # three headers, "before"[, text]
    assert cells.count('t="inlineStr"') == bool(in_cell)
    if wrap and len(text) >= xlsx.WRAP_FROM:  # long text wraps, in its cell or shared
        assert cells.count('s="2"') == 1
    (row,) = _cells(inline)
    (plain,) = _cells(shared)
    assert [c.value for c in row] == [c.value for c in plain]
    if "x005" not in text:  # (openpyxl drops "x005F_" from any shared text: a quirk of its own)
        assert [c.value for c in row] == ["before", text or None, 1]
    read = [
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("Data").to_python()
        for data in (inline, shared)
    ]
    assert read[0] == read[1]


def test_same_rows_give_the_same_bytes() -> None:
    rows = [["a", 1.5, None], ["b", True, "c" * 50]]
    assert _book(rows) == _book(rows)
    with zipfile.ZipFile(io.BytesIO(_book(rows))) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_repeated_text_is_stored_once() -> None:
    data = _book([["same text", "same text", "other"]] * 100)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
    assert strings.count("<si>") == 5  # three headers and two texts


@pytest.mark.parametrize(
    ("index", "letters"),
    [(1, "A"), (26, "Z"), (27, "AA"), (702, "ZZ"), (703, "AAA"), (16384, "XFD")],
)
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_too_many_rows_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    with pytest.raises(SheetLimitError, match="more than 2 rows"):
        _book([["a", 1, 2], ["b", 1, 2], ["c", 1, 2]])


def test_register_too_large_for_a_sheet_exits_2_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    out = tmp_path / "register.xlsx"
    result = CliRunner().invoke(app, ["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(out)])
    assert result.exit_code == 2
    assert "rows below its header" in result.output and "JSON or CSV" in result.output
    assert list(tmp_path.iterdir()) == []  # no file, no temporary left behind


def test_an_error_midway_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    with pytest.raises(RuntimeError), atomic_open(out) as handle, XlsxBook(handle) as book:
        book.sheet("Data", [("A", 5)]).append(["row"])
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.integers(min_value=-(2**53), max_value=2**53),
            st.floats(allow_nan=False, allow_infinity=False),
            st.none(),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_row_reads_back(row: list[Any]) -> None:
    """Text (less the characters XML cannot hold), numbers and blanks round-trip."""
    buffer = io.BytesIO()
    with XlsxBook(buffer) as book:
        book.sheet("Data", [(f"c{i}", 8) for i in range(len(row))]).append(row)
    ws = load_workbook(buffer)["Data"]
    read = [ws.cell(row=2, column=i + 1).value for i in range(len(row))]
    # an empty text is no cell; one made only of such characters is an empty text
    expected = [
        None if v == "" else xlsx._ILLEGAL.sub("", v) if isinstance(v, str) else v for v in row
    ]
    assert read == expected


@pytest.mark.parametrize("title", ["", "x" * 32, "a/b", "a:b", "[a]", "a*", "a?", "a\\b"])
def test_sheet_names_excel_refuses_are_refused(title: str) -> None:
    with XlsxBook(io.BytesIO()) as book, pytest.raises(ValueError, match="sheet name"):
        book.sheet(title, [("A", 5)])


def test_a_sheet_needs_a_column() -> None:
    with XlsxBook(io.BytesIO()) as book, pytest.raises(SheetLimitError):
        book.sheet("Empty", [])


class _FullDisk(io.BytesIO):
    """A file that fails once more than `room` bytes are written."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, data: Any) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(28, "No space left on device")
        return super().write(data)


@pytest.mark.parametrize("thread_from", [0, 10_000, xlsx.THREAD_FROM])
@pytest.mark.parametrize("room", [100, 5_000, 60_000])
def test_a_failed_write_is_raised(
    room: int, thread_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """However far the file gets, and whichever thread compresses, the error reaches the
    caller (never a file that looks finished), and nothing more is reported later."""
    monkeypatch.setattr(xlsx, "THREAD_FROM", thread_from)
    rows = [[hashlib.sha256(b"%d" % i).hexdigest(), i, i / 7] for i in range(3000)]
    with pytest.raises(OSError, match="No space left"), XlsxBook(_FullDisk(room)) as book:
        sheet = book.sheet("Data", [("A", 5), ("B", 5), ("C", 5)])
        for row in rows:
            sheet.append(row)
    gc.collect()  # an abandoned zip reports nothing when collected


def test_large_entries_are_compressed_in_a_second_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same bytes whether a thread compresses or not."""
    rows = [[hashlib.sha256(b"%d" % i).hexdigest(), i, i / 7] for i in range(3000)]
    made, default = [], xlsx.THREAD_FROM
    for thread_from in (0, 50_000, default):
        monkeypatch.setattr(xlsx, "THREAD_FROM", thread_from)
        started = threading.active_count()
        buffer = io.BytesIO()
        with XlsxBook(buffer) as book:
            sheet = book.sheet("Data", [("A", 5), ("B", 5), ("C", 5)])
            for row in rows:
                sheet.append(row)
            assert (threading.active_count() > started) == (thread_from < default)
        assert threading.active_count() == started
        made.append(buffer.getvalue())
    assert made[0] == made[1] == made[2]


@pytest.mark.parametrize("thread_from", [0, xlsx.THREAD_FROM])
def test_a_written_book_is_freed_by_reference_counting(
    thread_from: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No reference cycle: a batch freezes the collector after each member, and a cycle
    (with the shared strings of a whole register) would stay in memory for good."""
    monkeypatch.setattr(xlsx, "THREAD_FROM", thread_from)
    enabled = gc.isenabled()
    gc.disable()  # only reference counting may free it
    try:
        with XlsxBook(io.BytesIO(), FILLS) as book:
            for title in ("One", "Two"):
                sheet = book.sheet(title, [("A", 5), ("B", 5)])
                sheet.append(["text", 1], fill="low", fill_column=0)
                sheet.validate_list(0, ("a", "b"), extra_rows=3)
        gone, strings = weakref.ref(book), weakref.ref(sheet)
        del book, sheet
        assert gone() is None and strings() is None
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize(
    "choices", [("a,b", "c"), ('say "yes"', "no"), tuple(f"choice {i}" for i in range(40))]
)
def test_lists_excel_cannot_hold_are_refused(choices: tuple[str, ...]) -> None:
    with XlsxBook(io.BytesIO()) as book:
        sheet = book.sheet("Data", [("A", 5)])
        with pytest.raises(ValueError, match="not a list Excel accepts"):
            sheet.validate_list(0, choices, extra_rows=1)


def test_a_validation_stops_at_the_last_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx, "MAX_ROWS", 10)
    buffer = io.BytesIO()
    with XlsxBook(buffer) as book:
        sheet = book.sheet("Data", [("A", 5)])
        for i in range(5):
            sheet.append([i])
        sheet.validate_list(0, ("open", "closed"), extra_rows=500)
    (validation,) = load_workbook(buffer)["Data"].data_validations.dataValidation
    assert str(validation.sqref) == "A2:A10"


def test_tabs_and_newlines_in_messages_survive() -> None:
    buffer = io.BytesIO()
    with XlsxBook(buffer) as book:
        sheet = book.sheet("Data", [("A", 5)])
        sheet.validate_list(0, ("a", "b"), 1, error_title="T\tU", error="one\ttwo\nthree")
    (validation,) = load_workbook(buffer)["Data"].data_validations.dataValidation
    assert validation.error == "one\ttwo\nthree" and validation.errorTitle == "T\tU"


def test_sheet_names_differing_only_in_case_are_refused() -> None:
    with XlsxBook(io.BytesIO()) as book:
        book.sheet("Flags", [("A", 5)])
        with pytest.raises(ValueError, match="already named"):
            book.sheet("FLAGS", [("A", 5)])


def test_a_failure_closing_the_book_leaves_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last sheet is finished when the book closes: if that fails (the compressing
    thread found the disk full after the last row), its thread is stopped all the same."""
    monkeypatch.setattr(xlsx, "THREAD_FROM", 0)
    started = threading.active_count()
    disk = _FullDisk(10**9)
    with pytest.raises(OSError, match="No space left"), XlsxBook(disk) as book:
        sheet = book.sheet("Data", [("A", 5), ("B", 5)])
        disk.room = disk.tell()  # the disk is full from here
        for i in range(2000):  # one chunk: handed to the thread, which fails on it
            sheet.append([f"row {i}", i])
        for _ in range(100):  # until the thread has met the full disk
            if sheet._out._error is not None:
                break
            time.sleep(0.01)
    assert threading.active_count() == started


@pytest.mark.parametrize(
    "text",
    ["a" * 40_000, "🌱" * 20_000, xlsx.Inline("b" * 33_000), "id-000001, " * 4_000],
)
@pytest.mark.parametrize("wrap", [True, False])  # (the styled rows, and the fast path)
def test_a_text_longer_than_a_cell_holds_is_cut_and_says_so(text: str, wrap: bool) -> None:
    """A shared supplier's buyers made a 36,000-character cell, which Excel must repair."""
    (row,) = _cells(_book([["before", text, 1]], wrap=wrap))
    cell = str(row[1].value)
    assert len(cell.encode("utf-16-le")) // 2 <= 32_767
    assert len(cell.encode("utf-16-le")) // 2 > 32_500  # (cut where it must, no sooner)
    assert cell.endswith("more characters; the JSON has them all)")
    assert text.startswith(cell.split(" … (cut here: ")[0])
    assert row[2].value == 1


def test_a_text_a_cell_holds_is_written_whole() -> None:
    text = "x" * 32_767
    (row,) = _cells(_book([["before", text, 1]]))
    assert row[1].value == text


@pytest.mark.parametrize("wrap", [True, False])  # (the styled rows, and the fast path)
def test_text_that_starts_as_a_formula_keeps_a_quote_prefix(wrap: bool) -> None:
    """Stored as text it is safe on opening; edited (F2, Enter) it became a live formula."""
    values = ['=HYPERLINK("http://x","y")', "+cmd", "-dash", "@SUM(1)", "plain", "a=b"]
    rows = [_cells(_book([["before", value, 1]], wrap=wrap))[0] for value in values]
    assert [(r[1].value, r[1].data_type) for r in rows] == [(v, "s") for v in values]
    assert [r[1].quotePrefix for r in rows] == [True, True, True, True, False, False]
