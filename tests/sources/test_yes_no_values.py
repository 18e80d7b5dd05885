"""A yes/no value (a spreadsheet's TRUE or FALSE, YAML's true or false) in the products or the
certifications names no product and no certification: it is dropped with a warning at its
place, never read as an item called 'True'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from workbook_support import write_book

from ddtool.errors import ProblemList
from ddtool.model import Chain
from ddtool.sources import read_chain

HEADER = ["id", "name", "country", "sector", "buyers", "products", "certifications"]

CELLS = [
    # (products cell, certifications cell, products read, certifications read, warned fields)
    (True, None, [], [], ["products"]),
    (False, "SA8000", [], ["SA8000"], ["products"]),
    ("cocoa beans", True, ["cocoa beans"], [], ["certifications"]),
    (True, False, [], [], ["certifications", "products"]),
    ("cocoa beans", "Fairtrade", ["cocoa beans"], ["Fairtrade"], []),
    # a text cell that is one (as a CSV file writes a ticked cell): the same
    ("TRUE", None, [], [], ["products"]),
    ("cocoa beans", "false", ["cocoa beans"], [], ["certifications"]),
    # a word that only holds one is a name
    ("TRUE COCOA", "Fairtrade", ["TRUE COCOA"], ["Fairtrade"], []),
]


@pytest.mark.parametrize(
    ("products", "certs", "read", "certs_read"),
    [
        ("TRUE", "", [], []),
        ("FALSE", "FALSE", [], []),
        ("cocoa beans", "TRUE", ["cocoa beans"], []),
        ("cocoa beans", "SA8000", ["cocoa beans"], ["SA8000"]),
        # in any case, in the spreadsheet's language, and as an item of a list
        ("tRuE", "", [], []),
        ("WAHR", "FAUX", [], []),
        ('"True; cocoa beans"', '"SA8000, FALSE"', ["cocoa beans"], ["SA8000"]),
        # a word of a name is no yes/no value
        ("faux leather", "", ["faux leather"], []),
    ],
)
def test_a_csv_cell(
    tmp_path: Path, products: str, certs: str, read: list[str], certs_read: list[str]
) -> None:
    """Excel saves a ticked cell as TRUE or FALSE in a CSV file: no product, no certification."""
    path = tmp_path / "chain.csv"
    path.write_text(
        ",".join(HEADER) + f"\nF1,Farm one,GHA,cocoa farming,company,{products},{certs}\n",
        encoding="utf-8",
    )
    chain, problems = _read(path)
    [supplier] = chain.suppliers
    assert supplier.products == read
    assert [c.name for c in supplier.certifications] == certs_read
    warned = {p.location.column for p in problems.items if p.type == "yes-no-value"}
    assert len(warned) == (products.strip('"') not in ("cocoa beans", "faux leather")) + (
        certs not in ("", "SA8000")
    )


def _read(path: Path) -> tuple[Chain, ProblemList]:
    return read_chain([path])


@pytest.mark.parametrize(("products", "certs", "read", "certs_read", "warned"), CELLS)
def test_a_workbook_cell(
    tmp_path: Path,
    products: Any,
    certs: Any,
    read: list[str],
    certs_read: list[str],
    warned: list[str],
) -> None:
    rows = [
        HEADER,
        ["F1", "Farm one", "GHA", "cocoa farming", "company", products, certs],
        ["F2", "Farm two", "GHA", "cocoa farming", "company", "cocoa beans", None],
    ]
    chain, problems = _read(write_book(tmp_path / "chain.xlsx", {"Suppliers": rows}))
    first, second = chain.suppliers
    assert first.products == read
    assert [c.name for c in first.certifications] == certs_read
    found = [p for p in problems.items if p.type == "yes-no-value"]
    assert sorted(p.location.column for p in found) == warned
    assert {(p.severity, p.location.row) for p in found} <= {("warning", 2)}
    for problem in found:
        assert "names no" in problem.message and "is not read" in problem.message
    assert second.products == ["cocoa beans"]


YAML = [
    # (the supplier's keys, products read, certifications read, warnings)
    ("products: true", [], [], 1),
    ("products: [cocoa beans, false]", ["cocoa beans"], [], 1),
    ("certifications: [SA8000, true]", [], ["SA8000"], 1),
    ("certifications: false", [], [], 1),
    # YAML 1.1's yes and no are kept as written, not read as booleans
    ("products: [yes]", ["yes"], [], 0),
]


@pytest.mark.parametrize(("keys", "read", "certs_read", "warnings"), YAML)
def test_a_yaml_value(
    tmp_path: Path, keys: str, read: list[str], certs_read: list[str], warnings: int
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme}\nsuppliers:\n"
        f"  - {{id: F1, country: GHA, sector: cocoa farming, {keys}}}\n",
        encoding="utf-8",
    )
    chain, problems = _read(path)
    [supplier] = chain.suppliers
    assert supplier.products == read
    assert [c.name for c in supplier.certifications] == certs_read
    found = [p for p in problems.items if p.type == "yes-no-value"]
    assert len(found) == warnings
    assert all(p.location.line == 3 and p.severity == "warning" for p in found)
