"""How `ddtool explain` finds the supplier asked for: a name however its accents are typed,
a name several suppliers share, and a supplier in a workbook's sheet that is not read."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from chain_support import chain_file
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app

ROOT = Path(__file__).resolve().parents[1]
CAES = "Coopérative Agricole Espoir de Soubré (CAES)"  # COOP-CI-2 in sample_chains/cocoa.yaml
HEADER = ["Supplier ID", "Supplier name", "Country", "Sector", "Buyer IDs"]
NOT_READ = "other-supplier-sheets"


def _cocoa(_: Path) -> Path:
    return ROOT / "sample_chains" / "cocoa.yaml"


def _shared_names(tmp_path: Path) -> Path:
    """Z and W share a name (written in two cases); five suppliers share another."""
    five = "".join(
        f"  - {{id: F{i}, name: Five, country: GH, sector: cocoa farming}}\n" for i in range(5)
    )
    path = tmp_path / "shared.yaml"
    path.write_text(
        "company: {name: Amb, country: DE}\nsuppliers:\n"
        "  - {id: Z, name: Same Name, country: CIV, sector: cocoa farming}\n"
        "  - {id: W, name: same name, country: GH, sector: cocoa farming}\n" + five,
        encoding="utf-8",
    )
    return path


def _minerals(_: Path) -> Path:
    return ROOT / "sample_chains" / "electronics_minerals.yaml"


def _two_sheets(tmp_path: Path) -> Path:
    """A workbook whose second supplier sheet is not read (the first one is)."""
    return write_book(
        tmp_path / "twosheets.xlsx",
        {
            "Suppliers": [
                HEADER,
                ["A1", "Ghana Cocoa Co", "Ghana", "cocoa trading", ""],
                ["A2", "Farm Koforidua", "GH", "cocoa farming", "A1"],
            ],
            "Suppliers 2025": [HEADER, ["B1", "Old supplier", "Peru", "gold mining", ""]],
        },
    )


def _id_and_name(tmp_path: Path) -> Path:
    """'Acme Ltd' is one supplier's id and another's name; 'Twice' the name of two others."""
    path = tmp_path / "idname.csv"
    path.write_text(
        "id,name,country,sector\n"
        "Acme Ltd,Other Co,BGD,garment manufacturing\n"
        "S2,Acme Ltd,BGD,garment manufacturing\n"
        "Twice,Once,BGD,garment manufacturing\n"
        "T1,twice,BGD,garment manufacturing\n"
        "T2,TWICE,BGD,garment manufacturing\n",
        encoding="utf-8",
    )
    return path


@dataclass(frozen=True)
class LookupCase:
    """A chain, the supplier asked for, whether it is explained, and what is said."""

    name: str
    chain: str  # the function that writes it
    given: str
    explained: bool
    said: tuple[str, ...] = ()
    not_said: tuple[str, ...] = ()
    options: tuple[str, ...] = ()


def _accented(tmp_path: Path) -> Path:
    """A short name with three accents."""
    name = "Société Générale du Cacao"
    return chain_file(tmp_path, [{"id": "S1", "name": name, "sector": "cocoa trading"}])


CHAINS = {
    "accented": _accented,
    "cocoa": _cocoa,
    "minerals": _minerals,
    "shared": _shared_names,
    "two sheets": _two_sheets,
    "id and name": _id_and_name,
}
IN_B = "'{}' is in sheet 'Suppliers 2025', which is not read (one sheet of a workbook is):"
IN_A = "'{}' is in sheet 'Suppliers', which is not read (one sheet of a workbook is):"
LOOKUP_CASES = (
    # a name typed with its accents apart (NFD, as macOS writes it) was no name of the chain
    LookupCase(
        "accents typed apart",
        "cocoa",
        unicodedata.normalize("NFD", CAES),
        True,
        ("the supplier of that name, COOP-CI-2",),
    ),
    LookupCase(
        "accents typed apart, in lower case",
        "cocoa",
        unicodedata.normalize("NFD", CAES.lower()),
        True,
        ("the supplier of that name, COOP-CI-2",),
    ),
    # a name two suppliers share: their ids were not given; then the message began "no
    # supplier 'Kakao Coop' …" and went on "3 suppliers have that name"
    LookupCase(
        "a name two share",
        "shared",
        "Same Name",
        False,
        ("'Same Name' names 2 suppliers in", ": give one of their ids: 'Z', 'W'"),
        ("no supplier",),
    ),
    LookupCase(
        "a name five share",
        "shared",
        "five",
        False,
        ("'five' names 5 suppliers in", "give one of their ids: 'F0', 'F1', 'F2', 'F3', 'F4'"),
        ("no supplier", "more"),
    ),
    # the name every report gives an inferred stage was looked for among mapped suppliers
    # only: "no supplier" with a hint to one stage of the four of that name, or none at all
    LookupCase(
        "an inferred stage's name",
        "cocoa",
        "inferred cocoa farming (cocoa beans)",
        True,
        (
            "the supplier of that name, inferred:cocoa-farming:cocoa-beans@CIV",
            "inferred cocoa farming (cocoa beans) (inferred:cocoa-farming:cocoa-beans@CIV)",
        ),
    ),
    LookupCase(
        "an inferred stage's name in another case",
        "cocoa",
        "Inferred Crop Farming (fruit, vegetables, grains, other) (Sugar Beets)",
        True,
        ("the supplier of that name, inferred:crop-farming:sugar-beets@world",),
    ),
    LookupCase(
        "a name two inferred stages share",
        "minerals",
        "inferred artisanal and small-scale mining (asm) (gold)",
        False,
        (
            "'inferred artisanal and small-scale mining (asm) (gold)' names 2 suppliers in",
            ": give one of their ids: 'inferred:artisanal-mining:gold@CHN',"
            " 'inferred:artisanal-mining:gold@world'",
        ),
        ("no supplier", "did you mean"),
    ),
    LookupCase(
        "a name three inferred stages share",
        "minerals",
        "inferred artisanal and small-scale mining (asm) (tungsten)",
        False,
        (
            "names 3 suppliers in",
            ": give one of their ids: 'inferred:artisanal-mining:tungsten@CHN',"
            " 'inferred:artisanal-mining:tungsten@VNM', 'inferred:artisanal-mining:tungsten@world'",
        ),
    ),
    LookupCase(
        "an inferred stage's name a letter off",
        "cocoa",
        "inferred cocoa farming (cocoa bean)",
        False,
        ("no supplier", "'inferred:cocoa-farming:cocoa-beans@CIV'"),
    ),
    # a supplier in a sheet not read: only "no supplier", without the warning assess gives
    LookupCase(
        "an id in the sheet not read",
        "two sheets",
        "B1",
        False,
        (f"[{NOT_READ}]", IN_B.format("B1") + " read it with --sheet 'Suppliers 2025'"),
    ),
    LookupCase(
        "a name in the sheet not read",
        "two sheets",
        "old supplier",
        False,
        (IN_B.format("old supplier"),),
    ),
    LookupCase(
        "in no sheet",
        "two sheets",
        "ZZ",
        False,
        (f"[{NOT_READ}]", "no supplier 'ZZ'"),
        ("which is not read",),
    ),
    LookupCase("in the sheet read", "two sheets", "A1", True, (f"[{NOT_READ}]",)),
    # --sheet names the sheet read (no warning names the others): they were not looked in
    LookupCase(
        "an id in the sheet --sheet does not name",
        "two sheets",
        "A1",
        False,
        (IN_A.format("A1") + " read it with --sheet 'Suppliers'",),
        (f"[{NOT_READ}]",),
        ("--sheet", "Suppliers 2025"),
    ),
    LookupCase(
        "a name in the sheet --sheet does not name",
        "two sheets",
        "farm koforidua",
        False,
        (IN_A.format("farm koforidua"),),
        options=("--sheet", "Suppliers 2025"),
    ),
    # an id in another case in a sheet not read: it was "no supplier", without a hint
    LookupCase(
        "an id in another case, in the sheet not read",
        "two sheets",
        "b1",
        False,
        ("no supplier 'b1' in", "(did you mean 'B1'?)", IN_B.format("B1")),
    ),
    LookupCase(
        "an id in another case, in the sheet --sheet does not name",
        "two sheets",
        "a 2",
        False,
        ("(did you mean 'A2'?)", IN_A.format("A2")),
        options=("--sheet", "Suppliers 2025"),
    ),
    LookupCase(
        "an id like one in the sheet not read, but not in case alone",
        "two sheets",
        "B2",
        False,
        ("no supplier 'B2'",),
        ("which is not read", "did you mean"),
    ),
    # an id that is also another supplier's name: the id's supplier was explained, and the
    # other not named
    LookupCase(
        "an id that is another supplier's name",
        "id and name",
        "Acme Ltd",
        True,
        (
            "Acme Ltd: the supplier of that id (Other Co) is explained; supplier 'S2' has that"
            " name: give its id to explain it",
        ),
    ),
    LookupCase(
        "an id that is two other suppliers' name",
        "id and name",
        "Twice",
        True,
        ("suppliers 'T1', 'T2' have that name: give an id to explain one",),
    ),
    LookupCase("an id that is no name", "id and name", "S2", True, (), ("have that name",)),
    # a name written another way: a letter off, or its legal form left out or another
    LookupCase(
        "a name a letter off",
        "cocoa",
        "Zaanstreek Cocoa Grinder",
        False,
        ("(did you mean 'GRD-NL-1' (Zaanstreek Cocoa Grinders B.V.)?)",),
    ),
    LookupCase(
        "a name without its legal form, a letter and an accent left out",
        "cocoa",
        "Comptoir Ivorien de Negoce du Cacao",
        False,
        ("(did you mean 'TRD-CI-1' (Comptoir Ivoirien de Négoce du Cacao SA)?)",),
    ),
    LookupCase(
        "a name with another legal form",
        "two sheets",
        "Ghana Cocoa Ltd.",
        False,
        ("(did you mean 'A1' (Ghana Cocoa Co)?)",),
    ),
    LookupCase("a name like none", "cocoa", "Songkla Canning Co", False, (), ("did you mean",)),
    # a name written without its accents and its legal form, or without its dots: the
    # accents each counted as a letter written wrong, and no suggestion was made
    *(
        LookupCase(
            f"a name {how}",
            "accented",
            given,
            False,
            ("(did you mean 'S1' (Société Générale du Cacao)?)",),
        )
        for how, given in (
            ("without its accents, with a legal form", "Societe Generale du Cacao SA"),
            ("without its accents, a letter left out", "Societe Generale du Caco"),
        )
    ),
    LookupCase(
        "a legal form written without its dots",
        "cocoa",
        "Zaanstreek Cocoa Grinders BV",
        True,
        ("the supplier of that name, GRD-NL-1",),
    ),
    # the company itself, by its id or its name: "no supplier 'company'" said nothing of it
    *(
        LookupCase(
            f"the company by its {by}",
            "cocoa",
            given,
            False,
            (
                f"{given!r} is the company assessed (Kessler & Brandt Schokoladen GmbH), not a"
                " supplier",
            ),
        )
        for by, given in (("id", "company"), ("name", "kessler & brandt schokoladen GmbH"))
    ),
)


@pytest.mark.parametrize("case", LOOKUP_CASES, ids=lambda case: case.name)
def test_explain_finds_a_supplier_or_says_where_it_is(tmp_path: Path, case: LookupCase) -> None:
    chain = CHAINS[case.chain](tmp_path)
    done = CliRunner().invoke(
        app, ["explain", str(chain), case.given, *case.options], env={"COLUMNS": "400"}
    )
    assert done.exit_code == (0 if case.explained else 2), done.output
    said = " ".join(done.output.split())
    for text in case.said:
        assert text in said
    for text in case.not_said:
        assert text not in said
