"""Hidden-tier inference (down to raw-material origin) and exposure roll-up (up to the company)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain, compress, filterfalse, repeat
from math import lcm
from operator import itemgetter
from typing import Any, TypeVar

from ddtool.config import Config
from ddtool.document import depth_reached, unmodelled_below
from ddtool.graph import SupplyGraph
from ddtool.model import LEVELS, RISK_TYPES, Company, Supplier
from ddtool.profiles import (
    CAPTURE,
    MAKING_STAGES,
    SAID,
    SHORTHANDS,
    OriginShare,
    Profiles,
    Sector,
    exact_key,
    minerals_in_english,
    names_a_place,
    names_a_recruiter,
    read_denials,
    said_caught,
    said_caught_too,
    text_key,
)
from ddtool.reference.countries import display_name
from ddtool.regions import XUAR_NAME, Placed
from ddtool.scoring import (
    SEVERITY_FACT,
    CountryScore,
    Evidence,
    Score,
    Scorer,
    SupplierRisk,
    behind_note,
    coverage_text,
    decimal_value,
    half_up,
    half_up_units,
    is_listing_fact,
    overlay_credit,
    worst_case_evidence,
)
from ddtool.slots import made_from_columns


@dataclass(frozen=True, slots=True)
class Origin:
    """One origin country in an inferred supplier's mix (weight None: no share in the risk data)."""

    iso3: str | None
    weight: float | None
    share: OriginShare | None
    # the weight as the decimals it is worked out from (the published shares, the lean to
    # the buyer's country), for the expected figures: a mean landing on a half of the fourth
    # decimal is rounded up, as every figure is, not either way as a binary float lies
    exact: Fraction | None = None


# an inferred origin mix whose published shares cover less of world production than this
# has a data gap: what it weighs is a part of the world (farmed shrimp: 19 %)
MIX_COVERAGE_PCT = 75.0


@dataclass(slots=True)
class InferredSupplier:
    """A supplier nobody mapped, inferred from the sector inputs and production shares."""

    id: str
    sector: str
    commodity: str | None
    country: str | None  # intermediate stages: assumed in the buyer's country
    lean: str | None  # raw materials: the buyer's own producing country, if any
    origins: list[Origin]
    expected: dict[str, Score]
    worst: dict[str, tuple[Score, str | None]]
    evidence: dict[str, list[Evidence]]
    buyers: set[str] = field(default_factory=set)
    depth: int = 1
    # what the inference assumed, when not the usual (see assess: an entry's "assumption")
    assumption: str | None = None
    # per risk type, what the country data of the worst origin lacks ("little country
    # data (15%)"; "country unknown" where the worst case is a stage's own score in a
    # country not known), when anything
    worst_gaps: dict[str, str] = field(default_factory=dict)
    # an intermediate stage's data gaps besides its being inferred, as a mapped supplier of
    # its sector in its country would have them ("country unknown", "no country data for
    # …"): what its own score rests on is missing
    gaps: list[str] = field(default_factory=list)
    # per risk type, why it is flagged, where the worst case over an origin mix does not
    # say it (a stage in a country not known: section 4.1's worst case, or its own score)
    reasons: dict[str, str] = field(default_factory=dict)
    # what the buyer's products say an intermediate stage of distinct products works
    # (Profiles.stage_said), where that rules out some of its sector's listings
    said: tuple[str, ...] = ()

    @property
    def shares_of(self) -> str:
        """What its origins' shares are of: "production", or "manufacturing capacity" where
        their source gives that (polysilicon)."""
        return next(
            (o.share.of for o in self.origins if o.share and o.share.share_pct), "production"
        )


@dataclass(frozen=True, slots=True)
class Exposure:
    """What lies beneath a supplier for one risk type: the maximum and a share-weighted figure."""

    score: Score  # of the supplier where the maximum sits (its worst case if inferred)
    source: str  # the supplier id where the maximum sits
    weighted: float  # share-weighted priority, for ranking (as printed: see roll_up_exposure)


# a stage's inputs in groups of alternatives, each with every stage that covers it
InputGroups = list[tuple[list[str], frozenset[str]]]
# an uncovered group of a stage's inputs, with every stage that covers it and the
# commodities that suppliers beneath hold in those stages (see Inference.run)
Uncovered = list[tuple[list[str], frozenset[str], frozenset[str]]]
# a group to infer: None, all of it; else only these commodities (the others are mapped)
Missing = list[tuple[list[str], frozenset[str] | None]]
# a general trader's plan (see Inference._general_plan): its key, input groups, the products
# of each group's trade, and what it covers for the suppliers above it
GeneralPlan = tuple[str, InputGroups, dict[tuple[str, ...], list[str]], frozenset[str]]
V = TypeVar("V")

KEY_CHAINS = frozenset({"cocoa", "coffee", "cotton", "minerals", "seafood"})
# the stages of a general trader's sector, where it has no inputs (a wholesaler, importer or
# general retailer of anything): what it trades is what its products name (_general_plan)
GENERAL_STAGES = ("trading", "retail")
# the stage of the sectors that supply services, not goods (logistics, warehousing,
# cleaning, security, software, consulting, finance …): one mapped beneath a general trader
# tells nothing of what it sells (Inference._general_traders)
SERVICE_STAGE = "service"
# Stages usually done abroad on the buyer's own material (outward processing): a garment
# maker's cut-make-trim unit sews the fabric it is sent, a shoe maker's stitching unit the
# uppers, so a subcontractor in that stage in another country is still commission work
# (methodology §7)
OUTWARD_PROCESSING = frozenset({"garment-manufacturing", "footwear-manufacturing"})
# what a list of goods in one product is written with (Inference._listed): items between
# commas or semicolons, goods joined by a word or a sign ('tuna and shrimp', 'Kaffee und
# Schokolade', 't-shirts/jeans')
_LISTING = re.compile(r"[,;&+/]|\b(?:and|or|plus|und|oder|et|ou|y)\b", re.IGNORECASE)
_JOINED = re.compile(r"\s*[&+/]\s*|\s+(?:and|or|plus|und|oder|et|ou|y)\s+", re.IGNORECASE)


# minerals of the mines the risk data has no commodity of (no origin shares, no stage that
# follows them), each with the words (words_said's, in English) that name it: a product of
# them names no mine the risk data follows (Inference._unmodelled)
_UNMODELLED: dict[str, tuple[str, ...]] = {
    "nickel": ("nickel", "mhp", "hpal", "ferronickel", "laterite"),
    "graphite": ("graphite",),
    "rare earths": ("rare", "neodymium", "ndfeb", "praseodymium", "dysprosium", "terbium"),
    "aluminium": ("aluminium", "aluminum", "bauxite", "alumina"),
    "zinc": ("zinc",),
    "manganese": ("manganese", "ferromanganese"),
    "iron": ("iron",),
    "platinum group metals": ("platinum", "palladium", "rhodium"),
    "chromium": ("chromite", "chrome", "chromium", "ferrochrome"),
    "vanadium": ("vanadium",),
    "molybdenum": ("molybdenum",),
    "titanium": ("titanium", "ilmenite", "rutile"),
    "antimony": ("antimony",),
    "silicon": ("silicon", "ferrosilicon"),
}

# the forms a refined metal is sold in whose words also name a made good (a cathode:
# battery manufacturing; ingots: solar wafers), as text_key gives them, with the metals
# sold in that form (None: any metal of the mines). Said right after such a metal, the
# word is that metal's form and the product is the metal ("copper cathode", "cobalt
# cathodes": a refiner's copper and cobalt, not a battery; Inference._metal_form); not
# after another ("lithium cathode": a battery's, lithium is sold as carbonate or hydroxide)
_METAL_FORMS: dict[str, frozenset[str] | None] = {
    "cathode": frozenset({"copper", "cobalt", "nickel"}),
    "ingot": None,
}


def _hint_words(profiles: Profiles, hint: list[str]) -> set[str]:
    """The words of a buyer's products that say what they are (Profiles.words_said: not
    those a product denies, 'cobalt-free batteries' names no cobalt; nor a good's word that
    names a container, 'tea tin', 'tin cans' name no tin); a shorthand adds the metals it
    names ("3TG" is tin, tantalum, tungsten and gold; an "NMC cathode" holds cobalt and
    lithium)."""
    words = {w for p in hint for w in profiles.words_said(p)}
    for shorthand in words & SHORTHANDS.keys():
        words.update(SHORTHANDS[shorthand])
    if any(_KARAT.search(p) and not _of_another_good(profiles, p) for p in hint):
        words.add("gold")  # ('22k bangles', '24k kilobars': gold's; not '22k resistors')
    return words


def _of_another_good(profiles: Profiles, product: str) -> bool:
    """Whether a product with a karat-like mark names a good not worked from gold, or counts
    in a unit: a made good of a sector other than jewellery ('22k resistors': electronic
    components), or a unit beside the number ('18k BTU', '22k mAh', '24k pcs')."""
    if _UNITS.search(product):
        return True
    sectors = profiles.made_good_sectors(product)
    return bool(sectors) and not all(profiles.sectors[s].made_of_named_mineral for s in sectors)


# the units a number with a "k" counts in, no gold's fineness ("18k BTU", "22k mAh")
_UNITS = re.compile(
    r"(?i)\b(?:btu|mah|wh|kwh|pcs|pieces|units|ohms?|rpm|lbs?|tons?|tonnes?|kg|yr|year|hz)\b"
)


# a gold's fineness in karats ('22k', '18 kt', '24 karat', '9ct', '14 carat'): the jewellery or
# bar is of gold (a carat of a gem's weight is no fineness: '1 ct diamond', '0.5 carat')
_KARAT = re.compile(r"(?i)(?<![\d.,])(?:9|14|18|22|24)\s?(?:k|kt|karat|ct|carat)\b")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _named_id(sector_id: str, good: str, country: str | None) -> str:
    """The id of the inferred stage of a good the buyer's products name, in its country
    (WORLD: at origin, a country its buyer's is not known to produce it in)."""
    return f"inferred:{sector_id}:{_slug(good)}@{country or 'unknown'}"


# where an inferred raw stage of no origin shares sits whose buyer's country is known but not
# known to produce its goods (Inference._placed): at origin, in a country not known, as the id
# of a raw material at its origin mix says it (`inferred:gemstone-mining:diamonds@world`)
WORLD = "world"


def _union(
    made: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]],
    a: frozenset[str],
    b: frozenset[str],
) -> frozenset[str]:
    """a | b, made once for each distinct pair (equal sets then stay one object)."""
    union = made.get((a, b))
    if union is None:
        union = made[a, b] = a | b
    return union


class Inference:
    """Adds inferred suppliers under branches that stop above raw-material origin."""

    def __init__(self, supply: SupplyGraph, profiles: Profiles, scorer: Scorer, config: Config):
        self.supply = supply
        self.profiles = profiles
        self.scorer = scorer
        self.config = config
        self.nodes: dict[str, InferredSupplier] = {}
        # the general traders with no supplier of goods mapped beneath them whose products
        # name nothing inference follows (or that name no products): nothing is known
        # beneath them (set by run, see _general_traders)
        self.unfollowed: set[str] = set()
        # the suppliers with no supplier of goods mapped beneath them beneath which nothing is
        # inferred because their products deny what their sector's inputs hold, each with
        # those goods (set by run, see _denied_beneath)
        self.denied_below: dict[str, tuple[str, ...]] = {}
        # likewise, those whose products are made of a material that replaces those goods
        # ('nitrile gloves': natural rubber; see _replaced)
        self.replaced_below: dict[str, tuple[str, ...]] = {}
        # and those whose products are all recycled ('scrap gold', 'recycled gold': no
        # mine beneath; see _recycled)
        self.recycled_below: dict[str, tuple[str, ...]] = {}
        # suppliers whose products name only minerals of the mines the risk data has no
        # origins of ("nickel sulphate", "spherical graphite"), with those minerals
        self.unmodelled_below: dict[str, tuple[str, ...]] = {}
        # the suppliers taken to work material their buyers send them (commission work), with
        # nothing inferred beneath them for it, and those buyers (set by run)
        self.commissioned: dict[str, tuple[str, ...]] = {}
        # the suppliers of no sector read as general traders (see run: `as_traders`) whose
        # products name goods inference follows (set by run)
        self.traded: set[str] = set()
        self._closure: dict[str, set[str]] = {}
        self._origin_scores: dict[
            tuple[str, str | None, str | None, tuple[str, ...], str | None], SupplierRisk
        ] = {}
        # the inferred stages placed in the XUAR, as their buyers are (_near_harvest)
        self._xuar_nodes: dict[str, Placed] = {}
        self._raw_ids: dict[tuple[str, str, str | None, tuple[str, ...]], str] = {}
        self._places: dict[tuple[str, str | None, str], str] = {}  # (_placed)
        self._plans: dict[
            tuple[str, tuple[str, ...], frozenset[str] | None], frozenset[tuple[str, str]]
        ] = {}
        # the sectors mapped beneath each node (set by run): a good named by a buyer whose
        # own raw sector is mapped beneath it is not inferred again (see _goods_named)
        self._beneath: Mapping[str, frozenset[str]] = {}
        # raw sectors of several commodities (mines): a supplier's sector there does not say
        # which commodity it handles, its products may
        self._several = frozenset(s.id for s in profiles.sectors.values() if len(s.commodities) > 1)
        # the sectors of services: a supplier of one mapped beneath another sells it no goods
        self._services = frozenset(
            s.id for s in profiles.sectors.values() if s.stage == SERVICE_STAGE
        )
        self._universe: dict[str, frozenset[str]] | None = None
        self._goods_of: dict[str, frozenset[str]] = {}
        self._named_of: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}
        self._needed: dict[
            tuple[tuple[str, ...], frozenset[str], tuple[str, ...]], frozenset[str] | None
        ] = {}
        self._stage_named: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
        # the raw commodities each buyer's products deny, and the stages of those alone that
        # are then not inferred beneath it (see _denied, _denied_stages)
        self._denied_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._denied_words_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._replaced_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._recycled_of: dict[tuple[str, ...], frozenset[str]] = {}
        self._unmodelled_of: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._gone: dict[tuple[str, ...], frozenset[str]] = {}
        # what the buyers of a trader naming nothing take of its trade (see _bought_above),
        # and what a buyer's products say it takes of a trade (_trade_takes)
        self._bought: dict[str, tuple[str, ...] | None] = {}
        self._general_plans: dict[tuple[tuple[str, ...], bool], GeneralPlan | None] = {}
        self._trades: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._sectors_of_named: dict[tuple[str, bool], tuple[str, ...]] = {}
        self._traded_as: dict[str, str] = {}  # (_as_traded)
        self._hints: dict[tuple[str, ...], list[str]] = {}  # (_hint_of)
        self._lists: dict[str, tuple[str, ...]] = {}  # (_listed)
        self._raw_names: list[tuple[str, str, frozenset[str], str]] | None = None
        self._takes: dict[tuple[str, tuple[str, ...]], tuple[str, ...] | None] = {}
        self._trade_of_sector: dict[str, str] = {}  # (_trade_of)
        self._trade_plans: dict[tuple[str, tuple[str, ...]], frozenset[tuple[str, str]]] = {}
        self._stage_said: dict[tuple[str, str | None, tuple[str, ...]], tuple[str, ...]] = {}
        self._said_plans: dict[
            tuple[str, str | None, tuple[str, ...], frozenset[str] | None],
            frozenset[tuple[str, tuple[str, ...]]],
        ] = {}
        self._stage_goods_beneath: dict[
            tuple[str, tuple[str, ...], frozenset[str] | None], tuple[str, ...]
        ] = {}
        # the sectors in a set mapped beneath a buyer, its marks read (_sent_from_abroad)
        self._mapped_stages: dict[frozenset[str], frozenset[str]] = {}
        # what is mapped beneath a buyer's suppliers outside a stage, by buyer and stage
        self._mapped_by_others: dict[tuple[str, str | None], frozenset[str]] = {}
        # the listed goods products name, and those a buyer produces (_works_buyers_good)
        self._goods_in_products: dict[tuple[str, ...], frozenset[str]] = {}
        self._produced: dict[tuple[tuple[str, ...], str | None], frozenset[str]] = {}
        # whether a supplier's products say it works its buyer's good (_works_buyers_good)
        self._works_good: dict[
            tuple[tuple[str, ...], tuple[str, ...], frozenset[str | None]], bool
        ] = {}

    def run(
        self,
        sector_of: Mapping[str, str | None],
        company: Company,
        as_traders: Iterable[str] = (),
    ) -> None:
        """Infer every input stage that no mapped supplier covers, for every supplier and the
        company: a branch that stops above raw-material origin is continued by inference.

        `sector_of` holds every supplier's sector (matched or guessed); any other node is
        the company. `as_traders` are suppliers of no sector (none in `sector_of`) whose
        products are read as a general trader's (a wholesaler's, an importer's): beneath
        each, the goods of the key value chains they name are inferred as beneath a
        general trader naming them (see _general_traders).
        """
        succ, pred = self.supply.succ, self.supply.pred
        order = self.supply.order
        assert order is not None, "inference needs an acyclic chain"
        assert len(sector_of) == len(self.supply.suppliers), "one sector per supplier"
        top = company.sector  # the sector of the one node sector_of leaves out
        trading = {s.id for s in self.profiles.sectors.values() if s.stage == "trading"}
        # (the trades of one commodity bought from one stage: cocoa beans from cocoa farms)
        single = {sector for sector in trading if self._one_commodity(sector)}
        # (a retailer or brand buys what others make, where they make it; a trader of a trade
        # buys where its goods grow, its own country where that grows them: _at_origin)
        buying = {s.id for s in self.profiles.sectors.values() if s.stage == "retail"}
        plans = {sector: self._input_groups(sector) for sector in {*sector_of.values(), top}}
        suppliers = self.supply.suppliers
        # A general trader (a wholesaler or general retailer: no trade of its own, no inputs)
        # whose products name goods of the key value chains is a trader of each good's trade
        # naming it: its plan (under a key of its own, never a sector id) and, for each
        # group, those products
        general = self._general_traders(sector_of, plans.keys(), as_traders)
        # The stage of a made good one names (a chocolate factory beneath a wholesaler of
        # chocolate) is inferred beneath it with those of its inputs that nothing mapped
        # beneath the trader covers, as beneath a maker of the good (see _attach_made)
        for _, groups, _, _ in filter(None, self._general_plans.values()):  # (distinct ones)
            for stage in filter(None, map(self._made_stage, map(itemgetter(0), groups))):
                plans.setdefault(stage, self._input_groups(stage))
        # A trader selling to the stage it buys from (a seafood trader beneath a cannery)
        # sells that stage what it works, and covers it for those above (_resold_marks)
        # (the suppliers of the sectors these look at, found in one pass over the chain)
        picked = self._picked(sector_of, plans.keys())
        resold = self._resold_marks(sector_of, top, general, picked)
        if general or resold:
            # It covers for any other supplier above it an input group that holds the stage
            # of a good it names, or that good's trade (its marks "sector\0"), as a mapped
            # supplier in that stage would (a distributor of "frozen skipjack tuna" beneath a
            # cannery: its fish; of "green coffee" beneath a roaster: its mill), so the
            # supply is inferred once, beneath it. In a group holding mines of several
            # commodities it covers those its products name alone (the marks below).
            # A trader of a trade (_resold_marks) covers so, "sector\0\0", for any supplier
            # above it but a trader, which keeps its own sources as it would without it (a
            # seafood trader of "frozen shrimp" over one of "tuna" keeps its shrimp farms).
            several = self._several
            for sector_id, groups in plans.items():
                by_trader = sector_id not in trading
                plans[sector_id] = [
                    (
                        group,
                        covered
                        | {f"{s}\0" for s in covered}
                        | ({f"{s}\0\0" for s in covered} if by_trader else frozenset())
                        if several.isdisjoint(covered)
                        else covered,
                    )
                    for group, covered in groups
                ]
        for key, groups, _, _ in general.values():
            plans[key] = groups
            trading.add(key)
        # A supplier in a mining stage whose products name commodities ('tin ingot') covers
        # those only: it stands in the sets below as marks (sector, commodity), not as its
        # sector, and only sets holding marks need the per-commodity work in check.
        marks: dict[str, tuple[str, str]] = {}
        marked = self._commodity_marks(sector_of, marks, picked)
        # a general trader covers for those above it what it is inferred to trade (see
        # _general_plan): marks of the commodities of the mines its products name, else
        # its trades, for general traders above it, and the stages of the goods it names.
        # One of no sector read so (`as_traders`) covers what a general trader naming the
        # same goods covers, no more: a Bremen supplier of "cocoa beans" covers its
        # chocolate maker's cocoa as an importer of them would, and a trader of them beneath
        # it covers its own.
        for node, (_, _, _, covers) in general.items():
            for mark in covers:
                sector_id, commodity = mark.split("\0")
                if commodity:
                    marks.setdefault(mark, (sector_id, commodity))
            marked[node] = covers
        for node, extra in resold.items():
            marked[node] = marked[node] | extra if node in marked else extra
        # the input groups of a stage that nothing in a set of mapped sectors covers (a
        # mapped supplier covers an input when it is in its stage or a stage beneath it),
        # each with the commodities marks in its stages hold
        uncovered: dict[tuple[str | None, frozenset[str]], Uncovered] = {}
        todo: list[tuple[str, Missing]] = []

        def open_groups(own: str | None, mapped: frozenset[str]) -> Uncovered:
            """The input groups of a stage that nothing in a set of mapped sectors covers."""
            groups = uncovered.get((own, mapped))
            if groups is None:
                holding = [marks[m] for m in mapped.intersection(marks)] if marks else []
                groups = uncovered[own, mapped] = [
                    (group, covered, frozenset(c for s, c in holding if s in covered))
                    for group, covered in plans[own]
                    if covered.isdisjoint(mapped)
                ]
            return groups

        # suppliers with a buyer abroad in a stage that may send it material: decided once
        # all is mapped beneath their buyers (see _sent_from_abroad)
        abroad: list[tuple[str, str | None, frozenset[str]]] = []
        below: dict[str, frozenset[str]] = {}  # what is mapped beneath each node with suppliers

        def check(node: str, own: str | None, mapped: frozenset[str], late: bool = False) -> None:
            """Queue the input groups of the node's stage (or their commodities) that nothing
            mapped covers."""
            groups = open_groups(own, mapped)
            if not groups or _places_workers(suppliers.get(node)):
                return
            if own in single and self._whole_trade_mapped(node, own, succ[node], sector_of):
                return
            # Commission work: a subcontractor in its buyer's own stage, or a stage whose
            # input is its buyer's own product (a dye house finishing a mill's fabric), gets
            # its material from that buyer, whose own suppliers are mapped or inferred.
            # (not the company's own sector: an EMS or a co-manufacturer of a brand in its
            # sector buys its own materials, and a consignment is not to be assumed)
            # A trader under a trader of its own trade is no commission work: it buys the
            # goods it sells on (a Ghanaian buying company under a cocoa importer), and its
            # sources are inferred beneath it. (The trader above keeps its own: what else it
            # buys, and from whom, is not mapped.)
            buyer_sectors = {sector_of[b] for b in pred[node] if b in sector_of}
            if (
                own not in trading
                and buyer_sectors
                and (
                    own in buyer_sectors
                    or any(not c.isdisjoint(buyer_sectors) for _, c, _ in groups)
                )
            ):
                # (a buyer abroad sends it material only where it maps the sources of that
                # material, or where the stage is one usually done so: _sent_from_abroad)
                near, far = self._commission_buyers(node, sector_of)
                if far and not late:
                    abroad.append((node, own, mapped))
                    return
                # (a cooperative or washing station works the harvest of the farms near it,
                # whoever buys from it: a washing station under its own country's exporter,
                # in the same stage, is not milling the exporter's coffee)
                first = bool(self._near_its_farms(node))
                harvest = (first or bool(far)) and self._works_its_harvest(node, own)
                senders = ([] if harvest and first else near) + [
                    b
                    for b in far
                    if not harvest and self._sent_from_abroad(b, own, sector_of, groups, beneath)
                ]
                buyer_sectors = {sector_of[b] for b in senders}
                if own in buyer_sectors:
                    self.commissioned[node] = tuple(senders)
                    return
            else:
                senders = []
            missing: Missing = []
            sent = False
            for group, covered, held in groups:
                # (a trader's input is no buyer's own product: a seafood trader selling to a
                # processor buys the seafood it sells)
                if (
                    own not in trading
                    and not covered.isdisjoint(buyer_sectors)
                    and self._works_buyers_good(node, group, buyer_sectors, senders, sector_of)
                ):
                    sent = True
                    continue
                only = None
                if held:  # some commodities are mapped beneath: what the products need else
                    supplier = suppliers.get(node)
                    # (a mineral trader's minerals, named in its sector text, too)
                    products = self._hint_of(supplier.products_read()) if supplier else []
                    if node in general:  # (a general trader's products of the group's trade)
                        products = general[node][2][tuple(group)]
                    elif supplier is not None and not products and own in trading:
                        products = self._bought_above(node, sector_of)  # (as inferred below)
                    only = self._still_needed(group, held, products)
                    if only is not None and not only:
                        continue
                missing.append((group, only))
            if missing:
                todo.append((node, missing))
            elif sent and senders:
                self.commissioned[node] = tuple(senders)

        # the sectors mapped anywhere beneath each supplier, bottom-up; equal sets are one
        # object (each distinct union is made once), so memory stays linear. Suppliers
        # without suppliers (most of them) are done in C-level passes.
        nodes = order[::-1]
        empty: frozenset[str] = frozenset()
        leaves = list(filterfalse(succ.__getitem__, nodes))
        leaf_sectors = list(map(sector_of.get, leaves, repeat(top)))
        alone = {own: frozenset((own,)) if own else empty for own in set(leaf_sectors)}
        beneath = dict(zip(leaves, map(alone.__getitem__, leaf_sectors), strict=True))
        beneath.update((node, marks_of) for node, marks_of in marked.items() if not succ[node])
        unions: dict[tuple[frozenset[str], frozenset[str]], frozenset[str]] = {}
        for node in compress(nodes, map(succ.__getitem__, nodes)):
            mapped = empty
            for child in succ[node]:
                child_set = beneath[child]
                if child_set is not mapped and not child_set <= mapped:
                    mapped = _union(unions, mapped, child_set) if mapped else child_set
            below[node] = mapped
            own = sector_of.get(node, top)
            mine = marked.get(node)
            if mine is not None:
                beneath[node] = mapped if mine <= mapped else _union(unions, mapped, mine)
            elif own and own not in mapped:
                beneath[node] = _union(unions, mapped, alone.get(own) or frozenset((own,)))
            else:
                beneath[node] = mapped
            if plans.get(own):
                check(node, own, mapped)
        for leaf, own in zip(leaves, leaf_sectors, strict=True):
            if plans.get(own):
                check(leaf, own, empty)
        below_general: dict[str, frozenset[str]] = {}
        for node, (key, _, _, _) in general.items():  # (their own sector has no inputs)
            mapped = empty  # (what is mapped beneath it, not what it covers itself)
            for child in succ[node]:
                mapped = _union(unions, mapped, beneath[child]) if mapped else beneath[child]
            below_general[node] = mapped
            check(node, key, mapped)
        for node, own, mapped in abroad:
            check(node, own, mapped, late=True)
        self._beneath = beneath
        todo.sort(key=itemgetter(0))  # suppliers in id order, as the inferred ids are made
        for node, missing in todo:
            supplier = suppliers.get(node)  # None: the company
            country = company.country if supplier is None else supplier.country
            # (a made good's whole chain: a commodity named beside it narrows nothing)
            # (and a mineral trader's minerals, named in its sector text: "mica trader")
            hint = [] if supplier is None else self._hint_of(supplier.products_read())
            if supplier is not None and not hint and sector_of[node] in trading:
                hint = self._bought_above(node, sector_of)
            by_trade = general[node][2] if general and node in general else None
            # (the stages of what a wholesaler, retailer or brand buys sit where it buys,
            # not in its own country: a German fashion brand's garment factories are not
            # German by default)
            own = company.sector if supplier is None else sector_of[node]
            away = by_trade is not None or own in buying
            is_trader = by_trade is not None or own in trading
            denying: list[tuple[list[str], tuple[str, ...]]] = []  # (groups its hint denies in)
            for group, only in missing:
                if by_trade is not None:  # a general trader: as a trader of the group's trade
                    hint = by_trade[tuple(group)]
                    made = self._made_stage(group)
                    if made is not None:  # (a made good's stage: with the inputs not mapped)
                        inputs: Missing = []
                        for inner, _, held in open_groups(made, below_general[node]):
                            need = self._still_needed(inner, held, hint) if held else None
                            if need is None or need:
                                inputs.append((inner, need))
                        if len(inputs) < len(plans[made]) or any(n is not None for _, n in inputs):
                            self._attach_made(node, made, hint, inputs)
                            continue
                # a trader whose buyers all work what its trade buys (a seafood trader
                # beneath canneries) sells them what they work: what that stage buys is
                # inferred beneath it (the vessels), not another such stage (a processor)
                sold = self._sold_into(node, group, sector_of, top) if is_trader else None
                if sold is not None:
                    group = self._inputs_of(sold)
                if only is not None:  # as if the products named only the commodities missing
                    for upstream in self._narrowed(group, hint, only):
                        self._attach(node, upstream, country, 1, hint, only, away)
                    continue
                if hint and supplier is not None and self._denied_stages(hinted := tuple(hint)):
                    denying.append((group, hinted))
                named, usual = self._named_inputs(group, hint)
                for sector_id, good in named:
                    self._attach_named(node, sector_id, good, None if away else country)
                for upstream in self._narrowed(group, hint) if usual or not named else []:
                    self._attach(node, upstream, country, 1, hint, away=away)
            if denying:
                self._denied_beneath(node, denying, sector_of)

    def _resold_trades(self) -> frozenset[str]:
        """The trading stages that buy from a stage with inputs of its own (the seafood
        trade, which buys from processors): a trader of one beneath such a stage sells it
        what it works (_sold_into, _resold_marks)."""
        sectors = self.profiles.sectors
        return frozenset(
            s.id
            for s in sectors.values()
            if s.stage == "trading" and any(sectors[i].inputs for i in s.inputs)
        )

    def _picked(
        self, sector_of: Mapping[str, str | None], present: Iterable[str | None]
    ) -> list[str]:
        """The suppliers, in the chain's order, of the sectors of the chain (`present`) whose
        products or buyers say what they cover (_commodity_marks: a stage at or above mines
        of several commodities; _resold_marks: a trade that buys from processors), found in
        one pass over the chain; none where it has no such sector."""
        wanted = (self._commodity_universe().keys() | self._resold_trades()).intersection(present)
        if not wanted:
            return []
        return list(compress(sector_of, map(wanted.__contains__, sector_of.values())))

    def _sold_into(
        self,
        node: str,
        group: list[str],
        sector_of: Mapping[str, str | None],
        top: str | None,
    ) -> tuple[str, ...] | None:
        """The stages of a trader's buyers where every buyer (the company too, in its sector)
        is in a stage of one of its trade's input groups that has inputs of its own (a
        seafood trader, whose trade buys from processors, beneath a cannery): the trader
        sells them what they work, so what that stage buys is beneath it, not another such
        stage. None where any buyer is elsewhere (the trade's goods as it sells them then,
        processed), or the group is a made good's stage a general trader names (a wholesaler
        of t-shirts sells garments, whoever buys them)."""
        if self._made_stage(group) is not None:
            return None
        sectors = self.profiles.sectors
        stages: set[str] = set()
        for buyer in self.supply.pred[node]:
            stage = sector_of.get(buyer, top)
            if stage is None or stage not in group or not sectors[stage].inputs:
                return None
            stages.add(stage)
        return tuple(sorted(stages)) if stages else None

    def _inputs_of(self, stages: tuple[str, ...]) -> list[str]:
        """The inputs of these stages, once each, in order."""
        sectors = self.profiles.sectors
        return list(dict.fromkeys(i for s in stages for i in sectors[s].inputs))

    def _commission_buyers(
        self, node: str, sector_of: Mapping[str, str | None]
    ) -> tuple[list[str], list[str]]:
        """A supplier's buyers that may send it their own material to work (commission
        work) as being in its own country, or where either country is not known; and its
        buyers abroad, which send it material only in some cases (see _sent_from_abroad)."""
        supplier = self.supply.suppliers.get(node)
        country = supplier.country if supplier is not None else None
        suppliers = self.supply.suppliers
        near: list[str] = []
        far: list[str] = []
        for buyer in self.supply.pred[node]:
            if buyer not in sector_of:
                continue
            there = suppliers[buyer].country
            if country is None or there is None or there == country:
                near.append(buyer)
            else:
                far.append(buyer)
        return near, far

    def _sent_from_abroad(
        self,
        buyer: str,
        own: str | None,
        sector_of: Mapping[str, str | None],
        groups: Uncovered,
        beneath: Mapping[str, frozenset[str]],
    ) -> bool:
        """Whether a buyer in another country is taken to send a supplier in its stage (or
        working its good) the material it works. It is where the buyer's other suppliers
        mapped beneath it cover an input group the supplier lacks: the buyer maps where that
        material comes from (a Hong Kong garment maker with its fabric mill mapped, over a
        cut-make-trim workshop in Dongguan; an Ivorian grinder with its cooperatives and
        farms mapped, over a toll grinder in the Netherlands). It is also where both are in a
        stage usually subcontracted abroad on the buyer's material (outward processing: a
        garment maker's cut-make-trim unit, a shoe maker's stitching unit). Otherwise the
        supplier is taken to buy what it works where it is, and its inputs are inferred
        beneath it. What is mapped beneath another of the buyer's suppliers in the
        supplier's own stage is that one's material, not the buyer's (a coffee mill in
        Brazil with its farm mapped, beside a Honduran beneficio beneath one buyer: the
        beneficio's farms are still inferred)."""
        if own is not None and own in OUTWARD_PROCESSING and sector_of[buyer] == own:
            return True
        found = self._mapped_by_others.get((buyer, own))
        if found is None:  # (once per buyer and stage: a buyer may have 10^4 suppliers)
            found = self._mapped_by_others[buyer, own] = frozenset(
                stage
                for child in self.supply.succ[buyer]
                if beneath.get(child) and sector_of.get(child) != own
                for stage in self._stages_of(beneath[child])
            )
        return any(not found.isdisjoint(covered) for _, covered, _ in groups)

    def _works_its_harvest(self, node: str, own: str | None) -> bool:
        """Whether a supplier is the first stage of a raw material in a country that produces
        it and is known to work that country's harvest: a cooperative or a coffee washing
        station (_near_its_farms), a mill of a harvest worked near the fields
        (Sector.processed_near_harvest; not a refinery), or an exporter ("coffee exporter",
        "exportadora"): a Honduran coffee cooperative, a Ugandan coffee exporter. It never
        works material a buyer abroad sends it, whatever that buyer maps beneath it (a German
        importer's Brazilian farm beside them). Any other mill or plant may (toll milling for
        a trader, a sugar refinery's raw sugar, a moulder's compound, a catch peeled or loined
        abroad)."""
        supplier = self.supply.suppliers.get(node)
        sector = self.profiles.sectors.get(own or "")
        if supplier is None or sector is None or not sector.inputs:
            return False
        sectors = self.profiles.sectors
        raw = [sectors[s] for s in sector.inputs if s in sectors]
        if not raw or not all(s.stage == "raw" and s.commodities for s in raw):
            return False
        if self._near_its_farms(node):  # (a cooperative, a washing station)
            if any(s.chain == "seafood" for s in raw):
                return False  # (a peelers' cooperative may peel a processor's shrimp)
        elif all(s.processed_near_harvest for s in raw):
            if not self._worked_where_grown(node, self._hint_of(supplier.products)):
                return False  # (a refinery's raw sugar is shipped in)
        elif not _EXPORTER.search(_said_of(supplier)):
            return False  # (a mill may work a trader's own harvest: toll milling)
        return any(
            self._lean(s.id, commodity, supplier.country)
            for s in raw
            for commodity in s.commodities
        )

    def _stages_of(self, mapped: frozenset[str]) -> frozenset[str]:
        """The sectors of a set of marks of what is mapped beneath a node."""
        found = self._mapped_stages.get(mapped)
        if found is None:  # (marks name their sector first: "smelting-refining\0tin")
            found = self._mapped_stages[mapped] = frozenset(m.split("\0", 1)[0] for m in mapped)
        return found

    def _works_buyers_good(
        self,
        node: str,
        group: list[str],
        buyer_sectors: set[str | None],
        senders: Sequence[str],
        sector_of: Mapping[str, str | None],
    ) -> bool:
        """Whether a supplier whose input group holds a buyer's own stage works that buyer's
        good, as its products say: a dye house finishing its mill's fabric does, and so does
        a processor whose products name nothing, or name only goods its buyer produces (a
        farm of "fish" over a processor of "tilapia fillets": the farm sends its own fish);
        a fishmeal plant selling to a shrimp farm does not ("fishmeal" is made from wild
        catch: the vessels are its input, the farm is its customer)."""
        supplier = self.supply.suppliers.get(node)
        hint = self._hint_of(supplier.products) if supplier is not None else []
        if not hint:
            return True
        key = (tuple(group), tuple(hint), frozenset(buyer_sectors))
        found = self._works_good.get(key)
        if found is None:
            chosen = self._narrowed_by_products(group, hint)
            found = self._works_good[key] = len(chosen) == len(group) or any(
                s in buyer_sectors or not self._upstream(s).isdisjoint(buyer_sectors)
                for s in chosen
            )
        if found:
            return True
        named = self._goods_in(tuple(hint))
        return bool(named) and any(
            named <= self._produced_by(buyer, sector_of)
            for buyer in senders
            if sector_of[buyer] in buyer_sectors
        )

    def _goods_in(self, products: tuple[str, ...]) -> frozenset[str]:
        """The listed goods products name, read once per distinct list."""
        found = self._goods_in_products.get(products)
        if found is None:
            goods: set[str] = set()
            for product in products:
                good = self._good_of(product)
                if good is not None:
                    goods.add(good)
            found = self._goods_in_products[products] = frozenset(goods)
        return found

    def _produced_by(self, buyer: str, sector_of: Mapping[str, str | None]) -> frozenset[str]:
        """The listed goods a buyer produces: those its products name, or where they name
        none its sector's goods; with the kinds of each ('Fish': 'Tilapia (fish)', 'Nile
        Perch (fish)'), so that a farm of "fish" produces the tilapia a processor beneath it
        fillets. A good is one whether farmed or caught: a farm of "fish" produces Fish,
        which the list holds under the vessels. Read once per distinct products and sector."""
        supplier = self.supply.suppliers[buyer]
        sector = sector_of[buyer]
        key = (tuple(supplier.products), sector)
        found = self._produced.get(key)
        if found is None:
            goods = set(self._goods_in(tuple(self._hint_of(supplier.products))))
            if not goods and sector is not None:
                goods = {g for g, s in self.profiles.good_sectors.items() if s == sector}
            # (a kind of a good says so in brackets: 'Tilapia (fish)' is a kind of Fish, and
            # a buyer of fish produces its kinds; not the other way: a tilapia farm does not
            # produce the fish "fishmeal" is made of)
            kinds = {g.lower() for g in goods}
            goods.update(
                good
                for good in self.profiles.good_sectors
                if good.partition(" (")[2].rstrip(")").lower() in kinds
            )
            found = self._produced[key] = frozenset(goods)
        return found

    def _resold_marks(
        self,
        sector_of: Mapping[str, str | None],
        top: str | None,
        general: Mapping[str, GeneralPlan],
        picked: Sequence[str],
    ) -> dict[str, frozenset[str]]:
        """What traders of a trade that buys from a stage with inputs of its own (the
        seafood trade, which buys from processors) cover for the suppliers above them,
        besides their sector, as marks (each stage and two NULs: for any supplier above
        them but a trader, see run): the stages of the goods their products
        name beneath their trade (or, naming nothing, their buyers' products, as they trade
        them: _bought_above), as a general trader naming those goods covers them (a seafood
        trader of "frozen skipjack tuna" beneath a cannery covers its fish, as a distributor
        of them does); and, where every buyer works what the trade buys (_sold_into), the
        stages inferred beneath the trader for them (the vessels and farms of a seafood
        trader naming nothing beneath a cannery naming nothing). A general trader's plan
        gets the latter. Made once for each distinct sector, products and buyers' stages;
        `picked` holds the suppliers of those trades (_picked), among others."""
        resold = self._resold_trades()
        found: dict[str, frozenset[str]] = {}
        suppliers = self.supply.suppliers
        made: dict[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]], frozenset[str]] = {}
        for node in picked:
            own = sector_of[node]
            if own not in resold:
                continue
            products = self._hint_of(suppliers[node].products)
            hint = tuple(products or self._bought_above(node, sector_of))
            groups = [g for g, _ in self._input_groups(own)]
            sold = tuple(filter(None, (self._sold_into(node, g, sector_of, top) for g in groups)))
            key = (own, hint, sold)
            marks = made.get(key)
            if marks is None:
                upstream = self._upstream(own) - self._several
                stages = {
                    s
                    for text in hint
                    for item in self._listed(text)
                    for s in self._sectors_named(item)
                    if s in upstream
                }
                for stages_sold in sold:
                    stages.update(self._narrowed(self._inputs_of(stages_sold), [*hint]))
                marks = made[key] = (
                    frozenset({own, *(f"{s}\0\0" for s in stages)}) if stages else frozenset()
                )
            if marks:
                found[node] = marks
        for node, (_, trade_groups, by_trade, _) in general.items():
            sold_them: set[str] = set()
            for group, _ in trade_groups:
                sold_to = self._sold_into(node, group, sector_of, top)
                if sold_to is not None:
                    sold_them.update(
                        self._narrowed(self._inputs_of(sold_to), by_trade[tuple(group)])
                    )
            if sold_them:
                found[node] = frozenset(f"{s}\0\0" for s in sold_them)
        return found

    def _denied_beneath(
        self,
        node: str,
        denying: list[tuple[list[str], tuple[str, ...]]],
        sector_of: Mapping[str, str | None],
    ) -> None:
        """Keep in `denied_below` a supplier beneath which nothing is inferred because its
        products deny the raw goods its input groups hold (`denying`: each group, with the
        products it was inferred for, where their denials leave stages out), with those
        goods: a yarn spinner of "yarn; not cotton", whose sector's one input chain is
        cotton's. Only where no supplier of goods is mapped beneath it either (none, or
        suppliers of services alone): nothing is then known beneath it, and its data gap
        says so (document.DENIED_BELOW); where anything is inferred beneath it, its gap is
        that of the tiers inferred."""
        if any(child in self.nodes for child in self.supply.succ[node]) or self._goods_beneath(
            node, sector_of
        ):
            return
        goods = {
            commodity
            for group, hint in denying
            for stage in group
            for _, commodity in self._raw_plan(stage, ())
            if commodity in self._denied(hint)
        }
        if not goods:
            return

        def all_by(reason: Callable[[tuple[str, ...]], frozenset[str]]) -> bool:
            """Whether every good is left out for this reason, none denied in words."""
            return all(
                commodity in reason(hint) and commodity not in self._denied_in_words(hint)
                for _, hint in denying
                for commodity in goods
            )

        unmodelled = {m for _, hint in denying for m in self._unmodelled(hint)}
        if unmodelled and all(self._unmodelled(hint) for _, hint in denying):
            self.unmodelled_below[node] = tuple(sorted(unmodelled))
        elif all_by(self._recycled):
            # (those its products name, 'scrap gold': gold; else all its inputs hold)
            words = minerals_in_english(
                _hint_words(self.profiles, [p for _, hint in denying for p in hint])
            )
            named = {c for c in goods if set(re.findall(r"[a-z]+", c)) <= words}
            self.recycled_below[node] = tuple(sorted(named or goods))
        elif all_by(self._replaced):
            self.replaced_below[node] = tuple(sorted(goods))
        else:
            self.denied_below[node] = tuple(sorted(goods))

    def _general_traders(
        self,
        sector_of: Mapping[str, str | None],
        present: Iterable[str | None],
        as_traders: Iterable[str] = (),
    ) -> dict[str, GeneralPlan]:
        """The general traders (sectors of the trading or retail stage without inputs: a
        wholesaler, distributor or importer of anything, a general retailer) whose products
        name goods of the key value chains, each with its plan (see _general_plan). One
        naming none (or nothing) gets nothing inferred beneath it, as its sector has no
        inputs: where no supplier that may sell it goods is mapped beneath it either (none,
        or suppliers of services alone: a haulier, a warehouse, a cleaner), nothing at all
        is known of what it sells, and it is kept in `unfollowed` (its data gap:
        document.NOTHING_FOLLOWED). A supplier of a sector not known may sell it goods: the
        tier is mapped, and what is unknown of that supplier is its own gap.

        A maker of goods of no inputs (general manufacturing) whose products name such goods
        gets the same plan; one naming none keeps its sector's reading (nothing inferred,
        and no gap of it). A supplier of no sector among `as_traders` is one too where its
        products name such
        goods (the plan of a general trader naming them); where they name none, nothing is
        inferred beneath it and its gap stays its sector's (it may be in any sector)."""
        # the sectors of no inputs present: a general trader's, and a maker's of goods
        # (general manufacturing: one whose products name goods of the key value chains
        # works them, "mica" from a German pigment maker; one naming none keeps its
        # sector's reading, no inputs and no gap, as before)
        no_inputs = [
            s
            for s in map(self.profiles.sectors.get, filter(None, present))
            if s is not None and not s.inputs
        ]
        general = {s.id for s in no_inputs if s.stage in GENERAL_STAGES}
        either = general | {s.id for s in no_inputs if s.stage == "manufacturing"}
        suppliers = self.supply.suppliers
        found: dict[str, GeneralPlan] = {}
        plan_of = self._plan_of
        if either:
            for node in compress(sector_of, map(either.__contains__, sector_of.values())):
                # (a general trader follows every listed good, a maker the goods of the key
                # value chains it works: _followed)
                plan = plan_of(tuple(suppliers[node].products), sector_of[node] in general)
                if plan is not None:
                    found[node] = plan
                elif sector_of[node] in general and not self._goods_beneath(node, sector_of):
                    self.unfollowed.add(node)
        for node in as_traders:
            assert sector_of[node] is None, "a supplier read as a trader has no sector"
            plan = plan_of(tuple(suppliers[node].products))
            if plan is not None:
                found[node] = plan
                self.traded.add(node)
        return found

    def _plan_of(self, products: tuple[str, ...], wide: bool = False) -> GeneralPlan | None:
        """The plan of a general trader naming these products (_general_plan), made once;
        `wide` for a trader of the trading or retail stage (see _followed)."""
        key = (products, wide)
        if key not in self._general_plans:
            self._general_plans[key] = self._general_plan(products, wide)
        return self._general_plans[key]

    def _goods_beneath(self, node: str, sector_of: Mapping[str, str | None]) -> bool:
        """Whether a supplier of goods is mapped beneath a node: a supplier of services (a
        haulier, a cleaner) sells it none, so what it sells is no better known for it."""
        services = self._services
        return any(sector_of.get(child) not in services for child in self.supply.succ[node])

    def _general_plan(self, products: tuple[str, ...], wide: bool = False) -> GeneralPlan | None:
        """What a general trader naming these products gets beneath it: for each good of a
        key value chain they name, each item of a list alone (_listed, _trades_named), what a
        trader of that good's trade naming it gets (_trade_of: a wholesaler of "cocoa beans"
        gets the cocoa trader's farms, of "tin ore" the mineral trader's mines, of "coffee"
        coffee farms). Its input groups, under a key of their own; each covered also by a
        mapped supplier of the trade or of a stage made from it (a coffee mill and exporter
        beneath an importer of green coffee: its farms are inferred beneath the mill), and by
        a general trader beneath it of the same trade; the group of a made good's stage (a
        trade of its own: "chocolate", "t-shirts") by a mapped supplier in that stage alone,
        not by one beneath it, which covers of it what it covers beneath a maker of the good
        (see _attach_made); the products of each group's trade (as it narrows the chain beneath a
        made good: _as_traded), with those that deny goods and name none ('not cotton' beside
        't-shirts': as beneath any supplier naming them, no cotton); and what it covers for the
        suppliers above it, as marks: of a mining trade the commodities its products name
        (a wholesaler of "tin ore": tin), as a supplier of that trade naming them would;
        else each trade; and the stage of each good named outside the mines of several
        commodities ("frozen skipjack tuna": fishing vessels). A supplier above it has an
        input group covered where the group holds that stage or trade and no such mines
        (see run: a wholesaler of "diamonds" does not cover a jeweller's gold, as a mapped
        supplier of the jeweller's mineral inputs would). None where they name no such
        good."""
        sectors = self.profiles.sectors
        # (each product as the goods it lists: 'tuna and shrimp' as 'tuna', 'shrimp')
        listed = [text for product in products for text in self._listed(product)]
        by_trade: dict[str, list[str]] = {}
        for text in listed:
            for trade in self._trades_named(text, wide):
                by_trade.setdefault(trade, []).append(self._as_traded(text))
        if not by_trade:
            return None
        # (the products that name no good but deny some, 'not cotton' beside 't-shirts',
        # 'no cobalt' beside 'smartphones': the goods they deny are left out of every
        # trade, as beneath any other supplier naming them: see _denied)
        denying = [p for p in listed if not self._trades_named(p, wide) and read_denials(p).denied]
        covers: dict[tuple[str, ...], tuple[list[str], frozenset[str]]] = {}
        hints: dict[tuple[str, ...], list[str]] = {}
        universe = self._commodity_universe()
        marks: set[str] = set()
        for trade, named in sorted(by_trade.items()):
            # (the trade, and every stage made from what it trades)
            handles = frozenset({trade} | self.profiles._downstream_of(trade))
            # (a made good's stage is covered by a supplier mapped in it, not beneath it: a
            # sugar mill beneath a wholesaler of chocolate covers its sugar, not its cocoa;
            # see _attach_made)
            groups = (
                self._input_groups(trade)
                if sectors[trade].stage == "trading"
                else [([trade], frozenset((trade,)))]
            )
            # (NUL apart, as the marks: never a sector id)
            traded = f"{trade}\0"
            for group, covered in groups:
                inputs = tuple(group)
                before = covers.get(inputs, (group, frozenset()))[1]
                covers[inputs] = (group, before | covered | handles | {traded})
                hints[inputs] = list(dict.fromkeys([*hints.get(inputs, []), *named, *denying]))
            commodities = self._named_commodities(named, universe.get(trade, ()))
            marks.update([f"{trade}\0{c}" for c in commodities] if commodities else [traded])
        # (and the stages of the goods named, outside the mines of several commodities,
        # whose coverage goes by the commodities above)
        marks.update(
            f"{s}\0" for p in listed for s in self._sectors_named(p, wide) if s not in self._several
        )
        return "\0".join(("", *sorted(by_trade))), list(covers.values()), hints, frozenset(marks)

    def _listed(self, product: str) -> tuple[str, ...]:
        """The texts a general trader's product names goods of the key value chains in: the
        product itself where it names one as a whole (_trades_named: 'frozen skipjack tuna',
        't-shirts and jeans', 'organic chocolate, no palm oil'), or names none even read as
        a list; else the items of the list it is, each read alone: between commas or
        semicolons ('chocolate, milk': 'chocolate', and 'milk', a good of no key value
        chain, Dairy Products), and within one the goods joined by 'and', 'or', '&', '+' or
        '/', where each of them is a good, listed or made ('tuna and shrimp', 'chocolate and
        coffee'; not 'coffee and tea machines', machines for both). Made once for each
        product."""
        found = self._lists.get(product)
        if found is None:
            found = self._lists[product] = self._list_of(product)
        return found

    def _list_of(self, product: str) -> tuple[str, ...]:
        """_listed's reading, done once for each product."""
        if self._trades_named(product) or not _LISTING.search(product):
            return (product,)
        texts: list[str] = []
        for item in filter(None, map(str.strip, re.split(r"[,;]", product))):
            parts = [p for p in map(str.strip, _JOINED.split(item)) if p]
            if (
                not self._trades_named(item)
                and len(parts) > 1
                and all(self._trades_named(p) or self._good_of(p) for p in parts)
            ):
                texts += parts
            else:
                texts.append(item)
        return tuple(texts) if any(map(self._trades_named, texts)) else (product,)

    def _made_stage(self, group: list[str]) -> str | None:
        """The stage of a made good a general trader's input group is (its trade, the stage
        itself: _general_plan), where that stage has inputs of its own (a chocolate factory,
        a garment factory, a cocoa grinder; not coffee farms, nor the stages a trading stage
        buys from); else None."""
        if len(group) != 1:
            return None
        sector = self.profiles.sectors[group[0]]
        if sector.stage not in MAKING_STAGES or not sector.inputs:
            return None
        return sector.id if self._trade_of(sector.id) == sector.id else None

    def _attach_made(self, buyer: str, sector_id: str, hint: list[str], inputs: Missing) -> None:
        """The stage of a made good a general trader names, beneath it where no supplier in
        that stage is mapped beneath it but suppliers covering some of its inputs are (a
        beet sugar mill beneath a wholesaler of chocolate; a tin smelter beneath one of
        smartphones): placed as _attach places it (a country not known), with those inputs
        inferred beneath it that the suppliers mapped beneath the trader do not cover, as
        beneath a maker of the good with those suppliers (`inputs`, by run: the chocolate
        factory's cocoa, not its sugar; the smartphone factory's minerals but tin). A
        supplier mapped beneath a trader is no supplier of all it sells: it covers what it
        would cover for the maker, never the made good's whole chain. Its id says what is
        inferred beneath it (its commodities, as _plan_suffix marks a stage narrowed to
        some, or ':inputs-mapped' where nothing is)."""
        kept = [(s, only) for group, only in inputs for s in self._narrowed(group, hint, only)]
        plan = frozenset(pair for s, only in kept for pair in self._raw_plan(s, (*hint,), only))
        held = sorted({c for _, c in plan})
        suffix = ":" + "+".join(map(_slug, held)) if held else ":inputs-mapped"
        if held and plan != self._raw_plan(sector_id, tuple(held)):
            suffix += "-" + hashlib.sha1(repr(sorted(plan)).encode()).hexdigest()[:8]
        suffix += self._said_suffix(sector_id, None, hint, None)
        suffix += self._goods_suffix(sector_id, hint, None)
        node_id = f"inferred:{sector_id}{suffix}@unknown"
        if node_id not in self.nodes:
            said = self._said_of(sector_id, None, hint)
            self._intermediate(node_id, sector_id, None, 1, said=said, away=True)
            node = self.nodes[node_id]
            left = [group for group, _ in inputs]
            gone = [
                s for group, _ in self._input_groups(sector_id) if group not in left for s in group
            ]
            said_of = [f"no {', '.join(gone)} inferred beneath it"] if gone else []
            said_of += [
                f"of {', '.join(group)} only {', '.join(sorted(only))} inferred"
                for group, only in inputs
                if only is not None
            ]
            node.assumption = (
                f"{node.assumption or _AWAY}; suppliers mapped beneath the buyer cover what"
                f" they would for a maker of it: {'; '.join(said_of)}"
            )
            self.supply.add_node(node_id, inferred=True)
            for upstream, only in kept:
                self._attach(node_id, upstream, None, 2, hint, only)
        else:
            _assumed_too(self.nodes[node_id], _AWAY)
        self.nodes[node_id].buyers.add(buyer)
        self.supply.add_edge(buyer, node_id, share=None, inferred=True)

    def _trades_named(self, product: str, wide: bool = False) -> tuple[str, ...]:
        """The trades of the key value chains a general trader's product names (_trade_of):
        that of the listed good it is (Profiles.match_good: 'cocoa beans', 'frozen skipjack
        tuna', 'garments'), else of the raw commodities it names as a trader of them reads
        them: a commodity of the mines by its word or shorthand ('tin ingots', 'gold
        bullion', '3TG'), another by the words of its name ('green coffee': coffee (green
        beans)), or of the made goods it plainly is ('lithium batteries': batteries, see
        _sectors_named). None for a product naming no good, only a guess at one ('tuna
        tins', 'spent coffee grounds'), or only a good it denies ('no shrimp'). `wide`: as a
        trader of the trading or retail stage reads it (_followed)."""
        trades = self._trades.get((product, wide))
        if trades is None:
            trades = self._trades[product, wide] = tuple(
                sorted({self._trade_of(s) for s in self._sectors_named(product, wide)})
            )
        return trades

    def _as_traded(self, product: str) -> str:
        """A product as it narrows what is inferred beneath the made good it names
        (_sectors_named), beneath a general trader naming it and beneath any supplier (see
        _hint_of): as written, but for the commodities of the mines it says beside the good,
        where they would narrow the mines beneath it to themselves ('lithium batteries',
        'lithium-ion batteries', 'tantalum capacitors', 'gold jewellery': 'batteries', 'ion
        batteries', 'capacitors', 'jewellery'). A commodity named beside a made good says
        what it is made of, or its key mineral, not all it is made of (a lithium battery's
        cathode holds cobalt, nickel or manganese, its anode copper foil; a tantalum
        capacitor's terminations are tin-plated, its cathode contacted with silver; gold
        jewellery is alloyed with copper and set with stones), so the made good's whole mix
        of mines is inferred: never less than the good alone would get. A product that is a
        metal itself, by all its words or in a form it is sold in, is no made good and
        narrows as before ('tin ingots', 'tin solder', 'gold bullion', 'tantalum powder',
        'cobalt hydroxide', 'lithium carbonate', 'copper cathode': _metal_form), and so does
        a shorthand naming each metal a good holds ('NMC cathode': nickel, manganese, cobalt,
        lithium). What it denies is kept ('cobalt-free lithium batteries': every mineral but
        cobalt), and so is any other word ('organic cotton t-shirts' narrows the garment
        chain's listings to cotton). Made once for each product."""
        found = self._traded_as.get(product)
        if found is None:
            found = self._traded_as[product] = self._unnarrowed(product)
        return found

    def _unnarrowed(self, product: str) -> str:
        """_as_traded's reading, done once for each product."""
        sectors = self.profiles.sectors
        made = [s for s in self._sectors_named(product) if sectors[s].stage in MAKING_STAGES]
        # (a good worked from the mineral named: 'gold jewellery' is gold's)
        if not made or all(sectors[s].made_of_named_mineral for s in made):
            return product
        stripped = self._without_mined(product)
        if not stripped or stripped == product:
            return product
        widens = any(self._raw_plan(s, (product,)) != self._raw_plan(s, (stripped,)) for s in made)
        return stripped if widens else product

    def _without_mined(self, product: str) -> str:
        """A product without the commodities of the mines it says (by a word, a shorthand or
        a good of theirs: 'lithium', 'NMC', 'coltan'), the words it denies kept: 'lithium-ion
        batteries': 'ion batteries'; 'tin solder': 'solder'; '' where nothing else is left;
        the product itself where it says none, or its denials read it otherwise."""
        at = read_denials(product).at
        units = re.findall(r"[^\s,;]+|[,;]", product)
        if len(at) != sum(len(exact_key(unit).split()) for unit in units):
            return product
        mined = self._mined_commodities()
        kept: list[str] = []
        at_word = 0
        for unit in units:
            words = exact_key(unit).split()
            parts = at[at_word : at_word + len(words)]
            at_word += len(words)
            left = [
                word
                for word, part in zip(words, parts, strict=True)
                if part != SAID or not self._named_commodities([word], mined)
            ]
            if len(left) == len(words):
                kept.append(unit)
            elif left:
                kept.append("-".join(left))  # (one unit still, as a denial reads it)
        stripped = " ".join(kept)
        if stripped == " ".join(units):
            return product
        return stripped if exact_key(stripped) else ""

    def _mined_commodities(self) -> tuple[str, ...]:
        """The commodities of the mines of several commodities, once each, in order."""
        sectors = self.profiles.sectors
        return tuple(
            dict.fromkeys(c for s in sorted(self._several) for c in sectors[s].commodities)
        )

    def _hint_of(self, products: list[str]) -> list[str]:
        """A supplier's products as they narrow what is inferred beneath it (and what it
        covers for its buyers, and what a trader naming nothing beneath it trades): each as
        it narrows the chain beneath a made good it names (_as_traded: a battery maker's
        'lithium-ion batteries' get every mineral a battery's chain holds, cobalt among
        them, as its 'batteries' would; its 'copper cathode' or 'lithium carbonate' get
        copper or lithium alone). Where one names a made good whose mines the others' words
        would narrow ('capacitors' beside 'tin solder'), those narrow nothing either: the
        made good keeps its whole chain, and the metals named beside it are in that chain.
        What any of them denies is kept. Made once for each distinct list of products."""
        if not products:
            return products
        key = tuple(products)
        found = self._hints.get(key)
        if found is None:
            read = [self._as_traded(p) for p in key]
            if len(read) > 1:
                sectors = self.profiles.sectors
                whole = tuple(read)
                made = [
                    (alone, s)
                    for product, alone in zip(key, read, strict=True)
                    for s in self._sectors_named(product)
                    if sectors[s].stage in MAKING_STAGES
                ]
                if any(not self._raw_plan(s, whole) >= self._raw_plan(s, (p,)) for p, s in made):
                    read = list(filter(None, map(self._without_mined, read)))
            found = self._hints[key] = products if read == products else read
        return found

    def _sectors_named(self, product: str, wide: bool = False) -> tuple[str, ...]:
        """The sectors of the goods of the key value chains a general trader's product names
        (see _trades_named): 'frozen skipjack tuna': fishing vessels; 'tin ingots': the
        mines of tin; where it names no listed good, nor is a raw commodity by all its words
        ('green coffee'), the sectors of the made goods it plainly is by the taxonomy's
        words (Profiles.made_good_sectors: 't-shirts', 'jeans': garment manufacturing;
        'chocolate bars', 'sugar-free chocolate': chocolate manufacturing; 'cocoa powder':
        cocoa processing; not 'coffee machines', 'chocolate milk'), before the mines of a
        commodity it names beside one ('lithium batteries': battery manufacturing, whose
        mines are inferred beneath it, see _as_traded), but for a metal in a form it is
        sold in ('copper cathode': the mines of copper, see _metal_form)."""
        named = self._sectors_of_named.get((product, wide))
        if named is None:
            sectors = self.profiles.sectors
            good = self.profiles.match_good(product)
            if good is not None:
                sector_id = self.profiles.good_sectors.get(good)
                key = sector_id is not None and self._followed(sectors[sector_id], wide)
                found = [sector_id] if key and not self._denies(product, good) else []
            else:
                words = _hint_words(self.profiles, [product])
                found = [
                    sector_id
                    for sector_id, commodity, name, head in self._raw_names_of()
                    if (
                        not name.isdisjoint(words)
                        if sector_id in self._several  # (a mine's commodity: its word)
                        else head in words and words <= name
                    )
                ]
                # (a made good before the mines of a commodity named beside it: 'lithium
                # batteries' are batteries, 'gold jewellery' jewellery; not before a raw
                # good it is by all its words: 'green coffee' is coffee (green beans))
                made: list[str | None] = [
                    s
                    for s in self.profiles.made_good_sectors(product)
                    if sectors[s].chain in KEY_CHAINS
                ]
                # (nor before a metal in a form it is sold in: 'copper cathode' is copper)
                if made and self._several.issuperset(found) and not self._metal_form(product):
                    found = made
            named = self._sectors_of_named[product, wide] = tuple(
                sorted({s for s in found if s is not None})
            )
        return named

    def _metal_form(self, product: str) -> bool:
        """Whether a product is a metal of the mines in a form it is sold in whose word also
        names a made good (_METAL_FORMS: 'copper cathode', 'cobalt cathodes, 99.8%', 'cathode
        copper'): the metal said right beside the form's word, which is no part of a longer
        name of a made good there ('lithium cathode material' is a battery's, and so is a
        'lithium cathode': lithium is sold in no cathodes)."""
        denials = read_denials(product)
        written = exact_key(product).split()
        if len(denials.at) != len(written):
            return False
        keys = [text_key(word) for word in written]
        names = self.profiles._made_names()
        metals = {text_key(c) for c in self._mined_commodities()}
        said = [part == SAID for part in denials.at]
        for i, key in enumerate(keys):
            if key not in _METAL_FORMS or not said[i]:
                continue
            sold = _METAL_FORMS[key]
            metal = metals if sold is None else metals & sold
            # (a longer name of a made good: 'cathode material' after the metal, 'battery
            # cathode' before it)
            after = any(" ".join(keys[i:end]) in names for end in range(i + 2, len(keys) + 1))
            before = any(" ".join(keys[start : i + 1]) in names for start in range(i))
            if i and said[i - 1] and keys[i - 1] in metal and not after:  # ('copper cathode')
                return True
            if i + 1 < len(keys) and said[i + 1] and keys[i + 1] in metal and not before:
                return True  # ('cathode copper')
        return False

    def _raw_names_of(self) -> list[tuple[str, str, frozenset[str], str]]:
        """The raw commodities of the key value chains: (sector, commodity, the words of its
        name, the first of them), made once."""
        if self._raw_names is None:
            self._raw_names = [
                (s.id, c, frozenset(words), words[0])
                for s in self.profiles.sectors.values()
                if s.stage == "raw" and s.chain in KEY_CHAINS
                for c in s.commodities
                if (words := re.findall(r"[a-z]+", c.casefold()))
            ]
        return self._raw_names

    @staticmethod
    def _followed(sector: Sector, wide: bool = False) -> bool:
        """Whether a general trader naming the listed good of a sector gets the sector's
        chain beneath it: one of the key value chains, or a farm of one crop the risk data
        has origins of (hazelnuts, vanilla, tea, cane, oil palm, natural rubber: a Turkish
        exporter of 'hazelnut kernels' buys from hazelnut farms). `wide`, for a trader of the
        trading or retail stage (a wholesaler, an importer, a retailer: it makes nothing, so
        what it sells comes from a stage beneath it), also the farm, mine, vessel, processor
        or manufacturer of any listed good (a Malawi leaf dealer of 'tobacco' buys from
        tobacco farms, a Dutch importer of 'clay bricks' from brick kilns; of a sector of
        several distinct goods, the stage narrowed to the good named: 'charcoal' from the
        charcoal makers of timber and forestry, 'Christmas decorations' from their makers
        in general manufacturing); never a trader's or a service's. Where the risk data has
        no origins of the good, the stage is in a country not known, at the worst case of
        the countries where the good is listed. A supplier of no sector, or a maker of goods
        of no inputs, naming them is no such trader: it may make them itself."""
        if sector.chain in KEY_CHAINS or (
            sector.stage == "raw" and not sector.broad and bool(sector.commodities)
        ):
            return True
        return wide and sector.stage in ("raw", "processing", "manufacturing")

    def _trade_of(self, sector_id: str) -> str:
        """The trade of a sector's goods: the trading stage of key value chains that has the
        sector beneath it (cocoa farming: cocoa trading; fishing vessels and seafood
        processing: the seafood trade); else the sector itself, as a trader of its goods
        would buy from it (coffee farms, gem mines, garment factories)."""
        found = self._trade_of_sector.get(sector_id)
        if found is None:
            trades = sorted(
                s.id
                for s in self.profiles.sectors.values()
                if s.stage == "trading"
                and s.chain in KEY_CHAINS
                and sector_id in self._upstream(s.id)
            )
            found = self._trade_of_sector[sector_id] = trades[0] if trades else sector_id
        return found

    def _bought_above(self, node: str, sector_of: Mapping[str, str | None]) -> list[str]:
        """What a trader naming nothing trades, as far as its buyers say: the union, over its
        buyers, of the products each names that say what it takes of the trade ('tin ingot'
        at a smelter, 'gold bullion' at a refiner: tin and gold, not every mineral); a buyer
        that is a trader of its trade naming nothing takes what its own buyers take. [] (the
        whole trade) where some buyer says nothing usable: the company, a buyer naming
        nothing, or naming nothing of the trade ('solder bars'), may take any of it. Each
        trader is looked at once (a mesh of traders stays linear)."""
        own = sector_of[node]
        assert own is not None
        suppliers, pred, taken = self.supply.suppliers, self.supply.pred, self._bought
        stack = [node]
        while stack:  # (depth first, each trader's buyers before it: a long line of traders
            # needs no recursion)
            at = stack[-1]
            if at in taken:
                stack.pop()
                continue
            above: list[str] = []
            whole = False
            for b in pred[at]:
                if b not in sector_of or not (suppliers[b].products or sector_of[b] == own):
                    # the company, or a buyer naming nothing: it may take any of the trade,
                    # whatever the others take (the traders above need not be looked at)
                    whole = True
                    break
                if b not in taken and not suppliers[b].products:
                    above.append(b)
            if whole:
                stack.pop()
                taken[at] = None
                continue
            if above:
                stack.extend(above)
                continue
            stack.pop()
            found: dict[str, None] = {}
            for buyer in sorted(pred[at]):
                if not suppliers[buyer].products:  # a trader of its trade naming nothing
                    took = taken[buyer]
                else:
                    took = self._trade_takes(own, tuple(self._hint_of(suppliers[buyer].products)))
                if took is None:  # the fallback: a buyer that may take any of the trade
                    taken[at] = None
                    break
                found.update(dict.fromkeys(took))
            else:
                taken[at] = tuple(found)
        return list(taken[node] or ())

    def _trade_takes(self, trade: str, products: tuple[str, ...]) -> tuple[str, ...] | None:
        """The products of a buyer that say what it takes of a trade (those that change what a
        trader of it naming them would get: a commodity, or a good of its value chain); None
        where none does."""
        key = (trade, products)
        if key not in self._takes:
            whole = self._trade_plan(trade, ())
            says = tuple(p for p in products if self._trade_plan(trade, (p,)) != whole)
            self._takes[key] = says or None
        return self._takes[key]

    def _trade_plan(self, trade: str, hint: tuple[str, ...]) -> frozenset[tuple[str, str]]:
        """The (raw sector, commodity or good) pairs a trader naming these products gets
        beneath it: its inputs narrowed by them, and the raw goods of its value chain they
        name outside its inputs (a mineral trader's diamonds); goods of other chains are not
        the trade's (a cocoa trader under a maker of hazelnut pralines trades no hazelnuts);
        worked out once for each trade and products."""
        made = self._trade_plans.get((trade, hint))
        if made is not None:
            return made
        sectors = self.profiles.sectors
        found: set[tuple[str, str]] = set()
        for group, _ in self._input_groups(trade):
            named, usual = self._named_inputs(group, [*hint])
            named = [(s, g) for s, g in named if sectors[s].chain == sectors[trade].chain]
            found.update(named)
            for upstream in self._narrowed(group, [*hint]) if usual or not named else []:
                found |= self._raw_plan(upstream, hint)
        made = self._trade_plans[(trade, hint)] = frozenset(found)
        return made

    def _named_inputs(
        self, group: list[str], hint: list[str]
    ) -> tuple[list[tuple[str, str]], bool]:
        """The (raw sector, good) pairs of listed raw goods outside a group of raw inputs
        that the buyer's products name, and whether they name the group's own raw materials
        too (by a commodity's word, or a good of the group: 'cane sugar', 'coltan').

        A first-processing stage whose products name another raw good (beet sugar at a sugar
        mill, whose usual input is cane) gets that good's farm or mine; the usual one only
        when its products name it as well (a mill of beet and cane sugar gets both)."""
        sectors = self.profiles.sectors
        if not hint or any(sectors[s].stage != "raw" or not sectors[s].commodities for s in group):
            return [], True
        words = _hint_words(self.profiles, hint)
        usual = any(
            set(re.findall(r"[a-z]+", c)) & words for s in group for c in sectors[s].commodities
        )
        found: dict[tuple[str, str], None] = {}
        for product in hint:
            good = self._good_of(product)
            sector_id = self.profiles.good_sectors.get(good or "")
            if not good or not sector_id:
                continue
            if sector_id in group:
                usual = True
            elif sectors[sector_id].stage == "raw":
                found[sector_id, good] = None
        return list(found), usual

    def _commodity_marks(
        self,
        sector_of: Mapping[str, str | None],
        marks: dict[str, tuple[str, str]],
        picked: Sequence[str],
    ) -> dict[str, frozenset[str]]:
        """The marks of the suppliers whose products name commodities of the mines beneath
        or beside their stage, as they narrow them (_hint_of: 'tin ingot' at a smelter: tin;
        'lithium batteries' at a battery maker: none, it covers them all), or of a trader
        naming nothing whose buyers' products do, one per commodity, each registered in
        `marks` with its (sector, commodity); equal sets are one object. `picked` holds
        the suppliers of those stages (_picked), among others."""
        universe = self._commodity_universe()
        suppliers = self.supply.suppliers
        made: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}
        found: dict[str, frozenset[str]] = {}
        sectors = self.profiles.sectors
        trading = {s for s in universe if sectors[s].stage == "trading"}
        for node in picked:
            if sector_of[node] not in universe:
                continue
            products = suppliers[node].products_read()  # (a mine's minerals: what it covers)
            if not products:
                if sector_of[node] not in trading:
                    continue
                # a trader naming nothing trades what its buyers take (_bought_above): it
                # covers that, as it is narrowed to it (a comptoir under a tin smelter: tin)
                products = self._bought_above(node, sector_of)
                if not products:
                    continue
            sector_id = sector_of[node]
            assert sector_id is not None
            key = (sector_id, tuple(products))
            own = made.get(key)
            if own is None:
                named = self._named_commodities(self._hint_of(products), universe[sector_id])
                # (NUL apart: a mark is never a sector id)
                for commodity in named:
                    marks.setdefault(f"{sector_id}\0{commodity}", (sector_id, commodity))
                own = made[key] = frozenset(f"{sector_id}\0{c}" for c in named)
            if own:
                found[node] = own
        return found

    def _commodity_universe(self) -> dict[str, frozenset[str]]:
        """The commodities of mines a supplier's products can name, for each stage at or
        above a raw sector of several commodities: those of every input group it covers."""
        if self._universe is None:
            sectors = self.profiles.sectors
            found: dict[str, set[str]] = {}
            for sector_id in sectors:
                for _, covered in self._input_groups(sector_id):
                    commodities = {
                        c for s in covered & self._several for c in sectors[s].commodities
                    }
                    for s in covered if commodities else ():
                        if s in self._several or not self._upstream(s).isdisjoint(self._several):
                            found.setdefault(s, set()).update(commodities)
            self._universe = {s: frozenset(c) for s, c in found.items()}
        return self._universe

    def _named_commodities(self, products: list[str], commodities: Iterable[str]) -> frozenset[str]:
        """The commodities products name, by a word ('tin ingot'; '3TG') or by a good of
        theirs ('cassiterite', 'coltan concentrate': Tin ore, Tantalum ore)."""
        words = _hint_words(self.profiles, products)
        goods = {*map(self._good_of, products), *map(self.profiles.match_good, words)}
        return frozenset(
            c
            for c in commodities
            if set(re.findall(r"[a-z]+", c)) & words or not goods.isdisjoint(self._goods(c))
        )

    def _goods(self, commodity: str) -> frozenset[str]:
        """The listed goods a commodity of the mines is ('tin': Tin, Tin ore (cassiterite))."""
        goods = self._goods_of.get(commodity)
        if goods is None:
            goods = self._goods_of[commodity] = frozenset(
                good
                for s in sorted(self._several)
                if commodity in self.profiles.sectors[s].commodities
                for good in self.profiles.commodity_goods(commodity, s)
            )
        return goods

    def _still_needed(
        self, group: list[str], held: frozenset[str], products: list[str]
    ) -> frozenset[str] | None:
        """What a supplier with these products still needs inferred of a group, when
        suppliers beneath hold some of its commodities: none (empty) when they hold all it
        needs; None when the rest is all that inference infers for it (the whole group, as
        if nothing were mapped); else the commodities missing."""
        key = (tuple(group), held, tuple(products))
        if key in self._needed:
            return self._needed[key]
        hint = list(products)
        named, usual = self._named_inputs(group, hint)
        stages = self._narrowed(group, hint) if usual or not named else []
        inferred = frozenset(
            c for s in stages for r, c in self._raw_plan(s, tuple(hint)) if r in self._several
        )
        # what the products name, else all the usual inputs hold
        needed = self._named_commodities(hint, inferred) or inferred
        rest: frozenset[str] | None = needed - held
        if rest == inferred:
            rest = None
        self._needed[key] = rest
        return rest

    def _attach_named(self, buyer: str, sector_id: str, good: str, country: str | None) -> None:
        """An inferred raw stage for a good the buyer's products name, in its country."""
        node_id = self._named_node(sector_id, good, country, 1)
        self.nodes[node_id].buyers.add(buyer)
        self.supply.add_edge(buyer, node_id, share=None, inferred=True)

    def _named_node(self, sector_id: str, good: str, country: str | None, depth: int) -> str:
        """The inferred stage of a good the buyer's products name, in the buyer's country,
        scored as a supplier there that names it (made once; its id). A raw stage whose good
        the buyer's country is not known to produce (_placed) is at origin instead, in a
        country not known (`…@world`): scored as one of unknown country is."""
        place = self._placed(sector_id, good, country)
        node_id = _named_id(sector_id, good, place)
        if node_id not in self.nodes:
            site = None if place == WORLD else place
            self._intermediate(node_id, sector_id, site, depth, good)
            node = self.nodes[node_id]
            node.assumption = f"{good} named in the buyer's products, from the buyer's country"
            if place == WORLD:
                node.assumption = (
                    f"{good} named in the buyer's products; the risk data does not place its"
                    f" production in the buyer's country (no listing of {good} there, and no"
                    " production share: it may well be produced there, the data does not say):"
                    " from a country not known, the worst case is that of the countries where"
                    " the good is listed or its sector scores highest. Map this tier, or give"
                    " the farms' country, to replace it"
                )
            elif place is None:  # (its worst case: see _unknown_country)
                node.assumption = (
                    f"{good} named in the buyer's products; country unknown: the worst case"
                    " is that of the countries where the good is listed or its sector scores"
                    " highest"
                )
            self.supply.add_node(node_id, inferred=True)
        return node_id

    def _placed(self, sector_id: str, good: str | None, country: str | None) -> str | None:
        """Where an inferred stage of no origin shares sits for a buyer in `country`: there,
        but for a raw stage (a farm, mine or vessel) where the risk data does not tell that
        the country produces its good (a listing of it there; of no good named, a listing of
        the sector there or a share of one of its commodities: Profiles.grows_there), which
        is then at origin (WORLD), in a country not known: Belgium mines no diamonds, and
        Germany grows no rice. Knowing the buyer's country never lowers the risk of a raw
        material it does not produce. Made once for each stage, good and country."""
        if country is None:
            return None
        key = (sector_id, good, country)
        found = self._places.get(key, "")
        if found == "":
            if good is None or self.profiles.sectors[sector_id].stage != "raw":
                # (true of a stage that is no farm, mine or vessel)
                produced = self.profiles.grows_there(sector_id, country)
            else:
                produced = bool(self.profiles.commodity_listings(country, sector_id, good)) or any(
                    o.iso3 == country for o in self.profiles.origins.get(good, ())
                )
            found = self._places[key] = country if produced else WORLD
        return found

    def _one_commodity(self, sector_id: str) -> bool:
        """Whether a sector buys one commodity from one stage (a cocoa trader: cocoa beans
        from cocoa farms), not several (a mineral trader's minerals, a seafood trader's fish
        and shrimp)."""
        inputs = self.profiles.sectors[sector_id].inputs
        return len(inputs) == 1 and len(self.profiles.sectors[inputs[0]].commodities) == 1

    def _whole_trade_mapped(
        self,
        node: str,
        own: str,
        links: Mapping[str, Mapping[str, Any]],
        sector_of: Mapping[str, str | None],
    ) -> bool:
        """Whether a trader of one commodity buys the whole of it from the traders of its own
        trade mapped beneath it: each supplier of it is one, in its own country (a trader
        abroad may not be all it buys: cocoa crosses borders), and their shares (each given)
        add up to the whole of its input (an exporter buying 60 % and 40 % of its cocoa from
        two cooperatives). Their sources are inferred beneath them, and nothing is left for
        the trader to buy elsewhere: no source of its own is inferred beside them (where a
        share is not given, or they add up to less, what else it buys is not mapped, and it
        is). The company, buying from traders abroad as a rule, needs no country of theirs."""
        if not links or any(sector_of.get(child) != own for child in links):
            return False
        suppliers = self.supply.suppliers
        at = suppliers[node].country if node in suppliers else None
        if node in suppliers and any(suppliers[child].country != at for child in links):
            return False
        shares: list[float] = []
        for link in links.values():
            share = link.get("share")
            if share is None:
                return False
            shares.append(share)
        return sum(shares) >= WHOLE_SHARE

    def _input_groups(self, sector_id: str | None) -> InputGroups:
        """A sector's inputs in groups of alternatives, each with every stage that covers it
        (the group's stages and all stages beneath them); empty without inputs."""
        sector = self.profiles.sectors.get(sector_id or "")
        if sector is None:
            return []
        # inputs of one value chain are alternatives (artisanal or industrial mines; a
        # fabric mill or a finisher): one mapped supplier among them covers the group
        groups: dict[str, list[str]] = {}
        for upstream in sector.inputs:
            value_chain = self.profiles.sectors[upstream].chain
            # only stages of one key value chain are alternatives; other inputs
            # (bricks, stone, timber for construction) are each needed
            key = value_chain if value_chain in KEY_CHAINS else upstream
            groups.setdefault(key, []).append(upstream)
        return [
            (group, frozenset(u for g in group for u in (g, *self._upstream(g))))
            for group in groups.values()
        ]

    def _upstream(self, sector_id: str) -> set[str]:
        """Every stage beneath a sector (its inputs, their inputs …)."""
        cached = self._closure.get(sector_id)
        if cached is None:
            cached = set()
            stack = list(self.profiles.sectors[sector_id].inputs)
            while stack:
                item = stack.pop()
                if item not in cached:
                    cached.add(item)
                    stack.extend(self.profiles.sectors[item].inputs)
            self._closure[sector_id] = cached
        return cached

    def _commodities(
        self, commodities: tuple[str, ...], hint: list[str], only: frozenset[str] | None = None
    ) -> tuple[str, ...]:
        """The commodities the buyer's products name ('cobalt hydroxide' → cobalt; 'coltan'
        → tantalum, by its good), else all but those they deny ('cobalt-free batteries':
        every mineral but cobalt; see _denied); of those, `only` the ones given when some
        are mapped beneath the buyer."""
        key = (commodities, tuple(hint))
        chosen = self._named_of.get(key)
        if chosen is None:
            found = self._named_commodities(hint, commodities) if hint else frozenset()
            chosen = tuple(c for c in commodities if c in found)
            if not chosen:
                denied = self._denied(key[1]) if hint else frozenset()
                chosen = tuple(c for c in commodities if c not in denied)
            self._named_of[key] = chosen
        return chosen if only is None else tuple(c for c in chosen if c in only)

    def _narrowed(
        self, inputs: Sequence[str], hint: list[str], only: frozenset[str] | None = None
    ) -> list[str]:
        """Raw-material inputs narrowed to those the buyer's products name, by a commodity's
        word or a good of theirs: a mica trader's mines are artisanal (industrial mines have
        no mica), a shrimp processor's inputs are farms, not fishing vessels. All of them
        when the products name none. With `only`, the inputs that hold one of those
        commodities (an EMS whose tin is mapped: gold is still inferred, gemstones are not)."""
        chosen = self._narrowed_by_products(inputs, hint)
        if only is None:
            return chosen
        return [s for s in chosen if self._raw_plan(s, tuple(hint), only)]

    def _narrowed_by_products(self, inputs: Sequence[str], hint: list[str]) -> list[str]:
        """The inputs the products narrow to (see _narrowed), but for the stages of the raw
        goods they deny (_denied_stages: 'not cotton' beneath a garment maker's spinner: no
        ginning, no cotton farms)."""
        sectors = self.profiles.sectors
        if hint:
            gone = self._denied_stages(tuple(hint))
            inputs = [s for s in inputs if s not in gone] if gone else inputs
        raw = [s for s in inputs if sectors[s].commodities]
        if not hint or len(raw) < 2:
            return list(inputs)
        # seafood a product says was caught in the wild ("wild-caught shrimp"): the capture
        # fisheries, whatever the sector its good is listed under (shrimp: farmed); the
        # other products as they name goods and commodities
        caught = [p for p in hint if said_caught(p)]
        too = any(map(said_caught_too, hint))  # ("wild or farmed shrimp": the farms too)
        if caught:
            hint = [p for p in hint if p not in caught]
        # (a value chain's own name names all of it: 'seafood' is farmed shrimp too, though
        # it is a word of the capture fisheries' commodity)
        words = _hint_words(self.profiles, hint) - {sectors[s].chain for s in raw}
        goods = {self.profiles.good_sectors.get(g or "") for g in map(self._good_of, hint)}
        named = [
            s
            for s in raw
            if s in goods
            or any(set(re.findall(r"[a-z]+", c)) & words for c in sectors[s].commodities)
            or (too and any(CAPTURE in c for c in sectors[s].commodities))
        ]
        return [s for s in inputs if s not in raw or s in named] if named else list(inputs)

    def _denied(self, hint: tuple[str, ...]) -> frozenset[str]:
        """The raw commodities the buyer's products deny for certain (_denied_in_words), or
        are made without (_replaced: 'nitrile gloves', no natural rubber)."""
        found = self._denied_of.get(hint)
        if found is None:
            found = self._denied_in_words(hint) | self._replaced(hint) | self._recycled(hint)
            if self._unmodelled(hint):  # (the mines' commodities: other chains stay)
                sectors = self.profiles.sectors
                found |= frozenset(c for s in self._several for c in sectors[s].commodities)
            self._denied_of[hint] = found
        return found

    def _unmodelled(self, hint: tuple[str, ...]) -> tuple[str, ...]:
        """The minerals of the mines the products name, where every product names one the
        risk data has no commodity (origin shares) of and none names one it has ('nickel
        sulphate', 'MHP (nickel)', 'spherical graphite', 'NdFeB magnets'): no mine of the
        minerals it follows (gold, tin, cobalt …) is beneath such a supplier, and what is
        beneath it is a gap of the data (document.UNMODELLED_BELOW). None otherwise."""
        found = self._unmodelled_of.get(hint)
        if found is None:
            named: list[str] = []
            modelled = set(self._all_commodities())
            for product in hint:
                words = minerals_in_english(_hint_words(self.profiles, [product]))
                if any(set(re.findall(r"[a-z]+", c)) <= words for c in modelled):
                    named = []
                    break
                minerals = [m for m, keys in _UNMODELLED.items() if any(k in words for k in keys)]
                if not minerals:
                    named = []
                    break
                named += [m for m in minerals if m not in named]
            found = self._unmodelled_of[hint] = tuple(sorted(named))
        return found

    def _recycled(self, hint: tuple[str, ...]) -> frozenset[str]:
        """Every raw commodity, where every product is wholly recycled material ('scrap
        gold', 'recycled gold', 'recycled cotton yarn', 'oro da recupero': _wholly_recycled):
        it was mined or grown once, for another good, and no mine, farm or vessel of it is
        beneath the supplier. Nothing where the products are none."""
        found = self._recycled_of.get(hint)
        if found is None:
            wholly = bool(hint) and all(map(_wholly_recycled, hint))
            found = frozenset(self._all_commodities()) if wholly else frozenset()
            self._recycled_of[hint] = found
        return found

    def _replaced(self, hint: tuple[str, ...]) -> frozenset[str]:
        """The raw commodities every product is made without: each names a material that
        replaces one (Sector.replaced_by: 'nitrile gloves', 'vinyl gloves', 'latex-free
        gloves': no natural rubber), and none names the commodity beside it (_made_without:
        'nitrile and latex gloves', 'natural rubber and nitrile', 'pvc and rubber boots' name
        it; 'nitrile rubber gloves' does not). Nothing where the products are none."""
        found = self._replaced_of.get(hint)
        if found is None:
            keys = [text_key(product).split() for product in hint]
            found = frozenset(
                commodity
                for sector in self.profiles.sectors.values()
                if sector.replaced_by
                and keys
                and all(_made_without(sector, words) for words in keys)
                for commodity in sector.commodities
            )
            self._replaced_of[hint] = found
        return found

    def _denied_in_words(self, hint: tuple[str, ...]) -> frozenset[str]:
        """The raw commodities the buyer's products deny for certain: a product denies every
        word of one of its names (Profiles.commodity_names: 'not cotton', 'cotton-free
        fabric': cotton (lint); 'no cobalt or nickel', 'cobalt-free batteries': cobalt; 'no
        cocoa': cocoa beans; 'no shrimp': shrimp (farmed)), and no product says a word of
        that name ('cotton t-shirts, not cotton-rich' denies no cotton), nor may deny it
        only in part (read_denials: 'no cotton blends' beside 'not cotton' keeps the cotton
        chain: its shirts may be all cotton). A kind of a commodity denied is no denial of it
        ('not tuna', 'no fish': fish & seafood are caught still), nor is a word a denial may
        deny only in part ('no cotton from Xinjiang', 'without cocoa butter', 'no tin-lead
        solder'), nor a denial denied ('not cobalt-free'). A denial that qualifies what a
        part of a product names ('cobalt-free batteries', 'non-cotton lining') denies the
        good of that alone: it is denied for the supplier only where every part of its
        products that says what it is denies it too ('cotton-free fabric'; not 'dresses;
        non-cotton lining', nor 'shirts with cotton-free lining', nor 'knit shirts' beside
        'cotton-free fabric': the dresses and shirts may be cotton); a part that is nothing
        but a denial speaks of all its goods ('polyester shirts, not cotton'). Made once
        for each products."""
        found = self._denied_words_of.get(hint)
        if found is None:
            readings = [read_denials(product) for product in hint]
            # what a part that is nothing but a denial denies, and what every part that
            # says what it is denies of what it names
            parts = [part for reading in readings for part in reading.of_parts]
            of_all = frozenset.intersection(*parts) if parts else frozenset()
            throughout = (w for reading in readings for w in reading.throughout)
            denied = {text_key(w) for w in chain(throughout, of_all)}
            said = set()
            if denied:
                doubtful = (w for reading in readings for w in reading.doubtful)
                said = {
                    text_key(w) for w in chain(_hint_words(self.profiles, list(hint)), doubtful)
                }
            found = self._denied_words_of[hint] = frozenset(
                commodity
                for commodity in self._all_commodities()
                if denied
                and any(
                    name <= denied and name.isdisjoint(said)
                    for name in self.profiles.commodity_names(commodity)
                )
            )
        return found

    def _all_commodities(self) -> list[str]:
        """Every raw commodity of the sectors, once, in their order."""
        sectors = self.profiles.sectors.values()
        return list(dict.fromkeys(c for s in sectors for c in s.commodities))

    def _denied_stages(self, hint: tuple[str, ...]) -> frozenset[str]:
        """The stages never inferred beneath a buyer whose products deny raw goods (_denied):
        a raw sector all of whose commodities they deny (cotton farms for 'not cotton';
        shrimp farms for 'no shrimp'), and a first processing or trade of those alone (a
        processing or trading stage all of whose inputs are such raw sectors: cotton
        ginning). A denial leaves every other stage inferred as before: a stage working
        other goods too (a spinner spins polyester; artisanal mines beneath 'no cobalt' dig
        gold and tin), and a maker of goods from the denied one (rubber products,
        solar modules: made of other materials as well), so that a supplier looks no less
        exposed than its words say for certain."""
        found = self._gone.get(hint)
        if found is None:
            denied = self._denied(hint)
            sectors = self.profiles.sectors.values()
            raw = {s.id for s in sectors if s.commodities and denied.issuperset(s.commodities)}
            first = {
                s.id
                for s in sectors
                if s.stage in ("processing", "trading")
                and not s.commodities
                and s.inputs
                and raw.issuperset(s.inputs)
            }
            found = self._gone[hint] = frozenset(raw | first)
        return found

    def _good_of(self, product: str) -> str | None:
        """The listed good a product names (Profiles.good_named), unless only by a word it
        denies ('no shrimp', 'shrimp-free': no Shrimp)."""
        good = self.profiles.good_named(product)
        if good is not None and not self._denies(product, good):
            return good
        return None

    def _denies(self, product: str, good: str) -> bool:
        """Whether a product denies a good, or may ('no cobalt and tin solder': tin): a word
        it denies names it, and none it says does ('no shrimp'; not 'shrimp, no
        additives'), as the profiles read its denials (read_denials)."""
        denials = read_denials(product)
        match = self.profiles.match_good
        return any(match(w) == good for w in denials.denied | denials.doubtful) and all(
            match(w) != good for w in denials.said
        )

    def _attach(
        self,
        buyer: str,
        sector_id: str,
        country: str | None,
        depth: int,
        hint: list[str],
        only: frozenset[str] | None = None,
        away: bool = False,
    ) -> None:
        """An input stage of a sector beneath a buyer, and the stages beneath it (section 7
        of the methodology): raw materials at their origin mix, leaning to `country` where it
        produces them; a first-processing stage there too where `country` does not, or
        `away`; any other stage in `country`, or in a country not known where `away` (the
        goods a general trader buys are made where it buys them, not in its own country)."""
        limit = self.config.scoring.inference_depth
        if depth > limit:
            # the inferred stage above stops here, its inputs not inferred: its data gap
            # says so (a mapped supplier's inputs are at depth 1, never cut: the limit is 1
            # or more), and its level is no more all there is than a trader's of anything
            above = self.nodes.get(buyer)
            if above is not None and (gap := depth_reached(limit)) not in above.gaps:
                above.gaps.append(gap)
            return
        sector = self.profiles.sectors[sector_id]
        site = None if away else country  # (where a stage that is no raw material's sits)
        targets: list[str] = []
        if sector.commodities:
            # (where a buyer works the harvest of its own country: whatever the commodity;
            # or buys its members' harvest, a cooperative of farmers)
            why = sector.processed_near_harvest or self._near_its_farms(buyer)
            near = site if why else None
            if near and not self._worked_where_grown(buyer, hint):
                near = None
            for commodity in self._commodities(sector.commodities, hint, only):
                if near and self._lean(sector_id, commodity, near):
                    # (cut cane, oil palm fruit: a mill's farms are near it, in its country
                    # where that country produces the commodity, not the world's mix)
                    targets.append(
                        self._near_harvest(sector_id, commodity, near, depth, why, buyer)
                    )
                else:
                    targets.append(self._raw(sector_id, commodity, country, depth))
        elif (origin := self._at_origin(sector_id, country, hint, only, away)) is not None:
            # a first-processing stage (ginning, milling, trading) sits where the raw
            # material grows when the buyer's country does not produce it (or the buyer
            # buys away from its country)
            # (keyed by the lean it passes down too: a stage at the origin mix over farms
            # leaning to the buyer's country is no stage over the world's farms, so buyers of
            # two countries share it only where the whole chain beneath it is the same)
            raw_of: dict[str, tuple[str, ...]] = {}
            for commodity, raw_sector in origin:
                raw_of[commodity] = (*raw_of.get(commodity, ()), raw_sector)
            for commodity, raw_sector in origin:
                node_id = self._raw(sector_id, commodity, country, depth, raw_of[commodity])
                raw_id = self._raw(raw_sector, commodity, country, depth + 1)
                self.nodes[raw_id].buyers.add(node_id)
                self.supply.add_edge(node_id, raw_id, share=None, inferred=True)
                targets.append(node_id)
        elif (goods := self._goods_named(sector, hint, buyer)) is not None:
            named, sourced, as_is = goods
            # a stage of distinct products (crop farming) whose goods the buyer's products
            # name: one for each good, scored as a supplier naming it (a peanut butter
            # maker's farms grow peanuts, not India's rice)
            for good in named:
                named_id = _named_id(sector_id, good, self._placed(sector_id, good, site))
                fresh = named_id not in self.nodes
                node_id = self._named_node(sector_id, good, site, depth)
                if fresh:  # (the stages beneath it, once)
                    for upstream in self._narrowed(sector.inputs, hint, only):
                        self._attach(node_id, upstream, site, depth + 1, hint, only)
                targets.append(node_id)
            # and goods of a raw sector of their own whose origins are published (a food
            # maker's vanilla, tea, hazelnuts): that sector at the origin mix of the good,
            # not a farm in the buyer's country (Germany grows no vanilla)
            targets += [self._raw(raw, commodity, country, depth) for raw, commodity in sourced]
            if as_is:  # (beside goods only said as an adjective: 'hazelnut cookies')
                targets.append(self._stage_as_is(sector_id, site, depth, hint, only, away))
        else:
            targets.append(self._stage_as_is(sector_id, site, depth, hint, only, away))
        for target in targets:
            self.nodes[target].buyers.add(buyer)
            self.supply.add_edge(buyer, target, share=None, inferred=True)

    def _worked_where_grown(self, buyer: str, hint: list[str]) -> bool:
        """Whether a buyer of a commodity worked near its harvest may be taken to work it
        where it is grown: not a refinery (sugar milling covers refining, whose raw sugar
        is shipped in: 'sugar refinery', 'refined sugar', 'ICUMSA 45'), nor one whose
        products say they are from another country ('raw cane sugar from Brazil', 'Thai raw
        sugar' at an Indonesian mill; not 'raw sugar VHP El Salvador' at a Salvadoran one)."""
        # (the words of a mapped buyer only: beneath a refinery of palm oil, its mill, a
        # stage apart, is inferred by the plantations all the same)
        supplier = self.supply.suppliers.get(buyer)
        if supplier is not None:
            written = supplier.sector_raw or ""
            # (its own words decide: a "sugar mill" selling "refined sugar ICUMSA 45" refines
            # the cane it crushes, as the integrated mills of Brazil, Thailand and India do)
            if _REFINED.search(written) or (
                not _A_MILL.search(written) and any(_REFINED.search(text) for text in hint)
            ):
                return False
        own = supplier.country if supplier is not None else None
        return not any(names_a_place(text, own) for text in hint)

    def _near_harvest(
        self, sector_id: str, commodity: str, country: str, depth: int, why: str, buyer: str
    ) -> str:
        """The farms of a commodity worked within a day or two of harvest, or of a
        cooperative's members, beneath a buyer in a country that produces it (`why` says
        which): in that country, scored as a supplier of the sector there is
        (`inferred:SECTOR@ISO3`), not at the world's origin mix; made once (the reason of
        the first buyer met: of one sector, one of the two). Beneath a buyer in the XUAR
        (a ginnery in Aksu), the farms near it are there too, floored as a supplier there
        is (`inferred:SECTOR@CHN-XUAR`)."""
        placed = self._xuar_of(buyer) if country == "CHN" else None
        node_id = f"inferred:{sector_id}@{country}" + ("-XUAR" if placed else "")
        if node_id not in self.nodes:
            region = placed.text if placed else None
            self._intermediate(
                node_id, sector_id, country, depth, commodity=commodity, region=region
            )
            sector = self.profiles.sectors[sector_id]
            self.nodes[node_id].assumption = (
                f"{sector.name.lower()} in the buyer's own country ({country}), which produces"
                f" {commodity}: {why}"
                + (
                    f"; in {XUAR_NAME}, as its buyer {buyer} is (by its {placed.field}"
                    f" {placed.text!r})"
                    if placed
                    else ""
                )
            )
            if placed:
                self._xuar_nodes[node_id] = placed
            self.supply.add_node(node_id, inferred=True)
        return node_id

    def _xuar_of(self, buyer: str) -> Placed | None:
        """What places a buyer in the XUAR: a mapped supplier's region or name (Scorer.xuar),
        an inferred stage's buyer's (_near_harvest); None elsewhere."""
        supplier = self.supply.suppliers.get(buyer)
        if supplier is not None:
            return self.scorer.xuar(supplier)
        return self._xuar_nodes.get(buyer)

    def _near_its_farms(self, buyer: str) -> str:
        """Why a mapped buyer works the harvest of farms near it, where it does: a
        cooperative buys its members', a licensed buying company or buying station the
        farmers' around it (_first_buyer), a wet mill or washing station pulps
        cherries within hours of picking (_WET_MILL in its sector text or name), a fishmeal
        plant reduces fish landed near it (_reduction_plant); else ""."""
        if self._first_buyer(buyer, _COOPERATIVE):
            return _OF_ITS_MEMBERS
        if self._first_buyer(buyer, _FIRST_BUYER):
            return _FROM_FARMERS_NEAR
        supplier = self.supply.suppliers.get(buyer)
        said = _said_of(supplier) if supplier is not None else ""
        # (a dry mill by its sector text, whatever its name says: "Beneficio San Juan",
        # "beneficio seco")
        if _WET_MILL.search(said) and not _DRY_MILL.search(said):
            return _NEAR_A_WET_MILL
        if supplier is not None and _reduction_plant(supplier):
            return _NEAR_A_REDUCTION_PLANT
        return ""

    def _first_buyer(self, buyer: str, words: re.Pattern[str]) -> bool:
        """Whether a buyer is a mapped supplier of a trading or first-processing stage whose
        sector text or name holds these words: a cooperative (_COOPERATIVE: 'cocoa
        cooperative', 'Coopérative Agricole de Soubré', 'cooperativa cafetalera'), which
        buys its members' harvest, grown near it, or a licensed buying company or buying
        station (_FIRST_BUYER), which buys from the farmers of its country around it."""
        supplier = self.supply.suppliers.get(buyer)
        if supplier is None or supplier.sector is None:
            return False
        sector = self.profiles.sectors.get(supplier.sector)
        if sector is None or sector.stage not in ("trading", "processing"):
            return False
        return words.search(_said_of(supplier)) is not None

    def _stage_as_is(
        self,
        sector_id: str,
        site: str | None,
        depth: int,
        hint: list[str],
        only: frozenset[str] | None,
        away: bool,
    ) -> str:
        """The id of an input stage inferred as its sector is, narrowed only as the buyer's
        products narrow its inputs (section 7 of the methodology), with the stages beneath
        it, made once."""
        sector = self.profiles.sectors[sector_id]
        # a stage whose inputs the products narrow is one of its own: buyers sharing it
        # share what lies beneath it (a mica smelter's mines are not a copper smelter's)
        # so is a stage at or above one whose distinct products the buyer's products
        # rule out (a spinner for a maker of cotton t-shirts: no silk thread), named by
        # what they say it works: a buyer whose products say nothing keeps every listing
        # (a raw stage of no commodities, a farm or mine of no good named, sits at origin
        # where the buyer's country is not known to produce its goods: _placed)
        place = self._placed(sector_id, None, site)
        if place == WORLD:
            site = None
        plan_suffix = self._plan_suffix(sector_id, hint, only)
        # products naming only minerals the data has no origins of ('graphite anodes',
        # 'NdFeB magnets'): a stage of those minerals, nothing known beneath it
        minerals = (
            self._unmodelled(tuple(hint))
            if plan_suffix.startswith(":no-") and not self._raw_plan(sector_id, tuple(hint), only)
            else ()
        )
        if minerals:
            plan_suffix = ":" + "+".join(map(_slug, minerals))
        suffix = plan_suffix + self._said_suffix(sector_id, site, hint, only)
        suffix += self._goods_suffix(sector_id, hint, only)
        said = self._said_of(sector_id, site, hint)
        node_id = f"inferred:{sector_id}{suffix}@{place or 'unknown'}"
        if node_id not in self.nodes:
            self._intermediate(
                node_id, sector_id, site, depth, said=said, away=away, at_origin=place == WORLD
            )
            if minerals:
                # nothing is known beneath this stage: a gap of the data that bears on its
                # level, as on a mapped supplier's (document.UNMODELLED_BELOW)
                node = self.nodes[node_id]
                node.assumption = (
                    f"{node.assumption or _IN_BUYERS_COUNTRY}; nothing inferred beneath it:"
                    " the buyer's products name minerals the risk data has no origins of"
                    f" ({', '.join(minerals)})"
                )
                node.gaps.append(unmodelled_below(minerals))
            elif plan_suffix.startswith(":no-"):  # (what the buyer's products deny)
                node = self.nodes[node_id]
                gone = self._denied(tuple(hint))
                denied = sorted({c for _, c in self._raw_plan(sector_id, ()) if c in gone})
                node.assumption = (
                    f"{node.assumption or _IN_BUYERS_COUNTRY}; no {', '.join(denied)}"
                    " inferred beneath it: the buyer's products deny it"
                )
            self.supply.add_node(node_id, inferred=True)
            for upstream in self._narrowed(sector.inputs, hint, only):
                self._attach(node_id, upstream, site, depth + 1, hint, only)
        elif place is None:  # (shared: its assumption says it of each kind of buyer)
            _assumed_too(self.nodes[node_id], _AWAY if away else _UNKNOWN_BUYER)
        return node_id

    def _goods_named(
        self, sector: Sector, hint: list[str], buyer: str
    ) -> tuple[tuple[str, ...], list[tuple[str, str]], bool] | None:
        """What the buyer's products name of a stage of distinct products (crop farming): its
        own goods (_stage_goods), the (raw sector, commodity) of goods that are the
        commodity of a raw sector of their own with published origins (vanilla, tea,
        hazelnuts), those whose sector is mapped beneath the buyer left out (a vanilla farm
        the user mapped: its origin is known), and whether the stage is inferred as it is
        beside them. None where the products name none of either, mapped or not: the stage
        is then inferred as it is alone.

        A good a product names only by its singular said before another word
        (Profiles.adjective_goods: 'hazelnut cookies') is one ingredient of it, the others
        unknown: its sector is added beside what the products give without it, never in its
        place, so that the stage is inferred as it is too where they name nothing else
        (a maker of 'hazelnut cookies' and 'wafers' keeps the crop farms of its country)."""
        named = self._stage_goods(sector, hint)
        if sector.stage != "raw" or not sector.broad or sector.commodities or not hint:
            return (named, [], False) if named else None
        sectors, origins = self.profiles.sectors, self.profiles.origins
        mapped = self._beneath.get(buyer, frozenset())
        sourced: dict[tuple[str, str], None] = {}
        beside: dict[tuple[str, str], None] = {}  # (of goods said as adjectives)
        covered = beside_covered = False
        for product in hint:
            good = self._good_of(product)
            goods = (good,) if good else self.profiles.adjective_goods(product)
            for raw_id in dict.fromkeys(self.profiles.good_sectors.get(g, "") for g in goods):
                raw = sectors.get(raw_id)
                if raw is None or raw.id == sector.id or raw.stage != "raw" or not raw.commodities:
                    continue
                if raw.id in mapped:
                    if good:
                        covered = True
                    else:
                        beside_covered = True
                    continue
                for commodity in self._commodities(raw.commodities, [product]):
                    if origins.get(commodity):
                        (sourced if good else beside)[raw.id, commodity] = None
        as_is = not (named or sourced or covered)
        if as_is and not (beside or beside_covered):
            return None
        return named, list(dict.fromkeys([*sourced, *beside])), as_is

    def _said_of(self, sector_id: str, country: str | None, hint: list[str]) -> tuple[str, ...]:
        """What the buyer's products say an intermediate stage works (Profiles.stage_said:
        'cotton t-shirts' at a spinner: Cotton), where that rules out a listing of its
        sector in its country (in any, where that is unknown); else empty: the stage is
        then scored as before, with every listing of its sector."""
        key = (sector_id, country, tuple(hint))
        said = self._stage_said.get(key)
        if said is None:
            said = self.profiles.stage_said(sector_id, hint)
            if said and not self.profiles.stage_rules_out(country, sector_id, said):
                said = ()
            self._stage_said[key] = said
        return said

    def _said_plan(
        self,
        sector_id: str,
        country: str | None,
        hint: tuple[str, ...],
        only: frozenset[str] | None = None,
    ) -> frozenset[tuple[str, tuple[str, ...]]]:
        """The (stage, what it works) pairs of the intermediate stages at and beneath a
        stage whose listings the buyer's products narrow (see _said_of), for these
        products in this country: what a stage shared by buyers must hold alike."""
        key = (sector_id, country, hint, only)
        plan = self._said_plans.get(key)
        if plan is None:
            found: set[tuple[str, tuple[str, ...]]] = set()
            sector = self.profiles.sectors[sector_id]
            if not sector.commodities:  # (raw materials: scored for their commodities)
                said = self._said_of(sector_id, country, [*hint])
                if said:
                    found.add((sector_id, said))
                for upstream in self._narrowed(sector.inputs, [*hint], only):
                    found |= self._said_plan(upstream, country, hint, only)
            plan = self._said_plans[key] = frozenset(found)
        return plan

    def _goods_suffix(self, sector_id: str, hint: list[str], only: frozenset[str] | None) -> str:
        """'' unless the products name goods of a stage of distinct products with no
        commodities beneath a stage (_stage_goods: 'diamond jewellery', Diamonds at the gem
        mines beneath the jeweller); else ':' and those goods, so that the stage is shared
        only by buyers whose products name the same ('silver jewellery' gets every gem)."""
        goods = self._goods_of_stages_beneath(sector_id, tuple(hint), only)
        return ":" + "+".join(map(_slug, goods)) if goods else ""

    def _goods_of_stages_beneath(
        self, sector_id: str, hint: tuple[str, ...], only: frozenset[str] | None
    ) -> tuple[str, ...]:
        """The goods the products name of the stages of distinct products with no
        commodities beneath a stage (see _goods_suffix), sorted; made once for each."""
        key = (sector_id, hint, only)
        found = self._stage_goods_beneath.get(key)
        if found is None:
            goods: set[str] = set()
            sectors = self.profiles.sectors
            for upstream in self._narrowed(sectors[sector_id].inputs, [*hint], only):
                sector = sectors[upstream]
                if sector.stage == "raw":
                    if not sector.commodities:
                        goods.update(self._stage_goods(sector, [*hint]))
                else:
                    goods.update(self._goods_of_stages_beneath(upstream, hint, only))
            found = self._stage_goods_beneath[key] = tuple(sorted(goods))
        return found

    def _said_suffix(
        self, sector_id: str, country: str | None, hint: list[str], only: frozenset[str] | None
    ) -> str:
        """'' when the products narrow the listings of no stage at or beneath a stage (see
        _said_plan); else ':' and what they say those stages work ('cotton'), and a mark of
        the stages' plan where those goods named alone would give another."""
        plan = self._said_plan(sector_id, country, tuple(hint), only)
        if not plan:
            return ""
        goods = tuple(sorted({good for _, said in plan for good in said}))
        suffix = ":" + "+".join(dict.fromkeys(map(_slug, goods)))
        if plan != self._said_plan(sector_id, country, goods):
            suffix += "-" + hashlib.sha1(repr(sorted(plan)).encode()).hexdigest()[:8]
        return suffix

    def _stage_goods(self, sector: Sector, hint: list[str]) -> tuple[str, ...]:
        """The listed goods of a stage of distinct products (broad: crop farming, gemstone
        mining) that the buyer's products name, by a product's name or a run of its words
        ('peanuts': Peanuts; 'tomato paste': Tomatoes); none in any other stage."""
        if not sector.broad or not hint:
            return ()
        key = (sector.id, tuple(hint))
        goods = self._stage_named.get(key)
        if goods is None:
            goods = self._stage_named[key] = tuple(self.profiles.stage_goods(sector.id, hint))
        return goods

    def _plan_suffix(
        self, sector_id: str, hint: list[str], only: frozenset[str] | None = None
    ) -> str:
        """'' when the products change nothing beneath a stage; else ':' and what they name
        (the commodities by their words, else the goods), so that the id says what it holds.
        Narrowed to `only` some commodities: ':' and those it holds, as products naming
        them would give, else marked as narrowed otherwise."""
        plan = self._raw_plan(sector_id, tuple(hint), only)
        if plan == self._raw_plan(sector_id, ()):
            return ""
        if only is not None and plan != self._raw_plan(sector_id, tuple(hint)):
            held = sorted({c for _, c in plan})
            suffix = ":" + "+".join(map(_slug, held))
            if plan != self._raw_plan(sector_id, tuple(held)):
                suffix += "-" + hashlib.sha1(repr(sorted(plan)).encode()).hexdigest()[:8]
            return suffix
        words = _hint_words(self.profiles, hint)
        named = {c for _, c in plan if set(re.findall(r"[a-z]+", c)) & words}
        if not named:
            # the raw goods they deny, where that is all they change ('not cotton',
            # 'cotton-free fabric': ':no-cotton-lint', beneath which no cotton is inferred)
            whole = self._raw_plan(sector_id, ())
            denied = self._denied(tuple(hint))
            if denied and plan == {(s, c) for s, c in whole if c not in denied}:
                return ":no-" + "+".join(sorted({_slug(c) for _, c in whole if c in denied}))
            named = {g for g in map(self._good_of, hint) if g}
        if not named:  # (narrowed all the same: a stable mark of how)
            return ":" + hashlib.sha1(repr(sorted(plan)).encode()).hexdigest()[:8]
        return ":" + "+".join(sorted(map(_slug, named)))

    def _raw_plan(
        self, sector_id: str, hint: tuple[str, ...], only: frozenset[str] | None = None
    ) -> frozenset[tuple[str, str]]:
        """The (raw sector, commodity) pairs inferred beneath a stage for these products
        (and `only` those commodities, when given)."""
        key = (sector_id, hint, only)
        plan = self._plans.get(key)
        if plan is None:
            found: set[tuple[str, str]] = set()
            sector = self.profiles.sectors[sector_id]
            if sector.commodities:
                found |= {
                    (sector_id, c) for c in self._commodities(sector.commodities, [*hint], only)
                }
            else:
                for upstream in self._narrowed(sector.inputs, [*hint], only):
                    found |= self._raw_plan(upstream, hint, only)
            plan = self._plans[key] = frozenset(found)
        return plan

    def _at_origin(
        self,
        sector_id: str,
        country: str | None,
        hint: list[str],
        only: frozenset[str] | None,
        away: bool = False,
    ) -> list[tuple[str, str]] | None:
        """(commodity, raw sector) pairs when a stage only processes raw materials that
        the buyer's country does not produce, or that the buyer buys away from its country
        (`away`: a general trader); None otherwise."""
        sector = self.profiles.sectors[sector_id]
        inputs = [self.profiles.sectors[i] for i in self._narrowed(sector.inputs, hint, only)]
        if not inputs or any(not i.commodities for i in inputs):
            return None
        pairs = [(c, i.id) for i in inputs for c in self._commodities(i.commodities, hint, only)]
        for commodity, _ in [] if away else pairs:
            if any(o.iso3 == country and o.share_pct for o in self.profiles.origins[commodity]):
                return None
        return pairs

    def _origin_risk(
        self,
        sector_id: str,
        iso3: str | None,
        commodity: str | None = None,
        said: tuple[str, ...] = (),
        region: str | None = None,
    ) -> SupplierRisk:
        """A stage of a sector scored in a country (an origin, or an intermediate stage; in
        a region of it, `region`, which may set a floor of its own: the XUAR),
        made once for each: of a commodity, with its listings; of an intermediate stage
        whose buyer's products say what it works (`said`), with the listings that leaves
        (Profiles.stage_listings); else as a supplier of the sector there naming nothing."""
        key = (sector_id, iso3, commodity, said, region)
        if key not in self._origin_scores:
            # the commodity as products narrows listings to its own goods (tin: Tin and Tin
            # ore (cassiterite), not a country's gold; cotton lint: Cotton, not Cottonseed)
            goods = self.profiles.commodity_goods(commodity, sector_id) if commodity else []
            # the listings of the commodity, not of the sector's other products (North Korea's
            # tungsten: not its iron; India's lint cotton: not its hybrid cottonseed)
            listings = (
                self.profiles.commodity_listings(iso3, sector_id, commodity) if commodity else None
            )
            if said and iso3 is not None and commodity is None:
                listings = self.profiles.stage_listings(iso3, sector_id, said)
            probe = Supplier.model_construct(
                id=f"origin:{sector_id}@{iso3}",
                country=iso3,
                region=region,
                name=None,
                sector=sector_id,
                products=goods,
                buyers=[],
                certifications=[],
                audits=[],
                attributes={},
                migrant_pct=None,
            )
            self._origin_scores[key] = self.scorer.score(probe, sector_id, listings)
        return self._origin_scores[key]

    def _intermediate(
        self,
        node_id: str,
        sector_id: str,
        country: str | None,
        depth: int,
        commodity: str | None = None,
        said: tuple[str, ...] = (),
        away: bool = False,
        at_origin: bool = False,
        region: str | None = None,
    ) -> None:
        """An inferred stage in the buyer's country (in its `region` where one is given: the
        XUAR), scored as a supplier of its sector
        there (of a good the buyer's products name: `commodity`; working what they say:
        `said`), with the data gaps such a supplier has; in a country not known (the
        buyer's, or, `away`, where a general trader buys its goods, or, `at_origin`, where
        a raw stage's goods are produced, its buyer's country not known to produce them:
        _placed), flagged at the worst case a mapped supplier of unknown country is (see
        _unknown_country)."""
        risk = self._origin_risk(sector_id, country, commodity, said, region)
        node = self.nodes[node_id] = InferredSupplier(
            id=node_id,
            sector=sector_id,
            commodity=commodity,
            country=country,
            lean=None,
            origins=[Origin(country, 1.0, None, Fraction(1))],
            expected={rt: d.score for rt, d in risk.by_type.items()},
            worst={rt: (d.score, country) for rt, d in risk.by_type.items()},
            evidence={rt: d.evidence for rt, d in risk.by_type.items()},
            depth=depth,
            worst_gaps={
                rt: gap for rt, d in risk.by_type.items() if (gap := _country_gap(d.country))
            },
            gaps=list(risk.gaps),
            said=said,
        )
        if said:
            ruled_out = sorted(self.profiles.stage_ruled_out(sector_id, said))
            node.assumption = (
                f"stage assumed in the buyer's country, working {', '.join(said)} as the"
                f" buyer's products say (so not {', '.join(ruled_out)})"
            )
        if country is None:
            if commodity is None:
                node.assumption = (
                    (_AWAY if away else _AT_ORIGIN if at_origin else _UNKNOWN_BUYER)
                    + ": the worst case is that of the countries where its sector is listed"
                    + (f"; working {', '.join(said)} as the buyer's products say" if said else "")
                )
            self._unknown_country(node, commodity, said)

    def _unknown_country(
        self, node: InferredSupplier, commodity: str | None, said: tuple[str, ...]
    ) -> None:
        """An inferred stage in a country not known, as a mapped supplier of its sector
        (naming its good, if any) in an unknown country is (section 4.1): flagged at the
        worst case over the countries where it is listed, where that is higher than its own
        score with no country data, with what set it as evidence; its reasons say so."""
        sector_id = node.sector
        what = f"{commodity} ({sector_id})" if commodity else sector_id
        goods = self.profiles.commodity_goods(commodity, sector_id) if commodity else []
        said_key = said or None  # (nothing said: as a supplier naming nothing)
        worst_case = self.scorer.worst_case_unknown_country(sector_id, goods, said_key) or {}
        why = self.scorer.worst_reasons(sector_id, goods, said_key)
        listed = self.scorer.worst_listed(sector_id, goods, said_key)
        for rt in RISK_TYPES:
            own = node.expected[rt]
            worst, where = worst_case.get(rt) or (None, None)
            if worst is not None and where is not None and worst.priority > own.priority:
                node.worst[rt] = (worst, where)
                node.evidence[rt] = [  # (its severity stands for the own score's)
                    *(e for e in node.evidence[rt] if not e.indicator.startswith(SEVERITY_FACT)),
                    *worst_case_evidence(what, where, worst, why.get(rt, ""), listed.get(rt, ())),
                ]
                gap = _country_gap(self.scorer.country_score(where, rt))
                if gap:
                    node.worst_gaps[rt] = gap
                else:
                    node.worst_gaps.pop(rt, None)
                node.reasons[rt] = (
                    f"inferred tier in an unknown country: {what} is listed or scores"
                    f" {worst.level} in {display_name(where)}; own score with no country data"
                    f" is {own.level}. Map this tier to replace the inference with real data."
                )
            else:
                node.worst_gaps[rt] = "country unknown"
                elsewhere = (
                    f"no country where {what} is listed scores higher"
                    if worst_case
                    else f"{what} is listed in no country"
                )
                node.reasons[rt] = (
                    f"inferred tier in an unknown country: own score with no country data is"
                    f" {own.level}; {elsewhere}. Map this tier to replace the inference with"
                    " real data."
                )

    def _raw(
        self,
        sector_id: str,
        commodity: str,
        country: str | None,
        depth: int,
        over: tuple[str, ...] = (),
    ) -> str:
        """The node of a commodity at its origin mix for a buyer in `country`: a raw
        material's, or (`over` its raw sectors) a first-processing stage's at origin."""
        key = (sector_id, commodity, country, over)
        node_id = self._raw_ids.get(key)
        if node_id is None:
            node_id = self._raw_ids[key] = self._new_raw(sector_id, commodity, country, depth, over)
        return node_id

    def _lean(self, sector_id: str, commodity: str, country: str | None) -> str | None:
        """The buyer's own country where it produces the commodity at that stage (a
        published share, a producer whose share is not published, or a listing of the
        commodity's goods there: a Thai shrimp processor's farms are most likely Thai), to
        be leant to; else None."""
        if not country:
            return None
        if any(o.iso3 == country for o in self.profiles.origins.get(commodity, [])):
            return country
        return country if self.profiles.commodity_listings(country, sector_id, commodity) else None

    def _new_raw(
        self,
        sector_id: str,
        commodity: str,
        country: str | None,
        depth: int,
        over: tuple[str, ...] = (),
    ) -> str:
        shares = [o for o in self.profiles.origins.get(commodity, []) if o.iso3 != "CN-XJ"]
        lean = self._lean(sector_id, commodity, country)
        # a stage at the world's origin mix over raw materials that lean to the buyer's
        # country (a Bangladeshi trader's processors of farmed shrimp, over its farms in
        # Bangladesh) says so: ">BGD", so that it is shared only with buyers whose chain
        # beneath it is the same (a Thai trader's processors sit over farms leaning to
        # Thailand); a stage leaning to a country passes that country's lean down alike.
        # (Of artisanal and industrial mines of gold beneath a trader, either may lean.)
        leaning = [] if lean else [r for r in over if self._lean(r, commodity, country)]
        below = country if leaning else None
        node_id = f"inferred:{sector_id}:{_slug(commodity)}@{lean or 'world'}"
        if below:
            node_id += f">{below}"
        if node_id in self.nodes:
            return node_id
        total = sum(o.share_pct or 0.0 for o in shares)
        exact_total = sum((decimal_value(o.share_pct) for o in shares if o.share_pct), Fraction(0))
        of = next((o.of for o in shares if o.share_pct), "production")  # (or capacity)
        origins: list[Origin] = []
        lean_weight = (self.config.scoring.own_country_lean if total else 1.0) if lean else 0.0
        exact_lean = decimal_value(lean_weight)
        for o in shares:
            iso3 = None if o.iso3 == "OTH" else o.iso3
            exact = None
            if o.share_pct and total:
                exact = (1 - exact_lean) * decimal_value(o.share_pct) / exact_total
            if o.iso3 == lean:
                exact = (exact or Fraction(0)) + exact_lean
            origins.append(Origin(iso3, None if exact is None else float(exact), o, exact))
        if lean and lean not in {o.iso3 for o in shares}:  # listed there, no share known
            origins.append(Origin(lean, lean_weight, None, exact_lean))
        # the countries where the commodity's goods are listed but no share is published
        # (shrimp farmed in Thailand, rubber in Myanmar) are producers too: not weighted,
        # but in the worst case, which must not rest on the published shares alone
        known = {o.iso3 for o in origins}
        origins += [
            Origin(iso3, None, None)
            for iso3 in self.profiles.commodity_countries(commodity, sector_id)
            if iso3 not in known
        ]
        expected: dict[str, Score] = {}
        worst: dict[str, tuple[Score, str | None]] = {}
        worst_gaps: dict[str, str] = {}
        evidence: dict[str, list[Evidence]] = {}
        thresholds = self.config.thresholds
        for rt in RISK_TYPES:
            like = sev = prio = Fraction(0)
            top: tuple[Score, str | None] | None = None
            anywhere: tuple[Score, str | None] | None = None  # (over every origin)
            items: list[Evidence] = []
            for origin in origins:
                detail = self._origin_risk(sector_id, origin.iso3, commodity).by_type[rt]
                sc = detail.score
                if origin.exact:  # (the printed figures, four decimals, as decimals)
                    like += origin.exact * decimal_value(sc.likelihood)
                    sev += origin.exact * decimal_value(sc.severity)
                    prio += origin.exact * decimal_value(sc.priority)
                if anywhere is None or sc.priority > anywhere[0].priority:
                    anywhere = (sc, origin.iso3)
                # (a country in the mix by its listing alone, no share published nor leant
                # to, counts in the worst case of the risk types it is listed for: North
                # Korea's gold, listed for forced labour, sets no child-labour worst case
                # from a forced-labour prevalence figure)
                by_listing_alone = origin.weight is None and origin.share is None
                if not (by_listing_alone and detail.floor <= 0) and (
                    top is None or sc.priority > top[0].priority
                ):
                    top = (sc, origin.iso3)
                if detail.floor > 0:
                    # a listed origin: each listing a fact of the DOL list (its year and
                    # source), its share of production a fact of the source of the shares
                    # (none for the buyer's country leant to for its listing alone)
                    items += [e for e in detail.evidence if is_listing_fact(e.indicator)]
                    if origin.share is not None:
                        items.append(_share_fact(self.profiles, origin.share, commodity))
            # (rounded half up, the level that of the printed priority)
            printed = half_up(prio)
            expected[rt] = Score(half_up(like), half_up(sev), printed, thresholds.level(printed))
            # (where every origin is one by its listing alone, none for this risk type: the
            # worst of them all, as the mix holds nothing else)
            top = top or anywhere
            assert top is not None
            worst[rt] = top
            # the flag is raised at the worst origin: the figures its score comes from (its
            # listings are above, with their shares), and what its country data lacks
            at_top = self._origin_risk(sector_id, top[1], commodity)
            items += [e for e in at_top.by_type[rt].evidence if not is_listing_fact(e.indicator)]
            gap = _country_gap(at_top.by_type[rt].country)
            if gap:
                worst_gaps[rt] = gap
            listed = [o for o in origins if o.weight and o.weight >= 0.02]
            mix = ", ".join(f"{o.iso3 or 'other'} {o.weight:.0%}" for o in listed if o.weight)
            # the weighted origins under 2%, summed, so the mix shown adds up to its whole
            rest = [o.weight for o in origins if o.weight and o.weight < 0.02]
            if rest:
                mix += f", {len(rest)} more origin{'s' if len(rest) > 1 else ''} {sum(rest):.0%}"
            unweighted = [o.iso3 or "other" for o in origins if o.weight is None]
            if unweighted:  # known producers whose share is not published weigh nothing
                # (shares rounded by their sources can add up to a little over 100%)
                beyond = ", rounded shares adding up to over 100%" if total > 100 else ""
                mix += (
                    f" (weights from the published shares, {total:g}% of world {of}{beyond};"
                    f" no share in the risk data, so not weighted: {', '.join(unweighted)};"
                    f" the expected figure omits {'it' if len(unweighted) == 1 else 'them'})"
                )
            items.insert(
                0,
                Evidence(
                    f"inferred origin mix for {commodity}"
                    + (
                        f" (leaning {self.config.scoring.own_country_lean:.0%} to {lean})"
                        if lean
                        else ""
                    ),
                    mix,
                    max((o.share.year for o in origins if o.share), default=None),
                    # the publications the shares come from (an overlay, for its own ones)
                    "; ".join(
                        sorted({share_source(self.profiles, o.share) for o in origins if o.share})
                    )
                    or "production shares: none in the risk data",
                    # the weights are ddtool's, made from the shares: not the source's figures
                    note=f"weights by ddtool: the published shares of world {of}, rescaled"
                    " to those the risk data holds"
                    + (
                        f", {self.config.scoring.own_country_lean:.0%} of the weight on {lean}"
                        " (the buyer's own country)"
                        if lean
                        else ""
                    )
                    + "; each share is cited as its source gives it",
                ),
            )
            evidence[rt] = items
        # a mix whose published shares leave much of world production out weighs the rest
        # as nothing: a data gap (the worst case takes in the listed producers, above)
        unweighted = [o.iso3 or "other" for o in origins if o.weight is None]
        gaps = (
            [
                f"origin mix: shares published for {total:g}% of world {commodity} {of}"
                + (
                    f"; the expected figure omits {', '.join(unweighted)} (no share)"
                    if unweighted
                    else ""
                )
            ]
            if total < MIX_COVERAGE_PCT
            else []
        )
        self.nodes[node_id] = InferredSupplier(
            id=node_id,
            sector=sector_id,
            commodity=commodity,
            country=None,
            lean=lean,
            origins=origins,
            expected=expected,
            worst=worst,
            evidence=evidence,
            depth=depth,
            worst_gaps=worst_gaps,
            gaps=gaps,
        )
        if below:
            stages = " and ".join(self.profiles.sectors[r].name.lower() for r in leaning)
            self.nodes[node_id].assumption = (
                f"origin mix of world {commodity} {self.nodes[node_id].shares_of}; the {stages}"
                " beneath it"
                f" leaning to {below} (the buyer's own country)"
            )
        self.supply.add_node(node_id, inferred=True)
        return node_id


# the words of refining (sugar milling covers refineries, which melt raw sugar shipped in)
_REFINED = re.compile(r"(?i)refin|raffin|icumsa")
# a mill's words in a sector text (not the sector's id, "sugar-milling", which covers
# refining too): a mill that sells refined goods refines its own harvest
_A_MILL = re.compile(r"(?i)\bmills?\b|usina|ingenio|trapiche|pabrik gula|moulin|molino|kilang")


# shares adding up to this or more are the whole of a buyer's input (rounded shares: three
# suppliers at 0.333)
WHOLE_SHARE = 0.995


def _places_workers(supplier: Supplier | None) -> bool:
    """Whether a mapped supplier's sector text says it supplies workers, not goods
    ("construction manpower supply", "labour supply contractor - construction"): scored as
    the work its workers do, it buys none of that work's materials, so none are inferred
    beneath it."""
    written = supplier.sector_raw if supplier is not None else None
    return bool(written) and names_a_recruiter(written)


def _reduction_plant(supplier: Supplier) -> bool:
    """Whether a supplier is a fishmeal or fish-oil plant (_FISHMEAL): its sector text or name
    says so ("fishmeal plant", "Pattani Fishmeal Co."), or every product it names is. A
    cannery selling fishmeal from its offcuts beside canned tuna is none: its tuna may be
    landed anywhere."""
    if _FISHMEAL.search(_said_of(supplier)):
        return True
    return bool(supplier.products) and all(_FISHMEAL.search(p) for p in supplier.products)


def _said_of(supplier: Supplier) -> str:
    """What a mapped supplier's own words say of it: its sector text and its name."""
    return f"{supplier.sector_raw or ''} {supplier.name or ''}"


# an exporter's words in a sector text or name ("coffee exporter", "exportadora de café",
# "exportateur"): it exports its country's harvest
_EXPORTER = re.compile(r"(?i)\bexport")
# a wet mill's or washing station's words in its sector text or name: coffee cherries are
# pulped there within hours of picking, near the farms ("washing station", "wet mill",
# "beneficio húmedo", "estación de lavado", "estação de lavagem", "pulpery")
_WET_MILL = re.compile(
    r"(?i)\b(?:washing stations?|wet mills?|beneficio h[uú]medo|estaci[oó]n de lavado|"
    r"esta[cç][aã]o de lavagem|pulper(?:y|ies))\b"
    # (Central America's "beneficio" alone is the wet mill, or one that wet-mills beside
    # drying: not a "beneficio seco", a dry mill, which may buy parchment from afar)
    r"|(?i:\bbeneficio\b(?!\s+seco))"
)
# a coffee dry mill's words, which may hull parchment bought from afar
_DRY_MILL = re.compile(r"(?i)\b(?:beneficio seco|dry mills?|trilladora|hulling)\b")
# fishmeal's and fish oil's words ("fishmeal 65% protein", "fish meal", "harina de pescado",
# "aceite de pescado", "farinha de peixe", "tepung ikan", "ปลาป่น")
_FISHMEAL = re.compile(
    r"(?i)(?:\bfish ?meal|\bfish oil|harina de pescado|aceite de pescado|farinha de peixe|"
    r"[oó]leo de peixe|farine de poisson|huile de poisson|tepung ikan|minyak ikan|ปลาป่น)"
)
_NEAR_A_REDUCTION_PLANT = (
    "fishmeal and fish oil are made from fish landed at the ports near the plant (anchoveta"
    " in Peru, trawl catch in Thailand), not shipped in from the world's fisheries"
)
_NEAR_A_WET_MILL = (
    "coffee cherries are pulped within hours of picking, at a wet mill or washing station"
    " near the farms that grow them"
)
# a cooperative's words in its sector text or name ("cocoa cooperative", "Coopérative
# Agricole", "cooperativa", "co-op", "Genossenschaft", "société coopérative", "SCOOPS")
_COOPERATIVE = re.compile(
    r"(?i)\b(?:co-?op(?:erative)?s?|coop[eé]rative?s?|cooperativas?|cooperativa|"
    r"genossenschaft|koperasi|scoops|scoop[- ]?ca)\b"
)
_OF_ITS_MEMBERS = (
    "a cooperative buys the harvest of its members, farmers near it, not the world's mix"
)
# a first buyer at origin by its words: Ghana's licensed buying companies buy cocoa from the
# country's farmers for the state board, a buying station or centre (tobacco, cocoa) from
# the farmers around it ("licensed buying company", "LBC" beside its good's stage,
# "buying station", "buying centre", "estação de compra")
_FIRST_BUYER = re.compile(
    r"(?i)\b(?:licen[cs]ed buying compan(?:y|ies)|buying (?:stations?|cent(?:re|er)s?)|"
    r"esta[cç][aã]o de compra|centro de compra|puesto de compra)\b"
)
_FROM_FARMERS_NEAR = (
    "a licensed buying company or buying station buys from the farmers of its country,"
    " around it, not the world's mix"
)

# what an intermediate stage in a country not known assumes, by its buyer
_IN_BUYERS_COUNTRY = "stage assumed in the buyer's country"
_UNKNOWN_BUYER = "stage assumed in the buyer's country, which is unknown"
_AWAY = (
    "stage of goods a wholesaler, retailer or brand buys, assumed where it buys them (not in"
    " its own country), which is unknown"
)
_AT_ORIGIN = (
    "raw-material stage whose goods the risk data does not place in the buyer's country (no"
    " listing of its sector there, no production share), assumed where they are produced,"
    " which is unknown"
)


def _assumed_too(node: InferredSupplier, assumed: str) -> None:
    """A stage in a country not known shared by buyers of both kinds (_UNKNOWN_BUYER,
    _AWAY): its assumption says both."""
    other = _UNKNOWN_BUYER if assumed == _AWAY else _AWAY
    text = node.assumption or ""
    if text.startswith(other) and assumed not in text:
        node.assumption = f"{other}, or {assumed[len('stage ') :]}{text[len(other) :]}"


def _share_fact(profiles: Profiles, share: OriginShare, commodity: str) -> Evidence:
    """A listed origin's share of world production of a commodity, as a fact of the source
    the share comes from (its year; blank where the source names the producer only)."""
    return Evidence(
        f"origin {display_name(share.iso3)}: share of world {commodity} {share.of} (%)",
        share.share_pct if share.share_pct is not None else "no share in the risk data",
        share.year,
        share_source(profiles, share),
        note="a listed origin in the mix"
        + ("" if share.share_pct is not None else " (a known producer, no share in the risk data)")
        + (
            f"; the share from the overlay {share.overlay}"
            f" {behind_note(profiles, share.source_id, share.source_name)}"
            if share.overlay
            else ""
        ),
    )


def share_source(profiles: Profiles, share: OriginShare) -> str:
    """The source a production share is credited to: the overlay that gives it (the user's
    figure: the source it names is the one behind it), else its publication."""
    if share.overlay:
        return overlay_credit(share.overlay)
    src = profiles.sources.get(share.source_id)
    return src.name if src else share.source_name


def _country_gap(country: CountryScore) -> str | None:
    """What a country score's data lacks ("no country data", "little country data (15%)"),
    as a supplier's data gaps say it; None when nothing (or no country: "other")."""
    if country.iso3 is None:
        return None
    if country.no_data:
        return "no country data"
    thin = country.thin or country.unrated
    return f"little country data ({coverage_text(country)})" if thin else None


# a node's own figures for the roll-up: per risk type (in RISK_TYPES order) its maximum (its
# worst case) and its expected priority, and the risk types its level rests on missing data
# of, one bit each (GAP_BITS; its maximum of each is below critical: document.gaps_rested_on)
Own = tuple[Sequence[Score], Sequence[float], int]
# the bit of each risk type in an Own's risk types resting on missing data, and in GapsBeneath
GAP_BITS = {rt: 1 << i for i, rt in enumerate(RISK_TYPES)}
# the nodes whose exposure data gaps bear on (a node resting on missing data of the risk type
# at or beneath it, what its missing data hides may be worse; the level below critical,
# which nothing can raise), each with those risk types (GAP_BITS); the others have none
GapsBeneath = dict[str, int]


def gap_beneath(gaps: Mapping[str, int], node: str, risk_type: str) -> bool:
    """Whether data gaps bear on a node's exposure of this risk type (see GapsBeneath)."""
    return bool(gaps.get(node, 0) & GAP_BITS[risk_type])


def roll_up_exposure(
    supply: SupplyGraph, own: Mapping[str, Own]
) -> tuple[dict[str, dict[str, Exposure]], GapsBeneath]:
    """One reverse-topological pass: every node gets the maximum and weighted exposure
    beneath, and whether data gaps bear on it.

    `own` holds each node's own figures, one per risk type in RISK_TYPES order: the
    maximum (its worst case) and the expected priority (a printed figure, four decimals),
    and the risk types its level rests on missing data of (GAP_BITS); a node without is
    taken as zero. The exposures have the nodes with suppliers first, then the others;
    GapsBeneath holds only the nodes whose exposure data gaps bear on.

    A weighted figure is worked out as the methodology's section 3.7 works every step: from
    the printed weighted figures of the suppliers (whole ten-thousandths), weighed by their
    shares as written (decimals, not binary floats), rounded once half up (half_up_units),
    so that the printed figures beneath worked out by hand give the printed figure.
    """
    succ = supply.succ
    order = supply.order
    assert order is not None, "exposure needs an acyclic chain"
    count = len(RISK_TYPES)
    nothing: Own = ((Score(0.0, 0.0, 0.0, "low"),) * count, (0.0,) * count, 0)
    weights_for: dict[tuple[float | None, ...], tuple[list[int], int]] = {}
    # each distinct expected-priority figure in whole ten-thousandths (suppliers with the
    # same score share theirs), by the figure object's id: made once, when first met
    units_of: dict[int, tuple[int, ...]] = {}
    nodes = order[::-1]
    critical, (bit0, bit1, bit2) = LEVELS[-1], GAP_BITS.values()
    # per node with suppliers: the maximum beneath it per risk type, where it sits, the
    # weighted figure (in ten-thousandths) and the risk types resting on missing data at
    # or beneath it; a node without suppliers (most of them) has its own figures
    tops: dict[str, tuple[list[Score], list[str], tuple[int, int, int], int]] = {}
    for node in compress(nodes, map(succ.__getitem__, nodes)):
        links = succ[node]
        # the suppliers in id order, whatever order the file lists them in
        children = sorted(links) if len(links) > 1 else list(links)
        shares = tuple([links[child].get("share") for child in children])
        weighing = weights_for.get(shares)
        if weighing is None:
            weighing = weights_for[shares] = _child_weights(shares)
        weights, denominator = weighing
        # the three risk types written out (this loop runs once per supply link): the
        # maximum t, where it sits s, and the weighted sum m of each (whole numbers over
        # the denominator); g the risk types low on missing data (one bit each)
        (t0, t1, t2), expected, g = own.get(node, nothing)
        e0, e1, e2 = units_of.get(id(expected)) or _units(expected, units_of)
        s0 = s1 = s2 = node
        m0 = m1 = m2 = 0
        for child, w in zip(children, weights, strict=True):
            below = tops.get(child)
            if below is None:  # no suppliers of its own
                (c0, c1, c2), beneath, b = own.get(child, nothing)
                x0, x1, x2 = units_of.get(id(beneath)) or _units(beneath, units_of)
                w0 = w1 = w2 = child
            else:
                (c0, c1, c2), (w0, w1, w2), (x0, x1, x2), b = below
            # the highest priority; on a tie the node's own score, then the smallest id
            p, q = c0.priority, t0.priority
            if p > q or (p == q and s0 != node and w0 < s0):
                t0, s0 = c0, w0
            p, q = c1.priority, t1.priority
            if p > q or (p == q and s1 != node and w1 < s1):
                t1, s1 = c1, w1
            p, q = c2.priority, t2.priority
            if p > q or (p == q and s2 != node and w2 < s2):
                t2, s2 = c2, w2
            m0 += w * x0
            m1 += w * x1
            m2 += w * x2
            g |= b
        if g:  # (no gap bears on a critical maximum, nor on any above it: all critical)
            if t0.level == critical:
                g &= ~bit0
            if t1.level == critical:
                g &= ~bit1
            if t2.level == critical:
                g &= ~bit2
        mixed = (
            max(e0, half_up_units(m0, denominator)),
            max(e1, half_up_units(m1, denominator)),
            max(e2, half_up_units(m2, denominator)),
        )
        tops[node] = ([t0, t1, t2], [s0, s1, s2], mixed, g)
    # the figures one after another (for the Exposure objects): the nodes with suppliers,
    # then those without, with their own figures
    scores = list(chain.from_iterable(map(itemgetter(0), tops.values())))
    sources = list(chain.from_iterable(map(itemgetter(1), tops.values())))
    rest = list(filterfalse(succ.__getitem__, nodes))
    owns = list(map(own.get, rest, repeat(nothing)))
    scores += chain.from_iterable(map(itemgetter(0), owns))
    sources += chain.from_iterable(map(repeat, rest, repeat(count)))
    weighted = _printed(list(map(itemgetter(2), tops.values())), owns, units_of)
    every = [*tops, *rest]
    # (a node without suppliers has bits only below critical: see Own)
    gaps = [*map(itemgetter(3), tops.values()), *map(itemgetter(2), owns)]
    bearing = dict(compress(zip(every, gaps, strict=True), gaps))
    return _exposures(every, scores, sources, weighted), bearing


def _child_weights(shares: tuple[float | None, ...]) -> tuple[list[int], int]:
    """Shares as given (the decimals written); suppliers without a share split the rest
    equally; then normalised (equal weights if they are all 0): as whole numbers over one
    denominator, so that a weighted sum of whole ten-thousandths is exact."""
    given = [None if v is None else decimal_value(v) for v in shares]
    known = sum((v for v in given if v is not None), Fraction(0))
    unknown = given.count(None)
    rest = max(Fraction(0), 1 - known) / unknown if unknown else Fraction(0)
    weights = [v if v is not None else rest for v in given]
    total = sum(weights, Fraction(0))
    if total <= 0:
        weights = [Fraction(1, len(weights))] * len(weights)
    else:
        weights = [w / total for w in weights]
    denominator = lcm(*(w.denominator for w in weights))
    return [w.numerator * (denominator // w.denominator) for w in weights], denominator


def _units(figure: Sequence[float], units_of: dict[int, tuple[int, ...]]) -> tuple[int, ...]:
    """A node's own expected priorities (printed figures, four decimals) in whole
    ten-thousandths, kept by the figure object's id for the suppliers that share it."""
    units = units_of[id(figure)] = tuple([round(value * 10_000) for value in figure])
    return units


def _printed(
    worked: list[tuple[int, int, int]], owns: list[Own], units_of: dict[int, tuple[int, ...]]
) -> list[float]:
    """The weighted figures one after another as printed: those worked out (in
    ten-thousandths), then the own figures of the nodes without suppliers."""
    rest = (units_of.get(id(own[1])) or _units(own[1], units_of) for own in owns)
    units = chain(chain.from_iterable(worked), chain.from_iterable(rest))
    return [unit / 10_000 for unit in units]


def _exposures(
    nodes: list[str], scores: list[Score], sources: list[str], weighted: list[float]
) -> dict[str, dict[str, Exposure]]:
    """{node: {risk type: Exposure(score, source, weighted)}} from flat lists (one entry per
    node and risk type, in RISK_TYPES order). Three Exposure objects per supplier: made in
    a few C-level passes (see made_from_columns), they cost less than the whole roll-up."""
    made = made_from_columns(Exposure, len(scores), score=scores, source=sources, weighted=weighted)
    return dict(zip(nodes, _per_key(made, RISK_TYPES), strict=True))


def _per_key(values: list[V], keys: tuple[str, ...]) -> list[dict[str, V]]:
    """Consecutive runs of values, one per key, as {key: value} dicts."""
    runs = zip(*[iter(values)] * len(keys), strict=True)
    if len(keys) == 3:  # the three risk types: a dict display is twice as fast
        first, second, third = keys
        return [{first: a, second: b, third: c} for a, b, c in runs]
    return list(map(dict, map(zip, repeat(keys), runs)))


def _made_without(sector: Sector, words: list[str]) -> bool:
    """Whether a product's words (text_key's) name a material that replaces the sector's
    commodity (Sector.replaced_by) and, those materials' words aside (with a 'rubber' or
    'latex' right after one: 'nitrile rubber'), nothing of the commodity: none of the
    sector's own names (its id, name, aliases and commodities, each as a run of words), nor
    'rubber', 'latex' or 'natural' alone ('pvc and rubber boots'), nor a blend of it
    ('hybrid', 'blend': 'hybrid nitrile-latex gloves')."""
    rest = list(words)
    found = False
    # (as text_key reads the product: "100% viscose rayon" is "100 viscose rayon")
    for material in sorted(sector.replaced_by, key=lambda m: -len(text_key(m).split())):
        run = text_key(material).split()
        i = 0
        while i + len(run) <= len(rest):
            if rest[i : i + len(run)] == run:
                end = i + len(run)
                if end < len(rest) and rest[end] in _OF_A_MATERIAL:
                    end += 1  # ('nitrile rubber', 'silicone rubber': the material's)
                rest[i:end] = ["|"]
                found = True
            i += 1
    if not found or not _OF_THE_COMMODITY.isdisjoint(rest):
        return False
    # another material joined to it, named otherwise than by the commodity's names ('tote
    # bags of jute and canvas', 'denim jeans with jute patch', 'wool rugs with jute backing'):
    # not wholly of the material; two that replace it joined are ('burlap and jute sacking')
    for i, word in enumerate(rest):
        if word in _MATERIALS_JOINED and not _OTHER_MATERIALS.isdisjoint(rest[i + 1 :]):
            return False
    names = (sector.id.replace("-", " "), sector.name, *sector.aliases, *sector.commodities)
    for name in names:
        run = text_key(name).split()
        if run and any(rest[i : i + len(run)] == run for i in range(len(rest))):
            return False
    return True


def _wholly_recycled(product: str) -> bool:
    """Whether a product says it is recycled material ('recycled gold', 'reclaimed silver',
    'post-consumer recycled polyester', 'oro reciclado', 'oro da recupero'), scrap ('scrap
    gold', 'dental scrap', 'scrap tyres') or a metal's secondary form ('secondary lead'), and
    not that it is in part or may not be ('30% recycled polyester', 'recycled cotton blend',
    'recycled and mined gold', 'non-recycled', 'virgin or recycled'). Words of other senses
    are none: what is made for recycling ('recycling bags', 'cocoa shells for recycling'), a
    secondary battery or school, what is recovered from a catch or a mine's tailings, the
    scrap of a fish or of mica (picked at the mines)."""
    words = text_key(product).split()
    recycled = (
        not _RECYCLED_WORDS.isdisjoint(words)
        or (not _SCRAP.isdisjoint(words) and _NOT_SCRAP.isdisjoint(words))
        or (_SECONDARY in words and not _METALS.isdisjoint(minerals_in_english(words)))
    )
    # (a share is a part, but for the whole: "100% recycled polyester")
    shares = _WHOLE_SHARE.sub("", product)
    return recycled and _NOT_WHOLLY_RECYCLED.isdisjoint(words) and not any(map(str.isdigit, shares))


# a share of the whole, "100%" or "100 %", written before a material
_WHOLE_SHARE = re.compile(r"(?<![\d.,])100\s?%")


# the words that say a material is recycled, in English, French, Spanish, Portuguese,
# Italian and German (text_key's forms); a scrap's words, and a secondary metal's; and
# those that say it is recycled in part, or not at all
_RECYCLED_WORDS = frozenset(
    text_key(word)
    for word in [
        "recycled",
        "reclaimed",
        "rpet",
        "remelted",
        "upcycled",
        "recyclé",
        "recyclée",
        "reciclado",
        "reciclada",
        "reciclados",
        "riciclato",
        "riciclata",
        "riciclati",
        "recupero",
        "reciclagem",
        "reciclaje",
        "recycelt",
        "recyceltes",
        "altgold",
    ]
)
_SCRAP = frozenset({"scrap", "scraps", "escrap"})
_SECONDARY = "secondary"  # (of a metal: "secondary lead", smelted from scrap)
# the goods whose scrap is caught, grown or mined, not recycled: a fish's trimmings, mica's
# flakes picked at the mines
_NOT_SCRAP = frozenset(
    text_key(word)
    for word in [
        "fish",
        "fishes",
        "seafood",
        "tuna",
        "shrimp",
        "squid",
        "meat",
        "mica",
        "phlogopite",
        "muscovite",
        "biotite",
        "flakes",
    ]
)
_METALS = frozenset(
    text_key(word)
    for word in [
        "gold",
        "silver",
        "platinum",
        "palladium",
        "copper",
        "tin",
        "tantalum",
        "tungsten",
        "cobalt",
        "lithium",
        "nickel",
        "zinc",
        "lead",
        "aluminium",
        "aluminum",
        "brass",
        "bronze",
        "steel",
        "iron",
        "metal",
        "metals",
        "jewellery",
        "jewelry",
    ]
)
_NOT_WHOLLY_RECYCLED = frozenset(
    text_key(word)
    for word in [
        "non",
        "not",
        "virgin",
        "primary",
        "mined",
        "newly",
        "new",
        "partly",
        "partially",
        "part",
        "blend",
        "blended",
        "mixed",
        "mix",
        "content",
        "or",
        "and",
    ]
)


# the words after a material that are its own ('nitrile rubber', 'synthetic latex'), and the
# words that, left beside it, name natural rubber or a blend with it (_made_without)
_OF_A_MATERIAL = frozenset({"rubber", "latex"})
_OF_THE_COMMODITY = frozenset({"rubber", "latex", "natural", "hybrid", "blend", "blended"})
_MATERIALS_JOINED = frozenset({"and", "with", "plus", "y", "et", "und", "e"})
# the materials such a word may join to it ("jute and canvas", "with jute backing" of wool):
# fibres and cloths of cotton or other, and rubber's ('nitrile gloves with textured
# fingertips', 'jute sacks with printed logo' join none)
_OTHER_MATERIALS = frozenset(
    text_key(word)
    for word in [
        "cotton",
        "canvas",
        "denim",
        "khadi",
        "jersey",
        "twill",
        "poplin",
        "muslin",
        "calico",
        "drill",
        "wool",
        "woollen",
        "silk",
        "linen",
        "hemp",
        "polyester",
        "nylon",
        "acrylic",
        "viscose",
        "rayon",
        "rubber",
        "latex",
        "natural",
        "fabric",
        "cloth",
        "textile",
    ]
)
