"""Mines and fish farms written in common words keep their sector, listings and level.

"cobalt mining" was no sector: scored as a sector not matched, medium on every risk type,
while "artisanal cobalt mining" beside it was critical; "gold mining" in Ghana was child
labour "low (data gap)", and a batch counted such members' flags under sector "unknown". A
mine of unknown scale is now read as the worse mining sector for what it names, warned,
with the minerals it names as its products (so the cobalt listing applies, as it does to an
industrial mine naming cobalt)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.model import LEVELS, RISK_TYPES

CHAIN = (
    "id,name,country,sector,products\n"
    "C1,Kolwezi Cobalt,DR Congo,cobalt mining,\n"
    "C2,Kolwezi Cobalt 2,DR Congo,artisanal cobalt mining,\n"
    "C3,Kolwezi Cobalt 3,DR Congo,industrial-mining,cobalt\n"
    "C5,Mine 5,DR Congo,mining,\n"
    "C6,Mine 6,DR Congo,cobalt mine,\n"
    "C7,Shrimp,Viet Nam,shrimp farming,\n"
    "C8,Gold,Ghana,gold mining,\n"
)
COBALT = ["Cobalt ore (heterogenite)"]
# every listing of artisanal mining in DR Congo: a mine that names no mineral gets them all
DRC_MINES = [
    "Cobalt ore (heterogenite)",
    "Copper",
    "Gold",
    "Tantalum ore (coltan)",
    "Tin ore (cassiterite)",
    "Tungsten ore (wolframite)",
]
EXPECTED = {
    "C1": ("artisanal-mining", ["cobalt"], COBALT),
    "C2": ("artisanal-mining", ["cobalt"], COBALT),
    "C3": ("industrial-mining", ["cobalt"], COBALT),
    "C5": ("artisanal-mining", [], DRC_MINES),
    "C6": ("artisanal-mining", ["cobalt"], COBALT),
    "C7": ("aquaculture", [], []),
    "C8": ("artisanal-mining", ["gold"], ["Gold"]),
}


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mines") / "m.csv"
    path.write_text(CHAIN, "utf-8")
    return path


@pytest.fixture(scope="module")
def doc(chain: Path) -> dict[str, Any]:
    return assess([chain]).data


def _suppliers(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in doc["suppliers"]}


def _level(supplier: dict[str, Any], risk_type: str) -> int:
    return LEVELS.index(supplier["risk"][risk_type]["level"])


def test_each_mine_and_the_fish_farm_get_their_sector_products_and_listings(
    doc: dict[str, Any],
) -> None:
    found = {
        sid: (s["sector"], s["products"], sorted({item["good"] for item in s["listings"]}))
        for sid, s in _suppliers(doc).items()
    }
    assert found == EXPECTED
    assert all(not s["data_gaps"] for s in doc["suppliers"])  # (was "sector not matched")


def test_a_mine_of_unknown_scale_is_never_below_the_industrial_reading(
    doc: dict[str, Any],
) -> None:
    """'cobalt mining' is scored as artisanal cobalt mining: as C2 on every risk type, and
    never below C3, the industrial mine naming cobalt; gold mining in Ghana is not low."""
    suppliers = _suppliers(doc)
    for risk_type in RISK_TYPES:
        assert suppliers["C1"]["risk"][risk_type] == suppliers["C2"]["risk"][risk_type]
        assert suppliers["C6"]["risk"][risk_type] == suppliers["C2"]["risk"][risk_type]
        assert _level(suppliers["C1"], risk_type) >= _level(suppliers["C3"], risk_type)
        assert (
            suppliers["C1"]["risk"][risk_type]["priority"]
            >= suppliers["C3"]["risk"][risk_type]["priority"]
        )
    assert suppliers["C1"]["risk"]["child_labour"]["level"] == "critical"
    assert suppliers["C8"]["risk"]["child_labour"]["level"] == "critical"


def test_the_scale_not_said_is_a_located_warning(doc: dict[str, Any]) -> None:
    found = [(w["type"], w["location"]["row"], w["location"]["column"]) for w in doc["warnings"]]
    assert found == [("sector-scale-unknown", row, "sector") for row in (2, 5, 6, 8)]
    messages = {w["location"]["row"]: w["message"] for w in doc["warnings"]}
    assert messages[2] == (
        "sector 'cobalt mining' does not say whether the mine is artisanal or industrial:"
        " scored as artisanal and small-scale mining (ASM), the worse of the two for cobalt"
        " (an unknown scale is not taken as the lower risk); if it is industrial"
        " (large-scale) mining, write 'industrial-mining'"
    )


def test_validate_gives_the_same_warnings(chain: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(chain), "--format", "json"])
    assert result.exit_code == 0, result.output
    [report] = json.loads(result.output)
    assert [p["type"] for p in report["problems"]] == ["sector-scale-unknown"] * 4
    assert report["data_gaps"] == {}  # (5 suppliers were without a sector)


def test_a_batch_counts_the_mines_flags_under_their_sectors(chain: Path, tmp_path: Path) -> None:
    members = tmp_path / "members"
    members.mkdir()
    (members / "member.csv").write_text(chain.read_text("utf-8"), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["batch", str(members), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    sectors = {(h["country"], h["sector"]) for h in summary["hotspots"]}
    assert ("COD", "artisanal-mining") in sectors and ("VNM", "aquaculture") in sectors
    assert all(sector != "unknown" for _country, sector in sectors)
