"""Where the risk data says a country produces none of a raw good (Profiles.none_there): only
where the producers origins.csv lists of it make (nearly) all of world production, 95 % or
more (profiles.ALL_PRODUCERS_PCT). Before, any country not listed was taken to produce none:
the capture-fisheries list holds the ten largest producers alone (56.3 %), so a Seychelles
supplier of "tuna" was told its country "does not produce" fish."""

from __future__ import annotations

from pathlib import Path

import pytest
from chain_support import assessed_data

from ddtool.assess import _listed_in
from ddtool.profiles import ALL_PRODUCERS_PCT, load_profiles

# (country, product, raw sector its product names, listed producers' share of world
# production, whether the country is known to produce none of it)
CASES = [
    # the producers listed make 95 % or more: a country not listed produces none
    ("DEU", "cocoa beans", "cocoa-farming", 96.76, True),
    ("DEU", "coffee", "coffee-farming", 96.4, True),
    ("DEU", "tea", "tea-farming", 97.7, True),
    ("BEL", "cobalt hydroxide", "artisanal-mining", 97.25, True),  # (OTH 2.14 aside)
    ("BEL", "tin ore", "artisanal-mining", 97.9, True),
    # fewer: only not among the main producers listed, which does not rule it out
    ("SYC", "tuna", "fishing-vessels", 56.3, False),
    ("MUS", "fish", "fishing-vessels", 56.3, False),
    ("DEU", "cotton", "cotton-farming", 90.3, False),
    ("DEU", "sugarcane", "sugarcane-farming", 92.5, False),
    ("NLD", "natural rubber", "rubber-plantations", 72.4, False),
    ("ESP", "shrimp", "aquaculture", 18.93, False),
    ("CHE", "gold", "artisanal-mining", 74.9, False),  # (OTH 23.64 aside)
    # 95 % or more, but of the sum of the 18 countries a page tabulates, not of world
    # production: Portugal grows hazelnuts and is not on that page
    ("PRT", "hazelnuts", "hazelnut-farming", 98.7, False),
    # a listed producer produces it
    ("GHA", "cocoa beans", "cocoa-farming", 96.76, False),
]


@pytest.mark.parametrize(
    ("iso3", "product", "sector", "listed", "none"), CASES, ids=[f"{c[0]} {c[1]}" for c in CASES]
)
def test_a_country_produces_none_only_where_the_producers_listed_make_nearly_all(
    iso3: str, product: str, sector: str, listed: float, none: bool
) -> None:
    profiles = load_profiles()
    assert profiles.product_sector(product) == sector
    (commodity,) = profiles.commodities_named(sector, (product,))
    assert profiles.listed_pct(commodity) == pytest.approx(listed, abs=0.05)
    assert profiles.none_there(sector, iso3, (product,)) is none
    if listed < ALL_PRODUCERS_PCT:
        assert not profiles.none_there(sector, iso3, (product,))


def test_a_sector_of_no_production_shares_rules_no_country_out() -> None:
    """Coal, tobacco, cattle: no shares of world production, so nothing says a country
    produces none (before: every country with no listing of them did)."""
    profiles = load_profiles()
    for sector in ("coal-mining", "tobacco-farming", "cattle-ranching", "crop-farming"):
        assert not profiles.sectors[sector].commodities
        assert not profiles.none_there(sector, "DEU", ())


def test_the_rule_falls_between_the_lists_it_tells_apart() -> None:
    """No bundled list is near the line: the largest short of it is sugarcane's (92.5 %),
    the smallest at it coffee's and palm oil's (96.4 %)."""
    profiles = load_profiles()
    named = sorted(profiles.listed_pct(c) for c in profiles.origins)
    assert not [p for p in named if ALL_PRODUCERS_PCT - 2.4 < p < ALL_PRODUCERS_PCT + 1.3]


def test_only_shares_of_a_world_total_rule_a_country_out() -> None:
    """The hazelnut shares are of the sum of the 18 countries a page tabulates, the lithium
    ones of a world total without the United States (withheld): their 98.7 % and 98.1 % say
    nothing of world production. Before, hazelnuts were read as (nearly) all of it, and a
    Portuguese supplier of "hazelnuts" as no farm."""
    profiles = load_profiles()
    assert profiles.not_world_total("hazelnuts (in shell)") == "sum of the 18 listed countries"
    assert profiles.not_world_total("lithium") == "world total excl. USA"
    assert not profiles.all_listed("hazelnuts (in shell)")
    assert not profiles.all_listed("lithium")
    # the lists the rule keeps are shares of a world total (FAOSTAT's World, USGS's world
    # total, USDA's sum of all PSD countries)
    kept = sorted(c for c in profiles.origins if profiles.all_listed(c))
    assert kept == [
        "cobalt",
        "cocoa beans",
        "coffee (green beans)",
        "palm oil (crude)",
        "silicon_metal",
        "tantalum",
        "tea",
        "tin",
        "tungsten",
    ]
    for commodity in kept:
        assert not profiles.not_world_total(commodity)


def test_a_list_of_no_world_total_is_told_as_what_its_source_divides_by() -> None:
    profiles = load_profiles()
    said = _listed_in(profiles, ("hazelnuts (in shell)",))
    assert "98.7% of the sum of the 18 listed countries (not of a world total)" in said
    assert "of world production" not in said
    assert _listed_in(profiles, ("cocoa beans",)).endswith("96.8% of world production")


def test_a_portuguese_supplier_of_hazelnuts_is_scored_as_a_farm_there(tmp_path: Path) -> None:
    """Its sector is taken from its products (hazelnut farming in Portugal, never below a
    sector not known), with the gap that says so; before, it was no farm."""
    doc = assessed_data(
        tmp_path,
        "wholesale-trade",
        [{"id": "HZ-X", "name": "HZ", "country": "PRT", "products": ["hazelnuts"]}],
    )
    entry = next(s for s in doc["suppliers"] if s["id"] == "HZ-X")
    assert "sector not given (taken from products: hazelnut-farming)" in entry["data_gaps"]


# (raw sector, country, products, whether the country may be of the sector: grows_there)
GROWS = [
    # products naming goods of the sector: the country must produce those goods. China mines
    # gold, tin and mica, but is not among cobalt's producers (97.2 % of world production)
    ("artisanal-mining", "CHN", ("cobalt hydroxide",), False),
    ("artisanal-mining", "CHN", ("cobalt",), False),
    ("artisanal-mining", "CHN", ("cobalt hydroxide", "office chairs"), False),
    ("artisanal-mining", "CHN", ("gold",), True),
    ("artisanal-mining", "CHN", ("tin ore",), True),
    ("artisanal-mining", "COD", ("cobalt hydroxide",), True),
    # of several named, one produced there is enough: it may be a mine of that one
    ("artisanal-mining", "CHN", ("cobalt", "gold"), True),
    # no good of the sector named (or no products): the sector-wide check, as before
    ("artisanal-mining", "CHN", (), True),
    ("artisanal-mining", "CHN", ("office chairs",), True),
    ("artisanal-mining", "DEU", (), False),
    # a farm sector of one commodity: Viet Nam grows coffee, no cocoa
    ("cocoa-farming", "VNM", ("cocoa beans",), False),
    ("coffee-farming", "VNM", ("coffee",), True),
    ("cocoa-farming", "GHA", ("cocoa beans",), True),
    # a stage that is no farm, mine or vessel; a country not known
    ("smelting-refining", "DEU", ("cobalt",), True),
    ("artisanal-mining", None, ("cobalt",), True),
]


@pytest.mark.parametrize(
    ("sector", "iso3", "products", "grows"),
    GROWS,
    ids=[f"{c[0]} {c[1]} {'; '.join(c[2]) or '-'}" for c in GROWS],
)
def test_a_country_must_produce_the_goods_its_products_name(
    sector: str, iso3: str | None, products: tuple[str, ...], grows: bool
) -> None:
    """Before, a country producing any commodity of the sector was taken to produce all of
    them: a Chinese supplier of "cobalt hydroxide" was an artisanal mine there (China mines
    gold), never read as a trader of it, and no DR Congo mine was inferred beneath it."""
    profiles = load_profiles()
    assert profiles.grows_there(sector, iso3, products) is grows
    if products and profiles.sectors[sector].commodities:
        # (and where it produces none of them, each list of the commodities named is whole)
        assert profiles.none_there(sector, iso3, products) is (not grows)
