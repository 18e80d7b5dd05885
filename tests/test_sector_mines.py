"""A mine written by its minerals ("cobalt mining", "gold mine", "mining") is read as a mining
sector, never left without one: the scale it says, else the worse of the mining sectors that
extract what it names, with a located `sector-scale-unknown` warning; its minerals stand for
its products where those name no good, kept apart from them. Fish and shrimp farming is
aquaculture; a text naming two sectors of goods is the worse of them, the others kept beside
it (input-format §9). The cases of sector texts are data: tests/assets/sectors/mines.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.profiles import load_profiles
from ddtool.sources import read_chain

ROOT = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "sectors" / "mines.yaml").read_text(encoding="utf-8")
)
SCALE_UNKNOWN = "does not say whether the mine is artisanal or industrial: scored as "


@pytest.mark.parametrize("case", CASES, ids=[case["text"] for case in CASES])
def test_a_sector_text_of_a_mine_or_fish_farm_is_read(case: dict[str, Any]) -> None:
    match = load_profiles().match_sector(case["text"])
    assert match.id == case["sector"]
    assert (match.assumed is not None) == case.get("warned", False)
    assert (match.beside is not None) == case.get("beside", False)
    assert list(match.products) == case.get("products", [])
    assert [other.id for other in match.others] == case.get("others", [])
    if "names" in case:  # (in the text's order)
        told = match.beside or ""
        assert told.startswith("names '")
        at = [told.find(f"'{sector}'") for sector in case["names"]]
        assert -1 not in at and at == sorted(at)
    if match.id is None:
        assert match.products == ()
        assert not (match.note or "").startswith("names ")  # (two sectors: the worse)
        if "suggested" in case:
            assert case["suggested"] in (match.suggestion or "")
        else:  # (no mine suggested for a mine's tools and services)
            assert "mining'" not in (match.suggestion or "")


@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.get("beside") and not c.get("others")],
    ids=lambda c: str(c["text"]),
)
def test_a_sector_of_goods_beside_a_service_names_both(case: dict[str, Any]) -> None:
    profiles = load_profiles()
    match = profiles.match_sector(case["text"])
    assert match.id is not None and match.beside is not None
    chosen = profiles.sectors[match.id]
    assert match.beside.startswith("names '")
    assert f"'{match.id}'" in match.beside
    assert f"scored as {chosen.name[:1].lower()}{chosen.name[1:]}, the one of a goods' chain" in (
        match.beside
    )


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.get("warned")], ids=lambda c: str(c["text"])
)
def test_a_mine_of_unknown_scale_says_what_it_is_scored_as_and_how_to_say_otherwise(
    case: dict[str, Any],
) -> None:
    profiles = load_profiles()
    match = profiles.match_sector(case["text"])
    assert match.id is not None and match.assumed is not None
    chosen = profiles.sectors[match.id]
    other = "industrial-mining" if match.id == "artisanal-mining" else "artisanal-mining"
    assert match.assumed.startswith(SCALE_UNKNOWN + chosen.name[:1].lower() + chosen.name[1:])
    assert match.assumed.endswith(f"write '{other}'")


def _inherent(sector_id: str) -> float:
    risk = load_profiles().sectors[sector_id].risk.values()
    return max(r.likelihood * r.severity for r in risk)


@pytest.mark.parametrize("text", ["cobalt mining", "gold mine", "copper mining", "mining"])
def test_where_both_mining_sectors_extract_it_the_worse_is_taken(text: str) -> None:
    """Not known is never low: the reading is the mining sector of the higher inherent risk."""
    match = load_profiles().match_sector(text)
    assert match.id is not None
    assert _inherent(match.id) > _inherent(
        "industrial-mining" if match.id == "artisanal-mining" else "artisanal-mining"
    )
    assert "the worse of the two" in (match.assumed or "")


def test_a_table_warns_at_each_mine_of_unknown_scale_and_keeps_its_minerals_apart(
    tmp_path: Path,
) -> None:
    """The warning is located (row, column); the minerals named stand for the products only
    where those name no good, and are kept apart from them (the products stay as written:
    they were filled in, so an assessment showed 'cobalt' the file never said); a scale
    said, or another sector, gives no warning."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "id,name,country,sector,products\n"
        "C1,a,COD,cobalt mining,\n"
        "C2,b,COD,cobalt mining,copper\n"
        "C3,c,COD,artisanal cobalt mining,\n"
        "C4,d,GHA,gold mine,\n"
        "C5,e,VNM,shrimp farming,\n"
        "C6,f,COD,mining,\n"
        "C7,g,COD,cobalt mining,no gold\n",
        "utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    found = [(p.type, p.location.row, p.location.column) for p in problems.warnings]
    assert found == [
        ("sector-scale-unknown", 2, "sector"),
        ("sector-scale-unknown", 3, "sector"),
        ("sector-scale-unknown", 5, "sector"),
        ("sector-scale-unknown", 7, "sector"),
        ("sector-scale-unknown", 8, "sector"),
    ]
    [first] = [p for p in problems.warnings if p.location.row == 2]
    assert first.message.startswith("sector 'cobalt mining' " + SCALE_UNKNOWN)
    read = {s.id: (s.sector, s.products, s.sector_minerals) for s in chain.suppliers}
    assert read == {
        "C1": ("artisanal-mining", [], ("cobalt",)),
        "C2": ("artisanal-mining", ["copper"], ()),  # (its own products stand)
        "C3": ("artisanal-mining", [], ("cobalt",)),
        "C4": ("artisanal-mining", [], ("gold",)),
        "C5": ("aquaculture", [], ()),
        "C6": ("artisanal-mining", [], ()),
        # (a denial names no good: the minerals still say which listings apply)
        "C7": ("artisanal-mining", ["no gold"], ("cobalt",)),
    }
    products = {s.id: s.products_read() for s in chain.suppliers}
    assert products["C1"] == ["cobalt"] and products["C7"] == ["cobalt", "no gold"]
    assert products["C2"] == ["copper"]


def test_a_yaml_record_reads_a_mine_as_a_table_row_does(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: X, country: DEU}\nsuppliers:\n"
        "  - {id: M1, name: m, country: COD, sector: cobalt mine}\n"
        "  - {id: M2, name: n, country: COD, sector: cobalt mine, products: [copper]}\n",
        "utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert [(p.type, p.location.line) for p in problems.warnings] == [
        ("sector-scale-unknown", 3),
        ("sector-scale-unknown", 4),
    ]
    read = {s.id: (s.sector, s.products, s.sector_minerals) for s in chain.suppliers}
    assert read == {
        "M1": ("artisanal-mining", [], ("cobalt",)),
        "M2": ("artisanal-mining", ["copper"], ()),
    }
