"""`ddtool batch` folders searched for members: hidden folders skipped, linked folders
followed (each member once, no loop), a folder that cannot be read named, and a member
file that cannot be read failed with its reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from batch_support import SAMPLES, read_summary

from ddtool.batch import BatchOptions, assess_member, run_batch, search_inputs
from ddtool.sources.interface import Limits


def _put(folder: Path, *names: str) -> Path:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / "services.yaml", folder / name)
    return folder


def _found(folder: Path) -> list[str]:
    members, _ = search_inputs([folder])
    return sorted(member.member_path for member in members)


# (the files put in the folder `in`, the folders linked there as name → target, from
# tmp_path), then the members found, by their paths from `in`
FOLDERS = [
    # hidden folders are skipped as hidden files are (`.archive/old.yaml` was a member "old")
    ([".archive/old.yaml", ".git/x.yaml", "a/.cache/b.yaml", "a/new.yaml"], {}, ["a/new.yaml"]),
    # a linked folder outside the members folder is read as the folder it leads to
    (["acme.yaml", "../elsewhere/one.yaml", "../elsewhere/two.csv.yaml"], {"east": "elsewhere"},
     ["acme.yaml", "east/one.yaml", "east/two.csv.yaml"]),
    # a link to a folder inside it, or to the folder itself: its files are read once, where
    # they are, and the link round in a loop ends
    (["north/acme.yaml"], {"again": "in/north", "loop": "in", "up": "."},
     ["north/acme.yaml"]),
    # two links to one folder: its files once, under the first link
    (["../elsewhere/one.yaml"], {"a": "elsewhere", "b": "elsewhere"}, ["a/one.yaml"]),
    # a link to a hidden folder is not followed (nor is a hidden link)
    ([".archive/old.yaml", "new.yaml"], {"archive": "in/.archive", ".old": "in/.archive"},
     ["new.yaml"]),
]  # fmt: skip


@pytest.mark.parametrize(("files", "links", "members"), FOLDERS)
def test_the_folders_searched_for_members(
    tmp_path: Path, files: list[str], links: dict[str, str], members: list[str]
) -> None:
    folder = _put(tmp_path / "in", *files)
    for name, target in links.items():
        (folder / name).symlink_to(tmp_path / target, target_is_directory=True)
    assert _found(folder) == members


def _locked(monkeypatch: pytest.MonkeyPatch, locked: Path, listed: bool) -> None:
    """`locked` as a folder of mode 000 (444 when `listed`) is to a user who is not root:
    it can be seen, but not listed (listed only), nor anything in it looked at (as root,
    chmod would not keep it out)."""
    scandir, stat = os.scandir, os.stat

    def denied(path: Any) -> OSError:
        return PermissionError(13, "Permission denied", os.fsdecode(path))

    def listing(path: Any = ".") -> Any:
        if not listed and not isinstance(path, int) and Path(os.fsdecode(path)) == locked:
            raise denied(path)
        return scandir(path)

    def status(path: Any, *args: Any, **kwargs: Any) -> Any:
        if (
            isinstance(path, (str, bytes, os.PathLike))
            and locked in Path(os.fsdecode(path)).parents
        ):
            raise denied(path)
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", listing)
    monkeypatch.setattr(os, "stat", status)


@pytest.mark.parametrize("listed", [False, True], ids=["mode-000", "mode-444"])
def test_a_folder_that_cannot_be_read_is_named_and_the_others_assessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, listed: bool
) -> None:
    """It stopped the whole batch, exit 2, naming a file that does not exist
    (`south/assessment.json: Permission denied`), or one of its files; walked past, its
    members would have gone unsaid."""
    folder = _put(tmp_path / "in", "north/acme.yaml", "south/kaiser.yaml", "south/x/y.yaml")
    _locked(monkeypatch, folder / "south", listed)
    result = run_batch([folder], tmp_path / "out", BatchOptions(formats=(".json",), jobs=1))
    assert [record["member"] for record in result.records] == ["acme"]
    reason = "a folder that could not be read (Permission denied)"
    assert result.notes == [f"not read as members: the files in {folder / 'south'}, {reason}"]
    summary = read_summary(tmp_path / "out")
    assert summary["not_members"] == [
        {"path": str(folder / "south"), "reason": reason, "files": None, "names": []}
    ]
    assert (summary["members"], summary["assessed"], summary["failed"]) == (1, 1, 0)


# the member file that cannot be read, and what its failure says after the path
UNREADABLE = [
    ("locked.yaml", "cannot open: Permission denied [unreadable-file]"),
    ("locked.csv", "cannot open: Permission denied [unreadable-file]"),
    ("locked.xlsx", "cannot open: Permission denied [unreadable-file]"),
]


@pytest.mark.parametrize(("name", "said"), UNREADABLE)
def test_a_member_file_that_cannot_be_read_fails_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, said: str
) -> None:
    """A locked YAML file failed as "internal error: PermissionError: [Errno 13] …"."""
    path = tmp_path / name
    path.write_bytes(b"")
    read_bytes, open_ = Path.read_bytes, Path.open

    def refused(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return (read_bytes if not args and not kwargs else open_)(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", lambda self: refused(self))
    monkeypatch.setattr(Path, "open", refused)
    record, files = assess_member(str(path), (".json",), (), None, None, Limits())
    assert (record["status"], record["error"], files) == ("failed", f"{path}: {said}", {})


def test_a_file_that_cannot_be_read_elsewhere_is_a_located_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any read refused while a member is assessed is the member's failure, named by the
    file, not an internal error."""
    import ddtool.assess

    path = _put(tmp_path, "acme.yaml") / "acme.yaml"

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(13, "Permission denied", str(tmp_path / "part.bin"))

    monkeypatch.setattr(ddtool.assess, "assess", refused)
    record, _ = assess_member(str(path), (".json",), (), None, None, Limits())
    assert record["error"] == f"{tmp_path / 'part.bin'}: Permission denied"
