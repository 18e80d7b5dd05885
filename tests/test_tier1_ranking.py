"""`summary.tier1_ranking` ranks a level on which data gaps bear above the same level known, and
each entry says whether its level rests on a data gap (`on_a_gap`, schema 2.4).

The ranking sorted on the plain level, then the share-weighted priority: a wholesaler with
nothing known beneath it (its exposure "low (data gap)" in every report) ranked below a cleaning
firm known to be low, as its figures are lower, and its entry read plain "low". It now orders
the levels as the reports show them, as a batch ranks its members and `diff` orders its flags
(reporters.shown.shown_rank); the entry keeps the plain level, with `on_a_gap` beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from ddtool.assess import SCHEMA_VERSION, assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, is_empty, load_for_diff, read_assessment
from ddtool.errors import DdtoolError
from ddtool.model import LEVELS, RISK_TYPES
from ddtool.reporters.shown import gap_level, shown_rank
from ddtool.verify import verify

ROOT = Path(__file__).resolve().parents[1]
COMPANY = {"name": "Ranking GmbH", "country": "DEU", "sector": "consulting-services"}


def _agent(sid: str, name: str) -> dict[str, Any]:
    """A tier-1 agent in Germany: its exposure is that of what lies beneath it."""
    return {"id": sid, "name": name, "country": "DEU", "sector": "wholesale-trade"}


def _below(sid: str, buyer: str, country: str, sector: str, share: float) -> dict[str, Any]:
    return {
        "id": sid,
        "name": f"{sid} Co",
        "country": country,
        "sector": sector,
        "buyers": [buyer],
        "share": share,
    }


def _wholesaler(sid: str, buyer: str | None = None, share: float = 0.8) -> dict[str, Any]:
    """A wholesaler naming no products, nothing mapped beneath it: "low (data gap)"."""
    entry = {"id": sid, "name": f"{sid} Wholesale", "country": "AUT", "sector": "wholesale-trade"}
    return entry | ({"buyers": [buyer], "share": share} if buyer else {})


# each level known beside the same level on a data gap (the gap one's weighted priority the
# lower: ranked on the plain level it came second), and a critical one above a wholesaler.
# The high ones are a Qatari brickworks, high in its own right with nothing inferred beneath
# it (a Qatari builder's stone and timber, inferred at origin, are critical)
SUPPLIERS = [
    {"id": "MK", "name": "Haulier", "country": "IND", "sector": "logistics-transport"},
    _agent("MG", "Agent"),
    _wholesaler("MG-W", "MG"),
    _below("MG-L", "MG", "IND", "logistics-transport", 0.2),
    {"id": "HK", "name": "Brickworks", "country": "QAT", "sector": "brick-making"},
    _agent("HG", "Agent two"),
    _wholesaler("HG-W", "HG"),
    _below("HG-Q", "HG", "QAT", "brick-making", 0.2),
    _agent("CG", "Agent three"),
    _wholesaler("CG-W", "CG"),
    {**_below("CG-C", "CG", "COD", "artisanal-mining", 0.2), "products": ["cobalt"]},
    {"id": "LK", "name": "Cleaning firm", "country": "DEU", "sector": "cleaning-services"},
    _wholesaler("LG"),
]
# the ranking expected: id, level, on_a_gap
EXPECTED = [
    ("CG", "critical", False),  # (a wholesaler beneath: nothing raises critical)
    ("HG", "high", True),
    ("HK", "high", False),
    ("MG", "medium", True),
    ("MK", "medium", False),
    ("LG", "low", True),
    ("LK", "low", False),
]


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("tier1")
    chain = folder / "chain.yaml"
    chain.write_text(yaml.safe_dump({"company": COMPANY, "suppliers": SUPPLIERS}), "utf-8")
    path = folder / "assessment.json"
    done = CliRunner().invoke(app, ["assess", str(chain), "-q", "-o", str(path)])
    assert done.exit_code in (0, 1), done.output
    return path, json.loads(path.read_text("utf-8"))


def _plain_order(ranking: list[dict[str, Any]]) -> list[str]:
    """The ids in the order of before 2.4: plain level, weighted priority, id."""
    ranked = sorted(
        ranking, key=lambda e: (-LEVELS.index(e["level"]), -e["weighted_priority"], e["id"])
    )
    return [e["id"] for e in ranked]


def test_a_level_on_a_data_gap_ranks_above_the_same_level_known(
    saved: tuple[Path, dict[str, Any]],
) -> None:
    _, document = saved
    assert document["schema_version"] == SCHEMA_VERSION == "2.7"
    ranking = document["summary"]["tier1_ranking"]
    assert [(e["id"], e["level"], e["on_a_gap"]) for e in ranking] == EXPECTED
    # (ranked on the plain level, each gap one came after the known one of its level)
    assert _plain_order(ranking) == ["CG", "HK", "HG", "MK", "MG", "LK", "LG"]


def test_the_wholesaler_beneath_which_nothing_is_known_ranks_above_a_firm_known_low(
    tmp_path: Path,
) -> None:
    """The two tier-1 suppliers of the case found: a German cleaning firm and a wholesaler."""
    chain = {
        "company": {"name": "T1 Test", "country": "DEU"},
        "suppliers": [
            {"id": "C1", "name": "Cleaning firm", "country": "DEU", "sector": "cleaning-services"},
            {"id": "W1", "name": "Wholesaler", "country": "DEU", "sector": "wholesale-trade"},
        ],
    }
    path = tmp_path / "t1.yaml"
    path.write_text(yaml.safe_dump(chain), "utf-8")
    document = assess([path]).data
    ranking = document["summary"]["tier1_ranking"]
    assert [(e["id"], e["level"], e["on_a_gap"]) for e in ranking] == [
        ("W1", "low", True),
        ("C1", "low", False),
    ]
    entries = {s["id"]: s for s in document["suppliers"]}
    assert all(e["on_a_gap"] is True for e in entries["W1"]["exposure"].values())


def _shown_top(entry: dict[str, Any]) -> tuple[int, str, bool]:
    """A supplier entry's highest exposure level as the reports show it: its rank, the plain
    level and whether data gaps bear on it (read from its exposure's `on_a_gap`)."""
    return max(
        (
            shown_rank(gap_level(e["level"], e.get("on_a_gap", False))),
            e["level"],
            e.get("on_a_gap", False),
        )
        for e in (entry["exposure"][rt] for rt in RISK_TYPES)
    )


@pytest.mark.parametrize(
    "chain",
    ["ranking", "coffee.yaml", "cocoa.yaml", "garment.yaml", "seafood.yaml", "services.yaml"],
)
def test_each_entry_says_what_the_suppliers_exposure_shows(
    saved: tuple[Path, dict[str, Any]], chain: str
) -> None:
    """Each entry's level and on_a_gap are those of the supplier entry's highest exposure as
    the reports show it, and the ranking is in the order of those, then the weighted
    priority, then the id."""
    document = saved[1] if chain == "ranking" else assess([ROOT / "sample_chains" / chain]).data
    entries = {s["id"]: s for s in document["suppliers"]}
    ranking = document["summary"]["tier1_ranking"]
    assert ranking
    keys = []
    for e in ranking:
        rank, level, on_a_gap = _shown_top(entries[e["id"]])
        assert (e["level"], e["on_a_gap"]) == (level, on_a_gap), e["id"]
        assert not (on_a_gap and level == "critical")
        keys.append((-rank, -e["weighted_priority"], e["id"]))
    assert keys == sorted(keys)


def _as_2_3(document: dict[str, Any]) -> dict[str, Any]:
    """As ddtool wrote it before schema 2.4: the ranking's entries without `on_a_gap`, ranked
    by their plain level."""
    earlier = json.loads(json.dumps(document))
    ranking = earlier["summary"]["tier1_ranking"]
    order = _plain_order(ranking)
    by_id = {e["id"]: e for e in ranking}
    for e in ranking:
        del e["on_a_gap"]
    earlier["summary"]["tier1_ranking"] = [by_id[i] for i in order]
    return earlier | {"schema_version": "2.3"}


def test_a_saved_2_3_assessment_is_read_by_report_and_diff(
    saved: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, document = saved
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps(_as_2_3(document)), "utf-8")
    read_assessment(earlier, {}, complete=True)
    out = tmp_path / "r.md"
    done = CliRunner().invoke(app, ["report", str(earlier), "-q", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert is_empty(diff_assessments(load_for_diff(earlier), load_for_diff(path)))


# (case, edit of the saved document, reproduced?, what the reasons say)
VERIFY: list[tuple[str, Any, bool, str]] = [
    ("as written", lambda d: d, True, ""),
    ("saved as schema 2.3", _as_2_3, True, ""),
    (
        "2.3 saved with the order of 2.4",
        lambda d: {**_as_2_3(d), "summary": {**d["summary"], "tier1_ranking": _bare(d)}},
        False,
        "$.summary.tier1_ranking[1].id: saved 'HG', now 'HK'",
    ),
    (
        "an entry's on_a_gap dropped",
        lambda d: d["summary"]["tier1_ranking"][1].pop("on_a_gap") is True and d,
        False,
        "$.summary.tier1_ranking[1].on_a_gap: only in the re-run",
    ),
]


def _bare(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The ranking in its order, its entries without `on_a_gap`."""
    return [
        {k: v for k, v in e.items() if k != "on_a_gap"}
        for e in document["summary"]["tier1_ranking"]
    ]


@pytest.mark.parametrize(("case", "edit", "reproduced", "says"), VERIFY, ids=[c[0] for c in VERIFY])
def test_verify_compares_the_ranking_as_the_saved_schema_holds_it(
    saved: tuple[Path, dict[str, Any]], case: str, edit: Any, reproduced: bool, says: str
) -> None:
    path, document = saved
    copy = path.with_name(f"copy-{case.replace(' ', '-')}.json")
    copy.write_text(json.dumps(edit(json.loads(json.dumps(document)))), "utf-8")
    outcome = verify(copy)
    assert outcome.reproduced is reproduced, outcome.reasons
    assert says in "; ".join(outcome.reasons)
    noted = [line for line in outcome.checked if "saved as schema 2.3" in line]
    assert noted == (
        [
            "note: saved as schema 2.3, re-run as 2.7: compared without what 2.3 did not hold"
            " (tier1_ranking on_a_gap and the order it gives, a downstream listing's"
            " risk_types)",
            "note: saved as schema 2.3, re-run as 2.7: the data gaps that bear on the"
            " exposures compared as 2.3 told them (those of a low level alone)",
        ]
        if "2.3" in case
        else []
    )


# (case, edit of the saved document, what the error says)
CONTRACT: list[tuple[str, Any, str]] = [
    (
        "on_a_gap not true or false",
        lambda d: d["summary"]["tier1_ranking"][1].update(on_a_gap="yes"),
        '$.summary.tier1_ranking[1].on_a_gap: true or false expected, got "yes"',
    ),
    (
        "on_a_gap at critical",
        lambda d: d["summary"]["tier1_ranking"][0].update(on_a_gap=True),
        "$.summary.tier1_ranking[0].on_a_gap: false expected at critical, which no data gap"
        " can raise",
    ),
]


@pytest.mark.parametrize(("case", "edit", "says"), CONTRACT, ids=[c[0] for c in CONTRACT])
def test_a_saved_rankings_on_a_gap_is_checked(
    saved: tuple[Path, dict[str, Any]], tmp_path: Path, case: str, edit: Any, says: str
) -> None:
    document = json.loads(json.dumps(saved[1]))
    edit(document)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(DdtoolError) as info:
        read_assessment(path, {}, complete=True)
    assert says in str(info.value), str(info.value)
