"""`validate` on a terminal: the table says each problem once. The error lines on stderr are
for scripts and logs; where stdout and stderr are both the terminal, and the table showed
every problem, they would say each error a second time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")


def _run(args: list[str], terminal: bool) -> str:
    """The output of `python -m ddtool ARGS`, with stdout and stderr on one pseudo-terminal
    (`terminal`) or on pipes, as a user or a script sees it."""
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "ddtool", *args]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 2
        return done.stdout + done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # (the terminal closes when the process ends)
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 2
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(("terminal", "lines"), [(True, 0), (False, 1)])
def test_each_error_is_said_once_on_a_terminal(tmp_path: Path, terminal: bool, lines: int) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Supplier ID,Supplier name,Country\nA1,Alpha,Atlantis\n", "utf-8")
    out = _run(["validate", str(path)], terminal)
    assert "unknown-country" in out  # (the table's type column)
    assert out.count("error: ") == lines


@pytest.mark.parametrize("command", ["validate", "assess"])
def test_a_name_split_at_its_spaces_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """`ddtool validate Lieferanten 2025.yaml`, unquoted: two files not found, and a hint
    that names the file and the quotes."""
    from typer.testing import CliRunner

    from ddtool.cli import app

    (tmp_path / "Lieferanten 2025.yaml").write_text(
        "company: {name: X}\nsuppliers:\n  - {id: S1, name: A, country: DEU}\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, [command, "Lieferanten", "2025.yaml"])
    assert done.exit_code == 2
    assert (
        'hint: Lieferanten 2025.yaml is a file: a name with spaces goes in quotes ("Lieferanten'
        ' 2025.yaml")' in done.stderr.replace("\n", " ")
    )
    quoted = CliRunner().invoke(app, ["validate", "Lieferanten 2025.yaml"])
    assert quoted.exit_code == 0 and "hint:" not in quoted.stderr
