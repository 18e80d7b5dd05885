"""What every report format says alike: each input file with its own hash (and the hash over
all of them named as such), the remediation measures in the due-diligence step order of the
profiles, the same source names as the CSV (a fact citing two publications names both, each
once), and the Excel tier columns (a numeric first tier beside the text of every tier)."""

from __future__ import annotations

import copy
import csv
import hashlib
import html as html_text
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from ddtool.assess import assess
from ddtool.reporters import reporter_for
from ddtool.reporters.excel_report import REGISTER_COLUMNS
from ddtool.reporters.markdown_report import cited_sources
from ddtool.reporters.plan import step_order
from ddtool.reporters.shown import not_shown_text

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_chains"
# the due-diligence steps as the profiles order them, by id and by name
STEPS: list[dict[str, str]] = yaml.safe_load(
    (ROOT / "risk_profiles" / "remediation.yaml").read_text(encoding="utf-8")
)["steps"]
STEP_IDS = [s["id"] for s in STEPS]
STEP_NAMES = [s["name"] for s in STEPS]

CHAIN_YAML = """\
company: {name: Buyer GmbH, country: DEU}
suppliers:
  - {id: T1, name: Mill, country: BGD, sector: garment-manufacturing}
"""
CHAIN_CSV = "id,name,country,sector,buyers\nT2,Spinner,India,textile-spinning,T1\n"


def _write(document: dict[str, Any], path: Path) -> Path:
    reporter_for(path).write(document, path)
    return path


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Assessments of the samples used here, and of a chain given as a YAML and a CSV file."""
    folder = tmp_path_factory.mktemp("chains")
    (folder / "a.yaml").write_text(CHAIN_YAML, encoding="utf-8")
    (folder / "b.csv").write_text(CHAIN_CSV, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        docs = {
            name: assess([SAMPLES / f"{name}.yaml"]).data
            for name in ("garment", "cocoa", "coffee", "seafood")
        }
        docs["two files"] = assess([folder / "a.yaml", folder / "b.csv"]).data
        docs["one file"] = assess([folder / "a.yaml"]).data
    return docs


# ------------------------------------------------------------------------------ input files


def _excel_summary(path: Path) -> list[tuple[str, str]]:
    rows = load_workbook(path)["Summary"].iter_rows(values_only=True)
    return [
        (str(r[0]), str(r[1]))
        for r in rows
        if str(r[0]).startswith("Input") and not str(r[0]).startswith("Input warnings")
    ]


def _markdown(path: Path) -> list[tuple[str, str]]:
    rows = re.findall(r"^\| (Input[^|]*) \| (.*) \|$", path.read_text("utf-8"), re.M)
    return [(label, value.replace("\\", "")) for label, value in rows]


def _html(path: Path) -> list[tuple[str, str]]:
    rows = re.findall(r"<tr><th>(Input[^<]*)</th><td>(.*?)</td></tr>", path.read_text("utf-8"))
    return [(label, html_text.unescape(re.sub("<[^>]+>", "", value))) for label, value in rows]


# (where, suffix, what reads its input entries (label, text), the digits of a hash it shows)
INPUT_PLACES: list[tuple[str, str, Callable[[Path], list[tuple[str, str]]], int]] = [
    ("Excel Summary", ".xlsx", _excel_summary, 64),
    ("Markdown summary", ".md", _markdown, 12),
    ("HTML summary", ".html", _html, 64),
]


def _without_files(document: dict[str, Any]) -> dict[str, Any]:
    """A document of before `input.files`: its one file hashed by `input.sha256`."""
    older = copy.deepcopy(document)
    del older["input"]["files"]
    return older


# (case, the document, what makes it from the module's assessments)
INPUT_CASES: list[tuple[str, Callable[[dict[str, dict[str, Any]]], dict[str, Any]]]] = [
    ("two files", lambda docs: docs["two files"]),
    ("one file", lambda docs: docs["one file"]),
    ("no files list", lambda docs: _without_files(docs["one file"])),
]


@pytest.mark.parametrize(("case", "make"), INPUT_CASES, ids=[c[0] for c in INPUT_CASES])
@pytest.mark.parametrize(
    ("where", "suffix", "read", "digits"), INPUT_PLACES, ids=[p[0] for p in INPUT_PLACES]
)
def test_every_format_names_every_input_file_with_its_own_hash(
    tmp_path: Path,
    documents: dict[str, dict[str, Any]],
    case: str,
    make: Callable[[dict[str, dict[str, Any]]], dict[str, Any]],
    where: str,
    suffix: str,
    read: Callable[[Path], list[tuple[str, str]]],
    digits: int,
) -> None:
    """Several input files: each is named with its own hash, and the one hash over all of
    them (not the hash of the first file) is labelled as combined and names no file. One
    file: its hash is its own, and no combined hash is shown."""
    document = make(documents)
    given = document["input"]
    files = given.get("files") or [{"path": given["path"], "sha256": given["sha256"]}]
    entries = read(_write(document, tmp_path / f"r{suffix}"))
    combined = [(label, text) for label, text in entries if "combined" in label]
    own = [(label, text) for label, text in entries if "combined" not in label]
    assert len(own) == len(files), entries
    for (label, text), file in zip(own, files, strict=True):
        assert file["path"] in text, (where, label, text)
        assert file["sha256"][:digits] in text, (where, label, text)
        others = {f["sha256"][:digits] for f in files} | {given["sha256"][:digits]}
        assert not {h for h in others - {file["sha256"][:digits]} if h in text}, (where, text)
    if len(files) > 1:
        assert given["sha256"] not in {f["sha256"] for f in files}  # it is no file's own
        assert len(combined) == 1, entries
        assert given["sha256"][:digits] in combined[0][1]
        assert not any(f["path"] in combined[0][1] for f in files)
    else:
        assert combined == []
        assert own[0][0] in ("Input", "Input file")


def test_the_two_input_files_hashes_are_those_of_the_files(
    documents: dict[str, dict[str, Any]],
) -> None:
    """(The case above rests on it: the two files' own hashes differ from the combined one.)"""
    files = documents["two files"]["input"]["files"]
    own = [hashlib.sha256(text.encode()).hexdigest() for text in (CHAIN_YAML, CHAIN_CSV)]
    assert [f["sha256"] for f in files] == own


def test_the_html_footer_labels_a_combined_hash(
    tmp_path: Path, documents: dict[str, dict[str, Any]]
) -> None:
    page = _write(documents["two files"], tmp_path / "r.html").read_text("utf-8")
    footer = page[page.index("<footer") : page.index("</footer>")]
    assert f"input files combined sha256 {documents['two files']['input']['sha256']}" in footer


# --------------------------------------------------------------------- remediation step order


def _plan_steps(path: Path) -> list[str]:
    rows = load_workbook(path)["Remediation plan"].iter_rows(min_row=2, values_only=True)
    return [str(r[0]) for r in rows]


def _in_order(steps: list[str], order: list[str]) -> bool:
    ranks = [order.index(s) for s in steps]
    return ranks == sorted(ranks)


@pytest.mark.parametrize("sample", ["garment", "cocoa", "coffee", "seafood"])
def test_the_remediation_plan_follows_the_profiles_step_order(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """ "Identify and assess" is the first step of the profiles: its measures come first in
    the plan, not last; every step in the order of risk_profiles/remediation.yaml."""
    document = documents[sample]
    steps = _plan_steps(_write(document, tmp_path / "r.xlsx"))
    assert steps and _in_order(steps, STEP_NAMES), steps
    catalogue = {m["step_name"] for m in document["measures"].values()}
    assert set(steps) == catalogue
    if STEP_NAMES[0] in catalogue:
        assert steps[0] == STEP_NAMES[0]


def _reordered(document: dict[str, Any], order: list[str], inline: bool) -> dict[str, Any]:
    """The document with its measures in this step order (the catalogue and each basis's
    list); `inline`: each basis holds its measures themselves, with no catalogue."""
    doc = copy.deepcopy(document)
    rank = {step: i for i, step in enumerate(order)}
    measures = doc["measures"]
    doc["measures"] = dict(sorted(measures.items(), key=lambda kv: rank[kv[1]["step"]]))
    for basis in doc["bases"].values():
        ids = sorted(basis["remediation"], key=lambda m: rank[measures[m]["step"]])
        basis["remediation"] = [{"id": m, **measures[m]} for m in ids] if inline else ids
    if inline:
        del doc["measures"]
    return doc


# (case, the step order the document carries, measures inline in the flags' bases)
PLAN_ORDERS: list[tuple[str, list[str], bool]] = [
    ("profiles' order", STEP_IDS, False),
    ("another order", [*reversed(STEP_IDS)], False),
    ("profiles' order, measures inline", STEP_IDS, True),
    (
        "another order, measures inline",
        [STEP_IDS[2], STEP_IDS[0], STEP_IDS[1], *STEP_IDS[3:]],
        True,
    ),
]


@pytest.mark.parametrize(("case", "order", "inline"), PLAN_ORDERS, ids=[c[0] for c in PLAN_ORDERS])
def test_the_remediation_plan_takes_the_step_order_the_document_carries(
    tmp_path: Path,
    documents: dict[str, dict[str, Any]],
    case: str,
    order: list[str],
    inline: bool,
) -> None:
    """The order is the document's (its measures catalogue, or the flags' measure lists), not
    a list written into the reporter."""
    document = _reordered(documents["garment"], order, inline)
    names = dict(zip(STEP_IDS, STEP_NAMES, strict=True))
    steps = _plan_steps(_write(document, tmp_path / "r.xlsx"))
    assert len(set(steps)) >= 3
    assert _in_order(steps, [names[s] for s in order]), steps


# (case, lists of steps each in the order, the order)
STEP_ORDERS: list[tuple[str, list[tuple[str, ...]], list[str]]] = [
    ("one list", [("identify", "cease-prevent", "track")], ["identify", "cease-prevent", "track"]),
    (
        "a later list puts a step before the first one's",
        [("cease-prevent", "mitigate"), ("identify", "cease-prevent")],
        ["identify", "cease-prevent", "mitigate"],
    ),
    (
        "lists that share no step: in the order first seen",
        [("mitigate",), ("identify",)],
        ["mitigate", "identify"],
    ),
    ("none", [()], []),
]


@pytest.mark.parametrize(
    ("case", "sequences", "expected"), STEP_ORDERS, ids=[c[0] for c in STEP_ORDERS]
)
def test_the_step_order_merges_the_lists_it_is_given(
    case: str, sequences: list[tuple[str, ...]], expected: list[str]
) -> None:
    assert list(step_order(sequences)) == expected


@pytest.mark.parametrize("sample", ["garment", "cocoa"])
def test_the_markdown_measures_follow_the_step_order(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """Each flag's measures in the Markdown report, as the Excel plan, by the profiles' steps."""
    text = _write(documents[sample], tmp_path / "r.md").read_text("utf-8")
    blocks = re.findall(r"^Measures:\n\n((?:- .*\n)+)", text, re.M)
    assert blocks
    for block in blocks:
        lines = block.splitlines()
        if lines[-1].startswith("- +"):  # (how many more fit: after the measures, not one)
            assert re.fullmatch(r"- \+\d+ more measures? fits? this flag, .*", lines.pop())
        steps = [line[2:].split(": ")[0] for line in lines]
        assert _in_order(steps, STEP_NAMES), steps


def _plan_rows(document: dict[str, Any], tmp_path: Path) -> dict[str, list[tuple[str, ...]]]:
    """The remediation plan's rows (step, measure, flags, suppliers) as each report shows them:
    the Excel sheet, the HTML table and the Markdown table."""
    sheet = load_workbook(_write(document, tmp_path / "p.xlsx"))["Remediation plan"]
    header = [str(c) for c in next(sheet.iter_rows(max_row=1, values_only=True))]
    cols = [header.index(c) for c in ("Step", "Measure", "Flags", "Suppliers")]
    excel = [
        tuple(str(row[c]) for c in cols)
        for row in sheet.iter_rows(min_row=2, values_only=True)
        if row[0] is not None
    ]
    page = _write(document, tmp_path / "p.html").read_text("utf-8")
    table = page[page.index('<table id="remediation-plan">') :]
    table = table[: table.index("</table>")]
    cells = [
        [html_text.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr><td.*?</tr>", table)
    ]
    html = [(c[0], c[1], c[6], c[7]) for c in cells]
    text = _write(document, tmp_path / "p.md").read_text("utf-8")
    part = text[text.index("## Remediation plan") : text.index("## Data gaps")]
    rows = [line for line in part.splitlines() if line.startswith("| ")][2:]  # (no header)
    # cells split at the pipes not escaped, each unescaped as written (\_ \* \| &lt; …)
    split = [
        [html_text.unescape(re.sub(r"\\(.)", r"\1", c.strip())) for c in re.split(r"(?<!\\)\|", r)]
        for r in rows
    ]
    markdown = [(c[1], c[2], c[6].replace(",", ""), c[7]) for c in split]
    return {"xlsx": excel, "html": html, "md": markdown}


@pytest.mark.parametrize("sample", ["garment", "cocoa", "coffee", "seafood"])
def test_every_report_shows_the_same_remediation_plan(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """The HTML and Markdown reports carry the Excel register's Remediation plan, row for row:
    every measure the flags call for once, with its count of flags and its suppliers."""
    document = documents[sample]
    rows = _plan_rows(document, tmp_path)
    assert rows["xlsx"], "a sample with flags has a plan"
    assert rows["html"] == rows["xlsx"]
    assert rows["md"] == rows["xlsx"]
    # each measure once, its flags those whose measures name it
    measures = [m for _, m, _, _ in rows["xlsx"]]
    assert len(measures) == len(set(measures))
    bases = document["bases"]
    titles = {mid: m["title"] for mid, m in document["measures"].items()}
    counted = Counter(
        titles[mid] for flag in document["flags"] for mid in bases[flag["basis"]]["remediation"]
    )
    assert {m: int(f) for _, m, f, _ in rows["xlsx"]} == dict(counted)


def test_a_chain_without_flags_says_it_has_no_measures(
    tmp_path: Path, documents: dict[str, dict[str, Any]]
) -> None:
    document = copy.deepcopy(documents["one file"])
    document["flags"] = []
    page = _write(document, tmp_path / "p.html").read_text("utf-8")
    assert '<table id="remediation-plan">' not in page
    assert "No flags, so no measures." in page
    text = _write(document, tmp_path / "p.md").read_text("utf-8")
    assert "## Remediation plan\n\nNo flags, so no measures.\n" in text


# ----------------------------------------------------------------------------------- sources

NAMES = frozenset({"Alpha survey", "Beta table: cotton; MY 2023/24", "Gamma index"})

# (case, a fact's source, the sources it cites)
CITED: list[tuple[str, str, list[str]]] = [
    ("a source of the profiles", "Gamma index", ["Gamma index"]),
    ("two joined", "Alpha survey; Gamma index", ["Alpha survey", "Gamma index"]),
    (
        "a name holding '; ' and ': '",
        "Alpha survey; Beta table: cotton; MY 2023/24",
        ["Alpha survey", "Beta table: cotton; MY 2023/24"],
    ),
    ("one twice", "Gamma index; Gamma index", ["Gamma index"]),
    (
        "another source, whole",
        "ddtool: a listed good's severity floor (settings: floor; 0.9 for x)",
        ["ddtool: a listed good's severity floor (settings: floor; 0.9 for x)"],
    ),
    ("not all joined names", "Alpha survey; my notes", ["Alpha survey; my notes"]),
    ("a name and a detail, whole", "Gamma index: Table 3", ["Gamma index: Table 3"]),
]


@pytest.mark.parametrize(("case", "source", "expected"), CITED, ids=[c[0] for c in CITED])
def test_the_sources_a_fact_cites(case: str, source: str, expected: list[str]) -> None:
    assert cited_sources(source, NAMES) == expected


def _expected_sources(document: dict[str, Any], facts: list[dict[str, Any]]) -> list[str]:
    """The sources these facts cite, each once: a text joining sources of the profiles with
    "; " names each of them; any other text is the source's name, whole."""
    names = {s["name"] for s in document["sources"]}
    out: dict[str, None] = {}
    for fact in facts:
        parts = str(fact["source"]).split("; ")
        whole = fact["source"] in names or not all(p in names for p in parts)
        out.update(dict.fromkeys([fact["source"]] if whole else parts))
    return list(out)


def _facts(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    return [document["evidence"][e] for e in document["bases"][flag["basis"]]["evidence"]]


@pytest.mark.parametrize("sample", ["garment", "cocoa", "coffee"])
def test_excel_and_csv_name_each_flags_sources_alike(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """The Excel Sources cell names a source as the CSV does (the full "ddtool: a listed
    good's severity floor (…)", not "ddtool"), and a fact citing two publications names both,
    once each, in both formats."""
    document = documents[sample]
    book = load_workbook(_write(document, tmp_path / "r.xlsx"))["Risk register"]
    header = [c.value for c in book[1]]
    excel = {
        r[0]: str(r[header.index("Sources")] or "").split("\n")
        for r in book.iter_rows(min_row=2, values_only=True)
    }
    with _write(document, tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {r["flag_id"]: r["sources"].split(" | ") for r in csv.DictReader(f)}
    assert set(excel) == set(rows) == {f["id"] for f in document["flags"]}
    for flag in document["flags"]:
        expected = _expected_sources(document, _facts(document, flag))
        assert excel[flag["id"]] == rows[flag["id"]] == expected, flag["id"]


def test_the_garment_flag_the_review_found_names_its_full_sources(
    tmp_path: Path, documents: dict[str, dict[str, Any]]
) -> None:
    document = documents["garment"]
    book = load_workbook(_write(document, tmp_path / "r.xlsx"))["Risk register"]
    header = [c.value for c in book[1]]
    row = next(r for r in book.iter_rows(min_row=2, values_only=True) if r[0] == "FL-84e0856bf5")
    shown = str(row[header.index("Sources")]).split("\n")
    assert "ddtool" not in shown
    assert any(s.startswith("ddtool: a listed good's severity floor (") for s in shown)
    assert not any("; World Agricultural Production" in s for s in shown)


@pytest.mark.parametrize("sample", ["garment", "cocoa", "coffee", "seafood"])
def test_the_markdown_sources_list_each_real_source_once(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """The Markdown Sources list names every source the register cells name (and the sources
    behind a rating), each once: no "A; B" beside A and B."""
    document = documents[sample]
    text = _write(document, tmp_path / "r.md").read_text("utf-8")
    listed = [
        # a published source with its publisher and year ("Name — Publisher, 2023")
        line[2:].replace("\\", "").split(" — ")[0]
        for line in text.split("## Sources\n", 1)[1].splitlines()
        if line.startswith("- ")
    ]
    assert len(listed) == len(set(listed))
    names = {s["name"] for s in document["sources"]}
    assert not any("; " in s and all(p in names for p in s.split("; ")) for s in listed)
    cited = {
        name
        for flag in document["flags"]
        for name in _expected_sources(document, _facts(document, flag))
    }
    assert cited <= set(listed)
    assert set(listed) - cited <= names  # (the sources behind a rating)


# ------------------------------------------------------------------------------- Excel tiers


def _sheet(path: Path, title: str) -> tuple[list[str], list[tuple[Any, ...]], Any]:
    sheet = load_workbook(path)[title]
    rows = list(sheet.iter_rows(values_only=True))
    return [str(c) for c in rows[0]], rows[1:], sheet


# (sheet, the column naming the supplier)
TIER_SHEETS = [("Risk register", "Supplier ID"), ("Suppliers", "Supplier ID")]


@pytest.mark.parametrize(("title", "id_column"), TIER_SHEETS, ids=[t[0] for t in TIER_SHEETS])
def test_the_tier_column_is_numeric_and_all_tiers_beside_it(
    tmp_path: Path, documents: dict[str, dict[str, Any]], title: str, id_column: str
) -> None:
    """WH-CI-1 sits at tiers 2 and 3: its Tier is 2, a number (the column sorts and filters
    as numbers), and its All tiers "2, 3"; every row's Tier is its first tier."""
    document = documents["cocoa"]
    header, rows, _ = _sheet(_write(document, tmp_path / "r.xlsx"), title)
    tier = header.index("Tier")
    assert header[tier + 1] == "All tiers"
    tiers = {s["id"]: s["tiers"] for s in document["suppliers"]}
    assert rows
    for row in rows:
        own = tiers[row[header.index(id_column)]]
        assert type(row[tier]) is int and row[tier] == min(own), row
        assert row[tier + 1] == ", ".join(str(t) for t in own), row
    several = [r for r in rows if r[header.index(id_column)] == "WH-CI-1"]
    assert several and all((r[tier], r[tier + 1]) == (2, "2, 3") for r in several)


def test_the_register_columns_still_line_up_after_all_tiers(
    tmp_path: Path, documents: dict[str, dict[str, Any]]
) -> None:
    """Header, widths, filter, the Status drop-down and the Level fill sit on their columns."""
    header, rows, sheet = _sheet(_write(documents["cocoa"], tmp_path / "r.xlsx"), "Risk register")
    assert header == [name for name, _ in REGISTER_COLUMNS]
    for i, (_, width) in enumerate(REGISTER_COLUMNS, 1):
        assert sheet.column_dimensions[get_column_letter(i)].width == width
    last = get_column_letter(len(REGISTER_COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}{len(rows) + 1}"
    status = get_column_letter(header.index("Status") + 1)
    (validation,) = sheet.data_validations.dataValidation
    assert str(validation.sqref).startswith(f"{status}2:{status}")
    assert all(r[header.index("Status")] == "open" for r in rows)
    level = header.index("Level") + 1
    critical = next(r for r in sheet.iter_rows(min_row=2) if r[level - 1].value == "critical")
    assert critical[level - 1].fill.fgColor.rgb.endswith("FF7C80")
    assert all(isinstance(r[header.index("Likelihood")], float | int) for r in rows)


@pytest.mark.parametrize("sample", ["cocoa", "garment"])
def test_the_csv_and_html_give_each_measure_with_its_step_as_the_workbook_does(
    tmp_path: Path, documents: dict[str, dict[str, Any]], sample: str
) -> None:
    """(The CSV gave the titles alone: its rows lost the due-diligence step each measure
    belongs to, which the workbook, the HTML and the Markdown give.)"""
    document = documents[sample]
    book = load_workbook(_write(document, tmp_path / "r.xlsx"), read_only=True)
    rows = list(book["Risk register"].iter_rows(values_only=True))
    at = list(rows[0]).index("Measures")
    in_book = [str(row[at]).split("\n") for row in rows[1:]]
    with _write(document, tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f))
    in_csv = [row["measures"].split(" | ") for row in records]
    # the workbook's cell ends with how many more fit, where any do: the CSV's own column
    more = [int(row["measures_not_shown"]) for row in records]
    assert any(more)
    assert in_book == [
        [*measures, *([not_shown_text(n)] if n else [])]
        for measures, n in zip(in_csv, more, strict=True)
    ]
    assert all(": " in measure for measures in in_csv for measure in measures)
    page = _write(document, tmp_path / "r.html").read_text("utf-8")
    data = re.search(r'<script type="application/json" id="ddtool-data">(.*?)</script>', page, re.S)
    assert data is not None
    in_html = [row["measures"] for row in json.loads(data.group(1))["register"]]
    assert in_html == in_book[: len(in_html)]
