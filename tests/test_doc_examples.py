"""The documentation's examples are what the tool writes: the trimmed assessment JSON of
docs/json-contract.md, the `validate --format json` outputs of docs/input-format.md and the
inferred supplier's table of docs/methodology.md (12.2). Each is checked against a run, so an
example cannot drift from the tool unseen."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import SCHEMA_VERSION, assess
from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _block(text: str, after: str, fence: str = "```json") -> str:
    """The first fenced block after this heading or line."""
    return text.split(after, 1)[1].split(fence, 1)[1].split("```", 1)[0]


@pytest.fixture(scope="module")
def coffee() -> dict[str, Any]:
    """`SOURCE_DATE_EPOCH=1767225600 ddtool assess sample_chains/coffee.yaml -q -o c.json`,
    as the example says."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        mp.chdir(ROOT)
        return assess([Path("sample_chains/coffee.yaml")]).data


def test_the_json_contracts_example_is_what_the_tool_writes(coffee: dict[str, Any]) -> None:
    doc = (DOCS / "json-contract.md").read_text("utf-8")
    example = _block(doc, "## Example (trimmed)")
    written = json.dumps(coffee, ensure_ascii=False)
    # every id the example shows is in its catalogue, and every figure in the document
    for kind, catalogue in (("BA", "bases"), ("EV", "evidence")):
        shown = set(re.findall(rf'"({kind}-[0-9a-f]{{10}})"', example))
        assert shown and shown <= set(coffee[catalogue]), shown - set(coffee[catalogue])
    flags = set(re.findall(r'"(FL-[0-9a-f]{10})"', example))
    assert flags and flags <= {f["id"] for f in coffee["flags"]}
    for flag_id, basis in re.findall(
        r'"id": "(FL-[0-9a-f]{10})".*?"basis": "(BA-\w+)"', example, re.S
    ):
        assert next(f for f in coffee["flags"] if f["id"] == flag_id)["basis"] == basis
    figures = set(re.findall(r"(?<![\w.])(\d+\.\d+)(?![\w.])", example))
    missing = {n for n in figures if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", written)}
    assert not missing
    assert f'"schema_version": "{SCHEMA_VERSION}"' in example
    assert f'| `schema_version` | string | `"{SCHEMA_VERSION}"` |' in doc
    counts = re.search(
        r"This run has (\d+) suppliers \((\d+) mapped, (\d+) inferred\), (\d+) flags, (\d+)"
        r" bases, (\d+) evidence facts and\s+(\d+) measures",
        doc,
    )
    assert counts is not None
    inferred = sum(1 for s in coffee["suppliers"] if s["inferred"])
    assert [int(n) for n in counts.groups()] == [
        len(coffee["suppliers"]),
        len(coffee["suppliers"]) - inferred,
        inferred,
        len(coffee["flags"]),
        len(coffee["bases"]),
        len(coffee["evidence"]),
        len(coffee["measures"]),
    ]


@pytest.mark.parametrize("chain", ["coffee.yaml", "cocoa.yaml", "electronics_minerals.yaml"])
def test_the_evidence_id_recipe_reproduces_every_id(
    chain: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contract's recipe for an evidence id, run as written on a saved assessment (read
    back as any JSON reader reads it), gives every fact's id: facts without a year or a
    note included."""
    recipe = _block(
        (DOCS / "json-contract.md").read_text("utf-8"), "An **evidence id**", "```python"
    )
    saved = tmp_path / "assessment.json"
    saved.write_text(json.dumps(assess([ROOT / "sample_chains" / chain]).data), "utf-8")
    monkeypatch.chdir(tmp_path)
    facts = json.loads(saved.read_text("utf-8"))["evidence"]
    assert any("note" not in f for f in facts.values())
    exec(
        textwrap.dedent(recipe), {}
    )  # raises AssertionError naming the first id it does not reproduce


def test_the_validate_examples_are_what_the_tool_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `$ ddtool validate --format json FILE` of the input format's page, whole."""
    monkeypatch.chdir(ROOT)
    doc = (DOCS / "input-format.md").read_text("utf-8")
    shown = re.findall(
        r"\$ ddtool validate --format json (\S+)\n(.*?)\n\$ echo \$\?\n(\d+)", doc, re.S
    )
    assert shown
    for path, output, code in shown:
        done = CliRunner().invoke(app, ["validate", "--format", "json", path])
        assert (done.stdout.strip(), done.exit_code) == (output.strip(), int(code)), path


def test_the_inferred_suppliers_table_is_what_explain_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """docs/methodology.md 12.2: each origin's weight, likelihood, severity and priority."""
    monkeypatch.chdir(ROOT)
    doc = (DOCS / "methodology.md").read_text("utf-8")
    table = _block(doc.split("### 12.2", 1)[1], "cut short:", fence="```\n")
    # (a weight of "—": a listed producer whose share is not published)
    rows = re.findall(
        r"^([A-Z]{3})\s+(0\.\d{4}|—)\s+(0\.\d{4})\s+(0\.\d{4})\s+(0\.\d{4})", table, re.M
    )
    assert len(rows) == 23
    done = CliRunner().invoke(
        app,
        ["explain", "sample_chains/garment.yaml", "inferred:cotton-farming:cotton-lint@world"],
        env={"COLUMNS": "300"},  # (the expected figures' line unbroken)
    )
    assert done.exit_code == 0, done.output
    # the child labour section: from its rule ("─── child labour ───") to the next one
    child = done.output.split(" child labour ─", 1)[1].split(" forced labour ─", 1)[0]
    printed = re.findall(
        r"│ ([A-Z]{3})\s+│\s+(0\.\d{4}|—) │\s+(0\.\d{4}) │\s+(0\.\d{4}) │\s+(0\.\d{4}) │",
        child,
    )
    assert printed == rows
    expected = re.search(r"^expected \(weighted by production share.*$", table, re.M)
    assert expected is not None and expected.group(0) in child


def test_the_diff_example_is_what_the_tool_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/reports-and-batch.md: the trader before and after its farm was mapped."""
    monkeypatch.chdir(ROOT)
    doc = (DOCS / "reports-and-batch.md").read_text("utf-8")
    commands = _block(doc, "Example (two small chains", fence="```sh\n")
    lines = [line.split() for line in commands.strip().splitlines()]
    assert [line[:2] for line in lines] == [["ddtool", "assess"]] * 2 + [["ddtool", "diff"]]
    for line in lines[:2]:
        out = str(tmp_path / line[-1])
        done = CliRunner().invoke(app, [*line[1:-1], out])
        assert done.exit_code == 0, done.output
    diff = [str(tmp_path / a) if a.endswith(".json") else a for a in lines[2][1:]]
    done = CliRunner().invoke(app, diff, env={"COLUMNS": "200"})
    said = re.search(r'prints "(Assessment diff: [^"]+)"', doc.replace("\n", " "))
    assert said is not None and said.group(1) in done.stdout
    assert done.exit_code == 1  # (--fail-on-new high: two new high flags)


def test_the_methodologys_sources_are_the_manifests() -> None:
    """Section 13 says each source is listed there: every id of the manifest, once."""
    import yaml

    manifest = yaml.safe_load((ROOT / "risk_profiles" / "manifest.yaml").read_text("utf-8"))
    ids = sorted(source["id"] for source in manifest["sources"])
    doc = (DOCS / "methodology.md").read_text("utf-8").split("## 13. Sources", 1)[1]
    listed = re.findall(r"^\| `([^`]+)` \|", doc, re.M)
    assert sorted(listed) == ids


# the problem types docs/input-format.md says it quotes as `validate` prints them for the files
# in tests/assets/bad/
REAL_OUTPUT = (
    "unknown-country",
    "unknown-buyer",
    "cycle",
    "shares-over-one",
    "duplicate-id",
    "self-loop",
    "bad-number",
    "out-of-range",
    "unsafe-yaml-tag",
    "not-a-workbook",
    "empty-file",
    "yaml-syntax",
)


def test_the_problem_examples_said_to_be_real_output_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)  # (the messages name the files as given: from the project's root)
    doc = (DOCS / "input-format.md").read_text("utf-8")
    quoted: dict[str, str] = {}
    for kind in REAL_OUTPUT:
        row = re.search(
            rf"^\| `{kind}` \|[^|]*\|[^|]*\| `(.*)`(?: \(suggestion .*\))? \|$", doc, re.M
        )
        assert row is not None, kind
        quoted[kind] = row.group(1)
    assert f"`{REAL_OUTPUT[-1]}` above are real output from `ddtool validate`" in " ".join(
        doc.split()
    )
    printed: dict[str, set[str]] = {}
    for path in sorted(Path("tests/assets/bad").iterdir()):
        done = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
        for result in json.loads(done.stdout):
            for problem in result["problems"]:
                printed.setdefault(problem["type"], set()).add(problem["message"])
    for kind, message in quoted.items():
        assert message in printed.get(kind, set()), (kind, message, printed.get(kind))


def test_the_formats_say_where_the_html_and_markdown_reports_stop() -> None:
    """The HTML register was documented as "every flag" and its Data gaps as "every gap by
    supplier", while the page stops at its caps; the .md row did not say the Markdown details
    only the first high and critical flags. Each cap is stated where the format is described."""
    from ddtool.reporters import html_report, markdown_report

    text = (DOCS / "reports-and-batch.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip(): line for line in text.splitlines() if line.startswith("| `.")
    }
    assert f"register (its {html_report.MAX_REGISTER_ROWS:,} highest-priority" in rows["`.html`"]
    assert f"data gaps (the first {html_report.MAX_GAP_ROWS:,})" in rows["`.html`"]
    md = rows["`.md`"]
    assert f"the top {markdown_report.MAX_TOP_FLAGS} flags" in md
    assert f"the first {markdown_report.MAX_DETAILED_FLAGS:,} of them, highest priority" in md
    assert f"data gaps (the first {markdown_report.MAX_GAP_ROWS:,}" in md
    assert f"warnings (type, place, message; the first {markdown_report.MAX_WARNING_ROWS:,}" in md
    page = text.split("### The HTML report (`.html`)", 1)[1].split("### The CSV register", 1)[0]
    register = page.split("- **Risk register**:", 1)[1].split("\n- **", 1)[0]
    limit = f"{html_report.MAX_REGISTER_ROWS:,}"
    assert f"every flag up to {limit}; above that, the {limit} highest-priority ones" in register
    gaps = page.split("- **Data gaps**:", 1)[1]
    assert f"every gap by supplier up to {html_report.MAX_GAP_ROWS:,};" in gaps
    assert "The first 1,000 are listed; all are in the Excel (Suppliers sheet)" in gaps
