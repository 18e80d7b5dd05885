"""`ddtool batch` members and their names: pseudonyms that other files do not change, links
inside a members folder that lead nowhere, names that a terminal line cannot show, and
file names that are not UTF-8."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from batch_support import SAMPLES, read_summary
from typer.testing import CliRunner

from ddtool.batch import (
    ANONYMISE_KEY_FILE,
    BatchOptions,
    anonymise_key,
    pseudonym,
    run_batch,
    shown_text,
)
from ddtool.cli import app

# (the files of the first run, those added for the second, the inputs given, relative to
# the folder `in`), then the member followed and its path from the folder given, which
# its pseudonym is made from
PSEUDONYMS = [
    (["north/acme.yaml"], ["south/acme.yaml"], ["."], "north/acme.yaml", "north/acme.yaml"),
    (["acme.yaml"], ["acme.csv"], ["."], "acme.yaml", "acme.yaml"),
    (["acme.yaml", "x/y.yaml"], ["x/acme.yaml"], ["."], "acme.yaml", "acme.yaml"),
    (["north/acme.yaml"], ["south/acme.yaml"], ["north"], "north/acme.yaml", "acme.yaml"),
    (["north/acme.yaml"], [], ["north/acme.yaml"], "north/acme.yaml", "acme.yaml"),
]


def _put(folder: Path, names: list[str]) -> None:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".csv"):
            (folder / name).write_text(
                "Supplier ID,Supplier name,Country,Sector\nS1,Werk,Germany,software-services\n",
                encoding="utf-8",
            )
        else:
            shutil.copy(SAMPLES / "services.yaml", folder / name)


@pytest.mark.parametrize(("first", "added", "given", "followed", "key"), PSEUDONYMS)
def test_a_pseudonym_does_not_change_when_other_files_appear(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    first: list[str],
    added: list[str],
    given: list[str],
    followed: str,
    key: str,
) -> None:
    """north/acme.yaml was "member-<sha of acme>" until south/acme.yaml appeared, then
    "member-<sha of north/acme.yaml>": the same member, two pseudonyms."""
    folder = tmp_path / "in"
    _put(folder, first)
    monkeypatch.chdir(folder)
    options = BatchOptions(formats=(".json",), jobs=1, anonymise=True)
    for run in ("before", "after"):
        result = run_batch([Path(g) for g in given], tmp_path / run, options)
        ranking = read_summary(tmp_path / run)["ranking"]
        secret, _ = anonymise_key(tmp_path / run)
        assert pseudonym(key, secret) in [r["member"] for r in ranking]
        assert len({r["member"] for r in ranking}) == len(ranking)  # each its own
        record = next(r for r in result.records if Path(r["file"]).resolve() == folder / followed)
        assert record["member_path"] == key
        _put(folder, added)


def test_two_folders_given_with_the_same_file_keep_apart(tmp_path: Path) -> None:
    """acme.yaml in both folders given: each is named by its path from the folder shared."""
    _put(tmp_path, ["north/acme.yaml", "south/acme.yaml"])
    options = BatchOptions(formats=(".json",), jobs=1, anonymise=True)
    result = run_batch([tmp_path / "north", tmp_path / "south"], tmp_path / "out", options)
    assert [r["member_path"] for r in result.records] == ["north/acme.yaml", "south/acme.yaml"]


def test_a_link_leading_nowhere_in_a_members_folder_is_a_failed_member(tmp_path: Path) -> None:
    """It was left out without a word: "1 of 1 members assessed"."""
    folder = tmp_path / "in"
    _put(folder, ["services.yaml"])
    (folder / "gone.yaml").symlink_to(tmp_path / "nowhere" / "gone.yaml")
    (folder / "notes.txt.bak").symlink_to(tmp_path / "nowhere")  # (no member suffix)
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert done.exit_code == 0, done.output
    summary = read_summary(out)
    assert (summary["members"], summary["assessed"], summary["failed"]) == (2, 1, 1)
    error = f"{folder / 'gone.yaml'}: a link to {tmp_path / 'nowhere' / 'gone.yaml'}, which"
    error += " does not exist [broken-link]"
    assert summary["failures"] == [
        {
            "member": "gone",
            "file": str(folder / "gone.yaml"),
            "folder": "gone",
            "errors": 1,
            "error": error,
        }
    ]
    assert f"[1/2] gone failed: {error}" in done.output.splitlines()


SHOWN = [
    ("plain name [2026]", "plain name [2026]"),
    ("two\nlines", "two\\nlines"),
    ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
    ("cr\rtab\tdel\x7f", "cr\\rtab\\tdel\\x7f"),
    ("\u202egnp.exe", "\\u202egnp.exe"),
    ("Süßwaren 東京", "Süßwaren 東京"),
    ("already \\n shown", "already \\n shown"),
    ("M\udcfcller", "M\\xfcller"),  # (a byte of a name that is not UTF-8)
]


@pytest.mark.parametrize(("text", "shown"), SHOWN)
def test_text_for_a_terminal_line(text: str, shown: str) -> None:
    assert shown_text(text) == shown
    assert shown_text(shown) == shown  # (shown twice: the same)


def test_names_a_terminal_cannot_show_are_escaped_in_the_progress_lines(tmp_path: Path) -> None:
    """A file name with a newline broke its progress line in two, and escape codes in one
    reached the terminal (colours, a cleared screen)."""
    folder = tmp_path / "in"
    _put(folder, ["two\nlines.yaml", "\x1b[2Jred.yaml", "plain.yaml"])
    (folder / "bad\x1b[5m.yaml").write_text("suppliers: [", encoding="utf-8")
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert done.exit_code == 0, done.output
    progress = [line for line in done.output.splitlines() if line.startswith("[")]
    assert len(progress) == 4
    assert "\x1b" not in "\n".join(progress)
    assert {line.split("] ", 1)[1].split(" ")[0] for line in progress} == {
        "two\\nlines",
        "\\x1b[2Jred",
        "plain",
        "bad\\x1b[5m",
    }
    failed = next(line for line in progress if "failed" in line)
    assert f"{shown_text(str(folder))}/bad\\x1b[5m.yaml, line 2: invalid YAML" in failed
    names = {r["member"] for r in read_summary(out)["ranking"]}  # the data keeps them
    assert names == {"two\nlines", "\x1b[2Jred", "plain"}


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
def test_the_summary_names_each_members_folder(tmp_path: Path, anonymise: bool) -> None:
    """Names in other scripts than Latin get folders "member", "member-…": the summary
    says which folder holds whose reports (not when anonymised: a folder name is a name)."""
    import json

    from openpyxl import load_workbook

    folder = tmp_path / "in"
    names = ["Поставщики.yaml", "供应商.yaml", "مورد.yaml", "acme.yaml"]
    _put(folder, names)
    (folder / "Ящик.yaml").write_text("suppliers: [", encoding="utf-8")  # broken
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=anonymise))
    summary = read_summary(out)
    ranked = {row["member"]: row["folder"] for row in summary["ranking"]}
    [failure] = summary["failures"]
    book = load_workbook(out / "summary.xlsx")["Ranking"]
    header = [cell.value for cell in book[1]]
    shown = [row[header.index("Folder")] for row in book.iter_rows(min_row=2, values_only=True)]
    if anonymise:
        assert set(ranked.values()) == {None} and failure["folder"] is None
        assert set(shown) == {None}
        return
    assert len(set(ranked.values())) == 4
    for member, name in ranked.items():  # the folder holds that member's own result
        result = json.loads((out / name / "result.json").read_text(encoding="utf-8"))
        assert result["member"] == member
    assert failure["member"] == "Ящик"
    assert json.loads((out / failure["folder"] / "result.json").read_text("utf-8"))["status"] == (
        "failed"
    )
    assert sorted(shown) == sorted(ranked.values())


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="named pipes: POSIX")
@pytest.mark.parametrize("name", ["pipe.csv", "pipe.txt"])
def test_a_named_pipe_in_a_members_folder_is_said_not_read(tmp_path: Path, name: str) -> None:
    """A pipe named like a chain file was left out without a word (skipped .txt notes are
    named); it is no file to read, and opening one (to see if a .txt is a note) would wait
    for a writer: the run is done in a thread, so a hang fails the test instead."""
    import os
    import threading

    folder = tmp_path / "in"
    _put(folder, ["acme.yaml"])
    os.mkfifo(folder / name)
    done: list[Any] = []
    worker = threading.Thread(
        target=lambda: done.append(
            run_batch([folder], tmp_path / "out", BatchOptions(formats=(".json",), jobs=1))
        ),
        daemon=True,
    )
    worker.start()
    worker.join(60)
    assert done, "the batch hung on the pipe"
    result = done[0]
    assert [r["member"] for r in result.records] == ["acme"]
    assert result.notes == [
        f"not read as members: 1 file in {folder}, not regular files (named pipes, sockets or"
        f" devices): {name}"
    ]
    assert read_summary(tmp_path / "out")["not_members"] == [
        {
            "path": str(folder),
            "reason": "not regular files (named pipes, sockets or devices)",
            "files": 1,
            "names": [name],
        }
    ]


@pytest.mark.parametrize("anonymise", [False, True], ids=["named", "anonymised"])
def test_the_summary_does_not_depend_on_the_order_of_the_inputs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, anonymise: bool
) -> None:
    """Failures were listed in the order the inputs were typed, and so were the folders not
    read: `batch north south` and `batch south north` gave other summaries."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    inputs = []
    for region in ("north", "south"):
        folder = tmp_path / region
        _put(folder, [f"{region}-ok.yaml"])
        (folder / f"{region}-broken.yaml").write_text("suppliers: [", encoding="utf-8")
        (folder / "notes.txt").write_text("call the members first\n", encoding="utf-8")
        inputs.append(folder)
    texts = []
    for run, given in (("one", inputs), ("two", inputs[::-1])):
        out = tmp_path / f"out-{run}"
        if anonymise and run == "two":  # (the same key: the same pseudonyms)
            out.mkdir()
            key = (tmp_path / "out-one" / ANONYMISE_KEY_FILE).read_text(encoding="ascii")
            (out / ANONYMISE_KEY_FILE).write_text(key, encoding="ascii")
        options = BatchOptions(formats=(".json", ".md"), jobs=1, anonymise=anonymise)
        if run == "two":
            options.formats = (".md", ".json")
        result = run_batch(given, out, options)
        assert len(result.failed) == 2
        texts.append((out / "summary.json").read_text(encoding="utf-8").replace(run, "RUN"))
        results = sorted(out.glob("*/result.json"))
        assert all(
            '"formats": [\n    ".json",\n    ".md"\n  ]' in r.read_text("utf-8") for r in results
        )
    assert texts[0] == texts[1]


def test_a_member_named_like_the_key_file_gets_another_folder(tmp_path: Path) -> None:
    """`anonymise.key.yaml` would get the folder `anonymise.key`: the key's own name."""
    folder = tmp_path / "in"
    _put(folder, [f"{ANONYMISE_KEY_FILE}.yaml", "acme.yaml"])
    out = tmp_path / "out"
    result = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=True))
    folders = {r["member"]: r["folder"] for r in result.records}
    assert folders[ANONYMISE_KEY_FILE] != ANONYMISE_KEY_FILE
    assert (out / ANONYMISE_KEY_FILE).is_file() and (out / folders[ANONYMISE_KEY_FILE]).is_dir()
    # (the two files are copies of one sample: said, each ranked as a member of its own)
    assert result.summary["failed"] == 0
    assert [note.split(":")[0] for note in result.notes] == [
        "files of the same content, each ranked as a member of its own"
    ]


def test_a_member_whose_name_would_be_anothers_path_is_named_by_its_path(tmp_path: Path) -> None:
    """acme.yaml beside acme.csv is named acme.yaml (its path); acme.yaml.csv was named by
    its stem, acme.yaml too: two summary rows named alike."""
    folder = tmp_path / "m"
    folder.mkdir()
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "acme.yaml")
    table = "Supplier ID,Supplier name,Country,Sector\nA,x,BGD,garment-manufacturing\n"
    for name in ("acme.csv", "acme.yaml.csv"):
        (folder / name).write_text(table, "utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    ranked = [r["member"] for r in read_summary(out)["ranking"]]
    assert sorted(ranked) == ["acme.csv", "acme.yaml", "acme.yaml.csv"]


def _bytes_named(folder: Path, name: bytes, text: str) -> Path:
    """A file whose name is these bytes (not UTF-8: made on Windows, unpacked from a zip)."""
    import os

    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(text.encode("utf-8"))
    except OSError:  # (a file system that takes UTF-8 names only)
        pytest.skip("file names that are not UTF-8 are refused here")
    return folder / os.fsdecode(name)


SERVICES = (SAMPLES / "services.yaml").read_text(encoding="utf-8")
NAMELESS = "company: {country: Austria}\nsuppliers:\n  - {id: W1, name: G, country: AT}\n"


def test_file_names_that_are_not_utf8_are_shown_escaped(tmp_path: Path) -> None:
    """`M\\xfcller.yaml` stopped the whole batch with an internal error (a result.json that
    UTF-8 cannot hold), leaving an empty output folder and no summary."""
    folder = tmp_path / "in"
    _bytes_named(folder, b"M\xfcller.yaml", SERVICES)
    _bytes_named(folder, b"N\xfcname.yaml", NAMELESS)  # (its company named after the file)
    _bytes_named(folder, b"B\xfcroken.yaml", "suppliers: [\n")
    _bytes_named(folder, b"C\xfcsv.csv", "id,name,country\nW1,G,AT\n")  # (no company given)
    out = tmp_path / "out"
    for resume in (False, True):
        options = BatchOptions(formats=(".json", ".md"), jobs=1, resume=resume)
        result = run_batch([folder], out, options)
        assert result.skipped == (3 if resume else 0)
    summary = read_summary(out)
    assert sorted((r["member"], r["company"]) for r in summary["ranking"]) == [
        ("C\\xfcsv", "C\\xfcsv"),
        ("M\\xfcller", "Donaupark Ingenieurbüro GmbH"),
        ("N\\xfcname", "N\\xfcname"),
    ]
    broken = f"{folder}/B\\xfcroken.yaml"
    assert [(f["member"], f["file"]) for f in summary["failures"]] == [("B\\xfcroken", broken)]
    assert summary["failures"][0]["error"].startswith(f"{broken}, line 2: invalid YAML")
    for folder_name in ("M_ller", "N_name", "B_roken"):
        record = json.loads((out / folder_name / "result.json").read_bytes().decode("utf-8"))
        assert "\\xfc" in record["file"] and "\\xfc" in record["member_path"]
    doc = json.loads((out / "M_ller" / "assessment.json").read_bytes().decode("utf-8"))
    assert doc["input"]["path"] == f"{folder}/M\\xfcller.yaml"
    assert shown_text("M\udcfcller") == "M\\xfcller"


def test_assess_takes_a_file_whose_name_is_not_utf8(tmp_path: Path) -> None:
    """Its JSON and Markdown reports ended in "internal error: TypeError"."""
    path = _bytes_named(tmp_path, b"M\xfcller.yaml", SERVICES)
    outputs = [tmp_path / "a.json", tmp_path / "a.md", tmp_path / "a.html"]
    args = ["assess", str(path), *(f"-o{out}" for out in outputs), "--quiet"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    doc = json.loads(outputs[0].read_bytes().decode("utf-8"))
    assert doc["input"]["path"] == doc["input"]["files"][0]["path"] == f"{tmp_path}/M\\xfcller.yaml"
    assert "/M\\\\xfcller.yaml" in outputs[1].read_text(encoding="utf-8")  # (Markdown: \\ is \)
