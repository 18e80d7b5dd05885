"""Small messages that say exactly what happened: where a YAML file stops being UTF-8, which
outputs a stopped run wrote and which it did not, and a folder made for an output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool import cli
from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]
CHAIN = ROOT / "sample_chains" / "services.yaml"

# ---------------------------------------------------------------- 1. YAML not in UTF-8


@dataclass(frozen=True)
class EncodingCase:
    """A YAML file's bytes and the whole bad-encoding message validate must give."""

    name: str
    content: bytes
    message: str


SAVE = "; save the file as UTF-8"
ENCODING_CASES = (
    EncodingCase(
        "windows-1252 umlaut on line 2",  # the tester's file, cut short
        b"company:\n  name: R\xf6sterei M\xfcller GmbH\n",
        "not UTF-8 text: line 2, column 10 holds the byte 0xF6 (invalid start byte, at byte"
        " offset 18; '\xf6' in Windows-1252)" + SAVE,
    ),
    EncodingCase(
        "a BOM is not a column",
        b"\xef\xbb\xbfname: \xe4",  # (the last byte: the data ends)
        "not UTF-8 text: line 1, column 7 holds the byte 0xE4 (unexpected end of data, at byte"
        " offset 9; '\xe4' in Windows-1252)" + SAVE,
    ),
    EncodingCase(
        "CRLF and lone CR each end a line",
        b"a: b\r\nc: d\re: caf\xc3\xa9 \xe9x\n",
        "not UTF-8 text: line 3, column 9 holds the byte 0xE9 (invalid continuation byte, at"
        " byte offset 20; '\xe9' in Windows-1252)" + SAVE,
    ),
    EncodingCase(
        "a byte Windows-1252 does not define either",
        b"a: b\x81\n",
        "not UTF-8 text: line 1, column 5 holds the byte 0x81 (invalid start byte, at byte"
        " offset 4)" + SAVE,
    ),
)


@pytest.mark.parametrize("case", ENCODING_CASES, ids=lambda c: c.name)
def test_a_yaml_file_not_in_utf8_is_located_at_its_first_bad_byte(
    tmp_path: Path, case: EncodingCase
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_bytes(case.content)
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 2
    [report] = json.loads(result.stdout)
    assert [(p["type"], p["message"]) for p in report["problems"]] == [
        ("bad-encoding", case.message)
    ]


def test_validate_prints_the_located_error_line_and_exits_2() -> None:
    path = ROOT / "tests" / "assets" / "bad" / "binary_garbage.yaml"
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert (
        f"error: {path}, line 1: not UTF-8 text: line 1, column 2 holds the byte 0xBD"
        f" (invalid start byte, at byte offset 1; '\xbd' in Windows-1252){SAVE} [bad-encoding]"
    ) in result.stderr


# ---------------------------------------------------------------- 2. a stopped run's outputs

STOP_MESSAGES = [
    # (word, written, not written, of those still holding an earlier file), message
    (("terminated", [], [], []), "terminated: no output was left half-written"),
    (
        ("terminated", ["out.json"], ["out.xlsx", "out.html"], []),
        "terminated: out.json was written; out.xlsx and out.html were not (no output was left"
        " half-written)",
    ),
    (
        ("interrupted", [], ["a.json", "b.md", "c.csv"], []),
        "interrupted: a.json, b.md and c.csv were not written (no output was left half-written)",
    ),
    (
        ("interrupted", ["a.json", "b.md"], [], []),
        "interrupted: a.json and b.md were written (no output was left half-written)",
    ),
    (
        ("terminated", ["a.json"], ["b.md", "c.csv"], ["c.csv"]),
        "terminated: a.json was written; b.md and c.csv were not (no output was left"
        " half-written; c.csv keeps its earlier content)",
    ),
    (
        ("terminated", [], ["b.md", "c.csv"], ["b.md", "c.csv"]),
        "terminated: b.md and c.csv were not written (no output was left half-written; b.md"
        " and c.csv keep their earlier content)",
    ),
]


@pytest.mark.parametrize(("parts", "message"), STOP_MESSAGES)
def test_the_stop_message_names_each_output(
    parts: tuple[str, list[str], list[str], list[str]], message: str
) -> None:
    assert cli._stop_message(*parts) == message


# (a run stopped while it writes: tests/test_outputs_together.py)


# ---------------------------------------------------------------- 3. a folder made for -o


@pytest.mark.parametrize(
    ("args", "outputs", "notes"),
    [
        (
            [
                "assess",
                str(CHAIN),
                "--no-tree",
                "-o",
                "{t}/new/sub/a.json",
                "-o",
                "{t}/new/sub/a.md",
            ],
            ["new/sub/a.json", "new/sub/a.md"],
            ["created folder {t}/new/sub", "wrote {t}/new/sub/a.json", "wrote {t}/new/sub/a.md"],
        ),
        (
            ["assess", str(CHAIN), "-q", "-o", "{t}/new/sub/a.json"],
            ["new/sub/a.json"],
            [],
        ),
        (
            ["assess", str(CHAIN), "--no-tree", "-o", "{t}/a.json", "-o", "{t}/new/a.csv"],
            ["a.json", "new/a.csv"],
            ["wrote {t}/a.json", "created folder {t}/new", "wrote {t}/new/a.csv"],
        ),
        (
            ["template", "-o", "{t}/forms/suppliers.csv"],
            ["forms/suppliers.csv"],
            ["created folder {t}/forms", "wrote {t}/forms/suppliers.csv"],
        ),
    ],
    ids=["assess-two-outputs-one-folder", "assess-quiet", "assess-one-new-folder", "template"],
)
def test_a_folder_made_for_an_output_is_said_once(
    tmp_path: Path, args: list[str], outputs: list[str], notes: list[str]
) -> None:
    result = CliRunner().invoke(app, [a.format(t=tmp_path) for a in args])
    assert result.exit_code == 0, result.output
    assert all((tmp_path / out).is_file() for out in outputs)
    said = [line for line in result.stderr.splitlines() if line.startswith(("created", "wrote"))]
    assert said == [n.format(t=tmp_path) for n in notes]


@pytest.mark.parametrize("command", ["report", "diff"])
def test_report_and_diff_say_the_folder_they_made(tmp_path: Path, command: str) -> None:
    saved = tmp_path / "a.json"
    made = CliRunner().invoke(app, ["assess", str(CHAIN), "-q", "-o", str(saved)])
    assert made.exit_code == 0, made.output
    out = tmp_path / "new" / "out.md"
    inputs = [str(saved)] if command == "report" else [str(saved), str(saved)]
    result = CliRunner().invoke(app, [command, *inputs, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.is_file()
    assert result.stderr.count(f"created folder {out.parent}\n") == 1


@pytest.mark.parametrize("earlier", [False, True])
def test_assess_on_bad_input_says_last_that_nothing_was_written(
    tmp_path: Path, earlier: bool
) -> None:
    """The errors were followed by nothing, the warnings last on the screen; an output of an
    earlier run stayed in place without a word, ready to be sent on as this run's."""
    chain = tmp_path / "bad.csv"
    chain.write_text("id,name,country,buyers\nA,a,Ghana,ZZ\nB,b,Ghana,YY\n", "utf-8")
    out = tmp_path / "out.json"
    if earlier:
        out.write_text("{}", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", "assess", str(chain), "-o", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "300"},
        check=False,
    )
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last == "✗ 2 errors: no assessment made, no output written" + (
        f" ({out} not changed: from an earlier run)" if earlier else ""
    )
    assert (out.read_text("utf-8") == "{}") if earlier else not out.exists()


def test_validates_result_line_is_one_line_on_a_narrow_terminal() -> None:
    """(It broke mid-message at the terminal's width: "… OK, 2" and "warning(s)" below.)"""
    sample = Path(__file__).resolve().parents[1] / "sample_chains" / "garment_vendor_list.xlsx"
    done = CliRunner().invoke(app, ["validate", str(sample)], env={"COLUMNS": "60"})
    assert done.exit_code == 0, done.output
    [line] = [x for x in done.output.splitlines() if x.startswith("✓")]
    assert line.endswith(
        "29 suppliers, 5 tiers, OK, 2 warning(s); your own columns (kept, not read as fields):"
        " 'Notes'"
    )


def test_validates_table_shows_the_first_problems_and_counts_the_rest(tmp_path: Path) -> None:
    """A file of 20,000 rows each naming its buyer by name drew a table of 19,999 rows for
    14 s; the table shows the first ones, says how many more, and every error line follows."""
    chain = tmp_path / "names.csv"
    rows = [f"S{i},Firm {i},Ghana," + (f"Firm {i - 1}" if i else "") for i in range(400)]
    chain.write_text("id,name,country,buyers\n" + "\n".join(rows) + "\n", "utf-8")
    done = CliRunner().invoke(app, ["validate", str(chain)], env={"COLUMNS": "300"})
    assert done.exit_code == 2
    assert f"… and {399 - cli.TABLE_PROBLEMS:,} more problems: `--format json` lists every one" in (
        done.output
    )
    assert done.output.count("│ error") == cli.TABLE_PROBLEMS
    assert done.output.count("error: ") == 399  # (the located lines: every error)
