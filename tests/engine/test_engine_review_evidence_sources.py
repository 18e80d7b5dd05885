"""Every evidence item gives the indicator, value, year and source of that value: a listing
that sets an inferred origin's or an unknown country's worst case is cited as the US DOL
List of Goods (2022), the origin's production share as the source of the shares."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess
from ddtool.document import flag_evidence, register
from ddtool.profiles import load_profiles

ROOT = Path(__file__).resolve().parents[2]
SOURCES = load_profiles().sources
DOL = SOURCES["ilab-goods-2022"].name
FAOSTAT = SOURCES["faostat"].name


def _chocolate_maker(tmp_path: Path) -> dict[str, Any]:
    """A cocoa farm of unknown country under a German chocolate maker: the farm's worst
    case is Côte d'Ivoire's listing, and the maker's own inferred sugarcane origins are
    led by Myanmar's."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "company": {"name": "P", "country": "DE", "sector": "chocolate manufacturing"},
                "suppliers": [
                    {
                        "id": "F1",
                        "name": "f",
                        "sector": "cocoa farming",
                        "products": ["cocoa beans"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    return assess([path]).data


def _facts(doc: dict[str, Any], supplier: str, risk_type: str) -> dict[str, dict[str, Any]]:
    [flag] = [
        f for f in register(doc) if f["supplier_id"] == supplier and f["risk_type"] == risk_type
    ]
    return {e["indicator"]: e for e in flag_evidence(doc, flag)}


@pytest.mark.parametrize(
    ("supplier", "risk_type", "cited"),
    [
        # the worst origin of inferred sugarcane: its listing and its share, each its own
        (
            "inferred:sugarcane-farming:sugarcane@world",
            "child_labour",
            {
                "US DOL List of Goods: Sugarcane (Burma)": (
                    "listed for child labour, forced labour, forced child labour",
                    2022,
                    DOL,
                ),
                "origin Myanmar: share of world sugarcane production (%)": (0.55, 2023, FAOSTAT),
                "US DOL List of Goods: Sugarcane (Brazil)": (
                    "listed for child labour, forced labour",
                    2022,
                    DOL,
                ),
                "origin Brazil: share of world sugarcane production (%)": (38.63, 2023, FAOSTAT),
            },
        ),
        # a farm of unknown country flagged at its worst case: the listing that set it
        (
            "F1",
            "child_labour",
            {
                "US DOL List of Goods: Cocoa (Côte d'Ivoire)": (
                    "listed for child labour, forced labour, forced child labour",
                    2022,
                    DOL,
                ),
            },
        ),
    ],
)
def test_a_listing_behind_a_worst_case_is_cited_as_the_dol_list(
    tmp_path: Path, supplier: str, risk_type: str, cited: dict[str, tuple[Any, int, str]]
) -> None:
    facts = _facts(_chocolate_maker(tmp_path), supplier, risk_type)
    for indicator, (value, year, source) in cited.items():
        fact = facts[indicator]
        assert (fact["value"], fact["year"], fact["source"]) == (value, year, source)


def test_no_fact_credits_a_listing_to_another_source(tmp_path: Path) -> None:
    """Over the sample chains and the chocolate maker: a fact that names a listing ('is on
    the US DOL List of Goods') is the DOL list's, with its year, wherever it is written."""
    docs = [assess([path]).data for path in sorted((ROOT / "sample_chains").glob("*.yaml"))]
    docs.append(_chocolate_maker(tmp_path))
    checked = 0
    for doc in docs:
        for fact in doc["evidence"].values():
            if "on the US DOL List of Goods" in fact["indicator"] or fact["indicator"].startswith(
                "US DOL List of Goods: "
            ):
                assert (fact["source"], fact["year"]) == (DOL, 2022), fact
                checked += 1
            if fact["indicator"].startswith("origin "):
                assert "US DOL" not in fact["indicator"] + str(fact["value"]), fact
                assert fact["source"] != DOL, fact
    assert checked > 10


@pytest.mark.parametrize(
    ("country", "risk_type", "without"),
    [
        # Austria: no working-children figure (half the child-labour weights), no Palermo one
        ("AT", "child_labour", {"working children (% of age group) (AUT)": "weight 0.5"}),
        ("AT", "human_trafficking", {"Palermo Protocol ratified? (AUT)": "weight 0.1"}),
        ("AT", "forced_labour", {}),  # every forced-labour indicator has a figure
        ("IN", "child_labour", {}),
    ],
)
def test_a_country_indicator_without_a_figure_is_evidence_of_no_data(
    tmp_path: Path, country: str, risk_type: str, without: dict[str, str]
) -> None:
    """A flag's evidence names each indicator of its country score that has no figure for the
    country as "no data" (with its weight): the score rests on the others, and a reader of
    the register must see that a low figure does not rest on all of them."""
    from ddtool.assess import AssessOptions
    from ddtool.config import Config

    path = tmp_path / "chain.yaml"
    supplier = {"id": "S1", "name": "s", "country": country, "sector": "garment manufacturing"}
    path.write_text(yaml.safe_dump({"company": {"name": "P"}, "suppliers": [supplier]}), "utf-8")
    doc = assess([path], AssessOptions(settings=Config(flag_level="low"))).data
    facts = _facts(doc, "S1", risk_type)
    no_data = {name: e for name, e in facts.items() if e["value"] == "no data"}
    assert {name: e["note"].split(",")[0] for name, e in no_data.items()} == without
    for e in no_data.values():
        assert e["year"] is None
        assert e["source"].startswith("ddtool: no figure for this country")
    # the figures there are stay cited with their year
    assert any(e["year"] for name, e in facts.items() if name not in no_data)


def test_an_origin_mix_says_its_weights_are_ddtools_not_the_sources(tmp_path: Path) -> None:
    """The mix's percentages are the published shares rescaled (and leant to the buyer's
    country): cited under the publisher's name alone, they read as its figures. A producer
    without a share in the risk data is not said to have none published (the data may have
    left it out, as a cut-off table does)."""
    doc = _chocolate_maker(tmp_path)
    facts = _facts(doc, "inferred:sugarcane-farming:sugarcane@world", "child_labour")
    [mix] = [e for name, e in facts.items() if name.startswith("inferred origin mix for")]
    assert mix["note"].startswith("weights by ddtool: the published shares of world production")
    assert mix["note"].endswith("each share is cited as its source gives it")
    assert mix["source"] == FAOSTAT  # (the shares' publication, as the Sources list names it)
    written = json.dumps(doc)
    assert "not published" not in written


@pytest.mark.parametrize(
    ("country", "risk_type", "goods"),
    [
        (
            "COD",
            "forced_labour",
            "Gold, Tantalum ore (coltan), Tin ore (cassiterite), Tungsten ore (wolframite)",
        ),
        ("DEU", "child_labour", None),  # nothing listed there: nothing said
    ],
)
def test_a_sector_not_known_names_the_goods_listed_in_its_country(
    tmp_path: Path, country: str, risk_type: str, goods: str | None
) -> None:
    """A supplier whose sector is not known, in a country with goods listed for the risk:
    its flag names them (its work may be one), not scored, and says what to give."""
    from ddtool.assess import AssessOptions
    from ddtool.config import Config

    path = tmp_path / "chain.yaml"
    supplier = {"id": "S1", "name": "s", "country": country, "sector": "widget polishing"}
    path.write_text(yaml.safe_dump({"company": {"name": "P"}, "suppliers": [supplier]}), "utf-8")
    doc = assess([path], AssessOptions(settings=Config(flag_level="low"))).data
    [flag] = [f for f in register(doc) if f["risk_type"] == risk_type]
    facts = _facts(doc, "S1", risk_type)
    listed = {name: e for name, e in facts.items() if name.startswith("goods listed in")}
    if goods is None:
        assert listed == {} and "listed there" not in flag["reason"]
        return
    [(name, fact)] = listed.items()
    words = risk_type.replace("_", " ")
    assert name == f"goods listed in {country} for {words} (the sector not known may be one)"
    assert (fact["value"], fact["year"], fact["source"]) == (goods, 2022, DOL)
    assert fact["note"].startswith("not scored")
    assert flag["reason"].endswith(
        f"; {goods.count(', ') + 1} goods listed there for this risk (see the evidence): give"
        " its sector, or name its goods in its products, if its work is one of them"
    )


def test_an_origin_mix_shown_cut_says_what_it_leaves_out(tmp_path: Path) -> None:
    """The mix lists the origins weighing 2% or more; the smaller ones are summed as "N more
    origins M%", so the shares shown add up to the whole (but for rounding) rather than to a
    part that reads as if it were all."""
    doc = _chocolate_maker(tmp_path)
    [mix] = [
        e
        for name, e in _facts(
            doc, "inferred:sugarcane-farming:sugarcane@world", "child_labour"
        ).items()
        if name.startswith("inferred origin mix for")
    ]
    shown = str(mix["value"]).split(" (")[0].split(", ")
    assert re.fullmatch(r"\d+ more origins? \d+%", shown[-1]), shown
    total = sum(int(part.rsplit(" ", 1)[1].rstrip("%")) for part in shown)
    assert abs(total - 100) <= len(shown) / 2, shown
