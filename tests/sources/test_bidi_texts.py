"""Texts from suppliers writing in Arabic, Hebrew or Persian, and text copied from word
processors, carry direction controls (U+200E, U+200F, U+061C, embeddings and isolates) and
joiners: read in CSV, workbooks and YAML alike, as they show (the direction controls
dropped, the joiners kept in a name), and matched so; an override or an embedding left open,
which can make a text show as another (the "Trojan Source" trick), is warned of in a name and
refused in an id; control characters stay refused."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from workbook_support import write_book

from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.model import Chain
from ddtool.profiles import load_profiles
from ddtool.sources import read_chain

FORMATS = [".csv", ".xlsx", ".yaml"]
# the table's header of each field (a YAML key is the field's name)
HEADERS = {
    "id": "Supplier ID",
    "name": "Supplier name",
    "country": "Country",
    "sector": "Sector",
    "region": "Region",
    "buyers": "Buyer IDs",
    "certifications": "Certifications",
}
ARABIC = "شركة الكاكاو"
HEBREW = "שוקו בע״מ"
PERSIAN = "شرکت\u200cکاکائو"  # (a zero-width non-joiner: part of the word's spelling)


def write_chain(path: Path, rows: list[dict[str, str]]) -> Path:
    """A chain of these suppliers (cocoa farms in Ghana unless a row says otherwise), in
    the format of the path's suffix, each text written as it is (escaped in YAML only where
    YAML cannot hold a character as it is: the control characters)."""
    rows = [{"country": "GHA", "sector": "cocoa farming", **row} for row in rows]
    fields = list(dict.fromkeys(key for row in rows for key in row))
    if path.suffix == ".yaml":
        lines = ["suppliers:"]
        for row in rows:
            cells = ", ".join(f"{key}: {_yaml_text(value)}" for key, value in row.items())
            lines.append(f"  - {{{cells}}}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
    table = [[HEADERS[f] for f in fields]] + [[row.get(f, "") for f in fields] for row in rows]
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(table)
        return path
    return write_book(path, {"Suppliers": table})


def _yaml_text(value: str) -> str:
    """A YAML double-quoted text: as it is but for the control characters (C0, C1)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(f"\\x{ord(c):02x}" if 0x7F <= ord(c) <= 0x9F else c for c in quoted)


def read(tmp_path: Path, suffix: str, rows: list[dict[str, str]]) -> tuple[Chain, ProblemList]:
    """The chain read from these rows, with its problems, the graph's included."""
    chain, problems = read_chain(
        [write_chain(tmp_path / f"chain{suffix}", rows)], sectors=load_profiles()
    )
    build_graph(chain, problems)
    return chain, problems


def told(problems: ProblemList, suffix: str) -> list[tuple[str, str, str]]:
    """(type, severity, field) of each problem, its field by the table's header or the YAML
    key that locates it."""
    fields = {header: field for field, header in HEADERS.items()}
    return [
        (p.type, p.severity, fields.get(p.location.column or "", p.location.column or ""))
        for p in problems.items
    ]


@dataclass(frozen=True)
class NameCase:
    written: str
    read: str  # the name read, as every output shows it
    problems: tuple[tuple[str, str], ...] = ()  # (type, severity), at the name


NAME_CASES = [
    # marks around and in a name, as Arabic and Hebrew text and Word or Excel copies hold them
    NameCase(f"\u200f{ARABIC}\u200f", ARABIC),
    NameCase("Cocoa\u200e Ltd", "Cocoa Ltd"),
    NameCase(f"\u061c{ARABIC}", ARABIC),
    NameCase(f"\u200f{HEBREW}\u200e", HEBREW),
    # an embedding or isolate closed sets the direction within only: dropped as the marks
    NameCase(f"\u202b{ARABIC}\u202c Ltd", f"{ARABIC} Ltd"),
    NameCase(f"Cocoa \u2067{HEBREW}\u2069", f"Cocoa {HEBREW}"),
    NameCase(f"\u2068{ARABIC}\u2069", ARABIC),
    # a byte-order mark mid-cell (files joined): dropped
    NameCase("Cocoa\ufeff Ltd", "Cocoa Ltd"),
    # the joiners are part of the spelling: kept
    NameCase(PERSIAN, PERSIAN),
    NameCase("\U0001f468\u200d\U0001f33e Farm", "\U0001f468\u200d\U0001f33e Farm"),
    # an override shows the letters after it reversed: "Safe Farm" that reads "mraF efaS"
    NameCase("\u202emraF efaS", "mraF efaS", (("text-direction", "warning"),)),
    NameCase("Safe \u202dFarm\u202c", "Safe Farm", (("text-direction", "warning"),)),
    # an embedding or isolate left open
    NameCase("\u202bSafe Farm", "Safe Farm", (("text-direction", "warning"),)),
    NameCase(f"{ARABIC}\u2066 Ltd", f"{ARABIC} Ltd", (("text-direction", "warning"),)),
    # a control character stays refused
    NameCase("Safe\x9bFarm", "Safe\x9bFarm", (("unsafe-characters", "error"),)),
    NameCase("Safe\x9b\u202eFarm", "Safe\x9bFarm", (("unsafe-characters", "error"),)),
]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("case", NAME_CASES, ids=lambda c: ascii(c.written))
def test_a_name_is_read_as_it_shows(tmp_path: Path, suffix: str, case: NameCase) -> None:
    chain, problems = read(tmp_path, suffix, [{"id": "T1", "name": case.written}])
    [supplier] = chain.suppliers
    assert supplier.name == case.read
    assert told(problems, suffix) == [(t, s, "name") for t, s in case.problems]
    for problem in problems.items:
        if problem.type == "text-direction":  # (as written, escaped, and as read)
            assert repr(case.written) in problem.message
            assert repr(case.read) in problem.message


@dataclass(frozen=True)
class IdCase:
    id: str  # the first supplier's id as written
    buyer: str  # the second's buyer, naming the first
    problems: tuple[tuple[str, str], ...] = ()  # (type, field)


ID_CASES = [
    # marks pasted in with a code: dropped, as zero-width spaces are
    IdCase("T1\u200f", "T1"),
    IdCase("T1", "\u200eT1\u200e"),
    IdCase("\u061cT1", "T1\u061c"),
    IdCase("\u2066T1\u2069", "T1\ufeff"),
    IdCase("\u202aT1\u202c", "T1\u200b"),
    # an override or an embedding left open can make a code show as another: refused
    IdCase("T\u202e1", "T1", (("unsafe-characters", "id"),)),
    IdCase("T1", "\u202eT1", (("unsafe-characters", "buyers"),)),
    IdCase("T1", "\u2067T1", (("unsafe-characters", "buyers"),)),
    IdCase("\u202bT1", "T1", (("unsafe-characters", "id"),)),
]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("case", ID_CASES, ids=lambda c: ascii(f"{c.id}<-{c.buyer}"))
def test_an_id_and_a_buyer_are_read_without_marks(
    tmp_path: Path, suffix: str, case: IdCase
) -> None:
    chain, problems = read(
        tmp_path,
        suffix,
        [{"id": case.id, "name": "Trader"}, {"id": "F1", "name": "Farm", "buyers": case.buyer}],
    )
    assert [s.id for s in chain.suppliers] == ["T1", "F1"]
    assert chain.suppliers[1].buyers == ["T1"]  # (the same supplier: no unknown buyer)
    assert [(t, f) for t, _, f in told(problems, suffix)] == list(case.problems)
    assert all(p.severity == "error" for p in problems.items)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("cell", ["\u200f", "\u200e\u200b", "\u2066\u2069"], ids=ascii)
def test_a_buyers_cell_of_marks_only_is_blank(tmp_path: Path, suffix: str, cell: str) -> None:
    """It shows as a blank cell, and is read as one (a buyer '' was no id of the chain)."""
    chain, problems = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "buyers": cell}])
    assert chain.suppliers[0].buyers == []
    assert not problems.items


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    "other",
    [
        "Cocoa Ltd",
        "\u200fCocoa Ltd\u200f",
        "Cocoa\u200d Ltd",  # (a joiner shows nothing between Latin letters)
        "COCOA \u2066Ltd\u2069",
    ],
    ids=ascii,
)
def test_names_alike_but_for_marks_are_one_name(tmp_path: Path, suffix: str, other: str) -> None:
    _, problems = read(
        tmp_path,
        suffix,
        [{"id": "T1", "name": "Cocoa\u200e Ltd"}, {"id": "T2", "name": other}],
    )
    assert told(problems, suffix) == [("possible-duplicate", "warning", "name")]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Cocoa\u200e Ltd", "Cocoa Ltd"),
        ("Cocoa Ltd", "Cocoa\u200e Ltd"),
        (f"\u200f{ARABIC}\u200f", ARABIC),
        (PERSIAN, PERSIAN.replace("\u200c", "")),  # (typed without the non-joiner)
    ],
    ids=ascii,
)
def test_explain_finds_a_name_typed_with_or_without_marks(
    tmp_path: Path, suffix: str, written: str, typed: str
) -> None:
    path = write_chain(
        tmp_path / f"chain{suffix}", [{"id": "T1", "name": written}, {"id": "T2", "name": "Mill"}]
    )
    result = CliRunner().invoke(app, ["explain", str(path), typed])
    assert result.exit_code == 0, result.output
    assert "the supplier of that name, T1" in result.output


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_buyer_written_by_a_name_with_marks_suggests_its_id(tmp_path: Path, suffix: str) -> None:
    _, problems = read(
        tmp_path,
        suffix,
        [{"id": "T1", "name": f"\u200f{ARABIC}"}, {"id": "F1", "name": "Farm", "buyers": ARABIC}],
    )
    [unknown] = problems.errors
    assert unknown.type == "unknown-buyer"
    assert unknown.suggestion is not None and unknown.suggestion.startswith("'T1'")


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_certification_with_a_mark_is_the_scheme(tmp_path: Path, suffix: str) -> None:
    chain, problems = read(
        tmp_path, suffix, [{"id": "T1", "name": "Farm", "certifications": "\u200fFairtrade\u200f"}]
    )
    assert not problems.items
    assert [c.name for c in chain.suppliers[0].certifications] == ["Fairtrade"]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("written", "expected", "problems"),
    [
        (f"\u200f{ARABIC}\u200f", ARABIC, []),
        ("Ashanti\u202e", "Ashanti", [("text-direction", "warning", "region")]),
    ],
    ids=ascii,
)
def test_a_region_is_read_as_a_name_is(
    tmp_path: Path, suffix: str, written: str, expected: str, problems: list[tuple[str, ...]]
) -> None:
    chain, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "region": written}])
    assert chain.suppliers[0].region == expected
    assert told(found, suffix) == problems


@pytest.mark.parametrize(
    ("company", "name", "problems"),
    [
        (f'{{name: "\u200f{ARABIC}\u200f", id: "AC\u200fME"}}', ARABIC, []),
        ('{name: "\u202eemcA", id: ACME}', "emcA", [("text-direction", "warning")]),
        ('{name: Acme, id: "AC\u2067ME"}', "Acme", [("unsafe-characters", "error")]),
    ],
    ids=ascii,
)
def test_the_company_is_read_as_a_supplier_is(
    tmp_path: Path, company: str, name: str, problems: list[tuple[str, str]]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        f"company: {company}\nsuppliers:\n  - {{id: T1, name: Farm, country: GHA}}\n",
        encoding="utf-8",
    )
    chain, found = read_chain([path])
    assert (chain.company.id, chain.company.name) == ("ACME", name)
    assert [(p.type, p.severity) for p in found.items] == problems


def test_a_second_file_naming_the_company_with_marks_names_the_same(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(
        f"company: {{name: {ARABIC}}}\nsuppliers:\n  - {{id: T1, country: GHA}}\n", "utf-8"
    )
    second.write_text(
        f'company: {{name: "\u200f{ARABIC}\u200f"}}\nsuppliers:\n  - {{id: T2, country: GHA}}\n',
        "utf-8",
    )
    _, problems = read_chain([first, second])
    assert not [p for p in problems.items if p.type == "company-conflict"]


def test_an_assessment_shows_the_name_as_read(tmp_path: Path) -> None:
    path = write_chain(tmp_path / "chain.csv", [{"id": "T1", "name": f"\u200f{ARABIC}\u200f"}])
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, ["assess", str(path), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in document["suppliers"]] == [ARABIC]


# a name or region cell of nothing but direction controls (or nothing at all) is blank: no
# name, not a name of no letters
BLANK_TEXTS = ["\u200f\u200f", "\u200e", "\u2067\u2069", "\ufeff"]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("text", BLANK_TEXTS)
def test_a_text_of_direction_controls_alone_is_blank(
    tmp_path: Path, suffix: str, text: str
) -> None:
    chain, problems = read(tmp_path, suffix, [{"id": "S1", "name": text, "region": text}])
    supplier = chain.suppliers[0]
    assert (supplier.name, supplier.region) == (None, None)
    assert not problems.has_errors()
