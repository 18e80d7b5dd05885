"""A supplier listed twice by a hand-kept list, its name written once with the accents and
punctuation of its country and once without ("Ordu Fındık Ltd. Şti.", "Ordu Findik Ltd
Sti"): warned of as a possible duplicate, as one written twice alike is. Before, only case
and spaces were set aside, and the two were counted, rolled up and flagged apart."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ddtool.sources import ReadOptions, read_chain
from ddtool.validate import validate_chain

CASES = [
    pytest.param("Ordu Fındık Ltd. Şti.", "Ordu Findik Ltd Sti", True, id="Turkish letters"),
    pytest.param("Alpha GmbH", "Alpha-GmbH", True, id="a hyphen"),
    pytest.param("Café São Paulo Ltda.", "Cafe Sao Paulo Ltda", True, id="accents"),
    pytest.param("Asante Coop", "ASANTE  COOP", True, id="case and spaces, as before"),
    # other names, or one name in another country: no warning
    pytest.param("Alpha GmbH", "Alpha 2 GmbH", False, id="another name"),
    pytest.param("Alpha GmbH", "Alphab GmbH", False, id="another letter"),
]


@pytest.mark.parametrize(("first", "second", "warned"), CASES)
def test_names_written_alike_are_possible_duplicates(
    tmp_path: Path, first: str, second: str, warned: bool
) -> None:
    path = tmp_path / "chain.yaml"
    suppliers = [
        {"id": "A1", "name": first, "country": "TUR", "sector": "hazelnut-farming"},
        {"id": "A2", "name": second, "country": "TUR", "sector": "hazelnut-farming"},
    ]
    path.write_text(yaml.safe_dump({"company": {"name": "X"}, "suppliers": suppliers}), "utf-8")
    result = validate_chain([path], ReadOptions())
    found = [p for p in result.problems if p.type == "possible-duplicate"]
    assert bool(found) is warned
    if warned and first.casefold().split() != second.casefold().split():
        assert f"names written alike ({first!r}, {second!r})" in found[0].message
    chain, _ = read_chain([path])
    assert len(chain.suppliers) == 2  # (told, never merged)
