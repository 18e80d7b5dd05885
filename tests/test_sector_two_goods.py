"""A sector text naming several sectors of goods is read as the worse of them, the others kept
beside it for the score, with a located `several-sectors` warning naming them all (it was no
sector, scored on the country alone: "fishing and fish farming" in Indonesia low/medium/medium
beside fishing vessels' critical/critical/high; earlier the longest name, the lower risk).
The worse is the sector of the higher inherent risk: the highest likelihood x severity over
the risk types, then their sum, then the taxonomy's order (input-format §9). The cases of
sector texts are data: tests/assets/sectors/two_sectors.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.model import OtherSector
from ddtool.profiles import Profiles, Sector, load_profiles
from ddtool.sources import read_chain

ROOT = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "sectors" / "two_sectors.yaml").read_text(encoding="utf-8")
)
TWO_OF_GOODS = [case for case in CASES if case.get("others")]


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


def _worse(profiles: Profiles, ids: list[str]) -> str:
    """The worse sector as the docs define it, worked out here apart from the code."""
    order = list(profiles.sectors)

    def rank(sector: Sector) -> tuple[float, float, int]:
        products = [r.likelihood * r.severity for r in sector.risk.values()]
        return max(products), sum(products), -order.index(sector.id)

    return max((profiles.sectors[i] for i in ids), key=rank).id


@pytest.mark.parametrize("case", CASES, ids=[case["text"] for case in CASES])
def test_a_sector_text_naming_several_sectors_is_read(
    profiles: Profiles, case: dict[str, Any]
) -> None:
    match = profiles.match_sector(case["text"])
    assert match.id == case["sector"]
    assert [other.id for other in match.others] == case.get("others", [])
    assert (match.assumed is not None) == case.get("mine", False)
    assert match.note is None and match.suggestion is None
    names = case.get("names", [])
    assert (match.beside is not None) == bool(names)
    if names:  # (each named, in the text's order)
        at = [(match.beside or "").find(f"'{sector}'") for sector in names]
        assert -1 not in at and at == sorted(at)


@pytest.mark.parametrize("case", TWO_OF_GOODS, ids=[case["text"] for case in TWO_OF_GOODS])
def test_the_sector_taken_is_the_worse_and_the_warning_says_so(
    profiles: Profiles, case: dict[str, Any]
) -> None:
    match = profiles.match_sector(case["text"])
    assert match.id == _worse(profiles, [case["sector"], *case["others"]])
    chosen = profiles.sectors[case["sector"]]
    told = match.beside or ""
    assert f": scored as {chosen.name[:1].lower()}{chosen.name[1:]}, the worse" in told
    assert "(of the higher inherent risk), and on each risk type no lower than " in told
    for other in case["others"]:
        name = profiles.sectors[other].name
        assert f"no lower than {name[:1].lower()}{name[1:]}" in told or (
            f" and {name[:1].lower()}{name[1:]}:" in told
        )
    assert told.endswith("; give the one sector of this supplier")


def test_a_table_warns_at_each_row_and_keeps_the_other_sectors(tmp_path: Path) -> None:
    """Located warnings (row, column); the other sectors kept with the minerals each names,
    cleared where the products name a good (as a mine's own minerals are)."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "id,name,country,sector,products\n"
        "F1,a,IDN,fishing and fish farming,\n"
        "M1,b,CIV,cocoa farming; gold mining,\n"
        "M2,c,CIV,cocoa farming; gold mining,cocoa beans\n"
        "M3,d,COD,gold mining; lithium mining,\n"
        "S1,e,COD,cobalt mining; logistics,\n"
        "P1,f,GHA,cocoa farming,\n",
        "utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    found = [(p.type, p.location.row, p.location.column) for p in problems.warnings]
    assert found == [
        ("several-sectors", 2, "sector"),
        ("several-sectors", 3, "sector"),
        ("sector-scale-unknown", 3, "sector"),
        ("several-sectors", 4, "sector"),
        ("sector-scale-unknown", 4, "sector"),
        ("several-sectors", 5, "sector"),
        ("sector-scale-unknown", 5, "sector"),
        ("several-sectors", 6, "sector"),
        ("sector-scale-unknown", 6, "sector"),
    ]
    [first] = [p for p in problems.warnings if p.location.row == 2]
    assert first.message.startswith(
        "sector 'fishing and fish farming' names 'fishing-vessels' (Fishing vessels (capture"
        " fisheries)) and 'aquaculture' (Aquaculture (fish and shrimp farming)): scored as"
        " fishing vessels (capture fisheries), the worse"
    )
    read = {s.id: (s.sector, s.sector_minerals, s.other_sectors) for s in chain.suppliers}
    assert read == {
        "F1": ("fishing-vessels", (), (OtherSector("aquaculture"),)),
        "M1": ("artisanal-mining", ("gold",), (OtherSector("cocoa-farming"),)),
        # (its products name a good of another chain only, the farm's: the mine's gold
        # stands for what it mines)
        "M2": ("artisanal-mining", ("gold",), (OtherSector("cocoa-farming"),)),
        "M3": ("artisanal-mining", ("gold",), (OtherSector("industrial-mining", ("lithium",)),)),
        "S1": ("artisanal-mining", ("cobalt",), ()),  # (a service is no other sector)
        "P1": ("cocoa-farming", (), ()),
    }
    assert chain.suppliers[0].model_dump().keys().isdisjoint({"other_sectors"})  # (not shown)


def test_a_yaml_record_reads_several_sectors_as_a_table_row_does(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: X, country: DEU}\nsuppliers:\n"
        "  - {id: L1, name: m, country: IND, sector: Leather / footwear}\n"
        "  - {id: M3, name: n, country: COD, sector: gold mining; lithium mining,"
        " products: [copper]}\n",
        "utf-8",
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    assert [(p.type, p.location.line) for p in problems.warnings] == [
        ("several-sectors", 3),
        ("several-sectors", 4),
        ("sector-scale-unknown", 4),
    ]
    read = {s.id: (s.sector, s.sector_minerals, s.other_sectors) for s in chain.suppliers}
    assert read == {
        "L1": ("leather-tanning", (), (OtherSector("footwear-manufacturing"),)),
        # (the products name a good: no mine's minerals stand for them)
        "M3": ("artisanal-mining", (), (OtherSector("industrial-mining"),)),
    }


def test_profiles_show_sector_says_what_a_text_naming_several_is_read_as() -> None:
    """It said the text was no sector, naming both; it shows the worse, and why."""
    shown = CliRunner().invoke(
        app, ["profiles", "show", "sector", "fishing and fish farming"], env={"COLUMNS": "300"}
    )
    assert shown.exit_code == 0, shown.output
    first, *_ = shown.output.splitlines()
    assert first.startswith("Fishing vessels (capture fisheries) (fishing-vessels)")
    said = " ".join(shown.output.split())  # (as one line, however wrapped)
    assert "'fishing and fish farming' names 'fishing-vessels'" in said
    assert "no lower than aquaculture (fish and shrimp farming)" in said
