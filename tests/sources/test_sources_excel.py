"""Excel reading: title rows, vendor headers, blank rows, sheet choice, kept extra columns."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.sources import ReadOptions, read_chain, read_raw

INPUT = Path(__file__).parents[1] / "assets" / "input"
VENDORS = INPUT / "vendor_list.xlsx"
TWO_SHEETS = INPUT / "two_sheets.xlsx"


def test_vendor_workbook_reads_without_map() -> None:
    chain, problems = read_chain([VENDORS])
    assert problems.items == []
    # header on row 2 below the title row; the blank row 5 is skipped but still counted
    assert [(s.id, s.location.row if s.location else None) for s in chain.suppliers] == [
        ("V-001", 3),
        ("V-002", 4),
        ("V-003", 6),
        ("V-004", 7),
    ]


def test_vendor_countries_normalise_to_iso3() -> None:
    chain, _ = read_chain([VENDORS])
    assert [(s.country_raw, s.country) for s in chain.suppliers] == [
        ("India", "IND"),
        ("IN", "IND"),
        ("IND", "IND"),
        ("Türkiye", "TUR"),
    ]


def test_vendor_columns_map_to_fields() -> None:
    chain, _ = read_chain([VENDORS])
    by_id = {s.id: s for s in chain.suppliers}
    assert by_id["V-001"].workers == 1200  # written as the text "1,200"
    assert by_id["V-002"].workers == 350
    assert by_id["V-002"].buyers == ["V-001"]
    assert by_id["V-003"].sector == "yarn-spinning"
    assert by_id["V-001"].name == "Delhi Garments"


def test_unmapped_notes_column_is_kept_in_attributes() -> None:
    chain, _ = read_chain([VENDORS])
    assert [s.attributes for s in chain.suppliers] == [
        {},
        {"Notes": "visited"},
        {},
        {"Notes": "new 2026"},
    ]


def test_cell_locations_name_sheet_and_column() -> None:
    raw = read_raw(VENDORS, ReadOptions())
    record = raw.records[0]
    assert (
        str(record.where("workers"))
        == f"{VENDORS}, sheet 'Vendors', row 3, column 'No. of Workers'"
    )


def test_supplier_sheet_is_chosen_over_a_notes_sheet() -> None:
    raw = read_raw(TWO_SHEETS, ReadOptions())
    assert raw.problems.items == []
    assert {r.location.sheet for r in raw.records} == {"Supplier list"}
    assert [r.fields["id"] for r in raw.records] == ["S1", "S2"]


def test_sheet_option_picks_the_named_sheet() -> None:
    raw = read_raw(TWO_SHEETS, ReadOptions(sheet="Notes"))
    # the notes sheet has no header row: that is reported, not guessed
    assert raw.problems.flatten(["type", "sheet"]) == [["no-header", "Notes"]]


def test_wrong_sheet_name_is_unknown_sheet_with_suggestion() -> None:
    raw = read_raw(TWO_SHEETS, ReadOptions(sheet="supplier lists"))
    assert raw.records == []
    assert raw.problems.flatten(["type", "suggestion"]) == [["unknown-sheet", "'Supplier list'"]]
    assert "Notes, Supplier list" in raw.problems.items[0].message


@pytest.mark.parametrize(
    ("sheets", "given", "suggested"),
    [
        # a name written much like a sheet's: that sheet
        (["Stammdaten 2026", "Notes"], "Notse", "Notes"),
        (["Stammdaten 2026", "Notes"], "Stammdaten2026", "Stammdaten 2026"),
        # a name like none: the sheet read without --sheet, not the one nearest by letters
        (["Stammdaten 2026", "Notes"], "Suppliers", "Stammdaten 2026"),
        (["Notes", "Lieferanten", "Archiv"], "Suppliers", "Lieferanten"),
        # the first sheet has no header: the one read instead (a "Readme" before the list)
        (["Readme", "Stammdaten 2026", "Notes"], "Lieferanten", "Stammdaten 2026"),
    ],
)
def test_an_unknown_sheet_suggests_a_near_name_or_the_sheet_read_by_default(
    tmp_path: Path, sheets: list[str], given: str, suggested: str
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name in sheets:
        sheet = book.create_sheet(name)
        if name == "Readme":
            sheet.append(["This workbook lists our suppliers"])
            continue
        sheet.append(["Supplier ID", "Supplier name", "Country"])
        sheet.append(["S1", "Foo", "GH"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    raw = read_raw(path, ReadOptions(sheet=given))
    assert raw.problems.flatten(["type", "suggestion"]) == [["unknown-sheet", f"'{suggested}'"]]


@pytest.mark.parametrize("given", ["supplier list", "SUPPLIER LIST", "Supplier List"])
def test_a_sheet_named_in_another_case_is_that_sheet(given: str) -> None:
    """A spreadsheet program tells sheet names apart without regard to case (it refuses
    "tier 2" beside "Tier 2"): --sheet "supplier list" is the sheet "Supplier list"."""
    named = read_raw(TWO_SHEETS, ReadOptions(sheet=given))
    exact = read_raw(TWO_SHEETS, ReadOptions(sheet="Supplier list"))
    assert named.records and [r.fields for r in named.records] == [r.fields for r in exact.records]
    assert "unknown-sheet" not in [p.type for p in named.problems.items]


@pytest.mark.parametrize(
    ("module", "absent"),
    [
        # the workbook reader, which `ddtool assess` starts in a thread before the engine
        # loads: its imports must not wait for the model (pydantic) and the normaliser
        ("ddtool.sources.table_source", ("ddtool.model", "ddtool.sources.normalise")),
        ("ddtool.sources.ahead", ("ddtool.model", "ddtool.sources.normalise")),
        # the command line itself (ddtool --help) loads no engine module
        ("ddtool.cli", ("ddtool.model", "ddtool.assess", "ddtool.sources.reading")),
    ],
)
def test_light_modules_import_no_engine(module: str, absent: tuple[str, ...]) -> None:
    import subprocess
    import sys

    code = f"import sys, {module}\nprint(sorted(m for m in {absent!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_sources_package_gives_its_names_on_first_use() -> None:
    import ddtool.sources as sources
    from ddtool.sources import reading

    assert sources.read_chain is reading.read_chain
    assert sources.ReadOptions is reading.ReadOptions
    assert set(sources.__all__) <= set(dir(reading))
    for name in ("reader_for", "file_sha256", *sources.__all__):
        assert getattr(sources, name) is getattr(reading, name)
        assert name in dir(sources)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = sources.nothing  # type: ignore[attr-defined]


@pytest.mark.parametrize("names", [["a"], ["a", "b"], ["a", "missing", "b"], ["missing"]])
def test_file_digests_read_each_file_once_and_give_each_its_own(
    tmp_path: Path, names: list[str]
) -> None:
    import hashlib

    from ddtool.sources.reading import file_digests

    paths = []
    for name in names:
        path = tmp_path / f"{name}.csv"
        if name != "missing":
            path.write_text(f"id,name\n{name},{name}\n", encoding="utf-8")
        paths.append(path)
    texts = [p.read_bytes() if p.exists() else None for p in paths]
    combined, each = file_digests(paths)
    assert combined == hashlib.sha256(b"".join(t for t in texts if t is not None)).hexdigest()
    own = [hashlib.sha256(t).hexdigest() if t is not None else "" for t in texts]
    assert each == ([combined] if len(paths) == 1 else own)


def _tiers_workbook(path: Path, titles: list[str]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    header = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]
    for index, title in enumerate(titles):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        assert sheet is not None
        sheet.title = title
        if title.startswith("Tier"):
            sheet.append(header)
            sheet.append([f"T{index + 1}", "Farm", "Ghana", "cocoa farming", f"T{index}"])
        else:
            sheet.append(["Supplier guidance: one row per supplier"])
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("titles", "named"),
    [
        # (sheets named by their tiers are read together: tests/sources/test_tier_sheets.py)
        (
            ["Tier 1", "Tier list 2024", "Tier list 2025"],
            ["Tier list 2024", "Tier list 2025"],
        ),
        (["Tier 1", "Supplier guidance", "Tier list"], ["Tier list"]),
        (["Tier 1", "Supplier guidance"], []),  # a sheet without a supplier header is no warning
    ],
)
def test_other_supplier_sheets_not_read_are_named(
    tmp_path: Path, titles: list[str], named: list[str]
) -> None:
    """One sheet is read per workbook: other sheets with a supplier header are not left out
    without a word."""
    path = _tiers_workbook(tmp_path / "tiers.xlsx", titles)
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["T1"]
    warned = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert [(p.severity, p.location.sheet) for p in warned] == (
        [("warning", named[0])] if named else []
    )
    assert all(f"'{name}'" in warned[0].message for name in named)
    # named explicitly, a sheet is read without the warning
    _chain, chosen = read_chain([path], ReadOptions(sheet=titles[-1]))
    assert not [p for p in chosen.items if p.type == "other-supplier-sheets"]


def test_a_sheet_chosen_by_name_without_a_header_gives_way_to_one_with(
    tmp_path: Path,
) -> None:
    """ "Supplier guidance" before "Tier 1": the error pointed to --map, not to the sheet
    that holds the suppliers."""
    path = _tiers_workbook(tmp_path / "book.xlsx", ["Supplier guidance", "Tier 1"])
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["T2"]  # (the second sheet's supplier)
    assert [(p.type, p.severity, p.location.sheet) for p in problems.items] == [
        ("other-sheet-read", "warning", "Tier 1")
    ]
    # no sheet with a header: the error stays
    only = _tiers_workbook(tmp_path / "guide.xlsx", ["Supplier guidance", "Notes"])
    _chain, refused = read_chain([only])
    assert [p.type for p in refused.errors] == ["no-header"]


def _book_with_errors(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """A workbook of these sheets, a cell whose text starts with '#' stored as an error."""
    return write_book(path, sheets, errors=True)


def test_error_values_are_named_at_their_cells_in_the_sheet_read(tmp_path: Path) -> None:
    """The warning named the file only, and counted error cells of sheets not read."""
    path = _book_with_errors(
        tmp_path / "book.xlsx",
        {
            "Lookup": [["Code", "Country"], ["#N/A", "x"]],
            "Suppliers": [
                ["Supplier ID", "Country", "Workers"],
                ["S1", "Ghana", 10],
                ["S2", "#N/A", "#DIV/0!"],
            ],
        },
    )
    chain, problems = read_chain([path])
    assert [(s.id, s.country, s.workers) for s in chain.suppliers] == [
        ("S1", "GHA", 10),
        ("S2", None, None),
    ]
    found = [
        (p.type, p.location.sheet, p.location.row, p.location.column, p.message.split(" saved")[0])
        for p in problems.items
        if p.type == "error-values"
    ]
    assert found == [
        ("error-values", "Suppliers", 3, "Country", "the cell holds the spreadsheet error #N/A"),
        ("error-values", "Suppliers", 3, "Workers", "the cell holds the spreadsheet error #DIV/0!"),
    ]


def test_many_error_values_are_named_up_to_a_limit_then_counted(tmp_path: Path) -> None:
    from ddtool.sources.table_source import MAX_ERROR_CELLS

    rows: list[list[Any]] = [["Supplier ID", "Country"]]
    rows += [[f"S{i}", "#REF!"] for i in range(MAX_ERROR_CELLS + 5)]
    path = _book_with_errors(tmp_path / "book.xlsx", {"Suppliers": rows})
    _chain, problems = read_chain([path])
    warned = [p for p in problems.items if p.type == "error-values"]
    assert len(warned) == MAX_ERROR_CELLS + 1
    assert [p.location.row for p in warned[:MAX_ERROR_CELLS]] == list(range(2, MAX_ERROR_CELLS + 2))
    assert warned[-1].message.startswith("5 more cells hold spreadsheet errors")


@pytest.mark.parametrize("kept", [100, 3000])
def test_a_workbook_cut_short_says_what_to_do(tmp_path: Path, kept: int) -> None:
    """An attachment that did not arrive whole: the message says so, not only zipfile's."""
    whole = (
        Path(__file__).resolve().parents[2] / "sample_chains" / "cocoa_suppliers.xlsx"
    ).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[:kept])
    [problem] = read_raw(cut, ReadOptions()).problems.errors
    assert problem.type == "not-a-workbook"
    assert "cut short or damaged" in problem.message and "export CSV" in problem.message


def test_a_sheet_matching_two_in_another_case_is_refused(tmp_path: Path) -> None:
    """Sheets "Tier2" and "tier2" (a spreadsheet program refuses them, a library may write
    them): "TIER2" is neither, and the message says so instead of "did you mean 'Tier2'"."""
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Tier2"
    book.create_sheet("tier2")
    for sheet in book.worksheets:
        sheet.append(["Supplier ID", "Supplier name"])
        sheet.append(["S1", sheet.title])
    made = tmp_path / "made.xlsx"
    book.save(made)
    # (the library renames a second sheet of the same name in another case: named back)
    path = tmp_path / "two.xlsx"
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                renamed = [n for n in book.sheetnames if n != "Tier2"]
                data = data.replace(f'name="{renamed[0]}"'.encode(), b'name="tier2"')
            target.writestr(item, data)
    raw = read_raw(path, ReadOptions(sheet="TIER2"))
    assert raw.records == []
    assert [(p.type, p.message) for p in raw.problems.items] == [
        (
            "unknown-sheet",
            "--sheet 'TIER2' is Tier2 and tier2 alike, written in another case: give the name"
            " as the sheet writes it",
        )
    ]
    exact = read_raw(path, ReadOptions(sheet="tier2"))
    assert [r.fields["name"] for r in exact.records] == [renamed[0]]
