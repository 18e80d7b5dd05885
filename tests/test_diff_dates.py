"""`diff OLD NEW` given the later assessment first warns that the arguments may be swapped,
naming both dates: on stderr, and as a note in the JSON, Markdown and Excel diffs. Read the
wrong way round, every new flag would be a resolved one. The exit code is not changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
EPOCH_2026 = 1767225600  # 2026-01-01T00:00:00Z
DAY = 86400

# (case, each assessment's --as-of (None: none given) and SOURCE_DATE_EPOCH, old first;
#  the date the warning names (the key and the old and new values), or None for no warning)
CASES: list[tuple[str, tuple[Any, Any], tuple[int, int], tuple[str, str, str] | None]] = [
    (
        "as of later",
        ("2027-01-15", "2025-06-01"),
        (EPOCH_2026, EPOCH_2026),
        ("as of", "2027-01-15", "2025-06-01"),
    ),
    ("as of in order", ("2025-06-01", "2027-01-15"), (EPOCH_2026, EPOCH_2026), None),
    # the as-of dates decide, however the files were made
    ("as of in order, made the other way", ("2025-06-01", "2027-01-15"), (EPOCH_2026, 0), None),
    (
        "the same as-of date, made later",
        ("2025-06-01", "2025-06-01"),
        (EPOCH_2026 + DAY, EPOCH_2026),
        ("generated", "2026-01-02T00:00:00+00:00", "2026-01-01T00:00:00+00:00"),
    ),
    ("the same as-of date and time", ("2025-06-01", "2025-06-01"), (EPOCH_2026,) * 2, None),
    ("made in order", (None, None), (EPOCH_2026, EPOCH_2026 + DAY), None),
]


def run(args: list[str], epoch: int = EPOCH_2026) -> Any:
    return CliRunner().invoke(app, args, env={"SOURCE_DATE_EPOCH": str(epoch), "COLUMNS": "200"})


@pytest.mark.parametrize(
    ("as_of", "epochs", "named"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_an_old_assessment_later_than_the_new_one_is_warned_of(
    tmp_path: Path,
    as_of: tuple[Any, Any],
    epochs: tuple[int, int],
    named: tuple[str, str, str] | None,
) -> None:
    files = []
    for name, day, epoch in zip(("old", "new"), as_of, epochs, strict=True):
        saved = tmp_path / f"{name}.json"
        options = ["--as-of", day] if day else []
        done = run(["assess", str(SAMPLES / "cocoa.yaml"), "-q", *options, "-o", str(saved)], epoch)
        assert done.exit_code == 0, done.output
        files.append(str(saved))
    outputs = [str(tmp_path / f"d.{suffix}") for suffix in ("json", "md", "xlsx")]
    done = run(["diff", *files, "-q", *(a for out in outputs for a in ("-o", out))])
    assert done.exit_code == 0, done.output
    # (a gate is not changed by it either: no new flag at all, the chain being the same one)
    assert run(["diff", *files, "-q", "--fail-on-new", "low"]).exit_code == 0

    saved = json.loads(Path(outputs[0]).read_text("utf-8"))
    md = Path(outputs[1]).read_text("utf-8")
    book = load_workbook(outputs[2])
    notes = [v for item, v in book["About"].iter_rows(values_only=True) if item == "note"]
    assert saved["summary"]["dates_reversed"] is (named is not None)
    if named is None:
        assert saved["warnings"] == []
        assert "warning" not in done.stderr and "swapped" not in md and not notes
        return
    words, old, new = named
    text = (
        f"the OLD assessment ({words} {old}) is later than the NEW one ({words} {new}):"
        " the arguments may be swapped (give the earlier one first)"
    )
    assert [(w["type"], w["old"], w["new"], w["message"]) for w in saved["warnings"]] == [
        ("dates-reversed", old, new, text)
    ]
    assert done.stderr.splitlines() == [f"warning: {text}"]
    assert f"> **Warning:** {text}." in md
    assert notes == [text[0].upper() + text[1:] + "."]


def test_an_assessment_without_its_as_of_date_is_placed_by_when_it_was_made(
    tmp_path: Path,
) -> None:
    """A document that does not record its as-of date (made by hand, or cut down) is placed
    by its generation time."""
    from ddtool.diff import diff_assessments

    documents = []
    for name, epoch in (("old", EPOCH_2026 + DAY), ("new", EPOCH_2026)):
        saved = tmp_path / f"{name}.json"
        done = run(["assess", str(SAMPLES / "cocoa.yaml"), "-q", "-o", str(saved)], epoch)
        assert done.exit_code == 0, done.output
        document = json.loads(saved.read_text("utf-8"))
        document["options"].pop("as_of", None)
        documents.append(document)
    [warning] = diff_assessments(*documents)["warnings"]
    assert (warning["date"], warning["old"], warning["new"]) == (
        "generated_at",
        "2026-01-02T00:00:00+00:00",
        "2026-01-01T00:00:00+00:00",
    )
