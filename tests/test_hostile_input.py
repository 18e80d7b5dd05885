"""Hostile and odd input met at the edges: ids that look like paths, unsafe characters in
options and in YAML, over-long cells and references."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

import ddtool
from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("supplier_id", ["PO/2025/", "A//B", "./C", "D/./E", "../F"])
def test_explain_takes_the_id_as_written(tmp_path: Path, supplier_id: str) -> None:
    """The supplier id is text, not a path: no slash or dot of it is normalised away."""
    chain = tmp_path / "slash_ids.csv"
    chain.write_text(
        "id,name,country,sector\n" + f"{supplier_id},Slashed co,GHA,cocoa-farming\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(chain), supplier_id])
    assert result.exit_code == 0, result.output
    assert f"company → {supplier_id}" in " ".join(result.output.split())


def test_explain_with_an_empty_id_names_it_empty() -> None:
    chain = ROOT / "sample_chains" / "services.yaml"
    result = CliRunner().invoke(app, ["explain", str(chain), ""])
    assert result.exit_code == 2
    assert "an empty supplier id" in result.output


@pytest.mark.parametrize(
    ("company", "code", "kind", "name"),
    [
        ("\u202eevil\a", 2, "[unsafe-characters]", None),
        ("Evil\x1b[31m Ltd", 2, "[unsafe-characters]", None),
        ("\u202eevil", 0, "[text-direction]", "evil"),
        ("x" * 301, 2, "[too-long]", None),
        ("  Plain Co ", 0, None, "Plain Co"),
    ],
)
def test_company_option_is_checked_as_a_name_in_a_file(
    tmp_path: Path, company: str, code: int, kind: str | None, name: str | None
) -> None:
    """--company reaches the terminal and every report as the file's company name would: it
    meets the same checks, with the option named as where the problem is."""
    out = tmp_path / "out.json"
    chain = ROOT / "sample_chains" / "services.yaml"
    result = CliRunner().invoke(app, ["assess", str(chain), "--company", company, "-o", str(out)])
    assert result.exit_code == code, result.output
    if kind is not None:
        assert kind in result.output
        assert "--company" in result.output
    if kind == "[text-direction]":  # (no escape of Python's, no file to check it against)
        assert (
            "warning: --company: company name holds the direction control U+202E"
            " (RIGHT-TO-LEFT OVERRIDE), which shows the characters after it in another order"
            " than they are written: it is read without it, as 'evil'; check the --company"
            " value [text-direction]"
        ) in " ".join(result.output.split())
        assert "\\u202e" not in result.output
    if name is None:
        assert not out.exists()
    else:
        assert json.loads(out.read_text(encoding="utf-8"))["company"]["name"] == name


# a Ctrl-C while `import typer` runs, as the command line's modules load: deterministic,
# where a signal sent from outside after a delay would race the start-up
SIGNAL_IN_IMPORT = """
import os, signal, sys

class SignalOnImport:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            os.kill(os.getpid(), {signum})
        return None

sys.meta_path.insert(0, SignalOnImport())
"""


@pytest.mark.parametrize(
    ("signum", "code", "word"),
    [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")],
)
def test_a_signal_while_the_modules_load_ends_the_run_cleanly(
    tmp_path: Path, signum: int, code: int, word: str
) -> None:
    (tmp_path / "sitecustomize.py").write_text(SIGNAL_IN_IMPORT.format(signum=int(signum)))
    path = os.pathsep.join([str(tmp_path), str(ROOT / "src")])
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", "validate", str(ROOT / "sample_chains" / "cocoa.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": path},
        # (started with Ctrl-C's default action, as from a terminal)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert done.returncode == code, done.stderr
    assert done.stderr == f"{word}: no output was written\n"


@pytest.mark.parametrize(
    ("argv0", "orig_argv", "main_name", "program"),
    [
        ("/venv/bin/ddtool", ["/venv/bin/python", "/venv/bin/ddtool", "assess"], "__main__", True),
        ("C:/venv/Scripts/ddtool.exe", ["ddtool.exe"], "__main__", True),
        ("-m", ["python", "-m", "ddtool", "validate"], "__main__", True),
        ("/venv/bin/ddtool", ["python", "-c", "..."], "__mp_main__", False),  # a spawned worker
        ("/venv/bin/pytest", ["python", "/venv/bin/pytest"], "__main__", False),
        ("-m", ["python", "-m", "pytest"], "__main__", False),
        ("-c", ["python", "-c", "import ddtool"], "__main__", False),
        ("", ["python", "-m"], "__main__", False),
    ],
)
def test_the_early_handler_is_set_only_where_ddtool_runs_as_a_program(
    monkeypatch: pytest.MonkeyPatch, argv0: str, orig_argv: list[str], main_name: str, program: bool
) -> None:
    """A program that imports ddtool keeps its own Ctrl-C."""
    monkeypatch.setattr(sys, "argv", [argv0])
    monkeypatch.setattr(sys, "orig_argv", orig_argv)
    monkeypatch.setitem(sys.modules, "__main__", types.SimpleNamespace(__name__=main_name))
    assert ddtool._run_as_program() is program


def test_importing_ddtool_leaves_ctrl_c_alone() -> None:
    assert signal.getsignal(signal.SIGINT) is not ddtool._end_at_once


@pytest.mark.parametrize(
    "cell",
    ["x" * 140_000, "A;" * 70_000, "A|" * 70_000, "A\t" * 70_000, "A;B," * 5 + "C;" * 70_000],
    ids=["letters", "semicolons", "bars", "tabs", "commas-then-semicolons"],
)
@pytest.mark.parametrize("row", [2, 3], ids=["first-row", "second-row"])
def test_an_over_long_cell_is_located_whatever_it_holds(
    tmp_path: Path, cell: str, row: int
) -> None:
    """A cell longer than the CSV field limit is the error of its row, in a comma file whose
    long cell holds another delimiter many times too (not a file without a header), also
    in the first row below the header."""
    chain = tmp_path / "long.csv"
    quoted = f'"{cell}"' if "," in cell else cell
    above = "A,a,CIV,cocoa-farming,\n" if row == 3 else ""
    chain.write_text(
        f"id,name,country,sector,buyers\n{above}B,b,CIV,cocoa-farming,{quoted}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["validate", str(chain), "--format", "json"])
    assert result.exit_code == 2, result.output
    problems = json.loads(result.stdout)[0]["problems"]
    assert [(p["type"], p["location"]["row"]) for p in problems] == [("csv-syntax", row)]
    assert "longer than 131,072 characters" in problems[0]["message"]


def _csv_chain(tmp_path: Path, buyer: str, extra: str = "") -> Path:
    path = tmp_path / "chain.csv"
    path.write_text(
        f"id,name,country,sector,buyers\nA,a,CIV,cocoa-farming,\n{extra}"
        f"B,b,CIV,cocoa-farming,{buyer}\n",
        encoding="utf-8",
    )
    return path


def _yaml_chain(tmp_path: Path, buyer: str, extra: str = "") -> Path:
    path = tmp_path / "chain.yaml"
    more = "".join(
        f"  - {{id: {line.split(',')[0]}, country: CIV, sector: cocoa-farming}}\n"
        for line in extra.splitlines()
    )
    path.write_text(
        "company: {name: Co, country: DE}\nsuppliers:\n"
        f"  - {{id: A, country: CIV, sector: cocoa-farming}}\n{more}"
        f"  - {{id: B, country: CIV, sector: cocoa-farming, buyers: ['{buyer}']}}\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("chain", [_csv_chain, _yaml_chain], ids=["csv", "yaml"])
@pytest.mark.parametrize(
    ("buyer", "extra", "found"),
    [
        ("x" * 60_000, "", [("too-long", "'xxxxxxxxxx")]),
        ("x" * 101, "", [("too-long", "more than 100 characters")]),
        ("x" * 100, "", [("unknown-buyer", "x" * 100)]),
        ("A", "", []),
        # (an id too long is its own error; a buyer naming it is no second one)
        ("y" * 101, "y" * 101 + ",c,CIV,cocoa-farming,\n", [("too-long", "id is 101")]),
    ],
)
def test_a_buyer_longer_than_any_id_is_too_long_and_quoted_short(
    tmp_path: Path,
    chain: Callable[[Path, str, str], Path],
    buyer: str,
    extra: str,
    found: list[tuple[str, str]],
) -> None:
    result = CliRunner().invoke(
        app, ["validate", str(chain(tmp_path, buyer, extra)), "--format", "json"]
    )
    problems = [p for p in json.loads(result.stdout)[0]["problems"] if p["severity"] == "error"]
    assert [p["type"] for p in problems] == [kind for kind, _ in found]
    for problem, (_, part) in zip(problems, found, strict=True):
        assert part in problem["message"]
        assert len(problem["message"]) < 300
    assert result.exit_code == (2 if found else 0)


YAML_HEAD = "company: {name: Acme, country: DE}\nsuppliers:\n"


@pytest.mark.parametrize(
    ("body", "found"),
    [
        (  # in a quoted value; the unknown country below is still found
            '  - id: A\n    name: "a\ab"\n    country: CIV\n  - id: B\n    country: Atlantis\n',
            [("unsafe-characters", 4, "column 13"), ("unknown-country", 7, "Atlantis")],
        ),
        (  # in a plain value, and a NUL in a key
            "  - id: A\x1b\n    country: CIV\n    na\x00me: x\n",
            [
                ("unsafe-characters", 3, "U+001B"),
                ("unsafe-characters", 5, "U+0000"),
                ("misspelt-key", 5, "'name'"),  # (the key is read as written, U+FFFD in it)
            ],
        ),
        (  # in comments (whole-line and trailing): read as none, a warning each
            "# made by\x07 hand\n  - id: A  # a\x00b\n    country: Atlantis\n",
            [
                ("comment-control-character", 3, "column 10"),
                ("comment-control-character", 4, "U+0000"),
                ("unknown-country", 5, "Atlantis"),
            ],
        ),
        (  # DEL, a C1 control, U+FFFE: refused by YAML as the C0 controls are
            "  - {id: A\x7f, country: CIV}\n  - {id: B\x9b, country: CIV}\n"
            "  - {id: C\ufffe, country: CIV}\n",
            [
                ("unsafe-characters", 3, "U+007F"),
                ("unsafe-characters", 4, "U+009B"),
                ("unsafe-characters", 5, "character U+FFFE"),
            ],
        ),
        (  # many: the first 20 located, the rest counted
            "".join(f"  - {{id: A{i}\a, country: CIV}}\n" for i in range(25)),
            [("unsafe-characters", 3 + i, "U+0007") for i in range(20)]
            + [("unsafe-characters", 23, "and 5 more")],
        ),
    ],
    ids=["quoted", "plain-and-key", "comments", "other-kinds", "many"],
)
def test_a_raw_control_character_in_yaml_is_located_and_the_rest_read(
    tmp_path: Path, body: str, found: list[tuple[str, int, str]]
) -> None:
    assert _yaml_validated(tmp_path, body, found) == 2


def _yaml_validated(tmp_path: Path, body: str, found: list[tuple[str, int, str]]) -> int:
    """Validate a YAML chain of YAML_HEAD and body; check its problems are those found (type,
    line, a part of the message), none quoting the parser's internals; its exit code."""
    chain = tmp_path / "chain.yaml"
    chain.write_text(YAML_HEAD + body, encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(chain), "--format", "json"])
    problems = json.loads(result.stdout)[0]["problems"]
    told = [(p["type"], p["location"]["line"], p["message"]) for p in problems]
    assert [(kind, line) for kind, line, _ in told] == [(kind, line) for kind, line, _ in found]
    for (_, _, message), (_, _, part) in zip(told, found, strict=True):
        assert part in message
        assert "<unicode string>" not in message
    return result.exit_code


@pytest.mark.parametrize(
    ("body", "found", "exit_code"),
    [
        (  # a page break on a line of its own, between suppliers: a blank line, a warning
            "  - {id: A, country: CIV}\n\f\n  - {id: B, country: GHA}\n",
            [("comment-control-character", 4, "page break")],
            0,
        ),
        (  # with spaces and a vertical tab about it, and at the very end
            "  - {id: A, country: CIV}\n  \f\v \n  - {id: B, country: GHA}\n\f",
            [("comment-control-character", 4, "page break"), ("comment-control-character", 6, "")],
            0,
        ),
        (  # in a value it is still refused, and the rest is read
            "  - {id: A\f, country: CIV}\n  - {id: B, country: Atlantis}\n",
            [("unsafe-characters", 3, "U+000C"), ("unknown-country", 4, "Atlantis")],
            2,
        ),
    ],
    ids=["own-line", "spaced-and-last", "in-a-value"],
)
def test_a_page_break_on_a_line_of_its_own_is_a_blank_line(
    tmp_path: Path, body: str, found: list[tuple[str, int, str]], exit_code: int
) -> None:
    assert _yaml_validated(tmp_path, body, found) == exit_code
