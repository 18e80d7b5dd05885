"""Fixtures for the reporter tests, and the `browser` marker for tests that drive Chromium."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: renders a report in headless Chromium (skipped locally without it)"
    )
