"""The registers name each country indicator in words, its code kept beside it, as
`ddtool explain` names it; the terminal's data-gap table says how many gaps it leaves out."""

from __future__ import annotations

import pytest

from ddtool.document import INDICATOR_NAMES, indicator_words
from ddtool.reporters.shown import evidence_text
from ddtool.scoring import COUNTRY_SPECS, _plain_label


def test_every_indicator_a_score_reads_is_named_as_the_score_names_it() -> None:
    named = {
        code: _plain_label(label)
        for specs in COUNTRY_SPECS.values()
        for label, codes, _fn, _weight in specs
        for code in codes
    }
    assert named == INDICATOR_NAMES


@pytest.mark.parametrize(
    ("indicator", "shown"),
    [
        (
            "gsi2023_prevalence_per_1000 (CIV)",
            "modern slavery per 1,000 (gsi2023_prevalence_per_1000, CIV)",
        ),
        (
            "ilab_working_children_pct_age_10-14 (GHA)",
            "working children (% of age group) (ilab_working_children_pct_age_10-14, GHA)",
        ),
        ("ilo_C138_status", "C138 ratified? (ilo_C138_status)"),
        # anything else as it is: listings, ratings, adjustments, words already
        ("US DOL List of Goods: Cocoa (Ghana)", "US DOL List of Goods: Cocoa (Ghana)"),
        ("working children (% of age group) (GHA)", "working children (% of age group) (GHA)"),
        ("gsi2023_estimated_number (CIV)", "gsi2023_estimated_number (CIV)"),
        ("", ""),
    ],
)
def test_indicator_words(indicator: str, shown: str) -> None:
    assert indicator_words(indicator) == shown


def test_an_evidence_line() -> None:
    item = {
        "indicator": "ituc_global_rights_index_rating (GHA)",
        "value": 2.0,
        "year": 2026,
        "source": "ITUC Global Rights Index 2026",
    }
    assert evidence_text(item) == (
        "ITUC rights rating (ituc_global_rights_index_rating, GHA): 2"
        " (2026, ITUC Global Rights Index 2026)"
    )
