"""`ddtool assess --verify`: re-run a saved assessment and say whether it reproduces."""

from __future__ import annotations

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
    files = [Path(f["path"]) for f in saved["input"].get("files", [])] or [
        Path(saved["input"]["path"])
    ]
    for entry, file in zip(saved["input"].get("files", []), files, strict=False):
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
    rerun = assess(
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
