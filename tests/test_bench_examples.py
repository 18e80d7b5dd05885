"""The command lines the benchmark scripts' docstrings show are ones the scripts take: each is
read with the script's own argument parser (running them all would take the benchmark's
time), and the generator's chain example writes the format its file's suffix names."""

from __future__ import annotations

import importlib.util
import shlex
import sys
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

from ddtool.sources.reading import read_chain

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(BENCH.glob("*.py"))


def _script(path: Path) -> ModuleType:
    sys.path.insert(0, str(BENCH))  # (run.py imports generate.py as the scripts run)
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{path.stem}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


def _examples(path: Path, module: ModuleType) -> list[list[str]]:
    """The arguments of each `python bench/NAME.py …` line of the script's docstring."""
    shown = f"python bench/{path.name}"
    lines = (module.__doc__ or "").splitlines()
    return [
        shlex.split(line.strip()[len(shown) :], comments=True)
        for line in lines
        if line.strip().startswith(shown)
    ]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_every_example_of_a_bench_script_is_taken(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = _script(path)
    examples = _examples(path, module)
    assert examples, f"{path.name}: no example in its docstring"
    for example in examples:
        try:
            module.arguments().parse_args(example)
        except SystemExit:
            pytest.fail(f"{path.name} {shlex.join(example)}: {capsys.readouterr().err}")


def test_the_generators_chain_examples_write_the_format_of_their_suffix(tmp_path: Path) -> None:
    generate = _script(BENCH / "generate.py")
    examples = [e for e in _examples(BENCH / "generate.py", generate) if e[0] == "chain"]
    sheets = []
    for example in examples:
        output = example.index("-o") + 1
        assert example[output].endswith(".xlsx")
        example[output] = str(tmp_path / Path(example[output]).name)
        example[example.index("--suppliers") + 1] = "200"  # (the examples' 10^5 take a minute)
        generate.main(example)
        sheets.append(load_workbook(example[output], read_only=True).sheetnames)
    # (one sheet of suppliers, or a sheet per tier: four in a chain of 200)
    assert sheets == [["Suppliers", "Company"], ["Tier 1", "Tier 2", "Tier 3", "Tier 4", "Company"]]
    chain, problems = read_chain([Path(examples[1][examples[1].index("-o") + 1])])
    assert len(chain.suppliers) == 200 and not problems.has_errors()
