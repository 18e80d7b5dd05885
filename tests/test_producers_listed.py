"""Where the risk data says a country produces none of a raw good (Profiles.none_there): only
where the producers origins.csv lists of it make (nearly) all of world production, 95 % or
more (profiles.ALL_PRODUCERS_PCT). Before, any country not listed was taken to produce none:
the capture-fisheries list holds the ten largest producers alone (56.3 %), so a Seychelles
supplier of "tuna" was told its country "does not produce" fish."""

from __future__ import annotations

import pytest

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
