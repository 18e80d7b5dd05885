"""Sector texts that were misread (input-format §9). A place that serves or sells seafood was
read as its processor ("seafood restaurant", "seafood bar", "seafood shop"), and a
restaurant's products gave it a processor's or a farm's sector; a mine written in German,
Spanish, Portuguese, French or Dutch ("Bergbau", "minería de oro", "exploitation minière")
was no sector; a text naming two sectors, one misspelt ("fishing and fish farmng"), was no
sector, though each part reads alone. "chips" was electronic components, so "potato chips",
"wood chips" and "fish and chips" were too; a metal's ingots ("tin ingots") were solar wafers';
a good named beside a sector ("gold mining and coffee", "fishing and cocoa") was read as the
good's farm alone, the mine or the fishery dropped; a shop named after what it sells or the
gear of a work ("fishing shop", "shoe shop") was that work or its maker. "Café", coffee in
Spanish, Portuguese and French, was a place that serves food ("exportadora de café"); a
sector named beside a place that serves food was dropped ("gold mining, restaurant"); a
mine's words in another language beside a good another sector mines, or its scale, did not
read as English ("mina de sal" was artisanal mining, "salt mine" salt production; "mina de
carbón", "minería a gran escala" none), and "Mina" beside a sector, a place's name, was a
mine. A mineral beside "Kleinbergbau" named "other goods" ("Kleinbergbau Zinn"); of two
aliases as long, the taxonomy's first won ("textile garments" was fabric manufacturing); German
compounds of a sector's word and German and French words of listed work ("Ziegelei",
"Thunfischfang", "thoniers palangriers") were no sector; so were a fishing vessel's words spaced
otherwise than the taxonomy's ("long liner", "purseseiner"), a fish carrier vessel and a
fish trader. The cases are data:
tests/assets/sectors/misreadings.yaml."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from sector_support import sector_cases, suggested_ids

from ddtool.assess import assess
from ddtool.profiles import Profiles, load_profiles
from ddtool.sources import read_chain

CASES = sector_cases("misreadings.yaml")
IDS = [case["text"] for case in CASES]


@pytest.fixture(scope="module")
def profiles() -> Profiles:
    return load_profiles()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_sector_text_is_read(profiles: Profiles, case: dict[str, Any]) -> None:
    match = profiles.match_sector(case["text"])
    assert match.id == case["sector"]
    assert [other.id for other in match.others] == case.get("others", [])
    assert list(match.products) == case.get("products", [])
    assert [[w, r] for w, r, _ in match.respelt] == case.get("respelt", [])
    if match.id is None or match.respelt:
        assert suggested_ids(match.suggestion) == case.get("suggested", [])
    else:
        assert match.suggestion is None
    # (a text that says why it has none: its products give it no sector)
    assert (match.note is not None) == case.get("why", False)


@pytest.mark.parametrize("case", [c for c in CASES if c.get("respelt")], ids=lambda c: c["text"])
def test_a_part_misspelt_reads_as_the_text_spelt_right(
    profiles: Profiles, case: dict[str, Any]
) -> None:
    """The same correction as the part alone is suggested, the same reading as spelt right."""
    match = profiles.match_sector(case["text"])
    for written, respelt in case["respelt"]:
        alone = profiles.match_sector(written)
        assert alone.id is None  # (alone: no sector, the correction suggested first)
        assert (alone.suggestion or "").startswith(match.suggestion or "-")
        assert profiles.match_sector(respelt).id is not None
    spelt = case["text"]
    for written, respelt in case["respelt"]:
        for slip, word in zip(written.split(), respelt.split(), strict=True):
            spelt = spelt.replace(slip, word) if slip != word else spelt
    right = profiles.match_sector(spelt)
    assert right.respelt == () and right.beside is not None
    assert (match.id, match.others, match.products, match.assumed, match.beside) == (
        right.id,
        right.others,
        right.products,
        right.assumed,
        right.beside,
    )
    told = match.misspelt or ""
    for written, respelt in case["respelt"]:
        assert f"'{written}' is read as '{respelt}' (" in told
    assert told.startswith("has a part not in the taxonomy, a word of it reading as misspelt: ")


def _rows(tmp_path: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "country", "sector"])
    writer.writerows([f"S{i}", "a", "PER", case["text"]] for i, case in enumerate(CASES))
    path = tmp_path / "chain.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _records(tmp_path: Path) -> Path:
    suppliers = [
        {"id": f"S{i}", "name": "a", "country": "PER", "sector": case["text"]}
        for i, case in enumerate(CASES)
    ]
    path = tmp_path / "chain.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "X", "country": "DEU"}, "suppliers": suppliers}),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("make", [_rows, _records], ids=["table", "yaml"])
def test_each_supplier_gets_the_sector_and_the_warnings_of_its_text(
    tmp_path: Path, make: Any
) -> None:
    chain, problems = read_chain([make(tmp_path)], sectors=load_profiles())
    read = {s.id: s.sector for s in chain.suppliers}
    assert read == {f"S{i}": case["sector"] for i, case in enumerate(CASES)}
    told: dict[str, list[tuple[str, list[str]]]] = {}
    for problem in problems.warnings:
        if not problem.message.startswith("sector "):
            continue
        text = next(c["text"] for c in CASES if problem.message.startswith(f"sector {c['text']!r}"))
        told.setdefault(text, []).append((problem.type, suggested_ids(problem.suggestion)))
    for case in CASES:
        found = told.get(case["text"], [])
        assert [kind for kind, _ in found] == case["warnings"], case["text"]
        assert [named for kind, named in found if kind == "unknown-sector"] in (
            [],
            [case.get("suggested", [])],
        ), case["text"]


def test_the_texts_are_distinct() -> None:
    """(each supplier's warnings are told apart by its text)"""
    assert len(set(IDS)) == len(IDS)


# a good named alone beside a sector, and the same text naming the good's sector: one reading
GOOD_AND_ITS_SECTOR = [
    ("gold mining and coffee", "gold mining and coffee farming"),
    ("gold mining, coffee", "gold mining, coffee farming"),
    ("coffee and gold mining", "coffee farming and gold mining"),
    ("cocoa and gold mining", "cocoa farming and gold mining"),
    ("fishing and cocoa", "fishing and cocoa farming"),
    ("cocoa; fishing", "cocoa farming; fishing"),
    ("chocolate and coffee", "chocolate and coffee farming"),
    # beside a stage of its own chain, its material: as a list names it
    ("cotton and garment manufacturing", "Garment manufacturing, cotton"),
]


@pytest.mark.parametrize(
    ("written", "named"), GOOD_AND_ITS_SECTOR, ids=[w for w, _ in GOOD_AND_ITS_SECTOR]
)
def test_a_good_beside_a_sector_reads_as_its_sectorsuggested_ids(
    profiles: Profiles, written: str, named: str
) -> None:
    match, right = profiles.match_sector(written), profiles.match_sector(named)
    assert match.id is not None
    fields = ("id", "others", "products", "assumed", "beside", "suggestion", "note")
    assert [getattr(match, f) for f in fields] == [getattr(right, f) for f in fields]


# food chips, as the food they are made of reads (no sector where it has none), never as
# electronic components; a semiconductor's chips as electronic components
CHIPS = [
    ("potato chips", "potato"),
    ("sweet potato chips", "sweet potato"),
    ("tortilla chips", "tortilla"),
    ("potato crisps", "potato"),
    ("chocolate chips", "chocolate"),
    ("wood chips", "wood"),
    ("semiconductor chips", "semiconductors"),
]


@pytest.mark.parametrize(("written", "food"), CHIPS, ids=[w for w, _ in CHIPS])
def test_chips_read_as_what_they_are_made_of(profiles: Profiles, written: str, food: str) -> None:
    assert profiles.match_sector(written).id == profiles.match_sector(food).id


# a restaurant's products are what it buys: they gave it the sector of their producer
RESTAURANTS = [
    # (row, its sector before)
    ("R1,a,BGD,fish restaurant,dried fish", "seafood-processing"),
    ("R2,b,BGD,restaurant,dried fish", "seafood-processing"),
    ("R3,c,THA,sushi restaurant,frozen shrimp", "aquaculture"),
    ("R4,d,BGD,seafood restaurant,dried fish", "seafood-processing"),
    ("R5,e,THA,seafood bar,frozen shrimp", "seafood-processing"),
]


@pytest.mark.parametrize(("row", "before"), RESTAURANTS, ids=[r for r, _ in RESTAURANTS])
def test_a_restaurant_is_no_processor_nor_farm_of_what_it_buys(
    tmp_path: Path, row: str, before: str
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f"id,name,country,sector,products\n{row}\n", encoding="utf-8")
    [supplier] = [s for s in assess([path]).data["suppliers"] if not s["inferred"]]
    assert supplier["sector"] is None, before
    assert "sector not matched" in supplier["data_gaps"]


# a text as written and as the taxonomy's words write it, in one country: the same score
SAME_SCORE = [
    ("Bergbau", "mining", "COD"),
    ("minería de oro", "gold mine", "PER"),
    ("mineração de ouro", "gold mine", "BRA"),
    ("mine d'or", "gold mine", "BFA"),
    ("exploitation minière", "mining", "COD"),
    ("mijnbouw", "mining", "SUR"),
    ("minería artesanal", "artisanal mining", "COL"),
    ("minería de cobalto", "cobalt mining", "COD"),
    ("fishing and fish farmng", "fishing and fish farming", "IDN"),
    ("cocoa farming and coffe farming", "cocoa farming and coffee farming", "CIV"),
    ("cobalt minning; logistics", "cobalt mining; logistics", "COD"),
    ("gold mining and coffee", "gold mining and coffee farming", "PER"),
    ("fishing and cocoa", "fishing and cocoa farming", "CIV"),
    ("tin ingots", "smelting-refining", "IDN"),
    # (a metal the risk data has no mines of: as the smelter writing it, no mines beneath)
    ("aluminium ingots", "aluminium smelter", "CHN"),
    ("steel ingots", "smelting-refining", "IND"),
    ("metal ingots", "smelting-refining", "CHN"),
    ("ruby mine", "gemstone-mining", "MMR"),
    ("ruby mining", "gemstone-mining", "MMR"),
    ("jade mining", "gemstone-mining", "MMR"),
    ("Elektronikhandel", "electronics trade", "DEU"),
    ("computer chips", "electronic-components", "CHN"),
    ("wood chips", "timber-forestry", "BRA"),
    ("fishing shop", "retail-general", "IDN"),
    ("fishing tackle shop", "retail-general", "THA"),
    ("shoe shop", "retail-general", "IND"),
    ("clothing shop", "clothing store", "BGD"),
    ("fish and chips shop", "retail-general", "GBR"),
    ("machine shop", "general-manufacturing", "CHN"),
]


@pytest.mark.parametrize(
    ("written", "known", "country"), SAME_SCORE, ids=[w for w, _, _ in SAME_SCORE]
)
def test_a_text_scores_as_the_taxonomys_words_for_it(
    tmp_path: Path, written: str, known: str, country: str
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        f'id,name,country,sector\nW,a,{country},"{written}"\nK,b,{country},"{known}"\n',
        encoding="utf-8",
    )
    doc = assess([path]).data
    found = {s["id"]: s for s in doc["suppliers"] if not s["inferred"]}
    assert found["W"]["sector"] == found["K"]["sector"] is not None
    assert found["W"]["risk"] == found["K"]["risk"]
    assert found["W"]["data_gaps"] == found["K"]["data_gaps"]


# texts of food chips read as no sector: a gap, never electronic components
NO_SECTOR = ["chips", "potato chips", "tortilla chips", "fish and chips", "ingots"]


@pytest.mark.parametrize("written", NO_SECTOR)
def test_a_text_of_no_sector_is_a_gap(tmp_path: Path, written: str) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f'id,name,country,sector\nW,a,PER,"{written}"\n', encoding="utf-8")
    [supplier] = [s for s in assess([path]).data["suppliers"] if not s["inferred"]]
    assert supplier["sector"] is None
    assert "sector not matched" in supplier["data_gaps"]


# a text in another language and the English text it is written for (`english`): one reading
FOREIGN = [case for case in CASES if "english" in case]


def _reading(match: Any) -> tuple[Any, ...]:
    return (
        match.id,
        [other.id for other in match.others],
        list(match.products),
        match.assumed is None,
        match.beside is None,
        match.note is None,
        suggested_ids(match.suggestion),
    )


@pytest.mark.parametrize("case", FOREIGN, ids=[c["text"] for c in FOREIGN])
def test_a_text_in_another_language_reads_as_in_english(
    profiles: Profiles, case: dict[str, Any]
) -> None:
    written, english = profiles.match_sector(case["text"]), profiles.match_sector(case["english"])
    assert _reading(written) == _reading(english)


@pytest.mark.parametrize("case", FOREIGN, ids=[c["text"] for c in FOREIGN])
def test_a_text_in_another_language_scores_as_in_english(
    tmp_path: Path, case: dict[str, Any]
) -> None:
    path = tmp_path / "chain.csv"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "country", "sector"])
    writer.writerows(
        [["W", "a", case["country"], case["text"]], ["E", "b", case["country"], case["english"]]]
    )
    path.write_text(out.getvalue(), encoding="utf-8")
    doc = assess([path]).data
    found = {s["id"]: s for s in doc["suppliers"] if not s["inferred"]}
    assert found["W"]["sector"] == found["E"]["sector"] == case["sector"]
    assert found["W"]["risk"] == found["E"]["risk"]
    assert found["W"]["data_gaps"] == found["E"]["data_gaps"]


# a café, a mine or a processor whose text was a place that serves food, with its products:
# these were not read, and it had no sector; now its text, or beside a café alone or a part
# of no sector, its products, give it one, and an exporter its farms beneath it
READ_WITH_PRODUCTS = [
    # (row, the sector now, the sector a supplier beneath it is inferred in)
    ("S1,a,COL,exportadora de café,green coffee", "coffee-milling", "coffee-farming"),
    ("S2,b,HND,finca de café,coffee beans", "coffee-farming", None),
    ("S3,c,GTM,cafe,coffee", "coffee-farming", None),
    ('M1,d,PER,"gold mining, restaurant",gold', "artisanal-mining", None),
    ('T1,e,THA,"fish smoking, restaurant",dried fish', "seafood-processing", "fishing-vessels"),
]


@pytest.mark.parametrize(
    ("row", "sector", "beneath"), READ_WITH_PRODUCTS, ids=[r for r, _, _ in READ_WITH_PRODUCTS]
)
def test_a_text_of_no_place_serving_food_alone_keeps_its_sector(
    tmp_path: Path, row: str, sector: str, beneath: str | None
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(f"id,name,country,sector,products\n{row}\n", encoding="utf-8")
    suppliers = assess([path]).data["suppliers"]
    [supplier] = [s for s in suppliers if not s["inferred"]]
    assert supplier["sector"] == sector
    assert [s["sector"] for s in suppliers if s["inferred"]] == ([beneath] if beneath else [])
