"""`ddtool explain` of a supplier whose sector is taken from its products shows the steps
its score takes (methodology, section 3.2): the base with the sector's rating and as a
sector not known, the higher of the two, and where the severity comes from (the default
for a sector not known where it is above the rating, which a listing may raise further),
never "raised to the listing's severity floor" where no listing raised it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rich.console import Console

from ddtool.assess import assess
from ddtool.reporters.explain import explain_supplier

SUPPLIERS = [
    # no sector, products toys: toy manufacturing, rated below a sector not known
    {"id": "TOY-VN", "name": "toys vn", "country": "VN", "products": ["toys"]},
    # the same in China, where toys are listed (forced child labour)
    {"id": "TOY-CN", "name": "toys cn", "country": "CN", "products": ["toys"]},
    # no sector, products cocoa beans: cocoa farming, rated above a sector not known
    {"id": "COCOA-CI", "name": "cocoa ci", "country": "CI", "products": ["cocoa beans"]},
    # the sector given: as before, but the listing named
    {"id": "TOY-CN-2", "name": "toy maker", "country": "CN", "sector": "toy manufacturing"},
]
RATED = "0.5 × sector ({sector}, taken from products) + 0.5 × country"
AS_UNKNOWN = "the sector weighted in as no data (0.5), never lowering the country score"
HIGHER = (
    "the higher of the two ({which}): a sector taken from products is still a data gap, and"
    " never scores lower than a sector not known"
)
# a listing's row, as the registers give it, below the floor it sets
LISTED = [
    "US DOL List of Goods: {good}",
    "",
    "listed for child labour, forced labour, forced child labour (2022, List of Goods Produced"
    " by Child Labor or Forced Labor (TVPRA list), 2022 edition)",
]
# the year and source of a sector's rated severity, as its fact cites them
RATING = (
    "(2026, ddtool sector ratings (the project's own judgement, documented per sector with its"
    " rationale))"
)
DEFAULT_ABOVE = (
    "the default for a sector not known ({default}), as it is above the rating {rated} of the"
    " sector taken from products (which never lowers it)"
)


@pytest.fixture(scope="module")
def explained(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[list[str]]]:
    """Each supplier's explain, as the cells of its table rows (one table per risk type,
    one after another)."""
    path = tmp_path_factory.mktemp("guessed") / "chain.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "T", "country": "DEU"}, "suppliers": SUPPLIERS}),
        encoding="utf-8",
    )
    result = assess([path])
    found: dict[str, list[list[str]]] = {}
    for supplier in SUPPLIERS:
        console = Console(record=True, width=1000)  # (no cell wrapped)
        explain_supplier(result, supplier["id"], console)
        found[supplier["id"]] = [
            [cell.strip() for cell in line.split("│")[1:-1]]
            for line in console.export_text().splitlines()
            if line.startswith("│")
        ]
    return found


# (supplier, risk type's table (0: child labour, 1: forced labour, 2: trafficking), the
# rows from the sector's likelihood to the severity, as step, value and note)
CASES = [
    (
        "TOY-VN",
        0,
        [
            ["base with the sector's rating", "0.3523", RATED.format(sector="toy-manufacturing")],
            ["base as a sector not known", "0.4523", AS_UNKNOWN],
            ["base", "0.4523", HIGHER.format(which="as a sector not known")],
            ["likelihood", "0.4523", ""],
            ["severity", "0.7000", DEFAULT_ABOVE.format(default="0.7", rated="0.65")],
        ],
    ),
    (
        "TOY-VN",
        1,
        [
            ["base with the sector's rating", "0.4109", RATED.format(sector="toy-manufacturing")],
            ["base as a sector not known", "0.4609", AS_UNKNOWN],
            ["base", "0.4609", HIGHER.format(which="as a sector not known")],
            ["likelihood", "0.4609", ""],
            ["severity", "0.8500", DEFAULT_ABOVE.format(default="0.85", rated="0.8")],
        ],
    ),
    # the listing raises the default further (forced child labour: 0.9)
    (
        "TOY-CN",
        0,
        [
            ["base with the sector's rating", "0.3215", RATED.format(sector="toy-manufacturing")],
            ["base as a sector not known", "0.4215", AS_UNKNOWN],
            ["base", "0.4215", HIGHER.format(which="as a sector not known")],
            [
                "listing floor",
                "0.9000",
                "Toys from China is on the US DOL List of Goods (2022): listed for child labour,"
                " forced labour, forced child labour",
            ],
            [LISTED[0].format(good="Toys (China)"), *LISTED[1:]],
            ["likelihood", "0.9000", ""],
            [
                "severity",
                "0.9000",
                "raised to the listing's severity floor (Toys (China) is listed) from 0.7: "
                + DEFAULT_ABOVE.format(default="0.7", rated="0.65"),
            ],
        ],
    ),
    # trafficking: the listing's 0.9 is not above the default's 0.9
    (
        "TOY-CN",
        2,
        [
            ["base with the sector's rating", "0.3617", RATED.format(sector="toy-manufacturing")],
            ["base as a sector not known", "0.4367", AS_UNKNOWN],
            ["base", "0.4367", HIGHER.format(which="as a sector not known")],
            [
                "listing floor",
                "0.8000",
                "Toys from China is on the US DOL List of Goods (2022): listed for child labour,"
                " forced labour, forced child labour",
            ],
            [LISTED[0].format(good="Toys (China)"), *LISTED[1:]],
            ["likelihood", "0.8000", ""],
            ["severity", "0.9000", DEFAULT_ABOVE.format(default="0.9", rated="0.8")],
        ],
    ),
    # a sector rated above a sector not known keeps its own base and severity
    (
        "COCOA-CI",
        0,
        [
            ["base with the sector's rating", "0.7889", RATED.format(sector="cocoa-farming")],
            ["base as a sector not known", "0.6778", AS_UNKNOWN],
            ["base", "0.7889", HIGHER.format(which="with the sector's rating")],
            [
                "listing floor",
                "0.9000",
                "Cocoa from Côte d'Ivoire is on the US DOL List of Goods (2022): listed for child"
                " labour, forced labour, forced child labour",
            ],
            [LISTED[0].format(good="Cocoa (Côte d'Ivoire)"), *LISTED[1:]],
            ["likelihood", "0.9000", ""],
            [
                "severity",
                "0.9000",
                "the sector's severity (taken from products; the default for a sector not"
                f" known, 0.7, is not above it) {RATING}",
            ],
        ],
    ),
    # the sector given: one base, and the listing that raised the severity named
    (
        "TOY-CN-2",
        0,
        [
            ["base", "0.3215", ""],
            [
                "listing floor",
                "0.9000",
                "Toys from China is on the US DOL List of Goods (2022): listed for child labour,"
                " forced labour, forced child labour",
            ],
            [LISTED[0].format(good="Toys (China)"), *LISTED[1:]],
            ["likelihood", "0.9000", ""],
            [
                "severity",
                "0.9000",
                "raised to the listing's severity floor (Toys (China) is listed) from 0.65:"
                " the sector's severity",
            ],
        ],
    ),
]


@pytest.mark.parametrize(("supplier_id", "table", "rows"), CASES)
def test_explain_shows_the_steps_of_a_sector_taken_from_products(
    explained: dict[str, list[list[str]]], supplier_id: str, table: int, rows: list[list[str]]
) -> None:
    found = explained[supplier_id]
    starts = [i for i, row in enumerate(found) if row[0].startswith("sector inherent")]
    assert len(starts) == 3
    first = starts[table]
    sector_row = found[first]
    guessed = supplier_id != "TOY-CN-2"
    assert sector_row[0] == "sector inherent likelihood" + (
        " (taken from products)" if guessed else ""
    )
    assert found[first + 1 : first + 1 + len(rows)] == rows


def test_no_guessed_sector_reads_as_raised_by_a_listing_it_was_not(
    explained: dict[str, list[list[str]]],
) -> None:
    """The default of a sector not known is never shown as a listing's floor: only TOY-CN
    (child and forced labour) and TOY-CN-2 had their severity raised by one."""
    counts = {
        supplier_id: sum(r[0] == "severity" and r[2].startswith("raised") for r in rows)
        for supplier_id, rows in explained.items()
    }
    assert counts == {"TOY-VN": 0, "TOY-CN": 2, "COCOA-CI": 0, "TOY-CN-2": 3}


@pytest.mark.parametrize(
    ("supplier_id", "note"),
    [
        # raised from the default a guess keeps (not from the sector's own 0.65)
        (
            "TOY-CN",
            "Toys (China) is listed; before it, the default severity for a sector not known,"
            " 0.7, as it is above the toy-manufacturing rating's 0.65",
        ),
        ("TOY-CN-2", "Toys (China) is listed; the sector's own severity is 0.65"),
    ],
)
def test_the_severity_fact_says_what_a_listing_raised(
    tmp_path: Path, supplier_id: str, note: str
) -> None:
    """The register's fact for a severity a listing raised names what it was raised from."""
    path = tmp_path / "chain.yaml"
    path.write_text(
        yaml.safe_dump({"company": {"name": "T", "country": "DEU"}, "suppliers": SUPPLIERS}),
        encoding="utf-8",
    )
    result = assess([path])
    facts = [
        e
        for e in result.risks[supplier_id].by_type["child_labour"].evidence
        if e.indicator.startswith("severity (")
    ]
    assert [(f.indicator, f.value, f.note) for f in facts] == [
        ("severity (child labour): listed good", 0.9, note)
    ]
