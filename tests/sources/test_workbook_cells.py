"""What a workbook's cells hold beyond their values: percentages headed in German, French and
Spanish, merged cells and hidden rows of an OpenDocument spreadsheet, and formulas saved
with a stand-in value by a program that does not calculate."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from ddtool.errors import ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import hint_header, match_header
from ddtool.sources.table_source import _sheet_part, table_from_rows

# -- percentages of migrant workers headed in other languages ------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Migrantenanteil (%)", "migrant_pct"),
        ("Anteil Migranten (%)", "migrant_pct"),
        ("Migrantenanteil in %", "migrant_pct"),
        ("Wanderarbeiter %", "migrant_pct"),
        ("Anteil Wanderarbeitnehmer", "migrant_pct"),
        ("Ausländeranteil (%)", "migrant_pct"),
        ("part de migrants", "migrant_pct"),
        ("travailleurs migrants %", "migrant_pct"),
        ("% migrantes", "migrant_pct"),
        ("trabajadores migrantes %", "migrant_pct"),
        ("Frauenanteil (%)", "female_pct"),
        ("Anteil (%)", "share"),
        # a count of people is no percentage, and no field
        ("Anzahl Wanderarbeiter", None),
        ("Workers (%)", None),
    ],
)
def test_percentage_headers_of_other_languages_are_read(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        # a word of migrant workers is hinted as theirs, never as the supply share
        ("Migrantinnenquote (%)", "migrant_pct"),
        ("Wanderarbeiterquote in %", "migrant_pct"),
        ("Anteil Leiharbeiter (%)", "share"),
    ],
)
def test_migrant_words_in_german_compounds_hint_their_field(header: str, hint: str) -> None:
    assert hint_header(header) == hint


def _table(header: list[str], rows: list[list[Any]]) -> tuple[Any, ProblemList]:
    problems = ProblemList()
    table = table_from_rows("list.xlsx", "Lieferanten", [header, *rows], ReadOptions(), problems)
    assert table is not None
    return table, problems


def test_a_german_migrant_share_beside_the_supply_share_is_read() -> None:
    """Read as the share column's second column, "Migrantenanteil (%)" beside "Anteil (%)"
    was kept without a word: forced labour was scored without its migrant workers."""
    table, problems = _table(
        ["Lieferantennummer", "Name", "Land", "Anteil (%)", "Migrantenanteil (%)"],
        [["1001", "Penang Gloves", "MY", "60%", "90%"], ["1002", "Johor", "MY", "40%", "75%"]],
    )
    fields = [record.fields for record in table.records()]
    assert [(f["share"], f["migrant_pct"]) for f in fields] == [("60%", "90%"), ("40%", "75%")]
    assert [p.type for p in problems.items] == []


@pytest.mark.parametrize("second", ["Migrant quota (%)", "Wanderarbeiterquote (%)"])
def test_a_second_migrant_column_is_named_not_kept_silently(second: str) -> None:
    """A header hinted as a field another column holds got no warning at all."""
    _table_read, problems = _table(
        ["Supplier ID", "Name", "Migrant %", second],
        [["S1", "One", 20, 30], ["S2", "Two", 10, 15]],
    )
    assert [(p.type, p.location.column) for p in problems.items] == [("unmapped-column", second)]
    [warning] = problems.items
    assert "'Migrant %' is read as it" in warning.message


# -- OpenDocument spreadsheets: merged cells and hidden rows ---------------------------------

_ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _ods_cell(value: Any) -> str:
    """A cell of content.xml: None blank, "<covered>" covered by a merge, a dict of
    attributes with its "text", else a text or a number."""
    if value is None:
        return "<table:table-cell/>"
    if value == "<covered>":
        return "<table:covered-table-cell/>"
    attributes = ""
    if isinstance(value, dict):
        attributes = "".join(f' table:{k}="{v}"' for k, v in value.items() if k != "text")
        value = value["text"]
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}"{attributes}>'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="string"{attributes}>'
        f"<text:p>{escape(value)}</text:p></table:table-cell>"
    )


def _ods(path: Path, rows: list[list[Any]], row_attributes: dict[int, str]) -> Path:
    """A one-sheet .ods file ("Suppliers") of these rows; `row_attributes` by 1-based row."""
    body = "".join(
        f"<table:table-row{row_attributes.get(number, '')}>"
        + "".join(map(_ods_cell, row))
        + "</table:table-row>"
        for number, row in enumerate(rows, start=1)
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NAMESPACES}'
        ' office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Suppliers">{body}'
        '<table:table-row table:number-rows-repeated="1048000" table:visibility="collapse">'
        "<table:table-cell/></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"'
            ' manifest:media-type="text/xml"/></manifest:manifest>',
        )
    return path


def test_merged_cells_of_an_ods_file_are_read_in_each_row(tmp_path: Path) -> None:
    """calamine gives no merged ranges for .ods: F2 and F3 lost their country, and F3 its
    buyer (read as tier 1)."""
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Buyer ID", "Country", "Sector"],
        ["T1", "Abidjan Cocoa", None, "Côte d'Ivoire", "cocoa processing"],
        [
            "F1",
            "Coop Soubré",
            "T1",
            {"text": "Côte d'Ivoire", "number-rows-spanned": 3},
            "cocoa farming",
        ],
        ["F2", "Coop Daloa", {"text": "T1", "number-rows-spanned": 2}, "<covered>", "cocoa"],
        ["F3", "Coop Gagnoa", "<covered>", "<covered>", "cocoa farming"],
    ]
    chain, problems = read_chain([_ods(tmp_path / "merged.ods", rows, {})])
    assert [(s.id, s.country, s.buyers) for s in chain.suppliers] == [
        ("T1", "CIV", []),
        ("F1", "CIV", ["T1"]),
        ("F2", "CIV", ["T1"]),
        ("F3", "CIV", ["T1"]),
    ]
    assert [(p.type, p.location.row, p.location.column) for p in problems.items] == [
        ("merged-cells", 3, "Country"),
        ("merged-cells", 4, "Buyer ID"),
    ]


@pytest.mark.parametrize(
    ("attributes", "hidden"),
    [
        # hidden by hand, or filtered out of view (the blank rows hidden to the sheet's end,
        # repeated a million times, are none of the table)
        ({4: ' table:visibility="collapse"'}, "row 4"),
        ({3: ' table:visibility="filter"', 5: ' table:visibility="filter"'}, "rows 3, 5"),
        ({4: ' table:visibility="visible"'}, None),
        ({}, None),
    ],
)
def test_hidden_rows_of_an_ods_file_are_named(
    tmp_path: Path, attributes: dict[int, str], hidden: str | None
) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Country", "Buyer ID"]]
    rows += [[f"S{i}", "Farm", "Ghana", None] for i in range(1, 5)]
    chain, problems = read_chain([_ods(tmp_path / "hidden.ods", rows, attributes)])
    assert len(chain.suppliers) == 4
    warned = [p.message for p in problems.items if p.type == "hidden-rows"]
    if hidden is None:
        assert warned == []
    else:
        [message] = warned
        assert f"{hidden}." in message


# -- formulas saved with a stand-in value (XlsxWriter) ---------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _xlsxwriter_book(path: Path, full_calc: bool, saved: tuple[str, str] = ("0", "0")) -> Path:
    """An xlsx file as XlsxWriter writes one: each formula saved with the value 0 (or the
    share's and the percentage's `saved` values, as `<v>` text) and, with `full_calc`, the
    workbook marked to be calculated when opened."""
    header = [
        "Supplier ID",
        "Supplier name",
        "Country",
        "Share",
        "Workers",
        "Migrant workers",
        "% Migrant",
    ]
    strings = [*header, "S1", "Penang Gloves", "MY", "S2", "Johor Electronics"]

    def text(ref: str, value: str) -> str:
        return f'<c r="{ref}" t="s"><v>{strings.index(value)}</v></c>'

    head = "".join(text(f"{'ABCDEFG'[i]}1", name) for i, name in enumerate(header))
    rows = [f'<row r="1">{head}</row>']
    for number, (ident, name, workers, migrants) in enumerate(
        [("S1", "Penang Gloves", 800, 720), ("S2", "Johor Electronics", 600, 450)], start=2
    ):
        rows.append(
            f'<row r="{number}">{text(f"A{number}", ident)}{text(f"B{number}", name)}'
            f"{text(f'C{number}', 'MY')}"
            f'<c r="D{number}"><f>E{number}/SUM(E$2:E$3)</f><v>{saved[0]}</v></c>'
            f'<c r="E{number}"><v>{workers}</v></c><c r="F{number}"><v>{migrants}</v></c>'
            f'<c r="G{number}"><f>F{number}/E{number}</f><v>{saved[1]}</v></c></row>'
        )
    sheet = f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(rows)}</sheetData></worksheet>'
    calc = '<calcPr calcId="124519" fullCalcOnLoad="1"/>' if full_calc else ""
    book = (
        f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}"><sheets>'
        f'<sheet name="Suppliers" sheetId="1" r:id="rId1"/></sheets>{calc}</workbook>'
    )
    items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    package_rels = "http://schemas.openxmlformats.org/package/2006/relationships"
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{package_rels}"><Relationship Id="rId1"'
            f' Type="{kind}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{package_rels}">'
            f'<Relationship Id="rId1" Type="{kind}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{kind}/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": book,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}">{items}</sst>',
    }
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_formula_values_of_a_workbook_never_calculated_are_no_data(tmp_path: Path) -> None:
    """XlsxWriter saves every formula with the value 0 and asks for the workbook to be
    calculated when opened: '% Migrant' =F2/E2 and the share were read as 0, which lowered
    the trafficking risk; they are no data."""
    chain, problems = read_chain([_xlsxwriter_book(tmp_path / "book.xlsx", full_calc=True)])
    assert [(s.id, s.share, s.workers, s.migrant_pct) for s in chain.suppliers] == [
        ("S1", None, 800, None),
        ("S2", None, 600, None),
    ]
    found = [
        (p.type, p.location.row, p.location.column)
        for p in problems.items
        if p.type.startswith("formula")
    ]
    assert found == [
        ("formulas", None, None),
        ("formula-without-result", 2, "Share"),
        ("formula-without-result", 2, "% Migrant"),
    ]
    share, migrant = (p.message for p in problems.items if p.type == "formula-without-result")
    assert "(D2 =E2/SUM(E$2:E$3), D3 =E3/SUM(E$2:E$3))" in share
    assert "(G2 =F2/E2, G3 =F3/E3)" in migrant and "never" not in migrant
    assert "calculated when opened" in migrant


def test_formula_values_of_a_calculated_workbook_are_read(tmp_path: Path) -> None:
    """Without the mark, a value saved with a formula is its result, 0 as any other."""
    chain, problems = read_chain([_xlsxwriter_book(tmp_path / "book.xlsx", full_calc=False)])
    assert [(s.share, s.migrant_pct) for s in chain.suppliers] == [(0.0, 0.0), (0.0, 0.0)]
    assert [p.type for p in problems.items if p.type.startswith("formula")] == ["formulas"]


# (the values saved with the share's and the percentage's formulas, in a workbook marked to
# be calculated when opened -> the shares and percentages read): only when every formula's
# saved value is 0 or empty (XlsxWriter's stand-in) are they no results; any other value
# shows results were calculated and saved, and they were all read as blank
MARKED = [
    (("0", "0"), [(None, None), (None, None)]),
    (("", ""), [(None, None), (None, None)]),
    (("0.0", "0"), [(None, None), (None, None)]),
    (("0.5", "0"), [(0.5, 0.0), (0.5, 0.0)]),
    (("0", "0.9"), [(0.0, 90.0), (0.0, 90.0)]),
]


@pytest.mark.parametrize(("saved", "read"), MARKED, ids=[repr(m[0]) for m in MARKED])
def test_formula_values_of_a_marked_workbook_are_stand_ins_only_when_all_are_0(
    tmp_path: Path, saved: tuple[str, str], read: list[tuple[float | None, float | None]]
) -> None:
    book = _xlsxwriter_book(tmp_path / "book.xlsx", full_calc=True, saved=saved)
    chain, problems = read_chain([book])
    assert [(s.share, s.migrant_pct) for s in chain.suppliers] == read
    warned = [p for p in problems.items if p.type.startswith("formula")]
    if read[0] == (None, None):
        assert "every value saved with a formula is 0 or empty" in warned[0].message
        assert len(warned) == 3
    else:
        assert [p.type for p in warned] == ["formulas"]
        assert "their last saved results are read" in warned[0].message


_CELLS = '<row r="2"><c r="B2"><f>A2</f><v></v></c><c r="C2"><f>A2*2</f><v>0</v></c></row>'
_VALIDATION = (
    "<extLst><x14:dataValidations><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1</xm:f>"
    "</x14:formula1></x14:dataValidation></x14:dataValidations></extLst>"
)


@pytest.mark.parametrize(
    ("sheet", "every", "found"),
    [
        # a list's data validation (<xm:f>) in a sheet of unprefixed tags hid its formulas
        (f"<worksheet><sheetData>{_CELLS}</sheetData>{_VALIDATION}</worksheet>", False, ["B2"]),
        (
            f"<worksheet><sheetData>{_CELLS}</sheetData>{_VALIDATION}</worksheet>",
            True,
            ["B2", "C2"],
        ),
        (
            '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="2"><x:c r="B2"><x:f>A2</x:f>'
            '</x:c><x:c r="C2"><x:f>A2</x:f><x:v>0</x:v></x:c></x:row></x:sheetData>'
            "</x:worksheet>",
            True,
            ["B2", "C2"],
        ),
    ],
)
def test_formula_cells_are_found_by_the_sheets_own_tags(
    sheet: str, every: bool, found: list[str]
) -> None:
    from ddtool.sources.table_source import _formula_cells, column_letter

    cells = _formula_cells(sheet, every)
    assert [f"{column_letter(col)}{row}" for row, col, _formula in cells] == found


# (the sheet a formula is on, the "formulas" warnings: the sheets they are told at)
FORMULAS_ON = [
    ("Suppliers", ["Suppliers"]),
    ("Lists", []),  # (a sheet of choices, not read: its formulas are none of the list's)
    ("Company", ["Company"]),  # (read too: the company's name may be a formula's)
    (None, []),
]


@pytest.mark.parametrize(("where", "told"), FORMULAS_ON, ids=str)
def test_formulas_are_told_only_of_the_sheet_read(
    tmp_path: Path, where: str | None, told: list[str]
) -> None:
    from workbook_support import write_book

    sheets: dict[str, list[list[Any]]] = {
        "Suppliers": [
            ["Supplier ID", "Supplier name", "Country", "Sector"],
            ["S1", "Farm", "Ghana", "cocoa farming"],
        ],
        "Lists": [["Countries"], ["Ghana"], ["Côte d'Ivoire"]],
        "Company": [["Field", "Value"], ["Country", "Germany"]],
    }
    formula = {"Lists": ["=UPPER(A2)"], "Company": ["Name", '="Acme Foods"']}
    if where is not None:
        sheets[where].append(formula.get(where, ["S2", "=B2", "Ghana"]))
    path = write_book(tmp_path / "book.xlsx", sheets)
    _, problems = read_chain([path])
    assert [p.location.sheet for p in problems.items if p.type == "formulas"] == told


def test_formulas_are_told_where_the_sheet_s_part_is_not_found(tmp_path: Path) -> None:
    """A workbook.xml whose sheet tags quote their attributes with ' (valid XML): the part
    of the sheet read is not found by name, and its formulas are told as before."""
    from workbook_support import write_book

    sheets: dict[str, list[list[Any]]] = {
        "Suppliers": [
            ["Supplier ID", "Supplier name", "Country", "Sector"],
            ["S1", "Farm", "Ghana", "cocoa farming"],
            ["S2", "=B2", "Ghana", "cocoa farming"],
        ]
    }
    written = write_book(tmp_path / "written.xlsx", sheets)
    path = tmp_path / "book.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as package:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/workbook.xml":
                text = data.decode()
                start = text.index("<sheets>")
                end = text.index("</sheets>")
                data = (text[:start] + text[start:end].replace('"', "'") + text[end:]).encode()
            package.writestr(info, data)
    with zipfile.ZipFile(path) as package:
        assert _sheet_part(package, "Suppliers") is None
    _, problems = read_chain([path])
    assert [p.location.sheet for p in problems.items if p.type == "formulas"] == ["Suppliers"]
