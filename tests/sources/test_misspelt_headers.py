"""A table header that is a slip of a known one ('Contry', 'Byer ID') is read as its field
when the column's values fit it, with a warning naming what it was taken for; one of a field
whose values cannot be told ('Regoin'), or whose values do not fit, is kept as an attribute
and named with what it was probably meant as."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import read_chain

BASE = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]
ROWS = [
    ["P1", "Foo Ltd", "GH", "cocoa processing", "", "0.4", "10", "20", "SA8000"],
    ["P2", "Bar Ltd", "GH", "cocoa farming", "P1", "0.6", "20", "30", "Fairtrade"],
]


def _read(
    tmp_path: Path, header: list[str], rows: list[list[str]] = ROWS
) -> tuple[list[tuple[str, str, str | None, str | None]], dict[str, dict[str, Any]]]:
    """The header problems of a table under this header, (type, severity, column,
    suggestion), and each supplier's fields as read."""
    lines = [",".join(header)] + [",".join(row[: len(header)]) for row in rows]
    path = tmp_path / "chain.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chain, problems = read_chain([path])
    found = [
        (p.type, p.severity, p.location.column, p.suggestion)
        for p in problems.items
        if p.type in ("unmapped-column", "misspelt-header")
    ]
    return found, {s.id: s.model_dump() for s in chain.suppliers}


def _read_as(column: str, field: str) -> tuple[str, str, str, str]:
    return ("misspelt-header", "warning", column, f"--map '{column}={field}'")


def _kept(column: str, field: str) -> tuple[str, str, str, str]:
    return ("unmapped-column", "warning", column, f"--map '{column}={field}'")


@pytest.mark.parametrize(
    ("header", "expected", "read"),
    [
        (
            [*BASE, "Shar", "Wokers", "Migrnt %", "Certifcations"],
            [
                _read_as("Shar", "share"),
                _read_as("Wokers", "workers"),
                _read_as("Migrnt %", "migrant_pct"),
                _read_as("Certifcations", "certifications"),
            ],
            {"P2": {"share": 0.6, "workers": 20, "migrant_pct": 30.0}},
        ),
        (
            ["Supplier ID", "Suplier name", "Contry", "Sectr", "Buyer ID"],
            [
                _read_as("Suplier name", "name"),
                _read_as("Contry", "country"),
                _read_as("Sectr", "sector"),
            ],
            {"P1": {"name": "Foo Ltd", "country": "GHA", "sector": "cocoa processing"}},
        ),
        # the buyers column misspelt, naming suppliers of the table: its links are read
        (
            ["Supplier ID", "Supplier name", "Country", "Sector", "Byer ID"],
            [_read_as("Byer ID", "buyers")],
            {"P2": {"buyers": ["P1"]}},
        ),
        # the id column misspelt, and the buyers column too: both read
        (
            ["Suplier ID", "Supplier name", "Country", "Sector", "Byer ID"],
            [_read_as("Suplier ID", "id"), _read_as("Byer ID", "buyers")],
            {"P2": {"name": "Bar Ltd", "buyers": ["P1"]}},
        ),
        # a region's header: its values cannot be told, so it is only named
        ([*BASE, "Regoin"], [_kept("Regoin", "region")], {"P1": {"region": None}}),
        # a column of the user's own beside the field's own column: no slip
        ([*BASE, "Share", "Shares"], [], {"P1": {"share": 0.4}}),
        # headers of the user's own, near no known one
        ([*BASE, "Notes", "Status", "Owner"], [], {}),
    ],
)
def test_a_misspelt_header_is_read_or_named(
    tmp_path: Path,
    header: list[str],
    expected: list[tuple[str, str, str, str]],
    read: dict[str, dict[str, Any]],
) -> None:
    found, suppliers = _read(tmp_path, header)
    assert found == expected
    for supplier_id, fields in read.items():
        assert {k: suppliers[supplier_id][k] for k in fields} == fields


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        # contact names under a misspelt buyers column: no link is lost, none is read
        (
            ["Supplier ID", "Supplier name", "Byer ID"],
            [["P1", "Foo", "Jane Doe"], ["P2", "Bar", "John Roe"]],
        ),
        # remarks under a misspelt workers column
        (
            ["Supplier ID", "Supplier name", "Wokers"],
            [["P1", "Foo", "ask HR"], ["P2", "Bar", "n/k yet"]],
        ),
    ],
)
def test_a_misspelt_header_whose_values_do_not_fit_is_kept(
    tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    found, suppliers = _read(tmp_path, header, rows)
    assert [(kind, severity) for kind, severity, _, _ in found] == [("unmapped-column", "warning")]
    assert suppliers["P2"]["attributes"] == {header[2]: rows[1][2]}


def test_the_values_of_a_misspelt_country_column_are_checked_in_the_same_run(
    tmp_path: Path,
) -> None:
    """Read as the country column, its misspelt countries are reported at once, not after
    the header is corrected."""
    rows = [
        ["P1", "Foo", "Ghana"],
        ["P2", "Bar", "Vietnma"],
        ["P3", "Baz", "Côte d'Ivoire"],
        ["P4", "Qux", "Bangladesh"],
    ]
    lines = ["Supplier ID,Supplier name,Contry"] + [",".join(row) for row in rows]
    path = tmp_path / "chain.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = read_chain([path])
    unknown = [
        (p.location.row, p.location.column) for p in problems.items if p.type == "unknown-country"
    ]
    assert unknown == [(3, "Contry")]


@pytest.mark.parametrize(
    ("header", "near"),
    [
        ("Wokers", "workers"),
        ("Shar", "share"),
        ("Coutnry", "country"),  # (two letters swapped)
        ("Byer ID", "buyer id"),
        ("Certifcations", "certifications"),
        # a letter changed in a short word makes another word, not a slip
        ("Stage", None),
        ("Stake", None),
        ("Auditor", None),
        ("Payer ID", None),
        ("Owner", None),
        ("Status", None),
    ],
)
def test_a_slip_is_told_from_another_word(header: str, near: str | None) -> None:
    from ddtool.sources.columns import near_header

    found = near_header(header)
    assert (found[0] if found else None) == near


@pytest.mark.parametrize(
    ("header", "read_as"),
    [
        ("Contry", "country"),
        ("Suplier nme", "name"),  # (a letter in each of two words)
        ("Byer ID", "buyers"),
        ("Migrnt %", "migrant_pct"),
        # a word added or left out: another header, not a slip of letters
        ("Factory", None),
        ("Facility", None),
        ("Partner", None),
        ("Product ID", None),
        # a plural ending: a word of its own
        ("Standard", None),
        ("Shares", None),
        ("Females", None),
        # a percentage's header without a word of one: it may hold counts
        ("Migrnt", None),
        ("Migrant", None),
        # a letter changed where the values cannot tell: another word ('supplied since')
        ("Supplied", None),
        ("Suppleir name", "name"),  # (two letters swapped: a slip)
    ],
)
def test_only_a_slip_of_letters_is_read_as_its_field(header: str, read_as: str | None) -> None:
    from ddtool.sources.columns import slipped_header

    found = slipped_header(header)
    assert (found[1] if found else None) == read_as


@pytest.mark.parametrize(
    ("header", "rows"),
    [
        # names of plants under 'Factory': no id column, not ids of 'Main plant' twice
        (["Supplier name", "Factory", "Country"], [["Foo", "Main plant", "GH"]] * 2),
        # counts of migrant workers, not a percentage
        (["Supplier ID", "Supplier name", "Migrant"], [["P1", "Foo", "40"], ["P2", "Bar", "12"]]),
        # an audit standard, not a certification held
        (
            ["Supplier ID", "Supplier name", "Standard"],
            [["P1", "Foo", "SMETA"], ["P2", "Bar", "BSCI"]],
        ),
    ],
)
def test_a_header_of_other_words_is_not_read_as_a_field(
    tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    found, _ = _read(tmp_path, header, rows)
    assert "misspelt-header" not in [kind for kind, _, _, _ in found]


def test_of_two_slips_of_one_field_the_first_is_read_and_the_second_named(tmp_path: Path) -> None:
    found, suppliers = _read(
        tmp_path,
        ["Supplier ID", "Supplier name", "Contry", "Coutnry"],
        [["P1", "Foo", "IND", "PAK"]],
    )
    assert found == [_read_as("Contry", "country"), _kept("Coutnry", "country")]
    assert suppliers["P1"]["country"] == "IND"
    assert suppliers["P1"]["attributes"] == {"Coutnry": "PAK"}


def _near_by_full_scan(text: str) -> tuple[str, str] | None:
    """near_header as a scan of every known header, in order (what the search by length
    must give)."""
    from rapidfuzz.distance import OSA

    from ddtool.sources.columns import _ALIAS_TEXT, ALIAS_TO_FIELD, header_key

    written = header_key(text)
    if len(written) < 4:
        return None
    best, fewest = None, 3
    for form, name in ALIAS_TO_FIELD.items():
        most = 1 if len(form) <= 8 else 2
        if len(form) < 4 or abs(len(form) - len(written)) > most:
            continue
        distance = OSA.distance(written, form, score_cutoff=most)
        if distance > most or distance >= fewest:
            continue
        if len(form) <= 6 and len(form) == len(written) and sorted(form) != sorted(written):
            continue
        best, fewest = (_ALIAS_TEXT.get(form, name), name), distance
    return best


def _slips_of(form: str) -> list[str]:
    """A known header with a letter left out, one added, two swapped and one changed."""
    middle = len(form) // 2
    return [
        form[:middle] + form[middle + 1 :],
        form[:middle] + "x" + form[middle:],
        form[: middle - 1] + form[middle] + form[middle - 1] + form[middle + 1 :],
        form[:middle] + "q" + form[middle + 1 :],
        form + "zz",
    ]


def test_the_near_header_is_the_one_a_scan_of_every_known_header_finds() -> None:
    from ddtool.sources.columns import ALIAS_TO_FIELD, near_header

    headers = [slip for form in ALIAS_TO_FIELD if len(form) >= 3 for slip in _slips_of(form)]
    headers += ["Factory", "Remarks", "Warehouse", "Payer ID", "Stage", "c1234"]
    differ = [h for h in headers if near_header(h) != _near_by_full_scan(h)]
    assert len(headers) > 1000 and differ == []
    assert near_header("Contry") == ("country", "country")


def test_a_table_of_many_columns_keeps_them_and_reads_its_slips(tmp_path: Path) -> None:
    # (each column's header is compared with the known ones of about its length only)
    header = [*BASE[:2], "Contry", *(f"Note {i}" for i in range(3000))]
    found, suppliers = _read(tmp_path, header, [["P1", "Foo Ltd", "GH", *["x"] * 3000]])
    assert found == [_read_as("Contry", "country")]
    assert suppliers["P1"]["country"] == "GHA"
    assert len(suppliers["P1"]["attributes"]) == 3000
