"""What a reader needs to check a register from the register alone: how a level follows from
its priority (with the thresholds in force), a share that reads as the fraction it is, the
chain map's words for where a supplier is, and a Sources sheet that sorts and filters as a
table."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.reporters import reporter_for

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_chains"
Document = dict[str, Any]


def _write(document: Document, path: Path) -> Path:
    reporter_for(path).write(document, path)
    return path


def _rows(path: Path, sheet: str) -> list[list[Any]]:
    return [list(row) for row in load_workbook(path)[sheet].iter_rows(values_only=True)]


# ------------------------------------------------------------ how a level follows from a priority

DEFAULTS = "priority = likelihood × severity; levels: medium ≥ 0.3, high ≥ 0.5, critical ≥ 0.7"
# (a settings file that changes two thresholds: the third, left at its default, is said too)
CHANGED = "priority = likelihood × severity; levels: medium ≥ 0.3, high ≥ 0.6, critical ≥ 0.9"
NOT_RECORDED = (
    "priority = likelihood × severity; levels: the thresholds are not recorded in this assessment"
)


@pytest.fixture(scope="module")
def cocoa(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Document]:
    """The cocoa chain assessed with the defaults, and with a settings file changing the high
    and critical thresholds; and the first as an earlier version saved it, without the
    settings it was made with."""
    config = tmp_path_factory.mktemp("thresholds") / "ddtool.yaml"
    config.write_text("thresholds:\n  critical: 0.9\n  high: 0.6\n", encoding="utf-8")
    defaults = assess([SAMPLES / "cocoa.yaml"]).data
    earlier = copy.deepcopy(defaults)
    del earlier["options"]["settings"]
    return {
        "defaults": defaults,
        "changed": assess([SAMPLES / "cocoa.yaml"], AssessOptions(config=config)).data,
        "no settings": earlier,
    }


def _excel_rule(path: Path) -> str:
    return str(dict((r[0], r[1]) for r in _rows(path, "Summary"))["Levels"])


def _markdown_rule(path: Path) -> str:
    [rule] = re.findall(r"^\| Levels \| (.*) \|$", path.read_text("utf-8"), re.M)
    return rule


def _html_rule(path: Path) -> str:
    [rule] = re.findall(r"<tr><th>Levels</th><td>(.*?)</td></tr>", path.read_text("utf-8"))
    return rule


@pytest.mark.parametrize(
    ("case", "said"),
    [("defaults", DEFAULTS), ("changed", CHANGED), ("no settings", NOT_RECORDED)],
)
@pytest.mark.parametrize(
    ("suffix", "read"), [(".xlsx", _excel_rule), (".md", _markdown_rule), (".html", _html_rule)]
)
def test_every_summary_says_how_a_level_follows_from_the_priority(
    tmp_path: Path, cocoa: dict[str, Document], case: str, said: str, suffix: str, read: Any
) -> None:
    """The registers showed Likelihood, Severity, Priority and Level but not the rule nor
    the thresholds; with a settings file, the Settings row named only the thresholds it
    changed (the medium one appeared nowhere)."""
    assert read(_write(cocoa[case], tmp_path / f"r{suffix}")) == said


def test_the_rule_checks_every_level_of_the_register(cocoa: dict[str, Document]) -> None:
    """The rule as said gives every flag its level, under the thresholds it names."""
    from ddtool.reporters.shown import level_rule_text

    for case in ("defaults", "changed"):
        document = cocoa[case]
        bounds = dict(
            (name, float(value))
            for name, value in re.findall(r"(\w+) ≥ ([\d.]+)", level_rule_text(document))
        )
        for flag in document["flags"]:
            product = flag["likelihood"] * flag["severity"]
            assert abs(product - flag["priority"]) < 1e-3
            level = next(
                (
                    name
                    for name in ("critical", "high", "medium")
                    if flag["priority"] >= bounds[name]
                ),
                "low",
            )
            assert level == flag["level"], (case, flag["id"])


def test_explain_says_the_rule_in_the_same_words(tmp_path: Path) -> None:
    config = tmp_path / "ddtool.yaml"
    config.write_text("thresholds:\n  critical: 0.9\n  high: 0.6\n", encoding="utf-8")
    done = CliRunner().invoke(
        app,
        ["explain", str(SAMPLES / "cocoa.yaml"), "COOP-CI-1", "--config", str(config)],
        env={"COLUMNS": "1000"},
    )
    assert done.exit_code == 0, done.output
    assert CHANGED in " ".join(done.output.split())


# ---------------------------------------------------------------------- a share, as a percentage


@pytest.mark.parametrize(
    ("share", "shown"),
    [(0.55, "0%"), (0.6, "0%"), (1, "0%"), (0.125, "0.00%"), (None, "General")],
)
def test_the_suppliers_share_reads_as_a_percentage(
    tmp_path: Path, cocoa: dict[str, Document], share: float | None, shown: str
) -> None:
    """GRD-NL-1's share 0.55 was written in General format beside Female % 22 and Migrant %
    15: read as 0.55 %. It shows as 55 %, the cell keeping the number saved."""
    document = copy.deepcopy(cocoa["defaults"])
    [grinder] = [s for s in document["suppliers"] if s["id"] == "GRD-NL-1"]
    grinder["share"] = share
    sheet = load_workbook(_write(document, tmp_path / "r.xlsx"))["Suppliers"]
    header = [c.value for c in sheet[1]]
    [row] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "GRD-NL-1"]
    cell = row[header.index("Share")]
    assert (cell.value, cell.number_format) == (share, shown)
    # (the percentages of 0 to 100 stay numbers as written)
    assert row[header.index("Female %")].value == 22
    assert row[header.index("Female %")].number_format == "General"


def test_a_share_as_a_percentage_keeps_report_and_assess_alike(tmp_path: Path) -> None:
    """`ddtool report` writes the register a direct run writes, byte for byte."""
    runner = CliRunner()
    direct, saved, again = tmp_path / "a.xlsx", tmp_path / "a.json", tmp_path / "b.xlsx"
    args = ["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(saved), "-o", str(direct)]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, ["report", str(saved), "-q", "-o", str(again)]).exit_code == 0
    assert direct.read_bytes() == again.read_bytes()


# ------------------------------------------------------------------- the chain map's places


def test_the_chain_map_says_where_a_supplier_is_in_words(tmp_path: Path) -> None:
    """A supplier without a country read "country ?", and an inferred stage of an origin
    mix "country ?" though its origins are known (the tooltip, the terminal tree and the
    register say "origin mix")."""
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\n"
        "suppliers:\n"
        "  - {id: T1, name: Trader, country: CIV, sector: cocoa-trading,"
        " products: [cocoa beans]}\n"
        "  - {id: U1, name: Nowhere, country: unknown, sector: cocoa farming}\n",
        "utf-8",
    )
    document = assess([chain]).data
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    subs = re.findall(r'class="sub">([^<]*)<', html)
    assert "country ?" not in html
    assert any(sub.startswith("U1 · country unknown · ") for sub in subs), subs
    inferred = [s for s in document["suppliers"] if s.get("inferred")]
    assert inferred and all(not s.get("country") for s in inferred)
    assert sum(sub.startswith("inferred · origin mix · ") for sub in subs) == len(inferred)
    # (and the register names the origin its worst case comes from, said so)
    assert "(worst case of its origin mix)" in html


# -------------------------------------------------------------------- the Sources sheet


def test_the_sources_sheet_is_one_table_of_sources(
    tmp_path: Path, cocoa: dict[str, Document]
) -> None:
    """The autofilter covered the profiles' and input's rows and a heading row whose other
    cells were blank: filtering on "Used in this register" hid the heading, sorting by Year
    scattered it. One header row, one row per source, each of a Kind."""
    document = copy.deepcopy(cocoa["defaults"])
    document["profiles"]["overlays"] = ["ov/dir"]
    out = _write(document, tmp_path / "r.xlsx")
    rows = _rows(out, "Sources")
    header = rows[0]
    assert header[:2] == ["Source", "Kind"]
    kind, used = header.index("Kind"), header.index("Used in this register")
    kinds = [r[kind] for r in rows[1:]]
    assert set(kinds) == {"publication", "ddtool rule", "input"}
    assert all(r[0] and r[header.index("Publisher")] and r[used] in ("yes", "no") for r in rows[1:])
    # (no metadata rows: the profiles' hash, the overlays and the inputs are on the Summary)
    texts = " ".join(str(cell) for row in rows for cell in row)
    assert document["profiles"]["sha256"] not in texts
    assert document["input"]["sha256"] not in texts and "ov/dir" not in texts
    summary = _rows(out, "Summary")
    assert ["Profile overlay", "ov/dir"] in summary
    assert any(document["profiles"]["sha256"] in str(r[1]) for r in summary)
    assert any(document["input"]["sha256"] in str(r[1]) for r in summary)
    # the filter takes the header and every source, nothing else
    assert load_workbook(out)["Sources"].auto_filter.ref == f"A1:H{len(rows)}"
    # the Markdown list says the same: the publications used, then apart the rest
    from ddtool.reporters.markdown_report import OWN_RULES

    markdown = _write(document, tmp_path / "r.md").read_text("utf-8").replace("\\", "")
    published, _, own = markdown.split("## Sources\n")[1].partition(OWN_RULES)
    listed = {line[2:].split(" — ")[0] for line in published.splitlines() if line[:2] == "- "}
    assert listed == {r[0] for r in rows[1:] if r[kind] == "publication" and r[used] == "yes"}
    rules = {line[2:] for line in own.splitlines() if line[:2] == "- "}
    assert rules == {r[0] for r in rows[1:] if r[kind] != "publication"}
