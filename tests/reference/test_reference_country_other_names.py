"""Other names and codes of countries (China's "P.R.", Eurostat's EL, two names of one
country in brackets), and US cities with their states' postal codes."""

from __future__ import annotations

import pytest

from ddtool.reference.countries import normalise_country

USA = "United States (USA)"


@pytest.mark.parametrize(
    ("value", "iso3"),
    [
        # the People's Republic after the name (suggested as Macao)
        ("China (PRC)", "CHN"),
        ("China PRC", "CHN"),
        ("China P.R.", "CHN"),
        ("China (P.R.)", "CHN"),
        ("P.R. China", "CHN"),
        ("PRC China", "CHN"),
        ("PRC", "CHN"),
        ("China, P.R.", "CHN"),
        # other names and codes (not read)
        ("EL", "GRC"),  # the EU's and Eurostat's code for Greece
        ("Hellas", "GRC"),
        ("Bundesrepublik Deutschland", "DEU"),
        ("BRD", "DEU"),
        ("Georgia (Country)", "GEO"),
        ("Georgia (country)", "GEO"),
        ("Georgia (Caucasus)", "GEO"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Trinidad & Tobago", "TTO"),
        ("Macao SAR", "MAC"),
        ("Macau SAR", "MAC"),
        ("Kapverden", "CPV"),
        ("KSA", "SAU"),
        ("FYROM", "MKD"),
        ("Chinese Taipei", "TWN"),
        # two names of one country, one in brackets
        ("Ivory Coast (Côte d’Ivoire)", "CIV"),
        ("Côte d’Ivoire (Ivory Coast)", "CIV"),
        ("Burma (Myanmar)", "MMR"),
        ("Myanmar (Burma)", "MMR"),
        ("Eswatini (Swaziland)", "SWZ"),
        ("Holland (Netherlands)", "NLD"),
        ("Netherlands (Holland)", "NLD"),
        ("Macedonia (FYROM)", "MKD"),
        ("Czechia (Czech Republic)", "CZE"),
    ],
)
def test_other_names_and_codes_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("ROC", "China (CHN) or Taiwan (TWN)"),  # (no suggestion: as "Republic of China")
        ("Taipei, ROC", "China (CHN) or Taiwan (TWN)"),
        ("Burma (Thailand)", None),  # two countries in brackets: neither
        ("Holland (Belgium)", None),
        ("Congo (Korea)", None),
    ],
)
def test_a_name_of_no_one_country_is_not_read(value: str, suggestion: str | None) -> None:
    match = normalise_country(value)
    assert match.iso3 is None
    if suggestion is not None:
        assert match.suggestion == suggestion


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Savannah, GA", "GA is the US state Georgia here, not the country Gabon"),
        ("Atlanta, GA", "GA is the US state Georgia here, not the country Gabon"),
        ("Los Angeles, CA", "CA is the US state California here, not the country Canada"),
        ("Los Angeles, CA, USA", "CA is the US state California here, not the country Canada"),
        ("Chicago, IL", "IL is the US state Illinois here, not the country Israel"),
        ("Boston, MA", "MA is the US state Massachusetts here, not the country Morocco"),
        ("Memphis, TN", "TN is the US state Tennessee here, not the country Tunisia"),
        ("Denver, CO", "CO is the US state Colorado here, not the country Colombia"),
        (
            "Charlotte, NC",
            "NC is the US state North Carolina here, not the country New Caledonia",
        ),
        ("Houston, TX", "TX is the US state Texas"),
        # without the comma (each was an unknown country, with no suggestion)
        ("Atlanta GA", "GA is the US state Georgia here, not the country Gabon"),
        ("Chicago IL", "IL is the US state Illinois here, not the country Israel"),
        ("New York City NY", "NY is the US state New York"),
    ],
)
def test_a_us_city_and_its_states_postal_code_is_never_a_country(value: str, why: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion, match.why) == (None, USA, why)


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("Paris, FR", "France (FRA)"),  # a place that is no US city: its country's code
        ("Dhaka, Bangladesh", "Bangladesh (BGD)"),
    ],
)
def test_a_place_and_its_country_code_still_suggests_the_country(
    value: str, suggestion: str
) -> None:
    assert normalise_country(value).suggestion == suggestion


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("Washington DC", "Washington DC is in the United States"),
        ("Washington, DC", "Washington, DC is in the United States"),
        ("Washington D.C.", "Washington D.C. is in the United States"),
        ("District of Columbia", "District of Columbia is in the United States"),
        ("DISTRICT OF COLUMBIA", "DISTRICT OF COLUMBIA is in the United States"),
        ("new york, usa", "new york is a US state"),
        ("Georgia (USA)", "Georgia is a US state here, not the country Georgia"),
    ],
)
def test_the_district_of_columbia_is_no_state_and_is_shown_as_written(value: str, why: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion, match.why) == (None, USA, why)
