"""A trader whose input is mapped whole: every supplier of it a trader of its own trade,
their shares adding up to the whole of its input. A Cameroonian exporter buying 60 % and
40 % of its cocoa from two cooperatives still had a world mix of cocoa farms inferred
beside them (forced labour critical), though the shares said it buys nothing else. Where a
share is missing, or they add up to less, what else it buys is not mapped, and its own
sources are still inferred."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import AssessOptions, assess


def _chain(
    shares: list[float | None],
    sectors: list[str] | None = None,
    countries: list[str] | None = None,
    trade: str = "cocoa exporter",
) -> dict[str, Any]:
    sectors = sectors or ["cocoa cooperative"] * len(shares)
    countries = countries or ["Cameroon"] * len(shares)
    below = []
    for n, (share, sector, country) in enumerate(
        zip(shares, sectors, countries, strict=True), start=1
    ):
        entry: dict[str, Any] = {
            "id": f"COOP-{n}",
            "name": f"Cooperative {n}",
            "country": country,
            "sector": sector,
        }
        if share is not None:
            entry["share"] = share
        below.append(entry)
    return {
        "company": {"name": "Cocoa Trader BV", "country": "NLD", "sector": "cocoa trading"},
        "suppliers": [
            {
                "id": "EXP-1",
                "name": "Douala Cocoa Export",
                "country": "Cameroon",
                "sector": trade,
                "suppliers": below,
            }
        ],
    }


def _inferred_beneath(tmp_path: Path, chain: dict[str, Any], buyer: str) -> list[str]:
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump(chain, sort_keys=False), encoding="utf-8")
    document = assess([path], AssessOptions()).data
    return [
        entry["id"]
        for entry in document["suppliers"]
        if entry["inferred"] and buyer in entry["buyers"]
    ]


@pytest.mark.parametrize(
    ("shares", "sectors", "beside"),
    [
        ([0.6, 0.4], None, False),  # the whole input mapped
        ([0.333, 0.333, 0.333], None, False),  # rounded thirds: the whole
        ([1.0], None, False),
        ([0.6, 0.3], None, True),  # 10 % bought elsewhere, not mapped
        ([0.6, None], None, True),  # a share not given: what else it buys is not known
        ([None, None], None, True),
        ([0.6, 0.4], ["cocoa cooperative", "cocoa grinding"], True),  # not all of its trade
    ],
)
def test_an_exporter_mapped_whole_gets_no_farms_of_its_own(
    tmp_path: Path, shares: list[float | None], sectors: list[str] | None, beside: bool
) -> None:
    inferred = _inferred_beneath(tmp_path, _chain(shares, sectors), "EXP-1")
    assert bool(inferred) is beside, inferred


def test_a_trader_abroad_is_not_all_an_exporter_buys(tmp_path: Path) -> None:
    """An Ivorian exporter buying all its cocoa from a Ghanaian trader keeps farms of its
    own country beside it: cocoa crosses that border."""
    chain = _chain([1.0], countries=["Ghana"])
    chain["suppliers"][0]["country"] = "Côte d'Ivoire"
    assert _inferred_beneath(tmp_path, chain, "EXP-1") != []


def test_a_trade_of_several_commodities_keeps_its_own_sources(tmp_path: Path) -> None:
    """An exporter of cobalt and tin over a buying house of diamonds at the whole of its
    share keeps its cobalt and tin mines: the trade is the same, the goods are not."""
    chain = _chain(
        [1.0],
        sectors=["mineral trader"],
        countries=["Congo, Democratic Republic"],
        trade="mineral exporter",
    )
    chain["suppliers"][0]["country"] = "Congo, Democratic Republic"
    chain["suppliers"][0]["products"] = ["cobalt", "tin"]
    chain["suppliers"][0]["suppliers"][0]["products"] = ["diamonds"]
    assert _inferred_beneath(tmp_path, chain, "EXP-1") != []


def test_the_cooperatives_keep_their_farms(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump(_chain([0.6, 0.4]), sort_keys=False), encoding="utf-8")
    document = assess([path], AssessOptions()).data
    [farms] = [e for e in document["suppliers"] if e["inferred"] and "COOP-1" in e["buyers"]]
    assert farms["buyers"] == ["COOP-1", "COOP-2"]
    assert farms["country"] == "CMR" and farms["sector"] == "cocoa-farming"


def test_the_company_mapped_whole_gets_no_world_mix_of_its_own(tmp_path: Path) -> None:
    chain = _chain([0.6, 0.4])
    chain["suppliers"][0]["share"] = 1.0
    assert _inferred_beneath(tmp_path, chain, "company") == []
    chain["suppliers"][0]["share"] = 0.8
    assert _inferred_beneath(tmp_path, chain, "company") != []
