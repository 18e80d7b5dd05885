"""The cyclic garbage collector, paused while large object trees are built.

Building millions of small objects (an assessment of 10^5 suppliers, or the JSON of one
read back) makes the collector rescan them again and again: three times the work of
building them. While they are built it is paused; afterwards the survivors are moved out of
its generations (frozen), or the first collection after, whatever allocates next, would walk
all of them once more (0.6 s at 10^5). What is built holds no reference cycles: reference
counting frees it as usual. Garbage cycles a caller left since an earlier pause are collected
first, or this freeze would keep them for good (a batch assesses member after member); the
earlier objects are frozen, so this visits only what came after.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block, then freeze what survived it."""
    enabled = gc.isenabled()
    if enabled and gc.get_freeze_count():
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
