"""A mineral named beside a made good does not narrow the mines inferred beneath the supplier
naming it, whatever the supplier's sector: a battery maker's "lithium-ion batteries" get
every mine a battery's chain holds, the DRC's artisanal cobalt among them, as its
"batteries" would; a good worked from the mineral it names does ("gold jewellery": gold);
and a product that is the metal itself, or a form it is sold in ("copper cathode", "tin
ingots", "lithium carbonate"), still narrows to it (methodology §7, "Which commodities")."""

from __future__ import annotations

from pathlib import Path

import pytest
from chain_support import MINERALS, MINES, inferred_beneath
from chain_support import assessed_data as _assess
from chain_support import mined_beneath as _mined
from chain_support import supplier_entry as _supplier

# (the sector of a mapped supplier in China, its products, the commodities of the mines
# inferred beneath it)
READINGS = [
    # a made good with a mineral beside it: the good's whole chain
    pytest.param(
        "battery-manufacturing",
        ["lithium-ion batteries"],
        MINERALS,
        id="lithium-ion batteries: every mine, cobalt among them",
    ),
    pytest.param("battery-manufacturing", ["lithium batteries"], MINERALS, id="lithium batteries"),
    pytest.param(
        "battery-manufacturing", ["lithium battery cells"], MINERALS, id="lithium battery cells"
    ),
    pytest.param(
        "battery-manufacturing",
        ["lithium-ion cells"],
        MINERALS,
        id="lithium-ion cells: a battery's",
    ),
    pytest.param("battery-manufacturing", ["Li-ion cells 18650"], MINERALS, id="Li-ion cells"),
    pytest.param(
        "battery-manufacturing",
        ["lithium cathode material"],
        MINERALS,
        id="lithium cathode material: a battery's cathode",
    ),
    pytest.param(
        "battery-manufacturing",
        ["lithium cathode"],
        MINERALS,
        id="lithium cathode: a battery's (lithium is sold in no cathodes)",
    ),
    pytest.param(
        "battery-manufacturing",
        ["cobalt-free lithium batteries"],
        MINERALS - {"cobalt"},
        id="cobalt-free lithium batteries: every mine but cobalt's",
    ),
    pytest.param(
        "battery-manufacturing",
        ["lithium-ion batteries", "lithium carbonate"],
        MINERALS,
        id="lithium-ion batteries and lithium carbonate: the batteries' whole chain",
    ),
    pytest.param(
        "electronics-manufacturing",
        ["tantalum capacitors"],
        MINERALS,
        id="tantalum capacitors at an EMS: their tin, silver … too",
    ),
    pytest.param(
        "electronic-components",
        ["tantalum capacitors"],
        MINERALS,
        id="tantalum capacitors at a component maker",
    ),
    pytest.param(
        "electronics-manufacturing", ["cobalt batteries"], MINERALS, id="cobalt batteries"
    ),
    pytest.param(
        "electronics-manufacturing",
        ["tin solder", "capacitors"],
        MINERALS,
        id="tin solder and capacitors: the capacitors' whole chain",
    ),
    # (but for a good worked from the mineral named: a jeweller's gold)
    pytest.param(
        "jewellery-manufacturing",
        ["gold jewellery"],
        {"gold"},
        id="gold jewellery: worked from gold, its mines alone",
    ),
    # a made good alone, as before
    pytest.param("battery-manufacturing", ["batteries"], MINERALS, id="batteries"),
    pytest.param("electronics-manufacturing", ["smartphones"], MINERALS, id="smartphones"),
    # the metal itself, or a form it is sold in: narrowed to it, as before
    pytest.param(
        "battery-manufacturing",
        ["copper cathode"],
        {"copper"},
        id="copper cathode: copper, not a battery",
    ),
    pytest.param(
        "smelting-refining", ["copper cathodes, grade A"], {"copper"}, id="copper cathodes"
    ),
    pytest.param("smelting-refining", ["cobalt cathodes, 99.8%"], {"cobalt"}, id="cobalt cathodes"),
    pytest.param("smelting-refining", ["tin ingots"], {"tin"}, id="tin ingots"),
    pytest.param(
        "battery-manufacturing", ["lithium carbonate"], {"lithium"}, id="lithium carbonate"
    ),
    pytest.param("battery-manufacturing", ["cobalt hydroxide"], {"cobalt"}, id="cobalt hydroxide"),
    pytest.param(
        "battery-manufacturing",
        ["NMC cathode"],
        {"cobalt", "lithium"},
        id="NMC cathode: the metals its chemistry names",
    ),
    pytest.param("electronics-manufacturing", ["tin solder"], {"tin"}, id="tin solder"),
    pytest.param("electronic-components", ["tantalum powder"], {"tantalum"}, id="tantalum powder"),
    pytest.param("electronic-components", ["gold bonding wire"], {"gold"}, id="gold bonding wire"),
    pytest.param("jewellery-manufacturing", ["gold bullion"], {"gold"}, id="gold bullion"),
]


@pytest.mark.parametrize(("sector", "products", "mined"), READINGS)
def test_a_mineral_beside_a_made_good_narrows_no_mines_a_metal_form_does(
    tmp_path: Path, sector: str, products: list[str], mined: set[str]
) -> None:
    doc = _assess(tmp_path, "electronics-manufacturing", [_supplier("S", sector, products, [])])
    assert _mined(doc, "S") == mined


def test_a_battery_maker_naming_lithium_ion_batteries_shares_what_one_naming_none_gets(
    tmp_path: Path,
) -> None:
    """Both get the one refiner, trader and mines beneath them, the DRC's artisanal cobalt
    among them: the same inferred ids."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("B1", "battery-manufacturing", ["lithium-ion batteries"], []),
            _supplier("B2", "battery-manufacturing", [], []),
        ],
    )
    beneath = set(inferred_beneath(doc, "B1"))
    assert beneath == set(inferred_beneath(doc, "B2"))
    assert "inferred:artisanal-mining:cobalt@world" in beneath


def test_a_trader_naming_nothing_beneath_a_battery_maker_trades_every_mineral(
    tmp_path: Path,
) -> None:
    """Its buyer's "lithium-ion batteries" say nothing of which minerals it takes; its
    "copper cathode" does."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [
            _supplier("B", "battery-manufacturing", ["lithium-ion batteries"], []),
            _supplier("TR", "mineral-trading", [], ["B"], "COD"),
            _supplier("C", "battery-manufacturing", ["copper cathode"], []),
            _supplier("TC", "mineral-trading", [], ["C"], "COD"),
        ],
    )
    assert (_mined(doc, "TR"), _mined(doc, "TC")) == (MINERALS, {"copper"})


def test_a_capacitor_maker_covers_every_mineral_for_the_company_above(tmp_path: Path) -> None:
    """Its "tantalum capacitors" hold the whole chain beneath it: the company above gets
    nothing more inferred, as above a maker of "capacitors"."""
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [_supplier("CAP", "electronic-components", ["tantalum capacitors"], [])],
    )
    assert (_mined(doc, "CAP"), _mined(doc, "company")) == (MINERALS, set())


def test_a_wholesaler_of_copper_cathode_gets_copper_mines_not_a_battery_factory(
    tmp_path: Path,
) -> None:
    doc = _assess(
        tmp_path,
        "electronics-manufacturing",
        [_supplier("WH", "wholesale-trade", ["copper cathode"], [], "DEU")],
    )
    beneath = inferred_beneath(doc, "WH")
    assert _mined(doc, "WH") == {"copper"}
    assert not {node["sector"] for node in beneath.values()} - MINES
