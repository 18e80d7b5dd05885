"""Small chains assessed from a list of suppliers, for the engine's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ddtool.assess import Assessment, AssessOptions, assess
from ddtool.errors import ProblemList
from ddtool.model import Chain
from ddtool.sources import read_chain

BUYER = {"name": "Buyer", "country": "DE"}


def chain_file(
    tmp_path: Path, suppliers: list[dict[str, Any]], company: dict[str, Any] = BUYER
) -> Path:
    """A YAML chain of these suppliers (records), bought by this company (a German one
    named "Buyer")."""
    path = tmp_path / "chain.yaml"
    path.write_text(yaml.safe_dump({"company": company, "suppliers": suppliers}), encoding="utf-8")
    return path


def assessed_low(
    tmp_path: Path, suppliers: list[dict[str, Any]], company_sector: str
) -> dict[str, Any]:
    """The assessment document of these suppliers, bought by a German company of this sector,
    with low flags shown (`flag_level: low`), at a fixed date."""
    import pytest

    company = {"name": "Buyer", "country": "DEU", "sector": company_sector}
    chain = chain_file(tmp_path, suppliers, company)
    settings = tmp_path / "low.yaml"
    settings.write_text("flag_level: low\n", "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")
        return assess([chain], AssessOptions(config=settings)).data


def assessment_of(tmp_path: Path, suppliers: list[dict[str, Any]]) -> Assessment:
    """The assessment of a chain of these suppliers (see chain_file)."""
    return assess([chain_file(tmp_path, suppliers)])


def read_cell(tmp_path: Path, cell: str) -> tuple[Chain, ProblemList]:
    """A table of one supplier whose Certifications cell is `cell`, read."""
    path = tmp_path / "chain.csv"
    path.write_text(f'Supplier ID,Supplier name,Certifications\nS1,Alpha,"{cell}"\n', "utf-8")
    return read_chain([path])


def assert_a_bad_date(tmp_path: Path, cell: str, message: str) -> None:
    """The Certifications cell is one located bad-date error with this message, and its
    certification is kept as written, without an expiry."""
    chain, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["severity", "type", "row", "column", "message"]) == [
        ["error", "bad-date", 2, "Certifications", message]
    ]
    assert [(c.name, c.valid_until) for c in chain.suppliers[0].certifications] == [(cell, None)]


def year_alone(year: str) -> str:
    """What a bad-date says of an expiry written as a year alone."""
    return (
        f"a year alone is no expiry date: write the day it ends ('{year}-12-31'), its month"
        f" ('December {year}') or 'end of {year}'"
    )


def inferred_beneath(doc: dict[str, Any], supplier_id: str) -> dict[str, dict[str, Any]]:
    """The inferred suppliers of an assessment document reached from a supplier through
    inferred links only, by id."""
    inferred = {s["id"]: s for s in doc["suppliers"] if s["inferred"]}
    found: dict[str, dict[str, Any]] = {}
    stack = [supplier_id]
    while stack:
        buyer = stack.pop()
        for node in inferred.values():
            if buyer in node["buyers"] and node["id"] not in found:
                found[node["id"]] = node
                stack.append(node["id"])
    return found


# the sectors of the mines inferred beneath a supplier of minerals
MINES = {"artisanal-mining", "industrial-mining"}


def mined_beneath(doc: dict[str, Any], supplier_id: str) -> set[str]:
    """The commodities of the inferred mines beneath a supplier."""
    return {
        node["products"][0]
        for node in inferred_beneath(doc, supplier_id).values()
        if node["sector"] in MINES
    }


# the minerals of the mines, and the raw-material sectors, the inference tests look for
MINERALS = {"cobalt", "copper", "gold", "lithium", "mica", "tantalum", "tin", "tungsten"}
RAW = {
    "artisanal-mining",
    "industrial-mining",
    "gemstone-mining",
    "cocoa-farming",
    "coffee-farming",
    "cotton-farming",
    "aquaculture",
    "fishing-vessels",
}


def supplier_entry(
    sid: str, sector: str, products: list[str], buyers: list[str], country: str = "CHN"
) -> dict[str, Any]:
    """A supplier record named by its id, in China unless said."""
    entry: dict[str, Any] = {
        "id": sid,
        "name": sid,
        "country": country,
        "sector": sector,
        "products": products,
    }
    if buyers:
        entry["buyers"] = buyers
    return entry


def assessed_data(
    tmp_path: Path, company_sector: str, suppliers: list[dict[str, Any]]
) -> dict[str, Any]:
    """The assessment document of these supplier records under a German company of this
    sector."""
    company = {"name": "X", "country": "DEU", "sector": company_sector}
    return assess([chain_file(tmp_path, suppliers, company)]).data


def named_supplier(
    sid: str, country: str, sector: str | None, products: list[str]
) -> dict[str, Any]:
    """A supplier record named by its id, of this country and products, and of this sector
    where one is given (None: no sector written)."""
    found: dict[str, Any] = {"id": sid, "name": sid, "country": country, "products": products}
    if sector is not None:
        found["sector"] = sector
    return found
