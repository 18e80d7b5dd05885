"""`ddtool profiles`: show what the bundled risk data holds, with sources and years."""

from __future__ import annotations

import shlex
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ddtool.profiles import GoodChange, GoodListing, Indicator, Measure, Profiles, good_base
from ddtool.reference.countries import display_name, normalise_country
from ddtool.scoring import COUNTRY_SPECS, RATING_SOURCE


def show_list(p: Profiles, console: Console) -> None:
    table = Table(title=f"Risk profiles {p.version}", title_justify="left")
    table.add_column("part")
    table.add_column("count", justify="right")
    table.add_column("what")
    table.add_row("countries", str(len(p.indicators)), "countries/territories with indicators")
    table.add_row(
        "indicator values",
        str(sum(len(v) for c in p.indicators.values() for v in c.values())),
        "GSI 2023, US DOL ILAB 2022, ILO ratifications, ITUC 2026, ILOSTAT informality",
    )
    table.add_row("sectors", str(len(p.sectors)), "taxonomy with inherent risk and inputs")
    # (an overlay's rows are the user's, never the US DOL list's: counted apart)
    given = Counter(g.overlay for g in p.goods if g.overlay)
    table.add_row(
        "goods",
        str(len(p.goods)),
        f"good × country rows: {len(p.goods) - sum(given.values())} from the US DOL List of"
        " Goods 2022"
        + "".join(f", {count} from the overlay {where}" for where, count in sorted(given.items())),
    )
    table.add_row(
        "goods changes 2024", str(len(p.goods_changes)), "confirmed changes, recorded only"
    )
    table.add_row("origins", str(len(p.origins)), "commodities with production shares")
    table.add_row("measures", str(len(p.measures)), "remediation catalogue (OECD steps)")
    table.add_row("sources", str(len(p.sources)), "see `ddtool profiles sources`")
    console.print(table)
    console.print(f"content sha256: {p.sha256}")
    console.print(f"location: {p.root}")
    if p.overlays:
        console.print(f"overlays: {', '.join(p.overlays)}")


# what `ddtool profiles list PART` lists, one row each, with the kind `profiles show` takes
LISTS = {"sectors": "sector", "countries": "country", "goods": "good"}


def show_part(p: Profiles, part: str, console: Console) -> str | None:
    """Every sector, country or good of the risk data, one row each, with the key `profiles
    show` and a chain file take; returns an error message for a part that is none of them."""
    word = part.strip().casefold()
    chosen = next((part for part, kind in LISTS.items() if word in (part, kind)), word)
    if chosen not in LISTS:
        from ddtool.graph import closest_id

        best = closest_id(word, list(LISTS))
        hint = f" (did you mean {best!r}?)" if best else ""
        return f"unknown part {part!r}{hint}: list sectors, countries or goods"
    if chosen == "sectors":
        table = Table(title=f"Sectors ({len(p.sectors)})", title_justify="left")
        table.add_column("id", no_wrap=True)  # (whole, to be copied)
        for column in ("name", "value chain", "stage"):
            table.add_column(column)
        for sector in sorted(p.sectors.values(), key=lambda s: s.id):
            table.add_row(
                sector.id,
                sector.name + (f" (overlay {sector.overlay})" if sector.overlay else ""),
                sector.chain,
                sector.stage,
            )
    elif chosen == "countries":
        listed = Counter(g.iso3 for g in p.goods)
        table = Table(title=f"Countries ({len(p.indicators)})", title_justify="left")
        for column in ("ISO3", "name", "indicator values", "listed goods"):
            table.add_column(
                column, justify="right" if column.endswith(("values", "goods")) else "left"
            )
        for iso3 in sorted(p.indicators):
            values = sum(len(v) for v in p.indicators[iso3].values())
            table.add_row(iso3, display_name(iso3), str(values), str(listed.get(iso3, 0)))
    else:
        countries: dict[str, list[str]] = {}
        for g in p.goods:
            countries.setdefault(g.good, []).append(g.iso3)
        table = Table(title=f"Goods ({len(countries)})", title_justify="left")
        for column in ("good", "countries listed"):
            table.add_column(column, overflow="fold")
        for good in sorted(countries, key=str.casefold):
            table.add_row(good, ", ".join(sorted(set(countries[good]))))
    console.print(table)
    console.print(
        f"one of them, with its figures and sources: ddtool profiles show {LISTS[chosen]} …"
    )
    return None


def show_sources(p: Profiles, console: Console) -> None:
    console.print(f"[bold]Bundled goods edition:[/] {p.goods_edition}")
    # the bundled sources, then each overlay's own, apart: those are the user's
    for overlay in dict.fromkeys(s.overlay for s in p.sources.values()):
        if overlay:
            console.print(
                f"[bold]Sources listed by the overlay {escape(overlay)}[/] (given with"
                " --profiles: the user's, not bundled)"
            )
        table = Table(show_lines=True)
        for col in ("id", "source", "publisher", "year", "licence", "location"):
            table.add_column(col, overflow="fold")
        for s in p.sources.values():
            if s.overlay != overlay:
                continue
            table.add_row(
                s.id,
                s.name + (f"\n({s.note})" if s.note else ""),
                s.publisher,
                str(s.year),
                s.licence,
                s.location,
            )
        console.print(table)


def show_item(p: Profiles, kind: str, key: str, console: Console) -> str | None:
    """Render one item; returns an error message when it is not found."""
    kind = kind.casefold()
    if kind == "country":
        return _country(p, key, console)
    if kind == "sector":
        return _sector(p, key, console)
    if kind == "good":
        return _good(p, key, console)
    from ddtool.graph import closest_id

    best = closest_id(kind, ["country", "sector", "good"])
    hint = f" (did you mean {best!r}?)" if best else ""
    return f"unknown kind {kind!r}{hint}: use country, sector or good"


_KINDS = ("country", "sector", "good")


def what_is(p: Profiles, word: str) -> str:
    """The message for `profiles show WORD` without a key: the key a kind needs, or the kinds
    the word names and the commands that show them ('cocoa': a sector and a good)."""
    if word.strip().casefold() in _KINDS:
        kind = word.strip().casefold()
        example = {"country": "CIV", "sector": "cocoa-farming", "good": "cotton"}[kind]
        return f"give the {kind} to show: ddtool profiles show {kind} {example}"
    named: list[tuple[str, str]] = []
    country = normalise_country(word)
    if country.iso3 is not None:
        named.append(("country", f"{display_name(country.iso3)} ({country.iso3})"))
    sector = p.match_sector(word)
    if sector.id is not None:
        named.append(("sector", sector.id))
    good = p.match_good(word)
    if good is not None:
        named.append(("good", good))
    quoted = shlex.quote(word)
    if not named:
        return (
            f"{word!r} names no country, sector or good; write the kind first:"
            f" ddtool profiles show country|sector|good {quoted}"
        )
    what = " and ".join(f"a {kind} ({name})" for kind, name in named)
    commands = ", or ".join(f"ddtool profiles show {kind} {quoted}" for kind, _ in named)
    return f"write the kind first: {word!r} names {what}: {commands}"


def _from_overlay(listing: GoodListing) -> str:
    """What a listing an overlay gives is said to be, wherever it is shown."""
    return f"from the overlay {listing.overlay}, not the US DOL list"


def _removal(listing: GoodListing) -> str:
    """A listing's 2024 removal, with the overlay that records it, if one does."""
    return listing.removal_said or ""


def _change_from(change: GoodChange) -> str:
    """What a 2024 change an overlay records is said to be, wherever it is shown."""
    return (
        f" — from the overlay {change.overlay}, not the bundled changes" if change.overlay else ""
    )


def _missing(data: dict[str, list[Indicator]]) -> list[str]:
    """The indicators the country score reads (the first of each group of alternatives, such
    as the working children's age groups) of which the data has no figure."""
    missing: dict[str, None] = {}
    for specs in COUNTRY_SPECS.values():
        for _label, names, _read, _weight in specs:
            if not any(name in data for name in names):
                missing.setdefault(names[0])
    return sorted(missing)


def _country(p: Profiles, key: str, console: Console) -> str | None:
    match = normalise_country(key)
    if match.iso3 is None and match.not_read_as is not None:
        # here a country is asked for: NA (N.A.) is Namibia, S.D. Sudan
        match = normalise_country(match.not_read_as)
    if match.iso3 is None:
        hint = f" (did you mean {match.suggestion}?)" if match.suggestion else ""
        return f"unknown country {key!r}{hint}"
    iso3 = match.iso3
    data = p.indicators.get(iso3, {})
    console.print(f"[bold]{display_name(iso3)}[/] ({iso3})")
    if not data:
        console.print(
            "no data: no indicator is bundled for this country (a data gap, not low risk)"
        )
    table = Table()
    for col in ("indicator", "sex", "value", "year", "source", "note"):
        table.add_column(col, overflow="fold")
    notes: dict[str, str] = {}
    sexes = ("total", "female", "male")
    for name in sorted(data):
        for item in sorted(data[name], key=lambda i: sexes.index(i.sex) if i.sex in sexes else 9):
            src = p.sources.get(item.source_id)
            mark = ""
            if item.uncertain:
                notes.setdefault(item.source_id, item.verification)
                mark = f"less certain copy [{list(notes).index(item.source_id) + 1}]"
            if item.note and not item.uncertain:
                mark = item.note[:60]
            if item.quality:
                mark = f"{mark}; {item.quality}" if mark else item.quality
            if item.withheld:
                mark = f"not scored: {item.withheld}"
            if item.overlay:  # the user's value, not the bundled one
                mark = f"from the overlay {item.overlay}" + (f"; {mark}" if mark else "")
            table.add_row(
                name,
                item.sex,
                _shown_value(item),
                str(item.year or ""),
                (f"the overlay {item.overlay}; rests on: " if item.overlay else "")
                + (src.name if src else item.source_name),
                mark,
            )
    for name in _missing(data):  # (what the score reads and the data lacks, said)
        table.add_row(name, "total", "no data", "", "", "a data gap: not counted as low")
    if data:
        console.print(table)
        for i, (source_id, note) in enumerate(notes.items(), 1):
            console.print(f"[{i}] {source_id}: {note}", markup=False)
    listings = [g for g in p.goods if g.iso3 == iso3]
    if listings:
        console.print(f"US DOL List of Goods 2022: {len(listings)} goods listed")
        for g in listings:
            removed = f" — removed in 2024: {_removal(g)}" if g.change_2024 else ""
            mine = f" — {_from_overlay(g)}" if g.overlay else ""
            console.print(f"  {g.good}: {g.listed_and_read}{removed}{mine}", markup=False)
    for change in p.goods_changes:
        if change.iso3 == iso3 and change.change.startswith("new_country"):
            console.print(
                f"US DOL List of Goods 2024: {change.note} (which goods is not in the bundled"
                " data: check the current list)" + _change_from(change),
                markup=False,
            )
    return None


def _sector(p: Profiles, key: str, console: Console) -> str | None:
    match = p.match_sector(key)
    if match.id is None:
        why = f": it {match.note}" if match.note else ""  # ("names 'fishing-vessels' … and …")
        hint = f" (did you mean {match.suggestion}?)" if match.suggestion else ""
        return f"unknown sector {key!r}{why}{hint}"
    s = p.sectors[match.id]
    console.print(
        f"[bold]{s.name}[/] ({s.id}) — chain {s.chain}, stage {s.stage}, ISIC {s.isic or 'n/a'}"
    )
    # (a part read spelt right, other sectors named beside it, a mine of unknown scale: what
    # an assessment warns of)
    for told in (match.misspelt, match.beside, match.assumed):
        if told:
            console.print(f"[yellow]{escape(repr(key))} {escape(told)}[/]")
    if s.overlay:  # (its ratings are the overlay's, not the project's)
        console.print(
            f"[yellow]from the overlay {escape(s.overlay)}[/]: its ratings are not ddtool's"
        )
    console.print(f"aliases: {', '.join(s.aliases)}")
    console.print(f"inputs (upstream): {', '.join(s.inputs) or 'none (raw material or service)'}")
    used_by = sorted(o.id for o in p.sectors.values() if s.id in o.inputs)
    console.print(f"used by (downstream): {', '.join(used_by) or 'none'}")
    if s.commodities:
        console.print(f"origin data: {', '.join(s.commodities)}")
    table = Table()
    for col in ("risk type", "likelihood", "severity", "rationale", "source"):
        table.add_column(col, overflow="fold")
    # the figures are a rating (ddtool's, or an overlay's), not the source's: the source is
    # what the rating rests on, as the assessment's evidence says it
    rating = p.sources.get(RATING_SOURCE)
    rated_by = (
        f"the overlay {s.overlay}"
        if s.overlay
        else f"{rating.name} ({rating.year})"
        if rating
        else RATING_SOURCE
    )
    for rt, r in s.risk.items():
        table.add_row(
            rt,
            f"{r.likelihood:g}",
            f"{r.severity:g}",
            r.rationale,
            rated_by
            if r.sources == (RATING_SOURCE,)  # (a rating resting on no source but itself)
            else f"{rated_by}; rests on: {p.rests_on(r)}",
        )
    console.print(table)
    _main_indicators(p, s.id, console)
    listed = Counter(g.good for g in p.goods if g.sector == s.id)
    if listed:
        console.print(
            "listed goods of this sector: "
            + ", ".join(f"{g} ({n})" for g, n in sorted(listed.items()))
        )
    return None


def _main_indicators(p: Profiles, sector: str, console: Console) -> None:
    """The main risk indicators of a sector, apart from the rationales and their sources
    (ddtool reads them there; no source names them), by name, with the measures of the
    catalogue that address each, or that none does."""
    risks = [(rt, r.indicators) for rt, r in p.sectors[sector].risk.items() if r.indicators]
    if not risks:
        return
    console.print(
        "main risk indicators: ddtool's own reading of the rationales above (not the sources'"
        " words); each flag's measures address them first"
    )
    table = Table()
    for col in ("risk type", "main indicator", "addressed by"):
        table.add_column(col, overflow="fold")
    for rt, indicators in risks:
        for indicator in indicators:
            known = p.risk_indicators.get(indicator)
            by = [_measure_named(m) for m in p.addressing(rt, sector, indicator)]
            table.add_row(
                rt,
                escape(known.name if known else indicator),
                escape(", ".join(by))
                or f"no measure in the catalogue addresses it for {rt.replace('_', ' ')}",
            )
    console.print(table)


def _measure_named(measure: Measure) -> str:
    """A measure's id, with what a supplier must handle for it to be given (Measure.inputs,
    Measure.goods)."""
    only = [f"raw material from {' or '.join(measure.inputs)}"] if measure.inputs else []
    only += [" or ".join(measure.goods)] if measure.goods else []
    return measure.id + (f" (only for {'; '.join(only)})" if only else "")


def _good(p: Profiles, key: str, console: Console) -> str | None:
    good = p.match_good(key)
    if good is None:
        names = sorted({g.good for g in p.goods})
        from rapidfuzz import process
        from rapidfuzz.distance import OSA
        from rapidfuzz.utils import default_process

        # a name, or a word of it, a slip of the keys away first ('tee', 'tae': Tea; the
        # partial matches below rank names that hold the letters somewhere: 'Furniture
        # (steel)'): one edit in a short word, two in a longer one
        wanted = default_process(key)
        slips = 1 if len(wanted) <= 5 else 2
        spelt = sorted(
            (edits, name)
            for name in names
            if (
                edits := min(
                    OSA.distance(wanted, word)
                    for word in [default_process(name), *default_process(name).split()]
                )
            )
            <= slips
        )
        # (a name a word of which begins with the key: 'steel' is in 'Furniture (steel)';
        # not one the key holds, 'platinum' holding 'tin', nor one holding its letters
        # inside a word, 'tee' in 'steel')
        partial = [
            m[0]
            for m in process.extract(key, names, processor=default_process, limit=3)
            if m[1] >= 70 and any(word.startswith(wanted) for word in default_process(m[0]).split())
        ]
        close = list(dict.fromkeys([name for _, name in spelt] + partial))[:3]
        hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
        return f"no good {key!r} on the US DOL list{hint}"
    rows = [g for g in p.goods if g.good == good]
    sector = p.good_sectors.get(good)
    console.print(f"[bold]{good}[/] — sector {sector}; US DOL List of Goods, 2022 edition")
    table = Table()
    for col in ("country", "ISO3", "child labour", "forced labour", "forced child labour", "note"):
        table.add_column(col, overflow="fold")
    yes = "[red]yes[/]"
    for g in sorted(rows, key=lambda r: r.country):
        note = g.listed_and_read if g.downstream else ""
        if g.change_2024:
            note = (note + "; " if note else "") + f"removed in 2024 edition ({_removal(g)})"
        if g.overlay:
            note = (note + "; " if note else "") + _from_overlay(g)
        table.add_row(
            display_name(g.iso3),
            g.iso3,
            yes if g.child_labour else "no",
            yes if g.forced_labour else "no",
            yes if g.forced_child_labour else "no",
            escape(note),  # (a source behind a removal is in [brackets]: not markup)
        )
    if rows:
        console.print(table)
    else:
        console.print("not on the 2022 edition's list")
    changes = [c for c in p.goods_changes if c.good and good_base(c.good) == good_base(good)]
    for c in changes:
        what = "removed" if c.change == "removed" else "named as newly listed"
        console.print(
            f"2024 edition: {what} ({c.country or 'country not stated'}): {c.note}"
            + _change_from(c),
            markup=False,
        )
    return None


def _shown_value(item: Indicator) -> str:
    """A value with its unit: '5 on 1 (best) .. 5+ (worst)', '26.3 % of children …'; a
    whole number without ".0", as every report writes it (the source's "8.0" reads 8)."""
    from ddtool.reporters.shown import figure_text

    value = figure_text(item)
    if ".." in item.unit:  # a rating scale, not a unit
        return f"{value} on {item.unit}"
    if item.unit.strip().casefold() == "category":  # a text's kind ("Significant Advancement")
        return value
    return f"{value} {item.unit if '/' not in item.unit else ''}".strip()
