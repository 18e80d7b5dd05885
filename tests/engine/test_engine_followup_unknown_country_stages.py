"""An inferred intermediate stage under a buyer of unknown country is treated as a mapped
supplier of its sector with its country unknown (methodology, sections 4.1 and 7): flagged
at the worst case over the countries where its sector is listed, with a "country unknown"
gap, and its low levels shown as resting on that gap, never as plain low."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of, chain_file
from typer.testing import CliRunner

from ddtool.assess import Assessment
from ddtool.cli import app
from ddtool.document import INFERRED_GAP, UNMAPPED_BELOW, low_on_a_gap, supplier_scores
from ddtool.reporters.shown import GAP_LEVEL, level_shown

RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")
NO_DATA = "no country data"  # (the own score's reason, below)


def _assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Assessment:
    return assessment_of(tmp_path, suppliers)


def _worst(entry: dict[str, Any]) -> dict[str, tuple[str | None, float, str]]:
    return {
        rt: (entry["worst_case"][rt]["country"], entry["worst_case"][rt]["priority"], level)
        for rt in RISK_TYPES
        if (level := entry["worst_case"][rt]["level"])
    }


def _own_reason(sector: str, level: str, listed: bool) -> str:
    elsewhere = (
        f"no country where {sector} is listed scores higher"
        if listed
        else f"{sector} is listed in no country"
    )
    return (
        f"inferred tier in an unknown country: own score with {NO_DATA} is {level};"
        f" {elsewhere}. Map this tier to replace the inference with real data."
    )


def _worst_reason(sector: str, level: str, where: str, own: str) -> str:
    return (
        f"inferred tier in an unknown country: {sector} is listed or scores {level} in {where};"
        f" own score with {NO_DATA} is {own}. Map this tier to replace the inference with real"
        " data."
    )


# (buyer's sector, inferred stage, worst case by risk type: (country, priority, level),
# the reason of each risk type)
CASES = [
    # listed nowhere: the own score with no country data is the worst case, and low on it
    (
        "chocolate manufacturing",
        "cocoa-processing",
        {
            "child_labour": (None, 0.155, "low"),
            "forced_labour": (None, 0.2625, "low"),
            "human_trafficking": (None, 0.245, "low"),
        },
        {rt: _own_reason("cocoa-processing", "low", False) for rt in RISK_TYPES},
    ),
    (
        "electronics manufacturing",
        "electronic-components",
        {
            "child_labour": (None, 0.195, "low"),
            "forced_labour": (None, 0.36, "medium"),
            "human_trafficking": (None, 0.34, "medium"),
        },
        {
            "child_labour": _own_reason("electronic-components", "low", False),
            "forced_labour": _own_reason("electronic-components", "medium", False),
            "human_trafficking": _own_reason("electronic-components", "medium", False),
        },
    ),
    # listed: the worst case over the countries where it is, as a mapped spinner's (it was
    # forced labour medium 0.4675 on the no-data score)
    (
        "garment manufacturing",
        "yarn-spinning",
        {
            "child_labour": ("IND", 0.6, "high"),
            "forced_labour": ("CHN", 0.68, "high"),
            "human_trafficking": ("IND", 0.4561, "medium"),
        },
        {
            "child_labour": _worst_reason("yarn-spinning", "high", "India", "medium"),
            "forced_labour": _worst_reason("yarn-spinning", "high", "China", "medium"),
            "human_trafficking": _worst_reason("yarn-spinning", "medium", "India", "medium"),
        },
    ),
    (
        "garment manufacturing",
        "fabric-manufacturing",
        {
            "child_labour": ("ETH", 0.81, "critical"),
            "forced_labour": ("ETH", 0.81, "critical"),
            "human_trafficking": ("ETH", 0.72, "critical"),
        },
        {
            rt: _worst_reason("fabric-manufacturing", "critical", "Ethiopia", "medium")
            for rt in RISK_TYPES
        },
    ),
    (
        "garment manufacturing",
        "textile-finishing",
        {
            "child_labour": ("IND", 0.81, "critical"),
            "forced_labour": ("IND", 0.81, "critical"),
            "human_trafficking": ("IND", 0.72, "critical"),
        },
        {
            rt: _worst_reason("textile-finishing", "critical", "India", "medium")
            for rt in RISK_TYPES
        },
    ),
]


@pytest.mark.parametrize(
    ("buyer", "stage", "worst", "reasons"), CASES, ids=[case[1] for case in CASES]
)
def test_an_inferred_stage_of_unknown_country_has_the_worst_case_of_a_mapped_one(
    tmp_path: Path,
    buyer: str,
    stage: str,
    worst: dict[str, tuple[str | None, float, str]],
    reasons: dict[str, str],
) -> None:
    """The stage under a buyer of unknown country is flagged where a mapped supplier of its
    sector with its country unknown is (M1 beside it), and says why."""
    result = _assessed(
        tmp_path,
        [
            {"id": "B1", "name": "buyer", "sector": buyer},
            {"id": "M1", "name": "mapped", "sector": stage},
        ],
    )
    by_id = {s["id"]: s for s in result.data["suppliers"]}
    node_id = f"inferred:{stage}@unknown"  # (the id as before)
    assert _worst(by_id[node_id]) == worst
    mapped = supplier_scores(by_id["M1"])
    assert {
        rt: {k: v for k, v in by_id[node_id]["worst_case"][rt].items() if k != "country"}
        for rt in RISK_TYPES
    } == {
        rt: {k: mapped[rt][k] for k in ("likelihood", "severity", "priority", "level")}
        for rt in RISK_TYPES
    }
    node = result.inferred[node_id]
    assert node.gaps == ["country unknown"]
    assert node.reasons == reasons
    assert by_id[node_id]["assumption"] == (
        "stage assumed in the buyer's country, which is unknown: the worst case is that of"
        " the countries where its sector is listed"
    )


def test_a_flag_at_an_inferred_stages_worst_case_cites_it(tmp_path: Path) -> None:
    """The flag is raised at the worst case (China's listing of thread and yarn for forced
    labour), its evidence that worst case, the listing that set it and its severity there,
    not the severity of the own score."""
    result = _assessed(tmp_path, [{"id": "G", "name": "g", "sector": "garment manufacturing"}])
    flags = {
        (f["supplier_id"], f["risk_type"]): f
        for f in result.data["flags"]
        if f["supplier_id"] == "inferred:yarn-spinning@unknown"
    }
    flag = flags["inferred:yarn-spinning@unknown", "forced_labour"]
    assert (flag["likelihood"], flag["severity"], flag["priority"], flag["level"]) == (
        0.8,
        0.85,
        0.68,
        "high",
    )
    facts = [result.data["evidence"][e] for e in result.data["bases"][flag["basis"]]["evidence"]]
    indicators = [f["indicator"] for f in facts]
    assert "worst case with the country unknown: yarn-spinning in China (CHN)" in indicators
    assert "US DOL List of Goods: Thread/Yarn (China)" in indicators
    severities = [f["value"] for f in facts if f["indicator"].startswith("severity (")]
    assert severities == [0.85]
    assert result.inferred["inferred:yarn-spinning@unknown"].worst_gaps == {}


def test_the_ids_of_a_chain_of_unknown_country_stay_as_they_were(tmp_path: Path) -> None:
    """Only scores and gaps change: the inferred ids (and so the flag ids) are those before."""
    result = _assessed(tmp_path, [{"id": "G", "name": "g", "sector": "garment manufacturing"}])
    assert sorted(result.inferred) == [
        "inferred:cotton-farming:cotton-lint@world",
        "inferred:cotton-ginning:cotton-lint@world",
        "inferred:fabric-manufacturing@unknown",
        "inferred:textile-finishing@unknown",
        "inferred:yarn-spinning@unknown",
    ]


@pytest.mark.parametrize(
    ("country", "gaps"),
    [
        ("BD", []),  # a country with data: no gap, as before
        (None, ["country unknown"]),
    ],
)
def test_an_inferred_stage_has_the_gaps_a_mapped_supplier_there_has(
    tmp_path: Path, country: str | None, gaps: list[str]
) -> None:
    supplier: dict[str, Any] = {"id": "G", "name": "g", "sector": "garment manufacturing"}
    if country:
        supplier["country"] = country
    result = _assessed(tmp_path, [supplier])
    stages = {i: n for i, n in result.inferred.items() if i.startswith("inferred:yarn-spinning")}
    assert [n.gaps for n in stages.values()] == [gaps]


# (entry, level, risk type, whether it reads "low (data gap)")
ENTRIES = [
    # an inferred supplier's being inferred is no missing figure of its score
    ({"inferred": True, "data_gaps": [INFERRED_GAP]}, "low", None, False),
    # an inferred stage in a country not known: its low rests on the missing country
    ({"inferred": True, "data_gaps": [INFERRED_GAP, "country unknown"]}, "low", None, True),
    (
        {"inferred": True, "data_gaps": [INFERRED_GAP, "country unknown"]},
        "low",
        "forced_labour",
        True,
    ),
    ({"inferred": True, "data_gaps": [INFERRED_GAP, "country unknown"]}, "medium", None, False),
    # another risk type's missing country data does not count
    (
        {"inferred": True, "data_gaps": [INFERRED_GAP, "no country data for forced_labour"]},
        "low",
        "child_labour",
        False,
    ),
    # mapped suppliers, as before
    ({"inferred": False, "data_gaps": [UNMAPPED_BELOW]}, "low", None, False),
    ({"inferred": False, "data_gaps": ["country unknown", UNMAPPED_BELOW]}, "low", None, True),
]


@pytest.mark.parametrize(("entry", "level", "risk_type", "on_a_gap"), ENTRIES)
def test_a_low_level_on_an_inferred_stages_missing_country_is_no_plain_low(
    entry: dict[str, Any], level: str, risk_type: str | None, on_a_gap: bool
) -> None:
    assert low_on_a_gap(entry, level, risk_type) is on_a_gap
    shown = level_shown(entry, level, risk_type)
    assert shown == (GAP_LEVEL if on_a_gap else level)


def test_explain_shows_an_inferred_stage_of_unknown_country_on_its_gap(tmp_path: Path) -> None:
    """explain shows the stage's low as the reports do, where it rests on the country not
    known, the worst case it looked for, and the gaps."""
    maker = {"id": "Y", "name": "y", "country": "unknown", "sector": "chocolate-manufacturing"}
    path = chain_file(tmp_path, [maker], {"name": "T", "country": "DEU"})
    done = CliRunner().invoke(
        app, ["explain", str(path), "inferred:cocoa-processing@unknown"], env={"COLUMNS": "250"}
    )
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert [line for line in lines if line.startswith("own score with no country data")] == [
        "own score with no country data: priority 0.1550 low (data gap); worst case: 0.1550 low"
        " (data gap) (country unknown)",
        "own score with no country data: priority 0.2625 low (data gap); worst case: 0.2625 low"
        " (data gap) (country unknown)",
        "own score with no country data: priority 0.2450 low (data gap); worst case: 0.2450 low"
        " (data gap) (country unknown)",
    ]
    assert "│ country unknown │ 1.0000 │     0.3750 │   0.7000 │   0.2625 │" in done.output
    assert (
        "forced labour: cocoa-processing is listed in no country; own score 0.2625 (low (data"
        " gap)) with no country data: flagged and rolled up at it"
    ) in lines
    assert lines[-1] == "data gaps: inferred: no supplier mapped at this tier, country unknown"
    assert "other countries" not in done.output
