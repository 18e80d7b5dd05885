"""The remediation plan (ddtool.reporters.plan): gathered by basis, it is what reading every flag
one by one gives: each measure once, its flags counted, its risk types, and its suppliers in
the order of their first flags (the first 30, then how many more)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ddtool.reporters.plan import SUPPLIERS_NAMED, Plan, remediation_plan

STEPS = ["identify", "cease-prevent", "mitigate", "remediate"]
MEASURES = {
    f"m{i}": {
        "step": STEPS[i % len(STEPS)],
        "step_name": STEPS[i % len(STEPS)].title(),
        "title": f"Measure {i}",
        "action": "Do it.",
        "owner": "Buyer",
        "reference": "OECD",
    }
    for i in range(8)
}
RISKS = ["child_labour", "forced_labour", "human_trafficking"]


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A schema-2 document: bases naming measures in step order, suppliers (some inferred,
    some nameless), and flags of any basis and supplier, in any order."""
    ids = sorted(MEASURES, key=lambda m: STEPS.index(MEASURES[m]["step"]))
    bases = {
        f"b{i}": {"remediation": [m for m in ids if m in chosen]}
        for i, chosen in enumerate(
            draw(st.lists(st.sets(st.sampled_from(ids), max_size=4), min_size=1, max_size=6))
        )
    }
    count = draw(st.integers(1, 2 * SUPPLIERS_NAMED + 10))
    suppliers = [
        {
            "id": f"S{i:03d}",
            "name": draw(st.sampled_from([None, f"S{i:03d}", f"Name {i}"])),
            "inferred": draw(st.booleans()),
        }
        for i in range(count)
    ]
    flags = [
        {
            "id": f"F{i}",
            "supplier_id": draw(st.sampled_from(suppliers))["id"],
            "risk_type": draw(st.sampled_from(RISKS)),
            "basis": draw(st.sampled_from(sorted(bases))),
            "inferred": False,
        }
        for i in range(draw(st.integers(0, 200)))
    ]
    by_id = {s["id"]: s for s in suppliers}
    for flag in flags:
        flag["inferred"] = by_id[flag["supplier_id"]]["inferred"]
    return {"measures": MEASURES, "bases": bases, "suppliers": suppliers, "flags": flags}


def _one_by_one(doc: dict[str, Any]) -> dict[str, tuple[int, set[str], list[str]]]:
    """Per measure: its flags, risk types and suppliers in the order of their first flags,
    read flag by flag."""
    out: dict[str, tuple[int, set[str], list[str]]] = {}
    for flag in doc["flags"]:
        for mid in doc["bases"][flag["basis"]]["remediation"]:
            count, risks, suppliers = out.get(mid, (0, set(), []))
            if flag["supplier_id"] not in suppliers:
                suppliers = [*suppliers, flag["supplier_id"]]
            out[mid] = (count + 1, risks | {flag["risk_type"].replace("_", " ")}, suppliers)
    return out


def _text(doc: dict[str, Any], ids: list[str]) -> str:
    by_id = {s["id"]: s for s in doc["suppliers"]}
    shown = []
    for sid in ids[:SUPPLIERS_NAMED]:
        name = None if by_id[sid]["inferred"] else by_id[sid]["name"]
        shown.append(f"{sid} ({name})" if name and name != sid else sid)
    more = len(ids) - SUPPLIERS_NAMED
    return ", ".join(shown) + (f" … (+{more})" if more > 0 else "")


@settings(max_examples=150, deadline=None)
@given(documents())
def test_the_plan_is_what_reading_flag_by_flag_gives(doc: dict[str, Any]) -> None:
    expected = _one_by_one(doc)
    # as the Excel register builds it, flag by flag, and as the other reports read it
    added = Plan(doc)
    lists = {
        b: [{"id": m, **MEASURES[m]} for m in v["remediation"]] for b, v in doc["bases"].items()
    }
    names = {s["id"]: s["name"] for s in doc["suppliers"]}
    for flag in doc["flags"]:
        named = None if flag["inferred"] else names[flag["supplier_id"]]
        added.add(flag["supplier_id"], named, flag["risk_type"], lists[flag["basis"]])
    for entries in (remediation_plan(doc), added.entries()):
        assert {e.measure["id"] for e in entries} == set(expected)
        for entry in entries:
            count, risks, suppliers = expected[entry.measure["id"]]
            assert entry.flags == count
            assert entry.risk_types == risks
            assert entry.supplier_count == len(suppliers)
            assert entry.suppliers_text() == _text(doc, suppliers)
        # by step, then the most flags first, then by id
        keys = [(STEPS.index(e.measure["step"]), -e.flags, e.measure["id"]) for e in entries]
        assert keys == sorted(keys)
