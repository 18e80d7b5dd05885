"""`ddtool batch` ranks a member whose exposure rests on missing data above one at the same
level known to be so.

The ranking sorted on the plain level, then the share-weighted priority: a wholesaler with
nothing known beneath it (its exposures "low (data gap)") ranked below a cleaning firm known
to be low, as its figures are lower, though missing data is never low risk. The rankings
(overall and by risk type; summary.json, summary.xlsx, the --fail-on lines) now order the
levels as the reports show them, as `diff` does (reporters.shown.shown_rank): a level on a
data gap above the same level known, then the weighted priority, then the name.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from batch_support import read_summary, write_members
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.batch import anonymise_key, level_shown, pseudonym
from ddtool.cli import app
from ddtool.reporters.shown import SHOWN_LEVELS, shown_rank

CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"
RISK_TYPES = (CL, FL, HT)

# a wholesaler naming no products, nothing mapped beneath it: its own low is "low (data gap)"
WHOLESALER = {"id": "WH", "name": "Wholesale Co", "country": "AUT", "sector": "wholesale-trade"}


def _supplier(country: str, sector: str, share: float) -> dict[str, Any]:
    return {"id": "S1", "name": "One Co", "country": country, "sector": sector, "share": share}


# member: its suppliers, and each risk type's exposure as shown. Each "gap" member's weighted
# priorities are below those of the "known" member at its level: ranked on the plain level
# and those, it came second. The high ones buy from a Qatari brickworks, high in its own
# right with nothing inferred beneath it (a Qatari builder's stone and timber are not known
# to come from Qatar: inferred at origin, they are critical)
MEMBERS: dict[str, tuple[list[dict[str, Any]], dict[str, str]]] = {
    "high_known": (
        [_supplier("QAT", "brick-making", 1.0)],
        {CL: "high", FL: "high", HT: "high"},
    ),
    "high_gap": (
        [{**WHOLESALER, "share": 0.8}, _supplier("QAT", "brick-making", 0.2)],
        {CL: "high (data gap)", FL: "high (data gap)", HT: "high (data gap)"},
    ),
    "medium_known": (
        [_supplier("IND", "logistics-transport", 1.0)],
        {CL: "low", FL: "medium", HT: "medium"},
    ),
    "medium_gap": (
        [{**WHOLESALER, "share": 0.8}, _supplier("IND", "logistics-transport", 0.2)],
        {CL: "low (data gap)", FL: "medium (data gap)", HT: "medium (data gap)"},
    ),
    "low_known": ([_supplier("ESP", "cleaning-services", 1.0)], dict.fromkeys(RISK_TYPES, "low")),
    "low_gap": ([{**WHOLESALER, "share": 1.0}], dict.fromkeys(RISK_TYPES, "low (data gap)")),
}

# the order expected: overall (by the highest level as shown), and by risk type
EXPECTED = {
    "overall": ["high_gap", "high_known", "medium_gap", "medium_known", "low_gap", "low_known"],
    # child labour: medium_gap is low on a gap there, medium_known plain low
    CL: ["high_gap", "high_known", "medium_gap", "low_gap", "medium_known", "low_known"],
    FL: ["high_gap", "high_known", "medium_gap", "medium_known", "low_gap", "low_known"],
    HT: ["high_gap", "high_known", "medium_gap", "medium_known", "low_gap", "low_known"],
}


def _members(folder: Path) -> Path:
    return write_members(folder, MEMBERS, "consulting-services")


class Run:
    """A batch of MEMBERS with --fail-on low: its summary, the names of its Ranking sheet's
    rows and its --fail-on lines, each member by its name (anonymised: by pseudonym)."""

    def __init__(self, tmp_path: Path, anonymise: bool) -> None:
        out = tmp_path / "out"
        args = ["batch", str(_members(tmp_path / "in")), "-o", str(out), "--format", "json"]
        args += ["--jobs", "1", "--fail-on", "low"] + (["--anonymise"] if anonymise else [])
        self.result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
        key = anonymise_key(out)[0] if anonymise else b""
        self.named = {(pseudonym(f"{n}.yaml", key) if anonymise else n): n for n in MEMBERS}
        self.summary = read_summary(out)
        sheet = load_workbook(out / "summary.xlsx")["Ranking"]
        self.sheet = [self.named[str(row[1])] for row in sheet.iter_rows(2, values_only=True)]
        lines = self.result.output.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("--fail-on low"))
        self.fail_on = [self.named[line.split()[0]] for line in lines[start + 1 :]]


@pytest.fixture(scope="module", params=[False, True], ids=["named", "anonymised"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return Run(tmp_path_factory.mktemp("rank"), request.param)


@pytest.mark.parametrize("member", MEMBERS)
def test_each_member_reads_as_the_table_says(run: Run, member: str) -> None:
    """The levels the ranking is tested on, and the premise: a member on a gap has lower
    weighted priorities than the one known at its level."""
    [row] = [r for r in run.summary["ranking"] if run.named[r["member"]] == member]
    assert {rt: level_shown(e) for rt, e in row["exposure"].items()} == MEMBERS[member][1]
    if member.endswith("_gap"):
        [known] = [
            r
            for r in run.summary["ranking"]
            if run.named[r["member"]] == member.replace("_gap", "_known")
        ]
        for rt in RISK_TYPES:
            assert (
                row["exposure"][rt]["weighted_priority"]
                < known["exposure"][rt]["weighted_priority"]
            )


def test_the_ranking_puts_a_level_on_a_gap_above_the_same_level_known(run: Run) -> None:
    ranking = run.summary["ranking"]
    assert [run.named[r["member"]] for r in ranking] == EXPECTED["overall"]
    assert [r["rank"] for r in ranking] == list(range(1, len(MEMBERS) + 1))


@pytest.mark.parametrize("risk_type", RISK_TYPES)
def test_the_ranking_by_risk_type_does_too(run: Run, risk_type: str) -> None:
    names = run.summary["ranking_by_risk_type"][risk_type]
    assert [run.named[n] for n in names] == EXPECTED[risk_type]


def test_the_ranking_sheet_and_the_fail_on_lines_follow_the_ranking(run: Run) -> None:
    assert run.sheet == EXPECTED["overall"]
    assert run.fail_on == EXPECTED["overall"]
    assert run.summary["schema_version"] == "1.10"


# levels as shown, highest first: each on a gap just above the same level known
SHOWN_ORDER = [
    "critical",
    "high (data gap)",
    "high",
    "medium (data gap)",
    "medium",
    "low (data gap)",
    "low",
]


@pytest.mark.parametrize(("higher", "lower"), list(pairwise(SHOWN_ORDER)))
def test_a_level_on_a_gap_stands_just_above_the_same_level_known(higher: str, lower: str) -> None:
    assert shown_rank(higher) > shown_rank(lower) >= 0


def test_the_order_is_that_of_the_summaries_counts_and_no_level_is_below_all() -> None:
    """SHOWN_LEVELS (the flags' counts, and diff's order) is in the same order."""
    assert sorted(SHOWN_LEVELS, key=shown_rank, reverse=True) == list(SHOWN_LEVELS)
    assert shown_rank("none") == -1 < shown_rank("low")
