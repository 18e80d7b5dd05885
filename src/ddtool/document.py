"""Helpers for reading an assessment document (the JSON contract) in reporters."""

from __future__ import annotations

from typing import Any


def _resolve(
    document: dict[str, Any], flag: dict[str, Any], key: str, catalogue: str, with_id: bool
) -> list[dict[str, Any]]:
    """Items of a flag listed by id (schema 1.x) and stored once in a top-level catalogue;
    items given inline (dicts) are passed through."""
    stored = document.get(catalogue, {})
    out: list[dict[str, Any]] = []
    for item in flag.get(key, []):
        if isinstance(item, dict):
            out.append(item)
        elif item in stored:
            out.append({"id": item, **stored[item]} if with_id else stored[item])
    return out


def flag_measures(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The remediation measures of a flag, from the document's `measures` catalogue."""
    return _resolve(document, flag, "remediation", "measures", with_id=True)


def flag_evidence(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a flag, from the document's `evidence` catalogue."""
    return _resolve(document, flag, "evidence", "evidence", with_id=False)
