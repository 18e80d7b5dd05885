"""`diff`: which inferred stages of the old assessment are the same stages inferred again in
the new one (ddtool.diff._reinferred), pinned on entries written out by hand: several stages
under one buyer, a buyer under a new id, ids of both forms, a stage of one year only, stages
paired round by round down the chain, and a pairing of one round that settles another's.

The plain algorithm is written out here round by round, as the docstring of _reinferred
reads: every unpaired stage looked at again each round until a round pairs none. ddtool's
version looks again only at the stages a round's pairings can change, and must agree with
it exactly on any entries.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddtool.diff import _closeness, _reinferred, _stage_of

Entries = dict[str, dict[str, Any]]


def stage(node_id: str, *buyers: str, products: list[str] | None = None) -> Entries:
    """An inferred supplier's entry as a diff reads it, its sector taken from its id."""
    entry: dict[str, Any] = {"inferred": True, "buyers": list(buyers)}
    entry["sector"] = node_id.removeprefix("inferred:").rpartition("@")[0].partition(":")[0]
    if products is not None:
        entry["products"] = products
    return {node_id: entry}


def mapped(*ids: str) -> Entries:
    return {i: {"inferred": False, "buyers": []} for i in ids}


def merged(*parts: Entries) -> Entries:
    return {key: entry for part in parts for key, entry in part.items()}


LINT = ["cotton lint"]
GIN_WORLD = "inferred:cotton-ginning:cotton-lint@world"
LITHIUM = "inferred:industrial-mining:lithium"
COBALT = "inferred:industrial-mining:cobalt"
SHRIMP = ["shrimp (farmed)"]
SHRIMP_MIX = "inferred:seafood-processing:shrimp-farmed@world"
SHRIMP_FARMS = "inferred:aquaculture:shrimp-farmed"

# (case, old entries, new entries, renamed suppliers (old id -> new id), the pairs expected)
CASES: list[tuple[str, Entries, Entries, dict[str, str], dict[str, list[str]]]] = [
    (
        "several stages under one buyer that moved: each to its like",
        merged(
            mapped("M"),
            stage("inferred:textile-finishing@BGD", "M"),
            stage(GIN_WORLD, "M", products=LINT),
            stage(f"{LITHIUM}@world", "M", products=["lithium"]),
            stage(f"{COBALT}@world", "M", products=["cobalt"]),
        ),
        merged(
            mapped("M"),
            stage("inferred:textile-finishing@PAK", "M"),
            stage("inferred:cotton-ginning@PAK", "M"),
            stage(f"{LITHIUM}@CHN", "M", products=["lithium"]),
            stage(f"{COBALT}@COD", "M", products=["cobalt"]),
        ),
        {},
        {
            "inferred:textile-finishing@BGD": ["inferred:textile-finishing@PAK"],
            GIN_WORLD: ["inferred:cotton-ginning@PAK"],
            f"{LITHIUM}@world": [f"{LITHIUM}@CHN"],
            f"{COBALT}@world": [f"{COBALT}@COD"],
        },
    ),
    (
        "a ginnery assumed in a country back at cotton's origin mix (the other form of id)",
        merged(mapped("M"), stage("inferred:cotton-ginning@PAK", "M")),
        merged(mapped("M"), stage(GIN_WORLD, "M", products=LINT)),
        {},
        {"inferred:cotton-ginning@PAK": [GIN_WORLD]},
    ),
    (
        "the same commodity written in another case",
        merged(mapped("M"), stage("inferred:cotton-ginning:lint@IND", "M", products=["Lint"])),
        merged(mapped("M"), stage("inferred:cotton-ginning:x@PAK", "M", products=["lint"])),
        {},
        {"inferred:cotton-ginning:lint@IND": ["inferred:cotton-ginning:x@PAK"]},
    ),
    (
        "the same commodity is closer than a stage of none",
        merged(mapped("M"), stage("inferred:cotton-ginning:a@IND", "M", products=LINT)),
        merged(
            mapped("M"),
            stage("inferred:cotton-ginning@PAK", "M"),
            stage("inferred:cotton-ginning:b@PAK", "M", products=LINT),
        ),
        {},
        {"inferred:cotton-ginning:a@IND": ["inferred:cotton-ginning:b@PAK"]},
    ),
    (
        "another commodity is not the same stage",
        merged(mapped("M"), stage(f"{LITHIUM}@world", "M", products=["lithium"])),
        merged(mapped("M"), stage(f"{COBALT}@COD", "M", products=["cobalt"])),
        {},
        {},
    ),
    (
        "under a buyer with a new id",
        merged(mapped("M"), stage("inferred:yarn-spinning@BGD", "M")),
        merged(mapped("M2"), stage("inferred:yarn-spinning@IND", "M2")),
        {"M": "M2"},
        {"inferred:yarn-spinning@BGD": ["inferred:yarn-spinning@IND"]},
    ),
    (
        "under another buyer, not one with a new id: not the same stage",
        merged(mapped("M"), stage("inferred:yarn-spinning@BGD", "M")),
        merged(mapped("M2"), stage("inferred:yarn-spinning@IND", "M2")),
        {},
        {},
    ),
    (
        "a stage of one year only, beside one inferred again",
        merged(
            mapped("M", "GONE"),
            stage("inferred:cocoa-farming:cocoa-beans@CIV", "GONE", products=["cocoa beans"]),
            stage("inferred:yarn-spinning@BGD", "M"),
        ),
        merged(
            mapped("M", "CAME"),
            stage("inferred:coffee-farming:coffee@BRA", "CAME", products=["coffee"]),
            stage("inferred:yarn-spinning@TUR", "M"),
        ),
        {},
        {"inferred:yarn-spinning@BGD": ["inferred:yarn-spinning@TUR"]},
    ),
    (
        "stages down the chain, each paired once its buyer is",
        merged(
            mapped("M"),
            stage("inferred:textile-finishing@BGD", "M"),
            stage("inferred:fabric-manufacturing@BGD", "inferred:textile-finishing@BGD"),
            stage("inferred:yarn-spinning@BGD", "inferred:fabric-manufacturing@BGD"),
        ),
        merged(
            mapped("M"),
            stage("inferred:textile-finishing@TKM", "M"),
            stage("inferred:fabric-manufacturing@TKM", "inferred:textile-finishing@TKM"),
            stage("inferred:yarn-spinning@TKM", "inferred:fabric-manufacturing@TKM"),
        ),
        {},
        {
            "inferred:textile-finishing@BGD": ["inferred:textile-finishing@TKM"],
            "inferred:fabric-manufacturing@BGD": ["inferred:fabric-manufacturing@TKM"],
            "inferred:yarn-spinning@BGD": ["inferred:yarn-spinning@TKM"],
        },
    ),
    (
        "one of two ginneries sharing the farms could be either: paired with neither",
        merged(
            mapped("G0", "G1"),
            stage("inferred:cotton-farming:cotton-lint@world", "G0", "G1", products=LINT),
        ),
        merged(
            mapped("G0", "G1"),
            stage("inferred:cotton-farming:cotton-lint@TKM", "G0", products=LINT),
            stage("inferred:cotton-farming:cotton-lint@PAK", "G1", products=LINT),
        ),
        {},
        {},
    ),
    (
        "a stage at the origin mix split by the lean it passes down: each under its buyers",
        merged(
            mapped("TH1", "TH2", "BD1"),
            stage(SHRIMP_MIX, "TH1", "TH2", "BD1", products=SHRIMP),
            stage(f"{SHRIMP_FARMS}@THA", SHRIMP_MIX, products=SHRIMP),
            stage(f"{SHRIMP_FARMS}@BGD", SHRIMP_MIX, products=SHRIMP),
        ),
        merged(
            mapped("TH1", "TH2", "BD1"),
            stage(f"{SHRIMP_MIX}>THA", "TH1", "TH2", products=SHRIMP),
            stage(f"{SHRIMP_MIX}>BGD", "BD1", products=SHRIMP),
            stage(f"{SHRIMP_FARMS}@THA", f"{SHRIMP_MIX}>THA", products=SHRIMP),
            stage(f"{SHRIMP_FARMS}@BGD", f"{SHRIMP_MIX}>BGD", products=SHRIMP),
        ),
        {},
        {SHRIMP_MIX: [f"{SHRIMP_MIX}>BGD", f"{SHRIMP_MIX}>THA"]},
    ),
    (
        "split by the lean beside a buyer that keeps the stage at the mix",
        merged(
            mapped("TH1", "BD1", "DE1"), stage(SHRIMP_MIX, "TH1", "BD1", "DE1", products=SHRIMP)
        ),
        merged(
            mapped("TH1", "BD1", "DE1"),
            stage(SHRIMP_MIX, "DE1", products=SHRIMP),
            stage(f"{SHRIMP_MIX}>THA", "TH1", products=SHRIMP),
            stage(f"{SHRIMP_MIX}>BGD", "BD1", products=SHRIMP),
        ),
        {},
        {SHRIMP_MIX: [f"{SHRIMP_MIX}>BGD", f"{SHRIMP_MIX}>THA"]},
    ),
    (
        "split by the lean under a buyer with a new id",
        merged(mapped("TH1", "BD1"), stage(SHRIMP_MIX, "TH1", "BD1", products=SHRIMP)),
        merged(
            mapped("TH1", "BD2"),
            stage(f"{SHRIMP_MIX}>THA", "TH1", products=SHRIMP),
            stage(f"{SHRIMP_MIX}>BGD", "BD2", products=SHRIMP),
        ),
        {"BD1": "BD2"},
        {SHRIMP_MIX: [f"{SHRIMP_MIX}>BGD", f"{SHRIMP_MIX}>THA"]},
    ),
    (
        "stages keyed by their lean merged back into the one at the mix",
        merged(
            mapped("TH1", "TH2", "BD1"),
            stage(f"{SHRIMP_MIX}>THA", "TH1", "TH2", products=SHRIMP),
            stage(f"{SHRIMP_MIX}>BGD", "BD1", products=SHRIMP),
        ),
        merged(
            mapped("TH1", "TH2", "BD1"), stage(SHRIMP_MIX, "TH1", "TH2", "BD1", products=SHRIMP)
        ),
        {},
        {f"{SHRIMP_MIX}>BGD": [SHRIMP_MIX], f"{SHRIMP_MIX}>THA": [SHRIMP_MIX]},
    ),
    (
        "a lean beside a stage in another country: either of two, paired with neither",
        merged(mapped("TH1", "PK1"), stage(GIN_WORLD, "TH1", "PK1", products=LINT)),
        merged(
            mapped("TH1", "PK1"),
            stage(f"{GIN_WORLD}>THA", "TH1", products=LINT),
            stage("inferred:cotton-ginning:cotton-lint@PAK", "PK1", products=LINT),
        ),
        {},
        {},
    ),
    (
        "a trader of several minerals becomes one for each",
        merged(mapped("C"), stage("inferred:mineral-trading@CHN", "C", products=["a", "b"])),
        merged(
            mapped("C"),
            stage("inferred:mineral-trading:cobalt@world", "C", products=["cobalt"]),
            stage("inferred:mineral-trading:lithium@world", "C", products=["lithium"]),
        ),
        {},
        {
            "inferred:mineral-trading@CHN": [
                "inferred:mineral-trading:cobalt@world",
                "inferred:mineral-trading:lithium@world",
            ]
        },
    ),
    (
        "merged into the stage another buyer already had",
        merged(
            mapped("C1", "C2"),
            stage(f"{LITHIUM}@world", "C1", products=["lithium"]),
            stage(f"{LITHIUM}@CHN", "C2", products=["lithium"]),
        ),
        merged(mapped("C1", "C2"), stage(f"{LITHIUM}@CHN", "C1", "C2", products=["lithium"])),
        {},
        {f"{LITHIUM}@world": [f"{LITHIUM}@CHN"]},
    ),
    (
        "a buyer that left a stage of both years for one of its own",
        merged(mapped("C1", "C2"), stage(f"{LITHIUM}@CHN", "C1", "C2", products=["lithium"])),
        merged(
            mapped("C1", "C2"),
            stage(f"{LITHIUM}@CHN", "C2", products=["lithium"]),
            stage(f"{LITHIUM}@world", "C1", products=["lithium"]),
        ),
        {},
        {f"{LITHIUM}@CHN": [f"{LITHIUM}@world"]},
    ),
    (
        "a stage of both years under a buyer that kept it is no candidate",
        merged(
            mapped("C1"),
            stage(f"{LITHIUM}@world", "C1", products=["lithium"]),
            stage(f"{LITHIUM}@CHN", "C1", products=["lithium"]),
        ),
        merged(mapped("C1"), stage(f"{LITHIUM}@CHN", "C1", products=["lithium"])),
        {},
        {},
    ),
    (
        # the trader at VNM merges into the one at CHN in the first round; the cobalt mines
        # @world, under it then, are no candidate for the mines @COD from the second (they
        # were under the other trader last year), and the mines @ZMB are left alone
        "a pairing of one round takes a candidate away in the next",
        merged(
            mapped("M", "M2"),
            stage("inferred:mineral-trading@CHN", "M"),
            stage("inferred:mineral-trading@VNM", "M2"),
            stage(f"{COBALT}@world", "inferred:mineral-trading@VNM", products=["cobalt"]),
            stage(f"{COBALT}@COD", "inferred:mineral-trading@CHN", products=["cobalt"]),
        ),
        merged(
            mapped("M", "M2"),
            stage("inferred:mineral-trading@CHN", "M", "M2"),
            stage(f"{COBALT}@world", "inferred:mineral-trading@CHN", products=["cobalt"]),
            stage(f"{COBALT}@ZMB", "inferred:mineral-trading@CHN", products=["cobalt"]),
        ),
        {},
        {
            "inferred:mineral-trading@VNM": ["inferred:mineral-trading@CHN"],
            f"{COBALT}@COD": [f"{COBALT}@ZMB"],
        },
    ),
    (
        "an entry without its sector: read from its id",
        merged(mapped("M"), {"inferred:yarn-spinning@BGD": {"inferred": True, "buyers": ["M"]}}),
        merged(mapped("M"), {"inferred:yarn-spinning@PAK": {"inferred": True, "buyers": ["M"]}}),
        {},
        {"inferred:yarn-spinning@BGD": ["inferred:yarn-spinning@PAK"]},
    ),
    (
        "no inferred stage came or went",
        merged(mapped("M"), stage("inferred:yarn-spinning@BGD", "M")),
        merged(mapped("M"), stage("inferred:yarn-spinning@BGD", "M")),
        {},
        {},
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "renamed", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_inferred_stages_are_paired_with_the_same_stages_inferred_again(
    old: Entries, new: Entries, renamed: dict[str, str], expected: dict[str, list[str]]
) -> None:
    assert _reinferred(old, new, renamed) == expected
    assert _plain_reinferred(old, new, renamed) == expected


class Read(dict[str, Any]):
    """An entry that counts the reads of its buyers."""

    def __init__(self, reads: Counter[str], name: str, entry: dict[str, Any]) -> None:
        super().__init__(entry)
        self.reads, self.name = reads, name

    def get(self, key: str, default: Any = None) -> Any:
        if key == "buyers":
            self.reads[self.name] += 1
        return super().get(key, default)


def test_each_entrys_buyers_are_read_a_bounded_number_of_times() -> None:
    """The farms beneath 60 Indian ginneries, which moved to China and Pakistan, could be
    either country's (paired with neither); the Chinese farms, under 60 ginneries there
    already, are a candidate for each ginnery that moved there. Each entry's buyers are read
    once or twice, however many buyers there are (the rounds read a candidate's buyers for
    each buyer it is under, round after round: hundreds of times on 10^5 suppliers)."""
    moved = [f"G{i}" for i in range(60)]
    there = [f"C{i}" for i in range(60)]
    farms = "inferred:cotton-farming:cotton-lint"
    old = merged(
        mapped(*moved, *there),
        stage(f"{farms}@IND", *moved, products=LINT),
        stage(f"{farms}@CHN", *there, products=LINT),
    )
    new = merged(
        mapped(*moved, *there),
        stage(f"{farms}@CHN", *there, *moved[::2], products=LINT),
        stage(f"{farms}@PAK", *moved[1::2], products=LINT),
    )
    reads: Counter[str] = Counter()
    counted = [
        {key: Read(reads, f"{year} {key}", entry) for key, entry in entries.items()}
        for year, entries in (("old", old), ("new", new))
    ]
    assert _reinferred(counted[0], counted[1], {}) == _plain_reinferred(old, new, {}) == {}
    assert reads and max(reads.values()) <= 2, reads.most_common(3)


def _plain_reinferred(old: Entries, new: Entries, renamed: dict[str, str]) -> dict[str, list[str]]:
    """Round by round: each unpaired inferred stage of the old assessment looked at again,
    its buyers and its candidates' buyers as the new assessment names them so far."""
    under: dict[tuple[str, str], list[str]] = {}
    for node_id, entry in new.items():
        if entry.get("inferred"):
            for buyer in entry.get("buyers") or ():
                under.setdefault((_stage_of(node_id, entry)[0], str(buyer)), []).append(node_id)
    pairs: dict[str, list[str]] = {}

    def as_now(buyers: Any) -> set[str]:
        found: set[str] = set()
        for buyer in map(str, buyers or ()):
            found.add(renamed.get(buyer, buyer))
            found.update(pairs.get(buyer, ()))
        return found

    while True:
        paired: dict[str, list[str]] = {}
        for node_id, entry in old.items():
            if not entry.get("inferred") or node_id in pairs:
                continue
            kept = node_id in new
            had = {renamed.get(b, b) for b in map(str, entry.get("buyers") or ())}
            left = as_now(entry.get("buyers"))
            if kept:
                left -= set(map(str, new[node_id].get("buyers") or ()))
            sector, commodity = _stage_of(node_id, entry)
            closeness: dict[str, int] = {}
            for buyer in left:
                for other in under.get((sector, buyer), ()):
                    # (a candidate under a buyer then that was this one's buyer then too, not
                    # one it has only as a stage it was under was inferred again)
                    if other in old and (
                        kept or (buyer in as_now(old[other].get("buyers")) and buyer in had)
                    ):
                        continue
                    rank = _closeness(node_id, commodity, other, _stage_of(other, new[other])[1])
                    if rank is not None:
                        closeness[other] = rank
            if not closeness:
                continue
            best = min(closeness.values())
            found = sorted(other for other, rank in closeness.items() if rank == best)
            commodities = [_stage_of(other, new[other])[1] for other in found]
            if (
                len(found) == 1
                or (
                    commodity is None
                    and None not in commodities
                    and len(set(commodities)) == len(commodities)
                )
                # (the stage at the origin mix, keyed by each lean it passes down now)
                or all(other.startswith(node_id + ">") for other in found)
            ):
                paired[node_id] = found
        if not paired:
            return pairs
        pairs.update(paired)


# a small world of stages: two sectors, ids of both forms, a few countries and commodities
SECTORS = ("cotton-ginning", "mineral-trading")
COMMODITIES = (None, "lint", "Lint", "cobalt")
COUNTRIES = ("world", "world>PAK", "world>CHN", "PAK", "CHN")
MAPPED = ("M0", "M1", "M2")


@st.composite
def years(draw: st.DrawFn) -> tuple[Entries, Entries, dict[str, str]]:
    """Two years of entries: mapped buyers (some under a new id the second year) and inferred
    stages, each under mapped buyers or stages before it (a chain downwards). In the second
    year each stage of the first is kept, inferred again under another id (another country,
    the origin mix keyed by a lean or not, the other form of id; perhaps one the year has
    already: merged), or left out, under its
    buyers as the year names them and perhaps another; and the year adds its own."""
    renamed = draw(st.dictionaries(st.sampled_from(MAPPED), st.sampled_from(("N0", "N1"))))
    old: Entries = merged(mapped(*MAPPED, "N0", "N1"))
    new: Entries = merged(mapped(*MAPPED, "N0", "N1"))

    def buyers(entries: Entries) -> list[str]:
        choices = [*MAPPED, "N0", "N1", *(i for i in entries if i.startswith("inferred:"))]
        return draw(st.lists(st.sampled_from(choices), min_size=1, max_size=3, unique=True))

    def drawn(sector: str | None = None) -> tuple[str, list[str] | None]:
        sector = sector or draw(st.sampled_from(SECTORS))
        commodity = draw(st.sampled_from(COMMODITIES))
        country = draw(st.sampled_from(COUNTRIES))
        form = f":{commodity.lower()}" if commodity and draw(st.booleans()) else ""
        products = [commodity] if commodity else draw(st.sampled_from([None, [], ["a", "b"]]))
        return f"inferred:{sector}{form}@{country}", products

    def add(entries: Entries, node_id: str, products: Any, under: list[str]) -> None:
        before = entries.get(node_id, {}).get("buyers", [])
        entries.update(stage(node_id, *dict.fromkeys([*before, *under]), products=products))

    for _ in range(draw(st.integers(min_value=0, max_value=7))):
        add(old, *drawn(), buyers(old))
    now: dict[str, str] = {}
    for node_id, entry in old.items():
        if not entry["inferred"]:
            continue
        fate = draw(st.sampled_from(("kept", "again", "again", "gone")))
        if fate == "gone":
            continue
        if fate == "kept":
            now[node_id], products = node_id, entry.get("products")
        else:
            now[node_id], products = drawn(entry["sector"])
        under = [now.get(b, renamed.get(b, b)) for b in entry["buyers"]]
        under = [b for b in under if b in new]
        if not under or draw(st.booleans()):
            under += buyers(new)
        add(new, now[node_id], products, under)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        add(new, *drawn(), buyers(new))
    return old, new, renamed


@settings(max_examples=500, deadline=None)
@given(years=years())
def test_the_pairing_is_that_of_the_plain_rounds(
    years: tuple[Entries, Entries, dict[str, str]],
) -> None:
    old, new, renamed = years
    assert _reinferred(old, new, renamed) == _plain_reinferred(old, new, renamed)
