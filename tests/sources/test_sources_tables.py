"""Tables are normalised column by column: the same suppliers and problems as record by record."""

from __future__ import annotations

import csv
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from ddtool.errors import ProblemList
from ddtool.model import Supplier
from ddtool.profiles import load_profiles
from ddtool.sources import ReadOptions, read_chain, read_raw
from ddtool.sources.interface import RawChain, RawTable
from ddtool.sources.normalise import NoTaxonomy, SectorMatcher, normalise_records
from ddtool.sources.table_source import _first_lines

HEADER = [
    "Supplier ID",
    "Supplier name",
    "Country",
    "Sector",
    "Buyer IDs",
    "Products",
    "Share",
    "Workers",
    "% Female",
    "% Migrant",
    "Tier",
    "Certifications",
    "Audit standard",
    "Audit date",
    "Audit result",
    "Region",
    "Notes",
]


def _write(path: Path, rows: list[list[Any]], delimiter: str = ",") -> Path:
    """A CSV or a workbook (by suffix) holding rows; blank (None) cells stay empty."""
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle, delimiter=delimiter).writerows(
                [["" if v is None else v for v in row] for row in rows]
            )
    else:
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "Suppliers"
        for row in rows:
            sheet.append(row)
        workbook.save(path)
    return path


def _record_by_record(
    path: Path, sectors: SectorMatcher, options: ReadOptions | None = None
) -> tuple[list[Supplier], ProblemList]:
    """What reading gives when each record is normalised on its own (no table)."""
    raw = read_raw(path, options or ReadOptions())
    records_only = RawChain(raw.path, raw.records, raw.problems, raw.company, raw.company_location)
    problems = ProblemList()
    problems.extend(raw.problems)
    _, suppliers = normalise_records([records_only], sectors, problems)
    return suppliers, problems


def _seen(suppliers: list[Supplier]) -> list[str]:
    # repr tells 0.0 from -0.0, which == does not
    return [repr((s.model_dump(), s.location, sorted(s.model_fields_set))) for s in suppliers]


# A bad value read once per distinct value must still be reported at each row holding it
BAD_VALUES = [
    ("Country", "Ivry Coast", "unknown-country"),
    ("Sector", "widget assembly", "unknown-sector"),
    ("Workers", "many", "bad-number"),
    ("Share", "150%", "out-of-range"),
    ("% Migrant", "-5", "out-of-range"),
    ("Tier", "someday", "bad-tier"),
    ("Audit date", "yesterday", "bad-date"),
    ("Supplier name", "Safe\x9bFarm", "unsafe-characters"),
    # (a direction mark is read, dropped; an override is warned of: tests/sources/test_bidi_texts)
    ("Supplier name", "Safe\u202eFarm", "text-direction"),
    ("Region", "r" * 201, "too-long"),
    # a sector not in the taxonomy is shown as written: no hidden characters, no essays
    ("Sector", "widget\x9bpolishing", "unsafe-characters"),
    ("Sector", "widget\u202epolishing", "text-direction"),
    ("Sector", "s" * 201, "too-long"),
    ("Supplier ID", None, "missing-id"),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("column", "value", "problem"), BAD_VALUES)
def test_a_repeated_bad_value_is_reported_at_each_row(
    tmp_path: Path, suffix: str, column: str, value: Any, problem: str
) -> None:
    good = {
        "Supplier ID": "S",
        "Supplier name": "Farm",
        "Country": "Ghana",
        "Sector": "cocoa farming",
        "Workers": "12",
        "Share": "50%",
        "% Migrant": "5",
        "Tier": "Tier 3",
        "Audit date": "2025-01-31",
        "Region": "Ashanti",
    }
    header = list(good)
    rows: list[list[Any]] = [header]
    for n in range(6):
        cells = {**good, "Supplier ID": f"S{n}"}
        if n in (1, 3, 4):
            cells[column] = value
        rows.append([cells[name] for name in header])
    path = _write(tmp_path / f"chain{suffix}", rows)
    chain, problems = read_chain([path], sectors=load_profiles([]))
    found = problems.flatten(["type", "row", "column"])
    if column == "Sector" and problem != "unknown-sector":  # (not in the taxonomy, too)
        assert [p for p in found if p[0] == "unknown-sector"] == [
            ["unknown-sector", row, column] for row in (3, 5, 6)
        ]
        found = [p for p in found if p[0] != "unknown-sector"]
    # rows 3, 5 and 6 of the file (the header is row 1)
    assert found == [
        [problem, 3, column],
        [problem, 5, column],
        [problem, 6, column],
    ]
    if problem == "missing-id":
        assert [s.id for s in chain.suppliers] == ["S0", "S2", "S5"]


def _hostile_rows(seed: int, count: int) -> list[list[Any]]:
    """Rows of values that read in many ways: repeated, blank, padded, bad, numbers as text."""
    pools: list[list[Any]] = [
        ["S1", "S2", " S3 ", "S4", "1001", None, "  ", "S\u202eX", "x" * 120],
        ["Farm", " Spaced ", None, "n" * 310, "Ok"],
        ["Ghana", "ghana", "Ivry Coast", "Congo", "unknown", None, "CIV", "XYZ", "Korea"],
        ["cocoa farming", "coffee", "widgets", "TBD", None, "Software", "fabric-manufacturing"],
        ["S1", "S1; S2", " S2 ", None, "company", "S1,S3|S4", "1001"],
        ["cocoa beans", "cocoa; coffee", None, ";;", "gold, tin", "cotton"],
        ["60%", "0.6", "12,5", "abc", None, "-1", "1.5", "0,5", "1,200", "1.200"],
        ["1,200", "1.200", "350", None, "12.5", "0", "-3", "3'000", "many", "007"],
        ["71.0%", "40", "0,71", "101", None, "12 %", "1e2", "inf"],
        ["5", "50", None, "x", "-0", "100", "99.9"],
        ["Tier 2", "T3", "Fabric mill", "farm", "x", None, "0", "2"],
        ["Fairtrade", "Fairtrade; Rainforest", None, "SA8000|BSCI"],
        ["amfori BSCI", None, "SMETA"],
        ["2025-03-14", "31.12.2025", "bad", None, "20250314"],
        ["Pass", " FAIL ", None],
        ["Bavaria", None, "r" * 250, " Ile "],
        ["note", None, "#N/A ", " #REF!"],
    ]
    rng = random.Random(seed)
    rows: list[list[Any]] = [["Supplier list"], [], HEADER]
    for _ in range(count):
        if rng.random() < 0.03:
            rows.append([])  # a blank row
            continue
        rows.append([rng.choice(pool) for pool in pools])
    return rows


@pytest.mark.parametrize(
    ("name", "delimiter"), [("chain.csv", ","), ("eu.csv", ";"), ("chain.xlsx", ",")]
)
@pytest.mark.parametrize("taxonomy", [True, False])
def test_columns_read_as_records_do(
    tmp_path: Path, name: str, delimiter: str, taxonomy: bool
) -> None:
    path = _write(tmp_path / name, _hostile_rows(7, 400), delimiter)
    sectors: SectorMatcher = load_profiles([]) if taxonomy else NoTaxonomy()
    chain, problems = read_chain([path], sectors=sectors)
    suppliers, expected = _record_by_record(path, sectors)
    assert _seen(chain.suppliers) == _seen(suppliers)
    assert problems.items == expected.items
    assert len(problems.items) > 100  # the rows are hostile enough to test something


@pytest.mark.parametrize("target", ["audits", "parent", "anything"])
def test_a_column_mapped_to_another_key_is_read_record_by_record(
    tmp_path: Path, target: str
) -> None:
    # a configuration can map a header to any name (not only a table field)
    options = ReadOptions(column_map={"Notes": target})
    path = _write(tmp_path / "chain.csv", _hostile_rows(3, 60))
    chain, problems = read_chain([path], options)
    suppliers, expected = _record_by_record(path, NoTaxonomy(), options)
    assert _seen(chain.suppliers) == _seen(suppliers)
    assert problems.items == expected.items
    if target == "audits":
        assert "bad-audit" in {p.type for p in problems.items}


def _table(**columns: list[Any]) -> RawTable:
    size = len(next(iter(columns.values())))
    return RawTable(
        "t.xlsx",
        "Sheet",
        list(range(2, size + 2)),
        dict(columns),
        {name: name.title() for name in columns},
    )


def _normalise(table: RawTable) -> tuple[list[Supplier], ProblemList]:
    problems = ProblemList()
    _, suppliers = normalise_records(
        [RawChain("t.xlsx", [], ProblemList(), table=table)], NoTaxonomy(), problems
    )
    return suppliers, problems


def _normalise_records(table: RawTable) -> tuple[list[Supplier], ProblemList]:
    problems = ProblemList()
    _, suppliers = normalise_records(
        [RawChain("t.xlsx", table.records(), ProblemList())], NoTaxonomy(), problems
    )
    return suppliers, problems


# Workbook cells come as floats, ints, bools and dates: equal as dict keys (0.0 and -0.0,
# 1, 1.0 and True), they read differently, so each is read on its own
TABLES = [
    _table(id=list("abcdef"), tier=[0.0, -0.0, 0.0, True, 1, 1.0]),
    _table(id=list("abcdef"), tier=[0.0, -0.0, 2.0, "x", None, -0.0]),
    _table(id=list("abcdef"), share=[-0.0, 0.0, 0.5, "0", None, -0.0]),
    _table(id=list("abcdef"), workers=[True, 1, 1.0, 0.0, -0.0, "3"]),
    _table(id=list("abcdef"), share=[-0.0, 0.0, 0.5, "0", None, 1]),
    _table(id=[1.0, 1, True, 0.0, -0.0, "1"], name=[0.0, None, -0.0, "x", 1.0, True]),
    _table(id=list("abcdef"), country=[0.0, "Ghana", None, True, 1.0, "Ghana"]),
    _table(id=list("abcdef"), buyers=["A", " B ", None, "", "  ", 1001.0]),
    _table(id=list("abcdef"), buyers=["A", " B ", None, "", "  ", "C"]),
    _table(id=list("abcdef"), products=["A", " B ", None, "", " \t ", "C"]),
    _table(id=list("abcdef"), buyers=["A", "B; C", None, "", "C|D,", "E\nF"]),
    _table(id=list("abcdef"), products=["cocoa", " coffee ", None, "", "a;b", 12.0]),
    _table(id=list("abcde"), audit_date=["2025-01-02", "bad", "bad", None, 45000.0]),
]


@pytest.mark.parametrize("table", TABLES)
def test_values_equal_as_keys_are_read_one_by_one(table: RawTable) -> None:
    suppliers, problems = _normalise(table)
    expected, expected_problems = _normalise_records(table)
    assert _seen(suppliers) == _seen(expected)
    assert [repr(p) for p in problems.items] == [repr(p) for p in expected_problems.items]


@pytest.mark.parametrize(
    ("table", "messages"),
    [
        (
            TABLES[0],
            [
                "tier: expected a tier number from 1 to 99, got 0",
                "tier: expected a tier number from 1 to 99, got -0",
                "tier: expected a tier number from 1 to 99, got 0",
                "tier: expected a tier such as 'Tier 2', got 'True'",
            ],
        ),
        (
            TABLES[1],
            [
                "tier: expected a tier number from 1 to 99, got 0",
                "tier: expected a tier number from 1 to 99, got -0",
                "tier: expected a tier such as 'Tier 2', got 'x'",
                "tier: expected a tier number from 1 to 99, got -0",
            ],
        ),
    ],
)
def test_zero_and_minus_zero_tiers_are_reported_as_written(
    table: RawTable, messages: list[str]
) -> None:
    _, problems = _normalise(table)
    assert [p.message for p in problems.items] == messages


def test_minus_zero_shares_stay_minus_zero() -> None:
    suppliers, _ = _normalise(TABLES[2])
    assert [repr(s.share) for s in suppliers] == ["-0.0", "0.0", "0.5", "0.0", "None", "-0.0"]


def test_a_decimal_comma_is_read_in_number_columns_only(tmp_path: Path) -> None:
    """In a semicolon file, `12,5` is a number in a number column; an id, a name, a buyer
    list and the user's own column keep their commas (`1001,1002` is two buyers)."""
    rows = [
        ["Supplier ID", "Supplier name", "Buyer ID", "Share", "Workers", "Spend"],
        ["1001", "Mill", "", "", "1.850", "12,5"],
        ["1002", "Gin", "", "", "", ""],
        ["12,5", "3,25", "1001,1002", "0,125", "1,850", ""],
    ]
    path = _write(tmp_path / "eu.csv", rows, ";")
    chain, problems = read_chain([path])
    assert problems.items == []
    assert [(s.id, s.name, s.buyers, s.share, s.workers) for s in chain.suppliers] == [
        ("1001", "Mill", [], None, 1850),
        ("1002", "Gin", [], None, None),
        ("12,5", "3,25", ["1001", "1002"], 0.125, 1850),
    ]
    assert chain.suppliers[0].attributes == {"Spend": "12,5"}


@pytest.mark.parametrize("code", ["#N/A", "#REF!", "#VALUE!", " #DIV/0! ", "#name?"])
def test_a_spreadsheet_error_code_in_a_csv_is_a_located_error(tmp_path: Path, code: str) -> None:
    rows = [["Supplier ID", "Country", "Sector"], ["S1", "Ghana", code], ["S2", code, "mill"]]
    _chain, problems = read_chain([_write(tmp_path / "x.csv", rows, ",")])
    found = [(p.type, p.location.row, p.location.column) for p in problems.items]
    assert found == [("error-value", 2, "Sector"), ("error-value", 3, "Country")]
    assert code.strip() in problems.items[0].message


def test_suppliers_from_rows_equal_trusted_ones() -> None:
    values: dict[str, Any] = {
        "id": "S1",
        "name": "Farm",
        "country": "GHA",
        "country_raw": "Ghana",
        "region": None,
        "sector": None,
        "sector_raw": None,
        "products": ["cocoa"],
        "sector_minerals": (),
        "other_sectors": (),
        "buyers": [],
        "share": 0.5,
        "workers": 12,
        "female_pct": None,
        "migrant_pct": None,
        "certifications": [],
        "audits": [],
        "tier_declared": 3,
        "attributes": {"Notes": "x"},
        "location": None,
    }
    [fast] = Supplier.from_rows([dict(values)])
    slow = Supplier.trusted(**values)
    assert fast == slow
    assert fast.model_dump() == slow.model_dump()
    assert fast.model_fields_set == slow.model_fields_set
    copy = fast.model_copy(update={"name": "Other"})  # the shared fields set is not changed
    assert copy.name == "Other" and fast.name == "Farm"
    assert fast.model_fields_set == set(values)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r", "\u2028"])
@pytest.mark.parametrize("shift", [-2, -1, 0, 1, 2])
def test_first_lines_of_a_large_text_are_its_first_lines(ending: str, shift: int) -> None:
    # a line break falls on the first prefix's end (64 KiB), split or not
    text = "x" * (65_536 + shift - 10) + ending + "".join(f"{n};a{ending}" for n in range(40))
    assert _first_lines(text, 30) == text.splitlines()[:30]
    assert _first_lines(text[:100], 30) == text[:100].splitlines()[:30]


def _workbook_with_parts(tmp_path: Path, extra: dict[str, str], corrupt: bool) -> Path:
    """A workbook whose sheet is stored uncompressed (a byte flipped past its first 4 KiB if
    corrupt), with extra parts after it."""
    source = _write(
        tmp_path / "source.xlsx",
        [["Supplier ID", "Country"]] + [[f"S{n:04d}", "Ghana"] for n in range(400)],
    )
    path = tmp_path / "chain.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as package:
        for info in original.infolist():
            data = original.read(info)
            stored = info.filename.startswith("xl/worksheets/")
            package.writestr(info.filename, data, zipfile.ZIP_STORED if stored else 8)
        for name, text in extra.items():
            package.writestr(name, text)
    if corrupt:
        with zipfile.ZipFile(path) as package:
            sheet = package.getinfo("xl/worksheets/sheet1.xml")
        raw = bytearray(path.read_bytes())
        at = raw.index(b"S0300", sheet.header_offset)
        raw[at + 1] = ord("9")  # still XML, but the CRC no longer matches
        path.write_bytes(bytes(raw))
    return path


@pytest.mark.parametrize(
    ("extra", "corrupt", "expected"),
    [
        ({}, True, "not-a-workbook"),
        ({"xl/zz.xml": "<!DOCTYPE x>"}, True, "not-a-workbook"),  # the broken sheet came first
        ({"xl/zz.xml": "<!DOCTYPE x>"}, False, "xml-entities"),
        ({}, False, None),
    ],
)
def test_a_broken_sheet_is_reported_as_when_scanned_first(
    tmp_path: Path, extra: dict[str, str], corrupt: bool, expected: str | None
) -> None:
    path = _workbook_with_parts(tmp_path, extra, corrupt)
    chain, problems = read_chain([path])
    assert [p.type for p in problems.items] == ([expected] if expected else [])
    if corrupt:
        assert "Bad CRC-32" in problems.items[0].message
    assert len(chain.suppliers) == (0 if expected else 400)


def test_error_values_are_reported_row_by_row(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Country"]]
    rows += [[f"S{n}", "Farm", "Ghana"] for n in range(6)]
    rows[2][1] = "#REF! "  # padded, so saved as text: read as the error it shows
    rows[4][1] = "#REF! "
    rows[4][0] = " #N/A"
    path = _write(tmp_path / "errors.xlsx", rows)
    chain, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column"]) == [
        ["error-value", 3, "Supplier name"],
        ["error-value", 5, "Supplier ID"],
        ["error-value", 5, "Supplier name"],
        ["missing-id", 5, "Supplier ID"],
    ]
    assert [s.name for s in chain.suppliers] == ["Farm", None, "Farm", "Farm", "Farm"]


@pytest.mark.parametrize(
    ("cells", "read", "ambiguous"),
    [
        # a column formatted as percentages: its 1 shows as 100 %
        ([0.1, 0.05, 1, 0.2], [10.0, 5.0, 100.0, 20.0], []),
        ([0.1, None, 1.0, 0], [10.0, None, 100.0, 0.0], []),
        # not all fractions: each cell as it reads, and a 1 may be a cell showing 100 %
        ([1, 0.5, 45], [1.0, 50.0, 45.0], [2]),
        ([1, 5, 45], [1.0, 5.0, 45.0], [2]),  # whole numbers: percentages
        # texts of a column of fractions are fractions too, told once for the column
        (["1", "0.5"], [100.0, 50.0], [None]),
    ],
)
def test_a_workbook_column_of_fractions_reads_its_whole_numbers_as_fractions_too(
    tmp_path: Path, cells: list[Any], read: list[float | None], ambiguous: list[int | None]
) -> None:
    """A cell showing 100 % (stored 1) among 10 % and 5 % was read as 1 %; among whole
    percentages it cannot be told from 1 %, and a warning at its row says so."""
    rows: list[list[Any]] = [["Supplier ID", "% migrant workers"]]
    rows += [[f"S{i}", value] for i, value in enumerate(cells)]
    chain, problems = read_chain([_write(tmp_path / "list.xlsx", rows)])
    assert problems.errors == []
    assert [s.migrant_pct for s in chain.suppliers] == read
    found = [p.location.row for p in problems.warnings if p.type == "ambiguous-percent"]
    assert found == ambiguous


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_error_code_in_a_column_of_ones_own_reads_as_blank_with_a_warning(
    tmp_path: Path, suffix: str
) -> None:
    """A #N/A in a Notes column refused the whole CSV; a workbook read it as blank."""
    rows = [["Supplier ID", "Country", "Notes"], ["S1", "Ghana", "#N/A"], ["S2", "Ghana", "ok"]]
    chain, problems = read_chain([_write(tmp_path / f"x{suffix}", rows)])
    assert problems.errors == []
    # (openpyxl stores the text "#N/A" as an error value: the workbook's own warning)
    expected = ("error-value", 2) if suffix == ".csv" else ("error-values", 2)
    assert [(p.type, p.severity, p.location.row) for p in problems.items] == [
        (expected[0], "warning", expected[1])
    ]
    assert [s.attributes for s in chain.suppliers] == [{}, {"Notes": "ok"}]


def test_a_column_of_fractions_reads_the_same_when_read_record_by_record(
    tmp_path: Path,
) -> None:
    """A column mapped to audits sends the table through the record-by-record path; the
    fractions rule held only in the column path."""
    rows: list[list[Any]] = [["Supplier ID", "% migrant workers", "Audit list"]]
    rows += [[f"S{i}", v, None] for i, v in enumerate([0.1, 0.005, 1, 0.2])]
    path = _write(tmp_path / "list.xlsx", rows)
    for options in (ReadOptions(), ReadOptions(column_map={"Audit list": "audits"})):
        chain, problems = read_chain([path], options)
        assert problems.errors == []
        # (0.5 %, not taken as a fraction a second time: 50 %)
        assert [s.migrant_pct for s in chain.suppliers] == [10.0, 0.5, 100.0, 20.0]


def test_one_worker_is_no_ambiguous_percentage(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Workers", "Share", "% migrant workers"]]
    rows += [["S1", 1, 1, 40], ["S2", 1, 0.5, 20]]
    _chain, problems = read_chain([_write(tmp_path / "list.xlsx", rows)])
    assert [p.type for p in problems.items if p.type == "ambiguous-percent"] == []


@pytest.mark.parametrize(
    ("rows", "kept", "notes"),
    [
        # a note merged across the table, below it: one cell of several words
        (
            [
                ["S1", "Mill", "BGD"],
                [None, None, None],
                ["Source: ERP export, Q3 2026", None, None],
            ],
            ["S1"],
            [4],
        ),
        (
            [["S1", "Mill", "BGD"], ["Hinweis: Angaben ohne Gewähr, geschätzt", None, None]],
            ["S1"],
            [3],
        ),
        # a name alone in its column is a supplier without an id (an error), not a note
        (
            [["S1", "Mill", "BGD"], [None, "Cooperative Agricole de Soubre Nord", None]],
            ["S1"],
            [],
        ),
        # a supplier with an id alone is kept (and short texts are ids)
        ([["S1", "Mill", "BGD"], ["S2", None, None]], ["S1", "S2"], []),
        ([["S1", "Mill", "BGD"], ["Acme Ltd", None, None]], ["S1", "Acme Ltd"], []),
    ],
)
def test_a_row_of_one_text_is_a_note_not_a_supplier(
    rows: list[list[object]], kept: list[str], notes: list[int]
) -> None:
    from ddtool.errors import ProblemList
    from ddtool.sources.interface import ReadOptions
    from ddtool.sources.table_source import table_from_rows

    problems = ProblemList()
    table = table_from_rows(
        "t.csv", None, [["Supplier ID", "Supplier name", "Country"], *rows], ReadOptions(), problems
    )
    assert table is not None
    assert [v for v in table.values["id"] if v is not None] == kept
    assert [p.location.row for p in problems.warnings if p.type == "note-row"] == notes


@pytest.mark.parametrize(
    ("mapped_by", "hint"),
    [
        ("--map", "--map 'Header=field'"),
        ("config", "a columns: entry 'Header: field' in the --config file"),
    ],
)
def test_the_no_header_hint_names_the_way_to_map_that_the_command_has(
    mapped_by: str, hint: str
) -> None:
    """`batch` has no --map: its hint names the columns: block of the settings file."""
    from ddtool.errors import ProblemList
    from ddtool.sources.interface import ReadOptions
    from ddtool.sources.table_source import table_from_rows

    problems = ProblemList()
    rows = [["Kürzel", "Staat"], ["S1", "DEU"]]
    assert table_from_rows("t.csv", None, rows, ReadOptions(mapped_by=mapped_by), problems) is None
    [problem] = problems.errors
    assert problem.type == "no-header" and f"(for others use {hint})" in problem.message
