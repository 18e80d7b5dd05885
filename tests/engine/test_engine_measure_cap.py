"""A flag shows six measures at most (methodology, section 6): each main risk indicator of its
sector is addressed before measures of less relevance fill the places, and how many more fit
the flag is said, in the JSON and in every register. The cases are data:
tests/assets/measures/cap.yaml."""

from __future__ import annotations

import csv
import io
import itertools
import json
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml
from chain_support import chain_file
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.document import register
from ddtool.errors import ProfileError
from ddtool.profiles import Measure, bundled_dir, load_profiles
from ddtool.remediation import MAX_MEASURES, UNKNOWN, main_indicators, select_measures
from ddtool.reporters import reporter_for

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "measures" / "cap.yaml").read_text(encoding="utf-8")
)


def _shown(tmp_path: Path, case: dict[str, Any]) -> dict[str, tuple[list[str], int]]:
    """The supplier's flags: per risk type, its measure ids and how many more fit it."""
    path = (
        ROOT / "sample_chains" / case["sample"]
        if "sample" in case
        else chain_file(tmp_path, case["suppliers"])
    )
    doc = assess([path]).data
    return {
        f["risk_type"]: (f["remediation"], f["measures_not_shown"])
        for f in register(doc)
        if f["supplier_id"] == case["supplier"]
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_flags_six_places_go_to_its_main_indicators_first(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    shown = _shown(tmp_path, case)
    assert set(case["measures"]) <= set(shown), sorted(shown)
    for risk_type, measures in case["measures"].items():
        assert shown[risk_type] == (measures, case["not_shown"][risk_type]), risk_type
    if "same_without" in case:
        without = [
            {k: v for k, v in s.items() if k != case["same_without"]} for s in case["suppliers"]
        ]
        (tmp_path / "without").mkdir()
        again = _shown(tmp_path / "without", {**case, "suppliers": without})
        assert {rt: again[rt] for rt in case["measures"]} == {
            rt: shown[rt] for rt in case["measures"]
        }


def _closes_a_gap(own: list[Measure], sector: str, inferred: bool, measure: Measure) -> bool:
    return measure not in own or (
        inferred and "data_gap" in measure.risk_types and sector in measure.sectors
    )


GAPS = (
    [],
    ["tiers below not mapped (inferred)"],
    ["country unknown", "tiers below not mapped (inferred)"],
    ["country unknown", "sector unknown", "no country data for X", "tiers below not mapped"],
)


def test_every_sector_s_main_indicators_are_addressed_where_a_measure_fits() -> None:
    """For every sector and risk type, mapped or inferred, with no gap or up to four: at most
    six measures; each main indicator that a fitting measure addresses is addressed by one
    shown (where the places left after the data gaps are as many as the indicators), and
    one that none addresses is among those the profiles say no measure addresses
    (Profiles.unaddressed, listed in test_engine_indicators.py); the risk's own in step order
    after the gaps'; and the count of those not shown is at least the fitting ones left out
    (equal without data gaps, where nothing else fits)."""
    profiles = load_profiles()
    order = {step: i for i, (step, _) in enumerate(profiles.steps)}
    by_id = {m.id: m for m in profiles.measures}
    checked = 0
    for sector, risk_type, inferred, gaps in itertools.product(
        profiles.sectors,
        ("child_labour", "forced_labour", "human_trafficking"),
        (False, True),
        GAPS,
    ):
        selection = select_measures(profiles, risk_type, sector, inferred, list(gaps), UNKNOWN)
        shown = [by_id[m["id"]] for m in selection.measures]
        assert len(shown) <= MAX_MEASURES
        own = profiles.measures_for(risk_type, sector)
        # the data gaps' first (at most three): measures of no risk type's own, and at an
        # inferred stage the data-gap measures written for its sector
        gap_shown = list(
            itertools.takewhile(partial(_closes_a_gap, own, sector, inferred), shown[:3])
        )
        rest = shown[len(gap_shown) :]
        assert rest == sorted(rest, key=lambda m: (order[m.step], m.id)), (sector, risk_type)
        addressed = {a for m in shown for a in m.addresses}
        indicators = main_indicators(profiles, risk_type, sector)
        if len(indicators) <= MAX_MEASURES - len(gap_shown):
            for indicator in indicators:
                if any(indicator in m.addresses for m in own):
                    assert indicator in addressed, (sector, risk_type, inferred, gaps, indicator)
                    checked += 1
                else:
                    unaddressed = profiles.unaddressed[(sector, risk_type)]
                    assert indicator in unaddressed, (sector, risk_type, indicator)
        left_out = [m for m in own if m not in shown]
        if not gaps and not inferred:
            assert selection.not_shown == len(left_out), (sector, risk_type)
        else:
            assert selection.not_shown >= len(left_out), (sector, risk_type, inferred, gaps)
    assert checked > 300  # (the indicators of some 70 sectors, each in 16 situations)


def test_the_registers_say_how_many_more_measures_fit(tmp_path: Path) -> None:
    """The JSON's count, in the Markdown (whose details are of high and critical flags),
    HTML, Excel and CSV registers: G-BD-1's forced labour flag (high) of the garment sample."""
    doc = assess([ROOT / "sample_chains" / "garment.yaml"]).data
    flag = next(
        f
        for f in register(doc)
        if (f["supplier_id"], f["risk_type"]) == ("G-BD-1", "forced_labour")
    )
    assert flag["level"] == "high" and doc["bases"][flag["basis"]]["measures_not_shown"] == 7
    said = "+7 more measures fit this flag, not shown (six at most per flag)"
    outputs = {suffix: tmp_path / f"report.{suffix}" for suffix in ("md", "html", "xlsx", "csv")}
    for output in outputs.values():
        reporter_for(output).write(doc, output)
    markdown = outputs["md"].read_text(encoding="utf-8")
    details = markdown.split(f"- Flag: `{flag['id']}`", 1)[1].split("\n\n### ", 1)[0]
    assert details.rstrip().endswith(f"- {said}"), details
    html = outputs["html"].read_text(encoding="utf-8")
    assert json.dumps(said)[1:-1] in html
    sheet = load_workbook(outputs["xlsx"])["Risk register"]
    header = [c.value for c in sheet[1]]
    cells = [
        row[header.index("Measures")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[header.index("Flag ID")] == flag["id"]
    ]
    assert len(cells) == 1 and cells[0].splitlines()[-1] == said
    assert len(cells[0].splitlines()) == 7  # (six measures, then the count)
    rows = list(csv.DictReader(io.StringIO(outputs["csv"].read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if r["flag_id"] == flag["id"])
    assert row["measures_not_shown"] == "7"
    assert len(row["measures"].split(" | ")) == 6  # (its own column: the cell lists measures)


def _saved_before_2_2(doc: dict[str, Any]) -> dict[str, Any]:
    """An assessment as schema 2.1 held it: its bases say nothing of the measures not shown."""
    for basis in doc["bases"].values():
        del basis["measures_not_shown"]
    return doc | {"schema_version": "2.1"}


@pytest.mark.parametrize(
    ("saved", "cell"), [(lambda doc: doc, "7"), (_saved_before_2_2, "")], ids=["2.2", "2.1"]
)
def test_a_register_of_a_file_that_does_not_say_how_many_more_fit_says_nothing(
    tmp_path: Path, saved: Any, cell: str
) -> None:
    """Saved before schema 2.2, a file does not say how many more measures fit a flag: the CSV
    cell is empty (0 would claim that none is left out), and the other registers say nothing,
    as they do for 0."""
    doc = saved(assess([ROOT / "sample_chains" / "garment.yaml"]).data)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    outputs = [tmp_path / f"report.{suffix}" for suffix in ("csv", "md", "html", "xlsx")]
    done = CliRunner().invoke(
        app, ["report", str(path), "-q", *(a for out in outputs for a in ("-o", str(out)))]
    )
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(io.StringIO(outputs[0].read_text(encoding="utf-8-sig"))))
    row = next(r for r in rows if (r["supplier_id"], r["risk_type"]) == ("G-BD-1", "forced_labour"))
    assert row["measures_not_shown"] == cell
    if not cell:
        assert {r["measures_not_shown"] for r in rows} == {""}
    said = "more measures fit this flag"
    assert (said in outputs[1].read_text(encoding="utf-8")) == bool(cell)
    assert (said in outputs[2].read_text(encoding="utf-8")) == bool(cell)
    sheet = load_workbook(outputs[3])["Risk register"]
    header = [c.value for c in sheet[1]]
    measures = [
        r[header.index("Measures")] or "" for r in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert any(said in m for m in measures) == bool(cell)


def _overlay(tmp_path: Path, name: str, data: dict[str, Any]) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


def _bundled(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((bundled_dir() / name).read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize(
    ("named", "message"),
    [
        ("debt-bondage", None),
        ("debt-bondag", "'debt-bondag' is no risk indicator of remediation.yaml"),
        ("hazardous-work", "'hazardous-work' is a sign of child_labour, not of forced_labour"),
    ],
)
def test_a_sectors_main_indicators_are_risk_indicators_of_its_risk_type(
    tmp_path: Path, named: str, message: str | None
) -> None:
    """A misspelt indicator would be addressed by no measure, without a word."""
    sector = next(s for s in _bundled("sectors.yaml")["sectors"] if s["id"] == "brick-making")
    sector["risk"]["forced_labour"]["indicators"] = [named]
    folder = _overlay(tmp_path, "sectors.yaml", {"sectors": [sector]})
    if message is None:
        risk = load_profiles([folder]).sectors["brick-making"].risk["forced_labour"]
        assert risk.indicators == (named,)
        return
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    assert message in str(excinfo.value)
    assert "(brick-making) forced_labour.indicators" in str(excinfo.value)


def test_a_measure_addresses_known_risk_indicators(tmp_path: Path) -> None:
    measure = next(
        m for m in _bundled("remediation.yaml")["measures"] if m["id"] == "fl-id-retention"
    )
    measure["addresses"] = ["retention-of-passports"]
    folder = _overlay(tmp_path, "remediation.yaml", {"measures": [measure]})
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    assert "(fl-id-retention) addresses" in str(excinfo.value)
    assert "'retention-of-passports' is no risk indicator" in str(excinfo.value)
