"""A sector text given but not recognised, whose suggestion is a stage working goods ("tin
smelterr": smelting-refining), is not turned into a mine, farm or vessel from its products:
it is scored as a sector not known, its goods' chain inferred beneath it as beneath a
trader, with a warning naming the suggestion (methodology §3.2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import chain_file, inferred_beneath

from ddtool.assess import _stage_names, assess
from ddtool.profiles import load_profiles


def _assessed(tmp_path: Path, sector: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
    entry: dict[str, Any] = {
        "id": "A1",
        "name": "A1",
        "country": "COD",
        "products": ["cassiterite"],
    }
    if sector is not None:
        entry["sector"] = sector
    company = {"name": "X", "country": "DEU", "sector": "electronics-manufacturing"}
    doc = assess([chain_file(tmp_path, [entry], company)]).data
    return doc, next(s for s in doc["suppliers"] if s["id"] == "A1")


@pytest.mark.parametrize("written", ["tin smelterr", "cobalt refinary"])
def test_a_misspelt_smelter_is_no_mine(tmp_path: Path, written: str) -> None:
    doc, a1 = _assessed(tmp_path, written)
    assert a1["sector"] is None
    assert "sector not matched" in a1["data_gaps"]
    assert not any("taken from products" in g for g in a1["data_gaps"])
    assert "inferred:artisanal-mining:tin@COD" in inferred_beneath(doc, "A1")
    warned = [w["message"] for w in doc["warnings"] if w["type"] == "read-as-trader"]
    assert len(warned) == 1
    assert f"sector {written!r} is not recognised" in warned[0]
    assert "did you mean 'smelting-refining' (Smelting and refining)?" in warned[0]
    # (the stages beneath it by their names, not their ids, and no brackets in brackets)
    assert (
        "naming them, as the stage Artisanal and small-scale mining (ASM), and its own"
        " score" in warned[0]
    )
    # (it says all the unknown-sector warning would, which would say a sector may be taken
    # from its products: none is)
    assert [w for w in doc["warnings"] if w["type"] == "unknown-sector"] == []


def test_several_stages_beneath_a_misspelt_stage_are_named_in_a_list() -> None:
    profiles = load_profiles()
    assert _stage_names(profiles, ["artisanal-mining", "industrial-mining"]) == (
        "Artisanal and small-scale mining (ASM) and Industrial (large-scale) mining"
    )


@pytest.mark.parametrize(
    ("written", "unknown_sector"),
    [
        pytest.param("tin smelterr", 0, id="a misspelt stage: said by read-as-trader"),
        pytest.param("qwxz", 1, id="no suggestion"),
        pytest.param("artisanal minning", 1, id="a suggestion of a raw sector"),
    ],
)
def test_the_unknown_sector_warning_is_left_out_only_for_a_misspelt_stage(
    tmp_path: Path, written: str, unknown_sector: int
) -> None:
    doc, _ = _assessed(tmp_path, written)
    assert [w["type"] for w in doc["warnings"]].count("unknown-sector") == unknown_sector


@pytest.mark.parametrize(
    "written",
    [
        pytest.param(None, id="no sector given"),
        pytest.param("artisanal minning", id="a suggestion of a raw sector"),
        pytest.param("qwxz", id="no suggestion"),
    ],
)
def test_other_unmatched_texts_still_take_the_sector_of_their_products(
    tmp_path: Path, written: str | None
) -> None:
    _doc, a1 = _assessed(tmp_path, written)
    assert a1["sector"] == "artisanal-mining"
    assert any("taken from products: artisanal-mining" in g for g in a1["data_gaps"])


@pytest.mark.parametrize(
    ("written", "products", "country", "sector"),
    [
        ("shrimp producer", ["shrimp"], "BGD", "aquaculture"),
        ("tuna producer", ["tuna"], "IDN", "fishing-vessels"),
        ("cobalt cooperative", ["cobalt ore"], "COD", "artisanal-mining"),
        ("tantalum producer", ["coltan"], "COD", "artisanal-mining"),
        ("palm holdings", ["fresh fruit bunches"], "IDN", "palm-oil-plantations"),
        ("oli palm", ["fresh fruit bunches"], "IDN", "palm-oil-plantations"),
        ("olgging", ["logs"], "BRA", "timber-forestry"),
        ("rubber producer", ["natural rubber latex"], "MMR", "rubber-plantations"),
        # a near-typo of a stage working other goods: its products still say what it is
        ("cocoa grindr", ["cassiterite"], "COD", "artisanal-mining"),
    ],
)
def test_a_producers_text_not_recognised_is_no_misspelt_processing_stage(
    tmp_path: Path, written: str, products: list[str], country: str, sector: str | None
) -> None:
    """Texts that say a producer or a cooperative, loosely like a processing stage's name,
    or like one of another chain than the products', are read as before: the sector is
    taken from the products where they give one, with no warning of a misspelt stage."""
    entry = {"id": "A1", "name": "A1", "country": country, "sector": written}
    entry["products"] = products
    company = {"name": "X", "country": "DEU", "sector": "wholesale-trade"}
    doc = assess([chain_file(tmp_path, [entry], company)]).data
    a1 = next(s for s in doc["suppliers"] if s["id"] == "A1")
    assert a1["sector"] == sector
    assert not any("is not recognised (did you mean" in w["message"] for w in doc["warnings"])
