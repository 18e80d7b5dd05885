"""A YAML syntax error caused by a tab, told as such (the chain files' reader and the settings'
share it): YAML indents with spaces only, and the parser's own words for a tab ("found
character that cannot start any token") do not say so."""

from __future__ import annotations

import yaml

# the line breaks of YAML 1.1, as the parser counts lines (str.splitlines counts more)
_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")


def tab_problem(e: yaml.MarkedYAMLError, text: str) -> str | None:
    """What is wrong where a YAML syntax error is marked at a tab: its column, and that YAML
    does not indent with tabs; None for an error marked elsewhere."""
    mark = e.problem_mark
    if mark is None:
        return None
    for br in _BREAKS:
        text = text.replace(br, "\n")
    lines = text.split("\n")
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    if line[mark.column : mark.column + 1] != "\t":
        return None
    return (
        f"a tab at column {mark.column + 1}: YAML does not allow tabs for indentation;"
        " indent with spaces"
    )
