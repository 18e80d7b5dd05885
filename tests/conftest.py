"""Shared fixtures: paths to the repository's samples and assets."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# no time limit per example: a property holds or not whatever the machine's load (a loaded
# machine failed examples on hypothesis's default 200 ms); the benchmark measures speed
settings.register_profile("ddtool", deadline=None)
settings.load_profile("ddtool")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_chains"
ASSETS = ROOT / "tests" / "assets"

# The tests keep the checked risk profiles in a cache of their own (set before any test
# module loads the profiles), not in the user's, and remove it at the end.
if "DDTOOL_CACHE_DIR" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="ddtool-test-cache-")
    os.environ["DDTOOL_CACHE_DIR"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _pinned_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """Assessments depend on the date (audit expiry): pin it so tests are reproducible."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")  # 2025-11-25T00:00:00Z
