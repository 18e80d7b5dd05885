"""Sector-reading cases for tests (import this module by name: not from conftest)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SECTOR_CASES = Path(__file__).resolve().parent / "assets" / "sectors"


def sector_cases(name: str) -> list[dict[str, Any]]:
    """The cases of one table under tests/assets/sectors (each a mapping with its `text`)."""
    cases: list[dict[str, Any]] = yaml.safe_load((SECTOR_CASES / name).read_text(encoding="utf-8"))
    return cases


def suggested_ids(suggestion: str | None) -> list[str]:
    """The sector ids a suggestion names, in its order ("'a' (A) or 'b' (B)": a, b)."""
    return [part.split("'")[1] for part in (suggestion or "").split(" (")[:-1] if "'" in part]
