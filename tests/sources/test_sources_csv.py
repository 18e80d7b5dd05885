"""CSV reading: European conventions (semicolon, BOM, decimal comma) and the cp1252 fallback."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from ddtool.sources import ReadOptions, read_chain, read_raw

INPUT = Path(__file__).parents[1] / "assets" / "input"


def test_european_csv() -> None:
    chain, problems = read_chain([INPUT / "european.csv"])
    assert problems.items == []
    assert [(s.id, s.name, s.country, s.share, s.buyers) for s in chain.suppliers] == [
        ("B1", "Sao Paulo Torrefacao", "BRA", None, []),
        ("B2", "Minas Fazenda", "BRA", 0.6, ["B1"]),
    ]


def test_byte_order_mark_does_not_hide_the_first_header() -> None:
    raw = read_raw(INPUT / "european.csv", ReadOptions())
    assert raw.records[0].columns["id"] == "Supplier ID"


def test_cp1252_csv_reads_accents_with_a_warning() -> None:
    chain, problems = read_chain([INPUT / "cp1252.csv"])
    assert problems.flatten(["type", "severity"]) == [["encoding-fallback", "warning"]]
    assert [(s.country_raw, s.country) for s in chain.suppliers] == [
        ("Côte d'Ivoire", "CIV"),
        ("Côte d'Ivoire", "CIV"),
    ]
    assert chain.suppliers[1].name == "Soubré Planteurs"


def test_european_thousands_separator_in_a_count(tmp_path: Path) -> None:
    path = tmp_path / "eu_workers.csv"
    path.write_text("Supplier ID;Supplier name;Country;Workers\nE1;Lyon;France;1.200\n")
    chain, problems = read_chain([path])
    assert problems.items == []
    assert chain.suppliers[0].workers == 1200


HEADER = "Supplier ID,Supplier name,Country,Sector,Buyer ID\n"


@pytest.mark.parametrize(
    ("body", "row", "says"),
    [
        # a quote opened and never closed would take in every row after it
        (
            'S1,Trader,Ghana,cocoa trader,\nS2,"Farm ""Hope,Ghana,cocoa farming,S1\n'
            "S3,Farm three,Ghana,cocoa farming,S1\n",
            3,
            "never closed",
        ),
    ],
)
def test_broken_quoting_is_a_located_error_not_rows_lost(
    tmp_path: Path, body: str, row: int, says: str
) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    _chain, problems = read_chain([path])
    [problem] = problems.errors
    assert (problem.type, problem.location.row) == ("csv-syntax", row)
    assert says in problem.message


def test_quotes_written_as_csv_writes_them_still_read(tmp_path: Path) -> None:
    """Quotes as CSV writes them, and as exports and hand edits leave them (a space or text
    after a closing quote), are read as spreadsheet programs read them."""
    path = tmp_path / "quotes.csv"
    path.write_text(
        HEADER + 'S1,"Farm ""Hope"", Ghana",Ghana,cocoa farming,\nS2,Pipe 5" mill,GH,,S1\n'
        'S3,"two\nlines",GH,,S1\nS4,"Acme" ,GH,,S1\nS5,"Tr"ader,GH,,S1\n',
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [s.name for s in chain.suppliers] == [
        'Farm "Hope", Ghana',
        'Pipe 5" mill',
        "two\nlines",
        "Acme",
        "Trader",
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # commas inside a semicolon file's product lists outnumber the semicolons
        (
            "Supplier ID;Supplier name;Country;Products\n"
            "P1;Grinder;CIV;cocoa butter, cocoa liquor, cocoa powder, cocoa cake, nibs, husk\n"
            "P2;Mill;NLD;cocoa butter, cocoa liquor, cocoa powder, cocoa cake, nibs, mass\n",
            ["Grinder", "Mill"],
        ),
        ("Supplier ID,Supplier name,Country\nP1,Grinder,CIV\nP2,Mill,NLD\n", ["Grinder", "Mill"]),
        ("Supplier ID\tSupplier name\tCountry\nP1\tA; B\tCIV\n", ["A; B"]),
        (
            "Supplier list 2025\n\nSupplier ID|Supplier name|Country\nP1|Grinder, Ltd|CIV\n",
            ["Grinder, Ltd"],
        ),
    ],
)
def test_the_delimiter_is_the_one_that_gives_rows_alike(
    tmp_path: Path, text: str, names: list[str]
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    chain, problems = read_chain([path])
    assert problems.errors == []
    assert [s.name for s in chain.suppliers] == names


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-16", True),
        ("utf-16-be", True),
        ("utf-32", True),
        # some exports leave the byte-order mark out: every second byte is then zero
        ("utf-16-le", False),
        ("utf-16-be", False),
    ],
)
def test_unicode_text_is_read(tmp_path: Path, encoding: str, mark: bool) -> None:
    """Excel's "Unicode Text" export is UTF-16, tab-separated: it was refused as binary, and
    so was UTF-16 without a byte-order mark ("binary content")."""
    text = "Supplier ID\tSupplier name\tCountry\nS1\tSociété Ivoirienne\tCôte d'Ivoire\n"
    _read_as(tmp_path, text, encoding, mark, [("Société Ivoirienne", "CIV")])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_unicode_text_in_other_scripts_without_a_mark_is_read(
    tmp_path: Path, encoding: str
) -> None:
    """Japanese names have no zero bytes in UTF-16: told by decoding into lines of cells."""
    text = "Supplier ID\tSupplier name\tCountry\nS1\t株式会社サンプル工業\tJapan\n"
    _read_as(tmp_path, text, encoding, False, [("株式会社サンプル工業", "JPN")])


def test_binary_bytes_are_not_taken_for_utf16(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    path = tmp_path / "list.csv"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    _chain, problems = read_chain([path])
    assert [p.type for p in problems.errors] == ["not-text"]


def _read_as(
    tmp_path: Path, text: str, encoding: str, mark: bool, expected: list[tuple[str, str]]
) -> None:
    data = text.encode(encoding)
    if encoding == "utf-16-be" and mark:
        data = b"\xfe\xff" + data  # (Python writes the mark only for plain utf-16)
    path = tmp_path / "list.txt"
    path.write_bytes(data)
    chain, problems = read_chain([path])
    assert problems.items == []
    assert [(s.name, s.country) for s in chain.suppliers] == expected


def test_utf16_that_does_not_decode_is_refused_as_text(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(b"\xff\xfeS\x00\x00\xd8")  # a lone surrogate half
    _chain, problems = read_chain([path])
    assert [p.type for p in problems.errors] == ["not-text"]


@pytest.mark.parametrize(
    ("encoding", "tail", "line", "says"),
    [
        ("utf-16", b"\x00", 3, "not valid UTF-16 text (at byte offset 88: truncated data)"),
        ("utf-16", b"\x00\xd8A\x00", 3, "(at byte offset 88: illegal UTF-16 surrogate)"),
        ("utf-32", b"\x00\x00\x11\x00", 3, "not valid UTF-32 text (at byte offset 176: code"),
    ],
)
def test_wide_text_that_does_not_decode_is_located(
    tmp_path: Path, encoding: str, tail: bytes, line: int, says: str
) -> None:
    path = tmp_path / "list.csv"
    text = "Supplier ID,Name,Country\nS1,Farm One,Ghana\n"  # (43 characters)
    path.write_bytes(text.encode(encoding) + tail)
    _chain, problems = read_chain([path])
    [error] = problems.errors
    assert (error.type, error.location.line) == ("not-text", line)
    assert says in error.message and error.message.endswith(
        "save the file again as UTF-8 (CSV UTF-8)"
    )


@pytest.mark.parametrize(
    "mark", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
)
def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path, mark: bytes) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(mark)
    _chain, problems = read_chain([path])
    assert [(p.type, p.message) for p in problems.items] == [("empty-file", "the file is empty")]


def test_a_sheet_asked_of_a_csv_file_is_said_not_used(tmp_path: Path) -> None:
    """--sheet with a CSV file passed without a word, as if the sheet were read."""
    path = tmp_path / "list.csv"
    path.write_text("id,name,country\nS1,Alpha,Ghana\n", encoding="utf-8")
    chain, problems = read_chain([path], ReadOptions(sheet="Tier 2"))
    assert [s.id for s in chain.suppliers] == ["S1"]
    assert problems.flatten(["severity", "type", "message"]) == [
        ["warning", "sheet-not-used", "--sheet 'Tier 2' is not used: a CSV file has no sheets"]
    ]


@pytest.mark.parametrize(
    ("body", "warned"),
    [
        # (rows after the header, the rows warned with the cell as written and its place)
        ('S1,"Farm "Hope" Ghana",GH,,\n', [(2, '"Farm "Hope" Ghana"', 2)]),
        ('S1,Farm,GH,,\nS2,"Tr"ader,GH,,S1\n', [(3, '"Tr"ader', 2)]),
        ('S1,Farm,GH,,\nS2,Mill,GH,,"S"1\n', [(3, '"S"1', 5)]),
        # a quoted cell over two lines: the row is located, not its second line
        ('S1,"two\nlines "x" here",GH,,\nS2,Mill,GH,,S1\n', [(2, '"two\nlines "x" here"', 2)]),
        # several in a file: each is warned
        (
            'S1,"a"b,GH,,\nS2,Mill,GH,,S1\nS3,"c "d" e",GH,,S1\n',
            [(2, '"a"b', 2), (4, '"c "d" e"', 2)],
        ),
        # quotes as CSV writes them, a space after the closing quote, quotes in an unquoted
        # cell: no warning
        ('S1,"Farm ""Hope"", Ghana",GH,,\nS2,Pipe 5" mill,GH,,S1\nS3,"Acme" ,GH,,S1\n', []),
        ('S1,"Farm",GH,,\n', []),
        # a line break str.splitlines knows but CSV does not (U+2028) in a cell
        # above: the rows are still the right ones
        (
            'S1,Acme\u2028Ltd,GH,,\nS2,"Tr"ader,GH,,S1\nS3,"c "d" e",GH,,S1\n',
            [(3, '"Tr"ader', 2), (4, '"c "d" e"', 2)],
        ),
        # Windows line ends
        ('S1,Farm,GH,,\r\nS2,"Tr"ader,GH,,S1\r\n', [(3, '"Tr"ader', 2)]),
    ],
)
def test_a_stray_quote_is_warned_at_its_row(
    tmp_path: Path, body: str, warned: list[tuple[int, str, int]]
) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    _chain, problems = read_chain([path])
    assert problems.errors == []
    found = [p for p in problems.items if p.type == "stray-quote"]
    assert [(p.location.row, p.severity) for p in found] == [(row, "warning") for row, *_ in warned]
    for problem, (_row, cell, place) in zip(found, warned, strict=True):
        assert f"the quoted cell {cell!r} (cell {place} of the row)" in problem.message
        assert 'written twice ("")' in problem.message
