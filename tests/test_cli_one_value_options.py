"""An option of one value given twice is a usage error (exit 2), not the last one kept:
`--sheet 'Tier 3' --sheet 'Tier 1'` read 'Tier 1' alone and said "OK" for two of five
suppliers, the other-supplier-sheets warning gone with the --sheet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ddtool.cli import _given_twice

# arguments, and the start of the error (None: no error)
CASES = [
    (["validate", "a.xlsx", "--sheet", "Tier 3", "--sheet", "Tier 1"], "--sheet given twice"),
    (["validate", "a.xlsx", "--sheet=Tier 3", "--sheet", "Tier 1"], "--sheet given twice"),
    (["assess", "a.yaml", "--config", "a.yaml", "--config=b.yaml"], "--config given twice"),
    (["assess", "a.yaml", "--as-of", "2025-01-01", "--as-of", "2026-01-01"], "--as-of given"),
    (["assess", "a.yaml", "--company", "A", "--company", "B", "--company", "C"], "--company"),
    (["validate", "a.xlsx", "--sheet", "Tier 1"], None),
    (["assess", "a.yaml", "-o", "a.json", "-o", "a.xlsx"], None),
    (["assess", "--", "--sheet", "x", "--sheet", "y"], None),  # (file names after --)
]


@pytest.mark.parametrize(("args", "error"), CASES)
def test_an_option_of_one_value_given_twice_is_refused(args: list[str], error: str | None) -> None:
    found = _given_twice(args)
    if error is None:
        assert found is None
    else:
        assert found is not None and found.startswith(error)


def test_the_command_exits_2_and_names_both_values(tmp_path: Path) -> None:
    chain = tmp_path / "chain.csv"
    chain.write_text("id,name,country,sector\nS1,One,India,yarn spinning\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", "validate", str(chain), "--sheet", "A", "--sheet", "B"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "--sheet given twice ('A' and 'B'): one sheet is read per workbook" in done.stderr
