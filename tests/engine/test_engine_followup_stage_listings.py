"""An inferred intermediate stage of a sector with distinct products (not_commodities) does
not take the listings of those its buyer's products rule out, as a mapped supplier of that
sector naming the same material does not (methodology, sections 3.5 and 7): a fabric mill
for a maker of cotton t-shirts in India weaves no silk fabric. Products that say nothing of
the material leave every listing in place, as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of

from ddtool.assess import Assessment
from ddtool.profiles import load_profiles

RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")
LISTED = "US DOL List of Goods: "


def _assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Assessment:
    return assessment_of(tmp_path, suppliers)


def _scores(entry: dict[str, Any], key: str) -> tuple[tuple[float, float, float, str], ...]:
    return tuple(
        tuple(entry[key][rt][k] for k in ("likelihood", "severity", "priority", "level"))
        for rt in RISK_TYPES
    )


def _listed(result: Assessment, node_id: str) -> list[str]:
    """The listings in the stage's evidence (those of every risk type, once each)."""
    node = result.inferred[node_id]
    found = [e.indicator for rt in RISK_TYPES for e in node.evidence[rt]]
    return sorted({i[len(LISTED) :] for i in found if i.startswith(LISTED)})


FABRIC_IND_COTTON = (
    (0.3833, 0.7, 0.2683, "low"),
    (0.5671, 0.8, 0.4537, "medium"),
    (0.4866, 0.8, 0.3893, "medium"),
)
FABRIC_IND_ALL = ((0.8, 0.7, 0.56, "high"), *FABRIC_IND_COTTON[1:])  # Silk Fabric's floor
YARN_IND = (
    (0.8, 0.75, 0.6, "high"),
    (0.8, 0.85, 0.68, "high"),
    (0.5366, 0.85, 0.4561, "medium"),
)
FABRIC_BGD = (
    (0.8, 0.7, 0.56, "high"),
    (0.5304, 0.8, 0.4243, "medium"),
    (0.4636, 0.8, 0.3709, "medium"),
)

# (country, the buyer's products, inferred stage id, its listings, its scores by risk type)
CASES = [
    # the material named: India's silk listings are not the stages' (the fabric mill was
    # child labour high 0.56 on Silk Fabric's floor; the spinner cited Silk Thread)
    (
        "IN",
        ["cotton t-shirts"],
        "inferred:fabric-manufacturing:cotton@IND",
        [],
        FABRIC_IND_COTTON,
    ),
    (
        "IN",
        ["cotton t-shirts"],
        "inferred:yarn-spinning:cotton@IND",
        ["Thread/Yarn (India)"],
        YARN_IND,
    ),
    # a fabric of another fibre: Textiles, no silk; the spinner is told nothing
    (
        "IN",
        ["polyester fabric"],
        "inferred:fabric-manufacturing:textiles@IND",
        [],
        FABRIC_IND_COTTON,
    ),
    (
        "IN",
        ["polyester fabric"],
        "inferred:yarn-spinning@IND",
        ["Silk Thread (India)", "Thread/Yarn (India)"],
        YARN_IND,
    ),
    # silk named: the silk listing stays (and the id, as nothing is ruled out there)
    (
        "IN",
        ["silk sarees"],
        "inferred:fabric-manufacturing@IND",
        ["Silk Fabric (India)"],
        FABRIC_IND_ALL,
    ),
    # nothing said of the material, or nothing at all: every listing, as before
    (
        "IN",
        ["t-shirts"],
        "inferred:fabric-manufacturing@IND",
        ["Silk Fabric (India)"],
        FABRIC_IND_ALL,
    ),
    ("IN", [], "inferred:fabric-manufacturing@IND", ["Silk Fabric (India)"], FABRIC_IND_ALL),
    (
        "IN",
        [],
        "inferred:yarn-spinning@IND",
        ["Silk Thread (India)", "Thread/Yarn (India)"],
        YARN_IND,
    ),
    # Bangladesh: jute is ruled out by cotton, the Textiles listing stays
    (
        "BD",
        ["cotton t-shirts"],
        "inferred:fabric-manufacturing:cotton@BGD",
        ["Textiles (Bangladesh)"],
        FABRIC_BGD,
    ),
    (
        "BD",
        [],
        "inferred:fabric-manufacturing@BGD",
        ["Jute (textiles) (Bangladesh)", "Textiles (Bangladesh)"],
        FABRIC_BGD,
    ),
    # Viet Nam lists no distinct product of these stages: ids and listings as before
    (
        "VN",
        ["cotton t-shirts"],
        "inferred:fabric-manufacturing@VNM",
        ["Textiles (Vietnam)"],
        (
            (0.8, 0.7, 0.56, "high"),
            (0.4609, 0.8, 0.3687, "medium"),
            (0.3974, 0.8, 0.3179, "medium"),
        ),
    ),
]


@pytest.mark.parametrize(("country", "products", "node_id", "listed", "scores"), CASES)
def test_an_inferred_stage_takes_the_listings_its_buyers_products_leave(
    tmp_path: Path,
    country: str,
    products: list[str],
    node_id: str,
    listed: list[str],
    scores: tuple[tuple[float, float, float, str], ...],
) -> None:
    result = _assessed(
        tmp_path,
        [
            {
                "id": "G",
                "name": "garment maker",
                "country": country,
                "sector": "garment manufacturing",
                "products": products,
            }
        ],
    )
    by_id = {s["id"]: s for s in result.data["suppliers"]}
    assert node_id in by_id, sorted(result.inferred)
    assert _listed(result, node_id) == listed
    assert _scores(by_id[node_id], "worst_case") == scores


def test_the_stage_is_scored_as_a_mapped_supplier_naming_the_material(tmp_path: Path) -> None:
    """The inferred fabric mill and spinner of a maker of cotton t-shirts in India score as
    a mapped mill of cotton jersey and a mapped spinner of cotton yarn there."""
    result = _assessed(
        tmp_path,
        [
            {
                "id": "G",
                "name": "g",
                "country": "IN",
                "sector": "garment manufacturing",
                "products": ["cotton t-shirts"],
            },
            {
                "id": "F",
                "name": "f",
                "country": "IN",
                "sector": "fabric manufacturing",
                "products": ["cotton jersey fabric"],
            },
            {
                "id": "Y",
                "name": "y",
                "country": "IN",
                "sector": "yarn spinning",
                "products": ["cotton yarn"],
            },
        ],
    )
    by_id = {s["id"]: s for s in result.data["suppliers"]}
    assert _scores(by_id["inferred:fabric-manufacturing:cotton@IND"], "worst_case") == _scores(
        by_id["F"], "risk"
    )
    assert _scores(by_id["inferred:yarn-spinning:cotton@IND"], "worst_case") == _scores(
        by_id["Y"], "risk"
    )
    assert by_id["inferred:yarn-spinning:cotton@IND"]["assumption"] == (
        "stage assumed in the buyer's country, working Cotton as the buyer's products say (so"
        " not Silk Thread)"
    )


def test_buyers_whose_products_differ_do_not_share_the_stages_above_either(
    tmp_path: Path,
) -> None:
    """A stage is shared only by buyers whose stages beneath it hold alike: the finisher of
    the maker of cotton t-shirts is one of its own, over its own mill and spinner; the
    finisher of makers that say nothing of their material (or name silk) keeps them all."""
    result = _assessed(
        tmp_path,
        [
            {"id": s, "name": s, "country": "IN", "sector": "garment manufacturing", **extra}
            for s, extra in [
                ("G1", {"products": ["cotton t-shirts"]}),
                ("G2", {}),
                ("G3", {"products": ["silk sarees"]}),
            ]
        ],
    )
    buyers = {
        node_id: sorted(node.buyers)
        for node_id, node in result.inferred.items()
        if not node_id.startswith("inferred:cotton-")
    }
    assert buyers == {
        "inferred:textile-finishing:cotton@IND": ["G1"],
        "inferred:fabric-manufacturing:cotton@IND": ["inferred:textile-finishing:cotton@IND"],
        "inferred:yarn-spinning:cotton@IND": ["inferred:fabric-manufacturing:cotton@IND"],
        "inferred:textile-finishing@IND": ["G2", "G3"],
        "inferred:fabric-manufacturing@IND": ["inferred:textile-finishing@IND"],
        "inferred:yarn-spinning@IND": ["inferred:fabric-manufacturing@IND"],
    }
    # the ginnery beneath is alike for both: one node, as before
    assert sorted(result.inferred["inferred:cotton-ginning@IND"].buyers) == [
        "inferred:yarn-spinning:cotton@IND",
        "inferred:yarn-spinning@IND",
    ]


def test_an_unknown_country_looks_for_the_worst_case_where_the_stage_is_listed(
    tmp_path: Path,
) -> None:
    """In a country not known, the fabric mill of a maker of cotton t-shirts is looked for
    where fabrics other than silk and jute are listed: India (silk fabric only) is not
    among them."""
    result = _assessed(
        tmp_path,
        [
            {
                "id": "G",
                "name": "g",
                "sector": "garment manufacturing",
                "products": ["cotton t-shirts"],
            }
        ],
    )
    assert sorted(i for i in result.inferred if "@unknown" in i) == [
        "inferred:fabric-manufacturing:cotton@unknown",
        "inferred:textile-finishing:cotton@unknown",
        "inferred:yarn-spinning:cotton@unknown",
    ]
    profiles = load_profiles()
    assert profiles.stage_countries("fabric-manufacturing", ("Cotton",)) == [
        "BGD",
        "CHN",
        "ETH",
        "GHA",
        "KHM",
        "PAK",
        "PRK",
        "VNM",
    ]
    node = result.inferred["inferred:fabric-manufacturing:cotton@unknown"]
    assert {rt: node.worst[rt][1] for rt in RISK_TYPES} == dict.fromkeys(RISK_TYPES, "ETH")


# (stage, the buyer's products, what they say it works, the distinct products ruled out,
# India's listings of the stage left)
SAID = [
    (
        "fabric-manufacturing",
        ["cotton t-shirts"],
        ("Cotton",),
        ["Jute (textiles)", "Silk Fabric"],
        [],
    ),
    ("yarn-spinning", ["cotton t-shirts"], ("Cotton",), ["Silk Thread"], ["Thread/Yarn"]),
    (
        "fabric-manufacturing",
        ["polyester fabric"],
        ("Textiles",),
        ["Jute (textiles)", "Silk Fabric"],
        [],
    ),
    ("yarn-spinning", ["polyester fabric"], (), [], ["Silk Thread", "Thread/Yarn"]),
    (
        "fabric-manufacturing",
        ["silk sarees"],
        ("Silk Fabric",),
        ["Jute (textiles)"],
        ["Silk Fabric"],
    ),
    # the buyer's own good says nothing of the stage's material
    ("fabric-manufacturing", ["t-shirts"], (), [], ["Silk Fabric"]),
    ("fabric-manufacturing", [], (), [], ["Silk Fabric"]),
    # a sector without distinct products is told nothing
    ("textile-finishing", ["cotton t-shirts"], (), [], ["Embellished Textiles"]),
]


@pytest.mark.parametrize(("stage", "products", "said", "ruled_out", "left"), SAID)
def test_what_a_buyers_products_say_an_inferred_stage_works(
    stage: str, products: list[str], said: tuple[str, ...], ruled_out: list[str], left: list[str]
) -> None:
    profiles = load_profiles()
    assert profiles.stage_said(stage, products) == said
    assert sorted(profiles.stage_ruled_out(stage, said)) == ruled_out
    assert [g.good for g in profiles.stage_listings("IND", stage, said)] == left


def test_explain_shows_the_listings_the_stage_was_scored_with(tmp_path: Path) -> None:
    """explain rebuilds the stage's row from what its buyer's products say it works: no
    Silk Fabric floor under the maker of cotton t-shirts."""
    from rich.console import Console

    from ddtool.reporters.explain import explain_supplier

    result = _assessed(
        tmp_path,
        [
            {
                "id": "G",
                "name": "g",
                "country": "IN",
                "sector": "garment manufacturing",
                "products": ["cotton t-shirts"],
            }
        ],
    )
    console = Console(record=True, width=300)
    explain_supplier(result, "inferred:fabric-manufacturing:cotton@IND", console)
    rows = [
        [cell.strip() for cell in line.split("│")[1:-1]]
        for line in console.export_text().splitlines()
        if line.startswith("│ IND")
    ]
    assert rows == [
        ["IND", "1.0000", "0.3833", "0.7000", "0.2683", "—", ""],
        ["IND", "1.0000", "0.5671", "0.8000", "0.4537", "—", ""],
        ["IND", "1.0000", "0.4866", "0.8000", "0.3893", "—", ""],
    ]
