"""The outputs of `ddtool report` are put in place together: when one cannot be made (a bug, a
full disk, a sheet too long for Excel), none is, every file that was there keeps its content,
no temporary file is left, and the error names the outputs not written. One file given twice
as an output is refused before anything is done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from saved_support import saved_services
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.reporters import ReportFormat, reporter_for
from ddtool.reporters.interface import ReporterError

ROOT = Path(__file__).resolve().parents[1]
CHAIN = ROOT / "sample_chains" / "services.yaml"
EARLIER = "from an earlier run\n"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return saved_services(tmp_path_factory)


def _raises(error: BaseException) -> Callable[..., None]:
    def write(self: Any, document: dict[str, Any], path: Path) -> None:
        raise error

    return write


# (case, the format whose writing fails, what it raises, what the error line says first)
FAILURES: list[tuple[str, str, BaseException, str]] = [
    ("a bug", ".html", RuntimeError("boom"), "internal error: RuntimeError: boom"),
    (
        "a part the check does not cover",
        ".csv",
        KeyError("indicator"),
        "not a complete ddtool assessment JSON: the report needs something it lacks or holds"
        " in another shape (KeyError: 'indicator')",
    ),
    (
        "a reporter's own error",
        ".xlsx",
        ReporterError("r.xlsx: sheet 'Risk register' would have more rows than Excel holds"),
        "r.xlsx: sheet 'Risk register' would have more rows than Excel holds",
    ),
    (
        "a full disk",
        ".csv",
        OSError(28, "No space left on device", "r.csv"),
        "r.csv: No space left on device",
    ),
]


@pytest.mark.parametrize(
    ("case", "failing", "error", "says"), FAILURES, ids=[c[0] for c in FAILURES]
)
def test_a_failed_output_leaves_none_written(
    tmp_path: Path,
    saved: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    failing: str,
    error: BaseException,
    says: str,
) -> None:
    monkeypatch.setattr(type(reporter_for(Path(f"r{failing}"))), "write", _raises(error))
    names = [f"r{fmt.value}" for fmt in ReportFormat]  # (the failing one among the others)
    (tmp_path / "r.md").write_text(EARLIER, encoding="utf-8")
    outputs = [arg for name in names for arg in ("-o", str(tmp_path / name))]
    done = CliRunner().invoke(app, ["report", str(saved), "-q", *outputs])
    assert done.exit_code == 2, done.output
    text = " ".join(done.output.split())
    assert text.startswith("error: ") and says in text, text
    listed = ", ".join(str(tmp_path / name) for name in names[:-1])
    assert (
        f"{listed} and {tmp_path / names[-1]} were not written (no output was left"
        f" half-written; {tmp_path / 'r.md'} keeps its earlier content)"
    ) in text
    assert sorted(os.listdir(tmp_path)) == ["r.md"]  # (no temporary file either)
    assert (tmp_path / "r.md").read_text(encoding="utf-8") == EARLIER
    assert "Traceback" not in text


def test_a_folder_made_for_outputs_not_written_goes(
    tmp_path: Path, saved: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(type(reporter_for(Path("r.csv"))), "write", _raises(RuntimeError("boom")))
    folder = tmp_path / "new" / "deeper"
    done = CliRunner().invoke(
        app, ["report", str(saved), "-o", str(folder / "r.md"), "-o", str(folder / "r.csv")]
    )
    assert done.exit_code == 2, done.output
    assert not (tmp_path / "new").exists()


def test_the_outputs_are_said_written_once_in_place(tmp_path: Path, saved: Path) -> None:
    outputs = [tmp_path / "out" / f"r{fmt.value}" for fmt in ReportFormat]
    done = CliRunner().invoke(
        app, ["report", str(saved), *(a for out in outputs for a in ("-o", str(out)))]
    )
    assert done.exit_code == 0, done.output
    assert all(out.stat().st_size > 0 for out in outputs)
    lines = [line for line in done.output.splitlines() if line.startswith(("wrote", "created"))]
    assert lines == [f"created folder {tmp_path / 'out'}", *(f"wrote {out}" for out in outputs)]
    assert sorted(os.listdir(tmp_path / "out")) == sorted(out.name for out in outputs)


# the Markdown report is stopped by Ctrl-C, after the JSON was made
STOPPED = """
import os, signal, sys, time
from ddtool.reporters import markdown_report
from ddtool.cli import main

def stop(path, data):
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(60)

markdown_report.write_atomic = stop
sys.argv = ["ddtool", "report", {saved!r}, "-q", "-o", "a.json", "-o", "b.md", "-o", "c.csv"]
main()
"""


def test_a_report_stopped_midway_writes_none(tmp_path: Path, saved: Path) -> None:
    (tmp_path / "c.csv").write_text(EARLIER, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", STOPPED.format(saved=str(saved))],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 130, run.stderr
    assert run.stderr.strip() == (
        "interrupted: a.json, b.md and c.csv were not written (no output was left"
        " half-written; c.csv keeps its earlier content)"
    )
    assert sorted(os.listdir(tmp_path)) == ["c.csv"]
    assert (tmp_path / "c.csv").read_text(encoding="utf-8") == EARLIER


# (command, its arguments before the outputs, the outputs): one file given twice
TWICE: list[tuple[str, list[str], list[str]]] = [
    ("report", ["{saved}", "-q"], ["x.md", "x.md"]),
    ("report", ["{saved}", "-q"], ["x.md", "r.csv", "sub/../x.md"]),
    ("diff", ["{saved}", "{saved}", "-q"], ["d.json", "./d.json"]),
    ("assess", [str(CHAIN), "-q"], ["a.json", "a.json"]),
]


# (command, its arguments before the output, the example file name the error gives)
A_FOLDER: list[tuple[str, list[str], str]] = [
    ("report", ["{saved}", "-q"], "report.xlsx"),
    ("assess", [str(CHAIN), "-q"], "report.xlsx"),
    ("diff", ["{saved}", "{saved}", "-q"], "diff.md"),
    ("template", [], "suppliers.xlsx"),
]


@pytest.mark.parametrize(("command", "arguments", "example"), A_FOLDER)
def test_a_folder_given_as_an_output_is_refused_with_a_file_name_to_give(
    tmp_path: Path, saved: Path, command: str, arguments: list[str], example: str
) -> None:
    """(Said before its suffix: a folder has none, and "unknown output format '(none)'" did
    not say what was wrong.)"""
    folder = tmp_path / "out"
    folder.mkdir()
    args = [a.format(saved=saved) for a in arguments]
    done = CliRunner().invoke(app, [command, *args, "-o", str(folder)])
    assert done.exit_code == 2, done.output
    said = " ".join(done.output.split())
    assert f"error: {folder} is a folder: give a file name such as {folder / example}" in said
    assert os.listdir(folder) == []


@pytest.mark.parametrize(
    ("outputs", "refused"),
    [
        (["Report.md", "report.md"], True),
        (["A/x.csv", "a/x.csv"], True),
        (["report.md", "report.csv"], False),
        # (macOS and Windows fold letter by letter: ß is not ss there, as casefold has it)
        (["straße.md", "STRASSE.md"], False),
    ],
)
def test_outputs_whose_names_differ_in_case_only_are_refused(
    tmp_path: Path, saved: Path, outputs: list[str], refused: bool
) -> None:
    """They are one file on macOS and Windows: the second would replace the first there, and
    the run would say it wrote both. Refused on every system, so a command does the same."""
    paths = [tmp_path / out for out in outputs]
    done = CliRunner().invoke(
        app, ["report", str(saved), "-q", *(a for p in paths for a in ("-o", str(p)))]
    )
    said = " ".join(done.output.split())
    if refused:
        assert done.exit_code == 2, said
        assert (
            f"error: {paths[1]}: given twice as an output (as {paths[0]}): names that differ"
            " in case only are one file on macOS and Windows; give each output once"
        ) in said
        assert os.listdir(tmp_path) == []
    else:
        assert done.exit_code == 0, said
        assert sorted(os.listdir(tmp_path)) == sorted(outputs)


def test_an_output_that_is_an_input_in_another_case_is_refused(tmp_path: Path, saved: Path) -> None:
    """On macOS and Windows `-o Saved.json` replaces saved.json: refused on every system."""
    out = saved.with_name(saved.name.upper())
    done = CliRunner().invoke(app, ["report", str(saved), "-q", "-o", str(out)])
    assert done.exit_code == 2, done.output
    assert (
        f"error: {out}: refusing to overwrite an input file, the assessment this run renders"
        f" ({saved}: names that differ in case only are one file on macOS and Windows): choose"
        " another -o path"
    ) in " ".join(done.output.split())
    assert not out.exists()


@pytest.mark.parametrize("below", ["r.md", "sub/r.md", "sub/deeper/r.md"])
def test_a_missing_folder_that_cannot_be_made_is_named(below: str) -> None:
    """/proc takes no new folder: the error names the folder that would be made there, not
    /proc as the place the file could not be written in."""
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc")
    out = Path("/proc/ddtool-nope") / below
    done = CliRunner().invoke(app, ["assess", str(CHAIN), "-q", "-o", str(out)])
    assert done.exit_code == 2, done.output
    said = " ".join(done.output.split())
    assert (
        f"error: {out}: cannot be written: folder /proc/ddtool-nope does not exist and cannot"
        " be made in /proc:"
    ) in said


@pytest.mark.parametrize(("command", "arguments", "outputs"), TWICE)
def test_one_output_given_twice_is_refused(
    tmp_path: Path, saved: Path, command: str, arguments: list[str], outputs: list[str]
) -> None:
    (tmp_path / "sub").mkdir()
    args = [a.format(saved=saved) for a in arguments]
    paths = [tmp_path / out for out in outputs]
    done = CliRunner().invoke(app, [command, *args, *(a for p in paths for a in ("-o", str(p)))])
    assert done.exit_code == 2, done.output
    first, again = paths[0], paths[-1]
    also = "" if str(first) == str(again) else f" (as {first})"
    assert f"error: {again}: given twice as an output{also}; give each output once" in (
        " ".join(done.output.split())
    )
    assert sorted(os.listdir(tmp_path)) == ["sub"]


def test_the_json_report_of_a_saved_assessment_is_that_assessment(
    tmp_path: Path, saved: Path
) -> None:
    """(What the report checks changes nothing in what it writes.)"""
    out = tmp_path / "again.json"
    done = CliRunner().invoke(app, ["report", str(saved), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(saved.read_text("utf-8"))
