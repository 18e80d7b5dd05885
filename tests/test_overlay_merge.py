"""An overlay (--profiles DIR) changes what it gives and nothing else: an entry for a known
sector, measure or risk indicator is laid on top of the known one (its lists added to), a
source is the overlay's own, and every figure it gives is credited to it, the user's."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.errors import ProfileError
from ddtool.profiles import SectorRisk, load_profiles
from ddtool.reporters.markdown_report import OWN_RULES
from ddtool.reporters.profiles_view import show_item
from ddtool.verify import verify

ROOT = Path(__file__).resolve().parents[1]
OWN = {"id": "own-survey", "name": "Acme own audit programme 2025", "publisher": "Acme"}
MANIFEST = {"sources": [{**OWN, "year": 2025}]}
RATING = {
    "likelihood": 0.5,
    "severity": 0.8,
    "rationale": "Our own rating.",
    "source": "own-survey",
}
RISK = {"child_labour": RATING, "forced_labour": RATING, "human_trafficking": RATING}
FORCED = ("forced_labour", "human_trafficking")


def _folder(tmp_path: Path, files: dict[str, Any], name: str = "ov") -> Path:
    """An overlay folder of these files: YAML ones from data, CSV ones as written."""
    folder = tmp_path / name
    folder.mkdir()
    for file, content in files.items():
        text = content if isinstance(content, str) else yaml.safe_dump(content)
        (folder / file).write_text(text, "utf-8")
    return folder


def _fabric(tmp_path: Path, given: dict[str, Any]) -> Path:
    entry = {"id": "fabric-manufacturing", **given}
    return _folder(tmp_path, {"sectors.yaml": {"sectors": [entry]}, "manifest.yaml": MANIFEST})


BUNDLED = load_profiles().sectors["fabric-manufacturing"]


def _own_rating(added: tuple[str, ...] = ()) -> dict[str, SectorRisk]:
    """The bundled sector's risk re-rated as RATING, these indicators added beside those of
    its forced labour and trafficking ratings."""
    return {
        rt: SectorRisk(
            0.5,
            0.8,
            "Our own rating.",
            "own-survey",
            r.indicators + (added if rt != "child_labour" else ()),
        )
        for rt, r in BUNDLED.risk.items()
    }


# (what an overlay's entry for fabric-manufacturing gives, the sector loaded: the bundled
# one with only these changes). A re-rating wiped the aliases, inputs, ISIC and main
# indicators, so "fabric mill" was an unknown sector and the chain above cotton vanished.
ON_TOP = [
    (
        {
            "name": "Fabric manufacturing",
            "chain": "garment",
            "stage": "manufacturing",
            "risk": RISK,
        },
        {
            "name": "Fabric manufacturing",
            "chain": "garment",
            # (the bundled name still names it)
            "aliases": (*BUNDLED.aliases, BUNDLED.name),
            "risk": _own_rating(),
            "overlay": "ov/sectors.yaml",
        },
    ),
    # no risk block: the ratings stay the project's, and are not said to be the overlay's
    ({"aliases": ["loom shed", "fabric mill"]}, {"aliases": (*BUNDLED.aliases, "loom shed")}),
    ({"inputs": ["cotton-ginning"]}, {"inputs": (*BUNDLED.inputs, "cotton-ginning")}),
    ({"isic": "1399", "broad": True}, {"isic": "1399", "broad": True}),
    (
        {"not_commodities": ["Textiles"]},
        {"not_commodities": (*BUNDLED.not_commodities, "Textiles")},
    ),
    # the main indicators a rating gives are added to those the bundled one names
    (
        {"risk": {**RISK, **{rt: {**RATING, "indicators": ["debt-bondage"]} for rt in FORCED}}},
        {"risk": _own_rating(("debt-bondage",)), "overlay": "ov/sectors.yaml"},
    ),
]


@pytest.mark.parametrize(("given", "changed"), ON_TOP)
def test_an_overlay_entry_changes_only_what_it_gives(
    tmp_path: Path, given: dict[str, Any], changed: dict[str, Any]
) -> None:
    loaded = load_profiles([_fabric(tmp_path, given)])
    assert loaded.sectors["fabric-manufacturing"] == replace(BUNDLED, **changed)
    assert list(loaded.sectors) == list(load_profiles().sectors)  # (the taxonomy's order)


# (an overlay's entry for fabric-manufacturing, what loading it says)
REFUSED = [
    (
        {"risk": {"child_labour": RATING}},
        "sectors[0] (fabric-manufacturing): risk gives no forced_labour, human_trafficking: a"
        " risk block re-rates the sector for every risk type",
    ),
    ({"aliases": "fabric mill"}, "aliases: expected a list, not 'fabric mill'"),
    (
        {"aliasses": ["loom shed"]},
        "unknown key 'aliasses' (did you mean 'aliases'?): a sector's keys are id, name,",
    ),
    ({"inputs": ["yarn-spinnig"]}, "input 'yarn-spinnig' is not a sector (did you mean"),
]


@pytest.mark.parametrize(("given", "said"), REFUSED)
def test_an_overlay_entry_that_would_lose_or_ignore_a_field_is_refused(
    tmp_path: Path, given: dict[str, Any], said: str
) -> None:
    folder = _fabric(tmp_path, given)
    with pytest.raises(ProfileError) as raised:
        load_profiles([folder])
    assert said in str(raised.value)
    assert str(folder / "sectors.yaml") in str(raised.value)


def test_a_re_rated_sector_keeps_its_chain_in_an_assessment(tmp_path: Path) -> None:
    """With the re-rating, "fabric mill" was an unknown sector, its inferred yarn, ginning
    and cotton tiers were gone and a diff called their flags resolved."""
    chain = tmp_path / "fm.yaml"
    chain.write_text(
        "company: {name: Acme, country: Sweden, sector: apparel-retail}\n"
        "suppliers:\n"
        "  - {id: F1, name: Mill, country: Bangladesh, sector: fabric mill}\n",
        "utf-8",
    )
    folder = _fabric(tmp_path, ON_TOP[0][0])
    saved = tmp_path / "a.json"
    args = ["assess", str(chain), "--profiles", str(folder), "-q", "-o", str(saved)]
    assert CliRunner().invoke(app, args).exit_code == 0
    rerated, bundled = json.loads(saved.read_text("utf-8")), assess([chain]).data
    assert [s["sector"] for s in rerated["suppliers"]] == [
        s["sector"] for s in bundled["suppliers"]
    ]
    assert {"fabric-manufacturing", "yarn-spinning", "cotton-farming"} <= {
        s["sector"] for s in rerated["suppliers"]
    }
    assert not [w for w in rerated["warnings"] if w["type"] == "unknown-sector"]
    assert len(rerated["flags"]) == len(bundled["flags"])
    assert verify(saved).reproduced  # (--verify re-reads the overlay the same way)


BUNDLED_REMEDIATION = yaml.safe_load((ROOT / "risk_profiles" / "remediation.yaml").read_text())
STEP = BUNDLED_REMEDIATION["steps"][1]


# (an overlay's remediation.yaml, the part loaded: measure, risk indicator or steps, and the
# changes from the bundled one). A measure given again to reword it lost its risk types,
# sectors and the indicators it addresses; a step renamed was listed twice, moved last.
REMEDIATION = [
    (
        {"measures": [{"id": "cl-age-verification", "action": "Ask for the age records."}]},
        "cl-age-verification",
        {"action": "Ask for the age records."},
    ),
    (
        {"measures": [{"id": "cl-age-verification", "addresses": ["hazardous-work"]}]},
        "cl-age-verification",
        {"addresses": ("underage-work", "hazardous-work")},
    ),
    (
        {"risk_indicators": [{"id": "debt-bondage", "name": "Debt bondage"}]},
        "debt-bondage",
        {"name": "Debt bondage"},
    ),
    ({"steps": [{**STEP, "name": "Stop and prevent"}]}, "steps", {"name": "Stop and prevent"}),
]


@pytest.mark.parametrize(("given", "which", "changed"), REMEDIATION)
def test_an_overlays_remediation_entry_changes_only_what_it_gives(
    tmp_path: Path, given: dict[str, Any], which: str, changed: dict[str, Any]
) -> None:
    bundled = load_profiles()
    loaded = load_profiles([_folder(tmp_path, {"remediation.yaml": given})])
    if which == "steps":
        expected = [(s, changed["name"] if s == STEP["id"] else n) for s, n in bundled.steps]
        assert loaded.steps == expected
        return
    if which in bundled.risk_indicators:
        item = bundled.risk_indicators[which]
        assert loaded.risk_indicators[which] == replace(item, **changed)
    else:
        [measure] = [m for m in bundled.measures if m.id == which]
        assert [m for m in loaded.measures if m.id == which] == [replace(measure, **changed)]
    assert [m.id for m in loaded.measures] == [m.id for m in bundled.measures]


COUNTRY_ROW = (
    "iso3,country,indicator,value,unit,year,sex,source_name,source_url,source_ref,verification,"
    "note,source_id\nBGD,Bangladesh,ilab_working_children_pct_age_5-14,20.5,% of children in"
    " age group,2025,total,Own audit programme 2025,,,,our own survey,{id}\n"
)


# (the overlay's files, what loading says: None when it loads)
SOURCES = [
    # an own source cited with no manifest in the overlay: where and how to list it
    (
        {"countries.csv": COUNTRY_ROW.format(id="own-survey")},
        "countries.csv: row 2: unknown source_id 'own-survey': no manifest.yaml lists it; an"
        " overlay lists its own sources in {folder}/manifest.yaml (no such file yet) under"
        " sources:, each with at least an id, a name and a year, as in `sources: [{{id: own-survey,"
        " name: Our 2025 site audits, publisher: Acme Ltd, year: 2025}}]` (see"
        " docs/methodology.md, section 10, Overlays)",
    ),
    (
        {"countries.csv": COUNTRY_ROW.format(id="own-survy"), "manifest.yaml": MANIFEST},
        "unknown source_id 'own-survy' (did you mean 'own-survey'?): no manifest.yaml lists it;"
        " an overlay lists its own sources in {folder}/manifest.yaml under sources:",
    ),
    ({"countries.csv": COUNTRY_ROW.format(id="own-survey"), "manifest.yaml": MANIFEST}, None),
    # a bundled source's id taken: every bundled figure citing it would be credited to it
    (
        {"manifest.yaml": {"sources": [{**OWN, "id": "walkfree-gsi-2023", "year": 2025}]}},
        "manifest.yaml: line 2: sources[0] (walkfree-gsi-2023): 'walkfree-gsi-2023' is"
        " already the id of",
    ),
    # a re-rating citing the overlay's own source without listing it
    (
        {"sectors.yaml": {"sectors": [{"id": "fabric-manufacturing", "risk": RISK}]}},
        "sectors[0] (fabric-manufacturing) child_labour: unknown source_id 'own-survey': no"
        " manifest.yaml lists it; an overlay lists its own sources in {folder}/manifest.yaml",
    ),
]


@pytest.mark.parametrize(("files", "said"), SOURCES)
def test_an_overlays_own_source_is_listed_in_its_own_manifest(
    tmp_path: Path, files: dict[str, Any], said: str | None
) -> None:
    folder = _folder(tmp_path, files)
    if said is None:
        figure = load_profiles([folder]).indicator("BGD", "ilab_working_children_pct_age_5-14")
        assert figure is not None and (figure.number, figure.source_id) == (20.5, "own-survey")
        return
    with pytest.raises(ProfileError) as raised:
        load_profiles([folder])
    assert said.format(folder=folder) in str(raised.value)


def test_the_methodology_says_how_an_overlay_lists_its_sources() -> None:
    """The message points to section 10: it says where an overlay's sources go."""
    text = (ROOT / "docs" / "methodology.md").read_text("utf-8")
    limits = text.split("\n## 10. ")[1].split("\n## 11. ")[0]
    overlays = limits.split("- **Overlays")[1]
    for said in ("manifest.yaml", "sources:", "added", "risk", "given with --profiles"):
        assert said in overlays


GOODS = (
    "good,country,iso3,child_labour,forced_labour,forced_child_labour,downstream_good,"
    "sector,input_country,year,source,source_id\n"
    "Cocoa,Ghana,GHA,yes,yes,no,no,,,2025,own audit,own-survey\n"
)
ORIGINS = (
    "commodity,iso3,country,share_pct,quantity,unit,year,source_name,source_location,verified,"
    "source_id\ncocoa beans,GHA,Ghana,12,,,2025,own,,,faostat\n"
)
GSI = (
    "iso3,indicator,value,year,sex,source_id\n"
    "GHA,gsi2023_prevalence_per_1000,9,2023,total,walkfree-gsi-2023\n"
    "GHA,ilo_informal_employment_rate_pct,80,2024,female,ilostat-informal-employment\n"
)
# (the start of the indicator of an overlay's fact, the overlay file, the source behind it):
# a figure an overlay gives is the user's, even where it names a bundled source
CREDITED = [
    ("sector inherent likelihood (cocoa-farming)", "sectors.yaml", "Acme own audit"),
    ("Goods listing from the overlay", "goods.csv", "Acme own audit"),
    ("origin Ghana: share of world", "origins.csv", "FAOSTAT"),
    ("gsi2023_prevalence_per_1000 (GHA)", "countries.csv", "Global Slavery Index"),
]


@pytest.fixture(scope="module")
def credited(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    tmp_path = tmp_path_factory.mktemp("credited")
    bundled = yaml.safe_load((ROOT / "risk_profiles" / "sectors.yaml").read_text("utf-8"))
    sector = {**next(s for s in bundled["sectors"] if s["id"] == "cocoa-farming"), "risk": RISK}
    folder = _folder(
        tmp_path,
        {
            "sectors.yaml": {"sectors": [sector]},
            "goods.csv": GOODS,
            "origins.csv": ORIGINS,
            "countries.csv": GSI,
            "manifest.yaml": MANIFEST,
        },
    )
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: T, country: DEU, sector: chocolate-manufacturing}\n"
        "suppliers:\n"
        "  - {id: F1, name: Farm, country: GHA, sector: cocoa-farming, products: [cocoa beans]}\n"
        "  - {id: G1, name: Grinder, country: NLD, sector: cocoa-processing}\n",
        "utf-8",
    )
    return assess([chain], AssessOptions(profiles=[folder])).data, chain


@pytest.mark.parametrize(("indicator", "file", "behind"), CREDITED)
def test_an_overlays_figure_is_credited_to_the_overlay(
    credited: tuple[dict[str, Any], Path], indicator: str, file: str, behind: str
) -> None:
    """The user's figures were credited to the sources they name (a share to FAOSTAT)."""
    doc, _ = credited
    facts = [e for e in doc["evidence"].values() if e["indicator"].startswith(indicator)]
    assert facts
    for fact in facts:
        assert fact["source"] == f"the overlay ov/{file} (given with --profiles)"
        assert f"[source behind it: {behind}" in fact["note"]


def test_every_register_credits_an_overlay_to_the_user(
    credited: tuple[dict[str, Any], Path], tmp_path: Path
) -> None:
    """The Sources sheet gave the overlay's rating the publisher "ddtool"."""
    doc, chain = credited
    folder = doc["profiles"]["overlays"][0]
    runner = CliRunner()
    for suffix in (".xlsx", ".md", ".html"):
        args = [
            "assess",
            str(chain),
            "--profiles",
            folder,
            "-q",
            "-o",
            str(tmp_path / f"r{suffix}"),
        ]
        assert runner.invoke(app, args).exit_code == 0
    rows = list(load_workbook(tmp_path / "r.xlsx")["Sources"].iter_rows(values_only=True))
    publisher, used = rows[0].index("Publisher"), rows[0].index("Used in this register")
    overlays = {r[0]: r[publisher] for r in rows if str(r[0]).startswith("the overlay ")}
    assert {r[rows[0].index("Kind")] for r in rows if r[0] in overlays} == {"overlay"}
    assert set(overlays) == {
        f"the overlay ov/{file} (given with --profiles)" for _, file, _ in CREDITED
    }
    assert set(overlays.values()) == {"the user (an overlay given with --profiles)"}
    own = next(r for r in rows if r[0] == OWN["name"])
    assert (own[publisher], own[used]) == ("Acme", "yes")  # (the user's source, behind the figures)
    markdown = (tmp_path / "r.md").read_text("utf-8").replace("\\", "")
    assert "overlay given with --profiles" in OWN_RULES
    listed = markdown.split(OWN_RULES)[1]
    assert "- the overlay ov/sectors.yaml (given with --profiles)" in listed
    # (the HTML chart of informal employment by sex names the sources of its figures)
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "the overlay ov/countries.csv (given with --profiles), behind it: " in html
    explained = runner.invoke(
        app,
        ["explain", str(chain), "F1", "--profiles", folder],
        env={"COLUMNS": "1000"},  # (no cell wrapped)
    )
    rows_said = [x for x in explained.output.splitlines() if "modern slavery per 1,000" in x]
    assert rows_said and all(
        "the overlay ov/countries.csv (given with --profiles) — from the overlay" in x
        and "[source behind it: " in x
        for x in rows_said
    )


# ------------------------------------------------------------- a rating resting on several

GOODS_LIST = "List of Goods Produced by Child Labor or Forced Labor (TVPRA list), 2022 edition"
GEMS = "Global Estimates of Modern Slavery: Forced Labour and Forced Marriage (reference year 2021)"


def _fact_note(chain: Path, sector: str, profiles: list[Path] | None = None) -> str:
    """The note of a sector's forced labour rating, as the assessment's evidence gives it."""
    options = AssessOptions(profiles=profiles) if profiles else None
    data = assess([chain], options).data
    notes = [
        e["note"]
        for e in data["evidence"].values()
        if e["indicator"] == f"sector inherent likelihood ({sector}), ddtool rating"
        or e["indicator"].startswith(f"sector inherent likelihood ({sector}), rating from")
    ]
    assert notes, data["evidence"]
    return notes[0]


def test_a_rating_resting_on_two_sources_names_both(tmp_path: Path) -> None:
    """Polysilicon's forced labour rating rests on a sector fact of the ILO's estimates and on
    the US DOL listing; it was credited to the estimates alone."""
    chain = tmp_path / "p.yaml"
    chain.write_text(
        "company: {name: Acme, country: Germany, sector: solar-module-manufacturing}\n"
        "suppliers:\n"
        "  - {id: P1, name: Poly, country: China, sector: polysilicon-production}\n",
        "utf-8",
    )
    rating = load_profiles().sectors["polysilicon-production"].risk["forced_labour"]
    assert rating.sources == ("ilo-walkfree-iom-gems-2022", "ilab-goods-2022")
    note = _fact_note(chain, "polysilicon-production")
    assert note.endswith(f"[source behind it: {GEMS} (2022); {GOODS_LIST} (2022)]"), note
    console = Console(width=1000, record=True)
    assert show_item(load_profiles(), "sector", "polysilicon-production", console) is None
    lines = console.export_text().splitlines()
    [row] = [line for line in lines if line.startswith("│ forced_labour ") and "│ 0." in line]
    assert row.rstrip(" │").endswith(f"; rests on: {GEMS} (2022); {GOODS_LIST} (2022)"), row


# (the sources an overlay's rating gives, and the error, or the note's sources behind it)
CITED_BY_OVERLAY: list[tuple[Any, str]] = [
    (["own-survey", "ilab-goods-2022"], f"Acme own audit programme 2025 (2025); {GOODS_LIST}"),
    (["own-survey", "own-survey"], "Acme own audit programme 2025 (2025)]"),
    (["own-survey", "own-survy"], "unknown source_id 'own-survy' (did you mean 'own-survey'?)"),
    (["own-survey", ""], "value without source (source is empty)"),
]


@pytest.mark.parametrize(("cited", "said"), CITED_BY_OVERLAY)
def test_an_overlays_rating_may_rest_on_several_sources(
    tmp_path: Path, cited: list[str], said: str
) -> None:
    rating = {**RATING, "source": cited}
    risk = {"child_labour": rating, "forced_labour": rating, "human_trafficking": rating}
    folder = _folder(
        tmp_path,
        {
            "sectors.yaml": {"sectors": [{"id": "fabric-manufacturing", "risk": risk}]},
            "manifest.yaml": MANIFEST,
        },
    )
    if "source_id" in said or "without source" in said:
        with pytest.raises(ProfileError) as raised:
            load_profiles([folder])
        assert said in str(raised.value)
        return
    chain = tmp_path / "f.yaml"
    chain.write_text(
        "company: {name: Acme, country: Sweden, sector: apparel-retail}\n"
        "suppliers:\n"
        "  - {id: F1, name: Mill, country: Bangladesh, sector: fabric-manufacturing}\n",
        "utf-8",
    )
    note = _fact_note(chain, "fabric-manufacturing", [folder])
    assert f"[source behind it: {said}" in note, note
