"""YAML reading: nested and flat forms mixed, several buyers, line numbers, extras."""

from __future__ import annotations

from pathlib import Path

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
