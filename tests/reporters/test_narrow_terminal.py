"""At 80 columns the terminal tables cut no id and no word: an id folded over two lines
("inferred:artis" / "anal-mining:go" / "ld@BOL") cannot be copied into `ddtool explain`, and a
flag id cut to "FL-49d7…" hides which flag changed."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.document import register
from ddtool.reporters.fitted import fitted

ROOT = Path(__file__).resolve().parents[2]
MINERALS = ROOT / "sample_chains" / "electronics_minerals.yaml"
WIDTH = 80


def _run(*args: str) -> str:
    done = CliRunner().invoke(app, list(args), env={"COLUMNS": str(WIDTH)})
    assert done.exit_code in (0, 1), done.output
    return done.output


def _whole(output: str, texts: set[str]) -> list[str]:
    """The texts that no line of the output holds whole."""
    lines = output.splitlines()
    return sorted(t for t in texts if not any(t in line for line in lines))


@pytest.fixture(scope="module")
def minerals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The minerals sample assessed with the default thresholds and with higher ones (every
    critical flag becomes a changed flag), and the diff of the two."""
    where = tmp_path_factory.mktemp("narrow")
    config = where / "higher.yaml"
    config.write_text("thresholds:\n  high: 0.6\n  critical: 0.9\n", encoding="utf-8")
    old, new, diff = where / "old.json", where / "new.json", where / "diff.json"
    _run("assess", str(MINERALS), "-q", "-o", str(old))
    _run("assess", str(MINERALS), "--config", str(config), "-q", "-o", str(new))
    _run("diff", str(old), str(new), "-q", "-o", str(diff))
    return {
        "old": old,
        "new": new,
        "doc": json.loads(old.read_text("utf-8")),
        "diff": json.loads(diff.read_text("utf-8")),
    }


@dataclass(frozen=True)
class NarrowCase:
    name: str
    args: tuple[str, ...]  # "{old}", "{new}" stand for the saved assessments


NARROW_CASES = (
    NarrowCase("assess", ("assess", str(MINERALS))),
    NarrowCase("diff", ("diff", "{old}", "{new}")),
    NarrowCase("explain an inferred stage", ("explain", str(MINERALS), "{stage}")),
)


def _stage(doc: dict[str, Any]) -> str:
    """The inferred stage of the longest id whose origins have production shares."""
    stages = [
        s
        for s in doc["suppliers"]
        if s.get("inferred") and any(o.get("source") for o in s.get("origins") or [])
    ]
    return max(stages, key=lambda s: len(s["id"]))["id"]


@pytest.mark.parametrize("case", NARROW_CASES, ids=lambda case: case.name)
def test_no_id_and_no_word_is_cut_at_80_columns(minerals: dict[str, Any], case: NarrowCase) -> None:
    doc, diff = minerals["doc"], minerals["diff"]
    stage = _stage(doc)
    args = [a.format(old=minerals["old"], new=minerals["new"], stage=stage) for a in case.args]
    output = _run(*args)
    assert max(map(len, output.splitlines())) <= WIDTH
    if case.name == "assess":
        shown = list(register(doc, 3))  # (the top flags, one supplier each here)
        ids = {sid for flag in shown for sid in flag["path"]}
        words = {w for flag in shown for w in (flag.get("reason") or "").split()}
    elif case.name == "diff":
        assert diff["changed_flags"]
        ids = {f["id"] for f in diff["changed_flags"]}
        words = {w for f in diff["changed_flags"] for w in str(f["supplier_name"]).split()}
    else:
        entry = next(s for s in doc["suppliers"] if s["id"] == stage)
        ids = {stage, *entry["path"]}
        cited = {o["source"] for o in entry["origins"] if o.get("source")}
        words = {w for s in doc["sources"] if s["id"] in cited for w in str(s["name"]).split()}
        assert words
    assert ids
    assert _whole(output, ids) == []
    assert _whole(output, words) == []


def test_the_flag_ids_of_changed_flags_stay_whole(minerals: dict[str, Any]) -> None:
    """Each row of the Changed flags table names its flag whole, on its own line."""
    output = _run("diff", str(minerals["old"]), str(minerals["new"]))
    table = output.split("Changed flags", 1)[1]
    for flag in minerals["diff"]["changed_flags"]:
        assert any(f"│ {flag['id']} │" in line for line in table.splitlines()), flag["id"]
    # (no cell cut short; a table of more rows than the terminal prints says "… and N more")
    assert not any("…" in line for line in table.splitlines() if "│" in line)


def _render(table: Table, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(fitted(table))
    return console.export_text().splitlines()


ID = "inferred:artisanal-mining:gold@BOL"
WHY = "artisanal-mining is listed or scores critical in North Korea"


@pytest.mark.parametrize(
    ("width", "drawn_as"),
    # (the least a table takes: 10 + 36 + 18 and 4 lines; below it, records)
    [(200, "a table"), (68, "a table"), (67, "records"), (50, "records")],
)
def test_a_fitted_table_wraps_prose_between_words_and_keeps_ids_whole(
    width: int, drawn_as: str
) -> None:
    table = Table(title="Flags")
    table.add_column("level")
    table.add_column("path")
    table.add_column("why")
    table.add_row(Text("critical"), Text(f"company → S-1 → {ID}"), Text(WHY))
    lines = _render(table, width)
    assert max(map(len, lines)) <= width
    assert any(ID in line for line in lines)
    assert _whole("\n".join(lines), set(WHY.split())) == []
    assert lines[1].startswith("┏") if drawn_as == "a table" else lines[1].startswith("level")


# a chain whose problems have long types: the code a user looks up in the docs
LONG_TYPES = (
    "Supplier ID,Supplier name,Country,Sector,Certifications\n"
    "R1,B,GHA,cocoa farming,SA8000 (renewal failed)\n"
    "R2,C,GHAA,cocoa farmng,\n"
)


@pytest.mark.parametrize("width", [100, 80, 60, 40])
def test_validate_shows_each_problem_type_whole(tmp_path: Path, width: int) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(LONG_TYPES, "utf-8")
    done = CliRunner().invoke(app, ["validate", str(path)], env={"COLUMNS": str(width)})
    assert done.exit_code == 2, done.output
    table = done.output.split("✗", 1)[0]  # (the lines below it name each error whole too)
    assert max(map(len, table.splitlines())) <= width
    types = {"certification-not-held", "unknown-country", "unknown-sector"}
    assert _whole(table, types) == []
    # (no cell cut short; a table of more rows than the terminal prints says "… and N more")
    assert not any("…" in line for line in table.splitlines() if "│" in line)
