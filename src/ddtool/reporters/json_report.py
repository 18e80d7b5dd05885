"""The full assessment as JSON: the contract that `report`, `diff` and `batch` read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from ddtool.atomic import write_atomic
from ddtool.reporters.interface import Reporter

# Above this many suppliers the JSON is written without indentation (a third smaller and
# faster); it is the same data, and `python -m json.tool` indents it for reading.
INDENT_LIMIT = 5000


def dump_bytes(document: dict[str, Any]) -> bytes:
    """Deterministic UTF-8 JSON (key order as built, trailing newline)."""
    large = len(document.get("suppliers", [])) > INDENT_LIMIT
    return orjson.dumps(document, option=0 if large else orjson.OPT_INDENT_2) + b"\n"


def dumps(document: dict[str, Any]) -> str:
    """The same JSON as text."""
    return dump_bytes(document).decode("utf-8")


class JsonReporter(Reporter):
    suffix = ".json"
    name = "json"

    def write(self, document: dict[str, Any], path: Path) -> None:
        write_atomic(path, dump_bytes(document))
