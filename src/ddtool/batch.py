"""Many member chains at once (employers' organisations): local processes or a Dask cluster.

Each member is assessed in a worker, which returns its documents as bytes; this process
writes them atomically as soon as they arrive, the member's `result.json` last (its presence
marks a complete member). `--resume` skips members whose result and outputs are complete and
whose input is unchanged. No printing here: progress goes through a callback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddtool.atomic import write_atomic
from ddtool.document import register
from ddtool.errors import DdtoolError, InputError
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.sources import SUFFIXES

RESULT_FILE = "result.json"
BATCH_FORMATS = (".json", ".xlsx", ".html", ".md", ".csv")
SUMMARY_FILES = ("summary.json", "summary.xlsx")


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
    `south/acme.yaml`), so each summary row and pseudonym is its own.
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
    members: list[Member] = []
    used: set[str] = set()
    for path in unique:
        name = path.stem
        same = alike[name.casefold()]
        if len(same) > 1:
            shared = Path(os.path.commonpath([p.resolve().parent for p in same]))
            name = path.resolve().relative_to(shared).as_posix()
        folder = safe_folder(path.stem)
        if folder.casefold() in used:
            folder = f"{folder}-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"
        used.add(folder.casefold())
        members.append(Member(name, path, folder))
    return members


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

    record: dict[str, Any] = {"file": path, "input_sha256": _sha256(Path(path))}
    try:
        result = assess(
            [Path(path)],
            AssessOptions(
                profiles=[Path(p) for p in profiles], config=Path(config) if config else None
            ),
        )
    except InputError as e:
        record.update(status="failed", error="; ".join(str(p) for p in e.problems[:5]))
        record["problems"] = len(e.problems)
        return record, {}
    except DdtoolError as e:
        record.update(status="failed", error=str(e))
        return record, {}
    except Exception as e:  # a member must never stop the batch
        record.update(status="failed", error=f"internal error: {type(e).__name__}: {e}")
        return record, {}
    doc = result.data
    outputs: dict[str, bytes] = {"assessment.json": dump_bytes(doc)}
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in formats:
            if suffix == ".json":
                continue
            target = Path(tmp) / f"report{suffix}"
            reporter_for(target).write(doc, target)
            outputs[target.name] = target.read_bytes()
    record.update(status="ok", **_member_figures(doc))
    return record, outputs


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
    if record.get("formats") != list(options.formats) or record.get("settings") != settings:
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


def _run_local(
    todo: list[Member], options: BatchOptions
) -> Iterator[tuple[Member, tuple[dict[str, Any], dict[str, bytes]]]]:
    if options.jobs == 1:
        for member in todo:
            yield (
                member,
                assess_member(str(member.path), options.formats, options.profiles, options.config),
            )
        return
    pool = ProcessPoolExecutor(max_workers=options.jobs, initializer=_ignore_interrupts)
    try:
        futures = {
            pool.submit(
                assess_member, str(m.path), options.formats, options.profiles, options.config
            ): m
            for m in todo
        }
        for future in as_completed(futures):
            yield futures[future], future.result()
    except BaseException:
        # Ctrl-C (or any failure here): stop at once; finished members are already on disk
        workers = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in workers:
            process.terminate()
        raise
    pool.shutdown(wait=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops them cleanly, and end at once
    when it terminates them (they inherit its SIGTERM handler, which would have a worker
    unwind instead of ending, and hang)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_dask(
    todo: list[Member], options: BatchOptions
) -> Iterator[tuple[Member, tuple[dict[str, Any], dict[str, bytes]]]]:
    try:
        from distributed import Client
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
            yield futures[future], future.result()
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
    outdir.mkdir(parents=True, exist_ok=True)
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
    write_atomic(
        outdir / "summary.json", json.dumps(result.summary, indent=2, ensure_ascii=False) + "\n"
    )
    write_summary_xlsx(result.summary, outdir / "summary.xlsx")
    return result


def _rank_key(record: dict[str, Any]) -> tuple[int, float, str]:
    exposure = record["exposure"]
    top = max(LEVELS.index(exposure[rt]["level"]) for rt in RISK_TYPES)
    weighted = max(exposure[rt]["weighted_priority"] for rt in RISK_TYPES)
    return (-top, -weighted, record["member"])


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
    for rank, record in enumerate(sorted(ok, key=_rank_key), 1):
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
            return (-LEVELS.index(e["level"]), -e["weighted_priority"], r["member"])

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
        fail = book.sheet("Failures", [("Member", 30), ("File", 50), ("Error", 100)])
        for item in summary["failures"]:
            fail.append([item["member"], item["file"] or "", item["error"]])
        if "profiles" in summary:  # what every member was assessed with
            about = book.sheet("About", [("Item", 24), ("Value", 90)])
            profiles = summary["profiles"]
            about.append(["risk profiles version", profiles["version"]])
            about.append(["risk profiles sha256", profiles["sha256"]])
            for overlay in profiles["overlays"]:
                about.append(["profile overlay", overlay])
            about.append(["settings file", summary.get("settings") or "none (the defaults)"])
