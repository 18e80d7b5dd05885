"""The assessment document: schema-2 flags joined with their supplier and basis, 1.x compatibility,
and the chunked JSON writer."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import orjson
import pytest

from ddtool.assess import assess
from ddtool.diff import diff_assessments, is_empty
from ddtool.document import register
from ddtool.reporters.csv_report import render_csv
from ddtool.reporters.json_report import CHUNK, JsonReporter, dump_bytes, iter_compact
from ddtool.reporters.markdown_report import render_markdown

SAMPLES = Path(__file__).resolve().parent.parent / "sample_chains"
JOINED = ("supplier_name", "path", "country", "sector", "tiers", "data_gaps", "reason")


@pytest.fixture(scope="module")
def cocoa() -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1764028800")
        return assess([SAMPLES / "cocoa.yaml"]).data


def as_schema_1(document: dict[str, Any]) -> dict[str, Any]:
    """The same assessment in the 1.x layout: every flag holding its fields inline."""
    old = copy.deepcopy(document)
    old["flags"] = [{k: v for k, v in f.items() if k != "basis"} for f in register(old)]
    del old["bases"]
    old["schema_version"] = "1.0"
    return old


def test_register_joins_each_flag_with_its_supplier_and_basis(cocoa: dict[str, Any]) -> None:
    suppliers = {s["id"]: s for s in cocoa["suppliers"]}
    joined = list(register(cocoa))
    assert len(joined) == len(cocoa["flags"]) > 20
    for slim, flag in zip(cocoa["flags"], joined, strict=True):
        supplier = suppliers[slim["supplier_id"]]
        basis = cocoa["bases"][slim["basis"]]
        assert flag["supplier_name"] == supplier["name"]
        assert flag["path"] == supplier["path"] and flag["path"][-1] == supplier["id"]
        assert flag["tiers"] == supplier["tiers"] and flag["sector"] == supplier["sector"]
        assert flag["reason"] == basis["reason"] and flag["evidence"] == basis["evidence"]
        assert flag["remediation"] == basis["remediation"]
        if slim["inferred"]:  # the worst-case origin
            assert flag["country"] == supplier["worst_case"][slim["risk_type"]]["country"]
        else:
            assert flag["country"] == supplier["country"]
        assert {k: flag[k] for k in slim} == slim  # the flag's own fields unchanged


def test_bases_are_shared_and_every_one_is_used(cocoa: dict[str, Any]) -> None:
    used = {f["basis"] for f in cocoa["flags"]}
    assert used == set(cocoa["bases"])
    assert len(used) < len(cocoa["flags"])  # suppliers with the same score share a basis
    assert list(cocoa["bases"]) == sorted(cocoa["bases"])
    for basis in cocoa["bases"].values():
        assert basis["reason"] and basis["evidence"] and basis["remediation"]
        assert all(e in cocoa["evidence"] for e in basis["evidence"])
        assert all(m in cocoa["measures"] for m in basis["remediation"])


def test_register_passes_1x_flags_through(cocoa: dict[str, Any]) -> None:
    old = as_schema_1(cocoa)
    assert list(register(old)) == old["flags"]
    assert [f[k] for f in register(old) for k in JOINED] == [
        f[k] for f in register(cocoa) for k in JOINED
    ]


def test_a_1x_document_diffs_empty_against_the_same_2x_one(cocoa: dict[str, Any]) -> None:
    old = as_schema_1(cocoa)
    assert is_empty(diff_assessments(old, cocoa))
    assert is_empty(diff_assessments(cocoa, old))


@pytest.mark.parametrize("render", [render_csv, render_markdown], ids=["csv", "markdown"])
def test_reports_of_1x_and_2x_documents_are_identical(cocoa: dict[str, Any], render: Any) -> None:
    assert render(as_schema_1(cocoa)) == render(cocoa)


def test_register_limit_and_unknown_references(cocoa: dict[str, Any]) -> None:
    assert [f["id"] for f in register(cocoa, 3)] == [f["id"] for f in cocoa["flags"][:3]]
    broken = {**cocoa, "flags": [{**cocoa["flags"][0], "basis": "BA-missing"}], "suppliers": []}
    (flag,) = register(broken)
    assert flag["reason"] == "" and flag["evidence"] == [] and flag["path"] == []


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 3])
def test_compact_pieces_join_to_exactly_the_orjson_document(size: int) -> None:
    document = {
        "schema_version": "2.0",
        "suppliers": [{"id": f"S{i}", "tiers": [1]} for i in range(size)],
        "flags": [{"id": f"F{i}", "priority": i / 7} for i in range(size)],
        "summary": {"flags": size, "nested": [[], {}]},
    }
    assert b"".join(iter_compact(document)) == orjson.dumps(document) + b"\n"


def test_large_json_is_written_compact_and_reads_back(tmp_path: Path) -> None:
    suppliers = [{"id": f"S{i}", "name": "é" * (i % 3)} for i in range(CHUNK + 5001)]
    document = {"schema_version": "2.0", "suppliers": suppliers, "flags": []}
    out = tmp_path / "big.json"
    JsonReporter().write(document, out)
    raw = out.read_bytes()
    assert raw == dump_bytes(document) and raw.endswith(b"}\n") and b"\n" not in raw[:-1]
    assert json.loads(raw) == document
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failing_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ddtool.reporters.json_report as json_report

    def broken(pieces: Any, handle: Any) -> None:
        for i, piece in enumerate(pieces):
            handle.write(piece)
            if i == 3:
                raise OSError(28, "No space left on device")

    monkeypatch.setattr(json_report, "write_pieces", broken)
    out = tmp_path / "big.json"
    out.write_text("previous", encoding="utf-8")
    document = {"suppliers": [{"id": str(i)} for i in range(CHUNK * 2)], "flags": []}
    with pytest.raises(OSError, match="No space"):
        JsonReporter().write(document, out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert not list(tmp_path.glob(".*.tmp"))


def test_writer_thread_errors_reach_the_caller(tmp_path: Path) -> None:
    from ddtool.reporters.json_report import write_pieces

    class Full:
        def __init__(self) -> None:
            self.calls = 0

        def write(self, data: bytes) -> int:
            self.calls += 1
            if self.calls == 2:
                raise OSError(28, "No space left on device")
            return len(data)

    handle = Full()
    with pytest.raises(OSError, match="No space"):
        write_pieces(iter([b"a"] * 50), handle)  # type: ignore[arg-type]
    assert handle.calls == 2  # nothing written after the failure


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_summary_counts_are_the_flags_counted(sample: str) -> None:
    document = assess([SAMPLES / sample]).data
    flags = document["flags"]
    summary = document["summary"]
    assert summary["flags"] == len(flags)
    assert summary["flags_by_level"] == {
        level: sum(1 for f in flags if f["level"] == level)
        for level in ("low", "medium", "high", "critical")
    }
    assert summary["flags_by_risk_type"] == {
        rt: sum(1 for f in flags if f["risk_type"] == rt)
        for rt in ("child_labour", "forced_labour", "human_trafficking")
    }
    rank = {"child_labour": 0, "forced_labour": 1, "human_trafficking": 2}
    ordered = [(-f["priority"], f["supplier_id"], rank[f["risk_type"]]) for f in flags]
    assert ordered == sorted(ordered) and len(set(ordered)) == len(ordered)


@pytest.mark.parametrize("failure", ["none", "zero", "partial"])
def test_a_spilled_part_is_copied_whole_however_the_kernel_copy_goes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, failure: str
) -> None:
    import os

    from ddtool.reporters.json_report import copy_file

    real = getattr(os, "copy_file_range", None)

    def copy(src: int, dst: int, count: int, *args: Any) -> int:
        if failure == "zero":
            return 0  # copies nothing (as some file systems do)
        if failure == "partial":
            if os.lseek(src, 0, os.SEEK_CUR) >= 1000:
                raise OSError(18, "cross-device")
            count = min(count, 1000)
        if real is None:
            data = os.read(src, count)
            return os.write(dst, data)
        return int(real(src, dst, count, *args))

    monkeypatch.setattr(os, "copy_file_range", copy, raising=False)
    payload = bytes(range(256)) * 40
    spill = tmp_path / "spill"
    spill.write_bytes(b"skip" + payload)
    with open(spill, "rb") as source, open(tmp_path / "out", "wb") as target:
        target.write(b"head")  # buffered, not yet flushed
        source.seek(4)
        copy_file(source, target)
        target.write(b"tail")
    assert (tmp_path / "out").read_bytes() == b"head" + payload + b"tail"


@pytest.mark.parametrize("sample", ["garment.yaml", "cocoa.yaml", "services.yaml"])
def test_the_data_gap_counts_add_up_to_the_total(sample: str) -> None:
    import re

    from ddtool.document import gap_counts

    document = assess([SAMPLES / sample]).data
    text = gap_counts(document)
    total, parts = re.fullmatch(r"(\d+) \((.*)\)", text).groups()  # type: ignore[union-attr]
    assert int(total) == document["summary"]["data_gaps"]
    # ("5 inferred suppliers, 3 of these without country": both counted)
    assert sum(map(int, re.findall(r"\b\d+\b", parts))) == int(total), text


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        ((13, 1, 1, 9), "13 (1 without country, 1 without sector, 9 inferred suppliers, 2 other"),
        ((11, 1, 1, 9), "11 (1 without country, 1 without sector, 9 inferred suppliers)"),
        ((0, 0, 0, 0), "0 (0 without country, 0 without sector, 0 inferred suppliers)"),
    ],
)
def test_gap_counts_name_the_rest(counts: tuple[int, int, int, int], text: str) -> None:
    from ddtool.document import gap_counts

    total, country, sector, inferred = counts
    summary = {
        "data_gaps": total,
        "suppliers_without_country": country,
        "suppliers_without_sector": sector,
        "inferred_suppliers": inferred,
    }
    # (a document without its list of gaps: the summary's counts, the rest "other")
    assert gap_counts({"summary": summary}).startswith(text)
