"""A placeholder in the buyers column (review rev152, section 12).

"-", "n.d.", "N/A" … in the buyers column were told as buyers "not in the chain". They stay
refused (an unknown buyer is not a direct supply to the company), as `unknown-buyer` errors at
their cells, all in one run, but the message says the value is a placeholder and what to
write instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

PLACEHOLDERS = ["-", "n.d.", "N/A", "n/a", "—", "–", "?", "unknown", "tbd", "k.A.", "--", "NA"]


def _table(tmp_path: Path, buyers: list[str]) -> Path:
    """A CSV of one tier-1 supplier 'T1' and a supplier per buyers cell ('A1', 'A2' …)."""
    path = tmp_path / "buyers.csv"
    rows = [
        f"A{n};Supplier {n};Bangladesh;garment manufacturing;{b}" for n, b in enumerate(buyers, 1)
    ]
    path.write_text(
        "\n".join(
            [
                "Supplier ID;Supplier name;Country;Sector;Buyer ID",
                "T1;Tier one;Germany;retail;",
                *rows,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    return path


def _validated(path: Path) -> tuple[int, list[tuple[str, int, str, str]]]:
    """`ddtool validate --format json`'s exit code and problems (type, row, column, message)."""
    done = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    [result] = json.loads(done.stdout)
    return done.exit_code, [
        (p["type"], p["location"]["row"], p["location"]["column"], p["message"])
        for p in result["problems"]
    ]


def test_placeholders_as_buyers_are_told_as_placeholders_all_at_once(tmp_path: Path) -> None:
    code, problems = _validated(_table(tmp_path, PLACEHOLDERS))
    assert code == 2
    assert problems == [
        (
            "unknown-buyer",
            row,
            "Buyer ID",
            f"supplier 'A{row - 2}' names buyer {placeholder!r}, a placeholder, not a supplier"
            " id: leave the cell blank if it supplies the company directly, or give its"
            " buyer's id",
        )
        for row, placeholder in enumerate(PLACEHOLDERS, 3)
    ]


def test_a_placeholder_beside_other_buyers_is_to_be_left_out(tmp_path: Path) -> None:
    _, problems = _validated(_table(tmp_path, ["T1, n/a"]))
    assert problems == [
        (
            "unknown-buyer",
            3,
            "Buyer ID",
            "supplier 'A1' names buyer 'n/a', a placeholder, not a supplier id: leave it out"
            " beside the other buyers, or give that buyer's id",
        )
    ]


def test_an_id_not_in_the_chain_is_told_as_before(tmp_path: Path) -> None:
    _, problems = _validated(_table(tmp_path, ["T2", "ND-1"]))
    assert [message for *_, message in problems] == [
        "supplier 'A1' names buyer 'T2', which is not in the chain",
        "supplier 'A2' names buyer 'ND-1', which is not in the chain",
    ]


@pytest.mark.parametrize(
    ("buyers", "fix"),
    [
        (
            ["-"],
            "leave out its buyers if it supplies the company directly, or give its buyer's id",
        ),
        (
            "n.d.",
            "leave out its buyers if it supplies the company directly, or give its buyer's id",
        ),
        (["T1", "N/A"], "leave it out beside the other buyers, or give that buyer's id"),
    ],
)
def test_a_placeholder_as_a_yaml_buyer_is_told_at_its_key(
    tmp_path: Path, buyers: str | list[str], fix: str
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        json.dumps(
            {
                "company": {"name": "Buyer", "country": "DEU"},
                "suppliers": [
                    {"id": "T1", "name": "Tier one", "country": "DEU", "sector": "retail"},
                    {"id": "A1", "name": "A", "country": "BGD", "buyers": buyers},
                ],
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    code, problems = _validated(path)
    placeholder = buyers if isinstance(buyers, str) else buyers[-1]
    assert (code, problems) == (
        2,
        [
            (
                "unknown-buyer",
                None,
                "buyers",
                f"supplier 'A1' names buyer {placeholder!r}, a placeholder, not a supplier id:"
                f" {fix}",
            )
        ],
    )
