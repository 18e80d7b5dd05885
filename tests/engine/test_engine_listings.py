"""Every good × country row of the bundled US DOL list flags a one-supplier chain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from ddtool.assess import assess
from ddtool.document import flag_evidence, register
from ddtool.profiles import GoodListing, load_profiles

LISTINGS = load_profiles().goods
HIGH = {"high", "critical"}


def _one_supplier_chain(tmp_path: Path, listing: GoodListing, by: str) -> Path:
    supplier: dict[str, object] = {"id": "S1", "name": "Only supplier", "country": listing.iso3}
    if by == "products":
        supplier["products"] = [listing.good]
    else:
        supplier["sector"] = listing.sector
    path = tmp_path / f"{by}.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "Buyer", "country": "DEU"}, "suppliers": [supplier]}),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("by", ["products", "sector"])
@pytest.mark.parametrize("listing", LISTINGS, ids=[f"{g.good}-{g.iso3}" for g in LISTINGS])
def test_listing_flags_one_supplier_chain(tmp_path: Path, listing: GoodListing, by: str) -> None:
    doc = assess([_one_supplier_chain(tmp_path, listing, by)]).data
    flags = {f["risk_type"]: f for f in register(doc) if f["supplier_id"] == "S1"}
    if listing.downstream:
        # goods made with inputs from a listed origin: the inputs' risk types, shown as such
        assert listing.downstream_types
        for risk_type in listing.downstream_types:
            assert risk_type in flags, (listing.good, risk_type)
            assert any(
                "produced with inputs from" in str(e["value"])
                for e in flag_evidence(doc, flags[risk_type])
            )
        return
    assert listing.risk_types
    for risk_type in listing.risk_types:
        assert risk_type in flags, (listing.good, listing.iso3, risk_type)
        assert flags[risk_type]["level"] in HIGH
        assert any(
            listing.good in e["indicator"] and e["year"] == 2022
            for e in flag_evidence(doc, flags[risk_type])
        )


def test_every_bundled_listing_is_tested() -> None:
    assert len(LISTINGS) == 467


# The list names only the country a downstream good's inputs come from. What the source's
# own text says of them: palm fruit from Indonesia (child labour), polysilicon from China
# (forced labour), cobalt ore from the DR Congo (child labour).
DOWNSTREAM = [
    ("Crude Palm Oil", "Palm Fruit", ("child_labour",)),
    ("Crude Palm Kernel Oil", "Palm Fruit", ("child_labour",)),
    ("Refined Palm Oil", "Palm Fruit", ("child_labour",)),
    ("Refined Palm Kernel Oil", "Palm Fruit", ("child_labour",)),
    ("Oleochemicals", "Palm Fruit", ("child_labour",)),
    ("Solar Cells", "Polysilicon", ("forced_labour",)),
    ("Solar Modules", "Polysilicon", ("forced_labour",)),
    ("Photovoltaic Ingots", "Polysilicon", ("forced_labour",)),
    ("Photovoltaic Wafers", "Polysilicon", ("forced_labour",)),
    ("Lithium-Ion Batteries", "Cobalt ore (heterogenite)", ("child_labour",)),
]


def test_every_downstream_good_is_in_the_table() -> None:
    assert sorted(g.good for g in LISTINGS if g.downstream) == sorted(d[0] for d in DOWNSTREAM)


@pytest.mark.parametrize(("good", "input_good", "types"), DOWNSTREAM)
def test_downstream_listing_raises_its_inputs_risk_types(
    good: str, input_good: str, types: tuple[str, ...]
) -> None:
    listing = next(g for g in LISTINGS if g.good == good)
    assert input_good in listing.input_goods
    assert listing.downstream_types == types
    # (the list names the inputs' country alone: which inputs are meant is ddtool's reading,
    # said apart from what the list says)
    assert input_good not in listing.listed_as
    assert input_good in listing.inputs_read
    assert listing.inputs_read.startswith("ddtool's own reading, not the list's")


def test_a_2024_removal_named_shorter_than_the_list_is_applied() -> None:
    fluorspar = next(g for g in LISTINGS if g.good == "Fluorspar (mineral)")
    assert fluorspar.change_2024 and fluorspar.iso3 == "MNG"
    assert sum(1 for g in LISTINGS if g.change_2024) == 4


@pytest.mark.parametrize(
    ("iso3", "sector", "products", "goods"),
    [
        ("IND", "brick-making", [], {"Bricks"}),
        ("IND", "brick-making", ["sand"], {"Bricks"}),  # a product listed elsewhere only
        ("BGD", "garment-manufacturing", ["cotton"], {"Garments"}),
        ("CIV", "cocoa-farming", ["bananas"], {"Cocoa"}),
        ("CIV", "cocoa-farming", ["cocoa beans"], {"Cocoa"}),
        # variants of the same work keep the listing (squid on a fishing vessel, gloves)
        ("MYS", "rubber-products", ["gloves"], {"Rubber Gloves"}),
        ("IND", "brick-making", ["clay bricks"], {"Bricks"}),
        ("THA", "fishing-vessels", ["squid"], {"Fish"}),
        ("PRY", "cattle-ranching", ["beef"], {"Cattle"}),
        ("VNM", "garment-manufacturing", ["t-shirts", "textiles"], {"Garments", "Textiles"}),
        # a variant of a listed good named in a broad sector finds it
        ("COD", "artisanal-mining", ["tin"], {"Tin ore (cassiterite)"}),
        ("BOL", "artisanal-mining", ["cassiterite"], {"Tin"}),
        ("BGD", "general-manufacturing", ["furniture"], {"Furniture (steel)"}),
        ("PER", "artisanal-mining", [], {"Gold"}),
        ("PER", "artisanal-mining", ["tin"], set()),  # Peru's listing is for its gold
        ("COD", "artisanal-mining", ["Tin ore (cassiterite)"], {"Tin ore (cassiterite)"}),
        # a cotton farm's products do not take its sector's listings away: "cotton seed" is
        # also what a lint farm harvests (seed cotton), and China's Cotton listing stays
        ("IND", "cotton-farming", [], {"Cotton", "Cottonseed (hybrid)"}),
        ("CHN", "cotton-farming", ["cotton seed"], {"Cotton"}),
        # a good of a sector of one work at the broad sector's stage says the supplier does
        # that work: the broad sector's other goods are not its own (rubber gloves are
        # gloves, listed in China; beef is cattle ranching's, whose Paraguayan listing is of
        # Cattle, not of goats or hogs); before, China's fireworks and Paraguay's goats
        ("CHN", "general-manufacturing", ["rubber gloves"], {"Gloves"}),
        ("PRY", "livestock-farming", ["beef"], set()),
        # a good of another stage (tea) does not: it may be the material
        ("VNM", "general-manufacturing", ["tea"], {"Furniture"}),
        # products that name no listed good leave the broad sector's listings in place
        ("VNM", "general-manufacturing", ["widgets"], {"Furniture"}),
        ("VNM", "general-manufacturing", [], {"Furniture"}),
        # and so does one of them beside another sector's good: it may be what is made, the
        # other its material ("chairs" of "timber")
        ("VNM", "general-manufacturing", ["chairs", "timber"], {"Furniture"}),
        ("VNM", "general-manufacturing", ["chairs", "tea"], {"Furniture"}),
        # a good of a stage upstream is the material of the sector's own goods: canned
        # tomatoes are China's listed Tomato Products
        ("CHN", "food-manufacturing", ["canned tomatoes"], {"Tomato Products"}),
    ],
)
def test_products_of_another_sector_never_take_its_listings_away(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    profiles = load_profiles()
    assert sector in profiles.sectors, sector
    applies, _handled = profiles.listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods


def test_products_choose_among_a_broad_sectors_listings() -> None:
    """Crop farming in a country lists several goods: a farm's products say which apply."""
    profiles = load_profiles()
    places = [
        iso3
        for (sector, iso3), listings in profiles._listings_by_sector.items()
        if sector == "crop-farming" and len({x.good for x in listings}) > 1
    ]
    assert places
    for iso3 in places:
        everything, _ = profiles.listings_for(iso3, "crop-farming", [])
        assert len({x.good for x in everything}) > 1
        good = everything[0].good
        chosen, _ = profiles.listings_for(iso3, "crop-farming", [good])
        assert {x.good for x in chosen} == {good}


@pytest.mark.parametrize(
    ("commodity", "sector", "goods"),
    [
        ("tin", "artisanal-mining", ["Tin", "Tin ore (cassiterite)"]),
        ("cotton (lint)", "cotton-farming", ["Cotton"]),
        ("cobalt", "artisanal-mining", ["Cobalt ore (heterogenite)"]),
        ("lithium", "industrial-mining", []),  # not Lithium-Ion Batteries
        ("cocoa beans", "cocoa-farming", ["Cocoa"]),
    ],
)
def test_a_commodity_is_every_good_of_its_sector_it_names(
    commodity: str, sector: str, goods: list[str]
) -> None:
    assert load_profiles().commodity_goods(commodity, sector) == goods


@pytest.mark.parametrize("iso3", ["BLR", "NLD", "MUS", "KOR"])
def test_a_country_new_on_the_2024_list_is_shown_not_scored(iso3: str) -> None:
    import datetime as dt

    from ddtool.config import Config
    from ddtool.model import Supplier
    from ddtool.scoring import Scorer

    supplier = Supplier(id="S", country=iso3, sector="garment-manufacturing")
    scorer = Scorer(load_profiles(), Config(), dt.date(2026, 1, 1))
    risk = scorer.score(supplier, "garment-manufacturing")
    # (on trafficking too: the 2024 list does not say for which risk type, and a listing of
    # forced child labour stands for trafficking)
    for risk_type in ("child_labour", "forced_labour", "human_trafficking"):
        shown = [e for e in risk.by_type[risk_type].evidence if "2024" in e.indicator]
        assert len(shown) == 1 and "newly listed" in shown[0].indicator
        assert shown[0].year == 2024
    assert risk.listings == []  # nothing scored from it


@pytest.mark.parametrize(
    ("risk_type", "note"),
    [
        ("child_labour", "removed in the 2024 edition: 'child labor"),
        ("forced_labour", "a removal in the 2024 edition is reported for child labour"),
        ("human_trafficking", "a removal in the 2024 edition is reported for child labour"),
    ],
)
def test_a_child_labour_removal_is_not_shown_as_another_risk_types(
    tmp_path: Path, risk_type: str, note: str
) -> None:
    """Thai shrimp: the reason the source quotes for the 2024 removal is child labour's."""
    chain = tmp_path / "c.yaml"
    chain.write_text(
        yaml.safe_dump(
            {
                "company": {"name": "X", "country": "DEU"},
                "suppliers": [{"id": "F1", "name": "f", "country": "THA", "sector": "aquaculture"}],
            }
        ),
        "utf-8",
    )
    doc = assess([chain]).data
    [flag] = [f for f in register(doc) if f["supplier_id"] == "F1" and f["risk_type"] == risk_type]
    [shrimp] = [e for e in flag_evidence(doc, flag) if "Shrimp (Thailand)" in e["indicator"]]
    assert shrimp["note"].startswith(note)


def test_the_listing_entry_says_what_the_removal_is_reported_for(tmp_path: Path) -> None:
    """The JSON's listing of Thai shrimp agrees with its evidence: the removal the source
    reports is child labour's, and of forced labour and trafficking it says nothing. Before,
    `removed_2024` gave the removal bare beside all three risk types; a removal of a listing
    for child labour alone (Argentinian blueberries) stays as the source gives it."""
    chain = tmp_path / "c.yaml"
    chain.write_text(
        yaml.safe_dump(
            {
                "company": {"name": "X", "country": "DEU"},
                "suppliers": [
                    {"id": "F1", "name": "f", "country": "THA", "sector": "aquaculture"},
                    {"id": "B1", "name": "b", "country": "ARG", "products": ["blueberries"]},
                ],
            }
        ),
        "utf-8",
    )
    doc = assess([chain]).data
    listings = {s["id"]: s["listings"] for s in doc["suppliers"]}
    [shrimp] = listings["F1"]
    assert shrimp["risk_types"] == ["child_labour", "forced_labour", "human_trafficking"]
    assert shrimp["removed_2024"] == (
        "removed: 'child labor in these sectors and countries has been reduced to no more than"
        " isolated incidents' (quoted by source); reported for child labour only: the source"
        " says nothing of forced labour and human trafficking (still scored)"
    )
    [blueberries] = listings["B1"]
    assert blueberries["risk_types"] == ["child_labour"]
    assert blueberries["removed_2024"] == (
        "removed: 'child labor in these sectors and countries has been reduced to no more than"
        " isolated incidents' (quoted by source)"
    )
    shrimp_listing = next(g for g in LISTINGS if g.good == "Shrimp" and g.iso3 == "THA")
    assert shrimp_listing.removed_for == ("child_labour",)


@pytest.mark.parametrize(
    ("products", "shown"),
    [
        (["squid"], {"Squid"}),
        (["frozen squid rings"], {"Squid"}),
        (["nickel"], {"Nickel"}),
        (["lead-free solder"], set()),  # free of it, not made of it
        (["tuna"], set()),
    ],
)
def test_a_good_new_on_the_2024_list_is_shown_not_scored(
    tmp_path: Path, products: list[str], shown: set[str]
) -> None:
    """The 2024 list's new goods come without their countries: the evidence says to check."""
    chain = tmp_path / "c.yaml"
    supplier = {"id": "S1", "name": "s", "country": "CHN", "sector": "fishing-vessels"}
    chain.write_text(
        yaml.safe_dump(
            {"company": {"name": "X"}, "suppliers": [{**supplier, "products": products}]}
        ),
        "utf-8",
    )
    doc = assess([chain]).data
    facts = {
        e["indicator"].removeprefix("US DOL List of Goods 2024: ").removesuffix(" newly listed")
        for e in doc["evidence"].values()
        if e["indicator"].endswith("newly listed")
    }
    assert facts == shown


def test_a_floor_set_by_one_of_several_listings_names_the_others(tmp_path: Path) -> None:
    """An artisanal miner in the DRC whose products name no listed good: the reason gives
    the listing that set the floor and the others of its sector there, not one alone."""
    chain = tmp_path / "c.yaml"
    chain.write_text(
        yaml.safe_dump(
            {
                "company": {"name": "X"},
                "suppliers": [
                    {"id": "A1", "name": "a", "country": "COD", "sector": "artisanal-mining"}
                ],
            }
        ),
        "utf-8",
    )
    doc = assess([chain]).data
    [flag] = [f for f in register(doc) if f["risk_type"] == "child_labour"]
    assert flag["reason"].startswith("Gold from Congo (Democratic Republic) is on the US DOL")
    assert "also listed here: Cobalt ore (heterogenite)" in flag["reason"]


@pytest.mark.parametrize(
    ("sector", "commodity", "iso3", "goods"),
    [
        ("cotton-farming", "cotton (lint)", "IND", {"Cotton"}),  # not Cottonseed (hybrid)
        ("industrial-mining", "tungsten", "PRK", set()),  # not North Korea's iron
        ("industrial-mining", "lithium", "PRK", set()),  # no good named: no listing
        ("artisanal-mining", "tungsten", "COD", {"Tungsten ore (wolframite)"}),
        ("fishing-vessels", "fish & seafood - capture fisheries", "HND", {"Lobsters"}),
    ],
)
def test_an_origin_takes_the_listings_of_its_commodity_only(
    sector: str, commodity: str, iso3: str, goods: set[str]
) -> None:
    from ddtool.config import Config
    from ddtool.graph import SupplyGraph
    from ddtool.propagation import Inference
    from ddtool.scoring import Scorer

    profiles, config = load_profiles(), Config()
    scorer = Scorer(profiles, config, dt.date(2026, 1, 1))
    graph = SupplyGraph(succ={}, pred={}, nodes={}, company_id="company", suppliers={})
    inference = Inference(graph, profiles, scorer, config)
    risk = inference._origin_risk(sector, iso3, commodity)
    assert {listing.good for listing in risk.listings} == goods


@pytest.mark.parametrize(
    ("iso3", "sector", "products", "goods"),
    [
        # a cotton farm that names its lint grows no hybrid seed for sowing
        ("IND", "cotton-farming", ["cotton"], {"Cotton"}),
        ("IND", "cotton-farming", ["seed cotton"], {"Cotton"}),
        ("IND", "cotton-farming", ["hybrid cottonseed"], {"Cotton", "Cottonseed (hybrid)"}),
        ("IND", "cotton-farming", ["cotton", "cottonseed"], {"Cotton", "Cottonseed (hybrid)"}),
        ("IND", "cotton-farming", ["bales"], {"Cotton", "Cottonseed (hybrid)"}),  # no good named
        # an industrial mine that names what it mines takes that good's listings only
        ("PRK", "industrial-mining", [], {"Iron"}),
        ("PRK", "industrial-mining", ["ore"], {"Iron"}),  # no commodity named
        ("PRK", "industrial-mining", ["tungsten"], set()),
        ("PRK", "industrial-mining", ["Tungsten concentrate"], set()),  # by the words
        ("PRK", "industrial-mining", ["wolfram"], set()),  # by the listed good
        ("PRK", "industrial-mining", ["lithium"], set()),
        ("PRK", "industrial-mining", ["iron ore"], {"Iron"}),
        ("PRK", "industrial-mining", ["tungsten", "iron ore"], {"Iron"}),
    ],
)
def test_a_mapped_supplier_takes_the_listings_its_products_name(
    iso3: str, sector: str, products: list[str], goods: set[str]
) -> None:
    applies, _handled = load_profiles().listings_for(iso3, sector, products)
    assert {listing.good for listing in applies} == goods
    countries = load_profiles().listed_countries(sector, products)
    assert (iso3 in countries) == bool(goods)


def test_a_mapped_supplier_naming_a_commodity_is_listed_as_its_inferred_origin() -> None:
    """Every sector's commodities in every listed country: a supplier that names the
    commodity takes the listings an inferred origin of it takes."""
    profiles = load_profiles()
    countries = sorted({listing.iso3 for listing in profiles.goods})
    checked = 0
    for sector in profiles.sectors.values():
        for commodity in sector.commodities:
            for iso3 in countries:
                origin = profiles.commodity_listings(iso3, sector.id, commodity)
                mapped, _ = profiles.listings_for(iso3, sector.id, [commodity])
                assert sorted(x.good for x in mapped) == sorted(x.good for x in origin), (
                    sector.id,
                    commodity,
                    iso3,
                )
                checked += bool(origin)
    assert checked > 100


def test_an_inferred_flag_shows_what_its_worst_origin_is_scored_from() -> None:
    """North Korea's tungsten: only the modern slavery figure (15 % of the child labour
    weights); the flag says so, and its evidence holds the figures the score comes from."""
    root = Path(__file__).resolve().parents[2]
    doc = assess([root / "sample_chains" / "electronics_minerals.yaml"]).data
    node = "inferred:artisanal-mining:tungsten@VNM"
    flag = next(
        f for f in register(doc) if f["supplier_id"] == node and f["risk_type"] == "child_labour"
    )
    assert "North Korea: little country data (15%)" in flag["reason"]
    shown = {e["indicator"]: e["value"] for e in flag_evidence(doc, flag)}
    assert shown["gsi2023_prevalence_per_1000 (PRK)"] == 104.6
    assert shown["country indicators (PRK): coverage"] == "15% of the indicator weights"
    assert shown["sector inherent likelihood (artisanal-mining), ddtool rating"] == 0.9
    # likelihood = 0.5 × 0.9 (sector) + 0.5 × 1.0 (104.6 per 1,000 / 15, capped)
    assert (flag["likelihood"], flag["level"]) == (0.95, "critical")
