"""Small chains assessed from a list of suppliers, for the engine's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ddtool.assess import Assessment, assess

BUYER = {"name": "Buyer", "country": "DE"}


def chain_file(
    tmp_path: Path, suppliers: list[dict[str, Any]], company: dict[str, Any] = BUYER
) -> Path:
    """A YAML chain of these suppliers (records), bought by this company (a German one
    named "Buyer")."""
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump({"company": company, "suppliers": suppliers}), encoding="utf-8")
    return path


def assessment_of(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Assessment:
    """The assessment of a chain of these suppliers (see chain_file)."""
    return assess([chain_file(tmp_path, suppliers)])
