"""Report formats behind one interface; the format follows the output file's suffix."""

from __future__ import annotations

from enum import StrEnum
from importlib import import_module
from pathlib import Path

from ddtool.reporters.interface import Reporter, ReporterError


class ReportFormat(StrEnum):
    """Every output format (by file suffix); a test loops over them so none is forgotten."""

    JSON = ".json"
    XLSX = ".xlsx"
    HTML = ".html"
    MARKDOWN = ".md"
    CSV = ".csv"


# suffix -> (module, class); imported only when used, so start-up stays fast
_REPORTERS: dict[ReportFormat, tuple[str, str]] = {
    ReportFormat.JSON: ("ddtool.reporters.json_report", "JsonReporter"),
    ReportFormat.XLSX: ("ddtool.reporters.excel_report", "ExcelReporter"),
    ReportFormat.HTML: ("ddtool.reporters.html_report", "HtmlReporter"),
    ReportFormat.MARKDOWN: ("ddtool.reporters.markdown_report", "MarkdownReporter"),
    ReportFormat.CSV: ("ddtool.reporters.csv_report", "CsvReporter"),
}


def reporter_for(path: Path) -> Reporter:
    """The reporter for an output path, by suffix; unknown suffixes are a usage error."""
    suffix = path.suffix.lower()
    try:
        fmt = ReportFormat(suffix)
    except ValueError:
        known = ", ".join(f.value for f in ReportFormat)
        raise ReporterError(
            f"{path}: unknown output format '{suffix or '(none)'}'; use one of {known}"
        ) from None
    module_name, class_name = _REPORTERS[fmt]
    reporter: Reporter = getattr(import_module(module_name), class_name)()
    return reporter


__all__ = ["ReportFormat", "Reporter", "ReporterError", "reporter_for"]
