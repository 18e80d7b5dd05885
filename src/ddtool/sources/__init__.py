"""Chain readers (YAML, Excel, CSV) behind one interface, and normalisation to the model.

The names below live in `ddtool.sources.reading` and are imported from there on first use:
importing a submodule (the workbook reader, which `ddtool assess` starts in a background
thread as early as it can) then does not load the model and the normaliser first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ddtool.sources.interface import ReadOptions
    from ddtool.sources.normalise import NoTaxonomy, SectorMatcher
    from ddtool.sources.reading import READERS, SUFFIXES, read_chain, read_raw
    from ddtool.sources.reading import file_sha256 as file_sha256
    from ddtool.sources.reading import reader_for as reader_for

__all__ = [
    "READERS",
    "SUFFIXES",
    "NoTaxonomy",
    "ReadOptions",
    "SectorMatcher",
    "read_chain",
    "read_raw",
]


# every name the package gives from `reading` (its public ones and two helpers)
_FROM_READING = (*__all__, "file_sha256", "reader_for")


def __getattr__(name: str) -> Any:
    if name in _FROM_READING:
        from ddtool.sources import reading

        return getattr(reading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM_READING})
