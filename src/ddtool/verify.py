"""`ddtool assess --verify`: re-run a saved assessment and say whether it reproduces."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddtool.assess import AssessOptions, assess
from ddtool.config import Config
from ddtool.diff import load_assessment
from ddtool.errors import DdtoolError
from ddtool.sources.interface import ReadOptions


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


def _differences(old: Any, new: Any, where: str, out: list[str], limit: int = 5) -> None:
    if len(out) >= limit:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            if key not in old or key not in new:
                out.append(f"{where}.{key}: only in {'new' if key in new else 'saved'} result")
            else:
                _differences(old[key], new[key], f"{where}.{key}", out, limit)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            out.append(f"{where}: {len(old)} items saved, {len(new)} now")
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            _differences(a, b, f"{where}[{i}]", out, limit)
    elif old != new:
        out.append(f"{where}: saved {str(old)[:60]!r}, now {str(new)[:60]!r}")


def verify(path: Path) -> Verification:
    """Re-run the assessment recorded in `path` with the same inputs, profiles and options."""
    saved = load_assessment(path)
    result = Verification(reproduced=True)
    recorded = [Path(f["path"]) for f in saved["input"].get("files", [])] or [
        Path(saved["input"]["path"])
    ]
    # paths are recorded as given; relative ones are looked up from here, else the re-run
    # happens in the JSON's folder (so that the paths it records are spelled the same)
    workdir = Path.cwd()
    if not all(p.exists() for p in recorded) and all((path.parent / p).exists() for p in recorded):
        workdir = path.parent.resolve()
    files = [p if p.is_absolute() else workdir / p for p in recorded]
    missing = [str(p) for p in files if not p.exists()]
    if missing:
        raise DdtoolError(
            f"{path}: input file(s) not found: {', '.join(missing)} (run from the folder the"
            " assessment was made in, or keep the inputs beside the JSON)"
        )
    files = recorded
    for entry, file in zip(
        saved["input"].get("files", []), [workdir / p for p in recorded], strict=False
    ):
        now = _sha256(file)
        if now is None:
            result.reasons.append(f"input {file} is missing or unreadable")
        elif now != entry["sha256"]:
            result.reasons.append(
                f"input {file} changed: sha256 {entry['sha256'][:12]}… saved, {now[:12]}… now"
            )
        else:
            result.checked.append(f"input {file}: sha256 matches")
    if result.reasons:
        result.reproduced = False
        return result
    options = saved.get("options", {})
    try:
        settings = Config.model_validate(options.get("settings") or {})
    except ValueError as e:
        raise DdtoolError(f"{path}: recorded settings are not valid: {e}") from e
    with contextlib.chdir(workdir):
        rerun = _rerun(saved, files, settings)
    return _compare(saved, rerun, result)


def _rerun(saved: dict[str, Any], files: list[Path], settings: Config) -> dict[str, Any]:
    options = saved.get("options", {})
    return assess(
        files,
        AssessOptions(
            profiles=[Path(p) for p in saved["profiles"].get("overlays", [])],
            settings=settings,
            read=ReadOptions(
                column_map=dict(options.get("column_map") or {}), sheet=options.get("sheet")
            ),
            company=options.get("company"),
            as_of=dt.date.fromisoformat(options["as_of"]) if options.get("as_of") else None,
        ),
    ).data


def _compare(saved: dict[str, Any], rerun: dict[str, Any], result: Verification) -> Verification:
    if rerun["profiles"]["sha256"] != saved["profiles"]["sha256"]:
        result.reasons.append(
            f"risk profiles differ: {saved['profiles']['version']} sha256"
            f" {saved['profiles']['sha256'][:12]}… saved, {rerun['profiles']['version']}"
            f" sha256 {rerun['profiles']['sha256'][:12]}… now"
        )
    else:
        result.checked.append(f"risk profiles {rerun['profiles']['version']}: sha256 matches")
    if rerun["tool"]["version"] != saved["tool"]["version"]:
        result.checked.append(
            f"note: made with ddtool {saved['tool']['version']}, re-run with"
            f" {rerun['tool']['version']}"
        )
    ignore = {"generated_at", "tool"}
    old = {k: v for k, v in saved.items() if k not in ignore}
    new = {k: v for k, v in rerun.items() if k not in ignore}
    if old != new:
        found: list[str] = []
        _differences(old, new, "$", found)
        result.reasons.append("results differ: " + "; ".join(found))
    else:
        result.checked.append(
            f"{len(saved['suppliers'])} suppliers and {len(saved['flags'])} flags identical"
        )
    result.reproduced = not result.reasons
    return result
