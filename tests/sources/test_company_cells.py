"""Problems with the company's values on a Company sheet are located at their cell."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app

SUPPLIERS = [["Supplier ID", "Supplier name", "Country", "Sector"], ["A1", "Alpha", "Ghana", ""]]


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        (  # a header row, then the fields: the value column is B
            [["Field", "Value", "Comment"], ["Name", "Acme"], ["Country", "Germny", "tbc"]],
            [("unknown-country", 3, "B")],
        ),
        (  # no header row, a title row first, the values right after the fields
            [["About us"], ["Sector", "chocolte manufactring"], ["Country", "Germny"]],
            # (no Name row: the sheet)
            [("unknown-country", 3, "B"), ("unknown-sector", 2, "B"), ("company-name", None, None)],
        ),
        (  # a value column headed "Wert" further right
            [["Feld", None, "Wert"], ["Land", None, "Germny"], ["Name", None, "Acme"]],
            [("unknown-country", 2, "C")],
        ),
        (  # a blank name: at its label
            [["Field", "Value"], ["Name", None], ["Country", "Germany"]],
            [("company-name", 2, "A")],
        ),
        (  # the template's name
            [["Field", "Value"], ["Country", "Germany"], ["Name", "Your company name"]],
            [("template-company", 3, "B")],
        ),
    ],
)
def test_a_company_value_is_located_at_its_cell(
    tmp_path: Path, company: list[list[Any]], expected: list[tuple[str, int, str]]
) -> None:
    path = write_book(tmp_path / "chain.xlsx", {"Suppliers": SUPPLIERS, "Company": company})
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert "Traceback" not in result.output
    problems = json.loads(result.stdout)[0]["problems"]
    found = [
        (p["type"], p["location"]["row"], p["location"]["column"])
        for p in problems
        if p["location"]["sheet"] == "Company"
    ]
    assert sorted(found, key=str) == sorted(expected, key=str)
