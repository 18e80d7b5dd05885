"""The main risk indicators of each sector, and what each measure addresses, rest on words a
reader finds in the rationale and the measure's text (tests/assets/measures/
indicator_words.yaml); a main indicator no measure of the catalogue addresses for its risk
type and sector is said where the sector is shown, and the bundled ones are exactly those
listed here (methodology, sections 3.2 and 6)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console

from ddtool.profiles import Profiles, bundled_dir, load_profiles
from ddtool.reporters.profiles_view import show_item

ROOT = Path(__file__).resolve().parents[2]
WORDS: dict[str, Any] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "measures" / "indicator_words.yaml").read_text(encoding="utf-8")
)
PROFILES = load_profiles()

# (sector, risk type) → its main indicators that no measure of the catalogue for that risk
# type and sector addresses: a new one must be added here, and said so, to pass
UNADDRESSED: dict[tuple[str, str], tuple[str, ...]] = {}


def _reads(words: str, indicator: str, text: str) -> bool:
    return any(re.search(w, text, re.IGNORECASE) for w in WORDS[words][indicator])


def test_the_words_cover_every_risk_indicator() -> None:
    assert set(WORDS["rationale"]) == set(PROFILES.risk_indicators)
    assert set(WORDS["measure"]) == set(PROFILES.risk_indicators)


@pytest.mark.parametrize(
    ("sector", "risk_type", "indicator"),
    [
        (s.id, rt, i)
        for s in PROFILES.sectors.values()
        for rt, r in s.risk.items()
        for i in r.indicators
    ],
)
def test_a_sectors_main_indicator_is_said_in_its_rationale(
    sector: str, risk_type: str, indicator: str
) -> None:
    rationale = PROFILES.sectors[sector].risk[risk_type].rationale
    assert _reads("rationale", indicator, rationale), rationale


@pytest.mark.parametrize(
    ("measure", "indicator"),
    [(m.id, a) for m in PROFILES.measures for a in m.addresses],
)
def test_a_measure_addresses_what_its_text_acts_on(measure: str, indicator: str) -> None:
    found = next(m for m in PROFILES.measures if m.id == measure)
    text = f"{found.title}. {found.action}"
    assert _reads("measure", indicator, text), text


@pytest.mark.parametrize(
    "case",
    WORDS["not_read"],
    ids=[f"{c['indicator']}: {c['text'][:30]}" for c in WORDS["not_read"]],
)
def test_weaker_words_do_not_read_as_an_indicator(case: dict[str, str]) -> None:
    """What the audit took out stays out: a migrant workforce is no deceptive recruitment,
    asking where the mines are acts on no violence."""
    assert not _reads(case["words"], case["indicator"], case["text"])


def test_the_main_indicators_no_measure_addresses_are_these() -> None:
    assert PROFILES.unaddressed == UNADDRESSED
    for (sector, risk_type), indicators in UNADDRESSED.items():
        for indicator in indicators:
            assert PROFILES.addressing(risk_type, sector, indicator) == []


def _shown(profiles: Profiles, sector: str) -> list[str]:
    console = Console(width=400, record=True)
    assert show_item(profiles, "sector", sector, console) is None
    return console.export_text().splitlines()


def _row(lines: list[str], risk_type: str, name: str) -> list[str]:
    """The cells of the main-indicator table's row of this risk type and indicator name."""
    rows = [
        [c.strip() for c in line.strip("│ ").split("│")]
        for line in lines
        if line.startswith("│") and name in line
    ]
    [row] = [r for r in rows if r[0] == risk_type]
    return row


@pytest.mark.parametrize(
    ("sector", "risk_type", "indicator", "addressed_by"),
    [
        *(
            (sector, rt, i, f"no measure in the catalogue addresses it for {rt.replace('_', ' ')}")
            for (sector, rt), indicators in UNADDRESSED.items()
            for i in indicators
        ),
        (
            "toy-manufacturing",
            "forced_labour",
            "excessive-overtime",
            "garment-purchasing-practices",
        ),
        (
            "seafood-processing",
            "child_labour",
            "hidden-work",
            "seafood-peeling-sheds (only for Shrimp or Dried Fish)",
        ),
        ("cotton-farming", "human_trafficking", "state-imposed-labour", "ht-state-imposed-exit"),
        # the eight once addressed by none: armed control of mine sites, isolation on remote
        # estates, ranches and camps and on long trips, children in private households
        ("artisanal-mining", "forced_labour", "violence-and-threats", "asm-armed-control"),
        ("gemstone-mining", "forced_labour", "violence-and-threats", "asm-armed-control"),
        *(
            (sector, "forced_labour", "isolation", "estate-remote-camps")
            for sector in (
                "sugarcane-farming",
                "rubber-plantations",
                "cattle-ranching",
                "timber-forestry",
            )
        ),
        ("logistics-transport", "forced_labour", "isolation", "transport-long-trips"),
        ("domestic-work", "child_labour", "hidden-work", "domestic-placement-ages"),
    ],
)
def test_profiles_show_sector_names_the_main_indicators_apart_and_what_addresses_them(
    sector: str, risk_type: str, indicator: str, addressed_by: str
) -> None:
    """By name, in a table of their own (ddtool's reading, not the source's words), never in
    the rationale's cell beside the source it rests on."""
    lines = _shown(PROFILES, sector)
    name = PROFILES.risk_indicators[indicator].name
    assert _row(lines, risk_type, name)[1:] == [name, addressed_by]
    rationale_rows = [line for line in lines if "│ 0." in line]
    assert len(rationale_rows) == 3
    assert not any(indicator in row or "indicator" in row.casefold() for row in rationale_rows)
    assert any(line.startswith("main risk indicators: ddtool's own reading") for line in lines)


def test_a_sector_without_main_indicators_shows_no_table_of_them() -> None:
    lines = _shown(PROFILES, "cocoa-trading")
    assert not any("main risk indicators" in line for line in lines)


def test_an_overlays_main_indicator_no_measure_addresses_is_said(tmp_path: Path) -> None:
    """The check is made on load, for an overlay's sectors too: a sector naming isolation
    where no measure acts on it is told apart at once."""
    bundled = yaml.safe_load((bundled_dir() / "sectors.yaml").read_text(encoding="utf-8"))
    sector = next(s for s in bundled["sectors"] if s["id"] == "brick-making")
    sector["risk"]["forced_labour"]["indicators"] = ["debt-bondage", "isolation"]
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "sectors.yaml").write_text(yaml.safe_dump({"sectors": [sector]}), encoding="utf-8")
    profiles = load_profiles([folder])
    assert profiles.unaddressed == {
        **UNADDRESSED,
        ("brick-making", "forced_labour"): ("isolation",),
    }
    lines = _shown(profiles, "brick-making")
    isolation = profiles.risk_indicators["isolation"].name
    assert _row(lines, "forced_labour", isolation)[2] == (
        "no measure in the catalogue addresses it for forced labour"
    )
    debt = profiles.risk_indicators["debt-bondage"].name
    assert "brick-kiln-advances" in _row(lines, "forced_labour", debt)[2].split(", ")
