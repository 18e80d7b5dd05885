"""The runs of a product's words tried for the goods it names (Profiles._goods_of_product):
only runs no longer than the longest name or alias of a good, beginning with a word that
begins one, are looked up, so the lookups grow with the number of words, not its cube (a
300-word product text took seconds); and the goods found are those every run would find,
the longest first, each run's words then used up."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from ddtool.profiles import _NAMED_ALONE, Profiles, exact_key, load_profiles, text_key

# words of long product texts as suppliers write them, a few naming goods (silk, cotton)
FILLER = [
    "export",
    "soft",
    "natural",
    "woven",
    "silk",
    "cotton",
    "carded",
    "quality",
    "fine",
    "raw",
    "printed",
    "dyed",
    "combed",
    "knitted",
    "mixed",
    "ring",
    "spun",
    "white",
    "premium",
    "grade",
]


def _every_run(profiles: Profiles, product: str, sector_id: str) -> tuple[str, ...]:
    """The goods a product names, every run of its words tried (the way before the runs
    tried were bounded): by its name, else by runs of its words, the longest first, each
    run's words then used up unless its good is made from the sector's goods."""
    downstream = profiles._downstream_of(sector_id)
    named: dict[str, None] = {}
    for text in (product, re.sub(r"\s*\(.*?\)", "", product)):
        aliases = profiles.good_aliases
        whole = aliases.get(exact_key(text)) or aliases.get(text_key(text))
        if whole is not None:
            named[whole] = None
            break
    if not named or profiles.good_sectors.get(next(iter(named)), "") in downstream:
        words = exact_key(product).split()
        used = [False] * len(words)
        for size in range(len(words), 0, -1):
            for start in range(len(words) - size + 1):
                if any(used[start : start + size]):
                    continue
                if size == 1 < len(words) and text_key(words[start]) in _NAMED_ALONE:
                    continue  # (gold alone only: a brand's or a place's beside other words)
                good = profiles._named_good(" ".join(words[start : start + size]))
                if good is not None:
                    named[good] = None
                    if profiles.good_sectors.get(good, "") not in downstream:
                        used[start : start + size] = [True] * size
    return tuple(named)


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The runs looked up by name (Profiles._named_good) from now on."""
    calls: list[str] = []
    original = Profiles._named_good

    def counting(self: Profiles, product: str) -> str | None:
        calls.append(product)
        return original(self, product)

    monkeypatch.setattr(Profiles, "_named_good", counting)
    return calls


@pytest.mark.parametrize(
    ("sector_id", "words"),
    [
        ("fabric-manufacturing", [FILLER[(i * 7) % len(FILLER)] for i in range(300)]),
        ("crop-farming", ["sweet", "tin", "black", "green"] * 75),  # each begins a name
        ("seafood-processing", [FILLER[(i * 5) % len(FILLER)] for i in range(600)]),
    ],
)
def test_a_long_product_text_looks_up_runs_in_proportion_to_its_words(
    monkeypatch: pytest.MonkeyPatch, sector_id: str, words: list[str]
) -> None:
    profiles = load_profiles()
    product = " ".join(words) + f" ({sector_id}, {len(words)} words)"
    calls = _counted(monkeypatch)
    profiles._goods_of_product(product, sector_id)
    assert len(calls) <= 20 * len(words)
    assert all(len(run.split()) <= profiles._alias_length for run in calls)


def test_the_stages_goods_of_a_long_product_text_look_up_runs_in_proportion(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profiles = load_profiles()
    words = [FILLER[(i * 3) % len(FILLER)] for i in range(300)] + ["stage"]
    calls = _counted(monkeypatch)
    assert profiles.stage_said("fabric-manufacturing", [" ".join(words)]) == (
        "Cotton",
        "Silk Fabric",
    )
    assert profiles.stage_goods("cotton-farming", [" ".join(words)]) == ["Cotton"]
    assert len(calls) <= 20 * len(words)


# (product, the sector it is looked for from, the goods it names: in order)
NAMED = [
    ("cocoa beans", "crop-farming", ("Cocoa",)),
    ("sweet potato chips", "crop-farming", ("Sweet Potatoes",)),
    ("tomato paste", "crop-farming", ("Tomato Products", "Tomatoes")),
    ("chocolate-coated coffee beans", "crop-farming", ("Coffee",)),
    ("coffee (green beans)", "crop-farming", ("Coffee",)),
    ("rice crackers", "crop-farming", ("Rice",)),
    ("black beans", "crop-farming", ("Beans",)),
    ("Weißwein grapes", "crop-farming", ("Grapes",)),
    ("", "crop-farming", ()),
    ("---", "crop-farming", ()),
    ("cotton jersey", "fabric-manufacturing", ("Cotton",)),
    ("silk and cotton fabric", "fabric-manufacturing", ("Cotton", "Textiles")),
    (
        "export soft natural woven silk cotton carded quality fine raw",
        "fabric-manufacturing",
        ("Cotton",),
    ),
    ("polyester yarn", "yarn-spinning", ("Thread/Yarn",)),
    ("dried salted fish", "seafood-processing", ("Dried Fish",)),
    ("frozen shrimp and dried fish", "seafood-processing", ("Shrimp", "Dried Fish")),
    ("tuna in tin cans", "seafood-processing", ("Fish", "Tin")),
    ("leather handbags", "footwear-manufacturing", ("Leather", "Leather Goods/Accessories")),
    (
        "leather shoes with rubber soles",
        "footwear-manufacturing",
        ("Leather", "Footwear", "Rubber"),
    ),
    ("organic cotton t-shirts", "cotton-farming", ("Cotton",)),
    ("hybrid cottonseed", "cotton-farming", ("Cottonseed (hybrid)",)),
    ("gold and tin ore concentrate", "artisanal-mining", ("Tin ore (cassiterite)", "Gold")),
    ("cassiterite tin ore", "artisanal-mining", ("Tin ore (cassiterite)",)),
]


@pytest.mark.parametrize(("product", "sector_id", "goods"), NAMED)
def test_the_goods_a_product_names_are_those_every_run_names(
    product: str, sector_id: str, goods: tuple[str, ...]
) -> None:
    profiles = load_profiles()
    assert profiles._goods_of_product(product, sector_id) == goods
    assert _every_run(profiles, product, sector_id) == goods


def _texts(profiles: Profiles) -> Iterator[str]:
    """Products running names and aliases of goods together, plural and singular, amid
    other words: runs that overlap, nest and begin with the singular of a name."""
    aliases = sorted(profiles.good_aliases)
    for i, alias in enumerate(aliases):
        other = aliases[(i * 31 + 7) % len(aliases)]
        third = aliases[(i * 17 + 3) % len(aliases)]
        yield f"fresh {alias}s {other} and {third} for export"
        yield f"{other} {alias} {FILLER[i % len(FILLER)]}"


@pytest.mark.parametrize(
    "sector_id",
    ["crop-farming", "fabric-manufacturing", "seafood-processing", "artisanal-mining"],
)
def test_every_name_of_a_good_amid_other_words_names_what_every_run_names(
    sector_id: str,
) -> None:
    profiles = load_profiles()
    differ = [
        (text, profiles._goods_of_product(text, sector_id), expected)
        for text in _texts(profiles)
        if profiles._goods_of_product(text, sector_id)
        != (expected := _every_run(profiles, text, sector_id))
    ]
    assert differ == []


def test_a_long_text_names_what_every_run_names() -> None:
    profiles = load_profiles()
    aliases = sorted(profiles.good_aliases)
    words = [
        w
        for i in range(40)
        for w in (FILLER[i % len(FILLER)], *aliases[i * 13 % len(aliases)].split())
    ]
    text = " ".join(words)
    for sector_id in ("crop-farming", "fabric-manufacturing", "footwear-manufacturing"):
        assert profiles._goods_of_product(text, sector_id) == _every_run(profiles, text, sector_id)


def test_a_text_is_matched_to_a_good_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs of long product texts repeat from product to product: each text is matched
    once (the answer, a good or none, is kept)."""
    profiles = load_profiles()
    matched: list[str] = []
    original = Profiles._match_good

    def counting(self: Profiles, product: str) -> str | None:
        matched.append(product)
        return original(self, product)

    monkeypatch.setattr(Profiles, "_match_good", counting)
    monkeypatch.setattr(profiles, "_matched", {})  # (the profiles are shared by the tests)
    texts = ["organic cotton bales", "cocoa beans", "no good named here"] * 3
    found = [profiles.match_good(text) for text in texts]
    assert found == [original(profiles, text) for text in texts]
    assert sorted(matched) == sorted(set(texts))
