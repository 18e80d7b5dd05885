"""YAML reader: the keys of audits and certifications read as the table's headers of those
columns, values cut at a comma in {…}, an empty nested 'suppliers:', and a supplier given
under two buyers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import Chain
from ddtool.sources import read_chain


def read(tmp_path: Path, text: str) -> tuple[Chain, ProblemList]:
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    return read_chain([path])


def _one(entry: str) -> str:
    return f"suppliers:\n  - {{id: A1, name: One, country: BD, {entry}}}\n"


# --- 1. the keys of an audit and of a certification -------------------------------------------

# an audit's key read as the table reads its column ('Audit outcome'), in any case or spacing
AUDIT_KEYS_READ = [
    "result: fail",
    "Result: fail",
    "outcome: fail",
    "Audit outcome: fail",
    "audit_result: fail",
    "rating: fail",
    "RESULT: fail",
]


@pytest.mark.parametrize("written", AUDIT_KEYS_READ)
def test_an_audits_result_key_is_read_as_its_table_column(tmp_path: Path, written: str) -> None:
    chain, problems = read(
        tmp_path, _one(f"audits: [{{standard: SMETA, date: 2025-06-01, {written}}}]")
    )
    assert problems.errors == []
    [audit] = chain.suppliers[0].audits
    assert (audit.standard, audit.result) == ("SMETA", "fail")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Standard: SMETA, date: 2025-06-01", "standard"),
        ("type: SMETA, date: 2025-06-01", "standard"),
        ("standard: SMETA, Date: 2025-06-01", "date"),
        ("standard: SMETA, audit date: 2025-06-01", "date"),
    ],
)
def test_an_audits_standard_and_date_keys_are_read(tmp_path: Path, written: str, key: str) -> None:
    chain, problems = read(tmp_path, _one(f"audits: [{{{written}, result: fail}}]"))
    assert problems.errors == [], key
    [audit] = chain.suppliers[0].audits
    assert (audit.standard, str(audit.date), audit.result) == ("SMETA", "2025-06-01", "fail")


# a certification's expiry under the keys the table reads as an expiry column
CERTIFICATION_EXPIRY_KEYS = [
    "valid_until",
    "Valid_until",
    "valid until",
    "valid-until",
    "validUntil",
    "expires",
    "expiry",
    "expiry_date",
    "valid_to",
    "gueltig_bis",
    "Gültig bis",
]


@pytest.mark.parametrize("key", CERTIFICATION_EXPIRY_KEYS)
def test_a_certifications_expiry_is_read_under_an_expiry_header(tmp_path: Path, key: str) -> None:
    chain, problems = read(tmp_path, _one(f"certifications: [{{name: SA8000, {key}: 2023-12-31}}]"))
    assert problems.errors == []
    [certification] = chain.suppliers[0].certifications
    assert (certification.name, str(certification.valid_until)) == ("SA8000", "2023-12-31")


def test_a_certifications_name_is_read_under_a_certification_header(tmp_path: Path) -> None:
    chain, problems = read(
        tmp_path, _one("certifications: [{Certificate: SA8000, expires: 2023-12-31}]")
    )
    assert problems.errors == []
    assert [c.name for c in chain.suppliers[0].certifications] == ["SA8000"]


# a key of an audit or certification that is still no key is an error (its fact would be
# lost, and the score with it), with what it probably means
UNKNOWN_PART_KEYS: list[tuple[str, str, str | None]] = [
    ("audits: [{standard: SMETA, date: 2025-06-01, status: fail}]", "status", "'result'"),
    ("audits: [{standard: SMETA, date: 2025-06-01, reslt: fail}]", "reslt", "'result'"),
    ("audits: [{standard: SMETA, when: 2025-06-01, result: fail}]", "when", "'date'"),
    ("audits: [{standard: SMETA, auditor: Jane}]", "auditor", "'date' or 'result'"),
    ("audits: [{auditor: Jane}]", "auditor", "'standard', 'date' or 'result'"),
    ("certifications: [{name: SA8000, until: 2023-12-31}]", "until", "'valid_until'"),
    ("certifications: [{name: SA8000, expires_on: 2023-12-31}]", "expires_on", "'valid_until'"),
    ("certifications: [{name: SA8000, valid_untill: 2026-06-30}]", "valid_untill", "'valid_until'"),
    (
        "certifications: [{name: SA8000, status: suspended}]",
        "status",
        "name: 'SA8000 (suspended)'",
    ),
    # never a key the entry already gives
    ("audits: [{standard: SMETA, date: 2025-06-01, result: pass, auditor: SGS}]", "auditor", None),
    ("audits: [{standard: SMETA, date: 2024-03-14, report_date: 2024-04-01}]", "report_date", None),
    ("audits: [{standard: SMETA, date: 2025-06-01, grade: B}]", "grade", "'result'"),
    ("audits: [{standard: SMETA, result: pass, auditor: SGS}]", "auditor", "'date'"),
    ("certifications: [{name: RA, expires: 2026-01-01, until: 2027-01-01}]", "until", None),
    ("certifications: [{standard: RA, scheme_id: X1, valid_until: 2026-01-01}]", "scheme_id", None),
]

# a certification's date under a key of its issue or start: not read, no expiry suggested
ISSUE_KEYS = [
    (
        "certifications: [{name: SA8000, valid_from: 2023-01-01, valid_until: 2026-01-01}]",
        "valid_from",
    ),
    ("certifications: [{name: RA, date: 2024-01-01}]", "date"),
    ("certifications: [{name: RA, issued: 2024-01-01}]", "issued"),
    ("certifications: [{name: RA, since: 2024-01-01}]", "since"),
    ("certifications: [{name: RA, report_date: 2024-01-01}]", "report_date"),
    ("certifications: [{name: RA, issueDate: 2024-01-01}]", "issueDate"),
]


@pytest.mark.parametrize(("entry", "key"), ISSUE_KEYS)
def test_a_certifications_issue_date_is_said_not_read(tmp_path: Path, entry: str, key: str) -> None:
    _, problems = read(tmp_path, _one(entry))
    assert problems.flatten(["severity", "type", "line", "column", "suggestion"]) == [
        ["error", "unmapped-key", 2, key, None]
    ]
    assert "read by its expiry only (valid_until)" in problems.errors[0].message


@pytest.mark.parametrize(("entry", "key", "suggestion"), UNKNOWN_PART_KEYS)
def test_a_key_of_an_audit_or_certification_not_read_is_an_error(
    tmp_path: Path, entry: str, key: str, suggestion: str | None
) -> None:
    _, problems = read(tmp_path, _one(entry))
    assert problems.flatten(["severity", "type", "line", "column", "suggestion"]) == [
        ["error", "unmapped-key", 2, key, suggestion]
    ]
    assert "would be lost" in problems.errors[0].message


def test_two_keys_giving_one_expiry_are_an_error(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path,
        _one("certifications: [{name: SA8000, valid_until: 2023-12-31, expires: 2030-01-01}]"),
    )
    assert problems.flatten(["severity", "type", "column"]) == [
        ["error", "unmapped-key", "expires"]
    ]
    assert "both give its valid_until" in problems.errors[0].message


@pytest.mark.parametrize(
    "key",
    ["Audits:\n      - {standard: SMETA, date: 2025-06-01, result: fail}", "audit: "],
)
def test_a_suppliers_audits_under_a_slip_of_the_key_are_read(tmp_path: Path, key: str) -> None:
    if key == "audit: ":
        key += "{standard: SMETA, date: 2025-06-01, result: fail}"
    chain, problems = read(tmp_path, f"suppliers:\n  - id: A1\n    country: BD\n    {key}\n")
    assert problems.flatten(["severity", "type"]) == [["warning", "misspelt-key"]]
    assert [a.result for a in chain.suppliers[0].audits] == ["fail"]


def test_an_audit_in_a_tables_columns_is_an_error(tmp_path: Path) -> None:
    _, problems = read(tmp_path, _one("audit_result: fail"))
    assert problems.flatten(["severity", "type", "column"]) == [
        ["error", "unmapped-key", "audit_result"]
    ]


# --- 2. a value cut at a comma in {…} ----------------------------------------------------------

CUT_AT_COMMAS = [
    # entry, key, message's fix
    ("products: sugar, cocoa beans", "products", "products: [sugar, cocoa beans]"),
    ("buyers: T1, T2, T3", "buyers", "buyers: [T1, T2, T3]"),
    ("certifications: Fairtrade, SA8000", "certifications", "certifications: [Fairtrade"),
    ("sector: wholesale-trade, cocoa", "sector", 'sector: "wholesale-trade, cocoa"'),
    ("notes: late, twice", "notes", "notes: [late, twice]"),
]

# an audit's or certification's key holds one value: quoting is the fix, never a list (a
# list there is a bad-structure error)
CUT_PART_KEYS = [
    (
        "certifications: [{name: SA8000, valid_until: June 30, 2026}]",
        "valid_until",
        "June 30, 2026",
    ),
    ("certifications: [{name: SA8000, expires: June 30, 2026}]", "expires", "June 30, 2026"),
    ("audits: [{standard: SMETA, date: Jan 31, 2024, result: fail}]", "date", "Jan 31, 2024"),
    (
        "audits: [{standard: SMETA, Audit date: Jan 31, 2024, result: x}]",
        "Audit date",
        "Jan 31, 2024",
    ),
]


@pytest.mark.parametrize(("entry", "key", "quoted"), CUT_PART_KEYS)
def test_a_part_key_cut_at_a_comma_is_told_to_be_quoted_only(
    tmp_path: Path, entry: str, key: str, quoted: str
) -> None:
    _, problems = read(tmp_path, _one(entry))
    [error] = [p for p in problems.errors if p.type == "comma-in-value"]
    assert error.location.column == key
    assert error.message.endswith(f': quote it, {key}: "{quoted}"')
    assert "write a list" not in error.message and "[" not in error.message


@pytest.mark.parametrize(("entry", "key", "fix"), CUT_AT_COMMAS)
def test_a_value_cut_at_a_comma_in_braces_is_an_error(
    tmp_path: Path, entry: str, key: str, fix: str
) -> None:
    chain, problems = read(tmp_path, _one(entry))
    errors = [p for p in problems.errors if p.type == "comma-in-value"]
    assert [(p.location.line, p.location.column) for p in errors] == [(2, key)]
    assert "cut at the comma" in errors[0].message and fix in errors[0].message
    # (the rest is no key of the user's own)
    assert [list(s.attributes) for s in chain.suppliers] == [[] if key != "notes" else ["notes"]]


def test_a_name_cut_at_its_comma_says_to_quote_it(tmp_path: Path) -> None:
    _, problems = read(tmp_path, _one("name2: Abidjan Trading, Inc, sector: wholesale-trade"))
    [error] = problems.errors
    assert (error.type, error.location.column) == ("comma-in-value", "name2")
    assert "'Inc' is not read" in error.message


@pytest.mark.parametrize(
    "entry",
    [
        "products: [sugar, cocoa beans]",
        "products: 'sugar, cocoa beans'",
        "workers: 1,200",  # (a number: read as written, comma-in-number)
        "tags: {organic, fair}",  # (a set of keys of no value, none after a value)
        "note: ",  # (a key given nothing, with its ':')
    ],
)
def test_no_value_cut_at_a_comma(tmp_path: Path, entry: str) -> None:
    _, problems = read(tmp_path, _one(entry))
    assert [p for p in problems.errors if p.type == "comma-in-value"] == []


# --- 3. an empty nested 'suppliers:' ---------------------------------------------------------


@pytest.mark.parametrize("empty", ["", " null", " []", " ~"])
def test_an_empty_nested_suppliers_is_none_beneath(tmp_path: Path, empty: str) -> None:
    chain, problems = read(
        tmp_path, f"suppliers:\n  - id: P1\n    country: GH\n    suppliers:{empty}\n"
    )
    assert problems.errors == []
    assert [s.id for s in chain.suppliers] == ["P1"]


@pytest.mark.parametrize(
    ("value", "shown"),
    [("suppliers: true", "'true'"), ("suppliers: 5", "'5'"), ("suppliers: text", "'text'")],
)
def test_a_nested_suppliers_of_no_list_is_shown_as_written(
    tmp_path: Path, value: str, shown: str
) -> None:
    _, problems = read(tmp_path, f"suppliers:\n  - id: P1\n    country: GH\n    {value}\n")
    [error] = problems.errors
    assert error.message.endswith(f"got {shown}")
    assert "None" not in error.message and "True" not in error.message


# --- 4. a supplier nested under two buyers ----------------------------------------------------


def _duplicates(tmp_path: Path, text: str) -> list[tuple[int | None, str | None, str]]:
    chain, problems = read(tmp_path, text)
    build_graph(chain, problems)  # (an alias repeating an entry is the reader's to tell)
    return [(p.location.line, p.location.column, p.message) for p in problems.errors]


TWO_BUYERS: list[tuple[str, Any]] = [
    (
        # given in full under each buyer: at the second's id, the first's id line
        "suppliers:\n"
        "  - id: T1\n"
        "    suppliers:\n"
        "      - id: F2\n"  # 4
        "        name: Farm\n"
        "  - id: T2\n"
        "    suppliers:\n"
        "      - id: F2\n"  # 8
        "        name: Farm\n",
        (8, "id", 4),
    ),
    (
        # an alias: at the alias's line (no key of its own), the first's id line (not the
        # anchor's)
        "suppliers:\n"
        "  - id: T1\n"
        "    suppliers:\n"
        "      - &f2\n"  # 4
        "        id: F2\n"  # 5
        "        name: Farm\n"
        "  - id: T2\n"
        "    suppliers:\n"
        "      - *f2\n",  # 9
        (9, None, 5),
    ),
]


@pytest.mark.parametrize(("text", "expected"), TWO_BUYERS)
def test_a_supplier_under_two_buyers_says_how_to_write_it(
    tmp_path: Path, text: str, expected: tuple[int, str | None, int]
) -> None:
    line, column, first = expected
    [(at, key, message)] = _duplicates(tmp_path, text)
    assert (at, key) == (line, column)
    assert f"chain.yaml, line {first})" in message
    assert "give 'F2' once and add 'T2' to its 'buyers'" in message


# --- a certification without a name, said at its entry ------------------------------------------

NAMELESS = [
    # the file, the line of the entry without a name
    (
        "suppliers:\n  - id: A1\n    country: BD\n    certifications:\n      - SA8000\n"
        "      - Fairtrade\n      - {valid_until: 2023-01-01}\n",
        7,
    ),
    (
        "suppliers:\n  - id: A1\n    country: BD\n    certifications:\n"
        "      - {name: RA, expires: 2023-01-01}\n      - {label: UTZ, expiration: 2023-01-01}\n",
        6,
    ),
    ("suppliers:\n  - id: A1\n    country: BD\n    certifications: {valid_until: 2023-01-01}\n", 4),
]


@pytest.mark.parametrize(("text", "line"), NAMELESS)
def test_a_certification_without_a_name_is_said_at_its_entry(
    tmp_path: Path, text: str, line: int
) -> None:
    _, problems = read(tmp_path, text)
    found = [p for p in problems.errors if p.type == "bad-certification"]
    assert [(p.location.line, p.message) for p in found] == [
        (line, "a certification needs a 'name'")
    ]
