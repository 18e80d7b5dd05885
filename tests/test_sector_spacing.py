"""A sector's one word written apart is read as that word ("saw mill" as "sawmill"), but only
where it may be one word split: words apart by a sign ("Car & Pet Supplies") or two words
each standing alone ("car pet") were run together into another sector's word ("carpet",
carpet weaving)."""

from __future__ import annotations

import pytest

from ddtool.profiles import Profiles, load_profiles

# the splits of a key's one word into two words standing alone, each meaning something else:
# no sector (not the word they spell run together)
TWO_WORDS = ["car pet", "cot ton", "lea sing", "ship ping", "pack aging", "pull over"]

# splits read as another sector by their own words, not glued (they were so before)
OWN_WORDS = {"nah fabrik": "general-manufacturing"}
OWN_WORDS["work shop"] = "retail-general"


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


def test_each_split_of_a_one_word_key_reads_as_the_word(profiles: Profiles) -> None:
    read = {}
    for key in profiles._joined_keys.values():
        if " " in key:
            continue
        for at in range(2, len(key) - 1):
            read[f"{key[:at]} {key[at:]}"] = profiles.match_sector(key).id
    assert len(read) > 1800
    wrong = {
        text: (profiles.match_sector(text).id, sector)
        for text, sector in read.items()
        if text not in TWO_WORDS and profiles.match_sector(text).id not in (sector, None)
    }
    assert {text: found for text, (found, _) in wrong.items()} == OWN_WORDS
    glued = [text for text, sector in read.items() if profiles.match_sector(text).id == sector]
    assert len(glued) > 1800


@pytest.mark.parametrize("text", TWO_WORDS)
def test_two_words_standing_alone_are_not_glued(profiles: Profiles, text: str) -> None:
    assert profiles.match_sector(text).id is None
    assert profiles.match_sector(f"{text} supplies").id is None


@pytest.mark.parametrize(
    "text", ["Car & Pet Supplies", "car/pet supplies", "saw, mill", "sea + food", "hand (loom)"]
)
def test_words_apart_by_a_sign_are_not_glued(profiles: Profiles, text: str) -> None:
    assert profiles.match_sector(text).id is None


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("long liner", "fishing-vessels"),
        ("Long-Liner", "fishing-vessels"),
        ("tuna long liner", "fishing-vessels"),
        ("ware house", "warehousing"),
        ("saw mill", "timber-forestry"),
        ("saw mill operator", "timber-forestry"),
        ("sea food", "seafood-processing"),
        ("hand loom", "fabric-manufacturing"),
        ("carp et", "carpet-weaving"),
    ],
)
def test_one_word_split_is_read(profiles: Profiles, text: str, sector: str) -> None:
    assert profiles.match_sector(text).id == sector
