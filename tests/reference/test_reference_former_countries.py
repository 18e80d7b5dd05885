"""Countries that no longer exist (ISO 3166-3): read as the one country each became, or an
error naming the countries of its land where it became several."""

from __future__ import annotations

import pycountry
import pytest

from ddtool.reference.countries import DISSOLVED, normalise_country

# a former country with one successor -> the country read
ONE_SUCCESSOR = [
    ("Zaire", "COD"),
    ("Zaïre", "COD"),
    ("Republic of Zaire", "COD"),
    ("ZAR", "COD"),
    ("Burma", "MMR"),
    ("BUR", "MMR"),
    ("East Timor", "TLS"),
    ("TMP", "TLS"),
    ("East Germany", "DEU"),
    ("German Democratic Republic", "DEU"),  # (was suggested as DR Congo)
    ("DDR", "DEU"),
    ("Deutsche Demokratische Republik", "DEU"),
    ("Byelorussia", "BLR"),
    ("Upper Volta", "BFA"),
    ("Dahomey", "BEN"),
    ("Southern Rhodesia", "ZWE"),
    ("New Hebrides", "VUT"),
    ("South Yemen", "YEM"),
    ("Sint Maarten", "SXM"),  # (one the Netherlands Antilles became, as the error names it)
]


@pytest.mark.parametrize(("value", "iso3"), ONE_SUCCESSOR)
def test_a_former_country_with_one_successor_is_read_as_it(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


# a former country whose land is now several -> the codes its error names, in order
SEVERAL = [
    ("Netherlands Antilles", ["CUW", "SXM", "BES"]),  # (was suggested as the Netherlands)
    ("Netherland Antilles", ["CUW", "SXM", "BES"]),  # (a near miss: as it)
    ("Antilles néerlandaises", ["CUW", "SXM", "BES"]),
    ("Niederländische Antillen", ["CUW", "SXM", "BES"]),
    ("Antillas Neerlandesas", ["CUW", "SXM", "BES"]),
    ("ANT", ["CUW", "SXM", "BES"]),
    ("Willemstad, Netherlands Antilles", ["CUW", "SXM", "BES"]),
    ("Yugoslavia", ["BIH", "HRV", "XKX", "MNE", "MKD", "SRB", "SVN"]),
    ("Jugoslawien", ["BIH", "HRV", "XKX", "MNE", "MKD", "SRB", "SVN"]),
    ("Serbia and Montenegro", ["XKX", "MNE", "SRB"]),
    ("Serbie-et-Monténégro", ["XKX", "MNE", "SRB"]),
    ("Czechoslovakia", ["CZE", "SVK"]),
    ("Tschechoslowakei", ["CZE", "SVK"]),
    ("USSR", ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA", "RUS"]),
    ("U.S.S.R.", ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA", "RUS"]),
    ("Soviet Union", ["ARM", "AZE", "BLR", "EST", "GEO", "KAZ", "KGZ", "LVA", "LTU", "MDA"]),
    ("Gilbert and Ellice Islands", ["KIR", "TUV"]),
]


@pytest.mark.parametrize(("value", "codes"), SEVERAL)
def test_a_former_country_of_several_is_an_error_naming_them(value: str, codes: list[str]) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.unknown, match.suggestion) == (None, False, None)
    assert match.why is not None and match.why.startswith("a country that no longer exists (")
    named = [code for code in match.why.split("(")[1:] if code[:3].isupper()]
    assert [code[:3] for code in named][: len(codes)] == codes
    assert "write the one the supplier is in" in match.why


def test_the_netherlands_antilles_error_names_the_three_it_became() -> None:
    assert normalise_country("Netherlands Antilles").why == (
        "a country that no longer exists (dissolved in 2010); its land is now Curaçao (CUW),"
        " Sint Maarten (SXM) and Bonaire, Sint Eustatius and Saba (BES): write the one the"
        " supplier is in"
    )


@pytest.mark.parametrize("code", sorted(DISSOLVED))
def test_each_dissolved_country_is_one_of_iso_3166_3_and_its_successors_are_read(
    code: str,
) -> None:
    """Its code is ISO 3166-3's, and each country it names reads back as its code."""
    assert pycountry.historic_countries.get(alpha_3=code) is not None
    assert normalise_country(code).why == DISSOLVED[code].why()
    for name, iso3 in DISSOLVED[code].now:
        assert normalise_country(name).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "iso3"),
    [("Netherlands", "NLD"), ("Serbia", "SRB"), ("Montenegro", "MNE"), ("Czechia", "CZE")],
)
def test_the_countries_of_a_former_ones_name_are_still_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3
