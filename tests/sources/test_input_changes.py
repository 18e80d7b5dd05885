"""An input is hashed from the bytes that were read: a file written to while it is read is an
error (the record would contradict itself), and a pipe, which can be read only once, is
refused rather than read twice (the second read would wait forever)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.interface import RawChain
from ddtool.sources.table_source import CsvReader

CSV = "Supplier ID,Supplier name,Country\nS1,Farm one,GH\nS2,Farm two,CI\n"


def test_a_file_changed_while_it_is_read_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(CSV, encoding="utf-8")
    read = CsvReader.read

    def read_then_truncate(self: CsvReader, at: Path, options: ReadOptions) -> RawChain:
        raw = read(self, at, options)
        at.write_text(CSV.splitlines()[0] + "\n", encoding="utf-8")  # (another program)
        return raw

    monkeypatch.setattr(CsvReader, "read", read_then_truncate)
    _chain, problems = read_chain([path])
    assert [(p.type, p.location.file) for p in problems.errors] == [("input-changed", str(path))]


def test_a_file_left_alone_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(CSV, encoding="utf-8")
    _, problems = read_chain([path])
    assert not problems.errors


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    os.mkfifo(path)
    found: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: found.update(done=read_chain([path])), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "reading a pipe waited for a writer"
    _, problems = found["done"]
    [error] = problems.errors
    assert error.type == "not-a-file" and "save the chain to a file" in error.message
