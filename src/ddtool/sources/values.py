"""Parsing of values as people write them in spreadsheets: '71.0%', '1,200', '12 %', dates."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


class ValueProblem(ValueError):
    """A value that cannot be read; the message says what was expected."""


def parse_number(value: Any) -> tuple[float, bool]:
    """A number and whether it was written with a '%' sign."""
    if isinstance(value, bool):
        raise ValueProblem(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueProblem(f"expected a finite number, got {value!r}")
        try:
            return float(value), False
        except OverflowError:  # an integer of more than 308 digits
            raise ValueProblem("expected a finite number, got an integer beyond 1e308") from None
    text = str(value).strip().replace("\u00a0", " ").replace("\u202f", " ")
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    text = text.replace(" ", "").replace("'", "")
    if "," in text and "." in text:
        # the last separator is the decimal one: "1,200.5" or "1.200,5"
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif "," in text:
        parts = text.split(",")
        lead = parts[0].lstrip("-+")
        if all(len(p) == 3 for p in parts[1:]) and lead.isdigit() and not lead.startswith("0"):
            text = text.replace(",", "")  # thousands: "1,200" (never "0,125": that is 0.125)
        else:
            text = text.replace(",", ".")  # decimal comma: "12,5"
    if not _NUMBER.match(text):
        raise ValueProblem(f"expected a number, got {str(value)[:40]!r}")
    number = float(text)
    if not math.isfinite(number):
        raise ValueProblem(f"expected a finite number, got {str(value)[:40]!r}")
    return number, percent


def parse_share(value: Any) -> float:
    """A share of the buyer's input in [0, 1]: '60%', 0.6 and '0,6' all give 0.6."""
    number, percent = parse_number(value)
    return number / 100 if percent else number


def parse_pct(value: Any, *, fraction_allowed: bool) -> float:
    """A percentage 0-100; '71.0%' gives 71.0; a spreadsheet fraction 0.71 gives 71.0."""
    number, percent = parse_number(value)
    if (
        not percent
        and fraction_allowed
        and isinstance(value, float)
        and 0 < number <= 1
        and not number.is_integer()
    ):
        return round(number * 100, 6)
    return number


_GROUPED = re.compile(r"\s*\d{1,3}(\.\d{3})+\s*")


def parse_int(value: Any) -> int:
    """A whole number such as a worker count: '1,200' and '1.200' give 1200."""
    # most counts: plain digits (up to 15: a float, as parse_number reads them, holds them
    # exactly), or a whole number from a workbook
    if type(value) is str and len(value) <= 15 and value.isascii() and value.isdigit():
        return int(value)
    if type(value) is float and value.is_integer():
        return int(value)
    if isinstance(value, str) and _GROUPED.fullmatch(value):
        value = value.replace(".", "")  # a count is never fractional: dots group thousands
    number, percent = parse_number(value)
    if percent or not number.is_integer():
        raise ValueProblem(f"expected a whole number, got {str(value)[:40]!r}")
    return int(number)


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d")


def parse_date(value: Any) -> dt.date:
    """A date: ISO 8601, 31.12.2025 or 31/12/2025 (day first), or a spreadsheet date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if "T" in text:
        text = text.split("T", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueProblem(f"expected a date such as 2025-03-14, got {text[:40]!r}")


_TIER_WORDS: tuple[tuple[str, int], ...] = (
    ("raw material extraction", 4),
    ("raw material processing", 3),
    ("raw material", 4),
    ("farm", 4),
    ("mine", 4),
    ("spinning", 3),
    ("yarn", 3),
    ("ginning", 4),
    ("material production", 2),
    ("fabric", 2),
    ("mill", 2),
    ("component", 2),
    ("trim", 2),
    ("final", 1),
    ("finished", 1),
    ("assembly", 1),
    ("cmt", 1),
    ("direct", 1),
)


# no chain is mapped 99 tiers deep: a larger number is not a tier (a code, an id)
MAX_TIER = 99
_TIERS = range(1, MAX_TIER + 1)


def parse_tier(value: Any) -> int:
    """A tier as written: 2, 'Tier 2', 'T2', or a factory type ('Fabric mill' is tier 2)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value in _TIERS:  # (1.0 is in it; 1.5, 10**400 and nan are not)
            return int(value)
        shown = f"{value!r}" if isinstance(value, float) or abs(value) < 10**15 else "a larger one"
        raise ValueProblem(f"expected a tier number from 1 to {MAX_TIER}, got {shown}")
    text = str(value).strip().casefold()
    match = re.search(r"\d+", text)
    digits = match.group().lstrip("0") if match else ""  # (a tier 0 may be a factory type)
    if digits and len(digits) <= len(str(MAX_TIER)) and int(digits) <= MAX_TIER:
        return int(digits)
    for word, tier in _TIER_WORDS:  # a factory type, or a number that is no tier ("ISO 9001")
        if word in text:
            return tier
    if digits:
        raise ValueProblem(f"expected a tier from 1 to {MAX_TIER}, got {str(value)[:40]!r}")
    raise ValueProblem(f"expected a tier such as 'Tier 2', got {str(value)[:40]!r}")


_LIST_SEPARATORS = re.compile(r"[;,|\n]")


def has_separator(text: str) -> bool:
    """Whether split_list splits text: it holds ';', ',', '|' or a new line."""
    return ";" in text or "," in text or "|" in text or "\n" in text


def split_list(value: Any) -> list[str]:
    """A list from YAML, or a cell with items separated by ';', ',', '|' or new lines."""
    if value is None:
        return []
    if type(value) is str and not has_separator(value):
        text = value.strip()  # one item (most cells): no need to split
        return [text] if text else []
    if isinstance(value, list | tuple):
        items = [str(v).strip() for v in value if v is not None]
    else:
        text = str(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        items = [part.strip() for part in _LIST_SEPARATORS.split(text)]
    return [item for item in items if item]


def as_id(value: Any) -> str:
    """An identifier: spreadsheet numbers such as 1001.0 become '1001'; accented letters in
    one form (see unicode_id)."""
    if type(value) is str:  # most ids
        text = value.strip()
        return text if text.isascii() else unicode_id(text)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if text.isascii() else unicode_id(text)


# characters that show nothing, pasted in with ids from web pages and other systems
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def unicode_id(text: str) -> str:
    """An id with letters beyond ASCII as one text whatever wrote it: 'Café' composed (NFC),
    as one system writes it, equals 'Cafe' + a combining accent, as another does; and
    invisible characters (zero-width spaces, a soft hyphen) are dropped."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE)).strip()
