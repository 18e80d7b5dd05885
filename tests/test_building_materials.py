"""A building-materials firm's chain, as its procurement system exports it.

A Chinese tile or glass maker stood on China's fireworks: its sector text ("ceramics",
"glass manufacturer") and its products ("porcelain tiles", "float glass") named no good, so
the worst of general manufacturing's listings in China was its floor. Plywood was no timber,
granite slabs from India missed the listing of Stones there, a "Site / Region" column was not
read (the Xinjiang quarry lost its region's floor), "uPVC windows" did not tell the 2024
listing of PVC, and a builders' merchant was read as a builder."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import assess
from ddtool.profiles import load_profiles

# (product, the good it names)
GOODS = [
    ("porcelain tiles", "Ceramics"),
    ("vitrified tiles", "Ceramics"),
    ("float glass", "Glass"),
    ("solar glass", "Glass"),
    ("plywood", "Timber"),
    ("hardwood plywood", "Timber"),
    ("uPVC windows", "Polyvinyl chloride"),
    ("PVC resin", "Polyvinyl chloride"),
    ("granite slabs", "Granite"),
]


@pytest.mark.parametrize(("product", "good"), GOODS, ids=[p for p, _ in GOODS])
def test_a_building_product_names_its_good(product: str, good: str) -> None:
    assert load_profiles().match_good(product) == good


HEADER = ["Vendor No", "Vendor Name", "Country", "Site / Region", "Category", "Products"]
# (row, the goods listed for it)
ROWS: list[tuple[list[str], set[str]]] = [
    (["F1", "Foshan Tiles", "China", "Guangdong", "tile manufacturer", "porcelain tiles"], set()),
    (["F2", "Foshan Ceramics", "China", "Guangdong", "ceramics", ""], set()),
    (["F3", "Sino Float Glass", "China", "Anhui", "glass manufacturer", "float glass"], set()),
    (["F4", "Dhaka Glass", "Bangladesh", "", "glass manufacturer", ""], {"Glass"}),
    (["F5", "Amazon Ply", "Brazil", "Para", "plywood mill", "plywood"], {"Timber"}),
    # (granite is a stone: India's listing of Stones applies, beside its sandstone's)
    (
        ["F6", "Krishnagiri Granite", "India", "Tamil Nadu", "quarry", "granite slabs"],
        {"Stones", "Sandstone"},
    ),
    # (the general manufacturer naming nothing: the worst of its sector's listings, as before)
    (
        ["F7", "Yiwu Works", "China", "Zhejiang", "general-manufacturing", ""],
        {"Artificial Flowers", "Christmas Decorations", "Fireworks", "Hair Products", "Nails"},
    ),
]


def _suppliers(tmp_path: Path, rows: list[list[str]]) -> dict[str, dict[str, Any]]:
    path = tmp_path / "vendors.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([HEADER, *rows])
    doc = assess([path]).data
    return {s["id"]: s for s in doc["suppliers"] if not s["inferred"]}


def test_a_maker_named_by_its_good_takes_that_goods_listings(tmp_path: Path) -> None:
    found = _suppliers(tmp_path, [row for row, _ in ROWS])
    for row, goods in ROWS:
        assert {listing["good"] for listing in found[row[0]]["listings"]} == goods, row


def test_the_chinese_tile_maker_is_not_floored_by_fireworks(tmp_path: Path) -> None:
    found = _suppliers(tmp_path, [ROWS[0][0], ROWS[6][0]])
    tiles, works = found["F1"]["risk"], found["F7"]["risk"]
    assert tiles["child_labour"]["priority"] < works["child_labour"]["priority"]
    assert tiles["child_labour"]["level"] == "low"
    assert works["child_labour"]["level"] in ("high", "critical")


def test_a_site_region_column_gives_the_region(tmp_path: Path) -> None:
    row = ["Q1", "Hami Quartz", "China", "Xinjiang", "quarry", "quartz sand"]
    found = _suppliers(tmp_path, [row])["Q1"]
    assert found["region"] == "Xinjiang"
    assert found["risk"]["forced_labour"]["level"] == "critical"


@pytest.mark.parametrize("product", ["uPVC windows", "PVC resin", "polyvinyl chloride pipes"])
def test_pvc_tells_the_2024_listing_of_its_good(tmp_path: Path, product: str) -> None:
    """(named by an alias, the good new on the 2024 list was not told: only its full name)"""
    row = ["W1", "Window maker", "China", "", "general-manufacturing", product]
    path = tmp_path / "vendors.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([HEADER, row])
    [risk] = assess([path]).risks.values()
    for by_type in risk.by_type.values():
        told = [e for e in by_type.evidence if "Polyvinyl chloride newly listed" in e.indicator]
        assert len(told) == 1


def test_a_builders_merchant_is_a_trader() -> None:
    assert load_profiles().match_sector("builders merchant").id == "wholesale-trade"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Site / Region", "region"),
        ("Site location", "region"),
    ],
)
def test_a_sites_place_header_is_read(header: str, field: str) -> None:
    from ddtool.sources.columns import match_header

    assert match_header(header, {}) == field


@pytest.mark.parametrize(
    ("text", "goods"),
    [
        ("ceramics", ("ceramics",)),
        ("glass manufacturer", ("glass",)),
        ("Glass Works Co. Ltd", ("glass",)),
        ("cement works", ("cement",)),
        # (another word says which kind of thing it makes: no narrowing to the good, the
        # sector's listings apply as before)
        ("mobile phone accessories manufacturer", ()),
        ("hair accessories manufacturer", ()),
        ("glass fibre factory", ()),
        ("brass and glass handicrafts", ()),
    ],
)
def test_a_makers_text_names_its_good_only_beside_a_makers_words(
    text: str, goods: tuple[str, ...]
) -> None:
    found = load_profiles().match_sector(text)
    assert (found.id, found.products) == ("general-manufacturing", goods)
