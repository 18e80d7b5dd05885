"""What the report formats show alike beyond the document's fields: a level resting on missing
data, a supplier's region beside its country, an input warning with its place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ddtool.document import low_on_a_gap
from ddtool.errors import Location

# a low level on missing data reads so in every report: a filter on "low" does not find it
GAP_LEVEL = "low (data gap)"


def level_shown(entry: dict[str, Any], level: str) -> str:
    """A level as the reports show it: "low (data gap)" where the supplier (or a flag joined
    with its supplier, see document.register) is low on missing data (see low_on_a_gap)."""
    return GAP_LEVEL if level == "low" and low_on_a_gap(entry, level) else level


class ExposureLevels:
    """How the reports show an exposure's level. Its maximum sits on its `from` supplier: where
    that supplier is low on missing data (its own level reads "low (data gap)"), the exposure
    rests on that gap and reads "low (data gap)" too, never plain "low"."""

    def __init__(self, suppliers: Iterable[dict[str, Any]]) -> None:
        self._suppliers = suppliers
        self._on_a_gap: set[str] | None = None  # made at the first low exposure

    def on_a_gap(self, exposure: Mapping[str, Any]) -> bool:
        """Whether a low exposure's maximum sits on a supplier low on missing data."""
        if exposure.get("level") != "low":
            return False
        if self._on_a_gap is None:
            self._on_a_gap = {str(s.get("id")) for s in self._suppliers if low_on_a_gap(s, "low")}
        return str(exposure.get("from")) in self._on_a_gap

    def level(self, exposure: Mapping[str, Any]) -> str:
        """The exposure's level as shown: "low (data gap)" where it rests on a gap."""
        return GAP_LEVEL if self.on_a_gap(exposure) else str(exposure.get("level"))


def supplier_regions(suppliers: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The region of every supplier that has one, by id (a flag's supplier entry holds it)."""
    return {str(s.get("id")): str(s["region"]) for s in suppliers if s.get("region")}


def country_and_region(country: str, region: str | None) -> str:
    """'CIV (San-Pédro)' where there is no room for a column of its own; the country alone
    without a region; the region alone (it may be given without a country)."""
    if not region:
        return country
    return f"{country} ({region})" if country else f"({region})"


# where an input warning sits, as the JSON has it
LOCATION_FIELDS = ("file", "sheet", "row", "column", "line")


def warning_cells(warning: dict[str, Any]) -> list[Any]:
    """An input warning as cells: type, severity, message, suggestion, then its location (file,
    sheet, row, column, line); what it does not give is None. A warning that is no object, or
    has no message, raises (`ddtool report` names the file that lacks it)."""
    location = warning.get("location") or {}
    return [
        warning.get("type"),  # the warning's code: "other-supplier-sheets", "note-row" …
        warning.get("severity"),
        warning["message"],
        warning.get("suggestion"),
        *(location.get(key) for key in LOCATION_FIELDS),
    ]


def warning_place(warning: dict[str, Any]) -> str:
    """Where a warning sits, as ddtool validate prints it: `file, sheet 'S', row 3, column
    'C'` (a YAML file's: `file, line 4, key 'k'`); empty when it names no file."""
    location = warning.get("location") or {}
    if not location.get("file"):
        return ""
    return str(
        Location(
            str(location["file"]),
            location.get("sheet"),
            location.get("row"),
            location.get("column"),
            location.get("line"),
        )
    )


def warning_text(warning: dict[str, Any]) -> str:
    """A warning's message, with its suggestion as ddtool validate gives it."""
    text = str(warning["message"])
    if warning.get("suggestion"):
        text += f" (did you mean {warning['suggestion']}?)"
    return text
