"""What `ddtool batch` prints about what it read and reached: the output of an earlier batch
left unread, a low level on missing data, member names with control characters."""

from __future__ import annotations

from pathlib import Path

from batch_support import copy_members, read_summary
from test_batch_options import MONACO
from typer.testing import CliRunner

from ddtool.cli import app


def _batch(*args: str) -> str:
    done = CliRunner().invoke(app, ["batch", *args, "-j", "1"])
    assert done.exit_code in (0, 1), done.output
    return done.output


def test_the_terminal_names_what_was_not_read_and_the_gaps_reached(tmp_path: Path) -> None:
    folder = copy_members(tmp_path / "in", "services")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    first = _batch(str(folder), "-o", str(folder / "reports-2026"))
    assert "not read as members" not in first
    again = _batch(str(folder), "-o", str(folder / "reports-2027"), "--fail-on", "low")
    [note] = [line for line in again.splitlines() if line.startswith("not read as members")]
    assert "reports-2026" in note and "earlier batch" in note
    assert "2 of 2 members assessed" in again  # (the old reports are no members)
    [monaco] = [line for line in again.splitlines() if line.strip().startswith("monaco (")]
    assert "child labour low (data gap)" in monaco


def test_a_member_name_with_control_characters_is_shown_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "two\nlines.yaml").write_text("suppliers: [", encoding="utf-8")  # broken
    (folder / "ok.yaml").write_text(MONACO, encoding="utf-8")
    output = _batch(str(folder), "-o", str(tmp_path / "out"))
    [failed] = [line for line in output.splitlines() if line.startswith("failed:")]
    assert "two\\nlines" in failed and "yaml-syntax" in failed
    assert "\x1b" not in output


def test_anonymised_the_terminal_names_the_failed_member_beside_its_pseudonym(
    tmp_path: Path,
) -> None:
    """The summary is for sharing; the terminal is the operator's, who must mend the file."""
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "kaiser.yaml").write_text("suppliers: [", encoding="utf-8")  # broken
    (folder / "ok.yaml").write_text(MONACO, encoding="utf-8")
    out = tmp_path / "out"
    output = _batch(str(folder), "-o", str(out), "--anonymise")
    [failed] = [line for line in output.splitlines() if line.startswith("failed:")]
    [failure] = json.loads((out / "summary.json").read_text("utf-8"))["failures"]
    assert failure["member"].startswith("member-") and "kaiser" not in json.dumps(failure)
    assert failed.startswith(f"failed: {failure['member']} (kaiser): ")
    assert str(folder / "kaiser.yaml") in failed


# (the options, then how a --fail-on line names a member: anonymised, as a failed member is
# named, its pseudonym beside the name the operator knows it by)
GATE_NAMES = [
    ([], "{name}"),
    (["--anonymise"], "{pseudonym} ({name})"),
]
GATE_RISKS = {
    "monaco": "child labour low (data gap), forced labour low (data gap), human trafficking"
    " low (data gap)",
    "services": "child labour low, forced labour low, human trafficking low",
}


def test_the_fail_on_lines_name_each_member_as_the_failure_lines_do(tmp_path: Path) -> None:
    """Anonymised, the --fail-on lines named pseudonyms alone, which the operator could not
    tell apart; the summary files, which are for sharing, still name none."""
    from openpyxl import load_workbook

    from ddtool.batch import anonymise_key, pseudonym

    folder = copy_members(tmp_path / "in", "services")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    (folder / "kaiser.yaml").write_text("suppliers: [", encoding="utf-8")  # broken
    for i, (options, form) in enumerate(GATE_NAMES):
        out = tmp_path / f"run{i}"
        output = _batch(str(folder), "-o", str(out), "-q", "--fail-on", "low", *options)
        key = anonymise_key(out)[0] if options else b""
        named = {pseudonym(f"{name}.yaml", key) if key else name: name for name in GATE_RISKS}
        summary = read_summary(out)
        expected = [
            form.format(pseudonym=row["member"], name=named[row["member"]])
            + f" ({GATE_RISKS[named[row['member']]]})"
            for row in summary["ranking"]
        ]
        lines = output.splitlines()
        assert lines[lines.index("--fail-on low reached by 2 of 2 members assessed:") + 1 :] == [
            f"  {line}" for line in expected
        ], output
        [failed] = [line for line in lines if line.startswith("failed:")]
        kaiser = form.format(pseudonym=summary["failures"][0]["member"], name="kaiser")
        assert failed.startswith(f"failed: {kaiser}: "), output
        if options:  # (the summary files name no member: every text in them)
            cells = [
                str(cell).casefold()
                for sheet in load_workbook(out / "summary.xlsx", read_only=True)
                for row in sheet.iter_rows(values_only=True)
                for cell in row
            ]
            for text in _texts(summary) + cells:
                assert "monaco" not in text and "kaiser" not in text, text
                assert text not in ("services", "services.yaml"), text  # (not legal-services)


def _texts(document: object) -> list[str]:
    """Every text in a JSON document, keys and values, casefolded."""
    if isinstance(document, dict):
        return [t for k, v in document.items() for t in [k.casefold(), *_texts(v)]]
    if isinstance(document, list):
        return [t for item in document for t in _texts(item)]
    return [document.casefold()] if isinstance(document, str) else []


def test_a_read_me_in_a_members_folder_is_no_failed_member(tmp_path: Path) -> None:
    """A README.txt beside the members' files was a failed member ("no header row"), which
    the board read as a member that failed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.txt").write_text("Member files for 2026\n\nAsk Anna.\n", "utf-8")
    (folder / "tabs.txt").write_text("Supplier ID\tSupplier name\nS1\tAlpha\n", "utf-8")
    (folder / "ok.yaml").write_text(MONACO, encoding="utf-8")
    output = _batch(str(folder), "-o", str(tmp_path / "out"))
    assert "2 of 2 members assessed, 0 failed" in output  # (tabs.txt is a member)
    [note] = [line for line in output.splitlines() if line.startswith("not read as members")]
    assert "1 file in" in note and "no table" in note


# (the options, then which kinds of line the run prints: progress "[1/2] …", "created folder",
# the summary line, "failed: …", the --fail-on lines)
QUIET_CASES = [
    ([], {"progress", "created", "summary", "failed"}),
    (["-q"], {"failed"}),
    (["--quiet", "--fail-on", "low"], {"failed", "gate"}),
    (["--fail-on", "low"], {"progress", "created", "summary", "failed", "gate"}),
]


def _kinds(output: str, out: Path) -> set[str]:
    kinds = {
        "progress": lambda line: line.startswith("[") and "/2] " in line,
        "created": lambda line: line == f"created folder {out}",
        "summary": lambda line: "members assessed" in line and "--fail-on" not in line,
        "failed": lambda line: line.startswith("failed: broken"),
        "gate": lambda line: line.startswith("--fail-on low reached by 1 of 1"),
    }
    lines = output.splitlines()
    return {kind for kind, found in kinds.items() if any(map(found, lines))}


def test_batch_quiet_prints_only_failures_and_gates(tmp_path: Path) -> None:
    """`-q` as for `assess`: no progress, no folder created said, no summary line; what
    failed and a gate reached are still said. Without it, a folder made is said."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "broken.yaml").write_text("suppliers: [", encoding="utf-8")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    for i, (options, expected) in enumerate(QUIET_CASES):
        out = tmp_path / f"run{i}" / "2026"  # (two folders to make)
        done = CliRunner().invoke(
            app, ["batch", str(folder), "-o", str(out), "-j", "1", "--format", "json", *options]
        )
        assert done.exit_code == (1 if "--fail-on" in options else 0), done.output
        assert _kinds(done.output, out) == expected, (options, done.output)
        assert (out / "summary.json").is_file()
