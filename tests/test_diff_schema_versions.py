"""Schema versions: `diff` of assessments of different schema versions names both and the
supplier fields it could not compare (on stderr, and as a note in the JSON, Markdown and
Excel diffs); a `schema_version` this ddtool cannot read (later than it writes, or no
MAJOR.MINOR text) is refused with a message located at `$.schema_version`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.assess import SCHEMA_VERSION, assess
from ddtool.cli import app
from ddtool.diff import AssessmentFileError, check_assessment

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
SCHEMA_1_0 = Path(__file__).resolve().parent / "assets" / "diff" / "cocoa-schema-1.0.json"
READS = "this ddtool reads 1.x and 2.0 to 2.7"


@pytest.fixture(scope="module")
def cocoa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The cocoa sample assessed by this ddtool (schema 2.7), as of 2026-01-01."""
    path = tmp_path_factory.mktemp("cocoa") / "cocoa.json"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        data = assess([SAMPLES / "cocoa.yaml"]).data
    path.write_text(json.dumps(data), "utf-8")
    return path


# (schema_version written, what the refusal says after "x.json: ", or None: read)
VERSIONS: list[tuple[Any, str | None]] = [
    (None, "not a valid ddtool assessment JSON ($.schema_version: a text expected, got null)"),
    (2.6, "not a valid ddtool assessment JSON ($.schema_version: a text expected, got 2.6)"),
    ("", 'not a ddtool assessment JSON ($.schema_version: "" is not a schema version'),
    ("2", 'not a ddtool assessment JSON ($.schema_version: "2" is not a schema version'),
    ("abc", 'not a ddtool assessment JSON ($.schema_version: "abc" is not a schema version'),
    ("2.8", "not a ddtool assessment JSON ($.schema_version: 2.8 is newer than this ddtool"),
    ("2.99", "not a ddtool assessment JSON ($.schema_version: 2.99 is newer than this ddtool"),
    ("3.0", "not a ddtool assessment JSON ($.schema_version: 3.0 is newer than this ddtool"),
    (SCHEMA_VERSION, None),
    ("2.6", None),  # (without the input files' sheets)
    ("2.0", None),
    ("1.0", None),
]


@pytest.mark.parametrize(("version", "refused"), VERSIONS, ids=[repr(v[0]) for v in VERSIONS])
def test_a_schema_version_this_ddtool_cannot_read_is_refused_where_it_is(
    cocoa: Path, version: Any, refused: str | None
) -> None:
    document = {**json.loads(cocoa.read_text("utf-8")), "schema_version": version}
    if refused is None:
        check_assessment(document, "x.json")
        return
    with pytest.raises(AssessmentFileError) as raised:
        check_assessment(document, "x.json")
    message = str(raised.value)
    assert message.startswith(f"x.json: {refused}")
    assert "None" not in message and "schema_version  " not in message
    if "is newer" in refused or "not a schema version" in refused:
        assert message.endswith(f"; {READS})")


def test_a_later_schema_version_fails_the_diff_with_exit_2(tmp_path: Path, cocoa: Path) -> None:
    later = tmp_path / "later.json"
    later.write_text(
        json.dumps({**json.loads(cocoa.read_text("utf-8")), "schema_version": "2.99"}), "utf-8"
    )
    done = CliRunner().invoke(app, ["diff", str(cocoa), str(later), "-q"])
    assert done.exit_code == 2
    assert f"{later}: not a ddtool assessment JSON ($.schema_version: 2.99 is newer" in (
        done.stderr
    )


# (case, the old assessment's schema_version and whether its entries hold certifications
#  and audits, the note's words after the versions, the fields not compared)
WARNED: list[tuple[str, str | None, str | None, list[str]]] = [
    (
        "1.0: no certification or audit recorded",
        None,  # (the 1.0 asset as it is)
        "certifications and audits could not be compared (schema 1.0 does not record them):"
        " a change of them is not listed",
        ["certifications", "audits"],
    ),
    (
        "2.5: every field compared",
        "2.5",
        "every field of the suppliers in both was compared",
        [],
    ),
    ("the same schema: nothing said", SCHEMA_VERSION, None, []),
]


@pytest.mark.parametrize(
    ("version", "said", "fields"), [w[1:] for w in WARNED], ids=[w[0] for w in WARNED]
)
def test_assessments_of_different_schema_versions_say_what_was_not_compared(
    tmp_path: Path, cocoa: Path, version: str | None, said: str | None, fields: list[str]
) -> None:
    if version is None:
        old, was = SCHEMA_1_0, "1.0"
    else:
        old, was = tmp_path / "old.json", version
        old.write_text(
            json.dumps({**json.loads(cocoa.read_text("utf-8")), "schema_version": version}),
            "utf-8",
        )
    outs = [tmp_path / f"d.{suffix}" for suffix in ("json", "md", "xlsx")]
    args = ["diff", str(old), str(cocoa), "-q", *(f"-o{out}" for out in outs)]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    saved = json.loads(outs[0].read_text("utf-8"))
    warned = [w for w in saved["warnings"] if w["type"] == "schema-differs"]
    assert saved["summary"]["schema_differs"] is (said is not None)
    md = outs[1].read_text("utf-8")
    book = load_workbook(outs[2])
    notes = [str(v) for k, v in book["About"].iter_rows(values_only=True) if k == "note"]
    if said is None:
        assert warned == [] and "schema" not in done.stderr
        assert "of schema" not in md and not any("of schema" in n for n in notes)
        return
    text = f"the OLD assessment is of schema {was} and the NEW one of {SCHEMA_VERSION}: {said}"
    [warning] = warned
    assert (warning["old"], warning["new"], warning["message"]) == (was, SCHEMA_VERSION, text)
    assert [f["field"] for f in warning["not_compared"]] == fields
    assert f"warning: {text}" in done.stderr.splitlines()
    assert f"> **Warning:** {text}." in md
    assert text[0].upper() + text[1:] + "." in notes
