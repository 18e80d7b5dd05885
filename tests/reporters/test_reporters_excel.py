"""The Excel risk register: sheets, columns, one row per flag, no formula can run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.reporters import ReportFormat, reporter_for
from ddtool.reporters.excel_report import REGISTER_COLUMNS
from ddtool.reporters.shown import sources_behind

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "sample_chains"
HOSTILE = ['=HYPERLINK("http://x.invalid","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]


def test_cocoa_register_has_every_sheet_column_and_flag(tmp_path: Path) -> None:
    out, js = tmp_path / "register.xlsx", tmp_path / "a.json"
    result = CliRunner().invoke(
        app, ["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(out), "-o", str(js)]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(js.read_text(encoding="utf-8"))
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "Summary",
        "Risk register",
        "Suppliers",
        "Remediation plan",
        "Sources",
        "Warnings",
    ]
    ws = wb["Risk register"]
    header = [c.value for c in ws[1]]
    assert header == [name for name, _ in REGISTER_COLUMNS]
    for required in (
        "Flag ID",
        "Supplier",
        "Tier",
        "Path",
        "Country",
        "Sector",
        "Risk type",
        "Likelihood",
        "Severity",
        "Priority",
        "Level",
        "Evidence",
        "Sources",
        "Measures",
        "Owner",
        "Due date",
        "Status",
    ):
        assert required in header
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [f["id"] for f in doc["flags"]]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    status = ws.data_validations.dataValidation[0]
    assert "open,in progress,mitigated,closed" in status.formula1
    # the plan's Status refuses other text as the register's does (it took any)
    for sheet in (ws, wb["Remediation plan"]):
        [check] = sheet.data_validations.dataValidation
        assert (check.showErrorMessage, check.error) == (
            True,
            "Choose open, in progress, mitigated or closed.",
        )
    level_col = header.index("Level")
    critical = next(r for r in ws.iter_rows(min_row=2) if r[level_col].value == "critical")
    assert critical[level_col].fill.fgColor.rgb.endswith("FF7C80")
    suppliers = wb["Suppliers"]
    assert suppliers.max_row - 1 == len(doc["suppliers"])
    inferred = [r for r in suppliers.iter_rows(min_row=2, values_only=True) if r[2] == "yes"]
    assert len(inferred) == doc["summary"]["inferred_suppliers"] > 0
    sources = [r[0] for r in wb["Sources"].iter_rows(min_row=2, values_only=True)]
    # (the profiles' hash on the Summary: the Sources sheet is a table of sources alone)
    assert any(
        doc["profiles"]["sha256"] in str(r) for r in wb["Summary"].iter_rows(values_only=True)
    )
    assert any("List of Goods" in str(s) for s in sources)


def test_formula_like_names_are_stored_as_text(tmp_path: Path) -> None:
    chain = {
        "company": {"name": "Buyer", "country": "DEU"},
        "suppliers": [
            {"id": f"S{i}", "name": name, "country": "CIV", "sector": "cocoa-farming"}
            for i, name in enumerate(HOSTILE)
        ],
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(chain), encoding="utf-8")
    out = tmp_path / "register.xlsx"
    reporter_for(out).write(assess([path]).data, out)
    wb = load_workbook(out)
    found = {}
    for sheet in ("Risk register", "Suppliers"):
        for row in wb[sheet].iter_rows(min_row=2):
            for cell in row:
                if cell.value in HOSTILE:
                    found[cell.value] = cell.data_type
    assert set(found) == set(HOSTILE)
    assert set(found.values()) == {"s"}


@pytest.mark.parametrize("fmt", list(ReportFormat))
def test_every_format_writes_and_renders_from_saved_json(tmp_path: Path, fmt: ReportFormat) -> None:
    """assess -o and report -o give a file for every format (a new format cannot be forgotten)."""
    saved = tmp_path / "a.json"
    runner = CliRunner()
    assert (
        runner.invoke(
            app, ["assess", str(SAMPLES / "coffee.yaml"), "-q", "-o", str(saved)]
        ).exit_code
        == 0
    )
    out = tmp_path / f"report{fmt.value}"
    result = runner.invoke(app, ["report", str(saved), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 200


def test_report_refuses_unknown_format_and_overwriting_input(tmp_path: Path) -> None:
    saved = tmp_path / "a.json"
    runner = CliRunner()
    runner.invoke(app, ["assess", str(SAMPLES / "coffee.yaml"), "-q", "-o", str(saved)])
    bad = runner.invoke(app, ["report", str(saved), "-o", str(tmp_path / "x.pdf")])
    assert bad.exit_code == 2 and ".pdf" in bad.output
    same = runner.invoke(app, ["report", str(saved), "-o", str(saved)])
    assert same.exit_code == 2 and "overwrite" in same.output


@pytest.mark.parametrize("sample", ["garment.yaml", "cocoa.yaml"])
def test_sources_sheet_marks_every_source_the_evidence_cites(tmp_path: Path, sample: str) -> None:
    """A source whose name holds ": " (World Agricultural Production, Table 17: Cotton …)
    was marked unused, and cut short in the register's Sources column."""
    out, js = tmp_path / "register.xlsx", tmp_path / "a.json"
    args = ["assess", str(SAMPLES / sample), "-q", "-o", str(out), "-o", str(js)]
    assert CliRunner().invoke(app, args).exit_code == 0
    doc = json.loads(js.read_text(encoding="utf-8"))
    names = [s["name"] for s in doc["sources"]]
    cited = {str(e["source"]) for e in doc["evidence"].values()}
    # and the source a rating's note names as the one behind it ("[source behind it: …]")
    cited |= {
        behind for e in doc["evidence"].values() for behind in sources_behind(e, doc["sources"])
    }
    expected = {n for n in names if any(c == n or c.startswith(n + ": ") for c in cited)}
    wb = load_workbook(out)
    table = list(wb["Sources"].iter_rows(values_only=True))
    header = list(table[0])
    kind, used_in = header.index("Kind"), header.index("Used in this register")
    rows = [r[0] for r in table[1:]]
    own = [r[0] for r in table[1:] if r[kind] != "publication"]
    used = {r[0] for r in table[1:] if r[kind] == "publication" and r[used_in] == "yes"}
    assert used == expected
    if sample == "garment.yaml":
        assert any(": " in name for name in used)  # the case that was missed
    ws = wb["Risk register"]
    column = [c.value for c in ws[1]].index("Sources")
    shown = {
        line
        for row in ws.iter_rows(min_row=2, values_only=True)
        for line in str(row[column] or "").split("\n")
    }
    # each a source of the profiles, or another source whole, as the CSV names it ("ddtool: a
    # listed good's severity floor (…)", not "ddtool")
    assert shown <= set(names) | cited
    # and each listed on the Sources sheet: what no publication gives of a Kind of its own
    # (an auditor found "ddtool: no figure for this country …" cited and listed nowhere)
    assert shown - {""} <= set(rows)
    assert own and all(not text.startswith(tuple(names)) for text in own)


def test_a_single_tier_is_a_number_in_the_register(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    reporter_for(out).write(assess([SAMPLES / "cocoa.yaml"]).data, out)
    sheet = load_workbook(out)["Suppliers"]
    tiers = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(t, int) for t in tiers)
    assert all(isinstance(t, int) or ", " in t for t in tiers)


def test_the_suppliers_sheet_agrees_with_the_register_and_never_reads_a_gap_as_low(
    tmp_path: Path,
) -> None:
    """A cocoa farm of unknown country is flagged at its worst case: the Suppliers sheet shows
    that level too; a cleaner of unknown country scores low on missing data and says so."""
    chain = tmp_path / "gaps.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\n"
        "suppliers:\n"
        "  - {id: F1, name: Farm, sector: cocoa-farming}\n"
        "  - {id: C1, name: Cleaner, country: unknown, sector: cleaning-services}\n",
        "utf-8",
    )
    doc = assess([chain]).data
    out = tmp_path / "r.xlsx"
    reporter_for(out).write(doc, out)
    wb = load_workbook(out)
    rows = list(wb["Suppliers"].iter_rows(values_only=True))
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    register = list(wb["Risk register"].iter_rows(values_only=True))
    flagged = {
        (r[register[0].index("Supplier ID")], r[register[0].index("Risk type")]): r[
            register[0].index("Level")
        ]
        for r in register[1:]
    }
    assert {risk for supplier, risk in flagged if supplier == "F1"} == {
        "child labour",
        "forced labour",
        "human trafficking",
    }
    for (supplier, risk), level in flagged.items():
        if supplier == "F1":
            assert by_id["F1"][f"{risk}: level"] == level
    assert by_id["C1"]["child labour: level"] == "low (data gap)"


def test_a_large_register_writes_the_evidence_only_one_flag_has_in_its_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Suppliers holding their own audits have bases of their own: in a large register (more
    flags than WRAP_LIMIT), such a basis's evidence is written in its cell, not held for the
    shared strings; the register reads the same as one written with every text shared."""
    from python_calamine import CalamineWorkbook

    from ddtool.reporters import excel_report
    from ddtool.reporters.xlsx import _text

    audited = [
        {
            "id": f"S{day}",
            "country": "CIV",
            "sector": "cocoa-farming",
            "audits": [{"standard": "SMETA", "date": f"2025-03-{day:02d}", "result": "pass"}],
        }
        for day in range(1, 5)
    ]
    twins = [{"id": f"T{i}", "country": "GHA", "sector": "cocoa-farming"} for i in range(2)]
    path = tmp_path / "chain.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "Buyer"}, "suppliers": audited + twins}), "utf-8"
    )
    books = {}
    for limit in (5000, 3):  # all shared (as any small register), then a large one
        monkeypatch.setattr(excel_report, "WRAP_LIMIT", limit)
        out = tmp_path / f"register-{limit}.xlsx"
        result = CliRunner().invoke(app, ["assess", str(path), "-q", "-o", str(out)])
        assert result.exit_code == 0, result.output
        books[limit] = out
    read = {
        limit: {
            name: CalamineWorkbook.from_path(str(out)).get_sheet_by_name(name).to_python()
            for name in CalamineWorkbook.from_path(str(out)).sheet_names
        }
        for limit, out in books.items()
    }
    assert read[3] == read[5000]
    register = read[3]["Risk register"]
    evidence = register[0].index("Evidence")
    by_supplier: dict[str, list[str]] = {}
    for row in register[1:]:
        by_supplier.setdefault(row[2], []).append(row[evidence])
    import zipfile

    with zipfile.ZipFile(books[3]) as archive:
        strings = archive.read("xl/sharedStrings.xml").decode()
        cells = archive.read("xl/worksheets/sheet2.xml").decode()
    own = [text for sid, texts in by_supplier.items() if sid.startswith("S") for text in texts]
    assert own and all("audit 'SMETA' of 2025-03-" in text for text in own)
    assert not any(_text(text) in strings for text in own)  # in their cells
    assert cells.count('t="inlineStr"') == len(own)  # one cell each: a basis of its own
    # the twins share one basis (one score): their evidence stays shared
    shared = {text for sid, texts in by_supplier.items() if sid.startswith("T") for text in texts}
    assert shared and all(f"<t>{_text(text)}</t>" in strings for text in shared)


@pytest.mark.parametrize(
    ("generated_at", "as_of", "generated_cell", "as_of_cell"),
    [
        # a time with its zone is written in UTC; a date is a date cell
        (
            "2026-11-27T13:02:46+01:00",
            "2026-11-27",
            dt.datetime(2026, 11, 27, 12, 2, 46),
            dt.datetime(2026, 11, 27),
        ),
        ("2025-01-02T03:04:05+00:00", None, dt.datetime(2025, 1, 2, 3, 4, 5), None),
        # text that reads as no date stays as written
        ("not recorded", "someday", "not recorded", "someday"),
    ],
)
def test_the_summary_dates_are_date_cells(
    tmp_path: Path,
    generated_at: str,
    as_of: str | None,
    generated_cell: object,
    as_of_cell: object,
) -> None:
    js, out = tmp_path / "a.json", tmp_path / "register.xlsx"
    result = CliRunner().invoke(app, ["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(js)])
    assert result.exit_code == 0, result.output
    doc = json.loads(js.read_text(encoding="utf-8"))
    doc["generated_at"] = generated_at
    doc["options"]["as_of"] = as_of
    reporter_for(out).write(doc, out)
    rows = {row[0].value: row[1] for row in load_workbook(out)["Summary"].iter_rows()}
    generated, assessed = rows["Generated at (UTC)"], rows["Assessed as of"]
    assert generated.value == generated_cell
    assert assessed.value == as_of_cell
    if isinstance(generated_cell, dt.datetime):
        assert generated.number_format == "yyyy\\-mm\\-dd\\ hh:mm:ss"
    if isinstance(as_of_cell, dt.datetime):
        assert assessed.number_format == "yyyy\\-mm\\-dd"


def test_the_sources_say_how_far_each_copy_can_be_trusted(tmp_path: Path) -> None:
    """The manifest's note on a source ("NOT verified against NORMLEX") is in the JSON, the
    register's Sources sheet and the Markdown report's Sources, as `profiles sources` has it."""
    from ddtool.profiles import load_profiles

    js, out, md = tmp_path / "a.json", tmp_path / "r.xlsx", tmp_path / "r.md"
    result = CliRunner().invoke(
        app, ["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(js), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(js.read_text(encoding="utf-8"))
    reporter_for(md).write(doc, md)
    notes = {s.name: s.note for s in load_profiles().sources.values()}
    assert {s["name"]: s.get("note", "") for s in doc["sources"]} == notes
    ratifications = next(name for name, note in notes.items() if "NORMLEX" in note)
    rows = list(load_workbook(out)["Sources"].iter_rows(values_only=True))
    header = list(rows[0])
    [row] = [r for r in rows if r[0] == ratifications]
    assert row[header.index("Note")] == notes[ratifications]
    assert notes[ratifications] in " ".join(md.read_text(encoding="utf-8").split())


def test_the_suppliers_sheet_keeps_the_users_own_columns(tmp_path: Path) -> None:
    """A column of the user's own ("Notes") reached the JSON only; an auditor reading the
    register never saw it."""
    chain = tmp_path / "chain.csv"
    chain.write_text(
        "Supplier ID,Supplier name,Country,Sector,Notes,Visits\n"
        "S1,Farm one,GHA,cocoa farming,no visit possible,2\n"
        "S2,Farm two,GHA,cocoa farming,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    assert CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(out)]).exit_code == 0
    sheet = load_workbook(out)["Suppliers"]
    header = [c.value for c in sheet[1]]
    own = {
        r[0]: r[header.index("Your own columns")]
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert own["S1"] == "Notes: no visit possible; Visits: 2"
    assert own["S2"] in (None, "")


def test_the_plan_names_each_mapped_supplier(tmp_path: Path) -> None:
    """The plan's Suppliers listed ids alone; an owner given the measure needs the names."""
    out = tmp_path / "r.xlsx"
    doc = assess([SAMPLES / "cocoa.yaml"]).data
    reporter_for(out).write(doc, out)
    names = {s["id"]: s.get("name") for s in doc["suppliers"] if not s["inferred"]}
    sheet = load_workbook(out)["Remediation plan"]
    header = [c.value for c in sheet[1]]
    cells = [
        r[header.index("Suppliers")] or "" for r in sheet.iter_rows(min_row=2, values_only=True)
    ]
    listed = ", ".join(cells)
    mapped = [sid for sid in names if f"{sid} (" in listed or f"{sid}," in listed]
    assert mapped
    for sid in mapped:
        assert f"{sid} ({names[sid]})" in listed
    assert "inferred:" in listed and "inferred:cocoa-farming:cocoa-beans@CIV (" not in listed
