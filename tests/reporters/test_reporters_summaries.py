"""What the summaries count and colour: low flags on missing data apart from plain low, in the
terminal, Excel, Markdown and HTML (summary, pills, highest, charts); the level cells of the
Excel Summary and Suppliers sheets coloured as the register's; every source a fact names marked
used; whole numbers written without ".0" in every register."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from chain_support import chain_file
from openpyxl import load_workbook
from rich.console import Console

from ddtool.assess import Assessment, AssessOptions, assess
from ddtool.reporters import reporter_for
from ddtool.reporters.excel_report import LEVEL_FILL
from ddtool.reporters.markdown_report import OWN_RULES
from ddtool.reporters.terminal import FLAG_ROWS, MAX_TREE_NODES, render

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"
GAP, LOW = "low (data gap)", "low"
RISKS = ("child labour", "forced labour", "human trafficking")

# four suppliers low on missing data (a country without data, twice; no country; a sector not
# in the taxonomy) and one low on complete data: with flag_level low, 12 flags on a gap, 3 low
GAP_CHAIN = """\
company: {name: Gap Buyer BV, country: NLD}
suppliers:
  - {id: S-GRL, name: Nuuk Soft, country: Greenland, sector: software-services}
  - {id: S-LIE, name: Vaduz Soft, country: Liechtenstein, sector: software-services}
  - {id: S-UNK, name: Nowhere Soft, sector: software-services}
  - {id: S-SEC, name: Odd Sector BV, country: NLD, sector: underwater basket weaving}
  - {id: S-NLD, name: Delft Soft, country: NLD, sector: software-services}
"""
ONLY_GAPS = "".join(line for line in GAP_CHAIN.splitlines(True) if "S-NLD" not in line)


def _assess(tmp_path: Path, text: str, name: str = "chain") -> Assessment:
    chain = tmp_path / f"{name}.yaml"
    chain.write_text(text, encoding="utf-8")
    config = tmp_path / "ddtool.yaml"
    config.write_text("flag_level: low\n", encoding="utf-8")
    return assess([chain], AssessOptions(config=config))


@pytest.fixture(scope="module")
def gap_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _assess(tmp_path_factory.mktemp("gaps"), GAP_CHAIN).data


def _write(document: dict[str, Any], path: Path) -> Path:
    reporter_for(path).write(document, path)
    return path


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(path)[sheet].iter_rows())


def _fill(cell: Any) -> str | None:
    return str(cell.fill.fgColor.rgb)[-6:] if cell.fill.patternType == "solid" else None


def _terminal(document: dict[str, Any]) -> str:
    """The terminal report with its colours as ANSI codes (green 32, yellow 33)."""
    console = Console(
        file=io.StringIO(), width=200, record=True, force_terminal=True, color_system="standard"
    )
    render(document, console)
    return console.export_text(styles=True)


def test_the_chain_has_the_flags_the_summaries_count(gap_document: dict[str, Any]) -> None:
    assert gap_document["summary"]["flags_by_level"] == {
        "low": 15,
        "medium": 0,
        "high": 0,
        "critical": 0,
    }
    assert gap_document["summary"]["inferred_suppliers"] == 0


# ------------------------------------------------------ low on missing data, counted apart


def test_the_terminal_counts_low_on_missing_data_apart_and_not_in_green(tmp_path: Path) -> None:
    """It read "Flags 15 low", in green: 12 of them rest on missing data."""
    glance = _assess(tmp_path, GAP_CHAIN).glance(FLAG_ROWS, MAX_TREE_NODES)  # as `assess` shows
    # the flags of one supplier, the entries of all (the tree): they tell how many flags
    few = _assess(tmp_path, GAP_CHAIN).glance(1, MAX_TREE_NODES)
    assert len(few["flags"]) == 3 and len(few["suppliers"]) == 5
    for document in (glance, few, _assess(tmp_path, GAP_CHAIN).data):
        text = _terminal(document)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
        assert "Flags           12 low (data gap)  3 low" in plain
        assert "\x1b[33m12 low (data gap)" in text  # yellow, as the register's gap level
        assert "\x1b[32m3 low" in text


# GAP_CHAIN and a brick kiln critical in every risk type: a chain's critical level rests on no
# data gap
CRITICAL_CHAIN = GAP_CHAIN + "  - {id: S-PAK, name: Kiln, country: PAK, sector: brick-making}\n"


def test_a_glance_that_cannot_tell_them_apart_does_not_say_plain_low(tmp_path: Path) -> None:
    """With one flagged supplier and no tree, the glance lacks most suppliers low on a gap."""
    glance = _assess(tmp_path, CRITICAL_CHAIN).glance(1, 0)
    assert len(glance["flags"]) < glance["summary"]["flags"]
    assert {"S-LIE", "S-UNK", "S-SEC"}.isdisjoint(s["id"] for s in glance["suppliers"])
    console = Console(file=io.StringIO(), width=200, record=True, color_system=None)
    render(glance, console, tree=False, flag_rows=1, tree_nodes=0)
    text = console.export_text()
    assert "15 low or low (data gap)" in text
    assert not re.search(r"15 low  ", text)


def test_a_glance_below_critical_stays_small_and_says_the_gaps_that_bear(tmp_path: Path) -> None:
    """With one flagged supplier and no tree, the glance of a chain whose levels are low
    holds the entries of that supplier and of those the exposure sits on, not those of
    every supplier low on missing data: the summary says which gaps bear on the chain's
    exposure (its data_gaps), and the terminal shows it so."""
    a = _assess(tmp_path, GAP_CHAIN)
    glance = a.glance(1, 0)
    assert len(glance["flags"]) < glance["summary"]["flags"]
    held = {s["id"] for s in glance["suppliers"]}
    assert {"S-LIE", "S-UNK"}.isdisjoint(held)  # (low on missing data, not shown)
    assert len(held) < len(a.data["suppliers"])
    console = Console(file=io.StringIO(), width=200, record=True, color_system=None)
    render(glance, console, tree=False, flag_rows=1, tree_nodes=0)
    text = console.export_text()
    assert "child labour low (data gap)  forced labour low (data gap)" in text
    assert "trafficking low (data gap)" in text


def test_the_terminal_tree_does_not_colour_low_on_missing_data_as_low(
    gap_document: dict[str, Any],
) -> None:
    text = _terminal(gap_document)
    line = next(line for line in text.splitlines() if "── Nuuk Soft" in line)  # (its node)
    assert "\x1b[32mlow" not in line and "\x1b[33mlow" in line


def test_the_excel_summary_counts_low_on_missing_data_apart_uncoloured(
    gap_document: dict[str, Any], tmp_path: Path
) -> None:
    rows = _rows(_write(gap_document, tmp_path / "r.xlsx"), "Summary")
    flags = {r[0].value: (r[1].value, _fill(r[0])) for r in rows if str(r[0].value) in _ITEMS}
    assert flags == {
        "Flags critical": (0, LEVEL_FILL["critical"]),
        "Flags high": (0, LEVEL_FILL["high"]),
        "Flags medium": (0, LEVEL_FILL["medium"]),
        f"Flags {GAP}": (12, None),  # not coloured as low
        "Flags low": (3, LEVEL_FILL["low"]),
    }
    items = [r[0].value for r in rows]
    assert items.index(f"Flags {GAP}") + 1 == items.index("Flags low")


_ITEMS = {f"Flags {level}" for level in ("critical", "high", "medium", GAP, LOW)}


def test_the_markdown_summary_counts_low_on_missing_data_apart(
    gap_document: dict[str, Any], tmp_path: Path
) -> None:
    text = _write(gap_document, tmp_path / "r.md").read_text("utf-8")
    assert f"| Flags {GAP} | 12 |\n| Flags low | 3 |" in text
    assert "| Flags low | 15 |" not in text


def test_the_html_summary_pills_and_charts_show_low_on_missing_data_apart(
    gap_document: dict[str, Any], tmp_path: Path
) -> None:
    html = _write(gap_document, tmp_path / "r.html").read_text("utf-8")
    summary = html.split('<section id="summary">')[1].split("</section>")[0]
    assert f'<span class="pill lvl-none">12 {GAP}</span>' in summary
    assert '<span class="pill lvl-low">3 low</span>' in summary
    assert '<span class="pill lvl-low">15 low</span>' not in summary
    assert 'highest: <span class="pill lvl-low">low</span>' in summary  # S-NLD is plain low
    charts = html.split('<section id="charts">')[1].split("</section>")[0]
    # a country without data is drawn apart, uncoloured: it was a green "3 low" bar
    assert f'class="fill-none"><title>Greenland (GRL): 3 {GAP}</title>' in charts
    assert "Greenland (GRL): 3 low<" not in charts
    assert 'class="fill-low"><title>Netherlands (NLD): 3 low</title>' in charts
    assert f'class="fill-none"><title>Netherlands (NLD): 3 {GAP}</title>' in charts
    assert f'<i class="swatch lvl-none"></i>{GAP}</span>' in charts  # in the legend


def test_the_html_highest_level_on_missing_data_only_is_no_plain_low(tmp_path: Path) -> None:
    document = _assess(tmp_path, ONLY_GAPS).data
    assert document["summary"]["highest_level"] == "low"
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    assert f'highest: <span class="pill lvl-none">{GAP}</span>' in html
    assert '<span class="pill lvl-low">0 low</span>' in html


# ------------------------------------------------ inferred stages: their low is not a gap


def test_an_inferred_stage_low_in_a_country_with_data_reads_low_as_its_flags_do(
    tmp_path: Path,
) -> None:
    """A yarn spinner assumed in the Netherlands (beneath a Dutch garment maker) is scored on
    Dutch data: its gap says the tier is not mapped (the Inferred and Assumption columns), not
    that its figures are missing, so the Suppliers sheet and the register both read "low",
    coloured as low."""
    document = _assess(
        tmp_path,
        "company: {name: Atelier BV, country: NLD, sector: garment-manufacturing}\n"
        "suppliers:\n  - {id: S1, name: Delft Soft, country: NLD, sector: software-services}\n",
    ).data
    out = _write(document, tmp_path / "r.xlsx")
    rows = [[c.value for c in r] for r in _rows(out, "Suppliers")]
    row = next(r for r in rows if r[0] == "inferred:yarn-spinning@NLD")
    spinner = dict(zip(rows[0], row, strict=True))
    assert spinner["Inferred"] == "yes" and spinner["Data gaps"].startswith("inferred")
    register = [[c.value for c in r] for r in _rows(out, "Risk register")]
    flagged = {
        r[register[0].index("Risk type")]: r[register[0].index("Level")]
        for r in register[1:]
        if r[register[0].index("Supplier ID")] == "inferred:yarn-spinning@NLD"
    }
    assert flagged == {risk: LOW for risk in RISKS}
    assert [spinner[f"{risk}: level"] for risk in RISKS] == [LOW] * 3


# ----------------------------------------------------- level cells coloured in every sheet


def test_the_suppliers_sheet_colours_its_level_cells_as_the_register_does(
    gap_document: dict[str, Any], tmp_path: Path
) -> None:
    document = assess([SAMPLES / "seafood.yaml"]).data
    rows = (
        _rows(_write(document, tmp_path / "s.xlsx"), "Suppliers")
        + _rows(_write(gap_document, tmp_path / "g.xlsx"), "Suppliers")[1:]
    )
    header = [c.value for c in rows[0]]
    columns = [i for i, name in enumerate(header) if str(name).endswith(": level")]
    assert len(columns) == 6  # own level and exposure level per risk type
    seen = set()
    for row in rows[1:]:
        for i in columns:
            level = row[i].value
            seen.add(level)
            assert _fill(row[i]) == LEVEL_FILL.get(level), (row[0].value, header[i], level)
    assert {GAP, "low", "medium", "high", "critical"} <= seen


def test_the_summary_sheet_colours_the_chain_exposure_by_its_level(
    gap_document: dict[str, Any], tmp_path: Path
) -> None:
    seen = set()
    for document in (assess([SAMPLES / "seafood.yaml"]).data, gap_document):
        rows = _rows(_write(document, tmp_path / "r.xlsx"), "Summary")
        exposure = [r for r in rows if str(r[0].value).startswith("Chain exposure")]
        assert len(exposure) == 3
        for row in exposure:
            # "high (priority 0.6, from S1)", "low (data gap; priority …)"
            level = str(row[1].value).split(" (")[0]
            level = GAP if str(row[1].value).startswith(GAP[:-1]) else level
            seen.add(level)
            assert _fill(row[1]) == LEVEL_FILL.get(level), row[1].value
    assert {GAP, "critical"} <= seen


# -------------------------------------------------- sources named as "source behind it"


@pytest.mark.parametrize(
    ("sample", "behind"),
    [
        ("seafood.yaml", "Global Estimates of Modern Slavery: Forced Labour and Forced Marriage"),
        ("electronics_minerals.yaml", "Child Labour: Global estimates 2020"),
    ],
)
def test_a_source_named_as_the_source_behind_a_rating_is_used(
    tmp_path: Path, sample: str, behind: str
) -> None:
    _both_used(tmp_path, assess([SAMPLES / sample]).data, behind)


def test_each_source_behind_a_rating_resting_on_two_is_used(tmp_path: Path) -> None:
    """Polysilicon's forced labour rating rests on the ILO estimates and the US DOL list:
    the two, named in one note, were read as one unknown name, listed among ddtool's own
    rules, and the estimates marked not used."""
    poly = {"id": "P1", "name": "Poly", "country": "China", "sector": "polysilicon-production"}
    document = assess([chain_file(tmp_path, [poly])]).data
    notes = [str(e.get("note")) for e in document["evidence"].values()]
    assert any("(2022); List of Goods Produced by Child Labor" in note for note in notes)
    _both_used(tmp_path, document, "Global Estimates of Modern Slavery")
    _both_used(tmp_path, document, "List of Goods Produced by Child Labor or Forced Labor")


def _both_used(tmp_path: Path, document: dict[str, Any], behind: str) -> None:
    """The source behind a rating is marked used on the Sources sheet, and listed among the
    Markdown report's published sources, not among ddtool's own rules."""
    notes = [str(e.get("note")) for e in document["evidence"].values()]
    assert any(f"[source behind it: {behind}" in note for note in notes)
    name = next(s["name"] for s in document["sources"] if s["name"].startswith(behind))
    rows = [[c.value for c in r] for r in _rows(_write(document, tmp_path / "r.xlsx"), "Sources")]
    rows, _ = _published_and_own(rows)
    used = {r[0]: r[5] for r in rows[1:]}  # (the column "Used in this register")
    assert used[name] == "yes"
    markdown = _write(document, tmp_path / "r.md").read_text("utf-8")
    listed = markdown.split("## Sources\n")[1]
    plain = listed.replace("\\", "")  # (Markdown escapes)
    source = next(s for s in document["sources"] if s["name"] == name)
    assert f"- {name} — {source['publisher']}, {source['year']}\n" in plain
    # the Sources sheet and the Markdown list name the same published sources, and apart
    # from them the ddtool rules cited in their place
    published, _, own = plain.partition(OWN_RULES)
    marked = {n for n, u in used.items() if u == "yes"}
    assert marked == {
        line[2:].split(" — ")[0] for line in published.splitlines() if line.startswith("- ")
    }
    assert not {s["name"] for s in document["sources"]}.intersection(
        line[2:] for line in own.splitlines() if line.startswith("- ")
    )


# -------------------------------------------------------------- whole numbers, not "5.0"


def test_every_register_writes_a_whole_number_as_its_source_does(tmp_path: Path) -> None:
    """The ITUC rating of Thailand is 5 (its source and `ddtool explain` say so), not 5.0."""
    document = assess([SAMPLES / "seafood.yaml"]).data
    ratings = [
        e
        for e in document["evidence"].values()
        if e["indicator"].startswith("ituc_global_rights_index_rating (THA")
    ]
    assert ratings and all(e["value"] == 5 for e in ratings)
    wanted = (
        "ITUC rights rating (ituc_global_rights_index_rating, THA): 5"
        " (2026, ITUC Global Rights Index 2026"
    )
    xlsx = [
        [c.value for c in r] for r in _rows(_write(document, tmp_path / "r.xlsx"), "Risk register")
    ]
    evidence = xlsx[0].index("Evidence")
    texts = {
        ".xlsx": "\n".join(str(r[evidence]) for r in xlsx[1:]),
        ".csv": "\n".join(
            r["evidence"]
            for r in csv.DictReader(
                io.StringIO(_write(document, tmp_path / "r.csv").read_text("utf-8-sig"))
            )
        ),
        ".md": _write(document, tmp_path / "r.md").read_text("utf-8").replace("\\_", "_"),
        ".html": _write(document, tmp_path / "r.html").read_text("utf-8"),
    }
    for suffix, text in texts.items():
        assert wanted in text, suffix
        assert not re.search(r"rating, \w{3}\): \d\.0 ", text), suffix
    # a figure with a fraction stays as the JSON gives it (92.096, not 92.1)
    assert re.search(r"informal_employment_rate_pct, THA\): 64\.982 \(", texts[".csv"])


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_the_markdown_sources_are_those_the_excel_sheet_marks_used(
    tmp_path: Path, sample: str
) -> None:
    """Every sample: the Markdown list's published sources, each with its publisher and
    year, are the Sources sheet's "yes" rows; what else a fact cites (a ddtool rule, the
    supplier's own record) is listed apart."""
    document = assess([SAMPLES / sample]).data
    rows = [[c.value for c in r] for r in _rows(_write(document, tmp_path / "r.xlsx"), "Sources")]
    rows, sheet_own = _published_and_own(rows)
    used = {r[0]: (r[1], r[2], r[6]) for r in rows[1:] if r[5] == "yes"}  # (r[6]: its note)
    markdown = _write(document, tmp_path / "r.md").read_text("utf-8").replace("\\", "")
    if not document["flags"]:  # (services: no flag cites a source; the list is left out)
        assert not used and "## Sources" not in markdown
        return
    published, _, own = markdown.split("## Sources\n")[1].partition(OWN_RULES)
    listed = [line[2:] for line in published.splitlines() if line.startswith("- ")]
    assert sorted(listed) == sorted(
        f"{n} — {p}, {y}" + (f" ({note})" if note else "") for n, (p, y, note) in used.items()
    )
    rules = [line[2:] for line in own.splitlines() if line.startswith("- ")]
    names = {source["name"] for source in document["sources"]}
    assert rules and not names.intersection(rules)
    # and the sheet lists them apart too, of a Kind of their own (it listed none)
    assert sorted(sheet_own) == sorted(rules)


def _published_and_own(rows: list[list[Any]]) -> tuple[list[list[Any]], list[str]]:
    """The Sources sheet's header and its rows of Kind "publication", without that column
    (Source, Publisher, Year, Licence, Location, Used, Note), and the texts of the rows of
    another Kind: what no publication gives."""
    kind = rows[0].index("Kind")
    published = [r[:kind] + r[kind + 1 :] for r in rows if r[kind] in ("Kind", "publication")]
    return published, [str(r[0]) for r in rows[1:] if r[kind] != "publication"]
