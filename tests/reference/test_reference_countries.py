"""Country normalisation: ISO codes, names, local and old names, data gaps, near misses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddtool.reference.countries import CountryMatch, display_name, is_iso3, normalise_country

COUNTRIES: list[tuple[str, str]] = [
    ("Brasil", "BRA"),
    ("Türkiye", "TUR"),
    ("Turkiye", "TUR"),
    ("Turkey", "TUR"),
    ("Ivory Coast", "CIV"),
    ("RCI", "CIV"),  # République de Côte d'Ivoire
    ("Côte d'Ivoire", "CIV"),
    ("Côte d’Ivoire", "CIV"),
    ("Cote d'Ivoire", "CIV"),
    ("DR Congo", "COD"),
    ("Burma", "MMR"),
    ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"),
    ("China Mainland", "CHN"),
    ("Korea (Republic of)", "KOR"),
    ("KOREA, REPUBLIC OF", "KOR"),
    ("GERMANY", "DEU"),
    ("de", "DEU"),
    ("deu", "DEU"),
    ("  India ", "IND"),
    ("IN", "IND"),
    ("The Netherlands", "NLD"),
    ("Niger", "NER"),
    ("Nigeria", "NGA"),
]


@pytest.mark.parametrize(("value", "iso3"), COUNTRIES)
def test_country_names_normalise(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    "value", [None, "", "  ", "unknown", "Unknown", "n/a", "N/A", "-", "?", "TBD"]
)
def test_blank_or_unknown_is_a_data_gap(value: str | None) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.unknown, match.suggestion) == (None, True, None)


def test_near_miss_gives_a_suggestion_not_a_match() -> None:
    match = normalise_country("Ivry Coast")
    assert (match.iso3, match.unknown) == (None, False)
    assert match.suggestion == "Côte d'Ivoire (CIV)"


def test_nonsense_gives_no_match() -> None:
    match = normalise_country("xyzzy")
    assert (match.iso3, match.unknown, match.suggestion) == (None, False, None)


@pytest.mark.parametrize("value", ["NA", "na", "nd", "ND", " n/a "])
def test_not_available_is_a_data_gap_not_namibia(value: str) -> None:
    """Supplier lists write NA for "not available" far more often than for Namibia: read
    as a country, it would give a known score where the data is missing."""
    match = normalise_country(value)
    assert (match.iso3, match.unknown) == (None, True)


def test_namibia_written_out_or_as_alpha3() -> None:
    assert normalise_country("Namibia").iso3 == normalise_country("NAM").iso3 == "NAM"


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("COD", "Congo (Democratic Republic)"), ("CIV", "Côte d'Ivoire"), ("XKX", "Kosovo")],
)
def test_display_names(iso3: str, name: str) -> None:
    assert display_name(iso3) == name
    assert is_iso3(iso3)


@given(st.text(max_size=60))
def test_normalise_country_never_raises(value: str) -> None:
    match = normalise_country(value)
    assert match.iso3 is None or is_iso3(match.iso3)
    assert not (match.unknown and match.iso3 is not None)


def test_every_display_name_reads_back_as_its_country() -> None:
    """The names the template's dropdown offers and every suggestion shows: "Congo
    (Republic)" was refused, with itself as the suggestion."""
    import pycountry

    from ddtool.reference.countries import display_name

    codes = [c.alpha_3 for c in pycountry.countries] + ["XKX"]
    assert [c for c in codes if normalise_country(display_name(c)).iso3 != c] == []


@pytest.mark.parametrize(
    ("value", "iso3", "suggestion"),
    [
        ("Congo, Rep.", "COG", None),  # World Bank names
        ("Congo, Dem. Rep.", "COD", None),
        ("Korea, Rep.", "KOR", None),
        ("Korea, Dem. People's Rep.", "PRK", None),
        ("Korea DPR", "PRK", None),
        ("Griechenland", "GRC", None),
        ("Egypt, Arab Rep.", "EGY", None),  # a World Bank name: its head, when unique
        ("Iran, Islamic Rep.", "IRN", None),
        ("Gambia, The", "GMB", None),
        ("Hong Kong SAR, China", "HKG", None),
        ("Congo, Something", None, None),  # an ambiguous head is not guessed
        ("Korea", None, "South Korea (KOR) or North Korea (PRK)"),
        ("the Congo", None, "Congo (Republic) (COG) or DR Congo (COD)"),
    ],
)
def test_names_that_were_misread_or_resolved_without_a_word(
    value: str, iso3: str | None, suggestion: str | None
) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (iso3, suggestion)


@pytest.mark.parametrize(
    ("value", "iso3"),
    [
        ("Elfenbeinküste", "CIV"),
        ("Frankreich", "FRA"),
        ("Vereinigtes Königreich", "GBR"),
        ("Vereinigte Staaten", "USA"),
        ("Demokratische Republik Kongo", "COD"),
        ("Ägypten", "EGY"),
        ("Äthiopien", "ETH"),
        ("Kambodscha", "KHM"),
        ("Türkei", "TUR"),
        ("Pays-Bas", "NLD"),
        ("Royaume-Uni", "GBR"),
        ("République démocratique du Congo", "COD"),
        ("Costa de Marfil", "CIV"),
        ("Estados Unidos", "USA"),
        ("Países Bajos", "NLD"),
        ("Großbritannien", "GBR"),  # "ß" is "ss", not dropped
        ("Weißrussland", "BLR"),
        ("Aegypten", "EGY"),  # umlauts written out, as ERP exports do
        ("Tuerkei", "TUR"),
        ("Libia", "LBY"),  # not Liberia
    ],
)
def test_country_names_in_german_french_and_spanish(value: str, iso3: str) -> None:
    """Members of a German, French or Spanish employers' organisation write them so."""
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "iso3"),
    [
        # Portuguese (a Brazilian or Mozambican team's list)
        ("Malaui", "MWI"),
        ("Zimbábue", "ZWE"),
        ("Moçambique", "MOZ"),
        ("Paraguai", "PRY"),
        ("Costa do Marfim", "CIV"),
        # Spanish names the hand-written list lacked
        ("Zimbabue", "ZWE"),
        # Dutch (a Dutch ERP's country column)
        ("Namibië", "NAM"),
        ("Brazilië", "BRA"),
        ("Oezbekistan", "UZB"),
        ("Duitsland", "DEU"),
        ("Turkije", "TUR"),
        ("Kameroen", "CMR"),
        ("Frankrijk", "FRA"),
        ("Verenigd Koninkrijk", "GBR"),
        ("Ivoorkust", "CIV"),
    ],
)
def test_country_names_in_portuguese_and_dutch(value: str, iso3: str) -> None:
    """The ISO names in the catalogues pycountry carries (Debian's iso-codes)."""
    assert normalise_country(value).iso3 == iso3


def test_no_translated_name_is_ambiguous_or_of_two_countries() -> None:
    from ddtool.reference.countries import AMBIGUOUS, _translated_names

    names = _translated_names()
    assert len(names) > 1000, "the catalogues are read"
    assert not set(names) & set(AMBIGUOUS)
    assert "republica islamica do paquistao" not in names  # (two countries' in a catalogue)


def test_no_name_in_another_language_is_taken_from_another_country() -> None:
    from ddtool.reference.countries import EXONYMS, _key, _table

    table = _table()
    assert {name: table[_key(name)] for name in EXONYMS} == EXONYMS


def test_kongo_alone_names_two_countries() -> None:
    match = normalise_country("Kongo")
    assert (
        match.iso3 is None
        and "COG" in (match.suggestion or "")
        and "COD" in (match.suggestion or "")
    )


@pytest.mark.parametrize(
    ("value", "iso3"),
    [
        # names written the other way round, as statistical lists do
        ("Guinea, Equatorial", "GNQ"),
        ("Sudan, South", "SSD"),
        ("Samoa, American", "ASM"),
        ("Guinea, Papua New", "PNG"),
        ("China, Hong Kong SAR", "HKG"),
        # World Bank names, and territories written with their country
        ("Egypt, Arab Rep.", "EGY"),
        ("Congo, Dem. Rep.", "COD"),
        ("Gambia, The", "GMB"),
        ("Hong Kong SAR, China", "HKG"),
        ("Taiwan, China", "TWN"),
        ("Puerto Rico, USA", "PRI"),
        # a territory and the state it belongs to: one place
        ("Jersey, United Kingdom", "JEY"),
        ("Réunion, France", "REU"),
        ("Guam, USA", "GUM"),
        ("Curaçao, Netherlands", "CUW"),
        ("Cook Islands, New Zealand", "COK"),
    ],
)
def test_a_name_with_a_comma_is_read_whole(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("UK, Uzbekistan", "names two countries, United Kingdom and Uzbekistan"),
        ("Switzerland, DR Congo", "names two countries, Switzerland and Congo"),
        ("['Germany', 'Ghana']", "names two countries, Germany and Ghana"),
        ("中国", "write the country's name in English, or its ISO code"),
        ("Россия", "write the country's name in English, or its ISO code"),
        ("الهند", "write the country's name in English, or its ISO code"),
    ],
)
def test_a_value_naming_no_one_country_is_not_read_as_one(value: str, why: str) -> None:
    """It was read as its first country, or (another script) as a blank: a data gap."""
    match = normalise_country(value)
    assert (match.iso3, match.unknown) == (None, False)
    assert match.why is not None and match.why.startswith(why)


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("Dhaka, Bangladesh", "Bangladesh (BGD)"),  # a place and its country
    ],
)
def test_a_place_and_its_country_suggests_the_place_or_the_country(
    value: str, suggested: str
) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, suggested)


@pytest.mark.parametrize(
    ("value", "suggested"),
    [
        ("Ganha", "Ghana (GHA)"),  # letters swapped
        ("Frnace", "France (FRA)"),
        ("CIVV", "Côte d'Ivoire (CIV)"),  # an ISO code with a letter too many
        ("BGDD", "Bangladesh (BGD)"),
    ],
)
def test_near_misses_that_had_no_suggestion(value: str, suggested: str) -> None:
    assert normalise_country(value) == CountryMatch(None, suggestion=suggested)
