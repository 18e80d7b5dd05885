"""What a table's cells are read as when their form misleads: a second country column in
other words beside the one read, percentages written as text, and ids a spreadsheet turned
into dates. Each was read without a word: a head office's country scored for its factory,
95 % migrant workers read as 0.95 %, an id typed '3-4' read as '2025-03-04'."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.sources import ReadOptions, read_chain


def _located(problems: Any, kind: str) -> list[tuple[str, int | None, str | None]]:
    """The problems of one type as (severity, row, column)."""
    return [
        (p.severity, p.location.row, p.location.column) for p in problems.items if p.type == kind
    ]


def _write(path: Path, rows: list[list[Any]]) -> Path:
    """A CSV file or a workbook (sheet 'Suppliers') of these rows; a CSV's cells as text."""
    if path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return path
    return write_book(path, {"Suppliers": rows})


# -- 1: a second country column in other words ------------------------------------------------

# (the second column's header, its cells in rows 2 and 3, the error's words: None for no error)
RIVALS: list[tuple[str, tuple[Any, Any], str | None]] = [
    (
        "Country of production",
        ("Bangladesh", "Côte d'Ivoire"),
        "in row 2 it names 'Bangladesh' and 'Country' (C) 'Germany'",
    ),
    ("Country of manufacture", ("Bangladesh", "Côte d'Ivoire"), "in row 2"),
    ("Factory country", ("Bangladesh", "Côte d'Ivoire"), "in row 2"),
    ("Manufacturing country", ("BGD", "CIV"), "in row 2"),
    ("Country (factory)", ("Bangladesh", "Côte d'Ivoire"), "in row 2"),
    ("Land der Produktion", ("Bangladesch", "Elfenbeinküste"), "in row 2"),
    ("Fertigungsland", ("Bangladesch", "Elfenbeinküste"), "in row 2"),
    ("Pays de fabrication", ("Bangladesh", "Côte d'Ivoire"), "in row 2"),
    ("País de fabricación", ("Bangladesh", "Côte d'Ivoire"), "in row 2"),
    # the second names a country where the first is blank: the supplier's would be lost
    ("Country of production", ("Germany", "Côte d'Ivoire"), "where 'Country' (C) is blank"),
    # the same countries, written otherwise: no row differs, the same scores either way
    ("Country of production", ("DEU", "NL"), "none"),
    # the country of a company's seat, not of its work: beside 'Country', no rival of it
    ("HQ country", ("Bangladesh", "Côte d'Ivoire"), "none"),
    ("Country of registration", ("Bangladesh", "Côte d'Ivoire"), "none"),
    ("Head office country", ("Bangladesh", "Côte d'Ivoire"), "none"),
    ("Registered country", ("Bangladesh", "Côte d'Ivoire"), "none"),
    ("Land des Firmensitzes", ("Bangladesch", "Elfenbeinküste"), "none"),
    ("Pays du siège", ("Bangladesh", "Côte d'Ivoire"), "none"),
    # no countries: the user's own column, as before
    ("Country manager", ("Anna Schmidt", "Jan de Vries"), "none"),
    ("Country risk", ("high", "low"), "none"),
    ("Landline", ("+49 30 1234", "+31 20 5678"), "none"),
]


def _two_countries(header: str, cells: tuple[Any, Any]) -> list[list[Any]]:
    return [
        ["Supplier ID", "Supplier name", "Country", header, "Sector"],
        ["S1", "Alpha", "Germany", cells[0], "garment manufacturing"],
        ["S2", "Beta", "Netherlands", cells[1], "cocoa farming"],
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize(("header", "cells", "words"), RIVALS)
def test_a_second_country_column_in_other_words_must_be_chosen(
    tmp_path: Path, suffix: str, header: str, cells: tuple[Any, Any], words: str | None
) -> None:
    """It was kept as the user's own column without a word, and the first one scored."""
    rows = _two_countries(header, cells)
    if words is not None and "blank" in words:
        rows[2][2] = None
    path = _write(tmp_path / f"list{suffix}", rows)
    _chain, problems = read_chain([path])
    found = [p for p in problems.items if p.type == "duplicate-column"]
    if words == "none":
        assert found == []
        return
    assert _located(problems, "duplicate-column") == [("error", 1, f"{header} (D)")]
    message = found[0].message
    assert message.startswith(
        f"column '{header}' (D) holds countries too, but 'Country' (C) is read as the"
        " supplier's country, the one scored"
    )
    if words is None:
        assert "in row" not in message
    else:
        assert words in message
    assert message.endswith(
        f"choose the one to read (--map '{header}=country' reads '{header}' and keeps"
        f" 'Country' as an attribute; --map 'Country=country' reads 'Country' and keeps"
        f" '{header}' as one)"
    )


@pytest.mark.parametrize(
    ("column_map", "countries", "own"),
    [
        # the one named by a mapping is read, the other kept as the user's own
        ({"Country of production": "country"}, ["BGD", "CIV"], "Country"),
        ({"Country": "country"}, ["DEU", "NLD"], "Country of production"),
    ],
)
def test_a_mapping_chooses_the_country_column(
    tmp_path: Path, column_map: dict[str, str], countries: list[str], own: str
) -> None:
    rows = _two_countries("Country of production", ("Bangladesh", "Côte d'Ivoire"))
    path = write_book(tmp_path / "list.xlsx", {"Suppliers": rows})
    chain, problems = read_chain([path], ReadOptions(column_map=column_map))
    assert problems.errors == []
    assert [s.country for s in chain.suppliers] == countries
    assert [own in s.attributes for s in chain.suppliers] == [True, True]


def test_a_batch_is_told_to_choose_in_its_settings(tmp_path: Path) -> None:
    rows = _two_countries("Factory country", ("Bangladesh", "Côte d'Ivoire"))
    path = write_book(tmp_path / "list.xlsx", {"Suppliers": rows})
    _chain, problems = read_chain([path], ReadOptions(mapped_by="config"))
    [error] = problems.errors
    assert (
        "(a columns: entry 'Factory country: country' in the --config file reads 'Factory"
        " country'" in error.message
    )


def test_a_second_column_of_a_country_header_is_one_error(tmp_path: Path) -> None:
    """'Production country' is an alias: the duplicate's own error, not a second one."""
    rows = _two_countries("Production country", ("Bangladesh", "Côte d'Ivoire"))
    _chain, problems = read_chain([write_book(tmp_path / "list.xlsx", {"Suppliers": rows})])
    [error] = problems.errors
    assert error.message.startswith(
        "columns 'Country' (C) and 'Production country' (D) both hold 'country'"
    )


# -- 2: percentages written as text -------------------------------------------------------------

# (the cells of a "Migrant %" column, as written; the percentages read; the rows of the
# ambiguous-percent warnings where the cells are texts (CSV, or text cells of a workbook), and
# where those that are numbers are number cells)
PERCENTS: list[tuple[list[str], list[float], list[int], list[int]]] = [
    # fractions only: read as a spreadsheet holds a percentage; a text says so once
    (["0.95", "0.9", "0.45"], [95.0, 90.0, 45.0], [2], []),
    (["0,95", "0,5"], [95.0, 50.0], [2], [2]),  # (a decimal comma: text in a workbook too)
    (["1", "0.5"], [100.0, 50.0], [3], []),  # a column of fractions: its 1 is 100 %
    # a fraction among whole percentages: each one may mean below 1 %
    (["40", "0.5", "12"], [40.0, 50.0, 12.0], [3], [3]),
    (["40", "0.5", "0.25", "12", "0"], [40.0, 50.0, 25.0, 12.0, 0.0], [3, 4], [3, 4]),
    (["40%", "0.5"], [40.0, 50.0], [3], [3]),
    # written with '%', or whole: as written
    (["0.95%", "0.5%"], [0.95, 0.5], [], []),
    (["45", "12"], [45.0, 12.0], [], []),
]


def _number(cell: str) -> Any:
    """A cell as a number cell holds it, where it is a number as Python writes one."""
    try:
        return float(cell)
    except ValueError:
        return cell


@pytest.mark.parametrize("form", ["csv", "xlsx text", "xlsx number"])
@pytest.mark.parametrize(("cells", "read", "as_text", "as_number"), PERCENTS)
def test_a_percentage_reads_alike_as_a_number_cell_or_as_text(
    tmp_path: Path,
    form: str,
    cells: list[str],
    read: list[float],
    as_text: list[int],
    as_number: list[int],
) -> None:
    """Text cells of 0.95, 0.9, 0.45 read as 0.95 %, number cells as 95 %."""
    values: list[Any] = [_number(cell) for cell in cells] if form == "xlsx number" else cells
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Migrant %"]]
    rows += [[f"S{index}", f"Farm {index}", value] for index, value in enumerate(values)]
    path = _write(tmp_path / ("list.csv" if form == "csv" else "list.xlsx"), rows)
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [s.migrant_pct for s in chain.suppliers] == read
    warned = as_number if form == "xlsx number" else as_text
    assert _located(problems, "ambiguous-percent") == [
        ("warning", row, "Migrant %") for row in warned
    ]


def test_a_text_fraction_says_how_it_is_read(tmp_path: Path) -> None:
    rows = [["Supplier ID", "Migrant %"], ["S1", "0.95"], ["S2", "0.9"], ["S3", "0.45"]]
    _chain, problems = read_chain([_write(tmp_path / "list.csv", rows)])
    [warning] = problems.warnings
    assert warning.message == (
        "migrant_pct '0.95', written as text, is read as 95 %: a number below 1 in a"
        " percentage column is read as a fraction, as a spreadsheet holds a percentage (and"
        " so are this column's 2 other such texts); if 0.95 % is meant, write 0.95%"
    )


# -- 3: ids a spreadsheet made dates ------------------------------------------------------------

MARCH_4 = dt.datetime(2025, 3, 4)

# (the id and buyer cells of rows 2 and 3; the ids and buyers read; the date-as-id warnings)
DATE_IDS: list[tuple[tuple[Any, Any], tuple[Any, Any], list[str], list[tuple[int, str]]]] = [
    (
        (MARCH_4, "S2"),
        (None, MARCH_4),
        ["2025-03-04", "S2"],
        [(2, "Supplier ID"), (3, "Buyer IDs")],
    ),
    (
        (MARCH_4 + dt.timedelta(hours=10), "S2"),
        (None, None),
        ["2025-03-04 10:00:00", "S2"],
        [(2, "Supplier ID")],
    ),
    (("3-4", "S2"), (None, "3-4"), ["3-4", "S2"], []),  # typed as text: kept as typed
    (("S1", "S2"), (None, "S1"), ["S1", "S2"], []),
]


@pytest.mark.parametrize(("ids", "buyers", "read", "warned"), DATE_IDS)
def test_a_date_in_an_id_cell_is_named_where_it_is(
    tmp_path: Path,
    ids: tuple[Any, Any],
    buyers: tuple[Any, Any],
    read: list[str],
    warned: list[tuple[int, str]],
) -> None:
    """Excel turned an id typed '3-4' into a date, read as the id '2025-03-04' in silence."""
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Country", "Buyer IDs"]]
    rows += [[ids[i], f"Farm {i}", "Bangladesh", buyers[i]] for i in range(2)]
    chain, problems = read_chain([write_book(tmp_path / "list.xlsx", {"Suppliers": rows})])
    assert problems.errors == []
    assert [s.id for s in chain.suppliers] == read
    assert _located(problems, "date-as-id") == [("warning", *cell) for cell in warned]
    found = [p.message for p in problems.items if p.type == "date-as-id"]
    if warned:
        assert found[0] == (
            f"the cell holds a date, read as the supplier id '{read[0]}': a spreadsheet makes"
            " a date of an id typed as '3-4', '1/2' or 'MAR1'; if another id was typed, format"
            " the column as Text and type it again"
        )


def test_many_dates_in_an_id_column_are_named_then_counted(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name"]]
    rows += [[MARCH_4 + dt.timedelta(days=n), f"Farm {n}"] for n in range(25)]
    _chain, problems = read_chain([write_book(tmp_path / "list.xlsx", {"Suppliers": rows})])
    found = _located(problems, "date-as-id")
    assert found == [("warning", row, "Supplier ID") for row in [*range(2, 22), 22]]
    assert problems.items[-1].message.startswith("5 more cells of this column hold dates")


@pytest.mark.parametrize("header", ["Factory country", "Fertigungsland", "Land der Produktion"])
def test_a_country_in_other_words_without_a_country_column_is_named(
    tmp_path: Path, header: str
) -> None:
    """Without a column read as the country, it is the hint of one (no rival to choose)."""
    rows = [["Supplier ID", "Supplier name", header], ["S1", "Alpha", "Bangladesh"]]
    _chain, problems = read_chain([write_book(tmp_path / "list.xlsx", {"Suppliers": rows})])
    assert problems.errors == []
    assert _located(problems, "unmapped-column") == [("warning", 1, header)]
