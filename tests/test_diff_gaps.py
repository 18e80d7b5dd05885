"""`diff`: what the assessment's reports say of missing data, every diff output says too. A
low flag whose supplier lacks data it is scored on reads "low (data gap)", never plain "low",
and a flag that comes to rest on missing data at the same level (or no longer does) is a
change. A sector the taxonomy does not know is shown as written, and a change of that text
is listed. Text is compared whatever its Unicode normalisation form, and products in any
case, as goods are matched."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from rich.console import Console
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.diff import diff_assessments, load_for_diff, new_at_or_above
from ddtool.document import register
from ddtool.reporters.diff_report import render_diff_terminal, write_diff
from ddtool.reporters.shown import GAP_LEVEL, level_shown

EPOCH = "1767225600"
CL, FL, HT = "child_labour", "forced_labour", "human_trafficking"
RISK_TYPES = (CL, FL, HT)
UNKNOWN = " (not in the taxonomy)"


def supplier(sid: str, sector: str | None, country: str = "DEU", **fields: Any) -> dict[str, Any]:
    """A supplier of the company's, in Germany unless told."""
    entry = {"id": sid, "name": f"Supplier {sid}", "country": country, **fields}
    return entry if sector is None else {**entry, "sector": sector}


def assessed(tmp_path: Path, name: str, suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    """The assessment of these suppliers with low flags shown (`flag_level: low`)."""
    chain = tmp_path / f"{name}.yaml"
    chain.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    settings = tmp_path / "low.yaml"
    settings.write_text("flag_level: low\n", "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        return assess([chain], AssessOptions(config=settings)).data


def diffed(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The diff of two assessments as `ddtool diff` reads them: saved, and read back slimmed
    (load_for_diff keeps of each supplier entry only what a diff reads)."""
    paths = []
    for name, document in (("old", old), ("new", new)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(document), "utf-8")
        paths.append(path)
    return diff_assessments(*(load_for_diff(path) for path in paths))


def outputs(tmp_path: Path, diff: dict[str, Any]) -> tuple[str, str, Any]:
    """The terminal text, the Markdown text and the workbook of a diff."""
    console = Console(width=400, record=True)
    render_diff_terminal(diff, console)
    write_diff(diff, tmp_path / "d.md")
    write_diff(diff, tmp_path / "d.xlsx")
    return (
        console.export_text(),
        (tmp_path / "d.md").read_text("utf-8"),
        load_workbook(tmp_path / "d.xlsx"),
    )


def as_shown(level: Any, gaps: Any) -> str:
    """A level of the diff JSON as the reports show it: "low (data gap)" where a low level
    rests on gaps."""
    return GAP_LEVEL if level == "low" and gaps else str(level)


def shown_in_reports(document: dict[str, Any]) -> dict[str, str]:
    """Each flag's level as the assessment's reports show it (its register)."""
    return {str(f["id"]): level_shown(f, f["level"]) for f in register(document)}


def cells(text: str, flag_id: str) -> list[str]:
    """The cells of the terminal table row of this flag."""
    (line,) = [line for line in text.splitlines() if flag_id in line]
    return [c.strip() for c in line.split("│")[1:-1]]


def field_rows(text: str, field: str) -> list[list[str]]:
    """The rows of the terminal's table of changed suppliers for this field."""
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in text.splitlines()]
    return [row for row in rows if len(row) == 5 and row[2] == field]


def section(md: str, title: str) -> str:
    """The Markdown diff's section of this title (to the next heading)."""
    return md.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


# (case, last year's suppliers, this year's,
#  the flags changed: (supplier, risk type, was, is (as shown), direction),
#  the new and the resolved flags: (supplier, risk type, level as shown))
GAP_CASES: list[tuple[str, list[Any], list[Any], list[Any], list[Any], list[Any]]] = [
    (
        "a sector written anew that the taxonomy does not know",
        [supplier("A", "logistics-transport")],
        [supplier("A", "office-services")],
        [("A", rt, "low", GAP_LEVEL, "up") for rt in RISK_TYPES],
        [],
        [],
    ),
    (
        "a sector the taxonomy knows again",
        [supplier("A", "office-services")],
        [supplier("A", "logistics-transport")],
        [("A", rt, GAP_LEVEL, "low", "down") for rt in RISK_TYPES],
        [],
        [],
    ),
    # still low on missing data, another text: the flags are shown as they were
    (
        "one unknown sector for another",
        [supplier("A", "widget-making")],
        [supplier("A", "office-services")],
        [],
        [],
        [],
    ),
    (
        "an added supplier on missing data",
        [supplier("A", "logistics-transport")],
        [supplier("A", "logistics-transport"), supplier("D", "office-services")],
        [],
        [("D", rt, GAP_LEVEL) for rt in RISK_TYPES],
        [],
    ),
    (
        "a removed supplier on missing data",
        [supplier("A", "logistics-transport"), supplier("D", "office-services")],
        [supplier("A", "logistics-transport")],
        [],
        [],
        [("D", rt, GAP_LEVEL) for rt in RISK_TYPES],
    ),
    (
        "an added supplier of a known sector",
        [supplier("A", "logistics-transport")],
        [supplier("A", "logistics-transport"), supplier("D", "logistics-transport")],
        [],
        [("D", rt, "low") for rt in RISK_TYPES],
        [],
    ),
    # Monaco: no country data; child labour stays low on the gap, the others rise
    (
        "a move to a country without data",
        [supplier("A", "logistics-transport")],
        [supplier("A", "logistics-transport", "MCO")],
        [
            ("A", CL, "low", GAP_LEVEL, "up"),
            ("A", FL, "low", "medium", "up"),
            ("A", HT, "low", "medium", "up"),
        ],
        [],
        [],
    ),
]


@pytest.mark.parametrize(
    ("before", "after", "changed", "new", "resolved"),
    [case[1:] for case in GAP_CASES],
    ids=[case[0] for case in GAP_CASES],
)
def test_a_low_level_on_missing_data_reads_as_the_reports_read_it(
    tmp_path: Path,
    before: list[dict[str, Any]],
    after: list[dict[str, Any]],
    changed: list[tuple[str, str, str, str, str]],
    new: list[tuple[str, str, str]],
    resolved: list[tuple[str, str, str]],
) -> None:
    old_doc, new_doc = assessed(tmp_path, "old", before), assessed(tmp_path, "new", after)
    diff = diffed(tmp_path, old_doc, new_doc)

    def listed(key: str) -> list[tuple[str, str, str]]:
        return sorted(
            (f["supplier_id"], f["risk_type"], as_shown(f["level"], f["data_gaps"]))
            for f in diff[key]
        )

    assert listed("new_flags") == sorted(new)
    assert listed("resolved_flags") == sorted(resolved)
    assert sorted(
        (
            c["supplier_id"],
            c["risk_type"],
            as_shown(c["old_level"], c["old_data_gaps"]),
            as_shown(c["new_level"], c["data_gaps"]),
            c["direction"],
        )
        for c in diff["changed_flags"]
    ) == sorted(changed)
    summary = diff["summary"]
    assert summary["changed_flags"] == len(changed)
    assert summary["changed_up"] == sum(1 for c in changed if c[4] == "up")
    assert summary["changed_down"] == sum(1 for c in changed if c[4] == "down")
    # a low level resting on a gap is no new low risk for a gate: only the levels count
    assert not [c for c in new_at_or_above(diff, "low") if c in diff["changed_flags"]]

    # as the assessment's own reports show each flag; every flag they show otherwise is listed
    was, now = shown_in_reports(old_doc), shown_in_reports(new_doc)
    assert {c["id"] for c in diff["changed_flags"]} == {
        i for i in was.keys() & now if was[i] != now[i]
    }
    for f in diff["new_flags"]:
        assert as_shown(f["level"], f["data_gaps"]) == now[f["id"]]
    for f in diff["resolved_flags"]:
        assert as_shown(f["level"], f["data_gaps"]) == was[f["id"]]

    terminal, md, book = outputs(tmp_path, diff)
    rows = {
        title: {r[0]: r[1:] for r in book[title].iter_rows(min_row=2, values_only=True)}
        for title in ("New flags", "Resolved flags", "Changed flags")
    }
    for title, key in (("New flags", "new_flags"), ("Resolved flags", "resolved_flags")):
        for f in diff[key]:
            shown = as_shown(f["level"], f["data_gaps"])
            assert cells(terminal, f["id"])[0] == shown
            assert f"| {f['id']} | {shown} |" in section(md, title)
            assert rows[title][f["id"]][0] == shown
    for c in diff["changed_flags"]:
        levels = [
            as_shown(c["old_level"], c["old_data_gaps"]),
            as_shown(c["new_level"], c["data_gaps"]),
        ]
        assert cells(terminal, c["id"])[0] == " → ".join(levels)  # (one column: was → is)
        assert f"| {c['id']} | {levels[0]} | {levels[1]} | {c['direction']} |" in md
        assert list(rows["Changed flags"][c["id"]][:3]) == [*levels, c["direction"]]
    assert f"| Changed flags | {len(changed)} (" in md


def test_a_sector_out_of_the_taxonomy_through_the_command_line(tmp_path: Path) -> None:
    """The report's case, as `ddtool assess` and `ddtool diff` write and read the files: A's
    sector no longer in the taxonomy, D added with it; the gate on medium is not reached."""
    (tmp_path / "low.yaml").write_text("flag_level: low\n", "utf-8")
    chains = {
        "old": [supplier("A", "logistics-transport")],
        "new": [supplier("A", "office-services"), supplier("D", "office-services")],
    }
    runner = CliRunner()
    for name, suppliers in chains.items():
        chain = tmp_path / f"{name}.yaml"
        chain.write_text(
            yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8"
        )
        done = runner.invoke(
            app,
            [
                "assess",
                str(chain),
                "--config",
                str(tmp_path / "low.yaml"),
                "-q",
                "-o",
                str(tmp_path / f"{name}.json"),
            ],
            env={"SOURCE_DATE_EPOCH": EPOCH},
        )
        assert done.exit_code == 0, done.output
    out = [str(tmp_path / name) for name in ("d.md", "d.xlsx", "d.json")]
    done = runner.invoke(
        app,
        ["diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--fail-on-new", "medium"]
        + [arg for path in out for arg in ("-o", path)],
        env={"COLUMNS": "300"},
    )
    assert done.exit_code == 0, done.output
    assert "3 new, 0 resolved, 3 changed (3 up, 0 down); suppliers +1 -0, 1 changed" in done.output
    # (in the flags' tables: the company's exposure and the tier-1 ranking come before them)
    flags = done.output.split("New flags", 1)[1].split("Suppliers' own exposure", 1)
    assert flags[0].count(GAP_LEVEL) == 6
    # and the supplier's own exposure, low on missing data now (1.13)
    assert flags[1].count(f"low → {GAP_LEVEL}") == 3
    assert not re.search(
        r"│ low +│ (trafficking|forced labour|child labour) +│ Supplier D", done.output
    )
    md = (tmp_path / "d.md").read_text("utf-8")
    assert section(md, "New flags").count(f"| {GAP_LEVEL} |") == 3
    assert section(md, "Changed flags").count(f"| low | {GAP_LEVEL} | up |") == 3
    assert f"| A | Supplier A | sector | logistics-transport | office-services{UNKNOWN} |" in md
    saved = json.loads((tmp_path / "d.json").read_text("utf-8"))
    assert saved["schema_version"] == "1.13"
    assert {tuple(f["data_gaps"]) for f in saved["new_flags"]} == {("sector not matched",)}
    assert [(c["old_data_gaps"], c["data_gaps"]) for c in saved["changed_flags"]] == [
        ([], ["sector not matched"])
    ] * 3


# (the supplier's data gaps in this year's assessment (its flags still low), the risk types
#  whose flags then rest on missing data)
GAP_KINDS: list[tuple[list[str], list[str]]] = [
    (["no country data for forced_labour"], [FL]),
    (["little country data for child_labour (15%)"], [CL]),
    (["country unknown"], [CL, FL, HT]),
    # the unmapped tiers beneath it are no data of its own score
    (["tiers below not mapped (inferred)"], []),
]


@pytest.mark.parametrize("layout", ["2.1", "1.0"])
@pytest.mark.parametrize(("gaps", "risk_types"), GAP_KINDS, ids=[g[0] for g, _ in GAP_KINDS])
def test_a_gap_counts_for_the_risk_types_it_bears_on(
    tmp_path: Path, gaps: list[str], risk_types: list[str], layout: str
) -> None:
    """A gap in one risk type's country data puts only that risk type's flag on a gap, as
    the reports have it; in a 1.x assessment each flag holds its supplier's gaps itself."""
    old = assessed(tmp_path, "old", [supplier("A", "logistics-transport")])
    new = copy.deepcopy(old)
    (entry,) = new["suppliers"]
    entry["data_gaps"] = gaps
    if layout == "1.0":  # each flag holds its supplier's fields and its basis inline
        for document in (old, new):
            document["flags"] = [
                {k: v for k, v in f.items() if k != "basis"} for f in register(document)
            ]
            del document["bases"]
            document["schema_version"] = "1.0"
    diff = diffed(tmp_path, old, new)
    assert sorted((c["risk_type"], c["direction"]) for c in diff["changed_flags"]) == [
        (rt, "up") for rt in risk_types
    ]
    now = shown_in_reports(new)
    assert sorted(f["risk_type"] for f in register(new) if now[f["id"]] == GAP_LEVEL) == risk_types
    assert all(c["data_gaps"] == gaps and c["old_data_gaps"] == [] for c in diff["changed_flags"])


# (case, last year's sector, this year's (None: not given), the row of the change as the
#  outputs show it (None: no change), and the JSON's (old, new, old_as_written, new_as_written))
SECTOR_CASES: list[tuple[str, str | None, str | None, Any, Any]] = [
    (
        "to a sector the taxonomy does not know",
        "logistics-transport",
        "office-services",
        ("logistics-transport", "office-services" + UNKNOWN),
        ("logistics-transport", None, "logistics-transport", "office-services"),
    ),
    (
        "one unknown sector for another",
        "widget-making",
        "gadget-making",
        ("widget-making" + UNKNOWN, "gadget-making" + UNKNOWN),
        (None, None, "widget-making", "gadget-making"),
    ),
    (
        "to a sector the taxonomy knows",
        "office-services",
        "logistics-transport",
        ("office-services" + UNKNOWN, "logistics-transport"),
        (None, "logistics-transport", "office-services", "logistics-transport"),
    ),
    (
        "an unknown sector where none was given",
        None,
        "widget-making",
        ("not given", "widget-making" + UNKNOWN),
        (None, None, None, "widget-making"),
    ),
    # the same sector written anew: the taxonomy matches both to one id, or neither, in any case
    ("a known sector respelled", "logistics-transport", "Logistics & Transport", None, None),
    ("an unknown sector in another case", "widget-making", "Widget-Making", None, None),
]


@pytest.mark.parametrize(
    ("before", "after", "row", "saved"),
    [case[1:] for case in SECTOR_CASES],
    ids=[case[0] for case in SECTOR_CASES],
)
def test_a_sector_the_taxonomy_does_not_know_is_shown_as_written(
    tmp_path: Path, before: str | None, after: str | None, row: Any, saved: Any
) -> None:
    diff = diffed(
        tmp_path,
        assessed(tmp_path, "old", [supplier("A", before)]),
        assessed(tmp_path, "new", [supplier("A", after)]),
    )
    changes = [c for c in diff["suppliers_changed"] if c["field"] == "sector"]
    if row is None:
        assert changes == []
        return
    (change,) = changes
    assert (
        change["old"],
        change["new"],
        change["old_as_written"],
        change["new_as_written"],
    ) == saved
    assert diff["summary"]["suppliers_changed"] == 1
    terminal, md, book = outputs(tmp_path, diff)
    assert field_rows(terminal, "sector") == [["A", "Supplier A", "sector", *row]]
    assert f"| A | Supplier A | sector | {row[0]} | {row[1]} |" in md
    rows = list(book["Suppliers changed"].iter_rows(min_row=2, values_only=True))
    assert ("A", "Supplier A", "sector", *row) in rows


def nfd(text: str) -> str:
    """The text with its accents decomposed (NFD), as some systems write it."""
    return unicodedata.normalize("NFD", text)


SOCIETE = "Société Générale des Cacaos"
REGION = "San-Pédro"
FEVES = "fèves de cacao"
COOP = supplier(
    "C", "cocoa-farming", "CIV", name=SOCIETE, region=REGION, products=["cocoa beans", FEVES]
)

# (case, this year's fields of the cooperative, the changes listed (field, old, new): the new
#  value as written)
TEXT_CASES: list[tuple[str, dict[str, Any], list[tuple[str, Any, Any]]]] = [
    ("a product in another case", {"products": ["Cocoa Beans", FEVES]}, []),
    ("a product decomposed", {"products": ["cocoa beans", nfd(FEVES)]}, []),
    ("a product in capitals, decomposed", {"products": [nfd(FEVES.upper()), "cocoa beans"]}, []),
    ("the name decomposed", {"name": nfd(SOCIETE)}, []),
    ("the region decomposed", {"region": nfd(REGION)}, []),
    ("an extra column decomposed", {"remarks": nfd("Contrôle prévu")}, []),
    (
        "a product in another case and one added",
        {"products": ["Cocoa Beans", FEVES, "cocoa butter"]},
        [("products", ["cocoa beans", FEVES], ["Cocoa Beans", FEVES, "cocoa butter"])],
    ),
    # a name in other letters is another name; the new one shown as written
    ("the name in capitals", {"name": SOCIETE.upper()}, [("name", SOCIETE, SOCIETE.upper())]),
    (  # (read in one Unicode form: the assessment holds it composed)
        "the name changed, decomposed",
        {"name": nfd("Société Ivoirienne des Cacaos")},
        [("name", SOCIETE, "Société Ivoirienne des Cacaos")],
    ),
]


@pytest.mark.parametrize(
    ("after", "changes"), [case[1:] for case in TEXT_CASES], ids=[case[0] for case in TEXT_CASES]
)
def test_text_is_compared_whatever_its_form(
    tmp_path: Path, after: dict[str, Any], changes: list[tuple[str, Any, Any]]
) -> None:
    """What matching reads as the same is no change: text in either Unicode normalisation
    form (NFC, NFD), products in any case; the new value is shown as written."""
    before = {**COOP, "remarks": "Contrôle prévu"}
    diff = diffed(
        tmp_path,
        assessed(tmp_path, "old", [before]),
        assessed(tmp_path, "new", [{**before, **after}]),
    )
    assert [(c["field"], c["old"], c["new"]) for c in diff["suppliers_changed"]] == changes


@pytest.mark.parametrize("added", [True, False], ids=["added", "removed"])
def test_a_supplier_added_or_removed_shows_its_sector_as_written(
    tmp_path: Path, added: bool
) -> None:
    """A supplier added or removed whose sector the taxonomy does not know: its sector as
    written, in the JSON and in each table, not a blank; one the taxonomy knows by its id,
    and one without a sector as before."""
    base = [supplier("A", "logistics-transport")]
    more = [*base, supplier("B", "office-services"), supplier("C", "cocoa farming")]
    more.append(supplier("D", None))
    old, new = (base, more) if added else (more, base)
    diff = diffed(tmp_path, assessed(tmp_path, "old", old), assessed(tmp_path, "new", new))
    key, title = (
        ("suppliers_added", "Suppliers added")
        if added
        else (
            "suppliers_removed",
            "Suppliers removed",
        )
    )
    listed = {row["id"]: (row["sector"], row["sector_as_written"]) for row in diff[key]}
    assert listed == {
        "B": (None, "office-services"),
        "C": ("cocoa-farming", "cocoa farming"),
        "D": (None, None),
    }
    text, md, book = outputs(tmp_path, diff)
    shown = {"B": f"office-services{UNKNOWN}", "C": "cocoa-farming", "D": ""}
    table = text.split(title, 1)[1]
    for sid, sector in shown.items():
        (row,) = [
            [c.strip() for c in line.split("│")[1:-1]]
            for line in table.splitlines()
            if line.startswith(f"│ {sid} ")
        ]
        assert row[3] == sector
        assert f"| {sid} | Supplier {sid} | DEU | {sector} |" in section(md, title)
    sheet = {row[0]: row[3] for row in book[title].iter_rows(min_row=2, values_only=True)}
    assert sheet == {sid: sector or None for sid, sector in shown.items()}


@pytest.mark.parametrize("forward", [True, False], ids=["into the unknown", "back"])
def test_a_changed_flags_sector_the_taxonomy_does_not_know_is_shown_as_written(
    tmp_path: Path, forward: bool
) -> None:
    """The Changed flags sheet gives each flag's sector and its old one as the registers do:
    one the taxonomy does not know as written, not a blank."""
    known, unknown = "logistics-transport", "office-services"
    pair = [supplier("A", known)], [supplier("A", unknown)]
    old, new = pair if forward else pair[::-1]
    diff = diffed(tmp_path, assessed(tmp_path, "old", old), assessed(tmp_path, "new", new))
    assert len(diff["changed_flags"]) == 3
    was, now = (known, unknown + UNKNOWN) if forward else (unknown + UNKNOWN, known)
    _, _, book = outputs(tmp_path, diff)
    rows = list(book["Changed flags"].iter_rows(values_only=True))
    header = rows[0]
    shown = {(row[header.index("old_sector")], row[header.index("sector")]) for row in rows[1:]}
    assert shown == {(was, now)}
    for flag in diff["changed_flags"]:  # the JSON keeps the ids and the texts apart
        assert (flag["sector"], flag["old_sector"]) == ((None, known) if forward else (known, None))
        assert flag["sector_as_written"] == (unknown if forward else known)
        assert flag["old_sector_as_written"] == (known if forward else unknown)
