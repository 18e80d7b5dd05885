"""Generate the sample Excel workbooks from the sample YAML chains.

Run from the repository root:

    python scripts/make_sample_workbooks.py

It writes two workbooks that look the way compliance officers really keep supplier lists (own
headers, a title row, country names instead of codes, numbers typed as text, a stray blank row),
so the table reader and its header aliases have something realistic to chew on:

- sample_chains/cocoa_suppliers.xlsx      ← sample_chains/cocoa.yaml   (same ids)
- sample_chains/garment_vendor_list.xlsx  ← sample_chains/garment.yaml (same ids)

The output is deterministic: fixed document properties and fixed zip timestamps, so re-running
the script on unchanged YAML gives byte-identical files.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import deque
from pathlib import Path
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parents[1] / "sample_chains"
FIXED_DATETIME = (2026, 10, 1, 8, 0, 0)
FIXED_ISO = "2026-10-01T08:00:00Z"

# Country as a person would type it in a spreadsheet; keys are the spellings used in the YAML.
COUNTRY_NAMES = {
    "CI": "Côte d'Ivoire",
    "CIV": "Côte d'Ivoire",
    "Côte d'Ivoire": "Côte d'Ivoire",
    "GH": "Ghana",
    "GHA": "Ghana",
    "Ghana": "Ghana",
    "NL": "Netherlands",
    "NLD": "Netherlands",
    "Netherlands": "Netherlands",
    "DE": "Germany",
    "DEU": "Germany",
    "Germany": "Germany",
    "BR": "Brazil",
    "BRA": "Brazil",
    "Brazil": "Brazil",
    "BD": "Bangladesh",
    "BGD": "Bangladesh",
    "Bangladesh": "Bangladesh",
    "VN": "Vietnam",
    "VNM": "Vietnam",
    "Viet Nam": "Vietnam",
    "TR": "Turkey",
    "TUR": "Turkey",
    "Türkiye": "Turkey",
    "IN": "India",
    "IND": "India",
    "India": "India",
    "PK": "Pakistan",
    "PAK": "Pakistan",
    "Pakistan": "Pakistan",
    "BJ": "Benin",
    "BEN": "Benin",
    "Benin": "Benin",
}

# Free-text remarks a compliance officer keeps next to the master data (not part of the YAML).
COCOA_REMARKS = {
    "GRD-NL-1": "SMETA 4-pillar 2025-05-20: pass. RA certificate valid until 2027-03-31.",
    "TRD-CI-1": "Exporter; farm polygons shared for COOP-CI-1 and COOP-CI-2 only.",
    "COOP-CI-1": (
        "Member list 1,850 farmers; CLMRS in place since 2022. RA audit 2025-02: conditional."
    ),
    "COOP-CI-3": "Also sells to TRD-CI-1. RA certificate expired 2025-12-31, renewal pending.",
    "PROC-CI-1": "SMETA 2024-11-06: conditional (working hours, subcontracted loaders).",
    "TRD-CI-2": "Buys in Daloa and Vavoua departments.",
    "TRD-CI-3": (
        "No farm or cooperative list received. Traceability request sent 2026-06-12, no reply."
    ),
    "WH-CI-1": "Port warehouse, day labourers via labour contractor.",
    "TRD-GH-1": "Licensed Buying Company; beans sold through the state marketing board.",
    "SUG-BR-1": "Bonsucro certified until 2026-09-30. Seasonal cutters from the North-East.",
    "SUG-TRD-1": "Sugar importer; blends cane and beet sugar.",
    "LOG-1": "Container haulage Hamburg/Rotterdam → Bremen plant.",
}

GARMENT_NOTES = {
    "G-BD-1": "amfori BSCI 2025-04-09: C (conditional). Vertical: own knitting & dyeing.",
    "G-BD-2": "No sub-supplier disclosure yet. Fabric source unknown.",
    "G-BD-3": "WRAP Gold.",
    "SUB-BD-1": "Embroidery subcontractor of G-BD-1 - authorised 2025-09.",
    "G-VN-1": "SMETA 2025-08-21: pass.",
    "G-TR-1": "SMETA 2025-01-28: conditional (registration of Syrian workers).",
    "SPN-IN-1": "SMETA 2026-06-12: FAIL - hostel movement restrictions. CAP open.",
    "SPN-PK-1": "Supplies both FAB-BD-2 and FAB-TR-1.",
    "GIN-BJ-1": "Lint bought via Cotonou.",
    "CF-PK-2": "Sharecroppers (haris) - debt bondage risk noted by NGO report.",
    "WH-NL-1": "Agency workers (PL/RO), housing provided by agency.",
}


def flatten(
    suppliers: list[dict[str, Any]] | None, parent: str | None, out: dict[str, dict[str, Any]]
) -> None:
    """Collect nested and flat suppliers into one dict id → record with a full buyers list."""
    for s in suppliers or []:
        record = {k: v for k, v in s.items() if k != "suppliers"}
        buyers = list(record.get("buyers") or [])
        if parent is not None and parent not in buyers:
            buyers.insert(0, parent)
        record["buyers"] = buyers
        out[record["id"]] = record
        flatten(s.get("suppliers"), record["id"], out)


def load_chain(name: str) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Read a sample YAML chain; return the company and the suppliers in file order."""
    data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    suppliers: dict[str, dict[str, Any]] = {}
    flatten(data["suppliers"], None, suppliers)
    return data["company"], suppliers


def tiers(suppliers: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Tier = shortest distance from the company (breadth-first over buyer → supplier edges)."""
    children: dict[str | None, list[str]] = {}
    for sid, s in suppliers.items():
        for b in s["buyers"] or [None]:
            children.setdefault(b, []).append(sid)
    tier: dict[str, int] = {}
    queue: deque[tuple[str | None, int]] = deque([(None, 0)])
    while queue:
        node, depth = queue.popleft()
        for child in children.get(node, []):
            if child not in tier:
                tier[child] = depth + 1
                queue.append((child, depth + 1))
    return tier


def ordered_by_tier(suppliers: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Suppliers sorted by tier, file order within a tier (how a master list is usually kept)."""
    tier = tiers(suppliers)
    order = {sid: i for i, sid in enumerate(suppliers)}
    return sorted(suppliers.values(), key=lambda s: (tier[s["id"]], order[s["id"]]))


def human_sector(sector: str) -> str:
    return sector.replace("-", " ").capitalize()


def cert_names(certs: list[Any] | None) -> str:
    names = [c["name"] if isinstance(c, dict) else str(c) for c in certs or []]
    return "; ".join(names)


def style_header(ws: Any, row: int) -> None:
    fill = PatternFill("solid", fgColor="D9E1F2")
    for cell in ws[row]:
        cell.font = Font(bold=True)
        cell.fill = fill


def make_cocoa() -> Workbook:
    company, suppliers = load_chain("cocoa.yaml")
    tier = tiers(suppliers)
    wb = Workbook()
    ws = wb.active
    ws.title = "Suppliers"
    ws.append(["Supplier master data — exported 2026-10-01"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    headers = [
        "Supplier ID",
        "Supplier Name",
        "Country",
        "Region",
        "Sector",
        "Products",
        "Tier",
        "Buyer ID(s)",
        "Share of volume",
        "Workers",
        "Certifications",
        "Remarks",
    ]
    ws.append(headers)
    style_header(ws, 3)
    for i, s in enumerate(ordered_by_tier(suppliers)):
        share = s.get("share")
        if share is not None and i % 2 == 0:
            share = f"{round(share * 100)}%"  # typed as text in about half the rows
        ws.append(
            [
                s["id"],
                s["name"],
                COUNTRY_NAMES[str(s["country"])],
                s.get("region"),
                human_sector(s["sector"]),
                "; ".join(s.get("products") or []) or None,
                tier[s["id"]],
                ";".join(s["buyers"]) or None,
                share,
                s.get("workers"),
                cert_names(s.get("certifications")) or None,
                COCOA_REMARKS.get(s["id"]),
            ]
        )
    widths = [12, 52, 16, 16, 22, 40, 6, 22, 16, 10, 30, 70]
    for col, width in zip("ABCDEFGHIJKL", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A4"

    info = wb.create_sheet("Company")
    info.append(["Field", "Value"])
    style_header(info, 1)
    info.append(["Company name", company["name"]])
    info.append(["Country", company["country"]])
    info.append(["Sector", human_sector(company["sector"])])
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 40
    return wb


def make_garment() -> Workbook:
    _company, suppliers = load_chain("garment.yaml")
    wb = Workbook()
    ws = wb.active
    ws.title = "Vendor list"
    ws.append(
        [
            "Vendor ID",
            "Vendor Name",
            "Country of Origin",
            "Region",
            "Commodity / Sector",
            "Parent Vendor ID",
            "Sourcing share",
            "No. of Workers",
            "% Female",
            "% Migrant",
            "Notes",
        ]
    )
    style_header(ws, 1)
    rows = ordered_by_tier(suppliers)
    blank_after = len(rows) // 2
    for i, s in enumerate(rows):
        workers = s.get("workers")
        if workers is not None and workers >= 1000 and i % 2 == 1:
            workers = f"{workers:,}"  # pasted from a report as text, with thousands separator
        ws.append(
            [
                s["id"],
                s["name"],
                COUNTRY_NAMES[str(s["country"])],
                s.get("region"),
                human_sector(s["sector"]),
                "; ".join(s["buyers"]) or None,
                s.get("share"),
                workers,
                s.get("female_pct"),
                s.get("migrant_pct"),
                GARMENT_NOTES.get(s["id"]),
            ]
        )
        if i + 1 == blank_after:
            ws.append([])
    widths = [11, 46, 18, 16, 24, 20, 14, 15, 10, 11, 60]
    for col, width in zip("ABCDEFGHIJK", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A2"
    return wb


def save_deterministic(wb: Workbook, path: Path) -> None:
    """Save with fixed document properties and zip timestamps: same input, same bytes."""
    wb.properties.creator = "ddtool scripts/make_sample_workbooks.py"
    buffer = io.BytesIO()
    wb.save(buffer)  # openpyxl stamps "modified" with the current time; fixed below
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:created[^>]*>)[^<]*(<)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(<)", rf"\g<1>{FIXED_ISO}\g<2>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATETIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)
    path.write_bytes(out.getvalue())


def main() -> None:
    for maker, name in (
        (make_cocoa, "cocoa_suppliers.xlsx"),
        (make_garment, "garment_vendor_list.xlsx"),
    ):
        target = HERE / name
        save_deterministic(maker(), target)
        print(f"wrote {target.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
