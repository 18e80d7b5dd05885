"""A template's example row left as it is: refused, and only refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.sources import read_chain


def _template(tmp_path: Path, suffix: str, rename: bool) -> Path:
    """A fresh template; with `rename`, the first example row's name written over."""
    out = tmp_path / f"t{suffix}"
    assert CliRunner().invoke(app, ["template", "-o", str(out)]).exit_code == 0
    if rename and suffix == ".xlsx":
        workbook = load_workbook(out)
        workbook["Suppliers"]["B2"] = "Dhaka Garments"
        workbook.save(out)
    elif rename:
        text = out.read_text("utf-8").replace("Example Cocoa Cooperative", "Dhaka Garments")
        out.write_text(text, "utf-8")
    return out


# (format, the first example's name written over) -> the types said of SUP-001
CASES = [
    (".xlsx", False, ["template-example"]),
    (".csv", False, ["template-example"]),
    (".yaml", False, ["template-example"]),
    (".xlsx", True, ["template-example-values"]),
    (".csv", True, ["template-example-values"]),
    (".yaml", True, ["template-example-values"]),
]


@pytest.mark.parametrize(("suffix", "rename", "said"), CASES)
def test_an_example_row_left_is_refused_without_a_warning_of_its_values(
    tmp_path: Path, suffix: str, rename: bool, said: list[str]
) -> None:
    """The refused example was also told that its values "are read as its own (… lower its
    score)", although it is no supplier and nothing of it is read."""
    _, problems = read_chain([_template(tmp_path, suffix, rename)])
    first = [
        p.type
        for p in problems.items
        if p.type.startswith("template-example") and "(SUP-001)" in p.message
    ]
    assert first == said
    # the YAML template's second example (its name left) is refused alone
    second = [p.type for p in problems.items if "(SUP-002)" in p.message]
    assert second == (["template-example"] if suffix == ".yaml" else [])
