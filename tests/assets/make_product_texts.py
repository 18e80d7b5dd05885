"""Generate tests/assets/products/product_texts.txt: product texts as supplier lists write
them, to see which listed good each names (deterministic: run it again, same bytes).

Run: python tests/assets/make_product_texts.py
The file it writes is committed; do not edit it by hand, change this script instead.

The texts: the products of the sample chains, of the docs and of the tests' chains; every
name and alias of a good (risk_profiles/good_sectors.csv); and those names written as
suppliers write products, with a state, a grade, a packing or an origin beside them
("frozen skipjack tuna", "cocoa beans, grade A", "cashews in 50 kg bags", "Ivorian cocoa"),
or beside words that make them other goods or work ("coffee machine", "cotton swabs").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).parent / "products" / "product_texts.txt"

# a good's name written with what suppliers add to it ({} is the name)
QUALIFIED = [
    "frozen {}",
    "fresh {}",
    "organic {}",
    "dried {}",
    "canned {}",
    "{}, grade A",
    "premium {}",
    "{} in 50 kg bags",
    "raw {}",
    "Ivorian {}",
    "processed {}",
    "{} (bulk)",
    "smoked {}",
    "Fairtrade {}",
    "roasted {}",
    "Ghanaian {}",
    "refined {}",
    "{} fillets",
    "conventional {}",
    "crude {}",
    "salted {}",
    "whole {}",
    "ground {}",
    "{} from Ghana",
    "chilled {}",
    "bagged {}",
    "{} loins",
    "25 kg {}",
]
# ... and beside words that make it another good or work
OTHER = [
    "{} machine",
    "{} oil",
    "{} butter",
    "{} swabs",
    "{} nets",
    "{} plated connectors",
    "{} cans",
    "{} processing",
    "{} trader",
    "{} extract",
    "{} packaging",
    "{} powder",
    "{} equipment",
    "{} substitute",
]
# products suppliers write that the two lists above do not make
WRITTEN = [
    "frozen skipjack tuna",
    "frozen yellowfin tuna loins",
    "canned tuna",
    "tuna in tin cans",
    "tin cans",
    "fishing nets",
    "fish oil",
    "palm oil",
    "organic palm oil",
    "coffee machine",
    "cotton swabs",
    "gold plated connectors",
    "cocoa butter",
    "peanut butter",
    "coconut milk",
    "dried fish",
    "dried salted fish",
    "dried shrimp",
    "frozen bigeye tuna",
    "frozen white shrimp",
    "IQF vannamei shrimp, peeled and deveined",
    "farm-raised shrimp, not wild-caught",
    "wild caught shrimp",
    "wild rice",
    "Ivorian cocoa beans, grade I, in jute bags",
    "Ghana cocoa beans",
    "cocoa beans from Côte d'Ivoire",
    "Brazilian green coffee, 60 kg bags",
    "roasted ground coffee",
    "instant coffee",
    "100% organic cotton",
    "cotton bags",
    "organic cotton t-shirts",
    "leather shoes",
    "rubber boots",
    "hazelnut kernels, Turkish, natural",
    "raw cashew nuts in bulk",
    "cashews, W320, 50 lb cartons",
    "RBD palm olein",
    "crude palm oil (CPO), bulk",
    "refined crude palm oil",
    "non-GMO soybeans",
    "GMO-free soy beans",
    "basmati rice",
    "organic basmati rice",
    "parboiled rice, 25kg",
    "guinea pigs",
    "Sichuan pepper",
    "black pepper, whole",
    "ground black pepper",
    "tin solder",
    "tin ingot",
    "refined gold",
    "gold jewellery",
    "cobalt hydroxide",
    "refined cobalt",
    "coltan concentrate",
    "tea bags",
    "green tea",
    "black tea, CTC",
    "processed meat",
    "chicken fillets",
    "beef, frozen, boneless",
    "frozen squid rings",
    "calamari, frozen",
    "canned sardines",
    "fish meal, 65% protein",
    "sea salt, fine",
    "crushed granite",
    "natural stone",
    "wooden furniture",
    "teak furniture",
    "steel nails",
    "cut flowers",
    "fresh cut roses",
    "sugar",
    "raw sugar",
    "cane sugar",
    "brown sugar",
    "sugar cane",
    "cocoa liquor",
    "cocoa powder",
    "cocoa nibs",
    "chocolate",
    "chocolate with hazelnuts",
    "hazelnut paste",
    "tomato paste",
    "tomato ketchup",
    "sun-dried tomatoes",
    "dried tomatoes",
    "dried beans",
    "dried mango",
    "cotton yarn",
    "combed cotton yarn, 30s",
    "cotton fabric",
    "silk fabric",
    "jute bags",
    "hessian sacks",
]


def _products(value: Any) -> Iterator[str]:
    """The products of a chain as YAML gives it, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "products" and isinstance(item, list):
                yield from (str(p) for p in item if isinstance(p, str))
            else:
                yield from _products(item)
    elif isinstance(value, list):
        for item in value:
            yield from _products(item)


def _listed(text: str) -> Iterator[str]:
    """The products of `products: [...]` lists written in the docs and tests."""
    for found in re.finditer(r"products[\"']?\s*[:=]\s*\[([^\]\n]*)\]", text):
        listed = found.group(1)
        # quoted items may hold a comma ("tuna loins, precooked"); YAML's plain ones do not
        quoted = re.findall(r"\"([^\"]*)\"|'([^']*)'", listed)
        items = [a or b for a, b in quoted] if quoted else listed.split(",")
        for item in items:
            item = item.strip()
            # (a constant, a call, a number or a yes/no is no product)
            if (
                re.fullmatch(r"[\w .&'()/%-]+", item)
                and re.search(r"[^\W\d_]{3}", item)
                and not item.isupper()
                and not re.search(r"\w\(", item)
                and item.casefold() not in ("none", "true", "false", "yes")
            ):
                yield item


def texts() -> list[str]:
    """The corpus, in a fixed order, each text once."""
    found: list[str] = []
    for path in sorted((ROOT / "sample_chains").glob("*.yaml")):
        found += _products(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "sample_chains").glob("*.xlsx")):
        for sheet in load_workbook(path, read_only=True):
            rows = list(sheet.iter_rows(values_only=True))
            columns = [
                i for i, h in enumerate(rows[0] if rows else ()) if "product" in str(h).lower()
            ]
            for row in rows[1:]:
                for i in columns:
                    if isinstance(row[i], str):
                        found += [p.strip() for p in re.split(r"[;,]", row[i]) if p.strip()]
    for folder in ("docs", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".md", ".py", ".yaml") and path.name != Path(__file__).name:
                # (the assets of bad input are not all UTF-8)
                found += _listed(path.read_text(encoding="utf-8", errors="replace"))
    with (ROOT / "risk_profiles" / "good_sectors.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    names = [n for row in rows for n in (row["good"], *row["aliases"].split(";")) if n.strip()]
    found += names
    # every second name with one of the additions, in turn; every sixth beside other words
    for i, name in enumerate(names):
        if i % 2 == 0:
            found.append(QUALIFIED[(i // 2) % len(QUALIFIED)].format(name))
        if i % 6 == 0:
            found.append(OTHER[(i // 6) % len(OTHER)].format(name))
    found += WRITTEN
    # each text once, whatever its case ("Amber", "amber")
    once = {text.strip().casefold(): text.strip() for text in reversed(found) if text.strip()}
    return list(dict.fromkeys(once[text.strip().casefold()] for text in found if text.strip()))


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# generated by tests/assets/make_product_texts.py: do not edit by hand\n"
    OUT.write_text(header + "".join(f"{text}\n" for text in texts()), encoding="utf-8")


if __name__ == "__main__":
    main()
