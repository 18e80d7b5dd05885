"""What is inferred beneath traders that name nothing, and beneath general traders
(methodology §7): a trader naming nothing trades what its buyers take of its trade, the whole
trade only where a buyer says nothing of it; a wholesaler naming goods of the key value
chains gets beneath it what a trader of each good's trade would get."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from chain_support import MINERALS, RAW, inferred_beneath
from chain_support import supplier_entry as _supplier

from ddtool.assess import assess
from ddtool.document import NOTHING_FOLLOWED


def _assess(tmp_path: Path, company_sector: str, suppliers: list[tuple[Any, ...]]) -> Any:
    chain = tmp_path / "chain.yaml"
    company = {"name": "X", "country": "DEU", "sector": company_sector}
    entries = [_supplier(*s) for s in suppliers]
    chain.write_text(yaml.safe_dump({"company": company, "suppliers": entries}), "utf-8")
    return assess([chain]).data


def _raw_beneath(doc: dict[str, Any], supplier_id: str) -> set[str]:
    """The commodities or goods of the inferred raw stages beneath a mapped supplier."""
    beneath = inferred_beneath(doc, supplier_id).values()
    found = {node["products"][0] for node in beneath if node["sector"] in RAW}
    return {"fish" if "capture" in c else c.casefold() for c in found}


# (suppliers as (id, sector, products, buyers, country), the trader naming nothing looked
# at, what is inferred beneath it)
TRADERS = [
    pytest.param(
        [
            ("SM", "smelting-refining", ["tin ingot"], [], "IDN"),
            ("RF", "smelting-refining", ["gold bullion"], [], "CHE"),
            ("TR", "mineral-trading", [], ["SM", "RF"], "RWA"),
        ],
        "TR",
        {"tin", "gold"},
        id="a trader selling to a tin smelter and a gold refiner: tin and gold, not all",
    ),
    pytest.param(
        [
            ("EXP", "mineral-trading", ["tin ore"], [], "UGA"),
            ("REF", "smelting-refining", ["gold"], [], "ARE"),
            ("CMP", "mineral-trading", [], ["REF", "EXP"], "UGA"),
        ],
        "CMP",
        {"tin", "gold"},
        id="a comptoir selling to a tin exporter and a gold refiner: tin and gold",
    ),
    pytest.param(
        [
            ("TOP", "mineral-trading", ["tin ore"], [], "UGA"),
            ("REF", "smelting-refining", ["gold"], [], "ARE"),
            ("MID", "mineral-trading", [], ["TOP", "REF"], "UGA"),
            ("LOW", "mineral-trading", [], ["MID"], "COD"),
        ],
        "LOW",
        {"tin", "gold"},
        id="a comptoir beneath such a trader takes what it takes",
    ),
    pytest.param(
        [
            ("SM", "smelting-refining", ["tin ingot"], [], "IDN"),
            ("RF", "smelting-refining", [], [], "CHE"),
            ("TR", "mineral-trading", [], ["SM", "RF"], "RWA"),
        ],
        "TR",
        MINERALS,
        id="a buyer naming nothing may take any mineral: the whole trade",
    ),
    pytest.param(
        [
            ("SM", "smelting-refining", ["tin ingot"], [], "IDN"),
            ("RF", "smelting-refining", ["anodes", "solder bars"], [], "CHE"),
            ("TR", "mineral-trading", [], ["SM", "RF"], "RWA"),
        ],
        "TR",
        MINERALS,
        id="a buyer naming nothing of the trade: the whole trade",
    ),
    pytest.param(
        [
            ("SM", "smelting-refining", ["tin ingot"], [], "IDN"),
            ("TR", "mineral-trading", [], ["SM", "company"], "RWA"),
        ],
        "TR",
        MINERALS,
        id="selling to the company too, which names nothing: the whole trade",
    ),
    pytest.param(
        [
            ("UP", "mineral-trading", ["diamonds"], [], "COD"),
            ("SM", "smelting-refining", ["cobalt sulphate"], [], "CHN"),
            ("LOW", "mineral-trading", [], ["UP", "SM"], "COD"),
        ],
        "LOW",
        {"diamonds", "cobalt"},
        id="a good of the trade's chain beside its inputs counts (a trader's diamonds)",
    ),
    pytest.param(
        [
            ("RF", "smelting-refining", ["gold bullion"], [], "CHE"),
            ("TR", "mineral-trading", ["cassiterite"], ["RF"], "RWA"),
        ],
        "TR",
        {"tin"},
        id="a trader naming its own products keeps its own",
    ),
    pytest.param(
        [
            ("PROC", "seafood-processing", ["canned tuna"], [], "THA"),
            ("PEEL", "seafood-processing", ["frozen shrimp"], [], "VNM"),
            ("SUB", "seafood-trade", [], ["PROC", "PEEL"], "IDN"),
        ],
        "SUB",
        {"fish", "shrimp (farmed)"},
        id="a seafood trader selling to a cannery and a shrimp processor: both",
    ),
    pytest.param(
        [
            ("PROC", "seafood-processing", ["canned tuna"], [], "THA"),
            ("SUB", "seafood-trade", [], ["PROC"], "IDN"),
        ],
        "SUB",
        {"fish"},
        id="a seafood trader selling to a tuna cannery: vessels, no shrimp farms",
    ),
    pytest.param(
        [
            ("CHOC", "chocolate-manufacturing", ["hazelnut pralines"], [], "BEL"),
            ("TR", "cocoa-trading", [], ["CHOC"], "CIV"),
        ],
        "TR",
        {"cocoa beans"},
        id="a cocoa trader under a maker of hazelnut pralines: cocoa, no hazelnuts",
    ),
]


@pytest.mark.parametrize(("suppliers", "looked_at", "expected"), TRADERS)
def test_a_trader_naming_nothing_trades_what_its_buyers_take(
    tmp_path: Path, suppliers: list[tuple[Any, ...]], looked_at: str, expected: set[str]
) -> None:
    doc = _assess(tmp_path, "jewellery-manufacturing", suppliers)
    assert _raw_beneath(doc, looked_at) == expected
    [entry] = [s for s in doc["suppliers"] if s["id"] == looked_at]
    assert "tiers below not mapped (inferred)" in entry["data_gaps"]


def test_a_trader_selling_to_a_tin_smelter_and_a_gold_refiner_is_flagged_for_those_alone(
    tmp_path: Path,
) -> None:
    """Its mines are those of tin and gold, each where the trader is (Rwanda produces
    both) or at the origin mix: four mines, not thirteen. The company's other minerals stay
    inferred beneath it, as with the smelter and refiner alone: the trader covers its own."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            ("SM", "smelting-refining", ["tin ingot"], [], "IDN"),
            ("RF", "smelting-refining", ["gold bullion"], [], "CHE"),
            ("TR", "mineral-trading", [], ["SM", "RF"], "RWA"),
        ],
    )
    beneath = inferred_beneath(doc, "TR")
    assert {i.split("@")[0] for i in beneath} == {
        f"inferred:{mine}:{c}"
        for mine in ("artisanal-mining", "industrial-mining")
        for c in ("tin", "gold")
    }
    flagged = {f["supplier_id"] for f in doc["flags"] if f["inferred"]}
    elsewhere = {i.split("@")[0].rsplit(":", 1)[-1] for i in flagged - set(beneath)}
    assert elsewhere & {"tin", "gold"} == set()
    assert {"cobalt", "tantalum", "tungsten"} <= elsewhere


def _wholesaler(products: list[str], country: str = "DEU") -> tuple[Any, ...]:
    return ("WH", "wholesale-trade", products, [], country)


# (suppliers, what is inferred beneath the wholesaler WH)
WHOLESALERS = [
    pytest.param([_wholesaler(["coffee"])], {"coffee (green beans)"}, id="coffee: coffee farms"),
    pytest.param(
        [_wholesaler(["cocoa beans"])], {"cocoa beans"}, id="cocoa beans: the cocoa trader's farms"
    ),
    pytest.param([_wholesaler(["tin ore"])], {"tin"}, id="tin ore: the mineral trader's tin mines"),
    pytest.param(
        [_wholesaler(["frozen shrimp"], "NLD")],
        {"shrimp (farmed)"},
        id="frozen shrimp: the seafood trader's processing and farms",
    ),
    pytest.param(
        [_wholesaler(["coffee", "cocoa beans", "office supplies"])],
        {"coffee (green beans)", "cocoa beans"},
        id="each key good named, the others not",
    ),
    pytest.param(
        [_wholesaler(["garments"])],
        {"cotton (lint)"},
        id="garments: a garment factory and the cotton chain beneath it",
    ),
    pytest.param(
        [
            _wholesaler(["tin ore"]),
            ("SM", "smelting-refining", ["tin"], ["WH"], "IDN"),
        ],
        set(),
        id="a tin smelter mapped beneath covers its tin ore",
    ),
    pytest.param(
        [
            _wholesaler(["green coffee"]),
            ("MILL", "coffee-milling", ["green coffee"], ["WH"], "BRA"),
        ],
        set(),
        id="a coffee mill and exporter mapped beneath covers its coffee",
    ),
    pytest.param(
        [
            _wholesaler(["tin ore", "gold"]),
            ("MINE", "artisanal-mining", ["cassiterite"], ["WH"], "RWA"),
        ],
        {"gold"},
        id="a tin mine mapped beneath covers its tin, not its gold",
    ),
    pytest.param([_wholesaler([])], set(), id="naming nothing: nothing, as before"),
    pytest.param(
        [_wholesaler(["office supplies", "sugar"])],
        set(),
        id="naming no good of a key chain: nothing, as before",
    ),
]


@pytest.mark.parametrize(("suppliers", "expected"), WHOLESALERS)
def test_a_wholesaler_gets_what_a_trader_of_the_goods_it_names_gets(
    tmp_path: Path, suppliers: list[tuple[Any, ...]], expected: set[str]
) -> None:
    doc = _assess(tmp_path, "food-manufacturing", suppliers)
    assert _raw_beneath(doc, "WH") == expected
    [entry] = [s for s in doc["suppliers"] if s["id"] == "WH"]
    assert ("tiers below not mapped (inferred)" in entry["data_gaps"]) == bool(expected)


@pytest.mark.parametrize(
    ("country", "node_id", "leaning"),
    [
        ("DEU", "inferred:coffee-farming:coffee-green-beans@world", None),
        ("BRA", "inferred:coffee-farming:coffee-green-beans@BRA", "BRA"),
    ],
)
def test_a_wholesaler_of_coffee_gets_the_farms_a_coffee_exporter_there_would(
    tmp_path: Path, country: str, node_id: str, leaning: str | None
) -> None:
    """The farms at the origin mix of coffee (Brazil, Viet Nam, Colombia …), leaning to the
    wholesaler's own country where it grows coffee: the same stage a coffee mill and exporter
    in its country naming coffee gets."""
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(["coffee"], country)])
    [farm] = inferred_beneath(doc, "WH").values()
    assert farm["id"] == node_id
    countries = [o["country"] for o in farm["origins"]]
    assert {"BRA", "VNM", "COL", "ETH"} <= set(countries)
    assert (f"leaning to {leaning}" in farm["assumption"]) == (leaning is not None)
    exporter = _assess(
        tmp_path,
        "food-manufacturing",
        [("EXP", "coffee-milling", ["coffee"], [], country)],
    )
    [same] = inferred_beneath(exporter, "EXP").values()
    assert (same["id"], same["origins"]) == (farm["id"], farm["origins"])


@pytest.mark.parametrize("products", [[], ["office supplies"]])
def test_a_wholesaler_naming_nothing_usable_keeps_its_score_with_a_gap(
    tmp_path: Path, products: list[str]
) -> None:
    """Nothing inferred beneath it (its sector has no inputs) and its own score as it was,
    with the gap that nothing is known beneath it: its low is no low risk."""
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(products)])
    assert not inferred_beneath(doc, "WH")
    [entry] = [s for s in doc["suppliers"] if s["id"] == "WH"]
    assert entry["data_gaps"] == [NOTHING_FOLLOWED]
    assert not [f for f in doc["flags"] if f["supplier_id"] == "WH"]
