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


OWN_HEADER = "Supplier ID,Supplier name,Country,Sector,Audit standard,Audit date,Audit result\n"
SMETA_ROW = "A1,Alpha Farm,Ghana,cocoa farming,SMETA,2025-03-14,pass\n"


def _own_audits(tmp_path: Path, kind: str) -> list[Path]:
    """A supplier of the user's holding a real SMETA audit of the example's day."""
    if kind == "beside the example left in the template":
        template = _template(tmp_path, ".csv", rename=False)
        header = template.read_text("utf-8-sig").splitlines()[0].split(",")
        own = dict(zip(OWN_HEADER.strip().split(","), SMETA_ROW.strip().split(","), strict=True))
        with template.open("a", encoding="utf-8") as f:
            f.write(",".join(own.get(column, "") for column in header) + "\n")
        return [template]
    own_list = tmp_path / "own.csv"
    own_list.write_text(OWN_HEADER + SMETA_ROW, "utf-8")
    return [_template(tmp_path, ".xlsx", rename=True), own_list]


@pytest.mark.parametrize(
    "kind", ["beside the example left in the template", "in another file than the template"]
)
def test_a_real_audit_of_the_examples_day_is_no_leftover(tmp_path: Path, kind: str) -> None:
    """It was told to clear its audit, as a leftover of the template's example row."""
    chain, problems = read_chain(_own_audits(tmp_path, kind))
    [alpha] = [s for s in chain.suppliers if s.id == "A1"]
    assert [(a.standard, str(a.date)) for a in alpha.audits] == [("SMETA", "2025-03-14")]
    told = [p.message for p in problems.items if p.type == "template-example-values"]
    assert not [m for m in told if "(A1)" in m], told
