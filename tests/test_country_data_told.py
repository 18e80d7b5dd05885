"""A flag's evidence names every country indicator left out as "no data" with its weight,
where the country has no figure at all as where it has a few; and its reason marks a country
score resting on little data as it marks one resting on none (methodology §3.1).

A supplier in Western Sahara or Greenland (no figure) got one line "country indicators
(ESH): no data"; one in Nauru (20% of the weights) got a line per missing indicator. Nauru's
reason said only "country score 0.50", as if it rested on the country's figures."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_low
from openpyxl import load_workbook

from ddtool.scoring import COUNTRY_SPECS

SUPPLIERS = [
    {"id": "ESH-1", "name": "Laayoune Cleaning", "country": "ESH", "sector": "cleaning-services"},
    {"id": "GRL-1", "name": "Nuuk Software", "country": "GRL", "sector": "software-services"},
    {"id": "NRU-1", "name": "Nauru Telecom", "country": "NRU", "sector": "telecommunications"},
    {"id": "AUT-1", "name": "Vienna Software", "country": "AUT", "sector": "software-services"},
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return assessed_low(tmp_path_factory.mktemp("countries"), SUPPLIERS, "consulting-services")


def _basis(doc: dict[str, Any], supplier_id: str, risk_type: str) -> dict[str, Any]:
    [flag] = [
        f for f in doc["flags"] if f["supplier_id"] == supplier_id and f["risk_type"] == risk_type
    ]
    basis: dict[str, Any] = doc["bases"][flag["basis"]]
    return basis


def _facts(doc: dict[str, Any], basis: dict[str, Any]) -> list[dict[str, Any]]:
    return [doc["evidence"][e] for e in basis["evidence"]]


# (supplier, its country) with no figure for any indicator of any risk type
NO_DATA = [("ESH-1", "ESH", "forced_labour"), ("GRL-1", "GRL", "forced_labour")]
NO_DATA += [("GRL-1", "GRL", rt) for rt in ("child_labour", "human_trafficking")]


@pytest.mark.parametrize(("sid", "iso3", "risk_type"), NO_DATA)
def test_a_country_of_no_data_names_each_indicator_with_its_weight(
    doc: dict[str, Any], sid: str, iso3: str, risk_type: str
) -> None:
    basis = _basis(doc, sid, risk_type)
    missing = {
        f["indicator"]: f["note"]
        for f in _facts(doc, basis)
        if f["value"] == "no data"
        and f["indicator"] != f"country indicators ({iso3})"
        and not f["indicator"].startswith("sector")
    }
    specs = COUNTRY_SPECS[risk_type]
    assert len(missing) == len(specs)
    for (_, _, _, weight), note in zip(specs, missing.values(), strict=True):
        assert note.startswith(f"weight {weight:g}, left out: no indicator has a figure")
    # (the score as a whole is still said to be no data, and the reason says so)
    assert any(f["indicator"] == f"country indicators ({iso3})" for f in _facts(doc, basis))
    assert basis["reason"].endswith("country score 0.50 (no country data)")


# (supplier, risk type, how its reason ends)
REASONS = [
    ("NRU-1", "forced_labour", "country score 0.50 (little country data (20%))"),
    ("ESH-1", "forced_labour", "country score 0.50 (no country data)"),
]


@pytest.mark.parametrize(("sid", "risk_type", "ending"), REASONS)
def test_the_reason_marks_a_score_of_little_or_no_country_data(
    doc: dict[str, Any], sid: str, risk_type: str, ending: str
) -> None:
    assert _basis(doc, sid, risk_type)["reason"].endswith(ending)


def test_a_country_scored_on_its_own_figures_is_not_marked(doc: dict[str, Any]) -> None:
    reason = _basis(doc, "AUT-1", "forced_labour")["reason"]
    assert "country data" not in reason


def test_the_thin_mark_matches_the_gap(doc: dict[str, Any]) -> None:
    """The reason's mark and the supplier's gap give the same share."""
    [nauru] = [s for s in doc["suppliers"] if s["id"] == "NRU-1"]
    assert "little country data for forced_labour (20%)" in nauru["data_gaps"]


def test_a_thin_country_says_its_missing_indicators_were_scored_not_left_out(
    doc: dict[str, Any],
) -> None:
    """Nauru has 20% of the forced-labour weights: below the threshold, the missing weight is
    scored as no data (where that raises the score), which each missing indicator says, as
    the coverage fact does; "left out" would have an auditor work the mean of the others."""
    facts = _facts(doc, _basis(doc, "NRU-1", "forced_labour"))
    missing = [f["note"] for f in facts if f["value"] == "no data" and "(NRU)" in f["indicator"]]
    assert missing
    for note in missing:
        assert ", left out" not in note
        assert "not left out: the indicators with a figure are 20% of the weights, below 33%" in (
            note
        )
    [coverage] = [f for f in facts if f["indicator"] == "country indicators (NRU): coverage"]
    assert coverage["value"] == "20% of the indicator weights"


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_register_row_lists_only_the_gaps_of_its_own_risk_type(
    doc: dict[str, Any], tmp_path: Path, suffix: str
) -> None:
    """Nauru's supplier has little or no country data for each risk type: each flag row of
    the Excel and CSV registers gives that of its own risk type alone, never another's."""
    from ddtool.reporters import reporter_for

    out = tmp_path / f"register{suffix}"
    reporter_for(out).write(doc, out)
    if suffix == ".xlsx":
        sheet = load_workbook(out, read_only=True)["Risk register"]
        header, *rows = sheet.iter_rows(values_only=True)
        at = {name: header.index(name) for name in ("Supplier ID", "Risk type", "Data gaps")}
        cells = [(r[at["Supplier ID"]], r[at["Risk type"]], r[at["Data gaps"]]) for r in rows]
    else:
        with out.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.DictReader(handle))
        cells = [(r["supplier_id"], r["risk_type"], r["data_gaps"]) for r in table]
    nauru = {(rt or "").replace(" ", "_"): gaps or "" for sid, rt, gaps in cells if sid == "NRU-1"}
    assert set(nauru) == {"child_labour", "forced_labour", "human_trafficking"}
    for risk_type, gaps in nauru.items():
        assert gaps, risk_type
        for gap in gaps.split("; "):
            if "country data" in gap:
                assert gap.split(" for ", 1)[1].split(" ")[0] == risk_type


def test_a_working_children_rate_says_its_year_is_the_editions(tmp_path: Path) -> None:
    """The ILAB Findings give no survey year: the rate's year, 2022, is the report's edition,
    which the evidence says (it gave "2022" with no note, as if the survey were of 2022)."""
    farm = {"id": "F", "name": "Farm", "country": "CIV", "sector": "cocoa-farming"}
    doc = assessed_low(tmp_path, [farm], "chocolate-manufacturing")
    [rate] = [
        e
        for e in doc["evidence"].values()
        if e["indicator"] == "ilab_working_children_pct_age_5-14 (CIV)"
    ]
    assert (rate["value"], rate["year"]) == (25.6, 2022)
    assert (
        "the year is the 2022 edition's: the source gives no year of the survey" in (rate["note"])
    )


# (supplier, its country, its child-labour gap): the working-children rate, of half the
# weight, is missing for Ghana though the ILAB Findings cover it; the Netherlands and
# Austria are not among the countries they cover, and Côte d'Ivoire has its rate
UNRATED = [
    ("GHA", ["little country data for child_labour (50%: no working-children rate)"]),
    ("NLD", []),
    ("AUT", []),
    ("CIV", []),
]


@pytest.mark.parametrize(("iso3", "gaps"), UNRATED)
def test_a_country_the_findings_cover_without_a_working_children_rate_is_a_gap(
    tmp_path: Path, iso3: str, gaps: list[str]
) -> None:
    """A Ghanaian cocoa trader read plain "low" on child labour, with no gap, though the
    indicator of half the weight had no figure: its low is on missing data now."""
    from ddtool.reporters.shown import level_shown

    trader = {"id": "T", "name": "Trader", "country": iso3, "sector": "cocoa-trading"}
    doc = assessed_low(tmp_path, [trader], "chocolate-manufacturing")
    [entry] = [s for s in doc["suppliers"] if s["id"] == "T"]
    assert [g for g in entry["data_gaps"] if "country data" in g] == gaps
    child = entry["risk"]["child_labour"]
    if iso3 == "GHA":
        assert child["level"] == "low"
        assert level_shown(entry, child["level"], "child_labour") == "low (data gap)"
        [flag] = [
            f for f in doc["flags"] if f["supplier_id"] == "T" and f["risk_type"] == "child_labour"
        ]
        reason = doc["bases"][flag["basis"]]["reason"]
        assert reason.endswith("(little country data (50%: no working-children rate))")
