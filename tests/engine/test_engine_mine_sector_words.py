"""Mines and fish farms written in common words keep their sector, listings and level.

"cobalt mining" was no sector: scored as a sector not matched, medium on every risk type,
while "artisanal cobalt mining" beside it was critical; "gold mining" in Ghana was child
labour "low (data gap)", and a batch counted such members' flags under sector "unknown". A
mine of unknown scale is now read as the worse mining sector for what it names, warned,
with the minerals it names standing for its products (so the cobalt listing applies, as it
does to an industrial mine naming cobalt); the products shown stay those the file gives."""

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
# (the products as the file gives them: the minerals read from the sector text are not
# written there)
EXPECTED = {
    "C1": ("artisanal-mining", [], COBALT),
    "C2": ("artisanal-mining", [], COBALT),
    "C3": ("industrial-mining", ["cobalt"], COBALT),
    "C5": ("artisanal-mining", [], DRC_MINES),
    "C6": ("artisanal-mining", [], COBALT),
    "C7": ("aquaculture", [], []),
    "C8": ("artisanal-mining", [], ["Gold"]),
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


def _sector_gaps(supplier: dict[str, Any]) -> list[str]:
    """A supplier's data gaps but those of its country's data."""
    return [gap for gap in supplier["data_gaps"] if "country data" not in gap]


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
    # (was "sector not matched"; Ghana's country data lacks its working-children rate)
    assert all(not _sector_gaps(s) for s in doc["suppliers"])


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


# ---- texts the reading above left lower, silently: each row with the reading it must equal
# (the same text alone, or as plainly meant) or, for two sectors of goods, on each risk type
# the higher of their scores. (row id, country, sector, products, the row whose score it equals)
SAME_AS = [
    # a mine beside a service is the mine as read alone (was logistics, software, consulting)
    ("L1", "COD", "cobalt mining; logistics", "", "A1"),
    ("L2", "GHA", "gold mining, software services", "", "A2"),
    ("L3", "GHA", "mining, consulting", "", "A3"),
    ("L6", "COD", "artisanal cobalt mining; logistics", "", "A4"),
    # a company, an operator or an open pit says no scale (was industrial: high/low/low)
    ("S2", "GHA", "gold mining company", "", "A2"),
    ("S3", "GHA", "gold mine operator", "", "A2"),
    ("S5", "GHA", "open pit mine", "", "A3"),
    ("S6", "GHA", "mining company", "", "A3"),
    # an ore's name beside "artisanal" (was no sector: medium)
    ("R2", "COD", "artisanal coltan mining", "", "A5"),
    ("R4", "COD", "artisanal cassiterite mining", "", "A6"),
    # a form of business, a name or a place beside the mine (was no sector: medium)
    ("W1", "COD", "tin mining cooperative", "", "A7"),
    ("W2", "COD", "Kolwezi cobalt mine", "", "A1"),
    ("W3", "GHA", "gold mining ltd", "", "A2"),
    ("W4", "GHA", "gold mining in Ghana", "", "A2"),
    # products that only deny keep the minerals the sector names (was no listing at all)
    ("P1", "COD", "cobalt mining", "no gold", "A1"),
]
ALONE = [
    ("A1", "COD", "cobalt mining", ""),
    ("A2", "GHA", "gold mine", ""),
    ("A3", "GHA", "mining", ""),
    ("A4", "COD", "artisanal cobalt mining", ""),
    ("A5", "COD", "small-scale coltan mining", ""),
    ("A6", "COD", "small-scale cassiterite mining", ""),
    ("A7", "COD", "tin mining", ""),
]
# two sectors of goods: the worse, and on each risk type the higher of their scores (was the
# longer: fish farming, medium, beside fishing, critical in Indonesia; cocoa farming beside a
# gold mine, silently; then none, scored on the country alone: in Indonesia low/medium/medium)
THE_WORSE = [
    ("F1", "IDN", "fishing and fish farming", ["fishing", "fish farming"]),
    ("F2", "IDN", "fish farming and fishing", ["fish farming", "fishing"]),
    ("F3", "IDN", "fishing; fish farming", ["fishing", "fish farming"]),
    ("F4", "BGD", "fish farming and processing", ["fish farming", "fish processing"]),
    ("F5", "CIV", "cocoa farming; gold mining", ["cocoa farming", "gold mining"]),
]


@pytest.fixture(scope="module")
def review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    rows = [(i, c, s, p) for i, c, s, p, _ in SAME_AS] + ALONE
    rows += [(i, c, s, "") for i, c, s, _ in THE_WORSE]
    rows += [
        (f"{i}-{n}", c, part, "") for i, c, _, parts in THE_WORSE for n, part in enumerate(parts)
    ]
    path = tmp_path_factory.mktemp("review") / "review.csv"
    lines = [f'{i},{i},{c},"{s}",{p}' for i, c, s, p in rows]
    path.write_text("id,name,country,sector,products\n" + "\n".join(lines) + "\n", "utf-8")
    return path, assess([path]).data


def _row_warnings(doc: dict[str, Any], path: Path) -> dict[str, list[tuple[str, str]]]:
    """Each supplier's warnings (type, message) by its id, from the row they point at."""
    ids = [line.split(",", 1)[0] for line in path.read_text("utf-8").splitlines()[1:]]
    found: dict[str, list[tuple[str, str]]] = {}
    for w in doc["warnings"]:
        found.setdefault(ids[w["location"]["row"] - 2], []).append((w["type"], w["message"]))
    return found


@pytest.mark.parametrize(("sid", "country", "sector", "products", "same"), SAME_AS)
def test_a_mine_however_written_is_scored_as_the_mine_it_names(
    review: tuple[Path, dict[str, Any]],
    sid: str,
    country: str,
    sector: str,
    products: str,
    same: str,
) -> None:
    path, doc = review
    suppliers = _suppliers(doc)
    got, alone = suppliers[sid], suppliers[same]
    assert got["sector"] == alone["sector"] == "artisanal-mining"
    assert got["risk"] == alone["risk"]
    assert got["listings"] == alone["listings"] and got["listings"]
    assert got["products"] == ([products] if products else [])  # (as written)
    assert not _sector_gaps(got)
    kinds = [kind for kind, _ in _row_warnings(doc, path).get(sid, [])]
    # a list names the service it leaves out; a scale not said is said
    assert ("several-sectors" in kinds) == (";" in sector or "," in sector)
    assert ("sector-scale-unknown" in kinds) == ("artisanal" not in sector)


@pytest.mark.parametrize(("sid", "country", "sector", "parts"), THE_WORSE)
def test_two_sectors_of_goods_are_the_worse_and_no_lower_than_either(
    review: tuple[Path, dict[str, Any]], sid: str, country: str, sector: str, parts: list[str]
) -> None:
    path, doc = review
    suppliers = _suppliers(doc)
    got = suppliers[sid]
    alone = [suppliers[f"{sid}-{n}"] for n in range(len(parts))]
    [taken] = [a for a in alone if a["sector"] == got["sector"]]
    assert got["data_gaps"] == taken["data_gaps"]  # (no "sector not matched")
    assert not [gap for gap in got["data_gaps"] if "sector" in gap]
    for risk_type in RISK_TYPES:  # (each as high as the higher of the two, and no higher)
        highest = max(a["risk"][risk_type]["priority"] for a in alone)
        assert got["risk"][risk_type]["priority"] == highest
    assert {item["good"] for item in got["listings"]} == {
        item["good"] for a in alone for item in a["listings"]
    }
    warned = _row_warnings(doc, path)[sid]
    assert [kind for kind, _ in warned if kind != "sector-scale-unknown"] == ["several-sectors"]
    [message] = [message for kind, message in warned if kind == "several-sectors"]
    named = [a["sector"] for a in alone]
    assert message.startswith(f"sector {sector!r} names '{named[0]}'")
    assert f"and '{named[1]}'" in message
    assert message.endswith("give the one sector of this supplier")


def test_explain_says_which_minerals_were_read_from_the_sector_text(
    review: tuple[Path, dict[str, Any]],
) -> None:
    """The products stay as written (an assessment showed 'cobalt' the file never gave, and
    a diff against an earlier one 'products: none → cobalt'); explain says where the
    listing's good came from."""
    path, _ = review
    said = CliRunner().invoke(app, ["explain", str(path), "A1"], env={"COLUMNS": "200"})
    assert said.exit_code == 0, said.output
    assert "minerals read from the sector text: cobalt" in said.output
    other = CliRunner().invoke(app, ["explain", str(path), "A4"], env={"COLUMNS": "200"})
    assert "minerals read from the sector text: cobalt" in other.output
    written = CliRunner().invoke(app, ["explain", str(path), "L2"], env={"COLUMNS": "200"})
    assert "minerals read from the sector text: gold" in written.output
