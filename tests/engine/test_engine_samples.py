"""The sample chains assess as a compliance officer would expect."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.document import flag_evidence, flag_measures, register

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_chains"
CHAINS = sorted(SAMPLES.glob("*.yaml")) + sorted(SAMPLES.glob("*.xlsx"))
HIGH = {"high", "critical"}


def _flags(doc: dict[str, Any], supplier_ids: set[str], risk_type: str) -> list[dict[str, Any]]:
    return [
        f for f in register(doc) if f["supplier_id"] in supplier_ids and f["risk_type"] == risk_type
    ]


@pytest.mark.parametrize("path", CHAINS, ids=lambda p: p.name)
def test_every_sample_assesses(path: Path) -> None:
    doc = assess([path]).data
    assert doc["summary"]["suppliers"] > 10
    assert {s["id"] for s in doc["suppliers"] if not s["inferred"]}
    for flag in register(doc):
        assert flag["path"][0] == doc["company"]["id"]
        assert flag_evidence(doc, flag), flag["id"]
        assert flag_measures(doc, flag), flag["id"]
        assert all(e in doc["evidence"] for e in flag["evidence"])
        assert all(m in doc["measures"] for m in flag["remediation"])


def test_cocoa_farms_in_cote_divoire_and_ghana_flag_child_labour_high() -> None:
    doc = assess([SAMPLES / "cocoa.yaml"]).data
    farms = {
        s["id"]: s["country"]
        for s in doc["suppliers"]
        if s["sector"] == "cocoa-farming" and not s["inferred"]
    }
    assert {"CIV", "GHA"} <= set(farms.values())
    for farm_id, country in farms.items():
        if country not in ("CIV", "GHA"):
            continue
        flags = _flags(doc, {farm_id}, "child_labour")
        assert flags and flags[0]["level"] in HIGH, farm_id
        assert any(
            "Cocoa" in e["indicator"] and e["year"] == 2022 for e in flag_evidence(doc, flags[0])
        )


def test_cocoa_branch_stopping_at_a_trader_gets_inferred_farms() -> None:
    doc = assess([SAMPLES / "cocoa.yaml"]).data
    inferred = [s for s in doc["suppliers"] if s["inferred"] and s["sector"] == "cocoa-farming"]
    assert inferred
    assert all(s["origins"] for s in inferred)
    flags = [f for f in register(doc) if f["inferred"]]
    assert flags and all("inferred" in f["reason"] for f in flags)
    assert all(flag_measures(doc, f)[0]["step"] for f in flags)
    # (the supplier above is asked: an inferred farm has no one to ask, nor a tier 2)
    assert all(flag_measures(doc, f)[0]["id"] == "gap-map-inferred" for f in flags)
    assert not any(m["id"] == "gap-map-tier2" for f in flags for m in flag_measures(doc, f))


def test_thai_fishing_vessels_flag_forced_labour() -> None:
    doc = assess([SAMPLES / "seafood.yaml"]).data
    vessels = {
        s["id"]
        for s in doc["suppliers"]
        if s["sector"] == "fishing-vessels" and s["country"] == "THA"
    }
    assert vessels
    for vessel in vessels:
        flags = _flags(doc, {vessel}, "forced_labour")
        assert flags and flags[0]["level"] in HIGH, vessel


def test_services_chain_has_no_flag_at_high_or_above() -> None:
    doc = assess([SAMPLES / "services.yaml"]).data
    assert all(s["country"] in ("DEU", "AUT") for s in doc["suppliers"])
    assert not [f for f in register(doc) if f["level"] in HIGH]


def test_bangladesh_garment_factory_with_nothing_beneath_gets_cotton_origins() -> None:
    doc = assess([SAMPLES / "garment.yaml"]).data
    by_id = {s["id"]: s for s in doc["suppliers"]}
    factory = by_id["G-BD-2"]
    assert factory["country"] == "BGD" and not any(
        not by_id[c]["inferred"] for c in by_id if "G-BD-2" in by_id[c]["buyers"]
    )
    # walk down the inferred tiers beneath it
    below: set[str] = set()
    frontier = ["G-BD-2"]
    while frontier:
        node = frontier.pop()
        for s in doc["suppliers"]:
            if node in s["buyers"] and s["id"] not in below:
                below.add(s["id"])
                frontier.append(s["id"])
    sectors = {by_id[s]["sector"] for s in below}
    assert {"fabric-manufacturing", "yarn-spinning", "cotton-farming"} <= sectors
    assert all(by_id[s]["inferred"] for s in below)
    cotton = [by_id[s] for s in below if by_id[s]["sector"] == "cotton-farming"]
    origins = {o["country"] for o in cotton[0]["origins"]}
    assert {"CHN", "IND", "USA", "BRA", "PAK"} <= origins
    exposure = factory["exposure"]["forced_labour"]
    assert exposure["level"] in HIGH
    assert by_id[exposure["from"]]["sector"] == "cotton-farming"
    worst = by_id[exposure["from"]]["worst_case"]["forced_labour"]
    assert worst["country"] == "CHN"  # Chinese cotton is listed for forced labour
    flags = [f for f in register(doc) if f["supplier_id"] == exposure["from"]]
    assert any(
        "Cotton" in e["indicator"] and "China" in e["indicator"]
        for f in flags
        for e in flag_evidence(doc, f)
    )


QATAR = (
    "company: {name: X}\nsuppliers:\n  - {id: S1, name: s, country: QAT, sector: construction}\n"
)


@pytest.mark.parametrize("flag_level", ["medium", "critical"])
@pytest.mark.parametrize(
    ("chain", "expected"),
    [("cocoa.yaml", 1), ("services.yaml", 0), ("qatar.yaml", 1)],  # qatar: high, not critical
)
def test_fail_on_high_exit_code(tmp_path: Path, chain: str, expected: int, flag_level: str) -> None:
    # the gate reads the risks, not the flags: with flag_level critical no high flag is made
    settings = tmp_path / "ddtool.yaml"
    settings.write_text(f"flag_level: {flag_level}\n", "utf-8")
    (tmp_path / "qatar.yaml").write_text(QATAR, "utf-8")
    path = tmp_path / chain if chain == "qatar.yaml" else SAMPLES / chain
    args = ["assess", str(path), "--fail-on", "high", "-q", "--config", str(settings)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == expected, result.output


def test_assessment_json_is_byte_identical_with_source_date_epoch(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        result = runner.invoke(app, ["assess", str(SAMPLES / "garment.yaml"), "-q", "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# what every flag says, in the JSON and in the register joined from it
_FLAG_SCORE_FIELDS = (
    "id",
    "supplier_id",
    "risk_type",
    "level",
    "likelihood",
    "severity",
    "priority",
)


def test_json_contract_top_level_and_supplier_fields() -> None:
    doc = assess([SAMPLES / "coffee.yaml"]).data
    assert list(doc)[:2] == ["schema_version", "tool"]
    for key in ("profiles", "input", "company", "suppliers", "flags", "data_gaps", "summary"):
        assert key in doc
    assert set(doc["profiles"]) >= {"version", "sha256"}
    assert set(doc["input"]) >= {"path", "sha256"}
    for s in doc["suppliers"]:
        assert set(s) >= {
            "id",
            "name",
            "country",
            "sector",
            "tiers",
            "inferred",
            "risk",
            "exposure",
        }
        for rt in ("child_labour", "forced_labour", "human_trafficking"):
            assert set(s["risk"][rt]) >= {"likelihood", "severity", "priority", "level"}
            exposure = s["exposure"][rt]
            assert set(exposure) == {"level", "priority", "from", "weighted_priority"}
            assert exposure["weighted_priority"] <= exposure["priority"]
    suppliers = {s["id"]: s for s in doc["suppliers"]}
    for f in doc["flags"]:  # schema 2: a flag names its supplier and its basis
        assert set(f) - {"expected"} == {*_FLAG_SCORE_FIELDS, "inferred", "basis"}
        assert f["supplier_id"] in suppliers
        basis = doc["bases"][f["basis"]]
        assert set(basis) == {"reason", "evidence", "remediation", "measures_not_shown"}
        assert len(basis["remediation"]) <= 6 and basis["measures_not_shown"] >= 0
        assert ("expected" in f) == f["inferred"]
    assert all(s["path"][0] == doc["company"]["id"] for s in doc["suppliers"])
    for f in register(doc):
        assert set(f) >= {*_FLAG_SCORE_FIELDS, "path", "evidence", "remediation"}
        for e in flag_evidence(doc, f):
            assert set(e) >= {"indicator", "value", "year", "source"}


def test_flag_ids_are_stable_across_runs_and_formats() -> None:
    """The same supplier and risk type keep their flag id (the basis of year-on-year diffs)."""
    yaml_doc = assess([SAMPLES / "cocoa.yaml"]).data
    again = assess([SAMPLES / "cocoa.yaml"]).data
    xlsx_doc = assess([SAMPLES / "cocoa_suppliers.xlsx"]).data
    assert [f["id"] for f in yaml_doc["flags"]] == [f["id"] for f in again["flags"]]
    ids_yaml = {(f["supplier_id"], f["risk_type"]): f["id"] for f in yaml_doc["flags"]}
    ids_xlsx = {(f["supplier_id"], f["risk_type"]): f["id"] for f in xlsx_doc["flags"]}
    common = set(ids_yaml) & set(ids_xlsx)
    assert len(common) > 20
    assert all(ids_yaml[k] == ids_xlsx[k] for k in common)
    assert len(set(ids_yaml.values())) == len(ids_yaml)


@pytest.mark.parametrize("parts", [1, 2])
def test_input_hashes_are_those_of_the_files(tmp_path: Path, parts: int) -> None:
    import hashlib

    rows = [
        "id,name,country,sector,buyers\nT1,Mill,Bangladesh,garment-manufacturing,\n",
        "id,name,country,sector,buyers\nT2,Spinner,India,textile-spinning,T1\n",
    ]
    if parts == 1:
        rows = [rows[0] + rows[1].split("\n", 1)[1]]
    paths = []
    for i, text in enumerate(rows):
        paths.append(tmp_path / f"part{i}.csv")
        paths[-1].write_text(text, encoding="utf-8")
    doc = assess(paths).data
    own = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    assert [f["sha256"] for f in doc["input"]["files"]] == own
    assert [f["path"] for f in doc["input"]["files"]] == [str(p) for p in paths]
    together = hashlib.sha256(b"".join(p.read_bytes() for p in paths)).hexdigest()
    assert doc["input"]["sha256"] == together  # one file: the file's own hash
    assert len(doc["suppliers"]) >= 2


def test_supplier_adjustments_are_evidence_of_the_flag() -> None:
    """A flagged likelihood can be worked out from the reports: the failed audit and the
    migrant share that raised it are among its evidence, with their amounts."""
    doc = assess([SAMPLES / "electronics_minerals.yaml"]).data
    [flag] = [
        f
        for f in register(doc)
        if f["supplier_id"] == "CMP-MY-1" and f["risk_type"] == "forced_labour"
    ]
    shown = {e["indicator"]: e["value"] for e in flag_evidence(doc, flag)}
    assert shown["supplier adjustment: audit 'RBA VAP' of 2025-02-12 failed"] == 0.1
    assert shown["supplier adjustment: migrant workers 55%"] == 0.055


def test_a_flag_at_the_worst_case_of_an_unknown_country_cites_it(tmp_path: Path) -> None:
    chain = tmp_path / "unknown.yaml"
    chain.write_text(
        "company: {name: X}\nsuppliers:\n  - {id: G1, name: g, sector: cocoa farming}\n", "utf-8"
    )
    doc = assess([chain]).data
    [flag] = [f for f in register(doc) if f["risk_type"] == "child_labour"]
    assert flag["level"] == "critical"
    [worst] = [
        e for e in flag_evidence(doc, flag) if e["indicator"].startswith("worst case with the")
    ]
    assert "Côte d'Ivoire (CIV)" in worst["indicator"]
    assert str(flag["priority"]) in worst["value"]
    assert "Cocoa from Côte d'Ivoire is on the US DOL List of Goods" in worst["note"]


def test_an_origin_mix_says_which_producers_it_could_not_weigh(tmp_path: Path) -> None:
    """Farmed shrimp: only China's share is published (18.93 %), so the expected figure
    is China's alone; the mix says so and names the producers left out."""
    chain = tmp_path / "shrimp.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\n"
        "suppliers:\n  - {id: P1, name: p, country: DEU, sector: seafood processing,"
        " products: [farmed shrimp]}\n",
        "utf-8",
    )
    doc = assess([chain]).data
    mixes = [e for e in doc["evidence"].values() if e["indicator"].startswith("inferred origin")]
    shrimp = [e for e in mixes if "shrimp" in e["indicator"]]
    assert shrimp, [e["indicator"] for e in mixes]
    assert "18.93% of world production" in shrimp[0]["value"]
    assert "not weighted: ECU, IDN, IND, VNM" in shrimp[0]["value"]


def test_as_of_decides_which_certificates_count_in_assess_and_explain(tmp_path: Path) -> None:
    """A saved assessment made on another day is explained as of that day (Bonsucro
    valid until 2026-…: counted on 2026-01-01, expired since)."""
    runner = CliRunner()
    chain = str(SAMPLES / "cocoa.yaml")
    then = runner.invoke(app, ["explain", chain, "SUG-BR-1", "--as-of", "2026-01-01"])
    later = runner.invoke(app, ["explain", chain, "SUG-BR-1", "--as-of", "2030-01-01"])
    assert then.exit_code == later.exit_code == 0, then.output
    assert "'Bonsucro' valid" in then.output and "'Bonsucro' expired" in later.output
    out = tmp_path / "a.json"
    done = runner.invoke(app, ["assess", chain, "--as-of", "2026-01-01", "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert '"as_of": "2026-01-01"' in out.read_text("utf-8")
    bad = runner.invoke(app, ["assess", chain, "--as-of", "1/1/2026"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_explain_lists_the_gaps_the_assessment_records() -> None:
    doc = assess([SAMPLES / "cocoa.yaml"]).data
    [entry] = [s for s in doc["suppliers"] if s["id"] == "TRD-CI-3"]
    done = CliRunner().invoke(
        app, ["explain", str(SAMPLES / "cocoa.yaml"), "TRD-CI-3"], env={"COLUMNS": "200"}
    )
    assert done.exit_code == 0, done.output
    assert entry["data_gaps"]
    assert f"data gaps: {', '.join(entry['data_gaps'])}" in done.output


@pytest.mark.parametrize(
    ("country", "products", "inferred"),
    [
        # a beet-sugar factory is not fed by cane farms: its products name the beet, grown
        # where the risk data says it is (Sugar Beets are listed in Türkiye); elsewhere at
        # origin, in a country not known (methodology section 7)
        ("TUR", ["beet sugar"], {"inferred:crop-farming:sugar-beets@TUR"}),
        ("DEU", ["beet sugar"], {"inferred:crop-farming:sugar-beets@world"}),
        ("FRA", ["sugar beets", "molasses"], {"inferred:crop-farming:sugar-beets@world"}),
        (None, ["beet sugar"], {"inferred:crop-farming:sugar-beets@unknown"}),
        # the usual input when the products name it, or name no other raw good
        ("BRA", ["cane sugar"], {"inferred:sugarcane-farming@BRA"}),
        # both named: both inferred ("cane sugar" names cane by a good's alias)
        (
            "IND",
            ["sugarcane", "beet sugar"],
            {"inferred:sugarcane-farming@IND", "inferred:crop-farming:sugar-beets@world"},
        ),
        (
            "BRA",
            ["beet sugar", "cane sugar"],
            {"inferred:sugarcane-farming@BRA", "inferred:crop-farming:sugar-beets@world"},
        ),
        ("DEU", ["refined sugar"], {"inferred:sugarcane-farming:sugarcane@world"}),
        ("DEU", [], {"inferred:sugarcane-farming:sugarcane@world"}),
    ],
)
def test_products_that_name_another_raw_good_stand_for_the_usual_input(
    tmp_path: Path, country: str | None, products: list[str], inferred: set[str]
) -> None:
    chain = tmp_path / "sugar.yaml"
    mill = {"id": "M1", "name": "Mill", "sector": "sugar mill", "products": products}
    if country:
        mill["country"] = country
    chain.write_text(
        yaml.safe_dump({"company": {"name": "X", "country": "DEU"}, "suppliers": [mill]}),
        "utf-8",
    )
    doc = assess([chain]).data
    found = {s["id"]: s for s in doc["suppliers"] if s["inferred"]}
    assert set(found) == inferred
    for node in found.values():
        assert node["buyers"] == ["M1"]
        at_origin = node["id"].endswith("@world")  # (its buyer's country grows none)
        if node["sector"] == "crop-farming":
            grown = None if at_origin else country
            assert node["products"] == ["Sugar Beets"] and node["country"] == grown
            assert node["assumption"].startswith("Sugar Beets named in the buyer's products")
        if country is None or (at_origin and node["sector"] == "crop-farming"):
            # flagged at the worst case, as a mapped farm of unknown country
            worst = node["worst_case"]["child_labour"]
            assert (worst["level"], worst["country"]) == ("high", "TUR")
            [flag] = [
                f
                for f in register(doc)
                if f["supplier_id"] == node["id"] and f["risk_type"] == "child_labour"
            ]
            facts = [e["indicator"] for e in flag_evidence(doc, flag)]
            assert any(i.startswith("worst case with the country unknown") for i in facts)
            # (the worst case's own severity: one, the flag's, no contradiction)
            severities = [
                e["value"]
                for e in flag_evidence(doc, flag)
                if e["indicator"].startswith("severity (")
            ]
            assert severities == [flag["severity"]]


def test_an_unmatched_sector_says_why_and_what_the_products_decide(tmp_path: Path) -> None:
    chain = tmp_path / "c.csv"
    chain.write_text(
        "id,name,country,sector,products\n"
        "A,Agency,IND,Labour contractor,\n"
        # (a misspelt word: "gold mine" is now read as a mine, see test_sector_mines.py)
        "B,Mine,GHA,gold minning,gold\n"
        "C,Mine,GHA,gold minning,\n",
        "utf-8",
    )
    doc = assess([chain]).data
    warned = {w["location"]["row"]: w for w in doc["warnings"] if w["type"] == "unknown-sector"}
    assert "labour contractors have no sector of their own" in warned[2]["message"]
    told = "unless the supplier's products name goods of one sector, which is then taken"
    assert told in warned[3]["message"]
    assert warned[3]["suggestion"].startswith("'artisanal-mining'")
    sectors = {s["id"]: s["sector"] for s in doc["suppliers"]}
    assert sectors == {"A": None, "B": "artisanal-mining", "C": None}


def test_a_trader_naming_its_usual_mineral_by_another_name_keeps_its_mines(
    tmp_path: Path,
) -> None:
    """'coltan' names tantalum (a good of the usual mines): they stay, and diamonds add theirs."""
    chain = tmp_path / "t.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\nsuppliers:\n"
        "  - {id: T1, name: t, country: COD, sector: mineral-trading,"
        " products: [coltan, diamonds]}\n",
        "utf-8",
    )
    found = {s["id"] for s in assess([chain]).data["suppliers"] if s["inferred"]}
    assert "inferred:artisanal-mining:tantalum@COD" in found
    assert "inferred:gemstone-mining:diamonds@COD" in found


@pytest.mark.parametrize("path", CHAINS, ids=lambda p: p.name)
def test_every_flag_can_be_recomputed_from_its_evidence(path: Path) -> None:
    """priority = likelihood x severity: the severity flagged is a fact of the flag (at the
    worst case of an unknown country, that country's, beside the worst case, which states
    both), never contradicted by another."""
    doc = assess([path]).data
    for flag in register(doc):
        facts = flag_evidence(doc, flag)
        severities = [e["value"] for e in facts if e["indicator"].startswith("severity (")]
        worst = [e for e in facts if e["indicator"].startswith("worst case with the country")]
        if worst:
            assert f"x severity {flag['severity']} " in worst[0]["value"]
        assert severities == [flag["severity"]], (flag["id"], severities)


@pytest.mark.parametrize(
    ("supplier", "company_sector", "expected", "absent"),
    [
        # products narrow the alternative raw inputs: industrial mines have no mica
        (
            {"sector": "mineral-trading", "country": "IND", "products": ["mica"]},
            None,
            {"inferred:artisanal-mining:mica@IND"},
            "industrial-mining",
        ),
        # a shrimp processor's inputs are farms, not fishing vessels
        (
            {"sector": "seafood-processing", "country": "VNM", "products": ["vannamei"]},
            None,
            {"inferred:aquaculture:shrimp-farmed@VNM"},  # a producer, share not published
            "fishing-vessels",
        ),
        # shrimp the products say was caught in the wild: vessels, not farms
        (
            {"sector": "seafood-processing", "country": "THA", "products": ["wild-caught shrimp"]},
            None,
            {"inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"},
            "aquaculture",
        ),
        # one product caught, one farmed: each its own (the caught one took the farms away)
        (
            {
                "sector": "seafood-processing",
                "country": "THA",
                "products": ["vannamei shrimp", "wild-caught squid"],
            },
            None,
            {
                "inferred:fishing-vessels:fish-seafood-capture-fisheries@THA",
                "inferred:aquaculture:shrimp-farmed@THA",
            },
            "no such sector",
        ),
        # one product said wild or farmed: both
        (
            {
                "sector": "seafood-processing",
                "country": "THA",
                "products": ["wild or aquacultured shrimp"],
            },
            None,
            {
                "inferred:fishing-vessels:fish-seafood-capture-fisheries@THA",
                "inferred:aquaculture:shrimp-farmed@THA",
            },
            "no such sector",
        ),
        # a catch denied is none: farms only
        (
            {
                "sector": "seafood-processing",
                "country": "IND",
                "products": ["farm-raised shrimp, not wild-caught"],
            },
            None,
            {"inferred:aquaculture:shrimp-farmed@IND"},
            "fishing-vessels",
        ),
        # a word of a brand is no catch: the farmed shrimp stays farmed
        (
            {
                "sector": "seafood-processing",
                "country": "VNM",
                "products": ["frozen shrimp", "Catch Co. brand shrimp"],
            },
            None,
            {"inferred:aquaculture:shrimp-farmed@VNM"},
            "fishing-vessels",
        ),
        # a tuna cannery's are vessels ("canned skipjack": its last word names Fish)
        (
            {"sector": "seafood-processing", "country": "THA", "products": ["canned skipjack"]},
            None,
            {"inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"},  # Fish is listed there
            "aquaculture",
        ),
        # and so is one of "frozen skipjack tuna" (a qualifier beside two names of Fish)
        (
            {
                "sector": "seafood-processing",
                "country": "THA",
                "products": ["frozen skipjack tuna", "tuna loins, precooked"],
            },
            None,
            {"inferred:fishing-vessels:fish-seafood-capture-fisheries@THA"},
            "aquaculture",
        ),
        # 3TG is tin, tantalum, tungsten and gold: no cobalt, mica, copper or lithium
        (
            {"sector": "mineral-trading", "country": "RWA", "products": ["3TG"]},
            None,
            {"inferred:artisanal-mining:gold@world", "inferred:artisanal-mining:tin@RWA"},
            "cobalt",
        ),
        (
            {"sector": "mineral-trading", "country": "RWA", "products": ["3TGs"]},
            None,
            {"inferred:artisanal-mining:tungsten@RWA", "inferred:artisanal-mining:tin@RWA"},
            "mica",
        ),
        # an EMS in its brand's own sector buys its own materials: inferred, not assumed
        # consigned by the company
        (
            {"sector": "electronics-manufacturing", "country": "VNM", "products": []},
            "electronics-manufacturing",
            {"inferred:electronic-components@VNM"},
            "no such sector",
        ),
    ],
)
def test_inference_follows_what_the_products_name(
    tmp_path: Path,
    supplier: dict[str, Any],
    company_sector: str | None,
    expected: set[str],
    absent: str,
) -> None:
    company: dict[str, Any] = {"name": "X", "country": "DEU"}
    if company_sector:
        company["sector"] = company_sector
    chain = tmp_path / "c.yaml"
    chain.write_text(
        yaml.safe_dump({"company": company, "suppliers": [{"id": "S1", "name": "s", **supplier}]}),
        "utf-8",
    )
    doc = assess([chain]).data
    found = {s["id"] for s in doc["suppliers"] if s["inferred"]}
    assert expected <= found, found
    assert not any(absent in node for node in found), found
    [entry] = [s for s in doc["suppliers"] if s["id"] == "S1"]
    assert "tiers below not mapped (inferred)" in entry["data_gaps"]


def test_explain_gives_each_origins_production_share_year_and_source() -> None:
    from rich.console import Console

    from ddtool.reporters.explain import explain_supplier

    result = assess([SAMPLES / "garment.yaml"])
    console = Console(record=True, width=250)
    explain_supplier(result, "inferred:cotton-farming:cotton-lint@world", console)
    text = console.export_text()
    assert "country origin mix (below)" in text
    assert "24.34% (2023, World Agricultural Production" in text  # China's share


def test_what_is_inferred_does_not_depend_on_supplier_ids(tmp_path: Path) -> None:
    """Two smelters in one country share no inferred trader when their products differ: a
    mica smelter's mines are not a copper smelter's, whichever id sorts first."""
    shapes = []
    for mica, copper in (("A1", "B2"), ("Z9", "B2")):
        chain = tmp_path / f"{mica}.yaml"
        smelters = [
            {"id": mica, "name": "m", "country": "CHN", "sector": "smelting-refining",
             "products": ["mica"]},
            {"id": copper, "name": "c", "country": "CHN", "sector": "smelting-refining",
             "products": ["copper"]},
        ]  # fmt: skip
        chain.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": smelters}), "utf-8")
        doc = assess([chain]).data
        shapes.append(
            {
                s["id"]: sorted("MICA" if b == mica else b for b in s["buyers"])
                for s in doc["suppliers"]
                if s["inferred"]
            }
        )
    assert shapes[0] == shapes[1]
    assert shapes[0]["inferred:mineral-trading:mica@CHN"] == ["MICA"]
    assert shapes[0]["inferred:mineral-trading:copper@CHN"] == ["B2"]


@pytest.mark.parametrize(
    ("country", "node", "weights"),
    [
        # Thailand: no published share of farmed shrimp, but Shrimp is listed there
        ("THA", "inferred:aquaculture:shrimp-farmed@THA", {"CHN": 0.5, "THA": 0.5}),
        # Viet Nam: a producer whose share is not published
        ("VNM", "inferred:aquaculture:shrimp-farmed@VNM", {"CHN": 0.5, "VNM": 0.5}),
        # Germany: neither; the published shares alone
        ("DEU", "inferred:aquaculture:shrimp-farmed@world", {"CHN": 1.0}),
    ],
)
def test_an_origin_mix_leans_to_a_buyer_country_that_produces_or_lists_it(
    tmp_path: Path, country: str, node: str, weights: dict[str, float]
) -> None:
    chain = tmp_path / "c.yaml"
    processor = {"id": "P1", "name": "p", "country": country, "sector": "seafood-processing"}
    chain.write_text(
        yaml.safe_dump(
            {"company": {"name": "X"}, "suppliers": [{**processor, "products": ["shrimp"]}]}
        ),
        "utf-8",
    )
    doc = assess([chain]).data
    [entry] = [s for s in doc["suppliers"] if s["inferred"]]
    assert entry["id"] == node
    assert {o["country"]: o["weight"] for o in entry["origins"] if o["weight"]} == weights
    if country == "THA":  # the Thai listing now reaches the unmapped farm tier, cited
        assert entry["worst_case"]["forced_labour"]["level"] == "critical"
        [flag] = [
            f
            for f in register(doc)
            if f["supplier_id"] == node and f["risk_type"] == "forced_labour"
        ]
        facts = [e["indicator"] for e in flag_evidence(doc, flag)]
        assert "US DOL List of Goods: Shrimp (Thailand)" in facts


def test_a_worst_case_without_a_listing_names_the_figures_it_rests_on(tmp_path: Path) -> None:
    """North Korea's child labour has no figure of its own: the worst case says what it
    rests on (its modern-slavery prevalence), not only that it is the worst."""
    chain = tmp_path / "c.yaml"
    chain.write_text(
        "company: {name: X}\nsuppliers:\n"
        "  - {id: A1, name: a, sector: artisanal-mining, products: [gold]}\n",
        "utf-8",
    )
    doc = assess([chain]).data
    notes = [
        e["note"]
        for e in doc["evidence"].values()
        if e["indicator"].endswith("in North Korea (PRK)")
    ]
    assert notes == [
        "the sector's and North Korea's own figures (the country's: gsi2023_prevalence_per_1000)"
    ]


def _explained(tmp_path: Path, supplier_id: str) -> str:
    path = tmp_path / "gaps.yaml"
    path.write_text(
        "suppliers:\n"
        "  - {id: S-MCO, name: Legal Monaco, country: MCO, sector: legal-services}\n"
        "  - {id: T1, name: Ghana trader, country: GHA, sector: cocoa-trading}\n"
        "  - {id: D1, name: Berlin office, country: DEU, sector: legal-services}\n",
        "utf-8",
    )
    done = CliRunner().invoke(app, ["explain", str(path), supplier_id], env={"COLUMNS": "250"})
    assert done.exit_code == 0, done.output
    return done.output


@pytest.mark.parametrize(
    ("supplier_id", "level", "exposure"),
    [
        # no country data: its low is no low risk, as every report says
        ("S-MCO", "│ level                      │        low (data gap) │", "low (data gap) │"),
        # the country's data complete: plain low
        ("D1", "│ level                      │        low │", "low │"),
    ],
)
def test_explain_shows_a_low_level_on_missing_data_as_the_reports_do(
    tmp_path: Path, supplier_id: str, level: str, exposure: str
) -> None:
    output = _explained(tmp_path, supplier_id)
    rows = [line for line in output.splitlines() if "│ level " in line]
    assert len(rows) == 3 and all(level.split("│")[2].strip() in row for row in rows), rows
    exposures = [line for line in output.splitlines() if "exposure (max beneath)" in line]
    assert len(exposures) == 3 and all(exposure in row for row in exposures), exposures
    if supplier_id == "D1":
        assert "data gap" not in output


def test_explain_names_each_country_indicator_without_a_figure(tmp_path: Path) -> None:
    """Ghana has no working-children figure in the bundled data: half the child-labour
    weights. The row says so instead of leaving it to the coverage figure."""
    output = _explained(tmp_path, "T1")
    child = output.split("forced labour")[0]
    [row] = [line for line in child.splitlines() if "working children" in line]
    assert "no data (w 0.5)" in row and "not counted as low" in row
    assert "coverage 50% of the weights" in child


@pytest.mark.parametrize(
    ("risk_type", "likelihood", "priority"),
    [
        # 0.5 × 0.6 + 0.5 × 0.4511 (the country score as shown) = 0.52555, half up 0.5256
        ("child_labour", 0.5256, 0.4993),
        # 0.5 × 0.8 + 0.5 × 0.4455 = 0.62275, half up 0.6228, + 0.09 migrant uplift = 0.7128;
        # × 0.95 = 0.67716
        ("human_trafficking", 0.7128, 0.6772),
    ],
)
def test_the_worked_example_of_the_methodology_is_what_the_tool_gives(
    risk_type: str, likelihood: float, priority: float
) -> None:
    """docs/methodology.md 12.1: each step takes the printed value of the step before,
    rounded half up."""
    root = Path(__file__).resolve().parents[2]
    doc = assess([root / "sample_chains" / "seafood.yaml"]).data
    vessel = next(s for s in doc["suppliers"] if s["id"] == "VES-TH-1")
    risk = vessel["risk"][risk_type]
    assert (risk["likelihood"], risk["priority"]) == (likelihood, priority)


def test_explain_writes_each_country_figure_as_the_registers_do() -> None:
    """Seafood's vessel in Thailand: the working-children share the source writes "13.0"
    reads 13 in explain as in the register's evidence, not "13.0"; every country figure
    explain shows is one its flags' evidence gives (as value_text writes it)."""
    from ddtool.reporters.shown import value_text

    done = CliRunner().invoke(
        app, ["explain", str(SAMPLES / "seafood.yaml"), "VES-TH-1"], env={"COLUMNS": "200"}
    )
    assert done.exit_code == 0, done.output
    shown = {
        line.split("│")[2].split("→")[0].strip()
        for line in done.output.splitlines()
        if line.startswith("│ country: ") and "→" in line.split("│")[2]
    }
    assert "13" in shown and "13.0" not in shown
    doc = assess([SAMPLES / "seafood.yaml"]).data
    given = {
        value_text(item["value"])
        for flag in register(doc)
        if flag["supplier_id"] == "VES-TH-1"
        for item in flag_evidence(doc, flag)
    }
    assert shown - {"ratified", "not_ratified"} <= given, shown - given


def test_explain_gives_an_inferred_suppliers_figures_and_how_its_origins_are_weighted() -> None:
    """An auditor recomputes the JSON's expected likelihood and severity from explain alone:
    they were not printed, nor how the buyer's own country came to weigh 0.7006."""
    node_id = "inferred:coffee-farming:coffee-green-beans@BRA"
    doc = assess([SAMPLES / "coffee.yaml"]).data
    [entry] = [s for s in doc["suppliers"] if s["id"] == node_id]
    done = CliRunner().invoke(
        app, ["explain", str(SAMPLES / "coffee.yaml"), node_id], env={"COLUMNS": "400"}
    )
    assert done.exit_code == 0, done.output
    for risk in entry["risk"].values():
        assert (
            f"likelihood {risk['likelihood']:.4f}, severity {risk['severity']:.4f}, priority"
            f" {risk['priority']:.4f}" in done.output
        )
    # its exposure, as a mapped supplier's explain gives it (the JSON had it, explain not)
    for exposure in entry["exposure"].values():
        assert (
            f"exposure (max beneath): {exposure['priority']:.4f} {exposure['level']}"
            f" from {exposure['from']}; share-weighted {exposure['weighted_priority']:.4f}"
        ) in done.output
    assert "BRA, the buyer's country, gets 0.5 more (the settings' own_country_lean)" in (
        done.output
    )


def _no_country_chain(tmp_path: Path) -> Path:
    chain = tmp_path / "mine.yaml"
    mine = {"id": "M1", "name": "Mine", "sector": "artisanal-mining", "products": ["gold"]}
    chain.write_text(
        yaml.safe_dump({"company": {"name": "X", "country": "DEU"}, "suppliers": [mine]}),
        "utf-8",
    )
    return chain


@pytest.mark.parametrize("chain", ["cocoa", "no country"])
def test_a_worst_case_flag_is_worked_out_from_its_evidence(tmp_path: Path, chain: str) -> None:
    """A flag raised at the worst case of an unknown country (an inferred stage's, or a
    mapped supplier's of no country) names the facts that set it in that country: its
    indicators (each with its year and source) and the severity. Before, it named the
    country's indicators without their figures, and no severity: the priority could not be
    worked out from the register alone."""
    path = SAMPLES / "cocoa.yaml" if chain == "cocoa" else _no_country_chain(tmp_path)
    doc = assess([path]).data
    worst = [
        f
        for f in register(doc)
        if any(
            e["indicator"].startswith("worst case with the country unknown")
            for e in flag_evidence(doc, f)
        )
    ]
    assert worst
    for flag in worst:
        facts = flag_evidence(doc, flag)
        [case] = [e for e in facts if e["indicator"].startswith("worst case with the country")]
        iso3 = case["indicator"].rsplit("(", 1)[1].rstrip(")")
        severities = [e for e in facts if e["indicator"].startswith("severity (")]
        assert [e["value"] for e in severities] == [flag["severity"]]
        figures = [e for e in facts if e["indicator"].endswith(f"({iso3})")]
        assert any(isinstance(e["value"], (int, float)) and e["year"] for e in figures)
        assert all(e["source"] for e in figures)


def test_the_tier1_ranking_names_an_inferred_supplier_as_its_entry_does(tmp_path: Path) -> None:
    """An inferred tier-1 supplier (a chocolate maker's sugar mill nobody mapped) was named
    by its id in the summary's ranking."""
    chain = tmp_path / "choc.yaml"
    farm = {"id": "C1", "name": "Cocoa coop", "country": "CIV", "sector": "cocoa-trading"}
    company = {"name": "X", "country": "BEL", "sector": "chocolate-manufacturing"}
    chain.write_text(yaml.safe_dump({"company": company, "suppliers": [farm]}), "utf-8")
    doc = assess([chain]).data
    names = {s["id"]: s["name"] for s in doc["suppliers"]}
    ranking = doc["summary"]["tier1_ranking"]
    assert any(entry["id"].startswith("inferred:") for entry in ranking)
    for entry in ranking:
        assert entry["name"] == names[entry["id"]]
