"""Every output file is written through here: temp file in the same directory, fsync, rename.

Inside `published_together`, the renames wait until the block ends: the outputs of one run
are then put in place together, or none is (a report that fails on its third output leaves
the first two as they were)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

# the finished temporary files waiting to be renamed into place, each with its path, while
# a `published_together` block runs (None outside one)
_held: list[tuple[str, Path]] | None = None


@contextlib.contextmanager
def published_together() -> Iterator[None]:
    """Files written with atomic_open inside the block are renamed into place when it ends
    without an error, in the order they were written; on an error (or an interrupt) none
    is, and their temporary files are removed. (A rename that fails, on a full or lost
    disk, stops the others: those renamed stay, and the caller can tell which by looking.)"""
    global _held
    if _held is not None:  # (nested: the outer block publishes)
        yield
        return
    held: list[tuple[str, Path]] = []
    _held = held
    try:
        yield
        while held:
            tmp, path = held[0]
            try:
                os.replace(tmp, path)
            except OSError as e:  # (named as the user gave it, not as the temporary file)
                raise OSError(e.errno, f"cannot be written: {e.strerror}", str(path)) from e
            held.pop(0)
            _sync_folder(path.parent)
    finally:
        _held = None
        for tmp, _ in held:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside path; on success it replaces path, on error it vanishes."""
    path = Path(path)
    directory = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as e:  # named as the user gave it, not as the temporary file
        raise OSError(e.errno, f"cannot be written: {e.strerror}", str(path)) from None
    try:
        # mkstemp creates 0600; give the file the mode a plain open() would (or keep the
        # mode of the file it replaces)
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if _held is not None:  # (renamed when the block ends: see published_together)
            _held.append((tmp, path))
            return
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError) and e.filename in (None, tmp):  # a full disk, say
            raise OSError(e.errno, f"cannot be written: {e.strerror}", str(path)) from e
        raise
    _sync_folder(directory)


def _sync_folder(directory: Path) -> None:
    """Make a rename into the folder durable."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _mode_for(path: Path) -> int:
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write bytes or UTF-8 text to path atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path) as handle:
        handle.write(payload)


def write_atomic_with(path: Path, writer: Callable[[BinaryIO], None]) -> None:
    """Let writer fill the file (e.g. a workbook save) and publish it atomically."""
    with atomic_open(path) as handle:
        writer(handle)


def missing_folders(folder: Path) -> list[Path]:
    """The folders of this path that do not exist yet, the deepest first (to remove, with
    `remove_empty`, those a run made when it stops before writing into them)."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def remove_empty(folders: list[Path]) -> None:
    """Remove these folders, in order, where they are empty (an output written stays)."""
    for folder in folders:
        with contextlib.suppress(OSError):
            folder.rmdir()
