"""Header aliases: real supplier lists never use our exact column names."""

from __future__ import annotations

import re
import unicodedata

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

# Each field's headers: English first, then the common German, French and Spanish ones, written
# as header_key reads them (accents dropped: "País" is "pais"). Words that mean another field
# elsewhere are left out: "Part" (a part number in English), "Nombre" (a count in French),
# "Rang" (a ranking in German), "Staat" (a state or a country), "Kundennummer" and "Code
# client" (the account a supplier gives its buyer, not the buyer's id), "Salariés" (English
# "Salaries" once its accent is dropped). "Nom" is read as the name, but beside a company word
# ("Société") it is a contact's and the company word wins (table_source).
# the headers of a region column, each with how fine a place it names (0: a town, 1: a
# district, 2: a province or state): of several region columns, the finest comes first, as
# an address is written ("Pitalito, Huila")
_REGION_WORDS: dict[str, int] = {
    "region": 2,
    "province": 2,
    "state": 2,
    "district": 1,
    "area": 1,
    "subregion": 1,
    "county": 1,
    "municipality": 0,
    "city": 0,
    "town": 0,
    "village": 0,
    "locality": 0,
    "location": 0,
    "bundesland": 2,
    "provinz": 2,
    "bezirk": 1,
    "stadt": 0,
    "ort": 0,
    "dorf": 0,
    "standort": 0,
    "ville": 0,
    "departement": 2,
    "provincia": 2,
    "ciudad": 0,
    "departamento": 2,
    "municipio": 0,
    "distrito": 1,
    "localidad": 0,
    "localite": 0,
}


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
        "lieferantennummer",
        "lieferanten nr",
        "lieferant nr",
        "lieferanten no",
        "lieferanten id",
        "lieferant id",
        "kreditor",
        "kreditorennummer",
        "kreditor nr",
        "numero fournisseur",
        "no fournisseur",
        "code fournisseur",
        "id fournisseur",
        "identifiant fournisseur",
        "identifiant",
        "reference fournisseur",
        "ref fournisseur",
        "codigo proveedor",
        "codigo de proveedor",
        "codigo",
        "id proveedor",
        "id de proveedor",
        "numero de proveedor",
        "numero proveedor",
        "no proveedor",
        "no de proveedor",
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
        "lieferant",
        "lieferantenname",
        "lieferant name",
        "name lieferant",
        "name des lieferanten",
        "firma",
        "firmenname",
        "unternehmensname",
        "unternehmen",
        "fournisseur",
        "nom",  # beside "Société", a contact's: the company word is read (table_source)
        "nom fournisseur",
        "nom du fournisseur",
        "raison sociale",
        "societe",
        "nom de la societe",
        "entreprise",
        "nom de l entreprise",
        "proveedor",
        "nombre proveedor",
        "nombre del proveedor",
        "nombre de proveedor",
        "razon social",
        "empresa",
        "nombre de la empresa",
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
        "land",
        "herkunftsland",
        "ursprungsland",
        "produktionsland",
        "lieferland",
        "herkunft",
        "landercode",
        "land iso",
        "pays",
        "pays d origine",
        "pays de production",
        "code pays",
        "origine",
        "pais",
        "pais de origen",
        "pais de produccion",
        "codigo de pais",
        "codigo pais",
        "origen",
    ),
    "region": tuple(_REGION_WORDS),
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
        "branche",
        "sektor",
        "wirtschaftszweig",
        "tatigkeit",
        "kategorie",
        "lieferantenkategorie",
        "lieferantentyp",
        "secteur",
        "secteur d activite",
        "activite",
        "categorie",
        "type de fournisseur",
        "sector de actividad",
        "actividad",
        "rubro",
        "categoria",
        "tipo de proveedor",
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
        "produkte",
        "produkt",
        "waren",
        "ware",
        "warengruppe",
        "materialien",
        "rohstoff",
        "rohstoffe",
        "artikel",
        "produits",
        "produit",
        "marchandises",
        "matiere premiere",
        "matieres premieres",
        "famille de produits",
        "productos",
        "producto",
        "materia prima",
        "materias primas",
        "mercancias",
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
        "abnehmer",
        "abnehmer id",
        "abnehmer nr",
        "kunde",
        "kunden",
        "liefert an",
        "beliefert",
        "acheteur",
        "acheteurs",
        "client",
        "clients",
        "livre a",
        "fournit",
        "comprador",
        "compradores",
        "cliente",
        "clientes",
        "suministra a",
        "entrega a",
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
        "anteil",
        "anteil pct",
        "pct anteil",
        "mengenanteil",
        "volumenanteil",
        "einkaufsanteil",
        "lieferanteil",
        "anteil am volumen",
        "anteil am einkauf",
        "part pct",
        "pct part",
        "part du volume",
        "part des achats",
        "part en volume",
        "participacion",
        "participacion pct",
        "pct participacion",
        "cuota",
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
        "beschaftigte",
        "anzahl beschaftigte",
        "anzahl der beschaftigten",
        "mitarbeiter",
        "mitarbeitende",
        "anzahl mitarbeiter",
        "anzahl mitarbeitende",
        "anzahl der mitarbeiter",
        "belegschaft",
        "arbeiter",
        "arbeitskrafte",
        "effectif",
        "effectifs",
        "employes",
        "travailleurs",
        "nombre d employes",
        "nombre de salaries",
        "nombre de travailleurs",
        "empleados",
        "trabajadores",
        "numero de empleados",
        "numero de trabajadores",
        "no de empleados",
        "no de trabajadores",
        "plantilla",
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
        "frauenanteil",
        "anteil frauen",
        "frauen pct",
        "pct frauen",
        "pct femmes",
        "femmes pct",
        "pct de femmes",
        "part des femmes",
        "pourcentage de femmes",
        "pct mujeres",
        "mujeres pct",
        "pct de mujeres",
        "porcentaje de mujeres",
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
        "migrantenanteil",
        "anteil migranten",
        "pct migranten",
        "migranten pct",
        "pct migrants",
        "pct de migrants",
        "part des migrants",
        "pct travailleurs migrants",
        "pct migrantes",
        "pct de migrantes",
        "porcentaje de migrantes",
        "pct trabajadores migrantes",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "certificate",
        "standards",
        "labels",
        "certification scheme",
        "zertifizierungen",
        "zertifizierung",
        "zertifikate",
        "zertifikat",
        "siegel",
        "certificats",
        "certificat",
        "certificaciones",
        "certificacion",
        "certificados",
        "sellos",
    ),
    "audit_standard": (
        "audit standard",
        "audit type",
        "audit scheme",
        "last audit standard",
        "audit typ",
        "auditart",
        "type d audit",
        "norme d audit",
        "tipo de auditoria",
        "norma de auditoria",
    ),
    "audit_date": (
        "audit date",
        "last audit",
        "last audit date",
        "date of last audit",
        "auditdatum",
        "datum des audits",
        "letztes audit",
        "date d audit",
        "date de l audit",
        "dernier audit",
        "fecha de auditoria",
        "fecha de la auditoria",
        "ultima auditoria",
    ),
    "audit_result": (
        "audit result",
        "last audit result",
        "audit outcome",
        "audit rating",
        "auditergebnis",
        "ergebnis des audits",
        "resultat d audit",
        "resultat de l audit",
        "resultado de auditoria",
        "resultado de la auditoria",
    ),
    "tier": (
        "tier",
        "tier level",
        "supplier tier",
        "factory type",
        "tier number",
        "tier no",
        "stufe",
        "lieferantenstufe",
        "lieferkettenstufe",
        "lieferantenebene",
        "niveau",
        "niveau fournisseur",
        "rang fournisseur",
        "nivel",
        "nivel de proveedor",
    ),
}


def header_key(text: str) -> str:
    """Normalise a header: case/punctuation/accent-insensitive, '%' read as 'pct', '#' and
    'N°' as 'no'."""
    text = str(text).replace("%", " pct ").replace("#", " no ").casefold()
    if not text.isascii():
        text = re.sub(r"\bn[°º]", "no ", text)
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
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
    ("auslandisch", "migrant_pct"),
    ("etranger", "migrant_pct"),
    ("extranjero", "migrant_pct"),
    ("female", "female_pct"),
    ("women", "female_pct"),
    ("frauen", "female_pct"),
    ("weiblich", "female_pct"),
    ("femme", "female_pct"),
    ("mujer", "female_pct"),
)
_PERCENT = (
    "pct",
    "percent",
    "share",
    "proportion",
    "ratio",
    "anteil",
    "prozent",
    "pourcentage",
    "porcentaje",
)
# words that show a header is meant as a field, when it matched no alias exactly
_HINTS: tuple[tuple[str, str], ...] = (
    ("parent", "buyers"),
    ("buyer", "buyers"),
    ("customer", "buyers"),
    ("abnehmer", "buyers"),
    ("kunde", "buyers"),
    ("acheteur", "buyers"),
    ("client", "buyers"),
    ("comprador", "buyers"),
    ("country", "country"),
    ("pays", "country"),
    ("pais", "country"),
    ("sector", "sector"),
    ("industry", "sector"),
    ("branche", "sector"),
    ("sektor", "sector"),
    ("secteur", "sector"),
    ("share", "share"),
    ("anteil", "share"),
    ("worker", "workers"),
    ("employee", "workers"),
    ("beschaftigt", "workers"),
    ("mitarbeit", "workers"),
    ("effectif", "workers"),
    ("employe", "workers"),
    ("nombredesalarie", "workers"),
    ("empleado", "workers"),
    ("trabajador", "workers"),
)


# the account a supplier gives its buyer ("Kundennummer", "Code client"): not the buyer's id,
# so no hint of the buyers column (left out of the aliases on purpose, section 6)
_ACCOUNTS = ("kundennummer", "kundennr", "kundenno", "codeclient", "noclient", "numeroclient")


def hint_header(text: str) -> str | None:
    """The field an unmatched header probably means (for a "did you mean --map" warning)."""
    key = header_key(text)
    for account in _ACCOUNTS:
        key = key.replace(account, "")
    for word, target in _PEOPLE:
        if word in key:
            return target if any(p in key for p in _PERCENT) else None
    for word, target in _HINTS:
        if word in key:
            return target
    return None


# (keyed as headers are compared)
_REGION_RANKS = {header_key(alias): rank for alias, rank in _REGION_WORDS.items()}


def region_rank(text: str) -> int | None:
    """How fine a place a region header names (0: a town, 1: a district, 2: a province or
    state); None for a header of no known rank (one given with --map)."""
    return _REGION_RANKS.get(header_key(text))


def mapped_by_user(text: str, column_map: dict[str, str]) -> bool:
    """Whether a header is named by a mapping (--map, the settings' columns)."""
    key = header_key(text)
    return any(header_key(given) == key for given in column_map)


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
        if not header:
            # it would name no column (a blank header cell is no header) and only be warned of
            raise ValueError(
                f"--map {spec!r}: no header before '='; expected"
                f" 'Header as written={target or 'field'}'"
            )
        if target not in FIELDS:
            from ddtool.graph import closest_id  # (only for a mistyped field)

            best = closest_id(target, list(FIELDS)) if target else None
            raise ValueError(
                f"--map {spec!r}: unknown field {target!r}"
                + (f" (did you mean {best!r}?)" if best else "")
                + f"; fields are {', '.join(FIELDS)}"
            )
        twice = next((given for given in mapping if header_key(given) == header_key(header)), None)
        if twice is not None and mapping[twice] != target:
            raise ValueError(
                f"--map {spec!r}: the header {header!r} is mapped twice, also to"
                f" {mapping[twice]!r}; a column holds one field"
            )
        mapping[header] = target
    return mapping
