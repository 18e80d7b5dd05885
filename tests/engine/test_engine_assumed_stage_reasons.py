"""The reason of an inferred stage's flag says how the stage was placed: a stage assumed in
its buyer's country (`inferred:fabric-manufacturing@BGD`, its assumption "stage assumed in the
buyer's country") has no origin mix, and its reason says it was assumed there, with what that
country's data lacks; a raw stage at an origin mix keeps the worst case over the mix and the
expected level."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_low

from ddtool.assess import flag_id
from ddtool.document import register

MAP = " Map this tier to replace the inference with real data."
GARMENTS_BD = [
    {"id": "G1", "name": "Dhaka Knit", "country": "BD", "sector": "garment-manufacturing"}
]
GARMENTS_KP = [
    {"id": "K1", "name": "Pyongyang", "country": "KP", "sector": "garment-manufacturing"}
]
TIN_CN = [
    {
        "id": "S1",
        "name": "Yunnan",
        "country": "CN",
        "sector": "smelting-refining",
        "products": ["tin"],
    }
]

# (suppliers, inferred stage, risk type, its flag's reason)
CASES = [
    (
        GARMENTS_BD,
        "inferred:fabric-manufacturing@BGD",
        "child_labour",
        f"inferred tier: stage assumed in the buyer's country (Bangladesh): high.{MAP}",
    ),
    (
        GARMENTS_BD,
        "inferred:yarn-spinning@BGD",
        "forced_labour",
        f"inferred tier: stage assumed in the buyer's country (Bangladesh): medium.{MAP}",
    ),
    # what the country's data lacks, as an origin mix's worst origin says it
    (
        GARMENTS_KP,
        "inferred:yarn-spinning@PRK",
        "child_labour",
        "inferred tier: stage assumed in the buyer's country (North Korea: little country"
        f" data (15%)): high.{MAP}",
    ),
    (
        GARMENTS_KP,
        "inferred:yarn-spinning@PRK",
        "forced_labour",
        f"inferred tier: stage assumed in the buyer's country (North Korea): high.{MAP}",
    ),
    # a trader of one commodity, placed in its buyer's country
    (
        TIN_CN,
        "inferred:mineral-trading:tin@CHN",
        "child_labour",
        f"inferred tier: stage assumed in the buyer's country (China): low.{MAP}",
    ),
    # origin mixes keep their wording
    (
        GARMENTS_BD,
        "inferred:cotton-farming:cotton-lint@world",
        "child_labour",
        "inferred tier: worst case over the origin mix (China) is critical; expected high." + MAP,
    ),
    (
        TIN_CN,
        "inferred:industrial-mining:tin@CHN",
        "forced_labour",
        "inferred tier: worst case over the origin mix (Congo (Democratic Republic)) is"
        f" critical; expected medium.{MAP}",
    ),
]


def _flags(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[tuple[str, str], Any]:
    document = assessed_low(tmp_path, suppliers, "retail-general")
    return {(f["supplier_id"], f["risk_type"]): f for f in register(document)}


@pytest.mark.parametrize(("suppliers", "stage", "risk_type", "reason"), CASES)
def test_an_inferred_flag_says_how_its_stage_was_placed(
    tmp_path: Path, suppliers: list[dict[str, Any]], stage: str, risk_type: str, reason: str
) -> None:
    flag = _flags(tmp_path, suppliers)[(stage, risk_type)]
    assert flag["reason"] == reason
    # (the flag id is the supplier's and the risk type's alone: `diff` matches it across
    # versions whatever its reason says)
    assert flag["id"] == flag_id(stage, risk_type)


@pytest.mark.parametrize("suppliers", [GARMENTS_BD, GARMENTS_KP, TIN_CN])
def test_no_stage_in_one_country_is_said_to_have_an_origin_mix(
    tmp_path: Path, suppliers: list[dict[str, Any]]
) -> None:
    flags = [f for f in _flags(tmp_path, suppliers).values() if f["inferred"]]
    placed = [f for f in flags if f["assumed_country"]]
    mixed = [f for f in flags if not f["assumed_country"]]
    assert placed and mixed
    for flag in placed:
        assert flag["reason"].startswith("inferred tier: stage assumed in the buyer's country (")
        assert f"): {flag['level']}." in flag["reason"]
        assert "origin mix" not in flag["reason"]
    for flag in mixed:
        assert flag["reason"].startswith("inferred tier: worst case over the origin mix (")
