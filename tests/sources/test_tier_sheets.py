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
from ddtool.reporters.markdown_report import inputs
from ddtool.sources.interface import ReadOptions
from ddtool.sources.reading import read_chain
from ddtool.sources.table_source import ExcelReader, sheet_tier

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
        sheets[name] = [
            list(HEADER),
            [f"S{tier}", f"Supplier {tier}", "Ghana", SECTORS[tier - 1], buyer],
        ]
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
        ("Level 2", 2),
        ("Tier II", 2),
        ("Tier iii suppliers", 3),
        ("Lieferanten 2. Stufe", 2),
        ("Fournisseurs 2e rang", 2),
        ("2ème niveau", 2),
        ("Tier 0", 0),
        ("Tier Index", None),
        ("Sea level", None),
        ("Tiers 2-3", None),
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


def _unlinked_book(tmp_path: Path, names: list[str], hidden: tuple[str, ...]) -> Path:
    """A workbook of these sheets, each with one supplier of the company's own."""
    sheets = {
        name: [HEADER, [f"S{i}", f"Supplier {i}", "Ghana", "cocoa farming", None]]
        for i, name in enumerate(names)
    }
    return write_book(tmp_path / "chain.xlsx", sheets, hidden=frozenset(hidden))


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
    path = _unlinked_book(tmp_path, names, hidden)
    chain, problems = read_chain([path])
    assert {s.location.sheet for s in chain.suppliers if s.location} == {read}
    [warning] = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert all(f"'{name}'" in warning.message for name in named)
    # the way to have them read together is said where a sheet names a tier
    tiered = any(sheet_tier(name) is not None for name in names)
    assert ("make them a sheet per tier, read together (" in warning.message) is tiered


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
    assert "read as a tier below sheet 'Tier 1', but has no column of buyers" in error.message
    assert "--sheet" in error.message
    assert not [p for p in problems.items if p.type == "tier-mismatch"]  # (told once)


def test_an_id_on_two_tier_sheets_is_told_with_both_sheets(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"].append(["S1", "Supplier 1 again", "Ghana", "cocoa farming", None])
    path = write_book(tmp_path / "chain.xlsx", sheets)
    done = CliRunner().invoke(app, ["validate", str(path)])
    assert done.exit_code == 2, done.output
    assert "sheet 'Tier 2', row 3" in done.output and "duplicate supplier id 'S1'" in done.output
    assert "first defined at" in done.output and "sheet 'Tier 1', row 2" in done.output


def test_a_supplier_at_two_tiers_is_told_where_to_add_its_other_buyer(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 2"].append(["Y9", "Yarn trader", "Ghana", "cocoa trading", "S1"])
    sheets["Tier 3"].append(["Y9", "Yarn trader", "Ghana", "cocoa trading", "S2"])
    path = write_book(tmp_path / "chain.xlsx", sheets)
    [error] = _problems(path)
    assert error["location"]["sheet"] == "Tier 3"
    assert error["message"].endswith(
        "a supplier of several buyers is given once; give 'Y9' once and add 'S2' to its"
        " 'Buyer ID' on sheet 'Tier 2'"
    )


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
    sheet) is not told again for each sheet, and formulas are told at the sheet that holds
    them."""
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Company"] = [["Field", "Value"], ["Name", "Acme Foods"], ["Country", "Narnia"]]
    sheets["Tier 2"][1][1] = '=CONCATENATE("Supplier ", "2")'
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert chain.company.name == "Acme Foods"
    assert [p.type for p in problems.items].count("unknown-country") == 1
    assert [p.location.sheet for p in problems.items if p.type == "formulas"] == ["Tier 2"]
    assert len(chain.suppliers) == 3


def test_validate_names_the_sheets_it_read(tmp_path: Path) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2"]))
    done = CliRunner().invoke(app, ["validate", str(path)])
    assert done.exit_code == 0, done.output
    assert "(sheets 'Tier 1', 'Tier 2'): 2 suppliers, 2 tiers, OK" in " ".join(done.output.split())
    as_json = CliRunner().invoke(app, ["validate", str(path), "--format", "json"])
    assert json.loads(as_json.output)[0]["sheets"] == {str(path): ["Tier 1", "Tier 2"]}


def _problems(path: Path, *args: str) -> list[dict[str, Any]]:
    done = CliRunner().invoke(app, ["validate", str(path), "--format", "json", *args])
    return list(json.loads(done.output)[0]["problems"])


def test_a_blank_column_of_buyers_is_an_error_at_that_column(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 3"][1][4] = None
    path = write_book(tmp_path / "chain.xlsx", sheets)
    [error] = _problems(path)
    assert (error["type"], error["location"]["sheet"], error["location"]["column"]) == (
        "unlinked-tier-sheet",
        "Tier 3",
        "Buyer ID",
    )
    assert "its column of buyers ('Buyer ID') is blank" in error["message"]


# a column naming the supplier of the tier above by id: each row's buyer
TIER_BUYER_HEADERS = [
    "Tier 2 supplier ID",
    "Tier 2 Supplier",
    "Tier-2 vendor no.",
    "2nd tier supplier code",
    "Tier II supplier #",
    "Lieferant Stufe 2",
    "ID proveedor nivel 2",
]


@pytest.mark.parametrize("names", [["Tier 1", "Tier 2", "Tier 3"], ["Tier 3", "Tier 2", "Tier 1"]])
@pytest.mark.parametrize("header", TIER_BUYER_HEADERS)
def test_a_column_naming_the_tier_above_by_id_is_read_as_the_buyers(
    tmp_path: Path, header: str, names: list[str]
) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 2"][0][4] = header.replace("2", "1").replace("II", "I")
    sheets["Tier 3"][0][4] = header
    path = write_book(tmp_path / "chain.xlsx", {name: sheets[name] for name in names})
    chain, problems = read_chain([path])
    assert problems.items == []
    assert sorted((s.id, s.buyers) for s in chain.suppliers) == [
        ("S1", []),
        ("S2", ["S1"]),
        ("S3", ["S2"]),
    ]
    # (read as the sheets' tiers say, not as a mapping given: the JSON records none)
    done = CliRunner().invoke(app, ["assess", str(path), "-q", "-o", str(tmp_path / "a.json")])
    assert done.exit_code == 0, done.output
    document = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert document["options"]["column_map"] == {}
    assert {e["id"]: e["tiers"] for e in document["suppliers"] if not e["inferred"]} == {
        "S1": [1],
        "S2": [2],
        "S3": [3],
    }


NOT_TIER_BUYERS = [
    # (the Tier 3 sheet's last headers, the suggestion of the error that it has no buyers)
    (["Tier 2 supplier name"], "--map 'Tier 2 supplier name=buyers'"),  # (a name: no id)
    (["Tier 3 supplier ID"], None),  # (its own tier: not its buyer's)
    (["Tier 1 supplier code"], "--map 'Tier 1 supplier code=buyers'"),  # (two tiers above)
    # (two columns that could each be it: which one is not guessed)
    (["Tier 2 supplier ID", "Tier 2 supplier code"], "--map 'Tier 2 supplier ID=buyers'"),
    # (a template's column of buyers left blank beside it)
    (["Buyer ID", "Tier 2 supplier name"], "--map 'Tier 2 supplier name=buyers'"),
]


@pytest.mark.parametrize(("headers", "suggestion"), NOT_TIER_BUYERS, ids=str)
def test_other_columns_naming_a_tier_are_only_suggested_as_the_buyers(
    tmp_path: Path, headers: list[str], suggestion: str | None
) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 3"][0][4:] = headers
    sheets["Tier 3"][1][4:] = [None if h == "Buyer ID" else "S2" for h in headers]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    [error] = [p for p in _problems(path) if p["type"] == "unlinked-tier-sheet"]
    assert error["suggestion"] == suggestion
    if suggestion is not None:
        # mapped, it is read on that sheet, and no other sheet is told the mapping is unused
        mapped = suggestion.removeprefix("--map '").removesuffix("'")
        assert [p["type"] for p in _problems(path, "--map", mapped)] == []


def test_a_column_of_buyers_comes_before_one_naming_the_tier_above(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 3"][0].append("Tier 2 supplier ID")
    sheets["Tier 3"][1].append("S1")  # (kept as written, an attribute)
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert problems.items == []
    [s3] = [s for s in chain.suppliers if s.id == "S3"]
    assert (s3.buyers, s3.attributes) == (["S2"], {"Tier 2 supplier ID": "S1"})


ROWS_ELSEWHERE = [
    # (the Tier 3 row's buyer, the warning's end)
    (None, "its buyer is blank, so it is read as the company's direct supplier; give its"),
    ("S1", "check its buyer"),  # (a tier-1 buyer: at tier 2)
]


@pytest.mark.parametrize(("buyer", "told"), ROWS_ELSEWHERE)
def test_a_row_its_links_put_at_another_tier_than_its_sheet_is_told(
    tmp_path: Path, buyer: str | None, told: str
) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 3"].append(["S9", "Supplier 9", "Ghana", "cocoa farming", buyer])
    path = write_book(tmp_path / "chain.xlsx", sheets)
    [warning] = _problems(path)
    found = 1 if buyer is None else 2
    assert (warning["type"], warning["severity"]) == ("tier-mismatch", "warning")
    assert (warning["location"]["sheet"], warning["location"]["row"]) == ("Tier 3", 3)
    assert warning["location"]["column"] == "Buyer ID"
    assert warning["message"].startswith(
        f"on sheet 'Tier 3', so at tier 3, but the buyer links put it at tier {found}: {told}"
    )


@pytest.mark.parametrize("names", [["Tier 2", "Tier 3"], ["Tier 0", "Tier 1", "Tier 2"]])
def test_tiers_are_counted_from_the_lowest_sheet(tmp_path: Path, names: list[str]) -> None:
    """A list that begins at "Tier 2" (a supplier's own list), or at "Tier 0" (the
    company's own sites), is placed from its lowest sheet, without a warning."""
    path = write_book(tmp_path / "chain.xlsx", _tiers(names))
    assert _problems(path) == []


def test_another_supplier_sheet_is_told_while_the_tier_sheets_are_read(tmp_path: Path) -> None:
    """An "Audits" sheet keyed by supplier id, or a hidden empty "Tier 4", does not keep the
    tier sheets from being read together; it is named as not read."""
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Audits"] = [["Supplier ID", "Audit date"], ["S1", "2026-01-10"]]
    sheets["Tier 4"] = [HEADER]
    path = write_book(tmp_path / "chain.xlsx", sheets, hidden=frozenset({"Tier 4"}))
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1", "S2", "S3"]
    [warning] = problems.items
    assert warning.type == "other-supplier-sheets"
    assert warning.message.startswith(
        "sheets 'Tier 1', 'Tier 2', 'Tier 3' are read, a sheet per tier; 'Audits', 'Tier 4'"
        " (hidden) also have supplier headers and are not read"
    )
    assert "(unhide 'Tier 4' (or delete it, if it is an old copy))" in warning.message


WHY = [
    # (sheet names, hidden, what the warning says keeps them from being read together)
    (["Tier 1", "Tier 2"], ("Tier 2",), "unhide 'Tier 2' (or delete it, if it is an old copy)"),
    (["Tier 1", "Tier 2", "Tier 2 (old)"], (), "'Tier 2' and 'Tier 2 (old)' name the same tier"),
    (["Suppliers", "Tier 2"], (), "name 'Suppliers' by its tier ('Tier 1')"),
]


@pytest.mark.parametrize(("names", "hidden", "why"), WHY, ids=str)
def test_the_warning_says_what_keeps_tier_sheets_apart(
    tmp_path: Path, names: list[str], hidden: tuple[str, ...], why: str
) -> None:
    path = _unlinked_book(tmp_path, names, hidden)
    _chain, problems = read_chain([path])
    [warning] = [p for p in problems.items if p.type == "other-supplier-sheets"]
    assert f"read together ({why}" in warning.message


def test_a_tier_sheet_without_an_id_column_is_told_so(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"] = [["Supplier name", "Country", "Sector"], ["Farm", "Ghana", "cocoa farming"]]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    _chain, problems = read_chain([path])
    [warning] = problems.items
    assert "read together (give 'Tier 2' an id column)" in warning.message


def test_a_company_sheet_first_gives_way_to_sheets_named_t1_t2(tmp_path: Path) -> None:
    sheets = {"Company": [["Field", "Value"], ["Name", "Acme Foods"]]}
    sheets.update(_tiers(["T1", "T2"]))
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert problems.items == []
    assert (chain.company.name, [s.id for s in chain.suppliers]) == ("Acme Foods", ["S1", "S2"])


def test_the_company_named_above_a_later_sheet_is_kept(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"] = [["Company: ChocoBrand GmbH"], *sheets["Tier 2"]]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, _problems_found = read_chain([path])
    assert chain.company.name == "ChocoBrand GmbH"


def test_a_batch_is_not_told_to_use_the_sheet_option(tmp_path: Path) -> None:
    folder = tmp_path / "members"
    folder.mkdir()
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"] = [row[:4] for row in sheets["Tier 2"]]
    write_book(folder / "member.xlsx", sheets)
    out = tmp_path / "out"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "-j", "1"])
    assert "unlinked-tier-sheet" in done.output
    assert "--sheet" not in done.output


FIRST_SHEET_READ = [
    # (sheet names, the sheet read): a later sheet named by a tier never wins over the first
    (["Liste", "Stufe 2"], "Liste"),
    (["Sheet1", "T2"], "Sheet1"),
    (["Data", "Level 2"], "Data"),
    (["Sheet1", "Risk level 3"], "Sheet1"),
]


@pytest.mark.parametrize(("names", "read"), FIRST_SHEET_READ, ids=str)
def test_the_first_sheet_is_read_before_a_later_tier_sheet(
    tmp_path: Path, names: list[str], read: str
) -> None:
    chain, problems = read_chain([_unlinked_book(tmp_path, names, ())])
    assert {s.location.sheet for s in chain.suppliers if s.location} == {read}
    assert [p.type for p in problems.items] == ["other-supplier-sheets"]


def test_no_tier_is_read_beyond_one_not_read(tmp_path: Path) -> None:
    """Tier 3's buyers are on tier 2: with the two "Tier 2" sheets not read, neither is
    tier 3 (its rows would all name buyers not in the chain)."""
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    sheets["Tier 2 (old)"] = sheets["Tier 2"]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert [s.id for s in chain.suppliers] == ["S1"]
    [warning] = problems.items
    assert "'Tier 2', 'Tier 3', 'Tier 2 (old)' also have supplier headers" in warning.message


@pytest.mark.parametrize("name", ["Tier 1 & 2", "Tiers 2-3", "Tier 1/2", "Tier 2 and 3"])
def test_a_sheet_of_several_tiers_names_no_tier(name: str) -> None:
    assert sheet_tier(name) is None


def test_a_tier_column_that_agrees_with_the_links_is_no_mismatch(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2"])
    sheets["Tier 2"][0].append("Tier")
    sheets["Tier 2"][1].append(2)
    sheets["Tier 2"].append(["S9", "Supplier 9", "Ghana", "cocoa farming", "S2", 3])
    path = write_book(tmp_path / "chain.xlsx", sheets)
    assert _problems(path) == []


def test_an_unknown_buyer_points_to_the_warning_without_the_sheet_option(tmp_path: Path) -> None:
    """A hidden "Tier 1": its suppliers' buyers are not read, and the error says where to
    look (it said "one sheet is read per workbook", untrue of a sheet per tier)."""
    path = write_book(
        tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2"]), hidden=frozenset({"Tier 1"})
    )
    [error] = [p for p in _problems(path) if p["type"] == "unknown-buyer"]
    assert error["message"].endswith("not read: the other-supplier-sheets warning says why)")


SHEETS_SHOWN = [
    # (the sheets an input file records, how every report names the file)
    (None, "chain.xlsx"),  # (schema 2.6 and before, or a CSV or YAML file)
    ([], "chain.xlsx"),
    (["Suppliers"], "chain.xlsx, sheet 'Suppliers'"),
    (["Tier 1", "Tier 2"], "chain.xlsx, sheets 'Tier 1' and 'Tier 2'"),
    (["Tier 1", "Tier 2", "Tier 3"], "chain.xlsx, sheets 'Tier 1', 'Tier 2' and 'Tier 3'"),
]


@pytest.mark.parametrize(("sheets", "shown"), SHEETS_SHOWN, ids=str)
def test_the_reports_name_the_sheets_read(sheets: list[str] | None, shown: str) -> None:
    entry: dict[str, Any] = {"path": "chain.xlsx", "sha256": "ab" * 32}
    if sheets is not None:
        entry["sheets"] = sheets
    rows, combined = inputs({"input": {"path": "chain.xlsx", "files": [entry]}})
    assert (rows, combined) == ([("Input", shown, "ab" * 32)], None)


def test_the_assessment_records_the_sheets_read_of_each_workbook(tmp_path: Path) -> None:
    book = write_book(tmp_path / "chain.xlsx", _tiers(["Notes", "Tier 1", "Tier 2", "Tier 3"]))
    more = tmp_path / "more.csv"
    more.write_text(
        "Supplier ID,Supplier name,Country,Sector,Buyer ID\nS9,Farm,Ghana,cocoa farming,S3\n"
    )
    out = tmp_path / "a.json"
    done = CliRunner().invoke(app, ["assess", str(book), str(more), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    document = json.loads(out.read_text("utf-8"))
    assert [(f["path"], f.get("sheets")) for f in document["input"]["files"]] == [
        (str(book), ["Tier 1", "Tier 2", "Tier 3"]),
        (str(more), None),
    ]
    # saved by schema 2.6, without them, it is reproduced all the same (they are not compared)
    for entry in document["input"]["files"]:
        entry.pop("sheets", None)
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps(document | {"schema_version": "2.6"}), "utf-8")
    again = CliRunner().invoke(app, ["assess", "--verify", str(earlier)])
    assert again.exit_code == 0, again.output
    assert "reproduced" in again.output and "saved as schema" not in again.output


def test_the_workbook_is_checked_and_scanned_once_for_all_its_tier_sheets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ddtool.sources import table_source

    scans: list[Path] = []
    scan = table_source._scan_workbook

    def counted(path: Path, sheets: Any) -> Any:
        scans.append(path)
        return scan(path, sheets)

    monkeypatch.setattr(table_source, "_scan_workbook", counted)
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3", "Tier 4"])
    sheets["Tier 3"].append(["S9", "=1+1", "Ghana", "cocoa farming", "S2"])  # (a formula)
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert len(chain.suppliers) == 5 and scans == [path]
    # (the formulas told at the sheet that holds them, and no other)
    assert [(p.type, p.location.sheet) for p in problems.items if "formula" in p.type] == [
        ("formulas", "Tier 3"),
        ("formula-without-result", "Tier 3"),
    ]
    # a tier sheet of a workbook changed since (saved again) is checked and scanned anew
    write_book(path, {**sheets, "Tier 4": [*sheets["Tier 4"], ["S10", "Farm", "Ghana"]]})
    ExcelReader().read(path, ReadOptions(sheet="Tier 4", tier_sheet=True))
    assert scans == [path, path]


def test_a_blank_column_of_buyers_gives_way_to_one_naming_the_tier_above(tmp_path: Path) -> None:
    sheets = _tiers(["Tier 1", "Tier 2", "Tier 3"])
    for name in ("Tier 2", "Tier 3"):  # (a template's 'Buyer ID', left blank)
        above = sheets[name][1][4]
        sheets[name][0].append(f"Tier {sheet_tier(name) - 1} supplier code")  # type: ignore[operator]
        sheets[name][1][4:] = [None, above]
    path = write_book(tmp_path / "chain.xlsx", sheets)
    chain, problems = read_chain([path])
    assert problems.items == []
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        ("S1", []),
        ("S2", ["S1"]),
        ("S3", ["S2"]),
    ]


def test_verify_compares_the_sheets_read(tmp_path: Path) -> None:
    path = write_book(tmp_path / "chain.xlsx", _tiers(["Tier 1", "Tier 2", "Tier 3"]))
    out = tmp_path / "a.json"
    assert CliRunner().invoke(app, ["assess", str(path), "-q", "-o", str(out)]).exit_code == 0
    document = json.loads(out.read_text("utf-8"))
    document["input"]["files"][0]["sheets"] = ["Tier 1"]
    out.write_text(json.dumps(document), "utf-8")
    done = CliRunner().invoke(app, ["assess", "--verify", str(out)])
    assert done.exit_code != 0
    assert "$.input.files[0].sheets: saved 'Tier 1', now 'Tier 1', 'Tier 2', 'Tier 3'" in " ".join(
        done.output.split()
    )


def test_a_supplier_given_again_on_a_sheet_after_a_csv_file_names_no_sheet(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Supplier ID,Supplier name,Buyer ID\nS1,One,\nY9,Yarn,S1\n", "utf-8")
    book = write_book(
        tmp_path / "more.xlsx",
        {
            "Suppliers": [
                ["Supplier ID", "Supplier name", "Buyer ID"],
                ["S2", "Two", "S1"],
                ["Y9", "Yarn", "S2"],
            ]
        },
    )
    [error] = [p for p in _problems(first, str(book), "--merge") if p["type"] == "duplicate-id"]
    assert error["message"].endswith("give 'Y9' once and add 'S2' to its 'Buyer ID'")
