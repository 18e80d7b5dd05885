"""Write the hostile-input corpus into tests/assets/bad/ (deterministic; run from the repo root).

    python tests/assets/make_bad_assets.py

The two big cases (a workbook that unpacks to 1 GB, a list of 10^6 empty rows) are written at
test time into a temporary folder by `write_large_cases`, so the repository stays small.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

from openpyxl import Workbook

BAD = Path(__file__).resolve().parent / "bad"


def _minimal_xlsx(path: Path, parts: dict[str, str]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            package.writestr(info, text)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def write_small_cases() -> None:
    BAD.mkdir(exist_ok=True)
    # YAML "billion laughs": nine levels of ten aliases
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join([f"*a{level - 1}"] * 10)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("suppliers: [{id: S1, name: *a9}]")
    (BAD / "alias_bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # nesting far deeper than any chain
    depth = 300
    (BAD / "deep_nesting.yaml").write_text(
        "suppliers:\n  - id: S1\n    name: deep\n    extra: " + "[" * depth + "]" * depth + "\n",
        encoding="utf-8",
    )
    # XML entity declarations inside a workbook package
    entity = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        "<workbook>&lol1;</workbook>"
    )
    _minimal_xlsx(
        BAD / "xml_entities.xlsx", {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": entity}
    )
    # an encrypted workbook is an OLE compound file, not a zip package
    (BAD / "encrypted.xlsx").write_bytes(
        bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504 + b"EncryptionInfo" + b"\x00" * 498
    )
    # formulas never calculated, and error values, in the id column
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Suppliers"
    ws.append(["Supplier ID", "Supplier name", "Country", "Sector"])
    ws.append(['=CONCAT("S","1")', "Formula id farm", "GHA", "cocoa-farming"])
    ws.append(["#REF!", "Broken reference farm", "#N/A", "cocoa-farming"])
    ws["A3"].data_type = "e"
    ws["C3"].data_type = "e"
    wb.save(BAD / "formulas_errors.xlsx")
    # a header made of merged title cells: no column names at all
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "Supplier master data 2026"
    ws.merge_cells("A1:D2")
    ws["A3"] = "Confidential"
    ws.merge_cells("A3:D3")
    ws.append(["S1", "Farm one", "GHA", "cocoa-farming"])
    wb.save(BAD / "merged_header.xlsx")
    # numbers and dates written as words
    (BAD / "text_numbers_dates.csv").write_text(
        "Supplier ID,Supplier name,Country,Workers,Share,Audit standard,Audit date\n"
        "S1,Farm one,GHA,twelve,sixty percent,SMETA,yesterday\n",
        encoding="utf-8",
    )
    (BAD / "long_name.yaml").write_text(
        "suppliers:\n  - {id: S1, country: GHA, name: " + "A" * 1000 + "}\n", encoding="utf-8"
    )
    (BAD / "control_characters.yaml").write_text(
        'suppliers:\n  - {id: S1, country: GHA, name: "Safe\\u202eFarm\\a"}\n', encoding="utf-8"
    )
    rng = random.Random(8)
    (BAD / "binary_garbage.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (BAD / "png_named.csv").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d49484452") + b"\x00" * 64
    )
    (BAD / "ragged_rows.csv").write_text(
        "Supplier ID,Supplier name,Country\nS1,Farm one,GHA\nS2,Farm two,GHA,cocoa,extra\n",
        encoding="utf-8",
    )
    (BAD / "duplicate_headers.csv").write_text(
        "Supplier ID,Supplier name,Country,Country\nS1,Farm one,GHA,CIV\n", encoding="utf-8"
    )


def write_large_cases(folder: Path) -> dict[str, Path]:
    """The zip bomb (unpacks to 1 GB) and 10^6 empty rows, written where the caller says."""
    folder.mkdir(parents=True, exist_ok=True)
    bomb = folder / "zip_bomb.xlsx"
    if not bomb.exists():
        with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
            package.writestr("[Content_Types].xml", CONTENT_TYPES)
            with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                block = b" " * (1 << 20)
                for _ in range(1024):
                    sheet.write(block)
    rows = folder / "empty_rows.csv"
    if not rows.exists():
        rows.write_text("Supplier ID;Supplier name;Country\n" + ";;\n" * 1_000_000, "utf-8")
    return {"zip_bomb.xlsx": bomb, "empty_rows.csv": rows}


if __name__ == "__main__":
    write_small_cases()
