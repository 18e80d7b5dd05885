"""The terminal report reads a glance of the document (a few entries and flags): it shows
exactly what it shows from the whole document."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

import ddtool.assess
import ddtool.reporters.json_report as json_report
from ddtool.assess import AssessOptions, assess
from ddtool.deferred import can_fork
from ddtool.profiles import load_profiles
from ddtool.reporters.json_report import JsonReporter
from ddtool.reporters.terminal import FLAG_ROWS, MAX_TREE_NODES, render

SAMPLES = Path(__file__).resolve().parent.parent.parent / "sample_chains"
PROFILES = load_profiles()
SECTORS = sorted(PROFILES.sectors)
COUNTRIES = sorted(PROFILES.indicators)


def _text(doc: dict[str, Any], rows: int, nodes: int, tree: bool = True) -> str:
    console = Console(file=io.StringIO(), width=220, record=True, color_system=None)
    render(doc, console, tree=tree, flag_rows=rows, tree_nodes=nodes)
    return console.export_text()


def _same_either_way(result: Any, rows: int, nodes: int) -> dict[str, Any]:
    """The report from the glance, checked against the report from the whole document."""
    glance = result.glance(rows, nodes)
    shown = _text(glance, rows, nodes)
    assert shown == _text(result.data, rows, nodes)
    return glance


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.iterdir()))
@pytest.mark.parametrize(
    ("rows", "nodes"), [(FLAG_ROWS, MAX_TREE_NODES), (2, 5), (1, 1), (0, 0), (100, 1000)]
)
def test_the_glance_shows_what_the_whole_document_shows(sample: str, rows: int, nodes: int) -> None:
    result = assess([SAMPLES / sample])
    glance = _same_either_way(result, rows, nodes)
    whole = result.data
    assert len(glance["suppliers"]) <= len(whole["suppliers"])
    assert all(flag in whole["flags"] for flag in glance["flags"])
    assert all(entry in whole["suppliers"] for entry in glance["suppliers"])


def test_a_glance_holds_only_what_is_shown() -> None:
    result = assess([SAMPLES / "garment.yaml"])
    glance = result.glance(1, 1)
    flagged = {flag["supplier_id"] for flag in glance["flags"]}
    assert len(flagged) == 1  # every flag of the one supplier flagged highest
    first = result.data["flags"][0]["supplier_id"]
    assert flagged == {first}
    assert [f for f in result.data["flags"] if f["supplier_id"] == first] == glance["flags"]
    # the first tree node and its suppliers, the company's suppliers, the flagged supplier
    assert len(glance["suppliers"]) < len(result.data["suppliers"])


def test_a_document_already_built_is_shown_whole() -> None:
    result = assess([SAMPLES / "cocoa.yaml"])
    whole = result.data  # builds every deferred part in place
    assert result.glance(2, 2) is whole


def _chain(sectors: list[str | None], countries: list[str | None], links: list[list[int]]) -> Any:
    suppliers = []
    for i, (sector, country) in enumerate(zip(sectors, countries, strict=True)):
        entry: dict[str, Any] = {"id": f"S{i:02d}", "name": f"Supplier {i}"}
        if sector:
            entry["sector"] = sector
        if country:
            entry["country"] = country
        buyers = sorted({f"S{b % i:02d}" for b in links[i]}) if i else []
        if buyers:
            entry["buyers"] = buyers  # several buyers: a shared supplier
        suppliers.append(entry)
    return {"company": {"name": "Buyer", "country": "DEU"}, "suppliers": suppliers}


chains = st.integers(min_value=1, max_value=14).flatmap(
    lambda n: st.tuples(
        st.lists(st.none() | st.sampled_from(SECTORS), min_size=n, max_size=n),
        st.lists(st.none() | st.sampled_from(COUNTRIES), min_size=n, max_size=n),
        st.lists(st.lists(st.integers(0, 40), max_size=3), min_size=n, max_size=n),
    )
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chain=chains, rows=st.integers(0, 12), nodes=st.integers(0, 40))
def test_on_any_chain_the_glance_shows_the_same(
    tmp_path_factory: Any, chain: Any, rows: int, nodes: int
) -> None:
    path = tmp_path_factory.mktemp("glance") / "chain.yaml"
    path.write_text(yaml.safe_dump(_chain(*chain)), encoding="utf-8")
    _same_either_way(assess([path]), rows, nodes)


@pytest.mark.skipif(not can_fork(), reason="forking needs Linux and a second core")
def test_after_a_json_written_from_forked_processes_the_glance_shows_the_same(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ddtool.assess, "INDENT_LIMIT", 0)  # the large-chain path
    monkeypatch.setattr(json_report, "INDENT_LIMIT", 0)
    built: list[str] = []
    flag_list = ddtool.assess._flag_list

    def counted(*args: Any) -> Any:
        built.append("flags")
        return flag_list(*args)

    monkeypatch.setattr(ddtool.assess, "_flag_list", counted)
    sample = SAMPLES / "electronics_minerals.yaml"
    result = assess([sample], AssessOptions(ahead=True))
    JsonReporter().write(result.document, tmp_path / "out.json")
    assert built == []  # the flags came from the forked process
    glance = result.glance(2, 3)
    assert built == ["flags"]  # those of the two suppliers listed, made here
    whole = assess([sample]).data
    assert len(glance["flags"]) < len(whole["flags"])
    assert len(glance["suppliers"]) < len(whole["suppliers"])
    assert _text(glance, 2, 3) == _text(whole, 2, 3)


@pytest.mark.parametrize("sample", ["garment.yaml", "services.yaml"])
def test_without_the_tree_the_glance_shows_the_same(sample: str) -> None:
    result = assess([SAMPLES / sample])
    glance = result.glance(FLAG_ROWS, 0)
    assert _text(glance, FLAG_ROWS, 0, tree=False) == _text(result.data, FLAG_ROWS, 0, tree=False)


def test_the_glance_of_a_flat_chain_holds_only_the_nodes_shown(tmp_path: Path) -> None:
    countries = COUNTRIES[:50]
    suppliers = [
        {"id": f"V{i:04d}", "sector": "garment-manufacturing", "country": countries[i % 50]}
        for i in range(400)
    ]
    path = tmp_path / "flat.yaml"
    path.write_text(yaml.safe_dump({"suppliers": suppliers}), encoding="utf-8")
    result = assess([path])
    glance = _same_either_way(result, 3, 20)
    flagged = {flag["supplier_id"] for flag in glance["flags"]}
    shown = {entry["id"] for entry in glance["suppliers"]}
    assert len(flagged) <= 3
    # the 20 first tier-1 suppliers, one more (the tree says there are more), the flagged
    # ones, and the inferred tiers beneath those shown
    mapped = {i for i in shown if not i.startswith("inferred:")}
    assert mapped <= {f"V{i:04d}" for i in range(21)} | flagged
    assert len(shown) < 100 < len(result.data["suppliers"])


def test_low_on_missing_data_is_never_shown_as_plain_low(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from ddtool.assess import assess
    from ddtool.reporters import reporter_for

    chain = tmp_path / "gaps.yaml"
    chain.write_text(
        "company: {name: X, country: DEU}\n"
        "suppliers:\n"
        "  - {id: G1, name: no country, sector: software}\n"
        "  - {id: G2, name: known, country: DEU, sector: software}\n",
        "utf-8",
    )
    doc = assess([chain]).data
    out = tmp_path / "r"
    for suffix in (".html", ".xlsx"):
        reporter_for(out.with_suffix(suffix)).write(doc, out.with_suffix(suffix))
    html = out.with_suffix(".html").read_text("utf-8")
    # (as every report reads it: "low (data gap)", the id shortened before the level is)
    assert "G1 · country unknown · low (data gap)</text>" in html
    assert "G2 · DEU · low</text>" in html
    assert "risk level low (data gap); data gaps: country unknown" in html
    sheet = load_workbook(out.with_suffix(".xlsx"))["Suppliers"]
    fills = {row[0].value: row[1].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)}
    assert fills["G1"] != fills["G2"]  # G2 coloured as low, G1 not
    from ddtool.reporters.terminal import chain_tree

    console = Console(width=200, record=True)
    console.print(chain_tree(doc))
    text = console.export_text()
    assert "low (data gap): country unknown" in text
    assert text.count("(data gap): ") == 1  # (G1 alone)
    assert "X  exposure low (data gap)" in text  # the chain's maximum sits on the gap


def test_unmapped_tiers_beneath_do_not_make_a_complete_score_a_gap() -> None:
    from ddtool.document import UNMAPPED_BELOW, low_on_a_gap

    entry = {"inferred": False, "data_gaps": [UNMAPPED_BELOW]}
    assert not low_on_a_gap(entry, "low")
    assert low_on_a_gap({**entry, "data_gaps": [UNMAPPED_BELOW, "country unknown"]}, "low")
    assert not low_on_a_gap({**entry, "data_gaps": ["country unknown"]}, "high")


@pytest.mark.parametrize(
    ("who", "country", "level", "sub"),
    [
        ("G1", "DEU", "low", "G1 · DEU · low"),
        ("FARM-BR-000123", "BRA", "low (data gap)", "FARM-BR-000123 · BRA · low (data gap)"),
        ("FARM-BR-000123456", "BRA", "low (data gap)", "FARM-BR-000123… · BRA · low (data gap)"),
        ("G1", "country unknown", "low (data gap)", "G1 · country unknown · low (data gap)"),
        ("inferred", "origin mix", "low (data gap)", "inferred · origin mix · low (data gap)"),
        ("inferred", "country unknown", "critical", "inferred · country unknown · critical"),
    ],
)
def test_a_graph_nodes_second_line_shortens_the_id_never_the_level(
    who: str, country: str, level: str, sub: str
) -> None:
    from ddtool.reporters.html_report import SUB_CHARS, _node_sub

    assert _node_sub(who, country, level) == sub
    assert len(sub) <= SUB_CHARS


def test_explain_shows_the_2024_lists_changes_on_each_risk_type(
    tmp_path: Path,
) -> None:
    """A country or good new on the 2024 list is shown to check, never scored, in `explain`
    as in the flags' evidence, on each risk type: the changes do not say for which, and a
    listing of forced child labour stands for trafficking."""
    from typer.testing import CliRunner

    from ddtool.cli import app

    chain = tmp_path / "chain.yaml"
    chain.write_text(
        "company: {name: X, country: DE}\nsuppliers:\n"
        "  - {id: KR-FISH, country: KOR, sector: fishing-vessels, products: [squid]}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["explain", str(chain), "KR-FISH"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    parts = result.output.split(" trafficking ─")
    for part, count in ((parts[0], 2), (parts[1], 1)):
        assert part.count("South Korea newly listed") == count
        assert part.count("Squid newly listed") == count
    assert "not scored" in parts[0]


@pytest.mark.parametrize(
    ("limit", "said"), [(30, "… 1 more supplier not shown"), (20, "… 9 more suppliers not shown")]
)
def test_the_tree_says_how_many_suppliers_it_leaves_out_and_where_they_are(
    limit: int, said: str
) -> None:
    """It said "1 more suppliers not shown", and not where they are."""
    from ddtool.assess import assess
    from ddtool.reporters.terminal import chain_tree

    doc = assess([Path(__file__).parents[2] / "sample_chains" / "cocoa.yaml"]).data
    console = Console(width=300, record=True)
    console.print(chain_tree(doc, limit))
    text = console.export_text()
    total = doc["summary"]["suppliers"] + doc["summary"]["inferred_suppliers"]
    assert total == 29
    assert said in text and "every supplier is in the JSON, Excel and HTML outputs" in text


@pytest.mark.parametrize(
    ("suppliers", "said"),
    [
        ("  - {id: A, name: A, country: DEU, sector: software}\n", "1 mapped, 0 inferred, 1 tier"),
        (
            "  - {id: A, name: A, country: DEU, sector: software}\n"
            "  - {id: B, name: B, country: DEU, sector: software, buyers: [A]}\n",
            "2 mapped, 0 inferred, 2 tiers",
        ),
    ],
)
def test_the_summary_counts_tiers_in_words(tmp_path: Path, suppliers: str, said: str) -> None:
    chain = tmp_path / "c.yaml"
    chain.write_text("company: {name: X, country: DEU}\nsuppliers:\n" + suppliers, "utf-8")
    console = Console(width=200, record=True)
    render(assess([chain]).data, console)
    text = console.export_text()
    assert re.search(re.escape(said) + r"(?!\w)", text), text  # ("1 tier", not "1 tiers")
