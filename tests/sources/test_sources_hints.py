"""Warnings that keep data from being lost or guessed silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from ddtool.reference.countries import normalise_country
from ddtool.sources import ReadOptions, read_chain


def test_header_that_looks_like_a_field_gets_a_map_suggestion(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text(
        "Vendor ID,Vendor Name,Country,Parent Vendor Code\nV1,One,GHA,\nV2,Two,GHA,V1\n", "utf-8"
    )
    _chain, problems = read_chain([path], ReadOptions())
    [warning] = [p for p in problems.items if p.type == "unmapped-column"]
    assert warning.location.column == "Parent Vendor Code"
    assert warning.suggestion == "--map 'Parent Vendor Code=buyers'"
    mapped, _ = read_chain([path], ReadOptions(column_map={"Parent Vendor Code": "buyers"}))
    assert [s.buyers for s in mapped.suppliers] == [[], ["V1"]]


def test_a_mapping_that_names_no_header_is_a_warning_with_the_closest(tmp_path: Path) -> None:
    path = tmp_path / "lieferanten.csv"
    path.write_text("Lieferant Nr,Name,Land,Sektor\nL1,Acme,DEU,garment\n", "utf-8")
    column_map = {"Lieferant Nr": "id", "Lnad": "country", "Sektor": "sector"}
    _chain, problems = read_chain([path], ReadOptions(column_map=column_map))
    [warning] = [p for p in problems.items if p.type == "unused-map"]
    assert "'Lnad=country'" in warning.message
    assert warning.suggestion == "'Land=country'"
    assert warning.location.row == 1
    fixed = {**column_map, "Land": "country"}
    del fixed["Lnad"]
    chain, problems = read_chain([path], ReadOptions(column_map=fixed))
    assert not [p for p in problems.items if p.type == "unused-map"]
    assert chain.suppliers[0].country == "DEU"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        # (the --map entries given beside the settings' columns: Lnad: country, Firma: name)
        ({"Lieferant Nr": "id"}, {"Lnad=country": "cfg", "Firma=name": "cfg"}),
        # a --map of a header the settings map too replaces their entry: its own, no file;
        # and of a field they read from another header ('Firma: name'), that entry too
        ({"Lnad": "name"}, {"Lnad=name": None}),
        ({"LNAD": "name"}, {"LNAD=name": None}),
    ],
)
def test_an_unused_mapping_of_the_settings_says_where_it_is_written(
    tmp_path: Path, given: dict[str, str], said: dict[str, str | None]
) -> None:
    """A columns: entry that names no header is in the --config file, not in the table the
    warning is located at: the warning says so (a --map entry, given on the command line,
    needs no place). A re-run from the recorded settings and merged map says the same."""
    from ddtool.config import load_config

    settings = tmp_path / "ddtool.yaml"
    settings.write_text("columns:\n  Lnad: country\n  Firma: name\n", "utf-8")
    path = tmp_path / "lieferanten.csv"
    path.write_text("Lieferant Nr,Name,Land\nL1,Acme,DEU\n", "utf-8")
    config = load_config(settings)
    options = ReadOptions(column_map=dict(given))
    config.merge_columns(options, settings)
    _chain, problems = read_chain([path], options)
    expected = sorted(
        f"the mapping '{m}'"
        + (f" (a columns: entry of {settings})" if at else "")
        + " names no column of this table"
        for m, at in said.items()
    )
    assert sorted(p.message for p in problems.items if p.type == "unused-map") == expected
    again = ReadOptions(column_map=dict(options.column_map))  # (as verify re-runs)
    config.merge_columns(again, settings)
    assert again.map_given_in == options.map_given_in


def test_parent_vendor_is_a_known_buyers_header(tmp_path: Path) -> None:
    path = tmp_path / "vendors.csv"
    path.write_text("Vendor Number,Vendor Name,Parent Vendor\n1,One,\n2,Two,1\n", "utf-8")
    chain, problems = read_chain([path], ReadOptions())
    assert not problems.items
    assert [s.buyers for s in chain.suppliers] == [[], ["1"]]


def test_congo_alone_is_ambiguous_not_guessed() -> None:
    match = normalise_country("Congo")
    assert match.iso3 is None and not match.unknown
    assert "COD" in (match.suggestion or "") and "COG" in (match.suggestion or "")


ACME = "{name: Acme Choc GmbH, country: DE, sector: chocolate-manufacturing}"


@pytest.mark.parametrize(
    ("blocks", "company", "warned"),
    [
        # the first file that names the company names it, even after one that names none;
        # the nameless one's differing country is told, at its own company
        (
            ["{country: FR}", ACME],
            ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"),
            [("a.yaml", "country 'FRA' (used: 'DEU')")],
        ),
        # a nameless company fills in only what the named one lacks
        (
            ["{country: FR, sector: sugar-refining}", "{name: Acme Choc GmbH, country: DE}"],
            ("Acme Choc GmbH", "DEU", "sugar-refining"),
            [("a.yaml", "country 'FRA' (used: 'DEU')")],
        ),
        (
            ["{name: Acme Choc GmbH}", "{sector: sugar-refining}", "{country: DE}"],
            ("Acme Choc GmbH", "DEU", "sugar-refining"),
            [],
        ),
        # the same name, or none, with another country and sector: each told
        (
            [ACME, "{name: Acme Choc GmbH, country: BD, sector: garment-manufacturing}"],
            ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"),
            [
                (
                    "b.yaml",
                    "country 'BGD' (used: 'DEU'), sector 'garment-manufacturing'"
                    " (used: 'chocolate-manufacturing')",
                )
            ],
        ),
        (
            [ACME, "{country: BD, sector: garment-manufacturing}"],
            ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"),
            [("b.yaml", "country 'BGD' (used: 'DEU')")],
        ),
        # another name: told with the other values that differ; it fills in nothing
        (
            ["{name: Alpha Co}", "{name: Beta Co, country: GH}"],
            ("Alpha Co", None, None),
            [("b.yaml", "name 'Beta Co' (used: 'Alpha Co')")],
        ),
        (
            [ACME, "{name: Beta Co, country: DE}"],
            ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"),
            [("b.yaml", "name 'Beta Co' (used: 'Acme Choc GmbH');")],
        ),
        # the template's placeholder names none
        (
            ["{name: Your company name, sector: sugar-refining}", ACME],
            ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"),
            [("a.yaml", "sector 'sugar-refining' (used: 'chocolate-manufacturing')")],
        ),
        # the same company twice, or a file without one: nothing to tell
        ([ACME, ACME], ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"), []),
        ([None, ACME], ("Acme Choc GmbH", "DEU", "chocolate-manufacturing"), []),
        # no file names one: the first company, named after its file (today's rule)
        (
            ["{country: FR}", "{country: BD, sector: garment-manufacturing}"],
            ("a", "FRA", "garment-manufacturing"),
            [("b.yaml", "country 'BGD' (used: 'FRA')")],
        ),
    ],
)
def test_the_first_file_that_names_the_company_names_it(
    tmp_path: Path,
    blocks: list[str | None],
    company: tuple[str, str | None, str | None],
    warned: list[tuple[str, str]],
) -> None:
    paths = []
    for number, block in enumerate(blocks):
        path = tmp_path / f"{'abc'[number]}.yaml"
        head = f"company: {block}\n" if block is not None else ""
        path.write_text(f"{head}suppliers: [{{id: S{number}, name: s{number}}}]\n", "utf-8")
        paths.append(path)
    chain, problems = read_chain(paths, ReadOptions())
    assert (chain.company.name, chain.company.country, chain.company.sector) == company
    conflicts = [p for p in problems.items if p.type == "company-conflict"]
    assert [(Path(p.location.file).name, p.location.line) for p in conflicts] == [
        (file, 1) for file, _ in warned
    ]
    for problem, (_, told) in zip(conflicts, warned, strict=True):
        assert told in problem.message
        assert f"the chain's company is {company[0]!r}" in problem.message
    assert [p.type for p in problems.items if p.type != "company-conflict"] == (
        ["company-name"] if company[0] == "a" else []
    )


@pytest.mark.parametrize("written", ["unknown", "tbc", "?", "n/a", "null", "not known"])
def test_a_sector_written_as_unknown_is_a_gap_like_a_blank_one(
    tmp_path: Path, written: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(f"id,name,country,sector\nS1,One,DEU,{written}\n", "utf-8")
    chain, problems = read_chain([path], ReadOptions())
    assert chain.suppliers[0].sector is None and chain.suppliers[0].sector_raw is None
    assert not [p for p in problems.items if p.type == "unknown-sector"]


@pytest.mark.parametrize(
    ("written", "not_sector"),
    [
        ("maquiladora", "garment-manufacturing"),  # any export assembly plant in Mexico
        ("electronics maquiladora", "garment-manufacturing"),
        ("tintorería", "textile-finishing"),  # most often a dry cleaner
    ],
)
def test_words_of_many_sectors_are_not_one_sectors_aliases(written: str, not_sector: str) -> None:
    from ddtool.profiles import load_profiles

    assert load_profiles().match_sector(written).id != not_sector


@pytest.mark.parametrize(
    ("written", "sector"),
    [
        ("Kakaobauern", "cocoa-farming"),
        ("cacaoculture", "cocoa-farming"),
        ("Kaffeeanbau", "coffee-farming"),
        ("filature", "yarn-spinning"),
        ("Näherei", "garment-manufacturing"),
        ("bateau de pêche", "fishing-vessels"),
        ("barco pesquero", "fishing-vessels"),
        ("orpaillage", "artisanal-mining"),
        ("Haselnussernte", "hazelnut-farming"),
        ("pesca", "fishing-vessels"),
        ("Garnelenzucht", "aquaculture"),
        ("maquila de ropa", "garment-manufacturing"),
        ("Färberei", "textile-finishing"),
    ],
)
def test_key_sectors_written_in_german_french_or_spanish_are_matched(
    written: str, sector: str
) -> None:
    """A supplier list kept in German or French was scored on its countries alone."""
    from ddtool.profiles import load_profiles

    assert load_profiles().match_sector(written).id == sector


@pytest.mark.parametrize(
    ("product", "good"),
    [
        ("Kakaobohnen", "Cocoa"),
        ("fèves de cacao", "Cocoa"),
        ("Rohkaffee", "Coffee"),
        ("Baumwolle", "Cotton"),
        ("fil de coton", "Thread/Yarn"),
        ("Garnelen", "Shrimp"),
        ("Haselnüsse", "Hazelnuts"),
        ("Haselnuss", "Hazelnuts"),
        ("Kakaobohne", "Cocoa"),
        ("camarón", "Shrimp"),
        ("cashew kernels", "Cashews"),
    ],
)
def test_key_goods_written_in_german_french_or_spanish_are_matched(product: str, good: str) -> None:
    from ddtool.profiles import load_profiles

    assert load_profiles().match_good(product) == good


@pytest.mark.parametrize(
    ("product", "suggestion"),
    [
        ("cocoa beanz", "'cocoa bean'"),  # (an alias of Cocoa, as 'cocoa beans' is)
        ("cofee beans", "'coffee beans'"),
        # one word misspelt amid qualifiers: the product with the word mended, never read
        # as the good
        ("shelled hazlenuts", "'shelled hazelnuts'"),
        ("cashew kernals W320", "'cashew kernels W320'"),
        ("vanamei shrimp", "'vannamei shrimp'"),
        ("basmatti rice", "'basmati rice'"),
        ("rw cane sugar", "'raw cane sugar'"),  # (a short word beside a good named only)
        ("blak tea CTC", "'black tea CTC'"),
        ("frozen peas", None),  # (a short word beside no good: not 'frozen pears')
        ("bulk drugs", None),  # (not 'bulk rugs')
        ("sugar cane cans", None),  # (a container's word: not 'sugar cane cane')
        ("shelled hazelnuts", None),
        # a machine or worker of a state or work is no slip of it: no 'rice cooked'
        ("rice cooker", None),
        ("coffee washer", None),
        ("shrimp peeler", None),
        ("rice grader", None),
        ("rice drier", None),
        ("tuna canner", None),
        ("cane suger", "'cane sugar'"),  # (a slip keeps its ending)
        ("fried rice", None),  # (how a dish is made: not 'dried rice')
        # a brand's or a place's words beside 'oro' are no slips: not 'oro ouro'
        ("oro puro", None),
        ("Ouro Fino", None),
        ("Oro Mio", None),
        ("packaging", None),  # names no good, rightly: nothing said
        ("t-shirts", None),
        ("coltan concentrate", None),  # (not 'tin concentrate')
        # a word a letter away from a good's is most often another word
        ("peas", None),  # (not 'pears')
        ("oats", None),  # (not 'goats')
        ("drugs", None),  # (not 'rugs')
        ("grinder", None),  # (not 'rinder', German for cattle)
        ("cashew kernels", None),  # (an alias of Cashews, not 'cashewkerne')
        ("cocoa beans", None),  # a good's name as written
    ],
)
def test_a_product_written_much_like_a_goods_name_is_a_warning(
    tmp_path: Path, product: str, suggestion: str | None
) -> None:
    """A slip in a product's name ('cocoa beanz') missed the listing, with no word said:
    the supplier without a sector was not taken as a cocoa farm in Côte d'Ivoire."""
    from ddtool.profiles import load_profiles

    path = tmp_path / "p.csv"
    path.write_text(f"id,name,country,products\nX1,Trader,CIV,{product}\n", "utf-8")
    _chain, problems = read_chain([path], ReadOptions(), load_profiles())
    found = [p for p in problems.items if p.type == "unmatched-product"]
    if suggestion is None:
        assert found == []
        return
    [warning] = found
    assert (warning.location.row, warning.location.column) == (2, "products")
    assert warning.suggestion == suggestion and warning.severity == "warning"
    assert warning.message.startswith(f"product {product!r} is not the name of a good")


@pytest.mark.parametrize(
    ("written", "iso3"),
    [
        ("Volksrepublik China", "CHN"),
        ("VR China", "CHN"),
        ("République populaire de Chine", "CHN"),
        ("RD Congo", "COD"),
        ("DR Kongo", "COD"),
        ("Rep. Kongo", "COG"),  # (the other Congo, not DR Kongo's)
    ],
)
def test_country_names_as_german_and_french_lists_write_them(written: str, iso3: str) -> None:
    assert normalise_country(written).iso3 == iso3


@pytest.mark.parametrize(
    ("written", "outcome"),
    [
        ("bestanden", "passed"),
        ("nicht bestanden", "failed"),
        ("conforme", "passed"),
        ("Non conforme", "failed"),
        ("No conforme", "failed"),
        ("aprobado", "passed"),
        ("reprobado", "failed"),
        ("en attente", "other"),
        ("échec", "failed"),
    ],
)
def test_audit_results_in_german_french_and_spanish_count(written: str, outcome: str) -> None:
    """A failed audit written "non conforme" was an unknown result: its uplift was lost."""
    from ddtool.model import audit_outcome

    assert audit_outcome(written) == outcome


def test_a_table_without_an_id_column_is_one_error_naming_its_columns(tmp_path: Path) -> None:
    """(It was a missing id in every row: 10 errors for a 10-row file, none saying why.)"""
    path = tmp_path / "members.csv"
    rows = "".join(f"Firm {i},cocoa farming\n" for i in range(10))
    path.write_text("Supplier name,Sector\n" + rows, "utf-8")
    chain, problems = read_chain([path], ReadOptions())
    assert chain.suppliers == []
    assert problems.flatten(["type", "message"]) == [
        [
            "no-id-column",
            "no column is read as the supplier id (the columns: Supplier name, Sector); head it"
            " 'id' or 'Supplier ID', or map it: --map 'Header=id'",
        ]
    ]
