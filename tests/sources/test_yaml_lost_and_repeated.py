"""Hand-written YAML read as written or told: suppliers under a key that is not 'suppliers',
suppliers an alias gives again, quotes and documents that break the syntax, and every line
indented with a tab."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.errors import ProblemList
from ddtool.graph import build_graph
from ddtool.sources import ReadOptions, read_chain, read_raw

# --- 1. suppliers under a key that is not 'suppliers' -----------------------------------------

KILN = "{id: K1, name: Punjab Brick Kiln, country: Pakistan, sector: brick-making}"


def _under(key_and_value: str) -> str:
    """A chain of one trader with a key (line 7) holding what is given."""
    return (
        "company: {name: Bau GmbH, country: Germany, sector: construction}\n"  # 1
        "suppliers:\n"  # 2
        "  - id: T1\n"  # 3
        "    name: Baustoffhandel Nord\n"  # 4
        "    country: Germany\n"  # 5
        "    sector: wholesale-trade\n"  # 6
        f"    {key_and_value}\n"  # 7
    )


# the key and its value -> what the error says to do
HELD = {
    "sub_suppliers": (f"sub_suppliers:\n      - {KILN}", "name the key 'suppliers'"),
    "subsuppliers": (f"subsuppliers: [{KILN}]", "name the key 'suppliers'"),
    "sub-suppliers": (f"sub-suppliers: [{KILN}]", "name the key 'suppliers'"),
    "Sub_Suppliers": (f"Sub_Suppliers: [{KILN}]", "name the key 'suppliers'"),
    "children": (f"children: [{KILN}]", "name the key 'suppliers'"),
    "tier_2, not a slip of 'tier'": (f"tier_2: [{KILN}]", "name the key 'suppliers'"),
    "tier2_suppliers": (f"tier2_suppliers: [{KILN}]", "name the key 'suppliers'"),
    "upstream": (f"upstream: [{KILN}]", "name the key 'suppliers'"),
    "farms": (f"farms: [{KILN}]", "name the key 'suppliers'"),
    "supplier_list": (f"supplier_list: [{KILN}]", "name the key 'suppliers'"),
    "keys in capitals": (
        "vendors: [{ID: K1, Name: Kiln, Country: PK}]",
        "name the key 'suppliers'",
    ),
    "one entry alone": (f"sub_supplier: {KILN}", "name the key 'suppliers'"),
    "an id and a country alone": ("vendors: [{id: K1, country: PK}]", "name the key 'suppliers'"),
    "a name and a sector": (
        "vendors: [{name: Punjab Brick Kiln, sector: brick-making}]",
        "name the key 'suppliers'",
    ),
    "a site's suppliers": (f"site_suppliers: [{KILN}]", "name the key 'suppliers'"),
    "a mapping of entries by id": (
        "vendors: {K1: {name: Kiln, country: PK, sector: brick-making}}",
        "name the key 'suppliers'",
    ),
    "beside 'suppliers'": (
        f"suppliers: [{{id: K0, country: PK}}]\n    more_suppliers: [{KILN}]",
        "move them into its 'suppliers'",
    ),
    "a slip of 'suppliers' beside it": (
        f"suppliers: [{{id: K0, country: PK}}]\n    supplierss: [{KILN}]",
        "move them into its 'suppliers'",
    ),
}


def _read(tmp_path: Path, text: str) -> tuple[object, ProblemList]:
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    return read_chain([path])


@pytest.mark.parametrize(("value", "fix"), HELD.values(), ids=list(HELD))
def test_a_key_holding_suppliers_is_an_error_at_its_line(
    tmp_path: Path, value: str, fix: str
) -> None:
    """They were kept as an attribute without a word: the kiln's risk left out, the chain's
    read lower, and --fail-on passed."""
    _, problems = _read(tmp_path, _under(value))
    # (the key: on the last line that is no list item)
    at = max(n for n, text in enumerate(value.splitlines()) if not text.strip().startswith("-"))
    key, line = value.splitlines()[at].strip().split(":", 1)[0], 7 + at
    found = [p for p in problems.errors if p.type == "unmapped-key"]
    assert [(p.location.line, p.location.column, p.suggestion) for p in found] == [
        (line, key, "'suppliers'")
    ]
    assert "holds entries written as suppliers" in found[0].message
    assert found[0].message.endswith(fix)


def test_the_kiln_under_sub_suppliers_is_named(tmp_path: Path) -> None:
    _chain, problems = _read(tmp_path, _under(f"sub_suppliers:\n      - {KILN}"))
    [error] = problems.errors
    assert "('K1')" in error.message
    assert "the suppliers it holds are lost" in error.message


def test_every_key_holding_suppliers_in_a_file_is_told_at_once(tmp_path: Path) -> None:
    text = "suppliers:\n" + "".join(
        f"  - id: P{n}\n    country: DEU\n    {key}: [{{id: K{n}, country: PAK}}]\n"
        for n, key in enumerate(["children", "farms", "upstream"], start=1)
    )
    _, problems = _read(tmp_path, text)
    assert problems.flatten(["type", "line", "column"]) == [
        ["unmapped-key", 4, "children"],
        ["unmapped-key", 7, "farms"],
        ["unmapped-key", 10, "upstream"],
    ]


# a key whose name says nothing of suppliers, holding entries written as suppliers are: a
# warning naming them, never an error that blocks the assessment
WARNED = ["factories", "plants", "units", "kilns", "mills", "clients", "parent_companies"]


@pytest.mark.parametrize("key", WARNED)
def test_entries_under_a_key_of_ones_own_are_a_warning(tmp_path: Path, key: str) -> None:
    chain, problems = _read(tmp_path, _under(f"{key}: [{KILN}]"))
    assert problems.errors == []
    [warning] = [p for p in problems.warnings if p.type == "unmapped-key"]
    assert (warning.location.line, warning.location.column) == (7, key)
    assert "('K1')" in warning.message
    assert warning.message.endswith(
        "these entries look like suppliers and are not assessed: name the key 'suppliers'"
        " if they are"
    )
    assert [s.id for s in chain.suppliers] == ["T1"]  # type: ignore[attr-defined]


# values of one's own, kept as attributes as before: nothing in them is a supplier's entry
OWN = {
    "contacts": "contacts: [{name: Jane Doe, email: jane@example.org}]",
    "an office": "offices: {hq: {name: Head office, region: Bavaria}}",
    "documents": "documents: [{title: Code of conduct, url: https://example.org/c.pdf}]",
    "tags": "tags: [organic, smallholder]",
    "a mapping of values": "contact: {name: Jane Doe, phone: '+49 30 1234'}",
    # an id and a name, or workers, are any record's: no supplier's sign beside them
    "contacts with ids": "contacts: [{id: C-17, name: Rahim Uddin, role: compliance manager}]",
    "documents with ids": "documents: [{id: DOC-2024-3, name: Code of conduct signed}]",
    "sites with workers": "sites: [{id: SITE-A, name: Unit 1 Tiruppur, workers: 420}]",
    # a key that says what it holds holds no suppliers, whatever fields they give
    "sites with a country": "sites: [{id: HQ, name: Head office, country: Germany}]",
    "certificates": "certificates: [{id: SA-2024-117, name: SA8000, sector: textiles}]",
    "grievances": "grievances: [{id: G-12, name: Overtime, country: BD, status: closed}]",
    "styles with products": "styles: [{id: ST-4411, name: Basic tee, products: [t-shirts]}]",
    "production facilities": "production_facilities: [{id: F1, country: BD, sector: garment}]",
    "the supplier's sites": "supplier_sites: [{id: SITE-A, country: IN, workers: 420}]",
    # owners, customers and the group's companies are no suppliers
    "owners": "owners: [{name: Rahman Holdings Ltd, country: Bangladesh}]",
    "beneficial owners": "beneficial_owners: [{name: Rahman Holdings Ltd, country: BD}]",
    "shareholders": "shareholders: [{id: SH-1, name: Family trust, country: Germany}]",
    "customers": "customers: [{id: C-1, name: Retail AG, country: DE, sector: retail}]",
    "subsidiaries": "subsidiaries: [{name: Bau Austria GmbH, country: Austria}]",
    "branches": "branches: [{id: B-1, name: Branch Kiel, country: Germany}]",
    "group companies": "group_companies: [{name: Bau Polska, country: PL, sector: trade}]",
}


@pytest.mark.parametrize("value", OWN.values(), ids=list(OWN))
def test_a_key_of_ones_own_is_kept_without_an_error(tmp_path: Path, value: str) -> None:
    chain, problems = _read(tmp_path, _under(value))
    assert problems.errors == []
    [supplier] = chain.suppliers  # type: ignore[attr-defined]
    assert list(supplier.attributes) == [value.split(":", 1)[0]]


def test_records_at_the_top_or_in_the_company_are_no_suppliers(tmp_path: Path) -> None:
    """The company's sites and the brands at the top level, each with a country or a
    sector: errors that said to move them into 'suppliers'."""
    chain, problems = _read(
        tmp_path,
        "company:\n"
        "  name: Acme Apparel GmbH\n"
        "  country: Germany\n"
        "  sites:\n"
        "    - {id: HQ, name: Hamburg head office, country: Germany}\n"
        "    - {id: DC-1, name: Distribution centre Kassel, country: Germany, workers: 120}\n"
        "suppliers:\n"
        "  - {id: T1, name: Dhaka Knit Ltd, country: BGD, sector: garment manufacturing}\n"
        "brands:\n"
        "  - {id: BR-1, name: Acme Kids, sector: garment retail}\n",
    )
    assert problems.errors == []
    assert [s.id for s in chain.suppliers] == ["T1"]  # type: ignore[attr-defined]


def test_suppliers_at_the_top_or_in_the_company_are_told(tmp_path: Path) -> None:
    _, problems = _read(
        tmp_path,
        "company:\n"  # 1
        "  name: Bau GmbH\n"  # 2
        f"  suppliers: [{KILN}]\n"  # 3
        f"tier2: [{KILN}]\n"  # 4
        "suppliers:\n"  # 5
        "  - {id: T1, country: DEU}\n",  # 6
    )
    found = [(p.location.line, p.location.column, p.message) for p in problems.errors]
    assert [(line, key) for line, key, _ in found] == [(4, "tier2"), (3, "suppliers")]
    assert found[0][2].endswith("move them into 'suppliers'")
    assert found[1][2].endswith("give them in the top-level 'suppliers'")


def test_a_file_with_suppliers_under_another_key_only_names_it(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, f"farms:\n  - {KILN}\n")
    [error] = problems.errors
    assert (error.type, error.suggestion) == ("no-suppliers", "'suppliers'")
    assert "'farms' is not read" in error.message


# --- 2. suppliers an alias gives again --------------------------------------------------------

LIST_ALIAS = (
    "company: {name: Choc AB, country: Sweden, sector: chocolate-manufacturing}\n"  # 1
    "suppliers:\n"  # 2
    "  - id: P1\n"  # 3
    "    country: CIV\n"  # 4
    "    suppliers: &farms\n"  # 5
    "      - {id: F1, name: Farm 1, country: CIV, sector: cocoa-farming}\n"  # 6
    "      - {id: F2, name: Farm 2, country: CIV, sector: cocoa-farming}\n"  # 7
    "  - id: P2\n"  # 8
    "    country: NLD\n"  # 9
    "    suppliers: *farms\n"  # 10
)
ENTRY_ALIAS = (
    "suppliers:\n"  # 1
    "  - id: P1\n"  # 2
    "    suppliers:\n"  # 3
    "      - &shared\n"  # 4
    "        id: T1\n"  # 5
    "        suppliers:\n"  # 6
    "          - {id: F1, country: CIV}\n"  # 7
    "  - id: P2\n"  # 8
    "    suppliers:\n"  # 9
    "      - *shared\n"  # 10
)
SAME_BUYER = (
    "suppliers:\n"  # 1
    "  - &s1 {id: S1, country: DEU}\n"  # 2
    "  - id: S2\n"  # 3
    "  - *s1\n"  # 4
)
MERGED_LIST = (
    "suppliers:\n"  # 1
    "  - &p1\n"  # 2
    "    id: P1\n"  # 3
    "    suppliers: [{id: F1, country: CIV}]\n"  # 4
    "  - <<: *p1\n"  # 5
    "    id: P2\n"  # 6
)

# the file -> the line, what the one error says (the ids, where first given, the fix)
ALIASES = {
    "a list of suppliers": (
        LIST_ALIAS,
        10,
        [
            "duplicate supplier ids 'F1', 'F2' (first defined at ",
            "chain.yaml, line 6): the alias *farms repeats the entries defined there",
            "give 'F1', 'F2' once and add 'P2' to their 'buyers'",
        ],
    ),
    "an entry with one nested in it": (
        ENTRY_ALIAS,
        10,
        [
            "duplicate supplier ids 'T1', 'F1' (first defined at ",
            "chain.yaml, line 5): the alias *shared repeats the entry, and the suppliers"
            " nested in it, defined there",
            "give 'T1' once and add 'P2' to its 'buyers'",
        ],
    ),
    "an entry under the same buyer": (
        SAME_BUYER,
        4,
        ["duplicate supplier id 'S1' (", "line 2): the alias *s1", "give each supplier once"],
    ),
    "the suppliers of a merged entry": (
        MERGED_LIST,
        5,
        ["duplicate supplier id 'F1' (", "line 4): the alias *p1 repeats the entries"],
    ),
}


@pytest.mark.parametrize(("text", "line", "says"), ALIASES.values(), ids=list(ALIASES))
def test_an_alias_giving_suppliers_again_is_one_error_at_the_alias(
    tmp_path: Path, text: str, line: int, says: list[str]
) -> None:
    """It was located at the first definition and called a duplicate of itself, once per
    supplier it repeats and once more per supplier nested in them."""
    chain, problems = _read(tmp_path, text)
    build_graph(chain, problems)  # type: ignore[arg-type]
    [error] = [p for p in problems.errors if p.type == "duplicate-id"]
    assert error.location.line == line
    for part in says:
        assert part in error.message, error.message


def test_the_suppliers_an_alias_repeats_are_read_once(tmp_path: Path) -> None:
    chain, _ = _read(tmp_path, LIST_ALIAS)
    assert {s.id: s.buyers for s in chain.suppliers} == {  # type: ignore[attr-defined]
        "P1": [],
        "F1": ["P1"],
        "F2": ["P1"],
        "P2": [],
    }


# --- 3. quotes and documents that break the syntax --------------------------------------------

SYNTAX = {
    "a double quote left open": (
        "company: {name: A AB}\n"
        "suppliers:\n"
        "  - id: P1\n"
        '    name: "Abidjan Trading\n'
        "    country: CIV\n"
        "  - id: P2\n"
        "    name: B\n",
        4,
        'a quote opened here (column 11) is not closed: close it, "Abidjan Trading"',
    ),
    "a quote closed lines below": (
        'suppliers:\n  - id: P1\n    name: "Abidjan\n  - id: P2\n    name: "B"\n',
        3,
        "a quote opened here (column 11) is not closed on its line: the text runs on to the"
        " quote at line 5, column 11",
    ),
    "an apostrophe in a text in single quotes": (
        "suppliers:\n  - id: P1\n    name: X\n    country: 'Côte d'Ivoire'\n",
        4,
        "the apostrophe in 'Côte d'Ivoire' (column 21) ends the text quoted at column 14:"
        ' write it in double quotes, "Côte d\'Ivoire", or double the apostrophe,'
        " 'Côte d''Ivoire'",
    ),
    "an apostrophe in {…}": (
        "suppliers:\n  - {id: P1, country: 'Côte d'Ivoire', sector: cocoa-farming}\n",
        2,
        "the apostrophe in 'Côte d'Ivoire' (column 30) ends the text quoted at column 23",
    ),
    "a double quote in a text in double quotes": (
        'suppliers:\n  - {id: P1, name: "The "Best" Farm"}\n',
        2,
        "write it in single quotes, 'The \"Best\" Farm'",
    ),
    "a second document": (
        "company: {name: A}\nsuppliers:\n  - {id: P1}\n---\nsuppliers:\n  - {id: P2}\n",
        4,
        "a second document begins here ('---'): a file holds one chain; remove the '---',"
        " or split the file, one chain per file",
    ),
}


@pytest.mark.parametrize(("text", "line", "says"), SYNTAX.values(), ids=list(SYNTAX))
def test_a_quote_or_a_document_is_told_where_it_is(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    """Told at the end of the file (a line past it), or as a slip of the indentation."""
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    [problem] = read_raw(path, ReadOptions()).problems.items
    assert (problem.type, problem.location.line) == ("yaml-syntax", line)
    assert says in problem.message, problem.message
    assert "indentation" not in problem.message


# --- 4. every line indented with a tab --------------------------------------------------------

TABS = {
    "three lines": (
        "suppliers:\n  - id: P1\n    name: A\n\tcountry: CIV\n    sector: x\n"
        "  - id: P2\n\tcountry: GHA\n\tsector: cocoa-processing\n",
        [(4, 1), (7, 1), (8, 1)],
    ),
    "a file indented with tabs": (
        "suppliers:\n\t- id: A\n\t\tname: x\n\t- id: B\n",
        [(2, 1), (3, 1), (4, 1)],
    ),
    "after a list item's dash": (
        "suppliers:\n  -\tid: A\n    name: B\n  -\tid: C\n",
        [(2, 4), (4, 4)],
    ),
    "a tab in a block's text or in {…} over lines is allowed": (
        "suppliers:\n\t- id: A\n  - id: B\n    notes: |\n      one\n      \ttwo\n"
        "  - {id: C,\n\tname: x}\n\tcountry: y\n",
        [(2, 1), (9, 1)],
    ),
}


@pytest.mark.parametrize(("text", "tabs"), TABS.values(), ids=list(TABS))
def test_every_line_indented_with_a_tab_is_told(
    tmp_path: Path, text: str, tabs: list[tuple[int, int]]
) -> None:
    """Only the first was told: the file was fixed and run again for each."""
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    problems = read_raw(path, ReadOptions()).problems.items
    assert [(p.type, p.location.line) for p in problems] == [
        ("yaml-syntax", line) for line, _ in tabs
    ]
    assert [p.message for p in problems] == [
        f"invalid YAML: a tab at column {column}: YAML does not allow tabs for indentation;"
        " indent with spaces"
        for _, column in tabs
    ]
