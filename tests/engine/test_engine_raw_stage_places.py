"""Where an inferred raw stage of no origin shares sits (methodology section 7): in the
buyer's country only where the risk data says that country produces its good (a listing of
it there, a share; of no good named, a listing of the sector or a share), else at origin in
a country not known, at the worst case over the countries where it is listed; and the data
gap of an inferred stage whose inputs `scoring.inference_depth` leaves out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import chain_file

from ddtool.assess import AssessOptions, assess
from ddtool.document import COUNTRY_UNKNOWN, gap_parts

RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")
JEWELLER = "jewellery manufacturing"
FOOD = "food manufacturing"


def _assessed(
    tmp_path: Path, country: str | None, sector: str, products: list[str]
) -> dict[str, Any]:
    supplier: dict[str, Any] = {"id": "S", "name": "s", "sector": sector, "products": products}
    if country is not None:
        supplier["country"] = country
    return assess([chain_file(tmp_path, [supplier])]).data


def _raw_stage(doc: dict[str, Any], sector: str) -> dict[str, Any]:
    [node] = [s for s in doc["suppliers"] if s["inferred"] and s["sector"] == sector]
    return node


def _worst(node: dict[str, Any]) -> dict[str, tuple[float, str, str | None]]:
    return {rt: (w["priority"], w["level"], w["country"]) for rt, w in node["worst_case"].items()}


@pytest.mark.parametrize(
    ("country", "sector", "products", "raw", "node_id"),
    [
        # the good is listed in the buyer's country: the mine or farm is there
        ("SL", JEWELLER, ["diamonds"], "gemstone-mining", "inferred:gemstone-mining:diamonds@SLE"),
        (
            "CO",
            JEWELLER,
            ["emerald rings"],
            "gemstone-mining",
            "inferred:gemstone-mining:emeralds@COL",
        ),
        ("TR", FOOD, ["peanut butter"], "crop-farming", "inferred:crop-farming:peanuts@TUR"),
        ("IN", FOOD, ["rice crackers"], "crop-farming", "inferred:crop-farming:rice@IND"),
        (
            "TR",
            "sugar mill",
            ["beet sugar"],
            "crop-farming",
            "inferred:crop-farming:sugar-beets@TUR",
        ),
        # no good named: the sector is listed there
        ("IN", JEWELLER, [], "gemstone-mining", "inferred:gemstone-mining@IND"),
        ("MX", FOOD, ["mango pulp"], "crop-farming", "inferred:crop-farming@MEX"),
        # not listed there: at origin, in a country not known
        (
            "BE",
            JEWELLER,
            ["diamonds"],
            "gemstone-mining",
            "inferred:gemstone-mining:diamonds@world",
        ),
        # (India's listing is of Gems, not of Diamonds)
        (
            "IN",
            JEWELLER,
            ["diamonds"],
            "gemstone-mining",
            "inferred:gemstone-mining:diamonds@world",
        ),
        (
            "DE",
            JEWELLER,
            ["emerald rings"],
            "gemstone-mining",
            "inferred:gemstone-mining:emeralds@world",
        ),
        ("CH", JEWELLER, [], "gemstone-mining", "inferred:gemstone-mining@world"),
        ("NL", FOOD, ["peanut butter"], "crop-farming", "inferred:crop-farming:peanuts@world"),
        ("DE", FOOD, ["rice crackers"], "crop-farming", "inferred:crop-farming:rice@world"),
        ("NL", FOOD, [], "crop-farming", "inferred:crop-farming@world"),
        (
            "DE",
            "sugar mill",
            ["beet sugar"],
            "crop-farming",
            "inferred:crop-farming:sugar-beets@world",
        ),
    ],
)
def test_a_raw_stage_sits_in_the_buyers_country_only_where_it_produces_the_good(
    tmp_path: Path, country: str, sector: str, products: list[str], raw: str, node_id: str
) -> None:
    doc = _assessed(tmp_path, country, sector, products)
    node = _raw_stage(doc, raw)
    assert node["id"] == node_id
    at_origin = node_id.endswith("@world")
    assert (COUNTRY_UNKNOWN in node["data_gaps"]) is at_origin
    # at origin it is the stage of a buyer of unknown country: the same worst case, never
    # lower for knowing a country that produces none of the good
    (tmp_path / "unknown").mkdir()
    unknown = _raw_stage(_assessed(tmp_path / "unknown", None, sector, products), raw)
    assert unknown["id"].endswith("@unknown")
    if at_origin:
        assert node["country"] is None
        assert _worst(node) == _worst(unknown)
        # (said of its goods, as the risk data holds them: no listing there, no share)
        assert "the risk data does not place" in node["assumption"]
        assert "in the buyer's country (no listing of" in node["assumption"]
    else:
        assert node["country"] is not None and node_id.endswith(f"@{node['country']}")
        assert {w[2] for w in _worst(node).values()} == {node["country"]}


def test_an_antwerp_jeweller_gets_the_diamonds_worst_case(tmp_path: Path) -> None:
    """Belgium mines no diamonds: its jeweller's mines are flagged at Sierra Leone's
    listing (forced child labour), as those of a jeweller of unknown country are."""
    doc = _assessed(tmp_path, "BE", JEWELLER, ["diamonds"])
    node = _raw_stage(doc, "gemstone-mining")
    assert _worst(node) == {
        "child_labour": (0.855, "critical", "SLE"),
        "forced_labour": (0.81, "critical", "SLE"),
        "human_trafficking": (0.72, "critical", "SLE"),
    }
    assert {"supplier_id": node["id"], "gap": COUNTRY_UNKNOWN} in doc["data_gaps"]
    flags = [f for f in doc["flags"] if f["supplier_id"] == node["id"]]
    assert {f["risk_type"] for f in flags} == set(RISK_TYPES)


def test_buyers_of_countries_producing_none_share_the_stage_at_origin(tmp_path: Path) -> None:
    suppliers = [
        {"id": f"J-{c}", "name": c, "country": c, "sector": JEWELLER, "products": ["diamonds"]}
        for c in ("BE", "DE", "SL")
    ]
    doc = assess([chain_file(tmp_path, suppliers)]).data
    mines = {s["id"]: s["buyers"] for s in doc["suppliers"] if s["sector"] == "gemstone-mining"}
    assert mines == {
        "inferred:gemstone-mining:diamonds@world": ["J-BE", "J-DE"],
        "inferred:gemstone-mining:diamonds@SLE": ["J-SL"],
    }


def _at_depth(tmp_path: Path, country: str, depth: int | None) -> dict[str, Any]:
    chain = chain_file(
        tmp_path, [{"id": "G", "name": "g", "country": country, "sector": "garment manufacturing"}]
    )
    config = None
    if depth is not None:
        config = tmp_path / "depth.yaml"
        config.write_text(f"scoring:\n  inference_depth: {depth}\n", "utf-8")
    return assess([chain], AssessOptions(config=config)).data


@pytest.mark.parametrize(
    ("country", "depth", "deepest"),
    [
        ("BD", 1, "inferred:textile-finishing@BGD"),
        ("BD", 2, "inferred:fabric-manufacturing@BGD"),
        ("BD", 3, "inferred:yarn-spinning@BGD"),
        ("DE", 2, "inferred:fabric-manufacturing@DEU"),
    ],
)
def test_the_deepest_inferred_stage_says_the_inference_depth_stopped_it(
    tmp_path: Path, country: str, depth: int, deepest: str
) -> None:
    doc = _at_depth(tmp_path, country, depth)
    gap = f"tiers below not inferred (inference depth {depth} reached)"
    assert [g["supplier_id"] for g in doc["data_gaps"] if g["gap"] == gap] == [deepest]
    [node] = [s for s in doc["suppliers"] if s["id"] == deepest]
    assert node["data_gaps"] == ["inferred: no supplier mapped at this tier", gap]
    assert doc["summary"]["data_gaps"] == len(doc["data_gaps"])
    assert "1 with tiers below neither mapped nor inferred" in gap_parts(doc)


def test_no_depth_gap_where_inference_reaches_the_raw_material(tmp_path: Path) -> None:
    doc = _at_depth(tmp_path, "BD", None)
    assert not [g for g in doc["data_gaps"] if "inference depth" in g["gap"]]
    assert any(s["sector"] == "cotton-farming" for s in doc["suppliers"])


def test_a_low_level_cut_short_by_the_depth_reads_as_a_data_gap(tmp_path: Path) -> None:
    """A German garment maker's chain cut at its finisher is low as far as it goes: no low
    risk, its cotton being critical with the whole chain inferred."""
    gap = "tiers below not inferred (inference depth 1 reached)"
    doc = _at_depth(tmp_path, "DE", 1)
    exposure = doc["summary"]["exposure"]
    assert {rt: (e["level"], e["data_gaps"]) for rt, e in exposure.items()} == {
        rt: ("low", [gap]) for rt in RISK_TYPES
    }
    assert all(e["on_a_gap"] for e in doc["suppliers"][0]["exposure"].values())
    (tmp_path / "whole").mkdir()
    whole = _at_depth(tmp_path / "whole", "DE", None)
    assert {e["level"] for e in whole["summary"]["exposure"].values()} == {"critical"}
