"""Silent misreads of supplier tables (tester report D2–D6, D10): each is now read as the user
sees it, or reported at its place."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.errors import ProblemList
from ddtool.profiles import load_profiles
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import hint_header, match_header
from ddtool.sources.table_source import table_from_rows


def _book(path: Path, sheets: dict[str, list[list[Any]]], merged: tuple[str, ...] = ()) -> Path:
    """A workbook of these sheets; `merged` ranges are merged in the first sheet."""
    return write_book(path, sheets, merged)


def _problems(problems: ProblemList, *types: str) -> list[tuple[Any, ...]]:
    return [
        (p.type, p.severity, p.location.sheet, p.location.row, p.location.column)
        for p in problems.items
        if p.type in types
    ]


HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]


# -- D2: a second supplier sheet, whatever its name ------------------------------------------

SHEETS = [
    # (sheet names, the sheet read, the sheets named in the warning)
    # (sheets named by their tiers, "Lieferanten Stufe 1" and "Lieferanten Stufe 2", are read
    # together: tests/sources/test_tier_sheets.py)
    (["Lieferanten", "Lieferanten alt"], "Lieferanten", ["Lieferanten alt"]),
    (["Fournisseurs", "Fournisseurs 2024"], "Fournisseurs", ["Fournisseurs 2024"]),
    (["Tier 1", "Tier 2", "Tier 2 (old)"], "Tier 1", ["Tier 2", "Tier 2 (old)"]),
    # a sheet before the one chosen by its name is left out too
    (["Stufe 1", "Suppliers"], "Suppliers", ["Stufe 1"]),
    (["Lieferanten", "Hinweise", "Stufe 2", "Stufe 3"], "Lieferanten", ["Stufe 2", "Stufe 3"]),
]


@pytest.mark.parametrize(("names", "read", "named"), SHEETS, ids=lambda v: str(v))
def test_every_other_sheet_with_a_supplier_header_is_named(
    tmp_path: Path, names: list[str], read: str, named: list[str]
) -> None:
    sheets: dict[str, list[list[Any]]] = {}
    for index, name in enumerate(names):
        if name == "Hinweise":
            sheets[name] = [["Bitte eine Zeile pro Lieferant"]]
        else:
            sheets[name] = [HEADER, [f"S{index}", f"Supplier {index}", "BGD", "garment", None]]
    path = _book(tmp_path / "book.xlsx", sheets)
    chain, problems = read_chain([path])
    [supplier] = chain.suppliers
    assert supplier.location is not None and supplier.location.sheet == read
    [warning] = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert (warning.severity, warning.location.sheet) == ("warning", named[0])
    assert all(f"'{name}'" in warning.message for name in named)
    assert f"only sheet '{read}' is read" in warning.message


def test_a_sheet_without_a_supplier_header_is_no_warning(tmp_path: Path) -> None:
    sheets: dict[str, list[list[Any]]] = {
        "Lieferanten": [HEADER, ["S1", "One", "BGD", "garment", None]],
        "Länder": [["Country", "Sector"], ["BGD", "garment"]],  # (no id or name column)
        "Company": [["Field", "Value"], ["Name", "Acme"]],
    }
    _chain, problems = read_chain([_book(tmp_path / "book.xlsx", sheets)])
    assert not [p for p in problems.items if p.type == "other-supplier-sheets"]


# -- D3: German, French and Spanish headers; unknown ones told by their values ----------------

HEADERS = [
    ("Lieferant", "name"),
    ("Lieferantenname", "name"),
    ("Fournisseur", "name"),
    ("Nom du fournisseur", "name"),
    ("Proveedor", "name"),
    ("Razón social", "name"),
    ("Lieferant Nr.", "id"),
    ("Lieferantennummer", "id"),
    ("N° fournisseur", "id"),
    ("Código de proveedor", "id"),
    ("Land", "country"),
    ("Herkunftsland", "country"),
    ("Pays", "country"),
    ("Pays d'origine", "country"),
    ("País", "country"),
    ("Branche", "sector"),
    ("Sektor", "sector"),
    ("Secteur", "sector"),
    ("Secteur d'activité", "sector"),
    ("Sector", "sector"),
    ("Abnehmer", "buyers"),
    ("Kunde", "buyers"),
    ("Acheteur", "buyers"),
    ("Client", "buyers"),
    ("Comprador", "buyers"),
    ("Anteil %", "share"),
    ("Anteil", "share"),
    ("Part %", "share"),
    ("Participación", "share"),
    ("Produkte", "products"),
    ("Produits", "products"),
    ("Productos", "products"),
    ("Beschäftigte", "workers"),
    ("Mitarbeiter", "workers"),
    ("Anzahl Mitarbeiter", "workers"),
    ("Effectif", "workers"),
    ("Empleados", "workers"),
    ("Trabajadores", "workers"),
    ("Region", "region"),
    ("Région", "region"),
    ("Región", "region"),
    ("Stufe", "tier"),
    ("Niveau", "tier"),
    ("Nivel", "tier"),
    ("Frauenanteil", "female_pct"),
    ("% Femmes", "female_pct"),
    ("Anteil Migranten", "migrant_pct"),
    ("Zertifizierungen", "certifications"),
    ("Auditdatum", "audit_date"),
    ("Auditergebnis", "audit_result"),
    # words that mean another thing elsewhere stay unknown (a --map names them)
    ("Part", None),  # a part number in English
    ("Nombre", None),  # a count in French
    ("Rang", None),  # a ranking in German
    ("Kundennummer", None),  # the account a supplier gives its buyer
    ("Firmierung", None),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_common_german_french_and_spanish_headers(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        ("Abnehmer-Code", "buyers"),
        ("Kundennr. (Abnehmer)", "buyers"),
        ("Pays (ISO)", "country"),
        ("Branche / Gewerk", "sector"),
        ("Beschäftigte gesamt", "workers"),
        ("Anteil Frauen (geschätzt)", "female_pct"),
        ("Bemerkung", None),
    ],
)
def test_headers_that_look_like_a_field_get_a_hint(header: str, hint: str | None) -> None:
    assert match_header(header, {}) is None
    assert hint_header(header) == hint


@pytest.mark.parametrize(
    "header",
    [
        "Supplier ID;Supplier name;Land;Branche;Abnehmer;Anteil %",
        "Supplier ID;Fournisseur;Pays;Secteur;Client;Part %",
        "Código;Proveedor;País;Sector;Comprador;Participación",
    ],
)
def test_a_chain_with_local_headers_keeps_its_structure(tmp_path: Path, header: str) -> None:
    """The columns were kept as attributes without a word: countries, sectors, buyers and
    shares lost, and A2 read as tier 1."""
    path = tmp_path / "lieferanten.csv"
    path.write_text(
        f"{header}\nA1;Alpha;Bangladesch;garment manufacturing;;50%\n"
        "A2;Beta;Indien;yarn spinning;A1;\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert [
        (s.id, s.country, s.sector, s.buyers, s.share, s.attributes) for s in chain.suppliers
    ] == [
        ("A1", "BGD", "garment manufacturing", [], 0.5, {}),
        ("A2", "IND", "yarn spinning", ["A1"], None, {}),
    ]
    assert problems.items == []


# (the extra column's header, its values for S1, S2, S3, the field it looks like)
BY_VALUES: list[tuple[str, list[str], str | None]] = [
    ("Geht an", ["", "S1", "S2"], "buyers"),
    ("Liefert für", ["", "S1", "S1;S2"], "buyers"),
    ("Herkunftsgebiet", ["Bangladesch", "Indien", "CN"], "country"),
    ("Gewerk", ["garment manufacturing", "yarn spinning", "cotton farming"], "sector"),
    # not a field: remarks, a yes/no column ("no" reads as Norway), a copy of the ids
    ("Bemerkung", ["visit planned", "audit pending", ""], None),
    ("Geprüft", ["no", "no", "yes"], None),
    ("Alte Nummer", ["S1", "S2", "S3"], None),
]


@pytest.mark.parametrize(("header", "values", "field"), BY_VALUES)
def test_an_unknown_column_is_told_by_its_values(
    tmp_path: Path, header: str, values: list[str], field: str | None
) -> None:
    path = tmp_path / "list.csv"
    rows = [f"S{i + 1},Supplier {i + 1},{value}" for i, value in enumerate(values)]
    path.write_text(f"Supplier ID,Supplier name,{header}\n" + "\n".join(rows) + "\n", "utf-8")
    _chain, problems = read_chain([path], sectors=load_profiles([]))
    warned = [p for p in problems.items if p.type == "unmapped-column"]
    if field is None:
        assert warned == []
        return
    [warning] = warned
    assert (warning.severity, warning.location.column) == ("warning", header)
    assert warning.location.row is not None and warning.location.row >= 2
    assert f"looks like the {field} column" in warning.message
    assert warning.suggestion == f"--map '{header}={field}'"


def test_a_buyers_column_is_told_by_the_ids_of_another_file(tmp_path: Path) -> None:
    tier1, tier2 = tmp_path / "tier1.csv", tmp_path / "tier2.csv"
    tier1.write_text("Supplier ID,Supplier name,Country\nT1,Mill,BGD\n", "utf-8")
    tier2.write_text("Supplier ID,Supplier name,Country,Geht an\nT2,Farm,IND,T1\n", "utf-8")
    _chain, problems = read_chain([tier1, tier2])
    assert _problems(problems, "unmapped-column") == [
        ("unmapped-column", "warning", None, 2, "Geht an")
    ]


# -- D4: notes and totals below the table are no suppliers ----------------------------------

TABLE = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID", "Workers", "Share"]
_ = None
ROWS: list[tuple[str, list[Any], str | None]] = [
    # (case, the row below two suppliers, the problem type when it is skipped)
    ("blank", [_, _, _, _, _, _, _], None),  # (a blank row: skipped without a word)
    ("note with a colon", ["Stand: Q3/2026", _, _, _, _, _, _], "note-row"),
    ("source", ["Quelle: SAP-Export", _, _, _, _, _, _], "note-row"),
    ("long note", ["Angaben ohne Gewähr, bitte prüfen", _, _, _, _, _, _], "note-row"),
    ("sum as text", ["Summe: 2 Lieferanten", _, _, _, _, _, _], "total-row"),
    ("total", ["Total", _, _, _, _, _, _], "total-row"),
    ("total with numbers", ["Total", _, _, _, _, 500, 0.65], "total-row"),
    ("total as text numbers", ["Gesamt", _, _, _, _, "1.200", "65%"], "total-row"),
    ("total in the name column", [_, "Gesamt", _, _, _, 500, _], "total-row"),
    ("grand total", ["Grand total", _, _, _, _, 500, _], "total-row"),
    ("total général", ["Total général", _, _, _, _, 500, _], "total-row"),
    ("subtotal", ["Sub-total:", _, _, _, _, 500, _], "total-row"),
    ("spanish", ["Totales", _, _, _, _, 500, _], "total-row"),
    ("numbers alone", [_, _, _, _, _, 500, 0.65], "total-row"),
    ("note with a number", ["Stand: Q3/2026", _, _, _, _, 500, _], "total-row"),
    # suppliers, however short
    ("short id", ["T1", _, _, _, _, _, _], None),
    ("short id and workers", ["T1", _, _, _, _, 300, _], None),
    ("id that names a total", ["Total", "Total Garments Ltd", _, _, _, _, _], None),
    ("id with a colon", ["SAP:1001", _, _, _, _, _, _], None),
    ("company named Total", ["TotalEnergies", _, _, _, _, _, _], None),
    ("three words", ["Acme Trading Ltd", _, _, _, _, _, _], None),
    ("number id", [1003.0, _, _, _, _, _, _], None),
    ("total with a country", ["Total", _, "DEU", _, _, _, _], None),
    ("total with text in a number column", ["Total", _, _, _, _, "n/a", _], None),
    ("note in the name column", [_, "Hinweis: siehe oben", _, _, _, _, _], None),
]


@pytest.mark.parametrize(("case", "row", "skipped"), ROWS, ids=[r[0] for r in ROWS])
def test_a_note_or_totals_row_is_skipped_and_said_so(
    case: str, row: list[Any], skipped: str | None
) -> None:
    rows = [
        TABLE,
        ["S1", "Alpha", "BGD", "garment", _, 300, 0.4],
        ["S2", "Beta", "IND", "yarn", "S1", 200, 0.25],
        row,
    ]
    problems = ProblemList()
    table = table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    assert table is not None
    kept = 2 if skipped is not None or case == "blank" else 3
    assert table.rows == [2, 3, 4][:kept]
    found = [(p.type, p.severity, p.location.row) for p in problems.items]
    assert found == ([(skipped, "warning", 4)] if skipped else [])


def test_phantom_rows_below_a_csv_are_not_scored(tmp_path: Path) -> None:
    """Three phantom suppliers, each with three flags: the tester's trailing.csv."""
    path = tmp_path / "trailing.csv"
    path.write_text(
        "Supplier ID;Supplier name;Country;Sector;Buyer ID\n"
        "A1;Alpha;BGD;garment manufacturing;\nA2;Beta;IND;yarn spinning;A1\n"
        ";;;;\nStand: Q3/2026;;;;\nQuelle: SAP-Export;;;;\nSumme: 2 Lieferanten;;;;\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["A1", "A2"]
    assert [(p.type, p.location.row) for p in problems.items] == [
        ("note-row", 5),
        ("note-row", 6),
        ("total-row", 7),
    ]


def test_a_totals_row_does_not_enter_the_shares(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Country", "Share"],
        ["V1", "One", "BGD", 0.45],
        ["V2", "Two", "TUR", 0.55],
        [],
        ["Total", None, None, 1.0],
    ]
    chain, problems = read_chain([_book(tmp_path / "book.xlsx", {"Vendors": rows})])
    assert [s.id for s in chain.suppliers] == ["V1", "V2"]
    assert [(p.type, p.location.row) for p in problems.items] == [("total-row", 5)]
    assert "'Total' and numbers (Share 1)" in problems.items[0].message


# -- D5: merged cells in the data rows -------------------------------------------------------


def test_a_merged_cell_is_read_in_every_row_it_spans(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Liste des fournisseurs"],
        ["Supplier ID", "Supplier name", "Country", "Sector", "Workers"],
        ["1001", "Atelier Dhaka", "Bangladesh", "garment", 300],
        ["1002", "Dhaka Fabrics", None, "fabric mill", 120],
        ["1003", "Dhaka Dye", None, "dyeing", 80],
        ["1004", "Chennai Spinning", "India", "yarn spinning", 200],
        ["Note: figures from the 2025 survey"],
    ]
    merged = ("A1:E1", "C3:C5", "A7:E7")  # a title, a country, a note across the table
    path = _book(tmp_path / "merged.xlsx", {"Fournisseurs": rows}, merged)
    chain, problems = read_chain([path])
    assert [(s.id, s.country) for s in chain.suppliers] == [
        ("1001", "BGD"),
        ("1002", "BGD"),
        ("1003", "BGD"),
        ("1004", "IND"),
    ]
    assert _problems(problems, "merged-cells", "note-row") == [
        ("merged-cells", "warning", "Fournisseurs", 3, "Country"),
        ("note-row", "warning", "Fournisseurs", 7, None),
    ]
    [merge] = [p for p in problems.items if p.type == "merged-cells"]
    assert "C3:C5" in merge.message and "'Bangladesh'" in merge.message


def test_many_merged_ranges_are_named_up_to_a_limit(tmp_path: Path) -> None:
    from ddtool.sources.table_source import MAX_MERGED_RANGES

    count = MAX_MERGED_RANGES + 3
    rows: list[list[Any]] = [["Supplier ID", "Country"]]
    for index in range(count):
        rows += [[f"S{index}a", "Ghana"], [f"S{index}b", None]]
    ranges = tuple(f"B{2 + 2 * i}:B{3 + 2 * i}" for i in range(count))
    chain, problems = read_chain([_book(tmp_path / "book.xlsx", {"Suppliers": rows}, ranges)])
    assert {s.country for s in chain.suppliers} == {"GHA"}
    warned = [p for p in problems.items if p.type == "merged-cells"]
    assert len(warned) == MAX_MERGED_RANGES + 1
    assert warned[-1].message.startswith("3 more merged ranges")


# -- D6: formulas never calculated ------------------------------------------------------------


def _with_results(path: Path, results: dict[str, str]) -> Path:
    """Give formula cells a saved text result, as a spreadsheet program does ('' for an
    empty text), in the workbook's XML; and drop the mark asking for the workbook to be
    calculated when opened, as a spreadsheet program saving it does."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b' fullCalcOnLoad="1"', b"")
    text = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, result in results.items():
        text = re.sub(
            rf'<c r="{ref}"([^>]*)><f>([^<]*)</f><v ?/></c>',
            rf'<c r="{ref}"\1 t="str"><f>\2</f><v>{result}</v></c>',
            text,
        )
    parts["xl/worksheets/sheet1.xml"] = text.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_formulas_without_a_result_are_named_at_their_cells(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Country", "Buyer ID", "Region"],
        ["S1", "Alpha Garments", "BGD", None, "Dhaka"],
        ["S2", "=B2", "BGD", "=A2", "=E2"],
        ["S3", "=B2", "IND", "=A3", "Tiruppur"],
        ["S4", "Kept", "IND", "=A3", "=E2"],
    ]
    path = _with_results(_book(tmp_path / "book.xlsx", {"Suppliers": rows}), {"D5": "S3", "E5": ""})
    chain, problems = read_chain([path])
    assert [s.buyers for s in chain.suppliers] == [[], [], [], ["S3"]]
    assert _problems(problems, "formula-without-result") == [
        ("formula-without-result", "warning", "Suppliers", 3, "Supplier name"),
        ("formula-without-result", "error", "Suppliers", 3, "Buyer ID"),
        ("formula-without-result", "error", "Suppliers", 4, "Buyer ID"),
        ("formula-without-result", "warning", "Suppliers", 3, "Region"),
    ]
    names, first, _second, region = [
        p.message for p in problems.items if p.type == "formula-without-result"
    ]
    assert "2 cells hold formulas with no saved result (B3 =B2, B4 =B2)" in names
    assert "(D3 =A2)" in first and "buyers" in first
    assert "1 cell holds a formula with no saved result (E3 =E2)" in region  # (E5 saved '')


def test_many_formulas_without_a_result_are_listed_up_to_a_limit(tmp_path: Path) -> None:
    from ddtool.sources.table_source import MAX_FORMULA_CELLS

    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Region"]]
    rows += [[f"S{i}", f"Farm {i}", "=B2"] for i in range(MAX_FORMULA_CELLS + 4)]
    _chain, problems = read_chain([_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    [warning] = [p for p in problems.items if p.type == "formula-without-result"]
    assert warning.severity == "warning" and "+4 more" in warning.message


def test_saved_formula_results_are_no_problem(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Buyer ID"],
        ["S1", "Alpha", None],
        ["S2", "Beta", "=A2"],
    ]
    path = _with_results(_book(tmp_path / "book.xlsx", {"Suppliers": rows}), {"C3": "S1"})
    chain, problems = read_chain([path])
    assert [s.buyers for s in chain.suppliers] == [[], ["S1"]]
    assert [p.type for p in problems.items] == ["formulas"]


# -- D10: a worker count with a dot grouping thousands, in YAML ------------------------------


@pytest.mark.parametrize(
    ("written", "workers", "problem"),
    [
        ("workers: 1.200", 1200, None),
        ("workers: 12.500", 12500, None),
        ("workers: 1200", 1200, None),
        ("workers: 1.5", None, "expected a whole number, got '1.5'"),
        ("workers: 1.2", None, "expected a whole number, got '1.2'"),
    ],
)
def test_a_yaml_worker_count_is_read_as_written(
    tmp_path: Path, written: str, workers: int | None, problem: str | None
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(f"suppliers:\n  - id: S1\n    share: 0.600\n    {written}\n", "utf-8")
    chain, problems = read_chain([path])
    [supplier] = chain.suppliers
    assert (supplier.workers, supplier.share) == (workers, 0.6)
    assert [p.message for p in problems.items] == ([f"workers: {problem}"] if problem else [])


def test_a_yaml_id_with_a_grouping_dot_keeps_its_zeros(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text("suppliers:\n  - {id: 1.200, name: A}\n  - {id: 2.5, name: B}\n", "utf-8")
    chain, _problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["1.200", "2.5"]


# -- a share written as a percentage without its sign -----------------------------------------


@pytest.mark.parametrize(
    ("share", "message"),
    [
        ("60", "share 60 must be between 0 and 1 (write 60% or 0.6)"),
        ("12.5", "share 12.5 must be between 0 and 1 (write 12.5% or 0.125)"),
        ("160", "share 160 must be between 0 and 1"),  # no percentage either
        ("160%", "share 160 % must be between 0 % and 100 %"),
    ],
)
def test_a_share_out_of_range_says_how_to_write_it(
    tmp_path: Path, share: str, message: str
) -> None:
    path = tmp_path / "shares.csv"
    path.write_text(
        # (a header that says percent reads 60 as 60 %: tests/sources/test_procurement_exports)
        "Supplier ID,Supplier name,Country,Sector,Share\n"
        f"A1,Alpha,BGD,garment manufacturing,{share}\n",
        "utf-8",
    )
    _, problems = read_chain([path], ReadOptions(), load_profiles(()))
    found = [p.message for p in problems.items if p.type == "out-of-range"]
    assert found == [message]


# -- review: a name alone stays a supplier, whatever its words (H1) ---------------------------

NAME_FIRST = ["Supplier name", "Supplier ID", "Country", "Sector", "Buyer ID", "Workers", "Share"]
NAME_ROWS: list[tuple[str, list[Any], str | None]] = [
    # (case, the row below two suppliers of a table whose first column is the name, the
    # problem type when it is skipped)
    ("four-word name", ["Cooperative Agricole du Nord Soubre", _, _, _, _, 350, _], None),
    ("name starting with Total", ["Total Nigeria Plc", _, _, _, _, 120, _], None),
    ("name starting with Sum", ["Sum Agro Ltd", _, _, _, _, _, _], None),
    # review 2: labels a name never is, in the first column
    ("name with a colon", ["Stand: Q3/2026", _, _, _, _, _, _], "note-row"),
    ("total with a count", ["Total: 2 suppliers", _, _, _, _, 470, _], "total-row"),
    ("total with a year", ["Total 2026", _, _, _, _, 470, _], "total-row"),
    ("sum of Lieferanten", ["Summe 2 Lieferanten", _, _, _, _, 470, _], "total-row"),
    ("note with a date", ["Source: ERP export 2026-03-01", _, _, _, _, _, _], "note-row"),
    ("note of words and a date", ["Quelle SAP Export 01.03.2026", _, _, _, _, _, _], "note-row"),
    ("total word and a name", ["Total Nigeria 2026", _, _, _, _, 120, _], None),
    ("four words without a date", ["Ferme Agricole du Nord", _, _, _, _, _, _], None),
    ("total in the id column", [_, "Total", _, _, _, 470, _], "total-row"),
    ("bare total in the name column", ["Zwischensumme", _, _, _, _, 470, _], "total-row"),
    ("grand total in the name column", ["Grand total", _, _, _, _, 470, _], "total-row"),
    ("numbers alone", [_, _, _, _, _, 470, 0.65], "total-row"),
]


@pytest.mark.parametrize(("case", "row", "skipped"), NAME_ROWS, ids=[r[0] for r in NAME_ROWS])
def test_a_name_alone_stays_a_supplier(case: str, row: list[Any], skipped: str | None) -> None:
    rows = [
        NAME_FIRST,
        ["Alpha", "S1", "BGD", "garment", _, 300, 0.4],
        ["Beta", "S2", "IND", "yarn", "S1", 200, 0.25],
        row,
    ]
    problems = ProblemList()
    table = table_from_rows("t.csv", None, rows, ReadOptions(), problems)
    assert table is not None
    assert table.rows == ([2, 3] if skipped else [2, 3, 4])
    assert [(p.type, p.location.row) for p in problems.items] == ([(skipped, 4)] if skipped else [])


def test_labels_below_a_name_first_table_are_skipped(tmp_path: Path) -> None:
    """The reviewer's e_namefirst.csv: two missing-id errors, where both are labels."""
    path = tmp_path / "e_namefirst.csv"
    path.write_text(
        "Supplier name,Supplier ID,Country,Sector,Workers\n"
        "Acme Tea,S1,Kenya,tea farming,120\nBeta Tea,S2,Kenya,tea farming,80\n"
        "Total: 2 suppliers,,,,200\nSource: ERP export 2026-03-01,,,,\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1", "S2"]
    assert [(p.type, p.severity, p.location.row) for p in problems.items] == [
        ("total-row", "warning", 4),
        ("note-row", "warning", 5),
    ]


def test_suppliers_without_an_id_are_missing_id_errors(tmp_path: Path) -> None:
    """The reviewer's notes1.csv: three total-row warnings and exit 0, where each is a
    supplier whose id is missing."""
    path = tmp_path / "notes1.csv"
    path.write_text(
        "Supplier name;Supplier ID;Country;Sector;Buyer ID;Workers\n"
        "Dhaka Knit Ltd;S1;BD;garment manufacturing;;500\n"
        "Cooperative Agricole du Nord Soubre;;;;;350\n"
        "Total Nigeria Plc;;;;;120\n"
        "Sum Agro Ltd;;;;;\n",
        "utf-8",
    )
    _chain, problems = read_chain([path])
    assert [(p.type, p.severity, p.location.row) for p in problems.items] == [
        ("missing-id", "error", 3),
        ("missing-id", "error", 4),
        ("missing-id", "error", 5),
    ]


# -- review: a town and a province column are read together (H3) ----------------------------

REGIONS: list[tuple[str, str, str, str]] = [
    # (the two region headers, their values, the region read)
    ("Provincia;Ciudad", "Huila;Pitalito", "Pitalito, Huila", "'Ciudad' (D) and 'Provincia' (C)"),
    ("Département;Ville", "Nawa;Soubré", "Soubré, Nawa", "'Ville' (D) and 'Département' (C)"),
    ("Stadt;Bundesland", "München;Bayern", "München, Bayern", "'Stadt' (C) and 'Bundesland' (D)"),
    ("Region;Province", "Centre;Ouest", "Centre, Ouest", "'Region' (C) and 'Province' (D)"),
    ("Provincia;Ciudad", "Huila;", "Huila", "'Ciudad' (D) and 'Provincia' (C)"),
    ("Provincia;Ciudad", "Madrid;Madrid", "Madrid", "'Ciudad' (D) and 'Provincia' (C)"),
    # review 2: a town written with its province
    (
        "Ciudad;Provincia",
        "Pitalito, Huila;Huila",
        "Pitalito, Huila",
        "'Ciudad' (C) and 'Provincia' (D)",
    ),
    (
        "Ciudad;Provincia",
        "Pitalito,huila;HUILA",
        "Pitalito,huila",
        "'Ciudad' (C) and 'Provincia' (D)",
    ),
    (
        "Ciudad;Provincia",
        "Huila Norte;Huila",
        "Huila Norte, Huila",
        "'Ciudad' (C) and 'Provincia' (D)",
    ),
    # two columns of the same rank, the later holding the earlier: written once
    (
        "Region;Province",
        "Huila;Pitalito, Huila",
        "Pitalito, Huila",
        "'Region' (C) and 'Province' (D)",
    ),
    # ... and holding part of it: the places not yet written are added
    (
        "Region;Province",
        "Huila, Colombia;Pitalito, Huila",
        "Huila, Colombia, Pitalito",
        "'Region' (C) and 'Province' (D)",
    ),
    # a town or village is a region, finer than a province
    ("Region;Town", "Huila;Pitalito", "Pitalito, Huila", "'Town' (D) and 'Region' (C)"),
    ("Provinz;Dorf", "Huila;Pitalito", "Pitalito, Huila", "'Dorf' (D) and 'Provinz' (C)"),
    ("Village;Locality", "Bonon;Bonon", "Bonon", "'Village' (C) and 'Locality' (D)"),
]


@pytest.mark.parametrize(("headers", "values", "region", "named"), REGIONS)
def test_two_region_columns_are_read_together(
    tmp_path: Path, headers: str, values: str, region: str, named: str
) -> None:
    path = tmp_path / "regions.csv"
    path.write_text(f"Supplier ID;Supplier name;{headers}\nS1;Alpha;{values}\n", "utf-8")
    chain, problems = read_chain([path])
    [supplier] = chain.suppliers
    assert (supplier.region, supplier.attributes) == (region, {})
    [warning] = problems.items
    assert (warning.type, warning.severity) == ("duplicate-column", "warning")
    assert f"columns {named} both hold the region" in warning.message


def test_regions_are_joined_once_per_distinct_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    from ddtool.sources import table_source

    calls: list[Any] = []

    def shown(value: Any) -> str:
        calls.append(value)
        return str(value)

    monkeypatch.setattr(table_source, "_shown", shown)
    towns = ["Pitalito", "Garzón", None] * 10_000
    joined = table_source._joined_regions([towns, ["Huila"] * len(towns)], [0, 1])
    assert joined[:3] == ["Pitalito, Huila", "Garzón, Huila", "Huila"]
    assert len(joined) == len(towns) and len(calls) == 5


# -- review: "Salaries", "Nom" and the company words (H4) ------------------------------------

NAME_HEADERS = [
    ("Salaries", None),  # English: pay, not the workers (French "salariés" without accent)
    ("Salariés", None),
    ("Nombre de salariés", "workers"),
    ("Nom", "name"),  # (review 2: restored; beside "Société" a contact's, see NAMES)
    ("Société", "name"),
    ("Raison sociale", "name"),
    ("Entreprise", "name"),
    ("Firma", "name"),
    ("Unternehmen", "name"),
    ("Empresa", "name"),
    ("Razón social", "name"),
    ("Name", "name"),
]


@pytest.mark.parametrize(("header", "field"), NAME_HEADERS)
def test_headers_that_collide_with_another_language(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        ("Salaries", None),
        ("Salaries (USD)", None),
        ("Nombre de salariés (ETP)", "workers"),
        ("Kundennummer", None),  # left out on purpose: no --map suggested either
        ("Kundennr.", None),
        ("Code client", None),
        ("N° client", None),
    ],
)
def test_headers_left_out_on_purpose_get_no_hint(header: str, hint: str | None) -> None:
    assert match_header(header, {}) is None
    assert hint_header(header) == hint


# (the header, a row, the --map given, the supplier's name, its attributes, the warnings)
NAMES: list[tuple[str, str, list[str], str, dict[str, str], list[str]]] = [
    (
        "Code fournisseur;Société;Pays;Nom;Prénom",
        "F1;Filature du Nord SA;IND;Dupont;Marie",
        [],
        "Filature du Nord SA",
        {"Nom": "Dupont", "Prénom": "Marie"},
        ["duplicate-column"],
    ),
    (  # review 2: a bare "Nom" is the name ...
        "Code;Nom;Pays;Secteur",
        "F1;Cafe Huila;Colombie;coffee farming",
        [],
        "Cafe Huila",
        {},
        [],
    ),
    (  # ... and a bare company word beside the supplier's column is the group's
        "Lieferant;Unternehmen;Land;Branche;Lieferantennummer",
        "Kaffee Huila;Konzern AG;Kolumbien;coffee farming;L1",
        [],
        "Kaffee Huila",
        {"Unternehmen": "Konzern AG"},
        ["duplicate-column"],
    ),
    (
        "Fournisseur;Société;Pays;Secteur;ID",
        "Cafe Huila;Groupe Un SA;Colombie;coffee farming;F1",
        [],
        "Cafe Huila",
        {"Société": "Groupe Un SA"},
        ["duplicate-column"],
    ),
    (
        "ID;Empresa;Proveedor;País;Sector",
        "P1;Grupo Uno SA;Cafe Huila;Colombia;coffee farming",
        [],
        "Cafe Huila",
        {"Empresa": "Grupo Uno SA"},
        ["duplicate-column"],
    ),
    (  # the choice the warning names is read
        "ID;Empresa;Proveedor;País;Sector",
        "P1;Grupo Uno SA;Cafe Huila;Colombia;coffee farming",
        ["Empresa=name"],
        "Grupo Uno SA",
        {"Proveedor": "Cafe Huila"},
        [],
    ),
    (  # three: the supplier's column, then the company word, then the contact's
        "Lieferantennummer;Name;Firma;Lieferant",
        "L1;Schmidt;Konzern AG;Textil GmbH",
        [],
        "Textil GmbH",
        {"Name": "Schmidt", "Firma": "Konzern AG"},
        ["duplicate-column"],
    ),
    (
        "Lieferantennummer;Firma;Name;Vorname",
        "L1;Müller GmbH;Schmidt;Anna",
        [],
        "Müller GmbH",
        {"Name": "Schmidt", "Vorname": "Anna"},
        ["duplicate-column"],
    ),
    (
        "Supplier ID;Supplier name;Name",
        "S1;Acme Ltd;J. Smith",
        [],
        "Acme Ltd",
        {"Name": "J. Smith"},
        ["duplicate-column"],
    ),
    (  # the user's choice is read, the other column kept
        "Lieferantennummer;Firma;Name",
        "L1;Müller GmbH;Müller Textil",
        ["Name=name"],
        "Müller Textil",
        {"Firma": "Müller GmbH"},
        [],
    ),
]


@pytest.mark.parametrize(("header", "row", "maps", "name", "attributes", "warned"), NAMES)
def test_the_company_word_is_the_name(
    tmp_path: Path,
    header: str,
    row: str,
    maps: list[str],
    name: str,
    attributes: dict[str, str],
    warned: list[str],
) -> None:
    from ddtool.sources.columns import parse_column_map

    path = tmp_path / "contacts.csv"
    path.write_text(f"{header}\n{row}\n", "utf-8")
    chain, problems = read_chain([path], ReadOptions(column_map=parse_column_map(maps)))
    [supplier] = chain.suppliers
    assert (supplier.name, supplier.attributes) == (name, attributes)
    assert [(p.type, p.severity) for p in problems.items] == [(t, "warning") for t in warned]
    if warned:  # the hint names a column kept, and reads it (the "Empresa=name" case)
        other = next(iter(attributes))
        assert f"to read '{other}' as the name, use --map '{other}=name'" in (
            problems.items[0].message
        )


def test_two_columns_of_one_field_say_how_to_choose(tmp_path: Path) -> None:
    path = tmp_path / "goods.csv"
    path.write_text(
        "Lieferantennummer;Lieferant;Land;Warengruppe;Artikel\n"
        "L1;Textil GmbH;BD;Bekleidung;T-Shirts\n",
        "utf-8",
    )
    _chain, problems = read_chain([path], sectors=load_profiles([]))
    [error] = problems.items  # (no hint of 'Artikel' as a sector column)
    assert (error.type, error.severity) == ("duplicate-column", "error")
    assert "--map 'Artikel=products' reads 'Artikel'" in error.message
    chain, problems = read_chain(
        [path], ReadOptions(column_map={"Artikel": "products"}), load_profiles([])
    )
    assert [(s.products, s.attributes) for s in chain.suppliers] == [
        (["T-Shirts"], {"Warengruppe": "Bekleidung"})
    ]
    assert problems.items == []


# -- review: columns told by their values, rightly (M4) --------------------------------------

MORE_BY_VALUES: list[tuple[str, list[str], str | None]] = [
    ("Language", ["DE", "FR", "ES"], None),
    ("Sprache", ["DE", "FR", "IT"], None),
    ("Langue", ["FR", "ES", "PT"], None),
    ("Sortiment", ["t-shirts", "cotton", "cocoa"], "products"),
    ("Rohware", ["cotton", "cocoa", "coffee"], "products"),
    ("Gewerk", ["garment manufacturing", "yarn spinning", "cotton farming"], "sector"),
]


@pytest.mark.parametrize(("header", "values", "field"), MORE_BY_VALUES)
def test_languages_and_goods_are_not_countries_and_sectors(
    tmp_path: Path, header: str, values: list[str], field: str | None
) -> None:
    test_an_unknown_column_is_told_by_its_values(tmp_path, header, values, field)


# -- review: sheets (M1, M2) -----------------------------------------------------------------

ORDERS = [
    ["Bestellnr", "Lieferant", "Land", "Artikel", "Menge"],
    ["B-1", "Coop", "CIV", "cocoa", 5],
]
SUPPLIERS = [["Lieferantennummer", "Lieferant", "Land"], ["L1", "Kakao Handel", "DE"]]


@pytest.mark.parametrize(
    ("names", "read"),
    [
        (["Bestellungen", "Lieferanten"], "Lieferanten"),
        (["Commandes", "Fournisseurs"], "Fournisseurs"),
        (["Pedidos", "Proveedores"], "Proveedores"),
        (["Lieferanten", "Bestellungen"], "Lieferanten"),
    ],
)
def test_the_supplier_sheet_by_its_name_and_an_orders_sheet_is_none(
    tmp_path: Path, names: list[str], read: str
) -> None:
    sheets = {name: SUPPLIERS if name == read else ORDERS for name in names}
    chain, problems = read_chain([_book(tmp_path / "book.xlsx", sheets)])
    assert [(s.id, s.location.sheet if s.location else None) for s in chain.suppliers] == [
        ("L1", read)
    ]
    assert problems.items == []  # (the orders sheet has no id column: not a supplier sheet)


def test_other_sheets_are_looked_at_in_their_first_rows_only(tmp_path: Path) -> None:
    """calamine parses a whole sheet (0.6 s for 10^5 order rows) to give its first 30."""
    from ddtool.sources.table_source import _supplier_header, _xlsx_head

    rows: list[list[Any]] = [["Title"], [], HEADER]
    rows += [[f"S{i}", f"Supplier {i}", "BGD", "garment", None] for i in range(40)]
    path = _book(tmp_path / "book.xlsx", {"Suppliers": [["x"]], "Stufe 2": rows})
    head = _xlsx_head(path, "Stufe 2", 30)
    assert head is not None and len(head) == 30
    assert head[2] == HEADER and head[29][:3] == ["S26", "Supplier 26", "BGD"]

    class NoParse:
        def get_sheet_by_name(self, name: str) -> Any:
            raise AssertionError("the whole sheet was parsed")

    fields = _supplier_header(NoParse(), path, "Stufe 2", ReadOptions())  # type: ignore[arg-type]
    assert fields == {"id", "name", "country", "sector", "buyers"}


# -- review: formulas without a result, capped; a table of formulas only (M5) ---------------


def test_formula_errors_are_named_up_to_a_limit(tmp_path: Path) -> None:
    from ddtool.sources.table_source import MAX_ERROR_CELLS

    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Buyer ID"], ["S0", "Root", None]]
    rows += [[f"S{i}", f"Farm {i}", f"=A{i + 1}"] for i in range(1, MAX_ERROR_CELLS + 11)]
    _chain, problems = read_chain([_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    found = [p for p in problems.items if p.type == "formula-without-result"]
    assert [p.severity for p in found] == ["error"] * (MAX_ERROR_CELLS + 1)
    assert found[-1].message.startswith("+10 more cells of this column hold formulas")
    assert found[-1].location.row == MAX_ERROR_CELLS + 3


def test_a_table_of_formulas_only_names_them(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Supplier ID", "Supplier name", "Country"]]
    rows += [[f'="S"&{i}', f'="Farm "&{i}', '="BD"'] for i in range(1, 4)]
    _chain, problems = read_chain([_book(tmp_path / "book.xlsx", {"Suppliers": rows})])
    assert _problems(problems, "formula-without-result") == [
        ("formula-without-result", "error", "Suppliers", 2, "Supplier ID"),
        ("formula-without-result", "error", "Suppliers", 3, "Supplier ID"),
        ("formula-without-result", "error", "Suppliers", 4, "Supplier ID"),
        ("formula-without-result", "warning", "Suppliers", 2, "Supplier name"),
        ("formula-without-result", "warning", "Suppliers", 2, "Country"),
    ]


# -- review: merged cells fill supplier rows only (M7) ---------------------------------------


def test_a_merged_range_skips_blank_and_totals_rows(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Country", "Buyer ID", "Workers"],
        ["P1", "Proc", "CIV", None, 100],
        ["F1", "Farm 1", "CIV", "P1", 10],
        ["F2", "Farm 2", "CIV", None, 20],
        [],
        ["F3", "Farm 3", "CIV", None, 5],
        [None, "Zwischensumme", None, None, 35],
        ["F4", "Farm 4", "GHA", None, 5],
    ]
    path = _book(tmp_path / "book.xlsx", {"Suppliers": rows}, ("D3:D7",))
    chain, problems = read_chain([path])
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        ("P1", []),
        ("F1", ["P1"]),
        ("F2", ["P1"]),
        ("F3", ["P1"]),
        ("F4", []),
    ]
    assert _problems(problems, "merged-cells", "total-row", "missing-id") == [
        ("merged-cells", "warning", "Suppliers", 3, "Buyer ID"),
        ("total-row", "warning", "Suppliers", 7, None),
    ]
    assert "read in rows 3–4 and 6," in problems.items[0].message


def test_a_range_merged_to_the_sheet_end_names_the_rows_read(tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Supplier ID", "Supplier name", "Country"],
        ["S1", "A", "BD"],
        ["S2", "B", None],
    ]
    path = _book(tmp_path / "book.xlsx", {"Suppliers": rows}, ("C2:C1048576",))
    chain, problems = read_chain([path])
    assert [s.country for s in chain.suppliers] == ["BGD", "BGD"]
    [warning] = problems.items
    assert "read in each of rows 2–3," in warning.message


# -- review 2: shared strings found by the workbook's relationships ---------------------------


def _shared_strings(path: Path, part: str, related: bool = True) -> Path:
    """The workbook with its texts moved to a shared strings part of this name, as other
    writers name it ("SharedStrings.xml"); `related` False leaves the part unnamed."""
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    texts: list[str] = []

    def shared(match: re.Match[str]) -> str:
        texts.append(match.group(2))
        return f'<c{match.group(1)} t="s"><v>{len(texts) - 1}</v></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode()
        parts[name] = re.sub(r'<c([^>]*?) t="inlineStr"><is>(.*?)</is></c>', shared, xml).encode()
    assert texts  # (openpyxl writes inline strings)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    parts[f"xl/{part}"] = (
        f'<sst xmlns="{main}">' + "".join(f"<si>{t}</si>" for t in texts) + "</sst>"
    ).encode()
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
    if related:
        rels = parts["xl/_rels/workbook.xml.rels"].decode()
        link = f'<Relationship Type="{kind}" Target="{part}" Id="rId99"/>'
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(
            "</Relationships>", link + "</Relationships>"
        ).encode()
    types = parts["[Content_Types].xml"].decode()
    ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    override = f'<Override PartName="/xl/{part}" ContentType="{ctype}"/>'
    parts["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_shared_strings_of_another_part_name_are_read(tmp_path: Path) -> None:
    """The reviewer's fb_SS.xlsx: the sheet named Suppliers holds a note, the table is on
    "Data"; its texts are in xl/SharedStrings.xml."""
    path = _book(
        tmp_path / "fb.xlsx",
        {
            "Suppliers": [["Please fill in the sheet Data"]],
            "Data": [HEADER, ["D1", "Acme Data", "Kenya", "tea farming", None]],
        },
    )
    chain, _problems = read_chain([_shared_strings(path, "SharedStrings.xml")])
    assert [(s.id, s.name) for s in chain.suppliers] == [("D1", "Acme Data")]


def test_a_second_sheet_is_named_with_shared_strings_of_another_name(tmp_path: Path) -> None:
    """The reviewer's two_SS.xlsx."""
    row = ["T1", "Acme", "Kenya", "tea farming", None]
    path = _book(tmp_path / "two.xlsx", {"Suppliers": [HEADER, row], "Tier 2": [HEADER, row]})
    _chain, problems = read_chain([_shared_strings(path, "SharedStrings.xml")])
    assert any("'Tier 2'" in p.message for p in problems.items)


def test_shared_strings_without_their_part_leave_the_sheet_to_calamine(tmp_path: Path) -> None:
    from ddtool.sources.table_source import _xlsx_head

    path = _book(tmp_path / "book.xlsx", {"Suppliers": [HEADER]})
    found = _xlsx_head(_shared_strings(path, "strings/sst1.xml"), "Suppliers", 5)
    assert found == [HEADER]
    path = _book(tmp_path / "lost.xlsx", {"Suppliers": [HEADER]})
    assert _xlsx_head(_shared_strings(path, "sst.xml", related=False), "Suppliers", 5) is None


def test_a_sheet_calamine_cannot_read_is_read_with_openpyxl(tmp_path: Path) -> None:
    """Shared strings in a part calamine does not find ("Cell string index not found in
    shared strings table"): the sheet is read the slow way, with the same values."""
    rows = [HEADER, ["T1", "Acme", "Kenya", "tea farming", None], ["T2", "Beta", "KE", None, "T1"]]
    path = _book(tmp_path / "book.xlsx", {"Suppliers": rows})
    chain, problems = read_chain([_shared_strings(path, "strings/sst1.xml")])
    assert problems.errors == []
    assert [(s.id, s.name, s.country, s.sector, s.buyers) for s in chain.suppliers] == [
        ("T1", "Acme", "KEN", "tea farming", []),
        ("T2", "Beta", "KEN", None, ["T1"]),
    ]


def test_openpyxl_values_are_given_as_calamine_gives_them() -> None:
    from ddtool.sources.table_source import _as_calamine

    cases = [
        (None, ""),
        (7, 7.0),
        (True, True),
        (0.5, 0.5),
        ("x", "x"),
        (dt.datetime(2025, 1, 2), dt.date(2025, 1, 2)),
        (dt.datetime(2025, 1, 2, 3, 4), dt.datetime(2025, 1, 2, 3, 4)),
    ]
    assert [(_as_calamine(a), type(_as_calamine(a))) for a, _ in cases] == [
        (b, type(b)) for _, b in cases
    ]


@pytest.mark.parametrize(
    ("sheet_xml", "says"),
    [
        (
            b"<worksheet><sheetData><row>",  # cut off
            "cannot read sheet 'Suppliers': its XML is damaged or cut short (the reader said:",
        ),
        (
            None,  # the part is missing
            "cannot read sheet 'Suppliers': the workbook lists it, but the part holding its"
            " cells is missing; save it again from your spreadsheet program, or export CSV",
        ),
    ],
)
def test_a_sheet_neither_reader_can_read_is_not_a_workbook(
    tmp_path: Path, sheet_xml: bytes | None, says: str
) -> None:
    path = _book(tmp_path / "book.xlsx", {"Suppliers": [HEADER, ["T1", "Acme", "Kenya"]]})
    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    if sheet_xml is None:
        del parts["xl/worksheets/sheet1.xml"]
    else:
        parts["xl/worksheets/sheet1.xml"] = sheet_xml
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    _chain, problems = read_chain([path])
    assert [(p.type, p.severity) for p in problems.items] == [("not-a-workbook", "error")]
    assert problems.items[0].message.startswith(says), problems.items[0].message


def test_a_supplier_sheet_by_its_name_is_named_without_an_id_column(tmp_path: Path) -> None:
    """Review 2: "Tier 2" with names only is left out as well."""
    sheets: dict[str, list[list[Any]]] = {
        "Tier 1": [HEADER, ["T1", "Acme", "Kenya", "tea farming", None]],
        "Tier 2": [["Supplier name", "Country", "Sector"], ["Farm", "Kenya", "tea farming"]],
        # (an orders sheet, not by its name: not named)
        "Orders": [["Bestellnr", "Lieferant", "Land", "Artikel"], ["B1", "Farm", "KE", "Tee"]],
    }
    _chain, problems = read_chain([_book(tmp_path / "book.xlsx", sheets)])
    assert [(p.type, p.location.sheet) for p in problems.items] == [
        ("other-supplier-sheets", "Tier 2")
    ]
    assert "'Orders'" not in problems.items[0].message


# -- workbooks whose name and content disagree --------------------------------------------


def _renamed(tmp_path: Path, name: str, content: bytes | None) -> Path:
    path = tmp_path / name
    if content is None:  # a real workbook saved with this name
        path.write_bytes(
            _book(
                tmp_path / "real.xlsx", {"Suppliers": [HEADER, ["A1", "Acme", "Kenya"]]}
            ).read_bytes()
        )
    else:
        path.write_bytes(content)
    return path


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in files.items():
            package.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        (
            "page.xls",
            b"<html><body><table><tr><td>ID</td></tr></table></body></html>",
            "a web page (HTML)",
        ),
        ("export.xls", b'<?xml version="1.0"?><Workbook/>', "an XML file"),
        ("notes.xls", b"Notes of the meeting\nno table here\n", "text or another format"),
        ("archive.xlsx", _zip({"hello.txt": "hi"}), "a zip archive, not a workbook"),
        (
            "archive.xls",
            _zip({"a.txt": "1", "b.txt": "2", "c.txt": "3", "d.txt": "4"}),
            "(a.txt, b.txt, c.txt …)",
        ),
    ],
)
def test_a_file_that_is_no_workbook_says_what_it_is(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    _chain, problems = read_chain([_renamed(tmp_path, name, content)])
    [error] = problems.items
    assert error.type == "not-a-workbook" and says in error.message, error.message
    assert "Cfb error" not in error.message and "_rels" not in error.message


def _name_not_utf8(workbook: bytes, where: str) -> bytes:
    """A workbook package whose first part's name is marked as UTF-8 and is not: in the
    list of parts at the end ("list") or in the part's own header ("header")."""
    damaged = bytearray(workbook)
    at = damaged.find(b"PK\x01\x02") if where == "list" else 0
    name = 46 if where == "list" else 30  # (where each kind of header has the name)
    flags = 9 if where == "list" else 7  # (the high byte of its flags: bit 11 is UTF-8)
    damaged[at + flags] |= 0x08
    damaged[at + name] = 0xFF
    return bytes(damaged)


@pytest.mark.parametrize(
    ("name", "where"),
    [("list.xlsx", "list"), ("header.xlsx", "header"), ("list.ods", "list")],
)
def test_a_part_name_that_is_not_utf8_is_a_broken_package(
    tmp_path: Path, name: str, where: str
) -> None:
    real = _book(tmp_path / "real.xlsx", {"Suppliers": [HEADER, ["A1", "Acme", "Kenya"]]})
    damaged = _renamed(tmp_path, name, _name_not_utf8(real.read_bytes(), where))
    _chain, problems = read_chain([damaged, real])
    assert [(p.type, p.location.file) for p in problems.items] == [("not-a-workbook", str(damaged))]
    assert "a part's name is not valid UTF-8 text" in problems.items[0].message


def test_a_newer_workbook_saved_as_xls_is_read_by_its_content(tmp_path: Path) -> None:
    chain, problems = read_chain([_renamed(tmp_path, "suppliers.xls", None)])
    assert problems.errors == []
    assert [(s.id, s.name, s.country) for s in chain.suppliers] == [("A1", "Acme", "KEN")]


@pytest.mark.parametrize(
    ("sheet", "rows", "company"),
    [
        ("Company", [["Name", "Acme Ltd"], ["Country", "Germany"]], ("Acme Ltd", "DEU")),
        ("Société", [["Nom", "Dupont SA"], ["Pays", "France"]], ("Dupont SA", "FRA")),
        (
            "Unternehmen",
            [["Firmenname", "Müller GmbH"], ["Land", "Deutschland"]],
            ("Müller GmbH", "DEU"),
        ),
        ("Empresa", [["Razón social", "Café SA"], ["País", "Colombia"]], ("Café SA", "COL")),
        (
            "Entreprise",
            [["Raison sociale", "Tissus SARL"], ["Siège", "Belgique"]],
            ("Tissus SARL", "BEL"),
        ),
    ],
)
def test_a_company_sheet_is_read_in_english_german_french_and_spanish(
    tmp_path: Path, sheet: str, rows: list[list[Any]], company: tuple[str, str]
) -> None:
    path = _book(
        tmp_path / "book.xlsx", {"Suppliers": [HEADER, ["A1", "Acme", "Kenya"]], sheet: rows}
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert (chain.company.name, chain.company.country) == company


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("Supplier ID\tSupplier name\tCountry\nS1\tAcme\tKenya\n", "utf-8"),
        ("Supplier ID\tSupplier name\tCountry\r\nS1\tAcme\tKenya\r\n", "utf-16"),  # (SAP's)
        ("Supplier ID;Supplier name;Country\nS1;Acme;Kenya\n", "cp1252"),
    ],
)
def test_a_text_table_named_xls_is_read_as_text(
    tmp_path: Path, content: str, encoding: str
) -> None:
    """ERP systems export "Excel" files that are tab-separated text; Excel opens them."""
    path = tmp_path / "export.xls"
    path.write_bytes(content.encode(encoding))
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [(s.id, s.name, s.country) for s in chain.suppliers] == [("S1", "Acme", "KEN")]
    assert [(p.type, p.severity) for p in problems.items] == [("text-table", "warning")]


def test_a_workbook_the_reader_finds_password_protected_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import python_calamine

    class Locked:
        @staticmethod
        def from_path(path: str) -> None:
            raise python_calamine.PasswordError("Workbook is password protected")

    path = tmp_path / "locked.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))  # (an OLE container)
    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Locked)
    _chain, problems = read_chain([path])
    assert [(p.type, p.message) for p in problems.items] == [
        (
            "encrypted-workbook",
            "the workbook is password-protected or encrypted; remove the password (File >"
            " Info > Protect Workbook) and save it again, or export CSV",
        )
    ]
