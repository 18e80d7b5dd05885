"""An inferred stage's expected figures are the mean of its origins' printed figures over
their weights, rounded to four decimals half up like every other figure: a mean landing on
a half of the fourth decimal was rounded either way, as the binary float nearest it lay
(0.42155 printed 0.4215, 0.67605 printed 0.6761), and the level was that of the unrounded
mean, not of the printed priority."""

from __future__ import annotations

from pathlib import Path

import pytest
from chain_support import chain_file

from ddtool.assess import AssessOptions, assess

# A shrimp processor's farms are inferred half in China (the one country whose share of
# farmed shrimp is published) and half in the processor's own country (own_country_lean
# 0.5): each expected figure is (China's + the country's) / 2, exactly a half where the two
# printed figures' sum is odd in its fourth decimal.
# (the processor's country, risk type, figure, the printed mean: the two origins' figures)
# (each was printed a ten-thousandth lower, the binary float below the half)
HALVES: list[tuple[str, str, str, float]] = [
    ("ECU", "forced_labour", "priority", 0.4216),  # (0.3843 + 0.4588) / 2 = 0.42155
    ("THA", "child_labour", "likelihood", 0.6608),  # 0.66075
    ("BGD", "forced_labour", "priority", 0.4176),
    ("MMR", "forced_labour", "likelihood", 0.6261),
    ("VNM", "human_trafficking", "priority", 0.3545),
]


def _farms(tmp_path: Path, country: str, settings: str = "") -> dict[str, dict[str, float | str]]:
    supplier = {"id": "P1", "name": "Processor", "country": country, "sector": "seafood-processing"}
    chain = chain_file(tmp_path, [{**supplier, "products": ["frozen shrimp"]}])
    options = AssessOptions()
    if settings:
        (tmp_path / "settings.yaml").write_text(settings, "utf-8")
        options = AssessOptions(config=tmp_path / "settings.yaml")
    document = assess([chain], options).data
    [farms] = [s for s in document["suppliers"] if s["inferred"]]
    assert farms["id"] == f"inferred:aquaculture:shrimp-farmed@{country}"
    assert [o["weight"] for o in farms["origins"] if o["weight"]] == [0.5, 0.5]
    risk: dict[str, dict[str, float | str]] = farms["risk"]
    return risk


@pytest.mark.parametrize(("country", "risk_type", "figure", "printed"), HALVES)
def test_an_expected_figure_on_a_half_is_rounded_up(
    tmp_path: Path, country: str, risk_type: str, figure: str, printed: float
) -> None:
    assert _farms(tmp_path, country)[risk_type][figure] == printed


def test_the_level_is_the_printed_priority_s(tmp_path: Path) -> None:
    """With the high threshold at 0.4216, the Ecuadorian farms' forced labour (0.42155,
    printed 0.4216) is high, not medium."""
    settings = "thresholds: {medium: 0.3, high: 0.4216, critical: 0.7}\n"
    risk = _farms(tmp_path, "ECU", settings)["forced_labour"]
    assert (risk["priority"], risk["level"]) == (0.4216, "high")
