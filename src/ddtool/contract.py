"""What every assessment JSON that ddtool writes holds (schema 1.x and 2.x alike): the parts
the reports read, checked in a saved file before `ddtool report` renders it, so that an
incomplete or edited file is an error that says where, not a failure halfway. (`diff` and
`assess --verify` need less: a diff reads what it shows with defaults, and a verification
compares the saved file with the re-run as it is.)"""

from __future__ import annotations

from collections import deque
from itertools import chain, repeat
from operator import contains, itemgetter, le
from typing import Any

from ddtool.model import LEVELS, RISK_TYPES

SUPPLIER_KEYS = frozenset(
    {"id", "name", "country", "sector", "tiers", "inferred", "buyers", "risk", "exposure"}
    | {"data_gaps"}
)
FLAG_KEYS = frozenset(
    {"id", "supplier_id", "risk_type", "level", "likelihood", "severity", "priority", "inferred"}
)
# a 1.x flag holds what a 2.x flag finds through its supplier and its basis
_INLINE_FLAG_KEYS = frozenset({"supplier_name", "path", "reason"})
COMPANY_KEYS = frozenset({"id", "name", "exposure"})
SUMMARY_KEYS = frozenset(
    {"suppliers", "inferred_suppliers", "tiers", "flags", "flags_by_level"}
    | {"flags_by_risk_type", "highest_level", "data_gaps", "exposure", "tier1_ranking"}
)
_SCORE_KEYS = frozenset({"level", "priority"})
_LISTS = ("tiers", "buyers", "data_gaps")
_SHOWN = 10  # problems listed; the rest are counted
_keys = dict.keys
_LEVEL_SET, _RISK_SET = frozenset(LEVELS), frozenset(RISK_TYPES)


def _all_dicts(values: list[Any]) -> bool:
    return not values or set(map(type, values)) == {dict}


def _count(flags: list[dict[str, Any]], key: str, values: set[Any]) -> str:
    count = sum(1 for flag in flags if flag[key] in values)
    return f"{count:,} flag{'s' if count > 1 else ''}"


def _all_lists(values: list[Any]) -> bool:
    return not values or set(map(type, values)) == {list}


class Contract:
    """Checks the parts of one assessment read whole, and keeps the problems found, each with
    its place (`$.suppliers[3].risk`). The long lists are checked in C-level passes, and
    item by item (`supplier`, `flag`) only to find where something is wrong."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.count = 0

    def _add(self, where: str, what: str) -> None:
        self.count += 1
        if len(self.problems) < _SHOWN:
            self.problems.append(f"{where}: {what}")

    def _scores(self, where: str, value: Any) -> None:
        """A score per risk type: at least its level and priority."""
        if type(value) is not dict:
            self._add(where, "not an object")
            return
        for risk_type in RISK_TYPES:
            score = value.get(risk_type)
            if type(score) is not dict or not score.keys() >= _SCORE_KEYS:
                self._add(f"{where}.{risk_type}", "no level and priority")
            elif score["level"] not in LEVELS:
                self._add(f"{where}.{risk_type}.level", f"unknown level {score['level']!r}")

    def _missing(self, where: str, value: Any, keys: frozenset[str]) -> bool:
        if type(value) is not dict:
            self._add(where, "not an object")
            return True
        if not keys <= value.keys():
            self._add(where, "no " + ", ".join(repr(key) for key in sorted(keys - value.keys())))
            return True
        return False

    def supplier(self, i: int, entry: Any) -> None:
        """The i-th supplier entry."""
        where = f"$.suppliers[{i}]"
        if not self._missing(where, entry, SUPPLIER_KEYS):
            self._scores(f"{where}.risk", entry["risk"])
            self._scores(f"{where}.exposure", entry["exposure"])
            for key in _LISTS:
                if type(entry[key]) is not list:
                    self._add(f"{where}.{key}", "not a list")

    def flag(self, i: int, flag: Any) -> None:
        """The i-th flag."""
        where = f"$.flags[{i}]"
        if not self._missing(where, flag, FLAG_KEYS):
            if flag["level"] not in LEVELS:
                self._add(f"{where}.level", f"unknown level {flag['level']!r}")
            if flag["risk_type"] not in RISK_TYPES:
                self._add(f"{where}.risk_type", f"unknown risk type {flag['risk_type']!r}")
            if "basis" not in flag and not flag.keys() >= _INLINE_FLAG_KEYS:
                self._add(where, "neither a 'basis' (2.x) nor its reason and path (1.x)")

    def suppliers(self, entries: list[Any]) -> None:
        """Every supplier entry of a list read whole: in C-level passes over the list, and
        entry by entry (to find where) only when those find something wrong."""
        if not self._all_good(entries):
            deque(map(self.supplier, range(len(entries)), entries), maxlen=0)

    @staticmethod
    def _all_good(entries: list[Any]) -> bool:
        if not (_all_dicts(entries) and all(map(le, repeat(SUPPLIER_KEYS), map(_keys, entries)))):
            return False
        if not all(_all_lists(list(map(itemgetter(key), entries))) for key in _LISTS):
            return False
        for key in ("risk", "exposure"):
            by_type = list(map(itemgetter(key), entries))
            if not (_all_dicts(by_type) and all(map(le, repeat(_RISK_SET), map(_keys, by_type)))):
                return False
            scores = list(chain.from_iterable(map(dict.values, by_type)))
            try:
                if not (
                    _all_dicts(scores)
                    and set(map(itemgetter("level"), scores)) <= _LEVEL_SET
                    and all(map(contains, scores, repeat("priority")))
                ):
                    return False
            except (KeyError, TypeError):  # a score without a level, or a level not a text
                return False
        return True

    def flags(self, flags: list[Any]) -> None:
        """Every flag of a list read whole, as `suppliers` checks supplier entries."""
        try:
            good = (
                _all_dicts(flags)
                and all(map(le, repeat(FLAG_KEYS), map(_keys, flags)))
                and set(map(itemgetter("level"), flags)) <= _LEVEL_SET
                and set(map(itemgetter("risk_type"), flags)) <= _RISK_SET
                and (
                    all(map(contains, flags, repeat("basis")))
                    or all(map(le, repeat(_INLINE_FLAG_KEYS), map(_keys, flags)))
                )
            )
        except TypeError:  # a level or risk type that is not a text
            good = False
        if not good:
            deque(map(self.flag, range(len(flags)), flags), maxlen=0)

    def references(self, document: dict[str, Any]) -> None:
        """Each 2.x flag names a supplier entry of the document and a basis of its `bases`
        (a supplier entry deleted by hand leaves its flags pointing nowhere)."""
        flags = [flag for flag in document["flags"] if type(flag) is dict and "basis" in flag]
        if not flags:
            return
        bases = document.get("bases")
        try:
            ids = set(map(itemgetter("id"), document["suppliers"]))
            unknown = set(map(itemgetter("supplier_id"), flags)) - ids
            if unknown:
                self._add(
                    "$.flags",
                    f"{_count(flags, 'supplier_id', unknown)} name a supplier"
                    f" not in $.suppliers, such as {min(unknown, key=str)!r}",
                )
            if type(bases) is not dict:
                self._add("$.bases", "not an object")
                return
            missing = set(map(itemgetter("basis"), flags)) - bases.keys()
        except (KeyError, TypeError):  # ids checked elsewhere; one that is not a text
            self._add("$.flags", "a supplier id or basis that is not a text")
            return
        if missing:
            self._add(
                "$.flags",
                f"{_count(flags, 'basis', missing)} name a basis not in"
                f" $.bases, such as {min(missing, key=str)!r}",
            )
        for key, basis in bases.items():
            if (
                type(basis) is not dict
                or type(basis.get("reason")) is not str
                or not all(type(basis.get(part)) is list for part in ("evidence", "remediation"))
            ):
                self._add(f"$.bases.{key}", "not a reason with evidence and remediation lists")

    def top(self, document: dict[str, Any]) -> None:
        """The company, the summary and the other top-level parts."""
        if not self._missing("$.company", document.get("company"), COMPANY_KEYS):
            self._scores("$.company.exposure", document["company"]["exposure"])
        summary: Any = document.get("summary")
        if not self._missing("$.summary", summary, SUMMARY_KEYS):
            self._scores("$.summary.exposure", summary["exposure"])
            by_level = summary["flags_by_level"]
            if type(by_level) is not dict or not set(LEVELS) <= by_level.keys():
                self._add("$.summary.flags_by_level", "not a count per level")
            if type(summary["tier1_ranking"]) is not list:
                self._add("$.summary.tier1_ranking", "not a list")
            if type(summary["flags_by_risk_type"]) is not dict:
                self._add("$.summary.flags_by_risk_type", "not an object")
        # (tool, profiles, input and company are checked by every reader: check_assessment)
        for key in ("options", "evidence", "measures"):
            if key in document and type(document[key]) is not dict:
                self._add(f"$.{key}", "not an object")
        for key in ("data_gaps", "warnings", "sources"):
            if key in document and type(document[key]) is not list:
                self._add(f"$.{key}", "not a list")

    def reason(self) -> str | None:
        """The problems found, as one text; None when there are none."""
        if not self.count:
            return None
        more = self.count - len(self.problems)
        return "; ".join(self.problems) + (f"; and {more:,} more" if more else "")
