"""The stages an assessment times for the benchmark, and the catalogue of facts the flags cite."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.assess import _Shared, assess
from ddtool.config import Config
from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import Chain, Company, Supplier
from ddtool.profiles import load_profiles
from ddtool.scoring import Evidence

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
# the pipeline's stages as bench/run.py prints them, in the order they run
STAGES = [
    "profiles",
    "read",
    "normalise",
    "validate",
    "graph",
    "score",
    "infer",
    "flag",
    "propagate",
    "document",
]


@pytest.mark.parametrize("sample", ["cocoa.yaml", "garment_vendor_list.xlsx"])
def test_an_assessment_times_each_stage_in_pipeline_order(sample: str) -> None:
    timings: dict[str, float] = {}
    assess([SAMPLES / sample], timings=timings)
    assert list(timings) == STAGES
    assert all(seconds >= 0 for seconds in timings.values())


def test_the_graph_tells_its_clock_the_checks_and_the_links_apart() -> None:
    chain = Chain(
        company=Company(),
        suppliers=[
            Supplier(id="A", buyers=[]),
            Supplier(id="B", buyers=["A"], share=0.7),
            Supplier(id="C", buyers=["A"], share=0.6),  # shares of A's suppliers over one
        ],
    )
    told: list[str] = []
    problems = ProblemList()
    build_graph(chain, problems, told.append)
    assert told == ["validate", "graph", "validate"]
    assert [p.type for p in problems.errors] == ["shares-over-one"]  # the checks still ran


def _fact_ids(shared: _Shared, *evidence: Evidence) -> list[str]:
    return shared.evidence(list(evidence))


def test_equal_facts_in_other_objects_get_one_id_and_one_catalogue_entry() -> None:
    shared = _Shared(load_profiles(), Config().flag_level)
    first = Evidence("child labour prevalence", 12.5, 2024, "ILO", "")
    again = Evidence("child labour prevalence", 12.5, 2024, "ILO", "")
    assert first is not again
    [one] = _fact_ids(shared, first)
    [two] = _fact_ids(shared, again)
    assert one == two and one.startswith("EV-")
    assert shared.facts() == {one: first.as_dict()}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # equal in Python, written differently in the catalogue: two facts
        (Evidence("x", 1, 2024, "S"), Evidence("x", 1.0, 2024, "S")),
        (Evidence("x", 1, 2024, "S"), Evidence("x", True, 2024, "S")),
        (Evidence("x", 0.0, 2024, "S"), Evidence("x", -0.0, 2024, "S")),
        # a note, a year or none
        (Evidence("x", 1, 2024, "S"), Evidence("x", 1, 2024, "S", "note")),
        (Evidence("x", 1, 2024, "S"), Evidence("x", 1, None, "S")),
    ],
)
def test_facts_written_differently_keep_their_own_ids(a: Evidence, b: Evidence) -> None:
    shared = _Shared(load_profiles(), Config().flag_level)
    [one], [two] = _fact_ids(shared, a), _fact_ids(shared, b)
    assert one != two
    assert shared.facts() == {one: a.as_dict(), two: b.as_dict()}


def test_a_missing_note_reads_as_it_did_in_the_fact_id() -> None:
    """The id is made from the catalogue's values, "None" for a note not given: the ids in
    earlier registers stay the same."""
    import hashlib

    shared = _Shared(load_profiles(), Config().flag_level)
    fact = Evidence("x", 0.25, None, "S")
    [made] = _fact_ids(shared, fact)
    text = "\x1f".join(["x", "0.25", "None", "S", "None"])
    assert made == "EV-" + hashlib.sha1(text.encode()).hexdigest()[:10]
