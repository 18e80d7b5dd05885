"""A downstream listing names the country its inputs come from, not the inputs (the 2022 list's
row for lithium-ion batteries from China: input country the DRC, its three labour flags 'no').
Which inputs are meant is ddtool's reading (the goods listed in that country upstream), and
every output says so: the evidence's value is what the list says, its note the reading. Before,
the value cited to the list read "listed inputs there: Cobalt ore, …; all listed for child
labour", as if the list named them."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.profiles import load_profiles
from ddtool.reporters import reporter_for

ROOT = Path(__file__).resolve().parents[2]
CHAIN = ROOT / "sample_chains" / "electronics_minerals.yaml"
READING = "ddtool's own reading, not the list's: the inputs meant are the goods listed there, "
INPUTS = "Cobalt ore (heterogenite), Copper, Gold, Tantalum ore (coltan)"


def _batteries() -> Any:
    (listing,) = [
        g for g in load_profiles().goods if g.good == "Lithium-Ion Batteries" and g.iso3 == "CHN"
    ]
    return listing


def test_the_listing_says_what_the_list_says_and_the_reading_apart() -> None:
    listing = _batteries()
    assert listing.downstream and listing.input_country == "Congo, Democratic Republic of the"
    assert listing.listed_as == (
        "listed as a downstream good: produced with inputs from Congo, Democratic Republic of"
        " the made with child labour or forced labour (the list names the country of the"
        " inputs, not the inputs)"
    )
    assert "Cobalt" not in listing.listed_as
    assert listing.inputs_read.startswith(READING + INPUTS)
    assert listing.inputs_read.endswith(", all listed for child labour")
    assert listing.listed_and_read == f"{listing.listed_as}; {listing.inputs_read}"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return assess([CHAIN]).data


def test_the_evidence_value_is_the_lists_and_the_note_is_the_reading(
    document: dict[str, Any],
) -> None:
    facts = [
        e
        for e in document["evidence"].values()
        if e["indicator"] == "US DOL List of Goods: Lithium-Ion Batteries (China)"
    ]
    assert facts
    for fact in facts:
        assert "Cobalt" not in fact["value"]
        assert fact["value"].startswith("listed as a downstream good: produced with inputs from")
        assert fact["note"].startswith(READING + INPUTS)


@pytest.mark.parametrize("suffix", [".json", ".html", ".md", ".csv"])
def test_every_output_names_the_inputs_as_the_reading_only(
    document: dict[str, Any], tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"out{suffix}"
    reporter_for(path).write(document, path)
    text = path.read_text(encoding="utf-8")
    text = html.unescape(text) if suffix == ".html" else text
    if suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    assert "listed inputs there" not in text
    assert text.count(INPUTS) == text.count(READING + INPUTS)


def test_explain_names_the_inputs_as_the_reading_only() -> None:
    result = CliRunner().invoke(app, ["explain", str(CHAIN), "CELL-CN-1"], env={"COLUMNS": "1000"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "produced with inputs from Congo, Democratic Republic of the" in text
    assert "listed inputs there" not in text
    assert text.count(INPUTS) == text.count(READING + INPUTS) > 0
