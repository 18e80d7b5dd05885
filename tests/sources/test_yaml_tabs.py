"""A tab where YAML wants spaces is told as a tab, at its line and column: the parser's own
words ("found character that cannot start any token") do not say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.config import load_config
from ddtool.errors import InputError
from ddtool.sources import ReadOptions, read_raw

TAB = "YAML does not allow tabs for indentation; indent with spaces"

# text -> the line and the column of the tab
CASES = {
    "a list item indented by a tab": ("suppliers:\n\t- id: A\n", 2, 1),
    "a key of an entry indented by a tab": (
        "company: {name: A}\nsuppliers:\n  - id: A\n\tname: x\n",
        4,
        1,
    ),
    "a tab after the spaces": ("suppliers:\n  - id: A\n  \tname: x\n", 3, 3),
    "a key of the company indented by a tab": ("company:\n\tname: A\n", 2, 1),
    "a tab after a list item's dash": ("suppliers:\n  -\tid: A\n    name: B\n", 2, 4),
    "a nested list indented by tabs and spaces": (
        "suppliers:\n  - id: A\n    suppliers:\n\t  - id: B\n",
        4,
        1,
    ),
    "a line of a tab alone": ("suppliers:\n  - id: A\n    name: B\n\t\n  - id: C\n", 4, 1),
    "the first key indented by a tab": ("\tcompany: {name: A}\n", 1, 1),
    "after Windows line breaks": ("suppliers:\r\n  - id: A\r\n\tname: x\r\n", 3, 1),
}


@pytest.mark.parametrize(("text", "line", "column"), CASES.values(), ids=list(CASES))
def test_a_tab_in_a_chain_file_is_told_at_its_line_and_column(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_bytes(text.encode("utf-8"))
    [problem] = read_raw(path, ReadOptions()).problems.items
    assert (problem.type, problem.location.line) == ("yaml-syntax", line)
    assert problem.message == f"invalid YAML: a tab at column {column}: {TAB}"


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [("thresholds:\n\tcritical: 0.8\n", 2, 1), ("scoring:\n  audit_credit: 0.05\n \tx: 1\n", 3, 2)],
)
def test_a_tab_in_the_settings_is_told_likewise(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    path = tmp_path / "ddtool.yaml"
    path.write_text(text, "utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    [problem] = raised.value.problems
    assert (problem.type, problem.location.line) == ("config-syntax", line)
    assert problem.message == f"invalid YAML: a tab at column {column}: {TAB}"


def test_a_tab_where_yaml_allows_it_is_read(tmp_path: Path) -> None:
    """Between a key and its value a tab separates, as a space does: nothing to say."""
    path = tmp_path / "chain.yaml"
    path.write_text("company:\n  name:\tA\nsuppliers:\n  - {id: S,\tname: B}\n", "utf-8")
    assert read_raw(path, ReadOptions()).problems.items == []
