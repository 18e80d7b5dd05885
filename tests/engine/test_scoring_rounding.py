"""The priority is the product of the printed likelihood and severity, rounded half up as an
auditor rounds it by hand (methodology 3.7), whatever the binary floats make of it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ddtool.scoring import printed_product

CASES = [
    # likelihood, severity, printed priority (each a case a product of floats rounded down)
    (0.0375, 0.5, 0.0188),
    (0.595, 0.85, 0.5058),
    (0.5002, 0.85, 0.4252),
    (0.9, 0.9, 0.81),
    (1.0, 1.0, 1.0),
    (0.0, 0.95, 0.0),
]


@pytest.mark.parametrize(("likelihood", "severity", "priority"), CASES)
def test_printed_product(likelihood: float, severity: float, priority: float) -> None:
    assert printed_product(likelihood, severity) == priority


figures = st.integers(min_value=0, max_value=10_000).map(lambda n: n / 10_000)


@given(figures, figures)
def test_the_product_is_the_hand_rounded_one(likelihood: float, severity: float) -> None:
    by_hand = (Decimal(str(likelihood)) * Decimal(str(severity))).quantize(
        Decimal("0.0001"), ROUND_HALF_UP
    )
    assert printed_product(likelihood, severity) == float(by_hand)
