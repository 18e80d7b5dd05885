"""`diff`: two assessments made with other settings (`--config`) say so, in every output,
naming the settings that differ: otherwise the flags the settings moved pass for changes
in the supply chain."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console

from ddtool.assess import AssessOptions, assess
from ddtool.config import Config
from ddtool.diff import DIFF_SCHEMA_VERSION, diff_assessments
from ddtool.reporters.diff_report import render_diff_terminal, write_diff

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
NOTE = "Some changes may come from the settings rather than from the supply chain"


def assessed(tmp_path: Path, name: str, settings: dict[str, Any] | None) -> dict[str, Any]:
    """The cocoa sample assessed with these settings (a settings file), or the defaults."""
    config = None
    if settings is not None:
        config = tmp_path / f"{name}.yaml"
        config.write_text(yaml.safe_dump(settings), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([SAMPLES / "cocoa.yaml"], AssessOptions(config=config)).data


# (case, old settings, new settings (None: the defaults), the changes listed (key, old, new),
#  the text the terminal and Markdown notes show)
CASES: list[tuple[str, Any, Any, list[tuple[str, Any, Any]], str | None]] = [
    ("the defaults in both", None, None, [], None),
    # one file's content, whatever its name: the same settings
    ("the defaults written out", None, {"flag_level": "medium"}, [], None),
    (
        "a stricter flag level and threshold",
        None,
        {"flag_level": "high", "thresholds": {"medium": 0.3, "high": 0.5, "critical": 0.75}},
        [("thresholds.critical", 0.7, 0.75), ("flag_level", "medium", "high")],
        "thresholds.critical 0.7 → 0.75; flag_level medium → high",
    ),
    (
        "back to the defaults",
        {"scoring": {"audit_valid_months": 12}},
        None,
        [("scoring.audit_valid_months", 12, 24)],
        "→ the defaults): scoring.audit_valid_months 12 → 24",
    ),
    # how a file is read is no scoring setting: the headers mapped are each assessment's
    # column_map, the same whether given in columns: or with --map
    ("a header mapped", None, {"columns": {"Firmierung": "name"}}, [], None),
    # the certifications recognised are a set: their order changes nothing
    (
        "the same certifications in another order",
        {"recognised_certifications": ["UTZ", "Fairtrade"]},
        {"recognised_certifications": ["Fairtrade", "UTZ"]},
        [],
        None,
    ),
    (
        "many certifications added",
        None,
        {
            "recognised_certifications": [
                *Config().recognised_certifications,
                *(f"Scheme {n:04}" for n in range(1500)),
            ]
        },
        [("recognised_certifications", None, None)],  # (values checked below)
        "recognised_certifications +Scheme 0000, +Scheme 0001",
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "changes", "shown"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_other_settings_are_named_in_every_output(
    tmp_path: Path,
    before: Any,
    after: Any,
    changes: list[tuple[str, Any, Any]],
    shown: str | None,
) -> None:
    diff = diff_assessments(assessed(tmp_path, "old", before), assessed(tmp_path, "new", after))
    keys_only = changes == [("recognised_certifications", None, None)]  # (a long list)

    def listed(found: list[dict[str, Any]]) -> list[tuple[str, Any, Any]]:
        return [
            (c["key"], None, None) if keys_only else (c["key"], c["old"], c["new"]) for c in found
        ]

    assert listed(diff["settings_changes"]) == changes
    changed = bool(changes)
    assert diff["settings_changed"] is diff["summary"]["settings_changed"] is changed
    assert diff["input_changed"] is False

    console = Console(width=400, record=True)
    render_diff_terminal(diff, console)
    terminal = console.export_text()
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8").replace("\\_", "_")
    assert (NOTE in terminal) is changed
    assert ("> **Note:** the settings differ" in md and NOTE in md) is changed
    if shown is not None:
        assert shown in terminal and shown in md

    write_diff(diff, tmp_path / "d.json")
    saved = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert saved["schema_version"] == DIFF_SCHEMA_VERSION == "1.13"
    assert saved["summary"]["settings_changed"] is changed
    assert listed(saved["settings_changes"]) == changes
    assert saved["new"]["config"] == (None if after is None else str(tmp_path / "new.yaml"))

    write_diff(diff, tmp_path / "d.xlsx")
    about = dict(load_workbook(tmp_path / "d.xlsx")["About"].iter_rows(values_only=True))
    assert about["settings_changed"] is changed
    assert [item for item in about if str(item).startswith("setting ")] == [
        f"setting {key}" for key, _, _ in changes
    ]
    assert (NOTE in str(about.get("note"))) is changed
    assert all(len(str(value)) < 32_767 for value in about.values())  # (a cell's limit)
    if keys_only:  # six items named, the rest counted
        assert "+Scheme 0005 (+1494 more)" in terminal


def test_the_reported_case_names_the_settings(tmp_path: Path) -> None:
    """The defaults, then `flag_level: high` and a higher critical threshold on the same
    input: flags resolved and lowered (15 and 19 when reported), and the diff says why it
    may be."""
    strict = {"flag_level": "high", "thresholds": {"medium": 0.3, "high": 0.5, "critical": 0.75}}
    diff = diff_assessments(assessed(tmp_path, "old", None), assessed(tmp_path, "new", strict))
    assert diff["summary"]["resolved_flags"] and diff["summary"]["changed_down"]
    console = Console(width=400, record=True)
    render_diff_terminal(diff, console)
    assert (
        f"The settings differ (the defaults → {tmp_path / 'new.yaml'}): thresholds.critical"
        f" 0.7 → 0.75; flag_level medium → high. {NOTE}." in console.export_text()
    )


def test_settings_not_recorded_are_not_a_change(tmp_path: Path) -> None:
    """An assessment that does not record its settings (written by hand, or before ddtool
    recorded them): what it was made with is not known, so no setting is said to differ."""
    old = assessed(tmp_path, "old", None)
    new = copy.deepcopy(old)
    new["options"]["settings"]["flag_level"] = "high"
    assert diff_assessments(old, new)["settings_changed"] is True
    del old["options"]["settings"]
    diff = diff_assessments(old, new)
    assert diff["settings_changed"] is False and diff["settings_changes"] == []
    del old["options"]
    assert diff_assessments(old, new)["settings_changes"] == []


def test_many_changed_settings_are_counted_past_a_few(tmp_path: Path) -> None:
    old = assessed(tmp_path, "old", None)
    new = copy.deepcopy(old)
    scoring = new["options"]["settings"]["scoring"]
    for key in list(scoring)[:10]:
        scoring[key] = scoring[key] / 2
    new["options"]["settings"]["recognised_certifications"].append("Our Own Label")
    diff = diff_assessments(old, new)
    assert len(diff["settings_changes"]) == 11
    console = Console(width=2000, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert "(+3 more)" in text and "recognised_certifications" not in text
    write_diff(diff, tmp_path / "d.xlsx")
    about = dict(load_workbook(tmp_path / "d.xlsx")["About"].iter_rows(values_only=True))
    assert about["setting recognised_certifications"].endswith("Our Own Label")


def _without(settings: dict[str, Any], key: str) -> None:
    """Settings as recorded before the setting of this dotted key existed."""
    *blocks, last = key.split(".")
    for block in blocks:
        settings = settings[block]
    del settings[last]


def _set(settings: dict[str, Any], key: str, value: Any) -> None:
    *blocks, last = key.split(".")
    for block in blocks:
        settings = settings[block]
    settings[last] = value


# (case, the setting the old assessment lacks, the new one's value (None: as assessed),
#  whether the new one was made with a settings file, the changes listed, the text shown;
#  "old<->new": the new assessment lacks it instead)
LATER_SETTINGS: list[tuple[str, str, Any, bool, list[tuple[str, Any, Any]], str | None]] = [
    ("a list added later, at its default", "labour_audits", None, False, [], None),
    ("written out in a settings file", "labour_audits", None, True, [], None),
    (
        "a list added later, set otherwise",
        "labour_audits",
        ["Sedex", "Our Own Audit"],
        True,
        [("labour_audits", None, ["Sedex", "Our Own Audit"])],
        "labour_audits not recorded in the old assessment (made before the setting existed),"
        " not the default in the new one: +Our Own Audit, -RBA VAP, -VAP, -ICS",
    ),
    ("a number added later, at its default", "scoring.own_country_lean", None, True, [], None),
    (
        "a number added later, set otherwise",
        "scoring.own_country_lean",
        0.7,
        True,
        [("scoring.own_country_lean", None, 0.7)],
        "scoring.own_country_lean not recorded in the old assessment (made before the setting"
        " existed), 0.7 in the new one (default 0.5)",
    ),
    # made with no settings file: its values are its ddtool's defaults, whatever today's are
    ("the defaults of an earlier ddtool", "labour_audits", ["Sedex"], False, [], None),
    ("the newer one first", "old<->new", None, False, [], None),
    (
        "a setting this ddtool does not know",
        "future_setting",
        3,
        True,
        [("future_setting", None, 3)],
        "future_setting not recorded in the old assessment (made before the setting existed),"
        " 3 in the new one",
    ),
]


@pytest.mark.parametrize(
    ("lacking", "value", "with_file", "changes", "shown"),
    [case[1:] for case in LATER_SETTINGS],
    ids=[case[0] for case in LATER_SETTINGS],
)
def test_a_setting_added_later_is_no_change_at_its_default(
    tmp_path: Path,
    lacking: str,
    value: Any,
    with_file: bool,
    changes: list[tuple[str, Any, Any]],
    shown: str | None,
) -> None:
    """An assessment saved before a setting existed (as one before `labour_audits`) does
    not record it: against a later one at the default, the settings do not differ; set
    otherwise, they do, and the note says which one lacks it."""
    old = assessed(tmp_path, "old", None)
    new = copy.deepcopy(old)
    if lacking == "old<->new":
        _without(new["options"]["settings"], "labour_audits")
        old["options"]["config"] = str(tmp_path / "settings.yaml")
    else:
        if value is not None:
            _set(new["options"]["settings"], lacking, value)
        if lacking in ("labour_audits", "scoring.own_country_lean"):
            _without(old["options"]["settings"], lacking)
    if with_file:
        new["options"]["config"] = str(tmp_path / "settings.yaml")
    diff = diff_assessments(old, new)
    assert [(c["key"], c["old"], c["new"]) for c in diff["settings_changes"]] == changes
    assert diff["settings_changed"] is bool(changes)
    console = Console(width=2000, record=True)
    render_diff_terminal(diff, console)
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8").replace("\\_", "_")
    for text in (console.export_text(), md):
        assert ("the settings differ" in text.lower()) is bool(changes)
        if shown is not None:
            assert shown in text
