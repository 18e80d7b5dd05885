"""`ddtool explain` shows what the registers give for each score: every fact of a flag's
evidence (its figure, year, source and note), each country figure named as the registers
name it (which age group's working children), and each listing with its edition, year and
change in the 2024 edition (methodology, section 3.5). Every risk type is flagged here
(flag_level low), so that every score's facts are in the register."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from rich.console import Console

from ddtool.assess import Assessment, AssessOptions, assess
from ddtool.config import Config
from ddtool.document import indicator_words
from ddtool.reporters.explain import explain_supplier
from ddtool.reporters.shown import value_text

CHAIN = """\
company: {name: Test GmbH, country: DE, sector: wholesale-trade}
suppliers:
  - {id: FARM-TH, name: shrimp farm, country: Thailand, sector: aquaculture,
     products: [farmed shrimp], migrant_pct: 40}
  - {id: P-TH, name: shrimp processor, country: TH, sector: seafood processing,
     products: [frozen vannamei shrimp]}
  - {id: SS-1, name: Juba Gold, country: South Sudan, sector: artisanal-mining, products: [gold]}
  - {id: U-1, name: cocoa farm, country: unknown, sector: cocoa farming, products: [cocoa beans]}
  - {id: TOY-CN, name: toys, country: CN, products: [toys]}
  - {id: MS-1, name: Montserrat knits, country: Montserrat, sector: garment-manufacturing}
  - {id: TM-1, name: Turkmen cotton, country: Turkmenistan, sector: cotton-farming}
  - {id: KR-FISH, name: squid boat, country: KOR, sector: fishing-vessels, products: [squid]}
  - id: A-1
    name: tuna cannery
    country: THA
    sector: seafood-processing
    products: [canned tuna]
    certifications: [{name: SA8000, valid_until: 2027-01-31}, {name: MSC}]
    audits: [{standard: SMETA, date: 2026-05-01, result: pass}]
"""
SHRIMP_THA = "inferred:aquaculture:shrimp-farmed@THA"
RISK_NAMES = {
    "child_labour": "child labour",
    "forced_labour": "forced labour",
    "human_trafficking": "trafficking",
}
EDITION = "List of Goods Produced by Child Labor or Forced Labor (TVPRA list), 2022 edition"
# (the change's own "removed: " said once, by the note before it)
REMOVED = (
    "'child labor in these sectors and countries has been reduced to no more than"
    " isolated incidents' (quoted by source)"
)


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    path = tmp_path_factory.mktemp("facts") / "chain.yaml"
    path.write_text(CHAIN, encoding="utf-8")
    options = AssessOptions(settings=Config(flag_level="low"), as_of=dt.date(2026, 11, 27))
    return assess([path], options)


def _explained(result: Assessment, supplier_id: str) -> dict[str, str]:
    """explain's output by its sections (the text under each rule, by its title; "" the
    text above the first), each on one line: no cell wrapped, spaces and borders as one."""
    console = Console(record=True, width=3000)
    explain_supplier(result, supplier_id, console)
    parts = re.split(r"^─+ (.+?) ─+$", console.export_text(), flags=re.M)
    sections = {"": parts[0], **dict(zip(parts[1::2], parts[2::2], strict=True))}
    return {title: _flat(text) for title, text in sections.items()}


def _flat(text: str) -> str:
    return re.sub(r"[\s│┃]+", " ", text)


def _flags(result: Assessment, supplier_id: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """The supplier's flags: each risk type with the facts of its evidence in the register."""
    doc = result.data
    return [
        (flag["risk_type"], [doc["evidence"][e] for e in doc["bases"][flag["basis"]]["evidence"]])
        for flag in doc["flags"]
        if flag["supplier_id"] == supplier_id
    ]


# facts whose meaning explain says in words of its own beside its step: the severity a
# rule of ddtool's sets (the listing that raised it, the default: see _severity_note), the
# sector or country weighted in as no data, the coverage of few country figures
OWN_WORDS = ("severity (", "sector inherent likelihood (", "country indicators (")


def _not_shown(fact: dict[str, Any], shown: str) -> list[str]:
    """What of a register's fact explain's section does not show: its indicator (a country
    figure's, in words), value, year, source and note."""
    if fact["indicator"].startswith(OWN_WORDS) and (
        fact["value"] == "no data"
        or str(fact["source"]).startswith("ddtool: ")
        or fact["indicator"].startswith("country indicators (")
    ):
        return []
    parts = {
        "indicator": indicator_words(fact["indicator"]) if "_" in fact["indicator"] else "",
        "value": value_text(fact["value"]),
        "year": "" if fact["year"] is None else str(fact["year"]),
        "source": str(fact["source"]),
        "note": "" if fact["indicator"].startswith("severity (") else fact.get("note", ""),
    }
    return [name for name, text in parts.items() if text and _flat(text) not in shown]


@pytest.mark.parametrize(
    "supplier_id",
    ["FARM-TH", "P-TH", SHRIMP_THA, "SS-1", "U-1", "TOY-CN", "MS-1", "TM-1", "KR-FISH", "A-1"],
)
def test_explain_shows_every_fact_the_register_gives(result: Assessment, supplier_id: str) -> None:
    sections = _explained(result, supplier_id)
    worst = sections.get("country unknown: worst case", "")
    flags = _flags(result, supplier_id)
    assert len(flags) == 3  # (every risk type flagged: the supplier is there, as read)
    missing = [
        (risk_type, fact["indicator"], absent)
        for risk_type, facts in flags
        for fact in facts
        if (absent := _not_shown(fact, sections[RISK_NAMES[risk_type]] + worst))
    ]
    assert not missing


@pytest.mark.parametrize(
    ("supplier_id", "risk_type", "row"),
    [
        # the 10-14 series where South Sudan has no 5-14 figure: named, with its year and source
        (
            "SS-1",
            "child_labour",
            "country: working children (% of age group) (ilab_working_children_pct_age_10-14,"
            " SSD), /30 45.6 → 1.0000 (w 0.5) 2022, 2022 Findings on the Worst Forms of Child"
            " Labor ",
        ),
        (
            "FARM-TH",
            "child_labour",
            "country: working children (% of age group) (ilab_working_children_pct_age_5-14,"
            " THA), /30 13 → 0.4333 (w 0.5) 2022, 2022 Findings on the Worst Forms of Child"
            " Labor ",
        ),
        (
            "FARM-TH",
            "forced_labour",
            "country: ITUC rights rating (ituc_global_rights_index_rating, THA) 5 → 0.8000"
            " (w 0.2) 2026, ITUC Global Rights Index 2026 (country ratings 1 to 5+) ",
        ),
        # a figure withheld: the register's indicator and its reason
        (
            "MS-1",
            "child_labour",
            "country: working children (% of age group) (ilab_working_children_pct_age_5-14,"
            " MSR) 96.8 (not scored) ",
        ),
        # a listing: its edition and year, and its change in the 2024 edition, as the
        # registers give it on each risk type
        (
            "FARM-TH",
            "child_labour",
            "US DOL List of Goods: Shrimp (Thailand) listed for child labour, forced labour,"
            f" forced child labour (2022, {EDITION}) — removed in the 2024 edition: {REMOVED}",
        ),
        (
            "FARM-TH",
            "forced_labour",
            "US DOL List of Goods: Shrimp (Thailand) listed for child labour, forced labour,"
            f" forced child labour (2022, {EDITION}) — a removal in the 2024 edition is reported"
            f" for child labour; for this risk type the source says nothing (still scored):"
            f" {REMOVED}",
        ),
        (
            SHRIMP_THA,
            "child_labour",
            "US DOL List of Goods: Shrimp (Thailand) listed for child labour, forced labour,"
            f" forced child labour (2022, {EDITION}) — removed in the 2024 edition: {REMOVED}",
        ),
        # the 2024 list's new country: shown to check, never scored
        (
            "KR-FISH",
            "child_labour",
            "US DOL List of Goods 2024: South Korea newly listed not scored",
        ),
    ],
)
def test_explain_names_a_figure_or_listing_as_the_register_does(
    result: Assessment, supplier_id: str, risk_type: str, row: str
) -> None:
    assert row in _explained(result, supplier_id)[RISK_NAMES[risk_type]]


def test_no_listing_removed_in_2024_goes_unsaid(result: Assessment) -> None:
    """Wherever the register says a listing was removed in the 2024 edition, explain of that
    supplier says it too."""
    doc = result.data
    said = {
        flag["supplier_id"]
        for flag in doc["flags"]
        for e in doc["bases"][flag["basis"]]["evidence"]
        if "2024 edition" in doc["evidence"][e].get("note", "")
    }
    assert {"FARM-TH", SHRIMP_THA} <= said
    for supplier_id in said:
        assert _flat(REMOVED) in " ".join(_explained(result, supplier_id).values())
