"""A word for "unknown" in the languages headers are read in (German, French, Spanish,
Portuguese) is a data gap as "unknown" is, for a country, a sector and a tier alike; not an
error."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.reference.countries import normalise_country
from ddtool.sources import read_chain
from ddtool.sources.values import is_placeholder, parse_tier

WORDS = [
    "unknown",
    "unbekannt",
    "Unbekannt",
    "nicht bekannt",
    "keine Angabe",
    "inconnu",
    "Inconnue",
    "non renseigné",
    "non spécifié",
    "desconocido",
    "DESCONOCIDA",
    "no especificado",
    "sin información",
    "desconhecido",
    "não informado",
    "não especificado",
]


@pytest.mark.parametrize("word", WORDS)
def test_unknown_in_another_language_is_a_data_gap(word: str) -> None:
    match = normalise_country(word)
    assert (match.iso3, match.unknown, match.suggestion) == (None, True, None)
    assert is_placeholder(word)
    assert parse_tier(word) is None


@pytest.mark.parametrize("word", ["unbekannt", "inconnu", "desconocido", "desconhecido"])
def test_validate_reads_it_as_a_blank_country_and_sector(tmp_path: Path, word: str) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f"id,name,country,sector\nS1,Alpha,{word},{word}\n", "utf-8")
    chain, problems = read_chain([path])
    assert [p.type for p in problems.items if p.severity == "error"] == []
    [supplier] = chain.suppliers
    assert (supplier.country, supplier.sector) == (None, None)
