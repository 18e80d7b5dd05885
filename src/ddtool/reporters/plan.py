"""The remediation plan a register's flags make: one entry per measure they call for, with the
risk types and flags it answers and the suppliers it is for, in the order of the due-diligence
steps (risk_profiles/remediation.yaml `steps`), then the most flags first. The Excel register's
"Remediation plan" sheet, the HTML report's and the Markdown report's sections show the same
entries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from heapq import nsmallest
from operator import itemgetter, methodcaller
from typing import Any

from ddtool.document import flag_expander, flag_measures
from ddtool.reporters.shown import RISK_NAMES

# suppliers named in a plan entry's cell; the rest are counted ("… (+12)")
SUPPLIERS_NAMED = 30


@dataclass(slots=True)
class PlanEntry:
    """One measure of the plan: the catalogue's measure (id, step, step_name, title, action,
    owner, reference), the risk types (their names) and number of the flags that call for it,
    its first suppliers (SUPPLIERS_NAMED at most) by id in the order of their first flags,
    each with its name (None for an inferred supplier, whose id says what it is), and how
    many suppliers it is for in all."""

    measure: dict[str, Any]
    risk_types: set[str] = field(default_factory=set)
    flags: int = 0
    suppliers: dict[str, str | None] = field(default_factory=dict)
    supplier_count: int = 0

    def suppliers_text(self) -> str:
        """Its first suppliers as "T3-04 (Kolwezi cobalt)" (the id alone for an inferred one,
        or one whose name is its id), and how many more there are: "S1 (Acme), S2 … (+12)"."""
        shown = [
            f"{sid} ({name})" if name and name != sid else sid
            for sid, name in self.suppliers.items()
        ]
        more = self.supplier_count - len(shown)
        return ", ".join(shown) + (f" … (+{more})" if more > 0 else "")

    def risk_types_text(self) -> str:
        return ", ".join(sorted(self.risk_types))


class _Group:
    """The flags that share one list of measures (a basis): how many, their risk types, and
    their suppliers by id, each with the index of its first flag (in the register's order;
    in any order)."""

    __slots__ = ("flags", "measures", "risk_types", "suppliers")

    def __init__(self, measures: list[dict[str, Any]]) -> None:
        self.measures = measures  # (kept alive: a group may be found by the list's id)
        self.flags = 0
        self.risk_types: set[str] = set()
        self.suppliers: dict[str, int] = {}


class Plan:
    """The plan, built flag by flag (`add`) as a register is read, and its entries in order.

    Flags are gathered by their list of measures (flags of one basis share one), and the
    measures' entries made from the groups once: a register of 10^5 flags calls for a few
    dozen measures. `name_of` names a supplier not named by `add` (None: inferred)."""

    def __init__(
        self, document: dict[str, Any], name_of: Callable[[str], str | None] | None = None
    ) -> None:
        # the steps in the order the profiles give them: as the measures catalogue has them,
        # then as each flag lists its measures (see step_order)
        catalogue: dict[str, Any] = document.get("measures") or {}
        self._sequences = {tuple(str(m.get("step")) for m in catalogue.values()): None}
        self._groups: dict[Any, _Group] = {}
        self._count = 0
        self._names: dict[str, str | None] = {}
        self._name_of = name_of

    def add(
        self, supplier_id: str, name: str | None, risk_type: str, measures: list[dict[str, Any]]
    ) -> None:
        """A flag of a supplier (`name` None for an inferred one) calling for these measures
        (in step order, as a flag lists them)."""
        group = self._groups.get(id(measures))
        if group is None:
            group = self._groups[id(measures)] = _Group(measures)
        group.flags += 1
        group.risk_types.add(risk_type)
        group.suppliers.setdefault(supplier_id, self._count)
        self._names.setdefault(supplier_id, name)
        self._count += 1

    def entries(self) -> list[PlanEntry]:
        """By due-diligence step, then the most flags first, then by measure id; each
        entry's first suppliers in the order of their first flags.

        A supplier among a measure's first SUPPLIERS_NAMED is among the first of the group
        where its first flag is (every supplier before it there has an earlier flag): the
        groups' first ones are all the candidates; the count is of every group's suppliers."""
        made: dict[str, PlanEntry] = {}
        first: dict[str, dict[str, int]] = {}
        every: dict[str, set[str]] = {}
        for group in self._groups.values():
            self._sequences[tuple(str(m.get("step")) for m in group.measures)] = None
            names = {RISK_NAMES.get(rt, rt) for rt in group.risk_types}
            leading = nsmallest(SUPPLIERS_NAMED, group.suppliers.items(), key=itemgetter(1))
            for m in group.measures:
                entry = made.get(m["id"])
                if entry is None:
                    entry = made[m["id"]] = PlanEntry(m)
                    first[m["id"]], every[m["id"]] = {}, set()
                entry.flags += group.flags
                entry.risk_types |= names
                every[m["id"]].update(group.suppliers)
                seen = first[m["id"]]
                for sid, index in leading:
                    if index < seen.get(sid, self._count):
                        seen[sid] = index
        for mid, entry in made.items():
            ordered = sorted(first[mid], key=first[mid].__getitem__)[:SUPPLIERS_NAMED]
            entry.suppliers = {sid: self._name(sid) for sid in ordered}
            entry.supplier_count = len(every[mid])
        order = step_order(self._sequences)
        return sorted(
            made.values(),
            key=lambda e: (
                order.get(str(e.measure.get("step")), len(order)),
                -e.flags,
                str(e.measure["id"]),
            ),
        )

    def _name(self, supplier_id: str) -> str | None:
        if supplier_id in self._names or self._name_of is None:
            return self._names.get(supplier_id)
        return self._name_of(supplier_id)

    def read(self, document: dict[str, Any]) -> None:
        """Every flag of an assessment document (schema 1 or 2), gathered by basis in a few
        C-level passes: a register of 10^5 flags has some 10^4 bases."""
        flags: list[dict[str, Any]] = document.get("flags", [])
        bases: dict[str, dict[str, Any]] = document.get("bases") or {}
        sids = list(map(str, map(methodcaller("get", "supplier_id"), flags)))
        risk_types = list(map(str, map(methodcaller("get", "risk_type"), flags)))
        by_basis: dict[Any, list[int]] = {}
        for index, basis in enumerate(map(methodcaller("get", "basis"), flags)):
            if type(basis) is not str or basis not in bases:
                basis = index  # (schema 1: the flag holds its measures itself)
            by_basis.setdefault(basis, []).append(index)
        expand = flag_expander(document)
        for basis, indices in by_basis.items():
            if type(basis) is str:
                listed = {"remediation": bases[basis].get("remediation") or []}
            else:
                listed = expand(flags[basis])
                named = None if listed.get("inferred") else listed.get("supplier_name")
                self._names.setdefault(sids[basis], named)
            group = self._groups[basis] = _Group(flag_measures(document, listed))
            group.flags = len(indices)
            group.risk_types = set(map(risk_types.__getitem__, indices))
            # each supplier with its first flag's index: the last written of the reversed
            first = indices[::-1]
            group.suppliers = dict(zip(map(sids.__getitem__, first), first, strict=True))
        self._count += len(flags)


def remediation_plan(document: dict[str, Any]) -> list[PlanEntry]:
    """The plan of every flag of an assessment document (schema 1 or 2), in order.

    A schema-2 flag's measures are its basis's, resolved once per basis (a schema-1 flag
    holds its own); a supplier is named by its entry (an owner is given suppliers to call),
    an inferred one by its id alone.
    """
    entries = {str(s.get("id")): s for s in document.get("suppliers", [])}

    def name_of(supplier_id: str) -> str | None:
        entry = entries.get(supplier_id, {})
        return None if entry.get("inferred") else entry.get("name")

    plan = Plan(document, name_of)
    plan.read(document)
    return plan.entries()


def step_order(sequences: Iterable[Sequence[str]]) -> dict[str, int]:
    """The due-diligence steps in the order of the profiles (risk_profiles/remediation.yaml
    `steps`), from lists of steps each in that order: the steps of the document's `measures`
    catalogue (stored in step order), then those of each flag's measures (a flag lists its
    measures in step order: the order of a document whose measures are inline in its flags).
    A step comes after every step listed before it; otherwise, in the order first seen."""
    before: dict[str, set[str]] = {}
    for steps in sequences:
        for i, step in enumerate(steps):
            before.setdefault(step, set()).update(s for s in steps[:i] if s != step)
    left, order = list(before), []
    while left:  # the first step no step left must precede (the first left, on a cycle)
        step = next((s for s in left if not before[s].intersection(left)), left[0])
        left.remove(step)
        order.append(step)
    return {step: i for i, step in enumerate(order)}
