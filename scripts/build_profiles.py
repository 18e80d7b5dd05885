"""Build risk_profiles/*.csv from the sourced facts in ../shared/data (values unchanged).

    python scripts/build_profiles.py [DATA_DIR] [--out DIR]

DATA_DIR is ../shared/data beside the repository unless given; DIR is risk_profiles/ unless
given. Each output row keeps its source, year and verification note, and gains a `source_id`
that points into risk_profiles/manifest.yaml. A file of one source (the goods lists) gets
that source's id, checked against the year its rows state. A file citing many sources gets,
row by row, the id its own source name, year and address give (RULES). A row no rule fits,
or two do, stops the build with its file and row, and no table is written: the tables are
put in place together or not at all. A missing or unreadable input is one line, exit 2.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from ddtool.atomic import published_together, write_atomic

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "risk_profiles"
DATA = ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class Rule:
    """A source id for the rows whose source name starts with `name`.

    The rule with the longest name a row's source name starts with speaks for the row
    (its name is the most specific), wherever it stands in RULES. Where one name serves
    several sources (US DOL ILAB publishes several lists, each in editions), `year` (the
    row's own year) and `address` (a part of the row's source address) tell them apart.
    """

    source_id: str
    name: str
    year: str | None = None
    address: str | None = None


RULES = (
    # country indicators
    Rule("walkfree-gsi-2023", "Walk Free, Global Slavery Index 2023"),
    Rule("ilab-findings-2022", "US DOL ILAB, 2022 Findings on the Worst Forms of Child Labor"),
    Rule("ilo-normlex-ratifications", "ILO NORMLEX, ratifications of fundamental conventions"),
    # the 2026 report, also where it quotes a 2025 rating
    Rule("ituc-gri-2026", "ITUC Global Rights Index 2026"),
    Rule("ilostat-informal-employment", "ILOSTAT, Informal employment rate by sex"),
    # sector facts: each edition of the global estimates by its own name
    Rule(
        "ilo-walkfree-iom-gems-2022",
        "ILO, Walk Free, IOM - Global Estimates of Modern Slavery: Forced Labour and Forced"
        " Marriage (Sept 2022;",
    ),
    Rule("ilo-walkfree-gems-2017", "ILO & Walk Free - Global Estimates of Modern Slavery (2017;"),
    Rule("ilo-unicef-child-labour-2020", "ILO & UNICEF - Child Labour: Global estimates 2020"),
    # the counts on DOL's own pages: the list by its page, the edition by the year
    Rule("ilab-goods-2022", "US DOL ILAB", year="2022", address="/list-of-goods"),
    Rule("ilab-goods-2024-facts", "US DOL ILAB", year="2024", address="/list-of-goods"),
    Rule("eo13126-2022", "US DOL ILAB", year="2022", address="/list-of-products"),
    Rule(
        "ilab-goods-2024-changes",
        "US DOL ILAB (via law-firm summary)",
        year="2024",
        address="thompsonhinesmartrade.com/",
    ),
    Rule("uflpa-goods-press-2025", "US DOL (as reported)", year="2025", address="mhlnews.com/"),
    # origin shares (their source names start with a grade, "[A] ", which is not read here)
    Rule("usgs-mcs-2025", "USGS Mineral Commodity Summaries 2025"),
    Rule("usda-psd-coffee", "USDA FAS PSD (Production, Supply & Distribution) coffee"),
    Rule("usda-wap-cotton", "USDA FAS World Agricultural Production, Table 17"),
    Rule("usda-post-cotton", "USDA FAS Post"),
    Rule("usda-post-cotton", "USDA FAS GAIN"),
    Rule("faostat", "FAOSTAT"),
    Rule("faostat-hazelnuts-third-party", "FAOSTAT hazelnuts"),
    Rule("fao-sofia-2024", "FAO SOFIA 2024"),
    Rule("anrpc-2023", "Association of Natural Rubber Producing Countries (ANRPC) 2023"),
    Rule("gsa-shrimp-2023", "Global Seafood Alliance / Rabobank"),
    Rule("vanilla-industry-2018", "'Industry reports'", year="2018"),
    Rule("iea-solar-2022", "IEA (2022) Solar PV Global Supply Chains"),
)

# an origin share's grade of evidence before its source name: "[A] ", "[A, stale 2018] "
GRADE = re.compile(r"\[[^\]]*\]\s*")
# a row citing the page an earlier row cites ("same page: Indonesia 29.8% ...") has that
# row's source
SAME_PAGE = "same page"


@dataclass(frozen=True)
class Table:
    """One output table: its input file, and one source id for all its rows (`source_id`,
    each row's `year` beginning with `edition`) or one for each row (RULES)."""

    out: str
    data: str
    source_id: str | None = None
    edition: str = ""
    year: str = "year"
    address: str = "source_url"


TABLES = (
    Table("countries.csv", "risk/country_indicators.csv"),
    Table("goods.csv", "risk/ilab_goods_2022.csv", "ilab-goods-2022", "2022"),
    Table(
        "goods_2024_changes.csv",
        "risk/ilab_goods_2024_changes.csv",
        "ilab-goods-2024-changes",
        "2024",
    ),
    Table(
        "eo13126_products.csv",
        "risk/eo13126_products_2014.csv",
        "eo13126-2014",
        "2014",
        year="list_version",
    ),
    Table("sector_facts.csv", "risk/sector_facts.csv", year="reference_year"),
    Table("origins.csv", "origins/origin_shares.csv", address="source_location"),
)


class BuildError(Exception):
    """A fact the build cannot credit or read: the message says where."""


def source_id(name: str, year: str, address: str, earlier: dict[str, str]) -> str:
    """The source id of a row with this source name, year and source address; `earlier`
    holds the id given last in its file to each address."""
    name = GRADE.sub("", name, count=1) if name.startswith("[") else name
    if name.startswith(SAME_PAGE):
        if address not in earlier:
            raise BuildError(f"{name!r} cites the page of an earlier row, but none cites {address}")
        return earlier[address]
    named = [rule for rule in RULES if name.startswith(rule.name)]
    if not named:
        raise BuildError(f"no rule gives a source id for source name {name!r}")
    longest = max(len(rule.name) for rule in named)
    fitting = {
        rule.source_id
        for rule in named
        if len(rule.name) == longest
        and rule.year in (None, year)
        and (rule.address is None or rule.address in address)
    }
    said = name[:longest]
    if not fitting:
        raise BuildError(f"no rule for {said!r} of year {year!r} at {address!r}")
    if len(fitting) > 1:
        raise BuildError(f"rules for {said!r} give two source ids: {', '.join(sorted(fitting))}")
    return fitting.pop()


def build(table: Table, path: Path, known: set[str]) -> tuple[str, int]:
    """The table's CSV text with a source id on every row, and its number of rows."""
    if not path.is_file():
        raise BuildError(f"{path}: missing from the sourced facts")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = list(reader)
            fields = list(reader.fieldnames or [])
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise BuildError(f"{path}: cannot be read: {e}") from None
    needed = [table.year] + ([] if table.source_id else ["source_name", table.address])
    if not rows or any(column not in fields for column in needed):
        raise BuildError(f"{path}: no rows, or not the columns {', '.join(needed)}")
    earlier: dict[str, str] = {}
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=[*fields, "source_id"], lineterminator="\n")
    writer.writeheader()
    for line, row in enumerate(rows, start=2):
        if None in row:  # (the cells beyond the header's, which the reader keys None)
            raise BuildError(
                f"{path}: row {line}: {len(fields) + len(row[None])} cells, but the header"
                f" has {len(fields)}"
            )
        year, address = row[table.year] or "", row.get(table.address) or ""
        try:
            if table.source_id is not None:
                if not year.startswith(table.edition):
                    raise BuildError(
                        f"{table.year} {year!r} is not of the {table.edition} edition"
                        f" credited to {table.source_id}"
                    )
                credit = table.source_id
            else:
                credit = source_id(row["source_name"] or "", year, address, earlier)
        except BuildError as e:
            raise BuildError(f"{path}: row {line}: {e}") from None
        if credit not in known:
            raise BuildError(f"{path}: row {line}: source id {credit} is not in the manifest")
        earlier[address] = credit
        writer.writerow({**row, "source_id": credit})
    return text.getvalue(), len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build_profiles.py",
        description="Build the risk_profiles tables from the sourced facts.",
    )
    parser.add_argument(
        "data",
        nargs="?",
        type=Path,
        default=DATA,
        metavar="DATA_DIR",
        help="the sourced facts (default: ../shared/data beside the repository)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=OUT,
        metavar="DIR",
        help="the folder the tables are written to (default: risk_profiles/)",
    )
    args = parser.parse_args(argv)
    data: Path = args.data
    out: Path = args.out
    if not data.is_dir():
        where = "../shared/data beside the repository" if data == DATA else "that folder"
        print(f"{data}: no sourced facts ({where} is missing)", file=sys.stderr)
        return 2
    if not out.is_dir():
        print(f"{out}: not a folder to write the tables to", file=sys.stderr)
        return 2
    manifest = yaml.safe_load((ROOT / "risk_profiles" / "manifest.yaml").read_text("utf-8"))
    known = {source["id"] for source in manifest["sources"]}
    try:
        built = {table.out: build(table, data / table.data, known) for table in TABLES}
        with published_together():  # every table put in place, or none
            for name, (text, _) in built.items():
                write_atomic(out / name, text)
    except BuildError as e:
        print(e, file=sys.stderr)
        return 2
    except OSError as e:
        print(f"{e.filename}: {e.strerror}", file=sys.stderr)
        return 2
    for name, (_, count) in built.items():
        print(f"{name}: {count} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
