"""YAML reading: nested and flat forms mixed, several buyers, line numbers, extras."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import ReadOptions, read_chain, read_raw

ASSETS = Path(__file__).parents[1] / "assets"
MIXED = ASSETS / "input" / "mixed_forms.yaml"


def test_nested_and_flat_forms_give_the_right_buyers() -> None:
    chain, problems = read_chain([MIXED])
    assert problems.items == []
    assert chain.company.id == "ACME"
    assert {s.id: s.buyers for s in chain.suppliers} == {
        "T1": [],
        "M1": ["T1"],
        "F1": ["M1"],
        "T2": [],
        "F3": ["T2", "M2"],  # nested under T2 and also naming M2
        "F2": ["M1"],
        "M2": ["T1", "T2"],
    }


def test_yaml_records_carry_their_line() -> None:
    raw = read_raw(MIXED, ReadOptions())
    assert {r.fields["id"]: r.location.line for r in raw.records} == {
        "T1": 4,
        "M1": 9,
        "F1": 14,
        "T2": 15,
        "F3": 20,
        "F2": 21,
        "M2": 22,
    }


def test_unknown_yaml_keys_are_kept_as_attributes() -> None:
    chain, _ = read_chain([MIXED])
    by_id = {s.id: s for s in chain.suppliers}
    assert by_id["M2"].attributes == {"certified_by": "internal"}
    assert by_id["M1"].country == "BRA"


def test_problem_lines_in_nested_yaml() -> None:
    _, problems = read_chain([ASSETS / "bad" / "numbers.yaml"])
    assert problems.flatten(["type", "line"]) == [
        ["out-of-range", 4],
        ["out-of-range", 5],
        ["bad-number", 6],
    ]


def test_yaml_syntax_error_line() -> None:
    raw = read_raw(ASSETS / "bad" / "yaml_syntax.yaml", ReadOptions())
    assert raw.problems.flatten(["type", "line"]) == [["yaml-syntax", 5]]
    assert raw.records == []


def test_top_level_list_is_a_supplier_list(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- {id: A, country: GH}\n- {id: B, country: GH, buyers: [A]}\n")
    chain, problems = read_chain([path])
    assert problems.items == []
    assert [(s.id, s.buyers) for s in chain.suppliers] == [("A", []), ("B", ["A"])]


def test_yaml_1_1_booleans_and_octals_are_kept_as_written(tmp_path: Path) -> None:
    """`country: NO` was read as False ("unknown country 'False'") and `id: 0012` as the
    octal number 10: a supplier silently renumbered."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Nordic Fish AS, country: NO}\n"
        "suppliers:\n"
        "  - {id: 0012, name: Processor, country: Thailand, workers: 1_200}\n"
        "  - {id: V1, country: no, buyers: 0012, workers: 0012}\n"
        "  - {id: 0x1A, country: Norway, buyers: [0012, V1]}\n"
        "  - {id: V2, country: Norway, buyers: V1, Own flag: true, Own note: yes}\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert chain.company.country == "NOR"
    found = {s.id: (s.country, s.buyers, s.workers) for s in chain.suppliers}
    assert found == {
        "0012": ("THA", [], 1200),
        "V1": ("NOR", ["0012"], 12),
        "0x1A": ("NOR", ["0012", "V1"], None),
        "V2": ("NOR", ["V1"], None),
    }
    assert chain.suppliers[-1].attributes == {"Own flag": True, "Own note": "yes"}


def test_a_yaml_boolean_word_where_a_country_is_wanted_is_named_as_written(
    tmp_path: Path,
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text("suppliers:\n  - {id: S1, country: on}\n", encoding="utf-8")
    _chain, problems = read_chain([path])
    assert [p.message for p in problems.errors] == ["unknown country 'on'"]


def test_keys_written_twice_are_each_an_error_at_their_line(tmp_path: Path) -> None:
    # YAML keeps the last of two equal keys: the first supplier list, or the first country,
    # would be lost without a word
    path = tmp_path / "twice.yaml"
    path.write_text(
        "suppliers:\n"
        "  - id: A\n"
        "    name: a\n"
        "    country: BGD\n"
        "    country: DEU\n"
        "suppliers:\n"
        "  - id: B\n"
        "    name: b\n",
        "utf-8",
    )
    raw = read_raw(path, ReadOptions())
    assert raw.problems.flatten(["type", "line"]) == [["duplicate-key", 5], ["duplicate-key", 6]]
    assert "'country' appears twice at the same level (also at line 4)" in str(raw.problems)
    assert raw.records == []


def test_a_merged_key_overridden_is_no_duplicate_but_one_written_twice_inline_is(
    tmp_path: Path,
) -> None:
    path = tmp_path / "merge.yaml"
    path.write_text(
        "defaults: &farm {country: BRA, sector: coffee-farming}\n"
        "suppliers:\n"
        "  - <<: *farm\n"
        "    id: A\n"
        "    name: a\n"
        "    country: COL\n"  # overrides the merged country: what merges are for
        "  - {id: B, name: b, country: BGD, country: DEU, sector: garment}\n",
        "utf-8",
    )
    raw = read_raw(path, ReadOptions())
    assert raw.problems.flatten(["type", "line"]) == [["duplicate-key", 7]]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        # the parser stops where the next thing starts; the message says where the bracket
        # it was in was opened
        (
            "company: {name: X\nsuppliers:\n  - id: [\n",
            2,
            "flow mapping that starts at line 1, column 10: a bracket not closed?",
        ),
        (
            "suppliers:\n  - {id: A, name: [x\n  - {id: B}\n",
            3,
            "flow sequence that starts at line 2, column 19: a bracket not closed?",
        ),
        (
            "suppliers:\n  - id: A\n   name: x\n",
            3,
            "block collection that starts at line 2, column 3: check the indentation",
        ),
    ],
)
def test_a_yaml_syntax_error_says_where_its_bracket_or_block_starts(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(text, "utf-8")
    raw = read_raw(path, ReadOptions())
    [problem] = raw.problems.items
    assert (problem.type, problem.location.line) == ("yaml-syntax", line)
    assert says in problem.message, problem.message


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    """It was 'unacceptable character #x0000', or read as Windows-1252 with a wrong column."""
    text = (
        "company: {name: Café Co}\n"
        "suppliers:\n"
        "  - {id: A, name: Café, country: CIV, sector: cocoa-farming}\n"
    )
    path = tmp_path / "chain.yaml"
    path.write_bytes(text.encode(encoding))
    chain, problems = read_chain([path])
    assert problems.items == []
    assert [(s.id, s.name) for s in chain.suppliers] == [("A", "Café")]
    assert chain.company.name == "Café Co"


def test_a_supplier_repeated_by_an_alias_or_a_merge_is_located_where_it_is_repeated(
    tmp_path: Path,
) -> None:
    """Both duplicates were located at the original's id line: the user could not find them."""
    from ddtool.errors import ProblemList
    from ddtool.graph import build_graph

    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n"  # 1
        "  - &s\n"  # 2
        "    id: A\n"  # 3
        "    name: Alpha\n"  # 4
        "    country: CIV\n"  # 5
        "    sector: cocoa-farming\n"  # 6
        "  - {id: B, name: Beta, country: CIV, sector: cocoa-farming, products: &p [cocoa]}\n"
        "  - *s\n"  # 8
        "  - <<: *s\n"  # 9
        "    name: Gamma\n"  # 10
        "  - {id: C, name: Gamma, country: CIV, sector: cocoa-farming, products: *p}\n",  # 11
        "utf-8",
    )
    chain, problems = read_chain([path])
    # (an alias gives the entry itself again: the reader says so; a merge is an entry of
    # its own, which the graph finds given twice)
    assert [(p.type, p.location.line, p.location.column) for p in problems.errors] == [
        ("duplicate-id", 8, None),  # (an alias: no key of its own)
    ]
    assert "the alias *s repeats the entry defined there" in problems.errors[0].message
    found = ProblemList()
    build_graph(chain, found)
    assert [(p.type, p.location.line, p.location.column) for p in found.errors] == [
        ("duplicate-id", 9, "id"),
    ]
    assert [s.products for s in chain.suppliers if s.id == "C"] == [["cocoa"]]


def test_an_alias_in_a_comment_is_no_item(tmp_path: Path) -> None:
    """'*s1' in the comment after an item was taken for the next item's alias."""
    from ddtool.graph import build_graph

    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n"
        "  - &s1 {id: S1, name: One, country: DEU, sector: software-services}\n"
        "  - *s1 # again *s1\n"
        "  - *s1\n",
        "utf-8",
    )
    chain, found = read_chain([path])
    build_graph(chain, found)
    assert [p.location.line for p in found.errors] == [3, 4]


def test_an_alias_in_a_flow_list_is_located_where_it_is_written(tmp_path: Path) -> None:
    from ddtool.graph import build_graph

    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n"  # 1
        "  - &s1 {id: S1, name: One, country: DEU, sector: software-services}\n"  # 2
        "  - id: S2\n"  # 3
        "    name: Two\n"  # 4
        "    suppliers: [*s1]\n"  # 5
        "  - id: S3\n"  # 6
        "    name: Three\n"  # 7
        "    suppliers: [\n"  # 8
        "      *s1,\n"  # 9
        "      *s1 ]\n",  # 10
        "utf-8",
    )
    chain, found = read_chain([path])
    build_graph(chain, found)
    assert [p.location.line for p in found.errors if p.type == "duplicate-id"] == [5, 9, 10]
