"""Outputs as the file system has them: a long name it takes is written, a link is written
through, a read-only file is left alone (its protection is its owner's say)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ddtool.atomic import write_atomic


@pytest.mark.parametrize("name", ["a" * 250 + ".json", "é" * 120 + ".json", "b" * 255])
def test_a_long_name_the_file_system_takes_is_written(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_atomic(path, "{}")
    assert path.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # (no temporary file left)


def test_a_link_is_written_through(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "out.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "out.json"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text() == "new"


def test_a_read_only_file_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "out.json"
    path.write_text("old")
    real = os.access
    # as a user who may not write it (root may write any file, as cp does)
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == path else real(p, mode))
    with pytest.raises(OSError, match="the file is read-only") as caught:
        write_atomic(path, "new")
    assert caught.value.filename == str(path)
    assert path.read_text() == "old"
