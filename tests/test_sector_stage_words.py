"""A good's name beside another chain's word for a stage (input-format §9): "coffee grinder"
was cocoa processing and "cocoa negociant" mineral trading. Where the text is one good, the
word and joining words only, the word names the good's stage: of its own chain where one
sector covers it ("coffee grinder": coffee milling), of any other chain as "tea processing"
is read ("tea grinder": no sector, a note; "coffee ginning": coffee milling), and beside a
good of the word's own chain it is the word's sector ("cassiterite comptoir"). Every other
text is read as before (a second good, metal or mineral: "gold and coffee comptoir"; the
smelter's and refiner's words: "grain refiner"), its reading pinned whole. The cases are
data: tests/assets/sectors/stage_words.yaml."""

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


def test_the_rule_reads_the_good_at_its_stage_only(profiles: Profiles) -> None:
    """(every text read otherwise than before is one good and one stage word, and none is
    read as the word's sector beside a good of another chain: a tea grinder is no cocoa
    processor)"""
    changed = [case for case in CASES if case["before"] != "same"]
    assert all(
        " and " not in c["text"] and "," not in c["text"] and "/" not in c["text"] for c in changed
    )
    assert {c["sector"] for c in changed} == {
        None,
        "coffee-milling",
        "cocoa-trading",
        "cocoa-processing",
        "cotton-ginning",
        "mineral-trading",
    }
    keys = profiles._sector_keys
    for case in changed:
        word = next(
            w
            for w in ("grinder", "comptoir", "negociant", "ginning")
            if w in case["text"].lower().replace("é", "e")
        )
        if case["sector"] == keys[word]:
            good_chains = {
                profiles.sectors[keys[k]].chain
                for k in profiles._bare_goods
                if f" {k} " in f" {case['text'].lower()} "
            }
            assert good_chains <= {profiles.sectors[keys[word]].chain}, case["text"]


def test_the_texts_are_distinct() -> None:
    assert len(set(IDS)) == len(IDS)
