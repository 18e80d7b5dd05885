"""The pipeline: read → normalise → validate → graph → score → infer → propagate → flag → remediate.

No printing here; the CLI renders the result.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import compress
from math import isfinite
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, cast

from ddtool import __version__
from ddtool.collector import collector_paused
from ddtool.config import Config, load_config
from ddtool.deferred import Deferred, ahead, resolved
from ddtool.document import (
    EXPOSURE_GAPS,
    EXPOSURE_ON_A_GAP,
    GUESSED,
    INFERRED_GAP,
    NOTHING_FOLLOWED,
    UNMAPPED_BELOW,
    basis_id_of,
    denied_below,
    gap_bears,
    gaps_rested_on,
    held_labels,
    of_its_score,
    recycled_below,
    replaced_below,
    unmodelled_below,
)
from ddtool.errors import DdtoolError, InputError, Location, Problem, ProblemList, path_text
from ddtool.graph import SupplyGraph, build_graph, extend_tiers, told_with_unread_buyers
from ddtool.model import LEVELS, RISK_TYPES, Chain, Supplier
from ddtool.nested import rebuilt
from ddtool.profiles import Profiles, load_profiles
from ddtool.propagation import (
    GAP_BITS,
    Exposure,
    GapsBeneath,
    Inference,
    InferredSupplier,
    Own,
    roll_up_exposure,
    share_source,
)
from ddtool.reference.countries import display_name, sentence_name
from ddtool.remediation import UNKNOWN, HandledBeneath, Handles, select_measures
from ddtool.reporters.json_report import INDENT_LIMIT, INTEGERS, item_pieces, value_pieces
from ddtool.reporters.shown import gap_level, shown_rank
from ddtool.scoring import (
    RECRUITER_GAP,
    SEVERITY_FACT,
    Evidence,
    RiskDetail,
    Score,
    Scorer,
    SupplierRisk,
    coverage_text,
    gap_below_medium,
    sent_material,
    worst_case_evidence,
)
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.normalise import SectorMatch

# 2.1: the supplier entries' certifications and audits; 2.2: the bases' measures_not_shown;
# 2.3: the data gaps that bear on the summary's exposure (`data_gaps`), and a supplier
# exposure's `on_a_gap`; 2.4: a tier-1 ranking entry's `on_a_gap`, the ranking putting a
# level on which data gaps bear above the same level known; 2.5: a downstream listing's
# `risk_types`; 2.6: the data gaps that bear on an exposure (`data_gaps`, `on_a_gap`) are
# those of every supplier whose level rests on missing data at any level but critical
# (document.gaps_rested_on), no longer of those whose level is low alone
SCHEMA_VERSION = "2.7"


@dataclass(slots=True)
class AssessOptions:
    """Everything that shapes an assessment (recorded in the JSON for reproduction)."""

    profiles: list[Path] = field(default_factory=list)
    config: Path | None = None
    read: ReadOptions = field(default_factory=ReadOptions)
    company: str | None = None
    as_of: dt.date | None = None
    settings: Config | None = None  # used instead of reading `config` (verification)
    # the JSON will be written: its large parts are then built ahead (in a second process,
    # where one can run) while the rest of the document is built
    ahead: bool = False


@dataclass(slots=True)
class Assessment:
    """The result: the JSON document plus the objects `explain` and the terminal need."""

    chain: Chain
    supply: SupplyGraph
    risks: dict[str, SupplierRisk]
    inferred: dict[str, InferredSupplier]
    # the suppliers with nothing mapped nor inferred beneath them, each with its gap: the
    # traders of anything (NOTHING_FOLLOWED), those whose products deny what their sector's
    # inputs hold (document.DENIED_BELOW)
    unfollowed: Mapping[str, str]
    exposure: dict[str, dict[str, Exposure]]
    # the nodes whose exposure data gaps bear on, with the risk types (see GapsBeneath)
    gaps_beneath: GapsBeneath
    warnings: list[Problem]
    profiles: Profiles
    config: Config
    # the suppliers of no sector read as traders of the goods their products name, with
    # nothing mapped beneath them covering those goods: each with its `read-as-trader`
    # warning's message (explain says it)
    read_as_trader: Mapping[str, str] = field(default_factory=dict)
    # the JSON document; some values may still be `Deferred` (the JSON writer takes them
    # as they are, everything else reads `data`)
    document: dict[str, Any] = field(default_factory=dict)
    # what the document's supplier entries and flags are made from (see glance)
    parts: _Glance | None = None

    @property
    def data(self) -> dict[str, Any]:
        """The whole JSON document."""
        return resolved(self.document)

    def glance(self, top: int, tree: int) -> dict[str, Any]:
        """The document as the terminal report reads it: every value, except that the flags
        are only those of the `top` suppliers flagged highest, the supplier entries only
        those that these flags and the first `tree` nodes of the chain tree show, and the
        bases are in the order they were made (the JSON sorts them by id).

        On a large chain this spares building every entry and flag for a screenful (the
        JSON writer's second processes have them): the terminal report shows the same.
        """
        values = [self.document.get(key) for key in ("suppliers", "flags", "bases")]
        if self.parts is None or not any(isinstance(v, Deferred) for v in values):
            return self.data
        return {**self.document, **self.parts.glance(top, tree)}

    def close(self) -> None:
        """Stop work started ahead for a JSON that will not be written."""
        for value in self.document.values():
            if isinstance(value, Deferred):
                value.close()

    def to_json(self) -> str:
        from ddtool.reporters.json_report import dumps

        return dumps(self.data)


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC datetime (reproducible builds), if set; a value that is no
    date is an error (ignoring it would give a run the user believes pinned, but is not)."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return None
    try:
        # the reproducible-builds rule: ASCII digits only, as `date +%s` prints them; int()
        # alone would take "1_767_225_600", "+1767225600", " 1767225600" and other scripts'
        # digits, so one value would pin a run here and be refused by other tools
        if not (value.isascii() and value.isdigit()):
            raise ValueError(value)
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise DdtoolError(
            f"SOURCE_DATE_EPOCH={value[:40]!r} is not a date: give whole seconds since"
            " 1970-01-01 UTC (1767225600 is 2026-01-01), or unset it"
        ) from None


def utc_today() -> dt.date:
    """Today's date in UTC, the clock generated_at and SOURCE_DATE_EPOCH read: the local date
    would give one input, at one moment, other levels on a machine set to another time zone
    (a certificate valid until yesterday in UTC still valid where it is not yet midnight)."""
    return dt.datetime.now(dt.UTC).date()


def run_date() -> dt.date:
    """The as-of date when none is given: SOURCE_DATE_EPOCH's date in UTC, else today's."""
    pinned = source_date()
    return pinned.date() if pinned else utc_today()


def flag_id(supplier_id: str, risk_type: str) -> str:
    """A flag id that stays the same across runs and years for the same supplier and risk."""
    return "FL-" + hashlib.sha1(f"{supplier_id}|{risk_type}".encode()).hexdigest()[:10]


_RANK = {level: i for i, level in enumerate(LEVELS)}


def inferred_name(node: InferredSupplier, stage: str) -> str:
    """The name every report gives an inferred supplier, from its stage's sector name:
    "inferred cocoa farming (cocoa beans)", "inferred garment manufacturing in Bangladesh"."""
    return (
        f"inferred {stage.lower()}"
        + (f" ({node.commodity})" if node.commodity else "")
        + (f" in {display_name(node.country)}" if node.country else "")
    )


def _level_at_least(level: str, minimum: str) -> bool:
    return _RANK[level] >= _RANK[minimum]


class _Stages:
    """Wall-clock time per pipeline stage (read by the benchmark)."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into
        self.last = time.perf_counter()

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        if self.into is not None:
            self.into[stage] = self.into.get(stage, 0.0) + now - self.last
        self.last = now


def assess(
    paths: list[Path],
    options: AssessOptions | None = None,
    timings: dict[str, float] | None = None,
) -> Assessment:
    """Assess a chain; raises InputError (with every located problem) when the input is bad.

    `timings`, when given, receives the seconds spent in each stage.
    """
    with collector_paused():  # millions of small objects, none freed until the end
        return _assess(paths, options, timings)


def _assess(
    paths: list[Path], options: AssessOptions | None, timings: dict[str, float] | None
) -> Assessment:
    stages = _Stages(timings)
    options = options or AssessOptions()
    config = options.settings or load_config(options.config)
    # (already merged when the command line read the config first: merged again alike)
    config.merge_reading(options.read, options.config)
    profiles = load_profiles(options.profiles)
    pinned = source_date()
    as_of = options.as_of or (pinned.date() if pinned else utc_today())
    stages.done("profiles")
    chain, problems = read_chain(paths, options.read, profiles, options.company, stages.done)
    # thresholds that leave a supplier of no data below medium: allowed, and said
    below = gap_below_medium(config, str(options.config) if options.config else None)
    if below is not None:
        problems.extend([below])
    paths = [Path(file) for file in chain.files]  # (each once: a file given again is read once)
    graph_problems = ProblemList()
    supply = build_graph(chain, graph_problems, stages.done, options.read.max_tiers)
    problems.extend(
        told_with_unread_buyers(
            graph_problems, problems, chain.unread_sheets, options.read.sheet is not None
        )
    )
    if not chain.suppliers and not problems.has_errors():
        problems.error("no-suppliers", "no suppliers found", Location(str(paths[0])))
    if problems.has_errors():
        raise InputError(problems.errors + problems.warnings, _company_named(chain, problems))
    stages.done("validate")

    scorer = Scorer(profiles, config, as_of)
    problems.extend(chain.dates_after(as_of))
    sector_of: dict[str, str | None] = {}
    risks: dict[str, SupplierRisk] = {}
    guessed: dict[tuple[tuple[str, ...], str | None], str | None] = {}
    # (_worked_not_grown, per sector text and products)
    meant: dict[tuple[str, tuple[str, ...]], str | None] = {}
    # (_sector_at_site, per sector text and products)
    sited: dict[tuple[str, tuple[str, ...], str | None], str | None] = {}
    # the suppliers of no sector, none taken from their products either, whose products the
    # inference reads as a general trader's (see Inference.run): (supplier, the raw sector
    # its products name, if one does, and whether the risk data says its country produces
    # none of its goods: else it is only not among their main producers listed)
    by_products: list[tuple[str, str | None, bool]] = []
    without_country = without_sector = 0  # counted here, where every supplier is read
    for supplier_id, supplier in supply.suppliers.items():
        without_country += supplier.country is None
        sector = supplier.sector
        # (one guessed from the products below is still a sector the file does not give)
        without_sector += sector is None
        scored_as = None  # a raw sector it is scored as, read as a trader all the same
        at_site = None
        if sector is None and supplier.products:
            at_site = _sector_at_site(supplier, profiles, sited)
        if (
            sector is None
            and supplier.products
            and (_worked_not_grown(supplier, profiles, meant) or at_site == "")
        ):
            # a sector text not recognised that reads as a stage working goods ("tin
            # smelterr"): its products are what it works, not what it mines, grows or
            # catches, so no farm, mine or vessel is taken from them; its goods' chain is
            # inferred beneath it as beneath a trader, and its own score is a sector's not
            # known
            by_products.append((supplier_id, None, False))
        elif at_site:
            # a site working the goods its products name, of the one stage of their chain
            # that works them ("processing plant" of "frozen shrimp": seafood processing),
            # taken from its products as a sector guessed from them is
            sector = at_site
        elif sector is None and supplier.products and not _ruled_out(supplier, profiles):
            key = tuple(supplier.products)
            where = (key, supplier.country)
            if where not in guessed:  # a sector guessed from products, when they agree (a
                # worked good, "", says the supplier is in no sector of its grower's)
                said = {profiles.product_sector_in(p, supplier.country) for p in key} - {None}
                guessed[where] = next(iter(said)) or None if len(said) == 1 else None
            sector = guessed[where]
            # a farm, mine or vessel only where the country is a source of its goods: a
            # Bremen trader of "cocoa beans" is no cocoa farm (taken for one, it would stand
            # for the farms beneath its buyer). Where the risk data cannot say its country
            # produces none (a Seychelles supplier of "tuna": the fish's list holds only the
            # ten largest producers), it may be either: its goods' chain is inferred beneath
            # it as beneath a trader, and it is scored as the raw sector there, which is
            # never below a sector not known (Scorer._guessed): the higher of both readings
            if sector is not None and not profiles.grows_there(sector, supplier.country, key):
                ruled_out = profiles.none_there(sector, supplier.country, key)
                by_products.append((supplier_id, sector, ruled_out))
                scored_as = None if ruled_out else sector
                sector = None
            elif sector is None:
                by_products.append((supplier_id, None, False))
        sector_of[supplier_id] = sector
        risks[supplier_id] = scorer.score_supplier(supplier, scored_as or sector)
    stages.done("score")

    inference = Inference(supply, profiles, scorer, config)
    # whatever such a supplier is, it handles the goods its products name: their chain is
    # inferred beneath it as beneath a trader naming them (a Bremen supplier of "cocoa
    # beans" is no farm, and its buyer's cocoa farms are still beneath it); its own score
    # stays that of a sector not known
    inference.run(sector_of, chain.company, [sid for sid, _, _ in by_products])
    # (a supplier working material its buyers send it: its facts of a listed good it handles
    # say that the listing is with the buyers' sources, not in its exposure)
    sent: dict[tuple[int, tuple[str, ...]], SupplierRisk] = {}
    for supplier_id, buyers in inference.commissioned.items():
        risk = risks[supplier_id]
        if risk.handled:
            once = (id(risk), buyers)
            if once not in sent:
                sent[once] = sent_material(risk, tuple(_named(supply, b) for b in buyers))
            risks[supplier_id] = sent[once]
    read_as_trader = _traded_by_products(chain, supply, inference, by_products, profiles, meant)
    _drop_told_sectors(problems, chain, supply, read_as_trader, meant)
    problems.extend(list(read_as_trader.values()))
    extend_tiers(supply, inference.nodes)
    unfollowed = dict.fromkeys(inference.unfollowed, NOTHING_FOLLOWED)
    unfollowed.update((sid, denied_below(goods)) for sid, goods in inference.denied_below.items())
    unfollowed.update(
        (sid, replaced_below(goods)) for sid, goods in inference.replaced_below.items()
    )
    unfollowed.update(
        (sid, recycled_below(goods)) for sid, goods in inference.recycled_below.items()
    )
    unfollowed.update(
        (sid, unmodelled_below(minerals)) for sid, minerals in inference.unmodelled_below.items()
    )
    stages.done("infer")

    # The flags need the scores and the inference, not the roll-up: if the JSON will be
    # written, a second process builds and serialises them while this one rolls up.
    flagged = _Flagging(
        supply,
        risks,
        inference.nodes,
        unfollowed,
        sector_of,
        (without_country, without_sector),
        profiles,
        config,
    )
    big = options.ahead and len(flagged.order) > INDENT_LIMIT
    try:
        if big:
            ahead([(flagged.flags, value_pieces), (flagged.bases, value_pieces)])
        stages.done("flag")

        # each node's own figures (its worst case, its expected priority, the risk types
        # its level rests on missing data of); suppliers share score objects, so each
        # distinct one is read once and handed out in C-level passes
        gapped = _GapsRestedOn(flagged, inference)
        risk_ids = list(map(id, risks.values()))
        distinct = dict(zip(risk_ids, risks.values(), strict=True))
        own_of = {key: _own(r, gapped.of_score(r)) for key, r in distinct.items()}
        own: dict[str, Own] = dict(zip(risks, map(own_of.__getitem__, risk_ids), strict=True))
        # (and those beneath which nothing is known: that gap is one of their own score)
        own.update(
            (sid, gapped.with_below(own[sid], risks[sid], below))
            for sid, below in unfollowed.items()
        )
        for node_id, node in inference.nodes.items():
            own[node_id] = (
                tuple(node.worst[rt][0] for rt in RISK_TYPES),
                tuple(node.expected[rt].priority for rt in RISK_TYPES),
                gapped.inferred_bits.get(node_id, 0),
            )
        exposure, gaps_beneath = roll_up_exposure(supply, own)
        stages.done("propagate")

        result = Assessment(
            chain=chain,
            supply=supply,
            risks=risks,
            inferred=inference.nodes,
            unfollowed=unfollowed,
            exposure=exposure,
            gaps_beneath=gaps_beneath,
            warnings=problems.warnings,
            profiles=profiles,
            config=config,
            read_as_trader={sid: w.message for sid, w in read_as_trader.items()},
        )
        entries = _Entries(result, sector_of, flagged.shared)
        result.document = _document(
            result, paths, options, as_of, flagged, entries, pinned, gapped.texts
        )
        result.parts = _Glance(flagged, entries)
        if big:  # a second process builds and serialises the last supplier entries
            ahead([(result.document["suppliers"], item_pieces)])
    except BaseException:  # no assessment to close: stop the work started ahead here
        flagged.flags.close()
        flagged.bases.close()
        raise
    stages.done("document")
    return result


def _company_named(chain: Chain, problems: ProblemList) -> str | None:
    """The company's name, for an anonymised batch summary to keep out of the problems it
    quotes: the name the input gives, or the file's it is named after (as files often are,
    "Zeller Handels KG.yaml"); not a file's name that is one plain word ("chain.csv": every
    "chain" of a message is no company's name)."""
    name = chain.company.name
    from_file = chain.company.location is None or any(
        p.type in ("company-name", "template-company") for p in problems.warnings
    )
    if from_file and name.isalpha() and name.islower():
        return None
    return name


def _suggested_ids(found: SectorMatch) -> list[str]:
    """The sector ids a did-you-mean suggestion names ("'garment-manufacturing' (Garment
    manufacturing)": garment-manufacturing)."""
    return re.findall(r"'([a-z0-9-]+)' \(", found.suggestion or "")


def _ruled_out(supplier: Supplier, profiles: Profiles) -> bool:
    """Whether the sector as written says why it has none: a guess from the products would
    undo that ("tea trading" with products "tea" is no tea farm; a labour recruiter's
    products are not its work)."""
    written = supplier.sector_raw
    if written is None:
        return False
    found = profiles.match_sector(written)
    if found.note is None:
        return False
    # (but a misspelling of the very sector its products are the made goods of: "garmnet
    # manufacturing" of "t-shirts" is garment manufacturing, taken from them)
    ids = _suggested_ids(found)
    named = {profiles.product_sector_in(p, supplier.country) for p in supplier.products}
    return not (len(ids) == 1 and named - {None, ""} == {ids[0]} and None not in named)


# words that say a supplier grows, mines or catches what it names, or gathers it from those
# who do ("shrimp producer", "cobalt cooperative", "palm holdings"): a text holding one is
# never read as a misspelt processing stage
RAW_WORDS = frozenset(
    [
        "producer",
        "producers",
        "cooperative",
        "cooperatives",
        "coop",
        "co-op",
        "grower",
        "growers",
        "farmer",
        "farmers",
        "farm",
        "farms",
        "miner",
        "miners",
        "mine",
        "mines",
        "plantation",
        "plantations",
        "estate",
        "estates",
        "holding",
        "holdings",
        "smallholder",
        "smallholders",
        "fisher",
        "fishers",
        "fishermen",
        "fishery",
        "fisheries",
    ]
)
# the words of a site or stage that works goods ("processing plant", "peeling shed",
# "pre-processing", "enlatadora", "pengolahan"), in a sector text not recognised: its
# products are what it works, not what it grows, mines or catches
_WORK_SITE = re.compile(
    r"(?i)(?<![\w-])(?:(?:pre-?)?process(?:ing|ors?)?|plants?|factory|factories|"
    # (a maker of a raw good is its factory: "tea manufacturer")
    r"manufactur(?:er|ers|ing)|"
    r"cannery|canneries|canning|packing|packers?|packhouse|peeling|peelers?|loining|"
    r"filleting|f[aá]bricas?|plantas?|procesadora|empacadora|enlatadora|"
    r"conservera|usine|conserverie|pabrik|pengolahan|mills?|moulin|molino|moinho|"
    # (and a German compound's mill: "Reismühle", "Ölmühle")
    r"\w*m(?:ü|ue)hlen?)(?![\w-])"
)
# the words of a vessel: a "factory trawler" processes its catch at sea, and catches it
_VESSEL_WORDS = re.compile(r"(?i)\b(?:vessels?|trawlers?|ships?|boats?|fleets?|kapal|barcos?)\b")


def _site_of_work(written: str | None) -> str | None:
    """The word of a site or stage working goods in a sector text ("processing plant":
    'processing'), where the text holds no producer's word (RAW_WORDS) and no vessel's;
    else None."""
    if not written:
        return None
    found = _WORK_SITE.search(written)
    if found is None or _VESSEL_WORDS.search(written):
        return None
    if not RAW_WORDS.isdisjoint(re.findall(r"[\w-]+", written.lower())):
        return None
    return found.group(0)


def _sector_at_site(
    supplier: Supplier,
    profiles: Profiles,
    sited: dict[tuple[str, tuple[str, ...], str | None], str | None],
) -> str | None:
    """For a sector text not recognised that names a site or stage working goods
    (_site_of_work) beside products naming the goods of one raw sector: the one processing
    sector of that sector's chain ("processing plant" of "frozen shrimp": 'seafood-processing';
    "peeling" of "squid": the same); "" where the chain has several or none (read as a trader
    of them, never as the farm, mine or vessel its products name); None where the text names
    no such site. Read once per distinct text, products and country (`sited`)."""
    written = supplier.sector_raw
    if not written:
        return None
    # (the country too: a one-word made good names its sector only where it is made there)
    key = (written, tuple(supplier.products), supplier.country)
    if key not in sited:
        site = _site_of_work(written)
        found: str | None = None if site is None else ""
        raw = set()
        if found is not None:
            raw = {profiles.product_sector_in(p, supplier.country) for p in key[1]} - {None, ""}
        sector = profiles.sectors.get(next(iter(raw)) or "") if len(raw) == 1 else None
        if sector is not None and sector.stage == "raw":
            stages = [
                s.id
                for s in profiles.sectors.values()
                if s.chain == sector.chain and s.stage == "processing"
            ]
            found = stages[0] if len(stages) == 1 else ""
        elif site is not None and site.lower().startswith("manufactur"):
            # (a maker's word works a raw good only: "garmnet manufacturing" of "t-shirts"
            # makes them, and is taken from them as where no sector is written)
            found = None
        sited[key] = found
    return sited[key]


# how like a processing sector's name or alias a text not recognised must be to be read as
# a misspelling of it (rapidfuzz ratio, 0-100): "tin smelterr" is 96 like "tin smelter",
# "cobalt refinary" 93 like "cobalt refinery"; "shrimp producer" only 84 like "shrimp
# processor", "tantalum producer" 86 like "tantalum processor"
NEAR_TYPO = 90.0


def _worked_not_grown(
    supplier: Supplier, profiles: Profiles, meant: dict[tuple[str, tuple[str, ...]], str | None]
) -> str | None:
    """The sectors suggested for a sector text given but not recognised, where the text is
    a misspelling of a stage that works goods rather than mines, grows or catches them, and
    that stage works the goods its products name ("tin smelterr" with "cassiterite":
    'smelting-refining'). None for a blank text, a recognised one, one whose suggestion is a
    raw sector or none, one holding a word of a producer (RAW_WORDS: "shrimp producer",
    "cobalt cooperative"), one only loosely like the suggestion ("oli palm"), or one whose
    suggestion works goods of another chain than its products' ("cobalt cooperative":
    'cocoa-trading'): its products may still say which raw sector it is. Read once per
    distinct text and products (`meant`)."""
    written = supplier.sector_raw
    if written is None or not written.strip():
        return None
    key = (written, tuple(supplier.products))
    if key not in meant:
        meant[key] = _misspelt_stage(written, supplier.products, profiles)
    return meant[key]


def _misspelt_stage(written: str, products: list[str], profiles: Profiles) -> str | None:
    """_worked_not_grown's reading of one sector text and its products."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    if not RAW_WORDS.isdisjoint(re.findall(r"[\w-]+", written.lower())):
        return None
    found = profiles.match_sector(written)
    if found.id is not None:
        return None
    ids = _suggested_ids(found)
    sectors = [profiles.sectors.get(i) for i in ids]
    if not sectors or any(s is None or s.stage == "raw" for s in sectors):
        return None
    # the raw sectors of the goods its products name (a worked good names none)
    named = {profiles.product_sector(p) for p in products} - {None, ""}
    if len(sectors) == 1 and named == {ids[0]}:
        # (its products are the suggested stage's own made goods, "garmnet manufacturing"
        # of "t-shirts": that sector is taken from them, as where no sector is written)
        return None
    text = default_process(written)
    for sector in filter(None, sectors):
        names = (sector.id.replace("-", " "), sector.name, *sector.aliases)
        like = max(fuzz.ratio(text, default_process(n)) for n in names)
        if like < NEAR_TYPO or not named or not named <= _worked_by(sector.id, profiles):
            return None
    return found.suggestion


def _worked_by(sector_id: str, profiles: Profiles) -> set[str]:
    """A stage and every stage upstream of it: the sectors whose goods it works."""
    found = {sector_id}
    todo = [sector_id]
    while todo:
        for upstream in profiles.sectors[todo.pop()].inputs:
            if upstream in profiles.sectors and upstream not in found:
                found.add(upstream)
                todo.append(upstream)
    return found


def _traded_by_products(
    chain: Chain,
    supply: SupplyGraph,
    inference: Inference,
    by_products: list[tuple[str, str | None, bool]],
    profiles: Profiles,
    meant: Mapping[tuple[str, tuple[str, ...]], str | None],
) -> dict[str, Problem]:
    """A `read-as-trader` warning for each supplier of no sector, none taken from its
    products, beneath which the chain of the goods they name is inferred as beneath a trader
    naming them (`by_products`: each with the raw sector its products name, where one does,
    and whether its country is known to produce none of its goods): its gap says only
    "sector unknown" (or, where it is scored as the raw sector, that it is taken from the
    products), this says why tiers are inferred beneath it, and from what (or that the
    suppliers mapped beneath it cover them), and what its own score is. By supplier id."""
    found: dict[str, Problem] = {}
    nodes, succ, suppliers = inference.nodes, supply.succ, supply.suppliers
    for supplier_id, raw_sector, ruled_out in by_products:
        if supplier_id not in inference.traded:
            continue
        stages = sorted({nodes[c].sector for c in succ[supplier_id] if c in nodes})
        if not stages and not succ[supplier_id]:
            continue
        supplier = suppliers[supplier_id]
        written = supplier.sector_raw
        # (of a raw sector, the products that are its goods: not "sugar" beside cocoa beans)
        of_it = [p for p in supplier.products if profiles.product_sector(p) == raw_sector]
        products = ", ".join(of_it if raw_sector is not None and of_it else supplier.products)
        given = "no sector is given" if written is None else f"sector {written!r} is not matched"
        misspelt_stage = False
        own = "its own score is that of a sector not known (a data gap)"
        if raw_sector is not None and supplier.country is not None:
            country = sentence_name(supplier.country)
            named = profiles.commodities_named(raw_sector, tuple(supplier.products))
            if ruled_out:
                why = (
                    # (not "does not produce": a small producer may be left out of the
                    # list, as Rwanda is of coffee's)
                    f"its products ({products}) are goods of {raw_sector}, and {country} is"
                    f" not among the producers listed ({_listed_in(profiles, named)}): it is"
                    f" read as a trader of them, not as {raw_sector} there"
                )
            else:
                # (the data cannot say it is no producer: both readings, the higher score)
                why = (
                    f"its products ({products}) are goods of {raw_sector}, and {country} is"
                    f" {_not_listed(profiles, named)}, which does not rule it out: it"
                    f" may be {raw_sector} there or a trader of them, and is read as both"
                )
                own = (
                    f"its own score is that of {raw_sector} there, never below that of a"
                    " sector not known (a data gap)"
                )
        elif written is not None and (misspelt := meant.get((written, tuple(supplier.products)))):
            # (a sector text not recognised whose suggestion works goods: say so, and why
            # its products are not taken for a farm, mine or vessel)
            given = f"sector {written!r} is not recognised (did you mean {misspelt}?)"
            misspelt_stage = True
            why = (
                f"that is a stage working its products ({products}), not one mining, growing"
                " or catching them: no sector is taken from them, and it is read as a trader"
                " of them"
            )
        elif (site := _site_of_work(written)) is not None:
            why = (
                f"{site!r} names a stage working its products ({products}), not one growing,"
                " mining or catching them: no sector is taken from them, and it is read as a"
                " trader of them"
            )
        else:
            why = f"its products ({products}) give it no sector: it is read as a trader of them"
        at = supplier.location or Location(chain.files[0] if chain.files else "input")
        # (for a misspelt stage, the stages beneath it by their names, not in brackets: the
        # names hold brackets of their own)
        inferred = (
            f", as the stage{'s' if len(stages) > 1 else ''} {_stage_names(profiles, stages)}"
            if misspelt_stage
            else f" ({', '.join(stages)})"
        )
        found[supplier_id] = Problem(
            "read-as-trader",
            f"{given}, and {why}; "
            + (
                "their chain is inferred beneath it as beneath a wholesaler or importer"
                f" naming them{inferred}"
                if stages
                else "the suppliers mapped beneath it cover their chain, as beneath a"
                " wholesaler or importer naming them"
            )
            + f", and {own}: give its sector to score it as what it is",
            chain.field_location(at, "products"),
            "warning",
        )
    return found


def _named(supply: SupplyGraph, supplier_id: str) -> str:
    """A supplier by its name and id, "VN Processor (S6)"; its id alone where it has no
    other name."""
    supplier = supply.suppliers.get(supplier_id)
    name = supplier.name if supplier is not None else None
    return f"{name} ({supplier_id})" if name and name != supplier_id else supplier_id


def _drop_told_sectors(
    problems: ProblemList,
    chain: Chain,
    supply: SupplyGraph,
    read_as_trader: Mapping[str, Problem],
    meant: Mapping[tuple[str, tuple[str, ...]], str | None],
) -> None:
    """Drop the `unknown-sector` warning of each supplier whose sector text reads as a
    misspelt stage working goods ("tin smelterr"): its `read-as-trader` warning says all
    of it, the suggestion too, and the other would say a sector may be taken from its
    products, which for such a supplier none is."""
    told = set()
    for supplier_id in read_as_trader:
        supplier = supply.suppliers[supplier_id]
        written = supplier.sector_raw
        if written is None or not (
            meant.get((written, tuple(supplier.products))) or _site_of_work(written)
        ):
            continue
        at = supplier.location or Location(chain.files[0] if chain.files else "input")
        told.add(chain.field_location(at, "sector"))
    if told:
        problems.items[:] = [
            p for p in problems.items if p.type != "unknown-sector" or p.location not in told
        ]


def _stage_names(profiles: Profiles, stages: Iterable[str]) -> str:
    """Sectors by their names in the taxonomy, joined: "Artisanal and small-scale mining
    (ASM) and Industrial (large-scale) mining"."""
    names = [profiles.sectors[s].name if s in profiles.sectors else s for s in stages]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _listed_in(profiles: Profiles, commodities: Iterable[str]) -> str:
    """The lists of producers of commodities, with what part of world production they make:
    "cocoa beans: FAOSTAT crops … (2023), 96.8% of world production" (or of what else their
    source divides by: "… 98.7% of the sum of the 18 listed countries (not of a world
    total)")."""
    said = []
    for commodity in commodities:
        shares = profiles.origins.get(commodity, [])
        source = "; ".join(sorted({share_source(profiles, o) for o in shares}))
        year = max((o.year for o in shares), default=0)
        of = next((o.of for o in shares if o.share_pct), "production")
        said.append(
            f"{commodity}: {source}"
            + (f" ({year})" if year and str(year) not in source else "")
            + f", {profiles.listed_pct(commodity):.3g}% of "
            + (
                f"the {base} (not of a world total)"
                if (base := profiles.not_world_total(commodity))
                else f"world {of}"
            )
        )
    return "; ".join(said)


def _not_listed(profiles: Profiles, commodities: tuple[str, ...]) -> str:
    """Why a country not known to produce the commodities a supplier's products name is not
    known to produce none: the lists of their main producers that leave out part of world
    production, or none at all (a raw sector of no commodity with shares: coal, tobacco)."""
    short = [c for c in commodities if not profiles.all_listed(c)]
    if not short:
        return "not known to produce them, as the risk data lists no producers of them"
    return f"not among the main producers listed ({_listed_in(profiles, short)})"


def _own(risk: SupplierRisk, gaps: int) -> Own:
    """A supplier's own figures for the roll-up: per risk type its worst case (the score,
    or what a data gap may hide) and its priority, and `gaps`, the risk types its level
    rests on missing data of (the three written out: this runs once per distinct score, for every
    supplier on chains whose audits are their own)."""
    by_type = risk.by_type
    cl, fl, ht = by_type[_CL].score, by_type[_FL].score, by_type[_HT].score
    priorities = (cl.priority, fl.priority, ht.priority)
    if risk.worst is None:
        return (cl, fl, ht), priorities, gaps
    worst = (_gap_worst(risk, _CL) or cl, _gap_worst(risk, _FL) or fl, _gap_worst(risk, _HT) or ht)
    return worst, priorities, gaps


def _gap_worst(risk: SupplierRisk, risk_type: str) -> Score | None:
    """The worst case a data gap (unknown country) may hide, when it exceeds the score."""
    if risk.worst is None:
        return None
    worst = risk.worst[risk_type][0]
    return worst if worst.priority > risk.by_type[risk_type].score.priority else None


def _score_dict(score: Score) -> dict[str, Any]:
    return score.as_dict()


def _exposure_dict(ex: dict[str, Exposure]) -> dict[str, Any]:
    """The company's exposure: per risk type, the full score of the maximum beneath."""
    out: dict[str, Any] = {}
    for rt, e in ex.items():
        score = e.score
        out[rt] = {
            "likelihood": score.likelihood,
            "severity": score.severity,
            "priority": score.priority,
            "level": score.level,
            "from": e.source,
            "weighted_priority": e.weighted,
        }
    return out


def _supplier_exposure(ex: dict[str, Exposure]) -> dict[str, Any]:
    """A supplier's exposure: the level and priority of the maximum beneath, where it sits
    (its likelihood and severity are that supplier's) and the share-weighted figure (and
    `on_a_gap` where data gaps bear on it: _on_a_gap)."""
    # written out for the three risk types: this runs once per supplier
    cl, fl, ht = ex[_CL], ex[_FL], ex[_HT]
    return {
        _CL: {
            "level": cl.score.level,
            "priority": cl.score.priority,
            "from": cl.source,
            "weighted_priority": cl.weighted,
        },
        _FL: {
            "level": fl.score.level,
            "priority": fl.score.priority,
            "from": fl.source,
            "weighted_priority": fl.weighted,
        },
        _HT: {
            "level": ht.score.level,
            "priority": ht.score.priority,
            "from": ht.source,
            "weighted_priority": ht.weighted,
        },
    }


def _on_a_gap(exposure: dict[str, Any], gaps: int) -> None:
    """A supplier's exposure with `on_a_gap` (true) where data gaps bear on it (`gaps`: the
    risk types they bear on, see GapsBeneath)."""
    for rt, bit in GAP_BITS.items():
        if gaps & bit:
            exposure[rt][EXPOSURE_ON_A_GAP] = True


_CL, _FL, _HT = RISK_TYPES  # fails at import if the risk types change in number


class _Flagging:
    """What the document takes from each supplier's (shared) score, in document order: the
    parts of its entry and its flags; the flag list (built on first use), its counts and
    the data gaps. None of it needs the roll-up."""

    def __init__(
        self,
        supply: SupplyGraph,
        risks: dict[str, SupplierRisk],
        inferred: dict[str, InferredSupplier],
        unfollowed: Mapping[str, str],
        sector_of: dict[str, str | None],
        without: tuple[int, int],
        profiles: Profiles,
        config: Config,
    ) -> None:
        # the suppliers without a country, and without a sector of their own (none given or
        # matched, a sector guessed from the products included: it is a data gap)
        self.sector_of, (self.without_country, self.without_sector) = sector_of, without
        self.depth = supply.depth  # (read before any fork: after one, reading costs copies)
        self.shared = shared = _Shared(profiles, config.flag_level)
        pred, tiers_of = supply.pred, supply.tiers  # plain dicts: fast on large chains
        first_tier = {sid: (tiers_of.get(sid) or (99,))[0] for sid in supply.suppliers}
        self.order = order = sorted(first_tier)
        order.sort(key=first_tier.__getitem__)  # by first tier, then id (the sort is stable)
        # the gap of what lies beneath each supplier, where one is: inferred suppliers, or
        # nothing mapped nor inferred beneath a trader of anything or beneath a supplier
        # whose products deny its inputs' goods (a few, if any)
        below = dict.fromkeys(
            {buyer for node_id in inferred for buyer in pred[node_id]}, UNMAPPED_BELOW
        )
        below.update(unfollowed)
        # what each supplier of a sector with measures written for some of its goods handles
        # (a shrimp processor's farms are no vessels); UNKNOWN for the others
        handled = HandledBeneath(profiles, supply.succ, partial(_sector_of, sector_of, inferred))
        fitted, suppliers = handled.sectors, supply.suppliers
        sectors = list(map(sector_of.__getitem__, order))
        handles = [UNKNOWN] * len(order)
        # (the few suppliers of those sectors found in a C-level pass: a seafood chain's)
        fits = map(fitted.__contains__, sectors) if fitted is not None else map(bool, sectors)
        for at in compress(range(len(order)), fits):
            sid = order[at]
            handles[at] = handled.handles(sid, sectors[at], suppliers[sid].products_read())
        # what each supplier's entry and flags take from its (shared) score, looked up once
        self.parts_of = parts_of = shared.parts_in_order(
            list(map(risks.__getitem__, order)),
            sectors,
            list(map(attrgetter("country"), map(suppliers.__getitem__, order))),
            list(map(below.get, order)),
            handles,
        )
        self.found_of = found_of = [parts[5] for parts in parts_of]
        self.inferred_ids = inferred_ids = sorted(inferred)
        self.inferred_found = inferred_found = [
            _inferred_flagged(inferred[i], shared, config, handled.handles(i, inferred[i].sector))
            for i in inferred_ids
        ]
        self.gaps = gaps = [
            {"supplier_id": sid, "gap": gap}
            for sid, parts in zip(order, parts_of, strict=True)
            for gap in parts[2]
        ]
        gaps += [
            {"supplier_id": node_id, "gap": gap}
            for node_id in inferred_ids
            for gap in (INFERRED_GAP, *inferred[node_id].gaps)
        ]
        # counted per distinct flagged list (suppliers share them), not flag by flag
        self.level_counts = level_counts = Counter[str]()
        self.type_counts = type_counts = Counter[str]()
        lists = {id(found): found for found in found_of}
        for key, times in Counter(map(id, found_of)).items():
            for _rank, rt, shown, _basis in lists[key]:
                level_counts[shown.level] += times
                type_counts[rt] += times
        del lists
        for node_found in inferred_found:
            for rt, worst, _expected, _basis in node_found:
                level_counts[worst.level] += 1
                type_counts[rt] += 1
        self.flags = Deferred(
            partial(_flag_list, order, found_of, inferred_ids, inferred_found),
            size=sum(level_counts.values()),
        )
        # the flags' bases are all made by now: sorted and serialised ahead with the flags
        # (a chain whose suppliers hold their own audits has a basis per flag)
        self.bases = Deferred(shared.bases, size=len(shared.basis_of()))


class _GapsRestedOn:
    """Which suppliers' levels rest on missing data of each risk type (document.
    gaps_rested_on: the data gaps of their own score bear on every exposure above them,
    what they hide may be worse), told once per distinct score and gap list (suppliers
    share them): one bit per risk type (GAP_BITS) for the roll-up, and the gaps of the
    chain's exposure, as document.chain_gaps reads them from the entries (the same texts
    in the same order)."""

    def __init__(self, flagged: _Flagging, inference: Inference) -> None:
        self.shared = shared = flagged.shared
        # the bits of each distinct score shown and gap list, by their ids (all kept alive)
        self._told: dict[tuple[int, int, int], int] = {}
        self._below: dict[tuple[int, str], Own] = {}
        found: dict[str, dict[str, None]] = {rt: {} for rt in RISK_TYPES}
        # (each distinct part of the mapped suppliers' entries, in the order of the entries)
        of_its_own: dict[int, bool] = {}  # (per gap list: any gap of its own score)
        for _name, risk, gaps, _listings, worst, _found, _held in shared.distinct_parts():
            if not gaps:  # (most suppliers)
                continue
            own = of_its_own.get(id(gaps))
            if own is None:  # (tiers inferred beneath are no gap of its own score)
                own = of_its_own[id(gaps)] = any(map(of_its_score, gaps))
            key = (id(risk), id(worst), id(gaps))
            if own and key not in self._told:
                rested = gaps_rested_on({"risk": risk, "worst_case": worst, "data_gaps": gaps})
                self._told[key] = _gap_bits(rested)
                for rt, texts in rested.items():
                    found[rt].update(dict.fromkeys(texts))
        # per inferred supplier resting on missing data (a stage in a country not known, an
        # origin mix of few published shares), its bits
        self.inferred_bits: dict[str, int] = {}
        inferred = inference.nodes
        for node_id in flagged.inferred_ids:
            node = inferred[node_id]
            if node.gaps:  # (its being inferred is no gap of its score's data)
                worst = {rt: {"level": node.worst[rt][0].level} for rt in RISK_TYPES}
                entry = {"inferred": True, "worst_case": worst, "data_gaps": node.gaps}
                rested = gaps_rested_on(entry)
                for rt, texts in rested.items():
                    found[rt].update(dict.fromkeys(texts))
                if rested:
                    self.inferred_bits[node_id] = _gap_bits(rested)
        # per risk type, the gaps of every supplier resting on missing data of it, each once
        self.texts = {rt: list(texts) for rt, texts in found.items()}

    def _bits(self, risk: dict[str, Any], worst: dict[str, Any] | None, gaps: list[str]) -> int:
        """The bits of a supplier entry's parts: its scores shown, its data gaps (those of
        every supplier's entry are told, and their texts taken, as this is made)."""
        key = (id(risk), id(worst), id(gaps))
        bits = self._told.get(key)
        if bits is None:
            rested = gaps_rested_on({"risk": risk, "worst_case": worst, "data_gaps": gaps})
            bits = self._told[key] = _gap_bits(rested)
        return bits

    def of_score(self, risk: SupplierRisk) -> int:
        """The bits of a supplier with this score, of the gaps of its own score (the tiers
        inferred beneath it are no gap of them; nothing known beneath it is: with_below)."""
        if not risk.gaps:  # (most suppliers)
            return 0
        shared = self.shared
        worst = shared.worst(risk) if risk.worst is not None else None
        return self._bits(shared.risk(risk), worst, shared.gaps(risk, None))

    def with_below(self, own: Own, risk: SupplierRisk, below: str) -> Own:
        """A supplier's own figures with the bits of its score and of nothing known beneath
        it (its gap `below`: NOTHING_FOLLOWED, document.DENIED_BELOW)."""
        key = (id(risk), below)
        found = self._below.get(key)
        if found is None:
            shared = self.shared
            worst = shared.worst(risk) if risk.worst is not None else None
            bits = self._bits(shared.risk(risk), worst, shared.gaps(risk, below))
            found = self._below[key] = (own[0], own[1], own[2] | bits)
        return found


def _gap_bits(rested: Mapping[str, Any]) -> int:
    """The bits of these risk types (GAP_BITS)."""
    return sum(GAP_BITS[rt] for rt in rested)


def _shown_top(exposure: Mapping[str, Exposure], gaps: int) -> tuple[int, str, bool]:
    """A supplier's highest exposure level over the risk types as the reports show it, by
    its rank (shown_rank: "low (data gap)" above low), with the plain level and whether data
    gaps bear on it (`gaps`: the risk types they bear on, see GapsBeneath)."""
    found = []
    for rt in RISK_TYPES:
        level, on_a_gap = exposure[rt].score.level, bool(gaps & GAP_BITS[rt])
        found.append((shown_rank(gap_level(level, on_a_gap)), level, on_a_gap))
    return max(found)


def _tier1_name(a: Assessment, sid: str) -> str | None:
    """A tier-1 supplier's name as its entry gives it: an inferred one's too ("inferred
    sugar milling and refining (sugarcane)", not its id)."""
    supplier = a.supply.suppliers.get(sid)
    if supplier is not None:
        return supplier.name
    node = a.inferred.get(sid)
    if node is None:
        return sid
    return inferred_name(node, a.profiles.sectors[node.sector].name)


def _document(
    a: Assessment,
    paths: list[Path],
    options: AssessOptions,
    as_of: dt.date,
    flagged: _Flagging,
    entries: _Entries,
    pinned: dt.datetime | None,
    rested_on: Mapping[str, list[str]],
) -> dict[str, Any]:
    """The JSON document; `rested_on` the gaps of every supplier whose level rests on missing
    data, by risk type (see _GapsRestedOn)."""
    profiles, config, supply = a.profiles, a.config, a.supply
    shared, order, parts_of, inferred_ids = (
        flagged.shared,
        flagged.order,
        flagged.parts_of,
        flagged.inferred_ids,
    )
    gaps, flags = flagged.gaps, flagged.flags
    level_counts, type_counts = flagged.level_counts, flagged.type_counts
    # The supplier entries are built when first needed. If the JSON will be written, a
    # forked process builds and serialises the last part of them (see _assess), while this
    # one builds the others (which it then serialises).
    cut = len(order) - int(len(order) * _AHEAD_SHARE)
    suppliers = Deferred(
        partial(entries.build, order[cut:], parts_of[cut:], inferred_ids),
        head=partial(entries.mapped, order[:cut], parts_of[:cut]),
        size=len(order) + len(inferred_ids),
    )
    flag_count = len(flags)
    company = a.chain.company
    company_exposure = a.exposure[supply.company_id]
    by_level = {lvl: level_counts[lvl] for lvl in LEVELS}
    by_type = {rt: type_counts[rt] for rt in RISK_TYPES}

    # each tier-1 supplier's highest level over the risk types as the reports show it: its
    # rank (shown_rank: a level on which data gaps bear above the same level known, as a
    # batch ranks its members), the level, and whether data gaps bear on it
    tops = {
        s: _shown_top(a.exposure[s], a.gaps_beneath.get(s, 0))
        for s in supply.succ[supply.company_id]
    }

    def rank_key(s: str) -> tuple[int, float, str]:
        ex = a.exposure[s]
        return (-tops[s][0], -max(ex[rt].weighted for rt in RISK_TYPES), s)

    # tier-1 suppliers ranked by what lies beneath them: level of the maximum as shown, then
    # the share-weighted figure
    tier1 = sorted(tops, key=rank_key)
    summary = {
        "suppliers": len(supply.suppliers),
        "inferred_suppliers": len(a.inferred),
        "tiers": flagged.depth,
        "flags": flag_count,
        "flags_by_level": by_level,
        "flags_by_risk_type": by_type,
        "highest_level": next((lvl for lvl in reversed(LEVELS) if by_level[lvl]), None),
        "data_gaps": len(gaps),
        "suppliers_without_country": flagged.without_country,
        "suppliers_without_sector": flagged.without_sector,
        # the chain's exposure, and the data gaps that bear on each level (those of every
        # supplier resting on missing data of its risk type, none at critical: chain_gaps)
        "exposure": {
            rt: {
                **company_exposure[rt].score.as_dict(),
                "from": company_exposure[rt].source,
                EXPOSURE_GAPS: list(rested_on[rt])
                if gap_bears(company_exposure[rt].score.level)
                else [],
            }
            for rt in RISK_TYPES
        },
        "tier1_ranking": [
            {
                "id": s,
                "name": _tier1_name(a, s),
                "max_priority": max(a.exposure[s][rt].score.priority for rt in RISK_TYPES),
                "weighted_priority": max(a.exposure[s][rt].weighted for rt in RISK_TYPES),
                "level": tops[s][1],
                EXPOSURE_ON_A_GAP: tops[s][2],
            }
            for s in tier1
        ],
    }
    # (a workbook's sheets read: its sheet, or a sheet per tier; a CSV or YAML file has none)
    sheets = a.chain.sheets_read()
    files = [
        {
            "path": path_text(p),
            "sha256": sha,
            **({"sheets": sheets[str(p)]} if str(p) in sheets else {}),
        }
        for p, sha in zip(paths, a.chain.file_hashes, strict=True)
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "ddtool", "version": __version__},
        "generated_at": (pinned or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat(),
        "profiles": {
            "version": profiles.version,
            "sha256": profiles.sha256,
            # as given, as input.path is: an absolute path would tie the output to this
            # machine's folders (the content is in the sha256)
            "overlays": [path_text(Path(overlay)) for overlay in options.profiles],
            "goods_edition": profiles.goods_edition,
        },
        "input": {"path": path_text(paths[0]), "sha256": a.chain.sha256, "files": files},
        "options": {
            "as_of": as_of.isoformat(),
            "config": path_text(options.config) if options.config else None,
            "settings": config.model_dump(mode="json"),
            "column_map": options.read.column_map,
            "sheet": options.read.sheet,
            "company": options.company,
            # (the limits the input was read within: `--verify` reads it within them again)
            "limits": options.read.limits().as_dict(),
        },
        "company": {
            "id": company.id,
            "name": company.name,
            "country": company.country,
            "sector": company.sector,
            "exposure": _exposure_dict(company_exposure),
        },
        "suppliers": suppliers,
        "flags": flags,
        "data_gaps": gaps,
        "warnings": [p.as_dict() for p in a.warnings],
        "summary": summary,
        "bases": flagged.bases,
        "evidence": shared.facts(),
        "measures": shared.catalogue(),
        "sources": [
            {
                "id": src.id,
                "name": src.name,
                "publisher": src.publisher,
                "year": src.year,
                "licence": src.licence,
                "location": src.location,
                # (how far the copy read can be trusted: "NOT verified against NORMLEX")
                **({"note": src.note} if src.note else {}),
            }
            for src in profiles.sources.values()
        ],
    }


# The share of the supplier entries (the last part) built and serialised ahead in a second
# process while this one builds and serialises the others and writes. Half: measured on 10^5
# suppliers, both processes then finish their part at about the same time (with 0.4 this one
# went on alone for 0.3 s after the other was done; 0.55 measured the same as half)
_AHEAD_SHARE = 0.5


class _Entries:
    """Builds supplier entries (only from what exists when it is created: it may run in a
    forked process).

    It holds the parts of the assessment it reads, not the assessment: the assessment holds
    it (through its document and glance), and a reference cycle would outlive the run, as
    the run's objects are frozen out of the cyclic collector."""

    def __init__(self, a: Assessment, sector_of: dict[str, str | None], shared: _Shared) -> None:
        self.supply, self.exposure, self.inferred_nodes = a.supply, a.exposure, a.inferred
        self.gaps_beneath = a.gaps_beneath
        self.profiles, self.sector_of, self.shared = a.profiles, sector_of, shared
        self.no_tiers: list[int] = []  # one list for the entries of suppliers without tiers

    def build(
        self, order: list[str], parts_of: list[_Parts], inferred_ids: list[str]
    ) -> list[dict[str, Any]]:
        """The entries of these mapped suppliers, then of these inferred ones."""
        return self.mapped(order, parts_of) + self.inferred(inferred_ids)

    def mapped(self, order: list[str], parts_of: list[_Parts]) -> list[dict[str, Any]]:
        """The entries of these mapped suppliers, with the parts of their shared scores."""
        supply, exposure, sector_of = self.supply, self.exposure, self.sector_of
        pred = supply.pred  # plain dicts: fast on large chains
        tiers_of, paths_of = supply.tiers, supply.first_path
        suppliers: list[dict[str, Any]] = []
        for sid, parts in zip(order, parts_of, strict=True):
            s = supply.suppliers[sid]
            country_name, risk_dict, data_gaps, listings, worst_case, _found, held = parts
            buyers = pred[sid]
            entry: dict[str, Any] = {
                "id": sid,
                "name": s.name,
                "country": s.country,
                "country_name": country_name,
                "region": s.region,
                "sector": sector_of[sid],
                "sector_as_written": s.sector_raw,
                "products": s.products,
                "tiers": tiers_of.get(sid, self.no_tiers),
                "path": paths_of.get(sid) or [sid],
                "inferred": False,
                "buyers": sorted(buyers) if len(buyers) > 1 else list(buyers),
                "share": s.share,
                "workers": s.workers,
                "female_pct": s.female_pct,
                "migrant_pct": s.migrant_pct,
                "certifications": held[0],
                "audits": held[1],
                "risk": risk_dict,
                "exposure": _supplier_exposure(exposure[sid]),
                "data_gaps": data_gaps,
                "listings": listings,
            }
            if worst_case is not None:
                entry["worst_case"] = worst_case
            if s.attributes:
                entry["attributes"] = {k: _plain(v) for k, v in sorted(s.attributes.items())}
            suppliers.append(entry)
        beneath = self.gaps_beneath
        if beneath:  # the exposures data gaps bear on: a few suppliers' (found at C level)
            for entry in compress(suppliers, map(beneath.__contains__, order)):
                _on_a_gap(entry["exposure"], beneath[entry["id"]])
        return suppliers

    def inferred(self, inferred_ids: list[str]) -> list[dict[str, Any]]:
        """The entries of these inferred suppliers."""
        supply, inferred, profiles, shared = (
            self.supply,
            self.inferred_nodes,
            self.profiles,
            self.shared,
        )
        tiers_of, paths_of = supply.tiers, supply.first_path
        suppliers: list[dict[str, Any]] = []
        for node_id in inferred_ids:
            node = inferred[node_id]
            stage = profiles.sectors[node.sector]
            exposure = _supplier_exposure(self.exposure[node_id])
            if node_id in self.gaps_beneath:
                _on_a_gap(exposure, self.gaps_beneath[node_id])
            entry = {
                "id": node_id,
                "name": inferred_name(node, stage.name),
                "country": node.country,
                "country_name": shared.country_name(node.country),
                "region": None,
                "sector": node.sector,
                "sector_as_written": None,
                "products": [node.commodity] if node.commodity else [],
                "tiers": tiers_of.get(node_id, self.no_tiers),
                "path": paths_of.get(node_id) or [node_id],
                "inferred": True,
                "buyers": sorted(node.buyers),
                "assumption": node.assumption
                or (
                    f"origin mix of world {node.commodity} {node.shares_of}"
                    + (f", leaning to {node.lean} (the buyer's own country)" if node.lean else "")
                    if node.commodity
                    else "stage assumed in the buyer's country"
                ),
                "origins": [
                    {
                        "country": o.iso3,
                        "weight": None if o.weight is None else round(o.weight, 4),
                        "share_pct": o.share.share_pct if o.share else None,
                        "year": o.share.year if o.share else None,
                        "source": o.share.source_id if o.share else None,
                    }
                    for o in node.origins
                ],
                "risk": {rt: _score_dict(node.expected[rt]) for rt in RISK_TYPES},
                "worst_case": {
                    rt: {**node.worst[rt][0].as_dict(), "country": node.worst[rt][1]}
                    for rt in RISK_TYPES
                },
                "exposure": exposure,
                "data_gaps": [INFERRED_GAP, *node.gaps],
            }
            suppliers.append(entry)
        return suppliers


class _Glance:
    """A few supplier entries and flags, made as the whole document makes them."""

    def __init__(self, flagged: _Flagging, entries: _Entries) -> None:
        self.flagged, self.entries = flagged, entries

    def glance(self, top: int, tree: int) -> dict[str, Any]:
        f = self.flagged
        mapped, inferred = self._top_flagged(top)
        flags = _flag_list(
            [f.order[i] for i in mapped],
            [f.found_of[i] for i in mapped],
            [f.inferred_ids[i] for i in inferred],
            [f.inferred_found[i] for i in inferred],
        )
        shown = self._tree_nodes(tree) | {flag["supplier_id"] for flag in flags}
        # where the chain's exposure sits: the summary names it (the data gaps that bear on
        # its levels are the summary's own)
        company = self.entries.exposure[self.entries.supply.company_id]
        shown |= {ex.source for ex in company.values()}
        at = {sid: i for i, sid in enumerate(f.order) if sid in shown}
        mapped_ids = sorted(at, key=at.__getitem__)
        return {
            "suppliers": self.entries.mapped(mapped_ids, [f.parts_of[at[i]] for i in mapped_ids])
            + self.entries.inferred([i for i in f.inferred_ids if i in shown]),
            "flags": flags,
            # (looked up by id, not listed: in the order made, not sorted as the JSON has it)
            "bases": f.shared.basis_of(),
        }

    def _top_flagged(self, top: int) -> tuple[list[int], list[int]]:
        """The positions of the `top` flagged suppliers that come first in the flag list
        (highest priority of their flags, then id), mapped and inferred."""
        f = self.flagged
        if top <= 0:
            return [], []
        # the highest priority of each distinct flagged list (suppliers share them), and
        # how many suppliers have it: counted at C level, not supplier by supplier
        keys = list(map(id, f.found_of))
        highest = {
            key: max(x[2].priority for x in found)
            for key, found in dict(zip(keys, f.found_of, strict=True)).items()
            if found
        }
        inferred_high = [
            max(x[1].priority for x in found) if found else None for found in f.inferred_found
        ]
        times = Counter(keys)
        counted = [(p, times[key]) for key, p in highest.items()]
        counted += [(p, 1) for p in inferred_high if p is not None]
        if not counted:
            return [], []
        counted.sort(reverse=True)
        # the `top`-th highest priority: only suppliers at or above it can be among the first
        threshold, seen = 0.0, 0
        for priority, count in counted:
            threshold, seen = priority, seen + count
            if seen >= top:
                break
        keep = {key: True for key, p in highest.items() if p >= threshold}
        ranked: list[tuple[float, str, int, bool]] = [
            (-highest[keys[i]], f.order[i], i, False)
            for i in compress(range(len(keys)), map(keep.get, keys))
        ]
        ranked += [
            (-p, node_id, i, True)
            for i, (node_id, p) in enumerate(zip(f.inferred_ids, inferred_high, strict=True))
            if p is not None and p >= threshold
        ]
        first = heapq.nsmallest(top, ranked)
        return sorted(i for *_, i, inf in first if not inf), sorted(
            i for *_, i, inf in first if inf
        )

    def _tree_nodes(self, limit: int) -> set[str]:
        """The nodes the terminal's chain tree takes (depth first from the company, children
        by id, at most `limit`), and one it leaves (so that it says there are more).

        The tree takes nodes from a stack: those it never takes sit beneath all it takes,
        so leaving them out of its document changes nothing else it shows."""
        supply = self.entries.supply
        succ = supply.succ
        stack = sorted(succ[supply.company_id], reverse=True)
        taken: set[str] = set()
        count = 0
        while stack and count < limit:
            node = stack.pop()
            count += 1
            if node not in taken:
                taken.add(node)
                stack.extend(sorted(succ[node], reverse=True))
        return taken | set(stack[-1:])


# One flagged risk type of an inferred supplier: (risk type, worst case, expected, basis id)
_InferredFlag = tuple[str, Score, dict[str, Any], str]


def _sector_of(
    sector_of: dict[str, str | None], inferred: dict[str, InferredSupplier], node: str
) -> str | None:
    """The sector of a supplier, mapped or inferred (None for the company)."""
    if node in sector_of:
        return sector_of[node]
    found = inferred.get(node)
    return None if found is None else found.sector


def _inferred_flagged(
    node: InferredSupplier, shared: _Shared, config: Config, handles: Handles
) -> list[_InferredFlag]:
    """The risk types an inferred supplier is flagged for (its worst case over the origins
    reaches the flag level), with the basis of each."""
    found = []
    for rt in RISK_TYPES:
        worst, worst_country = node.worst[rt]
        if worst.level not in shared.flagged_levels:
            continue
        gap = node.worst_gaps.get(rt)
        where = (
            f" ({display_name(worst_country)}{': ' + gap if gap else ''})"
            if worst_country
            else f" ({gap})"
            if gap
            else ""
        )
        # (a stage in a country not known says so: see Inference._unknown_country)
        reason = node.reasons.get(rt) or _inferred_reason(node, worst.level, where, rt)
        evidence = shared.evidence(node.evidence[rt])
        measures = shared.measures(rt, node.sector, True, node.gaps, handles)
        basis = shared.basis(reason, evidence, measures)
        found.append((rt, worst, node.expected[rt].as_dict(), basis))
    return found


_MAP_THIS_TIER = " Map this tier to replace the inference with real data."


def _inferred_reason(node: InferredSupplier, level: str, where: str, risk_type: str) -> str:
    """Why an inferred stage is flagged: the worst case over its origin mix and the expected
    level; for a stage placed in one country, its buyer's (`inferred:smelting-refining:…@MYS`,
    its assumption "stage assumed in the buyer's country"), which has no mix, its score
    there. `where` is the worst case's country and what its data lacks, in brackets."""
    expected = node.expected[risk_type].level
    if node.country is not None:
        # (its one origin is its country: its expected score is its worst case)
        also = "" if expected == level else f"; expected {expected}"
        return (
            f"inferred tier: stage assumed in the buyer's country{where}: {level}{also}."
            + _MAP_THIS_TIER
        )
    return (
        f"inferred tier: worst case over the origin mix{where} is {level}; expected {expected}."
        + _MAP_THIS_TIER
    )


def _flag_list(
    order: list[str],
    found_of: list[list[_Flagged]],
    inferred_ids: list[str],
    inferred_found: list[list[_InferredFlag]],
) -> list[dict[str, Any]]:
    """Every flag, by priority (highest first), then supplier id, then risk type.

    Only reads what exists when it is created (it may run in a forked process)."""
    flags: list[dict[str, Any]] = []
    add = flags.append
    for sid, found in zip(order, found_of, strict=True):
        for _rank, rt, shown, basis in found:
            add(
                {
                    "id": flag_id(sid, rt),
                    "supplier_id": sid,
                    "risk_type": rt,
                    "level": shown.level,
                    "likelihood": shown.likelihood,
                    "severity": shown.severity,
                    "priority": shown.priority,
                    "inferred": False,
                    "basis": basis,
                }
            )
    for node_id, node_found in zip(inferred_ids, inferred_found, strict=True):
        for rt, worst, expected, basis in node_found:
            add(
                {
                    "id": flag_id(node_id, rt),
                    "supplier_id": node_id,
                    "risk_type": rt,
                    "level": worst.level,
                    "likelihood": worst.likelihood,
                    "severity": worst.severity,
                    "priority": worst.priority,
                    "expected": expected,
                    "inferred": True,
                    "basis": basis,
                }
            )
    # two stable sorts on C-level keys (each supplier's flags were added in risk-type order)
    flags.sort(key=itemgetter("supplier_id"))
    flags.sort(key=itemgetter("priority"), reverse=True)
    return flags


# One flagged risk type of a supplier: (risk type rank, risk type, flagged score, basis id)
_Flagged = tuple[int, str, Score, str]
# What a mapped supplier's entry takes from its score (see _Shared.parts)
_Parts = tuple[
    str | None,
    dict[str, Any],
    list[str],
    list[dict[str, Any]],
    dict[str, Any] | None,
    list[_Flagged],
    tuple[list[str], list[str]],
]


class _Shared:
    """Parts of the document that repeat across suppliers and flags, built once each.

    Suppliers with the same country, sector and products share one score object, so their
    evidence, reasons and measures are the same values; large chains repeat them thousands
    of times.
    """

    def __init__(self, profiles: Profiles, flag_level: str) -> None:
        self.profiles = profiles
        # the levels a flag is raised at (config.flag_level and above)
        self.flagged_levels = frozenset(lvl for lvl in LEVELS if _level_at_least(lvl, flag_level))
        self._risk: dict[tuple[int, int, int], Any] = {}
        self._listings: dict[tuple[int, ...], Any] = {}
        self._worst: dict[int, Any] = {}
        self._gaps: dict[tuple[tuple[str, ...], str | None], list[str]] = {}
        self._reasons: dict[tuple[Any, ...], str] = {}
        self._held: dict[int, tuple[list[str], list[str]]] = {}
        self._parts: dict[tuple[int, str | None, str | None, str | None, Handles], _Parts] = {}
        self._names: dict[str | None, str | None] = {None: None}
        self._evidence: dict[int, list[str]] = {}
        self._facts: dict[str, dict[str, Any]] = {}
        self._fact_ids: dict[int, str] = {}
        self._text_ids: dict[str, str] = {}
        self._keep: list[Any] = []
        self._measures: dict[
            tuple[str, str | None, bool, tuple[str, ...], Handles, bool], tuple[list[str], int]
        ] = {}
        self._used: dict[str, dict[str, Any]] = {}
        self._bases: dict[str, dict[str, Any]] = {}

    def country_name(self, iso3: str | None) -> str | None:
        if iso3 not in self._names:
            self._names[iso3] = display_name(iso3) if iso3 else None
        return self._names[iso3]

    def risk(self, risk: SupplierRisk) -> dict[str, Any]:
        # by the score objects (scores with the same figures share them: suppliers with
        # certifications or audits of their own have scores of their own, not figures)
        by_type = risk.by_type
        key = (id(by_type[_CL].score), id(by_type[_FL].score), id(by_type[_HT].score))
        found = self._risk.get(key)
        if found is None:
            self._keep.append(risk)  # (the key's ids stay unique while its scores are alive)
            found = self._risk[key] = {rt: by_type[rt].score.as_dict() for rt in RISK_TYPES}
        return found

    def parts(
        self,
        risk: SupplierRisk,
        sector: str | None,
        country: str | None,
        below: str | None,
        handles: Handles = UNKNOWN,
    ) -> _Parts:
        """Everything a mapped supplier's entry and flags take from its (shared) score: the
        country name, the risk, the data gaps, the listings, the worst case, the flags
        (their measures fitted to what it handles)."""
        key = (id(risk), sector, country, below, handles)
        found = self._parts.get(key)
        if found is None:
            self._keep.append(risk)  # the key's id stays unique while the risk is alive
            found = self._parts[key] = (
                self.country_name(country),
                self.risk(risk),
                self.gaps(risk, below),
                self.listings(risk),
                self.worst(risk) if risk.worst is not None else None,
                self.flagged(risk, sector, country, below, handles),
                self.held(risk),
            )
        return found

    def distinct_parts(self) -> list[_Parts]:
        """Each distinct `parts` made, in the order made (parts_in_order: of the suppliers)."""
        return list(self._parts.values())

    def parts_in_order(
        self,
        risks: list[SupplierRisk],
        sectors: list[str | None],
        countries: list[str | None],
        below: list[str | None],
        handles: list[Handles],
    ) -> list[_Parts]:
        """`parts` of each supplier (one per position in the lists): each distinct set is
        made in the order the suppliers come, so the catalogues fill as one by one."""
        ids = list(map(id, risks))
        keys = list(zip(ids, sectors, countries, below, handles, strict=True))
        made, by_id = self._parts, dict(zip(ids, risks, strict=True))
        for key in dict.fromkeys(keys):  # in order of first appearance
            if key not in made:
                self.parts(by_id[key[0]], *key[1:])
        return list(map(made.__getitem__, keys))

    def held(self, risk: SupplierRisk) -> tuple[list[str], list[str]]:
        """The supplier's certifications and audits, each as its score counted it
        ("certification 'Fairtrade' valid until 2027-06-30", "audit 'SMETA' of 2024-03-01
        older than 24 months: not counted"): what a flag's evidence records of them, for
        every supplier, sorted as a diff compares them."""
        key = id(risk)
        found = self._held.get(key)
        if found is None:
            adjustments = risk.by_type[RISK_TYPES[0]].adjustments
            found = self._held[key] = held_labels(label for label, _ in adjustments)
        return found

    def gaps(self, risk: SupplierRisk, below: str | None) -> list[str]:
        """The supplier's data gaps: its score's, and that of the tiers beneath it, if any
        (UNMAPPED_BELOW, NOTHING_FOLLOWED, document.DENIED_BELOW)."""
        key = (tuple(risk.gaps), below)  # (equal gaps: one list for all)
        found = self._gaps.get(key)
        if found is None:
            found = self._gaps[key] = risk.gaps + ([below] if below else [])
        return found

    def flagged(
        self,
        risk: SupplierRisk,
        sector: str | None,
        country: str | None,
        below: str | None,
        handles: Handles = UNKNOWN,
    ) -> list[_Flagged]:
        """The risk types a mapped supplier is flagged for, with the score and basis of each
        (made once per distinct set of parts: see `parts`)."""
        gaps = self.gaps(risk, below)
        found: list[_Flagged] = []
        for rank, rt in enumerate(RISK_TYPES):
            detail = risk.by_type[rt]
            hidden = _gap_worst(risk, rt)
            shown = detail.score if hidden is None else hidden
            if shown.level not in self.flagged_levels:
                continue
            facts = detail.evidence
            if hidden is None or risk.worst is None:
                reason = detail.floor_reason or self.reason(
                    detail,
                    sector,
                    country,
                    any(GUESSED in g for g in risk.gaps),
                    rt,
                    RECRUITER_GAP in risk.gaps,
                )
            else:
                # a data gap that hides a likely higher risk is flagged at that risk
                where = risk.worst[rt][1]
                # (of another sector its sector text names, where that one's is the higher)
                named = (risk.worst_sectors or {}).get(rt, sector)
                reason = (
                    f"country unknown: {named} is listed or scores {hidden.level} in"
                    f" {display_name(where)}; own score with no country data is"
                    f" {detail.score.level}. Get this supplier's country."
                )
                # the figure flagged is the worst case's: what set it is evidence too, and
                # its severity stands for the own score's
                facts = [
                    *(f for f in facts if not f.indicator.startswith(SEVERITY_FACT)),
                    *worst_case_evidence(
                        named,
                        where,
                        hidden,
                        (risk.worst_reasons or {}).get(rt, ""),
                        (risk.worst_listed or {}).get(rt, ()),
                    ),
                ]
            evidence = self.evidence(facts) if facts is not detail.evidence else self.ids(detail)
            # (a supplier in a region of state-imposed forced labour: regions)
            region = bool(detail.region)
            measures = self.measures(rt, sector, False, gaps, handles, region)
            found.append((rank, rt, shown, self.basis(reason, evidence, measures)))
        return found

    def reason(
        self,
        detail: RiskDetail,
        sector: str | None,
        country: str | None,
        guessed: bool,
        rt: str,
        recruiter: bool = False,
    ) -> str:
        """_reason, made once for each set of what it says."""
        # (the country score is the scorer's own object, one per country and risk type)
        key = (
            id(detail.country),
            detail.sector_likelihood,
            sector,
            detail.sector,
            country,
            guessed,
            rt,
            recruiter,
        )
        found = self._reasons.get(key)
        if found is None:
            self._keep.append(detail.country)
            found = self._reasons[key] = _reason(
                detail, sector, country, self.profiles, guessed, rt, recruiter
            )
        return found

    def basis(self, reason: str, evidence: list[str], measures: tuple[list[str], int]) -> str:
        """The id of a flag's basis (reason, evidence ids, measure ids and the count of
        those not shown), stored once."""
        ids, not_shown = measures
        basis_id = basis_id_of(reason, evidence, ids, not_shown)
        if basis_id not in self._bases:
            self._bases[basis_id] = {
                "reason": reason,
                "evidence": evidence,
                "remediation": ids,
                "measures_not_shown": not_shown,
            }
        return basis_id

    def basis_of(self) -> dict[str, dict[str, Any]]:
        """Each basis by its id, in the order made (`bases` sorts them, for the document)."""
        return self._bases

    def bases(self) -> dict[str, dict[str, Any]]:
        return {key: self._bases[key] for key in sorted(self._bases)}  # (keys: unique)

    def listings(self, risk: SupplierRisk) -> list[dict[str, Any]]:
        key = tuple(map(id, risk.listings))  # (the listings are the risk data's own objects)
        if key not in self._listings:
            self._listings[key] = [
                {
                    "good": g.good,
                    "country": g.iso3,
                    # (a downstream listing's: those it raises, from its inputs' listings)
                    "risk_types": list(g.downstream_types if g.downstream else g.risk_types),
                    "downstream": g.downstream,
                    "year": g.year,
                    # (what the removal is reported for, where not all the listing's risk
                    # types; one an overlay records says so: the user's, not the source's)
                    "removed_2024": g.removal_said,
                }
                for g in risk.listings
            ]
        return self._listings[key]  # type: ignore[no-any-return]

    def worst(self, risk: SupplierRisk) -> dict[str, Any]:
        key = id(risk)
        if key not in self._worst:
            assert risk.worst is not None
            self._worst[key] = {
                rt: {**score.as_dict(), "country": iso3} for rt, (score, iso3) in risk.worst.items()
            }
        return self._worst[key]  # type: ignore[no-any-return]

    def ids(self, detail: RiskDetail) -> list[str]:
        """`evidence` of a score's detail: where it was made from another's, from the ids of
        that one's (a supplier's own audits are a few facts among the score's many)."""
        made = detail.made_from
        if made is None:
            return self.evidence(detail.evidence)
        key = id(detail.evidence)
        found = self._evidence.get(key)
        if found is None:
            source, at, inserted = made
            ids = self.ids(source)
            found = self._evidence[key] = [*ids[:at], *self.evidence(inserted), *ids[at:]]
            self._keep.append(detail.evidence)  # (the key's id stays unique while it lives)
        return found

    def evidence(self, items: list[Evidence]) -> list[str]:
        """Ids of the facts behind a score; each fact is stored once in the catalogue."""
        key = id(items)
        found = self._evidence.get(key)
        if found is None:
            fact_ids = self._fact_ids
            # every fact object seen in another score (the usual case): one C-level pass
            seen: list[str | None] = list(map(fact_ids.get, map(id, items)))
            try:
                at = seen.index(None)
                while True:  # the facts not seen before (a supplier's own: its audits)
                    seen[at] = fact_ids.get(id(items[at])) or self._fact_id(items[at])
                    at = seen.index(None, at + 1)
            except ValueError:  # no fact left unseen
                pass
            found = self._evidence[key] = cast(list[str], seen)
            self._keep.append(items)
        return found

    def _fact_id(self, item: Evidence) -> str:
        """The id of a fact not seen before as this object, stored in the catalogue."""
        # what the fact's id is made from: its values as the catalogue writes them ("None"
        # for a missing year or note); equal facts in other objects (thousands of them on
        # large chains) are looked up by it
        text = "\x1f".join(
            (
                str(item.indicator),
                str(item.value),
                str(item.year),
                str(item.source),
                str(item.note or None),
            )
        )
        fact_id = self._text_ids.get(text)
        if fact_id is None:
            fact_id = "EV-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
            self._text_ids[text] = fact_id
            self._facts.setdefault(fact_id, item.as_dict())
        self._fact_ids[id(item)] = fact_id
        self._keep.append(item)  # ids stay unique while the item is alive
        return fact_id

    def facts(self) -> dict[str, dict[str, Any]]:
        return {key: self._facts[key] for key in sorted(self._facts)}

    def measures(
        self,
        risk_type: str,
        sector: str | None,
        inferred: bool,
        gaps: list[str],
        handles: Handles = UNKNOWN,
        state_imposed: bool = False,
    ) -> tuple[list[str], int]:
        """A flag's measure ids, and how many more fit it than are shown."""
        key = (risk_type, sector, inferred, tuple(gaps), handles, state_imposed)
        found = self._measures.get(key)
        if found is None:
            selection = select_measures(
                self.profiles, risk_type, sector, inferred, gaps, handles, state_imposed
            )
            for m in selection.measures:
                self._used.setdefault(m["id"], {k: v for k, v in m.items() if k != "id"})
            found = self._measures[key] = (
                [m["id"] for m in selection.measures],
                selection.not_shown,
            )
        return found

    def catalogue(self) -> dict[str, dict[str, Any]]:
        """Every measure any flag names, once, in due-diligence step order."""
        order = {step: i for i, (step, _) in enumerate(self.profiles.steps)}
        return dict(
            sorted(self._used.items(), key=lambda kv: (order.get(kv[1]["step"], 99), kv[0]))
        )


def _reason(
    detail: Any,
    sector: str | None,
    country: str | None,
    profiles: Profiles,
    guessed: bool,
    risk_type: str,
    recruiter: bool = False,
) -> str:
    """Why a supplier without a listing is flagged: its sector and country (a sector
    guessed from its products said so, as no lower than a sector not known; a sector not
    known in a country with goods listed for the risk: how many, which its work may be; a
    labour recruiter, which has no sector of its own, said to be one)."""
    where = display_name(country) if country else "unknown country"
    what = profiles.sectors[sector].name.lower() if sector else "unknown sector"
    if sector is None and detail.sector:
        # (a supplier of no sector scored as the raw sector its products name, where the
        # risk data cannot say its country produces none: read as a trader all the same)
        what = profiles.sectors[detail.sector].name.lower()
    elif sector and detail.sector and detail.sector != sector:
        # (another sector its sector text names, which scores higher here: Scorer._worst_reading)
        what = f"{profiles.sectors[detail.sector].name.lower()} (named beside {what})"
    elif sector and detail.sector is None:
        # (a part of its sector text naming no sector, which scores higher here as a sector
        # not known: Scorer._worst_reading)
        what = f"unknown sector (a part of the sector text, named beside {what})"
    if guessed:
        what += " (taken from products; scored no lower than an unknown sector)"
    if recruiter and sector is None and detail.sector is None:
        what = "labour recruiter (no sector of its own: scored as a sector not known)"
    reason = (
        f"{what} in {where}: sector likelihood "
        f"{'n/a' if detail.sector_likelihood is None else detail.sector_likelihood},"
        f" country score {detail.country.score:.2f}"
        + (
            " (no country data)"
            if detail.country.no_data
            # (a score resting on few figures, the missing share scored as no data)
            else f" (little country data ({coverage_text(detail.country)}))"
            if detail.country.thin or detail.country.unrated
            else ""
        )
    )
    if sector is None and detail.sector is None and country and not recruiter:
        goods = {g.good for g in profiles.country_goods(country, risk_type)}
        if goods:
            reason += (
                f"; {len(goods)} good{'s' if len(goods) > 1 else ''} listed there for this risk"
                + (" (for forced child labour)" if risk_type == "human_trafficking" else "")
                + " (see the evidence): give its sector, or name its goods in its products,"
                " if its work is one of them"
            )
    return reason


def _plain(value: Any) -> Any:
    """An extra column's value as JSON holds it (an integer the JSON writer cannot write as
    its digits, a number that is not finite); a YAML key's list or mapping item by item
    (iterative: nested at any depth)."""
    if isinstance(value, list | dict):
        return rebuilt(value, _plain, _plain_key)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and value not in INTEGERS:
        return str(value)
    if type(value) is float and not isfinite(value):
        return None  # (YAML's .nan and .inf: null, as the JSON writer writes them)
    if isinstance(value, float | int | str | bool) or value is None:
        return value
    return str(value)


def _plain_key(key: Any) -> str:
    """A key of a YAML key's mapping as JSON holds it (text): null, true and false as YAML
    writes them, anything else as its text (a date as ISO, a number as its digits)."""
    if key is None or isinstance(key, bool):
        return "null" if key is None else str(key).lower()
    return str(key)
