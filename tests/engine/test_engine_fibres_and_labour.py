"""A fashion brand's fibres and garments as its team writes them, a construction group's
labour contractors and recruiters, and a solar buyer's polysilicon: cotton farms beneath
wholly synthetic or recycled fibre, garments named for whom they are, a misspelt sector of
the very goods named, materials inferred beneath a supplier of workers, a recruiter's flags
and what the origin shares are of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, inferred_beneath, named_supplier

from ddtool.model import audit_outcome
from ddtool.profiles import load_profiles


def _entry(doc: dict[str, Any], sid: str) -> dict[str, Any]:
    return next(s for s in doc["suppliers"] if s["id"] == sid)


# (sector, products, whether cotton farms are inferred beneath it)
FIBRES = [
    pytest.param("yarn-spinning", ["rPET filament yarn"], False, id="rPET"),
    pytest.param("yarn-spinning", ["100% polyester yarn"], False, id="100% polyester"),
    pytest.param("yarn-spinning", ["100% recycled polyester yarn"], False, id="100% recycled"),
    pytest.param("garment-manufacturing", ["100% viscose rayon blouses"], False, id="100% viscose"),
    pytest.param("garment-manufacturing", ["100% nylon leggings"], False, id="100% nylon"),
    # a blend, or a fibre not said to be the whole, may hold cotton: as before
    pytest.param("garment-manufacturing", ["polyester t-shirts"], True, id="polyester"),
    pytest.param("yarn-spinning", ["65% polyester 35% cotton yarn"], True, id="a blend"),
    pytest.param("yarn-spinning", ["30% recycled polyester yarn"], True, id="30% recycled"),
]


@pytest.mark.parametrize(("sector", "products", "cotton"), FIBRES)
def test_no_cotton_beneath_wholly_synthetic_or_recycled_fibre(
    tmp_path: Path, sector: str, products: list[str], cotton: bool
) -> None:
    """Before, cotton farms (critical) were inferred beneath 'rPET filament yarn', '100%
    polyester yarn' and '100% viscose rayon blouses'."""
    doc = assessed_data(tmp_path, "apparel-retail", [named_supplier("S", "CHN", sector, products)])
    farms = [
        s["id"]
        for s in doc["suppliers"]
        if s["inferred"] and s["sector"] == "cotton-farming" and "S" in s["path"]
    ]
    assert bool(farms) is cotton


# (sector written, products, country, the sector scored)
GARMENTS = [
    pytest.param(None, ["kids t-shirts"], "IND", "garment-manufacturing", id="kids t-shirts"),
    pytest.param(None, ["men's t-shirts"], "IND", "garment-manufacturing", id="men's"),
    pytest.param(None, ["ladies blouses"], "BGD", "garment-manufacturing", id="ladies blouses"),
    pytest.param(None, ["Ne 30/1 combed yarn"], "IND", "yarn-spinning", id="a yarn count"),
    pytest.param(
        "garmnet manufacturing", ["t-shirts"], "MMR", "garment-manufacturing", id="misspelt"
    ),
    # a retailer's country lists no garments: no factory there is taken from its products
    pytest.param(None, ["kids t-shirts"], "DEU", None, id="in Germany: none"),
]


@pytest.mark.parametrize(("sector", "products", "country", "scored"), GARMENTS)
def test_garments_named_for_whom_they_are_give_their_sector(
    tmp_path: Path, sector: str | None, products: list[str], country: str, scored: str | None
) -> None:
    """Before, 'kids t-shirts' from India named no sector (child labour low), and a misspelt
    'garmnet manufacturing' of 't-shirts' from Myanmar was low where a blank sector was high."""
    doc = assessed_data(
        tmp_path, "apparel-retail", [named_supplier("S", country, sector, products)]
    )
    entry = _entry(doc, "S")
    assert entry["sector"] == scored
    if scored is not None:
        assert any("taken from products" in gap for gap in entry["data_gaps"])


@pytest.mark.parametrize(
    "sector",
    ["construction manpower supply", "labour supply contractor - construction"],
)
def test_no_materials_beneath_a_supplier_of_workers(tmp_path: Path, sector: str) -> None:
    """Before, brick kilns, quarries and forests were inferred beneath a Qatari manpower
    supplier read as construction."""
    workers = named_supplier("W", "QAT", sector, [])
    builder = named_supplier("B", "QAT", "construction", [])
    doc = assessed_data(tmp_path, "construction", [workers, builder])
    assert _entry(doc, "W")["sector"] == "construction"  # (scored as the work, as before)
    assert not inferred_beneath(doc, "W")
    assert inferred_beneath(doc, "B")  # (a builder buys its materials)


def test_a_recruiters_flags_ask_for_no_sector(tmp_path: Path) -> None:
    """A recruitment agency's flags began with "Ask the supplier what it does (growing,
    processing, manufacturing…)", their reason saying to give its sector or goods."""
    doc = assessed_data(
        tmp_path, "construction", [named_supplier("R", "NPL", "recruitment agency", [])]
    )
    entry = _entry(doc, "R")
    assert entry["data_gaps"] == ["sector not matched (a labour recruiter: none of its own)"]
    flags = [f for f in doc["flags"] if f["supplier_id"] == "R"]
    assert flags
    for flag in flags:
        basis = doc["bases"][flag["basis"]]
        assert "gap-sector-products" not in basis["remediation"]
        assert basis["reason"].startswith("labour recruiter (no sector of its own")
        assert "give its sector" not in basis["reason"]
    measures = {m for f in flags for m in doc["bases"][f["basis"]]["remediation"]}
    assert {"fl-employer-pays", "ht-labour-agent-vetting"} <= measures


def test_polysilicon_shares_are_of_manufacturing_capacity(tmp_path: Path) -> None:
    """The source gives China's share of world polysilicon manufacturing capacity: it was
    shown as a share of world production."""
    maker = named_supplier("M", "MYS", "solar-module-manufacturing", [])
    doc = assessed_data(tmp_path, "construction", [maker])
    node = next(s for s in doc["suppliers"] if s["sector"] == "polysilicon-production")
    assert node["assumption"].startswith(
        "origin mix of world polysilicon (solar-grade) manufacturing capacity"
    )
    (tmp_path / "c").mkdir()
    cocoa = assessed_data(
        tmp_path / "c", "retail", [named_supplier("C", "DEU", "cocoa-processing", [])]
    )
    farms = next(s for s in cocoa["suppliers"] if s["sector"] == "cocoa-farming")
    assert "capacity" not in farms["assumption"] and "production" in farms["assumption"]


@pytest.mark.parametrize(
    ("result", "outcome"),
    [
        ("major non-conformities", "failed"),
        ("major NC - passport retention", "failed"),
        ("2 major NCs", "failed"),
        ("Critical finding: forced overtime", "failed"),
        ("minor non-conformities", None),
        ("major", None),
        ("pass", "passed"),
    ],
)
def test_a_major_or_critical_finding_is_a_failed_audit(result: str, outcome: str | None) -> None:
    assert audit_outcome(result) == outcome


@pytest.mark.parametrize("name", ["RSPO SCCS", "RSPO MB", "RSPO SG"])
def test_rspo_supply_chain_certification_is_no_labour_certificate(
    tmp_path: Path, name: str
) -> None:
    trader = named_supplier("T", "SGP", "wholesale-trade", ["CPO"]) | {"certifications": [name]}
    doc = assessed_data(tmp_path, "food-manufacturing", [trader])
    assert [c for c in _entry(doc, "T")["certifications"] if "not a labour" in c]


@pytest.mark.parametrize(
    "written",
    [
        "labour recruiter",
        "Zeitarbeit",
        "Personaldienstleister",
        "Arbeitnehmerüberlassung",
        "uitzendbureau",
        "agence d'intérim",
        "empresa de trabajo temporal",
        "temp agency",
        # the crewing trade's words for the agents that place fishing crews
        "manning agency",
        "crew manning agency",
        "crewing agency",
        "Crewing",
        "labour agent",
    ],
)
def test_a_recruiter_in_the_trades_words_and_languages(written: str) -> None:
    from ddtool.profiles import names_a_recruiter

    assert names_a_recruiter(written)
    assert load_profiles().match_sector(written).id is None


@pytest.mark.parametrize("written", ["Manning", "Manning Ltd", "crew", "fishing crew"])
def test_a_name_or_a_crew_is_no_recruiter(written: str) -> None:
    from ddtool.profiles import names_a_recruiter

    assert not names_a_recruiter(written)


def test_a_recruiters_gap_is_its_own_whatever_the_row_order(tmp_path: Path) -> None:
    """Suppliers sharing a score shared the gap of the first: a packaging firm after a temp
    agency was 'a labour recruiter', and an agency after the packaging firm was not."""
    rows = [
        named_supplier("A", "DEU", "temp agency", []),
        named_supplier("P", "DEU", "Verpackung", []),
    ]
    for order in (rows, rows[::-1]):
        doc = assessed_data(tmp_path, "food-manufacturing", order)
        assert _entry(doc, "A")["data_gaps"] == [
            "sector not matched (a labour recruiter: none of its own)"
        ]
        assert _entry(doc, "P")["data_gaps"] == ["sector not matched"]


def test_the_profiles_read_the_recruiters_words() -> None:
    from ddtool.profiles import names_a_recruiter

    assert names_a_recruiter("construction manpower supply")
    assert names_a_recruiter("Labour supply contractor")
    assert not names_a_recruiter("construction")
    assert load_profiles().match_sector("recruitment agency").id is None


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("Bonsucro (válido até 31/08/2099)", "certification 'Bonsucro' valid until 2099-08-31"),
        ("Bonsucro vencido em 31/08/2024", "certification 'Bonsucro' expired 2024-08-31"),
        ("Fairtrade (validade: 2099-01-31)", "certification 'Fairtrade' valid until 2099-01-31"),
    ],
)
def test_a_certificates_expiry_in_portuguese(tmp_path: Path, written: str, said: str) -> None:
    mill = named_supplier("M", "BRA", "sugar-milling", []) | {"certifications": [written]}
    doc = assessed_data(tmp_path, "food-manufacturing", [mill])
    assert _entry(doc, "M")["certifications"] == [said]


@pytest.mark.parametrize(
    ("sector", "credited"),
    [("garment-manufacturing", False), ("yarn-spinning", False), ("cotton-farming", True)],
)
def test_better_cotton_is_credited_at_farms_alone(
    tmp_path: Path, sector: str, credited: bool
) -> None:
    """A Bangladeshi garment factory's "BCI" was credited −0.05 on every risk type."""
    site = named_supplier("S", "BGD", sector, []) | {"certifications": ["BCI"]}
    plain = named_supplier("P", "BGD", sector, [])
    doc = assessed_data(tmp_path, "apparel-retail", [site, plain])
    held, bare = _entry(doc, "S"), _entry(doc, "P")
    lower = (
        held["risk"]["forced_labour"]["likelihood"] < bare["risk"]["forced_labour"]["likelihood"]
    )
    assert lower is credited
    said = held["certifications"][0]
    assert ("licenses cotton farms, not this site" in said) is not credited


@pytest.mark.parametrize(
    ("sector", "near"),
    [
        ("sugar mill", True),  # (an integrated mill refines the cane it crushes)
        ("usina de açúcar", True),
        ("sugar refinery", False),  # (its raw sugar is shipped in: the origin mix)
        ("sugar-milling", False),  # (the id covers refining: the products decide, as before)
    ],
)
def test_a_mill_selling_refined_sugar_refines_its_own_cane(
    tmp_path: Path, sector: str, near: bool
) -> None:
    """A Thai "sugar mill" of "refined sugar ICUMSA 45" was taken for an import refinery:
    its cane at the world's mix, Myanmar's worst case the company's headline exposure."""
    mill = named_supplier("M", "THA", sector, ["refined sugar ICUMSA 45"])
    doc = assessed_data(tmp_path, "food-manufacturing", [mill])
    farms = set(inferred_beneath(doc, "M"))
    assert farms == (
        {"inferred:sugarcane-farming@THA"} if near else {"inferred:sugarcane-farming:sugarcane@THA"}
    )


@pytest.mark.parametrize(
    ("name", "said"),
    [
        # a scheme of another kind, not listed: said so, as its audit is
        ("MSC", "not a labour certification (environmental): no credit"),
        ("ISO 14001", "not a labour certification (environmental): no credit"),
        ("BRCGS Food", "not a labour certification (food safety): no credit"),
        # one that may hold social criteria is left to the settings' list
        ("Naturland", "not among the settings' recognised certifications"),
        ("Bio Suisse organic", "not among the settings' recognised certifications"),
        # GOTS by its full name is GOTS
        ("Global Organic Textile Standard", "valid (no expiry date given: taken as current)"),
    ],
)
def test_a_certification_of_another_kind_says_so(tmp_path: Path, name: str, said: str) -> None:
    """'MSC' read "not among the settings' recognised certifications", inviting a buyer to
    credit an environmental label for labour, while its audit read "not a labour audit
    (environmental)"."""
    plant = named_supplier("P", "THA", "seafood-processing", []) | {"certifications": [name]}
    doc = assessed_data(tmp_path, "seafood-trade", [plant])
    [text] = _entry(doc, "P")["certifications"]
    assert text.startswith(f"certification '{name}'") and said in text
