"""A mapped supplier in a mining stage covers the commodities its products name, not the
whole minerals group: a tin smelter beneath an EMS does not map its gold (methodology §7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import MINERALS, MINES, inferred_beneath
from chain_support import assessed_data as _assess
from chain_support import mined_beneath as _mined
from chain_support import supplier_entry as _supplier

# (company sector, suppliers as (id, sector, products, buyers[, country]), the supplier
# looked at, the commodities of the mines inferred beneath it)
CASES = [
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
        ],
        "EMS",
        MINERALS - {"tin"},
        id="a tin smelter beneath an EMS maps its tin, not its gold, tantalum or tungsten",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronics-manufacturing", [], []),
            ("SM", "smelting-refining", ["tin ingot"], ["EMS"], "IDN"),
        ],
        "EMS",
        MINERALS - {"tin"},
        id="the same for an EMS in electronics manufacturing",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", [], ["EMS"], "IDN"),
        ],
        "EMS",
        set(),
        id="a smelter whose products name nothing covers all",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", ["solder bars", "anodes"], ["EMS"], "IDN"),
        ],
        "EMS",
        set(),
        id="a smelter whose products name no commodity covers all",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("RF", "smelting-refining", ["tin", "gold"], ["EMS"], "CHE"),
        ],
        "EMS",
        MINERALS - {"tin", "gold"},
        id="a refiner of tin and gold leaves tantalum and tungsten",
    ),
    pytest.param(
        "battery-manufacturing",
        [
            ("BAT", "battery-manufacturing", [], []),
            ("CO", "smelting-refining", ["cobalt sulphate"], ["BAT"]),
        ],
        "BAT",
        MINERALS - {"cobalt"},
        id="a cobalt refiner beneath a battery maker leaves the other minerals",
    ),
    pytest.param(
        "battery-manufacturing",
        [
            ("CAM", "electronic-components", ["NMC cathode active material"], []),
            ("CO", "smelting-refining", ["cobalt sulphate"], ["CAM"]),
        ],
        "CAM",
        {"lithium"},
        id="an NMC cathode maker whose cobalt is mapped still needs its lithium, no gold",
    ),
    pytest.param(
        "battery-manufacturing",
        [("CAM", "electronic-components", ["LFP cathode powder"], [])],
        "CAM",
        {"lithium"},
        id="an LFP cathode maker with nothing mapped needs lithium, not cobalt",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
            ("TR", "mineral-trading", ["coltan concentrate", "cassiterite"], ["SM"], "RWA"),
        ],
        "EMS",
        MINERALS - {"tin", "tantalum"},
        id="suppliers beneath the smelter count, their goods naming the commodity",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
            ("TR", "mineral-trading", [], ["SM"], "IDN"),
        ],
        "EMS",
        MINERALS - {"tin"},
        id="a trader beneath it naming nothing covers what its smelter takes: tin",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", [], []),
            ("SM", "smelting-refining", ["anodes"], ["EMS"], "IDN"),
            ("TR", "mineral-trading", [], ["SM"], "IDN"),
        ],
        "EMS",
        set(),
        id="a trader beneath it naming nothing under a smelter naming no mineral covers all",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", ["3TG"], []),
            ("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
        ],
        "EMS",
        {"gold", "tantalum", "tungsten"},
        id="an EMS whose products are 3TG needs its gold, tantalum and tungsten",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", ["tin solder"], []),
            ("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
        ],
        "EMS",
        set(),
        id="an EMS whose products are tin solder needs tin only",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("EMS", "electronic-components", ["tin solder"], []),
            ("RF", "smelting-refining", ["gold"], ["EMS"], "CHE"),
        ],
        "EMS",
        {"tin"},
        id="an EMS of tin solder above a gold refiner gets its tin",
    ),
    pytest.param(
        "jewellery-manufacturing",
        [
            ("JW", "jewellery-manufacturing", ["gold rings"], [], "ITA"),
            ("RF", "smelting-refining", ["gold"], ["JW"], "CHE"),
        ],
        "JW",
        set(),
        id="a jeweller of gold rings above a gold refiner is covered",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("TR", "mineral-trading", ["cassiterite", "wolframite"], [], "RWA"),
            ("MN", "artisanal-mining", ["cassiterite"], ["TR"], "RWA"),
        ],
        "TR",
        {"tungsten"},
        id="a trader of tin and tungsten ore above a tin mine gets its tungsten mines",
    ),
    pytest.param(
        "electronics-manufacturing",
        [
            ("TR", "mineral-trading", ["gold"], [], "GHA"),
            ("MN", "artisanal-mining", ["copper"], ["TR"], "COD"),
        ],
        "TR",
        {"gold"},
        id="a gold trader above an artisanal copper mine gets its gold mines",
    ),
]


@pytest.mark.parametrize(("company_sector", "suppliers", "looked_at", "mined"), CASES)
def test_a_mapped_supplier_covers_the_commodities_its_products_name(
    tmp_path: Path,
    company_sector: str,
    suppliers: list[tuple[Any, ...]],
    looked_at: str,
    mined: set[str],
) -> None:
    doc = _assess(tmp_path, company_sector, [_supplier(*s) for s in suppliers])
    assert _mined(doc, looked_at) == mined
    [entry] = [s for s in doc["suppliers"] if s["id"] == looked_at]
    assert ("tiers below not mapped (inferred)" in entry["data_gaps"]) == bool(mined)


def test_the_stages_inferred_for_the_rest_say_which_commodities_they_hold(
    tmp_path: Path,
) -> None:
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("EMS", "electronic-components", [], []),
            _supplier("SM", "smelting-refining", ["tin"], ["EMS"], "IDN"),
        ],
    )
    rest = "cobalt+copper+gold+lithium+mica+tantalum+tungsten"
    beneath = inferred_beneath(doc, "EMS")
    assert f"inferred:smelting-refining:{rest}@CHN" in beneath
    assert f"inferred:mineral-trading:{rest}@CHN" in beneath
    assert not any(i.startswith("inferred:smelting-refining:tin") for i in beneath)
    # the company: its EMS names no commodity, so it covers the company's whole group
    assert not inferred_beneath(doc, "company")
    # the smelter's own tin is inferred beneath it, not beneath the EMS
    assert _mined(doc, "SM") == {"tin"}


def test_a_tin_solder_ems_above_a_gold_refiner_gets_the_tin_it_gets_with_nothing_mapped(
    tmp_path: Path,
) -> None:
    """Mapped commodities none of which it needs: what it gets with nothing mapped, same ids."""
    ems = _supplier("EMS", "electronic-components", ["tin solder"], [])
    alone = inferred_beneath(_assess(tmp_path, "electronics-manufacturing", [ems]), "EMS")
    refiner = _supplier("RF", "smelting-refining", ["gold"], ["EMS"], "CHE")
    doc = _assess(tmp_path, "electronics-manufacturing", [ems, refiner])
    assert set(inferred_beneath(doc, "EMS")) == set(alone)
    assert "inferred:smelting-refining:tin@CHN" in alone


def test_only_the_commodities_missing_are_inferred_when_products_would_name_more(
    tmp_path: Path,
) -> None:
    """Artisanal mines of all six of their commodities mapped: copper and lithium are
    left, from industrial mines only (products naming copper would bring artisanal mines
    of everything: Copper is a good of theirs that is not one of their commodities)."""
    suppliers = [_supplier("EMS", "electronic-components", [], [])] + [
        _supplier(f"M{i}", "artisanal-mining", [c], ["EMS"], "COD")
        for i, c in enumerate(["gold", "tin", "tantalum", "tungsten", "cobalt", "mica"])
    ]
    doc = _assess(tmp_path, "electronics-manufacturing", suppliers)
    beneath = inferred_beneath(doc, "EMS")
    mines = {(n["sector"], n["products"][0]) for n in beneath.values() if n["sector"] in MINES}
    assert mines == {("industrial-mining", "copper"), ("industrial-mining", "lithium")}
    smelters = [i for i in beneath if i.startswith("inferred:smelting-refining:")]
    assert smelters and all(
        i.startswith("inferred:smelting-refining:copper+lithium-") for i in smelters
    )


def test_commission_work_stays_as_it_is(tmp_path: Path) -> None:
    """A subcontractor in its buyer's stage gets nothing inferred, whatever its products
    name; it is not in a stage of its buyer's inputs, so its buyer's are all inferred."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("EMS", "electronic-components", [], []),
            _supplier("SUB", "electronic-components", ["tin solder"], ["EMS"]),
        ],
    )
    assert not inferred_beneath(doc, "SUB")
    assert _mined(doc, "EMS") == MINERALS


@pytest.mark.parametrize(
    ("company_sector", "suppliers", "looked_at", "raw_sectors", "country"),
    [
        pytest.param(
            "chocolate-manufacturing",
            [
                _supplier("IMP", "cocoa-trading", ["cocoa beans"], [], "DEU"),
                _supplier("EXP", "cocoa-trading", ["cocoa beans"], ["IMP"], "CIV"),
                _supplier("FARM", "cocoa-farming", ["cocoa beans"], ["EXP"], "CIV"),
                _supplier("LBC", "cocoa-trading", ["cocoa beans"], ["IMP"], "GHA"),
            ],
            "LBC",
            {"cocoa-farming"},
            "GHA",
            id="a cocoa buying company under an importer beside a mapped branch",
        ),
        pytest.param(
            "chocolate-manufacturing",
            [
                _supplier("IMP", "cocoa-trading", ["cocoa beans"], [], "DEU"),
                _supplier("LBC", "cocoa-trading", ["cocoa beans"], ["IMP"], "GHA"),
            ],
            "LBC",
            {"cocoa-farming"},
            "GHA",
            id="a cocoa buying company under an importer with nothing else mapped",
        ),
        pytest.param(
            "electronics-manufacturing",
            [
                _supplier("EXP", "mineral-trading", ["cobalt hydroxide"], [], "CHN"),
                _supplier("CPT", "mineral-trading", ["cobalt hydroxide"], ["EXP"], "COD"),
            ],
            "CPT",
            {"artisanal-mining", "industrial-mining"},
            "COD",
            id="a mineral buying house under an exporter",
        ),
    ],
)
def test_a_trader_under_a_trader_of_its_trade_gets_its_sources_inferred(
    tmp_path: Path,
    company_sector: str,
    suppliers: list[dict[str, Any]],
    looked_at: str,
    raw_sectors: set[str],
    country: str,
) -> None:
    """A trader buys what it sells on: under a trader of its own trade it does no commission
    work, and the farms or mines it buys from are inferred, leaning to its own country, with
    the data gap recorded (they were neither inferred nor counted as a gap)."""
    doc = _assess(tmp_path, company_sector, suppliers)
    beneath = inferred_beneath(doc, looked_at)
    raw = [node for node in beneath.values() if node["sector"] in raw_sectors]
    assert {node["sector"] for node in raw} == raw_sectors
    assert all(f"leaning to {country}" in node["assumption"] for node in raw)
    [entry] = [s for s in doc["suppliers"] if s["id"] == looked_at]
    assert entry["data_gaps"]


@pytest.mark.parametrize(
    ("suppliers", "looked_at"),
    [
        pytest.param(
            [
                ("TRD", "seafood-trade", ["shrimp", "tuna"], [], "NLD"),
                ("PRC", "seafood-processing", ["vannamei"], ["TRD"], "VNM"),
            ],
            "TRD",
            id="seafood: a shrimp processor covers its trader's seafood",
        ),
        pytest.param(
            [
                ("GAR", "garment-manufacturing", ["cotton t-shirts"], [], "BGD"),
                ("YRN", "yarn-spinning", ["cotton yarn"], ["GAR"], "IND"),
            ],
            "GAR",
            id="cotton: a spinner covers its garment factory's fabric",
        ),
    ],
)
def test_other_value_chains_are_covered_by_sector_as_before(
    tmp_path: Path, suppliers: list[tuple[Any, ...]], looked_at: str
) -> None:
    doc = _assess(tmp_path, "apparel-retail", [_supplier(*s) for s in suppliers])
    assert not inferred_beneath(doc, looked_at)


@pytest.mark.parametrize(
    ("products", "mined"),
    [
        (["coltan"], {"tantalum"}),  # by its good: Coltan (tantalum ore)
        (["cassiterite"], {"tin"}),
        (["coltan", "cassiterite"], {"tantalum", "tin"}),
        (["tin ore"], {"tin"}),  # by a word
    ],
)
def test_a_trader_gets_the_mines_of_the_goods_its_products_name(
    tmp_path: Path, products: list[str], mined: set[str]
) -> None:
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("CAP", "electronic-components", ["tantalum capacitors"], []),
            _supplier("TR", "mineral-trading", products, ["CAP"], "RWA"),
        ],
    )
    assert _mined(doc, "TR") == mined


@pytest.mark.parametrize(
    ("company_sector", "upper", "lower", "upper_keeps", "lower_gets"),
    [
        # the trader above keeps what it names that the one beneath does not
        (
            "electronics-manufacturing",
            ("mineral-trading", ["cobalt hydroxide", "tin ore"], "CHN"),
            ("mineral-trading", ["diamonds"], "COD"),
            {"cobalt", "tin"},
            {"diamonds"},
        ),
        (
            "food-manufacturing",
            ("seafood-trade", ["frozen shrimp"], "IND"),
            ("seafood-trade", ["tuna"], "IND"),
            {"shrimp (farmed)"},
            {"fish"},
        ),
        # a trader beneath that names nothing trades what the one above names: tin only,
        # not every mineral of the trade
        (
            "electronics-manufacturing",
            ("mineral-trading", ["tin ore"], "RWA"),
            ("mineral-trading", [], "RWA"),
            {"tin"},
            {"tin"},
        ),
    ],
)
def test_traders_of_one_trade_each_keep_their_own_sources(
    tmp_path: Path,
    company_sector: str,
    upper: tuple[str, list[str], str],
    lower: tuple[str, list[str], str],
    upper_keeps: set[str],
    lower_gets: set[str],
) -> None:
    """A trader beneath one of its own trade buys what it sells on: its sources are inferred
    beneath it; the trader above keeps its own, for what else it buys is not mapped (a
    buying house naming diamonds took the cobalt of the exporter above it away, and one
    naming nothing got every mineral of the trade)."""
    doc = _assess(
        tmp_path,
        company_sector,
        [
            _supplier("UP", upper[0], upper[1], [], upper[2]),
            _supplier("LOW", lower[0], lower[1], ["UP"], lower[2]),
        ],
    )
    raw = {"artisanal-mining", "industrial-mining", "gemstone-mining", "aquaculture"}
    raw |= {"fishing-vessels"}

    def commodities(supplier_id: str) -> set[str]:
        beneath = inferred_beneath(doc, supplier_id).values()
        found = {node["products"][0] for node in beneath if node["sector"] in raw}
        return {"fish" if "capture" in c else c.casefold() for c in found}

    assert upper_keeps <= commodities("UP")
    assert commodities("LOW") == lower_gets


def test_a_trader_selling_to_another_trade_too_is_not_narrowed_to_its_traders_goods(
    tmp_path: Path,
) -> None:
    """A comptoir naming nothing that sells to a gold refinery as well as to a tin exporter
    may trade gold: it is not narrowed to the exporter's tin (its gold vanished)."""
    doc = _assess(
        tmp_path,
        "jewellery-manufacturing",
        [
            _supplier("REF", "smelting-refining", ["gold"], [], "ARE"),
            _supplier("EXP", "mineral-trading", ["tin ore"], [], "UGA"),
            _supplier("CMP", "mineral-trading", [], ["REF", "EXP"], "UGA"),
        ],
    )
    mined = {node["products"][0] for node in inferred_beneath(doc, "CMP").values()}
    assert {"gold", "tin"} <= mined


def test_a_seafood_trader_selling_to_a_processor_too_gets_its_sources(tmp_path: Path) -> None:
    """A sub-trader under a shrimp trader and a fish processor buys what it sells: its
    processing and farms or vessels are inferred, with its gap (a processor buyer made its
    input "its buyer's product", and nothing was inferred nor a gap recorded)."""
    doc = _assess(
        tmp_path,
        "food-manufacturing",
        [
            _supplier("TRD", "seafood-trade", ["farmed shrimp"], [], "ECU"),
            _supplier("PROC", "seafood-processing", ["canned tuna"], [], "THA"),
            _supplier("SUB", "seafood-trade", [], ["TRD", "PROC"], "IDN"),
        ],
    )
    beneath = inferred_beneath(doc, "SUB").values()
    assert {node["sector"] for node in beneath} >= {"seafood-processing"}
    assert any(node["id"].endswith("@IDN") for node in beneath)
    [entry] = [s for s in doc["suppliers"] if s["id"] == "SUB"]
    assert entry["data_gaps"]


def test_a_mesh_of_traders_naming_nothing_takes_the_goods_named_at_its_top(
    tmp_path: Path,
) -> None:
    """Traders in 12 tiers of 3, each selling to all 3 above, the top one naming tin ore:
    each trader is looked at once on the way up (the copies of a shared trader multiplied
    tier by tier), and the bottom ones trade tin."""
    suppliers = [_supplier("T0-0", "mineral-trading", ["tin ore"], [], "RWA")]
    suppliers += [_supplier(f"T0-{i}", "mineral-trading", ["tin ore"], [], "RWA") for i in (1, 2)]
    for tier in range(1, 12):
        buyers = [f"T{tier - 1}-{i}" for i in range(3)]
        suppliers += [
            _supplier(f"T{tier}-{i}", "mineral-trading", [], buyers, "RWA") for i in range(3)
        ]
    doc = _assess(tmp_path, "electronics-manufacturing", suppliers)
    mined = {node["products"][0] for node in inferred_beneath(doc, "T11-0").values()}
    assert mined == {"tin"}
