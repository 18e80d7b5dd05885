"""SOURCE_DATE_EPOCH is read as the reproducible-builds rule writes it: ASCII digits only."""

from __future__ import annotations

import datetime as dt

import pytest

from ddtool.assess import source_date
from ddtool.errors import DdtoolError

ACCEPTED = [
    ("0", dt.datetime(1970, 1, 1, tzinfo=dt.UTC)),
    ("1767225600", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
    ("01767225600", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)),
]

REFUSED = [
    "1_767_225_600",  # (int() takes underscores)
    "+1767225600",  # (and a sign)
    " 1767225600",  # (and spaces around)
    "1767225600 ",
    "1767225600\n",
    "\u0661\u0667\u0666\u0667\u0662\u0662\u0665\u0666\u0660\u0660",  # (Arabic-Indic digits)
    "\uff11\uff17\uff16\uff17\uff12\uff12\uff15\uff16\uff10\uff10",  # (full-width digits)
    "-1767225600",
    "-0",
    "1767225600.0",
    "1.5e9",
    "abc",
    "99999999999999",
]


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_ascii_digits_pin_the_date(
    value: str, expected: dt.datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert source_date() == expected


@pytest.mark.parametrize("value", REFUSED)
def test_anything_but_ascii_digits_is_an_error(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(DdtoolError, match="SOURCE_DATE_EPOCH"):
        source_date()


def test_unset_or_empty_pins_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert source_date() is None
