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
            ' is not read. If it belongs to the value, quote it: "Baz #1 supplier"; if it is a'
            " comment, a space after '#' says so",
        ),
        ("products:\n      - SKU #12", "products is read as 'SKU'"),
        # a code or a number holds no '#': what follows is a comment
        ("country: GH   #Ghana", None),
        ("share: 0.6 #approx", None),
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
    assert (warning.severity, warning.location.line) == ("warning", 5 + line.count("\n"))


def test_a_flow_list_cut_by_a_comment_says_so(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme}\nsuppliers:\n  - {id: P1, products: [SKU #12]}\n", "utf-8"
    )
    _, problems = read_chain([path])
    [error] = problems.errors
    assert error.type == "yaml-syntax" and "quote a value holding '#'" in error.message
