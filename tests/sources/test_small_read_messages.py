"""Small reading cases told plainly: a YAML value holding ': ', a UTF-16 YAML file, a CSV
of a byte-order mark alone, a CSV cell beyond the parser's limit."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ddtool.sources import read_chain

YAML = "company: {name: Acme}\nsuppliers:\n  - {id: P1, name: Café, country: GH}\n"


@pytest.mark.parametrize(
    ("name", "content", "kind", "says"),
    [
        (
            "colon.yaml",
            b"company: {name: Acme}\nsuppliers:\n  - id: P1\n    name: Foo: Bar\n",
            "yaml-syntax",
            "a value holding ': ' must be quoted: name: \"Foo: Bar\"",
        ),
        ("bom.csv", codecs.BOM_UTF8, "empty-file", "the file is empty"),
        ("bom-space.csv", codecs.BOM_UTF8 + b" \n", "empty-file", "the file is empty"),
        (
            "long.csv",
            b"id,name\nP1," + b"x" * 200_000 + b"\n",
            "csv-syntax",
            "a cell of this row is longer than 131,072 characters",
        ),
    ],
)
def test_a_plain_message(tmp_path: Path, name: str, content: bytes, kind: str, says: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    _, problems = read_chain([path])
    [error] = problems.errors
    assert error.type == kind and says in error.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_yaml_file_with_its_mark_is_read(tmp_path: Path, encoding: str) -> None:
    mark = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path = tmp_path / "chain.yaml"
    path.write_bytes(mark + YAML.encode(encoding))
    chain, problems = read_chain([path])
    assert not problems.errors
    assert [(s.id, s.name) for s in chain.suppliers] == [("P1", "Café")]


def test_yaml_true_and_false_are_shown_as_written(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme}\nsuppliers:\n  - {id: P1, country: false, share: true}\n",
        encoding="utf-8",
    )
    _, problems = read_chain([path])
    messages = sorted(p.message for p in problems.errors)
    assert messages == [
        "share: expected a number, got true (a yes/no value)",
        "unknown country 'false'",
    ]


def test_a_yaml_byte_that_is_not_utf8_is_located_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_bytes(b"company: {name: Acme}\nsuppliers:\n  - {id: P1, name: Caf\xe9}\n")
    _, problems = read_chain([path])
    [error] = problems.errors
    assert (error.type, error.location.line) == ("bad-encoding", 3)
    assert "line 3, column 23 holds the byte 0xE9" in error.message


def test_an_unknown_audit_result_is_located_at_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "company: {name: Acme}\nsuppliers:\n  - id: P1\n    audits:\n"
        "      - standard: SMETA\n        date: 2025-01-01\n        result: pass\n"
        "      - standard: BSCI\n        date: 2025-02-01\n        result: faild\n"
        "      - {standard: X, date: 2025-03-01, result: dunno}\n",
        encoding="utf-8",
    )
    _, problems = read_chain([path])
    found = [
        (p.location.line, p.location.column)
        for p in problems.items
        if p.type == "unknown-audit-result"
    ]
    assert found == [(10, "result"), (11, "result")]


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("31-04-2025", "April 2025 has 30 days, not 31"),
        ("2025/04/31", "April 2025 has 30 days, not 31"),
        ("2025-04-00", "there is no day 0"),
        ("02/29/2025", "there is no month 29, and read month first, February 2025 has 28 days"),
        ("12/31/2025", "if it is December 31, write 2025-12-31"),
    ],
)
def test_a_date_in_numbers_that_is_no_day_says_why(written: str, why: str) -> None:
    from ddtool.sources.values import ValueProblem, parse_date

    with pytest.raises(ValueProblem) as caught:
        parse_date(written)
    assert str(caught.value).startswith(f"{written!r} does not exist: ") and why in str(
        caught.value
    )


def test_a_utf16_yaml_file_that_does_not_decode_says_so(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_bytes(YAML.encode("utf-16") + b"\x00\xd8")  # (half a character at the end)
    _, problems = read_chain([path])
    [error] = problems.errors
    assert error.type == "bad-encoding" and error.message.startswith("not valid UTF-16 text")
