"""Two overlays given with --profiles are told apart wherever a figure is credited to one:
each by its folder's name, or by as many folders above it as tell it from the others
("a/overlay/sectors.yaml", "b/overlay/sectors.yaml"), never both as "overlay/sectors.yaml"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.profiles import overlay_labels

# (case, the overlay folders given, the name each is credited by)
LABELS: list[tuple[str, list[str], list[str]]] = [
    ("one overlay", ["/data/overlay"], ["overlay"]),
    ("other names", ["/data/o2027", "/data/o2028"], ["o2027", "o2028"]),
    ("one name in two folders", ["/x/a/overlay", "/x/b/overlay"], ["a/overlay", "b/overlay"]),
    (
        "two of three alike",
        ["/p/a/overlay", "/q/a/overlay", "/q/b/mine"],
        ["p/a/overlay", "q/a/overlay", "mine"],
    ),
    # (one folder's whole path the end of the other's: the whole path tells it apart)
    ("one ending the other", ["/x/overlay", "/y/x/overlay"], ["/x/overlay", "y/x/overlay"]),
    ("one folder given twice", ["/x/overlay", "/x/overlay"], ["overlay", "overlay"]),
]


@pytest.mark.parametrize(
    ("given", "labels"), [case[1:] for case in LABELS], ids=[case[0] for case in LABELS]
)
def test_each_overlay_is_named_apart(given: list[str], labels: list[str]) -> None:
    named = overlay_labels([Path(p) for p in given])
    assert [named[Path(p)] for p in given] == labels


def _overlays(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A chain of a trader and its farm, and two folders both named overlay: a's re-rates
    cocoa farming, b's cocoa trading, each citing a source of its own."""
    for folder, sector, source, name in (
        ("a", "cocoa-farming", "acme-survey", "Acme survey 2025"),
        ("b", "cocoa-trading", "acme-review", "Acme review 2026"),
    ):
        overlay = tmp_path / folder / "overlay"
        overlay.mkdir(parents=True)
        manifest = {"sources": [{"id": source, "name": name, "publisher": "Acme", "year": 2026}]}
        (overlay / "manifest.yaml").write_text(yaml.safe_dump(manifest), "utf-8")
        rating = {"likelihood": 0.8, "severity": 0.9, "rationale": name, "source": source}
        risk = {r: rating for r in ("child_labour", "forced_labour", "human_trafficking")}
        sectors = {"sectors": [{"id": sector, "risk": risk}]}
        (overlay / "sectors.yaml").write_text(yaml.safe_dump(sectors), "utf-8")
    chain = tmp_path / "ch2.yaml"
    chain.write_text(
        "company: {name: Acme Choc, country: Germany, sector: chocolate-manufacturing}\n"
        "suppliers:\n"
        "  - {id: T1, name: Trader, country: CIV, sector: cocoa-trading}\n"
        "  - {id: F1, name: Farm, country: CIV, sector: cocoa-farming, buyers: [T1]}\n",
        "utf-8",
    )
    return chain, tmp_path / "a" / "overlay", tmp_path / "b" / "overlay"


A, B = "the overlay a/overlay/sectors.yaml", "the overlay b/overlay/sectors.yaml"


def _text(path: Path) -> str:
    if path.suffix == ".xlsx":
        rows = load_workbook(path)["Sources"].iter_rows(values_only=True)
        return "\n".join(str(cell) for row in rows for cell in row if cell is not None)
    return path.read_text("utf-8").replace("\\_", "_")


# (the outputs that credit figures to their sources)
OUTPUTS = ["ab.json", "ab.md", "ab.html", "ab.xlsx"]


def test_two_overlays_of_one_name_are_credited_apart(tmp_path: Path) -> None:
    chain, a, b = _overlays(tmp_path)
    runner = CliRunner()
    given = ["--profiles", str(a), "--profiles", str(b)]
    saved = tmp_path / "ab.json"
    done = runner.invoke(app, ["assess", str(chain), *given, "-o", str(saved)])
    assert done.exit_code in (0, 1), done.output
    reports = [str(tmp_path / name) for name in OUTPUTS[1:]]
    done = runner.invoke(app, ["report", str(saved), *(x for r in reports for x in ("-o", r))])
    assert done.exit_code == 0, done.output
    for name in OUTPUTS:
        text = _text(tmp_path / name)
        assert A in text and B in text, name
        assert "the overlay overlay/sectors.yaml" not in text, name
    sources = {e["source"] for e in json.loads(saved.read_text("utf-8"))["evidence"].values()}
    assert {f"{A} (given with --profiles)", f"{B} (given with --profiles)"} <= sources

    for supplier, credit in (("T1", B), ("F1", A)):
        explained = runner.invoke(
            app, ["explain", str(chain), supplier, *given], env={"COLUMNS": "1000"}
        )
        assert explained.exit_code == 0, explained.output
        assert credit in explained.output, supplier

    verified = runner.invoke(app, ["assess", "--verify", str(saved)])
    assert verified.exit_code == 0, verified.output
    compared = runner.invoke(app, ["diff", str(saved), str(saved)])
    assert compared.exit_code == 0, compared.output
