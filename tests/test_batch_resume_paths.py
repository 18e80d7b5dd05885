"""`ddtool batch --resume` keeps a member's outputs only when they are of its file.

A member was resumed when its folder held a result of the same content, wherever that file
was: a copy of a member's file added at a path that sorts first took over its folder, and a
file moved within the folder given kept its outputs; each then named the other file, or the
old path (result.json's `file` and `member_path`, assessment.json's input, the reports'
Input), and the file the summary named was nowhere on disk. A member is now resumed only
when its recorded file and its path from the folder given are its own, and its content is
unchanged; otherwise it is assessed again, so every output names its own file.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from batch_support import SAMPLES, read_summary

from ddtool.batch import ANONYMISE_KEY_FILE, BatchOptions, run_batch, search_inputs

# (files before: path in `in` → sample chain, inputs given, files after, inputs given then,
# members resumed): the inputs are paths in `in` ("." for the folder itself)
CASES = {
    # a copy at a path that sorts first takes the folder `acme`: of another file
    "copy-sorting-first": (
        {"south/acme.yaml": "cocoa"},
        ["."],
        {"south/acme.yaml": "cocoa", "north/acme.yaml": "cocoa"},
        ["."],
        0,
    ),
    "moved-into-a-subfolder": (
        {"kessel.yaml": "cocoa", "coffee.yaml": "coffee"},
        ["."],
        {"west/kessel.yaml": "cocoa", "coffee.yaml": "coffee"},
        ["."],
        1,
    ),
    "moved-out-of-a-subfolder": (
        {"west/kessel.yaml": "cocoa", "coffee.yaml": "coffee"},
        ["."],
        {"kessel.yaml": "cocoa", "coffee.yaml": "coffee"},
        ["."],
        1,
    ),
    # given by itself, its path from the folder given is its name: the same for both
    "another-file-of-the-name": (
        {"a/acme.yaml": "cocoa", "b/acme.yaml": "cocoa"},
        ["a/acme.yaml"],
        {"a/acme.yaml": "cocoa", "b/acme.yaml": "cocoa"},
        ["b/acme.yaml"],
        0,
    ),
    "nothing-moved": (
        {"kessel.yaml": "cocoa", "west/coffee.yaml": "coffee"},
        ["."],
        {"kessel.yaml": "cocoa", "west/coffee.yaml": "coffee"},
        ["."],
        2,
    ),
    # a file of its name beside it renames the member ("acme" → "acme.yaml"), not its file
    # nor its folder: resumed, and its result.json gives its new name
    "named-anew": (
        {"acme.yaml": "cocoa"},
        ["."],
        {"acme.yaml": "cocoa", "x/acme.yaml": "coffee"},
        ["."],
        1,
    ),
}


def _lay_out(folder: Path, files: dict[str, str]) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    for path, sample in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / f"{sample}.yaml", folder / path)


def _inputs(given: list[str]) -> list[Path]:
    return [Path("in") / path if path != "." else Path("in") for path in given]


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
@pytest.mark.parametrize(("before", "given", "after", "then", "resumed"), CASES.values(), ids=CASES)
def test_a_resumed_run_writes_of_each_member_only_its_own_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    before: dict[str, str],
    given: list[str],
    after: dict[str, str],
    then: list[str],
    resumed: int,
    anonymise: bool,
) -> None:
    monkeypatch.chdir(tmp_path)  # (paths as typed: relative, as the reports name them)
    options = BatchOptions(formats=(".json", ".md"), jobs=1, anonymise=anonymise)
    _lay_out(Path("in"), before)
    run_batch(_inputs(given), Path("out"), options)
    _lay_out(Path("in"), after)
    again = run_batch(_inputs(then), Path("out"), replace(options, resume=True))

    members, _ = search_inputs(_inputs(then), exclude=Path("out"))
    assert {r["folder"] for r in again.records} == {m.folder for m in members}
    for member in members:
        folder = Path("out") / member.folder
        result = json.loads((folder / "result.json").read_text("utf-8"))
        assert Path(result["file"]).resolve() == member.path.resolve()
        assert (result["member"], result["member_path"]) == (member.name, member.member_path)
        assessment = json.loads((folder / "assessment.json").read_text("utf-8"))
        assert assessment["input"]["path"] == result["file"]
        report = (folder / "report.md").read_text("utf-8")
        assert f"| Input | {result['file']} (sha256" in report
    assert again.skipped == resumed

    # and the summary is the one a fresh run makes (with the same pseudonym key)
    Path("fresh").mkdir()
    if anonymise:
        shutil.copy(Path("out") / ANONYMISE_KEY_FILE, Path("fresh"))
    run_batch(_inputs(then), Path("fresh"), options)
    assert read_summary(Path("out")) == read_summary(Path("fresh"))


# (files: path from the test's folder → sample chain; the first run: working directory,
# inputs, output folder; what is done between the runs: ("move" or "copy", from, to); the
# second run; members resumed). Inputs and output folders are paths from the working
# directory, or from the test's folder where they start with "/".
Run = tuple[str, list[str], str]
ELSEWHERE: dict[str, tuple[dict[str, str], Run, list[tuple[str, str, str]], Run, int]] = {
    "another-working-directory": (
        {"work/in/kessel.yaml": "cocoa", "work/in/coffee.yaml": "coffee"},
        ("work", ["in"], "out"),
        [],
        (".", ["work/in"], "work/out"),
        2,
    ),
    "from-within-the-folder-given-then-from-above": (
        {"work/in/kessel.yaml": "cocoa", "work/in/west/coffee.yaml": "coffee"},
        ("work/in", ["."], "../out"),
        [],
        (".", ["work/in"], "work/out"),
        2,
    ),
    "absolute-then-relative": (
        {"work/in/kessel.yaml": "cocoa"},
        (".", ["/work/in"], "/work/out"),
        [],
        ("work", ["in"], "out"),
        1,
    ),
    "a-member-given-by-itself": (
        {"work/in/kessel.yaml": "cocoa"},
        ("work", ["in/kessel.yaml"], "out"),
        [],
        (".", ["work/in/kessel.yaml"], "work/out"),
        1,
    ),
    "input-and-output-moved-together": (
        {"work/in/kessel.yaml": "cocoa", "work/in/coffee.yaml": "coffee"},
        ("work", ["in"], "out"),
        [("move", "work", "moved")],
        (".", ["moved/in"], "moved/out"),
        2,
    ),
    # not resumed: another file, or the file at another path from the folder given
    "a-copy-of-the-folder-into-the-same-output": (
        {"work/in/kessel.yaml": "cocoa", "work/in/coffee.yaml": "coffee"},
        ("work", ["in"], "out"),
        [("copy", "work/in", "copy/in")],
        (".", ["copy/in"], "work/out"),
        0,
    ),
    "moved-within-the-folder-given": (
        {"work/in/kessel.yaml": "cocoa", "work/in/coffee.yaml": "coffee"},
        ("work", ["in"], "out"),
        [("move", "work/in/kessel.yaml", "work/in/west/kessel.yaml")],
        (".", ["work/in"], "work/out"),
        1,
    ),
    "another-file-of-the-name": (
        {"work/a/acme.yaml": "cocoa", "work/b/acme.yaml": "cocoa"},
        ("work", ["a/acme.yaml"], "out"),
        [],
        (".", ["work/b/acme.yaml"], "work/out"),
        0,
    ),
}


def _at(base: Path, path: str) -> Path:
    return base / path[1:] if path.startswith("/") else Path(path)


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
@pytest.mark.parametrize(
    ("files", "first", "between", "then", "resumed"), ELSEWHERE.values(), ids=ELSEWHERE
)
def test_a_member_is_resumed_from_any_working_directory(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str],
    first: Run,
    between: list[tuple[str, str, str]],
    then: Run,
    resumed: int,
    anonymise: bool,
) -> None:
    """Its file is the one its result.json names as the run that wrote it saw it, wherever
    either run is started; a copy of it, or it moved within the folder given, is not."""
    options = BatchOptions(formats=(".json",), jobs=1, anonymise=anonymise)
    for path, sample in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / f"{sample}.yaml", tmp_path / path)
    where, given, out = first
    monkeypatch.chdir(tmp_path / where)
    run_batch([_at(tmp_path, p) for p in given], _at(tmp_path, out), options)
    for how, source, target in between:
        (tmp_path / target).parent.mkdir(parents=True, exist_ok=True)
        if how == "move":
            (tmp_path / source).rename(tmp_path / target)
        else:
            shutil.copytree(tmp_path / source, tmp_path / target)

    where, given, out = then
    monkeypatch.chdir(tmp_path / where)
    inputs, outdir = [_at(tmp_path, p) for p in given], _at(tmp_path, out)
    again = run_batch(inputs, outdir, replace(options, resume=True))
    assert again.skipped == resumed
    members, _ = search_inputs(inputs, exclude=outdir)
    for member in members:
        result = json.loads((outdir / member.folder / "result.json").read_text("utf-8"))
        assert (outdir / result["file_from_output"]).resolve() == member.path.resolve()
        assert (result["member"], result["member_path"]) == (member.name, member.member_path)

    # and the summary is the one a fresh run makes (with the same pseudonym key)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    if anonymise:
        shutil.copy(outdir / ANONYMISE_KEY_FILE, fresh)
    run_batch(inputs, fresh, options)
    assert read_summary(outdir) == read_summary(fresh)
