"""Ctrl-C and termination requests held off while this process forks.

The interpreter runs callbacks around a fork (the logging module registers one), and an
exception a signal handler raises inside one of them is printed as "Exception ignored" and
dropped: a Ctrl-C at that moment would be lost, the run would go on to its end, and only
then say it was interrupted. Around a fork, `forking` keeps the two signals from this thread
(the kernel holds them till the block ends) and has the handler only note one that still
reaches it through another thread; either way it stops the run once the fork is done.

A process forked meanwhile starts with the two signals blocked, as the kernel hands the mask
on: it unblocks them (`unblock`) once it has set what they do there, so that a Ctrl-C meant
for the run never shows a traceback from a worker that is just starting.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# the processes holding stops (their pid, once per block they are in) and the stops held
_holding: list[int] = []
_held: list[int] = []


def holding() -> bool:
    """Whether this process is forking: a stop is held till it is done (see `hold`). A
    process it forked inherits the list, with another pid: it is not holding."""
    return bool(_holding) and _holding[-1] == os.getpid()


def hold(signum: int) -> None:
    """Note a stop that came while forking: `forking` stops the run when the fork is done."""
    _held.append(signum)


@contextmanager
def forking() -> Iterator[None]:
    """Around code that forks: a Ctrl-C or termination request that comes meanwhile stops
    the run (as KeyboardInterrupt, the handler's way) once the block is done."""
    # (holding from before the signals are blocked till after they are let in again: a
    # signal handled as the mask changes is held too, never raised with the mask left set)
    _holding.append(os.getpid())
    before = None
    try:
        if hasattr(signal, "pthread_sigmask"):  # (POSIX; elsewhere there is no fork)
            before = signal.pthread_sigmask(signal.SIG_BLOCK, _SIGNALS)
        yield
    finally:
        try:
            if before is not None:  # (a signal the kernel held is handled from here on)
                signal.pthread_sigmask(signal.SIG_SETMASK, before)
        finally:
            _holding.pop()
        if _held and not holding():  # (also in place of an error of the block: it stops)
            _held.clear()
            raise KeyboardInterrupt


def unblock() -> None:
    """In a forked process, once it has set what the two signals do there: let them in."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _SIGNALS)
