"""`ddtool validate` says which columns it kept as the user's own, not read as any field, on
the line that says the chain is valid: a name column under a header no alias knows
("Firmierung") was left unread with nothing but "OK" said; and how to read the names when no
supplier has one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

OWN = "your own columns (kept, not read as fields): "
HEADERS = "Supplier ID,Firmierung,Country,Bemerkung\n"
ROWS = "V1,Textil GmbH,DEU,ok\nV2,Spinnerei AG,TUR,\n"
# name: (file name, its text, options, what the valid line ends with)
CASES = {
    "a name column unknown, and remarks": (
        "vendors.csv",
        HEADERS + ROWS,
        [],
        f"OK; data gaps: 2 without sector; {OWN}'Firmierung', 'Bemerkung'; no supplier names"
        " read: if they are in one of these, --map 'HEADER=name'",
    ),
    "the name column mapped": (
        "vendors.csv",
        HEADERS + ROWS,
        ["--map", "Firmierung=name"],
        f"OK; data gaps: 2 without sector; {OWN}'Bemerkung'",
    ),
    "one column unknown: its own mapping": (
        "vendors.csv",
        "Supplier ID,Firmierung,Country\nV1,Textil GmbH,DEU\n",
        [],
        f"; {OWN}'Firmierung'; no supplier names read: if they are in one of these,"
        " --map 'Firmierung=name'",
    ),
    "every column read": (
        "vendors.csv",
        "Supplier ID,Supplier name,Country\nV1,Textil GmbH,DEU\n",
        [],
        "1 suppliers, 1 tiers, OK; data gaps: 1 without sector",
    ),
    "names read, many own columns": (
        "vendors.csv",
        "Supplier ID,Supplier name,A,B,C,D,E,F,G\nV1,Textil GmbH,1,2,3,4,5,6,7\n",
        [],
        f"{OWN}'A', 'B', 'C', 'D', 'E' and 2 more",
    ),
    "a YAML key unknown": (
        "chain.yaml",
        "company: {name: X, country: DEU}\nsuppliers:\n  - {id: A, firmierung: Textil GmbH}\n",
        [],
        f"; {OWN}'firmierung'; no supplier names read: if they are in one of these, write"
        " that key as 'name'",
    ),
}


@pytest.mark.parametrize(("file", "text", "options", "ending"), CASES.values(), ids=CASES)
def test_the_valid_line_names_the_columns_not_read(
    tmp_path: Path, file: str, text: str, options: list[str], ending: str
) -> None:
    path = tmp_path / file
    path.write_text(text, "utf-8")
    done = CliRunner().invoke(app, ["validate", str(path), *options], env={"COLUMNS": "60"})
    assert done.exit_code == 0, done.output
    [line] = [x for x in done.output.splitlines() if x.startswith("✓")]
    assert line.endswith(ending), line


def test_the_json_lists_every_own_column(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Supplier ID,Supplier name,A,B,C,D,E,F,G\nV1,Textil GmbH,1,2,3,4,5,6,7\n")
    done = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert done.exit_code == 0, done.output
    [result] = json.loads(done.stdout)
    assert result["own_columns"] == list("ABCDEFG")
    assert result["problems"] == []  # (a note, not a warning)
