"""`ddtool batch`: fault isolation, nothing lost, resume, safe names, Dask."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.batch import ANONYMISE_KEY_FILE, BatchOptions, run_batch, safe_folder
from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from generate import write_members  # noqa: E402

MEMBERS = 8


@pytest.fixture(scope="module")
def members(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("members")
    write_members(folder, MEMBERS, seed=3)
    return folder


def _summary(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "summary.json").read_text(encoding="utf-8"))


def test_batch_assesses_every_member_and_lists_failures(members: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["batch", str(members), "-o", str(out), "--jobs", "2", "--format", "json,xlsx,md"]
    )
    assert result.exit_code == 0, result.output
    summary = _summary(out)
    assert summary["members"] == MEMBERS + 3
    assert summary["assessed"] == MEMBERS and summary["failed"] == 3
    assert [r["rank"] for r in summary["ranking"]] == list(range(1, MEMBERS + 1))
    failures = {f["member"]: f["error"] for f in summary["failures"]}
    assert set(failures) == {"broken-yaml", "broken-cycle", "broken-text"}
    assert "yaml-syntax" in failures["broken-yaml"]
    assert "cycle" in failures["broken-cycle"]
    assert "not-a-workbook" in failures["broken-text"]
    for row in summary["ranking"]:
        folder = out / row["member"]
        for name in ("assessment.json", "report.xlsx", "report.md", "result.json"):
            assert (folder / name).is_file(), (folder, name)
    assert (
        summary["hotspots"] and summary["hotspots"][0]["flags"] >= summary["hotspots"][-1]["flags"]
    )
    wb = load_workbook(out / "summary.xlsx")
    assert wb.sheetnames == ["Ranking", "Hotspots", "Failures", "About"]
    assert wb["Ranking"].max_row - 1 == MEMBERS
    assert wb["Failures"].max_row - 1 == 3
    # what every member was assessed with: the profiles (and no settings file here)
    from ddtool.profiles import load_profiles

    assert summary["profiles"]["sha256"] == load_profiles().sha256
    assert summary["profiles"]["overlays"] == [] and summary["settings"] is None
    about = {row[0]: row[1] for row in wb["About"].iter_rows(min_row=2, values_only=True)}
    assert about["risk profiles sha256"] == load_profiles().sha256


def test_interrupted_batch_resumes_to_the_same_summary(members: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    run_batch([members], full, BatchOptions(jobs=1))
    partial = tmp_path / "partial"

    class Stop(Exception):
        pass

    def stop_after_seven(done: int, total: int, member: Any, record: dict[str, Any]) -> None:
        if done == 7:  # the three broken files come first, then four members
            raise Stop

    with pytest.raises(Stop):
        run_batch([members], partial, BatchOptions(jobs=1), stop_after_seven)
    assert not (partial / "summary.json").exists()
    finished = [p for p in partial.iterdir() if (p / "result.json").is_file()]
    assert len(finished) == 7
    # a member whose output was damaged is redone, not trusted
    damaged = next(
        p for p in finished if json.loads((p / "result.json").read_text())["status"] == "ok"
    )
    (damaged / "assessment.json").write_text("{", encoding="utf-8")
    resumed = run_batch([members], partial, BatchOptions(jobs=1, resume=True))
    assert resumed.skipped == 3  # four finished members, one of them damaged
    assert _summary(partial) == _summary(full)
    assert json.loads((damaged / "assessment.json").read_text())["schema_version"]


def test_member_folders_never_escape_the_output_directory(tmp_path: Path) -> None:
    source = ROOT / "sample_chains" / "services.yaml"
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("..", "../../etc", "a b;rm -rf ~", "ÄÖÜ member"):
        assert "/" not in safe_folder(name) and safe_folder(name) not in ("", ".", "..")
    shutil.copy(source, inputs / "..evil name;rm -rf ~.yaml")
    shutil.copy(source, inputs / "services.yaml")
    out = tmp_path / "out"
    run_batch([inputs], out, BatchOptions(jobs=1))
    for child in out.iterdir():
        assert child.resolve().parent == out.resolve()


def test_anonymised_summary_uses_stable_pseudonyms(members: Path, tmp_path: Path) -> None:
    """The same pseudonyms in every run into the output folder, and in another folder given
    its key; none a guessed file name's plain hash gives away."""
    one, two, three = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    options = BatchOptions(jobs=1, anonymise=True, formats=(".json",))
    run_batch([members], one, options)
    summary = _summary(one)
    run_batch([members], one, options)
    assert _summary(one) == summary
    key = (one / ANONYMISE_KEY_FILE).read_text(encoding="ascii")
    assert re.fullmatch(r"[0-9a-f]{64}\n", key)
    assert (one / ANONYMISE_KEY_FILE).stat().st_mode & 0o077 == 0  # the owner's alone
    two.mkdir()
    (two / ANONYMISE_KEY_FILE).write_text(key, encoding="ascii")
    run_batch([members], two, options)
    assert _summary(two) == summary
    run_batch([members], three, options)  # a key of its own: other pseudonyms
    names = {r["member"] for r in summary["ranking"]}
    assert names.isdisjoint(r["member"] for r in _summary(three)["ranking"])
    paths = [
        r["member_path"]
        for r in (json.loads(p.read_text("utf-8")) for p in one.glob("*/result.json"))
    ]
    guessed = {"member-" + hashlib.sha256(p.encode("utf-8")).hexdigest()[:10] for p in paths}
    assert paths and names.isdisjoint(guessed)
    text = json.dumps(summary)
    assert "Member company" not in text and "member-0000" not in text
    assert all(
        r["member"].startswith("member-") and r["company"] is None for r in summary["ranking"]
    )


def test_exit_codes(members: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.yaml").write_text("suppliers: [", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(broken), "-o", str(tmp_path / "o1"), "--jobs", "1"])
    assert result.exit_code == 2
    result = runner.invoke(
        app,
        [
            "batch",
            str(members),
            "-o",
            str(tmp_path / "o2"),
            "--jobs",
            "1",
            "--format",
            "json",
            "--fail-on",
            "critical",
        ],
    )
    assert result.exit_code == 1
    result = runner.invoke(
        app, ["batch", str(members), "-o", str(tmp_path / "o3"), "--format", "pdf"]
    )
    assert result.exit_code == 2


def test_dask_cluster_gives_the_same_summary_as_local(
    members: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The members folder is given relative to the working directory: a Dask run named each
    failure's file, and its errors, by its absolute path, where a local run names it as
    given."""
    distributed = pytest.importorskip("distributed")
    monkeypatch.chdir(members.parent)
    given = Path(members.name)
    local = tmp_path / "local"
    run_batch([given], local, BatchOptions(jobs=2, formats=(".json",)))
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = tmp_path / "dask"
        result = run_batch(
            [given], remote, BatchOptions(scheduler=cluster.scheduler_address, formats=(".json",))
        )
    assert cluster.scheduler_address.startswith("tcp://")
    assert result.summary == _summary(local)
    assert _summary(remote) == _summary(local)
    failures = _summary(local)["failures"]
    assert failures and all(f["file"].startswith(f"{members.name}/") for f in failures)
    assert all(f["error"].startswith(f["file"]) for f in failures)
    for folder in sorted(p for p in local.iterdir() if p.is_dir()):
        done = [
            json.loads((out / folder.name / "result.json").read_bytes()) for out in (local, remote)
        ]
        assert done[0]["file"] == done[1]["file"] == f"{members.name}/{done[0]['member_path']}"
        if done[0]["status"] == "ok":
            paths = [_input_path(out / folder.name) for out in (local, remote)]
            assert paths[0] == paths[1] == done[0]["file"]


def _input_path(folder: Path) -> str:
    """The input path a member's assessment names."""
    return str(json.loads((folder / "assessment.json").read_bytes())["input"]["path"])


def test_an_output_folder_inside_the_members_folder_is_not_searched(tmp_path: Path) -> None:
    """A re-run (--resume) into a folder among the members read its own reports as members."""
    folder = tmp_path / "members"
    folder.mkdir()
    for name in ("cocoa", "coffee"):
        shutil.copy(ROOT / "sample_chains" / f"{name}.yaml", folder / f"{name}.yaml")
    out = folder / "out"
    for resume in (False, True):
        args = ["batch", str(folder), "-o", str(out), "--format", "xlsx,csv"]
        done = CliRunner().invoke(app, args + (["--resume"] if resume else []))
        assert done.exit_code == 0, done.output
        summary = _summary(out)
        assert (summary["members"], summary["assessed"]) == (2, 2)
        assert sorted(r["member"] for r in summary["ranking"]) == ["cocoa", "coffee"]
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["cocoa", "coffee"]


@pytest.mark.parametrize("given", ["folder", "folders", "files"])
@pytest.mark.parametrize("anonymise", [False, True])
def test_members_of_the_same_name_in_different_folders_stay_apart(
    tmp_path: Path, anonymise: bool, given: str
) -> None:
    found = tmp_path / "in"
    for place, sample in (("north", "coffee"), ("south", "cocoa")):
        (found / place).mkdir(parents=True)
        shutil.copy(ROOT / "sample_chains" / f"{sample}.yaml", found / place / "acme.yaml")
    inputs = {
        "folder": [found],
        "folders": [found / "north", found / "south"],
        "files": [found / "north" / "acme.yaml", found / "south" / "acme.yaml"],
    }[given]
    options = BatchOptions(formats=(".json",), jobs=1, anonymise=anonymise)
    run_batch(inputs, tmp_path / "out", options)
    names = [r["member"] for r in _summary(tmp_path / "out")["ranking"]]
    assert len(set(names)) == 2
    if not anonymise:
        assert sorted(names) == ["north/acme.yaml", "south/acme.yaml"]


def test_resume_reassesses_when_the_settings_changed(tmp_path: Path) -> None:
    """A resumed run under other settings mixed results made with two settings."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "sample_chains" / "cocoa.yaml", folder / "cocoa.yaml")
    strict = tmp_path / "strict.yaml"
    strict.write_text("flag_level: critical\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    changed = BatchOptions(formats=(".json",), jobs=1, config=str(strict), resume=True)
    second = run_batch([folder], out, changed)
    again = run_batch([folder], out, changed)
    assert (first.skipped, second.skipped, again.skipped) == (0, 0, 1)
    fresh = run_batch([folder], tmp_path / "fresh", replace(changed, resume=False))
    assert [r["flags_by_level"] for r in again.records] == [
        r["flags_by_level"] for r in fresh.records
    ]
    assert again.records[0]["flags"] < first.records[0]["flags"]


def test_resume_reassesses_on_another_as_of_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member assessed on an earlier day is assessed again: certificates expire and
    audits age, so its result would no longer be this run's."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "sample_chains" / "cocoa.yaml", folder / "cocoa.yaml")
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1, resume=True)

    def twice(options: BatchOptions) -> list[int]:
        return [run_batch([folder], out, options).skipped for _ in range(2)]

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    skipped = twice(options)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1830297600")  # 2028-01-01
    skipped += twice(options)
    # a date given (as `assess --as-of` gives one) is compared the same way
    skipped += twice(replace(options, as_of=dt.date(2027, 6, 30)))
    assert skipped == [0, 1, 0, 1, 0, 1]
    saved = json.loads((out / "cocoa" / "assessment.json").read_text(encoding="utf-8"))
    assert saved["options"]["as_of"] == "2027-06-30"


def test_resume_reassesses_what_another_ddtool_version_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another ddtool version may score alike or not: what it made is not resumed."""
    import ddtool

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "sample_chains" / "cocoa.yaml", folder / "cocoa.yaml")
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1, resume=True)
    assert run_batch([folder], out, options).skipped == 0
    assert run_batch([folder], out, options).skipped == 1
    monkeypatch.setattr(ddtool, "__version__", "99.0.0")
    assert run_batch([folder], out, options).skipped == 0


@pytest.mark.parametrize("text", ["not a key\n", "abc\n", "0" * 63 + "\n", "0" * 32 + "\n"])
def test_a_pseudonym_key_that_is_not_one_is_refused_before_any_work(
    members: Path, tmp_path: Path, text: str
) -> None:
    """A key file edited by hand would give other pseudonyms unseen: refused, exit 2, before
    any member is assessed, and the earlier summary is kept."""
    out = tmp_path / "out"
    run_batch([members], out, BatchOptions(jobs=1, anonymise=True, formats=(".json",)))
    before = {p.name: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    (out / ANONYMISE_KEY_FILE).write_text(text, encoding="ascii")
    done = CliRunner().invoke(
        app, ["batch", str(members), "-o", str(out), "--jobs", "1", "--anonymise"]
    )
    assert done.exit_code == 2, done.output
    assert f"{out / ANONYMISE_KEY_FILE}: not a pseudonym key" in done.output
    assert "Traceback" not in done.output
    after = {p.name: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    del before[ANONYMISE_KEY_FILE], after[ANONYMISE_KEY_FILE]
    assert after == before  # nothing assessed again, the summary kept


def test_a_new_key_is_never_readable_by_others(
    members: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written owner-only from its first byte (not chmod'ed after it is in place)."""
    import os

    seen: list[int] = []
    link = os.link

    def watched(src: Any, dst: Any) -> None:
        if str(dst).endswith(ANONYMISE_KEY_FILE):
            seen.append(os.stat(src).st_mode & 0o777)
        link(src, dst)

    monkeypatch.setattr(os, "link", watched)
    out = tmp_path / "out"
    run_batch([members], out, BatchOptions(jobs=1, anonymise=True, formats=(".json",)))
    assert seen == [0o600]
    assert (out / ANONYMISE_KEY_FILE).stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []  # no temporary


def test_a_key_put_in_place_during_the_run_is_kept_and_used(members: Path, tmp_path: Path) -> None:
    """A key copied in (or made by a run beside this one) while this run assessed its
    members is not replaced by this run's new one: the summary is made with it."""
    out = tmp_path / "out"
    given = bytes(range(32)).hex() + "\n"

    def progress(done: int, total: int, member: Any, record: dict[str, Any]) -> None:
        if done == 1:
            (out / ANONYMISE_KEY_FILE).write_text(given, encoding="ascii")

    options = BatchOptions(jobs=1, anonymise=True, formats=(".json",))
    run_batch([members], out, options, progress)
    assert (out / ANONYMISE_KEY_FILE).read_text(encoding="ascii") == given
    other = tmp_path / "other"
    other.mkdir()
    (other / ANONYMISE_KEY_FILE).write_text(given, encoding="ascii")
    run_batch([members], other, options)
    assert _summary(out)["ranking"] == _summary(other)["ranking"]


@pytest.mark.parametrize("text", ["\ufeff" + "ab" * 32 + "\r\n", "AB" * 32])
def test_a_key_saved_by_an_editor_is_read(members: Path, tmp_path: Path, text: str) -> None:
    """A byte-order mark, CRLF, no line end or capitals: the same key."""
    runs = []
    for name, written in (("plain", "ab" * 32 + "\n"), ("edited", text)):
        out = tmp_path / name
        out.mkdir()
        (out / ANONYMISE_KEY_FILE).write_text(written, encoding="utf-8")
        run_batch([members], out, BatchOptions(jobs=1, anonymise=True, formats=(".json",)))
        runs.append(_summary(out)["ranking"])
    assert runs[0] == runs[1]


def test_a_lost_key_is_said(members: Path, tmp_path: Path) -> None:
    """An anonymised summary there and no key: the new key's pseudonyms differ, and the run
    says so."""
    out = tmp_path / "out"
    options = BatchOptions(jobs=1, anonymise=True, formats=(".json",))
    assert run_batch([members], out, options).notes == []
    (out / ANONYMISE_KEY_FILE).unlink()
    notes = run_batch([members], out, options).notes
    assert notes == [
        f"a new pseudonym key was made ({out / ANONYMISE_KEY_FILE}): the members' pseudonyms"
        " differ from those of the summary this one replaced"
    ]


def test_a_failure_says_the_unread_column_that_may_be_its_cause(tmp_path: Path) -> None:
    """(a member's shares added up past 1 because its buyers column, "Compra de", was not
    read; the batch, which has no --map, said only the shares' error)"""
    members = tmp_path / "members"
    members.mkdir()
    (members / "frigorifico.csv").write_text(
        "Código;Fornecedor;País;Setor;Compra de;Participação (%)\n"
        "F-100;Fazenda A;Brasil;cattle ranch;;60\n"
        "F-101;Fazenda B;Brasil;cattle ranch;;60\n"
        "F-102;Fazenda C;Brasil;cattle ranch;F-100;50\n",
        "utf-8",
    )
    out = tmp_path / "out"
    CliRunner().invoke(app, ["batch", str(members), "-o", str(out)])
    [failure] = _summary(out)["failures"]
    assert "[shares-over-one]" in failure["error"]
    assert "; perhaps because: " in failure["error"]
    assert "column 'Compra de'" in failure["error"].partition("; perhaps because: ")[2]
