"""Review 3: bracketed translations of any word, and a stray cell on a Company sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain
from ddtool.sources.columns import match_header
from ddtool.sources.table_source import _company_from_sheet

# -- 1: a header with an unknown translation in brackets ---------------------------------------

# (the header, the field it is read as)
TRANSLATED: list[tuple[str, str | None]] = [
    ("Country (국가)", "country"),
    ("Products (产品名称)", "products"),
    ("Country (国家/地区)", "country"),
    ("Country (原产国)", "country"),
    ("Products (主要产品)", "products"),
    ("Workers (员工数)", "workers"),
    ("Region (省/市)", "region"),
    ("Certifications (认证证书)", "certifications"),
    ("Buyer ID (买方编号)", "buyers"),
    ("Sector (行业类别)", "sector"),
    ("Tier (等级)", "tier"),
    ("Name (名字)", "name"),
    ("Name (Наименование поставщика)", "name"),
    ("Products (Товары)", "products"),
    ("Supplier (仕入先)", "name"),
    ("Country (ประเทศ)", "country"),
    ("Country (देश)", "country"),
    ("Country (البلد)", "country"),
    ("Country / 原产国", "country"),
    ("원산지 (Country)", "country"),
    ("产品名称 / Products", "products"),
    # a known word of another field qualifies the header: no field
    ("Name (联系人)", None),
    ("Workers (外籍)", None),
    ("Buyer ID / 编号", None),
    ("Country (城市)", None),
    # a part mixing scripts without a separator: no field
    ("客户 ID", None),
    ("联系人 Name", None),
    ("ID заказчика", None),
    # one script: its key alone
    ("供应商编号", None),
    ("供应商名称", None),
]


@pytest.mark.parametrize(("header", "field"), TRANSLATED)
def test_a_bracketed_translation_need_not_be_a_known_word(header: str, field: str | None) -> None:
    """The unknown translations were read as no field (133ec8b read them)."""
    assert match_header(header, {}) == field


def test_a_header_row_with_unknown_translations_is_read(tmp_path: Path) -> None:
    """Country and products were unmapped-column warnings."""
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "ID,Name,Country (국가),Sector,Products (产品名称),Tier\n"
        "S1,Alpha,Ghana,cocoa trading,cocoa beans,1\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    (supplier,) = chain.suppliers
    assert (supplier.country, supplier.products) == ("GHA", ["cocoa beans"])
    assert problems.items == []


# -- 2: a stray cell in a spacer column ----------------------------------------------------------

# (the case, the Company sheet's rows, the company read, each field's cell)
COMPANY: list[tuple[str, list[list[Any]], dict[str, Any], dict[str, tuple[int, int]]]] = [
    (
        "a stray cell left of the values' column is no value",
        [
            ["Name", None, "Acme"],
            ["Country", "ISO code", "DEU"],
            ["Sector", None, "apparel-retail"],
        ],
        {"name": "Acme", "country": "DEU", "sector": "apparel-retail"},
        {"name": (1, 3), "country": (2, 3), "sector": (3, 3)},
    ),
    (
        "a note left of the name's value",
        [["Name", "(legal)", "Acme"], ["Country", None, "DEU"], ["Sector", None, "apparel-retail"]],
        {"name": "Acme", "country": "DEU", "sector": "apparel-retail"},
        {"name": (1, 3), "country": (2, 3), "sector": (3, 3)},
    ),
    (
        "a blank value beside a comment, most values in B",
        [["Name", "Acme", None], ["Country", None, "tbc by legal"], ["Sector", "cocoa", None]],
        {"name": "Acme", "sector": "cocoa"},
        {"name": (1, 2), "country": (2, 1), "sector": (3, 2)},
    ),
    (
        "a tie: the leftmost column",
        [["Name", "Acme", None], ["Country", None, "DEU"]],
        {"name": "Acme"},
        {"name": (1, 2), "country": (2, 1)},
    ),
]


@pytest.mark.parametrize(
    ("rows", "company", "cells"), [case[1:] for case in COMPANY], ids=[c[0] for c in COMPANY]
)
def test_a_stray_cell_does_not_move_the_value_column(
    rows: list[list[Any]], company: dict[str, Any], cells: dict[str, tuple[int, int]]
) -> None:
    """The first two were read as {'country': 'ISO code'} and {'name': '(legal)'}."""
    found: dict[str, tuple[int, int]] = {}
    assert _company_from_sheet(rows, found) == company
    assert found == cells


def test_a_buyers_cell_that_is_an_id_holding_a_separator_names_it(tmp_path: Path) -> None:
    """'1001,01' in a semicolon file: the whole cell is the id (it was split into '1001' and
    '01', two unknown buyers with no suggestion); named beside another buyer, it is split,
    and the error says why."""
    from ddtool.errors import ProblemList
    from ddtool.graph import build_graph

    path = tmp_path / "ids.csv"
    path.write_text(
        "id;name;country;sector;buyers\n"
        "1001,01;Alpha;CIV;cocoa-trading;\n"
        "B;Beta;CIV;cocoa-farming;1001,01\n"
        "C;Gamma;CIV;cocoa-farming;B,1001,01\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [s.buyers for s in chain.suppliers] == [[], ["1001,01"], ["B", "1001", "01"]]
    found = ProblemList()
    build_graph(chain, found)
    assert [(p.type, p.location.row) for p in found.errors] == [("unknown-buyer", 4)] * 2
    for problem in found.errors:
        assert (problem.suggestion or "").startswith(
            "'1001,01', an id holding a list separator: named beside other buyers, it is split"
        )


@pytest.mark.parametrize("sector", ["coffee cherry", "ruby", "ruby mine", "cherry factory"])
def test_a_sector_ending_in_y_is_read_without_an_internal_error(
    tmp_path: Path, sector: str
) -> None:
    """(A word in -y matched a plural alias in -ies beside a good's name, and reading the
    file stopped with an internal error.)"""
    path = tmp_path / "chain.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Country,Sector,Buyer ID\nS1,Finca Uno,COL,{sector},\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1"]
    assert problems.errors == []
