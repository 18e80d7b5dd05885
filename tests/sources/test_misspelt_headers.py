"""A table header that is a slip of a known one ('Wokers', 'Byer ID') is named with what it
was probably meant as; a misspelt buyers column naming suppliers of the table is an error
(its links would be lost and the chain read flat), as a misspelt 'byers:' key is in YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import read_chain

BASE = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]
ROWS = [
    ["P1", "Foo Ltd", "GH", "cocoa processing", "", "0.5", "10", "20", "SA8000"],
    ["P2", "Bar Ltd", "GH", "cocoa farming", "P1", "0.5", "20", "30", "Fairtrade"],
]


def _read(tmp_path: Path, header: list[str]) -> list[tuple[str, str | None, str | None]]:
    """The unmapped-column problems of a two-row table under this header: (severity, column,
    suggestion)."""
    lines = [",".join(header)] + [",".join(row[: len(header)]) for row in ROWS]
    path = tmp_path / "chain.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = read_chain([path])
    return [
        (p.severity, p.location.column, p.suggestion)
        for p in problems.items
        if p.type == "unmapped-column"
    ]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            [*BASE, "Shar", "Wokers", "Migrnt %", "Certifcations"],
            [
                ("warning", "Shar", "--map 'Shar=share'"),
                ("warning", "Wokers", "--map 'Wokers=workers'"),
                ("warning", "Migrnt %", "--map 'Migrnt %=migrant_pct'"),
                ("warning", "Certifcations", "--map 'Certifcations=certifications'"),
            ],
        ),
        (
            ["Supplier ID", "Suplier name", "Contry", "Sectr", "Buyer ID"],
            [
                ("warning", "Suplier name", "--map 'Suplier name=name'"),
                ("warning", "Contry", "--map 'Contry=country'"),
                ("warning", "Sectr", "--map 'Sectr=sector'"),
            ],
        ),
        # the buyers column misspelt, naming suppliers of the table: the links would be lost
        (
            ["Supplier ID", "Supplier name", "Country", "Sector", "Byer ID"],
            [("error", "Byer ID", "--map 'Byer ID=buyers'")],
        ),
        # a column of the user's own beside the field's own column: no slip
        ([*BASE, "Share", "Shares"], []),
        # headers of the user's own, near no known one
        ([*BASE, "Notes", "Status", "Owner"], []),
    ],
)
def test_a_misspelt_header_is_named(
    tmp_path: Path, header: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert _read(tmp_path, header) == expected


def test_a_misspelt_buyers_column_of_no_ids_is_a_warning(tmp_path: Path) -> None:
    """'Byer ID' holding no ids of the table (contact names) loses no link."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Supplier name,Byer ID\nP1,Foo,Jane Doe\nP2,Bar,John Roe\n", encoding="utf-8"
    )
    _, problems = read_chain([path])
    [problem] = [p for p in problems.items if p.type == "unmapped-column"]
    assert problem.severity == "warning" and "links" not in problem.message


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
