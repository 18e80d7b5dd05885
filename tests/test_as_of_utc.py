"""The as-of date a run takes by itself is the UTC date, as generated_at and SOURCE_DATE_EPOCH
are: on a machine whose local date is another, one input at one moment gives the same levels."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ddtool.assess import AssessOptions, assess, run_date
from ddtool.batch import BatchOptions, _run_date

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def other_local_date(monkeypatch: pytest.MonkeyPatch) -> Iterator[dt.date]:
    """A time zone in which the local date is not the UTC date, now: UTC-12 until 11:00 UTC
    (the local date is yesterday's), UTC+14 from then on (tomorrow's); an hour to spare
    either way. Yields the UTC date."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    hour = dt.datetime.now(dt.UTC).hour
    monkeypatch.setenv("TZ", "Etc/GMT+12" if hour < 11 else "Etc/GMT-14")
    time.tzset()
    try:
        assert dt.date.today() != dt.datetime.now(dt.UTC).date()  # (the zone is in effect)
        yield dt.datetime.now(dt.UTC).date()
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_run_date_is_the_utc_date(other_local_date: dt.date) -> None:
    assert run_date() == other_local_date
    assert _run_date(BatchOptions()) == other_local_date


def test_an_assessment_is_as_of_the_date_of_its_generated_at(other_local_date: dt.date) -> None:
    document = assess([ROOT / "sample_chains" / "coffee.yaml"], AssessOptions()).data
    assert document["options"]["as_of"] == other_local_date.isoformat()
    assert document["generated_at"].startswith(other_local_date.isoformat())


def test_source_date_epoch_gives_its_utc_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225599")  # (2025-12-31 23:59:59 UTC)
    monkeypatch.setenv("TZ", "Etc/GMT-14")  # (2026-01-01 there)
    time.tzset()
    try:
        assert run_date() == dt.date(2025, 12, 31)
    finally:
        monkeypatch.undo()
        time.tzset()
