"""`ddtool batch` summary levels and options: a low level on missing data reads "low (data
gap)", and a badly written --scheduler or --format is a usage error before any work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from batch_support import copy_members, read_summary
from openpyxl import load_workbook
from typer.testing import CliRunner

from ddtool.batch import BatchError, BatchOptions, level_shown, parse_formats, run_batch
from ddtool.cli import app

MONACO = """\
company: {name: Monaco Services SAM, country: Monaco, sector: financial-services}
suppliers:
  - {id: M1, name: Legal Monaco, country: MCO, sector: legal-services}
  - {id: M2, name: Accounting Monaco, country: Monaco, sector: accounting-services}
"""
RISK_TYPES = ("child_labour", "forced_labour", "human_trafficking")
# each exposure with the gaps of its own risk type
NO_COUNTRY_DATA = {rt: [f"no country data for {rt}"] for rt in RISK_TYPES}


def test_a_low_exposure_on_missing_data_is_marked_in_the_summary(tmp_path: Path) -> None:
    """Monaco (no country data) ranked "low", coloured green as low risk, with only its
    data-gap rate beside it."""
    folder = copy_members(tmp_path / "in", "services")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    ranking = {row["member"]: row for row in read_summary(out)["ranking"]}
    for rt in RISK_TYPES:
        monaco, services = ranking["monaco"]["exposure"][rt], ranking["services"]["exposure"][rt]
        assert (monaco["level"], monaco["data_gaps"]) == ("low", NO_COUNTRY_DATA[rt])
        assert (services["level"], services["data_gaps"]) == ("low", [])
    sheet = load_workbook(out / "summary.xlsx")["Ranking"]
    header = [cell.value for cell in sheet[1]]
    levels = [header.index(f"{rt.replace('_', ' ')}: exposure") for rt in RISK_TYPES]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    assert [rows["monaco"][i].value for i in levels] == ["low (data gap)"] * 3
    assert [rows["services"][i].value for i in levels] == ["low"] * 3
    assert rows["services"][1].fill.fgColor.rgb == "FFC6EFCE"  # low: green
    assert rows["monaco"][1].fill.fill_type is None  # not coloured as low risk


def test_a_resumed_member_of_an_earlier_version_gets_its_data_gaps(tmp_path: Path) -> None:
    """A result.json without data_gaps (written before they were kept) is not re-assessed:
    its figures are read again from its assessment."""
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    result = out / "monaco" / "result.json"
    record = json.loads(result.read_text(encoding="utf-8"))
    for exposure in record["exposure"].values():
        del exposure["data_gaps"]
    result.write_text(json.dumps(record), encoding="utf-8")
    again = run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1, resume=True))
    assert again.skipped == 1
    exposure = read_summary(out)["ranking"][0]["exposure"]["child_labour"]
    assert exposure["data_gaps"] == NO_COUNTRY_DATA["child_labour"]


@pytest.mark.parametrize("resumed", [False, True], ids=["run", "resumed from an earlier version"])
def test_low_flags_on_missing_data_are_counted_apart_from_low(
    tmp_path: Path, resumed: bool
) -> None:
    """With low flags listed, Monaco's six (no country data) are "Low (data gap)" in the
    Ranking, not "Low"; a supplier with complete data keeps its plain low ones. A result.json
    written before they were counted gets the count from its assessment."""
    import json

    folder = copy_members(tmp_path / "in", "services")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    config = tmp_path / "low.yaml"
    config.write_text("flag_level: low\n", encoding="utf-8")
    out = tmp_path / "out"
    options = BatchOptions(formats=(".json",), jobs=1, config=str(config))
    run_batch([folder], out, options)
    if resumed:
        result = out / "monaco" / "result.json"
        record = json.loads(result.read_text(encoding="utf-8"))
        del record["flags_low_on_a_gap"]
        result.write_text(json.dumps(record), encoding="utf-8")
        options.resume = True
        assert run_batch([folder], out, options).skipped == 2
    ranking = {row["member"]: row for row in read_summary(out)["ranking"]}
    monaco, services = ranking["monaco"], ranking["services"]
    assert (monaco["flags_by_level"]["low"], monaco["flags_low_on_a_gap"]) == (6, 6)
    assert services["flags_by_level"]["low"] > 0 and services["flags_low_on_a_gap"] == 0
    sheet = load_workbook(out / "summary.xlsx")["Ranking"]
    header = [cell.value for cell in sheet[1]]
    rows = {
        row[1]: dict(zip(header, row, strict=True))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert (rows["monaco"]["Low (data gap)"], rows["monaco"]["Low"]) == (6, 0)
    assert rows["services"]["Low (data gap)"] == 0
    assert rows["services"]["Low"] == services["flags_by_level"]["low"]


LEVELS_SHOWN: list[tuple[dict[str, Any], str]] = [
    ({"level": "low", "data_gaps": ["country unknown"]}, "low (data gap)"),
    ({"level": "low", "data_gaps": []}, "low"),
    ({"level": "low"}, "low"),  # (a summary of schema 1.0)
    # (a level above low with gaps: a supplier low on missing data beside its maximum)
    ({"level": "high", "data_gaps": ["country unknown"]}, "high (data gap)"),
    ({"level": "medium", "data_gaps": ["country unknown"]}, "medium (data gap)"),
    ({"level": "medium", "data_gaps": []}, "medium"),
]


@pytest.mark.parametrize(("exposure", "shown"), LEVELS_SHOWN)
def test_level_shown(exposure: dict[str, Any], shown: str) -> None:
    assert level_shown(exposure) == shown


# --scheduler as given, and why it is not an address
SCHEDULERS = [
    ("nonsense", "no port"),
    ("tcp://localhost", "no port"),
    ("http://127.0.0.1:8786", "http:// is not a Dask protocol"),
    ("", "no address"),
    ("tcp://:8786", "no host"),
    ("tcp://host:99999", "99999 is not a port number"),
    ("tcp://host:8786/status", "a path after the port"),
]


@pytest.mark.parametrize(("address", "why"), SCHEDULERS)
def test_a_badly_written_scheduler_is_a_usage_error(tmp_path: Path, address: str, why: str) -> None:
    """ "nonsense" ended in "internal error: ValueError: missing port number", and an empty
    --scheduler ran the batch locally."""
    folder = copy_members(tmp_path / "in", "services")
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--scheduler", address]
    done = CliRunner().invoke(app, args, env={"COLUMNS": "1000"})
    assert done.exit_code == 2, done.output
    assert done.output.splitlines() == [
        f"error: --scheduler {address!r}: {why}; give the Dask scheduler's address as"
        " tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"
    ]
    assert not out.exists()


FORMATS: list[tuple[str, tuple[str, ...] | str]] = [
    ("json", (".json",)),
    ("xlsx,html", (".json", ".xlsx", ".html")),
    (" HTML , .md,json,html", (".json", ".html", ".md")),
    ("", "--format: no format given; use one or more of json, xlsx, html, md, csv"),
    (" , ", "--format: no format given; use one or more of json, xlsx, html, md, csv"),
    ("pdf", "--format: unknown 'pdf'; use json, xlsx, html, md, csv (json is always written)"),
    ("xlsx,.pdf,[/]", "--format: unknown '.pdf', '[/]'; use json, xlsx, html, md, csv"),
]


@pytest.mark.parametrize(("given", "expected"), FORMATS)
def test_formats(given: str, expected: tuple[str, ...] | str) -> None:
    """`--format ""` meant json only, unsaid; "pdf" was reported as "unknown .pdf"."""
    if isinstance(expected, tuple):
        assert parse_formats(given) == expected
        return
    with pytest.raises(BatchError) as refused:
        parse_formats(given)
    assert str(refused.value).startswith(expected)


def test_the_summary_says_what_made_it_and_when_and_counts_every_level(tmp_path: Path) -> None:
    """An auditor checks the flags add up, and knows which run a summary is from."""
    folder = copy_members(tmp_path / "in", "services")
    (folder / "monaco.yaml").write_text(MONACO, encoding="utf-8")
    out = tmp_path / "out"
    run_batch([folder], out, BatchOptions(formats=(".json",), jobs=1))
    summary = read_summary(out)
    from ddtool import __version__

    assert summary["tool"] == {"name": "ddtool", "version": __version__}
    assert summary["generated_at"] == "2025-11-25T00:00:00+00:00"  # (SOURCE_DATE_EPOCH)
    book = load_workbook(out / "summary.xlsx")
    sheet = book["Ranking"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2, values_only=True):
        cells = dict(zip(header, row, strict=True))
        counts = [cells[level] for level in ("Critical", "High", "Medium", "Low (data gap)", "Low")]
        assert sum(counts) == cells["Flags"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["made by"] == f"ddtool {__version__}"
    assert about["generated at"] == "2025-11-25T00:00:00+00:00"
