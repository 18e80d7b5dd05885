"""A bad settings file (--config): every problem located (line, key), in plain words, at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.config import Config, load_config
from ddtool.errors import InputError, ProblemList

ROOT = Path(__file__).resolve().parents[1]
COFFEE = ROOT / "sample_chains" / "coffee.yaml"

# name, file text, expected problems as (type, line, key, suggestion), in file order
BAD: list[tuple[str, str, list[tuple[str, int | None, str | None, str | None]]]] = [
    (
        "duplicate section",
        "thresholds:\n  medium: 0.3\nthresholds:\n  high: 0.6\n",
        [("config-duplicate-key", 3, "thresholds", None)],
    ),
    (
        "duplicate nested key",
        "scoring:\n  sector_weight: 0.4\n  sector_weight: 0.6\n",
        [("config-duplicate-key", 3, "scoring.sector_weight", None)],
    ),
    (
        "duplicate column header",
        "columns:\n  Land: country\n  Land: region\n",
        [("config-duplicate-key", 3, "columns.Land", None)],
    ),
    (
        # --map '=country' is refused; so is its columns: form, which mapped no column
        "empty column header",
        'columns:\n  "": country\n  Land: country\n',
        [("config-invalid", 2, "columns.", None)],
    ),
    (
        "unknown key in a section",
        "thresholds:\n  medium: 0.3\n  hihg: 0.5\n",
        [("config-invalid", 3, "thresholds.hihg", "'high'")],
    ),
    (
        "unknown setting",
        "flag_levle: high\n",
        [("config-invalid", 1, "flag_levle", "'flag_level'")],
    ),
    (
        "unknown setting, nothing close",
        "colour: blue\n",
        [("config-invalid", 1, "colour", None)],
    ),
    (
        "flag level misspelt",
        "flag_level: hihg\n",
        [("config-invalid", 1, "flag_level", "'high'")],
    ),
    (
        "typo and order in one run",
        "thresholds: {medium: 0.6, high: 0.5, hgh: 0.4}\n",
        [
            ("config-invalid", 1, "thresholds.hgh", "'high'"),
            ("config-invalid", 1, "thresholds", None),
        ],
    ),
    (
        "bad value and order in one run",
        "thresholds:\n  medium: 0.6\n  high: 0.5\n  critical: 1.7\n",
        [
            ("config-invalid", 1, "thresholds", None),
            ("config-invalid", 4, "thresholds.critical", None),
        ],
    ),
    (
        "boolean for a number",
        "scoring:\n  sector_weight: true\n",
        [("config-invalid", 2, "scoring.sector_weight", None)],
    ),
    (
        "boolean for a whole number",
        "scoring:\n  inference_depth: false\n",
        [("config-invalid", 2, "scoring.inference_depth", None)],
    ),
    (
        "quoted number",
        'scoring:\n  audit_valid_months: "24"\n',
        [("config-invalid", 2, "scoring.audit_valid_months", None)],
    ),
    (
        "not a number",
        "scoring:\n  sector_weight: .nan\n",
        [("config-invalid", 2, "scoring.sector_weight", None)],
    ),
    (
        "mistyped column target",
        "columns:\n  Lieferant: name\n  Land: contry\n",
        [("config-invalid", 3, "columns.Land", "'country'")],
    ),
    (
        "column target holding '='",
        "columns:\n  Land: x=country\n",
        [("config-invalid", 2, "columns.Land", "'country'")],
    ),
    (
        "many problems at once",
        "thresholds:\n  hihg: 0.5\nflag_level: severe\nscoring:\n  sector_weight: true\n"
        "columns:\n  Land: contry\ncolumns:\n  Name: name\n",
        [
            ("config-invalid", 2, "thresholds.hihg", "'high'"),
            ("config-invalid", 3, "flag_level", None),
            ("config-invalid", 5, "scoring.sector_weight", None),
            ("config-duplicate-key", 8, "columns", None),
        ],
    ),
    (
        "section that is not a mapping",
        "thresholds: 0.5\n",
        [("config-invalid", 1, "thresholds", None)],
    ),
    (
        "file that is a list",
        "- a\n- b\n",
        [("config-invalid", 1, None, None)],
    ),
    (
        "list item that is not text",
        "recognised_certifications:\n  - SA8000\n  - 4\n",
        [("config-invalid", 3, "recognised_certifications[1]", None)],
    ),
]


def _problems(text: str, tmp_path: Path) -> ProblemList:
    path = tmp_path / "ddtool.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_config(path)
    return ProblemList(caught.value.problems)


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in BAD], ids=[c[0] for c in BAD])
def test_bad_config_problems(text: str, expected: list[tuple[Any, ...]], tmp_path: Path) -> None:
    problems = _problems(text, tmp_path)
    assert [tuple(p) for p in problems.flatten(["type", "line", "column", "suggestion"])] == (
        expected
    )


# name, file text, words the message must hold, words it must not
WORDING: list[tuple[str, str, list[str], list[str]]] = [
    ("duplicate names both lines", "thresholds: {}\nthresholds: {}\n", ["lines 1 and 2"], []),
    ("file not a mapping", "- a\n", ["not a list"], ["(top)", "instance of", "Input should"]),
    ("section not a mapping", "thresholds: 0.5\n", ["mapping", "not 0.5"], ["instance of"]),
    ("out of range", "thresholds: {critical: 1.7}\n", ["from 0 to 1", "1.7"], ["Input should"]),
    ("boolean", "scoring: {sector_weight: true}\n", ["number", "not true"], []),
    ("unknown key", "thresholds: {hihg: 0.5}\n", ["unknown key 'hihg'"], ["Extra inputs"]),
    ("order", "thresholds: {medium: 0.6, high: 0.5}\n", ["medium is 0.6", "high 0.5"], []),
    ("column target", "columns: {Land: contry}\n", ["unknown field 'contry'", "tier"], []),
    # a whole number written with a point was "not 24"; a default in the order unsaid; a
    # list for a field's name told to be quoted; blank and repeated names taken
    (
        "whole number with a point",
        "scoring: {audit_valid_months: 24.0}\n",
        ["not 24.0 (write it without the point: 24)"],
        [],
    ),
    ("order with a default", "thresholds: {medium: 0.8}\n", ["high 0.5 (the default"], []),
    (
        "a list for a field",
        "columns: {Staat: [country]}\n",
        ["should be one name, not a list (write country)"],
        ["quotes"],
    ),
    (
        # (a name given twice, or in two cases, is harmless: it was accepted, and still is)
        "certifications blank",
        'recognised_certifications: [SA8000, sa8000, "  "]\n',
        ["item 3 blank: give a name"],
        ["twice"],
    ),
]


@pytest.mark.parametrize(
    ("text", "present", "absent"), [c[1:] for c in WORDING], ids=[c[0] for c in WORDING]
)
def test_bad_config_plain_words(
    text: str, present: list[str], absent: list[str], tmp_path: Path
) -> None:
    messages = " | ".join(p.message for p in _problems(text, tmp_path).items)
    assert all(word in messages for word in present), messages
    assert not any(word in messages for word in absent), messages


def test_not_utf8_is_located_at_its_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("scoring: {}\nflag_level: m\xe9dium\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        load_config(path)
    [problem] = caught.value.problems
    assert (problem.type, problem.location.line) == ("config-encoding", 2)
    assert "byte 25" in problem.message


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("latin1.yaml", "flag_level: m\xe9dium\n".encode("latin-1"), "config-encoding"),
        ("dup.yaml", b"thresholds: {medium: 0.3}\nthresholds: {high: 0.6}\n", "duplicate"),
        ("bool.yaml", b"scoring: {sector_weight: true}\n", "scoring.sector_weight"),
        ("cols.yaml", b"columns: {Land: contry}\n", "did you mean 'country'?"),
    ],
)
def test_cli_bad_config_exits_2_with_a_located_line(
    name: str, content: bytes, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(app, ["assess", str(COFFEE), "--config", str(path), "-q"])
    assert result.exit_code == 2
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert f"{path}, line " in result.output and expected in result.output


# name, file text, a setting (dotted) and the value load_config gives it
GOOD: list[tuple[str, str, str, Any]] = [
    ("empty file", "", "flag_level", "medium"),
    ("only comments", "# nothing set\n", "thresholds.high", 0.5),
    ("whole number for a number", "scoring: {sector_weight: 1}\n", "scoring.sector_weight", 1.0),
    ("column target spaced", 'columns: {Land: " country "}\n', "columns", {"Land": "country"}),
    ("byte-order mark", "\ufeffflag_level: high\n", "flag_level", "high"),
    # (YAML 1.1 reads 3e-1 as text; it was "not the text '3e-1' (write it without quotes)")
    ("a number with an exponent", "thresholds: {medium: 3e-1}\n", "thresholds.medium", 0.3),
    (
        "one name at two levels",
        "thresholds: {high: 0.6}\ncolumns: {high: name}\n",
        "columns",
        {"high": "name"},
    ),
]


@pytest.mark.parametrize(
    ("text", "setting", "expected"), [c[1:] for c in GOOD], ids=[c[0] for c in GOOD]
)
def test_good_config_loads(text: str, setting: str, expected: Any, tmp_path: Path) -> None:
    path = tmp_path / "ddtool.yaml"
    path.write_text(text, encoding="utf-8")
    value: Any = load_config(path)
    for part in setting.split("."):
        value = getattr(value, part)
    assert value == expected


def test_config_columns_are_judged_like_map() -> None:
    """The settings' columns: and --map accept and refuse the same targets."""
    from ddtool.sources.columns import FIELDS, parse_column_map

    for target in [*FIELDS, "contry", "audits", "x=id", " name "]:
        try:
            by_map: str | None = parse_column_map([f"Header={target}"]).get("Header")
        except ValueError:
            by_map = None
        try:
            by_config: str | None = Config(columns={"Header": target}).columns["Header"]
        except ValueError:
            by_config = None
        assert by_config == by_map, target
