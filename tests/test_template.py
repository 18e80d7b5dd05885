"""`ddtool template`: the template round-trips through validate and assess."""

from __future__ import annotations

from pathlib import Path

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
