"""`diff`: a supplier that moved country keeps the findings of the stages inferred beneath
it, whatever form their ids take there: a ginnery at cotton's origin mix becomes one assumed
in a country that grows cotton, copper mines leave copper's origin mix for a country that
mines it or go back to it, a trader of six minerals becomes one trader for each, those the
capacitor maker already had among them. The same stage and
commodity under the same buyer is the same finding: re-identified, never new and resolved,
and `--fail-on-new critical` does not fail on it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
MINERALS = "cobalt+copper+gold+lithium+mica+tungsten"

# (case, sample, the supplier that moved, its country before and after (the one line of the
#  sample written anew), the inferred suppliers re-identified: old id -> new ids)
MOVES: list[tuple[str, str, str, str, str, dict[str, list[str]]]] = [
    (
        "garment maker to Pakistan: its ginnery is assumed there",
        "garment.yaml",
        "G-BD-2",
        "Bangladesh",
        "Pakistan",
        {
            "inferred:textile-finishing@BGD": ["inferred:textile-finishing@PAK"],
            "inferred:yarn-spinning@BGD": ["inferred:yarn-spinning@PAK"],
            "inferred:cotton-ginning:cotton-lint@world": ["inferred:cotton-ginning@PAK"],
            "inferred:cotton-farming:cotton-lint@world": ["inferred:cotton-farming@PAK"],
        },
    ),
    (
        "garment maker back from Pakistan: its ginnery at cotton's origin mix again",
        "garment.yaml",
        "G-BD-2",
        "Pakistan",
        "Bangladesh",
        {
            "inferred:cotton-ginning@PAK": ["inferred:cotton-ginning:cotton-lint@world"],
            "inferred:cotton-farming@PAK": ["inferred:cotton-farming:cotton-lint@world"],
        },
    ),
    (
        "component maker to China: its trader and mines are assumed there",
        "electronics_minerals.yaml",
        "CMP-VN-1",
        "Viet Nam",
        "China",
        {
            f"inferred:mineral-trading:{MINERALS}@VNM": [
                f"inferred:mineral-trading:{MINERALS}@CHN"
            ],
            "inferred:artisanal-mining:tungsten@VNM": ["inferred:artisanal-mining:tungsten@CHN"],
            "inferred:industrial-mining:tungsten@VNM": ["inferred:industrial-mining:tungsten@CHN"],
            "inferred:industrial-mining:copper@world": ["inferred:industrial-mining:copper@CHN"],
        },
    ),
    (
        "component maker from China to Viet Nam: its copper mines merge into the origin mix",
        "electronics_minerals.yaml",
        "CMP-VN-1",
        "China",
        "Viet Nam",
        {
            f"inferred:mineral-trading:{MINERALS}@CHN": [
                f"inferred:mineral-trading:{MINERALS}@VNM"
            ],
            "inferred:artisanal-mining:tungsten@CHN": ["inferred:artisanal-mining:tungsten@VNM"],
            "inferred:industrial-mining:tungsten@CHN": ["inferred:industrial-mining:tungsten@VNM"],
            "inferred:industrial-mining:copper@CHN": ["inferred:industrial-mining:copper@world"],
        },
    ),
    (
        "component maker from China to Bangladesh: its trader becomes the capacitor maker's ones",
        "electronics_minerals.yaml",
        "CMP-VN-1",
        "China",
        "Bangladesh",
        {
            f"inferred:mineral-trading:{MINERALS}@CHN": [
                f"inferred:mineral-trading:{mineral}@world" for mineral in MINERALS.split("+")
            ],
            "inferred:industrial-mining:copper@CHN": ["inferred:industrial-mining:copper@world"],
        },
    ),
]


# the moves whose inferred stages' findings rise to critical under their new ids: the cotton
# farms beneath a Pakistani ginnery are Pakistan's (high for child labour), those of
# cotton's origin mix are at its worst case (China's forced child labour: critical), so
# `--fail-on-new critical` fails on them as re-identified and risen
RISEN = {("garment.yaml", "G-BD-2", "Pakistan", "Bangladesh")}


def moved_chain(folder: Path, sample: str, supplier_id: str, country: str) -> Path:
    """The sample with the supplier's country line written anew (the rest as it is)."""
    text = (SAMPLES / sample).read_text("utf-8")
    entry = re.search(rf"- id: {re.escape(supplier_id)}\n(?:    .*\n)*?    country: .*\n", text)
    assert entry is not None
    head = entry.group(0).rpartition("    country: ")[0]
    path = folder / f"{Path(sample).stem}-{country.replace(' ', '-')}.yaml"
    path.write_text(text.replace(entry.group(0), f"{head}    country: {country}\n", 1), "utf-8")
    return path


def run(*args: str) -> Any:
    """The CLI run in this process (pinned generation time, wide terminal)."""
    return CliRunner().invoke(
        app, list(args), env={"SOURCE_DATE_EPOCH": "1767225600", "COLUMNS": "200"}
    )


@pytest.mark.parametrize(
    ("sample", "supplier_id", "before", "after", "paired"),
    [case[1:] for case in MOVES],
    ids=[case[0] for case in MOVES],
)
def test_the_stages_inferred_beneath_a_supplier_that_moved_keep_their_findings(
    tmp_path: Path,
    sample: str,
    supplier_id: str,
    before: str,
    after: str,
    paired: dict[str, list[str]],
) -> None:
    files = []
    for name, country in (("old", before), ("new", after)):
        chain = moved_chain(tmp_path, sample, supplier_id, country)
        saved = tmp_path / f"{name}.json"
        done = run("assess", str(chain), "-q", "-o", str(saved))
        assert done.exit_code == 0, done.output
        files.append(saved)
    old, new = (json.loads(f.read_text("utf-8")) for f in files)

    done = run(
        "diff", *map(str, files), "--fail-on-new", "critical", "-q", "-o", str(tmp_path / "d.json")
    )
    if (sample, supplier_id, before, after) in RISEN:
        assert done.exit_code == 1, done.output
        assert "re-identified and risen" in done.output
    else:
        assert done.exit_code == 0, done.output
    assert "warning" not in done.output  # (the same as-of date and generation time)
    diff = json.loads((tmp_path / "d.json").read_text("utf-8"))
    # the one line written anew moved the supplier, and changed nothing else of the chain
    assert [(c["id"], c["field"]) for c in diff["suppliers_changed"]] == [(supplier_id, "country")]

    def flagged(document: dict[str, Any], supplier: str) -> set[str]:
        return {f["risk_type"] for f in document["flags"] if f["supplier_id"] == supplier}

    found = {
        (r["old_supplier_id"], r["supplier_id"], r["risk_type"]) for r in diff["reidentified_flags"]
    }
    for was, nows in paired.items():
        assert was in {s["id"] for s in old["suppliers"]}
        for now in nows:
            both = flagged(old, was) & flagged(new, now)
            assert both, (was, now)  # (a finding to keep)
            assert {(was, now, rt) for rt in both} <= found
    # no flag of an inferred stage is new where that stage was flagged for its risk type
    # under its old id, nor resolved where it is flagged under its new one
    is_now = {now: was for was, nows in paired.items() for now in nows}
    for flag in diff["new_flags"]:
        if flag["supplier_id"] in is_now:
            assert flag["risk_type"] not in flagged(old, is_now[flag["supplier_id"]]), flag["id"]
    for flag in diff["resolved_flags"]:
        assert flag["supplier_id"] not in paired, flag["id"]
    # an inferred stage only one of the assessments has has its flags re-identified, bar
    # those of a risk type the other side does not flag
    only_old = {s["id"] for s in old["suppliers"]} - {s["id"] for s in new["suppliers"]}
    assert not [f for f in diff["resolved_flags"] if f["inferred"] and f["supplier_id"] in only_old]
