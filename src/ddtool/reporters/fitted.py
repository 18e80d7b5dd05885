"""Terminal tables that cut no word and no id: each column gets at least its longest word (an
id is one word: `inferred:artisanal-mining:gold@BOL` stays on one line, to be copied into
`ddtool explain`), the rest of the width goes where the text is longest, and prose wraps
between words. Where the terminal is too narrow for that, each row is drawn as a record, one
"column  value" line per column, rather than cutting words mid-way."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Column, Table
from rich.text import Text

# between the records of a table drawn as records
_RECORD_GAP = Text("")


class FittedTable:
    """A rich Table drawn so that no word or id in it is cut (see the module)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[RenderableType]:
        # (a copy: the widths fitted to this render are set on its columns, not the caller's)
        table = copy.copy(self.table)
        table.columns = columns = [copy.copy(column) for column in self.table.columns]
        pads = [_padding(table, i, len(columns)) for i in range(len(columns))]
        room = options.max_width - _frame(table, len(columns))
        ranges = [_measure(console, options, column) for column in columns]
        lows = [low + pad for (low, _), pad in zip(ranges, pads, strict=True)]
        if sum(lows) > room:
            yield from _records(table, console, options)
            return
        highs = [
            max(low, high + pad) for low, (_, high), pad in zip(lows, ranges, pads, strict=True)
        ]
        for column, width, pad in zip(columns, _share(lows, highs, room), pads, strict=True):
            column.width = width - pad
            column.min_width = column.max_width = None
        yield table


def fitted(table: Table) -> FittedTable:
    """The table, to be printed without cutting a word or an id."""
    return FittedTable(table)


def _padding(table: Table, index: int, count: int) -> int:
    _, right, _, left = table.padding
    if not table.pad_edge:
        left = 0 if index == 0 else left
        right = 0 if index == count - 1 else right
    return left + right


def _frame(table: Table, count: int) -> int:
    """The width of the table's vertical lines."""
    if not table.box:
        return 0
    return (2 if table.show_edge else 0) + count - 1


def _measure(console: Console, options: ConsoleOptions, column: Column) -> tuple[int, int]:
    """The column's longest word and longest line, its header's included."""
    low = high = 0
    for cell in (column.header, *column.cells):
        measured = Measurement.get(console, options, cell)
        low, high = max(low, measured.minimum), max(high, measured.maximum)
    if column.max_width is not None:  # (a cap on the room it takes, never on a word)
        high = min(high, column.max_width)
    return low, max(low, high)


def _share(lows: list[int], highs: list[int], room: int) -> list[int]:
    """Widths from each column's least (`lows`) up to its most (`highs`): the widest columns
    give up room first, as rich's own tables do, so that a short column stays on one line."""

    def capped(cap: int) -> list[int]:
        return [max(low, min(high, cap)) for low, high in zip(lows, highs, strict=True)]

    least, most = 0, max(highs, default=0)
    while least < most:  # the highest cap at which the columns fit
        cap = (least + most + 1) // 2
        least, most = (cap, most) if sum(capped(cap)) <= room else (least, cap - 1)
    widths = capped(least)
    spare = room - sum(widths)
    for i, (width, high) in enumerate(zip(widths, highs, strict=True)):  # (what is left)
        extra = min(spare, high - width)
        widths[i], spare = width + extra, spare - extra
    return widths


def _records(table: Table, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
    """Each row as a record: the column's header, then its value wrapped beside it; a value
    with a word (an id) too long for the room beside the headers goes under its header, with
    the whole width."""
    if table.title:
        title = table.title
        yield Text(title, style="table.title") if isinstance(title, str) else title
    columns = table.columns
    label = max((Measurement.get(console, options, c.header).maximum for c in columns), default=0)
    beside = options.max_width - label - _GAP
    cells = [list(column.cells) for column in columns]
    for index in range(table.row_count):
        if index:
            yield _RECORD_GAP
        record = _record_grid(label)
        for column, column_cells in zip(columns, cells, strict=True):
            value = column_cells[index]
            if isinstance(value, str | Text) and not str(value).strip():
                continue  # (an empty cell says nothing as a line of its own)
            if isinstance(value, Text) and column.style:
                value = value.copy()
                value.stylize(column.style)
            if Measurement.get(console, options, value).minimum <= beside:
                record.add_row(column.header, value)
                continue
            if record.row_count:
                yield record
            yield (
                Text.from_markup(f"[bold]{column.header}[/]")
                if isinstance(column.header, str)
                else column.header
            )
            yield Padding(value, (0, 0, 0, _GAP))
            record = _record_grid(label)
        if record.row_count:
            yield record


# between a record's headers and its values
_GAP = 2


def _record_grid(label: int) -> Table:
    record = Table.grid(padding=(0, _GAP))
    record.add_column(style="bold", no_wrap=True, width=label)
    record.add_column(overflow="fold")  # (an id wider than the terminal: the last resort)
    return record
