"""`ddtool batch`: a member's level says when a data gap bears on it, whichever supplier its
maximum sits on.

A member's exposure kept only the data gaps of the supplier its maximum sits on: a haulier's
medium above a wholesaler beneath which nothing is known (its own level "low (data gap)")
read as a plain "medium" in summary.json, summary.xlsx and the --fail-on lines, anonymised
or not, and so did a low resting on a complete supplier beside such a wholesaler. Every
supplier low on missing data now bears on each level of its risk type below critical
(document.chain_gaps), as the assessment's reports show the chain's exposure.

Only a low level counted as resting on missing data: a member of which nothing is known (its
suppliers named and no more, each medium on no country and no sector) read plain "medium"
with no data gaps, and ranked below a mostly known member whose medium read "medium (data
gap)" for one supplier low on missing country data. Every level below critical that rests on
missing data of its own score now bears (document.gaps_rested_on, summary schema 1.7).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batch_support import read_summary, write_members
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import SCHEMA_VERSION
from ddtool.batch import (
    SUMMARY_SCHEMA,
    BatchOptions,
    anonymise_key,
    level_shown,
    pseudonym,
    run_batch,
)
from ddtool.cli import app
from ddtool.document import INFERRED_GAP, NOTHING_FOLLOWED, UNMAPPED_BELOW, chain_gaps
from ddtool.reporters.shown import chain_levels

CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"
RISK_TYPES = (CL, FL, HT)
LITTLE_CL = "little country data for child_labour (25%)"
NF = NOTHING_FOLLOWED
COUNTRY, SECTOR = "country unknown", "sector unknown"
MOSTLY_KNOWN = {CL: "low", FL: "medium", HT: "medium"}

# a wholesaler naming no products, nothing mapped beneath it: its own low is "low (data gap)"
WHOLESALER = {"id": "WH", "name": "Wholesale Co", "country": "BEL", "sector": "wholesale-trade"}


def _haulier(country: str) -> dict[str, Any]:
    return {"id": "HL", "name": "Haul Co", "country": country, "sector": "logistics-transport"}


# member: its suppliers, and for each risk type its exposure's level and the gaps that bear
MEMBERS: dict[str, tuple[list[dict[str, Any]], dict[str, tuple[str, list[str]]]]] = {
    # the maximum on an Indian haulier (medium forced labour and trafficking): the
    # wholesaler's low on missing data could be higher
    "haulier": (
        [WHOLESALER, _haulier("IND")],
        {CL: ("low", [NF]), FL: ("medium", [NF]), HT: ("medium", [NF])},
    ),
    # all low, the maximum on the complete Belgian haulier: no plain low either
    "plain": ([WHOLESALER, _haulier("BEL")], {rt: ("low", [NF]) for rt in RISK_TYPES}),
    # a Ghanaian cocoa farm: its critical child labour nothing can raise
    "ghana": (
        [
            WHOLESALER,
            {"id": "GF", "country": "GHA", "sector": "cocoa-farming", "products": ["cocoa beans"]},
        ],
        {CL: ("critical", []), FL: ("medium", [NF]), HT: ("medium", [NF])},
    ),
    # an Uzbek food maker lacking child labour data only (and its crop farms, inferred in
    # Uzbekistan, listed there for silk cocoons, whose gap is the same text, and their being
    # inferred, no gap of their scores): it bears on the child labour level alone, not on the
    # forced labour and trafficking levels below critical (the latter's maximum on the haulier)
    "uzbek": (
        [
            {
                "id": "F1",
                "name": "Food One",
                "country": "Uzbekistan",
                "sector": "food manufacturing",
            },
            _haulier("IND"),
        ],
        {CL: ("medium", [LITTLE_CL]), FL: ("high", []), HT: ("medium", [])},
    ),
    # a medium on missing data (no country, no sector) rests on it: what it hides may be worse
    "unknown": (
        [
            {"id": "G3", "name": "Unknown trade", "country": "unknown"},
            {"id": "G8", "name": "Accounts", "country": "DEU", "sector": "accounting services"},
        ],
        {rt: ("medium", [COUNTRY, SECTOR]) for rt in RISK_TYPES},
    ),
    # nothing known but the suppliers' names
    "names": (
        [{"id": "U1", "name": "Supplier one"}, {"id": "U2", "name": "Supplier two"}],
        {rt: ("medium", [COUNTRY, SECTOR]) for rt in RISK_TYPES},
    ),
    # a known Thai cleaner (medium forced labour and trafficking) above a Greenland host
    # lacking country data: mostly known
    "known": (
        [
            {
                "id": "K1",
                "name": "Bangkok Cleaning",
                "country": "Thailand",
                "sector": "cleaning-services",
                "suppliers": [
                    {
                        "id": "K3",
                        "name": "Greenland host",
                        "country": "Greenland",
                        "sector": "software-services",
                    }
                ],
            }
        ],
        {rt: (level, [f"no country data for {rt}"]) for rt, level in MOSTLY_KNOWN.items()},
    ),
}


def _shown(level: str, gaps: list[str]) -> str:
    return level_shown({"level": level, "data_gaps": gaps})


def _members(folder: Path) -> Path:
    return write_members(folder, MEMBERS, "retail-general")


class Run:
    """A batch of MEMBERS with --fail-on low: its summary by member name, its Ranking sheet
    and its --fail-on lines (anonymised: named by pseudonym, then name)."""

    def __init__(self, tmp_path: Path, anonymise: bool) -> None:
        out = tmp_path / "out"
        args = ["batch", str(_members(tmp_path / "in")), "-o", str(out), "--format", "json"]
        args += ["--jobs", "1", "--fail-on", "low"] + (["--anonymise"] if anonymise else [])
        self.result = CliRunner().invoke(app, args, env={"COLUMNS": "300"})
        key = anonymise_key(out)[0] if anonymise else b""
        self.named = {(pseudonym(f"{n}.yaml", key) if anonymise else n): n for n in MEMBERS}
        self.rows = {self.named[r["member"]]: r for r in read_summary(out)["ranking"]}
        sheet = list(load_workbook(out / "summary.xlsx")["Ranking"].iter_rows(values_only=True))
        self.sheet = {self.named[r[1]]: dict(zip(sheet[0], r, strict=True)) for r in sheet[1:]}
        self.out = out
        self.anonymise = anonymise


@pytest.fixture(scope="module", params=[False, True], ids=["named", "anonymised"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return Run(tmp_path_factory.mktemp("gaps"), request.param)


@pytest.mark.parametrize("member", MEMBERS)
def test_the_summary_json_gives_the_gaps_that_bear_on_each_level(run: Run, member: str) -> None:
    exposure = run.rows[member]["exposure"]
    assert {rt: (e["level"], e["data_gaps"]) for rt, e in exposure.items()} == MEMBERS[member][1]


@pytest.mark.parametrize("member", MEMBERS)
def test_the_ranking_sheet_shows_each_level_on_a_gap_so(run: Run, member: str) -> None:
    row = run.sheet[member]
    shown = {rt: row[f"{rt.replace('_', ' ')}: exposure"] for rt in RISK_TYPES}
    assert shown == {rt: _shown(*expected) for rt, expected in MEMBERS[member][1].items()}


def test_the_ranking_sheet_colours_a_medium_on_a_gap_as_medium(run: Run) -> None:
    """Its top level is medium (at least: a gap could raise it); only a low on missing data
    goes uncoloured."""
    sheet = load_workbook(run.out / "summary.xlsx")["Ranking"]
    fills = {
        run.named[str(r[1].value)]: (r[1].fill.fill_type, r[1].fill.fgColor.rgb)
        for r in sheet.iter_rows(min_row=2)
    }
    assert fills["haulier"] == ("solid", "FFFFEB9C")
    assert fills["plain"][0] is None


@pytest.mark.parametrize("member", MEMBERS)
def test_the_fail_on_lines_name_the_levels_on_a_gap(run: Run, member: str) -> None:
    """`  haulier (child labour low (data gap), forced labour medium (data gap), …)`;
    anonymised, `  member-… (haulier) (…)`."""
    assert run.result.exit_code == 1, run.result.output
    lines = [line.strip() for line in run.result.output.splitlines() if line.startswith("  ")]
    named = {run.named[line.split(" (", 1)[0]]: line for line in lines}
    risks = ", ".join(
        f"{rt.replace('_', ' ')} {_shown(*expected)}" for rt, expected in MEMBERS[member][1].items()
    )
    assert named[member].endswith(f" ({risks})")
    if run.anonymise:  # (the terminal, the operator's own, names the member beside it)
        assert named[member].split(" (")[1] == f"{member})"


@pytest.mark.parametrize("member", MEMBERS)
def test_batch_and_the_members_assessment_agree(run: Run, member: str) -> None:
    """The level each risk type reads in the summary is the one the member's own reports
    give the chain's exposure."""
    folder = run.rows[member]["folder"] or member  # (anonymised: not given, the name's own)
    document = json.loads((run.out / folder / "assessment.json").read_text("utf-8"))
    shown = {rt: level_shown(e) for rt, e in run.rows[member]["exposure"].items()}
    assert chain_levels(document) == shown


def test_a_resumed_member_gets_the_gaps_of_every_supplier(tmp_path: Path) -> None:
    """A result.json kept from a run that listed only the gaps of the supplier the maximum
    sits on (none: the haulier's) is resumed, not assessed again, with the gaps read again
    from its assessment."""
    folder = _members(tmp_path / "in")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    result = out / "haulier" / "result.json"
    record = json.loads(result.read_text(encoding="utf-8"))
    for exposure in record["exposure"].values():
        exposure["data_gaps"] = []
    result.write_text(json.dumps(record), encoding="utf-8")
    again = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True))
    assert again.skipped == len(MEMBERS)
    rows = {row["member"]: row for row in read_summary(out)["ranking"]}
    exposure = rows["haulier"]["exposure"]
    assert {rt: (e["level"], e["data_gaps"]) for rt, e in exposure.items()} == MEMBERS["haulier"][1]


def _entry(sid: str, levels: dict[str, str], gaps: list[str], **more: Any) -> dict[str, Any]:
    risk = {rt: {"level": level, "priority": 0.1} for rt, level in levels.items()}
    return {"id": sid, "inferred": False, "risk": risk, "data_gaps": gaps, **more}


ALL_LOW = dict.fromkeys(RISK_TYPES, "low")
MEDIUM = dict.fromkeys(RISK_TYPES, "medium")
HIGH = dict.fromkeys(RISK_TYPES, "high")

# (what the chain holds, its exposure's levels, the gaps that bear on each)
CHAIN_GAPS = [
    pytest.param(
        [_entry("A", ALL_LOW, [NF]), _entry("B", MEDIUM, [])],
        MEDIUM,
        {rt: [NF] for rt in RISK_TYPES},
        id="a low on a gap beside a medium elsewhere",
    ),
    pytest.param(
        [_entry("A", ALL_LOW, [NF])],
        {CL: "critical", FL: "high", HT: "low"},
        {CL: [], FL: [NF], HT: [NF]},
        id="nothing raises a critical",
    ),
    pytest.param(
        [_entry("A", MEDIUM, ["country unknown"]), _entry("B", ALL_LOW, [])],
        MEDIUM,
        {rt: ["country unknown"] for rt in RISK_TYPES},
        id="a medium on missing data",
    ),
    pytest.param(
        [_entry("A", MEDIUM, ["sector unknown"]), _entry("B", HIGH, [])],
        HIGH,
        {rt: ["sector unknown"] for rt in RISK_TYPES},
        id="a medium on a sector unknown beside a high known",
    ),
    pytest.param(
        [_entry("A", HIGH, []), _entry("B", MEDIUM, [UNMAPPED_BELOW])],
        HIGH,
        {rt: [] for rt in RISK_TYPES},
        id="known levels and tiers inferred beneath",
    ),
    pytest.param(
        [_entry("A", ALL_LOW, [UNMAPPED_BELOW]), _entry("I", ALL_LOW, [INFERRED_GAP])],
        ALL_LOW,
        {rt: [] for rt in RISK_TYPES},
        id="tiers inferred beneath and an inferred supplier's being inferred",
    ),
    pytest.param(
        [_entry("A", ALL_LOW, ["no country data for forced_labour", UNMAPPED_BELOW])],
        MEDIUM,
        {CL: [], FL: ["no country data for forced_labour"], HT: []},
        id="another risk type's country data",
    ),
    pytest.param(
        [
            _entry(
                "A",
                ALL_LOW,
                ["country unknown"],
                worst_case={CL: {"level": "high", "priority": 0.6}},
            )
        ],
        HIGH,
        {rt: ["country unknown"] for rt in RISK_TYPES},
        id="a worst case above low, of a country unknown",
    ),
    pytest.param(
        [
            _entry(
                "A",
                MEDIUM,
                ["country unknown"],
                worst_case={CL: {"level": "critical", "priority": 0.81}},
            )
        ],
        HIGH,
        {CL: [], FL: ["country unknown"], HT: ["country unknown"]},
        id="a critical worst case, which nothing raises",
    ),
    pytest.param(
        [
            _entry("A", ALL_LOW, ["sector unknown", "country unknown"]),
            _entry("B", ALL_LOW, ["country unknown", NF]),
        ],
        MEDIUM,
        {rt: ["sector unknown", "country unknown", NF] for rt in RISK_TYPES},
        id="each text once, in the order of the entries",
    ),
]


@pytest.mark.parametrize(("suppliers", "levels", "gaps"), CHAIN_GAPS)
def test_the_gaps_that_bear_on_a_chains_level(
    suppliers: list[dict[str, Any]], levels: dict[str, str], gaps: dict[str, list[str]]
) -> None:
    assert chain_gaps(suppliers, levels) == gaps


# (what the chain holds, the gaps that bore on its medium levels before schema 2.6: those of a
# low level alone)
LOW_ONLY = [
    pytest.param(
        [_entry("A", MEDIUM, ["country unknown"]), _entry("B", ALL_LOW, [])],
        {rt: [] for rt in RISK_TYPES},
        id="a medium on missing data stood",
    ),
    pytest.param(
        [_entry("A", ALL_LOW, ["sector unknown"]), _entry("B", MEDIUM, [])],
        {rt: ["sector unknown"] for rt in RISK_TYPES},
        id="a low on missing data bore",
    ),
]


@pytest.mark.parametrize(("suppliers", "gaps"), LOW_ONLY)
def test_the_gaps_that_bore_on_a_chains_level_before_schema_2_6(
    suppliers: list[dict[str, Any]], gaps: dict[str, list[str]]
) -> None:
    """The rule `assess --verify` compares a file saved by 2.3 to 2.5 with."""
    assert chain_gaps(suppliers, MEDIUM, low_only=True) == gaps


def test_a_chain_of_unknowns_ranks_above_a_mostly_known_one_of_its_level(run: Run) -> None:
    """Both read "medium (data gap)" at their top level; the one of which nothing is known
    ranks above the other by its weighted figure, no longer below it for lack of the mark."""
    assert read_summary(run.out)["schema_version"] == SUMMARY_SCHEMA == "1.10"
    order = [run.named[row["member"]] for row in read_summary(run.out)["ranking"]]
    assert order.index("names") < order.index("known")
    for member in ("names", "known"):
        exposure = run.rows[member]["exposure"]
        assert level_shown(exposure[HT]) == "medium (data gap)"


def test_a_member_assessed_by_an_earlier_schema_is_assessed_again(tmp_path: Path) -> None:
    """An assessment.json of schema 2.5 holds the gaps of that rule (none on the medium of a
    chain known by names alone): resuming, the member is assessed again, not read."""
    folder = _members(tmp_path / "in")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    saved = out / "names" / "assessment.json"
    document = json.loads(saved.read_text(encoding="utf-8"))
    for exposure in document["summary"]["exposure"].values():
        exposure["data_gaps"] = []
    saved.write_text(json.dumps(document | {"schema_version": "2.5"}), encoding="utf-8")
    again = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True))
    assert again.skipped == len(MEMBERS) - 1
    rows = {row["member"]: row for row in read_summary(out)["ranking"]}
    exposure = rows["names"]["exposure"]
    assert {rt: (e["level"], e["data_gaps"]) for rt, e in exposure.items()} == MEMBERS["names"][1]
    assert json.loads(saved.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
