"""Generate realistic synthetic supplier chains for benchmarks and batch tests.

Chains follow the five key value chains stage by stage (plus services), draw raw-material
countries from the bundled production shares and processing countries from typical sourcing
countries, share some suppliers between buyers (a DAG), and leave data out the way real lists
do (blank countries and sectors, missing shares). Output is deterministic for a seed. A
chain's format is its file's suffix: .xlsx, .csv or .yaml.

    python bench/generate.py chain --suppliers 100000 -o bench/out/chain-1e5.xlsx
    python bench/generate.py chain --suppliers 100000 --tier-sheets -o bench/out/tiers-1e5.xlsx
    python bench/generate.py members --count 200 -o bench/out/members
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# stage sectors from the buyer down to the raw material, with typical countries per stage
CHAINS: dict[str, list[tuple[str, Sequence[tuple[str, float]]]]] = {
    "cocoa": [
        ("chocolate-manufacturing", (("DEU", 3), ("NLD", 2), ("BEL", 2), ("CHE", 1), ("FRA", 1))),
        ("cocoa-processing", (("NLD", 3), ("CIV", 3), ("GHA", 2), ("MYS", 1), ("IDN", 1))),
        ("cocoa-trading", (("CIV", 5), ("GHA", 3), ("CMR", 1), ("NGA", 1), ("ECU", 1))),
        (
            "cocoa-farming",
            (("CIV", 42), ("GHA", 11), ("IDN", 11), ("ECU", 6), ("CMR", 5), ("NGA", 5), ("BRA", 4)),
        ),
    ],
    "coffee": [
        ("coffee-roasting", (("DEU", 3), ("ITA", 2), ("CHE", 2), ("SWE", 1), ("USA", 2))),
        ("coffee-milling", (("BRA", 4), ("VNM", 3), ("COL", 2), ("ETH", 1), ("HND", 1))),
        (
            "coffee-farming",
            (
                ("BRA", 38),
                ("VNM", 17),
                ("COL", 7),
                ("IDN", 6),
                ("ETH", 5),
                ("HND", 3),
                ("UGA", 4),
                ("PER", 2),
            ),
        ),
    ],
    "cotton": [
        (
            "garment-manufacturing",
            (("BGD", 5), ("CHN", 4), ("VNM", 3), ("TUR", 2), ("IND", 2), ("KHM", 1), ("PAK", 1)),
        ),
        ("fabric-manufacturing", (("CHN", 4), ("BGD", 3), ("IND", 3), ("TUR", 2), ("PAK", 2))),
        ("yarn-spinning", (("CHN", 4), ("IND", 4), ("PAK", 2), ("TUR", 1), ("VNM", 1))),
        ("cotton-ginning", (("IND", 4), ("CHN", 3), ("USA", 2), ("BRA", 2), ("PAK", 1))),
        (
            "cotton-farming",
            (
                ("CHN", 24),
                ("IND", 22),
                ("USA", 12),
                ("BRA", 13),
                ("PAK", 6),
                ("TUR", 3),
                ("BFA", 1),
                ("BEN", 1),
            ),
        ),
    ],
    "minerals": [
        ("electronic-components", (("CHN", 5), ("MYS", 2), ("VNM", 2), ("KOR", 1), ("TWN", 2))),
        ("smelting-refining", (("CHN", 6), ("IDN", 2), ("MYS", 1), ("RWA", 1), ("BEL", 1))),
        ("mineral-trading", (("COD", 4), ("RWA", 2), ("CHN", 2), ("BOL", 1), ("IDN", 1))),
        (
            "artisanal-mining",
            (("COD", 6), ("RWA", 2), ("BOL", 1), ("IDN", 1), ("IND", 1), ("MDG", 1)),
        ),
    ],
    "seafood": [
        ("seafood-trade", (("NLD", 2), ("ESP", 2), ("SGP", 1), ("USA", 1))),
        ("seafood-processing", (("THA", 4), ("VNM", 3), ("CHN", 3), ("IDN", 2), ("ECU", 1))),
        (
            "fishing-vessels",
            (("CHN", 14), ("IDN", 8), ("IND", 6), ("PER", 6), ("RUS", 5), ("THA", 3), ("VNM", 4)),
        ),
    ],
    "services": [
        ("logistics-transport", (("DEU", 3), ("NLD", 2), ("POL", 1), ("CZE", 1))),
        ("cleaning-services", (("DEU", 2), ("AUT", 1), ("POL", 1))),
    ],
}
_CHAIN_OF_SECTOR = {sector: chain for chain, stages in CHAINS.items() for sector, _ in stages}
CHAIN_WEIGHTS = {"cocoa": 2, "coffee": 2, "cotton": 3, "minerals": 2, "seafood": 2, "services": 1}
COUNTRY_SPELLINGS = {
    "CIV": ["CIV", "Côte d'Ivoire", "Ivory Coast", "CI"],
    "TUR": ["Türkiye", "TUR"],
    "VNM": ["Viet Nam", "Vietnam", "VNM"],
    "COD": ["DR Congo", "COD"],
    "DEU": ["Germany", "DE", "DEU"],
    "BRA": ["Brazil", "Brasil", "BRA"],
}
HEADERS = [
    "Supplier ID",
    "Supplier name",
    "Country",
    "Sector",
    "Buyer IDs",
    "Share",
    "Workers",
    "% Migrant",
]
# the columns of a chain whose suppliers hold certifications and audits (see `audited`)
HELD_HEADERS = ["Certifications", "Audit standard", "Audit date", "Audit result"]
# the schemes a supplier of each value chain holds (a few that ddtool does not recognise as
# social schemes among them, as real lists have), and the audits it has
SCHEMES = {
    "cocoa": ["Rainforest Alliance", "Fairtrade", "Organic"],
    "coffee": ["Rainforest Alliance", "Fairtrade", "4C", "Organic"],
    "cotton": ["SA8000", "WRAP", "Fair Wear", "OEKO-TEX", "Better Cotton"],
    "minerals": ["RMAP", "IRMA", "Fairmined", "ISO 14001"],
    "seafood": ["MSC", "Fair Trade USA", "BAP"],
    "services": ["SA8000", "ISO 9001"],
}
AUDITS = ["SMETA", "amfori BSCI", "SA8000", "WRAP", "SLCP"]
AUDIT_RESULTS = (("pass", 70), ("fail", 10), ("pending", 12), ("conditional pass", 8))


def _pick(rng: random.Random, weighted: Sequence[tuple[str, float]]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def generate(
    suppliers: int, seed: int = 7, company: str = "Synthetic Brands AG", audited: float = 0.0
) -> dict[str, Any]:
    """A chain of `suppliers` suppliers as a YAML-shaped dict (flat form).

    `audited` is the share of suppliers that hold a certification and an audit of their own
    (their dates differ, so each such supplier's score is its own); the rest of the chain is
    the same for every share."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    chains = list(CHAIN_WEIGHTS)
    weights = list(CHAIN_WEIGHTS.values())
    # one branch per tier-1 supplier; about 2% of suppliers are tier 1
    tier1 = max(3, suppliers // 50)
    branches: list[tuple[str, list[list[str]]]] = []
    for i in range(tier1):
        chain = rng.choices(chains, weights=weights)[0]
        branches.append((chain, [[f"T1-{i:06d}"]]))
    count = tier1
    levels = {name: stages for name, stages in CHAINS.items()}
    for i, (chain, tiers) in enumerate(branches):
        stage = levels[chain][0]
        rows.append(_row(rng, tiers[0][0], chain, stage, [], i))
    # grow the branches level by level, fanning out until the budget is used
    depth = 1
    while count < suppliers and depth < 6:
        for chain, tiers in branches:
            stages = levels[chain]
            if depth >= len(stages) or len(tiers) <= depth - 1:
                continue
            parents = tiers[depth - 1]
            fan = 3 if depth < len(stages) - 1 else 5
            new: list[str] = []
            for parent in parents:
                for _ in range(rng.randint(1, fan)):
                    if count >= suppliers:
                        break
                    sid = f"S-{count:07d}"
                    buyers = [parent]
                    if parents and rng.random() < 0.05:  # shared supplier: a DAG
                        other = rng.choice(parents)
                        if other != parent:
                            buyers.append(other)
                    rows.append(_row(rng, sid, chain, stages[depth], buyers, count))
                    new.append(sid)
                    count += 1
            tiers.append(new)
        depth += 1
        if depth == 6 and count < suppliers:  # budget left: widen the raw-material tiers
            depth = 1
            branches = [(c, [t[0]] + [t[-1]] * 0) for c, t in branches]  # restart from tier 1
    rows = rows[:suppliers]
    if audited:
        _hold(rows, audited, random.Random(seed + 1))
    return {"company": {"name": company, "country": "DEU"}, "suppliers": rows}


def _hold(rows: list[dict[str, Any]], share: float, rng: random.Random) -> None:
    """Give about `share` of the suppliers one certification (a scheme of its value chain,
    valid until a day in 2025-2028: some have expired) and one audit (a day in the three
    years up to 2026-10-31: some are too old to count), from their own random generator."""
    start = dt.date(2023, 11, 1)
    for row in rows:
        if rng.random() >= share:
            continue
        chain = _CHAIN_OF_SECTOR.get(row["sector"] or "", "services")
        until = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        row["certifications"] = [{"name": rng.choice(SCHEMES[chain]), "valid_until": until}]
        row["audits"] = [
            {
                "standard": rng.choice(AUDITS),
                "date": start + dt.timedelta(days=rng.randrange(3 * 365)),
                "result": _pick(rng, AUDIT_RESULTS),
            }
        ]


def _row(
    rng: random.Random,
    sid: str,
    chain: str,
    stage: tuple[str, Sequence[tuple[str, float]]],
    buyers: list[str],
    index: int,
) -> dict[str, Any]:
    sector, countries = stage
    iso3 = _pick(rng, countries)
    country: str | None = rng.choice(COUNTRY_SPELLINGS.get(iso3, [iso3]))
    if rng.random() < 0.04:
        country = None  # a data gap
    row: dict[str, Any] = {
        "id": sid,
        "name": f"{sector.replace('-', ' ').title()} {index:06d}",
        "country": country,
        "sector": sector if rng.random() > 0.03 else None,
        "buyers": buyers,
    }
    if rng.random() < 0.4:
        row["workers"] = rng.randint(5, 4000)
    if rng.random() < 0.2:
        row["migrant_pct"] = rng.randint(0, 90)
    return row


def write_chain(chain: dict[str, Any], path: Path, tier_sheets: bool = False) -> None:
    """Write a generated chain as YAML, CSV or Excel (by suffix); with `tier_sheets`, a
    workbook with a sheet per tier, its suppliers' buyers on the sheets above."""
    path.parent.mkdir(parents=True, exist_ok=True)
    held = any("audits" in s for s in chain["suppliers"])
    headers = HEADERS + HELD_HEADERS if held else HEADERS
    rows = [
        [
            s["id"],
            s["name"],
            s["country"] or "",
            s["sector"] or "",
            ";".join(s["buyers"]),
            "",
            s.get("workers", ""),
            s.get("migrant_pct", ""),
            *(_held_cells(s) if held else ()),
        ]
        for s in chain["suppliers"]
    ]
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml

        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        path.write_text(
            yaml.dump(chain, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        if tier_sheets:  # a sheet per tier, "Tier 1" to "Tier N", each supplier at its first
            tiers = _first_tiers(chain["suppliers"])
            for tier in sorted(set(tiers)):
                ws = wb.create_sheet(f"Tier {tier}")
                ws.append(headers)
                for row, at in zip(rows, tiers, strict=True):
                    if at == tier:
                        ws.append(row)
        else:
            ws = wb.create_sheet("Suppliers")
            ws.append(headers)
            for row in rows:
                ws.append(row)
        company = wb.create_sheet("Company")
        company.append(["name", chain["company"]["name"]])
        company.append(["country", chain["company"]["country"]])
        wb.save(path)
    else:
        raise SystemExit(f"{path}: use .yaml, .csv or .xlsx")


def _first_tiers(suppliers: list[dict[str, Any]]) -> list[int]:
    """Each supplier's tier: 1 without buyers, else one below its highest buyer (a buyer is
    listed before its suppliers)."""
    tier: dict[str, int] = {}
    for s in suppliers:
        tier[s["id"]] = 1 + min((tier[b] for b in s["buyers"]), default=0)
    return [tier[s["id"]] for s in suppliers]


def _held_cells(supplier: dict[str, Any]) -> list[Any]:
    """A supplier's certification and audit as a table's four cells (blank without)."""
    if "audits" not in supplier:
        return ["", "", "", ""]
    cert, audit = supplier["certifications"][0], supplier["audits"][0]
    return [
        f"{cert['name']} (valid until {cert['valid_until'].isoformat()})",
        audit["standard"],
        audit["date"].isoformat(),
        audit["result"],
    ]


def write_members(folder: Path, count: int, seed: int = 11, broken: bool = True) -> list[Path]:
    """`count` member files (20-500 suppliers, mixed formats) plus three broken ones."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        size = rng.randint(20, 500)
        suffix = rng.choice([".yaml", ".yaml", ".csv", ".xlsx"])
        path = folder / f"member-{i:04d}{suffix}"
        write_chain(generate(size, seed=seed + i, company=f"Member company {i:04d}"), path)
        paths.append(path)
    if broken:
        (folder / "broken-yaml.yaml").write_text("suppliers:\n  - id: A\n   name: x\n", "utf-8")
        (folder / "broken-cycle.yaml").write_text(
            "suppliers:\n  - {id: A, name: a, country: DE, buyers: [B]}\n"
            "  - {id: B, name: b, country: DE, buyers: [A]}\n",
            "utf-8",
        )
        (folder / "broken-text.xlsx").write_text("not a workbook\n", "utf-8")
    return paths


def arguments() -> argparse.ArgumentParser:
    """The command line this script takes (its docstring's examples are read with it)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("chain", help="one chain")
    one.add_argument("--suppliers", type=int, required=True)
    one.add_argument("--seed", type=int, default=7)
    one.add_argument(
        "-o", "--output", type=Path, required=True, help="the chain file: .xlsx, .csv or .yaml"
    )
    one.add_argument(
        "--tier-sheets",
        action="store_true",
        help="an .xlsx chain with a sheet per tier (Tier 1, Tier 2, …) instead of one sheet",
    )
    one.add_argument(
        "--audited",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="share of suppliers (0-1) that hold a certification and an audit of their own",
    )
    many = sub.add_parser("members", help="a folder of member files for `ddtool batch`")
    many.add_argument("--count", type=int, default=200)
    many.add_argument("--seed", type=int, default=11)
    many.add_argument("-o", "--output", type=Path, required=True)
    return parser


def main(argv: list[str] | None = None) -> None:
    parser = arguments()
    args = parser.parse_args(argv)
    if args.what == "chain" and not 0 <= args.audited <= 1:
        parser.error(f"--audited: a share from 0 to 1, not {args.audited:g}")
    if args.what == "chain":
        if args.tier_sheets and args.output.suffix.lower() != ".xlsx":
            parser.error("--tier-sheets: an .xlsx output")
        chain = generate(args.suppliers, args.seed, audited=args.audited)
        write_chain(chain, args.output, tier_sheets=args.tier_sheets)
    else:
        write_members(args.output, args.count, args.seed)


if __name__ == "__main__":
    main()
