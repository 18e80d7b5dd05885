"""Each supplier entry lists the certifications and audits the supplier holds, each as its
score counted it (schema 2.1): what an auditor checks a low score against, for suppliers
without flags too, and what `diff` compares year on year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from ddtool.assess import SCHEMA_VERSION, AssessOptions, assess
from ddtool.reporters.excel_report import ExcelReporter

VALID = "valid (no expiry date given: taken as current)"
# (what the input gives, the entry's certifications, its audits)
CASES: list[tuple[str, dict[str, Any], list[str], list[str]]] = [
    ("none", {}, [], []),
    (
        "one of each",
        {
            "certifications": [{"name": "Fairtrade", "valid_until": "2027-06-30"}],
            "audits": [{"standard": "SMETA", "date": "2025-10-01", "result": "pass"}],
        },
        ["certification 'Fairtrade' valid until 2027-06-30"],
        ["audit 'SMETA' of 2025-10-01 passed"],
    ),
    (
        "expired, not recognised, beyond the cap: each on record, sorted",
        {
            "certifications": [
                {"name": "SA8000"},
                {"name": "Rainforest Alliance", "valid_until": "2025-06-30"},
                {"name": "Fairtrade"},
                {"name": "Our Own Label"},
                {"name": "UTZ"},
            ]
        },
        [
            "certification 'Fairtrade' " + VALID,
            "certification 'Our Own Label': not among the settings' recognised certifications",
            "certification 'Rainforest Alliance' expired 2025-06-30",
            "certification 'SA8000' " + VALID,
            "certification 'UTZ' " + VALID + ": no further credit (certifications count at most"
            " 0.1)",
        ],
        [],
    ),
    (
        "audits: beyond the cap, failed, undated, too old, another result",
        {
            "audits": [
                {"standard": "SMETA", "date": "2025-10-01", "result": "pass"},
                {"standard": "amfori BSCI", "date": "2025-09-01", "result": "pass"},
                {"standard": "SA8000", "date": "2025-08-01", "result": "pass"},
                {"standard": "WRAP", "date": "2025-07-01", "result": "fail"},
                {"standard": "ICTI", "result": "pass"},
                {"standard": "SLCP", "date": "2022-01-01", "result": "pass"},
                {"standard": "Sedex", "date": "2025-05-01", "result": "conditional"},
            ]
        },
        [],
        [
            "audit 'ICTI' without date: not counted",
            "audit 'SA8000' of 2025-08-01 passed: no further credit (passed audits count at"
            " most 0.1)",
            "audit 'SLCP' of 2022-01-01 older than 24 months: not counted",
            "audit 'SMETA' of 2025-10-01 passed",
            "audit 'Sedex' of 2025-05-01 result 'conditional': not counted",
            "audit 'WRAP' of 2025-07-01 failed",
            "audit 'amfori BSCI' of 2025-09-01 passed",
        ],
    ),
]


def _assessed(tmp_path: Path, held: dict[str, Any]) -> dict[str, Any]:
    supplier = {"id": "C1", "name": "Coop", "country": "GHA", "sector": "cocoa-farming"}
    haulier = {"id": "L1", "name": "Haulier", "country": "DEU", "sector": "logistics-transport"}
    path = tmp_path / "chain.yaml"
    chain = {"company": {"name": "X"}, "suppliers": [{**supplier, **held}, haulier]}
    path.write_text(yaml.safe_dump(chain), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")  # as of 2026-01-01
        return assess([path], AssessOptions()).data


@pytest.mark.parametrize(
    ("held", "certifications", "audits"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_an_entry_lists_what_the_supplier_holds_as_its_score_counted_it(
    tmp_path: Path, held: dict[str, Any], certifications: list[str], audits: list[str]
) -> None:
    document = _assessed(tmp_path, held)
    assert document["schema_version"] == SCHEMA_VERSION
    entry = next(s for s in document["suppliers"] if s["id"] == "C1")
    assert (entry["certifications"], entry["audits"]) == (certifications, audits)
    haulier = next(s for s in document["suppliers"] if s["id"] == "L1")
    assert (haulier["certifications"], haulier["audits"]) == ([], [])
    # each is what the flags' evidence records as a supplier adjustment (the same label)
    facts = {
        fact["indicator"].removeprefix("supplier adjustment: ")
        for flag in document["flags"]
        if flag["supplier_id"] == "C1"
        for fact_id in document["bases"][flag["basis"]]["evidence"]
        for fact in [document["evidence"][fact_id]]
        if fact["indicator"].startswith("supplier adjustment: ")
    }
    assert set(certifications + audits) <= facts


def test_the_register_shows_them_beside_the_supplier(tmp_path: Path) -> None:
    held = CASES[1][1]
    document = _assessed(tmp_path, held)
    ExcelReporter().write(document, tmp_path / "register.xlsx")
    rows = list(load_workbook(tmp_path / "register.xlsx")["Suppliers"].iter_rows(values_only=True))
    header = list(rows[0])
    row = next(r for r in rows[1:] if r[0] == "C1")
    assert row[header.index("Certifications")] == CASES[1][2][0]
    assert row[header.index("Audits")] == CASES[1][3][0]
