"""A wholesaler, importer or retailer naming a listed good gets its sector's stage beneath it
(tobacco farms beneath a Malawi leaf dealer, brick kilns beneath a Dutch importer of bricks),
in a country not known where the risk data has no
origins of the good, at the worst case of the countries where it is listed; of a sector of
several distinct goods, narrowed to the good named. Before, only the goods of the key value
chains and of a few crops were followed: "tobacco" from a leaf dealer was "no product that is
a good of a key value chain", and the dealer low on a data gap. A maker or a supplier of no
sector naming such a good does not get it beneath itself (it may make it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, named_supplier

from ddtool.document import NOTHING_FOLLOWED, register

# (case, country, sector, products, the stages inferred beneath it, without their places)
CASES: list[tuple[str, str, str | None, list[str], set[str]]] = [
    ("a leaf dealer's tobacco", "MWI", "wholesale-trade", ["tobacco"], {"tobacco-farming"}),
    ("Portuguese leaf", "BRA", "wholesale-trade", ["fumo em folha"], {"tobacco-farming"}),
    ("an importer's bricks", "NLD", "wholesale-trade", ["clay bricks"], {"brick-making"}),
    (
        "sandstone from India",
        "NLD",
        "wholesale-trade",
        ["Indian sandstone paving"],
        {"stone-quarrying"},
    ),
    (
        "a retailer's rugs (the carpet weaver and its yarn)",
        "NLD",
        "retail-general",
        ["hand-knotted rugs"],
        {"carpet-weaving", "yarn-spinning", "cotton-ginning", "cotton-farming"},
    ),
    # a sector of several distinct goods: narrowed to the good named
    ("charcoal (timber and forestry)", "NLD", "wholesale-trade", ["charcoal"], {"timber-forestry"}),
    ("bananas (crop farming)", "DEU", "wholesale-trade", ["bananas"], {"crop-farming"}),
    # the vegetable (Beans (green beans)), no coffee or cocoa
    ("green beans", "DEU", "wholesale-trade", ["green beans"], {"crop-farming"}),
    (
        "Christmas decorations (general manufacturing)",
        "CHN",
        "wholesale-trade",
        ["Christmas decorations"],
        {"general-manufacturing"},
    ),
    # no listed good: nothing
    ("office chairs", "DEU", "wholesale-trade", ["office chairs"], set()),
    # a maker naming its own goods: nothing beneath it
    ("toys (toy making, from a maker)", "VNM", "toy-manufacturing", ["toys"], set()),
    # a supplier of no sector naming them may make them: nothing beneath it
    ("bricks from a supplier of no sector", "PAK", None, ["clay bricks"], set()),
]


def _stages(doc: dict[str, Any], sid: str) -> set[str]:
    return {node["id"].split("@")[0].split(":")[1] for node in inferred_beneath(doc, sid).values()}


@pytest.mark.parametrize(
    ("case", "country", "sector", "products", "stages"), CASES, ids=[c[0] for c in CASES]
)
def test_a_trader_of_a_listed_good_gets_its_stage_beneath_it(
    tmp_path: Path,
    case: str,
    country: str,
    sector: str | None,
    products: list[str],
    stages: set[str],
) -> None:
    doc = assessed_data(
        tmp_path, "retail-general", [named_supplier("W", country, sector, products)]
    )
    assert _stages(doc, "W") == stages
    gaps = next(s for s in doc["suppliers"] if s["id"] == "W")["data_gaps"]
    assert ("tiers below not mapped (inferred)" in gaps) is bool(stages)
    if sector in ("wholesale-trade", "retail-general") and not stages:
        assert NOTHING_FOLLOWED in gaps


def test_the_tobacco_farms_beneath_a_leaf_dealer_are_flagged_at_the_worst_case(
    tmp_path: Path,
) -> None:
    """No origins of tobacco in the risk data: the farms are in a country not known, and
    their flags at the worst case of the countries where tobacco is listed (Malawi, for child
    and forced labour, in the US DOL list)."""
    doc = assessed_data(
        tmp_path, "retail-general", [named_supplier("W", "MWI", "wholesale-trade", ["tobacco"])]
    )
    [farm] = inferred_beneath(doc, "W")
    assert farm == "inferred:tobacco-farming@unknown"
    flags = {f["risk_type"]: f for f in register(doc) if f["supplier_id"] == farm}
    assert flags["child_labour"]["level"] == "critical"
    assert flags["forced_labour"]["country"] == "MWI"
