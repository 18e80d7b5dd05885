"""YAML reader, reviewed defects: dates that do not exist, misspelt keys, numbers split at a
comma in {…}, lists where one value belongs, problems at their own line, and an ordered
mapping (!!omap, !!pairs) refused at its line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import ProblemList
from ddtool.model import Chain
from ddtool.sources import read_chain


def read(tmp_path: Path, text: str) -> tuple[Chain, ProblemList]:
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    return read_chain([path])


def where(problems: ProblemList) -> list[list[Any]]:
    return problems.flatten(["severity", "type", "line", "column"])


# --- 1. a date that does not exist ------------------------------------------------------------

IMPOSSIBLE_AUDIT = (
    "suppliers:\n"
    "  - id: A\n"
    "    country: GHA\n"
    "    audits:\n"
    "      - {standard: SMETA, date: 2025-13-01, result: pass}\n"
    "  - id: B\n"
    "    country: GHAA\n"
)


def test_a_date_that_does_not_exist_is_located_and_reading_goes_on(tmp_path: Path) -> None:
    chain, problems = read(tmp_path, IMPOSSIBLE_AUDIT)
    assert where(problems) == [
        ["error", "bad-date", 5, "date"],
        ["error", "unknown-country", 7, "country"],  # the rest of the file is still read
    ]
    assert problems.items[0].message == (
        "audit date: 2025-13-01 (column 33) does not exist: there is no month 13"
    )
    assert [s.id for s in chain.suppliers] == ["A", "B"]


def test_validate_says_so_with_exit_code_2_and_no_internal_error(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(IMPOSSIBLE_AUDIT, "utf-8")
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 2
    assert "internal error" not in result.output
    [chain] = json.loads(result.stdout)
    assert [p["type"] for p in chain["problems"]] == ["bad-date", "unknown-country"]


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2026-02-30", "February 2026 has 28 days, not 30"),
        ("2024-02-30", "February 2024 has 29 days, not 30"),
        ("2026-04-31", "April 2026 has 30 days, not 31"),
        ("2026-06-00", "June 2026 has 30 days, not 0"),
        ("2026-06-30 25:00:00", "there is no time of day 25:00"),
    ],
)
def test_a_valid_until_that_does_not_exist(tmp_path: Path, value: str, says: str) -> None:
    _, problems = read(
        tmp_path,
        "suppliers:\n"
        "  - id: A\n"
        "    country: GHA\n"
        "    certifications:\n"
        "      - SA8000\n"
        f"      - {{name: Fairtrade, valid_until: {value}}}\n",
    )
    assert where(problems) == [["error", "bad-date", 6, "valid_until"]]
    assert problems.items[0].message.endswith(f"does not exist: {says}")


def test_an_id_written_as_a_date_that_does_not_exist_is_that_id(tmp_path: Path) -> None:
    # (an id is text: written as a date or not, it is the id as written, as 0012 is)
    chain, problems = read(
        tmp_path,
        "suppliers:\n  - {id: 2025-02-30, country: GHA, Visit: 2025-02-31}\n"
        "  - {id: B, country: GHA, buyers: [2025-02-30]}\n",
    )
    assert problems.items == []
    assert [(s.id, s.buyers) for s in chain.suppliers] == [
        ("2025-02-30", []),
        ("B", ["2025-02-30"]),
    ]
    assert chain.suppliers[0].attributes == {"Visit": "2025-02-31"}
    assert type(chain.suppliers[0].attributes["Visit"]) is str


def test_an_audit_date_that_cannot_be_read_is_at_its_own_line(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path,
        "suppliers:\n  - id: A\n    country: GHA\n    audits:\n"
        "      - standard: SMETA\n        date: 03/14/2025\n",
    )
    assert where(problems) == [["error", "bad-date", 6, "date"]]


# --- 2. keys that look like a field's ---------------------------------------------------------

MISSPELT = (
    "compnay: {name: Example Chocolate GmbH}\n"  # 1
    "suppliers:\n"
    "  - id: A\n"
    "    contry: GHA\n"  # 4
    "    sectr: cocoa farming\n"  # 5
    "    Workers: 120\n"  # 6
    "    migrant_percent: 20\n"  # 7
    "  - id: B\n"
    "    Country: GHA\n"  # 9
    "    byers: [A]\n"  # 10
    "    shares: 0.5\n"  # 11
    "  - id: C\n"
    "    country: GHA\n"
    "    buyer: A\n"  # 14
)


def test_misspelt_keys_are_read_or_named_with_the_field_they_look_like(tmp_path: Path) -> None:
    """A supplier's key that is a slip of a field's name, or the name in another case, is
    read as the field where the entry does not give it and its value fits, with a warning;
    a table header written as a key ('migrant_percent') and a misspelt top-level key are
    only named."""
    chain, problems = read(tmp_path, MISSPELT)
    found = sorted(
        problems.flatten(["severity", "type", "line", "column", "suggestion"]),
        key=lambda problem: problem[2],
    )
    assert found == [
        ["warning", "unmapped-key", 1, "compnay", "'company'"],
        ["warning", "misspelt-key", 4, "contry", "'country'"],
        ["warning", "misspelt-key", 5, "sectr", "'sector'"],
        ["warning", "misspelt-key", 6, "Workers", "'workers'"],
        ["warning", "unmapped-key", 7, "migrant_percent", "'migrant_pct'"],
        ["warning", "misspelt-key", 9, "Country", "'country'"],
        ["warning", "misspelt-key", 10, "byers", "'buyers'"],
        ["warning", "misspelt-key", 11, "shares", "'share'"],
        ["warning", "misspelt-key", 14, "buyer", "'buyers'"],
    ]
    assert [p.message for p in problems.items if p.location.column == "contry"] == [
        "key 'contry' is not a field's name but is written much like 'country' (a slip): it is"
        " read as 'country'; correct the key"
    ]
    read_as = {
        s.id: (s.country, s.sector, s.workers, s.buyers, s.share, s.attributes)
        for s in chain.suppliers
    }
    assert read_as == {
        "A": ("GHA", "cocoa farming", 120, [], None, {"migrant_percent": 20}),
        "B": ("GHA", None, None, ["A"], 0.5, {}),
        "C": ("GHA", None, None, ["A"], None, {}),
    }


def test_validate_checks_what_a_misspelt_key_holds(tmp_path: Path) -> None:
    """Read as the field, a misspelt key's value is checked as the field's, in the same run."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n  - id: A\n    contry: Vietnma\n  - id: B\n    byers: [A, Z]\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "did you mean Vietnam (VNM)?" in result.stderr
    assert "'Z'" in result.stderr


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        # keys of the user's own: no warning
        ("contact: ops@example.org", []),
        ("certified_by: internal", []),
        ("region: Ashanti, city: Kumasi", []),  # a region word beside the region
        ("Own note: yes", []),
        ("uid: 7", []),  # ('id' is too short to be misspelt)
        # a table header for a field, without that field
        ("county: Nakuru", [["warning", "county", "'region'"]]),  # a region, not a country
        ("customer: Tesco", [["warning", "customer", "'buyers'"]]),  # a word of its own
        ("audit_date: 2025-01-01", [["error", "audit_date", "'audits'"]]),
        ("female-pct: 40", [["warning", "female-pct", "'female_pct'"]]),
        ("supplier: [{id: B}]", [["error", "supplier", "'suppliers'"]]),
    ],
)
def test_which_keys_are_taken_for_a_field(tmp_path: Path, entry: str, found: list[Any]) -> None:
    _, problems = read(tmp_path, f"suppliers:\n  - {{id: A, country: GHA, {entry}}}\n")
    assert problems.flatten(["severity", "column", "suggestion"]) == found


def test_misspelt_keys_of_the_company_audits_and_certifications(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path,
        "company: {name: X, contry: DEU}\n"
        "suppliers:\n"
        "  - id: A\n"
        "    country: GHA\n"
        "    audits: [{standard: SMETA, date: 2025-03-14, reslt: pass}]\n"
        "    certifications: [{name: SA8000, valid_untill: 2026-06-30}]\n",
    )
    assert problems.flatten(["severity", "line", "column", "suggestion"]) == [
        ["warning", 1, "contry", "'country'"],
        ["error", 5, "reslt", "'result'"],
        ["error", 6, "valid_untill", "'valid_until'"],
    ]


def test_a_misspelt_suppliers_key_is_named_in_the_no_suppliers_error(tmp_path: Path) -> None:
    _, problems = read(tmp_path, "company: {name: X}\nSuppliers:\n  - {id: A}\n")
    assert problems.flatten(["type", "line", "suggestion"]) == [["no-suppliers", 2, "'suppliers'"]]


# a key that looks like buyers is an error only where buyer links would be lost; a key that
# looks like a field the entry also gives is a key of the user's own
BESIDE = (
    "company: {id: ACME, name: X}\n"
    "suppliers:\n"
    "  - {id: P1, country: GHA}\n"
    "  - {id: P2, country: GHA, %s}\n"
)


@pytest.mark.parametrize(
    ("entry", "found"),
    [
        # a purchasing contact, a text: no buyer link lost
        ("buyer: Jane Doe", [["warning", "buyer", "'buyers'"]]),
        ("buyer: {name: Jane Doe, email: j@x.example}", [["warning", "buyer", "'buyers'"]]),
        ("buyer: Jane Doe, buyers: [company]", []),
        ("buyer: [P1], buyers: [ACME]", []),
        ("supplied: since 2019", []),  # (suppliers are a list of entries, never a text)
        ("sectors: [cocoa, coffee], sector: cocoa farming", []),
        ("sector2: coffee farming, sector: cocoa farming", []),
        ("sectors: cocoa farming", [["warning", "sectors", "'sector'"]]),
        ("Buyers: [P1], buyers: [ACME]", [["warning", "Buyers", "'buyers'"]]),
        # buyer links: a list, or a text naming ids of the file, read as the buyers
        ("byers: [P1]", [["warning", "byers", "'buyers'"]]),
        # a slip of 'buyer', itself read as a slip of 'buyers'
        ("byer: P1", [["warning", "byer", "'buyers'"]]),
        ("buyr: [P1]", [["warning", "buyr", "'buyers'"]]),
        ("byer: Jane Doe", [["warning", "byer", "'buyers'"]]),
        ("buyer: [Jane Doe]", [["warning", "buyer", "'buyers'"]]),
        ("buyer: P1", [["warning", "buyer", "'buyers'"]]),
        ("buyer: ACME", [["warning", "buyer", "'buyers'"]]),  # the company's id
        ("buyer: 'Jane Doe; P1'", [["warning", "buyer", "'buyers'"]]),
        # suppliers that would be lost: an error
        ("supplied: [{id: P3}]", [["error", "supplied", "'suppliers'"]]),
    ],
)
def test_a_key_like_buyers_is_read_where_it_holds_links(
    tmp_path: Path, entry: str, found: list[Any]
) -> None:
    chain, problems = read(tmp_path, BESIDE % entry)
    assert problems.flatten(["severity", "column", "suggestion"]) == found
    # a key read as the buyers gives the supplier its links; one that is not loses none
    [p2] = [s for s in chain.suppliers if s.id == "P2"]
    read_as = any(p.type == "misspelt-key" and p.suggestion == "'buyers'" for p in problems.items)
    assert bool(p2.buyers) == (read_as or "buyers:" in entry)


def test_a_nested_supplier_naming_its_own_buyer_loses_no_link(tmp_path: Path) -> None:
    _, problems = read(
        tmp_path,
        "suppliers:\n"
        "  - id: P1\n"
        "    suppliers:\n"
        "      - {id: P2, buyer: P1}\n"  # (P1 is its buyer already)
        "      - {id: P3, buyer: P2}\n",
    )
    assert problems.flatten(["severity", "type", "line", "column"]) == [
        ["warning", "unmapped-key", 4, "buyer"],
        ["warning", "misspelt-key", 5, "buyer"],
    ]


def test_validate_reads_a_buyer_contact_with_a_warning_only(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme GmbH}\n"
        "suppliers:\n"
        "  - {id: T1-001, country: BGD, buyer: Jane Doe, supplied: since 2019}\n"
        "  - {id: T1-002, country: VNM, buyers: [company], buyer: John Smith}\n",
        "utf-8",
    )
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    assert result.exit_code == 0
    [chain] = json.loads(result.stdout)
    assert [(p["severity"], p["location"]["column"]) for p in chain["problems"]] == [
        ("warning", "buyer")
    ]


# --- 3. a number split at its comma in {…} ----------------------------------------------------


def test_a_number_split_at_its_comma_is_read_as_written_with_a_warning(tmp_path: Path) -> None:
    chain, problems = read(
        tmp_path,
        "suppliers:\n"
        "  - {id: P1, country: NO, workers: 1,200}\n"
        '  - {id: P2, country: "no", share: 0,3, workers: 1,200,000}\n'
        "  - {id: 1,200, country: NO}\n",
    )
    assert where(problems) == [
        ["warning", "comma-in-number", 2, "workers"],
        ["warning", "comma-in-number", 3, "share"],
        ["warning", "comma-in-number", 3, "workers"],
        ["warning", "comma-in-number", 4, "id"],
    ]
    assert problems.items[0].message == (
        "the comma in 1,200 ended the value at 1 (in {…} YAML ends a value at each comma):"
        " read as '1,200', as a table cell is; write 1200 or quote it: '1,200'"
    )
    assert "write 0.3 or quote it: '0,3'" in problems.items[1].message
    assert "; quote it: '1,200'" in problems.items[3].message  # (an id is no number)
    found = {s.id: (s.workers, s.share, s.attributes) for s in chain.suppliers}
    assert found == {
        "P1": (1200, None, {}),  # not 1, with an attribute '200'
        "P2": (1200000, 0.3, {}),  # not 0.0
        "1,200": (None, None, {}),
    }


def test_a_number_key_of_the_users_own_is_no_split_number(tmp_path: Path) -> None:
    chain, problems = read(
        tmp_path,
        "suppliers:\n  - {id: P1, country: NO, workers: 12, 2024: 10}\n"
        "  - id: P2\n    country: NO\n    workers: 1,200\n",  # (block style: one value)
    )
    assert problems.items == []
    assert [(s.workers, s.attributes) for s in chain.suppliers] == [(12, {"2024": 10}), (1200, {})]


# --- 4. a list or a mapping where one value belongs -------------------------------------------


def test_a_list_or_mapping_where_one_value_belongs_is_an_error(tmp_path: Path) -> None:
    chain, problems = read(
        tmp_path,
        "suppliers:\n"
        "  - id: [X, Y]\n"
        "    country: GHA\n"
        "  - id: {k: v}\n"
        "    country: GHA\n"
        "  - id: C\n"
        "    country: [GHA, CIV]\n"  # (one country: [GHA] would be GHA)
        "    buyers: [[A, B], D]\n"
        "    products: {cocoa: beans}\n"
        "  - {id: D, country: GHA}\n",
    )
    assert where(problems) == [
        ["error", "bad-structure", 2, "id"],
        ["error", "bad-structure", 4, "id"],
        ["error", "bad-structure", 7, "country"],
        ["error", "bad-structure", 8, "buyers"],
        ["error", "bad-structure", 9, "products"],
    ]
    messages = [p.message for p in problems.items]
    assert messages[0] == (
        "id must be a single value, got a list [X, Y]: a supplier with several ids is"
        " several suppliers"
    )
    assert messages[3] == (
        "each item of buyers must be a single value, got a list [A, B] (two buyers are"
        " written [A, B])"
    )
    assert not any("['" in m or "{'" in m for m in messages)  # no Python reprs
    assert [(s.id, s.country, s.buyers, s.products) for s in chain.suppliers] == [
        ("C", None, ["D"], []),
        ("D", "GHA", [], []),
    ]


def test_a_list_of_one_value_is_that_value(tmp_path: Path) -> None:
    chain, problems = read(
        tmp_path,
        "company: {name: [Acme], country: [DEU]}\n"
        "suppliers:\n"
        "  - id: [A1]\n"
        "    name: [Coop Two]\n"
        "    country: [Ghana]\n"
        "    sector: [cocoa farming]\n"
        "    tier: [1]\n"
        "    workers: [120]\n"
        "    audits: [{standard: [SMETA], date: 2025-03-14, result: pass}]\n"
        "    suppliers:\n"
        "      - {id: A2, country: [GHA], tier: [2]}\n",
    )
    assert problems.items == []
    found = [
        (s.id, s.name, s.country, s.sector, s.tier_declared, s.workers, s.buyers)
        for s in chain.suppliers
    ]
    assert found == [
        ("A1", "Coop Two", "GHA", "cocoa farming", 1, 120, []),
        ("A2", None, "GHA", None, 2, None, ["A1"]),  # (under A1, as read)
    ]
    assert chain.suppliers[0].audits[0].standard == "SMETA"
    assert (chain.company.name, chain.company.country) == ("Acme", "DEU")


@pytest.mark.parametrize(
    ("tier", "declared", "found"),
    [
        ("[2, 3]", 2, []),  # (as ddtool's JSON writes tiers: the first, as a cell '2, 3')
        ("[3, 2]", 3, []),
        ("[Tier 2, Tier 3]", 2, []),
        ("[]", None, [["error", "bad-structure"]]),
        ("[[2]]", None, [["error", "bad-structure"]]),
    ],
)
def test_a_list_of_tiers_is_read_by_its_first(
    tmp_path: Path, tier: str, declared: int | None, found: list[Any]
) -> None:
    chain, problems = read(tmp_path, f"suppliers:\n  - {{id: A, country: GHA, tier: {tier}}}\n")
    assert problems.flatten(["severity", "type"]) == found
    assert chain.suppliers[0].tier_declared == declared


# --- 5. each problem at its own line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("suppliers:\n  - id: A\n  - \n  - null\n", [["bad-structure", 3], ["bad-structure", 4]]),
        (
            "suppliers:\n  - id: A\n  -\n  - id: B\n  -",
            [["bad-structure", 3], ["bad-structure", 5]],
        ),
        ("company: {name: X}\nsuppliers: {}\n", [["bad-structure", 2]]),
        ("company: {name: X}\n\nsuppliers: PROC-1\n", [["bad-structure", 3]]),
        (
            "suppliers:\n  - id: A\n    suppliers:\n      - id: B\n      - PROC-1\n",
            [["bad-structure", 5]],
        ),
        ("suppliers:\n  - id: A\n    country: GHA\n    audits: bad\n", [["bad-audit", 4]]),
        (
            "suppliers:\n  - id: A\n    country: GHA\n    audits:\n"
            "      - {standard: SMETA}\n      - SMETA 2025\n",
            [["bad-audit", 6]],
        ),
    ],
)
def test_a_problem_is_at_the_line_of_its_entry_or_value(
    tmp_path: Path, text: str, found: list[list[Any]]
) -> None:
    _, problems = read(tmp_path, text)
    assert problems.flatten(["type", "line"]) == found


def test_an_empty_audits_key_is_no_audit(tmp_path: Path) -> None:
    chain, problems = read(tmp_path, "suppliers:\n  - id: A\n    country: GHA\n    audits:\n")
    assert problems.items == []
    assert chain.suppliers[0].audits == []


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("S1", "misspelt-key"),  # an id of another file given with this one: read as a link
        ("T-104", "misspelt-key"),
        ("Jane Doe", "unmapped-key"),  # a contact's name: kept as an attribute
        ("Purchasing", "unmapped-key"),
    ],
)
def test_a_buyer_key_naming_an_id_of_another_file_is_read(
    tmp_path: Path, value: str, kind: str
) -> None:
    path = tmp_path / "t2.yaml"
    path.write_text(f"suppliers:\n  - {{id: S2, country: BGD, buyer: {value}}}\n", encoding="utf-8")
    chain, problems = read_chain([path])
    assert [(p.type, p.severity) for p in problems.items] == [(kind, "warning")]
    assert chain.suppliers[0].buyers == ([value] if kind == "misspelt-key" else [])


@pytest.mark.parametrize(
    "entry",
    [
        "{id: S1, contry: IND, Country: PAK}",
        "{id: S1, Country: PAK, contry: IND}",
    ],
)
def test_of_two_keys_like_one_field_the_one_in_another_case_is_read(
    tmp_path: Path, entry: str
) -> None:
    chain, problems = read(tmp_path, f"suppliers:\n  - {entry}\n")
    assert chain.suppliers[0].country == "PAK"
    assert chain.suppliers[0].attributes == {"contry": "IND"}
    assert problems.flatten(["type", "column"]) in (
        [["misspelt-key", "Country"], ["unmapped-key", "contry"]],
        [["unmapped-key", "contry"], ["misspelt-key", "Country"]],
    )


@pytest.mark.parametrize(
    ("entry", "read_as"),
    [
        ("shares: 1200", None),  # a count of shares, not a share of the buyer's volume
        ("shares: 0.4", 0.4),
        ("Workers: many", None),
        ("Workers: 120", 120),
    ],
)
def test_a_misspelt_key_of_a_number_is_read_only_when_its_value_is_one(
    tmp_path: Path, entry: str, read_as: float | None
) -> None:
    chain, problems = read(tmp_path, f"suppliers:\n  - {{id: S1, {entry}}}\n")
    field = "share" if entry.startswith("shares") else "workers"
    assert getattr(chain.suppliers[0], field) == read_as
    [problem] = problems.items
    if read_as is None:
        assert problem.type == "unmapped-key"
        assert f"(its value is not one '{field}' takes)" in problem.message
    else:
        assert problem.type == "misspelt-key"


def test_a_problem_of_a_misspelt_key_names_the_key_as_written(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text("suppliers:\n  - id: S1\n    contry: Vietnma\n", "utf-8")
    result = CliRunner().invoke(app, ["validate", "--format", "json", str(path)])
    [chain] = json.loads(result.stdout)
    [unknown] = [p for p in chain["problems"] if p["type"] == "unknown-country"]
    assert (unknown["location"]["line"], unknown["location"]["column"]) == (3, "contry")


# --- an ordered mapping (!!omap) or a list of pairs (!!pairs) --------------------------------

COMPANY = "company: {name: Acme, country: DEU}\n"
PAIRS = [
    pytest.param(
        COMPANY + "suppliers: !!omap\n  - A: {name: a, country: GHA}\n", 2, "!!omap", id="suppliers"
    ),
    pytest.param(
        COMPANY + "suppliers: !!omap [A: {name: a}]\n", 2, "!!omap", id="suppliers in brackets"
    ),
    pytest.param(
        COMPANY + "suppliers:\n  - !!omap\n    - id: A\n    - country: GHA\n",
        3,
        "!!omap",
        id="a supplier",
    ),
    pytest.param(
        "company: !!omap [name: Acme, country: DEU]\nsuppliers: [{id: A}]\n",
        1,
        "!!omap",
        id="the company",
    ),
    pytest.param(
        COMPANY + "suppliers:\n  - id: A\n    country: !!omap [GHA: x]\n",
        4,
        "!!omap",
        id="a field",
    ),
    pytest.param(COMPANY + "suppliers: !!pairs\n  - A: {name: a}\n", 2, "!!pairs", id="pairs"),
]


@pytest.mark.parametrize(("text", "line", "tag"), PAIRS)
def test_an_ordered_mapping_is_refused_at_its_line_with_what_to_write(
    tmp_path: Path, text: str, line: int, tag: str
) -> None:
    chain, problems = read(tmp_path, text)
    assert problems.flatten(["severity", "type", "line", "message"]) == [
        [
            "error",
            "bad-structure",
            line,
            f"{tag} is not read: remove the tag and write a plain mapping (key: value; its keys"
            " are read in the order written), and under 'suppliers:' a list with one mapping"
            " per supplier ('- id: S1', its other keys under it)",
        ]
    ]
    assert chain.suppliers == []


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (COMPANY + "suppliers:\n  - id: !!binary aGVsbG8=\n    country: GHA\n", 3),
        (COMPANY + "suppliers:\n  - id: A\n  - id: B\n    buyers: [!!binary QQ==]\n", 5),
    ],
)
def test_bytes_are_refused_at_their_line(tmp_path: Path, text: str, line: int) -> None:
    # (read as Python's bytes, the id was "b'hello'", and a buyer written alike linked to it)
    chain, problems = read(tmp_path, text)
    assert problems.flatten(["severity", "type", "line", "message"]) == [
        [
            "error",
            "bad-structure",
            line,
            "!!binary is not read: a supplier list holds text; remove the tag and write the"
            " value as text",
        ]
    ]
    assert chain.suppliers == []


@pytest.mark.parametrize("command", ["validate", "assess"])
def test_an_ordered_mapping_exits_2_with_no_traceback(tmp_path: Path, command: str) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(COMPANY + "suppliers: !!omap\n  - A: {name: a, country: GHA}\n", "utf-8")
    result = CliRunner().invoke(app, [command, str(path)])
    assert result.exit_code == 2
    assert f"{path}, line 2: !!omap is not read" in result.output
    assert "Traceback" not in result.output
