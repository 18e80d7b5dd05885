"""A sector guessed from the products is still a data gap, and never scores a supplier
lower than a sector not known would (methodology, sections 3.2 and 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of

from ddtool.document import flag_evidence, flag_measures, register

RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")


def _assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    return assessment_of(tmp_path, suppliers).data


def _priorities(entry: dict[str, Any]) -> tuple[float, ...]:
    return tuple(entry["risk"][rt]["priority"] for rt in RISK_TYPES)


# (supplier as written, sector used, its gap, priorities by risk type)
UNKNOWN_VN = (0.3166, 0.3918, 0.4027)  # Viet Nam with no sector: the floor of a guess there
CASES = [
    # low-rated sectors guessed from products score as a sector not known, not lower
    (
        {"country": "VN", "products": ["toys"]},
        "toy-manufacturing",
        "sector not given (taken from products: toy-manufacturing)",
        UNKNOWN_VN,
    ),
    (
        {"country": "VN", "products": ["electronics"]},
        "electronics-manufacturing",
        "sector not given (taken from products: electronics-manufacturing)",
        (0.3166, 0.3918, 0.4027),
    ),
    (
        {"country": "VN", "products": ["gloves"]},
        "rubber-products",
        "sector not given (taken from products: rubber-products)",
        (0.3166, 0.4555, 0.4477),  # the sector's base is higher for forced labour
    ),
    (
        {"country": "VN", "sector": "widget stuff", "products": ["toys"]},
        "toy-manufacturing",
        "sector not matched (taken from products: toy-manufacturing)",
        UNKNOWN_VN,
    ),
    # a high-rated sector guessed from products keeps its own, higher score
    (
        {"country": "CI", "products": ["cocoa beans"]},
        "cocoa-farming",
        "sector not given (taken from products: cocoa-farming)",
        (0.81, 0.81, 0.72),
    ),
]


@pytest.mark.parametrize(("written", "sector", "gap", "priorities"), CASES)
def test_a_sector_guessed_from_products_is_a_gap_and_lowers_nothing(
    tmp_path: Path,
    written: dict[str, Any],
    sector: str,
    gap: str,
    priorities: tuple[float, ...],
) -> None:
    unknown = {"id": "U", "name": "no sector", "country": written["country"]}
    doc = _assessed(tmp_path, [{"id": "G", "name": "guessed", **written}, unknown])
    by_id = {s["id"]: s for s in doc["suppliers"]}
    guessed = by_id["G"]
    assert guessed["sector"] == sector
    assert guessed["data_gaps"][0] == gap
    assert _priorities(guessed) == priorities
    assert all(g >= u for g, u in zip(_priorities(guessed), _priorities(by_id["U"]), strict=True))
    # both count as suppliers without a sector, each with its gap
    assert doc["summary"]["suppliers_without_sector"] == 2
    assert {"supplier_id": "G", "gap": gap} in doc["data_gaps"]


def test_the_same_products_with_and_without_a_sector_of_their_own_score_apart(
    tmp_path: Path,
) -> None:
    """Suppliers share a score by country, sector and products: a sector given and the
    same sector guessed are not the same score."""
    doc = _assessed(
        tmp_path,
        [
            {"id": "T", "name": "t", "country": "VN", "sector": "toys", "products": ["toys"]},
            {
                "id": "W",
                "name": "w",
                "country": "VN",
                "sector": "widget stuff",
                "products": ["toys"],
            },
            {"id": "B", "name": "b", "country": "VN", "products": ["toys"]},
        ],
    )
    by_id = {s["id"]: s for s in doc["suppliers"]}
    assert by_id["T"]["data_gaps"] == []
    assert _priorities(by_id["T"]) == (0.229, 0.3287, 0.2979)
    assert _priorities(by_id["W"]) == _priorities(by_id["B"]) == UNKNOWN_VN
    assert doc["summary"]["suppliers_without_sector"] == 2


def test_a_guessed_sectors_flag_says_so_and_asks_for_the_sector(tmp_path: Path) -> None:
    doc = _assessed(tmp_path, [{"id": "B", "name": "b", "country": "VN", "products": ["toys"]}])
    flag = next(
        f for f in register(doc) if f["supplier_id"] == "B" and f["risk_type"] == "child_labour"
    )
    assert flag["level"] == "medium"  # 0.4523 x 0.7 (the toy sector: 0.3523 x 0.65, low)
    assert "toy manufacturing (taken from products" in flag["reason"]
    facts = {e["indicator"]: e for e in flag_evidence(doc, flag)}
    assert facts["sector inherent likelihood (toy-manufacturing taken from products)"]["value"] == (
        "no data"
    )
    severities = [e for e in facts if e.startswith("severity (")]
    assert severities == [
        "severity (child labour) (toy-manufacturing taken from products), default"
    ]
    assert facts[severities[0]]["value"] == 0.7
    assert flag_measures(doc, flag)[0]["id"] == "gap-sector-products"
