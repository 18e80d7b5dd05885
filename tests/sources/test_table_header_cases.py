"""Reviewed defects of header reading: header cells merged across columns and two-row headers,
blank headers in CSV, --map against the settings' columns:, headers in other scripts, the
Company sheet's value column, and --map hints told by header words alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.config import Config, load_config
from ddtool.errors import InputError, ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import header_key, hint_header, parse_column_map
from ddtool.sources.table_source import _company_from_sheet

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector"]


def _where(problems: ProblemList, *types: str) -> list[tuple[Any, ...]]:
    """Problems as (type, severity, sheet, row, column, message), of these types."""
    return [
        (p.type, p.severity, p.location.sheet, p.location.row, p.location.column, p.message)
        for p in problems.items
        if p.type in types
    ]


def _validate(*args: str) -> tuple[int, list[dict[str, Any]]]:
    """`ddtool validate --format json …`: its exit code and the problems of its first chain."""
    result = CliRunner().invoke(app, ["validate", "--format", "json", *args])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)[0]["problems"]


# -- 1: header cells merged across columns -----------------------------------------------------

MERGED_BUYERS = {
    "Suppliers": [
        [*HEADER, "Buyer IDs", None, "Products", None],
        ["P1", "Proc one", "Ghana", "cocoa processing", None, None, "cocoa butter", None],
        ["P2", "Proc two", "Ghana", "cocoa processing", None, None, "cocoa butter", None],
        ["F1", "Farm one", "Ghana", "cocoa farming", "P1", "P2", "cocoa beans", "cocoa pods"],
    ]
}


def test_list_fields_merged_across_columns_read_every_column(tmp_path: Path) -> None:
    """F1 had the buyers ['P1'] and the attributes {'F': 'P2', 'H': 'cocoa pods'}."""
    path = write_book(tmp_path / "mh.xlsx", MERGED_BUYERS, merged=("E1:F1", "G1:H1"))
    chain, problems = read_chain([path])
    assert [(s.id, s.buyers, s.products, s.attributes) for s in chain.suppliers] == [
        ("P1", [], ["cocoa butter"], {}),
        ("P2", [], ["cocoa butter"], {}),
        ("F1", ["P1", "P2"], ["cocoa beans", "cocoa pods"], {}),
    ]
    assert _where(problems, "merged-cells", "blank-header") == [
        (
            "merged-cells",
            "warning",
            "Suppliers",
            1,
            "Buyer IDs",
            "cells E1:F1 are merged: the header 'Buyer IDs' is read for columns E–F; the"
            " values of a row are read together, as one list",
        ),
        (
            "merged-cells",
            "warning",
            "Suppliers",
            1,
            "Products",
            "cells G1:H1 are merged: the header 'Products' is read for columns G–H; the"
            " values of a row are read together, as one list",
        ),
    ]
    assert _validate(str(path))[0] == 0


# (the Country column's two cells of one row under "Country" merged over C1:D1, the country
# read, the row's attributes, how the merged-cells warning says the columns are read or None)
SINGLE: list[tuple[str | None, str | None, str | None, dict[str, str], str | None]] = [
    ("Ghana", None, "GHA", {}, None),
    # (the value under the merged part: read all the same)
    (None, "Ghana", "GHA", {}, "a row gives its country in one of them"),
    (None, None, None, {}, None),
    # a row filling both: columns of their own, the second kept (was a merged-header error)
    (
        "Ghana",
        "Togo",
        "GHA",
        {"Country (D)": "Togo"},
        "a supplier has one country: it is read from column C (from the next filled one where"
        " it is blank); column D is kept as an attribute named 'Country (D)'",
    ),
]


@pytest.mark.parametrize(("left", "right", "country", "attributes", "how"), SINGLE)
def test_a_field_of_one_value_merged_across_columns_takes_one_cell(
    tmp_path: Path,
    left: str | None,
    right: str | None,
    country: str | None,
    attributes: dict[str, str],
    how: str | None,
) -> None:
    sheets = {
        "Suppliers": [
            ["Supplier ID", "Supplier name", "Country", None, "Sector"],
            ["S1", "Farm one", left, right, "cocoa farming"],
            ["S2", "Farm two", "CIV", None, "cocoa farming"],
        ]
    }
    path = write_book(tmp_path / "country.xlsx", sheets, merged=("C1:D1",))
    chain, problems = read_chain([path])
    assert [(s.id, s.country, s.attributes) for s in chain.suppliers] == [
        ("S1", country, attributes),
        ("S2", "CIV", {}),
    ]
    expected = (
        []
        if how is None
        else [
            (
                "merged-cells",
                "warning",
                "Suppliers",
                1,
                "Country",
                f"cells C1:D1 are merged: the header 'Country' is read for columns C–D; {how}",
            )
        ]
    )
    assert _where(problems, "merged-cells", "merged-header") == expected
    assert _validate(str(path))[0] == 0


def test_a_column_of_ones_own_merged_across_columns_keeps_its_values_together(
    tmp_path: Path,
) -> None:
    sheets = {
        "Suppliers": [
            [*HEADER, "Contact", None],
            ["S1", "Farm one", "Ghana", "cocoa farming", "J. Doe", "j.doe@example.org"],
            ["S2", "Farm two", "Ghana", "cocoa farming", None, "info@example.org"],
        ]
    }
    path = write_book(tmp_path / "contact.xlsx", sheets, merged=("E1:F1",))
    chain, problems = read_chain([path])
    assert [s.attributes for s in chain.suppliers] == [
        {"Contact": "J. Doe; j.doe@example.org"},
        {"Contact": "info@example.org"},
    ]
    assert [p.type for p in problems.items] == ["merged-cells"]


def test_a_header_merged_over_blank_columns_only_is_no_news(tmp_path: Path) -> None:
    sheets = {
        "Suppliers": [
            [*HEADER, "Buyer IDs", None],
            ["P1", "Proc one", "Ghana", "cocoa processing", None, None],
            ["F1", "Farm one", "Ghana", "cocoa farming", "P1", None],
        ]
    }
    path = write_book(tmp_path / "looks.xlsx", sheets, merged=("E1:F1",))
    chain, problems = read_chain([path])
    assert [s.buyers for s in chain.suppliers] == [[], ["P1"]]
    assert problems.items == []


TWO_ROWS = {
    "Suppliers": [
        ["Supplier ID", "Supplier name", "Location", None, "Sector"],
        [None, None, "Country", "City", None],
        ["P1", "Proc one", "Ghana", "Tema", "cocoa processing"],
        ["F1", "Farm one", "Côte d'Ivoire", "Soubré", "cocoa farming"],
    ]
}


def test_a_two_row_header_takes_the_names_beneath_its_group_header(tmp_path: Path) -> None:
    """The countries were read as the region, and row 2 as a supplier without an id."""
    merged = ("C1:D1", "A1:A2", "B1:B2", "E1:E2")
    path = write_book(tmp_path / "twohdr.xlsx", TWO_ROWS, merged=merged)
    chain, problems = read_chain([path])
    assert [
        (s.id, s.country, s.region, s.location and s.location.row) for s in chain.suppliers
    ] == [
        ("P1", "GHA", "Tema", 3),
        ("F1", "CIV", "Soubré", 4),
    ]
    assert _where(problems, "merged-cells", "missing-id") == [
        (
            "merged-cells",
            "warning",
            "Suppliers",
            1,
            "Location",
            "cells C1:D1 are merged: 'Location' heads the columns named beneath it in row 2"
            " ('Country', 'City'); the header is read from rows 1–2, with those names",
        )
    ]
    assert _validate(str(path))[0] == 0


def test_a_supplier_row_beneath_a_merged_header_is_no_second_header_row(tmp_path: Path) -> None:
    sheets = {
        "Suppliers": [
            [*HEADER, "Products", None],
            ["S1", "Farm one", "Ghana", "cocoa farming", "cocoa beans", "cocoa pods"],
        ]
    }
    path = write_book(tmp_path / "first.xlsx", sheets, merged=("E1:F1",))
    chain, _problems = read_chain([path])
    assert [(s.id, s.products) for s in chain.suppliers] == [("S1", ["cocoa beans", "cocoa pods"])]


# (the CSV, the blank-header warnings as (row, column, message, suggestion), the attributes)
BLANK: list[tuple[str, list[tuple[int, str, str, str | None]], list[dict[str, str]]]] = [
    (
        "Supplier ID;Supplier name;Country;Sector;Buyer IDs;;Products\n"
        "P1;Proc one;Ghana;cocoa processing;;;cocoa butter\n"
        "P2;Proc two;Ghana;cocoa processing;;;cocoa butter\n"
        "F1;Farm one;Ghana;cocoa farming;P1;P2;cocoa beans\n",
        [
            (
                4,
                "F",
                "column F has no header but holds values ('P2' in row 4, …): they are kept as"
                " an attribute named 'F'; they are likely more buyers of 'Buyer IDs' (E), whose"
                " header spans both columns: write them into column E (separated by ';'), or"
                " give the column a header",
                "'Buyer IDs'",
            )
        ],
        [{}, {}, {"F": "P2"}],
    ),
    (
        "Supplier ID;Supplier name;Country;;Sector\nP1;Proc one;Ghana;Tema;cocoa processing\n",
        [
            (
                2,
                "D",
                "column D has no header but holds values ('Tema' in row 2, …): they are kept as"
                " an attribute named 'D'; give the column a header",
                None,
            )
        ],
        [{"D": "Tema"}],
    ),
    # a blank column (a trailing ';' on every line): nothing kept, nothing to say
    ("Supplier ID;Supplier name;Country;\nP1;Proc one;Ghana;\n", [], [{}]),
]


@pytest.mark.parametrize(("text", "warnings", "attributes"), BLANK)
def test_a_csv_column_without_a_header_that_holds_values_is_named(
    tmp_path: Path,
    text: str,
    warnings: list[tuple[int, str, str, str | None]],
    attributes: list[dict[str, str]],
) -> None:
    path = tmp_path / "blank.csv"
    path.write_text(text, "utf-8")
    chain, problems = read_chain([path])
    assert [s.attributes for s in chain.suppliers] == attributes
    assert [
        (p.severity, p.location.row, p.location.column, p.message, p.suggestion)
        for p in problems.items
        if p.type == "blank-header"
    ] == [("warning", *warning) for warning in warnings]


# -- 4: --map against the settings' columns: ---------------------------------------------------

# (the columns: block, the --map given, the header of the file, the field it is read as)
MAPS: list[tuple[dict[str, str], list[str], str, str | None]] = [
    ({"Staat": "region"}, ["STAAT=country"], "Staat", "country"),
    ({"Staat": "region"}, ["staat = country"], "Staat", "country"),
    ({"Staat": "region"}, ["Ort=region"], "Staat", "region"),
    ({"Staat": "region"}, [], "STAAT", "region"),
    ({}, ["Staat=country"], "Staat", "country"),
    # a field the settings read from another header: --map chooses the column (the settings'
    # 'Staat' was read too, and the two were a duplicate-column error advising the --map given)
    ({"Staat": "country"}, ["Land=country"], "Staat", None),
    ({"Staat": "country"}, ["Land=country"], "Land", "country"),
    # (but the region, read from its columns together)
    ({"Ort": "region"}, ["Provinz=region"], "Ort", "region"),
]


@pytest.mark.parametrize(("columns", "maps", "header", "field"), MAPS)
def test_map_wins_over_the_settings_columns_however_the_header_is_written(
    columns: dict[str, str], maps: list[str], header: str, field: str | None
) -> None:
    from ddtool.sources.columns import match_header

    merged = Config(columns=columns).column_map(parse_column_map(maps))
    assert match_header(header, merged) == field


def test_map_wins_over_the_settings_columns_end_to_end(tmp_path: Path) -> None:
    """Ghana was read as the region."""
    path = tmp_path / "m1.csv"
    path.write_text("Kürzel;Firmierung;Staat;Ort\nK1;Alpha;Ghana;Accra\n", "utf-8")
    config = tmp_path / "cfg.yaml"
    config.write_text(
        'columns:\n  "Kürzel": id\n  "Firmierung": name\n  "Staat": region\n', "utf-8"
    )
    column_map = load_config(config).column_map(parse_column_map(["STAAT=country"]))
    chain, problems = read_chain([path], ReadOptions(column_map=column_map))
    assert [(s.id, s.name, s.country, s.region) for s in chain.suppliers] == [
        ("K1", "Alpha", "GHA", "Accra")
    ]
    assert problems.items == []
    code, found = _validate(str(path), "--config", str(config), "--map", "STAAT=country")
    assert (code, found) == (0, [])


# (the settings file, the problems as (line, key, message))
BAD_COLUMNS: list[tuple[str, str, list[tuple[int, str, str]]]] = [
    (
        "one header written twice, two fields",
        "columns:\n  Land: country\n  LAND: region\n",
        [
            (
                3,
                "columns.LAND",
                "the header 'LAND' is mapped twice, also to 'country' (as 'Land', line 2:"
                " headers are compared without regard to case, spaces or punctuation); a"
                " column holds one field: keep one",
            )
        ],
    ),
    (
        "written thrice",
        "columns:\n  Land: country\n  LAND: region\n  land_: sector\n",
        [
            (
                3,
                "columns.LAND",
                "the header 'LAND' is mapped twice, also to 'country' (as 'Land', line 2:"
                " headers are compared without regard to case, spaces or punctuation); a"
                " column holds one field: keep one",
            ),
            (
                4,
                "columns.land_",
                "the header 'land_' is mapped twice, also to 'country' (as 'Land', line 2:"
                " headers are compared without regard to case, spaces or punctuation); a"
                " column holds one field: keep one",
            ),
        ],
    ),
    (
        "headers that are no text",
        "# settings\ncolumns:\n  Kürzel: id\n  123: name\n  true: country\n",
        [
            (4, "columns.123", "the header should be text, not 123 (put it in quotes)"),
            (5, "columns.true", "the header should be text, not true (put it in quotes)"),
        ],
    ),
    (
        "a date, a decimal and null as headers",
        "columns:\n  2025-01-01: name\n  1.5: country\n  null: sector\n",
        [
            (2, "columns.2025-01-01", "the header should be text, not date (put it in quotes)"),
            (3, "columns.1.5", "the header should be text, not 1.5 (put it in quotes)"),
            (
                4,
                "columns.null",
                "the header should be text, not nothing (null) (put it in quotes)",
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [case[1:] for case in BAD_COLUMNS], ids=[c[0] for c in BAD_COLUMNS]
)
def test_bad_columns_entries_are_located_at_their_own_lines(
    tmp_path: Path, text: str, expected: list[tuple[int, str, str]]
) -> None:
    path = tmp_path / "ddtool.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert [
        (p.type, p.location.line, p.location.column, p.message) for p in raised.value.problems
    ] == [("config-invalid", *problem) for problem in expected]
    result = CliRunner().invoke(app, ["validate", str(path), "--config", str(path)])
    assert result.exit_code == 2


# (a settings file with a date that does not exist, the line and date named)
IMPOSSIBLE_DATES: list[tuple[str, int, str]] = [
    ("columns:\n  2025-13-01: name\n", 2, "'2025-13-01' does not exist (month must be in 1..12)"),
    ("flag_level: 2025-02-30\n", 1, "'2025-02-30' does not exist (day is out of range for month)"),
]


@pytest.mark.parametrize(("text", "line", "named"), IMPOSSIBLE_DATES)
def test_a_date_that_does_not_exist_in_the_settings_is_located(
    tmp_path: Path, text: str, line: int, named: str
) -> None:
    """It was an internal error (ValueError), or an unconstructable recursive node."""
    path = tmp_path / "ddtool.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert [(p.type, p.location.line, p.message) for p in raised.value.problems] == [
        (
            "config-syntax",
            line,
            f"the date {named}: write a real date, or quote it if it is meant as text",
        )
    ]
    result = CliRunner().invoke(app, ["validate", str(path), "--config", str(path)])
    assert result.exit_code == 2
    assert "internal error" not in result.output


def test_one_header_written_twice_to_one_field_is_accepted(tmp_path: Path) -> None:
    """As --map accepts 'Land=country' twice."""
    path = tmp_path / "ddtool.yaml"
    path.write_text("columns:\n  Land: country\n  LAND: ' country '\n", "utf-8")
    assert load_config(path).columns == {"Land": "country", "LAND": "country"}


# -- 6: headers in other scripts ----------------------------------------------------------------

# (a header, its key): Latin headers as before, other scripts kept
KEYS: list[tuple[str, str]] = [
    ("Supplier ID", "supplierid"),
    ("País", "pais"),
    ("Région", "region"),
    ("N° fournisseur", "nofournisseur"),
    ("Nom de l’entreprise", "nomdelentreprise"),
    ("Nom de lʼentreprise", "nomdelentreprise"),
    ("% Female", "pctfemale"),
    ("Straße", "strasse"),
    ("ＩＤ", "id"),
    ("Søster", "soster"),
    ("供应商编号", "供应商编号"),
    ("供应商 名称", "供应商名称"),
    ("Код", "код"),
    ("Поставщик", "поставщик"),
    ("—", "—"),
]


@pytest.mark.parametrize(("header", "key"), KEYS)
def test_header_keys_keep_the_letters_of_every_script(header: str, key: str) -> None:
    assert header_key(header) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("供应商编号", "供应商名称"),
        ("Код", "Поставщик"),
        ("Мой", "Мои"),
        ("ガス", "カス"),
        ("★", "☆"),
    ],
)
def test_headers_of_other_scripts_differ(one: str, other: str) -> None:
    assert header_key(one) != header_key(other)
    assert parse_column_map([f"{one}=id", f"{other}=name"]) == {one: "id", other: "name"}


# (the CSV, the --map given, the suppliers as (id, name, attributes))
SCRIPTS: list[tuple[str, list[str], list[tuple[str, str, dict[str, str]]]]] = [
    (
        "供应商编号,供应商名称,国家,行业\nS1,Alpha,China,garment manufacturing\n",
        ["供应商编号=id", "供应商名称=name"],
        [("S1", "Alpha", {"国家": "China", "行业": "garment manufacturing"})],
    ),
    (
        "供应商编号,Name,Country,备注\nS1,Alpha,China,浙江\n",
        ["供应商编号=id"],
        [("S1", "Alpha", {"备注": "浙江"})],
    ),
    (
        "Код;Поставщик;Страна;Примечание\nS1;Alpha;China;нет\n",
        ["Код=id", "Поставщик=name"],
        [("S1", "Alpha", {"Страна": "China", "Примечание": "нет"})],
    ),
]


@pytest.mark.parametrize(("text", "maps", "suppliers"), SCRIPTS)
def test_headers_in_other_scripts_are_mapped_one_by_one(
    tmp_path: Path, text: str, maps: list[str], suppliers: list[tuple[str, str, dict[str, str]]]
) -> None:
    """All such headers were one empty key: 'mapped twice', or two columns holding 'id'."""
    path = tmp_path / "list.csv"
    path.write_text(text, "utf-8")
    chain, problems = read_chain([path], ReadOptions(column_map=parse_column_map(maps)))
    assert [(s.id, s.name, s.attributes) for s in chain.suppliers] == suppliers
    assert problems.errors == []
    args = [str(path)] + [arg for spec in maps for arg in ("--map", spec)]
    assert _validate(*args)[0] == 0


# -- 8: the Company sheet's value column -------------------------------------------------------

# (the Company sheet's rows, the company read)
COMPANY: list[tuple[list[list[Any]], dict[str, Any]]] = [
    (
        [
            ["Field", "Value", "Comment"],
            ["Name", "Acme GmbH", "legal"],
            ["Country", "", "tbc by legal"],
            ["Sector", "chocolate manufacturing", ""],
        ],
        {"name": "Acme GmbH", "sector": "chocolate manufacturing"},
    ),
    (
        [["Field", "Value", "Comment"], ["Name", None, "ask legal"], ["Country", "DE", None]],
        {"country": "DE"},
    ),
    # no header: the cell right after the field's
    ([["Company name", "Acme", "our group"], ["Land", None, "Deutschland"]], {"name": "Acme"}),
    # the value column headed in another language, after a column of remarks
    (
        [["Feld", "Hinweis", "Wert"], ["Firma", "siehe HR", "Acme GmbH"], ["Land", "", "DE"]],
        {"name": "Acme GmbH", "country": "DE"},
    ),
    # a field's first row with a value counts
    ([["Name", ""], ["Company", "Acme"], ["Name", "Other"]], {"name": "Acme"}),
    ([["Id", 1001.0], ["Name", "  Acme  "]], {"id": 1001.0, "name": "  Acme  "}),
    # a header whose first cell names a field is no company name "Value"
    ([["Company", "Value", "Note"], ["Name", None, "Acme"]], {}),
]


@pytest.mark.parametrize(("rows", "company"), COMPANY)
def test_a_company_field_is_read_from_the_value_column_only(
    rows: list[list[Any]], company: dict[str, Any]
) -> None:
    assert _company_from_sheet(rows) == company


def test_a_blank_company_value_is_a_blank_field_not_the_comment(tmp_path: Path) -> None:
    """'unknown company country 'tbc by legal'', and a company named by the comment."""
    sheets = {
        "Suppliers": [HEADER, ["A1", "Alpha", "Ghana", "cocoa farming"]],
        "Company": [
            ["Field", "Value", "Comment"],
            ["Name", None, "ask legal"],
            ["Country", None, "tbc by legal"],
        ],
    }
    path = write_book(tmp_path / "c1.xlsx", sheets)
    chain, problems = read_chain([path])
    assert (chain.company.name, chain.company.country) == ("c1", None)
    assert [(p.type, p.location.sheet, p.message) for p in problems.items] == [
        ("company-name", "Company", "the company has no name: named after the file, 'c1'")
    ]
    assert _validate(str(path))[0] == 0


# -- 9: --map hints given by header words alone -----------------------------------------------

# (an extra column's header, its values for A1 and A2, the hint given)
HINTS: list[tuple[str, tuple[str, str], str | None]] = [
    ("Customer since", ("2019", "2021"), None),
    ("Worker housing", ("yes", "no"), None),
    ("Parent company", ("Olam Group", "Olam Group"), None),
    ("Country manager", ("J. Doe", "R. Roe"), None),
    ("Transparent sourcing", ("A1", ""), None),  # ("parent" inside a word)
    ("Payslips checked", ("yes", "no"), None),  # ("pays" inside a word)
    ("Share of buyers", ("high", "low"), None),
    # values that fit: the hint stays
    ("Parent Vendor Code", ("", "A1"), "buyers"),
    ("Parent company", ("", "A1"), "buyers"),
    ("Customers", ("A2", "A1; A2"), "buyers"),
    ("Workers (FTE)", ("1,200", "35"), "workers"),
    ("Anteil Einkauf", ("60%", "0,4"), "share"),
    ("Country of registration", ("Ghana", "CIV"), "country"),
    ("% of women (est.)", ("42", ""), "female_pct"),
    ("Beschäftigtenzahl", ("120", "80"), "workers"),
    # a share in French; "Part" is a part number's header in English too, so it is only a
    # hint where its values fit a share (before: kept silently). ("Part (%)", "Anteil",
    # "Participación", "Cuota" are read as the share)
    ("Part", ("0.5", "0.2"), "share"),
    ("Part", ("50%", "20%"), "share"),
    ("Part", ("PN-1001", "PN-1002"), None),
    # quantities, not shares: no hint (before: a share hint). A 1 is as likely one piece as
    # the whole; a number above 1 is a share only written with '%'
    ("Part", ("1", "1"), None),
    ("Part", ("1", "0.5"), None),
    ("Part", ("2", "1"), None),
    ("Part", ("50", "20"), None),
    ("Part", ("100%", "100%"), None),
    ("Part", ("0", "0"), None),
    ("Part", ("0.25", "0.5"), "share"),
    ("Part", ("50%", "100%"), "share"),
    ("Part", ("0,5", "0,25"), "share"),
    # percentages over 100, or a cell that is no number, among them: shares written wrong,
    # told once it is mapped (before: no hint, and the bad shares passed unseen)
    ("Part", ("60%", "150%"), "share"),
    ("Part", ("60%", "abc%"), None),
    ("Part number", ("12", "14"), None),
    ("Part no.", ("12", "14"), None),
]


@pytest.mark.parametrize(("header", "values", "hint"), HINTS)
def test_a_hint_is_given_only_when_the_values_fit(
    tmp_path: Path, header: str, values: tuple[str, str], hint: str | None
) -> None:
    path = tmp_path / "hint.csv"
    path.write_text(
        f"Supplier ID;Supplier name;Sector;{header}\n"
        f"A1;Alpha;cocoa farming;{values[0]}\nA2;Beta;cocoa farming;{values[1]}\n",
        "utf-8",
    )
    _chain, problems = read_chain([path])
    expected = (
        []
        if hint is None
        else [
            (
                None,
                header,
                f"column '{header}' looks like the {hint} column but matches no known name; it"
                " is kept as one of the file's own columns",
                f"--map '{header}={hint}'",
            )
        ]
    )
    assert [
        (p.location.row, p.location.column, p.message, p.suggestion)
        for p in problems.items
        if p.type == "unmapped-column"
    ] == expected


def test_the_reviewed_header_gets_no_misleading_hint(tmp_path: Path) -> None:
    path = tmp_path / "hint.csv"
    path.write_text(
        "Supplier ID;Supplier name;Country;Parent company;Customer since;Worker housing\n"
        "A1;Alpha;Ghana;Olam Group;2019;yes\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert [p.type for p in problems.items] == []
    assert chain.suppliers[0].attributes == {
        "Parent company": "Olam Group",
        "Customer since": "2019",
        "Worker housing": "yes",
    }


@pytest.mark.parametrize(
    ("header", "hint"),
    [
        ("Transparent", None),
        ("Payslips", None),
        ("Countryside", None),
        ("Shareholder", None),
        ("Industries", "sector"),
        ("Parents", "buyers"),
        ("Trabajadores (total)", "workers"),
        ("Frauenquote (%)", "female_pct"),
    ],
)
def test_header_words_count_whole(header: str, hint: str | None) -> None:
    assert hint_header(header) == hint


def test_two_maps_of_one_field_are_refused() -> None:
    """`--map 'Land=country' --map 'Staat=country'` read both, and the duplicate-column error
    it led to advised one of the options given."""
    from ddtool.sources.columns import ColumnMapError

    with pytest.raises(ColumnMapError) as raised:
        parse_column_map(["Land=country", "Staat=country"])
    assert raised.value.messages == [
        "--map 'Staat=country': the field 'country' is mapped twice, also from 'Land'; a field"
        " is read from one column: give one of them"
    ]
    assert parse_column_map(["Ort=region", "Provinz=region"]) == {
        "Ort": "region",
        "Provinz": "region",
    }
    # (one header, written twice: no second column)
    assert set(parse_column_map(["Land=country", "LAND=country"]).values()) == {"country"}
