"""Countries written in a state's form, turned round or abbreviated, as statistical lists and
data exports write them ("Rep. of Niger", "Niger, Rep. of", "Slovak Rep.", "Lao P.D.R.")."""

from __future__ import annotations

import pycountry
import pytest

from ddtool.reference.countries import display_name, normalise_country

# the World Bank's own names, as its data exports write them
WORLD_BANK: list[tuple[str, str]] = [
    ("Bahamas, The", "BHS"),
    ("Gambia, The", "GMB"),
    ("Congo, Dem. Rep.", "COD"),
    ("Congo, Rep.", "COG"),
    ("Cote d'Ivoire", "CIV"),
    ("Curacao", "CUW"),
    ("Egypt, Arab Rep.", "EGY"),
    ("Hong Kong SAR, China", "HKG"),
    ("Macao SAR, China", "MAC"),
    ("Iran, Islamic Rep.", "IRN"),
    ("Korea, Dem. People's Rep.", "PRK"),
    ("Korea, Rep.", "KOR"),
    ("Kyrgyz Republic", "KGZ"),
    ("Lao PDR", "LAO"),
    ("Micronesia, Fed. Sts.", "FSM"),
    ("Russian Federation", "RUS"),
    ("Slovak Republic", "SVK"),
    ("Somalia, Fed. Rep.", "SOM"),
    ("St. Kitts and Nevis", "KNA"),
    ("St. Lucia", "LCA"),
    ("St. Vincent and the Grenadines", "VCT"),
    ("St. Martin (French part)", "MAF"),
    ("Sint Maarten (Dutch part)", "SXM"),
    ("Syrian Arab Republic", "SYR"),
    ("Turkiye", "TUR"),
    ("Venezuela, RB", "VEN"),
    ("Viet Nam", "VNM"),
    ("Virgin Islands (U.S.)", "VIR"),
    ("British Virgin Islands", "VGB"),
    ("West Bank and Gaza", "PSE"),
    ("Yemen, Rep.", "YEM"),
]


@pytest.mark.parametrize(("value", "iso3"), WORLD_BANK)
def test_world_bank_names_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


READ: list[tuple[str, str]] = [
    # IMF names ("China, P.R.: Hong Kong" was read as China)
    ("China, P.R.: Hong Kong", "HKG"),
    ("China, P.R.: Macao", "MAC"),
    ("China, P.R.: Mainland", "CHN"),
    ("Afghanistan, Islamic Rep. of", "AFG"),
    ("Tanzania, United Rep. of", "TZA"),
    ("Venezuela, Rep. Bolivariana de", "VEN"),
    ("Marshall Islands, Rep. of the", "MHL"),
    # "Rep." written out (each was suggested only)
    ("Slovak Rep.", "SVK"),
    ("Czech Rep.", "CZE"),
    ("Kyrgyz Rep.", "KGZ"),
    ("Central African Rep.", "CAF"),
    ("Syrian Arab Rep.", "SYR"),
    ("Islamic Rep. of Iran", "IRN"),
    ("Arab Rep. of Egypt", "EGY"),
    ("Rep. of Yemen", "YEM"),
    ("Rep. of the Philippines", "PHL"),
    ("Rep. of Côte d'Ivoire", "CIV"),
    ("Dem. Rep. of Timor-Leste", "TLS"),  # (no suggestion)
    # single letters written apart
    ("Lao P.D.R.", "LAO"),
    ("Hong Kong S.A.R., China", "HKG"),
    ("St. Pierre and Miquelon", "SPM"),
    ("St. Barthélemy", "BLM"),
    # the state's form before the name, in English, French, German and Spanish
    ("Rep. of Ghana", "GHA"),
    ("République du Mali", "MLI"),
    ("République de Côte d'Ivoire", "CIV"),
    ("Republik Kenia", "KEN"),
    ("República de Colombia", "COL"),
    ("The Republic of the Gambia", "GMB"),
    ("Republic of China (Taiwan)", "TWN"),  # (suggested as Haiti)
    ("Taiwan (Republic of China)", "TWN"),  # (no suggestion)
    # official names written without their "the" ("did you mean Israel")
    ("State of Eritrea", "ERI"),
    ("State of Palestine", "PSE"),
    ("the State of Eritrea", "ERI"),
    # short names as people write them
    ("Northern Ireland", "GBR"),
    ("Bosnia", "BIH"),
    ("Sao Tome", "STP"),
]


@pytest.mark.parametrize(("value", "iso3"), READ)
def test_state_forms_turned_round_and_abbreviated_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


_CHINA_OR_TAIWAN = "China (CHN) or Taiwan (TWN)"


@pytest.mark.parametrize(
    "value",
    [
        *("Republic of China", "Rep. of China", "China, Republic of", "China, Rep. of"),
        *("République de Chine", "República de China", "Republic of the China"),
    ],
)
def test_the_republic_of_china_is_neither_read_as_china_nor_as_taiwan(value: str) -> None:
    """Taiwan's official name, often written for the People's Republic ("China, Republic
    of" was read as China): an error with both, never a guess."""
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, _CHINA_OR_TAIWAN)


def _forms(name: str, *, republic: bool = True) -> list[str]:
    """A name turned round with "the", and (republic) in a republic's forms."""
    forms = [f"{name}, The"]
    if republic:
        forms += [f"{name}, Rep. of", f"{name}, Republic of", f"Rep. of {name}"]
        forms += [f"Republic of {name}", f"Republic of the {name}", f"République du {name}"]
    return forms


# the Republic of China is Taiwan (above); "Rep." names the Dominican Republic, not Dominica
_NO_REPUBLIC = {"CHN", "DMA"}
_CODES = [c.alpha_3 for c in pycountry.countries]


@pytest.mark.parametrize(
    ("value", "iso3"),
    [
        (value, iso3)
        for iso3 in _CODES
        if "," not in display_name(iso3)
        for value in _forms(display_name(iso3), republic=iso3 not in _NO_REPUBLIC)
    ],
)
def test_every_country_in_a_state_form_or_turned_round_is_read(value: str, iso3: str) -> None:
    """One rule for every country in the ISO list, not a name each."""
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    "value", [*_forms("Dominica")[1:], "Dom. Rep.", "Dominica Rep.", "Republik Dominica"]
)
def test_dominica_with_republic_is_never_read_as_dominica(value: str) -> None:
    assert normalise_country(value).iso3 != "DMA"


# the points of the compass abbreviated before a name (each was an unknown country, "S
# Sudan" suggested as Sudan), and short names of two Saints'
ABBREVIATED_POINTS: list[tuple[str, str]] = [
    ("N. Korea", "PRK"),
    ("S. Korea", "KOR"),
    ("Korea N", "PRK"),
    ("S. Africa", "ZAF"),
    ("N. Macedonia", "MKD"),
    ("S Sudan", "SSD"),
    ("S. Sudan", "SSD"),
    ("E. Timor", "TLS"),
    ("N. Ireland", "GBR"),
    ("S. Georgia", "SGS"),
    ("South Georgia", "SGS"),  # (suggested as South Korea)
    ("St Kitts", "KNA"),
    ("St. Vincent", "VCT"),
]


@pytest.mark.parametrize(("value", "iso3"), ABBREVIATED_POINTS)
def test_points_of_the_compass_abbreviated_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        # a point of the compass the suggestion lacks: no other half of a country
        ("N. Sudan", None),  # (was Sudan)
        ("E. Guinea", None),  # (was Guinea, not Equatorial Guinea)
        ("N. Cyprus", None),  # (was Cyprus)
        # a slip in the point itself still suggests the country
        ("Soth Korea", "South Korea (KOR)"),
        ("Nroth Korea", "North Korea (PRK)"),
        ("Suth Sudan", "South Sudan (SSD)"),
        ("Westren Sahara", "Western Sahara (ESH)"),
    ],
)
def test_a_point_of_the_compass_is_never_suggested_away(value: str, suggestion: str | None) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, suggestion)


# the US and the British Virgin Islands as they are commonly written (the words alone are
# ambiguous: tests/reference/test_reference_country_shared_words.py)
VIRGIN_ISLANDS = [
    ("US Virgin Islands", "VIR"),
    ("U.S. Virgin Islands", "VIR"),
    ("United States Virgin Islands", "VIR"),
    ("Virgin Islands, US", "VIR"),
    ("Virgin Islands (US)", "VIR"),
    ("USVI", "VIR"),
    ("BVI", "VGB"),
    ("B.V.I.", "VGB"),
    ("Virgin Islands (British)", "VGB"),
    # told apart by their state, not a near miss of the other ("(UK)" was the U.S. ones)
    ("Virgin Islands (UK)", "VGB"),
    ("Virgin Is (UK)", "VGB"),
    ("Virgin Islands, UK", "VGB"),
    ("Br. Virgin Is.", "VGB"),
    ("British Virgin Is.", "VGB"),
    ("Britische Jungferninseln", "VGB"),
    ("Îles Vierges britanniques", "VGB"),
    ("Islas Vírgenes Británicas", "VGB"),
    ("Ilhas Virgens Britânicas", "VGB"),
    ("Virgin Islands (USA)", "VIR"),
    ("Virgin Is. (U.S.)", "VIR"),
    ("American Virgin Islands", "VIR"),
    ("Amerikanische Jungferninseln", "VIR"),
    ("Îles Vierges des États-Unis", "VIR"),
    ("Islas Vírgenes de los Estados Unidos", "VIR"),
    ("Ilhas Virgens dos Estados Unidos", "VIR"),
]


@pytest.mark.parametrize(("value", "iso3"), VIRGIN_ISLANDS)
def test_the_virgin_islands_as_commonly_written_are_read(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3
