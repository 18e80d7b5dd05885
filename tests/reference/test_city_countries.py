"""A city written in a country column ("Dubai", "Doha", "Dhaka") gets its country as the
suggestion. Before, 'Dubai' was an unknown country with no suggestion at all."""

from __future__ import annotations

import pytest

from ddtool.reference.countries import normalise_country


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("Dubai", "United Arab Emirates (ARE)"),
        ("Doha", "Qatar (QAT)"),
        ("Dhaka", "Bangladesh (BGD)"),
        ("Ho Chi Minh City", "Vietnam (VNM)"),
        ("kuala lumpur", "Malaysia (MYS)"),
    ],
)
def test_a_city_suggests_its_country(written: str, suggested: str) -> None:
    match = normalise_country(written)
    assert match.iso3 is None and match.suggestion == suggested
    assert match.why is not None and "is a city: write its country" in match.why


@pytest.mark.parametrize(("written", "iso3"), [("Singapore", "SGP"), ("Kuwait", "KWT")])
def test_a_city_state_is_its_country(written: str, iso3: str) -> None:
    assert normalise_country(written).iso3 == iso3
