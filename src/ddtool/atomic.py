"""Every output file is written through here: temp file in the same directory, fsync, rename.

Inside `published_together`, the renames wait until the block ends: the outputs of one run
are then put in place together, or none is (a report that fails on its third output leaves
the first two as they were). A file removed there with `remove_together` goes at that moment
too, in its turn among the renames."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import BinaryIO

# the finished temporary files waiting to be renamed into place, each with its path, while
# a `published_together` block runs (None outside one); a path with no temporary file (None)
# is one to remove (remove_together)
_held: list[tuple[str | None, Path]] | None = None


class PublishError(OSError):
    """A rename that put the outputs in place together failed: those in `published` were
    replaced, those in `unpublished` were not (each keeps what it held before, if anything)."""

    published: list[Path]
    unpublished: list[Path]


@contextlib.contextmanager
def published_together() -> Iterator[None]:
    """Files written with atomic_open inside the block are renamed into place when it ends
    without an error, in the order they were written; on an error (or an interrupt) none
    is, and their temporary files are removed. A rename that fails (a disk lost or made
    read-only meanwhile) stops the others: a PublishError names those renamed and those not.
    Files given to `remove_together` in the block are removed then, in their turn. Ctrl-C
    or SIGTERM during the renames takes effect after the last one."""
    global _held
    if _held is not None:  # (nested: the outer block publishes)
        yield
        return
    held: list[tuple[str | None, Path]] = []
    _held = held
    try:
        yield
        published: list[Path] = []
        with _signals_held():
            while held:
                tmp, path = held[0]
                try:
                    if tmp is None:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(path)
                    else:
                        os.replace(tmp, path)
                except OSError as e:  # (named as the user gave it, not as the temporary file)
                    done = "removed" if tmp is None else "written"
                    error = PublishError(e.errno, f"cannot be {done}: {e.strerror}", str(path))
                    error.published = published
                    error.unpublished = [later for _, later in held]
                    raise error from e
                held.pop(0)
                published.append(path)
            for folder in dict.fromkeys(path.parent for path in published):
                _sync_folder(folder)
    except BaseException as e:
        _held = None
        temporary = [tmp for tmp, _ in held if tmp is not None]
        _remove(temporary, stopping=isinstance(e, KeyboardInterrupt))
        raise
    finally:
        _held = None


def remove_together(path: Path) -> None:
    """Remove a file (if it is there): inside a `published_together` block, when the block
    puts its files in place, in its turn among them (not at all if the block fails);
    outside one, now."""
    if _held is not None:
        _held.append((None, path))
        return
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _remove(temporary: list[str], stopping: bool) -> None:
    """Remove these temporary files, whatever signal comes meanwhile: a second Ctrl-C or
    SIGTERM (pressed again while the first unwinds) would cut the removal short and leave
    full-size files behind. When the run is stopping already (`stopping`: a KeyboardInterrupt
    is unwinding), one received meanwhile is dropped, as the first decides how the run ends;
    otherwise it is acted on once the files are gone."""
    with _signals_held(drop=stopping):
        for tmp in temporary:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


@contextlib.contextmanager
def _signals_held(drop: bool = False) -> Iterator[None]:
    """Ctrl-C and SIGTERM received in the block are acted on when it ends, so that a stop
    cannot come between two renames (signal handlers are set in the main thread only); with
    `drop`, they are not acted on at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    earlier: dict[int, signal.Handlers | Callable[[int, FrameType | None], object] | int] = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            handler = signal.getsignal(signum)
            if handler is not None:  # (None: set outside Python, left as it is)
                earlier[signum] = handler
                signal.signal(signum, hold)
        yield
    finally:
        for which, handler in earlier.items():
            signal.signal(which, handler)
        for which in [] if drop else dict.fromkeys(received):  # handled as it would have been
            signal.raise_signal(which)


@contextlib.contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open a temporary file beside path; on success it replaces path, on error it vanishes.

    A path that is a symbolic link is written through: the file it points to is replaced
    (the link stays a link). A file the user may not write (read-only) is not replaced,
    though the folder would allow it: its protection is the user's say."""
    given = Path(path)
    path = Path(os.path.realpath(given)) if given.is_symlink() else given
    if not os.access(path, os.W_OK) and os.path.lexists(path):
        raise OSError(
            errno.EACCES,
            "cannot be written: the file is read-only (make it writable, or give another name)",
            str(given),
        )
    directory = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{_short(path.name)}.", suffix=".tmp", dir=directory)
    except OSError as e:  # named as the user gave it, not as the temporary file
        raise OSError(e.errno, f"cannot be written: {e.strerror}", str(given)) from None
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
        _remove([tmp], stopping=isinstance(e, KeyboardInterrupt))
        if isinstance(e, OSError) and e.filename in (None, tmp):  # a full disk, say
            raise OSError(e.errno, f"cannot be written: {e.strerror}", str(given)) from e
        raise
    _sync_folder(directory)


def _short(name: str, most: int = 200) -> str:
    """A file name cut to `most` bytes (UTF-8) for its temporary file's name: a name the file
    system takes, of up to 255 bytes, must not be refused for the temporary file's longer
    one (the dot, the random part and ".tmp" add 14)."""
    encoded = name.encode("utf-8", "surrogateescape")
    if len(encoded) <= most:
        return name
    return encoded[:most].decode("utf-8", "ignore")


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


def case_key(path: Path) -> str:
    """A path resolved, in lower case: the names macOS and Windows take for one file (they
    fold letters one by one: "straße" and "STRASSE" are two files there, as here). A link in
    a loop is taken as written, made absolute."""
    try:
        resolved = path.resolve()
    except (RuntimeError, OSError):
        resolved = path.absolute()
    return str(resolved).lower()


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
