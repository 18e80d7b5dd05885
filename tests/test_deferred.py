"""Parts of the document built on first use, and ahead in a forked process for the JSON writer:
the JSON is byte-identical either way, and a failed or abandoned process changes nothing."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

import ddtool.assess
import ddtool.reporters.json_report as json_report
from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.deferred import Deferred, ahead, can_fork, resolved, while_waiting
from ddtool.reporters.json_report import JsonReporter, item_pieces, value_pieces

SAMPLES = Path(__file__).resolve().parent.parent / "sample_chains"
needs_fork = pytest.mark.skipif(not can_fork(), reason="forking needs Linux and a second core")


class Counted:
    """A build function that counts its calls in this process."""

    def __init__(self, value: list[Any]) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> list[Any]:
        self.calls += 1
        return list(self.value)


def test_a_value_is_built_once_and_a_head_comes_first() -> None:
    rest, head = Counted([3, 4]), Counted([1, 2])
    plain = Deferred(rest, size=2)
    assert len(plain) == 2 and plain.value() == [3, 4] and plain.value() == [3, 4]
    assert rest.calls == 1 and plain.built and not plain.has_head
    joined = Deferred(Counted([3, 4]), head=head, size=4)
    assert joined.head() == [1, 2] and joined.value() == [1, 2, 3, 4]
    assert head.calls == 1  # the head built for the JSON writer is reused for the value


def test_resolving_builds_in_place_and_keeps_the_key_order() -> None:
    document = {"a": 1, "b": Deferred(lambda: [2]), "c": 3}
    assert resolved(document) is document
    assert list(document.items()) == [("a", 1), ("b", [2]), ("c", 3)]


def _bytes(pieces: Iterator[Any]) -> bytes:
    return b"".join(p if isinstance(p, bytes | memoryview) else p.read() for p in pieces)


@needs_fork
@pytest.mark.parametrize(
    ("rest", "head"),
    [([3, {"x": "é"}], [1, 2]), ([], [1]), ([3], []), ([], []), (list(range(50)), [-1])],
)
def test_values_serialised_ahead_come_back_in_order(
    monkeypatch: pytest.MonkeyPatch, rest: list[Any], head: list[Any]
) -> None:
    monkeypatch.setattr(json_report, "CHUNK", 7)
    build, flags = Counted(rest), Counted([{"id": "F"}] * 30)
    joined = Deferred(build, head=lambda: list(head), size=len(head) + len(rest))
    plain = Deferred(flags, size=30)
    ahead([(joined, item_pieces), (plain, value_pieces)])
    document = {"suppliers": joined, "flags": plain, "n": 1}
    written = _bytes(json_report.iter_compact(document))
    assert build.calls == flags.calls == 0  # both came from the forked process
    expected = {"suppliers": head + rest, "flags": [{"id": "F"}] * 30, "n": 1}
    assert written == orjson.dumps(expected) + b"\n"


@needs_fork
def test_a_failed_process_leaves_the_value_to_be_built_here() -> None:
    def broken(_value: Any) -> Iterator[bytes]:
        raise RuntimeError("the forked process fails")
        yield b""  # pragma: no cover

    build = Counted([1, 2])
    value = Deferred(build, size=2)
    ahead([(value, broken)])
    assert value.spilled() is None
    assert _bytes(json_report.iter_compact({"v": value})) == b'{"v":[1,2]}\n'
    assert build.calls == 1


@needs_fork
@pytest.mark.parametrize(("head", "rest"), [([1, 2], [3, 4]), ([], [3]), ([1], []), ([], [])])
def test_a_failed_process_after_a_head_leaves_the_rest_to_be_built_here(
    monkeypatch: pytest.MonkeyPatch, head: list[int], rest: list[int]
) -> None:
    def broken(_value: Any) -> Iterator[bytes]:
        raise RuntimeError("the forked process fails")
        yield b""  # pragma: no cover

    monkeypatch.setattr(json_report, "CHUNK", 1)
    build, made = Counted(rest), Counted(head)
    value = Deferred(build, head=made, size=len(head) + len(rest))
    ahead([(value, broken)])
    pieces: list[Any] = []
    waited_after: list[int] = []
    spilled = Deferred.spilled

    def spy(self: Deferred) -> Any:
        waited_after.append(len(pieces))
        return spilled(self)

    monkeypatch.setattr(Deferred, "spilled", spy)
    for piece in json_report.iter_compact({"v": value}):
        pieces.append(piece)
    assert _bytes(iter(pieces)) == orjson.dumps({"v": head + rest}) + b"\n"
    assert build.calls == made.calls == 1  # the head was built once
    # this process's part was serialised before waiting for the forked process
    assert _bytes(iter(pieces[: waited_after[0]])) == b'{"v":' + orjson.dumps(head)[:-1]


@needs_fork
@pytest.mark.parametrize("debug", [False, True])
def test_a_failed_process_says_why_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], debug: bool
) -> None:
    def broken(_value: Any) -> Iterator[bytes]:
        raise RuntimeError("the forked process fails here")
        yield b""  # pragma: no cover

    if debug:
        monkeypatch.setenv("DDTOOL_DEBUG", "1")
    else:
        monkeypatch.delenv("DDTOOL_DEBUG", raising=False)
    value = Deferred(Counted([1]), size=1)
    ahead([(value, broken)])
    assert value.spilled() is None and value.value() == [1]
    said = capfd.readouterr().err
    assert ("RuntimeError: the forked process fails here" in said) is debug


@needs_fork
def test_work_started_ahead_and_not_wanted_is_stopped() -> None:
    value = Deferred(Counted([1]), size=1)
    ahead([(value, value_pieces)])
    pid = value._ahead[0].pid if value._ahead else 0
    assert pid
    value.close()
    with pytest.raises(ChildProcessError):  # stopped and reaped: no process left behind
        os.waitpid(pid, os.WNOHANG)
    assert value.spilled() is None and value.value() == [1]


def _small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the samples take the large-chain path: compact JSON, parts built ahead, chunks."""
    monkeypatch.setattr(ddtool.assess, "INDENT_LIMIT", 0)
    monkeypatch.setattr(json_report, "INDENT_LIMIT", 0)
    monkeypatch.setattr(json_report, "CHUNK", 5)


@needs_fork
@pytest.mark.parametrize(
    "sample", ["cocoa.yaml", "electronics_minerals.yaml", "garment_vendor_list.xlsx"]
)
def test_json_with_parts_built_ahead_is_byte_identical(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample: str
) -> None:
    _small_limits(monkeypatch)
    builds: list[str] = []
    for method in ("mapped", "inferred"):
        original: Callable[..., Any] = getattr(ddtool.assess._Entries, method)

        def counted(self: Any, *args: Any, _f: Any = original, _name: str = method) -> Any:
            builds.append(_name)
            return _f(self, *args)

        monkeypatch.setattr(ddtool.assess._Entries, method, counted)
    flag_list = ddtool.assess._flag_list

    def flags_counted(*args: Any) -> Any:
        builds.append("flags")
        return flag_list(*args)

    monkeypatch.setattr(ddtool.assess, "_flag_list", flags_counted)
    fast = assess([SAMPLES / sample], AssessOptions(ahead=True))
    JsonReporter().write(fast.document, tmp_path / "ahead.json")
    # the head only: the flags and the rest of the entries came from the forked processes
    assert builds == ["mapped"]
    here = assess([SAMPLES / sample]).data
    assert (tmp_path / "ahead.json").read_bytes() == orjson.dumps(here) + b"\n"
    assert fast.data == here  # and the document read here is the same


@needs_fork
def test_cli_writes_json_and_other_reports_from_one_run_with_parts_ahead(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _small_limits(monkeypatch)
    chain = SAMPLES / "cocoa.yaml"
    outputs = [tmp_path / "a.json", tmp_path / "a.csv"]
    done = CliRunner().invoke(
        app, ["assess", str(chain), "-o", str(outputs[0]), "-o", str(outputs[1])]
    )
    assert done.exit_code == 0, done.output
    monkeypatch.setenv("DDTOOL_NO_FORK", "1")
    plain = [tmp_path / "b.json", tmp_path / "b.csv"]
    done = CliRunner().invoke(
        app, ["assess", str(chain), "-q", "-o", str(plain[0]), "-o", str(plain[1])]
    )
    assert done.exit_code == 0, done.output
    for forked, here in zip(outputs, plain, strict=True):
        assert forked.read_bytes() == here.read_bytes()
    assert "Top flags" in CliRunner().invoke(app, ["assess", str(chain)]).output


def test_a_workbook_read_ahead_is_the_same_as_one_read_in_line() -> None:
    from ddtool.sources import read_raw
    from ddtool.sources.ahead import read_ahead, take
    from ddtool.sources.interface import ReadOptions

    book = SAMPLES / "garment_vendor_list.xlsx"
    read_ahead([book, SAMPLES / "cocoa.yaml"], ReadOptions())
    assert take(SAMPLES / "cocoa.yaml", ReadOptions()) is None  # only workbooks are read ahead
    early = read_raw(book, ReadOptions())  # takes the one read ahead
    assert take(book, ReadOptions()) is None  # taken once
    again = read_raw(book, ReadOptions())
    assert early.records == again.records and early.problems.errors == again.problems.errors
    # options changed since the reading started: read again with the new ones
    read_ahead([book], ReadOptions())
    assert take(book, ReadOptions(sheet="Vendors")) is None


@pytest.mark.parametrize("with_config", [True, False])
def test_a_config_files_columns_shape_the_read_ahead(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_config: bool
) -> None:
    """`assess --config` with column names: the workbook read ahead is the one used (read
    with the config's columns), not read a second time. Without a config too: it was read
    with no names of labour audits, the assessment with the defaults', and read again."""
    import ddtool.sources.ahead as ahead_module

    taken: list[bool] = []
    take = ahead_module.take

    def counted(path: Path, options: Any) -> Any:
        found = take(path, options)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(ahead_module, "take", counted)
    config = tmp_path / "ddtool.yaml"
    config.write_text('columns:\n  "Lieferant": name\n', encoding="utf-8")
    book = SAMPLES / "garment_vendor_list.xlsx"
    out = tmp_path / "out.json"
    given = ["--config", str(config)] if with_config else []
    done = CliRunner().invoke(app, ["assess", str(book), *given, "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert taken == [True]
    written = orjson.loads(out.read_bytes())
    if with_config:
        assert written["options"]["column_map"] == {"Lieferant": "name"}
        assert written["options"]["config"] == str(config)
    else:
        assert written["options"]["config"] is None


@pytest.mark.parametrize("ahead_", [False, True])
@pytest.mark.parametrize("read", ["data", "glance", "nothing"])
def test_an_assessment_is_freed_by_reference_counting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ahead_: bool, read: str
) -> None:
    """The run's objects are frozen out of the cyclic collector: a reference cycle through
    the assessment would keep every assessment of a batch in memory."""
    import gc
    import weakref

    _small_limits(monkeypatch)
    result = assess([SAMPLES / "cocoa.yaml"], AssessOptions(ahead=ahead_))
    if read == "data":
        assert result.data["suppliers"]
    elif read == "glance":
        assert result.glance(3, 5)["flags"]
    if ahead_:
        JsonReporter().write(result.document, tmp_path / "out.json")
    result.close()

    class Probe:
        pass

    probe = Probe()  # freed with the assessment's document, or kept alive with it
    result.document["probe"] = probe
    freed = weakref.ref(probe)
    del probe
    enabled = gc.isenabled()
    gc.disable()  # only reference counting may free it
    try:
        del result
        assert freed() is None
    finally:
        if enabled:
            gc.enable()


@pytest.mark.parametrize("freeze_from", [0, 10**9])
def test_garbage_left_between_assessments_is_not_frozen(
    monkeypatch: pytest.MonkeyPatch, freeze_from: int
) -> None:
    """A batch assesses member after member: a garbage cycle made between two runs is
    collected, not frozen with the second run's objects and kept for good. Runs that leave
    many objects freeze them (with FREEZE_FROM at 0, every run does); smaller ones do not."""
    import gc
    import weakref

    import ddtool.collector as collector

    monkeypatch.setattr(collector, "FREEZE_FROM", freeze_from)
    frozen = gc.get_freeze_count()
    assess([SAMPLES / "cocoa.yaml"])
    assert (gc.get_freeze_count() > frozen) == (freeze_from == 0)

    class Node:
        other: Any = None

    first, second = Node(), Node()
    first.other, second.other = second, first  # a cycle: reference counting cannot free it
    gone = weakref.ref(first)
    del first, second
    assert gone() is not None
    assess([SAMPLES / "coffee.yaml"])
    gc.collect()  # frees the cycle, unless the second run froze it out of reach
    assert gone() is None
    gc.unfreeze()  # leave the collector as the other tests expect it


@needs_fork
def test_an_interrupted_wait_stops_and_reaps_the_forked_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ddtool.deferred as deferred

    value = Deferred(Counted([1]), size=1)
    ahead([(value, value_pieces)])
    assert value._ahead is not None
    ready, spill = value._ahead
    pid = ready.pid
    pipe = os.fstat(ready.signals)

    def interrupted(self: Any) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(deferred._Ahead, "wait_next", interrupted)
    with pytest.raises(KeyboardInterrupt):
        value.spilled()
    with pytest.raises(ChildProcessError):  # reaped: no process left behind
        os.waitpid(pid, os.WNOHANG)
    assert spill.closed and ready.pid == 0
    try:  # and its pipe is closed (the number may since name another file)
        now = os.fstat(ready.signals)
    except OSError:
        return
    assert (now.st_dev, now.st_ino) != (pipe.st_dev, pipe.st_ino)


@needs_fork
def test_a_value_built_here_does_not_wait_for_its_forked_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    value = Deferred(Counted([1, 2]), size=2)
    ahead([(value, value_pieces)])
    assert value.value() == [1, 2]

    def no_wait(self: Deferred) -> None:
        raise AssertionError("waited for work whose result is not used")

    monkeypatch.setattr(Deferred, "spilled", no_wait)
    assert _bytes(json_report.iter_compact({"v": value})) == b'{"v":[1,2]}\n'
    assert value._ahead is None  # stopped


@pytest.mark.parametrize(
    ("setting", "cores", "expected"),
    [
        (None, {0, 1}, True),
        ("", {0, 1}, True),
        ("0", {0, 1}, True),
        ("1", {0, 1}, False),
        ("yes", {0, 1}, False),
        (None, {0}, False),
    ],
)
def test_forking_needs_a_second_usable_core_and_no_opt_out(
    monkeypatch: pytest.MonkeyPatch, setting: str | None, cores: set[int], expected: bool
) -> None:
    import ddtool.deferred as deferred

    monkeypatch.setattr(deferred, "_FORK", True)
    monkeypatch.setattr(deferred.os, "sched_getaffinity", lambda _pid: cores, raising=False)
    if setting is None:
        monkeypatch.delenv("DDTOOL_NO_FORK", raising=False)
    else:
        monkeypatch.setenv("DDTOOL_NO_FORK", setting)
    assert deferred.can_fork() is expected


@needs_fork
def test_values_after_one_whose_process_was_stopped_are_built_here() -> None:
    first, second = Deferred(Counted([1]), size=1), Deferred(Counted([2]), size=1)
    ahead([(first, value_pieces), (second, value_pieces)])
    assert first._ahead is not None
    number = first._ahead[0].signals
    first.close()  # stops the process the two share before either is taken
    # the closed pipe's number now names another pipe, which says "done"
    other_read, other_write = os.pipe()
    os.write(other_write, b"1")
    if other_read != number:
        os.dup2(other_read, number)  # (closes other_write if it had that number)
        os.close(other_read)
    if other_write != number:
        os.close(other_write)
    try:
        assert second.spilled() is None  # failed, without reading that pipe
        assert os.read(number, 1) == b"1"
    finally:
        os.close(number)
    assert _bytes(json_report.iter_compact({"a": first, "b": second})) == b'{"a":[1],"b":[2]}\n'


@needs_fork
def test_a_write_stopped_after_the_head_stops_the_forked_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(json_report, "CHUNK", 1)
    value = Deferred(Counted([3, 4]), head=Counted([1, 2]), size=4)
    ahead([(value, item_pieces)])
    assert value._ahead is not None
    pid = value._ahead[0].pid
    pieces = json_report.iter_compact({"v": value})
    for piece in pieces:
        if piece == b"[":
            break
    pieces.close()  # the writer gave up (a full disk, an interrupt) inside the head
    assert value._ahead is None
    with pytest.raises(ChildProcessError):  # stopped and reaped
        os.waitpid(pid, os.WNOHANG)


# -- the CSV register, its second half written by a forked process --------------------------


def _register_bytes(document: dict[str, Any], path: Path) -> bytes:
    from ddtool.reporters.csv_report import CsvReporter

    CsvReporter().write(document, path)
    return path.read_bytes()


@pytest.mark.parametrize("sample", ["cocoa.yaml", "garment.yaml", "electronics_minerals.yaml"])
@pytest.mark.parametrize("fork", [True, False])
def test_a_register_written_by_two_processes_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: str, fork: bool
) -> None:
    from ddtool.reporters import csv_report

    document = assess([SAMPLES / sample]).data
    expected = ("\ufeff" + csv_report.render_csv(document)).encode()
    monkeypatch.setattr(csv_report, "AHEAD_FROM", 1)  # the samples take the large path
    # (other tests may leave threads behind, such as a Dask client's; they hold no lock the
    # forked process needs)
    monkeypatch.setattr(csv_report.threading, "active_count", lambda: 1)
    if not fork:
        monkeypatch.setenv("DDTOOL_NO_FORK", "1")
    spilled: list[bool] = []
    original = Deferred.spilled

    def spy(self: Deferred) -> Any:
        spill = original(self)
        spilled.append(spill is not None)
        return spill

    monkeypatch.setattr(Deferred, "spilled", spy)
    assert _register_bytes(document, tmp_path / "register.csv") == expected
    assert spilled == [fork and can_fork()]


@needs_fork
def test_a_register_whose_forked_process_fails_is_written_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ddtool.reporters import csv_report

    document = assess([SAMPLES / "cocoa.yaml"]).data
    expected = ("\ufeff" + csv_report.render_csv(document)).encode()
    monkeypatch.setattr(csv_report, "AHEAD_FROM", 1)
    monkeypatch.setattr(csv_report.threading, "active_count", lambda: 1)
    parent = os.getpid()
    rows = csv_report.row_chunks

    def fails_in_the_child(*args: Any, **kwargs: Any) -> Iterator[str]:
        if os.getpid() != parent:
            raise RuntimeError("the forked process fails")
        return rows(*args, **kwargs)

    monkeypatch.setattr(csv_report, "row_chunks", fails_in_the_child)
    assert _register_bytes(document, tmp_path / "register.csv") == expected


def test_a_register_is_written_in_one_process_while_another_thread_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fork copies only the thread that forks: while another runs (a Dask worker runs
    tasks in threads), the register is written here."""
    import threading

    from ddtool.reporters import csv_report

    document = assess([SAMPLES / "cocoa.yaml"]).data
    monkeypatch.setattr(csv_report, "AHEAD_FROM", 1)
    forked: list[Any] = []
    monkeypatch.setattr(csv_report, "ahead", forked.extend)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        expected = ("\ufeff" + csv_report.render_csv(document)).encode()
        assert _register_bytes(document, tmp_path / "register.csv") == expected
    finally:
        stop.set()
        other.join()
    assert forked == []


@needs_fork
@pytest.mark.parametrize("tree", [[], ["--no-tree"]], ids=["with the tree", "without"])
def test_the_terminal_report_rendered_while_the_writer_waits_is_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tree: list[str]
) -> None:
    """On the large-chain path the terminal report is rendered while the JSON writer waits
    for the forked part, and printed after the outputs: the same text as rendered then."""
    import ddtool.cli

    _small_limits(monkeypatch)
    ahead_texts: list[str | None] = []
    render_ahead = ddtool.cli._TerminalReport.render_ahead

    def counted(self: Any) -> None:
        render_ahead(self)
        ahead_texts.append(self.text)

    monkeypatch.setattr(ddtool.cli._TerminalReport, "render_ahead", counted)
    chain = SAMPLES / "cocoa.yaml"
    args = ["assess", str(chain), *tree, "-o", str(tmp_path / "a.json")]
    forked = CliRunner().invoke(app, args)
    assert forked.exit_code == 0, forked.output
    assert len(ahead_texts) == 1 and ahead_texts[0]  # rendered ahead, once
    monkeypatch.setenv("DDTOOL_NO_FORK", "1")
    plain = CliRunner().invoke(app, [*args[:-1], str(tmp_path / "b.json")])
    assert len(ahead_texts) == 1  # (nothing waits without forking: rendered after)
    assert forked.stdout == plain.stdout
    assert "Top flags" in forked.stdout


def test_work_while_waiting_runs_once_and_only_where_something_waits() -> None:
    done: list[str] = []
    value = Deferred(Counted([1, 2]), size=2)
    with while_waiting(lambda: done.append("work")):
        assert value.spilled() is None  # nothing built ahead: no wait, no work
        assert done == []
    assert value.value() == [1, 2]
    if can_fork():
        other = Deferred(Counted([3]), size=1)
        ahead([(other, value_pieces)])
        with while_waiting(lambda: done.append("work")):
            spill = other.spilled()
            assert spill is not None
            spill.close()
            again = Deferred(Counted([4]), size=1)
            ahead([(again, value_pieces)])
            spill = again.spilled()  # a second wait: the work is done already
            assert spill is not None
            spill.close()
        assert done == ["work"]
