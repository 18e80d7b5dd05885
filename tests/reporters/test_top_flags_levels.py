"""The terminal's top flags table has one row per supplier, at its highest flag's level as
shown; the supplier's other flagged risk types beside it say their own levels where any is
shown at another, so that a flag low on missing data never reads as plain low under a
"low" row, nor a plain low one as on missing data under a "low (data gap)" row."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_low
from rich.console import Console

from ddtool.document import register
from ddtool.reporters.shown import level_shown
from ddtool.reporters.terminal import RISK_NAMES, flags_table, render

# (name, supplier, the (level, risk) cells of its row: the first row whose supplier is it)
CASES = [
    # child labour low on missing data (little country data), the others plain low
    (
        "plain low row, a flag on a gap beside it",
        {"id": "HK-1", "name": "Kowloon Accounting", "country": "HK", "sector": "accounting"},
        ("low", "forced labour (+trafficking: low, child labour: low (data gap))"),
    ),
    (
        "row on a gap, plain low flags beside it",
        {"id": "TW-1", "name": "Hsinchu Software", "country": "TW", "sector": "software-it"},
        ("low (data gap)", "child labour (+forced labour: low, trafficking: low)"),
    ),
    # every flag on missing data (no country data at all): one level, no marks
    (
        "all on a gap",
        {"id": "LI-1", "name": "Vaduz Consulting", "country": "LI", "sector": "consulting"},
        ("low (data gap)", "forced labour (+trafficking, child labour)"),
    ),
    # levels that differ above low say so too
    (
        "high beside medium",
        {"id": "B1", "name": "Dhaka Knit", "country": "BD", "sector": "garment-manufacturing"},
        ("high", "forced labour (+child labour: high, trafficking: medium)"),
    ),
]


def _rows(document: dict[str, Any], limit: int = 10) -> list[tuple[str, str, str]]:
    table = flags_table(document, limit)
    level, risk, supplier = (list(map(str, table.columns[i].cells)) for i in range(3))
    return list(zip(level, risk, supplier, strict=True))


@pytest.mark.parametrize(("name", "supplier", "row"), CASES, ids=[c[0] for c in CASES])
def test_a_rows_risk_types_say_their_levels_where_they_differ(
    tmp_path: Path, name: str, supplier: dict[str, Any], row: tuple[str, str]
) -> None:
    document = assessed_low(tmp_path, [supplier], "consulting")
    found = [(level, risk) for level, risk, who in _rows(document) if who == supplier["name"]]
    assert found == [row]


def _said(row_level: str, risk: str) -> dict[str, str]:
    """The level a row's risk cell gives each of its risk types (by risk name)."""
    head, _, rest = risk.partition(" (+")
    said = {head: row_level}
    if rest:
        for item in rest.removesuffix(")").split(", "):
            other, _, level = item.partition(": ")
            said[other] = level or row_level
    return said


CHAINS = [
    [c[1] for c in CASES],
    [
        {"id": "U1", "name": "Nowhere Packaging", "sector": "packaging"},
        {"id": "Q1", "name": "Doha Build", "country": "QA", "sector": "construction"},
        {"id": "M1", "name": "Penang Boards", "country": "MY", "sector": "electronics-assembly"},
    ],
]


@pytest.mark.parametrize("suppliers", CHAINS)
def test_every_flag_of_a_row_reads_at_the_level_every_register_shows_it(
    tmp_path: Path, suppliers: list[dict[str, Any]]
) -> None:
    document = assessed_low(tmp_path, suppliers, "consulting")
    shown: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    for flag in register(document):
        name = flag["supplier_name"] + (" [inferred]" if flag["inferred"] else "")
        names[name] = flag["supplier_id"]
        shown.setdefault(name, {})[RISK_NAMES[flag["risk_type"]]] = level_shown(flag, flag["level"])
    rows = _rows(document, 100)
    assert len(rows) == len(shown)  # (one row per flagged supplier)
    marked = 0
    for level, risk, who in rows:
        assert _said(level, risk) == shown[who], who
        marked += ": " in risk
    assert marked  # (the chains hold rows whose flags differ)


def _risk_column(text: str) -> str:
    """The risk cells of a printed table, their lines joined (a cell wraps over lines); of
    a table drawn as records (a narrow terminal), the whole text so joined."""
    lines = [line.split("│") for line in text.splitlines() if line.startswith("│")]
    cells = [line[2] for line in lines if len(line) == 7]  # (the five columns' rows)
    return " ".join(" ".join(cells or [text]).split())


# (60 columns: each row drawn as a record; 160: a table, its risk cells wrapped)
@pytest.mark.parametrize("width", [60, 160])
def test_the_levels_are_printed_at_any_width(tmp_path: Path, width: int) -> None:
    document = assessed_low(tmp_path, [c[1] for c in CASES], "consulting")
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render(document, console, tree=False)
    risks = _risk_column(console.export_text())
    for _, _, (_, risk) in CASES:
        assert risk in risks
