"""The ddtool command line: parse options, call the core, render, choose the exit code."""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO, TypeVar

import typer

from ddtool import __version__, stopping
from ddtool.errors import DdtoolError, ExitCode, InputError, Problem
from ddtool.sources.interface import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_FILE_MB,
    DEFAULT_MAX_INFLATE_MB,
    DEFAULT_MAX_ROWS,
    DEFAULT_MAX_TIERS,
    MOST_MAX_DEPTH,
    Limits,
)

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console

    from ddtool.assess import Assessment, AssessOptions
    from ddtool.batch import BatchOptions, BatchResult
    from ddtool.profiles import Profiles
    from ddtool.sources.interface import ReadOptions

app = typer.Typer(
    name="ddtool",
    help=(
        "Human-rights due diligence for supply chains: child labour, forced labour and"
        " human trafficking risk (UN SDG Target 8.7), offline and traceable to sources."
        "\n\nExit codes: 0 done; 1 a gate reached (--fail-on, --fail-on-new) or an"
        " assessment that does not reproduce (assess --verify); 2 bad input or usage;"
        " 130 interrupted (Ctrl-C); 143 terminated (SIGTERM). Each command's --help gives"
        " its own."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
profiles_app = typer.Typer(
    help="Inspect the bundled risk data: countries, sectors, goods, sources."
)
app.add_typer(profiles_app, name="profiles")

_state = {"debug": False}

F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")


def _guard(func: F) -> F:
    """Turn ddtool's own errors into one located message and exit code 2 (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except InputError as e:
            if _state["debug"]:
                raise
            _problem_lines(e.problems)  # (every error; warnings up to a few of a type)
            raise typer.Exit(int(ExitCode.ERROR)) from None
        except DdtoolError as e:
            if _state["debug"]:
                raise
            _fail(str(e))

    return wrapper  # type: ignore[return-value]


class OutputFormat(StrEnum):
    """Formats for command output on stdout."""

    TEXT = "text"
    JSON = "json"


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """A reader that stopped early (`| head`) ends the printing, not the run: the
            command still writes its files and exits with its own code (rich exits 1)."""
            self.quiet = True
            _to_nowhere(sys.stderr if stderr else sys.stdout)

    return _Console(stderr=stderr, highlight=False, soft_wrap=False)


def _error_line(message: str) -> None:
    """One error line on stderr, the message printed literally (paths may hold brackets)."""
    from rich.text import Text

    text = Text.assemble(("error:", "bold red"), " ", message)
    _console(stderr=True).print(text, highlight=False, soft_wrap=True)


# letters that Unicode does not decompose into a base letter and an accent
_BASE_LETTERS = str.maketrans({"đ": "d", "ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae"})
# scripts written without spaces between words: a part of a name is any run of its letters
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR")


def _loose_key(text: str) -> str:
    """A name's words as a reader types them: without case, punctuation, or the accents of
    Latin letters ("Đồng Tháp (DTC)": "dong thap dtc"); the letters and vowel signs of other
    scripts kept ("Рыбный", "ไทยยูเนี่ยน")."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_BASE_LETTERS))
    kept: list[str] = []
    for char in decomposed:
        kind = unicodedata.category(char)
        if kind[0] in "PSZC":  # punctuation, symbols, spaces, controls: between words
            kept.append(" ")
        elif not (kind == "Mn" and kept and kept[-1].isascii()):  # (an accent of a Latin letter)
            kept.append(char)
    return " ".join(unicodedata.normalize("NFC", "".join(kept)).split())


def _holds(name: str, part: str) -> bool:
    """Whether a name (its _loose_key) holds a part of one: whole words ("meagui"), three
    letters at least (two in other scripts: "山田"); in a script written without spaces,
    any run of two letters or more ("东莞", "ไทยยูเนี่ยน")."""
    import unicodedata

    if f" {part} " in f" {name} ":
        return len(part) >= (3 if part.isascii() else 2)
    unspaced = all(unicodedata.name(c, "").startswith(_UNSPACED) for c in part if c.isalpha())
    return unspaced and len(part) >= 2 and " " not in part and part in name


def _fail(message: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
    """One error line on stderr, then the exit."""
    _error_line(message)
    raise typer.Exit(int(code))


def _fail_all(messages: list[str]) -> NoReturn:
    """One error line for each message on stderr, then exit 2."""
    for message in messages[:-1]:
        _error_line(message)
    _fail(messages[-1])


def _version(value: bool) -> None:
    if value:
        print(f"ddtool {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something fails.")
    ] = False,
) -> None:
    _state["debug"] = debug


MapOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map",
        help="Map a column header to a field, e.g. --map 'Vendor Name=name'. May repeat.",
    ),
]
SheetOption = Annotated[
    str | None, typer.Option("--sheet", help="Sheet to read (default: a 'Suppliers'-like sheet).")
]


def _path_given(value: str) -> Path:
    """A path as given, of an input or an output: an empty one (an unset variable in a
    script) would be the current folder, "."."""
    if not value.strip():
        raise typer.BadParameter("an empty path (an unset variable in a script?)")
    return Path(value)


ProfilesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--profiles",
        help="A directory of risk-profile files overlaid on the bundled data.",
        parser=_path_given,
    ),
]


MaxRowsOption = Annotated[
    int, typer.Option("--max-rows", help="Refuse tables with more rows than this.", min=1)
]
MaxMbOption = Annotated[
    int, typer.Option("--max-file-mb", help="Refuse input files larger than this (MB).", min=1)
]
MaxDepthOption = Annotated[
    int,
    typer.Option(
        "--max-depth",
        help="Refuse YAML nested deeper than this (counted afresh in each supplier's entry).",
        min=1,
        max=MOST_MAX_DEPTH,
    ),
]
MaxInflateOption = Annotated[
    int,
    typer.Option(
        "--max-inflate-mb", help="Refuse workbooks that unpack to more than this (MB).", min=1
    ),
]
MaxTiersOption = Annotated[
    int, typer.Option("--max-tiers", help="Refuse chains with more tiers than this.", min=1)
]


def _limits(
    max_rows: int, max_file_mb: int, max_depth: int, max_inflate_mb: int, max_tiers: int
) -> Limits:
    """The limits as the Max…Option options give them: `assess`, `validate`, `explain` and
    `batch` take all five, each defaulting to its DEFAULT_MAX_… (what `Limits()` holds)."""
    return Limits(
        max_file_mb=max_file_mb,
        max_rows=max_rows,
        max_depth=max_depth,
        max_inflate_mb=max_inflate_mb,
        max_tiers=max_tiers,
    )


def _read_options(maps: list[str] | None, sheet: str | None, limits: Limits) -> ReadOptions:
    from ddtool.sources.columns import ColumnMapError, parse_column_map
    from ddtool.sources.interface import ReadOptions

    try:
        column_map = parse_column_map(maps or [])
    except ColumnMapError as e:
        _fail_all(e.messages)
    return ReadOptions.within(limits, column_map=column_map, sheet=sheet)


def _print_problems(problems: list[Problem], console: Console) -> None:
    from rich.markup import escape
    from rich.table import Table

    from ddtool.reporters.fitted import fitted

    table = Table(show_lines=False, header_style="bold")
    table.add_column("severity")
    table.add_column("where")
    table.add_column("type")
    table.add_column("problem", overflow="fold")
    for p in problems[:TABLE_PROBLEMS]:
        colour = "red" if p.severity == "error" else "yellow"
        message = p.message + (f" — did you mean {p.suggestion}?" if p.suggestion else "")
        # user text (file names, values) is never markup: "Lieferanten [2026].xlsx"
        table.add_row(
            f"[{colour}]{p.severity}[/]", escape(str(p.location)), p.type, escape(message)
        )
    # (no word cut: a problem's type is the code the docs list, read whole at any width)
    console.print(fitted(table))
    if len(problems) > TABLE_PROBLEMS:  # (every error is on stderr below, one line each)
        console.print(
            f"… and {len(problems) - TABLE_PROBLEMS:,} more problems: `--format json` lists"
            " every one, and every error is on the lines below",
            soft_wrap=True,
        )


# the problems a terminal table shows (a table of thousands takes a minute to draw, and
# shows no more than the located lines do)
TABLE_PROBLEMS = 200


# the input warnings `assess` prints of each type; the rest are counted in one line (a large
# workbook can carry thousands of one kind, which would bury the report)
WARNINGS_PER_TYPE = 10
WARNINGS_SHEET = "the Excel register's Warnings sheet"


def _problem_lines(problems: list[Problem], written: Collection[str] = ()) -> None:
    """One located line per problem on stderr (the form scripts and logs read), in the order
    found: every error, and the first WARNINGS_PER_TYPE warnings of each type; then one line
    per type of warning that has more, saying how many more and where every one is listed
    (in the outputs too, by the suffixes of those the run goes on to write: `written`)."""
    seen = Counter[str]()
    lines: list[str] = []
    for problem in problems:
        if problem.severity != "error":
            seen[problem.type] += 1
        if problem.severity == "error" or seen[problem.type] <= WARNINGS_PER_TYPE:
            lines.append(f"{problem.severity}: {problem}")
    more = [
        # (the type named: the line comes after the warnings of every type, not of its own)
        f"warning: … and {count - WARNINGS_PER_TYPE:,} more {type_} warnings [{type_}]"
        for type_, count in seen.items()
        if count > WARNINGS_PER_TYPE
    ]
    if more:
        listed = [
            where
            for suffix, where in ((".json", 'the JSON\'s "warnings"'), (".xlsx", WARNINGS_SHEET))
            if suffix in written
        ]
        also = f", and so do {' and '.join(listed)}" if listed else ""
        more.append(
            f"warning: {sum(seen.values()):,} warnings in all: `ddtool validate` on the same"
            f" input lists every one{also}"
        )
    if lines:
        _emit("\n".join(lines + more), sys.stderr)


def _emit(text: str, stream: TextIO | None = None) -> None:
    """Print for a reader that may stop early (`| head`): its stopping ends the printing, not
    the run, which keeps its own exit code (click would exit 1)."""
    out = stream or sys.stdout
    try:
        print(text, file=out, flush=True)
    except BrokenPipeError:
        _to_nowhere(out)


def _to_nowhere(stream: TextIO) -> None:
    """Send what a stream still holds, and anything printed later, nowhere: its reader is
    gone."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())


@app.command()
@_guard
def validate(
    files: Annotated[
        list[Path], typer.Argument(help="Chain files (YAML, Excel, CSV).", parser=_path_given)
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output: a table (text) or JSON.")
    ] = OutputFormat.TEXT,
    merge: Annotated[
        bool, typer.Option("--merge", help="Treat all files as parts of one chain.")
    ] = False,
    maps: MapOption = None,
    sheet: SheetOption = None,
    profiles: ProfilesOption = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", help="Settings file; its columns: block maps headers.", parser=_path_given
        ),
    ] = None,
    max_rows: MaxRowsOption = DEFAULT_MAX_ROWS,
    max_file_mb: MaxMbOption = DEFAULT_MAX_FILE_MB,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_inflate_mb: MaxInflateOption = DEFAULT_MAX_INFLATE_MB,
    max_tiers: MaxTiersOption = DEFAULT_MAX_TIERS,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Check dates against this day (YYYY-MM-DD), as assess --as-of scores: an"
            " audit or certificate dated after it is warned of. Default today in UTC.",
        ),
    ] = None,
) -> None:
    """Check chain files: readable, countries and sectors known, ids, buyers, cycles, shares.

    Exit 0 when no file has an error (warnings are allowed), 2 when any file has an error or
    on a usage error such as a bad --map. Each file is a chain of its own unless --merge is
    given.
    """
    from ddtool.config import load_config
    from ddtool.validate import validate_chain

    limits = _limits(max_rows, max_file_mb, max_depth, max_inflate_mb, max_tiers)
    options = _read_options(maps, sheet, limits)
    load_config(config).merge_reading(options, config)
    taxonomy = _load_profiles(profiles)
    files = _files_once(files, fmt is OutputFormat.JSON)  # (JSON: the output alone)
    groups = [files] if merge else [[f] for f in files]
    day = _as_of_day(as_of, fmt is OutputFormat.JSON)  # (JSON: the output alone)
    results = [validate_chain(group, options, taxonomy, day) for group in groups]
    ok = all(r.ok for r in results)
    if fmt is OutputFormat.JSON:
        _emit(json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        from rich.markup import escape

        from ddtool.errors import shown_name

        console = _console()
        for result in results:
            name = escape(", ".join(map(shown_name, result.files)))
            if result.problems:
                console.print(f"[bold]{name}[/]")
                _print_problems(result.problems, console)
            if result.ok:
                warn = f", {len(result.problems)} warning(s)" if result.problems else ""
                own = result.own_text(options.map_hint)
                read = "; ".join(  # (a workbook read as a sheet per tier)
                    ("" if len(result.files) == 1 else f"{shown_name(file)}: ")
                    + f"sheets {', '.join(map(repr, sheets))}"
                    for file, sheets in result.sheets.items()
                )
                console.print(
                    f"[green]✓[/] {name}"
                    + (f" ({escape(read)})" if read else "")
                    + f": {result.suppliers} suppliers, {result.tiers} tiers,"
                    f" OK{warn}"
                    + (f"; data gaps: {escape(result.gap_text)}" if result.gap_text else "")
                    + (f"; {escape(own)}" if own else ""),
                    soft_wrap=True,  # (one line, as scripts read it; the terminal wraps it)
                )
            else:
                errors = sum(1 for p in result.problems if p.severity == "error")
                console.print(f"[red]✗[/] {name}: {errors} error(s)", soft_wrap=True)
        if not ok:
            found = [p for r in results for p in r.problems if p.severity == "error"]
            # (on a terminal that shows both streams, the table has said each error already:
            # the lines are for scripts and logs, and for the errors a long table leaves out)
            shown = all(len(r.problems) <= TABLE_PROBLEMS for r in results)
            if not (shown and sys.stdout.isatty() and sys.stderr.isatty()):
                _problem_lines(found)
            if (
                len(files) > 1
                and not merge
                and any(p.type == "unknown-buyer" for r in results for p in r.problems)
            ):
                print(
                    "hint: each file was checked on its own; if they are parts of one chain,"
                    " use --merge (assess always reads several files as one chain)",
                    file=sys.stderr,
                )
    raise typer.Exit(int(ExitCode.SUCCESS if ok else ExitCode.ERROR))


class FailLevel(StrEnum):
    """Levels that --fail-on accepts."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


def _level(value: str) -> FailLevel:
    """A level as --fail-on takes it, in any case; a word that is none, with the closest."""
    from ddtool.graph import closest_id

    levels = [level.value for level in FailLevel]
    word = value.strip().casefold()
    if word in levels:
        return FailLevel(word)
    best = closest_id(word, levels)
    hint = f" (did you mean {best!r}?)" if best else ""
    raise typer.BadParameter(f"{value!r} is not a level: one of {', '.join(levels)}{hint}")


def _level_option(flag: str, help: str) -> Any:
    """A --fail-on kind of option: a level, read by _level."""
    metavar = "|".join(level.value for level in FailLevel)
    return typer.Option(flag, help=help, parser=_level, metavar=metavar)


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Settings file (ddtool.yaml): thresholds, weights.", parser=_path_given
    ),
]
CompanyOption = Annotated[
    str | None, typer.Option("--company", help="Name of the company (the root of the chain).")
]


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Score as on this day (YYYY-MM-DD: which audits and certificates count); default"
        " today in UTC, or SOURCE_DATE_EPOCH's. A saved assessment records the day it used.",
    ),
]


def _assess_options(
    profiles: list[Path] | None,
    config: Path | None,
    read: ReadOptions,
    company: str | None,
    as_of: str | None = None,
    quiet: bool = False,
) -> AssessOptions:
    from ddtool.assess import AssessOptions

    day = _as_of_day(as_of, quiet)
    return AssessOptions(
        profiles=list(profiles or []), config=config, read=read, company=company, as_of=day
    )


def _as_of_day(as_of: str | None, quiet: bool = False) -> dt.date | None:
    """The day --as-of gives (a usage error if it is none), said when it is after today."""
    import datetime as dt

    if as_of is None:
        return None
    try:
        day = dt.date.fromisoformat(as_of)
    except ValueError:
        import re

        from ddtool.sources.values import why_no_date

        # (of the form asked for, the day is none: why, as a date in a file is told)
        why = (
            why_no_date(as_of.strip())
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of.strip())
            else None
        )
        if why:
            _fail(f"--as-of {as_of!r} does not exist: {why}")
        _fail(f"--as-of {as_of!r} is not a date: write it as YYYY-MM-DD (2026-01-31)")
    # (the day it is in UTC, as a run's own as-of date, whatever SOURCE_DATE_EPOCH pins)
    today = dt.datetime.now(dt.UTC).date()
    if day > today and not quiet:  # (a plan may look ahead; an auditor must see it did)
        _note(
            f"warning: --as-of {day} is after today ({today}): certificates and audits are"
            " judged as they will stand then, and the assessment records that date"
        )
    return day


def _check_outputs(outputs: list[Path], inputs: list[tuple[Path, str]]) -> None:
    from ddtool.reporters import reporter_for
    from ddtool.sources.interface import link_loop

    for out in outputs:
        loop = link_loop(out)
        if loop is not None:
            _fail(
                f"{out}: {loop} is a symbolic link in a loop (it leads back to itself): remove"
                " it, or give another path"
            )
        if out.is_dir():  # (said before its suffix: a folder has none to speak of)
            _check_writable(out, "report.xlsx")
        reporter_for(out)  # unknown suffix: a usage error before any work
        _refuse_an_input(out, inputs)
        _check_writable(out, "report.xlsx")
    _check_distinct(outputs)
    _plan_outputs(outputs)


def _refuse_an_input(out: Path, inputs: list[tuple[Path, str]]) -> None:
    """A usage error when an output is one of the inputs (in any case: see _same_file),
    each with what it is to this run ("the --config settings file this run reads"), said
    with it."""
    from ddtool.atomic import case_key

    for given, what in inputs:
        if _same_file(out, given):
            case = (
                f" ({given}: names that differ in case only are one file on macOS and Windows)"
                if str(out.resolve()) != str(given.resolve()) and case_key(out) == case_key(given)
                else ""
            )
            _fail(
                f"{out}: refusing to overwrite an input file, {what}{case}: choose another -o path"
            )


def _settings_files(config: Path | None, profiles: list[Path] | None) -> list[tuple[Path, str]]:
    """The files a run reads besides its chain, which an output must not replace: the
    --config file, and the profile files of each overlay and of the bundled data, each with
    what it is to the run (_refuse_an_input)."""
    from ddtool.profiles import DATA_FILES, bundled_dir

    folders = [
        (folder, f"a risk-profile file of the overlay {folder.name!r} this run reads")
        for folder in profiles or []
    ]
    with contextlib.suppress(DdtoolError):  # (no bundled data: the run fails on it later)
        folders.append((bundled_dir(), "a file of the bundled risk data this run reads"))
    found = [(folder / name, what) for folder, what in folders for name in DATA_FILES]
    given = [(config, "the --config settings file this run reads")] if config else []
    return given + [(p, what) for p, what in found if p.is_file()]


def _same_file(path: Path, other: Path) -> bool:
    """Whether two paths name one file: the same path once resolved, in any case (on macOS
    and Windows `vendors.xlsx` is `Vendors.xlsx`: refused on every system, so that a command
    does the same everywhere), or an existing file that is the other."""
    from ddtool.atomic import case_key

    if case_key(path) == case_key(other):
        return True
    try:
        return os.path.samefile(path, other)
    except OSError:  # (either does not exist)
        return False


def _check_distinct(outputs: list[Path]) -> None:
    """A usage error when one file is given twice as an output (`-o a.md -o ./a.md`): the
    second would overwrite the first, and the run would say it wrote both."""
    from ddtool.atomic import case_key

    seen: dict[str, Path] = {}
    for out in outputs:
        # names that differ in case only are one file on macOS and Windows: refused
        # everywhere, so that a command does the same on every system
        first = seen.setdefault(case_key(out), out)
        if first is not out:
            also = "" if str(first) == str(out) else f" (as {first})"
            if str(first.resolve()) != str(out.resolve()):
                also += ": names that differ in case only are one file on macOS and Windows"
            _fail(f"{out}: given twice as an output{also}; give each output once")


# the outputs of this run, each with what was at its path before (None: nothing), so that
# a stopped run can say which it wrote: a file replaced is a new file (atomic.py renames one
# into place), whenever the signal came
_PLANNED: dict[Path, tuple[int, int, int] | None] = {}


def _file_identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns)


def _plan_outputs(outputs: list[Path]) -> None:
    """Note the outputs this run will write, before it writes any."""
    _PLANNED.clear()
    _PLANNED.update({out: _file_identity(out) for out in outputs})


def _write_each(
    outputs: list[Path],
    write: Callable[[Path], None],
    quiet: bool,
    why: Callable[[Exception], str] | None = None,
) -> None:
    """Write the outputs in turn, making a missing folder (and saying so: nobody asked for
    one), and saying what was written. Several are put in place only when all are written
    (see ddtool.atomic.published_together), so that a failure leaves none of them and every
    file that was there before; a folder made for them then goes too, and the error line
    says what the run left. `why` words a failure for that line (for one output too)."""
    from ddtool.atomic import PublishError, missing_folders, published_together, remove_empty

    together = len(outputs) > 1
    notes: list[str] = []
    made: list[Path] = []  # folders made, parents first

    def note(text: str) -> None:
        if quiet:
            return
        if together:  # (said once they are in place)
            notes.append(text)
        else:
            _note(text)

    try:
        with published_together() if together else contextlib.nullcontext():
            for out in outputs:
                folder = out.parent
                if not folder.is_dir():
                    missing = missing_folders(folder)
                    folder.mkdir(parents=True, exist_ok=True)
                    made += reversed(missing)
                    note(f"created folder {folder}")
                write(out)
                note(f"wrote {out}")
    except BaseException as e:
        remove_empty(made[::-1])
        # (an interrupt ends as every stopped run does, in _stopped)
        if not isinstance(e, Exception) or _state["debug"]:
            raise
        # what was put in place is known, not guessed: none of the outputs, or, when a
        # rename failed, those renamed before it
        written = [str(out) for out in e.published] if isinstance(e, PublishError) else []
        not_written = [str(out) for out in outputs if str(out) not in written]
        kept = [str(out) for out in outputs if str(out) in not_written and out.exists()]
        changed = "" if written or not together else "no output was changed: "
        left = _outputs_message(written, not_written, kept)
        _fail(f"{(why or _why_failed)(e)}; {changed}{left}")
    for text in notes:
        _note(text)


def _why_failed(error: Exception) -> str:
    """Why an output could not be written, for the error line."""
    if isinstance(error, DdtoolError):  # (a sheet too long for Excel, say)
        return str(error)
    if isinstance(error, OSError):  # (a full disk, a lost mount)
        return f"{error.filename}: {error.strerror or error}" if error.filename else str(error)
    return f"internal error: {type(error).__name__}: {error} (run with --debug for a traceback)"


def _files_once(files: list[Path], quiet: bool = False) -> list[Path]:
    """The chain files given, each once, with a note for each one given again."""
    from ddtool.errors import shown_name
    from ddtool.sources.interface import distinct_files

    kept, repeats = distinct_files(files)
    for again, first in repeats if not quiet else ():
        also = "" if str(again) == str(first) else f" (as {shown_name(str(again))})"
        _note(f"note: {shown_name(str(first))} is given again{also}: it is read once")
    for name in _split_names(files):  # (said with --format json too: the run fails on it)
        _note(
            f"hint: {shown_name(name)} is a file: a name with spaces goes in quotes"
            f' ("{name}"), else each word is read as a file of its own'
        )
    return kept


def _split_names(files: list[Path]) -> list[str]:
    """The files whose names a shell split at their spaces: runs of arguments, none of them
    a file, that joined by a space are one ('Lieferanten' '2025.xlsx')."""
    found: list[str] = []
    words = [str(f) for f in files]
    start = 0
    while start < len(words):
        step = 1
        if not Path(words[start]).exists():
            for end in range(len(words), start + 1, -1):
                joined = " ".join(words[start:end])
                if Path(joined).is_file() and not any(Path(w).exists() for w in words[start:end]):
                    found.append(joined)
                    step = end - start
                    break
        start += step
    return found


def _note(text: str) -> None:
    """One line about the run on stderr, printed literally (paths may hold brackets)."""
    from rich.text import Text

    _console(stderr=True).print(Text(text), soft_wrap=True)


def _check_writable(out: Path, example: str, folder: bool = False) -> None:
    """A usage error, before any work, when `out` (a file, or a folder) cannot be written:
    it is a folder (a file is wanted), a parent is a file, or the place is not writable."""
    if not folder and out.is_dir():
        _fail(f"{out} is a folder: give a file name such as {out / example}")
    if folder and out.exists() and not out.is_dir():
        _fail(f"{out}: is a file, not a folder")
    place = out if folder and out.is_dir() else out.parent
    while not place.exists() and place != place.parent:
        place = place.parent  # (missing folders are made)
    if not place.is_dir():
        _fail(f"{out}: cannot be written: {place} is a file, not a folder")
    import tempfile

    try:  # as the output will be written: a file made beside it, then renamed
        with tempfile.NamedTemporaryFile(dir=place, prefix=".ddtool-check-"):
            pass
    except OSError as e:
        # (the folders missing would be made in place, the first of them in it; an existing
        # output folder is the place itself)
        if place not in (out, out.parent):
            first = out.parent
            while first.parent != place:
                first = first.parent
            _fail(
                f"{out}: cannot be written: folder {first} does not exist and cannot be"
                f" made in {place}: {e.strerror or e}"
            )
        _fail(f"{out}: cannot be written in {place}: {e.strerror or e}")


def _write_outputs(
    document: dict[str, Any],
    outputs: list[Path],
    quiet: bool,
    why: Callable[[Exception], str] | None = None,
) -> None:
    """Write each output; the JSON takes the document as it is (parts may still be in the
    making ahead), the other reports the whole document. `why`: see _write_each."""
    from ddtool.deferred import resolved
    from ddtool.reporters import reporter_for
    from ddtool.reporters.json_report import JsonReporter

    def write(out: Path) -> None:
        reporter = reporter_for(out)
        reporter.write(document if isinstance(reporter, JsonReporter) else resolved(document), out)

    _write_each(outputs, write, quiet, why)


def _fail_on(result: Assessment, level: FailLevel | None) -> int:
    """The exit code of `assess --fail-on`: 1 when a risk in the chain reaches the level,
    with one line on stderr saying so and what reached it (with -q too: a gate that fails
    a pipeline must say why; stdout stays the report's)."""
    if level is None:
        return int(ExitCode.SUCCESS)
    exposure = result.document["summary"]["exposure"]
    if not _reaches((e["level"] for e in exposure.values()), level):
        return int(ExitCode.SUCCESS)
    # (a glance: the first flag, and the suppliers the exposure sits on, not every entry)
    _note(_fail_on_reason(result.glance(1, 0), level))
    return int(ExitCode.FINDINGS)


def _fail_on_reason(document: dict[str, Any], gate: FailLevel) -> str:
    """`--fail-on high reached by the chain's exposure (child labour critical): 12 flags at
    high or above (first: FL-… S-001 child labour critical)`, as batch words its gate; a
    level on which data gaps bear reads "low (data gap)", "medium (data gap)"."""
    from ddtool.document import register
    from ddtool.model import LEVELS
    from ddtool.reporters.shown import chain_levels, level_shown

    summary = document["summary"]
    shown = chain_levels(document)
    risks = [
        f"{risk.replace('_', ' ')} {shown[risk]}"
        for risk, exposure in summary["exposure"].items()
        if _reaches([exposure["level"]], gate)
    ]
    at = LEVELS.index(gate.value)
    count = sum(n for lvl, n in summary["flags_by_level"].items() if lvl in LEVELS[at:])
    first = next(register(document, 1), None)
    if count and first is not None:
        level = level_shown(first, first["level"])
        flags = (
            f"{count} flag{'s' if count != 1 else ''} at {gate.value} or above (first:"
            f" {first['id']} {first['supplier_id']} {first['risk_type'].replace('_', ' ')}"
            f" {level})"
        )
    else:  # (no flag is made below the settings' flag_level: see _reaches)
        flag_level = ((document.get("options") or {}).get("settings") or {}).get("flag_level")
        below = f" (flags are made at {flag_level} and above)" if flag_level else ""
        flags = f"no flag at {gate.value} or above{below}"
    return f"--fail-on {gate.value} reached by the chain's exposure ({', '.join(risks)}): {flags}"


def _fail_on_new_reason(found: list[dict[str, Any]], gate: FailLevel) -> str:
    """`--fail-on-new high reached by 3 flags: 2 new, 1 risen (first: FL-… S-001 forced
    labour critical)`, for the flags of `diff.new_at_or_above` (highest first)."""
    reidentified = sum(1 for entry in found if "old_id" in entry)
    risen = sum(1 for entry in found if "old_level" in entry) - reidentified
    kinds = [
        f"{count} {kind}"
        for count, kind in (
            (len(found) - risen - reidentified, "new"),
            (risen, "risen"),
            (reidentified, "re-identified and risen"),
        )
        if count
    ]
    first = found[0]
    level = str(first["level"])
    if "old_level" in first:
        level = f"{first['old_level']} → {level}"
    risk = str(first["risk_type"]).replace("_", " ")
    return (
        f"--fail-on-new {gate.value} reached by {len(found)} flag{'s' if len(found) != 1 else ''}:"
        f" {', '.join(kinds)} (first: {first['id']} {first['supplier_id']} {risk} {level})"
    )


def _reaches(levels: Iterable[str], gate: FailLevel) -> bool:
    """Whether a risk level reaches the gate. The gate reads the company's exposure (the
    highest risk anywhere beneath it), not the flags: no flag is made below the settings'
    flag_level, and `--fail-on high` must still fire with flag_level: critical."""
    from ddtool.model import LEVELS

    return any(LEVELS.index(level) >= LEVELS.index(gate.value) for level in levels)


@app.command()
@_guard
def assess(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Chain file(s); several files form one chain.", parser=_path_given),
    ] = None,
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the assessment: .json .xlsx .html .md .csv by suffix. May repeat.",
            parser=_path_given,
        ),
    ] = None,
    fail_on: Annotated[
        FailLevel | None,
        _level_option("--fail-on", "Exit 1 when a risk in the chain reaches this level."),
    ] = None,
    config: ConfigOption = None,
    profiles: ProfilesOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    company: CompanyOption = None,
    as_of: AsOfOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal report.")] = False,
    tree: Annotated[
        bool, typer.Option("--tree/--no-tree", help="Show the chain as a tree.")
    ] = True,
    verify: Annotated[
        Path | None,
        typer.Option(
            "--verify",
            help="Re-run a saved assessment JSON with its recorded inputs, profiles and"
            " options; exit 0 if it reproduces, 1 if not.",
            parser=_path_given,
        ),
    ] = None,
    max_rows: MaxRowsOption = DEFAULT_MAX_ROWS,
    max_file_mb: MaxMbOption = DEFAULT_MAX_FILE_MB,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_inflate_mb: MaxInflateOption = DEFAULT_MAX_INFLATE_MB,
    max_tiers: MaxTiersOption = DEFAULT_MAX_TIERS,
) -> None:
    """Assess a supplier chain: score, infer hidden tiers, roll up exposure, flag, remediate.

    Exit 0 when done, 1 when a risk reaches --fail-on (with --verify: when the saved
    assessment does not reproduce), 2 on bad input or usage.
    """
    if verify is not None:
        from ddtool.sources import ReadOptions

        default = ReadOptions()  # (the re-run reads with these: other limits would be ignored)
        given = [
            name
            for name, used in (
                ("chain files", files),
                ("-o", output),
                ("--fail-on", fail_on),
                ("--config", config),
                ("--profiles", profiles),
                ("--map", maps),
                ("--sheet", sheet),
                ("--company", company),
                ("--as-of", as_of),
                ("--max-rows", max_rows != default.max_rows),
                ("--max-file-mb", max_file_mb != default.max_file_mb),
                ("--max-depth", max_depth != default.max_depth),
                ("--max-inflate-mb", max_inflate_mb != default.max_inflate_mb),
                ("--max-tiers", max_tiers != default.max_tiers),
            )
            if used
        ]
        if given:  # the re-run takes all of these from the saved file
            _fail(
                f"--verify takes the inputs, settings and options the saved file records;"
                f" {', '.join(given)} cannot be given with it"
            )
        _verify(verify, quiet)
    if not files:
        _fail("give the chain file(s) to assess, or --verify ASSESSMENT.json")
    files = _files_once(files, quiet)
    outputs = list(output or [])
    chain_files = [(file, "a chain file this run reads") for file in files]
    _check_outputs(outputs, [*chain_files, *_settings_files(config, profiles)])
    limits = _limits(max_rows, max_file_mb, max_depth, max_inflate_mb, max_tiers)
    read = _read_options(maps, sheet, limits)
    try:
        result = _assessed(files, read, config, profiles, company, as_of, quiet, outputs)
    except InputError as e:  # (said last, below the problems: the line a reader sees)
        if _state["debug"]:
            raise
        _problem_lines(e.problems)
        errors = sum(1 for p in e.problems if p.severity == "error")
        kept = [str(out) for out in outputs if out.exists()]
        _note(
            f"✗ {errors:,} error{'' if errors == 1 else 's'}: no assessment made, no output"
            " written" + (f" ({', '.join(kept)} not changed: from an earlier run)" if kept else "")
        )
        raise typer.Exit(int(ExitCode.ERROR)) from None
    try:
        if result.warnings and not quiet:
            _problem_lines(result.warnings, {out.suffix.lower() for out in outputs})
        from ddtool.deferred import while_waiting

        report = _TerminalReport(result, tree)
        # (rendered while the JSON writer waits for a part a forked process builds, if it
        # does; printed after the outputs are written, as when rendered then)
        with while_waiting(None if quiet else report.render_ahead):
            _write_outputs(result.document, outputs, quiet)
        if not quiet:
            report.show()
        code = _fail_on(result, fail_on)  # (its line after the report)
    finally:
        result.close()
    raise typer.Exit(code)


def _assessed(
    files: list[Path],
    read: ReadOptions,
    config: Path | None,
    profiles: list[Path] | None,
    company: str | None,
    as_of: str | None,
    quiet: bool,
    outputs: list[Path],
) -> Assessment:
    """The assessment `assess` makes: the settings read first (their column names shape the
    reading), workbooks read ahead; an InputError for bad input, bad settings or overlays."""
    # what the settings say of reading (their column names, the names of labour audits: the
    # defaults' where there are none) is merged before the reading starts, so that the
    # workbooks read ahead are read with the options the assessment reads with (else they
    # are read again)
    from ddtool.config import Config, load_config

    settings = load_config(config) if config is not None else Config()
    settings.merge_reading(read, config)
    from ddtool.sources.ahead import read_ahead

    read_ahead(files, read)  # workbooks parse while the engine and the profiles load
    from ddtool.assess import assess as run_assess

    options = _assess_options(profiles, config, read, company, as_of, quiet)
    options.settings = settings
    options.ahead = any(out.suffix.lower() == ".json" for out in outputs)
    return run_assess(files, options)


class _TerminalReport:
    """The terminal report of an assessment: rendered when there is time for it (while the
    JSON writer waits), shown once the outputs are written."""

    def __init__(self, result: Assessment, tree: bool) -> None:
        self.result, self.tree = result, tree
        self.text: str | None = None

    def _render(self, console: Console) -> None:
        from ddtool.reporters.terminal import FLAG_ROWS, MAX_TREE_NODES, render

        # the glance holds what render shows with its default limits
        tree = MAX_TREE_NODES if self.tree else 0
        render(self.result.glance(FLAG_ROWS, tree), console, self.tree)

    def render_ahead(self) -> None:
        """Render into text as the console would print it (its width, colours or none)."""
        try:
            console = _console()
            with console.capture() as captured:
                self._render(console)
            self.text = captured.get()
        except Exception:  # (rendered again when shown: a failure is the report's own then)
            self.text = None

    def show(self) -> None:
        if self.text is None:
            self._render(_console())
        else:
            _emit(self.text.removesuffix("\n"))


def _verify(saved: Path, quiet: bool) -> NoReturn:
    from rich.markup import escape

    from ddtool.verify import verify

    outcome = _read_saved(saved, verify, "`ddtool assess --verify`")
    console = _console()
    # (a line each, however long: a log searched line by line finds each one whole)
    for line in outcome.checked:  # (a note is no check: it says what was not compared)
        mark = "·" if line.startswith("note:") else "✓"
        console.print(f"  {mark} {line}", markup=False, soft_wrap=True)
    for line in outcome.reasons:
        console.print(f"  ✗ {line}", markup=False, soft_wrap=True)
    if outcome.reproduced:
        console.print(f"[green]reproduced[/]: {escape(str(saved))}")
        raise typer.Exit(int(ExitCode.SUCCESS))
    console.print(f"[red]does not reproduce[/]: {escape(str(saved))}")
    raise typer.Exit(int(ExitCode.FINDINGS))


@app.command()
@_guard
def explain(
    # (text, not paths: a path would normalise the id given last, 'PO/2025/' to 'PO/2025')
    file: Annotated[list[str], typer.Argument(help="Chain file(s), then the supplier id last.")],
    config: ConfigOption = None,
    profiles: ProfilesOption = None,
    maps: MapOption = None,
    sheet: SheetOption = None,
    as_of: AsOfOption = None,
    max_rows: MaxRowsOption = DEFAULT_MAX_ROWS,
    max_file_mb: MaxMbOption = DEFAULT_MAX_FILE_MB,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_inflate_mb: MaxInflateOption = DEFAULT_MAX_INFLATE_MB,
    max_tiers: MaxTiersOption = DEFAULT_MAX_TIERS,
) -> None:
    """Every number behind one supplier's risk, step by step, with sources: FILE… SUPPLIER_ID."""
    if len(file) < 2:
        _fail("usage: ddtool explain CHAIN_FILE… SUPPLIER_ID")
    from ddtool.sources.values import as_id

    supplier_id = as_id(file[-1])  # as the files' ids are read (accents, invisibles)
    if not supplier_id:
        _fail("an empty supplier id (an unset variable in a script?)")
    files = _files_once([_path_given(name) for name in file[:-1]])
    from ddtool.assess import assess as run_assess
    from ddtool.reporters.explain import explain_supplier

    limits = _limits(max_rows, max_file_mb, max_depth, max_inflate_mb, max_tiers)
    options = _assess_options(profiles, config, _read_options(maps, sheet, limits), None, as_of)
    result = run_assess(files, options)
    # (the input warnings on which suppliers were read: those of a sheet not read, say)
    _problem_lines([w for w in result.warnings if w.type in _WHICH_READ])
    ids = list(result.supply.suppliers) + list(result.inferred)
    if supplier_id in result.supply.suppliers:
        _also_named(result, supplier_id, file[-1])
    if supplier_id not in ids:
        from ddtool.graph import alike_key, closest_id, loose_name, name_key, near_names
        from ddtool.sources.values import as_text

        # a supplier given by its name ("Dhaka Dyeing Ltd"): its id, where one has that name
        # (in NFC, as the names read are: an accent typed apart, as macOS writes it, too)
        key = name_key(as_text(file[-1]))
        # the names every report shows, inferred stages' too ("inferred cocoa farming (cocoa
        # beans)", which several stages may share)
        names = _supplier_names(result)
        named = [sid for sid, name in names.items() if name_key(name) == key]
        if not named:  # (its accents and punctuation aside: "Finca Santa Barbara"; then
            # its spaces too: "Grinders BV" for "Grinders B.V.")
            alike = alike_key(as_text(file[-1]))
            keys = {sid: alike_key(name) for sid, name in names.items()}
            named = [sid for sid, written in keys.items() if written == alike]
            compact = alike.replace(" ", "")
            if not named and compact:
                named = [
                    sid for sid, written in keys.items() if written.replace(" ", "") == compact
                ]
        company = result.chain.company
        if not named and key in (name_key(company.id), name_key(company.name)):
            _fail(
                f"{file[-1]!r} is the company assessed ({company.name}), not a supplier:"
                " `ddtool assess` gives its exposure; explain one of its suppliers by id"
                " or name"
            )
        if len(named) == 1:  # (said, so that the id is learnt)
            _note(f"{file[-1]}: the supplier of that name, {named[0]}")
            supplier_id = named[0]
        elif named:
            _fail(
                f"{file[-1]!r} names {len(named)} suppliers in"
                f" {', '.join(map(str, files))}: give one of their ids: {_some(named, 20)}"
            )
        else:
            best = closest_id(supplier_id, ids)
            hint = f" (did you mean {best!r}?)" if best else ""
            if not best:  # a name written another way: "Songkla Canning Co"
                by_loose: dict[str, list[str]] = {}
                for sid, name in names.items():
                    by_loose.setdefault(loose_name(name), []).append(sid)
                close = near_names(file[-1], by_loose)
                if close:
                    shown = " or ".join(f"{sid!r} ({names[sid]})" for sid in close[:3])
                    hint = f" (did you mean {shown}{' or another' if len(close) > 3 else ''}?)"
            # a part of a name ("ashanti", "Meagui" for "Méagui", "scooplam" for its
            # "(SCOOPLAM)"): the suppliers whose names hold it, whatever the case, accents
            # and punctuation
            part = _loose_key(file[-1])
            holding = [(sid, name) for sid, name in names.items() if _holds(_loose_key(name), part)]
            if holding:
                shown = ", ".join(f"{sid!r} ({name})" for sid, name in holding[:3])
                more = f" and {len(holding) - 3} more" if len(holding) > 3 else ""
                hint = f" (names holding it: {shown}{more}; give the id)"
            from ddtool.errors import shown_name

            # (only now, a supplier not found: the sheets not read are read for it)
            elsewhere = _in_sheets_not_read(result, options.read, supplier_id, key)
            # (an id of another case there, 't2-1' for 'T2-1': by that id)
            near = [found for _, _, found in elsewhere if found is not None]
            hint = f" (did you mean {near[0]!r}?)" if near else "" if elsewhere else hint
            also = "".join(
                f"; {found or supplier_id!r} is in sheet {sheet!r}"
                + (f" of {shown_name(path)}" if len(files) > 1 else "")
                + ", which is not read (one sheet of a workbook is): read it with --sheet"
                f" {sheet!r}"
                for path, sheet, found in elsewhere
            )
            _fail(f"no supplier {supplier_id!r} in {', '.join(map(str, files))}{hint}{also}")
    explain_supplier(result, supplier_id, _console())


# the input warnings `explain` prints: those on which suppliers were read at all
_WHICH_READ = frozenset({"other-supplier-sheets", "other-sheet-read", "hidden-sheet"})


def _some(ids: list[str], shown: int = 3) -> str:
    """A few ids, then how many more: "'A', 'B', 'C' and 4 more"."""
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(map(repr, ids[:shown])) + more


def _in_sheets_not_read(
    result: Assessment, read: ReadOptions, supplier_id: str, name: str
) -> list[tuple[str, str, str | None]]:
    """The workbooks' sheets not read that hold a supplier of this id (or of this name, as
    name_key writes it), else of the id written in another case, or with other spaces or
    punctuation ('t2-1' for 'T2-1'), as (file, sheet, that id or None): each read as --sheet
    would, only for a supplier not found, in each workbook read (the one --sheet names a
    sheet of too, whose other sheets no warning names)."""
    from dataclasses import replace

    from ddtool.graph import name_key
    from ddtool.sources.reading import read_raw
    from ddtool.sources.table_source import unread_supplier_sheets
    from ddtool.sources.values import as_id, as_text

    wanted = _id_key(supplier_id)
    found: list[tuple[str, str, str | None]] = []
    for path, sheets_read in result.chain.sheets_read().items():
        others = unread_supplier_sheets(Path(path), sheets_read[0], read)
        for sheet in (name for name in others if name not in sheets_read):
            ids = []
            for record in read_raw(Path(path), replace(read, sheet=sheet)).records:
                own, own_name = record.fields.get("id"), record.fields.get("name")
                if (own is not None and as_id(own) == supplier_id) or (
                    own_name is not None and name_key(as_text(own_name)) == name
                ):
                    found.append((path, sheet, None))
                    break
                if own is not None:
                    ids.append(as_id(own))
            else:
                near = [own for own in ids if _id_key(own) == wanted]
                if near:
                    found.append((path, sheet, near[0]))
    return found


def _id_key(text: str) -> str:
    """An id as two spellings of it compare: case, spaces and punctuation aside."""
    return "".join(filter(str.isalnum, text.casefold()))


def _supplier_names(result: Assessment) -> dict[str, str]:
    """Each supplier's name by its id, as every report shows it: the mapped suppliers' that
    have one, then the inferred stages' ("inferred cocoa farming (cocoa beans)")."""
    from ddtool.assess import inferred_name

    names = {sid: s.name for sid, s in result.supply.suppliers.items() if s.name}
    sectors = result.profiles.sectors
    for sid, node in sorted(result.inferred.items()):
        names[sid] = inferred_name(node, sectors[node.sector].name)
    return names


def _also_named(result: Assessment, supplier_id: str, given: str) -> None:
    """Say so when the id asked for is also another supplier's name (as name_key writes
    it): the id's supplier is explained, and the other is named, to be asked for by id."""
    from ddtool.graph import name_key
    from ddtool.sources.values import as_text

    key = name_key(as_text(given))
    others = [
        sid
        for sid, name in _supplier_names(result).items()
        if sid != supplier_id and name_key(name) == key
    ]
    if others:
        own = result.supply.suppliers[supplier_id].name
        called = f" ({own})" if own else ""
        who = (
            f"supplier {others[0]!r} has that name: give its id to explain it"
            if len(others) == 1
            else f"suppliers {_some(others)} have that name: give an id to explain one"
        )
        _note(f"{given}: the supplier of that id{called} is explained; {who}")


@app.command()
@_guard
def report(
    assessment: Annotated[
        Path, typer.Argument(help="A saved assessment (JSON from assess -o).", parser=_path_given)
    ],
    output: Annotated[
        list[Path],
        typer.Option(
            "-o",
            "--output",
            help="Output file(s); format by suffix. May repeat.",
            parser=_path_given,
        ),
    ],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
) -> None:
    """Render a saved assessment into any format (.xlsx .html .md .csv .json), no re-scoring.

    The file is checked whole first (ddtool.contract): what is missing or malformed is an
    error naming each place, and nothing is written. The outputs are put in place together:
    if one cannot be made, none is.
    """
    from functools import partial

    from ddtool.diff import read_assessment

    _check_outputs(output, [(assessment, "the assessment this run renders")])
    # read key by key with the standard decoder: orjson, reading a file whole, needs about
    # twice the memory the document takes (a 10^5-supplier assessment: 1.26 GB against 0.82)
    document = _read_saved(
        assessment, partial(read_assessment, per_item={}, complete=True), "`ddtool report`"
    )
    _write_outputs(document, output, quiet, partial(_why_not_made, assessment))
    if not quiet:
        from ddtool.reporters.terminal import summary_panel

        try:
            _console().print(summary_panel(document))
        except Exception as e:  # (an interrupt ends as every stopped run does: _stopped)
            if _state["debug"]:
                raise
            _fail(f"{_why_not_made(assessment, e)}; {_outputs_message(*_outputs_left())}")


def _why_not_made(assessment: Path, error: Exception) -> str:
    """Why a report could not be made, for the error line."""
    from jinja2.exceptions import UndefinedError  # (the HTML report's template)

    if isinstance(error, DdtoolError):  # (a sheet too long for Excel, say)
        return str(error)
    if isinstance(error, OSError):  # (a full disk, a lost mount)
        return f"{error.filename or assessment}: {error.strerror or error}"
    if isinstance(error, AttributeError | KeyError | IndexError | TypeError | ValueError):
        # what the check before (ddtool.contract) does not cover: the file, not ddtool,
        # most likely lacks something (every sample chain's assessment renders, in every
        # format, in the tests)
        return (
            f"{assessment}: not a complete ddtool assessment JSON: the report needs something"
            f" it lacks or holds in another shape ({type(error).__name__}: {error});"
            " --debug shows where"
        )
    if isinstance(error, UndefinedError):
        return f"{assessment}: the HTML report needs something the file lacks ({error})"
    return _why_failed(error)


def _read_saved(path: Path, read: Callable[[Path], R], command: str) -> R:
    """What `read` makes of a saved assessment (the document, or a verification); an error
    that says what the file is when it is another ddtool file (a diff, a batch summary),
    and where it is cut off when it is."""
    from ddtool.contract import unreadable_reason
    from ddtool.diff import AssessmentFileError

    try:
        return read(path)
    except AssessmentFileError as e:
        reason = unreadable_reason(path, e, command)
        if reason is None:
            raise
        raise AssessmentFileError(reason) from e


@app.command()
@_guard
def diff(
    old: Annotated[
        Path,
        typer.Argument(help="The earlier assessment JSON.", metavar="OLD.json", parser=_path_given),
    ],
    new: Annotated[
        Path,
        typer.Argument(help="The later assessment JSON.", metavar="NEW.json", parser=_path_given),
    ],
    output: Annotated[
        list[Path] | None,
        typer.Option(
            "-o",
            "--output",
            help="Write the diff (.json, .md, .xlsx). May repeat.",
            parser=_path_given,
        ),
    ] = None,
    fail_on_new: Annotated[
        FailLevel | None,
        _level_option(
            "--fail-on-new",
            "Exit 1 when a new flag reaches this level, or an existing or re-identified flag"
            " rises to it.",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal table.")] = False,
) -> None:
    """New, resolved, changed and re-identified flags, suppliers added, removed and changed,
    profile data changes.

    Exit 0 when done; 1 when --fail-on-new is reached: a new flag is at or above its level,
    or an existing or re-identified flag rose from below it to at or above it; 2 when a file
    is not an assessment, or on another error of input or usage.
    """
    from ddtool.diff import diff_assessments, invalid_reason, load_for_diff, new_at_or_above
    from ddtool.reporters.diff_report import (
        company_note,
        render_diff_terminal,
        warning_texts,
        write_diff,
    )

    outputs = list(output or [])
    for out in outputs:
        if out.is_dir():  # (said before its suffix, as for assess and report)
            _check_writable(out, "diff.md")
        if out.suffix.lower() not in (".json", ".md", ".xlsx"):
            _fail(f"{out}: a diff is written as .json, .md or .xlsx")
        _refuse_an_input(
            out,
            [
                (old, "the old assessment this diff reads"),
                (new, "the new assessment this diff reads"),
            ],
        )
        _check_writable(out, "diff.md")
    _check_distinct(outputs)
    _plan_outputs(outputs)
    documents = [_read_saved(path, load_for_diff, "`ddtool diff`") for path in (old, new)]
    # what the diff reads must be what it seems: ids of their kind and each once, levels
    # and priorities, references that lead somewhere, counts that agree (ddtool.contract)
    found = [
        reason
        for path, document in zip((old, new), documents, strict=True)
        if (reason := invalid_reason(path, document)) is not None
    ]
    if found:
        _fail_all(found)
    result = diff_assessments(*documents, checked=True)  # (as read_assessment reads them)
    _write_each(outputs, lambda out: write_diff(result, out), quiet)
    if not quiet:
        render_diff_terminal(result, _console())
    # (with -q too: the files may be the wrong way round, or of two companies)
    for warning in [*warning_texts(result), *filter(None, [company_note(result)])]:
        _note(f"warning: {warning}")
    code = ExitCode.SUCCESS
    if fail_on_new is not None:
        reached = new_at_or_above(result, fail_on_new.value)
        if reached:  # (said with -q too, on stderr: the reason is the point of a gate)
            _note(_fail_on_new_reason(reached, fail_on_new))
            code = ExitCode.FINDINGS
    raise typer.Exit(int(code))


@app.command()
@_guard
def batch(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            help="Member chain files, or folders holding them.",
            metavar="FILES_OR_FOLDERS",
            parser=_path_given,
        ),
    ],
    outdir: Annotated[
        Path, typer.Option("-o", "--output", help="Output folder.", parser=_path_given)
    ],
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")
    ] = None,
    formats: Annotated[
        str,
        typer.Option("--format", help="Reports per member, e.g. xlsx,json,html (json always)."),
    ] = "json,xlsx",
    fail_on: Annotated[
        FailLevel | None,
        _level_option("--fail-on", "Exit 1 when a risk in any member's chain reaches this level."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip members whose outputs are complete.")
    ] = False,
    anonymise: Annotated[
        bool, typer.Option("--anonymise", help="Stable pseudonyms instead of member names.")
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786."),
    ] = None,
    config: ConfigOption = None,
    profiles: ProfilesOption = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="No progress and no summary line; failures and gates only."
        ),
    ] = False,
    max_rows: MaxRowsOption = DEFAULT_MAX_ROWS,
    max_file_mb: MaxMbOption = DEFAULT_MAX_FILE_MB,
    max_depth: MaxDepthOption = DEFAULT_MAX_DEPTH,
    max_inflate_mb: MaxInflateOption = DEFAULT_MAX_INFLATE_MB,
    max_tiers: MaxTiersOption = DEFAULT_MAX_TIERS,
) -> None:
    """Assess many member files in parallel: a report folder per member and a ranked summary.

    Exit 0 when done, even when some members failed; 1 when --fail-on is reached; 2 when no
    member could be assessed, no member file was found, an input does not exist, the
    options, settings, profiles or anonymise.key are wrong, the Dask scheduler cannot be
    reached, or the output cannot be written (a full disk); 130 when interrupted (Ctrl-C)
    and 143 when terminated (SIGTERM), after which --resume goes on.
    """

    from ddtool.batch import BatchOptions, parse_formats, shown_text

    console = _console(stderr=True)
    chosen = parse_formats(formats)  # (a BatchError: one line, exit 2)
    if jobs is not None and jobs < 1:
        _fail("--jobs must be at least 1")
    _check_writable(outdir, "", folder=True)
    _refuse_batch_settings(outdir, config)
    options = BatchOptions(
        formats=chosen,
        profiles=tuple(str(p.resolve()) for p in profiles or []),
        config=str(config.resolve()) if config else None,
        resume=resume,
        anonymise=anonymise,
        jobs=jobs or os.cpu_count() or 1,
        scheduler=scheduler,
        limits=_limits(max_rows, max_file_mb, max_depth, max_inflate_mb, max_tiers),
    )
    new_folder = not outdir.exists()
    try:
        if profiles:
            _load_profiles(profiles)  # a broken overlay stops the batch once, before any work
        result = _batch_with_progress(inputs, outdir, options, console, quiet)
    except KeyboardInterrupt as e:  # what was written, what not, and that --resume goes on
        for note in getattr(e, "__notes__", ()):
            _batch_line(console, note)
        raise
    except InputError:
        raise  # (one located line per problem, printed as they are)
    except DdtoolError as e:
        if _state["debug"]:
            raise
        _fail(str(e))
    summary = result.summary
    if not quiet:
        if new_folder and outdir.is_dir():  # (as `assess` says it of an output's folder)
            _batch_line(console, f"created folder {outdir}")
        _batch_line(
            console,
            f"{summary['assessed']} of {summary['members']} members assessed,"
            f" {summary['failed']} failed, {result.skipped} resumed; summary in"
            f" {outdir / 'summary.xlsx'}",
        )
    # (the summary's failures and their records, by name or pseudonym; anonymised, the
    # terminal, which is the operator's own, names the member beside its pseudonym: the
    # files to mend are theirs)
    for failure, record in zip(summary["failures"], result.failed, strict=True):
        member, error = failure["member"], failure["error"]
        if summary["anonymised"]:
            member, error = f"{member} ({record['member']})", record["error"]
        _batch_line(console, f"failed: {shown_text(member)}: {shown_text(error)}")
    # (anonymised, named as the failures are: the pseudonym, then the member's name)
    names = [
        f"{row['member']} ({record['member']})" if summary["anonymised"] else row["member"]
        for row, record in zip(summary["ranking"], result.ranked, strict=True)
    ]
    shown_as: dict[int, str] = {}
    if summary["anonymised"]:
        shown_as = {id(record): name for name, record in zip(names, result.ranked, strict=True)}
    warned = None if quiet else _warned_members(result.records, shown_as)
    if warned is not None:
        _batch_line(console, warned)
    for note in [] if quiet else result.notes:  # not read as members; earlier members
        _batch_line(console, note)
    if summary["assessed"] == 0:
        raise typer.Exit(int(ExitCode.ERROR))
    if fail_on is not None:
        reached = _members_reaching(summary["ranking"], names, fail_on)
        if reached:
            _batch_line(
                console,
                f"--fail-on {fail_on.value} reached by {len(reached)} of {summary['assessed']}"
                " members assessed:",
            )
            for text in reached[:_REACHED_SHOWN]:
                _batch_line(console, f"  {text}")
            if len(reached) > _REACHED_SHOWN:
                _batch_line(
                    console,
                    f"  +{len(reached) - _REACHED_SHOWN} more (every member's exposure is in"
                    f" {outdir / 'summary.xlsx'})",
                )
            raise typer.Exit(int(ExitCode.FINDINGS))
    raise typer.Exit(int(ExitCode.SUCCESS))


def _refuse_batch_settings(outdir: Path, config: Path | None) -> None:
    """A usage error when the --config file has a name the batch writes in its output
    folder (summary.json) or in a member's folder there (assessment.json)."""
    from ddtool.atomic import case_key
    from ddtool.batch import MEMBER_FILES, SUMMARY_FILES

    if config is None:
        return
    written = [outdir / name for name in SUMMARY_FILES]
    if case_key(config.parent.parent) == case_key(outdir):
        written += [config.parent / name for name in MEMBER_FILES]
    for path in written:
        if _same_file(path, config):
            _fail(f"{path}: refusing to overwrite an input file, the --config file {config}")


def _batch_with_progress(
    inputs: list[Path], outdir: Path, options: BatchOptions, console: Console, quiet: bool
) -> BatchResult:
    """Run the batch showing its progress: a bar in a terminal, otherwise one line per
    member as it is done (the form logs keep); none with `quiet`. The check `--resume`
    begins with is told as it begins, as it can take a while with nothing else shown."""
    from ddtool.batch import run_batch

    if quiet:
        return run_batch(inputs, outdir, options)
    if console.is_terminal:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        with Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
        ) as bar:
            task = bar.add_task("members", total=None, failed=0)
            failed = 0

            def show(done: int, total: int, member: object, record: dict[str, Any]) -> None:
                nonlocal failed
                failed += record["status"] != "ok"
                bar.update(task, completed=done, total=total, failed=failed)

            return run_batch(inputs, outdir, options, show, functools.partial(_batch_line, console))

    def line(done: int, total: int, member: Any, record: dict[str, Any]) -> None:
        status = record["status"]
        extra = f": {record['error']}" if status != "ok" else _warned(record)
        _emit(f"[{done}/{total}] {member.name} {status}{extra}", sys.stderr)

    return run_batch(inputs, outdir, options, line, functools.partial(_emit, stream=sys.stderr))


_REACHED_SHOWN = 10  # members named when --fail-on is reached; the rest are counted


# the characters of a member's first warning its progress line shows
_FIRST_WARNING_SHOWN = 500


def _warned(record: dict[str, Any]) -> str:
    """What a member assessed with warnings adds to its "ok": how many, and the first (a
    second supplier sheet not read leaves suppliers out, which "ok" alone would hide)."""
    count = record.get("warnings") or 0
    if not count:
        return ""
    first = record.get("first_warning")
    text = f", {count} warning{'s' if count != 1 else ''}"
    if first and len(first) > _FIRST_WARNING_SHOWN:
        # (a line of the progress, not the warning's whole text: that is in the member's
        # result.json and assessment.json; its type kept at its end)
        import re

        tag = re.search(r" \[[a-z-]+\]$", first)
        kept = first[: tag.start()] if tag else first
        first = kept[: _FIRST_WARNING_SHOWN - 1].rstrip() + "…" + (tag.group(0) if tag else "")
    if first:
        text += f": {first}" if count == 1 else f", the first: {first}"
    return text


def _warned_members(
    records: list[dict[str, Any]], shown_as: Mapping[int, str] | None = None
) -> str | None:
    """The line after the summary's naming the members assessed with warnings (the progress
    bar of a terminal shows none), or None when there are none; a member by its name in
    `shown_as` where given (anonymised: its pseudonym beside its name, by its record's id)."""
    from ddtool.batch import shown_names

    warned = [r for r in records if r["status"] == "ok" and r.get("warnings")]
    if not warned:
        return None
    shown_as = shown_as or {}
    names = shown_names([f"{shown_as.get(id(r), r['member'])} ({r['warnings']})" for r in warned])
    one = len(warned) == 1
    return (
        f"{len(warned)} member{'' if one else 's'} assessed with warnings (what was not read,"
        " or read with a doubt: each member's are listed in its assessment.json, and ddtool"
        f" validate FILE lists them): {names}"
    )


def _members_reaching(
    ranking: list[dict[str, Any]], names: list[str], gate: FailLevel
) -> list[str]:
    """The members of a batch whose chain exposure reaches `gate`, in rank order, each by
    its name in `names` (one per row of `ranking`) with the risk types and levels that
    reach it: `seafood (child labour critical, …)`; a level on which data gaps bear reads
    "low (data gap)", "medium (data gap)" (see ddtool.batch.level_shown)."""
    from ddtool.batch import level_shown, shown_text

    reached = []
    for row, name in zip(ranking, names, strict=True):
        risks = [
            f"{risk.replace('_', ' ')} {level_shown(exposure)}"
            for risk, exposure in row["exposure"].items()
            if _reaches([exposure["level"]], gate)
        ]
        if risks:
            reached.append(f"{shown_text(name)} ({', '.join(risks)})")
    return reached


def _batch_line(console: Console, text: str) -> None:
    """One message of a batch on its own line, printed literally: file and folder names may
    hold square brackets (`Lieferanten [2026].xlsx`), which are not markup, and a log wants
    one line per message, not lines cut at 80 columns."""
    from rich.text import Text

    console.print(Text(text), soft_wrap=True)


@app.command()
@_guard
def template(
    outputs: Annotated[
        list[Path],
        typer.Option(
            "-o",
            "--output",
            help="suppliers.xlsx, suppliers.csv or .yaml. May repeat.",
            parser=_path_given,
        ),
    ],
    profiles: ProfilesOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it exists (it may be filled in).")
    ] = False,
) -> None:
    """Write a ready-to-fill input template (Excel with country and sector dropdowns)."""
    from ddtool.template import SUFFIXES, write_template

    for output in outputs:  # (a usage error before any work: no folder made, nothing read)
        if output.is_dir():
            _check_writable(output, "suppliers.xlsx")
        if output.suffix.lower() not in SUFFIXES:
            _fail(f"{output}: templates are .xlsx, .csv or .yaml")
    read = _settings_files(None, profiles)
    for output in outputs:
        _refuse_an_input(output, read)
        if output.exists() and not force:  # a template is what people fill in: never lose one
            _fail(
                f"{output} exists (a filled-in list?): give another name, or --force to replace it"
            )
        _check_writable(output, "suppliers.xlsx")
    _check_distinct(outputs)
    _plan_outputs(outputs)
    taxonomy = _load_profiles(profiles)
    _write_each(outputs, lambda out: write_template(out, taxonomy), quiet=False)


@profiles_app.command("list")
@_guard
def profiles_list(
    part: Annotated[
        str | None,
        typer.Argument(help="sectors, countries or goods: every one, with its id or name"),
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    """What is bundled: counts, version and content hash; with a part (sectors, countries,
    goods), every one of them, with the id a chain file and `profiles show` take."""
    from ddtool.reporters.profiles_view import show_list, show_part

    loaded = _load_profiles(profiles)
    if part is None:
        show_list(loaded, _console())
        return
    message = show_part(loaded, part, _console())
    if message:
        _fail(message)


@profiles_app.command("show")
@_guard
def profiles_show(
    kind: Annotated[str, typer.Argument(help="country, sector or good")],
    key: Annotated[
        str | None, typer.Argument(help="ISO3/name, sector id/alias, or good name")
    ] = None,
    profiles: ProfilesOption = None,
) -> None:
    """Show one country, sector or good with its figures and sources: country CIV, sector
    cocoa-farming, good cotton."""
    from ddtool.reporters.profiles_view import show_item, what_is

    loaded = _load_profiles(profiles)
    if key is None:  # (one word: which kinds it names, and the commands that show them)
        _fail(what_is(loaded, kind))
    message = show_item(loaded, kind, key, _console())
    if message:
        _fail(message)


@profiles_app.command("sources")
@_guard
def profiles_sources(profiles: ProfilesOption = None) -> None:
    """Every source with its publisher, year, licence and location; the bundled goods edition."""
    from ddtool.reporters.profiles_view import show_sources

    show_sources(_load_profiles(profiles), _console())


def _load_profiles(dirs: list[Path] | None) -> Profiles:
    from ddtool.profiles import load_profiles

    return load_profiles(dirs or [])


_STOPPED_BY: list[int] = []  # the signal that stopped the run, if one did


def _stop(signum: int, _frame: object) -> None:
    """Ctrl-C and a termination request end the run as Ctrl-C always did: the exception
    unwinds every write in progress, which removes its temporary file (a plain SIGTERM
    killed the process and left one behind). While the run forks, the exception would be
    lost in the interpreter's fork callbacks: it is raised when the fork is done."""
    _STOPPED_BY.append(signum)
    if stopping.holding():
        stopping.hold(signum)
        return
    raise KeyboardInterrupt


def _debug_first(args: list[str]) -> list[str]:
    """The arguments with `--debug` put first wherever it is written before a `--`: it is an
    option of `ddtool`, and `ddtool assess FILE --debug` is how most people write it."""
    end = args.index("--") if "--" in args else len(args)
    if "--debug" not in args[1:end]:
        return args
    at = args.index("--debug")
    return ["--debug", *args[:at], *args[at + 1 :]]


# options that take one value: given twice, the command-line library keeps the last one
# without a word ("--sheet 'Tier 3' --sheet 'Tier 1'" read 'Tier 1' alone)
_ONE_VALUE = ("--sheet", "--config", "--company", "--as-of")


def _given_twice(args: list[str]) -> str | None:
    """The usage error of an option of one value given more than once, before a `--`."""
    end = args.index("--") if "--" in args else len(args)
    values: dict[str, list[str]] = {}
    at = 0
    while at < end:
        arg = args[at]
        name, equals, value = arg.partition("=")
        if name in _ONE_VALUE:
            if not equals and at + 1 < end:
                at += 1
                value = args[at]
            values.setdefault(name, []).append(value)
        at += 1
    for name, given in values.items():
        if len(given) > 1:
            listed = " and ".join(f"'{value}'" for value in given)
            why = (
                "one sheet is read per workbook: put all suppliers in one sheet, or save each"
                " sheet as CSV and give the files together (ddtool assess tier1.csv tier2.csv)"
                if name == "--sheet"
                else "give it once"
            )
            times = "twice" if len(given) == 2 else f"{len(given)} times"
            return f"{name} given {times} ({listed}): {why}"
    return None


def main() -> None:
    """Console entry point: no traceback for the user unless --debug."""
    import signal

    _ready_streams()
    from ddtool import _end_at_once

    for signum in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(signum) in (signal.SIG_DFL, signal.default_int_handler, _end_at_once):
            signal.signal(signum, _stop)
    sys.argv[1:] = _debug_first(sys.argv[1:])
    if (twice := _given_twice(sys.argv[1:])) is not None:
        _error_line(twice)
        sys.exit(int(ExitCode.ERROR))
    try:
        app()
    except SystemExit as e:  # every normal end, usage errors included (click exits 2)
        if _STOPPED_BY:  # (the command-line library ends a KeyboardInterrupt with exit 130)
            _stopped()
        _leave(e.code)
    except InputError as e:
        _problem_lines(e.problems)
        sys.exit(int(ExitCode.ERROR))
    except DdtoolError as e:
        if "--debug" in sys.argv:
            raise
        print(f"error: {e}", file=sys.stderr)
        sys.exit(int(ExitCode.ERROR))
    except KeyboardInterrupt:
        _stopped()
    except OSError as e:  # a file that could not be written (a full disk, a lost mount)
        if "--debug" in sys.argv:
            raise
        where = f"{e.filename}: " if e.filename else ""
        print(f"error: {where}{e.strerror or e}", file=sys.stderr)
        sys.exit(int(ExitCode.ERROR))
    except Exception as e:  # the last guard: a bug must still not show a traceback
        if "--debug" in sys.argv:
            raise
        print(
            f"internal error: {type(e).__name__}: {e} (run with --debug for a traceback)",
            file=sys.stderr,
        )
        sys.exit(int(ExitCode.ERROR))
    _leave(0)


def _ready_streams() -> None:
    """Printing never decides how a run ends: with stdout or stderr closed (`>&-`, which
    leaves None there) what would be printed goes to the null device, and once a reader
    stops early (`| head`) the rest goes nowhere; the run still writes its files and ends
    with its own exit code (help, usage errors and rich would otherwise exit 1)."""
    for name in ("stdout", "stderr"):
        # (open till the run ends; opened in order, these also take the closed descriptors
        # 1 and 2, which an output file opened later, and a worker's stdout, would take)
        stream = getattr(sys, name) or open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
        if not isinstance(stream, _ReaderMayStop):
            setattr(sys, name, _ReaderMayStop(stream))


class _ReaderMayStop:
    """stdout or stderr whose reader may stop early: after it has, writes go nowhere."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            _to_nowhere(self._stream)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            _to_nowhere(self._stream)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _stopped() -> NoReturn:
    """The end of a run stopped by Ctrl-C (exit 130) or a termination request (143)."""
    import signal

    terminated = bool(_STOPPED_BY) and _STOPPED_BY[0] == signal.SIGTERM
    word = "terminated" if terminated else "interrupted"
    print(_stop_message(word, *_outputs_left()), file=sys.stderr)
    _leave(143 if terminated else 130)


def _outputs_left() -> tuple[list[str], list[str], list[str]]:
    """The outputs of this run written, those not written, and of those the ones that still
    hold a file from before (by what was at each path when the run began: _plan_outputs)."""
    written, not_written, kept = [], [], []
    for out, before in _PLANNED.items():
        now = _file_identity(out)
        if now is not None and now != before:
            written.append(str(out))
        else:
            not_written.append(str(out))
            if now is not None:
                kept.append(str(out))
    return written, not_written, kept


def _stop_message(word: str, written: list[str], not_written: list[str], kept: list[str]) -> str:
    """What a stopped run leaves: the outputs it wrote, those it did not, and which of those
    still hold a file from before (now out of step with the others)."""
    return f"{word}: {_outputs_message(written, not_written, kept)}"


def _outputs_message(written: list[str], not_written: list[str], kept: list[str]) -> str:
    """`a.json was written; b.md and c.csv were not (no output was left half-written; c.csv
    keeps its earlier content)`: what a run that stopped or failed leaves."""
    parts = []
    if written:
        parts.append(f"{_listed(written)} {_was(written)} written")
    if not_written:
        parts.append(
            f"{_listed(not_written)} {_was(not_written)} not" + ("" if written else " written")
        )
    note = "no output was left half-written"
    if kept:
        keeps = "keeps its" if len(kept) == 1 else "keep their"
        note += f"; {_listed(kept)} {keeps} earlier content"
    return f"{'; '.join(parts)} ({note})" if parts else note


def _listed(names: list[str]) -> str:
    """a, b and c."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _was(names: list[str]) -> str:
    return "was" if len(names) == 1 else "were"


def _leave(code: object) -> NoReturn:
    """Exit without tearing down a large assessment object by object (seconds on 10^5
    suppliers): every output is already written, fsync'ed and closed."""

    status = code if isinstance(code, int) else (0 if code is None else 1)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        # a reader that stopped early (`| head`) is not a failure of the run
        with contextlib.suppress(OSError, ValueError):
            if stream is not None:  # (None: closed when the run began, and main() not run)
                stream.flush()
    os._exit(status)
