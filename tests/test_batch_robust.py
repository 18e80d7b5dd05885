"""`ddtool batch` under duress: workers that die, output folders among the inputs, long and
odd paths in messages, and what --fail-on, --resume and --anonymise say and keep."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

import pytest
from batch_support import SAMPLES, batch_with_workers, copy_members, read_summary, workers_left
from openpyxl import load_workbook
from typer.testing import CliRunner

import ddtool.assess
from ddtool import cli
from ddtool.batch import ANONYMISE_KEY_FILE, BatchOptions, pseudonym, run_batch
from ddtool.cli import app


def _result(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "result.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork",
    reason="the workers must inherit the patched assessment (fork start method)",
)
@pytest.mark.parametrize("dies", ["always", "once"])
def test_a_worker_that_ends_abruptly_fails_its_member_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dies: str
) -> None:
    """A worker killed (kill -9, the OOM killer) aborted the whole batch: "internal error:
    BrokenProcessPool", exit 2, no summary, the other members never assessed."""
    folder = copy_members(tmp_path / "in", "cocoa", "coffee", "services", "seafood")
    shutil.copy(SAMPLES / "services.yaml", folder / "huge.yaml")
    real = ddtool.assess.assess
    tried = tmp_path / "tried"  # (a worker's only trace the next worker can see)

    def assess_or_die(paths: list[Path], *args: Any, **kwargs: Any) -> Any:
        if paths[0].name == "huge.yaml" and (dies == "always" or not tried.exists()):
            tried.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # as the system does when memory runs out
        return real(paths, *args, **kwargs)

    monkeypatch.setattr(ddtool.assess, "assess", assess_or_die)
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-j", "2"])
    assert done.exit_code == 0, done.output
    summary = read_summary(out)
    assert "internal error" not in done.output
    assert summary["members"] == 5 and tried.exists()
    if dies == "always":
        assert (summary["assessed"], summary["failed"]) == (4, 1)
        error = f"{folder / 'huge.yaml'}: the worker assessing it ended abruptly (out of memory?)"
        assert summary["failures"] == [
            {
                "member": "huge",
                "file": str(folder / "huge.yaml"),
                "folder": "huge",
                "errors": 1,
                "error": error,
            }
        ]
        assert f"failed: huge: {error}" in done.output.splitlines()
        assert _result(out / "huge")["status"] == "failed"
    else:  # killed once, then assessed alone: nothing lost
        assert (summary["assessed"], summary["failed"]) == (5, 0)
    assert sorted(r["member"] for r in summary["ranking"] if r["member"] != "huge") == [
        "cocoa",
        "coffee",
        "seafood",
        "services",
    ]


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_workers_end_when_the_batch_is_killed(tmp_path: Path) -> None:
    """Killed with SIGKILL, the batch left its workers waiting for work forever."""
    batch, workers = batch_with_workers(tmp_path)
    batch.kill()
    batch.wait(timeout=10)
    assert workers_left(workers) == []


def test_a_member_folder_is_never_a_folder_of_members(tmp_path: Path) -> None:
    """With -o the input folder, north.yaml wrote its reports into north/ beside
    north/seafood.yaml, which the next run took for the batch's own: a member gone, unsaid."""
    folder = copy_members(tmp_path / "same", "cocoa", "coffee")
    shutil.copy(SAMPLES / "services.yaml", folder / "north.yaml")
    copy_members(folder / "north", "seafood")
    (folder / "mine").mkdir()  # a folder of the user's: never written into
    (folder / "mine" / "notes.pdf").write_bytes(b"%PDF")
    shutil.copy(SAMPLES / "services.yaml", folder / "mine.yaml")
    for resume in (False, False, True):
        result = run_batch([folder], folder, BatchOptions(jobs=1, resume=resume))
        summary = read_summary(folder)
        assert (summary["members"], summary["assessed"]) == (5, 5)
        assert {r["member"]: r["folder"] for r in result.records}["seafood"] == "seafood"
    folders = {r["member"]: r["folder"] for r in result.records}
    assert folders["north"].startswith("north-") and folders["mine"].startswith("mine-")
    assert result.skipped == 5
    assert sorted(p.name for p in (folder / "north").iterdir()) == ["seafood.yaml"]
    assert sorted(p.name for p in (folder / "mine").iterdir()) == ["notes.pdf"]


def test_a_failure_lists_its_errors_and_how_many_more(tmp_path: Path) -> None:
    """The text kept 5 problems without saying more existed, warnings among them as if they
    were reasons."""
    rows = [f"S{i},Werk {i},Atlantis {i},software-services,," for i in range(1, 8)]
    rows += [f"S{i},Werk {i},Germany,Kantinenbetrieb {i},," for i in range(8, 12)]
    member = tmp_path / "in" / "kaiser.csv"
    member.parent.mkdir()
    member.write_text(
        "Supplier ID,Supplier name,Country,Sector,Buyer ID,Share\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(member.parent), "-o", str(out)])
    assert done.exit_code == 2, done.output
    failure = read_summary(out)["failures"][0]
    error = failure["error"]
    assert error.count("[unknown-country]") == 5 and error.endswith(" (+2 more errors)")
    assert "unknown-sector" not in error
    assert failure["errors"] == 7
    record = _result(out / "kaiser")
    assert (record["errors"], record["warnings"], record["error"]) == (7, 4, error)
    sheet = load_workbook(out / "summary.xlsx")["Failures"]
    assert [c.value for c in sheet[1]] == ["Member", "File", "Folder", "Errors", "Error"]
    assert [c.value for c in sheet[2]] == ["kaiser", str(member), "kaiser", 7, error]


def test_paths_with_brackets_are_printed_as_they_are(tmp_path: Path) -> None:
    """Rich markup swallowed "[final]" and "[/]" ended a finished run with MarkupError."""
    folder = tmp_path / "in [2026]"
    folder.mkdir()
    shutil.copy(SAMPLES / "services.yaml", folder / "Lieferanten [alt].yaml")
    (folder / "broken [b].yaml").write_text("suppliers: [", encoding="utf-8")
    out = tmp_path / "out[/]x"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert f"1 of 2 members assessed, 1 failed, 0 resumed; summary in {out}/summary.xlsx" in lines
    assert any(line.startswith(f"failed: broken [b]: {folder}/broken [b].yaml") for line in lines)
    missing = folder / "Zirkel AG [alt].yaml"
    done = CliRunner().invoke(app, ["batch", str(missing), "-o", str(out)])
    assert done.exit_code == 2
    assert f"error: {missing}: no such file or folder" in done.output
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--format", "[/]"])
    assert done.exit_code == 2 and done.output.startswith("error: --format: unknown ")
    assert "[/]" in done.output.splitlines()[0]  # (printed as typed, not taken for markup)


def test_messages_are_not_cut_into_lines_for_a_log(tmp_path: Path) -> None:
    """Not on a terminal, failure and summary lines were wrapped at 80 columns."""
    folder = tmp_path / ("a-rather-long-folder-name-for-member-files-" * 2)
    folder.mkdir()
    (folder / "broken.yaml").write_text("suppliers: [", encoding="utf-8")
    shutil.copy(SAMPLES / "services.yaml", folder / "services.yaml")
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)], env={"COLUMNS": "80"})
    assert done.exit_code == 0, done.output
    error = read_summary(out)["failures"][0]["error"]
    assert len(error) > 80
    lines = done.output.splitlines()
    assert f"failed: broken: {error}" in lines
    assert f"1 of 2 members assessed, 1 failed, 0 resumed; summary in {out}/summary.xlsx" in lines


def test_fail_on_names_the_members_that_reached_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--fail-on exited 1 without a word on which members reached the level."""
    folder = copy_members(tmp_path / "in", "cocoa", "seafood", "services")
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--format", "json", "--fail-on", "high"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 1, done.output
    lines = done.output.splitlines()
    start = lines.index("--fail-on high reached by 2 of 3 members assessed:")
    reached = lines[start + 1 :]
    assert [line.split(" (")[0] for line in reached] == ["  cocoa", "  seafood"]
    assert "child labour critical" in reached[0] and "services" not in "".join(reached)
    monkeypatch.setattr(cli, "_REACHED_SHOWN", 1)
    done = CliRunner().invoke(app, [*args, "--resume"])
    assert done.exit_code == 1, done.output
    assert done.output.splitlines()[-2:] == [
        reached[0],
        f"  +1 more (every member's exposure is in {out}/summary.xlsx)",
    ]


def test_the_member_folders_do_not_depend_on_how_paths_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A resume with absolute paths after a run with relative ones assessed a same-named
    member again into a second folder."""
    for place, sample in (("north", "coffee"), ("south", "cocoa")):
        (tmp_path / place).mkdir()
        shutil.copy(SAMPLES / f"{sample}.yaml", tmp_path / place / "acme.yaml")
    copy_members(tmp_path, "services")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1)
    given = ["north", "south", "services.yaml"]
    first = run_batch([Path(p) for p in given], out, options)
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    for spelling in ([tmp_path / p for p in given], [Path(p) for p in reversed(given)]):
        again = run_batch(spelling, out, BatchOptions(formats=(".json",), jobs=1, resume=True))
        assert again.skipped == 3
        assert sorted(p.name for p in out.iterdir() if p.is_dir()) == folders
        assert {r["folder"] for r in again.records} == {r["folder"] for r in first.records}


def test_resume_takes_the_formats_in_any_order(tmp_path: Path) -> None:
    """--format html,xlsx after xlsx,html re-assessed every member."""
    folder = copy_members(tmp_path / "in", "cocoa", "services")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx", ".html"), jobs=1))
    again = BatchOptions(formats=(".json", ".html", ".xlsx"), jobs=1, resume=True)
    assert run_batch([folder], out, again).skipped == 2
    fewer = BatchOptions(formats=(".json", ".html"), jobs=1, resume=True)
    assert run_batch([folder], out, fewer).skipped == 0


def test_a_run_stopped_before_any_work_leaves_no_output_folder(tmp_path: Path) -> None:
    """A bad --config (or an unreachable scheduler) left an empty output folder behind."""
    folder = copy_members(tmp_path / "in", "services")
    bad = tmp_path / "bad.yaml"
    bad.write_text("flag_levle: high\n", encoding="utf-8")
    out = tmp_path / "out" / "run"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--config", str(bad)])
    assert done.exit_code == 2, done.output
    assert not (tmp_path / "out").exists()


def test_members_that_tie_are_ordered_by_pseudonym_when_anonymised(tmp_path: Path) -> None:
    """Ties were ordered by real name, so the pseudonyms' order gave the names' order away."""
    names = ["services", "A B Dienstleistungen", "A&B Dienstleistungen", "Zander"]
    key = bytes(range(32))  # the output folder's key, given (a new folder gets a random one)
    out = tmp_path / "out"
    out.mkdir()
    (out / ANONYMISE_KEY_FILE).write_text(key.hex() + "\n", encoding="ascii")
    by_name = [pseudonym(f"{n}.yaml", key) for n in sorted(names)]  # (its path from the folder)
    assert by_name != sorted(by_name)  # (else the test could not tell)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLES / "services.yaml", folder / f"{name}.yaml")
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=True))
    summary = read_summary(out)
    assert [r["member"] for r in summary["ranking"]] == sorted(by_name)
    assert all(order == sorted(by_name) for order in summary["ranking_by_risk_type"].values())
    plain = tmp_path / "plain"
    run_batch([folder], plain, BatchOptions(formats=(".json",), jobs=1))
    assert [r["member"] for r in read_summary(plain)["ranking"]] == sorted(names)


def test_a_failure_says_how_a_batch_maps_a_header(tmp_path: Path) -> None:
    """A batch has no --map: its hint is the columns: block of the --config file."""
    member = tmp_path / "in" / "schmid.csv"
    member.parent.mkdir()
    member.write_text("Kürzel;Staat\nS1;DEU\n", "utf-8")
    done = CliRunner().invoke(app, ["batch", str(member.parent), "-o", str(tmp_path / "out")])
    assert done.exit_code == 2, done.output
    assert "a columns: entry 'Header: field' in the --config file" in done.output
    assert "--map" not in done.output


def test_a_worker_whose_batch_died_before_it_started_ends() -> None:
    """A batch killed while its workers still started left them with another parent before
    they looked: they took it for the batch and waited for work forever."""
    import subprocess
    import sys

    code = (
        "import time\n"
        "from ddtool.batch import _prepare_worker\n"
        f"_prepare_worker({_gone_pid()})  # a batch no longer there\n"
        "time.sleep(60)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=30, check=False)
    assert done.returncode == 1


def _gone_pid() -> int:
    """The id of a process that has ended and been reaped."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.skipif(sys.platform != "linux", reason="a fork server (Linux)")
def test_a_batch_whose_workers_a_fork_server_starts_assesses_its_members(tmp_path: Path) -> None:
    """Workers started by a fork server (Python's default on Linux from 3.14) have the
    server as their parent: they took the batch for gone and ended at once."""
    import subprocess

    folder = copy_members(tmp_path / "in", "cocoa", "coffee")
    code = (
        "import multiprocessing, sys\n"
        "multiprocessing.set_start_method('forkserver', force=True)\n"
        "from ddtool.cli import app\n"
        "app()\n"
    )
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-c", code, "batch", str(folder), "-o", str(out), "-j", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert read_summary(out)["assessed"] == 2


def test_an_anonymised_summary_names_no_broken_links_target(tmp_path: Path) -> None:
    """A member file that is a link to nothing is a failure; its error named the link's
    target, most often the member's own name, in an anonymised summary too."""
    folder = tmp_path / "members"
    folder.mkdir()
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "ok.yaml")
    (folder / "Gone Holding AG.yaml").symlink_to(tmp_path / "elsewhere" / "Gone Holding AG.yaml")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1, anonymise=True))
    summary = json.loads((out / "summary.json").read_text("utf-8"))
    [failure] = summary["failures"]
    assert (
        failure["error"]
        == f"{failure['member']}: a link to a file that does not exist [broken-link]"
    )
    assert b"Gone Holding" not in (out / "summary.json").read_bytes()  # (the summary: the
    # member folders are each member's own reports, under its name)
    book = load_workbook(out / "summary.xlsx")
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not [c for c in cells if "Gone Holding" in c]


@pytest.mark.parametrize(
    ("company", "buyer"),
    [
        ("Hidden Secret AG", "Hidden Secret AG"),
        ("Hidden Secret AG", "hidden secret ag"),  # (as the buyers cell writes it)
    ],
)
def test_an_anonymised_summary_quotes_no_members_company_name(
    tmp_path: Path, company: str, buyer: str
) -> None:
    """A supplier naming its own company as buyer by name is an error that quotes it."""
    folder = tmp_path / "members"
    folder.mkdir()
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "ok.yaml")
    (folder / "member.yaml").write_text(
        f"company: {{name: {company}}}\nsuppliers:\n"
        f"  - {{id: A, name: X, country: CIV, sector: cocoa-farming, buyers: [{buyer}]}}\n",
        "utf-8",
    )
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1, anonymise=True))
    [failure] = read_summary(out)["failures"]
    assert "names buyer '<the member's company>', which is not in the chain" in failure["error"]
    assert b"ecret" not in (out / "summary.json").read_bytes()
    book = load_workbook(out / "summary.xlsx")
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not [c for c in cells if "ecret" in c]


def test_a_member_file_that_is_a_link_in_a_loop_fails_alone(tmp_path: Path) -> None:
    """(It stopped the whole batch: internal error, RuntimeError: Symlink loop.)"""
    folder = tmp_path / "members"
    folder.mkdir()
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "ok.yaml")
    (folder / "x.csv").symlink_to(folder / "x.csv")
    out = tmp_path / "out"
    result = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    summary = read_summary(out)
    assert [r["member"] for r in summary["ranking"]] == ["ok"]
    [failure] = summary["failures"]
    assert failure["error"].endswith(
        "x.csv: a link that leads round in a loop, to no file [broken-link]"
    )
    assert len(result.failed) == 1


@pytest.mark.parametrize(
    ("file", "buyer", "hidden"),
    [
        # a file named after the company, as files often are: the name is the company's
        ("Huber Fashion GmbH.csv", "Huber Fashion GmbH", True),
        # a file named with one plain word: every "chain" of a message is no company's name
        ("chain.csv", "NOPE", False),
    ],
)
def test_an_anonymised_error_hides_the_company_a_file_is_named_after(
    tmp_path: Path, file: str, buyer: str, hidden: bool
) -> None:
    folder = tmp_path / "members"
    folder.mkdir()
    (folder / file).write_text(
        f"id,name,country,sector,buyers\nA,X,CIV,cocoa-farming,{buyer}\n", "utf-8"
    )
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=True))
    [failure] = read_summary(out)["failures"]
    assert ("<the member's company>" in failure["error"]) == hidden
    assert "which is not in the chain" in failure["error"]
    assert buyer.encode() not in (out / "summary.json").read_bytes() or not hidden


def test_an_anonymised_error_quotes_no_short_name_of_the_company(tmp_path: Path) -> None:
    """A supplier naming its buyer by the company's name without its legal form, or by an id
    of its own ("MUELLER-HQ"), was quoted as written in the anonymised summary."""
    folder = tmp_path / "members"
    folder.mkdir()
    (folder / "member.yaml").write_text(
        "company: {name: Spielzeug Mueller GmbH & Co. KG}\nsuppliers:\n"
        "  - {id: A, name: X, country: CHN, sector: toys, buyers: [Spielzeug Mueller]}\n"
        "  - {id: B, name: Y, country: CHN, sector: toys, buyers: [MUELLER-HQ]}\n",
        "utf-8",
    )
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=True))
    [failure] = read_summary(out)["failures"]
    assert b"ueller" not in (out / "summary.json").read_bytes()
    assert "names buyer '<the member's company>'" in failure["error"]
    assert "names a buyer, which is not in the chain" in failure["error"]


_MEMBER = (
    "company: {{name: {company}, country: DEU}}\nsuppliers:\n"
    "  - {{id: S-1, name: s, country: {country}, sector: cotton-farming}}\n"
)

# (the member file's name, its text, and the name the anonymised summary must not hold)
LEAKS: list[tuple[str, str, str]] = [
    # a file name holding a character the error escapes (a no-break space, an ideographic
    # space, a tab): its path was not found in the error, and went out whole
    ("Zebra\u00a0Corp GmbH.yaml", _MEMBER.format(company="x", country="Narnia"), "Zebra"),
    ("株式会社\u3000山田.yaml", _MEMBER.format(company="x", country="Narnia"), "株式会社"),
    ("Tapir\tWorks.yaml", _MEMBER.format(company="x", country="Narnia"), "Tapir"),
    # a file named after the company with an underscore before its legal form
    (
        "Wombat_GmbH.csv",
        "id,name,country,sector,buyers\nW-1,One,BGD,cotton-farming,\nW-2,Two,Wombat,cotton-farming,W-1\n",
        "Wombat",
    ),
    # a YAML file that cannot be parsed: its company, on its first line, was never read
    (
        "c1.yaml",
        "company: {name: Capybara Logistics GmbH, country: DEU}\nsuppliers:\n  - id: C-1\n"
        '    name: "Capybara Logistics Hamburg\n   country: DEU\n',
        "Capybara",
    ),
    (
        "c2.yaml",
        "company:\n  name: Capybara Freight\n  country: DEU\nsuppliers:\n  - id: C-1\n"
        '    name: "Capybara Freight Bremen\n   country: DEU\n',
        "Capybara",
    ),
    # legal forms the short name was not taken from, and a name of two letters
    *(
        (f"lf{i}.yaml", _MEMBER.format(company=company, country=company.split()[0]), short)
        for i, (company, short) in enumerate(
            [
                ("Kranich SE", "Kranich"),
                ("Reiher OHG", "Reiher"),
                ("Storch UG (haftungsbeschränkt)", "Storch"),
                ("Amsel e.K.", "Amsel"),
                ("Drossel Pvt Ltd", "Drossel"),
                ("Meise S.L.", "Meise"),
                ("Fink Ltda", "Fink"),
                ("VW AG", "VW"),
            ]
        )
    ),
]


@pytest.mark.parametrize(("file", "text", "name"), LEAKS, ids=[c[0] for c in LEAKS])
def test_an_anonymised_summary_leaks_no_members_name(
    tmp_path: Path, file: str, text: str, name: str
) -> None:
    folder = tmp_path / "members"
    folder.mkdir()
    (folder / file).write_text(text, "utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json", ".xlsx"), jobs=1, anonymise=True))
    [failure] = read_summary(out)["failures"]
    assert failure["error"].startswith("member-"), failure["error"]
    assert name.encode() not in (out / "summary.json").read_bytes(), failure["error"]
    assert name.casefold() not in failure["error"].casefold()
    book = load_workbook(out / "summary.xlsx")
    cells = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not [c for c in cells if name in c]


def test_a_short_name_is_replaced_only_where_the_error_quotes_the_file() -> None:
    """A company "OF" (of "OF AG"): quoted from the file and in an id, it is replaced; as a
    word of the message's own ("a value of …") it is not."""
    from ddtool.batch import _anonymised_error

    error = "m.yaml, line 3: a value of 'OF' for OF-7 is not a country [unknown-country]"
    assert _anonymised_error(error, "m.yaml", "member-1", "OF AG") == (
        "member-1, line 3: a value of '<the member's company>' for <the member's company>-7"
        " is not a country [unknown-country]"
    )


def test_a_members_file_in_the_output_folder_inside_an_input_is_named(tmp_path: Path) -> None:
    """It was left out without a word: the run said 1 of 1 members."""
    folder = tmp_path / "in"
    (folder / "reports").mkdir(parents=True)
    shutil.copy(SAMPLES / "cocoa.yaml", folder / "alpha.yaml")
    shutil.copy(SAMPLES / "coffee.yaml", folder / "reports" / "beta.yaml")
    out = folder / "reports"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    summary = read_summary(out)
    assert [r["member"] for r in summary["ranking"]] == ["alpha"]
    [left] = summary["not_members"]
    assert (left["files"], left["names"]) == (1, ["beta.yaml"])
    assert "this run's output folder (-o)" in left["reason"]
    # a second run: its own summary and member folder are not named, the file still is;
    # nor is an earlier batch's summary kept in a folder within
    (out / "2025").mkdir()
    for name in ("summary.json", "summary.xlsx"):
        (out / "2025" / name).write_bytes((out / name).read_bytes())
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    assert [n["names"] for n in read_summary(out)["not_members"]] == [["beta.yaml"]]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_an_anonymised_summary_keeps_out_the_company_of_yaml_in_any_encoding(
    tmp_path: Path, encoding: str
) -> None:
    """A YAML file that cannot be parsed, saved with a byte-order mark or in UTF-16: its
    company, on its first line, was not found, and quoted in the error."""
    folder = tmp_path / "members"
    folder.mkdir()
    text = LEAKS[4][1]  # (c1.yaml: a quote not closed, the company on the first line)
    (folder / "c1.yaml").write_text(text, encoding)
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, anonymise=True))
    [failure] = read_summary(out)["failures"]
    assert "Capybara" not in failure["error"] and "[yaml-syntax]" in failure["error"]


# (the error, the file, its company, what the anonymised error reads: the pseudonym
# "member-db7…" is never taken for a name, nor a file's name of no letter for one)
ANONYMISED: list[tuple[str, str, str | None, str]] = [
    (
        "db.yaml, line 3: unknown country 'DB' [unknown-country]",
        "db.yaml",
        "DB AG",
        "member-db710b1cb9, line 3: unknown country '<the member's company>' [unknown-country]",
    ),
    (
        "01.csv, row 2: unknown country 'Narnia 01' [unknown-country]",
        "01.csv",
        "01",
        "member-db710b1cb9, row 2: unknown country 'Narnia 01' [unknown-country]",
    ),
]


@pytest.mark.parametrize(("error", "file", "company", "expected"), ANONYMISED)
def test_an_anonymised_error_keeps_its_pseudonym_and_figures(
    error: str, file: str, company: str | None, expected: str
) -> None:
    from ddtool.batch import _anonymised_error

    assert _anonymised_error(error, file, "member-db710b1cb9", company) == expected
