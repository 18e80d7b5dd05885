"""Ids written with accents in either Unicode form, or with invisible characters, are one id."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from ddtool.profiles import load_profiles
from ddtool.sources import read_chain

COMPOSED = unicodedata.normalize("NFC", "Café-1")
DECOMPOSED = unicodedata.normalize("NFD", "Café-1")


@pytest.mark.parametrize(
    ("supplier", "buyer_ref"),
    [
        (COMPOSED, DECOMPOSED),  # "did you mean 'Café-1'?" for an id that looked the same
        (DECOMPOSED, COMPOSED),
        ("P1\u200b", "P1"),  # a zero-width space pasted in with the id
        ("P\u00ad1", "P1"),  # a soft hyphen
    ],
)
@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_a_buyer_written_in_another_form_is_the_same_supplier(
    tmp_path: Path, supplier: str, buyer_ref: str, suffix: str
) -> None:
    path = tmp_path / f"chain{suffix}"
    if suffix == ".csv":
        text = (
            "Supplier ID,Supplier name,Country,Sector,Buyer ID\n"
            f"{supplier},Tier 1,DEU,garment manufacturing,\n"
            f"S2,Tier 2,BGD,fabric manufacturing,{buyer_ref}\n"
        )
    else:
        text = (
            "suppliers:\n"
            f'  - {{id: "{supplier}", country: DEU, sector: garment manufacturing}}\n'
            f'  - {{id: S2, country: BGD, sector: fabric manufacturing, buyers: ["{buyer_ref}"]}}\n'
        )
    path.write_text(text, encoding="utf-8")
    chain, problems = read_chain([path], sectors=load_profiles())
    assert not problems.errors, [p.message for p in problems.errors]
    first, second = chain.suppliers
    assert first.id == second.buyers[0] == unicodedata.normalize("NFC", buyer_ref)


@pytest.mark.parametrize("typed", [COMPOSED, DECOMPOSED, "Café-1\u200b"])
def test_explain_finds_an_id_typed_in_either_form(tmp_path: Path, typed: str) -> None:
    from typer.testing import CliRunner

    from ddtool.cli import app

    path = tmp_path / "chain.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Country,Sector\n{DECOMPOSED},Mill,BGD,garment manufacturing\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(path), typed])
    assert result.exit_code == 0, result.output
    assert "Mill" in result.output
