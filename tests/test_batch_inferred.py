"""A member's exposure that sits on a tier nobody mapped says so in the batch summary.

Two members buy cocoa butter from the same Dutch grinder; one maps the Ivorian cocoa farms
beneath it, the other does not, so its critical rests on the cocoa farms the engine infers.
Both read "critical"; only the second is an assumption to replace by mapping, and
summary.json (`inferred` in each exposure) and the Ranking sheet ("Highest on an inferred
tier") tell them apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batch_support import read_summary, write_members
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app

GRINDER = {
    "id": "G1",
    "name": "Grinder BV",
    "country": "NLD",
    "sector": "cocoa-processing",
    "products": ["cocoa butter"],
}
FARMS = {"id": "F1", "name": "Farm Coop", "country": "CIV", "sector": "cocoa-farming"}
MEMBERS: dict[str, tuple[list[dict[str, Any]], bool]] = {
    "assumed": ([GRINDER], True),
    "mapped": ([GRINDER, {**FARMS, "buyers": ["G1"]}], False),
}
RISKS = ("child_labour", "forced_labour", "human_trafficking")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inferred")
    members = write_members(folder / "in", MEMBERS, "food-manufacturing")
    args = ["batch", str(members), "-o", str(folder / "out"), "--format", "json", "--jobs", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return folder / "out"


@pytest.mark.parametrize("member", MEMBERS)
def test_the_summary_says_whether_the_highest_level_sits_on_an_inferred_tier(
    out: Path, member: str
) -> None:
    [row] = [r for r in read_summary(out)["ranking"] if r["member"] == member]
    for risk in RISKS:
        assert row["exposure"][risk]["level"] == "critical"
        assert row["exposure"][risk]["inferred"] is MEMBERS[member][1]


def test_the_ranking_sheet_lists_the_risk_types_on_an_inferred_tier(out: Path) -> None:
    sheet = load_workbook(out / "summary.xlsx")["Ranking"]
    header, *rows = sheet.iter_rows(values_only=True)
    column = header.index("Highest on an inferred tier")
    shown = {row[1]: row[column] for row in rows}
    assert shown == {
        "assumed": "child labour, forced labour, human trafficking",
        "mapped": None,
    }
