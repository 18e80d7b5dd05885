"""ddtool: offline due diligence for child labour, forced labour and trafficking risk."""

import sys

__version__ = "0.1.0"


def _end_at_once(signum: int, _frame: object) -> None:
    """Ctrl-C or a termination request while the command line still loads its modules,
    before it sets its own handler (cli.main): nothing is written yet, and the run ends as a
    stopped run ends (130 or 143), not with a traceback from the middle of an import."""
    import os

    word, code = (b"interrupted", 130) if signum == 2 else (b"terminated", 143)
    os.write(2, word + b": no output was written\n")
    os._exit(code)


def _run_as_program() -> bool:
    """Whether this process is the `ddtool` program: its console script (which imports
    ddtool.cli first thing) or `python -m ddtool`; not a program that imports ddtool, nor
    a worker process a batch spawned (its main module is not `__main__`)."""
    script = sys.argv[0].replace("\\", "/").rpartition("/")[2].partition(".")[0]
    if script in ("ddtool", "ddtool-script"):
        return getattr(sys.modules.get("__main__"), "__name__", None) == "__main__"
    args = getattr(sys, "orig_argv", [])  # (the interpreter's own arguments, -m among them)
    return "-m" in args[:-1] and args[args.index("-m") + 1] == "ddtool"


if _run_as_program():
    # Set at once, before the command line's modules load (a few tenths of a second). A
    # signal the run was started without (SIGINT ignored, as `nohup` leaves it) stays so.
    # (No start-up time is added: the command line imports signal and enum anyway.)
    import signal

    for _signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(_signum) in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(_signum, _end_at_once)
