"""Assessment settings: level thresholds, flag level, scoring weights (ddtool.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ddtool.errors import InputError, Location, Problem


class Thresholds(BaseModel):
    """Lower bounds of priority for each level above 'low'."""

    model_config = ConfigDict(extra="forbid")

    medium: float = Field(0.3, ge=0, le=1)
    high: float = Field(0.5, ge=0, le=1)
    critical: float = Field(0.7, ge=0, le=1)

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if not self.medium <= self.high <= self.critical:
            raise ValueError("thresholds must satisfy medium <= high <= critical")
        return self

    def level(self, priority: float) -> str:
        if priority >= self.critical:
            return "critical"
        if priority >= self.high:
            return "high"
        if priority >= self.medium:
            return "medium"
        return "low"


class Scoring(BaseModel):
    """Weights and bounds of the scoring method (see docs/methodology.md)."""

    model_config = ConfigDict(extra="forbid")

    sector_weight: float = Field(0.5, ge=0, le=1)
    listing_floor: float = Field(0.8, ge=0, le=1)
    forced_child_labour_floor: float = Field(0.9, ge=0, le=1)
    listing_severity_floor: float = Field(0.7, ge=0, le=1)
    downstream_floor: float = Field(0.6, ge=0, le=1)
    no_data_country_score: float = Field(0.5, ge=0, le=1)
    no_data_sector_score: float = Field(0.5, ge=0, le=1)
    migrant_uplift: float = Field(0.1, ge=0, le=0.5)
    failed_audit_uplift: float = Field(0.1, ge=0, le=0.5)
    certification_credit: float = Field(0.05, ge=0, le=0.2)
    audit_credit: float = Field(0.05, ge=0, le=0.2)
    max_mitigation: float = Field(0.15, ge=0, le=0.5)
    audit_valid_months: int = Field(24, ge=1, le=120)
    inference_depth: int = Field(8, ge=1, le=20)
    own_country_lean: float = Field(0.5, ge=0, le=1)


class Config(BaseModel):
    """Everything a ddtool.yaml may set."""

    model_config = ConfigDict(extra="forbid")

    thresholds: Thresholds = Thresholds()
    flag_level: Literal["low", "medium", "high", "critical"] = "medium"
    scoring: Scoring = Scoring()
    columns: dict[str, str] = Field(default_factory=dict)
    recognised_certifications: list[str] = Field(
        default_factory=lambda: [
            "Rainforest Alliance",
            "UTZ",
            "Fairtrade",
            "Fair Trade USA",
            "SA8000",
            "SMETA",
            "amfori BSCI",
            "BSCI",
            "WRAP",
            "Fair Wear",
            "Fair Labor Association",
            "FLA",
            "RMAP",
            "RMI",
            "IRMA",
            "Fairmined",
            "Better Cotton",
            "BCI",
            "GOTS",
            "Bonsucro",
            "RSPO",
            "ASC",
            "BAP",
            "Fair Trade",
            "4C",
            "Fair for Life",
            "SLCP",
            "RBA",
            "Fishing Industry Association",
            "MSC",
        ]
    )

    def column_map(self, given: dict[str, str]) -> dict[str, str]:
        """The column names to read: this config's, overridden by those given (--map)."""
        return {**self.columns, **given}


def load_config(path: Path | None) -> Config:
    """Read ddtool.yaml; a bad file is an InputError located at the file (and key)."""
    if path is None:
        return Config()
    where = Location(str(path))
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise InputError([Problem("config-unreadable", f"cannot read: {e.strerror}", where)]) from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise InputError(
            [Problem("config-syntax", f"invalid YAML: {e}", Location(str(path), line=line))]
        ) from e
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        problems = [
            Problem(
                "config-invalid",
                f"{'.'.join(str(p) for p in err['loc']) or '(top)'}: {err['msg']}",
                where,
            )
            for err in e.errors()
        ]
        raise InputError(problems) from e
