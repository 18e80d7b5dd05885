"""A Ctrl-C or termination request while the run forks is held till the fork is done, then
stops the run; the signals are never left blocked, whenever the stop comes."""

from __future__ import annotations

import signal
from collections.abc import Callable
from typing import Any

import pytest

from ddtool import cli, stopping

posix = pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")


def _blocked() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, [])) & {signal.SIGINT, signal.SIGTERM}


def _stop_at(call: int) -> Callable[..., Any]:
    """pthread_sigmask that, at its `call`-th use, has a Ctrl-C handled just after the mask
    is changed (the interpreter runs a handler there, as it returns)."""
    real = signal.pthread_sigmask
    calls = []

    def changed(how: int, mask: Any) -> Any:
        before = real(how, mask)
        calls.append(how)
        if len(calls) == call:
            cli._stop(signal.SIGINT, None)
        return before

    return changed


@posix
@pytest.mark.parametrize("call", [1, 2], ids=["as it blocks", "as it lets them in"])
def test_a_stop_as_the_mask_changes_stops_the_run_with_the_signals_let_in(
    monkeypatch: pytest.MonkeyPatch, call: int
) -> None:
    monkeypatch.setattr(cli, "_STOPPED_BY", [])
    assert _blocked() == set()
    monkeypatch.setattr(signal, "pthread_sigmask", _stop_at(call))
    done = []
    with pytest.raises(KeyboardInterrupt), stopping.forking():
        done.append("the block ran")
    monkeypatch.undo()
    assert done == ["the block ran"]  # (held: not raised in the middle of the fork)
    assert _blocked() == set()
    assert (stopping._holding, stopping._held) == ([], [])
    assert cli._STOPPED_BY == []  # (the undone patch put the list back)


def test_a_stop_inside_the_block_comes_after_it_and_in_place_of_its_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "_STOPPED_BY", [])
    steps = []
    with pytest.raises(KeyboardInterrupt) as stopped, stopping.forking():
        cli._stop(signal.SIGTERM, None)  # (as the handler runs in a fork callback)
        steps.append("after the stop")
        raise OSError("the fork failed")
    assert steps == ["after the stop"]
    assert isinstance(stopped.value.__context__, OSError)
    assert cli._STOPPED_BY == [signal.SIGTERM]
    assert (stopping._holding, stopping._held) == ([], [])


def test_without_a_fork_a_stop_is_raised_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_STOPPED_BY", [])
    with pytest.raises(KeyboardInterrupt):
        cli._stop(signal.SIGINT, None)
    assert stopping._held == []
