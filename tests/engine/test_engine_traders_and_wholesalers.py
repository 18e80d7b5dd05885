"""Traders naming nothing and general traders (methodology §7): what they cover for the
suppliers above them agrees with what is inferred beneath them, a product that denies a good
says nothing of taking it, a wholesaler reads its products as a trader does (a listed good
by its name, a commodity as traders read it, never a guess), and its factories are not
placed in its own country."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import MINERALS, RAW, inferred_beneath
from chain_support import assessed_data as _assess


def _supplier(
    sid: str, country: str, sector: str, products: list[str] | None = None, *buyers: str
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": sid, "country": country, "sector": sector}
    if products:
        entry["products"] = products
    if buyers:
        entry["buyers"] = list(buyers)
    return entry


def _raw(nodes: Any) -> set[str]:
    """The commodities or goods of the inferred raw stages among these nodes."""
    found = {node["products"][0] for node in nodes if node["sector"] in RAW}
    return {"fish" if "capture" in c else c.casefold() for c in found}


def _raw_stages(doc: dict[str, Any]) -> set[str]:
    """Every inferred raw stage of the assessment, as sector and commodity (its lean apart)."""
    return {s["id"].split("@")[0] for s in doc["suppliers"] if s["inferred"] and s["sector"] in RAW}


def _gaps(doc: dict[str, Any], supplier_id: str) -> list[str]:
    [entry] = [s for s in doc["suppliers"] if s["id"] == supplier_id]
    return list(entry["data_gaps"])


# -- a trader naming nothing covers what it is narrowed to -------------------------------------

# (the mapped suppliers besides the trader TR, the buyers of TR, what TR gets beneath it)
NARROWED_TRADERS = [
    pytest.param(
        [_supplier("SM", "IDN", "smelting-refining", ["tin ingot"])],
        ["SM"],
        {"tin"},
        id="under a tin smelter: tin, and every other mineral stays inferred above",
    ),
    pytest.param(
        [
            _supplier("SM", "IDN", "smelting-refining", ["tin ingot"]),
            _supplier("RF", "CHE", "smelting-refining", ["gold bullion"]),
        ],
        ["SM", "RF"],
        {"tin", "gold"},
        id="under a tin smelter and a gold refiner: tin and gold, the rest above",
    ),
    pytest.param(
        [
            _supplier("SM", "IDN", "smelting-refining", ["tin ingot"]),
            _supplier("UP", "RWA", "mineral-trading", [], "SM"),
        ],
        ["UP"],
        {"tin"},
        id="under a trader naming nothing under a tin smelter: tin",
    ),
]


@pytest.mark.parametrize(("others", "buyers", "beneath"), NARROWED_TRADERS)
def test_a_trader_naming_nothing_never_hides_its_buyers_other_minerals(
    tmp_path: Path, others: list[dict[str, Any]], buyers: list[str], beneath: set[str]
) -> None:
    """More mapping never takes exposure away: with the trader mapped, every mine inferred
    without it is still inferred (the trader's own tin mines lean to its country)."""
    without = _assess(tmp_path, "electronics-manufacturing", others)
    trader = _supplier("TR", "RWA", "mineral-trading", [], *buyers)
    doc = _assess(tmp_path, "electronics-manufacturing", [*others, trader])
    assert _raw(inferred_beneath(doc, "TR").values()) == beneath
    assert _raw_stages(without) <= _raw_stages(doc)
    assert {c for s in _raw_stages(doc) for c in [s.rsplit(":", 1)[1]]} == MINERALS
    assert "tiers below not mapped (inferred)" in _gaps(doc, "TR")


def test_a_mine_mapped_beneath_a_trader_naming_nothing_covers_what_it_trades(
    tmp_path: Path,
) -> None:
    """Under a tin smelter the trader trades tin: a cassiterite mine beneath it covers all
    of it, so nothing is inferred beneath the trader and it records no gap."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("SM", "IDN", "smelting-refining", ["tin ingot"]),
            _supplier("TR", "RWA", "mineral-trading", [], "SM"),
            _supplier("MINE", "RWA", "artisanal-mining", ["cassiterite"], "TR"),
        ],
    )
    assert not inferred_beneath(doc, "TR")
    assert "tiers below not mapped (inferred)" not in _gaps(doc, "TR")


# -- a product that denies a good says nothing of taking it -------------------------------------


@pytest.mark.parametrize(
    ("products", "denied"),
    [
        (["cobalt-free batteries"], {"cobalt"}),
        (["mica-free pearlescent pigments"], {"mica"}),
        (["batteries, no cobalt or nickel"], {"cobalt"}),
        (["batteries without cobalt"], {"cobalt"}),
        (["batteries free of cobalt and mica"], {"cobalt", "mica"}),
    ],
)
def test_a_trader_under_a_buyer_denying_a_mineral_trades_the_whole_trade_but_it(
    tmp_path: Path, products: list[str], denied: set[str]
) -> None:
    """Its buyer names no mineral it takes: the trader may trade any mineral but those the
    buyer denies, and none is narrowed to the one denied."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("B", "CHN", "battery-manufacturing", products),
            _supplier("TR", "COD", "mineral-trading", [], "B"),
        ],
    )
    assert _raw(inferred_beneath(doc, "TR").values()) == MINERALS - denied


@pytest.mark.parametrize(
    ("products", "expected"),
    [
        (["cobalt-free batteries"], MINERALS - {"cobalt"}),
        (["cobalt-free tin solder"], {"tin"}),
        (["lead-free tin solder"], {"tin"}),
        (["non-conflict tantalum powder"], {"tantalum"}),
        (["cobalt hydroxide"], {"cobalt"}),
        # (a mineral beside a made good narrows nothing: the good's whole chain)
        (["non-conflict tantalum capacitors"], MINERALS),
        (["cobalt batteries"], MINERALS),
    ],
)
def test_a_denied_mineral_is_not_inferred_for_the_product_denying_it(
    tmp_path: Path, products: list[str], expected: set[str]
) -> None:
    """A manufacturer's products narrow its mines by the minerals they name, where they are
    those metals ('tin solder', 'tantalum powder'), not to those they deny, and those are
    not inferred."""
    doc = _assess(
        tmp_path,
        "food-manufacturing",
        [_supplier("EMS", "CHN", "electronics-manufacturing", products)],
    )
    assert _raw(inferred_beneath(doc, "EMS").values()) == expected


def test_a_good_named_only_by_a_denied_word_is_no_good_of_the_product(tmp_path: Path) -> None:
    """'no shrimp' names no Shrimp: a processor naming it is not narrowed to shrimp farms,
    and gets none: its fish are caught."""
    doc = _assess(
        tmp_path,
        "food-manufacturing",
        [_supplier("P", "THA", "seafood-processing", ["no shrimp"])],
    )
    assert _raw(inferred_beneath(doc, "P").values()) == {"fish"}


# -- a wholesaler reads its products as a trader does -------------------------------------------


def _wholesaler(products: list[str], country: str = "DEU", sid: str = "WH") -> dict[str, Any]:
    return _supplier(sid, country, "wholesale-trade", products)


# (the wholesaler's products, the raw goods inferred beneath it)
WHOLESALE_READINGS = [
    pytest.param(["tuna tins"], set(), id="tuna tins: no tin (a guess at 'tins')"),
    pytest.param(["sardine tins"], set(), id="sardine tins: nothing"),
    pytest.param(["cookie tins"], set(), id="cookie tins: nothing"),
    pytest.param(["vegan tuna"], set(), id="vegan tuna: no vessels (a guess at 'tuna')"),
    pytest.param(["no shrimp"], set(), id="no shrimp: no shrimp farms (denied)"),
    pytest.param(["polyester yarn"], set(), id="polyester yarn: no cotton (a guess at 'yarn')"),
    pytest.param(["spent coffee grounds"], set(), id="spent coffee grounds: no coffee farms"),
    pytest.param(
        ["cobalt-free batteries"],
        MINERALS - {"cobalt"},
        id="cobalt-free batteries: the battery chain's mines, cobalt left out",
    ),
    pytest.param(["tin ingots"], {"tin"}, id="tin ingots: tin mines, as a trader reads them"),
    pytest.param(["gold bullion"], {"gold"}, id="gold bullion: gold mines"),
    pytest.param(["tin solder"], {"tin"}, id="tin solder: tin mines"),
    pytest.param(["3TG"], {"tin", "tantalum", "tungsten", "gold"}, id="3TG: its four metals"),
    pytest.param(["green coffee"], {"coffee (green beans)"}, id="green coffee: its own name"),
    pytest.param(["canned tuna"], {"fish"}, id="canned tuna: a listed good (Fish)"),
]


@pytest.mark.parametrize(("products", "expected"), WHOLESALE_READINGS)
def test_a_wholesaler_reads_a_good_by_its_name_and_a_commodity_as_traders_do(
    tmp_path: Path, products: list[str], expected: set[str]
) -> None:
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(products)])
    assert _raw(inferred_beneath(doc, "WH").values()) == expected
    assert ("tiers below not mapped (inferred)" in _gaps(doc, "WH")) == bool(expected)


@pytest.mark.parametrize("product", ["tin ingots", "gold bullion", "tin solder", "3TG"])
def test_a_wholesaler_and_a_trader_read_a_mineral_product_alike(
    tmp_path: Path, product: str
) -> None:
    """A wholesaler naming the product gets the mines a mineral trader gets under a buyer
    naming it."""
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler([product])])
    trader = _assess(
        tmp_path,
        "food-manufacturing",
        [
            _supplier("B", "DEU", "smelting-refining", [product]),
            _supplier("TR", "DEU", "mineral-trading", [], "B"),
        ],
    )
    wholesaler = inferred_beneath(doc, "WH").values()
    assert _raw(wholesaler) == _raw(inferred_beneath(trader, "TR").values())


# -- a wholesaler's factories are not in its own country ----------------------------------------


@pytest.mark.parametrize(
    ("products", "factory"),
    [
        (["garments"], "inferred:garment-manufacturing@unknown"),
        (["electronics"], "inferred:electronics-manufacturing@unknown"),
        (["t-shirts"], "inferred:garment-manufacturing@unknown"),
        (["chocolate bars"], "inferred:chocolate-manufacturing@unknown"),
        (["smartphones"], "inferred:electronics-manufacturing@unknown"),
    ],
)
def test_a_wholesalers_factories_are_in_a_country_not_known(
    tmp_path: Path, products: list[str], factory: str
) -> None:
    """Its factory and the stages beneath it are flagged at the worst case of a mapped
    supplier of unknown country, with that gap, wherever the wholesaler is: a German and a
    Bangladeshi wholesaler of garments are flagged alike."""
    docs = {
        c: _assess(tmp_path, "food-manufacturing", [_wholesaler(products, c)])
        for c in ("DEU", "BGD")
    }
    for country, doc in docs.items():
        beneath = inferred_beneath(doc, "WH")
        assert factory in beneath
        assert "country unknown" in beneath[factory]["data_gaps"]
        assert "wholesaler, retailer or brand buys" in beneath[factory]["assumption"]
        assert not [s for s in beneath.values() if s["country"] == country]
        intermediate = [s for s in beneath.values() if s["sector"] not in RAW]
        assert all(
            s["id"].endswith("@unknown") or "origin mix" in s["assumption"] for s in intermediate
        )
    flags = {
        c: sorted((f["supplier_id"], f["risk_type"], f["level"]) for f in d["flags"])
        for c, d in docs.items()
    }
    assert flags["DEU"] == flags["BGD"]


def test_a_wholesalers_first_processing_stage_is_at_the_origin_mix(tmp_path: Path) -> None:
    """An Indonesian wholesaler of canned tuna: its cannery at the origin mix of fish,
    leaning to Indonesia, not a cannery in Indonesia as a seafood trader there gets."""
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(["canned tuna"], "IDN")])
    [cannery] = [
        s for s in inferred_beneath(doc, "WH").values() if s["sector"] == "seafood-processing"
    ]
    assert len(cannery["origins"]) > 1
    assert "IDN" in {o["country"] for o in cannery["origins"]}


# -- a general trader beneath covers the goods it is inferred to trade ---------------------------

# (the upper wholesaler's products, the lower one's, what is inferred beneath the upper one)
STACKED = [
    pytest.param(["cocoa beans"], ["cocoa beans"], set(), id="cocoa over cocoa: covered"),
    pytest.param(
        ["cocoa beans", "coffee"], ["cocoa beans"], {"coffee (green beans)"}, id="its coffee is not"
    ),
    pytest.param(["tin ore"], ["tin ore"], set(), id="tin ore over tin ore: covered"),
    pytest.param(["tin ore", "gold"], ["tin ore"], {"gold"}, id="its gold is not"),
    pytest.param(["garments"], ["garments"], set(), id="garments over garments: covered"),
    pytest.param(["t-shirts"], ["jeans"], set(), id="t-shirts over jeans: covered"),
    # (its chocolate factory is not covered, and is inferred; the wholesaler of cocoa powder
    # covers the factory's cocoa, as it would a chocolate maker's: test_engine_wholesale_goods)
    pytest.param(
        ["chocolate bars"],
        ["cocoa powder"],
        set(),
        id="chocolate bars over cocoa powder: its chocolate factory's cocoa is covered",
    ),
]


@pytest.mark.parametrize(("upper", "lower", "expected"), STACKED)
def test_a_wholesaler_over_a_wholesaler_of_its_goods_is_covered(
    tmp_path: Path, upper: list[str], lower: list[str], expected: set[str]
) -> None:
    doc = _assess(
        tmp_path,
        "food-manufacturing",
        [_wholesaler(upper, sid="WH1"), {**_wholesaler(lower, "NLD", "WH2"), "buyers": ["WH1"]}],
    )
    direct = [s for s in doc["suppliers"] if s["inferred"] and "WH1" in s["buyers"]]
    beneath = {s["id"]: s for s in direct} | {
        k: v for s in direct for k, v in inferred_beneath(doc, s["id"]).items()
    }
    assert _raw(beneath.values()) == expected
    assert ("tiers below not mapped (inferred)" in _gaps(doc, "WH1")) == bool(direct)
    assert bool(direct) == (bool(expected) or upper == ["chocolate bars"])
    assert _raw(inferred_beneath(doc, "WH2").values())


# -- more mapping never takes exposure away -----------------------------------------------------

# (the company's sector, the suppliers without the one added, the one added)
ADDED = [
    pytest.param(
        "electronics-manufacturing",
        [_supplier("SM", "IDN", "smelting-refining", ["tin ingot"])],
        _supplier("TR", "RWA", "mineral-trading", [], "SM"),
        id="a trader naming nothing beneath a tin smelter",
    ),
    pytest.param(
        "jewellery-manufacturing",
        [_supplier("LOG", "DEU", "logistics-transport")],
        _wholesaler(["diamonds"]),
        id="a wholesaler of diamonds beneath a jeweller: its gold stays",
    ),
    pytest.param(
        "electronics-manufacturing",
        [_supplier("LOG", "DEU", "logistics-transport")],
        _wholesaler(["tin ore"]),
        id="a wholesaler of tin ore beneath an EMS: its other minerals stay",
    ),
    pytest.param(
        "chocolate-manufacturing",
        [_supplier("LOG", "DEU", "logistics-transport")],
        _wholesaler(["cocoa beans"]),
        id="a wholesaler of cocoa beans beneath a chocolate maker",
    ),
]


@pytest.mark.parametrize(("company_sector", "before", "added"), ADDED)
def test_mapping_a_trader_keeps_every_raw_stage_inferred_without_it(
    tmp_path: Path, company_sector: str, before: list[dict[str, Any]], added: dict[str, Any]
) -> None:
    without = _assess(tmp_path, company_sector, before)
    doc = _assess(tmp_path, company_sector, [*before, added])
    assert _raw_stages(without) <= _raw_stages(doc)


# -- a wholesaler covers the input group of its buyer that it names goods of -------------------

# (the company's sector, the buyer above the wholesaler (None: the company), the wholesaler's
# products, the raw goods inferred beneath the wholesaler)
COVERING = [
    pytest.param(
        "seafood-trade",
        _supplier("C", "THA", "seafood-processing", ["canned skipjack tuna"]),
        ["frozen skipjack tuna"],
        {"fish"},
        id="a cannery over a distributor of frozen tuna: its fish",
    ),
    pytest.param(
        "garment-manufacturing",
        _supplier("C", "TUR", "fabric-manufacturing", ["cotton fabric"]),
        ["cotton yarn"],
        {"cotton (lint)"},
        id="a fabric mill over a wholesaler of cotton yarn: its spinner",
    ),
    pytest.param(
        "food-manufacturing",
        _supplier("C", "DEU", "coffee-roasting", ["roasted coffee"]),
        ["green coffee"],
        {"coffee (green beans)"},
        id="a roaster over an importer of green coffee: its mill",
    ),
    pytest.param(
        "apparel-retail",
        None,
        ["garments"],
        {"cotton (lint)"},
        id="a brand over a sourcing agent of garments: its garment factory",
    ),
    pytest.param(
        "apparel-retail",
        None,
        ["t-shirts"],
        {"cotton (lint)"},
        id="a brand over a wholesaler of t-shirts: its garment factory",
    ),
    pytest.param(
        "retail-general",
        _supplier("C", "DEU", "apparel-retail"),
        ["jeans", "hoodies"],
        {"cotton (lint)"},
        id="an apparel retailer over a wholesaler of jeans: its garment factory",
    ),
]


@pytest.mark.parametrize(("company_sector", "buyer", "products", "beneath"), COVERING)
def test_a_wholesaler_covers_the_input_of_its_buyer_it_names_goods_of(
    tmp_path: Path,
    company_sector: str,
    buyer: dict[str, Any] | None,
    products: list[str],
    beneath: set[str],
) -> None:
    """As a mapped supplier of the goods' stage would: nothing is inferred directly beneath
    its buyer (the same supply is not inferred twice, nor is the buyer told to map a tier
    that is mapped), and what is inferred beneath the wholesaler stays."""
    wholesaler = _wholesaler(products, "TWN")
    chain = [wholesaler] if buyer is None else [buyer, {**wholesaler, "buyers": [buyer["id"]]}]
    doc = _assess(tmp_path, company_sector, chain)
    above = "company" if buyer is None else buyer["id"]
    assert not [s["id"] for s in doc["suppliers"] if s["inferred"] and above in s["buyers"]]
    if buyer is not None:
        assert "tiers below not mapped (inferred)" not in _gaps(doc, above)
    assert _raw(inferred_beneath(doc, "WH").values()) == beneath
    assert "tiers below not mapped (inferred)" in _gaps(doc, "WH")
    assert _raw_stages(doc) == {
        s["id"].split("@")[0] for s in inferred_beneath(doc, "WH").values() if s["sector"] in RAW
    }


# (the company's sector, the buyer above the wholesaler, the wholesaler's products)
NOT_COVERING = [
    pytest.param(
        "seafood-trade",
        _supplier("C", "THA", "seafood-processing", ["canned skipjack tuna"]),
        [],
        id="a cannery over a distributor naming nothing",
    ),
    pytest.param(
        "seafood-trade",
        _supplier("C", "THA", "seafood-processing", ["canned skipjack tuna"]),
        ["cocoa beans"],
        id="a cannery over a wholesaler of cocoa beans",
    ),
    pytest.param(
        "garment-manufacturing",
        _supplier("C", "TUR", "fabric-manufacturing", ["cotton fabric"]),
        ["garments"],
        id="a fabric mill over a wholesaler of garments (a stage above its input)",
    ),
    pytest.param(
        "garment-manufacturing",
        _supplier("C", "TUR", "fabric-manufacturing", ["cotton fabric"]),
        ["t-shirts"],
        id="a fabric mill over a wholesaler of t-shirts (a stage above its input)",
    ),
    pytest.param(
        "food-manufacturing",
        _supplier("C", "DEU", "coffee-roasting", ["roasted coffee"]),
        ["coffee machines"],
        id="a roaster over a wholesaler of coffee machines (no good of it)",
    ),
    pytest.param(
        "food-manufacturing",
        _supplier("C", "DEU", "coffee-roasting", ["roasted coffee"]),
        ["spent coffee grounds"],
        id="a roaster over a wholesaler naming no good (a guess at 'coffee')",
    ),
]


@pytest.mark.parametrize(("company_sector", "buyer", "products"), NOT_COVERING)
def test_a_wholesaler_naming_nothing_of_its_buyers_input_covers_nothing(
    tmp_path: Path, company_sector: str, buyer: dict[str, Any], products: list[str]
) -> None:
    """Its buyer gets beneath it what it gets without the wholesaler."""
    without = _assess(tmp_path, company_sector, [buyer])
    wholesaler = {**_wholesaler(products, "TWN"), "buyers": [buyer["id"]]}
    doc = _assess(tmp_path, company_sector, [buyer, wholesaler])
    assert set(inferred_beneath(doc, buyer["id"])) == set(inferred_beneath(without, buyer["id"]))
    assert inferred_beneath(doc, buyer["id"])
