"""What docs/sample-chains.md and docs/input-format.md say of the samples and examples holds:
a workbook carries the fields its YAML twin has that the doc says it carries, the garment
sample's failed audit counts on the day it is run (for years to come), and the sector texts
input-format §9 names get what it says."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess
from ddtool.profiles import load_profiles

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_chains"

# workbook, its YAML twin, the supplier fields the doc says the workbook carries as they are
CARRIED = [
    (
        "cocoa_suppliers.xlsx",
        "cocoa.yaml",
        ["country", "region", "sector", "buyers", "share", "workers", "tiers", "products"],
    ),
    (
        "garment_vendor_list.xlsx",
        "garment.yaml",
        ["country", "region", "sector", "buyers", "share", "workers", "tiers", "female_pct"],
    ),
]


@pytest.mark.parametrize(("book", "chain", "fields"), CARRIED, ids=[c[0] for c in CARRIED])
def test_a_sample_workbook_carries_what_its_yaml_has(
    book: str, chain: str, fields: list[str]
) -> None:
    def mapped(name: str) -> dict[str, dict[str, object]]:
        doc = assess([SAMPLES / name]).data
        return {s["id"]: {f: s[f] for f in fields} for s in doc["suppliers"] if not s["inferred"]}

    from_yaml, from_book = mapped(chain), mapped(book)
    assert from_book == from_yaml
    assert any(s["share"] is not None for s in from_yaml.values())
    assert any(s["region"] for s in from_yaml.values())


@pytest.mark.parametrize("as_of", [dt.date(2026, 11, 27), dt.date(2028, 5, 31)])
def test_the_garment_samples_failed_audit_counts(as_of: dt.date) -> None:
    """docs/sample-chains.md: "SPN-IN-1 has a failed audit" (not one too old to count)."""
    doc = assess([SAMPLES / "garment.yaml"], AssessOptions(as_of=as_of)).data
    spinner = next(s for s in doc["suppliers"] if s["id"] == "SPN-IN-1")
    assert spinner["audits"] == ["audit 'SMETA' of 2026-06-12 failed"]


def _quoted(text: str) -> list[str]:
    return re.findall(r'"([^"]+)"', text)


def test_input_formats_examples_of_names_and_other_words_are_read_as_it_says() -> None:
    """§9: the words written as names keep the farm; the others get `unknown-sector`."""
    doc = " ".join((ROOT / "docs" / "input-format.md").read_text("utf-8").split())
    said = re.search(r"known place: (.*?) are farms; (.*?) \(title case says nothing\)", doc)
    assert said, "the sentence of input-format §9 moved"
    farms, warned = _quoted(said.group(1)), _quoted(said.group(2))
    assert len(farms) == 3 and len(warned) == 3
    profiles = load_profiles()
    read = {text: profiles.match_sector(text).id for text in farms + warned}
    assert {t: read[t] for t in farms if not str(read[t]).endswith("-farming")} == {}
    assert {t: read[t] for t in warned if read[t] is not None} == {}
