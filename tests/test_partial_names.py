"""A country or sector written as a part of a known name: whole words of it ("Saudi",
"Lanka", "Côte"; "rubber", "cobalt") got no "did you mean", where a misspelling did. Each
is suggested the names it is a part of, and never read as one of them; the names that
read whole ("Guinea") or are ambiguous ("Congo", "Korea") keep their reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.profiles import Profiles, load_profiles
from ddtool.reference.countries import normalise_country


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("Saudi", "Saudi Arabia (SAU)"),
        ("Arabia", "Saudi Arabia (SAU)"),
        ("Papua", "Papua New Guinea (PNG)"),
        ("Papua New", "Papua New Guinea (PNG)"),
        ("Lanka", "Sri Lanka (LKA)"),
        ("Ivory", "Côte d'Ivoire (CIV)"),
        ("Côte", "Côte d'Ivoire (CIV)"),
        # whole words of a name before a near miss of another
        ("Leone", "Sierra Leone (SLE)"),
        ("Sierra", "Sierra Leone (SLE)"),
        ("Faso", "Burkina Faso (BFA)"),
        ("Zealand", "New Zealand (NZL)"),
        ("Tobago", "Trinidad and Tobago (TTO)"),  # (a near miss was Togo)
        # several, those the part begins first, at most three
        (
            "Arab",
            "Egypt (EGY), Syria (SYR) or United Arab Emirates (ARE)",
        ),
        ("Virgin", "Virgin Islands, British (VGB) or Virgin Islands, U.S. (VIR)"),
        # words no country's own: none
        ("Republic", None),
        ("Democratic Republic", None),
        ("xyzzy", None),
    ],
)
def test_a_part_of_a_countrys_name_is_suggested_not_read(
    written: str, suggested: str | None
) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.unknown, match.suggestion) == (None, False, suggested)


@pytest.mark.parametrize(
    ("written", "iso3", "suggested"),
    [
        ("Guinea", "GIN", None),  # a country itself
        ("Sudan", "SDN", None),
        ("Congo", None, "Congo (Republic) (COG) or DR Congo (COD)"),
        ("Korea", None, "South Korea (KOR) or North Korea (PRK)"),
        ("Germny", None, "Germany (DEU)"),  # a misspelling, as before
        # a near miss that the word begins or is made from keeps its place
        ("United", None, "United Kingdom (GBR)"),
        ("Indian", None, "India (IND)"),
        ("French", None, "France (FRA)"),
    ],
)
def test_whole_and_ambiguous_names_keep_their_reading(
    written: str, iso3: str | None, suggested: str | None
) -> None:
    match = normalise_country(written)
    assert (match.iso3, match.suggestion) == (iso3, suggested)


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("rubber", ["rubber-plantations", "rubber-products"]),
        ("cobalt", ["artisanal-mining", "industrial-mining", "smelting-refining"]),
        ("copper", ["industrial-mining", "smelting-refining"]),
        ("palm", ["palm-oil-plantations", "palm-oil-milling", "palm-oil-refining"]),
        ("gloves", ["rubber-products"]),
        # a word of work alone, or of no material: none, as before
        ("grinding", []),
        # (but a word of textile work alone suggests the sectors of the goods sewn)
        ("sewing", ["garment-manufacturing", "footwear-manufacturing"]),
        ("products", []),
        ("natural", []),
        ("widget", []),
    ],
)
def test_a_part_of_a_sectors_name_is_suggested_not_read(
    profiles: Profiles, written: str, suggested: list[str]
) -> None:
    match = profiles.match_sector(written)
    assert match.id is None
    named = [
        part.split("'")[1] for part in (match.suggestion or "").split(" (")[:-1] if "'" in part
    ]
    assert named == suggested


@pytest.mark.parametrize(
    ("kind", "written", "message"),
    [
        ("country", "Saudi", "unknown country 'Saudi' (did you mean Saudi Arabia (SAU)?)"),
        ("country", "Lanka", "unknown country 'Lanka' (did you mean Sri Lanka (LKA)?)"),
        (
            "sector",
            "rubber",
            "unknown sector 'rubber' (did you mean 'rubber-plantations' (Natural rubber"
            " plantations) or 'rubber-products' (Rubber products (incl. gloves))?)",
        ),
    ],
)
def test_profiles_show_suggests_the_names(kind: str, written: str, message: str) -> None:
    result = CliRunner().invoke(app, ["profiles", "show", kind, written])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())


def test_validate_suggests_the_names(tmp_path: Path) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "suppliers:\n"
        "  - {id: R1, name: R, country: Saudi, sector: rubber}\n"
        "  - {id: R2, name: P, country: Papua, sector: cobalt}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(chain)])
    assert result.exit_code == 2
    [body] = json.loads(result.stdout)
    found = [(p["type"], p["location"]["line"], p["suggestion"]) for p in body["problems"]]
    assert found == [
        ("unknown-country", 2, "Saudi Arabia (SAU)"),
        (
            "unknown-sector",
            2,
            "'rubber-plantations' (Natural rubber plantations) or 'rubber-products' (Rubber"
            " products (incl. gloves))",
        ),
        ("unknown-country", 3, "Papua New Guinea (PNG)"),
        (
            "unknown-sector",
            3,
            "'artisanal-mining' (Artisanal and small-scale mining (ASM)), 'industrial-mining'"
            " (Industrial (large-scale) mining) or 'smelting-refining' (Smelting and refining)",
        ),
    ]
