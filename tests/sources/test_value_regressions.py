"""Reviewed regressions in reading values against 512ca51, with today's fixes kept.

7. Tier words in common forms were `bad-tier` errors ("Trimmings", "Sawmill",
   "Subcomponents", "Farmland"): each tier word is read with its endings (a doubled consonant,
   an e dropped, a y as "ies") and as a whole part of a compound, never inside another word
   ("Indirect", "Predetermined", "Examined later").
8. An expiry written as a month and a year ("valid until June 2026") was a `bad-date` error,
   and so was any text after an expiry word that held a digit ("SA8000 valid for 3 sites"): a
   month and its year, or the end of a year ("Ende 2026"), is read as its last day; text that
   is not written as a date is part of the name; only a date that cannot be read is an error.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from chain_support import assert_a_bad_date, year_alone
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.model import Chain
from ddtool.sources import read_chain
from ddtool.sources.values import (
    ValueProblem,
    looks_like_date,
    parse_date,
    parse_expiry,
    parse_tier,
)


def read_csv(tmp_path: Path, text: str) -> tuple[Chain, ProblemList]:
    path = tmp_path / "chain.csv"
    path.write_text(text, "utf-8")
    return read_chain([path])


def read_cell(tmp_path: Path, cell: str) -> tuple[Chain, ProblemList]:
    """A table of one supplier whose Certifications cell is `cell`."""
    return read_csv(tmp_path, f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n')


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


# --- 7. tier words with their endings and in compounds --------------------------------------

# every tier word with its likely endings and the compounds it is a whole part of
TIER_WORDS: list[tuple[str, int]] = [
    # raw material (extraction, processing)
    ("Raw material", 4),
    ("Raw materials", 4),
    ("Raw-material supplier", 4),
    ("Raw material extraction", 4),
    ("Raw material processing", 3),
    ("Raw materials processing", 3),
    # farm: the words listed before it (kakao, fish, …), and land, house, stead, yard, workers
    # after it
    ("Farm", 4),
    ("Farms", 4),
    ("Farmer", 4),
    ("Farmers", 4),
    ("Farming", 4),
    ("Cotton farm", 4),
    ("Farmland", 4),
    ("Farmlands", 4),
    ("Farmhouse", 4),
    ("Farmstead", 4),
    ("Farmworkers", 4),
    ("Kakaofarm", 4),
    ("Fishfarming", 4),
    # mine: its e dropped before -ing; gold, coal, … before it, workers, site, shaft after it
    ("Mine", 4),
    ("Mines", 4),
    ("Mined", 4),
    ("Miner", 4),
    ("Miners", 4),
    ("Mining", 4),
    ("Gold mining", 4),
    ("Goldmine", 4),
    ("Coalmines", 4),
    ("Mineworkers", 4),
    ("Minesite", 4),
    # spinning (before mill), yarn, ginning
    ("Spinning", 3),
    ("Spinning mill", 3),
    ("Spinning mills", 3),
    ("Spinningmill", 3),
    ("Ringspinning", 3),
    ("Yarn", 3),
    ("Yarns", 3),
    ("Yarn supplier", 3),
    ("Ginning", 4),
    ("Cotton ginning", 4),
    # material production, fabric, mill, component, trim
    ("Material production", 2),
    ("Fabric", 2),
    ("Fabrics", 2),
    ("Fabric mill", 2),
    ("Mill", 2),
    ("Mills", 2),
    ("Miller", 2),
    ("Milling", 2),
    ("Sawmill", 2),
    ("Sawmills", 2),
    ("Sawmilling", 2),
    ("Papermill", 2),
    ("Millworkers", 2),
    ("Component", 2),
    ("Components", 2),
    ("Subcomponent", 2),
    ("Subcomponents", 2),
    ("Sub-components", 2),
    ("Trim", 2),
    ("Trims", 2),
    ("Trimming", 2),
    ("Trimmings", 2),
    ("Trimmed", 2),
    ("Trimmer", 2),
    ("Trims and accessories", 2),
    # final, finished, assembly, cmt, direct
    ("Final", 1),
    ("Final assembly", 1),
    ("Finished goods", 1),
    ("Assembly", 1),
    ("Assemblies", 1),
    ("Subassembly", 2),  # (a component maker, as "component": test_value_regressions_2)
    ("Subassemblies", 2),
    ("CMT", 1),
    ("CMT factory", 1),
    ("Direct", 1),
    ("Direct supplier", 1),
    ("Directly contracted", 1),
    # the same in German, Spanish, Portuguese and French
    ("Direkt", 1),
    ("Proveedor directo", 1),
    ("Direto", 1),
    ("Fournisseur directe", 1),
]


@pytest.mark.parametrize(("written", "tier"), TIER_WORDS)
def test_each_tier_word_with_its_endings_and_compounds(written: str, tier: int) -> None:
    assert parse_tier(written) == tier


# words that only hold a tier word's letters: today's fixes (Predetermined, Examined later)
# and the others that start or end with them ("Indirect" is told apart: see below)
NOT_TIER_WORDS = [
    "Director",
    "Diretor",
    "Directorio",
    "Directory",
    "Predetermined",
    "Examined later",
    "Examining",
    "Undermined",
    "Famine",
    "Jasmine",
    "Minefield",
    "Minerals",
    "Beginning",
    "Million",
    "Millet",
    "Millennium",
    "Farmacia",
    "Pharmacy",
    "Fabrication",
    "Prefabricated",
    "Trimester",
    "Finalised",
    "Finally",
    "Unfinished",
    "Warehouse",
    "Subcontractor",
]


@pytest.mark.parametrize("written", NOT_TIER_WORDS)
def test_a_word_that_only_holds_a_tier_words_letters_is_no_tier(written: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_tier(written)
    assert str(caught.value) == f"expected a tier such as 'Tier 2', got {written!r}"


def test_a_vendor_lists_tier_words_are_read_without_errors(tmp_path: Path) -> None:
    """'Trimmings' and 'Sawmill' in a tier column were bad-tier errors (exit 2)."""
    path = tmp_path / "tiers.csv"
    path.write_text(
        "id,name,country,sector,buyers,tier\n"
        "G1,Alpha,BGD,garment manufacturing,,CMT\n"
        "T1,Trims Ltd,BGD,general manufacturing,G1,Trimmings\n"
        "S1,Saw Co,IND,timber,G1,Sawmill\n"
        "F1,Farm Co,IND,timber,S1,Farmland\n"
        "C1,Parts Co,IND,general manufacturing,G1,Subcomponents\n",
        "utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.flatten(["type"]) == []
    assert [(s.id, s.tier_declared) for s in chain.suppliers] == [
        ("G1", 1),
        ("T1", 2),
        ("S1", 2),
        ("F1", 4),
        ("C1", 2),
    ]
    result = invoke("validate", "--format", "json", str(path))
    assert result.exit_code == 0
    [report] = json.loads(result.stdout)
    assert [p["type"] for p in report["problems"]] == ["tier-mismatch"]  # (F1 is at tier 3)


def test_a_word_inside_another_is_still_a_located_error(tmp_path: Path) -> None:
    chain, problems = read_csv(
        tmp_path,
        "Supplier ID;Supplier name;Buyer ID;Tier\n"
        "A1;Alpha;;Sawmill\n"
        "A2;Beta;A1;Indirect\n"
        "A3;Gamma;A1;Predetermined\n"
        "A4;Delta;A1;Trimmings\n",
    )
    assert problems.flatten(["type", "row", "column", "message"]) == [
        [
            "bad-tier",
            3,
            "Tier",
            "tier: 'Indirect' says the supplier is indirect (tier 2 or below), not which tier:"
            " leave the tier blank (ddtool counts the tiers from the buyers column) or write"
            " its number",
        ],
        ["bad-tier", 4, "Tier", "tier: expected a tier such as 'Tier 2', got 'Predetermined'"],
    ]
    assert [s.tier_declared for s in chain.suppliers] == [2, None, None, 2]


# --- 8. an expiry as a month and a year, and text after an expiry word that is no date -----

EXPIRIES: list[tuple[str, dt.date]] = [
    # (an expiry as written, the day read: the last of the month or the year)
    ("June 2026", dt.date(2026, 6, 30)),
    ("Jun 2026", dt.date(2026, 6, 30)),
    ("Jun. 2026", dt.date(2026, 6, 30)),
    ("june, 2026", dt.date(2026, 6, 30)),
    ("Juni 2026", dt.date(2026, 6, 30)),
    ("juin 2026", dt.date(2026, 6, 30)),
    ("junio de 2026", dt.date(2026, 6, 30)),
    ("06/2026", dt.date(2026, 6, 30)),
    ("6.2026", dt.date(2026, 6, 30)),
    ("06-2026", dt.date(2026, 6, 30)),
    ("2026-06", dt.date(2026, 6, 30)),
    ("2026/06", dt.date(2026, 6, 30)),
    ("Feb 2024", dt.date(2024, 2, 29)),
    ("Feb 2025", dt.date(2025, 2, 28)),
    ("Dezember 2026", dt.date(2026, 12, 31)),
    ("Ende 2026", dt.date(2026, 12, 31)),
    ("end of 2026", dt.date(2026, 12, 31)),
    ("the end of 2026", dt.date(2026, 12, 31)),
    ("fin 2026", dt.date(2026, 12, 31)),
    ("finales de 2026", dt.date(2026, 12, 31)),
    ("Ende Juni 2026", dt.date(2026, 6, 30)),
    ("end of June 2026", dt.date(2026, 6, 30)),
    # a whole date as parse_date reads it
    ("2026-06-15", dt.date(2026, 6, 15)),
    ("15 June 2026", dt.date(2026, 6, 15)),
]


@pytest.mark.parametrize(("written", "date"), EXPIRIES)
def test_an_expiry_of_a_month_or_a_year_is_its_last_day(written: str, date: dt.date) -> None:
    assert parse_expiry(written) == date


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026", year_alone("2026")),  # (a year alone)
        ("0000", "expected a date such as 2025-03-14, got '0000'"),  # (no year to suggest)
        ("２０２６", year_alone("2026")),  # (other digits: read as the digits they are)
        ("Foo 2026", "expected a date such as 2025-03-14, got 'Foo 2026'"),
        ("13/2026", "'13/2026' does not exist: there is no month 13"),
        ("2026-00", "'2026-00' does not exist: there is no month 0"),
        ("June 0000", "'June 0000' does not exist: there is no year 0"),
        ("31 Feb 2024", "'31 Feb 2024' does not exist: February 2024 has 29 days, not 31"),
        ("2024-13-45", "'2024-13-45' does not exist: there is no month 13"),
    ],
)
def test_an_expiry_that_cannot_be_read_says_so(written: str, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_expiry(written)
    assert str(caught.value) == message


def test_other_dates_still_need_their_day() -> None:
    """A month and its year is an expiry's reading only: an audit date needs its day."""
    with pytest.raises(ValueProblem) as caught:
        parse_date("June 2026")
    assert str(caught.value) == "expected a date such as 2025-03-14, got 'June 2026'"


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("31 Feb 2024", True),
        ("2024-13-45", True),
        ("Jan 31", True),
        ("June", True),
        ("2026", True),
        ("Q3 2026", True),
        ("31.13.2026", True),
        ("31 Foo 2024", True),
        ("tomorrow", True),
        ("for 3 sites", False),
        ("3 years", False),
        ("10 years", False),
        ("3", False),
        ("cocoa", False),
        ("further notice", False),
        ("may be revoked", False),
    ],
)
def test_what_is_written_as_a_date(text: str, dated: bool) -> None:
    assert looks_like_date(text) is dated


CELLS: list[tuple[str, list[tuple[str, dt.date | None]]]] = [
    # (the cell as written, the certifications read: name and expiry date)
    ("Rainforest Alliance valid until June 2026", [("Rainforest Alliance", dt.date(2026, 6, 30))]),
    ("RA valid until 06/2026", [("RA", dt.date(2026, 6, 30))]),
    ("RA valid till 2026-06", [("RA", dt.date(2026, 6, 30))]),
    ("RA valid thru Feb 2024", [("RA", dt.date(2024, 2, 29))]),
    ("SA8000 gültig bis Juni 2026", [("SA8000", dt.date(2026, 6, 30))]),
    ("Bio Suisse bis Ende 2026", [("Bio Suisse", dt.date(2026, 12, 31))]),
    ("Fairtrade valid until end of 2026", [("Fairtrade", dt.date(2026, 12, 31))]),
    ("Fairtrade expires June 2026", [("Fairtrade", dt.date(2026, 6, 30))]),
    ("Fairtrade expired Dec 2023", [("Fairtrade", dt.date(2023, 12, 31))]),
    ("SA8000 abgelaufen Dezember 2023", [("SA8000", dt.date(2023, 12, 31))]),
    ("RA (June 2026)", [("RA", dt.date(2026, 6, 30))]),
    ("RA (valid until 06/2026)", [("RA", dt.date(2026, 6, 30))]),
    ("Fairtrade (válido hasta junio de 2026)", [("Fairtrade", dt.date(2026, 6, 30))]),
    (
        "RA valid until June 2026; Fairtrade",
        [("RA", dt.date(2026, 6, 30)), ("Fairtrade", None)],
    ),
    # text after an expiry word that is not written as a date: part of the name
    ("SA8000 valid for 3 sites", [("SA8000 valid for 3 sites", None)]),
    ("SA8000 valid for 2026 season", [("SA8000 valid for 2026 season", None)]),
    ("ISO 9001 valid 10 years", [("ISO 9001 valid 10 years", None)]),
    ("SA8000 valid until further notice", [("SA8000 valid until further notice", None)]),
    ("SA8000 (valid for 3 sites)", [("SA8000 (valid for 3 sites)", None)]),
    # ... and a date after a later expiry word is read
    (
        "Fairtrade valid for 3 sites until June 2026",
        [("Fairtrade valid for 3 sites", dt.date(2026, 6, 30))],
    ),
    # a year alone in parentheses is still no date
    ("GOTS (2026)", [("GOTS (2026)", None)]),
]


@pytest.mark.parametrize(("cell", "read"), CELLS)
def test_a_month_and_year_is_read_and_a_name_stays_a_name(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]]
) -> None:
    chain, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["type", "message"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read


BAD_DATES: list[tuple[str, str]] = [
    # (the cell, the bad-date it gives: written as a date that cannot be read)
    (
        "SA8000 valid until 31 Feb 2024",
        "certification 'SA8000' valid until: '31 Feb 2024' does not exist: February 2024 has"
        " 29 days, not 31",
    ),
    (
        "RA valid until 2024-13-45",
        "certification 'RA' valid until: '2024-13-45' does not exist: there is no month 13",
    ),
    (
        "RA valid until 13/2026",
        "certification 'RA' valid until: '13/2026' does not exist: there is no month 13",
    ),
    (
        "RA bis 2026",
        f"certification 'RA' valid until: {year_alone('2026')}",
    ),
    (
        "RA valid until Q3 2026",
        "certification 'RA' valid until: expected a date such as 2025-03-14, got 'Q3 2026'",
    ),
    (
        "RA valid until June",
        "certification 'RA' valid until: expected a date such as 2025-03-14, got 'June'",
    ),
    (
        "RA (valid until 31 Feb 2024)",
        "certification 'RA' valid until: '31 Feb 2024' does not exist: February 2024 has 29"
        " days, not 31",
    ),
    # said to have expired: never taken as current, whatever follows
    (
        "Fairtrade expired last year",
        "certification 'Fairtrade' expired: 'last year' is no date; write the expiry date, such"
        " as 2026-06-30",
    ),
]


@pytest.mark.parametrize(("cell", "message"), BAD_DATES)
def test_only_a_date_that_cannot_be_read_is_a_bad_date(
    tmp_path: Path, cell: str, message: str
) -> None:
    assert_a_bad_date(tmp_path, cell, message)


CERT_YAML = """\
company: {name: Test Co, country: Germany}
suppliers:
  - id: S1
    name: One
    country: GHA
    sector: cocoa-trading
    certifications: ["SA8000 valid for 3 sites", "Rainforest Alliance valid until June 2026"]
  - id: S2
    name: Two
    country: GHA
    sector: cocoa-trading
    certifications:
      - Fairtrade till 2026-06-30
      - Bio Suisse bis Ende 2026
      - SA8000 bis Ende 2026
"""


def test_certifications_valid_to_the_end_of_a_year_are_valid(tmp_path: Path) -> None:
    """A chain with "Bio Suisse bis Ende 2026": was exit 2."""
    path = tmp_path / "cert.yaml"
    path.write_text(CERT_YAML, "utf-8")
    chain, problems = read_chain([path])
    assert problems.flatten(["type"]) == []
    assert [[(c.name, c.valid_until) for c in s.certifications] for s in chain.suppliers] == [
        [("SA8000 valid for 3 sites", None), ("Rainforest Alliance", dt.date(2026, 6, 30))],
        [
            ("Fairtrade", dt.date(2026, 6, 30)),
            ("Bio Suisse", dt.date(2026, 12, 31)),
            ("SA8000", dt.date(2026, 12, 31)),
        ],
    ]
    result = invoke("validate", "--format", "json", str(path))
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["problems"] == []


@pytest.mark.parametrize(
    ("as_of", "rainforest"),
    [
        ("2026-06-30", "certification 'Rainforest Alliance' valid until 2026-06-30"),
        ("2026-07-01", "certification 'Rainforest Alliance' expired 2026-06-30"),
    ],
)
def test_assess_credits_a_month_and_year_through_its_last_day(
    tmp_path: Path, as_of: str, rainforest: str
) -> None:
    path = tmp_path / "cert.yaml"
    path.write_text(CERT_YAML, "utf-8")
    out = tmp_path / "out.json"
    result = invoke("assess", str(path), "--as-of", as_of, "-q", "-o", str(out))
    assert result.exit_code == 0
    suppliers = {  # (inferred suppliers hold none)
        s["id"]: s.get("certifications") for s in json.loads(out.read_text("utf-8"))["suppliers"]
    }
    assert suppliers["S1"] == [
        rainforest,
        "certification 'SA8000 valid for 3 sites' valid (no expiry date given: taken as current)",
    ]
    # ("Ende 2026": through the year's last day)
    assert "certification 'SA8000' valid until 2026-12-31" in suppliers["S2"]


def test_assess_refuses_a_date_that_cannot_be_read_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n"
        "  - id: S1\n"
        "    country: GHA\n"
        "    certifications: [SA8000 valid until 31 Feb 2024]\n",
        "utf-8",
    )
    result = invoke("assess", str(path), "--as-of", "2026-01-01", "-q")
    assert result.exit_code == 2
    result = invoke("validate", "--format", "json", str(path))
    assert result.exit_code == 2
    assert [(p["type"], p["message"]) for p in json.loads(result.stdout)[0]["problems"]] == [
        (
            "bad-date",
            "certification 'SA8000' valid until: '31 Feb 2024' does not exist: February 2024"
            " has 29 days, not 31",
        )
    ]


@pytest.mark.parametrize("written", ["Indirect", "Indireto", "Fornecedor indireto", "Indirekt"])
def test_an_indirect_suppliers_word_says_it_names_no_tier(written: str) -> None:
    """A Brazilian register's "Direto" / "Indireto" tier column: the direct ones tier 1, an
    indirect one said to be below tier 1 but of no tier, with what to write."""
    with pytest.raises(ValueProblem) as caught:
        parse_tier(written)
    assert "says the supplier is indirect (tier 2 or below), not which tier" in str(caught.value)
