"""The same chain gives the same numbers whatever order its file lists the suppliers and
their buyers in: the weighted exposure adds floats, whose sum depends on their order."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from ddtool.assess import assess

SAMPLES = Path(__file__).resolve().parents[2] / "sample_chains"


def _flat(suppliers: list[dict[str, Any]], buyer: str | None, out: list[dict[str, Any]]) -> None:
    """The nested form's suppliers as one flat list, each naming its buyers."""
    for entry in suppliers:
        record = dict(entry)
        below = record.pop("suppliers", [])
        if buyer is not None:
            buyers = list(record.get("buyers", []))
            if buyer not in buyers:
                buyers.append(buyer)
            record["buyers"] = buyers
        out.append(record)
        _flat(below, record["id"], out)


def _reordered(source: Path, target: Path, seed: int) -> Path:
    """The chain flattened, its suppliers shuffled and each one's buyers reversed."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    flat: list[dict[str, Any]] = []
    _flat(data["suppliers"], None, flat)
    random.Random(seed).shuffle(flat)
    for record in flat:
        if "buyers" in record:
            record["buyers"] = record["buyers"][::-1]
    data["suppliers"] = flat
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return target


def _figures(path: Path) -> dict[str, Any]:
    """The document without what names the file (its path, hash, the lines of warnings)."""
    document = assess([path]).data
    for key in ("input", "generated_at"):
        document.pop(key)
    document["warnings"] = sorted((w["type"], w["message"]) for w in document["warnings"])
    return document


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_row_order_changes_no_figure(tmp_path: Path, sample: str, seed: int) -> None:
    in_order = _reordered(SAMPLES / sample, tmp_path / "in-order.yaml", seed=-1)
    shuffled = _reordered(SAMPLES / sample, tmp_path / "shuffled.yaml", seed=seed)
    assert _figures(shuffled) == _figures(in_order)
