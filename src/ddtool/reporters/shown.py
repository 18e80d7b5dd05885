"""What the report formats show alike beyond the document's fields: a level resting on missing
data (and the flags counted by it), a sector the taxonomy does not know, a supplier's region
beside its country, an evidence line and the sources it names, an input warning with its
place."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ddtool.document import (
    COUNTRY_UNKNOWN,
    EXPOSURE_ON_A_GAP,
    NOT_OF_ITS_SCORE,
    exposure_gaps,
    exposure_on_a_gap,
    gap_bears,
    gap_of,
    holds_gaps,
    indicator_words,
    low_on_a_gap,
    placed_in_one_country,
    supplier_scores,
)
from ddtool.errors import Location
from ddtool.model import LEVELS
from ddtool.nested import flow_text

if TYPE_CHECKING:
    from ddtool.profiles import Indicator

# a low level on missing data reads so in every report: a filter on "low" does not find it
GAP_LEVEL = "low (data gap)"
# what follows the level of a chain's exposure on which data gaps bear ("medium (data gap)")
ON_A_GAP = " (data gap)"
# the levels flags are counted by in the summaries, highest first: those low on missing data
# apart from plain low (a missing figure is never low risk)
SHOWN_LEVELS = ("critical", "high", "medium", GAP_LEVEL, "low")

# the risk types as the reports name them (the terminal, narrow, says "trafficking")
RISK_NAMES = {
    "child_labour": "child labour",
    "forced_labour": "forced labour",
    "human_trafficking": "human trafficking",
}


# a sector the taxonomy does not know reads as written, and that
NOT_IN_TAXONOMY = " (not in the taxonomy)"


def sector_text(sector: Any, written: Any) -> str:
    """A sector as the registers show it: its taxonomy id; where the taxonomy does not know
    it (no id), the text as written and that ("widget-making (not in the taxonomy)"), not a
    blank; blank where the file gives none."""
    if sector:
        return str(sector)
    return f"{written}{NOT_IN_TAXONOMY}" if written else ""


def level_shown(entry: dict[str, Any], level: str, risk_type: str | None = None) -> str:
    """A level as the reports show it: "low (data gap)" where the supplier (or a flag joined
    with its supplier, see document.register) is low on missing data (see low_on_a_gap): of
    this risk type, or the flag's own."""
    return GAP_LEVEL if level == "low" and low_on_a_gap(entry, level, risk_type) else level


def gap_level(level: str, on_a_gap: bool) -> str:
    """An exposure level (a chain's, a supplier's) as the reports show it: with data gaps
    that bear on it (see document.chain_gaps), "low (data gap)" (never plain "low") or
    "medium (data gap)"."""
    if not on_a_gap:
        return level
    return GAP_LEVEL if level == "low" else f"{level}{ON_A_GAP}"


def plain_level(shown: str) -> str:
    """A level as shown without what says that data gaps bear on it ("medium (data gap)":
    "medium")."""
    return shown.removesuffix(ON_A_GAP)


def shown_rank(shown: str) -> int:
    """Where a level as the reports show it stands, lowest 0: a level on which data gaps bear
    just above the same level known (low, "low (data gap)", medium, "medium (data gap)",
    high, …: what the missing data hides may be worse, and is never lower risk); -1 for a
    text that is no level. `diff` sorts its flags and says which way a level changed by it,
    and a batch ranks its members by it."""
    plain = plain_level(shown)  # ("low (data gap)": low)
    if plain not in LEVELS:
        return -1
    return 2 * LEVELS.index(plain) + (shown != plain)


def level_colour(shown: str) -> str:
    """The level a level as shown is coloured as: "low (data gap)" as none of the levels
    (no low risk: GAP_LEVEL, which the reports do not colour), "medium (data gap)" as
    medium (it is at least that)."""
    return shown if shown == GAP_LEVEL else plain_level(shown)


def exposure_text(shown: str, where: str) -> str:
    """An exposure with where it sits as the Excel and Markdown summaries write it, its level
    as shown: "high (priority 0.6, from S1 (Kakao Coop))"; on a gap "low (data gap; priority
    0.1375, from S2 (Farm two))", "medium (data gap; …)"."""
    if shown.endswith(ON_A_GAP):
        return f"{shown[:-1]}; {where})"
    return f"{shown} ({where})"


def chain_levels(document: Mapping[str, Any]) -> dict[str, str]:
    """The chain's (the company's) exposure level of each risk type as every report shows
    it: with "(data gap)" where a supplier low on missing data bears on it, whichever
    supplier its maximum sits on: the summary exposure's `data_gaps` (schema 2.3); an
    earlier document's read from its supplier entries (document.exposure_gaps)."""
    exposure = (document.get("summary") or {}).get("exposure") or {}
    gaps = exposure_gaps(document)
    return {rt: gap_level(str(e.get("level")), bool(gaps.get(rt))) for rt, e in exposure.items()}


class ExposureLevels:
    """How the reports show a supplier's exposure: its level as the chain's is shown
    (chain_levels), with "(data gap)" where a supplier at or beneath it is low on missing
    data of its risk type, whichever supplier its maximum sits on, below critical ("low
    (data gap)", never plain "low"; "medium (data gap)"): its `on_a_gap` (schema 2.3); in
    an earlier document read from the supplier entries (document.exposure_on_a_gap). And the
    supplier an exposure's maximum sits on, named."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._suppliers: Iterable[dict[str, Any]] = document.get("suppliers") or []
        self._held = holds_gaps(document)
        self._marks: dict[str, set[str]] | None = None  # (an earlier document's, when asked)
        self._names: dict[str, Any] | None = None  # the suppliers' names, made when asked

    def on_a_gap(self, entry: Mapping[str, Any], risk_type: str) -> bool:
        """Whether data gaps bear on a supplier's exposure of this risk type."""
        exposure = (entry.get("exposure") or {}).get(risk_type) or {}
        if self._held:
            return exposure.get(EXPOSURE_ON_A_GAP) is True
        if not gap_bears(exposure.get("level")):
            return False
        if self._marks is None:
            self._marks = exposure_on_a_gap(self._suppliers)
        return risk_type in self._marks.get(str(entry.get("id")), ())

    def source(self, exposure: Mapping[str, Any]) -> str:
        """The supplier an exposure's maximum sits on, with its name where it has one:
        "T3-01 (Meagui farmers group)"; "" for none."""
        sid = exposure.get("from")
        if not sid:
            return ""
        if self._names is None:
            self._names = {str(s.get("id")): s.get("name") for s in self._suppliers}
        name = self._names.get(str(sid))
        return f"{sid} ({name})" if name and name != sid else str(sid)

    def level(self, entry: Mapping[str, Any], risk_type: str) -> str:
        """A supplier's exposure level of this risk type as shown: "low (data gap)",
        "medium (data gap)" where data gaps bear on it."""
        level = str(((entry.get("exposure") or {}).get(risk_type) or {}).get("level"))
        return gap_level(level, self.on_a_gap(entry, risk_type))


def flags_by_shown_level(document: dict[str, Any]) -> dict[str, int] | None:
    """The flags by the level the reports show them at (SHOWN_LEVELS): the summary's counts,
    with the low flags on missing data ("low (data gap)", see level_shown) apart from plain
    low. None where the document cannot tell them apart (see _low_flags_on_a_gap)."""
    summary = document.get("summary") or {}
    by_level = summary.get("flags_by_level") or {}
    low = by_level.get("low", 0)
    on_a_gap = _low_flags_on_a_gap(document) if low else 0
    if on_a_gap is None:
        return None
    counts = {level: by_level.get(level, 0) for level in SHOWN_LEVELS}
    counts.update({GAP_LEVEL: on_a_gap, "low": low - on_a_gap})
    return counts


def flag_counts(document: dict[str, Any]) -> dict[str, int]:
    """The flags by the level the reports show them at (flags_by_shown_level); the
    summary's own counts, highest first, where the document cannot tell them apart."""
    counts = flags_by_shown_level(document)
    if counts is None:
        by_level = document["summary"]["flags_by_level"]  # (there are low flags)
        return {level: by_level.get(level, 0) for level in SHOWN_LEVELS if level != GAP_LEVEL}
    return counts


def _low_flags_on_a_gap(document: dict[str, Any]) -> int | None:
    """How many low flags rest on missing data. A document that holds only some of its flags
    (what the terminal reads of a large run, see Assessment.glance) tells it by the supplier
    entries it holds: with low flags (flag_level low), every risk type of every supplier is
    flagged at the score it is shown at (supplier_scores: an inferred one's worst case), so
    each low score of a supplier with a gap of its own (an inferred stage's: a country not
    known) is one such flag. None where it lacks the entry of such a supplier."""
    entries = document.get("suppliers") or []
    on_a_gap = {str(s.get("id")): s for s in entries if low_on_a_gap(s, "low")}
    flags = document.get("flags") or []
    if len(flags) == document["summary"].get("flags"):  # (every flag)
        return sum(
            1
            for f in flags
            if f.get("level") == "low"
            and (
                # a schema-2 flag has its supplier's gaps on the supplier's entry
                str(f.get("supplier_id")) in on_a_gap
                and low_on_a_gap(on_a_gap[str(f.get("supplier_id"))], "low", f.get("risk_type"))
                if "basis" in f
                else low_on_a_gap(f, "low")
            )
        )
    gapped = {
        str(g.get("supplier_id"))
        for g in document.get("data_gaps") or []
        if g.get("gap") not in NOT_OF_ITS_SCORE
    }
    if not gapped <= {str(s.get("id")) for s in entries}:
        return None
    return sum(
        1
        for entry in on_a_gap.values()
        for risk_type, score in supplier_scores(entry).items()
        if isinstance(score, dict) and low_on_a_gap(entry, score.get("level"), risk_type)
    )


def highest_shown(document: dict[str, Any], counts: Mapping[str, int] | None) -> str | None:
    """The summary's highest level as shown: "low (data gap)" where every low flag rests on
    missing data (`counts` from flags_by_shown_level)."""
    highest = document["summary"].get("highest_level")
    if highest == "low" and counts is not None and counts[GAP_LEVEL] and not counts["low"]:
        return GAP_LEVEL
    return str(highest) if highest else None


def value_text(value: Any) -> str:
    """An evidence value as every report writes it: a whole number without ".0" (an ITUC
    rating of 5 as its source and `ddtool explain` write it, not "5.0"), any other number
    as the JSON gives it (92.096, not 92.1), text as it is."""
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return "" if value is None else str(value)


def own_value_text(value: Any) -> str:
    """A value of the user's own column or YAML key as every report writes it: a single
    value as value_text does; a list or mapping as YAML's flow style writes it, as the user
    may have (`[x, y]`, `{visited: 2024}`)."""
    if isinstance(value, list | dict):
        return flow_text(value, _flow_single)
    return value_text(value)


def _flow_single(value: Any) -> str:
    """A single value in a list or mapping as YAML writes it: null, true, false."""
    if value is None or isinstance(value, bool):
        return "null" if value is None else str(value).lower()
    return value_text(value)


def figure_text(indicator: Indicator) -> str:
    """A country figure as the evidence of every register gives it: its number where it has
    one, a whole number without ".0" (a share the source writes "13.0" reads 13)."""
    return value_text(indicator.number if indicator.number is not None else indicator.value)


def evidence_text(item: Mapping[str, Any]) -> str:
    """One evidence item as `indicator: value (year, source) — note`, as every register shows
    it (the note says what a value is, or that its copy is less certain)."""
    return f"{indicator_words(str(item.get('indicator', '')))}: {evidence_said(item)}"


def evidence_meta(item: Mapping[str, Any]) -> str:
    """An evidence item's year and source as the registers give them: `year, source`."""
    return ", ".join(str(x) for x in (item.get("year"), item.get("source")) if x not in (None, ""))


def evidence_said(item: Mapping[str, Any]) -> str:
    """What an evidence item says after its indicator: `value (year, source) — note`."""
    meta = evidence_meta(item)
    text = value_text(item.get("value"))
    text = f"{text} ({meta})" if meta else text
    return f"{text} — {item['note']}" if item.get("note") else text


def evidence_source(item: Mapping[str, Any]) -> str:
    """Where an evidence item's value comes from, as the registers say it, for a figure shown
    beside it (`ddtool explain`): `year, source — note`."""
    meta = evidence_meta(item)
    note = str(item.get("note") or "")
    return f"{meta} — {note}" if meta and note else meta or note


# how a ddtool sector rating's note names the source its rating rests on (ddtool.scoring):
# "… [source behind it: NAME (YEAR)]"
BEHIND = "[source behind it: "


def sources_behind(item: Mapping[str, Any], sources: Iterable[Mapping[str, Any]]) -> list[str]:
    """The sources a fact's note names as those behind it: the catalogue name of each
    source it names ("NAME (YEAR)", or NAME; several joined by "; ", as a sector rating
    resting on two sources names them), else the text as written; none when it names none."""
    note = str(item.get("note") or "")
    at = note.rfind(BEHIND)
    if at < 0:
        return []
    named = note[at + len(BEHIND) :].strip()
    named = named[:-1] if named.endswith("]") else named
    if not named:
        return []
    # each way a source is named, with its catalogue name (the longest tried first: a name
    # may hold "; ")
    written: dict[str, str] = {}
    for source in sources:
        name = str(source.get("name"))
        written[f"{name} ({source.get('year')})"] = written[name] = name
    ways = sorted(written, key=len, reverse=True)
    found: list[str] = []
    rest = named
    while rest:
        way = next((w for w in ways if rest == w or rest.startswith(w + "; ")), None)
        if way is None:
            return [named]  # (not the catalogue's names, each whole: the text as written)
        found.append(written[way])
        rest = rest[len(way) + 2 :]
    return list(dict.fromkeys(found))


def supplier_regions(suppliers: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The region of every supplier that has one, by id (a flag's supplier entry holds it)."""
    return {str(s.get("id")): str(s["region"]) for s in suppliers if s.get("region")}


WORST_ORIGIN = "worst case of its origin mix"
# an inferred stage whose country is not known (`inferred:SECTOR@unknown`, methodology
# section 4.1) is flagged at the worst case over the countries where its sector is listed:
# it has no origin mix, and its flag's country is no origin of one
WORST_UNKNOWN = "worst case with the country unknown"
# an inferred stage placed in one country, its buyer's (`inferred:fabric-manufacturing@BGD`,
# whose Assumption reads "stage assumed in the buyer's country"): its one origin is no mix
ASSUMED_IN_BUYERS_COUNTRY = "assumed: the buyer's country"
# a Country cell of a register (CSV, Excel, HTML, Markdown) where the supplier's country is
# not known (its gap COUNTRY_UNKNOWN): said, not left blank, which reads as not filled in
UNKNOWN_CELL = "unknown"


def flag_gaps_text(flag: Mapping[str, Any]) -> str:
    """A register row's data gaps: those of the flag's supplier (joined with it) that bear
    on the flag's risk type, joined by '; '. Another risk type's country data ("little
    country data for child_labour (25%)") is no gap of a forced-labour flag."""
    risk_type = flag.get("risk_type")
    gaps = map(str, flag.get("data_gaps") or ())
    return "; ".join(g for g in gaps if risk_type is None or gap_of(g, risk_type))


def country_unknown(entry: Mapping[str, Any]) -> bool:
    """Whether a supplier entry (or a flag joined with its supplier, see document.register)
    has its country unknown: the gap "country unknown" among its data gaps."""
    return COUNTRY_UNKNOWN in (entry.get("data_gaps") or ())


def supplier_country(entry: Mapping[str, Any]) -> str:
    """A supplier's Country cell in a register of suppliers: its country; UNKNOWN_CELL where
    it is not known (a mapped supplier's, or an inferred stage's placed in a country not
    known); "" for an inferred supplier of an origin mix (its Assumption says so)."""
    country = entry.get("country")
    if country:
        return str(country)
    return UNKNOWN_CELL if country_unknown(entry) else ""


def inferred_place(entry: Mapping[str, Any]) -> str:
    """Where an inferred supplier without a country of its own sits, in words: "country
    unknown" for a stage in a country not known (its worst case is that of the countries
    where its sector is listed), else "origin mix" (its origins are listed beneath it)."""
    return COUNTRY_UNKNOWN if country_unknown(entry) else "origin mix"


def flag_country(
    flag: Mapping[str, Any], label: Callable[[str], str] = str, unknown: str = UNKNOWN_CELL
) -> str:
    """A flag's country as a report shows it (`label` writes the code): an inferred
    supplier's flag sits in the country its worst case comes from, said so, so that no reader
    takes it for where the supplier is: the origin of its origin mix ("CIV (worst case of its
    origin mix)"), for a stage placed in its buyer's country that country, said so ("BGD
    (assumed: the buyer's country)"), or for a stage in a country not known the country where
    its sector is listed that sets the worst case ("ARG (worst case with the country
    unknown)"). Without a country: `unknown` where the supplier's country is not known (a
    mapped supplier's), "" where the document does not say."""
    country = flag.get("country")
    if not country:
        return unknown if country_unknown(flag) else ""
    shown = label(str(country))
    if not flag.get("inferred"):
        return shown
    if country_unknown(flag):
        return f"{shown} ({WORST_UNKNOWN})"
    if placed_in_one_country(flag):
        return f"{shown} ({ASSUMED_IN_BUYERS_COUNTRY})"
    return f"{shown} ({WORST_ORIGIN})"


def country_and_region(country: str, region: str | None) -> str:
    """'CIV (San-Pédro)' where there is no room for a column of its own; the country alone
    without a region; the region alone (it may be given without a country)."""
    if not region:
        return country
    return f"{country} ({region})" if country else f"({region})"


# where an input warning sits, as the JSON has it
LOCATION_FIELDS = ("file", "sheet", "row", "column", "line")


def warning_cells(warning: dict[str, Any]) -> list[Any]:
    """An input warning as cells: type, severity, message, suggestion, then its location (file,
    sheet, row, column, line); what it does not give is None. A warning that is no object, or
    has no message, raises (`ddtool report` names the file that lacks it)."""
    location = warning.get("location") or {}
    return [
        warning.get("type"),  # the warning's code: "other-supplier-sheets", "note-row" …
        warning.get("severity"),
        warning["message"],
        warning.get("suggestion"),
        *(location.get(key) for key in LOCATION_FIELDS),
    ]


def warning_place(warning: dict[str, Any]) -> str:
    """Where a warning sits, as ddtool validate prints it: `file, sheet 'S', row 3, column
    'C'` (a YAML file's: `file, line 4, key 'k'`); empty when it names no file."""
    location = warning.get("location") or {}
    if not location.get("file"):
        return ""
    return str(
        Location(
            str(location["file"]),
            location.get("sheet"),
            location.get("row"),
            location.get("column"),
            location.get("line"),
        )
    )


def warning_text(warning: dict[str, Any]) -> str:
    """A warning's message, with its suggestion as ddtool validate gives it."""
    text = str(warning["message"])
    if warning.get("suggestion"):
        text += f" (did you mean {warning['suggestion']}?)"
    return text


def not_shown_text(count: int) -> str:
    """What the registers say under a flag's measures where more fit it than are shown."""
    more = "1 more measure fits" if count == 1 else f"{count} more measures fit"
    return f"+{more} this flag, not shown (six at most per flag)"


def measure_text(measure: Mapping[str, Any]) -> str:
    """A measure as the registers give it: its due-diligence step, then its title ("Cease
    and prevent: Check age records at hiring"); the title alone where no step is named."""
    step = measure.get("step_name") or measure.get("step")
    title = str(measure.get("title", ""))
    return f"{step}: {title}" if step else title


def measure_lines(measures: list[dict[str, Any]], not_shown: int) -> list[str]:
    """A flag's measures as the registers list them (measure_text), with the line saying
    how many more fit where some are not shown."""
    return [*map(measure_text, measures), *([not_shown_text(not_shown)] if not_shown else [])]


def settings_text(document: dict[str, Any]) -> str | None:
    """The settings an assessment was made with, as every report says them: the settings
    file (or none) and each value that is not the default ("thresholds.critical 0.9
    (default 0.7)"): a reader then knows why there is no critical flag. None where the
    document records no settings (an earlier version's).

    Without a settings file the document was made with the defaults of the ddtool that
    wrote it, whatever today's are (an earlier one recognised other certifications): "the
    defaults". With one, a setting the document does not record (one added to ddtool since)
    is not said to differ: what it would have been is not known."""
    from ddtool.config import Config
    from ddtool.diff import settings_changes

    options = document.get("options") or {}
    used = options.get("settings")
    if not isinstance(used, dict):
        return None
    if not options.get("config"):
        return "the defaults"
    defaults = _recorded_part(Config().model_dump(mode="json"), used)
    changed = settings_changes(defaults, _recorded_part(used, defaults))
    where = f"{options['config']}: "
    if not changed:
        return f"{where}the defaults"
    said = []
    for change in changed:
        default, value = change["old"], change["new"]
        if isinstance(default, list) and isinstance(value, list):
            items = [f"+{v}" for v in value if v not in default]
            items += [f"-{v}" for v in default if v not in value]
            said.append(f"{change['key']} {', '.join(map(str, items))}")
        else:
            said.append(f"{change['key']} {value} (default {default})")
    return where + "; ".join(said)


# how a level follows from the scores, as `ddtool explain` and every report say it
PRIORITY_RULE = "priority = likelihood × severity"


def levels_text(medium: float, high: float, critical: float) -> str:
    """The lower bounds of the levels above low: "levels: medium ≥ 0.3, high ≥ 0.5,
    critical ≥ 0.7" (below medium: low)."""
    return f"levels: medium ≥ {medium:g}, high ≥ {high:g}, critical ≥ {critical:g}"


def level_rule_text(document: dict[str, Any]) -> str:
    """How a level follows from its priority, with the thresholds the assessment was made
    with (`options.settings.thresholds`, all three, changed or not): "priority = likelihood
    × severity; levels: medium ≥ 0.3, high ≥ 0.5, critical ≥ 0.7", so that a reader checks
    any level from the register alone. An assessment that records no thresholds (an earlier
    version's) says so rather than giving today's defaults."""
    options = document.get("options")
    settings = options.get("settings") if isinstance(options, dict) else None
    recorded = settings.get("thresholds") if isinstance(settings, dict) else None
    bounds = [recorded.get(key) for key in LEVELS[1:]] if isinstance(recorded, dict) else []
    if len(bounds) == 3 and all(type(b) in (int, float) for b in bounds):
        medium, high, critical = (float(b) for b in bounds if b is not None)
        return f"{PRIORITY_RULE}; {levels_text(medium, high, critical)}"
    return f"{PRIORITY_RULE}; levels: the thresholds are not recorded in this assessment"


def _recorded_part(settings: dict[str, Any], recorded: dict[str, Any]) -> dict[str, Any]:
    """The settings of `settings` that `recorded` holds too, block by block."""
    return {
        key: _recorded_part(value, recorded[key])
        if isinstance(value, dict) and isinstance(recorded[key], dict)
        else value
        for key, value in settings.items()
        if key in recorded
    }
