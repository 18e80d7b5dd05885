"""The one interface every report format implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any

from ddtool.errors import DdtoolError


class ReporterError(DdtoolError):
    """A report could not be written."""


class Reporter(ABC):
    """Renders an assessment document (the JSON contract) to one file format."""

    suffix: str = ""
    name: str = ""

    @abstractmethod
    def write(self, document: dict[str, Any], path: Path) -> None:
        """Write the report to path atomically."""
