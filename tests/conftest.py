"""Shared fixtures: paths to the repository's samples and assets."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_chains"
ASSETS = ROOT / "tests" / "assets"


@pytest.fixture(autouse=True)
def _pinned_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Assessments depend on the date (audit expiry): pin it so tests are reproducible."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25T00:00:00Z
