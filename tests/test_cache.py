"""The checked risk profiles kept between runs: taken only when made from the same files
and code, never stale, never a reason for a run to fail."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from profile_support import ghana_overlay

import ddtool.cache
import ddtool.profiles
from ddtool.assess import assess
from ddtool.errors import ProfileError
from ddtool.profiles import Profiles, load_profiles

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
# the cache is kept only where there are user ids to keep it private by
pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="a system with user ids")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A cache of this test's own, and no profiles kept in this process between loads."""
    where = tmp_path / "cache"
    monkeypatch.setenv("DDTOOL_CACHE_DIR", str(where))
    monkeypatch.delenv("DDTOOL_NO_CACHE", raising=False)
    ddtool.profiles._load.cache_clear()
    yield where
    ddtool.profiles._load.cache_clear()


def _fresh(overlays: list[Path] | None = None) -> Profiles:
    ddtool.profiles._load.cache_clear()
    return load_profiles(overlays or [])


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Each time the profile files are read and checked (not taken from the cache)."""
    made: list[tuple[str, ...]] = []
    original = ddtool.profiles._load_checked

    def counted(overlays: tuple[str, ...]) -> Profiles:
        made.append(overlays)
        return original(overlays)

    monkeypatch.setattr(ddtool.profiles, "_load_checked", counted)
    return made


def _overlay(tmp_path: Path, value: str) -> Path:
    return ghana_overlay(tmp_path / "overlay", value)


def _made_again(monkeypatch: pytest.MonkeyPatch) -> bool:
    """Whether loading the profiles now reads and checks them (not from the cache)."""
    made = _loads(monkeypatch)
    _fresh()
    return made == [()]


def _ghana(profiles: Profiles) -> float | None:
    [item] = profiles.indicators["GHA"]["gsi2023_prevalence_per_1000"]
    return item.number


def test_a_second_load_takes_the_checked_profiles_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _loads(monkeypatch)
    first = _fresh()
    assert made == [()] and len(list(cache.glob("profiles-*.pickle"))) == 1
    again = _fresh()
    assert made == [()]  # not read again
    assert again is not first
    for name in ("version", "sha256", "root", "overlays", "goods_edition", "steps"):
        assert getattr(again, name) == getattr(first, name)
    assert again.indicators == first.indicators and again.sectors == first.sectors
    assert again.match_sector("cocoa farm") == first.match_sector("cocoa farm")


@pytest.mark.parametrize("sample", ["cocoa.yaml", "garment_vendor_list.xlsx"])
def test_an_assessment_is_the_same_with_profiles_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch, sample: str
) -> None:
    monkeypatch.setenv("DDTOOL_NO_CACHE", "1")
    ddtool.profiles._load.cache_clear()
    plain = orjson.dumps(assess([SAMPLES / sample]).data)
    monkeypatch.delenv("DDTOOL_NO_CACHE")
    _fresh()  # kept
    made = _loads(monkeypatch)
    ddtool.profiles._load.cache_clear()
    assert orjson.dumps(assess([SAMPLES / sample]).data) == plain
    assert made == []  # the profiles came from the cache


def test_a_changed_overlay_file_is_read_again(cache: Path, tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "9.0")
    assert _ghana(_fresh([folder])) == 9.0
    _overlay(tmp_path, "11.5")
    assert _ghana(_fresh([folder])) == 11.5
    assert _ghana(_fresh()) != 11.5  # the bundled profiles are kept apart


def test_a_misnamed_file_added_to_an_overlay_is_still_reported(cache: Path, tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "9.0")
    _fresh([folder])
    (folder / "country.csv").write_text("iso3\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="not a profile file"):
        _fresh([folder])


def test_other_code_makes_its_own_value(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = _loads(monkeypatch)
    _fresh()
    monkeypatch.setattr(ddtool.cache, "code_digest", lambda: b"another version of ddtool")
    _fresh()
    assert len(made) == 2 and len(list(cache.glob("profiles-*.pickle"))) == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle",
        pickle.dumps({"a": "dict"}),  # another value
    ],
)
def test_a_broken_cache_file_is_made_again_and_replaced(
    cache: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    first = _fresh()
    [kept] = cache.glob("profiles-*.pickle")
    whole = kept.read_bytes()
    kept.write_bytes(damage or whole[: len(whole) // 2])  # (empty: cut short)
    made = _loads(monkeypatch)
    assert _fresh().sha256 == first.sha256
    assert made == [()]
    assert kept.read_bytes() == whole


def test_a_file_another_user_wrote_is_not_taken(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh()
    made = _loads(monkeypatch)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(cache).st_uid + 1)
    _fresh()
    assert made == [()]


def test_a_file_others_may_change_is_not_taken(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fresh()
    [kept] = cache.glob("profiles-*.pickle")
    assert kept.stat().st_mode & 0o777 == 0o600
    kept.chmod(0o622)
    assert _made_again(monkeypatch)


def test_a_cache_that_cannot_be_written_is_no_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("DDTOOL_CACHE_DIR", str(blocked / "cache"))
    try:
        assert _fresh().version
        assert _fresh().version
    finally:
        ddtool.profiles._load.cache_clear()
    assert blocked.read_text(encoding="utf-8") == "not a directory"


def test_code_that_cannot_be_read_means_no_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable() -> bytes:
        raise PermissionError("a module of ddtool")

    monkeypatch.setattr(ddtool.cache, "code_digest", unreadable)
    assert _fresh().version
    assert not list(cache.glob("*.pickle"))


def test_the_cache_can_be_turned_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DDTOOL_NO_CACHE", "1")
    made = _loads(monkeypatch)
    _fresh()
    _fresh()
    assert made == [(), ()] and not cache.exists()


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"DDTOOL_CACHE_DIR": "/x/own"}, "/x/own"),
        ({"XDG_CACHE_HOME": "/x/xdg"}, "/x/xdg/ddtool"),
        ({"HOME": "/x/home"}, "/x/home/.cache/ddtool"),
        ({"XDG_CACHE_HOME": "relative", "HOME": "/x/home"}, "/x/home/.cache/ddtool"),
        ({"HOME": ""}, None),
        ({"DDTOOL_NO_CACHE": "1", "DDTOOL_CACHE_DIR": "/x/own"}, None),
        ({"DDTOOL_NO_CACHE": "0", "DDTOOL_CACHE_DIR": "/x/own"}, "/x/own"),
    ],
)
def test_where_the_cache_is(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str | None
) -> None:
    for name in ("DDTOOL_CACHE_DIR", "XDG_CACHE_HOME", "DDTOOL_NO_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/x/home")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    where = ddtool.cache.cache_dir()
    assert (str(where) if where else None) == expected


def test_old_values_beyond_the_last_few_are_removed(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for version in range(ddtool.cache.KEEP + 3):
        monkeypatch.setattr(ddtool.cache, "code_digest", lambda v=version: f"v{v}".encode())
        _fresh()
    assert len(list(cache.glob("profiles-*.pickle"))) == ddtool.cache.KEEP
    assert not list(cache.glob(".profiles-*"))  # no temporary file left behind


def test_a_file_name_not_in_utf_8_in_an_overlay_is_no_matter(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _overlay(tmp_path, "9.0")
    try:
        fd = os.open(os.fsencode(folder) + b"/notes-\xff.txt", os.O_CREAT | os.O_WRONLY)
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    os.close(fd)
    assert _ghana(_fresh([folder])) == 9.0
    assert _ghana(_fresh([folder])) == 9.0  # from the cache
    monkeypatch.setenv("DDTOOL_NO_CACHE", "1")
    assert _ghana(_fresh([folder])) == 9.0


@pytest.mark.parametrize("how", ["symlink", "hard link"])
def test_a_cache_file_reached_another_way_is_not_taken(
    cache: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    _fresh()
    [kept] = cache.glob("profiles-*.pickle")
    elsewhere = cache.parent / "elsewhere.pickle"
    if how == "symlink":  # (its target could be any file of the user's: a download)
        kept.rename(elsewhere)
        kept.symlink_to(elsewhere)
    else:
        os.link(kept, elsewhere)
    assert _made_again(monkeypatch)


def test_a_cache_folder_others_may_write_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir(mode=0o700)
    cache.chmod(0o777)
    made = _loads(monkeypatch)
    _fresh()
    _fresh()
    assert made == [(), ()]
    assert not list(cache.iterdir())


def test_a_file_changed_while_the_profiles_are_read_is_not_kept(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _overlay(tmp_path, "9.0")
    original = ddtool.profiles._load_checked

    def edited_meanwhile(overlays: tuple[str, ...]) -> Profiles:
        made = original(overlays)
        _overlay(tmp_path, "11.5")  # saved while ddtool read the old one
        return made

    monkeypatch.setattr(ddtool.profiles, "_load_checked", edited_meanwhile)
    assert _ghana(_fresh([folder])) == 9.0
    assert not list(cache.glob("profiles-*.pickle"))
    monkeypatch.setattr(ddtool.profiles, "_load_checked", original)
    assert _ghana(_fresh([folder])) == 11.5


def test_the_values_used_last_are_the_ones_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def version(v: int) -> None:
        monkeypatch.setattr(ddtool.cache, "code_digest", lambda: f"v{v}".encode())

    for v in range(ddtool.cache.KEEP):
        version(v)
        _fresh()
    files = sorted(cache.glob("profiles-*.pickle"), key=os.path.getmtime)
    for i, path in enumerate(files):  # distinct times, oldest first
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    made = _loads(monkeypatch)
    version(0)
    _fresh()  # the oldest, used again
    version(ddtool.cache.KEEP)
    _fresh()  # a new one: the least recently used (v1) goes
    version(0)
    _fresh()
    assert made == [()]  # only the new one was made
    version(1)
    _fresh()
    assert made == [(), ()]


def test_temporary_files_a_stopped_run_left_are_removed_after_an_hour(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache.mkdir(mode=0o700)
    old, recent = cache / ".profiles-old.tmp", cache / ".profiles-recent.tmp"
    for path in (old, recent):
        path.write_bytes(b"cut short")
    os.utime(old, (1_000_000, 1_000_000))
    _fresh()
    assert not old.exists() and recent.exists()


def test_a_cache_folder_that_cannot_be_found_is_no_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # the current folder deleted under the run: a relative path leads nowhere
    monkeypatch.setenv("DDTOOL_CACHE_DIR", "cache")
    try:
        assert _fresh().version
    finally:
        ddtool.profiles._load.cache_clear()
