"""A supplier in the Xinjiang Uyghur Autonomous Region (XUAR): placed there by its region,
its city or its name, floored on forced labour as a forced-labour listing floors, with the
fact the floor rests on (F053, its year and source) and the measure for state-imposed labour;
a supplier elsewhere in China, or of another country, scored as before."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data

from ddtool.regions import xuar_place


def _supplier(
    country: str, sector: str, region: str | None, name: str = "Supplier"
) -> dict[str, Any]:
    found: dict[str, Any] = {"id": "S", "name": name, "country": country, "sector": sector}
    if region is not None:
        found["region"] = region
    return found


def _forced(doc: dict[str, Any]) -> dict[str, Any]:
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    return entry["risk"]["forced_labour"]


def _flag(doc: dict[str, Any]) -> dict[str, Any] | None:
    return next(
        (f for f in doc["flags"] if f["supplier_id"] == "S" and f["risk_type"] == "forced_labour"),
        None,
    )


# (country, sector, region, name, whether it is placed in the XUAR)
PLACES = [
    pytest.param("CHN", "textile-finishing", "Xinjiang", "S", True, id="Xinjiang"),
    pytest.param("CHN", "logistics-transport", "Ürümqi", "S", True, id="a city, accented"),
    pytest.param("CHN", "cotton-ginning", "Aksu Prefecture", "S", True, id="a prefecture"),
    pytest.param("CHN", "warehousing", "新疆维吾尔自治区", "S", True, id="in Chinese"),
    pytest.param("CHN", "textile-finishing", "CN-XJ", "S", True, id="ISO 3166-2 code"),
    pytest.param("CHN", "warehousing", None, "Xinjiang Daqo Logistics", True, id="its name"),
    pytest.param("CHN", "cotton-ginning", None, "XPCC 1st Division Gin", True, id="the XPCC"),
    # elsewhere in China, or a name that only holds a city's letters: as before
    pytest.param("CHN", "garment-manufacturing", "Guangdong", "S", False, id="Guangdong"),
    pytest.param("CHN", "garment-manufacturing", None, "Hamilton Textiles", False, id="letters"),
    pytest.param("CHN", "garment-manufacturing", None, "Aksu Garments", False, id="city in name"),
    # Aksu is also a town in Kazakhstan: a region is read for a supplier in China only
    pytest.param("KAZ", "cotton-ginning", "Aksu", "S", False, id="Aksu, Kazakhstan"),
]


@pytest.mark.parametrize(("country", "sector", "region", "name", "placed"), PLACES)
def test_a_supplier_in_the_xuar_is_floored_on_forced_labour(
    tmp_path: Path, country: str, sector: str, region: str | None, name: str, placed: bool
) -> None:
    """Before, a ginner in Aksu scored as one in Shandong: medium on forced labour."""
    here = assessed_data(tmp_path, "apparel-retail", [_supplier(country, sector, region, name)])
    (tmp_path / "b").mkdir()
    plain = assessed_data(tmp_path / "b", "apparel-retail", [_supplier(country, sector, None)])
    risk = _forced(here)
    if not placed:
        assert risk == _forced(plain)
        return
    assert risk["likelihood"] >= 0.8 > _forced(plain)["likelihood"]
    assert risk["severity"] >= 0.7
    flag = _flag(here)
    assert flag is not None
    basis = here["bases"][flag["basis"]]
    assert basis["reason"].startswith("located in the Xinjiang Uyghur Autonomous Region (XUAR)")
    facts = [here["evidence"][e] for e in basis["evidence"]]
    region = [f for f in facts if f["indicator"].startswith("region: ")]
    assert len(region) == 1
    assert region[0]["year"] == 2025
    assert region[0]["value"] == "31 goods (21 tied to forced labour in XUAR)"
    assert region[0]["note"].startswith("F053: ")
    assert "fl-state-imposed-exit" in basis["remediation"]
    # the other risk types are not the region's
    for rt in ("child_labour", "human_trafficking"):
        entry = next(s for s in here["suppliers"] if s["id"] == "S")
        base = next(s for s in plain["suppliers"] if s["id"] == "S")
        assert entry["risk"][rt] == base["risk"][rt]


@pytest.mark.parametrize(
    ("sector", "likelihood", "listed"),
    [
        ("cotton-farming", 0.9, "Cotton from China"),  # forced child labour: above the region
        ("garment-manufacturing", 0.8, "Garments from China"),  # forced labour: the same
    ],
)
def test_a_listing_floor_as_high_as_the_regions_keeps_its_reason(
    tmp_path: Path, sector: str, likelihood: float, listed: str
) -> None:
    """A listing that floors a supplier in Xinjiang as high or higher stays its floor's
    reason, and the reason says the region too, with the measure for state-imposed labour."""
    doc = assessed_data(tmp_path, "apparel-retail", [_supplier("CHN", sector, "Xinjiang")])
    assert _forced(doc)["likelihood"] == likelihood
    flag = _flag(doc)
    assert flag is not None
    basis = doc["bases"][flag["basis"]]
    assert basis["reason"].startswith(listed)
    assert basis["reason"].endswith(
        "; also located in the Xinjiang Uyghur Autonomous Region (XUAR)"
    )
    assert "fl-state-imposed-exit" in basis["remediation"]


@pytest.mark.parametrize(
    ("region", "name", "field"),
    [
        ("Korla, Bayingolin", None, "region"),
        ("Shanghai", "Xinjiang Zhongtai Trading", "name"),
        ("Aral city (Alar)", "S", "region"),
        (None, "兵团棉业", "name"),
        (None, "Xinjiang Cotton Ginning Co", "name"),
    ],
)
def test_what_places_a_supplier_there(region: str | None, name: str | None, field: str) -> None:
    placed = xuar_place(region, name)
    assert placed is not None
    assert placed.field == field
    assert placed.text == (region if field == "region" else name)


@pytest.mark.parametrize(
    "name",
    ["Xinjiang-sourced wafer supplier", "Non-Xinjiang Cotton Traders", "Xinjiang-free Yarn Co"],
)
def test_a_name_saying_where_goods_come_from_places_nothing(name: str) -> None:
    assert xuar_place(None, name) is None


@pytest.mark.parametrize(
    ("region", "placed"),
    [
        # the sites of polysilicon, silicon metal and aluminium, by a city column alone
        ("Zhundong", True),
        ("Shanshan County, Turpan", True),
        ("Shanshan", True),
        ("Kuqa", True),
        ("Fukang", True),
        ("Wusu", True),
        ("Ganquanbao Industrial Park", True),
        ("Midong District", True),
        ("准东经济技术开发区", True),
        ("鄯善县", True),
        # places of the same name elsewhere in China are not
        ("Shawan District, Leshan", False),
        ("Qinghe County, Hebei", False),
        ("Baicheng, Jilin", False),
        ("Yiwu, Zhejiang", False),
        ("乌苏里江", False),  # (the Ussuri, in Heilongjiang: no Wusu)
        # an address read as the region: a street named after a place of the region, as
        # many Chinese cities name theirs, places nothing
        ("No. 5 Jiefang Rd, Aksu, Xinjiang", True),
        ("No. 3 Kashgar Street, Urumqi", True),
        ("88 Xinjiang Road, Qingdao, Shandong", False),
        ("Wulumuqi Lu, Shanghai", False),
        ("Hami Rd 12, Huangpu, Shanghai", False),
        ("新疆路 12号, 青岛", False),
        ("乌鲁木齐路, 上海", False),
        # a street in sections: a direction or a section's number before its word
        ("1250 Wulumuqi Middle Road, Jing'an, Shanghai", False),
        ("上海市静安区乌鲁木齐北路88号", False),
        ("伊犁南路 100号, 长宁区, 上海", False),
        ("Hami Bei Lu 3, Shanghai", False),
        ("Urumqi Rd N, Shanghai", False),
        # a street in "Dao" (Tianjin) or a boulevard, and an address naming another province
        ("No. 12 Hami Dao, Heping District, Tianjin", False),
        ("喀什道21号, 和平区, 天津", False),
        ("8 Xinjiang Blvd, Shibei, Qingdao", False),
        ("伊犁大街5号, 上海", False),
        ("Hetian Town, Changting County, Longyan, Fujian", False),
        ("Yili Industrial Park, Hohhot, Inner Mongolia", False),
        ("新疆大厦, 北京", False),
        # another province's name as a street of Urumqi places nothing elsewhere
        ("Beijing South Road, Urumqi", True),
        ("北京南路, 乌鲁木齐", True),
    ],
)
def test_a_city_or_zone_of_the_region_places_a_supplier_there(region: str, placed: bool) -> None:
    assert (xuar_place(region, None) is not None) is placed


def test_explain_names_the_region_floor(tmp_path: Path) -> None:
    """`explain` calls the region's floor so, not a listing's; a listing's floor beside the
    region stays a listing floor."""
    from chain_support import chain_file
    from typer.testing import CliRunner

    from ddtool.cli import app

    suppliers = [
        _supplier("CHN", "warehousing", "Ürümqi"),
        {**_supplier("CHN", "garment-manufacturing", "Xinjiang"), "id": "G"},
    ]
    path = chain_file(tmp_path, suppliers)
    runner = CliRunner()
    region = runner.invoke(app, ["explain", str(path), "S"], env={"COLUMNS": "200"})
    listing = runner.invoke(app, ["explain", str(path), "G"], env={"COLUMNS": "200"})
    assert region.exit_code == listing.exit_code == 0
    # (the rows' labels, in the table's first column)
    assert "│ region floor" in region.output and "│ listing floor" not in region.output
    assert "│ listing floor" in listing.output and "│ region floor" not in listing.output


@pytest.mark.parametrize(
    ("country", "region", "read"),
    [
        ("China, Xinjiang", None, "Xinjiang"),
        ("China, Xinjiang Uyghur Autonomous Region", None, "Xinjiang Uyghur Autonomous Region"),
        ("China, Xinjiang", "Hotan", "Hotan, Xinjiang"),
        ("China, Xinjiang", "Xinjiang", "Xinjiang"),
        # in brackets or after a dash, and the country in another language
        ("China (Xinjiang)", None, "Xinjiang"),
        ("China - Xinjiang", None, "Xinjiang"),
        ("Cina (Xinjiang)", None, "Xinjiang"),
        ("China – Aksu", "Xinjiang", "Xinjiang, Aksu"),
    ],
)
def test_a_place_after_the_countrys_comma_is_its_region(
    tmp_path: Path, country: str, region: str | None, read: str
) -> None:
    """ "China, Xinjiang" in the country column was read as China, its place dropped without
    a word: no XUAR floor. It is the region now, said with a warning at the country."""
    supplier = _supplier("CHN", "stone-quarrying", region)
    supplier["country"] = country
    doc = assessed_data(tmp_path, "apparel-retail", [supplier])
    entry = next(s for s in doc["suppliers"] if s["id"] == "S")
    assert (entry["country"], entry["region"]) == ("CHN", read)
    assert _forced(doc)["likelihood"] == 0.8
    [warning] = [w for w in doc["warnings"] if w["type"] == "country-region"]
    assert warning["location"]["column"] == "country"


@pytest.mark.parametrize(
    "country", ["Egypt, Arab Rep.", "Gambia, The", "Puerto Rico, USA", "Guinea, Equatorial"]
)
def test_a_world_bank_name_has_no_place(country: str) -> None:
    from ddtool.reference.countries import country_place

    assert country_place(country) is None


@pytest.mark.parametrize("header", ["Address", "Adresse", "Indirizzo", "Factory address"])
def test_an_address_column_is_read_as_the_region(tmp_path: Path, header: str) -> None:
    """An address column was the user's own, kept and not read: a packer in Aksu read as one
    anywhere in China, low on forced labour; the same words in a region column or in its
    name placed it in the XUAR."""
    from ddtool.assess import assess

    path = tmp_path / "chain.csv"
    path.write_text(
        f"id;name;country;{header};sector\n"
        "S;Aksu Packaging;China;No. 5 Jiefang Rd, Aksu, Xinjiang;warehousing\n"
        "Q;Qingdao Packaging;China;88 Xinjiang Road, Qingdao;warehousing\n",
        "utf-8",
    )
    doc = assess([path]).data
    regions = {s["id"]: s["region"] for s in doc["suppliers"]}
    assert regions == {"S": "No. 5 Jiefang Rd, Aksu, Xinjiang", "Q": "88 Xinjiang Road, Qingdao"}
    assert _forced(doc)["likelihood"] == 0.8
    [other] = [s for s in doc["suppliers"] if s["id"] == "Q"]
    assert other["risk"]["forced_labour"]["likelihood"] < 0.8


@pytest.mark.parametrize("country", ["Xinjiang", "Xinjiang, China", "Urumqi", "Aksu, Xinjiang"])
def test_a_place_of_the_region_for_a_country_says_how_to_write_it(country: str) -> None:
    """ "Xinjiang" alone got no "did you mean", and "Xinjiang, China" the country alone,
    which, followed, dropped the place that sets the floor."""
    from ddtool.sources.normalise import _country_value

    (iso3, _), [issue] = _country_value(country)
    assert iso3 is None and issue.type == "unknown-country"
    assert "write the country China, and the place in the region column" in issue.message
    assert issue.suggestion == "China (CHN)"


@pytest.mark.parametrize(
    ("country", "iso3"),
    [
        ("Korea (South)", "KOR"),
        ("Burma (Myanmar)", "MMR"),
        ("Timor - Leste", "TLS"),
        # turned round, as statistical lists write them, with a dash as with a comma
        ("Sudan - South", "SSD"),
        ("Guinea - Equatorial", "GNQ"),
        ("Samoa - American", "ASM"),
        # a code in brackets says what the country is, not where
        ("Germany (EU)", "DEU"),
        ("Taiwan (R.O.C.)", "TWN"),
    ],
)
def test_a_name_in_brackets_or_with_a_dash_names_no_place(country: str, iso3: str) -> None:
    from ddtool.reference.countries import country_place, normalise_country

    assert normalise_country(country).iso3 == iso3
    assert country_place(country) is None


def test_the_farms_near_a_ginnery_in_the_xuar_are_there_too(tmp_path: Path) -> None:
    """Seed cotton is ginned near the fields: the farms inferred beneath a ginnery in Aksu
    were placed in China at large, without the region's fact; they are in the XUAR now,
    apart from those beneath a ginnery in Shandong."""
    gins = [
        {**_supplier("CHN", "cotton-ginning", "Aksu, Xinjiang"), "id": "XJ"},
        {**_supplier("CHN", "cotton-ginning", "Shandong"), "id": "SD"},
    ]
    doc = assessed_data(tmp_path, "apparel-retail", gins)
    beneath = {
        s["id"]: s for s in doc["suppliers"] if s["inferred"] and "cotton-farming" in s["id"]
    }
    assert set(beneath) == {"inferred:cotton-farming@CHN", "inferred:cotton-farming@CHN-XUAR"}
    assert beneath["inferred:cotton-farming@CHN-XUAR"]["buyers"] == ["XJ"]
    assert beneath["inferred:cotton-farming@CHN"]["buyers"] == ["SD"]
    assert (
        "as its buyer XJ is (by its region 'Aksu, Xinjiang')"
        in (beneath["inferred:cotton-farming@CHN-XUAR"]["assumption"])
    )

    def region_facts(node_id: str) -> list[str]:
        [flag] = [
            f
            for f in doc["flags"]
            if f["supplier_id"] == node_id and f["risk_type"] == "forced_labour"
        ]
        facts = [doc["evidence"][e] for e in doc["bases"][flag["basis"]]["evidence"]]
        return [e["indicator"] for e in facts if e["indicator"].startswith("region:")]

    assert region_facts("inferred:cotton-farming@CHN-XUAR")
    assert not region_facts("inferred:cotton-farming@CHN")


@pytest.mark.parametrize(
    ("country", "suggested"),
    [
        ("Netherlands (Bonaire)", "Bonaire, Sint Eustatius and Saba (BES)"),
        ("Netherlands - Aruba", "Aruba (ABW)"),
        ("France (Réunion)", "Réunion (REU)"),
    ],
)
def test_a_territory_in_brackets_is_not_its_state(country: str, suggested: str) -> None:
    """ "Netherlands (Bonaire)" was scored as the Netherlands, not on Bonaire's own data."""
    from ddtool.reference.countries import normalise_country

    found = normalise_country(country)
    assert (found.iso3, found.suggestion) == (None, suggested)
