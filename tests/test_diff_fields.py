"""`diff`: what an auditor needs to see why a flag changed: every supplier field the saved
assessment carries (workers, shares of women and migrants, certifications and audits as
its flags record them, extra columns), and both assessments' as-of dates and risk data."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook, load_workbook
from rich.console import Console

import ddtool.diff
from ddtool.assess import AssessOptions, assess
from ddtool.diff import diff_assessments, is_empty
from ddtool.document import register
from ddtool.reporters.diff_report import render_diff_terminal, write_diff
from ddtool.reporters.shown import value_text

# A cocoa cooperative in Ghana, flagged for all three risk types (trafficking at 0.32, just
# above the medium threshold), and a haulier in Germany, flagged for none.
COOP = {
    "id": "C2",
    "name": "Sefwi Growers",
    "country": "GHA",
    "sector": "cocoa-farming",
    "products": ["cocoa beans"],
    "workers": 760,
}
HAULIER = {"id": "L1", "name": "Haulier", "country": "DEU", "sector": "logistics-transport"}
PASSED = [{"standard": "SMETA", "date": "2025-10-01", "result": "pass"}]
FAILED = [{"standard": "SMETA", "date": "2025-10-01", "result": "fail"}]
VALID = "valid (no expiry date given: taken as current)"
FAIRTRADE = "certification 'Fairtrade' " + VALID


def assessed(
    tmp_path: Path, name: str, edits: dict[str, dict[str, Any]], as_of: dt.date | None = None
) -> dict[str, Any]:
    """The assessment of the two suppliers, with these fields set on each (by id)."""
    path = tmp_path / f"{name}.yaml"
    suppliers = [{**s, **edits.get(str(s["id"]), {})} for s in (COOP, HAULIER)]
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([path], AssessOptions(as_of=as_of)).data


# (case, last year's fields, this year's fields, changes listed (id, field, old, new),
#  the cooperative's flags that changed: (new | resolved | up | down, risk type))
CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[Any], list[Any]]] = [
    ("workers", {}, {"C2": {"workers": 800}}, [("C2", "workers", 760, 800)], []),
    ("share of women", {}, {"C2": {"female_pct": 45}}, [("C2", "female_pct", None, 45.0)], []),
    ("share of migrants", {}, {"C2": {"migrant_pct": 30}}, [("C2", "migrant_pct", None, 30.0)], []),
    (
        "region",
        {},
        {"C2": {"region": "Western North"}},
        [("C2", "region", None, "Western North")],
        [],
    ),
    (
        "a passed audit resolves the trafficking flag",
        {},
        {"C2": {"audits": PASSED}},
        [("C2", "audits", [], ["audit 'SMETA' of 2025-10-01 passed"])],
        [("resolved", "human_trafficking")],
    ),
    (
        "a failed audit raises forced labour",
        {},
        {"C2": {"audits": FAILED}},
        [("C2", "audits", [], ["audit 'SMETA' of 2025-10-01 failed"])],
        [("up", "forced_labour")],
    ),
    (
        "a certification dropped: the trafficking flag is back",
        {"C2": {"certifications": ["Fairtrade"]}},
        {},
        [("C2", "certifications", [FAIRTRADE], [])],
        [("new", "human_trafficking")],
    ),
    (
        "an extra column's value",
        {"C2": {"remarks": "CLMRS planned"}},
        {"C2": {"remarks": "CLMRS in place"}},
        [("C2", "attributes.remarks", "CLMRS planned", "CLMRS in place")],
        [],
    ),
    # a column only one file has is another layout, not a change of each supplier
    ("an extra column new this year", {}, {"C2": {"remarks": "CLMRS in place"}}, [], []),
    # the entries say what each supplier holds (schema 2.1), one without flags too
    (
        "a certification of a supplier without flags",
        {},
        {"L1": {"certifications": ["SA8000"]}},
        [("L1", "certifications", [], ["certification 'SA8000' " + VALID])],
        [],
    ),
    (
        "an audit that aged out",
        {"L1": {"audits": [{"standard": "SMETA", "date": "2025-10-01", "result": "pass"}]}},
        {"L1": {"audits": [{"standard": "SMETA", "date": "2022-10-01", "result": "pass"}]}},
        [
            (
                "L1",
                "audits",
                ["audit 'SMETA' of 2025-10-01 passed"],
                ["audit 'SMETA' of 2022-10-01 older than 24 months: not counted"],
            )
        ],
        [],
    ),
    # the same products in another order, certifications and audits in another case and
    # order: the same supplier, not a change
    (
        "products reordered",
        {"C2": {"products": ["cocoa beans", "cocoa butter", "cocoa nibs"]}},
        {"C2": {"products": ["cocoa nibs", "cocoa butter", "cocoa beans"]}},
        [],
        [],
    ),
    (
        "a product added",
        {"C2": {"products": ["cocoa beans", "cocoa butter"]}},
        {"C2": {"products": ["cocoa butter", "cocoa beans", "cocoa nibs"]}},
        [
            (
                "C2",
                "products",
                ["cocoa beans", "cocoa butter"],
                ["cocoa butter", "cocoa beans", "cocoa nibs"],
            )
        ],
        [],
    ),
    (
        "certifications in another case and order",
        {"C2": {"certifications": ["Fairtrade", "Rainforest Alliance"]}},
        {"C2": {"certifications": ["rainforest alliance", "FAIRTRADE"]}},
        [],
        [],
    ),
    (
        "an audit standard in another case",
        {"L1": {"audits": [{"standard": "SMETA", "date": "2025-10-01", "result": "pass"}]}},
        {"L1": {"audits": [{"standard": "smeta", "date": "2025-10-01", "result": "pass"}]}},
        [],
        [],
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "changes", "flags"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_change_of_a_supplier_field_is_listed(
    tmp_path: Path,
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    changes: list[tuple[str, str, Any, Any]],
    flags: list[tuple[str, str]],
) -> None:
    diff = diff_assessments(assessed(tmp_path, "old", before), assessed(tmp_path, "new", after))
    found = [(c["id"], c["field"], c["old"], c["new"]) for c in diff["suppliers_changed"]]
    assert found == changes
    assert diff["summary"]["suppliers_changed"] == len({c[0] for c in changes})
    assert [
        *(("new", f["risk_type"]) for f in diff["new_flags"]),
        *(("resolved", f["risk_type"]) for f in diff["resolved_flags"]),
        *((c["direction"], c["risk_type"]) for c in diff["changed_flags"]),
    ] == flags
    assert all(
        f["supplier_id"] == "C2"
        for key in ("new_flags", "resolved_flags", "changed_flags")
        for f in diff[key]
    )
    assert is_empty(diff) == (not changes)


def test_why_a_flag_was_resolved_shows_in_every_output(tmp_path: Path) -> None:
    """The auditor's case: a new passed audit resolved a flag; each output says so."""
    diff = diff_assessments(
        assessed(tmp_path, "old", {}), assessed(tmp_path, "new", {"C2": {"audits": PASSED}})
    )
    audit = "audit 'SMETA' of 2025-10-01 passed"
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert "suppliers +0 -0, 1 changed" in text and audit in text
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert "| Suppliers changed | 1 |" in md
    assert f"| C2 | Sefwi Growers | audits | none | {audit} |" in md
    write_diff(diff, tmp_path / "d.xlsx")
    rows = list(load_workbook(tmp_path / "d.xlsx")["Suppliers changed"].iter_rows(values_only=True))
    assert rows[1:] == [("C2", "Sefwi Growers", "audits", "none", audit)]


@pytest.mark.parametrize("schema", ["2.1", "2.0", "1.0"])
def test_certifications_are_compared_only_where_the_assessment_records_them(
    tmp_path: Path, schema: str
) -> None:
    """Schema 2.1 entries hold each supplier's certifications; in 2.0 the flags' evidence
    records those of flagged suppliers; schema 1.x assessments were written before ddtool
    recorded supplier adjustments as evidence: their certifications are not known, so none
    is listed as gained."""
    old = assessed(tmp_path, "old", {})
    if schema != "2.1":  # entries without certifications and audits
        for entry in old["suppliers"]:
            del entry["certifications"], entry["audits"]
        old["schema_version"] = "2.0"
    if schema == "1.0":  # the 1.x layout: each flag holds its evidence inline
        old["flags"] = [{k: v for k, v in f.items() if k != "basis"} for f in register(old)]
        del old["bases"]
        old["schema_version"] = "1.0"
    diff = diff_assessments(
        old, assessed(tmp_path, "new", {"C2": {"certifications": ["Fairtrade"]}})
    )
    found = [(c["field"], c["old"], c["new"]) for c in diff["suppliers_changed"]]
    assert found == ([("certifications", [], [FAIRTRADE])] if schema != "1.0" else [])


@pytest.mark.parametrize(("written", "changed"), [("fairtrade", False), ("SA8000", True)])
def test_certifications_the_evidence_records_are_compared_in_any_case(
    tmp_path: Path, written: str, changed: bool
) -> None:
    """A 2.0 assessment's certifications, as its flags' evidence records them, quote the
    name as written: another case is the same certification, another name a change."""
    old = assessed(tmp_path, "old", {"C2": {"certifications": ["Fairtrade"]}})
    for entry in old["suppliers"]:
        del entry["certifications"], entry["audits"]
    old["schema_version"] = "2.0"
    new = assessed(tmp_path, "new", {"C2": {"certifications": [written]}})
    found = [c["field"] for c in diff_assessments(old, new)["suppliers_changed"]]
    assert found == (["certifications"] if changed else [])


def test_the_changed_suppliers_table_counts_suppliers_and_fields(tmp_path: Path) -> None:
    """The headline counts suppliers, the table one row per field: its title gives both,
    so the two numbers do not seem to disagree."""
    diff = diff_assessments(
        assessed(tmp_path, "old", {}),
        assessed(tmp_path, "new", {"C2": {"workers": 800, "region": "Western North"}}),
    )
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert "suppliers +0 -0, 1 changed" in text
    assert "Suppliers changed (1 supplier, 2 fields)" in text
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert "| Suppliers changed | 1 |" in md
    assert "## Suppliers changed (1 supplier, 2 fields)" in md


def test_both_as_of_dates_in_every_output(tmp_path: Path) -> None:
    diff = diff_assessments(
        assessed(tmp_path, "old", {}, dt.date(2025, 12, 31)),
        assessed(tmp_path, "new", {}, dt.date(2026, 12, 31)),
    )
    assert (diff["old"]["as_of"], diff["new"]["as_of"]) == ("2025-12-31", "2026-12-31")
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    assert "as of 2025-12-31 (old) and 2026-12-31 (new)" in console.export_text()
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert "Old: as of 2025-12-31, generated" in md and "New: as of 2026-12-31, generated" in md
    write_diff(diff, tmp_path / "d.json")
    saved = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert (saved["old"]["as_of"], saved["new"]["as_of"]) == ("2025-12-31", "2026-12-31")
    write_diff(diff, tmp_path / "d.xlsx")
    about = dict(load_workbook(tmp_path / "d.xlsx")["About"].iter_rows(values_only=True))
    assert (about["old as_of"], about["new as_of"]) == ("2025-12-31", "2026-12-31")


# (case, this year's profiles (over last year's), changed, in the terminal and .md line)
PROFILE_CASES: list[tuple[str, dict[str, Any], bool, list[str]]] = [
    ("hash only", {"sha256": "0" * 64}, True, ["(sha256 {old}) → {version} (sha256 000000000000)"]),
    (
        "an overlay",
        {"sha256": "a" * 64, "overlays": ["profiles/our-audits"]},
        True,
        ["(sha256 aaaaaaaaaaaa, overlays profiles/our-audits)"],
    ),
    ("version", {"version": "2099.1.0"}, True, ["(sha256 {old}) → 2099.1.0 (sha256 {old})"]),
    # the same data read from another folder: its content is in the hash
    ("an overlay's path only", {"overlays": ["elsewhere"]}, False, []),
]


@pytest.mark.parametrize(
    ("profiles", "changed", "shown"),
    [case[1:] for case in PROFILE_CASES],
    ids=[case[0] for case in PROFILE_CASES],
)
def test_changed_profiles_are_told_apart(
    tmp_path: Path, profiles: dict[str, Any], changed: bool, shown: list[str]
) -> None:
    old = assessed(tmp_path, "old", {})
    new = copy.deepcopy(old)
    new["profiles"].update(profiles)
    diff = diff_assessments(old, new)
    assert diff["profiles_changed"] is changed
    assert diff["profiles"]["new"]["overlays"] == profiles.get("overlays", [])
    console = Console(width=300, record=True)
    render_diff_terminal(diff, console)
    terminal = console.export_text()
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert ("Risk profiles changed" in terminal) is changed
    assert ("the risk profiles changed" in md) is changed
    for text in shown:
        text = text.format(old=old["profiles"]["sha256"][:12], version=old["profiles"]["version"])
        assert text in terminal and text in md
    write_diff(diff, tmp_path / "d.xlsx")
    about = dict(load_workbook(tmp_path / "d.xlsx")["About"].iter_rows(values_only=True))
    assert about["new profiles overlays"] == (", ".join(profiles.get("overlays", [])) or "none")


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        ({"migrant_pct": 30}, {"migrant_pct": 35}, ("30", "35")),
        ({}, {"female_pct": 10}, ("not given", "10")),
        ({"migrant_pct": 12.5}, {"migrant_pct": 30}, ("12.5", "30")),
        ({"share": 0.25}, {"share": 0.5}, ("0.25", "0.5")),
    ],
)
def test_a_changed_number_is_shown_as_written(
    tmp_path: Path, before: dict[str, Any], after: dict[str, Any], shown: tuple[str, str]
) -> None:
    """A share of migrants written 30 reads 30 in every diff table, as in the registers,
    not "30.0" (the JSON keeps the number)."""
    diff = diff_assessments(
        assessed(tmp_path, "old", {"C2": before}), assessed(tmp_path, "new", {"C2": after})
    )
    [change] = diff["suppliers_changed"]
    old, new = shown
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    [row] = [line for line in console.export_text().splitlines() if change["field"] in line]
    assert [c.strip() for c in row.split("│")[4:6]] == [old, new]
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    field = change["field"].replace("_", "\\_")  # (Markdown: migrant\_pct)
    assert f"| C2 | Sefwi Growers | {field} | {old} | {new} |" in md
    write_diff(diff, tmp_path / "d.xlsx")
    rows = list(load_workbook(tmp_path / "d.xlsx")["Suppliers changed"].iter_rows(values_only=True))
    # (the workbook's cells are the numbers themselves)
    was = "not given" if change["old"] is None else change["old"]
    assert rows[1:] == [("C2", "Sefwi Growers", change["field"], was, change["new"])]


def test_a_changed_number_is_a_number_in_the_workbook(tmp_path: Path) -> None:
    """(It was text, '800', where the JSON has 800: a spreadsheet cannot add or compare it.)
    A value not given stays words."""
    diff = diff_assessments(
        assessed(tmp_path, "old", {}),
        assessed(tmp_path, "new", {"C2": {"workers": 800, "female_pct": 45}}),
    )
    write_diff(diff, tmp_path / "d.xlsx")
    rows = list(load_workbook(tmp_path / "d.xlsx")["Suppliers changed"].iter_rows(values_only=True))
    assert sorted(rows[1:]) == [
        ("C2", "Sefwi Growers", "female_pct", "not given", 45),
        ("C2", "Sefwi Growers", "workers", 760, 800),
    ]


def test_a_changed_flag_shows_its_old_and_new_priority_in_every_output(tmp_path: Path) -> None:
    """The JSON and the workbook had both priorities; the Markdown and the terminal had
    neither, though the docs say a changed flag is shown with them."""
    diff = diff_assessments(
        assessed(tmp_path, "old", {}), assessed(tmp_path, "new", {"C2": {"audits": FAILED}})
    )
    assert diff["changed_flags"], "the case needs a changed flag"
    flag = diff["changed_flags"][0]
    old, new = value_text(flag["old_priority"]), value_text(flag["new_priority"])
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    row = next(line for line in md.splitlines() if line.startswith(f"| {flag['id']} |"))
    assert f"| {flag['direction']} | {old} | {new} |" in row
    assert "| direction | old_priority | new_priority |" in md
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    line = next(x for x in console.export_text().splitlines() if flag["id"] in x)
    assert f"{old} → {new}" in line


# (case, field, last year's value, this year's, suppliers under a new id, the same or not)
SAME_VALUES: list[tuple[str, str, Any, Any, dict[str, str], bool]] = [
    ("a name written alike", "name", "Sefwi Growers", "Sefwi Growers", {}, True),
    (
        "a name composed and decomposed",
        "name",
        "Soci\u00e9t\u00e9",
        "Socie\u0301te\u0301",
        {},
        True,
    ),
    ("a name in another case", "name", "Sefwi Growers", "SEFWI GROWERS", {}, False),
    ("workers alike", "workers", 760, 760, {}, True),
    ("workers", "workers", 760, 800, {}, False),
    ("no share either year", "share", None, None, {}, True),
    ("products alike", "products", ["cocoa beans"], ["cocoa beans"], {}, True),
    (
        "products in another order and case",
        "products",
        ["Sugar", "cocoa"],
        ["COCOA", "sugar"],
        {},
        True,
    ),
    ("products", "products", ["cocoa beans"], ["cocoa butter"], {}, False),
    ("buyers alike", "buyers", ["T1", "T2"], ["T1", "T2"], {}, True),
    ("buyers in another order", "buyers", ["T1", "T2"], ["T2", "T1"], {}, True),
    ("a buyer under its new id", "buyers", ["T1"], ["T1X"], {"T1": "T1X"}, True),
    # the same id both years, but the old one's supplier took a new id: another buyer now
    (
        "a buyer written alike, its supplier under a new id",
        "buyers",
        ["T1"],
        ["T1"],
        {"T1": "T1X"},
        False,
    ),
    ("audits alike", "audits", PASSED, copy.deepcopy(PASSED), {}, True),
    ("audits", "audits", PASSED, FAILED, {}, False),
]


@pytest.fixture
def normalised(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The values the diff normalises to compare them (ddtool.diff._text_key), as it does."""
    values: list[Any] = []
    text_key = ddtool.diff._text_key

    def counted(value: Any, *, any_case: bool = False) -> Any:
        values.append(value)
        return text_key(value, any_case=any_case)

    monkeypatch.setattr(ddtool.diff, "_text_key", counted)
    return values


@pytest.mark.parametrize(
    ("field", "was", "now", "renamed", "same"),
    [case[1:] for case in SAME_VALUES],
    ids=[case[0] for case in SAME_VALUES],
)
def test_a_supplier_field_is_the_same_written_alike_or_as_compared(
    normalised: list[Any],
    field: str,
    was: Any,
    now: Any,
    renamed: dict[str, str],
    same: bool,
) -> None:
    """A value written alike both years is the same without being normalised and sorted
    (most fields of most suppliers of a 10^5-supplier diff); any other value as compared."""
    assert ddtool.diff._same_value(field, was, now, renamed) is same
    if was == now and not (field == "buyers" and renamed):
        assert normalised == []


def test_extra_columns_written_alike_are_not_normalised(normalised: list[Any]) -> None:
    """An extra column written alike both years is no change, and not normalised; one
    written in another case is a change."""

    def entry(attributes: dict[str, Any]) -> dict[str, Any]:
        return {**COOP, "buyers": [], "attributes": attributes}

    old = {"schema_version": "1.0", "flags": [], "suppliers": []}
    before = {"C2": entry({"Region code": "WN", "Tier note": "direct"})}
    after = {"C2": entry({"Region code": "WN", "Tier note": "Direct"})}
    changes = ddtool.diff._supplier_changes(old, old, before, after, {})
    assert [(c["field"], c["old"], c["new"]) for c in changes] == [
        ("attributes.Tier note", "direct", "Direct")
    ]
    assert sorted(normalised) == ["Direct", "direct"]


# (case, an extra column's value last year, this year, a change): compared as the reports
# show them, a number by its text (a workbook's number cell; a CSV's or a Text cell's text)
SHOWN_ALIKE: list[tuple[str, Any, Any, bool]] = [
    ("a number cell and its text", 4728.0, "4728", False),
    ("a text and a number cell", "4728", 4728.0, False),
    ("a whole number and its text", 4728, "4728", False),
    ("a fraction and its text", 4728.5, "4728.5", False),
    ("a whole number written with a fraction", 4728, 4728.0, False),
    ("a text with a leading zero", "04728", 4728.0, True),
    ("a text with a thousands separator", "4,728", 4728.0, True),
    ("a text with a fraction of zero", "4728.0", 4728.0, True),
    ("another number", 4728.0, "4729", True),
    ("another fraction", 4728.5, "4728.6", True),
    ("a number and nothing", 4728.0, None, True),
    ("true and its text", True, "True", True),
]


@pytest.mark.parametrize(
    ("was", "now", "changed"),
    [case[1:] for case in SHOWN_ALIKE],
    ids=[case[0] for case in SHOWN_ALIKE],
)
def test_an_extra_column_is_compared_as_shown(was: Any, now: Any, changed: bool) -> None:
    def entry(value: Any) -> dict[str, Any]:
        return {**COOP, "buyers": [], "attributes": {"Contract no": value, "Site": "A"}}

    old = {"schema_version": "2.4", "flags": [], "suppliers": []}
    changes = ddtool.diff._supplier_changes(old, old, {"C2": entry(was)}, {"C2": entry(now)}, {})
    found = [(c["field"], c["old"], c["new"]) for c in changes]
    assert found == ([("attributes.Contract no", was, now)] if changed else [])


def test_a_workbook_and_a_csv_of_the_same_data_differ_in_nothing(tmp_path: Path) -> None:
    """A workbook holds its number cells as numbers (4728.0), a CSV as text ("4728"): the
    same extra columns read the same, and no supplier changed."""
    header = ["id", "name", "country", "sector", "products", "Contract no", "Volume t"]
    rows = [
        ["C2", "Sefwi Growers", "GHA", "cocoa-farming", "cocoa beans", 4728, 12.5],
        ["L1", "Haulier", "DEU", "logistics-transport", "", 4729, 30],
    ]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Suppliers"
    for row in [header, *rows]:
        sheet.append(row)
    book.save(tmp_path / "chain.xlsx")
    (tmp_path / "chain.csv").write_text(
        "\n".join(",".join(str(cell) for cell in row) for row in [header, *rows]) + "\n", "utf-8"
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        old, new = (assess([tmp_path / name]).data for name in ("chain.xlsx", "chain.csv"))
    as_read = [
        {s["id"]: s["attributes"]["Contract no"] for s in doc["suppliers"] if "attributes" in s}
        for doc in (old, new)
    ]
    assert as_read == [{"C2": 4728.0, "L1": 4729.0}, {"C2": "4728", "L1": "4729"}]
    diff = diff_assessments(old, new)
    assert diff["suppliers_changed"] == [] and diff["summary"]["suppliers_changed"] == 0
