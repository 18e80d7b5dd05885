"""A supplier of no sector whose products give it none (a raw good its country does not
produce: a Bremen supplier of "cocoa beans" is no farm; or a good no sector is taken from:
"chocolate bars") is read as a trader of them: beneath it, the tiers a wholesaler or importer
naming them gets are inferred, its own score stays that of a sector not known, and a
`read-as-trader` warning says why. Before, nothing was inferred beneath it: a chocolate
maker's cocoa farms vanished from a vendor list without a sector column ("Flags none", chain
exposure "low (data gap)"). The cases are data: tests/assets/sectors/read_as_trader.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.document import UNMAPPED_BELOW
from ddtool.profiles import load_profiles
from ddtool.reference.countries import display_name, sentence_name

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "sectors" / "read_as_trader.yaml").read_text(encoding="utf-8")
)
TRADERS = [case for case in CASES if case["reading"] == "trader"]
OTHERS = [case for case in CASES if case["reading"] != "trader"]


def _name(case: dict[str, Any]) -> str:
    return f"{case['country']} {'; '.join(case['products'])}"


def _run(tmp_path: Path, case: dict[str, Any], sector: str | None, products: bool = True) -> Any:
    """The assessment of one supplier of the case under a company of no sector."""
    given = f", sector: {sector}" if sector else ""
    named = f", products: {case['products']}" if products else ""
    path = tmp_path / f"{sector or 'none'}-{products}.yaml"
    path.write_text(
        "company: {name: Chocolatier Bruxelles SA, country: BE}\n"
        "suppliers:\n"
        f"  - {{id: S1, name: S, country: {case['country']}{given}{named}, share: 1}}\n",
        encoding="utf-8",
    )
    return assess([path])


def _beneath(result: Any) -> dict[str, tuple[Any, ...]]:
    """Each inferred supplier: its buyers, sector, origins and worst case per risk type."""
    return {
        node_id: (
            sorted(node.buyers),
            node.sector,
            [(o.iso3, o.share) for o in node.origins],
            {rt: (score.as_dict(), where) for rt, (score, where) in node.worst.items()},
        )
        for node_id, node in result.inferred.items()
    }


def _inferred_flags(result: Any) -> list[tuple[str, str, str]]:
    """The flags of the inferred suppliers (its own are of its own score: see below)."""
    flags = result.data["flags"]
    return [(f["supplier_id"], f["risk_type"], f["level"]) for f in flags if f["inferred"]]


def _levels(result: Any) -> dict[str, str]:
    """The chain's exposure, per risk type."""
    return {rt: e["level"] for rt, e in result.data["company"]["exposure"].items()}


def _entry(result: Any) -> dict[str, Any]:
    return next(s for s in result.data["suppliers"] if s["id"] == "S1")


@pytest.mark.parametrize("case", TRADERS, ids=list(map(_name, TRADERS)))
def test_a_supplier_of_no_sector_gets_beneath_it_what_an_importer_gets(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    result = _run(tmp_path, case, None)
    beneath = _beneath(result)
    assert beneath, "nothing inferred beneath it"
    for sector in ("importer", "wholesale trade"):
        trader = _run(tmp_path, case, sector)
        assert beneath == _beneath(trader), sector
        assert _inferred_flags(result) == _inferred_flags(trader)
        assert _levels(result) == _levels(trader)
    inferred = {node_id.split("@")[0] for node_id in beneath}
    assert set(case["raw"]) <= inferred
    assert any(node.buyers == {"S1"} for node in result.inferred.values())


UNLISTED = [case for case in TRADERS if case.get("listed") == "main"]
RULED_OUT = [case for case in TRADERS if case.get("listed") != "main"]


@pytest.mark.parametrize("case", RULED_OUT, ids=list(map(_name, RULED_OUT)))
def test_its_own_score_stays_that_of_a_sector_not_known(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    entry = _entry(_run(tmp_path, case, None))
    assert entry["sector"] is None
    # (Ghana's country data lacks its working-children rate: a gap of its own, beside)
    gaps = [gap for gap in entry["data_gaps"] if "country data" not in gap]
    assert gaps == ["sector unknown", UNMAPPED_BELOW]
    if "produces" in case:  # (its products bring no listing there: as without them)
        assert entry["risk"] == _entry(_run(tmp_path, case, None, products=False))["risk"]


@pytest.mark.parametrize("case", UNLISTED, ids=list(map(_name, UNLISTED)))
def test_not_among_the_main_producers_listed_it_is_scored_the_higher_of_both_readings(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    """Its country is not among the main producers listed, which does not rule it out: on
    each risk type its likelihood is the higher of its raw sector's there and a sector not
    known's, its priority no lower than either. (It was the latter's alone: a Seychelles
    supplier of tuna, forced labour 0.465, medium, where a tuna longliner there is high.)"""
    entry = _entry(_run(tmp_path, case, None))
    assert entry["sector"] is None
    assert [g for g in entry["data_gaps"] if not g.startswith("little country data")] == [
        f"sector not given (taken from products: {case['produces']})",
        UNMAPPED_BELOW,
    ]
    unknown = _entry(_run(tmp_path, case, None, products=False))["risk"]
    producer = _entry(_run(tmp_path, case, case["produces"]))["risk"]
    for rt, own in entry["risk"].items():
        assert own["likelihood"] == max(unknown[rt]["likelihood"], producer[rt]["likelihood"])
        assert own["priority"] >= max(unknown[rt]["priority"], producer[rt]["priority"])
    assert any(entry["risk"][rt] != unknown[rt] for rt in unknown)


def test_a_seychelles_supplier_of_tuna_is_scored_as_a_longliner_there(tmp_path: Path) -> None:
    """The reported case: forced labour high (0.686 for migrant_pct 90 with no sector read
    as a longliner), as for the same row with its sector given, not 0.465 (medium)."""
    case = {"country": "SC", "products": ["tuna"]}
    own = _entry(_run(tmp_path, case, None))["risk"]["forced_labour"]
    vessel = _entry(_run(tmp_path, case, "tuna longliners"))["risk"]["forced_labour"]
    assert own["level"] == vessel["level"] == "high"
    assert own["likelihood"] == vessel["likelihood"]


@pytest.mark.parametrize("case", TRADERS, ids=list(map(_name, TRADERS)))
def test_a_warning_says_its_sector_is_not_given_and_what_is_inferred(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    result = _run(tmp_path, case, None)
    (warning,) = [w for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    message = warning["message"]
    # (of a raw sector, only its own goods named: not "office chairs" beside cocoa beans)
    profiles = load_profiles()
    named = [p for p in case["products"] if profiles.product_sector(p) == case.get("produces")]
    assert message.startswith(
        f"no sector is given, and its products ({', '.join(named or case['products'])})"
    )
    country = sentence_name(_entry(result)["country"])
    own = "its own score is that of a sector not known (a data gap)"
    if case.get("listed") == "main":
        # (never "does not produce": the list of the main producers does not rule it out)
        assert "does not produce" not in message
        assert f"are goods of {case['produces']}, and {country} is not among the main" in message
        assert "% of world production), which does not rule it out: it may be" in message
        assert f"be {case['produces']} there or a trader of them, and is read as both" in message
        own = (
            f"its own score is that of {case['produces']} there, never below that of a sector"
            " not known (a data gap)"
        )
    elif "produces" in case:
        # (nor here: a small producer may be left out of a list of 95 % of the world's)
        assert "does not produce" not in message
        assert f"are goods of {case['produces']}, and {country} is not among the" in message
        assert "producers listed (" in message and "% of world production): it is" in message
        assert f"not as {case['produces']} there" in message
    else:
        assert "give it no sector: it is read as a trader of them;" in message
    stages = sorted({node.sector for node in result.inferred.values() if "S1" in node.buyers})
    assert f"as beneath a wholesaler or importer naming them ({', '.join(stages)})" in message
    assert own in message
    assert (warning["location"]["column"], warning["location"]["line"]) == ("products", 3)
    assert warning["severity"] == "warning"


@pytest.mark.parametrize("case", OTHERS, ids=list(map(_name, OTHERS)))
def test_a_sector_taken_from_its_products_or_no_good_followed_is_as_before(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    result = _run(tmp_path, case, None)
    entry = _entry(result)
    assert not [w for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    inferred = {node_id.split("@")[0] for node_id in result.inferred}
    if case["reading"] == "none":
        assert entry["sector"] is None and not inferred
        assert entry["data_gaps"] == [case.get("gap", "sector unknown")]
        return
    assert entry["sector"] == case["reading"]
    assert f"sector not given (taken from products: {case['reading']})" in entry["data_gaps"]
    # the raw goods' origins beneath it are an importer's
    importer = {node_id.split("@")[0] for node_id in _run(tmp_path, case, "importer").inferred}
    assert set(case["raw"]) <= inferred & importer


def _chain(tmp_path: Path, rows: str) -> Any:
    path = tmp_path / "chain.yaml"
    path.write_text(rows, encoding="utf-8")
    return assess([path])


@pytest.mark.parametrize("sector", [None, "importer"])
def test_a_supplier_mapped_beneath_it_covers_what_it_names_as_beneath_an_importer(
    tmp_path: Path, sector: str | None
) -> None:
    """A Ghanaian buying company mapped beneath the Bremen supplier: the farms are inferred
    beneath it, none beneath the Bremen supplier, whose warning (of no sector given) says
    the suppliers mapped beneath it cover their chain."""
    given = f", sector: {sector}" if sector else ""
    result = _chain(
        tmp_path,
        "company: {name: C, country: BE}\nsuppliers:\n"
        f"  - {{id: DE-1, country: DE{given}, products: [cocoa beans]}}\n"
        "  - {id: GH-1, country: GH, sector: cocoa trading, products: [cocoa beans],"
        " buyers: [DE-1]}\n",
    )
    assert {b for node in result.inferred.values() for b in node.buyers} == {"GH-1"}
    warned = [w["message"] for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    if sector is None:
        (message,) = warned
        assert "the suppliers mapped beneath it cover their chain" in message
    else:
        assert warned == []


# Chains where suppliers of no sector are read as traders, each written with "{sector}" where
# their sector goes: read so, each covers for those above it what the same row with sector
# `importer` covers, no more (before, it covered nothing: its buyer kept its own inferred
# stages beside the farms inferred beneath it, and a trader of the same goods above it got
# the farms beneath it too, with a gap "tiers below not mapped (inferred)").
BESIDE_IMPORTER = [
    pytest.param(
        "company: {name: Choc GmbH, country: DE, sector: chocolate-manufacturing}\n"
        "suppliers:\n"
        "  - {id: B2, country: DE{sector}, products: [cocoa beans]}\n",
        ["B2"],
        id="a chocolate maker's cocoa: no cocoa-processing nor cocoa-trading of its own",
    ),
    pytest.param(
        "company: {name: Choc GmbH, country: DE, sector: apparel-retail}\n"
        "suppliers:\n"
        "  - {id: U3, country: DE{sector}, products: [cocoa beans]}\n"
        "  - {id: U4, country: NL{sector}, products: [cocoa beans], buyers: [U3]}\n",
        ["U3", "U4"],
        id="a trader of the same goods beneath covers the one above",
    ),
    pytest.param(
        "company: {name: N, country: DEU, sector: apparel-retail}\n"
        "suppliers:\n"
        "  - {id: G1, country: BGD, sector: garment-manufacturing,"
        " products: [cotton t-shirts]}\n"
        "  - {id: CT, country: SGP{sector}, products: [organic cotton], buyers: [G1]}\n",
        ["CT"],
        id="organic cotton beneath a garment maker, as an importer of it",
    ),
    pytest.param(
        "company: {name: G, country: DE, sector: garment-manufacturing}\n"
        "suppliers:\n"
        "  - {id: S1, country: SG{sector}, products: [organic cotton]}\n",
        ["S1"],
        id="organic cotton beneath a garment company, as an importer of it",
    ),
]


def _outcome(result: Any, readers: list[str]) -> dict[str, Any]:
    """What a chain's inference comes to: the inferred suppliers (their buyers, sectors,
    origins, worst cases), the flags and gaps, the chain's exposure; the suppliers read as
    traders' own score and its gap ("sector unknown", an importer's is known) left out."""
    data = result.data
    # (and, not among the main producers listed, the gap of its raw sector taken from them)
    own_gaps = {
        "sector unknown",
        "sector not matched",
        "sector not given (taken from products: cotton-farming)",
    }
    return {
        "inferred": _beneath(result),
        "flags": sorted(
            (f["supplier_id"], f["risk_type"], f["level"], f["priority"])
            for f in data["flags"]
            if f["inferred"] or f["supplier_id"] not in readers
        ),
        "gaps": sorted(
            (g["supplier_id"], g["gap"])
            for g in data["data_gaps"]
            if g["supplier_id"] not in readers or g["gap"] not in own_gaps
        ),
        "exposure": data["company"]["exposure"],
        "entries": {
            s["id"]: (s["tiers"], [g for g in s["data_gaps"] if g not in own_gaps])
            for s in data["suppliers"]
        },
    }


@pytest.mark.parametrize(("rows", "readers"), BESIDE_IMPORTER)
def test_it_covers_for_those_above_it_what_an_importer_covers(
    tmp_path: Path, rows: str, readers: list[str]
) -> None:
    read = _chain(tmp_path, rows.replace("{sector}", ""))
    assert {w["type"] for w in read.data["warnings"]} >= {"read-as-trader"}
    assert all(_entry_of(read, sid)["sector"] is None for sid in readers)
    importer = _chain(tmp_path, rows.replace("{sector}", ", sector: importer"))
    assert _outcome(read, readers) == _outcome(importer, readers)


def test_stacked_traders_have_the_farms_beneath_the_lowest_alone(tmp_path: Path) -> None:
    """The farms once, at tier 3 beneath the Dutch trader; the German one above it has no
    inferred tier (its warning says the supplier mapped beneath it covers their chain). (The
    apparel company's own garment chain is inferred beside them.)"""
    result = _chain(tmp_path, BESIDE_IMPORTER[1].values[0].replace("{sector}", ""))
    (farm,) = [node for node in result.inferred.values() if node.sector == "cocoa-farming"]
    assert (farm.buyers, _entry_of(result, farm.id)["tiers"]) == ({"U4"}, [3])
    assert _entry_of(result, "U3")["data_gaps"] == ["sector unknown"]
    warned = [w["message"] for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    assert len(warned) == 2 and "and the Netherlands is not among" in warned[1]
    assert "the suppliers mapped beneath it cover their chain" in warned[0]


def test_explain_says_it_is_read_as_a_trader(tmp_path: Path) -> None:
    """`explain` shows the farms beneath it and says why, as the warning does."""
    path = tmp_path / "t3.yaml"
    path.write_text(BESIDE_IMPORTER[0].values[0].replace("{sector}", ""), encoding="utf-8")
    (warning,) = [w for w in assess([path]).data["warnings"] if w["type"] == "read-as-trader"]
    run = CliRunner().invoke(app, ["explain", str(path), "B2"], env={"COLUMNS": "4000"})
    assert run.exit_code == 0, run.output
    assert f"read as a trader: {warning['message']}" in run.output
    importer = tmp_path / "t3b.yaml"
    importer.write_text(
        BESIDE_IMPORTER[0].values[0].replace("{sector}", ", sector: importer"), encoding="utf-8"
    )
    run = CliRunner().invoke(app, ["explain", str(importer), "B2"], env={"COLUMNS": "4000"})
    assert run.exit_code == 0, run.output
    assert "read as a trader" not in run.output


@pytest.mark.parametrize(
    ("iso3", "written"),
    [
        ("NLD", "the Netherlands"),
        ("PHL", "the Philippines"),
        ("USA", "the United States"),
        ("GBR", "the United Kingdom"),
        ("DOM", "the Dominican Republic"),
        ("SLB", "the Solomon Islands"),
        ("DEU", "Germany"),
        ("CIV", display_name("CIV")),
        ("COD", "Congo (Democratic Republic)"),
    ],
)
def test_a_country_is_named_as_a_sentence_reads_it(iso3: str, written: str) -> None:
    assert sentence_name(iso3) == written


@pytest.mark.parametrize(
    ("iso3", "written"),
    [("NLD", "the Netherlands"), ("GBR", "the United Kingdom"), ("CHE", "Switzerland")],
)
def test_the_warning_names_the_country_as_a_sentence_reads_it(
    tmp_path: Path, iso3: str, written: str
) -> None:
    """It said "which Netherlands does not produce" (now: "and the Netherlands is not
    among the producers listed")."""
    result = _chain(
        tmp_path,
        f"company: {{name: C, country: BE}}\nsuppliers:\n"
        f"  - {{id: S1, country: {iso3}, products: [cocoa beans]}}\n",
    )
    (warning,) = [w for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    assert f"goods of cocoa-farming, and {written} is not among" in warning["message"]


def test_a_sector_not_matched_is_said_so(tmp_path: Path) -> None:
    result = _chain(
        tmp_path,
        "company: {name: C, country: BE}\nsuppliers:\n"
        "  - {id: DE-1, country: DE, sector: Rohkakaohandel, products: [cocoa beans]}\n",
    )
    (warning,) = [w for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    assert warning["message"].startswith("sector 'Rohkakaohandel' is not matched, and its")
    assert _entry_of(result, "DE-1")["data_gaps"] == ["sector not matched", UNMAPPED_BELOW]


def _entry_of(result: Any, supplier_id: str) -> dict[str, Any]:
    return next(s for s in result.data["suppliers"] if s["id"] == supplier_id)


def test_a_table_warns_at_its_row_and_products_column(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Supplier ID,Name,Country,Goods\nDE-1,Bremer Rohkakao GmbH,Germany,cocoa beans\n",
        encoding="utf-8",
    )
    result = assess([path])
    (warning,) = [w for w in result.data["warnings"] if w["type"] == "read-as-trader"]
    assert (warning["location"]["row"], warning["location"]["column"]) == (2, "Goods")


def test_the_gate_is_reached_by_the_cocoa_farms(tmp_path: Path) -> None:
    """`ddtool assess cocoa3.yaml --fail-on medium` found no flag and exited 0."""
    path = tmp_path / "cocoa3.yaml"
    path.write_text(
        "company: {name: Chocolatier Bruxelles SA, country: BE}\nsuppliers:\n"
        "  - {id: DE-1, name: Bremer Rohkakao GmbH, country: Germany,"
        " products: [cocoa beans], share: 1}\n",
        encoding="utf-8",
    )
    out = tmp_path / "c3.json"
    run = CliRunner().invoke(app, ["assess", str(path), "--fail-on", "medium", "-o", str(out)])
    assert run.exit_code == 1, run.output
    assert "[read-as-trader]" in run.output
    flags = json.loads(out.read_text(encoding="utf-8"))["flags"]
    assert {f["supplier_id"] for f in flags} == {"inferred:cocoa-farming:cocoa-beans@world"}
    assert {f["level"] for f in flags} == {"critical"}
