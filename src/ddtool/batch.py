"""Many member chains at once (employers' organisations): local processes or a Dask cluster.

Each member is assessed in a worker, which returns its documents as bytes; this process
writes them atomically as soon as they arrive, the member's `result.json` last (its presence
marks a complete member). `--resume` skips members whose result and outputs are complete and
whose input is unchanged. A worker that ends abruptly (out of memory) fails only the member
it was assessing (`_run_local`). No printing here: progress goes through a callback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddtool.atomic import write_atomic
from ddtool.document import register
from ddtool.errors import DdtoolError, InputError, Problem
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.sources import SUFFIXES

RESULT_FILE = "result.json"
BATCH_FORMATS = (".json", ".xlsx", ".html", ".md", ".csv")
SUMMARY_FILES = ("summary.json", "summary.xlsx")
ERRORS_SHOWN = 5  # a failure's text lists this many errors and says how many more there are

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
    """One member organisation: its chain file and its safe output folder name."""

    name: str
    path: Path
    folder: str


@dataclass(slots=True)
class BatchOptions:
    """What every member's assessment uses (recorded in each result)."""

    formats: tuple[str, ...] = (".json", ".xlsx")
    profiles: tuple[str, ...] = ()
    config: str | None = None
    resume: bool = False
    anonymise: bool = False
    jobs: int | None = None
    scheduler: str | None = None


@dataclass(slots=True)
class BatchResult:
    """Per-member records, in member order, and the summary document."""

    records: list[dict[str, Any]] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    skipped: int = 0


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_folder(name: str) -> str:
    """A folder name that cannot escape the output directory or clash with hidden files."""
    cleaned = _SAFE.sub("_", name).strip("._-")[:80]
    return cleaned or "member"


def find_members(inputs: list[Path], exclude: Path | None = None) -> list[Member]:
    """Member files from directories (recursively) and files; unique, safe folder names.

    An input that is neither a file nor a folder stops the batch before any work, all such
    inputs named at once: a mistyped path dropped silently would leave a member out of the
    roll-up unnoticed. What the batch wrote into `exclude` (its output folder, when it lies
    in an input folder or is one) is not a member: a re-run would otherwise read its own
    reports as member chains. One file given twice (`a.yaml` and its absolute path, or a
    link to it) is one member, under the spelling given first. Two files with the same
    name are named by their paths from the folder they share (`north/acme.yaml`,
    `south/acme.yaml`), so each summary row and pseudonym is its own. Folder names are
    chosen by `_folder_names`.
    """
    wrong = [_not_an_input(item) for item in inputs if not (item.is_dir() or item.is_file())]
    if wrong:
        them = "the path" if len(wrong) == 1 else "these paths"
        raise BatchError(
            f"{'; '.join(wrong)}. Nothing was assessed: correct or leave out {them} and run again."
        )
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found = sorted(
                p
                for p in item.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not p.name.startswith((".", "~$"))
                and not (exclude is not None and _written_by_batch(p, exclude))
            )
            files.extend(found)
        else:
            files.append(item)
    first_spelling: dict[Path, Path] = {}
    for path in files:
        first_spelling.setdefault(path.resolve(), path)
    unique = list(first_spelling.values())
    alike: dict[str, list[Path]] = {}
    for path in unique:
        alike.setdefault(path.stem.casefold(), []).append(path)
    names: list[str] = []
    for path in unique:
        name = path.stem
        same = alike[name.casefold()]
        if len(same) > 1:
            shared = Path(os.path.commonpath([p.resolve().parent for p in same]))
            name = path.resolve().relative_to(shared).as_posix()
        names.append(name)
    folders = _folder_names(unique, names, exclude)
    return [Member(*member) for member in zip(names, unique, folders, strict=True)]


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
    taken = {name.casefold() for name in SUMMARY_FILES}
    if outdir is None:
        return taken
    root = outdir.resolve()
    for path in paths:
        with contextlib.suppress(ValueError):
            taken.add(path.resolve().relative_to(root).parts[0].casefold())
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
    if (entry / RESULT_FILE).is_file():
        return True
    try:
        return all(
            child.name in MEMBER_FILES or child.name.startswith(".") for child in entry.iterdir()
        )
    except OSError:
        return False


def _not_an_input(item: Path) -> str:
    """Why an input is neither a file nor a folder, with the path meant when it looks
    mistyped."""
    if item.is_symlink():
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


def _written_by_batch(path: Path, outdir: Path) -> bool:
    """Whether a file found is one a batch wrote into this output folder: its summary, a
    file of a member folder that holds a result, or a member's report by its name (a
    member interrupted before its result.json was written)."""
    try:
        inside = path.resolve().relative_to(outdir.resolve())
    except ValueError:
        return False
    if len(inside.parts) == 1:
        return inside.name in SUMMARY_FILES
    if len(inside.parts) == 2 and inside.name in MEMBER_FILES:
        return True
    return (outdir / inside.parts[0] / RESULT_FILE).is_file()


def pseudonym(name: str) -> str:
    """A stable pseudonym for publishing roll-ups without member names."""
    return "member-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def assess_member(
    path: str, formats: tuple[str, ...], profiles: tuple[str, ...], config: str | None
) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Worker: assess one member file; return its record and its output files as bytes."""
    from ddtool.assess import AssessOptions, assess
    from ddtool.reporters import reporter_for
    from ddtool.reporters.json_report import dump_bytes
    from ddtool.sources.interface import ReadOptions

    record: dict[str, Any] = {"file": path, "input_sha256": _sha256(Path(path))}
    try:
        result = assess(
            [Path(path)],
            AssessOptions(
                profiles=[Path(p) for p in profiles],
                config=Path(config) if config else None,
                # (a batch maps headers in its settings' columns: block, not with --map)
                read=ReadOptions(mapped_by="config"),
            ),
        )
        doc = result.data
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
        record.update(status="failed", error=_problems_text(shown), errors=len(shown))
        record["warnings"] = warnings if errors else 0
        return record, {}
    except DdtoolError as e:
        record.update(status="failed", error=str(e), errors=1)
        return record, {}
    except Exception as e:  # a member must never stop the batch
        record.update(status="failed", error=f"internal error: {type(e).__name__}: {e}", errors=1)
        return record, {}
    record.update(status="ok", **figures)
    return record, outputs


def _problems_text(problems: list[Problem]) -> str:
    """The first few problems, one after the other, and how many more there are: a member
    who fixes what the text lists must know whether that is all."""
    text = "; ".join(str(p) for p in problems[:ERRORS_SHOWN])
    more = len(problems) - ERRORS_SHOWN
    if more > 0:
        text += f" (+{more} more error{'s' if more > 1 else ''})"
    return text


def _ended_abruptly(member: Member, path: str) -> Outcome:
    """The record of a member whose worker process ended while assessing it (killed, most
    often by the system when memory ran out): failed, like a broken file."""
    record = {
        "file": path,
        "input_sha256": _sha256(member.path),
        "status": "failed",
        "error": f"{path}: the worker assessing it ended abruptly (out of memory?)",
        "errors": 1,
    }
    return record, {}


def _member_figures(doc: dict[str, Any]) -> dict[str, Any]:
    s = doc["summary"]
    mapped = [x for x in doc["suppliers"] if not x["inferred"]]
    with_gap = sum(
        1 for x in mapped if any(not g.startswith("tiers below") for g in x["data_gaps"])
    )
    hotspots = Counter(
        f"{f.get('country') or 'unknown'}|{f.get('sector') or 'unknown'}"
        for f in register(doc)
        if not f["inferred"]
    )
    return {
        "company": doc["company"]["name"],
        "suppliers": s["suppliers"],
        "inferred_suppliers": s["inferred_suppliers"],
        "flags": s["flags"],
        "flags_by_level": s["flags_by_level"],
        "exposure": {
            rt: {
                "level": e["level"],
                "priority": e["priority"],
                "weighted_priority": doc["company"]["exposure"][rt]["weighted_priority"],
            }
            for rt, e in s["exposure"].items()
        },
        "data_gap_rate": round(with_gap / len(mapped), 4) if mapped else 0.0,
        "hotspots": dict(sorted(hotspots.items())),
        "profiles_sha256": doc["profiles"]["sha256"],
    }


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
    """What every member was assessed with, for the summary: the risk profiles (version,
    content hash, overlays) and the settings file, if one was given."""
    from ddtool.profiles import load_profiles

    profiles = load_profiles([Path(p) for p in options.profiles])
    return {
        "profiles": {
            "version": profiles.version,
            "sha256": profiles.sha256,
            "overlays": list(profiles.overlays),
        },
        "settings": options.config,
    }


def _complete(
    folder: Path, member: Member, options: BatchOptions, settings: str
) -> dict[str, Any] | None:
    """The stored record when a member's outputs are complete, and its input, the risk
    profiles and the settings unchanged (changing --config or --profiles re-assesses)."""
    try:
        record = json.loads((folder / RESULT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("status") != "ok":
        return None
    if record.get("input_sha256") != _sha256(member.path):
        return None
    formats = record.get("formats")
    if not isinstance(formats, list) or not all(isinstance(f, str) for f in formats):
        return None
    # the same formats in another order (`--format html,xlsx` after `xlsx,html`) are the same
    if set(formats) != set(options.formats) or record.get("settings") != settings:
        return None
    for name in record.get("outputs", []):
        if not (folder / name).is_file():
            return None
    try:
        json.loads((folder / "assessment.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record


def _store(outdir: Path, member: Member, record: dict[str, Any], files: dict[str, bytes]) -> None:
    folder = (outdir / member.folder).resolve()
    if folder.parent != outdir.resolve():
        raise BatchError(f"{member.path}: output folder would leave {outdir}")
    folder.mkdir(parents=True, exist_ok=True)
    # the old result goes first: while the files change, the folder must not look complete
    with contextlib.suppress(FileNotFoundError):
        (folder / RESULT_FILE).unlink()
    for name, payload in files.items():
        write_atomic(folder / name, payload)
    _remove_stale(folder, keep=files)
    write_atomic(folder / RESULT_FILE, json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def _remove_stale(folder: Path, keep: Iterable[str]) -> None:
    """Remove what an earlier run wrote into a member's folder and this one did not write
    again (a report of a format since dropped, the reports beside a result that now
    failed): they would pass for this run's. Only the names a batch writes are touched."""
    kept = set(keep)
    for name in MEMBER_FILES:
        stale = folder / name
        if name not in kept and stale.is_file():
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()


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
            yield (
                member,
                assess_member(str(member.path), options.formats, options.profiles, options.config),
            )
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
    pools.append(ProcessPoolExecutor(max_workers=workers, initializer=_prepare_worker))
    return pools[-1]


def _submit(pool: ProcessPoolExecutor, member: Member, options: BatchOptions) -> Future[Outcome]:
    return pool.submit(
        assess_member, str(member.path), options.formats, options.profiles, options.config
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


def _prepare_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them cleanly, and end at once
    when it terminates them (they inherit its SIGTERM handler, which would have a worker
    unwind instead of ending, and hang). A worker also ends when the main process is gone
    without stopping it (killed with SIGKILL): it would otherwise wait for work forever."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()

    def end_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)  # (nothing to lose: a worker writes no output file)

    threading.Thread(target=end_with_parent, name="end-with-parent", daemon=True).start()


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
    except OSError as e:
        raise BatchError(f"cannot reach the Dask scheduler {options.scheduler}: {e}") from e
    try:
        futures = {
            client.submit(
                assess_member,
                str(m.path.resolve()),
                options.formats,
                options.profiles,
                options.config,
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
                outcome = _ended_abruptly(member, str(member.path.resolve()))
            yield member, outcome
    finally:
        client.close()  # type: ignore[no-untyped-call]


def run_batch(
    inputs: list[Path],
    outdir: Path,
    options: BatchOptions,
    progress: Callable[[int, int, Member, dict[str, Any]], None] | None = None,
) -> BatchResult:
    """Assess every member, write each one's outputs as it completes, then the summary."""
    members = find_members(inputs, exclude=outdir)
    if not members:
        raise BatchError(
            f"no member files found in {', '.join(map(str, inputs))}: give chain files"
            f" ({', '.join(SUFFIXES)}) or folders holding them"
        )
    if outdir.exists() and not outdir.is_dir():
        raise BatchError(f"{outdir}: exists and is not a directory")
    # the output folder is made by the first write (a member's folder, or the summary): a
    # run that stops before (bad settings, no scheduler, Ctrl-C) leaves no empty folder
    result = BatchResult()
    records: dict[str, dict[str, Any]] = {}
    todo: list[Member] = []
    settings = _settings_key(options)
    about = _about(options)
    for member in members:
        stored = (
            _complete(outdir / member.folder, member, options, settings) if options.resume else None
        )
        if stored is not None:
            # a folder written before stale files were removed may still hold some
            _remove_stale(outdir / member.folder, keep=_member_files(options.formats))
            stored["member"] = member.name
            records[member.folder] = stored
            result.skipped += 1
        else:
            todo.append(member)
    done = len(records)
    runner = _run_dask if options.scheduler else _run_local
    for member, (record, files) in runner(todo, options):
        record.update(
            member=member.name,
            folder=member.folder,
            formats=list(options.formats),
            settings=settings,
            outputs=sorted(files),
        )
        _store(outdir, member, record, files)
        records[member.folder] = record
        done += 1
        if progress is not None:
            progress(done, len(members), member, record)
    result.records = [records[m.folder] for m in members]
    result.summary = summarise(result.records, options.anonymise, about)
    outdir.mkdir(parents=True, exist_ok=True)
    write_atomic(
        outdir / "summary.json", json.dumps(result.summary, indent=2, ensure_ascii=False) + "\n"
    )
    write_summary_xlsx(result.summary, outdir / "summary.xlsx")
    return result


def _rank_key(record: dict[str, Any], name: str) -> tuple[int, float, str]:
    """Highest level first, then the highest weighted priority, then `name`: the name the
    summary shows (a pseudonym when anonymised, so that the order of members that tie does
    not reveal the order of their real names)."""
    exposure = record["exposure"]
    top = max(LEVELS.index(exposure[rt]["level"]) for rt in RISK_TYPES)
    weighted = max(exposure[rt]["weighted_priority"] for rt in RISK_TYPES)
    return (-top, -weighted, name)


def summarise(
    records: list[dict[str, Any]], anonymise: bool, about: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The roll-up: members ranked by exposure, hotspots, data-gap rates, failures; with
    `about`, the profiles and settings every member was assessed with."""
    ok = [r for r in records if r["status"] == "ok"]
    failed = [r for r in records if r["status"] != "ok"]

    def name(record: dict[str, Any]) -> str:
        return pseudonym(record["member"]) if anonymise else record["member"]

    ranking = []
    for rank, record in enumerate(sorted(ok, key=lambda r: _rank_key(r, name(r))), 1):
        ranking.append(
            {
                "rank": rank,
                "member": name(record),
                "company": None if anonymise else record["company"],
                "suppliers": record["suppliers"],
                "inferred_suppliers": record["inferred_suppliers"],
                "flags": record["flags"],
                "flags_by_level": record["flags_by_level"],
                "exposure": record["exposure"],
                "data_gap_rate": record["data_gap_rate"],
            }
        )
    hotspots: Counter[str] = Counter()
    for record in ok:
        hotspots.update(record["hotspots"])

    def by_type(rt: str) -> list[str]:
        def key(r: dict[str, Any]) -> tuple[int, float, str]:
            e = r["exposure"][rt]
            return (-LEVELS.index(e["level"]), -e["weighted_priority"], name(r))

        return [name(r) for r in sorted(ok, key=key)]

    by_risk = {rt: by_type(rt) for rt in RISK_TYPES}
    return {
        "schema_version": "1.0",
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
                "errors": r.get("errors", 1),
                # the error names the file; a published roll-up must not
                "error": r["error"].replace(r["file"], name(r)) if anonymise else r["error"],
            }
            for r in failed
        ],
    }


def write_summary_xlsx(summary: dict[str, Any], path: Path) -> None:
    """summary.xlsx: Ranking, Hotspots, Failures, About (the profiles and settings used)."""
    from ddtool.atomic import atomic_open
    from ddtool.reporters.excel_report import LEVEL_FILL
    from ddtool.reporters.xlsx import XlsxBook

    columns = [
        ("Rank", 6),
        ("Member", 30),
        ("Company", 30),
        ("Suppliers", 10),
        ("Inferred", 9),
        ("Flags", 7),
        ("Critical", 8),
        ("High", 7),
        ("Data-gap rate", 12),
    ]
    columns += [(f"{rt.replace('_', ' ')}: exposure", 16) for rt in RISK_TYPES]
    columns += [(f"{rt.replace('_', ' ')}: weighted", 14) for rt in RISK_TYPES]
    with atomic_open(path) as handle, XlsxBook(handle, LEVEL_FILL) as book:
        sheet = book.sheet("Ranking", columns)
        for row in summary["ranking"]:
            exposure = row["exposure"]
            top = max((exposure[rt]["level"] for rt in RISK_TYPES), key=LEVELS.index)
            sheet.append(
                [
                    row["rank"],
                    row["member"],
                    row["company"] or "",
                    row["suppliers"],
                    row["inferred_suppliers"],
                    row["flags"],
                    row["flags_by_level"]["critical"],
                    row["flags_by_level"]["high"],
                    row["data_gap_rate"],
                ]
                + [exposure[rt]["level"] for rt in RISK_TYPES]
                + [exposure[rt]["weighted_priority"] for rt in RISK_TYPES],
                fill=top,
                fill_column=1,
            )
        hot = book.sheet("Hotspots", [("Country", 10), ("Sector", 30), ("Flags", 8)])
        for item in summary["hotspots"]:
            hot.append([item["country"], item["sector"], item["flags"]])
        fail = book.sheet("Failures", [("Member", 30), ("File", 50), ("Errors", 8), ("Error", 100)])
        for item in summary["failures"]:
            fail.append([item["member"], item["file"] or "", item["errors"], item["error"]])
        if "profiles" in summary:  # what every member was assessed with
            about = book.sheet("About", [("Item", 24), ("Value", 90)])
            profiles = summary["profiles"]
            about.append(["risk profiles version", profiles["version"]])
            about.append(["risk profiles sha256", profiles["sha256"]])
            for overlay in profiles["overlays"]:
                about.append(["profile overlay", overlay])
            about.append(["settings file", summary.get("settings") or "none (the defaults)"])
