"""Input models (company, suppliers, chain) shared by every reader and the engine."""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ddtool.errors import Location, Problem

RISK_TYPES: tuple[str, ...] = ("child_labour", "forced_labour", "human_trafficking")
LEVELS: tuple[str, ...] = ("low", "medium", "high", "critical")


class Certification(BaseModel):
    """A certification held by a supplier; without a date it is taken as current."""

    model_config = ConfigDict(frozen=True)

    name: str
    valid_until: dt.date | None = None


class Audit(BaseModel):
    """A social audit of a supplier, with its date and result."""

    model_config = ConfigDict(frozen=True)

    standard: str
    date: dt.date | None = None
    result: str | None = None


# an audit's result as written, by what the score makes of it; compared without regard to
# case, with hyphens, underscores and runs of spaces read as one space (see audit_outcome)
AUDIT_PASSED = frozenset(
    {"pass", "passed", "compliant", "approved", "satisfactory"}
    # (the Responsible Minerals Assurance Process's own word for a smelter that passed)
    | {"conformant", "conformance", "in conformance", "conformant smelter"}
    # German, French, Spanish and Portuguese, as supplier lists are kept (each word with
    # its accents and without, and in its feminine form where the audit is 'une'/'una')
    | {"bestanden", "konform", "conforme", "réussi", "reussi", "réussie", "reussie"}
    | {"approuvé", "approuve", "approuvée", "approuvee", "satisfaisant", "satisfaisante"}
    | {"aprobado", "aprobada", "satisfactorio", "satisfactoria"}
    | {"aprovado", "aprovada", "satisfatório", "satisfatorio", "satisfatória", "satisfatoria"}
    # Italian (masculine and feminine: 'l'audit', 'l'esito' and 'la verifica')
    | {"superato", "superata", "positivo", "positiva", "esito positivo", "approvato"}
    | {"approvata", "soddisfacente"}
)
AUDIT_FAILED = frozenset(
    {
        "fail",
        "failed",
        "failure",
        "non compliant",
        "noncompliant",
        "not compliant",
        "non conformant",
        "nonconformant",
        "not conformant",
        "zero tolerance",
        "not passed",
        "unsatisfactory",
        "rejected",
    }
    | {"nicht bestanden", "durchgefallen", "nicht konform", "non conforme", "échoué", "echoue"}
    | {"échouée", "echouee", "échec", "echec", "non approuvé", "non approuve", "refusé", "refuse"}
    | {"no conforme", "reprobado", "reprobada", "no aprobado", "no aprobada", "rechazado"}
    | {"rechazada", "suspendido", "suspendida"}  # ('suspendido': failed, of an exam)
    | {"reprovado", "reprovada", "não aprovado", "nao aprovado", "não conforme", "nao conforme"}
    # (a denial makes the other outcome: 'non superato' is failed, never passed)
    | {"non superato", "non superata", "negativo", "negativa", "esito negativo"}
    | {"non approvato", "non approvata", "respinto", "respinta", "bocciato", "bocciata"}
    | {"fallito", "fallita", "insoddisfacente", "non soddisfacente"}
)
# recorded, not counted either way
AUDIT_OTHER = frozenset(
    {"conditional", "conditional pass", "pending", "in progress", "scheduled", "not audited"}
    | {"bedingt bestanden", "ausstehend", "en attente", "en cours", "pendiente", "pendente"}
    # (a pass with conditions or observations, whatever the language: 'pass with
    # conditions', 'bestanden mit Auflagen', 'conforme avec réserves')
    | {"bestanden mit auflagen", "conforme avec réserves", "conforme avec reserves"}
    | {"aprobado con condiciones", "aprovado com ressalvas", "aprovado com condições"}
    | {"aprovado com condicoes", "pass with conditions", "passed with conditions"}
    | {"conditionally passed", "approved with conditions", "pass with observations"}
    | {"passed with observations"}
    | {"superato con riserva", "superata con riserva", "approvato con riserva"}
    | {"approvata con riserva", "approvato con condizioni", "approvata con condizioni"}
    | {"superato con condizioni", "superata con condizioni", "conforme con riserva"}
    | {"conforme con riserve", "positivo con riserva", "positiva con riserva"}
    | {"condizionato", "condizionata", "in corso", "in attesa", "programmato"}
    | {"programmata", "pianificato", "pianificata"}
    | {"em andamento", "em curso", "agendado", "agendada", "programado", "programada"}
)

AUDIT_RESULTS = AUDIT_PASSED | AUDIT_FAILED | AUDIT_OTHER


@lru_cache(maxsize=4096)  # (results repeat across audits and rows)
def audit_outcome(result: str | None) -> str | None:
    """'passed', 'failed' or 'other' (recorded, not counted) for a result as written; None
    for a result none of these names (or no result)."""
    if not result:
        return None
    text = re.sub(r"[\s_-]+", " ", result.casefold()).strip()
    for outcome, names in (("passed", AUDIT_PASSED), ("failed", AUDIT_FAILED)):
        if text in names:
            return outcome
    if text in AUDIT_OTHER:
        return "other"
    # (a major or critical finding, whatever follows: "major non-conformities", "major NC -
    # passport retention", "critical finding: forced overtime")
    return "failed" if _MAJOR_FINDING.match(text) else None


# a result that reports a major or critical finding (audit_outcome's text: one space, lower
# case): failed, as a zero-tolerance finding is
_MAJOR_FINDING = re.compile(
    r"(?:\d+ )?(?:major|critical)( non ?conformit(?:y|ies)| ncs?| findings?| issues?)\b"
)


class Company(BaseModel):
    """The root of the chain: the company doing the due diligence."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str = "company"
    name: str = "Company"
    country: str | None = None
    country_raw: str | None = None
    sector: str | None = None
    sector_raw: str | None = None
    location: Location | None = Field(default=None, exclude=True)


class OtherSector(NamedTuple):
    """A sector of goods a supplier's sector text names beside the one it is read as
    ("fishing and fish farming": aquaculture beside fishing vessels), with the minerals it
    names where it is a mine (as Supplier.sector_minerals); or, of the id NO_SECTOR, a part
    of the text that names no sector ("logistics; beedi rolling"): scored as a sector not
    known, a data gap."""

    id: str
    minerals: tuple[str, ...] = ()


# the id of an OtherSector standing for a part of a sector text that names no sector
NO_SECTOR = ""


class Supplier(BaseModel):
    """One supplier as read from the input, normalised (country ISO3, sector taxonomy id)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    id: str
    name: str | None = None
    country: str | None = None
    country_raw: str | None = None
    region: str | None = None
    sector: str | None = None
    sector_raw: str | None = None
    products: list[str] = Field(default_factory=list)
    # the minerals a mine's sector text names ("cobalt mining": cobalt), where its products
    # name no good: read with them for its listings and inference, never shown as products
    sector_minerals: tuple[str, ...] = Field(default=(), exclude=True)
    # the other sectors of goods its sector text names ("Leather / footwear": footwear
    # beside leather tanning, the worse): on each risk type the score is no lower than
    # theirs (Scorer.score_supplier); never shown as its sector
    other_sectors: tuple[OtherSector, ...] = Field(default=(), exclude=True)
    buyers: list[str] = Field(default_factory=list)
    share: float | None = None
    workers: int | None = None
    female_pct: float | None = None
    migrant_pct: float | None = None
    certifications: list[Certification] = Field(default_factory=list)
    audits: list[Audit] = Field(default_factory=list)
    tier_declared: int | None = None
    attributes: dict[str, Any] = Field(default_factory=dict)
    location: Location | None = Field(default=None, exclude=True)

    def products_read(self) -> list[str]:
        """The products the score and inference read: those written, after the minerals its
        sector text names where they name no good (sector_minerals)."""
        if self.sector_minerals:
            return [*self.sector_minerals, *self.products]
        return self.products

    @classmethod
    def trusted(cls, **values: Any) -> Supplier:
        """Build from values the readers have already checked, without re-validating.

        Like model_construct, but about ten times cheaper: 10^5 suppliers are built per run.
        """
        fields_set = set(values)
        for key, default in _SUPPLIER_DEFAULTS.items():
            if key not in values:  # fresh containers: defaults are never shared
                values[key] = type(default)() if isinstance(default, list | dict) else default
        obj = cls.__new__(cls)
        object.__setattr__(obj, "__dict__", values)
        object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
        object.__setattr__(obj, "__pydantic_extra__", None)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    @classmethod
    def from_rows(cls, rows: Iterable[dict[str, Any]]) -> list[Supplier]:
        """trusted() for dicts that hold every field, in the order declared; each becomes its
        supplier's own. The table readers' fast path: no keyword arguments, no defaults, and
        every slot set in one C-level pass over all the suppliers."""
        values = list(rows)
        suppliers = list(map(cls.__new__, repeat(cls, len(values))))
        for name, column in (
            ("__dict__", values),
            # Every field is set, so this set never changes (pydantic only adds names to it,
            # and copies it with the model): one serves all, as model_construct(_fields_set=)
            # allows.
            ("__pydantic_fields_set__", repeat(_ALL_FIELDS_SET)),
            ("__pydantic_extra__", repeat(None)),
            ("__pydantic_private__", repeat(None)),
        ):
            deque(map(object.__setattr__, suppliers, repeat(name), column), maxlen=0)
        return suppliers


_SUPPLIER_DEFAULTS: dict[str, Any] = {
    "name": None,
    "country": None,
    "country_raw": None,
    "region": None,
    "sector": None,
    "sector_raw": None,
    "products": [],
    "sector_minerals": (),
    "other_sectors": (),
    "buyers": [],
    "share": None,
    "workers": None,
    "female_pct": None,
    "migrant_pct": None,
    "certifications": [],
    "audits": [],
    "tier_declared": None,
    "attributes": {},
    "location": None,
}
_ALL_FIELDS_SET = {"id", *_SUPPLIER_DEFAULTS}


class Chain(BaseModel):
    """A company and its suppliers, read from one or more files."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    company: Company
    suppliers: list[Supplier]
    files: list[str] = Field(default_factory=list)
    sha256: str = ""
    file_hashes: list[str] = Field(default_factory=list)  # each file's SHA-256, as `files`
    # each table's headers by field ({(file, sheet): {"buyers": "Liefert an", …}}), so that
    # a problem found later names the column as the file does
    headers: dict[tuple[str, str | None], dict[str, str]] = Field(
        default_factory=dict, exclude=True
    )

    # each YAML entry's keys by line ({(file, entry line): {"buyers": 15, …}}), so that a
    # problem found later points at the line of the key, not of the entry
    key_lines: dict[tuple[str, int], dict[str, int]] = Field(default_factory=dict, exclude=True)
    # each workbook's other sheets with a supplier header, not read ({file: [sheet, …]}): an
    # unknown buyer may be on one of them (graph.told_with_unread_buyers)
    unread_sheets: dict[str, list[str]] = Field(default_factory=dict, exclude=True)
    # the tier each sheet of a workbook read as a sheet per tier stands for, counted from its
    # lowest ({(file, sheet): tier}): a supplier its buyer links put elsewhere is told
    # (graph: tier-mismatch)
    sheet_tiers: dict[tuple[str, str], int] = Field(default_factory=dict, exclude=True)

    def sheets_read(self) -> dict[str, list[str]]:
        """The sheets read of each workbook, in the order read (several: a sheet per tier)."""
        read: dict[str, list[str]] = {}
        for file, sheet in self.headers:
            if sheet is not None:
                read.setdefault(file, []).append(sheet)
        return read

    def key_line(self, location: Location, field_name: str) -> int | None:
        """The line of a field's key in the YAML entry at this location (the entry's own line
        where the entry has no such key; None for a table's row)."""
        if location.line is None:
            return None
        return self.key_lines.get((location.file, location.line), {}).get(field_name, location.line)

    def dates_after(self, as_of: dt.date) -> list[Problem]:
        """A warning at each audit dated after the as-of date (not counted: a slip of the
        year, "2205" for "2025", or an audit not yet made), and at each certification valid
        more than ten years past it (credited as current: "2205" for "2025" would have it
        expired), each at its cell or key, so that a date the score leaves out or takes on
        trust is never passed over in silence."""
        found: list[Problem] = []
        far = dt.date(as_of.year + 10, as_of.month, min(as_of.day, 28))
        for supplier in self.suppliers:
            at = supplier.location or Location(self.files[0] if self.files else "input")
            for index, audit in enumerate(supplier.audits):
                if audit.date is not None and audit.date > as_of:
                    found.append(
                        Problem(
                            "date-after-as-of",
                            f"audit '{audit.standard}' of {audit.date} is after the as-of date"
                            f" {as_of}: it is not counted (a slip of the year? an audit not yet"
                            " made is none); give the date it was made",
                            self._nested(at, f"audits[{index}].date", "date")
                            or self.field_location(at, self._field_of(at, "audit_date", "audits")),
                            "warning",
                        )
                    )
            for index, cert in enumerate(supplier.certifications):
                if cert.valid_until is not None and cert.valid_until > far:
                    found.append(
                        Problem(
                            "date-after-as-of",
                            f"certification '{cert.name}' valid until {cert.valid_until}, more"
                            f" than ten years after the as-of date {as_of}: it is credited as"
                            " current; check the year (a slip, 2205 for 2025, would have it"
                            " expired)",
                            self._nested(at, f"certifications[{index}].valid_until", "valid_until")
                            or self.field_location(at, "certifications"),
                            "warning",
                        )
                    )
        return found

    def _nested(self, location: Location, key: str, name: str) -> Location | None:
        """The line of a key inside a YAML entry's list ("audits[1].date"), as the location
        of the key `name`; None for a table's row, or where the entry gives no such key."""
        if location.line is None:
            return None
        line = self.key_lines.get((location.file, location.line), {}).get(key)
        return None if line is None else Location(location.file, column=name, line=line)

    def _field_of(self, location: Location, field_name: str, otherwise: str) -> str:
        """The field a value is read from: its own column where the table has one, else the
        field that holds it (an audit's date in the audits cell, or a YAML entry's key)."""
        if field_name in self.headers.get((location.file, location.sheet), {}):
            return field_name
        return otherwise

    def field_location(self, location: Location, field_name: str) -> Location:
        """A field of the supplier at this location: its column as the table heads it, or the
        line of its YAML key."""
        return Location(
            location.file,
            location.sheet,
            location.row,
            self.column(location, field_name),
            self.key_line(location, field_name),
        )

    def column(self, location: Location | None, field_name: str) -> str:
        """A field's column as the table at this location heads it; the field's own name
        elsewhere (YAML keys are the field names)."""
        if location is None or location.row is None:
            return field_name
        return self.headers.get((location.file, location.sheet), {}).get(field_name, field_name)
