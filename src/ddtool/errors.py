"""One exception family, and located input problems as values."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, Literal

Severity = Literal["error", "warning"]


class ExitCode(IntEnum):
    """Process exit codes: success, findings at or above --fail-on, bad input or usage."""

    SUCCESS = 0
    FINDINGS = 1
    ERROR = 2


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem sits: file, and sheet/row/column for tables or line for YAML."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        # a name holding a line break or another control character, escaped: a located
        # message stays on its line
        parts = [shown_name(self.file)]
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(
                f"key '{self.column}'" if self.line is not None else f"column '{self.column}'"
            )
        return ", ".join(parts)

    def with_column(self, column: str | None) -> Location:
        """Return the same location narrowed to one column (tables) or kept (YAML)."""
        return Location(self.file, self.sheet, self.row, column, self.line)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": path_text(self.file),
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "line": self.line,
        }


# a byte of a file name that is not UTF-8, as os.fsdecode keeps it (U+DC80-U+DCFF), or any
# other lone surrogate: no UTF-8 text can hold one
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped_surrogate(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as text that UTF-8 can hold: each byte of its name that is not UTF-8 (a name
    made on Windows in another code page, `M\\xfcller.yaml` from a zip) written as Python
    escapes it, as `\\xfc`, everywhere ddtool shows or saves the path."""
    text = os.fspath(path)
    if text.isascii():
        return text
    return _SURROGATE.sub(_escaped_surrogate, text)


# what path_text writes for such a character: `\xNN` for a byte of a name (80 to ff),
# `\uXXXX` for another lone surrogate
_ESCAPED_SURROGATE = re.compile(r"\\x([89a-f][0-9a-f])|\\u(d[89a-f][0-9a-f]{2})")


def _surrogate_of(found: re.Match[str]) -> str:
    byte, other = found.groups()
    if byte is not None:
        return chr(0xDC00 + int(byte, 16))
    code = int(other, 16)
    # (path_text writes U+DC80-U+DCFF as \xNN, never as \udcNN: such text is no escape)
    return found.group() if 0xDC80 <= code <= 0xDCFF else chr(code)


def path_from_text(text: str) -> str:
    """The path that `path_text` wrote as `text`: each `\\xNN` it wrote for a byte that is
    not UTF-8 (`M\\xfcller.yaml`) turned back into that byte as os.fsdecode holds it, and each
    `\\uXXXX` into its lone surrogate. A name may hold such a sequence itself (a file named
    `M\\xfcller.yaml` in so many characters), which path_text leaves as it is: whoever looks
    a recorded path up tries it as written first, then as this returns it."""
    if "\\" not in text:
        return text
    return _ESCAPED_SURROGATE.sub(_surrogate_of, text)


def quoted(text: str, most: int = 60) -> str:
    """A value as a message quotes it (repr), its first `most` characters only where it is
    longer, with its length: a cell of 60,000 characters quoted whole would fill the
    screen and bury every other problem."""
    if len(text) <= most:
        return repr(text)
    return f"{text[:most]!r}… ({len(text):,} characters)"


def shown_name(name: str) -> str:
    """A file name as a message shows it: its control characters (a line break) written as
    Python escapes them ('new\\nline.yaml'), so that a located message stays on its line,
    and its bytes that are not UTF-8 as `path_text` writes them ('M\\xfcller.yaml')."""
    name = path_text(name)
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem in the user's data: a stable kebab-case type, a message and a location."""

    type: str
    message: str
    location: Location
    severity: Severity = "error"
    suggestion: str | None = None

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.suggestion:
            text += f" (did you mean {self.suggestion}?)"
        return f"{text} [{self.type}]"

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "location": self.location.as_dict(),
        }


@dataclass(slots=True)
class ProblemList:
    """Collects every problem found in one run, so that all are reported together."""

    items: list[Problem] = field(default_factory=list)

    def error(
        self, type_: str, message: str, location: Location, suggestion: str | None = None
    ) -> None:
        self.items.append(Problem(type_, message, location, "error", suggestion))

    def warning(
        self, type_: str, message: str, location: Location, suggestion: str | None = None
    ) -> None:
        self.items.append(Problem(type_, message, location, "warning", suggestion))

    def extend(self, other: ProblemList | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, ProblemList) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "warning"]

    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.items)

    def flatten(self, keys: list[str]) -> list[list[Any]]:
        """Flatten to lists of the named attributes (type, severity, file, row, column, line)."""
        out: list[list[Any]] = []
        for p in self.items:
            row: list[Any] = []
            for key in keys:
                if key in ("type", "severity", "message", "suggestion"):
                    row.append(getattr(p, key))
                else:
                    row.append(getattr(p.location, key))
            out.append(row)
        return out


class DdtoolError(Exception):
    """Base of every error ddtool raises on purpose."""


class InputError(DdtoolError):
    """The input cannot be used; carries the located problems."""

    def __init__(self, problems: list[Problem], company: str | None = None) -> None:
        self.problems = problems
        # the company's name, where the input gave one: an anonymised batch summary keeps it
        # out of the problems it quotes
        self.company = company
        super().__init__("; ".join(str(p) for p in problems[:3]))


class ProfileError(DdtoolError):
    """A risk-profile file is broken; the message names the file and row."""


class UsageError(DdtoolError):
    """A command was called with options that cannot work together."""
