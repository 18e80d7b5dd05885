"""A wholesaler, importer or general retailer (a sector with no inputs) of made goods
(methodology §7): a product that plainly is a made good of the key value chains by the
taxonomy's words ("t-shirts", "jeans", "chocolate bars", "cocoa powder", "smartphones") gets
that stage inferred beneath it, and the chain beneath the stage, as "garments" does; a
product that only contains such a word ("coffee machines", "cocoa-free chocolate", "tuna
tins") gets nothing. One with nothing mapped beneath it whose products name nothing
inference follows (or no products) has that as a data gap: its low level reads "low (data
gap)", never plain low."""

from __future__ import annotations

import copy
import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data as _assess
from chain_support import assessed_low, inferred_beneath
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.batch import _member_figures
from ddtool.cli import app
from ddtool.diff import diff_assessments, load_for_diff
from ddtool.document import NOTHING_FOLLOWED, UNMAPPED_BELOW, low_on_a_gap
from ddtool.model import RISK_TYPES
from ddtool.profiles import load_profiles
from ddtool.reporters import reporter_for

GARMENTS = {
    "garment-manufacturing",
    "textile-finishing",
    "fabric-manufacturing",
    "yarn-spinning",
    "cotton-ginning",
    "cotton-farming",
}
CHOCOLATE = {
    "chocolate-manufacturing",
    "cocoa-processing",
    "cocoa-trading",
    "cocoa-farming",
    "sugar-milling",
    "sugarcane-farming",
}
ELECTRONICS = {
    "electronics-manufacturing",
    "electronic-components",
    "smelting-refining",
    "mineral-trading",
    "artisanal-mining",
    "industrial-mining",
}
MINES = {"artisanal-mining", "industrial-mining"}


def _wholesaler(
    products: list[str], country: str = "DEU", sid: str = "WH", sector: str = "wholesale-trade"
) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": sid, "name": f"{sid} Ltd", "country": country}
    entry["sector"] = sector
    if products:
        entry["products"] = products
    return entry


def _entry(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    [entry] = [s for s in doc["suppliers"] if s["id"] == supplier_id]
    return entry


# -- which products plainly are a made good ------------------------------------------------------

# (a product as written, the sector whose made good it is, or None)
MADE_GOODS = [
    # the name or alias itself, in either number and any case
    ("t-shirts", "garment-manufacturing"),
    ("T-Shirt", "garment-manufacturing"),
    ("jeans", "garment-manufacturing"),
    ("denim jeans", "garment-manufacturing"),
    ("hoodies", "garment-manufacturing"),
    ("chocolate", "chocolate-manufacturing"),
    ("cocoa powder", "cocoa-processing"),
    ("cocoa butter", "cocoa-processing"),
    ("smartphones", "electronics-manufacturing"),
    ("laptops", "electronics-manufacturing"),
    ("printed circuit boards", "electronic-components"),
    ("batteries", "battery-manufacturing"),
    ("instant coffee", "coffee-roasting"),
    ("frozen seafood", "seafood-processing"),
    # beside words of its form, count, packing, grade, colour, size or whom it is for
    ("chocolate bars", "chocolate-manufacturing"),
    ("Dark Chocolate Tablets", "chocolate-manufacturing"),
    ("milk chocolate bars", "chocolate-manufacturing"),
    ("couverture callets", "chocolate-manufacturing"),
    ("chocolate in boxes", "chocolate-manufacturing"),
    ("chocolate 12 x 100 g", "chocolate-manufacturing"),
    ("cocoa powder, 25 kg bags", "cocoa-processing"),
    ("organic t-shirts", "garment-manufacturing"),
    ("men's jeans", "garment-manufacturing"),
    ("dress shirts", "garment-manufacturing"),  # (in any case, as "Dress shirts" was)
    ("kids' hoodies", "garment-manufacturing"),
    ("t-shirts, white, size M", "garment-manufacturing"),
    ("t-shirts 3-pack", "garment-manufacturing"),
    # where it is from, and its own raw material
    ("Swiss chocolate", "chocolate-manufacturing"),
    ("organic cotton t-shirts", "garment-manufacturing"),
    ("100% cotton t-shirts", "garment-manufacturing"),
    # other goods or work beside the name: none
    ("coffee machines", None),
    ("coffee grinder", None),
    ("chocolate spread", None),
    ("chocolate machine", None),
    ("leather jackets", None),  # two goods named
    # a container's word alone is a good of its own
    ("smartphone cases", None),
    ("laptop bags", None),
    ("chocolate tin", None),
    ("tea tin", None),
    ("tuna tins", None),
    # a product that denies the made good itself
    ("chocolate-free", None),
    ("not cotton", None),
    ("no t-shirts", None),
    # a name of a business, its site, work or machines, or a word of form alone
    ("garment factory", None),
    ("chocolate factory", None),
    ("grinders", None),
    ("spinners", None),
    ("power looms", None),
    ("cotton gin", None),
    ("cannery", None),
    ("EMS", None),
    ("dyeing", None),
    ("chips", None),
    ("potato chips", None),
    # no made good at all
    ("office supplies", None),
    ("cocoa beans", None),  # a listed good, read as such (match_good), not here
    # its grade, treatment, cut, condition or capacity
    ("alkalised cocoa powder", "cocoa-processing"),
    ("crew neck t-shirts", "garment-manufacturing"),
    ("slim fit jeans", "garment-manufacturing"),
    ("smartphones 128GB", "electronics-manufacturing"),
    ("smartphones, 128 GB, 6.1 inch", "electronics-manufacturing"),
    ("refurbished smartphones", "electronics-manufacturing"),
    ("second-hand jeans", "garment-manufacturing"),
    # two names of one sector's goods
    ("chocolate couverture", "chocolate-manufacturing"),
    ("t-shirts and jeans", "garment-manufacturing"),
    ("lithium-ion batteries", "battery-manufacturing"),
    # another fibre beside garments (a blend may hold cotton), not beside yarn or fabric
    ("polyester t-shirts", "garment-manufacturing"),
    ("linen shirts", "garment-manufacturing"),
    ("polyester yarn", None),
    ("polyester fabric", None),
    # a commodity of the mines beside a made good: its material
    ("lithium batteries", "battery-manufacturing"),
    ("gold jewellery", "jewellery-manufacturing"),
    # other words denying something else: the made good stays
    ("sugar-free chocolate", "chocolate-manufacturing"),
    ("cocoa-free chocolate", "chocolate-manufacturing"),
    ("organic chocolate, no palm oil", "chocolate-manufacturing"),
    ("t-shirts, not cotton", "garment-manufacturing"),
    ("cobalt-free lithium batteries", "battery-manufacturing"),
    ("no palm oil chocolate spread", None),  # (still a spread)
    # a listed good of another sector as the head noun
    ("chocolate milk", None),
    ("milk chocolate", "chocolate-manufacturing"),
]


@pytest.mark.parametrize(("product", "sector"), MADE_GOODS)
def test_a_product_is_a_made_good_only_where_it_plainly_is_one(
    product: str, sector: str | None
) -> None:
    assert load_profiles().made_good_sector(product) == sector


# -- what a wholesaler naming them gets beneath it -----------------------------------------------

# (the wholesaler's products, the stage inferred directly beneath it, the sectors of every
# stage beneath it)
BENEATH = [
    pytest.param(["t-shirts"], "garment-manufacturing@unknown", GARMENTS, id="t-shirts"),
    pytest.param(["jeans"], "garment-manufacturing@unknown", GARMENTS, id="jeans"),
    pytest.param(
        ["chocolate bars"], "chocolate-manufacturing@unknown", CHOCOLATE, id="chocolate bars"
    ),
    pytest.param(
        ["cocoa powder"],
        "cocoa-processing@unknown",
        {"cocoa-processing", "cocoa-trading", "cocoa-farming"},
        id="cocoa powder: a grinder, its cocoa traders and farms",
    ),
    pytest.param(["smartphones"], "electronics-manufacturing@unknown", ELECTRONICS, id="phones"),
    pytest.param(
        ["instant coffee"],
        "coffee-roasting@unknown",
        {"coffee-roasting", "coffee-milling", "coffee-farming"},
        id="instant coffee",
    ),
    pytest.param(
        ["organic cotton t-shirts"],
        "garment-manufacturing:cotton@unknown",
        GARMENTS,
        id="organic cotton t-shirts: a factory working cotton",
    ),
    pytest.param(["coffee machines"], None, set(), id="coffee machines: nothing"),
    pytest.param(["tuna tins"], None, set(), id="tuna tins: nothing"),
    pytest.param(
        ["cocoa-free chocolate"],
        "chocolate-manufacturing:no-cocoa-beans@unknown",
        CHOCOLATE - {"cocoa-trading", "cocoa-farming"},
        id="cocoa-free chocolate: a chocolate factory, its grinder and sugar, no cocoa",
    ),
    pytest.param(["not cotton"], None, set(), id="not cotton: nothing"),
    pytest.param(["smartphone cases"], None, set(), id="smartphone cases: nothing"),
    pytest.param(["grinders"], None, set(), id="grinders: nothing"),
    # (a container of tea: no farm, and no mines of tin)
    pytest.param(["tea tin"], None, set(), id="tea tin: a container, nothing"),
]


@pytest.mark.parametrize(("products", "stage", "sectors"), BENEATH)
def test_a_wholesaler_gets_the_chain_of_the_made_good_it_names(
    tmp_path: Path, products: list[str], stage: str | None, sectors: set[str]
) -> None:
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(products)])
    beneath = inferred_beneath(doc, "WH")
    assert {s["sector"] for s in beneath.values()} == sectors
    if stage is not None:
        assert [s["id"] for s in beneath.values() if "WH" in s["buyers"]] == [f"inferred:{stage}"]
    gaps = _entry(doc, "WH")["data_gaps"]
    assert (UNMAPPED_BELOW in gaps, NOTHING_FOLLOWED in gaps) == (bool(sectors), not sectors)


@pytest.mark.parametrize(
    ("products", "same_as"),
    [(["t-shirts"], ["garments"]), (["jeans", "hoodies"], ["clothing"])],
)
def test_a_wholesaler_of_garments_by_another_word_gets_what_garments_get(
    tmp_path: Path, products: list[str], same_as: list[str]
) -> None:
    """The same stages, placed alike (a country not known, the raw materials at their
    origin mix), and the same flags."""
    docs = [_assess(tmp_path, "food-manufacturing", [_wholesaler(p)]) for p in (products, same_as)]
    ids = [sorted(inferred_beneath(doc, "WH")) for doc in docs]
    assert ids[0] == ids[1]
    assert "inferred:garment-manufacturing@unknown" in ids[0]
    flags = [
        sorted((f["supplier_id"], f["risk_type"], f["level"]) for f in d["flags"]) for d in docs
    ]
    assert flags[0] == flags[1]


def test_a_wholesaler_of_t_shirts_beneath_an_apparel_retailer_covers_its_garments(
    tmp_path: Path,
) -> None:
    """The retailer's garment input is covered by the wholesaler, as by a mapped garment
    factory: the garment chain is inferred once, beneath the wholesaler, and the retailer
    is not told to map a tier that is mapped."""
    retailer = {"id": "AR", "name": "AR", "country": "DEU", "sector": "apparel-retail"}
    without = _assess(tmp_path, "retail-general", [retailer])
    assert inferred_beneath(without, "AR")  # (its garments inferred beneath it alone)
    wholesaler = {**_wholesaler(["t-shirts"], "NLD"), "buyers": ["AR"]}
    doc = _assess(tmp_path, "retail-general", [retailer, wholesaler])
    assert not [s["id"] for s in doc["suppliers"] if s["inferred"] and "AR" in s["buyers"]]
    assert UNMAPPED_BELOW not in _entry(doc, "AR")["data_gaps"]
    assert {s["sector"] for s in inferred_beneath(doc, "WH").values()} == GARMENTS
    garments = [
        s for s in doc["suppliers"] if s["inferred"] and s["sector"] == "garment-manufacturing"
    ]
    assert [(s["id"], s["buyers"]) for s in garments] == [
        ("inferred:garment-manufacturing@unknown", ["WH"])
    ]


def test_a_general_retailer_reads_its_products_as_a_wholesaler_does(tmp_path: Path) -> None:
    doc = _assess(
        tmp_path,
        "food-manufacturing",
        [
            _wholesaler(["t-shirts"], sid="R1", sector="retail-general"),
            _wholesaler(["chocolate bars"], sid="WH"),
        ],
    )
    assert {s["sector"] for s in inferred_beneath(doc, "R1").values()} == GARMENTS
    assert {s["sector"] for s in inferred_beneath(doc, "WH").values()} == CHOCOLATE


# -- nothing known beneath a trader of anything is a data gap ------------------------------------

# (the sector, the products of a supplier with nothing mapped beneath it)
NOTHING_KNOWN = [
    pytest.param("wholesale-trade", [], id="a wholesaler naming no products"),
    pytest.param("wholesale-trade", ["office supplies"], id="a wholesaler of office supplies"),
    # (tea is followed since its farms are: tests/engine/test_engine_procurement_goods.py)
    pytest.param("wholesale-trade", ["frozen pizza"], id="a wholesaler of frozen pizza"),
    pytest.param("wholesale-trade", ["coffee machines"], id="a wholesaler of coffee machines"),
    pytest.param("retail-general", [], id="a general retailer naming no products"),
]


@pytest.mark.parametrize(("sector", "products"), NOTHING_KNOWN)
def test_a_trader_of_anything_with_nothing_known_beneath_it_is_no_plain_low(
    tmp_path: Path, sector: str, products: list[str]
) -> None:
    doc = _assess(tmp_path, "food-manufacturing", [_wholesaler(products, "BEL", sector=sector)])
    entry = _entry(doc, "WH")
    assert not inferred_beneath(doc, "WH")
    assert entry["data_gaps"] == [NOTHING_FOLLOWED]
    assert {"supplier_id": "WH", "gap": NOTHING_FOLLOWED} in doc["data_gaps"]
    assert doc["summary"]["data_gaps"] == len(doc["data_gaps"])
    levels = {rt: entry["risk"][rt]["level"] for rt in RISK_TYPES}
    assert set(levels.values()) == {"low"}  # (its own score: a low it must not read as)
    assert all(low_on_a_gap(entry, level, rt) for rt, level in levels.items())


@pytest.mark.parametrize(
    "suppliers",
    [
        pytest.param(
            [
                _wholesaler([]),
                {"id": "F1", "country": "NLD", "sector": "food-manufacturing", "buyers": ["WH"]},
            ],
            id="a supplier of goods mapped beneath it",
        ),
        pytest.param([_wholesaler(["t-shirts"])], id="its products name a made good"),
        pytest.param([_wholesaler(["cocoa beans"])], id="its products name a listed good"),
        pytest.param(
            [_wholesaler([], sector="food-manufacturing")], id="a sector with inputs of its own"
        ),
    ],
)
def test_no_such_gap_where_something_is_mapped_or_inferred_beneath(
    tmp_path: Path, suppliers: list[dict[str, Any]]
) -> None:
    doc = _assess(tmp_path, "food-manufacturing", suppliers)
    assert NOTHING_FOLLOWED not in _entry(doc, "WH")["data_gaps"]
    assert NOTHING_FOLLOWED not in {g["gap"] for g in doc["data_gaps"]}


def _low_flags(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    return assessed_low(tmp_path, suppliers, "retail-general")


def test_every_report_shows_the_gap_and_the_low_beside_it(tmp_path: Path) -> None:
    doc = _low_flags(tmp_path, [_wholesaler([], "BEL")])
    flags = [f for f in doc["flags"] if f["supplier_id"] == "WH"]
    assert len(flags) == len(RISK_TYPES)
    # (what closes it first: the wholesaler names its suppliers)
    assert {doc["bases"][f["basis"]]["remediation"][0] for f in flags} == {"gap-map-tier2"}
    paths = {suffix: tmp_path / f"r.{suffix}" for suffix in ("xlsx", "md", "html", "csv")}
    for path in paths.values():
        reporter_for(path).write(doc, path)
    rows = list(load_workbook(paths["xlsx"])["Suppliers"].iter_rows(values_only=True))
    [row] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[0] == "WH"]
    assert row["Data gaps"] == NOTHING_FOLLOWED
    for risk in ("child labour", "forced labour", "human trafficking"):
        assert row[f"{risk}: level"] == row[f"exposure {risk}: level"] == "low (data gap)"
    markdown = paths["md"].read_text("utf-8")
    assert f"| WH Ltd (WH) | {NOTHING_FOLLOWED} |" in markdown
    assert "| low (data gap) | forced labour | WH Ltd |" in markdown
    assert "risk level low (data gap); data gaps: tiers below not mapped, none inferred" in (
        paths["html"].read_text("utf-8")
    )
    register = csv.DictReader(io.StringIO(paths["csv"].read_text("utf-8-sig"), newline=""))
    assert {(r["risk_type"], r["level"]) for r in register if r["supplier_id"] == "WH"} == {
        (rt, "low (data gap)") for rt in RISK_TYPES
    }


def test_the_gap_is_read_back_compared_and_reproduced(tmp_path: Path) -> None:
    """A saved assessment with it passes the JSON contract, `--verify` reproduces it, and a
    diff with one made before it (no gap recorded) lists the low flags coming to rest on
    missing data; the batch summary keeps it beside the exposure's low level and counts it in
    the member's data-gap rate."""
    doc = _low_flags(tmp_path, [_wholesaler(["office supplies"], "BEL")])
    saved = tmp_path / "new.json"
    saved.write_text(json.dumps(doc), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        result = CliRunner().invoke(app, ["assess", "--verify", str(saved)])
    assert result.exit_code == 0, result.output
    before = copy.deepcopy(doc)
    _entry(before, "WH")["data_gaps"] = []
    before["data_gaps"] = [g for g in before["data_gaps"] if g["gap"] != NOTHING_FOLLOWED]
    before["summary"]["data_gaps"] = len(before["data_gaps"])
    old = tmp_path / "old.json"
    old.write_text(json.dumps(before), "utf-8")
    diff = diff_assessments(load_for_diff(old), load_for_diff(saved))
    assert (
        sorted(
            (f["supplier_id"], f["old_level"], f["new_level"], f["data_gaps"], f["direction"])
            for f in diff["changed_flags"]
        )
        == [("WH", "low", "low", [NOTHING_FOLLOWED], "up")] * 3
    )
    figures = _member_figures(doc)
    assert {rt: e["data_gaps"] for rt, e in figures["exposure"].items()} == {
        rt: [NOTHING_FOLLOWED] for rt in RISK_TYPES
    }
    assert figures["data_gap_rate"] == 1.0  # (its one mapped supplier)


def test_a_product_naming_goods_of_two_sectors_names_both() -> None:
    profiles = load_profiles()
    assert profiles.made_good_sectors("t-shirts and smartphones") == (
        "electronics-manufacturing",
        "garment-manufacturing",
    )
    assert profiles.made_good_sector("t-shirts and smartphones") is None


# -- a made good named with a grade, a material, a denial: the chain of the good itself ---------

# (the wholesaler's product, the plain good whose stages it gets the same of)
AS_THE_GOOD = [
    # a commodity of the mines beside a made good is its material, not all of it: the
    # good's whole chain (a lithium battery's cathode holds cobalt or nickel); not beside a
    # good worked from it ('gold jewellery': gold, test_engine_product_readings)
    ("lithium batteries", "batteries"),
    ("lithium-ion batteries", "batteries"),
    # a denial of another good leaves the good as it is
    ("sugar-free chocolate", "chocolate"),
    ("organic chocolate, no palm oil", "chocolate"),
    # its grade, cut, packing, condition or capacity
    ("alkalised cocoa powder", "cocoa powder"),
    ("chocolate couverture", "couverture"),
    ("tuna in oil", "canned tuna"),
    ("crew neck t-shirts", "t-shirts"),
    ("polyester t-shirts", "t-shirts"),  # (not certain to hold no cotton: a blend may)
    ("smartphones 128GB", "smartphones"),
    ("refurbished smartphones", "smartphones"),
]


@pytest.mark.parametrize(("product", "plain"), AS_THE_GOOD)
def test_a_wholesaler_of_a_made_good_with_other_words_gets_the_goods_chain(
    tmp_path: Path, product: str, plain: str
) -> None:
    """The same inferred stages as the plain good gets, and a gap that says so: never the
    gap of a trader whose products name no good of a key value chain."""
    doc = _assess(tmp_path, "retail-general", [_wholesaler([product])])
    same = _assess(tmp_path, "retail-general", [_wholesaler([plain])])
    assert inferred_beneath(doc, "WH")
    assert sorted(inferred_beneath(doc, "WH")) == sorted(inferred_beneath(same, "WH"))
    assert _entry(doc, "WH")["data_gaps"] == [UNMAPPED_BELOW]


def test_a_lithium_battery_wholesaler_gets_the_factory_refiner_and_cobalt(tmp_path: Path) -> None:
    doc = _assess(tmp_path, "retail-general", [_wholesaler(["lithium batteries"])])
    beneath = inferred_beneath(doc, "WH")
    assert [s["id"] for s in beneath.values() if "WH" in s["buyers"]] == [
        "inferred:battery-manufacturing@unknown"
    ]
    assert {"smelting-refining", "mineral-trading", *MINES} <= {
        s["sector"] for s in beneath.values()
    }
    assert {"cobalt", "lithium", "copper"} <= {
        s["products"][0].casefold() for s in beneath.values() if s["sector"] in MINES
    }


# (the wholesaler's products, what is inferred beneath it that no other reading gives)
KEPT_READINGS = [
    # a raw good it is by all its words stays that good, not a mill's made good
    pytest.param(["green coffee"], {"coffee-farming"}, id="green coffee: coffee farms"),
    pytest.param(["tin ingots"], MINES, id="tin ingots: mines of tin"),
    # its own fibre named narrows the garment chain's listings to it, as before
    pytest.param(["cotton t-shirts"], GARMENTS, id="cotton t-shirts"),
]


@pytest.mark.parametrize(("products", "sectors"), KEPT_READINGS)
def test_readings_that_were_right_stay(
    tmp_path: Path, products: list[str], sectors: set[str]
) -> None:
    doc = _assess(tmp_path, "retail-general", [_wholesaler(products)])
    assert {s["sector"] for s in inferred_beneath(doc, "WH").values()} == sectors
    if products == ["cotton t-shirts"]:
        assert "inferred:garment-manufacturing:cotton@unknown" in inferred_beneath(doc, "WH")


def test_a_wholesaler_of_chocolate_milk_gets_no_chocolate_chain(tmp_path: Path) -> None:
    """'milk' after 'chocolate' is the good (Dairy Products), not chocolate's form."""
    doc = _assess(tmp_path, "retail-general", [_wholesaler(["chocolate milk"])])
    assert not inferred_beneath(doc, "WH")
    assert _entry(doc, "WH")["data_gaps"] == [NOTHING_FOLLOWED]


# -- the products' denials, as beneath any other supplier ----------------------------------------

# (the products, a buyer of another sector naming them, the raw stages neither gets)
DENIED = [
    pytest.param(
        ["t-shirts", "not cotton"],
        "apparel-retail",
        {"cotton-farming", "cotton-ginning"},
        id="t-shirts, not cotton",
    ),
    pytest.param(
        ["t-shirts, not cotton"],
        "apparel-retail",
        {"cotton-farming", "cotton-ginning"},
        id="t-shirts, not cotton (one product)",
    ),
    pytest.param(
        ["chocolate bars", "no cocoa"],
        "chocolate-manufacturing",
        {"cocoa-farming", "cocoa-trading"},
        id="chocolate bars, no cocoa",
    ),
]


@pytest.mark.parametrize(("products", "other", "gone"), DENIED)
def test_a_wholesaler_leaves_out_what_its_products_deny(
    tmp_path: Path, products: list[str], other: str, gone: set[str]
) -> None:
    """As a retailer or maker naming the same products: the denied good's own stages are
    not inferred, every other stage is (marked with what is denied)."""
    doc = _assess(tmp_path, "retail-general", [_wholesaler(products)])
    maker = _assess(tmp_path, "retail-general", [_wholesaler(products, sector=other)])
    beneath = {s["sector"] for s in inferred_beneath(doc, "WH").values()}
    assert beneath and beneath.isdisjoint(gone)
    stages = {s["sector"] for s in inferred_beneath(maker, "WH").values()}
    assert beneath - {other} == stages  # (a maker's own stage is no input of its own)
    [stage] = [s["id"] for s in inferred_beneath(doc, "WH").values() if "WH" in s["buyers"]]
    assert ":no-" in stage  # ('inferred:garment-manufacturing:no-cotton-lint@unknown')


@pytest.mark.parametrize(
    "products",
    [["smartphones", "no cobalt"], ["cobalt-free lithium batteries"], ["batteries, no cobalt"]],
)
def test_a_wholesaler_denying_cobalt_gets_no_cobalt_mines(
    tmp_path: Path, products: list[str]
) -> None:
    doc = _assess(tmp_path, "retail-general", [_wholesaler(products)])
    beneath = inferred_beneath(doc, "WH").values()
    mined = {s["products"][0].casefold() for s in beneath if s["sector"] in MINES}
    assert mined == {"copper", "gold", "lithium", "mica", "tantalum", "tin", "tungsten"}


# -- only a supplier of goods beneath it says what a trader of anything sells -------------------

# (the sector of the one supplier mapped beneath a wholesaler naming office supplies, whether
# the wholesaler keeps the gap)
BENEATH_IT = [
    pytest.param("logistics-transport", True, id="a haulier: still nothing known"),
    pytest.param("warehousing", True, id="a warehouse"),
    pytest.param("cleaning-services", True, id="a cleaner"),
    pytest.param("security-services", True, id="a security firm"),
    pytest.param("software-services", True, id="a software house"),
    pytest.param("financial-services", True, id="a bank"),
    pytest.param("food-manufacturing", False, id="a maker of goods"),
    pytest.param("wholesale-trade", False, id="another wholesaler (the gap is its own)"),
    # (a supplier of unknown sector may sell it goods: the tier is mapped, and what is
    # unknown of that supplier is its own gap, 'sector unknown')
    pytest.param(None, False, id="a supplier of unknown sector"),
    pytest.param("widget stuff", False, id="a supplier of a sector not matched"),
]


@pytest.mark.parametrize(("sector", "gap"), BENEATH_IT)
def test_a_service_supplier_beneath_a_trader_of_anything_leaves_its_gap(
    tmp_path: Path, sector: str | None, gap: bool
) -> None:
    below: dict[str, Any] = {"id": "L1", "name": "L1", "country": "NLD", "buyers": ["WH"]}
    if sector is not None:
        below["sector"] = sector
    doc = _assess(tmp_path, "retail-general", [_wholesaler(["office supplies"], "NLD"), below])
    entry = _entry(doc, "WH")
    assert (NOTHING_FOLLOWED in entry["data_gaps"]) is gap
    level = entry["risk"]["forced_labour"]["level"]
    assert low_on_a_gap(entry, level, "forced_labour") is gap
    if gap:  # (the batch counts it: one of its two mapped suppliers)
        assert _member_figures(doc)["data_gap_rate"] == 0.5


# -- a supplier mapped beneath a wholesaler of a made good covers what it covers for a maker ----


def _raw_beneath(doc: dict[str, Any], supplier_id: str) -> set[str]:
    """The raw stages inferred beneath a supplier, as sector and commodity ('cocoa-farming:
    Cocoa beans'), wherever they lean."""
    return {
        f"{s['sector']}:{s['products'][0].casefold()}"
        for s in inferred_beneath(doc, supplier_id).values()
        if s["sector"] in RAW_SECTORS
    }


RAW_SECTORS = {
    "artisanal-mining",
    "industrial-mining",
    "cocoa-farming",
    "coffee-farming",
    "cotton-farming",
    "sugarcane-farming",
    "crop-farming",
    "fishing-vessels",
    "aquaculture",
}

# (the wholesaler's products, the maker of them, the supplier mapped beneath both, the stage
# inferred directly beneath the wholesaler (None: none), the raw stages beneath it)
MAPPED_BENEATH = [
    pytest.param(
        ["chocolate"],
        "chocolate-manufacturing",
        {"country": "DEU", "sector": "sugar-milling", "products": ["beet sugar"]},
        "inferred:chocolate-manufacturing:cocoa-beans-",
        {"cocoa-farming:cocoa beans"},
        id="chocolate over a beet sugar mill: the factory and its cocoa, not cane sugar",
    ),
    pytest.param(
        ["chocolate bars"],
        "chocolate-manufacturing",
        {"country": "CIV", "sector": "cocoa-processing", "products": ["cocoa butter"]},
        "inferred:chocolate-manufacturing:sugarcane-",
        {"sugarcane-farming:sugarcane"},
        id="chocolate over a cocoa grinder: the factory and its sugar",
    ),
    pytest.param(
        ["smartphones"],
        "electronics-manufacturing",
        {"country": "MYS", "sector": "smelting-refining", "products": ["tin ingots"]},
        "inferred:electronics-manufacturing:cobalt+copper+gold+lithium+mica+tantalum+tungsten@",
        {
            f"{sector}:{mineral}"
            for sector, minerals in (
                ("artisanal-mining", ("cobalt", "gold", "mica", "tantalum", "tungsten")),
                ("industrial-mining", ("cobalt", "copper", "gold", "lithium", "tantalum")),
                ("industrial-mining", ("tungsten",)),
            )
            for mineral in minerals
        },
        id="smartphones over a tin smelter: every other mineral",
    ),
    pytest.param(
        ["t-shirts"],
        "garment-manufacturing",
        {"country": "IND", "sector": "cotton-ginning", "products": ["cotton lint"]},
        "inferred:garment-manufacturing:inputs-mapped@",
        set(),
        id="t-shirts over a cotton gin: a garment factory, its cloth covered as a maker's",
    ),
]


@pytest.mark.parametrize(("products", "maker", "below", "stage", "raw"), MAPPED_BENEATH)
def test_a_supplier_beneath_a_wholesaler_covers_what_it_covers_for_a_maker(
    tmp_path: Path,
    products: list[str],
    maker: str,
    below: dict[str, Any],
    stage: str | None,
    raw: set[str],
) -> None:
    """A mapped supplier beneath a wholesaler is no supplier of all its good is made of: the
    made good's stage is inferred beneath the wholesaler with the inputs the supplier does
    not cover, so that the raw stages beneath it are a maker's with that supplier beneath
    it (a beet sugar mill beneath a wholesaler of chocolate never takes its cocoa away)."""
    suppliers = [
        _wholesaler(products, "NLD"),
        {**below, "id": "B1", "name": "B1", "buyers": ["WH"]},
        _wholesaler(products, "BEL", sid="MK", sector=maker),
        {**below, "id": "B2", "name": "B2", "buyers": ["MK"]},
    ]
    doc = _assess(tmp_path, "retail-general", suppliers)
    direct = [s["id"] for s in doc["suppliers"] if s["inferred"] and "WH" in s["buyers"]]
    if stage is None:
        assert direct == []
    else:
        [found] = direct
        assert found.startswith(stage) and found.endswith("@unknown")
    assert _raw_beneath(doc, "WH") == _raw_beneath(doc, "MK") == raw
    assert _entry(doc, "WH")["data_gaps"] == [UNMAPPED_BELOW]


def test_a_garment_factory_beneath_a_t_shirt_wholesaler_still_covers_its_t_shirts(
    tmp_path: Path,
) -> None:
    """A supplier mapped in the made good's own stage covers it: nothing is inferred beneath
    the wholesaler, the cotton chain is inferred beneath the factory."""
    factory = {"id": "F1", "name": "F1", "country": "BGD", "sector": "garment-manufacturing"}
    doc = _assess(
        tmp_path,
        "retail-general",
        [_wholesaler(["t-shirts"], "NLD"), {**factory, "buyers": ["WH"]}],
    )
    assert not [s for s in doc["suppliers"] if s["inferred"] and "WH" in s["buyers"]]
    assert _raw_beneath(doc, "F1") == {"cotton-farming:cotton (lint)"}
    assert _entry(doc, "WH")["data_gaps"] == []


def test_a_beet_sugar_mill_beneath_a_chocolate_wholesaler_leaves_its_cocoa_exposure(
    tmp_path: Path,
) -> None:
    """The wholesaler with the mill beneath it is exposed as one of chocolate alone is (the
    cocoa farms' critical), as a chocolate maker with the mill is, and its factory says why
    its sugar is not inferred."""
    mill = {"id": "M1", "name": "M1", "country": "DEU", "sector": "sugar-milling"}
    alone = _assess(tmp_path, "retail-general", [_wholesaler(["chocolate"], "NLD")])
    doc = _assess(
        tmp_path,
        "retail-general",
        [_wholesaler(["chocolate"], "NLD"), {**mill, "products": ["beet sugar"], "buyers": ["WH"]}],
    )
    for rt in RISK_TYPES:
        exposure = _entry(doc, "WH")["exposure"][rt]
        assert exposure["level"] == _entry(alone, "WH")["exposure"][rt]["level"] == "critical"
    [factory] = [s for s in doc["suppliers"] if s["inferred"] and "WH" in s["buyers"]]
    assert "no sugar-milling inferred beneath it" in factory["assumption"]
    assert "cocoa-farming" in {s["sector"] for s in inferred_beneath(doc, factory["id"]).values()}


# -- plain key-chain goods: lists, makers' names, specifications, other languages ---------------

SEAFOOD = {"seafood-processing", "fishing-vessels", "aquaculture"}

# (the wholesaler's products, the sectors of every stage inferred beneath it)
LISTED = [
    pytest.param(["seafood"], SEAFOOD, id="seafood"),
    pytest.param(["Seafood"], SEAFOOD, id="Seafood"),
    pytest.param(["frozen seafood"], SEAFOOD, id="frozen seafood: its farms too"),
    pytest.param(["Meeresfrüchte"], SEAFOOD, id="Meeresfrüchte"),
    pytest.param(["tuna and shrimp"], SEAFOOD, id="tuna and shrimp: vessels and farms"),
    pytest.param(["tuna & shrimp"], SEAFOOD, id="tuna & shrimp"),
    pytest.param(
        ["chocolate and coffee"], CHOCOLATE | {"coffee-farming"}, id="chocolate and coffee"
    ),
    pytest.param(
        ["Kaffee und Schokolade"], CHOCOLATE | {"coffee-farming"}, id="Kaffee und Schokolade"
    ),
    # (milk is a listed good too, Dairy Products: its stage, narrowed to it, beside chocolate's)
    pytest.param(
        ["chocolate, milk"],
        CHOCOLATE | {"food-manufacturing", "crop-farming"},
        id="chocolate, milk: a list, not chocolate milk",
    ),
    pytest.param(["chocolate; office supplies"], CHOCOLATE, id="chocolate; office supplies"),
    pytest.param(["Samsung smartphones"], ELECTRONICS, id="Samsung smartphones"),
    pytest.param(["SAMSUNG Galaxy smartphones"], ELECTRONICS, id="SAMSUNG Galaxy smartphones"),
    pytest.param(["Lindt chocolate"], CHOCOLATE, id="Lindt chocolate"),
    pytest.param(["Nike t-shirts"], GARMENTS, id="Nike t-shirts"),
    pytest.param(["laptops, 16GB RAM, 512GB SSD"], ELECTRONICS, id="laptops, 16GB RAM, 512GB SSD"),
    pytest.param(["laptops 16 GB RAM"], ELECTRONICS, id="laptops 16 GB RAM"),
    pytest.param(["Schokolade"], CHOCOLATE, id="Schokolade"),
    pytest.param(["chocolat"], CHOCOLATE, id="chocolat"),
    pytest.param(["Handys"], ELECTRONICS, id="Handys"),
    pytest.param(["camisetas"], GARMENTS, id="camisetas"),
    pytest.param(
        ["Kakaopulver"],
        {"cocoa-processing", "cocoa-trading", "cocoa-farming"},
        id="Kakaopulver",
    ),
    # (none of these names a key-chain good: the data gap stays)
    pytest.param(["coffee and tea machines"], set(), id="coffee and tea machines: machines"),
    pytest.param(["Coffee machines"], set(), id="Coffee machines: a known word is no brand"),
    pytest.param(["Carob Chocolate"], set(), id="Carob Chocolate: a likeness, no brand"),
    pytest.param(["chocolate milk"], set(), id="chocolate milk: milk"),
]


@pytest.mark.parametrize(("products", "sectors"), LISTED)
def test_a_wholesaler_of_plain_key_chain_goods_gets_their_chains(
    tmp_path: Path, products: list[str], sectors: set[str]
) -> None:
    """Each good a product lists is followed, whoever made it and in whatever language; the
    gap "it names no product that is a good of a key value chain" is never given to a
    wholesaler whose products name one."""
    doc = _assess(tmp_path, "retail-general", [_wholesaler(products)])
    assert {s["sector"] for s in inferred_beneath(doc, "WH").values()} == sectors
    gaps = _entry(doc, "WH")["data_gaps"]
    assert gaps == ([UNMAPPED_BELOW] if sectors else [NOTHING_FOLLOWED])


# (a product, the sectors whose made goods it names)
MORE_MADE_GOODS = [
    ("Samsung smartphones", ("electronics-manufacturing",)),
    ("Lindt dark chocolate", ("chocolate-manufacturing",)),
    ("Nike t-shirts", ("garment-manufacturing",)),
    ("laptops, 16GB RAM, 512GB SSD", ("electronics-manufacturing",)),
    ("seafood", ("seafood-processing",)),
    ("Schokolade", ("chocolate-manufacturing",)),
    ("Schmuck", ("jewellery-manufacturing",)),
    ("Akkus", ("battery-manufacturing",)),
    # a storage word alone, a known word as a name, a likeness, a people's name: as before
    ("laptop memory", ()),
    ("laptop RAM", ()),
    ("Coffee machines", ()),
    ("Carob Chocolate", ()),
    ("carob chocolate", ()),
    ("Ivorian chocolate", ("chocolate-manufacturing",)),
    ("Swedish fish", ()),
    # a shorthand of a chemistry says what it is made of, not whose it is: no brand
    ("NMC cathode", ()),
    ("LFP batteries", ()),
]


@pytest.mark.parametrize(("product", "sectors"), MORE_MADE_GOODS)
def test_makers_names_specifications_and_other_languages_keep_a_made_good(
    product: str, sectors: tuple[str, ...]
) -> None:
    assert load_profiles().made_good_sectors(product) == sectors


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("seafood", "seafood-processing"),
        ("seafood trading", "seafood-trade"),
        ("seafood exporter", "seafood-trade"),
        ("seafood distribution", "seafood-trade"),
        ("seafood farming", "aquaculture"),
        ("seafood processing", "seafood-processing"),
    ],
)
def test_seafood_in_a_sector_column(text: str, sector: str) -> None:
    """'seafood' names seafood processing's goods, as 'frozen seafood' does; the trade and
    the farms keep their own words."""
    assert load_profiles().match_sector(text).id == sector


def test_a_processor_of_seafood_gets_its_vessels_and_its_farms(tmp_path: Path) -> None:
    """'seafood', the value chain's own name, narrows nothing: a processor of 'frozen seafood'
    gets shrimp farms beside the fishing vessels, as one naming nothing does."""
    processor = {"id": "P1", "name": "P1", "country": "THA", "sector": "seafood-processing"}
    docs = [
        _assess(tmp_path, "retail-general", [{**processor, "products": products}])
        for products in (["frozen seafood"], [])
    ]
    sectors = [{s["sector"] for s in inferred_beneath(doc, "P1").values()} for doc in docs]
    assert sectors[0] == sectors[1] == {"fishing-vessels", "aquaculture"}
