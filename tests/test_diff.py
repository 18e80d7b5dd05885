"""`diff`: new, resolved and changed flags between two assessments, and its report formats."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from rich.console import Console

from ddtool.assess import assess
from ddtool.diff import (
    diff_assessments,
    is_empty,
    load_assessment,
    load_for_diff,
    new_at_or_above,
)
from ddtool.errors import DdtoolError
from ddtool.reporters.diff_report import company_note, render_diff_terminal, write_diff
from ddtool.reporters.interface import ReporterError

ASSETS = Path(__file__).resolve().parent / "assets" / "diff"
SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"


@pytest.fixture(scope="module")
def documents() -> tuple[dict[str, Any], dict[str, Any]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        return assess([ASSETS / "base.yaml"]).data, assess([ASSETS / "changed.yaml"]).data


def test_added_and_removed_supplier(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = documents
    diff = diff_assessments(old, new)
    assert [s["id"] for s in diff["suppliers_added"]] == ["COOP-CI-2"]
    assert [s["id"] for s in diff["suppliers_removed"]] == ["LOG-DE-1"]
    assert diff["suppliers_added"][0] == {
        "id": "COOP-CI-2",
        "name": "Test Coop Soubré",
        "country": "CIV",
        "sector": "cocoa-farming",
        "sector_as_written": "cocoa-farming",
        "same_as": None,
        "may_be": [],
    }
    new_ids = {f["id"] for f in new["flags"] if f["supplier_id"] == "COOP-CI-2"}
    assert new_ids and {f["id"] for f in diff["new_flags"]} == new_ids
    assert any(f["level"] == "critical" for f in diff["new_flags"])
    removed_ids = {f["id"] for f in old["flags"] if f["supplier_id"] == "LOG-DE-1"}
    assert {f["id"] for f in diff["resolved_flags"]} == removed_ids
    assert diff["changed_flags"] == []
    assert diff["profiles_changed"] is False
    assert diff["input_changed"] is True
    assert diff["summary"]["new_flags"] == len(new_ids)
    assert not is_empty(diff)
    assert new_at_or_above(diff, "critical")
    assert new_at_or_above(diff, "low") == diff["new_flags"]


def test_ordering_level_then_id(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, new = documents
    diff = diff_assessments(new, old)  # reversed: the new supplier's flags are resolved
    order = ("low", "medium", "high", "critical")
    keys = [(-order.index(f["level"]), f["id"]) for f in diff["resolved_flags"]]
    assert keys == sorted(keys) and keys


def test_changed_level(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, _ = documents
    new = copy.deepcopy(old)
    target = next(f for f in new["flags"] if f["level"] == "critical")
    target["level"] = "medium"
    diff = diff_assessments(old, new)
    assert [
        (c["id"], c["old_level"], c["new_level"], c["direction"]) for c in diff["changed_flags"]
    ] == [(target["id"], "critical", "medium", "down")]
    assert new_at_or_above(diff, "high") == []
    up = diff_assessments(new, old)
    assert up["changed_flags"][0]["direction"] == "up"
    assert [f["id"] for f in new_at_or_above(up, "high")] == [target["id"]]


def test_identical_documents_give_empty_diff(
    documents: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    old, _ = documents
    diff = diff_assessments(old, copy.deepcopy(old))
    assert is_empty(diff)
    for key in (
        "new_flags",
        "resolved_flags",
        "changed_flags",
        "suppliers_added",
        "suppliers_removed",
    ):
        assert diff[key] == []
    assert diff["profiles_changed"] is False and diff["input_changed"] is False


def test_profiles_change_is_reported(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    old, _ = documents
    new = copy.deepcopy(old)
    new["profiles"]["version"] = "2099.1.0"
    diff = diff_assessments(old, new)
    assert diff["profiles_changed"] is True
    assert diff["profiles"]["new"]["version"] == "2099.1.0"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "invalid JSON at line 1, column 2"),
        ('{\n  "a": 1,\n  "b": }', "invalid JSON at line 3, column 8"),
        ("[1, 2]", "(top level is an array, not an object)"),
        ("null", "(top level is null, not an object)"),
        ('"text"', "(top level is a string, not an object)"),
        ('{"schema_version": "1.0", "suppliers": []}', "'flags'"),
        (
            '{"schema_version": "3.0", "flags": [], "suppliers": []}',
            "$.schema_version: 3.0 is newer",
        ),
        ('{"a": [' + "[" * 100_000 + "]" * 100_000 + "]}", "nested too deeply"),
        (
            '{\n "a": ' + "1" * 5000 + "}",
            "(a number of more than 4,300 digits at line 2, column 7: no figure of an",
        ),
        (
            '{"schema_version": "2.0", "tool": "x", "profiles": {}, "input": [], "company": {},'
            ' "flags": [], "suppliers": [], "summary": {}}',
            "('tool', 'input' must be objects)",
        ),
    ],
)
@pytest.mark.parametrize("load", [load_assessment, load_for_diff])
def test_bad_file_names_the_path(
    tmp_path: Path, content: str, reason: str, load: Callable[[Path], Any]
) -> None:
    path = tmp_path / "last_year.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DdtoolError) as info:
        load(path)
    assert str(info.value).startswith(str(path))
    assert reason in str(info.value)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda t: t.rstrip()[:-1] + ', "summary": {}}', "the key 'summary' appears twice"),
        (lambda t: t.rstrip()[:-1] + ', "n": 1180591620717411303424}', "beyond 64 bits"),
    ],
)
def test_what_only_the_item_reader_refuses_names_the_path(
    documents: tuple[dict[str, Any], dict[str, Any]],
    tmp_path: Path,
    change: Callable[[str], str],
    reason: str,
) -> None:
    """JSON that json.loads reads but no ddtool assessment holds (a key twice: json.loads
    keeps the last; an integer no JSON writer here takes): an error naming the file."""
    path = tmp_path / "edited.json"
    path.write_text(change(json.dumps(documents[0])), encoding="utf-8")
    with pytest.raises(DdtoolError) as info:
        load_for_diff(path)
    assert str(info.value).startswith(f"{path}: not a ddtool assessment JSON")
    assert reason in str(info.value)


@pytest.mark.parametrize("load", [load_assessment, load_for_diff])
def test_bad_bytes_name_the_path(tmp_path: Path, load: Callable[[Path], Any]) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"name": "Soci\xe9t\xe9"}')
    with pytest.raises(DdtoolError, match=r"latin1\.json: .*not UTF-8"):
        load(path)


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("nan", [False, True])
def test_load_reads_a_bom_and_what_only_json_accepts(
    documents: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path, bom: bytes, nan: bool
) -> None:
    """The standard decoder reads what Python's json writes (NaN too), with or without a BOM,
    and gives the same document, whole and slimmed for a diff."""
    old, _ = documents
    document = {**old, "summary": {**old["summary"], "extra": math.nan if nan else 1.5}}
    path = tmp_path / "old.json"
    path.write_bytes(bom + json.dumps(document).encode())
    loaded = load_assessment(path)
    assert math.isnan(loaded["summary"].pop("extra")) if nan else loaded["summary"].pop("extra")
    assert loaded == old
    slim = load_for_diff(path)
    assert math.isnan(slim["summary"].pop("extra")) if nan else slim["summary"].pop("extra")
    assert slim["suppliers"] == [
        {
            key: entry[key]
            for key in (
                *("id", "name", "country", "region", "sector", "products", "share", "buyers"),
                *("workers", "female_pct", "migrant_pct", "certifications", "audits"),
                *("sector_as_written", "inferred", "path", "worst_case", "attributes"),
                "data_gaps",
            )
            if key in entry
        }
        # (and each risk type's level and priority, for a resolved flag's supplier now)
        | {
            "risk": {
                rt: {"level": r["level"], "priority": r["priority"]}
                for rt, r in entry["risk"].items()
            }
        }
        # (and a mapped supplier's exposure by its level, priority and gaps bearing on it)
        | (
            {}
            if entry["inferred"]
            else {
                "exposure": {
                    rt: {k: e[k] for k in ("level", "priority", "on_a_gap") if k in e}
                    for rt, e in entry["exposure"].items()
                }
            }
        )
        for entry in old["suppliers"]
    ]
    assert {**slim, "suppliers": old["suppliers"]} == old


def test_markdown_tables_stop_at_their_limit(
    documents: tuple[dict[str, Any], dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ddtool.reporters.diff_report as diff_report

    diff = diff_assessments(*documents)
    whole = diff_report.render_diff_markdown(diff)
    monkeypatch.setattr(diff_report, "MAX_TABLE_ROWS", 1)
    text = diff_report.render_diff_markdown(diff)
    tables = ("new_flags", "resolved_flags", "changed_flags", "suppliers_added", "tier1_changes")
    longer = [key for key in tables if len(diff[key]) > 1]
    assert longer  # the fixture changes enough for the limit to show
    for key in longer:
        assert f"… and {len(diff[key]) - 1:,} more" in text
    assert text.count("more: the JSON and Excel diffs") == len(longer)
    assert "more:" not in whole and len(text) < len(whole)


def _edited(document: dict[str, Any]) -> dict[str, Any]:
    """The document with an inferred flag's level changed, a mapped flag dropped, and a
    mapped supplier and another inferred one removed with their flags (a diff lists mapped
    suppliers added and removed, never inferred ones)."""
    edited = copy.deepcopy(document)
    flags = edited["flags"]
    inferred = next(f for f in flags if f["inferred"])
    inferred["level"] = "low" if inferred["level"] != "low" else "critical"
    flags.remove(next(f for f in flags if not f["inferred"]))
    gone = [
        next(s for s in reversed(edited["suppliers"]) if not s["inferred"]),
        next(
            s for s in edited["suppliers"] if s["inferred"] and s["id"] != inferred["supplier_id"]
        ),
    ]
    for supplier in gone:
        edited["suppliers"].remove(supplier)
    ids = {supplier["id"] for supplier in gone}
    edited["flags"] = [f for f in flags if f["supplier_id"] not in ids]
    return edited


@pytest.mark.parametrize(
    "pair",
    ["fixture", "fixture reversed", "sample edited", "sample edited reversed"],
)
def test_a_diff_of_slimmed_documents_is_the_same(
    documents: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path, pair: str
) -> None:
    """load_for_diff keeps all a diff reads: the same diff as from the whole documents,
    inferred flags (their country comes from the worst case) and schema-2 joins included."""
    if pair.startswith("fixture"):
        old, new = documents
    else:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
            old = assess([SAMPLES / "cocoa.yaml"]).data
        new = _edited(old)
    if pair.endswith("reversed"):
        old, new = new, old
    paths = []
    for name, document in (("old", old), ("new", new)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(document), encoding="utf-8")
    whole = diff_assessments(load_assessment(paths[0]), load_assessment(paths[1]))
    slim = diff_assessments(load_for_diff(paths[0]), load_for_diff(paths[1]))
    assert slim == whole
    assert not is_empty(whole)
    if pair.startswith("sample"):
        assert any(f["inferred"] and f["country"] for f in whole["changed_flags"])
        assert whole["resolved_flags"] or whole["new_flags"]
        # the mapped supplier only: the inferred one removed is not a supplier change
        assert len(whole["suppliers_added"]) + len(whole["suppliers_removed"]) == 1
    assert set(load_for_diff(paths[0])["suppliers"][0]) < set(old["suppliers"][0])


@pytest.mark.parametrize("load", [load_assessment, load_for_diff])
def test_missing_file(tmp_path: Path, load: Callable[[Path], Any]) -> None:
    with pytest.raises(DdtoolError, match=r"nothing\.json: cannot read"):
        load(tmp_path / "nothing.json")


def test_load_round_trip(documents: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path) -> None:
    old, _ = documents
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert load_assessment(path) == old


def test_write_json_and_markdown(
    documents: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    diff = diff_assessments(*documents)
    write_diff(diff, tmp_path / "d.json")
    assert json.loads((tmp_path / "d.json").read_text(encoding="utf-8")) == diff
    write_diff(diff, tmp_path / "d2.json")
    assert (tmp_path / "d.json").read_bytes() == (tmp_path / "d2.json").read_bytes()
    write_diff(diff, tmp_path / "d.md")
    text = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "## New flags" in text and "COOP-CI-2" in text and "LOG-DE-1" in text
    for flag in diff["new_flags"]:
        assert flag["id"] in text
    with pytest.raises(ReporterError, match=r"d\.txt"):
        write_diff(diff, tmp_path / "d.txt")


def test_xlsx_stores_formula_like_text_as_string(
    documents: tuple[dict[str, Any], dict[str, Any]], tmp_path: Path
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    old, new = copy.deepcopy(documents[0]), copy.deepcopy(documents[1])
    evil = '=HYPERLINK("http://x.invalid","y")'
    for item in [*new["suppliers"], *new["flags"]]:
        if item.get("id") == "COOP-CI-2":
            item["name"] = evil
        if item.get("supplier_id") == "COOP-CI-2":
            item["supplier_name"] = evil
    diff = diff_assessments(old, new)
    out = tmp_path / "diff.xlsx"
    write_diff(diff, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "Company exposure",
        "Tier-1 ranking changes",
        "New flags",
        "Resolved flags",
        "Changed flags",
        "Priority changes",
        "Re-identified flags",
        "Suppliers added",
        "Suppliers removed",
        "Suppliers changed",
        "Supplier data gaps",
        "Supplier exposure",
        "About",
    ]
    added = wb["Suppliers added"]
    assert added.freeze_panes == "A2" and added.auto_filter.ref
    assert [c.value for c in added[1]] == ["id", "name", "country", "sector", "same_as", "may_be"]
    assert added["B2"].value == evil and added["B2"].data_type == "s"
    ws = wb["New flags"]
    header = [c.value for c in ws[1]]
    column = header.index("supplier_name") + 1
    cells = [ws.cell(row=r, column=column) for r in range(2, ws.max_row + 1)]
    assert len(cells) == len(diff["new_flags"])
    assert all(c.value == evil and c.data_type == "s" for c in cells)
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row)


def test_terminal_summary(documents: tuple[dict[str, Any], dict[str, Any]]) -> None:
    diff = diff_assessments(*documents)
    diff["new_flags"][0]["supplier_name"] = "[bold]not markup[/bold]"
    console = Console(record=True, width=160, color_system=None)
    render_diff_terminal(diff, console)
    text = console.export_text()
    assert "3 new" in text or f"{diff['summary']['new_flags']} new" in text
    assert "COOP-CI-2" in text and "LOG-DE-1" in text
    assert "[bold]not markup[/bold]" in text


def test_a_supplier_moved_to_another_country_shows_where_it_was(tmp_path: Path) -> None:
    """The level changed because the supplier moved: the diff says from where, in every
    output, and the workbook words risk types and yes/no as the Markdown does."""
    from openpyxl import load_workbook

    def chain(country: str) -> dict[str, Any]:
        path = tmp_path / f"{country}.yaml"
        path.write_text(
            "company: {name: X}\nsuppliers:\n"
            f"  - {{id: S1, name: s, country: {country}, sector: construction}}\n",
            "utf-8",
        )
        return assess([path]).data

    diff = diff_assessments(chain("QAT"), chain("PAK"))
    moved = [c for c in diff["changed_flags"] if c["supplier_id"] == "S1"]
    assert moved
    assert {(c["old_country"], c["country"], c["direction"]) for c in moved} == {
        ("QAT", "PAK", "up")
    }
    out = tmp_path / "d.xlsx"
    write_diff(diff, out)
    rows = list(load_workbook(out)["Changed flags"].iter_rows(values_only=True))
    header, first = rows[0], dict(zip(rows[0], rows[1], strict=True))
    assert "old_country" in header
    assert first["old_country"] == "QAT" and first["inferred"] == "no"
    assert first["risk_type"] in {"child labour", "forced labour", "human trafficking"}
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    assert "QAT → PAK" in console.export_text()


def _one_chain(
    tmp_path: Path, name: str, company: str, suppliers: list[dict[str, Any]]
) -> dict[str, Any]:
    import yaml

    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": company}, "suppliers": suppliers}), "utf-8")
    return assess([path]).data


_S1 = {"id": "S1", "name": "Mill", "country": "BGD", "sector": "garment-manufacturing"}
_S2 = {"id": "S2", "name": "Spinner", "country": "IND", "sector": "yarn-spinning", "buyers": ["S1"]}


@pytest.mark.parametrize(
    ("edit", "changes"),
    [
        ({"S1": {"country": "PAK"}}, [("S1", "country", "BGD", "PAK")]),
        ({"S1": {"name": "Mill Ltd"}}, [("S1", "name", "Mill", "Mill Ltd")]),
        (
            {"S1": {"sector": "textile-finishing"}},
            [("S1", "sector", "garment-manufacturing", "textile-finishing")],
        ),
        ({"S2": {"share": 0.5}}, [("S2", "share", None, 0.5)]),
        ({"S2": {"buyers": []}}, [("S2", "buyers", ["S1"], ["company"])]),
        ({}, []),
    ],
)
def test_a_supplier_in_both_assessments_lists_what_changed(
    tmp_path: Path, edit: dict[str, dict[str, Any]], changes: list[tuple[Any, ...]]
) -> None:
    """A move, a new name, sector, share or buyer is listed even when no level changes."""
    old = _one_chain(tmp_path, "old", "X", [_S1, _S2])
    new = _one_chain(tmp_path, "new", "X", [{**s, **edit.get(s["id"], {})} for s in (_S1, _S2)])
    diff = diff_assessments(old, new)
    found = [(c["id"], c["field"], c["old"], c["new"]) for c in diff["suppliers_changed"]]
    assert found == changes
    assert diff["summary"]["suppliers_changed"] == len({c[0] for c in changes})
    assert is_empty(diff) == (not changes and not diff["changed_flags"])
    if changes:
        console = Console(width=200, record=True)
        render_diff_terminal(diff, console)
        assert "Suppliers changed" in console.export_text()
        md = tmp_path / "d.md"
        write_diff(diff, md)
        assert "## Suppliers changed" in md.read_text("utf-8")


@pytest.mark.parametrize(
    ("new_id", "new_name", "same_as"),
    [
        ("s1", "Mill", "S1"),  # the id in another case
        ("MILL-7", "Mill", "S1"),  # another id, the same name, country and sector
        ("MILL-7", "Other mill", None),
    ],
)
def test_an_added_supplier_that_may_be_a_removed_one_says_so(
    tmp_path: Path, new_id: str, new_name: str, same_as: str | None
) -> None:
    old = _one_chain(tmp_path, "old", "X", [_S1])
    new = _one_chain(tmp_path, "new", "X", [{**_S1, "id": new_id, "name": new_name}])
    diff = diff_assessments(old, new)
    [added] = diff["suppliers_added"]
    assert added["same_as"] == same_as
    console = Console(width=200, record=True)
    render_diff_terminal(diff, console)
    assert ("may be removed ones under a new id" in console.export_text()) == bool(same_as)
    write_diff(diff, tmp_path / "d.md")
    md = (tmp_path / "d.md").read_text("utf-8")
    assert ("may be removed ones under a new id" in md) == bool(same_as)
    # its flags are the removed supplier's under a new id, or else new ones
    if same_as:
        assert diff["new_flags"] == diff["resolved_flags"] == []
        assert {r["old_supplier_id"] for r in diff["reidentified_flags"]} == {"S1"}
    else:
        assert diff["reidentified_flags"] == [] and diff["new_flags"]


@pytest.mark.parametrize(("other", "warned"), [("X", False), ("Y", True)])
def test_a_diff_of_two_companies_warns(tmp_path: Path, other: str, warned: bool) -> None:
    diff = diff_assessments(
        _one_chain(tmp_path, "old", "X", [_S1]), _one_chain(tmp_path, "new", other, [_S1])
    )
    assert diff["summary"]["company_changed"] is warned
    # (the command prints it on stderr, with -q too: see test_diff_of_two_companies_with_q)
    note = company_note(diff)
    assert (note is not None and "different companies: 'X' and 'Y'" in note) == warned
    book = tmp_path / "d.xlsx"
    write_diff(diff, book)
    about = [row[1] for row in load_workbook(book)["About"].iter_rows(values_only=True)]
    assert any("different companies" in str(value) for value in about) == warned
    md = tmp_path / "d.md"
    write_diff(diff, md)
    assert (
        "**Warning:** the two assessments are of different companies" in md.read_text("utf-8")
    ) == warned


def test_two_files_of_a_company_without_a_name_are_not_two_companies(tmp_path: Path) -> None:
    """Named after their files ('members-2026-01', '-02'), they are the same company."""
    docs = []
    for month in ("01", "02"):
        path = tmp_path / f"members-2026-{month}.yaml"
        path.write_text("suppliers: [{id: S1, name: Mill, country: BGD}]\n", "utf-8")
        docs.append(assess([path]).data)
    assert diff_assessments(*docs)["summary"]["company_changed"] is False


@pytest.mark.parametrize("load", [load_assessment, load_for_diff])
def test_a_file_not_utf8_is_told_where(tmp_path: Path, load: Callable[[Path], Any]) -> None:
    path = tmp_path / "last_year.json"
    path.write_bytes(b'{\n "company": {"name": "M\xfcller"}}')
    with pytest.raises(DdtoolError) as info:
        load(path)
    assert "(not UTF-8 text: line 2, byte 25, 0xfc)" in str(info.value)
