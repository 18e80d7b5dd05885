"""Small chains assessed from a list of suppliers, for the engine's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ddtool.assess import Assessment, assess

BUYER = {"name": "Buyer", "country": "DE"}


def assessment_of(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Assessment:
    """The assessment of a chain of these suppliers (YAML records), bought by a German
    company named "Buyer"."""
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump({"company": BUYER, "suppliers": suppliers}), encoding="utf-8")
    return assess([path])
