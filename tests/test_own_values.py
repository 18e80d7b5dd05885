"""A YAML key of the user's own (one the chain format does not have) holding any shape of
value: what `assess` writes of it, `report`, `diff` and `assess --verify` read back (a list
or a mapping was refused: "attributes.tags: a text, a number … expected"), and the
registers show it as written."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ddtool.cli import app

HEAD = "company: {name: Buyer, country: DE}\nsuppliers:\n  - id: A\n    country: BGD\n"
HEAD += "    sector: garment manufacturing\n"

# the value of the key 'own' as written, and as the register shows it
SHAPES = {
    "a list": ("[x, y]", "[x, y]"),
    "a mapping": ("{a: 1}", "{a: 1}"),
    "an empty list": ("[]", "[]"),
    "an empty mapping": ("{}", "{}"),
    "lists in lists": ("[1, [2, [3]]]", "[1, [2, [3]]]"),
    "mappings in a list": (
        "[{name: x, visits: [{year: 2024}]}]",
        "[{name: x, visits: [{year: 2024}]}]",
    ),
    "dates, one that does not exist": ("[2024-01-01, 2024-13-01]", "[2024-01-01, 2024-13-01]"),
    "a date as a key": ("{2024-01-01: visited}", "{2024-01-01: visited}"),
    "keys of other kinds": ("{1: a, 2.5: b, null: c}", "{1: a, 2.5: b, null: c}"),
    "a number of 30 digits": (
        "[123456789012345678901234567890]",
        "[123456789012345678901234567890]",
    ),
    "numbers that are not finite": ("[.nan, .inf, -.inf]", "[null, null, null]"),
    "not a number alone": (".nan", ""),
    "nulls, a truth and an empty text": ("[null, true, '']", "[null, true, ]"),
    "accents composed and apart": ('[Société, "Socie\\u0301te\\u0301"]', "[Société, Société]"),
    "50 levels": ("[" * 50 + "]" * 50, "[" * 50 + "]" * 50),
    "a text": ("visited 2024", "visited 2024"),
}


def _run(*args: str) -> int:
    done = CliRunner().invoke(app, list(args))
    assert "internal error" not in done.output and "Traceback" not in done.output, done.output
    return done.exit_code


def _assessed(folder: Path, own: str) -> tuple[Path, Path]:
    """The chain with `own: <own>` and its assessment (JSON, and the Excel register)."""
    chain = folder / "chain.yaml"
    chain.write_text(f"{HEAD}    own: {own}\n", encoding="utf-8")
    out, register = folder / "chain.json", folder / "chain.xlsx"
    assert _run("assess", str(chain), "-q", "-o", str(out), "-o", str(register)) == 0
    return out, register


def _read_back(folder: Path, out: Path) -> None:
    """What every command that reads an assessment does with it: each succeeds."""
    outputs = [folder / f"again{suffix}" for suffix in (".json", ".html", ".xlsx", ".md", ".csv")]
    assert _run("report", str(out), "-q", *(a for o in outputs for a in ("-o", str(o)))) == 0
    assert _run("diff", str(out), str(out), "-o", str(folder / "diff.md")) == 0
    assert _run("assess", "--verify", str(out)) == 0


def _own_cell(register: Path) -> str:
    sheet = openpyxl.load_workbook(register, read_only=True)["Suppliers"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    column = rows[0].index("Your own columns")
    return str(rows[1][column] or "")


@pytest.mark.parametrize(("own", "shown"), SHAPES.values(), ids=SHAPES)
def test_an_own_key_of_any_shape_is_read_back_and_shown_as_written(
    tmp_path: Path, own: str, shown: str
) -> None:
    out, register = _assessed(tmp_path, own)
    _read_back(tmp_path, out)
    assert _own_cell(register) == f"own: {shown}"
    # the register made again from the JSON shows it alike
    again = tmp_path / "again.xlsx"
    assert _run("report", str(out), "-q", "-o", str(again)) == 0
    assert _own_cell(again) == f"own: {shown}"


def test_an_own_list_changed_is_a_change_shown_as_written(tmp_path: Path) -> None:
    old, _ = _assessed(tmp_path, "[x, y]")
    old = old.rename(tmp_path / "old.json")
    new, _ = _assessed(tmp_path, "[x, {z: [1, 2]}]")
    diff = tmp_path / "diff.json"
    assert _run("diff", str(old), str(new), "-o", str(diff), "-o", str(tmp_path / "d.md")) == 0
    changes = json.loads(diff.read_text("utf-8"))["suppliers_changed"]
    assert [(c["field"], c["old"], c["new"]) for c in changes] == [
        ("attributes.own", ["x", "y"], ["x", {"z": [1, 2]}])
    ]
    assert "| attributes.own | \\[x, y\\] | \\[x, {z: \\[1, 2\\]}\\] |" in (
        tmp_path / "d.md"
    ).read_text("utf-8")


def test_an_own_value_nested_deeper_than_yaml_is_read_is_refused_in_a_saved_file(
    tmp_path: Path,
) -> None:
    out, _ = _assessed(tmp_path, "[x]")
    document = json.loads(out.read_text("utf-8"))
    deep: Any = 1
    for _ in range(201):
        deep = [deep]
    document["suppliers"][0]["attributes"]["own"] = deep
    out.write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(app, ["report", str(out), "-o", str(tmp_path / "r.md")])
    assert done.exit_code == 2
    assert "$.suppliers[0].attributes.own: a list or object nested at most 200 levels" in (
        " ".join(done.output.split())
    )


# ---------------------------------------------------------------------------- any shape

_TEXT = st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=8)
_SINGLE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(),
    _TEXT,
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
)
_VALUES = st.recursive(
    _SINGLE,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(_TEXT | st.integers(0, 99), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(own=_VALUES)
def test_any_own_value_is_read_back_by_every_command(tmp_path: Path, own: Any) -> None:
    written = yaml.safe_dump({"own": own}, default_flow_style=True, width=10**6).strip()
    folder = tmp_path / str(abs(hash(written)))
    folder.mkdir(exist_ok=True)
    out, _ = _assessed(folder, written.removeprefix("{own: ").removesuffix("}"))
    _read_back(folder, out)
