"""scripts/build_profiles.py: the bundled tables are rebuilt from the sourced facts as they
are committed, each row credited to the source its own name, year and address give."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ddtool.profiles import content_hash

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "build_profiles.py"
SHARED = ROOT.parent / "shared" / "data"  # ../shared sits beside the clone in CI
BUNDLED = ROOT / "risk_profiles"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_profiles", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


build_profiles = _script()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_the_rebuild_reproduces_the_committed_tables(tmp_path: Path) -> None:
    """Rebuilt, 20 rows came out credited to another source than the committed tables give
    (the 2024 list's counts to the 2022 list, the 2017 estimates to the 2022 ones, two
    USDA Post forecasts to Table 17, industry reports on vanilla to FAOSTAT)."""
    if not SHARED.is_dir():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{SHARED} is required in CI to check the rebuild of risk_profiles/")
        pytest.skip("../shared/data not beside the repository: the tables cannot be rebuilt")
    out = tmp_path / "built"
    out.mkdir()
    result = _run("--out", str(out))  # the facts found where they are by default
    assert result.returncode == 0, result.stderr
    built = sorted(path.name for path in out.iterdir())
    assert built == sorted(table.out for table in build_profiles.TABLES)
    for name in built:
        committed = (BUNDLED / name).read_text("utf-8").splitlines()
        assert (out / name).read_text("utf-8").splitlines() == committed, name
        assert (out / name).read_bytes() == (BUNDLED / name).read_bytes(), name
    profiles = tmp_path / "profiles"
    shutil.copytree(BUNDLED, profiles)
    for name in built:
        shutil.copy(out / name, profiles / name)
    assert content_hash([profiles]) == content_hash([BUNDLED])


DOL = "https://www.dol.gov/agencies/ilab/reports/child-labor"
TABLE_17 = (
    "[B] USDA FAS World Agricultural Production, Table 17 'Cotton Area, Yield and Production',"
    " MY 2023/24 projection (March 2024); share = country / World 112.96"
)
# (source name, year, source address as the sourced facts give them) -> source id
CREDITS = [
    # the counts of the 2024 list, its changes and a later report: not the 2022 list
    ("US DOL ILAB", "2024", f"{DOL}/list-of-goods?items_per_page=50", "ilab-goods-2024-facts"),
    ("US DOL ILAB", "2022", f"{DOL}/list-of-goods?tid=All", "ilab-goods-2022"),
    ("US DOL ILAB", "2022", f"{DOL}/list-of-products/?combine=", "eo13126-2022"),
    (
        "US DOL ILAB (via law-firm summary)",
        "2024",
        "https://www.thompsonhinesmartrade.com/2024/09/department-of-labor-updates-list-of-goods",
        "ilab-goods-2024-changes",
    ),
    (
        "US DOL (as reported)",
        "2025",
        "https://www.mhlnews.com/labor-management/news/55310846/steel",
        "uflpa-goods-press-2025",
    ),
    (
        "US DOL ILAB, 2022 Findings on the Worst Forms of Child Labor (Sweat & Toil app data)",
        "2022",
        "https://www.dol.gov/agencies/ilab/resources/reports/child-labor/ghana",
        "ilab-findings-2022",
    ),
    # each edition of the global estimates by its own name
    (
        "ILO & Walk Free - Global Estimates of Modern Slavery (2017; reference year 2016)",
        "2016",
        "https://auregion6.blogspot.com/2017/12/modern-day-forced-slavery.html",
        "ilo-walkfree-gems-2017",
    ),
    (
        "ILO, Walk Free, IOM - Global Estimates of Modern Slavery: Forced Labour and Forced"
        " Marriage (Sept 2022; reference year 2021)",
        "2016-2021",
        "https://www.amicidilazzaro.it/en/trafficking-and-exploitation/forced-labour-in-2024/",
        "ilo-walkfree-iom-gems-2022",
    ),
    # a source named further on (the divisor's table, a likeness) is not the row's source
    (TABLE_17, "2023", "https://apps.fas.usda.gov/PSDOnline/", "usda-wap-cotton"),
    (
        "[C] USDA FAS Post (Canberra) report dated 27 Mar 2024 raising MY 2023/24 Australia"
        " forecast (Post figure, NOT the official PSD number; Australia row missing from"
        " truncated Table 17); share vs Table 17 World 112.96",
        "2023",
        "https://www.marketscreener.com/news/latest/Australia-should-produce",
        "usda-post-cotton",
    ),
    (
        "[C] USDA FAS GAIN 'Turkiye: Cotton and Products Update' - FAS Post forecast (Turkey"
        " row missing from the truncated Table 17); share vs Table 17 World 112.96",
        "2023",
        "https://www.fas.usda.gov/data/search?reports",
        "usda-post-cotton",
    ),
    (
        "[C] 'Industry reports' (figures match FAOSTAT-style data) as quoted on a third-party"
        " page: world 7,575 t in 2018",
        "2018",
        "https://felttheater.com/Madagascars-Reign-in-Vanilla-Production",
        "vanilla-industry-2018",
    ),
    ("[A] FAOSTAT QCL 'Cocoa beans' (item 661) Production", "2023", "github repo", "faostat"),
    ("[A, stale 2018] FAOSTAT 'Tea' (item 667) Production", "2018", "github repo", "faostat"),
    (
        "[C] FAOSTAT hazelnuts in shell production as tabulated by a third-party site",
        "2021",
        "https://www.bluemarblecitizen.com/rankings/top-hazelnut-producing-countries",
        "faostat-hazelnuts-third-party",
    ),
    (
        "ITUC Global Rights Index 2026 report (2025 rating quoted in its change table)",
        "2025",
        "https://www.ituc-csi.org/global-rights-index",
        "ituc-gri-2026",
    ),
]


@pytest.mark.parametrize(("name", "year", "address", "expected"), CREDITS)
def test_a_fact_is_credited_to_the_source_its_provenance_names(
    name: str, year: str, address: str, expected: str
) -> None:
    assert build_profiles.source_id(name, year, address, {}) == expected


def test_a_row_citing_the_same_page_has_the_source_of_the_row_citing_it_before() -> None:
    page = "https://felttheater.com/Madagascars-Reign-in-Vanilla-Production"
    earlier = {page: "vanilla-industry-2018", "https://example.org/": "faostat"}
    name = "[C] same page: Indonesia 29.8% of world production 2018"
    assert build_profiles.source_id(name, "2018", page, earlier) == "vanilla-industry-2018"


# (source name, year, source address, what the refusal says)
REFUSED = [
    ("US DOL ILAB", "2023", f"{DOL}/list-of-goods", "no rule for 'US DOL ILAB' of year '2023'"),
    ("US DOL ILAB", "2024", f"{DOL}/list-of-products", "no rule for 'US DOL ILAB' of year '2024'"),
    ("US DOL (as reported)", "2026", "https://www.mhlnews.com/x", "no rule for 'US DOL (as"),
    ("Global Estimates of Modern Slavery (2027)", "2026", "", "no rule gives a source id"),
    ("[C] same page: Mexico 10%", "2018", "https://example.org/", "cites the page of an earlier"),
]


@pytest.mark.parametrize(("name", "year", "address", "message"), REFUSED)
def test_a_fact_no_rule_fits_is_refused(name: str, year: str, address: str, message: str) -> None:
    """It was credited by the first rule naming anything in its text (`US DOL` took every
    list and edition of DOL's)."""
    with pytest.raises(build_profiles.BuildError, match=message.replace("(", r"\(")):
        build_profiles.source_id(name, year, address, {})


FACTS = {
    "risk/country_indicators.csv": (
        "iso3,indicator,value,year,source_name,source_url\n"
        'CIV,gsi,9,2023,"Walk Free, Global Slavery Index 2023",https://www.walkfree.org/\n'
    ),
    "risk/ilab_goods_2022.csv": "good,iso3,year\nCocoa,CIV,2022\n",
    "risk/ilab_goods_2024_changes.csv": "good,iso3,change_2024,year\nSalt,KHM,removed,2024\n",
    "risk/eo13126_products_2014.csv": "product,iso3,list_version\nBricks,AFG,2014 (xls)\n",
    "risk/sector_facts.csv": (
        f"fact_id,value,reference_year,source_name,source_url\nF1,204,2024,US DOL ILAB,{DOL}"
        "/list-of-goods\n"
    ),
    "origins/origin_shares.csv": (
        "commodity,iso3,year,source_name,source_location\n"
        "vanilla,MDG,2018,[C] 'Industry reports' on a page,https://example.org/v\n"
        "vanilla,IDN,2018,[C] same page: Indonesia,https://example.org/v\n"
    ),
}


def _facts(tmp_path: Path, **changed: str | bytes) -> Path:
    data = tmp_path / "data"
    for name, text in FACTS.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        given = changed.get(path.stem, text)
        path.write_bytes(given.encode("utf-8") if isinstance(given, str) else given)
    return data


def test_small_facts_are_built_with_their_sources(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert build_profiles.main([str(_facts(tmp_path)), "--out", str(out)]) == 0
    assert (
        (out / "sector_facts.csv")
        .read_text("utf-8")
        .splitlines()[1]
        .endswith(",ilab-goods-2024-facts")
    )
    assert (out / "origins.csv").read_text("utf-8").splitlines()[1:] == [
        "vanilla,MDG,2018,[C] 'Industry reports' on a page,https://example.org/v,"
        "vanilla-industry-2018",
        "vanilla,IDN,2018,[C] same page: Indonesia,https://example.org/v,vanilla-industry-2018",
    ]


# (a file of facts changed to this, the one line said)
BAD_FACTS = [
    (
        {"origin_shares": "commodity,year,source_name,source_location\ncobalt,2024,[A] Blog,x\n"},
        "origin_shares.csv: row 2: no rule gives a source id for source name 'Blog'",
    ),
    (
        {"ilab_goods_2022": "good,iso3,year\nCocoa,CIV,2024\n"},
        "ilab_goods_2022.csv: row 2: year '2024' is not of the 2022 edition credited to"
        " ilab-goods-2022",
    ),
    (
        {"sector_facts": "fact_id,value\n"},
        "sector_facts.csv: no rows, or not the columns reference_year, source_name, source_url",
    ),
    ({"eo13126_products_2014": b"product,list_version\nBricks,2014 \xff\n"}, "cannot be read"),
    (
        {"ilab_goods_2022": "good,iso3,year\nCocoa,CIV,2022,extra\n"},
        "ilab_goods_2022.csv: row 2: 4 cells, but the header has 3",
    ),
]


@pytest.mark.parametrize(("changed", "message"), BAD_FACTS)
def test_facts_that_cannot_be_credited_write_no_table(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    changed: dict[str, str | bytes],
    message: str,
) -> None:
    """A failing rule stopped the build with the table open: that table was left cut short,
    the ones before it rewritten."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "countries.csv").write_text("as before\n", encoding="utf-8")
    assert build_profiles.main([str(_facts(tmp_path, **changed)), "--out", str(out)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert message in line
    assert sorted(path.name for path in out.iterdir()) == ["countries.csv"]
    assert (out / "countries.csv").read_text("utf-8") == "as before\n"


def test_a_missing_facts_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _facts(tmp_path)
    (data / "risk" / "sector_facts.csv").unlink()
    assert build_profiles.main([str(data), "--out", str(tmp_path)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith("sector_facts.csv: missing from the sourced facts")


def test_without_shared_data_beside_the_repository_one_line_and_exit_2(tmp_path: Path) -> None:
    """A fresh clone without ../shared/data: a FileNotFoundError traceback."""
    clone = tmp_path / "clone"
    (clone / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, clone / "scripts" / SCRIPT.name)
    result = subprocess.run(
        [sys.executable, str(clone / "scripts" / SCRIPT.name)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'shared' / 'data'}: no sourced facts"
        " (../shared/data beside the repository is missing)"
    ]


def test_a_given_folder_of_facts_that_is_missing_is_named(tmp_path: Path) -> None:
    result = _run(str(tmp_path / "absent"), "--out", str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'absent'}: no sourced facts (that folder is missing)"
    ]
