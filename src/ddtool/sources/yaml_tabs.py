"""A YAML syntax error caused by a tab, told as such (the chain files' reader and the settings'
share it): YAML indents with spaces only, and the parser's own words for a tab ("found
character that cannot start any token") do not say so."""

from __future__ import annotations

import re

import yaml

# the line breaks of YAML 1.1, as the parser counts lines (str.splitlines counts more)
_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")


def yaml_lines(text: str) -> list[str]:
    """A text's lines as YAML counts them (the first is line 1 of the parser's marks)."""
    for br in _BREAKS:
        text = text.replace(br, "\n")
    return text.split("\n")


def tab_problem(e: yaml.MarkedYAMLError, text: str) -> str | None:
    """What is wrong where a YAML syntax error is marked at a tab: its column, and that YAML
    does not indent with tabs; None for an error marked elsewhere."""
    mark = e.problem_mark
    if mark is None:
        return None
    lines = yaml_lines(text)
    line = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    if line[mark.column : mark.column + 1] != "\t":
        return None
    return tab_message(mark.column + 1)


def tab_message(column: int) -> str:
    """What is wrong with a tab where YAML wants spaces, at its column (from 1)."""
    return f"a tab at column {column}: YAML does not allow tabs for indentation; indent with spaces"


# a line's indentation as far as it holds no tab: spaces, and list items' dashes
_INDENT = re.compile(r"(?:[ ]+|-(?=[ \t]|$))*")
# a line that opens a block scalar (`notes: |`, `- >-`), a comment after it aside
_BLOCK_SCALAR = re.compile(r"(?:^[ \t]*|:[ \t]+|-[ \t]+)[|>][-+0-9]*[ \t]*(?:#.*)?$")
# a quoted text on one line, whose brackets are no flow collection's
_QUOTED = re.compile(r"'[^']*'|\"(?:[^\"\\]|\\.)*\"")


def tab_lines(text: str, first: tuple[int, int]) -> list[tuple[int, int]]:
    """Every line indented with a tab, as (line, column), from the one the parser stopped at
    (`first`) on: the parser stops at the first, and a file indented with tabs has them on
    many lines. Tabs within a block scalar's text (past its indentation) and in a flow
    collection written over several lines are allowed, and not told."""
    found = [first]
    block: int | None = None  # the indentation a block scalar's lines are more indented than
    content: int | None = None  # its text's indentation, from its first line
    depth = 0  # brackets of flow collections left open
    for number, line in enumerate(yaml_lines(text), start=1):
        spaces = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not line.strip(" "):
                continue
            if content is None and spaces > block:
                content = spaces
            if content is not None and spaces >= content:
                continue  # (the block's text: a tab in it is text)
            if line[spaces : spaces + 1] != "\t":
                block = content = None  # (the block ends: a line less indented)
        column = len(_INDENT.match(line).group())  # type: ignore[union-attr]
        tabbed = line[column : column + 1] == "\t" and depth == 0
        if tabbed and number > first[0]:
            found.append((number, column + 1))
        if block is not None:
            continue
        code = _QUOTED.sub("", line.split(" #", 1)[0])
        if not code.lstrip().startswith("#"):
            depth = max(
                0, depth + sum(code.count(c) for c in "[{") - sum(code.count(c) for c in "]}")
            )
            if depth == 0 and _BLOCK_SCALAR.search(code):
                block, content = spaces, None
    return found
