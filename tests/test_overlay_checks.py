"""An overlay's YAML files are checked entry by entry: each mistake (a source without a
year, a misspelt key, id or risk type, a list written as plain text) is one message at its
file and line, with "did you mean", all of them at once (exit code 2); and `ddtool profiles
list` and `sources` tell the overlay's rows and sources from the bundled ones."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.errors import ProfileError
from ddtool.profiles import load_profiles

OWN = "  - {id: own-survey, name: Acme audits 2025, publisher: Acme, year: 2025}\n"
RATED = "{likelihood: 0.5, severity: 0.8, rationale: Ours., source: own-survey}"
# a new sector, rated in full but for its first risk type's key (line 7 onwards)
NEW_SECTOR = (
    "sectors:\n"
    "  - id: shea-collection\n"
    "    name: Shea nut collection\n"
    "    chain: shea\n"
    "    stage: raw\n"
    "    risk:\n"
    f"      FIRST: {RATED}\n"
    f"      forced_labour: {RATED}\n"
    f"      human_trafficking: {RATED}\n"
)
MEASURE = (
    "measures:\n"
    "  - id: own-visits\n"
    "    risk_types: {risk_types}\n"
    "    sectors: {sectors}\n"
    "    step: {step}\n"
    "    title: Visit buying stations\n"
    "    action: Visit.\n"
    "    owner: Member\n"
    "    reference: Own guidance 2025\n"
)
MEASURE_OK = {"risk_types": "[child_labour]", "sectors": "[cocoa-trading]", "step": "identify"}

# (files of the overlay, every problem said, each after "<folder>/")
CASES = [
    pytest.param(
        {"manifest.yaml": "sources:\n  - id: own-survey\n    name: Acme audits 2025\n"},
        [
            "manifest.yaml: line 2: sources[0] (own-survey): no year: give the year the source"
            " was published (year: 2025)"
        ],
        id="source-without-year",
    ),
    pytest.param(
        {"manifest.yaml": "sources:\n  - id: own-survey\n    name: A\n    year: 2025.5\n"},
        [
            "manifest.yaml: line 4: sources[0] (own-survey): year 2025.5 is not a year (a whole"
            " number, such as 2025)"
        ],
        id="source-year-with-a-fraction",
    ),
    pytest.param(
        {"manifest.yaml": "sources:\n  - id: own-survey\n    name: A\n    year: recent\n"},
        [
            "manifest.yaml: line 4: sources[0] (own-survey): year 'recent' is not a year (a whole"
            " number, such as 2025)"
        ],
        id="source-year-in-words",
    ),
    pytest.param(
        {"manifest.yaml": "sources:\n  - id: own-survey\n    name: A\n    yaer: 2025\n"},
        [
            "manifest.yaml: line 4: sources[0] (own-survey): unknown key 'yaer' (did you mean"
            " 'year'?): a source's keys are id, name, publisher, year, location, licence, note"
        ],
        id="source-year-misspelt",
    ),
    pytest.param(
        # a source with no year is one mistake: the rows citing it are not told again
        {
            "manifest.yaml": "sources:\n  - {id: own-survey, name: A}\n",
            "sectors.yaml": NEW_SECTOR.replace("FIRST", "child_labour"),
        },
        [
            "manifest.yaml: line 2: sources[0] (own-survey): no year: give the year the source"
            " was published (year: 2025)"
        ],
        id="source-without-year-cited",
    ),
    pytest.param(
        {
            "remediation.yaml": MEASURE.format(
                risk_types="child_labour", sectors="cocoa-trading", step="identify"
            )
        },
        [
            "remediation.yaml: line 3: measures[0] (own-visits): risk_types: expected a list, not"
            " 'child_labour' (write [child_labour])",
            "remediation.yaml: line 4: measures[0] (own-visits): sectors: expected a list, not"
            " 'cocoa-trading' (write [cocoa-trading])",
        ],
        id="measure-lists-as-plain-text",
    ),
    pytest.param(
        {
            "remediation.yaml": MEASURE.format(
                risk_types="[child_labor]", sectors="[cocoa-tradng]", step="identfy"
            )
        },
        [
            "remediation.yaml: line 5: measures[0] (own-visits): step 'identfy' is not one of the"
            " listed steps (did you mean 'identify'?)",
            "remediation.yaml: line 3: measures[0] (own-visits): unknown risk type 'child_labor'"
            " (did you mean 'child_labour'?)",
            "remediation.yaml: line 4: measures[0] (own-visits): unknown sector 'cocoa-tradng'"
            " (did you mean 'cocoa-trading'?)",
        ],
        id="measure-ids-misspelt",
    ),
    pytest.param(
        {
            "remediation.yaml": "measures:\n  - id: cl-age-verification\n    titel: Prüfen\n"
            + MEASURE.format(**MEASURE_OK).removeprefix("measures:\n")
            + "    refrence: Own guidance\n"
        },
        [
            "remediation.yaml: line 3: measures[0] (cl-age-verification): unknown key 'titel'"
            " (did you mean 'title'?): a measure's keys are id, step, title, action, owner,"
            " reference, risk_types, sectors, inputs, goods, addresses",
            "remediation.yaml: line 12: measures[1] (own-visits): unknown key 'refrence' (did you"
            " mean 'reference'?): a measure's keys are id, step, title, action, owner, reference,"
            " risk_types, sectors, inputs, goods, addresses",
        ],
        id="measure-keys-misspelt",
    ),
    pytest.param(
        # a new measure whose key is misspelt lacks that key: one mistake, said once
        {"remediation.yaml": MEASURE.format(**MEASURE_OK).replace("title:", "titel:")},
        [
            "remediation.yaml: line 6: measures[0] (own-visits): unknown key 'titel' (did you"
            " mean 'title'?): a measure's keys are id, step, title, action, owner, reference,"
            " risk_types, sectors, inputs, goods, addresses"
        ],
        id="new-measure-key-misspelt",
    ),
    pytest.param(
        {
            "remediation.yaml": "risk_indicators:\n  - id: underage-work\n"
            "    risk_types: forced_labour\n"
        },
        [
            "remediation.yaml: line 3: risk_indicators[0] (underage-work): risk_types: expected a"
            " list, not 'forced_labour' (write [forced_labour])"
        ],
        id="risk-indicator-list-as-plain-text",
    ),
    pytest.param(
        {
            "sectors.yaml": "sectors:\n  - id: sugar-milling\n    processed_near_harvest: true\n"
            "  - id: tea-farming\n    processed_near_harvest: ''\n"
        },
        [
            "sectors.yaml: line 3: sectors[0] (sugar-milling): processed_near_harvest: expected"
            " the reason as a text, not True",
            "sectors.yaml: line 5: sectors[1] (tea-farming): processed_near_harvest: expected"
            " the reason as a text, not ''",
        ],
        id="near-harvest-without-its-reason",
    ),
    pytest.param(
        {
            "sectors.yaml": "sectors:\n  - id: sugar-milling\n"
            "    processed_near_harvest: cane is crushed near its fields\n"
        },
        [
            "sectors.yaml: line 3: sectors[0] (sugar-milling): processed_near_harvest: only a"
            " sector of commodities (a raw material) has one"
        ],
        id="near-harvest-of-a-mill",
    ),
    pytest.param(
        {"sectors.yaml": "sectors:\n  - id: cocoa-tradng\n    aliasses: [cocoa buyer]\n"},
        [
            "sectors.yaml: line 3: sectors[0] (cocoa-tradng): unknown key 'aliasses' (did you mean"
            " 'aliases'?): a sector's keys are id, name, chain, stage, isic, aliases, inputs,"
            " commodities, risk, broad, not_commodities, made_of_named_mineral, made_goods,"
            " processed_near_harvest, replaced_by",
            "sectors.yaml: line 2: sectors[0] (cocoa-tradng): no sector has the id 'cocoa-tradng'"
            " (did you mean 'cocoa-trading'?): an entry with a new id is a new sector, which gives"
            " every key, and this one gives no stage or risk",
        ],
        id="sector-id-misspelt",
    ),
    pytest.param(
        {
            "manifest.yaml": "sources:\n" + OWN,
            "sectors.yaml": NEW_SECTOR.replace("FIRST", "child_labor"),
        },
        [
            "sectors.yaml: line 7: sectors[0] (shea-collection): unknown key 'child_labor' (did you"
            " mean 'child_labour'?): a risk block's keys are child_labour, forced_labour,"
            " human_trafficking"
        ],
        id="new-sector-risk-type-misspelt",
    ),
    pytest.param(
        {
            "manifest.yaml": "sources:\n" + OWN,
            "sectors.yaml": NEW_SECTOR.replace("FIRST", "child_labor").replace(
                "shea-collection", "cocoa-trading"
            ),
        },
        [
            "sectors.yaml: line 7: sectors[0] (cocoa-trading): unknown key 'child_labor' (did you"
            " mean 'child_labour'?): a risk block's keys are child_labour, forced_labour,"
            " human_trafficking"
        ],
        id="known-sector-risk-type-misspelt",
    ),
]


def _folder(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "ov"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    return folder


@pytest.mark.parametrize(("files", "said"), CASES)
def test_each_mistake_of_an_overlay_is_one_located_message(
    tmp_path: Path, files: dict[str, str], said: list[str]
) -> None:
    folder = _folder(tmp_path, files)
    with pytest.raises(ProfileError) as raised:
        load_profiles([folder])
    problems = [line.strip() for line in str(raised.value).splitlines()[1:]]
    assert problems == [f"{folder}/{line}" for line in said]


def test_the_mistakes_of_an_overlay_end_the_command_with_exit_code_2(tmp_path: Path) -> None:
    folder = _folder(tmp_path, dict(CASES[7].values[0]))  # (an unknown key: said, exit 2)
    result = CliRunner().invoke(app, ["profiles", "list", "--profiles", str(folder)])
    assert result.exit_code == 2, result.output
    assert "unknown key 'titel' (did you mean 'title'?)" in " ".join(result.output.split())


GOODS = (
    "good,country,iso3,child_labour,forced_labour,forced_child_labour,year,source_id\n"
    "Cocoa,Cameroon,CMR,yes,yes,no,2025,own-survey\n"  # (a bundled listing, replaced)
    "Cocoa,Togo,TGO,yes,no,no,2025,own-survey\n"
)


@pytest.mark.parametrize(
    ("args", "said", "not_said"),
    [
        (
            ["profiles", "list"],
            [
                "good × country rows: 466 from the US DOL List of Goods 2022, 2 from the overlay"
                " ov/goods.csv"
            ],
            ["good × country rows, US DOL List of Goods 2022"],
        ),
        (
            ["profiles", "sources"],
            [
                "Sources listed by the overlay ov/manifest.yaml (given with --profiles: the"
                " user's, not bundled)"
            ],
            [],
        ),
    ],
)
def test_profiles_views_tell_the_overlays_rows_and_sources(
    tmp_path: Path, args: list[str], said: list[str], not_said: list[str]
) -> None:
    folder = _folder(tmp_path, {"manifest.yaml": "sources:\n" + OWN, "goods.csv": GOODS})
    result = CliRunner().invoke(app, [*args, "--profiles", str(folder)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    for text in said:
        assert text in output
    for text in not_said:
        assert text not in output
    if args[1] == "sources":  # the overlay's source below its heading, the bundled above
        heading = output.index("Sources listed by the overlay")
        assert output.index("own-survey") > heading > output.index("ilab-goods-2022")


def test_an_overlays_source_is_marked_and_a_copy_of_a_bundled_one_is_not(tmp_path: Path) -> None:
    bundled = load_profiles().sources["ilab-goods-2022"]
    fields = ("id", "name", "publisher", "year", "location", "licence", "note")
    copy = yaml.safe_dump([{key: getattr(bundled, key) for key in fields}], indent=2)
    copy = "".join(f"  {line}\n" for line in copy.splitlines())
    folder = _folder(tmp_path, {"manifest.yaml": "sources:\n" + OWN + copy})
    sources = load_profiles([folder]).sources
    assert sources["own-survey"].overlay == "ov/manifest.yaml"
    assert sources[bundled.id].overlay == ""
