"""A saved assessment whose values were edited by hand is refused by `ddtool report` and
`ddtool diff`: exit 2, an error naming the file and each place, and no output written. Ids
are texts and each is given once; scores are finite numbers from 0 to 1; levels and risk types
are known; what a flag, a basis or a supplier names is there; the summary counts what the
flags hold (ddtool.contract). A diff reads only what identifies flags and suppliers, and shows
the rest with defaults: what it does not read it lets be."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ddtool.assess import AssessOptions, assess
from ddtool.cli import app
from ddtool.config import Config, Thresholds
from ddtool.contract import Contract, Streamed
from ddtool.diff import AssessmentFileError, diff_assessments, invalid_reason, load_for_diff
from ddtool.verify import _saved_whole

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_1 = ROOT / "tests" / "assets" / "diff" / "cocoa-schema-1.0.json"
OUTPUTS = ("r.md", "r.xlsx", "r.html", "r.csv", "r.json")
Document = dict[str, Any]
Edit = Callable[[Document], None]


@pytest.fixture(scope="module")
def document() -> Document:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        return assess([ROOT / "sample_chains" / "cocoa.yaml"]).data


# ------------------------------------------------------------------------- edits, as data


def _names(d: Document) -> dict[str, Any]:
    """What a case's path and message may name: {basis} (the first flag's), {fact} (the
    first fact of its basis), {measure} (its first measure), {flag4} (the 5th flag's id),
    {supplier5} (the 6th supplier's id), {inferred} and {inferred_supplier} (the places of
    the first inferred flag and supplier)."""
    basis = d["flags"][0]["basis"]
    return {
        "basis": basis,
        "fact": d["bases"][basis]["evidence"][0],
        "measure": d["bases"][basis]["remediation"][0],
        "flag4": d["flags"][4]["id"],
        "supplier5": d["suppliers"][5]["id"],
        "inferred": next(i for i, flag in enumerate(d["flags"]) if "expected" in flag),
        "inferred_supplier": next(i for i, s in enumerate(d["suppliers"]) if s["inferred"]),
    }


def _walk(d: Document, path: str) -> tuple[Any, str | int]:
    """The container a dotted path ends in, and its last key (numbers index lists)."""
    keys: list[str | int] = [
        int(k) if k.isdigit() else k for k in path.format(**_names(d)).split(".")
    ]
    holder: Any = d
    for key in keys[:-1]:
        holder = holder[key]
    return holder, keys[-1]


def put(path: str, value: Any) -> Edit:
    def edit(d: Document) -> None:
        holder, key = _walk(d, path)
        holder[key] = value

    return edit


def drop(path: str) -> Edit:
    def edit(d: Document) -> None:
        holder, key = _walk(d, path)
        del holder[key]

    return edit


def bump(path: str, by: int = 1) -> Edit:
    def edit(d: Document) -> None:
        holder, key = _walk(d, path)
        holder[key] += by

    return edit


def each(*edits: Edit) -> Edit:
    def edit(d: Document) -> None:
        for one in edits:
            one(d)

    return edit


def copied(source: str, target: str) -> Edit:
    """Give `target` the value at `source` (an id named twice)."""

    def edit(d: Document) -> None:
        holder, key = _walk(d, source)
        put(target, holder[key])(d)

    return edit


FRACTION = "a number from 0 to 1 expected, got "
ID = "an id (a text, not empty) expected, got "
REF = "an id (a text) expected, got "
SUPPLIER = " in $.suppliers"
UNDER = " under the thresholds the file records (medium 0.3, high 0.5, critical 0.7)"
DATE = "a date (2026-01-01) or null expected, got "
TIME = "an ISO 8601 time (2026-01-01T00:00:00+00:00) expected, got "
YEAR = 'a year (2022, "2022" or "2016-2021") or null expected, got '

# (case, edit, what the error says: each part with its place). Both `report` and `diff`
# refuse these: they are what a diff reads too.
BOTH: list[tuple[str, Edit, list[str]]] = [
    # the company's id, which every path names: told first, not after ten of the references
    # to it ("no supplier "company" in $.suppliers"), and once
    ("the company's id left out", drop("company.id"), ["($.company: no 'id'; $.suppliers"]),
    (
        "the company's id emptied",
        put("company.id", ""),
        ['($.company.id: an id (a text, not empty) expected, got ""; $.suppliers'],
    ),
    (
        "the company's id a number",
        put("company.id", 5),
        ["($.company.id: an id (a text, not empty) expected, got 5; $.suppliers"],
    ),
    ("a flag's id null", put("flags.3.id", None), [f"$.flags[3].id: {ID}null"]),
    # what identifies an entry: each place named, as every other fault is
    ("a flag's id lost", drop("flags.3.id"), ["$.flags[3]: no 'id'"]),
    (
        "a flag's level not known",
        put("flags.40.level", "Critical"),
        ['$.flags[40].level: a level (low, medium, high, critical) expected, got "Critical"'],
    ),
    ("a flag's level lost", drop("flags.6.level"), ["$.flags[6]: no 'level'"]),
    ("a flag no object", put("flags.3", 5), ["$.flags[3]: an object expected, got 5"]),
    ("a supplier's id lost", drop("suppliers.7.id"), ["$.suppliers[7]: no 'id'"]),
    (
        "a supplier entry no object",
        put("suppliers.2", "x"),
        ['$.suppliers[2]: an object expected, got "x"'],
    ),
    (
        "each entry unidentified named",
        each(put("flags.40.level", "Critical"), drop("flags.41.id"), drop("suppliers.7.id")),
        ["$.flags[40].level: ", "$.flags[41]: no 'id'", "$.suppliers[7]: no 'id'"],
    ),
    ("a flag's id a number", put("flags.3.id", 7), [f"$.flags[3].id: {ID}7"]),
    ("a flag's id empty", put("flags.3.id", ""), [f'$.flags[3].id: {ID}""']),
    (
        "a priority a text",
        put("flags.12.priority", "high"),
        [f'$.flags[12].priority: {FRACTION}"high"'],
    ),
    ("a priority null", put("flags.12.priority", None), [f"$.flags[12].priority: {FRACTION}null"]),
    (
        "a priority NaN",
        put("flags.12.priority", math.nan),
        [f"$.flags[12].priority: {FRACTION}NaN"],
    ),
    ("a priority true", put("flags.12.priority", True), [f"$.flags[12].priority: {FRACTION}true"]),
    ("a priority above 1", put("flags.2.priority", 1.5), [f"$.flags[2].priority: {FRACTION}1.5"]),
    (
        "a likelihood below 0",
        put("flags.2.likelihood", -0.1),
        [f"$.flags[2].likelihood: {FRACTION}-0.1"],
    ),
    (
        "a severity infinite",
        put("flags.2.severity", math.inf),
        [f"$.flags[2].severity: {FRACTION}Infinity"],
    ),
    (
        "an expected score's level unknown",
        put("flags.{inferred}.expected.level", "severe"),
        ['.expected.level: a level (low, medium, high, critical) expected, got "severe"'],
    ),
    ("a flag's basis a number", put("flags.1.basis", 3), [f"$.flags[1].basis: {REF}3"]),
    (
        "a flag named twice",
        copied("flags.4.id", "flags.5.id"),
        ['$.flags[5].id: "{flag4}" is also the id of $.flags[4]'],
    ),
    (
        "a supplier named twice",
        copied("suppliers.5.id", "suppliers.7.id"),
        ['$.suppliers[7].id: "{supplier5}" is also the id of $.suppliers[5]'],
    ),
    ("a supplier's id a number", put("suppliers.2.id", 12), [f"$.suppliers[2].id: {ID}12"]),
    (
        "a country a number",
        put("suppliers.1.country", 5),
        ["$.suppliers[1].country: a text or null expected, got 5"],
    ),
    (
        "a share a text",
        put("suppliers.1.share", "55%"),
        ['$.suppliers[1].share: a number or null expected, got "55%"'],
    ),
    (
        "a flag's supplier nowhere",
        put("flags.0.supplier_id", "NOBODY"),
        ['$.flags[0].supplier_id: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "a flag's basis nowhere",
        put("flags.0.basis", "BA-0000000000"),
        ['$.flags[0].basis: no basis "BA-0000000000" in $.bases'],
    ),
    (
        "a basis's fact nowhere",
        put("bases.{basis}.evidence.0", "EV-0000000000"),
        ['$.bases["{basis}"].evidence[0]: no fact "EV-0000000000" in $.evidence'],
    ),
    (
        "a basis's fact lost from the catalogue",
        drop("evidence.{fact}"),
        ['$.bases["{basis}"].evidence[0]: no fact "{fact}" in $.evidence'],
    ),
    (
        "a basis's measure nowhere",
        put("bases.{basis}.remediation.0", "no-such-measure"),
        ['$.bases["{basis}"].remediation[0]: no measure "no-such-measure" in $.measures'],
    ),
    (
        "a buyer nowhere",
        put("suppliers.1.buyers.0", "NOBODY"),
        ['$.suppliers[1].buyers[0]: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "a path through nowhere",
        put("suppliers.3.path.1", "NOBODY"),
        ['$.suppliers[3].path[1]: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "a data gap's supplier nowhere",
        put("data_gaps.0.supplier_id", "NOBODY"),
        ['$.data_gaps[0].supplier_id: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "the chain's exposure from nowhere",
        put("summary.exposure.child_labour.from", "NOBODY"),
        ['$.summary.exposure.child_labour.from: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "a level miscounted",
        bump("summary.flags_by_level.critical"),
        [
            "$.summary.flags_by_level.critical: {n_critical+1}, but {n_critical} flags in $.flags"
            " are critical"
        ],
    ),
    (
        "the flags miscounted",
        bump("summary.flags", -1),
        ["$.summary.flags: {n_flags-1}, but $.flags holds {n_flags}"],
    ),
    (
        "a risk type miscounted",
        bump("summary.flags_by_risk_type.forced_labour", 2),
        [
            "$.summary.flags_by_risk_type.forced_labour: {n_forced+2}, but {n_forced} flags in"
            " $.flags are of forced_labour"
        ],
    ),
    (
        "the highest level lowered",
        put("summary.highest_level", "high"),
        ['$.summary.highest_level: "high", but the highest level in $.flags is "critical"'],
    ),
    (
        "a flag deleted, the counts left",
        drop("flags.0"),
        ["$.summary.flags: {n_flags}, but $.flags holds {n_flags-1}"],
    ),
    (
        "the inferred suppliers miscounted",
        bump("summary.inferred_suppliers"),
        [
            "$.summary.inferred_suppliers: {n_inferred+1}, but $.suppliers holds {n_inferred}"
            " inferred"
        ],
    ),
    (
        "a fact's source a number",
        put("evidence.{fact}.source", 3),
        ['$.evidence["{fact}"].source: a text expected, got 3'],
    ),
    ("a warning a number", put("warnings", [1]), ["$.warnings[0]: an object expected, got 1"]),
    # dates and years that are none: a report would show them as text, a diff could not
    # place the assessments in time
    (
        "the as-of date impossible",
        put("options.as_of", "2026-13-45"),
        [f'$.options.as_of: {DATE}"2026-13-45"'],
    ),
    ("the as-of date a word", put("options.as_of", "today"), [f'$.options.as_of: {DATE}"today"']),
    (
        "the as-of date a time",
        put("options.as_of", "2026-01-01T00:00:00"),
        [f'$.options.as_of: {DATE}"2026-01-01T00:00:00"'],
    ),
    (
        "the as-of date a number",
        put("options.as_of", 20260101),
        [f"$.options.as_of: {DATE}20260101"],
    ),
    (
        "the time of the run a word",
        put("generated_at", "yesterday"),
        [f'$.generated_at: {TIME}"yesterday"'],
    ),
    (
        "the time of the run impossible",
        put("generated_at", "2026-02-30T00:00:00+00:00"),
        [f'$.generated_at: {TIME}"2026-02-30T00:00:00+00:00"'],
    ),
    (
        "a fact's year a word",
        put("evidence.{fact}.year", "twenty"),
        ['$.evidence["{fact}"].year: ' + YEAR + '"twenty"'],
    ),
    (
        "a fact's year negative",
        put("evidence.{fact}.year", -2022),
        ['$.evidence["{fact}"].year: ' + YEAR + "-2022"],
    ),
    (
        "a fact's year a fraction",
        put("evidence.{fact}.year", 2022.5),
        ['$.evidence["{fact}"].year: ' + YEAR + "2022.5"],
    ),
    (
        "a fact's year true",
        put("evidence.{fact}.year", True),
        ['$.evidence["{fact}"].year: ' + YEAR + "true"],
    ),
    (
        "a source's year a word",
        put("sources.0.year", "recent"),
        [f'$.sources[0].year: {YEAR}"recent"'],
    ),
    (
        "many priorities texts",
        each(*(put(f"flags.{i}.priority", "x") for i in range(12))),
        [f'$.flags[9].priority: {FRACTION}"x"; and 2 more)'],
    ),
    (
        "a supplier's extra columns a list",
        put("suppliers.0.attributes", ["x"]),
        ['$.suppliers[0].attributes: an object expected, got ["x"]'],
    ),
    (
        "the data gaps miscounted",
        bump("summary.data_gaps"),
        ["$.summary.data_gaps: {n_gaps+1}, but $.data_gaps holds {n_gaps}"],
    ),
    # a level that is not its priority's under the thresholds recorded: the report would
    # say "critical (priority 0.1)", or "low (priority 0.81)"
    (
        "a flag's priority lowered, its level left",
        put("flags.0.priority", 0.1),
        ['$.flags[0].level: "critical", but priority 0.1 is low' + UNDER],
    ),
    (
        "the chain's exposure level lowered",
        put("summary.exposure.child_labour.level", "low"),
        ['$.summary.exposure.child_labour.level: "low", but priority 0.81 is critical' + UNDER],
    ),
    (
        "the company's exposure level lowered",
        put("company.exposure.forced_labour.level", "medium"),
        ['$.company.exposure.forced_labour.level: "medium", but priority 0.81 is critical' + UNDER],
    ),
    (
        "a tier-1 supplier's level lowered",
        put("summary.tier1_ranking.0.level", "high"),
        ['$.summary.tier1_ranking[0].level: "high", but max_priority 0.81 is critical' + UNDER],
    ),
    (
        "an inferred flag's expected priority lowered",
        put("flags.{inferred}.expected.priority", 0.05),
        ['$.flags[{inferred}].expected.level: "critical", but priority 0.05 is low' + UNDER],
    ),
    (
        "an inferred supplier's worst case lowered",
        put("suppliers.{inferred_supplier}.worst_case.child_labour.level", "low"),
        [
            "$.suppliers[{inferred_supplier}].worst_case.child_labour.level:"
            ' "low", but priority 0.81 is critical' + UNDER
        ],
    ),
    (
        "the critical threshold raised",
        put("options.settings.thresholds.critical", 0.9),
        [
            '$.flags[0].level: "critical", but priority 0.81 is high under the thresholds the'
            " file records (medium 0.3, high 0.5, critical 0.9)"
        ],
    ),
]

# `report` refuses these; `diff` reads the rest with defaults (or not at all) and compares
REPORT_ONLY: list[tuple[str, Edit, list[str]]] = [
    (
        "a fact emptied",
        put("evidence.{fact}", {}),
        ["$.evidence[\"{fact}\"]: no 'indicator', 'source', 'value', 'year'"],
    ),
    (
        "a measure emptied",
        put("measures.{measure}", {}),
        [
            "$.measures[\"{measure}\"]: no 'action', 'owner', 'reference', 'step',"
            " 'step_name', 'title'"
        ],
    ),
    (
        "a source without its publisher",
        drop("sources.1.publisher"),
        ["$.sources[1]: no 'publisher'"],
    ),
    ("the input emptied", put("input", {}), ["$.input: no 'path', 'sha256'"]),
    # (a diff does not read the thresholds; `assess --verify` says what is wrong with them
    # in its own words)
    (
        "the thresholds out of order",
        put("options.settings.thresholds.high", 0.8),
        [
            "$.options.settings.thresholds: thresholds rising from medium to high to critical"
            " expected, got medium 0.3, high 0.8, critical 0.7"
        ],
    ),
    (
        "a threshold a text",
        put("options.settings.thresholds.medium", "0.3"),
        [f'$.options.settings.thresholds.medium: {FRACTION}"0.3"'],
    ),
    (
        "a threshold lost",
        drop("options.settings.thresholds.high"),
        ["$.options.settings.thresholds: no 'high'"],
    ),
    (
        "a supplier's exposure level lowered",
        put("suppliers.0.exposure.child_labour.level", "low"),
        [
            '$.suppliers[0].exposure.child_labour.level: "low", but priority 0.81 is critical'
            + UNDER
        ],
    ),
    (
        "a supplier's own score raised, its level left",
        put("suppliers.1.risk.forced_labour.priority", 0.6),
        ['$.suppliers[1].risk.forced_labour.level: "low", but priority 0.6 is high' + UNDER],
    ),
    (
        "the profiles emptied",
        put("profiles", {}),
        ["$.profiles: no 'goods_edition', 'overlays', 'sha256', 'version'"],
    ),
    (
        "a supplier's score NaN",
        put("suppliers.2.risk.child_labour.likelihood", math.nan),
        [f"$.suppliers[2].risk.child_labour.likelihood: {FRACTION}NaN"],
    ),
    (
        "a supplier's exposure from nowhere",
        put("suppliers.0.exposure.forced_labour.from", "NOBODY"),
        ['$.suppliers[0].exposure.forced_labour.from: no supplier "NOBODY"' + SUPPLIER],
    ),
    (
        "a tier a text",
        put("suppliers.0.tiers.0", "1"),
        ['$.suppliers[0].tiers[0]: a whole number, 0 or more expected, got "1"'],
    ),
    (
        "an inferred supplier without its worst case",
        drop("suppliers.{inferred_supplier}.worst_case"),
        ["no 'worst_case' (an inferred supplier)"],
    ),
    ("a flag's risk type lost", drop("flags.0.risk_type"), ["$.flags[0]: no 'risk_type'"]),
]


def _edited(document: Document, edit: Edit) -> Document:
    edited = json.loads(json.dumps(document))
    edit(edited)
    return edited


def _said(document: Document, says: list[str]) -> list[str]:
    """The expected parts with the document's ids and counts filled in."""
    by_level, by_type = (
        document["summary"]["flags_by_level"],
        document["summary"]["flags_by_risk_type"],
    )
    numbers = {
        "{n_critical+1}": by_level["critical"] + 1,
        "{n_critical}": by_level["critical"],
        "{n_flags-1}": len(document["flags"]) - 1,
        "{n_flags}": len(document["flags"]),
        "{n_forced+2}": by_type["forced_labour"] + 2,
        "{n_forced}": by_type["forced_labour"],
        "{n_inferred+1}": document["summary"]["inferred_suppliers"] + 1,
        "{n_inferred}": document["summary"]["inferred_suppliers"],
        "{n_gaps+1}": len(document["data_gaps"]) + 1,
        "{n_gaps}": len(document["data_gaps"]),
    }
    out = []
    for part in says:
        for name, number in numbers.items():
            part = part.replace(name, f"{number:,}")
        out.append(part.format(**_names(document)))
    return out


def _saved(tmp_path: Path, document: Document, edit: Edit) -> Path:
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(_edited(document, edit)), encoding="utf-8")
    return path


def _text(output: str) -> str:
    return " ".join(output.split())


@pytest.mark.parametrize(
    ("case", "edit", "says"), BOTH + REPORT_ONLY, ids=[c[0] for c in BOTH + REPORT_ONLY]
)
def test_report_refuses_it_and_writes_nothing(
    tmp_path: Path, document: Document, case: str, edit: Edit, says: list[str]
) -> None:
    path = _saved(tmp_path, document, edit)
    outputs = [arg for name in OUTPUTS for arg in ("-o", str(tmp_path / "out" / name))]
    done = CliRunner().invoke(app, ["report", str(path), "-q", *outputs])
    assert done.exit_code == 2, done.output
    text = _text(done.output)
    assert text.startswith(f"error: {path}: not a complete ddtool assessment JSON ("), text
    for part in _said(document, says):
        assert part in text
    assert "Traceback" not in text and "internal error" not in text
    assert not (tmp_path / "out").exists()  # (nor the folder made for the outputs)


# what a diff reads of those the reports alone check: a supplier's own levels (a resolved
# flag's level now), and its exposure's (diff JSON 1.13: a supplier's own exposure moved)
READ_BY_DIFF = {
    "a supplier's own score raised, its level left",
    "a supplier's exposure level lowered",
}
DIFF_REFUSES = BOTH + [c for c in REPORT_ONLY if c[0] in READ_BY_DIFF]


@pytest.mark.parametrize(("case", "edit", "says"), DIFF_REFUSES, ids=[c[0] for c in DIFF_REFUSES])
def test_diff_refuses_what_it_reads_edited(
    tmp_path: Path, document: Document, case: str, edit: Edit, says: list[str]
) -> None:
    path = _saved(tmp_path, document, edit)
    original = tmp_path / "original.json"
    original.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "diff.json"
    done = CliRunner().invoke(app, ["diff", str(original), str(path), "-q", "-o", str(out)])
    assert done.exit_code == 2, done.output
    text = _text(done.output)
    assert text.startswith(f"error: {path}: not a valid ddtool assessment JSON ("), text
    for part in _said(document, says):
        assert part in text
    assert "Traceback" not in text and not out.exists()


DIFF_LETS_BE = [c for c in REPORT_ONLY if c[0] not in READ_BY_DIFF]


@pytest.mark.parametrize(
    ("case", "edit"), [c[:2] for c in DIFF_LETS_BE], ids=[c[0] for c in DIFF_LETS_BE]
)
def test_diff_lets_be_what_it_does_not_read(
    tmp_path: Path, document: Document, case: str, edit: Edit
) -> None:
    """A diff reads the catalogues' facts, the profiles, a supplier's scores… with defaults,
    or not at all (docs/json-contract.md): it compares the flags as before."""
    path = _saved(tmp_path, document, edit)
    original = tmp_path / "original.json"
    original.write_text(json.dumps(document), encoding="utf-8")
    done = CliRunner().invoke(app, ["diff", str(original), str(path), "-q"])
    assert done.exit_code == 0, done.output


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (drop("flags.3.id"), "$.flags[3]: no 'id'"),
        (put("flags.3.level", "Critical"), "$.flags[3].level: a level (low, medium, high,"),
        (put("flags.3", []), "$.flags[3]: an object expected, got []"),
        (drop("suppliers.4.id"), "$.suppliers[4]: no 'id'"),
    ],
    ids=["id lost", "level not known", "flag no object", "supplier's id lost"],
)
def test_a_document_handed_to_diff_unchecked_is_named_by_place(
    document: Document, edit: Edit, says: str
) -> None:
    """`diff_assessments` of documents not read by `ddtool diff` checks what identifies
    their flags and suppliers, in the contract's words."""
    with pytest.raises(AssessmentFileError) as info:
        diff_assessments(document, _edited(document, edit), new_label="edited")
    assert str(info.value).startswith(f"edited: not a valid ddtool assessment JSON ({says}")


def test_both_files_of_a_diff_are_named(tmp_path: Path, document: Document) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(_edited(document, put("flags.0.id", None))), encoding="utf-8")
    new.write_text(json.dumps(_edited(document, put("flags.1.priority", 2))), encoding="utf-8")
    done = CliRunner().invoke(app, ["diff", str(old), str(new), "-q"])
    assert done.exit_code == 2
    lines = done.output.strip().splitlines()
    assert lines[0].startswith(f"error: {old}: not a valid ddtool assessment JSON ($.flags[0].id:")
    assert lines[-1].startswith(
        f"error: {new}: not a valid ddtool assessment JSON ($.flags[1].priority:"
    )


@pytest.mark.parametrize(
    "chain",
    sorted(p.name for p in (ROOT / "sample_chains").iterdir() if p.suffix in (".yaml", ".xlsx")),
)
@pytest.mark.parametrize("complete", [True, False], ids=["report", "diff"])
def test_what_ddtool_writes_passes(chain: str, complete: bool) -> None:
    """No check refuses an assessment ddtool wrote, of any sample chain, read as a report or
    a diff reads it."""
    document = json.loads(json.dumps(assess([ROOT / "sample_chains" / chain]).data))
    contract = Contract(complete)
    contract.check(document)
    assert contract.reason() is None


@pytest.mark.parametrize(
    "edit",
    [
        put("options.as_of", None),
        put("generated_at", "2026-01-01T00:00:00Z"),
        put("generated_at", "2026-01-01 10:30:00"),
        put("evidence.{fact}.year", None),
        put("evidence.{fact}.year", "2016-2021"),
        put("evidence.{fact}.year", "2022"),
        put("evidence.{fact}.year", 0),
        put("sources.0.year", 2014),
    ],
    ids=[
        "no as-of date",
        "a time in UTC written Z",
        "a time without its zone",
        "a fact of no year",
        "a fact of a range of years",
        "a fact's year a text",
        "a share of no year (0)",
        "a source's year",
    ],
)
@pytest.mark.parametrize("complete", [True, False], ids=["report", "diff"])
def test_dates_and_years_of_their_form_pass(document: Document, edit: Edit, complete: bool) -> None:
    contract = Contract(complete)
    contract.check(_edited(document, edit))
    assert contract.reason() is None


def test_a_level_taken_before_its_priority_was_rounded_passes() -> None:
    """An inferred supplier's expected score once took its level from its priority before
    that was rounded to four decimals: with a threshold at the rounded
    figure, the level written could be the one below it (0.51516: low; written 0.5152,
    medium). ddtool now writes the printed priority's level, and no check refuses what it
    wrote before; a level beyond the rounding is refused still."""
    chain = ROOT / "sample_chains" / "garment.yaml"
    inferred = [s for s in assess([chain]).data["suppliers"] if s["inferred"]]
    priority = min(
        s["risk"][rt]["priority"] for s in inferred for rt in s["risk"] if s["risk"][rt]["priority"]
    )
    thresholds = Thresholds(medium=priority, high=max(priority, 0.5), critical=0.7)
    settings = Config(thresholds=thresholds, flag_level="low")
    document = json.loads(json.dumps(assess([chain], AssessOptions(settings=settings)).data))
    at = [
        i
        for i, flag in enumerate(document["flags"])
        if "expected" in flag and flag["expected"]["priority"] == priority
    ]
    assert at and all(document["flags"][i]["expected"]["level"] == "medium" for i in at)
    # as an earlier version wrote it: the level of a priority a little below the threshold
    document["flags"][at[0]]["expected"]["level"] = "low"
    contract = Contract()
    contract.check(document)
    assert contract.reason() is None
    document["flags"][at[0]]["expected"]["priority"] = round(priority + 0.0001, 4)
    contract = Contract()
    contract.check(document)
    assert f'$.flags[{at[0]}].expected.level: "low", but priority' in (contract.reason() or "")


@pytest.mark.parametrize(
    ("edit", "says"),
    [
        (
            lambda d: d["flags"][1]["evidence"].__setitem__(0, "EV-0000000000"),
            '$.flags[1].evidence[0]: no fact "EV-0000000000" in $.evidence',
        ),
        (
            lambda d: d["flags"][2]["remediation"].append(None),
            f"$.flags[2].remediation[6]: {REF}null",
        ),
        (
            lambda d: d["flags"][3].update(supplier_id="NOBODY"),
            '$.flags[3].supplier_id: no supplier "NOBODY" in $.suppliers',
        ),
        (
            lambda d: d["summary"]["flags_by_level"].update(critical=1),
            "$.summary.flags_by_level.critical: 1, but 40 flags in $.flags are critical",
        ),
        (
            lambda d: d["flags"][0].update(level="medium"),
            '$.flags[0].level: "medium", but priority 0.81 is critical under the thresholds'
            " the file records (medium 0.3, high 0.5, critical 0.7)",
        ),
    ],
)
@pytest.mark.parametrize("complete", [True, False], ids=["report", "diff"])
def test_a_schema_1_assessment_is_checked_alike(
    tmp_path: Path, edit: Edit, says: str, complete: bool
) -> None:
    """A 1.x flag holds its facts' and measures' ids inline: they are looked up all the same."""
    document = json.loads(SCHEMA_1.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    contract = Contract(complete)
    contract.check(load_for_diff(path) if not complete else document)
    assert says in (contract.reason() or "")


def _diff_check(path: Path) -> str | None:
    """What `ddtool diff` says of the file: the reason it is refused; None when it is not."""
    try:
        return invalid_reason(path, load_for_diff(path))
    except AssessmentFileError as e:
        return str(e)


def _streamed_good(path: Path) -> bool:
    """Whether `assess --verify` finds the file good as it reads it once (the entries of its
    long lists checked as they come, and dropped), without a second reading."""
    check = Streamed()
    try:
        saved, _, _ = _saved_whole(path, path.read_text(encoding="utf-8"), {}, check)
    except AssessmentFileError:
        return False
    return check.good(saved)


def _keys_reversed(d: Document) -> None:
    d["flags"][0] = dict(reversed(d["flags"][0].items()))


# (case, edit): as written, a flag with a key no check reads or with its keys in another
# order, and every edit above (each refused by diff, or let be)
CHECKED_AS_READ: list[tuple[str, Edit]] = [
    ("as written", lambda d: None),
    ("a flag with a key of its own", put("flags.0.note", [1, {"x": None}])),
    ("a flag's keys in another order", _keys_reversed),
    *((c[0], c[1]) for c in BOTH + REPORT_ONLY),
]


@pytest.mark.parametrize(("case", "edit"), CHECKED_AS_READ, ids=[c[0] for c in CHECKED_AS_READ])
@pytest.mark.parametrize("chunk", [7, 50_000], ids=["in chunks", "one chunk"])
def test_verify_reading_once_finds_good_what_diff_finds_good(
    tmp_path: Path,
    document: Document,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    edit: Edit,
    chunk: int,
) -> None:
    """`assess --verify` reads the saved file once, after the re-run, and checks the entries
    of its long lists as they come (contract.Streamed), keeping only their ids and the
    columns the references and counts read: a file that check finds good is one `ddtool
    diff` finds good (else the file is read again and checked whole, and what is wrong said
    as diff says it), and a file diff finds good is found so without that second reading."""
    monkeypatch.setattr("ddtool.contract._CHUNK", chunk)
    path = _saved(tmp_path, document, edit)
    assert _streamed_good(path) is (_diff_check(path) is None)


def test_a_schema_1_assessment_is_left_to_the_whole_check(tmp_path: Path) -> None:
    """A 1.x flag lists its facts and measures inline: where each is named, only the entries
    say; the check as the file is read leaves them to the check of the file whole."""
    path = tmp_path / "saved.json"
    path.write_bytes(SCHEMA_1.read_bytes())
    assert _diff_check(path) is None
    assert not _streamed_good(path)
