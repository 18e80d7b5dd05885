"""The full assessment as JSON: the contract that `report`, `diff` and `batch` read."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from ddtool.atomic import atomic_open
from ddtool.reporters.interface import Reporter

# Above this many suppliers the JSON is written without indentation (a third smaller and
# faster); it is the same data, and `python -m json.tool` indents it for reading.
INDENT_LIMIT = 5000
# Large lists are serialised this many items at a time, so that writing one chunk to disk
# (which releases the interpreter lock) overlaps with serialising the next
CHUNK = 20_000


def _compact(document: dict[str, Any]) -> bool:
    return len(document.get("suppliers", [])) > INDENT_LIMIT


def dump_bytes(document: dict[str, Any]) -> bytes:
    """Deterministic UTF-8 JSON (key order as built, trailing newline)."""
    if _compact(document):
        return b"".join(iter_compact(document))
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def dumps(document: dict[str, Any]) -> str:
    """The same JSON as text."""
    return dump_bytes(document).decode("utf-8")


def iter_compact(document: dict[str, Any]) -> Iterator[bytes | memoryview]:
    """The compact JSON in pieces; joined, exactly `orjson.dumps(document)` plus a newline."""
    yield b"{"
    for i, (key, value) in enumerate(document.items()):
        yield (b"," if i else b"") + orjson.dumps(key) + b":"
        if isinstance(value, list) and len(value) > CHUNK:
            yield b"["
            for start in range(0, len(value), CHUNK):
                piece = orjson.dumps(value[start : start + CHUNK])
                if start:
                    yield b","
                yield memoryview(piece)[1:-1]  # the items without their brackets, not copied
            yield b"]"
        else:
            yield orjson.dumps(value)
    yield b"}\n"


def write_pieces(pieces: Iterator[bytes | memoryview], handle: BinaryIO) -> None:
    """Write pieces from a second thread while the next ones are being produced."""
    ready: queue.Queue[bytes | memoryview | None] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def drain() -> None:
        try:
            while (piece := ready.get()) is not None:
                handle.write(piece)
        except BaseException as e:  # re-raised in the caller's thread
            failure.append(e)
            while ready.get() is not None:  # let the producer finish without blocking
                pass

    writer = threading.Thread(target=drain, name="json-writer", daemon=True)
    writer.start()
    try:
        for piece in pieces:
            ready.put(piece)
    finally:
        ready.put(None)
        writer.join()
    if failure:
        raise failure[0]


class JsonReporter(Reporter):
    suffix = ".json"
    name = "json"

    def write(self, document: dict[str, Any], path: Path) -> None:
        with atomic_open(path) as handle:
            if _compact(document):
                write_pieces(iter_compact(document), handle)
            else:
                handle.write(dump_bytes(document))
