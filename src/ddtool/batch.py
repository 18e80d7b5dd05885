"""Many member chains at once (employers' organisations): local processes or a Dask cluster.

Each member is assessed in a worker, which returns its documents as bytes; this process
writes them as soon as they arrive, put in place together (`_store`): a member's folder
holds the complete outputs of one run, never some of each, its `result.json` put there last
(its presence marks a complete member). `--resume` skips members whose result and outputs
are complete and whose input is the file they name, unchanged (`_complete`). A worker that
ends abruptly (out of memory) fails only the member it was assessing (`_run_local`). The
summary is written last, and the one of an earlier run is removed as the first member folder
is rewritten: a run that stops half-way leaves no summary that no longer matches the member
folders. No printing here: progress goes through a callback, and what the terminal should
say besides is in `BatchResult.notes`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path, PurePath
from typing import Any

from ddtool import stopping
from ddtool.atomic import (
    case_key,
    missing_folders,
    published_together,
    remove_empty,
    remove_together,
    write_atomic,
)
from ddtool.document import register
from ddtool.errors import DdtoolError, InputError, Location, Problem, path_text, shown_name
from ddtool.graph import LEGAL_FORMS
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.sources import SUFFIXES
from ddtool.sources.interface import Limits, bom_encoding, option_flag, zeros_encoding

RESULT_FILE = "result.json"
# the field of a member's result.json that gives its file's path from the output folder
FROM_OUTPUT = "file_from_output"
BATCH_FORMATS = (".json", ".xlsx", ".html", ".md", ".csv")
SUMMARY_FILES = ("summary.json", "summary.xlsx")
# 1.1 added `data_gaps` to each exposure, `not_members`, `earlier_members`; 1.2 added
# `flags_low_on_a_gap` and `folder` to each member ranked, and `folder` to each failure;
# 1.3 added `limits`; 1.4: an exposure's `data_gaps` are those of every supplier low on
# missing data (document.chain_gaps), none at critical, no longer those of the supplier its
# maximum sits on; 1.5: the rankings put a level on which data gaps bear above the same level
# known ("low (data gap)" above low: level_rank); 1.6: `not_members` names the folders that
# could not be read (`files` null: not known); files in hidden folders are no longer read,
# and those in linked folders are; 1.7: an exposure's `data_gaps` are those of every
# supplier whose level rests on missing data (document.gaps_rested_on), at any level but
# critical, no longer of those whose level is low alone (assessment schema 2.6); 1.8 added
# `warnings` to each member ranked (its input warnings: a sheet not read, a sector unknown)
# and `names` to each of `not_members` (the files' names, where each is a file left out)
SUMMARY_SCHEMA = "1.10"
ERRORS_SHOWN = 5  # a failure's text lists this many errors and says how many more there are
NAMES_SHOWN = 10  # members a terminal line names; the rest are counted (summary.json has all)
# the protocols of a Dask scheduler address (`host:port` alone is tcp, as Dask reads it)
SCHEDULER_PROTOCOLS = ("tcp", "tls", "ws", "wss", "ucx")

# a member's record and its output files (name → bytes), as a worker returns them
Outcome = tuple[dict[str, Any], dict[str, bytes]]


def _member_files(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The names a complete member folder holds for these formats (`.json` is the
    assessment, always written)."""
    return ("assessment.json", *(f"report{s}" for s in formats if s != ".json"), RESULT_FILE)


# every name a batch writes into a member's folder: only these are ever removed from it, so
# nothing a user put there is touched
MEMBER_FILES = _member_files(BATCH_FORMATS)


class BatchError(DdtoolError):
    """The batch cannot run at all (no members, bad output directory, bad scheduler)."""


@dataclass(frozen=True, slots=True)
class Member:
    """One member organisation: its chain file and its safe output folder name.

    `name` is what the summary calls it (the file name without its suffix, or a path when two
    files share that name); `member_path` is its path from the folder given (the file name,
    suffix included, for a file given by itself), which the presence of other files does not
    change: its pseudonym is made from that."""

    name: str
    path: Path
    folder: str
    member_path: str


@dataclass(frozen=True, slots=True)
class NotMember:
    """A folder among the inputs whose member-like files are not read as members, and why
    (the output of an earlier batch: its summary and its member folders; a folder that
    could not be read, its files not counted)."""

    path: Path
    reason: str
    files: int | None  # None: not known (a folder that could not be read)
    # the files' names, where each is a file of its own left out (a read-me, a pipe): an
    # officer must know which file a member sent was dropped, not only how many
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class BatchOptions:
    """What every member's assessment uses (recorded in each result). `as_of`: the date
    certificates and audits are judged on; None for `SOURCE_DATE_EPOCH`'s or today's, as
    `assess` takes it, decided once for the whole run (`run_batch`). `limits`: what each
    member's file is read within (`--max-tiers` and the others, as `assess` takes them)."""

    formats: tuple[str, ...] = (".json", ".xlsx")
    profiles: tuple[str, ...] = ()
    config: str | None = None
    as_of: dt.date | None = None
    resume: bool = False
    anonymise: bool = False
    jobs: int | None = None
    scheduler: str | None = None
    limits: Limits = field(default_factory=Limits)


@dataclass(slots=True)
class BatchResult:
    """Per-member records, in member order, and the summary document; `skipped` counts the
    members resumed, `notes` are the lines the terminal should show beside the summary (what
    was not read as members, member folders of an earlier run left in the output folder);
    `failed` and `ranked` hold the records of its failures and its ranking, row for row, so
    that the terminal can name an anonymised member as the operator knows it."""

    records: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)  # as the summary lists them
    ranked: list[dict[str, Any]] = field(default_factory=list)  # as the summary ranks them


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_folder(name: str) -> str:
    """A folder name that cannot escape the output directory or clash with hidden files."""
    cleaned = _SAFE.sub("_", name).strip("._-")[:80]
    return cleaned or "member"


def search_inputs(
    inputs: list[Path], exclude: Path | None = None
) -> tuple[list[Member], list[NotMember]]:
    """Member files from directories (recursively) and files, with unique, safe folder
    names; and the folders among the inputs whose files are not read as members.

    An input that is neither a file nor a folder stops the batch before any work, all such
    inputs named at once: a mistyped path dropped silently would leave a member out of the
    roll-up unnoticed. A link inside a folder that leads nowhere is a member (it fails, like
    a broken file). What a batch wrote is never a member (`_files_in`): not the summary and
    member folders of an earlier batch found in an input folder, nor anything in `exclude`
    (this run's output folder) when it lies in an input folder. One file given twice
    (`a.yaml` and its absolute path, or a link to it) is one member, under the spelling
    given first. Two files with the same name are named by their paths from the folder
    they share (`north/acme.yaml`, `south/acme.yaml`), so each summary row is its own;
    `member_path` is `_member_paths`'s; folder names are chosen by `_folder_names`.
    """
    wrong = [_not_an_input(item) for item in inputs if not (item.is_dir() or item.is_file())]
    if wrong:
        them = "the path" if len(wrong) == 1 else "these paths"
        raise BatchError(
            f"{'; '.join(wrong)}. Nothing was assessed: correct or leave out {them} and run again."
        )
    files: list[tuple[Path, str]] = []  # each file found with its path from the folder given
    not_members: list[NotMember] = []
    for item in inputs:
        if item.is_dir():
            found = _files_in(item, exclude, not_members)
            files.extend((path, path.relative_to(item).as_posix()) for path in found)
        else:
            files.append((item, item.name))
    first_spelling: dict[Path, tuple[Path, str]] = {}
    for path, relative in files:
        first_spelling.setdefault(_resolved(path), (path, relative))
    unique = [path for path, _ in first_spelling.values()]
    alike: dict[str, list[Path]] = {}
    for path in unique:
        alike.setdefault(path.stem.casefold(), []).append(path)
    names: list[str] = []
    for path in unique:
        name = path.stem
        same = alike[name.casefold()]
        if len(same) > 1:
            name = _shared_path(path, same)
        names.append(name)
    # a stem can be another member's path (acme.yaml.csv beside acme.yaml and acme.csv): each
    # name is one member's, so those named alike are named by their paths from the folder
    # they share (distinct, but for case alone: ACME.YAML and acme.yaml), round by round
    for _ in range(len(names)):
        taken: dict[str, list[int]] = {}
        for i, name in enumerate(names):
            taken.setdefault(name.casefold(), []).append(i)
        renamed = False
        for indexes in (ix for ix in taken.values() if len(ix) > 1):
            paths = [unique[i] for i in indexes]
            for i in indexes:
                name = _shared_path(unique[i], paths)
                renamed |= name != names[i]
                names[i] = name
        if not renamed:
            break
    # (a name that is not UTF-8, `M\xfcller.yaml` from a zip made on Windows: as path_text
    # writes it, in the summary, the results and the pseudonyms alike)
    names = [path_text(name) for name in names]
    member_paths = [path_text(path) for path in _member_paths(list(first_spelling.values()))]
    folders = _folder_names(unique, names, exclude)
    members = [Member(*member) for member in zip(names, unique, folders, member_paths, strict=True)]
    return members, not_members


def _refuse_member_files(members: list[Member], outdir: Path) -> None:
    """A BatchError, before any work, when a member's file is one the batch would write
    over: its summary (a member's `summary.xlsx` in the folder given as the output folder)
    or a file of a member's folder; in any case, as macOS and Windows name files."""
    written = {case_key(outdir / name): "the batch's summary" for name in SUMMARY_FILES} | {
        case_key(outdir / member.folder / name): f"a file of {member.name!r}'s report folder"
        for member in members
        for name in MEMBER_FILES
    }
    clashes = [
        f"{member.path} ({written[key]})"
        for member in members
        if (key := case_key(member.path)) in written
    ]
    if clashes:
        raise BatchError(
            f"refusing to overwrite an input file: {'; '.join(clashes)} is a member's file the"
            " batch would write over. Nothing was assessed: give another output folder (-o),"
            " or rename the file"
        )


def _resolved(path: Path) -> Path:
    """The path resolved; a link in a loop (to itself, or round two links) as it is written,
    made absolute: it is a member that fails (see _not_an_input), not the batch."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def _shared_path(path: Path, alike: list[Path]) -> str:
    """`path` from the folder it shares with `alike` (those files included)."""
    shared = Path(os.path.commonpath([_resolved(p).parent for p in alike]))
    return _resolved(path).relative_to(shared).as_posix()


def _member_paths(files: list[tuple[Path, str]]) -> list[str]:
    """Each member's path from the folder given (`north/acme.yaml`; a file given by itself:
    its name), which files added or removed elsewhere do not change, so that its pseudonym
    does not either. Only two members at the same path from two inputs (`acme.yaml` in
    both folders of `ddtool batch north south`) are told apart by their paths from the
    folder they share (`north/acme.yaml`, `south/acme.yaml`)."""
    at: dict[str, list[Path]] = {}
    for path, relative in files:
        at.setdefault(relative, []).append(path)
    return [
        relative if len(at[relative]) == 1 else _shared_path(path, at[relative])
        for path, relative in files
    ]


def _files_in(folder: Path, outdir: Path | None, not_members: list[NotMember]) -> list[Path]:
    """The member files in a folder and its subfolders, sorted: files of a chain format,
    not hidden nor Excel lock files (`~$…`), nor in a hidden folder (`.archive`), and links
    leading nowhere (they fail as members: dropped, a member would be missing unsaid).

    A link to a folder is followed, as the folder it leads to would be, unless that folder
    is read anyway: it lies in `folder` (its files are read there, once), or it was reached
    already (a link round in a loop, or two links to one folder). A folder that cannot be
    read (no permission) is added to `not_members`, named, its files not counted (None).

    What a batch wrote is not read (a re-run would read its own reports as member chains):
    this run's output folder `outdir` when it lies inside `folder`; in any folder, its member
    folders (`_is_member_folder`) and, where there are such or a batch summary.json, its
    summary.xlsx. Each folder of an earlier batch's output where that leaves files unread is
    added to `not_members`, so the run can say so.
    """
    own = outdir.resolve() if outdir is not None else None
    top = _resolved(folder)
    reached = {top}  # (the real folders walked or to be walked: each once)
    unreadable: list[OSError] = []
    found: list[Path] = []
    for here, subfolders, names in os.walk(folder, onerror=unreadable.append, followlinks=True):
        place = Path(here)
        real = _resolved(place)
        if real == own and place != folder:  # (this run's output, inside an input folder)
            subfolders.clear()
            left = _left_in_output(place)
            if left:  # (files no batch wrote, never read: said, as every file left out is)
                reason = (
                    "files in this run's output folder (-o), which is never read: move a"
                    " member's file out of it to read it"
                )
                not_members.append(NotMember(place, reason, len(left), tuple(left)))
            continue
        written: list[str] = []
        kept: list[str] = []
        prose: list[str] = []  # text files that hold no table: notes, read-me files
        special: list[str] = []  # pipes, sockets, devices: no file to read (a pipe waits)
        other: list[str] = []  # files of no chain format: a PDF or a ZIP a member sent
        files_here: list[Path] = []
        try:  # (a folder listed, but nothing in it to be looked at: as one not listed)
            for name in sorted(subfolders):
                if name.startswith("."):  # (hidden, as a hidden file is)
                    continue
                subfolder = place / name
                target = _resolved(subfolder)
                linked = subfolder.is_symlink()
                if target in reached or (linked and target.is_relative_to(top)):
                    continue
                reached.add(target)
                # (a link to an earlier batch's member folder is that folder)
                member_folder = _is_member_folder(target if linked else subfolder)
                (written if member_folder else kept).append(name)
            output = bool(written) or ("summary.json" in names and _is_summary(place))
            unread = sum(_member_like(place / name) for name in written)
            for name in names:
                if name.startswith((".", "~$")):
                    continue
                if Path(name).suffix.lower() not in SUFFIXES:
                    written_here = output or real == own
                    if not (written_here and name.casefold() in _BATCH_WRITTEN) and (
                        (place / name).is_file()
                    ):
                        other.append(name)
                    continue
                path = place / name
                if output and name in SUMMARY_FILES:
                    unread += 1
                elif not (path.is_file() or path.is_dir() or path.is_symlink()):
                    # (before any is opened: opening a pipe waits for a writer)
                    special.append(name)
                elif name.lower().endswith(".txt") and path.is_file() and _is_prose(path):
                    prose.append(name)
                elif path.is_file() or (path.is_symlink() and not path.exists()):
                    files_here.append(path)
        except OSError as e:
            unreadable.append(OSError(e.errno, e.strerror, str(place)))
            subfolders.clear()
            continue
        subfolders[:] = kept
        found.extend(files_here)
        if unread and real != own:
            reason = "the output of an earlier batch (its summary and member folders)"
            not_members.append(NotMember(place, reason, unread))
        if prose:
            reason = (
                "text with no table in it (notes, read-me files: no tab, comma, semicolon or bar"
            )
            reason += " in the first line)"
            not_members.append(NotMember(place, reason, len(prose), tuple(sorted(prose))))
        if other:
            reason = (
                "files of no chain format (a PDF, a ZIP, a Numbers or Word file: save a member's"
                f" list as {', '.join(SUFFIXES[:-1])} or {SUFFIXES[-1]} to read it)"
            )
            not_members.append(NotMember(place, reason, len(other), tuple(sorted(other))))
        if special:
            reason = "not regular files (named pipes, sockets or devices)"
            not_members.append(NotMember(place, reason, len(special), tuple(sorted(special))))
    for error in unreadable:  # (its members are not known: named, so none goes unsaid)
        where = Path(error.filename) if error.filename else folder
        reason = f"a folder that could not be read ({error.strerror or error})"
        not_members.append(NotMember(where, reason, None))
    return sorted(found)


def _is_prose(path: Path) -> bool:
    """Whether a .txt file found in a folder is prose, not a table: its first line that is
    not blank has no tab, comma, semicolon or bar to separate columns by. (A .txt given by
    itself is read as a member whatever it holds.)"""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False  # (it fails as a member, with the reason)
    first = next((line for line in head.splitlines() if line.strip()), "")
    return not any(mark in first for mark in "\t,;|")


def _left_in_output(outdir: Path) -> list[str]:
    """The files of a chain format in an output folder (by their paths from it) that no
    batch wrote: not a summary (its own, or an earlier batch's in a folder within), nor in
    its member folders or hidden ones."""
    left: list[str] = []
    try:
        for here, subfolders, names in os.walk(outdir):
            place = Path(here)
            subfolders[:] = sorted(
                name
                for name in subfolders
                if not name.startswith(".") and not _is_member_folder(place / name)
            )
            left += [
                (place / name).relative_to(outdir).as_posix()
                for name in sorted(names)
                if Path(name).suffix.lower() in SUFFIXES
                and not name.startswith((".", "~$"))
                # (a summary of this batch's, or of an earlier one's output kept in it)
                and name.casefold() not in _BATCH_WRITTEN
            ]
    except OSError:  # (what cannot be listed is not read either way)
        pass
    return left


def _is_member_folder(folder: Path) -> bool:
    """Whether a folder is one a batch wrote for a member: it holds a batch's `result.json`,
    or (a member stopped before its result was written) an `assessment.json` beside nothing
    but names a batch writes there (hidden files, such as a temporary file left by a killed
    run, do not count)."""
    if folder.is_symlink():
        return False
    try:
        record = json.loads((folder / RESULT_FILE).read_bytes())
    except (OSError, ValueError):
        record = None
    if isinstance(record, dict) and record.get("status") in ("ok", "failed"):
        return True
    try:
        return (folder / "assessment.json").is_file() and _only_member_files(folder)
    except OSError:  # (a folder that cannot be read: said when it is walked, see _files_in)
        return False


def _is_summary(folder: Path) -> bool:
    """Whether a folder's summary.json is a batch's summary."""
    try:
        summary = json.loads((folder / "summary.json").read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(summary, dict) and {"ranking", "failures"} <= summary.keys()


def _member_like(folder: Path) -> int:
    """How many files in a folder (and beneath) a batch would otherwise read as members."""
    return sum(
        1
        for path in folder.rglob("*")
        if path.suffix.lower() in SUFFIXES
        and not path.name.startswith((".", "~$"))
        and path.is_file()
    )


def _folder_names(paths: list[Path], names: list[str], outdir: Path | None) -> list[str]:
    """Each member's folder in the output folder: its file name made safe or, when that
    name is taken, the name plus 8 hex digits of SHA-256 of the member's name.

    A name is taken by a member whose name sorts first (not the one given first, so the
    order of the inputs changes no folder), and by what lies in the output folder that a
    batch did not make: the summary, a folder holding member files (the output folder is
    an input folder, say), a folder or file of the user's. The suffix comes from the
    member's name, which the spelling of its path does not change, so `--resume` finds
    the folder whether the path is given relative or absolute.
    """
    taken = _taken_names(paths, outdir)
    wanted = [safe_folder(path.stem) for path in paths]
    folders = [""] * len(paths)
    for i in sorted(range(len(paths)), key=lambda i: (wanted[i].casefold(), names[i])):
        folder = wanted[i]
        if folder.casefold() in taken:
            digest = hashlib.sha256(names[i].encode("utf-8")).hexdigest()[:8]
            folder = f"{wanted[i]}-{digest}"
            again = 2
            while folder.casefold() in taken:  # (two digests alike: practically never)
                folder = f"{wanted[i]}-{digest}-{again}"
                again += 1
        taken.add(folder.casefold())
        folders[i] = folder
    return folders


def _taken_names(paths: list[Path], outdir: Path | None) -> set[str]:
    """Names (casefolded) in the output folder that no member's folder may have: the
    summary files, the first part of the path of every member file inside the output
    folder, and every entry there that is not a member folder a batch made. Writing a
    member's reports into a folder of member files would have a re-run take those files
    for the batch's own and leave their members out, unsaid."""
    taken = {name.casefold() for name in (*SUMMARY_FILES, ANONYMISE_KEY_FILE)}
    if outdir is None:
        return taken
    root = outdir.resolve()
    for path in paths:
        with contextlib.suppress(ValueError):
            taken.add(_resolved(path).relative_to(root).parts[0].casefold())
    with contextlib.suppress(OSError):
        for entry in outdir.iterdir():
            if not _made_by_batch(entry):
                taken.add(entry.name.casefold())
    return taken


def _made_by_batch(entry: Path) -> bool:
    """Whether an entry of the output folder is a member folder a batch made: a folder
    with a result, or holding nothing but names a batch writes there (a member stopped
    before its result was written; hidden files, such as a temporary file left by a
    killed run, do not count)."""
    if entry.is_symlink() or not entry.is_dir():
        return False
    return (entry / RESULT_FILE).is_file() or _only_member_files(entry)


def _only_member_files(folder: Path) -> bool:
    """Whether a folder holds nothing but names a batch writes in a member folder (hidden
    files, such as a temporary file left by a killed run, do not count)."""
    try:
        return all(
            child.name in MEMBER_FILES or child.name.startswith(".") for child in folder.iterdir()
        )
    except OSError:
        return False


def _not_an_input(item: Path) -> str:
    """Why an input is neither a file nor a folder, with the path meant when it looks
    mistyped."""
    if item.is_symlink():
        try:
            item.resolve(strict=True)
        except RuntimeError:  # (to itself, or round several links)
            return f"{item}: a link that leads round in a loop, to no file"
        except OSError:
            pass
        return f"{item}: a link to {os.readlink(item)}, which does not exist"
    if item.exists():
        return f"{item}: not a file or folder"
    meant = _closest_path(item)
    return f"{item}: no such file or folder" + (f" (did you mean {meant}?)" if meant else "")


def _closest_path(item: Path) -> Path | None:
    """The existing path nearest to `item`: each missing part replaced by the most alike
    name beside it (`membrs/nroth` → `members/north`); None when a part has no close match."""
    from rapidfuzz import fuzz, process

    place = Path(item.anchor)
    for part in item.parts[1:] if item.anchor else item.parts:
        if (place / part).exists():
            place = place / part
            continue
        try:
            names = [child.name for child in place.iterdir()]
        except OSError:
            return None
        best = process.extractOne(
            part, names, scorer=fuzz.ratio, processor=str.casefold, score_cutoff=75
        )
        if best is None:
            return None
        place = place / best[0]
    return place if place.exists() else None


# the secret the pseudonyms are keyed with, kept in the output folder beside the summary (a
# suffix no chain file has: never read as a member, nor as a note)
ANONYMISE_KEY_FILE = "anonymise.key"
# the files a batch writes in its output folder, never a member's (in any case)
_BATCH_WRITTEN = frozenset(name.casefold() for name in (*SUMMARY_FILES, ANONYMISE_KEY_FILE))


def pseudonym(name: str, key: bytes) -> str:
    """A stable pseudonym for publishing roll-ups without member names: made from the
    member's path from the folder given (`Member.member_path`), keyed with the output
    folder's secret (anonymise_key). Unkeyed, anyone who can guess a member's file name (an
    association's member list is often public) could hash it and find its pseudonym."""
    import hmac

    return "member-" + hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:10]


def anonymise_key(outdir: Path) -> tuple[bytes, bool]:
    """The output folder's pseudonym key, read from ANONYMISE_KEY_FILE (64 hex digits, as
    save_anonymise_key writes them), or a new one (32 random bytes) where there is none, and
    whether it is new. Read before any member is assessed: a file that holds no key stops
    the run before it starts. The same key gives each member the same pseudonym in every
    run; copy the file to another output folder to keep them there."""
    import secrets

    path = outdir / ANONYMISE_KEY_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return secrets.token_bytes(32), True
    except OSError as e:
        raise BatchError(f"{path}: cannot read the pseudonym key ({e.strerror or e})") from None
    # (a copy saved by an editor may have gained a byte-order mark, or lost its line end)
    text = raw.decode("utf-8-sig", errors="replace").strip()
    if not re.fullmatch(r"[0-9a-fA-F]{64}", text):
        raise BatchError(
            f"{path}: not a pseudonym key (64 hex digits, as ddtool writes it); remove it to"
            " have a new one made (the pseudonyms then change)"
        )
    return bytes.fromhex(text), False


def save_anonymise_key(outdir: Path, key: bytes) -> bytes:
    """Put a new key into the output folder, readable by its owner alone from the first byte
    on (a temporary file made so, linked into place), unless one was put there since the run
    read none (a key copied in, a run beside this one): the key in place is returned, as the
    key to use."""
    path = outdir / ANONYMISE_KEY_FILE
    fd, tmp = tempfile.mkstemp(prefix=f".{ANONYMISE_KEY_FILE}.", suffix=".tmp", dir=outdir)
    try:
        _write_key(fd, key)  # (mkstemp: mode 0600)
        try:
            os.link(tmp, path)  # (never over a key that is there)
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links: made only where there is none
            with contextlib.suppress(FileExistsError):
                _write_key(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), key)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return anonymise_key(outdir)[0]


def _write_key(fd: int, key: bytes) -> None:
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key.hex() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def assess_member(
    path: str,
    formats: tuple[str, ...],
    profiles: tuple[str, ...],
    config: str | None,
    as_of: dt.date | None,
    limits: Limits,
    given: str | None = None,
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Worker: assess one member file, read within `limits`; return its record and its
    output files as bytes. `given`: the path as the run was given it, where the worker is
    handed another spelling to open (a Dask worker, the absolute path): the record, its
    error and the assessment name the file so, as a local run does."""
    from ddtool.assess import AssessOptions, assess
    from ddtool.reporters import reporter_for
    from ddtool.reporters.json_report import dump_bytes
    from ddtool.sources.interface import ReadOptions

    given = path if given is None else given
    record: dict[str, Any] = {"file": path_text(given), "input_sha256": _sha256(Path(path))}
    try:
        result = assess(
            [Path(path)],
            AssessOptions(
                profiles=[Path(p) for p in profiles],
                config=Path(config) if config else None,
                as_of=as_of,
                # (a batch maps headers in its settings' columns: block, not with --map)
                read=ReadOptions.within(limits, mapped_by="config"),
            ),
        )
        doc = result.data
        if given != path:
            _name_as_given(doc["input"], path, given)
        outputs: dict[str, bytes] = {"assessment.json": dump_bytes(doc)}
        with tempfile.TemporaryDirectory() as tmp:
            for suffix in formats:
                if suffix == ".json":
                    continue
                target = Path(tmp) / f"report{suffix}"
                reporter_for(target).write(doc, target)
                outputs[target.name] = target.read_bytes()
        figures = _member_figures(doc)
    except InputError as e:
        errors = [p for p in e.problems if p.severity == "error"]
        warnings = len(e.problems) - len(errors)
        shown = errors or list(e.problems)  # (refused for warnings alone: they are the cause)
        error = _problems_text(shown)
        # (a column not read, "Compra de" kept beside the buyers' header it is much like, is
        # often why the errors arose: the batch has no --map, so it is said with them)
        unread = [p for p in e.problems if errors and p.type == "unmapped-column"]
        if unread:
            error += "; perhaps because: " + "; ".join(map(str, unread[:ERRORS_SHOWN]))
        record.update(status="failed", error=_as_given(error, path, given), errors=len(shown))
        record["warnings"] = warnings if errors else 0
        if e.company:  # (kept out of an anonymised summary's errors)
            record["company_named"] = e.company
        if any(p.type == "yaml-syntax" for p in e.problems):  # (its company not read)
            written = _company_written(Path(path))
            if written:
                record["company_written"] = written
        return record, {}
    except DdtoolError as e:
        record.update(status="failed", error=_as_given(str(e), path, given), errors=1)
        return record, {}
    except OSError as e:  # (a file that cannot be read: a failure of the member, located)
        where = shown_name(str(e.filename or path))
        error = _as_given(f"{where}: {e.strerror or e}", path, given)
        record.update(status="failed", error=error, errors=1)
        return record, {}
    except Exception as e:  # a member must never stop the batch
        error = _as_given(f"internal error: {type(e).__name__}: {e}", path, given)
        record.update(status="failed", error=error, errors=1)
        return record, {}
    record.update(status="ok", **figures)
    return record, outputs


def _name_as_given(source: dict[str, Any], path: str, given: str) -> None:
    """An assessment's `input` naming the file as given, not as the worker opened it."""
    opened = path_text(path)
    for entry in (source, *(source.get("files") or [])):
        if entry.get("path") == opened:
            entry["path"] = path_text(given)


def _as_given(text: str, path: str, given: str) -> str:
    """A text naming the file as the worker opened it (`path`) naming it as given, and
    valid UTF-8 (see path_text)."""
    if given != path:
        for form in (shown_name, path_text):
            text = text.replace(form(path), form(given))
    return path_text(text)


def _valid_text(value: Any) -> Any:
    """A record with every text in it as UTF-8 can hold it (see path_text): a message may
    quote a path that is not UTF-8, and result.json must be written whatever it says."""
    if isinstance(value, str):
        return path_text(value)
    if isinstance(value, dict):
        return {_valid_text(key): _valid_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_valid_text(item) for item in value]
    return value


def _problems_text(problems: list[Problem]) -> str:
    """The first few problems, one after the other, in the order of their places (the file's
    own first, then by row or line: a check of the whole chain, an unknown buyer, is found
    after the cells' and would otherwise come last), and how many more there are: a member
    who fixes what the text lists must know whether that is all."""
    problems = sorted(
        problems, key=lambda p: (p.location.file, p.location.row or p.location.line or 0)
    )
    text = "; ".join(str(p) for p in problems[:ERRORS_SHOWN])
    more = len(problems) - ERRORS_SHOWN
    if more > 0:
        text += f" (+{more} more error{'s' if more > 1 else ''})"
    return text


def _ended_abruptly(member: Member, path: str) -> Outcome:
    """The record of a member whose worker process ended while assessing it (killed, most
    often by the system when memory ran out): failed, like a broken file."""
    record = {
        "file": path_text(path),
        "input_sha256": _sha256(member.path),
        "status": "failed",
        "error": f"{shown_name(path)}: the worker assessing it ended abruptly (out of memory?)",
        "errors": 1,
    }
    return record, {}


def _member_figures(doc: dict[str, Any]) -> dict[str, Any]:
    """A member's figures for the summary, from its assessment."""
    from ddtool.document import of_its_score
    from ddtool.reporters.shown import GAP_LEVEL, flag_counts

    s = doc["summary"]
    mapped = [x for x in doc["suppliers"] if not x["inferred"]]
    # (tiers inferred beneath a supplier are no gap of its own data; nothing known beneath
    # a trader of anything, or beneath a supplier whose products deny the goods beneath its
    # sector, is: its own level is all there is, document.NOTHING_FOLLOWED, DENIED_BELOW)
    with_gap = sum(1 for x in mapped if any(map(of_its_score, x["data_gaps"])))
    hotspots = Counter(
        f"{f.get('country') or 'unknown'}|{f.get('sector') or 'unknown'}"
        for f in register(doc)
        if not f["inferred"]
    )
    warnings = doc.get("warnings") or []
    return {
        "company": doc["company"]["name"],
        # a member assessed with warnings (a second supplier sheet not read, say) is counted
        # as a failure's are, and its first one is given for the terminal: its "ok" alone
        # would hide what was left out
        "warnings": len(warnings),
        "first_warning": _warning_text(warnings[0]) if warnings else None,
        "suppliers": s["suppliers"],
        "inferred_suppliers": s["inferred_suppliers"],
        "flags": s["flags"],
        "flags_by_level": s["flags_by_level"],
        # of its low flags, those on missing data (which every summary counts apart from low)
        "flags_low_on_a_gap": flag_counts(doc).get(GAP_LEVEL, 0),
        "exposure": _exposure(doc),
        "data_gap_rate": round(with_gap / len(mapped), 4) if mapped else 0.0,
        "hotspots": dict(sorted(hotspots.items())),
        "profiles_sha256": doc["profiles"]["sha256"],
    }


def _warning_text(warning: Mapping[str, Any]) -> str:
    """One warning of an assessment as one line, located as a failure's errors are."""
    try:
        where = Location(**warning["location"])
        return str(Problem(warning["type"], warning["message"], where, "warning"))
    except (KeyError, TypeError):  # (an assessment of another shape: its message alone)
        return str(warning.get("message", "")) if isinstance(warning, Mapping) else ""


def _exposure(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A member's chain exposure for the summary, by risk type: its plain level, priority
    and share-weighted priority, and the data gaps that bear on its level (document.
    chain_gaps: those of every supplier whose own level of that risk type rests on missing
    data, whichever supplier the maximum sits on, at every level but critical), as its
    assessment's summary holds them (schema 2.3; an earlier one's read from its supplier
    entries: document.exposure_gaps). As the assessment keeps a supplier's gaps beside its
    plain level, the summary keeps them beside the exposure's: a level with gaps reads
    "low (data gap)", "medium (data gap)" (see `level_shown`), as the assessment's reports
    show the chain's exposure."""
    from ddtool.document import exposure_gaps

    exposure = doc["summary"]["exposure"]
    gaps = exposure_gaps(doc)
    # the tiers nobody mapped: a maximum on one of them is an assumption to replace by
    # mapping, not a supplier known
    inferred = {x["id"] for x in doc["suppliers"] if x["inferred"]}
    return {
        rt: {
            "level": e["level"],
            "priority": e["priority"],
            "weighted_priority": doc["company"]["exposure"][rt]["weighted_priority"],
            "data_gaps": gaps[rt],
            "inferred": e.get("from") in inferred,
        }
        for rt, e in exposure.items()
    }


def _on_inferred(exposure: Mapping[str, Mapping[str, Any]]) -> str:
    """The risk types whose highest level sits on a tier nobody mapped (an assumption of
    the engine, to be replaced by mapping), as the Ranking sheet lists them."""
    return ", ".join(rt.replace("_", " ") for rt in RISK_TYPES if exposure[rt].get("inferred"))


def level_shown(exposure: Mapping[str, Any]) -> str:
    """An exposure level of the summary as the reports show the chain's: with "(data gap)"
    where data gaps bear on it (its `data_gaps`: "low (data gap)", never plain "low";
    "medium (data gap)" where what a supplier's missing data hides could raise it)."""
    from ddtool.reporters.shown import gap_level

    return gap_level(str(exposure["level"]), bool(exposure.get("data_gaps")))


def _settings_key(options: BatchOptions) -> str:
    """What, besides the member's file, decides its figures: the risk profiles (their
    content hash, overlays included) and the settings (the file's content, as read)."""
    from ddtool.config import load_config
    from ddtool.profiles import load_profiles

    profiles = load_profiles([Path(p) for p in options.profiles])
    config = load_config(Path(options.config) if options.config else None)
    settings = json.dumps(config.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(f"{profiles.sha256}\n{settings}".encode()).hexdigest()


def _about(options: BatchOptions) -> dict[str, Any]:
    """What every member was assessed with, for the summary: the tool and when the summary
    was made (`SOURCE_DATE_EPOCH` pins it, as an assessment's), the risk profiles (version,
    content hash, overlays), the settings file, if one was given, and the limits each
    member's file was read within."""
    import datetime as dt

    from ddtool import __version__
    from ddtool.assess import source_date
    from ddtool.config import load_config
    from ddtool.profiles import load_profiles

    profiles = load_profiles([Path(p) for p in options.profiles])
    made = (source_date() or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    # (the settings' levels as they are now: the file may be edited or moved by next year)
    config = load_config(Path(options.config) if options.config else None)
    bounds = config.thresholds
    return {
        "tool": {"name": "ddtool", "version": __version__},
        "generated_at": made.isoformat(),
        "profiles": {
            "version": profiles.version,
            "sha256": profiles.sha256,
            "overlays": list(profiles.overlays),
        },
        "settings": options.config,
        "as_of": options.as_of.isoformat() if options.as_of else None,
        "levels": {
            "medium": bounds.medium,
            "high": bounds.high,
            "critical": bounds.critical,
            "flag_level": config.flag_level,
        },
        "limits": options.limits.as_dict(),
    }


def _run_date(options: BatchOptions) -> dt.date:
    """The as-of date of this run: the one given, else `SOURCE_DATE_EPOCH`'s, else today in
    UTC (as `assess` chooses it)."""
    from ddtool.assess import run_date

    return options.as_of if options.as_of is not None else run_date()


def _complete(
    outdir: Path, member: Member, options: BatchOptions, settings: str
) -> dict[str, Any] | None:
    """The stored record, its figures read again from its assessment, when a member's
    outputs are complete, and its input (the file at
    the same place, `_same_file`, and its content), the risk profiles, the settings, the
    as-of date and the ddtool version unchanged (changing --config or --profiles
    re-assesses; so does a later day: certificates expire and audits age), and when its file
    would be read within this run's limits too: none of them lower than those it was
    assessed within (a limit only refuses a file, so raising one, as a member refused for it
    is told to, keeps the others; lowering one re-assesses, as the member may now be
    refused)."""
    from ddtool import __version__

    folder = outdir / member.folder
    try:
        record = json.loads((folder / RESULT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("status") != "ok":
        return None
    if not _same_file(record, member, outdir) or record.get("input_sha256") != _sha256(member.path):
        return None
    formats = record.get("formats")
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        return None
    # the same formats in another order (`--format html,xlsx` after `xlsx,html`) are the same
    if set(formats) != set(options.formats) or record.get("settings") != settings:
        return None
    assessed_within = _recorded_limits(record)
    if assessed_within is None or not options.limits.admits(assessed_within):
        return None
    for name in record.get("outputs", []):
        if not (folder / name).is_file():
            return None
    try:
        doc = json.loads((folder / "assessment.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict):
        return None
    used, tool = doc.get("options"), doc.get("tool")
    as_of = options.as_of.isoformat() if options.as_of else None
    if not isinstance(used, dict) or used.get("as_of") != as_of:
        return None
    if not isinstance(tool, dict) or tool.get("version") != __version__:
        return None
    from ddtool.assess import SCHEMA_VERSION

    if doc.get("schema_version") != SCHEMA_VERSION:  # (its gaps told by an earlier rule)
        return None
    try:
        # every figure read again from the assessment, whichever version wrote the record
        # and whatever it holds: the summary's counts, levels and gaps are those of the
        # member's own reports (which data gaps bear on a level is this version's rule; a
        # record of an earlier one kept only the gaps of the supplier its maximum sits on,
        # and an assessment of an earlier schema holds those of an earlier rule: above)
        record.update(_member_figures(doc))
    except (KeyError, TypeError, AttributeError):
        return None
    return record


def _same_file(record: Mapping[str, Any], member: Member, outdir: Path) -> bool:
    """Whether a stored record is of this member's file: the file it names is this member's,
    and so is its path from the folder given (`member_path`). The file it names is found as
    the run that wrote it saw it, from whatever working directory this one is started in:
    by its path from the output folder (`file_from_output`, which the output folder keeps
    wherever it is reached from, and keeps when the input and output folders move
    together); or by its `file` as written (absolute, or relative to the working directory:
    a record of a ddtool that did not record the other, or an output folder moved alone).
    Its content alone is not enough: a copy of the file elsewhere, or the file moved within
    the folder given, takes the folder of a member whose outputs name another file, so it
    is assessed again and every output names its own file."""
    file, member_path = record.get("file"), record.get("member_path")
    if not isinstance(file, str) or member_path != member.member_path:
        return False
    own = _resolved(member.path)
    from_output = record.get(FROM_OUTPUT)
    if isinstance(from_output, str) and _resolved(_resolved(outdir) / from_output) == own:
        return True
    if from_output is not None and from_output == _from_output(member.path, outdir):
        return True  # (a name that is not UTF-8, as path_text writes it)
    return _resolved(Path(file)) == own


def _from_output(path: Path, outdir: Path) -> str:
    """A member file's path from the output folder, both resolved (`../chains/acme.yaml`):
    how a later run finds the file a result.json is of, from any working directory (see
    _same_file). Its resolved path where there is none (on another drive)."""
    file = _resolved(path)
    try:
        return path_text(Path(os.path.relpath(file, _resolved(outdir))).as_posix())
    except ValueError:
        return path_text(file.as_posix())


def _recorded_limits(record: Mapping[str, Any]) -> Limits | None:
    """The limits a stored member was assessed within: the defaults for a record written
    before a batch took limits (it read within them), None for one that cannot be read."""
    given = record.get("limits", {})
    if not isinstance(given, dict):
        return None
    try:
        return Limits.from_dict(given)
    except ValueError:  # (a name that is no limit, a value no whole number or above its most)
        return None


def _store(
    outdir: Path,
    member: Member,
    result: str,
    files: dict[str, bytes],
    also_remove: Iterable[Path] = (),
) -> None:
    """Write a member's files into its folder, put in place together (atomic.published_together):
    the folder holds the complete set of the earlier run or of this one, never some of each.
    Each file goes to a temporary file first; once all are written, the earlier result goes
    (and `also_remove`: the earlier summary, out of step once a member folder is rewritten),
    the new files are renamed into place, the files of the earlier run not written again are
    removed, and the result comes last (its presence marks a complete member). Ctrl-C or
    SIGTERM while the files are written leaves the folder as it was, and removes the
    temporary files; during the renames, it takes effect after them. A write that fails or
    is stopped leaves no empty folder: the folder goes if it holds nothing. Temporary files
    a killed run left in the folder are removed first."""
    folder = (outdir / member.folder).resolve()
    if folder.parent != outdir.resolve():
        raise BatchError(f"{member.path}: output folder would leave {outdir}")
    # (a folder the run makes, or one holding a batch's result: nothing of the user's)
    made = not folder.exists() or (folder / RESULT_FILE).is_file()
    folder.mkdir(parents=True, exist_ok=True)
    try:
        _remove_leftovers(folder)
        with published_together():
            for path in also_remove:
                remove_together(path)
            # the old result goes first: while the files change, the folder must not look
            # complete (a rename that fails, a disk lost, leaves it without a result)
            remove_together(folder / RESULT_FILE)
            for name, payload in files.items():
                write_atomic(folder / name, payload)
            _remove_stale(folder, keep=files)
            write_atomic(folder / RESULT_FILE, result)
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # (only when empty)
        raise


# the temporary file of a name a batch writes in a member's folder (atomic.atomic_open)
_LEFTOVER = re.compile(
    rf"\.(?:{'|'.join(re.escape(name) for name in MEMBER_FILES)})\.[a-z0-9_]+\.tmp"
)


def _remove_leftovers(folder: Path) -> None:
    """Remove the temporary files a run killed while it wrote this member's files left in
    its folder (SIGKILL, a power cut): hidden, they are never read, but take room."""
    with contextlib.suppress(OSError):
        for child in folder.iterdir():
            if _LEFTOVER.fullmatch(child.name) and child.is_file() and not child.is_symlink():
                with contextlib.suppress(OSError):
                    child.unlink()


def _identity(path: Path) -> tuple[int, int] | None:
    """A file's device and inode, None when there is none: a file renamed into its place
    (atomic_open) has another."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _result_text(record: dict[str, Any]) -> str:
    """A member's result file as written (`result.json`)."""
    return json.dumps(record, indent=2, ensure_ascii=False) + "\n"


def _stored(outdir: Path, member: Member, result: str, before: object) -> bool:
    """Whether a member's files were put in place (a stop that came while they were renamed
    takes effect after, see _store): its result file holds `result` (_result_text), put
    there since the result of identity `before` (_identity)."""
    path = outdir / member.folder / RESULT_FILE
    now = _identity(path)
    if now is None or now == before:
        return False
    try:
        return path.read_text(encoding="utf-8") == result
    except (OSError, ValueError):
        return False


def _remove_stale(folder: Path, keep: Iterable[str]) -> None:
    """Remove what an earlier run wrote into a member's folder and this one did not write
    again (a report of a format since dropped, the reports beside a result that now
    failed): they would pass for this run's. Only the names a batch writes are touched
    (inside a published_together block, when it puts its files in place)."""
    kept = set(keep)
    for name in MEMBER_FILES:
        stale = folder / name
        if name not in kept and stale.is_file():
            remove_together(stale)


def _run_local(todo: list[Member], options: BatchOptions) -> Iterator[tuple[Member, Outcome]]:
    """Assess the members in worker processes (in this one with `--jobs 1`), yielding each
    as it is done.

    A worker that ends abruptly (killed, or by the system when memory ran out) breaks its
    pool and loses every member in flight with it. The pool is replaced, and those members
    are assessed again one at a time, each alone in a pool of one worker: the member whose
    worker ends again is recorded as failed, the others were only beside it. Then the rest
    go on as before.
    """
    if options.jobs == 1:
        for member in todo:
            yield member, assess_member(*_member_task(member, options))
        return
    jobs = options.jobs or 1
    pools: list[ProcessPoolExecutor] = []  # the one in use is the last
    waiting = deque(todo)
    fruitless = 0  # pools in a row that broke with no member in flight
    try:
        while waiting:
            lost = yield from _until_broken(_new_pool(jobs, pools), waiting, jobs, options)
            fruitless = 0 if lost or not waiting else fruitless + 1
            if fruitless >= 3:
                raise BatchError(
                    "the worker processes keep ending before they assess anything;"
                    " run again with --jobs 1 to see why"
                )
            alone: ProcessPoolExecutor | None = None
            for member in lost:
                if alone is None:
                    alone = _new_pool(1, pools)
                try:
                    outcome = _submit(alone, member, options).result()
                except BrokenProcessPool:
                    outcome = _ended_abruptly(member, str(member.path))
                    alone = None
                yield member, outcome
    except BaseException:
        # Ctrl-C (or any failure here): stop at once; finished members are already on disk
        if pools:
            _stop_workers(pools[-1])
        raise
    if pools:
        pools[-1].shutdown(wait=True)


def _new_pool(workers: int, pools: list[ProcessPoolExecutor]) -> ProcessPoolExecutor:
    """A fresh pool of worker processes in place of the last one (broken, or done with)."""
    if pools:
        pools.pop().shutdown(wait=True)
    pools.append(
        ProcessPoolExecutor(
            max_workers=workers, initializer=_prepare_worker, initargs=(os.getpid(),)
        )
    )
    return pools[-1]


def _submit(pool: ProcessPoolExecutor, member: Member, options: BatchOptions) -> Future[Outcome]:
    # (the pool forks its workers as the first member is handed over: a Ctrl-C meanwhile
    # stops the batch once they are forked, see ddtool.stopping)
    with stopping.forking():
        return pool.submit(assess_member, *_member_task(member, options))


def _member_task(
    member: Member, options: BatchOptions
) -> tuple[str, tuple[str, ...], tuple[str, ...], str | None, dt.date | None, Limits]:
    """What assess_member is given for a member (in a worker, or in this process)."""
    return (
        str(member.path),
        options.formats,
        options.profiles,
        options.config,
        options.as_of,
        options.limits,
    )


def _until_broken(
    pool: ProcessPoolExecutor, waiting: deque[Member], jobs: int, options: BatchOptions
) -> Generator[tuple[Member, Outcome], None, list[Member]]:
    """Assess the waiting members on `pool`, yielding each as it is done, until none is
    left or the pool breaks; return the members in flight when it broke. One member more
    than there are workers is handed over at a time (a worker that is done starts the next
    at once), so a break puts no more than those in doubt: a pool fails every member it
    holds when one of its workers ends."""
    running: dict[Future[Outcome], Member] = {}
    lost: list[Member] = []
    broken = not _hand_over(pool, waiting, running, jobs + 1, options)
    while running:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        if broken or any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            broken = True
            done = wait(running).done  # (the pool is failing them all: wait for the rest)
        finished = []
        for future in done:
            member = running.pop(future)
            if isinstance(future.exception(), BrokenProcessPool):
                lost.append(member)
            else:
                finished.append((member, future.result()))
        if not broken:  # the next ones first: no worker waits while the done ones are written
            broken = not _hand_over(pool, waiting, running, jobs + 1, options)
        yield from finished
    return lost


def _hand_over(
    pool: ProcessPoolExecutor,
    waiting: deque[Member],
    running: dict[Future[Outcome], Member],
    limit: int,
    options: BatchOptions,
) -> bool:
    """Submit waiting members until `limit` are running; False when the pool is broken."""
    while waiting and len(running) < limit:
        member = waiting.popleft()
        try:
            running[_submit(pool, member, options)] = member
        except BrokenProcessPool:  # it broke before this member was handed over
            waiting.appendleft(member)
            return False
    return True


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool and its workers at once, whatever they are doing."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.terminate()


def _prepare_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the main process, which stops them cleanly, and end at once
    when it terminates them (they inherit its SIGTERM handler, which would have a worker
    unwind instead of ending, and hang). A worker also ends when the main process is gone
    without stopping it (killed with SIGKILL): it would otherwise wait for work forever."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    stopping.unblock()  # (forked with them blocked: a Ctrl-C that came meanwhile is dropped)
    # `parent` is the batch's process id, as it gave it. A worker it forked or spawned has it
    # as its parent, until the batch is gone (a batch killed while this worker started has
    # left it with another parent already, which os.getppid() here would take for it); a
    # worker started by a fork server (Python's default on Linux from 3.14) has the server
    # as its parent: it watches the batch itself
    forked = os.getppid() == parent

    def end_with_parent() -> None:
        while (os.getppid() == parent) if forked else _running(parent):
            time.sleep(0.5)
        os._exit(1)  # (nothing to lose: a worker writes no output file)

    threading.Thread(target=end_with_parent, name="end-with-parent", daemon=True).start()


def _running(pid: int) -> bool:
    """Whether a process runs (a zombie, dead and not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # (another user's: it runs)
        return True
    try:  # (Linux: a zombie is still there to signal)
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(") ", 1)[1][:1] != "Z"
    except OSError:
        return True


def _run_dask(todo: list[Member], options: BatchOptions) -> Iterator[tuple[Member, Outcome]]:
    try:
        from distributed import Client, KilledWorker
        from distributed import as_completed as dask_completed
    except ImportError as e:
        raise BatchError(
            "--scheduler needs the optional Dask extra: pip install 'ddtool[distributed]'"
        ) from e
    try:
        client = Client(options.scheduler, timeout="10s")  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as e:
        raise BatchError(f"cannot reach the Dask scheduler {options.scheduler}: {e}") from e
    try:
        futures = {
            client.submit(
                assess_member,
                str(_resolved(m.path)),  # (workers run elsewhere: the file as they find it)
                options.formats,
                options.profiles,
                options.config,
                options.as_of,
                options.limits,
                str(m.path),  # (named as given, as a local run names it)
                key=f"ddtool-{m.folder}-{_sha256(m.path)[:12]}",
                pure=False,
            ): m
            for m in todo
        }
        for future in dask_completed(list(futures)):  # type: ignore[no-untyped-call]
            member = futures[future]
            try:
                outcome = future.result()
            except KilledWorker:  # the workers it was given to ended abruptly, each time
                outcome = _ended_abruptly(member, str(member.path))
            yield member, outcome
    finally:
        client.close()  # type: ignore[no-untyped-call]


def run_batch(
    inputs: list[Path],
    outdir: Path,
    options: BatchOptions,
    progress: Callable[[int, int, Member, dict[str, Any]], None] | None = None,
    note: Callable[[str], None] | None = None,
) -> BatchResult:
    """Assess every member, write each one's outputs as it completes, then the summary.

    `progress(done, total, member, record)` is called as each member is written, for the
    terminal: the member's name and its record's `error` are given as one line can show them
    (`shown_text`). The summary of an earlier run goes before the first member folder is
    rewritten; a run stopped on the way (Ctrl-C, a full disk) says what it wrote and what
    not (a note on the KeyboardInterrupt; a BatchError in place of the OSError), stopped in
    the check of the earlier outputs that `--resume` begins with too. `note(text)` is told
    when that check begins: it reads every earlier assessment again, which can take a while
    before the first member's line."""
    if options.scheduler is not None:
        check_scheduler(options.scheduler)
    members, not_members = search_inputs(inputs, exclude=outdir)
    if not members:
        raise BatchError(
            f"no member files found in {', '.join(map(str, inputs))}: give chain files"
            f" ({', '.join(SUFFIXES)}) or folders holding them"
        )
    if outdir.exists() and not outdir.is_dir():
        raise BatchError(f"{outdir}: exists and is not a directory")
    _refuse_member_files(members, outdir)
    # the output folder is made by the first write (a member's folder, or the summary): a
    # run that stops before (bad settings, no scheduler, Ctrl-C) leaves no empty folder
    made = missing_folders(outdir)
    # one as-of date for every member (a run across midnight, Dask workers elsewhere), which
    # a resumed member's assessment must have been made on
    options = replace(options, as_of=_run_date(options))
    key, new_key = anonymise_key(outdir) if options.anonymise else (b"", False)
    # an anonymised summary there already, and no key: its pseudonyms were made with another
    renamed = new_key and _anonymised_summary(outdir)
    result = BatchResult()
    records: dict[str, dict[str, Any]] = {}
    todo: list[Member] = []
    settings = _settings_key(options)
    about = _about(options)
    if options.resume and note is not None and outdir.is_dir():  # (nothing to check else)
        note(
            f"--resume: checking the earlier outputs of {len(members)} member"
            f"{'' if len(members) == 1 else 's'} in {shown_text(str(outdir))}"
        )
    try:
        for member in members:
            stored = _complete(outdir, member, options, settings) if options.resume else None
            if stored is not None:
                # a folder written before stale files were removed may still hold some, and
                # one a killed run was writing again, its temporary files
                _remove_stale(outdir / member.folder, keep=_member_files(options.formats))
                _remove_leftovers(outdir / member.folder)
                # (named anew beside a file of the same name come or gone: its result says
                # so; where its file is from the output folder, as it is now; and the
                # figures read again, those an earlier version did not record too: a
                # member's warnings)
                stored.update(
                    member=member.name, **{FROM_OUTPUT: _from_output(member.path, outdir)}
                )
                text = json.dumps(stored, indent=2, ensure_ascii=False) + "\n"
                kept = outdir / member.folder / RESULT_FILE
                with contextlib.suppress(OSError):  # (a folder not writable fails below)
                    if kept.read_text("utf-8") != text:
                        write_atomic(kept, text)
                records[member.folder] = stored
                result.skipped += 1
            else:
                todo.append(member)
    except KeyboardInterrupt as e:  # (stopped in the check: no member written yet)
        remove_empty(made)
        left = [member for member in members if member.folder not in records]
        e.add_note(_Stop(outdir, left, result.skipped, checking=True).note())
        raise
    earlier = _earlier_members(outdir, members)
    stop = _Stop(outdir, todo, result.skipped)
    lost = [member for member in todo if member.path.is_symlink() and not member.path.exists()]
    runner = _run_dask if options.scheduler is not None else _run_local
    outcomes = chain(
        ((member, _dangling(member)) for member in lost),
        runner([member for member in todo if member not in lost], options),
    )
    try:
        for member, (record, files) in outcomes:
            record.update(
                member=member.name,
                member_path=member.member_path,
                **{FROM_OUTPUT: _from_output(member.path, outdir)},
                folder=member.folder,
                formats=sorted(options.formats),  # (any order typed is the same)
                settings=settings,
                limits=options.limits.as_dict(),
                outputs=sorted(files),
            )
            record = _valid_text(record)
            summary = stop.summary_to_remove()
            before = _identity(outdir / member.folder / RESULT_FILE)
            text = _result_text(record)
            try:
                _store(outdir, member, text, files, also_remove=summary)
            finally:  # (what a stop or a failure left, as it is on disk)
                stop.stored(member, _stored(outdir, member, text, before), summary)
            records[member.folder] = record
            if progress is not None:
                progress(len(records), len(members), *_shown(member, record))
        result.records = [records[m.folder] for m in members]
        if new_key:  # (kept with the summary it names the members of)
            outdir.mkdir(parents=True, exist_ok=True)
            key = save_anonymise_key(outdir, key)
        result.summary = summarise(
            result.records,
            options.anonymise,
            about,
            not_members=not_members,
            earlier=earlier,
            key=key,
        )
        namer = member_namer(options.anonymise, key)
        result.failed = failed_in_order(result.records, namer)
        result.ranked = ranked_in_order(result.records, namer)
        _write_summary(outdir, result.summary)
    except OSError as e:
        remove_empty(made)
        where = f"{e.filename}: {e.strerror}" if e.filename and e.strerror else str(e)
        raise BatchError(f"{where}. {stop.note()}") from e
    except KeyboardInterrupt as e:
        remove_empty(made)
        e.add_note(stop.note())
        raise
    result.notes = _notes(not_members, earlier, outdir) + _same_content(result.records)
    if renamed:
        result.notes.append(
            f"a new pseudonym key was made ({outdir / ANONYMISE_KEY_FILE}): the members'"
            " pseudonyms differ from those of the summary this one replaced"
        )
    return result


def _anonymised_summary(outdir: Path) -> bool:
    """Whether the output folder holds an anonymised summary of an earlier run."""
    try:
        return json.loads((outdir / "summary.json").read_text("utf-8")).get("anonymised") is True
    except (OSError, ValueError, AttributeError):
        return False


def _write_summary(outdir: Path, summary: dict[str, Any]) -> None:
    """summary.json and summary.xlsx, each atomically; both or neither: when the second
    cannot be written, the first goes too (it would pass for the whole summary)."""
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
        write_atomic(outdir / "summary.json", text)
        write_summary_xlsx(summary, outdir / "summary.xlsx")
    except BaseException:
        _remove_summary(outdir)
        raise


def _remove_summary(outdir: Path) -> bool:
    """Remove the summary files; whether there were any."""
    removed = False
    for name in SUMMARY_FILES:
        with contextlib.suppress(FileNotFoundError):
            (outdir / name).unlink()
            removed = True
    return removed


class _Stop:
    """What a run stopped on the way has done, for the message that says so: the members it
    wrote and those it did not, and whether it removed the summary of an earlier run (it
    does so as it puts the first member folder it rewrites in place, as that summary
    describes the folder)."""

    def __init__(
        self, outdir: Path, todo: list[Member], resumed: int, checking: bool = False
    ) -> None:
        # (`checking`: stopped while --resume checked the earlier outputs, so those left are
        # not yet known to be done or not)
        self.outdir, self.todo, self.resumed, self.checking = outdir, todo, resumed, checking
        self.written: list[Member] = []
        self.removed = False

    def summary_to_remove(self) -> list[Path]:
        """The summary files of an earlier run, to go with the first member folder rewritten
        (none once one was)."""
        if self.written:
            return []
        return [self.outdir / name for name in SUMMARY_FILES if os.path.lexists(self.outdir / name)]

    def stored(self, member: Member, written: bool, summary: list[Path]) -> None:
        """Note what storing a member did: whether its files were put in place, and whether
        the earlier summary files given with them are gone."""
        if written:
            self.written.append(member)
        if summary and not any(os.path.lexists(path) for path in summary):
            self.removed = True

    def note(self) -> str:
        """`The batch stopped before it was done: …; run the same command with --resume`."""
        written = {member.folder for member in self.written}
        left = [member for member in self.todo if member.folder not in written]
        total = len(self.todo) + self.resumed
        parts = [f"{len(self.written)} of {total} members written in this run"]
        if self.written:
            parts[0] += f" ({_names(self.written)})"
        if left:
            how = "not checked yet" if self.checking else "not written"
            parts.append(f"{len(left)} {how} ({_names(left)})")
        if self.resumed:
            parts.append(f"{self.resumed} complete from an earlier run")
        summary = f"{self.outdir / 'summary.json'} and summary.xlsx were not written"
        if self.removed:
            summary += " (those of the earlier run were removed: they no longer matched)"
        elif any((self.outdir / name).exists() for name in SUMMARY_FILES):
            summary += " (those of the earlier run are kept: no member folder was rewritten)"
        return (
            f"The batch stopped before it was done: {', '.join(parts)}; {summary}."
            " Run the same command with --resume to go on where it stopped."
        )


def shown_names(names: Sequence[str]) -> str:
    """The first names as a terminal line shows them, and how many more."""
    listed = ", ".join(shown_text(name) for name in names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return listed + (f" and {more} more" if more > 0 else "")


def _names(members: list[Member]) -> str:
    """The first members' names as a terminal line shows them, and how many more."""
    return shown_names([member.name for member in members])


def _dangling(member: Member) -> Outcome:
    """The record of a member file that is a link leading nowhere: failed, like a broken
    file (given as an input, such a link stops the batch before any work instead)."""
    record = {
        "file": path_text(member.path),
        "input_sha256": "",
        "status": "failed",
        # (with its type, as every failure's error ends)
        "error": path_text(_not_an_input(member.path)) + " [broken-link]",
        "errors": 1,
    }
    return record, {}


def _earlier_members(outdir: Path, members: list[Member]) -> list[dict[str, str]]:
    """The member folders in the output folder that a batch made for a member that is not
    in this run (its file was removed or renamed, or not given this time): `{folder, member,
    member_path}`. They are left as they are, and named, as the summary does not show them."""
    current = {member.folder.casefold() for member in members}
    found = []
    try:
        entries = sorted(outdir.iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.casefold() in current or not _is_member_folder(entry):
            continue
        try:
            record = json.loads((entry / RESULT_FILE).read_bytes())
        except (OSError, ValueError):
            record = {}
        record = record if isinstance(record, dict) else {}
        name = path_text(_text_or(record.get("member"), entry.name))
        found.append(
            {
                "folder": path_text(entry.name),
                "member": name,
                "member_path": _text_or(record.get("member_path"), name),
            }
        )
    return found


def _text_or(value: Any, default: str) -> str:
    """A stored value that should be text, or `default` when it is not."""
    return value if isinstance(value, str) else default


def _notes(not_members: list[NotMember], earlier: list[dict[str, str]], outdir: Path) -> list[str]:
    """The terminal's lines on what the summary does not show: folders not read as members,
    member folders of an earlier run left in the output folder."""
    notes = []
    for skipped in not_members:
        files = _files_text(skipped.files)
        notes.append(
            f"not read as members: {files} in {shown_text(str(skipped.path))}, {skipped.reason}"
            + _named(skipped.names)
        )
    if earlier:
        folders = [shown_text(item["folder"]) for item in earlier]
        listed = ", ".join(folders[:NAMES_SHOWN])
        if len(folders) > NAMES_SHOWN:
            listed += f" and {len(folders) - NAMES_SHOWN} more (all in summary.json)"
        one = len(folders) == 1
        notes.append(
            f"{len(folders)} member folder{'' if one else 's'} in {shown_text(str(outdir))}"
            f" {'is' if one else 'are'} from an earlier run, for a member not in this one, and"
            f" not in the summary (left as {'it is' if one else 'they are'}): {listed}"
        )
    return notes


def _same_content(records: list[dict[str, Any]]) -> list[str]:
    """The terminal's lines on member files of the same content (a copy in an archive
    folder beside the file): each is ranked as a member of its own, its flags counted in
    the hotspots again."""
    by_content: dict[str, list[str]] = {}
    for record in records:
        digest = record.get("input_sha256")
        if record.get("status") == "ok" and isinstance(digest, str) and digest:
            by_content.setdefault(digest, []).append(shown_text(str(record["file"])))
    return [
        f"files of the same content, each ranked as a member of its own: {', '.join(files)}"
        " (if they are one member's, give one of them)"
        for files in sorted(sorted(files) for files in by_content.values() if len(files) > 1)
    ]


def _named(names: Iterable[str]) -> str:
    """The files left out, named after their count: the first few, and how many more (all
    of them are in summary.json); nothing where they are not named."""
    names = list(names)
    if not names:
        return ""
    return f": {shown_names(names)}" + (
        " (all in summary.json)" if len(names) > NAMES_SHOWN else ""
    )


def _files_text(files: int | None) -> str:
    """How many files were not read as members ("the files" where they are not known)."""
    return "the files" if files is None else f"{files} file{'s' if files != 1 else ''}"


def _shown(member: Member, record: dict[str, Any]) -> tuple[Member, dict[str, Any]]:
    """A member and its record as the progress line shows them (`shown_text`)."""
    shown = dict(record)
    for key in ("error", "first_warning"):
        if isinstance(record.get(key), str):
            shown[key] = shown_text(record[key])
    return replace(member, name=shown_text(member.name)), shown


# control characters, and the marks that make text display as something it is not
_UNSHOWABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown_text(text: str) -> str:
    """Text for one terminal line: control characters (a newline, a terminal's escape
    codes) and invisible direction marks in a file name or an error shown as escapes
    (`\\n`, `\\x1b`, `\\u202e`), not acted on, and the bytes of a name that are not UTF-8
    as path_text writes them (`\\xfc`). Text without them is returned as it is, so showing a
    text twice changes nothing."""

    def escape(found: re.Match[str]) -> str:
        char = found.group()
        code = ord(char)
        return _ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _UNSHOWABLE.sub(escape, path_text(text))


def check_scheduler(address: str) -> None:
    """A usage error, before any work, unless `address` is a Dask scheduler address:
    `tcp://host:port` (or another Dask protocol, or `host:port`, which Dask reads as tcp)."""
    protocol, found, rest = address.partition("://")
    if not found:
        protocol, rest = "tcp", address
    host, colon, port = rest.rpartition(":")
    why = ""
    if not address.strip():
        why = "no address"
    elif protocol not in SCHEDULER_PROTOCOLS:
        why = f"{shown_text(protocol)}:// is not a Dask protocol"
    elif "/" in rest:
        why = "a path after the port"
    elif not colon or not port:
        why = "no port"
    elif not host:
        why = "no host"
    elif not (port.isdigit() and 0 < int(port) < 65536):
        why = f"{port} is not a port number"
    if why:
        raise BatchError(
            f"--scheduler {shown_text(repr(address))}: {why}; give the Dask scheduler's address"
            " as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"
        )


def parse_formats(text: str) -> tuple[str, ...]:
    """The `--format` list (`xlsx,html`) as suffixes, `.json` first (always written);
    BatchError for an empty list or a format not known, named as given."""
    given = [part.strip() for part in text.split(",") if part.strip()]
    known = ", ".join(suffix.lstrip(".") for suffix in BATCH_FORMATS)
    if not given:
        raise BatchError(f"--format: no format given; use one or more of {known}")
    unknown = [part for part in given if f".{part.lstrip('.').lower()}" not in BATCH_FORMATS]
    if unknown:
        raise BatchError(
            f"--format: unknown {', '.join(shown_text(repr(part)) for part in unknown)};"
            f" use {known} (json is always written)"
        )
    chosen = (f".{part.lstrip('.').lower()}" for part in given)
    return tuple(dict.fromkeys([".json", *chosen]))


def level_rank(exposure: Mapping[str, Any]) -> int:
    """Where an exposure of the summary stands among the levels as shown (`level_shown`), as
    `diff` orders them (reporters.shown.shown_rank): a level on which data gaps bear above
    the same level known ("low (data gap)" above low, "high (data gap)" above high), as
    missing data is never low risk."""
    from ddtool.reporters.shown import shown_rank

    return shown_rank(level_shown(exposure))


def _rank_key(record: dict[str, Any], name: str) -> tuple[int, float, str]:
    """Highest level as shown first (`level_rank`: on a data gap above the same level
    known), then the highest weighted priority, then `name`: the name the summary shows (a
    pseudonym when anonymised, so that the order of members that tie does not reveal the
    order of their real names)."""
    exposure = record["exposure"]
    top = max(level_rank(exposure[rt]) for rt in RISK_TYPES)
    weighted = max(exposure[rt]["weighted_priority"] for rt in RISK_TYPES)
    return (-top, -weighted, name)


def summarise(
    records: list[dict[str, Any]],
    anonymise: bool,
    about: dict[str, Any] | None = None,
    not_members: Iterable[NotMember] = (),
    earlier: Iterable[dict[str, str]] = (),
    key: bytes = b"",
) -> dict[str, Any]:
    """The roll-up: members ranked by exposure, hotspots, data-gap rates, failures; with
    `about`, the profiles and settings every member was assessed with; what was not read as
    members (`not_members`) and the member folders of an earlier run left in the output
    folder (`earlier`). Anonymised, members are named by pseudonyms of their paths from the
    folder given (keyed with `key`, see pseudonym), and no file or folder path is given."""
    if anonymise and not key:
        raise ValueError("an anonymised summary needs the pseudonym key")
    ok = [r for r in records if r["status"] == "ok"]
    name = member_namer(anonymise, key)
    failed = failed_in_order(records, name)

    ranking = []
    for rank, record in enumerate(ranked_in_order(records, name), 1):
        ranking.append(
            {
                "rank": rank,
                "member": name(record),
                "company": None if anonymise else record["company"],
                # where its reports are (a name of other letters than A to Z reads "member-…")
                "folder": None if anonymise else record.get("folder"),
                "suppliers": record["suppliers"],
                "inferred_suppliers": record["inferred_suppliers"],
                "flags": record["flags"],
                "flags_by_level": record["flags_by_level"],
                "flags_low_on_a_gap": record["flags_low_on_a_gap"],
                "exposure": record["exposure"],
                "data_gap_rate": record["data_gap_rate"],
                # (a record of an earlier version, resumed, holds none: read again, it does)
                "warnings": record.get("warnings", 0),
            }
        )
    hotspots: Counter[str] = Counter()
    for record in ok:
        hotspots.update(record["hotspots"])

    def by_type(rt: str) -> list[str]:
        def key(r: dict[str, Any]) -> tuple[int, float, str]:
            e = r["exposure"][rt]
            return (-level_rank(e), -e["weighted_priority"], name(r))

        return [name(r) for r in sorted(ok, key=key)]

    by_risk = {rt: by_type(rt) for rt in RISK_TYPES}
    return {
        "schema_version": SUMMARY_SCHEMA,
        "members": len(records),
        "assessed": len(ok),
        "failed": len(failed),
        "anonymised": anonymise,
        **(about or {}),
        "ranking": ranking,
        "ranking_by_risk_type": by_risk,
        "hotspots": [
            {"country": key.split("|")[0], "sector": key.split("|")[1], "flags": n}
            for key, n in sorted(hotspots.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "failures": [
            {
                "member": name(r),
                "file": None if anonymise else r["file"],
                "folder": None if anonymise else r.get("folder"),
                "errors": r.get("errors", 1),
                # the error names the file (and a broken link's target, most often the
                # same company's name); a published roll-up must not
                "error": _anonymised_error(
                    r["error"],
                    r["file"],
                    name(r),
                    r.get("company_named") or r.get("company"),
                    r.get("company_written"),
                )
                if anonymise
                else r["error"],
            }
            for r in failed
        ],
        "not_members": [
            {
                "path": None if anonymise else path_text(item.path),
                "reason": item.reason,
                "files": item.files,
                # (each file's name in its folder; anonymised, none: a name can be a member's)
                "names": [] if anonymise else [path_text(name) for name in item.names],
            }
            # (in path order, as failures are in name order: not in the order typed)
            for item in sorted(not_members, key=lambda item: str(item.path))
        ],
        "earlier_members": [
            {"member": name(item), "folder": None if anonymise else item["folder"]}
            for item in earlier
        ],
    }


def _anonymised_error(
    error: str,
    file: str,
    pseudonym: str,
    company: str | None = None,
    written: str | None = None,
) -> str:
    """A member's error without its file's path (its pseudonym instead), its company's name
    where the file gave one (a supplier naming its own company as buyer is quoted with it;
    `written`: as a YAML file that could not be read writes it, see _company_written) or the
    file's own name may be it ("mumias.csv": the ids "MUMIAS-1", the sheet "Mumias
    suppliers"), nor the target of a link that leads nowhere (see _not_an_input)."""
    # (as the error names it: its characters that do not print escaped, "Zebra\xa0Corp"; a
    # mark in its place until the names are replaced, which must not touch the pseudonym)
    for form in dict.fromkeys((shown_name(file), path_text(file), file)):
        error = error.replace(form, _PSEUDONYM_MARK)
    names = {name.strip() for name in (company, written) if name}
    # (and its name without its legal form: "Spielzeug Müller" of "Spielzeug Müller GmbH & Co.
    # KG", as a supplier naming its buyer writes it); a name of no letter ("01" of 01.csv)
    # is none of a company's to take out of an error's figures
    forms = {
        form
        for form in names | {_without_legal_form(name) for name in names}
        if re.search(r"[^\W\d_]", form)
    }
    # a name of one or two letters ("VW" of "VW AG") is replaced only where the error quotes
    # the file and in ids, as the file's name is: as a word anywhere, it may be one of the
    # message's own ("Ana" is a word of no message, but "AS" or "OF" may be)
    short = {form for form in forms if 0 < len(form) < 3}
    forms -= short | {""}
    filed = {form for form in _file_name_forms(file) - forms if len(form) >= 3} | short
    # any buyer a supplier names that is not in the chain is most often its own company
    # under another name ("MUELLER-HQ"): not quoted; where it is the company's name, said so
    # (before the names are replaced: a placeholder inside a quoted buyer would cut it)
    folded = {form.casefold() for form in forms | filed}
    error = _BUYER_QUOTED.sub(
        lambda m: (
            f"names buyer '{COMPANY}'"
            if m.group(1)[1:-1].strip().casefold() in folded
            else "names a buyer"
        ),
        error,
    )
    # the file's own name where it may stand for the company: in what the error quotes from
    # the file (a sheet's name, a value) and in an id ("MUMIAS-1"), not in the message's
    # own words ("country.csv": "unknown country 'Narnia' [unknown-country]")
    for form in sorted(filed, key=len, reverse=True):
        error = _in_quotes_and_ids(error, form)
    for form in sorted(forms, key=len, reverse=True):  # (as a whole word, in any case)
        error = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", COMPANY, error, flags=re.IGNORECASE)
    error = re.sub(
        r"a link to .*, which does not exist(?=(?: \[broken-link\])?$)",
        BROKEN_LINK,
        error,
        flags=re.S,
    )
    return error.replace(_PSEUDONYM_MARK, pseudonym)


# where an anonymised error names the member's file, until its names are taken out (a
# character of the Unicode private use area: in no name)
_PSEUDONYM_MARK = "\ue000"


# the words a member's file may be named by that name no one ("chain.csv", "suppliers.xlsx"):
# not taken out of its errors, where they are the messages' own words
_PLAIN_FILE_NAMES = frozenset(
    {"chain", "chains", "supplier", "suppliers", "list", "lists", "data", "export", "tier"}
    | {"tiers", "sheet", "sheets", "member", "members", "vendor", "vendors", "input", "file"}
    | {"book", "workbook", "template", "sample", "test", "report", "upload", "copy", "final"}
)


def _in_quotes_and_ids(error: str, form: str) -> str:
    """The error with a name (as a whole word, in any case) replaced in its quoted texts
    and in the ids outside them (the name joined to a number: "MUMIAS-1", "Kakuzi02")."""
    word = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
    pieces = re.split(f"({_QUOTED})", error)
    for at, piece in enumerate(pieces):
        if at % 2:  # a quoted text
            pieces[at] = word.sub(COMPANY, piece)
        else:
            pieces[at] = re.sub(
                rf"(?<!\w){re.escape(form)}(?=[-_./]?\d)", COMPANY, piece, flags=re.IGNORECASE
            )
    return "".join(pieces)


def _file_name_forms(file: str) -> set[str]:
    """A member file's name as its company's name may be written in its errors: its stem,
    and with its underscores, hyphens and dots as spaces ("sony_sugar.xlsx": "Sony Sugar");
    none for a stem that names no one (_PLAIN_FILE_NAMES) or holds no letter."""
    stem = PurePath(file).stem
    spaced = " ".join(re.split(r"[\s_.\-]+", stem)).strip()
    if not re.search(r"[^\W\d_]", stem) or spaced.casefold() in _PLAIN_FILE_NAMES:
        return set()
    # (and without its legal form: "Wombat" of "Wombat_GmbH.csv", as of "Wombat GmbH.csv")
    bare = _without_legal_form(spaced)
    return {stem, spaced} | ({bare} if bare.casefold() not in _PLAIN_FILE_NAMES else set())


# a YAML file's top-level company line: "company: {name: …}", "company: Acme", "company:"
_COMPANY_KEY = re.compile(r"^company\s*:[ \t]*(.*)$", re.M)
# a name given in a flow mapping or on a line of a block ("name: Acme GmbH")
_NAME_VALUE = re.compile(r"""\bname\s*:\s*("[^"\n]*"|'[^'\n]*'|[^,}#\n]+)""")


def _company_written(path: Path) -> str | None:
    """The company's name as a YAML file that cannot be parsed writes it, read line by line
    (its syntax error may lie anywhere below: the name must still be kept out of an
    anonymised summary's errors, which may quote the lines near it); None where it names none.
    """
    try:
        with path.open("rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return None
    # (in the encodings the YAML reader takes: UTF-8, with its byte-order mark or without,
    # UTF-16 or UTF-32, told as it tells them)
    encoding = bom_encoding(data) or zeros_encoding(data) or "utf-8"
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    found = _COMPANY_KEY.search(text)
    if found is None:
        return None
    rest = found.group(1).strip()
    value: str | None = None
    if rest.startswith("{"):
        named = _NAME_VALUE.search(rest)
        value = named.group(1) if named else None
    elif rest and not rest.startswith(("#", "&", "*", "|", ">")):
        value = rest.split(" #", 1)[0]
    else:  # a block: the first `name:` indented beneath it
        for line in text[found.end() :].splitlines()[1:]:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[:1].isspace():
                break
            named = re.match(r"\s+name\s*:\s*(.+)$", line)
            if named:
                value = named.group(1).split(" #", 1)[0]
                break
    value = (value or "").strip().strip("\"'").strip()
    return value or None


# what an anonymised summary writes for a member's company name in an error it quotes
COMPANY = "<the member's company>"
# a text an error quotes (as repr quotes it: in single quotes, or in double ones where it
# holds a single quote)
_QUOTED = "'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\""
# a buyer quoted in an error ("names buyer 'X'")
_BUYER_QUOTED = re.compile(f"names buyer ({_QUOTED})")
# a company's legal form at the end of its name ("GmbH & Co. KG", "Ltd.", "B.V.", "S.A."):
# each of the graph's legal-form words, its letters with or without points ("e.K.", "S.L."),
# and the forms of several words or other signs
_LEGAL_FORM = re.compile(
    r"(?i)[\s,]+(?:gmbh\s*&\s*co\.?\s*kg|ug\s*\(haftungsbeschränkt\)|a/s|sp\.?\s*z\s*o\.\s*o"
    r"|s\.a\.?\s*de\s*c\.v|"
    + "|".join(
        r"\.?\s*".join(map(re.escape, form)) for form in sorted(LEGAL_FORMS, key=len, reverse=True)
    )
    + r")\.?$"
)


def _without_legal_form(name: str) -> str:
    """A company's name without its legal forms at its end ("Spielzeug Müller GmbH & Co.
    KG": "Spielzeug Müller")."""
    while (shorter := _LEGAL_FORM.sub("", name).strip()) != name:
        name = shorter
    return name


# what an anonymised summary says of a member file that is a link to nothing
BROKEN_LINK = "a link to a file that does not exist"


def member_namer(anonymise: bool, key: bytes) -> Callable[[Mapping[str, Any]], str]:
    """How the summary names a member's record: its name, or its pseudonym (see pseudonym)."""

    def name(record: Mapping[str, Any]) -> str:
        if not anonymise:
            return str(record["member"])
        # (a record of an earlier version has no member_path: its name, as then)
        return pseudonym(str(record.get("member_path") or record["member"]), key)

    return name


def ranked_in_order(
    records: list[dict[str, Any]], name: Callable[[Mapping[str, Any]], str]
) -> list[dict[str, Any]]:
    """The assessed members' records in the order of the summary's ranking (see _rank_key),
    so that the terminal can name each ranked member as the operator knows it."""
    ok = [r for r in records if r["status"] == "ok"]
    return sorted(ok, key=lambda r: _rank_key(r, name(r)))


def failed_in_order(
    records: list[dict[str, Any]], name: Callable[[Mapping[str, Any]], str]
) -> list[dict[str, Any]]:
    """The failed members' records as the summary lists them: by the name it gives them
    (their pseudonym when anonymised, so the order gives no name away), then their path, so
    that the summary does not depend on the order the inputs were given in; names in any
    case, as a reader looks them up."""
    failed = [r for r in records if r["status"] != "ok"]
    return sorted(
        failed,
        # (in any case: "Kaffee Haus" beside "broken_yaml", as a reader looks names up)
        key=lambda r: (
            name(r).casefold(),
            name(r),
            str(r.get("member_path") or ""),
            r["file"],
        ),
    )


def write_summary_xlsx(summary: dict[str, Any], path: Path) -> None:
    """summary.xlsx: Ranking, Hotspots, Failures, About (the profiles and settings used)."""
    from ddtool.atomic import atomic_open
    from ddtool.reporters.excel_report import LEVEL_FILL
    from ddtool.reporters.shown import GAP_LEVEL
    from ddtool.reporters.xlsx import XlsxBook

    columns = [
        ("Rank", 6),
        ("Member", 30),
        ("Company", 30),
        ("Folder", 24),
        ("Suppliers", 10),
        ("Inferred", 9),
        ("Flags", 7),
        ("Critical", 8),
        ("High", 7),
        ("Medium", 8),
        (GAP_LEVEL[0].upper() + GAP_LEVEL[1:], 14),  # "Low (data gap)", apart from low
        ("Low", 6),
        ("Data-gap rate", 12),
        ("Warnings", 9),
    ]
    columns += [(f"{rt.replace('_', ' ')}: exposure", 16) for rt in RISK_TYPES]
    columns += [(f"{rt.replace('_', ' ')}: weighted", 14) for rt in RISK_TYPES]
    columns += [("Highest on an inferred tier", 28)]
    with atomic_open(path) as handle, XlsxBook(handle, LEVEL_FILL) as book:
        sheet = book.sheet("Ranking", columns)
        for row in summary["ranking"]:
            exposure = row["exposure"]
            shown = [level_shown(exposure[rt]) for rt in RISK_TYPES]
            top = max((exposure[rt]["level"] for rt in RISK_TYPES), key=LEVELS.index)
            sheet.append(
                [
                    row["rank"],
                    row["member"],
                    row["company"] or "",
                    row.get("folder") or "",
                    row["suppliers"],
                    row["inferred_suppliers"],
                    row["flags"],
                    row["flags_by_level"]["critical"],
                    row["flags_by_level"]["high"],
                    row["flags_by_level"]["medium"],
                    row["flags_low_on_a_gap"],
                    row["flags_by_level"]["low"] - row["flags_low_on_a_gap"],
                    row["data_gap_rate"],
                    row.get("warnings", 0),
                ]
                + shown
                + [exposure[rt]["weighted_priority"] for rt in RISK_TYPES]
                + [_on_inferred(exposure)],
                # low on missing data is not coloured as low risk
                fill=None if top == "low" and GAP_LEVEL in shown else top,
                fill_column=1,
            )
        hot = book.sheet("Hotspots", [("Country", 10), ("Sector", 30), ("Flags", 8)])
        for item in summary["hotspots"]:
            hot.append([item["country"], item["sector"], item["flags"]])
        fail = book.sheet(
            "Failures",
            [("Member", 30), ("File", 50), ("Folder", 24), ("Errors", 8), ("Error", 100)],
        )
        for item in summary["failures"]:
            # (the folder holds its result.json: names that collide get folders apart)
            folder = item.get("folder") or ""
            fail.append([item["member"], item["file"] or "", folder, item["errors"], item["error"]])
        rows: list[list[Any]] = []
        if "tool" in summary:  # what made the summary, and when
            rows.append(["made by", f"{summary['tool']['name']} {summary['tool']['version']}"])
            rows.append(["generated at", summary["generated_at"]])
        if "profiles" in summary:  # what every member was assessed with
            profiles = summary["profiles"]
            rows.append(["risk profiles version", profiles["version"]])
            rows.append(["risk profiles sha256", profiles["sha256"]])
            rows += [["profile overlay", overlay] for overlay in profiles["overlays"]]
            rows.append(["settings file", summary.get("settings") or "none (the defaults)"])
        if summary.get("as_of"):  # (since summary JSON 1.9)
            rows.append(["assessed as of", summary["as_of"]])
        levels = summary.get("levels")
        if isinstance(levels, dict):
            rows.append(
                [
                    "levels",
                    f"priority = likelihood × severity; medium ≥ {levels['medium']:g}, high ≥"
                    f" {levels['high']:g}, critical ≥ {levels['critical']:g}; flags from"
                    f" {levels['flag_level']}",
                ]
            )
        for name, value in (summary.get("limits") or {}).items():  # (the options that set them)
            rows.append([f"limit {option_flag(name)}", value])
        for item in summary.get("not_members", []):
            where = f"{item['path']}: " if item["path"] else ""
            files = _files_text(item["files"])
            named = _named(item.get("names") or [])
            rows.append(["not read as members", f"{where}{files}, {item['reason']}{named}"])
        for item in summary.get("earlier_members", []):
            folder = f" (folder {item['folder']})" if item["folder"] else ""
            rows.append(["earlier member, not in this run", f"{item['member']}{folder}"])
        if rows:
            about = book.sheet("About", [("Item", 30), ("Value", 90)])
            for cells in rows:
                about.append(cells)
