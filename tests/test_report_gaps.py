"""What every report shows alike: an exposure or a flag that is low on missing data reads
"low (data gap)", never plain "low"; the input warnings with their places; a supplier's region
beside its country; the sector as written in the Excel Suppliers sheet."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.reporters import reporter_for
from ddtool.reporters.csv_report import COLUMNS
from ddtool.reporters.excel_report import REGISTER_COLUMNS
from ddtool.reporters.markdown_report import cell
from ddtool.reporters.shown import ON_A_GAP, RISK_NAMES

RISKS = ("child labour", "forced labour", "human trafficking")
GAP, LOW = "low (data gap)", "low"

# one supplier per way of being low on missing data, and two that are not
GAP_CHAIN = """\
company: {name: Gaps GmbH, country: DEU}
suppliers:
  - {id: G1, name: Law firm, sector: legal services}
  - {id: G2, name: Software DE, country: DEU, sector: software services}
  - {id: G3, name: Unknown trade, country: unknown}
  - {id: G4, name: Widgets NL, country: NLD, sector: widget polishing}
  - {id: G5, name: Antarctic IT, country: ATA, sector: software services, buyers: [G2]}
  - {id: G8, name: Accounts DE, country: DEU, sector: accounting services}
"""

# supplier: (its own level, its exposure level) for every risk type, as the Excel Suppliers
# sheet shows them; G2 is complete and low itself, but its exposure's maximum sits on G5
SUPPLIER_LEVELS = [
    ("G1", GAP, GAP),  # country blank
    ("G2", LOW, GAP),  # complete, buys from G5 (no country data)
    # no country, no sector: medium, not low; its exposure rests on what it lacks
    ("G3", "medium", "medium (data gap)"),
    ("G4", GAP, GAP),  # sector not in the taxonomy
    ("G5", GAP, GAP),  # a country without data
    ("G8", LOW, LOW),  # complete, nothing beneath
]


def _assess(tmp_path: Path, text: str, flag_level: str | None = None) -> dict[str, Any]:
    chain = tmp_path / "chain.yaml"
    chain.write_text(text, encoding="utf-8")
    options = AssessOptions()
    if flag_level:
        config = tmp_path / "ddtool.yaml"
        config.write_text(f"flag_level: {flag_level}\n", encoding="utf-8")
        options.config = config
    return assess([chain], options).data


def _write(document: dict[str, Any], path: Path) -> Path:
    reporter_for(path).write(document, path)
    return path


def _sheet(path: Path, name: str) -> list[dict[str, Any]]:
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _header(path: Path, name: str) -> list[str]:
    return [c.value for c in next(load_workbook(path)[name].iter_rows(max_row=1))]


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def _html_register(path: Path) -> list[dict[str, Any]]:
    html = path.read_text("utf-8")
    data = re.search(r'<script type="application/json" id="ddtool-data">(.*?)</script>', html)
    assert data is not None
    rows: list[dict[str, Any]] = json.loads(data.group(1))["register"]
    return rows


@pytest.fixture(scope="module")
def gap_chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _assess(tmp_path_factory.mktemp("gaps"), GAP_CHAIN)


# ------------------------------------------------------------------ D7: low on missing data


@pytest.mark.parametrize(("supplier", "own", "exposure"), SUPPLIER_LEVELS)
def test_the_suppliers_sheet_shows_an_exposure_on_a_gap_as_its_own_level_does(
    gap_chain: dict[str, Any], tmp_path: Path, supplier: str, own: str, exposure: str
) -> None:
    rows = _sheet(_write(gap_chain, tmp_path / "r.xlsx"), "Suppliers")
    row = next(r for r in rows if r["Supplier ID"] == supplier)
    assert [row[f"{risk}: level"] for risk in RISKS] == [own] * 3
    assert [row[f"exposure {risk}: level"] for risk in RISKS] == [exposure] * 3


# (suppliers of the chain, the company's exposure as each report shows it)
COMPANY_EXPOSURE = [
    ("G1 law firm of unknown country", ["G1", "G8"], GAP),
    ("G5 beneath G2, a country without data", ["G2", "G5"], GAP),
    ("G4 unknown sector", ["G4"], GAP),
    ("complete data only", ["G8", "G2"], LOW),
    # what G3's missing data hides may be above its medium
    ("a medium on missing data", ["G3", "G8"], "medium (data gap)"),
    # what G1's missing data hides may be above G3's medium
    ("a low on missing data bears on a medium beside it", ["G1", "G3"], "medium (data gap)"),
]


def _chain_of(ids: list[str]) -> str:
    """GAP_CHAIN with only these suppliers."""
    lines = GAP_CHAIN.splitlines(keepends=True)
    kept = [line for line in lines[2:] if line.split("id: ")[1].split(",")[0] in ids]
    return "".join(lines[:2] + kept)


@pytest.mark.parametrize(
    ("ids", "shown"), [c[1:] for c in COMPANY_EXPOSURE], ids=[c[0] for c in COMPANY_EXPOSURE]
)
def test_the_chain_exposure_on_a_gap_reads_so_in_every_report(
    tmp_path: Path, ids: list[str], shown: str
) -> None:
    document = _assess(tmp_path, _chain_of(ids))
    exposure = document["summary"]["exposure"]
    summary = {
        r["Item"]: r["Value"] for r in _sheet(_write(document, tmp_path / "r.xlsx"), "Summary")
    }
    markdown = _write(document, tmp_path / "r.md").read_text("utf-8")
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    for rt, risk in zip(exposure, RISKS, strict=True):
        e = exposure[rt]
        [named] = [s.get("name") for s in document["suppliers"] if s["id"] == e["from"]]
        source = f"{e['from']} ({named})" if named else e["from"]  # (with its name)
        where = f"priority {e['priority']}, from {source}"
        text = f"{shown[:-1]}; {where})" if shown.endswith(ON_A_GAP) else f"{shown} ({where})"
        assert summary[f"Chain exposure: {risk}"] == text
        assert f"| Chain exposure {risk} | {text} |" in markdown  # the same words
        # not coloured as low risk; a medium on a gap as medium
        pill = "none" if shown == GAP else shown.removesuffix(ON_A_GAP)
        assert (
            f'<tr><td>{risk}</td><td><span class="pill lvl-{pill}">{shown}</span></td>'
            f"<td>priority {e['priority']}</td>"
        ) in html


def test_a_register_flag_low_on_missing_data_reads_so_in_every_register(
    tmp_path: Path,
) -> None:
    """With flag_level low, the low flags are listed: those on missing data say so."""
    document = _assess(tmp_path, GAP_CHAIN, flag_level="low")
    expected = {(supplier, risk): own for supplier, own, _ in SUPPLIER_LEVELS for risk in RISKS}
    assert {f["supplier_id"] for f in document["flags"]} == {s for s, *_ in SUPPLIER_LEVELS}
    xlsx = _write(document, tmp_path / "r.xlsx")
    register = _sheet(xlsx, "Risk register")
    assert {(r["Supplier ID"], r["Risk type"]): r["Level"] for r in register} == expected
    rows = _csv(_write(document, tmp_path / "r.csv"))
    assert {
        (r["supplier_id"], r["risk_type"].replace("_", " ")): r["level"] for r in rows
    } == expected
    html = _html_register(_write(document, tmp_path / "r.html"))
    assert {(r["supplier_id"], r["risk_type"]): r["level"] for r in html} == expected
    # a gap is not coloured as low: the row is drawn uncoloured, the cell has no fill
    assert {r["level_class"] for r in html if r["level"] == GAP} == {"none"}
    level = [name for name, _ in REGISTER_COLUMNS].index("Level")
    fills = {
        row[level].value: row[level].fill.fgColor.rgb
        for row in load_workbook(xlsx)["Risk register"].iter_rows(min_row=2)
    }
    assert fills[LOW].endswith("C6EFCE") and not fills[GAP].endswith("C6EFCE")
    markdown = _write(document, tmp_path / "r.md").read_text("utf-8")
    assert "| low (data gap) | forced labour | Law firm |" in markdown
    assert "| low | forced labour | Accounts DE |" in markdown


# ---------------------------------------------------------------------- D8: input warnings

WARNINGS: list[tuple[str, dict[str, Any], str]] = [
    (
        "a sheet not read",
        {
            "type": "other-supplier-sheets",
            "severity": "warning",
            "message": "only sheet 'Tier 1' is read; 'Tier 2' also has a supplier header",
            "suggestion": None,
            "location": {"file": "in.xlsx", "sheet": "Tier 2", "row": None, "column": None},
        },
        "in.xlsx, sheet 'Tier 2'",
    ),
    (
        "a note row",
        {
            "type": "note-row",
            "severity": "warning",
            "message": "the row holds only the text 'Note: to be checked': read as a note",
            "suggestion": None,
            "location": {"file": "in.xlsx", "sheet": "Vendors", "row": 13, "column": None},
        },
        "in.xlsx, sheet 'Vendors', row 13",
    ),
    (
        "a YAML key, with a suggestion",
        {
            "type": "unknown-sector",
            "severity": "warning",
            "message": "sector 'cocoa farmin' is not in the taxonomy",
            "suggestion": "cocoa-farming",
            "location": {"file": "c.yaml", "line": 7, "column": "sector"},
        },
        "c.yaml, line 7, key 'sector'",
    ),
    (
        "hostile text",
        {
            "type": "note-row",
            "severity": "warning",
            "message": '=HYPERLINK("http://x.invalid","y") <script>alert(1)</script> a|b',
            "suggestion": None,
            "location": {"file": "@evil.csv", "sheet": None, "row": 4, "column": "-2+3"},
        },
        "@evil.csv, row 4, column '-2+3'",
    ),
]


@pytest.fixture(scope="module")
def cocoa_document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = Path(__file__).resolve().parents[1] / "sample_chains" / "cocoa.yaml"
    return assess([path]).data


@pytest.mark.parametrize(
    ("warning", "place"), [w[1:] for w in WARNINGS], ids=[w[0] for w in WARNINGS]
)
def test_every_warning_is_in_the_excel_register_and_the_markdown(
    cocoa_document: dict[str, Any], tmp_path: Path, warning: dict[str, Any], place: str
) -> None:
    document = {**cocoa_document, "warnings": [warning]}
    xlsx = _write(document, tmp_path / "r.xlsx")
    assert _header(xlsx, "Warnings") == [
        "Type", "Severity", "Message", "Suggestion", "File", "Sheet", "Row", "Column", "Line",
    ]  # fmt: skip
    location = warning["location"]
    assert [tuple(r.values()) for r in _sheet(xlsx, "Warnings")] == [
        (
            warning["type"],
            warning["severity"],
            warning["message"],
            warning["suggestion"],
            *(location.get(k) for k in ("file", "sheet", "row", "column", "line")),
        )
    ]
    cells = load_workbook(xlsx)["Warnings"][2]
    assert all(c.data_type in ("s", "n") for c in cells)  # text stays text, never a formula
    summary = {r["Item"]: r["Value"] for r in _sheet(xlsx, "Summary")}
    assert summary["Input warnings (see the Warnings sheet)"] == 1

    markdown = _write(document, tmp_path / "r.md").read_text("utf-8")
    section = markdown.split("## Warnings (1)\n")[1].split("\n## ")[0]
    row = section.strip().splitlines()[-1]
    assert row.startswith(f"| {warning['type']} | {place} | ")
    assert "<script>" not in section
    if "|" in warning["message"]:  # escaped: it would end the table cell
        assert "a\\|b" in row
    if warning["suggestion"]:
        assert f"(did you mean {warning['suggestion']}?)" in row
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    assert f"<code>{warning['type']}</code> <strong>" in html


def test_a_run_without_warnings_says_so_and_keeps_the_sheet(
    cocoa_document: dict[str, Any], tmp_path: Path
) -> None:
    document = {**cocoa_document, "warnings": []}
    xlsx = _write(document, tmp_path / "r.xlsx")
    assert _sheet(xlsx, "Warnings") == []
    assert "## Warnings\n\nNone.\n" in _write(document, tmp_path / "r.md").read_text("utf-8")


def test_many_warnings_are_listed_in_order_unwrapped_as_a_large_register(
    cocoa_document: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long messages wrap only up to WRAP_LIMIT warnings, as the register's long texts do
    (a vendor list may give one per row, and Excel sizes each wrapped row as it opens the
    file); every warning is listed all the same, in the document's order."""
    from ddtool.reporters import excel_report

    long_message = "the value '55' may be a percentage or a fraction: read as 55 % " * 2
    warnings = [
        {**WARNINGS[1][1], "message": f"{long_message}({n})", "location": {"row": n}}
        for n in (9, 3, 5)
    ]
    document = {**cocoa_document, "warnings": warnings}
    wrapped = {}
    for limit in (3, 2):
        monkeypatch.setattr(excel_report, "WRAP_LIMIT", limit)
        xlsx = _write(document, tmp_path / f"r{limit}.xlsx")
        assert [(r["Row"], r["Message"]) for r in _sheet(xlsx, "Warnings")] == [
            (w["location"]["row"], w["message"]) for w in warnings
        ]
        rows = list(load_workbook(xlsx)["Warnings"].iter_rows(min_row=2))
        wrapped[limit] = {bool(row[2].alignment.wrap_text) for row in rows}
    assert wrapped == {3: {True}, 2: {False}}


def test_report_renders_the_warnings_of_a_saved_assessment(tmp_path: Path) -> None:
    """`ddtool report saved.json` writes the warnings the assessment recorded."""
    chain = tmp_path / "in.csv"
    chain.write_text(
        "Supplier ID,Supplier name,Country,Sector\n"
        "S1,Farm,CIV,cocoa farming\n"
        "S2,Polish,NLD,widget polishing\n",
        encoding="utf-8",
    )
    saved = tmp_path / "a.json"
    outputs = [tmp_path / "a.xlsx", tmp_path / "a.md"]
    done = CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(saved)])
    assert done.exit_code in (0, 1), done.output
    warnings = json.loads(saved.read_text("utf-8"))["warnings"]
    assert [(w["type"], w["location"]["row"]) for w in warnings] == [("unknown-sector", 3)]
    args = ["report", str(saved), "-q", *(x for o in outputs for x in ("-o", str(o)))]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    rows = _sheet(outputs[0], "Warnings")
    assert [(r["Type"], r["File"], r["Row"], r["Column"]) for r in rows] == [
        ("unknown-sector", str(chain), 3, "Sector")
    ]
    place = cell(f"{chain}, row 3, column 'Sector'")  # (the path's "_" escaped)
    assert f"| unknown-sector | {place} |" in outputs[1].read_text("utf-8")


# ----------------------------------------------------- D9: region; the sector as written

REGION_CHAIN = """\
company: {name: Regions GmbH, country: DEU}
suppliers:
  - {id: R1, name: Trader, country: CIV, region: San-Pédro, sector: cocoa farming}
  - {id: R2, name: Hostile, country: CIV, region: '=1+1', sector: cocoa-farming}
  - {id: R3, name: Plain, country: GHA, sector: cocoa-farming}
  - {id: R4, name: Nowhere, region: Nawa, sector: cocoa-farming}
"""

# supplier: (country, region, sector, sector as written)
REGIONS = [
    ("R1", "CIV", "San-Pédro", "cocoa-farming", "cocoa farming"),
    ("R2", "CIV", "=1+1", "cocoa-farming", "cocoa-farming"),
    ("R3", "GHA", None, "cocoa-farming", "cocoa-farming"),
    ("R4", None, "Nawa", "cocoa-farming", "cocoa-farming"),
]


@pytest.fixture(scope="module")
def region_chain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _assess(tmp_path_factory.mktemp("regions"), REGION_CHAIN)


def test_the_suppliers_sheet_has_region_and_sector_as_written_beside_their_columns(
    region_chain: dict[str, Any], tmp_path: Path
) -> None:
    xlsx = _write(region_chain, tmp_path / "r.xlsx")
    header = _header(xlsx, "Suppliers")
    assert header[header.index("Country") + 1] == "Region"
    assert header[header.index("Sector") + 1] == "Sector as written"
    rows = {r["Supplier ID"]: r for r in _sheet(xlsx, "Suppliers")}
    for supplier, country, region, sector, written in REGIONS:
        row = rows[supplier]
        # (a country not known says so: a blank cell reads as not filled in)
        assert (row["Country"], row["Region"], row["Sector"]) == (
            country or "unknown",
            region,
            sector,
        )
        assert row["Sector as written"] == written
    cell = next(r for r in load_workbook(xlsx)["Suppliers"].iter_rows() if r[0].value == "R2")
    assert cell[header.index("Region")].data_type == "s"  # "=1+1" is text, not a formula


@pytest.mark.parametrize(("supplier", "country", "region"), [(r[0], r[1], r[2]) for r in REGIONS])
def test_every_register_shows_the_region_beside_the_country(
    region_chain: dict[str, Any], tmp_path: Path, supplier: str, country: str, region: str
) -> None:
    xlsx = _write(region_chain, tmp_path / "r.xlsx")
    shown = {r["Supplier ID"]: (r["Country"], r["Region"]) for r in _sheet(xlsx, "Risk register")}
    assert shown[supplier] == (country or "unknown", region)
    rows = {r["supplier_id"]: r for r in _csv(_write(region_chain, tmp_path / "r.csv"))}
    neutralised = "'" + region if region and region.startswith("=") else region or ""
    assert (rows[supplier]["country"], rows[supplier]["region"]) == (
        country or "unknown",
        neutralised,
    )
    html = {r["supplier_id"]: r for r in _html_register(_write(region_chain, tmp_path / "r.html"))}
    assert html[supplier]["region"] == (region or "")
    markdown = _write(region_chain, tmp_path / "r.md").read_text("utf-8")
    where = f"{country or 'unknown'} ({region})" if region else country
    assert f"({supplier})\n\n" in markdown
    details = markdown.split(f"({supplier})\n\n")[1].split("\n\n")[0]
    assert f"- Country: {where}; sector: " in details


@pytest.mark.parametrize(
    "columns",
    [
        [name.lower() for name, _ in REGISTER_COLUMNS],
        list(COLUMNS),
        re.findall(
            r'data-key="(\w+)"',
            (
                Path(__file__).resolve().parents[1]
                / "src/ddtool/reporters/templates"
                / "report.html.j2"
            ).read_text("utf-8"),
        ),
    ],
    ids=["xlsx", "csv", "html"],
)
def test_every_register_has_country_region_sector_in_this_order(columns: list[str]) -> None:
    at = columns.index("country")
    assert columns[at : at + 3] == ["country", "region", "sector"]


def test_the_reports_stay_deterministic(gap_chain: dict[str, Any], tmp_path: Path) -> None:
    document = {**gap_chain, "warnings": [w[1] for w in WARNINGS]}
    for suffix in (".xlsx", ".md", ".csv", ".html"):
        first = _write(document, tmp_path / f"a{suffix}").read_bytes()
        assert _write(document, tmp_path / f"b{suffix}").read_bytes() == first, suffix


@pytest.mark.parametrize("suffix", [".xlsx", ".md", ".html"])
@pytest.mark.parametrize(
    "warnings", [[1], [{"type": "note-row"}], [{"message": "m", "location": "x"}]]
)
def test_a_malformed_warning_of_a_saved_assessment_names_the_file(
    cocoa_document: dict[str, Any], tmp_path: Path, suffix: str, warnings: list[Any]
) -> None:
    """A warning is an object with a message (and a location object): ddtool report names
    the file that lacks it, and writes nothing."""
    saved = tmp_path / "saved.json"
    saved.write_text(json.dumps({**cocoa_document, "warnings": warnings}), encoding="utf-8")
    out = tmp_path / f"r{suffix}"
    done = CliRunner().invoke(app, ["report", str(saved), "-q", "-o", str(out)])
    assert done.exit_code == 2, done.output
    assert "not a complete ddtool assessment JSON" in " ".join(done.output.split())
    assert not out.exists()


@pytest.mark.parametrize(
    ("ids", "shown"), [c[1:] for c in COMPANY_EXPOSURE], ids=[c[0] for c in COMPANY_EXPOSURE]
)
def test_the_terminal_summary_shows_the_chain_exposure_on_a_gap_so(
    tmp_path: Path, ids: list[str], shown: str
) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(_chain_of(ids), encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(chain), "--no-tree"], env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    line = next(x for x in done.output.splitlines() if "Chain exposure" in x)
    assert line.count(ON_A_GAP) == (3 if shown.endswith(ON_A_GAP) else 0), line
    assert line.count(shown) == 3, line


def _wholesaler_and_hauliers(country: str, hauliers: int) -> str:
    """A wholesaler beneath which nothing is known (its own level "low (data gap)") and
    hauliers in this country, whose highest level the chain's maximum sits on."""
    suppliers = [
        {"id": "WH", "name": "Wholesale Co", "country": "BEL", "sector": "wholesale-trade"}
    ]
    suppliers += [
        {"id": f"H{i:03d}", "name": f"Haul {i}", "country": country, "sector": "logistics"}
        for i in range(hauliers)
    ]
    company = {"name": "Retail GmbH", "country": "DEU", "sector": "retail-general"}
    return yaml.safe_dump({"company": company, "suppliers": suppliers})


# the hauliers' country, and the chain's exposure as every report shows it
ON_EVERY_SUPPLIER = [
    pytest.param("IND", [GAP, "medium (data gap)", "medium (data gap)"], id="an Indian haulier"),
    pytest.param("BEL", [GAP] * 3, id="a complete low haulier"),
]


@pytest.mark.parametrize(("country", "shown"), ON_EVERY_SUPPLIER)
def test_the_chain_exposure_rests_on_every_supplier_low_on_missing_data(
    tmp_path: Path, country: str, shown: list[str]
) -> None:
    """The maximum sits on a haulier, not on the wholesaler: its missing data may hide a
    higher level than the haulier's, and every report says the level rests on it."""
    document = _assess(tmp_path, _wholesaler_and_hauliers(country, 1))
    assert {e["from"] for e in document["summary"]["exposure"].values()} == {"H000"}
    summary = {
        r["Item"]: r["Value"] for r in _sheet(_write(document, tmp_path / "r.xlsx"), "Summary")
    }
    markdown = _write(document, tmp_path / "r.md").read_text("utf-8")
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    for risk, level in zip(RISKS, shown, strict=True):
        assert summary[f"Chain exposure: {risk}"].startswith(f"{level[:-1]}; priority ")
        assert f"| Chain exposure {risk} | {level[:-1]}; priority " in markdown
        assert f'<span class="pill lvl-{"none" if level == GAP else "medium"}">{level}</span>' in (
            html
        )


@pytest.mark.parametrize(("country", "shown"), ON_EVERY_SUPPLIER)
def test_the_terminal_shows_it_where_the_supplier_is_not_among_those_shown(
    tmp_path: Path, country: str, shown: list[str]
) -> None:
    """Of 300 hauliers and the wholesaler, the terminal reads the entries of the top flagged
    suppliers and of the first nodes of the tree only: the wholesaler's is read too, as the
    --fail-on line's."""
    chain = tmp_path / "chain.yaml"
    chain.write_text(_wholesaler_and_hauliers(country, 300), encoding="utf-8")
    done = CliRunner().invoke(
        app, ["assess", str(chain), "--fail-on", "low"], env={"COLUMNS": "300"}
    )
    assert done.exit_code == 1, done.output
    line = next(x for x in done.output.splitlines() if "Chain exposure" in x)
    assert [line.count(level) for level in dict.fromkeys(shown)] == [
        shown.count(level) for level in dict.fromkeys(shown)
    ], line
    root = next(x for x in done.output.splitlines() if x.startswith("Retail GmbH"))
    assert root.endswith(f"exposure {shown[-1]}"), root
    gate = " ".join(done.output.split()).split("--fail-on low reached by the chain's exposure")[1]
    expected = ", ".join(f"{risk} {level}" for risk, level in zip(RISKS, shown, strict=True))
    assert gate.startswith(f" ({expected}): ")


def test_the_terminal_flags_and_tree_show_a_low_on_missing_data_so(tmp_path: Path) -> None:
    chain = tmp_path / "chain.csv"
    chain.write_text(
        "Supplier ID,Supplier name,Country,Sector\n"
        "G1,Widget Co,NLD,widget polishing\n"  # low on a gap (sector not matched)
        "G2,Law,DEU,legal services\n",  # low on complete data
        "utf-8",
    )
    config = tmp_path / "ddtool.yaml"
    config.write_text("flag_level: low\n", "utf-8")
    done = CliRunner().invoke(
        app, ["assess", str(chain), "--config", str(config)], env={"COLUMNS": "200"}
    )
    assert done.exit_code == 0, done.output
    rows = {
        name: line
        for line in done.output.splitlines()
        for name in ("Widget Co", "Law")
        if f"│ {name}" in line
    }
    assert rows["Widget Co"].startswith(f"│ {GAP}"), rows
    assert rows["Law"].startswith("│ low "), rows
    assert f"exposure {GAP}" in done.output  # the tree's root: the chain rests on the gap


@pytest.mark.parametrize(
    ("gaps", "risk_type", "on_a_gap"),
    [
        (["little country data for child_labour (15%)"], "child_labour", True),
        # a gap in another risk type's country data: this one is scored on full data
        (["little country data for child_labour (15%)"], "forced_labour", False),
        (["no country data for forced_labour"], "human_trafficking", False),
        (["no country data for forced_labour"], "forced_labour", True),
        (["country unknown"], "forced_labour", True),  # every risk type
        (["sector not matched"], "child_labour", True),
        (["little country data for child_labour (15%)"], None, True),  # any, over all types
    ],
)
def test_a_low_level_rests_on_the_gaps_of_its_own_risk_type(
    gaps: list[str], risk_type: str | None, on_a_gap: bool
) -> None:
    from ddtool.document import low_on_a_gap

    assert low_on_a_gap({"data_gaps": gaps}, "low", risk_type) is on_a_gap


def test_the_low_flags_on_a_gap_are_counted_by_their_risk_type(tmp_path: Path) -> None:
    """North Korea lacks child labour figures only: its low forced labour flag is plain low."""
    from ddtool.document import register
    from ddtool.reporters.shown import flags_by_shown_level, level_shown

    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: Buyer, country: DEU}\n"
        "suppliers:\n"
        "  - {id: S-PRK, country: PRK, sector: consulting}\n"
        "  - {id: S-NONE, sector: software services}\n",
        encoding="utf-8",
    )
    config = tmp_path / "low.yaml"
    config.write_text("flag_level: low\n", encoding="utf-8")
    doc = assess([chain], AssessOptions(config=config)).data
    shown = {(f["supplier_id"], f["risk_type"]): level_shown(f, f["level"]) for f in register(doc)}
    assert shown[("S-PRK", "child_labour")] == "low (data gap)"
    assert shown[("S-PRK", "forced_labour")] == shown[("S-PRK", "human_trafficking")] == "low"
    assert {shown[("S-NONE", rt)] for rt in ("child_labour", "forced_labour")} == {"low (data gap)"}
    counts = flags_by_shown_level(doc)
    assert counts is not None
    assert (counts["low (data gap)"], counts["low"]) == (4, 2)
    # and the Excel Suppliers sheet, level by level
    out = tmp_path / "register.xlsx"
    reporter_for(out).write(doc, out)
    rows = list(load_workbook(out)["Suppliers"].iter_rows(values_only=True))
    row = next(r for r in rows if "S-PRK" in r)
    header = rows[0]
    levels = [row[header.index(f"{name}: level")] for name in RISKS]
    assert levels == ["low (data gap)", "low", "low"]


# supplier: the sector every register shows on its flags (GAP_CHAIN, flag_level low)
SECTORS_SHOWN = {
    "G1": "legal-services",
    "G2": "software-services",
    "G3": "",  # no sector given: blank
    "G4": "widget polishing (not in the taxonomy)",  # as written, not a blank
    "G5": "software-services",
    "G8": "accounting-services",
}


def test_every_register_shows_a_sector_the_taxonomy_does_not_know_as_written(
    tmp_path: Path,
) -> None:
    document = _assess(tmp_path, GAP_CHAIN, flag_level="low")
    xlsx = _write(document, tmp_path / "r.xlsx")
    found = {(r["Supplier ID"], r["Sector"] or "") for r in _sheet(xlsx, "Risk register")}
    assert found == set(SECTORS_SHOWN.items())
    rows = _csv(_write(document, tmp_path / "r.csv"))
    assert {(r["supplier_id"], r["sector"]) for r in rows} == set(SECTORS_SHOWN.items())
    html = _html_register(_write(document, tmp_path / "r.html"))
    assert {(r["supplier_id"], r["sector"]) for r in html} == set(SECTORS_SHOWN.items())
    # the JSON keeps the taxonomy id (none) and the text as written apart
    [entry] = [s for s in document["suppliers"] if s["id"] == "G4"]
    assert (entry["sector"], entry["sector_as_written"]) == (None, "widget polishing")


def test_a_schema_1_registers_unknown_sector_is_shown_as_written(tmp_path: Path) -> None:
    """Schema-1.0 flags hold their supplier's fields inline but for the text of a sector the
    taxonomy does not know, which the supplier entry keeps: the registers read it there."""
    saved = Path(__file__).parent / "assets" / "diff" / "cocoa-schema-1.0.json"
    document = json.loads(saved.read_text("utf-8"))
    target = "COOP-CI-1"
    for entry in document["suppliers"]:
        if entry["id"] == target:
            entry["sector"], entry["sector_as_written"] = None, "widget polishing"
    for flag in document["flags"]:
        if flag["supplier_id"] == target:
            flag["sector"] = None
    assert any(f["supplier_id"] == target for f in document["flags"])
    rows = _csv(_write(document, tmp_path / "r.csv"))
    shown = {r["sector"] for r in rows if r["supplier_id"] == target}
    assert shown == {"widget polishing (not in the taxonomy)"}
    others = {r["sector"] for r in rows if r["supplier_id"] != target}
    assert "" not in others and not any("taxonomy" in s for s in others)


def test_the_tree_and_the_charts_name_an_unknown_sector_as_written(tmp_path: Path) -> None:
    """The terminal's tree said "sector?" and the HTML chart "sector unknown" for a sector
    written but not in the taxonomy, beside registers that name it."""
    document = _assess(tmp_path, GAP_CHAIN, flag_level="low")
    from rich.console import Console

    from ddtool.reporters.terminal import render

    console = Console(width=200, record=True)
    render(document, console, True)
    # (its row in the tree: "└── Widgets NL  NLD  …")
    [line] = [x for x in console.export_text().splitlines() if "── Widgets NL" in x]
    assert "widget polishing (not in the taxonomy)" in line
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    assert "<title>widget polishing (not in the taxonomy): 3 flags</title>" in html


def test_the_sector_chart_draws_at_most_max_bars(tmp_path: Path) -> None:
    """Sectors written but not in the taxonomy are each a bar: 40 of them draw MAX_BARS, the
    last one for the others with their flags summed; the chain graph names them too."""
    from ddtool.reporters.html_report import MAX_BARS

    rows = "".join(
        f"  - {{id: W{i}, name: Works {i}, country: COD, sector: widget polishing {i}}}\n"
        for i in range(40)
    )
    document = _assess(tmp_path, "company: {name: X, country: DEU}\nsuppliers:\n" + rows)
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    chart = html.split('id="chart-by-sector"', 1)[1].split("</svg>", 1)[0]
    titles = re.findall(r"<title>([^<]*): (\d+) flags?</title>", chart)
    # (one flag is "1 flag", any other count "N flags")
    assert all(f": {n} flag{'' if n == '1' else 's'}</title>" in chart for _, n in titles), titles
    assert len(titles) == MAX_BARS
    assert titles[-1][0] == f"{40 - MAX_BARS + 1} other sectors"
    assert sum(int(n) for _, n in titles) == len(document["flags"])
    assert "Works 7 [W7] — widget polishing 7 (not in the taxonomy), " in html


def test_the_registers_give_each_flags_data_gaps(tmp_path: Path) -> None:
    """An auditor reading the register alone sees the gaps of each flag's supplier: the
    Excel register's Data gaps column and the CSV's `data_gaps`, as the Suppliers sheet and
    the JSON give them. Before, neither register had them."""
    from ddtool.document import gap_of

    doc = _assess(tmp_path, GAP_CHAIN, flag_level="low")
    by_id = {s["id"]: s["data_gaps"] for s in doc["suppliers"]}
    assert by_id["G4"] == ["sector not matched"]

    def gaps(supplier_id: str, risk_type: str) -> str:
        """Its supplier's gaps that bear on the flag's risk type (another risk type's
        country data is none of its)."""
        return "; ".join(g for g in by_id[supplier_id] if gap_of(g, risk_type))

    # (Antarctica has no country data: each of its rows gives its own risk type's alone)
    assert len(by_id["G5"]) > len(gaps("G5", "forced_labour").split("; ")) == 1
    book = _sheet(_write(doc, tmp_path / "register.xlsx"), "Risk register")
    assert "Data gaps" in [name for name, _ in REGISTER_COLUMNS]
    risk_of = {name: rt for rt, name in RISK_NAMES.items()}
    assert book and all(
        (row["Data gaps"] or "") == gaps(row["Supplier ID"], risk_of[row["Risk type"]])
        for row in book
    )
    assert any(row["Supplier ID"] == "G4" and row["Data gaps"] for row in book)
    text = _write(doc, tmp_path / "register.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(COLUMNS)
    assert COLUMNS.index("data_gaps") == COLUMNS.index("reason") + 1
    assert rows and all(
        row["data_gaps"]
        == gaps(row["supplier_id"], risk_of.get(row["risk_type"], row["risk_type"]))
        for row in rows
    )


def test_a_chart_bar_of_one_flag_says_1_flag(tmp_path: Path) -> None:
    """(its tooltip read "1 flags")"""
    document = _assess(
        tmp_path,
        "company: {name: X, country: DEU}\nsuppliers:\n"
        "  - {id: A, name: A, country: Mexico, sector: electronics-assembly}\n",
    )
    html = _write(document, tmp_path / "r.html").read_text("utf-8")
    counts = re.findall(r"<title>[^<]*: (\d+) (flags?)</title>", html)
    assert ("1", "flag") in counts  # (a bar of one flag, mineral trading's: the case)
    assert all((n == "1") == (word == "flag") for n, word in counts), counts
