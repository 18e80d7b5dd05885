"""Chain readers (YAML, Excel, CSV) behind one interface, and normalisation to the model.

The names below live in `ddtool.sources.reading` and are imported from there on first use:
importing a submodule (the workbook reader, which `ddtool assess` starts in a background
thread as early as it can) then does not load the model and the normaliser first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ddtool.sources.reading import (
        READERS,
        SUFFIXES,
        NoTaxonomy,
        ReadOptions,
        SectorMatcher,
        read_chain,
        read_raw,
    )

__all__ = [
    "READERS",
    "SUFFIXES",
    "NoTaxonomy",
    "ReadOptions",
    "SectorMatcher",
    "read_chain",
    "read_raw",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ddtool.sources import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
