"""Profile data the engine must not score as written, and overlays that must not be
ignored or fail without saying where."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.config import Config
from ddtool.errors import ProfileError
from ddtool.model import Supplier
from ddtool.profiles import load_profiles
from ddtool.scoring import CountryScore, Scorer

OVERRIDE = {
    "iso3": "BGD",
    "country": "Bangladesh",
    "indicator": "gsi2023_prevalence_per_1000",
    "value": "30",
    "unit": "per 1000",
    "sex": "total",
    "source_name": "own audit",
    "source_id": "walkfree-gsi-2023",
}


def _countries(folder: Path, rows: list[dict[str, str]]) -> Path:
    folder.mkdir(exist_ok=True)
    header = ["iso3", "country", "indicator", "value", "unit", "year", "sex"]
    header += ["source_name", "source_url", "source_ref", "verification", "note", "source_id"]
    with (folder / "countries.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in header} for row in rows)
    return folder


def _score(iso3: str, risk_type: str, overlays: list[Path] | None = None) -> CountryScore:
    profiles = load_profiles(overlays or [])
    return Scorer(profiles, Config(), dt.date(2026, 1, 1)).country_score(iso3, risk_type)


def test_a_share_above_100_percent_is_shown_not_scored() -> None:
    malawi = load_profiles().indicator("MWI", "ilab_working_and_studying_pct_age_7-14")
    assert malawi is not None and malawi.number == 284.0
    assert "above 100 %" in malawi.withheld


def test_montserrat_working_children_figure_is_withheld_and_named() -> None:
    item = load_profiles().indicator("MSR", "ilab_working_children_pct_age_5-14")
    assert item is not None and item.value == "96.8" and item.withheld
    score = _score("MSR", "child_labour")
    assert [i.indicator for i in score.withheld] == ["ilab_working_children_pct_age_5-14"]
    assert all(part.indicator is not item for part in score.parts)
    assert score.score < 1.0  # it alone made the country score 1.0


def test_a_withheld_figure_names_its_weight_in_the_evidence() -> None:
    """Methodology section 3.1: it counts as missing, with its weight, in the evidence (its
    weight, the largest of child labour's, was named nowhere)."""
    from ddtool.model import Supplier

    scorer = Scorer(load_profiles(), Config(), dt.date(2026, 1, 1))
    supplier = Supplier(id="MS-1", country="MSR", sector="cleaning-services")
    risk = scorer.score_supplier(supplier, "cleaning-services")
    [fact] = [
        e
        for e in risk.by_type["child_labour"].evidence
        if e.indicator.startswith("ilab_working_children_pct_age_5-14")
    ]
    assert fact.note is not None and fact.note.startswith("not scored: ")
    assert "weight 0.5, left out as missing" in fact.note


def test_the_sources_own_quality_flag_is_kept_with_the_value() -> None:
    malta = load_profiles().indicator("MLT", "ilo_informal_employment_rate_pct", "female")
    assert malta is not None and malta.quality == "obs_status: Unreliable"


@pytest.mark.parametrize("year", ["", "2010"])
def test_an_overlay_value_replaces_the_bundled_one_whatever_its_year(
    tmp_path: Path, year: str
) -> None:
    folder = _countries(tmp_path / "overlay", [{**OVERRIDE, "year": year}])
    item = load_profiles([folder]).indicator("BGD", "gsi2023_prevalence_per_1000")
    assert item is not None and item.value == "30"


# an overlay a user got wrong: each is named with its file, never an internal error
BROKEN = [
    ("sectors.yaml", "- id: x\n", "expected keys at the top"),
    ("sectors.yaml", "sectors: 5\n", "sectors: expected a list of entries"),
    ("manifest.yaml", "sources:\n  - {id: a, name: b, year: twenty}\n", "is not a year"),
    ("remediation.yaml", "steps:\n  - {name: no id}\n", "a step needs an id and a name"),
    ("sectors.yaml", "sectors: []\n# caf\xe9\n", "not UTF-8 text"),  # written as Latin-1
    ("country.csv", "iso3\n", "not a profile file (did you mean countries.csv?)"),
]


GOODS_HEADER = (
    "good,country,iso3,child_labour,forced_labour,forced_child_labour,downstream_good,"
    "sector,input_country,year,source,source_id\n"
)
ORIGINS_HEADER = (
    "commodity,iso3,country,share_pct,quantity,unit,year,source_name,source_location,verified,"
    "source_id\n"
)
COUNTRIES_HEADER = (
    "iso3,country,indicator,value,unit,year,sex,source_name,source_url,source_ref,verification,"
    "note,source_id\n"
)
CHANGES_HEADER = "good,country,iso3,change_2024,year,source,note,source_id\n"
CHANGE_ROW = (
    "Cocoa,Ghana,GHA,new_country_added_goods_not_stated,{year},own,n,ilab-goods-2024-changes\n"
)

REFUSED: list[tuple[str, str, str]] = [
    # (file, its text, what the error says): each would have been taken without a word,
    # and been read as something else or not at all
    (
        "goods.csv",
        GOODS_HEADER + "Cocoa,Ghana,gha,yes,yes,no,no,,,2025,own,ilab-goods-2022\n",
        "bad ISO 3166 alpha-3 code 'gha': write it in capitals, 'GHA'",
    ),
    (
        "goods.csv",
        GOODS_HEADER + "Cocoa,Liberia,LBR,x,yes,no,no,,,2025,own,ilab-goods-2022\n",
        "child_labour 'x' is neither yes nor no",
    ),
    (
        "goods.csv",
        GOODS_HEADER + "Cocoa,Togo,GHA,yes,yes,no,no,,,2025,own,ilab-goods-2022\n",
        "country 'Togo' is TGO, not GHA",
    ),
    (
        "goods.csv",
        GOODS_HEADER + "Cocoa,Ghana,GHA,yes,no,no,no,,,1066,own,ilab-goods-2022\n",
        "bad year '1066'",
    ),
    (
        "goods.csv",
        GOODS_HEADER + "Coco,Ghana,GHA,yes,no,no,no,,,2025,own,ilab-goods-2022\n",
        "good 'Coco' has no sector in good_sectors.csv (did you mean 'Cocoa'?)",
    ),
    (
        "origins.csv",
        ORIGINS_HEADER + "cocoa beans,civ,x,50,,,2025,own,,,faostat\n",
        "bad ISO 3166 alpha-3 code 'civ': write it in capitals, 'CIV'",
    ),
    (
        "origins.csv",
        ORIGINS_HEADER + "coco beans,CMR,Cameroon,5,,,2025,own,,,faostat\n",
        "commodity 'coco beans' is no raw sector's (did you mean 'cocoa beans'?)",
    ),
    (
        "origins.csv",
        ORIGINS_HEADER + "cocoa beans,CIV,x,90,,,2025,own,,,faostat\n"
        "cocoa beans,GHA,Ghana,80,,,2025,own,,,faostat\n",
        "the shares of cocoa beans add up to",
    ),
    (
        "countries.csv",
        COUNTRIES_HEADER
        + "GHA,Ghana,ituc_global_rights_index_rating,7,rating,2025,total,x,,,,,ituc-gri-2026\n",
        "ituc_global_rights_index_rating value '7' is none the score reads",
    ),
    (
        "countries.csv",
        COUNTRIES_HEADER
        + "GHA,Ghana,ilo_C029_status,ratifed,,2025,total,x,,,,,ilab-findings-2022\n",
        "(did you mean 'ratified'?)",
    ),
    (
        "countries.csv",
        COUNTRIES_HEADER.replace("note,", "vaule,")
        + "GHA,Ghana,gsi2023_prevalence_per_1000,2,,2025,total,x,,,,,walkfree-gsi-2023\n",
        "unknown column 'vaule' (did you mean 'value'?)",
    ),
    # a year no figure can have, in every file an overlay gives a year in (each written as
    # the year of a fact in the assessment, which its reader would then refuse)
    *[
        (name, header + row.format(year=year), f"row 2: bad year '{year}'")
        for name, header, row in [
            ("origins.csv", ORIGINS_HEADER, "cocoa beans,CIV,x,40,1,t,{year},own,,,faostat\n"),
            (
                "goods.csv",
                GOODS_HEADER,
                "Cocoa,Ghana,GHA,yes,no,no,no,,,{year},own,ilab-goods-2022\n",
            ),
            ("goods_2024_changes.csv", CHANGES_HEADER, CHANGE_ROW),
        ]
        for year in ("20231", "-2023", "1899", "2023.5", "recent")
    ],
    (
        "goods.csv",
        GOODS_HEADER + "Cocoa,Ghana,GHA,yes,no,no,no,,,,own,ilab-goods-2022\n",
        "bad year ''",
    ),
    ("countries.csv", "iso3;indicator;value\n", "the file is separated by semicolons"),
    ("sector_facts.csv", "fact_id,value,source_id\nF001,x,y\n", "not read from an overlay"),
    ("eo13126_products.csv", "a,b\n", "not read from an overlay"),
    (
        "remediation.yaml",
        "measures:\n  - {id: x, risk_types: [forced_labour], sectors: [seafood-processing],"
        " inputs: [seafood-trade], step: mitigate, title: t, action: a, owner: o, reference: r}\n",
        "inputs: 'seafood-trade' is no raw-material sector",
    ),
    (
        "remediation.yaml",
        "measures:\n  - {id: x, risk_types: [forced_labour], sectors: [seafood-processing],"
        " goods: [Shrimps], step: mitigate, title: t, action: a, owner: o, reference: r}\n",
        "goods: 'Shrimps' is no good of good_sectors.csv",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), [*BROKEN, *REFUSED])
def test_a_broken_overlay_is_named_with_its_file(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    folder = tmp_path / "overlay"
    folder.mkdir()
    data = text.encode("latin-1") if "not UTF-8" in message else text.encode("utf-8")
    (folder / name).write_bytes(data)
    with pytest.raises(ProfileError) as excinfo:
        load_profiles([folder])
    assert message in str(excinfo.value)
    assert str(folder) in str(excinfo.value)


def test_an_overlay_of_no_profile_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with pytest.raises(ProfileError, match="holds no profile file"):
        load_profiles([folder])


def test_sector_ratings_are_credited_to_the_project_not_to_the_list() -> None:
    profiles = load_profiles()
    supplier = Supplier.model_construct(
        id="S",
        country="CIV",
        sector="cocoa-farming",
        products=[],
        buyers=[],
        certifications=[],
        audits=[],
        attributes={},
        migrant_pct=None,
    )
    risk = Scorer(profiles, Config(), dt.date(2026, 1, 1)).score(supplier, "cocoa-farming")
    [rating] = [
        e
        for e in risk.by_type["child_labour"].evidence
        if e.indicator.startswith("sector inherent")
    ]
    assert rating.source == profiles.sources["ddtool-rating"].name
    assert rating.year == profiles.sources["ddtool-rating"].year
    assert "List of Goods" in rating.note  # the source it rests on, named


@pytest.mark.parametrize(
    ("country", "sector", "products", "risk_type", "severity", "cause"),
    [
        ("CIV", "cocoa-farming", [], "child_labour", 0.9, "ddtool rating"),
        ("DEU", "software-services", [], "forced_labour", None, "ddtool rating"),
        ("DEU", None, [], "human_trafficking", 0.9, "sector not known"),
        ("DEU", None, [], "child_labour", 0.7, "sector not known"),
        ("IND", "cotton-farming", ["cottonseed"], "child_labour", 0.9, "listed good"),
    ],
)
def test_every_score_names_where_its_severity_comes_from(
    country: str,
    sector: str | None,
    products: list[str],
    risk_type: str,
    severity: float | None,
    cause: str,
) -> None:
    """Priority is likelihood x severity: an auditor finds the severity among the evidence."""
    profiles = load_profiles()
    supplier = Supplier.trusted(
        id="S", country=country, sector=sector, sector_raw=sector, products=products
    )
    detail = (
        Scorer(profiles, Config(), dt.date(2026, 1, 1)).score(supplier, sector).by_type[risk_type]
    )
    [shown] = [e for e in detail.evidence if e.indicator.startswith("severity")]
    assert shown.value == detail.score.severity
    assert severity is None or shown.value == severity
    assert cause in shown.indicator
    if sector is not None and cause == "ddtool rating":
        assert shown.value == profiles.sectors[sector].risk[risk_type].severity


@pytest.mark.parametrize(
    ("iso3", "risk_type", "alone", "scored"),
    [
        ("ATG", "child_labour", 0.0, 0.45),  # two ratifications alone: 0 before
        # one ratification (not) alone: 1 before; a treaty's status is no figure of work
        # (and Montserrat, a territory, ratifies none of its own): blended both ways
        ("MSR", "human_trafficking", 1.0, 0.55),
        ("PLW", "forced_labour", 1.0, 0.55),  # three ratifications, none made
        ("PRK", "child_labour", 1.0, 1.0),  # modern-slavery prevalence alone: 1, and it stays
    ],
)
def test_a_score_on_few_indicators_counts_the_rest_as_no_data_only_to_raise_it(
    iso3: str, risk_type: str, alone: float, scored: float
) -> None:
    score = _score(iso3, risk_type)
    assert score.thin and score.coverage < Config().scoring.thin_country_coverage
    mean = sum(p.subscore * p.weight for p in score.parts) / sum(p.weight for p in score.parts)
    assert mean == alone
    no_data = Config().scoring.no_data_country_score
    blended = score.coverage * mean + (1 - score.coverage) * no_data
    ratifications = all("ratified?" in p.name for p in score.parts)
    assert score.score == round(blended if ratifications else max(mean, blended), 4) == scored


def test_a_country_with_a_third_of_the_weights_is_scored_on_its_own_figures() -> None:
    score = _score("USA", "child_labour")
    assert not score.thin and score.coverage == pytest.approx(0.35)


def test_the_reports_name_the_overlay_used(tmp_path: Path) -> None:
    from ddtool.assess import AssessOptions, assess
    from ddtool.reporters.markdown_report import MarkdownReporter, cell

    folder = _countries(tmp_path / "overlay", [{**OVERRIDE, "year": "2025"}])
    chain = Path(__file__).resolve().parents[1] / "sample_chains" / "garment.yaml"
    doc = assess([chain], AssessOptions(profiles=[folder])).data
    out = tmp_path / "r.md"
    MarkdownReporter().write(doc, out)
    assert f"+ overlay {cell(str(folder.resolve()))}" in out.read_text("utf-8")  # escaped


def test_a_gross_rate_above_100_percent_is_kept_as_published() -> None:
    rate = load_profiles().indicator("PER", "ilab_unesco_primary_completion_rate_pct")
    assert rate is not None and rate.number is not None and rate.number > 100
    assert rate.withheld == ""


def test_an_overlay_that_corrects_a_withheld_value_is_scored(tmp_path: Path) -> None:
    corrected = {
        **OVERRIDE,
        "iso3": "MSR",
        "country": "Montserrat",
        "indicator": "ilab_working_children_pct_age_5-14",
        "value": "1.2",
        "unit": "% of children in age group",
        "year": "2025",
    }
    folder = _countries(tmp_path / "overlay", [corrected])
    item = load_profiles([folder]).indicator("MSR", "ilab_working_children_pct_age_5-14")
    assert item is not None and item.value == "1.2" and item.withheld == ""
    assert not _score("MSR", "child_labour", [folder]).withheld


@pytest.mark.parametrize(
    ("named", "accepted"),
    [("Cottonseed (hybrid)", True), ("Cotton seed", False), ("Cocoa", False)],
)
def test_a_sectors_not_commodities_must_be_its_own_goods(
    tmp_path: Path, named: str, accepted: bool
) -> None:
    """A misspelt or foreign good would exclude nothing, without a word."""
    import yaml

    from ddtool.profiles import bundled_dir

    bundled = yaml.safe_load((bundled_dir() / "sectors.yaml").read_text(encoding="utf-8"))
    cotton = next(s for s in bundled["sectors"] if s["id"] == "cotton-farming")
    cotton["not_commodities"] = [named]
    (tmp_path / "sectors.yaml").write_text(yaml.safe_dump({"sectors": [cotton]}), "utf-8")
    if accepted:
        assert load_profiles([tmp_path]).sectors["cotton-farming"].not_commodities == (named,)
    else:
        with pytest.raises(ProfileError, match="not_commodities"):
            load_profiles([tmp_path])


def test_an_overlay_csv_saved_with_a_byte_order_mark_and_capitals_is_read(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8" (it was 'missing column(s) iso3')."""
    folder = tmp_path / "overlay"
    folder.mkdir()
    text = COUNTRIES_HEADER.upper() + (
        "BGD,Bangladesh,gsi2023_prevalence_per_1000,30,,2025,total,own audit,,,,,"
        "walkfree-gsi-2023\n"
    )
    (folder / "countries.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    [figure] = load_profiles([folder]).indicators["BGD"]["gsi2023_prevalence_per_1000"]
    assert (figure.value, figure.overlay) == ("30", "overlay/countries.csv")


def test_an_overlays_listing_and_share_are_never_the_sources(tmp_path: Path) -> None:
    """A listing an overlay gives was shown as the US DOL list's, a share as FAOSTAT's."""
    from ddtool.assess import AssessOptions, assess

    folder = tmp_path / "ovg"
    folder.mkdir()
    (folder / "goods.csv").write_text(
        GOODS_HEADER + "Cocoa,Ghana,GHA,yes,yes,no,no,,,2025,own audit,own-audit-2025\n", "utf-8"
    )
    (folder / "origins.csv").write_text(
        ORIGINS_HEADER + "cocoa beans,GHA,Ghana,12,,,2025,own,,,faostat\n", "utf-8"
    )
    (folder / "manifest.yaml").write_text(
        "sources:\n"
        "  - {id: own-audit-2025, name: Our 2025 field audits, publisher: X, year: 2025}\n",
        "utf-8",
    )
    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: T, country: DEU, sector: chocolate-manufacturing}\n"
        "suppliers:\n"
        "  - {id: F1, name: Farm, country: GHA, sector: cocoa-farming, products: [cocoa beans]}\n"
        "  - {id: G1, name: Grinder, country: NLD, sector: cocoa-processing}\n",
        "utf-8",
    )
    doc = assess([chain], AssessOptions(profiles=[folder])).data
    facts = [f for f in doc["evidence"].values() if "Cocoa (Ghana)" in f["indicator"]]
    assert [f["indicator"] for f in facts] == [
        "Goods listing from the overlay ovg/goods.csv: Cocoa (Ghana)"
    ]
    # the user's listing, credited to the overlay; the source its row names is behind it
    assert facts[0]["source"] == "the overlay ovg/goods.csv (given with --profiles)"
    assert facts[0]["note"].endswith("[source behind it: Our 2025 field audits (2025)]")
    reasons = [doc["bases"][f["basis"]]["reason"] for f in doc["flags"] if f["supplier_id"] == "F1"]
    assert "Cocoa from Ghana is listed in the overlay ovg/goods.csv (2025)" in " ".join(reasons)
    shares = [f for f in doc["evidence"].values() if f["indicator"].startswith("origin Ghana")]
    assert shares and all("the share from the overlay ovg/origins.csv" in f["note"] for f in shares)


def test_a_copy_of_the_bundled_folder_loads_as_an_overlay(tmp_path: Path) -> None:
    """The usual start of an overlay: the bundled files copied, then edited. The checks of
    overlay rows refused the bundled origins' own commodities and the unread files."""
    import shutil
    from dataclasses import replace

    from ddtool.profiles import bundled_dir

    folder = tmp_path / "copy"
    shutil.copytree(bundled_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    copied = load_profiles([folder])
    assert [replace(g, overlay="") for g in copied.goods] == load_profiles().goods
    assert {g.overlay for g in copied.goods} == {"copy/goods.csv"}  # (the user's copy)


NEXT_YEAR = dt.date.today().year + 1
CHAIN = Path(__file__).resolve().parents[1] / "sample_chains" / "cocoa.yaml"


def _files(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_bad_year_of_an_overlay_is_told_at_once_with_its_row(tmp_path: Path) -> None:
    folder = _files(
        tmp_path / "overlay",
        {
            "origins.csv": ORIGINS_HEADER
            + "cocoa beans,CIV,x,40,1,t,2023,own,,,faostat\n"
            + "cocoa beans,GHA,x,10,1,t,20231,own,,,faostat\n",
            "goods_2024_changes.csv": CHANGES_HEADER + CHANGE_ROW.format(year="-2023"),
            "goods.csv": GOODS_HEADER + "Cocoa,Ghana,GHA,yes,no,no,no,,,1066,own,ilab-goods-2022\n",
        },
    )
    done = CliRunner().invoke(app, ["assess", "-q", str(CHAIN), "--profiles", str(folder)])
    assert done.exit_code == 2
    for said in (
        f"{folder / 'origins.csv'}: row 3: bad year '20231'",
        f"{folder / 'goods_2024_changes.csv'}: row 2: bad year '-2023'",
        f"{folder / 'goods.csv'}: row 2: bad year '1066'",
    ):
        assert said in done.output


@pytest.mark.parametrize("year", ["", "1900", str(NEXT_YEAR)])
def test_an_overlays_years_it_loads_are_written_as_its_assessments_are_read(
    tmp_path: Path, year: str
) -> None:
    """The years the loader takes (the first and the last it allows, or none where one may
    be left blank) are years the assessment's reader accepts."""
    files = {
        "origins.csv": ORIGINS_HEADER + f"cocoa beans,CIV,x,40,1,t,{year},own,,,faostat\n",
        "goods_2024_changes.csv": CHANGES_HEADER + CHANGE_ROW.format(year=year),
        "countries.csv": COUNTRIES_HEADER
        + f"CIV,x,gsi2023_prevalence_per_1000,7,,{year},total,x,,,,,walkfree-gsi-2023\n",
    }
    if year:  # (a listing's year is never blank)
        files["goods.csv"] = (
            GOODS_HEADER + f"Cocoa,Ghana,GHA,yes,no,no,no,,,{year},own,ilab-goods-2022\n"
        )
    folder = _files(tmp_path / "overlay", files)
    saved, report = tmp_path / "a.json", tmp_path / "a.md"
    args = ["assess", "-q", str(CHAIN), "--profiles", str(folder), "-o", str(saved)]
    assert CliRunner().invoke(app, args).exit_code == 0
    years = {e.get("year") for e in json.loads(saved.read_text("utf-8"))["evidence"].values()}
    assert (int(year) if year else 0) in years
    done = CliRunner().invoke(app, ["report", str(saved), "-o", str(report)])
    assert done.exit_code == 0, done.output
    assert CliRunner().invoke(app, ["assess", "--verify", str(saved)]).exit_code == 0
