"""The README's test command is the one CI runs, and it says how many tests ran: its "N
passed" line (a `-q` given beside one in the pytest settings printed nothing but dots). CI
fails when pytest collects no test (its exit code 5)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / ".ci" / "run"


def _readme_command() -> list[str]:
    """The arguments the README's test command gives pytest."""
    text = (ROOT / "README.md").read_text("utf-8")
    [line] = [line for line in text.splitlines() if "python -m pytest" in line]
    return shlex.split(line.split("python -m pytest", 1)[1])


def _ci_command() -> list[str]:
    text = CI.read_text("utf-8")
    [line] = [line for line in text.splitlines() if line.startswith("python -m pytest")]
    return shlex.split(line.split("python -m pytest", 1)[1].split("||", 1)[0])


def test_ci_runs_the_readmes_test_command() -> None:
    readme, ci = _readme_command(), _ci_command()
    assert ci[: len(readme)] == readme
    assert set(ci[len(readme) :]) <= {"-p", "no:cacheprovider"}  # (a clean clone: no cache)


@pytest.mark.parametrize(("tests", "counted"), [(1, "1 passed"), (3, "3 passed")])
def test_the_readmes_test_command_says_how_many_tests_ran(
    tmp_path: Path, tests: int, counted: str
) -> None:
    """Run as the README says, with the project's pytest settings, on a folder of tests."""
    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "test_some.py").write_text(
        "".join(f"def test_{i}() -> None:\n    pass\n\n\n" for i in range(tests)), "utf-8"
    )
    settings = ["-p", "no:cacheprovider", "-c", str(ROOT / "pyproject.toml")]
    command = [sys.executable, "-m", "pytest", *_readme_command(), *settings, str(folder)]
    ran = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.search(rf"^{counted} in [0-9.]+s", ran.stdout, re.M), ran.stdout


def _ci_test_step() -> str:
    """The lines of .ci/run that run the tests and read pytest's exit code."""
    lines = CI.read_text("utf-8").splitlines()
    start = lines.index("status=0")
    end = next(i for i in range(start, len(lines)) if lines[i] == "fi")
    return "\n".join(lines[start : end + 1])


@pytest.mark.parametrize(("pytest_exit", "ci_exit"), [(0, 0), (1, 1), (5, 1)])
def test_ci_fails_when_pytest_fails_or_collects_nothing(pytest_exit: int, ci_exit: int) -> None:
    """CI's own lines, with a `python` that exits as pytest would."""
    script = f"set -euo pipefail\npython() {{ return {pytest_exit}; }}\n{_ci_test_step()}\n"
    ran = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert ran.returncode == ci_exit, ran.stderr
