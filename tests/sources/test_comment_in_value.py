"""A YAML value an unquoted ' #' cut short is said to be, with the quoting that keeps it; a
comment written as one ('# Ghana', a space after '#') is not."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import read_chain

HEAD = "company: {name: Acme}\nsuppliers:\n  - id: P1\n    sector: cocoa farming\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "name: Baz #1 supplier",
            "name is read as 'Baz': in YAML an unquoted ' #' starts a comment, so '#1 supplier'"
            ' is not read; quote the value to keep it: name: "Baz #1 supplier"',
        ),
        ("name: #2", "name is read as blank"),
        ("region: Ashanti\t#north", "so '#north' is not read"),
        ("name: Baz # the first", None),
        ("name: Baz#1", None),  # ('#' within a value is the value's)
        ('name: "Baz #1 supplier"', None),
        ("name: Baz ## note", None),
    ],
)
def test_a_value_cut_by_a_comment(tmp_path: Path, line: str, expected: str | None) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(HEAD + f"    {line}\n", encoding="utf-8")
    _, problems = read_chain([path])
    found = [p for p in problems.items if p.type == "comment-in-value"]
    if expected is None:
        assert found == []
        return
    [warning] = found
    assert expected in warning.message
    assert (warning.severity, warning.location.line) == ("warning", 5)
