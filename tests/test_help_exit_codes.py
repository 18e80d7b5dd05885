"""Each command's --help states its exit codes as its documentation does, in the same words:
batch's said it exits 2 "only when no member could be assessed", while a missing input, a
folder with no member files and bad options exit 2 too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from batch_support import copy_members
from typer.main import get_group
from typer.testing import CliRunner

from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]

# (the command, "" for ddtool itself; the document that states its exit codes)
HELP_IN_DOCS = [
    ("", "README.md"),
    ("batch", "docs/reports-and-batch.md"),
    ("diff", "docs/reports-and-batch.md"),
    ("validate", "docs/input-format.md"),
]


def _plain(text: str) -> str:
    """Text as read, not as marked up or wrapped: no backticks or bold, one space apart."""
    return " ".join(text.replace("`", "").replace("**", "").split()).casefold()


def _exit_codes(command: str) -> str:
    """The sentence of a command's help (of ddtool's, for "") that gives its exit codes,
    without its full stop."""
    group = get_group(app)
    found = group.commands[command] if command else group
    [sentence] = re.findall(r"exit .*?(?=\.(?:\s|$))", _plain(found.help or ""))
    return sentence


@pytest.mark.parametrize(("command", "document"), HELP_IN_DOCS)
def test_the_help_gives_the_exit_codes_in_the_documents_words(command: str, document: str) -> None:
    assert _exit_codes(command) in _plain((ROOT / document).read_text("utf-8"))


def test_the_help_of_assess_says_what_verify_exits_with() -> None:
    assert _exit_codes("assess") == (
        "exit 0 when done, 1 when a risk reaches --fail-on (with --verify: when the saved"
        " assessment does not reproduce), 2 on bad input or usage"
    )


def test_the_help_of_batch_names_every_exit_code() -> None:
    sentence = _exit_codes("batch")
    for code in ("exit 0 when done", "1 when --fail-on", "2 when", "130 when", "143 when"):
        assert code in sentence


# (what batch's help says exits 2, and the arguments of a run of that kind, in a folder
# holding `members/` with one valid member, `empty/` with no member file, `broken/` with one
# broken member)
BATCH_EXIT_2 = [
    ("an input does not exist", ["membrs"]),
    ("no member file was found", ["empty"]),
    ("the options, settings, profiles or anonymise.key are wrong", ["members", "-j", "0"]),
    ("the options, settings, profiles or anonymise.key are wrong", ["members", "--format", "pdf"]),
    ("no member could be assessed", ["broken"]),
]


@pytest.mark.parametrize(("said", "arguments"), BATCH_EXIT_2)
def test_batch_exits_2_where_its_help_says(
    said: str, arguments: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert said in _exit_codes("batch")
    copy_members(tmp_path / "members", "services")
    (tmp_path / "empty").mkdir()
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "kaiser.yaml").write_text("suppliers: [", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    done = CliRunner().invoke(app, ["batch", *arguments, "-o", "out", "-q"])
    assert done.exit_code == 2, done.output


def test_the_usage_of_batch_names_its_inputs_as_the_readme_does() -> None:
    """The usage line named them "{inputs}"; the README writes FILES_OR_FOLDERS…."""
    result = CliRunner().invoke(app, ["batch", "--help"])
    assert "{FILES_OR_FOLDERS}..." in result.output.splitlines()[0]
