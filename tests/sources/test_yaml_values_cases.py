"""Reviewed input-reading defects: certifications' expiry dates written in words, YAML ids
kept as written, nested parents' ids read as ids, a duplicate key that no longer hides the
file's other problems, tier words matched whole, free text in one Unicode form (NFC), and
smaller ones (a company named by a number, a key that is a list, duplicate ids in order)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.model import Chain
from ddtool.sources import read_chain
from ddtool.sources.normalise import _nfc
from ddtool.sources.values import ValueProblem, parse_date, parse_tier, split_list


def read_yaml(tmp_path: Path, text: str) -> tuple[Chain, ProblemList]:
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    return read_chain([path])


def read_csv(tmp_path: Path, text: str) -> tuple[Chain, ProblemList]:
    path = tmp_path / "chain.csv"
    path.write_text(text, "utf-8")
    return read_chain([path])


def validate(path: Path) -> tuple[int, list[dict[str, Any]]]:
    """`ddtool validate --format json`: the exit code and the problems."""
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert "internal error" not in result.output and "Traceback" not in result.output
    [chain] = json.loads(result.stdout)
    return result.exit_code, chain["problems"]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# --- 2. a certification's expiry date written in words ----------------------------------------

DATES: list[tuple[str, dt.date]] = [
    ("31 Jan 2024", dt.date(2024, 1, 31)),
    ("31 January 2024", dt.date(2024, 1, 31)),
    ("31. Januar 2024", dt.date(2024, 1, 31)),
    ("3. März 2024", dt.date(2024, 3, 3)),
    ("3. Maerz 2024", dt.date(2024, 3, 3)),
    ("31-Jan-2024", dt.date(2024, 1, 31)),
    ("31 OCT 2024", dt.date(2024, 10, 31)),  # (a T that is no time part)
    ("Jan 31, 2024", dt.date(2024, 1, 31)),
    ("January 31st 2024", dt.date(2024, 1, 31)),
    ("1er mars 2024", dt.date(2024, 3, 1)),
    ("2 août 2024", dt.date(2024, 8, 2)),
    ("31 de enero de 2024", dt.date(2024, 1, 31)),
    ("2024-01-31", dt.date(2024, 1, 31)),
    ("31.01.2024", dt.date(2024, 1, 31)),
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_a_date_with_its_months_name_is_read(text: str, date: dt.date) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Jan 2024", "expected a date such as 2025-03-14, got 'Jan 2024'"),
        ("31 Foo 2024", "expected a date such as 2025-03-14, got '31 Foo 2024'"),
        ("31 Feb 2024", "'31 Feb 2024' does not exist: February 2024 has 29 days, not 31"),
        (
            "03/14/2025",
            "'03/14/2025' does not exist: there is no month 14: dates are read day first; if it"
            " is March 14, write 2025-03-14",
        ),
    ],
)
def test_a_date_that_cannot_be_read_says_so(text: str, message: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_date(text)
    assert str(caught.value) == message


CERTIFICATION_CELLS: list[tuple[str, list[tuple[str, dt.date | None]]]] = [
    # (the cell as written, the certifications read: name and expiry date)
    ("SA8000 valid until 31 Jan 2024", [("SA8000", dt.date(2024, 1, 31))]),
    ("SA8000 gültig bis 31. Januar 2024", [("SA8000", dt.date(2024, 1, 31))]),
    ("SA8000 gültig bis zum 31.01.2024", [("SA8000", dt.date(2024, 1, 31))]),
    ("Fairtrade expired 2023-12-31", [("Fairtrade", dt.date(2023, 12, 31))]),
    ("Fairtrade expired on 31 Dec 2023", [("Fairtrade", dt.date(2023, 12, 31))]),
    ("SA8000 abgelaufen am 31.12.2023", [("SA8000", dt.date(2023, 12, 31))]),
    ("SA8000 (valid until Jan 31, 2024)", [("SA8000", dt.date(2024, 1, 31))]),
    ("SA8000 (valid until 31 Jan 2024)", [("SA8000", dt.date(2024, 1, 31))]),
    (
        "SA8000 valid until Jan 31, 2024; Fairtrade",
        [("SA8000", dt.date(2024, 1, 31)), ("Fairtrade", None)],
    ),
    (
        "SA8000 (valid until Jan 31, 2024), Fairtrade",
        [("SA8000", dt.date(2024, 1, 31)), ("Fairtrade", None)],
    ),
    ("Fairtrade (válido hasta 30 de junio de 2026)", [("Fairtrade", dt.date(2026, 6, 30))]),
    # a word that only starts like one ("Bis…") is no expiry word; nor a name's words
    ("Organic (Bisphenol free)", [("Organic (Bisphenol free)", None)]),
    ("SA8000 valid for cocoa", [("SA8000 valid for cocoa", None)]),
    ("Fairtrade, 2024", [("Fairtrade", None), ("2024", None)]),
    ("Fairtrade 12, 2024", [("Fairtrade 12", None), ("2024", None)]),  # (no month's name)
]


@pytest.mark.parametrize(("cell", "read"), CERTIFICATION_CELLS)
def test_a_cells_expiry_date_is_read_in_words_too(
    tmp_path: Path, cell: str, read: list[tuple[str, dt.date | None]]
) -> None:
    chain, problems = read_csv(
        tmp_path, f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n'
    )
    assert problems.flatten(["type"]) == []
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == read


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "SA8000 valid until 31 Foo 2024",
            "certification 'SA8000' valid until: expected a date such as 2025-03-14, got"
            " '31 Foo 2024'",
        ),
        (
            "RA valid until Jan 31",
            "certification 'RA' valid until: expected a date such as 2025-03-14, got 'Jan 31'",
        ),
        (
            "Fairtrade expired",
            "certification 'Fairtrade' expired: no date is given; write the expiry date, such"
            " as 2026-06-30",
        ),
        (
            "Fairtrade (abgelaufen)",
            "certification 'Fairtrade' abgelaufen: no date is given; write the expiry date,"
            " such as 2026-06-30",
        ),
    ],
)
def test_an_expiry_word_without_a_date_that_can_be_read_is_a_located_error(
    tmp_path: Path, cell: str, message: str
) -> None:
    chain, problems = read_csv(
        tmp_path, f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n'
    )
    assert problems.flatten(["severity", "type", "row", "column", "message"]) == [
        ["error", "bad-date", 2, "Certifications", message]
    ]
    # never credited as current: no date is taken from it
    assert [c.valid_until for c in chain.suppliers[0].certifications] == [None]


def test_expired_certifications_are_not_credited_as_current(tmp_path: Path) -> None:
    """Certificates written with their expiry in words, each expired before the as-of date."""
    path = tmp_path / "cert2.csv"
    path.write_text(
        "Supplier ID;Supplier name;Country;Sector;Certifications\n"
        "A1;Alpha;Ghana;cocoa farming;SA8000 valid until 31 Jan 2024\n"
        "A2;Beta;Ghana;cocoa farming;SA8000 gültig bis 31. Januar 2024\n"
        "A3;Gamma;Ghana;cocoa farming;Fairtrade expired 2023-12-31\n"
        "A4;Delta;Ghana;cocoa farming;SA8000 (valid until Jan 31, 2024)\n",
        "utf-8",
    )
    result = assess([path], AssessOptions(as_of=dt.date(2025, 6, 1)))
    notes = {
        supplier_id: sorted(
            {
                reason
                for by_type in risk.by_type.values()
                for reason, _ in by_type.adjustments
                if "certification" in reason
            }
        )
        for supplier_id, risk in result.risks.items()
    }
    assert notes == {
        "A1": ["certification 'SA8000' expired 2024-01-31"],
        "A2": ["certification 'SA8000' expired 2024-01-31"],
        "A3": ["certification 'Fairtrade' expired 2023-12-31"],
        "A4": ["certification 'SA8000' expired 2024-01-31"],
    }


def test_yaml_certifications_with_dates_in_words(tmp_path: Path) -> None:
    # in [...] YAML ends an item at each comma: "Jan 31" and 2024 are one date again
    chain, problems = read_yaml(
        tmp_path,
        "suppliers:\n"
        "  - id: A\n"
        "    certifications: [SA8000 valid until Jan 31, 2024, Fairtrade]\n"
        "  - id: B\n"
        "    certifications:\n"
        "      - {name: SA8000, valid_until: 31 Jan 2024}\n"
        "      - Fairtrade (expired 2023-12-31)\n",
    )
    assert problems.flatten(["type"]) == []
    assert [
        [(c.name, c.valid_until) for c in supplier.certifications] for supplier in chain.suppliers
    ] == [
        [("SA8000", dt.date(2024, 1, 31)), ("Fairtrade", None)],
        [("SA8000", dt.date(2024, 1, 31)), ("Fairtrade", dt.date(2023, 12, 31))],
    ]


SPLIT: list[tuple[str, list[str]]] = [
    ("a, b; c", ["a", "b", "c"]),
    ("SA8000 (valid until Jan 31, 2024), RA", ["SA8000 (valid until Jan 31, 2024)", "RA"]),
    ("x|y (1;2)|z", ["x", "y (1;2)", "z"]),
    ("A (x (y, z)), B", ["A (x (y, z))", "B"]),
    ("A (x, B", ["A (x", "B"]),  # a "(" never closed splits as any other character
    ("A, B)", ["A", "B)"]),
]


@pytest.mark.parametrize(("cell", "items"), SPLIT)
def test_a_list_is_not_split_inside_parentheses(cell: str, items: list[str]) -> None:
    assert split_list(cell) == items


# --- 3. YAML ids as written ---------------------------------------------------------------

IDS: list[tuple[str, str]] = [
    # (the id as written in YAML, the id read)
    ("4711_01", "4711_01"),
    ("10.20", "10.20"),
    ("1e3", "1e3"),
    ("+12", "+12"),
    ("true", "true"),
    ("2025-03-14 10:00", "2025-03-14 10:00"),
    ("1001.0", "1001"),  # a spreadsheet's whole number, as the docs promise
    ("1001.00", "1001"),
    ("0012", "0012"),
    ("'10.20'", "10.20"),
]


@pytest.mark.parametrize(("written", "read"), IDS)
def test_a_yaml_id_is_kept_as_written(tmp_path: Path, written: str, read: str) -> None:
    chain, problems = read_yaml(
        tmp_path,
        "company: {name: Acme}\n"
        "suppliers:\n"
        f"  - id: {written}\n"
        "    name: Alpha\n"
        f"  - {{id: F1, buyers: [{written}]}}\n"
        f"  - {{id: F2, buyers: {written}}}\n"
        f"  - id: [{written}]\n"
        "    name: Beta\n",
    )
    assert [(s.id, s.buyers) for s in chain.suppliers[:3]] == [
        (read, []),
        ("F1", [read]),
        ("F2", [read]),
    ]
    assert chain.suppliers[3].id == read
    assert problems.flatten(["type"]) == []


def test_grouped_and_dotted_ids_are_distinct_suppliers(tmp_path: Path) -> None:
    """10.20 nested and 10.2 flat were one id, a duplicate."""
    path = tmp_path / "y2.yaml"
    path.write_text(
        "company: {name: Acme, country: DE, id: 0_1}\n"
        "suppliers:\n"
        "  - id: 4711_01\n"
        "    name: Alpha\n"
        "    country: Ghana\n"
        "    suppliers:\n"
        "      - {id: 10.20, name: Beta, country: Ghana}\n"
        "  - id: 10.2\n"
        "    name: Gamma\n"
        "    country: Ghana\n"
        "    buyers: [4711_01, 10.20, 0_1]\n"
        "    workers: 1_200\n",
        "utf-8",
    )
    assert validate(path) == (0, [])
    chain, _ = read_chain([path])
    assert chain.company.id == "0_1"
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        ("4711_01", []),
        ("10.20", ["4711_01"]),
        ("10.2", ["4711_01", "10.20", "0_1"]),
    ]
    assert chain.suppliers[2].workers == 1200  # a number field still reads YAML's number


def test_a_huge_number_as_a_name_is_still_refused_as_a_number(tmp_path: Path) -> None:
    _, problems = read_yaml(tmp_path, "suppliers:\n  - id: A\n    name: " + "1" * 200 + "\n")
    assert problems.flatten(["type", "line", "message"]) == [
        ["yaml-syntax", 3, "invalid YAML: a number of 200 digits (at most 100 are read)"]
    ]


# --- 5. a nested parent's id read as ids are ----------------------------------------------

PARENT_IDS: list[tuple[str, str]] = [
    # (the parent's id as written in YAML, the id read)
    ('"P4 "', "P4"),
    ('"P2\\u200b"', "P2"),  # a zero-width space
    (f'"{nfd("Café-1")}"', "Café-1"),  # a decomposed accent
    ("1001.0", "1001"),
    ('" 10.20 "', "10.20"),
]


@pytest.mark.parametrize(("written", "read"), PARENT_IDS)
def test_a_nested_supplier_links_to_its_parent_by_the_id_read(
    tmp_path: Path, written: str, read: str
) -> None:
    path = tmp_path / "nest.yaml"
    path.write_text(
        "company: {name: Acme, country: DE}\n"
        "suppliers:\n"
        f"  - id: {written}\n"
        "    name: Alpha\n"
        "    country: Ghana\n"
        "    suppliers:\n"
        "      - {id: F1, name: Farm one, country: Ghana}\n"
        "      - {id: F2, name: Farm two, country: Ghana, buyers: [F1]}\n",
        "utf-8",
    )
    assert validate(path) == (0, [])
    chain, _ = read_chain([path])
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        (read, []),
        ("F1", [read]),
        ("F2", [read, "F1"]),
    ]


# --- 7. a key written twice: the rest of the file is still checked --------------------------


def test_a_duplicate_key_and_every_other_problem_are_reported_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        "company: {name: Acme, country: DE}\n"
        "suppliers:\n"
        "  - id: P1\n"
        "    name: Alpha\n"
        "    country: Ghana\n"
        "    country: Ghana\n"
        "  - id: P2\n"
        "    name: Beta\n"
        "    country: Ivry Coast\n"
        "    workers: lots\n"
        "    buyers: [P11]\n",
        "utf-8",
    )
    code, problems = validate(path)
    assert code == 2
    assert [
        (p["severity"], p["type"], p["location"]["line"], p["location"]["column"], p["message"])
        for p in problems
    ] == [
        (
            "error",
            "duplicate-key",
            6,
            None,
            "key 'country' appears twice at the same level (also at line 5): only the last"
            " would be read; remove or rename one",
        ),
        ("error", "unknown-country", 9, "country", "unknown country 'Ivry Coast'"),
        ("error", "bad-number", 10, "workers", "workers: expected a number, got 'lots'"),
        (
            "error",
            "unknown-buyer",
            11,  # (the line of its buyers key)
            "buyers",
            "supplier 'P2' names buyer 'P11', which is not in the chain",
        ),
    ]


# --- 10. tier words whole, placeholders no tier ---------------------------------------------

TIERS: list[tuple[str, int | None]] = [
    ("Tier 2", 2),
    ("T2", 2),
    ("Fabric mill", 2),
    ("Spinning mill", 3),
    ("Cotton farm", 4),
    ("Cotton farms", 4),
    ("Cotton farming", 4),
    ("Mining", 4),  # (mine drops its e before -ing: test_value_regressions.py)
    ("Raw materials", 4),
    ("Direct", 1),
    ("Final assembly", 1),
    ("n/a", None),
    ("N/A", None),
    ("na", None),
    ("-", None),
    ("–", None),
    ("none", None),
    ("unknown", None),
    ("tbd", None),
    ("Undetermined", None),
    ("not determined", None),
    ("?", None),
    ("", None),
]


@pytest.mark.parametrize(("written", "tier"), TIERS)
def test_a_tier_as_written(written: str, tier: int | None) -> None:
    assert parse_tier(written) == tier


@pytest.mark.parametrize("written", ["Examined later", "Predetermined"])
def test_a_tier_word_inside_another_word_is_none(written: str) -> None:
    with pytest.raises(ValueProblem) as caught:
        parse_tier(written)
    assert str(caught.value) == f"expected a tier such as 'Tier 2', got {written!r}"


def test_tier_placeholders_declare_no_tier_and_words_inside_words_are_refused(
    tmp_path: Path,
) -> None:
    """No tier from 'Indirect', no error for n/a or 'Undetermined'."""
    chain, problems = read_csv(
        tmp_path,
        "Supplier ID;Supplier name;Country;Buyer ID;Tier\n"
        "A1;Alpha;Ghana;;n/a\n"
        "A2;Beta;Ghana;A1;Indirect\n"
        "A3;Gamma;Ghana;A2;Undetermined\n"
        "A4;Delta;Ghana;A3;-\n"
        "A5;Eps;Ghana;A4;Examined later\n"
        "A6;Zeta;Ghana;A5;–\n",
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
        ["bad-tier", 6, "Tier", "tier: expected a tier such as 'Tier 2', got 'Examined later'"],
    ]
    assert [s.tier_declared for s in chain.suppliers] == [None] * 6


# --- NFC: free text in one Unicode form -------------------------------------------------------


def test_free_text_in_a_table_is_read_in_nfc(tmp_path: Path) -> None:
    rows = [
        f"S{i};{nfd('Société Générale')};{nfd('Côte d’Ivoire')};{nfd('Région Sud')};"
        f"{nfd('cacao séché')};{nfd('Bio Suisse gültig bis 31. März 2026')};{nfd('über')}"
        for i in (1, 2)
    ]
    chain, problems = read_csv(
        tmp_path,
        "Supplier ID;Supplier name;Country;Region;Products;Certifications;Note\n"
        + "\n".join(rows)
        + "\nS3;Société Générale;Côte d’Ivoire;Région Sud;cacao séché;Fairtrade;über\n",
    )
    assert problems.flatten(["type"]) == []
    read = [
        (
            s.name,
            s.country_raw,
            s.region,
            s.products,
            [(c.name, c.valid_until) for c in s.certifications],
            s.attributes,
        )
        for s in chain.suppliers
    ]
    certified = [("Bio Suisse", dt.date(2026, 3, 31))]
    expected = ("Société Générale", "Côte d’Ivoire", "Région Sud", ["cacao séché"])
    assert read == [
        (*expected, certified, {"Note": "über"}),
        (*expected, certified, {"Note": "über"}),
        (*expected, [("Fairtrade", None)], {"Note": "über"}),
    ]


def test_free_text_in_yaml_is_read_in_nfc(tmp_path: Path) -> None:
    chain, problems = read_yaml(
        tmp_path,
        f"company: {{name: {nfd('Müller GmbH')}}}\n"
        "suppliers:\n"
        f"  - id: A\n"
        f"    name: {nfd('Société Générale')}\n"
        f"    region: {nfd('Région Sud')}\n"
        f"    products: [{nfd('cacao séché')}]\n"
        f"    certifications: [{nfd('Fairtrade Café')}]\n"
        f"    audits: [{{standard: {nfd('Contrôle social')}, date: 2025-01-02, result: pass}}]\n"
        f"    note: {nfd('über')}\n",
    )
    assert problems.flatten(["type"]) == []
    [s] = chain.suppliers
    assert (chain.company.name, s.name, s.region, s.products, s.attributes) == (
        "Müller GmbH",
        "Société Générale",
        "Région Sud",
        ["cacao séché"],
        {"note": "über"},
    )
    assert [c.name for c in s.certifications] == ["Fairtrade Café"]
    assert [a.standard for a in s.audits] == ["Contrôle social"]


def test_a_column_in_nfc_already_is_not_copied() -> None:
    """The usual case costs one check of the column's text, not one per value."""
    column = ["Société", None, "Farm", 1.5]
    assert _nfc(column) is column
    assert _nfc([nfd("Société"), None, 1.5, nfd("Société")]) == ["Société", None, 1.5, "Société"]


# --- smaller ones ---------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "name"), [("1024", "1024"), ("10.20", "10.20"), ("3M", "3M")])
def test_a_company_named_by_a_number_is_that_name(tmp_path: Path, written: str, name: str) -> None:
    chain, problems = read_yaml(
        tmp_path, f"company: {written}\nsuppliers:\n  - {{id: A, name: Alpha}}\n"
    )
    assert problems.flatten(["type"]) == []
    assert chain.company.name == name


def test_a_key_that_is_a_list_is_located_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "key.yaml"
    path.write_text(
        "company: {name: Acme}\n"
        "suppliers:\n"
        "  - id: P1\n"
        "    name: Alpha\n"
        "    ? [a, b]\n"
        "    : c\n"
        "  - {id: P2, country: Ivry Coast, {x: 1}: y}\n",
        "utf-8",
    )
    code, problems = validate(path)
    assert code == 2
    assert [
        (p["type"], p["location"]["line"], p["location"]["column"], p["message"]) for p in problems
    ] == [
        (
            "bad-structure",
            5,
            None,
            "a key must be text, got a list [a, b]: the key and its value are not read",
        ),
        (
            "bad-structure",
            7,
            None,
            "a key must be text, got a mapping {x: 1}: the key and its value are not read",
        ),
        ("unknown-country", 7, "country", "unknown country 'Ivry Coast'"),
    ]


def test_a_merge_of_no_mapping_is_a_structure_error_not_an_unsafe_tag(tmp_path: Path) -> None:
    _, problems = read_yaml(tmp_path, "suppliers:\n  - id: A\n    <<: 5\n")
    assert problems.flatten(["type", "line", "message"]) == [
        [
            "bad-structure",
            3,
            "invalid YAML: expected a mapping or list of mappings for merging, but found scalar",
        ]
    ]


def test_a_set_is_read_as_a_list_without_the_readers_markers(tmp_path: Path) -> None:
    chain, problems = read_yaml(
        tmp_path,
        "suppliers:\n"
        "  - id: A\n"
        "    region: !!set {a, b}\n"
        "    products: !!set {cocoa, coffee}\n"
        "    other: !!set {x}\n",
    )
    assert problems.flatten(["type", "line", "column", "message"]) == [
        ["bad-structure", 3, "region", "region must be a single value, got a list [a, b]"]
    ]
    [supplier] = chain.suppliers
    assert (supplier.region, supplier.products, supplier.attributes) == (
        None,
        ["cocoa", "coffee"],
        {"other": ["x"]},
    )


def test_a_nested_id_used_again_later_is_the_later_ones_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dupid.yaml"
    path.write_text(
        "company: {name: Acme, country: DE}\n"
        "suppliers:\n"
        "  - id: P1\n"
        "    name: Alpha\n"
        "    country: Ghana\n"
        "    suppliers:\n"
        "      - id: F1\n"
        "        name: Farm one\n"
        "        country: Ghana\n"
        "  - id: F1\n"
        "    name: Farm one again\n"
        "    country: Ghana\n",
        "utf-8",
    )
    code, problems = validate(path)
    assert code == 2
    assert [(p["type"], p["location"]["line"], p["message"]) for p in problems] == [
        (
            "duplicate-id",
            10,
            f"duplicate supplier id 'F1' (first defined at {path}, line 7): give each"
            " supplier once, or give them different ids",
        )
    ]


def test_suppliers_nested_in_the_order_written(tmp_path: Path) -> None:
    chain, _ = read_yaml(
        tmp_path,
        "suppliers:\n"
        "  - id: A\n"
        "    suppliers:\n"
        "      - id: A1\n"
        "        suppliers: [{id: A11}]\n"
        "      - {id: A2}\n"
        "  - id: B\n"
        "    suppliers: [{id: B1}]\n",
    )
    assert [s.id for s in chain.suppliers] == ["A", "A1", "A11", "A2", "B", "B1"]


def test_a_list_of_suppliers_that_holds_itself_is_refused(tmp_path: Path) -> None:
    # (an alias of an enclosing list: read without end before)
    _, problems = read_yaml(
        tmp_path, "company: {name: Acme}\nsuppliers: &s\n  - id: A\n    suppliers: *s\n"
    )
    assert problems.flatten(["type", "line", "column"]) == [["bad-structure", 4, "suppliers"]]


@pytest.mark.parametrize(
    ("written", "sector", "as_written"),
    [
        ("\u200b", None, None),  # a zero-width space: no more than a blank cell
        ("\u00a0", None, None),
        ("n/a", None, None),
        ("–", None, None),
        ("widget polishing", None, "widget polishing"),  # unknown, but written: kept
        ("software services", "software-services", "software services"),
    ],
    ids=["zero-width space", "no-break space", "n/a", "dash", "unknown", "known"],
)
def test_a_sector_with_no_letter_or_digit_is_no_sector(
    tmp_path: Path, written: str, sector: str | None, as_written: str | None
) -> None:
    """A zero-width space was kept as the sector as written, and the registers showed an
    invisible "(not in the taxonomy)"; it is a data gap like a blank cell."""
    chain = tmp_path / "c.csv"
    chain.write_text(f"id,name,country,sector\nS1,One,IND,{written}\n", encoding="utf-8")
    [entry] = assess([chain]).data["suppliers"]
    assert (entry["sector"], entry["sector_as_written"]) == (sector, as_written)
    if written != "software services":
        assert entry["data_gaps"]
