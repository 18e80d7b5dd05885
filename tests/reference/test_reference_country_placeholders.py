"""Placeholders written with their letters apart ("n.a.", "N/A.", "S/D", "k.A."): a data gap,
never the country whose code the letters are ("n.a." was Namibia, "S/D" Sudan); the
abbreviations of countries' names so written ("U.S.", "S.A.") still read."""

from __future__ import annotations

import pytest

from ddtool.reference.countries import normalise_country
from ddtool.sources.values import is_placeholder

# as written, and the country whose code its letters are (None: no code, or written with a
# slash or a sign, as only a placeholder is)
PLACEHOLDERS: list[tuple[str, str | None]] = [
    ("n.a.", "NAM"),
    ("N.A.", "NAM"),
    ("N.A", "NAM"),
    ("n.a", "NAM"),
    ("n. a.", "NAM"),
    ("N-A", "NAM"),
    ("N A", "NAM"),
    ("NA.", "NAM"),
    ("N/A.", None),
    ("#N/A", None),
    ("n/a", None),
    ("s.d.", "SDN"),
    ("S.D.", "SDN"),
    ("S D", "SDN"),
    ("S/D", None),
    ("s/d", None),
    ("s/n", None),
    ("S/N", None),
    ("n.d.", None),
    ("N/D", None),
    ("k.A.", None),
    ("k. A.", None),
    ("o.A.", None),
    ("n.r.", "NRU"),
    ("N.P.", "NPL"),
    ("n.e.", "NER"),
    ("s.o.", "SOM"),
    ("n.v.t.", None),
    ("T.B.D.", None),
]


@pytest.mark.parametrize(("written", "code"), PLACEHOLDERS)
def test_a_placeholder_with_its_letters_apart_is_a_data_gap(written: str, code: str | None) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.unknown, match.suggestion, match.why) == (None, True, None, None)
    assert match.not_read_as == code


@pytest.mark.parametrize(("written", "code"), [("NA", "NAM"), ("na", "NAM"), ("nd", None)])
def test_the_bare_placeholders_keep_their_reading(written: str, code: str | None) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.unknown, match.not_read_as) == (None, True, code)


@pytest.mark.parametrize(
    ("written", "iso3"),
    [
        ("SD", "SDN"),  # (two capital letters: Sudan's code, as before)
        ("sd", "SDN"),
        ("SN", "SEN"),
        ("U.S.", "USA"),
        ("U.S.A.", "USA"),
        ("u.s", "USA"),
        ("U S", "USA"),
        ("U.K.", "GBR"),
        ("S.A.", "SAU"),
        ("S. A.", "SAU"),
        ("K.S.A.", "SAU"),
        ("N.Z.", "NZL"),
        ("D.R.C.", "COD"),
        ("P.R.C.", "CHN"),
        ("Namibia", "NAM"),
        ("NAM", "NAM"),
        ("Sudan", "SDN"),
    ],
)
def test_countries_written_with_letters_apart_still_read(written: str, iso3: str) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.unknown, match.not_read_as) == (iso3, False, None)


@pytest.mark.parametrize(
    ("written", "placeholder"),
    [
        *((written, True) for written, _ in PLACEHOLDERS),
        ("cocoa farming", False),
        ("U.S.", False),
        ("S.A.", False),
        ("N.Z.", False),
    ],
)
def test_a_sector_or_a_tier_reads_the_same_placeholders(written: str, placeholder: bool) -> None:
    assert is_placeholder(written) is placeholder
