"""Headers a seafood importer's sourcing team writes: product descriptions and species,
social audits, and a province or port of landing. Before, 'Product description' was kept as
an attribute of the user's own (no products read, no listing matched), and a social audit's
standard and result were lost ("audit 'audit' … result 'none'")."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import match_header

HEADERS = [
    ("Product description", "products"),
    ("Product descriptions", "products"),
    ("Description of goods", "products"),
    ("Item description", "products"),
    ("Product type", "products"),
    ("Species", "products"),
    ("Especies", "products"),
    ("Descripción del producto", "products"),
    ("Description du produit", "products"),
    ("Social audit", "audit_standard"),
    ("Last social audit", "audit_standard"),
    ("Social audit result", "audit_result"),
    ("Port", "region"),
    # an ERP's, a PLM's and a procurement team's headers
    ("Vendor Category", "sector"),
    ("Work Category", "sector"),
    ("Material Description", "products"),
    ("Agency Name", "name"),
    ("Last Audit Type", "audit_standard"),
    ("Order Volume %", "share"),
    ("Headcount on project", "workers"),
    # not a product's: a company's description, a risk result
    ("Description", None),
    ("Result", None),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_a_seafood_teams_headers(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


def test_products_and_a_social_audit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "tuna.csv"
    path.write_text(
        "Vendor Code,Vendor Name,Country,Activity,Product description,Last social audit,"
        "Audit date,Audit outcome\n"
        "TH-CAN-01,Samut Sakhon Canning,Thailand,tuna cannery,canned skipjack chunks,"
        "SMETA 4-pillar,2025-02-11,conditional\n",
        encoding="utf-8",
    )
    from ddtool.profiles import load_profiles

    chain, problems = read_chain([path], ReadOptions(), load_profiles())
    assert not problems.has_errors()
    supplier = chain.suppliers[0]
    assert supplier.products == ["canned skipjack chunks"]
    assert [(a.standard, a.result) for a in supplier.audits] == [("SMETA 4-pillar", "conditional")]
