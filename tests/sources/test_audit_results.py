"""Audit results as written: what the score counts, and a warning for the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddtool.config import Config
from ddtool.model import Audit, Supplier, audit_outcome
from ddtool.profiles import load_profiles
from ddtool.scoring import Scorer
from ddtool.sources import read_chain


@pytest.mark.parametrize(
    ("written", "outcome"),
    [
        ("pass", "passed"),
        ("PASSED", "passed"),
        ("Satisfactory", "passed"),
        ("fail", "failed"),
        ("Zero-tolerance", "failed"),
        ("zero_tolerance", "failed"),
        ("non compliant", "failed"),
        ("Non-Compliant", "failed"),
        ("not  passed", "failed"),
        ("unsatisfactory", "failed"),
        # the Responsible Minerals Assurance Process's words (it suggested 'nonconformant'
        # for 'conformant', turning a pass into a failure)
        ("Conformant", "passed"),
        ("non-conformant", "failed"),
        ("not conformant", "failed"),
        ("conditional", "other"),
        ("In progress", "other"),
        ("very bad", None),
        ("", None),
        (None, None),
    ],
)
def test_an_audit_result_as_written(written: str | None, outcome: str | None) -> None:
    assert audit_outcome(written) == outcome


@pytest.mark.parametrize("written", ["Zero-tolerance", "non compliant", "not passed", "FAIL"])
def test_a_failed_audit_in_other_words_raises_the_score(written: str) -> None:
    """'Zero-tolerance', 'non compliant' and 'not passed' were recorded as not counted."""
    profiles = load_profiles()
    scorer = Scorer(profiles, Config(), dt.date(2026, 1, 1))

    def supplier(audits: list[Audit]) -> Supplier:
        return Supplier.model_construct(
            id="S1",
            country="DEU",
            sector="garment-manufacturing",
            products=[],
            buyers=[],
            certifications=[],
            audits=audits,
            attributes={},
            migrant_pct=None,
        )

    failed = Audit(standard="SMETA", date=dt.date(2025, 6, 1), result=written.casefold())
    before = scorer.score(supplier([]), "garment-manufacturing")
    after = scorer.score(supplier([failed]), "garment-manufacturing")
    for rt in ("forced_labour", "human_trafficking"):
        assert after.by_type[rt].score.likelihood > before.by_type[rt].score.likelihood


def test_an_unknown_result_is_a_located_warning(tmp_path: Path) -> None:
    path = tmp_path / "audits.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Audit standard,Audit date,Audit result\n"
        "A,a,BGD,garment manufacturing,SMETA,2025-06-01,faild\n"
        "B,b,BGD,garment manufacturing,SMETA,2025-06-01,conditional\n"
        "C,c,BGD,garment manufacturing,SMETA,2025-06-01,very bad\n",
        encoding="utf-8",
    )
    _chain, problems = read_chain([path], sectors=load_profiles())
    found = [
        (p.location.row, p.location.column, p.severity, p.suggestion)
        for p in problems.items
        if p.type == "unknown-audit-result"
    ]
    assert found == [
        (2, "Audit result", "warning", "'failed'"),
        (4, "Audit result", "warning", None),
    ]


def test_an_unknown_result_in_yaml_is_located_at_the_audits(tmp_path: Path) -> None:
    path = tmp_path / "audits.yaml"
    path.write_text(
        "suppliers:\n"
        "  - id: A\n"
        "    country: BGD\n"
        "    audits:\n"
        "      - {standard: SMETA, date: 2025-06-01, result: very bad}\n",
        encoding="utf-8",
    )
    _chain, problems = read_chain([path], sectors=load_profiles())
    found = [p for p in problems.items if p.type == "unknown-audit-result"]
    assert len(found) == 1 and found[0].location.line is not None
    assert "'very bad'" in found[0].message


def test_an_unknown_result_is_warned_of_once_with_its_rows(tmp_path: Path) -> None:
    """A grade on 30 rows was 30 warnings (62,547 on 10^5 rows: minutes of terminal output),
    and 'C' suggested 'rejected', 'not failed' suggested 'fail'. (A grade of a standard that
    grades no site: amfori BSCI's is read as its pass or failure.)"""
    rows = [f"S{n},s,BGD,garment manufacturing,SA8000,2025-06-01,C" for n in range(30)]
    rows += ["T1,t,BGD,garment manufacturing,SMETA,2025-06-01,not failed"]
    path = tmp_path / "grades.csv"
    path.write_text(
        "Supplier ID,Supplier name,Country,Sector,Audit standard,Audit date,Audit result\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    _chain, problems = read_chain([path], sectors=load_profiles())
    found = [p for p in problems.items if p.type == "unknown-audit-result"]
    assert [(p.location.row, p.suggestion) for p in found] == [(2, None), (32, None)]
    assert found[0].message.endswith(
        "; the same in rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 19 more"
    )
