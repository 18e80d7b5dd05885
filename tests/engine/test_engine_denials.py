"""A supplier whose products deny a good gets none of that good's raw stages inferred beneath
it (its farms, mines or vessels, and the first processing or trade of it alone), nor stages
labelled with it: a garment maker of "polyester shirts, not cotton" gets its finisher, fabric
mill and spinner, marked "no-cotton-lint", and no ginning or cotton farms. Every other stage
stays as it was: a denial never removes what the supplier does not deny for certain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath


def _supplier(sid: str, country: str, sector: str, products: list[str]) -> dict[str, Any]:
    return {"id": sid, "name": sid, "country": country, "sector": sector, "products": products}


# (country, sector, products, the ids of the inferred suppliers beneath it)
BENEATH = [
    pytest.param(
        "BGD",
        "garment-manufacturing",
        ["polyester shirts", "not cotton"],
        {
            "inferred:textile-finishing:no-cotton-lint@BGD",
            "inferred:fabric-manufacturing:no-cotton-lint@BGD",
            "inferred:yarn-spinning:no-cotton-lint@BGD",
        },
        id="polyester shirts, not cotton: no cotton label, ginning or farms",
        # before: textile-finishing:cotton@BGD, fabric-manufacturing:cotton@BGD,
        # yarn-spinning@BGD, cotton-ginning:cotton-lint@world, cotton-farming:cotton-lint@world
    ),
    pytest.param(
        "IND",
        "fabric-manufacturing",
        ["cotton-free fabric"],
        {"inferred:yarn-spinning:no-cotton-lint@IND"},
        id="cotton-free fabric: its spinner, no ginning or farms",
        # before: yarn-spinning:cotton@IND, cotton-ginning@IND, cotton-farming:cotton-lint@IND
    ),
    pytest.param(
        "IND",
        "garment-manufacturing",
        ["non-cotton yarn shirts"],
        {
            "inferred:textile-finishing:no-cotton-lint:thread-yarn@IND",
            "inferred:fabric-manufacturing:no-cotton-lint:thread-yarn@IND",
            "inferred:yarn-spinning:no-cotton-lint:thread-yarn@IND",
        },
        id="non-cotton yarn shirts: yarn still said",
    ),
    pytest.param(
        "CHN",
        "battery-manufacturing",
        ["LFP cells", "no cobalt or nickel"],
        {
            "inferred:electronic-components:lithium@CHN",
            "inferred:smelting-refining:lithium@CHN",
            "inferred:mineral-trading:lithium@CHN",
            "inferred:industrial-mining:lithium@CHN",
        },
        id="LFP cells, no cobalt or nickel: lithium (as before)",
    ),
    pytest.param(
        "THA",
        "seafood-processing",
        ["no shrimp"],
        {"inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"},
        id="no shrimp: vessels, no shrimp farms",
    ),
    pytest.param(
        "THA",
        "seafood-processing",
        ["not tuna"],
        {
            "inferred:fishing-vessels:fish-seafood-capture-fisheries@THA",
            "inferred:aquaculture:shrimp-farmed@THA",
        },
        id="not tuna: vessels still (other fish are caught)",
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "beneath"), BENEATH)
def test_a_denied_good_is_not_inferred_beneath_its_supplier(
    tmp_path: Path, country: str, sector: str, products: list[str], beneath: set[str]
) -> None:
    doc = assessed_data(tmp_path, "apparel-retail", [_supplier("S", country, sector, products)])
    assert set(inferred_beneath(doc, "S")) == beneath


def test_the_stage_a_denial_empties_says_so(tmp_path: Path) -> None:
    """Its assumption says what is not inferred beneath it, and why; its supplier keeps its
    data gap."""
    doc = assessed_data(
        tmp_path,
        "apparel-retail",
        [_supplier("F", "IND", "fabric-manufacturing", ["cotton-free fabric"])],
    )
    found = {s["id"]: s for s in doc["suppliers"]}
    assert found["inferred:yarn-spinning:no-cotton-lint@IND"]["assumption"] == (
        "stage assumed in the buyer's country; no cotton (lint) inferred beneath it: the"
        " buyer's products deny it"
    )
    assert "tiers below not mapped (inferred)" in found["F"]["data_gaps"]


def _raw_pairs(doc: dict[str, Any], supplier: str) -> set[str]:
    """The inferred stages of a raw commodity beneath a supplier (its origins, and a first
    processing at its origin), as sector and commodity (lean aside)."""
    return {
        node_id.removeprefix("inferred:").split("@")[0]
        for node_id, node in inferred_beneath(doc, supplier).items()
        if node["products"]
    }


# (country, sector, products, a denial added, the raw stages it removes)
ADDED = [
    (
        "BGD",
        "garment-manufacturing",
        ["t-shirts"],
        "not cotton",
        {"cotton-farming:cotton-lint", "cotton-ginning:cotton-lint"},
    ),
    (
        "CHN",
        "electronics-manufacturing",
        ["printed circuit boards"],
        "cobalt-free",
        {"artisanal-mining:cobalt", "industrial-mining:cobalt"},
    ),
    ("THA", "seafood-processing", ["frozen blocks"], "no shrimp", {"aquaculture:shrimp-farmed"}),
    (
        "BEL",
        "chocolate-manufacturing",
        ["pralines"],
        "no cocoa",
        {"cocoa-farming:cocoa-beans", "cocoa-trading:cocoa-beans"},
    ),
    # a word the products say elsewhere, or a kind of a commodity: nothing removed
    ("BGD", "garment-manufacturing", ["cotton t-shirts"], "not cotton", set()),
    ("THA", "seafood-processing", ["frozen blocks"], "not tuna", set()),
    # (a denial that may deny a part of a good only: 'no cobalt-and-tin solder', perhaps)
    (
        "CHN",
        "electronics-manufacturing",
        ["printed circuit boards"],
        "no cobalt and tin solder",
        set(),
    ),
    # ('free' denies the good just before it; 'tin solder' may be said)
    (
        "CHN",
        "electronics-manufacturing",
        ["printed circuit boards"],
        "tin solder and cobalt free",
        {"artisanal-mining:cobalt", "industrial-mining:cobalt"},
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "denial", "removed"), ADDED)
def test_a_denial_removes_the_raw_stages_of_what_it_denies_and_nothing_else(
    tmp_path: Path,
    country: str,
    sector: str,
    products: list[str],
    denial: str,
    removed: set[str],
) -> None:
    without = assessed_data(tmp_path, "apparel-retail", [_supplier("S", country, sector, products)])
    with_denial = assessed_data(
        tmp_path, "apparel-retail", [_supplier("S", country, sector, [*products, denial])]
    )
    before, after = _raw_pairs(without, "S"), _raw_pairs(with_denial, "S")
    assert before - after == removed
    assert after <= before


COTTON = {"cotton-farming:cotton-lint", "cotton-ginning:cotton-lint"}
COCOA = {"cocoa-farming:cocoa-beans", "cocoa-trading:cocoa-beans"}
COBALT = {"artisanal-mining:cobalt", "industrial-mining:cobalt"}
TIN = {"artisanal-mining:tin", "industrial-mining:tin"}
GOLD = {"artisanal-mining:gold", "industrial-mining:gold"}
SHRIMP = {"aquaculture:shrimp-farmed"}
_GARMENTS, _CHOCOLATE = ("BGD", "garment-manufacturing"), ("BEL", "chocolate-manufacturing")
_ELECTRONICS, _SEAFOOD = ("CHN", "electronics-manufacturing"), ("THA", "seafood-processing")

# one chain, as a buyer may write it: (supplier, where and what, its products, a denial, the
# raw stages of the good the denial is about, whether it denies that good for certain)
CHAIN = [
    ("GM-1", _GARMENTS, "men's shirts", "no cotton", COTTON, True),
    ("GM-2", _GARMENTS, "polyester shirts", "not cotton", COTTON, True),
    ("GM-3", _GARMENTS, "knit shirts", "cotton-free fabric", COTTON, True),
    ("GM-7", _GARMENTS, "men's shirts", "no cotton from Xinjiang", COTTON, False),
    ("GM-8", _GARMENTS, "knit shirts", "no non-cotton fibres", COTTON, False),
    ("GM-9", _GARMENTS, "shirts", "no cotton blends", COTTON, False),
    ("GM-10", _GARMENTS, "shirts", "no cotton-polyester blend", COTTON, False),
    ("GM-11", _GARMENTS, "shirts", "no cotton except BCI", COTTON, False),
    ("CH-1", _CHOCOLATE, "compound coating", "no cocoa", COCOA, True),
    ("CH-2", _CHOCOLATE, "dark chocolate couverture", "no cocoa butter substitutes", COCOA, False),
    ("CH-3", _CHOCOLATE, "compound coating", "without cocoa butter", COCOA, False),
    ("CH-4", _CHOCOLATE, "pralines", "no cocoa from protected forests", COCOA, False),
    ("EMS-1", _ELECTRONICS, "power banks", "cobalt-free batteries", COBALT, True),
    ("EMS-2", _ELECTRONICS, "power banks", "no cobalt or nickel", COBALT, True),
    ("EMS-3", _ELECTRONICS, "PCB assemblies", "no tin", TIN, True),
    ("EMS-4", _ELECTRONICS, "connectors", "no gold", GOLD, True),
    ("EMS-5", _ELECTRONICS, "power banks", "not cobalt-free", COBALT, False),
    ("EMS-6", _ELECTRONICS, "laptops", "no cobalt from the DRC", COBALT, False),
    ("EMS-7", _ELECTRONICS, "PCB assemblies", "no tin-lead solder", TIN, False),
    ("EMS-8", _ELECTRONICS, "PCB assemblies", "no tin whiskers", TIN, False),
    ("EMS-9", _ELECTRONICS, "connectors", "no gold plating", GOLD, False),
    ("EMS-10", _ELECTRONICS, "PCB assemblies", "no cobalt and tin solder", COBALT | TIN, False),
    ("SF-1", _SEAFOOD, "frozen blocks", "no shrimp", SHRIMP, True),
    ("SF-2", _SEAFOOD, "frozen blocks", "no shrimp from Thailand", SHRIMP, False),
]
CHAIN_IDS = [f"{products}; {denial}" for _, _, products, denial, _, _ in CHAIN]


@pytest.fixture(scope="module")
def chain_docs(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], dict[str, Any]]:
    """The chain assessed with its denials, and without them."""
    docs = []
    for denials in (True, False):
        suppliers = [
            _supplier(sid, country, sector, [products, denial] if denials else [products])
            for sid, (country, sector), products, denial, _, _ in CHAIN
        ]
        docs.append(assessed_data(tmp_path_factory.mktemp("chain"), "apparel-retail", suppliers))
    return docs[0], docs[1]


@pytest.mark.parametrize(
    ("sid", "where", "products", "denial", "stages", "certain"), CHAIN, ids=CHAIN_IDS
)
def test_only_a_denial_for_certain_removes_the_stages_of_a_good(
    chain_docs: tuple[dict[str, Any], dict[str, Any]],
    sid: str,
    where: tuple[str, str],
    products: str,
    denial: str,
    stages: set[str],
    certain: bool,
) -> None:
    """A good denied for certain has its raw stages removed; one that may be denied in part
    only ('no cotton from Xinjiang', 'without cocoa butter', 'no tin-lead solder') or whose
    denial is denied ('not cobalt-free') keeps them, and its supplier is scored as it is
    without the denial: the buyer's products are not read as denying it."""
    with_denial, without = chain_docs
    kept = _raw_pairs(with_denial, sid)
    assert stages <= _raw_pairs(without, sid)
    if certain:
        assert kept.isdisjoint(stages)
        return
    assert stages <= kept
    assert not any(":no-" in node for node in inferred_beneath(with_denial, sid))
    exposure = {s["id"]: s["exposure"] for s in without["suppliers"]}
    assert next(s for s in with_denial["suppliers"] if s["id"] == sid)["exposure"] == exposure[sid]
