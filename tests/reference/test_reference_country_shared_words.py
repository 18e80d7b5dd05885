"""A word many countries' names share is no guess of one of them: "Virgin Islands" is the
British or the US Virgin Islands (ambiguous, as "Congo" and "Korea" are), "Islands" alone is
the names of many, and "Hong" is part of Hong Kong's name, not a slip of Hungary's; the names
read whole stay read."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.reference.countries import normalise_country
from ddtool.sources import read_chain

VIRGIN = "Virgin Islands, British (VGB) or Virgin Islands, U.S. (VIR)"
ISLANDS = (
    "the names of 15 countries hold 'Islands' (the Cayman Islands, the Cocos (Keeling)"
    " Islands, the Cook Islands, …): write the whole name"
)


@pytest.mark.parametrize(
    ("written", "suggestion", "why"),
    [
        ("Virgin Islands", VIRGIN, None),
        ("virgin islands", VIRGIN, None),
        ("The Virgin Islands", VIRGIN, None),
        ("Virgin Is.", VIRGIN, None),
        ("Islands, Virgin", VIRGIN, None),
        ("Îles Vierges", VIRGIN, None),
        ("Islas Vírgenes", VIRGIN, None),
        ("Jungferninseln", VIRGIN, None),
        ("Virgin", VIRGIN, None),
        ("Hong", "Hong Kong (HKG)", None),
        ("Kong", "Hong Kong (HKG)", None),
        ("Islands", None, ISLANDS),
        ("Island of", None, ISLANDS),
        ("Republic", None, None),
        ("Leone", "Sierra Leone (SLE)", None),
        ("United", "United Kingdom (GBR)", None),
        ("Indian", "India (IND)", None),
        ("Congo", "Congo (Republic) (COG) or DR Congo (COD)", None),
        ("Korea", "South Korea (KOR) or North Korea (PRK)", None),
    ],
)
def test_a_shared_word_is_no_guess_of_one_country(
    written: str, suggestion: str | None, why: str | None
) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.unknown, match.suggestion, match.why) == (
        None,
        False,
        suggestion,
        why,
    )


@pytest.mark.parametrize(
    ("written", "iso3"),
    [
        ("British Virgin Islands", "VGB"),
        ("Virgin Islands, British", "VGB"),
        ("Virgin Islands (British)", "VGB"),
        ("Virgin Islands (U.S.)", "VIR"),
        ("Virgin Islands of the United States", "VIR"),
        ("Hong Kong", "HKG"),
        ("Hongkong", "HKG"),
        ("Island", "ISL"),  # (Iceland in German)
        ("Cayman Islands", "CYM"),
        ("Guinea", "GIN"),
        ("Samoa", "WSM"),
        ("Sudan", "SDN"),
        ("Macedonia", "MKD"),
        ("Niger", "NER"),
    ],
)
def test_the_names_read_whole_stay_read(written: str, iso3: str) -> None:
    assert normalise_country(written).iso3 == iso3


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "Virgin Islands",
            "ambiguous country 'Virgin Islands' (did you mean Virgin Islands, British (VGB) or"
            " Virgin Islands, U.S. (VIR)?)",
        ),
        ("Hong", "unknown country 'Hong' (did you mean Hong Kong (HKG)?)"),
        ("Islands", f"unknown country 'Islands': {ISLANDS}"),
    ],
)
def test_as_validate_tells_them(tmp_path: Path, cell: str, message: str) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f"id,name,country\nS1,Alpha,{cell}\n", "utf-8")
    _chain, problems = read_chain([path])
    [problem] = [p for p in problems.items if p.type == "unknown-country"]
    assert str(problem).split(": ", 1)[1].removesuffix(" [unknown-country]") == message
