"""The cyclic garbage collector, paused while large object trees are built.

Building millions of small objects (an assessment of 10^5 suppliers, or the JSON of one
read back) makes the collector rescan them again and again: three times the work of
building them. While they are built it is paused. Afterwards, when many objects survived,
they are moved out of its generations (frozen): otherwise the first collection after,
whatever allocates next, would walk all of them once more (0.6 s at 10^5 suppliers). What is
built holds no reference cycles: reference counting frees it as usual.

Freezing also takes any garbage cycles the caller had left out of the collector's reach; so
after a freeze, the next pause first collects what came since (the frozen objects are not
visited). Small results (a batch member of a few hundred suppliers, a test's chain) are not
frozen: walking them costs little, and a collection before each run would cost more (it
empties the interpreter's free lists).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# objects left to the collector by one pause above which they are frozen: an assessment of
# about 4,000 suppliers (10^3 suppliers leave 35,000 objects, 10^4 234,000, 10^5 2 million)
FREEZE_FROM = 100_000

_froze = [False]  # whether the last pause froze (and garbage may have been frozen with it)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; freeze what survived it, when that is
    much."""
    enabled = gc.isenabled()
    if enabled and _froze[0]:
        gc.collect()
        _froze[0] = False
    before = gc.get_count()[0]
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_count()[0] - before >= FREEZE_FROM:
                gc.freeze()
                _froze[0] = True
            gc.enable()
