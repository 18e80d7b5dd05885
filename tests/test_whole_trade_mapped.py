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


def _chain(shares: list[float | None], sectors: list[str] | None = None) -> dict[str, Any]:
    sectors = sectors or ["cocoa cooperative"] * len(shares)
    below = []
    for n, (share, sector) in enumerate(zip(shares, sectors, strict=True), start=1):
        entry: dict[str, Any] = {
            "id": f"COOP-{n}",
            "name": f"Cooperative {n}",
            "country": "Cameroon",
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
                "sector": "cocoa exporter",
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
