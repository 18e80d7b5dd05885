"""Build risk_profiles/*.csv from the sourced facts in ../shared/data (values unchanged).

Run from the repository root: python scripts/build_profiles.py [DATA_DIR]
Each output row keeps its source, year and verification note, and gains a `source_id`
that points into risk_profiles/manifest.yaml.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "risk_profiles"


def _source_id(name: str) -> str:
    rules = [
        ("Global Slavery Index", "walkfree-gsi-2023"),
        ("Findings on the Worst Forms", "ilab-findings-2022"),
        ("NORMLEX", "ilo-normlex-ratifications"),
        ("ITUC Global Rights Index", "ituc-gri-2026"),
        ("ILOSTAT", "ilostat-informal-employment"),
        ("Global Estimates of Modern Slavery", "ilo-walkfree-iom-gems-2022"),
        ("ILO & UNICEF", "ilo-unicef-child-labour-2020"),
        ("USGS Mineral Commodity Summaries 2025", "usgs-mcs-2025"),
        ("USDA FAS PSD", "usda-psd-coffee"),
        ("Table 17", "usda-wap-cotton"),
        ("USDA FAS Post", "usda-post-cotton"),
        ("USDA FAS GAIN", "usda-post-cotton"),
        ("FAOSTAT hazelnuts", "faostat-hazelnuts-third-party"),
        ("FAOSTAT", "faostat"),
        ("SOFIA 2024", "fao-sofia-2024"),
        ("ANRPC", "anrpc-2023"),
        ("Global Seafood Alliance", "gsa-shrimp-2023"),
        ("Industry reports", "vanilla-industry-2018"),
        ("same page: Indonesia", "vanilla-industry-2018"),
        ("IEA (2022)", "iea-solar-2022"),
        ("US DOL", "ilab-goods-2022"),
        ("TVPRA", "ilab-goods-2022"),
        ("ITUC", "ituc-gri-2026"),
    ]
    for needle, source in rules:
        if needle in name:
            return source
    raise SystemExit(f"no source id for source name {name!r}")


def _copy(src: Path, dst: Path, source_of: str | None, fixed: str | None = None) -> int:
    with src.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = [*rows[0].keys(), "source_id"]
    with dst.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            row["source_id"] = fixed or _source_id(row[source_of or "source_name"])
            writer.writerow(row)
    return len(rows)


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    counts = {
        "countries.csv": _copy(data / "risk/country_indicators.csv", OUT / "countries.csv", None),
        "goods.csv": _copy(
            data / "risk/ilab_goods_2022.csv", OUT / "goods.csv", None, "ilab-goods-2022"
        ),
        "goods_2024_changes.csv": _copy(
            data / "risk/ilab_goods_2024_changes.csv",
            OUT / "goods_2024_changes.csv",
            None,
            "ilab-goods-2024-changes",
        ),
        "eo13126_products.csv": _copy(
            data / "risk/eo13126_products_2014.csv",
            OUT / "eo13126_products.csv",
            None,
            "eo13126-2014",
        ),
        "sector_facts.csv": _copy(data / "risk/sector_facts.csv", OUT / "sector_facts.csv", None),
        "origins.csv": _copy(data / "origins/origin_shares.csv", OUT / "origins.csv", None),
    }
    for name, n in counts.items():
        print(f"{name}: {n} rows")


if __name__ == "__main__":
    main()
