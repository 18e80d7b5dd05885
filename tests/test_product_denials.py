"""A product's denials are read once, the same way for every reader of products: what it says
and denies (read_denials), the goods its words name to an inferred stage (a good denied is
none of them: 'not cotton', 'cotton-free fabric'), the good match_good and good_named read in
it, and the raw commodities inference leaves out beneath its supplier (only those it denies
for certain, by their own name: 'not tuna' leaves the vessels). The cases of what a product
says and denies are data: tests/assets/products/denials.yaml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.config import Config
from ddtool.graph import SupplyGraph
from ddtool.profiles import exact_key, load_profiles, read_denials
from ddtool.propagation import Inference
from ddtool.scoring import Scorer

ROOT = Path(__file__).resolve().parents[1]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "products" / "denials.yaml").read_text(encoding="utf-8")
)
IDS = [case["product"] for case in CASES]


def _inference() -> Inference:
    profiles, config = load_profiles(), Config()
    scorer = Scorer(profiles, config, dt.date(2026, 1, 1))
    graph = SupplyGraph(succ={}, pred={}, nodes={}, company_id="company", suppliers={})
    return Inference(graph, profiles, scorer, config)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_product_says_and_denies_its_words(case: dict[str, Any]) -> None:
    denials = read_denials(case["product"])
    assert sorted(denials.said) == sorted(case["said"])
    assert sorted(denials.denied) == sorted(case["denied"])
    assert sorted(denials.doubtful) == sorted(case.get("doubtful", []))
    # (one part for each of its words, as exact_key gives them)
    assert len(denials.at) == len(exact_key(case["product"]).split())
    # what it denies of all its supplier's goods, and of what each part says it is
    if "throughout" in case:
        assert sorted(denials.throughout) == sorted(case["throughout"])
    if "of_parts" in case:
        assert [sorted(part) for part in denials.of_parts] == case["of_parts"]
    # (what it denies of anything, it denies, for certain)
    assert denials.throughout.union(*denials.of_parts) <= denials.denied


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_goods_a_product_names_are_those_of_the_words_it_says(case: dict[str, Any]) -> None:
    """A good named by a denied word is none of the product's goods; a good it says stays."""
    profiles = load_profiles()
    product = case["product"]
    denials = read_denials(product)
    denied = {good for word in denials.denied if (good := profiles.match_good(word))}
    assert sorted(denied) == sorted(case["denied_goods"])
    assert sorted(profiles._goods_of_product(product, "")) == sorted(case["goods"])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_profiles_and_inference_read_a_denial_alike(case: dict[str, Any]) -> None:
    """No reading of a product gives a good it denies, and inference takes each good it
    denies (and does not say) as denied: before, 'no cobalt or nickel' was read Nickel by
    good_named (its reading denied only the word after 'no'), and denied by inference."""
    profiles, inference = load_profiles(), _inference()
    product = case["product"]
    for good in set(case["denied_goods"]) - set(case["goods"]):
        assert profiles.match_good(product) != good
        assert profiles.good_named(product) != good
        assert inference._denies(product, good)
    for good in case["goods"]:
        assert not inference._denies(product, good)


# (a buyer's products, the raw commodities they deny for certain)
DENIED_COMMODITIES = [
    (["not cotton"], {"cotton (lint)"}),
    (["polyester shirts", "not cotton"], {"cotton (lint)"}),
    (["cotton-free fabric"], {"cotton (lint)"}),
    (["non-cotton yarn"], {"cotton (lint)"}),
    # a word said in another product keeps it
    (["cotton t-shirts", "not cotton"], set()),
    (["no cobalt or nickel"], {"cobalt"}),
    (["LFP cells", "no cobalt or nickel"], {"cobalt"}),
    (["cobalt and nickel free batteries"], {"cobalt"}),
    (["NMC cathodes, cobalt-free"], set()),  # (NMC holds cobalt: said)
    (["tin solder and cobalt free"], {"cobalt"}),  # (tin: doubtful, kept)
    (["batteries free of cobalt and mica"], {"cobalt", "mica"}),
    (["no cocoa"], {"cocoa beans"}),
    (["sugar-free cocoa"], set()),  # (sugar is no sugarcane)
    (["no shrimp"], {"shrimp (farmed)"}),
    # a kind of a commodity, or a part of what it is, is no denial of it
    (["not tuna"], set()),
    (["no fish"], set()),
    (["no fish or seafood"], {"fish & seafood - capture fisheries"}),
    (["no rubber"], {"natural rubber"}),
    (["men's shirts", "no cotton"], {"cotton (lint)"}),
    (["mica-free pigments"], {"mica"}),
    (["no cobalt whatsoever"], {"cobalt"}),
    # a denial that may deny a part of a good only (where from, a blend, a product of it, a
    # compound of it), or a denial denied, denies it not for certain: nothing is left out
    (["men's shirts", "no cotton from Xinjiang"], set()),
    (["no cotton from protected forests"], set()),
    (["no cocoa from protected forests"], set()),
    (["no shrimp from Thailand"], set()),
    (["laptops", "no cobalt from the DRC"], set()),
    (["knit shirts", "no non-cotton fibres"], set()),
    (["power banks", "not cobalt-free"], set()),
    (["no cobalt-free batteries"], set()),
    (["shirts", "no cotton blends"], set()),
    (["no cotton-polyester blend"], set()),
    (["no cotton except BCI"], set()),
    (["dark chocolate couverture", "no cocoa butter substitutes"], set()),
    (["compound coating", "without cocoa butter"], set()),
    (["cocoa-butter-free"], set()),
    (["PCB assemblies", "no tin-lead solder"], set()),
    (["no tin whiskers"], set()),
    (["no gold plating"], set()),
    (["no cobalt and tin solder"], set()),  # ('no cobalt-and-tin solder', perhaps)
    # (and a doubt in one product keeps what another denies: its shirts may be all cotton)
    (["not cotton", "shirts; no cotton blends"], set()),
    # ('palm oil' is denied, not 'oil' nor 'palm' alone: a word-by-word reading can deny
    # neither for certain)
    (["palm-oil-free biscuits"], set()),
    (["palm oil free biscuits"], set()),
    # what only looks like a denial denies nothing
    (["sugar-free cocoa"], set()),
    (["shrimp, no additives"], set()),
    (["nothing but cotton"], set()),
    (["non-GMO cocoa"], set()),
    (["slave-free chocolate"], set()),
    (["conflict-free tin"], set()),
    (["cobalt (no artisanal)"], set()),
    (["zero-waste cotton"], set()),
    (["cocoa nibs, no sugar"], set()),
    # a denial that qualifies what a part names denies the good of that alone: the supplier's
    # only where every part that says what it is denies it too
    (["cobalt-free batteries"], {"cobalt"}),
    (["lithium cobalt-free batteries"], {"cobalt"}),
    (["batteries with no cobalt"], {"cobalt"}),
    (["cobalt-free and nickel-free batteries"], {"cobalt"}),
    (["cobalt-free batteries", "no cobalt"], {"cobalt"}),
    (["dresses; non-cotton lining"], set()),  # (the dresses may be cotton)
    (["dresses", "non-cotton lining"], set()),
    (["shirts with cotton-free lining"], set()),
    (["dresses and non-cotton linings"], set()),
    (["polyester shirts (cotton-free lining)"], set()),
    (["knit shirts", "cotton-free fabric"], set()),
    (["power banks", "cobalt-free batteries"], set()),
    (["cobalt-free batteries", "lithium cells"], set()),
    (["cotton-free fabric", "non-cotton yarn"], {"cotton (lint)"}),
    # (a part that is nothing but a denial speaks of all the supplier's goods)
    (["dresses; not cotton"], {"cotton (lint)"}),
    (["dresses; non-cotton lining", "not cotton"], {"cotton (lint)"}),
    (["shirts (cotton-free)"], {"cotton (lint)"}),
    # 'neither ... nor', and a list over commas whose last good a joining word joins
    (["batteries; neither cobalt nor nickel"], {"cobalt"}),
    (["sodium-ion batteries; no lithium, cobalt or nickel"], {"cobalt", "lithium"}),
    (["smartphones; no cobalt, tin or gold"], {"cobalt", "tin", "gold"}),
    (["smartphones", "no cobalt, tin, or gold"], {"cobalt", "tin", "gold"}),
    (["no lithium, cobalt or nickel batteries"], set()),  # (doubtful, as one list)
    (["no sugar, cocoa beans"], set()),  # (cocoa beans said)
]


@pytest.mark.parametrize(("products", "denied"), DENIED_COMMODITIES)
def test_the_commodities_a_buyers_products_deny(products: list[str], denied: set[str]) -> None:
    assert set(_inference()._denied(tuple(products))) == denied


# (a buyer's products, the stages never inferred beneath it)
DENIED_STAGES = [
    (["not cotton"], {"cotton-farming", "cotton-ginning"}),
    (["no shrimp"], {"aquaculture"}),
    (["no cocoa"], {"cocoa-farming", "cocoa-trading"}),
    # mines dig other commodities too; a maker of rubber products or solar modules works
    # other materials as well: kept
    (["no cobalt"], set()),
    (["no rubber"], {"rubber-plantations"}),
    (["no polysilicon"], {"polysilicon-production"}),
    (["not tuna"], set()),
    (["no cotton from Xinjiang"], set()),
    (["no non-cotton fibres"], set()),
    (["no cotton blends"], set()),
    (["without cocoa butter"], set()),
    (["no cocoa butter substitutes"], set()),
    (["no shrimp from Thailand"], set()),
    (["dresses; non-cotton lining"], set()),
    (["shirts with cotton-free lining"], set()),
    (["yarn; not cotton"], {"cotton-farming", "cotton-ginning"}),
    (["pralines; neither cocoa nor sugar"], {"cocoa-farming", "cocoa-trading"}),
]


@pytest.mark.parametrize(("products", "stages"), DENIED_STAGES)
def test_the_stages_of_denied_goods_alone(products: list[str], stages: set[str]) -> None:
    assert set(_inference()._denied_stages(tuple(products))) == stages


@pytest.mark.parametrize(
    "product",
    ["0\x850", "cocoa\u2028beans", "no\x85cotton", "tuna\u3000loins", "cotton\xa0yarn", "a\u1680b"],
)
def test_a_space_of_any_script_parts_the_words_alike(product: str) -> None:
    # (the denials' reading holds one place for each of exact_key's words: a space that the
    # key dropped joined two words it read apart, and matching the product failed)
    assert len(read_denials(product).at) == len(exact_key(product).split())
    load_profiles().match_good(product)  # (no exception)
