"""Hostile texts a supplier's questionnaire may hold: one long text named by thousands of
aliases (a string alias bomb), control characters and direction marks in the company's name,
a certification's or an audit's (shown in every report and the terminal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import ReadOptions, read_chain

HEAD = "company: {name: Acme, country: DEU}\n"


def test_a_long_text_named_by_thousands_of_aliases_is_refused(tmp_path: Path) -> None:
    text = "A" * 100_000
    names = ", ".join(["*s"] * 2_000)  # 200 MB of text once expanded; 200 kB written
    path = tmp_path / "bomb.yaml"
    path.write_text(
        f'{HEAD}anchor: &s "{text}"\nsuppliers:\n  - {{id: S1, name: Farm, notes: [{names}]}}\n',
        encoding="utf-8",
    )
    chain, problems = read_chain([path], ReadOptions(max_file_mb=100))
    [error] = problems.errors
    assert error.type == "alias-bomb" and "more than 100 MB of text" in error.message
    assert chain.suppliers == []


def test_aliases_of_a_reasonable_size_are_read(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text(
        f"{HEAD}certs: &c [{{name: Fairtrade, valid_until: 2030-01-01}}]\nsuppliers:\n"
        "  - {id: S1, name: Farm, certifications: *c}\n"
        "  - {id: S2, name: Farm 2, certifications: *c}\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert not problems.errors
    assert [len(s.certifications) for s in chain.suppliers] == [1, 1]


@pytest.mark.parametrize(
    ("block", "says"),
    [
        ('company: {name: "Acme\\e[2J", country: DEU}\n', "company name"),
        ('company: {name: Acme, id: "AC\\u202eME"}\n', "company id"),
    ],
)
def test_hidden_characters_in_the_company_are_refused(
    tmp_path: Path, block: str, says: str
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(block + "suppliers:\n  - {id: S1, name: Farm}\n", encoding="utf-8")
    _, problems = read_chain([path])
    [error] = problems.errors
    assert error.type == "unsafe-characters" and error.message.startswith(says)


@pytest.mark.parametrize(
    ("cell", "says"),
    [
        ('"SA8000\\e]8;;http://evil.example/\\e\\\\CLICK"', "certification 'SA8000\\x1b]8"),
        ('"RA\\u202e valid until 2027-01-01"', "certification 'RA\\u202e valid until"),
        ('[{standard: "SMETA\\e[2J", date: 2024-01-01, result: pass}]', "audit standard"),
        ('[{standard: SMETA, date: 2024-01-01, result: "pass\\e[2J"}]', "audit result"),
    ],
)
def test_hidden_characters_in_certifications_and_audits_are_refused(
    tmp_path: Path, cell: str, says: str
) -> None:
    key = "audits" if cell.startswith("[") else "certifications"
    path = tmp_path / "chain.yaml"
    path.write_text(
        f"{HEAD}suppliers:\n  - id: S1\n    name: Farm\n    {key}: {cell}\n", encoding="utf-8"
    )
    _, problems = read_chain([path])
    # (a cell of several certifications, split at ';', may give one for each)
    assert {e.type for e in problems.errors} == {"unsafe-characters"}
    assert any(says in e.message for e in problems.errors)
