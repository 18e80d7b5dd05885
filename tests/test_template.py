"""`ddtool template`: the template round-trips through validate and assess."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app


def test_xlsx_template_has_dropdowns_and_round_trips(tmp_path: Path) -> None:
    runner = CliRunner()
    template = tmp_path / "suppliers.xlsx"
    result = runner.invoke(app, ["template", "-o", str(template)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(template)
    ws = wb["Suppliers"]
    header = [c.value for c in ws[1]]
    assert header[:5] == ["Supplier ID", "Supplier name", "Country", "Region", "Sector"]
    sources = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert any(f.startswith("Lists!$A$2") for f in sources)  # countries
    assert any(f.startswith("Lists!$B$2") for f in sources)  # sectors
    countries = [r[0] for r in wb["Lists"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert "Côte d'Ivoire" in countries and len(countries) > 200
    # fill it in with two suppliers, overwriting the example row
    values = {
        2: ["F1", "Kakao farm group", "Ghana", "Ashanti", "cocoa-farming", "cocoa beans", "T1"],
        3: ["T1", "Accra cocoa traders", "Ghana", "Greater Accra", "cocoa-trading", "cocoa beans"],
    }
    for row, cells in values.items():
        for col in range(1, len(header) + 1):
            ws.cell(row=row, column=col, value=None)
        for col, value in enumerate(cells, 1):
            ws.cell(row=row, column=col, value=value)
    wb["Company"]["B2"] = "Test Schokolade GmbH"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    assert runner.invoke(app, ["validate", str(filled)]).exit_code == 0
    out = tmp_path / "a.json"
    result = runner.invoke(app, ["assess", str(filled), "-q", "-o", str(out)])
    assert result.exit_code == 0, result.output
    import json

    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["company"]["name"] == "Test Schokolade GmbH"
    assert {s["id"] for s in doc["suppliers"] if not s["inferred"]} == {"F1", "T1"}
    assert any(
        f["supplier_id"] == "F1" and f["level"] in ("high", "critical") for f in doc["flags"]
    )


@pytest.mark.parametrize("suffix", [".csv", ".yaml", ".xlsx"])
def test_a_template_validates_once_its_examples_are_replaced(tmp_path: Path, suffix: str) -> None:
    """Its examples are refused, each located, so that they are never scored as a supplier;
    with them replaced, the file is read as it is."""
    runner = CliRunner()
    out = tmp_path / f"suppliers{suffix}"
    assert runner.invoke(app, ["template", "-o", str(out)]).exit_code == 0
    left = runner.invoke(app, ["validate", str(out)])
    assert left.exit_code == 2
    assert "'Example Cocoa Cooperative' (SUP-001) is the template's example" in left.output
    assert "[template-example]" in left.output
    if suffix == ".xlsx":
        wb = load_workbook(out)
        wb["Suppliers"]["B2"] = "Real Cooperative"
        wb["Company"]["B2"] = "Real GmbH"
        wb.save(out)
    else:
        text = out.read_text("utf-8")
        for example, real in (
            ("Example Cocoa Cooperative", "Real Cooperative"),
            ("Example farm group", "Real farm"),
            ("Your company name", "Real GmbH"),
        ):
            text = text.replace(example, real)
        out.write_text(text, "utf-8")
    done = runner.invoke(app, ["validate", str(out)])
    assert done.exit_code == 0, done.output
    assert "[template-" not in done.output


def test_a_company_without_a_name_or_with_the_templates_is_named_after_the_file(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    for name, warning in (("", "company-name"), ("Your company name", "template-company")):
        chain = tmp_path / "Baeckerei Vogel.yaml"
        chain.write_text(
            f"company: {{name: '{name}', country: DEU}}\n"
            "suppliers: [{id: S1, name: Mill, country: DEU, sector: sugar-milling}]\n",
            "utf-8",
        )
        out = tmp_path / "a.json"
        result = runner.invoke(app, ["assess", str(chain), "-q", "-o", str(out)])
        assert result.exit_code == 0, result.output
        import json

        doc = json.loads(out.read_text("utf-8"))
        assert doc["company"]["name"] == "Baeckerei Vogel"
        assert [w["type"] for w in doc["warnings"]] == [warning]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["new/sub/x.pdf"], "new/sub/x.pdf: templates are .xlsx, .csv or .yaml"),
        (["ok.csv", "x.txt"], "x.txt: templates are .xlsx, .csv or .yaml"),
        (["folder"], "folder is a folder: give a file name such as folder/suppliers.xlsx"),
        (["a.csv", "./a.csv"], "a.csv: given twice as an output"),
    ],
)
def test_template_refuses_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: list[str], said: str
) -> None:
    """An unknown suffix was checked after the folders were planned: "created folder
    new/sub" was said of a folder that then did not exist."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    result = CliRunner().invoke(
        app, ["template", *(arg for name in given for arg in ("-o", name)), "--force"]
    )
    assert result.exit_code == 2
    assert said in " ".join(result.output.split())
    assert "created folder" not in result.output and "wrote" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_template_writes_each_format_asked_for(tmp_path: Path) -> None:
    """`-o a.csv -o b.csv` wrote only b.csv, and said nothing of a.csv."""
    outputs = [tmp_path / "new" / "a.csv", tmp_path / "b.yaml", tmp_path / "c.xlsx"]
    result = CliRunner().invoke(app, ["template", *(a for o in outputs for a in ("-o", str(o)))])
    assert result.exit_code == 0, result.output
    assert all(out.is_file() and out.stat().st_size for out in outputs)
    assert [line for line in result.output.splitlines() if line.startswith("wrote")] == [
        f"wrote {out}" for out in outputs
    ]


def test_an_existing_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    filled = tmp_path / "suppliers.csv"
    filled.write_text("id,name,country\nS1,Filled in,GHA\n", "utf-8")
    runner = CliRunner()
    refused = runner.invoke(app, ["template", "-o", str(filled)])
    assert refused.exit_code == 2
    assert "--force" in refused.output
    assert filled.read_text("utf-8") == "id,name,country\nS1,Filled in,GHA\n"
    replaced = runner.invoke(app, ["template", "-o", str(filled), "--force"])
    assert replaced.exit_code == 0, replaced.output
    assert "Filled in" not in filled.read_text("utf-8")


def test_the_yaml_template_lists_whole_sector_ids_and_kosovo_is_offered(tmp_path: Path) -> None:
    from ddtool.profiles import load_profiles
    from ddtool.template import country_choices

    out = tmp_path / "suppliers.yaml"
    assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    listed = " ".join(
        line[1:].strip() for line in out.read_text("utf-8").splitlines() if line.startswith("#   ")
    )
    assert {item.strip() for item in listed.split(",")} == set(load_profiles().sectors)
    assert "Kosovo" in country_choices()


def test_a_company_named_on_the_command_line_has_no_name_warning(tmp_path: Path) -> None:
    import json

    chain = tmp_path / "members.yaml"
    chain.write_text("company: {country: DEU}\nsuppliers: [{id: S1, name: Mill}]\n", "utf-8")
    out = tmp_path / "a.json"
    runner = CliRunner()
    result = runner.invoke(app, ["assess", str(chain), "-q", "--company", "Real", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text("utf-8"))
    assert doc["company"]["name"] == "Real" and doc["warnings"] == []


def test_the_workbooks_example_numbers_and_date_are_typed(tmp_path: Path) -> None:
    """They were text ("number stored as text"); the CSV's example row says the same."""
    import csv
    import datetime as dt

    book, table = tmp_path / "t.xlsx", tmp_path / "t.csv"
    for out in (book, table):
        assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    sheet = load_workbook(book)["Suppliers"]
    header = [c.value for c in sheet[1]]
    example = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    with table.open(encoding="utf-8-sig", newline="") as handle:
        written = dict(zip(*list(csv.reader(handle))[:2], strict=True))
    typed = {"Share": float, "Workers": int, "Female %": int, "Migrant %": int, "Tier": int}
    for column, kind in typed.items():
        assert type(example[column]) is kind and str(example[column]) == written[column]
    assert isinstance(example["Audit date"], dt.datetime)
    assert example["Audit date"].date().isoformat() == written["Audit date"]


# the company block, in YAML, and which template wrote the file, by its first line ("now":
# today's, which leaves the company's country and sector blank; "before": one that filled in
# the sample company; None: no template) -> the warnings of the template's placeholders
SAMPLE = {"country": "Germany", "sector": "chocolate-manufacturing"}
COMPANY_CASES: dict[str, tuple[dict[str, str], str | None, list[str]]] = {
    "the sample country and sector left, the name given": (
        {"name": "Nordic Apparel AB", **SAMPLE},
        "before",
        ["template-company-sample"],
    ),
    "the whole sample company left": (
        {"name": "Your company name", **SAMPLE},
        "before",
        ["template-company", "template-company-sample"],
    ),
    "a German chocolate maker's own file": ({"name": "Schoko GmbH", **SAMPLE}, None, []),
    # today's template has no sample to leave: a German chocolate maker filled it in
    "today's template filled in by a German chocolate maker": (
        {"name": "Schoko Werke GmbH", **SAMPLE},
        "now",
        [],
    ),
    "today's template, only the name left": (
        {"name": "Your company name", **SAMPLE},
        "now",
        ["template-company"],
    ),
    "the sample country, a sector of its own": (
        {"name": "Nordic Apparel AB", "country": "Germany", "sector": "apparel-retail"},
        "before",
        [],
    ),
    "the sample sector, a country of its own": (
        {"name": "Svensk Choklad AB", "country": "Sweden", "sector": "chocolate-manufacturing"},
        "before",
        [],
    ),
    "both filled in": (
        {"name": "Nordic Apparel AB", "country": "Sweden", "sector": "apparel-retail"},
        "before",
        [],
    ),
    "both blank, as the template leaves them": ({"name": "Nordic Apparel AB"}, "now", []),
}


@pytest.mark.parametrize(
    ("company", "template", "warnings"), COMPANY_CASES.values(), ids=list(COMPANY_CASES)
)
def test_the_templates_sample_company_left_is_told(
    tmp_path: Path, company: dict[str, str], template: str | None, warnings: list[str]
) -> None:
    """A garment retailer that gave only its name kept the sample's country and sector: it was
    assessed as a German chocolate maker, with inferred cocoa and sugar chains beneath it.
    Only a template that filled in the sample can have it left."""
    import yaml

    from ddtool.sources import read_chain
    from ddtool.sources.interface import TEMPLATE_YAML_HEAD, TEMPLATE_YAML_HEAD_SAMPLE

    chain = tmp_path / "chain.yaml"
    suppliers = [{"id": "G1", "name": "Dhaka", "country": "BGD", "sector": "garment-manufacturing"}]
    text = yaml.safe_dump({"company": company, "suppliers": suppliers})
    head = {"now": TEMPLATE_YAML_HEAD, "before": TEMPLATE_YAML_HEAD_SAMPLE, None: None}[template]
    chain.write_text((head + "\n" if head else "") + text, "utf-8")
    _, problems = read_chain([chain])
    assert [p.type for p in problems.items] == warnings
    assert all(p.severity == "warning" for p in problems.items)


def test_the_yaml_template_is_told_from_those_that_filled_in_a_sample(tmp_path: Path) -> None:
    """Today's YAML template, its company filled in as a German chocolate maker: no sample
    told (its first line is not that of the templates that filled one in)."""
    from ddtool.sources import read_chain
    from ddtool.sources.interface import TEMPLATE_YAML_HEAD, TEMPLATE_YAML_HEAD_SAMPLE

    out = tmp_path / "t.yaml"
    assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    assert text.startswith(TEMPLATE_YAML_HEAD + "\n")
    assert not text.startswith(TEMPLATE_YAML_HEAD_SAMPLE)
    text = (
        text.replace("Your company name", "Schoko Werke GmbH")
        .replace("  country:   #", "  country: Germany   #")
        .replace("  sector:    #", "  sector: chocolate-manufacturing   #")
        .replace("Example Cocoa Cooperative", "Kumasi Cocoa Ltd")
        .replace("Example farm group", "Nawa Farmers")
    )
    out.write_text(text, "utf-8")
    chain, problems = read_chain([out])
    assert (chain.company.country, chain.company.sector) == ("DEU", "chocolate-manufacturing")
    assert "template-company-sample" not in [p.type for p in problems.items]
    # (the same file under the first line of then: the sample may have been left)
    out.write_text(text.replace(TEMPLATE_YAML_HEAD, TEMPLATE_YAML_HEAD_SAMPLE, 1), "utf-8")
    _, problems = read_chain([out])
    assert "template-company-sample" in [p.type for p in problems.items]


def _garment_rows(ws: Any) -> None:
    """Two garment suppliers over the template's example row, every cell of theirs written."""
    rows = [
        ["G1", "Dhaka Garments Ltd", "Bangladesh", "Gazipur", "garment-manufacturing", "t-shirts"],
        ["F1", "Fabric Mill Ltd", "Bangladesh", "Narayanganj", "fabric-manufacturing", "", "G1"],
    ]
    for row, values in enumerate(rows, 2):
        for column in range(1, ws.max_column + 1):
            # (assigned: ws.cell(row, column, None) leaves the cell as it was)
            ws.cell(row, column).value = values[column - 1] if column <= len(values) else None


SAMPLE_CELLS = ("Germany", "chocolate-manufacturing")


@pytest.mark.parametrize(
    ("sample", "lists", "warnings"),
    [
        # the template as it is written now: the company's country and sector blank
        (None, "now", []),
        # today's template filled in by a German chocolate maker: no sample to have left
        (SAMPLE_CELLS, "now", []),
        # as an earlier template wrote it (the sample filled in, its lists without today's
        # mark), its sample left: said, at the sector's cell
        (SAMPLE_CELLS, "before", [("template-company-sample", 4, "B")]),
        # a workbook of the same values without the template's hidden lists: a German
        # chocolate maker's own
        (SAMPLE_CELLS, None, []),
    ],
    ids=[
        "the template now",
        "the template now, a German chocolate maker's",
        "an earlier template's sample left",
        "not the template's",
    ],
)
def test_a_template_with_only_the_company_name_changed(
    tmp_path: Path, sample: tuple[str, str] | None, lists: str | None, warnings: list[Any]
) -> None:
    import json

    from ddtool.sources.interface import TEMPLATE_LISTS_MARK

    runner = CliRunner()
    template = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["template", "-o", str(template)]).exit_code == 0
    wb = load_workbook(template)
    company = wb["Company"]
    assert [company["B3"].value, company["B4"].value] == [None, None]
    assert company["B3"].comment is not None and company["B4"].comment is not None
    company["B2"] = "Nordic Apparel AB"
    if sample is not None:
        company["B3"], company["B4"] = sample
    marks = [c for row in wb["Lists"].iter_rows(max_row=1) for c in row if c.value]
    assert TEMPLATE_LISTS_MARK in [c.value for c in marks]
    if lists == "before":  # (the lists as an earlier template wrote them: without the mark)
        for cell in marks:
            if cell.value == TEMPLATE_LISTS_MARK:
                cell.value = None
    if lists is None:
        for sheet in (company, wb["Suppliers"]):
            sheet.data_validations.dataValidation = []
        del wb["Lists"]
    _garment_rows(wb["Suppliers"])
    filled = tmp_path / "f3.xlsx"
    wb.save(filled)
    checked = runner.invoke(app, ["validate", "--format", "json", str(filled)])
    assert checked.exit_code == 0, checked.output
    [result] = json.loads(checked.stdout)
    found = [(p["type"], p["location"]["row"], p["location"]["column"]) for p in result["problems"]]
    assert found == warnings
    out = tmp_path / "a.json"
    assert runner.invoke(app, ["assess", str(filled), "-q", "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text("utf-8"))
    beneath_company = {s["sector"] for s in doc["suppliers"] if s["path"][:-1] == ["company"]}
    if sample is None:
        assert (doc["company"]["country"], doc["company"]["sector"]) == (None, None)
        assert beneath_company == {"garment-manufacturing"}  # nothing inferred under it
    else:  # (what the warning is about: chains inferred beneath the sample's sector)
        assert "garment-manufacturing" in beneath_company and len(beneath_company) > 1


def test_the_yaml_template_leaves_the_companys_country_and_sector_blank(tmp_path: Path) -> None:
    from ddtool.sources import read_chain

    out = tmp_path / "t.yaml"
    assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    for example, real in (
        ("Example Cocoa Cooperative", "Real Cooperative"),
        ("Example farm group", "Real farm"),
        ("Your company name", "Real GmbH"),
    ):
        text = text.replace(example, real)
    out.write_text(text, "utf-8")
    chain, problems = read_chain([out])
    assert (chain.company.name, chain.company.country, chain.company.sector) == (
        "Real GmbH",
        None,
        None,
    )
    # the example's audit, left with the rest of its row
    assert [p.type for p in problems.items] == ["template-example-values"]


# the example row with only these of its cells overwritten (the others left as the template
# wrote them) -> whether the values left are said
LEFT_CASES = {
    "the id and name only": ({"Supplier ID": "G1", "Supplier name": "Dhaka Garments"}, True),
    "all but the audit": (
        {
            "Supplier ID": "G1",
            "Supplier name": "Dhaka Garments",
            "Country": "Bangladesh",
            "Region": "Gazipur",
            "Sector": "garment-manufacturing",
            "Products": "t-shirts",
            "Share": None,
            "Workers": 1200,
            "Female %": 70,
            "Migrant %": 0,
            "Certifications": None,
        },
        True,
    ),
    "the audit cleared": (
        {
            "Supplier ID": "G1",
            "Supplier name": "Dhaka Garments",
            "Audit standard": None,
            "Audit date": None,
            "Audit result": None,
        },
        False,
    ),
    "an audit of its own": (
        {"Supplier ID": "G1", "Supplier name": "Dhaka Garments", "Audit date": "2025-09-01"},
        False,
    ),
}


@pytest.mark.parametrize(("written", "said"), LEFT_CASES.values(), ids=list(LEFT_CASES))
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_the_example_rows_values_left_beside_a_suppliers_name_are_told(
    tmp_path: Path, suffix: str, written: dict[str, Any], said: bool
) -> None:
    """Its name overwritten, the example row was read as the supplier's: the example's passed
    audit (and certification) lowered a garment maker's score without a word."""
    import csv

    from ddtool.sources import read_chain

    template = tmp_path / f"t{suffix}"
    assert CliRunner().invoke(app, ["template", "-o", str(template)]).exit_code == 0
    if suffix == ".xlsx":
        wb = load_workbook(template)
        ws = wb["Suppliers"]
        header = [c.value for c in ws[1]]
        for name, value in written.items():
            ws.cell(2, header.index(name) + 1).value = value
        wb["Company"]["B2"] = "Nordic Apparel AB"
        wb.save(template)
    else:
        with template.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        for name, value in written.items():
            rows[1][rows[0].index(name)] = "" if value is None else str(value)
        with template.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    _, problems = read_chain([template])
    left = [p for p in problems.items if p.type == "template-example-values"]
    assert [(p.severity, p.location.row) for p in left] == ([("warning", 2)] if said else [])
    if said:
        assert left[0].message.startswith(
            "'Dhaka Garments' (G1) still holds values of the template's example row: audit"
            " 'SMETA' of 2025-03-14 (pass)"
        )
    assert [p.type for p in problems.items if p.type != "template-example-values"] == []


@pytest.mark.parametrize("suffix", [".csv", ".yaml"])
def test_an_audit_of_the_examples_day_in_a_users_own_file_is_its_own(
    tmp_path: Path, suffix: str
) -> None:
    """Only a file the template wrote is told of the example's values: another file's SMETA
    audit passed on 2025-03-14, with the example's certification beside it, is the supplier's."""
    from ddtool.sources import read_chain

    path = tmp_path / f"own{suffix}"
    if suffix == ".csv":
        path.write_text(
            "Supplier ID,Supplier name,Country,Sector,Certifications,Audit standard,Audit date,"
            "Audit result\nG1,Dhaka Garments,Bangladesh,garment manufacturing,"
            "Rainforest Alliance,SMETA,2025-03-14,pass\n",
            encoding="utf-8",
        )
    else:
        path.write_text(
            "suppliers:\n  - id: G1\n    name: Dhaka Garments\n    country: Bangladesh\n"
            "    sector: garment manufacturing\n    certifications: [Rainforest Alliance]\n"
            "    audits: [{standard: SMETA, date: 2025-03-14, result: pass}]\n",
            encoding="utf-8",
        )
    _, problems = read_chain([path])
    assert [p.type for p in problems.items if p.type.startswith("template")] == []


def test_the_templates_headers_are_those_a_csv_template_is_told_by() -> None:
    """A CSV template has no mark but its headers (sources.reading._by_template)."""
    from ddtool.sources.interface import TEMPLATE_HEADERS
    from ddtool.template import COLUMNS

    assert tuple(header for header, _, _ in COLUMNS) == TEMPLATE_HEADERS
