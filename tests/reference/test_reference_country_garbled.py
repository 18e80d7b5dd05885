"""Country names whose letters were garbled on the way into the file: UTF-8 text read as
Windows-1252 and saved again ("TÃ¼rkiye"). No near miss of any name finds them, so the
message says what happened and which country the text was."""

from __future__ import annotations

import pytest

from ddtool.reference.countries import normalise_country
from ddtool.sources.normalise import _country_value

GARBLED: list[tuple[str, str, str]] = [
    ("TÃ¼rkiye", "Türkiye", "Türkiye (TUR)"),
    ("CÃ´te d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire (CIV)"),
    ("CÃ´te dâ€™Ivoire", "Côte d’Ivoire", "Côte d'Ivoire (CIV)"),
    ("RÃ©union", "Réunion", "Réunion (REU)"),
    # (what it reads as is a part of a name: the suggestion that part would get)
    ("Ã…land", "Åland", "Åland Islands (ALA)"),
]


@pytest.mark.parametrize(("written", "meant", "suggestion"), GARBLED)
def test_a_garbled_name_is_told_as_garbled_with_the_country_it_was(
    written: str, meant: str, suggestion: str
) -> None:
    match = normalise_country(written)
    assert match.iso3 is None
    assert match.suggestion == suggestion
    assert match.why is not None and repr(meant) in match.why
    (_iso3, raw), issues = _country_value(written, "country")
    assert raw == written
    assert [issue.suggestion for issue in issues] == [suggestion]
    assert "garbled" in issues[0].message and "UTF-8" in issues[0].message


@pytest.mark.parametrize(
    ("written", "iso3"),
    [("Türkiye", "TUR"), ("Côte d'Ivoire", "CIV"), ("Åland Islands", "ALA"), ("Réunion", "REU")],
)
def test_names_written_right_are_read_as_ever(written: str, iso3: str) -> None:
    assert normalise_country(written).iso3 == iso3


@pytest.mark.parametrize("written", ["Ã", "Atlantis", "ÄŒ"])
def test_no_garbling_is_told_where_mending_finds_no_country(written: str) -> None:
    match = normalise_country(written)
    assert match.iso3 is None
    assert match.why is None or "garbled" not in match.why
