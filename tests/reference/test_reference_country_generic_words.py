"""US states named like countries, ISO's bracketed forms and official names, and near misses
that share only a state's generic words ("Republic", "State") with a country."""

from __future__ import annotations

import pytest

from ddtool.reference.countries import normalise_country

USA = "United States (USA)"

# a US state, with a word saying it is one, or one no country is named: never the country
US_STATES: list[str] = [
    "State of Georgia",
    "Georgia (USA)",
    "Georgia US",
    "Georgia (U.S.)",
    "Georgia, USA",
    "Georgia, United States",
    "Georgia State",
    "Atlanta, Georgia",
    "Savannah, Georgia",
    "Georgia GA",
    "New Mexico",
    "Mexico, New",
    "New Mexico, USA",
    "New Jersey",
    "New Jersey (U.S.A.)",
    "Indiana",
]


@pytest.mark.parametrize("value", US_STATES)
def test_a_us_state_is_an_error_suggesting_the_united_states(value: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, USA)
    assert match.why is not None and "is a US state" in match.why


def test_georgia_the_us_state_is_told_from_the_country() -> None:
    assert normalise_country("Georgia (USA)").why == (
        "Georgia is a US state here, not the country Georgia"
    )


# the countries and territories those states share a word with, as they are written
STILL_COUNTRIES: list[tuple[str, str]] = [
    ("Georgia", "GEO"),
    ("Republic of Georgia", "GEO"),
    ("Georgia, Tbilisi", "GEO"),
    ("Mexico", "MEX"),
    ("Jersey", "JEY"),
    ("Virgin Islands (U.S.)", "VIR"),
    ("South Georgia and the South Sandwich Islands", "SGS"),
]


@pytest.mark.parametrize(("value", "iso3"), STILL_COUNTRIES)
def test_a_country_sharing_a_us_states_name_is_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


READ: list[tuple[str, str]] = [
    # a bracketed qualifier, as ISO 3166 writes its names
    ("Serbia (Republic of)", "SRB"),
    ("Korea (the Republic of)", "KOR"),
    ("Korea (the Democratic People's Republic of)", "PRK"),
    ("Congo (the Democratic Republic of the)", "COD"),
    ("Moldova (the Republic of)", "MDA"),
    ("Netherlands (the)", "NLD"),
    ("United Kingdom of Great Britain and Northern Ireland (the)", "GBR"),
    ("Korea (South)", "KOR"),
    # official names
    ("Socialist Republic of Vietnam", "VNM"),
    ("Republic of the Union of Myanmar", "MMR"),
    ("Holy See", "VAT"),
    ("Vatican City State", "VAT"),
    # an entity of Bosnia and Herzegovina
    ("Republika Srpska", "BIH"),
]


@pytest.mark.parametrize(("value", "iso3"), READ)
def test_bracketed_forms_and_official_names_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("Congo (the)", "Congo (Republic) (COG) or DR Congo (COD)"), ("Korea (the)", None)],
)
def test_a_bracketed_name_of_two_countries_is_read_as_neither(
    value: str, suggestion: str | None
) -> None:
    match = normalise_country(value)
    assert match.iso3 is None
    if suggestion is not None:
        assert match.suggestion == suggestion
    else:
        assert match.suggestion is not None and " or " in match.suggestion


# near misses: the country their own words name, never one sharing only "Republic" etc.
SUGGESTED: list[tuple[str, str]] = [
    ("Democratic Republic of Vietnam", "Vietnam (VNM)"),  # historic North Vietnam
    ("Lao Republic", "Laos (LAO)"),
    ("Lao Rep.", "Laos (LAO)"),
    ("State of Qtar", "Qatar (QAT)"),
    ("Stateof Kuwait", "Kuwait (KWT)"),
    ("Republic of Koea", "South Korea (KOR)"),
]


@pytest.mark.parametrize(("value", "suggestion"), SUGGESTED)
def test_a_near_miss_is_suggested_by_its_own_words(value: str, suggestion: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, suggestion)


# texts that share only generic words with a country's name: no suggestion at all
GENERIC_ONLY: list[str] = [
    "Republic",
    "Socialist Republic",
    "Democratic Republic",
    "Union",
    "Kingdom",
    "The State",
    "Peoples Republic",
]


@pytest.mark.parametrize("value", GENERIC_ONLY)
def test_generic_words_alone_suggest_no_country(value: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, None)
