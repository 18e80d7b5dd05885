"""A flag's measures fit the supplier (methodology, section 6): a supplier of unknown country
that grows, mines or catches nothing is asked for its own site, not for a raw material's
origin; a seafood processor or trader is asked about vessels, farms or peeling sheds only
where what it handles may come from them. The cases are data: tests/assets/measures/cases.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from chain_support import chain_file

from ddtool.assess import assess
from ddtool.document import flag_measures, register
from ddtool.profiles import load_profiles
from ddtool.remediation import UNKNOWN, Handles, select_measures

ROOT = Path(__file__).resolve().parents[2]
CASES: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "assets" / "measures" / "cases.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_a_flags_measures_fit_the_supplier(tmp_path: Path, case: dict[str, Any]) -> None:
    path = (
        ROOT / "sample_chains" / case["sample"]
        if "sample" in case
        else chain_file(tmp_path, case["suppliers"])
    )
    doc = assess([path]).data
    flags = {f["risk_type"]: f for f in register(doc) if f["supplier_id"] == case["supplier"]}
    assert set(case["risk_types"]) <= set(flags), sorted(flags)
    for risk_type in case["risk_types"]:
        ids = [m["id"] for m in flag_measures(doc, flags[risk_type])]
        first = case.get("first", [])
        assert ids[: len(first)] == first, (risk_type, ids)
        assert set(case.get("has", [])) <= set(ids), (risk_type, ids)
        assert not set(case.get("lacks", [])) & set(ids), (risk_type, ids)


def test_what_a_supplier_handles_is_only_told_where_the_data_tells_it() -> None:
    """Nothing known is no reason to leave a measure out: the vessel and farm measures both
    stand for a processor that may handle either."""
    profiles = load_profiles()
    by_id = {m.id: m for m in profiles.measures}
    vessels, farms, sheds = (
        by_id[m]
        for m in ("fish-vessel-identity", "aquaculture-farm-identity", "seafood-peeling-sheds")
    )
    assert all(UNKNOWN.fits(m) for m in (vessels, farms, sheds))
    farmed = Handles(frozenset({"aquaculture"}), frozenset({"Shrimp"}))
    assert (farmed.fits(vessels), farmed.fits(farms), farmed.fits(sheds)) == (False, True, True)
    tuna = Handles(frozenset({"fishing-vessels"}), frozenset({"Fish"}))
    assert (tuna.fits(vessels), tuna.fits(farms), tuna.fits(sheds)) == (True, False, False)
    listed = select_measures(
        profiles, "forced_labour", "seafood-processing", False, [], farmed
    ).measures
    assert "fish-vessel-identity" not in [m["id"] for m in listed]


@pytest.mark.parametrize(
    ("sector", "asked", "not_asked"),
    [
        # a factory or mill grows nothing: the country of its site, mapped or inferred
        ("garment-manufacturing", "gap-site-country", "gap-origin-country"),
        ("yarn-spinning", "gap-site-country", "gap-origin-country"),
        # a farm: where the raw material was grown
        ("cotton-farming", "gap-origin-country", "gap-site-country"),
    ],
)
@pytest.mark.parametrize("inferred", [True, False])
def test_a_stage_of_unknown_country_is_asked_for_the_country_that_fits_it(
    sector: str, asked: str, not_asked: str, inferred: bool
) -> None:
    """An inferred stage in a country not known (a brand's garment factory, placed where the
    brand buys) gets the gap measure a mapped supplier of its sector gets: a non-raw stage
    the country of its site, a farm, mine or vessel the origin of its raw material."""
    profiles = load_profiles()
    gaps = ["country unknown"]
    ids = [
        m["id"] for m in select_measures(profiles, "forced_labour", sector, inferred, gaps).measures
    ]
    assert asked in ids and not_asked not in ids, ids
