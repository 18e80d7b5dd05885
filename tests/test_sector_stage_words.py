"""A good's name beside another chain's word for a stage (input-format §9): "coffee grinder"
was cocoa processing and "cocoa negociant" mineral trading. Such a word names the good's
stage only where the text is that good, the word and joining words; every other text is read
as it was before (a second good, metal or mineral: "gold and coffee comptoir"; a good of
another chain: "tea grinder"; the smelter's and refiner's words: "grain refiner"), its
reading pinned whole. The cases are data: tests/assets/sectors/stage_words.yaml."""

from __future__ import annotations

from typing import Any

import pytest
from sector_support import sector_cases, suggested_ids

from ddtool.profiles import Profiles, load_profiles

CASES = sector_cases("stage_words.yaml")
IDS = [case["text"] for case in CASES]


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_good_beside_another_chains_stage_word(profiles: Profiles, case: dict[str, Any]) -> None:
    match = profiles.match_sector(case["text"])
    assert match.id == case["sector"]
    assert [other.id for other in match.others] == case.get("others", [])
    assert [list(part) for part in match.unmatched] == case.get("unmatched", [])
    assert suggested_ids(match.suggestion) == case.get("suggested", [])
    assert match.note == case.get("note")
    # (read as before, or better: the good's stage where it was another chain's sector)
    assert case["before"] == "same" or case["before"] != case["sector"]


def test_the_rule_reads_the_good_at_its_stage_only() -> None:
    """(every text read otherwise than before is one good and one stage word)"""
    changed = [case["text"] for case in CASES if case["before"] != "same"]
    assert all(" and " not in text and "," not in text and "/" not in text for text in changed)
    assert {case["sector"] for case in CASES if case["before"] != "same"} == {
        "coffee-milling",
        "cocoa-trading",
        "cotton-ginning",
    }


def test_the_texts_are_distinct() -> None:
    assert len(set(IDS)) == len(IDS)
