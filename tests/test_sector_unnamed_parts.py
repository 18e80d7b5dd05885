"""A sector text naming a sector and, beside it, a part that names none keeps that part as a
data gap: the supplier has the sector named, and on each risk type scores no lower than a
sector not known (input-format §9, methodology §4).

"logistics; beedi rolling" in India was read as logistics alone (medium, no gap, no
warning) while "beedi rolling" alone was high with the gap "sector not matched"; "software;
widget polishing" in Denmark was plain low while "widget polishing" alone was "low (data
gap)". The part that names no sector was dropped beside a service, lowering the score."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import assess
from ddtool.document import SECTOR_PART_NOT_MATCHED
from ddtool.model import RISK_TYPES
from ddtool.profiles import load_profiles

# (sector as written, the sector read, the parts told as naming no sector)
READINGS = [
    ("logistics; beedi rolling", "logistics-transport", ["beedi rolling"]),
    ("software; widget polishing", "software-services", ["widget polishing"]),
    ("consulting + sericulture", "consulting-services", ["sericulture"]),
    ("security services; labour recruitment", "security-services", ["labour recruitment"]),
    ("logistics, shipbreaking", "logistics-transport", ["shipbreaking"]),
    ("cleaning and poultry processing", "cleaning-services", ["poultry processing"]),
    ("warehousing and gravel crushing", "warehousing", ["gravel crushing"]),
    ("cleaning services, waste picking", "cleaning-services", ["waste picking"]),
    ("cocoa farming; widget polishing", "cocoa-farming", ["widget polishing"]),
    ("cleaning; unknown", "cleaning-services", ["unknown"]),
    # (a part of one item of a list: "fish farming and beedi rolling")
    ("fishing; fish farming and beedi rolling", "fishing-vessels", ["beedi rolling"]),
    # words that name no work of their own are no gap
    ("cocoa farming, Ghana", "cocoa-farming", []),
    ("Logistics, Hamburg", "logistics-transport", []),
    ("software services, general trading", "software-services", []),
    ("n/a; software", "software-services", []),
    ("dyeing and finishing", "textile-finishing", []),
    ("cobalt and copper mining", "artisanal-mining", []),
    ("copper and tin ingots", "smelting-refining", []),
    ("fish and chips shop", "retail-general", []),
    ("cobalt mining; logistics", "artisanal-mining", []),
    # words of trade and of the services around a sector's goods are no gap beside any
    ("wholesale; import/export", "wholesale-trade", []),
    ("logistics and customs brokerage", "logistics-transport", []),
    ("freight forwarding / customs clearance", "logistics-transport", []),
    ("food processing; quality control", "food-manufacturing", []),
    ("IT services; inspection", "software-services", []),
    ("logistics; procurement", "logistics-transport", []),
    ("logistics; recruitment agency", "logistics-transport", ["recruitment agency"]),
    ("logistics; import of beedi", "logistics-transport", ["import of beedi"]),
]


@pytest.mark.parametrize(("text", "sector", "unnamed"), READINGS, ids=[r[0] for r in READINGS])
def test_a_part_naming_no_sector_is_told_and_kept(
    text: str, sector: str, unnamed: list[str]
) -> None:
    match = load_profiles().match_sector(text)
    assert match.id == sector
    assert [part for part, _ in match.unmatched] == unnamed
    # (scored beside the sector read as a sector not known: an OtherSector of no id)
    assert ("" in [other.id for other in match.others]) == bool(unnamed)


def test_a_text_whose_rest_names_no_sector_is_no_sector() -> None:
    """Beside a place serving food only, the text names no sector, as before."""
    assert load_profiles().match_sector("fish smoking, restaurant").id is None


# (row id, country, sector as written); "-alone" rows give each part as written alone
ROWS = [
    ("B", "India", "logistics; beedi rolling", ["logistics", "beedi rolling"]),
    ("D", "Denmark", "software; widget polishing", ["software", "widget polishing"]),
    ("S", "India", "security services; labour recruitment", ["security services"]),
    ("K", "India", "cleaning and poultry processing", ["cleaning", "poultry processing"]),
    ("C", "Ghana", "cocoa farming; widget polishing", ["cocoa farming", "widget polishing"]),
]


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path: Path = tmp_path_factory.mktemp("unnamed") / "chain.csv"
    lines = ["id,name,country,sector"]
    for sid, country, text, parts in ROWS:
        lines.append(f'{sid},{sid},{country},"{text}"')
        lines += [f'{sid}-{n},{sid},{country},"{part}"' for n, part in enumerate(parts)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return assess([path]).data


def _by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in doc["suppliers"]}


@pytest.mark.parametrize(("sid", "country", "text", "parts"), ROWS, ids=[r[0] for r in ROWS])
def test_the_score_is_never_below_any_part_alone(
    doc: dict[str, Any], sid: str, country: str, text: str, parts: list[str]
) -> None:
    suppliers = _by_id(doc)
    got = suppliers[sid]
    alone = [suppliers[f"{sid}-{n}"] for n in range(len(parts))]
    assert got["sector"] is not None
    assert SECTOR_PART_NOT_MATCHED in got["data_gaps"]
    for risk_type in RISK_TYPES:
        mine = got["risk"][risk_type]["priority"]
        assert mine >= max(s["risk"][risk_type]["priority"] for s in alone), risk_type


def test_beside_a_service_it_scores_as_a_sector_not_known(doc: dict[str, Any]) -> None:
    """The reported case: "logistics; beedi rolling" scores as "beedi rolling" alone (a
    sector not known in India), not as logistics; its flags say which part set them."""
    suppliers = _by_id(doc)
    assert suppliers["B"]["risk"] == suppliers["B-1"]["risk"]
    assert suppliers["B"]["risk"] != suppliers["B-0"]["risk"]
    reasons = [doc["bases"][f["basis"]]["reason"] for f in doc["flags"] if f["supplier_id"] == "B"]
    assert reasons
    assert all(r.startswith("unknown sector (a part of the sector text, named") for r in reasons)


def test_a_low_level_beside_the_part_is_a_data_gap(doc: dict[str, Any]) -> None:
    """ "software; widget polishing" in Denmark: low, but on a gap, never plain low."""
    from ddtool.document import low_on_a_gap

    got = _by_id(doc)["D"]
    levels = [got["risk"][rt]["level"] for rt in RISK_TYPES]
    assert levels == ["low"] * 3
    assert all(low_on_a_gap(got, "low", rt) for rt in RISK_TYPES)


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (r[2], p)
        for r, p in zip(
            ROWS,
            [
                "beedi rolling",
                "widget polishing",
                "labour recruitment",
                "poultry processing",
                "widget polishing",
            ],
            strict=True,
        )
    ],
)
def test_an_unknown_sector_warning_names_the_part(
    doc: dict[str, Any], text: str, part: str
) -> None:
    told = [
        w["message"]
        for w in doc["warnings"]
        if w["type"] == "unknown-sector" and w["message"].startswith(f"sector {text!r}")
    ]
    assert told, text
    assert all(f"naming no sector in the taxonomy: {part!r}" in m for m in told)


def test_the_summary_counts_the_gap_by_its_kind(doc: dict[str, Any]) -> None:
    """Each report's summary names the gap, not "other (see the list of data gaps)"."""
    from ddtool.document import gap_parts

    parts = gap_parts(doc)
    assert f"{len(ROWS)} with a part of the sector not matched" in parts
    assert not [p for p in parts if p.endswith("other (see the list of data gaps)")]


# a work step of a value chain beside a sector of goods is that chain's own work, no part
# naming no sector: (sector as written, the sector read). Each was read with the gap
# "sector not matched in part", scored no lower than a sector not known, which raised levels
STEPS = [
    ("tea plantation and processing", "tea-farming"),
    ("rubber plantation & processing", "rubber-plantations"),
    ("vanilla curing & export", "vanilla-farming"),
    ("seafood processing / export", "seafood-processing"),
    ("garment manufacturing / knitting", "garment-manufacturing"),
    ("coffee roasting / packing", "coffee-roasting"),
    ("garment manufacturing, printing", "garment-manufacturing"),
    ("shrimp processing & packing", "seafood-processing"),
    ("fish processing & freezing", "seafood-processing"),
    ("gold refining & assaying", "smelting-refining"),
    ("knitting & dyeing", "textile-finishing"),
    ("spinning and weaving", "yarn-spinning"),
    ("weaving & dyeing", "textile-finishing"),
    ("cocoa processing/export", "cocoa-processing"),
    ("cocoa farming & fermentation", "cocoa-farming"),
    ("cotton ginning & baling", "cotton-ginning"),
    ("fishing & processing", "fishing-vessels"),
    # (read as the rest where the whole text reads as no sector)
    ("cobalt mining & processing", "artisanal-mining"),
    ("apparel manufacturing & printing", "garment-manufacturing"),
    ("garment factory (sewing, finishing, packing)", "garment-manufacturing"),
]


@pytest.mark.parametrize(("text", "sector"), STEPS, ids=[s[0] for s in STEPS])
def test_a_work_step_of_the_chain_is_no_gap(text: str, sector: str) -> None:
    match = load_profiles().match_sector(text)
    assert match.id == sector
    assert match.unmatched == ()
    assert "" not in [other.id for other in match.others]


# a step beside services alone, or beside a part that names work of its own, stays a gap;
# a step that is a sector of another chain is read as that sector
STILL = [
    ("software; processing", "software-services", ["processing"], []),
    ("software; finishing", "software-services", ["finishing"], []),
    ("tea farming; beedi rolling", "tea-farming", ["beedi rolling"], []),
    ("garment factory; widget polishing", "garment-manufacturing", ["widget polishing"], []),
    ("cocoa farming & fishing", "cocoa-farming", [], ["fishing-vessels"]),
]


@pytest.mark.parametrize(("text", "sector", "unnamed", "others"), STILL, ids=[s[0] for s in STILL])
def test_beside_no_goods_or_as_a_sector_a_step_is_not_harmless(
    text: str, sector: str, unnamed: list[str], others: list[str]
) -> None:
    match = load_profiles().match_sector(text)
    assert match.id == sector
    assert [part for part, _ in match.unmatched] == unnamed
    assert [o.id for o in match.others if o.id] == others


@pytest.mark.parametrize(
    "text", ["finishing", "software; finishing", "garment factory (finishing)"]
)
def test_finishing_never_suggests_fishing(text: str) -> None:
    """ "finishing" is a word of the taxonomy spelt right (textile finishing's), no slip of
    "fishing": it was suggested as fishing vessels."""
    match = load_profiles().match_sector(text)
    told = [match.suggestion or "", *(said or "" for _, said in match.unmatched)]
    assert not [said for said in told if "fishing-vessels" in said]


# (row id, sector as written, the part alone): India, as reported
STEP_ROWS = [
    ("T", "tea plantation and processing", "tea plantation"),
    ("R", "rubber plantation & processing", "rubber plantation"),
    ("V", "vanilla curing & export", "vanilla curing"),
    ("F", "seafood processing / export", "seafood processing"),
    ("G", "garment manufacturing / knitting", "garment manufacturing"),
]


def test_a_work_step_leaves_the_score_of_the_sector(tmp_path: Path) -> None:
    """Rubber "& processing" in India was high on forced labour (0.5391), not medium
    (0.4395) as rubber plantations; tea's trafficking and vanilla's levels rose alike."""
    path = tmp_path / "steps.csv"
    lines = ["id,name,country,sector"]
    for sid, text, alone in STEP_ROWS:
        lines += [f'{sid},{sid},India,"{text}"', f'{sid}-alone,{sid},India,"{alone}"']
    path.write_text("\n".join(lines) + "\n", "utf-8")
    doc = assess([path]).data
    suppliers = _by_id(doc)
    for sid, text, _ in STEP_ROWS:
        got, alone = suppliers[sid], suppliers[f"{sid}-alone"]
        assert got["sector"] == alone["sector"], text
        assert SECTOR_PART_NOT_MATCHED not in got["data_gaps"], text
        assert got["risk"] == alone["risk"], text
    assert suppliers["R"]["risk"]["forced_labour"]["level"] == "medium"
    assert not [w for w in doc["warnings"] if w["type"] == "unknown-sector"]
