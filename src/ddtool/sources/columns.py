"""Header aliases: real supplier lists never use our exact column names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import filterfalse, islice
from operator import is_, itemgetter
from typing import Any, TypeVar

from ddtool.sources.values import (
    ValueProblem,
    as_id,
    as_text,
    parse_int,
    parse_number,
    split_list,
)

# the sector's headers that often head another column beside the sector's ("Sector" and
# "Activity type", "Industry" and "Type of business": a legal form, a role such as
# "Manufacturer"), by rank: beside a header of a lower rank the column is one of the user's
# own, as it was before they were read (sector_header_rank). "Business sector" and "Industry
# type" name the sector's word; the others a supplier's business, often its role only.
_WEAK_SECTOR_HEADERS: dict[str, int] = {
    "activity type": 2,
    "type of business": 2,
    "nature of business": 2,
    "line of business": 2,
    "business sector": 1,
    "type of industry": 1,
    "industry type": 1,
}

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

# Each field's headers: English first, then the common German, French, Spanish, Portuguese,
# Dutch and Italian ones, written as header_key reads them (accents dropped: "País" is
# "pais", "Città" "citta"; "Nr." and "N." are "nr" and "n"). Words that mean another field
# elsewhere are left out: "Part" (a part number in English), "Nombre" (a count in French),
# "Rang" (a ranking in German), "Staat" and "Stato" (a state or a country), "Kundennummer",
# "Code client" and "Codice cliente" (the account a supplier gives its buyer, not the buyer's
# id; "Kunde", "Client" and "Cliente" are the buyer), "Salariés" (English "Salaries" once its
# accent is dropped), "Denominazione" (a wine's appellation too) and "Organico" (organic
# too). "Nom" is read as the name, but beside a company word ("Société") it is a contact's
# and the company word wins (table_source).
# the headers of a region column, each with how fine a place it names (0: a town, 1: a
# district, 2: a province or state): of several region columns, the finest comes first, as
# an address is written ("Pitalito, Huila")
ADDRESS = -1  # (an address: finer than a town, its street and number)
_REGION_WORDS: dict[str, int] = {
    "region": 2,
    "province": 2,
    "state": 2,
    "district": 1,
    "area": 1,
    "subregion": 1,
    "county": 1,
    "kaunti": 1,  # (Swahili: a Kenyan county)
    "mkoa": 2,  # (Swahili: a region, Tanzania's)
    "municipality": 0,
    "city": 0,
    "town": 0,
    "village": 0,
    "locality": 0,
    "port": 0,
    "location": 0,
    # (a site's place: "Site / Region", "Site location")
    "site region": 2,
    "site province": 2,
    "site state": 2,
    "site location": 0,
    "site city": 0,
    "site town": 0,
    # an address names the town and the province in it ("Aksu, Xinjiang"): the region a
    # supplier's place is read from (regions, the XUAR), as a town column is; so in each
    # language below ("Adresse", "Indirizzo", "Dirección")
    "address": ADDRESS,
    "factory address": ADDRESS,
    "site address": ADDRESS,
    "plant address": ADDRESS,
    "supplier address": ADDRESS,
    "vendor address": ADDRESS,
    "full address": ADDRESS,
    "bundesland": 2,
    "provinz": 2,
    "bezirk": 1,
    "stadt": 0,
    "ort": 0,
    "dorf": 0,
    "standort": 0,
    "adresse": ADDRESS,  # (French too)
    "anschrift": ADDRESS,
    "lieferantenadresse": ADDRESS,
    "lieferantenanschrift": ADDRESS,
    "standortadresse": ADDRESS,
    "ville": 0,
    "departement": 2,
    "adresse du site": ADDRESS,
    "adresse du fournisseur": ADDRESS,
    "provincia": 2,  # (Italian too)
    "ciudad": 0,
    "departamento": 2,
    "municipio": 0,
    # (Brazil's and Chile's state, "Unidade Federativa": MG, PA; never a country's code)
    "uf": 2,
    "unidade federativa": 2,
    "distrito": 1,
    "localidad": 0,
    "localite": 0,  # (French)
    "direccion": ADDRESS,
    "direccion del proveedor": ADDRESS,
    "regiao": 2,
    "cidade": 0,
    "endereco": ADDRESS,
    "regio": 2,
    "provincie": 2,
    "plaats": 0,
    "stad": 0,
    "gemeente": 0,
    "adres": ADDRESS,
    "regione": 2,
    "distretto": 1,
    "citta": 0,
    "comune": 0,
    "localita": 0,
    "luogo": 0,
    "indirizzo": ADDRESS,
    "indirizzo fornitore": ADDRESS,
    "indirizzo sede": ADDRESS,
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
        "lief nr",  # "Lief.-Nr.", as SAP heads a supplier list
        "lieferantennr",
        "lieferanten no",
        "lieferanten id",
        "lieferant id",
        "kreditor",
        "kreditorennummer",
        "kreditor nr",
        "kred nr",
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
        # Portuguese and Dutch
        "codigo do fornecedor",
        "codigo fornecedor",
        "cod fornecedor",
        "id fornecedor",
        "id do fornecedor",
        "numero do fornecedor",
        "numero fornecedor",
        "no fornecedor",
        "leveranciersnr",
        "leveranciersnummer",
        "leverancier nr",
        "leveranciers nr",
        "leveranciercode",
        "leverancier id",
        "nambari ya msambazaji",
        "namba ya msambazaji",
        "crediteurnummer",
        "crediteur nr",
        # Italian
        "codice fornitore",
        "cod fornitore",
        "codice del fornitore",
        "codice",
        "id fornitore",
        "numero fornitore",
        "nr fornitore",
        "n fornitore",
        "no fornitore",
        "identificativo fornitore",
        "identificativo",
        "riferimento fornitore",
        "rif fornitore",
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
        "agency name",
        "site name",
        "legal name",
        "business name",
        "partner name",
        "producer name",
        "farm name",
        "lieferant",  # beside another name column, SAP's vendor number (table_source)
        "lieferantenname",
        "lieferant name",
        "lief name",
        "name lieferant",
        "name des lieferanten",
        "name 1",  # SAP's name field ("Name 1", "Name1"; "Name 2" is a second line of it)
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
        # Portuguese and Dutch
        "fornecedor",
        "nome do fornecedor",
        "nome fornecedor",
        "razao social",
        "razao social do fornecedor",
        "leverancier",
        "leveranciersnaam",
        "naam leverancier",
        "jina la msambazaji",
        "jina la muuzaji",
        "msambazaji",
        "bedrijfsnaam",
        "naam",
        "nome",
        # Italian
        "ragione sociale",
        "fornitore",
        "nome fornitore",
        "nome del fornitore",
        "denominazione sociale",
        "denominazione fornitore",
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
        "nchi",
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
        # Portuguese and Dutch
        "pais de origem do fornecedor",
        "land van herkomst",
        "herkomstland",
        "land leverancier",
        # Italian
        "paese",
        "nazione",
        "paese di origine",
        "paese d origine",
        "nazione di origine",
        "paese di produzione",
        "codice paese",
        "paese fornitore",
    ),
    "region": tuple(_REGION_WORDS),
    "sector": (
        "sekta",
        "sector",
        "industry",
        "commodity sector",
        "sector commodity",
        "activity",
        "business type",
        "category",
        "supplier type",
        "type of activity",
        # (the type or line of a supplier's business is its sector, as its business type is;
        # beside another sector header they are read second: _WEAK_SECTOR_HEADERS. "Type of
        # supplier" is no sector's: direct or indirect, its tier, its criticality)
        *_WEAK_SECTOR_HEADERS,
        "sector industry",
        "industry sector",
        "business activity",
        "supplier category",
        "vendor category",
        "work category",
        "category of work",
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
        # Portuguese and Dutch
        "setor",
        "setor de atividade",
        "ramo de atividade",
        "atividade",
        "atividade principal",
        "atividade economica",
        "bedrijfstak",
        # Italian
        "settore",
        "settore merceologico",
        "settore di attivita",
        "attivita",
        "ramo di attivita",
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
        "product description",
        "material description",
        "product descriptions",
        "description of goods",
        "goods description",
        "item description",
        "product type",
        "product types",
        "species",
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
        "description du produit",
        "description des produits",
        "productos",
        "producto",
        "materia prima",
        "materias primas",
        "descripcion del producto",
        "descripcion de producto",
        "especies",
        "mercancias",
        # Portuguese and Dutch
        "produtos",
        "produto",
        "producten",
        "bidhaa",
        "artikelen",
        "productgroep",
        # Italian
        "prodotti",
        "prodotto",
        "prodotti forniti",
        "merci",
        "merce",
        "materiali",
        "materie prime",
        "descrizione prodotto",
        "descrizione del prodotto",
        "descrizione prodotti",
        "famiglia di prodotti",
        "articoli",
        "specie",
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
        "lieferant von",
        "vorlieferant von",
        "unterlieferant von",
        "zulieferer von",
        "parent vendor no",
        "parent vendor number",
        "parent supplier no",
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
        "afnemer",
        "afnemers",
        "klant",
        "klanten",
        "koper",
        "levert aan",
        "mnunuzi",
        "geleverd aan",
        "fornece a",
        "fornece para",
        "entrega para",
        # Italian
        "clienti",
        "acquirente",
        "acquirenti",
        "committente",
        "fornisce a",
        "consegna a",
        "fornitore di",
        "subfornitore di",
    ),
    "share": (
        "share",
        "share of volume",
        "volume share",
        "pct of volume",
        "order volume pct",
        "pct of order volume",
        "sourcing share",
        "pct volume",
        "share of purchases",
        "share of spend",
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
        # Portuguese and Dutch
        "participacao",
        "participacao nas compras",
        "aandeel",
        "inkoopaandeel",
        "aandeel inkoop",
        # Italian ("Quota %", "Quota acquisti"; "Quota" alone is also English, a catch's or a
        # purchase's quota in tonnes or units: its values may be read as shares by --map)
        "quota pct",
        "pct quota",
        "quota acquisti",
        "quota di acquisto",
        "quota volume",
    ),
    "workers": (
        "workers",
        "no of workers",
        "number of workers",
        "employees",
        "no of employees",
        "number of employees",
        "headcount",
        "headcount on project",
        "workers deployed",
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
        # ("Nº trabajadores", "N° empleados", "Nro. trabajadores": header_key reads "º" as "o")
        "no trabajadores",
        "no empleados",
        "nro trabajadores",
        "nro empleados",
        "n trabajadores",
        "plantilla",
        # Portuguese and Dutch
        "trabalhadores",
        "numero de trabalhadores",
        "no de trabalhadores",
        "no trabalhadores",
        "funcionarios",
        "numero de funcionarios",
        "medewerkers",
        "aantal medewerkers",
        "werknemers",
        "aantal werknemers",
        "wafanyakazi",
        "idadi ya wafanyakazi",
        # Italian
        "dipendenti",
        "numero dipendenti",
        "numero di dipendenti",
        "nr dipendenti",
        "n dipendenti",
        "no dipendenti",
        "lavoratori",
        "numero lavoratori",
        "numero di lavoratori",
        "nr lavoratori",
        "n lavoratori",
        "addetti",
        "numero addetti",
        "nr addetti",
        "n addetti",
        "forza lavoro",
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
        # Portuguese and Dutch
        "mulheres pct",
        "pct mulheres",
        "pct de mulheres",
        "vrouwen pct",
        "pct vrouwen",
        "aandeel vrouwen",
        # Italian
        "pct donne",
        "donne pct",
        "pct di donne",
        "percentuale donne",
        "percentuale di donne",
        "quota donne",
    ),
    "migrant_pct": (
        "migrant pct",
        "pct migrant",
        "pct migrant workers",
        "migrant workers pct",
        # (the worker in the singular, as supplier portals and RBA forms write it)
        "migrant worker pct",
        "pct migrant worker",
        "foreign worker pct",
        "pct foreign worker",
        "pct of foreign workers",
        "pct of foreign worker",
        "pct of migrant worker",
        "foreign workers percentage",
        "percentage of foreign workers",
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
        "migrant labour pct",
        "migrant labor pct",
        "pct of workforce migrant",
        "migrantenanteil",
        "anteil migranten",
        "aandeel migranten",
        "percentage migranten",
        "aandeel arbeidsmigranten",
        "aandeel buitenlandse werknemers",
        "pct buitenlandse werknemers",
        "buitenlandse werknemers pct",
        "percentage buitenlandse werknemers",
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
        "auslanderanteil",
        "anteil auslander",
        "anteil wanderarbeiter",
        "anteil wanderarbeitnehmer",
        "wanderarbeiteranteil",
        "wanderarbeitnehmeranteil",
        "wanderarbeiter pct",
        "pct wanderarbeiter",
        "wanderarbeitnehmer pct",
        "pct wanderarbeitnehmer",
        "part de migrants",
        "part des travailleurs migrants",
        "travailleurs migrants pct",
        "pct de travailleurs migrants",
        "migrantes pct",
        "trabajadores migrantes pct",
        "pct de trabajadores migrantes",
        # Italian
        "pct migranti",
        "migranti pct",
        "pct di migranti",
        "percentuale migranti",
        "percentuale di migranti",
        "quota migranti",
        "pct lavoratori migranti",
        "lavoratori migranti pct",
        "pct di lavoratori migranti",
        "pct stranieri",
        "pct lavoratori stranieri",
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
        # Portuguese and Dutch
        "certificacoes",
        "certificacao",
        "certificeringen",
        "certificering",
        "certificaten",
        "keurmerken",
        # Italian
        "certificazioni",
        "certificazione",
        "certificati",
        "certificato",
    ),
    "audit_standard": (
        "audit standard",
        "audit type",
        "last audit type",
        "audit scheme",
        "last audit standard",
        "social audit",
        "last social audit",
        "social audit standard",
        "social audit type",
        "audit typ",
        "auditart",
        "type d audit",
        "norme d audit",
        "tipo de auditoria",
        "norma de auditoria",
        # Portuguese and Dutch
        "norma da auditoria",
        "tipo da auditoria",
        "auditstandaard",
        "audit standaard",
        "audittype",
        # Italian
        "standard audit",
        "standard di audit",
        "standard dell audit",
        "tipo audit",
        "tipo di audit",
    ),
    "audit_date": (
        "audit date",
        "last audit",
        "last audit date",
        "date of last audit",
        "factory audit date",
        "factory audit smeta date",
        "smeta audit date",
        "smeta date",
        "social audit date",
        "last social audit date",
        "date of social audit",
        "auditdatum",
        "datum des audits",
        "letztes audit",
        "date d audit",
        "date de l audit",
        "dernier audit",
        "fecha de auditoria",
        "fecha de la auditoria",
        "fecha auditoria",
        "fecha ultima auditoria",
        "fecha de ultima auditoria",
        "ultima auditoria",
        # Portuguese and Dutch
        "data da auditoria",
        "data auditoria",
        "data de auditoria",
        "datum audit",
        "datum van de audit",
        "auditdatum laatste audit",
        # Italian
        "data audit",
        "data dell audit",
        "data di audit",
        "data ultimo audit",
        "data dell ultimo audit",
        "ultimo audit",
    ),
    "audit_result": (
        "audit result",
        "last audit result",
        "social audit result",
        "last social audit result",
        "audit outcome",
        "audit rating",
        "auditergebnis",
        "ergebnis des audits",
        "resultat d audit",
        "resultat de l audit",
        "resultado de auditoria",
        "resultado de la auditoria",
        # Portuguese and Dutch
        "resultado da auditoria",
        "resultado auditoria",
        "auditresultaat",
        "resultaat audit",
        "uitslag audit",
        # Italian
        "esito audit",
        "esito dell audit",
        "esito ultimo audit",
        "risultato audit",
        "risultato dell audit",
        "valutazione audit",
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
        # Italian
        "livello",
        "livello fornitore",
    ),
}


_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")
# Latin letters no decomposition folds to a-z: folded as the accented ones are ("ø" as "o")
_LATIN_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h"}
)


def _latin(char: str) -> bool:
    """Whether a character is a Latin letter (or ASCII), whose accents are folded away."""
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def header_words(text: str) -> str:
    """A header's words as headers are compared, separated by single spaces: case-,
    punctuation- and accent-insensitive, '%' read as 'pct', '#' and 'N°' as 'no'.

    Letters of every script are kept ("供应商编号", "Поставщик"): only a Latin letter's
    accents are folded ("País" is "pais"); the marks of other scripts are part of their
    letters ("й" is not "и", "ガ" not "カ"), and the text is read in one Unicode form (NFKC).
    """
    text = str(text).replace("%", " pct ").replace("#", " no ").casefold()
    if text.isascii():  # (most headers)
        return _ASCII_NON_WORD.sub(" ", text).strip()
    text = re.sub(r"\bn[°º]", "no ", text)
    kept: list[str] = []
    latin = False
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if not latin:
                kept.append(char)
            continue
        latin = _latin(char)
        kept.append(char)
    text = unicodedata.normalize("NFKC", "".join(kept)).casefold().translate(_LATIN_FOLD)
    # a word is letters, digits and marks of any script; anything else separates words, and
    # so do the modifier letters that stand for an apostrophe or a stress ("lʼentreprise")
    shown = "".join(
        c if unicodedata.category(c)[0] in "LNM" and not "\u02b0" <= c <= "\u02ff" else " "
        for c in text
    )
    return " ".join(shown.split())


def header_key(text: str) -> str:
    """Normalise a header: its words (header_words) run together. A header of no letter or
    digit ("—", "✓") is its text without spaces, so that two such headers differ."""
    key = header_words(text).replace(" ", "")
    if key:
        return key
    return "".join(unicodedata.normalize("NFKC", str(text)).casefold().split())


# what separates the parts of a header written in two scripts: "Country (国家)", "ID / 编号"
_PART_SEPARATORS = re.compile(r"[/|\\()\[\]{}（）【】［］｛｝／｜〔〕〈〉《》「」『』]")
_Entry = TypeVar("_Entry")

# words of other scripts known to name a field (or a contact, "contact", or foreign or female
# workers, the percentages' fields), each with its field: beside a field's header ("Name
# (联系人)", "Workers (外籍)", "Buyer ID / 编号") one of another field qualifies the header,
# which is read as no field; one of its own field or an unknown one is its translation
# ("Country (国家)", "Country (国家/地区)", "Products (主要产品)")
_TRANSLATIONS: dict[str, str] = {
    **dict.fromkeys(("联系人", "聯繫人", "联络人", "контакт", "担当者", "담당자"), "contact"),
    **dict.fromkeys(("外籍", "外籍员工", "外籍員工", "外国人", "外勞", "мигранты"), "migrant_pct"),
    **dict.fromkeys(("女性", "女工", "女性员工", "女性員工", "женщины"), "female_pct"),
    **dict.fromkeys(("编号", "供应商编号", "代码", "編號", "供應商編號", "код", "номер"), "id"),
    **dict.fromkeys(
        (
            *("名称", "名稱", "供应商", "供应商名称", "供應商名稱", "公司名称", "公司名稱"),
            *("企业名称", "название", "наименование", "поставщик", "名前", "会社名"),
        ),
        "name",
    ),
    **dict.fromkeys(("国家", "國家", "国别", "страна", "国", "国名"), "country"),
    **dict.fromkeys(("地区", "地區", "省", "省份", "城市", "регион", "область", "город"), "region"),
    **dict.fromkeys(("行业", "行業", "отрасль", "сектор", "業種"), "sector"),
    **dict.fromkeys(("产品", "產品", "商品", "продукция", "продукт", "товар", "製品"), "products"),
    **dict.fromkeys(("买方", "買方", "客户", "客戶", "покупатель", "заказчик", "клиент"), "buyers"),
    **dict.fromkeys(("份额", "份額", "占比", "доля"), "share"),
    **dict.fromkeys(("人数", "人數", "员工", "員工", "工人", "员工人数", "работники"), "workers"),
    **dict.fromkeys(
        ("认证", "認證", "证书", "證書", "сертификаты", "сертификация"), "certifications"
    ),
    **dict.fromkeys(("层级", "層級", "级别", "уровень"), "tier"),
}
_TRANSLATIONS = {header_key(word): field for word, field in _TRANSLATIONS.items()}


def _bilingual(text: str) -> tuple[list[str], list[str]] | None:
    """A header written in Latin letters and another script: the keys of its parts in Latin
    letters and of its parts in the other script; split at '/', '|' and brackets. None for
    a header in one script (most), and for one with a part of both scripts ("客户 ID",
    "联系人 Name", "ID заказчика", "Supplier name供应商名称"):
    a word of one script there qualifies a word of the other ("customer ID") as often as it
    translates it, and is read as no field."""
    words = header_words(text)
    letters = [char for char in words if char.isalpha()]
    if all(map(_latin, letters)) or not any(map(_latin, letters)):
        return None
    latin: list[str] = []
    other: list[str] = []
    for piece in _PART_SEPARATORS.split(str(text)):
        key = header_words(piece).replace(" ", "")
        scripts = {_latin(char) for char in key if char.isalpha()}
        if len(scripts) > 1:
            return None
        if key:
            (latin if scripts == {True} or not scripts else other).append(key)
    return latin, other


def header_lookup(text: str, table: Mapping[str, _Entry]) -> _Entry | None:
    """The entry of `table` (keyed by header_key) that a header names: the one of its key.

    A header written in Latin letters and another script is looked up by its parts (split at
    '/', '|' and brackets) when they are separate translations: each part in one script,
    every Latin part an entry of the table by itself, and the parts found naming one entry
    ("Supplier ID / 供应商编号", "Страна / Country", "Supplier ID / Vendor ID / 供应商编号").
    A word of the other script in the part of a Latin word qualifies it and the header names
    nothing ("客户 ID" is a customer's id, "联系人 Name" a contact's name: _bilingual).

    The part in the other script (in brackets or after a '/') is taken for a translation
    ("Country (国家)", "Country (国家/地区)", "Products (Товары)"), an unknown word too,
    unless it is a known word of another field only (_TRANSLATIONS; "Country (国家/地区)" is
    a country, "国家" being one of its words): then it qualifies the header
    ("Workers (外籍)", foreign workers; "Name (联系人)", a contact's), which names nothing,
    and its hint (hint_header) asks for a --map. A Latin part that is no field's alias, one
    of the table only ("Menge (数量)" of a --map "Menge=workers", "Wert (值)"), is read with
    its other part as it stands.

    A header in one script is looked up by its key: "供应商编号" and "供应商名称" are two
    headers, and neither is "Supplier ID"; one in Latin letters alone also by its parts split
    at '/' and '|', where each names the one same entry ("Products / Material":
    _one_of_its_parts).
    """
    found = table.get(header_key(text))
    if found is not None:
        return found  # (most headers)
    if str(text).isascii():
        return _one_of_its_parts(str(text), table)
    split = _bilingual(str(text))
    if split is None:
        return None
    latin, other = split
    if not latin or any(part not in table for part in latin):
        return None
    named = [table[part] for part in (*latin, *other) if part in table]
    if any(entry != named[0] for entry in named):
        return None
    fields = {ALIAS_TO_FIELD.get(part) for part in latin}
    if None not in fields:
        known = {_TRANSLATIONS[part] for part in other if part in _TRANSLATIONS}
        if known and not known & fields:
            return None  # (a word of another field: "Name (联系人)", "Buyer ID / 编号")
    return named[0]


def _one_of_its_parts(text: str, table: Mapping[str, _Entry]) -> _Entry | None:
    """The entry a header of parts split by '/' or '|' names where every part names that
    one entry by itself ("Products / Material", "Country | Land"); None where a part names
    another or none ("Country / Region", "Name / Contact")."""
    if "/" not in text and "|" not in text:
        return None
    parts = [header_key(part) for part in re.split(r"[/|]", text)]
    named = [table.get(part) for part in parts if part]
    if len(named) < 2 or any(entry is None or entry != named[0] for entry in named):
        return None
    return named[0]


ALIAS_TO_FIELD: dict[str, str] = {
    header_key(alias): name for name, aliases in _ALIASES.items() for alias in aliases
}
for _name in FIELDS:
    ALIAS_TO_FIELD.setdefault(header_key(_name), _name)
# each alias as written (the first written so), by its key: what a "did you mean" names
_ALIAS_TEXT: dict[str, str] = {}
for _name, _aliases in _ALIASES.items():
    for _alias in (*_aliases, _name):
        _ALIAS_TEXT.setdefault(header_key(_alias), _alias)


# the header of a column of certificates' expiry dates: "Certification expiry", "Valid until",
# "Cert. valid to", "Expiry date", "Gültig bis", "Ablaufdatum", "Date d'expiration", "Vencimiento",
# "Geldig tot", "Vervaldatum", "Valable jusqu'au", "Válido hasta", "Válido até", "Validade"
_EXPIRY_HEADER = re.compile(
    r"expir|\bvalid(?:ity)?\b.*\b(?:until|till|to|thru|through|date)\b|g(?:ü|ue)ltig|ablauf"
    r"|(?:é|e)ch(?:é|e)ance|vencimiento|\bvence|\bgeldig|verval|verloop|valable"
    r"|v(?:á|a)lid[oa]s? (?:hasta|at(?:é|e))|validade|validit(?:é|e)|vencimento",
    re.IGNORECASE,
)


# the words such a header may hold besides: those of certificates and dates ("Contract
# expiry" is another date)
_EXPIRY_WORDS = frozenset(
    re.findall(
        r"\S+",
        "expiry expires expiration expiring expired valid validity until till to thru"
        " through date datum gültig gueltig gültigkeit bis ablauf ablaufdatum échéance"
        " echeance vence vencimiento fecha d de del la du of the cert certs certificate"
        " certificates certification certifications certificat certificats certificado"
        " certificación certificacion zertifikat zertifikate zertifikats zertifizierung"
        " label scheme standard geldig tot t m vervaldatum verloopdatum certificaat"
        " certificering keurmerk valable jusqu au fin validité validite válido valido válida"
        " valida hasta até ate validade vencimento data do da verval geldigheid"
        " geldigheidsdatum",
    )
)


def expiry_header(label: str) -> bool:
    """Whether a header names the certificates' expiry dates ("Certification expiry",
    "Valid until", "Gültig bis"), and nothing else ("Contract expiry")."""
    words = re.findall(r"[^\W\d_]+", label.casefold())
    return bool(_EXPIRY_HEADER.search(label)) and all(w in _EXPIRY_WORDS for w in words)


# the fields a slipped header (or YAML key) is read as, when its values fit: those whose
# values can be told (a country, a count, a percentage; for the buyers, ids of the table) and
# those whose headers are words no other column is headed by (an id, a name, the products or
# the certifications). A region, a tier or an audit's date, result or standard is named only:
# their short headers slip into other words ('Stat' holding 'active' is no state).
SLIPS_READ = frozenset(FIELDS) - {"region", "tier", "audit_standard", "audit_date", "audit_result"}


def near_header(text: str) -> tuple[str, str] | None:
    """The known header a header that matched none is probably a slip of, as written, and
    its field; None when none is that near. A slip is a letter left out, added or two
    swapped in a short header ('Wokers', 'Shar', 'Sectr'), any one letter in one of seven or
    eight ('Contry', 'Byer ID'), two in a longer one ('Suplier name', 'Certifcations'). A
    letter changed in a short word makes another word ('Stage' is no 'State', 'Payer ID' no
    'Buyer ID'), and known headers of fewer than four letters ('id') are near too many."""
    written = header_key(text)
    if len(written) < 4:
        return None
    return _near_key(written)


@functools.lru_cache(maxsize=4096)
def _near_key(written: str) -> tuple[str, str] | None:
    """near_header of a header as header_key gives it: of the known ones at most two letters
    longer or shorter, the nearest, the first in ALIAS_TO_FIELD's order of two as near."""
    from rapidfuzz import process  # (only for a header of no known name)
    from rapidfuzz.distance import OSA

    forms, fields = _near_in_length(len(written))
    # (the distances worked out in one pass in compiled code, those over two left out)
    found = process.extract(written, forms, scorer=OSA.distance, score_cutoff=2, limit=None)
    best: tuple[str, str] | None = None
    fewest = 3
    for form, distance, at in sorted(found, key=itemgetter(2)):
        most = 1 if len(form) <= 8 else 2
        if len(form) < 4 or abs(len(form) - len(written)) > most:
            continue
        if distance > most or distance >= fewest:
            continue
        if len(form) <= 6 and len(form) == len(written) and sorted(form) != sorted(written):
            continue  # (a letter changed: another word, not a slip)
        best, fewest = (_ALIAS_TEXT.get(form, fields[at]), fields[at]), distance
    return best


@functools.lru_cache(maxsize=64)
def _near_in_length(length: int) -> tuple[list[str], list[str]]:
    """The known headers (as header_key gives them) at most two letters longer or shorter
    than this length, in ALIAS_TO_FIELD's order, and their fields: a header of 50,000
    columns is compared with a few hundred, not every one."""
    near = [(form, name) for form, name in ALIAS_TO_FIELD.items() if abs(len(form) - length) <= 2]
    return [form for form, _ in near], [name for _, name in near]


def slipped_header(text: str) -> tuple[str, str] | None:
    """The known header a header is a slip of (near_header), as written, and its field,
    when the slip is of letters only, as a header may be read as its field (SLIPS_READ):
    as many words as the known one, each at most one letter off ('Suplier nme'), neither a
    word added ('Factory' is no 'Factory ID', 'Product ID' no 'Productos') nor a plural
    ending ('Standard' is no 'Standards', 'Migrant' no 'Migrants'), for a percentage a word
    of one ('Migrnt %'; 'Migrnt' holding counts is none), and for a field whose values
    cannot be told (an id, a name, products, certifications) no letter changed ('Supplied'
    is no 'Supplier'). None otherwise."""
    from rapidfuzz.distance import OSA  # (only for a header of no known name)

    near = near_header(text)
    if near is None:
        return None
    words, known = header_words(text).split(), header_words(near[0]).split()
    if len(words) != len(known) or any(
        OSA.distance(word, form) > 1 or word.rstrip("s") == form.rstrip("s")
        for word, form in zip(words, known, strict=True)
        if word != form
    ):
        return None
    if (
        near[1] in ("female_pct", "migrant_pct")
        and _PERCENT_PATTERN.search(" ".join(words)) is None
    ):
        return None
    if (
        near[1] not in _FITS
        and near[1] != "buyers"
        and any(
            len(word) == len(form) and sorted(word) != sorted(form)
            for word, form in zip(words, known, strict=True)
        )
    ):
        # (a field its values cannot tell: a letter changed makes another word, 'Supplied'
        # is no 'Supplier'; one left out, added or two swapped is a slip)
        return None
    return near


# Words of a header that show which field it is meant as, when it matched no alias exactly:
# each a whole word of the header (with a plural ending: "Buyers", "mujeres", "Industries",
# never a part of another word: "Transparency" names no parent, "Payslips" no country), or,
# written with a "*", a part of one (German compounds: "Beschäftigtenzahl", "Frauenquote"):
# a word's start ("kunde*") or, "*" first, its end ("*land": "Fertigungsland", "Land der
# Produktion").

# the people a percentage counts: "% of migrant workers" is not the workers column; without a
# word of percentage ("Number of migrant workers", "Women-owned business") no hint at all
_PEOPLE: tuple[tuple[str, str], ...] = (
    ("migrant*", "migrant_pct"),
    ("wanderarbeit*", "migrant_pct"),
    ("foreign", "migrant_pct"),
    ("auslandisch*", "migrant_pct"),
    ("auslander*", "migrant_pct"),
    ("etranger", "migrant_pct"),
    ("extranjero", "migrant_pct"),
    ("female", "female_pct"),
    ("women", "female_pct"),
    ("frauen*", "female_pct"),
    ("weiblich*", "female_pct"),
    ("femme", "female_pct"),
    ("mujer", "female_pct"),
    ("stranier*", "migrant_pct"),
    ("donne", "female_pct"),
    ("femminil*", "female_pct"),
)
_PERCENT = (
    "pct",
    "percent",
    "percentage",
    "share",
    "proportion",
    "ratio",
    "anteil*",
    "prozent*",
    "pourcentage",
    "porcentaje",
    "percentuale",
    "quota",
)
_HINTS: tuple[tuple[str, str], ...] = (
    ("parent", "buyers"),
    ("buyer", "buyers"),
    ("customer", "buyers"),
    ("abnehmer*", "buyers"),
    ("kunde*", "buyers"),
    ("acheteur", "buyers"),
    ("client", "buyers"),
    ("comprador", "buyers"),
    ("cliente", "buyers"),
    ("clienti", "buyers"),
    ("acquirent*", "buyers"),
    ("country", "country"),
    ("pays", "country"),
    ("pais", "country"),
    ("*land", "country"),
    ("paese", "country"),
    ("nazione", "country"),
    ("sector", "sector"),
    ("industry", "sector"),
    ("branche*", "sector"),
    ("sektor*", "sector"),
    ("secteur", "sector"),
    ("settore", "sector"),
    ("share", "share"),
    ("anteil*", "share"),
    ("quota", "share"),
    ("worker", "workers"),
    ("employee", "workers"),
    ("beschaftigt*", "workers"),
    ("mitarbeit*", "workers"),
    ("effectif", "workers"),
    ("employe", "workers"),
    ("nombre de salarie", "workers"),
    ("empleado", "workers"),
    ("trabajador", "workers"),
    ("dipendent*", "workers"),
    ("lavorator*", "workers"),
)
# the account a supplier gives its buyer ("Kundennummer", "Code client", "Codice cliente"):
# not the buyer's id, so no hint of the buyers column (left out of the aliases on purpose,
# section 6)
_ACCOUNTS = (
    "kundennummer",
    "kunden nummer",
    "kundennr",
    "kunden nr",
    "kundenno",
    "kunden no",
    "code client",
    "no client",
    "numero client",
    "codice cliente",
    "cod cliente",
    "numero cliente",
    "nr cliente",
    "n cliente",
    "no cliente",
    "codigo cliente",
    "codigo de cliente",
    "codigo do cliente",
    "numero de cliente",
    "numero do cliente",
    "no de cliente",
)


def _word_pattern(word: str) -> str:
    """The pattern of a hint word (see _HINTS) in a header's words."""
    if word.endswith("*"):
        return re.escape(word[:-1])
    if word.startswith("*"):
        return rf"{re.escape(word[1:])}(?!\S)"
    ending = "(?:y|ies)" if word.endswith("y") else ""
    stem = re.escape(word[:-1] if ending else word)
    return rf"(?<!\S){stem}{ending}(?:s|es)?(?!\S)"


def _patterns(words: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(_word_pattern(word)), target) for word, target in words)


_PEOPLE_PATTERNS = _patterns(_PEOPLE)
# "Part" is a share in French ("Part", "Part (%)") and a part number's header in English
# ("Part", "Part no."): a hint only, given where the values fit a share, never beside a word
# of a number, code or name
_PART = re.compile(
    r"(?<!\S)part(?! (?:number|no|nr|num|id|code|ref|reference|name|description))(?!\S)"
)
_HINT_PATTERNS = (*_patterns(_HINTS), (_PART, "share"))
_PERCENT_PATTERN = re.compile("|".join(map(_word_pattern, _PERCENT)))
_ACCOUNT_PATTERN = re.compile("|".join(map(_word_pattern, _ACCOUNTS)))
# where a header written in camelCase starts a word: "BuyerRef", "CustomerID", "KundenNr"
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def hint_header(
    text: str, values: Sequence[Any] | None = None, ids: AbstractSet[str] = frozenset()
) -> str | None:
    """The field an unmatched header probably means (for a "did you mean --map" warning), by
    its whole words (a header in camelCase read as its words: "BuyerRef" is "Buyer Ref");
    given the column's values, only when they fit that field too (values_fit: "Customer
    since" holding years, "Worker housing" holding "yes" get none)."""
    words = _ACCOUNT_PATTERN.sub(" ", header_words(_CAMEL.sub(" ", str(text))))
    target: str | None = None
    for pattern, field in _PEOPLE_PATTERNS:
        if pattern.search(words):
            if _PERCENT_PATTERN.search(words) is None:
                return None
            target = field
            break
    else:
        found = next(((p, field) for p, field in _HINT_PATTERNS if p.search(words)), None)
        target = found[1] if found is not None else None
        if found is not None and found[0] is _PART and values is not None:
            return target if _share_like(values) else None
    if target is None or values is None:
        return target
    return target if values_fit(target, values, ids) else None


def _share_like(values: Sequence[Any]) -> bool:
    """Whether a "Part" column's values read as shares, not as quantities: fractions all
    below 1 (a 1 is as likely one piece as the whole), or percentages written with '%' (most
    of its filled cells: no part number is written so), not all 100 nor all none; a
    percentage over 100 or a cell that is no number among them is a share written wrong,
    told once the column is mapped."""
    filled = list(islice(filterfalse(partial(is_, None), values), _SAMPLE))
    read: list[tuple[float, bool]] = []
    for value in filled:
        try:
            read.append(parse_number(value))
        except ValueProblem:
            read.append((-1.0, False))
    if not read:
        return False
    percents = [n for n, percent in read if percent]
    if len(percents) >= _MOSTLY * len(read):
        return any(0 < n < 100 or n > 100 for n in percents)
    return all(not percent and 0 <= n < 1 for n, percent in read) and any(n > 0 for n, _ in read)


# a column is taken for a field by its values when most of its first filled cells read as
# that field's: enough to tell a column of counts from one of remarks, and cheap on 10^5 rows
_SAMPLE = 200
_MOSTLY = 0.8
# answers that read as countries ("no" is Norway) but fill yes/no columns
_ANSWERS = frozenset({"no", "non", "nein", "yes", "si", "sí", "ja", "oui", "x", "ok"})
MAX_WORKERS = 10_000_000


def values_fit(
    field: str, values: Sequence[Any], ids: AbstractSet[str] = frozenset(), mostly: float = _MOSTLY
) -> bool:
    """Whether a column's values fit a field (blank cells are None): most (`mostly`) of its
    first filled cells are numbers for workers (whole, 0 to 10,000,000), a share or a
    percentage (0 to 100), ids of `ids` (the table's) for buyers, countries for the country,
    and short texts that are no number, country or yes/no answer for the sector. No filled
    cell: no fit."""
    filled = list(islice(filterfalse(partial(is_, None), values), _SAMPLE))
    if not filled:
        return False
    if field == "buyers":
        passed = sum(_names_ids(value, ids) for value in filled) if ids else 0
    else:
        test = _FITS.get(field)
        if test is None:
            return True  # (a field told by its header alone)
        passed = sum(map(test, filled))
    return passed >= mostly * len(filled)


def _names_ids(value: Any, ids: AbstractSet[str]) -> bool:
    """Whether a cell names ids of `ids` only (one or a list)."""
    items = split_list(value)
    return bool(items) and all(as_id(item) in ids for item in items)


def _is_count(value: Any) -> bool:
    try:
        return 0 <= parse_int(value) <= MAX_WORKERS
    except ValueProblem:
        return False


def _is_percentage(value: Any) -> bool:
    try:
        return 0 <= parse_number(value)[0] <= 100
    except ValueProblem:
        return False


def _is_country(value: Any) -> bool:
    from ddtool.reference.countries import normalise_country  # (only for a hinted column)

    if not isinstance(value, str) or as_text(value).casefold() in _ANSWERS:  # (as read)
        return False
    return normalise_country(value).iso3 is not None


def _is_sector(value: Any) -> bool:
    """A text that may name a sector: a few words, no number, country or yes/no answer."""
    if not isinstance(value, str) or as_text(value).casefold() in _ANSWERS:  # (as read)
        return False
    if not 0 < len(value.split()) <= 6 or _is_percentage(value):
        return False
    return not _is_country(value)


# the test of each field's values (the buyers' ids are looked up in the table's: _names_ids)
_FITS: dict[str, Callable[[Any], bool]] = {
    "workers": _is_count,
    "share": _is_percentage,
    "female_pct": _is_percentage,
    "migrant_pct": _is_percentage,
    "country": _is_country,
    "sector": _is_sector,
}


# (keyed as headers are compared)
_REGION_RANKS = {header_key(alias): rank for alias, rank in _REGION_WORDS.items()}


_SECTOR_RANKS = {header_key(alias): rank for alias, rank in _WEAK_SECTOR_HEADERS.items()}


def sector_header_rank(text: str) -> int:
    """How weakly a sector header names the sector: 0 for most ("Sector", "Industry"), 1 for
    "Business sector" and "Industry type", 2 for the headers of a supplier's business
    ("Type of business", "Activity type"), whose values are often a role or a legal form."""
    rank = header_lookup(text, _SECTOR_RANKS)
    return 0 if rank is None else rank


# the words of a supplier's role or legal form, which a column headed as its business
# ("Type of business", "Activity type") often holds in place of a sector: "Manufacturer",
# "Trader", "Raw material supplier", "Private limited company", "Direct"
_ROLE_WORDS = frozenset(
    {
        *("manufacturer", "manufacturers", "manufacturing", "maker", "producer", "producers"),
        *("production", "factory", "trader", "traders", "trading", "supplier", "suppliers"),
        *("vendor", "vendors", "agent", "agents", "broker", "exporter", "importer", "service"),
        *("services", "provider", "subcontractor", "direct", "indirect", "critical", "strategic"),
        *("tier", "raw", "material", "materials", "other", "others", "general", "company"),
        *("private", "public", "limited", "ltd", "llc", "plc", "inc", "gmbh", "sole"),
        *("proprietor", "proprietorship", "partnership", "corporation", "firm", "and", "or"),
    }
)


def role_only(text: str) -> bool:
    """Whether a text names a supplier's role or legal form only ("Manufacturer", "Trader",
    "Tier 1", "Private limited company"), no sector: header_words' words, digits aside."""
    words = [word for word in header_words(text).split() if not word.isdigit()]
    return bool(words) and all(word in _ROLE_WORDS for word in words)


def region_rank(text: str) -> int | None:
    """How fine a place a region header names (0: a town, 1: a district, 2: a province or
    state); None for a header of no known rank (one given with --map)."""
    return header_lookup(text, _REGION_RANKS)


def _by_key(column_map: dict[str, str]) -> dict[str, str]:
    """A mapping keyed as headers are compared (the first of one header written twice)."""
    keyed: dict[str, str] = {}
    for given, target in column_map.items():
        keyed.setdefault(header_key(given), target)
    return keyed


def by_its_parts(text: str, column_map: dict[str, str]) -> bool:
    """Whether a header names its field only by its parts ("Products / Material"): beside a
    column that names that field whole ("Product"), it is the user's own column."""
    return (
        str(text).isascii()
        and header_key(text) not in ALIAS_TO_FIELD
        and not mapped_by_user(text, column_map)
        and _one_of_its_parts(str(text), ALIAS_TO_FIELD) is not None
    )


def mapped_by_user(text: str, column_map: dict[str, str]) -> bool:
    """Whether a header is named by a mapping (--map, the settings' columns)."""
    return bool(column_map) and header_lookup(text, _by_key(column_map)) is not None


# the fields of percentages, whose headers often add the sign to a known one ("Frauenanteil
# (%)", "Migrantenanteil in %"), and the words that sign is read as
_PERCENT_FIELDS = frozenset({"share", "female_pct", "migrant_pct"})
_PERCENT_SIGN = re.compile(r"^(?:in )?(?:pct|percent|prozent) | (?:in )?(?:pct|percent|prozent)$")


def match_header(text: str, column_map: dict[str, str]) -> str | None:
    """The canonical field a header names, via --map first, then the alias table (each as
    header_lookup finds it: a header in two scripts by its parts too). A header of a
    percentage's field with the sign before or after it ("Frauenanteil (%)", "Migrantenanteil
    in %") names that field."""
    if column_map:
        mapped = header_lookup(text, _by_key(column_map))
        if mapped is not None:
            return mapped
    found = header_lookup(text, ALIAS_TO_FIELD)
    if found is None:
        words = header_words(str(text))
        bare = _PERCENT_SIGN.sub("", words, count=1)
        if bare != words and ALIAS_TO_FIELD.get(bare.replace(" ", "")) in _PERCENT_FIELDS:
            return ALIAS_TO_FIELD[bare.replace(" ", "")]
    return found


# the fields read from several columns together (a region's: "Ciudad", "Provincia"), which
# more than one mapping may name
MAPPED_TOGETHER = frozenset({"region"})


class ColumnMapError(ValueError):
    """Bad --map options: every one's message (str() gives them one per line)."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def parse_column_map(specs: list[str]) -> dict[str, str]:
    """Parse --map "Vendor Name=name" options; raises ColumnMapError naming every bad spec."""
    mapping: dict[str, str] = {}
    bad: list[str] = []
    for spec in specs:
        if "=" not in spec:
            bad.append(f"--map {spec!r}: expected 'Header as written=field'")
            continue
        header, target = (part.strip() for part in spec.rsplit("=", 1))
        if not header:
            # it would name no column (a blank header cell is no header) and only be warned of
            bad.append(
                f"--map {spec!r}: no header before '='; expected"
                f" 'Header as written={target or 'field'}'"
            )
            continue
        if target not in FIELDS:
            from ddtool.graph import closest_id  # (only for a mistyped field)

            best = closest_id(target, list(FIELDS)) if target else None
            bad.append(
                f"--map {spec!r}: unknown field {target!r}"
                + (f" (did you mean {best!r}?)" if best else "")
                + f"; fields are {', '.join(FIELDS)}"
            )
            continue
        twice = next((given for given in mapping if header_key(given) == header_key(header)), None)
        if twice is not None and mapping[twice] != target:
            bad.append(
                f"--map {spec!r}: the header {header!r} is mapped twice, also to"
                f" {mapping[twice]!r}; a column holds one field"
            )
            continue
        # (a field read from two columns would be a duplicate-column error whose advice is
        # the --map given: but the region, which is read from its columns together)
        other = next(
            (
                given
                for given, field in mapping.items()
                if field == target and header_key(given) != header_key(header)
            ),
            None,
        )
        if other is not None and target not in MAPPED_TOGETHER:
            bad.append(
                f"--map {spec!r}: the field {target!r} is mapped twice, also from {other!r};"
                " a field is read from one column: give one of them"
            )
            continue
        mapping[header] = target
    if bad:
        raise ColumnMapError(bad)
    return mapping
