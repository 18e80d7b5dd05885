"""The limits a chain file is read within (`--max-tiers` and the others): every command that
reads chains takes the same options, so the "raise the limit with --max-…" its errors give
can be followed; a batch applies them to every member, records them, and resumes a member
only when this run's limits would read its file too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_support import copy_members, read_summary
from openpyxl import load_workbook
from typer.main import get_group
from typer.testing import CliRunner

from ddtool.batch import BatchOptions, run_batch
from ddtool.cli import app
from ddtool.sources.interface import Limits, option_flag

LIMIT_OPTIONS = ["--max-file-mb", "--max-rows", "--max-depth", "--max-inflate-mb", "--max-tiers"]
# every command that reads chain files
READING = ["assess", "validate", "explain", "batch"]
TOO_DEEP = "the chain is more than 100 tiers deep"


def _deep_chain(folder: Path, tiers: int = 105, name: str = "mem3") -> Path:
    """A chain `tiers` deep, each row naming the row above it as its buyer."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [f"S{i},Supplier {i},{'' if i == 0 else f'S{i - 1}'}" for i in range(tiers)]
    path = folder / f"{name}.csv"
    path.write_text("Supplier ID,Supplier name,Buyer ID\n" + "\n".join(rows) + "\n", "utf-8")
    return path


def _limit_options(command: str) -> dict[str, tuple[object, str | None]]:
    """A command's --max-… options: each one's default and help text."""
    found = get_group(app).commands[command]
    return {
        flag: (param.default, getattr(param, "help", None))
        for param in found.params
        for flag in param.opts
        if flag.startswith("--max-")
    }


def test_every_command_reading_chains_takes_the_same_limits() -> None:
    """Same names, defaults and help everywhere (batch had none of them)."""
    expected = _limit_options("assess")
    defaults = {option_flag(name): value for name, value in Limits().as_dict().items()}
    assert {flag: default for flag, (default, _) in expected.items()} == defaults
    assert sorted(defaults) == sorted(LIMIT_OPTIONS)
    assert defaults["--max-tiers"] == 100 and defaults["--max-rows"] == 1_000_000
    for command in READING:
        assert _limit_options(command) == expected, command


def _invocation(command: str, path: Path, tmp_path: Path) -> list[str]:
    if command == "assess":
        return ["assess", str(path), "-q", "-o", str(tmp_path / "a.json")]
    if command == "explain":
        return ["explain", str(path), "S104"]
    if command == "batch":
        return ["batch", str(path), "-o", str(tmp_path / "out5"), "-j", "1"]
    return [command, str(path)]


@pytest.mark.parametrize("command", READING)
def test_a_chain_too_deep_is_refused_and_read_with_the_limit_raised(
    tmp_path: Path, command: str
) -> None:
    """The member of 105 tiers: refused with the limit named, read with --max-tiers 200."""
    path = _deep_chain(tmp_path / "in")
    refused = CliRunner().invoke(app, _invocation(command, path, tmp_path))
    assert refused.exit_code == 2, refused.output
    assert TOO_DEEP in refused.output and "raise the limit with --max-tiers" in refused.output
    raised = [*_invocation(command, path, tmp_path), "--max-tiers", "200"]
    taken = CliRunner().invoke(app, raised)
    assert taken.exit_code == 0, taken.output
    assert TOO_DEEP not in taken.output


def test_a_batch_applies_each_limit_to_every_member(tmp_path: Path) -> None:
    """A limit other than --max-tiers reaches the members too: --max-rows 50 refuses the
    chain of 105 rows, and only it."""
    folder = copy_members(tmp_path / "in", "cocoa")
    _deep_chain(folder)
    result = run_batch(
        [folder],
        tmp_path / "out",
        BatchOptions(formats=(".json",), jobs=1, limits=Limits(max_rows=50, max_tiers=200)),
    )
    status = {r["member"]: (r["status"], r.get("error", "")) for r in result.records}
    assert status["cocoa"] == ("ok", "")
    assert status["mem3"][0] == "failed" and "[too-many-rows]" in status["mem3"][1]


def test_a_batch_records_its_limits(tmp_path: Path) -> None:
    """In summary.json, its About sheet, and each member's result.json."""
    folder = copy_members(tmp_path / "in", "cocoa")
    out = tmp_path / "out"
    limits = Limits(max_tiers=200, max_rows=5000)
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, limits=limits))
    summary = read_summary(out)
    assert summary["schema_version"] == "1.10"
    assert summary["limits"] == {
        "max_file_mb": 200,
        "max_rows": 5000,
        "max_depth": 64,
        "max_inflate_mb": 1000,
        "max_tiers": 200,
    }
    record = json.loads((out / "cocoa" / "result.json").read_text(encoding="utf-8"))
    assert record["limits"] == summary["limits"]
    sheet = load_workbook(out / "summary.xlsx")["About"]
    about = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert about["limit --max-tiers"] == 200 and about["limit --max-rows"] == 5000
    assert about["limit --max-depth"] == 64


# (limits of the first run, of the resumed run): the member assessed in the first run
# whether it is assessed again; a limit lowered may refuse it now, one raised cannot
RESUMED = [
    (Limits(), Limits(), False),
    (Limits(), Limits(max_tiers=200), False),
    (Limits(max_tiers=200), Limits(max_tiers=300, max_rows=2_000_000), False),
    (Limits(max_tiers=200), Limits(), True),
    (Limits(max_rows=2_000_000), Limits(max_tiers=200), True),
]


@pytest.mark.parametrize(("first", "then", "again"), RESUMED)
def test_resume_keeps_a_member_only_when_this_run_would_read_it(
    tmp_path: Path, first: Limits, then: Limits, again: bool
) -> None:
    folder = copy_members(tmp_path / "in", "cocoa")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, limits=first))
    resumed = run_batch(
        [folder], out, BatchOptions(formats=(".json",), jobs=1, limits=then, resume=True)
    )
    assert resumed.skipped == (0 if again else 1)
    recorded = json.loads((out / "cocoa" / "result.json").read_text(encoding="utf-8"))
    assert recorded["limits"] == (then if again else first).as_dict()
    assert read_summary(out)["limits"] == then.as_dict()


def test_resume_with_a_limit_raised_assesses_the_member_refused_for_it_alone(
    tmp_path: Path,
) -> None:
    """As the error tells: `--resume --max-tiers 200` after a member was refused for its
    tiers assesses that member, and keeps the others."""
    folder = copy_members(tmp_path / "in", "cocoa")
    _deep_chain(folder)
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert first.exit_code == 0 and TOO_DEEP in first.output
    then = runner.invoke(
        app, ["batch", str(folder), "-o", str(out), "-j", "1", "--resume", "--max-tiers", "200"]
    )
    assert then.exit_code == 0, then.output
    assert "2 of 2 members assessed, 0 failed, 1 resumed" in then.output
    assert read_summary(out)["limits"]["max_tiers"] == 200


@pytest.mark.parametrize(
    ("stored", "resumed"),
    [
        ("absent", True),  # written before a batch took limits: within the defaults
        ({"max_tiers": "100"}, False),
        ({"max_levels": 3}, False),
        ([100], False),
    ],
)
def test_a_stored_record_of_other_or_unreadable_limits(
    tmp_path: Path, stored: object, resumed: bool
) -> None:
    folder = copy_members(tmp_path / "in", "cocoa")
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1)
    run_batch([folder], out, options)
    result = out / "cocoa" / "result.json"
    record = json.loads(result.read_text(encoding="utf-8"))
    if stored == "absent":
        del record["limits"]
    else:
        record["limits"] = stored
    result.write_text(json.dumps(record), encoding="utf-8")
    again = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True))
    assert again.skipped == (1 if resumed else 0)


MB = 1_048_576
# (file size in bytes, --max-file-mb, the size the error gives): never the limit itself
FILE_SIZES = [
    (int(1.37 * MB), 1, "1.4 MB"),  # was "1 MB, more than the limit of 1 MB"
    (int(1.96 * MB), 1, "2 MB"),
    (250 * MB, 200, "250 MB"),
    (int(200.04 * MB), 200, "200.04 MB"),
    (MB + 1, 1, "1,048,577 bytes"),  # (no fraction of a MB tells it from the limit)
]


@pytest.mark.parametrize(("size", "limit", "shown"), FILE_SIZES)
def test_a_file_over_the_size_limit_is_said_to_be_more_than_it(
    tmp_path: Path, size: int, limit: int, shown: str
) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:  # (sparse: the size is refused before a byte is read)
        handle.truncate(size)
    done = CliRunner().invoke(app, ["validate", str(path), "--max-file-mb", str(limit)])
    assert done.exit_code == 2
    said = " ".join(done.output.split())
    assert f"{shown}, more than the limit of {limit} MB (raise it with --max-file-mb)" in said
