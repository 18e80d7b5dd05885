"""`ddtool assess --verify`: re-run a saved assessment and say whether it reproduces."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from ddtool.assess import AssessOptions, assess
from ddtool.config import Config, validation_problems
from ddtool.contract import Streamed
from ddtool.diff import (
    AssessmentFileError,
    assessment_text,
    invalid_reason,
    load_for_diff,
    read_assessment,
    slim_supplier,
)
from ddtool.document import (
    EXPOSURE_GAPS,
    EXPOSURE_ON_A_GAP,
    NOT_SHOWN,
    basis_id_of,
    chain_gaps,
    exposure_on_a_gap,
    gap_bears,
)
from ddtool.errors import DdtoolError, InputError, path_from_text, path_text
from ddtool.model import LEVELS
from ddtool.sources.interface import Limits, ReadOptions

# the long lists of an assessment, compared item by item as the saved file is read: a saved
# 10^5-supplier assessment read whole takes about 1.2 GB, and this way its text (158 MB) and
# little more (the items' ids and levels, the columns the check of the file keeps)
_LISTS = ("suppliers", "flags")
# what the re-run needs from the saved file
_HEAD = ("schema_version", "tool", "input", "profiles", "options")
_LIMIT = 5  # differences listed


@dataclass(slots=True)
class Verification:
    """The outcome: reproduced or not, and why not."""

    reproduced: bool
    reasons: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _same(old: Any, new: Any) -> bool:
    """Whether two values are the same as JSON says them: equal, and with true and false
    where the other has them (Python takes true for 1 and false for 0 and 0.0: a saved
    file with `tiers: [true]` is not the re-run's [1]). A number is the same written whole
    or with a fraction (46 and 46.0: a file passed through jq, or written again by another
    program, holds 46), as JSON and Python compare them: exactly, however large. Told at
    C speed where equal values are written alike (as ddtool writes them, their keys sorted:
    an order of keys changed changes nothing); else walked for true and false."""
    if old != new:
        return False
    if old is new:
        return True
    try:
        sort = orjson.OPT_SORT_KEYS
        if orjson.dumps(old, option=sort) == orjson.dumps(new, option=sort):
            return True
    except orjson.JSONEncodeError:  # (what orjson does not write, a number of 65 bits)
        pass
    return _booleans_alike(old, new)


def _booleans_alike(old: Any, new: Any) -> bool:
    """Whether two equal values (old == new) have true and false in the same places: all
    else that Python takes as equal JSON says alike (46 and 46.0; the same keys in another
    order)."""
    stack = [(old, new)]
    while stack:
        a, b = stack.pop()
        if type(a) is bool or type(b) is bool:
            if type(a) is not type(b):
                return False
        elif type(a) is dict:  # (equal: b is an object of the same keys)
            stack += [(value, b[key]) for key, value in a.items()]
        elif type(a) is list:  # (equal: b is a list as long)
            stack += zip(a, b, strict=True)
    return True


def _differences(old: Any, new: Any, where: str, out: list[str], limit: int = _LIMIT) -> None:
    if len(out) >= limit or _same(old, new):
        # (equal values, compared at once: the catalogues of a large chain, thousands of
        # entries, were otherwise walked value by value to find nothing)
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new:
                out.append(
                    f"{where}.{key}: only in {'the re-run' if key in new else 'the saved result'}"
                )
            else:
                _differences(old[key], new[key], f"{where}.{key}", out, limit)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            out.append(f"{where}: {len(old)} items saved, {len(new)} now")
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            _differences(a, b, f"{where}[{i}]", out, limit)
    else:  # (not the same: see the first line)
        out.append(f"{where}: saved {_shown(old)}, now {_shown(new)}")


_SHOWN = 80  # characters of a value a difference shows (a SHA-256 whole)


def _shown(value: Any) -> str:
    """A value as a difference shows it: quoted, cut with "…" where it is long."""
    text = str(value)
    return repr(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def verify(path: Path) -> Verification:
    """Re-run the assessment recorded in `path` with the same inputs, profiles and options.

    The saved file is read once, and parsed whole once, after the re-run: each item of its
    long lists is compared with the re-run's as it is read, and checked as `ddtool diff`
    checks it (ddtool.contract.Streamed). What is wrong with the file is still said first,
    before anything of its inputs, its records or the re-run: where that parse is not
    reached (an input not found or changed, a record that cannot be read), fails, or finds
    something that may be wrong, the file is parsed again and checked whole, as a diff
    checks it (_saved_checked), and what is wrong said, where."""
    text = assessment_text(path)
    head = _head(path, text)
    check = Streamed()
    try:
        result, rerun = _rerun(path, head)
        if rerun is not None:
            _as_saved(rerun, str(head.get("schema_version", "")), result)
            recorded = head.get("options")
            if isinstance(recorded, dict) and "limits" not in recorded:
                # (read within the defaults, as the file was: it records no limits)
                rerun.get("options", {}).pop("limits", None)
            saved, found, beyond = _saved_whole(path, text, rerun, check)
            good = check.good(saved)
    except Exception:
        _saved_checked(path, text)  # (raises what is wrong with the file, if anything is)
        raise
    if rerun is None:  # (an input changed: nothing was re-run)
        _saved_checked(path, text)
        return result
    if not good:  # (the file may not be what it says: said in full, where)
        _saved_checked(path, text)
    return _compare(saved, found, rerun, result, beyond)


def _rerun(path: Path, saved: dict[str, Any]) -> tuple[Verification, dict[str, Any] | None]:
    """The re-run of what the saved file's head records, and what was checked of its
    inputs before it; no re-run (a Verification not reproduced) when an input changed."""
    result = Verification(reproduced=True)
    recorded, hashes, options = _recorded(path, saved)
    workdir, recorded = _inputs_found(path, recorded, hashes, result)
    if result.reasons:
        result.reproduced = False
        return result, None
    options.profiles = [_overlay_found(path, workdir, overlay) for overlay in options.profiles]
    with contextlib.chdir(workdir):
        try:
            return result, assess(recorded, options).data
        except InputError as e:
            refused = [p for p in e.problems if p.type in _LIMIT_PROBLEMS]
            if not refused:
                raise
            # (the input is the one recorded: the limits it is read within refuse it, the
            # file recording lower ones than it was made with, or none: the defaults)
            limits = ", ".join(f"{k} {v:,}" for k, v in options.read.limits().as_dict().items())
            result.reasons.append(
                f"the input is refused within the limits the file records ({limits}; a file"
                f" recording none is read within the defaults): {refused[0].message}"
            )
            result.reproduced = False
            return result, None


def _inputs_found(
    path: Path, recorded: list[Path], hashes: list[str], result: Verification
) -> tuple[Path, list[Path]]:
    """The folder the re-run happens in and the input paths it is given: the first of the
    places the recorded inputs may be whose files all have the recorded SHA-256. Relative
    paths are recorded as given: they are looked for from here, then from the JSON's folder
    (where the re-run then happens, so that the paths it records are spelled the same), then
    by their names beside the JSON (a folder moved or copied; the paths the re-run records
    are then spelled differently). Where none matches, each input that differs is said in
    `result` (the file compared, and any other found in its place), from the first place
    that holds them all; an error where none does.

    A path is recorded as `path_text` writes it, each byte of a name that is not UTF-8 as
    `\\xNN`: in each place, an input is looked for by its path as recorded, then by the name
    that text was written for (errors.path_from_text); where both are there, the one with
    the recorded SHA-256."""
    beside = path.parent.resolve()
    places = [(Path.cwd(), recorded), (beside, recorded)]
    if any(p.name != str(p) for p in recorded):
        places.append((beside, [Path(p.name) for p in recorded]))
    sums: dict[Path, str | None] = {}

    def sha256(file: Path) -> str | None:
        if file not in sums:
            sums[file] = _sha256(file)
        return sums[file]

    def spelled(workdir: Path, given: Path, saved_hash: str | None) -> Path | None:
        """The input's path from `workdir`, as recorded or by the name it was written for,
        whichever is there (where both are, the one with the recorded SHA-256); none when
        neither is."""
        there = [p for p in _spellings(given) if (workdir / p).exists()]
        if len(there) > 1 and saved_hash is not None:
            return next((p for p in there if sha256(workdir / p) == saved_hash), there[0])
        return there[0] if there else None

    found = []
    for workdir, given in places:
        saved_hashes = [*hashes, *[None] * (len(given) - len(hashes))]
        spelt = [spelled(workdir, p, h) for p, h in zip(given, saved_hashes, strict=False)]
        if all(p is not None for p in spelt):
            paths = [p for p in spelt if p is not None]
            found.append((workdir, paths, [workdir / p for p in paths]))  # (absolute: as is)
    if not found:
        missing = [
            path_text(Path.cwd() / p) for p in recorded if spelled(Path.cwd(), p, None) is None
        ]
        raise DdtoolError(
            f"{path}: input file(s) not found: {', '.join(missing)} (run from the folder the"
            " assessment was made in, or keep the inputs beside the JSON)"
        )
    for workdir, given, files in found:
        if len(files) == len(hashes) and all(
            sha256(f) == h for f, h in zip(files, hashes, strict=True)
        ):
            result.checked += [f"input {path_text(f)}: sha256 matches" for f in files]
            return workdir, given
    workdir, given, files = found[0]
    for i, (saved_hash, file) in enumerate(zip(hashes, files, strict=False)):
        now = sha256(file)
        if now is None:
            result.reasons.append(f"input {path_text(file)} is missing or unreadable")
        elif now != saved_hash:
            others: dict[Path, str] = {file.resolve(): ""}  # (each file once, however given)
            for _, _, other in found[1:]:
                others.setdefault(
                    other[i].resolve(), f"{path_text(other[i])}, sha256 {sha256(other[i])}"
                )
            said = [text for text in others.values() if text]
            also = f" (also compared: {'; '.join(said)})" if said else ""
            result.reasons.append(
                f"input {path_text(file)} changed: sha256 {saved_hash} saved, {now} now{also}"
            )
        else:
            result.checked.append(f"input {path_text(file)}: sha256 matches")
    return workdir, given


def _spellings(given: Path) -> list[Path]:
    """A recorded input path as written, then as the name path_text wrote it for, where
    that is another (`M\\xfcller.yaml`, a name of bytes that are not UTF-8)."""
    real = path_from_text(str(given))
    return [given] if real == str(given) else [given, Path(real)]


# the problems of an input refused by a read limit (each says which option raises it)
_LIMIT_PROBLEMS = frozenset(
    {"too-many-tiers", "too-many-rows", "too-many-cells", "file-too-large", "too-deep", "zip-bomb"}
)

# what each later minor version of the schema added to the supplier entries and to the
# bases: a file saved by an earlier one is compared without it (what it holds is compared
# in full)
_ADDED_TO_SUPPLIERS: dict[str, tuple[str, ...]] = {"2.1": ("certifications", "audits")}
_ADDED_TO_BASES: dict[str, tuple[str, ...]] = {"2.2": (NOT_SHOWN,)}
# and to the exposures: the data gaps that bear on the summary's, a supplier's on_a_gap
_ADDED_TO_EXPOSURES: dict[str, tuple[str, ...]] = {"2.3": (EXPOSURE_GAPS, EXPOSURE_ON_A_GAP)}
# and to the tier-1 ranking's entries: on_a_gap, the ranking then by the level as shown
_ADDED_TO_RANKING: dict[str, tuple[str, ...]] = {"2.4": (EXPOSURE_ON_A_GAP,)}
# and to the listings of the supplier entries: a downstream listing's risk_types (the risk
# types it raises; empty before)
_ADDED_TO_LISTINGS: dict[str, tuple[str, ...]] = {"2.5": ("risk_types",)}
# the version from which the data gaps that bear on an exposure are those of every supplier
# whose level rests on missing data below critical, not of a low level alone: a file saved
# by an earlier one (from 2.3, which added them) is compared with them made by its rule
_GAPS_AT_EVERY_LEVEL = "2.6"


def _as_saved(rerun: dict[str, Any], version: str, result: Verification) -> None:
    """The re-run as the saved file's schema version holds it, when that is an earlier minor
    version of this one (the re-run's entries and bases lose what later versions added, and
    the bases their ids of then), with a note."""
    now = str(rerun.get("schema_version", ""))

    def added_since(added: dict[str, tuple[str, ...]]) -> list[str]:
        return [
            key
            for since, keys in added.items()
            if _version_numbers(version) < _version_numbers(since) <= _version_numbers(now)
            and since.split(".")[0] == version.split(".")[0]
            for key in keys
        ]

    to_suppliers, to_bases = added_since(_ADDED_TO_SUPPLIERS), added_since(_ADDED_TO_BASES)
    to_exposures = added_since(_ADDED_TO_EXPOSURES)
    to_ranking = added_since(_ADDED_TO_RANKING)
    to_listings = added_since(_ADDED_TO_LISTINGS)
    low_only = not to_exposures and bool(added_since({_GAPS_AT_EVERY_LEVEL: ("rule",)}))
    if added_since({now: ("",)}):  # (an earlier minor version of this one)
        # (2.7 added only the sheets of the input files, which are not compared)
        rerun["schema_version"] = version
    if not any((to_suppliers, to_bases, to_exposures, to_ranking, to_listings, low_only)):
        return
    if low_only:
        _gaps_as_before(rerun)
    for entry in rerun.get("suppliers") or ():
        for key in to_suppliers:
            entry.pop(key, None)
    if to_bases:
        _bases_as_before(rerun)
    if to_exposures:
        _exposures_as_before(rerun)
    if to_ranking:
        _ranking_as_before(rerun)
    if to_listings:
        _listings_as_before(rerun)
    held = [
        *to_suppliers,
        *to_bases,
        *(f"exposure {k}" for k in to_exposures),
        *(f"tier1_ranking {k} and the order it gives" for k in to_ranking),
        *(f"a downstream listing's {k}" for k in to_listings),
    ]
    if held:
        result.checked.append(
            f"note: saved as schema {version}, re-run as {now}: compared without what"
            f" {version} did not hold ({', '.join(held)})"
        )
    if low_only:
        result.checked.append(
            f"note: saved as schema {version}, re-run as {now}: the data gaps that bear on"
            f" the exposures compared as {version} told them (those of a low level alone)"
        )


def _gaps_as_before(rerun: dict[str, Any]) -> None:
    """The re-run's marks of the data gaps that bear on the exposures as schema 2.3 to 2.5
    made them (document.gaps_rested_on with `low_only`): the summary's data_gaps, a
    supplier's on_a_gap, and the tier-1 ranking's on_a_gap and order (2.4)."""
    suppliers = rerun.get("suppliers") or []
    summary = rerun.get("summary") or {}
    exposure = summary.get("exposure") or {}
    levels = {rt: e.get("level") for rt, e in exposure.items()}
    for rt, texts in chain_gaps(suppliers, levels, low_only=True).items():
        exposure[rt][EXPOSURE_GAPS] = texts
    marks = exposure_on_a_gap(suppliers, low_only=True)
    for entry in suppliers:
        marked = marks.get(str(entry.get("id")), set())
        for rt, by_type in (entry.get("exposure") or {}).items():
            if rt in marked and gap_bears(by_type.get("level")):
                by_type[EXPOSURE_ON_A_GAP] = True
            else:
                by_type.pop(EXPOSURE_ON_A_GAP, None)
    ranking = summary.get("tier1_ranking")
    if not isinstance(ranking, list) or not all(EXPOSURE_ON_A_GAP in e for e in ranking):
        return
    by_id = {str(entry.get("id")): entry for entry in suppliers}
    for ranked in ranking:
        exposures = (by_id[ranked["id"]].get("exposure") or {}).values()
        ranked[EXPOSURE_ON_A_GAP] = any(
            e.get(EXPOSURE_ON_A_GAP, False) for e in exposures if e.get("level") == ranked["level"]
        )
    ranking.sort(
        key=lambda e: (
            -(2 * LEVELS.index(e["level"]) + e[EXPOSURE_ON_A_GAP]),
            -e["weighted_priority"],
            e["id"],
        )
    )


def _ranking_as_before(rerun: dict[str, Any]) -> None:
    """The re-run's tier-1 ranking as before schema 2.4: its entries without `on_a_gap`, in
    the order of their plain level (a level on which data gaps bear not above the same
    level known), then their share-weighted priority, then their id."""
    summary = rerun.get("summary") or {}
    ranking = summary.get("tier1_ranking")
    if not isinstance(ranking, list):
        return
    for entry in ranking:
        entry.pop(EXPOSURE_ON_A_GAP, None)
    ranking.sort(key=lambda e: (-LEVELS.index(e["level"]), -e["weighted_priority"], e["id"]))


def _listings_as_before(rerun: dict[str, Any]) -> None:
    """The re-run's downstream listings as before schema 2.5: their risk_types empty (since,
    the risk types they raise)."""
    for entry in rerun.get("suppliers") or ():
        for listing in entry.get("listings") or ():
            if listing.get("downstream"):
                listing["risk_types"] = []


def _exposures_as_before(rerun: dict[str, Any]) -> None:
    """The re-run's exposures without what says which data gaps bear on them (schema 2.3):
    the summary's data_gaps, a supplier's on_a_gap (held by a few entries, if any)."""
    for exposure in ((rerun.get("summary") or {}).get("exposure") or {}).values():
        exposure.pop(EXPOSURE_GAPS, None)
    for entry in rerun.get("suppliers") or ():
        exposure = entry.get("exposure") or {}
        for by_type in exposure.values():
            by_type.pop(EXPOSURE_ON_A_GAP, None)


def _bases_as_before(rerun: dict[str, Any]) -> None:
    """The re-run's bases without their count of measures not shown, under the ids they
    had without it (schema 2.1), and its flags naming those."""
    renamed: dict[str, str] = {}
    bases: dict[str, Any] = {}
    for basis_id, basis in (rerun.get("bases") or {}).items():
        basis.pop(NOT_SHOWN, None)
        renamed[basis_id] = earlier = basis_id_of(
            basis["reason"], basis["evidence"], basis["remediation"], 0
        )
        bases[earlier] = basis
    rerun["bases"] = {key: bases[key] for key in sorted(bases)}
    for flag in rerun.get("flags") or ():
        flag["basis"] = renamed.get(flag.get("basis"), flag.get("basis"))


def _version_numbers(version: str) -> tuple[int, ...]:
    """A schema version as numbers ("2.1" → (2, 1)); an unreadable one as (0,)."""
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


def _recorded(path: Path, saved: dict[str, Any]) -> tuple[list[Path], list[str], AssessOptions]:
    """The input files as recorded, their recorded SHA-256 and the options of the re-run;
    an error naming the file when what it records cannot be read."""
    try:
        entries = saved["input"].get("files") or []
        files = [Path(_text(f["path"])) for f in entries] or [Path(_text(saved["input"]["path"]))]
        hashes = [_text(f["sha256"]) for f in entries]
        for part, key in (("profiles", "sha256"), ("profiles", "version"), ("tool", "version")):
            _text(saved[part][key])  # (compared with the re-run's)
        overlays_given = saved["profiles"].get("overlays") or []
        if not isinstance(overlays_given, list):
            raise TypeError(f"overlays {overlays_given!r} is not a list")
        overlays = [Path(_text(p)) for p in overlays_given]
        options = saved.get("options") or {}
        as_of = options.get("as_of")
        column_map = options.get("column_map") or {}
        read = ReadOptions.within(
            _limits(path, options.get("limits") or {}),
            column_map={_text(k): _text(v) for k, v in column_map.items()},
            sheet=_text(options["sheet"]) if options.get("sheet") is not None else None,
        )
        company = options.get("company")
        config = options.get("config")  # (its recorded settings are used, not the file)
        run = AssessOptions(
            profiles=overlays,
            read=read,
            company=None if company is None else _text(company),
            as_of=dt.date.fromisoformat(_text(as_of)) if as_of else None,
            config=None if config is None else Path(_text(config)),
        )
        settings = options.get("settings") or {}
    except (AttributeError, KeyError, TypeError, ValueError) as e:
        raise AssessmentFileError(
            f"{path}: the inputs, profiles or options it records cannot be read"
            f" ({type(e).__name__}: {e})"
        ) from None
    try:
        run.settings = Config.model_validate(settings)
    except ValidationError as e:  # (in plain words, at the key, as a settings file's are)
        said = [
            f"$.options.settings.{p.location.column}: {p.message}"
            if p.location.column
            else p.message
            for p in validation_problems(e.errors(), settings, {}, str(path))
        ]
        raise DdtoolError(f"{path}: recorded settings are not valid: {'; '.join(said)}") from e
    return files, hashes, run


def _limits(path: Path, recorded: Any) -> Limits:
    """The read limits an assessment records (`options.limits`, by the options' field
    names; an assessment of before they were recorded read within the defaults), each
    within what its option takes: a limit no `assess` takes (`max_depth` 5000, when
    --max-depth takes at most 200) is an error naming it, and nothing is re-run."""
    if not isinstance(recorded, dict):
        raise TypeError(f"limits {recorded!r} is not an object")
    try:
        return Limits.from_dict(recorded, least=1)
    except ValueError as e:
        raise AssessmentFileError(
            f"{path}: the read limits it records cannot be used ($.options.limits: {e});"
            " nothing is re-run"
        ) from None


def _overlay_found(path: Path, workdir: Path, overlay: Path) -> Path:
    """A profile overlay the assessment records, where it is, for the re-run in `workdir`:
    where recorded, from `workdir` (spelled as recorded, so that the re-run records it
    alike), then from here, then by its name beside the JSON (a folder moved with it). A
    path is recorded as given, relative or not; its content hash decides whether it is the
    same data."""
    for spelling in _spellings(overlay):
        if (workdir / spelling).is_dir():
            return spelling
    for spelling in _spellings(overlay):
        if spelling.is_dir():
            return spelling.absolute()
    beside = path.parent.absolute() / overlay.name
    if beside.is_dir():
        return beside
    raise DdtoolError(
        f"{path}: the profile overlay it records, {overlay}, is not found (keep it where it was,"
        " or beside the JSON)"
    )


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a text")
    return value


def _head(path: Path, text: str) -> dict[str, Any]:
    """What the re-run needs of the saved file: the keys before its long lists, as ddtool
    writes them. Where one of them is not there (after the lists, or missing), the whole
    file is read and checked for it first (_saved_checked)."""
    head = read_assessment(path, {}, text=text, stop_before=_LISTS)
    if all(key in head for key in _HEAD):
        return {key: head[key] for key in _HEAD}
    return _saved_checked(path, text)


def _saved_checked(path: Path, text: str) -> dict[str, Any]:
    """What the re-run needs of the saved file, once the whole file is read and checked as
    `ddtool diff` checks it: a file cut off, an id named twice or a summary count that
    disagrees is an error about the file, said before its inputs, its records or a re-run
    (a file that is not what it says cannot be reproduced, nor its differences told)."""
    document = load_for_diff(path, text)
    reason = invalid_reason(path, document)
    if reason is not None:
        raise AssessmentFileError(reason)
    return {key: document[key] for key in _HEAD if key in document}


def _checked_part(_: int, item: Any) -> Any:
    """What check_assessment reads of an item of a long list."""
    if not isinstance(item, dict):
        return item
    return {key: item[key] for key in ("id", "level") if key in item}


# what the contract's check of the file (invalid_reason) reads of an item of each long
# list: what load_for_diff keeps of it (a supplier entry's fields a diff reads; a flag whole)
_DIFF_READS: dict[str, Callable[[int, Any], Any]] = {
    "suppliers": slim_supplier,
    "flags": lambda _, item: item,
}


def _saved_whole(
    path: Path, text: str, rerun: dict[str, Any], check: Streamed | None = None
) -> tuple[dict[str, Any], dict[str, list[str]], int]:
    """The saved assessment, each item of its long lists compared with the re-run's as it
    is read, and then handed to `check` (as a diff reads it) and dropped (only what
    check_assessment reads is kept); the differences found in each list, up to the limit;
    and how many items differ beyond it."""
    found: dict[str, list[str]] = {key: [] for key in _LISTS}
    beyond = [0]
    fed = Streamed() if check is None else check

    matched: dict[str, _Matched] = {}

    def compared(key: str) -> Callable[[int, Any], Any]:
        new = rerun.get(key)
        items: list[Any] = new if isinstance(new, list) else []
        # the re-run's items by id: an item added or left out shifts those after it, which
        # compared by position would all differ, and the one added or left out go unnamed
        at = matched[key] = _Matched(items)
        read = _DIFF_READS[key]
        feed = partial(fed.feed, key)

        def each(i: int, item: Any) -> Any:
            j = at.index_of(i, item)
            if j is None:
                if len(found[key]) < _LIMIT:
                    found[key].append(f"$.{key}[{i}]{_named(item)}: only in the saved result")
                else:
                    beyond[0] += 1
            elif not _same(item, items[j]):
                if len(found[key]) < _LIMIT:
                    _differences(item, items[j], f"$.{key}[{i}]{_named(item)}", found[key])
                else:
                    beyond[0] += 1
            feed(read(i, item))
            return _checked_part(i, item)

        return each

    saved = read_assessment(path, {key: compared(key) for key in _LISTS}, text=text)
    for key, at in matched.items():
        for item in at.unmatched():
            if len(found[key]) < _LIMIT:
                found[key].append(f"$.{key}{_named(item)}: only in the re-run")
            else:
                beyond[0] += 1
        if at.moved and not found[key]:
            found[key].append(f"$.{key}: the same items, in another order")
    return saved, found, beyond[0]


class _Matched:
    """A re-run's list items, found by the id of each saved item (by position where the
    items have no ids), and those no saved item had."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items
        ids = [item.get("id") if isinstance(item, dict) else None for item in items]
        self.by_id: dict[Any, int] | None = (
            {i: j for j, i in enumerate(ids)}
            if None not in ids and len(set(ids)) == len(ids)
            else None
        )
        self.seen: set[int] = set()
        self.moved = False

    def index_of(self, i: int, item: Any) -> int | None:
        if self.by_id is None or not isinstance(item, dict):
            j = i if i < len(self.items) else None
        else:
            j = self.by_id.get(item.get("id"))
        if j in self.seen:
            # a second saved item of one id has no match of its own: the lists then hold
            # other items, not the same in another order
            j = None
        if j is not None:
            self.seen.add(j)
            self.moved = self.moved or j != i
        return j

    def unmatched(self) -> list[Any]:
        return [item for j, item in enumerate(self.items) if j not in self.seen]


def _named(item: Any) -> str:
    """A list item as a difference names it: its id, and for a flag its supplier, risk type
    and level."""
    if not isinstance(item, dict) or "id" not in item:
        return ""
    about = [str(item[k]) for k in ("supplier_id", "risk_type", "level") if item.get(k)]
    return f" (id {item['id']!r}" + (f": {', '.join(about)})" if about else ")")


def _compare(
    saved: dict[str, Any],
    in_lists: dict[str, list[str]],
    rerun: dict[str, Any],
    result: Verification,
    beyond: int = 0,
) -> Verification:
    was, now = saved["profiles"], rerun["profiles"]
    if (now["sha256"], now["version"]) != (was["sha256"], was["version"]):
        # (the version too: a file whose version was edited names data it was not made with)
        result.reasons.append(
            f"risk profiles differ: {was['version']} sha256 {was['sha256']} saved,"
            f" {now['version']} sha256 {now['sha256']} now"
        )
    else:
        result.checked.append(f"risk profiles {now['version']}: sha256 matches")
    if was.get("overlays") != now.get("overlays") and now["sha256"] == was["sha256"]:
        # (an overlay found beside the JSON, moved with it: the same data by its hash)
        result.checked.append(
            f"note: not compared: $.profiles.overlays ({was.get('overlays')!r} saved,"
            f" {now.get('overlays')!r} now): an overlay is the same data by the profiles' sha256,"
            " wherever it is"
        )
        now["overlays"] = was.get("overlays")
    if rerun["tool"]["version"] != saved["tool"]["version"]:
        result.checked.append(
            f"note: made with ddtool {saved['tool']['version']}, re-run with"
            f" {rerun['tool']['version']}"
        )
    if saved.get("generated_at"):  # (a verification says what it did not check, too)
        result.checked.append(
            f"note: not compared: generated_at ({saved['generated_at']}), when the file says"
            " it was made (a re-run is made now)"
        )
    paths_saved, paths_now = _input_paths(saved), _input_paths(rerun)
    for at in dict.fromkeys([*paths_saved, *paths_now]):  # (said, as generated_at is)
        if paths_saved.get(at) != paths_now.get(at):
            was, now = (
                "none" if p is None else repr(p) for p in (paths_saved.get(at), paths_now.get(at))
            )
            result.checked.append(
                f"note: not compared: {at} ({was} saved, {now} now): an input is the same file"
                " by its sha256, wherever it is"
            )
    found = _top_differences(saved, in_lists, rerun, beyond)
    if found:
        result.reasons.append("results differ: " + "; ".join(found))
    else:
        result.checked.append(
            f"{len(saved['suppliers'])} suppliers and {len(saved['flags'])} flags identical"
        )
    result.reproduced = not result.reasons
    return result


def _top_differences(
    saved: dict[str, Any], in_lists: dict[str, list[str]], rerun: dict[str, Any], beyond: int = 0
) -> list[str]:
    """Where the saved assessment and the re-run differ (but for when and with which version
    of ddtool each was made), in key order, up to the limit; none when they are the same.
    The long lists' items were compared as the saved file was read (`in_lists`)."""
    found: list[str] = []
    # the inputs are the same when their contents are (checked by hash before the re-run);
    # the path each was given by may differ, as for a folder moved since
    if _input_hashes(saved) != _input_hashes(rerun):
        found.append("$.input: the input files differ")
    elif _version_numbers(str(saved.get("schema_version", ""))) >= _SHEETS_RECORDED:
        found += _sheets_differ(saved, rerun)
    keys = (set(saved) | set(rerun)) - {"generated_at", "tool", "input"}
    for key in sorted(keys, key=_cause_first):
        if key not in saved or key not in rerun:
            found.append(f"$.{key}: only in {'the re-run' if key in rerun else 'the saved result'}")
        elif key in in_lists and isinstance(rerun[key], list):
            if len(saved[key]) != len(rerun[key]):
                found.append(f"$.{key}: {len(saved[key])} items saved, {len(rerun[key])} now")
            found += in_lists[key]
        else:
            _differences(saved[key], rerun[key], f"$.{key}", found, _COUNTED)
    # how many more: those found past the limit (counted up to a point), and the list items
    # that differ past the list's own limit (`beyond`, each counted once)
    more = max(0, len(found) - _LIMIT) + beyond
    if more:
        return [*found[:_LIMIT], f"and {more}{'+' if len(found) >= _COUNTED else ''} more"]
    return found


# the parts of an assessment in the order a difference is looked for: what makes the others
# (the settings, the profiles) first, the catalogues the flags name by id last (a changed
# setting otherwise showed as five ids of bases only in one result or the other)
_CAUSES = ("options", "profiles", "company", "summary", "flags", "suppliers", "data_gaps")
_CATALOGUES = ("bases", "evidence", "measures", "sources")
_COUNTED = 100  # differences counted before "and N+ more"


def _cause_first(key: str) -> tuple[int, str]:
    if key in _CAUSES:
        return _CAUSES.index(key), key
    return (len(_CAUSES) + 1 if key in _CATALOGUES else len(_CAUSES)), key


def _input_paths(document: dict[str, Any]) -> dict[str, Any]:
    """The paths the document records for its input, by where they are in it."""
    given = document.get("input")
    if not isinstance(given, dict):
        return {}
    files = given.get("files")
    return {
        "$.input.path": given.get("path"),
        **{
            f"$.input.files[{i}].path": f.get("path")
            for i, f in enumerate(files if isinstance(files, list) else [])
            if isinstance(f, dict)
        },
    }


# the schema version from which the sheets read of each input workbook are recorded
_SHEETS_RECORDED = (2, 7)


def _sheets_differ(saved: dict[str, Any], rerun: dict[str, Any]) -> list[str]:
    """Where the sheets read of an input workbook differ from those the re-run read (the
    same file, by its hash: the sheets a report names must be those assessed)."""
    found = []
    listed = (saved.get("input") or {}).get("files") or []
    for at, (given, now) in enumerate(zip(listed, rerun["input"]["files"], strict=False)):
        was = given.get("sheets") if isinstance(given, dict) else None
        if was != now.get("sheets"):
            found.append(
                f"$.input.files[{at}].sheets: saved {_sheets_text(was)},"
                f" now {_sheets_text(now.get('sheets'))}"
            )
    return found


def _sheets_text(sheets: Any) -> str:
    """Sheets as a difference names them: 'Tier 1', 'Tier 2' (none: "none recorded")."""
    if not isinstance(sheets, list):
        return "none recorded" if sheets is None else _shown(sheets)
    return ", ".join(_shown(sheet) for sheet in sheets) or "none"


def _input_hashes(document: dict[str, Any]) -> list[Any]:
    """The input's fingerprint (the one the reports print and diff compares) and each
    file's hash: a fingerprint edited to another input's is a difference too."""
    given = document.get("input")
    if not isinstance(given, dict):
        return [given]
    files = given.get("files")
    if isinstance(files, list):
        return [
            given.get("sha256"),
            *(f.get("sha256") if isinstance(f, dict) else f for f in files),
        ]
    return [given.get("sha256")]
