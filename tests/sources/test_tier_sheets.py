"""A workbook with a sheet per tier ("Tier 1", "Tier 2", "Tier 3"), a layout many supplier
mapping templates use, is read as one chain, its buyers found across the sheets, as files
given together are. Before, only the first sheet was read and a warning named the others:
a chain's tier-2 and tier-3 suppliers were left out of `ddtool assess` and `ddtool batch`.

Other supplier sheets that are not a tier each ("Suppliers 2025" beside "Suppliers 2026",
a hidden copy, two sheets of one tier) are still not read together: one is read and a
warning names the others."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from batch_support import read_summary
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.sources.interface import ReadOptions
from ddtool.sources.reading import read_chain
from ddtool.sources.table_source import sheet_tier

HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer ID"]
SECTORS = ["cocoa trading", "cocoa cooperative", "cocoa farming", "cocoa farming"]


def _tiers(names: list[str]) -> dict[str, list[list[Any]]]:
    """A sheet per name; the supplier of the n-th supplier sheet supplies the one before."""
    sheets: dict[str, list[list[Any]]] = {}
    tier = 0
    for name in names:
        if sheet_tier(name) is None and "tier" not in name.lower():
            sheets[name] = [["Please give one row per supplier."]]  # (instructions)
            continue
        buyer = f"S{tier}" if tier else None
        tier += 1
        sheets[name] = [HEADER, [f"S{tier}", f"Supplier {tier}", "Ghana", SECTORS[tier - 1], buyer]]
    return sheets


@pytest.mark.parametrize(
    ("name", "tier"),
    [
        ("Tier 1", 1),
        ("Tier2", 2),
        ("Tier-3 suppliers", 3),
        ("tier_2", 2),
        ("T1", 1),
        (" t2 ", 2),
        ("2nd tier", 2),
        ("3rd-tier suppliers", 3),
        ("Lieferanten Stufe 2", 2),
        ("Fournisseurs rang 2", 2),
        ("Proveedores nivel 3", 3),
        ("Fornecedores nível 2", 2),
        ("Fornitori livello 2", 2),
        ("Leveranciers laag 2", 2),
        ("Tier #2", 2),
        ("Suppliers", None),
        ("Suppliers 2026", None),
        ("Tier list 2025", None),
        ("Frontier 2", None),  # (a word that ends in "tier")
        ("Tier 2025", None),  # (a year, not a tier)
        ("T2 orders 2024", None),
    ],
)
def test_the_tier_a_sheet_name_gives(name: str, tier: int | None) -> None:
    assert sheet_tier(name) == tier


TOGETHER = [
    ["Tier 1", "Tier 2", "Tier 3"],
    ["Lieferanten Stufe 1", "Lieferanten Stufe 2"],
    ["Fournisseurs rang 1", "Fournisseurs rang 2"],
    ["T1", "T2", "T3"],
    ["1st tier", "2nd tier"],
    ["Proveedores nivel 1", "Proveedores nivel 2", "Proveedores nivel 3"],
    ["Instructions", "Tier 1", "Tier 2"],  # (an instructions sheet is no tier)
    ["Tier 1", "Notes", "Tier 2", "Tier 3", "Tier 4"],
]


@pytest.mark.parametrize("names", TOGETHER, ids=lambda v: "|".join(v))
def test_a_sheet_per_tier_is_read_as_one_chain(tmp_path: Path, names: list[str]) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(names))
    chain, problems = read_chain([path])
    assert problems.items == []
    tiers = [name for name in names if sheet_tier(name) is not None]
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        (f"S{n}", [f"S{n - 1}"] if n > 1 else []) for n in range(1, len(tiers) + 1)
    ]
    assert [s.location.sheet for s in chain.suppliers if s.location] == tiers
    assert chain.unread_sheets == {}
    assert chain.files == [str(path)]


NOT_TOGETHER = [
    # (sheet names, hidden sheets, the sheet read, the sheets the warning names)
    (["Suppliers 2025", "Suppliers 2026"], (), "Suppliers 2025", ["Suppliers 2026"]),
    (["Tier 1", "Tier 2", "Tier 2 (old)"], (), "Tier 1", ["Tier 2", "Tier 2 (old)"]),
    (["Tier 1", "Tier 2"], ("Tier 2",), "Tier 1", ["Tier 2"]),  # (a hidden sheet)
    (["Stufe 1", "Suppliers"], (), "Suppliers", ["Stufe 1"]),  # (one not named by its tier)
    (["Lieferanten", "Stufe 2", "Stufe 3"], (), "Lieferanten", ["Stufe 2", "Stufe 3"]),
]


@pytest.mark.parametrize(("names", "hidden", "read", "named"), NOT_TOGETHER, ids=str)
def test_other_supplier_sheets_are_still_one_sheet_read_and_a_warning(
    tmp_path: Path, names: list[str], hidden: tuple[str, ...], read: str, named: list[str]
) -> None:
    sheets = {
        name: [HEADER, [f"S{i}", f"Supplier {i}", "Ghana", "cocoa farming", None]]
        for i, name in enumerate(names)
    }
    path = write_book(tmp_path / "chain.xlsx", sheets, hidden=frozenset(hidden))
    chain, problems = read_chain([path])
    assert {s.location.sheet for s in chain.suppliers if s.location} == {read}
    [warning] = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert all(f"'{name}'" in warning.message for name in named)
    # the way to have them read together is said where a sheet names a tier
    tiered = any(sheet_tier(name) is not None for name in names)
    assert ("such sheets are read together" in warning.message) is tiered


def test_a_sheet_chosen_with_the_sheet_option_is_read_alone(tmp_path: Path) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2", "Tier 3"]))
    chain, problems = read_chain([path], ReadOptions(sheet="Tier 1"))
    assert [s.id for s in chain.suppliers] == ["S1"]
    assert chain.unread_sheets == {str(path): ["Tier 2", "Tier 3"]}
    assert not [p for p in problems.items if p.type == "other-supplier-sheets"]


def test_a_tier_sheet_without_buyers_is_an_error(tmp_path: Path) -> None:
    """Its suppliers would otherwise be read as the company's direct suppliers."""
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 3"] = [[cell for cell in row[:4]] for row in sheets["Tier 3"]]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    _chain, problems = read_chain([path])
    [error] = problems.errors
    assert (error.type, error.location.file, error.location.sheet) == (
        "unlinked-tier-sheet",
        str(path),
        "Tier 3",
    )
    assert "read as tier 3 of the chain, but has no column of buyers" in error.message
    assert "--sheet" in error.message


def test_an_id_on_two_tier_sheets_is_told_with_both_sheets(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"].append(["S1", "Supplier 1 again", "Ghana", "cocoa farming", None])
    path = write_book(tmp_path / "chain.xlsx", sheets)
    done = CliRunner().invoke(app, ["validate", str(path)])
    assert done.exit_code == 2, done.output
    assert "sheet 'Tier 2', row 3" in done.output and "duplicate supplier id 'S1'" in done.output
    assert "first defined at" in done.output and "sheet 'Tier 1', row 2" in done.output


def test_an_unknown_buyer_on_a_tier_sheet_is_located_there(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"][1][4] = "S9"
    path = write_book(tmp_path / "chain.xlsx", sheets)
    done = CliRunner().invoke(app, ["validate", str(path)])
    assert done.exit_code == 2, done.output
    assert "sheet 'Tier 2', row 2" in done.output and "unknown-buyer" in done.output


def test_assess_and_explain_see_every_tier(tmp_path: Path) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2", "Tier 3"]))
    out = tmp_path / "out.json"
    done = CliRunner().invoke(app, ["assess", str(path), "-o", str(out), "-q"])
    assert done.exit_code == 0, done.output
    entries = {e["id"]: e for e in json.loads(out.read_text("utf-8"))["suppliers"]}
    assert [entries[f"S{n}"]["tiers"] for n in (1, 2, 3)] == [[1], [2], [3]]
    assert entries["S3"]["path"] == ["company", "S1", "S2", "S3"]
    explained = CliRunner().invoke(app, ["explain", str(path), "S3"])
    assert explained.exit_code == 0, explained.output
    assert "tiers [3]" in " ".join(explained.output.split())


def test_a_batch_member_with_a_sheet_per_tier_is_assessed_whole(tmp_path: Path) -> None:
    folder = tmp_path / "members"
    folder.mkdir()
    write_book(folder / "member.xlsx", _tiers(["Tier 1", "Tier 2", "Tier 3"]))
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert done.exit_code == 0, done.output
    [row] = read_summary(out)["ranking"]
    assert (row["member"], row["warnings"]) == ("member", 0)
    record = json.loads((out / "member" / "assessment.json").read_text("utf-8"))
    assert sorted(e["id"] for e in record["suppliers"] if not e["inferred"]) == ["S1", "S2", "S3"]


def test_the_company_and_the_workbook_s_formulas_are_told_once(tmp_path: Path) -> None:
    """Each tier sheet is read as --sheet reads it; what belongs to the workbook (its Company
    sheet, formulas found in any of its sheets) is not told again for each sheet."""
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Company"] = [["Field", "Value"], ["Name", "Acme Foods"], ["Country", "Narnia"]]
    sheets["Tier 2"][1][1] = '=CONCATENATE("Supplier ", "2")'
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert chain.company.name == "Acme Foods"
    assert [p.type for p in problems.items].count("unknown-country") == 1
    assert [p.type for p in problems.items].count("formulas") == 1
    assert len(chain.suppliers) == 3


def test_validate_names_the_sheets_it_read(tmp_path: Path) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2"]))
    done = CliRunner().invoke(app, ["validate", str(path)])
    assert done.exit_code == 0, done.output
    assert "(sheets 'Tier 1', 'Tier 2'): 2 suppliers, 2 tiers, OK" in " ".join(done.output.split())
    as_json = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert json.loads(as_json.output)[0]["sheets"] == {str(path): ["Tier 1", "Tier 2"]}
