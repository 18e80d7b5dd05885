"""A supplier whose sector text names several sectors of goods scores, on each risk type, as
high as the highest of the sectors it names, each read alone, never lower.

"fishing and fish farming" in Indonesia was aquaculture (medium on every risk type, no
listing) beside fishing vessels' critical, then no sector at all, scored on its country
alone (low/medium/medium); "Leather / footwear" in India was footwear, then no sector. It is
now read as the worse sector (of the higher inherent risk), the one shown and followed by
inference, and each risk type takes the highest of its scores as each sector named: the
worse by its rating is not the worse in every country (India lists footwear, not leather)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ddtool.assess import assess
from ddtool.cli import app
from ddtool.config import load_config
from ddtool.model import LEVELS, RISK_TYPES, Supplier
from ddtool.profiles import load_profiles, text_key
from ddtool.scoring import Scorer, SupplierRisk

# (row id, country, sector as written, the sector taken, its parts as each is written alone)
CASES = [
    ("F1", "IDN", "fishing and fish farming", "fishing-vessels", ["fishing", "fish farming"]),
    ("L1", "IND", "Leather / footwear", "leather-tanning", ["leather-tanning", "footwear"]),
    ("T1", "BGD", "Textile/Garment", "garment-manufacturing", ["textile", "garment"]),
    ("G1", "IND", "Ginning and spinning", "yarn-spinning", ["ginning", "spinning"]),
    (
        "C1",
        "CIV",
        "cocoa processing and export",
        "cocoa-trading",
        ["cocoa processing", "cocoa export"],
    ),
    (
        "C2",
        "GHA",
        "cocoa farming; gold mining",
        "artisanal-mining",
        ["cocoa farming", "gold mining"],
    ),
    (
        "C3",
        "CIV",
        "cocoa farming; gold mining",
        "artisanal-mining",
        ["cocoa farming", "gold mining"],
    ),
    (
        "P1",
        "THA",
        "fish farming and processing",
        "seafood-processing",
        ["fish farming", "fish processing"],
    ),
    ("M1", "COD", "mining, manufacturing", "artisanal-mining", ["mining", "manufacturing"]),
    ("U1", "", "fishing and fish farming", "fishing-vessels", ["fishing", "fish farming"]),
]
# one sector of goods beside a service: that sector alone, the service named
BESIDE = [("S1", "COD", "cobalt mining; logistics", "artisanal-mining", ["cobalt mining"])]
# a supplier's own record applies to each sector's reading alike
RECORD = ',,40,"BSCI"'


def _rows() -> list[str]:
    rows = []
    for sid, country, text, _, parts in CASES + BESIDE:
        rows.append(f'{sid},{sid},{country},"{text}",,,')
        rows += [f'{sid}-{n},{sid},{country},"{part}",,,' for n, part in enumerate(parts)]
    # (the same with a migrant share and a certification: never below either alone)
    rows.append(f'R1,R1,IND,"Leather / footwear"{RECORD}')
    rows += [f"R1-{n},R1,IND,{part}{RECORD}" for n, part in enumerate(["leather", "footwear"])]
    return rows


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("two") / "two.csv"
    header = "id,name,country,sector,products,migrant_pct,certifications"
    path.write_text("\n".join([header, *_rows()]) + "\n", "utf-8")
    return path


@pytest.fixture(scope="module")
def doc(chain: Path) -> dict[str, Any]:
    return assess([chain]).data


def _suppliers(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["id"]: s for s in doc["suppliers"]}


def _parts(suppliers: dict[str, dict[str, Any]], sid: str) -> list[dict[str, Any]]:
    return [s for key, s in suppliers.items() if re.fullmatch(rf"{sid}-\d", key)]


@pytest.mark.parametrize(
    ("sid", "country", "text", "taken", "parts"), CASES + BESIDE, ids=[c[0] for c in CASES + BESIDE]
)
def test_each_risk_type_is_the_highest_of_the_sectors_named(
    doc: dict[str, Any], sid: str, country: str, text: str, taken: str, parts: list[str]
) -> None:
    suppliers = _suppliers(doc)
    got, alone = suppliers[sid], _parts(suppliers, sid)
    assert got["sector"] == taken
    assert {s["sector"] for s in alone} >= {taken}
    for risk_type in RISK_TYPES:
        mine = got["risk"][risk_type]
        assert mine["priority"] == max(s["risk"][risk_type]["priority"] for s in alone)
        assert all(
            LEVELS.index(mine["level"]) >= LEVELS.index(s["risk"][risk_type]["level"])
            for s in alone
        )
        if not country:  # (the worst case an unknown country may hide: the highest too)
            worst = got["worst_case"][risk_type]["priority"]
            assert worst == max(s["worst_case"][risk_type]["priority"] for s in alone)
    # the listings of each; the gaps of the sector taken, none of a sector not matched
    assert {g["good"] for g in got["listings"]} == {g["good"] for s in alone for g in s["listings"]}
    [same] = [s for s in alone if s["sector"] == taken]
    assert got["data_gaps"] == same["data_gaps"]
    assert not [gap for gap in got["data_gaps"] if "sector" in gap]


def test_fishing_and_fish_farming_in_indonesia_is_scored_as_fishing_vessels(
    doc: dict[str, Any],
) -> None:
    """The case that started it: low/medium/medium on the country alone, now as fishing."""
    got = _suppliers(doc)["F1"]
    assert [got["risk"][rt]["level"] for rt in RISK_TYPES] == ["critical", "critical", "high"]
    assert [g["good"] for g in got["listings"]] == ["Fish"]


def test_where_the_worse_by_rating_is_lower_in_a_country_the_other_scores(
    doc: dict[str, Any],
) -> None:
    """Leather tanning is the worse by its rating, but India lists footwear: each risk type
    takes footwear's score, and the supplier stays leather tanning."""
    suppliers = _suppliers(doc)
    got, tannery, shoes = suppliers["L1"], suppliers["L1-0"], suppliers["L1-1"]
    assert (got["sector"], tannery["sector"]) == ("leather-tanning", "leather-tanning")
    assert got["risk"] == shoes["risk"] != tannery["risk"]
    assert LEVELS.index(got["risk"]["child_labour"]["level"]) > LEVELS.index(
        tannery["risk"]["child_labour"]["level"]
    )
    record = suppliers["R1"]  # (a migrant share and a certification: the same for each)
    for risk_type in RISK_TYPES:
        assert record["risk"][risk_type]["priority"] == max(
            suppliers[f"R1-{n}"]["risk"][risk_type]["priority"] for n in (0, 1)
        )


def test_the_evidence_and_reason_of_each_risk_type_name_the_sector_it_took(
    doc: dict[str, Any],
) -> None:
    """Forced labour and trafficking take footwear's rating (no listing sets them): the
    reason and the evidence say so, with a fact naming the sectors and their priorities."""
    flags = {f["risk_type"]: f for f in doc["flags"] if f["supplier_id"] == "L1"}
    assert set(flags) >= {"forced_labour", "human_trafficking"}
    facts = doc["evidence"]
    for risk_type in ("forced_labour", "human_trafficking"):
        basis = doc["bases"][flags[risk_type]["basis"]]
        assert basis["reason"].startswith(
            "footwear and leather goods manufacturing (named beside leather tanning) in India:"
        )
        told = [facts[i] for i in basis["evidence"]]
        [said] = [e for e in told if e["indicator"].startswith("sector as written names")]
        assert said["indicator"].startswith(
            "sector as written names several sectors of goods: leather-tanning (priority"
        )
        assert said["value"] == "scored as footwear-manufacturing, the highest"
        rated = [e["indicator"] for e in told if e["indicator"].startswith("sector inherent")]
        assert rated == ["sector inherent likelihood (footwear-manufacturing), ddtool rating"]


def test_each_row_is_warned_where_it_is(doc: dict[str, Any], chain: Path) -> None:
    ids = [line.split(",", 1)[0] for line in chain.read_text("utf-8").splitlines()[1:]]
    warned = {(ids[w["location"]["row"] - 2], w["type"]) for w in doc["warnings"]}
    several = {sid for sid, kind in warned if kind == "several-sectors"}
    assert several == {c[0] for c in CASES + BESIDE} | {"R1"}


@pytest.mark.parametrize(
    ("text", "country", "alone"),
    [
        ("Textile/Garment", "BGD", "garment-manufacturing"),
        ("Leather / footwear", "IND", "leather-tanning"),
        ("fish farming and processing", "THA", "seafood-processing"),
    ],
)
def test_inference_beneath_follows_the_sector_taken(
    tmp_path: Path, text: str, country: str, alone: str
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        f'id,name,country,sector\nA,a,{country},"{text}"\nB,b,{country},{alone}\n', "utf-8"
    )
    suppliers = assess([path]).data["suppliers"]
    beneath = {
        sid: sorted(s["id"] for s in suppliers if s["inferred"] and sid in s["buyers"])
        for sid in ("A", "B")
    }
    assert beneath["A"] == beneath["B"] and beneath["A"]


def test_products_guess_no_sector_for_a_text_naming_several(tmp_path: Path) -> None:
    """The text gives the sector: products that name one sector's goods do not replace it."""
    path = tmp_path / "c.csv"
    path.write_text(
        "id,name,country,sector,products\nA,a,THA,fishing and fish farming,shrimp\n", "utf-8"
    )
    [got] = assess([path]).data["suppliers"]
    assert got["sector"] == "fishing-vessels"
    assert got["data_gaps"] == []


def test_explain_names_the_sectors_and_the_one_each_risk_type_took(chain: Path) -> None:
    said = CliRunner().invoke(app, ["explain", str(chain), "L1"], env={"COLUMNS": "200"})
    assert said.exit_code == 0, said.output
    assert "sectors named in the sector text: leather-tanning, footwear-manufacturing" in (
        said.output
    )
    assert said.output.count("sector inherent likelihood (footwear-manufacturing)") == 3


def test_the_assessment_is_the_same_each_run(chain: Path) -> None:
    first, second = assess([chain]).data, assess([chain]).data
    assert json.dumps(first) == json.dumps(second)


# ---- every pair of sectors of goods, by their aliases: never below either alone
PROFILES = load_profiles()
SCORER = Scorer(PROFILES, load_config(None), dt.date(2026, 1, 1))
_JOINS = re.compile(r"[,;/|+&]|\b(and|or|und|oder|et|ou|y)\b", re.IGNORECASE)
ALIASES = sorted(
    (alias, sector.id)
    for sector in PROFILES.sectors.values()
    if sector.chain != "services"
    for alias in {sector.id, sector.name, *sector.aliases}
    # (one sector's name, read as it alone; a good's own name beside a sector is read whole)
    if not _JOINS.search(alias)
    and text_key(alias) not in PROFILES._bare_goods
    and PROFILES.match_sector(alias).id == sector.id
)
COUNTRIES = ["IDN", "IND", "BGD", "CIV", "GHA", "COD", "CHN", "BRA", "THA", "UZB", "DEU", None]


def _scored(text: str, country: str | None) -> tuple[str | None, SupplierRisk]:
    match = PROFILES.match_sector(text)
    supplier = Supplier.trusted(
        id="S",
        country=country,
        sector=match.id,
        sector_raw=text,
        sector_minerals=match.products,
        other_sectors=match.others,
    )
    return match.id, SCORER.score_supplier(supplier, match.id)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    first=st.sampled_from(ALIASES),
    second=st.sampled_from(ALIASES),
    join=st.sampled_from(["; ", ", ", " / ", " and ", " & "]),
    country=st.sampled_from(COUNTRIES),
)
def test_two_sectors_named_never_score_below_either_alone(
    first: tuple[str, str], second: tuple[str, str], join: str, country: str | None
) -> None:
    (one, one_id), (other, other_id) = first, second
    text = f"{one}{join}{other}"
    match = PROFILES.match_sector(text)
    named = {match.id, *(o.id for o in match.others)}
    if one_id == other_id or named != {one_id, other_id}:
        return  # (one sector, or joined words read otherwise: "cocoa and coffee farming")
    taken, both = _scored(text, country)
    assert taken in (one_id, other_id)
    for part in (one, other):
        _, alone = _scored(part, country)
        for risk_type in RISK_TYPES:
            mine, theirs = both.by_type[risk_type].score, alone.by_type[risk_type].score
            assert mine.priority >= theirs.priority
            assert LEVELS.index(mine.level) >= LEVELS.index(theirs.level)
            # (and the worst case an unknown country may hide, where it is higher)
            assert _worst(both, risk_type) >= _worst(alone, risk_type)


def _worst(risk: SupplierRisk, risk_type: str) -> float:
    """The priority a supplier is flagged and rolled up at: its score's, or the worst case
    its unknown country may hide where that is higher."""
    own = risk.by_type[risk_type].score.priority
    if risk.worst is None:
        return own
    return max(own, risk.worst[risk_type][0].priority)
