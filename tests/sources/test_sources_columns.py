"""Header matching: aliases (case/punctuation-insensitive), --map, header row detection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.errors import ProblemList
from ddtool.sources import ReadOptions, read_chain
from ddtool.sources.columns import FIELDS, match_header, parse_column_map
from ddtool.sources.table_source import table_from_rows

INPUT = Path(__file__).parents[1] / "assets" / "input"

HEADERS: list[tuple[str, str | None]] = [
    ("Vendor ID", "id"),
    ("SUPPLIER-ID", "id"),
    ("supplier_id", "id"),
    ("Vendor Name", "name"),
    ("Country of Origin", "country"),
    ("country_of_origin", "country"),
    ("ISO3", "country"),
    ("Commodity / Sector", "sector"),
    ("Industry", "sector"),
    ("Parent Vendor ID", "buyers"),
    ("Buyer ID(s)", "buyers"),
    ("No. of Workers", "workers"),
    ("Number of workers", "workers"),
    ("Headcount", "workers"),
    ("% Female", "female_pct"),
    ("Female %", "female_pct"),
    ("% migrant workers", "migrant_pct"),
    ("Share of volume", "share"),
    ("Last audit date", "audit_date"),
    ("Tier level", "tier"),
    ("  Country  ", "country"),
    ("Notes", None),
    ("Lieferant", "name"),
    ("Firmierung", None),
    # the supplier number as SAP and other German ERP exports head it
    ("Lief.-Nr.", "id"),
    ("Lief. Nr", "id"),
    ("LiefNr", "id"),
    ("Lieferantennr.", "id"),
    ("Lieferanten-Nr.", "id"),
    ("Kred.-Nr.", "id"),
    ("Lief.-Name", "name"),
    # the type, nature or line of a supplier's business is its sector ("Type of business" was
    # kept as a column of the user's own, every supplier without a sector)
    ("Type of business", "sector"),
    ("TYPE_OF_BUSINESS", "sector"),
    ("Nature of business", "sector"),
    ("Line of Business", "sector"),
    ("Activity type", "sector"),
    ("Business sector", "sector"),
    ("Type of industry", "sector"),
    ("Industry type", "sector"),
    # (no other column's words read so)
    ("Business", None),
    ("Type", None),
    ("Type of product", None),
    ("Type of certification", None),
    ("Line of credit", None),
    # a supplier's type is its tier, criticality or whether it is direct: no sector
    ("Type of supplier", None),
    # Portuguese, as a Brazilian ERP heads its supplier list
    ("Fornecedor", "name"),
    ("Código do fornecedor", "id"),
    ("Região", "region"),
    ("Setor", "sector"),
    ("Produtos", "products"),
    ("Trabalhadores", "workers"),
    ("Certificações", "certifications"),
    ("Data da auditoria", "audit_date"),
    ("Resultado da auditoria", "audit_result"),
    # Dutch, as a Dutch ERP (AFAS, Exact) heads it
    ("Leveranciersnr.", "id"),
    ("Leverancier", "name"),
    ("Regio", "region"),
    ("Producten", "products"),
    ("Aandeel %", "share"),
    ("Aantal medewerkers", "workers"),
    ("Certificeringen", "certifications"),
    ("Auditresultaat", "audit_result"),
    ("Naam", "name"),
    ("Afnemer", "buyers"),
    ("Levert aan", "buyers"),
]


@pytest.mark.parametrize(("header", "field"), HEADERS)
def test_header_aliases(header: str, field: str | None) -> None:
    assert match_header(header, {}) == field


def test_a_sap_export_headed_lief_nr_is_read_by_its_ids(tmp_path: Path) -> None:
    """It was a no-id-column error, with no word on which column held the ids."""
    path = tmp_path / "sap.csv"
    path.write_bytes(
        "Lieferantenliste Export SAP 12.03.2026\n"
        "Lief.-Nr.;Name;Land;Branche;Abnehmer\n"
        "100;Baumwoll AG;Türkei;Baumwollanbau;\n"
        "101;Garnspinnerei Izmir;TR;Spinnerei;100\n".encode("cp1252")
    )
    chain, problems = read_chain([path], ReadOptions())
    assert [p.type for p in problems.errors] == []
    assert [(s.id, s.name, s.buyers) for s in chain.suppliers] == [
        ("100", "Baumwoll AG", []),
        ("101", "Garnspinnerei Izmir", ["100"]),
    ]


def test_a_list_headed_type_of_business_is_read_by_its_sectors(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Type of business,Remarks\n"
        "S1,Cannery one,Thailand,Tuna cannery,\n"
        "S2,Vessel two,Thailand,Fishing vessel,checked 2025\n",
        "utf-8",
    )
    chain, problems = read_chain([path], ReadOptions())
    assert problems.items == []
    assert [s.sector_raw for s in chain.suppliers] == ["Tuna cannery", "Fishing vessel"]


# headers of a table beside its sector column -> the column read as the sector; the other was
# kept as the user's own before it was read as a sector's header, and was then a fatal
# duplicate-column
SECTOR_BESIDE: dict[str, tuple[str, str, str]] = {
    "Sector, Type of supplier": ("Sector", "Type of supplier", "Sector"),
    "Sector, Industry type": ("Sector", "Industry type", "Sector"),
    "Sector, Activity type": ("Sector", "Activity type", "Sector"),
    "Industry, Type of business": ("Industry", "Type of business", "Industry"),
    "Business sector, Nature of business": (
        "Business sector",
        "Nature of business",
        "Business sector",
    ),
    "Line of business, Industry type": ("Line of business", "Industry type", "Industry type"),
    "Activity type, Category": ("Activity type", "Category", "Category"),
}


@pytest.mark.parametrize(
    ("first", "second", "read"), SECTOR_BESIDE.values(), ids=list(SECTOR_BESIDE)
)
def test_a_sector_header_beside_a_weaker_one_is_read(
    tmp_path: Path, first: str, second: str, read: str
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Country,{first},{second},Buyer ID\n"
        "S1,Dhaka Knit,Bangladesh,garment manufacturing,garment manufacturing,\n"
        "S2,Narayan Fabrics,BD,fabric mill,fabric mill,S1\n",
        "utf-8",
    )
    chain, problems = read_chain([path], ReadOptions())
    assert problems.items == []
    assert [s.sector_raw for s in chain.suppliers] == ["garment manufacturing", "fabric mill"]
    other = first if read == second else second
    assert [list(s.attributes) for s in chain.suppliers] == [[other], [other]]


def test_two_sector_headers_of_one_rank_are_still_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Type of business,Activity type\n"
        "S1,Dhaka Knit,Bangladesh,garment manufacturing,garment manufacturing\n",
        "utf-8",
    )
    _, problems = read_chain([path], ReadOptions())
    assert [p.type for p in problems.items] == ["duplicate-column"]


# a value of a column headed as a supplier's business -> the sector text read: a role or a
# legal form is none, and the products say the sector, as when the column was not read
# ("Manufacturer" was general manufacturing, before the products and the tiers they infer)
BUSINESS_VALUES: dict[str, str | None] = {
    "Manufacturer": None,
    "Trader": None,
    "Raw material supplier": None,
    "Private limited company": None,
    "Sole proprietorship": None,
    "Production": None,
    "Tier 1": None,
    "Direct": None,
    "Garment manufacturer": "Garment manufacturer",
    "Cocoa trader": "Cocoa trader",
    "Tuna cannery": "Tuna cannery",
}


@pytest.mark.parametrize(("value", "read"), BUSINESS_VALUES.items(), ids=list(BUSINESS_VALUES))
@pytest.mark.parametrize("header", ["Type of business", "Industry type", "Activity type"])
def test_a_role_under_a_business_header_is_no_sector(
    tmp_path: Path, header: str, value: str, read: str | None
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        f"Supplier ID,Supplier name,Country,Products,{header}\n"
        f"S1,Dhaka Knit,Bangladesh,cotton t-shirts,{value}\n",
        "utf-8",
    )
    chain, _ = read_chain([path], ReadOptions())
    assert chain.suppliers[0].sector_raw == read
    # a role is kept as the file's own column, under its header: never dropped
    kept = {} if read is not None else {header: value}
    assert chain.suppliers[0].attributes == kept


def test_a_role_in_a_sector_column_or_one_mapped_is_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Products,Sector\n"
        "S1,Dhaka Knit,Bangladesh,cotton t-shirts,Manufacturer\n",
        "utf-8",
    )
    chain, _ = read_chain([path], ReadOptions())
    assert chain.suppliers[0].sector_raw == "Manufacturer"
    path.write_text(path.read_text("utf-8").replace("Sector", "Type of business"), "utf-8")
    mapped = ReadOptions(column_map={"Type of business": "sector"})
    chain, _ = read_chain([path], mapped)
    assert chain.suppliers[0].sector_raw == "Manufacturer"


def test_every_field_is_its_own_alias() -> None:
    assert [match_header(f, {}) for f in FIELDS] == list(FIELDS)


def test_map_wins_over_aliases_and_ignores_case() -> None:
    mapping = parse_column_map(["Lieferant=name", "Country = region"])
    assert mapping == {"Lieferant": "name", "Country": "region"}
    assert match_header("LIEFERANT", mapping) == "name"
    assert match_header("country", mapping) == "region"


@pytest.mark.parametrize(
    ("spec", "message"),
    [("Lieferant", "expected 'Header as written=field'"), ("Lieferant=vendor", "unknown field")],
)
def test_bad_map_specs(spec: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_column_map([spec])


def test_unknown_header_is_kept_until_mapped() -> None:
    path = INPUT / "german_headers.csv"
    plain, _ = read_chain([path])
    mapped, problems = read_chain(
        [path], ReadOptions(column_map=parse_column_map(["Firmierung=name"]))
    )
    assert problems.items == []
    assert [(s.name, s.attributes) for s in plain.suppliers] == [
        (None, {"Firmierung": "Hamburg Handel"}),
        (None, {"Firmierung": "Bremen Kaffee"}),
    ]
    assert [(s.name, s.attributes) for s in mapped.suppliers] == [
        ("Hamburg Handel", {}),
        ("Bremen Kaffee", {}),
    ]


def test_header_row_found_below_title_rows() -> None:
    rows: list[list[Any]] = [
        ["Supplier list", None, None],
        ["Exported 2026-10-01 by procurement", None, None],
        [None, None, None],
        ["Supplier code", "Supplier name", "Country"],
        ["S1", "One", "GH"],
    ]
    problems = ProblemList()
    table = table_from_rows("list.csv", None, rows, ReadOptions(), problems)
    assert table is not None
    [record] = table.records()
    assert problems.items == []
    assert record.fields == {"id": "S1", "name": "One", "country": "GH"}
    assert record.location.row == 5


def test_no_header_row_is_a_located_problem() -> None:
    problems = ProblemList()
    rows: list[list[Any]] = [["a", "b"], ["c", "d"]]
    assert table_from_rows("list.csv", "Sheet1", rows, ReadOptions(), problems) is None
    assert problems.flatten(["type", "file", "sheet"]) == [["no-header", "list.csv", "Sheet1"]]


@pytest.mark.parametrize(
    ("header", "field", "hint"),
    [
        ("% of migrant workers", "migrant_pct", "migrant_pct"),
        ("Migrant employees (%)", "migrant_pct", "migrant_pct"),
        ("Percentage migrant workers", "migrant_pct", "migrant_pct"),
        ("% Female employees", "female_pct", "female_pct"),
        ("No. of Workers", "workers", "workers"),
        # a share may be a fraction (0.45) or a percentage: a warning, not a guess
        ("Share of migrant workers", None, "migrant_pct"),
        ("No. of migrant workers", None, None),  # a count: neither migrant_pct nor workers
        ("Women-owned business", None, None),
    ],
)
def test_headers_of_the_people_a_percentage_counts(
    header: str, field: str | None, hint: str | None
) -> None:
    """ "% of migrant workers" was kept as an attribute without a word, and others were
    hinted as the workers or share column."""
    from ddtool.sources.columns import hint_header, match_header

    assert (match_header(header, {}), hint_header(header)) == (field, hint)


def test_every_bad_map_is_named_at_once() -> None:
    from ddtool.sources.columns import ColumnMapError

    with pytest.raises(ColumnMapError) as caught:
        parse_column_map(["noequals", "=name", "X=bogus", "Good=name"])
    assert [m.split(":")[0] for m in caught.value.messages] == [
        "--map 'noequals'",
        "--map '=name'",
        "--map 'X=bogus'",
    ]
