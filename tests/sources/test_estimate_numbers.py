"""A number field written as an estimate ('ca. 300', '~300', 'approx. 300') or a bound
('>300') is still refused, an estimate taken as the figure would pass silently, but the
message says so and which number to write; any other bad number is told as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import read_chain

HOW = "to have it read as the figure, or leave the value out (a data gap)"


def _messages(tmp_path: Path, column: str, cell: str) -> list[str]:
    path = tmp_path / "chain.csv"
    path.write_text(f'id,name,country,{column}\nS1,Alpha,DE,"{cell}"\n', "utf-8")
    _chain, problems = read_chain([path])
    return [p.message for p in problems.items if p.type == "bad-number"]


@pytest.mark.parametrize(
    ("column", "field", "cell", "kind", "figure"),
    [
        ("workers", "workers", "ca. 300", "an estimate", "300"),
        ("workers", "workers", "approx. 300", "an estimate", "300"),
        ("workers", "workers", "~300", "an estimate", "300"),
        ("workers", "workers", "about 300", "an estimate", "300"),
        ("workers", "workers", "env. 300", "an estimate", "300"),
        ("workers", "workers", "aprox. 300", "an estimate", "300"),
        ("workers", "workers", "circa 300", "an estimate", "300"),
        ("workers", "workers", "ca 300", "an estimate", "300"),
        ("workers", "workers", "CA. 1,200", "an estimate", "1,200"),
        ("workers", "workers", "etwa 300", "an estimate", "300"),
        ("workers", "workers", "300 approx.", "an estimate", "300"),
        ("workers", "workers", "300?", "an estimate", "300"),
        ("workers", "workers", ">300", "a bound", "300"),
        ("workers", "workers", "> 300", "a bound", "300"),
        ("workers", "workers", "more than 300", "a bound", "300"),
        ("workers", "workers", "300+", "a bound", "300"),
        ("share", "share", "ca. 0.5", "an estimate", "0.5"),
        ("share", "share", "~60%", "an estimate", "60%"),
        ("female workers %", "female_pct", "ca. 40%", "an estimate", "40%"),
        ("migrant workers %", "migrant_pct", "approx. 15", "an estimate", "15"),
    ],
)
def test_an_estimate_is_refused_with_the_number_to_write(
    tmp_path: Path, column: str, field: str, cell: str, kind: str, figure: str
) -> None:
    assert _messages(tmp_path, column, cell) == [
        f"{field}: expected a number, got {cell!r}: {kind}, not a figure; write the number"
        f" ({figure}) {HOW}"
    ]


@pytest.mark.parametrize("cell", ["abc", "ca.", "about", "ca. abc", "300 workers"])
def test_other_bad_numbers_get_no_estimate_hint(tmp_path: Path, cell: str) -> None:
    assert _messages(tmp_path, "workers", cell) == [f"workers: expected a number, got {cell!r}"]


WORKERS = "a whole number of workers from 0 to 10,000,000"
PERCENTAGE = "a percentage from 0 to 100"


@pytest.mark.parametrize(
    ("column", "field", "cell", "kind", "takes"),
    [
        # the figure itself is no value of the column: no number is suggested
        ("female workers %", "female_pct", "ca. 300", "an estimate", PERCENTAGE),
        ("female workers %", "female_pct", ">120", "a bound", PERCENTAGE),
        ("migrant workers %", "migrant_pct", "~-5", "an estimate", PERCENTAGE),
        ("workers", "workers", "~-5", "an estimate", WORKERS),
        ("workers", "workers", "ca. -5", "an estimate", WORKERS),
        ("workers", "workers", "~ 45%", "an estimate", WORKERS),
        ("workers", "workers", "ca. 12,5", "an estimate", WORKERS),
        ("workers", "workers", "ca. 20,000,000", "an estimate", WORKERS),
        ("share", "share", "ca. 60", "an estimate", "a share from 0 to 1 (or 0% to 100%)"),
    ],
)
def test_an_estimate_of_no_value_of_the_column_suggests_no_number(
    tmp_path: Path, column: str, field: str, cell: str, kind: str, takes: str
) -> None:
    assert _messages(tmp_path, column, cell) == [
        f"{field}: expected a number, got {cell!r}: {kind}, not a figure; the column takes"
        f" {takes}: write the figure to have it read, or leave the value out (a data gap)"
    ]
