"""Every output file is written through here: temp file in the same directory, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside path; on success it replaces path, on error it vanishes."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
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
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError) and e.filename in (None, tmp):  # a full disk, say
            raise OSError(e.errno, f"cannot be written: {e.strerror}", str(path)) from e
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
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
