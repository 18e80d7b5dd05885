"""`ddtool validate` end to end: exit codes, located problem lines, JSON problem types."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from ddtool.cli import OutputFormat, app

ASSETS = Path(__file__).parent / "assets"
BAD = ASSETS / "bad"
INPUT = ASSETS / "input"
PWNED = Path("/tmp/ddtool-pwned")
# problems about a whole file have no line or row to point at
FILE_LEVEL = {
    "empty-file",
    "not-a-workbook",
    "alias-bomb",
    "too-deep",
    "bad-encoding",
    "xml-entities",
    "encrypted-workbook",
    "misnamed-workbook",
    "not-text",
    "no-header",
    "error-values",
    "formulas",
    "too-many-rows",
    "too-many-cells",
    "zip-bomb",
}


def run(*args: str) -> Result:
    """Invoke the CLI in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(app, list(args))


def report(*args: str) -> list[dict[str, Any]]:
    """`validate --format json`, parsed."""
    result = run("validate", "--format", "json", *args)
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def flatten(problems: list[dict[str, Any]], keys: list[str]) -> list[list[Any]]:
    """Problems as lists of the named fields, frictionless-style (location keys included)."""
    return [[p[k] if k in p else p["location"][k] for k in keys] for p in problems]


@dataclass(frozen=True)
class BadCase:
    """One failure asset and what validate must say about it."""

    file: str
    problems: list[list[Any]]  # flattened [type, line] (YAML) or [type, row, column] (tables)
    keys: list[str] = field(default_factory=lambda: ["type", "line"])
    message: str | None = None  # text the first problem's message must contain
    suggestion: str | None = None  # text the first problem's suggestion must contain


BAD_CASES: tuple[BadCase, ...] = (
    BadCase("cycle.yaml", [["cycle", 4]], message="B → C → B"),
    BadCase("unknown_buyer.yaml", [["unknown-buyer", 4]], suggestion="'PROC-1'"),
    BadCase("duplicate_ids.yaml", [["duplicate-id", 4]], message="'S1'"),
    BadCase("ivry_coast.yaml", [["unknown-country", 3]], suggestion="Côte d'Ivoire"),
    BadCase("yaml_syntax.yaml", [["yaml-syntax", 5]]),
    BadCase(
        "tab_indented.yaml",
        [["yaml-syntax", 3], ["yaml-syntax", 4]],  # (every line indented with a tab)
        message="a tab at column 1: YAML does not allow tabs for indentation; indent with spaces",
    ),
    BadCase("empty.yaml", [["empty-file", None]]),
    BadCase("text_named.xlsx", [["not-a-workbook", None]]),
    BadCase("python_tag.yaml", [["unsafe-yaml-tag", 1]], message="python/object/apply"),
    BadCase(
        "numbers.yaml",
        [["out-of-range", 4], ["out-of-range", 5], ["bad-number", 6]],
        message="share 1.7",
    ),
    BadCase("shares_over_one.yaml", [["shares-over-one", 4]], message="1.30"),  # at the first share
    BadCase("self_loop.yaml", [["self-loop", 3]], message="'P1'"),
    BadCase("nested_line.yaml", [["unknown-country", 11], ["bad-number", 12]]),
    # hostile and malformed inputs (tests/assets/make_bad_assets.py writes them)
    BadCase("alias_bomb.yaml", [["alias-bomb", None]], message="aliases expand"),
    BadCase("deep_nesting.yaml", [["too-deep", 4]], message="--max-depth"),
    BadCase("long_name.yaml", [["too-long", 2]], message="1,000 characters"),
    # (one problem for the name: the control character; the override is told once it is gone)
    BadCase("control_characters.yaml", [["unsafe-characters", 2]], message="U+0007"),
    BadCase("binary_garbage.yaml", [["bad-encoding", 1]]),
    BadCase("xml_entities.xlsx", [["xml-entities", None]]),
    BadCase("encrypted.xlsx", [["encrypted-workbook", None]], message="password"),
    # an Excel 97-2003 workbook (an OLE file, as an encrypted one is) named .xlsx
    BadCase(
        "old_excel_named.xlsx",
        [["misnamed-workbook", None]],
        message="an Excel 97-2003 workbook (.xls) saved with the name .xlsx: rename it to .xls",
    ),
    BadCase(
        "formulas_errors.xlsx",
        [
            ["formula-without-result", 2, "Supplier ID"],
            ["missing-id", 2, "Supplier ID"],
            ["missing-id", 3, "Supplier ID"],
        ],
        keys=["type", "row", "column"],
    ),
    BadCase("merged_header.xlsx", [["no-header", None, None]], keys=["type", "row", "column"]),
    BadCase(
        "text_numbers_dates.csv",
        [["bad-number", 2, "Workers"], ["bad-number", 2, "Share"], ["bad-date", 2, "Audit date"]],
        keys=["type", "row", "column"],
    ),
    BadCase("png_named.csv", [["not-text", None]]),
    BadCase("ragged_rows.csv", [["extra-cells", 3, None]], keys=["type", "row", "column"]),
    BadCase(
        "duplicate_headers.csv",
        [["duplicate-column", 1, "Country (D)"]],
        keys=["type", "row", "column"],
    ),
    BadCase(
        "bad_cells.csv",
        [["unknown-country", 3, "Country"], ["bad-number", 4, "Workers"]],
        keys=["type", "row", "column"],
        suggestion="Côte d'Ivoire",
    ),
)


def test_every_bad_asset_has_a_case() -> None:
    assert sorted(c.file for c in BAD_CASES) == sorted(p.name for p in BAD.iterdir())


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.file)
def test_bad_asset_problem_types(case: BadCase) -> None:
    [result] = report(str(BAD / case.file))
    assert not result["ok"]
    errors = [p for p in result["problems"] if p["severity"] == "error"]
    assert flatten(errors, case.keys) == case.problems
    if case.message is not None:
        assert case.message in errors[0]["message"]
    if case.suggestion is not None:
        assert case.suggestion in (errors[0]["suggestion"] or "")


@pytest.mark.parametrize("case", BAD_CASES, ids=lambda c: c.file)
def test_bad_asset_exits_2_with_located_lines(case: BadCase) -> None:
    result = run("validate", str(BAD / case.file))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == len(case.problems)
    for line, (problem_type, *_place) in zip(lines, case.problems, strict=True):
        assert str(BAD / case.file) in line
        assert f"[{problem_type}]" in line
        if problem_type not in FILE_LEVEL:
            assert " line " in line or " row " in line


@pytest.mark.parametrize("name", ["python_tag.yaml", "text_named.xlsx", "numbers.yaml"])
def test_real_entry_point_exits_2_without_traceback(name: str) -> None:
    # through main(), as a user runs it: its guards, not CliRunner's, must hold
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", "validate", str(BAD / name)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert f"error: {BAD / name}" in done.stderr


def test_unsafe_yaml_tag_runs_nothing() -> None:
    PWNED.unlink(missing_ok=True)  # the canary this asset would write if it were executed
    result = run("validate", str(BAD / "python_tag.yaml"))
    assert result.exit_code == 2
    assert not PWNED.exists()


def test_vendor_workbook_validates_without_map() -> None:
    result = run("validate", str(INPUT / "vendor_list.xlsx"))
    assert result.exit_code == 0, result.output
    assert "4 suppliers, 3 tiers, OK" in result.stdout


@pytest.mark.parametrize("fmt", list(OutputFormat), ids=str)
def test_every_output_format_reports_a_good_file(fmt: OutputFormat) -> None:
    result = run("validate", "--format", fmt.value, str(INPUT / "mixed_forms.yaml"))
    assert result.exit_code == 0, result.output
    assert "mixed_forms.yaml" in result.stdout


def test_cp1252_is_a_warning_not_an_error() -> None:
    result = run("validate", "--format", "json", str(INPUT / "cp1252.csv"))
    assert result.exit_code == 0
    [body] = json.loads(result.stdout)
    assert flatten(body["problems"], ["type", "severity"]) == [["encoding-fallback", "warning"]]


def test_map_names_an_unknown_header() -> None:
    path = str(INPUT / "german_headers.csv")
    [without] = report(path)
    [mapped] = report("--map", "Firmierung=name", path)
    assert without["ok"] and mapped["ok"]
    assert without["data_gaps"] == mapped["data_gaps"] == {"without sector": 2}


def test_map_to_an_unknown_field_is_a_usage_error() -> None:
    result = run("validate", "--map", "Lieferant=supplier_name", str(INPUT / "german_headers.csv"))
    assert result.exit_code == 2
    assert "unknown field 'supplier_name'" in result.stderr
    assert "Traceback" not in result.output


def test_wrong_sheet_name_suggests_the_nearest() -> None:
    [result] = report("--sheet", "Suppliers list", str(INPUT / "two_sheets.xlsx"))
    assert flatten(result["problems"], ["type", "suggestion"]) == [
        ["unknown-sheet", "'Supplier list'"]
    ]


def test_files_are_separate_chains_unless_merged() -> None:
    files = [str(INPUT / "european.csv"), str(BAD / "cycle.yaml")]
    separate = run("validate", *files)
    assert separate.exit_code == 2
    assert [r["ok"] for r in report(*files)] == [True, False]
    assert len(report("--merge", *files)) == 1


def test_names_and_values_with_brackets_print_as_they_are(tmp_path: Path) -> None:
    """Rich markup is never read in user text: '[/]' in a value once ended in a crash."""
    chain = tmp_path / "Lieferanten [2026].csv"
    chain.write_text("id,name,country\nS1,a [/] b,Nowhere [/red] land\n", "utf-8")
    done = CliRunner().invoke(app, ["validate", str(chain)])
    assert done.exit_code == 2, done.output
    assert "Lieferanten [2026].csv" in done.output
    assert "Nowhere [/red] land" in done.output and "internal error" not in done.output


@pytest.mark.parametrize(
    ("made", "suffix", "message"),
    [
        ("ods", ".xlsx", "an OpenDocument spreadsheet (.ods) saved with the name .xlsx"),
        ("xlsx", ".ods", "an Excel workbook (.xlsx) saved with the name .ods"),
        ("xlsx", ".xlsb", "an Excel workbook (.xlsx) saved with the name .xlsb: rename it"),
        ("xlsb", ".xlsx", "an Excel binary workbook (.xlsb) saved with the name .xlsx"),
        ("xlsb", ".xlsm", "an Excel binary workbook (.xlsb) saved with the name .xlsm"),
    ],
)
def test_a_workbook_named_as_another_kind_says_which_it_is(
    tmp_path: Path, made: str, suffix: str, message: str
) -> None:
    """An ODS named .xlsx said "cannot read the workbook: File not found '_rels/.rels'"."""
    import shutil
    import zipfile

    path = tmp_path / f"suppliers{suffix}"
    if made == "xlsx":
        shutil.copy(Path(__file__).parents[1] / "sample_chains" / "cocoa_suppliers.xlsx", path)
    elif made == "xlsb":  # (the parts a binary workbook's package holds)
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("[Content_Types].xml", "<Types/>")
            package.writestr("xl/workbook.bin", b"\x83\x01\x00")
    else:
        with zipfile.ZipFile(path, "w") as package:
            package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            package.writestr("content.xml", "<office:document-content/>")
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == 2
    [problem] = json.loads(result.stdout)[0]["problems"]
    assert problem["type"] == "misnamed-workbook"
    assert problem["message"].startswith(message)


def _ole(path: Path, entries: list[str]) -> None:
    """A compound (OLE) file whose directory, from sector 0 on, holds these entry names: an
    Excel 97-2003 workbook ("Workbook") or an encrypted one ("EncryptedPackage")."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x30:0x34] = (0).to_bytes(4, "little")  # the directory starts at sector 0
    directory = bytearray()
    for name in entries:
        entry = bytearray(128)
        encoded = (name + "\0").encode("utf-16-le")
        entry[: len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        directory += entry
    directory += bytes(-len(directory) % 512)
    path.write_bytes(bytes(header) + bytes(directory))


@pytest.mark.parametrize(
    ("entries", "kind"),
    [
        (["Root Entry", "Workbook"], "misnamed-workbook"),
        # a workbook with macros lists them first: "Workbook" in the directory's next sector
        (["Root Entry", "_VBA_PROJECT_CUR", "VBA", "dir", "Workbook"], "misnamed-workbook"),
        (["Root Entry", "EncryptionInfo", "EncryptedPackage"], "encrypted-workbook"),
        (["Root Entry", "a", "b", "c", "EncryptedPackage"], "encrypted-workbook"),
    ],
)
def test_an_ole_file_named_xlsx_is_told_by_its_streams(
    tmp_path: Path, entries: list[str], kind: str
) -> None:
    path = tmp_path / "suppliers.xlsx"
    _ole(path, entries)
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == 2
    assert [p["type"] for p in json.loads(result.stdout)[0]["problems"]] == [kind]


def test_a_file_not_read_hides_no_other_files_chain_problems(tmp_path: Path) -> None:
    """A missing file among several hid the others' duplicate ids and cycles."""
    one = tmp_path / "one.csv"
    one.write_text("id,name,country,buyers\nA,One,CIV,B\nB,Two,CIV,A\n", "utf-8")
    two = tmp_path / "two.csv"
    two.write_text("id,name,country\nA,Again,GHA\n", "utf-8")
    missing = str(tmp_path / "missing.csv")
    [merged] = report("--merge", str(one), str(two), missing)
    assert sorted(p["type"] for p in merged["problems"]) == [
        "cycle",
        "duplicate-id",
        "file-not-found",
    ]
    [alone] = report(missing)  # (nothing read: no chain to check)
    assert [p["type"] for p in alone["problems"]] == ["file-not-found"]


@pytest.mark.parametrize("command", ["validate", "assess"])
def test_shares_over_one_name_an_unread_buyers_column(tmp_path: Path, command: str) -> None:
    """Its buyers column not read, every supplier is a direct one and the company's shares
    add up to more than 1: the error said so alone, and in a batch's one line the cause
    (a warning of the unread column) was not seen."""
    path = tmp_path / "chain.csv"
    path.write_text(
        "Code;Nom;Pays;Secteur;Client (code);Part (%)\n"
        "C1;Coop;CIV;cocoa-trading;;60%\n"
        "F1;Farm;CIV;cocoa-farming;C1;70%\n",
        "utf-8",
    )
    args = [command, str(path)] + (["-o", str(tmp_path / "a.json")] if command == "assess" else [])
    result = CliRunner().invoke(app, args, env={"COLUMNS": "400"})
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert (
        "shares of the company's suppliers add up to 1.30, more than 1 (C1 0.6, F1 0.7): a"
        " share is a supplier's part of all its buyer buys, so those of one buyer's suppliers"
        " add up to 1 at most (leave out a share that is of one good only); column 'Client"
        " (code)' looks like the buyers"
        " column but is not read, so every supplier is taken for a direct one: map it"
        " (--map 'Client (code)=buyers')" in text
    )
