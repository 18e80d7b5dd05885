"""Inferred origin mixes that must not understate: goods of raw sectors of their own named by
a food maker come from their origins, not from farms in its country; producers listed for a
good but without a published share count for the worst case; a mix whose shares cover
little of the world is a data gap; a share of capacity is named so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of

from ddtool.assess import assess
from ddtool.propagation import MIX_COVERAGE_PCT


def _inferred(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    document = assessment_of(tmp_path, suppliers).data
    return {s["id"]: s for s in document["suppliers"] if s["inferred"]}


def _food_maker(products: list[str]) -> dict[str, Any]:
    """F1, a food maker in Germany, with these products."""
    return {
        "id": "F1",
        "name": "Aromen",
        "country": "DEU",
        "sector": "food manufacturing",
        "products": products,
    }


# (products of a German food maker, the inferred farm, its worst origin for child labour)
FOOD_CASES = [
    (["vanilla"], "inferred:vanilla-farming:vanilla@world", "MDG"),
    (["tea"], "inferred:tea-farming:tea@world", "KEN"),
    (["hazelnuts"], "inferred:hazelnut-farming:hazelnuts-in-shell@world", "TUR"),
]


@pytest.mark.parametrize(("products", "node", "worst"), FOOD_CASES)
def test_a_food_makers_named_good_comes_from_its_origins(
    tmp_path: Path, products: list[str], node: str, worst: str
) -> None:
    """Germany grows no vanilla: the farm was "crop farming in Germany", scored low."""
    found = _inferred(tmp_path, [_food_maker(products)])
    assert list(found) == [node]
    entry = found[node]
    assert entry["buyers"] == ["F1"]
    weighted = [o for o in entry["origins"] if o["weight"]]
    assert len(weighted) >= 2 and all(o["share_pct"] and o["source"] for o in weighted)
    assert entry["worst_case"]["child_labour"]["country"] == worst
    assert entry["worst_case"]["child_labour"]["level"] in ("high", "critical")


# (a raw sector's supplier of unknown country, so its farms' country is inferred: the
# inferred origin stage, a country listed for the good but absent from the published shares
# that is now its worst origin, and whether the mix's coverage is a data gap)
LISTED_CASES = [
    ("seafood-trade", ["farmed shrimp"], "inferred:aquaculture:shrimp-farmed@world", "THA", 18.93),
    (
        "rubber-products",
        ["tyres"],
        "inferred:rubber-plantations:natural-rubber@world",
        "MMR",
        72.4,
    ),
]


@pytest.mark.parametrize(("sector", "products", "node", "listed", "covered"), LISTED_CASES)
def test_a_listed_producer_without_a_share_counts_for_the_worst_case(
    tmp_path: Path, sector: str, products: list[str], node: str, listed: str, covered: float
) -> None:
    """Farmed shrimp: shares are published for China alone (18.93 %); Thailand, where
    shrimp is listed for forced and child labour, was not in the mix, and the worst case was
    medium. It is critical now, in Thailand, with no weight in the expected figure."""
    found = _inferred(
        tmp_path,
        [{"id": "B1", "name": "Buyer", "country": "DEU", "sector": sector, "products": products}],
    )
    entry = found[node]
    origins = {o["country"]: o for o in entry["origins"]}
    assert origins[listed]["weight"] is None and origins[listed]["share_pct"] is None
    assert {rt: w["country"] for rt, w in entry["worst_case"].items()} == {
        "child_labour": listed,
        "forced_labour": listed,
        "human_trafficking": listed,
    }
    assert all(w["level"] == "critical" for w in entry["worst_case"].values())
    assert covered < MIX_COVERAGE_PCT
    commodity = node.split(":")[2].replace("-", " ")
    gaps = [g for g in entry["data_gaps"] if g.startswith("origin mix")]
    assert len(gaps) == 1 and f"shares published for {covered:g}% of world" in gaps[0]
    assert commodity.split()[0] in gaps[0]


def test_a_mix_that_covers_most_of_the_world_has_no_coverage_gap(tmp_path: Path) -> None:
    found = _inferred(
        tmp_path,
        [
            {
                "id": "C1",
                "name": "Chocolatier",
                "country": "DEU",
                "sector": "chocolate manufacturing",
            }
        ],
    )
    farms = [e for node, e in found.items() if node.startswith("inferred:cocoa-farming")]
    assert farms and all(not any(g.startswith("origin mix") for g in e["data_gaps"]) for e in farms)


def test_a_share_of_capacity_is_named_so(tmp_path: Path) -> None:
    """China's 79 % of polysilicon is of manufacturing capacity (IEA), not of production."""
    document = assessment_of(
        tmp_path,
        [
            {
                "id": "S1",
                "name": "Solar",
                "country": "DEU",
                "sector": "solar module manufacturing",
                "products": ["solar modules"],
            }
        ],
    ).data
    facts = [
        e["indicator"]
        for e in document["evidence"].values()
        if e["indicator"].startswith("origin China: share of world polysilicon")
    ]
    assert facts == [
        "origin China: share of world polysilicon (solar-grade) manufacturing capacity (%)"
    ]


def test_a_mapped_farm_of_the_named_good_is_not_inferred_again(tmp_path: Path) -> None:
    """The vanilla farm beneath the food maker is mapped (Madagascar): no vanilla farm at
    the world's origin mix beside it, flagged high and asking to map a tier that is."""
    found = _inferred(
        tmp_path,
        [
            _food_maker(["vanilla"]),
            {
                "id": "V1",
                "name": "Vanilla coop",
                "country": "MDG",
                "sector": "vanilla farming",
                "products": ["vanilla"],
                "buyers": ["F1"],
            },
        ],
    )
    assert not any(node.startswith("inferred:vanilla-farming") for node in found)
    assert all("F1" not in entry["buyers"] for entry in found.values())


def test_the_gap_and_evidence_name_the_producers_the_expected_figure_omits(
    tmp_path: Path,
) -> None:
    """Farmed shrimp: only China's share is published, so the expected figure rests on China
    alone; the data gap and the origin-mix evidence name the producers it leaves out (before,
    the gap gave the coverage only)."""
    chain = tmp_path / "shrimp.yaml"
    chain.write_text(
        "company: {name: X, country: DEU, sector: wholesale-trade}\n"
        "suppliers:\n"
        "  - {id: P1, name: p, country: DEU, sector: seafood-processing,"
        " products: [farmed shrimp]}\n",
        encoding="utf-8",
    )
    doc = assess([chain]).data
    [farms] = [s for s in doc["suppliers"] if s["id"].startswith("inferred:aquaculture:")]
    omitted = [o["country"] for o in farms["origins"] if o["weight"] is None]
    assert omitted and "ECU" in omitted
    [gap] = [g for g in farms["data_gaps"] if g.startswith("origin mix:")]
    assert gap.endswith(f"; the expected figure omits {', '.join(omitted)} (no share)")
    mixes = [
        e for e in doc["evidence"].values() if e["indicator"].startswith("inferred origin mix")
    ]
    assert mixes and all("the expected figure omits them" in e["value"] for e in mixes)


def test_one_producer_omitted_and_shares_over_a_hundred_are_said_plainly(
    tmp_path: Path,
) -> None:
    """Tungsten: the published shares, each rounded by its source, add up to 100.5%, and one
    producer (DR Congo) has none: the mix says the total is of rounded shares, and that the
    expected figure omits it (not "them")."""
    chain = tmp_path / "tungsten.yaml"
    chain.write_text(
        "company: {name: X, country: DEU, sector: electronics-manufacturing}\n"
        "suppliers:\n"
        "  - {id: R1, name: r, country: AUT, sector: smelting-refining, products: [tungsten]}\n",
        encoding="utf-8",
    )
    doc = assess([chain]).data
    mixes = {
        e["value"]
        for e in doc["evidence"].values()
        if e["indicator"].startswith("inferred origin mix for tungsten")
    }
    assert mixes
    for value in mixes:
        assert "100.5% of world production, rounded shares adding up to over 100%" in value
        assert value.endswith("not weighted: COD; the expected figure omits it)")
