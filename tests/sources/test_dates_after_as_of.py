"""An audit dated after the as-of date, and a certification valid more than ten years past
it, are told at their cells (`date-after-as-of`, a warning) by `validate` and `assess`.

An audit of 2027 or 2205 (for 2025) was left out of the score without a word, and an SA8000
"valid until 2205" (for 2025) was credited as current, `validate` saying OK."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess
from ddtool.sources.reading import read_chain
from ddtool.validate import validate_chain

AS_OF = dt.date(2026, 11, 28)
HEADER = "Supplier ID;Country;Sector;Audit standard;Audit date;Audit result;Certifications\n"
# a row's audit date and certifications, and whether it is told
ROWS = [
    ("14/03/2027", "", True),  # an audit after the as-of date
    ("14/03/2205", "", True),
    ("14/03/2025", "", False),
    ("28/11/2026", "", False),  # (on the as-of date itself: counted)
    ("", "SA8000 valid until 31/12/2205", True),
    ("", "SA8000 valid until 31/12/2028", False),
    ("", "SA8000 valid until 27/11/2036", False),  # (ten years: a long certificate, told not)
]


def _chain(tmp_path: Path) -> Path:
    lines = [
        f"S{n};Bangladesh;garment manufacturing;{'SMETA' if date else ''};{date};"
        f"{'pass' if date else ''};{certs}\n"
        for n, (date, certs, _) in enumerate(ROWS, start=1)
    ]
    path = tmp_path / "chain.csv"
    path.write_text(HEADER + "".join(lines), "utf-8")
    return path


def _told(problems: list) -> dict[int | None, str | None]:
    return {p.location.row: p.location.column for p in problems if p.type == "date-after-as-of"}


EXPECTED = {
    n + 1: ("Audit date" if date else "Certifications")
    for n, (date, _, told) in enumerate(ROWS, start=1)
    if told
}


def test_assess_tells_each_date_after_the_as_of_date(tmp_path: Path) -> None:
    result = assess([_chain(tmp_path)], AssessOptions(as_of=AS_OF))
    assert _told(result.warnings) == EXPECTED
    [late] = [w for w in result.warnings if w.location.row == 2]
    assert late.severity == "warning"
    assert late.message.startswith(
        "audit 'SMETA' of 2027-03-14 is after the as-of date 2026-11-28: it is not counted"
    )


def test_validate_tells_them_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ddtool.sources.interface import ReadOptions

    result = validate_chain([_chain(tmp_path)], ReadOptions(), as_of=AS_OF)
    assert result.ok
    assert _told(result.problems) == EXPECTED


def test_a_chain_read_alone_holds_no_such_warning(tmp_path: Path) -> None:
    """(told against an as-of date, which reading has not)"""
    _, problems = read_chain([_chain(tmp_path)])
    assert not _told(problems.items)


@pytest.mark.parametrize(
    ("as_of", "told"),
    [("2026-11-28", 3), ("2025-01-01", 6), ("2206-01-01", 0)],
    ids=["the day of the run", "a day before the 2025 audit", "after every date"],
)
def test_validate_takes_the_as_of_date_assess_takes(tmp_path: Path, as_of: str, told: int) -> None:
    """(`validate` judged the dates against today only: a chain assessed --as-of a past day
    was told OK by validate and warned of by assess)"""
    from typer.testing import CliRunner

    from ddtool.cli import app

    done = CliRunner().invoke(
        app, ["validate", str(_chain(tmp_path)), "--format", "json", "--as-of", as_of]
    )
    assert done.exit_code == 0, done.output
    import json

    [result] = json.loads(done.stdout)
    found = [p for p in result["problems"] if p["type"] == "date-after-as-of"]
    assert len(found) == told


@pytest.mark.parametrize(
    ("as_of", "said"),
    [
        ("28/11/2026", "--as-of '28/11/2026' is not a date: write it as YYYY-MM-DD"),
        # of the form asked for, but no day: why ("write it as YYYY-MM-DD" was said)
        ("2026-02-30", "--as-of '2026-02-30' does not exist: February 2026 has 28 days, not 30"),
        ("2024-02-30", "--as-of '2024-02-30' does not exist: February 2024 has 29 days, not 30"),
        ("2026-13-01", "--as-of '2026-13-01' does not exist: there is no month 13"),
        ("2026-04-00", "--as-of '2026-04-00' does not exist: there is no day 0"),
    ],
)
def test_validate_refuses_an_as_of_that_is_no_date(tmp_path: Path, as_of: str, said: str) -> None:
    from typer.testing import CliRunner

    from ddtool.cli import app

    done = CliRunner().invoke(app, ["validate", str(_chain(tmp_path)), "--as-of", as_of])
    assert done.exit_code == 2
    assert said in " ".join(done.output.split())


YAML = """\
company: {name: Acme, country: DEU}
suppliers:
  - id: B1
    name: Farm
    country: GHA
    sector: cocoa-farming
    certifications:
      - Fairtrade
      - name: UTZ
        valid_until: 2205-01-01
    audits:
      - standard: SMETA
        date: 2031-01-01
        result: pass
      - {standard: SA8000, date: 2024-02-01, result: pass}
      - {standard: SA8000, date: 2032-02-01, result: pass}
"""


def test_in_yaml_each_date_is_told_at_its_own_key(tmp_path: Path) -> None:
    """Both audits were told at the `audits:` key (line 11), which said neither was meant."""
    chain = tmp_path / "chain.yaml"
    chain.write_text(YAML, "utf-8")
    result = assess([chain], AssessOptions(as_of=AS_OF))
    told = [
        (w.location.line, w.location.column, w.message.split(" ")[1])
        for w in result.warnings
        if w.type == "date-after-as-of"
    ]
    assert sorted(told) == [
        (10, "valid_until", "'UTZ'"),
        (13, "date", "'SMETA'"),
        (16, "date", "'SA8000'"),
    ]
