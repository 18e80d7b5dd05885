"""SAP's supplier headers: "Lieferant" is the vendor number beside a column of the supplier's
name ("Name des Lieferanten", "Name 1", "Lieferantenname"), read as the id where no other
column is; "Name 1" (SAP's name field) is the name; "Lieferant" alone is still the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import match_header, parse_column_map

# a header row (';'-separated), its one supplier row and any --map -> the supplier's id, its
# name, its attributes (the columns kept) and the problems reading it gives
HEADERS: dict[
    str, tuple[str, str, list[str], str | None, str | None, dict[str, str], list[str]]
] = {
    "Lieferant beside its name": (
        "Lieferant;Name des Lieferanten;Land",
        "100234;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        ["duplicate-column warning"],
    ),
    "Lieferant beside Name 1": (
        "Lieferant;Name 1;Land",
        "100234;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        ["duplicate-column warning"],
    ),
    "Lieferant after Lieferantenname": (
        "Lieferantenname;Lieferant;Land",
        "ACME Kakao GmbH;100234;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        ["duplicate-column warning"],
    ),
    "Kreditor beside Name 1": (
        "Kreditor;Name 1;Land",
        "100234;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        [],
    ),
    "Kreditorennummer beside Name1": (
        "Kreditorennummer;Name1;Land",
        "100234;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        [],
    ),
    "Kreditor beside Name des Lieferanten": (
        "Kreditor;Name des Lieferanten;Land",
        "100234;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {},
        [],
    ),
    "Kreditor, Lieferant and Name 1: Lieferant kept": (
        "Kreditor;Lieferant;Name 1;Land",
        "100234;L-77;ACME Kakao GmbH;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {"Lieferant": "L-77"},
        ["duplicate-column warning"],
    ),
    "Lieferant, Name 1 and a contact's Name": (
        "Lieferant;Name 1;Name;Land",
        "100234;ACME Kakao GmbH;Schmidt;DE",
        [],
        "100234",
        "ACME Kakao GmbH",
        {"Name": "Schmidt"},
        ["duplicate-column warning", "duplicate-column warning"],
    ),
    "the user reads Lieferant as the name": (
        "Lieferant;Name des Lieferanten;Lieferantennummer",
        "ACME Kakao GmbH;ACME;L1",
        ["Lieferant=name"],
        "L1",
        "ACME Kakao GmbH",
        {"Name des Lieferanten": "ACME"},
        [],
    ),
    "Lieferant alone is the name": (
        "Lieferantennummer;Lieferant;Land",
        "L1;ACME Kakao GmbH;DE",
        [],
        "L1",
        "ACME Kakao GmbH",
        {},
        [],
    ),
    "Lieferant beside a contact's Name is the name": (
        "Lieferantennummer;Lieferant;Name",
        "L1;ACME Kakao GmbH;Schmidt",
        [],
        "L1",
        "ACME Kakao GmbH",
        {"Name": "Schmidt"},
        ["duplicate-column warning"],
    ),
    "Lieferant alone, without an id: no id column": (
        "Lieferant;Land",
        "ACME Kakao GmbH;DE",
        [],
        None,
        None,
        {},
        ["no-id-column error"],
    ),
}


@pytest.mark.parametrize(
    ("header", "row", "maps", "id_", "name", "attributes", "problems"),
    HEADERS.values(),
    ids=list(HEADERS),
)
def test_saps_supplier_headers_are_read_as_its_fields(
    tmp_path: Path,
    header: str,
    row: str,
    maps: list[str],
    id_: str | None,
    name: str | None,
    attributes: dict[str, str],
    problems: list[str],
) -> None:
    path = tmp_path / "sap.csv"
    path.write_text(f"{header}\n{row}\n", "utf-8")
    chain, found = read_chain([path], ReadOptions(column_map=parse_column_map(maps)))
    read = [(s.id, s.name, s.attributes) for s in chain.suppliers]
    assert read == ([] if id_ is None else [(id_, name, attributes)])
    assert [f"{p.type} {p.severity}" for p in found.items] == problems


def test_the_warning_says_how_lieferant_is_read_and_how_to_read_it_as_the_name(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sap.csv"
    path.write_text("Lieferant;Name des Lieferanten;Land\n100234;ACME Kakao GmbH;DE\n", "utf-8")
    _chain, found = read_chain([path])
    [warning] = found.items
    assert warning.location.column == "Lieferant"
    assert warning.message == (
        "column 'Lieferant' (A) beside 'Name des Lieferanten' (B) holds the supplier's number,"
        " as SAP exports it: it is read as the supplier's id and 'Name des Lieferanten' as the"
        " name; to read 'Lieferant' as the name, use --map 'Lieferant=name'"
    )


@pytest.mark.parametrize("header", ["Name 1", "Name1", "NAME 1", "name_1"])
def test_saps_name_field_is_the_name(header: str) -> None:
    assert match_header(header, {}) == "name"


@pytest.mark.parametrize("header", ["Name 2", "Name 3"])
def test_saps_other_name_lines_are_no_name(header: str) -> None:
    assert match_header(header, {}) is None
