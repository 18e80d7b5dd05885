"""Markdown and CSV reports: content follows the JSON document; user text cannot break them."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import assess
from ddtool.document import register
from ddtool.reporters.csv_report import COLUMNS, CsvReporter
from ddtool.reporters.markdown_report import MarkdownReporter, render_markdown

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"

HYPERLINK = '=HYPERLINK("http://x.invalid","y")'
DDE = "+cmd|' /C calc'!A0"


@pytest.fixture(scope="module")
def cocoa() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        return assess([SAMPLES / "cocoa.yaml"]).data


def _chain(tmp_path: Path, names: list[str]) -> dict[str, Any]:
    """Assess a tiny chain of cocoa farms in Côte d'Ivoire with the given supplier names."""
    lines = [
        "company: {name: Test GmbH, country: DE, sector: chocolate-manufacturing}",
        "suppliers:",
    ]
    for i, name in enumerate(names, start=1):
        quoted = "'" + name.replace("'", "''") + "'"
        lines += [
            f"  - id: S-{i}",
            f"    name: {quoted}",
            "    country: CIV",
            "    sector: cocoa-farming",
        ]
    path = tmp_path / "chain.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return assess([path]).data


def _markdown(document: dict[str, Any], tmp_path: Path) -> str:
    out = tmp_path / "report.md"
    MarkdownReporter().write(document, out)
    return out.read_text(encoding="utf-8")


def _csv_rows(document: dict[str, Any], tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "register.csv"
    CsvReporter().write(document, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_markdown_summary_numbers_match_json(cocoa: dict[str, Any], tmp_path: Path) -> None:
    text = _markdown(cocoa, tmp_path)
    s = cocoa["summary"]
    assert text.startswith(f"# Human-rights due diligence assessment: {cocoa['company']['name']}")
    assert f"| Suppliers mapped | {s['suppliers']} |" in text
    assert f"| Suppliers inferred | {s['inferred_suppliers']} |" in text
    assert f"| Tiers | {s['tiers']} |" in text
    assert f"| Flags | {s['flags']} |" in text
    for level, n in s["flags_by_level"].items():
        assert f"| Flags {level} | {n} |" in text
    assert f"| Data gaps | {s['data_gaps']} (" in text
    assert cocoa["profiles"]["sha256"][:12] in text
    assert cocoa["input"]["sha256"][:12] in text
    assert cocoa["generated_at"] in text


def test_markdown_lists_every_serious_flag(cocoa: dict[str, Any], tmp_path: Path) -> None:
    text = _markdown(cocoa, tmp_path)
    serious = [f for f in cocoa["flags"] if f["level"] in ("high", "critical")]
    assert serious
    for flag in serious:
        assert f"`{flag['id']}`" in text
    assert "(inferred)" in text  # the cocoa sample has inferred tiers
    assert "## Data gaps" in text and "## Sources" in text
    top = text.split("## Top flags")[1].split("\n## ")[0]
    assert sum(1 for line in top.splitlines() if line.startswith("| ")) == 2 + min(
        25, len(cocoa["flags"])
    )


def test_markdown_is_deterministic(cocoa: dict[str, Any], tmp_path: Path) -> None:
    assert _markdown(cocoa, tmp_path) == _markdown(cocoa, tmp_path)


def test_markdown_escapes_table_syntax(tmp_path: Path) -> None:
    document = _chain(tmp_path, ["A|B"])
    basis = document["flags"][0]["basis"]
    document["bases"][basis]["reason"] = "line one\nline two | three"
    text = _markdown(document, tmp_path)
    assert "A\\|B" in text
    assert "line one line two \\| three" in text
    for line in text.splitlines():
        if line.startswith("| ") and "A" in line and "B" in line:
            assert "A|B" not in line.replace("A\\|B", "")


def test_csv_one_row_per_flag(cocoa: dict[str, Any], tmp_path: Path) -> None:
    rows = _csv_rows(cocoa, tmp_path)
    assert rows[0] == [
        "flag_id", "supplier_id", "supplier_name", "inferred", "tiers", "path", "country",
        "region", "sector", "risk_type", "level", "likelihood", "severity", "priority", "reason",
        "data_gaps", "evidence", "sources", "measures", "owner", "due_date", "status",
        "measures_not_shown",
    ]  # fmt: skip
    assert tuple(rows[0]) == COLUMNS
    body = rows[1:]
    assert len(body) == len(cocoa["flags"])
    assert [r[0] for r in body] == [f["id"] for f in cocoa["flags"]]
    for row, flag in zip(body, register(cocoa), strict=True):
        record = dict(zip(COLUMNS, row, strict=True))
        assert float(record["priority"]) == flag["priority"]
        assert float(record["likelihood"]) == flag["likelihood"]
        assert float(record["severity"]) == flag["severity"]
        assert record["path"] == " > ".join(flag["path"])
        assert record["status"] == "open" and record["owner"] == "" and record["due_date"] == ""
        assert record["inferred"] == ("yes" if flag["inferred"] else "no")
        assert int(record["measures_not_shown"]) == flag["measures_not_shown"]


def test_csv_neutralises_formula_injection(tmp_path: Path) -> None:
    document = _chain(tmp_path, [HYPERLINK, DDE, "-1+1", "@SUM(1)"])
    rows = _csv_rows(document, tmp_path)
    names = {r[2] for r in rows[1:] if r[3] == "no"}
    assert names == {"'" + HYPERLINK, "'" + DDE, "'-1+1", "'@SUM(1)"}
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
        float(row[COLUMNS.index("priority")])  # numbers stay numbers


def test_markdown_escapes_html_tags(tmp_path: Path) -> None:
    from ddtool.reporters.markdown_report import render_markdown

    path = tmp_path / "x.yaml"
    path.write_text(
        "suppliers: [{id: S1, country: CIV, sector: cocoa-farming,"
        " name: '<script>alert(1)</script><img src=x onerror=alert(2)>'}]\n",
        encoding="utf-8",
    )
    text = render_markdown(assess([path]).data)
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("[link](javascript:alert(1))", "\\[link\\](javascript:alert(1))"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        ("`code`", "\\`code\\`"),
        ("ends in \\", "ends in \\\\"),
        ("~~struck~~", "\\~\\~struck\\~\\~"),
        ("https://evil.example/login", "https:\\/\\/evil.example/login"),  # no autolink
        ("www.evil.example", "www\\.evil.example"),
    ],
)
def test_markdown_shows_a_name_as_written_not_as_markup(
    tmp_path: Path, name: str, shown: str
) -> None:
    """A supplier's name cannot become a link, emphasis or code in the rendered report."""
    from markdown_it import MarkdownIt

    document = _chain(tmp_path, [name])
    text = _markdown(document, tmp_path)
    assert shown in text
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    assert "<a " not in rendered and "<strong>" not in rendered and "<em>" not in rendered
    assert "<code>code</code>" not in rendered and "<s>" not in rendered


@pytest.mark.parametrize(("details", "gaps"), [(1, 1), (3, 2), (10_000, 10_000)])
def test_markdown_details_and_gaps_stop_at_their_limits(
    cocoa: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, details: int, gaps: int
) -> None:
    """A large chain's report says how many flags and gaps it leaves out, and where they
    are; the sources still cover every flag."""
    import ddtool.reporters.markdown_report as markdown

    whole = _markdown(cocoa, tmp_path)
    monkeypatch.setattr(markdown, "MAX_DETAILED_FLAGS", details)
    monkeypatch.setattr(markdown, "MAX_GAP_ROWS", gaps)
    text = _markdown(cocoa, tmp_path)
    serious = [f for f in cocoa["flags"] if f["level"] in ("high", "critical")]
    shown = [f for f in serious if f"`{f['id']}`" in text]
    assert [f["id"] for f in shown] == [f["id"] for f in serious[:details]]
    assert (f"The first {details:,} of {len(serious):,}" in text) == (len(serious) > details)
    gap_rows = text.split("## Data gaps")[1].split("\n## ")[0]
    left = len(cocoa["data_gaps"]) - gaps
    assert (f"… and {left:,} more data gaps" in text) == (left > 0)
    assert sum(line.startswith("| ") for line in gap_rows.splitlines()) == 2 + min(
        gaps, len(cocoa["data_gaps"])
    )
    assert text.split("## Sources")[1] == whole.split("## Sources")[1]
    if details >= len(serious) and left <= 0:
        assert text == whole


@pytest.mark.parametrize("rows_per_chunk", [1, 2, 7, 2000])
@pytest.mark.parametrize(
    "names", [["Plain farm", "Other farm"], [HYPERLINK, DDE, "-2+3", "@SUM(A1)"]]
)
def test_csv_in_chunks_is_the_register_row_by_row(
    tmp_path: Path, rows_per_chunk: int, names: list[str]
) -> None:
    """The streamed register (each basis's cells written once and joined to each row) is
    the flag rows written one by one."""
    from ddtool.reporters.csv_report import csv_chunks, flag_row

    document = _chain(tmp_path, names)
    expected = io.StringIO(newline="")
    writer = csv.writer(expected, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for flag in register(document):
        writer.writerow(flag_row(flag, document))
    chunks = list(csv_chunks(document, rows_per_chunk))
    assert "".join(chunks) == expected.getvalue()
    assert len(chunks) == len(document["flags"]) // rows_per_chunk + 1


def test_every_format_shows_the_notes_of_the_evidence_it_cites(
    cocoa: dict[str, Any], tmp_path: Path
) -> None:
    """A note says what a value is, or that its copy is less certain: the register showed
    them, the Markdown, CSV and HTML reports did not."""
    from ddtool.document import flag_evidence
    from ddtool.reporters.html_report import HtmlReporter

    notes = {
        e["note"] for flag in register(cocoa) for e in flag_evidence(cocoa, flag) if e.get("note")
    }
    assert any("less certain" in note for note in notes)
    for reporter, suffix in ((MarkdownReporter(), ".md"), (CsvReporter(), ".csv")):
        path = tmp_path / f"r{suffix}"
        reporter.write(cocoa, path)
        text = path.read_text(encoding="utf-8")
        assert any(note in text for note in notes if "less certain" in note), suffix
    path = tmp_path / "r.html"
    HtmlReporter().write(cocoa, path)
    shown = path.read_text(encoding="utf-8")
    assert any(note in shown for note in notes if "less certain" in note)


@pytest.mark.parametrize(
    ("item", "text"),
    [
        ({"indicator": "i", "value": 3, "year": 2023, "source": "S"}, "i: 3 (2023, S)"),
        (
            {"indicator": "i", "value": 3, "year": 2023, "source": "S", "note": "a copy"},
            "i: 3 (2023, S) — a copy",
        ),
        ({"indicator": "i", "value": "x", "note": "n"}, "i: x — n"),
    ],
)
def test_an_evidence_line_carries_its_note(item: dict[str, Any], text: str) -> None:
    from ddtool.reporters.html_report import _evidence_text
    from ddtool.reporters.markdown_report import evidence_text

    assert evidence_text(item) == _evidence_text(item) == text


def test_markdown_paths_and_inferred_names_read_plainly(tmp_path: Path) -> None:
    doc = assess([SAMPLES / "coffee.yaml"]).data
    out = tmp_path / "r.md"
    MarkdownReporter().write(doc, out)
    text = out.read_text("utf-8")
    assert "&gt;" not in text and "company → IMP-DE-1 → EXP-BR-2" in text
    assert ")) (inferred)" not in text and "inferred coffee farming (coffee (green beans))" in text
    # an origin mix names the publications its shares come from, not a file of ddtool's
    assert "risk_profiles/origins.csv" not in text
    assert "Production, Supply and Distribution (PSD)" in text


def test_the_summaries_give_the_as_of_date_and_say_the_same_words(tmp_path: Path) -> None:
    """An auditor reads the date the figures hold for, and the same words in each report."""
    from rich.console import Console

    from ddtool.reporters.terminal import render

    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Test GmbH}\nsuppliers:\n"
        "  - {id: S-1, name: Farm, country: CIV, sector: cocoa-farming}\n",
        "utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        doc = assess([path]).data
    markdown = render_markdown(doc)
    console = Console(file=io.StringIO(), width=200, record=True, color_system=None)
    render(doc, console)
    terminal = console.export_text()
    assert "| Assessed as of | 2025-11-25 |" in markdown
    assert "Assessed as of  2025-11-25" in terminal
    assert "| Company | Test GmbH (country not given) |" in markdown
    assert "Test GmbH (country not given)" in terminal
    assert "priority 0.81, from S-1 (Farm))" in markdown and ", via " not in markdown
