"""Values kept between runs in the user's cache directory: the checked risk profiles.

Reading and checking the profiles (2.8 MB of CSV and YAML) takes 0.1-0.2 s of every run;
loading the checked result back takes a third of that. A value is kept under a key made
from everything it was made from (the profile files, ddtool's own code, the Python
version), so a changed file or an upgrade makes a new one, never a stale one. Anything
wrong with the cache (no home directory, a read-only disk, a file cut short or left by
another user) only means the value is made again; the cache never changes a result.

The directory is $DDTOOL_CACHE_DIR, else $XDG_CACHE_HOME/ddtool, else ~/.cache/ddtool;
DDTOOL_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# files kept per kind of value (other overlays, other versions); older ones are removed
KEEP = 8


def cache_dir() -> Path | None:
    """Where values are kept; None when the cache is off or there is no home directory."""
    if os.environ.get("DDTOOL_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("DDTOOL_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home directory
            return None
    return Path(base) / "ddtool"


def code_digest() -> bytes:
    """What ddtool's own code is (every module, as installed): a value made by other code
    is not taken."""
    digest = hashlib.sha256(sys.version.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def kept(kind: str, parts: Iterable[bytes], make: Callable[[], T], expected: type[T]) -> T:
    """The value of this kind whose key `parts` make, from the cache if it holds it, else
    made (and kept for the next run)."""
    where = cache_dir()
    if where is None:
        return make()
    digest = hashlib.sha256(code_digest())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    path = where / f"{kind}-{digest.hexdigest()[:40]}.pickle"
    found = _load(path, expected)
    if found is not None:
        return found
    value = make()
    _keep(path, value, kind)
    return value


def _load(path: Path, expected: type[T]) -> T | None:
    try:
        with path.open("rb") as handle:
            status = os.fstat(handle.fileno())
            # only a file this user wrote and no one else may change (unpickling runs
            # what the file says)
            if hasattr(os, "getuid") and (
                status.st_uid != os.getuid() or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
            ):
                return None
            value = pickle.load(handle)
    except Exception:  # missing, unreadable, cut short, from an older layout: made again
        return None
    return value if isinstance(value, expected) else None


def _keep(path: Path, value: object, kind: str) -> None:
    """Written whole or not at all (a temporary file renamed into place), never shared
    with other users; old files of this kind beyond the last KEEP are removed."""
    temp = None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
        others = sorted(
            path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in others[KEEP:]:
            old.unlink()
    except Exception:  # a read-only or full disk: the value is made again next time
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
