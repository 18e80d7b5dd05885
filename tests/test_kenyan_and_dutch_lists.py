"""A Kenyan employers' federation's members and a Dutch cocoa trader write their lists in
Swahili and Dutch.

The Swahili headers ("Jina la msambazaji", "Nchi", "Sekta", "Bidhaa") were not read, and a
"Jumla" (total) row was a supplier; a Kenyan flower farm stood on Kenya's khat, rice and
sisal listings. A Dutch "Geldig tot" (valid until) column was not read, so an expired
certificate was credited as current; "verlopen" (expired), "geschorst" (suspended) and
"geen" (no) certificates were credited; "Aandeel migranten" was not read as the migrant
share; a "Bedrijf" sheet was passed over. "Fairtrade 31-12-2025" was told to be written
"Fairtrade 31 valid until 12-2025". An anonymised batch summary quoted a one-word file's
name in its ids and garbled a buyer holding the company's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from ddtool.assess import assess
from ddtool.batch import _anonymised_error
from ddtool.errors import InputError, Location, ProblemList
from ddtool.sources.columns import expiry_header
from ddtool.sources.interface import ReadOptions
from ddtool.sources.reading import read_chain
from ddtool.sources.table_source import _unused_maps


def _entries(path: Path) -> dict[str, dict]:
    return {s["id"]: s for s in assess([path]).data["suppliers"] if not s["inferred"]}


def test_swahili_headers_and_a_jumla_row_are_read(tmp_path: Path) -> None:
    path = tmp_path / "wanachama.csv"
    path.write_text(
        "Nambari ya msambazaji,Jina la msambazaji,Nchi,Sekta,Bidhaa,Mnunuzi,Wafanyakazi\n"
        "K1,Kericho Estates,Kenya,tea farming,tea,,1200\n"
        "K2,Naivasha Blooms,Kenya,flower farm,,,800\n"
        "Jumla,,,,,,2000\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [(s.id, s.name, s.country, s.sector_raw, s.workers) for s in chain.suppliers] == [
        ("K1", "Kericho Estates", "KEN", "tea farming", 1200),
        ("K2", "Naivasha Blooms", "KEN", "flower farm", 800),
    ]
    assert [p.type for p in problems.warnings] == ["total-row"]


@pytest.mark.parametrize(
    ("sector", "products"),
    [
        ("flower farm", ""),
        ("flower farm", "carnations"),
        ("flower farm", "cut roses"),
        ("rose farm", ""),
        ("cut flowers", ""),
    ],
)
def test_a_kenyan_flower_farm_takes_no_listing_of_other_crops(
    tmp_path: Path, sector: str, products: str
) -> None:
    # Kenya's crop-farming listings are khat, rice and sisal; flowers are listed for Ecuador
    path = tmp_path / "maua.csv"
    path.write_text(
        f"Supplier ID,Name,Country,Sector,Products\nF1,Farm,Kenya,{sector},{products}\n",
        encoding="utf-8",
    )
    entry = _entries(path)["F1"]
    assert entry["sector"] == "crop-farming"
    assert not entry.get("listings")
    assert entry["risk"]["child_labour"]["level"] == "medium"


def test_a_kenyan_crop_farm_naming_no_good_keeps_its_countrys_listings(tmp_path: Path) -> None:
    path = tmp_path / "shamba.csv"
    path.write_text("Supplier ID,Name,Country,Sector\nF1,Farm,Kenya,farm\n", encoding="utf-8")
    goods = {listing["good"] for listing in _entries(path)["F1"]["listings"]}
    assert {"Khat/Miraa (stimulant plant)", "Rice", "Sisal"} <= goods


@pytest.mark.parametrize(
    ("header", "read"),
    [
        ("Geldig tot", True),
        ("Geldig t/m", True),
        ("Vervaldatum", True),
        ("Valable jusqu'au", True),
        ("Date de fin de validité", True),
        ("Válido hasta", True),
        ("Validade do certificado", True),
        ("Data de vencimento", True),
        ("Valid until", True),
        ("Contract expiry", False),
        ("Datum", False),
    ],
)
def test_a_certificates_expiry_header_in_several_languages(header: str, read: bool) -> None:
    assert expiry_header(header) is read


def test_dutch_certificates_expiry_and_status_words(tmp_path: Path) -> None:
    path = tmp_path / "leveranciers.csv"
    path.write_text(
        "Leveranciersnr;Naam leverancier;Land;Sector;Certificering;Geldig tot\n"
        "C1;Coop Soubré;Ivoorkust;cocoa cooperative;Fairtrade;30-09-2025\n"
        "C2;Coop Daloa;Ivoorkust;cocoa cooperative;Fairtrade verlopen op 31-12-2024;\n"
        "C3;Coop Divo;Ivoorkust;cocoa cooperative;geen Fairtrade;\n"
        "C4;Coop Man;Ivoorkust;cocoa cooperative;Fairtrade (geschorst);\n"
        "C5;Coop Gagnoa;Ivoorkust;cocoa cooperative;Fairtrade geldig tot 31-12-2027;\n",
        encoding="utf-8",
    )
    entries = _entries(path)
    told = {sid: entries[sid]["certifications"] for sid in entries}
    assert told["C1"] == ["certification 'Fairtrade' expired 2025-09-30"]
    assert told["C2"] == ["certification 'Fairtrade' expired 2024-12-31"]
    assert told["C3"] == ["certification 'geen Fairtrade' not held (it says 'geen'): no credit"]
    assert told["C4"] == [
        "certification 'Fairtrade (geschorst)' not held (it says 'geschorst'): no credit"
    ]
    assert told["C5"] == ["certification 'Fairtrade' valid until 2027-12-31"]


def test_expired_in_dutch_without_its_date_is_refused_as_in_english(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(
        "Supplier ID;Name;Country;Sector;Certifications\n"
        "C1;Coop A;Ghana;cocoa cooperative;Fairtrade (verlopen)\n"
        "C2;Coop B;Ghana;cocoa cooperative;Fairtrade (expired)\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        assess([path])
    told = [p.message for p in raised.value.problems if p.type == "bad-date"]
    assert told == [
        f"certification 'Fairtrade' {word}: no date is given; write the expiry date, such as"
        " 2026-06-30"
        for word in ("verlopen", "expired")
    ]


def test_a_day_first_hyphen_date_is_suggested_whole(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_text(
        "Supplier ID;Name;Country;Sector;Certifications\n"
        "C1;Coop A;Ghana;cocoa cooperative;Fairtrade 31-12-2025\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        assess([path])
    (problem,) = [p for p in raised.value.problems if p.type == "bad-date"]
    assert problem.message.endswith("write 'Fairtrade valid until 31-12-2025'")


def test_a_dutch_migrant_share_and_company_sheet(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Leveranciers"
    sheet.append(["Leveranciersnr", "Naam leverancier", "Land", "Sector", "Aandeel migranten"])
    sheet.append(["MY-1", "Port Klang Cocoa Butter", "Maleisië", "cocoa-processing", 35])
    company = book.create_sheet("Bedrijf")
    for row in (["Naam", "Amstel Cacao B.V."], ["Land", "Nederland"], ["Sector", "cocoa-trading"]):
        company.append(row)
    path = tmp_path / "c6.xlsx"
    book.save(path)
    chain, _ = read_chain([path])
    assert (chain.company.name, chain.company.country) == ("Amstel Cacao B.V.", "NLD")
    assert [(s.id, s.migrant_pct) for s in chain.suppliers] == [("MY-1", 35.0)]


@pytest.mark.parametrize(
    ("error", "file", "company", "anonymised"),
    [
        # a buyer holding the company's name is not quoted (it was cut at the placeholder)
        (
            "Acme Ltd.csv, row 2: supplier 'X-1' names buyer 'Acme-HQ', which is not in the chain",
            "Acme Ltd.csv",
            "Acme Ltd",
            "member-1, row 2: supplier 'X-1' names a buyer, which is not in the chain",
        ),
        (
            "Acme.csv, row 2: supplier 'X-1' names buyer 'acme', which is not in the chain",
            "Acme.csv",
            "Acme",
            "member-1, row 2: supplier 'X-1' names buyer '<the member's company>', which is not"
            " in the chain",
        ),
        # a one-word file's name in a buyer it names, and as the buyer
        (
            "mumias.csv, row 2: supplier 'X-1' names buyer 'Mumias-HQ', which is not in the chain",
            "mumias.csv",
            None,
            "member-1, row 2: supplier 'X-1' names a buyer, which is not in the chain",
        ),
        (
            "mumias.csv, row 2: supplier 'X-1' names buyer 'MUMIAS', which is not in the chain",
            "mumias.csv",
            None,
            "member-1, row 2: supplier 'X-1' names buyer '<the member's company>', which is not"
            " in the chain",
        ),
        # a one-word file's name in the ids it gives its suppliers
        (
            "mumias.csv, row 2: shares add up to 2.00 (MUMIAS-1 0.7, MUMIAS-2 0.6)",
            "mumias.csv",
            None,
            "member-1, row 2: shares add up to 2.00 (<the member's company>-1 0.7, <the member's"
            " company>-2 0.6)",
        ),
        # a file's name written with spaces in a sheet's name
        (
            "sony_sugar.xlsx, sheet 'Sony Sugar suppliers', row 2: bad",
            "sony_sugar.xlsx",
            None,
            "member-1, sheet '<the member's company> suppliers', row 2: bad",
        ),
        # a file named by a word that names no one: the messages' words are kept
        (
            "chain.csv, row 2: the chain is more than 100 tiers deep",
            "chain.csv",
            None,
            "member-1, row 2: the chain is more than 100 tiers deep",
        ),
        # a file's name is taken out of what the error quotes and its ids only, never out
        # of the message's own words or its type
        (
            "country.csv, row 2: unknown country 'Narnia' [unknown-country]",
            "country.csv",
            None,
            "member-1, row 2: unknown country 'Narnia' [unknown-country]",
        ),
        (
            "kenya.csv, row 2: unknown country 'Kenia': did you mean Kenya (KEN)?",
            "kenya.csv",
            None,
            "member-1, row 2: unknown country 'Kenia': did you mean Kenya (KEN)?",
        ),
    ],
)
def test_an_anonymised_error_names_no_member(
    error: str, file: str, company: str | None, anonymised: str
) -> None:
    assert _anonymised_error(error, file, "member-1", company) == anonymised


@pytest.mark.parametrize(
    ("sector", "country", "products", "inferred"),
    [
        ("tea manufacturer", "India", "tea", "inferred:tea-farming:tea@IND"),
        ("tea factory", "India", "tea", "inferred:tea-farming:tea@IND"),
        ("tea manufacturers ltd", "Kenya", "tea", "inferred:tea-farming:tea@KEN"),
        ("vanilla manufacturer", "Madagascar", "vanilla", "inferred:vanilla-farming:vanilla@MDG"),
    ],
)
def test_a_raw_goods_manufacturer_has_its_farms_inferred_beneath_it(
    tmp_path: Path, sector: str, country: str, products: str, inferred: str
) -> None:
    # (its products are what it works, not what it grows: no farm itself)
    path = tmp_path / "maker.csv"
    path.write_text(
        f"Supplier ID,Name,Country,Sector,Products\nS1,Maker,{country},{sector},{products}\n",
        encoding="utf-8",
    )
    suppliers = assess([path]).data["suppliers"]
    assert [s["id"] for s in suppliers if s["inferred"]] == [inferred]


def test_a_certificates_number_shaped_as_no_date_is_its_name(tmp_path: Path) -> None:
    path = tmp_path / "ids.csv"
    path.write_text(
        "Supplier ID;Name;Country;Sector;Certifications\n"
        "C1;A;Ghana;cocoa farming;BSCI 12-34-5678\n"
        "C2;B;Ghana;cocoa farming;GlobalGAP GGN 40-50-2019\n",
        encoding="utf-8",
    )
    chain, problems = read_chain([path])
    assert [[c.name for c in s.certifications] for s in chain.suppliers] == [
        ["BSCI 12-34-5678"],
        ["GlobalGAP GGN 40-50-2019"],
    ]
    assert not problems.errors


def test_zanzibar_is_a_region_of_tanzania(tmp_path: Path) -> None:
    alone = tmp_path / "alone.csv"
    alone.write_text("id,name,country,sector\nS1,A,Zanzibar,crop farming\n", encoding="utf-8")
    _, problems = read_chain([alone])
    (error,) = problems.errors
    assert "a state, province or region of Tanzania (TZA)" in error.message
    bracketed = tmp_path / "bracketed.csv"
    bracketed.write_text(
        "id,name,country,sector\nS1,A,Tanzania (Zanzibar),crop farming\n", encoding="utf-8"
    )
    chain, _ = read_chain([bracketed])
    assert [(s.country, s.region) for s in chain.suppliers] == [("TZA", "Zanzibar")]


@pytest.mark.parametrize(
    ("given", "warned_in_batch"),
    [("Sektr", True), ("Jina la msambazaji", False)],
)
def test_a_batchs_unused_map_is_warned_where_it_is_a_typo(
    given: str, warned_in_batch: bool
) -> None:
    header = ["Supplier ID", "Name", "Country", "Sector"]
    where = Location("member.csv")
    for batch, warned in ((False, True), (True, warned_in_batch)):
        options = ReadOptions(column_map={given: "name"}, mapped_by="config" if batch else "--map")
        problems = ProblemList()
        _unused_maps(header, options, problems, where)
        assert [p.type for p in problems.warnings] == (["unused-map"] if warned else [])
