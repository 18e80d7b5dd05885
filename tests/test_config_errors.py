"""A bad settings file (--config): every problem located (line, key), in plain words, at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.config import Config, load_config, validation_problems
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
    # a no-data score below the medium threshold would score a data gap as low risk: at the
    # score's key, or at the threshold's where the score is the default
    (
        "no-data scores of 0",
        "scoring:\n  no_data_country_score: 0.0\n  no_data_sector_score: 0.0\n",
        [
            ("config-invalid", 2, "scoring.no_data_country_score", None),
            ("config-invalid", 3, "scoring.no_data_sector_score", None),
        ],
    ),
    (
        "a no-data score just below the default medium",
        "scoring:\n  no_data_sector_score: 0.29\n",
        [("config-invalid", 2, "scoring.no_data_sector_score", None)],
    ),
    (
        "a medium threshold above the default no-data scores",
        "thresholds:\n  medium: 0.6\n  high: 0.7\n  critical: 0.8\n",
        [
            ("config-invalid", 2, "thresholds.medium", None),
            ("config-invalid", 2, "thresholds.medium", None),
        ],
    ),
    (
        "a no-data score below the medium threshold given, beside a bad one",
        "thresholds: {medium: 0.4}\nscoring:\n  no_data_country_score: x\n"
        "  no_data_sector_score: 0.35\n",
        [
            ("config-invalid", 3, "scoring.no_data_country_score", None),
            ("config-invalid", 4, "scoring.no_data_sector_score", None),
        ],
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
        "no-data score below medium",
        "scoring: {no_data_country_score: 0.0}\n",
        [
            "must be at least the medium threshold, as no data is never scored as low risk",
            "scoring.no_data_country_score is 0 and thresholds.medium 0.3 (the default: not",
        ],
        ["no_data_sector_score"],
    ),
    (
        "no-data default below a medium given",
        "thresholds: {medium: 0.55, high: 0.6}\n",
        [
            "scoring.no_data_country_score is 0.5 (the default: not given) and"
            " thresholds.medium 0.55",
            "scoring.no_data_sector_score is 0.5 (the default: not given)",
        ],
        [],
    ),
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
    # a no-data score at the medium threshold, or above it, is taken
    (
        "no-data score at the medium threshold",
        "scoring: {no_data_country_score: 0.3}\n",
        "scoring.no_data_country_score",
        0.3,
    ),
    (
        "medium raised with the no-data scores",
        "thresholds: {medium: 0.6, high: 0.7}\n"
        "scoring: {no_data_country_score: 0.6, no_data_sector_score: 0.65}\n",
        "scoring.no_data_sector_score",
        0.65,
    ),
    (
        "medium lowered below no-data scores lowered",
        "thresholds: {medium: 0.2}\nscoring: {no_data_sector_score: 0.2}\n",
        "scoring.no_data_sector_score",
        0.2,
    ),
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


@pytest.mark.parametrize(
    ("scoring", "medium"),
    [({"no_data_country_score": 0.0}, 0.3), ({"no_data_sector_score": 0.4}, 0.45)],
)
def test_settings_built_with_a_no_data_score_below_medium_are_refused(
    scoring: dict[str, float], medium: float
) -> None:
    """As a recorded assessment's settings are read (verify): the same bound, said at the
    score's key."""
    settings = {"thresholds": {"medium": medium}, "scoring": scoring}
    with pytest.raises(ValidationError, match="must be at least the medium threshold") as e:
        Config.model_validate(settings)
    problems = validation_problems(e.value.errors(), settings, {}, "run.json")
    [key] = scoring
    assert [p.location.column for p in problems] == [f"scoring.{key}"]
    assert f"scoring.{key} is {scoring[key]:g} and thresholds.medium {medium:g}" in (
        problems[0].message
    )


def test_explain_refuses_a_no_data_score_of_0(tmp_path: Path) -> None:
    """It printed "no data is scored as 0.0 (never as low risk)" beside a likelihood of 0."""
    path = tmp_path / "nd0.yaml"
    path.write_text("scoring:\n  no_data_country_score: 0.0\n", encoding="utf-8")
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: C, country: DEU}\nsuppliers:\n  - {id: UNK-1, name: Only A Name}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(chain), "UNK-1", "--config", str(path)])
    assert result.exit_code == 2, result.output
    assert f"{path}, line 2" in result.output
    assert "scoring.no_data_country_score is 0 and thresholds.medium 0.3" in result.output
    assert "scored as 0" not in result.output
