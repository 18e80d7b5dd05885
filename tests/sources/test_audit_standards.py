"""Reading a passed audit whose standard is not known to audit labour conditions, and a
certification whose name says it is not held: a located warning, given where the score
would otherwise credit what the file says without a word."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from chain_support import read_cell
from typer.testing import CliRunner

from ddtool.cli import app
from ddtool.config import Config
from ddtool.profiles import load_profiles
from ddtool.scoring import Scorer
from ddtool.sources import ReadOptions, read_chain

YAML = """\
suppliers:
  - id: S1
    country: THA
    audits:
      - {{standard: {standard}, date: 2025-05-01, result: {result}}}
"""

# an audit's standard and result -> the warnings reading it gives (type, line, column)
STANDARDS: dict[str, tuple[str, str, list[list[object]]]] = {
    "a social audit": ("SMETA", "pass", []),
    "a programme the settings name": ("RBA VAP", "pass", []),
    "a scheme written apart": ("SA 8000", "pass", []),
    "an alias beside a word": ("UTZ Certified", "pass", []),
    "an audit whose self-assessment is done": ("SMETA 4-pillar (SAQ completed)", "pass", []),
    "a scheme's letters in a word": (
        "Firma Schmidt",
        "pass",
        [["unknown-audit-standard", 5, "standard"]],
    ),
    "food safety: no credit, no word needed": ("BRCGS Food Safety", "pass", []),
    "chain of custody": ("MSC Chain of Custody", "pass", []),
    "a self-assessment earns none anyway": ("Supplier questionnaire", "pass", []),
    "an unknown standard, failed: it counts": ("Customer audit", "fail", []),
    "an unknown standard, pending: nothing to credit": ("Customer audit", "pending", []),
    "an unknown standard, passed": (
        "Customer audit",
        "pass",
        [["unknown-audit-standard", 5, "standard"]],
    ),
    "no standard given, passed": ("''", "pass", [["unknown-audit-standard", 5, "standard"]]),
    "a social audit in French": ("audit de conformité sociale", "réussi", []),
    "a social audit in Portuguese": ("Auditoria social SMETA", "aprovado", []),
    "a failed audit in Spanish": ("auditoría laboral", "suspendido", []),
    "a pass with conditions, in French": ("SMETA", "conforme avec réserves", []),
    "a pass with conditions": ("SMETA", "pass with conditions", []),
    "a pass with conditions, past tense": ("SMETA", "passed with conditions", []),
    "a pass with observations": ("SMETA", "pass with observations", []),
    "a supply-chain audit of a scheme": ("Rainforest Alliance supply chain audit", "pass", []),
}


@pytest.mark.parametrize(("standard", "result", "found"), STANDARDS.values(), ids=list(STANDARDS))
def test_a_passed_audit_of_a_standard_not_known_is_warned_of(
    tmp_path: Path, standard: str, result: str, found: list[list[object]]
) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(YAML.format(standard=standard, result=result), "utf-8")
    _, problems = read_chain([path])
    assert problems.flatten(["type", "line", "column"]) == found


def test_the_warning_says_how_to_have_the_audit_counted(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(YAML.format(standard="Customer audit", result="pass"), "utf-8")
    _, problems = read_chain([path])
    [problem] = problems.items
    assert problem.severity == "warning"
    assert problem.message == (
        "audit standard 'Customer audit' is not known to audit labour conditions: its pass"
        " earns no credit. If it is a social or labour audit, write the programme it follows"
        " (SMETA, SA8000, amfori BSCI …) or name it under labour_audits in the settings"
        " (--config)"
    )


def test_a_standard_the_settings_name_is_no_warning(tmp_path: Path) -> None:
    chain = tmp_path / "chain.yaml"
    chain.write_text(YAML.format(standard="Customer audit", result="pass"), "utf-8")
    settings = tmp_path / "ddtool.yaml"
    settings.write_text("labour_audits: [Customer audit]\n", "utf-8")
    runner = CliRunner()
    told = runner.invoke(app, ["validate", str(chain)], env={"COLUMNS": "200"})
    assert "unknown-audit-standard" in told.output
    named = runner.invoke(app, ["validate", str(chain), "--config", str(settings)])
    assert named.exit_code == 0 and "warning" not in named.output
    _, problems = read_chain([chain], ReadOptions(labour_audits=("Customer audit",)))
    assert problems.items == []


def test_a_tables_unknown_standard_is_told_once_naming_its_rows(tmp_path: Path) -> None:
    """A column of 10^5 rows repeats a few standards: one warning each, at its first row."""
    path = tmp_path / "chain.csv"
    rows = ["Supplier ID,Country,Audit standard,Audit date,Audit result"]
    rows += [f"S{n},THA,Customer audit,2026-05-01,{'fail' if n == 1 else 'pass'}" for n in range(6)]
    rows += ["S9,THA,SMETA,2026-05-01,pass"]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    _, problems = read_chain([path])
    [problem] = problems.items
    assert (problem.type, problem.location.row, problem.location.column) == (
        "unknown-audit-standard",
        2,
        "Audit standard",
    )
    assert problem.message.endswith("; the same in rows 4, 5, 6, 7")  # (row 3 failed)


def test_a_table_without_standards_is_told_at_the_audit_dates(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    path.write_text(
        "Supplier ID,Country,Audit date,Audit result\nS1,THA,2026-05-01,pass\n"
        "S2,THA,2026-05-02,pass\n",
        "utf-8",
    )
    _, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column"]) == [
        ["unknown-audit-standard", 2, "Audit date"]
    ]
    assert problems.items[0].message == (
        "a passed audit without a standard is not known to audit labour conditions, and earns"
        " no credit; write the standard it follows, such as SMETA, SA8000 or amfori BSCI; the"
        " same in rows 3"
    )


# an audit's standard and its result written as a grade -> how the score counts it
# ('passed', 'failed', or None: not counted), and whether reading it warns of an
# unknown-audit-result: a grade of a scheme that grades is its pass or failure (amfori
# BSCI A to C pass, D and E fail; WRAP's levels pass), one of a standard that grades no
# site is no result the score knows
GRADES: dict[str, tuple[str, str, str | None, bool]] = {
    "amfori BSCI A": ("amfori BSCI", "A", "passed", False),
    "amfori BSCI B": ("amfori BSCI", "B", "passed", False),
    "amfori BSCI C": ("amfori BSCI", "C", "passed", False),
    "amfori BSCI rating B": ("amfori BSCI", "rating B", "passed", False),
    "BSCI Note B": ("BSCI", "Note B", "passed", False),
    "amfori BSCI grade C": ("amfori BSCI", "grade C", "passed", False),
    "amfori BSCI D": ("amfori BSCI", "D", "failed", False),
    "amfori BSCI E": ("amfori BSCI", "E", "failed", False),
    "amfori BSCI rating E": ("amfori BSCI", "rating E", "failed", False),
    "WRAP Platinum": ("WRAP", "Platinum", "passed", False),
    "WRAP Gold": ("WRAP", "Gold", "passed", False),
    "WRAP Silver": ("WRAP", "Silver", "passed", False),
    "a grade of SMETA": ("SMETA", "B", None, True),
    "SMETA's findings": ("SMETA", "non-compliances: 3", None, True),
    "a BSCI grade of SA8000": ("SA8000", "rating E", None, True),
    "a WRAP level of SMETA": ("SMETA", "Gold", None, True),
    "a BSCI letter among other words": ("amfori BSCI", "B - 3 findings", None, True),
    "a pass in words": ("amfori BSCI", "pass", "passed", False),
    # a grade followed by words that say what it is
    "a grade described": ("amfori BSCI", "C (acceptable)", "passed", False),
    "a grade word, a grade described": ("amfori BSCI", "Grade B - good", "passed", False),
    "a grade and a colon": ("amfori BSCI", "B: acceptable", "passed", False),
    "a very good grade": ("amfori BSCI", "A (very good)", "passed", False),
    "a failing grade described": ("amfori BSCI", "rating D (insufficient)", "failed", False),
    "a failing grade, its outcome said": ("amfori BSCI", "E - failed", "failed", False),
    "a failing grade in German": ("BSCI", "D (unzureichend)", "failed", False),
    "a grade after the scheme, described": ("amfori BSCI", "BSCI C (acceptable)", "passed", False),
    "a level of certification": ("WRAP", "Gold certification", "passed", False),
    "a level described": ("WRAP", "Platinum (certified)", "passed", False),
    # words that merely begin with a grade's letter, or say the other outcome
    "a word with a grade's letter": ("amfori BSCI", "Completed", None, True),
    "a letter that is a word": ("amfori BSCI", "A lot of issues", None, True),
    "a word that is no grade": ("amfori BSCI", "Done", None, True),
    "a passing grade said to fail": ("amfori BSCI", "B (insufficient)", None, True),
    "a failing grade said to pass": ("amfori BSCI", "D (acceptable)", None, True),
    "a level followed by other words": ("WRAP", "Gold medal", None, True),
    # a grade described, of a standard that grades no site or of another scheme
    "a grade described of SMETA": ("SMETA", "C (acceptable)", None, True),
    "a WRAP level of amfori BSCI": ("amfori BSCI", "Gold certification", None, True),
    "a BSCI grade of WRAP": ("WRAP", "B: acceptable", None, True),
}


def _read_graded(tmp_path: Path, form: str, standard: str, result: str) -> tuple[str, Path]:
    """A chain of one supplier with one audit of this standard and result, as YAML or CSV."""
    if form == "yaml":
        path = tmp_path / "chain.yaml"
        path.write_text(YAML.format(standard=standard, result=f"'{result}'"), "utf-8")
    else:
        path = tmp_path / "chain.csv"
        path.write_text(
            "Supplier ID,Country,Audit standard,Audit date,Audit result\n"
            f'S1,THA,{standard},2026-05-01,"{result}"\n',
            "utf-8",
        )
    return form, path


@pytest.mark.parametrize("form", ["yaml", "csv"])
@pytest.mark.parametrize(
    ("standard", "result", "counted", "warned"), GRADES.values(), ids=list(GRADES)
)
def test_a_grade_is_read_as_the_scheme_grades(
    tmp_path: Path, form: str, standard: str, result: str, counted: str | None, warned: bool
) -> None:
    _, path = _read_graded(tmp_path, form, standard, result)
    chain, problems = read_chain([path])
    types = [p.type for p in problems.items]
    assert types == (["unknown-audit-result"] if warned else [])
    [supplier] = chain.suppliers
    scorer = Scorer(load_profiles(), Config(), dt.date(2026, 11, 27))
    risk = scorer.score(supplier, supplier.sector)
    [(label, delta)] = risk.by_type["child_labour"].adjustments
    if counted is None:
        assert (delta, label.endswith(": not counted")) == (0.0, True)
    else:  # (a failure raises the score, a pass lowers it)
        assert delta > 0 if counted == "failed" else delta < 0, label
        assert f" {counted}" in label and "not counted" not in label


def test_a_grade_of_a_standard_that_grades_no_site_says_so(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    rows = ["Supplier ID,Country,Audit standard,Audit date,Audit result"]
    rows += ["S1,THA,SMETA,2026-05-01,B", "S2,THA,amfori BSCI,2026-05-01,B"]
    rows += ["S3,THA,SMETA,2026-05-01,B"]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    _, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column", "message"]) == [
        [
            "unknown-audit-result",
            2,
            "Audit result",
            "audit result 'B' is neither passed nor failed for the score, and is not counted"
            " (write 'pass', 'fail' or 'conditional'; docs/input-format.md lists the other"
            " words read); a grade is read only of the standards whose grades ddtool reads"
            " (amfori BSCI A to E, WRAP Platinum, Gold, Silver), and 'SMETA' is none: write"
            " its result (pass, fail); the same in rows 4",
        ]
    ]


# an audit's standard and its result -> the end of its unknown-audit-result warning: a
# grade of a standard that grades no site, or one of another scheme than the standard's
GRADE_HINTS: dict[str, tuple[str, str, str]] = {
    "a grade described, of SMETA": (
        "SMETA",
        "C (acceptable)",
        "a grade is read only of the standards whose grades ddtool reads (amfori BSCI A to"
        " E, WRAP Platinum, Gold, Silver), and 'SMETA' is none: write its result (pass,"
        " fail)",
    ),
    "a WRAP level of amfori BSCI": (
        "amfori BSCI",
        "Gold certification",
        "a grade is read only as the standard's own (amfori BSCI A to E, WRAP Platinum,"
        " Gold, Silver), and 'Gold certification' is no grade of amfori BSCI",
    ),
    "a BSCI grade of WRAP": (
        "WRAP",
        "B: acceptable",
        "a grade is read only as the standard's own (amfori BSCI A to E, WRAP Platinum,"
        " Gold, Silver), and 'B: acceptable' is no grade of WRAP",
    ),
}


@pytest.mark.parametrize(
    ("standard", "result", "hint"), GRADE_HINTS.values(), ids=list(GRADE_HINTS)
)
def test_a_grade_the_standard_does_not_give_says_why(
    tmp_path: Path, standard: str, result: str, hint: str
) -> None:
    _, path = _read_graded(tmp_path, "csv", standard, result)
    _, problems = read_chain([path])
    assert problems.flatten(["type", "row", "column"]) == [
        ["unknown-audit-result", 2, "Audit result"]
    ]
    assert problems.items[0].message.endswith(f"; {hint}")


# a Certifications cell -> what its warning says it says (None: no warning)
NOT_HELD: dict[str, str | None] = {
    "Fairtrade": None,
    "Fairtrade (suspended)": "suspended",
    "Rainforest Alliance - decertified": "decertified",
    "Fairtrade applicant": "applicant",
    "SA8000 in progress": "in progress",
    "not Fairtrade certified": "not",
    "RMAP non-conformant": "non conformant",
    "SA8000 revoked": "revoked",
    "Fairtrade (non-GMO)": None,
    "Organic (Bisphenol free)": None,
    # (a lapsed certificate with its date is expired, no more: the score says so)
    "Fairtrade expired 2023-12-31": None,
    "Rainforest Alliance (formerly UTZ)": None,
    "Fairtrade (ex works)": None,
    "SA8000 certified (next audit scheduled 2026)": None,
    "SA8000 (planned extension to second site)": None,
    "SA8000 (certification in progress for site 2)": None,
    "ex-Fairtrade": "ex",
    "SA8000 certification in progress": "in progress",
    # (a word of a certificate from before: 'UTZ (legacy)' was credited as held)
    "UTZ (legacy)": "legacy",
    "legacy UTZ certificate": "legacy",
    "old UTZ certificate": "old",
    "UTZ (old)": "old",
    "previous Fairtrade certificate": "previous",
    "UTZ - legacy": "legacy",
    "UTZ: old": "old",
    # ('prior' and 'past' say when it was held, not that it is no longer; 'legacy', 'old'
    # and 'previous' are part of a name, or beside a word that says it is held: held. Before:
    # not held, and not credited)
    "Fairtrade (prior)": None,
    "Fairtrade certified since prior to 2015": None,
    "SA8000 certified (held from prior to 2018)": None,
    "Past and present: SA8000 certified": None,
    "SA8000 certified for past 3 years": None,
    "Legacy Mills SA8000": None,
    "Old Town Cooperative Fairtrade": None,
    "Previous Street Weavers Fairtrade": None,
    "SA8000 certificate issued to old": None,
    "UTZ legacy": None,
    "SA8000 certified, 6 months old": None,
    "SA8000 certified (certificate 2 years old)": None,
    "Rainforest Alliance (legacy UTZ)": None,
}


@pytest.mark.parametrize(("cell", "said"), NOT_HELD.items(), ids=list(NOT_HELD))
def test_a_certification_not_held_is_warned_of(tmp_path: Path, cell: str, said: str | None) -> None:
    chain, problems = read_cell(tmp_path, cell)
    if said is None:
        assert problems.items == []
        return
    assert problems.flatten(["severity", "type", "row", "column"]) == [
        ["warning", "certification-not-held", 2, "Certifications"]
    ]
    assert problems.items[0].message == (
        f"certification {cell!r} says {said!r}: it is read as not held, and earns no credit"
        " (if it is held, write its name alone, or with its expiry: 'SA8000 valid until"
        " 2027-06-30')"
    )
    assert [c.name for c in chain.suppliers[0].certifications] == [cell]  # (kept, as written)


# a Certifications cell -> the status its warning says it says, with what the status means
# in the scheme's own list (RMI's 'Active' was credited as a certification held)
SCHEME_STATUSES: dict[str, str] = {
    "RMAP Active": "active",
    "RMI RMAP - active": "active",
    "RMAP: Active": "active",
}
RMAP_ACTIVE = (
    "RMI lists a smelter or refiner as Active once it has committed to or is undergoing its"
    " RMAP assessment, and as Conformant only once it has passed"
)


@pytest.mark.parametrize(("cell", "said"), SCHEME_STATUSES.items(), ids=list(SCHEME_STATUSES))
def test_a_schemes_own_status_not_held_is_warned_of_with_its_meaning(
    tmp_path: Path, cell: str, said: str
) -> None:
    _, problems = read_cell(tmp_path, cell)
    assert problems.flatten(["type", "row", "column"]) == [
        ["certification-not-held", 2, "Certifications"]
    ]
    assert problems.items[0].message == (
        f"certification {cell!r} says {said!r} ({RMAP_ACTIVE}): it is read as not held, and"
        " earns no credit (if RMI lists it as Conformant, write 'RMAP conformant')"
    )


@pytest.mark.parametrize(
    "cell", ["RMAP conformant", "RMAP Conformant (active)", "Fairtrade active"]
)
def test_a_status_of_another_schemes_list_is_no_warning(tmp_path: Path, cell: str) -> None:
    _, problems = read_cell(tmp_path, cell)
    assert problems.items == []


def test_a_certification_not_held_in_yaml_is_warned_of_at_its_key(tmp_path: Path) -> None:
    path = tmp_path / "chain.yaml"
    path.write_text(
        "suppliers:\n  - id: C1\n    country: GHA\n"
        "    certifications: [Fairtrade applicant, Rainforest Alliance]\n",
        "utf-8",
    )
    _, problems = read_chain([path])
    assert problems.flatten(["type", "line"]) == [["certification-not-held", 4]]


# an amfori BSCI audit's result written as a grade and the words that say what it is ->
# the evidence explain and the assessment JSON give of it
DESCRIBED_GRADES: dict[str, tuple[str, str]] = {
    "a passing grade": (
        "C (acceptable)",
        "audit 'amfori BSCI' of 2026-05-01: grade C (acceptable): passed",
    ),
    "a failing grade": (
        "rating D (insufficient)",
        "audit 'amfori BSCI' of 2026-05-01: rating D (insufficient): failed",
    ),
}


@pytest.mark.parametrize(("result", "said"), DESCRIBED_GRADES.values(), ids=list(DESCRIBED_GRADES))
def test_explain_and_the_assessment_say_the_grade_read(
    tmp_path: Path, result: str, said: str
) -> None:
    _, chain = _read_graded(tmp_path, "csv", "amfori BSCI", result)
    out = tmp_path / "out.json"
    done = CliRunner().invoke(
        app, ["assess", str(chain), "-q", "--as-of", "2026-11-27", "-o", str(out)]
    )
    assert done.exit_code == 0, done.output
    saved = json.loads(out.read_text("utf-8"))
    [supplier] = [s for s in saved["suppliers"] if s["id"] == "S1"]
    assert supplier["audits"] == [said]
    shown = [e["indicator"] for e in saved["evidence"].values() if "audit" in e["indicator"]]
    assert shown == [f"supplier adjustment: {said}"]
    assert "unknown-audit-result" not in out.read_text("utf-8")
    done = CliRunner().invoke(
        app, ["explain", str(chain), "S1", "--as-of", "2026-11-27"], env={"COLUMNS": "300"}
    )
    assert done.exit_code == 0, done.output
    assert f"adjustment: {said}" in done.output
