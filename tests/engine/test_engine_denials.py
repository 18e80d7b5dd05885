"""A supplier whose products deny a good gets none of that good's raw stages inferred beneath
it (its farms, mines or vessels, and the first processing or trade of it alone), nor stages
labelled with it: a garment maker of "polyester shirts, not cotton" gets its finisher, fabric
mill and spinner, marked "no-cotton-lint", and no ginning or cotton farms. Every other stage
stays as it was: a denial never removes what the supplier does not deny for certain."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, assessed_low, inferred_beneath
from typer.testing import CliRunner

from ddtool.batch import _member_figures
from ddtool.cli import app
from ddtool.diff import diff_assessments, load_for_diff
from ddtool.document import denied_below, low_on_a_gap
from ddtool.model import RISK_TYPES
from ddtool.reporters import reporter_for


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
    # (the fabric is cotton-free, the knit shirts may be cotton)
    ("GM-3", _GARMENTS, "knit shirts", "cotton-free fabric", COTTON, False),
    ("GM-4", _GARMENTS, "knit shirts", "cotton-free", COTTON, True),
    ("GM-7", _GARMENTS, "men's shirts", "no cotton from Xinjiang", COTTON, False),
    ("GM-8", _GARMENTS, "knit shirts", "no non-cotton fibres", COTTON, False),
    ("GM-9", _GARMENTS, "shirts", "no cotton blends", COTTON, False),
    ("GM-10", _GARMENTS, "shirts", "no cotton-polyester blend", COTTON, False),
    ("GM-11", _GARMENTS, "shirts", "no cotton except BCI", COTTON, False),
    ("CH-1", _CHOCOLATE, "compound coating", "no cocoa", COCOA, True),
    ("CH-2", _CHOCOLATE, "dark chocolate couverture", "no cocoa butter substitutes", COCOA, False),
    ("CH-3", _CHOCOLATE, "compound coating", "without cocoa butter", COCOA, False),
    ("CH-4", _CHOCOLATE, "pralines", "no cocoa from protected forests", COCOA, False),
    # (a denial qualifying a good named beside another denies it of that good alone: the
    # power banks may hold cobalt still)
    ("EMS-1", _ELECTRONICS, "power banks", "cobalt-free batteries", COBALT, False),
    ("EMS-2", _ELECTRONICS, "power banks", "no cobalt or nickel", COBALT, True),
    ("EMS-11", _ELECTRONICS, "power banks", "neither cobalt nor nickel", COBALT, True),
    ("EMS-12", _ELECTRONICS, "smartphones", "no cobalt, tin or gold", COBALT | TIN | GOLD, True),
    ("EMS-13", _ELECTRONICS, "power banks", "no lithium, cobalt or nickel cells", COBALT, False),
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


LITHIUM = {"industrial-mining:lithium"}
_BATTERIES, _FABRIC = ("CHN", "battery-manufacturing"), ("IND", "fabric-manufacturing")

# a product as a supplier writes it, beside the same without its denial: (where and what, the
# product, the product without it, the raw stages the denial removes). A denial qualifying a
# good named beside another ('dresses; non-cotton lining', 'shirts with cotton-free lining')
# denies it of that good alone: the dresses and shirts may be cotton, and keep its stages; a
# part that is nothing but a denial, or that qualifies all the product names, removes them.
# A word a denial may deny only in part is not said either: it narrows nothing.
QUALIFIED = [
    (_GARMENTS, "dresses; non-cotton lining", "dresses", set()),
    (_GARMENTS, "shirts with cotton-free lining", "shirts", set()),
    (_GARMENTS, "dresses and non-cotton linings", "dresses", set()),
    (_GARMENTS, "dresses; no cotton lining", "dresses", set()),
    (("DEU", "apparel-retail"), "dresses; non-cotton lining", "dresses", set()),
    (_GARMENTS, "dresses; not cotton", "dresses", COTTON),
    (_GARMENTS, "polyester shirts, not cotton", "polyester shirts", COTTON),
    (_BATTERIES, "cobalt-free batteries", "batteries", COBALT),
    # (a mill in India: its ginning, in India too, is no origin stage of a commodity, and its
    # farms are India's own, ginned near them)
    (_FABRIC, "cotton-free fabric", "fabric", {"cotton-farming"}),
    # 'neither ... nor'; a list over commas whose last good 'and', 'or', 'nor' joins
    (_BATTERIES, "batteries; neither cobalt nor nickel", "batteries", COBALT),
    (
        _BATTERIES,
        "sodium-ion batteries; no lithium, cobalt or nickel",
        "sodium-ion batteries",
        COBALT | LITHIUM,
    ),
    (_ELECTRONICS, "smartphones; no cobalt, tin or gold", "smartphones", COBALT | TIN | GOLD),
    (_ELECTRONICS, "smartphones; no cobalt, tin, or gold", "smartphones", COBALT | TIN | GOLD),
    # (one list, the last of its goods followed by more words: all doubtful, none said)
    (_BATTERIES, "batteries; no lithium, cobalt or nickel cells", "batteries", set()),
]
QUALIFIED_IDS = [f"{sector}: {product}" for (_, sector), product, _, _ in QUALIFIED]


@pytest.fixture(scope="module")
def qualified_docs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The QUALIFIED suppliers assessed with their denials, and without them."""
    docs = []
    for denials in (True, False):
        suppliers = [
            _supplier(f"Q-{i}", country, sector, [product if denials else plain])
            for i, ((country, sector), product, plain, _) in enumerate(QUALIFIED)
        ]
        docs.append(assessed_data(tmp_path_factory.mktemp("q"), "apparel-retail", suppliers))
    return docs[0], docs[1]


@pytest.mark.parametrize("at", range(len(QUALIFIED)), ids=QUALIFIED_IDS)
def test_a_denial_removes_what_it_denies_of_every_good_named(
    qualified_docs: tuple[dict[str, Any], dict[str, Any]], at: int
) -> None:
    with_denial, without = qualified_docs
    removed = QUALIFIED[at][3]
    before, after = _raw_pairs(without, f"Q-{at}"), _raw_pairs(with_denial, f"Q-{at}")
    assert removed <= before
    assert before - after == removed
    assert after <= before  # (nothing narrowed to what a denial reaches)


# -- a supplier whose products deny every good beneath its sector: a data gap ---------------

DENIED_GAP = (
    "tiers below not mapped, none inferred: its products deny the raw goods the risk data"
    " follows beneath it"
)

# (country, sector, products, the suppliers mapped beneath it, its gap of the tiers below)
BENEATH_GAPS = [
    pytest.param(
        "IND",
        "yarn-spinning",
        ["yarn; not cotton"],
        [],
        f"{DENIED_GAP} (cotton (lint))",
        id="a spinner of yarn, not cotton",
    ),
    pytest.param(
        "NLD",
        "cocoa-processing",
        ["no cocoa"],
        [],
        f"{DENIED_GAP} (cocoa beans)",
        id="a cocoa processor of no cocoa",
    ),
    pytest.param(
        "IND",
        "yarn-spinning",
        ["not cotton"],
        [("H", "NLD", "logistics")],
        f"{DENIED_GAP} (cotton (lint))",
        id="a haulier beneath it sells it no goods",
    ),
    pytest.param(
        "IND",
        "yarn-spinning",
        ["yarn; not cotton"],
        [("G", "IND", "cotton-ginning")],
        None,
        id="a supplier of goods mapped beneath it",
    ),
    pytest.param(
        "IND",
        "yarn-spinning",
        ["polyester yarn"],
        [],
        "tiers below not mapped (inferred)",
        id="a spinner of polyester yarn: its cotton chain inferred",
    ),
    pytest.param(
        "BGD",
        "garment-manufacturing",
        ["polyester shirts, not cotton"],
        [],
        "tiers below not mapped (inferred)",
        id="a garment maker: its spinner inferred",
    ),
]


@pytest.mark.parametrize(("country", "sector", "products", "mapped", "gap"), BENEATH_GAPS)
def test_nothing_inferred_beneath_for_its_denials_is_a_data_gap(
    tmp_path: Path,
    country: str,
    sector: str,
    products: list[str],
    mapped: list[tuple[str, str, str]],
    gap: str | None,
) -> None:
    """Before, a yarn spinner of "yarn; not cotton" read fully mapped: no gap at all."""
    below = [{**_supplier(sid, where, what, []), "buyers": ["S"]} for sid, where, what in mapped]
    doc = assessed_data(
        tmp_path, "apparel-retail", [_supplier("S", country, sector, products), *below]
    )
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    tiers = [g for g in entry["data_gaps"] if g.startswith("tiers below")]
    assert tiers == ([gap] if gap else [])
    if gap and gap.startswith(DENIED_GAP):
        assert gap == denied_below(gap[len(DENIED_GAP) + 2 : -1].split(", "))
        assert not inferred_beneath(doc, "S")
        assert {"supplier_id": "S", "gap": gap} in doc["data_gaps"]
    assert doc["summary"]["data_gaps"] == len(doc["data_gaps"])


def _low_flags(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    return assessed_low(tmp_path, suppliers, "apparel-retail")


def test_its_low_level_reads_low_on_a_gap_in_every_report(tmp_path: Path) -> None:
    """A German spinner of "yarn; not cotton": its own low level is all that is known, so
    the reports show "low (data gap)", a diff with it made before (no gap) lists its low
    flags coming to rest on missing data, `explain` lists the gap, and the batch summary
    counts it."""
    spinner = _supplier("Y", "DEU", "yarn-spinning", ["yarn; not cotton"])
    doc = _low_flags(tmp_path, [spinner])
    gap = denied_below(["cotton (lint)"])
    entry = next(s for s in doc["suppliers"] if s["id"] == "Y")
    assert entry["data_gaps"] == [gap]
    levels = {rt: entry["risk"][rt]["level"] for rt in RISK_TYPES}
    assert set(levels.values()) == {"low"}
    assert all(low_on_a_gap(entry, level, rt) for rt, level in levels.items())
    flags = [f for f in doc["flags"] if f["supplier_id"] == "Y"]
    assert len(flags) == len(RISK_TYPES)
    assert {doc["bases"][f["basis"]]["remediation"][0] for f in flags} == {"gap-map-tier2"}
    paths = {suffix: tmp_path / f"r.{suffix}" for suffix in ("md", "csv")}
    for path in paths.values():
        reporter_for(path).write(doc, path)
    assert f"| Y (Y) | {gap} |" in paths["md"].read_text("utf-8")
    register = csv.DictReader(io.StringIO(paths["csv"].read_text("utf-8-sig"), newline=""))
    assert {(r["risk_type"], r["level"]) for r in register if r["supplier_id"] == "Y"} == {
        (rt, "low (data gap)") for rt in RISK_TYPES
    }
    saved, old = tmp_path / "new.json", tmp_path / "old.json"
    saved.write_text(json.dumps(doc), "utf-8")
    before = copy.deepcopy(doc)
    next(s for s in before["suppliers"] if s["id"] == "Y")["data_gaps"] = []
    before["data_gaps"] = [g for g in before["data_gaps"] if g["gap"] != gap]
    before["summary"]["data_gaps"] = len(before["data_gaps"])
    old.write_text(json.dumps(before), "utf-8")
    diff = diff_assessments(load_for_diff(old), load_for_diff(saved))
    assert sorted(
        (f["supplier_id"], f["old_level"], f["new_level"], f["data_gaps"])
        for f in diff["changed_flags"]
    ) == [("Y", "low", "low", [gap])] * len(RISK_TYPES)
    figures = _member_figures(doc)
    assert {rt: e["data_gaps"] for rt, e in figures["exposure"].items()} == {
        rt: [gap] for rt in RISK_TYPES
    }
    assert figures["data_gap_rate"] == 1.0
    chain = tmp_path / "chain.yaml"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        result = CliRunner().invoke(app, ["assess", "--verify", str(saved)])
        assert result.exit_code == 0, result.output
        shown = CliRunner().invoke(app, ["explain", str(chain), "Y"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert f"data gaps: {gap}" in shown.output
