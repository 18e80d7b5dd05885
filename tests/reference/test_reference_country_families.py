"""Countries whose names share a word (the two Congos, the two Koreas, Sudan and South Sudan,
the Guineas, Niger and Nigeria, Dominica and the Dominican Republic): each is read, or
suggested, as the one its other words name, never as its neighbour."""

from __future__ import annotations

import itertools

import pytest

from ddtool.reference.countries import _FAMILIES, _contradicts, _names, _table, normalise_country

READ: list[tuple[str, str]] = [
    # the Democratic Republic of the Congo, abbreviated and in German, French, Spanish and
    # Portuguese ("Rép. dém. du Congo" had no suggestion, "Dem. Rep. Kongo" the other Congo)
    ("Dem. Rep. Congo", "COD"),
    ("Dem. Rep. of the Congo", "COD"),
    ("Democratic Rep. of Congo", "COD"),
    ("Rep. Dem. Congo", "COD"),
    ("D.R.C.", "COD"),
    ("R.D.C.", "COD"),
    ("DR Kongo", "COD"),
    ("Dem. Rep. Kongo", "COD"),
    ("Kongo, Dem. Rep.", "COD"),
    ("Kongo (Dem. Rep.)", "COD"),
    ("Demokratische Rep. Kongo", "COD"),
    ("Demokratische Republik Kongo", "COD"),
    ("Kongo-Kinshasa", "COD"),
    ("RD Congo", "COD"),
    ("RD du Congo", "COD"),
    ("RDC", "COD"),
    ("Rép. dém. du Congo", "COD"),
    ("République démocratique du Congo", "COD"),
    ("República Democrática del Congo", "COD"),
    ("República Democrática do Congo", "COD"),
    ("Congo-Kinshasa", "COD"),
    # the Republic of the Congo ("Rép. du Congo" was suggested as the other one)
    ("Rép. du Congo", "COG"),
    ("République du Congo", "COG"),
    ("Republik Kongo", "COG"),
    ("Rep. Congo", "COG"),
    ("República del Congo", "COG"),  # (suggested as Iceland)
    ("República do Congo", "COG"),
    ("Congo-Brazzaville", "COG"),
    ("Kongo-Brazzaville", "COG"),
    # the Koreas ("Demokratische Volksrepublik Korea" was suggested as DR Congo)
    ("Dem. Rep. Korea", "PRK"),
    ("Korea, Dem. Rep.", "PRK"),
    ("Dem. People's Rep. Korea", "PRK"),
    ("Demokratische Volksrepublik Korea", "PRK"),
    ("République populaire démocratique de Corée", "PRK"),
    ("República Popular Democrática de Corea", "PRK"),  # (suggested as China)
    ("Coreia do Norte", "PRK"),
    ("Republik Korea", "KOR"),
    ("République de Corée", "KOR"),
    ("República de Corea", "KOR"),  # (suggested as Ecuador)
    ("Rep. of Korea", "KOR"),
    ("Coreia do Sul", "KOR"),
    # Sudan and South Sudan
    ("Soudan", "SDN"),
    ("Sudão", "SDN"),
    ("Sudão do Sul", "SSD"),
    # World Bank and IMF forms, turned round and abbreviated ("Sudan, Rep. of South" had no
    # suggestion, "Rep. of South Sudan" a suggestion only)
    ("Sudan, Rep. of South", "SSD"),
    ("South Sudan, Rep. of", "SSD"),
    ("Rep. of South Sudan", "SSD"),
    ("Republic of Sudan", "SDN"),
    ("Sudan, Rep. of", "SDN"),
    # North Korea as the UN writes it, and its letters ("DPR Korea" had no suggestion)
    ("DPR Korea", "PRK"),
    ("D.P.R. Korea", "PRK"),
    ("DPR of Korea", "PRK"),
    ("DPRK", "PRK"),
    ("D.P.R.K.", "PRK"),
    ("Korea, DPR", "PRK"),
    ("Korea, Dem. People's Rep. of", "PRK"),
    ("ROK", "KOR"),
    ("Rep. of South Korea", "KOR"),
    ("Korea, Rep. of", "KOR"),
    # Niger ("Rep. of Niger" and "République du Niger" had no suggestion, "Republic of Niger"
    # a suggestion only) and Nigeria
    ("Rep. of Niger", "NER"),
    ("République du Niger", "NER"),
    ("Republic of Niger", "NER"),
    ("Republic of the Niger", "NER"),
    ("Republik Niger", "NER"),
    ("República del Níger", "NER"),
    ("Niger, Rep. of", "NER"),
    ("Niger, The", "NER"),
    ("Fed. Rep. of Nigeria", "NGA"),
    ("Nigeria, Fed. Rep.", "NGA"),
    # the Congos
    ("Congo, Rep. of", "COG"),
    ("Congo, Rep. of the", "COG"),
    ("DR of Congo", "COD"),
    ("Congo, Dem. Rep. of the", "COD"),
    # the Guineas ("Guinea, Eq." was read as Guinea)
    ("Guinea, Eq.", "GNQ"),
    ("Eq. Guinea", "GNQ"),
    ("Guiné Equatorial", "GNQ"),
    ("Guinée-Bissau", "GNB"),
    ("Guiné-Bissau", "GNB"),
    ("Guinea Conakry", "GIN"),
    ("Rep. of Guinea", "GIN"),  # (suggested only)
    ("République de Guinée", "GIN"),  # (no suggestion)
    ("Rep. of Equatorial Guinea", "GNQ"),
    ("Guinea-Bissau, Rep. of", "GNB"),
    ("Papouasie-Nouvelle-Guinée", "PNG"),
    # Dominica and the Dominican Republic
    ("Dom. Rep.", "DOM"),
    ("Dominican Rep.", "DOM"),
    ("Rép. dominicaine", "DOM"),
    ("Dominique", "DMA"),
    ("Dominica, Commonwealth of", "DMA"),
    ("Dominican Republic, The", "DOM"),
    ("Rep. Dominicana", "DOM"),
]


@pytest.mark.parametrize(("value", "iso3"), READ)
def test_a_name_of_one_of_a_family_is_read_as_it(value: str, iso3: str) -> None:
    assert normalise_country(value).iso3 == iso3


SUGGESTED: list[tuple[str, str]] = [
    ("Democartic Rep Congo", "Congo (Democratic Republic) (COD)"),
    ("Demokratische Republick Kongo", "Congo (Democratic Republic) (COD)"),
    ("Republique dem. du Kongo", "Congo (Democratic Republic) (COD)"),
    ("Kongo DR", "Congo (Democratic Republic) (COD)"),
    ("Repúblique du Kongo", "Congo (Republic) (COG)"),
    ("Republick Kongo", "Congo (Republic) (COG)"),
    ("Republc of Congo", "Congo (Republic) (COG)"),
    ("Nroth Korea", "North Korea (PRK)"),
    ("Soth Korea", "South Korea (KOR)"),
    ("Sout Sudan", "South Sudan (SSD)"),
    ("Republic of Nigre", "Niger (NER)"),  # (suggested as Guinea, for "Republic of")
    ("Rep. of Nigre", "Niger (NER)"),  # (suggested as the Republic of the Congo)
    ("Nigerai", "Nigeria (NGA)"),
    ("Guinea-Bisseu", "Guinea-Bissau (GNB)"),  # ("Guinea-Bisáu" is its Spanish name)
    ("Dominican Repbulic", "Dominican Republic (DOM)"),
    ("Corée", "South Korea (KOR) or North Korea (PRK)"),  # Korea, in French
    ("Lubumbashi, Congo", "Congo (Republic) (COG) or DR Congo (COD)"),  # (was COG)
    # the Republic and the Commonwealth of Dominica are no one name: "Rep." is the other's
    ("Dominica, Rep. of", "Dominican Republic (DOM)"),
    ("Rep. of Dominica", "Dominican Republic (DOM)"),
    # a shared word turned round with "the" names both, as "the Congo" does (was COG, KOR)
    ("Congo, The", "Congo (Republic) (COG) or DR Congo (COD)"),
    ("Korea, The", "South Korea (KOR) or North Korea (PRK)"),
]


@pytest.mark.parametrize(("value", "suggestion"), SUGGESTED)
def test_a_near_miss_of_one_of_a_family_is_suggested_as_it(value: str, suggestion: str) -> None:
    match = normalise_country(value)
    assert (match.iso3, match.suggestion) == (None, suggestion)


def test_sudan_with_words_of_south_sudan_is_not_read_as_sudan() -> None:
    """Its head read it as Sudan, the words after the comma aside: it is South Sudan."""
    assert normalise_country("Sudan, Rep. of South").iso3 == "SSD"


def _named(value: str) -> str | None:
    """The country a value is read or suggested as (None: none, or two)."""
    match = normalise_country(value)
    if match.iso3 is not None:
        return match.iso3
    if match.suggestion and " or " not in match.suggestion:
        return match.suggestion[-4:-1]
    return None


# ways of writing "democratic", "republic" and the Congo, slips of a letter among them
_DEMOCRATIC = ["Dem.", "Dém.", "Democratic", "Démocratique", "Demokratische", "Democrática"]
_DEMOCRATIC += ["Democartic", "Demokratisch", "Démocratiqe"]
_REPUBLIC = ["Rep.", "Rép.", "Republic of", "République du", "Republik", "República del"]
_REPUBLIC += ["Rép. du", "Rep. du", "Repulbic of", "Républiqe du"]
_CONGO = ["Congo", "Kongo", "the Congo", "Cong", "Kongoo", "Conog", "Cnogo"]


@pytest.mark.parametrize(
    "value",
    [
        text
        for a, b, c in itertools.product(_DEMOCRATIC, _REPUBLIC, _CONGO)
        for text in (f"{a} {b} {c}", f"{b} {a} {c}", f"{c}, {b} {a}", f"{c} {a} {b}")
    ],
)
def test_a_text_naming_democratic_is_never_the_republic_of_the_congo(value: str) -> None:
    """(Its suggestion may be no Congo at all, or none: never the other one.)"""
    assert _named(value) != "COG"


@pytest.mark.parametrize(
    "value",
    [
        text
        for b, c in itertools.product(_REPUBLIC, _CONGO)
        for text in (f"{b} {c}", f"{c}, {b}", f"{c} {b}")
    ],
)
def test_a_republic_of_the_congo_naming_no_democratic_is_never_dr_congo(value: str) -> None:
    assert _named(value) != "COD"


def test_every_name_agrees_with_the_words_that_tell_its_family_apart() -> None:
    """A name the table knows that its country's words would rule out (a mark missing, or
    its neighbour's) would never be suggested: the marks are wrong, not the name."""
    table = _table()
    members = {c for family in _FAMILIES for c in family.marks}
    assert [n for n in _names() if table[n] in members and _contradicts(n, table[n])] == []
