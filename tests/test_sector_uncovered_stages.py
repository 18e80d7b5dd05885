"""Sector texts naming a stage of a good that no sector covers (input-format §9). "tea
factory" was general manufacturing, silently: a Vietnamese tea factory of "green tea" took Viet
Nam's furniture listing as its child-labour floor. "slaughterhouse" and "meat processing"
were food manufacturing, whose farms are crop farms: a Brazilian slaughterhouse of "frozen
beef" was low on every risk with no Beef listing, and a Paraguayan one had Paraguay's cabbages
and carrots inferred beneath it. "hazelnut cracking plant" suggested hazelnut farming (the
farm, a stage the text does not name), "cashew processor" was read as nothing at all and its
warning broke off mid-sentence. Each is now, as a rice mill was, the good at a stage no sector
covers: no sector, a note saying so, and the listings its products name its own. The cases
are data: tests/assets/sectors/uncovered_stages.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sector_support import sector_cases, suggested_ids

from ddtool.assess import assess
from ddtool.profiles import Profiles, load_profiles

CASES = sector_cases("uncovered_stages.yaml")
IDS = [case["text"] for case in CASES]


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_stage_no_sector_covers_is_read(profiles: Profiles, case: dict[str, Any]) -> None:
    match = profiles.match_sector(case["text"])
    assert match.id == case["sector"]
    assert suggested_ids(match.suggestion) == case.get("suggested", [])
    assert match.note == case.get("note")


def test_the_texts_are_distinct() -> None:
    assert len(set(IDS)) == len(IDS)


def test_no_stage_read_anew_is_general_or_food_manufacturing() -> None:
    """(a text read otherwise than before is never read as a sector whose listings or
    inferred farms name other goods)"""
    changed = [case for case in CASES if case["before"] != "same"]
    assert changed
    assert all(case["sector"] in (None, "crop-farming") for case in changed)


def _assessed(tmp_path: Path, rows: str) -> dict[str, Any]:
    path = tmp_path / "chain.csv"
    path.write_text("id,name,country,sector,products\n" + rows, encoding="utf-8")
    return assess([path]).data


def test_a_tea_factory_takes_tea_not_furniture(tmp_path: Path) -> None:
    """(the review's V131: 'tea factory' in Viet Nam; with products naming Tea, Viet Nam's Tea
    listing, never its furniture listing, and a warning saying why: it is read as a trader
    of tea, with the tea farms of its country beneath it)"""
    doc = _assessed(tmp_path, "V131,Thai Nguyen Green Tea Co,Vietnam,tea factory,tea\n")
    supplier = next(s for s in doc["suppliers"] if s["id"] == "V131")
    assert supplier["sector"] is None
    assert [(g["good"], g["country"]) for g in supplier["listings"]] == [("Tea", "VNM")]
    (warning,) = [w for w in doc["warnings"] if w["type"] == "read-as-trader"]
    assert "'factory' names a stage working its products (tea)" in warning["message"]
    assert "inferred:tea-farming:tea@VNM" in {s["id"] for s in doc["suppliers"]}


def test_a_slaughterhouse_takes_its_beef_listing_and_no_crop_farms(tmp_path: Path) -> None:
    """(the review's V160, V162 and W01: the Beef listing of Brazil on the Brazilian
    slaughterhouses; no crop farms inferred beneath any of them)"""
    doc = _assessed(
        tmp_path,
        "V160,Frigorifico Maraba,Brazil,slaughterhouse,frozen beef\n"
        "V162,Frigorifico Chaco,Paraguay,slaughterhouse,frozen beef\n"
        "W01,Frigorifico Sao Paulo,Brazil,Slaughterhouse,frozen beef\n",
    )
    by_id = {s["id"]: s for s in doc["suppliers"]}
    assert not [s for s in by_id if s.startswith("inferred:crop-farming")]
    for supplier_id in ("V160", "W01"):
        assert by_id[supplier_id]["sector"] is None
        listed = [(g["good"], g["country"]) for g in by_id[supplier_id]["listings"]]
        assert listed == [("Beef", "BRA")]
    told = [w["message"] for w in doc["warnings"] if w["type"] == "unknown-sector"]
    assert len(told) == 3
    assert all("a stage of beef and other meat that no sector covers" in m for m in told)


@pytest.mark.parametrize(
    ("country", "sector", "products", "listed"),
    [
        # the meat it packs stands for products that name no good: Cambodia's Meat listing
        ("Cambodia", "slaughterhouse", "", [("Meat", "KHM")]),
        ("Cambodia", "meat processing", "", [("Meat", "KHM")]),
        ("Cambodia", "slaughterhouse and meat processing", "", [("Meat", "KHM")]),
        ("Cambodia", "meat processing", "pork sausages", [("Meat", "KHM")]),
        # of cattle, Brazil's Beef listing too
        ("Brazil", "beef abattoir", "", [("Beef", "BRA")]),
        # one that does not say it is of cattle takes no beef listing (Brazil lists no Meat)
        ("Brazil", "slaughterhouse", "", []),
    ],
)
def test_a_slaughterhouse_naming_no_good_takes_the_listings_of_its_meat(
    tmp_path: Path, country: str, sector: str, products: str, listed: list[tuple[str, str]]
) -> None:
    doc = _assessed(tmp_path, f"S1,Plant,{country},{sector},{products}\n")
    supplier = next(s for s in doc["suppliers"] if s["id"] == "S1")
    assert supplier["sector"] is None
    assert [(g["good"], g["country"]) for g in supplier["listings"]] == listed
    assert supplier["products"] == ([products] if products else [])  # (as written)


def test_a_sector_text_with_no_note_is_told_in_a_whole_sentence(tmp_path: Path) -> None:
    """(the review's finding 10: the warning of a text with no note broke off at "for a
    supplier, unless its products name goods of one sector")"""
    doc = _assessed(tmp_path, "A,a,Vietnam,widget polishing,\n")
    (warning,) = [w for w in doc["warnings"] if w["type"] == "unknown-sector"]
    assert warning["message"] == (
        "sector 'widget polishing' is not in the taxonomy; unless the supplier's products name"
        " goods of one sector, which is then taken as its sector, its part of the score is no"
        " data, never low (a data gap)"
    )
