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


# (a header beside 'Country' holding other countries; whether it names the country of the
# supplier's own work or site, a rival of the country column read, or another country: the
# user's own column)
SITE_HEADERS: list[tuple[str, bool]] = [
    ("Country of production", True),
    ("Production site country", True),
    ("Country of manufacture", True),
    ("Manufacturing country", True),
    ("Manufacturer country", True),
    ("Factory country", True),
    ("Country (factory)", True),
    ("Plant country", True),
    ("Site country", True),
    ("Facility country", True),
    ("Mill country", True),
    ("Farm country", True),
    ("Mine country", True),
    ("Workplace country", True),
    ("Country of operations", True),
    ("Country of processing", True),
    ("Fabrication country", True),
    ("Land der Produktion", True),
    ("Fertigungsland", True),
    ("Herstellungsland", True),
    ("Werksland", True),
    ("Land (Werk)", True),
    ("Standortland", True),
    ("Pays de fabrication", True),
    ("Pays de l'usine", True),
    ("País de fabricación", True),
    ("País de producción", True),
    ("País de la planta", True),
    ("País da fábrica", True),
    ("País de produção", True),
    # goods, trade, a company's seat, people: other countries than that of the work
    ("Destination country", False),
    ("Country of destination", False),
    ("Ship-to country", False),
    ("Ship-from country", False),
    ("Country of delivery", False),
    ("Export country", False),
    ("Country of import", False),
    ("Country of origin of raw material", False),
    ("Raw material production country", False),
    ("Sales country", False),
    ("Market country", False),
    ("Customer country", False),
    ("Billing country", False),
    ("HQ country", False),
    ("Country of registration", False),
    ("Parent company country", False),
    ("Nationality country", False),
    ("Factory billing country", False),
    ("Ship-from factory country", False),
    ("Sub-supplier factory country", False),
    ("Country of nationality of factory workers", False),
    ("Zielland", False),
    ("Bestimmungsland", False),
    ("Land des Firmensitzes", False),
    ("Rohstoff-Herkunftsland", False),
    ("Pays de destination", False),
    ("Pays du siège", False),
    ("País de destino", False),
    ("País de venta", False),
    ("País de origen de la materia prima", False),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("header", "rival"), SITE_HEADERS)
def test_only_a_country_of_the_suppliers_own_site_is_a_rival(
    tmp_path: Path, suffix: str, header: str, rival: bool
) -> None:
    """Any header with a country word holding other countries was an error, and a file that
    was read before ("Destination country", "Ship-from country") was refused."""
    rows = _two_countries(header, ("Bangladesh", "Côte d'Ivoire"))
    chain, problems = read_chain([_write(tmp_path / f"list{suffix}", rows)])
    if rival:
        assert _located(problems, "duplicate-column") == [("error", 1, f"{header} (D)")]
        return
    assert problems.items == []
    assert [s.country for s in chain.suppliers] == ["DEU", "NLD"]
    assert [s.attributes[header] for s in chain.suppliers] == ["Bangladesh", "Côte d'Ivoire"]


# (two columns that both match the country: their headers and cells in rows 2 and 3; the
# column read and the countries, or None and the error's words)
BOTH: list[tuple[tuple[str, str], tuple[Any, Any], tuple[Any, Any], str | None, Any]] = [
    # the same country in every row: the one of names is read, the codes kept
    (("Country code", "Country name"), ("BD", "GH"), ("Bangladesh", "Ghana"), "Country name", None),
    (("Country name", "Country code"), ("Bangladesh", "Ghana"), ("BD", "GH"), "Country name", None),
    (("ISO", "Country"), ("BGD", "GHA"), ("Bangladesh", "Ghana"), "Country", None),
    (("Land", "Ländercode"), ("Bangladesch", "Ghana"), ("BD", "GH"), "Land", None),
    # neither of codes: the first
    (("Country", "Country of origin"), ("Bangladesh", "Ghana"), ("BGD", "ghana"), "Country", None),
    # a blank beside the one read names no other country
    (("Country code", "Country name"), ("BD", None), ("Bangladesh", "Ghana"), "Country name", None),
    # another country in some row: which one is scored is no guess
    (
        ("Country code", "Country name"),
        ("BD", "IN"),
        ("Bangladesh", "Ghana"),
        None,
        "both hold 'country', and in row 3 'Country code' (C) names 'IN' and 'Country name'"
        " (D) 'Ghana'; keep one",
    ),
    (
        ("Country code", "Country name"),
        ("BD", "GH"),
        ("Bangladesh", None),
        None,
        "in row 3 'Country code' (C) names 'GH' where 'Country name' (D) is blank",
    ),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("headers", "first", "second", "read", "words"), BOTH)
def test_two_country_columns_of_the_same_countries_are_no_error(
    tmp_path: Path,
    suffix: str,
    headers: tuple[str, str],
    first: tuple[Any, Any],
    second: tuple[Any, Any],
    read: str | None,
    words: str | None,
) -> None:
    """They were a duplicate-column error, though a rival column naming the same country in
    every row was none."""
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", *headers, "Sector"]]
    rows += [[f"S{i}", f"Farm {i}", first[i], second[i], "cocoa farming"] for i in range(2)]
    chain, problems = read_chain([_write(tmp_path / f"list{suffix}", rows)])
    if read is None:
        [error] = problems.errors
        assert error.type == "duplicate-column"
        assert words is not None and words in error.message
        return
    assert problems.errors == []
    [kept] = [h for h in headers if h != read]
    letter = "CD"[headers.index(kept)]
    assert _located(problems, "duplicate-column") == [("warning", 1, f"{kept} ({letter})")]
    assert problems.warnings[0].message.endswith(
        f"both hold the country and name the same country in every row: '{read}'"
        f" ({'CD'[headers.index(read)]}) is read as the country and '{kept}' kept as an"
        f" attribute; to read '{kept}', use --map '{kept}=country'"
    )
    assert [s.country for s in chain.suppliers] == ["BGD", "GHA"]
    assert [s.attributes.get(kept) for s in chain.suppliers] == [
        None if v is None else str(v) for v in (first, second)[headers.index(kept)]
    ]


# -- 2: percentages written as text -------------------------------------------------------------

# (the cells of a "Migrant %" column, as written; the percentages read where they are texts
# (CSV, or text cells of a workbook), and the rows of the ambiguous-percent warnings (None: one
# for the column); the same where those that are numbers are number cells)
PERCENTS: list[tuple[list[str], list[float], list[int | None], list[float], list[int]]] = [
    # every number from 0 to 1: fractions, as a spreadsheet holds a percentage; texts are
    # told once for the column (number cells show what they hold as a percentage)
    (["0.95", "0.9", "0.45"], [95.0, 90.0, 45.0], [None], [95.0, 90.0, 45.0], []),
    (["0,95", "0,5"], [95.0, 50.0], [None], [95.0, 50.0], [None]),  # (a decimal comma: text)
    (["1", "0.5"], [100.0, 50.0], [None], [100.0, 50.0], []),  # its 1 is 100 %
    (["0", "1", "0.5", "0.2"], [0.0, 100.0, 50.0, 20.0], [None], [0.0, 100.0, 50.0, 20.0], []),
    # a number above 1: a column of percentages, whose texts are read as typed (0.5 is
    # 0.5 %); a number cell below 1 is a spreadsheet fraction all the same, and told
    (["0.5", "1.5", "2", "0.8"], [0.5, 1.5, 2.0, 0.8], [], [50.0, 1.5, 2.0, 80.0], [2, 5]),
    (["40", "0.5", "12"], [40.0, 0.5, 12.0], [], [40.0, 50.0, 12.0], [3]),
    (
        ["40", "0.5", "0.25", "12", "0"],
        [40.0, 0.5, 0.25, 12.0, 0.0],
        [],
        [40.0, 50.0, 25.0, 12.0, 0.0],
        [3, 4],
    ),
    # a value with '%' is a percent, and shows a column of percentages
    (["40%", "0.5"], [40.0, 0.5], [], [40.0, 50.0], [3]),
    (["0.5%", "0.3"], [0.5, 0.3], [], [0.5, 30.0], [3]),
    (["0.95%", "0.5%"], [0.95, 0.5], [], [0.95, 0.5], []),
    # whole numbers only: as written (a number cell 1 may show 100 %: told)
    (["45", "12"], [45.0, 12.0], [], [45.0, 12.0], []),
    (["1", "0"], [1.0, 0.0], [], [1.0, 0.0], [2]),
]


def _number(cell: str) -> Any:
    """A cell as a number cell holds it, where it is a number as Python writes one."""
    try:
        return float(cell)
    except ValueError:
        return cell


def _percent_rows(values: list[Any], header: str = "Migrant %") -> list[list[Any]]:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", header]]
    return rows + [[f"S{index}", f"Farm {index}", value] for index, value in enumerate(values)]


@pytest.mark.parametrize("form", ["csv", "xlsx text", "xlsx number"])
@pytest.mark.parametrize(("cells", "as_text", "text_warned", "as_number", "warned"), PERCENTS)
def test_a_percentage_written_as_text_is_read_by_its_column(
    tmp_path: Path,
    form: str,
    cells: list[str],
    as_text: list[float],
    text_warned: list[int | None],
    as_number: list[float],
    warned: list[int | None],
) -> None:
    """A text below 1 was read as a fraction whatever its column held: '0.5' beside '1.5' was
    50 %, and a column of 0, 1, 0.5, 0.2 read as 0, 100, 50, 20 % with a warning of 0.5 only."""
    values: list[Any] = [_number(cell) for cell in cells] if form == "xlsx number" else cells
    path = _write(tmp_path / ("list.csv" if form == "csv" else "list.xlsx"), _percent_rows(values))
    chain, problems = read_chain([path])
    assert problems.errors == []
    numbers = form == "xlsx number"
    assert [s.migrant_pct for s in chain.suppliers] == (as_number if numbers else as_text)
    assert _located(problems, "ambiguous-percent") == [
        ("warning", row, "Migrant %") for row in (warned if numbers else text_warned)
    ]


# (a workbook column of number cells and text cells; the percentages read; the warnings' rows)
MIXED: list[tuple[list[Any], list[float], list[int | None]]] = [
    # a number cell above 1: the text is read as typed
    ([45, "0.5"], [45.0, 0.5], []),
    ([45, "0.5", 0.5], [45.0, 0.5, 50.0], [4]),
    # number cells from 0 to 1 (formatted as percentages): the text is a fraction too, told
    ([0.45, "0.5"], [45.0, 50.0], [None]),
    ([0.45, 1, "1"], [45.0, 100.0, 100.0], [None]),
]


@pytest.mark.parametrize(("values", "read", "warned"), MIXED)
def test_number_cells_tell_a_text_what_its_column_holds(
    tmp_path: Path, values: list[Any], read: list[float], warned: list[int | None]
) -> None:
    path = write_book(tmp_path / "list.xlsx", {"Suppliers": _percent_rows(values)})
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [s.migrant_pct for s in chain.suppliers] == read
    assert _located(problems, "ambiguous-percent") == [
        ("warning", row, "Migrant %") for row in warned
    ]


# (the texts of a "Migrant %" column of fractions; the warning's words)
TOLD: list[tuple[list[str], str]] = [
    (
        ["0", "1", "0.5", "0.2"],
        "migrant_pct: every number of this column is from 0 to 1, so its 3 numbers written as"
        " text (not as a number cell) are read as fractions, as a spreadsheet holds a"
        " percentage: '0.5' (row 4) as 50 % and 1 as 100 % (row 3); to make the reading sure,"
        " write each with '%' (50% for 50 %; 0.5% if 0.5 % is meant)",
    ),
    (
        ["0.95", "0.9", "0.45"],
        "migrant_pct: every number of this column is from 0 to 1, so its 3 numbers written as"
        " text (not as a number cell) are read as fractions, as a spreadsheet holds a"
        " percentage: '0.95' (row 2) as 95 %; to make the reading sure, write each with '%'"
        " (95% for 95 %; 0.95% if 0.95 % is meant)",
    ),
    (["0.5"], "so its number written as text (not as a number cell) is read as fractions"),
    (
        ["1", "0.5", "1", "1", "1", "1", "1", "1"],
        "'0.5' (row 3) as 50 % and 1 as 100 % (rows 2, 4, 5, 6, 7 and 2 more)",
    ),
]


@pytest.mark.parametrize(("cells", "words"), TOLD)
def test_a_column_of_text_fractions_says_how_it_is_read(
    tmp_path: Path, cells: list[str], words: str
) -> None:
    _chain, problems = read_chain([_write(tmp_path / "list.csv", _percent_rows(cells))])
    [warning] = problems.warnings
    assert (warning.type, warning.location.row, warning.location.column) == (
        "ambiguous-percent",
        None,
        "Migrant %",
    )
    assert words in warning.message


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


@pytest.mark.parametrize(
    ("headers", "read"),
    [
        # the country of the supplier's own site, alone: read as the country (it was kept
        # as an attribute, with a hint to map it, and every supplier had no country)
        (["Factory country"], 0),
        (["Fertigungsland"], 0),
        (["Land der Produktion"], 0),
        (["Country of Operation"], 0),
        (["Operating country"], 0),
        # another place's country: only named
        (["HQ country"], None),
        (["Destination country"], None),
        # two sites' countries: which one is scored is never a guess, both named
        (["Factory country", "Plant country"], None),
        # a mine's or a farm's alone, on a list of mines or farms: its own; an origin's, or a
        # mine's beside a site's own, where a trader's material may come from
        (["Mine country"], 0),
        (["Country of mine origin"], None),
        (["Refinery country", "Mine country"], 0),
    ],
)
def test_a_country_in_other_words_without_a_country_column(
    tmp_path: Path, headers: list[str], read: int | None
) -> None:
    rows = [
        ["Supplier ID", "Supplier name", *headers],
        ["S1", "Alpha", *["Bangladesh", "Ghana"][: len(headers)]],
    ]
    chain, problems = read_chain([write_book(tmp_path / "list.xlsx", {"Suppliers": rows})])
    assert problems.errors == []
    if read is None:
        assert chain.suppliers[0].country is None
        assert _located(problems, "unmapped-column") == [
            ("warning", None, header) for header in headers
        ]
    else:
        assert chain.suppliers[0].country == "BGD"
        assert _located(problems, "unmapped-column") == []
