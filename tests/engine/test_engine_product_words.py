"""What a product's words say it is: a product that names a sector's distinct product
(not_commodities) by a name, an alias or one of its own words keeps its listing, whatever
else it names ('leather handbags', 'dry fish', 'silk and cotton fabric'), and a material the
distinct product shares with the sector's other goods (leather, fish) says nothing either
way; a run of words that names a good of another sector uses its words up, so an inferred
crop farm is told of no crop by 'cocoa beans' or 'chocolate-coated coffee beans', and
'sweet potato chips' name Sweet Potatoes, not Potatoes."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of

from ddtool.profiles import Profiles, good_base, load_profiles

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "risk_profiles"
RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")


def _assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    return assessment_of(tmp_path, suppliers).data


def _names() -> dict[str, list[str]]:
    """Each good's names in good_sectors.csv: its own and its aliases."""
    with (PROFILES / "good_sectors.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["good"]: [row["good"], *(a for a in row["aliases"].split(";") if a.strip())]
            for row in csv.DictReader(handle)
        }


def _downstream(profiles: Profiles, sector_id: str) -> set[str]:
    """The sectors a sector is an input of, and theirs in turn."""
    found: set[str] = set()
    stack = [sector_id]
    while stack:
        current = stack.pop()
        for sector in profiles.sectors.values():
            if current in sector.inputs and sector.id not in found:
                found.add(sector.id)
                stack.append(sector.id)
    return found - {sector_id}


def _scores(entry: dict[str, Any]) -> dict[str, tuple[float, str]]:
    return {rt: (entry["risk"][rt]["priority"], entry["risk"][rt]["level"]) for rt in RISK_TYPES}


# -- a sector's distinct products (not_commodities) at a mapped supplier ---------------------

# (country, sector, products, the listings that apply: exactly)
WORDS = [
    # a shoemaker: leather is the material of shoes and of leather goods alike
    ("MEX", "footwear-manufacturing", ["leather handbags"], {"Leather Goods/Accessories"}),
    ("MEX", "footwear-manufacturing", ["leather purses"], {"Leather Goods/Accessories"}),
    (
        "MEX",
        "footwear-manufacturing",
        ["leather handbags", "leather wallets"],
        {"Leather Goods/Accessories"},
    ),
    ("MEX", "footwear-manufacturing", ["shoes", "handbags"], {"Leather Goods/Accessories"}),
    ("MEX", "footwear-manufacturing", ["shoes and wallets"], {"Leather Goods/Accessories"}),
    ("MEX", "footwear-manufacturing", ["leather"], {"Leather Goods/Accessories"}),  # says nothing
    ("MEX", "footwear-manufacturing", ["hides"], {"Leather Goods/Accessories"}),  # Leather too
    ("MEX", "footwear-manufacturing", ["leather shoes"], set()),  # shoes: another good
    ("MEX", "footwear-manufacturing", ["shoes", "leather"], set()),
    (
        "IND",
        "footwear-manufacturing",
        ["leather wallets"],
        {"Footwear", "Leather Goods/Accessories"},
    ),
    ("IND", "footwear-manufacturing", ["leather sandals"], {"Footwear"}),
    # a seafood processor: fish is the material of frozen and of dried fish alike
    ("BGD", "seafood-processing", ["dry fish"], {"Dried Fish"}),
    ("BGD", "seafood-processing", ["fish, dried"], {"Dried Fish"}),
    ("BGD", "seafood-processing", ["dried shrimp"], {"Dried Fish"}),  # 'dried': its own word
    ("BGD", "seafood-processing", ["salted fish"], {"Dried Fish"}),
    ("BGD", "seafood-processing", ["frozen fish"], {"Dried Fish"}),  # says nothing
    ("BGD", "seafood-processing", ["tuna loins"], {"Dried Fish"}),  # Fish: says nothing
    ("BGD", "seafood-processing", ["frozen shrimp"], set()),  # shrimp: another good
    ("BGD", "seafood-processing", ["frozen shrimp", "fish"], set()),
    ("BGD", "seafood-processing", ["frozen squid"], set()),  # squid: another good
    # a fabric mill or a spinner: a product naming silk and cotton is silk as well
    ("IND", "fabric-manufacturing", ["silk and cotton fabric"], {"Silk Fabric"}),
    ("IND", "fabric-manufacturing", ["silk & cotton fabric"], {"Silk Fabric"}),
    ("IND", "fabric-manufacturing", ["cotton & silk fabric"], {"Silk Fabric"}),
    ("IND", "fabric-manufacturing", ["cotton silk blend fabric"], {"Silk Fabric"}),
    ("IND", "fabric-manufacturing", ["silk thread weaving"], {"Silk Fabric"}),
    ("IND", "fabric-manufacturing", ["cotton jersey fabric"], set()),
    ("IND", "fabric-manufacturing", ["cotton and jute sacking"], set()),  # jute: not silk
    ("BGD", "fabric-manufacturing", ["jute and cotton sacking"], {"Jute (textiles)", "Textiles"}),
    ("BGD", "fabric-manufacturing", ["burlap"], {"Jute (textiles)", "Textiles"}),
    ("BGD", "fabric-manufacturing", ["silk and cotton fabric"], {"Textiles"}),  # silk: not jute
    ("IND", "yarn-spinning", ["silk and cotton yarn"], {"Silk Thread", "Thread/Yarn"}),
    ("IND", "yarn-spinning", ["cotton yarn"], {"Thread/Yarn"}),
    # a cotton farm: cotton is no hybrid seed; cottonseed is
    ("IND", "cotton-farming", ["cotton"], {"Cotton"}),
    ("IND", "cotton-farming", ["cotton and hybrid cottonseed"], {"Cotton", "Cottonseed (hybrid)"}),
]


@pytest.mark.parametrize(("iso3", "sector", "products", "goods"), WORDS)
def test_a_product_naming_a_distinct_product_keeps_its_listing(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    applies, _handled = load_profiles().listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods


@pytest.mark.parametrize(("iso3", "sector", "products", "goods"), WORDS)
def test_the_worst_case_of_an_unknown_country_looks_where_the_same_words_leave_a_listing(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    """listed_countries (section 4.1) reads the products as listings_for does: a country is
    among them where a listing applies or a listed good named is handled."""
    profiles = load_profiles()
    applies, handled = profiles.listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods
    assert (iso3 in profiles.listed_countries(sector, products)) == bool(applies or handled)


def test_every_name_of_a_distinct_product_keeps_its_listing_whatever_else_is_named() -> None:
    """In every country where a distinct product is listed, a supplier of its sector naming
    it by its name or an alias keeps its listing, alone, beside one of the sector's other
    goods in one product ('footwear and handbags') or as a product of its own."""
    profiles = load_profiles()
    names = _names()
    missing = []
    checked = 0
    for sector in profiles.sectors.values():
        others = [
            good_base(g)
            for g, s in profiles.good_sectors.items()
            if s == sector.id and g not in sector.not_commodities
        ]
        for good in sector.not_commodities:
            countries = sorted({g.iso3 for g in profiles.goods if g.good == good})
            assert countries, good
            for iso3 in countries:
                for name in names[good]:
                    for products in (
                        [name],
                        *([f"{other} and {name}"] for other in others),
                        *([other, name] for other in others),
                    ):
                        checked += 1
                        applies, _handled = profiles.listings_for(iso3, sector.id, products)
                        if good not in {listing.good for listing in applies}:
                            missing.append((iso3, sector.id, products))
    assert checked > 100
    assert missing == []


@pytest.mark.parametrize(
    ("iso3", "sector", "materials"),
    [
        ("MEX", "footwear-manufacturing", ["leather", "hides", "finished leather"]),
        ("IND", "footwear-manufacturing", ["leather", "hides", "finished leather"]),
        ("BGD", "seafood-processing", ["fish", "tuna", "frozen fish", "fish fillets"]),
    ],
)
def test_a_material_shared_with_the_sectors_other_goods_says_nothing(
    iso3: str, sector: str, materials: list[str]
) -> None:
    """A product naming only the material of both the distinct product and the sector's
    other goods takes the listings of a supplier naming nothing."""
    profiles = load_profiles()
    nothing, _ = profiles.listings_for(iso3, sector, [])
    assert nothing
    for material in materials:
        applies, _handled = profiles.listings_for(iso3, sector, [material])
        assert applies == nothing, material


def test_a_chain_naming_distinct_products_keeps_their_listings(tmp_path: Path) -> None:
    """As at 512ca51: a Mexican maker of leather handbags and wallets child labour 0.56 high
    on Mexico's leather-goods listing, a Bangladeshi dry-fish yard critical, an Indian mill
    of silk and cotton fabric high; the spinner beneath the mill keeps Silk Thread, so it is
    the stage of a buyer whose products say nothing (inferred:yarn-spinning@IND)."""
    doc = _assessed(
        tmp_path,
        [
            {
                "id": "MX1",
                "name": "Taller de Piel",
                "country": "MEX",
                "sector": "footwear manufacturing",
                "products": ["leather handbags", "leather wallets"],
            },
            {
                "id": "BD1",
                "name": "Cox's Bazar Dry Fish",
                "country": "BGD",
                "sector": "seafood processing",
                "products": ["dry fish"],
            },
            {
                "id": "IN1",
                "name": "Varanasi Weavers",
                "country": "IND",
                "sector": "fabric mill",
                "products": ["silk and cotton fabric"],
            },
        ],
    )
    by_id = {s["id"]: s for s in doc["suppliers"]}
    expected = {
        "MX1": (
            ["Leather Goods/Accessories"],
            {
                "child_labour": (0.56, "high"),
                "forced_labour": (0.3251, "medium"),
                "human_trafficking": (0.3034, "medium"),
            },
        ),
        "BD1": (
            ["Dried Fish"],
            {
                "child_labour": (0.81, "critical"),
                "forced_labour": (0.81, "critical"),
                "human_trafficking": (0.72, "critical"),
            },
        ),
        "IN1": (
            ["Silk Fabric"],
            {
                "child_labour": (0.56, "high"),
                "forced_labour": (0.4537, "medium"),
                "human_trafficking": (0.3893, "medium"),
            },
        ),
    }
    for supplier_id, (listings, scores) in expected.items():
        entry = by_id[supplier_id]
        assert [listing["good"] for listing in entry["listings"]] == listings, supplier_id
        assert _scores(entry) == scores, supplier_id
    assert sorted(s["id"] for s in doc["suppliers"] if s["inferred"]) == [
        "inferred:cattle-ranching@MEX",
        "inferred:cotton-farming@IND",
        "inferred:cotton-ginning@IND",
        "inferred:fishing-vessels:fish-seafood-capture-fisheries@world",
        "inferred:leather-tanning@MEX",
        "inferred:yarn-spinning@IND",
    ]


def test_a_maker_of_leather_shoes_still_takes_no_leather_goods_listing(tmp_path: Path) -> None:
    doc = _assessed(
        tmp_path,
        [
            {
                "id": "MX1",
                "name": "Zapatos",
                "country": "MEX",
                "sector": "footwear manufacturing",
                "products": ["leather shoes"],
            }
        ],
    )
    entry = next(s for s in doc["suppliers"] if s["id"] == "MX1")
    assert entry["listings"] == []
    assert _scores(entry)["child_labour"] == (0.2475, "low")


# -- an inferred stage of distinct products: what the buyer's products say it works -------

# (stage, the buyer's products, what they say it works, the distinct products ruled out)
STAGE_SAID = [
    (
        "fabric-manufacturing",
        ["silk and cotton t-shirts"],
        ("Cotton", "Silk Fabric"),
        ["Jute (textiles)"],
    ),
    ("yarn-spinning", ["silk and cotton t-shirts"], ("Cotton", "Silk Thread"), []),
    ("fabric-manufacturing", ["cotton t-shirts"], ("Cotton",), ["Jute (textiles)", "Silk Fabric"]),
    ("yarn-spinning", ["cotton t-shirts"], ("Cotton",), ["Silk Thread"]),
    ("seafood-processing", ["canned tuna"], ("Fish",), []),  # fish: dried fish's too
    ("seafood-processing", ["dried shrimp snacks"], ("Shrimp", "Dried Fish"), []),
    ("seafood-processing", ["shrimp crackers"], ("Shrimp",), ["Dried Fish"]),
]


@pytest.mark.parametrize(("stage", "products", "said", "ruled_out"), STAGE_SAID)
def test_what_a_buyers_products_say_an_inferred_stage_works(
    stage: str, products: list[str], said: tuple[str, ...], ruled_out: list[str]
) -> None:
    profiles = load_profiles()
    assert profiles.stage_said(stage, products) == said
    assert sorted(profiles.stage_ruled_out(stage, said)) == ruled_out


def _inferred(doc: dict[str, Any]) -> dict[str, dict[str, tuple[float, str]]]:
    """The inferred suppliers by id, each with its worst case (priority, level) by risk type."""
    return {
        s["id"]: {
            rt: (s["worst_case"][rt]["priority"], s["worst_case"][rt]["level"]) for rt in RISK_TYPES
        }
        for s in doc["suppliers"]
        if s["inferred"]
    }


def test_a_garment_maker_of_silk_and_cotton_keeps_the_silk_listings_beneath_it(
    tmp_path: Path,
) -> None:
    """Its fabric mill and spinner in India are those of a maker naming no material (India
    lists no jute to rule out): child labour 0.56 high on Silk Fabric, not 0.2683 low."""

    def chain(products: list[str]) -> dict[str, dict[str, tuple[float, str]]]:
        supplier = {
            "id": "GM1",
            "name": "Tees",
            "country": "IND",
            "sector": "garment manufacturing",
            "products": products,
        }
        return _inferred(_assessed(tmp_path, [supplier]))

    silk = chain(["silk and cotton t-shirts"])
    assert silk == chain(["t-shirts"])
    assert silk["inferred:fabric-manufacturing@IND"]["child_labour"] == (0.56, "high")
    assert "inferred:yarn-spinning@IND" in silk


# -- an inferred stage of distinct products: the goods the buyer's products name -----------

# (the buyer's products, the crops they name)
CROPS = [
    (["cocoa beans"], []),  # Cocoa
    (["chocolate-coated coffee beans"], []),  # Coffee
    (["green coffee beans"], []),
    (["vanilla beans"], []),  # Vanilla
    (["coffee (green beans)"], []),
    (["cocoa beans", "chocolate-coated coffee beans"], []),
    (["sweet potato chips"], ["Sweet Potatoes"]),
    (["sweet potatoes"], ["Sweet Potatoes"]),
    (["potato chips"], ["Potatoes"]),
    (["tomato paste"], ["Tomatoes"]),  # Tomato Products, made from tomatoes
    (["black beans"], ["Beans"]),
    (["coffee and beans"], ["Beans"]),
    (["cocoa beans", "black beans"], ["Beans"]),
    (
        ["rice crackers", "sweet potato chips", "tomato paste"],
        ["Rice", "Sweet Potatoes", "Tomatoes"],
    ),
]


@pytest.mark.parametrize(("products", "crops"), CROPS)
def test_a_run_naming_another_sectors_good_names_no_crop(
    products: list[str], crops: list[str]
) -> None:
    assert load_profiles().stage_goods("crop-farming", products) == crops


def test_no_name_of_another_sectors_good_names_a_good_of_a_broad_stage() -> None:
    """For every broad stage (crop farming, gemstone mining …): a product that is the name
    or an alias of a good of a sector neither the stage nor downstream of it names none of
    the stage's goods, and one that names a good of the stage names it alone."""
    profiles = load_profiles()
    names = _names()
    wrong = []
    for stage in (s for s in profiles.sectors.values() if s.broad):
        downstream = _downstream(profiles, stage.id)
        for good, sector_id in profiles.good_sectors.items():
            for name in names[good]:
                named = profiles.stage_goods(stage.id, [name])
                if sector_id == stage.id and profiles.match_good(name) == good:
                    if named != [good]:
                        wrong.append((stage.id, name, named))
                elif sector_id != stage.id and sector_id not in downstream and named:
                    wrong.append((stage.id, name, named))
    assert wrong == []


GENERIC_MX = {
    "inferred:crop-farming@MEX": {
        "child_labour": (0.64, "high"),
        "forced_labour": (0.68, "high"),
        "human_trafficking": (0.3012, "medium"),
    }
}
COCOA_MX = {
    "inferred:cocoa-farming:cocoa-beans@MEX": {
        "child_labour": (0.81, "critical"),
        "forced_labour": (0.81, "critical"),
        "human_trafficking": (0.72, "critical"),
    }
}


@pytest.mark.parametrize(
    ("products", "expected"),
    [
        # no good named (a coffee bean coated in chocolate is neither): the generic stage,
        # every crop listing of Mexico: forced labour 0.68 high, not 0.3241 medium on
        # Mexico's beans
        ([], GENERIC_MX),
        (["chocolate-coated coffee beans"], GENERIC_MX),
        # goods of raw sectors of their own with published origins: those sectors at the
        # goods' origin mixes (cocoa leaning to Mexico, a producer; vanilla from Madagascar
        # and Indonesia), not crop farms in Mexico
        (["cocoa beans"], COCOA_MX),
        (
            ["cocoa beans", "vanilla beans"],
            {
                **COCOA_MX,
                "inferred:vanilla-farming:vanilla@world": {
                    "child_labour": (0.68, "high"),
                    "forced_labour": (0.3097, "medium"),
                    "human_trafficking": (0.2849, "low"),
                },
            },
        ),
    ],
)
def test_a_food_maker_gets_the_farms_of_the_goods_it_names(
    tmp_path: Path, products: list[str], expected: dict[str, dict[str, tuple[float, str]]]
) -> None:
    supplier = {
        "id": "MX1",
        "name": "Dulces SA",
        "country": "MEX",
        "sector": "food manufacturing",
        "products": products,
    }
    assert _inferred(_assessed(tmp_path, [supplier])) == expected


def test_sweet_potato_chips_are_grown_on_sweet_potato_farms(tmp_path: Path) -> None:
    doc = _assessed(
        tmp_path,
        [
            {
                "id": "PY1",
                "name": "Chips",
                "country": "PRY",  # (where Sweet Potatoes are listed: the farm is there)
                "sector": "food manufacturing",
                "products": ["sweet potato chips"],
            }
        ],
    )
    node = next(s for s in doc["suppliers"] if s["inferred"])
    assert node["id"] == "inferred:crop-farming:sweet-potatoes@PRY"
    assert node["products"] == ["Sweet Potatoes"]
