"""Values kept between runs in the user's cache directory: the checked risk profiles.

Reading and checking the profiles (2.8 MB of CSV and YAML) takes 0.1-0.2 s of every run;
loading the checked result back takes a third of that. A value is kept under a key made
from everything it was made from (the profile files, ddtool's own code, the libraries that
read them, the Python version), so a changed file or an upgrade makes a new one, never a
stale one. Anything wrong with the cache (no home directory, a read-only disk, a file cut
short, a folder or file others could have written) only means the value is made again; the
cache never changes a result and never fails a run.

The directory is $DDTOOL_CACHE_DIR, else $XDG_CACHE_HOME/ddtool, else ~/.cache/ddtool;
DDTOOL_NO_CACHE=1 turns the cache off. It is used on systems with user ids (Linux, macOS):
a pickle is only loaded from a folder and file of the user running ddtool that no one else
may write (loading a pickle runs what it says).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# files kept per kind of value (other overlays, other versions); the least recently used
# beyond these are removed, and temporary files a stopped run left after an hour
KEEP = 8
_STALE_TEMP = 3600.0


def cache_dir() -> Path | None:
    """Where values are kept; None when the cache is off, or there is no system of user
    ids or no home directory to keep them safely in."""
    if os.environ.get("DDTOOL_NO_CACHE", "") not in ("", "0") or not hasattr(os, "getuid"):
        return None
    explicit = os.environ.get("DDTOOL_CACHE_DIR")
    if explicit:
        return Path(explicit).absolute()
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # unset, or relative (which the XDG rules say to ignore)
        home = os.path.expanduser("~")
        if os.environ.get("HOME") == "" or not os.path.isabs(home):  # no home directory
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "ddtool"


def code_digest() -> bytes:
    """What ddtool's own code is (every module, as installed) and the libraries that read
    and check the profiles: a value made by other code is not taken. Without source files
    there is nothing to tell versions apart by (LookupError: no cache)."""
    import pycountry
    import yaml

    digest = hashlib.sha256(sys.version.encode())
    digest.update(
        f"\0{yaml.__version__}\0{yaml.__with_libyaml__}\0{pycountry.__version__}\0".encode()
    )
    package = Path(__file__).resolve().parent
    sources = sorted(package.rglob("*.py"))
    if not sources:
        raise LookupError("ddtool's modules are not installed as source files")
    for path in sources:
        digest.update(os.fsencode(path.relative_to(package)) + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def kept(
    kind: str,
    parts: Callable[[], Iterable[bytes]],
    make: Callable[[], T],
    expected: type[T],
) -> T:
    """The value of this kind whose key `parts` gives, from the cache if it holds it, else
    made by `make` and kept for the next run. The parts are read again after the value is
    made: a file changed meanwhile may be in the value, which is then not kept."""
    try:
        where = _safe_dir(cache_dir())
    except Exception:  # (no current folder to resolve a relative one by, say)
        where = None
    key = _key(kind, parts) if where is not None else None
    if where is None or key is None:
        return make()
    path = where / f"{kind}-{key}.pickle"
    found = _load(path, expected)
    if found is not None:
        return found
    value = make()
    if _key(kind, parts) == key:
        _keep(path, value, kind)
    return value


def _key(kind: str, parts: Callable[[], Iterable[bytes]]) -> str | None:
    """The key of a value (None: the cache is not used, as what makes it cannot be read)."""
    try:
        digest = hashlib.sha256(kind.encode() + b"\0" + code_digest())
        for part in parts():
            digest.update(hashlib.sha256(part).digest())
    except Exception:
        return None
    return digest.hexdigest()[:40]


def _private(status: os.stat_result) -> bool:
    """Owned by this user, and no one else may write it."""
    return status.st_uid == os.getuid() and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _safe_dir(where: Path | None) -> Path | None:
    """The folder, made for this user alone if missing; None if it cannot be, or if it is
    not this user's own (another could plant or swap files in it)."""
    if where is None:
        return None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.stat(where)
    except OSError:
        return None
    return where if stat.S_ISDIR(status.st_mode) and _private(status) else None


def _load(path: Path, expected: type[T]) -> T | None:
    try:
        # not through a link; a plain file of this user's, with no other name to write it by
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as handle:
            status = os.fstat(handle.fileno())
            if not (stat.S_ISREG(status.st_mode) and status.st_nlink == 1 and _private(status)):
                return None
            value = pickle.load(handle)
    except Exception:  # unreadable, cut short, from an older layout: made again
        return None
    if not isinstance(value, expected):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: the last to be removed
    return value


def _keep(path: Path, value: object, kind: str) -> None:
    """Written whole or not at all (a temporary file of this user's alone, renamed into
    place); the least recently used files of this kind beyond the last KEEP are removed."""
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
        _tidy(path.parent, kind)
    except Exception:  # a read-only or full disk: the value is made again next time
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _tidy(where: Path, kind: str) -> None:
    values = sorted(((p.stat().st_mtime, p) for p in where.glob(f"{kind}-*.pickle")), reverse=True)
    for _, old in values[KEEP:]:
        old.unlink()
    stale = time.time() - _STALE_TEMP
    for temp in where.glob(f".{kind}-*.tmp"):
        if temp.stat().st_mtime < stale:
            temp.unlink()
