"""The data gaps a level rests on, as the diff and the batch summary list them.

4. "inferred: no supplier mapped at this tier" (document.INFERRED_GAP, the marker of an
   inferred stage) was listed as a gap a low level rests on, in a diff's flags and in the
   batch summary's exposure `data_gaps`: like "tiers below not mapped" it is no data of the
   supplier's own score (document.low_on_a_gap leaves both out), and only an inferred stage's
   gaps of its own score ("country unknown", little country data) are listed.
5. `diff` missed an inferred supplier's flag coming to rest on missing data ("low" → "low
   (data gap)"): a schema-2 flag of an inferred supplier is checked against its entry's gaps,
   as a mapped supplier's is.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.batch import _member_figures
from ddtool.cli import app
from ddtool.diff import _gaps_of, diff_assessments, load_for_diff
from ddtool.document import INFERRED_GAP, NOTHING_FOLLOWED, UNMAPPED_BELOW

EPOCH = "1767225600"
CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"
LITTLE_CL = "little country data for child_labour (25%)"
LITTLE_HT = "little country data for human_trafficking (30%)"
# an Uzbek food maker, lacking child labour data only, and its crop farms, inferred in
# Uzbekistan (listed there for silk cocoons) with the same gap and medium child labour
UZBEK = [{"id": "F1", "name": "Food One", "country": "Uzbekistan", "sector": "food manufacturing"}]
# an Icelandic chocolate maker's cocoa processing, an intermediate stage inferred in Iceland:
# low, its trafficking level on Iceland's little trafficking data
ICELAND = "Iceland"
COCOA_PROCESSING = "inferred:cocoa-processing@ISL"


def chocolate(country: str | None) -> list[dict[str, Any]]:
    """A chocolate maker, in this country (or of none known)."""
    entry = {"id": "C1", "name": "Choco One", "sector": "chocolate manufacturing"}
    entry["products"] = ["chocolate bars"]
    return [entry if country is None else entry | {"country": country}]


def low_settings(tmp_path: Path) -> Path:
    path = tmp_path / "low.yaml"
    path.write_text(
        "thresholds: {medium: 0.3, high: 0.5, critical: 0.7}\nflag_level: low\n", "utf-8"
    )
    return path


def chain(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> Path:
    path = tmp_path / f"{name}.yaml"
    company = {"name": f"{name} Co", "country": "Germany"}
    path.write_text(yaml.safe_dump({"company": company, "suppliers": suppliers}), "utf-8")
    return path


def assessed(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    """The assessment of these suppliers with low flags shown (`flag_level: low`)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        options = AssessOptions(config=low_settings(tmp_path))
        return assess([chain(tmp_path, name, suppliers)], options).data


def diffed(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The diff of two assessments as `ddtool diff` reads them: saved and read back."""
    paths = []
    for name, document in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document), "utf-8")
        paths.append(path)
    return diff_assessments(*(load_for_diff(path) for path in paths))


# --- 4. the inferred stage's marker is no gap a level rests on -------------------------------

GAPS_OF: list[tuple[str, str, list[str], list[str]]] = [
    # (level, risk type, the supplier's data gaps, the gaps the flag's level rests on)
    ("low", HT, [INFERRED_GAP], []),
    ("low", HT, [INFERRED_GAP, "country unknown"], ["country unknown"]),
    ("low", HT, [INFERRED_GAP, LITTLE_HT], [LITTLE_HT]),
    ("low", CL, [INFERRED_GAP, LITTLE_HT], []),
    ("low", HT, [UNMAPPED_BELOW, INFERRED_GAP], []),
    ("low", FL, ["country unknown", UNMAPPED_BELOW], ["country unknown"]),
    # (nothing known beneath a trader of anything: its low is all that is known)
    ("low", CL, [NOTHING_FOLLOWED], [NOTHING_FOLLOWED]),
    ("medium", CL, [NOTHING_FOLLOWED], []),
    ("medium", HT, [INFERRED_GAP, "country unknown"], []),
]


@pytest.mark.parametrize(("level", "risk_type", "gaps", "rests_on"), GAPS_OF)
def test_the_gaps_a_flags_level_rests_on(
    level: str, risk_type: str, gaps: list[str], rests_on: list[str]
) -> None:
    flag = {"level": level, "risk_type": risk_type, "data_gaps": gaps}
    assert _gaps_of(flag) == rests_on


def test_a_diff_lists_no_inferred_marker_as_a_gap(tmp_path: Path) -> None:
    """The repro: choc0.yaml (a German maker) → choc.yaml (its country not known)."""
    old = assessed(tmp_path, "choc0", chocolate("Germany"))
    new = assessed(tmp_path, "choc", chocolate(None))
    diff = diffed(tmp_path, old, new)
    listed = sorted(
        (kind, f["supplier_id"], f["risk_type"], f["level"], f["data_gaps"])
        for kind in ("new_flags", "resolved_flags", "changed_flags", "reidentified_flags")
        for f in diff[kind]
    )
    # (the processing stage inferred in the maker's country, now in one not known, is the
    # same stage under the same buyer: re-identified, @DEU → @unknown)
    processing = "inferred:cocoa-processing"
    assert listed == [
        ("changed_flags", "C1", CL, "low", ["country unknown"]),
        ("changed_flags", "C1", FL, "low", ["country unknown"]),
        ("changed_flags", "C1", HT, "low", ["country unknown"]),
        ("reidentified_flags", f"{processing}@unknown", CL, "low", ["country unknown"]),
        ("reidentified_flags", f"{processing}@unknown", FL, "low", ["country unknown"]),
        ("reidentified_flags", f"{processing}@unknown", HT, "low", ["country unknown"]),
    ]
    assert {f["old_supplier_id"] for f in diff["reidentified_flags"]} == {f"{processing}@DEU"}
    assert {f["direction"] for f in diff["reidentified_flags"]} == {"up"}


# the Uzbek chain's exposure: its child labour level rests on the farms' (and the maker's)
# missing child labour data, not on the farms' being inferred; the other levels, below
# critical too, on nothing missing
EXPOSURE = {CL: ("medium", [LITTLE_CL]), FL: ("high", []), HT: ("medium", [])}
EXPOSURE_GAPS = {rt: gaps for rt, (_level, gaps) in EXPOSURE.items()}


def test_the_batch_summary_lists_no_inferred_marker_as_an_exposures_gap(tmp_path: Path) -> None:
    document = assessed(tmp_path, "uzb", UZBEK)
    farms = next(e for e in document["suppliers"] if e["id"] == "inferred:crop-farming@UZB")
    assert farms["data_gaps"] == [INFERRED_GAP, LITTLE_CL]
    exposure = _member_figures(document)["exposure"]
    assert {rt: (e["level"], e["data_gaps"]) for rt, e in exposure.items()} == EXPOSURE


def test_batch_writes_the_exposures_gaps_without_the_inferred_marker(tmp_path: Path) -> None:
    """`ddtool batch` on a folder with the Uzbek chain."""
    members = tmp_path / "members"
    members.mkdir()
    chain(members, "uzb", UZBEK)
    out, settings = tmp_path / "out", low_settings(tmp_path)
    args = ["batch", str(members), "-o", str(out), "--format", "json", "--jobs", "1"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = CliRunner().invoke(app, [*args, "--config", str(settings)])
    assert result.exit_code == 0, result.output
    [row] = json.loads((out / "summary.json").read_text("utf-8"))["ranking"]
    assert {rt: e["data_gaps"] for rt, e in row["exposure"].items()} == EXPOSURE_GAPS


# --- 5. an inferred supplier's flag into or out of "low (data gap)" ---------------------------


def without_own_gaps(document: dict[str, Any]) -> dict[str, Any]:
    """The assessment as ddtool wrote it before an inferred stage's entry held the gaps of its
    own score (37cef6d): its entry says only that it is inferred."""
    earlier = copy.deepcopy(document)
    for entry in earlier["suppliers"]:
        if entry["inferred"]:
            entry["data_gaps"] = [INFERRED_GAP]
    return earlier


@pytest.mark.parametrize(
    ("earlier_first", "direction", "old_gaps", "new_gaps"),
    [
        (True, "up", [], [LITTLE_HT]),  # "low" → "low (data gap)"
        (False, "down", [LITTLE_HT], []),  # "low (data gap)" → "low"
    ],
)
def test_a_diff_lists_an_inferred_flag_moving_into_or_out_of_a_data_gap(
    tmp_path: Path, earlier_first: bool, direction: str, old_gaps: list[str], new_gaps: list[str]
) -> None:
    """An assessment as written at 37cef6d, diffed with one written now, gave "0 changed"."""
    now = assessed(tmp_path, "choc-isl", chocolate(ICELAND))
    earlier = without_own_gaps(now)
    diff = diffed(tmp_path, *((earlier, now) if earlier_first else (now, earlier)))
    assert [
        (
            f["id"],
            f["supplier_id"],
            f["inferred"],
            f["old_level"],
            f["new_level"],
            f["old_data_gaps"],
            f["data_gaps"],
            f["direction"],
        )
        for f in diff["changed_flags"]
    ] == [("FL-da85fa7314", COCOA_PROCESSING, True, "low", "low", old_gaps, new_gaps, direction)]
    summary = diff["summary"]
    assert (summary["changed_flags"], summary["changed_up"], summary["changed_down"]) == (
        (1, 1, 0) if direction == "up" else (1, 0, 1)
    )


def test_an_inferred_flag_whose_gaps_do_not_change_is_no_change(tmp_path: Path) -> None:
    now = assessed(tmp_path, "choc-isl", chocolate(ICELAND))
    assert diffed(tmp_path, now, copy.deepcopy(now))["changed_flags"] == []
    earlier = without_own_gaps(now)
    assert diffed(tmp_path, earlier, copy.deepcopy(earlier))["changed_flags"] == []
