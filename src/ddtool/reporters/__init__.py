"""Report formats behind one interface; the format follows the output file's suffix."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from ddtool.reporters.interface import Reporter, ReporterError


class ReportFormat(StrEnum):
    """Every output format; a test loops over them so none is forgotten."""

    JSON = ".json"


def reporter_for(path: Path) -> Reporter:
    """The reporter for an output path, by suffix; unknown suffixes are a usage error."""
    suffix = path.suffix.lower()
    if suffix == ReportFormat.JSON:
        from ddtool.reporters.json_report import JsonReporter

        return JsonReporter()
    known = ", ".join(f.value for f in ReportFormat)
    raise ReporterError(f"{path}: unknown output format '{suffix or '(none)'}'; use one of {known}")


__all__ = ["ReportFormat", "Reporter", "ReporterError", "reporter_for"]
