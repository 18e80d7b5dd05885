"""Hostile input through the real CLI (time and memory bounded), fuzzing, atomic writes,
reproducibility."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.errors import InputError
from ddtool.sources import ReadOptions
from ddtool.validate import validate_chain

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "assets" / "bad"
sys.path.insert(0, str(ROOT / "tests" / "assets"))
from make_bad_assets import write_large_cases  # noqa: E402

MEMORY = 1 << 30  # 1 GB
SECONDS = 10
LARGE = {"zip_bomb.xlsx": "zip-bomb", "empty_rows.csv": "too-many-rows"}


@pytest.fixture(scope="module")
def large_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_large_cases(tmp_path_factory.mktemp("large-bad"))


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _cli(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "ddtool", *args],
        capture_output=True,
        text=True,
        timeout=SECONDS * 3,
        preexec_fn=_limited,
    )
    return done, time.perf_counter() - start


CORPUS = sorted(p.name for p in BAD.iterdir())


@pytest.mark.parametrize("name", CORPUS + sorted(LARGE))
def test_hostile_file_gives_exit_2_located_message_in_bounded_time_and_memory(
    name: str, large_cases: dict[str, Path]
) -> None:
    path = large_cases[name] if name in LARGE else BAD / name
    done, elapsed = _cli("validate", "--format", "json", str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert elapsed < SECONDS, f"{name} took {elapsed:.1f} s"
    [result] = json.loads(done.stdout)
    errors = [p for p in result["problems"] if p["severity"] == "error"]
    assert errors
    for problem in errors:
        assert problem["location"]["file"] == str(path)
        assert problem["message"] and problem["type"]
    if name in LARGE:
        assert errors[0]["type"] == LARGE[name]
    if name not in LARGE:
        return  # the human form of the small corpus is checked in-process (test_validate_cli)
    done, _ = _cli("validate", str(path))
    lines = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == len(errors) and all(str(path) in line for line in lines)


def test_limits_can_be_raised(tmp_path: Path) -> None:
    nested = tmp_path / "nested.yaml"
    nested.write_text(
        "suppliers:\n  - id: S1\n    name: x\n    note: " + "[" * 70 + "]" * 70 + "\n", "utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(nested)]).exit_code == 2
    assert runner.invoke(app, ["validate", str(nested), "--max-depth", "100"]).exit_code == 0
    rows = tmp_path / "rows.csv"
    rows.write_text("Supplier ID,Supplier name\n" + "".join(f"S{i},n{i}\n" for i in range(50)))
    assert runner.invoke(app, ["validate", str(rows), "--max-rows", "20"]).exit_code == 2
    assert runner.invoke(app, ["validate", str(rows), "--max-rows", "100"]).exit_code == 0


def test_workbook_warnings_for_formulas_and_error_values() -> None:
    result = validate_chain([BAD / "formulas_errors.xlsx"], ReadOptions())
    warnings = {p.type for p in result.problems if p.severity == "warning"}
    assert {"formulas", "error-values"} <= warnings


# -- fuzzing ---------------------------------------------------------------------------------

SECTORS = [
    "cocoa-farming",
    "garment-manufacturing",
    "software-services",
    "fishing-vessels",
    "artisanal-mining",
    "no such sector",
    "",
    None,
]
COUNTRIES = ["CIV", "Ghana", "DE", "Viet Nam", "Ivry Coast", "unknown", "", None, "ZZ"]
values = st.one_of(
    st.none(),
    st.integers(min_value=-10, max_value=10**6),
    st.integers(),  # beyond 64 bits too
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(
        ["60%", "1,200", "abc", "0,5", "-1", "2025-01-01", "#N/A", "=1+1", "Tier 2", "T0"]
    ),
)


@st.composite
def chains(draw: Any) -> dict[str, Any]:
    n = draw(st.integers(min_value=0, max_value=12))
    ids = [draw(st.sampled_from([f"S{i}", f"S{i}", "S0", "company", ""])) for i in range(n)]
    suppliers = []
    for i, sid in enumerate(ids):
        entry: dict[str, Any] = {"id": sid, "name": draw(st.text(max_size=20))}
        entry["country"] = draw(st.sampled_from(COUNTRIES))
        entry["sector"] = draw(st.sampled_from(SECTORS))
        if i and draw(st.booleans()):
            entry["buyers"] = draw(st.lists(st.sampled_from([*ids, "GHOST"]), max_size=2))
        for key in ("share", "workers", "migrant_pct", "female_pct", "tier", "own_code"):
            if draw(st.booleans()):
                entry[key] = draw(values)
        if draw(st.booleans()):
            entry["audits"] = [{"standard": "SMETA", "date": draw(values), "result": "pass"}]
        if draw(st.booleans()):
            entry["certifications"] = [{"name": "Fairtrade", "valid_until": draw(values)}]
        suppliers.append(entry)
    chain: dict[str, Any] = {"suppliers": suppliers}
    if draw(st.booleans()):
        chain["company"] = {"name": "Buyer", "country": draw(st.sampled_from(COUNTRIES))}
    return chain


def _write(folder: Path, chain: dict[str, Any], fmt: str) -> Path:
    if fmt == "yaml":
        path = folder / "chain.yaml"
        path.write_text(yaml.safe_dump(chain, allow_unicode=True), encoding="utf-8")
        return path
    header = [
        *("Supplier ID", "Name", "Country", "Sector", "Buyer IDs"),
        *("Share", "Workers", "Tier", "Own code"),
    ]
    rows = [
        [
            s.get("id"),
            s.get("name"),
            s.get("country"),
            s.get("sector"),
            ";".join(str(b) for b in s.get("buyers", [])),
            s.get("share"),
            s.get("workers"),
            s.get("tier"),
            s.get("own_code"),
        ]
        for s in chain["suppliers"]
    ]
    if fmt == "xlsx":  # cells as typed: numbers, dates, texts ("=…" a formula, "#N/A" an error)
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        workbook = Workbook()
        sheet = workbook.active
        sheet.append(header)
        for row in rows:  # (texts without the characters a workbook cannot hold)
            sheet.append(
                [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
            )
        path = folder / "chain.xlsx"
        workbook.save(path)
        return path
    import csv

    path = folder / "chain.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@settings(
    max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chain=chains(), fmt=st.sampled_from(["yaml", "csv", "xlsx"]))
def test_fuzz_readers_and_engine(
    tmp_path_factory: pytest.TempPathFactory, chain: dict[str, Any], fmt: str
) -> None:
    """No exception escapes; every error is located; valid chains assess deterministically."""
    path = _write(tmp_path_factory.mktemp("fuzz"), chain, fmt)
    result = validate_chain([path], ReadOptions())
    for problem in result.problems:
        assert problem.location.file == str(path)
        if problem.type in (
            "bad-number",
            "out-of-range",
            "unknown-country",
            "missing-id",
            "duplicate-id",
            "unknown-buyer",
            "self-loop",
            "bad-date",
        ):
            assert problem.location.line is not None or problem.location.row is not None
    try:
        first = assess([path])
    except InputError as e:
        assert not result.ok
        assert all(p.location.file == str(path) for p in e.problems)
        return
    assert result.ok
    assert assess([path]).to_json() == first.to_json()


# numbers no JSON writer takes (beyond 64 bits) or no chain holds: refused where they are,
# or, in a column of the user's own, kept as their digits
_HUGE = 10**24
HUGE_VALUES = [
    ("workers", {"workers": 1.8446744073709552e19}, "workers 1.84467e+19 must be between 0 and"),
    ("workers", {"workers": 20_000_000}, "workers 20,000,000 must be between 0 and 10,000,000"),
    ("tier", {"tier": 1e30}, "expected a tier number from 1 to 99"),
    ("tier", {"tier": "Tier 123456789012345678901234567890"}, "expected a tier from 1 to 99"),
    # written as YAML numbers (see below): Python reads no more than 4,300 digits
    ("workers", {"workers": "1" * 400}, "a number of 400 digits (at most 100 are read)"),
    ("name", {"name": "1" * 5000}, "a number of 5,000 digits (at most 100 are read)"),
]


@pytest.mark.parametrize(("key", "fields", "message"), HUGE_VALUES)
def test_huge_numbers_are_refused_where_they_are(
    tmp_path: Path, key: str, fields: dict[str, Any], message: str
) -> None:
    supplier = {"id": "S1", "country": "CIV", "sector": "cocoa-farming", **fields}
    path = _write(tmp_path, {"company": {"name": "X"}, "suppliers": [supplier]}, "yaml")
    text = path.read_text(encoding="utf-8")
    for value in fields.values():  # digits as a YAML number, not a quoted text
        if isinstance(value, str) and value.isdigit():
            text = text.replace(f"'{value}'", value)
    path.write_text(text, encoding="utf-8")
    done = CliRunner().invoke(app, ["assess", str(path), "-q", "-o", str(tmp_path / "a.json")])
    assert done.exit_code == 2, done.output
    assert message in done.output and "internal error" not in done.output
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("suppliers:")  # the supplier's key, not the company's
    line = next(i for i, text in enumerate(lines[start:], start + 1) if f" {key}:" in text)
    assert f"line {line}" in done.output
    assert not (tmp_path / "a.json").exists()


def test_huge_integers_in_extra_columns_are_kept_as_digits(tmp_path: Path) -> None:
    supplier = {
        "id": "S1",
        "country": "CIV",
        "sector": "cocoa-farming",
        "licence_no": _HUGE,
        "codes": [1, -_HUGE, {"inner": 2**64}, 2**64 - 1, -(2**63)],
    }
    path = _write(tmp_path, {"company": {"name": "X"}, "suppliers": [supplier]}, "yaml")
    out = tmp_path / "a.json"
    done = CliRunner().invoke(app, ["assess", str(path), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    attributes = json.loads(out.read_text(encoding="utf-8"))["suppliers"][0]["attributes"]
    assert attributes == {
        "codes": [1, str(-_HUGE), {"inner": str(2**64)}, 2**64 - 1, -(2**63)],
        "licence_no": str(_HUGE),
    }


# -- atomic writes ---------------------------------------------------------------------------

WRITER = """
import sys, time
from pathlib import Path
from ddtool.atomic import write_atomic_with

def slow(handle):
    for _ in range(200):
        handle.write(b"new data " * 1000)
        handle.flush()
        time.sleep(0.01)

write_atomic_with(Path(sys.argv[1]), slow)
"""


def test_killed_writer_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    target = tmp_path / "assessment.json"
    target.write_text('{"previous": true}\n', encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", WRITER, str(target)])
    time.sleep(0.5)  # mid-write
    assert process.poll() is None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert target.read_text(encoding="utf-8") == '{"previous": true}\n'


def test_output_paths_are_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    chain = ROOT / "sample_chains" / "services.yaml"
    copy = tmp_path / "chain.yaml"
    copy.write_bytes(chain.read_bytes())
    refused = runner.invoke(app, ["assess", str(copy), "-q", "-o", str(copy.with_suffix(".yaml"))])
    assert refused.exit_code == 2
    deep = tmp_path / "new" / "folder" / "a.json"
    assert runner.invoke(app, ["assess", str(copy), "-q", "-o", str(deep)]).exit_code == 0
    assert json.loads(deep.read_text(encoding="utf-8"))["schema_version"]


# -- reproducibility -------------------------------------------------------------------------


def test_verify_passes_then_fails_after_a_one_byte_change(tmp_path: Path) -> None:
    runner = CliRunner()
    chain = tmp_path / "chain.yaml"
    chain.write_bytes((ROOT / "sample_chains" / "coffee.yaml").read_bytes())
    saved = tmp_path / "assessment.json"
    assert runner.invoke(app, ["assess", str(chain), "-q", "-o", str(saved)]).exit_code == 0
    doc = json.loads(saved.read_text(encoding="utf-8"))
    assert doc["tool"]["version"] and doc["profiles"]["sha256"] and doc["input"]["sha256"]
    assert doc["options"]["as_of"] and doc["options"]["settings"]["thresholds"]
    ok = runner.invoke(app, ["assess", "--verify", str(saved)])
    assert ok.exit_code == 0, ok.output
    assert "reproduced" in ok.output
    data = bytearray(chain.read_bytes())
    data[-2] = ord(" ") if data[-2] != ord(" ") else ord("\t")
    chain.write_bytes(bytes(data))
    changed = runner.invoke(app, ["assess", "--verify", str(saved)])
    assert changed.exit_code == 1
    assert "changed" in changed.output


def test_verify_finds_inputs_beside_the_json_and_reports_missing_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "chain.yaml").write_bytes((ROOT / "sample_chains" / "coffee.yaml").read_bytes())
    monkeypatch.chdir(folder)
    assert runner.invoke(app, ["assess", "chain.yaml", "-q", "-o", "a.json"]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert runner.invoke(app, ["assess", "--verify", "work/a.json"]).exit_code == 0
    (folder / "chain.yaml").unlink()
    missing = runner.invoke(app, ["assess", "--verify", "work/a.json"])
    assert missing.exit_code == 2 and "not found" in missing.output


def test_report_refuses_an_incomplete_assessment(tmp_path: Path) -> None:
    saved = tmp_path / "a.json"
    runner = CliRunner()
    runner.invoke(
        app, ["assess", str(ROOT / "sample_chains" / "coffee.yaml"), "-q", "-o", str(saved)]
    )
    doc = json.loads(saved.read_text(encoding="utf-8"))
    del doc["summary"]
    saved.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["report", str(saved), "-o", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2 and "'summary'" in result.output
    assert not (tmp_path / "r.xlsx").exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda t: t.rstrip()[:-1] + ', "n": 1180591620717411303424}', "beyond 64 bits"),
        (lambda t: t.rstrip()[:-1] + ', "summary": {}}', "the key 'summary' appears twice"),
        (lambda t: t[: len(t) // 2], "invalid JSON at line"),
    ],
)
def test_report_refuses_what_no_assessment_holds(
    tmp_path: Path, change: Callable[[str], str], reason: str
) -> None:
    saved = tmp_path / "a.json"
    runner = CliRunner()
    chain = str(ROOT / "sample_chains" / "coffee.yaml")
    assert runner.invoke(app, ["assess", chain, "-q", "-o", str(saved)]).exit_code == 0
    saved.write_text(change(saved.read_text(encoding="utf-8")), encoding="utf-8")
    result = runner.invoke(app, ["report", str(saved), "-q", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 2, result.output
    assert f"{saved}: not a ddtool assessment JSON" in result.output.replace("\n", "")
    assert reason in result.output.replace("\n", "")
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["assess", "{chain}", "-q", "-o", "{blocked}/out.json"],
        ["assess", "{chain}", "-q", "-o", "{tmp}/first.json", "-o", "{blocked}/out.md"],
        ["report", "{saved}", "-q", "-o", "{blocked}/r.md"],
        ["diff", "{saved}", "{saved}", "-q", "-o", "{blocked}/d.md"],
        ["template", "-o", "{blocked}/t.xlsx"],
        ["batch", "{chain}", "-o", "{blocked}/out"],
        ["batch", "{chain}", "-o", "{chain}"],
    ],
)
def test_an_output_that_cannot_be_written_is_a_usage_error_before_any_work(
    tmp_path: Path, command: list[str]
) -> None:
    """A parent that is a file (or a place not writable) is named at once, exit 2, before
    anything is assessed or written (it was an internal error after all the work)."""
    chain = tmp_path / "chain.yaml"
    chain.write_bytes(
        (Path(__file__).resolve().parents[1] / "sample_chains/coffee.yaml").read_bytes()
    )
    saved = tmp_path / "saved.json"
    assert CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(saved)]).exit_code == 0
    blocked = tmp_path / "notes.txt"
    blocked.write_text("a file where a folder is wanted\n", encoding="utf-8")
    args = [a.format(chain=chain, saved=saved, blocked=blocked, tmp=tmp_path) for a in command]
    done = CliRunner().invoke(app, args)
    said = " ".join(done.output.split())  # (the terminal wraps long lines)
    assert done.exit_code == 2, said
    assert "internal error" not in said
    assert "cannot be written" in said or "is a file, not a folder" in said
    assert not (tmp_path / "first.json").exists()  # nothing written before the check


@pytest.mark.parametrize(
    "broken",
    [
        "atomic.tempfile.mkstemp = full",  # the folder made read-only meanwhile
        "atomic.os.fsync = full",  # a disk that fills as the file is written
        "atomic.os.replace = full",
    ],
)
@pytest.mark.parametrize("suffix", [".json", ".md"])
def test_a_failed_write_is_an_error_naming_the_output(
    tmp_path: Path, broken: str, suffix: str
) -> None:
    """Past the check, the error names the output the user gave, not a temporary file,
    and is no traceback; nothing is left behind."""
    out = tmp_path / f"out{suffix}"
    done = _assess_with_a_full_disk(out, broken)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"error: {out}: cannot be written: No space left on device; {out} was not written"
        " (no output was left half-written)"
    )
    assert list(tmp_path.iterdir()) == []


def _assess_with_a_full_disk(out: Path, broken: str) -> subprocess.CompletedProcess[str]:
    """`ddtool assess` of a sample into `out`, in a process where `broken` (a line such as
    `atomic.os.fsync = full`) makes the disk full."""
    chain = ROOT / "sample_chains" / "coffee.yaml"
    script = (
        "import sys, tempfile\n"
        "from ddtool import atomic\n"
        "def full(*a, **k): raise OSError(28, 'No space left on device')\n"
        f"{broken}\n"
        "from ddtool.cli import main\n"
        f"sys.argv = ['ddtool', 'assess', {str(chain)!r}, '-q', '-o', {str(out)!r}]\n"
        "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )


def test_a_failed_write_says_the_output_keeps_what_it_held(tmp_path: Path) -> None:
    """One output too says what the run left: the file from before, as it was."""
    out = tmp_path / "out.json"
    out.write_text("before", encoding="utf-8")
    done = _assess_with_a_full_disk(out, "atomic.os.fsync = full")
    assert done.returncode == 2
    assert done.stderr.strip().endswith(
        f"{out} was not written (no output was left half-written; {out} keeps its earlier content)"
    )
    assert out.read_text(encoding="utf-8") == "before"


@pytest.mark.parametrize("value", ["abc", "99999999999999", "1.5e9", "-", "-5", "-1767225600"])
def test_a_source_date_epoch_that_is_no_date_is_an_error(
    value: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Ignored, it gave a run its user believed pinned and reproducible, but was not."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "a.json"
    done = CliRunner().invoke(
        app, ["assess", str(ROOT / "sample_chains" / "coffee.yaml"), "-q", "-o", str(out)]
    )
    assert done.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in " ".join(done.output.split())
    assert not out.exists()


@pytest.mark.parametrize(
    ("command", "said"),
    [
        # an existing output folder (the check looped for ever on it)
        (["batch", "{chain}", "-o", "{tmp}/out"], "{tmp}/out: cannot be written in {tmp}/out:"),
        (["batch", "{chain}", "-o", "{tmp}/out", "--resume"], "cannot be written in {tmp}/out:"),
        (["batch", "{chain}", "-o", "{tmp}/new"], "{tmp}/new: cannot be written in {tmp}:"),
        (
            ["batch", "{chain}", "-o", "{tmp}/new/sub"],
            "folder {tmp}/new does not exist and cannot be made in {tmp}:",
        ),
        (["assess", "{chain}", "-q", "-o", "{tmp}/out/a.json"], "cannot be written in {tmp}/out:"),
    ],
)
def test_a_place_not_writable_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], said: str
) -> None:
    """A folder the user may not write in (as root every folder is writable: the check's
    temporary file is refused instead)."""
    import tempfile

    chain = tmp_path / "chain.yaml"
    chain.write_bytes((ROOT / "sample_chains" / "coffee.yaml").read_bytes())
    (tmp_path / "out").mkdir()

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refused)
    args = [a.format(chain=chain, tmp=tmp_path) for a in command]
    done = CliRunner().invoke(app, args)
    text = " ".join(done.output.split())
    assert done.exit_code == 2, text
    assert said.format(tmp=tmp_path) + " Permission denied" in text
