"""Commission work (methodology §7): a supplier in its buyer's own stage, or whose input is
its buyer's own product, gets its material from that buyer, so nothing is inferred beneath
it. A buyer abroad is taken to send it material where that buyer maps the material's
sources, or in a stage usually subcontracted abroad (cut-make-trim); and only where its
products say it works the buyer's good."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chain_support import assessed_data, chain_file, inferred_beneath, supplier_entry

from ddtool.assess import Assessment, assess


def _entry(doc: dict[str, Any], supplier_id: str) -> dict[str, Any]:
    return next(s for s in doc["suppliers"] if s["id"] == supplier_id)


def _shed_under(tmp_path: Path, farm: bool, name: str = "VN") -> Assessment:
    """A Thai peeling shed selling to a shrimp processor in Viet Nam (named `name`), which
    has its own farm mapped or none."""
    suppliers = [supplier_entry("VN", "seafood-processing", ["frozen shrimp"], [], "VNM")]
    suppliers[0]["name"] = name
    if farm:
        suppliers.append(supplier_entry("FARM", "aquaculture", ["shrimp"], ["VN"], "VNM"))
    suppliers.append(supplier_entry("SHED", "seafood-processing", ["shrimp"], ["VN"], "THA"))
    company = {"name": "X", "country": "DEU", "sector": "seafood-trading"}
    return assess([chain_file(tmp_path, suppliers, company)])


def test_a_peeling_shed_abroad_whose_processor_maps_no_farms_gets_its_own(
    tmp_path: Path,
) -> None:
    """Nothing says its buyer sends it shrimp: it peels shrimp bought in Thailand, the farms
    beneath it lean to Thailand, where shrimp is listed, and its exposure carries that."""
    doc = _shed_under(tmp_path, farm=False).data
    beneath = inferred_beneath(doc, "SHED")
    assert list(beneath) == ["inferred:aquaculture:shrimp-farmed@THA"]
    shed = _entry(doc, "SHED")
    assert shed["exposure"]["forced_labour"]["from"] == "inferred:aquaculture:shrimp-farmed@THA"
    assert shed["exposure"]["forced_labour"]["level"] == "critical"
    assert "tiers below not mapped (inferred)" in shed["data_gaps"]


# the processor's name -> how the shed's fact names it
BUYER_SHOWN = {
    "VN Processor": "VN Processor (VN)",
    "VN": "VN",  # (a name that is its id: once)
}


@pytest.mark.parametrize(("name", "shown"), BUYER_SHOWN.items(), ids=list(BUYER_SHOWN))
def test_a_peeling_shed_abroad_whose_processor_maps_its_farms_is_commission_work(
    tmp_path: Path, name: str, shown: str
) -> None:
    """The processor maps where its shrimp comes from: the shed is taken to peel that, and
    its fact of the Thai listing says the listing is not in its exposure, rather than
    pointing to it, naming the buyer by its name and id, no brackets within brackets."""
    a = _shed_under(tmp_path, farm=True, name=name)
    assert not inferred_beneath(a.data, "SHED")
    facts = [
        fact.value
        for fact in a.risks["SHED"].by_type["forced_labour"].evidence
        if fact.indicator.startswith("handles a listed good")
    ]
    assert len(facts) == 1
    assert "see exposure" not in facts[0]
    assert "not in its exposure" in facts[0]
    assert facts[0].endswith(
        ", at the production stage, not in its exposure: it is taken to work material its"
        f" buyer {shown} sends it (commission work); the buyer's sources carry the listing"
        " only where they are in Thailand, and any source of its own in Thailand is not"
        " mapped"
    )


@pytest.mark.parametrize(
    ("suppliers", "worker"),
    [
        pytest.param(
            [
                supplier_entry("G", "garment-manufacturing", ["cotton shirts"], [], "HKG"),
                supplier_entry("F", "fabric-manufacturing", ["cotton fabric"], ["G"], "HKG"),
                supplier_entry("CMT", "garment-manufacturing", ["cotton shirts"], ["G"], "CHN"),
            ],
            "CMT",
            id="fabric mapped beneath the garment maker, its CMT workshop abroad",
        ),
        pytest.param(
            [
                supplier_entry("G", "garment-manufacturing", ["shirts"], [], "CHN"),
                supplier_entry("CMT", "garment-manufacturing", ["shirts"], ["G"], "BGD"),
            ],
            "CMT",
            id="outward processing: a CMT unit abroad, nothing mapped beneath its buyer",
        ),
        pytest.param(
            [
                supplier_entry("EXP", "cocoa-processing", ["cocoa butter"], [], "CIV"),
                supplier_entry("COOP", "cocoa-trading", ["cocoa beans"], ["EXP"], "CIV"),
                supplier_entry("FARM", "cocoa-farming", ["cocoa beans"], ["COOP"], "CIV"),
                supplier_entry("GRIND", "cocoa-processing", ["cocoa butter"], ["EXP"], "NLD"),
            ],
            "GRIND",
            id="a toll grinder abroad, its buyer's cooperative and farms mapped",
        ),
        pytest.param(
            [
                supplier_entry("CAN", "seafood-processing", ["canned tuna"], [], "THA"),
                supplier_entry("VES", "fishing-vessels", ["tuna"], ["CAN"], "THA"),
                supplier_entry("LOIN", "seafood-processing", ["tuna loins"], ["CAN"], "VNM"),
            ],
            "LOIN",
            id="a loining plant abroad, its cannery's vessels mapped",
        ),
    ],
)
def test_a_subcontractor_abroad_is_commission_work_where_its_buyer_sends_material(
    tmp_path: Path, suppliers: list[dict[str, Any]], worker: str
) -> None:
    """Across a border, a buyer that maps the sources of the material, or a garment maker
    with a cut-make-trim unit, sends the material: nothing is inferred beneath the worker,
    and its buyer's chain is not counted twice."""
    doc = assessed_data(tmp_path, "seafood-trading", suppliers)
    assert not inferred_beneath(doc, worker)
    assert "tiers below not mapped (inferred)" not in _entry(doc, worker)["data_gaps"]


def test_a_peeling_shed_in_its_processors_country_is_commission_work(tmp_path: Path) -> None:
    """The documented rule stands in one country: the shed peels its processor's shrimp,
    whose farms are mapped or inferred beneath the processor."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("PROC", "seafood-processing", ["frozen shrimp"], [], "THA"),
            supplier_entry("SHED", "seafood-processing", ["shrimp"], ["PROC"], "THA"),
        ],
    )
    assert not inferred_beneath(doc, "SHED")
    assert "inferred:aquaculture:shrimp-farmed@THA" in inferred_beneath(doc, "PROC")


def test_a_subcontractor_of_unknown_country_is_commission_work(tmp_path: Path) -> None:
    """Where a country is not known, the subcontractor is not known to be abroad."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("PROC", "seafood-processing", ["frozen shrimp"], [], "THA"),
            {"id": "SHED", "name": "SHED", "sector": "seafood-processing", "buyers": ["PROC"]},
        ],
    )
    assert not inferred_beneath(doc, "SHED")


def test_a_fishmeal_plant_selling_to_a_shrimp_farm_gets_its_vessels(tmp_path: Path) -> None:
    """Fishmeal is made from wild catch: the farm it sells to is its customer, not the
    source of its fish, so the vessels are inferred beneath it, with its data gap."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("FARM", "aquaculture", ["shrimp"], [], "THA"),
            supplier_entry("MEAL", "seafood-processing", ["fishmeal"], ["FARM"], "THA"),
        ],
    )
    beneath = inferred_beneath(doc, "MEAL")
    # (landed near the plant: Thailand's vessels, not the world's mix leaning to them)
    assert list(beneath) == ["inferred:fishing-vessels@THA"]
    meal = _entry(doc, "MEAL")
    assert "tiers below not mapped (inferred)" in meal["data_gaps"]
    assert meal["exposure"]["forced_labour"]["from"] in beneath


def test_a_processor_of_the_farms_own_good_is_commission_work(tmp_path: Path) -> None:
    """A processor whose products are its buyer's good (a farm's shrimp packed for it), or
    that names nothing, works what the farm sends it: nothing is inferred beneath it."""
    for products in (["frozen shrimp"], []):
        doc = assessed_data(
            tmp_path,
            "seafood-trading",
            [
                supplier_entry("FARM", "aquaculture", ["shrimp"], [], "THA"),
                supplier_entry("PACK", "seafood-processing", products, ["FARM"], "THA"),
            ],
        )
        assert not inferred_beneath(doc, "PACK"), products


@pytest.mark.parametrize(
    ("farmed", "processed"),
    [
        (["fish"], ["tilapia fillets"]),
        (["fish"], ["fish fillets"]),
        (["fish"], ["frozen fish fillets"]),
        (["tilapia"], ["tilapia fillets"]),
        ([], ["shrimp"]),
    ],
)
def test_a_processor_of_a_good_its_farm_produces_is_commission_work(
    tmp_path: Path, farmed: list[str], processed: list[str]
) -> None:
    """A processor naming a good its farm produces (by the farm's products, or its sector's
    goods where they name none) fillets or packs the farm's own harvest, though the list
    holds fish under the vessels: no wild catch is inferred beneath it."""
    doc = assessed_data(
        tmp_path,
        "retail-general",
        [
            supplier_entry("FARM", "aquaculture", farmed, [], "VNM"),
            supplier_entry("PROC", "seafood-processing", processed, ["FARM"], "VNM"),
        ],
    )
    assert not inferred_beneath(doc, "PROC")
    assert "tiers below not mapped (inferred)" not in _entry(doc, "PROC")["data_gaps"]


@pytest.mark.parametrize("farmed", [["shrimp"], ["tilapia"], []])
def test_a_fishmeal_plant_gets_its_vessels_under_any_farm_not_of_wild_fish(
    tmp_path: Path, farmed: list[str]
) -> None:
    """Under a farm that does not produce fish as the list names it (shrimp, tilapia, a
    farm naming nothing, read as its sector's shrimp), fishmeal is wild catch."""
    doc = assessed_data(
        tmp_path,
        "seafood-trading",
        [
            supplier_entry("FARM", "aquaculture", farmed, [], "THA"),
            supplier_entry("MEAL", "seafood-processing", ["fishmeal"], ["FARM"], "THA"),
        ],
    )
    assert list(inferred_beneath(doc, "MEAL")) == ["inferred:fishing-vessels@THA"]


@pytest.mark.parametrize(
    ("vessels", "beneath", "child_labour"),
    [
        pytest.param(True, [], "medium", id="the cannery maps its Thai tuna vessels"),
        pytest.param(
            False,
            ["inferred:fishing-vessels:fish-seafood-capture-fisheries@VNM"],
            "critical",
            id="the cannery maps none",
        ),
    ],
)
def test_a_tuna_loin_plant_abroad_under_a_cannery(
    tmp_path: Path, vessels: bool, beneath: list[str], child_labour: str
) -> None:
    """A Vietnamese loin plant under a Thai cannery that maps its tuna vessels works the
    cannery's tuna: no Vietnamese vessels are inferred, and the company's child-labour
    exposure is the mapped vessel's. Where the cannery maps none, the plant's tuna is
    caught for it: the vessels of Fish (tuna is one of its names; the data hold no
    commodity of tuna alone), leaning to Viet Nam."""
    suppliers = [supplier_entry("CAN", "seafood-processing", ["canned tuna"], [], "THA")]
    if vessels:
        suppliers.append(supplier_entry("VES", "fishing-vessels", ["tuna"], ["CAN"], "THA"))
    suppliers.append(
        supplier_entry("LOIN", "seafood-processing", ["precooked tuna loins"], ["CAN"], "VNM")
    )
    doc = assessed_data(tmp_path, "seafood-trade", suppliers)
    assert list(inferred_beneath(doc, "LOIN")) == beneath
    assert doc["summary"]["exposure"]["child_labour"]["level"] == child_labour
