"""Every good × country row of the bundled US DOL list flags a one-supplier chain."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ddtool.assess import assess
from ddtool.document import flag_evidence, register
from ddtool.profiles import GoodListing, load_profiles

LISTINGS = load_profiles().goods
HIGH = {"high", "critical"}


def _one_supplier_chain(tmp_path: Path, listing: GoodListing, by: str) -> Path:
    supplier: dict[str, object] = {"id": "S1", "name": "Only supplier", "country": listing.iso3}
    if by == "products":
        supplier["products"] = [listing.good]
    else:
        supplier["sector"] = listing.sector
    path = tmp_path / f"{by}.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "Buyer", "country": "DEU"}, "suppliers": [supplier]}),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("by", ["products", "sector"])
@pytest.mark.parametrize("listing", LISTINGS, ids=[f"{g.good}-{g.iso3}" for g in LISTINGS])
def test_listing_flags_one_supplier_chain(tmp_path: Path, listing: GoodListing, by: str) -> None:
    doc = assess([_one_supplier_chain(tmp_path, listing, by)]).data
    flags = {f["risk_type"]: f for f in register(doc) if f["supplier_id"] == "S1"}
    if listing.downstream:
        # goods made with inputs from a listed origin: forced-labour exposure, shown as such
        assert "forced_labour" in flags
        assert any(
            "made with inputs" in str(e["value"])
            for e in flag_evidence(doc, flags["forced_labour"])
        )
        return
    assert listing.risk_types
    for risk_type in listing.risk_types:
        assert risk_type in flags, (listing.good, listing.iso3, risk_type)
        assert flags[risk_type]["level"] in HIGH
        assert any(
            listing.good in e["indicator"] and e["year"] == 2022
            for e in flag_evidence(doc, flags[risk_type])
        )


def test_every_bundled_listing_is_tested() -> None:
    assert len(LISTINGS) == 467


@pytest.mark.parametrize(
    ("iso3", "sector", "products", "goods"),
    [
        ("IND", "brick-making", [], {"Bricks"}),
        ("IND", "brick-making", ["sand"], {"Bricks"}),  # a product listed elsewhere only
        ("BGD", "garment-manufacturing", ["cotton"], {"Garments"}),
        ("CIV", "cocoa-farming", ["bananas"], {"Cocoa"}),
        ("CIV", "cocoa-farming", ["cocoa beans"], {"Cocoa"}),
    ],
)
def test_naming_products_never_takes_a_one_good_sectors_listing_away(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    profiles = load_profiles()
    assert sector in profiles.sectors, sector
    applies, _handled = profiles.listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods


def test_products_choose_among_a_broad_sectors_listings() -> None:
    """Crop farming in a country lists several goods: a farm's products say which apply."""
    profiles = load_profiles()
    places = [
        iso3
        for (sector, iso3), listings in profiles._listings_by_sector.items()
        if sector == "crop-farming" and len({x.good for x in listings}) > 1
    ]
    assert places
    for iso3 in places:
        everything, _ = profiles.listings_for(iso3, "crop-farming", [])
        assert len({x.good for x in everything}) > 1
        good = everything[0].good
        chosen, _ = profiles.listings_for(iso3, "crop-farming", [good])
        assert {x.good for x in chosen} == {good}
