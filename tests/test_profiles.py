"""The bundled risk profiles: complete, sourced, checked on load, overlayable."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import ProfileError
from ddtool.profiles import bundled_dir, load_profiles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
BUNDLED = ROOT / "risk_profiles"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_goods_rows_equal_the_sourced_list() -> None:
    profiles = load_profiles()
    assert len(profiles.goods) == 467
    source = SHARED / "risk" / "ilab_goods_2022.csv"
    if source.is_file():  # ../shared sits beside the clone in CI
        assert len(profiles.goods) == len(_rows(source))
        assert {(r["good"], r["iso3"]) for r in _rows(source)} == {
            (g.good, g.iso3) for g in profiles.goods
        }


def test_bundled_tables_keep_every_source_value_unchanged() -> None:
    source = SHARED / "risk" / "country_indicators.csv"
    if not source.is_file():
        pytest.skip("../shared/data not beside the repository")
    bundled = _rows(BUNDLED / "countries.csv")
    original = _rows(source)
    assert [(r["iso3"], r["indicator"], r["value"], r["year"], r["sex"]) for r in bundled] == [
        (r["iso3"], r["indicator"], r["value"], r["year"], r["sex"]) for r in original
    ]


def test_every_value_has_a_known_source() -> None:
    profiles = load_profiles()
    for country in profiles.indicators.values():
        for values in country.values():
            for item in values:
                assert item.source_id in profiles.sources
                assert item.year is not None
    for listing in profiles.goods:
        assert listing.source_id in profiles.sources and listing.year == 2022
    for sector in profiles.sectors.values():
        for risk in sector.risk.values():
            assert set(risk.sources) <= set(profiles.sources) and risk.rationale


def test_removals_of_2024_are_recorded_not_dropped() -> None:
    profiles = load_profiles()
    shrimp = [g for g in profiles.goods if g.good == "Shrimp" and g.iso3 == "THA"]
    assert shrimp and shrimp[0].change_2024
    assert {c.change for c in profiles.goods_changes} >= {"removed"}


def test_taxonomy_covers_the_key_value_chains() -> None:
    profiles = load_profiles()
    assert len(profiles.sectors) >= 40
    chains = {
        "chocolate-manufacturing": "cocoa-farming",
        "coffee-roasting": "coffee-farming",
        "apparel-retail": "cotton-farming",
        "electronics-manufacturing": "artisanal-mining",
        "battery-manufacturing": "industrial-mining",
        "seafood-trade": "fishing-vessels",
    }
    for top, raw in chains.items():
        seen, stack = set(), [top]
        while stack:
            sector = stack.pop()
            seen.add(sector)
            stack.extend(profiles.sectors[sector].inputs)
        assert raw in seen, (top, raw)
    for sector in profiles.sectors.values():
        for commodity in sector.commodities:
            assert commodity in profiles.origins


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("cocoa", "cocoa-farming"),
        ("Cocoa farming", "cocoa-farming"),
        ("garment factory", "garment-manufacturing"),
        ("Spinning mill", "yarn-spinning"),
        ("trawler", "fishing-vessels"),
        ("pole and line", "fishing-vessels"),
        ("fish meal", "seafood-processing"),  # as "fishmeal"
        ("shrimp processing", "seafood-processing"),
        ("tuna loining", "seafood-processing"),
        ("software", "software-services"),
    ],
)
def test_sector_aliases(text: str, sector: str) -> None:
    assert load_profiles().match_sector(text).id == sector


def test_unknown_sector_gets_a_suggestion() -> None:
    match = load_profiles().match_sector("sofware servics")
    assert match.id is None and match.suggestion and "software-services" in match.suggestion


@pytest.mark.parametrize(
    ("product", "good"),
    [
        ("cocoa beans", "Cocoa"),
        ("raw cotton", "Cotton"),
        ("Peppers", "Peppers"),
        ("Pepper", "Pepper"),
        ("bricks", "Bricks"),
        ("cobalt hydroxide", "Cobalt ore (heterogenite)"),  # what DRC copper-cobalt mines sell
        ("tantalite", "Tantalum ore (coltan)"),
        ("wolfram", "Tungsten ore (wolframite)"),
        ("frozen shrimp", "Shrimp"),
        ("yellowfin", "Fish"),
        ("tuna loins", "Fish"),
        ("beet sugar", "Sugar Beets"),
        ("cane sugar", "Sugarcane"),
    ],
)
def test_products_find_their_listing(product: str, good: str) -> None:
    assert load_profiles().match_good(product) == good


def _overlay(tmp_path: Path, name: str, rows: list[dict[str, str]]) -> Path:
    folder = tmp_path / "overlay"
    folder.mkdir(exist_ok=True)
    header = list(_rows(BUNDLED / name)[0].keys())
    with (folder / name).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in header})
    return folder


def test_broken_profile_file_names_file_and_row(tmp_path: Path) -> None:
    good = {
        "iso3": "DEU",
        "indicator": "gsi2023_prevalence_per_1000",
        "value": "9",
        "year": "2023",
        "sex": "total",
        "source_id": "walkfree-gsi-2023",
    }
    folder = _overlay(
        tmp_path,
        "countries.csv",
        [good, {**good, "iso3": "XXQ"}, {**good, "source_id": ""}],
    )
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    message = str(excinfo.value)
    assert f"{folder / 'countries.csv'}: row 3: bad ISO 3166 alpha-3 code 'XXQ'" in message
    assert f"{folder / 'countries.csv'}: row 4: value without source" in message


def test_goods_row_without_source_fails(tmp_path: Path) -> None:
    row = _rows(BUNDLED / "goods.csv")[0]
    folder = _overlay(tmp_path, "goods.csv", [{**row, "source_id": ""}])
    with pytest.raises(ProfileError, match=r"goods.csv: row 2: value without source"):
        load_profiles([folder])


def test_overlay_overrides_a_value_and_changes_the_hash(tmp_path: Path) -> None:
    base = load_profiles()
    row = {
        "iso3": "DEU",
        "country": "Germany",
        "indicator": "gsi2023_prevalence_per_1000",
        "value": "14.0",
        "unit": "per 1,000 population",
        "year": "2025",
        "sex": "total",
        "source_id": "walkfree-gsi-2023",
        "source_name": "own audit findings",
    }
    folder = _overlay(tmp_path, "countries.csv", [row])
    overlaid = load_profiles([folder])
    assert overlaid.indicator("DEU", "gsi2023_prevalence_per_1000").value == "14.0"
    assert base.indicator("DEU", "gsi2023_prevalence_per_1000").value == "0.6"
    assert overlaid.sha256 != base.sha256
    assert overlaid.overlays == [str(folder.resolve())]


def test_bundled_data_is_found_from_another_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert (bundled_dir() / "manifest.yaml").is_file()
    assert load_profiles().version


def test_hash_is_stable_and_covers_every_file(tmp_path: Path) -> None:
    from ddtool.profiles import content_hash

    copy = tmp_path / "copy"
    shutil.copytree(BUNDLED, copy)
    assert content_hash([copy]) == content_hash([BUNDLED])
    with (copy / "sectors.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# edited\n")
    assert content_hash([copy]) != content_hash([BUNDLED])


def test_cli_show_good_cocoa_lists_ivory_coast_and_ghana() -> None:
    result = CliRunner().invoke(app, ["profiles", "show", "good", "cocoa"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    lines = {line.split("│")[1].strip(): line for line in result.output.splitlines() if "│" in line}
    assert "Côte d'Ivoire" in lines and "Ghana" in lines
    for country in ("Côte d'Ivoire", "Ghana"):
        assert lines[country].split("│")[3].strip() == "yes"  # child labour column


def test_cli_show_country_bgd_has_sources_years_and_sex() -> None:
    result = CliRunner().invoke(app, ["profiles", "show", "country", "BGD"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Bangladesh (BGD)" in out
    assert "Global Slavery Index 2023" in out and "2023" in out
    assert "female" in out and "male" in out
    assert "less certain copy" in out


def test_cli_sources_names_every_source_with_year_and_licence() -> None:
    result = CliRunner().invoke(app, ["profiles", "sources"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "2022 edition" in result.output
    for source in load_profiles().sources.values():
        assert source.id in result.output
        assert str(source.year) in result.output
        assert source.licence


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["profiles", "show", "sector", "chocolate-manufacturing"], "cocoa-processing"),
        (["profiles", "show", "sector", "cocoa-farming"], "used by (downstream): cocoa-trading"),
        (["profiles", "show", "sector", "cocoa"], "Cocoa farming"),
        (["profiles", "list"], "467"),
    ],
)
def test_cli_profiles_views(args: list[str], needle: str) -> None:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert needle in result.output


@pytest.mark.parametrize(
    ("sector", "rests_on"), [("artisanal-mining", "ilab-goods-2022"), ("software-services", None)]
)
def test_a_sectors_ratings_are_shown_as_ddtools_resting_on_their_source(
    sector: str, rests_on: str | None
) -> None:
    """The likelihood and severity are ddtool's rating; shown under the List of Goods alone,
    they read as figures the US DOL publishes (the assessment's evidence says it this way)."""
    from rich.console import Console

    from ddtool.reporters.profiles_view import show_item

    profiles = load_profiles()
    console = Console(width=600, record=True)
    assert show_item(profiles, "sector", sector, console) is None
    rows = [line for line in console.export_text().splitlines() if "│ 0." in line]
    rating = profiles.sources["ddtool-rating"]
    expected = f"{rating.name} ({rating.year})"
    if rests_on is not None:  # (a rating resting on nothing but itself says so once)
        source = profiles.sources[rests_on]
        expected += f"; rests on: {source.name} ({source.year})"
    assert len(rows) == 3  # one per risk type
    for row in rows:
        assert row.rstrip(" │").rsplit("│", 1)[1].strip() == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["profiles", "show", "country", "Ivry Coast"], "Côte d'Ivoire"),
        (["profiles", "show", "good", "cocao"], "Cocoa"),
        # a slip of the keys; a name that holds the letters inside a word is none ('steel'
        # and 'heterogenite' were suggested for 'tee'), nor one the text holds ('Tin' for
        # 'platinum')
        (["profiles", "show", "good", "tee"], "did you mean 'Tea'?"),
        (["profiles", "show", "good", "tae"], "did you mean 'Tea'"),
        (["profiles", "show", "good", "platinum"], "on the US DOL list\n"),
        (["profiles", "show", "good", "steel"], "did you mean 'Furniture (steel)'?"),
        (["profiles", "show", "good", "golf"], "did you mean 'Gold'?"),
        (["profiles", "show", "planet", "x"], "unknown kind"),
        (["profiles", "show", "goods", "cotton"], "did you mean 'good'?"),
    ],
)
def test_cli_profiles_unknown_items(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert message in result.output


def test_example_config_loads_and_matches_the_defaults() -> None:
    from ddtool.config import Config, load_config

    loaded = load_config(ROOT / "docs" / "ddtool.example.yaml")
    # "these are the defaults": every key, the certifications recognised too; the columns
    # example is commented out (a copied example would map headers no file has)
    assert loaded == Config()
    text = (ROOT / "docs" / "ddtool.example.yaml").read_text("utf-8")
    assert '#   "Staat": country' in text


def test_bad_config_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "ddtool.yaml"
    bad.write_text("thresholds: {medium: 0.9, high: 0.5}\nflag_level: severe\n", "utf-8")
    result = CliRunner().invoke(
        app, ["assess", str(ROOT / "sample_chains" / "services.yaml"), "--config", str(bad), "-q"]
    )
    assert result.exit_code == 2
    assert str(bad) in result.output and "flag_level" in result.output


def test_the_documents_give_the_bundled_profiles_hash() -> None:
    """An auditor compares an assessment's profiles hash with the one the documents give."""

    root = Path(__file__).resolve().parents[1]
    sha256 = load_profiles().sha256
    methodology = (root / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert set(re.findall(r"\b[0-9a-f]{64}\b", methodology)) == {sha256}
    contract = (root / "docs" / "json-contract.md").read_text(encoding="utf-8")
    [profiles] = re.findall(r'"profiles": \{[^}]*\}', contract)
    assert re.findall(r"\b[0-9a-f]{64}\b", profiles) == [sha256]


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("cofee roasting", "coffee-roasting"),
        ("artisinal mining", "artisanal-mining"),
        ("fishng vessel", "fishing-vessels"),
        ("Tin", "artisanal-mining"),  # was "Coffee roasting"; a word of its mines' names
        ("Food", None),  # was "Seafood processing"
        ("Recruitment agency", None),  # was "Marketing and advertising services"
        # (a mine of unknown scale, "gold mining", is read: tests/test_sector_mines.py)
        ("gold mining equipment", None),
        ("data mining", None),  # no mine
        ("mining equipment", None),
    ],
)
def test_sector_suggestions_are_plausible_or_none(written: str, suggested: str | None) -> None:
    match = load_profiles().match_sector(written)
    assert match.id is None
    assert (
        (match.suggestion or "").startswith(f"'{suggested}'") if suggested else not match.suggestion
    )


@pytest.mark.parametrize(
    ("written", "sector"),
    [
        ("Labour contractor", None),  # was construction (its alias "contractor")
        ("labor hire", None),
        ("Staffing agency", None),
        ("Recruitment agency", None),
        ("manpower supplier", None),
        ("employment agency", None),
        ("building contractor", "construction"),
        ("contractor", "construction"),
        # the work named beside the recruiter is the sector
        ("tea estate labour supplier", "tea-farming"),
        ("labour supplier for construction", "construction"),
        ("employment agency cleaning", "cleaning-services"),
        ("temp-controlled warehousing", "warehousing"),
        ("coal mine", "coal-mining"),
        ("artisanal gold mine", "artisanal-mining"),
    ],
)
def test_labour_recruiters_get_no_sector_and_say_why(written: str, sector: str | None) -> None:
    """A labour contractor is not a building contractor: the work its workers do decides."""
    match = load_profiles().match_sector(written)
    assert match.id == sector
    assert (match.note is not None) == (sector is None)
    if match.note:
        assert "list one beneath the site whose workers it places" in match.note


@pytest.mark.parametrize("written", ["NA", "na", "N.A.", "Namibia", "NAM"])
def test_profiles_show_finds_namibia_by_its_alpha_2_code(written: str) -> None:
    """In a supplier list NA is "not available"; asked for a country here, it is Namibia."""
    result = CliRunner().invoke(app, ["profiles", "show", "country", written])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Namibia (NAM)")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("garbage: [\n", "line 2, column 1: invalid YAML: did not find expected node content"),
        ("sectors:\n  a: 1\n    b: 2\n", "line 3, column 6: invalid YAML: mapping values"),
    ],
)
def test_a_broken_yaml_overlay_is_one_located_line(tmp_path: Path, text: str, said: str) -> None:
    """PyYAML's own message runs over three lines ("in <unicode string>"): one line instead,
    at its line and column, as a chain file's YAML error is."""
    folder = tmp_path / "overlay"
    folder.mkdir()
    (folder / "sectors.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    [line] = [x for x in str(excinfo.value).splitlines() if "sectors.yaml" in x]
    assert line.strip().startswith(f"{folder / 'sectors.yaml'}: {said}")
    assert "unicode string" not in str(excinfo.value)


GOOD_ROW = {
    "iso3": "CIV",
    "indicator": "gsi2023_prevalence_per_1000",
    "value": "9.9",
    "year": "2023",
    "sex": "total",
    "source_id": "walkfree-gsi-2023",
}
# (an overlay's rows, the message of the row that is wrong, or None if it is read)
OVERLAY_ROWS = [
    (
        [{**GOOD_ROW, "indicator": "gsi2023_prevalance_per_1000"}],
        "row 2: unknown indicator 'gsi2023_prevalance_per_1000' (did you mean"
        " 'gsi2023_prevalence_per_1000'?)",
    ),
    ([{**GOOD_ROW, "sex": "both"}], "row 2: gsi2023_prevalence_per_1000 is not given for sex"),
    # the bundled data gives it for the total only: a female figure would be read by nothing
    ([{**GOOD_ROW, "sex": "female"}], "row 2: gsi2023_prevalence_per_1000 is not given for sex"),
    ([GOOD_ROW, {**GOOD_ROW, "value": "7.3"}], "row 3: gsi2023_prevalence_per_1000 of CIV"),
    ([{**GOOD_ROW, "year": "3023"}], "row 2: year '3023' is not the year of a figure"),
    ([{**GOOD_ROW, "value": ""}], "row 2: no value: a blank cannot remove a bundled figure"),
    ([{**GOOD_ROW, "sex": "Total"}], None),  # the sex in another case: the same figure
    ([{**GOOD_ROW, "year": ""}], None),
    # one figure for two years, as the bundled file gives some: the latest is read
    ([{**GOOD_ROW, "year": "2021", "value": "1.1"}, GOOD_ROW], None),
    # a blank where the bundled data has no figure either (a copy of the bundled file)
    ([GOOD_ROW, {**GOOD_ROW, "iso3": "ATA", "value": ""}], None),
]


@pytest.mark.parametrize(("rows", "message"), OVERLAY_ROWS)
def test_an_overlays_figure_must_replace_a_bundled_one(
    tmp_path: Path, rows: list[dict[str, str]], message: str | None
) -> None:
    """A misspelt indicator was read as a figure of its own, shown as from the overlay
    while the bundled 7.3 still counted; a second row for one figure won silently."""
    folder = _overlay(tmp_path, "countries.csv", rows)
    if message is None:
        item = load_profiles([folder]).indicator("CIV", "gsi2023_prevalence_per_1000")
        assert item is not None and (item.value, item.sex) == ("9.9", "total")
        assert item.overlay == "overlay/countries.csv"
        return
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    assert f"{folder / 'countries.csv'}: {message}" in str(excinfo.value)


def test_an_overlay_sector_may_not_take_another_sectors_name(tmp_path: Path) -> None:
    """Its alias "garment" was ignored without a word: a supplier in "garment" stayed a
    garment maker. A re-rated sector under its own id keeps its names."""
    bundled = yaml.safe_load((BUNDLED / "sectors.yaml").read_text("utf-8"))["sectors"]
    cocoa = next(s for s in bundled if s["id"] == "cocoa-processing")
    widget = {
        **cocoa,
        "id": "widget-polishing",
        "name": "Widget polishing",
        "aliases": ["widget polishing", "garment"],
        "inputs": [],
        "commodities": [],
    }
    folder = tmp_path / "overlay"
    folder.mkdir()
    rerated = {**cocoa, "risk": {**cocoa["risk"]}}
    (folder / "sectors.yaml").write_text(
        yaml.safe_dump({"sectors": [rerated, widget]}), encoding="utf-8"
    )
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    [said] = [line.strip() for line in str(excinfo.value).splitlines()[1:]]
    place, _, told = said.partition(": sectors[1]: ")
    assert place.startswith(f"{folder / 'sectors.yaml'}: line ")  # (its entry's line)
    assert told == (
        "widget-polishing: 'garment' already names the sector garment-manufacturing: give"
        " another name (or re-rate that sector under its own id)"
    )


def test_a_copy_of_the_bundled_figures_loads_as_an_overlay(tmp_path: Path) -> None:
    """The usual way to edit: copy countries.csv and change a row. Its data-gap rows (a blank
    value) and figures given for two years were refused."""
    import shutil

    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(BUNDLED / "countries.csv", folder / "countries.csv")
    copied, bundled = load_profiles([folder]), load_profiles()
    assert copied.indicators.keys() == bundled.indicators.keys()
    for iso3 in ("CIV", "ALB", "USA"):
        assert {
            name: [(i.value, i.year, i.sex) for i in items]
            for name, items in copied.indicators[iso3].items()
        } == {
            name: [(i.value, i.year, i.sex) for i in items]
            for name, items in bundled.indicators[iso3].items()
        }


@pytest.mark.parametrize(
    ("country", "missing"),
    [
        ("SUR", "gsi2023_prevalence_per_1000"),  # blank in the source: no national estimate
        ("CHN", "ilo_informal_employment_rate_pct"),  # not in the data at all
    ],
)
def test_profiles_show_country_says_no_data_for_what_the_score_reads_and_lacks(
    country: str, missing: str
) -> None:
    """A figure the data lacks was left out of the view, as if there were nothing to say."""
    result = CliRunner().invoke(
        app, ["profiles", "show", "country", country], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0
    [row] = [line for line in result.output.splitlines() if f"│ {missing} " in line]
    assert "no data" in row and "a data gap: not counted as low" in row


# (the part, the kind its rows are, and how many there are in the bundled data)
PARTS: list[tuple[str, str, int]] = [("sectors", "sector", 70), ("countries", "country", 206)]


@pytest.mark.parametrize(("part", "kind", "count"), PARTS)
@pytest.mark.parametrize("singular", [False, True])
def test_profiles_list_names_every_sector_and_country(
    part: str, kind: str, count: int, singular: bool
) -> None:
    """The methodology sends a user to the list of sector ids to name a supplier's sector;
    there was none. Each id listed is one `profiles show` shows."""
    profiles = load_profiles()
    result = CliRunner().invoke(
        app, ["profiles", "list", kind if singular else part], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    rows = [line.split("│")[1].strip() for line in result.output.splitlines() if "│" in line]
    keys = sorted(profiles.sectors) if part == "sectors" else sorted(profiles.indicators)
    assert rows == keys and len(keys) == count
    assert result.output.rstrip().endswith(f"ddtool profiles show {kind} …")


def test_profiles_list_goods_names_each_goods_countries() -> None:
    profiles = load_profiles()
    result = CliRunner().invoke(app, ["profiles", "list", "goods"], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    rows = {
        cells[1].strip(): cells[2].strip()
        for line in result.output.splitlines()
        if len(cells := line.split("│")) == 4
    }
    assert rows["Cocoa"] == "BRA, CIV, CMR, GHA, GIN, NGA, SLE"
    assert set(rows) == {g.good for g in profiles.goods}


@pytest.mark.parametrize(
    ("part", "said"),
    [
        ("sectr", "unknown part 'sectr' (did you mean 'sectors'?): list sectors, countries"),
        ("mines", "unknown part 'mines': list sectors, countries or goods"),
    ],
)
def test_profiles_list_of_an_unknown_part_is_a_usage_error(part: str, said: str) -> None:
    result = CliRunner().invoke(app, ["profiles", "list", part])
    assert result.exit_code == 2
    assert said in result.output


def test_profiles_list_marks_an_overlays_own_sector(tmp_path: Path) -> None:
    rating = "{likelihood: 0.2, severity: 0.5, rationale: Ours., source: ddtool-rating}"
    (tmp_path / "ov").mkdir()
    (tmp_path / "ov" / "sectors.yaml").write_text(
        "sectors:\n"
        "  - {id: widget-polishing, name: Widget polishing, chain: other, stage: manufacturing,\n"
        f"     risk: {{child_labour: {rating}, forced_labour: {rating},"
        f" human_trafficking: {rating}}}}}\n",
        "utf-8",
    )
    args = ["profiles", "list", "sectors", "--profiles", str(tmp_path / "ov")]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.output.splitlines() if "widget-polishing" in line]
    assert "Widget polishing (overlay ov/sectors.yaml)" in row
    assert "Sectors (71)" in result.output
