"""An inferred stage in a country not known carries its "country unknown" gap and its own
reason into the assessment: its entry and the data-gap list hold the gap, its flags the
reason and the measure that closes the gap, and every report shows its low as "low (data
gap)"."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from chain_support import chain_file

from ddtool.assess import AssessOptions, assess
from ddtool.document import INFERRED_GAP
from ddtool.reporters.csv_report import CsvReporter

NODE = "inferred:cocoa-processing@unknown"
COMPANY = {"name": "T", "country": "DEU"}
CHOCOLATE_MAKER = {
    "id": "Y",
    "name": "y",
    "country": "unknown",
    "sector": "chocolate-manufacturing",
}
REASON = (
    "inferred tier in an unknown country: own score with no country data is low;"
    " cocoa-processing is listed in no country. Map this tier to replace the inference with"
    " real data."
)


@pytest.fixture
def chain(tmp_path: Path) -> Path:
    path = chain_file(tmp_path, [CHOCOLATE_MAKER], COMPANY)
    (tmp_path / "low.yaml").write_text("flag_level: low\n", encoding="utf-8")
    return path


def test_the_gap_and_reason_of_an_inferred_stage_of_unknown_country(
    chain: Path,
) -> None:
    doc = assess([chain], AssessOptions(config=chain.parent / "low.yaml")).data
    entry = next(s for s in doc["suppliers"] if s["id"] == NODE)
    assert entry["data_gaps"] == [INFERRED_GAP, "country unknown"]
    assert [g["gap"] for g in doc["data_gaps"] if g["supplier_id"] == NODE] == [
        INFERRED_GAP,
        "country unknown",
    ]
    flags = [f for f in doc["flags"] if f["supplier_id"] == NODE]
    assert [(f["risk_type"], f["level"], f["priority"]) for f in flags] == [
        ("forced_labour", "low", 0.2625),
        ("human_trafficking", "low", 0.245),
        ("child_labour", "low", 0.155),
    ]
    for flag in flags:
        basis = doc["bases"][flag["basis"]]
        assert basis["reason"] == REASON
        # (a processing stage has no raw-material origin to give: the country of its site)
        assert basis["remediation"][:2] == ["gap-map-inferred", "gap-site-country"]


def test_reports_show_its_low_as_resting_on_the_gap(chain: Path, tmp_path: Path) -> None:
    result = assess([chain], AssessOptions(config=chain.parent / "low.yaml"))
    out = tmp_path / "a.csv"
    CsvReporter().write(result.data, out)
    rows = [r for r in csv.DictReader(out.open(encoding="utf-8-sig")) if r["supplier_id"] == NODE]
    assert [r["level"] for r in rows] == ["low (data gap)"] * 3
