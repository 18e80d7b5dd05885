"""A sector's listings of distinct products (not_commodities) apply only to suppliers whose
products name them or say nothing of what they are: a shrimp processor is no dried-fish
yard, a cotton knitter no silk weaver."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess
from ddtool.profiles import load_profiles

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "risk_profiles"


def _chain(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Path:
    path = tmp_path / "chain.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "Buyer", "country": "DE"}, "suppliers": suppliers}),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("iso3", "sector", "products", "goods"),
    [
        # a seafood processor: dried fish is a product of its own
        ("BGD", "seafood-processing", ["frozen shrimp"], set()),
        ("BGD", "seafood-processing", ["fish"], {"Dried Fish"}),  # fish: dried fish's too
        ("BGD", "seafood-processing", ["dried salted fish"], {"Dried Fish"}),  # by its words
        ("BGD", "seafood-processing", ["dried fish", "frozen shrimp"], {"Dried Fish"}),
        ("BGD", "seafood-processing", [], {"Dried Fish"}),  # nothing said: all apply
        ("BGD", "seafood-processing", ["frozen pangasius fillets"], {"Dried Fish"}),
        # a fabric mill: silk and jute are fabrics apart; its own material says what it is
        ("IND", "fabric-manufacturing", ["cotton jersey fabric"], set()),
        ("IND", "fabric-manufacturing", ["cotton jersey"], set()),  # cotton: its material
        ("IND", "fabric-manufacturing", ["polyester fabric"], set()),  # fabric: Textiles
        ("IND", "fabric-manufacturing", ["silk sarees"], {"Silk Fabric"}),
        ("IND", "fabric-manufacturing", ["greige"], {"Silk Fabric"}),  # nothing said
        ("IND", "fabric-manufacturing", [], {"Silk Fabric"}),
        ("BGD", "fabric-manufacturing", ["cotton jersey"], {"Textiles"}),
        ("BGD", "fabric-manufacturing", ["jute bags"], {"Jute (textiles)", "Textiles"}),
        ("BGD", "fabric-manufacturing", ["hessian cloth"], {"Jute (textiles)", "Textiles"}),
        ("BGD", "fabric-manufacturing", [], {"Jute (textiles)", "Textiles"}),
        # a spinner: silk thread is reeled from cocoons
        ("IND", "yarn-spinning", ["cotton yarn"], {"Thread/Yarn"}),
        ("IND", "yarn-spinning", ["polyester thread"], {"Thread/Yarn"}),
        ("IND", "yarn-spinning", ["silk yarn"], {"Silk Thread", "Thread/Yarn"}),
        ("IND", "yarn-spinning", [], {"Silk Thread", "Thread/Yarn"}),
        # a shoemaker: leather goods are bags, belts and wallets
        ("MEX", "footwear-manufacturing", ["shoes"], set()),
        ("MEX", "footwear-manufacturing", ["leather shoes"], set()),
        ("MEX", "footwear-manufacturing", ["leather belts"], {"Leather Goods/Accessories"}),
        ("MEX", "footwear-manufacturing", ["handbags"], {"Leather Goods/Accessories"}),
        ("IND", "footwear-manufacturing", ["shoes"], {"Footwear"}),
        # variants of the same work keep the sector's listings
        ("THA", "fishing-vessels", ["squid"], {"Fish"}),
        ("VNM", "garment-manufacturing", ["t-shirts"], {"Garments"}),
        ("MYS", "rubber-products", ["gloves"], {"Rubber Gloves"}),
        ("IND", "brick-making", ["clay bricks"], {"Bricks"}),
        ("NGA", "stone-quarrying", ["granite"], {"Granite", "Gravel (crushed stones)", "Sand"}),
        ("PRY", "cattle-ranching", ["beef"], {"Cattle"}),
    ],
)
def test_a_sectors_distinct_products_apply_only_where_named(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    applies, _handled = load_profiles().listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods


@pytest.mark.parametrize(
    ("sector", "products", "excluded"),
    [
        ("seafood-processing", ["frozen squid"], "BGD"),  # Dried Fish: Bangladesh only
        ("fabric-manufacturing", ["cotton jersey"], "IND"),  # Silk Fabric: India only
        ("footwear-manufacturing", ["shoes"], "MEX"),  # Leather Goods: India and Mexico
    ],
)
def test_the_worst_case_of_an_unknown_country_leaves_out_products_apart(
    sector: str, products: list[str], excluded: str
) -> None:
    """It looks where the sector's listings would apply, as listings_for gives them."""
    assert excluded not in load_profiles().listed_countries(sector, products)
    assert excluded in load_profiles().listed_countries(sector, [])


def test_every_sector_of_several_listed_goods_decides_which_are_products_apart() -> None:
    """Each sector (but the broad ones, whose products always choose) with more than one
    good in good_sectors.csv says which of them are distinct products, with its reason."""
    with (PROFILES / "good_sectors.csv").open(encoding="utf-8", newline="") as handle:
        goods_of: dict[str, list[str]] = {}
        for row in csv.DictReader(handle):
            goods_of.setdefault(row["sector"], []).append(row["good"])
    text = (PROFILES / "sectors.yaml").read_text(encoding="utf-8")
    sectors = {s["id"]: s for s in yaml.safe_load(text)["sectors"]}
    lines = {line.split(":")[0].strip(): line for line in text.splitlines()}
    undecided = [
        sector
        for sector, goods in goods_of.items()
        if len(goods) > 1 and not sectors[sector].get("broad")
        if "not_commodities" not in sectors[sector]
    ]
    assert undecided == []
    assert "not_commodities" in lines
    for line in text.splitlines():
        if line.strip().startswith("not_commodities:"):
            assert "#" in line, line  # the reason, in a comment


def test_dried_fish_is_no_listing_of_shrimp_at_a_processor_so_no_lean_to_bangladesh(
    tmp_path: Path,
) -> None:
    """The lean of an inferred origin needs a listing of the commodity's goods at that
    stage: Bangladesh's dried fish is none for shrimp processed there, its farmed shrimp is
    one at the farms."""
    profiles = load_profiles()
    assert profiles.commodity_listings("BGD", "seafood-processing", "shrimp (farmed)") == []
    assert [
        listing.good
        for listing in profiles.commodity_listings("BGD", "aquaculture", "shrimp (farmed)")
    ] == ["Shrimp"]
    doc = assess(
        [
            _chain(
                tmp_path,
                [
                    {
                        "id": "TRD-BD",
                        "name": "shrimp exporter",
                        "country": "BD",
                        "sector": "seafood trade",
                        "products": ["frozen shrimp"],
                    },
                    {
                        "id": "PROC-BD",
                        "name": "shrimp processor",
                        "country": "BD",
                        "sector": "seafood processing",
                        "products": ["frozen shrimp"],
                    },
                ],
            )
        ]
    ).data
    inferred = {s["id"] for s in doc["suppliers"] if s["inferred"]}
    # (the processors at the world's origin mix say the lean they pass to the farms)
    assert inferred == {
        "inferred:seafood-processing:shrimp-farmed@world>BGD",
        "inferred:aquaculture:shrimp-farmed@BGD",
    }
    processor = next(s for s in doc["suppliers"] if s["id"] == "PROC-BD")
    assert processor["listings"] == []
    levels = {rt: r["level"] for rt, r in processor["risk"].items()}
    assert levels == {
        "child_labour": "medium",
        "forced_labour": "medium",
        "human_trafficking": "medium",
    }
    # the farmed shrimp it handles is listed in Bangladesh, at the farms beneath it
    assert processor["exposure"]["child_labour"]["from"] == "inferred:aquaculture:shrimp-farmed@BGD"


def test_the_garment_samples_cotton_fabric_and_yarn_mills_take_no_jute_or_silk() -> None:
    doc = assess([ROOT / "sample_chains" / "garment.yaml"]).data
    listings = {
        s["id"]: sorted(listing["good"] for listing in s["listings"])
        for s in doc["suppliers"]
        if s["id"] in {"FAB-BD-1", "FAB-BD-2", "SPN-IN-1", "SPN-IN-2"}
    }
    assert listings == {
        "FAB-BD-1": ["Textiles"],
        "FAB-BD-2": ["Textiles"],
        "SPN-IN-1": ["Thread/Yarn"],
        "SPN-IN-2": ["Thread/Yarn"],
    }


def test_an_indian_cotton_knitting_mill_is_scored_without_the_silk_listing(
    tmp_path: Path,
) -> None:
    doc = assess(
        [
            _chain(
                tmp_path,
                [
                    {
                        "id": "FAB-IN",
                        "name": "Cotton knit fabric mill",
                        "country": "IN",
                        "sector": "fabric manufacturing",
                        "products": ["cotton jersey fabric"],
                    }
                ],
            )
        ]
    ).data
    mill = next(s for s in doc["suppliers"] if s["id"] == "FAB-IN")
    assert mill["listings"] == []
    assert (mill["risk"]["child_labour"]["priority"], mill["risk"]["child_labour"]["level"]) == (
        0.2683,
        "low",
    )
