"""A part of the assessment document that is built on first use, and may be built ahead.

The supplier entries and flags of a large chain (hundreds of thousands of entries) cost
about as much to build and serialise as everything else in the run. When the JSON is going
to be written, `ahead` forks a process that builds a part and serialises it into an unnamed
temporary file, on the second core, while this process goes on; the JSON writer then copies
those bytes in (`Deferred.spilled`). The assessment does this twice: the flags, while this
process rolls up the exposure, and then the last supplier entries, while this process builds
the others. Whoever else reads the whole document (the other reports, `Assessment.data`)
gets the values built here (`Deferred.value`), the same values by construction: both run
the same function on the same data. (The terminal report reads only a glance of them.)

A forked process only ever writes to its temporary file and leaves with os._exit, so it
runs no exit handlers and flushes no inherited buffers. If it fails in any way, the writer
builds the part in this process instead, so the output is the same either way (with
DDTOOL_DEBUG set, the forked process prints why it failed).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, NoReturn

from ddtool import stopping
from ddtool.collector import collector_paused

# Forking is used on Linux only (on macOS, forking a process that has loaded system
# frameworks is unsafe), with a second core to run on (see can_fork).
_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


def can_fork() -> bool:
    """Forking is on: Linux, a second core this process may run on (its affinity, not the
    machine's count: `taskset` may pin it to one), and DDTOOL_NO_FORK unset, empty or 0."""
    return _FORK and _usable_cores() > 1 and os.environ.get("DDTOOL_NO_FORK", "") in ("", "0")


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# work this process may do while it waits for a forked one (see while_waiting)
_idle: list[Callable[[], None]] = []


@contextlib.contextmanager
def while_waiting(work: Callable[[], None] | None) -> Iterator[None]:
    """Within the block, the first wait for a part built ahead (`Deferred.spilled`) runs
    `work` first, once: work the run has to do anyway after writing (the terminal report),
    done on this core while the forked process finishes its part on the other. `work` must
    not raise (what it does is the caller's to check); where nothing waits, it is not run."""
    if work is None:
        yield
        return
    _idle.append(work)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            _idle.remove(work)


class Deferred:
    """A document value built by `build` on first use (once); with `head`, a list: the
    items `head` builds, then those `build` builds (the part that may be built ahead)."""

    __slots__ = ("_ahead", "_build", "_built", "_head", "_head_items", "_size", "_value")

    def __init__(
        self,
        build: Callable[[], Any],
        head: Callable[[], list[Any]] | None = None,
        size: int = 0,
    ) -> None:
        self._build = build
        self._size = size
        self._head = head
        self._head_items: list[Any] | None = None
        self._built = False
        self._value: Any = None
        # the process building the value ahead, and the file it serialises it to
        self._ahead: tuple[_Ahead, IO[bytes]] | None = None

    def value(self) -> Any:
        if not self._built:
            with collector_paused():  # many small objects, all kept
                rest = self._build()
                self._value = rest if self._head is None else [*self.head(), *rest]
            self._head_items = None
            self._built = True
        return self._value

    def __len__(self) -> int:
        """The size the value will have (as given when it was made)."""
        return self._size

    def head(self) -> list[Any]:
        """The items built here in any case (a list value only), built once."""
        assert self._head is not None
        if self._head_items is None:
            with collector_paused():  # many small objects, all kept
                self._head_items = self._head()
        return self._head_items

    @property
    def has_head(self) -> bool:
        return self._head is not None

    @property
    def built(self) -> bool:
        return self._built

    def spilled(self) -> IO[bytes] | None:
        """The part serialised ahead (see `ahead`), at its start; None if it was not started
        or did not succeed (build the value here then)."""
        if self._ahead is None:
            return None
        (ready, spill), self._ahead = self._ahead, None
        try:
            while _idle:  # (before the wait, not instead of it: the part may be done)
                _idle.pop()()
            done = ready.wait_next()
        except BaseException:  # interrupted while waiting: stop and reap the process
            ready.stop()
            spill.close()
            raise
        if not done:
            spill.close()
            return None
        spill.seek(0)
        return spill

    def close(self) -> None:
        """Stop work started ahead that is no longer wanted."""
        if self._ahead is not None:
            (ready, spill), self._ahead = self._ahead, None
            ready.stop()
            spill.close()


class _Ahead:
    """The forked process building values ahead: it reports each one done (or failed) with a
    byte on a pipe, in order."""

    def __init__(self, pid: int, signals: int, count: int) -> None:
        self.pid, self.signals, self.remaining = pid, signals, count
        self.ok = True

    def wait_next(self) -> bool:
        """Wait until the next value is serialised; False if the process failed."""
        if self.ok:
            try:
                self.ok = os.read(self.signals, 1) == b"1"
            except OSError:
                self.ok = False
            self.remaining -= 1
            if not self.ok or not self.remaining:
                self.stop()  # failed, or done: reaped
        return self.ok

    def stop(self) -> None:
        """Kill and reap the process; values it had not yet reported as done then fail (their
        pipe is closed: its number may soon belong to another file, so it is not read)."""
        if self.remaining:
            self.ok = False
        if self.pid:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            with contextlib.suppress(OSError):
                os.close(self.signals)
            self.pid = 0


Serialise = Callable[[Any], Iterable[bytes | memoryview]]


def _build_ahead(
    values: list[tuple[Deferred, Serialise]], spills: list[IO[bytes]], read_end: int, write_end: int
) -> NoReturn:
    """The forked process: build and serialise each value into its spill, report each done
    with a byte on the pipe, and leave without running exit handlers."""
    status = 1
    try:
        stopping.unblock()  # (a Ctrl-C that came as it forked ends it here)
        os.close(read_end)
        for (deferred, serialise), spill in zip(values, spills, strict=True):
            with open(spill.fileno(), "wb", closefd=False) as out:
                for piece in serialise(deferred._build()):
                    out.write(piece)
            os.write(write_end, b"1")
        status = 0
    except BaseException:  # the writer builds the part instead; say why when asked to
        if os.environ.get("DDTOOL_DEBUG"):
            import traceback

            # straight to the descriptor: the inherited stream's buffer is not flushed
            os.write(2, traceback.format_exc().encode("utf-8", "replace"))
    finally:
        os._exit(status)


def ahead(values: list[tuple[Deferred, Serialise]]) -> None:
    """Build and serialise these values (of a Deferred with a head: the part after it), one
    after the other, in a forked process, when forking is available; `spilled` then gives
    each one's bytes. Call before any thread is started."""
    if not can_fork() or not values:
        return
    spills: list[IO[bytes]] = []
    try:
        for _ in values:
            spills.append(tempfile.TemporaryFile(prefix="ddtool-"))  # noqa: SIM115 (kept open)
        read_end, write_end = os.pipe()
    except OSError:  # no temporary directory: built when needed instead
        for spill in spills:
            spill.close()
        return
    pid = 0
    try:
        with stopping.forking():  # (a Ctrl-C meanwhile stops the run once it has forked)
            pid = os.fork()
            if pid == 0:
                _build_ahead(values, spills, read_end, write_end)
    except OSError:
        for spill in spills:
            spill.close()
        os.close(read_end)
        os.close(write_end)
        return
    except BaseException:  # stopped as it forked: so is the forked process
        _Ahead(pid, read_end, len(values)).stop()
        if not pid:
            os.close(read_end)
        os.close(write_end)
        for spill in spills:
            spill.close()
        raise
    ready = _Ahead(pid, read_end, len(values))
    try:
        os.close(write_end)
        for (deferred, _), spill in zip(values, spills, strict=True):
            deferred._ahead = (ready, spill)
    except BaseException:  # interrupted before the values know their process
        ready.stop()
        for (deferred, _), spill in zip(values, spills, strict=True):
            deferred._ahead = None
            spill.close()
        raise


def resolved(document: dict[str, Any]) -> dict[str, Any]:
    """The document with every Deferred value built (in place: the key order is kept); work
    started ahead for them is stopped (the JSON writer then takes the built values)."""
    for key, value in document.items():
        if isinstance(value, Deferred):
            document[key] = value.value()
            value.close()
    return document
