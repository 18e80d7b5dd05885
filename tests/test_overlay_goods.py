"""Goods listings and 2024 changes an overlay gives: an overlay never removes a listing,
and whatever it lists or records is credited to it, never to the US DOL list, even where its
row names a bundled source (docs/methodology.md, sections 10 and 11)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.errors import ProfileError
from ddtool.profiles import bundled_dir, load_profiles

SAMPLES = Path(__file__).resolve().parents[1] / "sample_chains"
GOODS_HEADER = (
    "good,country,iso3,child_labour,forced_labour,forced_child_labour,downstream_good,"
    "input_country,sector,ilab_region,year,source,source_id\n"
)
CHANGES_HEADER = "good,country,iso3,change_2024,year,source,note,source_id\n"
MANIFEST = (
    "sources:\n  - {id: own-survey, name: Our 2025 member survey, publisher: X, year: 2025}\n"
)
DOL = "List of Goods Produced by Child Labor or Forced Labor (TVPRA list), 2022 edition"


def _overlay(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.yaml").write_text(MANIFEST, "utf-8")
    for name, text in files.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def _goods(*rows: str) -> dict[str, str]:
    return {"goods.csv": GOODS_HEADER + "".join(f"{row},x,own-survey\n" for row in rows)}


# (rows of an overlay's goods.csv, what the error says): each would take a listing away,
# wholly or partly, without a word
DROPS = [
    pytest.param(
        ["Cocoa,Côte d'Ivoire,CIV,no,no,no,no,,Agriculture,,2025"],
        "row 2: the row drops child labour, forced labour, forced child labour from the bundled"
        f" listing Cocoa, Côte d'Ivoire (CIV) ({DOL}: listed for child labour, forced labour,"
        " forced child labour)",
        id="all risk types off",
    ),
    pytest.param(
        [
            "Cocoa,Ghana,GHA,yes,no,no,no,,Agriculture,,2025",
            "Cocoa,Nigeria,NGA,yes,no,no,no,,,,2025",
        ],
        "row 3: the row drops forced labour, forced child labour from the bundled listing"
        f" Cocoa, Nigeria (NGA) ({DOL}: listed for child labour, forced labour, forced child"
        " labour)",
        id="forced child labour off",
    ),
    pytest.param(
        ["Cocoa,Cameroon,CMR,no,yes,no,no,,Agriculture,,2025"],
        "row 2: the row drops child labour from the bundled listing Cocoa, Cameroon (CMR)",
        id="one risk type for another",
    ),
    pytest.param(
        ["Crude Palm Oil,Indonesia,IDN,no,no,no,no,,Agriculture,,2025"],
        "row 2: the row drops made with inputs from Indonesia from the bundled listing Crude"
        " Palm Oil, Indonesia (IDN)",
        id="a downstream listing off",
    ),
]


@pytest.mark.parametrize(("rows", "said"), DROPS)
def test_an_overlay_row_that_would_drop_a_listing_is_refused(
    tmp_path: Path, rows: list[str], said: str
) -> None:
    folder = _overlay(tmp_path / "ovrm", _goods(*rows))
    with pytest.raises(ProfileError) as caught:
        load_profiles([folder])
    message = str(caught.value)
    assert f"{folder / 'goods.csv'}: {said}" in message
    # how a removal is recorded instead
    assert "a removal is recorded in goods_2024_changes.csv instead" in message


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param(["Cocoa,Côte d'Ivoire,CIV,yes,yes,yes,no,,Agriculture,,2025"], id="the same"),
        pytest.param(["Cocoa,Ghana,GHA,yes,yes,no,no,,Agriculture,,2025"], id="one added"),
        pytest.param(["Cocoa,Togo,TGO,yes,no,no,no,,Agriculture,,2025"], id="a new listing"),
        pytest.param(["Crude Palm Oil,Indonesia,IDN,no,yes,no,no,,Agriculture,,2025"], id="direct"),
    ],
)
def test_an_overlay_row_that_keeps_or_raises_a_listing_loads(
    tmp_path: Path, rows: list[str]
) -> None:
    profiles = load_profiles([_overlay(tmp_path / "ovup", _goods(*rows))])
    [given] = [g for g in profiles.goods if g.overlay]
    assert given.overlay == "ovup/goods.csv" and given.year == 2025


def test_a_later_overlay_may_not_drop_what_an_earlier_one_lists(tmp_path: Path) -> None:
    first = _overlay(tmp_path / "first", _goods("Cocoa,Ghana,GHA,yes,yes,no,no,,Agriculture,,2025"))
    second = _overlay(tmp_path / "second", _goods("Cocoa,Ghana,GHA,yes,no,no,no,,,,2025"))
    with pytest.raises(ProfileError, match=r"second/goods.csv: row 2: the row drops forced labour"):
        load_profiles([first, second])
    with pytest.raises(ProfileError, match=r"from the listing Cocoa, Ghana \(GHA\) \(the overlay"):
        load_profiles([first, second])


def test_the_command_refuses_the_removal_with_exit_2(tmp_path: Path) -> None:
    """It loaded, and 18 flags of the cocoa chain went down without a word."""
    folder = _overlay(tmp_path / "ovrm", _goods("Cocoa,Côte d'Ivoire,CIV,no,no,no,no,,,,2025"))
    out = tmp_path / "x.json"
    run = CliRunner().invoke(
        app,
        ["assess", str(SAMPLES / "cocoa.yaml"), "--profiles", str(folder), "-o", str(out)],
        env={"COLUMNS": "2000"},
    )
    assert run.exit_code == 2
    assert "goods.csv: row 2: the row drops child labour" in run.output
    assert not out.exists()


TOGO = "id,name,country,sector,products\n"


# (the chain's suppliers, the facts of theirs that name the overlay's listing): each fact
# of a listing an overlay gives, whatever source its row names, is credited to the overlay
OVERLAY_FACTS = [
    pytest.param(
        "A1,Togo Cacao Export SARL,TGO,cocoa trader,cocoa beans\n",
        {
            "handles a listed good (the overlay ovdol/goods.csv): Cocoa (Togo)",
            # (that of the cocoa farms inferred upstream of the trader)
            "Goods listing from the overlay ovdol/goods.csv: Cocoa (Togo)",
        },
        id="handled",
    ),
    pytest.param(
        "T1,Société Générale du Togo,TGO,widget making,\n",
        {
            "goods listed in TGO for child labour in the overlay ovdol/goods.csv (the sector"
            " not known may be one)"
        },
        id="sector not known",
    ),
    pytest.param(
        "F1,Ferme Kpalimé,TGO,cocoa farming,cocoa beans\n",
        {"Goods listing from the overlay ovdol/goods.csv: Cocoa (Togo)"},
        id="applies",
    ),
]


@pytest.mark.parametrize("source_id", ["ilab-goods-2022", "own-survey"])
@pytest.mark.parametrize(("suppliers", "facts"), OVERLAY_FACTS)
def test_every_fact_of_an_overlays_listing_is_credited_to_it(
    tmp_path: Path, suppliers: str, facts: set[str], source_id: str
) -> None:
    """An overlay's row citing the DOL list's id read "handles a listed good: Cocoa (Togo)",
    credited to the 2022 edition, which lists no cocoa of Togo."""
    row = f"Cocoa,Togo,TGO,yes,no,no,no,,Agriculture,,2022,x,{source_id}\n"
    folder = _overlay(tmp_path / "ovdol", {"goods.csv": GOODS_HEADER + row})
    chain = tmp_path / "togo.csv"
    chain.write_text(TOGO + suppliers, "utf-8")
    doc = assess([chain], AssessOptions(profiles=[folder])).data
    named = [
        e
        for e in doc["evidence"].values()
        if re.search(r"\bCocoa\b", f"{e['value']} {e['indicator']}")
        and re.search(r"listed|listing", e["indicator"])
    ]
    assert {e["indicator"] for e in named} == facts
    behind = DOL if source_id == "ilab-goods-2022" else "Our 2025 member survey"
    for fact in named:
        assert fact["source"] == "the overlay ovdol/goods.csv (given with --profiles)"
        assert f"[source behind it: {behind} (" in fact["note"]
    bundled = assess([chain]).data  # (no overlay: no listing of cocoa in Togo at all)
    assert not any("Cocoa" in str(e["value"]) for e in bundled["evidence"].values())


# (an overlay's goods_2024_changes.csv row, what the error says)
CHANGES_REFUSED = [
    pytest.param(
        "Cocoa,Ghana,GHA,removed,2025,,removed: our members say so,\n",
        "row 2: value without source (source_id is empty)",
        id="no source",
    ),
    pytest.param(
        ",Togo,TGO,new_country_added_goods_not_stated,2025,,,\n",
        "row 2: value without source (source_id is empty)",
        id="no source, new country",
    ),
    pytest.param(
        "Cocoa,Ghana,GHA,removed,2025,,removed: say so,own-survy\n",
        "row 2: unknown source_id 'own-survy' (did you mean 'own-survey'?)",
        id="unknown source",
    ),
    pytest.param(
        "Cocoa,Ghana,GHA,remove,2025,,removed: say so,own-survey\n",
        "row 2: change_2024 'remove' is none of removed,",
        id="a change not read",
    ),
    pytest.param(
        "Cocoa,Ghana,GHA,removed,2025,,,own-survey\n",
        "row 2: a removal needs its reason in note",
        id="a removal without its reason",
    ),
    pytest.param(
        "Cocoa,Togo,TGO,removed,2025,,removed: say so,own-survey\n",
        "row 2: removal of 'Cocoa' (TGO) names no listing of goods.csv",
        id="a removal of no listing",
    ),
]


@pytest.mark.parametrize(("row", "said"), CHANGES_REFUSED)
def test_an_overlays_2024_change_without_a_known_source_or_meaning_is_refused(
    tmp_path: Path, row: str, said: str
) -> None:
    folder = _overlay(tmp_path / "ov24", {"goods_2024_changes.csv": CHANGES_HEADER + row})
    with pytest.raises(ProfileError) as caught:
        load_profiles([folder])
    assert f"{folder / 'goods_2024_changes.csv'}: {said}" in str(caught.value)


def _changes(tmp_path: Path, source_id: str) -> Path:
    return _overlay(
        tmp_path / "ov24",
        {
            "goods_2024_changes.csv": CHANGES_HEADER
            + f"Cocoa,Ghana,GHA,removed,2025,,removed: our members say so,{source_id}\n"
            + f",Togo,TGO,new_country_added_goods_not_stated,2025,,named by us,{source_id}\n"
        },
    )


@pytest.mark.parametrize("source_id", ["ilab-goods-2024-changes", "own-survey"])
def test_an_overlays_2024_changes_are_credited_to_it_everywhere(
    tmp_path: Path, source_id: str
) -> None:
    """A removal an overlay recorded read "removed in the 2024 edition: our members say so",
    credited to the DOL list; a new country to the confirmed changes."""
    folder = _changes(tmp_path, source_id)
    behind = {
        "ilab-goods-2024-changes": "Confirmed changes of the 2024 List of Goods",
        "own-survey": "Our 2025 member survey",
    }[source_id]
    credit = "the overlay ov24/goods_2024_changes.csv (given with --profiles)"
    chain = tmp_path / "chain.csv"
    chain.write_text(
        TOGO + "G1,Farm,GHA,cocoa farming,cocoa beans\nT1,Widgets,TGO,widget making,\n", "utf-8"
    )
    doc = assess([chain], AssessOptions(profiles=[folder])).data
    facts = doc["evidence"].values()
    removals = [e for e in facts if "our members say so" in e.get("note", "")]
    assert removals and all(
        e["indicator"] == "US DOL List of Goods: Cocoa (Ghana)"  # (the listing is the DOL's)
        and e["note"].startswith("removed in the 2024 edition: our members say so; recorded by")
        and f"{credit} [source behind it: {behind} (" in e["note"]
        for e in removals
    )
    [listing] = [g for s in doc["suppliers"] if s["id"] == "G1" for g in s["listings"]]
    assert listing["removed_2024"].startswith(
        "removed: our members say so; recorded by the overlay"
    )
    added = [e for e in facts if "Togo newly listed" in e["indicator"]]
    assert added and all(
        e["indicator"]
        == "US DOL List of Goods 2024: Togo newly listed (the overlay ov24/goods_2024_changes.csv)"
        and e["source"] == credit
        and e["note"].startswith(f"[source behind it: {behind} (")
        for e in added
    )
    runner = CliRunner()
    env = {"COLUMNS": "2000"}
    good = runner.invoke(
        app, ["profiles", "show", "good", "Cocoa", "--profiles", str(folder)], env=env
    )
    assert good.exit_code == 0, good.output
    [ghana] = [x for x in good.output.splitlines() if "│ GHA " in x]
    assert f"recorded by {credit} [source behind it: {behind}" in ghana
    assert "our members say so — from the overlay ov24/goods_2024_changes.csv" in good.output
    togo = runner.invoke(
        app, ["profiles", "show", "country", "TGO", "--profiles", str(folder)], env=env
    )
    assert "named by us (which goods" in togo.output
    assert "— from the overlay ov24/goods_2024_changes.csv, not the bundled changes" in togo.output


def test_the_bundled_2024_changes_and_a_copy_of_them_are_the_confirmed_changes(
    tmp_path: Path,
) -> None:
    """A copied folder holds the bundled changes file: its rows add nothing and stay the
    confirmed changes', credited to their source."""
    folder = tmp_path / "copy"
    folder.mkdir()
    shutil.copy(bundled_dir() / "goods_2024_changes.csv", folder)
    copied, bundled = load_profiles([folder]), load_profiles()
    assert copied.goods_changes == bundled.goods_changes
    assert not any(c.overlay for c in copied.goods_changes)
    assert {c.source_id for c in bundled.goods_changes} == {"ilab-goods-2024-changes"}
    assert not any(g.change_2024_by for g in copied.goods)
