"""Normalise raw records into Suppliers: countries to ISO3, sectors to taxonomy ids, numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ddtool.errors import Location, ProblemList
from ddtool.model import Audit, Certification, Company, Supplier
from ddtool.reference.countries import normalise_country
from ddtool.sources.interface import RawChain, RawRecord
from ddtool.sources.values import (
    ValueProblem,
    as_id,
    parse_date,
    parse_int,
    parse_pct,
    parse_share,
    parse_tier,
    split_list,
)

_UNKNOWN = {"", "unknown", "n/a", "na", "-", "?", "tbd", "none", "not known"}


@dataclass(frozen=True, slots=True)
class SectorMatch:
    """The outcome of matching a sector as written to the taxonomy."""

    id: str | None
    suggestion: str | None = None


class SectorMatcher(Protocol):
    """The hook the risk profiles fill: sector text to taxonomy id."""

    def match_sector(self, value: str) -> SectorMatch: ...


class NoTaxonomy:
    """Accepts any sector string as it is (used before the taxonomy is loaded)."""

    def match_sector(self, value: str) -> SectorMatch:
        return SectorMatch(value.strip())


Where = Location | Callable[[], Location]


def _at(where: Where) -> Location:
    """Locations are built only when a problem is reported (10^5 rows rarely have one)."""
    return where() if callable(where) else where


def _country(
    value: Any, where: Where, problems: ProblemList, what: str = "country"
) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    raw = str(value).strip()
    match = normalise_country(raw)
    if match.iso3 is None and not match.unknown:
        problems.error(
            "unknown-country",
            f"{'ambiguous' if ' or ' in (match.suggestion or '') else 'unknown'} {what} {raw!r}",
            _at(where),
            suggestion=match.suggestion,
        )
    return match.iso3, raw or None


def _sector(
    value: Any, where: Where, problems: ProblemList, sectors: SectorMatcher
) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    raw = str(value).strip()
    if raw.casefold() in _UNKNOWN:
        return None, raw or None
    match = sectors.match_sector(raw)
    if match.id is None:
        problems.warning(
            "unknown-sector",
            f"sector {raw!r} is not in the taxonomy; scored on country alone (a data gap)",
            _at(where),
            suggestion=match.suggestion,
        )
    return match.id, raw


def _certifications(value: Any, where: Where, problems: ProblemList) -> list[Certification]:
    items = value if isinstance(value, list) else split_list(value)
    out: list[Certification] = []
    for item in items:
        if isinstance(item, dict):
            name = item.get("name") or item.get("standard")
            if not name:
                problems.error("bad-certification", "a certification needs a 'name'", _at(where))
                continue
            valid_until = None
            if item.get("valid_until") is not None:
                try:
                    valid_until = parse_date(item["valid_until"])
                except ValueProblem as e:
                    problems.error("bad-date", f"certification valid_until: {e}", _at(where))
            out.append(Certification.model_construct(name=str(name), valid_until=valid_until))
        elif item is not None and str(item).strip():
            out.append(Certification.model_construct(name=str(item).strip(), valid_until=None))
    return out


def _audits(record: RawRecord, problems: ProblemList) -> list[Audit]:
    fields = record.fields
    items: list[Any] = []
    if "audits" in fields:
        value = fields["audits"]
        items = value if isinstance(value, list) else [value]
    elif "audit_standard" in fields or "audit_date" in fields:
        items = [
            {
                "standard": fields.get("audit_standard") or "audit",
                "date": fields.get("audit_date"),
                "result": fields.get("audit_result"),
            }
        ]
    out: list[Audit] = []
    for item in items:
        where = record.where("audit_date")
        if not isinstance(item, dict):
            problems.error(
                "bad-audit", "an audit needs standard, date and result keys", record.location
            )
            continue
        date = None
        if item.get("date") is not None:
            try:
                date = parse_date(item["date"])
            except ValueProblem as e:
                problems.error("bad-date", f"audit date: {e}", where)
        result = item.get("result")
        out.append(
            Audit.model_construct(
                standard=str(item.get("standard") or "audit"),
                date=date,
                result=None if result is None else str(result).strip().casefold(),
            )
        )
    return out


def _number(
    record: RawRecord,
    name: str,
    problems: ProblemList,
    low: float,
    high: float | None,
    table: bool,
) -> float | None:
    value = record.fields.get(name)
    if value is None:
        return None
    try:
        if name == "share":
            number: float = parse_share(value)
        elif name == "workers":
            number = parse_int(value)
        else:
            number = parse_pct(value, fraction_allowed=table)
    except ValueProblem as e:
        problems.error("bad-number", f"{name}: {e}", record.where(name))
        return None
    if number < low or (high is not None and number > high):
        bound = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        problems.error("out-of-range", f"{name} {number:g} must be {bound}", record.where(name))
        return None
    return number


# Control characters, and invisible direction marks that make text display as something it is
# not (a name that reads "Safe Farm" but sorts and matches as another)
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
MAX_LENGTH = {"id": 100, "name": 300, "region": 200}


def _check_text(record: RawRecord, problems: ProblemList) -> bool:
    """Refuse ids, names and regions with hidden characters or absurd lengths."""
    ok = True
    for name, limit in MAX_LENGTH.items():
        value = record.fields.get(name)
        if not isinstance(value, str):
            continue
        hidden = _UNSAFE.search(value)
        if hidden:
            problems.error(
                "unsafe-characters",
                f"{name} contains the invisible character U+{ord(hidden.group()):04X}"
                " (a control or text-direction mark); remove it",
                record.where(name),
            )
            ok = False
        if len(value) > limit:
            problems.error(
                "too-long",
                f"{name} is {len(value):,} characters long, more than {limit}",
                record.where(name),
            )
            ok = False
    return ok


def normalise_record(
    record: RawRecord, sectors: SectorMatcher, problems: ProblemList, table: bool
) -> Supplier | None:
    """One raw record to a Supplier; problems are collected, a record without id is dropped."""
    fields = record.fields
    raw_id = fields.get("id")
    if raw_id is None or not as_id(raw_id):
        name = fields.get("name")
        problems.error(
            "missing-id",
            "supplier without an id" + (f" (name {str(name)[:60]!r})" if name else ""),
            record.where("id"),
        )
        return None
    _check_text(record, problems)
    country, country_raw = _country(
        fields.get("country"), lambda: record.where("country"), problems
    )
    sector, sector_raw = _sector(
        fields.get("sector"), lambda: record.where("sector"), problems, sectors
    )
    buyers = [as_id(b) for b in split_list(fields.get("buyers"))]
    if record.parent is not None and record.parent not in buyers:
        buyers.insert(0, record.parent)
    tier = None
    if fields.get("tier") is not None:
        try:
            tier = parse_tier(fields["tier"])
        except ValueProblem as e:
            problems.error("bad-tier", f"tier: {e}", record.where("tier"))
    workers = _number(record, "workers", problems, 0, None, table)
    name = fields.get("name")
    region = fields.get("region")
    return Supplier.trusted(
        id=as_id(raw_id),
        name=None if name is None else str(name).strip(),
        country=country,
        country_raw=country_raw,
        region=None if region is None else str(region).strip(),
        sector=sector,
        sector_raw=sector_raw,
        products=split_list(fields.get("products")),
        buyers=buyers,
        share=_number(record, "share", problems, 0, 1, table),
        workers=None if workers is None else int(workers),
        female_pct=_number(record, "female_pct", problems, 0, 100, table),
        migrant_pct=_number(record, "migrant_pct", problems, 0, 100, table),
        certifications=_certifications(
            fields.get("certifications"), lambda: record.where("certifications"), problems
        ),
        audits=_audits(record, problems),
        tier_declared=tier,
        attributes=record.extras,
        location=record.location,
    )


def normalise_company(raw: RawChain, sectors: SectorMatcher, problems: ProblemList) -> Company:
    """The company from a YAML 'company:' block or a 'Company' sheet."""
    data = raw.company or {}
    where = raw.company_location or Location(raw.path)
    country, country_raw = _country(data.get("country"), where, problems, "company country")
    sector, sector_raw = _sector(data.get("sector"), where, problems, sectors)
    company_id = as_id(data["id"]) if data.get("id") is not None else "company"
    name = str(data.get("name") or "").strip() or "Company"
    return Company.model_construct(
        id=company_id,
        name=name,
        country=country,
        country_raw=country_raw,
        sector=sector,
        sector_raw=sector_raw,
        location=where,
    )


def normalise_records(
    raws: list[RawChain], sectors: SectorMatcher, problems: ProblemList
) -> tuple[Company | None, list[Supplier]]:
    """Normalise every file's records; the first file with a company names the company."""
    company: Company | None = None
    suppliers: list[Supplier] = []
    for raw in raws:
        table = not raw.path.lower().endswith((".yaml", ".yml"))
        if raw.company is not None and company is None:
            company = normalise_company(raw, sectors, problems)
        elif (
            raw.company
            and company is not None
            and raw.company.get("name")
            not in (
                None,
                company.name,
            )
        ):
            problems.warning(
                "company-conflict",
                f"this file names the company {raw.company.get('name')!r}; the chain's company"
                f" is {company.name!r} from the first file that names one",
                raw.company_location or Location(raw.path),
            )
        for record in raw.records:
            supplier = normalise_record(record, sectors, problems, table)
            if supplier is not None:
                suppliers.append(supplier)
    return company, suppliers
