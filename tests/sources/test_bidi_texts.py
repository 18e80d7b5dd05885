"""Texts from suppliers writing in Arabic, Hebrew or Persian, and text copied from word
processors, carry direction controls (U+200E, U+200F, U+061C, embeddings and isolates) and
joiners: read in CSV, workbooks and YAML alike, as they show (the direction controls
dropped, the joiners kept in a name), and matched and checked so; an override or an
embedding left open, which can make a text show as another (the "Trojan Source" trick), is
warned of in a name and refused in an id and a country; control characters stay refused.
Numbers, dates and tiers drop the marks too, and read the digits of other scripts."""

from __future__ import annotations

import csv
import datetime as dt
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
from ddtool.model import Chain, Supplier, audit_outcome
from ddtool.profiles import load_profiles
from ddtool.sources import read_chain
from ddtool.sources.values import as_text

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
    **{
        field: field
        for field in (
            "products",
            "share",
            "workers",
            "female_pct",
            "migrant_pct",
            "tier",
            "audit_standard",
            "audit_date",
            "audit_result",
        )
    },
}
# an audit's keys in YAML, where it is a mapping in 'audits:' (its columns in a table)
AUDIT_KEYS = {"standard": "audit_standard", "date": "audit_date", "result": "audit_result"}
ARABIC = "شركة الكاكاو"
HEBREW = "שוקו בע״מ"
PERSIAN = "شرکت\u200cکاکائو"  # (a zero-width non-joiner: part of the word's spelling)


def write_chain(path: Path, rows: list[dict[str, str]]) -> Path:
    """A chain of these suppliers (cocoa farms in Ghana unless a row says otherwise), in
    the format of the path's suffix, each text written as it is (escaped in YAML only where
    YAML cannot hold a character as it is: the control characters); an audit's columns are
    a mapping in 'audits:' in YAML."""
    rows = [{"country": "GHA", "sector": "cocoa farming", **row} for row in rows]
    fields = list(dict.fromkeys(key for row in rows for key in row))
    if path.suffix == ".yaml":
        lines = ["suppliers:"]
        for row in rows:
            cells = ", ".join(
                f"{key}: {_yaml_text(value)}" for key, value in row.items() if key not in KEYED
            )
            audit = ", ".join(
                f"{key}: {_yaml_text(row[field])}"
                for key, field in AUDIT_KEYS.items()
                if field in row
            )
            if audit:
                cells += f", audits: [{{{audit}}}]"
            lines.append(f"  - {{{cells}}}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
    table = [[HEADERS[f] for f in fields]] + [[row.get(f, "") for f in fields] for row in rows]
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(table)
        return path
    return write_book(path, {"Suppliers": table})


KEYED = frozenset(AUDIT_KEYS.values())


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
    fields = {header: field for field, header in HEADERS.items()} | AUDIT_KEYS
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


# --- the checks of a text look at it as read ---------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("written", "outcome", "problems"),
    [
        ("fail\u200f", "failed", []),
        ("\u200fPassed", "passed", []),
        ("\u2067non-compliant\u2069", "failed", []),
        ("\u061cconditional", "other", []),
        # a result the score does not know is named as read, not with its mark
        ("faild\u200f", None, [("unknown-audit-result", "warning", "audit_result")]),
    ],
    ids=ascii,
)
def test_an_audit_result_is_checked_as_read(
    tmp_path: Path,
    suffix: str,
    written: str,
    outcome: str | None,
    problems: list[tuple[str, str, str]],
) -> None:
    """It counts as it shows, with no warning that it is not counted beside it."""
    chain, found = read(
        tmp_path,
        suffix,
        [
            {
                "id": "T1",
                "name": "Farm",
                "audit_standard": "SMETA",
                "audit_date": "2025-06-01",
                "audit_result": written,
            }
        ],
    )
    [audit] = chain.suppliers[0].audits
    assert audit_outcome(audit.result) == outcome
    assert told(found, suffix) == problems
    for problem in found.items:
        assert "\\u" not in problem.message  # (the result as read: 'faild')
        assert problem.suggestion == "'failed'"


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("field", "written", "read_as"),
    [
        ("products", "TRUE\u200f", []),
        ("products", "\u200ffalse; cocoa beans", ["cocoa beans"]),
        ("certifications", "\u200fTRUE", []),
        ("certifications", "FALSE\u200e; Fairtrade", ["Fairtrade"]),
    ],
    ids=ascii,
)
def test_a_yes_no_value_with_a_mark_is_one(
    tmp_path: Path, suffix: str, field: str, written: str, read_as: list[str]
) -> None:
    """It is dropped with its warning, not read as a product or a scheme named 'TRUE'."""
    chain, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", field: written}])
    supplier = chain.suppliers[0]
    items = supplier.products if field == "products" else supplier.certifications
    assert [getattr(item, "name", item) for item in items] == read_as
    assert told(found, suffix) == [("yes-no-value", "warning", field)]
    assert "\\u" not in found.items[0].message


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("written", "expiry"),
    [
        # a year split from its date at the comma, with a mark: joined to it again
        ("SA8000 valid until Jan 31, 2027\u200f", dt.date(2027, 1, 31)),
        # an expiry split from its certification, with a mark: joined to it again
        ("SA8000, \u200fvalid until 2027-01-01", dt.date(2027, 1, 1)),
        ("SA8000; valid until 2027-01-01\u200f", dt.date(2027, 1, 1)),
        (
            "SA8000 (valid until \u0662\u0660\u0662\u0667-\u0660\u0666-\u0663\u0660)",
            dt.date(2027, 6, 30),
        ),
    ],
    ids=ascii,
)
def test_a_certification_and_its_expiry_are_read_as_they_show(
    tmp_path: Path, suffix: str, written: str, expiry: dt.date
) -> None:
    chain, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "certifications": written}])
    assert not found.items
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [
        ("SA8000", expiry)
    ]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize(
    ("written", "read_as", "problems"),
    [
        ("cocoa beans\u200f", ["cocoa beans"], []),
        (f"\u2067{ARABIC}\u2069", [ARABIC], []),
        # an override: 'cocoa beans' that reads 'snaeb aococ', a good of no listing
        ("\u202esnaeb aococ", ["snaeb aococ"], [("text-direction", "warning", "products")]),
        (
            "cocoa beans; \u202bshea",
            ["cocoa beans", "shea"],
            [("text-direction", "warning", "products")],
        ),
    ],
    ids=ascii,
)
def test_products_are_read_as_a_sector_is(
    tmp_path: Path, suffix: str, written: str, read_as: list[str], problems: list[tuple[str, ...]]
) -> None:
    chain, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "products": written}])
    assert chain.suppliers[0].products == read_as
    assert told(found, suffix) == problems
    for problem in found.items:  # (as written, escaped, and as read)
        assert repr(written) in problem.message
        assert repr(as_text(written)) in problem.message


# --- the country: a code --------------------------------------------------------------------


@dataclass(frozen=True)
class CountryCase:
    written: str
    country: str | None  # ISO3 read
    refused: bool = False  # an unsafe-characters error at the country
    says: str = ""  # in the error


COUNTRY_CASES = [
    CountryCase("\u200fTH", "THA"),
    CountryCase("Thailand\u200e", "THA"),
    CountryCase("\u2066NG\u2069", "NGA"),
    # an override shows 'TH' as 'HT' (Haiti), 'NG' as 'GN' (Guinea): refused, not read
    CountryCase("\u202eTH", None, True, "it is read as 'TH' (Thailand), not as it shows"),
    CountryCase("\u202eNG", None, True, "it is read as 'NG' (Nigeria), not as it shows"),
    # an isolate or an embedding left open
    CountryCase("T\u2067H", None, True, "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
    CountryCase("\u202bGhana", None, True, "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
    # a control character, as in a name
    CountryCase("TH\x9b", None, True, "the control character U+009B"),
]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("case", COUNTRY_CASES, ids=lambda c: ascii(c.written))
def test_a_country_is_read_as_a_code(tmp_path: Path, suffix: str, case: CountryCase) -> None:
    chain, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "country": case.written}])
    assert chain.suppliers[0].country == case.country
    refused = [("unsafe-characters", "error", "country")] if case.refused else []
    assert told(found, suffix) == refused
    assert all(case.says in problem.message for problem in found.items)


@pytest.mark.parametrize(
    ("written", "country", "problems"),
    [("\u200fDE", "DEU", []), ("\u202eED", None, [("unsafe-characters", "error")])],
    ids=ascii,
)
def test_the_company_s_country_is_read_as_a_supplier_s(
    tmp_path: Path, written: str, country: str | None, problems: list[tuple[str, str]]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        f"company: {{name: Acme, country: {_yaml_text(written)}}}\n"
        "suppliers:\n  - {id: T1, name: Farm, country: GHA}\n",
        encoding="utf-8",
    )
    chain, found = read_chain([path])
    assert chain.company.country == country
    assert [(p.type, p.severity) for p in found.items] == problems


# --- numbers, dates and tiers -------------------------------------------------------------


@dataclass(frozen=True)
class ValueCase:
    field: str
    written: str
    read: Any  # the value read: None where refused
    problem: str = ""  # the error's type, at the field, where refused
    says: str = ""  # in the error


DATE = dt.date(2026, 6, 1)
VALUE_CASES = [
    # the marks a right-to-left locale's export writes beside numbers and dates: dropped
    ValueCase("share", "60%\u200f", 0.6),
    ValueCase("share", "\u200f60 %", 0.6),
    ValueCase("workers", "\u200f1200", 1200),
    ValueCase("workers", "1.200\u200e", 1200),
    ValueCase("workers", "\u20661,200\u2069", 1200),
    ValueCase("migrant_pct", "\u200e35%", 35.0),
    ValueCase("female_pct", "\u061c40\ufeff", 40.0),
    ValueCase("audit_date", "2026-06-01\u200f", DATE),
    ValueCase("audit_date", "\u200f01.06.2026", DATE),
    ValueCase("audit_date", "1\u200f June 2026", DATE),
    ValueCase("tier", "Tier 1\u200f", 1),
    # the digits of Arabic (Arabic-Indic) and Persian, and of other scripts: read as digits,
    # with the Arabic percent sign and separators
    ValueCase("workers", "\u0661\u0662\u0660\u0660", 1200),
    ValueCase("workers", "\u0661\u066c\u0662\u0660\u0660", 1200),
    ValueCase("workers", "\uff11\uff12\uff10\uff10", 1200),
    ValueCase("share", "\u0666\u0660\u066a", 0.6),
    ValueCase("share", "\u0660\u066b\u0666", 0.6),
    ValueCase("migrant_pct", "\u06f3\u06f5\u200f", 35.0),
    ValueCase("female_pct", "\u0664\u06f5", 45.0),  # (Arabic-Indic and Persian: one set)
    ValueCase("audit_date", "\u0662\u0660\u0662\u0666-\u0660\u0666-\u0660\u0661", DATE),
    ValueCase("audit_date", "\u06f2\u06f0\u06f2\u06f6/\u06f0\u06f6/\u06f0\u06f1", DATE),
    ValueCase("audit_date", "\u09e6\u09e7.\u09e6\u09ec.\u09e8\u09e6\u09e8\u09ec", DATE),
    ValueCase("tier", "\u0661", 1),
    # an override, or an embedding left open, can show the digits in another order: '21'
    # that shows as '12'
    ValueCase("workers", "\u202e0021", None, "bad-number", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ValueCase("share", "\u202b60%", None, "bad-number", "U+202B (RIGHT-TO-LEFT EMBEDDING)"),
    ValueCase("audit_date", "\u202e2026-06-01", None, "bad-date", "U+202E"),
    ValueCase("tier", "\u202e21", None, "bad-tier", "U+202E"),
    # digits of two scripts: the Arabic-Indic zero shows as a dot ('1.5' that reads 105)
    ValueCase("workers", "1\u066005", None, "bad-number", "mixes the digits of several"),
    ValueCase("workers", "\uff11200", None, "bad-number", "mixes the digits of several"),
    ValueCase("audit_date", "2026-\u0660\u0666-01", None, "bad-date", "mixes the digits"),
    # the Arabic thousands separator between groups of three digits only
    ValueCase("workers", "\u0661\u0662\u066c\u0665", None, "bad-number", "groups of three"),
    # a date in Persian digits of the Persian calendar (1405 is 2026): never read as 1405
    ValueCase(
        "audit_date",
        "\u06f1\u06f4\u06f0\u06f5/\u06f0\u06f3/\u06f1\u06f1",
        None,
        "bad-date",
        "reads as 1405-03-11, a year of another calendar than the Gregorian",
    ),
]


def _value_read(supplier: Supplier, field: str) -> Any:
    """A supplier's value of one of VALUE_CASES' fields."""
    if field == "audit_date":
        return supplier.audits[0].date
    return getattr(supplier, "tier_declared" if field == "tier" else field)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("case", VALUE_CASES, ids=lambda c: ascii(f"{c.field}={c.written}"))
def test_a_number_or_a_date_is_read_as_it_shows(
    tmp_path: Path, suffix: str, case: ValueCase
) -> None:
    row = {"id": "T1", "name": "Farm", case.field: case.written}
    if case.field == "audit_date":
        row |= {"audit_standard": "SMETA", "audit_result": "pass"}
    chain, found = read(tmp_path, suffix, [row])
    assert _value_read(chain.suppliers[0], case.field) == case.read
    assert told(found, suffix) == ([(case.problem, "error", case.field)] if case.problem else [])
    assert all(case.says in problem.message for problem in found.items)


@pytest.mark.parametrize("suffix", FORMATS)
def test_a_share_written_with_its_percent_sign_and_a_mark_is_not_told_to_add_one(
    tmp_path: Path, suffix: str
) -> None:
    _, found = read(tmp_path, suffix, [{"id": "T1", "name": "Farm", "share": "6000%\u200f"}])
    assert [(p.type, p.message) for p in found.items] == [
        ("out-of-range", "share 6,000 % must be between 0 % and 100 %")
    ]
