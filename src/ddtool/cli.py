"""The ddtool command line: parse options, call the core, render, choose the exit code."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ddtool import __version__
from ddtool.errors import DdtoolError, ExitCode, InputError, Problem

if TYPE_CHECKING:
    from rich.console import Console

    from ddtool.sources.interface import ReadOptions

app = typer.Typer(
    name="ddtool",
    help=(
        "Human-rights due diligence for supply chains: child labour, forced labour and"
        " human trafficking risk (UN SDG Target 8.7), offline and traceable to sources."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
profiles_app = typer.Typer(help="Inspect the bundled risk data: countries, sectors, goods, sources.")
app.add_typer(profiles_app, name="profiles")

_state = {"debug": False}


class OutputFormat(StrEnum):
    """Formats for command output on stdout."""

    TEXT = "text"
    JSON = "json"


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fail(message: str, code: ExitCode = ExitCode.ERROR) -> NoReturn:
    _console(stderr=True).print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    raise typer.Exit(int(code))


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
ProfilesOption = Annotated[
    list[Path] | None,
    typer.Option("--profiles", help="A directory of risk-profile files overlaid on the bundled data."),
]
MaxRowsOption = Annotated[
    int, typer.Option("--max-rows", help="Refuse tables with more rows than this.")
]
MaxMbOption = Annotated[
    int, typer.Option("--max-file-mb", help="Refuse input files larger than this (MB).")
]


def _read_options(
    maps: list[str] | None, sheet: str | None, max_rows: int, max_file_mb: int
) -> ReadOptions:
    from ddtool.sources.columns import parse_column_map
    from ddtool.sources.interface import ReadOptions

    try:
        column_map = parse_column_map(maps or [])
    except ValueError as e:
        _fail(str(e))
    return ReadOptions(column_map=column_map, sheet=sheet, max_rows=max_rows, max_file_mb=max_file_mb)


def _print_problems(problems: list[Problem], console: Console) -> None:
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    table.add_column("severity")
    table.add_column("where")
    table.add_column("type")
    table.add_column("problem", overflow="fold")
    for p in problems:
        colour = "red" if p.severity == "error" else "yellow"
        message = p.message + (f" — did you mean {p.suggestion}?" if p.suggestion else "")
        table.add_row(f"[{colour}]{p.severity}[/]", str(p.location), p.type, message)
    console.print(table)


def _problem_lines(problems: list[Problem]) -> None:
    """One located line per problem on stderr (the form scripts and logs read)."""
    for p in problems:
        print(f"{p.severity}: {p}", file=sys.stderr)


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Chain files (YAML, Excel, CSV).")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="Output: a table (text) or JSON.")
    ] = OutputFormat.TEXT,
    merge: Annotated[
        bool, typer.Option("--merge", help="Treat all files as parts of one chain.")
    ] = False,
    maps: MapOption = None,
    sheet: SheetOption = None,
    profiles: ProfilesOption = None,
    max_rows: MaxRowsOption = 1_000_000,
    max_file_mb: MaxMbOption = 200,
) -> None:
    """Check chain files: readable, countries and sectors known, ids, buyers, cycles, shares.

    Exit 0 when every file is valid, 2 when any has an error. Each file is a chain of its own
    unless --merge is given.
    """
    from ddtool.validate import validate_chain

    options = _read_options(maps, sheet, max_rows, max_file_mb)
    taxonomy = _load_profiles(profiles)
    groups = [files] if merge else [[f] for f in files]
    results = [validate_chain(group, options, taxonomy) for group in groups]
    ok = all(r.ok for r in results)
    if fmt is OutputFormat.JSON:
        print(json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False))
    else:
        console = _console()
        for result in results:
            name = ", ".join(result.files)
            if result.problems:
                console.print(f"[bold]{name}[/]")
                _print_problems(result.problems, console)
            if result.ok:
                warn = f", {len(result.problems)} warning(s)" if result.problems else ""
                console.print(
                    f"[green]✓[/] {name}: {result.suppliers} suppliers, {result.tiers} tiers,"
                    f" OK{warn}"
                    + (f"; data gaps: {result.gap_text}" if result.gap_text else "")
                )
            else:
                errors = sum(1 for p in result.problems if p.severity == "error")
                console.print(f"[red]✗[/] {name}: {errors} error(s)")
        if not ok:
            _problem_lines([p for r in results for p in r.problems if p.severity == "error"])
    raise typer.Exit(int(ExitCode.SUCCESS if ok else ExitCode.ERROR))


def _load_profiles(dirs: list[Path] | None):  # type: ignore[no-untyped-def]
    from ddtool.profiles import load_profiles

    return load_profiles(dirs or [])


def main() -> None:
    """Console entry point: no traceback for the user unless --debug."""
    try:
        app()
    except InputError as e:
        _problem_lines(e.problems)
        sys.exit(int(ExitCode.ERROR))
    except DdtoolError as e:
        if "--debug" in sys.argv:
            raise
        print(f"error: {e}", file=sys.stderr)
        sys.exit(int(ExitCode.ERROR))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as e:  # the last guard: a bug must still not show a traceback
        if "--debug" in sys.argv:
            raise
        print(
            f"internal error: {type(e).__name__}: {e} (run with --debug for a traceback)",
            file=sys.stderr,
        )
        sys.exit(int(ExitCode.ERROR))
