"""A share-weighted priority (`weighted_priority`) is worked from the printed figures beneath it.

Methodology section 3.7: every step is worked out from the printed figures of the steps
before it, in decimals, rounded half up, so that an auditor repeating a step gets the printed
figure. The roll-up summed its suppliers' unrounded weighted figures in binary floats and
rounded the sum with round(): a Dutch grinder over Ivorian (share 0.6, 0.7331) and Ghanaian
(0.4, 0.72) traders showed 0.7278 where 0.6 × 0.7331 + 0.4 × 0.72 = 0.72786 is 0.7279, and
0.65 × 0.393 + 0.35 × 0.34 = 0.37445 was shown 0.3744, not 0.3745.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import RISK_TYPES, Chain, Company, Supplier
from ddtool.propagation import Own, roll_up_exposure
from ddtool.scoring import Score, half_up

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_chains").glob("*.yaml"))
_DOCUMENTS: dict[str, dict[str, Any]] = {}


def _document(name: str) -> dict[str, Any]:
    """A bundled sample chain's assessment document (assessed once per test process)."""
    if name not in _DOCUMENTS:
        _DOCUMENTS[name] = assess([ROOT / "sample_chains" / name]).data
    return _DOCUMENTS[name]


def _by_hand(shares: list[float | None], figures: list[float]) -> float:
    """The share-weighted figure as section 8 states it, worked by hand: shares as written,
    the rest split equally among suppliers without one, normalised (equal if all 0), each
    times the supplier's printed figure, the sum rounded half up."""
    given = [None if v is None else Fraction(repr(v)) for v in shares]
    known = sum((v for v in given if v is not None), Fraction(0))
    unknown = given.count(None)
    rest = max(Fraction(0), 1 - known) / unknown if unknown else Fraction(0)
    weights = [v if v is not None else rest for v in given]
    total = sum(weights, Fraction(0))
    if total <= 0:
        weights = [Fraction(1)] * len(weights)
        total = Fraction(len(weights))
    return half_up(
        sum(
            (w / total * Fraction(repr(f)) for w, f in zip(weights, figures, strict=True)),
            Fraction(0),
        )
    )


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_weighted_priority_repeats_from_the_printed_figures(path: Path) -> None:
    """Each node's weighted priority, as the JSON prints it, is the larger of its own
    printed priority and the share-weighted figure of its suppliers' printed ones."""
    doc = _document(path.name)
    suppliers = doc["suppliers"]
    beneath: dict[str, list[dict[str, Any]]] = {}
    for s in suppliers:
        for buyer in s["buyers"]:
            beneath.setdefault(buyer, []).append(s)
    nodes = [
        (doc["company"]["id"], doc["company"], None),
        *((s["id"], s, s["risk"]) for s in suppliers),
    ]
    checked = 0
    for node_id, node, risk in nodes:
        children = sorted(beneath.get(node_id, []), key=lambda s: s["id"])
        for rt in RISK_TYPES:
            own = risk[rt]["priority"] if risk else 0.0
            printed = node["exposure"][rt]["weighted_priority"]
            if not children:
                assert printed == own, (node_id, rt)
                continue
            mixed = _by_hand(
                [c.get("share") for c in children],
                [c["exposure"][rt]["weighted_priority"] for c in children],
            )
            assert printed == max(own, mixed), (node_id, rt, printed, own, mixed)
            checked += 1
    assert checked


@pytest.mark.parametrize(
    ("chain", "node", "risk_type", "figure"),
    [
        # 0.6 × 0.7331 + 0.4 × 0.72 = 0.72786 (was 0.7278)
        ("cocoa.yaml", "GRD-NL-1", "child_labour", 0.7279),
        # 0.65 × 0.393 + 0.35 × 0.34 = 0.37445, a half: up (was 0.3744)
        ("cocoa.yaml", "SUG-TRD-1", "human_trafficking", 0.3745),
        ("electronics_minerals.yaml", "CMP-MY-1", "forced_labour", 0.6426),
    ],
)
def test_weighted_priorities_of_the_samples(
    chain: str, node: str, risk_type: str, figure: float
) -> None:
    supplier = next(s for s in _document(chain)["suppliers"] if s["id"] == node)
    assert supplier["exposure"][risk_type]["weighted_priority"] == figure


def test_explain_shows_the_figure_the_json_has() -> None:
    result = CliRunner().invoke(
        app,
        [
            "explain",
            str(ROOT / "sample_chains" / "cocoa.yaml"),
            "GRD-NL-1",
            "--as-of",
            "2026-11-28",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "share-weighted 0.7279" in result.output
    assert "share-weighted 0.7278" not in result.output


# a printed figure: four decimals
FIGURES = st.integers(min_value=0, max_value=10_000).map(lambda units: units / 10_000)
# (six at most: their sum stays within 1)
SHARES = st.one_of(st.none(), st.integers(min_value=0, max_value=16).map(lambda cents: cents / 100))


@settings(max_examples=300, deadline=None)
@given(
    below=st.lists(st.tuples(SHARES, FIGURES, FIGURES, FIGURES), min_size=1, max_size=6),
    own=FIGURES,
)
def test_weighted_priority_is_the_half_up_of_the_printed_figures_beneath(
    below: list[tuple[float | None, float, float, float]], own: float
) -> None:
    """A buyer over traders, each over two farms (shares 0.35 and 0.65): the buyer's
    weighted priority is worked from the traders' printed weighted figures (each the
    larger of its own and its farms'), not from the unrounded sums beneath them."""
    suppliers = [Supplier(id="B", buyers=["company"])]
    figures: dict[str, Own] = {}
    zero = Score(0.0, 0.0, 0.0, "low")
    for i, (share, trader, farm, other) in enumerate(below):
        suppliers += [
            Supplier(id=f"T{i}", buyers=["B"], share=share),
            Supplier(id=f"F{i}", buyers=[f"T{i}"], share=0.35),
            Supplier(id=f"G{i}", buyers=[f"T{i}"], share=0.65),
        ]
        figures[f"T{i}"] = ((zero,) * 3, (trader,) * 3, 0)
        figures[f"F{i}"] = ((zero,) * 3, (farm,) * 3, 0)
        figures[f"G{i}"] = ((zero,) * 3, (other,) * 3, 0)
    figures["B"] = ((zero,) * 3, (own,) * 3, 0)
    supply = build_graph(Chain(company=Company(), suppliers=suppliers), ProblemList())
    exposure, _ = roll_up_exposure(supply, figures)
    traders = []
    for i, (_, trader, farm, other) in enumerate(below):
        printed = exposure[f"T{i}"]["child_labour"].weighted
        assert printed == max(trader, _by_hand([0.35, 0.65], [farm, other]))
        traders.append(printed)
    expected = max(own, _by_hand([s for s, *_ in below], traders))
    for rt in RISK_TYPES:
        assert exposure["B"][rt].weighted == expected
        assert exposure["company"][rt].weighted == expected
