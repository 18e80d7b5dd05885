"""ddtool's own registers given as a chain are refused: their rows are flags and assessed
suppliers, inferred tiers among them, which read as a chain would pass assumptions off as
mapped suppliers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from ddtool.assess import assess
from ddtool.reporters.csv_report import COLUMNS
from ddtool.reporters.excel_report import ExcelReporter
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.table_source import REGISTER_CSV_COLUMNS, REGISTER_SHEETS, own_output

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"


def test_the_signatures_are_the_reporters_own(tmp_path: Path) -> None:
    assert set(COLUMNS) >= REGISTER_CSV_COLUMNS
    from python_calamine import CalamineWorkbook

    path = tmp_path / "register.xlsx"
    ExcelReporter().write(assess([SAMPLES / "coffee.yaml"]).data, path)
    assert set(CalamineWorkbook.from_path(str(path)).sheet_names) >= REGISTER_SHEETS


@pytest.mark.parametrize(
    ("suffix", "what"),
    [(".csv", "a CSV risk register"), (".xlsx", "an Excel risk register")],
)
def test_a_register_is_no_chain(tmp_path: Path, suffix: str, what: str) -> None:
    from typer.testing import CliRunner

    from ddtool.cli import app

    register = tmp_path / f"register{suffix}"
    made = CliRunner().invoke(
        app, ["assess", str(SAMPLES / "coffee.yaml"), "-q", "-o", str(register)]
    )
    assert made.exit_code == 0, made.output
    chain, problems = read_chain([register])
    assert chain.suppliers == []
    [error] = problems.errors
    assert error.type == "ddtool-output"
    assert error.message.startswith(f"{what} written by ddtool")
    assert "Give the chain file it was made from" in error.message


def test_a_json_file_is_said_to_be_no_chain(tmp_path: Path) -> None:
    path = tmp_path / "assessment.json"
    path.write_text("{}", encoding="utf-8")
    _, problems = read_chain([path])
    [error] = problems.errors
    assert error.type == "unsupported-file" and "ddtool report" in error.message


def test_a_chain_with_a_column_named_like_the_registers_is_read(tmp_path: Path) -> None:
    """One register column name among a chain's headers is no register."""
    path = tmp_path / "chain.csv"
    path.write_text("Supplier ID,Supplier name,priority\nS1,Farm,high\n", encoding="utf-8")
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1"] and not problems.errors


def test_a_chain_workbook_with_sheets_named_as_the_registers_is_read(tmp_path: Path) -> None:
    """Summary, Risk register, Remediation plan: common sheet names in a due-diligence
    workbook; the register's own headers tell ddtool's register from it."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suppliers"
    sheet.append(["id", "name", "country", "sector", "buyers"])
    sheet.append(["S1", "Farm", "GH", "cocoa-trading", None])
    for name in ("Summary", "Risk register", "Remediation plan"):
        book.create_sheet(name).append(["Risk", "Owner"])
    path = tmp_path / "chain.xlsx"
    book.save(path)
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1"] and not problems.errors


@pytest.mark.parametrize("sheet", ["Suppliers", "Risk register"])
def test_a_register_is_refused_whichever_sheet_is_named(tmp_path: Path, sheet: str) -> None:
    from typer.testing import CliRunner

    from ddtool.cli import app

    register = tmp_path / "register.xlsx"
    made = CliRunner().invoke(
        app, ["assess", str(SAMPLES / "coffee.yaml"), "-q", "-o", str(register)]
    )
    assert made.exit_code == 0, made.output
    chain, problems = read_chain([register], ReadOptions(sheet=sheet))
    assert not chain.suppliers and [p.type for p in problems.errors] == ["ddtool-output"]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The coffee sample's registers, as `assess` writes them."""
    from typer.testing import CliRunner

    from ddtool.cli import app

    folder = tmp_path_factory.mktemp("written")
    outputs = [f"register{suffix}" for suffix in (".xlsx", ".csv", ".html", ".md", ".json")]
    made = CliRunner().invoke(
        app,
        [
            "assess",
            str(SAMPLES / "coffee.yaml"),
            "-q",
            *(a for o in outputs for a in ("-o", str(folder / o))),
        ],
    )
    assert made.exit_code == 0, made.output
    return folder


def _semicolons(folder: Path) -> Path:
    """The CSV register saved again by a spreadsheet program set to semicolons."""
    import csv

    with (folder / "register.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    path = folder / "semicolons.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def _renamed(folder: Path) -> Path:
    """The Excel register under another name: told by its content."""
    path = folder / "register-copy.json"
    path.write_bytes((folder / "register.xlsx").read_bytes())
    return path


def _text(name: str, text: str) -> Callable[[Path], Path]:
    def made(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return made


# (case, the file, what own_output says it is)
OWN_OUTPUTS: list[tuple[str, Callable[[Path], Path], str | None]] = [
    ("the Excel register", lambda f: f / "register.xlsx", "an Excel risk register"),
    ("the CSV register", lambda f: f / "register.csv", "a CSV risk register"),
    ("the HTML register", lambda f: f / "register.html", "an HTML risk register"),
    ("the Markdown register", lambda f: f / "register.md", "a Markdown risk register"),
    ("the CSV register with semicolons", _semicolons, "a CSV risk register"),
    ("the Excel register renamed", _renamed, "an Excel risk register"),
    ("the assessment JSON", lambda f: f / "register.json", None),
    ("a chain's CSV", _text("chain.csv", "id,name,country\nS1,Farm,GHA\n"), None),
    ("a chain workbook", lambda f: SAMPLES / "cocoa_suppliers.xlsx", None),
    ("another Markdown file", _text("notes.md", "# Human-rights due diligence notes\n"), None),
    ("an empty file", _text("empty.csv", ""), None),
    ("a file not there", lambda f: f / "missing.xlsx", None),
]


@pytest.mark.parametrize(
    ("make", "what"), [c[1:] for c in OWN_OUTPUTS], ids=[c[0] for c in OWN_OUTPUTS]
)
def test_own_output_tells_a_register_by_its_content(
    written: Path, make: Callable[[Path], Path], what: str | None
) -> None:
    assert own_output(make(written)) == what
