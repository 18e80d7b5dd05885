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


# which data-gap measure closes which gap (ids in risk_profiles/remediation.yaml)
GAP_MEASURES: tuple[tuple[str, str], ...] = (
    ("country unknown", "gap-origin-country"),
    ("sector", "gap-sector-products"),
    ("no country data", "gap-audit-reports"),
    ("tiers below not mapped", "gap-map-tier2"),
)


def measures_for_flag(
    profiles: Profiles, risk_type: str, sector: str | None, inferred: bool, gaps: list[str]
) -> list[dict[str, Any]]:
    """Measures for one flag: the steps that close its data gaps first, then the risk's own."""
    by_id = {m.id: m for m in profiles.measures}
    chosen: list[Measure] = []
    if inferred:  # (nobody to ask at an inferred stage: the supplier above it is asked)
        first = by_id.get("gap-map-inferred") or by_id.get("gap-map-tier2")
        if first is not None:
            chosen.append(first)
        chosen.extend(m for m in profiles.measures_for("data_gap", sector) if sector in m.sectors)
    for gap in gaps:
        for needle, measure_id in GAP_MEASURES:
            if inferred and measure_id == "gap-map-tier2":
                continue  # (mapping beneath it is mapping it: the measure above says so)
            if needle in gap and measure_id in by_id and by_id[measure_id] not in chosen:
                chosen.append(by_id[measure_id])
    chosen = chosen[:3]
    budget = MAX_MEASURES - len(chosen)
    risk_measures = profiles.measures_for(risk_type, sector)
    risk_measures = [m for m in risk_measures if m not in chosen]
    specific = [m for m in risk_measures if sector in m.sectors]
    generic = [m for m in risk_measures if m not in specific]
    picked = (specific + generic)[:budget]
    order = {step: i for i, (step, _) in enumerate(profiles.steps)}
    picked.sort(key=lambda m: (order.get(m.step, 99), m.id))
    chosen.extend(picked)
    return [measure_dict(m, profiles) for m in chosen]
