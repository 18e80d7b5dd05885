"""The HTML report: self-contained, escaped, and working in a real browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import assess
from ddtool.reporters import ReportFormat, reporter_for
from ddtool.reporters.html_report import HtmlReporter, render_html, script_json

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_chains"
EVIL = "<script>alert(1)</script>"
EVIL_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
# a reference that makes the page fetch something: src/href/url()/@import pointing off the file
REMOTE_FETCH = re.compile(
    r"""(?:\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""",
    re.IGNORECASE,
)


def _document(name: str) -> dict[str, Any]:
    return assess([SAMPLES / f"{name}.yaml"]).data


def _write(document: dict[str, Any], tmp_path: Path, name: str = "report.html") -> str:
    path = tmp_path / name
    HtmlReporter().write(document, path)
    return path.read_text(encoding="utf-8")


def test_registry_maps_html_to_this_reporter() -> None:
    reporter = reporter_for(Path("out.html"))
    assert isinstance(reporter, HtmlReporter)
    assert (reporter.suffix, reporter.name) == (ReportFormat.HTML.value, "html")


@pytest.mark.parametrize("sample", ["garment", "cocoa"])
def test_sample_report_is_self_contained(sample: str, tmp_path: Path) -> None:
    html = _write(_document(sample), tmp_path)
    assert html.startswith("<!DOCTYPE html>")
    assert not REMOTE_FETCH.findall(html)
    assert 'id="chain-graph"' in html
    assert 'id="register"' in html
    assert 'id="ddtool-data"' in html
    assert len(re.findall(r'class="chart"', html)) >= 4
    for chart in ("by-tier", "by-country", "by-sector", "by-risk-type"):
        assert f'id="chart-{chart}"' in html


def test_remote_fetch_pattern_catches_references() -> None:
    for bad in (
        '<script src="https://cdn.example/x.js">',
        "<link href='http://x/y.css'>",
        "background: url(//x/y.png)",
        "@import 'x.css';",
    ):
        assert REMOTE_FETCH.search(bad), bad
    assert not REMOTE_FETCH.search("source: https://ilo.org/data (as text)")


def test_summary_carries_provenance(tmp_path: Path) -> None:
    doc = _document("garment")
    html = _write(doc, tmp_path)
    for value in (
        doc["profiles"]["version"],
        doc["profiles"]["sha256"],
        doc["input"]["sha256"],
        doc["tool"]["version"],
        doc["generated_at"],
        "List of Goods",
    ):
        assert value in html


def test_sex_disaggregated_chart_has_source_and_year(tmp_path: Path) -> None:
    html = _write(_document("garment"), tmp_path)
    chart = html.split('id="chart-informal-employment-by-sex"', 1)[1].split("</figure>", 1)[0]
    assert "female" in chart and "male" in chart
    assert "Bangladesh (BGD)" in chart
    assert "ILOSTAT" in chart
    assert re.search(r">20\d\d<", chart)  # year under each country


def test_inferred_suppliers_drawn_differently(tmp_path: Path) -> None:
    html = _write(_document("garment"), tmp_path)
    graph = html.split('id="chain-graph"', 1)[1].split("</svg>", 1)[0]
    assert graph.count(' inferred"') >= 1
    assert "node-company" in graph
    assert re.search(r'class="node node-(critical|high|medium|low)"', graph)


def test_large_chain_draws_top_suppliers_and_their_paths() -> None:
    doc = _document("garment")
    html = render_html(doc, graph_limit=3)
    graph = html.split('id="chain-graph"', 1)[1].split("</svg>", 1)[0]
    drawn = set(re.findall(r'data-supplier="([^"]+)"', graph))
    assert "Only the top 3 suppliers" in html
    suppliers = {s["id"]: s for s in doc["suppliers"]}
    assert 3 < len(drawn) - 1 < len(suppliers)  # minus the company
    for sid in drawn - {doc["company"]["id"]}:  # each drawn supplier has a drawn buyer
        assert set(suppliers[sid]["buyers"]) & drawn


@pytest.mark.parametrize("register_rows", [5, 100_000])
def test_the_chain_note_says_truly_whether_the_register_holds_every_flag(
    monkeypatch: pytest.MonkeyPatch, register_rows: int
) -> None:
    """At 10^4 suppliers the chain note said the register "lists the flags of every supplier"
    while the page held only its 5,000 highest-priority flags."""
    from ddtool.reporters import html_report

    monkeypatch.setattr(html_report, "MAX_REGISTER_ROWS", register_rows)
    doc = _document("garment")
    total = len(doc["flags"])
    note = render_html(doc, graph_limit=3).split('<section id="chain">', 1)[1]
    note = note.split('<div class="legend">', 1)[0]
    assert "Only the top 3 suppliers" in note
    capped = total > register_rows
    assert capped is (register_rows == 5)
    every = "the register lists the flags of every supplier"
    assert (every in note) is not capped
    told = (
        f"the register below lists only the 5 highest-priority of {total:,} flags,"
        " and every flag is in the JSON, Excel and CSV outputs"
    )
    assert (told in note) is capped


def test_user_text_is_escaped_everywhere(tmp_path: Path) -> None:
    chain = tmp_path / "evil.yaml"
    chain.write_text(
        "company:\n"
        "  name: 'Brand </script><b>x</b>'\n"
        "  country: Netherlands\n"
        "  sector: apparel-retail\n"
        "suppliers:\n"
        "  - id: EVIL-1\n"
        f"    name: '{EVIL}'\n"
        "    country: BGD\n"
        "    sector: garment-manufacturing\n",
        encoding="utf-8",
    )
    html = _write(assess([chain]).data, tmp_path)
    assert EVIL_ESCAPED in html
    assert EVIL not in html
    assert "<b>x</b>" not in html
    data = html.split('id="ddtool-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data


def test_script_json_cannot_close_the_script_element() -> None:
    text = str(script_json({"a": "</script><!-- & \u2028"}))
    assert "</" not in text and "<!--" not in text and "&" not in text
    assert "\u2028" not in text


# ------------------------------------------------------------------------ real browser


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("chromium is required in CI for the HTML report browser tests")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return found


def _run_chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        "--virtual-time-budget=3000",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


@pytest.fixture
def garment_page(tmp_path: Path) -> Path:
    page = tmp_path / "garment.html"
    HtmlReporter().write(_document("garment"), page)
    return page


@pytest.mark.browser
def test_browser_runs_scripts_without_errors(garment_page: Path, tmp_path: Path) -> None:
    result = _run_chromium(tmp_path, garment_page, "--dump-dom")
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    errors = re.search(r'<div id="js-errors"[^>]*>(.*?)</div>\s*<script', dom, re.S)
    assert errors is not None
    assert errors.group(1).strip() == ""
    assert 'data-rendered="true"' in dom
    register = dom.split('id="register"', 1)[1].split("</table>", 1)[0]
    flags = len(_document("garment")["flags"])
    assert register.count('<tr class="lvl-') == flags
    # shown in the register's own order, as every other format lists it (ties included)
    shown = re.findall(r'<tr class="lvl-\w+"><td>(FL-[0-9a-f]+)</td>', register)
    assert shown == [f["id"] for f in _document("garment")["flags"]]
    assert f"showing {flags} of {flags} flags" in dom
    assert re.search(r'<svg id="chain-graph"', dom)
    assert len(re.findall(r'class="chart"', dom)) >= 4


@pytest.mark.browser
def test_a_page_of_the_top_flags_says_so_in_its_counter_and_prints_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A level filter found "0 of 5000 flags" on a page of the top flags, which a print of a
    filtered register did not show at all."""
    from ddtool.reporters import html_report

    monkeypatch.setattr(html_report, "MAX_REGISTER_ROWS", 5)
    document = _document("garment")
    page = tmp_path / "top.html"
    HtmlReporter().write(document, page)
    text = page.read_text("utf-8")
    assert '<p id="register-count"' in text.split('<div class="controls no-print">', 1)[1]
    dom = _run_chromium(tmp_path, page, "--dump-dom").stdout
    total = len(document["flags"])
    assert (
        f"showing 5 of 5 flags in this page (the 5 highest-priority of the register's {total};"
        in dom
    )


@pytest.mark.browser
def test_browser_screenshot(garment_page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    result = _run_chromium(
        tmp_path, garment_page, f"--screenshot={shot}", "--window-size=1400,2400"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.is_file()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000


def test_large_registers_are_capped_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import json as _json

    from ddtool.reporters import html_report

    monkeypatch.setattr(html_report, "MAX_REGISTER_ROWS", 5)
    monkeypatch.setattr(html_report, "MAX_GAP_ROWS", 2)
    document = _document("garment")
    page = render_html(document)
    data = re.search(r'<script type="application/json" id="ddtool-data">(.*?)</script>', page, re.S)
    assert data is not None
    register = _json.loads(data.group(1))["register"]
    assert [r["id"] for r in register] == [f["id"] for f in document["flags"][:5]]
    assert f"highest-priority of {len(document['flags'])} flags" in page
    assert "The first 2 are listed" in page


def test_the_register_shows_what_the_other_formats_show() -> None:
    """Every tier, not the first; evidence values as written, not to four digits."""
    from ddtool.assess import assess
    from ddtool.reporters.html_report import _fmt, _register_rows

    doc = assess([ROOT / "sample_chains" / "cocoa.yaml"]).data
    rows = {r["id"]: r for r in _register_rows(doc)}
    several = [f for f in doc["flags"] if len(doc_tiers(doc, f)) > 1]
    assert several
    flag = several[0]
    assert rows[flag["id"]]["tiers"] == ", ".join(map(str, doc_tiers(doc, flag)))
    assert _fmt(92.096) == "92.096" and _fmt(4.0) == "4.0"


def doc_tiers(doc: dict[str, Any], flag: dict[str, Any]) -> list[int]:
    entry = next(s for s in doc["suppliers"] if s["id"] == flag["supplier_id"])
    return list(entry["tiers"])


@pytest.mark.parametrize("limit", [3, 200])
def test_without_javascript_the_register_is_a_plain_table_of_its_first_flags(
    monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    """An e-mail preview or a PDF converter runs no JavaScript: the register was a line saying
    it needs it. Its first rows are written into the page as a plain table, with the
    evidence (sources and years) and measures of each."""
    import re as _re

    from markupsafe import escape

    from ddtool.document import flag_evidence, register
    from ddtool.reporters import html_report
    from ddtool.reporters.shown import evidence_text

    monkeypatch.setattr(html_report, "STATIC_REGISTER_ROWS", limit)
    document = _document("garment")
    page = render_html(document)
    static = _re.search(r"<noscript>(\s*<p>Without JavaScript.*?)</noscript>", page, _re.S)
    assert static is not None
    # and what needs JavaScript is not shown without it: the controls, the empty table
    hidden = "<noscript><style>#register, #register-count, #register-cap, .controls {"
    assert hidden in page.split("</head>", 1)[0]
    rows = _re.findall(r"<tr><td>(FL-[0-9a-f]{10})</td>", static.group(1))
    flags = list(register(document, limit))
    assert rows == [f["id"] for f in flags]
    total = len(document["flags"])
    shown = f"a plain table of its {min(limit, total):,} highest-priority flags"
    assert shown in static.group(1)
    assert (f"of {total:,}; all of them are in the Excel" in static.group(1)) is (total > limit)
    first = escape(evidence_text(flag_evidence(document, flags[0])[0]))  # (as jinja writes it)
    assert f"<li>{first}</li>" in static.group(1)


# what the page does when its register is sorted from the keyboard and filtered (run in the
# page after its own scripts; the result put on the body, for --dump-dom to read)
_INTERACT = """<script>
(function () {
  var heads = Array.prototype.slice.call(document.querySelectorAll("#register th"));
  var level = heads.filter(function (th) {
    return th.getAttribute("data-key") === "level_rank";
  })[0];
  level.focus();
  level.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
  var rows = document.querySelectorAll("#register tbody tr");
  var order = Array.prototype.map.call(rows, function (tr) { return tr.cells[8].textContent; });
  var box = document.getElementById("register-filter");
  box.value = "no-such-text";
  box.dispatchEvent(new Event("input"));
  var typed = document.getElementById("register-count").textContent;
  setTimeout(function () {
    document.body.setAttribute("data-test", JSON.stringify({
      focusable: heads.every(function (th) { return th.tabIndex === 0; }),
      sorted: level.getAttribute("aria-sort"),
      order: order,
      typed: typed,
      paused: document.getElementById("register-count").textContent
    }));
  }, 400);
})();
</script>
</body>"""


@pytest.mark.browser
def test_the_register_sorts_from_the_keyboard_and_filters_as_typing_pauses(
    tmp_path: Path,
) -> None:
    """The headers took clicks only; "low (data gap)" sorted among plain lows; a filter of
    thousands of rows ran at every key typed and froze the page."""
    import html
    import json

    from ddtool.assess import AssessOptions
    from ddtool.config import Config

    chain = tmp_path / "c.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\nsuppliers:\n"
        "  - {id: A, name: Known, country: DEU, sector: software-services}\n"
        "  - {id: B, name: No country, sector: software-services}\n"
        "  - {id: C, name: Known too, country: AUT, sector: software-services}\n",
        "utf-8",
    )
    document = assess([chain], AssessOptions(settings=Config(flag_level="low"))).data
    page = tmp_path / "r.html"
    HtmlReporter().write(document, page)
    page.write_text(page.read_text("utf-8").replace("</body>", _INTERACT), "utf-8")
    dom = _run_chromium(tmp_path, page, "--dump-dom").stdout
    found = re.search(r'data-test="([^"]*)"', dom)
    assert found is not None, dom[-3000:]
    result = json.loads(html.unescape(found.group(1)))
    assert result["focusable"] and result["sorted"] == "descending"
    # (the highest first: a level on missing data above the same level known)
    ranks = {"low": 0, "low (data gap)": 1, "medium": 2, "high": 4, "critical": 6}
    assert "low (data gap)" in result["order"] and "low" in result["order"]
    assert [ranks[level] for level in result["order"]] == sorted(
        (ranks[level] for level in result["order"]), reverse=True
    )
    flags = len(document["flags"])
    assert result["typed"] == f"showing {flags} of {flags} flags"  # (not yet: typing)
    assert result["paused"].startswith(f"showing 0 of {flags} flags; filtered by text")


def test_the_warnings_listed_are_capped_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5,000 warnings were all listed, the charts a page-length below them."""
    from ddtool.reporters import html_report

    monkeypatch.setattr(html_report, "MAX_WARNING_ROWS", 2)
    document = _document("garment")
    document["warnings"] = [
        {"type": "unknown-sector", "severity": "warning", "message": f"w{i}", "location": None}
        for i in range(5)
    ]
    text = _write(document, tmp_path)
    listed = text.split('<ul class="small" id="warnings">', 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li>") == 2
    assert "<h3>Warnings (5)</h3>" in text
    assert "The first 2 are listed; all are in the JSON" in text
