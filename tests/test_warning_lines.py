"""`ddtool assess` prints the first few input warnings of each type and counts the rest, so
that thousands of one kind do not bury the report; `validate` and the JSON keep every one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool import cli
from ddtool.cli import WARNINGS_PER_TYPE, app
from ddtool.errors import Location, Problem


def _warnings(*types: str) -> list[Problem]:
    return [
        Problem(t, f"message {i}", Location("chain.csv", row=i + 2), "warning")
        for i, t in enumerate(types)
    ]


@dataclass(frozen=True)
class Case:
    name: str
    types: tuple[str, ...]
    shown_rows: tuple[int, ...]  # the rows of the located lines printed, in order
    more: tuple[str, ...]  # the "… and N more" lines' endings
    total: int | None  # the count in the closing line, None when every warning is shown


N = WARNINGS_PER_TYPE
CASES = (
    Case("none", (), (), (), None),
    Case("a few of one type", ("a",) * 3, (2, 3, 4), (), None),
    Case("exactly the limit", ("a",) * N, tuple(range(2, N + 2)), (), None),
    Case(
        "one over the limit",
        ("a",) * (N + 1),
        tuple(range(2, N + 2)),
        ("… and 1 more a warnings [a]",),
        N + 1,
    ),
    Case(
        "two types interleaved, one over",
        ("a", "b") * N + ("b",) * 3,
        tuple(range(2, 2 * N + 2)),
        ("… and 3 more b warnings [b]",),
        2 * N + 3,
    ),
    Case(
        "two types both over, counted in the order first met",
        ("b",) * (N + 2) + ("a",) * (N + 1200),
        tuple(range(2, N + 2)) + tuple(range(N + 4, 2 * N + 4)),
        ("… and 2 more b warnings [b]", "… and 1,200 more a warnings [a]"),
        2 * N + 1202,
    ),
)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_warning_lines(case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    cli._problem_lines(_warnings(*case.types), {".json", ".xlsx"})
    lines = capsys.readouterr().err.splitlines()
    located = [line for line in lines if ", row " in line]
    assert [int(line.split(", row ")[1].split(":")[0]) for line in located] == list(case.shown_rows)
    assert all(line.startswith("warning: chain.csv, row ") for line in located)
    more = [line.removeprefix("warning: ") for line in lines if " warnings [" in line]
    assert more == list(case.more)
    closing = [line for line in lines if "warnings in all" in line]
    if case.total is None:
        assert closing == []
        assert len(lines) == len(case.types)
    else:
        assert closing == [
            f"warning: {case.total:,} warnings in all: `ddtool validate` on the same input"
            " lists every one, and so do the JSON's \"warnings\" and the Excel register's"
            " Warnings sheet"
        ]
        assert lines[-1] == closing[0]


def test_assess_counts_the_rest_and_validate_lists_them(tmp_path: Path) -> None:
    count = N + 3
    rows = ["id,name,country,sector"]
    rows += [f"S{i},Supplier {i},Ghana,widgetry{i}" for i in range(count)]
    chain = tmp_path / "chain.csv"
    chain.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"

    assessed = CliRunner().invoke(app, ["assess", str(chain), "-o", str(out)])
    assert assessed.exit_code == 0, assessed.output
    located = [line for line in assessed.stderr.splitlines() if "[unknown-sector]" in line]
    # the first N, located (rows 2 to N + 1), then the count of the rest
    assert [line.split(", row ")[1].split(",")[0] for line in located[:N]] == [
        str(row) for row in range(2, N + 2)
    ]
    assert located[N:] == ["warning: … and 3 more unknown-sector warnings [unknown-sector]"]
    # (only the JSON is written: the closing line names it, not an Excel register)
    assert (
        f"warning: {count} warnings in all: `ddtool validate` on the same input lists every"
        ' one, and so do the JSON\'s "warnings"\n'
    ) in assessed.stderr
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert [w["type"] for w in saved["warnings"]] == ["unknown-sector"] * count

    checked = CliRunner().invoke(app, ["validate", "--format", "json", str(chain)])
    listed = json.loads(checked.stdout)
    problems = [p for result in listed for p in result["problems"]]
    assert [p["location"]["row"] for p in problems] == list(range(2, count + 2))


def test_every_error_is_printed_and_the_warnings_beside_them_are_counted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A run that stops on errors: each error, however many (all problems are reported at
    once), and the warnings capped as on a run that goes on; no output to point to."""
    problems = _warnings(*["w"] * (N + 5))
    problems += [
        Problem("e", f"error {i}", Location("chain.csv", row=100 + i), "error") for i in range(30)
    ]
    cli._problem_lines(problems)
    lines = capsys.readouterr().err.splitlines()
    assert [line for line in lines if line.startswith("error: ")] == [
        f"error: chain.csv, row {100 + i}: error {i} [e]" for i in range(30)
    ]
    assert sum(line.startswith("warning: chain.csv") for line in lines) == N
    assert lines[-1] == (
        f"warning: {N + 5} warnings in all: `ddtool validate` on the same input lists every one"
    )


def test_assess_that_stops_on_an_error_caps_its_warnings(tmp_path: Path) -> None:
    count = N + 4
    rows = ["id,name,country,sector"]
    rows += [f"S{i},Supplier {i},Ghana,widgetry{i}" for i in range(count)]
    rows += ["X1,Bad,Atlantis,cocoa farming", "X2,Bad too,Narnia,cocoa farming"]
    chain = tmp_path / "chain.csv"
    chain.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(tmp_path / "o.json")])
    assert done.exit_code == 2, done.output
    lines = done.stderr.splitlines()
    assert sum("[unknown-country]" in line for line in lines) == 2
    assert sum("[unknown-sector]" in line for line in lines) == N + 1  # N, then the count
    assert "warning: … and 4 more unknown-sector warnings [unknown-sector]" in lines
    assert not (tmp_path / "o.json").exists()
