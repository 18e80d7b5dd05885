"""Helpers for reading an assessment document (the JSON contract) in reporters."""

from __future__ import annotations

from typing import Any


def flag_measures(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The remediation measures of a flag, resolved from the document's `measures` catalogue.

    Flags list measure ids (schema 1.x); each measure is stored once under `measures`.
    """
    catalogue = document.get("measures", {})
    out: list[dict[str, Any]] = []
    for item in flag.get("remediation", []):
        if isinstance(item, dict):
            out.append(item)
        elif item in catalogue:
            out.append({"id": item, **catalogue[item]})
    return out


def flag_evidence(document: dict[str, Any], flag: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a flag, resolved from the document's `evidence` catalogue.

    Flags list evidence ids (schema 1.x); each fact is stored once under `evidence`.
    """
    catalogue = document.get("evidence", {})
    out: list[dict[str, Any]] = []
    for item in flag.get("evidence", []):
        if isinstance(item, dict):
            out.append(item)
        elif item in catalogue:
            out.append(catalogue[item])
    return out
