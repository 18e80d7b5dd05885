"""Generate the input assets under tests/assets/input/ (deterministic: run it again, same bytes).

Run: python tests/assets/make_assets.py
The files it writes are committed; do not edit them by hand, change this script instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

INPUT = Path(__file__).parent / "input"
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
FIXED_CORE_TIME = b"2026-01-01T00:00:00Z"


def _save_deterministic(workbook: Workbook, path: Path) -> None:
    """Save a workbook with fixed timestamps, so that regenerating gives the same bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + FIXED_CORE_TIME + rb"\g<2>",
                    data,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    path.write_bytes(out.getvalue())


def vendor_list(path: Path) -> None:
    """A real-looking vendor export: title row, vendor headers, blank row, mixed countries."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Vendors"
    sheet.append(["Data as of 2026-10-01"])
    sheet.append(
        [
            "Vendor ID",
            "Vendor Name",
            "Country of Origin",
            "Commodity / Sector",
            "Parent Vendor ID",
            "No. of Workers",
            "Notes",
        ]
    )
    sheet.append(["V-001", "Delhi Garments", "India", "garment-manufacturing", None, "1,200", None])
    sheet.append(["V-002", "Surat Mills", "IN", "fabric-manufacturing", "V-001", 350, "visited"])
    sheet.append([None] * 7)
    sheet.append(["V-003", "Gujarat Spinners", "IND", "yarn-spinning", "V-002", 90, None])
    sheet.append(["V-004", "Izmir Iplik", "Türkiye", "yarn-spinning", "V-002", 60, "new 2026"])
    _save_deterministic(workbook, path)


def two_sheets(path: Path) -> None:
    """A workbook whose first sheet is notes and whose second holds the suppliers."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Notes"
    notes.append(["Prepared by procurement"])
    notes.append(["Do not share outside the company"])
    suppliers = workbook.create_sheet("Supplier list")
    suppliers.append(["Supplier ID", "Supplier name", "Country", "Sector"])
    suppliers.append(["S1", "Accra Cocoa", "Ghana", "cocoa-processing"])
    suppliers.append(["S2", "Kumasi Farm", "GH", "cocoa-farming"])
    _save_deterministic(workbook, path)


def european_csv(path: Path) -> None:
    """Semicolons, a UTF-8 byte-order mark, local country names and decimal commas."""
    text = (
        "Supplier ID;Supplier name;Country;Sector;Buyer ID;Share\n"
        "B1;Sao Paulo Torrefacao;Brasil;coffee-roasting;;\n"
        "B2;Minas Fazenda;Brasil;coffee-farming;B1;0,6\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())


def cp1252_csv(path: Path) -> None:
    """A CSV saved by an old Excel: Windows-1252, not UTF-8."""
    text = (
        "Supplier ID,Supplier name,Country,Sector\n"
        "C1,Abidjan Cacao,Côte d'Ivoire,cocoa-processing\n"
        "C2,Soubré Planteurs,Côte d'Ivoire,cocoa-farming\n"
    )
    path.write_bytes(text.encode("cp1252"))


def german_headers_csv(path: Path) -> None:
    """A header the alias table does not know ('Firmierung'): needs --map 'Firmierung=name'."""
    text = "Supplier ID,Firmierung,Country\nG1,Hamburg Handel,DE\nG2,Bremen Kaffee,DE\n"
    path.write_bytes(text.encode())


def main() -> None:
    INPUT.mkdir(parents=True, exist_ok=True)
    vendor_list(INPUT / "vendor_list.xlsx")
    two_sheets(INPUT / "two_sheets.xlsx")
    european_csv(INPUT / "european.csv")
    cp1252_csv(INPUT / "cp1252.csv")
    german_headers_csv(INPUT / "german_headers.csv")


if __name__ == "__main__":
    main()
