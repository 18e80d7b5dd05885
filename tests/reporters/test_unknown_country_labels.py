"""An inferred stage whose country is not known (`inferred:SECTOR@unknown`: the stage a
retailer or brand buys, placed where it buys) is flagged at the worst case over the countries
where its sector is listed (methodology, section 4.1). It has no origin mix: the registers say
its flag's country is that worst case with the country unknown, the terminal tree says
"country unknown", `explain` prints where the stage was placed, and its flags ask for the
country of its site, not of a raw material's origin."""

from __future__ import annotations

import csv
import json
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.document import INFERRED_GAP
from ddtool.reporters.shown import WORST_ORIGIN, WORST_UNKNOWN

CHAIN = """\
company: {name: N, country: DEU, sector: retail-general}
suppliers: [{id: B1, country: DEU, sector: apparel retail}]
"""
FACTORY = "inferred:garment-manufacturing@unknown"
FARM = "inferred:cotton-farming:cotton-lint@world"


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The brand's chain assessed once to every register, with the terminal report."""
    where = tmp_path_factory.mktemp("unknown")
    chain = where / "chain.yaml"
    chain.write_text(CHAIN, encoding="utf-8")
    outs = {ext: where / f"out.{ext}" for ext in ("json", "xlsx", "csv", "html")}
    args = ["assess", str(chain)] + [arg for out in outs.values() for arg in ("-o", str(out))]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    doc = json.loads(outs["json"].read_text(encoding="utf-8"))
    return {"chain": chain, "outs": outs, "doc": doc, "terminal": result.output}


def _expected(doc: dict[str, Any]) -> dict[str, str]:
    """Each inferred supplier's flag countries as the registers should show them."""
    entries = {s["id"]: s for s in doc["suppliers"]}
    out: dict[str, str] = {}
    for flag in doc["flags"]:
        entry = entries[flag["supplier_id"]]
        if entry["inferred"]:
            country = entry["worst_case"][flag["risk_type"]]["country"]
            said = WORST_UNKNOWN if "country unknown" in entry["data_gaps"] else WORST_ORIGIN
            out[flag["id"]] = f"{country} ({said})"
    return out


def test_the_chain_has_both_kinds_of_inferred_stage(run: dict[str, Any]) -> None:
    expected = _expected(run["doc"])
    assert any(WORST_UNKNOWN in shown for shown in expected.values())
    assert any(WORST_ORIGIN in shown for shown in expected.values())
    factory = {f["id"] for f in run["doc"]["flags"] if f["supplier_id"] == FACTORY}
    assert {expected[i] for i in factory} == {f"ARG ({WORST_UNKNOWN})"}


def test_the_excel_register(run: dict[str, Any]) -> None:
    sheet = load_workbook(run["outs"]["xlsx"])["Risk register"]
    header = [c.value for c in sheet[1]]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    at, country = header.index("Flag ID"), header.index("Country")
    expected = _expected(run["doc"])
    shown = {r[at]: r[country] for r in rows if r[at] in expected}
    assert shown == expected
    assert f"ARG ({WORST_UNKNOWN})" in shown.values()


def test_the_csv_register(run: dict[str, Any]) -> None:
    with run["outs"]["csv"].open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = _expected(run["doc"])
    assert {r["flag_id"]: r["country"] for r in rows if r["flag_id"] in expected} == expected
    factory = {r["country"] for r in rows if r["supplier_id"] == FACTORY}
    assert factory == {f"ARG ({WORST_UNKNOWN})"}


def test_the_html_register(run: dict[str, Any]) -> None:
    html = run["outs"]["html"].read_text(encoding="utf-8")
    assert f"Argentina (ARG) ({WORST_UNKNOWN})" in html
    assert f"Argentina (ARG) ({WORST_ORIGIN})" not in html
    assert f"({WORST_ORIGIN})" in html  # (the cotton stages keep theirs)


def test_the_terminal_tree_says_country_unknown_not_origin_mix(run: dict[str, Any]) -> None:
    lines = run["terminal"].splitlines()
    factory = next(line for line in lines if "── inferred garment manufacturing  " in line)
    farm = next(line for line in lines if "── inferred cotton farming (cotton (lint))  " in line)
    assert "  country unknown  " in factory and "origin mix" not in factory
    assert "  origin mix  " in farm


def test_the_terminal_gap_heading_says_what_it_leaves_out(run: dict[str, Any]) -> None:
    doc = run["doc"]
    inferred = sum(1 for g in doc["data_gaps"] if g["gap"] == INFERRED_GAP)
    listed = len(doc["data_gaps"]) - inferred
    heading = (
        f"Data gaps: {listed} of {len(doc['data_gaps'])} listed (not listed: {inferred} ×"
        f' "{INFERRED_GAP}", one per inferred supplier)'
    )
    # one line at the terminal's width, not wrapped to the narrower table's
    assert heading in run["terminal"].splitlines()
    text = " ".join(run["terminal"].split())
    # the inferred stages' gaps of their own are listed, and the heading does not deny it
    assert f"│ {FACTORY} │ country unknown │" in text.split(heading)[1]
    assert "inferred suppliers' are not listed" not in text


@pytest.mark.parametrize(
    ("node", "assumption"),
    [
        (
            FACTORY,
            "assumption: stage of goods a wholesaler, retailer or brand buys, assumed where it"
            " buys them (not in its own country), which is unknown: the worst case is that of"
            " the countries where its sector is listed",
        ),
        (FARM, "assumption: origin mix of world cotton (lint) production"),
    ],
)
def test_explain_prints_the_placement(run: dict[str, Any], node: str, assumption: str) -> None:
    entry = next(s for s in run["doc"]["suppliers"] if s["id"] == node)
    assert assumption == f"assumption: {entry['assumption']}"
    result = CliRunner().invoke(app, ["explain", str(run["chain"]), node], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert assumption in result.output.splitlines()


def test_the_factory_is_asked_for_its_site_not_a_raw_material_origin(
    run: dict[str, Any],
) -> None:
    doc = run["doc"]
    for flag in doc["flags"]:
        measures = doc["bases"][flag["basis"]]["remediation"]
        if flag["supplier_id"] == FACTORY:
            assert "gap-site-country" in measures[:3], measures
            assert "gap-origin-country" not in measures, measures
