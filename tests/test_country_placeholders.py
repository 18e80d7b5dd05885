"""A supplier whose country is a placeholder with its letters apart ("n.a.", "S/D") is
scored as one of unknown country, with the worst case the gap may hide (methodology 4.1), as
one written "n/a" is; and a placeholder that could be taken for a code is said to be one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ddtool.assess import assess

# id, the country as written, the warning's message (None: no warning)
FARMS: list[tuple[str, str, str | None]] = [
    ("F0", "n/a", None),
    ("F1", "n.a.", "not as Namibia (for Namibia, write 'Namibia' or 'NAM')"),
    ("F2", "N-A", "not as Namibia (for Namibia, write 'Namibia' or 'NAM')"),
    ("F3", "S/D", None),
    ("F4", "S.D.", "not as Sudan (for Sudan, write 'Sudan' or 'SDN')"),
    ("F5", "s/n", None),
    ("F6", "s.d.", "not as Sudan (for Sudan, write 'Sudan' or 'SDN')"),
    ("F7", "N/A.", None),
]


@pytest.fixture(scope="module")
def assessed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path: Path = tmp_path_factory.mktemp("farms") / "farms.csv"
    rows = [f'{id_},Cocoa farm {id_},"{country}",cocoa farming' for id_, country, _ in FARMS]
    path.write_text("id,name,country,sector\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data: dict[str, Any] = assess([path]).data
    return data


@pytest.mark.parametrize(("supplier", "written", "said"), FARMS, ids=[f[1] for f in FARMS])
def test_a_placeholder_country_is_scored_as_unknown(
    assessed: dict[str, Any], supplier: str, written: str, said: str | None
) -> None:
    suppliers = {s["id"]: s for s in assessed["suppliers"]}
    farm = suppliers[supplier]
    assert farm["country"] is None
    assert "country unknown" in [
        g["gap"] for g in assessed["data_gaps"] if g["supplier_id"] == supplier
    ]
    # scored as the farm written "n/a": the unknown-country worst case, not Namibia's figures
    assert farm["risk"] == suppliers["F0"]["risk"]
    assert farm["risk"]["child_labour"]["level"] in ("high", "critical")
    warnings = [
        w["message"]
        for w in assessed["warnings"]
        if w["location"]["row"] == FARMS.index((supplier, written, said)) + 2
    ]
    if said is None:
        assert warnings == []
    else:
        assert [w["type"] for w in assessed["warnings"] if w["message"] in warnings] == [
            "country-not-available"
        ]
        assert warnings == [f"country {written!r} is read as 'not available' (a data gap), {said}"]
