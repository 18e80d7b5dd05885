"""`ddtool explain FILE NAME` finds a supplier by its name written without its accents or
punctuation ("Finca Santa Barbara" for "Finca Santa Bárbara"), as countries and sectors are
read; before, it refused it, naming the one supplier that matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

CHAIN = """\
company: {name: Gremio, country: COL}
suppliers:
  - {id: F-006, name: Finca Santa Bárbara, country: COL, sector: coffee-farming}
  - {id: C-2, name: "Cooperativa de Cafés Especiales de Nariño", country: COL,
     sector: coffee-milling}
  - {id: T-1, name: Twin Café, country: COL, sector: coffee-milling}
  - {id: T-2, name: Twin Cafe, country: COL, sector: coffee-milling}
"""


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("finca santa barbara", "F-006"),
        ("Finca Santa Bárbara", "F-006"),
        ("Cooperativa de Cafes Especiales de Narino", "C-2"),
        ("Twin Café", "T-1"),  # (written as one name is: that one)
    ],
)
def test_a_name_without_its_accents_finds_its_supplier(
    tmp_path: Path, written: str, found: str
) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(CHAIN, "utf-8")
    result = CliRunner().invoke(app, ["explain", str(chain), written], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"the supplier of that name, {found}" in result.output


def test_two_names_alike_but_for_accents_are_not_guessed(tmp_path: Path) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(CHAIN, "utf-8")
    result = CliRunner().invoke(app, ["explain", str(chain), "twin cafe!"], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "names 2 suppliers" in result.output
