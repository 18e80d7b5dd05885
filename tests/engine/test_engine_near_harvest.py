"""Raw materials worked within a day or two of harvest (cut cane, oil palm fruit): beneath a
mill in a country that produces them, their farms are inferred in that country, scored as a
mapped farm there is, not at the world's origin mix (methodology section 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess


def _inferred(tmp_path: Path, suppliers: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        yaml.safe_dump({"company": {"name": "X", "country": "DEU"}, "suppliers": suppliers}),
        "utf-8",
    )
    doc = assess([chain]).data
    return {s["id"]: s for s in doc["suppliers"] if s["inferred"]}


@pytest.mark.parametrize(
    ("country", "sector", "products", "farms", "level"),
    [
        # Brazil: listed for child and forced labour; the mix's worst case was Myanmar's
        ("BRA", "sugar-milling", [], "inferred:sugarcane-farming@BRA", "critical"),
        ("BRA", "sugar-milling", ["raw cane sugar"], "inferred:sugarcane-farming@BRA", "critical"),
        # a refinery melts raw sugar shipped in (sugar milling covers both): the world's mix,
        # leaning to its country
        ("USA", "sugar refinery", [], "inferred:sugarcane-farming:sugarcane@USA", None),
        (
            "BRA",
            "sugar-milling",
            ["refined sugar"],
            "inferred:sugarcane-farming:sugarcane@BRA",
            None,
        ),
        ("IDN", "sugar-milling", ["ICUMSA 45"], "inferred:sugarcane-farming:sugarcane@IDN", None),
        # products that say where they are from: not the mill's own country for certain
        (
            "USA",
            "sugar-milling",
            ["raw cane sugar from Brazil"],
            "inferred:sugarcane-farming:sugarcane@USA",
            None,
        ),
        (
            "IDN",
            "sugar-milling",
            ["Thai raw cane sugar"],
            "inferred:sugarcane-farming:sugarcane@IDN",
            None,
        ),
        # Paraguay: listed for sugarcane, no published share (the mix weighed it by the lean only)
        ("PRY", "sugar-milling", [], "inferred:sugarcane-farming@PRY", "critical"),
        ("MYS", "palm-oil-milling", [], "inferred:palm-oil-plantations@MYS", None),
        # a country that grows no cane: its mill's cane comes from the world's fields
        ("DEU", "sugar-milling", [], "inferred:sugarcane-farming:sugarcane@world", None),
    ],
)
def test_a_mills_farms_are_in_its_own_country_where_it_grows_the_crop(
    tmp_path: Path,
    country: str,
    sector: str,
    products: list[str],
    farms: str,
    level: str | None,
) -> None:
    mill = {"id": "M1", "name": "Mill", "country": country, "sector": sector}
    if products:
        mill["products"] = products
    found = _inferred(tmp_path, [mill])
    assert farms in found
    node = found[farms]
    assert node["buyers"] == ["M1"]
    if ":sugarcane@" in farms or ":palm-oil-crude@" in farms:  # (the origin mix)
        assert node["country"] is None
        assert "near the fields" not in (node["assumption"] or "")
        return
    assert node["country"] == country
    assert f"in the buyer's own country ({country}), which produces" in node["assumption"]
    assert "not shipped abroad" in node["assumption"]
    # one origin, its own: the worst case is the country's own figures
    for risk in node["worst_case"].values():
        assert risk["country"] == country
    if level is not None:
        assert node["risk"]["child_labour"]["level"] == level
    # its listing sets the floor, as for a mapped farm there
    assert node["risk"]["child_labour"]["likelihood"] >= 0.8


@pytest.mark.parametrize(
    ("country", "mill", "farms"),
    [
        # a Malaysian refinery's mill is inferred in Malaysia, and its plantations with it
        # (refining is a stage apart from the mill, whatever the refinery's words)
        ("MYS", "inferred:palm-oil-milling@MYS", "inferred:palm-oil-plantations@MYS"),
        # a Dutch refinery's mill is at origin (the Netherlands grow no oil palm): so are
        # its plantations, the same origin mix
        (
            "NLD",
            "inferred:palm-oil-milling:palm-oil-crude@world",
            "inferred:palm-oil-plantations:palm-oil-crude@world",
        ),
    ],
)
def test_the_fields_follow_the_mill_beneath_a_refinery(
    tmp_path: Path, country: str, mill: str, farms: str
) -> None:
    refinery = {
        "id": "R1",
        "name": "Refinery",
        "country": country,
        "sector": "palm oil refinery",
        "products": ["refined palm oil"],
    }
    found = _inferred(tmp_path, [refinery])
    assert set(found) == {mill, farms}
    assert found[mill]["buyers"] == ["R1"]
    assert found[farms]["buyers"] == [mill]
