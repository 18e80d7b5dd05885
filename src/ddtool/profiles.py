"""Load, check, overlay and hash the risk profiles (risk_profiles/)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from ddtool.errors import ProfileError
from ddtool.model import NO_SECTOR, RISK_TYPES, OtherSector
from ddtool.reference.countries import ALIASES, EXONYMS, is_iso3
from ddtool.sources.normalise import SectorMatch

DATA_FILES: tuple[str, ...] = (
    "manifest.yaml",
    "countries.csv",
    "goods.csv",
    "goods_2024_changes.csv",
    "good_sectors.csv",
    "eo13126_products.csv",
    "sectors.yaml",
    "sector_facts.csv",
    "origins.csv",
    "remediation.yaml",
    "withheld.csv",
)
STAGES = ("raw", "trading", "processing", "manufacturing", "retail", "service")
ORIGIN_PSEUDO_CODES = {"OTH", "CN-XJ"}
# The producers origins.csv lists for a commodity tell which countries produce none of it only
# where they make (nearly) all of world production: the published shares of the countries
# named (OTH, the "other countries" USGS sums, and CN-XJ, a part of China's, aside) add up to
# at least this, and they are shares of a world total (not_world_total: not of the sum of the
# countries a table happens to list, nor of a world total that leaves a producer out). The
# remainder, at most 5 %, is the many small producers a table leaves out (FAOSTAT and USDA
# rows of 0.5 % or more; USGS names every producer but sums some as "other countries"). The
# bundled lists that reach it: cocoa beans 96.8 %, coffee 96.4 % (of USDA's world, the sum of
# the PSD countries), palm oil 96.4 %, tea 97.7 %, and cobalt, tantalum, tin, tungsten,
# silicon metal (97-99 %). Those that do not are lists of the largest producers, or tables cut
# short, which leave out real producers: capture fisheries 56.3 % (the top ten), total aquatic
# animals 59 %, farmed shrimp 18.9 %, rubber 72.4 % (four countries), vanilla 84.5 %,
# polysilicon capacity 79 %, cotton 90.3 % (cut short before Uzbekistan, Turkmenistan, Greece
# and Mexico), sugarcane 92.5 %, and gold 74.9 %, copper 86.7 %, mica 87.3 % once USGS's
# "other countries" are aside; and those whose shares are of no world total: hazelnuts
# (98.7 % of the sum of the 18 countries its page tabulates, Portugal not among them) and
# lithium (98.1 % of a world total without the United States, whose output USGS withholds).
# A country not listed for these is only not among the main producers listed.
ALL_PRODUCERS_PCT = 95.0
# Ranges checked on load for the indicators the engine scores with (gross rates such as
# primary completion may exceed 100 and are shown as published).
_RANGES: dict[str, tuple[float, float]] = {
    "ilab_working_children_pct": (0, 100),
    "ilo_informal_employment_rate_pct": (0, 100),
    "gsi2023_prevalence_per_1000": (0, 1000),
}
# the values the score reads of the indicators given in words or grades (any other would be
# read as no figure, without a word)
_RATIFIED = ("ratified", "not_ratified", "denounced")
_CODED: dict[str, tuple[str, ...]] = {
    "ituc_global_rights_index_rating": ("1", "2", "3", "4", "5", "5+"),
    **{f"ilo_{c}_status": _RATIFIED for c in ("C029", "P029", "C105", "C138", "C182")},
    "ilab_ratified_UN_Palermo_trafficking_protocol": ("yes", "no", "n/a"),
}
# what a source's name says its shares are of where that is no world total (origins.csv:
# "share = country / sum of the 18 listed countries", "world total excl. USA")
_NOT_WORLD_TOTAL = re.compile(
    r"\bsum of the \d+ (?:listed|tabulated) countries\b|\bworld total excl(?:\.|uding) [\w.]+", re.I
)
_UNCERTAIN = re.compile(r"third-party|NOT verified|LLM|secondary|unreliable|break in series", re.I)


@lru_cache(maxsize=1 << 16)  # (the words of product texts repeat)
def exact_key(value: str) -> str:
    """Case-, accent- and punctuation-insensitive key."""
    # casefold first: "ß" becomes "ss" (Weißwein), which the ASCII step would drop; a space
    # of any script parts words, as read_denials parts them ("0\x850": two words, not "00")
    text = unicodedata.normalize("NFKD", re.sub(r"\s", " ", value.casefold()))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=1 << 16)
def text_key(value: str) -> str:
    """Like exact_key, and plural-insensitive (naive singular: beans -> bean)."""
    return re.sub(r"(?<=[a-z]{3})s\b", "", exact_key(value))


def other_number(key: str) -> str:
    """A key (text_key's) with each word whose plural is in -ies in its other form, so that
    a name in one number matches a product in the other ('batterie', of 'batteries':
    'battery'; 'ev battery': 'ev batterie', as text_key reads 'EV batteries'); the key
    itself where it has no such word. A singular in -ie ('cookie') gets a form no one
    writes ('cooky'), which matches nothing."""
    return re.sub(
        r"\b([a-z]{3,}[b-df-hj-np-tv-xz])(?:ie|y)\b",
        lambda m: m[1] + ("y" if m[0].endswith("ie") else "ie"),
        key,
    )


# words of a product that say how seafood was got: caught in the wild, or farmed
_CAUGHT = frozenset({"wild", "caught", "capture", "trawled", "trawl", "longline"})
_FARMED = frozenset(
    {"farmed", "farm", "aquaculture", "aquacultured", "pond", "cultured", "cultivated", "raised"}
)
CAPTURE = "capture"  # the word of the fishing vessels' commodity ("… capture fisheries")
# words that deny what follows ("farm-raised, not wild-caught"; "no wild broodstock")
_DENIED = frozenset({"not", "no", "non", "without", "free", "never", "neither"})
_DENIES = _DENIED - {"free"}  # (those before what they deny: "free" follows it, "GMO-free")
# words that give the catch as one way of two ("wild or farmed", "farmed and wild")
_EITHER = frozenset({"or", "and", "oder", "und", "ou", "et", "o", "y"})
# a denial (read_denials): a word of _DENIES denies the words after it ('no cobalt', 'not
# wild-caught', 'without mica'), as a prefix the rest of its word ('non-GMO', 'no-cotton'),
# and 'non' standing alone the next word ('non GMO'); 'free' denies the rest of its word
# ('cobalt-free'), the words before it ('cobalt and nickel free') or those after 'of' or
# 'from' ('free of cobalt'). It reaches over 'any' ('without any cobalt') and over a joining
# word ('no cobalt or nickel', 'neither cobalt nor nickel') to the end of the product or of a
# part of it (a comma, a semicolon, a bracket or a dash ends it), but over the commas of a
# list of one-word goods whose last is joined by one ('no lithium, cobalt or nickel').
_DENY_BEFORE = "free"
_DENY_PREFIX = "non"
_JOINED = frozenset({"and", "or", "nor", "&", "/"})
# words said between two goods of a part of a product, where it names several things ('shirts
# with cotton-free lining', 'dresses and non-cotton linings'): a denial beside one of them
# qualifies that one alone
_SEVERAL = _JOINED | _EITHER | {"with", "plus", "+"}
# words after a list of denied goods that cannot narrow what it denies ('no sugar added',
# 'no cobalt whatsoever'); any other word may ('no cotton blends', 'no cotton from Xinjiang')
_IDLE_AFTER = (("whatsoever",), ("added",), ("used",), ("at", "all"))
# what each word of a product is to its denials (Denials.at)
SAID, DENIED, DOUBTFUL, DENYING = 0, 1, 2, 3


class Denials(NamedTuple):
    """A product's words (exact_key's) as its denials read them (read_denials)."""

    said: frozenset[str]  # the words that say what it is
    denied: frozenset[str]  # the words it denies, for certain
    # the words a denial may deny or not ('cotton' in 'no cotton blends', 'no cotton from
    # Xinjiang', 'not cotton-free', 'no non-cotton fibres'): neither said nor denied
    doubtful: frozenset[str]
    at: tuple[int, ...]  # each word's part: SAID, DENIED, DOUBTFUL, or DENYING ('no', 'free')
    # the words it denies for certain of every good of its supplier: those of a part of it
    # that is nothing but a denial ('not cotton'; 'polyester shirts, not cotton': cotton)
    throughout: frozenset[str]
    # for each part that says what it is, the words it denies for certain of the one thing
    # that part names ('cobalt-free batteries': cobalt; 'dresses; non-cotton lining': none of
    # the dresses, cotton of the lining); none where it names several things ('shirts with
    # cotton-free lining': the denial qualifies the lining alone)
    of_parts: tuple[frozenset[str], ...]


def _holds_denial(words: list[str]) -> bool:
    """Whether a unit of a product (as exact_key's words) is or holds a word that denies
    ('no', 'free', 'non-cotton', 'cobalt-free')."""
    return bool(words) and (words[0] in _DENIES or words[-1] == _DENY_BEFORE)


@lru_cache(maxsize=1 << 14)
def read_denials(product: str) -> Denials:
    """What a product says and what it denies, the one reading of denials for every reader
    of products (match_good, the goods named to an inferred stage, the commodities
    inference narrows to or leaves out): 'cobalt-free batteries' says 'batteries' and denies
    'cobalt'; 'no cobalt or nickel' denies both; 'shrimp, no additives' says 'shrimp';
    'sugar-free cocoa' says 'cocoa'; 'nickel-free, cobalt' says 'cobalt' (a comma ends a
    denial). A denial is read by the units of the product as written (a hyphenated word is
    one: 'non-cotton', 'tin-lead'), each as exact_key's words.

    A good is denied for certain only where nothing may narrow what is denied to a part of
    it: 'no', 'not', 'neither', 'without' and 'free of' deny for certain a list of one-word
    goods (joined by 'and', 'or', 'nor', and over commas where such a word joins the last:
    'no lithium, cobalt or nickel'; not 'no sugar, cocoa beans') that runs to the end of the
    product or of its part ('not cotton', 'polyester shirts, not cotton', 'no cobalt or
    nickel', 'neither cobalt nor nickel', 'no sugar added'); a
    word inside a denial ('cobalt-free', 'non-cotton') denies its one other word; 'free'
    after a list denies such goods from the start of the part ('cobalt and nickel free'),
    else the one good just before it ('tin solder and cobalt free': cobalt).
    Any other word denied may be denied only in part, and is doubtful: neither said (it
    narrows nothing) nor denied (nothing is left out for it): a good followed by more words
    ('no cotton blends', 'no cotton from Xinjiang', 'no cotton except BCI', 'without cocoa
    butter', 'no cobalt and tin solder'), a word of a hyphenated one ('no tin-lead solder',
    'palm-oil-free'), and a denial denied ('not cobalt-free', 'no non-cotton fibres'), which
    denies nothing."""
    units = re.findall(r"[^\s,;()\[\]]+|[,;()\[\]]", product.casefold())
    words = [exact_key(unit).split() for unit in units]
    # each word's verdicts, one from each denial that reaches it (DENIED: for certain)
    verdicts: list[list[list[int]]] = [[[] for _ in unit] for unit in words]
    denying = [[False] * len(unit) for unit in words]

    def joining(i: int) -> bool:
        return units[i] in _JOINED

    def one_word(i: int) -> bool:
        return len(words[i]) == 1 and not _holds_denial(words[i]) and not joining(i)

    def listed(i: int, listing: bool) -> bool:
        # whether the comma at i goes on with a list of one-word goods the last of which a
        # joining word joins ('no lithium, cobalt or nickel'; 'cobalt, or nickel' where the
        # list is one already): not 'no sugar, cocoa beans', nor 'no sugar, cocoa'
        j = i + 1
        if units[i] != "," or j >= len(units):
            return False
        if joining(j):
            return listing
        while j < len(units) and one_word(j):
            j += 1
            if j < len(units) and joining(j):
                return True
            if not (j + 1 < len(units) and units[j] == ","):
                return False
            j += 1
            if joining(j):  # ('lithium, cobalt, or nickel')
                return True
        return False

    def reach(i: int, step: int) -> list[list[int]]:
        # the list a denial reaches from the unit at i on, as its items' units, to the end
        # of the product or of its part ('any' before an item, and words after the list
        # that cannot narrow it, are the denial's)
        items: list[list[int]] = [[]]
        listing = False  # (over a comma: see listed)
        while 0 <= i < len(units) and (joining(i) or words[i] or (step > 0 and listed(i, listing))):
            if joining(i) or not words[i]:
                listing = listing or units[i] == ","
                denying[i] = [True] * len(words[i])
                items.append([])
            elif step > 0 and words[i] == ["any"] and not items[-1]:
                denying[i] = [True]
            else:
                items[-1].append(i)
            i += step
        last = items[-1]
        for idle in _IDLE_AFTER if step > 0 else ():
            tail = last[-len(idle) :]
            if len(last) > len(idle) and [w for u in tail for w in words[u]] == list(idle):
                for u in tail:
                    denying[u] = [True] * len(words[u])
                del last[-len(idle) :]
                break
        return [item for item in items if item]

    def single(item: list[int]) -> bool:
        # a good of one word that denies nothing itself ('cobalt'; not 'cotton blends',
        # 'tin-lead', 'cobalt-free')
        return len(item) == 1 and len(words[item[0]]) == 1 and not _holds_denial(words[item[0]])

    def deny(items: list[list[int]], certain: list[bool]) -> None:
        for item, sure in zip(items, certain, strict=True):
            for unit in item:
                for found in verdicts[unit]:
                    found.append(DENIED if sure else DOUBTFUL)

    for i, unit in enumerate(words):
        if len(unit) > 1 and _holds_denial(unit):  # 'non-cotton', 'cobalt-free'
            first = 1 if unit[0] in _DENIES else 0
            end = len(unit) - 1 if unit[-1] == _DENY_BEFORE else len(unit)
            denying[i] = [not first <= k < end for k in range(len(unit))]
            # (of more words, a compound is denied, none of its words: 'palm-oil-free')
            for found in verdicts[i][first:end]:
                found.append(DENIED if end - first == 1 else DOUBTFUL)
        elif unit == [_DENY_PREFIX]:  # 'non GMO'
            denying[i] = [True]
            if i + 1 < len(units) and words[i + 1] and not joining(i + 1):
                deny([[i + 1]], [single([i + 1])])
        elif unit == [_DENY_BEFORE]:
            denying[i] = [True]
            if i + 1 < len(units) and words[i + 1] in (["of"], ["from"]):  # 'free of cobalt'
                denying[i + 1] = [True]
                items = reach(i + 2, 1)
                deny(items, [all(map(single, items))] * len(items))
            else:  # 'cobalt free', the good just before it for certain
                items = reach(i - 1, -1)
                every = all(map(single, items))
                deny(items, [every or (k == 0 and single(it)) for k, it in enumerate(items)])
        elif len(unit) == 1 and unit[0] in _DENIES:  # 'no cobalt'
            denying[i] = [True]
            items = reach(i + 1, 1)
            deny(items, [all(map(single, items))] * len(items))
    at = [
        list(map(_part, marks_of, found_of))
        for marks_of, found_of in zip(denying, verdicts, strict=True)
    ]
    flat = [
        (word, part)
        for unit, parts in zip(words, at, strict=True)
        for word, part in zip(unit, parts, strict=True)
    ]
    said = frozenset(w for w, part in flat if part == SAID)
    denied = frozenset(w for w, part in flat if part == DENIED)
    doubtful = frozenset(w for w, part in flat if part == DOUBTFUL)
    throughout, of_parts = _denied_by_parts(units, words, at)
    parts = tuple(part for _, part in flat)
    return Denials(said, denied, doubtful, parts, throughout, of_parts)


def _denied_by_parts(
    units: list[str], words: list[list[str]], at: list[list[int]]
) -> tuple[frozenset[str], tuple[frozenset[str], ...]]:
    """What a product's parts deny (a comma, a semicolon, a bracket or a dash ends one;
    `at`: each unit's words' parts, see read_denials): for certain of every good of its
    supplier, where a part is nothing but a denial ('not cotton'), and for each part that
    says what it is, of the one thing it names ('cobalt-free batteries': cobalt), or nothing
    where it names several ('shirts with cotton-free lining': cotton of the lining alone)."""
    throughout: set[str] = set()
    of_parts: list[frozenset[str]] = []
    part: list[int] = []
    for i in range(len(units) + 1):
        if i < len(units) and (words[i] or units[i] in _SEVERAL):
            part.append(i)
            continue
        if not part:
            continue
        denied = frozenset(
            w for u in part for w, p in zip(words[u], at[u], strict=True) if p == DENIED
        )
        said = [u for u in part if units[u] not in _SEVERAL and SAID in at[u]]
        if not said:  # (a statement of all the supplier's goods: 'not cotton')
            throughout |= denied
        else:  # (a word joining two said words: several things, 'shirts with ... lining')
            several = any(
                said[0] < u < said[-1] and units[u] in _SEVERAL and DENYING not in at[u]
                for u in part
            )
            of_parts.append(frozenset() if several else denied)
        part = []
    return frozenset(throughout), tuple(of_parts)


def _part(denying: bool, verdicts: list[int]) -> int:
    """A word's part in a product's denials (read_denials): a word of a denial; else said
    where no denial reaches it; denied where one alone does, for certain; else doubtful
    (a denial of a denial: 'not cobalt-free')."""
    if denying:
        return DENYING
    if not verdicts:
        return SAID
    return DENIED if verdicts == [DENIED] else DOUBTFUL


def said_caught(product: str) -> bool:
    """Whether a product says its seafood was caught in the wild ("wild-caught shrimp") or
    denies it was farmed ("shrimp, not farmed"), and neither says it was farmed nor denies
    the catch: that decides over the sector its good is listed under (shrimp is listed as
    farmed). (Farmed is not read the other way: aquaculture's one commodity is shrimp, and
    a farmed tilapia is no shrimp farm.)"""
    caught, farmed, no_catch, no_farm = _how_got(product)
    return (caught or no_farm) and not (farmed or no_catch)


def said_caught_too(product: str) -> bool:
    """Whether a product says its seafood was caught in the wild (or denies it was farmed),
    alone or as one way of two ("wild or aquacultured shrimp": both): the capture fisheries
    are among its sources. Not where the catch is denied ("farm-raised shrimp, not
    wild-caught")."""
    caught, farmed, no_catch, no_farm = _how_got(product)
    if not (caught or no_farm) or no_catch:
        return False
    return not farmed or not _product_words(product).isdisjoint(_EITHER) or "/" in product


@lru_cache(maxsize=4096)
def _how_got(product: str) -> tuple[bool, bool, bool, bool]:
    """Whether a product says its seafood was caught, says it was farmed, denies the catch,
    denies the farming. A word of how it was got is denied by a word that denies what
    follows, just before it or before the words of how it was got it follows ("not
    wild-caught", "no wild broodstock", "non-farmed"); a denial denies no other word
    ("antibiotic-free farmed shrimp", "not frozen, wild-caught" say what they say)."""
    said = {"caught": False, "farmed": False, "no caught": False, "no farmed": False}
    denying = False
    for word in re.findall(r"[a-z]+", product.casefold()):
        how = "caught" if word in _CAUGHT else "farmed" if word in _FARMED else None
        if how is not None:
            said[f"no {how}" if denying else how] = True
        else:  # ("free" denies the word before it: "GMO-free")
            denying = word in _DENIES
    return said["caught"], said["farmed"], said["no caught"], said["no farmed"]


@lru_cache(maxsize=4096)
def _product_words(product: str) -> frozenset[str]:
    """A product's words, without case (each product read once: suppliers repeat them)."""
    return frozenset(re.findall(r"[a-z]+", product.casefold()))


class _Reading(NamedTuple):
    """A product read as a good's name amid qualifiers (Profiles._reading)."""

    good: str | None  # the one good its runs of words name, else None
    kept: tuple[str, ...]  # its words that are no qualifier of that good (exact_key's)
    plain: bool  # whether those are all of its runs: it names the good


@dataclass(frozen=True, slots=True)
class Source:
    """One publication behind the data, with its licence."""

    id: str
    name: str
    publisher: str
    year: int
    location: str
    licence: str
    note: str = ""
    # the overlay whose manifest.yaml lists it ("verband/manifest.yaml"), "" when bundled
    # (a copy of a bundled source is the bundled one)
    overlay: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One country indicator value with its source, year, sex and verification note."""

    iso3: str
    indicator: str
    value: str
    number: float | None
    unit: str
    year: int | None
    sex: str
    source_id: str
    source_name: str
    source_url: str
    verification: str
    note: str
    withheld: str = ""  # why the value is shown but not scored (an error in the source)
    overlay: str = ""  # the overlay file that gives it ("dir/countries.csv"); "" if bundled

    @property
    def quality(self) -> str:
        """The source's own quality flag of the value ('obs_status: Unreliable'), if any."""
        found = re.search(r"obs_status: [^;]+", self.note)
        return found.group(0) if found else ""

    @property
    def uncertain(self) -> bool:
        """True where the value comes from a less certain copy (third-party, unverified)."""
        return bool(_UNCERTAIN.search(self.verification) or _UNCERTAIN.search(self.note))


@dataclass(frozen=True, slots=True)
class SectorRisk:
    """The inherent risk of a sector for one risk type, with its rationale and source."""

    likelihood: float
    severity: float
    rationale: str
    source: str
    # the main risk indicators the rationale names (ids of remediation.yaml's
    # risk_indicators: "debt-bondage", "retention-of-documents"), in the order it names them:
    # a flag's measures address each of them before anything else fills its places
    indicators: tuple[str, ...] = ()
    # further sources the rationale rests on, where it cites more than one (`source: [a, b]`
    # in sectors.yaml: a sector fact of one, a goods listing of another); `source` is the first
    also: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source the rating rests on, the first first."""
        return (self.source, *self.also)


@dataclass(frozen=True, slots=True)
class Sector:
    """A taxonomy sector: value-chain stage, aliases, upstream inputs and inherent risk."""

    id: str
    name: str
    chain: str
    stage: str
    isic: str | None
    aliases: tuple[str, ...]
    inputs: tuple[str, ...]
    commodities: tuple[str, ...]
    risk: dict[str, SectorRisk]
    # a sector of distinct products (crops, minerals): a supplier's products say which of
    # its listings apply; in any other sector (brick kilns, fishing vessels) a product names
    # a variant of the same work, and the sector's listings apply whatever it names
    broad: bool = False
    # listed goods of the sector that are distinct products, none of its commodities
    # (hybrid cottonseed, grown on seed farms for sowing, is no lint cotton; silk fabric is
    # no cotton fabric; dried fish is no frozen shrimp): an inferred origin of its
    # commodities does not take their listings, a mapped supplier only when its products
    # name them or no listed good at all, or only a material they share with the sector's
    # other goods (leather, fish: see Profiles._own_applies)
    not_commodities: tuple[str, ...] = ()
    # a sector whose made good is worked from the mineral a product names beside it ('gold
    # jewellery', 'gold rings': gold), so the mines beneath narrow to that mineral; beside
    # any other made good a mineral is its chemistry or one part, not all it holds ('lithium
    # batteries' hold cobalt too), and its whole chain is inferred (Inference._as_traded)
    made_of_named_mineral: bool = False
    # names of the sector's made goods that name no business, read in products as its
    # aliases are (Profiles.made_good_sectors: 'gold rings', 'silver necklaces' are
    # jewellery) but never as a supplier's sector ('piston rings' are no jeweller's work)
    made_goods: tuple[str, ...] = ()
    # a raw sector whose commodity is worked within a day or two of harvest (cut cane,
    # oil palm fruit): why its farms are those of the mill's own country, where that country
    # produces it, not the world's origin mix (Inference._attach); "" where none is said
    processed_near_harvest: str = ""
    # a raw sector's materials made without its commodity that goods of it are also made of
    # ('nitrile', 'vinyl': gloves of no natural rubber): beneath a buyer whose every product
    # names one of them, its farms are not inferred (Inference._replaced)
    replaced_by: tuple[str, ...] = ()
    # the overlay file that gives the sector ("dir/sectors.yaml"); "" if bundled: its ratings
    # are then the overlay's, not the project's, and every output says so
    overlay: str = ""


# the words for what a listing names: forced child labour is the listing that covers all
# three risk types, trafficking included
LISTED_FOR = {
    "child_labour": "child labour",
    "forced_labour": "forced labour",
    "human_trafficking": "forced child labour",
}


@dataclass(frozen=True, slots=True)
class GoodListing:
    """One good x country row of the US DOL list, mapped to a taxonomy sector."""

    good: str
    country: str
    iso3: str
    child_labour: bool
    forced_labour: bool
    forced_child_labour: bool
    downstream: bool
    input_country: str
    sector: str
    year: int
    source_id: str
    source_ref: str
    change_2024: str | None = None
    # a downstream good: the listed goods of the input country its inputs may be, and the
    # risk types they all name (see _downstream_inputs)
    input_goods: tuple[str, ...] = ()
    input_types: tuple[str, ...] = ()
    # the overlay file that gives the listing ("dir/goods.csv"); "" if bundled: it is then the
    # user's own, not the US DOL list's, and every output says so
    overlay: str = ""
    # who records the 2024 removal, when an overlay does ("the overlay dir/goods_2024_changes.csv
    # (given with --profiles) [source behind it: …]"); "" when the bundled changes do
    change_2024_by: str = ""

    @property
    def recorded_by(self) -> str:
        """What follows the 2024 removal wherever it is shown: who records it, where an
        overlay does ("; recorded by the overlay …"); "" where the bundled changes do."""
        return f"; recorded by {self.change_2024_by}" if self.change_2024_by else ""

    @property
    def removed_for(self) -> tuple[str, ...]:
        """The risk types the 2024 removal is reported for: child labour alone where the
        reason the source quotes is child labour's (it says nothing of the listing's other
        risk types: Thai shrimp); else all those the listing sets a floor on; () where no
        removal is recorded."""
        if not self.change_2024:
            return ()
        if "child lab" in self.change_2024.casefold():
            return ("child_labour",)
        return self.downstream_types if self.downstream else self.risk_types

    @property
    def removal_said(self) -> str | None:
        """The 2024 removal as every output gives it beside the listing (the JSON's
        removed_2024): the source's text, what it is reported for where that is not all of
        the listing's risk types, and who records it; None where no removal is recorded."""
        if not self.change_2024:
            return None
        removed = self.removed_for
        others = [
            r
            for r in (self.downstream_types if self.downstream else self.risk_types)
            if r not in removed
        ]
        said = self.change_2024
        if removed and others:
            named = [r.replace("_", " ") for r in others]
            nothing = " and ".join(filter(None, (", ".join(named[:-1]), named[-1])))
            said += (
                f"; reported for {', '.join(r.replace('_', ' ') for r in removed)} only: the"
                f" source says nothing of {nothing} (still scored)"
            )
        return said + self.recorded_by

    @property
    def risk_types(self) -> tuple[str, ...]:
        """The risk types the listing names (forced child labour counts for all three)."""
        out: list[str] = []
        if self.child_labour or self.forced_child_labour:
            out.append("child_labour")
        if self.forced_labour or self.forced_child_labour:
            out.append("forced_labour")
        if self.forced_child_labour:
            out.append("human_trafficking")
        return tuple(out)

    @property
    def listed_as(self) -> str:
        """What the listing says, in words ('listed for child labour, forced labour')."""
        if self.downstream:
            return (
                f"listed as a downstream good: produced with inputs from {self.input_country}"
                " made with child labour or forced labour (the list names the country of"
                " the inputs, not the inputs)"
            )
        named = (
            ("child labour", self.child_labour),
            ("forced labour", self.forced_labour),
            ("forced child labour", self.forced_child_labour),
        )
        return "listed for " + ", ".join(words for words, listed in named if listed)

    @property
    def inputs_read(self) -> str:
        """Which inputs a downstream listing is taken to mean (_downstream_inputs): ddtool's
        own reading, as the list gives the inputs' country alone; "" for any other."""
        if not self.input_goods:
            return ""
        common = ", ".join(LISTED_FOR[r] for r in self.input_types)
        return (
            "ddtool's own reading, not the list's: the inputs meant are the goods listed"
            f" there, {', '.join(self.input_goods)}"
            + (f", all listed for {common}" if common else "")
        )

    @property
    def listed_and_read(self) -> str:
        """What the listing says, then ddtool's reading of its inputs where it has one."""
        return "; ".join(filter(None, (self.listed_as, self.inputs_read)))

    @property
    def downstream_types(self) -> tuple[str, ...]:
        """The risk types a downstream listing raises: those of its inputs' listings; forced
        labour when no listed input is found in the data."""
        if not self.downstream:
            return ()
        return self.input_types or ("forced_labour",)


@dataclass(frozen=True, slots=True)
class GoodChange:
    """A confirmed change of the 2024 edition (removal, new good, new country)."""

    good: str
    country: str
    iso3: str
    change: str
    year: int
    source: str
    note: str
    source_id: str = ""
    # the overlay file that records it ("dir/goods_2024_changes.csv"); "" if bundled: it is
    # then the user's, not the confirmed changes', and every output says so
    overlay: str = ""


@dataclass(frozen=True, slots=True)
class OriginShare:
    """A country's share of world production of a raw commodity."""

    commodity: str
    iso3: str
    country: str
    share_pct: float | None
    year: int
    source_id: str
    source_name: str
    unit: str = ""  # what the share is of, as the source gives it
    overlay: str = ""  # the overlay file that gives the share ("dir/origins.csv"); "" if bundled

    @property
    def of(self) -> str:
        """What the share is a share of: world production, or manufacturing capacity where
        the source gives that (polysilicon)."""
        return "manufacturing capacity" if "capacity" in self.unit.casefold() else "production"


@dataclass(frozen=True, slots=True)
class Measure:
    """A remediation measure, placed on an OECD due-diligence step."""

    id: str
    risk_types: tuple[str, ...]
    sectors: tuple[str, ...]
    step: str
    title: str
    action: str
    owner: str
    reference: str
    # written for what some suppliers of its sectors handle only (a vessel's catch, shrimp):
    # given where the supplier's raw material comes from one of these raw-stage sectors, or
    # its products name one of these listed goods, and wherever the data does not tell
    inputs: tuple[str, ...] = ()
    goods: tuple[str, ...] = ()
    # the risk indicators (remediation.yaml's risk_indicators) the measure acts on
    addresses: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RiskIndicator:
    """A sign by which a risk is recognised at a workplace (the ILO indicators of forced
    labour: debt bondage, retention of identity documents …), named by sectors as their main
    ones and by measures as what they act on."""

    id: str
    name: str
    risk_types: tuple[str, ...]
    reference: str


@dataclass(slots=True, eq=False)
class Profiles:
    """All risk data, checked, with version and content hash."""

    version: str
    sha256: str
    root: str
    overlays: list[str]
    goods_edition: str
    sources: dict[str, Source]
    indicators: dict[str, dict[str, list[Indicator]]]
    sectors: dict[str, Sector]
    goods: list[GoodListing]
    goods_changes: list[GoodChange]
    good_sectors: dict[str, str]
    good_aliases: dict[str, str]
    origins: dict[str, list[OriginShare]]
    steps: list[tuple[str, str]]
    measures: list[Measure]
    facts: list[dict[str, str]]
    risk_indicators: dict[str, RiskIndicator] = field(default_factory=dict)
    # the good each good is a kind of, as good_sectors.csv's kind_of says ('Rubber Gloves':
    # 'Gloves'): a product naming the kind names that good too (see __post_init__)
    good_kinds: dict[str, str] = field(default_factory=dict)
    # the main risk indicators of a sector and risk type that no measure of the catalogue for
    # them addresses, by (sector, risk type): nothing in the six places can act on them
    unaddressed: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    _sector_keys: dict[str, str] = field(default_factory=dict)
    # each sector key with its spaces left out, as the key ('longliner': 'longliner',
    # 'purseseiner': 'purse seiner'), where no other sector's key is so written: _respaced
    _joined_keys: dict[str, str] = field(default_factory=dict)
    _listings_by_sector: dict[tuple[str, str], list[GoodListing]] = field(default_factory=dict)
    _listings_by_good: dict[tuple[str, str], list[GoodListing]] = field(default_factory=dict)
    _commodity_countries: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the aliases of a raw material's sector that name only its good ('coffee', 'cocoa beans'),
    # with the names of the good as words ('cocoa beans': cocoa bean, cocoa): _beside_a_good
    _bare_goods: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    _vocabulary: set[str] = field(default_factory=set)  # the words of sectors' and goods' names
    # (for _slip_of: the words by their first letter, and each word looked up)
    _by_initial: dict[str, list[str]] = field(default_factory=dict)
    _slips: dict[str, str | None] = field(default_factory=dict)
    # each sector's id, name and aliases as sets of words
    _sector_texts: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # the words of each sector's id, name, aliases and commodities, each with the sectors and
    # the texts (as words) it is in, and the words of listed goods and commodities (made on
    # first use: _sectors_with)
    _sector_phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    _material_words: set[str] = field(default_factory=set)  # of goods and commodities
    # each sector's goods and those of the stages upstream of it (its materials: cotton at
    # a fabric mill), and what products say they are at a sector of distinct products
    _materials: dict[str, frozenset[str]] = field(default_factory=dict)
    _sector_goods: dict[str, frozenset[str]] = field(default_factory=dict)
    _said: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = field(default_factory=dict)
    # what a buyer's products say an inferred stage of distinct products works (stage_said)
    _stage_said: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = field(default_factory=dict)
    # each distinct product's (not_commodities) own words, those of its name that no other
    # good of its sector or materials has ('silk': Silk Fabric; 'dried': Dried Fish), and the
    # materials it shares with the sector's other goods (Leather for Leather Goods, Fish for
    # Dried Fish), which say nothing of whether a product is it (see _own_applies)
    _own_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # each sector's commodities, goods, ores and shorthands as runs of words (_names_own)
    _own_runs: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # each sector's other commodities of its stage, as words and ores (_other_commodities)
    _others_of: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]] = field(
        default_factory=dict
    )
    _shared: dict[str, frozenset[str]] = field(default_factory=dict)
    # the listed goods each product names by runs of its words, looked for from a sector
    # (_goods_of_product), and the sectors downstream of each sector (_downstream_of)
    _product_goods: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    _adjective_goods: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _suggested: dict[str, str | None] = field(default_factory=dict)
    _country_goods: dict[tuple[str, str], list[GoodListing]] = field(default_factory=dict)
    # the goods' names and aliases, as match_good looks them up, and those with each word
    # (for good_suggestion)
    _alias_names: list[str] = field(default_factory=list)
    _alias_words: dict[str, list[str]] = field(default_factory=dict)
    _slip_words: list[str] = field(default_factory=list)  # (_slip_in_a_word)
    _slip_known: set[str] = field(default_factory=set)
    _downstream: dict[str, frozenset[str]] = field(default_factory=dict)
    # the good each text names, or None (match_good), the good each text or run of words is
    # a name or alias of (_named_good: the runs of long product texts repeat), each product
    # read as a good's name amid qualifiers (_reading), and the good each product or its last
    # word names (good_named)
    _matched: dict[str, str | None] = field(default_factory=dict)
    _names: dict[str, str | None] = field(default_factory=dict)
    _readings: dict[str, _Reading] = field(default_factory=dict)
    # where a state beside a good's name made a product a distinct product, the good of its
    # material ('dried squid': Squid, read Dried Fish; see _reading)
    _made_of: dict[str, str] = field(default_factory=dict)
    _kinds: dict[str, str | None] = field(default_factory=dict)
    # the words of each alias of a good, by good (_in_an_alias)
    _good_alias_words: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    _grows: dict[tuple[str, str, tuple[str, ...]], bool] = field(
        default_factory=dict
    )  # (grows_there)
    _listed_pct: dict[str, float] = field(default_factory=dict)  # (listed_pct)
    _share_base: dict[str, str] = field(default_factory=dict)  # (not_world_total)
    _named_commodities: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = field(
        default_factory=dict
    )  # (commodities_named)
    # the one-word aliases of a German work's ending, longest first (_compound_heads)
    _heads: tuple[str, ...] | None = None
    # the words that make a good's material a distinct product (not_commodities) of the
    # sector it goes to, with the materials they do so for and the products they make of
    # them: 'dried', 'salted' make Shrimp, Fish, Squid Dried Fish ('dried shrimp' is no
    # Shrimp, 'dried beans' are Beans); 'silk' makes Cotton Silk Fabric and Silk Thread
    _marks: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    # the most words of a good's name or alias, and the runs of words that begin one ('sweet',
    # 'sweet potato'): no longer run of a product's words, nor one beginning otherwise, names
    # a good (_named_good; see _named_runs)
    _alias_length: int = 0
    _alias_prefixes: frozenset[str] = frozenset()
    # the names and aliases of made goods (made_good_sector), as text_key gives them, with
    # their sectors, and their most words (made on first use); each product's sectors; the
    # words of the raw materials beneath each sector, and the stages beneath it
    _made_keys: dict[str, str] = field(default_factory=dict)
    _made_length: int = 0
    # the keys of _made_keys that only a sector's made_goods give ('ring'): no maker's name
    # is read before them ('piston rings' are no jewellery)
    _goods_only: set[str] = field(default_factory=set)
    _made_goods: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the words each product says of what it is, a good's word naming a container there
    # aside ('tin' in 'tea tin': words_said)
    _words_said: dict[str, frozenset[str]] = field(default_factory=dict)
    _raw_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    _upstream_of: dict[str, frozenset[str]] = field(default_factory=dict)  # (_beneath_sector)

    def rests_on(self, rating: SectorRisk) -> str:
        """The sources a sector rating rests on, as its outputs cite them: "name (year)",
        joined by "; " where it rests on several (an id no manifest lists, as written)."""
        cited = [self.sources.get(source_id) for source_id in rating.sources]
        return "; ".join(
            f"{source.name} ({source.year})" if source else source_id
            for source, source_id in zip(cited, rating.sources, strict=True)
        )

    def __post_init__(self) -> None:
        self._alias_names = sorted(self.good_aliases)
        # a good's variants: the goods of its sector one of whose names (brackets aside)
        # begins with the other's ('Tin' and 'Tin ore (cassiterite)'; 'Furniture' and
        # 'Furniture (steel)'; not 'Cotton' and 'Cottonseed (hybrid)'), and the good it is a
        # kind of (good_kinds: rubber gloves are gloves, so China's listing of Gloves is a
        # Chinese maker's of rubber gloves; not the other way: gloves may be of cotton)
        for good, of_sector in self.good_sectors.items():
            words = _words(good)
            variants = [
                other
                for other, other_sector in sorted(self.good_sectors.items())
                if other != good and other_sector == of_sector and _prefix(words, _words(other))
            ]
            kind_of = self.good_kinds.get(good)
            if kind_of is not None and kind_of not in variants:
                variants.append(kind_of)
            self._variants[good] = tuple(variants)
        for sector in self.sectors.values():
            for text in (sector.id, sector.name, *sector.aliases):
                self._sector_keys.setdefault(text_key(text), sector.id)
            self._sector_texts[sector.id] = tuple(
                frozenset(text_key(text).split())
                for text in (sector.id, sector.name, *sector.aliases)
            )
        joined: dict[str, set[str]] = {}
        for key, sector_id in self._sector_keys.items():
            joined.setdefault(key.replace(" ", ""), set()).add(sector_id)
        for key in self._sector_keys:
            if len(joined[key.replace(" ", "")]) == 1:
                self._joined_keys.setdefault(key.replace(" ", ""), key)
        alias_words = [key.split() for key in self.good_aliases]
        self._alias_length = max((len(words) for words in alias_words), default=0)
        self._alias_prefixes = frozenset(
            " ".join(words[:size]) for words in alias_words for size in range(1, len(words) + 1)
        )
        self._bare_goods.update(self._find_bare_goods())
        for text in (*self._sector_keys, *self.good_aliases):
            self._vocabulary.update(text_key(text).split())
        for listing in self.goods:
            self._listings_by_sector.setdefault((listing.sector, listing.iso3), []).append(listing)
            self._listings_by_good.setdefault((listing.good, listing.iso3), []).append(listing)
        goods_of: dict[str, set[str]] = {}
        for good, sector_id in self.good_sectors.items():
            goods_of.setdefault(sector_id, set()).add(good)
        self._sector_goods.update((s, frozenset(goods)) for s, goods in goods_of.items())
        for sector in self.sectors.values():
            if sector.not_commodities:
                stages = {sector.id}
                stack = list(sector.inputs)
                while stack:
                    upstream = stack.pop()
                    if upstream not in stages and upstream in self.sectors:
                        stages.add(upstream)
                        stack.extend(self.sectors[upstream].inputs)
                self._materials[sector.id] = frozenset(
                    good for stage in stages for good in self._sector_goods.get(stage, ())
                )
        self._find_own_words()

    def _find_own_words(self) -> None:
        """Each distinct product's own words and shared materials (see _own_applies). Its
        own words are those of its name (brackets aside) that are no word of a name of the
        sector's other goods or of its materials, distinct products of upstream stages apart
        ('silk' of Silk Fabric, as of Silk Thread; 'dried' of Dried Fish; 'goods' and
        'accessories' of Leather Goods/Accessories). Its shared materials are the goods of
        the stages upstream whose name lies within its own ('leather' in 'leather goods',
        'fish' in 'dried fish'): the material of the sector's other goods as well."""
        distinct = {good for sector in self.sectors.values() for good in sector.not_commodities}
        names: dict[str, set[str]] = {}
        for name, good in self.good_aliases.items():
            names.setdefault(good, set()).update(name.split())
        for sector in self.sectors.values():
            if not sector.not_commodities:
                continue
            main = [g for g in self._materials.get(sector.id, ()) if g not in distinct]
            taken = {word for good in main for word in (*_words(good), *names.get(good, ()))}
            for good in sector.not_commodities:
                own = set(_words(good))
                self._own_words[good] = frozenset(own - taken)
                for word in names.get(good, set()) - taken:
                    for material in main:
                        self._marks.setdefault(word, {}).setdefault(material, set()).add(good)
                shared = [
                    m
                    for m in main
                    if self.good_sectors.get(m) != sector.id and set(_words(m)) <= own
                ]
                self._shared[good] = frozenset(
                    g for m in shared for g in (m, *self._variants.get(m, ()))
                )

    def _find_bare_goods(self) -> dict[str, tuple[frozenset[str], ...]]:
        """The aliases of raw materials' sectors that name only a good ('coffee', 'cocoa
        beans', 'wood'; not 'coffee farm' or 'fishing'), each with the good's names as words:
        the alias and the good it names, else the sector's goods ('Kaffee' in an overlay)."""
        found: dict[str, tuple[frozenset[str], ...]] = {}
        for sector in self.sectors.values():
            if sector.stage != "raw":
                continue
            for alias in sector.aliases:
                key = text_key(alias)
                named = self._named_good(alias)  # (its name alone: see _beside_a_good)
                if self._sector_keys[key] != sector.id or (
                    named is None and (" " in key or key in _RAW_WORK)
                ):
                    continue
                goods = (
                    [named]
                    if named
                    else [g for g, s in self.good_sectors.items() if s == sector.id]
                )
                found[key] = tuple(
                    frozenset(text_key(good_base(n)).split()) for n in [alias, *goods]
                )
        return found

    # -- lookups ---------------------------------------------------------------------------

    def match_sector(self, value: str) -> SectorMatch:
        """Sector text to taxonomy id: id, name or alias, else the longest alias contained;
        a raw material's good named beside other words only as _beside_a_good allows."""
        return _match_sector_cached(self, value)

    def sector_named(self, value: str) -> str | None:
        """The sector a text is the id, name or alias of, as a whole ('garment
        manufacturing', 'Cocoa'), or None: never one only contained in it."""
        return self._sector_keys.get(text_key(value))

    def match_good(self, product: str) -> str | None:
        """A product as written ('cocoa beans', 'frozen skipjack tuna') to a good of the DOL
        list ('Cocoa', 'Fish'): a good's name or alias, alone or amid qualifiers (see
        _reading); found once for each text."""
        try:
            return self._matched[product]
        except KeyError:
            found = _WHOLE_GOOD_WORDS.get(text_key(product))
            if found not in self.good_sectors:
                found = self._match_good(product)
            self._matched[product] = found
            return found

    def good_named(self, product: str) -> str | None:
        """The listed good a product names for what is handled beneath a supplier and
        inferred there: match_good's, or the second of its two words', as written or once
        qualifiers are aside ('bigeye tuna', 'frozen bigeye tuna': the first says which kind,
        see _kind_of; not a side ingredient of a longer name: 'chocolate with hazelnuts'),
        but not where the two name the work of a sector the good does not go to ('cocoa
        butter', cocoa processing's: no butter of Dairy Products). Where a state makes the
        good's material a distinct product, the good of the material, whose sector says
        where it comes from ('dried squid', 'salted tuna': Squid, Fish, from vessels; 'dried
        shrimp': Shrimp, from farms; match_good reads them Dried Fish)."""
        try:
            return self._kinds[product]
        except KeyError:
            pass
        good = self.match_good(product)
        if good is not None:
            # (read amid qualifiers)
            if self._named_good(product) is None and self._reading(product).plain:
                good = self._made_of.get(product, good)
        else:
            # (once qualifiers are aside, the first word names no good: 'organic peanut
            # butter' is not read as 'peanut butter' is)
            reading = self._reading(product)
            for words in (product.split(), reading.kept if reading.good else ()):
                named = (
                    self.match_good(words[1])
                    if len(words) == 2 and text_key(words[1]) not in _WHOLE_GOOD_WORDS
                    else None
                )
                if named is None or not self._kind_of(words[0], words[1], named):
                    continue
                if self._goes_to(words, named):
                    good = named
                    break
        self._kinds[product] = good
        return good

    def grows_there(self, sector_id: str, iso3: str | None, products: tuple[str, ...] = ()) -> bool:
        """Whether a supplier of a country may be of this sector as far as the risk data
        tells: yes for a sector of no raw material, and in a country not known (scored at
        the worst case of the countries that grow it); for a farm, mine or vessel sector,
        where the country produces one of the commodities its products name (a share of
        world production) or their goods are listed there (China mines gold, tin and mica,
        but no cobalt: a Chinese supplier of "cobalt hydroxide" is no artisanal mine); of
        products naming none of the sector's commodities (or none given), one of the
        sector's commodities or any of its goods listed there. Of several commodities named,
        one produced there is enough: it may be a mine of that one. Made once for each
        sector, country and commodities named."""
        sector = self.sectors.get(sector_id)
        if sector is None or sector.stage != "raw" or iso3 is None:
            return True
        commodities = tuple(sector.commodities)
        named = self.commodities_named(sector_id, products) if products else commodities
        key = (sector_id, iso3, named)
        found = self._grows.get(key)
        if found is None:
            listed = self._listings_by_sector.get((sector_id, iso3), [])
            if named != commodities:
                # (only the listings of the goods of the commodities named)
                goods = {g for c in named for g in self.commodity_goods(c, sector_id)}
                listed = [listing for listing in listed if listing.good in goods]
            found = self._grows[key] = bool(listed) or any(
                share.iso3 == iso3
                for commodity in named
                for share in self.origins.get(commodity, ())
            )
        return found

    def listed_pct(self, commodity: str) -> float:
        """The percentage of world production of a commodity that the producers origins.csv
        names make: their published shares added up (OTH, "other countries", and CN-XJ, a
        part of China's, aside); made once for each."""
        found = self._listed_pct.get(commodity)
        if found is None:
            found = self._listed_pct[commodity] = sum(
                share.share_pct or 0.0
                for share in self.origins.get(commodity, ())
                if share.iso3 not in ORIGIN_PSEUDO_CODES
            )
        return found

    def not_world_total(self, commodity: str) -> str:
        """What the shares of a commodity are of, in its source's words, where that is no
        world total ("sum of the 18 listed countries", "world total excl. USA"); "" where
        they are shares of world production. Made once for each."""
        found = self._share_base.get(commodity)
        if found is None:
            found = self._share_base[commodity] = next(
                (
                    m[0]
                    for share in self.origins.get(commodity, ())
                    if (m := _NOT_WORLD_TOTAL.search(share.source_name))
                ),
                "",
            )
        return found

    def all_listed(self, commodity: str) -> bool:
        """Whether the producers origins.csv lists of a commodity make (nearly) all of world
        production: shares of a world total that add up to ALL_PRODUCERS_PCT or more."""
        return self.listed_pct(commodity) >= ALL_PRODUCERS_PCT and not self.not_world_total(
            commodity
        )

    def commodities_named(self, sector_id: str, products: tuple[str, ...]) -> tuple[str, ...]:
        """The commodities of a raw sector whose goods products name ('cobalt hydroxide' at
        artisanal mines: cobalt), else all of them; made once for each."""
        key = (sector_id, products)
        found = self._named_commodities.get(key)
        if found is None:
            commodities = self.sectors[sector_id].commodities
            goods = {self.good_named(p) for p in products} - {None}
            found = tuple(
                c for c in commodities if goods.intersection(self.commodity_goods(c, sector_id))
            ) or tuple(commodities)
            self._named_commodities[key] = found
        return found

    def none_there(self, sector_id: str, iso3: str | None, products: tuple[str, ...]) -> bool:
        """Whether the risk data says a country produces none of the goods of a raw sector
        that products name: it is no producer of those goods there (grows_there), and
        the producers listed of each commodity they name (commodities_named) make (nearly)
        all of world production (all_listed): a German supplier of cocoa beans is no
        farm, nor a Belgian one of cobalt hydroxide a mine. Where a list holds only the
        largest producers (capture fisheries: the top ten, 56 % of world production), or the
        sector has no commodity with shares (coal, tobacco), a country not listed is only not
        among the main producers listed: that rules it out no more than it rules it in; as
        where the shares are of no world total (hazelnuts: of the countries a page lists)."""
        sector = self.sectors.get(sector_id)
        if sector is None or not sector.commodities:
            return False
        if self.grows_there(sector_id, iso3, products):
            return False
        return all(self.all_listed(c) for c in self.commodities_named(sector_id, products))

    def product_sector(self, product: str) -> str | None:
        """The sector a supplier naming this product is in, as far as the product says, of
        a supplier of any country: see product_sector_in."""
        return self._product_sector(product, one_word=True)

    def product_sector_in(self, product: str, iso3: str | None) -> str | None:
        """product_sector for a supplier of this country: a one-word made good ('shirts',
        'jeans') gives its sector only where the risk data lists that sector's goods in the
        country (shirts from Türkiye: garment manufacturing; shirts from a German retailer
        or forwarder give no sector, and it is read as a trader of them)."""
        return self._product_sector(product, one_word=self._makes_there(product, iso3))

    def _makes_there(self, product: str, iso3: str | None) -> bool:
        """Whether the sector of this one-word made good has goods listed in the country."""
        sector = self.made_good_sector(product)
        return (
            sector is not None
            and iso3 is not None
            and bool(self._listings_by_sector.get((sector, iso3)))
        )

    def _product_sector(self, product: str, *, one_word: bool) -> str | None:
        """The sector a supplier naming this product is in, as far as the product says (for
        a supplier of no sector of its own): the sector whose name or alias the product is,
        in two words or more ('roasted coffee': coffee roasting; 'chips' or 'ingots' alone
        may be many things), or in one word where it is a made good of that sector
        ('shirts', 'jeans': garment manufacturing); else that of the listed good it names,
        as written ('cocoa beans': cocoa farming) or with words of its grade, standard or a
        farm's own work only ('organic cocoa beans', 'dried cocoa beans'); "" where other
        words stand beside the good ('roasted coffee beans', 'canned tuna', 'wild-caught
        shrimp', 'tuna in tin cans': worked, packed or got otherwise than its sector says):
        no sector is guessed; None where it names no good."""
        key = text_key(product)
        sector = self._sector_keys.get(key)
        if sector is not None and " " in key:
            return sector
        # (one word too where it is a made good of that sector, as made_good_sectors reads
        # it: 'shirts', 'jeans', 'hoodies' are garment manufacturing's goods; 'chips' alone
        # is none)
        if one_word and sector is not None and self.made_good_sector(product) == sector:
            return sector
        # (and a made good written with words of its form or of whom it is for, as
        # made_good_sector reads them: "kids t-shirts", "men's t-shirts", "ladies blouses")
        if one_word and sector is None and " " in key:
            made = self.made_good_sector(product)
            if made is not None:
                return made
        good = self.match_good(product)
        # (one word too where it names a worked form of the good it names: 'fishmeal' is
        # made from Fish, by seafood processing, as 'fish meal')
        if (
            sector is not None
            and good is not None
            and (own := self.good_sectors.get(good)) is not None
            and sector in self._downstream_of(own)
        ):
            return sector
        if good is None:
            return None
        if self._named_good(product) is None:
            _good, kept, _plain = self._reading(product)
            beside = [w for w in exact_key(product).split() if w not in kept]
            # (a made good's own words of what it is for are no other work: 'nitrile
            # examination gloves' are rubber products as 'nitrile gloves' are)
            making = self.sectors[self.good_sectors[good]].stage == "manufacturing"
            usual = _AS_GROWN | (_OWN_QUALIFIERS.get(good, frozenset()) if making else frozenset())
            # (none beside: the good named in runs of its own names, 'skipjack tuna')
            if beside and not all(text_key(w) in usual for w in beside):
                return ""
        return self.good_sectors.get(good)

    def words_said(self, product: str) -> frozenset[str]:
        """The words (exact_key's) a product says of what it is, for reading the commodities
        and raw goods it names: those read_denials reads as said, but for the word of a good
        that there names a container ('tin' of 'tea tin', 'tin cans', 'tin boxes', 'tins',
        'tea in tins': see _as_container); a container or what is packed in it is no
        commodity of the mines ('tinned tomatoes' names no tin either, 'tinned' being no
        word of it), and 'tin', 'tin ingots', 'tin solder', 'tin ore' keep it. Found once
        for each product."""
        found = self._words_said.get(product)
        if found is None:
            denials = read_denials(product)
            written = exact_key(product).split()
            if len(written) != len(denials.at):  # (never, as both read exact_key's words)
                found = denials.said
            else:
                container = self._as_container(written)
                found = frozenset(
                    word
                    for word, part, held in zip(written, denials.at, container, strict=True)
                    if part == SAID and not held
                )
            self._words_said[product] = found
        return found

    def _as_container(self, written: list[str]) -> list[bool]:
        """Which words of a product (exact_key's) name a container, though one of them may
        name a good elsewhere ('tin'): packing (_packing: 'in tin cans', '6 x 1 kg tins of
        tuna'); a container's word in the plural ('tins', 'tea tins': the metal is counted
        in no tins); one before another container's word ('tin cans', 'tin box'); and one
        that ends a product after a word of what it holds ('tea tin', 'chocolate tin',
        'cookie tin': a listed or made good other than a mine's, or _HELD). Not one after
        any other word: 'refined tin', 'Bolivian tin', 'lead-free tin' are the metal."""
        found = _packing(written)
        last = len(written) - 1
        for i, word in enumerate(written):
            key = text_key(word)
            if found[i] or key not in _CONTAINERS or self._named_good(key) is None:
                continue  # (most words: no container's word that names a good, but 'tin')
            after = text_key(written[i + 1]) if i < last else ""
            found[i] = (
                word != key
                or after in _CONTAINERS
                or (i == last and i > 0 and self._holds(text_key(written[i - 1])))
            )
        return found

    def _holds(self, key: str) -> bool:
        """Whether a word (text_key's) before a container's word names what it holds: a
        listed good that is no mine's ('tea', 'coffee', 'tuna'), a made good ('chocolate'),
        or one of _HELD ('cookie', 'paint', 'gift')."""
        if key in _HELD or key in self._made_names():
            return True
        good = self._named_good(key)
        return good is not None and self.good_sectors.get(good) not in _MINES

    def made_good_sector(self, product: str) -> str | None:
        """The processing or manufacturing sector whose made good a product names by the
        taxonomy's words, where it names the goods of one sector (see made_good_sectors);
        None where it names none, the goods of several sectors, or none plainly."""
        found = self.made_good_sectors(product)
        return found[0] if len(found) == 1 else None

    def made_good_sectors(self, product: str) -> tuple[str, ...]:
        """The processing or manufacturing sectors whose made goods a product names by the
        taxonomy's words, for a trader of anything that names them ('t-shirts', 'jeans':
        garment manufacturing; 'chocolate bars': chocolate manufacturing; 'cocoa powder':
        cocoa processing; 'smartphones': electronics manufacturing; 't-shirts and
        smartphones': both); none where it names none, or not plainly. Found once for each
        product.

        Stricter than match_sector, which takes the longest alias a text contains (a sector
        column names work, and 'coffee machines' or 'chocolate-free' would be read there as
        coffee or chocolate). Here a product names a sector's made good only where:
        - a name or alias of a sector of the processing or manufacturing stage is a run of
          the words it says (in the singular, as text_key reads them), longer runs first,
          none overlapping another ('chocolate couverture', 't-shirts and jeans': one sector;
          'lithium-ion batteries': the longer name); a name or alias that names a business,
          its site, work or machines ('garment factory', 'cocoa grinder', 'spinning mill',
          'cannery', 'EMS': _BUSINESS_WORDS) is none, nor is one all of whose words say a
          form ('chips'), nor one another sector holds first;
        - each of its other words only says its form, packing or quantity, grade or standard,
          condition, cut, colour, size, capacity or whom it is for ('bars', 'tablets', '10
          pcs', 'in boxes', 'organic', 'alkalised', 'refurbished', 'crew neck', '128GB',
          'dark', "men's": _FORM_WORDS, _SPECS and _packing), which piece of jewellery it is
          ('wedding rings': _PIECE_WORDS), or where it is from ('Swiss'),
          or is the first word of a raw material beneath that sector ('cotton t-shirts',
          'gold jewellery', 'lithium batteries': of its own material, as cotton is beneath a
          garment factory), or, beside garments (made of cloth: _of_cloth), another fibre or
          cloth ('polyester t-shirts': _FIBRES; a blend may hold cotton; not 'polyester
          yarn'), or joins two goods named ('and'); any other word makes it another good or
          work ('coffee machines', 'tuna tins', 'tea tin', 'chocolate spread'), which is
          none; so does a listed good of another sector named after it, the head of the
          product ('chocolate milk': milk, Dairy Products);
        - a good worked from the mineral it names (jewellery: made_of_named_mineral) said to
          be of another material than a precious metal or gem, or a likeness of one
          ('plastic bracelets', 'leather bracelets', 'costume jewellery': _NOT_PRECIOUS), is
          none, nor is the product read as the goods of two sectors;
        - the words it denies, as read_denials reads them, are no part of it and leave the
          rest as it is ('sugar-free chocolate', 'cocoa-free chocolate', 't-shirts, not
          cotton': chocolate, t-shirts; inference leaves out the good denied), nor are the
          words a denial runs on over ('organic chocolate, no palm oil': 'oil'); a made good
          it denies is none ('chocolate-free', 'no t-shirts');
        - a word before the first name that the taxonomy does not know (_maker_word) is a
          maker's or brand's name, however it is written ('Samsung smartphones', 'samsung
          smartphones', 'SAMSUNG SMARTPHONES', 'LG smartphones', 'Lindt chocolate', 'Nike
          T-Shirts'), case telling nothing of a name in a product, where a brand is written
          in any case and an ordinary word capitalised at the start; a word it knows keeps
          its reading in any case ('Coffee machines', 'Leather jackets'), and so do a
          shorthand of what a good is made of ('NMC cathode', 'LFP batteries') and a word
          that makes it a likeness of the good or of another material ('Carob Chocolate',
          'imitation t-shirts', 'dummy smartphones': _NOT_KINDS);
        - a storage or memory word after a capacity is a specification ('laptops, 16GB RAM,
          512GB SSD': _SPEC_NOUNS); alone it is a good of its own ('laptop memory')."""
        try:
            return self._made_goods[product]
        except KeyError:
            pass
        found = self._made_goods[product] = self._made_goods_of(product)
        return found

    def _made_goods_of(self, product: str) -> tuple[str, ...]:
        """made_good_sectors' reading, done once for each product."""
        written = exact_key(product).split()
        at = read_denials(product).at
        if not written or len(at) != len(written) or not self._made_names():
            return ()
        keys = [text_key(word) for word in written]
        made = self._made_keys
        # the words it says, and the runs of them that name made goods, longer ones first
        free = [part == SAID for part in at]
        names: list[tuple[int, int, str]] = []
        for size in range(min(len(keys), self._made_length), 0, -1):
            for start in range(len(keys) - size + 1):
                sector_id = made.get(" ".join(keys[start : start + size]))
                if sector_id is not None and all(free[start : start + size]):
                    names.append((start, size, sector_id))
                    free[start : start + size] = [False] * size
        if not names:
            return ()
        sectors = tuple(sorted({sector_id for _, _, sector_id in names}))
        in_names = {i for start, size, _ in names for i in range(start, start + size)}
        head = max(start + size for start, size, _ in names)  # (the words after the last)
        aside = _denied_aside(product, at, in_names)
        packing = _packing(written)
        materials = frozenset().union(*map(self._raw_heads_beneath, sectors))
        fibres = any(map(self._of_cloth, sectors))
        beneath = frozenset().union(*map(self._beneath_sector, sectors))
        chain = frozenset(sectors) | beneath
        outside = set(_outside_places(self, written))  # (not in a place's or people's name)
        first = min(start for start, _, _ in names)
        goods_only = any(
            " ".join(keys[start : start + size]) in self._goods_only
            for start, size, _ in names
            if start == first
        )
        # a word of its material: the first word of a raw material beneath it ('gold'), a
        # listed good of a stage beneath it ('silver', 'diamond' beside jewellery), or
        # beside garments another fibre or cloth ('silk', see _FIBRES)
        material = [
            i < head
            and (
                key in materials
                or (fibres and key in _FIBRES)
                or self.good_sectors.get(self._named_good(key) or "") in beneath
            )
            for i, key in enumerate(keys)
        ]
        # a good worked from the mineral it names (jewellery: made_of_named_mineral) said of
        # another material or as a likeness of it ('plastic bracelets', 'leather bracelets',
        # 'costume jewellery': _NOT_PRECIOUS) is none, its chain of mines no part of it; one
        # that only says which piece it is ('wedding rings': _PIECE_WORDS) is that good
        of_mineral = all(self.sectors[s].made_of_named_mineral for s in sectors)
        if any(self.sectors[s].made_of_named_mineral for s in sectors) and any(
            key in _NOT_PRECIOUS and part == SAID for key, part in zip(keys, at, strict=True)
        ):
            return ()
        for i, (word, key) in enumerate(zip(written, keys, strict=True)):
            if i in in_names or aside[i] or i not in outside or packing[i]:
                continue
            if of_mineral and key in _PIECE_WORDS:
                continue
            if i < first and _maker_word(self, key) and not goods_only:
                continue  # (a maker's or brand's name: 'Samsung smartphones', 'LG phones')
            if key in _SPEC_NOUNS and i and _capacity(written[i - 2 : i]):
                continue  # ('16GB RAM', '512 GB SSD')
            good = self.match_good(word) if i >= head else None  # ('chocolate milk')
            if good is not None and self.good_sectors.get(good) not in chain:
                return ()
            if (
                key in _FORM_WORDS
                or material[i]
                or (fibres and key in _FIBRES)
                or (len(names) > 1 and key in _JOINING)
                # (two of its materials joined: 'silver and gold jewellery')
                or (key in _JOINING and 0 < i < head - 1 and material[i - 1] and material[i + 1])
                or _QUANTITY.fullmatch(word)
                or _SPECS.fullmatch(word)
            ):
                continue
            return ()
        return sectors

    def _made_names(self) -> dict[str, str]:
        """The names and aliases of made goods (see made_good_sector), and the names of its
        made goods a sector gives (Sector.made_goods), each in the singular and the plural
        ('batteries', 'battery'; 'ev battery', 'EV batteries': other_number), made once."""
        if not self._made_keys:
            found: dict[str, str] = {}
            for sector in self.sectors.values():
                if sector.stage not in MAKING_STAGES:
                    continue
                for text in (sector.id, sector.name, *sector.aliases, *sector.made_goods):
                    key = text_key(text)
                    words = key.split()
                    if (
                        self._sector_keys.get(key, sector.id) == sector.id
                        and _BUSINESS_WORDS.isdisjoint(words)
                        and not all(word in _FORM_WORDS for word in words)
                    ):
                        found.setdefault(key, sector.id)
                        if key not in self._sector_keys:
                            self._goods_only.update((key, other_number(key)))
            for key, sector_id in found.items():
                self._made_keys.setdefault(key, sector_id)
            for key, sector_id in found.items():
                self._made_keys.setdefault(other_number(key), sector_id)
            self._made_length = max((len(k.split()) for k in self._made_keys), default=0)
        return self._made_keys

    def _raw_heads_beneath(self, sector_id: str) -> frozenset[str]:
        """The first words of the raw materials of the stages beneath a sector ('cotton' for
        a garment factory; 'gold', 'tin' … for a jeweller), as text_key gives them."""
        found = self._raw_heads.get(sector_id)
        if found is None:
            found = self._raw_heads[sector_id] = frozenset(
                text_key(words[0])
                for upstream in self._beneath_sector(sector_id)
                for commodity in self.sectors[upstream].commodities
                if (words := exact_key(commodity).split())
            )
        return found

    def _of_cloth(self, sector_id: str) -> bool:
        """Whether a sector's made good is made of another made good of the cotton and
        garment chain (garments, of fabric), not of the fibre directly (yarn, fabric): a
        fibre named beside it is then no good of its own (_FIBRES)."""
        sectors = self.sectors
        return sectors[sector_id].chain == _FIBRE_CHAIN and any(
            sectors[s].stage == "manufacturing" for s in self._beneath_sector(sector_id)
        )

    def _beneath_sector(self, sector_id: str) -> frozenset[str]:
        """The stages beneath a sector: its inputs, theirs in turn (a garment factory: the
        finishing, fabric, yarn, ginning and cotton farms), made once for each."""
        found = self._upstream_of.get(sector_id)
        if found is None:
            seen: set[str] = set()
            stack = list(self.sectors[sector_id].inputs)
            while stack:
                upstream = stack.pop()
                if upstream not in seen and upstream in self.sectors:
                    seen.add(upstream)
                    stack.extend(self.sectors[upstream].inputs)
            found = self._upstream_of[sector_id] = frozenset(seen)
        return found

    def _kind_of(self, first: str, second: str, good: str) -> bool:
        """Whether the first of two words may say which kind of the good the second names
        ('bigeye tuna', 'basmati rice', 'leather shoes', 'tomato ketchup'). Not where the
        second packs the good ('tuna tins', 'cookie tins', 'tea tin': a container's word is
        no good of its own beside another), nor where the first denies it ('not tuna',
        'non-cotton', 'without cocoa'), is another material, a likeness of the good or what
        is left of it ('polyester yarn', 'vegan tuna', 'spent coffee': _NOT_KINDS), a
        people's name ('Swedish fish': where from, not which kind; match_good reads the
        origins it knows), makes the good's material a distinct product ('silk textiles':
        see _marks), or names another good that is no material of it ('peanut butter',
        'coconut milk': see _material_of), nor where the second is a metal's name in a language
        that writes a kind after it ('café Oro' is a brand's: see _NAMED_ALONE)."""
        if text_key(second) in _CONTAINERS or text_key(second) in _NAMED_ALONE:
            return False
        for word in exact_key(first).split():
            key = text_key(word)
            if word in _DENIES or key in _NOT_KINDS or _people_like(word):
                return False
            if good in self._marks.get(key, {}):
                return False
        other = self._named_good(first)
        if other is not None and text_key(first) in _NAMED_ALONE:
            return True  # (its brand: 'Oro coffee')
        return other is None or other == good or self._material_of(other, first, good)

    def _material_of(self, material: str, written: str, good: str) -> bool:
        """Whether a good (written as `written`) may be what another is made of: its sector
        is upstream of the other's ('leather shoes', 'cotton fabric'), and where the other's
        is a broad sector of distinct products (food manufacturing), its name is in the
        other's ('tomato ketchup': Tomato Products; 'peanut butter' is no Dairy Products)."""
        own, of = self.good_sectors.get(good), self.good_sectors.get(material)
        if own is None or of is None or own not in self._downstream_of(of):
            return False
        return not self.sectors[own].broad or set(text_key(written).split()) <= set(
            text_key(good_base(good)).split()
        )

    def _goes_to(self, words: Collection[str], good: str) -> bool:
        """Whether words may name a good as far as the sectors tell: not where they are the
        name or alias of a sector the good's does not go to, its own or one downstream of
        it ('cocoa butter' is cocoa processing's, to which no Dairy Products go; 'roasted
        coffee' is coffee roasting's, where Coffee goes)."""
        sector = self._sector_keys.get(text_key(" ".join(words)))
        own = self.good_sectors.get(good)
        return sector is None or own is None or sector == own or sector in self._downstream_of(own)

    def good_chain(self, product: str) -> str | None:
        """The value chain of the sector of the listed good a product names (match_good):
        'gold' minerals, 'grain' another; None where it names none."""
        sector = self.sectors.get(self.good_sectors.get(self.match_good(product) or "", ""))
        return sector.chain if sector is not None else None

    def good_suggestion(self, product: str) -> str | None:
        """For a product that is no listed good's name or alias (match_good): the one it is
        most like, where the two differ as a slip of the keyboard does ('cocoa beanz':
        'cocoa beans'); None otherwise (most products name no listed good, rightly:
        'logistics', 'packaging'). Found once for each text."""
        try:
            return self._suggested[product]
        except KeyError:
            pass
        # a slip in one word of a name of several ('cocoa beanz'): the name shares a word
        # with the product; one word a letter away is most often another word ('peas',
        # 'pears'; 'oats', 'goats'). Names sharing no word are ruled out first: most
        # products share none (a part number, 'logistics'), and are not looked up further
        if not self._alias_words:  # (made once: the names with each word)
            for name in self._alias_names:
                for word in set(name.split()):
                    self._alias_words.setdefault(word, []).append(name)
        key = exact_key(product)
        near = {n for word in set(key.split()) for n in self._alias_words.get(word, ())}
        near.discard(key)
        found = None
        if near and self.match_good(product) is None:
            from rapidfuzz import fuzz, process

            best = process.extractOne(key, sorted(near), scorer=fuzz.ratio, score_cutoff=88)
            found = best[0] if best else None
        if found is None and self.match_good(product) is None:
            found = self._slip_in_a_word(product)
        self._suggested[product] = found
        return found

    def _slip_in_a_word(self, product: str) -> str | None:
        """The product as it reads with one word's slip mended, where it then names a listed
        good (match_good): one word a letter away (one left out, added, changed or two
        swapped) from a word of a good's name or of its qualifiers, amid words that are known
        ('shelled hazlenuts', 'cashew kernals W320', 'blak tea CTC', 'basmatti rice': a
        qualifier beside the slip leaves the whole no name to be like). Beside no good already
        named, only a word of six letters or more is mended ('rw cane sugar', 'blak tea CTC'
        are; of a short word one letter is much of it, and it is most often another word:
        'frozen peas' are no pears, 'bulk drugs' no rugs). A product of one word is
        good_suggestion's own ('drugs': no slip of 'rugs'). Never read as the good: a
        suggestion only."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if not self._slip_words:  # (made once: the words of the names and qualifiers)
            words = {w for name in self._alias_names for w in name.split()}
            words |= _QUALIFIERS.union(*_OWN_QUALIFIERS.values())
            self._slip_words.extend(sorted(w for w in words if w.isalpha()))
            # and the words known otherwise, of work, packing and form ('sugar cane cans':
            # no slip for 'cane')
            self._slip_known.update(
                self._slip_words,
                (w for key in self._sector_keys for w in key.split()),
                _CONTAINERS | _UNITS | _MEDIA | _OTHER_WORK | _FORM_WORDS | _NOT_KINDS,
                _BUSINESS_WORDS | _CONTAINER_MATERIALS | _DENIED | _EITHER | _SEVERAL,
                _PREPARED,
            )
        written = exact_key(product).split()
        if any(text_key(word) in _NAMED_ALONE for word in written):
            return None  # (a brand's or a place's words: 'Ouro Fino', 'Oro Mio')
        known = self._slip_known
        unknown = [
            i
            for i, word in enumerate(written)
            if word.isalpha() and word not in known and text_key(word) not in known
        ]
        if len(unknown) != 1 or len(written) < 2:  # (of two words unknown: another's)
            return None
        [at] = unknown
        word = written[at]
        if len(word) < 6 and self._reading(product).good is None:
            return None
        for mended, _, _ in process.extract(
            word, self._slip_words, scorer=OSA.distance, score_cutoff=1, limit=None
        ):
            if mended == word or text_key(mended) == text_key(word) or _machine_of(word, mended):
                continue
            text = " ".join([*written[:at], mended, *written[at + 1 :]])
            if self.match_good(text) is not None:
                # (as written, but the word mended: 'cashew kernels W320')
                found = re.sub(rf"(?i)\b{re.escape(word)}\b", mended, product, count=1)
                return found if exact_key(found) == text else text
        return None

    def _match_good(self, product: str) -> str | None:
        found = self._named_good(product)
        if found is None:
            reading = self._reading(product)
            found = reading.good if reading.plain else self._named_good(product, variants=True)
        return found

    def _named_good(self, text: str, variants: bool = False) -> str | None:
        """The good a text is a name or alias of, itself or in the singular ('cocoa bean'),
        but for a container's word in the plural ('tins': no Tin, see _as_container); found
        once for each text (a run of words of _named_runs too). With `variants`, or without
        what it adds in brackets or after a dash ('coffee (green beans)', 'fish & seafood -
        capture')."""
        if variants:
            # "coffee (green beans)" → "coffee"; "fish & seafood - capture" → "fish & seafood"
            for variant in (
                re.sub(r"\s*\(.*?\)", "", text),
                re.split(r"\s[-–(&]\s?", text)[0],
            ):
                found = self._singular_good(variant)
                if found is not None:
                    return found
            return None
        try:
            return self._names[text]
        except KeyError:
            found = self._names[text] = self.good_aliases.get(
                exact_key(text)
            ) or self._singular_good(text)
            return found

    def _singular_good(self, text: str) -> str | None:
        """The good a text in the singular (text_key's) is a name or alias of, but none for
        a container's word in the plural ('tins' are containers, not Tin)."""
        singular = text_key(text)
        if singular in _CONTAINERS and singular != exact_key(text):
            return None
        return self.good_aliases.get(singular)

    def _reading(self, product: str) -> _Reading:
        """A product read as a good's name amid qualifiers: the one good its runs of words
        name (_named_runs: 'skipjack' and 'tuna' both name Fish), else None; its words that
        are no qualifier of that good (see _qualified), as exact_key gives them; and whether
        those are all of its runs, so that it names the good ('frozen skipjack tuna',
        'Ivorian cocoa beans in jute bags': Fish, Cocoa; 'frozen bigeye tuna' leaves
        'bigeye tuna', 'coffee machine' leaves 'coffee machine', 'cocoa butter' names two
        goods). The good of its material, where a state makes it a distinct product, is kept
        in _made_of ('dried squid': Dried Fish, of Squid). A good it denies is none of its
        goods, as read_denials reads its denials ('not tuna', 'non-cotton', 'no cobalt or
        nickel': none; 'non-cotton yarn': Thread/Yarn; 'sugar-free cocoa': Cocoa, its
        reading then not plain, 'sugar' being no qualifier). What it adds in brackets is
        read with it ('bagged Stones (limestone)'), else set aside ('frozen tuna (whole
        round)'). Found once for each product."""
        found = self._readings.get(product)
        if found is not None:
            return found
        texts = [product, re.sub(r"\s*\(.*?\)", " ", product)] if "(" in product else [product]
        # a qualifier may begin a good's alias and end before a longer one does ('raw cocoa
        # beans': 'raw cocoa', Cocoa, leaves 'beans', Beans): read again, its qualifiers then
        # beginning none
        for text in texts:
            written = exact_key(text).split()
            # (read again only where a qualifier may have begun a run)
            again = any(text_key(word) in _QUALIFIERS for word in written[:-1])
            for aside in (False, True) if again else (False,):
                found, material = self._read(written, read_denials(text).at, aside)
                self._readings[product] = found
                if found.plain:
                    if material is not None:
                        self._made_of[product] = material
                    return found
        return self._readings[product]

    def _read(
        self, written: list[str], at: tuple[int, ...], aside: bool
    ) -> tuple[_Reading, str | None]:
        """A product's words (exact_key's) read as _reading says, and the good of its
        material where a state made it a distinct product; `at`: what each word is to its
        denials (read_denials); with `aside`, no run of its words that names a good holds a
        qualifier."""
        # packing first: its words name no good ("in jute bags", "in tin cans")
        packing = _packing(written)
        for i, pair in enumerate(pairwise(written)):
            if pair in _STATES_OF_TWO:
                packing[i] = packing[i + 1] = True
        used = list(packing)
        if aside:
            used = [u or text_key(w) in _QUALIFIERS for u, w in zip(used, written, strict=True)]
        # its goods are named by the words it says (the others used up): a good denied, or
        # maybe denied ('no cobalt and tin solder': tin), is none of them ("not tuna", "no
        # cobalt or nickel": none; "non-cotton yarn": Thread/Yarn, by 'yarn')
        saying = [u or part != SAID for u, part in zip(used, at, strict=True)]
        named = self._form_of_a_good(written, list(self._named_runs(written, (), saying)))
        runs = [(start, size) for start, size, _ in named]
        # and the words of a denial of a good qualify the rest ("tuna, not shrimp": Fish;
        # not words it may not reach: 'tin solder and cobalt free' names no good for certain)
        denying = [u or part == SAID for u, part in zip(used, at, strict=True)]
        goods_denied = [
            (start, start + size)
            for start, size, _ in self._named_runs(written, (), denying)
            if all(part == DENIED for part in at[start : start + size])
        ]
        # and so do those of a denial of a harm, no good ("conflict-free gold", "child
        # labour free cocoa", "forced-labour-free cotton": Gold, Cocoa, Cotton)
        denied = [False] * len(written)
        for first, end in [*goods_denied, *_harms_denied(written, at)]:
            while first and at[first - 1] in (DENIED, DENYING):
                first -= 1
            while end < len(written) and at[end] in (DENIED, DENYING):
                end += 1
            denied[first:end] = [True] * (end - first)
        goods = {good for _, _, good in named}
        good = goods.pop() if len(goods) == 1 else None
        in_runs = [False] * len(written)
        for start, size in runs:
            in_runs[start : start + size] = [True] * size
        qualified = self._qualified(written, good, packing, in_runs) if runs else packing
        qualified = [q or d for q, d in zip(qualified, denied, strict=True)]
        kept = tuple(w for i, w in enumerate(written) if in_runs[i] or not qualified[i])
        plain = good is not None and all(in_runs[i] or qualified[i] for i in range(len(written)))
        material = None
        if good is not None and not plain:
            # the good's material, made a distinct product by a state beside it ('dried
            # shrimp', 'salted squid': Dried Fish, as 'dried fish' is)
            made = {
                frozenset(self._marks.get(text_key(written[i]), {}).get(good, ()))
                if text_key(written[i]) in _QUALIFIERS
                else frozenset()
                for i in range(len(written))
                if not in_runs[i] and not qualified[i]
            }
            if len(made) == 1 and len(made_into := next(iter(made))) == 1:
                material, good, plain = good, next(iter(made_into)), True
        if plain and good is not None and not self._goes_to(written, good):
            plain = False
        return _Reading(good, kept, plain), material

    def _form_of_a_good(
        self, written: list[str], runs: list[tuple[int, int, str]]
    ) -> list[tuple[int, int, str]]:
        """The runs of a product's words that name goods, each with its good; but a run
        naming another good whose words all are words of an alias of the one good another
        run names names the form that good is traded in, and that good ('robusta green
        beans': 'green beans', of 'green coffee beans', are Coffee's beans, no Beans (green
        beans); 'robusta beans' alike). Not in a product joining two ('coffee and green
        beans' names both), nor before it ('tomato ketchup')."""
        goods = {good for _, _, good in runs}
        if len(goods) != 2 or not _EITHER.isdisjoint(written):
            return runs
        forms = [  # (the form after the good's name: 'tomato ketchup' is no form of tomato)
            any(
                other != good
                and at < start
                and self._in_an_alias(written[start : start + size], other)
                for at, _, other in runs
            )
            for start, size, good in runs
        ]
        named = {good for (_, _, good), form in zip(runs, forms, strict=True) if not form}
        if len(named) != 1:
            return runs
        [good] = named
        return [(start, size, good) for start, size, _ in runs]

    def _in_an_alias(self, words: list[str], good: str) -> bool:
        """Whether some alias of a good holds all these words (text_key's forms) and more."""
        said = {text_key(word) for word in words}
        found = self._good_alias_words.get(good)
        if found is None:
            found = self._good_alias_words[good] = tuple(
                frozenset(text_key(word) for word in alias.split())
                for alias, named in self.good_aliases.items()
                if named == good
            )
        return any(said < words_of for words_of in found)

    def _qualified(
        self, written: list[str], good: str | None, packing: list[bool], in_runs: list[bool]
    ) -> list[bool]:
        """Which words of a product (exact_key's) are qualifiers of a good named beside
        them: packing ('in 50 kg bags', 'bulk', see _packing), a state, standard or grade
        ('frozen', 'organic', 'grade A', 'fair trade'), a word that denies one ('not
        wild-caught', 'non-GMO', 'GMO-free'), an origin ('Ivorian', 'from Ghana'), and for
        seafood how it was got ('wild-caught', 'farm-raised': said_caught reads those). Not
        a word that makes the good's material a distinct product ('dried shrimp', Dried Fish:
        _marks)."""
        words = [text_key(word) for word in written]
        chain = None if good is None else self.sectors[self.good_sectors[good]].chain
        seafood = chain == "seafood"
        # (coffee's export grades: 'SHG', 'AA', 'screen 18')
        grades = _COFFEE_GRADES if chain == "coffee" else frozenset()
        own = _OWN_QUALIFIERS.get(good, frozenset()) if good is not None else frozenset()
        how = _CAUGHT | _FARMED if seafood else frozenset()
        said = list(packing)
        for i, word in enumerate(words):
            if said[i] or in_runs[i] or (good is not None and good in self._marks.get(word, {})):
                continue
            before, after = words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""
            said[i] = (
                word in _QUALIFIERS
                or written[i] in how
                or (word == "fair" and after == "trade")
                or (word == "trade" and before == "fair")
                or word in grades
                or word in own
                or (bool(grades) and bool(_COFFEE_NY.fullmatch(word)))
                or (bool(_GRADE_MARK.fullmatch(word)) and (before in _GRADES or after in _GRADES))
                or (word in _GRADES and any(map(_GRADE_MARK.fullmatch, (before, after))))
                or bool(_GRADE_CODE.fullmatch(word))
                or (word in _RUBBER_GRADES and after.isdigit())
                or (before in _RUBBER_GRADES and word.isdigit())
                or (word in _BROKEN and before.isdigit() and said[i - 1])
                or (word == "crop" and before in _CROPS)
                or (word in _CROPS and after == "crop")
                or (word in _CURED and before in _CURINGS)
                or (word in _CURINGS and after in _CURED)
                or (bool(grades) and word == "screen" and after.isdigit())
                or (bool(grades) and before == "screen" and word.isdigit())
            )
        # an origin: "Ivorian", "Ghana", "Côte d'Ivoire" (not a word of those below that
        # names a region too: the Free State)
        rest = [
            i
            for i, word in enumerate(written)
            if not said[i] and not in_runs[i] and word not in _DENIED and word not in _EITHER
        ]
        # (most words are no word of a place's name: the names are read only beside one)
        if any(written[i] in _place_words() or _country_or_people(written[i]) for i in rest):
            places = set(range(len(written))) - set(_outside_places(self, written))
            for i in places.intersection(rest):
                said[i] = True
        last = len(written) - 1
        for i, word in enumerate(written):
            if said[i]:
                continue
            if word == "free":  # a denied qualifier is one too: "GMO-free", "non-GMO"
                said[i] = i > 0 and said[i - 1]
            elif word in _DENIED:
                said[i] = i < last and said[i + 1]
            elif word in _EITHER:  # as is a word joining two: "peeled and deveined"
                said[i] = 0 < i < last and said[i - 1] and said[i + 1]
        return said

    def listings_for(
        self, iso3: str | None, sector: str | None, products: list[str]
    ) -> tuple[list[GoodListing], list[GoodListing]]:
        """Listings that apply to a supplier, and listed goods it only handles.

        A listing applies by the supplier's products when its sector is unknown or at the
        same value-chain stage as the listed good (a cooperative trading Ivorian cocoa beans
        handles a listed good, but the listing describes farm work); by sector otherwise.
        """
        if iso3 is None:
            return [], []
        applies: list[GoodListing] = []
        handled: list[GoodListing] = []
        goods = self.named_goods(products)
        own = self.sectors.get(sector) if sector else None
        if own is not None and own.broad and own.commodities and products:
            goods = self._with_commodities_named(own, products, goods)
        if own is not None and own.broad and products:
            goods = self._with_listed_goods_said(own, iso3, products, goods)
        knitted = _says_knitted(products)
        if knitted:  # (a variant of Textiles that knitted cloth is not)
            goods = [good for good in goods if not _woven(good)]
        for good in goods:
            for listing in self._listings_by_good.get((good, iso3), []):
                listed = self.sectors[listing.sector]
                if own is None or listing.sector == own.id or listed.stage == own.stage:
                    applies.append(listing)
                else:
                    handled.append(listing)
        if own is not None and self._sector_applies(own, products, goods, applies):
            own_listings = self._listings_by_sector.get((own.id, iso3), [])
            said = self._products_say(own, products, goods) if own_listings else goods
            applies += [
                listing
                for listing in own_listings
                if listing not in applies
                and self._own_applies(own, listing.good, said)
                and not (knitted and _woven(listing.good))
            ]
        return applies, handled

    def says_a_good(self, products: Collection[str], goods: Collection[str]) -> bool:
        """Whether a product says all the words of one of these goods, among others
        (_with_listed_goods_said)."""
        return any(
            wanted and self.words_said(product).issuperset(wanted)
            for product in products
            for wanted in map(_words, goods)
        )

    def _with_listed_goods_said(
        self, sector: Sector, iso3: str, products: Collection[str], goods: list[str]
    ) -> list[str]:
        """`goods` and the goods of the broad sector's listings in the country whose words a
        product naming no good says among others ('forged blanks for surgical instruments',
        'polishing of surgical instruments' from a Sialkot workshop: Surgical Instruments,
        not Pakistan's furniture or glass bangles): such a product says which of the
        sector's listings apply, as the good's own name would."""
        own = self._listings_by_sector.get((sector.id, iso3))
        if not own:
            return goods
        found = list(goods)
        for product in products:
            if not self.named_goods([product]):
                found += [
                    g.good
                    for g in own
                    if g.good not in found and self.says_a_good([product], [g.good])
                ]
        return found

    def _with_commodities_named(
        self, sector: Sector, products: Collection[str], goods: list[str]
    ) -> list[str]:
        """`goods` and the goods of the broad sector's commodities that a product naming no
        good names by the words it says (words_said: 'artisanal gold', 'small-scale gold'
        from a mine: Gold; not 'no gold'):
        such a product says which of the sector's listings apply as its good's name would
        (it left none in place, the commodity named, no good brought)."""
        found = list(goods)
        for product in products:
            if self.named_goods([product]):
                continue
            words = self.words_said(product)  # ('no gold' names none)
            for commodity in sector.commodities:
                if words.issuperset(_words(commodity)):
                    found += [g for g in self.named_goods([commodity]) if g not in found]
        return found

    def _sector_applies(
        self,
        sector: Sector,
        products: Collection[str],
        goods: Collection[str],
        by_products: Collection[GoodListing],
    ) -> bool:
        """Whether a sector's listings in a country apply besides those its products bring.
        In a broad sector, products that are its goods or its commodities say which of its
        listings apply (tin from an artisanal mine in Peru: not Peru's gold; tungsten from an
        industrial mine in North Korea: not North Korea's iron), and listings the products
        bring stand for the sector's; in any other sector the products name a variant of the
        same work or another sector's good (squid on a fishing vessel, textiles at a garment
        maker, sand at a brick kiln), and the sector's listings always apply (but see
        _own_applies)."""
        if not sector.broad:
            return True
        if goods and by_products:
            return False
        if any(self.good_sectors.get(good) == sector.id for good in goods):
            return False
        if self._names_other_work(sector, products, goods):
            return False
        return not self._names_commodity(sector, products, goods)

    def _names_other_work(
        self, sector: Sector, products: Collection[str], goods: Collection[str]
    ) -> bool:
        """Whether the products of a broad sector's supplier say it does the work of another
        sector of its stage, whose listings are not the broad sector's: a good of a sector of
        one work ('LiPo pouch cells' from a Chinese 'cell manufacturer' read as general
        manufacturing: battery manufacturing's, not China's fireworks), or a commodity of
        another raw sector that is none of its own, by its words or its ores' names ('lithium
        ore', 'spodumene concentrate' from a Zimbabwean artisanal mine: industrial mining's
        lithium, not Zimbabwe's gold); not where they name one of its own commodities or
        goods beside it (_names_own: 'coltan with lepidolite')."""
        for good in goods:
            other = self.sectors.get(self.good_sectors.get(good, ""))
            if other is not None and other.stage == sector.stage and not other.broad:
                return True
        words = [set(_words(product)) for product in products]
        if not words or not sector.commodities or self._names_own(sector, words):
            return False
        return any(
            wanted <= named or not ores.isdisjoint(named)
            for wanted, ores in self._other_commodities(sector)
            for named in words
        )

    def _other_commodities(
        self, sector: Sector
    ) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """The commodities of the other sectors of a sector's stage that are neither its own
        nor name a good of it ('copper': Copper, artisanal mining's good though none of its
        commodities), each as its words and its ores' names (_ORES); found once."""
        found = self._others_of.get(sector.id)
        if found is None:
            found = self._others_of[sector.id] = tuple(
                (frozenset(_words(commodity)), _ORES.get(commodity, frozenset()))
                for other in self.sectors.values()
                if other.id != sector.id and other.stage == sector.stage
                for commodity in other.commodities
                if commodity not in sector.commodities
                and not any(
                    self.good_sectors.get(good) == sector.id
                    for good in self.named_goods([commodity])
                )
            )
        return found

    def _names_own(self, sector: Sector, words: list[set[str]]) -> bool:
        """Whether a product's words (`words`: each product's) name one of the sector's own
        commodities or goods, by a name, an alias or an ore's name, or a shorthand holding
        one ('coltan with lepidolite', '3T minerals incl. lithium-bearing pegmatites': the
        mine's tantalum too)."""
        own = self._own_runs.get(sector.id)
        if own is None:
            runs = [set(_words(c)) for c in sector.commodities]
            runs += [
                set(key.split())
                for key, good in self.good_aliases.items()
                if self.good_sectors.get(good) == sector.id
            ]
            runs += [{ore} for c in sector.commodities for ore in _ORES.get(c, ())]
            runs += [
                {short}
                for short, held in SHORTHANDS.items()
                if not set(held).isdisjoint(sector.commodities)
            ]
            own = self._own_runs[sector.id] = tuple(frozenset(r) for r in runs if r)
        return any(run <= named for run in own for named in words)

    def _names_commodity(
        self, sector: Sector, products: Collection[str], goods: Collection[str]
    ) -> bool:
        """Whether the products name one of the sector's commodities: by its words ('tungsten
        concentrate') or by a listed good it is ('wolfram': Tungsten ore (wolframite))."""
        words = [set(_words(product)) for product in products]
        for commodity in sector.commodities:
            wanted = set(_words(commodity))
            if any(wanted <= named for named in words):
                return True
            if not set(goods).isdisjoint(self.named_goods([commodity])):
                return True
        return False

    def _own_applies(self, sector: Sector, good: str, said: Collection[str]) -> bool:
        """Whether a listing of the sector's own applies, by its good: always, but for a good
        the sector names as a distinct product, none of its commodities (hybrid cottonseed,
        grown on seed farms for sowing; silk fabric at a fabric mill; dried fish at a seafood
        processor), which applies only where the products say they are it or say nothing of
        what they are (`said`: see _products_say): a cotton farm that names only cotton grows
        no seed for sowing, a mill of cotton jersey weaves no silk. A material it shares with
        the sector's other goods says neither ('leather handbags': leather, as of shoes;
        'frozen fish': fish, as of dried fish), so only another good rules it out."""
        if good not in sector.not_commodities or good in said:
            return True
        shared = self._shared.get(good, frozenset())
        return all(other in shared for other in said)

    def _products_say(
        self, sector: Sector, products: Collection[str], goods: Collection[str]
    ) -> Collection[str]:
        """The listed goods products say they are, where the sector has distinct products
        (not_commodities): those they name (`goods`), those a run of their words names among
        the goods of the sector and of the stages upstream of it, its materials ('cotton
        jersey': Cotton, the fabric's own material; 'polyester yarn': Thread/Yarn; 'dried
        salted fish': Dried Fish), and the distinct products one of whose own words they
        have (see _distinct_in_words: 'silk and cotton fabric': Silk Fabric too). Another
        sector's good ('tin' in 'tuna in tin cans') says nothing of what a product is.
        Elsewhere, `goods` as given."""
        if not sector.not_commodities or not products:
            return goods
        key = (sector.id, tuple(products))
        found = self._said.get(key)
        if found is None:
            named = dict.fromkeys(goods)
            for good in self._said_in_words(sector, products):
                named.update(dict.fromkeys([good, *self._variants.get(good, ())]))
            found = self._said[key] = tuple(named)
        return found

    def _said_in_words(self, sector: Sector, products: Collection[str]) -> list[str]:
        """The goods of a sector of distinct products and of its materials that the products
        name by a run of their words (_goods_in_words), and its distinct products one of
        whose own words they have (_distinct_in_words)."""
        named = self._goods_in_words(products, self._materials.get(sector.id, ()), sector.id)
        return list(dict.fromkeys([*named, *self._distinct_in_words(sector, products)]))

    def _distinct_in_words(self, sector: Sector, products: Collection[str]) -> list[str]:
        """The distinct products of a sector (not_commodities) one of whose own words (see
        _find_own_words) a product has, whatever else it names: 'silk' (Silk Fabric, Silk
        Thread) in 'silk and cotton fabric', 'dried' (Dried Fish) in 'fish, dried' or
        'dried shrimp'; not one it denies ('silk-free cotton fabric', read_denials). A word
        of a good's name the sector's other goods or its materials share ('fabric',
        'leather', 'fish') is no such word."""
        words = {word for product in products for word in read_denials(product).said}
        return [
            good
            for good in sector.not_commodities
            if not words.isdisjoint(self._own_words.get(good, ()))
        ]

    def stage_said(self, sector_id: str, products: Collection[str]) -> tuple[str, ...]:
        """What a buyer's products say an inferred stage of a sector of distinct products
        (not_commodities) works: the goods of the stage and of the stages upstream of it (its
        materials) that a product's name or a run of its words names ('cotton t-shirts' at a
        fabric mill or a spinner: Cotton; 'polyester fabric' at a fabric mill: Textiles).
        A distinct product of the stage one of whose own words they have is said too ('silk'
        in 'silk and cotton t-shirts': Silk Fabric, Silk Thread; see _distinct_in_words).
        The buyer's own goods say nothing of the stage ('t-shirts': Garments), nor does a
        good of another chain among its words, nor a good they deny (read_denials: 'not
        cotton', 'cotton-free fabric' say no Cotton, 'silk-free cotton fabric' no Silk
        Fabric): no stage is labelled with it, and where they name nothing else the stage
        keeps every listing of its sector, as for a buyer naming nothing (a denial never
        narrows a stage to what is left). Empty in any other sector, and where the products
        name none of these: they then say nothing of what the stage works."""
        sector = self.sectors.get(sector_id)
        if sector is None or not sector.not_commodities or not products:
            return ()
        key = (sector_id, tuple(products))
        found = self._stage_said.get(key)
        if found is None:
            found = self._stage_said[key] = tuple(self._said_in_words(sector, products))
        return found

    def stage_listings(self, iso3: str, sector_id: str, said: Collection[str]) -> list[GoodListing]:
        """The listings of an inferred stage of a sector in a country: every listing of the
        sector's own there, as for a supplier of the sector that names no products, but for
        its distinct products (not_commodities) that what the buyer's products say the stage
        works rules out (`said`: see stage_said): a spinner for a maker of cotton t-shirts
        spins no silk thread. With nothing said, every listing of the sector there."""
        ruled_out = self.stage_ruled_out(sector_id, said)
        own = self._listings_by_sector.get((sector_id, iso3), [])
        return [listing for listing in own if listing.good not in ruled_out]

    def stage_countries(self, sector_id: str, said: Collection[str]) -> list[str]:
        """The countries where a listing of an inferred stage applies (see stage_listings):
        where its worst case is looked for when its country is unknown (section 4.1)."""
        ruled_out = self.stage_ruled_out(sector_id, said)
        return sorted(
            {
                listing.iso3
                for (sec, _iso3), items in self._listings_by_sector.items()
                if sec == sector_id
                for listing in items
                if listing.good not in ruled_out
            }
        )

    def stage_rules_out(self, iso3: str | None, sector_id: str, said: Collection[str]) -> bool:
        """Whether what the buyer's products say an inferred stage works rules out a listing
        of the sector's in its country (in any country, where it is unknown): the stage is
        then scored otherwise than the stage of a buyer whose products say nothing."""
        ruled_out = self.stage_ruled_out(sector_id, said)
        if not ruled_out:
            return False
        return any(
            listing.good in ruled_out
            for (sec, where), items in self._listings_by_sector.items()
            if sec == sector_id and iso3 in (None, where)
            for listing in items
        )

    def stage_ruled_out(self, sector_id: str, said: Collection[str]) -> frozenset[str]:
        """The distinct products of a sector (not_commodities) that what products say an
        inferred stage works rules out (see _own_applies: with their variants, as
        _products_say gives a mapped supplier's); none where they say nothing."""
        sector = self.sectors[sector_id]
        if not said or not sector.not_commodities:
            return frozenset()
        named = dict.fromkeys(said)
        for good in said:
            named.update(dict.fromkeys(self._variants.get(good, ())))
        return frozenset(
            g for g in sector.not_commodities if not self._own_applies(sector, g, named)
        )

    def stage_goods(self, sector_id: str, products: Collection[str]) -> list[str]:
        """The listed goods of a sector the products name, by a product's name or a run of
        its words: what a buyer's products say an inferred stage of distinct products
        produces for it ('peanuts' at crop farms: Peanuts; 'tomato paste': Tomatoes). A
        good of another sector that a longer run names takes its words ('cocoa beans':
        Cocoa, not Beans; 'chocolate-coated coffee beans': Coffee), unless it is made from
        the stage's goods (see _goods_in_words). A good they deny is none ('no peanuts',
        'peanut-free chocolate': the crop farms are inferred as for products naming no
        crop)."""
        return self._goods_in_words(products, self._sector_goods.get(sector_id, ()), sector_id)

    def _goods_in_words(
        self, products: Collection[str], among: Collection[str], sector_id: str
    ) -> list[str]:
        """The goods among `among` (a sector's goods, or its materials) that the products
        name (_goods_of_product: by a product's name, else by runs of the words it says,
        the longest first, whatever good each names): 'tomato paste' among the crops:
        Tomatoes; 'cotton jersey' among a fabric mill's goods and materials: Cotton; 'cocoa
        beans' among the crops: none (cocoa beans are Cocoa); 'cotton-free fabric': no
        Cotton."""
        found: dict[str, None] = {}
        for product in products:
            named = self._goods_of_product(product, sector_id)
            found.update(dict.fromkeys(good for good in named if good in among))
        return list(found)

    def _goods_of_product(self, product: str, sector_id: str) -> tuple[str, ...]:
        """The listed goods, of any sector, a product names, looked for from a sector: by
        its name (or its name with a qualifier in brackets aside: 'coffee (green beans)':
        Coffee), else by runs of its words, the longest first, each run's words then used up
        whatever good it names ('cocoa beans': Cocoa, whose beans are no Beans; 'sweet potato
        chips': Sweet Potatoes, whose potato is no Potatoes). A good made from the sector's
        goods (of a sector downstream of it) uses up none: its words may name its material
        ('tomato paste', Tomato Products, names Tomatoes to crop farms). Only the words it
        says make runs (read_denials): a word it denies, or may deny, names nothing ('not
        cotton': none; 'non-cotton yarn': Thread/Yarn, by 'yarn', not Cotton or 'cotton
        yarn'). Made once for each product and sector."""
        key = (product, sector_id)
        found = self._product_goods.get(key)
        if found is not None:
            return found
        downstream = self._downstream_of(sector_id)
        named: dict[str, None] = {}
        for text in (product, re.sub(r"\s*\(.*?\)", "", product)):
            whole = self.good_aliases.get(exact_key(text)) or self.good_aliases.get(text_key(text))
            if whole is not None:
                named[whole] = None
                break
        if not named or self.good_sectors.get(next(iter(named)), "") in downstream:
            words = exact_key(product).split()
            # (by the words it says: 'non-cotton yarn' names Thread/Yarn by 'yarn', no Cotton)
            unsaid = [part != SAID for part in read_denials(product).at]
            runs = self._named_runs(words, downstream, unsaid)
            named.update(dict.fromkeys(good for _start, _size, good in runs))
        found = self._product_goods[key] = tuple(named)
        return found

    def adjective_goods(self, product: str) -> tuple[str, ...]:
        """The listed goods a product names by a good's name in the singular said before
        another word of it, as an adjective, where the plural is the good's name or alias
        ('hazelnut spread', 'hazelnut paste', 'chocolate hazelnut spread': Hazelnuts, as
        'hazelnuts' is; 'peanut butter': Peanuts); a run of its words read as
        _goods_of_product reads them, the longest first. Not a name that is a good's as
        written ('cocoa butter', 'shrimp paste': no plural says it), nor one before a
        container's word ('sardine tins' are tins), nor a word it denies ('hazelnut-free
        spread'). Made once for each product."""
        found = self._adjective_goods.get(product)
        if found is not None:
            return found
        words = exact_key(product).split()
        at = read_denials(product).at
        goods: dict[str, None] = {}
        if len(at) == len(words):
            unsaid = [part != SAID for part in at]
            said = [i for i, part in enumerate(at) if part == SAID]
            last = said[-1] if said else -1
            for start, size, good in self._named_runs(words, (), unsaid):
                run = " ".join(words[start : start + size])
                end = start + size
                if (
                    end <= last
                    and text_key(words[end]) not in _CONTAINERS
                    and text_key(run) == run
                    and any(
                        self.good_aliases.get(f"{form}s") == good
                        for form in (run, other_number(run))
                    )
                ):
                    goods[good] = None
        found = self._adjective_goods[product] = tuple(goods)
        return found

    def _named_runs(
        self, words: list[str], keep: Collection[str], used: list[bool]
    ) -> Iterator[tuple[int, int, str]]:
        """The runs of words (exact_key's) that name a listed good, each as (start, size,
        good), the longest first, each run's words then used up (marked in `used`) unless
        its good's sector is among `keep`; words already used are in none."""
        # a run names a good only as a name or alias of as many words, itself or its
        # words' singulars (see _named_good): only runs no longer than those of their words
        # that begin one are tried (no other names a good)
        singular = [text_key(word) for word in words]
        reach = [
            max(self._alias_reach(words, start), self._alias_reach(singular, start))
            for start in range(len(words))
        ]
        for size in range(min(len(words), self._alias_length), 0, -1):
            for start in range(len(words) - size + 1):
                if size > reach[start] or any(used[start : start + size]):
                    continue
                if size == 1 < len(words) and text_key(words[start]) in _NAMED_ALONE:
                    continue  # ('oro' is gold alone, a brand's beside others: 'Oro Bay')
                good = self._named_good(" ".join(words[start : start + size]))
                if good is not None:
                    yield start, size, good
                    if self.good_sectors.get(good, "") not in keep:
                        used[start : start + size] = [True] * size

    def _alias_reach(self, words: list[str], start: int) -> int:
        """How many of the words from `start` on begin a good's name or alias ('sweet potato
        chips': 2, 'sweet potato' beginning Sweet Potatoes): a longer run names no good."""
        reach = 0
        run = ""
        for word in words[start : start + self._alias_length]:
            run = f"{run} {word}" if run else word
            if run not in self._alias_prefixes:
                break
            reach += 1
        return reach

    def _downstream_of(self, sector_id: str) -> frozenset[str]:
        """The sectors downstream of a sector: those it is an input of, and theirs in turn
        (crop farming: food manufacturing; a fabric mill: textile finishing, garments)."""
        found = self._downstream.get(sector_id)
        if found is None:
            below: set[str] = set()
            stack = [sector_id]
            while stack:
                current = stack.pop()
                for other in self.sectors.values():
                    if current in other.inputs and other.id not in below:
                        below.add(other.id)
                        stack.append(other.id)
            below.discard(sector_id)
            found = self._downstream[sector_id] = frozenset(below)
        return found

    def commodity_listings(
        self, iso3: str | None, sector_id: str, commodity: str
    ) -> list[GoodListing]:
        """The listings that apply where a raw commodity is produced, in a sector that
        produces it: those of the commodity's goods (commodity_goods); in a sector of other
        products besides (industrial mines: iron, lead), those of its goods only, and none
        where the commodity is no listed good (lithium); in any other sector the sector's
        listings too (capture fisheries: fish, lobsters, shellfish), but for goods the
        sector names as none of its commodities (hybrid cottonseed, grown for sowing)."""
        goods = self.commodity_goods(commodity, sector_id)
        sector = self.sectors[sector_id]
        applies, _handled = self.listings_for(iso3, sector_id, goods)
        if sector.broad:
            named = set(self.named_goods(goods))
            return [listing for listing in applies if listing.good in named]
        return [listing for listing in applies if listing.good not in sector.not_commodities]

    def named_goods(self, products: list[str]) -> list[str]:
        """The listed goods the products name, each with its variants in its own sector
        ('tin': Tin and Tin ore (cassiterite), and 'cassiterite' both too)."""
        named = [g for g in (self.match_good(p) for p in products) if g]
        found = dict.fromkeys(named)
        for good in named:
            found.update(dict.fromkeys(self._variants.get(good, ())))
        return list(found)

    def listed_countries(self, sector: str, products: list[str]) -> list[str]:
        """Countries where a listing would apply to this sector and these products."""
        goods = set(self.named_goods(products))
        found = {
            listing.iso3
            for (good, _iso3), items in self._listings_by_good.items()
            if good in goods
            for listing in items
        }
        own = self.sectors.get(sector)
        # as listings_for (see _sector_applies), where the products find no listing
        if own is not None and self._sector_applies(own, products, goods, ()):
            said = self._products_say(own, products, goods)
            found |= {
                listing.iso3
                for (sec, _iso3), items in self._listings_by_sector.items()
                if sec == sector
                for listing in items
                if self._own_applies(own, listing.good, said)
            }
        return sorted(found)

    def commodity_countries(self, commodity: str, sector_id: str) -> list[str]:
        """The countries where a listing applies to a raw commodity in a sector that
        produces it (commodity_listings): where its goods are listed, whether or not a
        share of world production is published for them (shrimp farmed in Thailand)."""
        key = (commodity, sector_id)
        found = self._commodity_countries.get(key)
        if found is None:
            goods = set(self.commodity_goods(commodity, sector_id))
            candidates = sorted({iso3 for good, iso3 in self._listings_by_good if good in goods})
            found = self._commodity_countries[key] = [
                iso3 for iso3 in candidates if self.commodity_listings(iso3, sector_id, commodity)
            ]
        return found

    def commodity_names(self, commodity: str) -> tuple[frozenset[str], ...]:
        """The names a product may deny a raw commodity by, each as its words (text_key's,
        joining words aside): its own name, brackets and what follows a dash aside ('cotton'
        for 'cotton (lint)', 'fish & seafood'), and the name of the good it is a name of,
        brackets aside ('cocoa beans': Cocoa, 'cocoa'). Not the good of a commodity that is
        more than it ('fish & seafood' is no name of Fish: 'not tuna', 'no fish' deny no
        capture fisheries)."""
        own = re.split(r"\s[-–]\s", re.sub(r"\s*\(.*?\)", "", commodity))[0]
        names = [own]
        good = self._named_good(own)
        if good is not None:
            names.append(good_base(good))
        found = {frozenset(text_key(name).split()) - _JOINED for name in names}
        return tuple(sorted(n for n in found if n))

    def commodity_goods(self, commodity: str, sector: str) -> list[str]:
        """The listed goods a raw commodity is at a sector ('tin' at artisanal mines: Tin and
        Tin ore (cassiterite); 'cotton (lint)': Cotton, not Cottonseed): the sector's goods
        whose name, brackets aside, begins with the commodity's words, and the good the
        commodity's name matches."""
        words = _words(commodity)
        found = [
            good
            for good, good_sector in sorted(self.good_sectors.items())
            if good_sector == sector and _words(good)[: len(words)] == words
        ]
        return list(dict.fromkeys([*found, *self.named_goods([commodity])]))

    def country_goods(self, iso3: str, risk_type: str) -> list[GoodListing]:
        """The country's listings of goods made there (not those listed as made with its
        inputs elsewhere) that name the risk type, in good order; found once for each (the
        scorer's evidence and the flags' reasons both ask)."""
        key = (iso3, risk_type)
        found = self._country_goods.get(key)
        if found is None:
            found = self._country_goods[key] = sorted(
                (
                    g
                    for g in self.goods
                    if g.iso3 == iso3 and not g.downstream and risk_type in g.risk_types
                ),
                key=lambda g: g.good,
            )
        return found

    def indicator(self, iso3: str, name: str, sex: str = "total") -> Indicator | None:
        for item in self.indicators.get(iso3, {}).get(name, []):
            if item.sex == sex:
                return item
        return None

    def measures_for(self, risk_type: str, sector: str | None) -> list[Measure]:
        """Measures for a risk type (or 'data_gap'), sector-specific ones first, in step order."""
        order = {step: i for i, (step, _) in enumerate(self.steps)}
        specific = [m for m in self.measures if risk_type in m.risk_types and sector in m.sectors]
        generic = [m for m in self.measures if risk_type in m.risk_types and "*" in m.sectors]
        chosen = specific + [g for g in generic if g not in specific]
        return sorted(chosen, key=lambda m: (order.get(m.step, 99), m not in specific, m.id))

    def step_name(self, step: str) -> str:
        return dict(self.steps).get(step, step)

    def addressing(self, risk_type: str, sector: str, indicator: str) -> list[Measure]:
        """The catalogue's measures for a risk type and sector that address an indicator, in
        due-diligence order (those written for what some suppliers handle only among them)."""
        return [m for m in self.measures_for(risk_type, sector) if indicator in m.addresses]


_WORK_OF = {"mine": "mining", "farm": "farming", "quarry": "quarrying"}
_MINES = ("artisanal-mining", "industrial-mining")
# a mine's words, or an ore's ("ore concentrate"), that may make a text a mine's; and those
# of the languages sector columns are kept in (text_key's forms): German "Bergbau",
# "Bergwerk"; Spanish "minería", "minera"; Portuguese "mineração", "mineradora"; French
# "exploitation minière", "site minier"; Dutch "mijnbouw" ("mine", "mines" are French too)
_MINING = re.compile(
    r"\b(mines?|mining|miners?|ores?|bergbau|bergbauunternehmen|bergwerk|minas?|mineria|minera"
    r"|minero|mineracao|mineradora|mineira|mineiro|miniere|minier|mijnbouw)\b"
)
# the words that say a mine's scale, with the mining sector each names ("small-scale gold
# mining", "industrial copper mine", "minería artesanal", "pequeña minería", "exploitation
# minière artisanale", "industrieller Bergbau"); "scale" alone says neither
_SCALES = {
    "artisanal": "artisanal-mining",
    "informal": "artisanal-mining",
    "small": "artisanal-mining",
    "artesanal": "artisanal-mining",
    "artisanale": "artisanal-mining",
    "informelle": "artisanal-mining",
    "pequena": "artisanal-mining",
    "ambachtelijke": "artisanal-mining",
    "kleinschalige": "artisanal-mining",
    "industrial": "industrial-mining",
    "large": "industrial-mining",
    "industriel": "industrial-mining",
    "industrielle": "industrial-mining",
    "industriell": "industrial-mining",
    "industrieller": "industrial-mining",
    "grootschalige": "industrial-mining",
    # (before a mine's word or "escala": "gran minería", "minería a gran escala", "mineração
    # de grande porte"; see _said_scales)
    "gran": "industrial-mining",
    "grande": "industrial-mining",
    "petite": "artisanal-mining",
    "pequeno": "artisanal-mining",
}
# the scale words that say one only before a mine's or a scale's word ("Rio Grande" says none)
_SCALES_BEFORE = frozenset({"gran", "grande"})
_SCALE_NOUNS = frozenset({"escala", "echelle", "porte", "scale"})
# the words of a small scale, which with a mineral say a mine ("artisanal gold", "oro
# artesanal")
_SMALL_SCALE = re.compile(r"\b(artisanal|informal|small scale|artesanal|artisanale|informelle)\b")
# the minerals' names in those languages, as the taxonomy names them ("minería de oro" is
# gold mining, "Kupferbergbau" is not read: one word); French "or" only after "d'" ("mine
# d'or"), where it is no English "or" (see _in_english)
_MINERALS_ABROAD = {
    **dict.fromkeys(["oro", "ouro", "goud"], "gold"),
    **dict.fromkeys(["plata", "prata", "argent", "silber", "zilver"], "silver"),
    **dict.fromkeys(["cobre", "cuivre", "kupfer", "koper"], "copper"),
    **dict.fromkeys(["cobalto", "kobalt"], "cobalt"),
    **dict.fromkeys(["estano", "estanho", "etain", "zinn"], "tin"),
    **dict.fromkeys(["zinco", "zink"], "zinc"),
    **dict.fromkeys(["niquel", "nikkel"], "nickel"),
    **dict.fromkeys(["litio"], "lithium"),
    **dict.fromkeys(["tungsteno", "wolframio", "tungstenio", "tungstene", "wolfram"], "tungsten"),
    **dict.fromkeys(["tantalio", "tantalo", "tantale", "tantal"], "tantalum"),
    **dict.fromkeys(["hierro", "ferro", "fer", "eisen", "ijzer"], "iron"),
}
# labour recruiters, staffing agencies and labour contractors: no sector of their own
_RECRUITERS = re.compile(
    r"\b(labou?r|manpower|staffing|recruit\w*|temping|employment)\s"
    r"(contract\w*|agenc\w*|agents?|hire|suppl\w*|provider|broker|services?|firm|company)\b"
    r"|\b(recruitment|recruiters?|staffing|temping|manpower|temp agency|temporary staffing)\b"
    # the contractors who bring gangs of pickers, pluckers or harvesters to farms, and the
    # UK's word for them
    r"|\b(harvest\w*|pluck\w*|picking|pickers?|weeding|casual|gang)\s(contract\w*)\b"
    r"|\b(gangmasters?|gang masters?)\b"
    # the crewing trade's words for the agents that place fishing and merchant crews
    r"|\b(crewing|crew manning|crew recruit\w*)\b"
    r"|\b(manning|crew supply|crew management)\s(agenc\w*|agents?|compan\w*|services?|firm)\b"
    # the same in German, Dutch, French, Spanish and Portuguese (text_key's forms:
    # "Zeitarbeit", "Arbeitnehmerüberlassung", "uitzendbureau", "agence d'intérim",
    # "empresa de trabajo temporal", "trabalho temporário")
    r"|\b(zeitarbeit\w*|leiharbeit\w*|personaldienstleist\w*|personalvermittl\w*"
    r"|arbeitnehmeruberlassung|arbeitnehmerueberlassung|uitzend\w*|detacheringsbureau\w*"
    r"|agence d interim|travail temporaire|trabajo temporal|trabalho temporario)\b"
)


@lru_cache(maxsize=4096)  # (a chain's sector texts repeat)
def names_a_recruiter(text: str) -> bool:
    """Whether a sector text names a labour recruiter, staffing agency or labour contractor
    ("manpower supply", "labour supply contractor - construction")."""
    return _RECRUITERS.search(text_key(text)) is not None


# aliases too general to name the work of a recruiter's workers ("labour contractor")
_GENERIC_ALIASES = frozenset({"contractor", "general contractor"})
# general manufacturing's words for any factory (text_key): other words name its goods
_FACTORY_WORDS = frozenset({"factory", "manufacturer", "manufacturing", "workshop"})
# what a factory beside other words may make for the work they name, not its goods, or do
# to goods it does not make (text_key forms: plurals without their s)
_NOT_MADE_HERE = re.compile(
    r" (?:equipment|machinery|machine|gear|net|tool|accessorie|supplie"
    r"|software|hardware|container|rack|racking|repair|repairing|recycling|recycler"
    r"|refurbishing|refurbishment|scrap|used|second hand) "
)
# the words a mine of unknown scale is named with besides its minerals: "gold mine site"
_MINE_WORDS = frozenset(
    [
        "mine",
        "mines",
        "mining",
        "miner",
        "miners",
        "site",
        "sites",
        "company",
        "operator",
        "concession",
        "concentrate",
        "concentrates",
        "small",
        "large",
        "scale",
        "open",
        "pit",
        "underground",
        "ore",
        "ores",
        "rare",
        "earth",
        "earths",
        "gold",
        "tin",
        "tantalum",
        "tungsten",
        "cobalt",
        "mica",
        "copper",
        "lithium",
        "nickel",
        "zinc",
        "lead",
        "silver",
        "iron",
        "bauxite",
        "manganese",
        "coltan",
        "cassiterite",
        "wolframite",
        "platinum",
        "chrome",
        "chromite",
        "graphite",
        "uranium",
    ]
)
_RECRUITER_NOTE = (
    "labour recruiters, staffing agencies and labour contractors have no sector of their"
    " own, and are scored as one not known (no data, never low): list one beneath the site"
    " whose workers it places, and give that site the share of migrant workers (a sector of"
    " goods given to a recruiter would have that work's suppliers inferred beneath it)"
)
_WORK_PLACES = re.compile(r"\b(" + "|".join(_WORK_OF) + r")\b")


def _keys(words: str) -> frozenset[str]:
    return frozenset(text_key(word) for word in words.split())


# the words of knitted fabric and knitwear: no woven textile ('100% cotton jersey', 'knitted
# fabric' from an Ethiopian mill are none of its listed hand-woven textiles)
_KNITTED = _keys("knit knits knitted knitting jersey interlock tricot")
# (and those of woven cloth: a product saying both may be woven, 'knitted and woven fabrics')
_WOVEN = _keys("woven handwoven handloom loom weave weaves weaving shemma")


def _says_knitted(products: Collection[str]) -> bool:
    """Whether every product says it is knitted (_KNITTED), and none that it may be woven
    (_WOVEN); not where there are none."""
    words = [set(text_key(product).split()) for product in products]
    return bool(words) and all(not _KNITTED.isdisjoint(w) and _WOVEN.isdisjoint(w) for w in words)


def _woven(good: str) -> bool:
    """Whether a listed good's name says it is woven ('Textiles (hand-woven)')."""
    return "woven" in text_key(good).split()


# the ores a raw commodity is mined as, by their mineral's name, where the commodity's name
# is not in it ('spodumene concentrate' is lithium; 'cassiterite' names Tin ore's good)
_ORES = {
    "lithium": _keys("spodumene petalite lepidolite"),
    "copper": _keys("chalcopyrite chalcocite bornite malachite"),
}


# the words of a slaughterhouse or a meat packer: the slaughter of livestock and the cutting
# and packing of its meat, a stage of beef and other meat that no sector covers. Cattle
# ranching raises the animals; food manufacturing's input is crop farming, so a
# slaughterhouse read as it had crop farms inferred beneath it and no beef listing (a
# Brazilian "slaughterhouse" of "frozen beef": low on every risk, Paraguay's cabbages and
# carrots beneath it). Like a rice mill, it is a stage of a good no sector covers: no
# sector, a note saying so, and the listings its products name (Beef, Brazil) its own
_SLAUGHTER = re.compile(
    r"\b(slaughter ?houses?|slaughtering|slaughter(?= plant| facility| yard)|abattoirs?"
    r"|meat ?pack(?:er|ers|ing)|meat process(?:ing|or|ors)"
    r"|(?:beef|cattle|bovine|pork|poultry|goat|sheep|pig|lamb|mutton|chicken)"
    r" (?:process(?:ing|or|ors)|pack(?:er|ers|ing)|factory|plant)"
    r"|schlachthof|schlachthaus|matadero|abatedouro|abattage)\b"
)
# the words beside them that still name only the slaughterhouse: the animals, the meat, its
# state and packing, the plant and the company
_SLAUGHTER_BESIDE = _keys(
    "beef cattle meat pork pig pigs poultry chicken lamb sheep goat bovine bovines livestock"
    " animal animals halal kosher frozen chilled fresh boneless carcass carcasses cut cuts"
    " plant plants facility factory house yard unit export exporter exporting and of the"
    " company co ltd limited inc plc sa gmbh ag group corp corporation llc pvt de do da des"
    " du bovinos bovino vacuno rinder"
)
_SLAUGHTER_NOTE = (
    "'{words}' names the slaughter of livestock and the packing of its meat, a stage of beef"
    " and other meat that no sector covers (cattle ranching raises the animals, food"
    " manufacturing's farms are crop farms): the listings its products name are its own"
    " (where they name no listed good, those of the meat it packs: Meat, and Beef of"
    " cattle), and no farm is inferred beneath it; "
)
# the words of cattle in a slaughterhouse's text ("beef abattoir", "matadero de bovinos")
_CATTLE = _keys("beef cattle bovine bovines bovino bovinos vacuno rinder")


# the same in German, Spanish, Portuguese, French and Dutch (see _MINING; text_key's forms):
# a mine's text's words, not a producer's beside a good of a farm ("minería y pesca" names
# two sectors, not a fishery's producer)
_MINE_WORDS_ABROAD = _keys(
    "bergbau bergbauunternehmen bergwerk mina mineria minera minero mineracao mineradora"
    " mineira mineiro miniere minier mijnbouw escala echelle porte"
)

# the goods mined by a sector other than artisanal and industrial mining, named in those
# languages ("mina de sal", "mine de charbon", "mina de esmeraldas"), and a mine's words,
# its scales and its company's, in English: a mine of them is read as English writes it
# ("salt mine", "coal mine", "emerald mine": _mine_in_english); text_key's forms
_MINED_ABROAD = {
    **dict.fromkeys(_keys("sal sel salz zout"), "salt"),
    **dict.fromkeys(_keys("carbon charbon carvao kohle steenkool hulla houille"), "coal"),
    **dict.fromkeys(_keys("esmeralda esmeraldas emeraude emeraudes smaragd smaragde"), "emerald"),
    **dict.fromkeys(_keys("diamante diamantes diamant diamants diamanten"), "diamond"),
    **dict.fromkeys(_keys("gema gemas edelsteine edelstenen"), "gem"),
    **dict.fromkeys(_keys("zafiro zafiros safira safiras saphir saphirs"), "sapphire"),
}
_MINE_IN_ENGLISH: dict[str, tuple[str, bool]] = {
    **{word: (good, True) for word, good in _MINED_ABROAD.items()},
    **dict.fromkeys(_keys("mina minas bergwerk"), ("mine", False)),
    **dict.fromkeys(
        _keys(
            "mineria mineracao bergbau mijnbouw miniere minier minera minero mineradora"
            " mineira mineiro"
        ),
        ("mining", False),
    ),
    **dict.fromkeys(
        _keys("empresa compania companhia societe unternehmen gesellschaft bedrijf"),
        ("company", False),
    ),
    "exploitation": ("", False),
    **dict.fromkeys(_keys("artesanal artisanale"), ("artisanal", True)),
    **dict.fromkeys(_keys("informelle"), ("informal", True)),
    **dict.fromkeys(_keys("pequena pequeno petite"), ("small", True)),
    **dict.fromkeys(_keys("gran grande"), ("large", True)),
    **dict.fromkeys(_keys("escala echelle porte"), ("scale", True)),
    **dict.fromkeys(
        _keys("industriel industrielle industriell industrieller"), ("industrial", True)
    ),
}
# the words after which those languages name where a mine is ("mina de carbón en Colombia")
_PLACE_AFTER_ABROAD = _keys("en em au aux im na no nas nos dans")

# the words beside a mine's that name its owner's form of business, or where it is ("tin
# mining cooperative", "gold mining Ltd", "gold mining in Ghana", "Cobalt Mining SARL"): they
# tell no scale, and leave the text a mine's
_MINE_COMPANY_WORDS = _keys(
    "co ltd limited inc plc sa sarl sarlu sas sprl gmbh ag llc pvt pte corp corporation"
    " group enterprises holdings firm operations venture cooperative cooperativa coop"
    " in at near of the from de du des la le"
    # the same in the other languages of a mine's words ("empresa minera", "exploitation
    # minière", "minería a pequeña escala", "minería en el Perú")
    " empresa compania companhia societe exploitation unternehmen gesellschaft bedrijf"
    " del el do da dos das em en au aux et und von der im van het"
)

# one-word aliases of raw-material sectors that name the work, not a good ("fishing",
# "Kleinbergbau": a mineral beside it is the mine's, "Kleinbergbau Zinn")
_RAW_WORK = _keys(
    "farm agriculture horticulture grower ranch fishing fishery fisheries trawler longliner"
    " aquaculture quarry logging sawmill forestry asm galamsey garimpo creuseurs"
    " kleinbergbau orpaillage orpailleurs thonier palangrier senneur atunero palangrero"
)
# the words for the standard, grade or freshness of a good, of its producer and of a product
# alike ("organic coffee farm", "Better Cotton", "fresh beef, premium grade")
_STANDARDS = _keys(
    "organic bio fairtrade certified rainforest alliance utz better bci cmia gots 4c"
    " conventional specialty speciality premium fine quality grade raw fresh natural"
    " sustainable selected"
    # (in Spanish, Portuguese and French, as text_key writes them: "café orgánico", "cacao
    # orgánico certificado", "algodão orgânico", "cacao biologique")
    " organico organica organicos organicas biologico biologica biologique certificado"
    " certificada certificados certificadas certifie certifiee especial especiale sostenible"
    " sustentavel durable convencional conventionnel fino fina finos finas"
)
# the words beside a good's name that still describe its producer: the work ("coffee
# farming", "gold mine site"), the kind, standard or parts of the good ("organic arabica
# coffee", "Better Cotton", "Blue Mountain coffee", "cocoa beans"), where it grows, a
# company's form or a farmers' organisation ("tea cooperative", "coffee union"), joining words
_PRODUCER_WORDS = (
    _RAW_WORK
    | frozenset(text_key(word) for word in _MINE_WORDS)
    | _STANDARDS
    | _keys(
        "farming farmer growing grown producer producing production plantation estate"
        " smallholder smallholding holder family garden orchard field harvest harvesting"
        " picking picker cultivation cultivator planter outgrower sharecropper finca rancher"
        " quarrying"
        " arabica robusta liberica black white green red yellow blue wild single origin"
        " hand picked handpicked"
        " bean cherry cherries leaf leaves seed pod concentrate"
        " local community village highland lowland valley mountain hill region province"
        " district county zone area cluster north south east west northern southern eastern"
        " western central upper lower"
        " supplier supply source company co ltd limited inc plc sa gmbh ag group corp"
        " corporation enterprise llc pvt"
        " cooperative cooperativa coop union association society federation organisation"
        " organization"
        " and of the from in for de du la le el y et und"
    )
)
# the words naming a later stage of a good's chain, by the stage the taxonomy gives it
_STAGE_WORDS = {
    "trading": _keys(
        "trade trading trader export exporter exporting import importer importing merchant"
        " dealer broker brokerage wholesale wholesaler distributor distribution buyer buying"
        " sourcing aggregator collector collection collecting comptoir middleman intermediary"
        " negociant shipper auction auctioneer"
    ),
    "processing": _keys(
        "processing processor process processed mill milling miller refinery refining refiner"
        " grinding grinder hulling huller ginning ginner smelter smelting factory"
        " cracking cracker shelling sheller"
    ),
}
# the words for the site of a stage, which beside a word of that stage name no other work:
# "hazelnut cracking plant" is hazelnut cracking, no plant of another good
_STAGE_SITES = _keys("plant plants facility unit")
_ANY_STAGE_WORD = frozenset().union(*_STAGE_WORDS.values())  # (the words of every stage)
# the aliases of one chain's sector that are a word for a stage, with that stage and the
# other chains whose goods they name that stage of: a coffee grinder grinds coffee, a
# comptoir or a négociant buys cocoa, coffee or cotton as it buys minerals. Beside a good of
# its own chain the alias is its sector ("cassiterite comptoir"); beside one good of any
# other chain, that good at the stage ("tea grinder" as "tea processing"; "coffee ginning"
# coffee milling). The smelter's and refiner's words are not among them: they keep their
# sector beside any good ("grain refiner", of aluminium; "charcoal smelter")
_STAGE_OF_OTHER_GOODS = {
    "grinder": ("processing", frozenset({"coffee"})),
    "comptoir": ("trading", frozenset({"cocoa", "coffee", "cotton"})),
    "negociant": ("trading", frozenset({"cocoa", "coffee", "cotton"})),
    "pisteur": ("trading", frozenset({"cocoa", "coffee", "cotton"})),
    "ginning": ("processing", frozenset()),
}
# the joining words that may stand beside them ("négociant en cacao", "comptoir de cacao"),
# and beside a trader's word, the French for purchase ("comptoir d'achat de cacao")
_STAGE_JOINING = frozenset({"en", "de", "d", "du", "des", "of", "for"})
_TRADE_JOINING = frozenset({"achat"})
# the harms a sourcing claim denies, none of them a good: a denial of one leaves the good
# named ("conflict-free gold", "child labour free cocoa", "slavery-free cocoa",
# "deforestation-free cocoa beans", "forced-labour-free cotton": Profiles._read)
_HARMS = tuple(
    tuple(harm.split())
    for harm in (
        "conflict",
        "deforestation",
        "child labour",
        "child labor",
        "forced labour",
        "forced labor",
        "slavery",
        "modern slavery",
        "slave",
        "slave labour",
        "slave labor",
        "exploitation",
    )
)
# the words of a claim about how a good was sourced, beside its name ("traceable cocoa
# beans", "Fairmined gold", "RSPO certified crude palm oil", "responsibly sourced mica")
_CLAIMS = _keys("traceable traced verified rspo fairmined responsibly ethically sourced segregated")
# the crops of a harvest year ("main crop", "mid crop", "light crop"), qualifiers with
# "crop" of a good named beside them (Profiles._qualified)
_CROPS = _keys("main mid light fly early late new old")
# how a leaf or bean is cured or dried ("flue-cured tobacco", "sun-dried cocoa beans")
_CURINGS = _keys("flue air sun fire")
_CURED = _keys("cured dried")
# the trade's grade codes written as one word: cashew kernels ("W320", "SW240"), natural
# rubber ("RSS3", "TSR20", "SIR 20") (Profiles._qualified)
_RUBBER_GRADES = _keys("rss tsr sir smr str svr")
_GRADE_CODE = re.compile(
    r"(?:w|sw|lw|ws)\d{3}|(?:" + "|".join(sorted(_RUBBER_GRADES)) + r")\d{1,2}[a-z]?"
)
# the words of broken grains after a share ("5% broken": exact_key's "5 broken")
_BROKEN = _keys("broken brokens")
# the materials of a container after a quantity ("60kg jute bags", "50 kg PP bags": _packing)
_CONTAINER_MATERIALS = _keys(
    "jute sisal hessian gunny pp poly polypropylene woven paper kraft plastic multiwall new"
)
# the words of a product that say what state, standard or packing a good is in, or where it
# is from, not which good it is: "frozen skipjack tuna", "organic cocoa beans", "bagged
# cashews from Ghana" name Fish, Cocoa, Cashews (Profiles._reading). A word of another good
# or of work beside them is none ("cocoa butter", "coffee machine", "tin cans"), nor is one
# that makes a good's material a distinct product ("dried shrimp": see Profiles._marks)
_STATES_ABROAD = _keys(  # (dried, fermented, washed in Spanish, Portuguese and French)
    "seco seca secos secas sec seche fermentado fermentada fermentados fermente fermentee"
    " lavado lavada lavados lave"
)
# (and frozen, chilled, fresh, boneless: states of a product, not of a good as grown)
_PROCESSED_ABROAD = _keys(
    "congelado congelada congelados congeladas resfriado resfriada resfriados refrigerado"
    " refrigerada deshuesado deshuesada desossado desossada fresco fresca frescos frescas"
    " surgele surgelee"
)
# (the words of state in English follow; those abroad: "cacao seco fermentado", "café lavado")
_QUALIFIERS = (
    _STANDARDS
    | _CLAIMS
    | _keys(
        # state and processing
        "frozen deep chilled dried dry canned tinned smoked salted roasted roast ground refined"
        " unrefined crude processed unprocessed semi whole fillet fillets loin loins iqf peeled"
        " deveined cooked precooked boiled blanched shelled unshelled hulled dehulled husked"
        " polished parboiled sliced diced chopped fermented washed"
        # the cuts of shrimp as the trade writes them ("frozen shrimp PD", "raw shrimp HOSO":
        # peeled and deveined, head-on shell-on, headless shell-on, peeled tail-on …)
        " raw pd pud pdto pto hoso hlso pnd ezp cpto headless"
        # market and quality
        " standard superior select msc asc bap gmo eco"
        # packing and origin
        " bulk bagged baled boxed packed packaged vacuum loose from origin"
        # the grade a good is sold as ("gourmet grade")
        " gourmet"
    )
    | _STATES_ABROAD
    | _PROCESSED_ABROAD
)
# the qualifiers of a product that leave it its good's sector (Profiles.product_sector):
# its grade or standard, and the work its farm does ("organic", "grade A", "dried cocoa
# beans", "fermented", "washed"); any other word beside the good says it may be another's
_AS_GROWN = _STANDARDS | _CLAIMS | _keys("dried dry fermented washed sun sundried grade a aa b")
_AS_GROWN |= _STATES_ABROAD  # (their states: see _STATES_ABROAD)
# (and a mineral's kind as mined: 'muscovite mica flakes' are mica as 'mica flakes' are)
_AS_GROWN |= _keys("muscovite phlogopite")
# (and a fish's species or a catch as landed: 'skipjack tuna' and 'whole round yellowfin'
# are Fish as caught, as 'vannamei HOSO' (head on, shell on) is shrimp as farmed)
_AS_GROWN |= _keys("skipjack yellowfin albacore bigeye bluefin whole round hoso vannamei monodon")
# the containers a good is packed in, named after "in" or a quantity: "cocoa beans in jute
# bags", "tuna in tin cans", "25 kg bags" (alone, they are goods: "cotton bags", "tin cans")
_CONTAINERS = _keys(
    "bag bags sack sacks bale bales box boxes carton cartons case cases drum drums barrel"
    " barrels can cans tin tins jar jars bottle bottles pouch pouches tray trays container"
    " containers crate crates pallet pallets tote totes bigbag bigbags fibc pack packs packet"
    " packets tub tubs pail pails bucket buckets"
)
# what a container of a good's name ('tin') holds or is for, beside the goods of the
# taxonomy ('tea tin', 'chocolate tin'): "cookie tin", "gift tin" are no metal
# (Profiles._as_container)
_HELD = _keys("cookie biscuit cake candy candies sweet mint toffee gift storage baking paint spice")
# what a good is packed in after "in" ("tuna in oil", "sardines in tomato sauce", "in
# brine"): packing, as a container is (_packing)
_MEDIA = _keys("oil brine water sauce syrup juice jelly aspic vinegar marinade")
# a quantity ("25", "25kg") and the units written after one ("25 kg", "1,000 mt", "20 ft")
# and a size ("11-13mm" hazelnut kernels: exact_key's "11 13mm")
_QUANTITY = re.compile(r"\d+(?:kgs?|g|gr|lbs?|oz|t|mt|tons?|tonnes?|ml|l|ltr|cl|ft|pcs|mm|cm)?")
_UNITS = _keys(
    "kg kgs kilo kilos kilogram kilograms g gr gram grams lb lbs pound pounds oz t mt ton tons"
    " tonne tonnes metric ml l litre litres liter liters ltr cl ft pcs pieces x mm cm"
)
# the names of a good that name it alone only ("oro", "ouro": gold): beside other words they
# are a brand's or a place's ("Café Oro", "Grano de Oro coffee", "Oro Bay"), so they name no
# good in a longer product (Profiles._named_runs), the word before one is no kind of the
# metal but the good it names ('Oro coffee': Profiles._kind_of), and no slip beside them is
# mended (Profiles._slip_in_a_word)
_NAMED_ALONE = _keys("oro ouro")
# ("cana", "caña": sugarcane alone; beside other words a wild cane's or a reed's, "caña brava",
# "caña india", building and craft material, no sugarcane)
_NAMED_ALONE |= _keys("cana")
# how a dish or food is made, words a good's state is a slip away from ('fried rice': no
# 'dried rice'), known to the slip check (Profiles._slip_in_a_word)
_PREPARED = _keys(
    "fried deep stir baked steamed grilled stewed braised sauteed toasted puffed flaked popped"
    " instant cooked boiled roasted smoked"
)


def _machine_of(word: str, mended: str) -> bool:
    """Whether a word is the machine or the worker of the state or work another names, and
    no slip of it ('rice cooker', 'coffee washer', 'shrimp peeler', 'rice grader', 'tuna
    canner': no 'cooked', 'washed', 'peeled', 'grade', 'canned'): a word ending as one
    ('-er', '-or') whose stem the other shares, ending as a state or work ('-ed', '-e',
    '-ing'). A slip of a good's or qualifier's own word keeps its ending ('suger': sugar)."""
    for ending in ("ers", "ors", "er", "or"):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            return len(stem) >= 2 and any(
                mended.startswith(stem[:-1]) and mended.endswith(done)
                for done in ("ed", "e", "ing")
            )
    return False


# the states of a good written in two words, each of which alone is another word or a good's
# ("long grain white rice": no Cereal Grains; "hazelnuts in shell", "in-shell hazelnuts"):
# qualifiers of the good named beside them, as packing is (Profiles._read)
_STATES_OF_TWO = frozenset(
    {("long", "grain"), ("medium", "grain"), ("short", "grain"), ("in", "shell")}
)
# the words before a good's name that make a product no kind of it: another material than
# its own ("polyester yarn"), a likeness of it made of something else ("vegan tuna",
# "imitation crab") and what is left of it once used ("spent coffee grounds")
_NOT_KINDS = _keys(
    "polyester elastane spandex viscose nylon acrylic rayon lyocell modal acetate plastic"
    " synthetic vegan vegetarian imitation artificial faux fake mock substitute analogue"
    " carob dummy replica spent used waste scrap"
)
# shorthands that name several metals, with those metals: "3TG" (conflict minerals),
# lithium-ion cathode chemistries (NMC: nickel manganese cobalt; NCA: nickel cobalt
# aluminium; LCO: lithium cobalt oxide; LFP: lithium iron phosphate), and tin's symbol as
# the metal trade writes it ("Sn ingot", "SnPb solder"). What a good is made of, never
# whose it is ("NMC cathode" names no maker: _maker_word); the inference reads the metals
# they name (propagation._hint_words)
SHORTHANDS: dict[str, tuple[str, ...]] = {
    "sn": ("tin",),
    "snpb": ("tin", "lead"),
    "3t": ("tin", "tantalum", "tungsten"),
    "3tg": ("tin", "tantalum", "tungsten", "gold"),
    "3tgs": ("tin", "tantalum", "tungsten", "gold"),
    "nmc": ("nickel", "manganese", "cobalt", "lithium"),
    "nca": ("nickel", "cobalt", "aluminium", "lithium"),
    "lco": ("lithium", "cobalt"),
    "lfp": ("lithium", "iron", "phosphate"),
}
# the words of a product beside the name of a made good that say only its form, how it is
# counted, its grade or standard, its colour, size or whom it is for ("chocolate bars",
# "organic t-shirts", "men's jeans", "t-shirts, 3-pack"): it is still that good
# (Profiles.made_good_sector). Not a container's word alone: it is a good of its own
# ("smartphone cases", "laptop bags", "tea tin", "tuna tins"), except after "in" or a
# quantity ("chocolate in boxes", "cocoa powder, 25 kg bags": _packing)
_FORM_WORDS = (
    _STANDARDS
    | _UNITS
    | _keys(
        "bar bars tablet tablets block blocks slab slabs chunk chunks piece pieces drop drops"
        " chip chips callet callets button buttons pastille pastilles flake flakes"
        " pack packs packet packets multipack multipacks assorted mixed set sets pair pairs"
        # the unit it is assembled in ("battery cells", "battery modules", "battery packs")
        " cell cells module modules"
        " men mens women womens ladies kids children childrens baby babies unisex boys girls s"
        # whom a hospital's textiles are for ("patient gowns", "hospital bed linen")
        " hospital hospitals patient patients medical surgical nurse nurses"
        " size sizes xs m xl xxl xxxl"
        " plain basic blank printed knitted woven long short sleeve sleeves sleeved"
        " white black grey gray blue navy red green yellow pink brown beige dark light milk"
        # its cut or fit ("crew neck t-shirts", "slim fit jeans")
        " crew neck vneck v round scoop collar collared hooded zip zipped pocket slim regular"
        " fit oversized cropped sleeveless stretch skinny straight"
        # its treatment or grade ("alkalised cocoa powder", "reduced fat", "vegan chocolate")
        " alkalised alkalized dutched defatted reduced low high fat vegan kosher halal"
        # its condition ("refurbished smartphones", "second-hand jeans"): made all the same
        " new refurbished reconditioned renewed remanufactured unlocked used second hand"
        " secondhand pre owned preowned vintage"
        # the units of its capacity or size after a number ("128 GB", "6.1 inch", "5000 mAh")
        " gb tb mb kb mah ah wh kwh kw w volt volts watt watts mp megapixel hz ghz mhz inch"
        " inches mm cm"
        # the fineness of a precious metal ("18 carat gold rings", "sterling silver")
        " carat carats karat karats ct kt sterling fine"
    )
)
# a number with the unit of a capacity or size written to it ("128GB", "5000mAh", "65W")
# (made_good_sector; a weight or count is a _QUANTITY)
_SPECS = re.compile(
    r"\d+(?:gb|tb|mb|kb|mah|ah|wh|kwh|kw|w|v|mp|hz|ghz|mhz|inch|in|mm|cm|m|k|kt|ct|carat|karat)"
)
# what a capacity is of ("16GB RAM", "512 GB SSD"): a specification after one (alone, a
# good of its own: "laptop memory") (made_good_sector)
_SPEC_NOUNS = _keys("ram ssd hdd emmc storage memory rom flash")
_CAPACITY_UNITS = _keys("gb tb mb kb")
# the words of another fibre or cloth than the raw material beneath a good of the cotton and
# garment chain made of cloth ("polyester t-shirts", "linen shirts", "denim jeans"): still
# that good, whose chain is inferred with its cotton (a blend, a lining, a thread may hold
# cotton; a fibre named says what the good is made of, not that no cotton is in it). Not
# beside yarn or fabric, made of the fibre itself ("polyester yarn" is no cotton yarn)
# (made_good_sector, Profiles._of_cloth)
_FIBRE_CHAIN = "cotton"
_FIBRES = _keys(
    "polyester elastane spandex lycra viscose rayon nylon polyamide acrylic lyocell tencel"
    " modal acetate microfibre microfiber linen flax hemp jute ramie wool merino cashmere"
    " alpaca mohair angora silk bamboo recycled blend blended denim jersey fleece twill"
    " canvas poplin satin chiffon velvet corduroy flannel"
)
# the words that say a good worked from the mineral it names (jewellery:
# made_of_named_mineral) is of another material, no precious metal or gem, or a likeness of
# it ("plastic bracelets", "leather bracelets", "stainless steel rings", "costume
# jewellery", "fashion earrings"): no such good (made_good_sector)
_NOT_PRECIOUS = _keys(
    "plastic plastics acrylic resin silicone rubber leather faux vegan fabric textile cloth"
    " cord string thread rope wool cotton steel stainless titanium tungsten aluminium"
    " aluminum brass bronze copper nickel iron alloy pewter zinc wood wooden bamboo glass"
    " ceramic clay bead beads beaded shell paper costume fashion imitation fake artificial"
    " simulated synthetic replica toy friendship"
)
# the words that say which piece of such a good it is, neither its material nor another
# good ("wedding rings", "engagement rings", "stud earrings", "hoop earrings")
_PIECE_WORDS = _keys(
    "wedding engagement eternity signet bridal promise stud studs hoop hoops charm tennis"
    " chain link cocktail statement"
)
# the words that join two made goods named in one product ("t-shirts and jeans")
_JOINING = _keys("and or plus")
# the words of a sector's name or alias that name a business, its site, its work or its
# machines rather than a good it makes ("garment factory", "cocoa grinder", "spinning mill",
# "dye house", "power loom", "cannery", "EMS", "Weberei"): such a name is no good a trader
# sells (Profiles.made_good_sector)
_BUSINESS_WORDS = (
    _ANY_STAGE_WORD
    | _RAW_WORK
    | _FACTORY_WORDS
    | _keys(
        "maker make cut trim sewing cmt ems oem contract assembly plant house shed station"
        " supplier company cooperative union association brand retailer store shop"
        " roaster roasting roastery spinner spinning weaver weaving knitting loom handloom"
        " gin ginnery dye dyeing printing finishing washing laundry embroidery embellishment"
        " cutting polishing peeling loining drying cannery jeweller jeweler goldsmith"
        " chocolatier beneficio spinnerei garnspinnerei filature hilanderia hilatura weberei"
        " strickerei tissage tejeduria farberei textilveredelung teinturerie ennoblissement"
        " naherei nahfabrik bekleidungshersteller bekleidungsfabrik atelier fabricant fabrica"
        " maquila confeccion confection fischverarbeitung garnelenschalerei transformation"
        " conserverie procesadora"
    )
)
# the value-chain stages whose goods are made from others': a maker's or processor's (a
# made good a general trader names: made_good_sector, and the inference)
MAKING_STAGES = ("processing", "manufacturing")
# the words a grade's mark is written beside ("grade A", "AA grade", "class 1", "grade II")
_GRADES = _keys("grade class quality type")
# coffee's export grades and preparations, qualifiers of a coffee named beside them ("SHG
# green coffee beans", "Kenya AA", "robusta screen 18"; "washed" and "natural" are states)
_COFFEE_GRADES = _keys("shg shb hg hb ep aa ab pb faq santos excelso supremo uge")
# coffee's New York grades ("Santos NY2", "NY 3/4": exact_key's "ny2", "ny 3 4")
_COFFEE_NY = re.compile(r"ny\d")
# what gloves are for and how they are sold ("nitrile examination gloves"): _OWN_QUALIFIERS
_GLOVE_WORDS = _keys(
    "disposable examination exam surgical medical household powdered powder free cleanroom"
    " sterile antistatic esd"
)
# the words of a variety, grade, cut or form a good is sold as, qualifiers of that good named
# beside them only (Profiles._qualified): "sella basmati rice", "long grain white rice",
# "black tea CTC", "orthodox black tea", "green tea", "Bourbon vanilla beans", "beef cuts",
# "raw cane sugar VHP", "natural hazelnut kernels". Beside another good, or alone, they are
# no qualifier: "white" and "green" name a colour, "jasmine" a flower ("jasmine tea" is tea),
# "cuts" a loss; "white sugar" is no rice. A word of a good's name is no variety of another
# ("green beans"): a run of its words is read first (_named_runs)
_OWN_QUALIFIERS = {
    "Rice": _keys("white brown sella pusa jasmine fragrant broken brokens"),
    "Tea": _keys("ctc orthodox green white jasmine bop fop gfop tgfop op pekoe fannings"),
    "Hazelnuts": _keys("natural inshell"),
    "Vanilla": _keys("bourbon green black"),
    "Beef": _keys("boneless cuts"),
    "Sugarcane": _keys("vhp"),
    "Shrimp": _keys("sea ocean marine"),  # (where it was caught: "wild-caught sea shrimp")
    "Rubber Gloves": _GLOVE_WORDS,
    "Gloves": _GLOVE_WORDS,
    # (mica's kinds and forms: 'muscovite mica flakes'; a wafer's crystal and cell type)
    "Mica": _keys("muscovite phlogopite flake flakes sheet sheets scrap splittings ground"),
    "Photovoltaic Wafers": _keys("mono monocrystalline multi multicrystalline perc"),
}
_GRADE_MARK = re.compile(r"([a-e])\1{0,2}|\d{1,3}|i{1,3}|iv|vi{0,3}|ix|x")
# words beside a good that name other goods or work but are not words of the taxonomy's
# sectors or goods (its vocabulary): a word neither names is read as a name or an origin
# only where it is written as one ("coffee Kivu", "Yirgacheffe coffee": _written_as_names),
# so the goods and work most often written beside a raw material's name, capitalised or
# not, are listed here ("coffee cups", "Kaffee Becher", "cotton jersey")
_OTHER_WORK = _keys(
    # things made of or for the good
    "cup mug glass glasses machine machinery equipment appliance maker brewer dispenser vending"
    " kettle pot filter sack crate pallet container box boxes carton can bottle jar label"
    " sticker paper supplies waste nib"
    " jersey sweater towel sock underwear bed bedding mattress linen canvas rope twine"
    " swab bud wool pad gauze bandage blend polyester elastane spandex viscose nylon"
    " countertop tile worktop"
    # what is made from the good
    " ground espresso decaf decaffeinated latte cappuccino iced bubble brew brewed extract"
    " extraction flavour flavor aroma essence syrup liqueur drink candy cake dessert cream"
    " creamer substitute flavoured flavored"
    # work done on or with it that is not its chain's trading or processing
    " packing packer blending blender bottling bottler filling handling sorting grading"
    " pulping recycled recycling"
    " print printer design designer lab laboratory testing inspection certification"
    " certifier research training education school academy institute foundation council"
    " authority commission ministry chamber ngo charity project programme program"
    " initiative partnership finance fund credit bank consultancy technology tech solution"
    " system engineering repair maintenance rental app platform magazine tour tourism museum"
    # places that sell or serve it
    " cafe bistro pub lounge club kitchen restaurant hotel catering canteen boutique outlet"
    " kiosk market center depot"
    # the same in German, French and Spanish, as tables are kept
    " becher tasse maschine laden geschaft verpackung druckerei taza maquina tienda bolsa"
    " sac emballage imprimerie"
)
# origins and peoples that pycountry does not name (or names ambiguously: Congo)
_PLACES = frozenset(
    " ".join(
        [
            "ivorian peruvian thai filipino congolese portuguese german french british dutch",
            "spanish swiss african american asian european latin java sumatra sulawesi ceylon",
            "darjeeling nilgiri kona uzbek kazakh tajik turkmen kyrgyz afghan xinjiang tibet",
            "congo korea us usa uk eu uae prc drc",
            # growing regions known by a name ISO 3166-2 does not give
            "kivu katanga sidamo yirgacheffe yirgachefe harrar harar guji limu jimma antigua",
            "huehuetenango tarrazu kilimanjaro mandheling toraja gayo",
        ]
    ).split()
)
# places whose names are goods or work too ("cotton jersey", "coffee bar")
_NOT_PLACES = frozenset({"jersey", "guernsey", "bar", "pool", "store", "bale"})
# a people's name from its country's: Kenyan, Ethiopian, Brazilian, Chinese, Turkish, Nepali
_DEMONYM_ENDINGS = (
    ("ese", ("", "a")),
    ("ian", ("", "a", "y")),
    ("an", ("", "a", "o", "as")),
    ("ish", ("ey",)),
    ("i", ("",)),
)
# words too vague to suggest a sector by ("coffee products": not rubber products)
_VAGUE = _keys("product goods item article material maker make making")
_FIX = (
    "write the supplier's own work in the sector column as a sector id or name, or --map the"
    " column that holds it"
)
# the words of a place that serves food (food service, which the taxonomy has no sector
# for): named after the food it serves ("seafood restaurant", "sushi restaurant",
# "restaurante de mariscos"), it is no processor of it, nor anything its products (what it
# buys) would say
_FOOD_SERVICE = _keys(
    "restaurant restaurante ristorante bistro brasserie cafe cafeteria canteen catering"
    " caterer diner eatery takeaway foodservice cantine comedor kantine werkskantine"
)
# and those of a place that serves or sells food only beside a seafood's name ("seafood
# bar", "fish market", "seafood stall"): beside others they name other things ("chocolate
# bars", "gold bar", "grill maker", "labour market")
_FOOD_PLACES = _FOOD_SERVICE | _keys("bar grill market stall deli kiosk")
# the words after a place's that name its business, not what it is ("seafood restaurant
# chain", "Fish Restaurant Ltd")
_PLACE_BUSINESS = _keys(
    "chain franchise group business company co ltd limited inc plc sa sarl sas gmbh ag llc"
    " pvt pte corp corporation operator service"
)
# the words after which a place's word names what it serves ("restaurante de mariscos")
_OF_WORDS = _keys("de di du des del da do d")
_SEAFOOD = "seafood"  # the chain whose foods name restaurants and shops
_MINERALS_CHAIN = "minerals"  # the chain of mines, smelters and the goods made of metals
_FOOD_SERVICE_NOTE = (
    "a place that serves or sells food processes none: the taxonomy has no sector for food"
    " service, and its products, what it buys, are not read as its work"
)
# "café": coffee in Spanish, Portuguese and French, a place that serves it in English. The
# word (text_key's), and those of the other languages that are coffee too ("cooperativa
# cafetalera": a coffee cooperative), which English writes before the word it describes
_CAFE = "cafe"
_COFFEE = "coffee"
_CAFE_ADJECTIVES = _keys("cafetalera cafetalero cafeeira cafeeiro cafeicola caficola")
# the words of a place that serves food or drink beside "café", which is then one too
# ("internet cafe", "café y restaurante", "bakery, café", "café-bar")
_CAFE_PLACES = _FOOD_PLACES | _keys(
    "internet cyber bakery panaderia padaria boulangerie patisserie pasteleria confiteria"
    " snack pub lounge hotel hospitality terrace terraza terrasse"
)
# the words beside "café" that name coffee's farm, trade or processing, in English ("cafe
# farm", "green cafe", "cafe exporter"): café is then coffee
_CAFE_COFFEE_WORDS = (
    _RAW_WORK
    | _ANY_STAGE_WORD
    | _keys(
        "farming farmer growing grower producer producing production plantation estate"
        " smallholder cultivation harvest bean cherry roaster roasting roastery roasted green"
        " wet dry washing station cooperative capsule instant soluble specialty speciality"
        " arabica robusta organic"
    )
)
# coffee's words in Spanish, Portuguese and French (text_key's forms), in English, with
# whether English writes them before "coffee" ("café verde": green coffee) or after it
# ("exportadora de café": coffee exporter); any of them makes "café" coffee
_COFFEE_WORDS_ABROAD: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(_keys("verde vert"), ("green", True)),
    **dict.fromkeys(_keys("tostado torrado torrefie torrefiee"), ("roasted", True)),
    **dict.fromkeys(_keys("molido moido moulu"), ("ground", True)),
    **dict.fromkeys(_keys("lavado lave"), ("washed", True)),
    **dict.fromkeys(_keys("especialidad especialidade specialite"), ("specialty", True)),
    **dict.fromkeys(_keys("organico organica organique"), ("organic", True)),
    **dict.fromkeys(_keys("instantaneo instantanea"), ("instant", True)),
    **dict.fromkeys(_CAFE_ADJECTIVES, (_COFFEE, True)),
    **dict.fromkeys(
        _keys("exportadora exportador exportadores exportadoras exportateur exportateurs"),
        ("exporter", False),
    ),
    **dict.fromkeys(_keys("exportacion exportacao"), ("export", False)),
    **dict.fromkeys(_keys("finca fazenda hacienda"), ("farm", False)),
    **dict.fromkeys(_keys("plantacion plantacao"), ("plantation", False)),
    **dict.fromkeys(_keys("cultivo cultura"), ("growing", False)),
    **dict.fromkeys(
        _keys(
            "productor productora productores produtor produtora produtores producteur"
            " producteurs productrice"
        ),
        ("producer", False),
    ),
    **dict.fromkeys(_keys("produccion producao"), ("production", False)),
    **dict.fromkeys(_keys("cooperativa"), ("cooperative", False)),
    **dict.fromkeys(_keys("torrefaccion torrefacao torrefaction"), ("roasting", False)),
    **dict.fromkeys(
        _keys("tostadora tostador tostaduria torrefactora torrefactor torrefadora torrefacteur"),
        ("roaster", False),
    ),
    **dict.fromkeys(_keys("beneficio beneficiadora trilladora"), ("mill", False)),
    **dict.fromkeys(_keys("comercializadora comerciante negociante negociant"), ("trader", False)),
    **dict.fromkeys(_keys("comercializacion comercializacao comercio negoce"), ("trading", False)),
    **dict.fromkeys(_keys("grano grao grain"), ("bean", False)),
    **dict.fromkeys(_keys("cereza cereja cerise"), ("cherry", False)),
    **dict.fromkeys(_keys("cosecha colheita recolte"), ("harvest", False)),
    **dict.fromkeys(_keys("cacao cacau"), ("cocoa", False)),
}
_COFFEE_ABROAD = {**_COFFEE_WORDS_ABROAD, "cafe": (_COFFEE, False)}
# the words joining a noun to the one it names ("exportadora de café": the "café" is what is
# exported), and those English leaves out ("café en grano": coffee beans)
_OF_ABROAD = _keys("de del do da du des d")
_LEFT_OUT_ABROAD = _keys("en em a au la el le los las os")
_AND_ABROAD = _keys("y e et")


# the words of the key sectors (cocoa, coffee, cotton and garments, footwear, mining,
# fishing and seafood, sugar, clothing and electronics retail) in German, Spanish,
# Portuguese and French that the taxonomy's aliases do not hold, in text_key's forms, and
# English's words for them (_sector_in_english): "Tienda de ropa" is a clothing shop,
# "Kaffee-Rösterei" a coffee roastery, "Cafetal" a coffee farm
_SECTOR_WORDS_ABROAD: dict[str, str] = {
    # coffee, cocoa
    **dict.fromkeys(_keys("kaffee"), _COFFEE),
    **dict.fromkeys(_keys("kakao cacao cacau"), "cocoa"),
    **dict.fromkeys(_keys("cafetal cafezal caficultura cafeicultura"), "coffee farm"),
    **dict.fromkeys(_keys("caficultor cafeicultor caficultora cafeicultora"), "coffee grower"),
    **dict.fromkeys(_keys("rosterei kafferosterei"), "roastery"),
    **dict.fromkeys(_keys("roster rostung"), "roaster"),
    **dict.fromkeys(_keys("verarbeitung procesamiento processamento"), "processing"),
    # cotton, garments, footwear
    **dict.fromkeys(_keys("baumwoll baumwolle algodon algodao coton"), "cotton"),
    **dict.fromkeys(_keys("spinnerei fiacao"), "spinning mill"),
    **dict.fromkeys(_keys("tecelagem"), "weaving mill"),
    **dict.fromkeys(_keys("textil texteis"), "textile"),
    **dict.fromkeys(_keys("tejidos tecidos tissus"), "fabric"),
    **dict.fromkeys(_keys("hilados"), "yarn"),
    **dict.fromkeys(_keys("tintoreria tinturaria"), "dyeing"),
    **dict.fromkeys(_keys("veredelung"), "finishing"),
    **dict.fromkeys(_keys("estampado estamparia"), "printing"),
    **dict.fromkeys(_keys("lavanderia"), "laundry"),
    **dict.fromkeys(_keys("mezclilla"), "denim"),
    **dict.fromkeys(_keys("confecciones confeccoes"), "garments"),
    **dict.fromkeys(
        _keys("bekleidung bekleidungs kleidung kleidungs ropa roupa vetement"), "clothing"
    ),
    **dict.fromkeys(_keys("schuh schuhe calzado calcado zapato sapato chaussure"), "shoe"),
    # mining
    **dict.fromkeys(_keys("kupfer"), "copper"),
    **dict.fromkeys(_keys("zinn"), "tin"),
    **dict.fromkeys(_keys("kobalt"), "cobalt"),
    # fishing and seafood
    **dict.fromkeys(_keys("fisch pescado peixe poisson"), "fish"),
    **dict.fromkeys(_keys("thunfisch atun atum thon"), "tuna"),
    **dict.fromkeys(_keys("garnelen camaron camarao crevette"), "shrimp"),
    **dict.fromkeys(
        _keys("conserva conservera conserveira conserverie konservenfabrik konserven"), "cannery"
    ),
    **dict.fromkeys(_keys("sardina sardinha"), "sardine"),
    # other foods a cannery cans (a cannery of them is no seafood processor: _cannery_of)
    **dict.fromkeys(_keys("tomate"), "tomato"),
    **dict.fromkeys(_keys("fruta frutas fruits obst"), "fruit"),
    **dict.fromkeys(_keys("pessego melocoton durazno"), "peach"),
    **dict.fromkeys(
        _keys("legume legumes vegetal vegetales verdura verduras hortaliza hortalizas gemuse"),
        "vegetable",
    ),
    # sugar
    **dict.fromkeys(_keys("zucker azucar acucar sucre"), "sugar"),
    **dict.fromkeys(_keys("zuckerrohr"), "sugarcane"),
    **dict.fromkeys(_keys("usina ingenio"), "mill"),
    **dict.fromkeys(_keys("sucrerie"), "sugar mill"),
    **dict.fromkeys(_keys("azucarero azucarera acucareiro acucareira sucrier sucriere"), "sugar"),
    **dict.fromkeys(_keys("cacaoyer cacaotal cacaocultura"), "cocoa farm"),
    **dict.fromkeys(_keys("cacaoyere"), "cocoa"),
    # palm oil, carpets, leather, bricks
    **dict.fromkeys(_keys("palmöl"), "palm oil"),
    **dict.fromkeys(_keys("ölpalmen"), "oil palm"),
    **dict.fromkeys(_keys("teppich teppiche"), "carpet"),
    **dict.fromkeys(_keys("leder"), "leather"),
    **dict.fromkeys(_keys("ziegel"), "brick"),
    # electronics
    **dict.fromkeys(
        _keys("elektronik electronica eletronica eletronico electronique"), "electronics"
    ),
    # the work and the site
    **dict.fromkeys(_keys("fabrik fabrica usine"), "factory"),
    **dict.fromkeys(_keys("fabrication fabricacion fabricacao"), "manufacturing"),
    **dict.fromkeys(_keys("anbau"), "farming"),  # (of a crop only: _ANBAU_CROPS)
    **dict.fromkeys(_keys("plantage"), "plantation"),
    **dict.fromkeys(_keys("cooperativa"), "cooperative"),
    # the trade: exporters and buyers of a good ("exportador de oro", "acopiador de oro")
    **dict.fromkeys(
        _keys("exportador exportadora exportadores exportateur exportateurs exportatrice"),
        "exporter",
    ),
    **dict.fromkeys(
        _keys("comprador compradora compradores acopiador acopiadora acopiadores acheteur"),
        "buyer",
    ),
    # a shop
    **dict.fromkeys(_keys("geschaft laden tienda loja magasin boutique"), "shop"),
    **dict.fromkeys(_keys("einzelhandel"), "retail"),
}
# those English writes before the noun they describe ("ingenio azucarero": sugar mill)
_BEFORE_ABROAD = _keys(
    "azucarero azucarera acucareiro acucareira sucrier sucriere vegetal vegetales textil"
    " texteis cacaoyere"
)
# "Anbau", growing a crop but also a building's extension: farming only beside a crop's word
# ("Kakaoanbau", "Kaffee-Anbau"; not "Kohlenanbau", "Schuhanbau"), in text_key's forms
_ANBAU = "anbau"
_ANBAU_CROPS = _keys(
    "kaffee kakao baumwoll baumwolle zuckerrohr tee coffee cocoa cotton sugarcane tea"
)
# the seafood processor's alias for a cannery of anything, its words abroad (in text_key's
# forms), and the names of seafood the goods do not hold ("sardine cannery")
_CANNERY = "cannery"
_CANNERY_NOTE = "a cannery is seafood processing only of fish or seafood"
# a work's word alone, which names no good's sector in particular ("processing",
# "Verarbeitung"), in text_key's forms
_BARE_WORK = _keys("processing verarbeitung procesamiento processamento")
_CANNERY_ABROAD = _keys("conserva conservera conserveira conserverie konservenfabrik konserven")
_SEAFOOD_NAMES = _keys("sardine sardines mackerel anchovy anchovies salmon crab octopus seafood")
_FOOD_MANUFACTURING = "food-manufacturing"
_SEAFOOD_PROCESSING = "seafood-processing"
# those English writes too, read so only beside another ("boutique de vêtements", not
# "boutique hotel"), and those that name other work or any business as well, read so only
# beside another ("fiação de algodão", "tintorería textil", "cooperativa de cacau"; not
# "fiação elétrica", wiring, "estampado de metales", metal stamping, "tintorería" alone, most
# often a dry cleaner, nor "Textil GmbH"; a fabric's and a yarn's words name a trader's goods
# and tissue as well: "importadora de tejidos", "banco de tejidos", "distribuidora de hilados")
_NOT_ALONE_ABROAD = _keys(
    "boutique fiacao estampado estamparia cooperativa tintoreria tinturaria textil texteis"
    " tejidos tecidos tissus hilados fabrication fabricacion fabricacao"
)
# sugarcane's name in Spanish, Portuguese and French, in text_key's forms ("caña de azúcar",
# "cana-de-açúcar", "canne à sucre"): English's one word ("fazenda de cana-de-açúcar": a
# sugarcane farm; "azúcar" alone is sugar, its mill's); beside a mill's word, sugar's
# ("ingenio de caña de azúcar": a sugar mill)
_SUGARCANE_ABROAD = re.compile(r"\b(?:cana(?: de)? (?:azucar|acucar)|canne(?: a)? sucre)\b")
_SUGARCANE = "sugarcane"
# beside sugarcane, the words of its mill and of what its mill makes (ethanol, alcohol,
# molasses, rum: "usina de açúcar e álcool"), which make it sugar's ("molino de caña de
# azúcar": a sugar mill), and those of its growing and cutting, a farm's work ("corte de
# cana", "coupeurs de canne", "culture de la canne"; a "fornecedor de cana" grows it), in
# text_key's forms
_CANE_MILLED = _keys(
    "molino moinho engenho trapiche moulin molienda destileria destilaria distillerie"
    " etanol ethanol alcohol alcool melaza melaco melasse rhum biocombustible azucarera"
    " azucarero acucareira acucareiro sucriere sucrier"
)
_CANE_GROWN = {
    **dict.fromkeys(_keys("corte cortador cortadores zafra coupe coupeur coupeurs"), "harvest"),
    **dict.fromkeys(_keys("culture exploitation"), "growing"),
    **dict.fromkeys(_keys("planteur planteurs fornecedor fornecedores"), "grower"),
}
# the English of a farm's words abroad beside sugarcane (_COFFEE_WORDS_ABROAD's)
_CANE_FARM_WORDS = frozenset({"farm", "plantation", "growing", "producer", "harvest"})
# a dry cleaner's words ("tintorería y lavandería"): no dye house, but beside a word of the
# trade's ("lavandería y tintorería de denim")
_DRY_CLEANER_ABROAD = _keys("tintoreria tinturaria lavanderia")
# the words of a knitted fabric ("tejido de punto", "tecido de malha")
_KNIT_FABRIC_ABROAD = re.compile(r"\b(?:tejido de punto|tecido de malha)\b")
# the words of the first part of a German compound the taxonomy does not hold whole
# ("Kaffeerösterei", "Schuhfabrik", "Zuckerfabrik", "Goldmine", "Bekleidungsgeschäft"), and of
# its last part
_COMPOUND_FIRST = {
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("kaffee kakao baumwoll bekleidungs kleidungs")},
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("schuh kupfer zinn kobalt")},
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("thunfisch fisch garnelen")},
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("palmöl ölpalmen teppich leder ziegel")},
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("zuckerrohr zucker elektronik")},
    **dict.fromkeys(_keys("kohle kohlen steinkohle steinkohlen braunkohle braunkohlen"), "coal"),
    "gold": "gold",
    "textil": "textile",
    "tee": "tea",
}
_COMPOUND_LAST = {
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("rosterei roster rostung verarbeitung")},
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("spinnerei fabrik konservenfabrik konserven")},
    _ANBAU: _SECTOR_WORDS_ABROAD[_ANBAU],
    **{k: _SECTOR_WORDS_ABROAD[k] for k in _keys("plantage geschaft laden einzelhandel")},
    "mine": "mine",
    "bergbau": "mining",
    # (the trade in them: "Elektronikhandel" is "electronics trade", "Kakaohandel" "cocoa
    # trade", as English reads them)
    "handel": "trade",
    "grosshandel": "wholesale",
    # (the catch, and the German words of a work whose good the first part names:
    # "Thunfischfang", "Teppichknüpferei", "Teppichweberei", "Ledergerberei")
    **dict.fromkeys(_keys("fang fischerei"), "fishing"),
    "knupferei": "weaving",
    "weberei": "weaving mill",
    "gerberei": "tannery",
}
# the endings of the German one-word aliases that name their sector whatever the first part
# of a compound ending in one says ("Hochseefischerei", "Seidenweberei", "Lohgerberei",
# "Kalksteinbruch", "Thunfischzucht"): a workshop's -ei ("Weberei", "Ziegelei"), a quarry,
# a breeding farm (see _compound_head)
_HEAD_ENDINGS = ("ei", "bruch", "zucht")
_FIRST_PART = 3  # the fewest letters of the first part of a compound read by its head


# "shop" for a workshop, not a retailer: after the work done there ("machine shop", "job
# shop", "print shop", "welding shop") or before "floor" ("shop floor"): read as "workshop"
# (general manufacturing's word for any factory), in text_key's forms
_WORKSHOP_SHOP = re.compile(
    r"\b(?P<work>(?:machine|machining|job|print|printing|welding|fabrication) )shop\b"
    r"|\bshop(?= floor\b)"
)
# the forms of business a shop's name may end with ("Fishing Shop Ltd"), in text_key's forms
_BUSINESS_FORMS = _keys(
    "co ltd limited inc plc sa sarl sarlu sas sprl gmbh ag llc pvt pte corp corporation"
)
# a one-word text naming goods of several sectors, which it alone does not tell apart, and
# those sectors, suggested: "chips" (semiconductor, food or wood chips), "ingots" (of a
# metal, or of silicon for solar wafers); keys in text_key's forms
_AMBIGUOUS = {
    "chip": ("electronic-components", "food-manufacturing", "timber-forestry"),
    "ingot": ("smelting-refining", "solar-module-manufacturing"),
    # a refrigerated cargo ship not named for fish may carry fruit or meat: as "reefer
    # vessel", no sector, the fish carrier suggested
    "reefer carrier": ("fishing-vessels",),
    "refrigerated carrier": ("fishing-vessels",),
    "refrigerated cargo vessel": ("fishing-vessels",),
    "refrigerated cargo ship": ("fishing-vessels",),
    # a word of textile work alone: of cloth, carpets, garments or shoes, the text does not
    # say which
    "weaving": ("fabric-manufacturing", "carpet-weaving"),
    "knitting": ("fabric-manufacturing", "garment-manufacturing"),
    # (French and Italian: "tricotage", "maglieria")
    "tricotage": ("fabric-manufacturing", "garment-manufacturing"),
    "maglieria": ("fabric-manufacturing", "garment-manufacturing"),
    "sewing": ("garment-manufacturing", "footwear-manufacturing"),
    "stitching": ("garment-manufacturing", "footwear-manufacturing"),
    "tailoring": ("garment-manufacturing",),
    # of gems or of stone (granite slabs)
    "cutting and polishing": ("jewellery-manufacturing", "stone-quarrying"),
}
# the fleet's words no alias holds, as they name other work beside other words: "fish
# carrier" alone, or beside a vessel's words ("fish carrier bags", "fish carrier logistics"
# and "fish carrier truck" are no vessels), and "mothership" alone or beside a vessel's or
# fishing's words ("Mothership Software" is software); text_key's forms
_FISH_CARRIER = ("fish", "carrier")
_FISH_CARRIER_ASIDE = _keys("vessel ship boat")
_MOTHERSHIP = "mothership"
_MOTHERSHIP_ASIDE = _FISH_CARRIER_ASIDE | _keys("fishing fish fleet tuna squid")
_FLEET = "fishing-vessels"
# "cold store": a refrigerated warehouse, or, across West Africa, a shop selling frozen fish;
# alone (a form of business, a place, an operator's word and the goods kept cold aside) it
# does not say which: no sector, both suggested; named for fish or seafood, a seafood
# trader's (seafood trade rates the office and cold-store work of those who buy and sell
# seafood, a fish seller's either way);
# beside any other word read as the aliases read it ("cold store shop": general retail)
_COLD_STORE = ("cold", "store")
_COLD_STORE_SECTORS = ("warehousing", "retail-general")
_COLD_STORE_FISH = _keys("fish seafood frozen")
_COLD_STORE_GOODS = _keys("fish seafood")  # (the word before it: "frozen cold store" says none)
_COLD_STORE_FISH_SECTOR = "seafood-trade"
# the words beside it that say no more (an operator's, a company's, the goods kept cold,
# which a shop sells frozen as well: "cold store operator", "chicken cold store")
_COLD_STORE_ASIDE = _keys(
    "operator operators company companies facility facilities service services complex"
    " frozen food foods chicken poultry meat meats beef pork vegetable vegetables potato"
    " potatoes fruit fruits"
)
_COLD_STORE_NOTE = (
    "a cold store may be a refrigerated warehouse or, as across West Africa, a shop selling"
    " frozen fish: write 'cold storage' or 'warehousing' for the one, 'cold store shop' or"
    " 'retail-general' for the other"
)
# a mine's mineral or metal beside a trader's words only ("mica trader", "cobalt exporter",
# "coltan and cassiterite trader"): the trader of its mines' minerals (mineral trading).
# Not the words of many trades ("collection": of jewellery, "distributor"), nor those of a
# general trader's aliases ("importer", "wholesaler": wholesale trade, as "coffee
# importer" is)
_MINERAL_TRADE_WORDS = _keys(
    "trade trading trader export exporter exporting merchant dealer broker buyer buying"
    " aggregator comptoir negociant middleman intermediary"
)
_MINERAL_TRADE_ASIDE = _BUSINESS_FORMS | _keys("and of the de d du des en ore concentrate company")
# "lead" is also leading ("Lead Trading"): a mine's lead only beside an ore's or metal's word
_LEAD = "lead"
_LEAD_AS_METAL = _keys("ore concentrate metal")
# a metal's ingots are a smelter's or refiner's output ("tin ingots", "gold ingots"): the
# word, the sector, the metals smelted that no mine of the taxonomy names (steel, made of
# iron, whose ingots are; "metal" of any), and the words that may stand before one of them
# ("stainless steel ingots")
_INGOT = "ingot"
_SMELTING = "smelting-refining"
_SMELTED = _keys("aluminium aluminum steel metal")
_BEFORE_SMELTED = _keys("stainless")

_LISTED = re.compile(r"\s*[,;/|+]\s*")  # between the items of a list
# "apparel", beside the words of a maker's work and materials only, the garments it makes
# (_apparel); alone, a maker or a seller of them
_APPAREL = "apparel"
_GARMENTS = "garments"
_APPAREL_MAKING = _keys(
    "textile textiles fabric fabrics garments clothing manufacturing manufacturer factory"
    " maker producer exporter"
)
_APPAREL_SECTORS = ("garment-manufacturing", "apparel-retail")
_SERVICES = "services"  # the chain of sectors that handle no goods of their own


@lru_cache(maxsize=8192)
def _match_sector_cached(profiles: Profiles, value: str, staged: bool = True) -> SectorMatch:
    """The sector a text names (_match_sector_spelt); not `staged`, a good beside another
    chain's stage word only is read as that word's sector (_stage_of_the_good)."""
    found = _match_sector_spelt(profiles, value, staged)
    if (
        found.id in _MINES
        or found.id == _mineral_trader(profiles)
        or _works_named_minerals(profiles, found.id)
    ) and not found.products:
        # a mine's minerals, named in its sector text, say which listings apply; a mineral
        # trader's ("mica trader") or a refinery's ("gold refinery") which mines beneath it
        # are inferred
        minerals = _minerals_named(profiles, value)
        if minerals:
            return replace(found, products=minerals)
        if _works_named_minerals(profiles, found.id):
            # a smelter or refinery of a metal the risk data follows no mine of ("aluminium
            # smelter", "silicon metal smelter"): its text names it as a product would, so
            # that no mine of the minerals it follows is inferred beneath it (a data gap)
            words = text_key(value).split()
            metals = tuple(dict.fromkeys(w for w in words if w in _SMELTER_METALS))
            if metals:
                return replace(found, products=metals)
    if (
        found.id is not None
        and not found.products
        and profiles.sectors[found.id].broad
        and profiles.sectors[found.id].stage == _MAKING
    ):
        # a broad manufacturing sector's text naming its good ("ceramics", "glass
        # manufacturer", "cement works"): the good chooses among the sector's listings, as a
        # products cell would (without, the worst of all its goods listed in the country was
        # the floor: a Chinese glass maker stood on China's fireworks)
        goods = _goods_of_sector_named(profiles, found.id, value)
        if goods:
            return replace(found, products=goods)
    if found.id in _GROWING and not found.products:
        # a farm's text naming its crop or herd ("flower farm", "rose farm", "rice
        # growers"): the good chooses among the sector's listings, as a products cell would
        # (without, a Kenyan flower farm stood on Kenya's khat, rice and sisal)
        goods = _goods_of_sector_named(profiles, found.id, value, _GROWER_WORDS)
        if goods:
            return replace(found, products=goods)
    if found.id is not None and not found.products and _FISHMEAL.search(text_key(value)):
        # a fishmeal plant's meal is made of fish caught at sea, by-catch and trimmings,
        # not of farmed shrimp: its text names the good, as a mine's names its minerals
        return replace(found, products=("fishmeal",))
    return found


# the metals a smelter's or refinery's text may name that no mine of the risk data yields
# (Inference._unmodelled names them all): in text_key's forms
_SMELTER_METALS = _keys(
    "aluminium aluminum alumina silicon ferrosilicon nickel ferronickel zinc manganese"
    " ferromanganese chromium ferrochrome titanium vanadium molybdenum antimony"
)


def _works_named_minerals(profiles: Profiles, sector_id: str | None) -> bool:
    """Whether a sector works the minerals its text may name: the stage of the minerals
    chain that processes them (smelting and refining). (Not a jeweller's: "gold jewellery"
    names its goods' metal, and the gem mines beneath it stay, a stone set in gold.)"""
    sector = profiles.sectors.get(sector_id or "")
    return sector is not None and sector.chain == _MINERALS_CHAIN and sector.stage == "processing"


# the words of fishmeal in a sector text ("fishmeal plant", "fish meal factory"), in
# text_key's forms
_FISHMEAL = re.compile(r"\bfish ?meal\b")


def _match_sector_spelt(profiles: Profiles, value: str, staged: bool = True) -> SectorMatch:
    """The sector a text names (_match_sector_text), or, where a word of it reads as
    misspelt, no sector and the one it would name spelt right."""
    found = _match_sector_text(profiles, value, staged)
    key = text_key(value)
    if found.id is None:
        # spaced otherwise than the taxonomy spaces it ('long liner', 'purseseiner'): the
        # sector the text names spaced so
        respaced = _respaced(profiles, key, value)
        if respaced is not None:
            again = _match_sector_text(profiles, respaced, staged)
            if again.id is not None:
                return again
    # (a text naming several sectors had each part read so, misspelt or not: _several_sectors)
    if found.id is not None and (
        key in profiles._sector_keys or found.beside is not None or found.unmatched
    ):
        return found
    # a word misspelt ("gold minning", "cocoa procesing"): the sector the text names with
    # its words spelt as the taxonomy spells them is suggested first; where a sector is
    # taken from the rest of the text, a slip of a word counts, not another form of it
    # ("garmnet factory", "palm oil plantaion" are no general manufacturing or palm oil
    # milling; "footwear manufacture" is no "manufacturer", "textil" no "textile")
    respelt = _respelt(profiles, key, forms_too=found.id is None)
    if respelt is None:
        return found
    again = _match_sector_text(profiles, respelt, staged)
    if found.id is not None:
        if again.id is None or again.id == found.id:
            return found
        sector, other = profiles.sectors[again.id], profiles.sectors[found.id]
        what = other.name[0].lower() + other.name[1:]
        return SectorMatch(
            None,
            f"'{sector.id}' ({sector.name})",
            f"a word of it reads as misspelt: '{respelt}' is {sector.name.lower()}; as written,"
            f" it would be {what}; {_FIX}",
        )
    if again.id is not None:
        sector = profiles.sectors[again.id]
        first: str | None = f"'{sector.id}' ({sector.name})"
    else:
        first = again.suggestion
    if not first:
        return found
    if found.suggestion and first not in found.suggestion:  # (both: "Textil Veredelung")
        return SectorMatch(None, f"{first} or {found.suggestion}", found.note)
    return SectorMatch(None, first, found.note if again.id is None else None)


# what parts a text's words as no single word split does: a sign between them ("Car & Pet
# Supplies", "saw, mill"); a hyphen or apostrophe may split one word ("long-liner")
_WORDS_APART = re.compile(r"[^\w\s'\u2019-]")

# a key's word that is two words standing alone run together, each meaning something else:
# written apart they are those two words, not the one split ("car pet supplies": cars and
# pets, not carpets)
_TWO_WORDS = frozenset(
    {("car", "pet"), ("cot", "ton"), ("lea", "sing"), ("ship", "ping"), ("pack", "aging")}
    | {("pull", "over")}
)


def _joinable(value: str, key: str) -> frozenset[tuple[str, str]]:
    """The pairs of neighbouring words of a text (text_key's `key` of `value`) that may be
    one word written apart: none with a sign between them as written (_WORDS_APART), nor two
    words each standing alone (_TWO_WORDS)."""
    words = key.split()
    pairs = set(pairwise(words))
    if _WORDS_APART.search(value):
        pairs = {
            pair for part in _WORDS_APART.split(value) for pair in pairwise(text_key(part).split())
        } & pairs
    return frozenset(pairs - _TWO_WORDS)


def _respaced(profiles: Profiles, key: str, value: str) -> str | None:
    """The text (text_key's `key` of `value`) with its words spaced as a sector's key spaces
    them: the whole text a key with spaces put in or left out ('long liner': 'longliner',
    'purseseiner': 'purse seiner', 'sea food': 'seafood'), or else two words of it a key's
    one word written apart ('tuna long liner': 'tuna longliner') and a word of it a key's
    words run together ('purseseiner vessel': 'purse seiner vessel'). Words are joined only
    where they may be one word split (_joinable: not 'Car & Pet', not 'car pet'). None where
    no word changes. Read only for a text that names no sector as written, once per distinct
    text (the sector's reading is cached)."""
    joined = profiles._joined_keys
    words = key.split()
    joinable = _joinable(value, key)
    whole = joined.get(key.replace(" ", ""))
    if whole is not None:
        if whole == key or not joinable.issuperset(pairwise(words)):
            return None
        return whole
    spaced: list[str] = []
    at = 0
    while at < len(words):
        pair = words[at] + words[at + 1] if at + 1 < len(words) else ""
        if pair in joined and " " not in joined[pair] and (words[at], words[at + 1]) in joinable:
            spaced.append(joined[pair])
            at += 2
            continue
        word = words[at]
        spaced.append(joined.get(word, word) if word not in profiles._vocabulary else word)
        at += 1
    respaced = " ".join(spaced)
    return respaced if respaced != key else None


def _respelt(profiles: Profiles, key: str, forms_too: bool = True) -> str | None:
    """The text with each word the taxonomy does not know, of five letters or more, replaced
    by the one it knows a slip of the keys away ('minning': 'mining', 'procesing':
    'processing', 'garmnet': 'garment'; one slip, two in a word of more than eight letters);
    without `forms_too`, not where one word is the other with letters added at its end
    ('manufacture': 'manufacturer', 'textil': 'textile': a form of it, spelt right). None if
    no word changes."""
    words = key.split()
    changed = False
    for i, word in enumerate(words):
        if len(word) < 5 or word in profiles._vocabulary:
            continue
        near = _slip_of(profiles, word)
        if near is not None and (forms_too or not (near.startswith(word) or word.startswith(near))):
            words[i], changed = near, True
    return " ".join(words) if changed else None


def _slip_of(profiles: Profiles, word: str) -> str | None:
    """The word of the taxonomy a slip of the keys away from this one, if any: a letter
    doubled, left out or two swapped, not one letter for another ('packing' is a word of its
    own, not 'picking'); of several, the most alike by their letters ('mining' before
    'ginning'). Once per word (a free-text column repeats its words)."""
    if word in profiles._slips:
        return profiles._slips[word]
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    slips = 1 if len(word) <= 8 else 2
    if not profiles._by_initial:
        for text in profiles._vocabulary:
            profiles._by_initial.setdefault(text[0], []).append(text)
    candidates = [
        w for w in profiles._by_initial.get(word[0], ()) if abs(len(w) - len(word)) <= slips
    ]
    near = [
        (fuzz.ratio(word, w), w)
        for w, _, _ in process.extract(
            word, candidates, scorer=OSA.distance, score_cutoff=slips, limit=None
        )
        if len(w) != len(word) or sorted(w) == sorted(word)
    ]
    best = max(near)[1] if near else None
    profiles._slips[word] = best
    return best


# the seafood trader's aliases of a fish trader, which name no other work: beside it, a
# processor's word names its processing, and ornamental or aquarium fish are no seafood
_FISH_TRADERS = frozenset({"fish trader", "fish trading", "fish merchant", "fish exporter"})
_FISH_PROCESSED = frozenset(
    {
        *("processor", "processing", "processed", "plant", "factory", "cannery", "canned"),
        *("canning", "dried", "drying", "smoked", "smoking", "salted", "fillet", "filleting"),
    }
)
_NOT_SEAFOOD = frozenset({"ornamental", "aquarium", "aquaria", "tropical"})


def _fish_trade(profiles: Profiles, key: str) -> SectorMatch | None:
    """The sector of a fish trader's text that says more (text_key's `key`): one that names
    its processing too is seafood processing ("fish merchant and processor", "canned fish
    exporter"), one of ornamental or aquarium fish none (they are no seafood); None for any
    other, read as the aliases read it."""
    padded = f" {key} "
    if not any(f" {trade} " in padded for trade in _FISH_TRADERS):
        return None  # (most texts)
    words = set(key.split())
    if not words.isdisjoint(_NOT_SEAFOOD):
        return SectorMatch(None)
    if not words.isdisjoint(_FISH_PROCESSED):
        return SectorMatch(profiles._sector_keys["fish processing"])
    return None


def _slaughterhouse(key: str) -> SectorMatch | None:
    """A slaughterhouse or a meat packer, of livestock or meat at most ("slaughterhouse",
    "beef abattoir", "meat packing plant"): no sector, with a note (_SLAUGHTER). None for
    any other text, or one naming other work beside it ("slaughterhouse and tannery")."""
    found = _SLAUGHTER.search(key)
    if found is None:
        return None
    # (every slaughter word aside: "slaughterhouse and meat processing" is one work)
    rest = _SLAUGHTER.sub(" ", key).split()
    if any(word not in _SLAUGHTER_BESIDE for word in rest):
        return None
    # (the meat it packs stands for its products where they name no good, as a mine's
    # minerals do: Cambodia's listing of Meat; of cattle, Brazil's of Beef too)
    meat = ("beef", "meat") if not _CATTLE.isdisjoint(key.split()) else ("meat",)
    note = _SLAUGHTER_NOTE.format(words=found.group(0)) + _FIX
    return SectorMatch(None, note=note, products=meat)


def _match_sector_text(profiles: Profiles, value: str, staged: bool = True) -> SectorMatch:
    """The sector a text names. `staged`: a good's name beside only another chain's word
    for a stage of its own chain is that stage of the good (_stage_of_the_good); a part of
    a text naming several sectors is read otherwise (_several_sectors)."""
    key = text_key(value)
    keys = profiles._sector_keys
    if key in keys:
        return SectorMatch(keys[key])
    # (a whole text only: a part of one naming several sectors is read as before,
    # "cocoa marketing and export" a trader with its several readings)
    for words, ours, also, always in _GOOD_BESIDE_A_WORD if staged else ():
        beside = _good_beside_a_word(profiles, key, words, also)
        if beside is not None:  # "tea manufacturer" as "tea factory", in the words written
            good, word = beside
            read = _match_sector_text(profiles, f"{good} {ours}", staged)
            if read.note is None and always:
                return read
            if read.note is not None:
                return replace(read, note=read.note.replace(f"'{ours}'", f"'{word}'", 1))
    fleet = _fleet_or_cold_store(profiles, value)
    if fleet is not None:
        return fleet
    if _APPAREL in key.split():
        apparel = _apparel(profiles, key)
        if apparel is not None:
            return apparel
    traded = _fish_trade(profiles, key)
    if traded is not None:
        return traded
    several = _several_sectors(profiles, value)
    if several is not None:
        return several
    slaughter = _slaughterhouse(key)
    if slaughter is not None:
        return slaughter
    # a key sector's words in German, Spanish, Portuguese or French the aliases do not hold
    # ("Tienda de ropa", "Kaffeerösterei", "Cafetal"): as English writes them
    english = _sector_in_english(profiles, key)
    if english is None:
        # (its words known, in English's order an alias whole: "coopérative de cacao" is
        # "cocoa cooperative", which names the organisation, as in English)
        english = _sector_in_english(profiles, key, known_too=True)
        english = english if english is not None and english in keys else None
    if english is not None:
        found = _read_in_english(profiles, key, english)
        if found is not None:
            return found
    # "café": coffee in Spanish, Portuguese and French ("exportadora de café"), a place
    # serving it in English ("internet cafe"), either alone
    coffee = _cafe(profiles, value, key)
    if coffee is not None:
        return coffee
    # a mine of its words in another language, of a good another sector mines ("mina de
    # sal", "mine de charbon"): as in English ("salt mine", "coal mine")
    english = _mine_in_english(profiles, value, key)
    if english is not None:
        return _match_sector_text(profiles, english, staged)
    # a mine of its minerals and a mine's words ("gold mining company", "open pit mine"):
    # before the aliases it holds, which would say a scale the text does not; or of its
    # minerals and a small scale ("artisanal gold")
    if (_MINING.search(key) and _mine_word_outside_places(profiles, value)) or (
        _SMALL_SCALE.search(key) and _minerals_named(profiles, value)
    ):  # (not "data mining": see _mine_by_its_minerals; nor "Minas Gerais", a place)
        mine = _mine_by_its_minerals(profiles, value)
        if mine is not None:
            return mine
    ingots = _metal_ingots(profiles, value, key)
    if ingots is not None:
        return ingots
    # (a shop named for the work done there is a workshop: "machine shop", "shop floor")
    key = _WORKSHOP_SHOP.sub(lambda m: (m.group("work") or "") + "workshop", key)
    padded = f" {key} "
    contained = _aliases_in(keys, key)
    if any(k in _FACTORY_WORDS for k in contained):
        contained = _made_beside_a_factory(profiles, padded, contained)
    if (
        "contractor" in contained
        and len(contained) > 1
        and _RECRUITERS.search(key) is None
        and all(
            profiles.sectors[keys[k]].chain == _SERVICES for k in contained if k != "contractor"
        )
    ):
        # a contractor of a service named beside it, no builder: "cleaning contractor" (a
        # "brick contractor" lays bricks, a "farm labour contractor" recruits)
        contained = [k for k in contained if k != "contractor"]
    traded = _mineral_trade(profiles, value, key, contained)
    if traded is not None:
        return traded
    canned = _cannery_of(profiles, key, contained)
    if canned is not None:
        return canned
    if any(k in _FISH_TRADERS for k in contained):
        # a fish trader's words beside another sector's are the lesser reading: "dried fish
        # exporter" is the fish drier, "fish trader (aquaculture)" the fish farm
        other = [k for k in contained if not any(f" {k} " in f" {t} " for t in _FISH_TRADERS)]
        if other:
            contained = other
    bare = profiles._bare_goods
    if any(k in bare for k in contained):
        # beside a good, a word for any producer adds nothing: "tea farm" is tea farming
        contained = [k for k in contained if k in bare or k not in _PRODUCER_WORDS]
        # a good's name with only another chain's word for a stage its own chain has:
        # "coffee grinder" is coffee's processing, as "coffee grinding" is, not cocoa's
        stage = _stage_of_the_good(profiles, key, contained) if staged else None
        if stage is not None:
            return SectorMatch(stage)
        lone = _good_and_stage_word(profiles, key, contained) if staged else None
        if lone is not None:
            # the word's own sector beside a good of its chain ("cassiterite comptoir":
            # mineral trading); beside a good of any other chain, the good at that stage
            # ("tea grinder" as "tea processing", "coffee ginning" coffee milling), never
            # the word's sector, nor suggested: a tea grinder is no cocoa processor
            good, word = lone
            own = keys[word]
            if profiles.sectors[keys[good]].chain == profiles.sectors[own].chain:
                return SectorMatch(own)
            return _beside_a_good(profiles, value, key, good, [k for k in contained if k != word])
    elif staged and any(w in _STAGE_OF_OTHER_GOODS for w in key.split()):
        # the good named in another language ("négociant en coton"): as in English
        abroad = " ".join(_SECTOR_WORDS_ABROAD.get(w, w) for w in key.split())
        held = _aliases_in(keys, abroad) if abroad != key else []
        stage = _stage_of_the_good(profiles, abroad, held) if held else None
        if stage is not None:
            return SectorMatch(stage)
    # a good's name alone loses a tie: "cotton fabric" is the fabric mill
    best = max(contained, key=lambda k: (len(k), k not in bare)) if contained else None
    # a recruiter is not the work of the workers it places: "labour contractor" is no
    # construction, but "labour supplier for construction" names the work
    if (best is None or best in _GENERIC_ALIASES) and _RECRUITERS.search(key):
        return SectorMatch(None, note=_RECRUITER_NOTE)
    if best is not None:
        if best in bare:
            return _beside_a_good(profiles, value, key, best, contained)
        return (
            _shop_of(profiles, key, best, contained)
            or _food_place(profiles, value, key, best, contained)
            or _its_maker(profiles, best, contained)
            or _equally_long(profiles, best, contained)
            or SectorMatch(keys[best])
        )
    # the place named for the work done there: "artisanal gold mine" is gold mining
    worked = _WORK_PLACES.sub(lambda m: _WORK_OF[m.group(0)], key)
    if worked != key:
        found = _match_sector_text(profiles, worked, staged)
        if found.id is not None:
            return found
    served = _food_place(profiles, value, key, None, [])
    if served is not None:
        return served
    from rapidfuzz import fuzz, process

    # (its words known, but not read so whole: "conserverie de thon")
    english = _sector_in_english(profiles, key, known_too=True)
    if english is not None:
        found = _read_in_english(profiles, key, english)
        if found is not None:
            return found
    if key in _AMBIGUOUS:  # ("chips": semiconductor, food or wood chips)
        return SectorMatch(None, _suggested(profiles, _AMBIGUOUS[key]))

    # whole-text similarity, words in any order: a partial match made poor suggestions
    # ("Tin" → coffee roasting, "Food" → seafood processing)
    near = process.extractOne(key, list(keys), scorer=fuzz.token_sort_ratio, score_cutoff=80)
    suggestion = None
    if key in _BARE_WORK:  # ("processing" alone: of any good, none in particular)
        near = None
    if near is not None and key in profiles._vocabulary and key not in near[0].split():
        # (a word the taxonomy knows, spelt right, is no slip of another: "finishing" is no
        # "fishing")
        near = None
    if near is not None and not _alike_beyond_plain_words(key, near[0], _material_words(profiles)):
        near = None  # ("office supplies" is no "fabric supplier": alike in "suppl…" alone)
    if near is not None:
        sector = profiles.sectors[keys[near[0]]]
        suggestion = f"'{sector.id}' ({sector.name})"
    elif _MINING.search(key):
        suggestion = _mine_suggested(profiles, value)
    if suggestion is None:  # a part of a sector's name: "rubber", "cobalt" (never read so)
        suggestion = _sectors_with(profiles, key)
    return SectorMatch(None, suggestion)


def _fleet_or_cold_store(profiles: Profiles, value: str) -> SectorMatch | None:
    """The reading of a text naming a fish carrier, a mothership or a cold store in words no
    alias holds: "fish carrier" alone or beside a vessel's words, fishing vessels;
    "mothership" alone or beside a vessel's or fishing's words, fishing vessels; "cold
    store" alone (a form of business and a place aside), no sector, warehousing and general
    retail suggested, with why (_COLD_STORE_NOTE); "seafood cold store", "fish cold store",
    seafood trade. None for any other text, read as its aliases are ("fish carrier
    logistics", "Mothership Software", "cold store shop")."""
    written = exact_key(value).split()
    words = [text_key(w) for w in written]
    if _MOTHERSHIP in words:
        rest = [w for w in words if w != _MOTHERSHIP and w not in _BUSINESS_FORMS]
        return SectorMatch(_FLEET) if _MOTHERSHIP_ASIDE.issuperset(rest) else None
    if words[:2] == list(_FISH_CARRIER):
        return SectorMatch(_FLEET) if _FISH_CARRIER_ASIDE.issuperset(words[2:]) else None
    at = next((i for i in range(len(words) - 1) if tuple(words[i : i + 2]) == _COLD_STORE), None)
    if at is None:
        return None
    # (a place's name, or a word written as a name or that no sector or good knows: the
    # store's name, "Tema Cold Store Ltd", "Accra cold store")
    outside = set(_outside_places(profiles, written))
    as_names = _written_as_names(value, written)
    rest = [
        w
        for i, w in enumerate(words)
        if i in outside
        and i not in (at, at + 1)
        and w not in _BUSINESS_FORMS
        and (not as_names[i] or w in _COLD_STORE_GOODS)  # ("Fish cold store": of fish)
        and _known_word(profiles, w)
    ]
    if _COLD_STORE_FISH.issuperset(rest) and _COLD_STORE_GOODS.issuperset(rest[-1:]) and rest:
        return SectorMatch(_COLD_STORE_FISH_SECTOR)
    if _COLD_STORE_ASIDE.issuperset(rest):
        suggested = _suggested(profiles, _COLD_STORE_SECTORS)
        return SectorMatch(None, suggested, _COLD_STORE_NOTE)
    return None


def _mineral_trade(
    profiles: Profiles, value: str, key: str, contained: list[str]
) -> SectorMatch | None:
    """A text (text_key's `key`, holding the aliases `contained`) of a mine's minerals or
    metals (_minerals_named: "mica", "coltan", "cobalt", "gold") and a trader's words only
    (_MINERAL_TRADE_WORDS; joining words, an ore's, a form of business and a place aside):
    the one trading sector the mines of the taxonomy supply (mineral trading: "mica
    trader", "cobalt exporter", "cassiterite trader"). None for any other text, and where
    it holds an alias other than a mine's good ("gold jewellery retailer", "gold trading
    company": read as its aliases are)."""
    words = key.split()
    if _MINERAL_TRADE_WORDS.isdisjoint(words):
        return None  # (most texts)
    keys, bare = profiles._sector_keys, profiles._bare_goods
    if not all(k in bare and keys[k] in _MINES for k in contained):
        return None
    minerals = _minerals_named(profiles, value)
    if not minerals or (minerals == (_LEAD,) and _LEAD_AS_METAL.isdisjoint(words)):
        return None
    exact = exact_key(value).split()
    written = _in_english(exact)
    named = {text_key(word) for mineral in minerals for word in mineral.split()}
    allowed = _MINERAL_TRADE_WORDS | _MINERAL_TRADE_ASIDE | named
    # a place's name is set aside where it is a country's or a people's, or is written as a
    # name (capitalised among words in lowercase: "Kolwezi cobalt trader"); a region's name
    # of one word in a text in title case may be any other word ("Iron Mountain Traders")
    as_names = _written_as_names(value, exact)
    places = set(range(len(written))) - set(_outside_places(profiles, written))
    aside = {
        i
        for i, word in enumerate(written)
        if as_names[i] or (i in places and _country_or_people(word))
    }
    aside |= _place_spans(profiles, written, places)
    if not all(text_key(written[i]) in allowed for i in range(len(written)) if i not in aside):
        return None
    trader = _mineral_trader(profiles)
    return SectorMatch(trader) if trader is not None else None


@lru_cache(maxsize=8)
def _mineral_trader(profiles: Profiles) -> str | None:
    """The one trading sector the mines of the taxonomy supply (mineral trading); None
    where there is none, or several."""
    traders = [
        s.id
        for s in profiles.sectors.values()
        if s.stage == "trading" and not set(_MINES).isdisjoint(s.inputs)
    ]
    return traders[0] if len(traders) == 1 else None


# words that name no sector of their own in a part of one's name ("products", "farming",
# "processing", "and"): a part made only of them suggests none
_PART_WORDS = (
    _VAGUE
    | _BARE_WORK
    | _FACTORY_WORDS
    | _GENERIC_ALIASES
    | _STANDARDS
    | _keys(
        "and or of the for general trade trading trader service other small large scale"
        " farm farming farmer growing grower producer production plantation estate"
        " smallholder mine mining miner company supplier"
    )
)
_PART_MOST = 3  # the most sectors a part of a name suggests
# words that name a good as a whole product only (text_key's forms): French "or", gold, is
# a conjunction in any longer text ("China or Taiwan", "wild or farmed shrimp")
_WHOLE_GOOD_WORDS = {"or": "Gold"}


def _sectors_with(profiles: Profiles, key: str) -> str | None:
    """The sectors a text (text_key's) naming a material is whole words of an id, name,
    alias or commodity of ("rubber": rubber-plantations, rubber-products; "cobalt": the
    mines and smelting), those where it begins one first, then in the taxonomy's order, at
    most _PART_MOST, as a suggestion. None where it is part of none, names no sector's own
    word ("products"), or no material, a listed good's or a commodity's word: a word of work
    alone ("grinding", "sewing", "reefer") suggests no stage, which may be of any good."""
    words = key.split()
    if not words or all(word in _PART_WORDS or len(word) < 3 for word in words):
        return None
    if _material_words(profiles).isdisjoint(words):
        return None
    order = {sector_id: i for i, sector_id in enumerate(profiles.sectors)}
    found: dict[str, int] = {}
    for sector_id, phrase in profiles._sector_phrases.get(words[0], ()):
        for at in range(len(phrase) - len(words) + 1):
            if phrase[at : at + len(words)] == tuple(words):
                found[sector_id] = min(at, found.get(sector_id, at))
                break
    ids = sorted(found, key=lambda sector_id: (found[sector_id], order[sector_id]))
    return _suggested(profiles, ids[:_PART_MOST])


def _suggested(profiles: Profiles, ids: Iterable[str]) -> str | None:
    """Sectors suggested together, those the profiles hold: "'a' (A), 'b' (B) or 'c' (C)";
    None for none."""
    texts = [f"'{s}' ({profiles.sectors[s].name})" for s in ids if s in profiles.sectors]
    return " or ".join(filter(None, [", ".join(texts[:-1]), *texts[-1:]])) or None


def _aliases_in(keys: Iterable[str], key: str) -> list[str]:
    """The aliases (text_key's forms, `keys`) a text (text_key's `key`) holds whole."""
    padded = f" {key} "
    return [k for k in keys if f" {k} " in padded]


def _good_and_stage_word(
    profiles: Profiles, key: str, contained: list[str]
) -> tuple[str, str] | None:
    """(good, word) for a text (text_key's `key`, holding the aliases `contained`) that is
    one good's name, a word of _STAGE_OF_OTHER_GOODS and joining words only ("tea grinder",
    "négociant en cacao", "comptoir d'achat de cacao"); None for any other text ("gold and
    coffee comptoir", "cocoa and spice grinder", "coffee grinder factory")."""
    good = max((k for k in contained if k in profiles._bare_goods), key=len, default=None)
    if good is None:
        return None
    words, size = key.split(), len(good.split())
    at = [i for i in range(len(words)) if words[i : i + size] == good.split()]
    if len(at) != 1:
        return None
    rest = words[: at[0]] + words[at[0] + size :]
    said = [w for w in rest if w in _STAGE_OF_OTHER_GOODS]
    if len(said) != 1:
        return None
    stage = _STAGE_OF_OTHER_GOODS[said[0]][0]
    joining = _STAGE_JOINING | (_TRADE_JOINING if stage == "trading" else frozenset())
    if not joining.issuperset(w for w in rest if w != said[0]):
        return None
    return good, said[0]


def _stage_of_the_good(profiles: Profiles, key: str, contained: list[str]) -> str | None:
    """The sector of a text (text_key's `key`, holding the aliases `contained`) that names
    one good and, beside it, only a word of _STAGE_OF_OTHER_GOODS and joining words
    (_good_and_stage_word), where that word names a stage of the good's chain that one
    sector of the good covers ("coffee grinder": coffee milling; "négociant en cacao",
    "comptoir d'achat de cacao": cocoa trading). None for any other text."""
    found = _good_and_stage_word(profiles, key, contained)
    if found is None:
        return None
    good, word = found
    stage, chains = _STAGE_OF_OTHER_GOODS[word]
    if profiles.sectors[profiles._sector_keys[good]].chain not in chains:
        return None
    serving = [s for s in _sectors_of_good(profiles, good) if _serves(profiles, s, stage, good)]
    return serving[0] if len(serving) == 1 else None


def _apparel(profiles: Profiles, key: str) -> SectorMatch | None:
    """A text (text_key's `key`) with "apparel" that no alias holds whole: beside words of
    making only ("Textile and Apparel", "Apparel manufacturing", "apparel exporter"), the
    garments a supplier list's maker makes, read as "garments" is; alone, which of a maker
    (garments, the higher risk) or a seller (a brand, a shop) is meant is not said: no
    sector, both suggested, the maker first (a supplier's products may still say). None
    beside any other word: read as written ("apparel retail", "apparel store")."""
    words = key.split()
    rest = [w for w in words if w != _APPAREL and w not in _JOINED and w not in _EITHER]
    if not rest:
        named = [profiles.sectors[s] for s in _APPAREL_SECTORS if s in profiles.sectors]
        return SectorMatch(None, " or ".join(f"'{s.id}' ({s.name})" for s in named) or None)
    if not _APPAREL_MAKING.issuperset(rest):
        return None
    return _match_sector_cached(
        profiles, " ".join(_GARMENTS if w == _APPAREL else w for w in words)
    )


def _names_its_good(profiles: Profiles, alias: str) -> bool:
    """Whether a sector's alias is the name of a good of that sector, its material as the
    stages downstream take it in ('textile', 'fabric', 'leather', 'yarn'), not its work
    ('textile mill', 'tannery', 'spinning')."""
    sector = profiles._sector_keys.get(alias)
    good = profiles._named_good(alias)
    return sector is not None and good is not None and profiles.good_sectors.get(good) == sector


def _its_maker(profiles: Profiles, best: str, contained: list[str]) -> SectorMatch | None:
    """A text whose longest alias (`best`) names a material by its good's name ("leather",
    "textile") beside the alias of a sector downstream of it, its maker ("Leather Shoes",
    "Apparel Textiles"), read as the maker, whatever the lengths and the order: as "cotton
    fabric" is a fabric mill and "leather handbags" footwear, the material says what the
    maker's goods are made of; its own sector is scored beneath the maker, as the maker's
    input, not at the maker's place. The rest of the text is read as without the material
    (_equally_long). None for any other text (a material's work, "tannery shoes", names
    two works: the longest, as before). Written as two parts ("Leather / footwear",
    "textile and garments"), the two are read as the maker only where it is rated no lower
    on any risk type (_beside_goods)."""
    keys, bare = profiles._sector_keys, profiles._bare_goods
    material = keys[best]
    if best in bare or not _names_its_good(profiles, best):
        return None
    downstream = profiles._downstream_of(material)
    # (not a maker's alias that is a part of the material's own: "sewing" of "sewing thread")
    makers = [
        k
        for k in contained
        if k not in bare
        and k not in _FACTORY_WORDS
        and keys[k] in downstream
        and f" {k} " not in f" {best} "
    ]
    if not makers:
        return None
    rest = [k for k in contained if keys[k] != material]
    maker = max(makers, key=len)
    return _equally_long(profiles, maker, rest) or SectorMatch(keys[maker])


def _equally_long(profiles: Profiles, best: str, contained: list[str]) -> SectorMatch | None:
    """A text whose longest alias (`best`) is as long as another's of another sector, neither
    naming only a raw material's good nor any factory (which say less: "cotton fabric",
    "sawmill factory"), read as both name it, never as the taxonomy's order puts first: a
    material's sector gives way to its maker's, downstream of it ("textile garments",
    "garments textile": garment manufacturing; "leather handbags": footwear), as a good's
    name does; of others, the text names each, so the worse of them, the others kept beside
    it and told, as in a text joining them ("Textile & Garments": _several_sectors). None
    where no other is."""
    keys, bare = profiles._sector_keys, profiles._bare_goods
    tied = {
        keys[k]: k
        for k in contained
        if len(k) == len(best) and k not in bare and k not in _FACTORY_WORDS
    }
    if len(tied) < 2 and keys[best] in tied:
        return None
    if len(tied) == 1:
        return SectorMatch(next(iter(tied)))  # (beside a word for any factory)
    makers = [s for s in tied if not any(o in profiles._downstream_of(s) for o in tied)]
    if len(makers) == 1:
        return SectorMatch(makers[0])
    return _several_sectors(profiles, "; ".join(tied[s] for s in makers))


def _sector_in_english(profiles: Profiles, key: str, known_too: bool = False) -> str | None:
    """A text (text_key's `key`) with a key sector's word in German, Spanish, Portuguese or
    French that the taxonomy does not know (_SECTOR_WORDS_ABROAD, or a German compound of
    two: _COMPOUND_FIRST, _COMPOUND_LAST), or with `known_too` one it knows ("conserverie de
    thon", read as no sector whole), in English and its order ("tienda de ropa": 'clothing
    shop', "fábrica de conservas de atún": 'tuna cannery', "Kaffeerösterei": 'coffee
    roastery'), the other words as they are; sugarcane's name and a knitted fabric's words
    as English's ("caña de azúcar": 'sugarcane', "tejido de punto": 'knit fabric'), with the
    farm's and the producer's words beside sugarcane as coffee's are (_COFFEE_WORDS_ABROAD:
    "finca de caña de azúcar": 'sugarcane farm'). None for any other text."""
    phrased = _KNIT_FABRIC_ABROAD.sub("knit fabric", key)
    cane = _SUGARCANE_ABROAD.search(phrased) is not None
    if cane:
        # (a farm's or a cutter's words win: "finca de caña de azúcar para ron", "fornecedor
        # de cana-de-açúcar para usina" grow it for a mill)
        grows = any(
            w in _CANE_GROWN or _COFFEE_WORDS_ABROAD.get(w, ("", False))[0] in _CANE_FARM_WORDS
            for w in phrased.split()
        )
        milled = not grows and any(
            w in _CANE_MILLED or "mill" in _SECTOR_WORDS_ABROAD.get(w, w).split()
            for w in phrased.split()
        )
        phrased = _SUGARCANE_ABROAD.sub("sugar" if milled else _SUGARCANE, phrased)
    words = phrased.split()
    english: dict[str, str] = {}
    unknown = phrased != key
    for word in words:
        grown = (
            _CANE_GROWN.get(word) or _COFFEE_WORDS_ABROAD.get(word, ("", False))[0] if cane else ""
        )
        found = (
            _SECTOR_WORDS_ABROAD.get(word)
            or _compound_in_english(word)
            or _compound_head(profiles, word)
            or (grown if grown not in ("", _COFFEE) else None)
        )
        if found is not None:
            english[word] = found
    if _ANBAU in english and _ANBAU_CROPS.isdisjoint(words):
        del english[_ANBAU]  # ("Anbau": a building's extension too, beside no crop)
    if (
        len(english) > 1
        and _DRY_CLEANER_ABROAD.issuperset(english)
        and not any(
            w in profiles._vocabulary
            for w in words
            if w not in english and w not in _AND_ABROAD | _OF_ABROAD | _LEFT_OUT_ABROAD
        )
    ):
        return None  # (a dry cleaner: "tintorería y lavandería", "tinturaria e lavanderia")
    unread = [w for w in english if known_too or w not in profiles._vocabulary]
    # (a word read so only beside another counts beside another such word: "tintorería
    # textil", not "tintorería" alone)
    unknown = (
        phrased != key
        or any(w not in _NOT_ALONE_ABROAD for w in unread)
        or (len(english) > 1 and bool(unread))
    )
    if not unknown:
        return None
    # (a factory of cans is a cannery: "fábrica de conservas")
    words = [w for i, w in enumerate(words) if not _a_canning_factory(words, i)]
    abroad = {word: (text, word in _BEFORE_ABROAD) for word, text in english.items()}
    return " ".join(_english_order(words, abroad, frozenset())) or None


def _read_in_english(profiles: Profiles, key: str, english: str) -> SectorMatch | None:
    """A text (text_key's `key`) read as its English (_sector_in_english) reads, where that
    names a sector or a cannery of no seafood ("conservas de tomate": 'tomato cannery'); a
    cannery's word abroad ("conserva", "conserverie", "Konservenfabrik") names the canning
    of any food, not English's seafood alias "cannery": seafood processing only beside
    seafood's word ("conservas de atún", "Thunfischkonserven"), else no sector
    (_cannery_unread). None for any other reading."""
    found = _match_sector_cached(profiles, english)
    if found.id is None:
        return found if (found.note or "").startswith(_CANNERY_NOTE) else None
    abroad = any(
        w in _CANNERY_ABROAD or (_CANNERY in (_compound_in_english(w) or "").split())
        for w in key.split()
    )
    if found.id == _SEAFOOD_PROCESSING and abroad and not _names_seafood(profiles, english):
        return _cannery_unread(profiles, None)
    return found


def _names_seafood(profiles: Profiles, text: str) -> bool:
    """Whether a text (text_key's) names seafood ("tuna", "fish", "sardines")."""
    return any(w in _SEAFOOD_NAMES or _seafood_good(profiles, w) for w in text_key(text).split())


def _cannery_of(profiles: Profiles, key: str, contained: list[str]) -> SectorMatch | None:
    """A cannery (seafood processing's alias "cannery") of a food of no seafood, named beside
    it alone ("tomato cannery", "fruit cannery", "peach cannery", "vegetable cannery"): no
    seafood processor (_cannery_unread). None for any other text ("cannery", "tuna cannery",
    "sardine cannery", "fish farm and cannery")."""
    if _CANNERY not in contained or not all(
        k == _CANNERY or k in profiles._bare_goods for k in contained
    ):
        return None
    others = [w for w in key.split() if w != _CANNERY]
    if _names_seafood(profiles, " ".join(others)):
        return None
    foods = [w for w in others if _food_of_no_seafood(profiles, w)]
    return _cannery_unread(profiles, foods[0]) if foods else None


def _food_of_no_seafood(profiles: Profiles, word: str) -> bool:
    """Whether a word (text_key's) names a good of a chain other than seafood's ("tomato",
    "peach", "vegetable")."""
    keys = profiles._sector_keys
    sectors = [keys[word]] if word in profiles._bare_goods else []
    for form in (word, f"{word}s", f"{word}es"):
        good = profiles.match_good(form)
        if good is not None and good in profiles.good_sectors:
            sectors.append(profiles.good_sectors[good])
    return any(s in profiles.sectors and profiles.sectors[s].chain != _SEAFOOD for s in sectors)


def _cannery_unread(profiles: Profiles, food: str | None) -> SectorMatch:
    """No sector for a cannery of a food of no seafood (`food`), or of a food not named (a
    cannery's word abroad alone: "Konservenfabrik", "Conserva"): food manufacturing's and
    seafood processing's suggested, with why."""
    named = [profiles.sectors[s] for s in (_FOOD_MANUFACTURING, _SEAFOOD_PROCESSING)]
    listed = " or ".join(f"'{s.id}' ({s.name})" for s in named if s.id in profiles.sectors)
    canned = f"'{food}' is no seafood" if food else "the food canned is not named"
    return SectorMatch(
        None,
        listed or None,
        f"{_CANNERY_NOTE}, and {canned}: a cannery of"
        f" other food is {named[0].name.lower()}; {_FIX}",
    )


def _a_canning_factory(words: list[str], i: int) -> bool:
    """Whether a text's word `i` (text_key's) is a factory's word before "de" and a
    cannery's ("fábrica de conservas", "usine de conserves"): the cannery says it."""
    return (
        _SECTOR_WORDS_ABROAD.get(words[i]) == "factory"
        and words[i + 1 : i + 2] == ["de"]
        and _SECTOR_WORDS_ABROAD.get(words[i + 2] if len(words) > i + 2 else "") == "cannery"
    ) or (words[i] == "de" and i > 0 and _a_canning_factory(words, i - 1))


def _compound_in_english(word: str) -> str | None:
    """A German compound of a key sector's words (text_key's: "kaffeerosterei",
    "schuhfabrik", "goldmine") in English ('coffee roastery', 'shoe factory', 'gold mine'),
    else None."""
    for first in _COMPOUND_FIRST:
        # (after a joining "s": "Bekleidungsgeschäft")
        last = word[len(first) :]
        last = last[1:] if last[:1] == "s" and last[1:] in _COMPOUND_LAST else last
        if last == _ANBAU and first not in _ANBAU_CROPS:
            continue  # ("Kohlenanbau", "Schuhanbau": no crop grown)
        if word.startswith(first) and last in _COMPOUND_LAST:
            return f"{_COMPOUND_FIRST[first]} {_COMPOUND_LAST[last]}"
    return None


def _compound_head(profiles: Profiles, word: str) -> str | None:
    """The German one-word alias (_compound_heads) a compound the taxonomy does not hold
    ends with, after a first part of three letters or more (text_key's: "hochseefischerei":
    'fischerei', "kalksteinbruch": 'steinbruch'): a compound is a kind of its last part,
    whatever the first names. None for any other word, or one the taxonomy holds."""
    if word in profiles._sector_keys:
        return None
    heads = _compound_heads(profiles)
    return next((h for h in heads if len(word) - len(h) >= _FIRST_PART and word.endswith(h)), None)


def _compound_heads(profiles: Profiles) -> tuple[str, ...]:
    """The taxonomy's one-word aliases (text_key's) of a German work's ending (_HEAD_ENDINGS:
    "weberei", "ziegelei", "fischerei", "steinbruch", "fischzucht"), longest first: each
    names its sector as the last part of a compound ("Hochseefischerei"). Made once per
    profiles."""
    if profiles._heads is None:
        heads = [k for k in profiles._sector_keys if " " not in k and k.endswith(_HEAD_ENDINGS)]
        profiles._heads = tuple(sorted(heads, key=len, reverse=True))
    return profiles._heads


def _metal_ingots(profiles: Profiles, value: str, key: str) -> SectorMatch | None:
    """A metal's ingots ("tin ingots", "gold ingots", "copper ingots", "aluminium ingots",
    "steel ingots", "metal ingots"): a smelter's or refiner's output, so smelting and
    refining; the text names the ingots, one metal or more (a mine's mineral, aluminium,
    steel, or "metal") and nothing else but a form of business. Silicon's are solar wafers'
    ("silicon ingots": an alias of the taxonomy). None for any other text."""
    words = key.split()
    if _INGOT not in words or _SMELTING not in profiles.sectors:
        return None
    minerals = _minerals_named(profiles, value)
    metals = _SMELTED.union(*(text_key(m).split() for m in minerals))
    allowed = metals | _BEFORE_SMELTED | _BUSINESS_FORMS | {_INGOT, "and", "or", "of"}
    if metals.isdisjoint(words) or not allowed.issuperset(words):
        return None
    return SectorMatch(_SMELTING)


def _shop_of(profiles: Profiles, key: str, best: str, contained: list[str]) -> SectorMatch | None:
    """A shop, store or retailer named after what it sells, the retail alias ending the text
    (a form of business aside: "Fishing Shop Ltd"): "fishing shop", "fishing tackle shop",
    "fishing equipment store", "shoe shop", "jewellery store", "seafood shop". It is a
    retailer, never the maker, farm or vessel whose alias before the retail alias names the
    goods or the work: the retail sector the taxonomy has downstream of that sector
    ("clothing shop", "jeans store": apparel retail, as "clothing store" is), else the one
    the retail alias names (general retail). None for any other text, and where no such
    alias stands before it (`best`, the longest alias the text holds, is then read as it
    is: "shop", "tea shop"); a raw material's good beside a shop's word is read apart
    ("coffee shop", a café too: _beside_a_good), and a shop named for the work done there
    is a workshop ("machine shop", "print shop", "shop floor": _WORKSHOP_SHOP)."""
    keys, sectors = profiles._sector_keys, profiles.sectors
    words = key.split()
    while words and words[-1] in _BUSINESS_FORMS:
        words.pop()
    ending = f" {' '.join(words)}"
    shops = [
        k for k in contained if sectors[keys[k]].stage == "retail" and ending.endswith(f" {k}")
    ]
    if not shops:
        return None
    shop = max(shops, key=len)
    if any(len(k) > len(shop) and ending.endswith(f" {k}") for k in contained):
        return None  # (the retail word of a longer alias: "seafood cold store" is a store's)
    before = ending[: -len(shop)]
    goods = [
        k
        for k in contained
        if k not in profiles._bare_goods
        and sectors[keys[k]].chain != _SERVICES
        and sectors[keys[k]].stage != "retail"
        and f" {k} " in before
    ]
    if not goods:
        return None
    sold = sectors[keys[max(goods, key=len)]]
    retail = sectors[keys[shop]]
    if retail.chain == _SERVICES:  # (a shop of any goods: the retailer of these, if any)
        own = [s for s in sectors.values() if s.stage == "retail" and sold.id in s.inputs]
        retail = own[0] if len(own) == 1 else retail
    return SectorMatch(retail.id)


def _food_place(
    profiles: Profiles, value: str, key: str, best: str | None, contained: list[str]
) -> SectorMatch | None:
    """A place that serves or sells food named with it, which is no processor of it: beside
    the seafood processing's alias that names only the food ("seafood", "mariscos"), a
    retailer's alias is that retailer ("seafood retail market"; one ending the text is a
    shop of any goods: "seafood shop", as "fish shop", "food retailer", see _shop_of); a
    place that serves food ("seafood restaurant", "seafood bar", "seafood market"), like one
    named with no alias ("sushi restaurant", "fish restaurant", "restaurant"), is no sector,
    with why (`note`) and the retailer suggested. So is one at the site of any other sector,
    its food service's word after the sector's alias ("garment factory canteen", "gold mine
    cafeteria", "cantine d'usine textile": _food_place_at): a caterer there, not the factory
    or the mine (the two named as two activities, "garment manufacturing, canteen", keep the
    sector: _several_sectors). None for any other text: the alias `best` (None: the text
    holds none) is read as it is."""
    words = key.split()
    keys = profiles._sector_keys
    if not words:
        return None
    sited = False
    if best is not None:
        sector = profiles.sectors[keys[best]]
        sited = _food_place_at(words, best)
        if not sited and (
            sector.chain != _SEAFOOD
            or sector.stage not in MAKING_STAGES
            or not _BUSINESS_WORDS.isdisjoint(best.split())
        ):
            return None  # (a processor's own words: "fish processing", "cannery")
        retail = [k for k in contained if profiles.sectors[keys[k]].stage == "retail"]
        if retail and not sited:
            return SectorMatch(keys[max(retail, key=len)])
    # the place's word names what is served where it is the last ("seafood restaurant"; a
    # chain's or business's word aside: "seafood restaurant chain"), or the first before
    # "de" ("restaurante de mariscos"), or all the text says
    last = len(words)
    while last > 1 and words[last - 1] in _PLACE_BUSINESS:
        last -= 1
    ends = [words[last - 1], *(words[:1] if words[1:2] and words[1] in _OF_WORDS else [])]
    seafood = (best is not None and not sited) or any(map(partial(_seafood_good, profiles), words))
    places = _FOOD_PLACES if seafood else _FOOD_SERVICE
    if not (any(word in places for word in ends) or f" {key}".endswith(" food service")):
        return None
    sellers = [s for s in profiles.sectors.values() if s.chain == _SERVICES and s.stage == "retail"]
    if "market" in words:  # (a fish market may be a trader's auction)
        sellers += [
            s for s in profiles.sectors.values() if s.chain == _SEAFOOD and s.stage == "trading"
        ]
    note = _FOOD_SERVICE_NOTE
    if best is not None:  # (the alias as written: text_key drops no word of exact_key's)
        size = len(best.split())
        at = next(i for i in range(len(words)) if words[i : i + size] == best.split())
        written = " ".join(exact_key(value).split()[at : at + size])
        processor = _lower_first(profiles.sectors[keys[best]].name)
        note = f"'{written}' alone would be {processor}, but {note}"
    return SectorMatch(None, " or ".join(f"'{s.id}' ({s.name})" for s in sellers) or None, note)


def _food_place_at(words: list[str], best: str) -> bool:
    """Whether a text's words (text_key's) name a place that serves food at the site the
    alias `best` names: a food service's word after the alias, last in the text (a
    business's words aside: "factory canteen operator") or first before "de" and the alias
    ("comedor de fábrica textil")."""
    last = len(words)
    while last > 1 and words[last - 1] in _PLACE_BUSINESS:
        last -= 1
    size = len(best.split())
    at = [i for i in range(last) if words[i : i + size] == best.split()]
    if not at:
        return False
    if words[last - 1] in _FOOD_SERVICE and at[0] + size < last:
        return True
    return words[0] in _FOOD_SERVICE and len(words) > 2 and words[1] in _OF_WORDS


def _seafood_good(profiles: Profiles, word: str) -> bool:
    """Whether a word (text_key's) names a good of the seafood chain ("fish", "tuna")."""
    good = profiles.match_good(word)
    sector = profiles.sectors.get(profiles.good_sectors.get(good, "")) if good else None
    return sector is not None and sector.chain == _SEAFOOD


def _cafe(profiles: Profiles, value: str, key: str) -> SectorMatch | None:
    """A text (text_key's) with "café", coffee in Spanish, Portuguese and French and a place
    that serves it in English. Beside a place's word ("internet cafe", "café y
    restaurante", "cafe bar"): None, read as a place that serves food (_food_place). After
    "de" ("exportadora de café", "tazas de café"), beside a word of coffee's in those
    languages ("café verde", "cafe de especialidad", "cooperativa cafetalera", "café e
    cacau") or in English, of its farm, trade or processing ("café farming"), or joined by
    their "y", "e" or "et": coffee, the text read as English writes it ("coffee exporter",
    "green coffee", "specialty coffee"). Alone, a form of business aside ("café", "Cafe
    Ltd"), or before "de" and a name or a place the taxonomy does not know as a word ("Café
    de Flore", "café de Colombia": a café's name, or coffee's origin): no sector, coffee's
    and a retailer's suggested, and no why, so a supplier's products may give it its sector
    (a coffee farm's "coffee beans"). None for any other text (a name: "Café Central")."""
    words = key.split()
    if _CAFE not in words and _CAFE_ADJECTIVES.isdisjoint(words):
        return None
    others = [w for w in words if w != _CAFE]
    if not _CAFE_PLACES.isdisjoint(others):
        return None
    joining = _OF_ABROAD | _LEFT_OUT_ABROAD
    if all(w in _BUSINESS_FORMS for w in others):
        return _cafe_alone(profiles)
    at = [i for i, w in enumerate(words) if w == _CAFE]
    if not (
        any(i > 0 and words[i - 1] in _OF_ABROAD for i in at)
        or any(w in _COFFEE_WORDS_ABROAD or w in _CAFE_COFFEE_WORDS for w in others)
        or not _AND_ABROAD.isdisjoint(others)
    ):
        named = [w for w in others if w not in joining and w not in _BUSINESS_FORMS]
        if any(words[i + 1 : i + 2] and words[i + 1] in _OF_ABROAD for i in at) and not any(
            _known_word(profiles, w) for w in named
        ):
            return _cafe_alone(profiles)
        return None
    english = " ".join(_english_order(_written_words(value), _COFFEE_ABROAD, frozenset()))
    found = _match_sector_text(profiles, english)
    if found.id is None and found.note is not None:
        return replace(found, note=f"read as '{english}', 'café' being coffee: {found.note}")
    return found


def _cafe_alone(profiles: Profiles) -> SectorMatch:
    """The reading of a text of "café" alone, which is coffee or a place that serves it
    (_cafe): no sector, coffee's and a retailer's suggested."""
    likely = [*(_sectors_of_good(profiles, _COFFEE) if _COFFEE in profiles._bare_goods else [])]
    likely += [
        s.id for s in profiles.sectors.values() if s.chain == _SERVICES and s.stage == "retail"
    ]
    return SectorMatch(None, _suggested(profiles, likely))


def _plain_cafe(key: str) -> bool:
    """Whether a text (text_key's) is "café" alone, a form of business aside."""
    words = key.split()
    return _CAFE in words and all(w == _CAFE or w in _BUSINESS_FORMS for w in words)


def _written_words(value: str) -> list[str]:
    """A text's words as exact_key parts them, in the case they are written in ("Café de
    Colombia": 'Cafe', 'de', 'Colombia'), for a name to be read as one (_written_as_names)."""
    text = unicodedata.normalize("NFKD", re.sub(r"\s", " ", value))
    words = re.sub(r"[^A-Za-z0-9]+", " ", text.encode("ascii", "ignore").decode()).split()
    return words if len(words) == len(exact_key(value).split()) else exact_key(value).split()


def _english_order(
    words: list[str], abroad: dict[str, tuple[str, bool]], places_after: frozenset[str]
) -> list[str]:
    """Words (_written_words) of Spanish, Portuguese or French, in English and in its order:
    each word `abroad` gives (by its text_key form) in English, before the noun or after it
    ("café verde": green coffee), a noun after "de" before the one it names ("exportadora
    de café": coffee exporter; "mina de sal": salt mine), the words of `places_after` and
    those after them last ("mina de carbón en Colombia": coal mine in Colombia), a form of
    business last; the parts joined by "y", "e" or "et" each so, joined by "and"; the
    words English leaves out ("en grano": bean) and letters alone ("S.A.") dropped; any
    other word as written ("tazas de café": coffee tazas)."""
    out: list[str] = []
    segment: list[str] = []
    for word in [*words, "and"]:
        if word not in _AND_ABROAD and word != "and":
            segment.append(word)
            continue
        if segment:
            out += [*(["and"] if out else []), *_english_segment(segment, abroad, places_after)]
        segment = []
    return out


def _english_segment(
    words: list[str], abroad: dict[str, tuple[str, bool]], places_after: frozenset[str]
) -> list[str]:
    """One part of a text in English order (_english_order)."""
    keys = [text_key(word) for word in words]
    at = next((i for i, k in enumerate(keys) if k in places_after), len(keys))
    trailer = words[at + 1 :]
    of = next((i for i, k in enumerate(keys[:at]) if k in _OF_ABROAD), at)
    before: list[str] = []
    forms: list[str] = []
    named: list[str] = []
    for span in (range(of + 1, at), range(of)):
        for i in span:
            english, first = abroad.get(keys[i], (words[i], False))
            if not english or len(keys[i]) < 2 or keys[i] in _OF_ABROAD | _LEFT_OUT_ABROAD:
                continue
            if keys[i] in _BUSINESS_FORMS:
                forms.append(words[i])
            else:
                (before if first else named).append(english)
    return [*before, *named, *forms, *(["in", *trailer] if trailer else [])]


# the words joining two sectors' names in one item of a list ("fishing and fish farming")
_SECTORS_JOINING = re.compile(r"\s*&\s*|\s+(?:and|or|und|oder|et|ou|y)\s+", re.IGNORECASE)


def _several_sectors(profiles: Profiles, value: str) -> SectorMatch | None:
    """The reading of a text that names several sectors, each part read as it would be
    alone: the items of a list ("cobalt mining; logistics") or the names joined in one
    ("fishing and fish farming", "fish farming and processing": see _joined_readings).

    Sectors of goods beside services ("Shrimp processing, cold storage", "gold mining,
    software services"): the one sector of goods, as read alone (a mine's scale not said
    still warned), never the service beside it, with what is left out told (`beside`).
    Two sectors of goods or more, of two chains or of one ("cocoa farming; gold mining",
    "fishing and fish farming", "Leather / footwear"): the worse of them (_worse), as read
    alone, with the others kept (`others`: the score takes, on each risk type, the higher
    of their scores, so the supplier is never below any of them) and told (`beside`).
    Which is meant is not known, and the longest name, once read, could be the lower risk
    (fish farming beside fishing). None where the text names one sector at most: it is read
    whole. A raw material's good named alone beside a sector is the good's sector ("gold
    mining, coffee" as "gold mining, coffee farming"), but beside a sector that works it, its
    material, and beside no sector, it names no sector of its own ("Cotton / Spinning",
    "coffee and cocoa": read whole; see _beside_goods).

    A part that reads as no sector for a word misspelt in it, beside a part read as written
    ("fishing and fish farmng", "cocoa farming, coffe farming", "cobalt minning;
    logistics"), is read spelt right, as the sector it alone is suggested first
    (_spelt_right), with that told (`respelt`, the sectors as `suggestion`): the text
    reads as it would spelt right, never as the parts spelt right alone (which could be
    the lower risk)."""
    items = [item for item in _LISTED.split(value) if _names_a_sector(item)]
    named = _not_place_names(items)
    if len(named) < len(items):  # ("seafood processing, Mina": read as the rest)
        return _match_sector_cached(profiles, "; ".join(named), False) if named else None
    items, cafe_served = _cafe_parts(items)
    written, joiner = items, "; "
    if len(items) > 1:
        bare = profiles._bare_goods

        def read_all(read: Callable[[str], SectorMatch]) -> list[tuple[str, SectorMatch]]:
            return _beside_goods(
                profiles, [(item, read(item), text_key(item) in bare) for item in items]
            )
    else:
        parts = [
            p for p in _SECTORS_JOINING.split(items[0] if items else value) if _names_a_sector(p)
        ]
        if len(parts) < 2:
            return None
        named = _not_place_names(parts)
        if len(named) < len(parts):
            return _match_sector_cached(profiles, " and ".join(named), False) if named else None
        parts, cafe_served = _cafe_parts(parts)
        built = _works_in_one_building(profiles, parts)
        if built is not None:
            return built
        written, joiner = parts, " and "

        def read_all(read: Callable[[str], SectorMatch]) -> list[tuple[str, SectorMatch]]:
            return _joined_readings(profiles, parts, read)

    # (each part read as before a good beside another chain's stage word was read as that
    # stage of it: "gold and coffee comptoir" is mineral trading, as "gold and cocoa
    # comptoir" is; see _stage_of_the_good)
    readings = read_all(partial(_match_sector_cached, profiles, staged=False))
    if any(m.id is None for _, m in readings) and any(m.id is not None for _, m in readings):
        readings = read_all(partial(_spelt_right, profiles))
    # a word for any factory gives way to the maker or processor named beside it ("factory,
    # hilatura": a spinning mill, read whole), not to a farm, a mine or a vessel ("mining,
    # manufacturing", "Tea estate; factory": general manufacturing is named too)
    if any(
        match.id is not None
        and text_key(part) not in _FACTORY_WORDS
        and profiles.sectors[match.id].stage in MAKING_STAGES
        for part, match in readings
    ):
        readings = [
            (part, match) for part, match in readings if text_key(part) not in _FACTORY_WORDS
        ]
    # a place that serves food names no sector of goods: a part beside them, as a service
    served = [
        part.strip()
        for part, match in readings
        if match.id is None
        and (
            (match.note or "").endswith(_FOOD_SERVICE_NOTE)
            or (cafe_served and _plain_cafe(text_key(part)))
        )
    ]
    found: dict[str, SectorMatch] = {}
    for _, match in readings:
        if match.id is not None:
            found.setdefault(match.id, match)
            # (an item naming two itself: "fishing; fish farming and processing")
            for other in match.others:
                if other.id != NO_SECTOR:
                    found.setdefault(other.id, SectorMatch(other.id, products=other.minerals))
    sectors = [profiles.sectors[s] for s in found]
    goods = [s for s in sectors if s.chain != _SERVICES]
    if served and not found and len(served) < len(readings):
        # beside a part that names no sector ("fish smoking, restaurant"): no sector, but
        # not a place that serves food alone, so its products may say which it is
        unread = [m for p, m in readings if p.strip() not in served]
        return SectorMatch(None, next((m.suggestion for m in unread if m.suggestion), None))
    # a part that names no sector beside one that does ("logistics; beedi rolling",
    # "software; widget polishing", "cocoa farming, beedi rolling"): the rest as it reads
    # alone, and that part a data gap, which the score never falls below (dropped, it left
    # the rest, which may be the low-risk service, as if it were all)
    said = frozenset(word for s in found for text in profiles._sector_texts[s] for word in text)
    unnamed = [
        (part, match)
        for part, match in readings
        if match.id is None
        and part.strip() not in served
        and _names_work(profiles, part, said, frozenset(found))
    ]
    if unnamed and found:
        return _beside_unnamed(profiles, written, joiner, unnamed)
    # (a part of one item naming none: "fishing; fish farming and beedi rolling")
    nested = tuple(dict.fromkeys(told for _, match in readings for told in match.unmatched))
    if len(goods) > 1:
        read = _worse_of_goods(profiles, found, sectors, goods, served)
    elif len(goods) != 1 or len(sectors) + len(served) < 2:
        # a sector of goods and parts that are work steps of its chain alone ("cobalt mining
        # & processing", "apparel manufacturing & printing"): the rest, as it reads alone
        steps = {id(part) for part, match in readings if match.id is None and _steps_only(part)}
        if goods and steps:
            rest = [part for part in written if id(part) not in steps]
            return _match_sector_cached(profiles, joiner.join(rest), False) if rest else None
        return None
    else:
        [chosen] = goods
        services = len(sectors) > 1
        told = _listed([*(f"'{s.id}' ({s.name})" for s in sectors), *map(_food_part, served)])
        read = replace(
            found[chosen.id],
            beside=f"names {told}: scored as {_lower_first(chosen.name)}, the one of a goods'"
            + " chain ("
            + " or ".join(
                [
                    *(["a service"] if services else []),
                    *(["a place serving food"] if served else []),
                ]
            )
            + " beside it does not lower the score); if the supplier's work is the "
            + " or ".join(
                [*(["service"] if services else []), *(["place serving food"] if served else [])]
            )
            + " alone, write only that",
        )
    respelt = tuple(dict.fromkeys(told for _, match in readings for told in match.respelt))
    meant = dict.fromkeys(m.id for _, m in readings if m.respelt and m.id)
    return replace(
        read,
        respelt=respelt,
        suggestion=" and ".join(f"'{s}' ({profiles.sectors[s].name})" for s in meant) or None,
        unmatched=nested,
        others=_with_no_sector(read.others, bool(nested)),
    )


# the words for the building a work is done in ("ginning and pressing factory", "dyeing and
# printing unit"), in text_key's forms
_BUILDING_WORDS = frozenset({"factory", "unit", "plant", "facility"})


def _works_in_one_building(profiles: Profiles, parts: list[str]) -> SectorMatch | None:
    """The reading of works joined before one word for their building ("ginning and
    pressing factory", "dyeing and printing unit": the building of both works, no factory of
    other goods beside them), where the last work names no sector alone ("pressing") and
    the works read without the building are a processor's or maker's: as they read so
    ("ginning and pressing": cotton ginning). None otherwise ("cocoa farming and chocolate
    factory" names a chocolate factory)."""
    words = parts[-1].split()
    if len(words) < 2 or text_key(words[-1]) not in _BUILDING_WORDS:
        return None
    work = " ".join(words[:-1])
    if _match_sector_cached(profiles, work, False).id is not None:
        return None
    read = _match_sector_cached(profiles, " and ".join([*parts[:-1], work]), False)
    if read.id is None or read.others:
        return None
    sector = profiles.sectors[read.id]
    return read if sector.stage in MAKING_STAGES and not sector.broad else None


def _beside_unnamed(
    profiles: Profiles,
    written: list[str],
    joiner: str,
    unnamed: list[tuple[str, SectorMatch]],
) -> SectorMatch:
    """A text naming a sector with parts (`unnamed`, of the parts `written`, joined by
    `joiner`) that name none: the rest as it reads alone (_several_sectors' rules apply to
    it), those parts told (`unmatched`) and scored as a sector not known beside it (an
    OtherSector of the id NO_SECTOR); where the rest reads as no sector, none."""
    left_out = {id(part) for part, _ in unnamed}
    rest = [part for part in written if id(part) not in left_out]
    read = _match_sector_cached(profiles, joiner.join(rest), False) if rest else SectorMatch(None)
    told = tuple((part.strip(), match.suggestion) for part, match in unnamed)
    if read.id is None:
        return SectorMatch(None, next((s for _, s in told if s), None))
    return replace(
        read,
        unmatched=tuple(dict.fromkeys((*read.unmatched, *told))),
        others=_with_no_sector(read.others, True),
    )


def _with_no_sector(others: tuple[OtherSector, ...], unnamed: bool) -> tuple[OtherSector, ...]:
    """The other sectors a text names, with a sector not known among them where a part of
    it names none (`unnamed`), once."""
    if not unnamed or any(other.id == NO_SECTOR for other in others):
        return others
    return (*others, OtherSector(NO_SECTOR))


def _worse_of_goods(
    profiles: Profiles,
    found: dict[str, SectorMatch],
    sectors: list[Sector],
    goods: list[Sector],
    served: Sequence[str] = (),
) -> SectorMatch:
    """A text naming several sectors of goods, and maybe services or places that serve food
    (`served`, as written: _several_sectors), each read as `found` says: the worse of the
    goods' (_worse), the others kept beside it, and what is done told."""
    chosen = _worse(profiles, goods)
    others = [s for s in goods if s is not chosen]
    named = _listed([*(f"'{s.id}' ({s.name})" for s in sectors), *map(_food_part, served)])
    services = len(sectors) > len(goods) or bool(served)
    told = (
        f"names {named}: scored as {_lower_first(chosen.name)}, the worse"
        + (" sector of goods" if services else "")
        + " (of the higher inherent risk), and on each risk type no lower than "
        + _listed(_lower_first(s.name) for s in others)
        + ": which is meant is not known, and the lower risk is not assumed"
        + (
            " (nor does a "
            + " or ".join(
                [
                    *(["service"] if len(sectors) > len(goods) else []),
                    *(["place serving food"] if served else []),
                ]
            )
            + " beside them lower the score)"
            if services
            else ""
        )
        + "; give the one sector of this supplier"
    )
    # (a mine of unknown scale among them keeps its warning, taken or not)
    assumed = next((found[s.id].assumed for s in (chosen, *others) if found[s.id].assumed), None)
    return replace(
        found[chosen.id],
        assumed=assumed,
        beside=told,
        others=tuple(OtherSector(s.id, found[s.id].products) for s in others),
    )


def _food_part(part: str) -> str:
    """A part of a text naming a place that serves food, as a warning names it."""
    return f"'{part}' (a place serving food: the taxonomy has no sector for it)"


# the mine's words that are names too, of places and people ("Mina", Ghana's and Togo's)
_NAME_MINE_WORDS = frozenset({"mina", "minas"})


def _not_place_names(parts: list[str]) -> list[str]:
    """The parts of a text naming several sectors that are not a place's or a person's name:
    a mine's word alone that is a name too ("Mina", "Minas"), written as one (capitalised,
    not in capitals) after the text's first part, in a text with a part in lower case
    ("seafood processing, Mina", "fishing and Mina") is one; where every part is
    capitalised ("Pesca, Mina") or it comes first ("Mina, pesca") it is read as a mine."""
    if not any(p.strip()[:1].islower() for p in parts):
        return parts
    return [
        p
        for i, p in enumerate(parts)
        if not (
            i > 0
            and text_key(p) in _NAME_MINE_WORDS
            and len(p.split()) == 1
            and p.strip()[:1].isupper()
            and not p.strip().isupper()
        )
    ]


def _cafe_parts(parts: list[str]) -> tuple[list[str], bool]:
    """The parts of a text naming several sectors, "café" alone in one read as coffee, the
    good ("cocoa farming, café" as "cocoa farming, coffee": _beside_goods), and False;
    where another part names a place that serves food ("bakery, café", "restaurant and
    café"), as written, and True: the café is one too."""
    keys = [text_key(p) for p in parts]
    if not any(map(_plain_cafe, keys)):
        return parts, False
    if any(not _CAFE_PLACES.isdisjoint(k.split()) for k in keys if not _plain_cafe(k)):
        return parts, True
    return [_COFFEE if _plain_cafe(k) else p for p, k in zip(parts, keys, strict=True)], False


def _worse(profiles: Profiles, sectors: list[Sector]) -> Sector:
    """Of several sectors, the one of the higher inherent risk: the highest likelihood x
    severity over the risk types, then their sum (_inherent_risk); of equals, the first in
    the taxonomy's order (that of sectors.yaml, then the overlays')."""
    order = {sector_id: i for i, sector_id in enumerate(profiles.sectors)}
    return max(sectors, key=lambda s: (*_inherent_risk(s), -order[s.id]))


def _listed(names: Iterable[str]) -> str:
    """Names as a sentence lists them: 'a', 'a and b', 'a, b and c'."""
    *first, last = names
    return f"{', '.join(first)} and {last}" if first else last


def _spelt_right(profiles: Profiles, part: str) -> SectorMatch:
    """A part of a text naming several sectors as read alone, or, where it reads as no
    sector for a word misspelt in it, as read spelt right: the sector it alone is suggested
    first (_match_sector_spelt: "fish farmng" as "fish farming", aquaculture), with that
    told (`respelt`)."""
    found = _match_sector_cached(profiles, part, False)
    if found.id is not None:
        return found
    written = _match_sector_text(profiles, part, False)
    respelt = _respelt(profiles, text_key(part), forms_too=written.id is None)
    if respelt is None:
        return found
    again = _match_sector_cached(profiles, respelt, False)
    if again.id is None or again.id == written.id:
        return found
    return replace(again, respelt=((part.strip(), respelt, profiles.sectors[again.id].name),))


def _names_a_sector(part: str) -> bool:
    """Whether a part of a list may name a sector: it has a word, and denies nothing ("no
    palm oil", "GMO-free" name no sector's work)."""
    words = exact_key(part).split()
    return bool(words) and not _holds_denial(words)


def _joined_readings(
    profiles: Profiles, parts: list[str], read: Callable[[str], SectorMatch]
) -> list[tuple[str, SectorMatch]]:
    """The sectors the parts of a text joined by "and" read as, each alone, one left short
    read with the words it shares with the next or the last: a good's name before another
    part takes that part's work where that makes a sector of the good ("cocoa and coffee
    farming": cocoa farming; "cotton and garment manufacturing" names no "cotton
    manufacturing"), and a work named alone after a part takes that part's good ("fish
    farming and processing": fish processing, "tea plantation and factory": a tea
    factory). A good's name that completes none is read alone, as a good named alone is
    (_beside_goods); another part that names no sector and completes none names none
    ("gold and silver mining" is read whole); a word for any factory that completes none is
    general manufacturing's ("manufacturing and mining"; but see _several_sectors). Each
    text is read by `read` (as alone, or spelt right)."""
    bare = profiles._bare_goods
    readings = []
    for i, part in enumerate(parts):
        match = read(part)
        alone = text_key(part) in bare
        if alone:
            after = parts[i + 1].split()[1:] if i + 1 < len(parts) else []
            shared = read(" ".join([part, *after])) if after else None
            # (a work of the good's own, not one the words shared make of it: "cotton and
            # garment manufacturing" names no "cotton manufacturing")
            if shared is not None and (
                shared.id is None or shared.id in _sectors_of_good(profiles, text_key(part))
            ):
                match, alone = shared, False
        elif match.id is None or text_key(part) in _FACTORY_WORDS:
            # (a word for any factory alone is left short too: "tea estate and factory")
            before = parts[i - 1].split()[:-1] if i > 0 else []
            shared = read(" ".join([*before, part])) if before else None
            if shared is not None and (shared.id is not None or match.id is not None):
                match = shared
            elif match.id is None and i + 1 < len(parts) and parts[i + 1].split()[1:]:
                # a food named before a place that serves it ("fish and seafood restaurant":
                # a fish restaurant too)
                served = read(" ".join([part, parts[i + 1].split()[-1]]))
                if (served.note or "").endswith(_FOOD_SERVICE_NOTE):
                    match = served
        readings.append((part, match, alone))
    return _beside_goods(profiles, readings)


def _beside_goods(
    profiles: Profiles, readings: list[tuple[str, SectorMatch, bool]]
) -> list[tuple[str, SectorMatch]]:
    """The readings of the parts of a text naming several sectors, each with whether the
    part names only a raw material's good ("coffee", "cotton"), read as its sector alone.
    Such a part beside parts naming sectors is that good's sector, as its farm, mine or
    forest named ("gold mining and coffee", "fishing and cocoa", "gold mining, coffee" as
    "gold mining and coffee farming"), unless a sector named beside it works the good, its
    own or one downstream of it (its material: "Cotton / Spinning", "Coffee, wet mill",
    "cotton and garment manufacturing"); that part, and one beside no sector ("coffee and
    cocoa"), names no sector of its own, and the text is read whole. A part naming a
    processed material by its good ("textile", "leather") beside its maker's is kept: the
    text names both ("Textile/Garment", "Leather / footwear": the worse, the other beside
    it, _several_sectors), as the maker alone may be the lower risk in its country (its
    listings are not the material's)."""
    named = [m.id for _, m, alone in readings if not alone and m.id is not None]
    kept = []
    for part, match, alone in readings:
        own = match.id
        if alone and (
            own is None
            or not named
            or any(s == own or s in profiles._downstream_of(own) for s in named)
        ):
            continue
        kept.append((part, match))
    return kept


# words that say what any business is ("supplies", "company", "trading"): a text alike to
# a sector's name in them alone is not alike to it
_PLAIN_WORDS = frozenset(
    {
        *("supplier", "suppliers", "supplies", "supply", "company", "co", "ltd", "inc"),
        *("gmbh", "group", "services", "service", "products", "product", "goods"),
        *("trading", "trader", "traders", "industries", "industry", "international"),
    }
)


# the words of a part of a text naming several sectors that say no work of their own
# ("trading", "services", "general", "Ltd", "and"), in text_key's forms: a part of them
# alone (or of a place: "cocoa farming, Ghana") names no sector and is no gap
_NO_WORK_WORDS = (
    _keys(" ".join(_PLAIN_WORDS))
    | _BUSINESS_FORMS
    | _keys(" ".join(_EITHER))
    | _keys("general other others various misc miscellaneous etc related activities activity")
)


# the work steps of a value chain ("processing", "export", "packing", "knitting"), in
# text_key's forms: beside a sector of goods, a part of them alone is that chain's own work
# on its goods ("tea plantation and processing", "seafood processing / export", "garment
# factory (sewing, finishing, packing)"), no gap; beside services alone they say no goods
# (_names_work). A step that is a sector of its own ("fishing", "weaving mill") reads as that
# sector, not as a part naming none
_CHAIN_STEPS = _keys(
    "processing process processed export exports exporting exporter packing packaging"
    " packed freezing frozen curing drying sorting grading milling assaying knitting"
    " weaving sewing cutting finishing dyeing printing canning trading storage"
    " warehousing distribution transport transportation fermentation fermenting baling"
    " blending roasting washing bottling labelling labeling shipping handling bagging"
    " peeling shelling hulling grinding"
)


def _steps_only(part: str) -> bool:
    """Whether a part names work steps of a chain (_CHAIN_STEPS) and nothing else but words
    that say no work ("processing", "packing)", "cold storage and export")."""
    keys = [text_key(word) for word in exact_key(part).split() if len(word) > 1]
    return any(key in _CHAIN_STEPS for key in keys) and all(
        key in _CHAIN_STEPS or key in _NO_WORK_WORDS for key in keys
    )


# the words of trade and of the services around any sector's goods ("import/export",
# "customs brokerage", "freight forwarding", "quality control", "sourcing agent"), in
# text_key's forms: beside any sector named, goods' or services', a part of them alone says
# how its goods are traded or checked, no work of its own, and is no gap (_names_work)
_TRADE_WORDS = _keys(
    "import imports importing importer importers export exports exporting exporter exporters"
    " customs brokerage broker brokers clearance clearing freight forwarding forwarder"
    " forwarders quality control inspection inspections sourcing procurement agency agencies"
    " agent agents"
)


# the stages of the sectors that sell goods (a shop, a trader): a good named beside one is
# what it sells (_names_work)
_SELLING_STAGES = frozenset({"retail", "trading"})


def _names_work(profiles: Profiles, part: str, said: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a part of a text naming several sectors that reads as no sector names work
    of its own, which a sector named beside it does not tell ("beedi rolling", "labour
    recruitment", "unknown"): a word of more than one letter that is no place's or people's
    name and no word of _NO_WORK_WORDS ("Ghana", "general trading", "Ltd", the "n" and "a"
    of "n/a" name none), nor a word of the names and aliases of the sectors named beside it
    (`said`: "dyeing and finishing", textile finishing's), nor the name of a good of one of
    those sectors (`named`) or of those beneath them, or of a mineral beside a mine, which
    the work named beside it works ("cobalt and copper mining", "cobalt/copper mining",
    "copper and tin ingots"), or of any good beside a
    shop or a trader, which sells it ("fish and chips shop"), nor, beside a sector of goods,
    a work step of its chain (_CHAIN_STEPS: "tea plantation and processing", "vanilla curing
    & export"), nor, beside any sector, a word of trade or of the services around it
    (_TRADE_WORDS: "wholesale; import/export", "logistics and customs brokerage"); a good of
    another sector is work the text does not otherwise name ("consulting + sericulture"), and
    a step beside services alone names none of their goods ("software; processing")."""
    words = exact_key(part).split()
    mine = not named.isdisjoint(_MINES)
    # (a work step beside a sector of goods: that chain's own work, _CHAIN_STEPS)
    goods = any(profiles.sectors[s].chain != _SERVICES for s in named)
    sells = any(profiles.sectors[s].stage in _SELLING_STAGES for s in named)

    def of_the_sectors(word: str) -> bool:
        good = profiles.match_good(word)
        own = profiles.good_sectors.get(good) if good is not None else None
        return (
            good is not None
            and (
                sells
                or own in named
                or (own is not None and not named.isdisjoint(profiles._downstream_of(own)))
            )
        ) or (mine and bool(_minerals_named(profiles, word)))

    return any(
        len(words[i]) > 1
        and (key := text_key(words[i])) not in _NO_WORK_WORDS
        and key not in _TRADE_WORDS
        and key not in said
        and not (goods and key in _CHAIN_STEPS)
        and not of_the_sectors(words[i])
        for i in _outside_places(profiles, words)
    )


def _material_words(profiles: Profiles) -> set[str]:
    """The words of the listed goods and the commodities (text_key's), with the sectors'
    phrases by each of their words (Profiles._sector_phrases), made on first use."""
    if not profiles._sector_phrases:
        for sector in profiles.sectors.values():
            for text in (sector.id, sector.name, *sector.aliases, *sector.commodities):
                phrase = tuple(text_key(text).split())
                for word in dict.fromkeys(phrase):
                    profiles._sector_phrases.setdefault(word, []).append((sector.id, phrase))
            for commodity in sector.commodities:
                profiles._material_words.update(text_key(commodity).split())
        for good in profiles.good_sectors:
            profiles._material_words.update(text_key(good).split())
    return profiles._material_words


def _alike_beyond_plain_words(key: str, near: str, materials: Collection[str]) -> bool:
    """Whether a text of several words is alike the sector's name it is near beyond plain
    words: word for word where both have as many words (each a slip or another form of one
    of the name's, or one of a good's or commodity's words, `materials`, shared: "cocoa
    farmng", "shrimp peeler", "glove plant"; not "feed mill" for "coffee mill"), else by a
    word other than a plain one, or all its letters run together (a compound written
    apart); a text of one word is judged by its whole."""
    from rapidfuzz import fuzz

    words = key.split()
    if len(words) < 2:
        return True
    theirs = [w for w in near.split() if w not in _PLAIN_WORDS]
    if len(near.split()) == len(words):
        # word for word: each word alike one of the name's, a slip or another form of it
        # ("cocoa farmng", "shrimp peeler", "dry fish": Jaro-Winkler's measure, which weighs
        # the letters a word begins with; "beedi rolling": letters in common); one other
        # word makes another thing ("feed mill" is no "coffee mill", "Old supplier" no
        # "coal supplier", "company sector" no "security company", however alike the
        # letters run together)
        from rapidfuzz.distance import JaroWinkler

        def alike(mine: str, word: str) -> bool:
            return JaroWinkler.normalized_similarity(mine, word) >= 0.84 or (
                fuzz.ratio(mine, word) >= 65
            )

        # (or one of the goods' or commodities' words both say: "glove plant", "shrimp
        # plant" are of their good, a stage of it written otherwise)
        shared = set(words).intersection(near.split(), materials)
        return bool(shared) or all(
            any(alike(mine, word) for word in near.split()) for mine in words
        )
    if fuzz.ratio("".join(words), near.replace(" ", "")) >= 80:
        return True  # (a compound written apart: "Textil Veredelung", textilveredelung)
    return any(
        fuzz.ratio(mine, word) >= 80
        for mine in words
        if mine not in _PLAIN_WORDS
        for word in theirs
    )


def _mine_by_its_minerals(profiles: Profiles, value: str) -> SectorMatch | None:
    """A mine named by its minerals and a mine's words ("cobalt mining", "gold mine site",
    "mining", "artisanal coltan mining"; not "data mining" nor "mining equipment"): the
    mining sector of the scale it says ("small-scale gold mining": artisanal), else the
    mining sector that extracts the minerals it names, of those that do the one of the
    worse inherent risk (artisanal mining for gold, cobalt, copper, tin), with what is
    assumed told (`assumed`): the text does not say the scale, and artisanal and industrial
    mines differ widely. A mine that names no mineral, or none the mining sectors extract,
    is of either: the worse. Besides a mine's words, a place ("gold mining Ghana", "gold
    mining in Ghana"), a form of business ("tin mining cooperative", "gold mining Ltd") and,
    beside a mineral, a name the taxonomy does not know written as one ("Kolwezi cobalt
    mine") tell nothing. None for any other text."""
    mines = [profiles.sectors[s] for s in _MINES if s in profiles.sectors]
    if not mines or _not_a_mines_words(profiles, value):
        return None
    return _mine_read(profiles, value, mines)


def _mine_word_outside_places(profiles: Profiles, value: str) -> bool:
    """Whether a text has a mine's word (_MINING) that is no part of a place's name: the
    Spanish "mina" of "Minas Gerais" is none."""
    written = exact_key(value).split()
    outside = " ".join(text_key(written[i]) for i in _outside_places(profiles, written))
    return _MINING.search(outside) is not None


def _mine_read(profiles: Profiles, value: str, mines: list[Sector]) -> SectorMatch:
    """The mining sector a mine's text reads as (_mine_by_its_minerals), with what it
    assumes."""
    said = _said_scales(text_key(value).split())
    if len(said) == 1 and (scale := said.pop()) in profiles.sectors:
        return SectorMatch(scale)
    minerals = _minerals_named(profiles, value)
    extracting = [s for s in mines if any(_extracts(profiles, s, m) for m in minerals)] or mines
    chosen = _worse(profiles, extracting)
    named = " and ".join(minerals)
    if len(extracting) > 1:
        why = "the worse of the two" + (f" for {named}" if minerals else "")
        why += " (an unknown scale is not taken as the lower risk)"
    else:
        why = f"the one mining sector of the taxonomy that extracts {named}"
    other = " or ".join(
        f"if it is {_lower_first(s.name)}, write '{s.id}'" for s in mines if s is not chosen
    )
    return SectorMatch(
        chosen.id,
        assumed="does not say whether the mine is artisanal or industrial: scored as"
        f" {_lower_first(chosen.name)}, {why}; {other}",
    )


def _said_scales(words: list[str]) -> set[str]:
    """The mining sectors the scale words of a mine's text (text_key's) name (_SCALES): "gran"
    and "grande" only before a mine's or a scale's word ("gran minería", "a gran escala")."""
    nouns = _MINE_WORDS_ABROAD | _SCALE_NOUNS | {"mine", "mines", "mining"}
    following = [*words[1:], ""]
    return {
        _SCALES[word]
        for word, after in zip(words, following, strict=True)
        if word in _SCALES and (word not in _SCALES_BEFORE or after in nouns)
    }


def _mine_in_english(profiles: Profiles, value: str, key: str) -> str | None:
    """A mine's text in German, Spanish, Portuguese, French or Dutch naming a good that a
    sector other than artisanal and industrial mining mines (salt, coal, emeralds,
    diamonds, gems: _MINED_ABROAD), as English writes it ("mina de sal": 'salt mine', "mine
    de charbon": 'coal mine', "mina de diamantes": 'diamond mine'), to be read so: as the
    English text is, never a mine of unknown minerals. None for any other text (a mine's of
    the minerals those sectors mine reads its words as they are: _mine_by_its_minerals)."""
    words = key.split()
    if _MINED_ABROAD.keys().isdisjoint(words):
        return None
    if _MINE_WORDS_ABROAD.isdisjoint(words) and (  # (French "mine de charbon")
        _OF_ABROAD.isdisjoint(words) or {"mine", "mines"}.isdisjoint(words)
    ):
        return None
    if not _mine_word_outside_places(profiles, value):
        return None
    return " ".join(_english_order(_written_words(value), _MINE_IN_ENGLISH, _PLACE_AFTER_ABROAD))


_MINE_TEXT_WORDS = (
    _MINE_WORDS | _MINE_WORDS_ABROAD | _SCALES.keys() | _MINE_COMPANY_WORDS | {"and", "or"}
)


def _not_a_mines_words(profiles: Profiles, value: str) -> list[str]:
    """The words of a text (text_key's) that are none of a mine's (_mine_by_its_minerals):
    not a mine's own, a scale, a place, a form of business, nor, beside a mineral, a name
    the taxonomy does not know ("data" in "Data mining" names no mineral beside it)."""
    written = exact_key(value).split()
    words = _in_english(text_key(value).split())
    if len(words) != len(written):  # (text_key drops no word that exact_key keeps)
        return [word for word in words if word not in _MINE_TEXT_WORDS]
    minerals = _minerals_named(profiles, value)
    # (an ore's name is a mineral's too: "heterogenite", "columbite-tantalite")
    allowed = _MINE_TEXT_WORDS.union(*(text_key(m).split() for m in minerals))
    outside = _outside_places(profiles, written)
    others = [i for i in outside if words[i] not in allowed and len(words[i]) > 1]
    if not others or not minerals:
        return [words[i] for i in others]
    names = _written_as_names(value, written)
    return [words[i] for i in others if not names[i] or _known_word(profiles, words[i])]


def _known_word(profiles: Profiles, word: str) -> bool:
    """Whether the taxonomy, or the list of other goods and work, has a word (text_key's)."""
    return word in profiles._vocabulary or word in _OTHER_WORK


def _maker_word(profiles: Profiles, word: str) -> bool:
    """Whether a word (text_key's) before the name of a made good may be its maker's or
    brand's name (made_good_sectors), in any case ('Samsung', 'samsung', 'LG'): one the
    taxonomy does not know (_known_word), no shorthand of what the good is made of ('NMC',
    'LFP', '3TG': SHORTHANDS), nor a word making it a likeness of the good or of another
    material ('carob', 'imitation': _NOT_KINDS)."""
    return not _known_word(profiles, word) and word not in SHORTHANDS and word not in _NOT_KINDS


def _mine_suggested(profiles: Profiles, value: str) -> str | None:
    """For a mine's text with words the taxonomy does not know beside a mineral ("kolwezi
    cobalt mine", "cobalt mine Tshamilemba"): the mining sector it would be read as without
    them, to suggest; None where a word names goods or work ("gold mining equipment")."""
    mines = [profiles.sectors[s] for s in _MINES if s in profiles.sectors]
    others = _not_a_mines_words(profiles, value)
    if not mines or not _minerals_named(profiles, value):
        return None
    if any(_known_word(profiles, word) for word in others):
        return None
    sector = profiles.sectors[_mine_read(profiles, value, mines).id or mines[0].id]
    return f"'{sector.id}' ({sector.name})"


def _lower_first(name: str) -> str:
    """A sector's name within a sentence ('artisanal and small-scale mining (ASM)')."""
    return name[:1].lower() + name[1:]


def _inherent_risk(sector: Sector) -> tuple[float, float]:
    """A sector's inherent risk, to compare sectors by: its highest likelihood x severity
    over the risk types, then their sum."""
    priorities = [r.likelihood * r.severity for r in sector.risk.values()]
    return max(priorities, default=0.0), sum(priorities)


def _extracts(profiles: Profiles, sector: Sector, mineral: str) -> bool:
    """Whether a mining sector extracts a mineral: a listed good of its own, or one of its
    commodities ('copper': both artisanal and industrial mining; 'lithium': industrial)."""
    goods = profiles.named_goods([mineral])
    if any(profiles.good_sectors.get(good) == sector.id for good in goods):
        return True
    return profiles._names_commodity(sector, [mineral], goods)


_MAKING = "manufacturing"  # (the stage of the broad sectors that make goods)


def _goods_of_sector_named(
    profiles: Profiles, sector: str, value: str, beside: frozenset[str] | None = None
) -> tuple[str, ...]:
    """The goods of a sector its text names by a good's name or alias (Profiles._named_runs:
    'float glass works': 'float glass'; 'ceramics': 'ceramics'), as written (lower case),
    where its other words are a maker's only (_MAKER_WORDS; or those `beside` gives: a
    grower's, _GROWER_WORDS); none where a run names a good
    of another sector, or another word says which kind of thing it makes ('mobile phone
    accessories manufacturer', 'glass fibre factory', 'brass and glass handicrafts': no
    fashion accessories, no glass alone)."""
    written = exact_key(value).split()
    used = [False] * len(written)
    runs = sorted(profiles._named_runs(written, (), used))
    if any(profiles.good_sectors.get(good) != sector for _, _, good in runs) or any(
        text_key(word) not in (_MAKER_WORDS if beside is None else beside)
        for word, named in zip(written, used, strict=True)
        if not named
    ):
        return ()
    return tuple(dict.fromkeys(" ".join(written[at : at + size]) for at, size, _ in runs))


# the words of a maker's sector text beside the goods it makes ("glass manufacturer",
# "cement works", "ceramics factory Ltd"), in text_key's forms
# the words of a company and the small words beside a sector text's goods, in any language
_FIRM_AND_SMALL_WORDS = (
    " company co ltd limited inc plc sa srl spa gmbh ag group corp corporation enterprise"
    " enterprises llc pvt and of the de du la le el y et und"
)
_MAKER_WORDS = _keys(
    "manufacturer manufacturers manufacturing manufacture maker makers making factory"
    " factories works plant mill producer producers production industry industries"
    " industrial fabricante fabrica fabrication fabricacao fabricacion usine fabrik"
    " hersteller" + _FIRM_AND_SMALL_WORDS
)


# the broad sectors of growing and raising, whose text may name the crop or herd
_GROWING = frozenset({"crop-farming", "livestock-farming"})
# the words of a farm's sector text beside the good it grows ("flower farm", "rose growers",
# "avocado orchard Ltd"), in text_key's forms
_GROWER_WORDS = _keys(
    "farm farms farming farmer farmers grower growers growing plantation plantations estate"
    " estates orchard orchards nursery nurseries greenhouse greenhouses outgrower outgrowers"
    " smallholder smallholders producer producers production cooperative coop cut fresh"
    " finca fazenda granja shamba" + _FIRM_AND_SMALL_WORDS
)


@lru_cache(maxsize=1024)
def _minerals_named(profiles: Profiles, value: str) -> tuple[str, ...]:
    """The minerals a mine's sector text names, in its order and as written (lower case):
    the runs of its words that name a listed good of a mining sector ('cobalt', 'iron ore',
    'coltan') and the words that name one of their commodities ('lithium'); not the words
    of a place's name."""
    written = exact_key(value).split()
    found = _minerals_in(profiles, _in_english(written))
    if not found:  # (most texts name none: the names of places, costly, are not looked up)
        return ()
    outside = set(_outside_places(profiles, written))
    return _minerals_in(
        profiles, [word if i in outside else "" for i, word in enumerate(_in_english(written))]
    )


def minerals_in_english(words: Iterable[str]) -> set[str]:
    """Words (exact_key's or text_key's), each mineral named in another language named in
    English ('oro': 'gold', 'plata': 'silver')."""
    return {_MINERALS_ABROAD.get(word, word) for word in words}


def _in_english(words: list[str]) -> list[str]:
    """A mine's words (exact_key's or text_key's) with the minerals named in another
    language named in English ('minería de oro': 'gold'; "mine d'or": 'gold', the French
    'or' only after "d'")."""
    if not any(word in _MINERALS_ABROAD or word == "or" for word in words):
        return words
    return [
        "gold" if word == "or" and words[i - 1 : i] == ["d"] else _MINERALS_ABROAD.get(word, word)
        for i, word in enumerate(words)
    ]


def _minerals_in(profiles: Profiles, words: list[str]) -> tuple[str, ...]:
    """The minerals words name (see _minerals_named; a word set aside is "")."""
    used = [not word for word in words]
    found: dict[int, str] = {}
    for start, size, good in profiles._named_runs(words, (), used):
        if profiles.good_sectors.get(good) in _MINES:
            found[start] = " ".join(words[start : start + size])
    commodities = {
        text_key(commodity)
        for s in _MINES
        if s in profiles.sectors
        for commodity in profiles.sectors[s].commodities
    }
    for i, word in enumerate(words):
        if word and not used[i] and text_key(word) in commodities:
            found[i] = word
    return tuple(dict.fromkeys(found[i] for i in sorted(found)))


# words that beside a good alone (and a company's words, and the words `also`) say what
# another word says, that word, and whether it always does (else only where that word
# names a stage of the good no sector covers): a maker's, its factory where no sector
# processes the good ("tea manufacturer", "rice manufacturing company": no sector, never
# general manufacturing, whose listings name other goods; "coffee manufacturer" may make
# instant coffee: general manufacturing, as before), and marketing, its trade ("coffee
# marketing agent", "tea marketing": a trader of the good, no advertising agency)
_GOOD_BESIDE_A_WORD: tuple[tuple[frozenset[str], str, frozenset[str], bool], ...] = (
    (
        frozenset({"manufacturer", "manufacturers", "manufacturing"}),
        "factory",
        frozenset(),
        False,
    ),
    (
        frozenset({"marketing", "marketer", "marketers"}),
        "trading",
        frozenset({"agent", "agents", "agency", "board", "firm", "organisation"}),
        True,
    ),
)


def _good_beside_a_word(
    profiles: Profiles, key: str, words: frozenset[str], also: frozenset[str]
) -> tuple[str, str] | None:
    """A text (text_key's `key`) naming a raw material's good beside one of `words` and,
    besides, only a company's words and `also`: the good and that word. None for any
    other text (see _GOOD_BESIDE_A_WORD)."""
    split = key.split()
    said = [w for w in split if w in words]
    if len(said) != 1:
        return None
    aside = _BUSINESS_FORMS | also
    good = " ".join(w for w in split if w != said[0] and w not in aside)
    if good not in profiles._bare_goods:
        return None
    if profiles.sectors[profiles._sector_keys[good]].stage != "raw":
        return None
    return good, said[0]


def _made_beside_a_factory(profiles: Profiles, padded: str, contained: list[str]) -> list[str]:
    """The aliases a text holds beside a word for any factory ("factory", "manufacturer",
    general manufacturing's), where the factory word would be the longest: the maker or
    processor named beside it ("battery factory", "shoe workshop"), or the processing stage
    of a raw material's good that one sector covers ("cocoa factory": cocoa processing), in
    its place; the factory word says less. A factory that makes equipment for the work
    named, repairs or recycles ("textile machinery factory", "battery repair workshop"):
    the factory word. A raw material's good alone beside "factory" that no sector processes
    ("tea factory", "rice factory"): the good, read as at a stage no sector of it covers
    (_grown_alone). Anything else (a farm, a trader or a shop named beside it; a good
    several sectors process) is read as the longest alias contained, as without this
    rule. A maker's alias in the plural in -ies counts in the singular, where it is all the
    text names beside the factory word ("battery factory": 'batteries')."""
    factories = [k for k in contained if k in _FACTORY_WORDS]
    keys, bare = profiles._sector_keys, profiles._bare_goods
    others = [k for k in contained if k not in _FACTORY_WORDS]
    if any(f in k.split() for k in others for f in factories):
        return contained  # (an alias holds the factory word: "garment manufacturing")
    if _NOT_MADE_HERE.search(padded):
        return factories
    making = ("manufacturing", "processing")
    if not others:
        return _singular_maker(profiles, padded) or _work_mill(profiles, padded) or contained
    makers = [k for k in others if k not in bare]
    if makers:  # beside a good, the maker ("cotton t-shirt workshop"), if all others are
        return (
            makers if all(profiles.sectors[keys[k]].stage in making for k in makers) else contained
        )
    processed = [k for k in others if len(_processing_of(profiles, k)) == 1]
    if "factory" in factories and processed == others:
        return others
    # a raw material's good whose chain no sector processes ("tea factory", "rice
    # factory", "beef factory"): the good at a stage no sector covers (_beside_a_good's
    # note), never general manufacturing, whose listings name other goods (a Vietnamese
    # tea factory is no maker of Vietnam's furniture)
    if "factory" in factories and len(others) == 1 and _grown_alone(profiles, padded, others[0]):
        return others
    return contained


# the names of grown goods made into many things in factories of the taxonomy's makers:
# fruit, vegetables, grains, nuts and spices canned, juiced, milled and packed by food
# manufacturing ("fruit processing factory"), tobacco into cigarettes and bidis by general
# manufacturing ("tobacco factory"): a factory of them is no stage no sector covers
_MADE_INTO_MANY = frozenset(
    {"fruit", "fruits", "vegetable", "vegetables", "grains", "cereals", "pulses", "spices"}
    | {"nuts", "produce", "fresh produce", "horticulture", "tobacco"}
)


# the words beside a raw good that leave it the grower's alone (_grown_alone)
_GROWN_ALONE_WORDS = _FACTORY_WORDS | _BUSINESS_FORMS | _PRODUCER_WORDS | _ANY_STAGE_WORD


def _grown_alone(profiles: Profiles, padded: str, alias: str) -> bool:
    """Whether a text names a good grown or raised (a sector of ISIC division 01, crop and
    animal production; crop farming, whose classes the taxonomy leaves blank) that no
    sector processes, beside a factory word and only a producer's, a stage's or a
    company's words ("tea factory", "tea processing factory", "rice factory Ltd"). Not one
    beside any other word, which may name what is made ("artificial flowers factory":
    general manufacturing), nor a mine's, a quarry's or a forest's good, made into goods
    of many kinds ("granite factory", "timber factory")."""
    sector = profiles.sectors[profiles._sector_keys[alias]]
    if sector.stage != "raw" or not (sector.isic or "01").startswith("01"):
        return False
    if _processing_of(profiles, alias) or alias in _MADE_INTO_MANY:
        return False
    rest = f" {padded} ".replace(f" {alias} ", " ", 1).split()
    # (any other word may name what is made, "fruit juice factory", or be a name: as before)
    return all(word in _GROWN_ALONE_WORDS for word in rest)


def _work_mill(profiles: Profiles, padded: str) -> list[str]:
    """The mill of a work named beside a factory word alone, whose mill is a maker's or a
    processor's alias ("weaving factory": 'weaving mill', "knitting factory": 'knitting
    mill'); [] for none."""
    rest = [w for w in padded.split() if w not in _FACTORY_WORDS and w not in _BUSINESS_FORMS]
    mill = f"{rest[0]} mill" if len(rest) == 1 and rest[0].endswith("ing") else ""
    keys = profiles._sector_keys
    if mill not in keys or profiles.sectors[keys[mill]].stage not in MAKING_STAGES:
        return []
    return [mill]


def _singular_maker(profiles: Profiles, padded: str) -> list[str]:
    """A maker's alias in the plural in -ies written in the singular beside a factory word,
    the only sector the text names ("lithium battery factory": 'batteries'); [] for none."""
    if "y " not in padded:
        return []
    keys, bare = profiles._sector_keys, profiles._bare_goods
    rest = " ".join(w for w in padded.split() if w not in _FACTORY_WORDS)
    ied = re.sub(r"(?<=[a-z]{2})y\b", "ie", rest)
    found = [k for k in keys if f" {k} " in f" {ied} " and k not in bare]
    if len(found) != 1 or profiles.sectors[keys[found[0]]].stage != "manufacturing":
        return []
    # (the other words name no other sector nor a stage: "battery trading factory" is none)
    left = set(ied.split()) - set(found[0].split())
    return [] if any(w in keys or w in _ANY_STAGE_WORD for w in left) else found


@lru_cache(maxsize=1024)
def _processing_of(profiles: Profiles, alias: str) -> tuple[str, ...]:
    """The sectors of a raw material's good that cover its processing stage (see _serves)."""
    return tuple(
        s for s in _sectors_of_good(profiles, alias) if _serves(profiles, s, "processing", alias)
    )


def _beside_a_good(
    profiles: Profiles, value: str, key: str, alias: str, contained: list[str]
) -> SectorMatch:
    """A raw material's good named beside other words ("coffee cups", "coffee export").

    Its producer's sector where the other words only describe the producer ("organic
    coffee", "Kenyan tea growers"); the one sector of the good's chain at the stage they
    name ("coffee export": milling and export); else no sector, with the sectors likely
    meant: a cup maker or a tea trader is never scored as the farm.
    """
    keys = profiles._sector_keys
    sector = profiles.sectors[keys[alias]]
    words = key.split()
    written = exact_key(value).split()  # the same words with their plurals, as written
    size = len(alias.split())
    start = next(i for i in range(len(words)) if words[i : i + size] == alias.split())
    # the recruiter's words: "coffee labour supplier" places workers on coffee farms
    recruiting = {w for found in _RECRUITERS.finditer(key) for w in found.group(0).split()}
    names = _written_as_names(value, written)
    others, stages = _other_words(
        profiles,
        words[:start] + words[start + size :],
        written[:start] + written[start + size :],
        set(alias.split()) | recruiting,
        names[:start] + names[start + size :],
    )
    if not others and not stages:
        return SectorMatch(sector.id)
    of_good = _sectors_of_good(profiles, alias)
    serving = [s for s in of_good if stages and all(_serves(profiles, s, g, alias) for g in stages)]
    if not others and len(serving) == 1:
        return SectorMatch(serving[0])
    # the sectors likely meant: those of the other aliases in the text ("coffee shop": a
    # shop), of the stage named, those whose aliases share a word ("bags printing":
    # textile printing), then the good's own
    likely = [keys[k] for k in sorted(contained, key=len, reverse=True) if keys[k] != sector.id]
    likely += serving or [s for s in of_good if any(_serves(profiles, s, g, alias) for g in stages)]
    if not serving:  # a stage no sector of the good covers: the sectors it supplies at that
        # stage ("vanilla exporter": wholesale trade) and the general sector of the stage
        likely += [
            s.id
            for s in profiles.sectors.values()
            if s.stage in stages and (sector.id in s.inputs or s.chain == "services")
        ]
    # only sectors of the good's chain or of none ("other", "services"): "washing" beside
    # coffee is no textile finishing, beside tea no coffee milling either
    named = {text_key(word) for word in others} - set(profiles._bare_goods) - _VAGUE
    chains = {sector.chain, "other", "services"}
    # (a retailer's word suggests retailers: "coffee store" no cold store's warehousing)
    sold = {w for w in named if w in keys and profiles.sectors[keys[w]].stage == "retail"}
    likely += [
        s
        for s, texts in profiles._sector_texts.items()
        if profiles.sectors[s].chain in chains
        and any(
            (named - sold if profiles.sectors[s].stage != "retail" else named) & t for t in texts
        )
    ]
    likely = list(dict.fromkeys([*likely, *of_good]))
    if stages and not others:
        # (the good beside a stage's words alone, "hazelnut processing", "vanilla exporter":
        # it works or trades the good, no farm, mine or vessel is meant)
        likely = [s for s in likely if profiles.sectors[s].stage != "raw"]
    likely = likely[:4]
    unknown = [w for w in map(text_key, others) if w not in profiles._vocabulary | _OTHER_WORK]
    if unknown and sector.id not in likely:
        # a word the taxonomy does not know may yet be a name: the producer is a choice too
        likely[-1:] = [sector.id]
    texts = [f"'{s}' ({profiles.sectors[s].name})" for s in likely]
    suggestion = " or ".join(filter(None, [", ".join(texts[:-1]), *texts[-1:]]))
    good = " ".join(written[start : start + size])
    if others:
        why = f"'{' '.join(others)}' names other goods or work"
    else:
        stage_words = " ".join(w for found in stages.values() for w in found)
        covers = "several sectors cover" if serving else f"no sector named for {good} covers"
        why = f"'{stage_words}' names a stage of {good} {covers}"
    what = sector.name[0].lower() + sector.name[1:]
    note = f"'{good}' alone would be {what}, but {why}; {_FIX}"
    return SectorMatch(None, suggestion or None, note)


def _harms_denied(words: list[str], at: tuple[int, ...]) -> list[tuple[int, int]]:
    """Where a product's words (exact_key's) name a harm its denial denies, as read_denials
    reads it (`at`), from the first word to the one after the last: 'conflict' in
    'conflict-free gold', 'child labour' in 'child labour free cocoa' (_HARMS)."""
    found = []
    for i in range(len(words)):
        for harm in _HARMS:
            end = i + len(harm)
            if tuple(words[i:end]) == harm and all(part != SAID for part in at[i:end]):
                found.append((i, end))
                break
    return found


def _packing(words: list[str]) -> list[bool]:
    """Which words of a product (exact_key's) say how much of it there is or how it is
    packed: a quantity and its unit ("25 kg", "50kg", "6 x 1 kg"), containers after one or
    after "in" ("50 kg bags", "in jute bags", "in tin cans", "bags of 60 kg"), "in bulk", and
    what a canned or jarred good is packed in ("tuna in oil", "in olive oil", "in brine")."""
    said = [False] * len(words)
    if not ({"in", "of"}.intersection(words) or any(map(str.isdigit, "".join(words)))):
        return said  # (most products: no quantity, no "in" nor "of")
    for i, word in enumerate(words):
        before = words[i - 1] if i and said[i - 1] else ""
        # (a container after a weight, not a bare number: "100% tin" is tin)
        unit = text_key(word) in _UNITS
        packed = not before.isdigit() and text_key(word) in _CONTAINERS
        said[i] = bool(_QUANTITY.fullmatch(word)) or (bool(before) and (unit or packed))
    materials: list[int] = []
    for i in range(1, len(words) - 1):
        # (the material of a container after a weight: "60kg jute bags"; not after a bare
        # number: "100% jute bags" are jute bags)
        if (
            said[i - 1]
            and not words[i - 1].isdigit()
            and not said[i]
            and text_key(words[i]) in _CONTAINER_MATERIALS
            and text_key(words[i + 1]) in _CONTAINERS
        ):
            said[i] = said[i + 1] = True
            materials.append(i)
    if materials and all(said):
        # (nothing else named: the bags are the product, "60kg jute bags", "500 pcs jute bags")
        for i in materials:
            said[i] = said[i + 1] = False
    for i, word in enumerate(words):
        if word == "in":
            end = next(
                (
                    j
                    for j in range(i + 1, min(i + 4, len(words)))
                    if words[j] == "bulk"
                    or text_key(words[j]) in _CONTAINERS
                    or text_key(words[j]) in _MEDIA
                ),
                None,
            )
            while (
                end is not None and end + 1 < len(words) and text_key(words[end + 1]) in _CONTAINERS
            ):
                end += 1  # ("in tin cans")
            if end is not None:
                said[i : end + 1] = [True] * (end + 1 - i)
        elif word == "of" and 0 < i < len(words) - 1 and text_key(words[i - 1]) in _CONTAINERS:
            if said[i - 1]:  # ("6 x 1 kg tins of tuna")
                said[i] = True
            elif _QUANTITY.fullmatch(words[i + 1]):  # ("bags of 60 kg")
                said[i - 1] = said[i] = True
    return said


def _capacity(words: list[str]) -> bool:
    """Whether the last of up to two words (exact_key's) says a capacity: a number with its
    unit ('16gb'), or a unit after a number ('16 gb')."""
    if not words:
        return False
    if _SPECS.fullmatch(words[-1]):
        return True
    return len(words) == 2 and words[0].isdigit() and text_key(words[1]) in _CAPACITY_UNITS


def _denied_aside(product: str, at: tuple[int, ...], names: Collection[int]) -> list[bool]:
    """Which words of a product (exact_key's) say what it is not (made_good_sectors): those
    its denials deny, may deny or deny with (read_denials' `at`: 'sugar-free', 'no cobalt
    and tin'), and those it says right after a word denied, up to a comma or a made good's
    name (at `names`): the rest of the name a denial begins ('no palm oil': 'oil')."""
    cuts: set[int] = set()  # (the words a comma, semicolon or dash comes before)
    count = 0
    for unit in re.findall(r"[^\s,;]+|[,;]", product.casefold()):
        words = exact_key(unit).split()
        if not words:
            cuts.add(count)
        count += len(words)
    aside = [part != SAID for part in at]
    runs_on = False  # (a word said right after a denied one, or after such a word)
    for i, part in enumerate(at):
        if part == SAID:
            runs_on = (
                bool(i)
                and i not in cuts
                and i not in names
                and (runs_on or at[i - 1] in (DENIED, DOUBTFUL))
            )
            aside[i] = runs_on
        else:
            runs_on = False
    return aside


def _outside_places(profiles: Profiles, written: list[str]) -> Iterator[int]:
    """The positions of the words (exact_key's) that are not part of a place's or a people's
    name (of up to four words: "Minas Gerais", "North Kivu", "Kenyan")."""
    i = 0
    while i < len(written):
        span = next(
            (
                n
                for n in (4, 3, 2, 1)
                if i + n <= len(written) and _place(profiles, written[i : i + n])
            ),
            0,
        )
        if span:
            i += span
        else:
            yield i
            i += 1


def _place_spans(profiles: Profiles, written: list[str], places: set[int]) -> set[int]:
    """The positions among `places` (of words, exact_key's, of places' names: see
    _outside_places) that are of a place named in two words or more ("North Kivu")."""
    spans: set[int] = set()
    for i in sorted(places):
        for n in (4, 3, 2):
            if i + n <= len(written) and _place(profiles, written[i : i + n]):
                spans |= set(range(i, i + n))
                break
    return spans & places


def _written_as_names(value: str, written: list[str]) -> list[bool]:
    """Whether each of the words (exact_key's) is written as a name: capitalised in text
    that has a word written all in lowercase ("coffee Kivu", "Yirgacheffe coffee"). Title
    case and capitals ("Mica Cosmetics", "COFFEE KIVU") tell nothing: no word is a name."""
    # exact_key's steps a character at a time, noting which came from a capital letter
    text, capital = "", []
    for char in value:
        folded = unicodedata.normalize("NFKD", char.casefold()).encode("ascii", "ignore")
        text += folded.decode()
        capital += [char.isupper() or char.istitle()] * len(folded)
    found = [
        (m.group(0), capital[m.start()], any(capital[m.start() : m.end()]))
        for m in re.finditer(r"[a-z0-9]+", text)
    ]
    if [word for word, _, _ in found] != written:  # never, as exact_key splits the same way
        return [False] * len(written)
    lowercase = any(not any_capital and not word.isdigit() for word, _, any_capital in found)
    return [lowercase and first for _, first, _ in found]


def _other_words(
    profiles: Profiles,
    words: list[str],
    written: list[str],
    ignore: set[str],
    names: list[bool],
) -> tuple[list[str], dict[str, list[str]]]:
    """The words beside a good that name other goods or work, and those naming a stage;
    a producer's words, a place and a word the taxonomy does not know written as a name
    (capitalised beside a lowercase word: "coffee Kivu", "Yirgacheffe coffee") are neither.
    Any other word the taxonomy does not know names other goods or work: "cotton napkins",
    "mica cosmetics" and "Mica Cosmetics" are no farm or mine."""
    others: list[str] = []
    stages: dict[str, list[str]] = {}
    fair_trade = False
    # a place or a people is neither: "Minas Gerais coffee", "Kenyan tea"
    for i in _outside_places(profiles, written):
        word = words[i]
        if fair_trade:  # (the "trade" of "fair trade coffee")
            fair_trade = False
            continue
        if word == "fair" and words[i + 1 : i + 2] == ["trade"]:
            fair_trade = True
            continue
        if word not in ignore and word not in _PRODUCER_WORDS:
            stage = next((s for s, found in _STAGE_WORDS.items() if word in found), None)
            if stage is not None:
                stages.setdefault(stage, []).append(written[i])
            elif word in profiles._vocabulary or word in _OTHER_WORK or not names[i]:
                others.append(written[i])
    if stages:
        others = [word for word in others if text_key(word) not in _STAGE_SITES]
    return others, stages


@lru_cache(maxsize=1024)
def _names_the_good(profiles: Profiles, text: frozenset[str], alias: str) -> bool:
    """Whether a sector's text (its id, name or an alias, as words) names the good of a raw
    material's alias: holds one of its names, and no other raw material's good. A word for
    many goods ("spice", "vegetable": crop farming's goods, beans among them) is not named by
    "cocoa bean trader": that text is of cocoa beans."""
    keys = profiles._sector_keys
    own = keys[alias]
    return any(n <= text for n in profiles._bare_goods[alias]) and not any(
        keys[k] != own and frozenset(k.split()) <= text for k in profiles._bare_goods
    )


def _sectors_of_good(profiles: Profiles, alias: str) -> list[str]:
    """The good's sector and those whose id, name or an alias names the good ("coffee":
    farming, milling, roasting), in the taxonomy's order."""
    found = [
        sector
        for sector, texts in profiles._sector_texts.items()
        if any(_names_the_good(profiles, text, alias) for text in texts)
    ]
    return list(dict.fromkeys([profiles._sector_keys[alias], *found]))


def _serves(profiles: Profiles, sector_id: str, stage: str, alias: str) -> bool:
    """Whether a sector of the good covers a stage: its own stage, or the good named in its
    name or an alias with a word of the stage ("Coffee milling and export")."""
    sector = profiles.sectors[sector_id]
    if sector.stage == stage:
        return True
    return any(
        _STAGE_WORDS[stage] & text and _names_the_good(profiles, text, alias)
        for text in profiles._sector_texts[sector_id]
    )


def _place(profiles: Profiles, words: list[str]) -> bool:
    """Whether words name a country, a region or a people ("Huila", "Kenyan", "Costa Rica");
    a region's one word that the taxonomy uses for goods or work is not read as the region."""
    text = " ".join(words)
    if _region(words) and (len(words) > 1 or words[0] not in profiles._vocabulary):
        return text not in _NOT_PLACES
    return _country_or_people(text)


@lru_cache(maxsize=4096)
def _country_or_people(text: str) -> bool:
    """Whether words name a country or its people ("Brazil", "Kenyan", "Chinese")."""
    if text in _PLACES:
        return True
    if len(text) < 4 or text in _NOT_PLACES:  # no two- or three-letter codes: "can", "car"
        return False
    return text in _countries() or _demonym_country(text) is not None


def _demonym_country(word: str) -> str | None:
    """The country's name a people's word is made from ("kenyan": "kenya", "ethiopian":
    "ethiopia"), as _countries holds it; None where it is none."""
    names = _countries()
    for ending, stems in _DEMONYM_ENDINGS:
        root = word.removesuffix(ending)
        if root != word and len(root) >= 4:
            for stem in stems:
                if root + stem in names:
                    return root + stem
    return None


def names_a_place(text: str, besides: str | None = None) -> bool:
    """Whether a text holds a country's or a people's name ('raw cane sugar from Brazil',
    'Thai raw sugar', 'cocoa beans from Côte d'Ivoire', 'from Ivory Coast'): where its goods
    are from, said by the text itself; not one of the country `besides` (ISO3: 'Sierra Leone
    cocoa beans' of a Sierra Leonean cooperative says nothing of another country)."""
    from ddtool.reference.countries import country_named

    words = exact_key(text).split()
    if any(
        _people_like(word) and (besides is None or _place_country(word) != besides)
        for word in words
    ):
        return True
    names = _countries()  # (a name of several words: "ivory coast", "cote d ivoire")
    return any(
        run in names and (besides is None or country_named(run) != besides)
        for size in (2, 3, 4)
        for i in range(len(words) - size + 1)
        if (run := " ".join(words[i : i + size]))
    )


def _place_country(word: str) -> str | None:
    """The country (ISO3) a word naming a place or a people names, where it is known: a
    country's name, a people's ("ethiopian": ETH), a growing region of _PLACES
    ("yirgacheffe": ETH); None otherwise."""
    from ddtool.reference.countries import country_named

    found = country_named(word) or _PLACE_COUNTRY.get(word)
    if found is None and (name := _demonym_country(word)) is not None:
        return country_named(name)
    return found


# the countries of _PLACES' peoples and growing regions that no country's name gives
_PLACE_COUNTRY = {
    **dict.fromkeys(["ivorian"], "CIV"),
    **dict.fromkeys(["peruvian"], "PER"),
    **dict.fromkeys(["thai"], "THA"),
    **dict.fromkeys(["filipino"], "PHL"),
    **dict.fromkeys(["kivu", "katanga"], "COD"),
    **dict.fromkeys(
        ["sidamo", "yirgacheffe", "yirgachefe", "harrar", "harar", "guji", "limu", "jimma"], "ETH"
    ),
    **dict.fromkeys(["huehuetenango"], "GTM"),
    **dict.fromkeys(["tarrazu"], "CRI"),
    **dict.fromkeys(["kilimanjaro"], "TZA"),
    **dict.fromkeys(["java", "sumatra", "sulawesi", "mandheling", "toraja", "gayo"], "IDN"),
    **dict.fromkeys(["ceylon"], "LKA"),
    **dict.fromkeys(["darjeeling", "nilgiri"], "IND"),
    **dict.fromkeys(["xinjiang", "tibet"], "CHN"),
    **dict.fromkeys(["uzbek"], "UZB"),
    **dict.fromkeys(["kazakh"], "KAZ"),
    **dict.fromkeys(["tajik"], "TJK"),
    **dict.fromkeys(["turkmen"], "TKM"),
    **dict.fromkeys(["kyrgyz"], "KGZ"),
    **dict.fromkeys(["afghan"], "AFG"),
}


@lru_cache(maxsize=4096)
def _people_like(word: str) -> bool:
    """Whether a word (exact_key's) is a country's or a people's name, or is written like a
    people's name: a people's ending after the beginning of a country's name ("Swedish",
    "Norwegian", which _country_or_people does not find)."""
    if _country_or_people(word):
        return True
    for ending in ("ish", "ian", "ese"):
        root = word.removesuffix(ending)
        if root != word and len(root) >= 4 and root[:4] in _country_starts():
            return True
    return False


@lru_cache(maxsize=1)
def _country_starts() -> frozenset[str]:
    """The first four letters of countries' names (_people_like)."""
    return frozenset(name[:4] for name in _countries() if len(name) >= 4)


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Countries' names as normalise_country knows them (without its "did you mean" search),
    and those of _PLACES."""
    import pycountry

    names = {exact_key(name) for name in [*ALIASES, *EXONYMS]}
    for country in pycountry.countries:
        for name in (getattr(country, a, None) for a in ("name", "official_name", "common_name")):
            if name:  # "Korea, Republic of" is "republic of korea" too
                head, _, tail = name.partition(",")
                names |= {exact_key(name), exact_key(f"{tail} {head}")}
    return frozenset(names | _PLACES)


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """The names of the countries' subdivisions (ISO 3166-2): "Huila", "Assam", "Yunnan".
    Kept between runs (pycountry's version is in the cache's key): loading its list of
    subdivisions takes 0.05 s of a run, loading the names kept a tenth of that."""
    from ddtool.cache import kept

    return kept("regions", tuple, _regions_made, frozenset)


def _regions_made() -> frozenset[str]:
    names = set(subdivision_countries())
    # "Yunnan Sheng" is written "Yunnan"
    kinds = ("sheng", "province", "region", "state", "district", "department", "county")
    names |= {name.rsplit(" ", 1)[0] for name in names if name.endswith(kinds) and " " in name}
    return frozenset(names)


@lru_cache(maxsize=1)
def subdivision_countries() -> dict[str, list[str]]:
    """The names of the countries' subdivisions (ISO 3166-2, exact_key's), each with the
    countries (ISO alpha-3, sorted) that have a subdivision of that name."""
    import pycountry

    found: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=region.country_code)
        if country is not None:
            found.setdefault(exact_key(region.name), set()).add(country.alpha_3)
    return {name: sorted(isos) for name, isos in found.items()}


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The words of the names of countries, peoples' lands and regions (_place)."""
    return frozenset(word for name in _countries() | _regions() for word in name.split())


# the words a region's name may start with for its part of a larger one ("Nord-Kivu",
# "North Kivu", "Haut-Katanga"); the rest alone is not taken for a region
_COMPASS = _keys(
    "north south east west northern southern eastern western central upper lower nord sud est"
    " ouest haut bas norte sur este oeste alto bajo"
)


def _region(words: list[str]) -> bool:
    """Whether words name a region: an ISO 3166-2 subdivision, or one with a point of the
    compass before it ("north kivu" as "nord kivu" is)."""
    regions = _regions()
    text = " ".join(words)
    if text in regions:
        return True
    rest = " ".join(words[1:])
    return (
        len(words) > 1
        and words[0] in _COMPASS
        and rest not in _COMPASS
        and (rest in regions or rest in _PLACES or any(f"{w} {rest}" in regions for w in _COMPASS))
    )


# -- loading ------------------------------------------------------------------------------


def bundled_dir() -> Path:
    """Where the bundled profiles are: inside the installed package, else the repo."""
    packaged = Path(str(resources.files("ddtool"))) / "risk_profiles"
    if (packaged / "manifest.yaml").is_file():
        return packaged
    repo = Path(__file__).resolve().parents[2] / "risk_profiles"
    if (repo / "manifest.yaml").is_file():
        return repo
    raise ProfileError(f"bundled risk profiles not found (looked in {packaged} and {repo})")


class _Checker:
    """Collects every problem of the profile files, then fails once with all of them."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.problems:
            more = f" (and {len(self.problems) - 20} more)" if len(self.problems) > 20 else ""
            raise ProfileError(
                "broken risk-profile data:\n  " + "\n  ".join(self.problems[:20]) + more
            )


def _did_you_mean(name: str, known: Iterable[str]) -> str:
    """' (did you mean 'X'?)' for a name written much like one of these; '' otherwise."""
    from ddtool.graph import closest_id

    best = closest_id(name, sorted(known))
    return f" (did you mean {best!r}?)" if best else ""


def _unknown_source(
    source_id: str, where: str, dirs: list[Path], sources: dict[str, Source], told: set[str]
) -> str:
    """What is said of a source id no manifest lists. In an overlay, where its own sources
    are listed and how (for each id once: its other rows point above)."""
    near = _did_you_mean(source_id, sources)
    folder = next((d for d in reversed(dirs[1:]) if where.startswith(str(d / "x")[:-1])), None)
    if folder is None:
        return f"unknown source_id {source_id!r}{near} (not in manifest.yaml)"
    manifest = folder / "manifest.yaml"
    if source_id in told:
        return f"unknown source_id {source_id!r}{near} (list it in {manifest}: see above)"
    told.add(source_id)
    return (
        f"unknown source_id {source_id!r}{near}: no manifest.yaml lists it; an overlay lists"
        f" its own sources in {manifest}"
        + ("" if manifest.is_file() else " (no such file yet)")
        + f" under sources:, each with at least an id, a name and a year, as in `sources: [{{id:"
        f" {source_id}, name: Our 2025 site audits, publisher: Acme Ltd, year: 2025}}]`"
        " (see docs/methodology.md, section 10, Overlays)"
    )


def _code_problem(iso3: str) -> str | None:
    """What is wrong with a country code of a profile file (None: nothing): the data
    matches codes as written, so 'civ' would be a country of its own, never Côte d'Ivoire."""
    if iso3 == iso3.upper() and is_iso3(iso3):
        return None
    if is_iso3(iso3.upper()):
        return f"bad ISO 3166 alpha-3 code {iso3!r}: write it in capitals, {iso3.upper()!r}"
    return f"bad ISO 3166 alpha-3 code {iso3!r}"


# what a goods.csv risk-type cell may say
_YES_NO = frozenset({"yes", "no", "y", "n", "true", "false", "1", "0", ""})


def _lost(known: GoodListing, given: GoodListing) -> list[str]:
    """What an overlay's row would take away from the listing it replaces: the risk types
    the listing names and the row does not (in the list's words), or the downstream listing
    of a row that lists nothing."""
    lost = [LISTED_FOR[r] for r in known.risk_types if r not in given.risk_types]
    if known.downstream and not given.downstream and not given.risk_types:
        lost.append(f"made with inputs from {known.input_country}")
    return lost


def _removal_refused(known: GoodListing, lost: list[str], sources: dict[str, Source]) -> str:
    """Why an overlay's goods row that would turn a listing off, wholly or partly, is
    refused, and how a removal is recorded instead (docs/methodology.md, section 10)."""
    if known.overlay:
        whose, given = "the listing", f"the overlay {known.overlay}"
    else:
        source = sources.get(known.source_id)
        whose, given = "the bundled listing", source.name if source else known.source_id
    return (
        f"the row drops {', '.join(lost)} from {whose} {known.good}, {known.country}"
        f" ({known.iso3}) ({given}: {known.listed_and_read}). An overlay never removes a listing"
        " nor a risk type of one (a row may add risk types, not drop them): leave the row"
        " out to keep the listing, or give all of its risk types;"
        " a removal is recorded in goods_2024_changes.csv instead (a row with change_2024"
        " 'removed', the reason in note and its source_id), and is then shown in the evidence"
        " beside the listing, which still counts (see docs/methodology.md, section 10, Overlays)"
    )


# what a goods_2024_changes.csv row may record (any other word would be read as none)
_CHANGE_WORDS = (
    "removed",
    "new_good_added_country_not_stated",
    "new_country_added_goods_not_stated",
)


def _change_credit(change: GoodChange, sources: dict[str, Source]) -> str:
    """Who records a 2024 change an overlay gives, as its removal's note says it ('' for a
    bundled one): the overlay, with the source its row names behind it (as
    ddtool.scoring.overlay_credit and behind_note say a figure's)."""
    if not change.overlay:
        return ""
    source = sources.get(change.source_id)
    behind = f" [source behind it: {source.name} ({source.year})]" if source else ""
    return f"the overlay {change.overlay} (given with --profiles){behind}"


def _listing_row(row: dict[str, str], iso3: str, where: str, check: _Checker) -> bool:
    """Whether a goods.csv row's risk-type cells say yes or no (anything else read as no
    would drop a listing without a word), and its country is the one its code names."""
    ok = True
    for column in ("child_labour", "forced_labour", "forced_child_labour", "downstream_good"):
        cell = (row.get(column) or "").strip()
        if cell.casefold() not in _YES_NO:
            check.fail(where, f"{column} {cell!r} is neither yes nor no")
            ok = False
    from ddtool.reference.countries import normalise_country

    named = normalise_country(row["country"]).iso3 if row["country"].strip() else None
    if named is not None and named != iso3:
        check.fail(
            where,
            f"country {row['country'].strip()!r} is {named}, not {iso3}: give the code of the"
            " country named",
        )
        ok = False
    return ok


def _read_csv(
    path: Path, required: tuple[str, ...], check: _Checker
) -> list[tuple[int, dict[str, str]]]:
    """A profile CSV file's rows by line. Its headers are read without regard to case or
    spaces, after a byte-order mark (Excel's "CSV UTF-8"); an overlay's headers must be the
    bundled file's (a misspelt one, 'vaule', would be left out without a word)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, restval="")  # a short row: its last cells blank
            written = list(reader.fieldnames or [])
            reader.fieldnames = [name.strip().casefold() for name in written]
            missing = [c for c in required if c not in reader.fieldnames]
            if missing:
                semicolons = len(written) == 1 and ";" in written[0]
                check.fail(
                    f"{path}",
                    f"missing column(s) {', '.join(missing)}"
                    + (
                        ": the file is separated by semicolons, a profile file by commas"
                        if semicolons
                        else ""
                    ),
                )
                return []
            _unknown_columns(path, reader.fieldnames, check)
            return [(i + 2, row) for i, row in enumerate(reader)]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        check.fail(str(path), f"cannot read: {e}")
        return []


def _unknown_columns(path: Path, names: list[str], check: _Checker) -> None:
    """An overlay's columns that the bundled file of its name has not, each a problem."""
    bundled = bundled_dir() / path.name
    if path.resolve().parent == bundled_dir().resolve() or not bundled.is_file():
        return
    with bundled.open(encoding="utf-8-sig", newline="") as handle:
        known = [name.strip().casefold() for name in next(csv.reader(handle), [])]
    for name in names:
        if name and name not in known:
            check.fail(
                f"{path}",
                f"unknown column {name!r}{_did_you_mean(name, known)}: the columns are those"
                f" of the bundled {path.name}",
            )


def _read_yaml(path: Path, check: _Checker) -> dict[str, Any] | None:
    """A profile YAML file's top-level mapping (None, reported, when it has none)."""
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except UnicodeDecodeError as e:
        check.fail(str(path), f"not UTF-8 text ({e.reason} at byte {e.start})")
        return None
    except yaml.MarkedYAMLError as e:  # one located line, not PyYAML's own three
        mark = e.problem_mark or e.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        check.fail(str(path), f"{where}invalid YAML: {e.problem or e.context}")
        return None
    except (OSError, yaml.YAMLError) as e:
        check.fail(str(path), f"cannot read: {' '.join(str(e).split())}")
        return None
    if data is not None and not isinstance(data, dict):
        check.fail(
            str(path), f"expected keys at the top (such as {path.stem}:), not a list or value"
        )
        return None
    return data


def _entries(data: dict[str, Any] | None, key: str, path: Path, check: _Checker) -> list[Any]:
    """The list under a key of a profile YAML file (empty, reported, when it is no list)."""
    value = (data or {}).get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        check.fail(f"{path}: {key}", f"expected a list of entries, not {value!r:.40}")
        return []
    return value


class _Lines:
    """Where the entries and keys of an overlay's YAML file are written, for the messages
    about them: `at("sectors", 0, "aliasses")` is the line of that key (else of the nearest
    entry above it that is found). The file is read again for it when first asked; the
    bundled files are checked by the tests, and their messages name no line (`lines`
    False)."""

    def __init__(self, path: Path, lines: bool = True) -> None:
        self.path = path
        self._lines: dict[tuple[str | int, ...], int] | None = None if lines else {}

    def line(self, *keys: str | int) -> int | None:
        if self._lines is None:
            self._lines = _yaml_lines(self.path)
        while keys:
            if keys in self._lines:
                return self._lines[keys]
            keys = keys[:-1]
        return None

    def where(self, entry: str, *keys: str | int) -> str:
        """'path: line 3: sectors[0] (cocoa-tradng)' for a key (or an item) of an entry."""
        line = self.line(*keys)
        return f"{self.path}: " + (f"line {line}: " if line else "") + entry


def _entry_at(lines: _Lines, key: str, i: int, item: Any) -> Callable[..., str]:
    """The place of each key of an entry of a YAML file's list under key, by the keys
    within it ('path: line 3: measures[0] (own-visits)')."""
    named = isinstance(item, dict) and item.get("id")
    return partial(lines.where, f"{key}[{i}]" + (f" ({item['id']})" if named else ""), key, i)


def _yaml_lines(path: Path) -> dict[tuple[str | int, ...], int]:
    """The line of each key and list item of a YAML file, by its path of keys and indexes."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # (said where the file is read)
    lines: dict[tuple[str | int, ...], int] = {}
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())] if root else []
    while stack:
        node, at = stack.pop()
        if len(at) > 8:  # (deeper than any profile entry, or an alias of itself)
            continue
        pairs: list[tuple[yaml.Node, str | int, yaml.Node]] = []
        if isinstance(node, yaml.MappingNode):
            pairs = [(k, str(k.value), v) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pairs = [(v, i, v) for i, v in enumerate(node.value)]
        for mark, key, value in pairs:
            lines.setdefault((*at, key), mark.start_mark.line + 1)
            stack.append((value, (*at, key)))
    return lines


def _unknown_keys(
    item: dict[str, Any],
    keys: Sequence[str],
    what: str,
    at: Callable[..., str],
    check: _Checker,
) -> set[str]:
    """Each key of an entry that is none of its keys, a problem at its line (a misspelt
    key would be read as not given). Returns the keys suggested for them: a key the entry
    then lacks is that mistake, not another one."""
    meant: set[str] = set()
    for key in item:
        if str(key) in keys:
            continue
        from ddtool.graph import closest_id

        best = closest_id(str(key), list(keys))
        if best:
            meant.add(best)
        near = f" (did you mean {best!r}?)" if best else ""
        check.fail(at(str(key)), f"unknown key {key!r}{near}: {what} keys are {', '.join(keys)}")
    return meant


# the keys of a source of manifest.yaml
_SOURCE_KEYS = ("id", "name", "publisher", "year", "location", "licence", "note")


def _source_year(value: Any) -> int | None:
    """A source's year as manifest.yaml gives it (None: none, or not a year: 2025.5,
    'recent', a year no publication can have)."""
    if isinstance(value, bool) or value is None:
        return None
    year = _int(str(value).strip())
    return year if year is not None and 1000 <= year <= 9999 else None


def _a_year(year: int | None) -> bool:
    """Whether a year a profile file gives can be the year of a figure: 1900 to next year.
    (Every year ddtool writes must be one the assessments it reads back accept: the
    contract's years are 0-9999, and these are among them.)"""
    return year is not None and 1900 <= year <= dt.date.today().year + 1


def _year_problem(text: str, blank: bool = False) -> str | None:
    """What is wrong with the year cell of a profile file's row (None: nothing): a year it
    cannot be (see _a_year), or a blank where a year is needed (`blank`: one may be left
    blank, and is read as no year)."""
    if blank and not text.strip():
        return None
    return None if _a_year(_int(text)) else f"bad year {text!r}"


def _float(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def _int(text: str) -> int | None:
    number = _float(text)
    return int(number) if number is not None and number.is_integer() else None


def _yes(text: str) -> bool:
    return text.strip().casefold() in ("yes", "true", "1", "y")


def content_hash(dirs: list[Path]) -> str:
    """SHA-256 over every data file of the bundled profiles and overlays, in order."""
    digest = hashlib.sha256()
    for index, directory in enumerate(dirs):
        for name in DATA_FILES:
            path = directory / name
            if path.is_file():
                digest.update(f"{index}:{name}\n".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def load_profiles(overlays: list[Path] | tuple[Path, ...] = ()) -> Profiles:
    """Load the bundled profiles plus overlay directories (later ones override earlier)."""
    return _load(tuple(str(Path(o).resolve()) for o in overlays))


@lru_cache(maxsize=4)
def _load(overlays: tuple[str, ...]) -> Profiles:
    try:
        from ddtool.cache import kept

        return kept(
            "profiles", partial(_cache_key, overlays), partial(_load_checked, overlays), Profiles
        )
    except (AttributeError, TypeError, KeyError, ValueError) as e:
        # a shape the checks above do not foresee: still the data's fault, not the tool's
        where = ", ".join(overlays) or "the bundled profiles"
        raise ProfileError(f"broken risk-profile data in {where}: {e!r}") from e


def _cache_key(overlays: tuple[str, ...]) -> Iterator[bytes]:
    """What the checked profiles are made from, for the cache between runs: each
    directory's path and the names of its files (a misnamed file in an overlay is an
    error), and the profile files' contents (their content hash). (A directory or file
    that cannot be read raises: the profiles are then loaded as they are, and the problem
    reported.)"""
    dirs = [bundled_dir(), *(Path(o) for o in overlays)]
    for directory in dirs:
        names = sorted(os.fsencode(p.name) for p in directory.iterdir() if p.is_file())
        yield b"\0".join([os.fsencode(directory), *names])
    yield content_hash(dirs).encode()


def _overlay_files(directory: Path, check: _Checker) -> None:
    """An overlay holds profile files under their own names: a misnamed one (country.csv)
    would be left out without a word, and an overlay of none changes nothing."""
    names = sorted(p.name for p in directory.iterdir() if p.is_file())
    for name in names:
        if name not in DATA_FILES and name.endswith((".csv", ".yaml", ".yml")):
            from ddtool.graph import closest_id

            best = closest_id(name, list(DATA_FILES))
            hint = f" (did you mean {best}?)" if best else ""
            check.fail(str(directory / name), f"not a profile file{hint}")
    for name in sorted(_BUNDLED_ONLY.keys() & set(names)):
        # (a copy of the bundled file, as a copied folder holds, changes nothing: it loads)
        if (directory / name).read_bytes() != (bundled_dir() / name).read_bytes():
            check.fail(str(directory / name), _BUNDLED_ONLY[name])
    if not any(name in DATA_FILES for name in names):
        check.fail(
            str(directory), "holds no profile file; overlays use the names " + ", ".join(DATA_FILES)
        )


# profile files an overlay does not change (its copy would be read nowhere), and why
_BUNDLED_ONLY = {
    "sector_facts.csv": "not read from an overlay (a copy of the bundled file may be there):"
    " these are the facts the bundled sectors' ratings cite; an overlay's sectors.yaml gives"
    " its own ratings and their source",
    "eo13126_products.csv": "not read from an overlay (a copy of the bundled file may be there):"
    " the bundled EO 13126 list is kept for reference (its source is listed, and the content"
    " hash covers it) and scores nothing",
}


def _check_names(sector: Sector, sectors: dict[str, Sector], where: str, check: _Checker) -> None:
    """An overlay's sector may not name itself as another sector is named: the text would
    still match the sector that had it first, and the overlay's alias be never used."""
    taken = {
        text_key(text): other.id
        for other in sectors.values()
        if other.id != sector.id
        for text in (other.id, other.name, *other.aliases)
    }
    for text in (sector.id, sector.name, *sector.aliases):
        other = taken.get(text_key(text))
        if other is not None:
            check.fail(
                where,
                f"{sector.id}: {text!r} already names the sector {other}: give another name"
                " (or re-rate that sector under its own id)",
            )


def _overlay_row(
    row: dict[str, str],
    where: str,
    line: int,
    in_file: dict[tuple[str, str, str, str], int],
    sexes_of: dict[str, set[str]],
    figures: set[tuple[str, str, str]],
    check: _Checker,
) -> bool:
    """Whether an overlay's countries.csv row is read as a figure. Its indicator must be one
    the bundled data has, for a sex it has it for (`sexes_of`; the sex in any case: `Total`);
    a figure given twice in the file for one year and a year that cannot be are reported
    too. A blank value is a data gap, as in the bundled file (a copy of it reads as it
    does), but not where it would seem to remove a bundled figure (one of `figures`: iso3,
    indicator, sex). The row's sex is written as the bundled data writes it."""
    name = row["indicator"].strip()
    sexes = sexes_of.get(name)
    if sexes is None:
        check.fail(
            where,
            f"unknown indicator {name!r}{_did_you_mean(name, sexes_of)}: an overlay replaces the"
            " bundled indicators' figures",
        )
        return False
    sex = row["sex"].strip() or "total"
    known = {s.casefold(): s for s in sexes}
    if sex.casefold() not in known:
        check.fail(
            where,
            f"{name} is not given for sex {sex!r} in the bundled data: one of"
            f" {', '.join(sorted(sexes))}",
        )
        return False
    row["sex"] = known[sex.casefold()]
    # (each problem of the row is reported, as every other check of the file's rows is)
    iso3, year_text = row["iso3"].strip(), row["year"].strip()
    key = (iso3, name, row["sex"], year_text)
    if key in in_file:
        check.fail(
            where,
            f"{name} of {iso3} ({row['sex']}, {year_text or 'no year'}) is given twice in"
            f" this file (row {in_file[key]} too): keep one",
        )
    in_file.setdefault(key, line)
    year = _int(year_text) if year_text else None  # (a year may be left blank)
    if year_text and not _a_year(year):
        check.fail(where, f"year {year_text!r} is not the year of a figure")
    if row["value"].strip() == "":
        if (iso3, name, row["sex"]) in figures:
            check.fail(
                where,
                "no value: a blank cannot remove a bundled figure (to keep it, leave the row out)",
            )
        return False
    return True


def overlay_labels(directories: Sequence[Path]) -> dict[Path, str]:
    """The name each overlay directory's figures are credited by ("overlay/sectors.yaml"):
    its own name, or the fewest of the folders above it that tell it from the other
    overlays given ("a/overlay", "b/overlay"), so that no two overlays' figures pass for
    one's."""
    parts = {d: d.parts for d in directories}
    labels: dict[Path, str] = {}
    for directory, own in parts.items():
        others = [p for d, p in parts.items() if p != own]
        count = 1
        while count < len(own) and any(p[-count:] == own[-count:] for p in others):
            count += 1
        labels[directory] = str(directory) if count >= len(own) else "/".join(own[-count:])
    return labels


def _load_checked(overlays: tuple[str, ...]) -> Profiles:
    base = bundled_dir()
    dirs = [base, *(Path(o) for o in overlays)]
    for directory in dirs[1:]:
        if not directory.is_dir():
            what = "a file" if directory.exists() else "no such folder"
            raise ProfileError(
                f"{directory}: {what}; --profiles must be a directory of profile files"
            )
    check = _Checker()
    for directory in dirs[1:]:
        _overlay_files(directory, check)
    labels = overlay_labels(dirs[1:])

    manifest = _read_yaml(base / "manifest.yaml", check) or {}
    sources: dict[str, Source] = {}
    for directory in dirs:
        path = directory / "manifest.yaml"
        data = (
            manifest if directory == base else (_read_yaml(path, check) if path.is_file() else {})
        )
        lines = _Lines(path, directory != base)
        for i, item in enumerate(_entries(data, "sources", path, check)):
            at = _entry_at(lines, "sources", i, item)
            where = at()
            if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
                check.fail(where, "a source needs at least id and name")
                continue
            meant = _unknown_keys(item, _SOURCE_KEYS, "a source's", at, check)
            year = _source_year(item.get("year"))
            if year is None and "year" not in meant:
                # (every output cites a source as "name (year)": no year is no citation)
                check.fail(
                    at("year"),
                    f"year {item['year']!r} is not a year (a whole number, such as 2025)"
                    if "year" in item
                    else "no year: give the year the source was published (year: 2025)",
                )
            source = Source(
                id=str(item["id"]),
                name=str(item["name"]),
                publisher=str(item.get("publisher", "")),
                year=year or 0,  # (0 only where said above: never loaded, its rows not told)
                location=str(item.get("location", "")),
                licence=str(item.get("licence", "")),
                note=str(item.get("note", "")),
                overlay="" if directory == base else f"{labels[directory]}/{path.name}",
            )
            if source.id in sources and sources[source.id] == source:
                continue  # a copy of a source (a copied folder holds the bundled manifest)
            if source.id in sources:
                check.fail(
                    where,
                    f"{source.id!r} is already the id of {sources[source.id].name!r}: give"
                    " your source an id of its own (every figure citing that id would be"
                    " credited to yours)",
                )
                continue
            sources[source.id] = source

    told: set[str] = set()  # the unknown source ids already told how to list

    def known_source(where: str, source_id: str, key: str = "source_id") -> None:
        if not source_id:
            check.fail(where, f"value without source ({key} is empty)")
        elif source_id not in sources:
            check.fail(where, _unknown_source(source_id, where, dirs, sources, told))

    # countries
    indicators: dict[tuple[str, str, str], Indicator] = {}
    read_from: dict[tuple[str, str, str], Path] = {}
    # what an overlay may give: the bundled indicators, each for the sexes the bundled data
    # gives it for (a name written wrong would be a figure of its own, shown as from the
    # overlay while the bundled one still counts); and the countries with a bundled figure
    # of each (see _overlay_row)
    sexes_of: dict[str, set[str]] = {}
    figures: set[tuple[str, str, str]] = set()
    for directory in dirs:
        path = directory / "countries.csv"
        if not path.is_file():
            continue
        overlay = directory != base
        in_file: dict[tuple[str, str, str, str], int] = {}
        cols: tuple[str, ...] = ("iso3", "indicator", "value", "year", "sex", "source_id")
        for line, row in _read_csv(path, cols, check):
            where = f"{path}: row {line}"
            iso3 = row["iso3"].strip()
            if (bad := _code_problem(iso3)) is not None:
                check.fail(where, bad)
                continue
            if not overlay:
                name, sex = row["indicator"].strip(), row["sex"].strip() or "total"
                sexes_of.setdefault(name, set()).add(sex)
                if row["value"].strip():
                    figures.add((iso3, name, sex))
            elif not _overlay_row(row, where, line, in_file, sexes_of, figures, check):
                continue
            if row["value"].strip() == "":
                continue  # the source has no value: a data gap, never zero
            known_source(where, row["source_id"].strip())
            if not (row.get("source_name") or row.get("source_url") or row["source_id"]):
                check.fail(where, "value without source")
            item = Indicator(
                iso3=iso3,
                indicator=row["indicator"].strip(),
                value=row["value"].strip(),
                number=_float(row["value"]),
                unit=row.get("unit", ""),
                year=_int(row["year"]),
                sex=row["sex"].strip() or "total",
                source_id=row["source_id"].strip(),
                source_name=row.get("source_name", "") or "",
                source_url=row.get("source_url", "") or "",
                verification=row.get("verification", "") or "",
                note=row.get("note", "") or "",
                overlay="" if directory == base else f"{labels[directory]}/{path.name}",
            )
            coded = _CODED.get(item.indicator)
            if coded is not None and item.value not in coded:
                check.fail(
                    where,
                    f"{item.indicator} value {item.value!r} is none the score reads ("
                    + ", ".join(coded)
                    + ")"
                    + _did_you_mean(item.value, coded),
                )
            bounds = _RANGES.get(item.indicator.split("_age_")[0])
            if item.number is None and bounds is not None:
                check.fail(where, f"{item.indicator} value {item.value!r} is not a number")
            elif bounds is not None and (
                item.number is None or not bounds[0] <= item.number <= bounds[1]
            ):
                check.fail(
                    where, f"{item.indicator} value {item.value!r} outside {bounds[0]}-{bounds[1]}"
                )
            if "_pct_age_" in item.indicator and item.number is not None and item.number > 100:
                # a share of the children of an age group above 100 % cannot be: shown, never
                # scored (gross rates, such as primary completion, may exceed 100 and do not
                # count here)
                item = replace(
                    item, withheld=f"{item.value} % is above 100 %: an error in the source"
                )
            key = (iso3, item.indicator, item.sex)
            previous = indicators.get(key)
            if (
                previous is not None
                and read_from[key] == directory
                and previous.source_id == item.source_id
                and (previous.year or 0) > (item.year or 0)
            ):
                continue  # the same source gives an older value too: keep the latest
            indicators[key] = item  # an overlay's value replaces the bundled one, of any year
            read_from[key] = directory
    for directory in dirs:
        path = directory / "withheld.csv"
        if not path.is_file():
            continue
        for line, row in _read_csv(path, ("iso3", "indicator", "sex", "reason"), check):
            key = (row["iso3"].strip(), row["indicator"].strip(), row["sex"].strip() or "total")
            if key not in indicators:
                check.fail(f"{path}: row {line}", f"no value {key} to withhold in countries.csv")
            elif not row["reason"].strip():
                check.fail(f"{path}: row {line}", "a withheld value needs its reason")
            elif dirs.index(read_from[key]) <= dirs.index(directory):
                # (a value a later overlay gives is its own, and is not withheld by this)
                indicators[key] = replace(indicators[key], withheld=row["reason"].strip())
    by_country: dict[str, dict[str, list[Indicator]]] = {}
    for item in indicators.values():
        by_country.setdefault(item.iso3, {}).setdefault(item.indicator, []).append(item)

    # sectors
    sectors: dict[str, Sector] = {}
    sector_at: dict[str, Callable[..., str]] = {}  # the place of each key of its entry
    raw_sectors: dict[str, dict[str, Any]] = {}  # each sector's entry as read (and merged)
    for directory in dirs:
        path = directory / "sectors.yaml"
        if not path.is_file():
            continue
        data = _read_yaml(path, check)
        overlay = directory != base
        lines = _Lines(path, overlay)
        for i, item in enumerate(_entries(data, "sectors", path, check)):
            where = lines.where(f"sectors[{i}]", "sectors", i)
            named = isinstance(item, dict) and item.get("id")
            at = _entry_at(lines, "sectors", i, item)
            known = raw_sectors.get(str(item.get("id"))) if isinstance(item, dict) else None
            if overlay and known is not None:  # a known sector: changed where it is given
                read = _sector_on_top(known, item, at, check)
                if read is None:
                    continue
            elif overlay and named and _misspelt_id(item, raw_sectors, at, check):
                continue
            else:
                read = item
            sector = _sector(read, where, check, known_source, at)
            if sector is not None:
                raw_sectors[sector.id] = read
                if overlay:
                    _check_names(sector, sectors, where, check)
                    # its ratings are the overlay's where it gives them, else as they were
                    rated = known is None or "risk" in item
                    given_by = f"{labels[directory]}/{path.name}"
                    sector = replace(
                        sector, overlay=given_by if rated else sectors[sector.id].overlay
                    )
                sectors[sector.id] = sector
                sector_at[sector.id] = at
    for sector in sectors.values():
        for upstream in sector.inputs:
            if upstream not in sectors:
                check.fail(
                    sector_at[sector.id]("inputs"),
                    f"input {upstream!r} is not a sector{_did_you_mean(upstream, sectors)}",
                )

    # good -> sector map and aliases
    good_sectors: dict[str, str] = {}
    good_aliases: dict[str, str] = {}
    good_names: list[tuple[str, list[str]]] = []
    good_kinds: dict[str, str] = {}
    kind_at: dict[str, str] = {}
    for directory in dirs:
        path = directory / "good_sectors.csv"
        if not path.is_file():
            continue
        for line, row in _read_csv(path, ("good", "sector", "aliases"), check):
            where = f"{path}: row {line}"
            good, sector_id = row["good"].strip(), row["sector"].strip()
            if sector_id not in sectors:
                check.fail(where, f"unknown sector {sector_id!r} for good {good!r}")
                continue
            good_sectors[good] = sector_id
            kind_of = (row.get("kind_of") or "").strip()
            good_kinds.pop(good, None)  # (an overlay's row replaces the bundled one whole)
            if kind_of:
                good_kinds[good], kind_at[good] = kind_of, f"{where}, column kind_of"
            aliases = [a for a in (row["aliases"] or "").split(";") if a.strip()]
            good_names.append((good, aliases))
    for good, kind_of in good_kinds.items():
        if kind_of not in good_sectors:
            check.fail(
                kind_at[good],
                f"{good!r} is a kind of {kind_of!r}, which is no good in good_sectors.csv"
                + _did_you_mean(kind_of, good_sectors),
            )
        elif kind_of == good or good_kinds.get(kind_of) == good:
            check.fail(kind_at[good], f"{good!r} and {kind_of!r} cannot be kinds of each other")
        elif good_sectors[kind_of] != good_sectors[good]:
            check.fail(
                kind_at[good],
                f"{good!r} ({good_sectors[good]}) is a kind of {kind_of!r}, a good of another"
                f" sector ({good_sectors[kind_of]}): a kind is of its good's sector",
            )
    # precedence: a good's own name, then its aliases, then its name without the
    # parenthesis ("Bricks (clay)" → "bricks"), then plural-insensitive forms of all
    for pick in (
        lambda g, a: [g],
        lambda g, a: a,
        lambda g, a: [re.sub(r"\s*\(.*?\)", "", g)],
    ):
        for good, aliases in good_names:
            for name in pick(good, aliases):
                good_aliases.setdefault(exact_key(name), good)
    loose = [
        (text_key(name), good)
        for good, aliases in good_names
        for name in (good, *aliases, re.sub(r"\s*\(.*?\)", "", good))
    ]
    for name_key, good in loose:
        good_aliases.setdefault(name_key, good)
    # and in the other number where a word's plural is in -ies ('lithium-ion battery')
    for name_key, good in loose:
        good_aliases.setdefault(other_number(name_key), good)

    # goods (the DOL list)
    listings: dict[tuple[str, str], GoodListing] = {}
    for directory in dirs:
        path = directory / "goods.csv"
        if not path.is_file():
            continue
        cols = (
            "good",
            "country",
            "iso3",
            "child_labour",
            "forced_labour",
            "forced_child_labour",
            "year",
            "source_id",
        )
        for line, row in _read_csv(path, cols, check):
            where = f"{path}: row {line}"
            iso3 = row["iso3"].strip()
            if (bad := _code_problem(iso3)) is not None:
                check.fail(where, bad)
                continue
            known_source(where, row["source_id"].strip())
            good = row["good"].strip()
            if good not in good_sectors:
                check.fail(
                    where,
                    f"good {good!r} has no sector in good_sectors.csv"
                    + _did_you_mean(good, good_sectors),
                )
                continue
            if (bad := _year_problem(row["year"])) is not None:
                check.fail(where, bad)
                continue
            year = _int(row["year"]) or 0  # (a year: checked just above)
            if not _listing_row(row, iso3, where, check):
                continue
            listing = GoodListing(
                good=good,
                country=row["country"],
                iso3=iso3,
                child_labour=_yes(row["child_labour"]),
                forced_labour=_yes(row["forced_labour"]),
                forced_child_labour=_yes(row["forced_child_labour"]),
                downstream=_yes(row.get("downstream_good", "no")),
                input_country=row.get("input_country", "") or "",
                sector=good_sectors[good],
                year=year,
                source_id=row["source_id"].strip(),
                source_ref=row.get("source", "") or "",
                overlay="" if directory == base else f"{labels[directory]}/{path.name}",
            )
            before = listings.get((good, iso3))
            if before is not None and listing.overlay and (lost := _lost(before, listing)):
                check.fail(where, _removal_refused(before, lost, sources))
                continue
            listings[(good, iso3)] = listing

    changes: list[GoodChange] = []
    change_rows: dict[GoodChange, str] = {}  # where each change is given
    for directory in dirs:
        path = directory / "goods_2024_changes.csv"
        if not path.is_file():
            continue
        cols = ("good", "iso3", "change_2024", "year", "source", "source_id")
        given_by = "" if directory == base else f"{labels[directory]}/{path.name}"
        for line, row in _read_csv(path, cols, check):
            where = f"{path}: row {line}"
            iso3 = row["iso3"].strip()
            if iso3 and (bad := _code_problem(iso3)) is not None:
                check.fail(where, bad)
                continue
            kind = row["change_2024"].strip()
            if kind not in _CHANGE_WORDS:
                check.fail(
                    where,
                    f"change_2024 {kind!r} is none of "
                    + ", ".join(_CHANGE_WORDS)
                    + _did_you_mean(kind, _CHANGE_WORDS),
                )
                continue
            if kind == "removed" and not (row.get("note") or "").strip():
                check.fail(where, "a removal needs its reason in note (shown beside the listing)")
                continue
            source_id = row["source_id"].strip()
            known_source(where, source_id)
            if (bad := _year_problem(row["year"], blank=True)) is not None:
                check.fail(where, bad)  # (written in the evidence as the year of the change)
                continue
            change = GoodChange(
                good=row["good"].strip(),
                country=row.get("country", ""),
                iso3=iso3,
                change=kind,
                year=_int(row["year"]) or 0,
                source=row["source"],
                note=row.get("note", "") or "",
                source_id=source_id,
            )
            if change in change_rows:
                continue  # (a copy of a row read before adds nothing: a copied folder holds one)
            change_rows[change] = where
            changes.append(replace(change, overlay=given_by))
    for change in changes:
        if change.change != "removed":
            continue
        # the summaries name goods shorter than the list does ("Fluorspar" for "Fluorspar
        # (mineral)"); a removal that names no listing is refused, never silently dropped
        wanted = good_base(change.good)
        keys = [k for k in listings if k[1] == change.iso3 and good_base(k[0]) == wanted]
        if not keys:
            check.fail(
                change_rows[replace(change, overlay="")],
                f"removal of {change.good!r} ({change.iso3}) names no listing of goods.csv",
            )
        by = _change_credit(change, sources)
        for good_iso3 in keys:
            listings[good_iso3] = GoodListing(
                **{**_asdict(listings[good_iso3]), "change_2024": change.note, "change_2024_by": by}
            )

    _downstream_inputs(listings, sectors)

    # origins
    origins: dict[str, list[OriginShare]] = {}
    seen_origin: dict[tuple[str, str], OriginShare] = {}
    # the commodities an overlay may give shares of: those of the sectors, and those the
    # bundled file gives, read first (a copy of it loads as it is)
    used = {c for sector in sectors.values() for c in sector.commodities}
    touched: dict[str, Path] = {}  # the commodities overlays give shares of, and where
    for directory in dirs:
        path = directory / "origins.csv"
        if not path.is_file():
            continue
        cols = ("commodity", "iso3", "share_pct", "year", "source_id", "source_name")
        given_by = "" if directory == base else f"{labels[directory]}/{path.name}"
        for line, row in _read_csv(path, cols, check):
            where = f"{path}: row {line}"
            iso3 = row["iso3"].strip()
            if iso3 not in ORIGIN_PSEUDO_CODES and (bad := _code_problem(iso3)) is not None:
                check.fail(where, bad)
                continue
            commodity = row["commodity"].strip()
            if not given_by:
                used.add(commodity)
            elif commodity not in used:
                check.fail(
                    where,
                    f"commodity {commodity!r} is no raw sector's{_did_you_mean(commodity, used)}:"
                    " an overlay gives the shares of the commodities of sectors.yaml",
                )
                continue
            if given_by:
                touched.setdefault(commodity, path)
            known_source(where, row["source_id"].strip())
            if (bad := _year_problem(row["year"], blank=True)) is not None:
                check.fail(where, bad)  # (blank: the share's year not given, written as 0)
            share = _float(row["share_pct"])  # blank: a known producer, share not published
            if row["share_pct"].strip() and (share is None or not 0 <= share <= 100):
                check.fail(where, f"share_pct {row['share_pct']!r} outside 0-100")
                continue
            seen_origin[(row["commodity"].strip(), iso3)] = OriginShare(
                commodity=row["commodity"].strip(),
                iso3=iso3,
                country=row.get("country", ""),
                share_pct=share,
                year=_int(row["year"]) or 0,
                source_id=row["source_id"].strip(),
                source_name=row.get("source_name", ""),
                unit=(row.get("unit") or "").strip(),
                overlay=given_by,
            )
    for item in seen_origin.values():
        origins.setdefault(item.commodity, []).append(item)
    for commodity, path in touched.items():  # (a region within a country, CN-XJ, aside)
        total = sum(o.share_pct or 0.0 for o in origins[commodity] if o.iso3 != "CN-XJ")
        if total > 101:
            check.fail(
                f"{path}",
                f"the shares of {commodity} add up to {total:g}%, more than all of world"
                " production: an overlay's share replaces the bundled one of its country only",
            )
    for sector in sectors.values():
        for commodity in sector.commodities:
            if commodity not in origins:
                check.fail(f"sectors.yaml: {sector.id}", f"commodity {commodity!r} not in origins")
        for good in sector.not_commodities:
            if good_sectors.get(good) != sector.id:
                check.fail(
                    f"sectors.yaml: {sector.id}",
                    f"not_commodities: {good!r} is no good of this sector in good_sectors.csv",
                )

    # remediation
    steps: list[tuple[str, str]] = []
    measures: dict[str, Measure] = {}
    risk_indicators: dict[str, RiskIndicator] = {}
    # each measure's and risk indicator's entry as read: an overlay's entry of a known id
    # changes the keys it gives, its lists added to (see _on_top)
    raw: dict[str, dict[str, dict[str, Any]]] = {"measures": {}, "risk_indicators": {}}
    lists = {"measures": _MEASURE_LISTS, "risk_indicators": ("risk_types",)}

    def on_known(item: Any, key: str) -> Any:
        known = raw[key].get(str(item.get("id"))) if isinstance(item, dict) else None
        if known is not None:
            item = _on_top(known, item, lists[key])
        if isinstance(item, dict) and item.get("id"):
            raw[key][str(item["id"])] = item
        return item

    for directory in dirs:
        path = directory / "remediation.yaml"
        if not path.is_file():
            continue
        data = _read_yaml(path, check)
        lines = _Lines(path, directory != base)

        for i, step in enumerate(_entries(data, "steps", path, check)):
            if not isinstance(step, dict) or not step.get("id") or not step.get("name"):
                check.fail(lines.where(f"steps[{i}]", "steps", i), "a step needs an id and a name")
                continue
            _unknown_keys(
                step, ("id", "name"), "a step's", _entry_at(lines, "steps", i, step), check
            )
            slot = next((n for n, (s, _) in enumerate(steps) if s == str(step["id"])), len(steps))
            steps[slot : slot + 1] = [(str(step["id"]), str(step["name"]))]  # (renamed in place)
        step_ids = {s for s, _ in steps}
        for i, item in enumerate(_entries(data, "risk_indicators", path, check)):
            indicator = _risk_indicator(
                on_known(item, "risk_indicators"),
                lines.where(f"risk_indicators[{i}]", "risk_indicators", i),
                check,
                _entry_at(lines, "risk_indicators", i, item),
            )
            if indicator is not None:
                risk_indicators[indicator.id] = indicator
        for i, item in enumerate(_entries(data, "measures", path, check)):
            measure = _measure(
                on_known(item, "measures"),
                lines.where(f"measures[{i}]", "measures", i),
                check,
                step_ids,
                sectors,
                good_sectors,
                _entry_at(lines, "measures", i, item),
            )
            if measure is not None:
                _known_indicators(
                    f"{_entry_at(lines, 'measures', i, item)('addresses')} addresses",
                    measure.addresses,
                    [r for r in measure.risk_types if r in RISK_TYPES],
                    risk_indicators,
                    check,
                )
                measures[measure.id] = measure
    for sector in sectors.values():
        for risk_type, sector_risk in sector.risk.items():
            _known_indicators(
                f"{sector_at[sector.id]('risk', risk_type, 'indicators')} {risk_type}.indicators",
                sector_risk.indicators,
                [risk_type],
                risk_indicators,
                check,
            )

    # a main indicator no measure addresses is said, not an error: the bundled catalogue has
    # no measure for some (isolation on remote estates), and `profiles show sector` says so
    unaddressed = _unaddressed(sectors, list(measures.values()))

    facts: list[dict[str, str]] = []
    path = base / "sector_facts.csv"
    for line, row in _read_csv(path, ("fact_id", "value", "source_id"), check):
        known_source(f"{path}: row {line}", row["source_id"].strip())
        facts.append(row)

    check.raise_if_any()
    return Profiles(
        version=str(manifest.get("version", "unknown")),
        sha256=content_hash(dirs),
        root=str(base),
        overlays=list(overlays),
        goods_edition=" ".join(str(manifest.get("goods_edition", "")).split()),
        sources=sources,
        indicators=by_country,
        sectors=sectors,
        goods=sorted(listings.values(), key=lambda g: (g.good, g.iso3)),
        goods_changes=changes,
        good_sectors=good_sectors,
        good_aliases=good_aliases,
        good_kinds=good_kinds,
        origins={
            k: sorted(v, key=lambda o: (-(o.share_pct or 0.0), o.iso3)) for k, v in origins.items()
        },
        steps=steps,
        measures=list(measures.values()),
        facts=facts,
        risk_indicators=risk_indicators,
        unaddressed=unaddressed,
    )


def _asdict(item: GoodListing) -> dict[str, Any]:
    return {name: getattr(item, name) for name in GoodListing.__slots__}


def _words(name: str) -> list[str]:
    """A good's or commodity's name as words, brackets and case aside ('tin ore')."""
    return exact_key(good_base(name)).split()


def _prefix(one: list[str], other: list[str]) -> bool:
    """Whether the shorter of two word lists begins the longer."""
    short, long = sorted((one, other), key=len)
    return long[: len(short)] == short


def good_base(good: str) -> str:
    """A good's name without a qualifier in brackets, case aside ('fluorspar')."""
    return re.sub(r"\s*\(.*?\)", "", good).strip().casefold()


def _downstream_inputs(
    listings: dict[tuple[str, str], GoodListing], sectors: dict[str, Sector]
) -> None:
    """Each downstream listing's inputs: the list names only the country they come from
    (palm oil made with inputs from Indonesia), so the candidates are the listed goods of
    that country in the sectors upstream of the good's own (palm fruit). The listing raises
    the risk types every candidate names: palm fruit from Indonesia, child labour; of the
    Congolese ores behind lithium-ion batteries, child labour too (some are also listed for
    forced labour, cobalt ore is not)."""
    by_name = {g.country: g.iso3 for g in listings.values()}
    for key, listing in listings.items():
        if not listing.downstream:
            continue
        upstream: set[str] = set()
        stack = list(sectors[listing.sector].inputs) if listing.sector in sectors else []
        while stack:
            sector_id = stack.pop()
            if sector_id not in upstream and sector_id in sectors:
                upstream.add(sector_id)
                stack.extend(sectors[sector_id].inputs)
        iso3 = by_name.get(listing.input_country, "")
        inputs = [
            g
            for g in listings.values()
            if g.iso3 == iso3 and g.sector in upstream and not g.downstream and g.risk_types
        ]
        common = (
            [rt for rt in inputs[0].risk_types if all(rt in g.risk_types for g in inputs)]
            if inputs
            else []
        )
        listings[key] = GoodListing(
            **{
                **_asdict(listing),
                "input_goods": tuple(sorted({g.good for g in inputs})),
                "input_types": tuple(common),
            }
        )


# the keys of a sector entry of sectors.yaml, and those of them that are lists
_SECTOR_KEYS = (
    "id",
    "name",
    "chain",
    "stage",
    "isic",
    "aliases",
    "inputs",
    "commodities",
    "risk",
    "broad",
    "not_commodities",
    "made_of_named_mineral",
    "made_goods",
    "processed_near_harvest",
    "replaced_by",
)
_SECTOR_LISTS = (
    "aliases",
    "inputs",
    "commodities",
    "not_commodities",
    "made_goods",
    "replaced_by",
)


def _on_top(known: dict[str, Any], given: dict[str, Any], lists: Iterable[str]) -> dict[str, Any]:
    """An overlay's entry for an id already known (a sector, a measure, a risk indicator):
    the known entry with each key the overlay gives in its place, save the lists, to which
    the overlay's items are added (an overlay removes nothing; docs/methodology.md, section
    10). A list written as something else is left to the entry's own check."""
    merged = {**known, **given}
    for key in lists:
        if isinstance(given.get(key), list) and isinstance(known.get(key), list):
            merged[key] = list(dict.fromkeys([*known[key], *given[key]]))
    return merged


def _misspelt_id(
    item: dict[str, Any], known: dict[str, dict[str, Any]], at: Callable[..., str], check: _Checker
) -> bool:
    """Whether an overlay's entry of a new id is a known sector's id misspelt: one much like
    it that does not give what a new sector gives (its stage and ratings). It is then said
    so, once, with the entry's unknown keys, and not read as a new sector."""
    lacking = [key for key in ("stage", "risk") if key not in item]
    if not lacking:
        return False
    from ddtool.graph import closest_id

    best = closest_id(str(item["id"]), list(known))
    if best is None:
        return False
    _unknown_keys(item, _SECTOR_KEYS, "a sector's", at, check)
    check.fail(
        at("id"),
        f"no sector has the id {item['id']!r} (did you mean {best!r}?): an entry with a new"
        f" id is a new sector, which gives every key, and this one gives no {' or '.join(lacking)}",
    )
    return True


def _risk_keys(risk: dict[str, Any], at: Callable[..., str], check: _Checker) -> set[str]:
    """A sector's risk block's keys that are no risk type, each a problem at its line
    ('child_labor'); returns the risk types suggested for them (see _unknown_keys)."""
    return _unknown_keys(risk, RISK_TYPES, "a risk block's", partial(at, "risk"), check)


def _sector_on_top(
    known: dict[str, Any], given: dict[str, Any], at: Callable[..., str], check: _Checker
) -> dict[str, Any] | None:
    """An overlay's entry for a sector already known, on top of it (see _on_top): a new
    name leaves the old one naming the sector too (as an alias); a risk block re-rates the
    sector, so it gives every risk type (None, reported, when it does not), and the main
    risk indicators the known rating names stay named beside any it gives."""
    merged = _on_top(known, given, _SECTOR_LISTS)
    if "name" in given and known.get("name") and str(given["name"]) != str(known["name"]):
        merged["aliases"] = [*(merged.get("aliases") or []), str(known["name"])]
    risk = given.get("risk")
    if "risk" not in given:
        return merged
    meant = _risk_keys(risk, at, check) if isinstance(risk, dict) else set()
    missing = [
        r for r in RISK_TYPES if (not isinstance(risk, dict) or r not in risk) and r not in meant
    ]  # (a risk type whose key is misspelt is that mistake, said)
    if meant and not missing:
        return None
    if missing:
        check.fail(
            at("risk"),
            f"risk gives no {', '.join(missing)}: a risk block re-rates the sector for every"
            f" risk type ({', '.join(RISK_TYPES)}); to keep a rating, copy its entry from"
            f" `ddtool profiles show sector {given['id']}`, or leave out risk to keep them all",
        )
        return None
    assert isinstance(risk, dict)
    rated = dict(risk)
    for risk_type in RISK_TYPES:
        entry, before = risk[risk_type], (known.get("risk") or {}).get(risk_type)
        if isinstance(entry, dict) and isinstance(before, dict):
            rated[risk_type] = _on_top(
                {"indicators": before.get("indicators") or []}, entry, ["indicators"]
            )
    merged["risk"] = rated
    return merged


def _texts(item: dict[str, Any], key: str, where: str, check: _Checker) -> tuple[str, ...]:
    """A list of texts of an entry (empty when not given, reported when no list)."""
    value = item.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        check.fail(where, f"{key}: expected a list, not {value!r:.40} (write [{value!s:.40}])")
        return ()
    return tuple(str(a) for a in value)


def _sector(
    item: Any,
    where: str,
    check: _Checker,
    known_source: Any,
    at: Callable[..., str],
) -> Sector | None:
    """A sector entry read and checked; `at` gives the place of each of its keys."""
    if not isinstance(item, dict) or not item.get("id"):
        check.fail(where, "a sector needs an id")
        return None
    _unknown_keys(item, _SECTOR_KEYS, "a sector's", at, check)
    if "stage" not in item:
        check.fail(at(), f"no stage: a sector's stage is one of {', '.join(STAGES)}")
    elif item.get("stage") not in STAGES:
        check.fail(at("stage"), f"stage {item.get('stage')!r} not one of {', '.join(STAGES)}")
    made_of = item.get("made_of_named_mineral") is True
    if made_of and item.get("stage") not in MAKING_STAGES:
        check.fail(
            at("made_of_named_mineral"),
            "made_of_named_mineral: only a sector that makes goods works a mineral",
        )
    near = item.get("processed_near_harvest")
    if near is not None and (not isinstance(near, str) or not near.strip()):
        check.fail(
            at("processed_near_harvest"),
            f"processed_near_harvest: expected the reason as a text, not {near!r:.40}",
        )
        near = None
    elif near is not None and not item.get("commodities"):
        check.fail(
            at("processed_near_harvest"),
            "processed_near_harvest: only a sector of commodities (a raw material) has one",
        )
        near = None
    replaced_by = _texts(item, "replaced_by", at("replaced_by"), check)
    if replaced_by and not item.get("commodities"):
        check.fail(
            at("replaced_by"),
            "replaced_by: only a sector of commodities (a raw material) has materials that"
            " replace them",
        )
        replaced_by = ()
    given = item.get("risk")
    meant: set[str] = set()
    if "risk" in item and not isinstance(given, dict):
        check.fail(
            at("risk"),
            f"risk: expected the ratings of {', '.join(RISK_TYPES)}, not {given!r:.40}",
        )
    elif isinstance(given, dict):
        meant = _risk_keys(given, at, check)
    risk: dict[str, SectorRisk] = {}
    for risk_type in RISK_TYPES:
        entry = given.get(risk_type) if isinstance(given, dict) else None
        if not isinstance(entry, dict):
            if risk_type not in meant and (isinstance(given, dict) or "risk" not in item):
                check.fail(
                    at("risk", risk_type) if isinstance(given, dict) else at(),
                    f"no risk entry for {risk_type}",
                )
            continue
        values = []
        for key in ("likelihood", "severity"):
            value = entry.get(key)
            if not isinstance(value, int | float) or not 0 <= value <= 1:
                check.fail(
                    at("risk", risk_type, key),
                    f"{risk_type}.{key} {value!r} must be a number in [0, 1]",
                )
                value = 0.0
            values.append(float(value))
        given_source = entry.get("source")
        cited = (
            [str(source or "") for source in given_source]
            if isinstance(given_source, list) and given_source
            else [str(given_source or "")]
        )
        for source in cited:
            known_source(f"{at('risk', risk_type, 'source')} {risk_type}", source, "source")
        cited = list(dict.fromkeys(cited))
        indicators = entry.get("indicators") or []
        if not isinstance(indicators, list):
            check.fail(
                at("risk", risk_type, "indicators"),
                f"{risk_type}.indicators: expected a list of ids, not {indicators!r}",
            )
            indicators = []
        risk[risk_type] = SectorRisk(
            values[0],
            values[1],
            str(entry.get("rationale", "")),
            cited[0],
            tuple(dict.fromkeys(str(i) for i in indicators)),
            tuple(cited[1:]),
        )
    return Sector(
        id=str(item["id"]),
        name=str(item.get("name", item["id"])),
        chain=str(item.get("chain", "other")),
        stage=str(item.get("stage", "")),
        isic=None if item.get("isic") is None else str(item["isic"]),
        aliases=_texts(item, "aliases", at("aliases"), check),
        inputs=_texts(item, "inputs", at("inputs"), check),
        commodities=_texts(item, "commodities", at("commodities"), check),
        risk=risk,
        broad=item.get("broad") is True,
        not_commodities=_texts(item, "not_commodities", at("not_commodities"), check),
        made_of_named_mineral=made_of,
        made_goods=_texts(item, "made_goods", at("made_goods"), check),
        processed_near_harvest=str(near or "").strip(),
        replaced_by=tuple(text_key(text) for text in replaced_by if text_key(text)),
    )


# the keys of a measure of remediation.yaml that are lists
_MEASURE_LISTS = ("risk_types", "sectors", "inputs", "goods", "addresses")


# the keys of a measure and of a risk indicator of remediation.yaml
_MEASURE_KEYS = ("id", "step", "title", "action", "owner", "reference", *_MEASURE_LISTS)
_RISK_INDICATOR_KEYS = ("id", "name", "risk_types", "reference")


def _measure(
    item: Any,
    where: str,
    check: _Checker,
    steps: set[str],
    sectors: dict[str, Sector],
    good_sectors: dict[str, str],
    at: Callable[..., str],
) -> Measure | None:
    """A measure entry read and checked; `at` gives the place of each of its keys."""
    if not isinstance(item, dict) or not item.get("id"):
        check.fail(where, "a measure needs an id")
        return None
    meant = _unknown_keys(item, _MEASURE_KEYS, "a measure's", at, check)
    for key in ("title", "action", "owner", "reference"):
        if not item.get(key) and key not in meant:
            check.fail(at(key), f"missing {key}")
    if item.get("step") not in steps and ("step" in item or "step" not in meant):
        check.fail(
            at("step"),
            f"step {item.get('step')!r} is not one of the listed steps"
            + _did_you_mean(str(item.get("step")), steps),
        )
    risk_types = _texts(item, "risk_types", at("risk_types"), check)
    for risk_type in risk_types:
        if risk_type not in (*RISK_TYPES, "data_gap"):
            check.fail(
                at("risk_types"),
                f"unknown risk type {risk_type!r}"
                + _did_you_mean(risk_type, (*RISK_TYPES, "data_gap")),
            )
    sector_ids = _texts(item, "sectors", at("sectors"), check) or ("*",)
    for sector_id in sector_ids:
        if sector_id != "*" and sector_id not in sectors:
            check.fail(
                at("sectors"), f"unknown sector {sector_id!r}{_did_you_mean(sector_id, sectors)}"
            )
    inputs = _texts(item, "inputs", at("inputs"), check)
    raw = {s.id for s in sectors.values() if s.stage == "raw"} if inputs else set()
    for sector_id in inputs:
        if sector_id not in raw:
            check.fail(
                at("inputs"),
                f"inputs: {sector_id!r} is no raw-material sector{_did_you_mean(sector_id, raw)}",
            )
    goods = _texts(item, "goods", at("goods"), check)
    for good in goods:
        if good not in good_sectors:
            check.fail(
                at("goods"),
                f"goods: {good!r} is no good of good_sectors.csv"
                + _did_you_mean(good, good_sectors),
            )
    addresses = _texts(item, "addresses", at("addresses"), check)
    return Measure(
        id=str(item["id"]),
        risk_types=risk_types,
        sectors=sector_ids,
        step=str(item.get("step")),
        title=str(item.get("title", "")),
        action=" ".join(str(item.get("action", "")).split()),
        owner=str(item.get("owner", "")),
        reference=str(item.get("reference", "")),
        inputs=inputs,
        goods=goods,
        addresses=tuple(dict.fromkeys(addresses)),
    )


def _risk_indicator(
    item: Any, where: str, check: _Checker, at: Callable[..., str]
) -> RiskIndicator | None:
    """A risk indicator entry read and checked; `at` gives the place of each of its keys."""
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        check.fail(where, "a risk indicator needs an id and a name")
        return None
    meant = _unknown_keys(item, _RISK_INDICATOR_KEYS, "a risk indicator's", at, check)
    risk_types = _texts(item, "risk_types", at("risk_types"), check)
    if not risk_types and item.get("risk_types") in (None, []) and "risk_types" not in meant:
        check.fail(at("risk_types"), "risk_types: name the risk types it is a sign of")
    for risk_type in risk_types:
        if risk_type not in RISK_TYPES:
            check.fail(
                at("risk_types"),
                f"unknown risk type {risk_type!r}{_did_you_mean(risk_type, RISK_TYPES)}",
            )
    return RiskIndicator(
        id=str(item["id"]),
        name=" ".join(str(item["name"]).split()),
        risk_types=risk_types,
        reference=str(item.get("reference", "")),
    )


def _unaddressed(
    sectors: dict[str, Sector], measures: list[Measure]
) -> dict[tuple[str, str], tuple[str, ...]]:
    """For each sector and risk type, the main indicators that no measure of the catalogue
    written for that risk type and that sector (or every sector) addresses."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for sector in sectors.values():
        for risk_type, sector_risk in sector.risk.items():
            addressed = {
                a
                for m in measures
                if risk_type in m.risk_types and (sector.id in m.sectors or "*" in m.sectors)
                for a in m.addresses
            }
            left = tuple(i for i in sector_risk.indicators if i not in addressed)
            if left:
                found[(sector.id, risk_type)] = left
    return found


def _known_indicators(
    where: str,
    ids: tuple[str, ...],
    risk_types: list[str],
    known: dict[str, RiskIndicator],
    check: _Checker,
) -> None:
    """Each risk indicator named is in remediation.yaml's risk_indicators, and a sign of
    one of the risk types it is named for."""
    for indicator_id in ids:
        found = known.get(indicator_id)
        if found is None:
            hint = _did_you_mean(indicator_id, known)
            check.fail(where, f"{indicator_id!r} is no risk indicator of remediation.yaml{hint}")
        elif risk_types and found.risk_types and not set(risk_types) & set(found.risk_types):
            # (an indicator of no risk type is said at its own entry)
            check.fail(
                where,
                f"{indicator_id!r} is a sign of {', '.join(found.risk_types)},"
                f" not of {', '.join(risk_types)}",
            )
