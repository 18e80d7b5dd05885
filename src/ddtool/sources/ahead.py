"""Workbooks read ahead, in a background thread, while the rest of the program starts.

calamine parses a workbook without holding the interpreter lock (0.7 s for 10^5 rows), so
the parse overlaps with importing the engine and loading the risk profiles. The reading is
exactly the reader's own (same checks, same problems); `take` hands the result over only
when the read options are still the ones it was started with.
"""

from __future__ import annotations

import copy
import stat
import threading
from collections.abc import Iterable
from pathlib import Path

from ddtool.sources.interface import RawChain, ReadOptions, file_signature


class _Reading:
    def __init__(self, path: Path, options: ReadOptions) -> None:
        self.options = options
        self.before = file_signature(path)  # (taken before the reading begins)
        self.result: RawChain | None = None
        self.failure: BaseException | None = None
        self.thread = threading.Thread(
            target=self._run, args=(path,), name="workbook-reader", daemon=True
        )
        self.thread.start()

    def _run(self, path: Path) -> None:
        from ddtool.sources.table_source import ExcelReader

        try:
            self.result = ExcelReader().read(path, self.options)
        except BaseException as e:  # re-raised where the result is taken
            self.failure = e


_STARTED: dict[str, _Reading] = {}


def read_ahead(paths: Iterable[Path], options: ReadOptions) -> None:
    """Start reading each workbook among paths that the reader would read (a regular file
    within the size limit)."""
    from ddtool.sources.table_source import ExcelReader

    for path in paths:
        if path.suffix.lower() not in ExcelReader.suffixes or str(path) in _STARTED:
            continue
        try:
            info = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size / 1_048_576 <= options.max_file_mb:
            _STARTED[str(path)] = _Reading(path, copy.deepcopy(options))


def take(path: Path, options: ReadOptions) -> RawChain | None:
    """The workbook read ahead for path with these options, once; None if there is none."""
    reading = _STARTED.pop(str(path), None)
    if reading is None:
        return None
    # waited for even when its result is not used: no thread may run when the assessment
    # forks (see ddtool.deferred.ahead)
    reading.thread.join()
    if reading.options != options:
        return None  # read with other options: read again
    if reading.failure is not None:
        raise reading.failure
    if reading.result is not None:
        reading.result.signature = reading.before
    return reading.result
