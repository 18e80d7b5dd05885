"""How deep a YAML file may nest: a nested chain is limited by its tiers (--max-tiers), a
value by --max-depth counted afresh in each supplier's entry, and a file by what YAML reads
at all; each refusal at its line, never a recursion error."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.sources.interface import MOST_MAX_DEPTH, ReadOptions
from ddtool.validate import validate_chain


def nested_chain(tiers: int) -> str:
    """A chain `tiers` deep, each supplier nested under the one above (5 lines each: the
    supplier of tier n starts at line 5n - 2)."""
    lines = ["company: {name: Deep Co, country: DE}", "suppliers:"]
    for tier in range(tiers):
        indent = "    " * tier
        lines += [
            f"{indent}  - id: S{tier}",
            f"{indent}    name: Supplier {tier}",
            f"{indent}    country: DE",
            f"{indent}    sector: logistics",
        ]
        if tier < tiers - 1:
            lines.append(f"{indent}    suppliers:")
    return "\n".join(lines) + "\n"


def flow_value(lists: int, key: str = "note") -> str:
    """One supplier with a value of `lists` lists one inside another, on line 4."""
    return f"suppliers:\n  - id: S1\n    name: x\n    {key}: {'[' * lists}{']' * lists}\n"


def block_value(lists: int) -> str:
    """One supplier with a value of `lists` lists one inside another, one line each: the
    list at depth d (the supplier's entry is 1) begins on line d + 2."""
    lines = ["suppliers:", "  - id: S1", "    note:"]
    lines += [" " * (4 + 2 * level) + "-" for level in range(lists - 1)]
    lines[-1] += " [x]"
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NestingCase:
    """A YAML file, the limits it is read within, and the errors validate gives: [type, line]."""

    name: str
    text: str
    errors: list[list[object]]
    options: dict[str, int] = field(default_factory=dict)
    message: str | None = None  # text the first error's message must hold
    not_message: str | None = None  # text it must not hold
    key: str | None = None  # the key the first error is located at, where it names one


ALIAS_LOOP = "suppliers:\n  - id: S1\n    name: x\n    note: &a [1, [2, *a]]\n"
# an anchor 40 lists deep, named 40 lists deep: 81 levels once expanded
ALIASES_DEEPER = (
    "suppliers:\n  - id: S1\n    name: x\n"
    f"    a: &a {'[' * 40}{']' * 40}\n"
    f"    b: {'[' * 40}*a{']' * 40}\n"
)
NESTING_CASES = (
    # a nested chain of 31 tiers was refused as nested deeper than 64 levels, at no line
    NestingCase("31 tiers nested", nested_chain(31), []),
    NestingCase("100 tiers nested, the tier limit", nested_chain(100), []),
    NestingCase(
        "101 tiers nested: the tier limit's own error",
        nested_chain(101),
        [["too-many-tiers", 503]],
        message="more than 100 tiers deep",
    ),
    NestingCase("300 tiers nested, --max-tiers 1000", nested_chain(300), [], {"max_tiers": 1000}),
    NestingCase(
        "500 tiers nested: deeper than YAML reads, at the supplier too deep",
        nested_chain(500),
        [["too-deep", 2498]],
        {"max_tiers": 1000},
        message="Write a chain this deep flat",
    ),
    # within a supplier's entry: 64 levels (the entry, 63 lists) are read, 65 are not
    NestingCase("a value 64 levels deep", flow_value(63), []),
    NestingCase("a value 65 levels deep", flow_value(64), [["too-deep", 4]], message="--max-depth"),
    NestingCase("a value 65 levels deep, --max-depth 65", flow_value(64), [], {"max_depth": 65}),
    NestingCase(
        "a value nested a line a level: the line of the 65th", block_value(70), [["too-deep", 67]]
    ),
    NestingCase(
        "the company's value, counted from the top",
        f"company:\n  name: Co\n  note: {'[' * 63}{']' * 63}\nsuppliers:\n  - {{id: S1}}\n",
        [["too-deep", 3]],
    ),
    NestingCase(
        "an alias inside its own anchor's value",
        ALIAS_LOOP,
        [["too-deep", 4]],
        message="nested in itself",
    ),
    NestingCase("aliases counted as what they name", ALIASES_DEEPER, [["too-deep", 5]]),
    # a value deeper than YAML reads was told to be a chain of 500 tiers, to be written flat
    NestingCase(
        "a value of 999 lists: deeper than YAML reads, at its key",
        flow_value(999, key="notes"),
        [["too-deep", 4]],
        message="a value nested deeper than YAML is read",
        not_message="tiers",
        key="notes",
    ),
    NestingCase(
        "a value of 5,000 mappings, at its key",
        "suppliers:\n  - id: S1\n    notes: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n",
        [["too-deep", 3]],
        message="a value nested deeper than YAML is read",
        not_message="tiers",
        key="notes",
    ),
    NestingCase(
        "a value of 1,000 lists, a line each, at its key",
        block_value(1001),
        [["too-deep", 3]],
        message="a value nested deeper than YAML is read",
        key="note",
    ),
    NestingCase(
        "the company's value of 999 lists, at its key",
        f"company:\n  name: Co\n  note: {'[' * 999}{']' * 999}\nsuppliers:\n  - {{id: S1}}\n",
        [["too-deep", 3]],
        message="a value nested deeper than YAML is read",
        key="note",
    ),
    NestingCase(
        "600 tiers nested in {…}: the tiers' advice",
        "suppliers: " + "[{id: S, suppliers: " * 600 + "[]" + "}]" * 600 + "\n",
        [["too-deep", 1]],
        message="Write a chain this deep flat",
    ),
    # (a limit past what --max-depth takes, as a caller of the reader may give: the value
    # is read and kept without recursion)
    NestingCase(
        "a value 900 deep within a limit of 5,000", flow_value(899), [], {"max_depth": 5000}
    ),
    NestingCase(
        "a field's value of 900 lists within a limit of 5,000: shown cut",
        flow_value(900, key="country"),
        [["bad-structure", 4]],
        {"max_depth": 5000},
        message="country must be a single value, got a list [[[[",
    ),
)


@pytest.mark.parametrize("case", NESTING_CASES, ids=lambda case: case.name)
def test_nesting_is_refused_only_where_too_deep_and_at_its_line(
    tmp_path: Path, case: NestingCase
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(case.text, encoding="utf-8")
    result = validate_chain([path], ReadOptions(**case.options))
    errors = [p for p in result.problems if p.severity == "error"]
    assert [[p.type, p.location.line] for p in errors] == case.errors
    if case.message is not None:
        assert case.message in errors[0].message
    if case.not_message is not None:
        assert case.not_message not in errors[0].message
    if case.key is not None:
        assert errors[0].location.column == case.key


def test_the_deepest_value_allowed_is_written_in_every_format(tmp_path: Path) -> None:
    """--max-depth at its most: a value that deep is kept and written everywhere (deeper, the
    JSON writer and Python's recursion would fail: the option goes no higher)."""
    path = tmp_path / "deep.yaml"
    path.write_text(flow_value(MOST_MAX_DEPTH - 1), encoding="utf-8")
    outputs = [tmp_path / f"out{suffix}" for suffix in (".json", ".html", ".xlsx", ".md", ".csv")]
    args = ["assess", str(path), "-q", "--max-depth", str(MOST_MAX_DEPTH)]
    result = CliRunner().invoke(app, [*args, *(a for out in outputs for a in ("-o", str(out)))])
    assert result.exit_code in (0, 1), result.output
    assert all(out.stat().st_size > 0 for out in outputs)
    over = CliRunner().invoke(app, ["validate", str(path), "--max-depth", "201"])
    assert over.exit_code == 2 and "--max-depth" in over.output
