"""`ddtool assess --verify` of an assessment whose input's name is not UTF-8: the JSON records
it as `M\\xfcller.yaml` (errors.path_text), and the re-run finds the file that text was
written for."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import path_from_text, path_text

ROOT = Path(__file__).resolve().parents[1]
COCOA = (ROOT / "sample_chains" / "cocoa.yaml").read_bytes()
SERVICES = (ROOT / "sample_chains" / "services.yaml").read_bytes()


def _bytes_named(folder: Path, name: bytes, content: bytes) -> Path:
    """A file whose name is these bytes (not UTF-8: made on Windows, unpacked from a zip)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as handle:
            handle.write(content)
    except OSError:  # (a file system that takes UTF-8 names only)
        pytest.skip("file names that are not UTF-8 are refused here")
    return folder / os.fsdecode(name)


def _assessed(chain: Path, saved: Path) -> dict[str, object]:
    done = CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(saved)])
    assert done.exit_code == 0, done.output
    document: dict[str, object] = json.loads(saved.read_bytes().decode("utf-8"))
    return document


def _verified(saved: Path) -> tuple[int, str]:
    done = CliRunner().invoke(app, ["assess", "--verify", str(saved)], env={"COLUMNS": "1000"})
    return done.exit_code, done.output


NAMES = [
    "M\udcfcller.yaml",  # (a byte of a name that is not UTF-8, as os.fsdecode holds it)
    "\udc80\udcff.csv",
    "Süß\udce4/x\udcfc.yaml",
    "a\ud800b",  # (another lone surrogate: \ud800)
    "plain.yaml",
    "Süßwaren 東京.yaml",
]


@pytest.mark.parametrize("name", NAMES)
def test_path_from_text_turns_path_text_back(name: str) -> None:
    assert path_from_text(path_text(name)) == name


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("M\\xfcller.yaml", "M\udcfcller.yaml"),
        ("M\\x7fller.yaml", "M\\x7fller.yaml"),  # (not a byte path_text writes: below 80)
        ("M\\xFCller.yaml", "M\\xFCller.yaml"),  # (path_text writes small letters)
        ("M\\udcfcller.yaml", "M\\udcfcller.yaml"),  # (written as \xfc, never so)
        ("a\\ud800b", "a\ud800b"),
        ("back\\slash", "back\\slash"),
    ],
)
def test_path_from_text_reads_only_what_path_text_writes(text: str, path: str) -> None:
    assert path_from_text(text) == path


@pytest.mark.parametrize("run_from", ["made", "elsewhere"])
def test_an_input_named_in_bytes_that_are_not_utf8_reproduces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_from: str
) -> None:
    """The saved path `M\\xfcller.yaml` is not the file's name: --verify said "input file(s)
    not found" (exit 2), from the folder the assessment was made in or any other."""
    folder = tmp_path / "made"
    chain = _bytes_named(folder, b"M\xfcller.yaml", COCOA)
    monkeypatch.chdir(folder)
    saved = folder / "assessment.json"
    document = _assessed(Path(chain.name), saved)
    assert document["input"] == {
        "path": "M\\xfcller.yaml",
        "sha256": document["input"]["sha256"],  # type: ignore[index]
        "files": [{"path": "M\\xfcller.yaml", "sha256": document["input"]["sha256"]}],  # type: ignore[index]
    }
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / run_from)
    code, output = _verified(saved)
    assert code == 0, output
    assert f"input {folder}/M\\xfcller.yaml: sha256 matches" in output
    assert "not compared: $.input" not in output  # (the re-run records it as saved)
    assert "reproduced" in output and "does not reproduce" not in output


def test_a_hand_edit_of_such_an_assessment_still_does_not_reproduce(tmp_path: Path) -> None:
    chain = _bytes_named(tmp_path, b"M\xfcller.yaml", COCOA)
    saved = tmp_path / "assessment.json"
    document = _assessed(chain, saved)
    document["suppliers"][3]["name"] = "Renamed"  # type: ignore[index]
    saved.write_text(json.dumps(document, indent=2), encoding="utf-8")
    code, output = _verified(saved)
    assert code == 1, output
    assert "results differ: $.suppliers[3]" in output and "saved 'Renamed'" in output
    assert "does not reproduce" in output


def test_such_an_input_changed_is_named_as_saved(tmp_path: Path) -> None:
    """Found, and said to have changed, by the name the JSON records (no text of a
    terminal line can hold the byte itself)."""
    chain = _bytes_named(tmp_path, b"M\xfcller.yaml", COCOA)
    saved = tmp_path / "assessment.json"
    _assessed(chain, saved)
    chain.write_bytes(COCOA + b"# edited\n")
    code, output = _verified(saved)
    assert code == 1, output
    assert f"input {tmp_path}/M\\xfcller.yaml changed: sha256" in output


def test_a_name_holding_backslash_x_itself_is_found_as_recorded(tmp_path: Path) -> None:
    """`M\\xfcller.yaml` in so many characters, beside `M<0xfc>ller.yaml`: both record the
    same text; each assessment re-runs the file with its own SHA-256, the name as recorded
    tried first."""
    literal = _bytes_named(tmp_path, b"M\\xfcller.yaml", SERVICES)
    named_in_bytes = _bytes_named(tmp_path, b"M\xfcller.yaml", COCOA)
    for chain, saved, identical in (
        (literal, tmp_path / "literal.json", "11 suppliers and 0 flags identical"),
        (named_in_bytes, tmp_path / "bytes.json", "29 suppliers and 55 flags identical"),
    ):
        assert _assessed(chain, saved)["input"]["path"] == f"{tmp_path}/M\\xfcller.yaml"  # type: ignore[index]
        code, output = _verified(saved)
        assert code == 0, output
        assert identical in output


def test_a_name_holding_backslash_x_itself_alone_reproduces(tmp_path: Path) -> None:
    """Only the literal name there: the name as recorded, not the one it would unescape to."""
    chain = tmp_path / "M\\xfcller.yaml"
    chain.write_bytes(SERVICES)
    saved = tmp_path / "assessment.json"
    assert _assessed(chain, saved)["input"]["path"] == str(chain)  # type: ignore[index]
    code, output = _verified(saved)
    assert code == 0, output
