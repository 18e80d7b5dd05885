"""The concise terminal report: summary panel, top flags, chain tree, data gaps.

Every text from the input or the risk profiles (names, ids, paths, reasons, file names) is
shown as `Text`, never read as markup: a supplier named `Dhaka Knit [/x]` is shown as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ddtool.document import (
    COUNTRY_UNKNOWN,
    INFERRED_GAP,
    flag_expander,
    gap_counts,
    low_on_a_gap,
    supplier_scores,
)
from ddtool.reporters.fitted import fitted
from ddtool.reporters.shown import (
    GAP_LEVEL,
    chain_levels,
    flags_by_shown_level,
    gap_level,
    inferred_place,
    level_shown,
    plain_level,
    sector_text,
    settings_text,
)

LEVEL_STYLE = {"low": "green", "medium": "yellow", "high": "dark_orange", "critical": "bold red"}
RISK_NAMES = {
    "child_labour": "child labour",
    "forced_labour": "forced labour",
    "human_trafficking": "trafficking",
}
LEVEL_ORDER = ("low", "medium", "high", "critical")
MAX_TREE_NODES = 150
FLAG_ROWS = 10  # suppliers in the top flags table


def _style(level: str | None) -> str:
    # (a low level on missing data is not coloured as low risk; a higher one on a gap is
    # coloured as its level: "medium (data gap)")
    return "yellow" if level == GAP_LEVEL else LEVEL_STYLE.get(plain_level(level or ""), "")


def _level(level: str | None) -> Text:
    return Text("—") if level is None else Text(level, style=_style(level))


def _top_level(exposure: dict[str, Any]) -> str:
    return str(max((e["level"] for e in exposure.values()), key=LEVEL_ORDER.index))


def _flag_levels(doc: dict[str, Any]) -> Text:
    """The flags by level, those low on missing data apart from plain low (and not coloured
    as low); where a glance cannot tell them apart, "N low or low (data gap)", uncoloured."""
    counts = flags_by_shown_level(doc)
    names: dict[str, str] = {}
    if counts is None:
        by_level = doc["summary"]["flags_by_level"]
        counts = {lvl: by_level[lvl] for lvl in reversed(LEVEL_ORDER)}
        names = {"low": f"low or {GAP_LEVEL}"}
    levels = Text()
    for lvl, n in counts.items():
        if n:
            levels.append(f"{n} {names.get(lvl, lvl)}", style="" if lvl in names else _style(lvl))
            levels.append("  ")
    return levels if levels else Text("none", style="green")


def summary_panel(doc: dict[str, Any]) -> Panel:
    s = doc["summary"]
    company = doc["company"]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(
        "Company", Text(f"{company['name']} ({company.get('country') or 'country not given'})")
    )
    as_of = (doc.get("options") or {}).get("as_of")
    if as_of:
        grid.add_row("Assessed as of", Text(str(as_of)))
    grid.add_row(
        "Suppliers",
        f"{s['suppliers']} mapped, {s['inferred_suppliers']} inferred,"
        f" {s['tiers']} tier{'' if s['tiers'] == 1 else 's'}",
    )
    grid.add_row("Flags", _flag_levels(doc))
    grid.add_row(
        "By risk type",
        ", ".join(f"{RISK_NAMES[rt]} {n}" for rt, n in s["flags_by_risk_type"].items()),
    )
    exposure = Text()
    levels_shown = chain_levels(doc)  # (the summary says which data gaps bear on them)
    for rt in s["exposure"]:
        exposure.append(f"{RISK_NAMES[rt]} ")
        exposure.append_text(_level(levels_shown[rt]))
        exposure.append("  ")
    grid.add_row("Chain exposure", exposure)
    grid.add_row("Data gaps", Text(gap_counts(doc)))
    p = doc["profiles"]
    overlays = "".join(f" + overlay {o}" for o in p.get("overlays") or [])  # (paths)
    grid.add_row(
        "Risk data", Text(f"profiles {p['version']} (sha256 {p['sha256'][:12]}…){overlays}")
    )
    settings = settings_text(doc)
    if settings is not None:
        grid.add_row("Settings", Text(settings))
    return Panel(grid, title="ddtool assessment", border_style="cyan")


def flags_table(doc: dict[str, Any], limit: int = FLAG_ROWS) -> Table:
    """The top flags: one row per supplier, at its highest flag's level as shown, with the
    other risk types it is flagged for and, where they differ, their levels (_risk_text)."""
    count = doc["summary"]["flags"]  # (the document may hold only the flags shown)
    table = Table(title=f"Top flags (of {count})", title_justify="left", expand=False)
    table.add_column("level")
    table.add_column("risk")
    # (widths as fitted draws them: a word or an id is never cut, see fitted)
    table.add_column("supplier", max_width=34)
    table.add_column("path", max_width=40)
    table.add_column("why", max_width=60)
    expand = flag_expander(doc)
    top: dict[str, dict[str, Any]] = {}  # one row per supplier: its highest flag
    for flag in map(expand, doc["flags"]):
        if len(top) >= limit:
            break
        top.setdefault(flag["supplier_id"], flag)
    others = _other_flags(doc, top, expand)
    for key, flag in top.items():
        name = flag["supplier_name"] or flag["supplier_id"]
        if flag["inferred"]:
            name = f"{name} [inferred]"
        shown = level_shown(flag, flag["level"])
        # (names, ids and reasons are the input's: "Knit [bold]Ltd[/bold]" is no markup)
        path = " → ".join(str(step) for step in flag["path"])
        table.add_row(
            _level(shown),
            _risk_text(flag["risk_type"], shown, others.get(key, [])),
            Text(name),
            Text(path),
            Text(str(flag["reason"])),
        )
    return table


def _other_flags(
    doc: dict[str, Any],
    top: dict[str, dict[str, Any]],
    expand: Callable[[dict[str, Any]], dict[str, Any]],
) -> dict[str, list[tuple[str, str]]]:
    """The other flags of the suppliers of the top flags (`top`, by supplier id), each as
    its risk type and the level it is shown at, in the document's order: one pass over the
    flags, and only these suppliers' joined with their supplier (a low level may rest on
    missing data of its risk type, see level_shown)."""
    others: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for flag in doc["flags"]:
        key = flag["supplier_id"]
        row = top.get(key)
        if row is None or flag["risk_type"] == row["risk_type"]:
            continue
        level = flag["level"]
        shown = level_shown(expand(flag), level) if level == "low" else level
        others[key].append((flag["risk_type"], shown))
    return others


def _risk_text(risk_type: str, shown: str, others: list[tuple[str, str]]) -> Text:
    """A row's risk types: its flag's, then the supplier's other flagged ones; where any of
    those is shown at another level than the row's, each with its level ("forced labour
    (+trafficking: low, child labour: low (data gap))"; every one, so that no level is read
    as that of its neighbour too): a flag low on missing data never passes for plain low
    under the row's level, nor a plain low one for one on missing data."""
    text = Text(RISK_NAMES[risk_type])
    if not others:
        return text
    marked = any(level != shown for _, level in others)
    text.append(" (+")
    for i, (other, level) in enumerate(others):
        if i:
            text.append(", ")
        text.append(RISK_NAMES[other])
        if marked:
            text.append(": ")
            text.append(level, style=_style(level))
    text.append(")")
    return text


def chain_tree(doc: dict[str, Any], limit: int = MAX_TREE_NODES) -> Tree:
    by_id = {s["id"]: s for s in doc["suppliers"]}
    children: dict[str, list[str]] = defaultdict(list)
    for s in doc["suppliers"]:
        for buyer in s["buyers"]:
            children[buyer].append(s["id"])
    company = doc["company"]
    top = _top_level(company["exposure"])
    # the highest level as shown: with "(data gap)" where gaps bear on a risk type at it
    at_top = [shown for shown in chain_levels(doc).values() if plain_level(shown) == top]
    top = gap_level(top, any(shown != top for shown in at_top))
    root = Tree(Text.assemble((company["name"], "bold"), "  exposure ", _level(top)))
    count = 0
    shown: set[str] = set()
    stack: list[tuple[Tree, str]] = [
        (root, c) for c in sorted(children[company["id"]], reverse=True)
    ]
    while stack and count < limit:
        parent, sid = stack.pop()
        s = by_id[sid]
        count += 1
        own = _top_level(supplier_scores(s))
        label = Text()
        label.append(s["name"] or sid, style="italic dim" if s["inferred"] else "")
        # (a mapped supplier of unknown country in the words of an inferred one's, and of
        # the HTML chain map)
        where = s.get("country") or (inferred_place(s) if s["inferred"] else COUNTRY_UNKNOWN)
        label.append(f"  {where}", style="dim")
        label.append(
            f"  {sector_text(s.get('sector'), s.get('sector_as_written')) or 'sector?'}  ",
            style="dim",
        )
        if low_on_a_gap(s, own):  # (not coloured as low risk)
            label.append(GAP_LEVEL, style=_style(GAP_LEVEL))  # "low (data gap)", as elsewhere
            label.append(": " + "; ".join(s["data_gaps"]), style="yellow")
        else:
            label.append_text(_level(own))
        if s["inferred"]:
            label.append("  inferred — map this tier", style="italic magenta")
        if sid in shown:
            label.append("  (shown above)", style="dim")
            parent.add(label)
            continue
        shown.add(sid)
        node = parent.add(label)
        for child in sorted(children[sid], reverse=True):
            stack.append((node, child))
    if stack:
        # (the document may hold only the entries shown)
        total = doc["summary"]["suppliers"] + doc["summary"]["inferred_suppliers"]
        more = total - len(shown)
        root.add(
            Text(
                f"… {more} more supplier{'s' if more != 1 else ''} not shown (every supplier"
                " is in the JSON, Excel and HTML outputs; `ddtool explain FILE ID` shows one)",
                "dim",
            )
        )
    return root


def gaps_heading(doc: dict[str, Any]) -> str | None:
    """The data gaps' heading: how many the table lists, and the one every inferred supplier
    has (INFERRED_GAP: its being inferred), counted here rather than listed."""
    listed = sum(1 for g in doc["data_gaps"] if g["gap"] != INFERRED_GAP)
    if not listed:
        return None
    inferred = len(doc["data_gaps"]) - listed
    heading = f"Data gaps: {listed} of {len(doc['data_gaps'])} listed"
    if inferred:
        one = "one per inferred supplier" if inferred > 1 else "on the inferred supplier"
        heading += f' (not listed: {inferred} × "{INFERRED_GAP}", {one})'
    return heading


def gaps_table(doc: dict[str, Any], limit: int = 10) -> Table | None:
    """The data gaps, but for the one every inferred supplier has (INFERRED_GAP: its being
    inferred), which the heading (gaps_heading, printed above the table at the terminal's
    width, not wrapped to the table's) counts instead; an inferred stage's gaps of its own
    ("country unknown" for a stage in a country not known) are listed, as a mapped
    supplier's are."""
    gaps = [g for g in doc["data_gaps"] if g["gap"] != INFERRED_GAP]
    if not gaps:
        return None
    table = Table()
    table.add_column("supplier")
    table.add_column("gap")
    for gap in gaps[:limit]:
        table.add_row(Text(str(gap["supplier_id"])), Text(str(gap["gap"])))
    if len(gaps) > limit:
        table.add_row("…", f"{len(gaps) - limit} more in the JSON/Excel output")
    return table


def render(
    doc: dict[str, Any],
    console: Console,
    tree: bool = True,
    flag_rows: int = FLAG_ROWS,
    tree_nodes: int = MAX_TREE_NODES,
) -> None:
    """Print the terminal report for an assessment document (or for what
    `Assessment.glance(flag_rows, tree_nodes)` gives of it)."""
    parts: list[Any] = [summary_panel(doc)]
    if doc["summary"]["flags"]:
        parts.append(fitted(flags_table(doc, flag_rows)))
    if tree:
        parts.append(chain_tree(doc, tree_nodes))
    gaps = gaps_table(doc)
    heading = gaps_heading(doc)
    if gaps is not None and heading is not None:
        parts += [Text(heading, style="table.title"), fitted(gaps)]
    console.print(Group(*parts))
