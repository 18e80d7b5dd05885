"""The full assessment as JSON: the contract that `report`, `diff` and `batch` read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ddtool.atomic import write_atomic
from ddtool.reporters.interface import Reporter


def dumps(document: dict[str, Any]) -> str:
    """Deterministic JSON text (key order as built, UTF-8, trailing newline)."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class JsonReporter(Reporter):
    suffix = ".json"
    name = "json"

    def write(self, document: dict[str, Any], path: Path) -> None:
        write_atomic(path, dumps(document))
