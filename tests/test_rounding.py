"""Every rounded step of a score is rounded half up on the decimals of the printed figures
before it, as a reader recomputing it by hand rounds it (docs/methodology.md 3.7); and the
listings' risk types are those they set a floor on (3.5, docs/json-contract.md)."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import Assessment, AssessOptions, assess
from ddtool.config import Config
from ddtool.scoring import RiskDetail, half_up
from ddtool.verify import verify

ROOT = Path(__file__).resolve().parents[1]

# (value as written, rounded half up): exact halves, either side of their binary floats
HALVES = [
    ("0.22725", 0.2273),
    ("0.13125", 0.1313),
    ("0.70945", 0.7095),
    ("0.45225", 0.4523),
    ("0.35225", 0.3523),
    ("0.01875", 0.0188),
    ("0.62275", 0.6228),
    ("0.227249", 0.2272),
    ("-0.00005", -0.0001),
    ("1", 1.0),
]


@pytest.mark.parametrize(("written", "rounded"), HALVES)
def test_half_up_rounds_a_half_up_whatever_its_binary_float(written: str, rounded: float) -> None:
    assert half_up(Fraction(written)) == rounded


ROUND_CHAIN = """\
company: {name: Round Co, country: DE, sector: software-services}
suppliers:
  - {id: VN-TOYS, name: vn toys, country: VN, products: [toys]}
  - {id: VN-SW, name: vn software, country: VN, sector: software-services}
  - {id: SG-SW, name: sg software, country: SG, sector: software-services}
  - {id: WS-SW, name: ws software, country: WS, sector: software-services}
  - {id: TH-VES, name: th vessel, country: TH, sector: fishing-vessels, products: [fish],
     migrant_pct: 90}
"""

# (supplier, risk type, country score, base, likelihood, priority): each as a reader works it
# out from the printed figures before it (software services: likelihood 0.05; the sector
# not known: 0.5), every half rounded up
FIGURES = [
    ("VN-SW", "child_labour", 0.4045, 0.2273, 0.2273, 0.0682),  # 0.025 + 0.20225
    ("VN-SW", "forced_labour", 0.4217, 0.2359, 0.2359, 0.118),  # 0.025 + 0.21085
    ("SG-SW", "forced_labour", 0.2125, 0.1313, 0.1313, 0.0657),  # 0.025 + 0.10625
    ("WS-SW", "human_trafficking", 0.7095, 0.3798, 0.3798, 0.1899),  # mean exactly 0.70945
    ("VN-TOYS", "child_labour", 0.4045, 0.4523, 0.4523, 0.3166),  # 0.25 + 0.20225; × 0.7
    # base 0.4 + 0.5 × 0.4455 = 0.62275; + 0.09 migrant uplift; × 0.95 = 0.67716
    ("TH-VES", "human_trafficking", 0.4455, 0.6228, 0.7128, 0.6772),
]


@pytest.fixture(scope="module")
def rounded(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    path = tmp_path_factory.mktemp("round") / "round.yaml"
    path.write_text(ROUND_CHAIN, "utf-8")
    return assess([path])


@pytest.mark.parametrize(
    ("supplier", "risk_type", "country", "base", "likelihood", "priority"),
    FIGURES,
    ids=[f"{f[0]}-{f[1]}" for f in FIGURES],
)
def test_each_step_is_the_printed_figures_before_it_rounded_half_up(
    rounded: Assessment,
    supplier: str,
    risk_type: str,
    country: float,
    base: float,
    likelihood: float,
    priority: float,
) -> None:
    detail = rounded.risks[supplier].by_type[risk_type]
    assert (detail.country.score, detail.base) == (country, base)
    assert (detail.score.likelihood, detail.score.priority) == (likelihood, priority)
    entry = next(s for s in rounded.data["suppliers"] if s["id"] == supplier)
    assert entry["risk"][risk_type]["likelihood"] == likelihood
    assert entry["risk"][risk_type]["priority"] == priority


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.0001"), ROUND_HALF_UP)


def _by_hand(detail: RiskDetail, config: Config) -> tuple[Decimal, Decimal, Decimal]:
    """The base, likelihood and priority a reader works out from the printed figures before
    each (decimal arithmetic, rounded half up), for a supplier of a rated sector."""
    weight = Decimal(repr(config.scoring.sector_weight))
    assert detail.sector_likelihood is not None
    base = _half_up(
        weight * Decimal(repr(detail.sector_likelihood))
        + (1 - weight) * Decimal(repr(detail.country.score))
    )
    summed = Decimal(repr(detail.base)) + sum(
        (Decimal(repr(delta)) for _, delta in detail.adjustments), Decimal(0)
    )
    held = max(Decimal(repr(detail.floor)), min(Decimal(1), max(Decimal(0), summed)))
    likelihood = _half_up(held)
    priority = _half_up(likelihood * Decimal(repr(detail.score.severity)))
    return base, likelihood, priority


@pytest.mark.parametrize("chain", ["seafood.yaml", "electronics_minerals.yaml", "garment.yaml"])
def test_a_reader_recomputing_every_mapped_score_gets_the_printed_figures(chain: str) -> None:
    """Every mapped supplier of a rated sector (not one taken from products) in the sample
    chain: its base, likelihood and priority are those worked out by hand."""
    done = assess([ROOT / "sample_chains" / chain])
    checked = 0
    for supplier in done.chain.suppliers:
        if supplier.sector is None:
            continue
        for detail in done.risks[supplier.id].by_type.values():
            if detail.sector_likelihood is None or detail.sector != supplier.sector:
                continue
            base, likelihood, priority = _by_hand(detail, done.config)
            shown = (detail.base, detail.score.likelihood, detail.score.priority)
            assert (float(base), float(likelihood), float(priority)) == shown, supplier.id
            checked += 1
    assert checked > 20


# a chain with a downstream listing of each kind: palm oil made with inputs from Indonesia
# (its inputs listed for child labour), solar modules from China (for forced labour)
DOWNSTREAM_CHAIN = """\
company: {name: G Co, country: DE, sector: general-manufacturing}
suppliers:
  - {id: ID-MILL, name: id mill, country: ID, sector: palm-oil-milling,
     products: [crude palm oil]}
  - {id: CN-SOL, name: cn solar, country: CN, sector: solar-module-manufacturing,
     products: [solar modules]}
"""


@pytest.fixture(scope="module")
def downstream(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("downstream")
    chain = folder / "g.yaml"
    chain.write_text(DOWNSTREAM_CHAIN, "utf-8")
    path = folder / "g.json"
    done = assess([chain], AssessOptions())
    path.write_text(json.dumps(done.data), "utf-8")
    return path, done.data


@pytest.mark.parametrize(
    ("supplier", "risk_types", "floored"),
    [("ID-MILL", ["child_labour"], "child_labour"), ("CN-SOL", ["forced_labour"], "forced_labour")],
)
def test_a_downstream_listing_names_the_risk_types_it_raises(
    downstream: tuple[Path, dict[str, Any]], supplier: str, risk_types: list[str], floored: str
) -> None:
    entry = next(s for s in downstream[1]["suppliers"] if s["id"] == supplier)
    listed = [g for g in entry["listings"] if g["downstream"]]
    assert listed and all(g["risk_types"] == risk_types for g in listed)
    # the floor is on those risk types (downstream_floor 0.6 at least), not on the others
    assert entry["risk"][floored]["likelihood"] >= 0.6
    assert downstream[1]["schema_version"] == "2.7"


def test_verify_compares_a_2_4_files_downstream_listings_as_written(
    downstream: tuple[Path, dict[str, Any]],
) -> None:
    path, document = downstream
    fresh = verify(path)
    assert fresh.reproduced, fresh.reasons
    before = json.loads(json.dumps(document))
    before["schema_version"] = "2.4"
    for entry in before["suppliers"]:
        for listing in entry.get("listings") or ():
            if listing["downstream"]:
                listing["risk_types"] = []
    copy = path.with_name("g-2.4.json")
    copy.write_text(json.dumps(before), "utf-8")
    outcome = verify(copy)
    assert outcome.reproduced, outcome.reasons
    assert any("a downstream listing's risk_types" in line for line in outcome.checked)


# (setting changed, trafficking floor of the Ivorian cocoa farm's forced child labour
# listing, its child labour floor): the trafficking floor is listing_floor's
COCOA_FLOORS = [
    ({}, 0.8, 0.9),
    ({"listing_floor": 0.6}, 0.6, 0.9),
    ({"forced_child_labour_floor": 0.95}, 0.8, 0.95),
]


@pytest.mark.parametrize(("scoring", "trafficking", "child"), COCOA_FLOORS)
def test_a_forced_child_labour_listings_trafficking_floor_is_listing_floor(
    tmp_path: Path, scoring: dict[str, float], trafficking: float, child: float
) -> None:
    chain = tmp_path / "m.yaml"
    chain.write_text(
        "company: {name: M Co, country: DE, sector: cocoa-processing}\n"
        "suppliers:\n"
        "  - {id: CI-FARM, name: ci farm, country: CI, sector: cocoa-farming,"
        " products: [cocoa beans]}\n",
        "utf-8",
    )
    config = Config.model_validate({"scoring": scoring})
    detail = assess([chain], AssessOptions(settings=config)).risks["CI-FARM"].by_type
    assert detail["human_trafficking"].floor == trafficking
    assert detail["child_labour"].floor == child


def _section(doc: str, heading: str) -> str:
    return doc.split(heading, 1)[1].split("\n## ", 1)[0]


# (file, the setting's line, what it must say of the risk types its floor is on)
SETTINGS_SAID = [
    ("methodology.md", "| `scoring.listing_floor` |", "trafficking floor from a forced child"),
    ("methodology.md", "| `scoring.downstream_floor` |", "child or forced labour"),
    ("ddtool.example.yaml", "listing_floor:", "trafficking floor"),
    ("ddtool.example.yaml", "downstream_floor:", "child or forced labour"),
]


@pytest.mark.parametrize(("doc", "line", "says"), SETTINGS_SAID)
def test_the_floor_settings_are_described_on_the_risk_types_they_set(
    doc: str, line: str, says: str
) -> None:
    text = (ROOT / "docs" / doc).read_text("utf-8")
    if doc == "methodology.md":
        text = _section(text, "## 9. Configuration defaults")
    at = text.index(line)
    said = text[at : text.index("\n", text.index("\n", at) + 1)]  # (the line and the next)
    assert says in said
    assert "forced labour floor from" not in said and "forced-labour floor for" not in said


def test_the_weighting_example_is_what_the_tool_gives(tmp_path: Path) -> None:
    """docs/methodology.md section 8: shares the tool accepts, and the weighted figure it gives."""
    doc = _section((ROOT / "docs" / "methodology.md").read_text("utf-8"), "## 8. Exposure")
    said = " ".join(doc.split())
    assert "shares 0.7 and 0.6" not in said
    assert "0.6 × 0.81 + 0.4 × 0.5738 + 0 × 0.72 = 0.71552, shown 0.7155" in said
    chain = tmp_path / "shares.yaml"
    farm = "sector: cocoa-farming, products: [cocoa beans], buyers: [TRD-NL]"
    chain.write_text(
        "company: {name: Share Co, country: DE, sector: food-manufacturing}\n"
        "suppliers:\n"
        "  - {id: TRD-NL, name: nl trader, country: NL, sector: cocoa-trading,"
        " products: [cocoa beans]}\n"
        f"  - {{id: FARM-CI, name: ci farm, country: CI, {farm}, share: 0.6}}\n"
        f"  - {{id: FARM-EC, name: ec farm, country: EC, {farm}, share: 0.4}}\n"
        f"  - {{id: FARM-GH, name: gh farm, country: GH, {farm}}}\n",
        "utf-8",
    )
    done = assess([chain])
    entries = {s["id"]: s for s in done.data["suppliers"]}
    farms = ("FARM-CI", "FARM-EC", "FARM-GH")
    priorities = [entries[f]["risk"]["child_labour"]["priority"] for f in farms]
    assert priorities == [0.81, 0.5738, 0.72]
    exposure = entries["TRD-NL"]["exposure"]["child_labour"]
    assert (exposure["weighted_priority"], exposure["priority"]) == (0.7155, 0.81)
    assert entries["TRD-NL"]["risk"]["child_labour"]["priority"] == 0.1078
