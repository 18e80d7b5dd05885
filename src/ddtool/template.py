"""`ddtool template`: a ready-to-fill input file with dropdowns from the bundled profiles."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ddtool.atomic import write_atomic
from ddtool.errors import UsageError
from ddtool.profiles import Profiles
from ddtool.reference.countries import display_name
from ddtool.sources.interface import TEMPLATE_LISTS_MARK, TEMPLATE_LISTS_SHEET, TEMPLATE_YAML_HEAD
from ddtool.sources.normalise import TEMPLATE_COMPANY

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # header, example value, width
    ("Supplier ID", "SUP-001", 14),
    ("Supplier name", "Example Cocoa Cooperative", 32),  # (refused if left: TEMPLATE_SUPPLIERS)
    ("Country", "Côte d'Ivoire", 22),
    ("Region", "Nawa", 16),
    ("Sector", "cocoa-trading", 26),
    ("Products", "cocoa beans", 22),
    ("Buyer IDs", "", 16),
    ("Share", "0.6", 8),
    ("Workers", "250", 9),
    ("Female %", "30", 9),
    ("Migrant %", "10", 10),
    ("Certifications", "Rainforest Alliance", 22),
    ("Audit standard", "SMETA", 14),
    ("Audit date", "2025-03-14", 12),
    ("Audit result", "pass", 12),
    ("Tier", "1", 6),
)
# the company's country and sector, left blank in the templates for the user to fill in
COMPANY_HELP: dict[str, str] = {
    "country": "Your company's country: pick it from the list or type it.",
    "sector": "Your company's sector id, from the list (ddtool profiles show sector …): the"
    " chains beneath your company are inferred from it. Blank = none inferred.",
}
HELP: dict[str, str] = {
    "Supplier ID": "Unique id of the supplier (any text).",
    "Country": "Country name, ISO2 or ISO3; pick from the list or type it. Blank = unknown.",
    "Sector": "A sector id from the list (ddtool profiles show sector …).",
    "Products": "Goods, separated by ';' (matched against the US DOL List of Goods).",
    "Buyer IDs": "Ids of the suppliers this one supplies, separated by ';'. Blank = supplies you.",
    "Share": "Share of its buyer's input, 0-1 or a percentage such as 60%.",
    "Audit standard": "The social audit's standard (SMETA, SA8000, amfori BSCI …). A"
    " food-safety, quality or environmental audit lowers no labour risk.",
    "Audit result": "pass, fail or conditional.",
    "Tier": "Optional: the tier you believe it is (checked against the buyer links).",
}


# the example's numbers and date as numbers and a date in the workbook, as a user's typed
# ones are (text there would teach "a number stored as text", which a spreadsheet flags and
# a fraction of which is warned of as ambiguous)
_TYPED: dict[str, object] = {
    "Share": 0.6,
    "Workers": 250,
    "Female %": 30,
    "Migrant %": 10,
    "Audit date": dt.date(2025, 3, 14),
    "Tier": 1,
}


def country_choices() -> list[str]:
    import pycountry

    # Kosovo has no ISO 3166 code, but the risk data covers it (XKX) and ddtool reads it
    return sorted({display_name(c.alpha_3) for c in pycountry.countries} | {display_name("XKX")})


# the formats of a template, by suffix
SUFFIXES = (".xlsx", ".csv", ".yaml", ".yml")


def write_template(path: Path, profiles: Profiles) -> None:
    """Write an input template; the format follows the suffix (.xlsx, .csv, .yaml)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _xlsx(path, profiles)
    elif suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([c[0] for c in COLUMNS])
        writer.writerow([c[1] for c in COLUMNS])
        write_atomic(path, "\ufeff" + buffer.getvalue())
    elif suffix in (".yaml", ".yml"):
        write_atomic(path, _yaml_text(profiles))
    else:
        raise UsageError(f"{path}: templates are .xlsx, .csv or .yaml")


def _xlsx(path: Path, profiles: Profiles) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Suppliers"
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="305496")
    for index, (header, example, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=index, value=header)
        cell.font, cell.fill = bold, fill
        if header in HELP:
            cell.comment = Comment(HELP[header], "ddtool")
        cell = ws.cell(row=2, column=index, value=_TYPED.get(header, example))
        cell.font = Font(italic=True, color="808080")
        if header == "Audit date":
            cell.number_format = "yyyy-mm-dd"
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.cell(row=2, column=1).comment = Comment(
        "Example row: overwrite it with your first supplier.", "ddtool"
    )
    ws.freeze_panes = "A2"

    lists = wb.create_sheet(TEMPLATE_LISTS_SHEET)
    countries = country_choices()
    sectors = sorted(profiles.sectors)
    lists["A1"], lists["B1"], lists["C1"] = "Country", "Sector", "Sector name"
    # (tells this template from the earlier ones, which filled in a sample company: its
    # country and sector, a user's own here, are not told as the sample's)
    lists["E1"] = TEMPLATE_LISTS_MARK
    for row, name in enumerate(countries, 2):
        lists.cell(row=row, column=1, value=name)
    for row, sector_id in enumerate(sectors, 2):
        lists.cell(row=row, column=2, value=sector_id)
        lists.cell(row=row, column=3, value=profiles.sectors[sector_id].name)
    lists.sheet_state = "hidden"

    last = 5000
    headers = [c[0] for c in COLUMNS]
    for header, source in (
        ("Country", f"Lists!$A$2:$A${len(countries) + 1}"),
        ("Sector", f"Lists!$B$2:$B${len(sectors) + 1}"),
    ):
        col = get_column_letter(headers.index(header) + 1)
        dv = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=False)
        dv.add(f"{col}2:{col}{last}")
        ws.add_data_validation(dv)
    col = get_column_letter(headers.index("Audit result") + 1)
    results = DataValidation(type="list", formula1='"pass,fail,conditional"', allow_blank=True)
    results.add(f"{col}2:{col}{last}")
    ws.add_data_validation(results)

    company = wb.create_sheet("Company")
    company["A1"], company["B1"] = "Field", "Value"
    company["A1"].font = company["B1"].font = Font(bold=True)
    # (the country and sector blank, each with a note: a sample value left in them would be
    # read as the company's own, and its sector infers the chains beneath the company)
    for row, (field, value, note) in enumerate(
        (
            ("name", TEMPLATE_COMPANY, None),
            ("country", None, COMPANY_HELP["country"]),
            ("sector", None, COMPANY_HELP["sector"]),
        ),
        2,
    ):
        company.cell(row=row, column=1, value=field)
        cell = company.cell(row=row, column=2, value=value)
        if note is not None:
            cell.comment = Comment(note, "ddtool")
    company.column_dimensions["A"].width = 12
    company.column_dimensions["B"].width = 36
    dv = DataValidation(
        type="list", formula1=f"Lists!$A$2:$A${len(countries) + 1}", allow_blank=True
    )
    dv.add("B3")
    company.add_data_validation(dv)
    dv = DataValidation(type="list", formula1=f"Lists!$B$2:$B${len(sectors) + 1}", allow_blank=True)
    dv.add("B4")
    company.add_data_validation(dv)
    # saved in memory first: openpyxl leaves its zip archive open when a write fails (a full
    # disk), and the archive then fails again, noisily, when it is collected
    buffer = io.BytesIO()
    wb.save(buffer)
    write_atomic(path, buffer.getvalue())


def _yaml_text(profiles: Profiles) -> str:
    import textwrap

    sectors = "\n".join(
        "#   " + line
        for line in textwrap.wrap(
            ", ".join(sorted(profiles.sectors)),
            90,
            break_on_hyphens=False,  # ids stay whole
        )
    )
    return f"""{TEMPLATE_YAML_HEAD}
# Fields: id, name, country, region, sector, products, buyers, share, workers, female_pct,
# migrant_pct, certifications, audits, tier (see docs/input-format.md).
# Sectors:
{sectors}
company:
  name: {TEMPLATE_COMPANY}
  country:   # your company's country, such as Sweden
  sector:    # your company's sector, one of those above: the chains beneath it are inferred from it
suppliers:
  - id: SUP-001
    name: Example Cocoa Cooperative
    country: Côte d'Ivoire
    region: Nawa
    sector: cocoa-trading
    products: [cocoa beans]
    share: 0.6
    workers: 250
    female_pct: 30
    migrant_pct: 10
    certifications: [Rainforest Alliance]
    audits: [{{standard: SMETA, date: 2025-03-14, result: pass}}]
    suppliers:   # tier 2, nested; or give `buyers: [SUP-001]` in a flat entry
      - id: SUP-002
        name: Example farm group
        country: CIV
        sector: cocoa-farming
        products: [cocoa beans]
"""
