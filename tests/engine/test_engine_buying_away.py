"""The stages of what a wholesaler, retailer or brand buys are not assumed in its own
country: a German fashion brand's garment factory is in a country not known (flagged at the
worst case), not in Germany; a maker's stages stay in its own country."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.assess import assess


@pytest.mark.parametrize(
    ("company_sector", "supplier", "expected"),
    [
        # a brand or retailer: where it buys, not known
        (
            "retail-general",
            "{id: B1, country: DEU, sector: apparel retail}",
            "garment-manufacturing@unknown",
        ),
        ("retail-general", "{id: B1, country: DEU, sector: retailer, products: [garments]}", None),
        # a garment maker: its fabric mill is assumed beside it
        (
            "apparel-retail",
            "{id: G1, country: BGD, sector: garment manufacturing}",
            "fabric-manufacturing@BGD",
        ),
    ],
)
def test_a_buyers_inferred_stages_are_placed_where_it_buys(
    tmp_path: Path, company_sector: str, supplier: str, expected: str | None
) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        f"company: {{name: Acme, country: DEU, sector: {company_sector}}}\n"
        f"suppliers:\n  - {supplier}\n",
        encoding="utf-8",
    )
    inferred = {s["id"] for s in assess([chain]).data["suppliers"] if s["inferred"]}
    assert not any(node.endswith("@DEU") for node in inferred), sorted(inferred)
    if expected is not None:
        assert f"inferred:{expected}" in inferred, sorted(inferred)


def test_the_company_of_the_retail_stage_buys_away_too(tmp_path: Path) -> None:
    """A German apparel brand whose one mapped supplier makes nothing of its own chain (a
    cocoa processor): its garment stage is inferred beneath it, not in Germany."""
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: Acme, country: DEU, sector: apparel-retail}\n"
        "suppliers:\n  - {id: C1, country: GHA, sector: cocoa processing}\n",
        encoding="utf-8",
    )
    inferred = {s["id"] for s in assess([chain]).data["suppliers"] if s["inferred"]}
    assert "inferred:garment-manufacturing@unknown" in inferred, sorted(inferred)
    assert not any(node.endswith("@DEU") for node in inferred), sorted(inferred)
