"""`diff`: an added supplier is `same_as` a removed one only where the match is one to one.
Two added suppliers that may be one removed one, or one that may be either of two, are
marked with none, each lists the removed ones it may be (`may_be`), every output says so,
and their flags are new and the removed ones' resolved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console

from ddtool.assess import assess
from ddtool.diff import diff_assessments, new_at_or_above
from ddtool.reporters.diff_report import render_diff_terminal, write_diff

TWIN = {"name": "Twin Ltd", "country": "PAK", "sector": "garment-manufacturing", "workers": 100}


def assessed(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([path]).data


# (case, suppliers before, suppliers after, {added id: (same_as, may_be)}, the note's words
#  or None, suppliers changed (id, field))
CASES: list[tuple[str, list[Any], list[Any], dict[str, Any], str | None, list[Any]]] = [
    (
        "two added may be one removed",
        [{"id": "D1", **TWIN}],
        [{"id": "D8", **TWIN}, {"id": "D9", **TWIN, "workers": 300}],
        {"D8": (None, ["D1"]), "D9": (None, ["D1"])},
        "D8 and D9 may each be D1",
        [],
    ),
    (
        "one added may be either of two removed",
        [{"id": "D1", **TWIN}, {"id": "D2", **TWIN}],
        [{"id": "D8", **TWIN, "workers": 300}],
        {"D8": (None, ["D1", "D2"])},
        "D8 may be D1 or D2",
        [],
    ),
    (
        "the id recased is that one: another of the same name may not be it",
        [{"id": "D1", **TWIN}],
        [{"id": "d1", **TWIN}, {"id": "D9", **TWIN}],
        {"d1": ("D1", []), "D9": (None, [])},
        None,
        [],
    ),
    (
        "the id recased takes its one out of a name shared by two: the other is one to one",
        [{"id": "D1", **TWIN}, {"id": "D2", **TWIN, "workers": 300}],
        [{"id": "d1", **TWIN}, {"id": "D2B", **TWIN, "workers": 300}],
        {"d1": ("D1", []), "D2B": ("D2", [])},
        None,
        [],
    ),
    (
        "the id recased beside two of a shared name: the two may each be the other",
        [{"id": "D1", **TWIN}, {"id": "D2", **TWIN}],
        [{"id": "d1", **TWIN}, {"id": "D8", **TWIN}, {"id": "D9", **TWIN}],
        {"d1": ("D1", []), "D8": (None, ["D2"]), "D9": (None, ["D2"])},
        "D8 and D9 may each be D2",
        [],
    ),
    (
        "an id recased twice is no sure match",
        [{"id": "Ab", **TWIN, "name": "Other Ltd"}],
        [{"id": "AB", **TWIN}, {"id": "ab", **TWIN}],
        {"AB": (None, ["Ab"]), "ab": (None, ["Ab"])},
        "AB and ab may each be Ab",
        [],
    ),
    (
        "one that may be one, as may another that may be either of two",
        [{"id": "Ab", **TWIN}, {"id": "aB", **TWIN, "name": "Other Ltd"}],
        [{"id": "AB", **TWIN, "name": "Third Ltd"}, {"id": "Z", **TWIN}],
        {"AB": (None, ["Ab", "aB"]), "Z": (None, ["Ab"])},
        "AB may be Ab or aB; Z may be Ab, as may AB",
        [],
    ),
    (
        "one to one: same_as, and compared",
        [{"id": "D1", **TWIN}],
        [{"id": "D8", **TWIN, "workers": 300}],
        {"D8": ("D1", [])},
        None,
        [("D8", "workers")],
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "marked", "note", "changed"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_only_a_match_one_to_one_is_same_as(
    tmp_path: Path,
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
    marked: dict[str, Any],
    note: str | None,
    changed: list[tuple[str, str]],
) -> None:
    diff = diff_assessments(assessed(tmp_path, "old", before), assessed(tmp_path, "new", after))
    added = {a["id"]: (a["same_as"], a["may_be"]) for a in diff["suppliers_added"]}
    assert added == marked
    assert diff["summary"]["suppliers_ambiguous"] == sum(1 for _, m in marked.values() if m)
    assert [(c["id"], c["field"]) for c in diff["suppliers_changed"]] == changed
    removed = {r["id"] for r in diff["suppliers_removed"]}
    # a match one to one re-identifies its flags; every other added supplier's flags are new
    # and every other removed one's resolved
    same = {a: was for a, (was, _) in marked.items() if was}
    assert {r["old_supplier_id"] for r in diff["reidentified_flags"]} == set(same.values())
    assert {f["supplier_id"] for f in diff["new_flags"]} == set(marked) - set(same)
    assert {f["supplier_id"] for f in diff["resolved_flags"]} == removed - set(same.values())
    assert bool(new_at_or_above(diff, "high")) == (set(marked) != set(same))
    console = Console(width=400, record=True)
    render_diff_terminal(diff, console)
    write_diff(diff, tmp_path / "d.md")
    write_diff(diff, tmp_path / "d.xlsx")
    book = load_workbook(tmp_path / "d.xlsx")
    notes = " ".join(str(v) for k, v in book["About"].iter_rows(values_only=True) if k == "note")
    outputs = {
        "terminal": console.export_text(),
        "markdown": (tmp_path / "d.md").read_text("utf-8").replace("\\_", "_"),
        "xlsx": notes,
    }
    for name, text in outputs.items():
        assert ("not one to one" in text) == (note is not None), name
        assert "which is which" not in text.casefold(), name
        # only those marked same_as are told to keep the old id
        assert ("keep the old id" in text) == bool(same), name
        if note is not None:
            assert note in text, name
    rows = list(book["Suppliers added"].iter_rows(values_only=True))
    assert {r[0]: r[rows[0].index("may_be")] for r in rows[1:]} == {
        i: ", ".join(may_be) or None for i, (_, may_be) in marked.items()
    }
