"""The full assessment as JSON: the contract that `report`, `diff` and `batch` read."""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import orjson

from ddtool.atomic import atomic_open
from ddtool.deferred import Deferred, resolved
from ddtool.reporters.interface import Reporter

# Above this many suppliers the JSON is written without indentation (a third smaller and
# faster); it is the same data, and `python -m json.tool` indents it for reading.
INDENT_LIMIT = 5000
# the integers orjson writes (64 bits); ddtool writes no others, and reads no others back
INTEGERS = range(-(2**63), 2**64)
# Large lists are serialised this many items at a time, so that writing one chunk to disk
# (which releases the interpreter lock) overlaps with serialising the next
CHUNK = 20_000


def _compact(document: dict[str, Any]) -> bool:
    return len(document.get("suppliers", [])) > INDENT_LIMIT


def dump_bytes(document: dict[str, Any]) -> bytes:
    """Deterministic UTF-8 JSON (key order as built, trailing newline)."""
    document = resolved(document)
    option = 0 if _compact(document) else orjson.OPT_INDENT_2
    return orjson.dumps(document, option=option) + b"\n"


def dumps(document: dict[str, Any]) -> str:
    """The same JSON as text."""
    return dump_bytes(document).decode("utf-8")


Piece = bytes | memoryview | IO[bytes]  # a file: its bytes, from the start (see Deferred)


def iter_compact(document: dict[str, Any]) -> Iterator[Piece]:
    """The compact JSON in pieces; joined, exactly `orjson.dumps(document)` plus a newline.

    A Deferred value comes as the file its forked process serialised it to, when that
    succeeded; otherwise it is built here.
    """
    yield b"{"
    for i, (key, value) in enumerate(document.items()):
        yield (b"," if i else b"") + orjson.dumps(key) + b":"
        if isinstance(value, Deferred):
            yield from _deferred_pieces(value)
        else:
            yield from value_pieces(value)
    yield b"}\n"


def _deferred_pieces(value: Deferred) -> Iterator[Piece]:
    """A Deferred value: what was serialised ahead (after the head, built here, of a list),
    or else the value built here."""
    if value.built:  # already built here (read by another report): use that
        value.close()  # and stop the forked process's work, not wait for it
        yield from value_pieces(value.value())
        return
    if not value.has_head:
        spill = value.spilled()
        yield from value_pieces(value.value()) if spill is None else (spill,)
        return
    # this process's part is serialised before waiting for the forked process's
    try:
        head = value.head()
        yield b"["
        yield from item_pieces(head)
        spill = value.spilled()
    except BaseException:  # the writing stopped before the forked part was taken: stop it
        value.close()
        raise
    if spill is None:  # the rest built here after all
        rest = value.value()[len(head) :]
        if head and rest:
            yield b","
        yield from item_pieces(rest)
    else:
        if head and os.fstat(spill.fileno()).st_size:
            yield b","
        yield spill
    yield b"]"


def item_pieces(items: list[Any]) -> Iterator[bytes | memoryview]:
    """A list's items in compact JSON, comma-separated, without the brackets."""
    for start in range(0, len(items), CHUNK):
        piece = orjson.dumps(items[start : start + CHUNK])
        if start:
            yield b","
        yield memoryview(piece)[1:-1]


def value_pieces(value: Any) -> Iterator[bytes | memoryview]:
    """One value's compact JSON in pieces (a long list a chunk of items at a time)."""
    if isinstance(value, list) and len(value) > CHUNK:
        yield b"["
        yield from item_pieces(value)
        yield b"]"
    else:
        yield orjson.dumps(value)


def write_pieces(pieces: Iterator[Piece], handle: BinaryIO) -> None:
    """Write pieces from a second thread while the next ones are being produced."""
    ready: queue.Queue[Piece | None] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def drain() -> None:
        try:
            while (piece := ready.get()) is not None:
                if isinstance(piece, bytes | memoryview):
                    handle.write(piece)
                else:
                    with piece:
                        copy_file(piece, handle)
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


def copy_file(source: IO[bytes], target: BinaryIO) -> None:
    """The rest of source (from its position) appended to target: inside the kernel where
    it can (no copy through this process), through a buffer for whatever that leaves."""
    fd = source.fileno()
    left = os.fstat(fd).st_size - os.lseek(fd, 0, os.SEEK_CUR)
    target.flush()
    if hasattr(os, "copy_file_range"):
        with contextlib.suppress(OSError):  # not between these files: the usual way
            while left > 0 and (done := os.copy_file_range(fd, target.fileno(), left)):
                left -= done
    while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
        target.write(chunk)
        left -= len(chunk)
    if left:
        raise OSError(f"a part of the JSON was cut short ({left} bytes missing)")


class JsonReporter(Reporter):
    suffix = ".json"
    name = "json"

    def write(self, document: dict[str, Any], path: Path) -> None:
        """Write the document; values still Deferred are taken from their forked process
        (large documents) or built now."""
        with atomic_open(path) as handle:
            if _compact(document):
                write_pieces(iter_compact(document), handle)
            else:
                handle.write(dump_bytes(document))
