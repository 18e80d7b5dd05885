"""One self-contained HTML file: summary, charts, the chain as a graph, the register as a table.

Everything is rendered by jinja2 with autoescape on; geometry for the SVG charts and the chain
graph is computed here, so the page needs no script library and works offline. The register is
built in the browser from JSON embedded in the page (text only, via textContent), so it can be
sorted and filtered.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ddtool.atomic import write_atomic
from ddtool.document import (
    COUNTRY_UNKNOWN,
    flag_evidence,
    flag_measures,
    gap_counts,
    low_on_a_gap,
    measures_not_shown,
    register,
    supplier_scores,
)
from ddtool.errors import DdtoolError
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.reference.countries import display_name
from ddtool.reporters.interface import Reporter
from ddtool.reporters.markdown_report import inputs
from ddtool.reporters.plan import remediation_plan
from ddtool.reporters.shown import (
    GAP_LEVEL,
    RISK_NAMES,
    ExposureLevels,
    chain_levels,
    country_and_region,
    evidence_text,
    flag_country,
    flag_counts,
    highest_shown,
    inferred_place,
    level_rule_text,
    level_shown,
    measure_lines,
    sector_text,
    settings_text,
    shown_rank,
    supplier_regions,
    warning_place,
    warning_text,
)

TEMPLATES = Path(__file__).parent / "templates"
LEVEL_COLOURS = {"low": "#2e7d32", "medium": "#f2a900", "high": "#ef6c00", "critical": "#c62828"}
INFORMAL_EMPLOYMENT = "ilo_informal_employment_rate_pct"
MAX_GRAPH_SUPPLIERS = 300

# chain graph geometry (px)
# (wide enough for a second line saying "country unknown" or "origin mix" in words, with
# the level "low (data gap)" and a short id: 38 characters of 10px text take about 200px)
NODE_W, NODE_H, COL_GAP, ROW_GAP, TOP = 206, 34, 34, 8, 34
LABEL_CHARS = 26
# the levels bars are stacked by, from the left: low on missing data apart from plain low
CHART_LEVELS = ("low", GAP_LEVEL, *LEVELS[1:])
# bar chart geometry (px)
LABEL_W, BAR_W, BAR_H, BAR_GAP = 210, 300, 16, 6
CHART_LABEL_CHARS = 28


def _top_level(scores: dict[str, Any]) -> str | None:
    """The highest level over risk types of a {risk_type: score} mapping."""
    levels = [s.get("level") for s in scores.values() if isinstance(s, dict)]
    known = [lvl for lvl in levels if lvl in LEVELS]
    return max(known, key=LEVELS.index) if known else None


def _top_priority(scores: dict[str, Any]) -> float:
    values = [float(s.get("priority") or 0) for s in scores.values() if isinstance(s, dict)]
    return max(values, default=0.0)


def _supplier_level(supplier: dict[str, Any]) -> str | None:
    """A supplier is coloured by the scores its flags have (see supplier_scores)."""
    return _top_level(supplier_scores(supplier))


def _supplier_priority(supplier: dict[str, Any]) -> float:
    return _top_priority(supplier_scores(supplier))


def _first_tier(tiers: list[int] | None) -> int | None:
    return min(tiers) if tiers else None


# a node's second line, at most this long: the id is shortened to fit, never the level
SUB_CHARS = 38


def _node_sub(who: str, country: str, level: str) -> str:
    """ "FARM-BR-1 · BRA · low (data gap)": the id shortened where the line is too long."""
    rest = f" · {country} · {level}"
    return _shorten(who, max(SUB_CHARS - len(rest), 2)) + rest


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _country_label(iso3: str | None) -> str:
    """'Bangladesh (BGD)'; the code alone where the name is not known."""
    if not iso3:
        return ""
    name = display_name(iso3)
    return f"{name} ({iso3})" if name and name != iso3 else iso3


def _css_level(level: str | None) -> str:
    """The class suffix a level is coloured by: "none" for a low level on missing data."""
    return "none" if level == GAP_LEVEL else str(level)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)  # as the JSON, CSV and Excel give it (92.096, not 92.1)
    return "" if value is None else str(value)


# ------------------------------------------------------------------------------------ summary


def _summary(document: dict[str, Any]) -> dict[str, Any]:
    s = document["summary"]
    levels, shown = ExposureLevels(document), chain_levels(document)
    exposure = [
        {
            "risk": RISK_NAMES.get(rt, rt),
            "level": e.get("level"),
            # low on missing data reads "low (data gap)", uncoloured (not low risk); a higher
            # level on a gap, "medium (data gap)", is coloured as its level
            "shown": shown[rt],
            "gap": shown[rt] == GAP_LEVEL,
            "priority": _fmt(e.get("priority")),
            "source": levels.source(e),
        }
        for rt, e in s.get("exposure", {}).items()
    ]
    # low on missing data apart from plain low, uncoloured (not low risk), as in the register
    counts = flag_counts(document)
    highest = highest_shown(document, counts)
    return {
        "counts": s,
        "levels": [(lvl, n, _css_level(lvl)) for lvl, n in counts.items()],
        "highest": (highest, _css_level(highest)) if highest else None,
        "risk_types": [
            (RISK_NAMES.get(rt, rt), n) for rt, n in s.get("flags_by_risk_type", {}).items()
        ],
        "exposure": exposure,
        "gaps": gap_counts(document),
    }


def _inputs(document: dict[str, Any]) -> dict[str, Any]:
    """The input files, each with its own hash (`rows`: label, path, sha256), and with
    several, the hash over all of them (`combined`: label, note, sha256), as every report
    names them."""
    rows, combined = inputs(document)
    return {"rows": rows, "combined": combined}


# ------------------------------------------------------------------------------------- charts


# bars of a chart whose labels the input writes (a sector not in the taxonomy is shown as
# written: a list of 10^5 free-text sectors would draw 10^5 bars); the rest share one
MAX_BARS = 30


def _at_most(rows: list[tuple[str, dict[str, int]]], what: str) -> list[tuple[str, dict[str, int]]]:
    """The first MAX_BARS - 1 of these ranked rows, and one bar for all the others ("212
    other sectors"), its counts the sum of theirs; all of them when they are no more."""
    if len(rows) <= MAX_BARS:
        return rows
    rest: dict[str, int] = defaultdict(int)
    for _, counts in rows[MAX_BARS - 1 :]:
        for level, n in counts.items():
            rest[level] += n
    return [*rows[: MAX_BARS - 1], (f"{len(rows) - MAX_BARS + 1:,} other {what}", dict(rest))]


def _bar_chart(
    chart_id: str, title: str, rows: list[tuple[str, dict[str, int]]], note: str = ""
) -> dict[str, Any]:
    """Horizontal bars stacked by level, one per label."""
    biggest = max((sum(c.values()) for _, c in rows), default=0) or 1
    bars = []
    for i, (label, counts) in enumerate(rows):
        y = i * (BAR_H + BAR_GAP)
        x = float(LABEL_W)
        segments = []
        for lvl in CHART_LEVELS:
            n = counts.get(lvl, 0)
            if not n:
                continue
            w = BAR_W * n / biggest
            segments.append(
                {"x": round(x, 1), "w": round(w, 1), "level": lvl, "css": _css_level(lvl), "n": n}
            )
            x += w
        bars.append(
            {
                "label": _shorten(label, CHART_LABEL_CHARS),
                "full_label": label,
                "y": y,
                "segments": segments,
                "total": sum(counts.values()),
                "total_x": round(x + 5, 1),
            }
        )
    return {
        "id": chart_id,
        "title": title,
        "kind": "levels",
        "label_x": LABEL_W - 4,
        "bars": bars,
        "width": LABEL_W + BAR_W + 50,
        "height": max(len(rows), 1) * (BAR_H + BAR_GAP) + 4,
        "note": note,
    }


def _flag_charts(document: dict[str, Any]) -> list[dict[str, Any]]:
    by_tier: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_country: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_sector: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_risk: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    tier_keys: dict[str, int] = {}
    for flag in register(document):
        tier = _first_tier(flag.get("tiers"))
        tier_label = f"tier {tier}" if tier is not None else "tier unknown"
        tier_keys[tier_label] = tier if tier is not None else 999
        # (an inferred supplier's flag apart: its worst-case origin is no supplier's country)
        country_label = flag_country(flag, _country_label, COUNTRY_UNKNOWN) or COUNTRY_UNKNOWN
        level = level_shown(flag, flag.get("level", ""))  # "low (data gap)" apart from low
        by_tier[tier_label][level] += 1
        by_country[country_label][level] += 1
        sector = sector_text(flag.get("sector"), flag.get("sector_as_written"))
        by_sector[sector or "sector unknown"][level] += 1
        by_risk[RISK_NAMES.get(flag.get("risk_type", ""), flag.get("risk_type", ""))][level] += 1

    def ranked(data: dict[str, dict[str, int]]) -> list[tuple[str, dict[str, int]]]:
        return sorted(data.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))

    risk_order = [RISK_NAMES.get(rt, rt) for rt in RISK_TYPES]
    return [
        _bar_chart(
            "chart-by-tier",
            "Flags by tier",
            sorted(by_tier.items(), key=lambda kv: tier_keys[kv[0]]),
        ),
        _bar_chart("chart-by-country", "Flags by country", ranked(by_country)),
        _bar_chart("chart-by-sector", "Flags by sector", _at_most(ranked(by_sector), "sectors")),
        _bar_chart(
            "chart-by-risk-type",
            "Flags by risk type",
            sorted(
                by_risk.items(),
                key=lambda kv: risk_order.index(kv[0]) if kv[0] in risk_order else 99,
            ),
        ),
    ]


def _sex_chart(document: dict[str, Any]) -> dict[str, Any] | None:
    """ILOSTAT informal employment, female vs male, for the chain's countries that have both."""
    from ddtool.profiles import load_profiles  # only the HTML report needs profile lookups

    meta = document.get("profiles", {})
    try:
        profiles = load_profiles([Path(o) for o in meta.get("overlays", [])])
    except (DdtoolError, OSError):
        return None
    countries: dict[str, str] = {}
    for s in document.get("suppliers", []):
        if s.get("country"):
            countries.setdefault(s["country"], s.get("country_name") or s["country"])
    pairs = []
    sources: dict[str, str] = {}
    for iso3, name in sorted(countries.items(), key=lambda kv: kv[1]):
        female = profiles.indicator(iso3, INFORMAL_EMPLOYMENT, "female")
        male = profiles.indicator(iso3, INFORMAL_EMPLOYMENT, "male")
        if female is None or male is None or female.number is None or male.number is None:
            continue
        years = sorted({y for y in (female.year, male.year) if y is not None})
        pairs.append(
            (f"{name} ({iso3})", female.number, male.number, "/".join(str(y) for y in years))
        )
        for ind in (female, male):
            # (a figure an overlay gives is the user's: credited to the overlay)
            cited = ind.source_name or ind.source_id
            if ind.overlay:
                cited = f"the overlay {ind.overlay} (given with --profiles), behind it: {cited}"
            sources[cited] = ind.source_url
    if not pairs:
        return None
    group = 2 * BAR_H + BAR_GAP + 4
    bars = []
    for i, (label, f, m, year) in enumerate(pairs):
        y = i * group
        bars.append(
            {
                "label": _shorten(label, CHART_LABEL_CHARS),
                "full_label": label,
                "year": year,
                "y": y,
                "female": {"w": round(BAR_W * f / 100, 1), "v": f"{f:.1f}%"},
                "male": {"w": round(BAR_W * m / 100, 1), "v": f"{m:.1f}%"},
            }
        )
    stale = meta.get("sha256") != profiles.sha256
    return {
        "id": "chart-informal-employment-by-sex",
        "title": "Informal employment rate by sex (% of employment)",
        "kind": "sex",
        "label_x": LABEL_W - 4,
        "bars": bars,
        "bar_h": BAR_H,
        "width": LABEL_W + BAR_W + 60,
        "height": len(pairs) * group + 4,
        "sources": sorted(sources.items()),
        "note": (
            "Values read from the installed risk profiles, which differ from the ones used for"
            " this assessment."
            if stale
            else ""
        ),
    }


# -------------------------------------------------------------------------------- chain graph


def _graph_selection(
    suppliers: dict[str, dict[str, Any]], paths: dict[str, list[str]], limit: int
) -> set[str]:
    """The top suppliers by priority plus every supplier on the path from the company to them."""
    ranked = sorted(suppliers, key=lambda sid: (-_supplier_priority(suppliers[sid]), sid))
    chosen: set[str] = set()
    for sid in ranked[:limit]:
        chosen.add(sid)
        path = paths.get(sid)
        if path is None:  # walk up through the shallowest buyer
            path, seen, cur = [], set(), sid
            while cur in suppliers and cur not in seen:
                seen.add(cur)
                buyers = list(suppliers[cur].get("buyers", []))
                if not buyers:
                    break
                cur = min(
                    buyers,
                    key=lambda b: (_first_tier(suppliers.get(b, {}).get("tiers")) or 0, b),
                )
                path.append(cur)
        chosen.update(p for p in path if p in suppliers)
    return chosen


def _chain_graph(document: dict[str, Any], limit: int = MAX_GRAPH_SUPPLIERS) -> dict[str, Any]:
    """Layered layout: the company in column 0, each supplier in the column of its first tier."""
    company = document["company"]
    company_id = company["id"]
    suppliers = {s["id"]: s for s in document.get("suppliers", [])}
    # a flagged supplier's first path: on its entry (schema 2) or on the flag (1.x)
    paths = {
        f["supplier_id"]: f.get("path") or suppliers.get(f["supplier_id"], {}).get("path", [])
        for f in document.get("flags", [])
    }
    shown = set(suppliers) if len(suppliers) <= limit else _graph_selection(suppliers, paths, limit)
    columns: dict[int, list[str]] = defaultdict(list)
    for sid in shown:
        tier = _first_tier(suppliers[sid].get("tiers"))
        columns[tier if tier is not None else 1].append(sid)
    position: dict[str, float] = {company_id: 0.0}
    column_of: dict[str, int] = {company_id: 0}
    ordered: dict[int, list[str]] = {0: [company_id]}
    for col in sorted(columns):
        # barycentre ordering: place each supplier near its already placed buyers
        def key(sid: str) -> tuple[float, float, str]:
            placed = [position[b] for b in suppliers[sid].get("buyers", []) if b in position]
            centre = sum(placed) / len(placed) if placed else float("inf")
            return (centre, -_supplier_priority(suppliers[sid]), sid)

        ordered[col] = sorted(columns[col], key=key)
        for i, sid in enumerate(ordered[col]):
            position[sid] = i - (len(ordered[col]) - 1) / 2
            column_of[sid] = col
    tallest = max(len(v) for v in ordered.values())
    pitch = NODE_H + ROW_GAP
    height = TOP + tallest * pitch + 10
    n_cols = max(ordered) + 1
    width = n_cols * (NODE_W + COL_GAP) - COL_GAP + 20
    xy: dict[str, tuple[float, float]] = {}
    for col, ids in ordered.items():
        offset = (tallest - len(ids)) * pitch / 2
        for i, sid in enumerate(ids):
            xy[sid] = (10 + col * (NODE_W + COL_GAP), TOP + offset + i * pitch)
    nodes = []
    cx, cy = xy[company_id]
    nodes.append(
        {
            "id": company_id,
            "x": cx,
            "y": cy,
            "label": _shorten(company["name"] or company_id, LABEL_CHARS),
            "sub": f"company · {company.get('country') or 'country not given'}",
            "title": company["name"] or company_id,
            "level": "company",
            "inferred": False,
        }
    )
    for sid in sorted(shown, key=lambda s: (column_of[s], xy[s][1])):
        s = suppliers[sid]
        level = _supplier_level(s)
        gap = low_on_a_gap(s, level)  # shown uncoloured, "low (data gap)", not as low risk
        shown_level = GAP_LEVEL if gap else level
        where = country_and_region(
            s.get("country_name")
            or s.get("country")
            or (inferred_place(s) if s.get("inferred") else COUNTRY_UNKNOWN),
            s.get("region"),
        )
        x, y = xy[sid]
        name = s.get("name") or sid
        nodes.append(
            {
                "id": sid,
                "x": x,
                "y": y,
                "label": _shorten(name, LABEL_CHARS),
                "sub": _node_sub(
                    "inferred" if s.get("inferred") else sid,
                    # where it is, in the words of the tooltip and the terminal tree: an
                    # inferred stage of an origin mix has no country, but is not unknown
                    s.get("country")
                    or (inferred_place(s) if s.get("inferred") else COUNTRY_UNKNOWN),
                    shown_level or "no level",
                ),
                "title": f"{name} [{sid}] —"
                f" {sector_text(s.get('sector'), s.get('sector_as_written')) or 'sector unknown'},"
                f" {where}; "
                f"{'worst case' if s.get('inferred') else 'risk'} level {shown_level or 'n/a'}"
                + (f"; data gaps: {'; '.join(s['data_gaps'])}" if gap else ""),
                "level": "none" if gap else level or "none",
                "inferred": bool(s.get("inferred")),
            }
        )
    edges = []
    for sid in shown:
        for buyer in suppliers[sid].get("buyers", []):
            if buyer not in xy:
                continue
            bx, by = xy[buyer]
            sx, sy = xy[sid]
            x1, y1 = bx + NODE_W, by + NODE_H / 2
            x2, y2 = sx, sy + NODE_H / 2
            if x2 <= x1:  # a supplier drawn in an earlier or the same column: loop round
                d = f"M{x1},{y1} C{x1 + 40},{y1} {x2 - 40},{y2} {x2},{y2}"
            else:
                mid = (x1 + x2) / 2
                d = f"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"
            edges.append({"d": d, "inferred": bool(suppliers[sid].get("inferred"))})
    edges.sort(key=lambda e: str(e["d"]))
    headers = [
        {
            "x": 10 + col * (NODE_W + COL_GAP) + NODE_W / 2,
            "text": "Company" if col == 0 else f"Tier {col}",
        }
        for col in sorted(ordered)
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "headers": headers,
        "width": width,
        "height": height,
        "node_w": NODE_W,
        "node_h": NODE_H,
        "shown": len(shown),
        "total": len(suppliers),
        "limited": len(shown) < len(suppliers),
        "limit": limit,
    }


# ----------------------------------------------------------------------------------- register


_evidence_text = evidence_text  # (as every register shows it)


# A browser table stays usable up to a few thousand rows; flags come sorted by priority, so
# the register shows the most urgent ones and says where the rest are
MAX_REGISTER_ROWS = 5000
# the register's first rows written into the page as a plain table too, for a reader that runs
# no JavaScript (an e-mail preview, some PDF converters): the interactive table draws the rest
STATIC_REGISTER_ROWS = 200
MAX_GAP_ROWS = 1000
# the warnings listed (thousands of one kind would push the charts a page-length down); all
# are in the JSON and the Excel register's Warnings sheet, as the Markdown report says
MAX_WARNING_ROWS = 1000


def _register_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    regions = supplier_regions(document.get("suppliers", []))
    for flag in register(document, MAX_REGISTER_ROWS):
        tier = _first_tier(flag.get("tiers"))
        level = flag.get("level", "")
        shown = level_shown(flag, level)  # "low (data gap)" on missing data, uncoloured
        rows.append(
            {
                "id": flag.get("id", ""),
                "supplier": (flag.get("supplier_name") or flag.get("supplier_id") or "")
                + (" (inferred)" if flag.get("inferred") else ""),
                "supplier_id": flag.get("supplier_id", ""),
                "tier": tier,
                "tiers": ", ".join(str(t) for t in flag.get("tiers") or []),
                "path": " → ".join(flag.get("path", [])),
                "country": flag_country(flag, _country_label),
                "region": regions.get(str(flag.get("supplier_id")), ""),
                "sector": sector_text(flag.get("sector"), flag.get("sector_as_written")),
                "risk_type": RISK_NAMES.get(flag.get("risk_type", ""), flag.get("risk_type", "")),
                "level": shown,
                "level_class": "none" if shown == GAP_LEVEL else level,
                # ("low (data gap)" just above low, as every ranking of ddtool's has it)
                "level_rank": shown_rank(shown),
                "likelihood": flag.get("likelihood"),
                "severity": flag.get("severity"),
                "priority": flag.get("priority"),
                "reason": flag.get("reason", ""),
                "evidence": [evidence_text(e) for e in flag_evidence(document, flag)],
                "measures": measure_lines(flag_measures(document, flag), measures_not_shown(flag)),
                "inferred": bool(flag.get("inferred")),
            }
        )
    return rows


def script_json(data: Any) -> Markup:
    """JSON safe inside a <script> element: no '<', '>' or '&' survive literally."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are line terminators in older JS parsers
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    # Markup: the JSON must go into the page as it is; escaping above makes that safe
    return Markup(text)


# ------------------------------------------------------------------------------------- render


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_html(document: dict[str, Any], graph_limit: int = MAX_GRAPH_SUPPLIERS) -> str:
    """The whole report as one HTML string."""
    charts = _flag_charts(document)
    sex = _sex_chart(document)
    suppliers = {s["id"]: s for s in document.get("suppliers", [])}
    gaps = [
        {
            "supplier_id": g.get("supplier_id", ""),
            "supplier": suppliers.get(g.get("supplier_id", ""), {}).get("name")
            or g.get("supplier_id", ""),
            "gap": g.get("gap", ""),
        }
        for g in document.get("data_gaps", [])[:MAX_GAP_ROWS]
    ]
    template = _environment().get_template("report.html.j2")
    rows = _register_rows(document)
    plan = [
        {
            "step": entry.measure.get("step_name") or entry.measure.get("step") or "",
            "title": entry.measure.get("title", ""),
            "action": entry.measure.get("action", ""),
            "owner": entry.measure.get("owner", ""),
            "reference": entry.measure.get("reference", ""),
            "risk_types": entry.risk_types_text(),
            "flags": entry.flags,
            "suppliers": entry.suppliers_text(),
        }
        for entry in remediation_plan(document)
    ]
    return template.render(
        doc=document,
        summary=_summary(document),
        inputs=_inputs(document),
        settings=settings_text(document),
        level_rule=level_rule_text(document),
        charts=charts,
        sex_chart=sex,
        graph=_chain_graph(document, graph_limit),
        gaps=gaps,
        plan=plan,
        warnings=[
            {
                "type": w.get("type"),
                "place": warning_place(w),
                "message": warning_text(w),
            }
            for w in document.get("warnings", [])[:MAX_WARNING_ROWS]
        ],
        warnings_total=len(document.get("warnings", [])),
        gap_level=GAP_LEVEL,
        levels=LEVELS,
        colours=LEVEL_COLOURS,
        data=script_json({"register": rows, "levels": list(LEVELS)}),
        static_rows=rows[:STATIC_REGISTER_ROWS],
        register_total=len(document.get("flags", [])),
        register_limit=MAX_REGISTER_ROWS,
        gaps_total=len(document.get("data_gaps", [])),
    )


class HtmlReporter(Reporter):
    suffix = ".html"
    name = "html"

    def write(self, document: dict[str, Any], path: Path) -> None:
        write_atomic(path, render_html(document))
