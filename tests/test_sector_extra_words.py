"""A good's name written with other words is not silently its farm (input-format §9).

"coffee" alone is coffee farming; "coffee cups" is a cup maker and "coffee export" an
exporter. The longest alias contained used to be the bare good, and the cup maker was scored
as a coffee farm with no warning.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess
from ddtool.profiles import bundled_dir, load_profiles
from ddtool.sources import read_chain

# -- the text names a stage of the good: that stage, as the sectors data defines it --------
STAGES = [
    # written, sector
    ("coffee trading", "coffee-milling"),  # "Coffee milling and export (… exporters)"
    ("coffee traders", "coffee-milling"),
    ("coffee export", "coffee-milling"),
    ("coffee exporter", "coffee-milling"),  # an alias, as before
    ("Ethiopian Coffee Export PLC", "coffee-milling"),
    ("coffee processing", "coffee-milling"),  # the coffee chain's processing stage
    ("coffee processor", "coffee-milling"),
    ("coffee processing and export", "coffee-milling"),
    ("cocoa export", "cocoa-trading"),
    ("cocoa beans trading", "cocoa-trading"),
    ("cotton t-shirts", "garment-manufacturing"),  # alias "t-shirts"
    ("Cotton T-Shirts", "garment-manufacturing"),
    ("cotton tshirt", "garment-manufacturing"),
    ("cotton hoodies", "garment-manufacturing"),  # alias "hoodies"
    ("cotton dresses", "garment-manufacturing"),  # alias "dresses"
    ("cotton fabric", "fabric-manufacturing"),  # a tie of lengths: the good's name loses
    ("tea farm", "tea-farming"),  # was crop farming: "farm" beside a good adds nothing
]

# -- the other words name another product or work: no sector, a warning, suggestions ------
NO_SECTOR = [
    # written, the words named in the note, sectors that must be suggested
    ("coffee cups", "'cups'", ["coffee-farming", "coffee-milling", "coffee-roasting"]),
    ("coffee machines", "'machines'", ["coffee-roasting"]),
    ("coffee shop", "'shop'", ["retail-general", "coffee-roasting"]),
    ("coffee bar", "'bar'", ["coffee-roasting"]),
    ("cotton bags printing", "'bags printing'", ["textile-finishing", "cotton-farming"]),
    ("cotton shirts", "'shirts'", ["garment-manufacturing"]),
    ("cotton jersey", "'jersey'", ["cotton-farming"]),  # the fabric, not the island
    ("tea trading", "'trading'", ["wholesale-trade"]),  # no tea trading stage
    ("tea processing", "'processing'", []),
    ("cotton processing", "'processing'", ["cotton-ginning", "yarn-spinning"]),  # several
    ("coffee and cocoa", "'cocoa'", ["cocoa-farming", "coffee-farming"]),
    ("coffee machines trading", "'machines'", ["coffee-milling"]),
    ("Italian coffee machines", "'machines'", ["coffee-roasting"]),
    ("coffee products", "'products'", ["coffee-farming"]),
    ("granite countertops", "'countertops'", ["stone-quarrying"]),
    # words outside the taxonomy's vocabulary that still name other goods or work
    ("coffee café", "'cafe'", ["coffee-roasting"]),
    ("coffee restaurant", "'restaurant'", ["coffee-farming"]),
    ("coffee equipment", "'equipment'", ["coffee-roasting"]),
    ("coffee machinery", "'machinery'", ["coffee-roasting"]),
    ("coffee maker", "'maker'", ["coffee-roasting"]),
    ("tea packing", "'packing'", ["tea-farming"]),
    ("tea blending", "'blending'", ["tea-farming"]),
    ("ground coffee", "'ground'", ["coffee-roasting"]),
    ("cotton waste", "'waste'", ["cotton-farming"]),
    ("tea auction", "'auction'", ["wholesale-trade"]),  # a stage no tea sector has
    # a name beside other goods: the goods are named, the name is not
    ("Yirgacheffe coffee cups", "but 'cups' names", ["coffee-roasting"]),
    # a word the taxonomy does not know, not written as a name: other goods, never the farm
    # or mine (the review's list), with the good's own producer among the suggestions
    ("cotton napkins", "'napkins'", ["cotton-farming"]),
    ("cotton pillowcases", "'pillowcases'", ["cotton-farming"]),
    ("cotton mops", "'mops'", ["cotton-farming"]),  # (uniforms: garments)
    ("cotton curtains", "'curtains'", ["cotton-farming"]),
    ("mica cosmetics", "'cosmetics'", ["artisanal-mining"]),
    ("mica paint", "'paint'", ["artisanal-mining"]),
    ("beef burgers", "'burgers'", ["cattle-ranching"]),
    ("cattle feed", "'feed'", ["cattle-ranching"]),
    ("cocoa cookies", "'cookies'", ["cocoa-farming"]),
    ("cocoa spread", "'spread'", ["cocoa-farming"]),
    ("coffee candles", "'candles'", ["coffee-farming"]),
    ("tea cosmetics", "'cosmetics'", ["tea-farming"]),
    ("rice noodles", "'noodles'", ["crop-farming"]),
    # title case and capitals tell no name from a good: the word is read as other goods
    ("Mica Cosmetics", "'cosmetics'", ["artisanal-mining"]),
    ("COFFEE BUSHENGE", "'bushenge'", ["coffee-farming"]),
    ("Coffee Bushenge", "'bushenge'", ["coffee-farming"]),
    ("coffee bushenge", "'bushenge'", ["coffee-farming"]),  # a town no list names
]

# -- suggestions from a shared word come from the good's chain or no chain ----------------
SUGGESTED_FROM_THE_CHAIN = [
    # written, sectors that must be suggested, sectors that must not
    ("coffee washing", ["coffee-milling"], ["textile-finishing"]),  # a washing station
    ("cotton washing", ["textile-finishing"], ["coffee-milling"]),
    ("tea washing", ["tea-farming"], ["coffee-milling", "textile-finishing"]),
    ("coffee printing", ["coffee-roasting"], ["textile-finishing"]),
    ("cotton bags printing", ["textile-finishing"], ["coffee-milling"]),
]

# -- the good alone, or with words that only describe its producer: the farm, as before ----
UNCHANGED = [
    ("coffee", "coffee-farming"),
    ("Coffee", "coffee-farming"),
    ("cotton", "cotton-farming"),
    ("cocoa", "cocoa-farming"),
    ("tea", "tea-farming"),
    ("coffee farm", "coffee-farming"),
    ("coffee farming", "coffee-farming"),
    ("coffee growers", "coffee-farming"),
    ("cotton farm", "cotton-farming"),
    ("cotton farming", "cotton-farming"),
    ("smallholder coffee", "coffee-farming"),
    ("organic coffee", "coffee-farming"),
    ("arabica coffee", "coffee-farming"),
    ("Vietnamese robusta coffee", "coffee-farming"),
    ("fair trade coffee", "coffee-farming"),
    ("Better Cotton", "cotton-farming"),
    ("coffee beans", "coffee-farming"),
    ("Coffee (green)", "coffee-farming"),
    ("coffee supplier", "coffee-farming"),
    ("Kenyan tea", "tea-farming"),
    ("Assam tea", "tea-farming"),
    ("Yunnan coffee", "coffee-farming"),
    ("Huila coffee growers", "coffee-farming"),
    ("coffee from Minas Gerais, Brazil", "coffee-farming"),
    ("Xinjiang Cotton Co", "cotton-farming"),
    ("US cotton", "cotton-farming"),
    ("Korean tea", "tea-farming"),
    ("Ghanaian cocoa farmers", "cocoa-farming"),
    ("coffee labour supplier", "coffee-farming"),  # the work the placed workers do
    ("tea estate labour supplier", "tea-farming"),
    ("granite quarry", "stone-quarrying"),
    # what the data already says, unchanged
    ("coffee cooperative", "coffee-milling"),
    ("cocoa cooperative", "cocoa-trading"),
    ("green coffee importer", "coffee-milling"),
    ("coffee importer", "wholesale-trade"),
    ("cotton trading company", "wholesale-trade"),
    ("coffee packaging", "general-manufacturing"),
    ("coffee roasters", "coffee-roasting"),
    ("cotton yarn", "yarn-spinning"),
    ("cocoa grinding", "cocoa-processing"),
    ("Tee", None),  # no alias (German for tea; "tee" is a golf tee): unknown as before
]

# -- a word the taxonomy does not know is a name or an origin where it is written as one --
# (capitalised beside a lowercase word): the farm, not "other work"
NAMES = [
    ("coffee Kivu", "coffee-farming"),  # a region pycountry names only as Nord-/Sud-Kivu
    ("coffee Bushenge", "coffee-farming"),  # a town no list names
    # growing regions known by name, in any case: a place, not other goods or work
    ("coffee kivu", "coffee-farming"),
    ("COFFEE KIVU", "coffee-farming"),
    ("coffee north kivu", "coffee-farming"),
    ("Nord-Kivu coffee", "coffee-farming"),
    ("coffee sidamo", "coffee-farming"),
    ("cocoa haut-sassandra", "cocoa-farming"),
    ("Yirgacheffe coffee", "coffee-farming"),  # a town
    ("cocoa Soubré", "cocoa-farming"),
    ("Sidamo coffee", "coffee-farming"),
    ("Jamaica Blue Mountain coffee", "coffee-farming"),  # "blue" is a kind, not a leather
    ("hand picked coffee", "coffee-farming"),
    ("Mwangi family tea", "tea-farming"),
    # farmers' organisations are their producers, where the data names no stage for them
    ("tea cooperative", "tea-farming"),
    ("cotton cooperative", "cotton-farming"),
    ("coffee union", "coffee-farming"),
    ("coffee association", "coffee-farming"),
    ("cocoa union", "cocoa-farming"),
    ("Nyeri tea farmers society", "tea-farming"),
    ("coffee farmers federation", "coffee-farming"),
    ("Sidamo coffee coop", "coffee-farming"),
    # … and an alias of the data that names one still wins
    ("coffee cooperative", "coffee-milling"),
    ("cocoa cooperative", "cocoa-trading"),
    ("cocoa cooperative society", "cocoa-trading"),
    # a stage, written as the trade writes it
    ("cocoa collection", "cocoa-trading"),
    # aliases the data adds: a metal's refinery is smelting and refining
    ("gold refinery", "smelting-refining"),
    ("gold refining", "smelting-refining"),
    ("Gold Refinery Ltd", "smelting-refining"),
]


# -- a word for any factory beside the goods made: the maker of those goods ------------------
FACTORIES = [
    # written, sector (general manufacturing was the longest alias contained: "factory")
    ("battery factory", "battery-manufacturing"),  # 'batteries' in the singular
    ("battery workshop", "battery-manufacturing"),
    ("Battery Factory Co", "battery-manufacturing"),
    ("shoe workshop", "footwear-manufacturing"),
    ("garment workshop", "garment-manufacturing"),
    ("toy workshop", "toy-manufacturing"),
    ("brick workshop", "brick-making"),
    # the factory of a raw good is its processing stage, where one sector covers it
    ("cocoa factory", "cocoa-processing"),
    ("coffee factory", "coffee-milling"),  # (a wet mill, as Kenya names it)
    ("palm oil factory", "palm-oil-milling"),
    # no goods named beside it, or goods general manufacturing makes: as before
    ("factory", "general-manufacturing"),
    ("candle factory", "general-manufacturing"),
    ("furniture factory", "general-manufacturing"),
    ("plastics factory", "general-manufacturing"),
    ("chocolate factory", "chocolate-manufacturing"),
    ("battery manufacturer", "battery-manufacturing"),
    # a factory of equipment for the work named, or beside a farm, a service or a shop: as
    # before (general manufacturing, or the other sector)
    ("farm equipment manufacturer", "general-manufacturing"),
    ("farm machinery factory", "general-manufacturing"),
    ("fishing gear manufacturer", "general-manufacturing"),
    ("fishing net manufacturer", "general-manufacturing"),
    ("cleaning products manufacturer", "general-manufacturing"),
    ("shipping container manufacturer", "general-manufacturing"),
    ("warehouse racking manufacturer", "general-manufacturing"),
    ("aquaculture equipment manufacturer", "general-manufacturing"),
    ("textile machinery manufacturer", "general-manufacturing"),
    ("shoe machinery manufacturer", "general-manufacturing"),
    ("staffing software manufacturer", "general-manufacturing"),
    ("auto parts factory", "general-manufacturing"),
    ("electronics parts factory", "electronics-manufacturing"),
    # the plural's singular counts only beside a factory word: no maker of batteries here
    ("battery shop", "retail-general"),
    ("battery storage", "warehousing"),
    # a word ending in -y beside a good's name is read as before (it broke the reading)
    ("coffee cherry", "coffee-farming"),
    ("coffee cherry factory", "coffee-milling"),
    # a grown good whose processing no sector covers: no sector, with a note (see
    # tests/assets/sectors/stage_words.yaml); before, general manufacturing, whose listings
    # name other goods (a Vietnamese tea factory took Vietnam's furniture listing)
    ("tea factory", None),  # no tea processing sector
    # (but tobacco: cigarettes and bidis are made in general manufacturing's factories)
    ("tobacco factory", "general-manufacturing"),
    ("latex factory", None),
    # one several sectors process, or beside words naming what is made or a name: the factory
    ("KTDA tea factory", "general-manufacturing"),
    ("cotton factory", "general-manufacturing"),  # ginning or spinning?
    ("fruit juice factory", "general-manufacturing"),
    ("coffee manufacturer", "general-manufacturing"),  # "factory" alone names the stage
    ("coffee cups manufacturer", "general-manufacturing"),
    # a factory that repairs or recycles, or makes equipment, nets or gear: not the goods'
    # maker, nor a vessel or a farm
    ("battery recycling factory", "general-manufacturing"),
    ("battery repair workshop", "general-manufacturing"),
    ("used battery workshop", "general-manufacturing"),
    ("textile machinery factory", "general-manufacturing"),
    ("garment machinery factory", "general-manufacturing"),
    ("fishing equipment factory", "general-manufacturing"),
    ("fishing net factory", "general-manufacturing"),
    ("construction equipment manufacturer", "general-manufacturing"),
    ("seafood processing equipment manufacturer", "general-manufacturing"),
    ("sugar manufacturer", "sugar-milling"),
    ("yarn factory", "yarn-spinning"),
    # beside a good no one sector processes, a trader, a farm or a shop: the longest alias
    # contained, as without the factory word's rule (it read all of these as general
    # manufacturing for a while, silently)
    ("cocoa trading factory", "cocoa-trading"),
    ("sawmill factory", "timber-forestry"),
    ("tea leaf factory", "tea-farming"),
    ("cotton waste spinning factory", "yarn-spinning"),
    ("sugar cane factory", "sugar-milling"),
    ("lithium battery factory", "battery-manufacturing"),
    ("Battery Factory Co Ltd", "battery-manufacturing"),
]


@pytest.mark.parametrize(("written", "sector"), STAGES + UNCHANGED + NAMES + FACTORIES)
def test_a_good_written_with_other_words_matches(written: str, sector: str | None) -> None:
    match = load_profiles().match_sector(written)
    assert (match.id, match.note if sector else None) == (sector, None)


@pytest.mark.parametrize(("written", "named", "suggested"), NO_SECTOR)
def test_a_good_beside_other_goods_or_work_gets_no_sector_and_says_why(
    written: str, named: str, suggested: list[str]
) -> None:
    match = load_profiles().match_sector(written)
    assert match.id is None
    assert match.note and named in match.note and "--map" in match.note
    assert all(f"'{s}'" in (match.suggestion or "") for s in suggested), match.suggestion


# a good beside a stage's words alone works or trades it: its farm is not suggested (before:
# "hazelnut processing" suggested hazelnut farming, "vanilla exporter" vanilla farming)
STAGE_ONLY = [
    ("hazelnut processing", None),
    ("hazelnut processor", None),
    ("vanilla processing", None),
    ("tea processing", None),
    ("vanilla exporter", "wholesale-trade"),
    ("tea trading", "wholesale-trade"),
    ("hazelnut exporter", "wholesale-trade"),
]


@pytest.mark.parametrize(("written", "suggested"), STAGE_ONLY)
def test_a_good_beside_a_stage_alone_suggests_no_raw_sector(
    written: str, suggested: str | None
) -> None:
    profiles = load_profiles()
    match = profiles.match_sector(written)
    assert match.id is None and match.note
    ids = re.findall(r"'([a-z0-9-]+)' \(", match.suggestion or "")
    assert all(profiles.sectors[s].stage != "raw" for s in ids), match.suggestion
    assert (ids[0] if ids else None) == suggested


@pytest.mark.parametrize(("written", "suggested", "not_suggested"), SUGGESTED_FROM_THE_CHAIN)
def test_suggestions_stay_in_the_goods_chain(
    written: str, suggested: list[str], not_suggested: list[str]
) -> None:
    match = load_profiles().match_sector(written)
    found = match.suggestion or ""
    assert match.id is None
    assert [s for s in suggested if f"'{s}'" not in found] == [], found
    assert [s for s in not_suggested if f"'{s}'" in found] == [], found


def test_a_name_is_read_from_the_text_as_written_not_its_key() -> None:
    """The matches are cached by the text: each writing of the same words is read anew."""
    profiles = load_profiles()
    found = [
        profiles.match_sector(w).id
        for w in (
            "coffee Bushenge",
            "COFFEE BUSHENGE",
            "coffee bushenge",
            "coffee Bushenge",
            "Bushenge coffee",
        )
    ]
    assert found == ["coffee-farming", None, None, "coffee-farming", "coffee-farming"]


def test_an_oil_refinery_is_not_smelting_and_refining() -> None:
    """'refinery (metals)' is matched with its brackets: no refinery of oil or sugar is a
    metal refinery by it."""
    profiles = load_profiles()
    assert [profiles.match_sector(w).id for w in ("oil refinery", "sugar refinery")] == [
        None,
        "sugar-milling",
    ]


def test_a_good_alias_an_overlay_adds_is_read_the_same_way(tmp_path: Path) -> None:
    """'Kaffee' once mapped to coffee farming: alone the farm, beside a stage the stage."""
    bundled = yaml.safe_load((bundled_dir() / "sectors.yaml").read_text(encoding="utf-8"))
    coffee = next(s for s in bundled["sectors"] if s["id"] == "coffee-farming")
    coffee["aliases"].append("Kaffee")
    (tmp_path / "sectors.yaml").write_text(yaml.safe_dump({"sectors": [coffee]}), "utf-8")
    profiles = load_profiles([tmp_path])
    found = {w: profiles.match_sector(w).id for w in ("Kaffee", "Kaffee Export", "Kaffee Becher")}
    assert found == {
        "Kaffee": "coffee-farming",
        "Kaffee Export": "coffee-milling",
        "Kaffee Becher": None,
    }


def _chain(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "misread.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Products\n" + "\n".join(rows) + "\n", "utf-8"
    )
    return path


def test_the_warning_is_located_and_keeps_the_text_as_written(tmp_path: Path) -> None:
    path = _chain(
        tmp_path,
        [
            "M1,Cup Maker,China,coffee cups,paper cups",
            "M2,Machine Maker,Italy,coffee machines,espresso machines",
            "M3,Tote printer,Bangladesh,cotton bags printing,tote bags",
        ],
    )
    chain, problems = read_chain([path], sectors=load_profiles())
    found = [(p.location.row, p.location.column, p.type, p.severity) for p in problems.items]
    assert found == [(r, "Sector", "unknown-sector", "warning") for r in (2, 3, 4)]
    first = problems.items[0]
    assert "'coffee cups'" in first.message and "coffee farming" in first.message
    assert "'cups' names other goods or work" in first.message
    assert first.suggestion and "'coffee-roasting'" in first.suggestion
    assert [(s.sector, s.sector_raw) for s in chain.suppliers] == [
        (None, "coffee cups"),
        (None, "coffee machines"),
        (None, "cotton bags printing"),
    ]


def _supplier(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    return next(s for s in doc["suppliers"] if s["id"] == supplier_id)


def test_the_cup_maker_is_no_coffee_farm_and_the_exporter_has_its_farms(tmp_path: Path) -> None:
    path = _chain(
        tmp_path,
        [
            "M1,Cup Maker,China,coffee cups,paper cups",
            "E1,Ethiopian Coffee Export PLC,Ethiopia,coffee export,coffee",
        ],
    )
    doc = assess([path]).data
    cups, exporter = _supplier(doc, "M1"), _supplier(doc, "E1")
    assert (cups["sector"], cups["sector_as_written"]) == (None, "coffee cups")
    assert (exporter["sector"], exporter["sector_as_written"]) == (
        "coffee-milling",
        "coffee export",
    )
    cup_flags = [f for f in doc["flags"] if f["supplier_id"] == "M1"]
    assert cup_flags and "coffee-farming" not in str(cup_flags).replace(" ", "-").casefold()
    # the farm tier beneath the exporter is inferred, and none beneath the cup maker
    inferred = [s for s in doc["suppliers"] if s["id"].startswith("inferred:")]
    assert [(s["sector"], s["buyers"]) for s in inferred] == [("coffee-farming", ["E1"])]


def test_a_good_beside_a_name_keeps_its_farm_and_its_score(tmp_path: Path) -> None:
    """The review's chain: a town or region beside the good lost the farm and its score."""
    path = _chain(
        tmp_path,
        [
            "S1,Yirga Coop,Ethiopia,Yirgacheffe coffee,coffee",
            "S2,Nyeri Tea Coop,Kenya,tea cooperative,tea",
            "S4,Kivu Coffee,DR Congo,coffee Kivu,coffee",
        ],
    )
    _, problems = read_chain([path], sectors=load_profiles())
    assert [p.type for p in problems.items] == []
    doc = assess([path]).data
    found = {s["id"]: (s["sector"], s["risk"]["child_labour"]["level"]) for s in doc["suppliers"]}
    assert {k: v for k, v in found.items() if not k.startswith("inferred:")} == {
        "S1": ("coffee-farming", "high"),
        "S2": ("tea-farming", "high"),
        "S4": ("coffee-farming", "high"),
    }


@pytest.mark.parametrize(
    ("row", "sector"),
    [
        # the text says why it has no sector: its products do not make it the farm
        ("T1,Tea Trader,Kenya,tea trading,tea", None),
        ("L1,Labour Co,Ghana,labour contractor,cocoa beans", None),
        # a blank or merely unknown sector is still guessed from the products
        ("C1,Cocoa Co,Ghana,,cocoa beans", "cocoa-farming"),
        ("C2,Odd Co,Ghana,agri stuff,cocoa beans", "cocoa-farming"),
    ],
)
def test_products_fill_a_sector_only_where_the_text_does_not_rule_it_out(
    tmp_path: Path, row: str, sector: str | None
) -> None:
    doc = assess([_chain(tmp_path, [row])]).data
    assert doc["suppliers"][0]["sector"] == sector


@pytest.mark.parametrize(
    ("written", "sector", "others"),
    [
        (
            "cocoa farming; gold mining, coffee farming",
            "artisanal-mining",
            ["cocoa-farming", "coffee-farming"],
        ),
        ("cocoa farming; coffee farming", "cocoa-farming", ["coffee-farming"]),
        # sectors of one chain: the longest was read, the lower risk here (footwear beside
        # tanning, fabric beside garments); then none, scored on the country alone
        ("Leather / footwear", "leather-tanning", ["footwear-manufacturing"]),
        ("Tannery / footwear", "leather-tanning", ["footwear-manufacturing"]),
        ("garment manufacturing / weaving mill", "garment-manufacturing", ["fabric-manufacturing"]),
        ("Textile mill/Garment", "garment-manufacturing", ["fabric-manufacturing"]),
        ("cocoa farming and trading", "cocoa-farming", ["cocoa-trading"]),
    ],
)
def test_a_list_of_sectors_of_goods_is_the_worse_with_the_others_kept(
    written: str, sector: str, others: list[str]
) -> None:
    """It was read as its longest item, with no warning, then as none of them: sectors of
    goods, of two chains or of one, are the worse, the others kept for the score and named."""
    match = load_profiles().match_sector(written)
    assert (match.id, [other.id for other in match.others]) == (sector, others)
    assert match.note is None
    assert all(f"'{named}'" in (match.beside or "") for named in [sector, *others])


@pytest.mark.parametrize(
    ("written", "sector"),
    [
        ("cocoa farming, Ghana", "cocoa-farming"),
        ("cocoa farming; cocoa farm", "cocoa-farming"),
        # a raw good beside a stage of its chain: read as before
        ("Cotton / Spinning", "yarn-spinning"),
        ("Coffee, wet mill", "coffee-milling"),
        ("Garment manufacturing, cotton", "garment-manufacturing"),
        # a sector of goods beside a service: the sector of goods (the service was read, as
        # the longest: low risk for a cocoa farm)
        ("software services, cocoa farming", "cocoa-farming"),
        ("Shrimp processing, cold storage", "seafood-processing"),
        ("Chocolate manufacturer / retailer", "chocolate-manufacturing"),
        ("Seafood importer, distributor", "seafood-trade"),
    ],
)
def test_one_sector_with_a_place_or_said_twice_is_that_sector(written: str, sector: str) -> None:
    assert load_profiles().match_sector(written).id == sector


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        # a misspelt word: the sector the text names spelt right (it was smelting and
        # refining for a gold mine, and cocoa farming first for a grinder)
        # (and no longer smelting as well: "gold minning" is not "gold refining", a word
        # apart)
        ("gold minning", "'artisanal-mining' (Artisanal and small-scale mining (ASM))"),
        ("cocoa procesing", "'cocoa-processing' (Cocoa processing (grinding))"),
        ("cofee farming", "'coffee-farming' (Coffee farming)"),
        ("cotton spining", "'yarn-spinning' (Yarn spinning)"),
        # the suggestion of the text as written stays beside it ("Veredlung": finishing;
        # "Textil Veredelung" is "Textilveredelung", textile finishing, spaced otherwise)
        (
            "Textil Veredlung",
            "'fabric-manufacturing' (Fabric manufacturing (weaving, knitting))"
            " or 'textile-finishing'",
        ),
    ],
)
def test_a_misspelt_sector_suggests_the_sector_spelt_right(written: str, suggested: str) -> None:
    match = load_profiles().match_sector(written)
    assert match.id is None
    assert (match.suggestion or "").startswith(suggested)


@pytest.mark.parametrize("written", ["office supplies", "office-supplies", "Office Supplies Co"])
def test_a_text_alike_to_a_sector_in_a_plain_word_alone_suggests_none(written: str) -> None:
    """'office supplies' suggested fabric manufacturing: near 'fabric supplier' by the
    letters of 'supplies' alone, a word any business may say of itself."""
    match = load_profiles().match_sector(written)
    assert (match.id, match.suggestion) == (None, None)


def test_a_misspelt_stage_beside_a_factory_is_suggested() -> None:
    """'cocoa procesing factory': no sector, the processing suggested (it was general
    manufacturing, then a note that a word reads as misspelt; a factory of cocoa is now read
    as its processing stage, so the respelt text is the only sector named)."""
    match = load_profiles().match_sector("cocoa procesing factory")
    processing = "'cocoa-processing' (Cocoa processing (grinding))"
    assert (match.id, match.suggestion) == (None, processing)


def test_a_word_not_misspelt_is_not_respelt() -> None:
    """'data' is no slip of a mining word: no mine is suggested for data mining."""
    assert load_profiles().match_sector("data minning").suggestion is None


@pytest.mark.parametrize(
    ("written", "sector", "suggested"),
    [
        # a misspelt word beside a generic one: no sector taken for it (it was general
        # manufacturing, silently, for a garment factory)
        ("garmnet factory", None, "'garment-manufacturing' (Garment manufacturing)"),
        # a letter left out beside a sector's words: the stage named, not another one
        ("palm oil plantaion", None, "'palm-oil-plantations' (Oil palm plantations)"),
        (
            "textile finshing",
            None,
            "'textile-finishing' (Textile finishing (dyeing, printing, finishing))",
        ),
        # a misspelt generic word beside a known one, and a word the taxonomy does not know
        # that is no slip of one it knows: as before
        ("shoe factroy", "footwear-manufacturing", None),
        ("Fabrikam factory", "general-manufacturing", None),
        # a word spelt right that is a letter short of one the taxonomy knows: as before
        ("footwear manufacture", "footwear-manufacturing", None),
        ("textile manufacture", "fabric-manufacturing", None),
        ("manufacture of garments", "garment-manufacturing", None),
    ],
)
def test_a_misspelt_word_beside_a_generic_one_takes_no_sector(
    written: str, sector: str | None, suggested: str | None
) -> None:
    match = load_profiles().match_sector(written)
    assert (match.id, match.suggestion) == (sector, suggested)
    assert sector is not None or "reads as misspelt: '" in (match.note or "")
