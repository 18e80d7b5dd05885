"""Hostile and odd input met at the edges: ids that look like paths, unsafe characters in
options and in YAML, over-long cells and references."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("supplier_id", ["PO/2025/", "A//B", "./C", "D/./E", "../F"])
def test_explain_takes_the_id_as_written(tmp_path: Path, supplier_id: str) -> None:
    """The supplier id is text, not a path: no slash or dot of it is normalised away."""
    chain = tmp_path / "slash_ids.csv"
    chain.write_text(
        "id,name,country,sector\n" + f"{supplier_id},Slashed co,GHA,cocoa-farming\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(chain), supplier_id])
    assert result.exit_code == 0, result.output
    assert f"company → {supplier_id}" in " ".join(result.output.split())


def test_explain_with_an_empty_id_names_it_empty() -> None:
    chain = ROOT / "sample_chains" / "services.yaml"
    result = CliRunner().invoke(app, ["explain", str(chain), ""])
    assert result.exit_code == 2
    assert "no supplier ''" in result.output


@pytest.mark.parametrize(
    ("company", "code", "kind", "name"),
    [
        ("\u202eevil\a", 2, "[unsafe-characters]", None),
        ("Evil\x1b[31m Ltd", 2, "[unsafe-characters]", None),
        ("\u202eevil", 0, "[text-direction]", "evil"),
        ("x" * 301, 2, "[too-long]", None),
        ("  Plain Co ", 0, None, "Plain Co"),
    ],
)
def test_company_option_is_checked_as_a_name_in_a_file(
    tmp_path: Path, company: str, code: int, kind: str | None, name: str | None
) -> None:
    """--company reaches the terminal and every report as the file's company name would: it
    meets the same checks, with the option named as where the problem is."""
    out = tmp_path / "out.json"
    chain = ROOT / "sample_chains" / "services.yaml"
    result = CliRunner().invoke(app, ["assess", str(chain), "--company", company, "-o", str(out)])
    assert result.exit_code == code, result.output
    if kind is not None:
        assert kind in result.output
        assert "--company" in result.output
    if name is None:
        assert not out.exists()
    else:
        assert json.loads(out.read_text(encoding="utf-8"))["company"]["name"] == name
