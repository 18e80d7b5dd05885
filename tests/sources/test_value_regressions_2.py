"""Reviewed regressions in reading values, second round.

1. A certification whose expiry date had text after it was credited as current ("SA8000 valid
   until 2023-06-30 for 2 sites" → "valid (no expiry date given: taken as current)"): after an
   expiry word the longest run of first words that is a date is read, and the text after it
   is dropped (the name is what comes before the expiry word); text that begins as a date is
   written but whose date cannot be read ("Mid 2023", "Spring 2026", "2023 audit": a year
   alone is no date) is a located `bad-date` (exit 2), never taken as current.
2. A YAML mapping's `valid_until: "06/2026"` was a `bad-date`, while the cell text "SA8000
   valid until 06/2026" is 2026-06-30: the key is read as an expiry too.
3. Any word before "mill" or "farm" was read as a factory type ("Treadmill", "Windmill Lane",
   "Hamill" as tier 2, "Windfarm" as tier 4), and "Subassembly" as tier 1: only the compounds
   listed are read, and a sub-assembly is tier 2, as a (sub)component is.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from chain_support import assert_a_bad_date, read_cell, year_alone
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.sources import read_chain
from ddtool.sources.normalise import _certifications_value
from ddtool.sources.values import ValueProblem, leading_expiry, parse_tier


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


# --- 1. a date with text after it ------------------------------------------------------------

DATED: list[tuple[str, tuple[str, dt.date]]] = [
    # (the cell, the certification read: the name before the expiry word, the leading date)
    ("SA8000 valid until 2023-06-30 for 2 sites", ("SA8000", dt.date(2023, 6, 30))),
    ("SA8000 bis 30.06.2023 verlängert", ("SA8000", dt.date(2023, 6, 30))),
    ("RA valid until 30 June 2023 - renewal pending", ("RA", dt.date(2023, 6, 30))),
    ("RA valid until June 2026 approx", ("RA", dt.date(2026, 6, 30))),
    (
        "SA8000 abgelaufen am 31.12.2023 (Verlängerung beantragt)",
        ("SA8000", dt.date(2023, 12, 31)),
    ),
    ("RA valid until 2023-06-30 (extended)", ("RA", dt.date(2023, 6, 30))),
    ("Fairtrade bis Ende 2026 (2 Standorte)", ("Fairtrade", dt.date(2026, 12, 31))),
    ("Fairtrade expired 2023-12-31 see note", ("Fairtrade", dt.date(2023, 12, 31))),
]


@pytest.mark.parametrize(("cell", "read"), DATED)
def test_the_leading_date_after_an_expiry_word_is_read(
    tmp_path: Path, cell: str, read: tuple[str, dt.date]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["type", "message"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [read]


NAMES = [
    # text after an expiry word that does not begin as a date is written: part of the name
    "SA8000 valid for 3 sites",
    "SA8000 valid for 2026 season",
    "ISO 9001 valid 10 years",
    "SA8000 valid until further notice",
    "Fairtrade (2019 standard)",
    "GOTS (2026)",
]


@pytest.mark.parametrize("cell", NAMES)
def test_text_that_does_not_begin_as_a_date_stays_a_name(tmp_path: Path, cell: str) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["type", "message"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


UNREAD_AS = "valid until: expected a date such as 2025-03-14, got"
UNREAD: list[tuple[str, str]] = [
    # (the cell, the bad-date it gives: begins as a date is written, no date can be read)
    (
        "BSCI until 2023",
        f"certification 'BSCI' valid until: {year_alone('2023')}",
    ),
    ("RA valid until Mid 2023", f"certification 'RA' {UNREAD_AS} 'Mid 2023'"),
    ("RA valid until Spring 2026", f"certification 'RA' {UNREAD_AS} 'Spring 2026'"),
    ("RA valid until Mid-2023 renewal", f"certification 'RA' {UNREAD_AS} 'Mid-2023'"),
    ("RA (valid until Mid 2023)", f"certification 'RA' {UNREAD_AS} 'Mid 2023'"),
    ("SA8000 bis Herbst 2026 (geplant)", f"certification 'SA8000' {UNREAD_AS} 'Herbst 2026'"),
    (
        "RA valid until 31 Feb 2024 for 2 sites",
        "certification 'RA' valid until: '31 Feb 2024' does not exist: February 2024 has 29"
        " days, not 31",
    ),
    (
        "Fairtrade expired",
        "certification 'Fairtrade' expired: no date is given; write the expiry date, such as"
        " 2026-06-30",
    ),
]


@pytest.mark.parametrize(("cell", "message"), UNREAD)
def test_a_date_with_text_after_it_that_cannot_be_read_is_a_located_bad_date(
    tmp_path: Path, cell: str, message: str
) -> None:
    assert_a_bad_date(tmp_path, cell, message)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("2023-06-30", dt.date(2023, 6, 30)),
        ("2023-06-30 for 2 sites", dt.date(2023, 6, 30)),
        ("30 June 2023 - renewal pending", dt.date(2023, 6, 30)),
        ("June 2026 approx", dt.date(2026, 6, 30)),
        ("the end of June 2026 or later", dt.date(2026, 6, 30)),
        ("for 3 sites", None),
        ("further notice", None),
        ("10 years", None),
    ],
)
def test_leading_expiry(text: str, read: dt.date | None) -> None:
    assert leading_expiry(text) == read


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2023",
            year_alone("2023"),
        ),
        ("Mid 2023", "expected a date such as 2025-03-14, got 'Mid 2023'"),
        ("Spring 2026 approx", "expected a date such as 2025-03-14, got 'Spring 2026 approx'"),
        ("13/2026 maybe", "'13/2026' does not exist: there is no month 13"),
    ],
)
def test_leading_expiry_that_cannot_be_read(text: str, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        leading_expiry(text)
    assert str(caught.value) == message


CHAIN = """\
company: {name: Cert Co, country: Germany}
suppliers:
  - id: S1
    name: Spinner A
    country: India
    sector: yarn spinning
    certifications: [%s]
"""


def test_assess_counts_a_dated_certification_with_text_after_it_as_expired(
    tmp_path: Path,
) -> None:
    """The repro: was "valid (no expiry date given: taken as current)"."""
    path = tmp_path / "cert.yaml"
    path.write_text(CHAIN % '"SA8000 valid until 2023-06-30 for 2 sites"', "utf-8")
    out = tmp_path / "out.json"
    result = invoke("assess", str(path), "--as-of", "2026-01-01", "-q", "-o", str(out))
    assert result.exit_code == 0, result.output
    [s1] = [s for s in json.loads(out.read_text("utf-8"))["suppliers"] if s["id"] == "S1"]
    assert s1["certifications"] == ["certification 'SA8000' expired 2023-06-30"]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (
            '"BSCI until 2023"',
            f"certification 'BSCI' valid until: {year_alone('2023')}",
        ),
        (
            '"SA8000 valid until Mid 2023"',
            "certification 'SA8000' valid until: expected a date such as 2025-03-14, got"
            " 'Mid 2023'",
        ),
    ],
)
def test_assess_refuses_an_unread_date_after_an_expiry_word_with_exit_code_2(
    tmp_path: Path, item: str, message: str
) -> None:
    path = tmp_path / "cert.yaml"
    path.write_text(CHAIN % item, "utf-8")
    assert invoke("assess", str(path), "--as-of", "2026-01-01", "-q").exit_code == 2
    result = invoke("validate", "--format", "json", str(path))
    assert result.exit_code == 2
    [report] = json.loads(result.stdout)
    assert [(p["type"], p["location"]["line"], p["message"]) for p in report["problems"]] == [
        ("bad-date", 7, message)
    ]


# --- 2. a YAML mapping's valid_until as an expiry ---------------------------------------------

VALID_UNTIL: list[tuple[Any, dt.date]] = [
    ("06/2026", dt.date(2026, 6, 30)),
    ("2026-06", dt.date(2026, 6, 30)),
    ("June 2026", dt.date(2026, 6, 30)),
    ("Ende 2026", dt.date(2026, 12, 31)),
    ("2026-06-15", dt.date(2026, 6, 15)),
    ("15.06.2026", dt.date(2026, 6, 15)),
    (dt.date(2026, 6, 15), dt.date(2026, 6, 15)),
]


@pytest.mark.parametrize(("written", "read"), VALID_UNTIL)
def test_a_mappings_valid_until_is_read_as_an_expiry(written: Any, read: dt.date) -> None:
    """As the normaliser reads a mapping: as the cell text "SA8000 valid until 06/2026"."""
    certifications, issues = _certifications_value(
        [{"name": "SA8000", "valid_until": written}, "Fairtrade valid until 06/2026"]
    )
    assert issues == ()
    assert [(c.name, c.valid_until) for c in certifications] == [
        ("SA8000", read),
        ("Fairtrade", dt.date(2026, 6, 30)),
    ]


VALID_UNTIL_AS = "certification valid_until: expected a date such as 2025-03-14, got"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2026",
            f"certification valid_until: {year_alone('2026')}",
        ),
        ("13/2026", "certification valid_until: '13/2026' does not exist: there is no month 13"),
        ("Mid 2026", f"{VALID_UNTIL_AS} 'Mid 2026'"),
    ],
)
def test_a_mappings_valid_until_that_is_no_expiry_is_a_bad_date(written: str, message: str) -> None:
    certifications, issues = _certifications_value([{"name": "SA8000", "valid_until": written}])
    assert [(i.type, i.message) for i in issues] == [("bad-date", message)]
    assert [(c.name, c.valid_until) for c in certifications] == [("SA8000", None)]


def test_a_yaml_files_valid_until_of_a_month_and_year_is_read(tmp_path: Path) -> None:
    path = tmp_path / "vu.yaml"
    path.write_text(
        CHAIN % '{name: SA8000, valid_until: "06/2026"}, "Fairtrade valid until 06/2026"', "utf-8"
    )
    chain, problems = read_chain([path])
    assert problems.flatten(["type", "message"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [
        ("SA8000", dt.date(2026, 6, 30)),
        ("Fairtrade", dt.date(2026, 6, 30)),
    ]


# --- 3. tier words: the compounds listed, a sub-assembly at tier 2 ------------------------------

NOT_TIERS = ["Treadmill", "Hamill", "Windmill Lane", "Windmill", "Tiermill", "Windfarm"]


@pytest.mark.parametrize("written", NOT_TIERS)
def test_a_word_that_merely_ends_in_mill_or_farm_is_no_tier(written: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_tier(written)
    assert str(caught.value) == f"expected a tier such as 'Tier 2', got {written!r}"


TIERS: list[tuple[str, int]] = [
    ("Subassembly", 2),
    ("Subassemblies", 2),
    ("Sub-assembly", 2),
    ("Sub assembly", 2),
    ("Subcomponent", 2),
    ("Component", 2),
    ("Assembly", 1),
    ("Final assembly", 1),
    # kept as they were
    ("Trimmings", 2),
    ("Sawmill", 2),
    ("Subcomponents", 2),
    ("Farmland", 4),
    ("Mining", 4),
    # the compounds listed
    ("Ricemill", 2),
    ("Rice mill", 2),
    ("Oilmill", 2),
    ("Papermill", 2),
    ("Steelmill", 2),
    ("Textilemill", 2),
    ("Cottonmill", 2),
    ("Flourmill", 2),
    ("Sugarmill", 2),
    ("Spinningmill", 3),
    ("Farmhouse", 4),
    ("Kakaofarm", 4),
    ("Cocoafarm", 4),
    ("Fishfarm", 4),
    ("Shrimpfarms", 4),
]


@pytest.mark.parametrize(("written", "tier"), TIERS)
def test_tier_words_and_their_listed_compounds(written: str, tier: int) -> None:
    assert parse_tier(written) == tier


def test_a_word_ending_in_mill_is_a_located_bad_tier(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID;Supplier name;Buyer ID;Tier\n"
        "A1;Alpha;;Sawmill\n"
        "A2;Beta;A1;Treadmill\n"
        "A3;Gamma;A1;Windfarm\n"
        "A4;Delta;A1;Subassembly\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column", "message"]) == [
        ["bad-tier", 3, "Tier", "tier: expected a tier such as 'Tier 2', got 'Treadmill'"],
        ["bad-tier", 4, "Tier", "tier: expected a tier such as 'Tier 2', got 'Windfarm'"],
    ]
    assert [s.tier_declared for s in chain.suppliers] == [2, None, None, 2]
