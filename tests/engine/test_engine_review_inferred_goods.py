"""An inferred stage of distinct products (crop farming, gemstone mining) is scored for the
goods its buyer's products name, as a mapped supplier naming them is: a peanut butter
maker's farms grow peanuts, not India's rice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessment_of


def _assessed(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    return assessment_of(tmp_path, suppliers).data


def _levels(entry: dict[str, Any]) -> tuple[str, ...]:
    """The levels an inferred supplier is flagged at (its worst case), by risk type."""
    worst = entry["worst_case"]
    return tuple(
        worst[rt]["level"] for rt in ("child_labour", "forced_labour", "human_trafficking")
    )


@pytest.mark.parametrize(
    ("country", "sector", "products", "node", "levels"),
    [
        # the buyer's products name a crop: the farm is scored for it alone
        # (in a country where it is listed: the farm is there, methodology section 7)
        (
            "TR",
            "food manufacturing",
            ["peanuts"],
            "inferred:crop-farming:peanuts@TUR",
            ("high", "medium", "medium"),
        ),
        (
            "TR",
            "food manufacturing",
            ["peanut butter"],
            "inferred:crop-farming:peanuts@TUR",
            ("high", "medium", "medium"),
        ),
        (
            "MX",
            "food manufacturing",
            ["tomato paste"],  # by a run of its words: tomato
            "inferred:crop-farming:tomatoes@MEX",
            ("high", "high", "medium"),
        ),
        (
            "IN",
            "food manufacturing",
            ["rice crackers"],
            "inferred:crop-farming:rice@IND",
            ("critical", "critical", "critical"),
        ),
        # no crop named: every crop listing of the country, as before
        (
            "IN",
            "food manufacturing",
            ["mango pulp"],
            "inferred:crop-farming@IND",
            ("critical", "critical", "critical"),
        ),
        ("IN", "food manufacturing", [], "inferred:crop-farming@IND", ("critical",) * 3),
        ("TR", "food manufacturing", [], "inferred:crop-farming@TUR", ("high", "medium", "medium")),
    ],
)
def test_an_inferred_farm_is_scored_for_the_crops_its_buyer_names(
    tmp_path: Path,
    country: str,
    sector: str,
    products: list[str],
    node: str,
    levels: tuple[str, str, str],
) -> None:
    doc = _assessed(
        tmp_path,
        [{"id": "F", "name": "f", "country": country, "sector": sector, "products": products}],
    )
    inferred = {s["id"]: s for s in doc["suppliers"] if s["inferred"]}
    assert set(inferred) == {node}
    assert _levels(inferred[node]) == levels


def test_an_inferred_peanut_farm_scores_as_a_mapped_one(tmp_path: Path) -> None:
    doc = _assessed(
        tmp_path,
        [
            {
                "id": "FOOD-TR2",
                "name": "peanut butter maker",
                "country": "TR",
                "sector": "food manufacturing",
                "products": ["peanuts"],
            },
            {
                "id": "FOOD-TR3",
                "name": "peanut butter maker with its farm",
                "country": "TR",
                "sector": "food manufacturing",
                "products": ["peanuts"],
                "suppliers": [
                    {
                        "id": "PEANUT-FARM",
                        "name": "peanut farm",
                        "country": "TR",
                        "sector": "crop farming",
                        "products": ["peanuts"],
                    }
                ],
            },
        ],
    )
    by_id = {s["id"]: s for s in doc["suppliers"]}
    node = by_id["inferred:crop-farming:peanuts@TUR"]
    assert node["buyers"] == ["FOOD-TR2"]
    assert node["products"] == ["Peanuts"]
    assert node["assumption"] == "Peanuts named in the buyer's products, from the buyer's country"
    assert node["risk"] == by_id["PEANUT-FARM"]["risk"]
    assert node["risk"]["child_labour"]["priority"] == 0.64
    assert by_id["FOOD-TR2"]["exposure"]["child_labour"] == {
        **by_id["FOOD-TR3"]["exposure"]["child_labour"],
        "from": node["id"],
    }


def test_an_inferred_farm_of_a_buyer_of_unknown_country_has_the_crops_worst_case(
    tmp_path: Path,
) -> None:
    """As a mapped farm of unknown country naming the crop: the worst case over the
    countries where it is listed."""
    doc = _assessed(
        tmp_path,
        [{"id": "F", "name": "f", "sector": "food manufacturing", "products": ["peanuts"]}],
    )
    node = next(s for s in doc["suppliers"] if s["inferred"])
    assert node["id"] == "inferred:crop-farming:peanuts@unknown"
    # peanuts are listed in Bolivia (forced labour), Paraguay and Türkiye (child labour)
    worst = {rt: (w["country"], w["priority"], w["level"]) for rt, w in node["worst_case"].items()}
    assert worst == {
        "child_labour": ("PRY", 0.64, "high"),
        "forced_labour": ("BOL", 0.68, "high"),
        "human_trafficking": ("TUR", 0.4869, "medium"),
    }
