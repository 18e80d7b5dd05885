"""Parsing of values as people write them in spreadsheets: '71.0%', '1,200', '12 %', dates."""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


class ValueProblem(ValueError):
    """A value that cannot be read; the message says what was expected."""


def cell_text(value: Any) -> str:
    """A value as its cell shows it, stripped: a whole number of a workbook's number cell
    as it was typed (20250314, 2025, 1001; a workbook gives them as 20250314.0)."""
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return f"{value:.0f}"  # (-0.0 too: '-0')
    return value.strip() if type(value) is str else str(value).strip()


def number_readings(column: Iterable[Any]) -> dict[Any, tuple[float, bool]]:
    """Each distinct number of a column, read once (parse_number's reading: the number, and
    whether it was written with '%'); blanks, booleans and values that are no number left
    out."""
    readings: dict[Any, tuple[float, bool]] = {}
    for value in dict.fromkeys(column):
        if value is None or type(value) is bool:
            continue
        try:
            readings[value] = parse_number(value)
        except ValueProblem:
            continue
    return readings


def parse_number(value: Any) -> tuple[float, bool]:
    """A number and whether it was written with a '%' sign (see number_text for a text
    beyond ASCII: direction marks, digits of other scripts, the Arabic signs)."""
    return _parse_number(value, value)


def _parse_number(value: Any, written: Any) -> tuple[float, bool]:
    """parse_number of value, its problems quoting `written` (the value as the file holds
    it, where value is that text as read)."""
    if isinstance(value, bool):
        raise ValueProblem(f"expected a number, got {str(value).lower()} (a yes/no value)")
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueProblem(f"expected a finite number, got {value!r}")
        try:
            return float(value), False
        except OverflowError:  # an integer of more than 308 digits
            raise ValueProblem("expected a finite number, got an integer beyond 1e308") from None
    text = str(value).strip()
    if not text.isascii():
        text = number_text(text).replace("\u00a0", " ").replace("\u202f", " ")
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
        raise ValueProblem(f"expected a number, got {str(written)[:40]!r}")
    number = float(text)
    if not math.isfinite(number):
        raise ValueProblem(f"expected a finite number, got {str(written)[:40]!r}")
    return number, percent


def parse_share(value: Any) -> float:
    """A share of the buyer's input in [0, 1]: '60%', 0.6 and '0,6' all give 0.6."""
    number, percent = parse_number(value)
    return number / 100 if percent else number


def parse_pct(value: Any, *, fraction_allowed: bool) -> float:
    """A percentage 0-100; '71.0%' gives 71.0. With `fraction_allowed` (a table's cell), a
    number cell between 0 and 1 is a spreadsheet fraction: 0.71 gives 71.0. A text ('0.71',
    as CSV holds every number) is read as typed, 0.71: whether a column of texts holds
    fractions is told by the column (fraction_column), not by one cell."""
    number, percent = parse_number(value)
    if not percent and fraction_allowed and type(value) in (int, float) and 0 < number < 1:
        return round(number * 100, 6)
    return number


def fraction_column(values: Iterable[Any]) -> bool:
    """Whether a table's percentage column holds fractions, each read as a spreadsheet holds
    a percentage (0.95 is 95 %, 1 is 100 %): every number of it, a number cell or a text,
    from 0 to 1, none written with '%', and one at least between 0 and 1. A number above 1,
    or one written with '%', shows a column of percentages (0.5 beside 1.5 is 0.5 %); a
    value that is no number is passed over (its own problem). Each distinct value is read
    once."""
    between = False
    for value in dict.fromkeys(values):
        if value is None or type(value) is bool:
            continue
        try:
            number, percent = parse_number(value)
        except ValueProblem:
            continue
        if percent or not 0 <= number <= 1:
            return False
        between = between or 0 < number < 1
    return between


_GROUPED = re.compile(r"\s*\d{1,3}(\.\d{3})+\s*")


def parse_int(value: Any) -> int:
    """A whole number such as a worker count: '1,200' and '1.200' give 1200."""
    # most counts: plain digits (up to 15: a float, as parse_number reads them, holds them
    # exactly), or a whole number from a workbook
    if type(value) is str and len(value) <= 15 and value.isascii() and value.isdigit():
        return int(value)
    if type(value) is float and value.is_integer():
        return int(value)
    text = value
    if isinstance(value, str):
        if not value.isascii():  # (as parse_number reads it, before the dots are told)
            text = number_text(value.strip())
        if _GROUPED.fullmatch(text):
            text = text.replace(".", "")  # a count is never fractional: dots group thousands
    number, percent = _parse_number(text, value)
    if percent or not number.is_integer():
        raise ValueProblem(f"expected a whole number, got {str(value)[:40]!r}")
    return int(number)


# a number said to be about so much ('ca. 300', '~300', 'approx. 300', 'etwa 300', 'env. 300',
# 'aprox. 300', '300?'), or to be above or below it ('>300', 'more than 300', '300+'), in the
# languages the headers are read in: no figure, but one is in it
_ABOUT = (
    r"ca\.?|c\.|circa|zirka|approx\.?|approximately|appr\.?|about|around|roughly|some|"
    r"est\.?|estimated|etwa|ungef\.|ungefähr|rund|env\.?|environ|approximativement|"
    r"aprox\.?|aproximadamente|cerca de|unos|unas|cerca|~|≈|±|\+/-"
)
_BOUND = (
    r"[<>]=?|[≥≤]|more than|over|above|at least|less than|under|below|up to|mehr als|über|"
    r"mindestens|weniger als|unter|bis zu|plus de|au moins|moins de|jusqu'à|más de|"
    r"menos de|al menos|hasta|mais de|pelo menos|até"
)
_FIGURE = r"(?P<figure>[-+]?\d[\d.,' ]*%?|[-+]?\.\d+%?)"
_ESTIMATE = re.compile(
    rf"(?:(?P<about>{_ABOUT})|(?P<bound>{_BOUND}))\s*{_FIGURE}\s*\??"
    rf"|{_FIGURE.replace('figure', 'after')}\s*(?:(?P<plus>\+)|(?P<asked>\?)"
    rf"|\(?(?:{_ABOUT})\)?)",
    re.IGNORECASE,
)


# two figures written as a range ("85-90%", "80 - 90", "80 to 90", "80 bis 90")
_RANGE = re.compile(
    r"(?P<low>\d[\d.,]*\s?%?)\s*(?:-|–|to|bis|à|a)\s*(?P<high>\d[\d.,]*\s?%?)",
    re.IGNORECASE,
)


def estimate_told(value: Any, accepted: Callable[[str], bool], takes: str) -> str:
    """For a number field's value that is an estimate or a bound ('ca. 300', '>300'), what
    it is and how to write it: no figure is read from it (an estimate taken silently as the
    figure would be), but the message can say which one, where the field would read it
    (`accepted`), else what the field takes (`takes`: 'ca. 300' is no percentage); '' for
    any other value."""
    if type(value) is not str:
        return ""
    span = _RANGE.fullmatch(value.strip())
    if span is not None:  # ("85-90%", "80 to 90"): two figures, which one is not known
        high = span["high"].strip()
        if span["low"].strip().endswith("%") and not high.endswith("%"):
            high += "%"
        try:
            parse_number(high)
        except ValueProblem:
            return ""
        return (
            ": a range, not a figure; write one figure (the higher, "
            f"{high}, reads the risk with caution), or leave the value out (a data gap)"
            if accepted(high)
            else f": a range, not a figure; the column takes {takes}"
        )
    found = _ESTIMATE.fullmatch(value.strip())
    if found is None:
        return ""
    figure = (found["figure"] or found["after"]).strip()
    try:
        parse_number(figure)
    except ValueProblem:
        return ""
    kind = "a bound" if found["bound"] or found["plus"] else "an estimate"
    if not accepted(figure):
        return (
            f": {kind}, not a figure; the column takes {takes}: write the figure to have it"
            " read, or leave the value out (a data gap)"
        )
    return (
        f": {kind}, not a figure; write the number ({figure}) to have it read as the"
        " figure, or leave the value out (a data gap)"
    )


# 2025-03-14 (ASCII digits only): strptime's first format, read ten times faster
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%Y/%m/%d", "%d-%m-%Y", "%Y%m%d")

# the months by name as certificates, audit reports and exports write them, in English,
# German, French, Spanish, Italian, Portuguese and Dutch, full and short, with or without the
# dot (accents aside, lower case): "31 Jan 2024", "31. Januar 2024", "14 fév 2025", "14 gen
# 2025". Not the Portuguese "out" (outubro), an English word: "outubro" is read
_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar janner janv enero ene gennaio gen janeiro januari",
            "february feb februar feber fevrier fevr fev febrero febbraio fevereiro februari",
            "march mar marz maerz mrz mars marzo marco maart mrt",
            "april apr avril avr abril abr aprile",
            "may mai mayo maggio mag maio mei",
            "june jun juni juin junio giugno giu junho",
            "july jul juli juillet juil juill julio luglio lug julho",
            "august aug aout aou agosto ago augustus",
            "september sep sept septembre septiembre setiembre settembre set setembro",
            "october oct oktober okt octobre octubre ottobre ott outubro",
            "november nov noviembre novembre novembro",
            "december dec dezember dez decembre diciembre dic dicembre dezembro",
        ),
        start=1,
    )
    for name in names.split()
}
# a day, a month's name and a year ("31 Jan 2024", "31. Januar 2024", "31-Jan-2024", "1st
# March 2024", "31 de enero de 2024"), or the month first ("Jan 31, 2024", "January 31st 2024")
_NAMED_DATE = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?[\s/-]*(?:de\s+)?(?P<month>[^\W\d_]{3,})\.?"
    r"[\s/,-]*(?:de\s+)?(?P<year>\d{4})"
    r"|(?P<month2>[^\W\d_]{3,})\.?\s*(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(?P<year2>\d{4})",
    re.IGNORECASE,
)


def month_of(name: str) -> int | None:
    """The number of a month written by its name ("Jan", "Januar", "März", "août"), or None."""
    # the name without its accents, as _MONTHS holds it
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return _MONTHS.get(plain.rstrip("."))


def _named_date(text: str) -> dt.date | None:
    """A date written with its month's name ("31 Jan 2024", "Jan 31, 2024"), or None; a
    ValueProblem for a day its month does not have (31 Feb 2024)."""
    found = _NAMED_DATE.fullmatch(text)
    if found is None:
        return None
    day, month, year = found.group("day", "month", "year")
    if day is None:
        day, month, year = found.group("day2", "month2", "year2")
    number = month_of(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:  # (31 Feb 2024)
        if not int(year):
            why = "there is no year 0"
        else:
            days = calendar.monthrange(int(year), number)[1]
            why = f"{calendar.month_name[number]} {year} has {days} days, not {int(day)}"
        raise ValueProblem(f"{text[:40]!r} does not exist: {why}") from None


def parse_date(value: Any) -> dt.date:
    """A date: ISO 8601, 31.12.2025 or 31/12/2025 (day first), a month by its name (31 Jan
    2024, 31. Januar 2024, Jan 31, 2024), or a spreadsheet date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    written = cell_text(value)  # (a number cell's 20250314.0 is the 20250314 typed)
    if written.isascii():
        return _date_of(written, written, value)
    return _gregorian(_date_of(value_text(written), written, value), written)


# the time of a datetime written after its date and a space, as a spreadsheet exports a date
# cell with its time ("2025-03-14 00:00:00", "14/03/2025 13:45", "14/3/2025 1:45 PM")
_TIME_AFTER = re.compile(
    r"\s+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d{1,9})?)?(?:\s*[ap]\.?m\.?)?\Z",
    re.IGNORECASE,
)


def _date_of(text: str, written: str, value: Any) -> dt.date:
    """parse_date of a text as read (value_text), its problems quoting it as `written`."""
    if (time := _TIME_AFTER.search(text)) is not None:
        text = text[: time.start()]  # (the date of a datetime: its time is not read)
    whole = text
    if "T" in text:
        text = text.split("T", 1)[0]
    if _ISO_DAY.fullmatch(text):  # the usual shape, read as the first format reads it
        try:
            return dt.date.fromisoformat(text)
        except ValueError:  # (no such day: the formats below say so as for any other)
            pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    named = _named_date(whole)  # (all of it: "31 OCT 2024" holds a T)
    if named is not None:
        return named
    why = why_no_date(text)
    if why is not None:  # written as a date is, but no day of the calendar (2026-02-30)
        raise ValueProblem(f"{written[:40]!r} does not exist: {why}")
    short = _two_digit_year(whole)
    if short is not None:
        raise ValueProblem(f"{written[:40]!r} has a two-digit year: {short}")
    raise ValueProblem(f"expected a date such as 2025-03-14, got {written[:40]!r}{_serial(value)}")


# a date whose year is written in two digits, day first as dates are read: in numbers
# ("14/03/25", "14.3.25", "14-03-25") or with its month's name ("14-Mar-25", Excel's d-mmm-yy,
# "14 fév 25")
_SHORT_YEAR = re.compile(
    r"(?P<day>\d{1,2})(?P<sign>[-./])(?P<month>\d{1,2})(?P=sign)(?P<year>\d{2})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th|er)?\.?[\s/-]*(?:de\s+)?(?P<name>[^\W\d_]{3,})\.?"
    r"[\s/,-]*(?:de\s+)?(?P<year2>\d{2})",
    re.IGNORECASE,
)
# a two-digit year is read as a spreadsheet reads it: 00 to 29 in this century, 30 to 99 in
# the last (Excel's rule)
_CENTURY_PIVOT = 30


def _two_digit_year(text: str) -> str | None:
    """How a date written with a two-digit year would be read and what to write instead
    ("if 2025-03-14 is meant, write 2025-03-14 or 14-Mar-2025"), or None where text is no
    such date. Such a date is never read: 14/03/25 may as well be 2014-03-25."""
    found = _SHORT_YEAR.fullmatch(text)
    if found is None:
        return None
    if found.group("day") is not None:
        day, month, short = map(int, found.group("day", "month", "year"))
        start = found.start("year")
    else:
        number = month_of(found.group("name"))
        if number is None:  # ("14 Foo 25")
            return None
        day, month, short = int(found.group("day2")), number, int(found.group("year2"))
        start = found.start("year2")
    year = (2000 if short < _CENTURY_PIVOT else 1900) + short
    try:
        meant = dt.date(year, month, day)
    except ValueError:  # (no such day, read in that year either)
        return None
    full = f"{text[:start]}{year}{text[start + 2 :]}"
    return f"if {meant.isoformat()} is meant, write {meant.isoformat()} or {full}"


# the first year of a date written in digits other than 0-9: those of Persian and Arabic
# write the Persian (Solar Hijri) and the Hijri calendars' dates too, whose years (1405, 1447
# in 2026) would read as centuries past, and no audit or certificate is dated before it
_FIRST_YEAR_IN_OTHER_DIGITS = 1900


def _gregorian(date: dt.date, written: str) -> dt.date:
    """A date read from `written`; a ValueProblem where, written in digits other than 0-9,
    its year is before 1900: a year of another calendar, not a Gregorian one guessed."""
    if date.year >= _FIRST_YEAR_IN_OTHER_DIGITS or all(
        char.isascii() for char in written if char.isdecimal()
    ):
        return date
    raise ValueProblem(
        f"{written[:40]!r} reads as {date.isoformat()}, a year of another calendar than the"
        " Gregorian (the Persian or the Hijri?): dates are read in the Gregorian calendar;"
        " write it so, such as 2026-06-30"
    )


# the days a spreadsheet counts dates by start from 30 December 1899; a number of days from
# 1950 to 2100 in a date field is most likely a date cell that lost its date format
_SPREADSHEET_EPOCH = dt.date(1899, 12, 30)
_SERIALS = range(18264, 73051)


def _serial(value: Any) -> str:
    """A hint for a number that is a spreadsheet's count of days (45000: 2023-03-15): the
    cell lost its date format (a date is never guessed from a number)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    if isinstance(value, float) and not value.is_integer():  # (nan and inf too)
        return ""
    if int(value) not in _SERIALS:
        return ""
    day = _SPREADSHEET_EPOCH + dt.timedelta(days=int(value))
    return (
        f", a number: as a spreadsheet counts days it is {day.isoformat()}; format the cell"
        " as a date, or write the date"
    )


# dates written in numbers as parse_date reads them: year first (2026-02-30), day first
# (31.04.2025, 31/04/2025)
_ISO_SHAPE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")
_DAY_FIRST_SHAPE = re.compile(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4})")


def why_no_date(text: str) -> str | None:
    """Why a text written as a date in numbers is no day ("April 2025 has 30 days, not
    31", "there is no month 13"); None when it is not written so."""
    if (found := _ISO_SHAPE.fullmatch(text)) is not None:
        year, month, day = map(int, found.group(1, 3, 4))
    elif (found := _DAY_FIRST_SHAPE.fullmatch(text)) is not None:
        day, month, year = map(int, found.group(1, 3, 4))
    else:
        return None
    if not year:
        return "there is no year 0"
    if not 1 <= month <= 12:
        if found.re is _DAY_FIRST_SHAPE and 1 <= day <= 12:  # (12/31/2025: month first)
            days = calendar.monthrange(year, day)[1]
            if month <= days:
                return (
                    f"there is no month {month}: dates are read day first; if it is"
                    f" {calendar.month_name[day]} {month}, write {year}-{day:02d}-{month:02d}"
                )
            return (  # (02/29/2025: no day read month first either)
                f"there is no month {month}, and read month first, {calendar.month_name[day]}"
                f" {year} has {days} days, not {month}"
            )
        return f"there is no month {month}"
    if not day:
        return "there is no day 0"
    days = calendar.monthrange(year, month)[1]
    if day > days:
        return f"{calendar.month_name[month]} {year} has {days} days, not {day}"
    return None


# "the end of" a month or a year, in English, German, French and Spanish: "end of June 2026",
# "Ende 2026", "fin juin 2026", "finales de 2026"
_END_OF = r"(?:(?:the\s+)?end(?:\s+of)?|ende|fin(?:\s+de)?|fin(?:ale)?s\s+de)\s+"
_YEAR_END = re.compile(rf"{_END_OF}(?P<year>\d{{4}})", re.IGNORECASE)
# a month and its year: "June 2026", "Juni 2026", "junio de 2026", "Jun-2026", "06/2026",
# "6.2026", "2026-06" (and "the end of" one: "Ende Juni 2026")
_MONTH_YEAR = re.compile(
    rf"(?:{_END_OF})?(?:(?P<name>[^\W\d_]{{3,}})\.?[\s/,-]*(?:de\s+)?(?P<year>\d{{4}})"
    r"|(?P<month>\d{1,2})\s*[./-]\s*(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})\s*[./-]\s*(?P<month2>\d{1,2}))",
    re.IGNORECASE,
)


def _last_day(text: str) -> dt.date | None:
    """The last day of a month and its year, or of the year whose end is written ("June
    2026" is 2026-06-30, "Ende 2026" 2026-12-31), or None; a ValueProblem for a month or a
    year that does not exist (13/2026)."""
    if (found := _YEAR_END.fullmatch(text)) is not None:
        year, month = int(found.group("year")), 12
    elif (found := _MONTH_YEAR.fullmatch(text)) is not None:
        if found.group("name") is not None:
            number = month_of(found.group("name"))
            if number is None:  # ("Foo 2026")
                return None
            year, month = int(found.group("year")), number
        elif found.group("month") is not None:
            year, month = int(found.group("year2")), int(found.group("month"))
        else:
            year, month = int(found.group("year3")), int(found.group("month2"))
    else:
        return None
    if not 1 <= month <= 12:
        raise ValueProblem(f"{text[:40]!r} does not exist: there is no month {month}")
    if not year:
        raise ValueProblem(f"{text[:40]!r} does not exist: there is no year 0")
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_expiry(value: Any) -> dt.date:
    """A certification's expiry date: a date as parse_date reads it, or a month and its year
    ('June 2026', 'Juni 2026', '06/2026', '2026-06') or the end of a year ('Ende 2026', 'end
    of 2026') read as the last day of that month or year: a certificate valid until June
    2026 is valid through June. A year alone ('2026') is no date."""
    try:
        return parse_date(value)
    except ValueProblem:
        text = cell_text(value)
        if not text.isascii():  # (one parse_date refused for its direction or digits: again)
            text = value_text(text)
        last = _last_day(text)
        if last is not None:
            return _gregorian(last, cell_text(value))
        if re.fullmatch(r"[0-9]{4}", text) and int(text):  # (what to write instead)
            raise ValueProblem(
                f"a year alone is no expiry date: write the day it ends ('{text}-12-31'), its"
                f" month ('December {text}') or 'end of {text}'"
            ) from None
        raise


# the words a date may hold besides a month's name: ordinals ("1st", "1er"), "de" ("31 de
# enero de 2024"), "the end of" ("Ende", "fin"), a quarter's "Q"; and the relative dates,
# which name a day that cannot be read ("tomorrow", "heute", "demain")
_DATE_WORDS = frozenset(
    {"st", "nd", "rd", "th", "er", "de", "of", "the", "end", "ende", "fin", "fines", "finales", "q"}
    # a date's part or season, and a date given roughly: "Mid 2023", "Spring 2026", "approx."
    | {"early", "mid", "late", "beginning", "start", "anfang", "mitte", "debut", "mi"}
    | {"principios", "mediados", "spring", "summer", "autumn", "fall", "winter"}
    | {"fruhjahr", "fruhling", "sommer", "herbst", "printemps", "ete", "automne", "hiver"}
    | {"primavera", "verano", "otono", "invierno", "approx", "approximately", "ca", "circa"}
)
_RELATIVE_DATES = frozenset(
    {"today", "tomorrow", "yesterday", "heute", "morgen", "gestern", "aujourd", "hui"}
    | {"demain", "hier", "hoy", "manana", "ayer"}
)
_DATE_TEXT = re.compile(r"(?:[^\W_]|[\s.,/'’-])*")  # (letters, digits, spaces, . , / ' -)
# the digits of a date: a year, or numbers joined as dates join them ("31.13", "2024-13-45")
_DATE_DIGITS = re.compile(r"\d{4}|\d{1,4}\s*[./-]\s*\d{1,4}")
# a day, a word and a year: a month's name misspelt ("31 Foo 2024")
_DAY_WORD_YEAR = re.compile(
    r"\d{1,2}(?:st|nd|rd|th|er)?\.?[\s/-]*[^\W\d_]{3,}\.?[\s/,-]*\d{4}", re.IGNORECASE
)


def expiry_problem(value: Any) -> str | None:
    """Why a value is no expiry date (parse_expiry's message: a day count's date, a year
    alone); None where it reads as one."""
    try:
        parse_expiry(value)
    except ValueProblem as problem:
        return str(problem)
    return None


def looks_like_date(text: str) -> bool:
    """Whether text is written as a date is, whether or not it can be read: digits of a date
    or a month's name with no other words than a date holds ("31 Feb 2024", "2024-13-45",
    "Jan 31", "2026", "Q3 2026"), a relative date ("tomorrow"), or a day, a word and a year
    ("31 Foo 2024"). Not "for 3 sites", "3 years" nor "cocoa"."""
    text = text.strip()
    if _DAY_WORD_YEAR.fullmatch(text):
        return True
    if not _DATE_TEXT.fullmatch(text):  # (other signs: "(", "%", ":")
        return False
    named = False  # a month's name or a relative date
    for word in re.findall(r"[^\W\d_]+", text):
        plain = unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode()
        if month_of(word) is not None or plain in _RELATIVE_DATES:
            named = True
        elif plain not in _DATE_WORDS:
            return False
    return named or _DATE_DIGITS.search(text) is not None


# a date is written in at most 6 words ("the end of June 2026", "31 de enero de 2024"); the
# signs a date written before other text may end with ("30 June 2023 - renewal pending")
_DATE_MOST_WORDS = 6
_DATE_TRAILING = " \t,;:/()-\u2013\u2014"
# the words that begin a date given as a part of a year, a season or roughly ("Mid 2023",
# "Spring 2026", "Ende 2026"): followed by a year, and maybe a month's name before it
_ROUGH_WORDS = _DATE_WORDS - {"st", "nd", "rd", "th", "er", "de", "of", "q"}
# how text begins that really begins as a date is written, before any other words: a day,
# a month and a year in digits ("31.02.2024", "2024-13-45"; not "10.5.3"), a month and its
# year ("06/2026", "13/2026", "2026-06"; not "2025-26", "1 2026"), a day and a month's name
# or a word and a year ("31 Feb", "1st June", "31 Foo 2024"), a month's name, a relative
# date ("tomorrow"), or a rough word and a year ("Mid-2023", "end of June 2026"); not a bare
# number ("1.5", "10 years"), a fraction or a day and a month ("3/4", "31/12"), a range
# ("1-2", "2 - 3", "2023 to 2026"), a year and other words ("2026 farms") nor "Q4 2025"
_NUMERIC_DATE_START = re.compile(
    r"(?:\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2}(?:\d{2})?"
    r"|\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}"
    r"|\d{1,2}\s*[./-]\s*\d{4}"
    r"|\d{4}\s*[./-]\s*(?:0?[1-9]|1[0-2]))(?![\w./-])"
)
_DAY_WORD = re.compile(
    r"\d{1,2}(?:st|nd|rd|th|er)?\.?[\s/-]*(?P<word>[^\W\d_]{3,})(?P<year>\.?[\s/,-]*\d{4})?",
    re.IGNORECASE,
)


def _plain(word: str) -> str:
    """A word folded to plain ASCII letters: "Frühjahr" is "fruhjahr"."""
    return unicodedata.normalize("NFKD", word.casefold()).encode("ascii", "ignore").decode()


def begins_as_date(text: str) -> bool:
    """Whether text really begins as a date is written, whatever follows: see
    _NUMERIC_DATE_START ("31.02.2024 for 2 sites", "13/2026 maybe", "31 Feb 2024 renewal",
    "June 2026 approx", "Mid-2023 renewal", "tomorrow"); not "1.5 years", "3/4 sites",
    "2026 farms", "2023 to 2026", "2025-26 season", "31/12 every year" nor "Q4 2025 pending"."""
    text = text.strip()
    if _NUMERIC_DATE_START.match(text):
        return True
    day = _DAY_WORD.match(text)
    if day is not None and (month_of(day.group("word")) is not None or day.group("year")):
        return True
    words = re.findall(r"\w+", text)[:5]  # ("Mid-2023": "Mid", "2023"; "2026x" no year)
    if not words:
        return False
    if month_of(words[0]) is not None or _plain(words[0]) in _RELATIVE_DATES:
        return True
    rough = 0  # a rough word, the words a date holds, a month's name maybe, then a year
    while rough < len(words) and _plain(words[rough]) in _DATE_WORDS:
        rough += 1
    if not rough or _plain(words[0]) not in _ROUGH_WORDS:
        return False
    if rough < len(words) and month_of(words[rough]) is not None:
        rough += 1
    return rough < len(words) and re.fullmatch(r"\d{4}", words[rough]) is not None


def leading_expiry(text: str) -> dt.date | None:
    """The expiry date text begins with, as parse_expiry reads it: all of text, else the
    longest run of its first words that is a date ("2023-06-30 for 2 sites" and "30 June 2023
    - renewal pending" give 2023-06-30, "June 2026 approx" 2026-06-30).

    A ValueProblem where no date can be read but all of text is written as a date
    (looks_like_date: "31 Feb 2024", "2023", "Q4 2025"), or text really begins as one
    (begins_as_date: "31 Feb 2024 for 2 sites", "Mid 2023 renewal", "Spring 2026 approx"):
    that of the longest first words written as a date. None otherwise, where what follows
    the expiry word is no date but other text: a bare number, a fraction, a range or a year
    followed by other words ("for 3 sites", "further notice", "1.5 years", "3/4 sites",
    "1-2 years", "2026 farms", "2023 audit", "2023 to 2026", "Q4 2025 pending")."""
    text = text.strip()
    try:
        return parse_expiry(text)
    except ValueProblem as e:
        unread = [(text, e)]  # (the words tried, longest first, and why they are no date)
    ends = [found.end() for found in re.finditer(r"\S+", text)][:_DATE_MOST_WORDS]
    for end in reversed(ends):
        words = text[:end].rstrip(_DATE_TRAILING)
        if words and words != text:
            try:
                return parse_expiry(words)
            except ValueProblem as e:
                unread.append((words, e))
    whole = text.rstrip(_DATE_TRAILING)
    if whole and looks_like_date(whole):
        raise next((p for words, p in unread if words in (text, whole)), unread[0][1])
    if not begins_as_date(text):
        return None
    for words, problem in unread:
        if looks_like_date(words):
            raise problem
    raise unread[-1][1]


# the words before "mill" and "farm" in the compounds read as a factory type: any word of at
# least 3 letters ("Sawmill", "Papermill", "Yarnmill", "Kakaofarm", "Lachsfarm",
# "Hühnerfarm", "Fishfarming"), but those of a deny list, as "mill" and "farm" also end names
# and words for what is no factory: a mill or farm by what drives it or what it makes
# ("Windmill Lane", "Watermill", "Windfarm", "Solarfarm"), "Treadmill", "Tiermill"; and a
# word of 2 letters or fewer is no compound ("Hamill")
_COMPOUND_DENIED = "wind|water|solar|tread|tier|ham"
_COMPOUND = rf"(?!(?:{_COMPOUND_DENIED})(?:mill|farm))[^\W\d_]{{3,}}"
_MILL_COMPOUNDS = _FARM_COMPOUNDS = _COMPOUND
# the words a factory type is read from, checked in this order: (word, tier, the parts it
# follows in one word, the parts that follow it in one word). A compound is read only where
# the word is a whole part of it and its other part is listed, as other words end or start
# with a tier word's letters ("Indirect", "Predetermined", "Examined", "beginning",
# "unfinished"; "million", "Farmacia", "fabrication", "trimester", "finalised", "director",
# "minerals"); "mill" and "farm" follow any word but a denied one (_COMPOUND: "Treadmill",
# "Windfarm" are no tier). A sub-assembly, as a subcomponent, is a component
# of the finished good: tier 2, as "component" is
_TIER_WORDS: tuple[tuple[str, int, str, str], ...] = (
    ("raw material extraction", 4, "", ""),
    ("raw material processing", 3, "", ""),
    ("raw material", 4, "", ""),
    ("farm", 4, _FARM_COMPOUNDS, "lands?|houses?|steads?|yards?|workers?|hands?"),
    (
        "mine",
        4,
        "gold|coal|copper|tin|iron|salt|silver|diamond|cobalt|mica|lithium|nickel|zinc",
        "workers?|sites?|shafts?",
    ),
    ("spinning", 3, "ring|rotor", "mills?"),
    ("yarn", 3, "", ""),
    ("ginning", 4, "", ""),
    ("material production", 2, "", ""),
    ("fabric", 2, "", ""),
    ("mill", 2, _MILL_COMPOUNDS, "workers?|houses?"),
    ("component", 2, "sub", ""),
    ("subassembly", 2, "", ""),
    ("sub assembly", 2, "", ""),
    ("trim", 2, "", ""),
    ("final", 1, "", ""),
    ("finished", 1, "", ""),
    ("assembly", 1, "", ""),
    ("cmt", 1, "", ""),
    ("direct", 1, "", "ly"),
)
# "direct" in German, Spanish, Portuguese and French, a whole word without endings (no
# "director", "diretor"): tier 1
_DIRECT_ABROAD = re.compile(r"\b(?:direkt|directo|directa|direto|direta|directe)\b")
# an indirect supplier's word: below tier 1, but no tier ("Indirect", "Fornecedor indireto")
_INDIRECT = re.compile(r"\b(?:indirect|indirekt|indirecto|indireto|indirecte)\w*")

# no chain is mapped 99 tiers deep: a larger number is not a tier (a code, an id)
MAX_TIER = 99
_TIERS = range(1, MAX_TIER + 1)


def _tier_pattern(word: str, before: str, after: str) -> re.Pattern[str]:
    """A tier word as a whole word: alone, with an ending ('farms', 'farmer', 'farming';
    a word of one syllable that ends in a vowel and a consonant doubles it: 'trimmings'; an
    e dropped: 'mining'; a y as 'ies': 'assemblies'), or as a whole part of a compound
    (`before` it, `after` it: 'subcomponents', 'Sawmill', 'farmland'); its words apart by
    spaces or hyphens, each with an s or not ('raw-material', 'raw materials processing')."""
    stem = r"s?[\s-]+".join(map(re.escape, word.split()))
    endings = ["s", "es", "d", "ed", "r", "rs", "er", "ers", "ing", "ings"]
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", word):  # (trim: trimmed, trimmings)
        endings += [word[-1] + ending for ending in ("ed", "er", "ers", "ing", "ings")]
    if word.endswith("e"):  # (mine: mining)
        stem = f"{stem[:-1]}(?:e|(?=ing))"
    if re.search(r"[^aeiou]y$", word):  # (assembly: assemblies)
        stem = f"{stem[:-1]}(?:y|(?=ies))"
        endings.append("ies")
    parts = "|".join(filter(None, ("|".join(endings), after)))
    prefix = f"(?:{before})?" if before else ""
    return re.compile(rf"\b{prefix}{stem}(?:{parts})?\b")


_TIER_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (_tier_pattern(word, before, after), tier) for word, tier, before, after in _TIER_WORDS
)


# a number written as text ('2', '-1', '2.5', '2,0', '1e1'), and one that is a whole tier
_NUMBER_TEXT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?")
_WHOLE_TEXT = re.compile(r"\+?0*(\d{1,4})(?:[.,]0*)?")


def parse_tier(value: Any) -> int | None:
    """A tier as written: 2, 'Tier 2', 'T2', or a factory type ('Fabric mill', 'Trimmings',
    'Sawmill' and 'Subassembly' are tier 2: see _TIER_WORDS and _tier_pattern); None for a
    placeholder that declares no tier ('n/a', '-', 'unknown', 'tbd'), as for a blank."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value in _TIERS:  # (1.0 is in it; 1.5, 10**400 and nan are not)
            return int(value)
        shown = (
            cell_text(value) if isinstance(value, float) or abs(value) < 10**15 else "a larger one"
        )
        raise ValueProblem(f"expected a tier number from 1 to {MAX_TIER}, got {shown}")
    text = str(value).strip()
    if not text.isascii():
        text = value_text(text)  # (without its direction marks, its digits 0-9)
    text = text.casefold()
    if _NUMBER_TEXT.fullmatch(text):  # a number written as text: read as the number it is
        whole = _WHOLE_TEXT.fullmatch(text)  # ('2', '2.0' and '2,0' as exported; not '2.5')
        if whole and int(whole.group(1)) in _TIERS:
            return int(whole.group(1))
        raise ValueProblem(f"expected a tier number from 1 to {MAX_TIER}, got {str(value)[:40]!r}")
    match = re.search(r"\d+", text)
    digits = match.group().lstrip("0") if match else ""  # (a tier 0 may be a factory type)
    if digits and len(digits) <= len(str(MAX_TIER)) and int(digits) <= MAX_TIER:
        return int(digits)
    if not match and is_placeholder(text):
        return None
    for pattern, tier in _TIER_PATTERNS:  # a factory type, or a number that is no tier
        if pattern.search(text):  # ("ISO 9001")
            return tier
    if _DIRECT_ABROAD.search(text):
        return 1
    if digits:
        raise ValueProblem(f"expected a tier from 1 to {MAX_TIER}, got {str(value)[:40]!r}")
    if _INDIRECT.search(text):
        raise ValueProblem(
            f"{str(value)[:40]!r} says the supplier is indirect (tier 2 or below), not which"
            " tier: leave the tier blank (ddtool counts the tiers from the buyers column)"
            " or write its number"
        )
    raise ValueProblem(f"expected a tier such as 'Tier 2', got {str(value)[:40]!r}")


# "not known", "none" in the other scripts suppliers' lists are written in (Chinese,
# Russian, Arabic): a placeholder, not a value
_OTHER_SCRIPTS_UNKNOWN = frozenset(
    {
        *("不详", "未知", "无", "不明", "暂无", "待定", "不清楚", "未提供"),
        *("неизвестно", "нет данных", "н/д", "нет", "не указано"),
        *("غير معروف", "لا يوجد"),
    }
)


def is_placeholder(text: str) -> bool:
    """Whether a value says no more than a blank: one of the words the country and sector
    fields read as unknown ('n/a', 'none', 'unknown', 'tbd', '?', and such a placeholder's
    letters written apart: 'n.a.', 's/d', 'k.A.'), or punctuation alone ('-', '–', '—')."""
    from ddtool.reference.countries import is_unknown_text  # (loaded with the normaliser)

    if not any(map(str.isalnum, text)):
        return True
    if text.strip().casefold() in _OTHER_SCRIPTS_UNKNOWN:
        return True
    # (the placeholders are written in Latin letters: a text in other letters, which the
    # unknown words' key folds to nothing, "Текстиль", "纺织", "شركة", says more than a blank)
    return is_unknown_text(text) and _plain(text).strip() != ""


_LIST_SEPARATORS = re.compile(r"[;,|\n]")
# the items of a cell whose separators inside parentheses do not split it: "SA8000 (valid
# until Jan 31, 2024), Fairtrade" is two items (a "(" never closed is a character as others)
_LIST_ITEMS = re.compile(r"(?:\([^()]*\)|[^;,|\n])+")


def has_separator(text: str) -> bool:
    """Whether split_list splits text: it holds ';', ',', '|' or a new line."""
    return ";" in text or "," in text or "|" in text or "\n" in text


def split_list(value: Any) -> list[str]:
    """A list from YAML, or a cell with items separated by ';', ',', '|' or new lines (not
    inside parentheses)."""
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
        parts = _LIST_ITEMS.findall(text) if "(" in text else _LIST_SEPARATORS.split(text)
        items = [part.strip() for part in parts]
    return [item for item in items if item]


def as_id(value: Any) -> str:
    """An identifier: spreadsheet numbers such as 1001.0 become '1001'; accented letters in
    one form (see unicode_id). (A table column of such numbers exported as text, '1001.0',
    is read so too: see whole_numbers.)"""
    if type(value) is str:  # most ids
        text = value.strip()
        return text if text.isascii() else unicode_id(text)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text if text.isascii() else unicode_id(text)


def whole_numbers(ids: list[str]) -> list[str] | None:
    """A column of ids that are all whole numbers, some written as a spreadsheet exports a
    number column as text ('1001.0'), as the numbers ('1001'); None for any other column
    ('1.0' beside '1.1' is a version or an outline number, kept as written)."""
    if not any(i.endswith(".0") for i in ids):
        return None
    if not all(
        i.isascii() and (i.isdigit() or (i.endswith(".0") and i[:-2].isdigit())) for i in ids if i
    ):
        return None
    return [i[:-2] if i.endswith(".0") else i for i in ids]


def as_text(value: Any) -> str:
    """Free text (a name, a region, a product): stripped, its letters beyond ASCII in one
    Unicode form (NFC), so that 'Société' composed and decomposed are one text, and without
    the marks that only set the direction of text (see unicode_text)."""
    text = value.strip() if type(value) is str else cell_text(value)  # (2025, not 2025.0)
    return text if text.isascii() else unicode_text(text)


# The characters that set only which way text runs, none a letter or shown: the marks
# (U+200E left-to-right, U+200F right-to-left, U+061C Arabic letter mark), the embeddings
# and overrides (U+202A-U+202E) and the isolates (U+2066-U+2069); and the zero-width
# no-break space (U+FEFF, a byte-order mark where files were joined). Texts in Arabic,
# Hebrew or Persian, and text copied from word processors, carry them.
DIRECTION_CONTROLS = (
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
HOLDS_DIRECTION_CONTROL = re.compile(f"[{DIRECTION_CONTROLS}]").search
_DIRECTION_CONTROLS = dict.fromkeys(map(ord, DIRECTION_CONTROLS))


def unicode_text(text: str) -> str:
    """A stripped text beyond ASCII as one text whatever wrote it: in NFC, and without its
    direction controls (DIRECTION_CONTROLS), so that 'Cocoa Ltd' with a left-to-right mark
    is 'Cocoa Ltd', as it shows. The joiners (U+200C, U+200D) are kept: they change how
    letters are drawn (in Persian, Arabic and Indic names, in emoji)."""
    if HOLDS_DIRECTION_CONTROL(text) is not None:
        text = text.translate(_DIRECTION_CONTROLS).strip()
    return unicodedata.normalize("NFC", text)


_OVERRIDES = frozenset("\u202d\u202e")
_ISOLATES = frozenset("\u2066\u2067\u2068")
# the embeddings, overrides and isolates, and the two that close them
DIRECTION_FORMATS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def direction_trick(text: str) -> str | None:
    """The direction control that can make a text show in another order than it is read
    (the "Trojan Source" trick): an override (U+202D, U+202E) anywhere, else the first
    embedding (U+202A, U+202B) or isolate (U+2066-U+2068) left open. An embedding closed
    by U+202C, or an isolate by U+2069, only sets the direction within (as word processors
    write a line of Arabic or Hebrew in one of English), as the marks do."""
    opened: list[str] = []
    found: list[str] = DIRECTION_FORMATS.findall(text)
    for char in found:
        if char in _OVERRIDES:
            return char
        if char == "\u202c":  # (closes the last embedding, not one outside an isolate)
            if opened and opened[-1] not in _ISOLATES:
                opened.pop()
        elif char == "\u2069":  # (closes the last isolate, and the embeddings within it)
            if any(o in _ISOLATES for o in opened):
                while opened.pop() not in _ISOLATES:
                    pass
        else:
            opened.append(char)
    return opened[0] if opened else None


def direction_told(trick: str) -> str:
    """A direction control that direction_trick found, and what it does, in words."""
    told = f"the direction control U+{ord(trick):04X} ({unicodedata.name(trick)})"
    if trick in _OVERRIDES:
        return f"{told}, which shows the characters after it in another order than they are written"
    closer = "U+2069" if trick in _ISOLATES else "U+202C"
    return f"{told}, which is not closed (by {closer}), so it sets the direction of what follows"


def value_text(text: str) -> str:
    """A stripped text of a number, a date or a tier as it shows and is read: without its
    direction marks (a right-to-left mark that a spreadsheet of Arabic, Hebrew or Persian
    writes beside '60%' or '2026-06-01'), as a name is read (unicode_text), and its digits
    of another script as 0-9 (see _ascii_digits). A ValueProblem for a direction control
    that can make it show in another order than it is read (direction_trick: '21' after an
    override shows as '12'), or digits of two scripts."""
    written = text
    if HOLDS_DIRECTION_CONTROL(text) is not None:
        trick = direction_trick(text)
        if trick is not None:
            raise ValueProblem(f"{text[:40]!r} holds {direction_told(trick)}; remove it")
        text = text.translate(_DIRECTION_CONTROLS).strip()
    return _ascii_digits(text, written)


# the zeros of the Arabic-Indic and the Persian digits: one set of digits, the Persian
# writing three of them (4, 5, 6) otherwise, and mixed in Persian text
_ARABIC_ZERO, _PERSIAN_ZERO = 0x0660, 0x06F0


def _ascii_digits(text: str, written: str) -> str:
    """A text with its decimal digits of another script as 0-9: the Arabic-Indic (٠-٩) and
    Persian (۰-۹) digits of Arabic and Persian spreadsheets, and those of any script Unicode
    counts as decimal digits (Devanagari, Bengali, full-width ０-９), each read as the digit
    it is. A ValueProblem for digits of two scripts in one value (`written`): '1٠5' shows as
    '1.5' (the Arabic-Indic zero is a dot) but would read 105."""
    zeros = {ord(char) - unicodedata.decimal(char) for char in text if char.isdecimal()}
    if zeros <= {ord("0")}:
        return text
    if len({_ARABIC_ZERO if zero == _PERSIAN_ZERO else zero for zero in zeros}) > 1:
        scripts = " and ".join(f"{chr(zero)}-{chr(zero + 9)}" for zero in sorted(zeros))
        raise ValueProblem(
            f"{written[:40]!r} mixes the digits of several scripts ({scripts}): write it in"
            " the digits of one"
        )
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


# the signs of numbers in Arabic: the percent sign (U+066A), the decimal separator (U+066B)
# and the thousands separator (U+066C, between groups of three digits only)
_ARABIC_SIGNS = {0x066A: "%", 0x066B: ".", 0x066C: ""}
_ARABIC_GROUPED = re.compile(r"[-+]?[0-9]{1,3}(?:\u066c[0-9]{3})+(?:\u066b[0-9]*)?\s*[%\u066a]?")


def number_text(text: str) -> str:
    """A stripped text of a number as value_text reads it, and with the Arabic percent
    sign and separators as '%', '.' and none ('٦٠٪' is '60%', '١٬٢٠٠٫٥' is '1200.5')."""
    written, text = text, value_text(text)
    if "\u066c" in text and not _ARABIC_GROUPED.fullmatch(text):
        raise ValueProblem(
            f"expected a number, got {written[:40]!r}: the Arabic thousands separator U+066C"
            " stands between groups of three digits"
        )
    return text.translate(_ARABIC_SIGNS)


# characters that show nothing, pasted in with ids from web pages and other systems
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, ZERO_WIDTH + DIRECTION_CONTROLS))


def unicode_id(text: str) -> str:
    """An id with letters beyond ASCII as one text whatever wrote it: 'Café' composed (NFC),
    as one system writes it, equals 'Cafe' + a combining accent, as another does; and
    invisible characters (zero-width spaces and joiners, a soft hyphen, direction controls)
    are dropped."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE)).strip()
