"""A supplier low on missing data bears on every exposure above it, a supplier's as the
chain's, and the assessment JSON says so (schema 2.3).

A supplier's exposure showed "(data gap)" only where its maximum sat on a supplier low on
missing data, the chain's wherever such a supplier was: a haulier above a wholesaler beneath
which nothing is known read "low (data gap; … from D1)" as the chain's child labour exposure,
and plain "low" as its own, in the Excel Suppliers sheet, `explain` and the JSON. The JSON did
not say that a gap bears on the chain's exposure at all ("medium" where every report said
"medium (data gap)"). The roll-up now carries, per supplier and risk type, whether a supplier
low on missing data lies at or beneath it; the summary's exposure lists the gaps that bear on
the chain's (`data_gaps`), a supplier's says `on_a_gap`, and every report reads them there (an
earlier document's are read from its entries, by the same rule).

Only a low level counted as resting on missing data: a supplier known by its name alone,
scored medium on no country and no sector, marked nothing, and a chain of such suppliers read
plain "medium". Every level below critical that rests on missing data of its own score now
bears, whether the gap is a blank country, a blank sector or both (schema 2.6).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

import ddtool.document
from ddtool.assess import SCHEMA_VERSION, assess
from ddtool.batch import _member_figures
from ddtool.cli import app
from ddtool.diff import load_for_diff, read_assessment
from ddtool.document import chain_gaps
from ddtool.errors import DdtoolError
from ddtool.model import LEVELS
from ddtool.reporters import reporter_for
from ddtool.reporters.shown import ExposureLevels, chain_levels
from ddtool.verify import verify

CL, FL, HT = RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")
RISKS = ("child labour", "forced labour", "human trafficking")
GAP, MGAP = "low (data gap)", "medium (data gap)"

# a wholesaler naming no products, nothing mapped beneath it: its own low is "low (data gap)"
WHOLESALER = {"id": "WH", "name": "Wholesale Co", "country": "BEL", "sector": "wholesale-trade"}
HAULIER = {"id": "HL", "name": "Haul Co", "country": "IND", "sector": "logistics-transport"}
FARM = {
    "id": "GF",
    "name": "Cocoa farm",
    "country": "GHA",
    "sector": "cocoa-farming",
    "products": ["cocoa beans"],
}


def _above(supplier: dict[str, Any], *beneath: dict[str, Any]) -> dict[str, Any]:
    return {**supplier, "suppliers": list(beneath)}


# chain: its suppliers (nested beneath their buyer), each supplier's exposure as every report
# shows it (child labour, forced labour, trafficking), and the chain's
CHAINS: dict[str, tuple[list[dict[str, Any]], dict[str, list[str]], list[str]]] = {
    # an Indian haulier (medium forced labour and trafficking) above the wholesaler: what the
    # wholesaler's missing data hides may be above the haulier's own levels
    "a haulier above a wholesaler": (
        [_above({**HAULIER, "id": "D1"}, WHOLESALER)],
        {"D1": [GAP, MGAP, MGAP], "WH": [GAP] * 3},
        [GAP, MGAP, MGAP],
    ),
    # beside it, the haulier's own exposure rests on nothing missing; the chain's does
    "a haulier beside a wholesaler": (
        [WHOLESALER, HAULIER],
        {"HL": ["low", "medium", "medium"], "WH": [GAP] * 3},
        [GAP, MGAP, MGAP],
    ),
    # a Ghanaian cocoa farm's critical child labour, which nothing can raise
    "a critical farm above a wholesaler": (
        [_above(FARM, WHOLESALER)],
        {"GF": ["critical", MGAP, MGAP], "WH": [GAP] * 3},
        ["critical", MGAP, MGAP],
    ),
    # a supplier two tiers down lacking country data, beneath a complete one and the haulier
    "a gap two tiers down": (
        [
            _above(
                HAULIER,
                _above(
                    {
                        "id": "G2",
                        "name": "Software DE",
                        "country": "DEU",
                        "sector": "software services",
                    },
                    {
                        "id": "G5",
                        "name": "Antarctic IT",
                        "country": "ATA",
                        "sector": "software services",
                    },
                ),
            )
        ],
        {"HL": [GAP, MGAP, MGAP], "G2": [GAP] * 3, "G5": [GAP] * 3},
        [GAP, MGAP, MGAP],
    ),
    # an Uzbek food maker lacking child labour data only, as do its crop farms, inferred in
    # Uzbekistan (listed there for silk cocoons; medium child labour, high forced labour): it
    # bears on child labour alone, not on the forced labour and trafficking levels below
    # critical, the haulier's medium trafficking above the farms' the chain's
    "one risk type's country data": (
        [
            {
                "id": "F1",
                "name": "Food One",
                "country": "Uzbekistan",
                "sector": "food manufacturing",
            },
            HAULIER,
        ],
        {"F1": [MGAP, "high", "medium"], "HL": ["low", "medium", "medium"]},
        [MGAP, "high", "medium"],
    ),
    # a medium on missing data (no country, no sector) rests on it: what it hides may be
    # worse; the complete supplier beneath it does not
    "a medium on missing data": (
        [
            _above(
                {"id": "G3", "name": "Unknown trade", "country": "unknown"},
                {"id": "G8", "name": "Accounts", "country": "DEU", "sector": "accounting services"},
            )
        ],
        {"G3": [MGAP] * 3, "G8": ["low"] * 3},
        [MGAP] * 3,
    ),
    # suppliers known by their names alone
    "names alone": (
        [{"id": "U1", "name": "Supplier one"}, {"id": "U2", "name": "Supplier two"}],
        {"U1": [MGAP] * 3, "U2": [MGAP] * 3},
        [MGAP] * 3,
    ),
    # a blank country, the sector known (a cleaner, listed nowhere: its own score stands)
    "a blank country": (
        [{"id": "C1", "name": "Cleaner", "sector": "cleaning-services"}],
        {"C1": [GAP, MGAP, MGAP]},
        [GAP, MGAP, MGAP],
    ),
    # a blank sector, the country known
    "a blank sector": (
        [{"id": "S1", "name": "Thai firm", "country": "THA"}],
        {"S1": [MGAP] * 3},
        [MGAP] * 3,
    ),
    # the haulier's medium is known and reads so; the chain's rests on the name beside it
    "a haulier beside a name": (
        [HAULIER, {"id": "U1", "name": "Supplier one"}],
        {"HL": ["low", "medium", "medium"], "U1": [MGAP] * 3},
        [MGAP] * 3,
    ),
    # a cocoa farm of a country unknown: its worst case is critical, which nothing raises
    "a farm of a country unknown": (
        [{**FARM, "country": None}],
        {"GF": ["critical"] * 3},
        ["critical"] * 3,
    ),
}


def _slug(name: str) -> str:
    return re.sub(r"\W+", "-", name)


def _chain(folder: Path, name: str) -> Path:
    company = {"name": "Buyer GmbH", "country": "DEU", "sector": "retail-general"}
    path = folder / f"{_slug(name)}.yaml"
    path.write_text(yaml.safe_dump({"company": company, "suppliers": CHAINS[name][0]}), "utf-8")
    return path


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Each chain assessed, its JSON written beside it."""
    folder = tmp_path_factory.mktemp("exposure")
    found = {}
    for name in CHAINS:
        path = folder / f"{_slug(name)}.json"
        done = CliRunner().invoke(app, ["assess", str(_chain(folder, name)), "-q", "-o", str(path)])
        assert done.exit_code == 0, done.output
        found[name] = (path, json.loads(path.read_text("utf-8")))
    return found


def _shown(level: str, on_a_gap: bool) -> str:
    if not on_a_gap:
        return level
    return GAP if level == "low" else f"{level} (data gap)"


def _earlier(document: dict[str, Any]) -> dict[str, Any]:
    """As ddtool wrote it before schema 2.3: no data gaps in the summary's exposure, no
    `on_a_gap` in a supplier's."""
    earlier = json.loads(json.dumps(document))
    ranking = earlier["summary"]["tier1_ranking"]
    for entry in ranking:  # (and its tier-1 ranking, as before 2.4)
        del entry["on_a_gap"]
    ranking.sort(key=lambda e: (-LEVELS.index(e["level"]), -e["weighted_priority"], e["id"]))
    for exposure in earlier["summary"]["exposure"].values():
        del exposure["data_gaps"]
    for entry in earlier["suppliers"]:
        for exposure in entry["exposure"].values():
            exposure.pop("on_a_gap", None)
    return earlier | {"schema_version": "2.2"}


def _suppliers_sheet(document: dict[str, Any], path: Path) -> dict[str, list[Any]]:
    reporter_for(path).write(document, path)
    rows = list(load_workbook(path)["Suppliers"].iter_rows(values_only=True))
    columns = [rows[0].index(f"exposure {risk}: level") for risk in RISKS]
    return {str(row[0]): [row[c] for c in columns] for row in rows[1:]}


def _summary_sheet(path: Path) -> dict[str, Any]:
    rows = list(load_workbook(path)["Summary"].iter_rows(values_only=True))
    return {row[0]: row[1] for row in rows if row and str(row[0]).startswith("Chain exposure")}


@pytest.mark.parametrize("name", CHAINS)
def test_the_json_says_which_exposures_data_gaps_bear_on(
    saved: dict[str, tuple[Path, dict[str, Any]]], name: str
) -> None:
    _, document = saved[name]
    _, suppliers, chain = CHAINS[name]
    assert document["schema_version"] == SCHEMA_VERSION
    entries = {s["id"]: s for s in document["suppliers"]}
    for sid, shown in suppliers.items():
        exposure = entries[sid]["exposure"]
        assert [
            _shown(exposure[rt]["level"], exposure[rt].get("on_a_gap", False)) for rt in RISK_TYPES
        ] == shown, sid
        # (true where present, absent otherwise)
        assert all(exposure[rt].get("on_a_gap", True) is True for rt in RISK_TYPES)
    summary = document["summary"]["exposure"]
    levels = {rt: e["level"] for rt, e in summary.items()}
    # the gaps of every supplier low on missing data, as read from the entries
    assert {rt: e["data_gaps"] for rt, e in summary.items()} == chain_gaps(
        document["suppliers"], levels
    )
    assert [_shown(levels[rt], bool(summary[rt]["data_gaps"])) for rt in RISK_TYPES] == chain


@pytest.mark.parametrize("name", CHAINS)
def test_the_suppliers_sheet_shows_a_suppliers_exposure_as_the_chains_is_shown(
    saved: dict[str, tuple[Path, dict[str, Any]]], tmp_path: Path, name: str
) -> None:
    """The D1 of "a haulier above a wholesaler" read plain "low" there, while the Summary
    sheet gave the chain's child labour exposure, from D1, as "low (data gap; …)"."""
    _, document = saved[name]
    _, suppliers, chain = CHAINS[name]
    sheet = _suppliers_sheet(document, tmp_path / "r.xlsx")
    assert {sid: sheet[sid] for sid in suppliers} == suppliers
    summary = _summary_sheet(tmp_path / "r.xlsx")
    for risk, level in zip(RISKS, chain, strict=True):
        # "medium (data gap; priority 0.3937, from D1 (Haul Co))", "critical (priority …)"
        start = f"{level[:-1]}; priority" if level.endswith("(data gap)") else f"{level} ("
        assert summary[f"Chain exposure: {risk}"].startswith(start), summary


@pytest.mark.parametrize("name", CHAINS)
def test_explain_shows_a_suppliers_exposure_so(
    saved: dict[str, tuple[Path, dict[str, Any]]], name: str
) -> None:
    path, _ = saved[name]
    chain = path.with_suffix(".yaml")
    for sid, shown in CHAINS[name][1].items():
        done = CliRunner().invoke(app, ["explain", str(chain), sid], env={"COLUMNS": "200"})
        assert done.exit_code == 0, done.output
        rows = [line for line in done.output.splitlines() if "exposure (max beneath)" in line]
        levels = [re.search(r"\d\.\d+ (\w+(?: \(data gap\))?)", row) for row in rows]
        assert [m.group(1) if m else None for m in levels] == shown, (sid, rows)


@pytest.mark.parametrize("name", CHAINS)
def test_an_assessment_saved_before_schema_2_3_is_shown_the_same(
    saved: dict[str, tuple[Path, dict[str, Any]]], tmp_path: Path, name: str
) -> None:
    """Without the summary's data_gaps and the suppliers' on_a_gap, the reports read which
    gaps bear on each exposure from the supplier entries: what the assessment says."""
    _, document = saved[name]
    earlier = _earlier(document)
    assert chain_levels(earlier) == chain_levels(document)
    assert ddtool.document.exposure_gaps(earlier) == ddtool.document.exposure_gaps(document)
    now, then = ExposureLevels(document), ExposureLevels(earlier)
    for new, old in zip(document["suppliers"], earlier["suppliers"], strict=True):
        assert [then.level(old, rt) for rt in RISK_TYPES] == [
            now.level(new, rt) for rt in RISK_TYPES
        ]
    # what the roll-up carries, as read from the entries (below critical)
    marks = ddtool.document.exposure_on_a_gap(earlier["suppliers"])
    for entry in document["suppliers"]:
        exposure = entry["exposure"]
        beneath = {rt for rt in marks.get(entry["id"], ()) if exposure[rt]["level"] != "critical"}
        assert {rt for rt, e in exposure.items() if e.get("on_a_gap")} == beneath, entry["id"]
    assert _suppliers_sheet(earlier, tmp_path / "a.xlsx") == _suppliers_sheet(
        document, tmp_path / "b.xlsx"
    )
    assert _summary_sheet(tmp_path / "a.xlsx") == _summary_sheet(tmp_path / "b.xlsx")
    assert _member_figures(earlier)["exposure"] == _member_figures(document)["exposure"]


def test_the_reports_read_the_gaps_the_document_holds() -> None:
    """Where the summary holds them, its data gaps are what bears on the chain's exposure:
    the supplier entries are not read (a glance holds a few)."""
    summary = {
        "exposure": {
            CL: {"level": "low", "data_gaps": ["country unknown"]},
            FL: {"level": "medium", "data_gaps": []},
            HT: {"level": "critical", "data_gaps": []},
        }
    }
    document = {"summary": summary, "suppliers": []}
    assert chain_levels(document) == {CL: GAP, FL: "medium", HT: "critical"}
    assert ddtool.document.exposure_gaps(document) == {CL: ["country unknown"], FL: [], HT: []}


def test_a_glance_of_a_large_chain_below_critical_stays_small(tmp_path: Path) -> None:
    """The terminal's glance of 400 wholesalers, each low on missing data, and a haulier
    holds the entries it shows, not one per wholesaler, and still says the chain's exposure
    rests on their gaps."""
    suppliers = [
        {"id": f"W{i:03d}", "name": f"Wholesale {i}", "country": "BEL", "sector": "wholesale-trade"}
        for i in range(400)
    ]
    chain = tmp_path / "chain.yaml"
    company = {"name": "Retail GmbH", "country": "DEU", "sector": "retail-general"}
    chain.write_text(yaml.safe_dump({"company": company, "suppliers": [HAULIER, *suppliers]}))
    glance = assess([chain]).glance(10, 100)
    assert len(glance["suppliers"]) <= 102
    assert chain_levels(glance) == {CL: GAP, FL: MGAP, HT: MGAP}


# ------------------------------------------------------------------ checks of a saved file


def _nest(saved: dict[str, tuple[Path, dict[str, Any]]]) -> dict[str, Any]:
    return json.loads(json.dumps(saved["a haulier above a wholesaler"][1]))


def _gaps(document: dict[str, Any], rt: str, gaps: Any) -> None:
    document["summary"]["exposure"][rt]["data_gaps"] = gaps


# (case, edit of the saved document of "a haulier above a wholesaler", what the error says)
CONTRACT: list[tuple[str, Any, str]] = [
    (
        "on_a_gap not true or false",
        lambda d: d["suppliers"][0]["exposure"][CL].update(on_a_gap="yes"),
        '$.suppliers[0].exposure.child_labour.on_a_gap: true or false expected, got "yes"',
    ),
    (
        "data_gaps not a list",
        lambda d: _gaps(d, FL, "country unknown"),
        "$.summary.exposure.forced_labour.data_gaps: a list expected",
    ),
    (
        "a data gap not a text",
        lambda d: _gaps(d, FL, [1]),
        "$.summary.exposure.forced_labour.data_gaps[0]: a text expected, got 1",
    ),
    (
        "a data gap no supplier has",
        lambda d: _gaps(d, HT, ["country unknown"]),
        '$.summary.exposure.human_trafficking.data_gaps[0]: no data gap "country unknown" in'
        " $.data_gaps",
    ),
    (
        "data gaps at critical",
        lambda d: (
            d["summary"]["exposure"][CL].update(
                level="critical", priority=0.81, likelihood=0.9, severity=0.9
            )
            or d["company"]["exposure"][CL].update(
                level="critical", priority=0.81, likelihood=0.9, severity=0.9
            )
        ),
        "$.summary.exposure.child_labour.data_gaps: none expected at critical",
    ),
]


@pytest.mark.parametrize(("case", "edit", "says"), CONTRACT, ids=[c[0] for c in CONTRACT])
def test_a_saved_assessments_gaps_of_the_exposure_are_checked(
    saved: dict[str, tuple[Path, dict[str, Any]]],
    tmp_path: Path,
    case: str,
    edit: Any,
    says: str,
) -> None:
    document = _nest(saved)
    edit(document)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(DdtoolError) as info:
        read_assessment(path, {}, complete=True)
    assert says in str(info.value), str(info.value)


@pytest.mark.parametrize("version", [SCHEMA_VERSION, "2.2"])
def test_report_and_diff_read_a_saved_assessment_with_or_without_them(
    saved: dict[str, tuple[Path, dict[str, Any]]], tmp_path: Path, version: str
) -> None:
    document = _nest(saved)
    document = document if version == SCHEMA_VERSION else _earlier(document)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(document), "utf-8")
    read_assessment(path, {}, complete=True)
    assert load_for_diff(path)["schema_version"] == version
    out = tmp_path / "r.md"
    done = CliRunner().invoke(app, ["report", str(path), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    text = out.read_text("utf-8")
    assert "| Chain exposure forced labour | medium (data gap; priority" in text
    diff = CliRunner().invoke(
        app, ["diff", str(path), str(saved["a haulier above a wholesaler"][0]), "-q"]
    )
    assert diff.exit_code == 0, diff.output


def _copy(path: Path, document: dict[str, Any], name: str) -> Path:
    copy = path.with_name(name)
    copy.write_text(json.dumps(document), "utf-8")
    return copy


# (case, edit of the saved document, reproduced?, what the reasons say)
VERIFY: list[tuple[str, Any, bool, str]] = [
    ("as written", lambda d: d, True, ""),
    ("saved as schema 2.2", _earlier, True, ""),
    (
        "a supplier's on_a_gap dropped",
        lambda d: d["suppliers"][0]["exposure"][FL].pop("on_a_gap") and d,
        False,
        "$.suppliers[0] (id 'D1').exposure.forced_labour.on_a_gap: only in the re-run",
    ),
    (
        "the chain's data gaps dropped",
        lambda d: _gaps(d, FL, []) or d,
        False,
        "$.summary.exposure.forced_labour.data_gaps",
    ),
]


@pytest.mark.parametrize(("case", "edit", "reproduced", "says"), VERIFY, ids=[c[0] for c in VERIFY])
def test_verify_compares_the_gaps_of_the_exposures(
    saved: dict[str, tuple[Path, dict[str, Any]]],
    case: str,
    edit: Any,
    reproduced: bool,
    says: str,
) -> None:
    path, _ = saved["a haulier above a wholesaler"]
    copy = _copy(path, edit(_nest(saved)), f"copy-{_slug(case)}.json")
    outcome = verify(copy)
    assert outcome.reproduced is reproduced, outcome.reasons
    assert says in "; ".join(outcome.reasons)
    if case == "saved as schema 2.2":
        assert any(
            "did not hold (exposure data_gaps, exposure on_a_gap, tier1_ranking on_a_gap" in line
            for line in outcome.checked
        )


def _as_2_5(document: dict[str, Any]) -> dict[str, Any]:
    """ "a medium on missing data" as schema 2.5 wrote it: its medium on no country and no
    sector marked nothing."""
    earlier = json.loads(json.dumps(document))
    for exposure in earlier["summary"]["exposure"].values():
        exposure["data_gaps"] = []
    for entry in earlier["suppliers"]:
        for exposure in entry["exposure"].values():
            exposure.pop("on_a_gap", None)
    for entry in earlier["summary"]["tier1_ranking"]:
        entry["on_a_gap"] = False
    return earlier | {"schema_version": "2.5"}


# (case, edit of the saved "a medium on missing data", reproduced?, what the notes say)
VERIFY_RULE: list[tuple[str, Any, bool, str]] = [
    ("as written", lambda d: d, True, ""),
    ("saved as schema 2.5, by its rule", _as_2_5, True, "compared as 2.5 told them"),
    (
        "saved as schema 2.5, with the marks of 2.6",
        lambda d: d | {"schema_version": "2.5"},
        False,
        "compared as 2.5 told them",
    ),
]


@pytest.mark.parametrize(
    ("case", "edit", "reproduced", "says"), VERIFY_RULE, ids=[c[0] for c in VERIFY_RULE]
)
def test_verify_compares_a_file_of_schema_2_5_by_its_rule(
    saved: dict[str, tuple[Path, dict[str, Any]]],
    case: str,
    edit: Any,
    reproduced: bool,
    says: str,
) -> None:
    path, document = saved["a medium on missing data"]
    copy = _copy(path, edit(json.loads(json.dumps(document))), f"copy-{_slug(case)}.json")
    outcome = verify(copy)
    assert outcome.reproduced is reproduced, outcome.reasons
    assert says in "\n".join(outcome.checked), outcome.checked
