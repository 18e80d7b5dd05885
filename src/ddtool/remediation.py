"""Flags → remediation measures from the catalogue, fitted to risk type, sector and data gaps."""

from __future__ import annotations

from typing import Any

from ddtool.profiles import Measure, Profiles

MAX_MEASURES = 6


def measure_dict(measure: Measure, profiles: Profiles) -> dict[str, Any]:
    return {
        "id": measure.id,
        "step": measure.step,
        "step_name": profiles.step_name(measure.step),
        "title": measure.title,
        "action": measure.action,
        "owner": measure.owner,
        "reference": measure.reference,
    }


def measures_for_flag(
    profiles: Profiles, risk_type: str, sector: str | None, inferred: bool, gaps: list[str]
) -> list[dict[str, Any]]:
    """Measures for one flag: mapping steps first where data is missing, then the risk's own."""
    chosen: list[Measure] = []
    if inferred or gaps:
        gap_measures = profiles.measures_for("data_gap", sector)
        if inferred:
            gap_measures.sort(key=lambda m: (not m.title.lower().startswith("map tier"), m.id))
        chosen.extend(gap_measures[:2])
    budget = MAX_MEASURES - len(chosen)
    risk_measures = profiles.measures_for(risk_type, sector)
    specific = [m for m in risk_measures if sector in m.sectors]
    generic = [m for m in risk_measures if m not in specific]
    picked = (specific + generic)[:budget]
    order = {step: i for i, (step, _) in enumerate(profiles.steps)}
    picked.sort(key=lambda m: (order.get(m.step, 99), m.id))
    chosen.extend(picked)
    return [measure_dict(m, profiles) for m in chosen]
