"""Risk-data overlays for tests (import this module by name: not from conftest)."""

from __future__ import annotations

import csv
from pathlib import Path

from ddtool.profiles import bundled_dir


def ghana_overlay(folder: Path, value: str) -> Path:
    """An overlay folder giving Ghana's modern-slavery prevalence this value (the bundled
    row with its value changed), written anew each time."""
    with (bundled_dir() / "countries.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        fields = list(reader.fieldnames or [])
        [row] = [
            r
            for r in reader
            if r["iso3"] == "GHA" and r["indicator"] == "gsi2023_prevalence_per_1000"
        ]
    folder.mkdir(exist_ok=True)
    with (folder / "countries.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerow({**row, "value": value})
    return folder
