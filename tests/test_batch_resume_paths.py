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
