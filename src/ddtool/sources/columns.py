"""Header aliases: real supplier lists never use our exact column names."""

from __future__ import annotations

import re

FIELDS: tuple[str, ...] = (
    "id",
    "name",
    "country",
    "region",
    "sector",
    "products",
    "buyers",
    "share",
    "workers",
    "female_pct",
    "migrant_pct",
    "certifications",
    "audit_standard",
    "audit_date",
    "audit_result",
    "tier",
)

_ALIASES: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "supplier id",
        "vendor id",
        "supplier code",
        "vendor code",
        "supplier no",
        "supplier number",
        "vendor no",
        "vendor number",
        "code",
        "ref",
        "reference",
        "facility id",
        "factory id",
        "site id",
        "supplier ref",
        "vendor ref",
        "partner id",
    ),
    "name": (
        "name",
        "supplier name",
        "vendor name",
        "supplier",
        "vendor",
        "company name",
        "facility name",
        "factory name",
        "site name",
        "legal name",
        "business name",
        "partner name",
        "producer name",
        "farm name",
    ),
    "country": (
        "country",
        "country of origin",
        "country code",
        "origin country",
        "origin",
        "iso",
        "iso3",
        "iso2",
        "country name",
        "sourcing country",
        "country iso",
        "location country",
        "production country",
        "supplier country",
    ),
    "region": (
        "region",
        "province",
        "state",
        "district",
        "area",
        "subregion",
        "county",
        "municipality",
        "city",
        "location",
    ),
    "sector": (
        "sector",
        "industry",
        "commodity sector",
        "sector commodity",
        "activity",
        "business type",
        "category",
        "supplier type",
        "type of activity",
        "sector industry",
        "industry sector",
        "business activity",
        "supplier category",
        "process",
    ),
    "products": (
        "products",
        "product",
        "goods",
        "materials",
        "material",
        "commodity",
        "commodities",
        "product category",
        "products supplied",
        "items supplied",
        "main products",
        "raw material",
        "raw materials",
    ),
    "buyers": (
        "buyers",
        "buyer",
        "buyer id",
        "buyer ids",
        "buyer id s",
        "parent",
        "parent id",
        "parent vendor id",
        "parent vendor",
        "parent supplier",
        "parent company id",
        "parent supplier id",
        "parent ids",
        "supplies to",
        "customer",
        "customer id",
        "tier 1 supplier",
        "tier 1 supplier id",
        "direct buyer",
        "parents",
        "supplies",
        "delivers to",
        "upstream of",
    ),
    "share": (
        "share",
        "share of volume",
        "volume share",
        "pct of volume",
        "sourcing share",
        "pct volume",
        "share of purchases",
        "spend share",
        "pct of spend",
        "volume pct",
        "share pct",
    ),
    "workers": (
        "workers",
        "no of workers",
        "number of workers",
        "employees",
        "no of employees",
        "number of employees",
        "headcount",
        "workforce",
        "total workers",
        "staff",
    ),
    "female_pct": (
        "female pct",
        "pct female",
        "female percent",
        "pct women",
        "women pct",
        "share of women",
        "female workers pct",
        "pct female workers",
        "female",
        "pct of female workers",
        "pct female employees",
        "pct of female employees",
        "female employees pct",
        "percentage female workers",
        "percentage of female workers",
        "percentage of women",
        "women workers pct",
    ),
    "migrant_pct": (
        "migrant pct",
        "pct migrant",
        "pct migrant workers",
        "migrant workers pct",
        "migrant percent",
        "pct foreign workers",
        "foreign workers pct",
        "migrants",
        "pct of migrant workers",
        "pct migrant employees",
        "pct of migrant employees",
        "migrant employees pct",
        "migrant workers percentage",
        "percentage migrant workers",
        "percentage of migrant workers",
        "pct foreign employees",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "certificate",
        "standards",
        "labels",
        "certification scheme",
    ),
    "audit_standard": ("audit standard", "audit type", "audit scheme", "last audit standard"),
    "audit_date": ("audit date", "last audit", "last audit date", "date of last audit"),
    "audit_result": ("audit result", "last audit result", "audit outcome", "audit rating"),
    "tier": ("tier", "tier level", "supplier tier", "factory type", "tier number", "tier no"),
}


def header_key(text: str) -> str:
    """Normalise a header: case/punctuation-insensitive, '%' read as 'pct'."""
    text = str(text).replace("%", " pct ").replace("#", " no ").casefold()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    text = re.sub(r"\bnumber\b", "number", text)
    return text.replace(" ", "")


ALIAS_TO_FIELD: dict[str, str] = {
    header_key(alias): name for name, aliases in _ALIASES.items() for alias in aliases
}
for _name in FIELDS:
    ALIAS_TO_FIELD.setdefault(header_key(_name), _name)


# the people a percentage counts: "% of migrant workers" is not the workers column; without a
# word of percentage ("Number of migrant workers", "Women-owned business") no hint at all
_PEOPLE: tuple[tuple[str, str], ...] = (
    ("migrant", "migrant_pct"),
    ("foreign", "migrant_pct"),
    ("female", "female_pct"),
    ("women", "female_pct"),
)
_PERCENT = ("pct", "percent", "share", "proportion", "ratio")
# words that show a header is meant as a field, when it matched no alias exactly
_HINTS: tuple[tuple[str, str], ...] = (
    ("parent", "buyers"),
    ("buyer", "buyers"),
    ("customer", "buyers"),
    ("country", "country"),
    ("sector", "sector"),
    ("industry", "sector"),
    ("share", "share"),
    ("worker", "workers"),
    ("employee", "workers"),
)


def hint_header(text: str) -> str | None:
    """The field an unmatched header probably means (for a "did you mean --map" warning)."""
    key = header_key(text)
    for word, target in _PEOPLE:
        if word in key:
            return target if any(p in key for p in _PERCENT) else None
    for word, target in _HINTS:
        if word in key:
            return target
    return None


def match_header(text: str, column_map: dict[str, str]) -> str | None:
    """The canonical field a header names, via --map first, then the alias table."""
    key = header_key(text)
    for given, target in column_map.items():
        if header_key(given) == key:
            return target
    return ALIAS_TO_FIELD.get(key)


def parse_column_map(specs: list[str]) -> dict[str, str]:
    """Parse --map "Vendor Name=name" options; raises ValueError on a bad spec."""
    mapping: dict[str, str] = {}
    for spec in specs:
        if "=" not in spec:
            raise ValueError(f"--map {spec!r}: expected 'Header as written=field'")
        header, target = (part.strip() for part in spec.rsplit("=", 1))
        if target not in FIELDS:
            raise ValueError(
                f"--map {spec!r}: unknown field {target!r}; fields are {', '.join(FIELDS)}"
            )
        mapping[header] = target
    return mapping
