"""The Excel risk register for auditors: Summary, Risk register, Suppliers, Remediation plan,
Sources. Written in openpyxl's streaming (write-only) mode so large registers stay cheap."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ddtool.atomic import write_atomic_with
from ddtool.document import flag_evidence, flag_measures, register
from ddtool.reporters.interface import Reporter
from ddtool.reporters.safe_text import is_risky

LEVEL_FILL = {
    "low": "C6EFCE",
    "medium": "FFEB9C",
    "high": "F8CBAD",
    "critical": "FF7C80",
}
STATUSES = ("open", "in progress", "mitigated", "closed")
RISK_NAMES = {
    "child_labour": "child labour",
    "forced_labour": "forced labour",
    "human_trafficking": "human trafficking",
}
FILLS = {level: PatternFill("solid", fgColor=colour) for level, colour in LEVEL_FILL.items()}
WRAP_LIMIT = 5000  # rows above which long text is not wrapped (speed)
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="305496")
WRAP = Alignment(wrap_text=True, vertical="top")

REGISTER_COLUMNS: tuple[tuple[str, int], ...] = (
    ("Flag ID", 15),
    ("Supplier", 34),
    ("Supplier ID", 16),
    ("Inferred", 9),
    ("Tier", 7),
    ("Path", 40),
    ("Country", 9),
    ("Sector", 22),
    ("Risk type", 17),
    ("Likelihood", 10),
    ("Severity", 9),
    ("Priority", 9),
    ("Level", 9),
    ("Reason", 50),
    ("Evidence", 70),
    ("Sources", 45),
    ("Measures", 60),
    ("Owner", 18),
    ("Due date", 12),
    ("Status", 12),
)


class _Sheet:
    """A write-only sheet with a styled, frozen, filtered header and safe text cells."""

    def __init__(
        self, wb: Workbook, title: str, columns: Sequence[tuple[str, int]], wrap: bool = True
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.wrap = wrap  # wrapped text costs a style per cell: off for large registers
        self.width = len(columns)
        self.rows = 1
        for index, (_, width) in enumerate(columns, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = "A2"
        header = []
        for name, _ in columns:
            cell = WriteOnlyCell(self.ws, value=name)
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            header.append(cell)
        self.ws.append(header)

    def append(self, values: Iterable[Any], level: str | None = None, level_col: int = -1) -> None:
        # plain values are written as they are (fast); only cells that need a style or
        # must be forced to text become cell objects
        cells: list[Any] = []
        for index, value in enumerate(values):
            styled = level is not None and index == level_col and level in LEVEL_FILL
            risky = isinstance(value, str) and is_risky(value)
            wrap = self.wrap and isinstance(value, str) and len(value) > 40
            if not (styled or risky or wrap):
                cells.append(value)
                continue
            cell = WriteOnlyCell(self.ws, value=value)
            if risky:
                cell.data_type = "s"  # text, never a formula
            if wrap:
                cell.alignment = WRAP
            if styled:
                cell.fill = FILLS[level]  # type: ignore[index]
            cells.append(cell)
        self.ws.append(cells)
        self.rows += 1

    def finish(self) -> None:
        last = get_column_letter(self.width)
        self.ws.auto_filter.ref = f"A1:{last}{max(self.rows, 2)}"


def _evidence_text(evidence: list[dict[str, Any]]) -> str:
    parts = []
    for e in evidence:
        year = f"{e['year']}, " if e.get("year") else ""
        note = f" — {e['note']}" if e.get("note") else ""
        parts.append(f"{e['indicator']}: {e['value']} ({year}{e['source']}){note}")
    return "\n".join(parts)


def _sources_text(evidence: list[dict[str, Any]]) -> str:
    return "\n".join(dict.fromkeys(str(e["source"]).split(": ")[0] for e in evidence))


def _tier(tiers: list[int]) -> str:
    return ", ".join(str(t) for t in tiers)


class ExcelReporter(Reporter):
    suffix = ".xlsx"
    name = "xlsx"

    def write(self, document: dict[str, Any], path: Path) -> None:
        wb = Workbook(write_only=True)
        self._summary(wb, document)
        self._register(wb, document)
        self._suppliers(wb, document)
        self._plan(wb, document)
        self._sources(wb, document)
        write_atomic_with(path, wb.save)

    @staticmethod
    def _summary(wb: Workbook, doc: dict[str, Any]) -> None:
        sheet = _Sheet(wb, "Summary", (("Item", 34), ("Value", 90)))
        s, company, profiles = doc["summary"], doc["company"], doc["profiles"]
        rows: list[tuple[str, Any]] = [
            ("Company", company["name"]),
            ("Company country", company.get("country") or "not given"),
            ("Suppliers mapped", s["suppliers"]),
            ("Suppliers inferred (assumptions to replace by mapping)", s["inferred_suppliers"]),
            ("Tiers", s["tiers"]),
            ("Flags", s["flags"]),
        ]
        rows += [(f"Flags {level}", n) for level, n in reversed(s["flags_by_level"].items())]
        rows += [(f"Flags {RISK_NAMES[rt]}", n) for rt, n in s["flags_by_risk_type"].items()]
        rows += [
            (
                f"Chain exposure: {RISK_NAMES[rt]}",
                f"{e['level']} (priority {e['priority']}, from {e['from']})",
            )
            for rt, e in s["exposure"].items()
        ]
        rows += [
            ("Data gaps", s["data_gaps"]),
            ("Suppliers without country", s["suppliers_without_country"]),
            ("Suppliers without sector", s["suppliers_without_sector"]),
            ("Generated at", doc.get("generated_at", "")),
            ("Assessed as of", doc.get("options", {}).get("as_of", "")),
            ("Tool", f"{doc['tool']['name']} {doc['tool']['version']}"),
            ("Risk profiles", f"{profiles['version']} (sha256 {profiles['sha256']})"),
            ("Goods list edition", profiles.get("goods_edition", "")),
            ("Input", f"{doc['input']['path']} (sha256 {doc['input']['sha256']})"),
        ]
        for name, value in rows:
            sheet.append([name, value])
        sheet.finish()

    @staticmethod
    def _register(wb: Workbook, doc: dict[str, Any]) -> None:
        sheet = _Sheet(wb, "Risk register", REGISTER_COLUMNS, wrap=len(doc["flags"]) <= WRAP_LIMIT)
        level_col = [c for c, _ in REGISTER_COLUMNS].index("Level")
        status_col = get_column_letter([c for c, _ in REGISTER_COLUMNS].index("Status") + 1)
        for flag in register(doc):
            sheet.append(
                [
                    flag["id"],
                    flag.get("supplier_name") or flag["supplier_id"],
                    flag["supplier_id"],
                    "yes" if flag.get("inferred") else "no",
                    _tier(flag.get("tiers", [])),
                    " > ".join(flag["path"]),
                    flag.get("country") or "",
                    flag.get("sector") or "",
                    RISK_NAMES.get(flag["risk_type"], flag["risk_type"]),
                    flag["likelihood"],
                    flag["severity"],
                    flag["priority"],
                    flag["level"],
                    flag.get("reason", ""),
                    _evidence_text(flag_evidence(doc, flag)),
                    _sources_text(flag_evidence(doc, flag)),
                    "\n".join(f"{m['step_name']}: {m['title']}" for m in flag_measures(doc, flag)),
                    "",
                    "",
                    "open",
                ],
                level=flag["level"],
                level_col=level_col,
            )
        statuses = DataValidation(
            type="list",
            formula1='"' + ",".join(STATUSES) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Status",
            error="Choose open, in progress, mitigated or closed.",
        )
        statuses.add(f"{status_col}2:{status_col}{max(sheet.rows, 2) + 500}")
        sheet.ws.data_validations.append(statuses)
        sheet.finish()

    @staticmethod
    def _suppliers(wb: Workbook, doc: dict[str, Any]) -> None:
        columns: list[tuple[str, int]] = [
            ("Supplier ID", 16),
            ("Supplier", 34),
            ("Inferred", 9),
            ("Tiers", 7),
            ("Country", 9),
            ("Sector", 22),
            ("Buyers", 24),
            ("Share", 7),
            ("Workers", 9),
            ("Female %", 9),
            ("Migrant %", 9),
        ]
        for rt in RISK_NAMES.values():
            columns += [(f"{rt}: likelihood", 11), (f"{rt}: priority", 10), (f"{rt}: level", 10)]
        columns += [(f"exposure {rt}: level", 12) for rt in RISK_NAMES.values()]
        columns += [("Data gaps", 40), ("Assumption (inferred)", 50)]
        sheet = _Sheet(wb, "Suppliers", columns, wrap=len(doc["suppliers"]) <= WRAP_LIMIT)
        for s in doc["suppliers"]:
            scores = s["worst_case"] if s.get("inferred") else s["risk"]
            values: list[Any] = [
                s["id"],
                s.get("name") or "",
                "yes" if s.get("inferred") else "no",
                _tier(s.get("tiers", [])),
                s.get("country") or "",
                s.get("sector") or "",
                ", ".join(s.get("buyers", [])),
                s.get("share"),
                s.get("workers"),
                s.get("female_pct"),
                s.get("migrant_pct"),
            ]
            for rt in RISK_NAMES:
                r = scores[rt]
                values += [r["likelihood"], r["priority"], r["level"]]
            values += [s["exposure"][rt]["level"] for rt in RISK_NAMES]
            values += ["; ".join(s.get("data_gaps", [])), s.get("assumption", "")]
            top = max((scores[rt]["level"] for rt in RISK_NAMES), key=list(LEVEL_FILL).index)
            sheet.append(values, level=top, level_col=1)
        sheet.finish()

    @staticmethod
    def _plan(wb: Workbook, doc: dict[str, Any]) -> None:
        columns = (
            ("Step", 26),
            ("Measure", 44),
            ("What to do", 80),
            ("Who", 34),
            ("Reference", 50),
            ("Risk types", 30),
            ("Flags", 12),
            ("Suppliers", 60),
            ("Owner", 18),
            ("Due date", 12),
            ("Status", 12),
        )
        sheet = _Sheet(wb, "Remediation plan", columns)
        plan: dict[str, dict[str, Any]] = {}
        for flag in register(doc):
            for m in flag_measures(doc, flag):
                entry = plan.setdefault(
                    m["id"], {"measure": m, "risk_types": set(), "flags": 0, "suppliers": {}}
                )
                entry["risk_types"].add(RISK_NAMES.get(flag["risk_type"], flag["risk_type"]))
                entry["flags"] += 1
                entry["suppliers"][flag["supplier_id"]] = None
        steps = [m["measure"]["step"] for m in plan.values()]
        order = {
            step: i
            for i, step in enumerate(
                dict.fromkeys(
                    ["cease-prevent", "mitigate", "remediate", "track", "communicate", *steps]
                )
            )
        }
        for entry in sorted(
            plan.values(),
            key=lambda e: (order[e["measure"]["step"]], -e["flags"], e["measure"]["id"]),
        ):
            m = entry["measure"]
            suppliers = list(entry["suppliers"])
            sheet.append(
                [
                    m["step_name"],
                    m["title"],
                    m["action"],
                    m["owner"],
                    m["reference"],
                    ", ".join(sorted(entry["risk_types"])),
                    entry["flags"],
                    ", ".join(suppliers[:30])
                    + (f" … (+{len(suppliers) - 30})" if len(suppliers) > 30 else ""),
                    "",
                    "",
                    "open",
                ]
            )
        statuses = DataValidation(
            type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True
        )
        statuses.add(f"K2:K{max(sheet.rows, 2) + 200}")
        sheet.ws.data_validations.append(statuses)
        sheet.finish()

    @staticmethod
    def _sources(wb: Workbook, doc: dict[str, Any]) -> None:
        sheet = _Sheet(
            wb,
            "Sources",
            (
                ("Source", 60),
                ("Publisher", 36),
                ("Year", 7),
                ("Licence", 50),
                ("Location", 70),
                ("Used in this register", 12),
            ),
        )
        profiles = doc["profiles"]
        sheet.append(
            [
                "ddtool risk profiles",
                "",
                "",
                "",
                f"version {profiles['version']}, sha256 {profiles['sha256']}",
                "",
            ]
        )
        for overlay in profiles.get("overlays", []):
            sheet.append(["Profile overlay", "", "", "", overlay, "yes"])
        sheet.append(
            [
                "Input file(s)",
                "",
                "",
                "",
                f"{doc['input']['path']} sha256 {doc['input']['sha256']}",
                "",
            ]
        )
        catalogue = doc.get("evidence", {})
        used = {str(e["source"]).split(": ")[0] for e in catalogue.values()}
        if not catalogue:  # documents with evidence inline in each flag
            used = {
                str(e["source"]).split(": ")[0]
                for f in register(doc)
                for e in flag_evidence(doc, f)
            }
        for src in doc.get("sources", []):
            sheet.append(
                [
                    src["name"],
                    src["publisher"],
                    src["year"],
                    src["licence"],
                    src["location"],
                    "yes" if src["name"] in used else "no",
                ]
            )
        sheet.finish()
