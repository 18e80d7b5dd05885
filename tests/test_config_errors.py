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
    # listing floors that invert the listings' order (methodology, section 3.5): a forced
    # child labour listing floored below a plain one was taken without a word
    (
        "listing floor above the forced child labour floor",
        "scoring:\n  listing_floor: 0.95\n  forced_child_labour_floor: 0.9\n",
        [("config-invalid", 1, "scoring", None)],
    ),
    (
        "floors inverted beside a bad value and inverted thresholds, all at once",
        "thresholds: {medium: 0.6, high: 0.5}\n"
        "scoring:\n  sector_weight: true\n  forced_child_labour_floor: 0.7\n",
        [
            ("config-invalid", 1, "thresholds", None),
            ("config-invalid", 2, "scoring", None),
            ("config-invalid", 3, "scoring.sector_weight", None),
        ],
    ),
    (
        "a bad floor: no order told beside it",
        "scoring:\n  listing_floor: 1.5\n  forced_child_labour_floor: 0.9\n",
        [("config-invalid", 2, "scoring.listing_floor", None)],
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
    # a no-data score set below 0.5 would score a data gap as less likely than not: refused
    # at its key, whatever the thresholds (a likelihood, not a priority)
    (
        "no-data scores of 0",
        "scoring:\n  no_data_country_score: 0.0\n  no_data_sector_score: 0.0\n",
        [
            ("config-invalid", 2, "scoring.no_data_country_score", None),
            ("config-invalid", 3, "scoring.no_data_sector_score", None),
        ],
    ),
    (
        "a no-data score just below 0.5",
        "scoring:\n  no_data_sector_score: 0.49\n",
        [("config-invalid", 2, "scoring.no_data_sector_score", None)],
    ),
    (
        "a no-data score above the medium threshold, below 0.5",
        "thresholds: {medium: 0.2}\nscoring:\n  no_data_country_score: 0.3\n",
        [("config-invalid", 3, "scoring.no_data_country_score", None)],
    ),
    (
        "a no-data score below 0.5, beside a bad one",
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
        "floors' order",
        "scoring: {listing_floor: 0.95, forced_child_labour_floor: 0.9}\n",
        [
            "scoring must satisfy listing_floor <= forced_child_labour_floor",
            "listing_floor is 0.95 and forced_child_labour_floor 0.9:",
            "methodology, section 3.5",
        ],
        ["(the default", "Value error"],
    ),
    (
        "floors' order with a default",
        "scoring: {forced_child_labour_floor: 0.75}\n",
        ["listing_floor is 0.8 (the default: not given) and forced_child_labour_floor 0.75"],
        [],
    ),
    (
        "no-data score below 0.5",
        "scoring: {no_data_country_score: 0.0}\n",
        [
            "a no-data score must be at least 0.5, not 0: no data is never scored as low risk",
            "less likely than not",
        ],
        ["no_data_sector_score", "medium"],
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
        (
            "floors.yaml",
            b"scoring:\n  listing_floor: 0.95\n  forced_child_labour_floor: 0.9\n",
            "listing_floor is 0.95 and forced_child_labour_floor 0.9",
        ),
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
    # thresholds alone, whatever they are: the no-data scores are likelihoods, the
    # thresholds priorities (this was refused: 0.5 "below" a medium of 0.55)
    (
        "thresholds alone, medium above 0.5",
        "thresholds: {medium: 0.55, high: 0.7, critical: 0.85}\n",
        "thresholds.medium",
        0.55,
    ),
    (
        "a medium threshold above the default no-data scores",
        "thresholds:\n  medium: 0.6\n  high: 0.7\n  critical: 0.8\n",
        "scoring.no_data_country_score",
        0.5,
    ),
    # a no-data score of 0.5 or above is taken, below the medium threshold or not
    (
        "no-data score at 0.5",
        "scoring: {no_data_country_score: 0.5}\n",
        "scoring.no_data_country_score",
        0.5,
    ),
    (
        "no-data score raised, below a medium given",
        "thresholds: {medium: 0.7, high: 0.8, critical: 0.9}\n"
        "scoring: {no_data_country_score: 0.6, no_data_sector_score: 0.65}\n",
        "scoring.no_data_sector_score",
        0.65,
    ),
    # the floors may move together, or keep their order anywhere in range
    (
        "floors equal",
        "scoring: {listing_floor: 0.9, forced_child_labour_floor: 0.9}\n",
        "scoring.listing_floor",
        0.9,
    ),
    ("listing floor lowered", "scoring: {listing_floor: 0.6}\n", "scoring.listing_floor", 0.6),
    (
        "forced child labour floor raised",
        "scoring: {forced_child_labour_floor: 1}\n",
        "scoring.forced_child_labour_floor",
        1.0,
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
    [({"no_data_country_score": 0.0}, 0.3), ({"no_data_sector_score": 0.4}, 0.2)],
)
def test_settings_built_with_a_no_data_score_below_half_are_refused(
    scoring: dict[str, float], medium: float
) -> None:
    """As a recorded assessment's settings are read (verify): the same bound, said at the
    score's key, whatever the medium threshold."""
    settings = {"thresholds": {"medium": medium}, "scoring": scoring}
    with pytest.raises(ValidationError, match=r"must be at least 0\.5") as e:
        Config.model_validate(settings)
    problems = validation_problems(e.value.errors(), settings, {}, "run.json")
    [key] = scoring
    assert [p.location.column for p in problems] == [f"scoring.{key}"]
    assert f"at least 0.5, not {scoring[key]:g}" in problems[0].message


@pytest.mark.parametrize(
    "thresholds",
    [
        {"medium": 0.55, "high": 0.7, "critical": 0.85},
        {"medium": 0.6, "high": 0.7, "critical": 0.8},
        {"medium": 0.9, "high": 0.95, "critical": 1.0},
    ],
)
def test_settings_built_with_thresholds_alone_are_taken(thresholds: dict[str, float]) -> None:
    """A medium threshold above the default no-data scores was refused: a likelihood of 0.5
    compared with a priority threshold."""
    config = Config.model_validate({"thresholds": thresholds})
    assert config.thresholds.medium == thresholds["medium"]
    assert config.scoring.no_data_country_score == config.scoring.no_data_sector_score == 0.5


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
    assert "scoring.no_data_country_score" in result.output
    assert "at least 0.5, not 0" in result.output
    assert "scored as 0" not in result.output


# settings, the risk types on which a supplier of which nothing is known falls below medium
# (likelihood 0.5 by default; severities 0.7, 0.85, 0.9: priorities 0.35, 0.425, 0.45)
GAP_BELOW_MEDIUM: list[tuple[str, dict[str, Any], list[str]]] = [
    ("the defaults", {}, []),
    ("medium at the lowest gap priority", {"thresholds": {"medium": 0.35}}, []),
    ("medium just above it", {"thresholds": {"medium": 0.36}}, ["child labour 0.35"]),
    (
        "strict thresholds",
        {"thresholds": {"medium": 0.55, "high": 0.7, "critical": 0.85}},
        ["child labour 0.35", "forced labour 0.425", "human trafficking 0.45"],
    ),
    (
        "no-data scores raised with them",
        {
            "thresholds": {"medium": 0.55, "high": 0.7, "critical": 0.85},
            "scoring": {"no_data_country_score": 0.8, "no_data_sector_score": 0.8},
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("settings", "below"), [c[1:] for c in GAP_BELOW_MEDIUM], ids=[c[0] for c in GAP_BELOW_MEDIUM]
)
def test_a_gap_below_medium_is_a_warning(settings: dict[str, Any], below: list[str]) -> None:
    from ddtool.scoring import gap_below_medium

    warning = gap_below_medium(Config.model_validate(settings), "strict.yaml")
    if not below:
        assert warning is None
        return
    assert warning is not None
    assert (warning.type, warning.severity, warning.location.file) == (
        "gap-below-medium",
        "warning",
        "strict.yaml",
    )
    for said in below:
        assert said in warning.message
    named = [
        rt for rt in ("child labour", "forced labour", "human trafficking") if rt in warning.message
    ]
    assert named == [said.rsplit(" ", 1)[0] for said in below]
    assert f"at most {below[0].rsplit(' ', 1)[1]} keeps it medium" in warning.message


def test_assess_with_thresholds_alone_runs_and_warns(tmp_path: Path) -> None:
    """`assess --config` with thresholds alone exited 2 with two config-invalid errors."""
    config = tmp_path / "strict.yaml"
    config.write_text("thresholds: {medium: 0.55, high: 0.7, critical: 0.85}\n", encoding="utf-8")
    out = tmp_path / "x.json"
    chain = ROOT / "sample_chains" / "cocoa.yaml"
    args = ["assess", str(chain), "--config", str(config), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.output
    assert "config-invalid" not in result.output
    assert "[gap-below-medium]" in result.output
    assert out.exists()


# (a settings file's syntax error, the line it is told at, words its message must hold): the
# parser's own words, at the end of the file for a quote or a bracket left open, said
# neither where nor what to write
SYNTAX: list[tuple[str, str, int, str]] = [
    (
        "a quote left open",
        'thresholds:\n  medium: "0.3\n  high: 0.5\n',
        2,
        "a quote opened here (column 11) is not closed",
    ),
    (
        "a bracket left open",
        "thresholds: [0.3, 0.5\n",
        2,
        "(parsing a flow sequence that starts at line 1, column 13: a bracket not closed?)",
    ),
    (
        "a key indented wrong",
        "thresholds:\n  medium: 0.3\n high: 0.5\n",
        3,
        "check the indentation",
    ),
    (
        "a second document",
        "thresholds: {medium: 0.3}\n---\nscoring: {}\n",
        2,
        "a second document begins here ('---'): a settings file holds one; remove the '---'",
    ),
    (
        "a value holding ': '",
        "columns:\n  Firma: Name: name\n",
        2,
        "a value holding ': ' must be quoted",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "said"), [c[1:] for c in SYNTAX], ids=[c[0] for c in SYNTAX]
)
def test_a_settings_files_syntax_error_is_told_as_a_chain_files(
    text: str, line: int, said: str, tmp_path: Path
) -> None:
    [problem] = _problems(text, tmp_path).items
    assert (problem.type, problem.location.line) == ("config-syntax", line)
    assert said in problem.message
